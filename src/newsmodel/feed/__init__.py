"""Feeds of many articles: RSS, Atom, Dzen, Yandex News, Google News sitemaps and JSON Feed.

RSS and Atom feeds (Dzen's and Yandex's too) are read back into articles.

Writers stream: each article is written as it comes from the iterable, so a feed of any length
takes the memory of one article. Every consumer's required values are checked: an article a
consumer would refuse (Dzen without an image, a sitemap entry without a date) is left out with
a :class:`~newsmodel.LossyConversionWarning` naming it, and the feed stays valid.

Reading needs feedparser (``pip install 'pynewsmodel[feed]'``).

>>> from newsmodel import Article, Section, feed
>>> channel = feed.Channel(title="Altyn-Orda", link="https://altyn-orda.kz/")
>>> article = Article(
...     headline="Заголовок",
...     url="https://altyn-orda.kz/news/1",
...     sections=[Section(blocks=["Абзац."])],
... )
>>> rss = feed.dumps([article], channel=channel)
>>> rss.startswith(b"<?xml")
True
>>> [a.headline for a in feed.loads(rss)]
['Заголовок']
"""

from __future__ import annotations

import io
from datetime import timezone, tzinfo
from typing import IO, TYPE_CHECKING, Literal

from newsmodel._limits import MAX_BYTES
from newsmodel._models import Article
from newsmodel._warnings import issue
from newsmodel._zones import tzinfo as _zone
from newsmodel.errors import ValidationError
from newsmodel.feed._atom import write_atom
from newsmodel.feed._channel import Channel, embargoed
from newsmodel.feed._jsonfeed import write_jsonfeed
from newsmodel.feed._reader import read_feed
from newsmodel.feed._rss import DzenOptions, YandexOptions, write_rss
from newsmodel.feed._sitemap import MAX_URLS, NEWS_AGE, recent, too_many, write_sitemap
from newsmodel.feed._sitemap import write_sitemaps as _write_sitemaps

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator
    from datetime import datetime, timedelta
    from pathlib import Path

__all__ = [  # noqa: RUF022 - plain sorted() order, which tests/test_public_api.py checks
    "Channel",
    "DEFAULT_MAX_BYTES",
    "DzenOptions",
    "FORMATS",
    "FeedFormat",
    "MAX_URLS",
    "NEWS_AGE",
    "YandexOptions",
    "dump",
    "dumps",
    "load",
    "loads",
    "write_sitemaps",
]

#: The largest feed :func:`loads` reads by default: 16 MiB (bytes, or characters for text).
DEFAULT_MAX_BYTES = MAX_BYTES

FeedFormat = Literal["rss", "atom", "dzen", "yandex", "sitemap", "jsonfeed"]
"""The feeds :func:`dump` writes."""

#: Every value of :data:`FeedFormat`.
FORMATS: tuple[FeedFormat, ...] = ("rss", "atom", "dzen", "yandex", "sitemap", "jsonfeed")


def _articles(articles: Iterable[Article]) -> Iterator[Article]:
    for article in articles:
        if not isinstance(article, Article):
            msg = f"expected Article, got {type(article).__name__}"
            raise TypeError(msg)
        yield article


