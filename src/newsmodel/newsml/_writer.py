"""Write an :class:`~newsmodel.Article` as a NewsML-G2 ``newsItem`` (and messages of them)."""

from __future__ import annotations

import itertools
import re
from datetime import date, datetime, timedelta, timezone
from typing import IO, TYPE_CHECKING, Literal

import attrs
from lxml import etree

from newsmodel._metadata import CANONICAL_SEPARATOR
from newsmodel._models import (
    Article,
    Attribution,
    fallback_slug,
)
from newsmodel.errors import WriteError
from newsmodel.newsml._fields import status_qcode
from newsmodel.newsml._identity import derive_guid, derive_provider
from newsmodel.newsml._ns import (
    IPTC_ALIASES,
    IPTC_CATALOG,
    NAR,
    NM,
    OWN_SCHEMES,
    ROLE_TO_QCODE,
    XML,
    alias_of,
)
from newsmodel.newsml._write_body import NitfBody, XhtmlBody
from newsmodel.slug import slugify

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence

__all__ = [
    "Body",
    "WriteOptions",
    "build_item",
    "serialise",
]

_FORMAT = "newsml"

Body = Literal["xhtml", "nitf"]

_QCODE = re.compile(r"^[^\s:]+:\S+$")
_URI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:\S+$")
# Characters XML 1.0 cannot carry that the model does not refuse.
_NOT_XML = re.compile("[\ufffe\uffff]")
_EXTRA_LABEL = re.compile(r"^newsml:(headline|description)(?::([^@\s]+))?(?:@(\S+))?$")


class WriteOptions:
    """The options of one write, checked once."""

    __slots__ = (
        "body",
        "catalogs",
        "declared",
        "lang",
        "now",
        "provider",
        "schemes",
        "trust_catalogs",
    )

    def __init__(
        self,
        *,
        provider: str | None,
        lang: str | None,
        body: str,
        schemes: Mapping[str, str] | None,
        catalogs: Sequence[str],
        now: datetime | None,
    ) -> None:
        """Check and keep the options."""
        if body not in ("xhtml", "nitf"):
            msg = f"body must be 'xhtml' or 'nitf', got {body!r}"
            raise ValueError(msg)
        self.body = body
        self.lang = lang
        self.schemes: dict[str, str] = dict(schemes or {})
        for alias, uri in self.schemes.items():
            if not re.match(r"^[A-Za-z_][\w.-]*$", alias) or not _URI.match(uri):
                msg = f"schemes: {alias!r} must be an XML name and {uri!r} an absolute URI"
                raise ValueError(msg)
        self.catalogs = tuple(catalogs)
        self.declared = IPTC_ALIASES | {a for a, _, _ in OWN_SCHEMES} | set(self.schemes)
        self.trust_catalogs = bool(self.catalogs)
        if now is not None and (now.tzinfo is None or now.utcoffset() is None):
            msg = "now must be timezone-aware"
            raise ValueError(msg)
        self.now = now
        if provider is not None and not (_QCODE.match(provider) or _URI.match(provider)):
            msg = f"provider must be a QCode or an absolute URI, got {provider!r}"
            raise ValueError(msg)
        self.provider = provider


def _is_declared(code: str, declared: set[str] | frozenset[str], *, trust: bool) -> bool:
    return bool(_QCODE.match(code)) and (alias_of(code) in declared or trust)


_MAX_OFFSET = timedelta(hours=14)


def _dt(value: datetime) -> str:
    """An xs:dateTime with the value's own offset, or in UTC when xs:dateTime cannot hold it.

    xs:dateTime offsets are whole minutes within ±14:00; an offset with seconds (``+05:07:48``,
    local mean time before 1924) or beyond 14 hours is written as the same instant in UTC.
    """
    offset = value.utcoffset() or timedelta(0)
    if offset % timedelta(minutes=1) or abs(offset) > _MAX_OFFSET:
        value = value.astimezone(timezone.utc)
    spec = "microseconds" if value.microsecond else "seconds"
    return value.isoformat(timespec=spec)


def _timed(value: datetime | date | None) -> datetime | None:
    """A time of day, or ``None`` for a date alone (which ``itemMeta`` cannot hold)."""
    return value if isinstance(value, datetime) else None


def _when(parent: etree._Element, name: str, value: datetime | date) -> etree._Element:
    """A timestamp element; a date alone is written as a date (``contentCreated``...)."""
    el = etree.SubElement(parent, f"{{{NAR}}}{name}")
    el.text = _dt(value) if isinstance(value, datetime) else value.isoformat()
    return el


