"""Reading NewsML-G2 shaped as agencies send it: each shape on a file in data/newsml/agency."""

from __future__ import annotations

import io
import warnings
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from conftest import DATA
from newsmodel import (
    Article,
    Genre,
    LossyConversionWarning,
    ParseError,
    PubStatus,
    Rights,
    Role,
    Section,
    newsml,
)
from newsmodel.newsml._agency import by_attributions, byline_attributions

AGENCY = DATA / "newsml" / "agency"
PLUS_ONE = timezone(timedelta(hours=1))


def read(name: str, **options: object) -> tuple[Article, list[str]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        article = newsml.loads((AGENCY / name).read_bytes(), **options)  # type: ignore[arg-type]
    assert all(issubclass(w.category, LossyConversionWarning) for w in caught)
    return article, [str(w.message) for w in caught]


def texts(article: Article) -> list[str]:
    return [b.text for s in article.sections for b in s.blocks]  # type: ignore[union-attr]


@pytest.mark.parametrize("path", sorted(AGENCY.glob("*.xml")), ids=lambda p: p.name)
def test_every_shape_reads_back_from_what_is_written(path: object) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", LossyConversionWarning)
        for article in newsml.iter_articles(io.BytesIO(path.read_bytes()), on_error="skip"):  # type: ignore[attr-defined]
            data = newsml.dumps(article)
            assert newsml.validate(data) == []
            assert newsml.loads(data) == article


# --- dpa digitalwires: a header, a teaser, notepad sections ---------------------------------


def test_dpa_header_is_metadata_not_text() -> None:
    article, _ = read("dpa_header_notepad.xml")
    assert article.headline == "Windpark vor Rügen geht ans Netz"
    body = texts(article)
    assert body[0].startswith("Sassnitz (dpa) - Vor der Insel")
    for header_text in ("02.12.2026", "Energie / Deutschland", "Zusammenfassung", "Von Lena"):
        assert not any(header_text in t for t in body)
    assert [s.heading for s in article.sections] == [None, "Kabel durch den Bodden"]
    assert article.slugline == "Energie / Deutschland"
    # the header's genre is the item's genre, named
    assert article.genres == (Genre("dpatextgenre:26", "Zusammenfassung"),)
    assert not any(k in ("newsml:genre", "newsml:slugline") for k, _ in article.extra)
    # the header's h3 repeats a headline of rank 3, kept once; its time is versionCreated
    assert [v for k, v in article.extra if k == "newsml:headline"] == ["Energie"]
    assert not any(k == "newsml:header:time" for k, _ in article.extra)
    # the byline names the creator already known: not a second attribution
    assert [(a.name, a.role) for a in article.attributions] == [("Lena Berg", Role.AUTHOR)]


def test_dpa_teaser_is_the_lede_and_not_repeated_in_the_text() -> None:
    article, _ = read("dpa_header_notepad.xml")
    assert article.lede == (
        "Der größte Windpark der Ostsee liefert ab heute Strom für eine halbe Million Haushalte."
    )
    assert article.lede not in texts(article)


def test_dpa_notepad_is_not_text_and_its_private_part_stays_out() -> None:
    article, messages = read("dpa_header_notepad.xml")
    body = " ".join(texts(article))
    assert "Grafik" not in body
    assert "+49" not in body
    assert "Notizblock" not in body
    assert article.editorial_note == "Zu diesem Text gibt es eine Grafik."
    assert not any("+49" in v for _, v in article.extra)
    assert any("non-public notepad" in m for m in messages)
    kept, _ = read("dpa_header_notepad.xml", private_notes=True)
    assert any(k == "newsml:notepad:nonpublic" and "+49" in v for k, v in kept.extra)


def test_version_created_beside_content_created_and_modified_loses_no_date() -> None:
    article, _ = read("dpa_header_notepad.xml")
    assert article.published == datetime(2026, 12, 2, 9, 0, tzinfo=PLUS_ONE)
    assert article.updated == datetime(2026, 12, 2, 11, 0, tzinfo=PLUS_ONE)
    assert article.version_created == datetime(2026, 12, 2, 11, 30, tzinfo=PLUS_ONE)
    assert article.first_created is None


def test_dpa_newsroom_metadata_goes_to_its_fields() -> None:
    article, _ = read("dpa_header_notepad.xml")
    assert article.urgency == 3
    assert article.correction == "Ortsangabe korrigiert."
    assert article.rights == Rights(
        notice="Copyright 2026, dpa (www.dpa.de). Alle Rechte vorbehalten",
        usage_terms="Nutzung nur nach schriftlicher Vereinbarung mit dpa",
    )
    assert article.pub_status is PubStatus.USABLE
    keys = {k for k, _ in article.extra}
    assert not keys & {
        "newsml:urgency",
        "newsml:edNote",
        "newsml:copyrightNotice",
        "newsml:usageTerms",
        "newsml:genre",
        "newsml:pubStatus",
    }


@pytest.mark.parametrize(
    ("code", "status"),
    [
        ("stat:withheld", PubStatus.WITHHELD),
        ("stat:canceled", PubStatus.CANCELED),
        ("dpastat:cancelled", PubStatus.CANCELED),
        ("stat:usable", PubStatus.USABLE),
    ],
)
def test_pub_status_of_any_scheme_goes_to_its_field(code: str, status: PubStatus) -> None:
    data = (AGENCY / "dpa_header_notepad.xml").read_text("utf-8")
    data = data.replace('<pubStatus qcode="stat:usable"/>', f'<pubStatus qcode="{code}"/>')
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", LossyConversionWarning)
        article = newsml.loads(data.encode())
    assert article.pub_status is status
    assert "newsml:pubStatus" not in {k for k, _ in article.extra}


def test_signals_go_to_their_field_not_to_extra() -> None:
    article, _ = read("dpa_header_notepad.xml")
    assert article.signals == ("sig:correction",)
    assert "newsml:signal" not in {k for k, _ in article.extra}


def test_a_signal_given_by_iptc_uri_or_literal_is_a_signal_and_a_free_text_one_is_kept() -> None:
    data = (AGENCY / "dpa_header_notepad.xml").read_text("utf-8")
    data = data.replace(
        '<signal qcode="sig:correction"/>',
        '<signal uri="http://cv.iptc.org/newscodes/signal/update"/>'
        '<signal literal="dpasig:korrektur"/><signal qcode="sig:update"/>'
        '<signal literal="bitte beachten"/>',
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", LossyConversionWarning)
        article = newsml.loads(data.encode())
    assert article.signals == ("sig:update", "dpasig:korrektur")
    assert ("newsml:signal", "bitte beachten") in article.extra


# --- headlines from elsewhere ---------------------------------------------------------------


def test_empty_headline_taken_from_nitf_head_title() -> None:
    article, messages = read("nitf_title_only.xml")
    assert article.headline == "Port of Aktau doubles grain exports"
    assert texts(article) == ["The port handled twice as much grain as a year ago."]
    assert any("no headline" in m and "title" in m for m in messages)


def test_headline_taken_from_hl1_of_a_namespaced_nitf_before_its_title_and_slugline() -> None:
    article, messages = read("nitf_hl1_namespaced.xml")
    assert article.headline == "Port of Aktau doubles grain exports"
    assert any("the body's headline" in m for m in messages)


def test_headline_taken_from_hl1_of_a_nitf_in_no_namespace() -> None:
    article, messages = read("nitf_hl1_no_namespace.xml")
    assert article.headline == "Rail freight to China grows by a third"
    assert texts(article) == ["Dostyk station handled a third more containers than a year ago."]
    assert any("the body's headline" in m for m in messages)


def test_headline_taken_from_a_nitf_body_without_its_root() -> None:
    article, _ = read("nitf_body_without_root.xml")
    assert article.headline == "Port of Aktau doubles grain exports"
    assert texts(article) == ["The port handled twice as much grain as a year ago."]
    assert [(a.name, a.role) for a in article.attributions] == [("Dana Sultan", Role.AUTHOR)]


def _item(content_meta: str, body: str) -> bytes:
    return (
        '<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:x:1" version="1">'
        f"<contentMeta>{content_meta}</contentMeta><contentSet>"
        '<inlineXML contenttype="application/xhtml+xml">'
        f'<html xmlns="http://www.w3.org/1999/xhtml"><body>{body}</body></html>'
        "</inlineXML></contentSet></newsItem>"
    ).encode()


def test_headline_taken_from_the_summary_then_the_first_sentence() -> None:
    with pytest.warns(LossyConversionWarning, match="the summary"):
        article = newsml.loads(_item("<description>Snow closed passes.</description>", ""))
    assert article.headline == "Snow closed passes."
    data = _item("<headline/>", "<p>Snow closed three passes. Drivers wait in Taraz.</p>")
    with pytest.warns(LossyConversionWarning, match="the first sentence"):
        article = newsml.loads(data)
    assert article.headline == "Snow closed three passes."
    assert texts(article) == ["Snow closed three passes. Drivers wait in Taraz."]


def test_an_item_without_headline_or_text_is_refused() -> None:
    with pytest.raises(ParseError, match="no headline"):
        newsml.loads(_item("<headline/>", "<p> </p>"))


# --- abstracts, bylines ---------------------------------------------------------------------


def test_drol_teaser_is_the_lede_and_a_caption_is_not() -> None:
    article, _ = read("drol_abstracts.xml")
    assert article.lede == "Heavy snow closed three passes in the south on Monday."
    assert texts(article) == ["Drivers were told to wait in Taraz."]
    assert ("newsml:description:drol:caption", "A snow plough on the Kordai pass.") in article.extra


def test_drol_summary_wins_over_a_teaser() -> None:
    data = _item(
        '<headline>H</headline><description role="drol:teaser">Teaser.</description>'
        '<description role="drol:summary">Summary.</description>',
        "<p>Text.</p>",
    )
    article = newsml.loads(data)
    assert article.lede == "Summary."
    assert ("newsml:description:drol:teaser", "Teaser.") in article.extra


def test_a_byline_paragraph_is_an_attribution() -> None:
    article, _ = read("byline_paragraph.xml")
    assert [(a.name, a.role) for a in article.attributions] == [
        ("Jane Doe", Role.AUTHOR),
        ("John Roe", Role.AUTHOR),
    ]
    assert texts(article) == [
        "The first train ran on the new line on Tuesday.",
        "By then, most of the tickets were sold.",  # not the first paragraph: text
    ]


def test_a_russian_byline_paragraph_is_an_attribution() -> None:
    article, _ = read("byline_paragraph_ru.xml")
    assert [(a.name, a.role) for a in article.attributions] == [("Айгерим Сейткали", Role.AUTHOR)]
    assert texts(article) == ["Первый поезд прошел по линии во вторник."]


def test_a_byline_beside_a_known_author_is_not_a_second_author() -> None:
    data = _item(
        "<creator><name>Jane Doe</name></creator><headline>H</headline>",
        "<p>By JANE DOE</p><p>Text.</p>",
    )
    article = newsml.loads(data)
    assert [a.name for a in article.attributions] == ["Jane Doe"]
    assert texts(article) == ["Text."]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("By Jane Doe", ["Jane Doe"]),
        ("BY JANE DOE and JOHN ROE", ["JANE DOE", "JOHN ROE"]),
        ("Von Anna Schmidt, dpa", ["Anna Schmidt", "dpa"]),
        ("Автор: Иван Петров", ["Иван Петров"]),
        ("By the way, the minister said", None),
        ("By Tuesday the road was open.", None),
        ("By Ludwig van Dijk Jr.", ["Ludwig van Dijk Jr."]),
        ("The minister spoke on Tuesday.", None),
        ("By " + "Word " * 20, None),
    ],
)
def test_what_a_byline_is(text: str, names: list[str] | None) -> None:
    found = byline_attributions(text)
    assert (None if found is None else [a.name for a in found]) == names


