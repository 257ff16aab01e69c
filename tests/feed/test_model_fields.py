"""Date-only dates, embeds and genres in feeds, and what a feed must never publish."""

from __future__ import annotations

import warnings
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from lxml import etree

from newsmodel import (
    Article,
    Embed,
    Figure,
    Genre,
    LossyConversionWarning,
    Rights,
    Section,
    feed,
)

CHANNEL = feed.Channel(title="Сайт", link="https://example.kz/")
NOW = datetime(2026, 11, 25, 12, tzinfo=timezone.utc)


def _article(**fields: object) -> Article:
    base: dict[str, object] = {
        "headline": "Новость",
        "url": "https://example.kz/1",
        "published": NOW,
        "sections": [Section(blocks=["Текст новости."])],
        "image": Figure("https://example.kz/1.jpg"),
    }
    base.update(fields)
    return Article(**base)  # type: ignore[arg-type]


def _dumps(items: list[Article], fmt: str, **options: object) -> bytes:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", LossyConversionWarning)
        return feed.dumps(items, channel=CHANNEL, format=fmt, now=NOW, **options)  # type: ignore[arg-type]


def test_a_date_alone_is_midnight_utc_in_rss_and_atom():
    article = _article(published=date(2026, 11, 25))
    assert b"<pubDate>Wed, 25 Nov 2026 00:00:00 +0000</pubDate>" in _dumps([article], "rss")
    assert b"<published>2026-11-25T00:00:00+00:00</published>" in _dumps([article], "atom")


def test_a_date_alone_is_the_day_in_a_sitemap_and_counts_by_day():
    yesterday = _article(published=date(2026, 11, 24))
    too_old = _article(url="https://example.kz/2", published=date(2026, 11, 22))
    data = _dumps([yesterday, too_old], "sitemap")
    assert b"<news:publication_date>2026-11-24</news:publication_date>" in data
    schema = Path(__file__).parent.parent / "data" / "feed" / "news-sitemap.xsd"
    etree.XMLSchema(etree.parse(str(schema))).assertValid(etree.fromstring(data))
    assert b"https://example.kz/2" not in data
    # two days back from noon is the 23rd at noon: the 23rd is still within, by day
    assert b"https://example.kz/3" in _dumps(
        [_article(url="https://example.kz/3", published=date(2026, 11, 23))], "sitemap"
    )


@pytest.mark.parametrize("fmt", ["rss", "atom", "dzen", "jsonfeed"])
def test_an_embed_is_a_link_to_it(fmt):
    embed = Embed("https://youtu.be/dQw4w9WgXcQ", caption="Пресс-конференция")
    data = _dumps([_article(sections=[Section(blocks=["Текст.", embed])])], fmt)
    assert b"https://youtu.be/dQw4w9WgXcQ" in data
    assert "Пресс-конференция".encode() in data
    assert b"iframe" not in data


def test_yandex_genre_follows_the_articles_genres_unless_given():
    interview = _article(genres=[Genre("genre:Interview", "Интервью")])
    assert b"<yandex:genre>interview</yandex:genre>" in _dumps([interview], "yandex")
    assert b"<yandex:genre>message</yandex:genre>" in _dumps([_article()], "yandex")
    given = feed.YandexOptions(genre="lenta")
    assert b"<yandex:genre>lenta</yandex:genre>" in _dumps([interview], "yandex", yandex=given)


@pytest.mark.parametrize("fmt", feed.FORMATS)
def test_the_newsrooms_fields_are_never_published(fmt):
    article = _article(
        editorial_note="НЕ ПУБЛИКОВАТЬ: уточнить у юриста",
        rights=Rights(holder="Агентство", usage_terms="Только для Казахстана"),
        embargo=NOW - timedelta(hours=1),
        slugline="ВЫБОРЫ-СЕКРЕТ",
    )
    data = _dumps([article], fmt, include_embargoed=True)
    assert "Новость".encode() in data or b"example.kz/1" in data
    for secret in ("НЕ ПУБЛИКОВАТЬ", "юриста", "Только для Казахстана", "ВЫБОРЫ-СЕКРЕТ"):
        assert secret.encode() not in data, secret
    assert b"2026-11-25T11:00" not in data  # the embargo's time


@pytest.mark.parametrize("fmt", feed.FORMATS)
def test_an_embargoed_article_is_left_out_with_a_warning(fmt):
    held = _article(url="https://example.kz/held", embargo=NOW + timedelta(hours=1))
    with pytest.warns(LossyConversionWarning, match="https://example.kz/held.*embargoed until"):
        data = feed.dumps([_article(), held], channel=CHANNEL, format=fmt, now=NOW)
    assert b"example.kz/held" not in data
    assert b"example.kz/1" in data
    included = _dumps([held], fmt, include_embargoed=True)
    assert b"example.kz/held" in included
