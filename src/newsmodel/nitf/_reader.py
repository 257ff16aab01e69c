"""Read a NITF 3.x document (or a ``nitf`` element inside NewsML 1.2) into candidates.

:func:`read_nitf` fills :class:`NitfParts` with what the document says, field by field;
:func:`build_article` makes the article of a standalone document. NewsML 1.2 uses the parts of
a NITF ``DataContent`` beside its own metadata. NITF is read in its namespace or none.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

import attrs

from newsmodel._models import (
    Article,
    Attribution,
    Figure,
    PubStatus,
    Rights,
    Role,
    Section,
    Subject,
)
from newsmodel._textrules import collapse, scrub
from newsmodel._warnings import lossy
from newsmodel.dates import parse_iso
from newsmodel.errors import ParseError, ValidationError
from newsmodel.newsml._agency import by_attributions
from newsmodel.newsml._body import BodyReader
from newsmodel.newsml._tree import local_name, text_of

if TYPE_CHECKING:
    from datetime import tzinfo

    from lxml import etree

    from newsmodel.newsml._parse import ReadOptions

__all__ = ["NitfParts", "build_article", "byline_people", "read_nitf", "report", "when"]

#: Values the model cannot hold: kept in ``extra`` and reported.
NOT_IN_MODEL = {
    "urgency": "urgency (the model holds 1 to 9)",
    "management-status": "publication status",
}
_STATUS = {"usable": PubStatus.USABLE, "embargoed": PubStatus.USABLE}
_STATUS.update({s.value: s for s in PubStatus})

_BY = re.compile(r"^\s*(?:by|por|av|von|par|di)\s+", re.IGNORECASE)
#: A byline of lower-case initials joined by slashes ("ab/cd") signs off the desk's editors, as
#: Spanish and Italian agencies end a story; it names no author.
_SIGN_OFF = re.compile(r"[a-z]{1,4}(?:/[a-z]{1,4})+")
_LEAD_MARKS = (("class", "lead"), ("lede", "true"), ("lead", "true"))
_IPTC_SUBJECT = re.compile(r"^\d{8}$")
#: A day alone, in ISO 8601's basic or extended form: ``20131020``, ``2013-10-20``.
_DAY = re.compile(r"\d{8}|\d{4}-\d{2}-\d{2}")


@attrs.define
class NitfParts:
    """What one NITF document says, field by field, before the article is built."""

    headline: str | None = None
    title: str | None = None
    lede: str | None = None
    sections: list[Section] = attrs.Factory(list)
    image: Figure | None = None
    attributions: list[Attribution] = attrs.Factory(list)
    published: datetime | date | None = None
    urgency: int | None = None
    embargo: datetime | None = None
    pub_status: PubStatus | None = None
    editorial_note: str | None = None
    correction: str | None = None
    rights: Rights | None = None
    language: str | None = None
    guid: str | None = None
    subjects: list[Subject] = attrs.Factory(list)
    tags: list[str] = attrs.Factory(list)
    site: str | None = None
    dateline: str | None = None
    place: str | None = None
    extra: list[tuple[str, str]] = attrs.Factory(list)
    #: what was lost, each once, in the order met
    lost: dict[str, None] = attrs.Factory(dict)
    #: notes to report: message, kind, lost
    notes: list[tuple[str, str, str | None]] = attrs.Factory(list)


def when(raw: str | None, tz: tzinfo) -> tuple[datetime | date | None, bool]:
    """A NITF ``norm`` timestamp (``20131020T192751+1100``, or a day); whether it had no offset."""
    text = collapse(scrub(raw or ""))
    if not text:
        return None, False
    if _DAY.fullmatch(text):
        day = parse_iso(text.replace("-", "") + "T000000")
        return (day.date() if day is not None else None), False
    value = parse_iso(text)
    if value is None:
        return None, False
    if value.tzinfo is None:
        return value.replace(tzinfo=tz), True
    return value, False


def byline_people(line: str) -> list[Attribution]:
    """The people one byline names: "By Jane Doe and John Roe", "By Jane Doe, Agency".

    A line that names no one plainly is one author less its "By"; lower-case initials joined
    by slashes are the desk's editors.
    """
    found = by_attributions(line)
    if found is not None:
        return found
    name = collapse(_BY.sub("", line))
    if not name:
        return []
    return [Attribution(name, role=Role.EDITOR if _SIGN_OFF.fullmatch(name) else Role.AUTHOR)]


class _Reader:
    """Reads one ``nitf`` element; the body is read by the NewsML-G2 body reader."""

    def __init__(self, nitf: etree._Element, options: ReadOptions, prefix: str) -> None:
        self.nitf = nitf
        self.options = options
        self.prefix = prefix
        self.parts = NitfParts()

    # the item protocol of the body reader
    def lose(self, what: str) -> None:
        self.parts.lost.setdefault(what)

    def keep(self, key: str, value: str | None) -> None:
        if value:
            key = key.replace("newsml:nitf:", f"{self.prefix}:", 1)
            self.parts.extra.append((key, value))

    def missing(self, name: str, value: str) -> None:
        """Keep a value the model has no field for yet, and say so."""
        self.keep(f"{self.prefix}:{name}", value)
        msg = f"the {NOT_IN_MODEL[name]} ({value[:60]!r}) has no field in the model; kept in extra"
        self.parts.notes.append((msg, "field", name))

    def read(self) -> NitfParts:
        p = self.parts
        lang = self.nitf.get("baselang") or self.nitf.get(
            "{http://www.w3.org/XML/1998/namespace}lang"
        )
        p.language = collapse(scrub(lang)) if lang else None
        body = None
        for child in self.nitf:
            name = local_name(child)
            if name == "head":
                self.head(child)
            elif name == "body":
                body = child
        if body is not None:
            for child in body:
                if local_name(child) == "body.head":
                    self.body_head(child)
            self.body(body)
        return p

    # -- head -----------------------------------------------------------------------------

    def head(self, head: etree._Element) -> None:
        for child in head:
            name = local_name(child)
            if name == "title":
                self.parts.title = text_of(child) or None
            elif name == "meta":
                key, value = child.get("name"), child.get("content")
                if key and value and value.strip():
                    self.keep(f"{self.prefix}:meta:{collapse(scrub(key))}", collapse(scrub(value)))
            elif name == "tobject":
                self.tobject(child)
            elif name == "docdata":
                self.docdata(child)
            elif name == "pubdata" and self.parts.published is None:
                self.parts.published = self.date(child.get("date.publication"), "pubdata")

    def tobject(self, el: etree._Element) -> None:
        kind = el.get("tobject.type")
        self.keep(f"{self.prefix}:tobject.type", collapse(scrub(kind or "")))
        for child in el:
            if local_name(child) != "tobject.subject":
                continue
            code = collapse(scrub(child.get("tobject.subject.refnum") or ""))
            ipr = collapse(scrub(child.get("tobject.subject.ipr") or "IPTC"))
            label = next(
                (
                    collapse(scrub(v))
                    for a in ("detail", "matter", "type")
                    if (v := child.get(f"tobject.subject.{a}")) and v.strip()
                ),
                None,
            )
            if _IPTC_SUBJECT.match(code) and ipr.upper() == "IPTC":
                self.parts.subjects.append(Subject(f"subj:{code}", label))
            elif code:
                self.keep(f"{self.prefix}:subject:{ipr}", f"{code} {label or ''}".strip())

    def docdata(self, el: etree._Element) -> None:  # noqa: C901, PLR0912 - one branch per element
        p = self.parts
        status = collapse(scrub(el.get("management-status") or ""))
        if status:
            p.pub_status = _STATUS.get(status.lower())
            if p.pub_status is None:
                self.missing("management-status", status)
        for child in el:
            name = local_name(child)
            if name == "doc-id":
                p.guid = collapse(scrub(child.get("id-string") or "")) or p.guid
                if child.get("regsrc"):
                    self.keep(f"{self.prefix}:regsrc", collapse(scrub(child.get("regsrc") or "")))
            elif name == "urgency" and (child.get("ed-urg") or "").strip():
                self.urgency(collapse(scrub(child.get("ed-urg") or "")))
            elif name == "date.issue":
                p.published = self.date(child.get("norm"), "date.issue") or p.published
            elif name == "date.release" and child.get("norm"):
                released = self.date(child.get("norm"), "date.release")
                if isinstance(released, datetime):
                    p.embargo = released
            elif name == "ed-msg":
                p.editorial_note = collapse(scrub(child.get("info") or "")) or p.editorial_note
            elif name == "correction":
                p.correction = collapse(scrub(child.get("info") or "")) or p.correction
            elif name in ("doc.copyright", "doc.rights"):
                self.rights(child)
            elif name == "key-list":
                for kw in child:
                    key = collapse(scrub(kw.get("key") or ""))
                    if local_name(kw) == "keyword" and key:
                        p.tags.append(key)
            elif name == "evloc":
                place = child.get("city") or child.get("state-prov") or child.get("iso-cc")
                p.place = p.place or (collapse(scrub(place)) if place else None) or None

    def urgency(self, value: str) -> None:
        if value.isdigit() and 1 <= int(value) <= 9:  # noqa: PLR2004 - IPTC's scale
            self.parts.urgency = int(value)
        else:
            self.missing("urgency", value)

    def rights(self, el: etree._Element) -> None:
        """``doc.copyright`` gives the holder (its year is kept), ``doc.rights`` the terms."""
        p = self.parts
        holder = usage = None
        if local_name(el) == "doc.copyright":
            holder = collapse(scrub(el.get("holder") or "")) or None
            self.keep(f"{self.prefix}:copyright-year", collapse(scrub(el.get("year") or "")))
        else:
            usage = collapse(scrub(el.get("limitations") or el.get("type") or "")) or None
        if holder is None and usage is None:
            return
        old = p.rights or Rights(holder=holder, usage_terms=usage)
        p.rights = Rights(
            holder=old.holder or holder, notice=old.notice, usage_terms=old.usage_terms or usage
        )

    def date(self, raw: str | None, field: str) -> datetime | date | None:
        value, naive = when(raw, self.options.tz)
        if raw and raw.strip() and value is None:
            self.parts.notes.append(
                (f"{field}: {raw!r} is not a date-time; left out", "value", field)
            )
        elif naive:
            msg = f"{field}: {raw!r} has no UTC offset; read in {self.options.tz}"
            self.parts.notes.append((msg, "time", field))
        return value

    # -- body.head ------------------------------------------------------------------------

    def body_head(self, head: etree._Element) -> None:  # noqa: C901 - one branch per element
        p = self.parts
        for child in head:
            name = local_name(child)
            if name == "hedline":
                for hl in child:
                    text = text_of(hl)
                    if local_name(hl) == "hl1" and p.headline is None:
                        p.headline = text or None
                    elif local_name(hl) == "hl2" and text and text != p.headline:
                        self.keep(f"{self.prefix}:hl2", text)
            elif name == "byline":
                self.byline(child)
            elif name == "distributor":
                p.site = p.site or text_of(child) or None
            elif name == "dateline":
                self.dateline(child)
            elif name == "abstract" and p.lede is None:
                p.lede = text_of(child) or None
            elif name == "rights":
                self.keep(f"{self.prefix}:rights", text_of(child))

    def byline(self, el: etree._Element) -> None:
        persons = [text_of(c) for c in el if local_name(c) == "person"]
        titles = [text_of(c) for c in el if local_name(c) == "byttl"]
        if persons:
            lines = [n for n in persons if n]
        else:
            lines = [collapse(scrub("".join([el.text or ""] + [c.tail or "" for c in el])))]
        for title in titles:
            self.keep(f"{self.prefix}:byttl", title)
        for line in lines:
            self.parts.attributions.extend(byline_people(line))

    def dateline(self, el: etree._Element) -> None:
        p = self.parts
        parts: list[str] = [el.text or ""]
        for child in el:
            name = local_name(child)
            if name == "story.date":
                if p.published is None:
                    p.published = self.date(child.get("norm"), "story.date")
            else:
                parts.append("".join(child.itertext()))
                if name == "location" and p.place is None:
                    city = next((c for c in child.iter() if local_name(c) == "city"), None)
                    p.place = text_of(city if city is not None else child) or None
            parts.append(child.tail or "")
        p.dateline = collapse(scrub("".join(parts))) or p.dateline

    # -- body -----------------------------------------------------------------------------

    def body(self, body: etree._Element) -> None:
        p = self.parts
        content = next((c for c in body if local_name(c) == "body.content"), None)
        if p.lede is None and content is not None:
            lead = next((e for e in content.iter() if _is_lead(e)), None)
            if lead is not None:
                p.lede = text_of(lead) or None
                lead.getparent().remove(lead)  # type: ignore[union-attr]
        # An agency's conventions (a header, notepad or byline paragraph read as metadata) are
        # NewsML-G2's: a NITF body's paragraphs are all text.
        reader = BodyReader(self, p.headline or p.title, p.lede, agency=False)
        p.sections = reader.read(body)
        p.image = reader.image


def _is_lead(el: etree._Element) -> bool:
    if local_name(el) != "p":
        return False
    return any(value in (el.get(attr) or "").lower().split() for attr, value in _LEAD_MARKS)


def read_nitf(nitf: etree._Element, options: ReadOptions, *, prefix: str = "nitf") -> NitfParts:
    """Read the fields of a ``nitf`` element; extras are keyed ``prefix:...``."""
    return _Reader(nitf, options, prefix).read()


def report(parts: NitfParts, fmt: str) -> None:
    """Issue the warnings of what reading lost or approximated."""
    for message, kind, lost in parts.notes:
        lossy(fmt, kind, message, lost=lost)
    for what in parts.lost:
        lossy(fmt, "element", f"left out or approximated: {what}", lost=what)


def build_article(parts: NitfParts, options: ReadOptions, fmt: str) -> Article:
    """The article of a standalone NITF document."""
    headline = parts.headline or parts.title
    if not headline:
        msg = "the document has no headline (body.head/hedline/hl1 or head/title)"
        raise ParseError(fmt, msg)
    language = parts.language or options.language
    fields: dict[str, Any] = {
        "headline": headline,
        "lede": parts.lede,
        "sections": parts.sections,
        "attributions": parts.attributions,
        "published": parts.published,
        "language": language,
        "tags": parts.tags,
        "subjects": parts.subjects,
        "site": parts.site,
        "guid": parts.guid,
        "dateline": parts.dateline,
        "place": parts.place,
        "image": parts.image,
        "extra": parts.extra,
        "urgency": parts.urgency,
        "embargo": parts.embargo,
        "pub_status": parts.pub_status or PubStatus.USABLE,
        "editorial_note": parts.editorial_note,
        "correction": parts.correction,
        "rights": parts.rights,
    }
    try:
        return Article(**fields)
    except ValidationError as exc:
        if exc.field != "language":
            raise ParseError(fmt, f"{exc.field}: {exc.reason}") from None
        parts.notes.append(
            (
                f"the language {language!r} is not a BCP 47 tag; read as {options.language!r}",
                "value",
                "language",
            )
        )
        fields["language"] = options.language
        return Article(**fields)