def test_a_by_statement_of_bare_names_names_the_authors() -> None:
    article, _ = read("by_and_private_note.xml")
    assert [(a.name, a.role) for a in article.attributions] == [
        ("AINO LAHTI", Role.AUTHOR),
        ("VEIKKO MÄKI", Role.AUTHOR),
    ]
    assert not any(k == "newsml:by" for k, _ in article.extra)


def test_a_by_statement_beside_a_creator_is_kept_as_written() -> None:
    data = _item(
        "<creator><name>Jane Doe</name></creator><by>JOHN ROE</by><by>By Jane Doe</by>"
        "<headline>H</headline>",
        "<p>Text.</p>",
    )
    article = newsml.loads(data)
    assert [a.name for a in article.attributions] == ["Jane Doe"]
    assert [v for k, v in article.extra if k == "newsml:by"] == ["JOHN ROE", "By Jane Doe"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("JANE DOE, JOHN ROE ", ["JANE DOE", "JOHN ROE"]),
        ("Jane Doe and John Roe", ["Jane Doe", "John Roe"]),
        ("By Jane Doe", ["Jane Doe"]),
        ("STT", None),  # an agency's name alone is not a person
        ("gr/bp", None),  # a desk's initials
        ("Jane Doe, staff", None),
        ("The minister spoke on Tuesday", None),
    ],
)
def test_what_a_by_statement_names(text: str, names: list[str] | None) -> None:
    found = by_attributions(text)
    assert (None if found is None else [a.name for a in found]) == names


