"""Choosers: one small function per field the page may give in several ways.

Each takes the candidates the sources found (:class:`~newsmodel.html._sources.Sources`) and the
page (:class:`Page`), and decides with its rule written once: metadata first, then what the
visible page says. A page newsmodel wrote (``own``) is read from its markup only.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import TYPE_CHECKING

import attrs

from newsmodel._attribution import split_attribution
from newsmodel._models import Attribution, Role, Section
from newsmodel.errors import ParseError, ValidationError
from newsmodel.html._dates import url_date
from newsmodel.html._lines import leading, without
from newsmodel.html._names import resolve
from newsmodel.html._page import (
    SENTENCE_END,
    byline,
    date_text,
    dated_byline,
    kicker_of,
    printed_date,
    similar,
    source_in_text,
    strip_site,
    text_without,
    time_element,
)
from newsmodel.html._texts import text_of
from newsmodel.html._values import (
    MAX_SITE_NAMES,
    clean,
    unique,
    weak_author,
)

if TYPE_CHECKING:
    from datetime import date, tzinfo

    from lxml import html as lxml_html

    from newsmodel.html._sources import Sources
    from newsmodel.html._texts import Texts

    HtmlElement = lxml_html.HtmlElement

__all__ = [
    "Page",
    "choose_attributions",
    "choose_headline",
    "choose_language",
    "choose_lede",
    "choose_published",
    "choose_rubrics",
    "choose_sections",
    "choose_site",
    "choose_tags",
    "choose_updated",
    "choose_url",
    "choose_version",
]

_FORMAT = "html"
_LANGUAGE = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*$")
_HTTP_URL = re.compile(r"^https?://[^\s/]+\S*$", re.IGNORECASE)


@attrs.frozen
class Page:
    """What the page heuristics look at: the tree and where its parts are."""

    root: HtmlElement
    #: the microdata item of the article, when the page has one
    item: HtmlElement | None
    #: the main content
    container: HtmlElement | None
    h1: HtmlElement | None
    texts: Texts
    zone: tzinfo
    #: a page newsmodel wrote: nothing on it is guessed
    own: bool

    @property
    def scope(self) -> HtmlElement | None:
        """Where the article's own marks are looked for first."""
        return self.item if self.item is not None else self.container


def choose_attributions(
    sources: Sources, page: Page, site: str | None, lede: str | None, first_text: str | None
) -> tuple[list[Attribution], str | None]:
    """The credits: explicit markup, then JSON-LD, then meta tags, then bylines on the page.

    Also returns the lede, less a source phrase that ended it ("..., передает Kazinform").
    """
    found = _Credits(sources.attributions)
    ld_authors = sources.json_ld.authors
    meta_authors = sources.meta.authors
    weak = _weak_names(sources, site)
    # An organisation (or the site itself) named as author stands for "no byline in the
    # metadata": a person's byline on the page is better.
    searched = (
        not found.items
        and not page.own
        and all(weak_author(n, weak) for n, _ in ld_authors)
        and all(weak_author(n, weak) for n in meta_authors)
    )
    if searched:
        found.add([(n, None) for n in byline(page.root, page.container, page.texts)])
    if not found.has(Role.AUTHOR):
        found.add(ld_authors)
    for role in (Role.EDITOR, Role.TRANSLATOR, Role.SOURCE):
        if not found.has(role):
            found.add(sources.json_ld.people(role), role)
    if not found.has(Role.AUTHOR):
        found.add([(n, None) for n in meta_authors])
    if not found.items and not page.own and not searched:
        # (a byline searched for above and not taken would not be taken now either)
        found.add([(n, None) for n in byline(page.root, page.container, page.texts)])
    if not found.items and page.item is None:
        found.add([(n, None) for n in dated_byline(page.h1, page.container, page.zone)])
    lede = _credit_source(found.items, page, lede, first_text)
    return found.items, lede


class _Credits:
    """Credits in order, each name once (compared case-insensitively, in a set)."""

    def __init__(self, found: list[Attribution]) -> None:
        self.items = list(found)
        self.names = {a.name.casefold() for a in self.items}

    def has(self, role: Role) -> bool:
        return any(a.role is role for a in self.items)

    def add(self, names: list[tuple[str, str | None]], role: Role = Role.AUTHOR) -> None:
        for name, person_url in names:
            if not any(c.isalpha() for c in name):
                continue  # an account or story number, a date: no one's name
            try:
                a = Attribution(name, role=role, url=person_url)
            except ValidationError:
                try:
                    a = Attribution(name, role=role)
                except ValidationError:
                    continue
            key = a.name.casefold()
            if key not in self.names:
                self.names.add(key)
                self.items.append(a)


