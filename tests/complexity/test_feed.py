"""Complexity guards for the feed reader: doubling a hostile feed at most ~2.5x the CPU.

Shapes: many entries, many categories across entries (within one entry they are bounded), many
enclosures, media items, authors and Atom links in one entry, a full text of many paragraphs,
of markup nested as deep as the HTML reader allows, or of many lines of plain text, many
character references in a title, and a malformed feed read by feedparser's loose parser.
"""

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
        ' xmlns:media="http://search.yahoo.com/mrss/"'
        ' xmlns:yandex="http://news.yandex.ru"><channel><title>S</title>'
        f"{items}</channel></rss>"
    ).encode()


def _atom(entries: str) -> bytes:
    return (
        '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>S</title>'
        f"{entries}</feed>"
    ).encode()


def _entry(markup: str) -> bytes:
    return _rss(f"<item><title>T</title><link>https://s.kz/1</link>{markup}</item>")


def _full_text(html: str) -> bytes:
    return _entry(f"<content:encoded><![CDATA[{html}]]></content:encoded>")


SHAPES = {
    "many-media-items": (
        lambda n: _entry(
            "".join(f'<media:content url="https://s.kz/{i}.jpg" medium="image"/>' for i in range(n))
        ),
        1_000,
    ),
    "many-authors": (
        lambda n: _atom(
            "<entry><title>T</title><id>urn:x:1</id>"
            + "".join(f"<author><name>Имя{i} Фамилия{i}</name></author>" for i in range(n))
            + "</entry>"
        ),
        300,
    ),
    "many-atom-links": (
        lambda n: _atom(
            "<entry><title>T</title><id>urn:x:1</id>"
            + "".join(f'<link rel="related" href="https://s.kz/{i}"/>' for i in range(n))
            + "</entry>"
        ),
        1_000,
    ),
    "full-text-nested-to-the-limit": (
        lambda n: _full_text(("<div>" * 200 + "<p>Абзац.</p>" + "</div>" * 200) * n),
        20,
    ),
    "plain-full-text-of-many-lines": (
        lambda n: _entry(
            f"<yandex:full-text>{'строка текста' + chr(10) * 2 * n}</yandex:full-text>"
        ),
        5_000,
    ),
    "many-references-in-a-title": (
        lambda n: _rss(f"<item><title>{'&amp;&#1072;' * n}</title></item>"),
        10_000,
    ),
    "html-title-of-many-elements": (
        lambda n: _atom(
            f'<entry><id>urn:x:1</id><title type="html">{"&lt;b&gt;т&lt;/b&gt;" * n}</title>'
            "</entry>"
        ),
        3_000,
    ),
}


@pytest.mark.parametrize("shape", SHAPES)
def test_reading_a_feed_is_linear(shape: str) -> None:
    build, n = SHAPES[shape]
    assert_linear(build, _read, n)


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
