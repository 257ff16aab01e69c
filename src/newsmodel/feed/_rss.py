"""RSS 2.0, and the RSS of Dzen and of Yandex News, written one item at a time."""

from __future__ import annotations

from html import escape
from typing import IO, TYPE_CHECKING, Literal
from urllib.parse import urlsplit

import attrs

from newsmodel._models import Role
from newsmodel.errors import ValidationError, WriteError
from newsmodel.feed._channel import article_name, dropped_links, rfc822, rfc3339, skip
from newsmodel.feed._dzen import dzen_html
from newsmodel.feed._xml import (
    ATOM,
    CONTENT,
    DC,
    DCTERMS,
    MEDIA,
    XmlOut,
    figures,
    image_type,
    open_xml,
)
from newsmodel.html._writer import body_html

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from newsmodel._models import Article
    from newsmodel.feed._channel import Channel

__all__ = ["DzenOptions", "YandexOptions", "write_rss"]

YANDEX = "http://news.yandex.ru"
#: The category RSS and Atom mark a free tag with, to tell it from a rubric.
TAG_DOMAIN = "tag"
#: The most items Dzen takes from one feed.
DZEN_MAX_ITEMS = 500

Flavour = Literal["rss", "dzen", "yandex"]


def _choice(
    field: str, allowed: tuple[str, ...], *, optional: bool = False
) -> Callable[[object, object, object], None]:
    def check(_instance: object, _attribute: object, value: object) -> None:
        if value not in allowed and not (optional and value is None):
            raise ValidationError(field, f"must be one of {', '.join(allowed)}, got {value!r}")

    return check


@attrs.frozen(kw_only=True)
class DzenOptions:
    """How Dzen is to publish the articles of a feed: the values of its ``category`` marks.

    Attributes:
        format (str): ``"article"`` or ``"post"`` (``format-article``/``format-post``).
        index (bool): let search engines index the publications (``index``/``noindex``).
        comments (str): who may comment: ``"all"``, ``"subscribers"`` or ``"none"``.
        draft (bool): save the publications as drafts instead of publishing them
            (``native-draft``).
        adult (bool): the content is for adults (``media:rating`` ``adult``).

    >>> DzenOptions(comments="none").comments
    'none'
    """

    format: str = attrs.field(default="article", validator=_choice("format", ("article", "post")))
    index: bool = True
    comments: str = attrs.field(
        default="all", validator=_choice("comments", ("all", "subscribers", "none"))
    )
    draft: bool = False
    adult: bool = False


_GENRE: Callable[[object, object, str | None], None] = _choice(
    "genre", ("message", "article", "interview", "lenta"), optional=True
)


@attrs.frozen(kw_only=True)
class YandexOptions:
    """What Yandex News asks of a feed beyond the article.

    Attributes:
        genre (str | None): ``yandex:genre`` of every item: ``"message"`` (a news item),
            ``"article"``, ``"interview"`` or ``"lenta"``. ``None`` (the default) takes each
            article's from its :attr:`~newsmodel.Article.genres`: an interview
            (``genre:Interview``, "интервью") is ``"interview"``; an analysis, feature,
            opinion, background or profile is ``"article"``; any other is ``"message"``.
        pdalink (Callable[[Article], str | None] | None): the address of an article's mobile
            page, when the site has one apart.
    """

    genre: str | None = attrs.field(default=None, validator=_GENRE)
    pdalink: Callable[[Article], str | None] | None = None


# IPTC genre codes (the part after "genre:") and names → Yandex News' genres.
_YANDEX_GENRES = {
    "interview": "interview",
    "интервью": "interview",
    "сұхбат": "interview",
    "analysis": "article",
    "feature": "article",
    "opinion": "article",
    "background": "article",
    "profile": "article",
    "article": "article",
    "статья": "article",
    "lenta": "lenta",
    "message": "message",
}


def yandex_genre(article: Article, given: str | None) -> str:
    """The ``yandex:genre`` of an article: the one given, else its first genre Yandex knows.

    >>> from newsmodel import Article, Genre
    >>> yandex_genre(Article(headline="Т", genres=[Genre("genre:Interview")]), None)
    'interview'
    >>> yandex_genre(Article(headline="Т"), None)
    'message'
    """
    if given is not None:
        return given
    for genre in article.genres:
        for word in (genre.code.rpartition(":")[2], genre.name or ""):
            found = _YANDEX_GENRES.get(word.strip().lower())
            if found is not None:
                return found
    return "message"


