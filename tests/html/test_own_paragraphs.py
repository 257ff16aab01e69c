"""Paragraphs of simple shape on a page newsmodel wrote are built directly, to the same article.

Each page is read three ways: as ``loads`` reads it (the direct path, simple paragraphs built
directly), by the direct path with every paragraph taken the general way, and by the general
reader; all three must give the same article (or error) and the same warnings.
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import TYPE_CHECKING
from unittest.mock import patch

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsmodel import Article, Emphasis, Link, Paragraph, Section, Strong, html
from newsmodel.html import _ownbody
from newsmodel.html._ownbody import OwnBody
from ownpage import Outcome, outcome

if TYPE_CHECKING:
    from collections.abc import Iterator

_BUILD = _ownbody.clean_paragraph
_MARK = "<p>МЕТКА</p>"


@contextmanager
def _counting() -> Iterator[list[int]]:
    """Count the paragraphs the own page's direct path builds while the block runs."""
    built = [0]

    def build(content: tuple[object, ...]) -> Paragraph:
        built[0] += 1
        return _BUILD(content)  # type: ignore[arg-type]

    with patch.object(_ownbody, "clean_paragraph", build):
        yield built


def _none(*_: object) -> None:
    return None


def read_three(page: str, url: str | None = None) -> tuple[Outcome, Outcome, Outcome, int]:
    """Direct, direct without simple paragraphs, general; and how many were built directly."""
    with _counting() as built:
        direct = outcome(page, url, direct=True)
    with patch.object(OwnBody, "simple_run", _none):
        walked = outcome(page, url, direct=True)
    general = outcome(page, url, direct=False)
    return direct, walked, general, built[0]


def page_with(body: str) -> str:
    """A page newsmodel wrote whose one section holds ``body`` under a heading."""
    article = Article(headline="Заголовок", sections=[Section(heading="Раздел", blocks=["МЕТКА"])])
    page = html.dumps(article)
    assert page.count(_MARK) == 1
    return page.replace(_MARK, body)


def test_a_typical_paragraph_is_built_directly() -> None:
    paragraph = Paragraph(
        [
            "Абзац: правительство сообщило о ",
            Emphasis("новых мерах"),
            " и ",
            Strong(["ценах ", Emphasis("на хлеб")]),
            ", подробности на ",
            Link("https://example.kz/news/1", "сайте"),
            ".",
        ]
    )
    article = Article(headline="Заголовок", sections=[Section(blocks=[paragraph] * 3)])
    direct, walked, general, built = read_three(html.dumps(article))
    assert built == 3
    assert direct == walked == general
    assert direct[0] == article


#: Paragraphs built directly.
DIRECT = [
    "<p>Текст.</p>",
    "<p>a <em>b</em> c</p>",
    "<p><em>b</em></p>",
    "<p>a<strong>b</strong><em>c</em></p>",
    '<p>a <a href="https://example.kz/x">b <em>c</em></a> d</p>',
    '<p><a href="/news/2">b</a>.</p>',  # resolved against the page's URL, when given
    '<p><a href="news/2?a=1#b">b</a></p>',
    '<p><a href=" https://example.kz/x ">b</a></p>',  # the href is trimmed
    '<p><a href="HTTPS://EXAMPLE.KZ/">b</a></p>',
    '<p><a href="mailto:desk@example.kz">b</a></p>',
    "<p>25\u00a0ноября</p>",  # a lone no-break space is kept
    "<p>\u00a0</p>",  # even alone, as the model keeps it
    "<p>a <em>b <strong>c</strong></em> d</p>",
    "<p>a <em><strong>b</strong></em></p>",
    "<p>Ёлка 🇰🇿 &amp; &lt;</p>",
    '<p>a <a href="https://example.kz/1">b <a href="https://example.kz/2">c</a></a></p>',
]

