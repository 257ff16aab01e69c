"""Embeds on pages: read (video frames, social posts, newsmodel's own) and written.

A frame of a known service (YouTube, Vimeo, VK video...), a post quoted the way X, Instagram or
TikTok ask (a ``<blockquote>`` of a known class), and a Telegram post widget (a script naming
the post) become :class:`~newsmodel.Embed` blocks: the address of the post or video, its text as
the caption. Nothing is loaded from the services.

A frame runs another site's code in the page, so the writer writes one only for the providers
whose players are known (YouTube, through its no-cookie domain, and Vimeo), only for an https
URL, with the player address built from an identifier checked here (never the URL as given),
and sandboxed. Every other embed is its link, with the caption and credit.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

from lxml import html as lxml_html

from newsmodel._models import Embed, EmbedProvider
from newsmodel.errors import ValidationError
from newsmodel.html._texts import text_of

__all__ = ["embed_of", "framed", "player_url", "social_post"]

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


_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")
_NUMBER = re.compile(r"[0-9]{1,20}")


def _youtube(url: str) -> str | None:
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    path = parts.path.strip("/").split("/")
    if host == "youtu.be":
        found = path[0]
    elif path[0] == "watch":
        found = (parse_qs(parts.query).get("v") or [""])[0]
    elif path[0] in ("embed", "shorts", "live") and len(path) > 1:
        found = path[1]
    else:
        return None
    return f"https://www.youtube-nocookie.com/embed/{found}" if _ID.fullmatch(found) else None


def _vimeo(url: str) -> str | None:
    path = urlsplit(url).path.strip("/").split("/")
    found = path[-1] if path else ""
    return f"https://player.vimeo.com/video/{found}" if _NUMBER.fullmatch(found) else None


_PLAYERS = {EmbedProvider.YOUTUBE: _youtube, EmbedProvider.VIMEO: _vimeo}


def player_url(url: str, provider: EmbedProvider) -> str | None:
    """The address of the provider's player for an embed, or ``None`` when none is allowed.

    >>> player_url("https://youtu.be/dQw4w9WgXcQ", EmbedProvider.YOUTUBE)
    'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ'
    >>> player_url("http://youtu.be/dQw4w9WgXcQ", EmbedProvider.YOUTUBE) is None  # not https
    True
    >>> player_url("https://t.me/kazinform/1", EmbedProvider.TELEGRAM) is None
    True
    """
    make = _PLAYERS.get(provider)
    if make is None or not url.lower().startswith("https://"):
        return None
    return make(url)
