"""ninjs output: valid against IPTC's schema of its version, and where each field goes."""

from __future__ import annotations

import json
import warnings
from datetime import datetime, timedelta, timezone

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import DATA
from newsmodel import (
    Article,
    Attribution,
    Figure,
    LossyConversionWarning,
    Role,
    Section,
    Subject,
    ninjs,
)
from strategies import articles

VERSIONS = ["3.1", "2.2"]
# Articles, each written in every version, with every field of the model: the schemas are
# what consumers validate against.


def _validator(version: str) -> jsonschema.protocols.Validator:
    schema = ninjs.schema(version)
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


VALIDATORS = {v: _validator(v) for v in VERSIONS}


def _dumps(article: Article, **kwargs: object) -> dict:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", LossyConversionWarning)
        return json.loads(ninjs.dumps(article, **kwargs))


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(article=articles())
def test_every_article_is_valid_against_the_schema_of_each_version(article):
    for version in VERSIONS:
        item = _dumps(article, version=version)
        errors = [e.message for e in VALIDATORS[version].iter_errors(item)]
        assert errors == [], version


@pytest.mark.parametrize("version", VERSIONS)
def test_the_iptc_examples_are_valid_against_the_shipped_schema(version):
    for path in sorted((DATA / "ninjs" / "iptc").glob(f"{version}_*.json")):
        assert list(VALIDATORS[version].iter_errors(json.loads(path.read_text("utf-8")))) == []


ALMATY = timezone(timedelta(hours=5))
FULL = Article(
    headline="Заголовок",
    lede="Анонс",
    sections=[Section("Подзаголовок", ["Абзац."])],
    attributions=[
        Attribution("Анна Ким", url="https://example.kz/kim"),
        Attribution("Kazinform", role=Role.SOURCE),
    ],
    published=datetime(2026, 11, 25, 9, 5, tzinfo=ALMATY),
    updated=datetime(2026, 11, 25, 10, 0, tzinfo=ALMATY),
    language="kk",
    rubrics=["Общество"],
    tags=["мост"],
    subjects=[Subject("medtop:20000256", "транспорт"), Subject("nmx:1", "своё")],
    site="АЛТЫНОРДА",
    url="https://example.kz/news/1",
    guid="urn:example:1",
    version=3,
    dateline="АСТАНА, 25 ноября",
    place="Астана",
    image=Figure(
        "https://example.kz/a.jpg",
        caption="Подпись",
        credit=Attribution("Иван Петров", role=Role.PHOTOGRAPHER),
        alt="Мост",
    ),
)


def test_3_1_names_every_field_where_the_docs_say():
    item = _dumps(FULL)
    assert item["uri"] == "urn:example:1"
    assert item["type"] == "text"
    assert item["version"] == "3"
    assert item["firstCreated"] == "2026-11-25T09:05:00+05:00"
    assert item["versionCreated"] == "2026-11-25T10:00:00+05:00"
    assert item["language"] == "kk"
    assert item["headlines"] == [{"role": "main", "value": "Заголовок"}]
    assert item["descriptions"] == [
        {"role": "summary", "contentType": "text/plain", "value": "Анонс"},
        {"role": "dateline", "contentType": "text/plain", "value": "АСТАНА, 25 ноября"},
    ]
    body = item["bodies"][0]
    assert body["contentType"] == "text/html"
    assert "<h2>Подзаголовок</h2>" in body["value"]
    assert "<p>Абзац.</p>" in body["value"]
    assert item["by"] == "Анна Ким"
    assert item["infoSources"] == [
        {"name": "Анна Ким", "role": "author", "uri": "https://example.kz/kim"},
        {"name": "Kazinform", "role": "source"},
        {"name": "АЛТЫНОРДА", "role": "site"},
    ]
    assert item["subjects"][0] == {
        "name": "транспорт",
        "uri": "http://cv.iptc.org/newscodes/mediatopic/20000256",
    }
    assert item["subjects"][1] == {"name": "своё", "literal": "nmx:1"}
    assert item["subjects"][2]["name"] == "Общество"
    assert item["subjects"][2]["uri"].endswith("#rubric/obshchestvo")
    assert item["subjects"][3] == {"name": "мост"}
    assert item["located"] == "Астана"
    assert item["renditions"] == [
        {"name": "web", "href": "https://example.kz/news/1", "contentType": "text/html"}
    ]
    picture = item["associations"][0]
    assert picture["name"] == "featuremedia"
    assert picture["type"] == "picture"
    assert picture["renditions"] == [{"name": "original", "href": "https://example.kz/a.jpg"}]
    assert picture["by"] == "Иван Петров"
    assert {"role": "caption", "contentType": "text/plain", "value": "Подпись"} in picture[
        "descriptions"
    ]


