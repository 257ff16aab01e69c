"""Read ninjs items (3.x, 2.x and the 1.x shapes in use) into :class:`~newsmodel.Article`.

Property names are compared in lower case (see :mod:`newsmodel.ninjs._item`), so one reader takes
3.x's ``versionCreated`` and 2.x's ``versioncreated`` alike; what 1.x and Superdesk call a field
differently (``headline``, ``body_html``, ``byline``, ``description_text``, ``subject``,
``authors``, ``associations`` as an object) is read beside the standard names. Scalars the model
has no field for are kept in ``extra`` as ``("ninjs:<name>", value)``; everything else left out is
counted for one :class:`~newsmodel.LossyConversionWarning`.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from newsmodel._models import Article, Attribution, Paragraph, Role, Section, Subject
from newsmodel._textrules import scrub
from newsmodel.errors import ParseError, ValidationError
from newsmodel.html._fragment import read_fragment
from newsmodel.newsml._identity import derive_guid_for
from newsmodel.ninjs._agency import before, is_day, qcode_of, read_agency
from newsmodel.ninjs._common import FORMAT, RUBRIC_BASE, SITE_ROLE
from newsmodel.ninjs._embeds import place_embeds
from newsmodel.ninjs._item import HTTP, Item, clean, loss, word
from newsmodel.ninjs._media import read_associations
from newsmodel.ninjs._writer import DATE_ROLES, GUID_ROLE, SLUG_ROLE

if TYPE_CHECKING:
    from collections import Counter
    from datetime import tzinfo

    from newsmodel.html._extract import Dropped

__all__ = ["read_item"]

_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml", "application/xhtml"})
_HTML_ROLES = frozenset({"html", "richtext", "xhtml"})
_LEDE_ROLES = frozenset(
    {"summary", "abstract", "lede", "teaser", "standfirst", "description", "text", "intro"}
)
_SUB_ROLES = frozenset({"sub", "subheadline", "subtitle", "subhead", "subheading"})
_TEXT_TYPES = frozenset({"text", "composite", "component"})
_BY_PREFIX = re.compile(r"^(?:by|von|par|por|av|af|door|от|автор:?)\s+", re.IGNORECASE)
_BY_SPLIT = re.compile(r" ?(?:[,;&]| (?:and|und|og|et|y|e|en|и|және) ) ?", re.IGNORECASE)
_PARAGRAPHS = re.compile(r"\n[ \t\r\f\v]*\n")

_OTHER_BODY = loss("body", "body of another role", "bodies of other roles")
_REFUSED_PARAGRAPH = loss("value", "paragraph the model refuses", "paragraphs the model refuses")
_REFUSED_SUBJECT = loss("value", "subject the model refuses", "subjects the model refuses")
_UNKNOWN_SCHEME = loss(
    "value",
    "subject code in a scheme newsmodel does not know (its name kept as a tag)",
    "subject codes in schemes newsmodel does not know (their names kept as tags)",
)
_MORE_PLACES = loss("value", "place after the first", "places after the first")
_RENDITION = loss("field", "rendition of the item", "renditions of the item")


def _by_names(by: str) -> list[str]:
    text = _BY_PREFIX.sub("", " ".join(by.split()))
    return [name for name in _BY_SPLIT.split(text) if name.strip(" .")]


class _Article(Item):
    """The item read as an article: one method for each field or group of fields."""

    def headline(self) -> tuple[str | None, str | None]:
        """The main headline, and a subheadline."""
        main = sub = None
        for entry in self.dicts("headlines"):
            value, role = clean(entry.get("value")), word(entry.get("role"))
            if value is None:
                continue
            if main is None and role in {None, "main", "headline"}:
                main = value
            elif sub is None and role in _SUB_ROLES:
                sub = value
                self.extra.append((f"ninjs:headline:{role}", value))
            else:
                self.extra.append((f"ninjs:headline:{role or 'other'}", value))
        if main is None:
            main = self.text("headline")
        return main, sub

    def descriptions(self) -> tuple[str | None, str | None]:
        """The lede and the dateline."""
        lede = dateline = None
        for entry in self.dicts("descriptions"):
            value, role = entry.get("value"), word(entry.get("role"))
            text = self.plain(value, entry.get("contenttype"))
            if text is None:
                continue
            if role == "dateline" and dateline is None:
                dateline = text
            elif lede is None and (role is None or role in _LEDE_ROLES):
                lede = text
            else:
                self.extra.append((f"ninjs:description:{role or 'other'}", str(value)))
        # 1.x: the same description as text and as HTML, or Superdesk's abstract.
        old = (self.get("description_text"), self.get("description_html"), self.get("abstract"))
        if lede is None:
            lede = (
                clean(old[0]) or self.plain(old[1], "text/html") or self.plain(old[2], "text/html")
            )
        return lede, dateline

    def plain(self, value: object, content_type: object) -> str | None:
        """The text of a value, markup read when its type says HTML."""
        if not isinstance(value, str):
            return None
        kind = word(content_type)
        if kind in _HTML_TYPES or (kind is None and value.lstrip().startswith("<")):
            sections, _ = self.fragment(value)
            return clean(" ".join(s.text for s in sections))
        return clean(value)

    def fragment(self, html: str) -> tuple[list[Section], Counter[Dropped]]:
        """Markup read by the HTML body reader; its refusals are this item's."""
        try:
            return read_fragment(html)
        except ParseError as exc:
            msg = f"HTML in the item: {exc.message}"
            raise ParseError(FORMAT, msg, path=self.path) from None
        except RecursionError:
            msg = "HTML in the item: inline markup is nested too deeply to read"
            raise ParseError(FORMAT, msg, path=self.path) from None

    def body(self) -> list[Section]:
        html = plain = None
        others = 0
        for entry in self.dicts("bodies"):
            value = entry.get("value")
            if not isinstance(value, str):
                continue
            kind, role = word(entry.get("contenttype")), word(entry.get("role"))
            if kind in _HTML_TYPES or role in _HTML_ROLES or "html" in (kind or ""):
                if html is None:
                    html = value
                    continue
            elif plain is None:
                plain = value
                continue
            others += 1
        # 1.x: the same body as HTML, XHTML or text.
        old = (self.get("body_html"), self.get("body_xhtml"), self.get("body_text"))
        html = html or old[0] or old[1]
        plain = plain or old[2]
        if others:
            self.lost[_OTHER_BODY] += others
        if isinstance(html, str):
            sections, dropped = self.fragment(html)
            self.lost.update(dropped)
            return sections
        if isinstance(plain, str):
            return self.text_body(plain)
        return []

    def text_body(self, text: str) -> list[Section]:
        chunks = _PARAGRAPHS.split(text) if _PARAGRAPHS.search(text) else text.split("\n")
        paragraphs = []
        for chunk in chunks:
            try:
                paragraphs.append(Paragraph(scrub(chunk)))
            except ValidationError:  # noqa: PERF203 - rare: text the model refuses
                if chunk.strip():
                    self.lost[_REFUSED_PARAGRAPH] += 1
        return [Section(blocks=paragraphs)] if paragraphs else []

    def parties(self) -> tuple[list[Attribution], str | None]:
        """The attributions, and the site."""
        found: list[Attribution] = []
        site = None
        for entry in self.dicts("infosources"):
            if word(entry.get("role")) == SITE_ROLE and site is None:
                site = clean(entry.get("name"))
                continue
            self.add(found, self.party(entry, Role.SOURCE))
        for entry in self.dicts("authors"):
            self.add(found, self.party(entry, Role.AUTHOR))
        by = self.text("by") or self.text("byline")
        if by is not None:
            names = [a.name for a in found if a.role is Role.AUTHOR]
            if not found:
                for name in _by_names(by):
                    self.add(found, self.party({"name": name}, Role.AUTHOR))
            elif by != ", ".join(names):
                self.extra.append(("ninjs:by", by))
        source = self.text("source")
        if source is not None and all(a.name != source for a in found):
            self.add(found, self.party({"name": source}, Role.SOURCE))
        return found, site

    @staticmethod
    def add(found: list[Attribution], attribution: Attribution | None) -> None:
        if attribution is not None:
            found.append(attribution)

    def subjects(self) -> tuple[list[Subject], list[str], list[str]]:
        """The subjects, rubrics and tags."""
        subjects: list[Subject] = []
        rubrics: list[str] = []
        tags: list[str] = []
        for entry in self.dicts("subjects") + self.dicts("subject"):
            name, uri = clean(entry.get("name")), clean(entry.get("uri"))
            if uri is not None and uri.startswith(RUBRIC_BASE):
                rubrics.append(name or uri[len(RUBRIC_BASE) :])
                continue
            code = qcode_of(entry, subject=True)
            if code is not None:
                try:
                    subjects.append(Subject(code, name))
                except ValidationError:
                    self.lost[_REFUSED_SUBJECT] += 1
                continue
            if name is not None:
                tags.append(name)
            if uri is not None or entry.get("literal") or entry.get("code"):
                self.lost[_UNKNOWN_SCHEME] += 1
        for entry in self.dicts("service"):
            name = clean(entry.get("name"))
            if name is not None:
                rubrics.append(name)
        keywords = self.get("keywords")
        if isinstance(keywords, list):
            tags.extend(k for k in (clean(v) for v in keywords) if k is not None)
        return subjects, rubrics, tags

    def place(self) -> str | None:
        located = self.text("located")
        places = self.dicts("place")
        if located is None and places:
            located = clean(places[0].get("name"))
            places = places[1:]
        if places:
            self.lost[_MORE_PLACES] += len(places)
        return located

    def url(self) -> str | None:
        url = None
        for entry in self.dicts("renditions"):
            href = clean(entry.get("href"))
            kind = word(entry.get("contenttype")) or word(entry.get("mimetype"))
            if url is None and href and HTTP.match(href) and kind == "text/html":
                url = href
            else:
                self.lost[_RENDITION] += 1
        return url

    def dates(self, days: dict[str, date]) -> dict[str, datetime | date | None]:
        """Published and updated: the first version (or first publication) and a later one.

        Beside a first publication, the first version is the creation time; a version before
        the publication is this version's creation time. ``days`` are the times that hold a
        day alone, by property.
        """
        first_published = self.when("firstpublished")
        first: datetime | date | None = self.when("firstcreated")
        version: datetime | date | None = self.when("versioncreated")
        first = days.get("firstcreated", first)
        version = days.get("versioncreated", version)
        published = first_published or first or version
        out: dict[str, datetime | date | None] = {}
        if first_published is not None and isinstance(first, datetime):
            out["first_created"] = first
        updated = None
        if version is not None and published is not None and version is not published:
            if before(version, published):
                if isinstance(version, datetime):
                    out["version_created"] = version
            elif version != published:
                updated = version
        return {"published": published, "updated": updated, **out}

    def ids(self, days: dict[str, date]) -> tuple[str | None, str | None, int]:
        """The guid, a slug given apart, and the version; the days alone go to ``days``."""
        guid = slug = None
        for role, value in self.alt_ids():
            if value is None:
                continue
            day = _DAY_ROLES.get(role or "")
            if role == GUID_ROLE and guid is None:
                guid = value
            elif role == SLUG_ROLE and slug is None:
                slug = value
            elif day is not None and day not in days and is_day(value):
                days[day] = date.fromisoformat(value)
            else:
                self.extra.append((f"ninjs:altId:{role or 'other'}", value))
        uri, old_guid = self.text("uri"), self.text("guid")
        if guid is None:
            guid = uri or old_guid
            if uri is not None and old_guid is not None and old_guid != uri:
                self.extra.append(("ninjs:guid", old_guid))
        else:
            self.other_uri = uri
        return guid, slug, self.version()

    def alt_ids(self) -> list[tuple[str | None, str | None]]:
        """The alternative ids as (role, value) pairs.

        ninjs 2.1 and 3 write an array of objects, 1.x and 2.0 an object of ids by name
        (``{"itemid": "…", "etag": "…"}``).
        """
        value = self.props.get("altids")
        if isinstance(value, dict) and all(not isinstance(v, dict) for v in value.values()):
            self.used.add("altids")
            return [(word(k), clean(v)) for k, v in value.items()]
        return [(word(e.get("role")), clean(e.get("value"))) for e in self.dicts("altids")]

    def version(self) -> int:
        raw = self.get("version")
        if isinstance(raw, int) and not isinstance(raw, bool) and raw >= 1:
            return raw
        if isinstance(raw, str) and raw.strip().isdecimal() and int(raw) >= 1:
            return int(raw)
        if raw is not None:
            self.keep("version", raw)
        return 1


