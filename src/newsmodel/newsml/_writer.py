"""Write an :class:`~newsmodel.Article` as a NewsML-G2 ``newsItem`` (and messages of them)."""

from __future__ import annotations

import functools
import itertools
import re
import uuid
from datetime import datetime, timedelta, timezone
from typing import IO, TYPE_CHECKING, ClassVar, Literal

import attrs
from lxml import etree

from newsmodel._models import (
    Article,
    Attribution,
    Block,
    Emphasis,
    Figure,
    Inline,
    ItemList,
    LineBreak,
    Link,
    Paragraph,
    Quote,
    Section,
    fallback_slug,
)
from newsmodel._warnings import lossy
from newsmodel.errors import WriteError
from newsmodel.newsml._ns import (
    IPTC_ALIASES,
    IPTC_CATALOG,
    NAR,
    NITF,
    NM,
    OWN_SCHEMES,
    ROLE_TO_QCODE,
    XHTML,
    XML,
    alias_of,
)
from newsmodel.slug import slugify

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence

__all__ = [
    "Body",
    "WriteOptions",
    "build_item",
    "derive_guid",
    "derive_guid_for",
    "derive_provider",
    "derive_provider_for",
    "serialise",
]

_FORMAT = "newsml"

Body = Literal["xhtml", "nitf"]

#: The namespace UUIDs of derived guids are made in (a fixed, arbitrary UUID).
_GUID_NAMESPACE = uuid.UUID("6f1d1c52-3c1e-5b7e-9a4e-6e6577736d6c")

_QCODE = re.compile(r"^[^\s:]+:\S+$")
_URI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:\S+$")
# Characters XML 1.0 cannot carry that the model does not refuse.
_NOT_XML = re.compile("[\ufffe\uffff]")
_XS_DATETIME = re.compile(r"^-?\d{4,}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)?$")
_EXTRA_LABEL = re.compile(r"^newsml:(headline|description)(?::([^@\s]+))?(?:@(\S+))?$")


def derive_guid(article: Article) -> str:
    """The guid written for an article that has none.

    A name-based UUID (RFC 4122 version 5) as a ``urn:uuid:`` URN: of the canonical URL when
    the article has one, else of the headline and the publication instant. The same article
    always gets the same guid, and a reader that meets it gives back ``guid=None``.

    >>> from newsmodel import Article
    >>> guid = derive_guid(Article(headline="Заголовок", url="https://example.kz/a"))
    >>> guid == derive_guid(Article(headline="Другой", url="https://example.kz/a"))
    True
    >>> guid[:9]
    'urn:uuid:'
    """
    return derive_guid_for(article.url, article.headline, article.published)


def derive_guid_for(url: str | None, headline: str, published: datetime | None) -> str:
    """:func:`derive_guid` from the fields it depends on."""
    if url:
        name = url
    else:
        when = published.astimezone(timezone.utc).isoformat() if published else ""
        name = f"{headline}\n{when}"
    return f"urn:uuid:{uuid.uuid5(_GUID_NAMESPACE, name)}"


def derive_provider(article: Article) -> str:
    """The provider QCode written when neither the caller nor the article names one.

    >>> from newsmodel import Article
    >>> derive_provider(Article(headline="Т", site="Altyn-orda.kz"))
    'nmprov:altyn-orda-kz'
    """
    return derive_provider_for(article.site)


@functools.lru_cache(maxsize=1024)
def derive_provider_for(site: str | None) -> str:
    """:func:`derive_provider` from the site name."""
    return f"nmprov:{(slugify(site) if site else '') or 'unknown'}"


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