_NSMAP: dict[Flavour, dict[str, str]] = {
    "rss": {"atom": ATOM, "content": CONTENT, "dc": DC, "dcterms": DCTERMS, "media": MEDIA},
    "dzen": {"atom": ATOM, "content": CONTENT, "dc": DC, "media": MEDIA},
    "yandex": {"atom": ATOM, "media": MEDIA, "yandex": YANDEX},
}


def _channel(out: XmlOut, channel: Channel, flavour: Flavour) -> None:
    out.leaf("title", channel.title)
    out.leaf("link", channel.link)
    out.leaf("description", channel.description or channel.title)
    out.leaf("language", channel.language)
    if channel.self_url is not None:
        out.leaf(
            f"{{{ATOM}}}link",
            attrib={"href": channel.self_url, "rel": "self", "type": "application/rss+xml"},
        )
    if channel.updated is not None:
        out.leaf("lastBuildDate", rfc822(channel.updated))
    if channel.logo is not None:
        if flavour == "yandex":
            out.leaf(f"{{{YANDEX}}}logo", channel.logo)
        with out.element("image"):
            out.leaf("url", channel.logo)
            out.leaf("title", channel.title)
            out.leaf("link", channel.link)


def _guid(out: XmlOut, article: Article) -> None:
    if article.guid is not None:
        permalink = "true" if article.guid == article.url else "false"
        out.leaf("guid", article.guid, {"isPermaLink": permalink})
    elif article.url is not None:
        out.leaf("guid", article.url, {"isPermaLink": "true"})


def _lead_image(out: XmlOut, article: Article) -> None:
    image = article.image
    if image is None:
        return
    kind = image_type(image.image)
    out.leaf("enclosure", attrib={"url": image.image, "length": "0", "type": kind})
    with out.element(f"{{{MEDIA}}}content", {"url": image.image, "medium": "image", "type": kind}):
        if image.credit is not None:
            out.leaf(f"{{{MEDIA}}}credit", image.credit.name)


def _rss_item(out: XmlOut, article: Article) -> list[str]:
    """Write a plain RSS 2.0 item; returns the hrefs of links written as text."""
    with out.element("item"):
        out.leaf("title", article.headline)
        if article.url is not None:
            out.leaf("link", article.url)
        if article.lede is not None:
            out.leaf("description", escape(article.lede, quote=False))
        dropped: list[str] = []
        if article.sections:
            html, dropped = body_html(article)
            out.leaf(f"{{{CONTENT}}}encoded", html)
        for author in article.credited(Role.AUTHOR):
            out.leaf(f"{{{DC}}}creator", author.name)
        for rubric in article.rubrics:
            out.leaf("category", rubric)
        for tag in article.tags:
            out.leaf("category", tag, {"domain": TAG_DOMAIN})
        _lead_image(out, article)
        _guid(out, article)
        if article.published is not None:
            out.leaf("pubDate", rfc822(article.published))
        if article.updated is not None:
            out.leaf(f"{{{DCTERMS}}}modified", rfc3339(article.updated))
    return dropped


def _dzen_item(out: XmlOut, article: Article, options: DzenOptions) -> list[str] | None:
    """Write a Dzen item, or warn and write nothing when Dzen would refuse it."""
    images = list(figures(article))
    missing = [
        why
        for why, absent in (
            ("no URL (Dzen requires link)", article.url is None),
            ("no publication date (Dzen requires pubDate)", article.published is None),
            ("no body (Dzen requires the full text in content:encoded)", not article.sections),
            ("no image (Dzen requires at least one enclosure)", not images),
        )
        if absent
    ]
    if missing:
        skip("dzen", article, "; ".join(missing))
        return None
    assert article.published is not None  # noqa: S101 - checked above
    html, dropped = dzen_html(article)
    with out.element("item"):
        out.leaf("title", article.headline)
        out.leaf("link", article.url)
        _guid(out, article)
        out.leaf("pubDate", rfc822(article.published))
        rating = "adult" if options.adult else "nonadult"
        out.leaf(f"{{{MEDIA}}}rating", rating, {"scheme": "urn:simple"})
        for author in article.credited(Role.AUTHOR):
            out.leaf("author", author.name)
        out.leaf("category", f"format-{options.format}")
        out.leaf("category", "index" if options.index else "noindex")
        out.leaf("category", f"comment-{options.comments}")
        if options.draft:
            out.leaf("category", "native-draft")
        seen: set[str] = set()
        for figure in images:
            if figure.image not in seen:
                seen.add(figure.image)
                out.leaf(
                    "enclosure", attrib={"url": figure.image, "type": image_type(figure.image)}
                )
        if article.lede is not None:
            out.leaf("description", escape(article.lede, quote=False))
        out.leaf(f"{{{CONTENT}}}encoded", html)
    return dropped


