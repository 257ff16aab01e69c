"""Read RSS 0.9x/1.0/2.0 and Atom feeds (Dzen's and Yandex's too) into articles.

feedparser reads the feed syntax, with every liberty real feeds take; each entry's full text
goes through the HTML reader's body rules (:mod:`newsmodel.html._fragment`), so that a feed's
body is read as a page's is. feedparser is given a file object over the bytes, never a string:
it opens a string (and even bytes) that names a file or a URL.
"""

from __future__ import annotations

import io
import re
import threading
from datetime import datetime, timedelta, timezone
from email.utils import parsedate_tz
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin

from lxml import etree
from lxml import html as lxml_html

from newsmodel._limits import check_size
from newsmodel._models import Article, Attribution, Figure, Role, Section
from newsmodel._textrules import InvalidTextError, collapse, scrub
from newsmodel._xmlsafe import html_parser
from newsmodel.dates import parse_iso
from newsmodel.errors import LossyConversionWarning, ParseError, ValidationError
from newsmodel.feed._channel import absolute
from newsmodel.html._fragment import dropped_warnings, read_fragment

if TYPE_CHECKING:
    from datetime import tzinfo

__all__ = ["DZEN_CATEGORIES", "MAX_CATEGORIES", "read_feed"]

_FORMAT = "feed"
#: An entry or the feed's own data, as feedparser gives them (dict subclasses).
Entry = dict[str, Any]
#: The category values Dzen defines: how to publish, not what the article is about.
#: ``index``/``noindex``, and ``index-yes``/``index-no`` as earlier versions of this library wrote.
DZEN_CATEGORIES = re.compile(
    r"^(?:format-(?:article|post)|(?:no)?index|index-(?:yes|no)"
    r"|comment-(?:all|subscribers|none)|native-(?:draft|yes))$"
)
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml", "html", "xhtml"})
_TAG_SCHEME = "tag"
_IMAGE = re.compile(r"^image/", re.IGNORECASE)


#: The most categories (and keywords) a feed may carry: feedparser de-duplicates an entry's
#: categories against a list, in quadratic time (10,000 in one entry take about a second).
MAX_CATEGORIES = 10_000
_CATEGORY = re.compile(rb"<(?:[\w.-]+:)?(?:category|subject)\b", re.IGNORECASE)
# Keyword elements (media:keywords, itunes:keywords) become one category per comma.
_KEYWORDS = re.compile(rb"<(?:[\w.-]+:)?keywords\b[^<>]*>([^<]*)", re.IGNORECASE)


def _check_categories(raw: bytes) -> None:
    """Refuse a feed with more categories than :data:`MAX_CATEGORIES`, in one linear pass."""
    count = sum(1 for _ in _CATEGORY.finditer(raw))
    if count <= MAX_CATEGORIES:
        count += sum(m.group(1).count(b",") + 1 for m in _KEYWORDS.finditer(raw))
    if count > MAX_CATEGORIES:
        msg = f"more than {MAX_CATEGORIES} categories and keywords (a guard against slow reading)"
        raise ParseError(_FORMAT, msg)


def _feedparser() -> Any:  # noqa: ANN401 - feedparser has no type hints
    try:
        import feedparser  # type: ignore[import-untyped]  # noqa: PLC0415 - optional
    except ImportError:  # pragma: no cover - the test extra installs it
        msg = "reading feeds needs feedparser: pip install 'pynewsmodel[feed]'"
        raise ImportError(msg) from None
    return feedparser


def _text(value: object) -> str | None:
    """Clean one-line text, or ``None`` for blank or unusable text."""
    if not isinstance(value, str):
        return None
    try:
        return collapse(scrub(value)) or None
    except InvalidTextError:
        return None


def _html_text(value: str) -> str | None:
    """The text of markup (a title or a summary written as HTML)."""
    if "<" not in value and "&" not in value:
        return _text(value)
    try:
        root = lxml_html.fragment_fromstring(
            scrub(value), create_parent="div", parser=_html_parser()
        )
    except (ValueError, TypeError, etree.ParserError):
        return _text(value)
    for dropped in root.iter("script", "style", "template"):
        dropped.drop_tree()
    return _text(root.text_content())


