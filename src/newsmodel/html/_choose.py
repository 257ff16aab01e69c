"""Choosers: one small function per field the page may give in several ways.

Each takes the candidates the sources found (:class:`~newsmodel.html._sources.Fields`) and the
page (:class:`Page`), and decides with its rule written once: metadata first, then what the
visible page says. A page newsmodel wrote (``own``) is read from its markup only.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import attrs

from newsmodel._attribution import split_attribution
from newsmodel._models import Attribution, Role
from newsmodel.errors import ValidationError
from newsmodel.html._dates import url_date
from newsmodel.html._extract import resolve
from newsmodel.html._page import (
    SENTENCE_END,
    byline,
    date_text,
    dated_byline,
    printed_date,
    source_in_text,
    time_element,
)
from newsmodel.html._values import MAX_SITE_NAMES, weak_author

if TYPE_CHECKING:
    from datetime import date, datetime, tzinfo

    from lxml import html as lxml_html

    from newsmodel.html._sources import Fields, Sources
    from newsmodel.html._texts import Texts

    HtmlElement = lxml_html.HtmlElement

__all__ = [
    "Page",
    "choose_attributions",
    "choose_language",
    "choose_published",
    "choose_url",
    "choose_version",
]

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
    f = sources.fields
    ld_authors = f.first(f"ld:{Role.AUTHOR.value}") or []
    meta_authors = f.first("authors_meta") or []
    weak = _weak_names(f, site)
    # An organisation (or the site itself) named as author stands for "no byline in the
    # metadata": a person's byline on the page is better.
    if (
        not found.items
        and not page.own
        and all(weak_author(n, weak) for n, _ in ld_authors)
        and all(weak_author(n, weak) for n in meta_authors)
    ):
        found.add([(n, None) for n in byline(page.root, page.container, page.texts)])
    if not found.has(Role.AUTHOR):
        found.add(ld_authors)
    for role in (Role.EDITOR, Role.TRANSLATOR, Role.SOURCE):
        if not found.has(role):
            found.add(f.first(f"ld:{role.value}") or [], role)
    if not found.has(Role.AUTHOR):
        found.add([(n, None) for n in meta_authors])
    if not found.items and not page.own:
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


def _weak_names(f: Fields, site: str | None) -> set[str]:
    """Site and organisation names, at most MAX_SITE_NAMES of each (authors meet each one)."""
    site_keys = dict.fromkeys(
        x.casefold()
        for x in (site, f.first("site_og"), *f.values.get("site_fallback", []))
        if isinstance(x, str)
    )
    return set(f.values.get("ld:author_orgs", [])[:MAX_SITE_NAMES]) | set(
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


def choose_published(f: Fields, page: Page, url: str | None) -> datetime | date | None:
    """The publication time: metadata, then ``<time>``, dated classes, the URL, printed text."""
    published: datetime | date | None = f.first("published") or f.first("published_meta")
    if published is not None or page.own:
        return published
    root, scope, zone, texts = page.root, page.scope, page.zone, page.texts
    published = time_element(root, scope, zone, texts)
    if published is None:
        published = date_text(scope if scope is not None else root, zone, texts)
    if published is None and scope is not None:
        published = date_text(root, zone, texts)
    if published is None:
        for candidate in (url, f.first("url_canonical"), f.first("url_og")):
            published = url_date(candidate, zone)
            if published is not None:
                break
    if published is None:
        published = printed_date(page.h1, page.container, zone)
    return published


def choose_language(f: Fields) -> str | None:
    """The first well-formed language tag: the article's, the page's, then the meta tags'."""
    for key in ("language", "language_html", "language_meta"):
        for candidate in f.values.get(key, []):
            if isinstance(candidate, str) and _LANGUAGE.match(candidate.strip()):
                return candidate.strip()
    return None


def choose_url(f: Fields, base: str | None, url: str | None) -> str | None:
    """The article's absolute http(s) URL: its own, canonical, OpenGraph, JSON-LD, then ``url``."""
    for key in ("url", "url_canonical", "url_og", "url_ld"):
        for candidate in f.values.get(key, []):
            absolute = resolve(candidate, base) if isinstance(candidate, str) else None
            if absolute and _HTTP_URL.match(absolute):
                return absolute
    if url and _HTTP_URL.match(url):
        return url
    return None


def choose_version(f: Fields) -> int:
    """The version the page gives (a positive whole number), else 1."""
    raw = f.first("version")
    if raw is not None and str(raw).isdigit() and int(raw) >= 1:
        return int(raw)
    return 1
