"""Round trips: every article survives HTML; real pages settle after one pass."""

from __future__ import annotations

import json
import warnings
from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import attrs
import pytest
from hypothesis import HealthCheck, example, given, settings

from newsmodel import Article, Genre, Link, Paragraph, PubStatus, Rights, Section, html
from strategies import articles_for

CORPUS = Path(__file__).parent.parent / "data" / "html" / "corpus"


# A paragraph that is only a link to an author page looks like a byline on someone else's page;
# in our own markup it is what it says it is.
_AUTHOR_LINK_PARAGRAPH = Article(
    headline="Заголовок",
    sections=[Section(blocks=[Paragraph([Link("https://a.kz/autor", "Иван Петров")])])],
)


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles_for("html"))
@example(_AUTHOR_LINK_PARAGRAPH)
def test_article_round_trips(article: Article) -> None:
    assert html.loads(html.dumps(article, internal=True)) == article


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles_for("html"))
def test_a_public_page_round_trips_what_readers_see(article: Article) -> None:
    page = html.dumps(article)
    assert html.loads(page) == public(article)
    assert page == html.dumps(public(article))


def public(article: Article) -> Article:
    """What a reader sees of an article: none of the newsroom's own fields."""
    rights = article.rights
    if rights is not None:
        rights = (
            None if not (rights.holder or rights.notice) else attrs.evolve(rights, usage_terms=None)
        )
    return attrs.evolve(
        article,
        extra=(),
        urgency=None,
        embargo=None,
        pub_status=PubStatus.USABLE,
        editorial_note=None,
        slugline=None,
        first_created=None,
        version_created=None,
        signals=(),
        rights=rights,
    )


def test_a_public_page_shows_the_correction_genre_and_copyright_only() -> None:
    article = Article(
        headline="Заголовок",
        correction="Исправлено имя министра.",
        genres=[Genre("genre:Interview", "Интервью")],
        rights=Rights(holder="Kazinform", notice="© Kazinform", usage_terms="Только для РК"),
        editorial_note="STRICTLY EMBARGOED",
        embargo=datetime(2030, 1, 1, tzinfo=timezone.utc),
        urgency=1,
        slugline="KAZ-MINISTER",
    )
    page = html.dumps(article)
    for shown in ("Исправлено имя министра.", "Интервью", "© Kazinform"):
        assert shown in page
    for hidden in ("EMBARGOED", "2030-01-01", "Только для РК", "KAZ-MINISTER", "urgency"):
        assert hidden not in page
    assert html.loads(html.dumps(article, internal=True)) == article


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles_for("html"))
def test_round_trip_from_bytes(article: Article) -> None:
    assert html.loads(html.dumps(article, internal=True).encode("utf-8")) == article


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles_for("html"))
@example(_AUTHOR_LINK_PARAGRAPH)
def test_fragment_round_trips(article: Article) -> None:
    assert html.loads(html.dumps(article, fragment=True, internal=True)) == article


@pytest.mark.parametrize("page", sorted(CORPUS.glob("*.html")), ids=lambda p: p.stem)
def test_real_page_round_trip_is_stable(page: Path) -> None:
    truth = json.loads(page.with_suffix(".json").read_text("utf-8"))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        first = html.dumps(html.loads(page.read_bytes(), url=truth["url"]))
    second = html.dumps(html.loads(first))
    assert second == first


@pytest.mark.parametrize(
    "article",
    [
        Article(headline="Х", sections=[Section(blocks=["Открыли мост, передает Kazinform"])]),
        Article(headline="Х", lede="Анонс новости, передает Kazinform"),
        Article(
            headline="Х",
            lede="Анонс новости — сообщает Kazinform.",
            sections=[Section(blocks=["Первый абзац, передает ТАСС"])],
        ),
    ],
    ids=["paragraph", "lede", "both"],
)
def test_source_phrases_in_our_own_text_stay_text(article: Article) -> None:
    assert html.loads(html.dumps(article)) == article


def test_updated_without_published_round_trips() -> None:
    article = Article(headline="Х", updated=datetime(2026, 1, 1, tzinfo=timezone.utc))
    assert html.loads(html.dumps(article)) == article


@pytest.mark.parametrize(
    "when",
    [
        datetime(1900, 1, 1, 12, tzinfo=ZoneInfo("Asia/Almaty")),  # local mean time, +05:07:48
        datetime(2026, 1, 1, 12, 0, 7, tzinfo=timezone(-timedelta(hours=3, seconds=15))),
    ],
)
def test_offsets_with_seconds_keep_the_time(when: datetime) -> None:
    article = Article(headline="Х", published=when, updated=when)
    back = html.loads(html.dumps(article))
    assert back == article
    assert back.published is not None
    assert back.published.utcoffset() == when.utcoffset()
