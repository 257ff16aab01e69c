"""Small value readers shared by the HTML reader's sources and page rules.

Text as the model holds it, dates in any form a page writes them, names of people, images.
"""

from __future__ import annotations

import re
from datetime import date, datetime, tzinfo
from html import unescape

from newsmodel._textrules import scrub
from newsmodel.dates import parse_date, parse_iso
from newsmodel.errors import LossyConversionWarning
from newsmodel.html._dates import latin_date
from newsmodel.html._metadata import (
    types_of,
)
from newsmodel.html._names import (
    resolve,
)
from newsmodel.html._texts import squash

__all__ = [
    "MAX_SITE_NAMES",
    "ORGANIZATION_TYPES",
    "TITLE_SEPARATORS",
    "YEAR",
    "clean",
    "date_value",
    "image_url",
    "lossy",
    "people_in",
    "plain",
    "split_people",
    "strings",
    "unique",
    "weak_author",
]


_BY_PREFIX = re.compile(
    r"^\s*(?:by|von|text|texte|text von|автор|авторы|текст|author|authors|par|por|di|yazan)"
    r"\s*[:：]?\s+",
    re.IGNORECASE,
)
_RUSSIAN_DATE_HINT = re.compile(r"[\u0400-\u04ff]|\d\.\d\d?\.\d\d")
YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[A-Za-z]{2,8});")
TITLE_SEPARATORS = re.compile(r"(?<!\s)\s+(?:[|—–·•«»:]|-{1,2}|::)\s+")


# --- small value readers ---------------------------------------------------------------------


def clean(value: object) -> str | None:
    """A value as one line of text the model holds; ``None`` when it is not text or is blank."""
    if type(value) is str and value.isprintable() and "&" not in value:
        # Nothing to unescape, and nothing scrub() removes (no control, no surrogate).
        return squash(value) or None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        return None
    if "&" in value and _ENTITY.search(value):
        value = unescape(value)
    text = squash(scrub(value))
    return text or None


def plain(value: object) -> str | None:
    """A description as :func:`clean` gives it, without the tags of markup it may carry.

    >>> plain("&lt;p&gt;The council voted.&lt;/p&gt;")
    'The council voted.'
    """
    text = clean(value)
    if text is None or "<" not in text:
        return text
    return squash(_TAG.sub(" ", text)) or None


#: A tag of markup in a text ("<p>", "</p>", "<br/>"); "a < b" and "<3" are not.
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>")


_DAY = re.compile(r"\d{4}-\d\d-\d\d")


def date_value(value: object, zone: tzinfo) -> datetime | date | None:  # noqa: PLR0911
    """The date and time a page gives, or the date alone when it names no time.

    A time without an offset is in ``zone``; a date alone stays a :class:`~datetime.date`
    (midnight in a zone the page never named would move it to another day elsewhere).
    """
    text = clean(value)
    if text is None:
        return None
    if _DAY.fullmatch(text):
        try:
            return date.fromisoformat(text)
        except ValueError:
            return None
    parsed = parse_iso(text)
    if parsed is not None:
        return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=zone)
    printed = latin_date(text[:200], zone)
    if printed is not None:
        return printed
    if _RUSSIAN_DATE_HINT.search(text) is None:
        # parse_date reads Russian and Kazakh: elsewhere a lone "3:51 pm" would be today.
        return None
    found = parse_date(text[:200], tz=zone)
    if found is None:
        return None
    result = found.value
    if isinstance(result, datetime):
        return result
    if isinstance(result, date):
        return result
    return None


def people_in(value: object) -> list[tuple[str, str | None, str | None]]:
    """``(name, url, type)`` of JSON-LD people: a string, an object, or a list of them."""
    out: list[tuple[str, str | None, str | None]] = []
    items = value if isinstance(value, list) else [value]
    for item in items[:50]:
        if isinstance(item, str):
            name = clean(item)
            if name and not name.startswith(("http://", "https://")):
                out.append((name, None, None))
        elif isinstance(item, dict):
            name = clean(item.get("name"))
            if name is None:
                given, family = clean(item.get("givenName")), clean(item.get("familyName"))
                name = " ".join(x for x in (given, family) if x) or None
            url = item.get("url")
            kinds = types_of(item)
            if name:
                out.append(
                    (name, url if isinstance(url, str) else None, kinds[0] if kinds else None)
                )
    return out


def strings(value: object, *, split_commas: bool = False) -> list[str]:
    items = value if isinstance(value, list) else [value]
    out: list[str] = []
    for item in items[:200]:
        if isinstance(item, dict):
            item = item.get("name")  # noqa: PLW2901
        text = clean(item)
        if text is None:
            continue
        if split_commas:
            out.extend(part.strip() for part in re.split(r"[,;]", text) if part.strip())
        else:
            out.append(text)
    return out


def unique(values: list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for value in values:
        key = value.casefold()
        if key not in seen:
            seen.add(key)
            out.append(value)
    return out


ORGANIZATION_TYPES = frozenset(
    {"Organization", "NewsMediaOrganization", "Corporation", "WebSite", "Brand", "NGO"}
)


#: How many site and organisation names an author is compared with.
MAX_SITE_NAMES = 50


def weak_author(name: str, weak: set[str]) -> bool:
    """True for an author that stands for the publisher: an organisation, the site, a domain."""
    key = name.casefold()
    if key in weak or (" " not in key and "." in key):
        return True
    return any(key in w or w in key for w in weak if len(w) > 3)  # noqa: PLR2004


def split_people(text: str) -> list[str]:
    text = _BY_PREFIX.sub("", text).strip(" ,.;:|")
    parts = re.split(r"\s*(?:,|;|\band\b|\bund\b|\bи\b|\bet\b|\by\b|\bve\b|&|\|)\s*", text)
    return [p.strip(" .") for p in parts if p and p.strip(" .")]


def image_url(value: object, base: str | None) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("url") or value.get("contentUrl") or value.get("@id")
    if not isinstance(value, str) or not value.strip() or value.strip().startswith("data:"):
        return None
    url = resolve(value.strip(), base)
    return url if re.match(r"^https?://[^\s/]+\S*$", url, re.IGNORECASE) else None


def lossy(
    kind: str,
    message: str,
    *,
    lost: str | None = None,
    count: int = 1,
    line: int | None = None,
    column: int | None = None,
    path: str | None = None,
) -> LossyConversionWarning:
    """A warning of what the HTML reader could not keep."""
    return LossyConversionWarning(
        message,
        format="html",
        kind=kind,
        lost=lost,
        count=count,
        line=line,
        column=column,
        path=path,
    )
