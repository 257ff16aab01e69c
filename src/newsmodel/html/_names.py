"""What an element's tag and its class and id names say about it: article text or not.

Rules shared by the search for the main content (:mod:`newsmodel.html._main`), the body reader
(:mod:`newsmodel.html._extract`) and the page's parts (:mod:`newsmodel.html._page`).
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING
from urllib.parse import urljoin

from lxml import html as lxml_html

if TYPE_CHECKING:
    from collections.abc import Set as AbstractSet

__all__ = [
    "ACCOUNT_FIELDS",
    "BLOCK_TAGS",
    "DROP",
    "FIELD_HOLDER",
    "HEADINGS",
    "NOT_ARTICLE",
    "POSITIVE_NAMES",
    "class_tokens",
    "header_field",
    "is_boilerplate",
    "is_hidden",
    "link_density",
    "named_aside",
    "resolve",
    "sign_up_box",
]

HtmlElement = lxml_html.HtmlElement

#: Elements whose content is never text of the article (nor safe to keep).
DROP = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "iframe",
        "frame",
        "frameset",
        "object",
        "embed",
        "applet",
        "svg",
        "math",
        "base",
        "form",
        "input",
        "button",
        "select",
        "textarea",
        "option",
        "canvas",
        "dialog",
        "nav",
        "audio",
        "video",
        "source",
        "track",
        "map",
        "area",
        "link",
        "meta",
        "head",
        "title",
        "portal",
        "fencedframe",
    }
)
BLOCK_TAGS = frozenset(
    {
        "p",
        "div",
        "section",
        "article",
        "main",
        "blockquote",
        "ul",
        "ol",
        "li",
        "dl",
        "dt",
        "dd",
        "figure",
        "figcaption",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "footer",
        "aside",
        "table",
        "pre",
        "hr",
        "address",
        "details",
        "summary",
        "center",
        "picture",
    }
)
HEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})

_TOKEN_SPLIT = re.compile(r"[\s_\-]+|(?<=[a-z])(?=[A-Z])")
# Names of what is not the article: a container named so scores lower, and inside the main
# content the subtree is left out.
NOT_ARTICLE = frozenset(
    {
        "comment",
        "comments",
        "disqus",
        "share",
        "sharing",
        "social",
        "related",
        "recommend",
        "recommended",
        "recommendations",
        "advert",
        "advertisement",
        "ad",
        "ads",
        "adv",
        "banner",
        "promo",
        "newsletter",
        "subscribe",
        "subscription",
        "cookie",
        "popup",
        "modal",
        "sidebar",
        "breadcrumb",
        "breadcrumbs",
        "menu",
        "nav",
        "navigation",
        "teaser",
        "teasers",
        "widget",
        "sponsor",
        "sponsored",
        "outbrain",
        "taboola",
        "rating",
        "toolbar",
        "login",
        "signup",
        "paywall",
        "donate",
        "pagination",
        "pager",
        "popular",
        "trending",
        "follow",
        "tags",
        "tag",
    }
)
POSITIVE_NAMES = frozenset(
    {
        "article",
        "body",
        "content",
        "entry",
        "main",
        "post",
        "text",
        "story",
        "news",
        "detail",
        "material",
        "publication",
        "itemtext",
        "articletext",
        "blog",
        "prose",
        "rte",
    }
)
# Names that mean "remove this subtree" when met inside the main content.
_STRIP = NOT_ARTICLE | {
    "readmore",
    "banners",
    "subscribe-block",
    "socials",
    "likes",
    "rail",
    "tooltip",
    "popover",
}


_NO_TOKENS: frozenset[str] = frozenset()


def class_tokens(element: HtmlElement) -> frozenset[str]:
    """The lower-case words of an element's class and id (``article-body`` gives three)."""
    cls = element.get("class")
    ident = element.get("id")
    if not cls and not ident:
        return _NO_TOKENS
    return _tokens(f"{cls or ''} {ident or ''}")


