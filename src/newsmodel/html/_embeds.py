"""Embeds on pages: video frames, social posts, and the embeds newsmodel writes.

A frame of a known service (YouTube, Vimeo, VK video...), a post quoted the way X, Instagram or
TikTok ask (a ``<blockquote>`` of a known class), and a Telegram post widget (a script naming
the post) become :class:`~newsmodel.Embed` blocks: the address of the post or video, its text as
the caption. Nothing is loaded from the services.
"""

from __future__ import annotations

import contextlib

from lxml import html as lxml_html

from newsmodel._models import Attribution, Embed, EmbedProvider
from newsmodel.errors import ValidationError
from newsmodel.html._texts import text_of

__all__ = ["embed_of", "framed", "social_post", "written"]

HtmlElement = lxml_html.HtmlElement


def embed_of(url: str | None, caption: str | None) -> Embed | None:
    """An embed of an http(s) address (protocol-relative ones made https), or ``None``."""
    if not url:
        return None
    url = url.strip()
    if url.startswith("//"):
        url = f"https:{url}"
    try:
        return Embed(url, caption=caption)
    except ValidationError:
        return None


def framed(url: str | None) -> Embed | None:
    """The embed of a frame's address when it is a known service's, else ``None``."""
    embed = embed_of(url, None)
    if embed is None or embed.provider is EmbedProvider.OTHER:
        return None
    return embed


def social_post(element: HtmlElement) -> Embed | None:
    """A quoted post: its permalink (``cite``, ``data-instgrm-permalink``, else its last link).

    Its paragraphs' text (else all its text) is the caption.
    """
    links = [a.get("href") for a in element.iter("a") if a.get("href")]
    url = (
        element.get("cite")
        or element.get("data-instgrm-permalink")
        or element.get("data-telegram-post")
        or (links[-1] if links else None)
    )
    paragraphs = [text_of(p) for p in element.iter("p")]
    return embed_of(url, " ".join(t for t in paragraphs if t) or text_of(element) or None)


def written(element: HtmlElement, caption: str | None, credit: Attribution | None) -> Embed | None:
    """An embed as newsmodel writes it: a ``<figure class="embed">`` linking to the post."""
    link = next((a.get("href") for a in element.iter("a") if a.get("href")), None)
    embed = embed_of(link, caption)
    if embed is None:
        return None
    named = element.get("data-provider")
    given = next((p for p in EmbedProvider if p.value == named), None)
    with contextlib.suppress(ValidationError):
        embed = Embed(
            embed.url,
            provider=given if given not in {None, embed.provider} else None,
            caption=caption,
            credit=credit,
        )
    return embed
