"""Page heuristics: what the visible page says where no metadata does.

The headline's ``<h1>`` and its kicker, the standfirst under it, a byline, and dates in
``<time>`` elements, in dated classes or printed near the headline. Each rule reads an element's
text through :class:`~newsmodel.html._texts.Texts`, so that nested candidates are read once.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from lxml import html as lxml_html

from newsmodel._attribution import split_attribution
from newsmodel._models import Attribution, Role
from newsmodel.errors import ValidationError
from newsmodel.html._names import (
    class_tokens,
    is_boilerplate,
    is_hidden,
)
from newsmodel.html._texts import Texts, squash, text_of
from newsmodel.html._values import TITLE_SEPARATORS, YEAR, date_value, split_people

if TYPE_CHECKING:
    from datetime import date, datetime, tzinfo

__all__ = [
    "SENTENCE_END",
    "SUBTITLE_TAGS",
    "byline",
    "date_text",
    "dated_byline",
    "first_h1",
    "kicker_of",
    "printed_date",
    "similar",
    "source_in_text",
    "strip_site",
    "text_without",
    "time_element",
    "visible_lede",
]

HtmlElement = lxml_html.HtmlElement


def first_h1(root: HtmlElement, within: HtmlElement | None, texts: Texts) -> HtmlElement | None:
    for scope in (within, root):
        if scope is None:
            continue
        for h1 in scope.iter("h1"):
            if texts.short(h1, 0) is None:  # not blank
                return h1
    return None


_KICKER_CLASSES = frozenset(
    {"kicker", "overline", "dachzeile", "topline", "roofline", "supertitle", "pretitle", "eyebrow"}
)
_HIDDEN_CLASSES = frozenset({"visually-hidden", "sr-only", "screen-reader-text", "hidden"})


def kicker_of(h1: HtmlElement, texts: Texts) -> HtmlElement | None:
    """The kicker (a topic line above the headline) marked inside the ``<h1>``, if any."""
    for child in h1.iter():
        if (
            child is not h1
            and class_tokens(child) & _KICKER_CLASSES
            and texts.short(child, 0) is None
        ):
            return child
    return None


def text_without(h1: HtmlElement, kicker: HtmlElement) -> str:
    """The ``<h1>``'s text without its kicker and without text hidden from sight."""
    parts: list[str] = []
    for piece in h1.xpath(".//text()"):
        parent = piece.getparent()
        owner = parent if piece.is_text or parent is None else parent.getparent()
        hidden = False
        for el in (owner, *(owner.iterancestors() if owner is not None else ())):
            if el is kicker or class_tokens(el) & _HIDDEN_CLASSES:
                hidden = True
                break
            if el is h1:
                break
        if not hidden:
            parts.append(str(piece))
    return squash("".join(parts)).strip(" :|–—-")


def strip_site(title: str, site: str | None) -> str:
    parts = TITLE_SEPARATORS.split(title)
    if len(parts) < 2:  # noqa: PLR2004
        return title
    if site:
        key = site.casefold()
        kept = [p for p in parts if p.casefold() != key and key not in p.casefold()]
        if kept and len(kept) < len(parts):
            return " ".join(kept) if len(kept) == 1 else title
    return max(parts, key=len) if len(max(parts, key=len)) > len(title) * 0.5 else title


def similar(a: str, b: str) -> bool:
    fa, fb = a.casefold(), b.casefold()
    return fa == fb or fa in fb or fb in fa


SENTENCE_END = re.compile(r"(?<=[.!?…])[»\"”]?\s+(?=[«\"„“]?[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ])")
_AGENCY_DATELINE = re.compile(r"^[^/\n]{2,60}?[.,]\s*/\s*([^/\s][^/\n]{0,40}?)\s*/")


def source_in_text(text: str) -> Attribution | None:
    """A source named by the dateline or by a phrase ending one of the first sentences."""
    match = _AGENCY_DATELINE.match(text)
    if match:
        try:
            return Attribution(match.group(1), role=Role.SOURCE)
        except ValidationError:
            pass
    for sentence in SENTENCE_END.split(text, maxsplit=2)[:2]:
        _, credited = split_attribution(sentence)
        if credited is not None and credited.role is Role.SOURCE:
            return credited
    return None


_LEDE_CLASSES = frozenset(
    {
        "lede",
        "lead",
        "standfirst",
        "subtitle",
        "subheadline",
        "summary",
        "intro",
        "dek",
        "excerpt",
        "abstract",
        "annotation",
        "anons",
        "announce",
        "teaser-text",
        "description",
        "deck",
        "kicker-text",
        "leadtext",
        "article-lead",
        "article__lead",
    }
)


