"""The direct JSON paths give exactly what the converter gives, and accept nothing it refuses."""

from __future__ import annotations

import json as stdjson
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings

from newsmodel import Article, ParseError, json
from newsmodel._jsonfast import SlowPath, from_dict, to_dict
from newsmodel.json import _converter
from strategies import articles

_SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_SETTINGS
@given(articles())
def test_to_dict_is_the_converters_value(article: Article) -> None:
    assert to_dict(article) == _converter().unstructure(article, Article)


@_SETTINGS
@given(articles())
def test_from_dict_builds_what_the_converter_builds(article: Article) -> None:
    data = stdjson.loads(json.dumps(article))
    assert from_dict(data) == _converter().structure(data, Article) == article


def test_a_subclass_takes_the_converter() -> None:
    @attrs.frozen(kw_only=True)
    class Story(Article):
        desk: str = "politics"

    with pytest.raises(SlowPath):
        to_dict(Story(headline="Т"))
    assert stdjson.loads(json.dumps(Story(headline="Т")))["desk"] == "politics"


def _mutations(data: dict[str, Any]) -> list[dict[str, Any]]:
    """Documents the converter refuses: each a shape that a model constructor would accept."""
    section = data["sections"][1]
    return [
        {**data, "subjects": ["medtop:04000000"]},  # a subject as a string
        {**data, "genres": ["genre:Interview"]},
        {**data, "extra": {"key": "value"}},  # extra as an object
        {**data, "subjects": [{"code": "medtop:04000000", "names": [["ru", "Политика"]]}]},
        {**data, "sections": [{**section, "blocks": ["a paragraph as a string"]}]},
        {**data, "sections": [{"blocks": [{"type": "quote", "paragraphs": ["text"]}]}]},
        {**data, "sections": [{"blocks": [{"type": "paragraph", "content": "text"}]}]},
        {**data, "sections": [{"blocks": [{"type": "list", "items": [{"content": ["a"]}]}]}]}
        | {"unknown": 1},
        {**data, "version": True},
        {**data, "published": 1},
        {**data, "rubrics": "Экономика"},
    ]


def test_what_the_converter_refuses_stays_refused() -> None:
    data = stdjson.loads(json.dumps(json.loads(_example())))
    for bad in _mutations(data):
        with pytest.raises(ParseError):
            json.loads(stdjson.dumps(bad))
        with pytest.raises(Exception):  # noqa: B017, PT011 - anything: the converter reports it
            from_dict(bad)


def _example() -> bytes:
    return (Path(__file__).parent.parent / "examples" / "article.json").read_bytes()
