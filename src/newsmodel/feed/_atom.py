"""Atom 1.0 (RFC 4287), written one entry at a time."""

from __future__ import annotations

from typing import IO, TYPE_CHECKING

from lxml import etree

from newsmodel._models import Role
from newsmodel.errors import WriteError
from newsmodel.feed._channel import dropped_links, moment, rfc3339, skip
from newsmodel.feed._xml import ATOM, TreeOut, image_type
from newsmodel.html._writer import body_html

if TYPE_CHECKING:
    from collections.abc import Iterable
    from datetime import datetime

    from newsmodel._models import Article
    from newsmodel.feed._channel import Channel

__all__ = ["TAG_SCHEME", "entry_id", "write_atom"]

#: The scheme of the category Atom marks a free tag with, to tell it from a rubric.
TAG_SCHEME = "tag"
_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def entry_id(article: Article) -> str | None:
    """The entry's ``atom:id``: the guid when it is an IRI, else the URL."""
    guid = article.guid
    if guid is not None and ":" in guid and " " not in guid:
        return guid
    return article.url


def _entry(article: Article, ident: str, updated: datetime) -> tuple[bytes, list[str]]:
    """One entry's XML, its elements in no namespace: the feed's default one holds them."""
    root = etree.Element("entry", {_LANG: article.language})
    out = TreeOut(root)
    out.leaf("id", ident)
    out.leaf("title", article.headline, {"type": "text"})
    out.leaf("updated", rfc3339(updated))
    if article.published is not None:
        out.leaf("published", rfc3339(article.published))
    if article.url is not None:
        out.leaf("link", attrib={"rel": "alternate", "type": "text/html", "href": article.url})
    for author in article.credited(Role.AUTHOR):
        with out.element("author"):
            out.leaf("name", author.name)
            if author.url is not None:
                out.leaf("uri", author.url)
    for rubric in article.rubrics:
        out.leaf("category", attrib={"term": rubric})
    for tag in article.tags:
        out.leaf("category", attrib={"term": tag, "scheme": TAG_SCHEME})
    if article.image is not None:
        image = article.image.image
        out.leaf("link", attrib={"rel": "enclosure", "type": image_type(image), "href": image})
    if article.lede is not None:
        out.leaf("summary", article.lede, {"type": "text"})
    dropped: list[str] = []
    if article.sections:
        html, dropped = body_html(article)
        out.leaf("content", html, {"type": "html"})
    return etree.tostring(root, encoding="utf-8"), dropped


def _head(channel: Channel) -> bytes:
    root = etree.Element("feed")
    out = TreeOut(root)
    out.leaf("id", channel.self_url or channel.link)
    out.leaf("title", channel.title, {"type": "text"})
    if channel.description is not None:
        out.leaf("subtitle", channel.description, {"type": "text"})
    out.leaf("link", attrib={"rel": "alternate", "type": "text/html", "href": channel.link})
    if channel.self_url is not None:
        self_link = {"rel": "self", "type": "application/atom+xml", "href": channel.self_url}
        out.leaf("link", attrib=self_link)
    # Any entry may lack an author: the publication is the feed's.
    with out.element("author"):
        out.leaf("name", channel.title)
        out.leaf("uri", channel.link)
    if channel.logo is not None:
        out.leaf("logo", channel.logo)
    if channel.updated is not None:
        out.leaf("updated", rfc3339(channel.updated))
    return b"".join(etree.tostring(child, encoding="utf-8") for child in root)


def write_atom(articles: Iterable[Article], fp: IO[bytes], channel: Channel) -> None:
    """Write an Atom feed; its ``updated`` is the channel's, else the latest of its entries."""
    dropped: set[str] = set()
    latest: datetime | None = None
    # The language is a checked BCP 47 tag: letters, digits and hyphens only.
    fp.write(
        b"<?xml version='1.0' encoding='utf-8'?>\n"
        + f'<feed xmlns="{ATOM}" xml:lang="{channel.language}">'.encode()
    )
    fp.write(_head(channel))
    for article in articles:
        ident = entry_id(article)
        given = article.updated or article.published
        updated = moment(given) if given is not None else None
        if ident is None or updated is None:
            why = "no guid or URL for atom:id" if ident is None else "no date for atom:updated"
            skip("atom", article, why)
            continue
        latest = updated if latest is None or updated > latest else latest
        entry, lost = _entry(article, ident, updated)
        fp.write(entry)
        dropped.update(lost)
    if channel.updated is None:
        # RFC 4287 puts no order on a feed's children: the date is known only now.
        if latest is None:
            raise WriteError("atom", "updated", "no article has a date: give Channel.updated")
        fp.write(f"<updated>{rfc3339(latest)}</updated>".encode())
    fp.write(b"</feed>")
    dropped_links("atom", dropped)