def _weak_names(sources: Sources, site: str | None) -> set[str]:
    """Site and organisation names, at most MAX_SITE_NAMES of each (authors meet each one)."""
    site_keys = dict.fromkeys(
        x.casefold()
        for x in (site, sources.meta.site, *sources.json_ld.sites)
        if isinstance(x, str)
    )
    return set(sources.json_ld.author_organisations[:MAX_SITE_NAMES]) | set(
        list(site_keys)[:MAX_SITE_NAMES]
    )


def _credit_source(
    attributions: list[Attribution], page: Page, lede: str | None, first_text: str | None
) -> str | None:
    """Credit "..., передает Altyn-orda.kz" at the end of the lede or the first paragraph.

    Our own markup says what is lede and what is credit: its text is taken as it is.
    """
    for text_source in () if page.own else (lede, first_text):
        if not text_source:
            continue
        rest, credited = split_attribution(text_source)
        if (
            credited is not None
            and credited.role is Role.SOURCE
            and SENTENCE_END.search(credited.name) is None  # a name, not the next sentences
        ):
            if text_source is lede:
                lede = rest or None
        elif page.item is None:
            # the phrase may end the first sentence, or the dateline may name the agency
            # ("МОСКВА, 29 июня. /ТАСС/."): credited, the text left as it is
            credited = source_in_text(text_source)
        else:
            credited = None
        if credited is not None:
            _add_source(attributions, credited)
            break
    return lede


def _add_source(attributions: list[Attribution], credited: Attribution) -> None:
    """Credit a source; an organisation of that name credited as author is the source."""
    key = credited.name.casefold()
    for index, existing in enumerate(attributions):
        if existing.name.casefold() == key:
            if existing.role is Role.AUTHOR:
                attributions[index] = credited
            return
    attributions.append(credited)


def choose_published(sources: Sources, page: Page, url: str | None) -> datetime | date | None:
    """The publication time: metadata, then ``<time>``, dated classes, the URL, printed text.

    A date alone in the first source gives way to a time on that same day from another source.
    """
    published = _with_time(
        [sources.microdata.published, sources.json_ld.published, sources.meta.published]
    )
    if published is not None or page.own:
        return published
    root, scope, zone, texts = page.root, page.scope, page.zone, page.texts
    published = time_element(root, scope, zone, texts)
    if published is None:
        published = date_text(scope if scope is not None else root, zone, texts)
    if published is None and scope is not None:
        published = date_text(root, zone, texts)
    if published is None:
        for candidate in (url, sources.head.canonical, sources.meta.url):
            published = url_date(candidate)
            if published is not None:
                break
    if published is None:
        published = printed_date(page.h1, page.container, zone)
    return published


def _with_time(found: list[datetime | date | None]) -> datetime | date | None:
    """The first value; a later one with a time replaces a first that is a date of its day."""
    given = [value for value in found if value is not None]
    if not given or isinstance(given[0], datetime):
        return given[0] if given else None
    day = given[0]
    return next(
        (v for v in given if isinstance(v, datetime) and v.date() == day),
        day,
    )


def choose_updated(sources: Sources, published: datetime | date | None) -> datetime | date | None:
    """The last update the metadata gives; one before publication is kept aside as extra."""
    updated = _with_time([sources.microdata.updated, sources.json_ld.updated, sources.meta.updated])
    if updated is not None and published is not None and _before(updated, published):
        # The model holds no update before publication: the page's value is kept aside.
        sources.extra.append(("html:dateModified", updated.isoformat()))
        return None
    return updated


def _before(then: datetime | date, first: datetime | date) -> bool:
    """``then`` earlier than ``first``; compared by the day when either is a date alone."""
    if isinstance(then, datetime) and isinstance(first, datetime):
        return then < first
    day = then.date() if isinstance(then, datetime) else then
    return day < (first.date() if isinstance(first, datetime) else first)


