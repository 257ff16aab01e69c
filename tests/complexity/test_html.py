"""The HTML reader's CPU time grows linearly with each pathological shape of page.

Each guard doubles one shape (tests/cputime.py); a reader that searched a list per item, or
read a subtree's text once per enclosing element, would take about 4x and fail.
"""

from __future__ import annotations

import json
import warnings
from datetime import timezone

import lxml.html
import pytest

from attacks.generate import html_page
from cputime import assert_linear
from newsmodel import Article, Emphasis, Link, Paragraph, Section, html
from newsmodel.html._main import sibling_run
from newsmodel.html._texts import Texts


def _read(data: object) -> None:
    assert isinstance(data, bytes)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        html.loads(data)


_LONG = "Достаточно длинный абзац статьи, с запятыми, чтобы его посчитали текстом статьи."


def _names(n: int) -> str:
    return ", ".join(f"Имя{i} Фамилия{i}" for i in range(n))


def _in_head(markup: str) -> bytes:
    return html_page("").replace(b"</head>", f"{markup}</head>".encode())


def _json_ld(n: int) -> bytes:
    article = {"@type": "NewsArticle", "headline": "Заголовок статьи"}
    article["author"] = {"@type": "Person", "name": _names(n)}
    return _in_head(f'<script type="application/ld+json">{json.dumps(article)}</script>')


def _nested(open_tag: str, close_tag: str, words: int) -> object:
    """``n`` elements nested in each other, each with its own text (n within the depth limit)."""
    text = "слово, " * words
    return lambda n: html_page((open_tag + text) * n + close_tag * n)


SHAPES = {
    "siblings": (lambda n: html_page("<p>Абзац статьи с некоторым текстом.</p>\n" * n), 5000),
    "deep nesting": (
        lambda n: html_page(
            ("<div>" * 240 + "<p>Глубоко вложенный абзац.</p>" + "</div>" * 240) * n
        ),
        10,
    ),
    "a long run of one character": (lambda n: html_page("<p>" + "а" * n + "</p>"), 500_000),
    "many attributes": (
        lambda n: html_page(("<p " + " ".join(f"a{i}" for i in range(900)) + ">т</p>") * n),
        10,
    ),
    "many authors in a meta tag": (
        lambda n: _in_head(f'<meta name="author" content="{_names(n)}">'),
        2000,
    ),
    "many authors in JSON-LD": (_json_ld, 2000),
    "many distinct unknown elements": (
        lambda n: html_page("<p>" + "".join(f"<x{i}>т</x{i}>" for i in range(n)) + "</p>"),
        5000,
    ),
    "many line breaks": (lambda n: html_page("<p>а" + "<br>" * n + "</p>"), 30_000),
    "many refused links": (
        lambda n: html_page(
            "<p>" + "".join(f'<a href="javascript:{i}">с</a> ' for i in range(n)) + "</p>"
        ),
        5000,
    ),
    "nested bylines": (_nested("<div class='byline'>", "</div>", 30), 110),
    "nested ledes": (_nested("<div class='lede'>", "</div>", 100), 110),
    "nested dates": (_nested("<div class='date'><time>", "</time></div>", 100), 55),
    "nested paragraphs for the main block": (_nested("<blockquote><p>", "</blockquote>", 100), 110),
    "nested articles": (_nested("<article>", "</article>", 100), 110),
    "nested blank articles": (
        lambda n: html_page(("<article>" + "<i> </i>\n" * 200) * n + "</article>" * n),
        110,
    ),
    "many pictures and players with sources": (
        lambda n: html_page(
            (
                "<figure><picture>"
                + "<source srcset='https://example.kz/a.webp 1x'>" * 3
                + "<img alt=''></picture><figcaption>Подпись</figcaption></figure>"
                "<video><source src='https://example.kz/v.mp4'></video><source src='x'>т</source>"
            )
            * n
        ),
        1000,
    ),
    "many figures of quotes and players": (
        lambda n: html_page(
            (
                "<figure><blockquote><p>Цитата, довольно длинная для абзаца статьи.</p>"
                "<figcaption><cite>Автор</cite></figcaption></blockquote>"
                "<figcaption>— Автор</figcaption></figure>"
                "<figure><iframe src='https://example.kz/v'></iframe><figcaption>Видео</figcaption></figure>"
            )
            * n
        ),
        1000,
    ),
    "many credit lines": (
        lambda n: html_page(
            "".join(f"<p>{_LONG}</p><p>Photo: Имя{i} Фамилия{i}</p>" for i in range(n))
        ),
        1000,
    ),
    "nested figures": (
        _nested("<figure><div>", "</div><figcaption>Подпись</figcaption></figure>", 30),
        55,
    ),
    "nested boxes of links": (_nested("<div><a href='/x'>ссылка</a> ", "</div>", 30), 110),
    "nested hidden ledes": (
        _nested("<div class='hidden'><div class='lede'>", "</div></div>", 30),
        55,
    ),
    "nested lists of linked headings": (
        _nested("<ul><li><h3><a href='/x'>ссылка</a></h3>", "</li></ul>", 30),
        55,
    ),
    "many paragraphs said twice": (
        lambda n: html_page("".join(f"<p>{_LONG} {i}</p><p>{_LONG}, {i}.</p>" for i in range(n))),
        1000,
    ),
    "many authors and byline lines": (
        lambda n: _in_head(f"<meta name='author' content='{_names(n)}'>").replace(
            b"<article>", ("<article>" + "<p>By Имя1 Фамилия1 и Имя2</p>" * 5).encode(), 1
        ),
        2000,
    ),
    "many short lines at the end": (
        lambda n: html_page(f"<p>{_LONG}</p>" * 3 + "<div>Метка</div>" * n),
        5000,
    ),
    "a description of many tags left open": (
        lambda n: _in_head(
            '<script type="application/ld+json">'
            + json.dumps({"@type": "NewsArticle", "description": "<b " * n})
            + "</script>"
        ),
        20_000,
    ),
    "many teasers typed as articles": (
        lambda n: html_page(
            "<div>" + "<div itemscope itemtype='https://schema.org/NewsArticle'><h2>Тизер</h2>"
            "<time itemprop='datePublished' datetime='2025-01-01'></time></div>"
            * n
            + "</div><h1>Заголовок</h1>"
        ),
        2000,
    ),
}