_PARSERS = threading.local()


def _html_parser() -> lxml_html.HTMLParser:
    """This thread's parser for markup in titles and summaries (parsers are not shared)."""
    parser: lxml_html.HTMLParser | None = getattr(_PARSERS, "parser", None)
    if parser is None:
        parser = html_parser(_FORMAT, remove_comments=True, remove_pis=True)
        _PARSERS.parser = parser
    return parser


def _detail_text(entry: Entry, key: str) -> str | None:
    value = dict.get(entry, key)
    if not isinstance(value, str):
        return None
    detail = dict.get(entry, f"{key}_detail") or {}
    if detail.get("type") in _HTML_TYPES:
        return _html_text(value)
    return _text(value)


def parse_feed_date(text: object, parsed: object, zone: tzinfo) -> datetime | None:
    """A feed's date: ISO 8601, RFC 822 (with its broken forms), else feedparser's reading.

    The offset written is kept; a time without one is in ``zone``. feedparser's own reading
    (which knows more broken forms, but only gives UTC) is the last resort.
    """
    if isinstance(text, str) and text.strip():
        value = parse_iso(text.strip())
        if value is None:
            fields = parsedate_tz(text.strip())
            if fields is not None:
                try:
                    naive = datetime(*fields[:6])  # noqa: DTZ001 - the offset follows
                except ValueError:
                    naive = None
                if naive is not None and fields[9] is not None:
                    value = _offset(naive, fields[9])
                elif naive is not None:
                    value = naive
        if value is not None:
            return value if value.tzinfo is not None else value.replace(tzinfo=zone)
    if parsed is not None:
        try:
            return datetime(*parsed[:6], tzinfo=timezone.utc)  # type: ignore[index,misc]
        except (TypeError, ValueError):
            return None
    return None


def _offset(naive: datetime, seconds: int) -> datetime | None:
    if abs(seconds) >= 24 * 3600:
        return None
    return naive.replace(tzinfo=timezone(timedelta(seconds=seconds)))


def _authors(entry: Entry) -> list[Attribution]:
    out: list[Attribution] = []
    seen: set[str] = set()
    for author in dict.get(entry, "authors") or []:
        name = _text(author.get("name")) if isinstance(author, dict) else None
        if name is None or name.casefold() in seen:
            continue
        href = author.get("href")
        url = href if isinstance(href, str) and absolute(href) else None
        try:
            out.append(Attribution(name, role=Role.AUTHOR, url=url))
        except ValidationError:
            continue
        seen.add(name.casefold())
    return out


def _categories(entry: Entry) -> tuple[list[str], list[str]]:
    # dicts as ordered sets: a feed may carry thousands of categories
    found: dict[tuple[str, bool], None] = {}
    for category in dict.get(entry, "tags") or []:
        term = _text(category.get("term") or category.get("label"))
        if term is not None:
            found[term, category.get("scheme") == _TAG_SCHEME] = None
    # Dzen's publishing marks come as a set (format-, index- and comment-): only then are they
    # marks, not a rubric or tag that happens to read "noindex".
    marks = {term for term, is_tag in found if not is_tag and DZEN_CATEGORIES.match(term)}
    kinds = {mark.split("-", 1)[0].removeprefix("no") for mark in marks}
    if not {"format", "index", "comment"} <= kinds:
        marks = set()
    rubrics = [term for term, is_tag in found if not is_tag and term not in marks]
    tags = [term for term, is_tag in found if is_tag]
    return rubrics, tags


