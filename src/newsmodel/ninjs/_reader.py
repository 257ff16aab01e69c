"""Read ninjs items (3.x, 2.x and the 1.x shapes in use) into :class:`~newsmodel.Article`.

Property names are compared in lower case, so one reader takes 3.x's ``versionCreated`` and
2.x's ``versioncreated`` alike; what 1.x and Superdesk call a field differently
(``headline``, ``body_html``, ``byline``, ``description_text``, ``subject``, ``authors``,
``associations`` as an object) is read beside the standard names. Scalars the model has no
field for are kept in ``extra`` as ``("ninjs:<name>", value)``; everything else left out is
counted for one :class:`~newsmodel.LossyConversionWarning`.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date, datetime, timezone
from typing import TYPE_CHECKING, Any

from newsmodel._models import Article, Attribution, Figure, Paragraph, Role, Section, Subject
from newsmodel._textrules import InvalidTextError, collapse, scrub
from newsmodel.dates import parse_iso
from newsmodel.errors import ParseError, ValidationError
from newsmodel.html._extract import Dropped
from newsmodel.html._fragment import read_fragment
from newsmodel.newsml._identity import derive_guid_for
from newsmodel.ninjs._agency import before, is_day, qcode_of, read_agency
from newsmodel.ninjs._common import FORMAT, RUBRIC_BASE, SITE_ROLE, role_of
from newsmodel.ninjs._document import lowered
from newsmodel.ninjs._embeds import embed_of, place_embeds, position_of
from newsmodel.ninjs._writer import DATE_ROLES, GUID_ROLE, SLUG_ROLE

if TYPE_CHECKING:
    from datetime import tzinfo

    from newsmodel.ninjs._embeds import Placed

__all__ = ["read_item"]

_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml", "application/xhtml"})
_HTML_ROLES = frozenset({"html", "richtext", "xhtml"})
_LEDE_ROLES = frozenset(
    {"summary", "abstract", "lede", "teaser", "standfirst", "description", "text", "intro"}
)
_SUB_ROLES = frozenset({"sub", "subheadline", "subtitle", "subhead", "subheading"})
_IMAGE_NAMES = ("featuremedia", "featureimage", "mainpicture", "mainimage", "main", "picture")
_IMAGE_TYPES = frozenset({"picture", "graphic"})
_RENDITION_ORDER = ("original", "baseimage", "viewimage")
_TEXT_TYPES = frozenset({"text", "composite", "component"})
_BY_PREFIX = re.compile(r"^(?:by|von|par|por|av|af|door|от|автор:?)\s+", re.IGNORECASE)
_BY_SPLIT = re.compile(r" ?(?:[,;&]| (?:and|und|og|et|y|e|en|и|және) ) ?", re.IGNORECASE)
_PARAGRAPHS = re.compile(r"\n[ \t\r\f\v]*\n")
_HTTP = re.compile(r"^https?://\S+$", re.IGNORECASE)
# Read without a trace: they describe the document, not the article.
_IGNORED = frozenset({"standard", "$schema"})


def _loss(kind: str, singular: str, plural: str | None = None) -> Dropped:
    return Dropped(kind, singular, plural if plural is not None else singular)


def _property(name: str) -> Dropped:
    return Dropped("field", f"{name!r} property", f"{name!r} properties")


_NOT_AN_OBJECT = _loss(
    "value", "array entry that is not an object", "array entries that are not objects"
)
_OTHER_BODY = _loss("body", "body of another role", "bodies of other roles")
_REFUSED_PARAGRAPH = _loss("value", "paragraph the model refuses", "paragraphs the model refuses")
_REFUSED_CREDIT = _loss("value", "credit the model refuses", "credits the model refuses")
_REFUSED_SUBJECT = _loss("value", "subject the model refuses", "subjects the model refuses")
_UNKNOWN_SCHEME = _loss(
    "value",
    "subject code in a scheme newsmodel does not know (its name kept as a tag)",
    "subject codes in schemes newsmodel does not know (their names kept as tags)",
)
_MORE_PLACES = _loss("value", "place after the first", "places after the first")
_RENDITION = _loss("field", "rendition of the item", "renditions of the item")
_ASSOCIATION = _loss("item", "associated item", "associated items")
_IMAGE_RENDITION = _loss(
    "image", "other rendition of the main image", "other renditions of the main image"
)
_NO_IMAGE_ADDRESS = _loss("image", "main image without an http(s) address")


def _clean(value: object) -> str | None:
    """A string as the model holds it, less what it refuses; ``None`` for blanks, non-strings."""
    if isinstance(value, str):
        try:
            return collapse(scrub(value)) or None
        except InvalidTextError:  # pragma: no cover - scrub removes what collapse refuses
            return None
    return None


def _word(value: object) -> str | None:
    text = _clean(value)
    return text.lower() if text is not None else None


def _scalar(value: object) -> str | None:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    return value if isinstance(value, str) and value.strip() else None


def _by_names(by: str) -> list[str]:
    text = _BY_PREFIX.sub("", " ".join(by.split()))
    return [name for name in _BY_SPLIT.split(text) if name.strip(" .")]


class _Item:
    """One item being read: its properties by lower-case name, and what was made of them."""

    def __init__(self, item: dict[str, Any], *, tz: tzinfo, path: str) -> None:
        self.props = lowered(item, path)
        self.names = {key.lower(): key for key in item}
        self.tz = tz
        self.path = path
        self.used: set[str] = set(_IGNORED)
        self.extra: list[tuple[str, str]] = []
        self.lost: Counter[Dropped] = Counter()
        #: the item's uri, when an alternative id holds the guid.
        self.other_uri: str | None = None
        #: the embeds among the associations, with their places in the body.
        self.embeds: list[Placed] = []

    # -- properties -----------------------------------------------------------------------

    def get(self, name: str) -> Any:  # noqa: ANN401 - a JSON value
        if name in self.props:
            self.used.add(name)
            return self.props[name]
        return None

    def text(self, name: str) -> str | None:
        return _clean(self.get(name))

    def dicts(self, name: str) -> list[dict[str, Any]]:
        """The objects of an array property (or of a 1.x object keyed by name), lower-cased."""
        value = self.get(name)
        if isinstance(value, dict):
            value = [{"name": key, **v} if isinstance(v, dict) else v for key, v in value.items()]
        if not isinstance(value, list):
            if value is not None:
                self.lost[_loss("value", f"'{self.names[name]}' value that is not an array")] += 1
            return []
        out = []
        for i, entry in enumerate(value):
            if isinstance(entry, dict):
                out.append(lowered(entry, f"{self.path}.{self.names[name]}[{i}]"))
            else:
                self.lost[_NOT_AN_OBJECT] += 1
        return out

    def when(self, name: str) -> datetime | None:
        raw = self.get(name)
        if raw is None:
            return None
        parsed = parse_iso(raw) if isinstance(raw, str) else None
        if parsed is not None and parsed.tzinfo is None:
            parsed = parsed.replace(tzinfo=self.tz)
            # A wall time a clock change skips names no instant: the model refuses it.
            there_and_back = parsed.astimezone(timezone.utc).astimezone(self.tz)
            if there_and_back.replace(tzinfo=None) != parsed.replace(tzinfo=None):
                parsed = None
        if parsed is None:
            self.keep(name, raw)
        return parsed

    def keep(self, name: str, value: object) -> None:
        """Keep a scalar in ``extra``; count anything else as lost."""
        scalar = _scalar(value)
        if scalar is not None:
            self.extra.append((f"ninjs:{self.names.get(name, name)}", scalar))
        elif value is not None and value not in ([], {}):
            self.lost[_property(self.names.get(name, name))] += 1

    # -- fields ---------------------------------------------------------------------------

    def headline(self) -> tuple[str | None, str | None]:
        """The main headline, and a subheadline."""
        main = sub = None
        for entry in self.dicts("headlines"):
            value, role = _clean(entry.get("value")), _word(entry.get("role"))
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
            value, role = entry.get("value"), _word(entry.get("role"))
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
                _clean(old[0]) or self.plain(old[1], "text/html") or self.plain(old[2], "text/html")
            )
        return lede, dateline

    def plain(self, value: object, content_type: object) -> str | None:
        """The text of a value, markup read when its type says HTML."""
        if not isinstance(value, str):
            return None
        kind = _word(content_type)
        if kind in _HTML_TYPES or (kind is None and value.lstrip().startswith("<")):
            sections, _ = self.fragment(value)
            return _clean(" ".join(s.text for s in sections))
        return _clean(value)

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
            kind, role = _word(entry.get("contenttype")), _word(entry.get("role"))
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

    def party(self, entry: dict[str, Any], default: Role) -> Attribution | None:
        name = _clean(entry.get("name"))
        if name is None:
            return None
        role_text = _clean(entry.get("role"))
        role = role_of(role_text) if role_text else default
        url = _clean(entry.get("uri"))
        for link in (url if url and _HTTP.match(url) else None, None):
            try:
                return Attribution(name, role=role or default, url=link)
            except ValidationError:  # noqa: PERF203 - rare: a name or URL the model refuses
                continue
        self.lost[_REFUSED_CREDIT] += 1
        return None

    def parties(self) -> tuple[list[Attribution], str | None]:
        """The attributions, and the site."""
        found: list[Attribution] = []
        site = None
        for entry in self.dicts("infosources"):
            if _word(entry.get("role")) == SITE_ROLE and site is None:
                site = _clean(entry.get("name"))
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
            name, uri = _clean(entry.get("name")), _clean(entry.get("uri"))
            if uri is not None and uri.startswith(RUBRIC_BASE):
                rubrics.append(name or uri[len(RUBRIC_BASE) :])
                continue
            code = qcode_of(entry)
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
            name = _clean(entry.get("name"))
            if name is not None:
                rubrics.append(name)
        keywords = self.get("keywords")
        if isinstance(keywords, list):
            tags.extend(k for k in (_clean(v) for v in keywords) if k is not None)
        return subjects, rubrics, tags

    def place(self) -> str | None:
        located = self.text("located")
        places = self.dicts("place")
        if located is None and places:
            located = _clean(places[0].get("name"))
            places = places[1:]
        if places:
            self.lost[_MORE_PLACES] += len(places)
        return located

    def url(self) -> str | None:
        url = None
        for entry in self.dicts("renditions"):
            href = _clean(entry.get("href"))
            kind = _word(entry.get("contenttype")) or _word(entry.get("mimetype"))
            if url is None and href and _HTTP.match(href) and kind == "text/html":
                url = href
            else:
                self.lost[_RENDITION] += 1
        return url

    def image(self) -> Figure | None:
        associations = []
        for entry in self.dicts("associations"):
            position = position_of(entry)
            if position is None:
                associations.append(entry)
            else:
                self.embed(entry, position)
        chosen = None
        for name in _IMAGE_NAMES:
            chosen = next((a for a in associations if _word(a.get("name")) == name), None)
            if chosen is not None:
                break
        if chosen is None:
            chosen = next((a for a in associations if _word(a.get("type")) in _IMAGE_TYPES), None)
        self.lost[_ASSOCIATION] += len(associations) - (chosen is not None)
        if chosen is None:
            return None
        picture = _Item(chosen, tz=self.tz, path=f"{self.path}.associations")
        return picture.figure(self)

    def embed(self, entry: dict[str, Any], position: tuple[int, int, bool]) -> None:
        item = _Item(entry, tz=self.tz, path=f"{self.path}.associations")
        caption = next(
            (
                _clean(d.get("value"))
                for d in item.dicts("descriptions")
                if _word(d.get("role")) in {None, "caption", "summary", "text"}
            ),
            None,
        )
        credits_ = [item.party(e, Role.AUTHOR) for e in item.dicts("infosources")]
        embed = embed_of(entry, caption, next((c for c in credits_ if c is not None), None))
        self.lost.update(item.lost)
        if embed is None:
            self.lost[_ASSOCIATION] += 1
        else:
            self.embeds.append((*position, embed))

    def figure(self, article: _Item) -> Figure | None:
        """This item read as the article's image; what it loses is counted on the article."""
        renditions = [r for r in self.dicts("renditions") if _clean(r.get("href"))]
        by_name = {_word(r.get("name")): r for r in renditions}
        best = next((by_name[n] for n in _RENDITION_ORDER if n in by_name), None)
        if best is None and renditions:
            best = max(renditions, key=_area)
        if len(renditions) > 1:
            article.lost[_IMAGE_RENDITION] += len(renditions) - 1
        caption = alt = None
        for entry in self.dicts("descriptions"):
            role, value = _word(entry.get("role")), _clean(entry.get("value"))
            if role == "alt":
                alt = alt or value
            elif role in {None, "caption", "summary", "text"}:
                caption = caption or value
        caption = caption or self.text("description_text") or self.text("headline")
        alt = alt or self.text("alt_text")
        found = [self.party(e, Role.PHOTOGRAPHER) for e in self.dicts("infosources")]
        credits_ = [c for c in found if c is not None]
        by = self.text("by") or self.text("byline")
        if not credits_ and by is not None:
            credits_ = [c for c in [self.party({"name": by}, Role.PHOTOGRAPHER)] if c]
        article.lost.update(self.lost)
        if best is None:
            article.lost[_NO_IMAGE_ADDRESS] += 1
            return None
        try:
            return Figure(
                str(best["href"]),
                caption=caption,
                credit=credits_[0] if credits_ else None,
                alt=alt,
            )
        except ValidationError:
            article.lost[_NO_IMAGE_ADDRESS] += 1
            return None

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
        for entry in self.dicts("altids"):
            role, value = _word(entry.get("role")), _clean(entry.get("value"))
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

    def version(self) -> int:
        raw = self.get("version")
        if isinstance(raw, int) and not isinstance(raw, bool) and raw >= 1:
            return raw
        if isinstance(raw, str) and raw.strip().isdecimal() and int(raw) >= 1:
            return int(raw)
        if raw is not None:
            self.keep("version", raw)
        return 1

    def rest(self) -> None:
        """Keep the scalars no field took; count the rest."""
        for name, value in self.props.items():
            if name not in self.used:
                self.keep(name, value)