def dump(
    articles: Iterable[Article],
    fp: IO[bytes],
    /,
    *,
    channel: Channel,
    format: FeedFormat = "rss",  # noqa: A002 - the word every feed tool uses
    dzen: DzenOptions | None = None,
    yandex: YandexOptions | None = None,
    now: datetime | None = None,
    max_age: timedelta | None = NEWS_AGE,
    include_embargoed: bool = False,
) -> None:
    r"""Write a feed of articles to a binary file, one article at a time.

    Args:
        articles: the articles, in the order the feed lists them (newest first, usually).
        fp: a binary file; the feed is written in UTF-8.
        channel: the site the feed belongs to.
        format: ``"rss"`` (RSS 2.0), ``"atom"`` (Atom 1.0), ``"dzen"`` (Dzen's RSS),
            ``"yandex"`` (Yandex News RSS), ``"sitemap"`` (a Google News sitemap) or
            ``"jsonfeed"`` (JSON Feed 1.1).
        dzen: how Dzen is to publish the articles (``format="dzen"``).
        yandex: what Yandex News is told beyond the articles (``format="yandex"``).
        now: the time a sitemap counts ``max_age`` back from, and embargoes are checked at;
            the current time when omitted.
        max_age: a sitemap lists articles published this recently (Google News reads two
            days); ``None`` lists them all.
        include_embargoed: list an article whose embargo still holds at ``now``; by default
            it is left out, with a :class:`~newsmodel.LossyConversionWarning` naming it.

    No feed writes an article's ``editorial_note``, ``rights`` (usage terms), ``embargo`` or
    ``signals``: they are for the newsroom, not the public. A ``published`` or ``updated``
    date without a time is written as that day at 00:00 UTC where the feed needs a time (RSS,
    Atom, JSON Feed), and as the day alone in a news sitemap.

    Raises:
        WriteError: the feed would break a consumer's limit (over
            :data:`~newsmodel.feed.MAX_URLS` URLs in a sitemap: use :func:`write_sitemaps`;
            over 500 items for Dzen), or an Atom feed has no date at all.

    >>> import io
    >>> from newsmodel import Article
    >>> buf = io.BytesIO()
    >>> channel = Channel(title="Сайт", link="https://example.kz/")
    >>> dump([Article(headline="Новость")], buf, channel=channel)
    >>> "<title>Новость</title>".encode() in buf.getvalue()
    True
    """
    if not isinstance(channel, Channel):
        msg = f"expected Channel, got {type(channel).__name__}"
        raise TypeError(msg)
    stream = embargoed(_articles(articles), format, now=now, include=include_embargoed)
    if format in {"rss", "dzen", "yandex"}:
        flavour: Literal["rss", "dzen", "yandex"] = format
        write_rss(
            stream,
            fp,
            channel,
            flavour=flavour,
            dzen=dzen or DzenOptions(),
            yandex=yandex or YandexOptions(),
        )
    elif format == "atom":
        write_atom(stream, fp, channel)
    elif format == "jsonfeed":
        write_jsonfeed(stream, fp, channel)
    elif format == "sitemap":
        over = write_sitemap(recent(stream, now=now, max_age=max_age), fp, channel)
        if over is not None:
            raise too_many(over)
    else:
        raise ValidationError("format", f"must be one of {', '.join(FORMATS)}, got {format!r}")


def dumps(
    articles: Iterable[Article],
    /,
    *,
    channel: Channel,
    format: FeedFormat = "rss",  # noqa: A002
    dzen: DzenOptions | None = None,
    yandex: YandexOptions | None = None,
    now: datetime | None = None,
    max_age: timedelta | None = NEWS_AGE,
    include_embargoed: bool = False,
) -> bytes:
    """The whole feed as UTF-8 bytes (XML carries its encoding); see :func:`dump`.

    >>> from datetime import datetime, timezone
    >>> from newsmodel import Article
    >>> channel = Channel(title="Сайт", link="https://example.kz/")
    >>> old = Article(
    ...     headline="Новость",
    ...     url="https://example.kz/1",
    ...     published=datetime(2020, 1, 1, tzinfo=timezone.utc),
    ... )
    >>> print(dumps([old], channel=channel, format="sitemap").decode())
    <?xml version='1.0' encoding='utf-8'?>
    <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"></urlset>
    """
    buf = io.BytesIO()
    dump(
        articles,
        buf,
        channel=channel,
        format=format,
        dzen=dzen,
        yandex=yandex,
        now=now,
        max_age=max_age,
        include_embargoed=include_embargoed,
    )
    return buf.getvalue()


