"""Read NewsML 1.2 documents (``<NewsML>``, in the 2003-10-10 namespace or none).

NewsML 1.2 is what many agencies sent before NewsML-G2, and what their archives hold. A
document holds ``NewsItem`` elements; each has its identification, its management (created,
revised, status, urgency) and nested ``NewsComponent`` elements with roles, metadata and
``ContentItem`` elements. The text of an item is in the ``DataContent`` of its text content
items: NITF, XHTML or HTML (as markup or as escaped text) or plain text. Photo, video, audio and
other binary components are reported, not read. The parser reads a DOCTYPE without loading its
DTD, as for NITF (see :mod:`newsmodel.nitf._parse`).
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import TYPE_CHECKING

from lxml import etree
from lxml import html as lxml_html

from newsmodel._models import Article, Attribution, PubStatus, Rights, Role, Section, Subject
from newsmodel._textrules import collapse, scrub
from newsmodel._warnings import lossy
from newsmodel._xmlsafe import html_parser, root_name
from newsmodel.errors import ParseError, ValidationError
from newsmodel.newsml._body import BodyReader
from newsmodel.newsml._shapes import first_sentence
from newsmodel.newsml._tree import local_name, split, text_of
from newsmodel.nitf import _parse as nitf_parse
from newsmodel.nitf import _reader as nitf_reader

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from newsmodel.newsml._parse import ReadOptions

__all__ = [
    "NS",
    "drop_entities",
    "is_newsml12",
    "is_root",
    "item_id",
    "items",
    "iter_document",
    "parse",
    "parse_tree",
    "read_item",
]

FORMAT = "newsml"
#: The namespace of NewsML 1.2 documents that declare one.
NS = "http://iptc.org/std/NewsML/2003-10-10/"

_TEXT_FORMATS = re.compile(r"nitf|html|xhtml|text|plain|xml", re.IGNORECASE)
_MEDIA_NAMES = {
    "photo": "a photo",
    "image": "an image",
    "graphic": "a graphic",
    "video": "a video",
    "audio": "an audio clip",
}
_SUBJECT_NAMES = frozenset(("Subject", "SubjectMatter", "SubjectDetail"))
_IPTC_CODE = re.compile(r"^\d{8}$")
_NOT_IN_MODEL = {"urgency": "urgency (the model holds 1 to 9)", "status": "publication status"}
#: IPTC's NewsML 1.2 statuses: an embargoed item is usable, once its embargo ends.
_STATUS = {s.value: s for s in PubStatus}
_STATUS["embargoed"] = PubStatus.USABLE


def is_root(root: etree._Element) -> bool:
    """Whether a parsed root is a NewsML 1.2 document."""
    ns, name = split(root.tag)
    return name == "NewsML" and ns in ("", NS)


def is_newsml12(data: bytes | str) -> bool:
    """Whether a document's root element is ``<NewsML>`` (read as libxml2 reads it)."""
    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else bytes(data)
    tag = root_name(raw, FORMAT)
    return tag is not None and split(tag)[1] == "NewsML" and split(tag)[0] in ("", NS)


def parse(data: bytes | str, options: ReadOptions) -> etree._Element:
    """Parse a NewsML 1.2 document: a DOCTYPE is read, never loaded."""
    return nitf_parse.parse_document(data, FORMAT, options.max_bytes)


def parse_tree(data: bytes | str, options: ReadOptions) -> etree._Element:
    """Parse a document as :func:`parse` does, leaving entity references in the tree."""
    return nitf_parse.parse_tree(data, FORMAT, options.max_bytes)


def drop_entities(root: etree._Element) -> None:
    """Leave the entity references of a parsed document out, and report them."""
    nitf_parse.drop_entities(root, FORMAT)


def _child(el: etree._Element, name: str) -> etree._Element | None:
    return next((c for c in el if local_name(c) == name), None)


def _formal(el: etree._Element | None) -> str:
    return collapse(scrub(el.get("FormalName") or "")) if el is not None else ""


def items(root: etree._Element) -> list[etree._Element]:
    """The ``NewsItem`` elements of a document."""
    return [c for c in root if local_name(c) == "NewsItem"]


