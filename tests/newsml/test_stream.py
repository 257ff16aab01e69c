"""Streaming news messages: dump_message writes them, iter_articles reads them item by item."""

from __future__ import annotations

import io
from datetime import datetime, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from newsmodel import Article, LossyConversionWarning, ParseError, Section, WriteError, newsml
from strategies import articles_for

NAR = "http://iptc.org/std/nar/2006-10-01/"
NOW = datetime(2026, 11, 25, 12, 0, tzinfo=timezone.utc)


def message(items: list[Article], **options: object) -> bytes:
    buf = io.BytesIO()
    count = newsml.dump_message(
        items,
        buf,
        sender="example.kz",
        transmit_id="tx-1",
        sent=NOW,
        now=NOW,
        **options,  # type: ignore[arg-type]
    )
    assert count == len(items)
    return buf.getvalue()


@settings(max_examples=25)
@given(st.lists(articles_for("newsml"), min_size=1, max_size=4), st.booleans())
def test_message_round_trip_and_schema(items: list[Article], pretty: bool) -> None:  # noqa: FBT001
    data = message(items, indent=2 if pretty else None)
    assert newsml.validate(data) == []
    assert list(newsml.iter_articles(io.BytesIO(data))) == items


def test_header() -> None:
    root = etree.fromstring(message([Article(headline="Т")]))
    ns = {"n": NAR}
    assert root.xpath("string(n:header/n:sent)", namespaces=ns) == "2026-11-25T12:00:00+00:00"
    assert root.xpath("string(n:header/n:sender)", namespaces=ns) == "example.kz"
    assert root.xpath("string(n:header/n:transmitId)", namespaces=ns) == "tx-1"


def test_dump_message_consumes_a_generator_once() -> None:
    def generate():
        for i in range(5):
            yield Article(headline=f"Новость {i}")

    buf = io.BytesIO()
    n = newsml.dump_message(generate(), buf, sender="s", transmit_id="t", sent=NOW, now=NOW)
    assert n == 5
    assert [a.headline for a in newsml.iter_articles(io.BytesIO(buf.getvalue()))] == [
        f"Новость {i}" for i in range(5)
    ]


def test_a_bare_news_item_streams_as_one_article() -> None:
    article = Article(headline="Т")
    assert list(newsml.iter_articles(io.BytesIO(newsml.dumps(article, now=NOW)))) == [article]


def test_other_items_are_skipped_with_a_warning() -> None:
    text = newsml.dumps(Article(headline="Текст"), now=NOW).split(b"?>", 1)[1]
    picture = (
        b'<newsItem guid="p" version="1"><itemMeta><itemClass qcode="ninat:picture"/>'
        b"</itemMeta></newsItem>"
    )
    package = b'<packageItem guid="k" version="1"/>'
    data = (
        b'<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"><itemSet>'
        + picture
        + text
        + package
        + b"</itemSet></newsMessage>"
    )
    with pytest.warns(LossyConversionWarning) as caught:
        result = list(newsml.iter_articles(io.BytesIO(data)))
    assert [a.headline for a in result] == ["Текст"]
    messages = " ".join(str(w.message) for w in caught)
    assert "a picture" in messages
    assert "a package item" in messages


def test_malformed_stream_raises_parse_error_with_position() -> None:
    data = message([Article(headline="Т")])[:-40]
    with pytest.raises(ParseError) as info:
        list(newsml.iter_articles(io.BytesIO(data)))
    assert info.value.line is not None


def test_doctype_in_stream_is_refused() -> None:
    data = (
        b'<?xml version="1.0"?><!DOCTYPE newsMessage [<!ENTITY x "y">]>'
        b'<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"><itemSet>'
        b'<newsItem guid="a" version="1"><contentMeta><headline>&x;</headline></contentMeta>'
        b"</newsItem></itemSet></newsMessage>"
    )
    with pytest.raises(ParseError, match="DOCTYPE"):
        list(newsml.iter_articles(io.BytesIO(data)))


def test_wrong_root_in_stream() -> None:
    with pytest.raises(ParseError, match="not"):
        list(newsml.iter_articles(io.BytesIO(b"<html><body><p>x</p></body></html>")))


