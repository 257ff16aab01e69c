"""Embeds on a page: a link always; a frame only for an allowlisted provider over https.

A frame runs another site's code in the page, so it is written only for the providers whose
players are known (YouTube, through its no-cookie domain, and Vimeo), only for an https URL,
with the player address built from an identifier checked here (never the URL as given), and
sandboxed. Every other embed is its link, with the caption and credit.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

from newsmodel._models import EmbedProvider

__all__ = ["player_url"]

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
