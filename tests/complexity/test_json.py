"""Complexity guards for JSON: many tags, many paragraphs, read and written back.

Doubling the input may at most ~2.5x the CPU time (see ``tests/cputime.py``).
"""

from __future__ import annotations

import pytest

from attacks.generate import json_many_paragraphs, json_many_tags
from cputime import assert_linear
from newsmodel import json

SHAPES = {
    "many-tags": (json_many_tags, 50_000),
    "many-paragraphs": (json_many_paragraphs, 5_000),
}


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_reading_is_linear(shape: str) -> None:
    build, n = SHAPES[shape]
    assert_linear(build, json.loads, n)  # type: ignore[arg-type]


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_writing_is_linear(shape: str) -> None:
    build, n = SHAPES[shape]
    assert_linear(lambda size: json.loads(build(size)), json.dumps, n)  # type: ignore[arg-type]
