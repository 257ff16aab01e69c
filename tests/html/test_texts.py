"""Texts measures each element's text as lxml and the reader's rules would, read once."""

from __future__ import annotations

from html import unescape

import lxml.html
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from newsmodel._textrules import scrub
from newsmodel.html._texts import Texts, solid_length, squash, text_of
from newsmodel.html._values import _ENTITY, clean

_PIECES = [
    "",
    " ",
    "a",
    "b,c",
    " x y ",
    "\u00a0",
    "\n\t",
    "，",
    "зз ",
    "e\u0301",
    "\u200b",
    " a\u00a0b ",
]
_OPEN = ["<span>", "<a>", "<b class='x'>", "<i id='y'>"]


@st.composite
def trees(draw: st.DrawFn) -> lxml.html.HtmlElement:
    markup, depth = "<div>", 0
    for _ in range(draw(st.integers(1, 15))):
        step = draw(st.integers(0, 3))
        if step == 0:
            markup += draw(st.sampled_from(_OPEN)) + draw(st.sampled_from(_PIECES))
            depth += 1
        elif step == 1 and depth:
            markup += "</span>" + draw(st.sampled_from(_PIECES))
            depth -= 1
        elif step == 2:
            markup += "<a>" + draw(st.sampled_from(_PIECES)) + "</a><br>"
        else:
            markup += draw(st.sampled_from(_PIECES))
    return lxml.html.fragment_fromstring(markup + "</span>" * depth + "</div>")


@given(trees(), st.sampled_from([0, 1, 2, 3, 5, 10]))
def test_short_text_is_the_text_when_short(root: lxml.html.HtmlElement, longest: int) -> None:
    texts = Texts(root)
    for element in root.iter():
        expected = text_of(element)
        assert texts.short(element, longest) == (expected if len(expected) <= longest else None)


@given(trees())
def test_lengths_and_spaced_are_those_of_the_whole_text(root: lxml.html.HtmlElement) -> None:
    texts = Texts(root)
    for element in root.iter():
        whole = element.text_content()
        links = sum(solid_length(a) for a in element.iter("a"))
        assert texts.lengths(element) == (solid_length(element), links)
        assert solid_length(element) == sum(len(t) for t in element.itertext() if t.strip())
        spaced = " ".join(whole.split())
        expected = (len(spaced), spaced.count(",") + spaced.count("，"))
        assert texts.spaced(element) == expected
        assert Texts(root).spaced(element, ("span", "b")) == expected


def _within_is_length_when_short(
    texts: Texts, element: lxml.html.HtmlElement, longest: int
) -> None:
    length, got = solid_length(element), texts.solid_within(element, longest)
    assert got == length if length <= longest else got > longest


@given(trees(), st.sampled_from([0, 1, 2, 3, 5, 10]))
def test_solid_within_is_the_length_when_short(root: lxml.html.HtmlElement, longest: int) -> None:
    texts = Texts(root)
    for element in [*root.iter(), *reversed(list(root.iter()))]:  # measured, then known
        _within_is_length_when_short(texts, element, longest)
        _within_is_length_when_short(texts, element, longest + 3)


def test_solid_within_reads_many_pieces_whole() -> None:
    # more pieces than are read before the text is measured whole, each short, some blank
    root = lxml.html.fragment_fromstring("<div>" + "<b>ab</b> " * 200 + "</div>")
    for longest in (0, 50, 399, 400, 401, 1000):
        _within_is_length_when_short(Texts(root), root, longest)


@given(trees())
def test_classed_is_the_scope_s_classed_elements(root: lxml.html.HtmlElement) -> None:
    texts = Texts(root)
    for element in root.iter():
        assert texts.classed(element) == element.xpath("descendant-or-self::*[@class or @id]")


def test_classed_ignores_what_stands_beside_the_root() -> None:
    root = etree.fromstring('<html><body><div class="byline">Имя</div></body></html>')
    root.addnext(etree.ProcessingInstruction("after"))
    texts = Texts(root)
    assert [e.get("class") for e in texts.classed(root[0])] == ["byline"]
    assert [e.get("class") for e in texts.classed(root)] == ["byline"]


_VALUES = st.lists(
    st.sampled_from([*"aб &;#x1 ", "\u00a0", "\u200b", "\x01", "e\u0301", "&amp;", "&#1;"])
).map("".join)


@given(_VALUES)
def test_clean_is_unescaped_scrubbed_and_collapsed_text(value: str) -> None:
    # Printable text without "&" is only collapsed; the rest takes every step.
    expected = squash(scrub(unescape(value) if _ENTITY.search(value) else value)) or None
    assert clean(value) == expected