class _Item:
    """Reads one ``NewsItem``: metadata outermost first, text components in document order."""

    def __init__(self, item: etree._Element, options: ReadOptions) -> None:
        self.item = item
        self.options = options
        self.extra: list[tuple[str, str]] = []
        self.lost: dict[str, None] = {}
        self.notes: list[tuple[str, str, str | None]] = []
        self.f: dict[str, object] = {}
        self.authors: list[str] = []
        self.subjects: dict[str, str | None] = {}
        self.labels: dict[str, dict[str, str]] = {}
        self.tags: list[str] = []
        self.sections: list[Section] = []
        self.nitf: list[nitf_reader.NitfParts] = []
        self.texts = 0

    # the item protocol of the body reader
    def lose(self, what: str) -> None:
        self.lost.setdefault(what)

    def keep(self, key: str, value: str | None) -> None:
        if value:
            self.extra.append((key, value))

    def first(self, key: str, value: object) -> None:
        if value and key not in self.f:
            self.f[key] = value

    def missing(self, name: str, value: str) -> None:
        self.keep(f"newsml:{name}", value)
        what = _NOT_IN_MODEL[name]
        msg = f"the {what} ({value[:60]!r}) has no field in the model; kept in extra"
        self.notes.append((msg, "field", name))

    # -- identification and management ----------------------------------------------------

    def identification(self, el: etree._Element) -> None:
        ident = _child(el, "NewsIdentifier")
        if ident is not None:
            parts = {local_name(c): collapse(scrub(c.text or "")) for c in ident}
            public = parts.get("PublicIdentifier", "")
            item_id = parts.get("NewsItemId", "")
            if public and item_id and item_id in public:
                self.first("guid", public)
            elif item_id:
                provider, date = parts.get("ProviderId", ""), parts.get("DateId", "")
                self.first("guid", f"urn:newsml:{provider}:{date}:{item_id}")
            revision = parts.get("RevisionId", "")
            if revision.isdigit() and int(revision) >= 1:
                self.first("version", int(revision))
            self.first("provider", parts.get("ProviderId"))
        label = _child(el, "NameLabel")
        if label is not None:
            self.first("name_label", text_of(label))

    def management(self, el: etree._Element) -> None:
        for child in el:
            name = local_name(child)
            if name == "FirstCreated":
                self.first("first", self.date(child, name))
            elif name == "ThisRevisionCreated":
                self.first("revised", self.date(child, name))
            elif name == "Urgency" and _formal(child):
                value = _formal(child)
                if value.isdigit() and 1 <= int(value) <= 9:  # noqa: PLR2004 - IPTC's scale
                    self.first("urgency", int(value))
                else:
                    self.missing("urgency", value)
            elif name == "Status" and _formal(child):
                status = _STATUS.get(_formal(child).lower())
                if status is None:
                    self.missing("status", _formal(child))
                self.first("pub_status", status)

    def date(self, el: etree._Element, field: str) -> object:
        raw = el.text or ""
        value, naive = nitf_reader.when(raw, self.options.tz)
        if value is None and raw.strip():
            self.notes.append(
                (f"{field}: {raw.strip()!r} is not a date-time; left out", "value", field)
            )
        elif naive:
            msg = f"{field}: {raw.strip()!r} has no UTC offset; read in {self.options.tz}"
            self.notes.append((msg, "time", field))
        return value

    # -- components -----------------------------------------------------------------------

    def component(self, el: etree._Element, role: str) -> None:
        role = _formal(_child(el, "Role")) or role
        meta = _child(el, "DescriptiveMetadata")
        kind = next(
            (
                (p.get("Value") or "").lower()
                for p in (meta if meta is not None else ())
                if p.get("FormalName") == "ComponentClass"
            ),
            "",
        )
        lang = el.get("{http://www.w3.org/XML/1998/namespace}lang")
        self.first("xml_lang", lang)
        for child in el:
            name = local_name(child)
            if name == "NewsLines":
                self.news_lines(child)
            elif name == "AdministrativeMetadata":
                self.administrative(child)
            elif name == "DescriptiveMetadata":
                self.descriptive(child)
            elif name == "TopicSet":
                self.topics(child)
            elif name == "ContentItem":
                self.content_item(child, role, kind)
            elif name == "NewsComponent":
                self.component(child, role)

    def news_lines(self, el: etree._Element) -> None:  # noqa: C901 - one branch per line
        for child in el:
            name, text = local_name(child), text_of(child)
            if not text:
                continue
            if name == "HeadLine":
                self.first("headline", text)
            elif name == "SubHeadLine":
                self.first("subheadline", text)
            elif name == "ByLine":
                self.authors.append(text)
            elif name == "DateLine":
                self.first("dateline", text)
            elif name == "CreditLine":
                self.keep("newsml:CreditLine", text)
            elif name == "CopyrightLine":
                self.first("copyright", text)
            elif name == "SlugLine":
                self.first("slugline", text)
            elif name == "KeywordLine":
                self.tags.append(text)
            elif name == "NewsLine":
                self.news_line(child)

    def news_line(self, el: etree._Element) -> None:
        """A typed ``NewsLine``: its ``NewsLineText`` under its ``NewsLineType``'s name.

        An advisory line (a note to editors: "CORRECTS para 4 ...") is the editorial note.
        """
        kind = _formal(_child(el, "NewsLineType")) or "NewsLine"
        texts = [text_of(c) for c in el if local_name(c) == "NewsLineText"]
        for text in filter(None, texts):
            if kind.casefold() == "advisoryline" and "advisory" not in self.f:
                self.f["advisory"] = text
            else:
                self.keep(f"newsml:NewsLine:{kind}", text)

    def administrative(self, el: etree._Element) -> None:
        for child in el:
            name = local_name(child)
            party = _formal(_child(child, "Party"))
            if name == "Provider":
                self.first("site", party)
            elif name == "Creator" and party:
                self.first("creator", party)
            elif name == "Source":
                self.first("source", party)

    def descriptive(self, el: etree._Element) -> None:
        for child in el:
            name = local_name(child)
            if name == "Language":
                self.first("language", _formal(child))
            elif name == "SubjectCode":
                for subject in child:
                    code = _formal(subject)
                    if local_name(subject) in _SUBJECT_NAMES and _IPTC_CODE.match(code):
                        self.subjects.setdefault(code)
            elif name == "Location":
                props = {
                    (p.get("FormalName") or ""): collapse(scrub(p.get("Value") or ""))
                    for p in child
                    if local_name(p) == "Property"
                }
                self.first("place", props.get("City") or props.get("Country"))
            elif name == "Genre":
                self.keep("newsml:genre", _formal(child))

    def topics(self, el: etree._Element) -> None:
        for topic in el:
            code_el = _child(topic, "FormalName")
            code = text_of(code_el) if code_el is not None else ""
            if not code:
                continue
            names = self.labels.setdefault(code, {})
            for d in topic:
                if local_name(d) == "Description" and d.get("Variant") == "Name":
                    lang = (d.get("{http://www.w3.org/XML/1998/namespace}lang") or "").lower()
                    names.setdefault(lang.split("-")[0], text_of(d))

    def content_item(self, el: etree._Element, role: str, kind: str) -> None:
        media = _formal(_child(el, "MediaType")).lower() or kind
        fmt = " ".join(_formal(_child(el, n)) for n in ("Format", "MimeType"))
        data = _child(el, "DataContent")
        if media in _MEDIA_NAMES or (media and media != "text") or data is None:
            what = _MEDIA_NAMES.get(media) or (
                f"a {media} component" if media else f"an attachment ({fmt.strip() or 'binary'})"
            )
            self.lose(f"{what}{f' of role {role}' if role else ''}: newsmodel reads text")
            return
        if fmt.strip() and not _TEXT_FORMATS.search(fmt):
            self.lose(f"a content item of format {fmt.strip()!r}")
            return
        self.texts += 1
        self.data_content(data, fmt.lower())

    def data_content(self, data: etree._Element, fmt: str) -> None:
        kids = [c for c in data if isinstance(c.tag, str)]
        if kids:
            root = kids[0]
            if local_name(root) == "nitf":
                parts = nitf_reader.read_nitf(root, self.options, prefix="newsml:nitf")
                self.nitf.append(parts)
                self.sections.extend(parts.sections)
                return
            self.read_markup(data)
            return
        text = scrub(data.text or "")
        if "html" in fmt or re.match(r"\s*<", text):
            try:
                fragment = lxml_html.fragment_fromstring(
                    text, create_parent="div", parser=html_parser(FORMAT, remove_comments=True)
                )
            except (etree.LxmlError, ValueError):
                fragment = None
            if fragment is not None:
                self.read_markup(fragment)
                return
        paragraphs = [collapse(p) for p in re.split(r"\n\s*\n", text)]
        if len(paragraphs) == 1:
            paragraphs = [collapse(p) for p in text.split("\n")]
        headline = self.f.get("headline")
        kept = [p for p in paragraphs if p and p != headline]
        if kept:
            self.sections.append(Section(blocks=kept))

    def read_markup(self, el: etree._Element) -> None:
        headline, lede = self.f.get("headline"), self.f.get("subheadline")
        reader = BodyReader(
            self,
            headline if isinstance(headline, str) else None,
            lede if isinstance(lede, str) else None,
            agency=False,  # a NewsML 1.2 body's paragraphs are all text, as NITF's
        )
        self.sections.extend(reader.read(el))
        if reader.image is not None:
            self.first("image", reader.image)

    # -- the article ----------------------------------------------------------------------

    def read(self) -> Article:
        for child in self.item:
            name = local_name(child)
            if name == "Identification":
                self.identification(child)
            elif name == "NewsManagement":
                self.management(child)
            elif name == "NewsComponent":
                self.component(child, "")
        self.first("xml_lang", self.item.get("{http://www.w3.org/XML/1998/namespace}lang"))
        return self.build()

    def build(self) -> Article:
        f, nitf = self.f, self.nitf
        headline = f.get("headline") or next((p.headline for p in nitf if p.headline), None)
        headline = headline or f.get("name_label") or self.fallback_headline()
        lede = next((p.lede for p in nitf if p.lede), None) or f.get("subheadline")
        if lede and f.get("subheadline") and lede != f.get("subheadline"):
            self.keep("newsml:SubHeadLine", str(f["subheadline"]))
        people = [a for line in self.authors for a in nitf_reader.byline_people(line)]
        people = people or [a for p in nitf for a in p.attributions]
        if not people and f.get("creator"):
            people = [Attribution(str(f["creator"]), role=Role.AUTHOR)]
        attributions = list({(a.name, a.role): a for a in people}.values())
        published = f.get("first") or next((p.published for p in nitf if p.published), None)
        updated = f.get("revised")
        if isinstance(updated, datetime) and isinstance(published, datetime):
            updated = updated if updated > published else None
        lang = str(f.get("language") or f.get("xml_lang") or "").lower().split("-")[0]
        subjects = [Subject(f"subj:{c}", self.label(c, lang)) for c in self.subjects]
        codes = {s.code for s in subjects}
        for p in nitf:
            subjects.extend(s for s in p.subjects if s.code not in codes)
            codes.update(s.code for s in p.subjects)
            self.extra.extend(p.extra)
            self.lost.update(p.lost)
            self.notes.extend(p.notes)
        language = (
            f.get("language")
            or f.get("xml_lang")
            or next((p.language for p in nitf if p.language), None)
        )
        fields = {
            "headline": headline,
            "lede": lede if lede != headline else None,
            "sections": self.sections,
            "attributions": attributions,
            "published": published,
            "updated": updated,
            "language": language or self.options.language,
            "tags": [*self.tags, *(t for p in nitf for t in p.tags)],
            "subjects": subjects,
            "site": f.get("site")
            or next((p.site for p in nitf if p.site), None)
            or f.get("provider"),
            "guid": f.get("guid"),
            "version": f.get("version", 1),
            "dateline": f.get("dateline") or next((p.dateline for p in nitf if p.dateline), None),
            "place": f.get("place") or next((p.place for p in nitf if p.place), None),
            "image": f.get("image") or next((p.image for p in nitf if p.image), None),
            "extra": self.extra,
            "urgency": f.get("urgency") or next((p.urgency for p in nitf if p.urgency), None),
            "pub_status": f.get("pub_status") or PubStatus.USABLE,
            "slugline": f.get("slugline"),
            "editorial_note": self.editorial_note(nitf),
            "embargo": next((p.embargo for p in nitf if p.embargo), None),
            "rights": self.rights(nitf),
        }
        try:
            return Article(**fields)  # type: ignore[arg-type]
        except ValidationError as exc:
            if exc.field != "language":
                raise ParseError(
                    FORMAT, f"{exc.field}: {exc.reason}", line=self.item.sourceline
                ) from None
            self.notes.append(
                (f"the language {language!r} is not a BCP 47 tag", "value", "language")
            )
            fields["language"] = self.options.language
            return Article(**fields)  # type: ignore[arg-type]

    def editorial_note(self, nitf: list[nitf_reader.NitfParts]) -> str | None:
        """The NITF's ``ed-msg``, else the advisory line; an advisory not taken is kept."""
        note = next((p.editorial_note for p in nitf if p.editorial_note), None)
        advisory = self.f.get("advisory")
        if note and advisory and advisory != note:
            self.keep("newsml:NewsLine:AdvisoryLine", str(advisory))
        return note or (str(advisory) if advisory else None)

    def fallback_headline(self) -> str:
        """A headline for an item without one: its slugline, else its text's first sentence.

        An item with text is never refused for lacking a headline; a warning says where the
        headline came from. An item with no text component is refused.
        """
        for source, text in (
            ("the slugline", self.f.get("slugline")),
            ("the first sentence", first_sentence(self.sections)),
        ):
            if text:
                self.notes.append(
                    (
                        f"the item has no headline; {source} {text!r} was used instead",
                        "field",
                        "headline",
                    )
                )
                return str(text)
        if not self.texts:
            found = "; ".join(self.lost) or "no content"
            msg = f"a NewsML 1.2 item with no text component ({found})"
        else:
            msg = "the NewsML 1.2 item has no headline (NewsLines/HeadLine) and no text"
        raise ParseError(FORMAT, msg, line=self.item.sourceline)

    def rights(self, nitf: list[nitf_reader.NitfParts]) -> Rights | None:
        """The copyright line as the notice, with the NITF's holder and terms."""
        inner = next((p.rights for p in nitf if p.rights), None)
        notice = self.f.get("copyright")
        if inner is None and not notice:
            return None
        return Rights(
            holder=inner.holder if inner else None,
            notice=str(notice) if notice else None,
            usage_terms=inner.usage_terms if inner else None,
        )

    def label(self, code: str, lang: str) -> str | None:
        """The name of a subject in the item's language, else in the first language given."""
        names = self.labels.get(code) or {}
        return names.get(lang) or next(iter(names.values()), None) or None

    def report(self) -> None:
        for message, kind, lost in dict.fromkeys(self.notes):
            lossy(FORMAT, kind, message, lost=lost, line=self.item.sourceline)
        for what in self.lost:
            lossy(FORMAT, "element", f"left out: {what}", lost=what, line=self.item.sourceline)


