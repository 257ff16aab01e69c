"""JSON Feed 1.1, written one item at a time."""

from __future__ import annotations

import json
from typing import IO, TYPE_CHECKING, Any

from newsmodel._models import Role
from newsmodel.feed._channel import dropped_links, rfc3339, skip
from newsmodel.html._writer import body_html

if TYPE_CHECKING:
    from collections.abc import Iterable

    from newsmodel._models import Article
    from newsmodel.feed._channel import Channel

__all__ = ["VERSION", "write_jsonfeed"]

VERSION = "https://jsonfeed.org/version/1.1"


def _json(value: object) -> str:
    # "<", ">" and "&" as \u escapes: the JSON stays inert inside an HTML <script> too.
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _item(article: Article, ident: str) -> tuple[dict[str, Any], list[str]]:
    item: dict[str, Any] = {"id": ident}
    if article.url is not None:
        item["url"] = article.url
    item["title"] = article.headline
    dropped: list[str] = []
    if article.sections:
        item["content_html"], dropped = body_html(article)
    else:
        item["content_text"] = article.lede or article.headline
    if article.lede is not None:
        item["summary"] = article.lede
    if article.image is not None:
        item["image"] = article.image.image
    if article.published is not None:
        item["date_published"] = rfc3339(article.published)
    if article.updated is not None:
        item["date_modified"] = rfc3339(article.updated)
    authors = [
        {"name": a.name, **({"url": a.url} if a.url else {})} for a in article.credited(Role.AUTHOR)
    ]
    if authors:
        item["authors"] = authors
    tags = list(dict.fromkeys((*article.rubrics, *article.tags)))
    if tags:
        item["tags"] = tags
    item["language"] = article.language
    return item, dropped


def write_jsonfeed(articles: Iterable[Article], fp: IO[bytes], channel: Channel) -> None:
    """Write a JSON Feed; each item is encoded and written on its own."""
    head: dict[str, Any] = {
        "version": VERSION,
        "title": channel.title,
        "home_page_url": channel.link,
    }
    if channel.self_url is not None:
        head["feed_url"] = channel.self_url
    if channel.description is not None:
        head["description"] = channel.description
    if channel.logo is not None:
        head["icon"] = channel.logo
    head["language"] = channel.language
    fp.write(_json(head)[:-1].encode("utf-8") + b',"items":[')
    dropped: set[str] = set()
    first = True
    for article in articles:
        ident = article.guid or article.url
        if ident is None:
            skip("jsonfeed", article, "no guid or URL for the item's id")
            continue
        item, lost = _item(article, ident)
        dropped.update(lost)
        fp.write((b"" if first else b",") + _json(item).encode("utf-8"))
        first = False
    fp.write(b"]}\n")
    dropped_links("jsonfeed", dropped)