def _images(entry: Entry) -> list[tuple[str, str | None]]:
    """The entry's images with their credits: media:content, then enclosures, in order."""
    found: dict[str, str | None] = {}
    named = dict.get(entry, "media_credit") or []
    credit = _text(named[0].get("content")) if named and isinstance(named[0], dict) else None
    for media in dict.get(entry, "media_content") or []:
        url = media.get("url")
        image = media.get("medium") == "image" or _IMAGE.match(media.get("type") or "")
        if isinstance(url, str) and absolute(url) and image:
            found.setdefault(url, credit)
    for link in dict.get(entry, "links") or []:
        url = link.get("href")
        if (
            link.get("rel") == "enclosure"
            and _IMAGE.match(link.get("type") or "")
            and isinstance(url, str)
            and absolute(url)
        ):
            found.setdefault(url, None)
    return list(found.items())


def _body(
    entry: Entry, base: str | None
) -> tuple[list[Section], list[LossyConversionWarning], str | None]:
    """The sections of the entry's full text, notes of what was dropped, and the raw text."""
    for content in dict.get(entry, "content") or []:
        value = content.get("value")
        if not isinstance(value, str) or not value.strip():
            continue
        if content.get("type") in _HTML_TYPES:
            try:
                sections, dropped = read_fragment(scrub(value), base=base)
            except ParseError as exc:
                raise ParseError(_FORMAT, f"entry {_name(entry)}: {exc.message}") from None
            return sections, dropped_warnings(dropped, _FORMAT), value
        return _plain_sections(value), [], value
    full_text = dict.get(entry, "yandex_full-text")
    if isinstance(full_text, str) and full_text.strip():
        return _plain_sections(full_text), [], full_text
    return [], [], None


def _plain_sections(text: str) -> list[Section]:
    """Plain text as one section: a paragraph per line."""
    lines = [line for line in (_text(x) for x in scrub(text).splitlines()) if line]
    return [Section(blocks=lines)] if lines else []


def _entry_date(
    entry: Entry, keys: tuple[str, ...], zone: tzinfo, notes: list[LossyConversionWarning]
) -> datetime | None:
    """An entry's date under the first of ``keys`` it has, else ``None``.

    A date that cannot be read is left out and reported (``08/02/2013``: which is the day?).
    """
    key = next((k for k in keys if dict.get(entry, k)), keys[0])
    text = dict.get(entry, key)
    value = parse_feed_date(text, dict.get(entry, f"{key}_parsed"), zone)
    if value is None and isinstance(text, str) and text.strip():
        message = f"entry {_name(entry)}: {key} {text.strip()[:100]!r} is not a date; left out"
        notes.append(_note("value", message, key))
    return value


def _note(kind: str, message: str, lost: str | None, count: int = 1) -> LossyConversionWarning:
    return LossyConversionWarning(message, format=_FORMAT, kind=kind, lost=lost, count=count)


def _name(entry: Entry) -> str:
    for key in ("id", "link", "title"):
        value = dict.get(entry, key)
        if isinstance(value, str) and value.strip():
            return repr(value.strip()[:200])
    return "without id, link or title"


def _is_rdf(result: Entry) -> bool:
    """Whether feedparser read RSS 1.0 or 0.90 (RDF), whose items carry ``dc:date`` alone."""
    return str(result.get("version") or "") in ("rss10", "rss090")