def test_a_newsmodel_item_keeps_a_paragraph_that_looks_like_a_byline() -> None:
    article = Article(headline="H", sections=[Section(blocks=["By Jane Doe", "Автор: Иван"])])
    assert newsml.loads(newsml.dumps(article)) == article


def test_an_ednote_whose_role_marks_it_private_stays_out_of_the_note() -> None:
    article, messages = read("by_and_private_note.xml")
    assert article.editorial_note == (
        "Korjattu aiempaa uutista: silta avataan syyskuussa, ei lokakuussa."
    )
    assert messages == ["newsml: a non-public edNote was left out (private_notes=True keeps it)"]
    kept, _ = read("by_and_private_note.xml", private_notes=True)
    assert kept.editorial_note == article.editorial_note
    assert (
        "newsml:edNote:nonpublic",
        "Toinen kappale tarkistettu puhelimitse; lähde ei halua nimeään julki.",
    ) in kept.extra


# --- times, streams -------------------------------------------------------------------------


def test_timestamps_without_offset_read_in_the_given_zone() -> None:
    article, messages = read("stt_naive_times.xml", tz="Europe/Helsinki")
    helsinki = ZoneInfo("Europe/Helsinki")
    assert article.published == datetime(2026, 7, 1, 12, 0, tzinfo=helsinki)
    assert article.published.utcoffset() == timedelta(hours=3)  # summer time
    assert article.updated == datetime(2026, 7, 1, 12, 30, tzinfo=helsinki)
    assert sum("no UTC offset" in m for m in messages) == 3