def _bad_field(value: object, path: str) -> str | None:
    """The path of the first string XML cannot carry, for the error message."""
    if isinstance(value, str):
        return path if _NOT_XML.search(value) else None
    if isinstance(value, tuple):
        for i, item in enumerate(value):
            found = _bad_field(item, f"{path}[{i}]")
            if found:
                return found
        return None
    if attrs.has(type(value)):
        for attribute in attrs.fields(type(value)):  # type: ignore[arg-type]
            name = attribute.name
            found = _bad_field(getattr(value, name), f"{path}.{name}".lstrip("."))
            if found:
                return found
    return None


class _Builder:
    """Builds one item; keeps the options and the extras not yet written natively."""

    def __init__(self, article: Article, options: WriteOptions) -> None:
        self.article = article
        self.options = options
        self.extra_catalogs = [v for k, v in article.extra if k == "newsml:catalogRef"]
        self.trust = options.trust_catalogs or bool(self.extra_catalogs)

    # --- helpers ----------------------------------------------------------------------------

    def sub(
        self, parent: etree._Element, name: str, text: str | None = None, /, **attrib: str
    ) -> etree._Element:
        el = etree.SubElement(parent, f"{{{NAR}}}{name}", attrib)
        if text is not None:
            el.text = text
        return el

    def declared(self, code: str) -> bool:
        return _is_declared(code, self.options.declared, trust=self.trust)

    def extras(self, key: str) -> list[str]:
        return [v for k, v in self.article.extra if k == key]

    # --- the item ---------------------------------------------------------------------------

    def build(self) -> etree._Element:
        a = self.article
        lang = self.options.lang or a.language
        root = etree.Element(f"{{{NAR}}}newsItem", nsmap={None: NAR, "nm": NM})
        root.set("guid", a.guid or derive_guid(a))
        root.set("version", str(a.version))
        root.set("standard", "NewsML-G2")
        root.set("standardversion", "2.35")
        root.set("conformance", "power")
        root.set(f"{{{XML}}}lang", lang)
        self.sub(root, "catalogRef", href=IPTC_CATALOG)
        for href in (*self.options.catalogs, *self.extra_catalogs):
            if href != IPTC_CATALOG and _URI.match(href):
                self.sub(root, "catalogRef", href=href)
        catalog = self.sub(root, "catalog")
        for alias, uri, name in OWN_SCHEMES:
            self.sub(self.sub(catalog, "scheme", alias=alias, uri=uri), "name", name)
        for alias, uri in sorted(self.options.schemes.items()):
            self.sub(catalog, "scheme", alias=alias, uri=uri)
        self.rights(root)
        self.item_meta(root)
        self.content_meta(root)
        content_set = self.sub(root, "contentSet")
        if self.options.body == "nitf":
            inline = self.sub(content_set, "inlineXML", contenttype="application/nitf+xml")
            NitfBody(a).build(inline)
        else:
            inline = self.sub(content_set, "inlineXML", contenttype="application/xhtml+xml")
            XhtmlBody(a).build(inline)
        return root

    def rights(self, root: etree._Element) -> None:
        given = self.article.rights
        if given is None:
            return
        rights = self.sub(root, "rightsInfo")
        if given.holder:
            self.sub(self.sub(rights, "copyrightHolder"), "name", given.holder)
        if given.notice:
            self.sub(rights, "copyrightNotice", given.notice)
        if given.usage_terms:
            self.sub(rights, "usageTerms", given.usage_terms)

    def item_meta(self, root: etree._Element) -> None:  # noqa: C901, PLR0912 - one line per element
        a = self.article
        meta = self.sub(root, "itemMeta")
        self.sub(meta, "itemClass", qcode="ninat:text")
        provider = self.sub(meta, "provider")
        code = self.options.provider
        if code is None:
            code = next(
                (
                    v
                    for v in self.extras("newsml:provider")
                    if self.declared(v)
                    or (_URI.match(v) and not _QCODE.match(v))
                    or v.startswith(("http:", "https:"))
                ),
                None,
            ) or derive_provider(a)
        if _QCODE.match(code) and not code.startswith(("http:", "https:")):
            if not self.declared(code):
                reason = f"the scheme alias {alias_of(code)!r} is not declared; pass schemes="
                raise WriteError(_FORMAT, "provider", reason)
            provider.set("qcode", code)
        else:
            provider.set("uri", code)
        if a.site:
            self.sub(provider, "name", a.site)
        # The version's and the first version's times; when the article has none, a copy of its
        # other times stands in (the time of writing, at worst), marked nm:of so that a reader
        # does not take it for the article's own.
        updated, published = _timed(a.updated), _timed(a.published)
        if a.version_created is not None:
            _when(meta, "versionCreated", a.version_created)
        elif (copy := updated or published) is not None:
            copied = _when(meta, "versionCreated", copy)
            copied.set(f"{{{NM}}}of", "updated" if updated else "published")
        else:
            now = self.options.now or datetime.now(timezone.utc).replace(microsecond=0)
            self.sub(meta, "versionCreated", _dt(now)).set(f"{{{NM}}}of", "writing")
        if a.first_created is not None:
            _when(meta, "firstCreated", a.first_created)
        elif published is not None:
            _when(meta, "firstCreated", published).set(f"{{{NM}}}of", "published")
        if a.embargo is not None:
            _when(meta, "embargoed", a.embargo)
        elif "" in self.extras("newsml:embargoed"):
            self.sub(meta, "embargoed", None)  # embargoed until further notice
        self.sub(meta, "pubStatus", qcode=status_qcode(a.pub_status))
        if a.editorial_note:
            self.sub(meta, "edNote", a.editorial_note)
        if a.correction:
            self.sub(meta, "edNote", a.correction, role="nmrole:correction")
        for code in a.signals:
            # A scheme the item does not declare is written as a literal, never refused.
            self.sub(meta, "signal", **{"qcode" if self.declared(code) else "literal": code})
        if a.url:
            self.sub(meta, "link", rel="nmrel:canonical", href=a.url, contenttype="text/html")

    def party(self, parent: etree._Element, credit: Attribution) -> None:
        tag, role = ROLE_TO_QCODE[credit.role]
        el = self.sub(parent, tag, role=role)
        if credit.url:
            el.set("uri", credit.url)
        if credit.phrase:
            el.set(f"{{{NM}}}phrase", credit.phrase)
        if credit.separator != CANONICAL_SEPARATOR:
            el.set(f"{{{NM}}}separator", credit.separator)
        self.sub(el, "name", credit.name)

    def content_meta(self, root: etree._Element) -> None:  # noqa: C901, PLR0912 - one line per element
        a = self.article
        meta = self.sub(root, "contentMeta")
        if a.urgency is not None:
            self.sub(meta, "urgency", str(a.urgency))
        if a.published is not None:
            _when(meta, "contentCreated", a.published)
        if a.updated is not None:
            _when(meta, "contentModified", a.updated)
        if a.place:
            self.sub(self.sub(meta, "located"), "name", a.place)
        for credit in a.attributions:
            self.party(meta, credit)
        self.sub(meta, "language", tag=a.language)
        for genre in a.genres:
            # A scheme the item does not declare is written as a literal, never refused.
            attr = "qcode" if self.declared(genre.code) else "literal"
            el = self.sub(meta, "genre", **{attr: genre.code})
            if genre.name:
                self.sub(el, "name", genre.name)
        for tag in a.tags:
            self.sub(meta, "keyword", tag)
        for i, subject in enumerate(a.subjects):
            if not self.declared(subject.code):
                reason = (
                    f"the scheme alias {alias_of(subject.code)!r} of {subject.code!r} is not "
                    "declared; pass schemes={alias: uri} or catalogs=[...]"
                )
                raise WriteError(_FORMAT, f"subjects[{i}]", reason)
            el = self.sub(meta, "subject", type="cpnat:abstract", qcode=subject.code)
            if subject.label:
                self.sub(el, "name", subject.label)
            for lang, name in subject.names:
                self.sub(el, "name", name).set(f"{{{XML}}}lang", lang)
        for rubric in a.rubrics:
            code = slugify(rubric) or fallback_slug(rubric, None)
            el = self.sub(meta, "subject", type="cpnat:abstract", qcode=f"nmrubric:{code}")
            self.sub(el, "name", rubric)
        if a.slugline is not None:
            self.sub(meta, "slugline", a.slugline)
        self.sub(meta, "headline", a.headline)
        self.labels(meta, "headline")
        if a.dateline:
            self.sub(meta, "dateline", a.dateline)
        for by in self.extras("newsml:by"):
            self.sub(meta, "by", by)
        for line in self.extras("newsml:creditline"):
            self.sub(meta, "creditline", line)
        if a.lede:
            self.sub(meta, "description", a.lede, role="drol:summary")
        self.labels(meta, "description")
        if a.given_slug is not None:  # a slug that follows the headline is derived on reading
            etree.SubElement(meta, f"{{{NM}}}slug").text = a.given_slug
        # Every extra, in order, so that a reader gives back exactly the same pairs; the ones
        # with a native place are also written there, for every other receiver.
        for key, value in a.extra:
            el = etree.SubElement(meta, f"{{{NM}}}extra", key=key)
            el.text = value

    def labels(self, meta: etree._Element, kind: str) -> None:
        """Headlines and descriptions kept in extra with a role or a language."""
        for key, value in self.article.extra:
            m = _EXTRA_LABEL.match(key)
            if m is None or m.group(1) != kind or not value:
                continue
            role, lang = m.group(2), m.group(3)
            if role is not None and not self.declared(role):
                continue
            el = self.sub(meta, kind, value)
            if role is not None:
                el.set("role", role)
            if lang is not None:
                el.set(f"{{{XML}}}lang", lang)


