"""Complexity guards for the NewsML-G2 reader: doubling a pathological item at most ~2.5x the CPU.

Each shape is one that once cost more than linear time, or one that could: many siblings, deep
nesting (within the limits), many attributes, many distinct unknown elements (each reported once),
many refused links, long runs of one character, many empty inline elements, and junk around the
items of a streamed message.
"""

from __future__ import annotations

import io
import warnings

import pytest

from attacks.generate import newsml_item, newsml_message_with_junk
from cputime import assert_linear
from newsmodel import LossyConversionWarning, ParseError, newsml


def _read(data: object) -> None:
    assert isinstance(data, bytes)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", LossyConversionWarning)
        newsml.loads(data)


def _stream(data: object) -> None:
    assert isinstance(data, bytes)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", LossyConversionWarning)
        for _ in newsml.iter_articles(io.BytesIO(data)):
            pass


def _item(body: str = "<p>а</p>", meta: str = "") -> bytes:
    return newsml_item(body, meta=meta).encode()


def _inline_data(body: str) -> bytes:
    """An item whose body is HTML sent as text in ``inlineData`` (escaped), read as markup."""
    escaped = body.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    item = newsml_item()
    start = item.index("<contentSet>") + len("<contentSet>")
    end = item.index("</contentSet>")
    inline = f'<inlineData contenttype="text/html">{escaped}</inlineData>'
    return (item[:start] + inline + item[end:]).encode()


SHAPES = {
    "many-sibling-paragraphs": (lambda n: _item("<p>абзац</p>" * n), 10_000),
    # a paragraph of simple shape, built directly: many links and emphases in one
    "many-simple-inline-elements": (
        lambda n: _item(
            "<p>"
            + "".join(f'<a href="https://example.kz/{i}">т</a> и <em>с</em> ' for i in range(n))
            + "конец</p>"
        ),
        3_000,
    ),
    "deep-nesting-within-the-limit": (
        lambda n: _item(("<div>" * 90 + "<p>а</p>" + "</div>" * 90) * n),
        100,
    ),
    "many-attributes": (
        lambda n: _item("<p " + " ".join(f'a{i}="v"' for i in range(n)) + ">а</p>"),
        40_000,
    ),
    "many-distinct-unknown-body-elements": (
        lambda n: _item("".join(f"<u{i}>т</u{i}>" for i in range(n))),
        5_000,
    ),
    "many-distinct-unknown-metadata-elements": (
        lambda n: _item(meta="".join(f"<x:m{i} xmlns:x='urn:x'>т</x:m{i}>" for i in range(n))),
        5_000,
    ),
    "many-refused-links": (
        lambda n: _item(
            "<p>" + "".join(f'<a href="javascript:{i}">т</a>' for i in range(n)) + "</p>"
        ),
        5_000,
    ),
    "long-run-of-one-character": (lambda n: _item("<p>" + "\u00a0" * n + "а</p>"), 1_000_000),
    "long-run-of-spaces": (lambda n: _item("<p>а" + " " * n + "а</p>"), 1_000_000),
    "many-empty-inline-elements": (lambda n: _item("<p>а" + "<b/>" * n + "</p>"), 50_000),
    "many-empty-links": (lambda n: _item("<p>а" + "<a/>" * n + "</p>"), 50_000),
    "many-line-breaks": (lambda n: _item("<p>а" + "<br/>" * n + "</p>"), 20_000),
    "inline-data-html-many-paragraphs": (lambda n: _inline_data("<p>абзац</p>" * n), 10_000),
    "inline-data-html-deep-nesting-within-the-limit": (
        lambda n: _inline_data(("<div>" * 90 + "<p>а</p>" + "</div>" * 90) * n),
        100,
    ),
    "inline-data-html-unclosed-tags": (lambda n: _inline_data("<p>а<b>" * n), 5_000),
}


@pytest.mark.parametrize("shape", SHAPES)
def test_reading_an_item_is_linear(shape: str) -> None:
    build, n = SHAPES[shape]
    assert_linear(build, _read, n)


# Sizes that make one run take some tens of milliseconds; the junk after each item (three
# items) still spans many of the stream's 64 KiB chunks.
@pytest.mark.parametrize(
    ("header", "between", "n"),
    [(1, 0, 20_000), (0, 1, 10_000)],
    ids=["junk-in-the-header", "junk-after-each-item"],
)
def test_streaming_a_message_is_linear(header: int, between: int, n: int) -> None:
    assert_linear(lambda n: newsml_message_with_junk(header * n, between * n), _stream, n)


def test_a_refused_document_is_refused_in_linear_time() -> None:
    def build(n: int) -> bytes:
        return b"<!--" + b" " * n + b'-->\n<!DOCTYPE newsItem SYSTEM "x">' + _item()

    def refuse(data: object) -> None:
        with pytest.raises(ParseError, match="DOCTYPE"):
            _read(data)

    assert_linear(build, refuse, 2_000_000)