def _heading_after(h1: HtmlElement) -> HtmlElement | None:
    """A heading that follows the ``<h1>`` (short lines such as a date or byline between)."""
    element: HtmlElement | None = h1
    for _ in range(2):
        if element is None:
            return None
        skipped = 0
        sibling = element.getnext()
        while sibling is not None and skipped < 3:  # noqa: PLR2004
            if isinstance(sibling.tag, str):
                if sibling.tag in SUBTITLE_TAGS:
                    return sibling
                if len(text_of(sibling)) >= _MIN_LEDE:
                    return None
                skipped += 1
            sibling = sibling.getnext()
        if h1.getnext() is not None and element is h1:
            return None
        # an <h1> alone in its wrapper: look after the wrapper
        element = element.getparent()
    return None


SUBTITLE_TAGS = frozenset({"h2", "h3", "h4"})
_MIN_LEDE = 30
_MAX_LEDE = 1000
_TEASER_LINKS = 0.3


def visible_lede(  # noqa: C901
    container: HtmlElement | None, h1: HtmlElement | None, texts: Texts
) -> tuple[HtmlElement, str] | None:
    """The standfirst the page shows: a subtitle heading under the ``<h1>``, or a lede class.

    A candidate that is mostly a link is a teaser ("READ MORE ..."), not the standfirst.
    """
    if h1 is not None:
        subtitle = _heading_after(h1)
        if subtitle is not None:
            text = texts.short(subtitle, _MAX_LEDE)
            if (
                text is not None
                and len(text) >= _MIN_LEDE
                and texts.link_density(subtitle) < _TEASER_LINKS
            ):
                return subtitle, text
    scopes = []
    if h1 is not None:
        parent = h1.getparent()
        for _ in range(3):
            if parent is None:
                break
            scopes.append(parent)
            parent = parent.getparent()
    if container is not None:
        scopes.append(container)
    for scope in scopes:
        for element in texts.classed(scope):
            if element.tag not in {"p", "div", "h2", "span"}:
                continue
            tokens = texts.tokens(element)
            if tokens & _LEDE_CLASSES and "caption" not in tokens:
                text = texts.short(element, _MAX_LEDE)
                if (
                    text is not None
                    and len(text) >= 40  # noqa: PLR2004
                    and len(element) < 8  # noqa: PLR2004
                    and texts.link_density(element) < _TEASER_LINKS
                    and not _set_apart(element, scope)
                ):
                    return element, text
    return None


def _set_apart(element: HtmlElement, scope: HtmlElement) -> bool:
    """Whether an element lies in a hidden or boilerplate block (a comment form's subtitle).

    Looked for a few levels up only, below ``scope``: a constant cost per candidate.
    """
    node: HtmlElement | None = element
    for _ in range(_APART_LEVELS):
        if node is scope or node is None:
            return False
        if is_hidden(node) or is_boilerplate(node):
            return True
        node = node.getparent()
    return False


_APART_LEVELS = 6


_AUTHOR_HREF = re.compile(
    r"/(?:author|authors|autor|autoren|avtor|avtory|writer|writers|journalist|journalists)"
    r"(?:[/_-]|$)",
    re.IGNORECASE,
)


def _author_link(scope: HtmlElement, texts: Texts) -> list[str]:
    """The names a link to the author's page carries (/author/jane-doe/, /avtor/…)."""
    for element in scope.iter("a"):
        href = element.get("href") or ""
        if _AUTHOR_HREF.search(href.split("?", 1)[0]) and not _set_apart(element, scope):
            name = texts.short(element, 60)
            if name is not None and len(name) >= 3 and not YEAR.search(name):  # noqa: PLR2004
                names = split_people(name)
                if names:
                    return names
    return []


_BYLINE_CLASSES = frozenset(
    {
        "author",
        "authors",
        "byline",
        "by-line",
        "writer",
        "avtor",
        "autor",
        "article-author",
        "author-name",
        "authorname",
        "creator",
    }
)


def byline(  # noqa: C901
    root: HtmlElement, container: HtmlElement | None, texts: Texts
) -> list[str]:
    for element in root.iter("a"):
        if "author" in (element.get("rel") or "").split() and not _set_apart(element, root):
            name = texts.short(element, 60)
            if name is not None and len(name) >= 3:  # noqa: PLR2004
                return split_people(name)
    parent = container.getparent() if container is not None else None
    scopes: list[HtmlElement] = [parent if parent is not None else root, root]
    linked = _author_link(scopes[0], texts)
    if linked:
        return linked
    for scope in scopes:
        for element in texts.classed(scope):
            if element.tag in {"body", "html", "article", "main"}:
                continue
            if texts.tokens(element) & _BYLINE_CLASSES and not _set_apart(element, scope):
                # (a byline in a comment form, a related story, a hidden block is not this one's)
                text = texts.short(element, 80)
                if text is None or not len(text) >= 3 or re.search(r"\d{2}", text):  # noqa: PLR2004
                    continue
                names = [
                    n
                    for n in split_people(text)
                    if 3 <= len(n) <= 40 and len(n.split()) <= 4  # noqa: PLR2004
                ]
                if names:
                    return names
    return []


