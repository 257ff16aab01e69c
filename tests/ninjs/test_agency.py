"""Agency metadata through ninjs: urgency, embargo, status, note, genres, rights, times."""

from __future__ import annotations

import json
import warnings
from datetime import date, datetime, timedelta, timezone

import pytest

from newsmodel import (
    Article,
    Attribution,
    Embed,
    EmbedProvider,
    Genre,
    LossyConversionWarning,
    PubStatus,
    Rights,
    Role,
    Section,
    Subject,
    ninjs,
)

ALMATY = timezone(timedelta(hours=5))
WHEN = datetime(2026, 11, 25, 9, 5, tzinfo=ALMATY)

AGENCY = Article(
    headline="Заголовок",
    published=WHEN,
    urgency=2,
    embargo=datetime(2026, 11, 25, 12, 0, tzinfo=ALMATY),
    pub_status=PubStatus.WITHHELD,
    editorial_note="Не для публикации до 12:00",
    genres=[Genre("genre:Interview", "Интервью"), Genre("dpatextgenre:12")],
    rights=Rights("Kazinform", "© Kazinform, 2026", "Только для Казахстана"),
    slugline="KAZ-ELECTION",
)


def _item(article: Article, version: str = "3.1") -> dict:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", LossyConversionWarning)
        return json.loads(ninjs.dumps(article, version=version))


def test_3_1_writes_the_agency_fields_under_their_ninjs_names():
    item = _item(AGENCY)
    assert item["urgency"] == 2
    assert item["embargoedUntil"] == "2026-11-25T12:00:00+05:00"
    assert item["pubStatus"] == "withheld"
    assert item["edNote"] == "Не для публикации до 12:00"
    assert item["genres"] == [
        {"name": "Интервью", "uri": "http://cv.iptc.org/newscodes/genre/Interview"},
        {"literal": "dpatextgenre:12"},
    ]
    assert item["copyrightHolder"] == "Kazinform"
    assert item["copyrightNotice"] == "© Kazinform, 2026"
    assert item["usageTerms"] == "Только для Казахстана"
    assert item["slugline"] == "KAZ-ELECTION"


def test_2_2_writes_them_in_lower_case_and_embargoed():
    item = _item(AGENCY, "2.2")
    assert item["embargoed"] == "2026-11-25T12:00:00+05:00"
    assert "embargoeduntil" not in item
    assert (item["pubstatus"], item["ednote"], item["copyrightholder"]) == (
        "withheld",
        "Не для публикации до 12:00",
        "Kazinform",
    )
    assert item["usageterms"] == "Только для Казахстана"


@pytest.mark.parametrize("version", ["3.1", "2.2"])
def test_the_agency_fields_read_back_to_the_fields_not_to_extra(version):
    back = ninjs.loads(ninjs.dumps(AGENCY, version=version))
    assert back == AGENCY
    assert back.extra == ()


def test_a_usable_item_writes_no_status_and_reads_back_usable():
    item = _item(Article(headline="Т"))
    assert "pubStatus" not in item
    assert ninjs.loads(json.dumps(item)).pub_status is PubStatus.USABLE


def test_agency_values_of_other_writers_are_read():
    item = {
        "uri": "urn:x:1",
        "headlines": [{"value": "Т"}],
        "urgency": 4.0,
        "pubstatus": "stat:canceled",
        "genres": [{"uri": "https://cv.iptc.org/newscodes/genre/Obituary", "name": "Obit"}],
        "usageterms": "No archiving",
    }
    article = ninjs.loads(json.dumps(item))
    assert article.urgency == 4
    assert article.pub_status is PubStatus.CANCELED
    assert article.genres == (Genre("genre:Obituary", "Obit"),)
    assert article.rights == Rights(usage_terms="No archiving")


def test_values_the_model_refuses_stay_in_extra():
    item = {"uri": "urn:x:1", "headlines": [{"value": "Т"}], "urgency": 12, "pubStatus": "gone"}
    with warnings.catch_warnings():
        warnings.simplefilter("error", LossyConversionWarning)
        article = ninjs.loads(json.dumps(item))
    assert article.urgency is None
    assert article.pub_status is PubStatus.USABLE
    assert ("ninjs:urgency", "12") in article.extra
    assert ("ninjs:pubStatus", "gone") in article.extra


def test_a_day_alone_is_written_as_its_midnight_in_utc_and_read_back_as_a_day():
    article = Article(headline="Т", published=date(2026, 11, 24), updated=date(2026, 11, 26))
    item = _item(article)
    assert item["firstCreated"] == "2026-11-24T00:00:00+00:00"
    assert item["versionCreated"] == "2026-11-26T00:00:00+00:00"
    assert {"role": "firstCreated:date", "value": "2026-11-24"} in item["altIds"]
    assert ninjs.loads(json.dumps(item)) == article
    assert ninjs.loads(ninjs.dumps(article, version="2.2")) == article


def test_creation_times_travel_when_there_is_no_publication_time():
    later = WHEN + timedelta(hours=1)
    article = Article(headline="Т", first_created=WHEN, version_created=later)
    with pytest.warns(LossyConversionWarning, match="2 creation times written as publication"):
        back = ninjs.loads(ninjs.dumps(article))
    assert (back.published, back.updated) == (WHEN, later)


