"""Every feed written parses back with an independent parser and keeps what the feed carries."""

from __future__ import annotations

import io
import json
import warnings
from datetime import datetime, timedelta, timezone
from pathlib import Path
from urllib.parse import urljoin

import feedparser
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from carried import carried
from newsmodel import (
    Article,
    Figure,
    LossyConversionWarning,
    Quote,
    Role,
    Section,
    feed,
)
from newsmodel.feed._rss import home_page
from strategies import articles as all_articles

DATA = Path(__file__).parent.parent / "data" / "feed"
CHANNEL = feed.Channel(
    title="Altyn-Orda",
    link="https://altyn-orda.kz/",
    description="Новости Казахстана",
    self_url="https://altyn-orda.kz/rss.xml",
    logo="https://altyn-orda.kz/logo.png",
)


def articles() -> st.SearchStrategy[Article]:
    """Articles less what no feed carries (see tests/carried.py); those are tested apart."""
    return all_articles().map(lambda a: carried(a, "feed"))


SETTINGS = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _quiet_dumps(items: list[Article], **kwargs: object) -> bytes:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", LossyConversionWarning)
        return feed.dumps(items, channel=CHANNEL, **kwargs)  # type: ignore[arg-type]


def _quiet_loads(data: bytes) -> list[Article]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", LossyConversionWarning)
        return feed.loads(data)


def _fp(data: bytes):
    # feedparser given a file object: never a path or a URL
    return feedparser.parse(io.BytesIO(data), sanitize_html=False)


def _body_text(article: Article) -> str:
    return "\n\n".join(s.text for s in article.sections)


def _same_body(read: Article, original: Article) -> None:
    # A relative link is read against the entry's link (or the site's): made absolute.
    base = urljoin(original.url or CHANNEL.link, "/news/123")
    expected = repr(original.sections).replace("href='/news/123'", f"href='{base}'")
    assert repr(read.sections) == expected


def _authors(article: Article) -> list[str]:
    return [a.name for a in article.credited(Role.AUTHOR)]


def _rss_round_trips(items):
    data = _quiet_dumps(items, format="rss")
    parsed = _fp(data)
    assert not parsed.bozo, parsed.bozo_exception
    assert parsed.version == "rss20"
    assert [e.title for e in parsed.entries] == [a.headline for a in items]
    back = _quiet_loads(data)
    assert len(back) == len(items)
    for original, read in zip(items, back, strict=True):
        assert read.headline == original.headline
        assert read.url == original.url
        assert read.published == original.published
        assert read.updated == original.updated
        assert _authors(read) == list(dict.fromkeys(_authors(original)))
        _same_body(read, original)
        assert read.lede == original.lede
        assert read.rubrics == tuple(dict.fromkeys(original.rubrics))
        assert read.tags == tuple(dict.fromkeys(original.tags))


def _atom_round_trips(items):
    dated = [a for a in items if (a.guid or a.url) and (a.published or a.updated)]
    data = _quiet_dumps(items, format="atom") if dated else b""
    if not dated:
        return
    parsed = _fp(data)
    assert not parsed.bozo, parsed.bozo_exception
    assert parsed.version == "atom10"
    back = _quiet_loads(data)
    assert [a.headline for a in back] == [a.headline for a in dated]
    for original, read in zip(dated, back, strict=True):
        assert read.url == original.url
        assert read.published == original.published
        assert read.updated == (original.updated or original.published)
        assert _authors(read) == list(dict.fromkeys(_authors(original)))
        _same_body(read, original)
        assert read.language == original.language


def _dzen_ready(article: Article) -> bool:
    return bool(
        article.url
        and article.published
        and article.sections
        and (
            article.image
            or any(type(b).__name__ == "Figure" for s in article.sections for b in s.blocks)
        )
    )


def _dzen_words(article: Article) -> list[str]:
    """The words a Dzen item's body says: a quote's cite after a dash; a figure's caption."""
    words: list[str] = []
    for section in article.sections:
        if section.heading is not None:
            words += section.heading.split()
        for block in section.blocks:
            if isinstance(block, Quote):
                words += " ".join(p.text for p in block.paragraphs).split()
                if block.cite is not None:
                    words += ["—", *block.cite.split()]
            elif isinstance(block, Figure):
                words += (block.caption or "").split()
            else:
                words += block.text.split()
    return words


