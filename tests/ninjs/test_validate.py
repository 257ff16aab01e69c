"""ninjs.validate: IPTC's schemas, shipped in the package, and nothing fetched."""

from __future__ import annotations

import json

import pytest

from conftest import DATA
from newsmodel import Article, ninjs


def test_what_dumps_writes_is_valid():
    article = Article(headline="Заголовок", lede="Анонс")
    assert ninjs.validate(ninjs.dumps(article)) == []
    assert ninjs.validate(ninjs.dumps(article, version="2.2")) == []


@pytest.mark.parametrize("path", sorted((DATA / "ninjs" / "iptc").glob("*.json")), ids=str)
def test_iptc_examples_are_valid(path):
    assert ninjs.validate(path.read_bytes()) == []


def test_problems_name_the_json_path():
    problems = ninjs.validate(b'{"uri": "urn:x:1", "headlines": [{"role": "main"}], "x": 1}')
    messages = [p.message for p in problems]
    assert any(m.startswith("at $: ") and "'x' was unexpected" in m for m in messages)
    assert "at $.headlines[0]: 'value' is a required property" in messages


def test_the_generation_is_told_by_the_property_names():
    # versioncreated is 2.x's name: checked against 2.2, where it is valid.
    assert ninjs.validate(b'{"uri": "urn:x:1", "versioncreated": "2026-01-01T00:00:00Z"}') == []
    mixed = b'{"uri": "urn:x:1", "versionCreated": "2026-01-01T00:00:00Z", "ednote": "x"}'
    assert "'ednote' was unexpected" in ninjs.validate(mixed)[0].message
    assert ninjs.validate(mixed, version="2.2") != []


def test_each_item_of_an_envelope_is_checked():
    data = json.dumps({"item": [{"uri": "urn:x:1", "headlines": []}, {"uri": 5}]})
    problems = ninjs.validate(data)
    assert [p.message for p in problems] == ["at $.item[1].uri: 5 is not of type 'string'"]


def test_a_1x_item_has_no_schema_to_check_against():
    problems = ninjs.validate((DATA / "ninjs" / "valid" / "superdesk-1x-text.json").read_bytes())
    assert "1.x" in problems[0].message


def test_a_reference_outside_the_schema_is_never_fetched():
    data = b'{"uri": "urn:x:1", "places": [{"name": "A", "geoJSON": {"type": "Point"}}]}'
    problems = ninjs.validate(data)
    assert "never fetched" in problems[0].message


def test_malformed_json_is_one_problem_with_its_place():
    problems = ninjs.validate(b'{"uri": ')
    assert len(problems) == 1
    assert (problems[0].line, problems[0].column) == (1, 9)


def test_schema_returns_a_fresh_copy():
    ninjs.schema()["title"] = "changed"
    assert ninjs.schema()["title"] != "changed"
    with pytest.raises(ValueError, match=r"no ninjs 1\.0 schema"):
        ninjs.schema("1.0")