def full_text(article: Article) -> str:
    """The body as plain text: blocks and headings apart by blank lines."""
    return "\n\n".join(s.text for s in article.sections if s.text)


def home_page(url: str) -> bool:
    """Whether a URL is a site's home page: no path beyond ``/``, no query.

    >>> home_page("https://altyn-orda.kz/"), home_page("https://altyn-orda.kz/news/1")
    (True, False)
    """
    parts = urlsplit(url)
    return parts.path in {"", "/"} and not parts.query


def _yandex_item(out: XmlOut, article: Article, options: YandexOptions) -> bool:
    """Write a Yandex News item, or warn and write nothing when Yandex would refuse it."""
    text = full_text(article) or article.lede
    missing = [
        why
        for why, absent in (
            ("no URL (Yandex News requires link)", article.url is None),
            (
                "its URL is the site's home page (Yandex News requires the article's own page)",
                article.url is not None and home_page(article.url),
            ),
            ("no publication date (Yandex News requires pubDate)", article.published is None),
            ("no text (Yandex News requires yandex:full-text)", not text),
        )
        if absent
    ]
    if missing:
        skip("yandex", article, "; ".join(missing))
        return False
    assert article.published is not None  # noqa: S101 - checked above
    with out.element("item"):
        out.leaf("title", article.headline)
        out.leaf("link", article.url)
        pdalink = options.pdalink(article) if options.pdalink is not None else None
        if pdalink:
            out.leaf("pdalink", pdalink)
        if article.lede is not None:
            out.leaf("description", escape(article.lede, quote=False))
        for author in article.credited(Role.AUTHOR):
            out.leaf("author", author.name)
        for rubric in article.rubrics:
            out.leaf("category", rubric)
        seen: set[str] = set()
        for figure in figures(article):
            if figure.image not in seen:
                seen.add(figure.image)
                out.leaf(
                    "enclosure", attrib={"url": figure.image, "type": image_type(figure.image)}
                )
        _guid(out, article)
        out.leaf("pubDate", rfc822(article.published))
        out.leaf(f"{{{YANDEX}}}genre", yandex_genre(article, options.genre))
        out.leaf(f"{{{YANDEX}}}full-text", text)
    return True


def write_rss(
    articles: Iterable[Article],
    fp: IO[bytes],
    channel: Channel,
    *,
    flavour: Flavour,
    dzen: DzenOptions,
    yandex: YandexOptions,
) -> None:
    """Write an RSS feed of one flavour, an item at a time."""
    dropped: set[str] = set()
    count = 0
    with open_xml(fp) as xf:
        xf.write_declaration()
        out = XmlOut(xf)
        with out.element("rss", {"version": "2.0"}, nsmap=_NSMAP[flavour]), out.element("channel"):
            _channel(out, channel, flavour)
            for article in articles:
                if flavour == "rss":
                    dropped.update(_rss_item(out, article))
                    continue
                if flavour == "yandex":
                    _yandex_item(out, article, yandex)
                    continue
                if count == DZEN_MAX_ITEMS:
                    reason = (
                        f"Dzen takes at most {DZEN_MAX_ITEMS} items a feed;"
                        f" {article_name(article)} is one more"
                    )
                    raise WriteError("dzen", "articles", reason)
                written = _dzen_item(out, article, dzen)
                if written is not None:
                    count += 1
                    dropped.update(written)
    dropped_links(flavour, dropped)
