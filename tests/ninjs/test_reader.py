"""Reading ninjs 3.x, 2.x and the 1.x shapes in use, and refusing what is not ninjs."""

from __future__ import annotations

import io
import warnings
from datetime import datetime, timedelta, timezone

import pytest

from conftest import DATA
from newsmodel import LossyConversionWarning, ParseError, Role, Subject, Table, ninjs

VALID = DATA / "ninjs" / "valid"
INVALID = DATA / "ninjs" / "invalid"
IPTC = DATA / "ninjs" / "iptc"
UTC = timezone.utc


def read(name: str, **kwargs: object):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", LossyConversionWarning)
        return ninjs.loads((VALID / name).read_bytes(), **kwargs)


def test_superdesk_1x_item():
    a = read("superdesk-1x-text.json")
    assert a.headline == "Grain exports rise as new rail corridor opens"
    assert a.lede == "Shipments through the new corridor doubled in the first month."
    assert a.sections[0].blocks[0].text.startswith("Grain shipments from northern Kazakhstan")
    assert a.sections[1].heading == "A shorter route"
    assert a.sections[1].blocks[0].content[1].href == "https://example.kz/map"
    assert [(x.name, x.role) for x in a.attributions] == [
        ("Anna Kim", Role.AUTHOR),
        ("Daniyar Serik", Role.AUTHOR),
        ("Ruslan Ospanov", Role.EDITOR),
        ("Example Agency", Role.SOURCE),
    ]
    # Superdesk's first publication is the publication; its creation time is kept.
    assert a.published == datetime(2026, 11, 24, 6, 30, tzinfo=UTC)
    assert a.updated == datetime(2026, 11, 24, 9, 45, tzinfo=UTC)
    assert a.first_created == datetime(2026, 11, 24, 6, 10, tzinfo=UTC)
    assert not [k for k, _ in a.extra if k.lower() == "ninjs:firstcreated"]
    assert a.language == "en"
    assert a.guid == "tag:newsroom.example.kz,2026:4f1c2b7e-0d3a-4b2e-9c1f-6a7d8e9f0a1b"
    assert a.version == 3
    assert a.place == "Astana"
    assert a.rubrics == ("Economy",)
    assert a.subjects == (
        Subject("subj:04001000", "agriculture"),  # eight digits and no scheme: IPTC's subject code
        Subject("medtop:20000209", "economic sector"),
        Subject("medtop:11000000", "politics"),
    )
    assert a.tags == ("grain", "railway")
    assert a.image is not None
    assert a.image.image == "https://media.example.kz/photo-77.jpg"
    assert a.image.caption == "A train loaded with wheat leaves the terminal in Kostanay."
    assert a.image.credit is not None
    assert (a.image.credit.name, a.image.credit.role) == ("Aigerim Seitkali", Role.PHOTOGRAPHER)


def test_superdesk_1x_item_reports_what_it_leaves_out():
    with pytest.warns(LossyConversionWarning) as caught:
        ninjs.loads((VALID / "superdesk-1x-text.json").read_bytes())
    messages = [str(w.message) for w in caught]
    for message in (
        "ninjs: left out: 1 embedded frame",
        "ninjs: left out: 1 associated item",
        "ninjs: left out: 2 other renditions of the main image",
        "ninjs: left out: 1 genre without a QCode or an IPTC genre URI",
    ):
        assert message in messages
    assert {w.filename for w in caught} == {__file__}
    assert {w.message.path for w in caught} == {"$"}


def test_iptc_1x_simple_item_prefers_markup_to_text():
    a = read("iptc-1x-simple.json")
    assert a.headline == "Snowfall closes mountain roads near Almaty"
    assert [b.text for b in a.sections[0].blocks] == [
        "Three mountain roads were closed on Tuesday after heavy snowfall.",
        "Rescuers escorted about forty cars back to the city.",
    ]
    assert [x.name for x in a.attributions] == ["Aliya Nurlanova"]
    assert a.published == datetime(2026, 11, 24, 10, 37, tzinfo=UTC)
    assert a.updated is None


