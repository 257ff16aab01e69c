"""Google News sitemaps: ``news:news`` per article, 1,000 a file, and an index over the files."""

from __future__ import annotations

import itertools
import os
import re
import tempfile
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import IO, TYPE_CHECKING
from urllib.parse import urljoin

from newsmodel.errors import WriteError
from newsmodel.feed._channel import article_name, rfc3339, skip
from newsmodel.feed._xml import XmlOut, open_xml

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from newsmodel._models import Article
    from newsmodel.feed._channel import Channel

__all__ = [
    "MAX_URLS",
    "NEWS_AGE",
    "news_language",
    "news_name",
    "publication_date",
    "recent",
    "write_sitemap",
    "write_sitemaps",
]

SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
NEWS = "http://www.google.com/schemas/sitemap-news/0.9"
#: The most URLs Google reads from one news sitemap.
MAX_URLS = 1000
#: How old an article Google News still takes from a sitemap: two days.
NEWS_AGE = timedelta(days=2)
#: The lengths sitemaps.org's schema allows a ``loc``: 12 to 2,048 characters.
LOC_LENGTHS = range(12, 2049)
_S = f"{{{SITEMAP}}}"
_N = f"{{{NEWS}}}"


def news_language(language: str) -> str:
    """The language as Google's schema writes it: ISO 639, ``zh-cn``/``zh-tw`` for Chinese.

    >>> news_language("ru-KZ"), news_language("zh-Hant-TW"), news_language("zh")
    ('ru', 'zh-tw', 'zh-cn')
    """
    parts = language.lower().split("-")
    if parts[0] == "zh":
        return "zh-tw" if {"tw", "hk", "mo", "hant"} & set(parts[1:]) else "zh-cn"
    return parts[0]


_TRAILING_PARENTHETICAL = re.compile(r"\s*\([^()]*\)\s*$")


def news_name(title: str) -> str:
    """``news:name``: the publication's name without a trailing parenthetical.

    Google's schema asks for the name as Google News shows it, less what it adds in
    parentheses ("The Example Times (subscription)" is "The Example Times").

    >>> news_name("The Example Times (subscription)"), news_name("Altyn-Orda")
    ('The Example Times', 'Altyn-Orda')
    """
    return _TRAILING_PARENTHETICAL.sub("", title) or title


def recent(
    articles: Iterable[Article], *, now: datetime | None, max_age: timedelta | None
) -> Iterator[Article]:
    """The articles a news sitemap may list: with a URL and a publication date, recent enough.

    Articles older than ``max_age`` are left out without a word (that is the rule); one
    without a URL or a publication date, or with a URL too long or too short for a ``loc``, is
    left out with a warning. A publication date
    without a time is compared by day: it is recent if its day is not before the oldest one's
    (in UTC).
    """
    oldest = None
    if max_age is not None:
        oldest = (now if now is not None else datetime.now(timezone.utc)) - max_age
    for article in articles:
        if article.url is None or article.published is None:
            why = "no URL (loc)" if article.url is None else "no publication date"
            skip("sitemap", article, f"{why}, which a news sitemap requires")
            continue
        if len(article.url) not in LOC_LENGTHS:
            why = f"a URL of {len(article.url)} characters; a sitemap's loc holds 12 to 2,048"
            skip("sitemap", article, why)
            continue
        if oldest is None or _since(article.published, oldest):
            yield article


def _since(published: datetime | date, oldest: datetime) -> bool:
    if isinstance(published, datetime):
        return published >= oldest
    return published >= oldest.astimezone(timezone.utc).date()


def publication_date(value: datetime | date) -> str:
    """``news:publication_date`` in W3C form: the day alone when only the day is known.

    >>> publication_date(date(2026, 11, 25))
    '2026-11-25'
    """
    if isinstance(value, datetime):
        return rfc3339(value)
    return value.isoformat()


def _url(out: XmlOut, article: Article, channel: Channel) -> None:
    assert article.url is not None  # noqa: S101 - recent() let only these through
    assert article.published is not None  # noqa: S101
    with out.element(f"{_S}url"):
        out.leaf(f"{_S}loc", article.url)
        with out.element(f"{_N}news"):
            with out.element(f"{_N}publication"):
                out.leaf(f"{_N}name", news_name(channel.title))
                out.leaf(f"{_N}language", news_language(article.language))
            out.leaf(f"{_N}publication_date", publication_date(article.published))
            out.leaf(f"{_N}title", article.headline)


def write_sitemap(articles: Iterable[Article], fp: IO[bytes], channel: Channel) -> Article | None:
    """Write one sitemap of at most :data:`MAX_URLS` articles; returns the first one over."""
    with open_xml(fp) as xf:
        xf.write_declaration()
        out = XmlOut(xf)
        with out.element(f"{_S}urlset", nsmap={None: SITEMAP, "news": NEWS}):  # type: ignore[dict-item]
            # No article recent enough leaves the urlset empty: Google reads an empty news
            # sitemap as "nothing new" (sitemaps.org's schema wants one <url>, Google does not).
            for count, article in enumerate(articles):
                if count == MAX_URLS:
                    return article
                _url(out, article, channel)
    return None


def _index(fp: IO[bytes], locations: list[str]) -> None:
    with open_xml(fp) as xf:
        xf.write_declaration()
        out = XmlOut(xf)
        with out.element(f"{_S}sitemapindex", nsmap={None: SITEMAP}):  # type: ignore[dict-item]
            for location in locations:
                with out.element(f"{_S}sitemap"):
                    out.leaf(f"{_S}loc", location)


def write_sitemaps(articles: Iterator[Article], path: Path, channel: Channel) -> list[Path]:
    """Write the sitemap at ``path``, or, past :data:`MAX_URLS` articles, an index there.

    The sitemaps an index names are written beside it (``news-1.xml``, ``news-2.xml``... for
    ``news.xml``) and named by their URL beside the channel's ``self_url`` (or its ``link``).
    Each file is written to a temporary name and moved into place when complete.
    """
    folder = path.parent
    written: list[Path] = []

    def part(number: int) -> Path:
        return folder / f"{path.stem}-{number}{path.suffix}"

    def write(target: Path, body: Article | None) -> Article | None:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fp:
                # itertools.chain, not "yield from": closing a generator would close the stream.
                stream = articles if body is None else itertools.chain([body], articles)
                over = write_sitemap(stream, fp, channel)
            Path(tmp).replace(target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        written.append(target)
        return over

    over = write(path, None)
    if over is None:
        return written
    # More than one file: what was written at ``path`` is the first part, the index goes there.
    written.clear()
    path.replace(part(1))
    written.append(part(1))
    number = 1
    while over is not None:
        number += 1
        over = write(part(number), over)
    base = channel.self_url or channel.link
    locations = [urljoin(base, p.name) for p in written]
    with path.open("wb") as fp:
        _index(fp, locations)
    return [path, *written]


def too_many(article: Article) -> WriteError:
    """The error for a sitemap written to one file that would be over the limit."""
    reason = (
        f"a news sitemap holds at most {MAX_URLS} URLs; {article_name(article)} is one more:"
        " write_sitemaps() writes an index and as many files as it takes"
    )
    return WriteError("sitemap", "articles", reason)