def choose_language(sources: Sources) -> str | None:
    """The first well-formed language tag: the article's, the page's, then the meta tags'."""
    for candidate in (
        *sources.microdata.languages,
        sources.json_ld.language,
        sources.head.language,
        sources.meta.language,
    ):
        if isinstance(candidate, str) and _LANGUAGE.match(candidate.strip()):
            return candidate.strip()
    return None


def choose_url(sources: Sources, url: str | None) -> str | None:
    """The article's absolute http(s) URL: its own, canonical, OpenGraph, JSON-LD, then ``url``."""
    for candidate in (
        *sources.microdata.urls,
        sources.head.canonical,
        sources.meta.url,
        sources.json_ld.url,
    ):
        absolute = resolve(candidate, sources.base) if isinstance(candidate, str) else None
        if absolute and _HTTP_URL.match(absolute):
            return absolute
    if url and _HTTP_URL.match(url):
        return url
    return None


def choose_version(sources: Sources) -> int:
    """The version the page gives (a positive whole number), else 1."""
    raw: int | str | None = sources.microdata.version
    raw = raw if raw is not None else sources.json_ld.version
    if raw is not None and str(raw).isdigit() and int(raw) >= 1:
        return int(raw)
    return 1


def choose_site(sources: Sources) -> str | None:
    """The site's name: the article's, OpenGraph's, then a JSON-LD one not credited as publisher."""
    credited = {a.name for a in sources.attributions if a.role is Role.PUBLISHER}
    return (
        sources.microdata.site
        or sources.meta.site
        or next((s for s in sources.json_ld.sites if s not in credited), None)
    )


def choose_headline(sources: Sources, page: Page, site: str | None) -> str:
    """The headline: metadata, then OpenGraph, ``<h1>`` and ``<title>``; the ``<h1>`` wins a tie.

    A kicker printed above the ``<h1>`` is not part of it: it is kept as ``html:kicker``.
    """
    h1 = page.h1
    headline = sources.microdata.headline or sources.json_ld.headline
    h1_text = text_of(h1) if h1 is not None else None
    kicker = kicker_of(h1, page.texts) if h1 is not None and page.item is None else None
    if h1 is not None and kicker is not None:
        # "Klimaschutz: Bohren, bis es heiß wird": the kicker above a headline is not part of it
        sources.extra.append(("html:kicker", text_of(kicker)))
        h1_text = text_without(h1, kicker) or h1_text
    if headline is None:
        for candidate in (sources.meta.headline, h1_text, sources.head.title):
            if candidate:
                headline = strip_site(candidate, site) if candidate is not h1_text else candidate
                break
    if headline is None:
        raise ParseError(_FORMAT, "no headline: the page has no title, h1 or article metadata")
    if h1_text and headline != h1_text:
        cut = headline.rstrip(".… ")
        if (similar(headline, h1_text) and len(h1_text) <= len(headline)) or (
            cut != headline and h1_text.startswith(cut)
        ):
            headline = h1_text
    return headline


def choose_lede(
    sources: Sources, page: Page, visible: str | None, sections: list[Section]
) -> tuple[str | None, list[Section]]:
    """The lede: the article's description, or the standfirst, or the meta description.

    On a page without an article item the standfirst under the headline comes first. A lede the
    body starts with already (after the first paragraph's dateline or not) is left out. The
    first paragraphs a lede holds whole, one after another (a description that runs them
    together), are taken out of the body, and so is one of the body's next paragraphs (after a
    rubric, a dateline or a byline line) that is the lede: they are repeats.

    Returns the lede and the sections.
    """
    lede = sources.microdata.lede or sources.json_ld.lede
    if page.item is not None:
        return lede, sections
    lede = visible or lede or sources.meta.lede
    if not lede:
        return lede, sections
    key = " ".join(lede.split()).casefold()
    first = True
    for where, text in leading(sections):
        if not text.strip():
            continue
        if not first and " ".join(text.split()).casefold() == key:
            return lede, without(sections, where)
        if first and _begins(lede, text):
            return None, sections
        if first and _prefix(text, lede):
            return _without_held(lede, sections)
        first = False
    return lede, sections


def _begins(lede: str, first: str) -> bool:
    """Whether the body begins with the lede, after its dateline ("CITY (Agency) — ") or not."""
    return _prefix(lede, first) or _prefix(lede, _DATELINE_PREFIX.sub("", first, count=1))