_MODIFIED_CLASSES = frozenset({"updated", "modified", "date-updated", "date-modified"})


def time_element(
    root: HtmlElement, scope: HtmlElement | None, zone: tzinfo, texts: Texts
) -> datetime | date | None:
    """The first ``<time>`` that is not the page's date of modification."""
    for where in (scope, root):
        if where is None:
            continue
        for element in where.iter("time"):
            if "dateModified" in (element.get("itemprop") or "").split():
                continue
            parent = element.getparent()
            if class_tokens(element) & _MODIFIED_CLASSES or (
                parent is not None and class_tokens(parent) & _MODIFIED_CLASSES
            ):
                continue
            # a longer text is not a date (and is not read whole for each nested element)
            value = element.get("datetime") or texts.short(element, _LONGEST_DATE)
            parsed = date_value(value, zone)
            if parsed is not None:
                return parsed
    return None


_DATE_CLASSES = frozenset(
    {
        "date",
        "time",
        "published",
        "pubdate",
        "datetime",
        "timestamp",
        "article-date",
        "publish",
        "posted",
        "data",
        "dateline",
    }
)


#: The longest text of a ``<time>`` element read as a date.
_LONGEST_DATE = 1000


def date_text(scope: HtmlElement, zone: tzinfo, texts: Texts) -> datetime | date | None:
    for element in texts.classed(scope):
        if texts.tokens(element) & _DATE_CLASSES:
            text = texts.short(element, 80)
            if text is not None and len(text) >= 6:  # noqa: PLR2004
                parsed = date_value(text, zone)
                if parsed is not None:
                    return parsed
    return None


def _near_headline(h1: HtmlElement | None, container: HtmlElement | None) -> list[HtmlElement]:
    """Where a page prints what it does not mark: around the ``<h1>``, then the body."""
    scopes: list[HtmlElement] = []
    if h1 is not None:
        parent = h1.getparent()
        for _ in range(4):
            if parent is None or parent.tag in {"body", "html"}:
                break
            scopes.append(parent)
            parent = parent.getparent()
    if container is not None:
        scopes.append(container)
        outer = container.getparent()
        if outer is not None and outer.tag not in {"body", "html"}:
            scopes.append(outer)
    return list(dict.fromkeys(scopes))


_LINE_PARTS = re.compile(r"(?<!\s)\s+[-–—|·•/]\s+")
_PERSON = re.compile(r"^(?:[A-ZÀ-ÖØ-ÞА-ЯЁІЇЄҐ][\w'’.-]+\s){1,3}[A-ZÀ-ÖØ-ÞА-ЯЁІЇЄҐ][\w'’-]+$")


def dated_byline(h1: HtmlElement | None, container: HtmlElement | None, zone: tzinfo) -> list[str]:
    """A person's name printed beside the date ("25.10.2022 - Reiner Nagel")."""
    for scope in _near_headline(h1, container)[:5]:
        for element in scope.iter():
            text = element.text
            if not text or len(text) > 80 or not YEAR.search(text):  # noqa: PLR2004
                continue
            parts = _LINE_PARTS.split(text.strip())
            if len(parts) == 2 and any(date_value(p, zone) for p in parts):  # noqa: PLR2004
                names = [p for p in parts if _PERSON.match(p) and not YEAR.search(p)]
                if names:
                    return names
    return []


def printed_date(
    h1: HtmlElement | None, container: HtmlElement | None, zone: tzinfo
) -> datetime | date | None:
    """A complete date printed in a short text near the headline or in the article body.

    The last resort for pages that mark their date nowhere: the nearest scope around the
    ``<h1>`` first, then the body (a date under the signature), then the body's parent.
    """
    for scope in _near_headline(h1, container):
        for element in scope.iter():
            text, tail = element.text, element.tail
            if not text and not tail:
                continue  # most elements of a page of many (line breaks, empty cells)
            for found in (text, tail if element is not scope else None):
                parsed = _short_date(found, zone)
                if parsed is not None:
                    return parsed
    return None


def _short_date(text: str | None, zone: tzinfo) -> datetime | date | None:
    """The date of a short text, or the date a longer one starts with (its dateline)."""
    if not text or len(text) < 6:  # noqa: PLR2004
        return None
    if len(text) > 120:  # noqa: PLR2004
        text = text.lstrip()[:_DATELINE]
    if YEAR.search(text):
        return date_value(text, zone)
    return None


#: A paragraph that starts with its dateline ("27.1.2022 - ...", "BERLIN, 27. Januar 2022 -")
#: gives the date in this many characters.
_DATELINE = 32