def read_item(item: etree._Element, options: ReadOptions) -> Article:
    """Read one ``NewsItem``; report what was left out."""
    reader = _Item(item, options)
    try:
        article = reader.read()
    except ValidationError as exc:  # a value the model refuses, outside the fields checked
        raise ParseError(FORMAT, f"{exc.field}: {exc.reason}", line=item.sourceline) from None
    reader.report()
    return article


def item_id(item: etree._Element) -> str | None:
    """What names a ``NewsItem`` in a message: its public identifier, or its parts, or ``Duid``."""
    ident = next((c for c in item if local_name(c) == "Identification"), None)
    news_id = None if ident is None else _child(ident, "NewsIdentifier")
    if news_id is not None:
        parts = {local_name(c): collapse(scrub(c.text or "")) for c in news_id}
        if parts.get("PublicIdentifier"):
            return parts["PublicIdentifier"]
        if parts.get("NewsItemId"):
            return parts["NewsItemId"]
    return collapse(scrub(item.get("Duid") or "")) or None


def iter_document(
    root: etree._Element,
    options: ReadOptions,
    on_error: Callable[[ParseError, str | None, int | None], None] | None = None,
) -> Iterator[Article]:
    """The articles of a document's text items; the others are reported and skipped.

    A text item that cannot be read raises, unless ``on_error`` is given: then it is passed
    the error, the item's identifier and its line, and the items after it are read.
    """
    for item in items(root):
        try:
            yield read_item(item, options)
        except ParseError as exc:  # noqa: PERF203 - each item may be skipped
            if "no text component" not in exc.message:
                if on_error is None:
                    raise
                on_error(exc, item_id(item), exc.line or item.sourceline)
                continue
            lossy(
                FORMAT,
                "item",
                f"skipped {exc.message} (line {item.sourceline})",
                lost="item",
                line=item.sourceline,
            )
