"""Dates found on pages that mark them nowhere: printed text in Latin-script languages, URLs."""
# ruff: noqa: E501 - the pages under test are written out as they are

from __future__ import annotations

import datetime as dt
import warnings

import pytest

from newsmodel import html as nhtml

BODY = (
    "<p>" + "A paragraph of article text, long enough to be taken as the body, yes. " * 3 + "</p>"
)


def _published(page: str, url: str | None = None) -> dt.datetime | None:
    return nhtml.loads(page.encode(), url=url).published


@pytest.mark.parametrize(
    ("printed", "day"),
    [
        ("8 January 2020, 3:51 pm", "2020-01-08"),
        ("January 8, 2020", "2020-01-08"),
        ("10. September 2017", "2017-09-10"),
        ("13. März 2021", "2021-03-13"),
        ("13 de octubre de 2021", "2021-10-13"),
        ("25.10.2022 - Reiner Nagel", "2022-10-25"),
        ("Posted 2019-04-30", "2019-04-30"),
    ],
)
def test_printed_date_near_the_headline(printed: str, day: str) -> None:
    page = f"<title>T</title><body><div><h1>Head</h1><span>{printed}</span></div><div>{BODY}</div>"
    published = _published(page)
    assert published is not None
    assert published.isoformat()[:10] == day
    # a date printed without a time is a date, not midnight in a zone the page never named
    assert isinstance(published, dt.datetime) == (":" in printed)


def test_a_dateline_starting_a_long_paragraph_dates_the_article() -> None:
    # The page prints its date nowhere else: the first paragraph starts with it.
    first = "27.1.2022 - " + "The city remembered the victims of the regime again this year. " * 3
    page = f"<title>T</title><body><h1>Head</h1><div><p>By Anna Berg</p><p>{first}</p>{BODY}</div></body>"
    assert _published(page) == dt.date(2022, 1, 27)
    # a date further into a long paragraph is what the article tells of, not its own
    later = "The city remembered the victims on 27.1.2022 and again this year, as always. " * 2
    assert _published(page.replace(first, later)) is None


def test_printed_time_follows_the_date() -> None:
    page = f"<title>T</title><body><div><h1>Head</h1><span class='date'>8 January 2020, 3:51 pm</span></div>{BODY}"
    published = _published(page)
    assert published is not None
    assert (published.hour, published.minute) == (15, 51)


def test_a_lone_time_on_a_foreign_page_is_not_today() -> None:
    page = f"<title>T</title><body><div><h1>Head</h1><span class='date'>3:51 pm</span></div>{BODY}"
    assert _published(page) is None


def test_date_from_the_article_url() -> None:
    page = f"<title>T</title><body><h1>Head</h1>{BODY}"
    published = _published(page, url="https://example.com/news/2020/01/08/some-story/")
    assert published == dt.date(2020, 1, 8)
    assert not isinstance(published, dt.datetime)
    assert _published(page, url="https://example.com/news/2020/13/08/x/") is None


def test_metadata_date_wins_over_printed_text() -> None:
    page = (
        '<title>T</title><meta property="article:published_time" content="2021-05-06T10:00:00Z">'
        f"<body><div><h1>Head</h1><span>8 January 2020</span></div>{BODY}"
    )
    published = _published(page)
    assert published == dt.datetime(2021, 5, 6, 10, tzinfo=dt.timezone.utc)


@pytest.mark.parametrize(
    ("meta", "expected"),
    [
        # a date alone stays a date, in every zone the caller reads in
        ('<meta property="article:published_time" content="2021-05-06">', dt.date(2021, 5, 6)),
        # a date alone first, and a time of that same day in another source: the time
        (
            (
                '<meta name="date" content="2021-05-06">'
                '<script type="application/ld+json">{"@type": "NewsArticle",'
                ' "datePublished": "2021-05-06"}</script>'
                '<meta property="article:published_time" content="2021-05-06T10:00:00+02:00">'
            ),
            dt.datetime(2021, 5, 6, 10, tzinfo=dt.timezone(dt.timedelta(hours=2))),
        ),
    ],
)
def test_a_date_alone_is_not_midnight(meta: str, expected: dt.date) -> None:
    page = f"<title>T</title>{meta}<body><div><h1>Head</h1></div>{BODY}"
    for tz in ("UTC", "Asia/Almaty", "America/New_York"):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            published = nhtml.loads(page, tz=tz).published
        assert published == expected
        assert type(published) is type(expected)


def test_an_update_the_day_before_a_dated_publication_is_kept_aside() -> None:
    page = (
        '<title>T</title><meta property="article:published_time" content="2021-05-06">'
        '<meta property="article:modified_time" content="2021-05-05T10:00:00Z">'
        f"<body><div><h1>Head</h1></div>{BODY}"
    )
    article = nhtml.loads(page)
    assert (article.published, article.updated) == (dt.date(2021, 5, 6), None)
    assert ("html:dateModified", "2021-05-05T10:00:00+00:00") in article.extra