_DAY_ROLES = {role.lower(): name.lower() for name, role in DATE_ROLES.items()}


def read_item(
    item: dict[str, Any], *, tz: tzinfo, path: str = "$"
) -> tuple[Article, Counter[Dropped]]:
    """Read one item; return the article and what was left out of it, counted by kind.

    Raises:
        ParseError: the item has no headline, title, slugline, description or body text.
    """
    r = _Article(item, tz=tz, path=path)
    kind = r.text("type")
    if kind is not None and kind.lower() not in _TEXT_TYPES:
        r.lost[
            loss(
                "item",
                f"item of type {kind!r} read as an article",
                f"items of type {kind!r} read as articles",
            )
        ] += 1
    days: dict[str, date] = {}
    guid, slug, version = r.ids(days)
    url = r.url()
    headline, sub = r.headline()
    lede, dateline = r.descriptions()
    sections = r.body()
    attributions, site = r.parties()
    dates = r.dates(days)
    published = dates["published"]
    subjects, rubrics, tags = r.subjects()
    fields: dict[str, Any] = {
        "lede": lede or sub,
        "sections": sections,
        "attributions": attributions,
        **dates,
        "language": r.text("language"),
        "rubrics": rubrics,
        "tags": tags,
        "subjects": subjects,
        "site": site,
        "url": url,
        "guid": guid,
        "version": version,
        "dateline": dateline,
        "place": r.place(),
        "image": read_associations(r),
        "slug": slug,
        **read_agency(r),
    }
    fields["sections"] = place_embeds(sections, r.embeds)
    if headline is None:
        headline = _fallback_headline(r, lede, sections)
    r.rest()
    r.extra = [(scrub(key), scrub(value)) for key, value in r.extra]
    # The guid newsmodel derives for an article without one is not part of the article; a
    # lone versionCreated was written as the update time of an unpublished article.
    derived = {derive_guid_for(url, headline, p) for p in (published, None)}
    if guid in derived:
        fields["guid"] = None
    if r.other_uri is not None and r.other_uri not in derived:
        r.extra.append(("ninjs:uri", r.other_uri))
    return _build(r, headline, fields), +r.lost


def _fallback_headline(r: _Article, lede: str | None, sections: list[Section]) -> str:
    for source, value in (
        ("title", r.text("title")),
        ("slugline", r.text("slugline")),
        ("description", lede),
        ("body", sections[0].text.split("\n")[0][:200] if sections else None),
    ):
        if value:
            r.lost[loss("field", f"headline: none given, the {source} taken for it")] += 1
            return value
    msg = "no headline: the item has no headline, title, slugline, description or body text"
    raise ParseError(FORMAT, msg, path=r.path)


def _build(r: _Article, headline: str, fields: dict[str, Any]) -> Article:
    """The article; a field the model refuses is left out (kept in extra when it is text)."""
    fields = {k: v for k, v in fields.items() if v is not None}
    for _ in range(len(fields) + 1):
        try:
            return Article(headline=headline, extra=r.extra, **fields)
        except ValidationError as exc:  # noqa: PERF203 - rare: a field the model refuses
            name = exc.field.split(".")[0].split("[")[0]
            if name not in fields:
                break
            r.keep(name, fields.pop(name))
    try:
        return Article(headline=headline, extra=r.extra)
    except ValidationError as exc:
        raise ParseError(FORMAT, str(exc), path=r.path) from None
