"""The direct JSON paths give exactly what the converter gives, and accept nothing it refuses."""

from __future__ import annotations

import json as stdjson
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsmodel import Article, ParseError, json
from newsmodel._jsonfast import SlowPath, to_dict
from newsmodel._jsonread import from_dict
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


# Text runs that a paragraph keeps, trims, merges, collapses, changes or (rarely) refuses.
# The refused one ("\x00") is one draw in fifteen.
_RUNS = st.sampled_from(
    [
        *"аб",
        "",
        " ",
        " а",
        "а ",
        " а ",
        "а  б",
        "б в",
        "\u00a0",
        "а\u00a0б",
        "б\n",
        "е\u0301",
        "\x00",
    ]
)
_HREFS = st.sampled_from(
    ["https://example.kz/", " https://example.kz/a ", "/a", "mailto:a@b.kz", 1]
)
_ODD = st.sampled_from([{"type": "break"}] * 6 + [{"type": "break", "x": 1}, {"type": "x"}])


def _json_inlines(depth: int) -> st.SearchStrategy[list[Any]]:
    """JSON arrays of inline content, as a document may hold them (not only as written)."""
    leaf = _RUNS | _ODD
    if depth:
        inner = _json_inlines(depth - 1)
        mark = st.sampled_from(["emphasis", "strong"])
        leaf |= st.fixed_dictionaries({"type": mark, "content": inner})
        leaf |= st.fixed_dictionaries({"type": mark, "content": _RUNS})
        leaf |= st.fixed_dictionaries(
            {"type": st.just("link"), "href": _HREFS},
            optional={"content": inner, "title": st.none() | _RUNS},
        )
    return st.lists(leaf, max_size=4)


def _outcome(read: Any, data: dict[str, Any]) -> object:
    try:
        return read(data)
    except Exception:  # noqa: BLE001 - refused, by whatever error
        return "refused"


@settings(_SETTINGS, max_examples=200)
@given(_json_inlines(2))
def test_any_paragraph_builds_what_the_converter_builds_or_takes_the_converter(
    content: list[Any],
) -> None:
    blocks = [
        {"type": "paragraph", "content": content},
        {"type": "list", "items": [{"content": content}]},
    ]
    data = {"headline": "Т", "sections": [{"blocks": blocks}]}
    expected = _outcome(lambda d: _converter().structure(d, Article), data)
    got = _outcome(from_dict, data)
    assert got in {expected, "refused"}


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


def _nested(depth: int) -> dict[str, Any]:
    content: list[Any] = ["текст"]
    for _ in range(depth):
        content = [{"type": "emphasis", "content": content}]
    return {"headline": "Т", "sections": [{"blocks": [{"type": "paragraph", "content": content}]}]}


def test_markup_nested_past_the_direct_paths_depth_is_left_to_the_converter() -> None:
    with pytest.raises(SlowPath):
        from_dict(_nested(40))
    assert from_dict(_nested(30)) == _converter().structure(_nested(30), Article)
    assert json.loads(stdjson.dumps(_nested(40))) == _converter().structure(_nested(40), Article)
