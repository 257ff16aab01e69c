"""Paragraphs of simple shape are built directly: the article is the one the general walk gives.

Each test reads the same document twice, as the reader does and with the direct path turned
off, and expects the same article (or the same error) and the same warnings.
"""

from __future__ import annotations

import warnings
from contextlib import contextmanager
from datetime import datetime, timezone
from typing import TYPE_CHECKING
from unittest.mock import patch

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsmodel import Article, Emphasis, Link, Paragraph, ParseError, Section, Strong, newsml
from newsmodel.newsml._body import BodyReader
from strategies import articles_for

if TYPE_CHECKING:
    from collections.abc import Iterator

    from lxml import etree

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=timezone.utc)
_DIRECT = BodyReader.simple_paragraph

Outcome = tuple[object, list[tuple[type[Warning], str]]]


def _outcome(data: bytes, options: dict[str, object]) -> Outcome:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            result: object = newsml.loads(data, **options)  # type: ignore[arg-type]
        except ParseError as exc:
            result = ("ParseError", exc.message, exc.line)
    return result, [(w.category, str(w.message)) for w in caught]


@contextmanager
def _counting() -> Iterator[list[int]]:
    """Count the paragraphs the direct path builds while the block runs."""
    built = [0]

    def direct(self: BodyReader, el: etree._Element, levels: int) -> Paragraph | None:
        paragraph = _DIRECT(self, el, levels)
        built[0] += paragraph is not None
        return paragraph

    with patch.object(BodyReader, "simple_paragraph", direct):
        yield built


def _general(self: BodyReader, el: etree._Element, levels: int) -> None:  # noqa: ARG001
    return None


def read_both(data: bytes, **options: object) -> tuple[Outcome, Outcome, int]:
    """What the reader gives, what the general walk alone gives, and how many went direct."""
    with _counting() as built:
        direct = _outcome(data, options)
    with patch.object(BodyReader, "simple_paragraph", _general):
        general = _outcome(data, options)
    return direct, general, built[0]


_NS = 'xmlns="http://iptc.org/std/nar/2006-10-01/"'
_OWN = ' xmlns:nm="urn:newsmodel:newsml:1"'


def item(body: str, *, own: bool = False) -> bytes:
    """An item around an XHTML body; ``own`` declares newsmodel's namespace (no agency rules)."""
    return (
        f'<newsItem {_NS}{_OWN if own else ""} guid="urn:x:1" version="1">'
        '<itemMeta><itemClass qcode="ninat:text"/></itemMeta>'
        "<contentMeta><headline>Заголовок</headline></contentMeta>"
        '<contentSet><inlineXML contenttype="application/xhtml+xml">'
        f'<html xmlns="http://www.w3.org/1999/xhtml"><body>{body}</body></html>'
        "</inlineXML></contentSet></newsItem>"
    ).encode()


# --- articles newsmodel wrote ----------------------------------------------------------------


@settings(max_examples=80)
@given(articles_for("newsml"), st.sampled_from(["xhtml", "nitf"]))
def test_written_articles_read_the_same_both_ways(article: Article, body: str) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # NITF approximates some markup: compared below
        data = newsml.dumps(article, now=NOW, body=body)  # type: ignore[arg-type]
    direct, general, _ = read_both(data)
    assert direct == general
    if body == "xhtml":
        assert direct[0] == article


def test_a_typical_story_takes_the_direct_path_for_every_paragraph() -> None:
    text = "Абзац: правительство сообщило о "
    paragraph = Paragraph(
        [text, Emphasis("новых мерах"), " и ", Strong("ценах"), ", на ", Link("/n", "сайте"), "."]
    )
    article = Article(
        headline="Заголовок", sections=[Section(heading="Раздел", blocks=[paragraph])]
    )
    direct, general, built = read_both(newsml.dumps(article, now=NOW))
    assert built == 1
    assert direct == general
    assert direct[0] == article


# --- bodies of odd shapes --------------------------------------------------------------------

#: Bodies that the direct path builds (some of their paragraphs at least).
DIRECT = [
    "<p>Текст.</p>",
    "<p>a <em>b</em> c</p>",
    "<p><em>b</em></p>",
    "<p>a<b>b</b><i>c</i><strong>d</strong></p>",
    '<p>a <a href="https://example.kz/x">b <em>c</em></a> d</p>',
    '<p><a href=" https://example.kz/x ">b</a></p>',  # the href is trimmed
    '<p><a href="/news/1">b</a>.</p>',
    '<p><a href="mailto:desk@example.kz">b</a></p>',
    "<p>25\u00a0ноября</p>",  # a lone no-break space is kept
    "<p>a <em>b <strong>c</strong></em> d</p>",
    "<p>a<!-- comment -->b</p>",
    "<p>a<?pi x?>b</p>",
    "<p><![CDATA[a < b]]></p>",
    "<p>Ёлка 🇰🇿</p>",
]

