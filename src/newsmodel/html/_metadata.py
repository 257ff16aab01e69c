"""Metadata a page declares about itself: JSON-LD, microdata, OpenGraph and ``<meta>`` tags."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from lxml import html as lxml_html

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

__all__ = [
    "ARTICLE_TYPES",
    "Item",
    "Meta",
    "find_article_item",
    "json_ld_articles",
    "json_ld_objects",
    "meta_tags",
    "microdata_properties",
    "microdata_value",
    "types_of",
]

HtmlElement = lxml_html.HtmlElement

#: schema.org types read as an article, most specific first.
ARTICLE_TYPES = (
    "NewsArticle",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "ReviewNewsArticle",
    "AskPublicNewsArticle",
    "Article",
    "BlogPosting",
    "LiveBlogPosting",
    "SocialMediaPosting",
    "Report",
    "TechArticle",
    "ScholarlyArticle",
    "SatiricalArticle",
    "Review",
)
_ARTICLE_SET = frozenset(ARTICLE_TYPES)
_MAX_JSON_LD = 2_000_000  # characters of one JSON-LD block worth reading


def types_of(obj: dict[str, Any]) -> list[str]:
    """The bare schema.org type names of a JSON-LD object (``"@type"`` string or list).

    >>> types_of({"@type": ["https://schema.org/NewsArticle", "Thing"]})
    ['NewsArticle', 'Thing']
    """
    kind = obj.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return [
        k.rstrip("/").rsplit("/", 1)[-1].rsplit(":", 1)[-1] for k in kinds if isinstance(k, str)
    ]


def _walk(value: object, depth: int = 0) -> Iterator[dict[str, Any]]:
    if depth > 20:  # noqa: PLR2004 - no real page nests deeper; bounded work on hostile ones
        return
    if isinstance(value, list):
        for item in value:
            yield from _walk(item, depth + 1)
    elif isinstance(value, dict):
        yield value
        for key in ("@graph", "mainEntity", "mainEntityOfPage", "hasPart", "itemListElement"):
            inner = value.get(key)
            if isinstance(inner, (list, dict)):
                yield from _walk(inner, depth + 1)


def json_ld_objects(scripts: list[str]) -> list[dict[str, Any]]:
    """Every JSON-LD object in the given script texts, ``@graph`` and arrays flattened.

    Blocks that are not valid JSON are skipped (they are common on real pages).

    >>> [o.get("@type") for o in json_ld_objects(['{"@graph": [{"@type": "NewsArticle"}]}'])]
    [None, 'NewsArticle']
    """
    out: list[dict[str, Any]] = []
    for text in scripts:
        if len(text) > _MAX_JSON_LD:
            continue
        text = _unwrapped(text.strip())  # noqa: PLW2901
        try:
            data = json.loads(text, strict=False)
        except (ValueError, RecursionError):
            continue
        out.extend(_walk(data))
    return out


#: What pages wrap a script's text in, for browsers that read it as HTML or XML.
_WRAPPERS = (("<!--", "-->"), ("<![CDATA[", "]]>"), ("//<![CDATA[", "//]]>"))


def _unwrapped(text: str) -> str:
    """A script's text without a comment or CDATA section around it.

    >>> _unwrapped('<![CDATA[ {"@type": "NewsArticle"} ]]>')
    '{"@type": "NewsArticle"}'
    """
    for opener, closer in _WRAPPERS:
        if text.startswith(opener) and text.endswith(closer):
            return text[len(opener) : len(text) - len(closer)].strip()
    return text


def json_ld_articles(objects: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The article objects among JSON-LD objects, best first (most specific type, most fields).

    >>> objs = [{"@type": "WebPage"}, {"@type": "Article", "headline": "A"}]
    >>> [o["headline"] for o in json_ld_articles(objs)]
    ['A']
    """
    found = []
    for index, obj in enumerate(objects):
        kinds = [k for k in types_of(obj) if k in _ARTICLE_SET]
        if not kinds:
            continue
        rank = min(ARTICLE_TYPES.index(k) for k in kinds)
        has_headline = 0 if obj.get("headline") or obj.get("name") else 1
        found.append(((has_headline, -len(obj), rank, index), obj))
    found.sort(key=lambda pair: pair[0])
    return [obj for _, obj in found]