#: Paragraphs that take the general path.
GENERAL = [
    "<p> a</p>",  # a space at the start
    "<p>a </p>",  # at the end
    "<p>a  b</p>",  # two spaces
    "<p>a\n b\tc</p>",  # other whitespace
    "<p>a <em> b</em></p>",  # a space after a space, across markup
    "<p>a<em>b </em> c</p>",
    "<p><em>b</em> </p>",
    "<p>a\u00a0\u00a0b</p>",  # a run of no-break spaces
    "<p>Е\u0308лка</p>",  # not NFC
    "<p>a\u200bb\u00adc</p>",  # invisible characters
    "<p>a\u0085b</p>",  # a C1 control
    "<p>a<em></em> b</p>",  # empty markup
    '<p>a <a href="https://example.kz/"></a></p>',  # an empty link stays
    '<p><a href="https://example.kz/" title="Заголовок ссылки">b</a></p>',
    '<p><a href="javascript:alert(1)">b</a></p>',  # refused: the page is not read directly
    '<p><a href=" ">b</a></p>',
    '<p><a href="https://example.kz/a b">b</a></p>',
    "<p><a>b</a></p>",
    '<p><a href="https://example.kz/" class="x">b</a></p>',
    '<p><em id="x">b</em></p>',
    "<p>a<br>b</p>",
    '<p>a <span class="link" data-href="https://example.kz/">b</span></p>',
    "<p>a <i>b</i> <b>c</b></p>",
    "<p>a <u>b</u></p>",
    "<p>   </p>",
    "<p>" + "<em>" * 40 + "глубоко" + "</em>" * 40 + "</p>",
]


@pytest.mark.parametrize("url", [None, "https://example.kz/news/1"], ids=["no-url", "url"])
@pytest.mark.parametrize("body", DIRECT)
def test_direct_paragraphs_read_the_same_three_ways(body: str, url: str | None) -> None:
    direct, walked, general, built = read_three(page_with(body), url)
    assert built == 1
    assert direct == walked == general


@pytest.mark.parametrize("url", [None, "https://example.kz/news/1"], ids=["no-url", "url"])
@pytest.mark.parametrize("body", GENERAL)
def test_other_paragraphs_read_the_same_three_ways(body: str, url: str | None) -> None:
    direct, walked, general, built = read_three(page_with(body), url)
    assert built == 0
    assert direct == walked == general


def test_list_items_and_quotes_are_built_directly() -> None:
    body = "<ul><li>a <em>b</em></li><li>c</li></ul><blockquote><p>d</p></blockquote>"
    direct, walked, general, built = read_three(page_with(body))
    assert built == 3
    assert direct == walked == general


# --- generated markup ------------------------------------------------------------------------

_TEXT = st.text("аб zЁ" + "  " + "\u00a0\t\n\u0308\u200b", max_size=5).map(
    lambda t: t.replace("&", "&amp;")
)
_OPEN = [
    "em",
    "strong",
    "i",
    'a href="https://example.kz/a"',
    'a href="/n"',
    'a href="javascript:x"',
    'a href=" "',
    "a",
    'a href="/t" title="t"',
    'em class="x"',
    "span",
]
_LEAVES = st.one_of(_TEXT, _TEXT, st.sampled_from(["<br>", "<em></em>", "<strong></strong>"]))


def _wrapped(inner: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    def wrap(tag: str, parts: list[str]) -> str:
        return f"<{tag}>{''.join(parts)}</{tag.split(maxsplit=1)[0]}>"

    return st.builds(wrap, st.sampled_from(_OPEN), st.lists(inner, max_size=3))


_INLINE = st.recursive(_LEAVES, _wrapped, max_leaves=8)
_PARAGRAPHS = st.lists(_INLINE, min_size=1, max_size=4).map(
    lambda parts: f"<p>{''.join(parts)}</p>"
)


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(_PARAGRAPHS, min_size=1, max_size=4),
    st.sampled_from([None, "https://example.kz/news/1"]),
)
def test_generated_paragraphs_read_the_same_three_ways(
    paragraphs: list[str], url: str | None
) -> None:
    direct, walked, general, _ = read_three(page_with("".join(paragraphs)), url)
    assert direct == walked == general