def _without_held(lede: str, sections: list[Section]) -> tuple[str, list[Section]]:
    """The lede and the sections without the first paragraphs the lede holds whole.

    A description may run the body's first paragraphs together: they are the lede's text, not
    the body's. The start of the next paragraph that it then cuts short ("He said...") is
    left to that paragraph.
    """
    rest = "".join(lede.split()).casefold()
    held = []
    following = ""
    for where, text in leading(sections):
        words = "".join(text.split()).casefold()
        if not words:
            continue
        if not rest.startswith(words):
            following = words
            break
        held.append(where)
        rest = rest[len(words) :]
    cut = rest.rstrip(".…")
    if cut and following.startswith(cut):
        lede = _first_letters(lede, len("".join(lede.split())) - len(rest))
    for where in reversed(held):
        sections = without(sections, where)
    return lede, sections


def _first_letters(text: str, count: int) -> str:
    """The start of a text that holds ``count`` characters other than spaces."""
    seen = 0
    for index, char in enumerate(text):
        if seen == count:
            return text[:index].rstrip()
        if not char.isspace():
            seen += 1
    return text


#: A dateline before a paragraph's first sentence: a place, a date or an agency and a dash.
_DATELINE_PREFIX = re.compile(r"^[^\n—–]{2,40}?\s[—–]\s+")


def choose_rubrics(sources: Sources, headline: str, site: str | None) -> list[str]:
    """The rubrics: the article's, JSON-LD's, OpenGraph's, then the breadcrumbs'."""
    return (
        sources.microdata.rubrics
        or unique(sources.json_ld.rubrics)
        or unique(sources.meta.rubrics)
        or _breadcrumb_rubrics(sources.json_ld.breadcrumbs, headline, site)
    )


def choose_tags(sources: Sources) -> list[str]:
    """The tags: the article's keywords, then JSON-LD's, then the meta tags'."""
    return sources.microdata.tags or unique(sources.json_ld.tags) or unique(sources.meta.tags)


def choose_sections(sources: Sources, sections: list[Section]) -> list[Section]:
    """The visible body, or the JSON-LD ``articleBody`` when the page shows much less of it.

    A page whose visible body is rendered by script may still carry the text in its JSON-LD.
    """
    ld_body = sources.json_ld.body
    if ld_body and len(ld_body) > 2 * sum(len(s.text) for s in sections):
        paragraphs = [p for p in re.split(r"\n\s*\n|\n", ld_body) if p.strip()]
        return [Section(blocks=paragraphs or [ld_body])]
    return sections


_HOME = frozenset({"home", "главная", "startseite", "accueil", "inicio", "головна", "басты бет"})


def _breadcrumb_rubrics(items: object, headline: str, site: str | None) -> list[str]:
    """The rubrics a schema.org ``BreadcrumbList`` names, but the home page and the article."""
    if not isinstance(items, list):
        return []
    named: list[tuple[float, str]] = []
    for index, entry in enumerate(items[:20]):
        if not isinstance(entry, dict):
            continue
        item = entry.get("item")
        name = entry.get("name")
        if name is None and isinstance(item, dict):
            name = item.get("name")
        link = item.get("@id") or item.get("url") if isinstance(item, dict) else item
        if isinstance(link, str) and re.match(r"^(?:https?://[^/]+)?/?(?:index\.\w+)?$", link):
            continue  # the home page
        position = entry.get("position")
        order = position if isinstance(position, (int, float)) else index
        cleaned = clean(name)
        if cleaned:
            named.append((order, cleaned))
    names = [n for _, n in sorted(named, key=lambda pair: pair[0])]
    if names and (names[0].casefold() in _HOME or (site and similar(names[0], site))):
        names = names[1:]
    if names and similar(names[-1], headline):
        names = names[:-1]
    return unique([n for n in names if len(n) <= 60])  # noqa: PLR2004


def _prefix(lede: str, text: str) -> bool:
    """Whether a paragraph starts with the lede (cut short or not), spaces aside.

    Spaces are left out of the comparison: a description may space a text set without them
    (Chinese, Japanese) where the page's markup split it ("尹錫悦 （ ユンソンニョル ）").
    """
    a = "".join(lede.split()).rstrip(".…").casefold()
    b = "".join(text.split()).casefold()
    return len(a) > 20 and b.startswith(a[: max(20, len(a) - 3)])  # noqa: PLR2004