class Meta:
    """``<meta>`` tags by lower-case name or property, values in page order."""

    def __init__(self) -> None:
        """Start empty."""
        self.values: dict[str, list[str]] = {}
        self.order: list[str] = []

    def add(self, key: str, value: str) -> None:
        """Record one tag."""
        if key not in self.values:
            self.values[key] = []
            self.order.append(key)
        self.values[key].append(value)

    def first(self, *keys: str) -> str | None:
        """The first non-blank value of the first key present."""
        for key in keys:
            for value in self.values.get(key, ()):
                if value.strip():
                    return value.strip()
        return None

    def all(self, key: str) -> list[str]:
        """Every non-blank value of a key."""
        return [v.strip() for v in self.values.get(key, ()) if v.strip()]


def meta_tags(elements: Iterable[HtmlElement]) -> Meta:
    """The page's ``<meta name|property|itemprop content>`` tags outside any microdata item.

    ``elements`` are the page's ``<meta>`` elements, in document order.
    """
    meta = Meta()
    for element in elements:
        content = element.get("content")
        if content is None:
            continue
        key = element.get("property") or element.get("name")
        if not key:
            continue
        meta.add(key.strip().lower(), content)
    return meta


# --- microdata -------------------------------------------------------------------------------

Item = list[tuple[str, HtmlElement]]


def microdata_properties(scope: HtmlElement) -> Item:
    """The ``(name, element)`` properties of one microdata item, in document order.

    Properties of nested items (an element with its own ``itemscope``) belong to them, not to
    ``scope``.
    """
    out: Item = []

    def walk(element: HtmlElement) -> None:
        for child in element:
            if not isinstance(child.tag, str):
                continue
            names = child.get("itemprop")
            if names:
                out.extend((name, child) for name in names.split())
            if child.get("itemscope") is None:
                walk(child)

    walk(scope)
    return out


def microdata_value(element: HtmlElement) -> str:
    """The value of a microdata property element, as the microdata spec defines it."""
    tag = element.tag
    if tag == "meta":
        return element.get("content") or ""
    if tag in {"a", "link", "area"}:
        return element.get("href") or ""
    if tag in {"img", "audio", "video", "source", "embed", "iframe", "track"}:
        return element.get("src") or ""
    if tag == "time":
        return element.get("datetime") or _text_content(element)
    if tag in {"data", "meter"}:
        return element.get("value") or ""
    return _text_content(element)


def _text_content(element: HtmlElement) -> str:
    """``element.text_content()``: of an element without children, its text, read directly."""
    if len(element):
        return element.text_content()
    return element.text or ""


def find_article_item(root: HtmlElement) -> HtmlElement | None:
    """The microdata item of the article: an ``itemscope`` typed as an article.

    The one holding the most text wins (a page may list teasers typed as articles too). When
    there are several and the one that wins does not hold the page's ``<h1>``, they are teasers
    of other articles (related stories, a list of the latest), and none is taken.
    """
    best: HtmlElement | None = None
    best_size = -1
    items = 0
    for element in root.xpath("//*[@itemscope][@itemtype]"):
        kinds = (element.get("itemtype") or "").split()
        if not any(k.rstrip("/").rsplit("/", 1)[-1] in _ARTICLE_SET for k in kinds):
            continue
        items += 1
        size = len(element.text_content())
        if size > best_size:
            best, best_size = element, size
    if best is not None and items > 1:
        h1 = next(root.iter("h1"), None)
        if h1 is not None and best not in h1.iterancestors():
            return None
    return best