def _dzen_round_trips(items):
    data = _quiet_dumps(items, format="dzen")
    parsed = _fp(data)
    assert not parsed.bozo, parsed.bozo_exception
    ready = [a for a in items if _dzen_ready(a)]
    back = _quiet_loads(data)
    assert [a.headline for a in back] == [a.headline for a in ready]
    for original, read in zip(ready, back, strict=True):
        assert read.url == original.url
        assert read.published == original.published
        assert _authors(read) == list(dict.fromkeys(_authors(original)))
        # Dzen's markup has no line break and no cite, and a credit is read back as text:
        # the words are the same, in the same order.
        assert _body_text(read).split() == _dzen_words(original)


def _yandex_round_trips(items):
    data = _quiet_dumps(items, format="yandex")
    parsed = _fp(data)
    assert not parsed.bozo, parsed.bozo_exception
    ready = [
        a
        for a in items
        if a.url
        and not home_page(a.url)
        and a.published
        and (any(s.text for s in a.sections) or a.lede)
    ]
    back = _quiet_loads(data)
    assert [a.headline for a in back] == [a.headline for a in ready]
    for original, read in zip(ready, back, strict=True):
        assert read.url == original.url
        assert read.published == original.published
        assert _authors(read) == list(dict.fromkeys(_authors(original)))
        expected = _body_text(original) or original.lede or ""
        assert _body_text(read).split() == expected.split()


_SCHEMA = etree.XMLSchema(etree.parse(str(DATA / "news-sitemap.xsd")))


def _sitemap_is_valid_against_googles_schema(items):
    listed = [a for a in items if a.url and a.published]
    data = _quiet_dumps(items, format="sitemap", max_age=None)
    root = etree.fromstring(data)
    if not listed:
        # an empty news sitemap is what Google asks for when nothing is recent; sitemaps.org's
        # schema alone wants one <url>, so it is checked by shape
        assert etree.QName(root).localname == "urlset"
        assert len(root) == 0
        return
    _SCHEMA.assertValid(root)
    ns = {
        "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
        "n": "http://www.google.com/schemas/sitemap-news/0.9",
    }
    assert root.xpath("//s:loc/text()", namespaces=ns) == [a.url for a in listed]
    assert root.xpath("//n:title/text()", namespaces=ns) == [a.headline for a in listed]
    dates = [
        datetime.fromisoformat(d) for d in root.xpath("//n:publication_date/text()", namespaces=ns)
    ]
    assert dates == [a.published for a in listed]


def _jsonfeed_is_json_feed(items):
    data = _quiet_dumps(items, format="jsonfeed")
    doc = json.loads(data)
    assert doc["version"] == "https://jsonfeed.org/version/1.1"
    listed = [a for a in items if a.guid or a.url]
    assert [i["title"] for i in doc["items"]] == [a.headline for a in listed]
    for item, original in zip(doc["items"], listed, strict=True):
        if original.published:
            assert datetime.fromisoformat(item["date_published"]) == original.published
    assert b"<" not in data


# Every feed format is written from the same drawn lists: drawing the articles costs more than
# writing and reading them back, so one draw serves the six checks (the sitemap takes up to five
# articles, the others the first three).
@SETTINGS
@given(st.lists(articles(), min_size=1, max_size=5))
def test_every_feed_format_round_trips(items):
    _rss_round_trips(items[:3])
    _atom_round_trips(items[:3])
    _dzen_round_trips(items[:3])
    _yandex_round_trips(items[:3])
    _sitemap_is_valid_against_googles_schema(items)
    _jsonfeed_is_json_feed(items[:3])


@pytest.mark.parametrize("fmt", feed.FORMATS)
def test_writers_are_deterministic(fmt):
    now = datetime(2026, 11, 25, 12, tzinfo=timezone.utc)
    items = [
        Article(
            headline=f"Новость {i}",
            url=f"https://altyn-orda.kz/{i}",
            published=now - timedelta(hours=i),
            sections=[Section(blocks=["Текст."])],
            image=None,
        )
        for i in range(3)
    ]
    first = _quiet_dumps(items, format=fmt, now=now)
    assert first == _quiet_dumps(items, format=fmt, now=now)
