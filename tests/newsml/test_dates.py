"""NewsML-G2 timestamps: one ISO 8601 reader, offsets of any precision, the writers' form."""

from __future__ import annotations

import warnings
from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsmodel import Article, LossyConversionWarning, newsml
from newsmodel.dates import parse_iso
from newsmodel.newsml._collect import isoformat_datetime as _isoformat_datetime
from newsmodel.newsml._writer import _dt

HEAD = b'<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/"><itemMeta>'
TAIL = b"</itemMeta><contentMeta><headline>H</headline></contentMeta></newsItem>"


def read_stamp(stamp: str) -> tuple[Article, list[str]]:
    data = HEAD + f"<versionCreated>{stamp}</versionCreated>".encode() + TAIL
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        article = newsml.loads(data)
    return article, [str(w.message) for w in caught]


offsets = st.one_of(
    st.integers(-23 * 60, 23 * 60).map(lambda m: timezone(timedelta(minutes=m))),
    st.integers(-86399, 86399).map(lambda s: timezone(timedelta(seconds=s))),
    st.just(timezone.utc),
)
aware = st.builds(
    lambda naive, tz: naive.replace(tzinfo=tz),
    st.datetimes(datetime(1800, 1, 2), datetime(9998, 12, 30)),  # noqa: DTZ001 - naive bounds
    offsets,
)


@settings(max_examples=300)
@given(aware)
def test_the_quick_path_agrees_with_parse_iso_on_what_writers_write(value: datetime) -> None:
    for text in (_dt(value), value.isoformat(timespec="seconds"), value.isoformat()):
        quick = _isoformat_datetime(text)
        if quick is not None:
            full = parse_iso(text)
            assert full == quick
            assert full is not None
            assert full.utcoffset() == quick.utcoffset()


@settings(max_examples=200)
@given(aware)
def test_any_offset_round_trips_and_validates(value: datetime) -> None:
    article = Article(headline="H", published=value)
    data = newsml.dumps(article)
    assert newsml.validate(data) == []
    assert newsml.loads(data).published == value


def test_offset_with_seconds_round_trips_exactly() -> None:
    # Asia/Almaty before 1924, as isoformat() writes it: +05:07:48
    almaty_lmt = timezone(timedelta(hours=5, minutes=7, seconds=48))
    when = datetime(1920, 3, 1, 9, 30, tzinfo=almaty_lmt)
    article = Article(headline="H", published=when, updated=when + timedelta(hours=1))
    data = newsml.dumps(article)
    assert newsml.validate(data) == []
    assert b"+05:07:48" not in data  # xs:dateTime has no seconds in an offset
    back = newsml.loads(data)
    assert back == article
    assert back.published == when


@pytest.mark.parametrize(
    ("stamp", "expected"),
    [
        (
            "1920-03-01T09:30:00+05:07:48",
            datetime(1920, 3, 1, 9, 30, tzinfo=timezone(timedelta(seconds=18468))),
        ),
        ("20261125T090500Z", datetime(2026, 11, 25, 9, 5, tzinfo=timezone.utc)),
        (
            "2026-11-25T09:05:00.123456789+01",
            datetime(2026, 11, 25, 9, 5, 0, 123456, tzinfo=timezone(timedelta(hours=1))),
        ),
        (
            " 2026-11-25T09:05:00+0530 ",
            datetime(2026, 11, 25, 9, 5, tzinfo=timezone(timedelta(hours=5, minutes=30))),
        ),
        ("2026-11-25", datetime(2026, 11, 25, tzinfo=timezone.utc)),
    ],
)
def test_forms_other_writers_use_are_read(stamp: str, expected: datetime) -> None:
    article, _ = read_stamp(stamp)
    assert article.published == expected
    assert article.published is not None
    assert article.published.utcoffset() == expected.utcoffset()


@pytest.mark.parametrize(
    "stamp", ["2026-11-25T09:05:00+24:00", "2026-02-30T10:00:00Z", "next tuesday"]
)
def test_impossible_timestamps_are_kept_in_extra_with_a_note(stamp: str) -> None:
    article, messages = read_stamp(stamp)
    assert article.published is None
    assert ("newsml:versionCreated", stamp) in article.extra
    assert any("versionCreated" in m and "kept in extra" in m for m in messages)


def test_no_offset_follows_the_documented_rule_with_a_warning() -> None:
    article, messages = read_stamp("2026-11-25T10:00:00")
    assert article.published == datetime(2026, 11, 25, 10, 0, tzinfo=timezone.utc)
    assert any("no UTC offset" in m for m in messages)
    assert all(issubclass(LossyConversionWarning, Warning) for _ in messages)