def _when(parent: etree._Element, name: str, value: datetime) -> etree._Element:
    el = etree.SubElement(parent, f"{{{NAR}}}{name}")
    el.text = _dt(value)
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
            _NitfBody(a).build(inline)
        else:
            inline = self.sub(content_set, "inlineXML", contenttype="application/xhtml+xml")
            _XhtmlBody(a).build(inline)
        return root

    def rights(self, root: etree._Element) -> None:
        holders = self.extras("newsml:copyrightHolder")
        notices = self.extras("newsml:copyrightNotice")
        terms = self.extras("newsml:usageTerms")
        if not (holders or notices or terms):
            return
        rights = self.sub(root, "rightsInfo")
        for holder in holders:
            self.sub(self.sub(rights, "copyrightHolder"), "name", holder)
        for notice in notices:
            self.sub(rights, "copyrightNotice", notice)
        for term in terms:
            self.sub(rights, "usageTerms", term)

    def item_meta(self, root: etree._Element) -> None:  # noqa: C901 - one line per element
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
        created = a.updated or a.published
        if created is not None:
            _when(meta, "versionCreated", created)
        else:
            now = self.options.now or datetime.now(timezone.utc).replace(microsecond=0)
            # The article has no date: the time of writing stands in, and says so, so that a
            # reader does not take it for the article's own date.
            self.sub(meta, "versionCreated", _dt(now)).set(f"{{{NM}}}of", "writing")
        if a.published is not None:
            _when(meta, "firstCreated", a.published)
        for value in self.extras("newsml:embargoed"):
            if value == "" or _XS_DATETIME.match(value):
                self.sub(meta, "embargoed", value or None)
                break
        status = next((v for v in self.extras("newsml:pubStatus") if self.declared(v)), None)
        self.sub(meta, "pubStatus", qcode=status or "stat:usable")
        for note in self.extras("newsml:edNote"):
            self.sub(meta, "edNote", note)
        if a.url:
            self.sub(meta, "link", rel="nmrel:canonical", href=a.url, contenttype="text/html")

    def party(self, parent: etree._Element, credit: Attribution) -> None:
        tag, role = ROLE_TO_QCODE[credit.role]
        el = self.sub(parent, tag, role=role)
        if credit.url:
            el.set("uri", credit.url)
        if credit.phrase:
            el.set(f"{{{NM}}}phrase", credit.phrase)
        self.sub(el, "name", credit.name)

    def content_meta(self, root: etree._Element) -> None:  # noqa: C901, PLR0912 - one line per element
        a = self.article
        meta = self.sub(root, "contentMeta")
        urgency = next((v for v in self.extras("newsml:urgency") if v in "123456789" and v), None)
        if urgency is not None:
            self.sub(meta, "urgency", urgency)
        if a.published is not None:
            _when(meta, "contentCreated", a.published)
        if a.updated is not None:
            _when(meta, "contentModified", a.updated)
        if a.place:
            self.sub(self.sub(meta, "located"), "name", a.place)
        for credit in a.attributions:
            self.party(meta, credit)
        self.sub(meta, "language", tag=a.language)
        for genre in self.extras("newsml:genre"):
            if self.declared(genre):
                self.sub(meta, "genre", qcode=genre)
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
        for rubric in a.rubrics:
            code = slugify(rubric) or fallback_slug(rubric, None)
            el = self.sub(meta, "subject", type="cpnat:abstract", qcode=f"nmrubric:{code}")
            self.sub(el, "name", rubric)
        self.sub(meta, "slugline", a.slug)
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


# --- bodies ----------------------------------------------------------------------------------


_XHTML_TAGS = {
    t: f"{{{XHTML}}}{t}"
    for t in (
        "html",
        "head",
        "title",
        "body",
        "section",
        "h2",
        "p",
        "blockquote",
        "footer",
        "cite",
        "ul",
        "ol",
        "li",
        "figure",
        "img",
        "figcaption",
        "span",
        "a",
        "br",
        "em",
        "strong",
    )
}


class _Body:
    """What the XHTML and NITF bodies share: the article, and how inline markup is written."""

    #: The class of the ``em`` that carries strong text, in a vocabulary with no ``strong``.
    strong_class: ClassVar[str | None] = None

    def __init__(self, article: Article) -> None:
        self.article = article

    def el(self, parent: etree._Element, tag: str, **attrib: str) -> etree._Element:
        raise NotImplementedError

    def inlines(self, parent: etree._Element, items: Iterable[Inline]) -> None:
        """Inline markup: text, ``br``, ``a``, ``em``, and ``strong`` (or ``em.strong``)."""
        last: etree._Element | None = None
        for item in items:
            if isinstance(item, str):
                if last is None:
                    parent.text = (parent.text or "") + item
                else:
                    last.tail = (last.tail or "") + item
                continue
            if isinstance(item, LineBreak):
                last = self.el(parent, "br")
            elif isinstance(item, Link):
                last = self.el(parent, "a", href=item.href)
                if item.title:
                    last.set("title", item.title)
                self.inlines(last, item.content)
            else:
                if isinstance(item, Emphasis):
                    last = self.el(parent, "em")
                elif self.strong_class is None:
                    last = self.el(parent, "strong")
                else:
                    last = self.el(parent, "em", **{"class": self.strong_class})
                self.inlines(last, item.content)


class _XhtmlBody(_Body):
    """The body as XHTML: ``section`` elements with an ``h2`` and the blocks."""

    def el(self, parent: etree._Element, tag: str, **attrib: str) -> etree._Element:
        return etree.SubElement(parent, _XHTML_TAGS[tag], attrib)

    def build(self, parent: etree._Element) -> None:
        a = self.article
        html = etree.SubElement(parent, f"{{{XHTML}}}html", nsmap={None: XHTML})
        self.el(self.el(html, "head"), "title").text = a.headline
        body = self.el(html, "body")
        if a.image is not None:
            self.figure(body, a.image, lead=True)
        for section in a.sections:
            self.section(body, section)

    def section(self, parent: etree._Element, section: Section) -> None:
        el = self.el(parent, "section")
        if section.heading:
            self.el(el, "h2").text = section.heading
        for block in section.blocks:
            self.block(el, block)

    def block(self, parent: etree._Element, block: Block) -> None:
        if isinstance(block, Paragraph):
            self.inlines(self.el(parent, "p"), block.content)
        elif isinstance(block, Quote):
            quote = self.el(parent, "blockquote")
            for p in block.paragraphs:
                self.inlines(self.el(quote, "p"), p.content)
            if block.cite:
                cite = self.el(self.el(quote, "footer"), "cite")
                cite.text = block.cite
        elif isinstance(block, ItemList):
            items = self.el(parent, "ol" if block.ordered else "ul")
            for p in block.items:
                self.inlines(self.el(items, "li"), p.content)
        else:
            self.figure(parent, block, lead=False)

    def figure(self, parent: etree._Element, fig: Figure, *, lead: bool) -> None:
        el = self.el(parent, "figure", **({"class": "lead"} if lead else {}))
        self.el(el, "img", src=fig.image, alt=fig.alt or "")
        if fig.caption is None and fig.credit is None:
            return
        caption = self.el(el, "figcaption")
        if fig.caption:
            caption.text = fig.caption
        if fig.credit is not None:
            credit = self.el(caption, "span", **{"class": "credit"})
            credit.set("data-role", fig.credit.role.value)
            if fig.credit.phrase:
                credit.set("data-phrase", fig.credit.phrase)
            name = fig.credit.name
            if fig.credit.url:
                self.el(credit, "a", href=fig.credit.url).text = name
            else:
                credit.text = name
            if fig.caption:
                caption.text = f"{caption.text} "