@pytest.mark.parametrize("shape", list(SHAPES))
def test_reading_grows_linearly(shape: str) -> None:
    build, n = SHAPES[shape]
    assert_linear(build, _read, n)  # type: ignore[arg-type]


def _cut_article(n: int) -> bytes:
    """An article cut into ``n`` blocks of one kind, an ad between each two."""
    part = f"<div class='part'><div class='text'><p>{_LONG}</p><p>{_LONG}</p></div></div>"
    return html_page("<div class='wrap'>" + (part + "<div class='ad'>Реклама</div>") * n + "</div>")


def _find_run(data: object) -> None:
    assert isinstance(data, bytes)
    root = lxml.html.document_fromstring(data)
    main = root.find(".//div[@class='text']")
    assert main is not None
    run = sibling_run(main, Texts(root))
    assert run is not None  # the shape is the one the rule is about


def test_finding_the_blocks_of_a_cut_article_grows_linearly() -> None:
    # each block of the run is weighed once, and searched once for the wrappers in it
    assert_linear(_cut_article, _find_run, 2000)


def _own_page(paragraphs: int, links: int) -> bytes:
    """A page newsmodel wrote (the direct path): ``paragraphs`` paragraphs of ``links`` links."""
    content: list[object] = []
    for i in range(links):
        content += [Link(f"https://example.kz/{i}", f"ссылка {i}"), " и ", Emphasis("слово"), " "]
    blocks = [Paragraph([f"Абзац {i}. ", *content, "конец."]) for i in range(paragraphs)]
    page = html.dumps(Article(headline="Заголовок", sections=[Section(blocks=blocks)]))
    return page.encode() if isinstance(page, str) else page


# The direct path over newsmodel's own markup, its worst shapes: many paragraphs, and one
# paragraph of many links and emphases (each built directly).
OWN_SHAPES = {
    "many paragraphs": (lambda n: _own_page(n, 1), 500),
    "one paragraph of many links": (lambda n: _own_page(1, n), 1000),
}


@pytest.mark.parametrize("shape", list(OWN_SHAPES))
def test_reading_its_own_pages_grows_linearly(shape: str) -> None:
    build, n = OWN_SHAPES[shape]
    assert _direct(build(n)), "the page must take the direct path"
    assert_linear(build, _read, n)  # type: ignore[arg-type]


def _direct(data: bytes) -> bool:
    from newsmodel._limits import MAX_BYTES  # noqa: PLC0415
    from newsmodel.html._own import read_own  # noqa: PLC0415 - white-box: the path taken
    from newsmodel.html._parse import parse_page  # noqa: PLC0415

    root, _ = parse_page(data, encoding=None, max_bytes=MAX_BYTES, max_tag_chars=1_000_000)
    return read_own(root, url=None, tz=timezone.utc) is not None
