"""Complexity guards for the NITF and NewsML 1.2 readers: doubling a pathological document at
most ~2.5x the CPU.

Shapes: many sibling paragraphs, elements nested to the depth limit side by side, many
attributes, many character references, many distinct unknown elements, long runs of one
character, many keywords, subjects, bylines and meta elements in the head, and for NewsML 1.2
many news items, many components nested as deep as the parser allows, many content items and
many topics.
"""

from __future__ import annotations

import io
import warnings

import pytest

from attacks.generate import newsml12_doc, nitf_doc
from cputime import assert_linear
from newsmodel import LossyConversionWarning, newsml, nitf


def _nitf(data: object) -> None:
    assert isinstance(data, bytes)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", LossyConversionWarning)
        nitf.loads(data)


def _newsml12(data: object) -> None:
    assert isinstance(data, bytes)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", LossyConversionWarning)
        for _ in newsml.iter_articles(io.BytesIO(data)):
            pass


def _doc(body: str) -> bytes:
    return nitf_doc(body).encode()


def _head(markup: str) -> bytes:
    return nitf_doc().replace("<docdata>", f"<docdata>{markup}", 1).encode()


def _body_head(markup: str) -> bytes:
    return nitf_doc().replace("</hedline>", f"</hedline>{markup}", 1).encode()


NITF_SHAPES = {
    "many-sibling-paragraphs": (lambda n: _doc("<p>абзац</p>" * n), 3_000),
    "nesting-to-the-limit": (
        lambda n: _doc(("<block>" * 95 + "<p>а</p>" + "</block>" * 95) * n),
        100,
    ),
    "many-attributes": (
        lambda n: _doc("<p " + " ".join(f'a{i}="v"' for i in range(n)) + ">а</p>"),
        40_000,
    ),
    "many-character-references": (lambda n: _doc("<p>" + "&#1072;&amp;" * n + "</p>"), 200_000),
    "many-distinct-unknown-elements": (
        lambda n: _doc("<p>" + "".join(f"<u{i}>т</u{i}>" for i in range(n)) + "</p>"),
        5_000,
    ),
    "many-empty-inline-elements": (lambda n: _doc("<p>а" + "<em/>" * n + "</p>"), 20_000),
    "many-line-breaks": (lambda n: _doc("<p>а" + "<br/>" * n + "</p>"), 10_000),
    "long-run-of-one-character": (lambda n: _doc("<p>" + "\u00a0" * n + "а</p>"), 600_000),
    "long-run-of-spaces": (lambda n: _doc("<p>а" + " " * n + "а</p>"), 1_000_000),
    "many-lead-marks": (lambda n: _doc('<p class="lead">абзац</p>' * n), 4_000),
    "many-keywords": (
        lambda n: _head(
            "<key-list>" + "".join(f'<keyword key="тег{i}"/>' for i in range(n)) + "</key-list>"
        ),
        5_000,
    ),
    "many-meta-elements": (
        lambda n: (
            nitf_doc()
            .replace("<docdata>", "".join(f'<meta name="m{i}" content="v"/>' for i in range(n)), 1)
            .replace("<head>", "<head><docdata>", 1)
            .encode()
        ),
        10_000,
    ),
    "many-bylines": (
        lambda n: _body_head(
            "".join(f"<byline><person>Имя{i}</person></byline>" for i in range(n))
        ),
        1_500,
    ),
    "a-dateline-of-many-parts": (
        lambda n: _body_head("<dateline>" + "<location>Город</location>, " * n + "</dateline>"),
        6_000,
    ),
}


@pytest.mark.parametrize("shape", NITF_SHAPES)
def test_reading_a_nitf_document_is_linear(shape: str) -> None:
    build, n = NITF_SHAPES[shape]
    assert_linear(build, _nitf, n)


def _items(n: int) -> bytes:
    doc = newsml12_doc()
    start, end = doc.index("<NewsItem>"), doc.index("</NewsML>")
    return (doc[:start] + doc[start:end] * n + doc[end:]).encode()


def _components(markup: str) -> bytes:
    return newsml12_doc().replace("<NewsComponent>", f"<NewsComponent>{markup}", 1).encode()


def _nested_components(n: int) -> bytes:
    text = (
        '<NewsComponent><ContentItem><MediaType FormalName="Text"/>'
        "<DataContent>абзац</DataContent></ContentItem></NewsComponent>"
    )
    one = "<NewsComponent>" * 90 + text + "</NewsComponent>" * 90
    return _components(one * n)


NEWSML12_SHAPES = {
    "many-news-items": (_items, 150),
    "many-sibling-paragraphs": (lambda n: newsml12_doc("<p>абзац</p>" * n).encode(), 3_000),
    "components-nested-deep": (_nested_components, 30),
    "many-content-items": (
        lambda n: _components(
            '<ContentItem><MediaType FormalName="Text"/><DataContent>абзац</DataContent>'
            "</ContentItem>" * n
        ),
        1_000,
    ),
    "many-text-lines": (
        lambda n: _components(
            '<ContentItem><MediaType FormalName="Text"/><DataContent>'
            + "строка\n" * n
            + "</DataContent></ContentItem>"
        ),
        8_000,
    ),
    "many-topics": (
        lambda n: _components(
            "<TopicSet>"
            + "".join(
                f"<Topic><FormalName>t{i}</FormalName>"
                f'<Description Variant="Name" xml:lang="ru">тема {i}</Description></Topic>'
                for i in range(n)
            )
            + "</TopicSet>"
        ),
        3_000,
    ),
    "many-subject-codes": (
        lambda n: _components(
            "<DescriptiveMetadata><SubjectCode>"
            + "".join(f'<Subject FormalName="{10_000_000 + i}"/>' for i in range(n))
            + "</SubjectCode></DescriptiveMetadata>"
        ),
        5_000,
    ),
    "many-bylines": (
        lambda n: _components(
            "<NewsLines>" + "".join(f"<ByLine>Имя{i}</ByLine>" for i in range(n)) + "</NewsLines>"
        ),
        5_000,
    ),
}


@pytest.mark.parametrize("shape", NEWSML12_SHAPES)
def test_reading_a_newsml12_document_is_linear(shape: str) -> None:
    build, n = NEWSML12_SHAPES[shape]
    assert_linear(build, _newsml12, n)