def test_creation_times_beside_publication_times_are_reported():
    article = Article(headline="Т", published=WHEN, first_created=WHEN - timedelta(hours=1))
    with pytest.warns(LossyConversionWarning, match="1 creation time beside a publication"):
        item = json.loads(ninjs.dumps(article))
    assert item["firstCreated"] == "2026-11-25T09:05:00+05:00"


def test_a_first_publication_beside_the_first_creation_keeps_both():
    item = {
        "uri": "urn:x:1",
        "headline": "Т",
        "firstcreated": "2026-11-24T06:10:00+00:00",
        "firstpublished": "2026-11-24T06:30:00+00:00",
        "versioncreated": "2026-11-24T06:20:00+00:00",
    }
    article = ninjs.loads(json.dumps(item))
    assert article.published == datetime(2026, 11, 24, 6, 30, tzinfo=timezone.utc)
    assert article.first_created == datetime(2026, 11, 24, 6, 10, tzinfo=timezone.utc)
    assert article.version_created == datetime(2026, 11, 24, 6, 20, tzinfo=timezone.utc)
    assert article.extra == ()


def test_a_subject_has_one_name_the_label_or_the_name_in_the_articles_language():
    subjects = [
        Subject("medtop:11000000", names={"ru": "Политика", "en": "Politics"}),
        Subject("medtop:04000000", "экономика", names={"en": "Economy"}),
    ]
    article = Article(headline="Т", language="ru", subjects=subjects)
    with pytest.warns(LossyConversionWarning, match="3 subject names per language"):
        item = json.loads(ninjs.dumps(article))
    assert [s["name"] for s in item["subjects"]] == ["Политика", "экономика"]
    assert ninjs.loads(json.dumps(item)).subjects == (
        Subject("medtop:11000000", "Политика"),
        Subject("medtop:04000000", "экономика"),
    )


def test_the_correction_is_reported_as_lost():
    article = Article(headline="Т", correction="Исправлено имя министра.")
    with pytest.warns(LossyConversionWarning, match="1 correction note"):
        text = ninjs.dumps(article)
    assert ninjs.loads(text).correction is None


EMBEDS = Article(
    headline="Т",
    sections=[
        Section(blocks=["Абзац.", Embed("https://youtu.be/dQw4w9WgXcQ", caption="Брифинг")]),
        Section(blocks=[Embed("https://t.me/news/1", EmbedProvider.OTHER)]),
        Section("Итоги", [Embed("https://vk.com/video1", credit=Attribution("ВК", Role.SOURCE))]),
    ],
)


@pytest.mark.parametrize("version", ["3.1", "2.2"])
def test_embeds_travel_as_associations_in_their_places(version):
    with warnings.catch_warnings():
        warnings.simplefilter("error", LossyConversionWarning)
        text = ninjs.dumps(EMBEDS, version=version)
    item = json.loads(text)
    first = item["associations"][0]
    assert first["name"] == "embed1"
    assert first["uri"] == "https://youtu.be/dQw4w9WgXcQ"
    assert first["descriptions"][0]["value"] == "Брифинг"
    assert "iframe" not in item["bodies"][0]["value"]
    assert ninjs.loads(text) == EMBEDS


def test_an_embed_placed_past_the_body_goes_at_its_end():
    item = json.loads(ninjs.dumps(EMBEDS))
    item["associations"][0]["altIds"][0]["value"] = "999999.5"
    read = ninjs.loads(json.dumps(item))
    assert read.sections[-1].blocks[0].url == "https://youtu.be/dQw4w9WgXcQ"
    assert len(read.sections) == 4


def test_a_given_slug_travels_and_a_derived_one_follows_the_headline():
    given = Article(headline="Заголовок", slug="zagolovok")
    assert ninjs.loads(ninjs.dumps(given)).given_slug == "zagolovok"
    derived = ninjs.loads(ninjs.dumps(Article(headline="Заголовок")))
    assert derived.given_slug is None
    assert "altIds" not in _item(Article(headline="Заголовок"))


def test_a_bare_eight_digit_subject_code_is_an_iptc_subject_code():
    # ninjs 1.x as Superdesk writes it: a code without a scheme, as NITF's tobject.subject.
    item = {
        "guid": "urn:x:1",
        "headline": "Т",
        "subject": [{"code": "01000000", "name": "arts, culture and entertainment"}],
    }
    with warnings.catch_warnings():
        warnings.simplefilter("error", LossyConversionWarning)
        article = ninjs.loads(json.dumps(item))
    assert article.subjects == (Subject("subj:01000000", "arts, culture and entertainment"),)
    assert article.tags == ()


def test_ids_given_as_an_object_and_terms_as_an_array_are_read():
    # ninjs 1.x and 2.0 write altids as an object of ids by name; AP's API sends its usage
    # terms as an array of strings.
    item = {
        "uri": "urn:x:1",
        "headline": "Т",
        "altids": {"itemid": "5ee9b4b4", "friendlykey": "53976786742"},
        "usageterms": ["Editorial use only.", "No archiving."],
    }
    with warnings.catch_warnings():
        warnings.simplefilter("error", LossyConversionWarning)
        article = ninjs.loads(json.dumps(item))
    assert ("ninjs:altId:itemid", "5ee9b4b4") in article.extra
    assert ("ninjs:altId:friendlykey", "53976786742") in article.extra
    assert article.rights == Rights(usage_terms="Editorial use only. No archiving.")