_DAY_ROLES = {role.lower(): name.lower() for name, role in DATE_ROLES.items()}


def _area(rendition: dict[str, Any]) -> int:
    width, height = rendition.get("width"), rendition.get("height")
    if isinstance(width, int) and isinstance(height, int):
        return width * height
    return 0


def read_item(
    item: dict[str, Any], *, tz: tzinfo, path: str = "$"
) -> tuple[Article, Counter[Dropped]]:
    """Read one item; return the article and what was left out of it, counted by kind.

    Raises:
        ParseError: the item has no headline, title, slugline, description or body text.
    """
    r = _Item(item, tz=tz, path=path)
    kind = r.text("type")
    if kind is not None and kind.lower() not in _TEXT_TYPES:
        r.lost[
            _loss(
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
        "image": r.image(),
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


def _fallback_headline(r: _Item, lede: str | None, sections: list[Section]) -> str:
    for source, value in (
        ("title", r.text("title")),
        ("slugline", r.text("slugline")),
        ("description", lede),
        ("body", sections[0].text.split("\n")[0][:200] if sections else None),
    ):
        if value:
            r.lost[_loss("field", f"headline: none given, the {source} taken for it")] += 1
            return value
    msg = "no headline: the item has no headline, title, slugline, description or body text"
    raise ParseError(FORMAT, msg, path=r.path)


def _build(r: _Item, headline: str, fields: dict[str, Any]) -> Article:
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