def _entry(
    entry: Entry,
    feed: Entry,
    zone: tzinfo,
    notes: list[LossyConversionWarning],
    *,
    rdf: bool = False,
) -> Article | None:
    headline = _detail_text(entry, "title")
    if headline is None:
        notes.append(_note("item", f"entry {_name(entry)} has no title: left out", None))
        return None
    base_link = dict.get(feed, "link") if isinstance(dict.get(feed, "link"), str) else None
    link = dict.get(entry, "link")
    url = urljoin(base_link or "", link) if isinstance(link, str) and link.strip() else None
    url = url if url is not None and absolute(url) else None
    sections, body_notes, raw_body = _body(entry, url or base_link)
    notes.extend(
        _note(note.kind, f"entry {_name(entry)}: {note.message}", note.lost, note.count)
        for note in body_notes
    )
    lede = None
    summary = dict.get(entry, "summary")
    if isinstance(summary, str) and summary.strip() and summary != raw_body:
        lede = _detail_text(entry, "summary")
    if not sections and raw_body is None and lede is not None:
        message = f"entry {_name(entry)} has only a summary: read as the lede, with no body"
        notes.append(_note("body", message, None))
    guid = _text(dict.get(entry, "id"))
    rubrics, tags = _categories(entry)
    images = _images(entry)
    in_body = {b.image for s in sections for b in s.blocks if isinstance(b, Figure)}
    image = None
    for image_url, credit in images:
        if image_url not in in_body:
            person = Attribution(credit, role=Role.PHOTOGRAPHER) if credit else None
            image = Figure(image_url, credit=person)
            break
    published = _entry_date(entry, ("published", "created"), zone, notes)
    updated = _entry_date(entry, ("updated",), zone, notes)
    if rdf and published is None:
        # RSS 1.0 dates its items with dc:date, which feedparser calls "updated": it is the
        # item's only date, the day it was published.
        published, updated = updated, None
    fields: dict[str, Any] = {
        "headline": headline,
        "lede": lede,
        "sections": sections,
        "attributions": _authors(entry),
        "published": published,
        "updated": updated,
        "rubrics": rubrics,
        "tags": tags,
        "site": _text(dict.get(feed, "title")),
        "url": url,
        "guid": None if guid == url else guid,
        "image": image,
    }
    detail = dict.get(entry, "title_detail") or {}
    language = detail.get("language") or dict.get(feed, "language")
    if isinstance(language, str) and language.strip():
        fields["language"] = language.strip()
    return _build(fields, entry, notes)


def _build(
    fields: dict[str, Any], entry: Entry, notes: list[LossyConversionWarning]
) -> Article | None:
    """The article; a field the model refuses is left out and reported."""
    for _ in range(len(fields)):
        try:
            return Article(**fields)
        except ValidationError as exc:  # noqa: PERF203 - one round per refused field
            field = exc.field.split("[", 1)[0].split(".", 1)[0]
            if field == "headline" or field not in fields:
                notes.append(_note("item", f"entry {_name(entry)} left out: {exc}", None))
                return None
            message = f"entry {_name(entry)}: {field} left out ({exc.reason})"
            notes.append(_note("field", message, field))
            if field == "updated":
                fields["updated"] = None
            else:
                del fields[field]
    return None  # pragma: no cover - each round removes a field


def read_feed(
    data: bytes | str, *, tz: tzinfo, max_bytes: int
) -> tuple[list[Article], list[LossyConversionWarning]]:
    """The articles of a feed's usable entries, and what was lost reading them, in words."""
    check_size(_FORMAT, data, max_bytes)
    headers = {}
    if isinstance(data, str):
        raw = data.encode("utf-8", "surrogatepass")
        headers = {"content-type": "application/xml; charset=utf-8"}
    elif isinstance(data, (bytes, bytearray, memoryview)):
        raw = bytes(data)
    else:
        msg = f"expected bytes or str, got {type(data).__name__}"
        raise TypeError(msg)
    if not raw.strip():
        raise ParseError(_FORMAT, "the feed is empty")
    _check_categories(raw)
    feedparser = _feedparser()
    # A file object: given bytes or a str, feedparser tries them as a path and as a URL first.
    result = feedparser.parse(
        io.BytesIO(raw),
        sanitize_html=False,
        resolve_relative_uris=False,
        response_headers=headers,
    )
    if not result.get("version") and not result.get("entries"):
        problem = result.get("bozo_exception")
        detail = f": {problem}" if problem is not None else ""
        raise ParseError(_FORMAT, f"not an RSS or Atom feed{detail}")
    notes: list[LossyConversionWarning] = []
    feed = result.get("feed") or {}
    articles = []
    try:
        for entry in result.get("entries") or []:
            article = _entry(entry, feed, tz, notes, rdf=_is_rdf(result))
            if article is not None:
                articles.append(article)
    except RecursionError:
        msg = "inline markup in an entry is nested too deeply to read"
        raise ParseError(_FORMAT, msg) from None
    return articles, notes