def test_items_are_dropped_as_they_are_read() -> None:
    items = [Article(headline=f"Новость {i}") for i in range(50)]
    stream = newsml.iter_articles(io.BytesIO(message(items)))
    for _ in range(10):
        next(stream)
        # Of what lxml has parsed so far, nothing before the current item is left but the
        # previous item, cleared (the parser reads ahead in chunks, so later items may exist).
        el = stream.gi_frame.f_locals["el"]  # type: ignore[attr-defined]
        before = el.getparent().index(el)
        assert before <= 1
        assert all(len(prev) == 0 for prev in el.getparent()[:before])
    stream.close()


def test_an_empty_message_cannot_be_written() -> None:
    with pytest.raises(WriteError, match="at least one item"):
        newsml.dump_message([], io.BytesIO(), sender="s", transmit_id="t")


# --- constant memory whatever stands outside items ------------------------------------------


def _junk_message(junk: str, items: int = 3, *, header_junk: str = "") -> bytes:
    item = (
        f'<newsItem guid="urn:x:{{i}}"><contentMeta><headline>Новость {{i}}</headline>'
        f"</contentMeta></newsItem>{junk}"
    )
    body = "".join(item.format(i=i) for i in range(items))
    return (
        f'<newsMessage xmlns="{NAR}"><header><sent>2026-11-25T12:00:00Z</sent>{header_junk}'
        f"</header><itemSet>{body}</itemSet></newsMessage>"
    ).encode()


def _tree_sizes(monkeypatch, data: bytes, **options: object) -> list[int]:
    """How many elements the parser's tree holds each time an item is read."""
    from newsmodel.newsml import _stream  # noqa: PLC0415

    sizes: list[int] = []
    read = _stream.read_item

    def counting(el, opts):
        sizes.append(sum(1 for _ in el.getroottree().getroot().iter()))
        return read(el, opts)

    monkeypatch.setattr(_stream, "read_item", counting)
    articles = list(newsml.iter_articles(io.BytesIO(data), **options))  # type: ignore[arg-type]
    assert [a.headline for a in articles] == [f"Новость {i}" for i in range(len(sizes))]
    return sizes


def test_junk_in_the_header_is_dropped_as_it_is_read(monkeypatch) -> None:
    small = _tree_sizes(monkeypatch, _junk_message("", header_junk="<x><y/></x>" * 10))
    large = _tree_sizes(monkeypatch, _junk_message("", header_junk="<x><y/></x>" * 10_000))
    assert max(large) == max(small) < 20


def test_junk_after_each_item_is_dropped_as_it_is_read(monkeypatch) -> None:
    from newsmodel.newsml._stream import _CHUNK  # noqa: PLC0415

    unit = "<junk>t</junk>tail"
    # at most what one piece fed to the parser holds is in the tree beyond the item
    bound = _CHUNK // len(unit) + 20
    assert max(_tree_sizes(monkeypatch, _junk_message(unit * 5_000, items=4))) < bound
    assert max(_tree_sizes(monkeypatch, _junk_message(unit * 50_000, items=4))) < bound


def test_what_stands_outside_items_is_held_to_max_bytes() -> None:
    one_big = _junk_message("", header_junk=f"<x>{'ж' * 200_000}</x>")
    with pytest.raises(ParseError, match="outside the items is over the limit of max_bytes"):
        list(newsml.iter_articles(io.BytesIO(one_big), max_bytes=100_000))
    many_small = _junk_message("", header_junk="<x>ж</x>" * 50_000)  # 500 KB, dropped as read
    assert len(list(newsml.iter_articles(io.BytesIO(many_small), max_bytes=100_000))) == 3


def test_an_item_is_held_to_max_bytes() -> None:
    data = message([Article(headline="Т", sections=[Section(blocks=["абзац " * 50_000])])])
    with pytest.raises(ParseError, match="an item is over the limit of max_bytes=100000"):
        list(newsml.iter_articles(io.BytesIO(data), max_bytes=100_000))
    assert len(list(newsml.iter_articles(io.BytesIO(data)))) == 1


def test_text_between_junk_is_dropped_too() -> None:
    data = _junk_message("", header_junk="<x/>" + "текст" * 30_000)
    with pytest.raises(ParseError, match="max_bytes"):
        list(newsml.iter_articles(io.BytesIO(data), max_bytes=100_000))