def test_iter_articles_skips_a_bad_item_naming_it_and_goes_on() -> None:
    data = (AGENCY / "message_bad_item.xml").read_bytes()
    with pytest.warns(LossyConversionWarning) as caught:
        articles = list(newsml.iter_articles(io.BytesIO(data), on_error="skip"))
    assert [a.headline for a in articles] == ["First item", "Third item"]
    (warning,) = caught
    assert "urn:newsml:example.org:2" in str(warning.message)
    assert "line 8" in str(warning.message)
    assert warning.message.line == 8  # type: ignore[union-attr]
    assert warning.filename == __file__


def test_iter_articles_raises_on_a_bad_item_by_default() -> None:
    data = (AGENCY / "message_bad_item.xml").read_bytes()
    stream = newsml.iter_articles(io.BytesIO(data))
    assert next(stream).headline == "First item"
    with pytest.raises(ParseError, match="no headline") as info:
        next(stream)
    assert info.value.line == 8


def test_iter_articles_on_error_takes_raise_or_skip() -> None:
    with pytest.raises(ValueError, match="on_error"):
        newsml.iter_articles(io.BytesIO(b""), on_error="ignore")  # type: ignore[arg-type]


def test_a_message_wrapping_its_story_in_a_package_reads_the_story() -> None:
    article, messages = read("message_with_package.xml")
    assert article.headline == "Ferry operator names interim chief after board change"
    assert article.guid == "urn:example:harbourwire:5521"
    assert [a.name for a in article.attributions] == ["Mere Tane"]
    assert messages == [
        "newsml: skipped a package item (packageItem), not a news item (line 8)",
        (
            "newsml: the item has no headline; the body's title 'Ferry operator names interim "
            "chief after board change' was used instead"
        ),
    ]