# --- serialising -----------------------------------------------------------------------------

# Elements whose content is only elements: pretty printing indents inside them. Everything else
# (p, li, headline, figcaption...) holds text and inline markup, where added whitespace would
# change the text.
_STRUCTURAL = frozenset(
    {
        "newsItem",
        "newsMessage",
        "header",
        "itemSet",
        "catalog",
        "scheme",
        "rightsInfo",
        "copyrightHolder",
        "itemMeta",
        "provider",
        "contentMeta",
        "located",
        "creator",
        "contributor",
        "infoSource",
        "subject",
        "contentSet",
        "inlineXML",
        "html",
        "head",
        "body",
        "section",
        "blockquote",
        "footer",
        "ul",
        "ol",
        "figure",
        "nitf",
        "body.head",
        "hedline",
        "body.content",
        "block",
        "bq",
        "media",
    }
)


def _indent(el: etree._Element, unit: str, level: int = 0) -> None:
    if not len(el) or (el.text and el.text.strip()):
        return
    if etree.QName(el).localname not in _STRUCTURAL:
        return
    pad = "\n" + unit * (level + 1)
    el.text = pad
    for child in el:
        if child.tail and child.tail.strip():
            return
    for child in el:
        child.tail = pad
        _indent(child, unit, level + 1)
    el[-1].tail = "\n" + unit * level