def test_an_api_envelope_is_read_with_iter_articles():
    data = (VALID / "api-envelope.json").read_bytes()
    first, second = ninjs.iter_articles(data)
    assert first.headline == "Заседание маслихата перенесли на пятницу"
    assert first.sections[0].blocks[0].text == "Сессию перенесли из-за ремонта зала."
    assert first.guid == "https://api.example.kz/items/101"
    assert first.urgency == 3
    assert not [k for k, _ in first.extra if k == "ninjs:urgency"]
    assert second.language == "kk"
    assert [b.text for b in second.sections[0].blocks] == [
        "Саябақ бүгін ашылды.",
        "Онда бес мың ағаш отырғызылған.",
    ]
    with pytest.raises(ParseError, match="iter_articles"):
        ninjs.loads(data)


def test_iter_articles_skips_an_item_without_text_when_asked():
    data = (
        '{"data": {"items": ['
        '{"uri": "urn:kz:1", "headline": "Заседание перенесли"},'
        '{"uri": "urn:kz:2", "type": "text"},'
        '{"uri": "urn:kz:3", "headline": "Саябақ ашылды"}]}}'
    )
    with pytest.raises(ParseError, match="headline"):
        list(ninjs.iter_articles(data))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", LossyConversionWarning)
        articles = list(ninjs.iter_articles(data, on_error="skip"))
    assert [a.guid for a in articles] == ["urn:kz:1", "urn:kz:3"]
    [skipped] = [w.message for w in caught]
    assert "urn:kz:2" in str(skipped)
    assert skipped.path == "$.data.items[1]"
    with pytest.raises(ValueError, match="on_error"):
        ninjs.iter_articles(data, on_error="ignore")


def test_times_without_an_offset_are_read_in_tz():
    data = (VALID / "api-envelope.json").read_bytes()
    first = next(ninjs.iter_articles(data))
    assert first.published == datetime(2026, 11, 24, 16, 40, 8, tzinfo=UTC)
    first = next(ninjs.iter_articles(data, tz="Asia/Almaty"))
    assert first.published == datetime(2026, 11, 24, 16, 40, 8, tzinfo=timezone(timedelta(hours=5)))


def test_ninjs_2x_item_with_lower_case_names():
    a = read("ntb-like-2x.json")
    assert a.headline == "Data centre plot bought in Skien"
    assert a.lede == "A data centre company has bought a large plot in Skien."
    assert a.guid == "3f0e7c52-9b1d-4d8e-a0f3-5c6b7a8d9e01"
    assert a.version == 4
    assert a.published == datetime(2026, 11, 20, 9, 30, 4, tzinfo=UTC)
    assert a.updated == datetime(2026, 11, 20, 9, 46, 53, tzinfo=UTC)
    assert a.language == "nb-NO"
    assert a.subjects == (Subject("medtop:04000000", "Economy"),)
    assert a.tags == ("Domestic", "Technology")
    assert ("ninjs:headline:sub", "The plot covers nearly 2,000 decares") in a.extra


def test_ninjs_2x_html_body_and_a_printed_byline():
    a = read("dpa-like-2x.json")
    # Two paragraphs and the body's table, kept as a table.
    assert len(a.sections[0].blocks) == 3
    assert isinstance(a.sections[0].blocks[2], Table)
    assert a.sections[0].blocks[2].rows == (("1",),)
    assert [x.name for x in a.attributions] == ["Christian Beispiel", "example"]
    assert a.published == datetime(2026, 11, 20, 16, 2, 28, tzinfo=timezone(timedelta(hours=1)))


