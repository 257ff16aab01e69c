from __future__ import annotations

import io
import json as stdjson
from datetime import datetime
from zoneinfo import ZoneInfo

import jsonschema
import pytest
from hypothesis import given, settings

from newsmodel import Article, Attribution, Figure, Link, Paragraph, ParseError, Role, Section, json
from strategies import articles

EXAMPLE = Article(
    headline="Аким встретился с жителями",
    sections=[
        Section(
            heading="Итоги",
            blocks=[
                Paragraph(["Подробнее на ", Link("https://example.kz/a", "сайте"), "."]),
                Figure(
                    "https://example.kz/a.jpg", credit=Attribution("Ли", role=Role.PHOTOGRAPHER)
                ),
            ],
        )
    ],
    published=datetime(2026, 11, 25, 14, 5, tzinfo=ZoneInfo("Asia/Almaty")),
)


@given(articles())
@settings(max_examples=300)
def test_round_trip(article: Article) -> None:
    assert json.loads(json.dumps(article)) == article


@given(articles())
def test_output_validates_against_the_shipped_schema(article: Article) -> None:
    jsonschema.validate(stdjson.loads(json.dumps(article)), json.schema())


def test_schema_is_itself_valid() -> None:
    jsonschema.Draft202012Validator.check_schema(json.schema())


def test_shape_is_documented_json() -> None:
    data = stdjson.loads(json.dumps(EXAMPLE))
    assert data["published"] == "2026-11-25T14:05:00+05:00"
    block = data["sections"][0]["blocks"][0]
    assert block["type"] == "paragraph"
    assert block["content"][1] == {
        "type": "link", "href": "https://example.kz/a", "content": ["сайте"], "title": None,
    }
    assert data["sections"][0]["blocks"][1]["credit"]["role"] == "photographer"
    assert set(data) == set(json.schema()["required"])


def test_non_ascii_is_written_as_is_and_indent_works() -> None:
    text = json.dumps(EXAMPLE, indent=2)
    assert "Аким" in text
    assert text.startswith('{\n  "headline"')


def test_dump_and_load_files() -> None:
    buf = io.BytesIO()
    json.dump(EXAMPLE, buf)
    buf.seek(0)
    assert json.load(buf) == EXAMPLE


def test_bytes_with_bom_are_read() -> None:
    assert json.loads(b"\xef\xbb\xbf" + json.dumps(EXAMPLE).encode()) == EXAMPLE


@pytest.mark.parametrize(
    ("text", "path", "words"),
    [
        ('{"headline": 1}', "$.headline", "expected string"),
        ('{"headline": "x", "colour": "red"}', "$", "unknown key"),
        ('{"headline": "x", "version": "2"}', "$.version", "expected integer"),
        ('{"headline": "x", "version": 0}', "$.version", "1 or more"),
        ('{"headline": "x", "published": "вчера"}', "$.published", "ISO 8601"),
        ('{"headline": "x", "published": "2026-01-01T10:00:00"}', "$.published", "timezone-aware"),
        ('{"headline": "x", "sections": [{"heading": "h", "blocks": [{"type": "video"}]}]}',
         "$.sections[0].blocks[0]", "type"),
        (
            (
                '{"headline": "x", "sections": [{"heading": "h", "blocks": [{"type": "paragraph", '
                '"content": [{"type": "link", "href": "javascript:x", "content": []}]}]}]}'
            ),
            "$.sections[0].blocks[0].content[0]",
            "not allowed",
        ),
        ('{"headline": "x", "attributions": [{"name": "a", "role": "boss"}]}',
         "$.attributions[0].role", "Role"),
        ('{"lede": "x"}', "$", "headline"),
        ("[1, 2]", "$", "expected an object"),
    ],
)
def test_wrong_shapes_raise_parse_error_with_path(text: str, path: str, words: str) -> None:
    with pytest.raises(ParseError) as info:
        json.loads(text)
    assert info.value.format == "json"
    assert info.value.path is not None
    assert info.value.path.startswith(path)
    assert words in info.value.message


def test_broken_json_gives_line_and_column() -> None:
    with pytest.raises(ParseError) as info:
        json.loads('{\n  "headline": "x",\n  oops\n}')
    assert (info.value.line, info.value.column) == (3, 3)


def test_invalid_utf8_is_a_parse_error() -> None:
    with pytest.raises(ParseError, match="not UTF-8"):
        json.loads(b'{"headline": "\xff"}')


def test_an_integer_too_long_to_convert_is_a_parse_error() -> None:
    with pytest.raises(ParseError, match="digits"):
        json.loads('{"headline": "x", "version": ' + "1" * 5000 + "}")


def test_deep_nesting_is_a_parse_error() -> None:
    with pytest.raises(ParseError):
        json.loads("[" * 100_000 + "]" * 100_000)