def build_item(article: Article, options: WriteOptions) -> etree._Element:
    """Build the ``newsItem`` element of an article."""
    given: object = article
    if not isinstance(given, Article):
        msg = f"expected Article, got {type(given).__name__}"
        raise TypeError(msg)
    try:
        return _Builder(given, options).build()
    except ValueError as exc:
        # lxml refuses the few characters the model lets through and XML cannot carry
        # (U+FFFE, U+FFFF); find which field holds one only when it happens.
        field = _bad_field(given, "")
        if field is None:
            raise
        reason = "holds U+FFFE or U+FFFF, which XML cannot carry"
        raise WriteError(_FORMAT, field, reason) from exc


def serialise(root: etree._Element, *, indent: int | None) -> bytes:
    """Serialise an item with an XML declaration, UTF-8; ``indent`` spaces per level."""
    if indent is not None:
        _indent(root, " " * indent)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def write_message(
    articles: Iterable[Article],
    fp: IO[bytes],
    options: WriteOptions,
    *,
    sender: str,
    transmit_id: str,
    sent: datetime,
    indent: int | None,
) -> int:
    """Stream a ``newsMessage`` of articles to a binary file; return how many were written."""
    iterator = iter(articles)
    first = next(iterator, None)
    if first is None:
        # The schema requires at least one item in a message's itemSet.
        raise WriteError(_FORMAT, "articles", "a newsMessage must hold at least one item")
    count = 0
    with etree.xmlfile(fp, encoding="UTF-8") as xf:
        xf.write_declaration()
        with xf.element(f"{{{NAR}}}newsMessage", nsmap={None: NAR, "nm": NM}):
            header = etree.Element(f"{{{NAR}}}header", nsmap={None: NAR})
            etree.SubElement(header, f"{{{NAR}}}sent").text = _dt(sent)
            etree.SubElement(header, f"{{{NAR}}}sender").text = sender
            etree.SubElement(header, f"{{{NAR}}}transmitId").text = transmit_id
            unit = " " * indent if indent is not None else ""
            if indent is not None:
                xf.write("\n" + unit)
                _indent(header, unit, 1)
            xf.write(header)
            if indent is not None:
                xf.write("\n" + unit)
            with xf.element(f"{{{NAR}}}itemSet"):
                for article in itertools.chain((first,), iterator):
                    item = build_item(article, options)
                    if indent is not None:
                        xf.write("\n" + unit * 2)
                        _indent(item, unit, 2)
                    xf.write(item)
                    count += 1
                if indent is not None:
                    xf.write("\n" + unit)
            if indent is not None:
                xf.write("\n")
    return count