@functools.lru_cache(maxsize=4096)
def _tokens(names: str) -> frozenset[str]:
    if names.lower() == names:
        # no capital letter, so no camelCase word to split: the names' parts and the names
        # (in C, as the regex would split them)
        return frozenset((*names.translate(_DASHES).split(), *names.split()))
    out = {t.lower() for t in _TOKEN_SPLIT.split(names) if t}
    out.update(n.lower() for n in names.split())
    return frozenset(out)


_DASHES = str.maketrans("_-", "  ")


def is_boilerplate(element: HtmlElement) -> bool:
    """True for a subtree that is not article text by its tag or its class and id names."""
    tag = element.tag
    if tag in {"nav", "aside", "form", "footer"}:
        return True
    tokens = class_tokens(element)
    if not tokens:
        return False
    if tokens & POSITIVE_NAMES and tag in {"article", "main"}:
        return False
    # a name run together ("commentarea", "commentlist"), but not an opinion ("commentary")
    return bool(tokens & _STRIP) or any(
        t.startswith("comment") and not t.startswith("commentary") for t in tokens
    )


#: The mark left on every element that held a field for an e-mail address or a password (the
#: fields themselves are dropped with the page's other controls).
FIELD_HOLDER = "data-account-field"
#: Fields that ask for an account: signing up for a newsletter, registering, logging in.
ACCOUNT_FIELDS = frozenset({"email", "password"})
#: A box with such a field and at most this much text (without the whitespace between tags)
#: is a sign-up or log-in box; an article around a newsletter form holds more.
SIGN_UP_TEXT = 500


def sign_up_box(
    element: HtmlElement, length: int, linked: AbstractSet[HtmlElement] = frozenset()
) -> bool:
    """True for a box of ``length`` characters of text that held a sign-up or log-in field.

    Or one of the ``linked`` boxes: those that link to a page to log in, register or
    subscribe.
    """
    return length <= SIGN_UP_TEXT and (element.get(FIELD_HOLDER) is not None or element in linked)


def named_aside(element: HtmlElement) -> bool:
    """True for an element whose id names it boilerplate ("tags-content", "related-posts")."""
    ident = element.get("id")
    return bool(ident) and not _tokens(ident).isdisjoint(_STRIP)


#: Whole class names of what a page hides from sight: labels for screen readers, a panel a
#: script shows. Whole names only: "hidden-xs" hides on small screens, not everywhere.
HIDDEN_CLASSES = frozenset(
    {"hidden", "visually-hidden", "sr-only", "screen-reader-text", "is-hidden", "d-none", "hide"}
)
_HIDING_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


def is_hidden(element: HtmlElement) -> bool:
    """True for an element the page hides from sight (as readability judges visibility).

    By the ``hidden`` attribute, ``aria-hidden="true"``, an inline style (``display: none``,
    ``visibility: hidden``) or a whole class name listed in ``HIDDEN_CLASSES``.
    """
    if element.get("hidden") is not None or element.get("aria-hidden") == "true":
        return True
    style = element.get("style")
    if style and _HIDING_STYLE.search(style):
        return True
    names = element.get("class")
    return names is not None and not HIDDEN_CLASSES.isdisjoint(names.lower().split())


def link_density(element: HtmlElement) -> float:
    """How much of an element's text is link text, from 0 to 1."""
    total = len(element.text_content())
    if not total:
        return 0.0
    linked = sum(len(a.text_content()) for a in element.iter("a"))
    return min(1.0, linked / total)


def resolve(href: str, base: str | None) -> str:
    """An href made absolute against the page's base URL when there is one."""
    href = href.strip()
    if base and not re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", href):
        try:
            return urljoin(base, href)
        except ValueError:
            return href
    return href


#: The microdata properties of an article's header: who wrote it and when. An element of the
#: body so marked is the byline or the date line read with the text, not the text.
_HEADER_PROPERTIES = frozenset(
    {"author", "creator", "datePublished", "dateModified", "dateCreated"}
)


def header_field(element: HtmlElement) -> bool:
    """True for an element that carries the article's author or dates as microdata."""
    names = element.get("itemprop")
    return names is not None and not _HEADER_PROPERTIES.isdisjoint(names.split())