def test_a_message_of_a_package_alone_is_refused() -> None:
    data = (AGENCY / "message_with_package.xml").read_bytes()
    start, end = data.index(b"<newsItem "), data.index(b"</newsItem>") + len(b"</newsItem>")
    with pytest.raises(ParseError, match=r"the message holds a package item \(packageItem\)"):
        newsml.loads(data[:start] + data[end:])


def test_a_byline_after_an_advisory_line_is_an_attribution() -> None:
    article, _ = read("advisory_then_byline.xml")
    assert texts(article) == [
        "(Adds timetable, comment from the operator)",
        "LAKESIDE, Dec 2 (Example Wire) - The ferry ran again on Wednesday.",
        "(The operator said more boats would follow.)",
    ]
    assert [(a.name, a.role) for a in article.attributions] == [
        ("Example Wire", Role.SOURCE),
        ("Jane Doe", Role.AUTHOR),
    ]


def test_a_byline_after_text_stays_text() -> None:
    data = _item(
        "<headline>H</headline>",
        "<p>(Adds detail)</p><p>The text begins.</p><p>By Jane Doe</p>",
    )
    article = newsml.loads(data)
    assert texts(article) == ["(Adds detail)", "The text begins.", "By Jane Doe"]


def test_a_by_beside_the_issuing_organisation_names_the_author() -> None:
    article, _ = read("by_beside_issuer.xml")
    assert [(a.name, a.role) for a in article.attributions] == [
        ("Partner Media, LLC", Role.SOURCE),
        ("John Roe", Role.AUTHOR),
    ]
    assert texts(article) == ["SEASIDE (Partner Media) - The festival named its jury on Wednesday."]
    assert ("newsml:by", "John Roe") in article.extra  # the by statement, as written


def test_a_by_beside_a_creator_who_is_not_the_issuer_leaves_the_creator() -> None:
    data = _item(
        "<creator><name>Jane Doe</name></creator><headline>H</headline>"
        "<creditline>Example Wire</creditline><by>John Roe</by>",
        "<p>Text.</p>",
    )
    article = newsml.loads(data)
    assert [(a.name, a.role) for a in article.attributions] == [("Jane Doe", Role.AUTHOR)]


def test_the_name_of_an_item_meta_property_is_kept_beside_its_code() -> None:
    data = (
        b'<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:x:1" version="1">'
        b'<itemMeta><itemClass qcode="ninat:text"/>'
        b'<service qcode="svc:steppe"><name>Steppe News Service</name></service>'
        b'<memberOf literal="Sport"><name>Sport and Leisure</name></memberOf>'
        b'<memberOf literal="Culture"><name>Culture</name></memberOf>'
        b"</itemMeta><contentMeta><headline>H</headline></contentMeta><contentSet>"
        b'<inlineXML contenttype="application/xhtml+xml">'
        b'<html xmlns="http://www.w3.org/1999/xhtml"><body><p>Text.</p></body></html>'
        b"</inlineXML></contentSet></newsItem>"
    )
    article = newsml.loads(data)
    assert [
        (k, v) for k, v in article.extra if k.startswith(("newsml:service", "newsml:memberOf"))
    ] == [
        ("newsml:service", "svc:steppe"),
        ("newsml:service:name", "Steppe News Service"),
        ("newsml:memberOf", "Sport"),
        ("newsml:memberOf:name", "Sport and Leisure"),
        ("newsml:memberOf", "Culture"),
    ]


