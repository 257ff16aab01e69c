"""Complexity guards for the ninjs reader: doubling a pathological item at most ~2.5x the CPU.

Shapes: many items in an API response, arrays and objects nested to the depth limit side by
side, many subjects, authors, headlines, descriptions, alternative ids, renditions, associations
and embeds (each placed in the body), many properties the model has no field for, long text
bodies of many paragraphs or one long line, and long bylines of many names.
"""

from __future__ import annotations

import json
import warnings

import pytest

from attacks.generate import ninjs_item, ninjs_many_items, ninjs_many_subjects
from cputime import assert_linear
from newsmodel import Embed, LossyConversionWarning, Section, ninjs
from newsmodel.ninjs import MAX_DEPTH
from newsmodel.ninjs._embeds import place_embeds


def _read(data: object) -> None:
    assert isinstance(data, bytes)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", LossyConversionWarning)
        ninjs.loads(data)


def _iter(data: object) -> None:
    assert isinstance(data, bytes)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", LossyConversionWarning)
        for _ in ninjs.iter_articles(data):
            pass


def _item(**props: object) -> bytes:
    item: dict[str, object] = {"uri": "urn:x:1", "headlines": [{"role": "main", "value": "x"}]}
    item.update(props)
    return json.dumps(item, ensure_ascii=False).encode()


def _deep(n: int) -> bytes:
    # n properties, each arrays nested to the limit (the item and its property take two levels)
    value: object = []
    for _ in range(MAX_DEPTH - 3):
        value = [value]
    return _item(**{f"nested{i}": value for i in range(n)})


def _embeds(n: int) -> bytes:
    associations = [
        {
            "name": f"embed{i}",
            "uri": f"https://www.youtube.com/watch?v=v{i}",
            "altIds": [{"role": "embed:position", "value": "0.0"}],
        }
        for i in range(n)
    ]
    body = {"role": "main", "contentType": "text/html", "value": "<p>а</p>" * 10}
    return _item(bodies=[body], associations=associations)


SHAPES = {
    "many-subjects-in-no-known-scheme": (ninjs_many_subjects, 2_000),
    "many-subjects-with-codes": (
        lambda n: _item(
            subjects=[{"name": f"тема {i}", "uri": f"medtop:{i:08d}"} for i in range(n)]
        ),
        2_000,
    ),
    "arrays-nested-to-the-limit": (_deep, 100),
    "many-authors": (
        lambda n: _item(authors=[{"name": f"Имя{i} Фамилия{i}"} for i in range(n)]),
        4_000,
    ),
    "a-byline-of-many-names": (
        lambda n: _item(by="By " + ", ".join(f"Имя{i} Фамилия{i}" for i in range(n))),
        3_000,
    ),
    "many-headlines": (
        lambda n: _item(
            headlines=[{"role": "main" if i == 0 else "other", "value": f"х{i}"} for i in range(n)]
        ),
        3_000,
    ),
    "many-descriptions": (
        lambda n: _item(descriptions=[{"role": "teaser", "value": f"о{i}"} for i in range(n)]),
        3_000,
    ),
    "many-alternative-ids": (
        lambda n: _item(altIds=[{"role": f"r{i}", "value": f"v{i}"} for i in range(n)]),
        4_000,
    ),
    "many-renditions": (
        lambda n: _item(renditions=[{"href": f"https://e.kz/{i}"} for i in range(n)]),
        6_000,
    ),
    "many-associations": (
        lambda n: _item(associations=[{"name": f"a{i}", "uri": f"urn:a:{i}"} for i in range(n)]),
        3_000,
    ),
    "many-embeds-in-one-place": (_embeds, 500),
    "many-unknown-properties": (lambda n: _item(**{f"p{i}": f"v{i}" for i in range(n)}), 6_000),
    "a-text-body-of-many-paragraphs": (
        lambda n: _item(bodies=[{"contentType": "text/plain", "value": "абзац\n\n" * n}]),
        10_000,
    ),
    "a-text-body-of-one-long-line": (
        lambda n: _item(bodies=[{"contentType": "text/plain", "value": "а " * n}]),
        150_000,
    ),
    "a-text-body-of-blank-lines": (
        lambda n: _item(bodies=[{"contentType": "text/plain", "value": "а" + "\n \t" * n + "а"}]),
        15_000,
    ),
    "an-html-body-of-many-paragraphs": (lambda n: ninjs_item("<p>абзац</p>" * n), 5_000),
}


@pytest.mark.parametrize("shape", SHAPES)
def test_reading_an_item_is_linear(shape: str) -> None:
    build, n = SHAPES[shape]
    assert_linear(build, _read, n)


def test_reading_many_items_is_linear() -> None:
    assert_linear(ninjs_many_items, _iter, 200)


def test_placing_many_embeds_in_one_place_is_linear() -> None:
    # The reader's own cost of each embed hides this step's until the item is huge: guarded
    # apart, as it once inserted each embed into the list of blocks.
    embed = Embed("https://www.youtube.com/watch?v=dQw4w9WgXcQ")
    sections = [Section(blocks=["абзац"] * 10)]

    def place(placed: object) -> None:
        assert isinstance(placed, list)
        place_embeds(sections, placed)

    assert_linear(lambda n: [(0, 0, False, embed)] * n, place, 40_000)
