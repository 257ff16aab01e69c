from __future__ import annotations

import io
import json as stdjson
from datetime import date, datetime, timezone
from zoneinfo import ZoneInfo

import attrs
import jsonschema
import pytest
from hypothesis import given

from newsmodel import (
    Article,
    Attribution,
    Embed,
    EmbedProvider,
    Figure,
    Genre,
    Link,
    Paragraph,
    ParseError,
    PubStatus,
    Rights,
    Role,
    Section,
    Subject,
    WriteError,
    json,
)
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


# One validator for every example: jsonschema.validate() checks the schema itself on each call.
VALIDATOR = jsonschema.Draft202012Validator(json.schema())


# One property over the same articles, every field and block included: the output validates
# against the shipped schema and reads back equal (drawing the articles costs more than both).
@given(articles())
def test_round_trip_and_the_output_validates_against_the_shipped_schema(article: Article) -> None:
    data = json.dumps(article)
    VALIDATOR.validate(stdjson.loads(data))
    assert json.loads(data) == article


def test_schema_is_itself_valid() -> None:
    jsonschema.Draft202012Validator.check_schema(json.schema())


def test_shape_is_documented_json() -> None:
    data = stdjson.loads(json.dumps(EXAMPLE))
    assert data["published"] == "2026-11-25T14:05:00+05:00"
    block = data["sections"][0]["blocks"][0]
    assert block["type"] == "paragraph"
    assert block["content"][1] == {
        "type": "link",
        "href": "https://example.kz/a",
        "content": ["сайте"],
        "title": None,
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
        (
            '{"headline": "x", "sections": [{"heading": "h", "blocks": [{"type": "video"}]}]}',
            "$.sections[0].blocks[0]",
            "type",
        ),
        (
            (
                '{"headline": "x", "sections": [{"heading": "h", "blocks": [{"type": "paragraph", '
                '"content": [{"type": "link", "href": "javascript:x", "content": []}]}]}]}'
            ),
            "$.sections[0].blocks[0].content[0]",
            "not allowed",
        ),
        (
            '{"headline": "x", "attributions": [{"name": "a", "role": "boss"}]}',
            "$.attributions[0].role",
            "Role",
        ),
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


@pytest.mark.parametrize("mark", [b"", b"\xef\xbb\xbf"])
def test_invalid_utf8_is_a_parse_error_at_its_byte(mark: bytes) -> None:
    data = mark + b'{"headline": "\xff"}'
    with pytest.raises(ParseError, match="not UTF-8") as info:
        json.loads(data)
    at = data.index(b"\xff")
    assert info.value.message.endswith(f"at byte {at}")


def test_an_integer_too_long_to_convert_is_a_parse_error() -> None:
    with pytest.raises(ParseError, match="digits"):
        json.loads('{"headline": "x", "version": ' + "1" * 5000 + "}")


def test_deep_nesting_is_a_parse_error() -> None:
    with pytest.raises(ParseError):
        json.loads("[" * 100_000 + "]" * 100_000)


DOCUMENT = """{
  "headline": "Да",
  "lede": null,
  "sections": [
    {"heading": null, "blocks": [{"type": "paragraph", "content": ["Абзац."]}]},
    {"heading": "Итоги",
     "blocks": [
       {"type": "list", "ordered": false,
        "items": [{"content": ["первый"]}, {"content": ["второй"]}]}
     ]}
  ]
}"""


def where(document: str, marker: str) -> tuple[int, int]:
    """The 1-based line and column of the first occurrence of ``marker``."""
    at = document.index(marker)
    return document.count("\n", 0, at) + 1, at - document.rfind("\n", 0, at)


def replaced(old: str, new: str) -> str:
    assert old in DOCUMENT
    return DOCUMENT.replace(old, new, 1)


@pytest.mark.parametrize(
    ("document", "path", "marker"),
    [
        # a key's value
        (replaced('"lede": null', '"lede": ["not", "a", "string"]'), "$.lede", '["not"'),
        # an item of a list inside a list inside an object inside a list
        (
            replaced('["второй"]', '["второй", 7]'),
            "$.sections[1].blocks[0].items[1].content[1]",
            "7]",
        ),
        # an unknown key: the key itself
        (
            replaced('"ordered": false', '"ordered": false, "colour": "red"'),
            "$.sections[1].blocks[0]",
            '"colour"',
        ),
        # an unknown key in a list's item
        (
            replaced('["первый"]}', '["первый"], "style": "bold"}'),
            "$.sections[1].blocks[0].items[0]",
            '"style"',
        ),
        # a missing key: the object that lacks it
        (
            replaced('{"content": ["первый"]}', "{}"),
            "$.sections[1].blocks[0].items[0].content",
            "{}",
        ),
        # a model rule on a value: the value
        (replaced('"lede": null', '"lede": null, "version": 0'), "$.version", '0,\n  "sections"'),
        # a wrong block type: the block
        (
            replaced('"type": "list"', '"type": "video"'),
            "$.sections[1].blocks[0]",
            '{"type": "video"',
        ),
    ],
)
@pytest.mark.parametrize("as_bytes", [False, True])
def test_shape_errors_give_the_line_and_column_of_the_value(
    document: str, path: str, marker: str, *, as_bytes: bool
) -> None:
    with pytest.raises(ParseError) as info:
        json.loads(document.encode() if as_bytes else document)
    assert info.value.path == path
    assert (info.value.line, info.value.column) == where(document, marker)


@pytest.mark.parametrize(
    "document",
    [
        '{"headline": "x",\n "headline": "</script>"}',
        '{"headline": "x", "image": {"a": 1, "a": 2}}',
    ],
)
def test_repeated_keys_are_refused(document: str) -> None:
    with pytest.raises(ParseError, match="duplicate key"):
        json.loads(document)


def test_the_first_unknown_key_in_the_text_is_located() -> None:
    document = '{"zebra": 1, "headline": "x", "apple": 2}'
    with pytest.raises(ParseError) as info:
        json.loads(document)
    assert info.value.message == "unknown key(s): apple, zebra"
    assert (info.value.line, info.value.column) == (1, 2)


def test_columns_count_characters_after_a_bom() -> None:
    document = '{"lede": "Кириллица", "headline": 1}'
    with pytest.raises(ParseError) as info:
        json.loads(b"\xef\xbb\xbf" + document.encode())
    assert (info.value.line, info.value.column) == where(document, "1}")


def test_the_document_of_these_tests_is_an_article() -> None:
    assert json.loads(DOCUMENT).sections[1].heading == "Итоги"


def test_a_good_article_never_looks_for_positions(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsmodel import _jsonpath as module  # noqa: PLC0415

    def refuse(*_: object, **__: object) -> int:
        raise AssertionError

    monkeypatch.setattr(module, "_position", refuse)
    assert json.loads(json.dumps(EXAMPLE)) == EXAMPLE


@pytest.mark.parametrize("as_bytes", [False, True])
def test_input_over_max_bytes_is_refused(*, as_bytes: bool) -> None:
    document = '{"headline": "Снег"}'
    data: str | bytes = document.encode() if as_bytes else document
    assert json.loads(data, max_bytes=len(data)).headline == "Снег"
    with pytest.raises(ParseError, match=rf"max_bytes={len(data) - 1}\b") as info:
        json.loads(data, max_bytes=len(data) - 1)
    assert info.value.format == "json"
    assert ("bytes" if as_bytes else "characters") in info.value.message


def test_the_default_limit_is_16_mib() -> None:
    assert json.DEFAULT_MAX_BYTES == 16 * 1024 * 1024
    padded = '{"headline": "Снег"}'.ljust(json.DEFAULT_MAX_BYTES)
    assert json.loads(padded).headline == "Снег"
    with pytest.raises(ParseError, match="max_bytes"):
        json.loads(padded + " ")


def test_load_reads_no_more_than_the_limit() -> None:
    fp = io.BytesIO(b'{"headline": "x"}' + b" " * 1_000_000)
    with pytest.raises(ParseError, match="max_bytes=1000"):
        json.load(fp, max_bytes=1000)
    assert fp.tell() == 1001
    fp.seek(0)
    assert json.load(fp, max_bytes=2_000_000).headline == "x"


# --- derived values: written when given, derived again on reading ---


def test_a_derived_slug_is_written_null_and_follows_the_headline_after_reading() -> None:
    article = Article(headline="Заголовок")
    data = stdjson.loads(json.dumps(article))
    assert data["slug"] is None
    back = json.loads(json.dumps(article))
    assert back == article
    assert back.slug == "zagolovok"
    assert attrs.evolve(back, headline="Новый").slug == "novyy"


def test_a_given_slug_is_written_and_kept_after_reading() -> None:
    article = Article(headline="Заголовок", slug="zagolovok")
    assert stdjson.loads(json.dumps(article))["slug"] == "zagolovok"
    back = json.loads(json.dumps(article))
    assert back == article
    assert attrs.evolve(back, headline="Новый").slug == "zagolovok"


def test_an_embed_provider_is_written_only_when_given() -> None:
    derived = Embed("https://youtu.be/x1")
    given = Embed("https://example.kz/player/1", EmbedProvider.VK)
    article = Article(headline="Х", sections=[Section(blocks=[derived, given])])
    blocks = stdjson.loads(json.dumps(article))["sections"][0]["blocks"]
    assert blocks[0] == {
        "type": "embed",
        "url": "https://youtu.be/x1",
        "provider": None,
        "caption": None,
        "credit": None,
    }
    assert blocks[1]["provider"] == "vk"
    back = json.loads(json.dumps(article))
    assert back == article
    first, second = back.sections[0].blocks
    assert isinstance(first, Embed)
    assert isinstance(second, Embed)
    assert (first.provider, second.provider) == (EmbedProvider.YOUTUBE, EmbedProvider.VK)


# --- the new fields ---

FULL = Article(
    headline="Выборы в маслихат",
    published=date(2026, 11, 24),
    updated=date(2026, 11, 25),
    urgency=3,
    embargo=datetime(2026, 11, 26, 6, tzinfo=timezone.utc),
    pub_status=PubStatus.WITHHELD,
    editorial_note="Не для публикации до 06:00",
    genres=[Genre("genre:Current", "Текущие")],
    rights=Rights(holder="Kazinform", usage_terms="Только для Казахстана"),
    slugline="KAZ-ELECTION",
    first_created=datetime(2026, 11, 24, 8, tzinfo=timezone.utc),
    version_created=datetime(2026, 11, 25, 9, tzinfo=timezone.utc),
    correction="Исправлена дата выборов.",
    subjects=[Subject("medtop:11000000", "политика", names={"ru": "Политика", "en": "Politics"})],
)


def test_the_new_fields_have_a_documented_shape() -> None:
    data = stdjson.loads(json.dumps(FULL))
    assert data["published"] == "2026-11-24"
    assert data["updated"] == "2026-11-25"
    assert data["urgency"] == 3
    assert data["embargo"] == "2026-11-26T06:00:00+00:00"
    assert data["pub_status"] == "withheld"
    assert data["genres"] == [{"code": "genre:Current", "name": "Текущие"}]
    assert data["rights"] == {
        "holder": "Kazinform",
        "notice": None,
        "usage_terms": "Только для Казахстана",
    }
    assert data["subjects"][0]["names"] == {"ru": "Политика", "en": "Politics"}
    assert json.loads(json.dumps(FULL)) == FULL
    VALIDATOR.validate(data)


def test_a_date_alone_reads_as_a_date_without_a_time() -> None:
    article = json.loads('{"headline": "x", "published": "2026-11-24"}')
    assert article.published == date(2026, 11, 24)
    assert not isinstance(article.published, datetime)


def test_json_written_before_the_new_fields_still_reads() -> None:
    old = stdjson.loads(json.dumps(EXAMPLE))
    for name in ("urgency", "embargo", "pub_status", "genres", "rights", "correction"):
        del old[name]
    assert json.loads(stdjson.dumps(old)) == EXAMPLE


# --- the schema is the caller's own copy ---


def test_schema_returns_a_copy_a_caller_cannot_corrupt() -> None:
    first = json.schema()
    first["title"] = "changed"
    first["properties"]["headline"]["$ref"] = "#/nowhere"
    first["required"].clear()
    second = json.schema()
    assert second["title"] == "newsmodel Article"
    assert second["properties"]["headline"] == {"$ref": "#/$defs/line"}
    assert "headline" in second["required"]


# --- a wrong shape says where, for every field ---

_SHAPES: list[object] = ["abc", 5, 1.5, True, [], {}, [1]]


def _wrong_value(field: str) -> object:
    """A value of a JSON type the schema refuses for the field."""
    full = json.schema()
    validator = jsonschema.Draft202012Validator(
        {**full["properties"][field], "$defs": full["$defs"]}
    )
    return next(v for v in _SHAPES if not validator.is_valid(v))


@pytest.mark.parametrize("field", sorted(json.schema()["properties"]))
def test_every_field_of_the_wrong_shape_names_its_path(field: str) -> None:
    data = stdjson.loads(json.dumps(FULL))
    data[field] = _wrong_value(field)
    with pytest.raises(ParseError) as info:
        json.loads(stdjson.dumps(data))
    assert info.value.path is not None
    assert info.value.path.startswith(f"$.{field}"), info.value
    assert "attribute" not in info.value.message, info.value
    assert info.value.line is not None


@pytest.mark.parametrize(
    ("value", "path", "words"),
    [
        ({"sections": "abc"}, "$.sections", "expected an array"),
        ({"sections": ["abc"]}, "$.sections[0]", "expected an object"),
        ({"sections": [{"blocks": "abc"}]}, "$.sections[0].blocks", "expected an array"),
        (
            {"sections": [{"blocks": [{"type": "paragraph", "content": "abc"}]}]},
            "$.sections[0].blocks[0].content",
            "expected an array",
        ),
        (
            {"sections": [{"blocks": [{"type": "quote", "paragraphs": "abc", "cite": None}]}]},
            "$.sections[0].blocks[0].paragraphs",
            "expected an array",
        ),
        (
            {"sections": [{"blocks": [{"type": "list", "items": ["abc"], "ordered": False}]}]},
            "$.sections[0].blocks[0].items[0]",
            "expected an object",
        ),
        (
            {"sections": [{"blocks": [{"type": "embed", "url": "javascript:x"}]}]},
            "$.sections[0].blocks[0].url",
            "http(s)",
        ),
        ({"attributions": [1]}, "$.attributions[0]", "expected an object"),
        ({"subjects": [{"code": "a:b", "names": "ru"}]}, "$.subjects[0].names", "by language"),
        ({"subjects": [{"code": "a:b", "names": {"ru": 1}}]}, "$.subjects[0].names", "string"),
        ({"genres": "genre:Current"}, "$.genres", "expected an array"),
        ({"rights": {"holder": None}}, "$.rights", "holder"),
        ({"rubrics": "abc"}, "$.rubrics", "expected an array"),
        ({"extra": {"a": "b"}}, "$.extra", "expected an array"),
        ({"extra": [["a"]]}, "$.extra[0]", "[key, value]"),
        ({"extra": [["a", 1]]}, "$.extra[0]", "expected string"),
        ({"urgency": 10}, "$.urgency", "1 (most urgent) to 9"),
        ({"pub_status": "draft"}, "$.pub_status", "draft"),
        ({"published": "2026-02-30"}, "$.published", "not a date"),
        ({"image": "https://example.kz/a.jpg"}, "$.image", "expected an object"),
    ],
)
def test_nested_wrong_shapes_name_their_path(
    value: dict[str, object], path: str, words: str
) -> None:
    with pytest.raises(ParseError) as info:
        json.loads(stdjson.dumps({"headline": "x", **value}))
    assert info.value.path is not None
    assert info.value.path.startswith(path), info.value
    assert words in info.value.message, info.value


# --- subclasses: their own fields travel by cls= ---


@attrs.frozen(kw_only=True)
class DeskArticle(Article):
    desk: str = "politics"
    priority: int | None = None


@attrs.frozen(kw_only=True)
class OpaqueArticle(Article):
    payload: object = None


def test_a_subclass_writes_its_own_fields_and_reads_back_with_cls() -> None:
    article = DeskArticle(headline="Х", desk="economy", priority=2)
    data = stdjson.loads(json.dumps(article))
    assert (data["desk"], data["priority"]) == ("economy", 2)
    back = json.loads(json.dumps(article), cls=DeskArticle)
    assert type(back) is DeskArticle
    assert back == article
    with open_bytes(json.dumps(article)) as fp:
        assert json.load(fp, cls=DeskArticle) == article


def test_a_subclass_document_read_as_an_article_names_the_unknown_keys() -> None:
    with pytest.raises(ParseError, match="desk"):
        json.loads(json.dumps(DeskArticle(headline="Х")))


def test_a_subclass_field_json_cannot_carry_is_a_write_error() -> None:
    with pytest.raises(WriteError, match="payload"):
        json.dumps(OpaqueArticle(headline="Х", payload=object()))


def test_cls_must_be_an_article_class() -> None:
    with pytest.raises(TypeError, match="cls"):
        json.loads('{"headline": "x"}', cls=dict)  # type: ignore[call-overload]


def open_bytes(text: str) -> io.BytesIO:
    return io.BytesIO(text.encode())
