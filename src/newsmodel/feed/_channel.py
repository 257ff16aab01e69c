"""What every feed writer shares: the channel, dates, naming an article, warning about one."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone
from email.utils import format_datetime
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import attrs

from newsmodel._textrules import InvalidTextError, collapse
from newsmodel._warnings import counted, lossy
from newsmodel.errors import ValidationError

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from newsmodel._models import Article

__all__ = [
    "Channel",
    "absolute",
    "article_name",
    "dropped_links",
    "embargoed",
    "moment",
    "rfc822",
    "rfc3339",
    "skip",
    "unit_offset",
]

_LANGUAGE = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$")


def _text(field: str, value: object) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValidationError(field, f"expected str, got {type(value).__name__}")
    try:
        return collapse(value) or None
    except InvalidTextError as exc:
        raise ValidationError(field, str(exc)) from None


def _url(field: str, value: object) -> str | None:
    url = _text(field, value)
    if url is not None and not absolute(url):
        raise ValidationError(field, f"must be an absolute http(s) URL, got {url!r}")
    return url


def _title(value: str) -> str:
    text = _text("title", value)
    if text is None:
        raise ValidationError("title", "must not be empty")
    return text


def _link(value: str) -> str:
    url = _url("link", value)
    if url is None:
        raise ValidationError("link", "must not be empty")
    return url


def _description(value: str | None) -> str | None:
    return _text("description", value)


def _logo(value: str | None) -> str | None:
    return _url("logo", value)


def _self_url(value: str | None) -> str | None:
    return _url("self_url", value)


def _language(value: str) -> str:
    if not isinstance(value, str) or not _LANGUAGE.match(value.strip().replace("_", "-")):
        raise ValidationError("language", f"must be a BCP 47 tag such as 'ru', got {value!r}")
    return value.strip().replace("_", "-")


def _updated(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    if not isinstance(value, datetime) or value.utcoffset() is None:
        raise ValidationError("updated", "must be a timezone-aware datetime")
    return value


def absolute(url: str) -> bool:
    """Whether a URL is an absolute http(s) URL without whitespace.

    >>> absolute("https://example.kz/"), absolute("/news/1")
    (True, False)
    """
    if not url or any(c.isspace() for c in url):
        return False
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme.lower() in {"http", "https"} and bool(parts.netloc)


@attrs.frozen(kw_only=True)
class Channel:
    """The site a feed belongs to: what every consumer shows beside the articles.

    Attributes:
        title (str): the publication's name ("Altyn-Orda"); Google News matches it to the name
            it knows the publication by.
        link (str): the site's home page, an absolute http(s) URL.
        description (str | None): a sentence about the site (RSS requires one: the title is
            written when it is missing).
        language (str): the feed's language, a BCP 47 tag.
        logo (str | None): the site's logo, an absolute http(s) URL.
        self_url (str | None): where the feed itself is published: written as
            ``atom:link rel="self"`` and Atom's ``self`` link, and the address sitemaps of an
            index are named from.
        updated (datetime | None): when the feed last changed; without it, the latest date of
            its articles (Atom, JSON Feed) or nothing (RSS).

    >>> Channel(title="Altyn-Orda", link="https://altyn-orda.kz/").language
    'ru'
    """

    title: str = attrs.field(converter=_title)
    link: str = attrs.field(converter=_link)
    description: str | None = attrs.field(default=None, converter=_description)
    language: str = attrs.field(default="ru", converter=_language)
    logo: str | None = attrs.field(default=None, converter=_logo)
    self_url: str | None = attrs.field(default=None, converter=_self_url)
    updated: datetime | None = attrs.field(default=None, converter=_updated)


def unit_offset(value: datetime) -> datetime:
    """The time with an offset feeds can write: whole minutes, else UTC (the same instant).

    >>> unit_offset(datetime(2026, 1, 1, tzinfo=timezone(timedelta(hours=5, seconds=48))))
    datetime.datetime(2025, 12, 31, 18, 59, 12, tzinfo=datetime.timezone.utc)
    """
    offset = value.utcoffset() or timedelta(0)
    if offset % timedelta(minutes=1):
        return value.astimezone(timezone.utc)
    return value


def moment(value: datetime | date) -> datetime:
    """A time a feed can write: a date without a time is that day at 00:00 UTC.

    RSS's ``pubDate`` and Atom's dates need a time and a zone; nothing better is known of a
    source that gave only the day.

    >>> moment(date(2026, 11, 25))
    datetime.datetime(2026, 11, 25, 0, 0, tzinfo=datetime.timezone.utc)
    """
    if isinstance(value, datetime):
        return value
    return datetime(value.year, value.month, value.day, tzinfo=timezone.utc)


def rfc822(value: datetime | date) -> str:
    """A time as RSS writes it (RFC 822 with a four-digit year and a numeric zone).

    >>> rfc822(datetime(2026, 11, 25, 9, 5, tzinfo=timezone(timedelta(hours=5))))
    'Wed, 25 Nov 2026 09:05:00 +0500'
    >>> rfc822(date(2026, 11, 25))
    'Wed, 25 Nov 2026 00:00:00 +0000'
    """
    return format_datetime(unit_offset(moment(value)).replace(microsecond=0))


def rfc3339(value: datetime | date) -> str:
    """A time as Atom, JSON Feed and sitemap indexes write it (RFC 3339).

    >>> rfc3339(datetime(2026, 11, 25, 9, 5, tzinfo=timezone.utc))
    '2026-11-25T09:05:00+00:00'
    >>> rfc3339(date(2026, 11, 25))
    '2026-11-25T00:00:00+00:00'
    """
    return unit_offset(moment(value)).isoformat()


def article_name(article: Article) -> str:
    """How a warning or an error names an article: its guid, else its URL, else its headline.

    >>> from newsmodel import Article
    >>> article_name(Article(headline="Заголовок"))
    "'Заголовок'"
    """
    return repr(article.guid or article.url or article.headline)


def skip(fmt: str, article: Article, why: str) -> None:
    """Warn that an article is left out of a feed, and why (the feed stays valid)."""
    name = article_name(article)
    lossy(fmt, "item", f"article {name} left out: {why}", lost=name)


def embargoed(
    articles: Iterable[Article], fmt: str, *, now: datetime | None, include: bool
) -> Iterator[Article]:
    """The articles a feed may publish: one whose embargo still holds is left out, with a warning.

    ``include`` lists them all (a feed kept private until the embargo lifts).
    """
    for article in articles:
        if not include and article.is_embargoed(now):
            assert article.embargo is not None  # noqa: S101 - is_embargoed() says so
            skip(fmt, article, f"embargoed until {article.embargo.isoformat()}")
            continue
        yield article


def dropped_links(fmt: str, hrefs: set[str]) -> None:
    """Warn about links written as their text, by scheme (the HTML writer's rule)."""
    by_scheme: dict[str, list[str]] = {}
    for href in hrefs:
        by_scheme.setdefault(href.split(":", 1)[0].lower(), []).append(href)
    for scheme, listed in sorted(by_scheme.items()):
        names = ", ".join(sorted(listed))
        message = f"{counted(len(listed), f'{scheme}: link')} written as plain text: {names}"
        lossy(fmt, "link", message, lost=f"{scheme}:", count=len(listed))