# --- a subject given as a literal alone ----------------------------------------------------


def test_a_literal_subject_is_kept_once_not_doubled() -> None:
    doc = b"""<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:x:1" version="1"
    standard="NewsML-G2" standardversion="2.4"><itemMeta><itemClass qcode="ninat:text"/>
    <provider literal="x"/><versionCreated>2017-10-11T10:41:00+01:00</versionCreated></itemMeta>
    <contentMeta><subject type="cptype:cat" literal="ALR"/>
    <subject literal="ALR2"><name>Alerts</name></subject><headline>H</headline></contentMeta>
    <contentSet><inlineXML contenttype="application/xhtml+xml">
    <html xmlns="http://www.w3.org/1999/xhtml"><body><p>Text.</p></body></html>
    </inlineXML></contentSet></newsItem>"""
    article = newsml.loads(doc)
    subjects = [v for k, v in article.extra if k == "newsml:subject"]
    assert subjects == ["ALR", "ALR2 Alerts"]


def test_one_party_in_several_agency_roles_is_credited_once() -> None:
    # Reuters names its partner as original provider, source and creator, itself as
    # enhancer and redistributor: the model has one source role.
    doc = b"""<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:x:1" version="1"
    standard="NewsML-G2" standardversion="2.10"><itemMeta><itemClass qcode="icls:text"/>
    <provider literal="reuters.com"/><versionCreated>2018-01-03T20:13:08Z</versionCreated>
    </itemMeta><contentMeta>
    <infoSource literal="Opta Sports Data" role="cRole:origProv"/>
    <infoSource literal="Opta Sports Data" role="cRole:source"/>
    <infoSource literal="Reuters" role="cRole:enhancer"/>
    <infoSource literal="Reuters" role="cRole:redistributor"/>
    <creator literal="Opta Sports Data" role="cRole:source"/>
    <headline>Primeira Liga results</headline></contentMeta>
    <contentSet><inlineXML contenttype="application/xhtml+xml">
    <html xmlns="http://www.w3.org/1999/xhtml"><body><p>Text.</p></body></html>
    </inlineXML></contentSet></newsItem>"""
    article = newsml.loads(doc)
    assert [(a.name, a.role) for a in article.attributions] == [
        ("Opta Sports Data", Role.SOURCE),
        ("Reuters", Role.SOURCE),
    ]


# --- HTML sent as text in inlineData -------------------------------------------------------

_INLINE_DATA = """<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:x:1" version="1"
standard="NewsML-G2" standardversion="2.4"><itemMeta><itemClass qcode="icls:text"/>
<provider literal="x"/><versionCreated>2017-10-11T10:41:00+01:00</versionCreated></itemMeta>
<contentMeta><headline>H</headline></contentMeta><contentSet>{}</contentSet></newsItem>"""


@pytest.mark.parametrize(
    "inline",
    [
        # ANSA: HTML in CDATA under text/plain
        (
            '<inlineData contenttype="text/plain"><![CDATA[\n<p>\n   (ANSA) - Rome - First.\n'
            "</p><p>Second <b>bold</b>.</p>]]></inlineData>"
        ),
        # escaped HTML under text/html
        (
            '<inlineData contenttype="text/html">&lt;p&gt;(ANSA) - Rome - First.&lt;/p&gt;'
            "&lt;p&gt;Second &lt;b&gt;bold&lt;/b&gt;.&lt;/p&gt;</inlineData>"
        ),
    ],
)
def test_html_sent_as_text_is_read_as_markup_not_words(inline: str) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error", LossyConversionWarning)
        article = newsml.loads(_INLINE_DATA.format(inline).encode())
    assert texts(article) == ["(ANSA) - Rome - First.", "Second bold."]


def test_plain_text_in_inline_data_stays_text() -> None:
    inline = '<inlineData contenttype="text/plain">Rome - 2 &lt; 3.\n\nSecond.</inlineData>'
    article = newsml.loads(_INLINE_DATA.format(inline).encode())
    assert texts(article) == ["Rome - 2 < 3.", "Second."]