def test_2_2_writes_the_same_item_with_lower_case_names():
    item = _dumps(FULL, version="2.2")
    assert item["firstcreated"] == "2026-11-25T09:05:00+05:00"
    assert item["versioncreated"] == "2026-11-25T10:00:00+05:00"
    assert item["infosources"][0]["name"] == "Анна Ким"
    assert item["descriptions"][0]["contenttype"] == "text/plain"
    assert "firstCreated" not in item
    assert ninjs.loads(json.dumps(item)) == ninjs.loads(ninjs.dumps(FULL))


def test_dumps_and_dump_write_the_same_text(tmp_path):
    path = tmp_path / "a.json"
    with path.open("wb") as fp:
        ninjs.dump(FULL, fp, indent=2)
    assert path.read_text("utf-8") == ninjs.dumps(FULL, indent=2)


def test_an_article_without_guid_gets_a_stable_derived_uri_read_back_as_none():
    article = Article(headline="Заголовок", url="https://example.kz/a")
    item = _dumps(article)
    assert item["uri"].startswith("urn:uuid:")
    assert item["uri"] == _dumps(article)["uri"]
    assert ninjs.loads(ninjs.dumps(article)).guid is None


def test_a_guid_that_is_not_a_uri_travels_as_an_alternative_id():
    article = Article(headline="Заголовок", guid="48213 cms")
    item = _dumps(article)
    assert item["uri"].startswith("urn:uuid:")
    assert item["altIds"] == [{"role": "guid", "value": "48213 cms"}]
    assert ninjs.loads(ninjs.dumps(article)) == article


def test_a_slug_given_apart_from_the_headline_travels_as_an_alternative_id():
    article = Article(headline="Заголовок", slug="svoy-slag")
    assert {"role": "slug", "value": "svoy-slag"} in _dumps(article)["altIds"]
    assert ninjs.loads(ninjs.dumps(article)).slug == "svoy-slag"


def test_what_ninjs_cannot_carry_is_reported():
    article = Article(
        headline="Т",
        attributions=[Attribution("Kazinform", role=Role.SOURCE, phrase="передает")],
        extra=[("html:kicker", "Кикер")],
    )
    with pytest.warns(LossyConversionWarning, match="3.1 has no place for") as caught:
        ninjs.dumps(article)
    found = {(w.message.kind, w.message.lost, w.message.count) for w in caught}
    assert found == {("value", "credit phrase", 1), ("field", "extra field not read from ninjs", 1)}
    assert {w.filename for w in caught} == {__file__}


def test_extra_fields_read_from_ninjs_are_written_back():
    article = Article(
        headline="Т",
        extra=[
            ("ninjs:profile", "text-only"),
            ("ninjs:headline:sub", "Подзаголовок"),
            ("ninjs:description:teaser", "Тизер"),
        ],
    )
    item = _dumps(article)
    assert item["profile"] == "text-only"
    assert {"role": "sub", "value": "Подзаголовок"} in item["headlines"]
    assert {"role": "teaser", "contentType": "text/plain", "value": "Тизер"} in item["descriptions"]


def test_script_in_the_body_is_written_escaped():
    article = Article(headline="Т", sections=[Section(blocks=["</p><script>alert(1)</script>"])])
    body = _dumps(article)["bodies"][0]["value"]
    assert "<script>" not in body
    assert "&lt;script&gt;" in body


@pytest.mark.parametrize("bad", ["3.0", "1.0", 3.1])
def test_an_unknown_version_is_refused(bad):
    with pytest.raises(ValueError, match="version must be one of"):
        ninjs.dumps(Article(headline="Т"), version=bad)


@given(st.sampled_from(VERSIONS))
def test_the_same_article_always_gives_the_same_text(version):
    assert ninjs.dumps(FULL, version=version) == ninjs.dumps(FULL, version=version)
