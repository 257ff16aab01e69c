"""The feed reader's cost grows linearly with hostile input (CPU time of n against 2n)."""

from __future__ import annotations

import warnings

import pytest

from cputime import assert_linear
from newsmodel import LossyConversionWarning, ParseError, feed
from newsmodel.feed._reader import MAX_CATEGORIES


def _read(data: object) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", LossyConversionWarning)
        feed.loads(data)  # type: ignore[arg-type]


def _rss(items: str) -> bytes:
    return (
        '<?xml version="1.0"?><rss version="2.0"'
        ' xmlns:content="http://purl.org/rss/1.0/modules/content/"'
        ' xmlns:media="http://search.yahoo.com/mrss/"><channel><title>S</title>'
        f"{items}</channel></rss>"
    ).encode()


def test_many_entries() -> None:
    item = (
        "<item><title>T{0}</title><link>https://s.kz/{0}</link><description>D</description></item>"
    )
    assert_linear(lambda n: _rss("".join(item.format(i) for i in range(n))), _read, 400)


def test_many_categories_across_entries() -> None:
    # Within one entry feedparser's cost is quadratic: MAX_CATEGORIES bounds it (next test).
    def build(n: int) -> bytes:
        cats = "".join(f"<category>c{i}</category>" for i in range(10))
        return _rss(f"<item><title>T</title>{cats}</item>" * n)

    assert_linear(build, _read, 300)


def test_too_many_categories_are_refused_before_parsing() -> None:
    cats = "<category>c</category>" * (MAX_CATEGORIES + 1)
    with pytest.raises(ParseError, match="categories"):
        feed.loads(_rss(f"<item><title>T</title>{cats}</item>"))
    keywords = ",".join(["k"] * (MAX_CATEGORIES + 1))
    with pytest.raises(ParseError, match="categories"):
        feed.loads(
            _rss(f"<item><title>T</title><media:keywords>{keywords}</media:keywords></item>")
        )


def test_many_enclosures_in_one_entry() -> None:
    def build(n: int) -> bytes:
        parts = "".join(
            f'<enclosure url="https://s.kz/{i}.jpg" type="image/jpeg" length="0"/>'
            for i in range(n)
        )
        return _rss(f"<item><title>T</title>{parts}</item>")

    assert_linear(build, _read, 5_000)


def test_many_paragraphs_in_the_full_text() -> None:
    def build(n: int) -> bytes:
        body = "<p>Абзац текста <b>жирный</b></p>" * n
        return _rss(
            f"<item><title>T</title><content:encoded><![CDATA[{body}]]></content:encoded></item>"
        )

    assert_linear(build, _read, 2_000)


def test_malformed_feed_read_loosely() -> None:
    # not well-formed: feedparser falls back to its loose parser
    def build(n: int) -> bytes:
        return _rss("<item><title>T & x<b></title><description>a<c" * n)

    assert_linear(build, _read, 1_000)