def test_ninjs_3x_item_with_every_mapped_property():
    a = read("ninjs-3x-full.json")
    assert a.headline == "В Астане открыли новый мост"
    assert a.lede == "Мост соединил два района города."
    assert a.dateline == "АСТАНА, 25 ноября"
    assert a.sections[0].blocks[1].cite == "житель района"
    assert [(x.name, x.role, x.url) for x in a.attributions] == [
        ("Анна Ким", Role.AUTHOR, "https://example.kz/authors/kim"),
        ("Kazinform", Role.SOURCE, None),
    ]
    assert a.site == "АЛТЫНОРДА"
    assert a.rubrics == ("Общество",)
    assert a.tags == ("мост",)
    assert a.subjects == (Subject("medtop:20000256", "транспорт"),)
    assert a.url == "https://example.kz/news/most"
    assert a.place == "Астана"
    assert a.language == "ru-KZ"
    assert a.image is not None
    assert (a.image.caption, a.image.alt) == ("Новый мост через Ишим", "Мост на закате")
    assert ("ninjs:profile", "text-photo") in a.extra
    assert ("ninjs:altId:cms", "48213") in a.extra


@pytest.mark.parametrize("path", sorted(IPTC.glob("*.json")), ids=lambda p: p.name)
def test_iptc_examples(path):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", LossyConversionWarning)
        a = ninjs.loads(path.read_bytes())
    assert a.headline == "Captain of wrecked cruise ship on trial in Italy"
    assert a.sections[0].blocks[0].text.startswith("GROSSETO, Italy (AP)")
    assert [x.name for x in a.attributions] == ["Paulo Santalucia", "Frances d'Emilio"]
    assert a.published == datetime(2013, 7, 9, 10, 37, tzinfo=UTC)


def test_load_reads_a_file():
    with (VALID / "iptc-1x-simple.json").open("rb") as fp:
        assert ninjs.load(fp).headline == "Snowfall closes mountain roads near Almaty"


def test_a_missing_headline_is_taken_from_the_slugline_with_a_warning():
    with pytest.warns(LossyConversionWarning, match="slugline taken"):
        a = ninjs.loads(b'{"uri": "urn:x:1", "slugline": "KAZ-GRAIN"}')
    assert a.headline == "KAZ-GRAIN"


def test_a_field_the_model_refuses_is_kept_as_text():
    a = ninjs.loads(b'{"uri": "urn:x:1", "headline": "T", "language": "not a tag"}')
    assert a.language == "ru"
    assert ("ninjs:language", "not a tag") in a.extra


@pytest.mark.parametrize(
    ("name", "message", "line"),
    [
        # the standard library's words, which Python 3.13 changed
        ("trailing-comma.json", "Expecting property name|Illegal trailing comma", 1),
        ("repeated-key.json", "duplicate key 'headline'", None),
        ("repeated-key-case.json", "repeats another in a different case", None),
        ("no-headline.json", "no headline", None),
        ("no-item.json", "no ninjs item", None),
        ("not-an-object.json", "no ninjs item", None),
        ("too-deep.json", "nested more than 64 deep", None),
    ],
)
def test_invalid_documents_are_refused(name, message, line):
    with pytest.raises(ParseError, match=message) as caught:
        ninjs.loads((INVALID / name).read_bytes())
    assert caught.value.format == "ninjs"
    assert caught.value.line == line


def test_malformed_json_says_where():
    with pytest.raises(ParseError) as caught:
        ninjs.loads('{"uri": "urn:x:1",\n "headline": "a"\n "x": 1}')
    assert (caught.value.line, caught.value.column) == (3, 2)


def test_size_limit():
    data = b'{"uri": "urn:x:1", "headline": "a"}'
    with pytest.raises(ParseError, match="over the limit of max_bytes=10"):
        ninjs.loads(data, max_bytes=10)
    with pytest.raises(ParseError, match="over the limit"):
        ninjs.load(io.BytesIO(data), max_bytes=10)


def test_bytes_that_are_not_utf8_are_refused():
    with pytest.raises(ParseError, match="not UTF-8"):
        ninjs.loads(b'{"uri": "\xff"}')