def write_sitemaps(
    articles: Iterable[Article],
    path: Path,
    /,
    *,
    channel: Channel,
    now: datetime | None = None,
    max_age: timedelta | None = NEWS_AGE,
    include_embargoed: bool = False,
) -> list[Path]:
    """Write a Google News sitemap at ``path``, or an index there and the sitemaps beside it.

    Up to :data:`~newsmodel.feed.MAX_URLS` articles make one sitemap at ``path``. More make
    files beside it, ``news-1.xml``, ``news-2.xml``... for ``news.xml``, and ``path`` becomes
    their sitemap index, naming each by its URL next to ``channel.self_url`` (the index's own
    address) or else in the site's root. Each file appears complete or not at all.

    Returns:
        The files written, the index (or the only sitemap) first.

    >>> import tempfile
    >>> from datetime import datetime, timezone
    >>> from pathlib import Path
    >>> from newsmodel import Article
    >>> now = datetime(2026, 11, 25, 12, tzinfo=timezone.utc)
    >>> news = [
    ...     Article(headline=f"Новость {i}", url=f"https://example.kz/{i}", published=now)
    ...     for i in range(1500)
    ... ]
    >>> channel = Channel(title="Сайт", link="https://example.kz/")
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     files = write_sitemaps(news, Path(folder) / "news.xml", channel=channel, now=now)
    ...     [f.name for f in files]
    ['news.xml', 'news-1.xml', 'news-2.xml']
    """
    if not isinstance(channel, Channel):
        msg = f"expected Channel, got {type(channel).__name__}"
        raise TypeError(msg)
    stream = embargoed(_articles(articles), "sitemap", now=now, include=include_embargoed)
    return _write_sitemaps(recent(stream, now=now, max_age=max_age), path, channel)


def loads(
    data: bytes | str, /, *, tz: str | tzinfo = timezone.utc, max_bytes: int = DEFAULT_MAX_BYTES
) -> list[Article]:
    """Read the articles of an RSS (0.9x, 1.0, 2.0) or Atom feed, one per entry.

    The full text comes from ``content:encoded``, Atom ``content`` or ``yandex:full-text``,
    read by the HTML reader's body rules; an entry with only a summary gives an article with
    that lede and no body. Entries the model cannot hold (no title) are left out. Nothing is
    fetched and no file is opened: the feed is parsed from the bytes given.

    Args:
        data: the feed, as bytes (preferred: the XML declares its encoding) or text.
        tz: the zone of dates written without an offset.
        max_bytes: refuse larger input (bytes, or characters for text).

    Returns:
        The articles, in the feed's order.

    Raises:
        ParseError: the input is empty, too large, or not a feed.

    A :class:`~newsmodel.LossyConversionWarning` lists what could not be read.

    >>> rss = '''<rss version="2.0"><channel><title>Сайт</title><item>
    ... <title>Заголовок</title><link>https://example.kz/1</link>
    ... <pubDate>Wed, 25 Nov 2026 09:05:00 +0500</pubDate>
    ... <description>Анонс</description>
    ... </item></channel></rss>'''.encode()
    >>> import warnings
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")
    ...     [article] = loads(rss)
    >>> article.headline, article.lede, article.published.isoformat()
    ('Заголовок', 'Анонс', '2026-11-25T09:05:00+05:00')
    """
    articles, notes = read_feed(data, tz=_zone(tz), max_bytes=max_bytes)
    for note in notes:
        issue(note)
    return articles


def load(
    fp: IO[bytes], /, *, tz: str | tzinfo = timezone.utc, max_bytes: int = DEFAULT_MAX_BYTES
) -> list[Article]:
    """Read the articles of a feed from a binary file; see :func:`loads`.

    At most ``max_bytes + 1`` bytes are read from the file.
    """
    data = fp.read(max_bytes + 1)
    articles, notes = read_feed(data, tz=_zone(tz), max_bytes=max_bytes)
    for note in notes:
        issue(note)
    return articles