class _NitfBody(_Body):
    """The body as NITF 3.6: ``block`` elements with an ``hl2`` and the blocks."""

    strong_class = "strong"  # NITF has no strong

    def el(self, parent: etree._Element, tag: str, **attrib: str) -> etree._Element:
        return etree.SubElement(parent, f"{{{NITF}}}{tag}", attrib)

    def build(self, parent: etree._Element) -> None:
        a = self.article
        nitf = etree.SubElement(parent, f"{{{NITF}}}nitf", nsmap={None: NITF})
        body = self.el(nitf, "body")
        head = self.el(body, "body.head")
        self.el(self.el(head, "hedline"), "hl1").text = a.headline
        content = self.el(body, "body.content")
        if a.image is not None:
            self.media(content, a.image, "image", lead=True)
        for i, section in enumerate(a.sections):
            field = f"sections[{i}]"
            block = self.el(content, "block")
            if section.heading:
                self.el(block, "hl2").text = section.heading
            for j, item in enumerate(section.blocks):
                self.block(block, item, f"{field}.blocks[{j}]")

    def block(self, parent: etree._Element, block: Block, field: str) -> None:
        if isinstance(block, Paragraph):
            self.inlines(self.el(parent, "p"), block.content)
        elif isinstance(block, Quote):
            bq = self.el(parent, "bq")
            inner = self.el(bq, "block")
            for p in block.paragraphs:
                self.inlines(self.el(inner, "p"), p.content)
            if block.cite:
                self.el(bq, "credit").text = block.cite
        elif isinstance(block, ItemList):
            items = self.el(parent, "ol" if block.ordered else "ul")
            for p in block.items:
                self.inlines(self.el(items, "li"), p.content)
        else:
            self.media(parent, block, field, lead=False)

    def media(self, parent: etree._Element, fig: Figure, field: str, *, lead: bool) -> None:
        attrib = {"media-type": "image"}
        if lead:
            attrib["class"] = "lead"
        media = self.el(parent, "media", **attrib)
        ref = self.el(media, "media-reference", source=fig.image)
        if fig.alt:
            ref.set("alternate-text", fig.alt)
        if fig.caption:
            self.el(media, "media-caption").text = fig.caption
        if fig.credit is not None:
            credit = fig.credit
            self.el(media, "media-producer").text = credit.name
            lost = [
                name
                for name, value in (
                    ("role", credit.role.value != "photographer"),
                    ("url", credit.url),
                    ("phrase", credit.phrase),
                )
                if value
            ]
            for name in lost:
                lossy(
                    "newsml",
                    "field",
                    f"NITF media-producer cannot carry the {name} of {field}.credit; written"
                    " as its name alone",
                    lost=name,
                    path=f"{field}.credit.{name}",
                )


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


def _indent(el: etree._Element, level: int = 0) -> None:
    if not len(el) or (el.text and el.text.strip()):
        return
    if etree.QName(el).localname not in _STRUCTURAL:
        return
    pad = "\n" + "  " * (level + 1)
    el.text = pad
    for child in el:
        if child.tail and child.tail.strip():
            return
    for child in el:
        child.tail = pad
        _indent(child, level + 1)
    el[-1].tail = "\n" + "  " * level


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


def serialise(root: etree._Element, *, pretty: bool) -> bytes:
    """Serialise an item with an XML declaration, UTF-8."""
    if pretty:
        _indent(root)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def write_message(
    articles: Iterable[Article],
    fp: IO[bytes],
    options: WriteOptions,
    *,
    sender: str,
    transmit_id: str,
    sent: datetime,
    pretty: bool,
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
            if pretty:
                xf.write("\n  ")
                _indent(header, 1)
            xf.write(header)
            if pretty:
                xf.write("\n  ")
            with xf.element(f"{{{NAR}}}itemSet"):
                for article in itertools.chain((first,), iterator):
                    item = build_item(article, options)
                    if pretty:
                        xf.write("\n    ")
                        _indent(item, 2)
                    xf.write(item)
                    count += 1
                if pretty:
                    xf.write("\n  ")
            if pretty:
                xf.write("\n")
    return count