#: Bodies that take the general path (each paragraph at least once), and what it does with them.
GENERAL = [
    "<p> a</p>",  # a space at the start
    "<p>a </p>",  # at the end
    "<p>a  b</p>",  # two spaces
    "<p>a\n b\tc</p>",  # other whitespace
    "<p>a <em> b</em></p>",  # a space after a space, across markup
    "<p>a<em>b </em> c</p>",
    "<p><em>b</em> </p>",
    "<p>a\u00a0\u00a0b</p>",  # a run of no-break spaces
    "<p>\u00a0</p>",
    "<p>Е\u0308лка</p>",  # not NFC
    "<p>a\u200bb\u00adc</p>",  # invisible characters
    "<p>a\u0085b\u0086c</p>",  # C1 controls
    "<p>a<em/>b</p>",  # empty markup
    "<p>a<em></em> b</p>",
    '<p>a <a href="https://example.kz/"></a></p>',  # an empty link stays
    '<p><em class="strong">b</em></p>',  # NITF's strong
    '<p><em class="x">b</em></p>',
    '<p><a href="https://example.kz/" title=" Заголовок  ссылки ">b</a></p>',
    '<p><a href="javascript:alert(1)">b</a></p>',  # refused, with a warning
    '<p><a href="https://exa mple.kz/">b</a></p>',
    "<p><a>b</a></p>",
    "<p>a<br/>b</p>",
    "<p>a <span>b</span> c</p>",
    '<p>a <x:em xmlns:x="urn:x">b</x:em></p>',  # any namespace reads as XHTML
    "<p>a <em>b</em><em>c</em></p>",
    '<p>a <img src="https://example.kz/i.jpg"/> b</p>',
    "<p>a <u>b</u> <q>c</q></p>",
    "<p>a <em>b<br/>c</em></p>",
    '<p class="byline">Автор: Анна Ким</p><p>Текст.</p>',
    '<p class="teaser">Лид.</p><p>Текст.</p>',
    "<p>Заголовок</p><p>Текст.</p>",  # the headline repeated at the top
    "<p>(Adds details)</p><p>By Jane Doe</p><p>Text.</p>",
    "<p>   </p>",
    "<p>a <p>b</p> c</p>",
]


@pytest.mark.parametrize("own", [False, True], ids=["agency", "own"])
@pytest.mark.parametrize("body", DIRECT)
def test_direct_bodies_read_the_same_both_ways(body: str, own: bool) -> None:  # noqa: FBT001
    direct, general, built = read_both(item(f"<section><h2>Р</h2>{body}</section>", own=own))
    assert built >= 1
    assert direct == general


@pytest.mark.parametrize("own", [False, True], ids=["agency", "own"])
@pytest.mark.parametrize("body", GENERAL)
def test_other_bodies_read_the_same_both_ways(body: str, own: bool) -> None:  # noqa: FBT001
    direct, general, _ = read_both(item(f"<section><h2>Р</h2>{body}</section>", own=own))
    assert direct == general


@pytest.mark.parametrize("max_depth", range(1, 12))
def test_nesting_is_held_to_max_depth_the_same_way(max_depth: int) -> None:
    body = (
        "<div><div><p>a <em>b <strong>c <a href='/x'>d <b>e</b></a></strong></em> f</p></div></div>"
    )
    direct, general, _ = read_both(item(body), max_depth=max_depth)
    assert direct == general


# --- generated markup ------------------------------------------------------------------------

_TEXT = st.text("аб zЁ" + "  " + "\u00a0\t\n\u0308\u200b\u0085", max_size=5)
_OPEN = [
    "em",
    "strong",
    "b",
    "i",
    'a href="https://example.kz/a"',
    'a href="javascript:x"',
    'a href=" /n "',
    "a",
    'a href="/t" title="t"',
    'em class="strong"',
    "span",
    'x:em xmlns:x="urn:x"',
]
_LEAVES = st.one_of(
    _TEXT,
    _TEXT,
    st.sampled_from(["<br/>", "<!--c-->", "<?pi x?>", "<![CDATA[ c ]]>", "<em/>", "<b></b>"]),
)


def _wrapped(inner: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    def wrap(tag: str, parts: list[str]) -> str:
        return f"<{tag}>{''.join(parts)}</{tag.split(maxsplit=1)[0]}>"

    return st.builds(wrap, st.sampled_from(_OPEN), st.lists(inner, max_size=3))


_INLINE = st.recursive(_LEAVES, _wrapped, max_leaves=8)
_PARAGRAPHS = st.lists(_INLINE, min_size=1, max_size=4).map(
    lambda parts: f"<p>{''.join(parts)}</p>"
)


@given(
    st.lists(_PARAGRAPHS, min_size=1, max_size=4),
    st.booleans(),
    st.sampled_from([3, 6, 100]),
)
def test_generated_paragraphs_read_the_same_both_ways(
    paragraphs: list[str],
    own: bool,  # noqa: FBT001
    max_depth: int,
) -> None:
    body = "<section><h2>Р</h2>" + "".join(paragraphs) + "</section>"
    direct, general, _ = read_both(item(body, own=own), max_depth=max_depth)
    assert direct == general
