"""Reading NITF: the shapes agencies send, the DOCTYPE, encodings, limits and losses."""

from __future__ import annotations

import io
import warnings
from datetime import date, datetime, timedelta, timezone

import attrs
import pytest

from conftest import DATA
from newsmodel import (
    Attribution,
    Figure,
    ItemList,
    LossyConversionWarning,
    ParseError,
    PubStatus,
    Quote,
    Rights,
    Role,
    Subject,
    Table,
    nitf,
)

NITF = DATA / "nitf"


def read(name: str, **kwargs: object) -> tuple[object, list[str]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", LossyConversionWarning)
        article = nitf.loads((NITF / name).read_bytes(), **kwargs)  # type: ignore[arg-type]
    return article, [str(w.message) for w in caught]


def test_ap_style_story():
    a, warned = read("ap-style.xml")
    assert a.headline == "Steppe wind farms double their output"
    assert a.lede is None
    assert a.attributions == (Attribution("ANNA KIM", role=Role.AUTHOR),)
    assert a.site == "Example Press"
    assert a.dateline == "ASTANA"
    assert a.published == datetime(2026, 11, 25, 4, 5, tzinfo=timezone.utc)
    assert a.guid == "xp-2026-1125-0001"
    assert a.sections[0].blocks[0].text.startswith("ASTANA (XP) — Wind farms")
    assert len(a.sections[0].blocks) == 3
    extra = dict(a.extra)
    assert extra["nitf:byttl"] == "Example Press Energy Writer"
    assert extra["nitf:tagline"] == "Anna Kim can be reached at desk@example.kz."
    assert a.editorial_note == "For use in all regions"
    assert a.rights == Rights(holder="Example Press")
    assert extra["nitf:copyright-year"] == "2026"
    assert "nitf:hl2" not in extra  # the same as the headline
    assert warned == []


def test_latin1_nitf_31_with_a_doctype_and_an_entity_of_its_dtd():
    a, warned = read("pa-latin1.xml")
    assert a.headline == "SPORT CALENDAR (NOVEMBER 25)"
    assert a.lede == "ON THIS DAY IN SPORT"
    texts = [b.text for b in a.sections[0].blocks]
    # the lede repeated at the top of the body is read once; the entity is left out, reported
    assert texts[0] == "1998: Ren Dupont scored twice for Kairat in Almaty."
    assert texts[1] == "2011: A café in Astana hosted the draw on November 25 & the final."
    assert a.subjects == (Subject("subj:15000000"), Subject("subj:15054000"))
    assert a.tags == ("Calendar (Nov 25)",)
    assert a.published == datetime(2026, 11, 25, 4, 30, 1, tzinfo=timezone.utc)
    entity = "nitf: 1 entity reference (&eacute;) left out: entities are never expanded"
    assert warned == [f"{entity} and the DTD is never loaded"]
    assert a.urgency == 4
    assert a.editorial_note is None  # an empty ed-msg
    assert a.pub_status is PubStatus.USABLE


def test_agate_table_is_kept_as_a_table():
    a, warned = read("table-agate.xml")
    assert a.lede == "THROUGH NOVEMBER 24"
    assert [s.heading for s in a.sections] == ["SCORERS", "Assists", "Standings"]
    table = a.sections[0].blocks[0]
    assert isinstance(table, Table)
    assert table.header_rows == 1
    assert table.rows[0] == ("", "G", "Goals", "Pct.")
    assert table.rows[1] == ("Islamov Kai", "24", "17", ".708")
    assert len(table.rows) == 4
    # a merged cell is not a simple table: read as rows of text, reported
    assert [b.text for b in a.sections[2].blocks] == ["Group A", "Kairat | 52"]
    assert any("table that is not simple" in w for w in warned)


def test_namespaced_nitf_36_with_headings_lists_quotes_and_pictures():
    a, warned = read("ntb-media.xml")
    assert a.language == "nb-NO"
    assert a.lede == "Nei, vindkraft stopper ikke regnet."
    assert a.attributions[0].name == "Kari Nordmann / Faktisk.no"
    assert a.site == "NTB"
    assert a.dateline == "Oslo"
    assert [s.heading for s in a.sections] == ["Påstand", "Gjennomgang"]
    blocks = a.sections[1].blocks
    assert isinstance(blocks[1], ItemList)
    assert blocks[1].items[0].text == "Vindmøller endrer været"
    assert blocks[2] == Quote(["Det finnes ingen slik sammenheng."], cite="Meteorologisk institutt")
    assert blocks[3] == Figure(
        "https://images.example.no/vind.jpg",
        caption="Vindmøller på Smøla.",
        credit=Attribution("Ola Foto", role=Role.PHOTOGRAPHER),
        alt="Vindmøller",
    )
    # a picture with no http(s) address keeps its caption as text
    assert blocks[4].text == "Foto: NTB"
    # a time without an offset is read in tz, with a warning
    assert a.published == datetime(2026, 11, 25, 14, 45, 26, tzinfo=timezone.utc)
    assert any("no UTC offset" in w for w in warned)
    assert any("not an absolute http(s) URL" in w for w in warned)


def test_tz_reads_a_time_without_offset():
    a, _ = read("ntb-media.xml", tz="Europe/Oslo")
    assert a.published.utcoffset() == timedelta(hours=1)


def test_spanish_story_with_two_subject_schemes():
    a, _ = read("efe-spanish.xml")
    assert a.language == "es-ES"
    assert a.lede == "Almaty, 25 nov (XE).- La nieve cerró hoy los pasos de montaña."
    assert [b.text for b in a.sections[0].blocks] == [
        "Las autoridades pidieron no viajar hasta el viernes. XE"
    ]
    assert a.subjects == (Subject("subj:17000000", "Clima"),)
    assert ("nitf:subject:XEFE", "F09001000 NIEVE") in a.extra
    assert ("nitf:hl2", "KAZAJISTAN CLIMA") in a.extra
    assert a.place == "Almaty"
    assert a.dateline is None  # story.date is a date, not a dateline
    assert a.attributions == (Attribution("ab/cd", role=Role.EDITOR),)  # the desk's initials


def test_an_abstract_that_repeats_the_headline_is_kept_as_the_lede():
    a, messages = read("abstract-as-headline.xml")
    assert a.headline == a.lede == "Tonight's main stories on the evening bulletin"
    assert a.sections[0].blocks[0].text.startswith("1) Storm warnings")
    assert messages == []
    # the lede travels through NITF (the byline as written stays in extra, which NITF drops)
    plain = attrs.evolve(a, extra=())
    assert attrs.evolve(nitf.loads(nitf.dumps(plain)), extra=()) == plain


def test_public_doctype_line_breaks_and_empty_paragraphs():
    a, warned = read("aap-breaks.xml")
    assert a.headline == "The main stories on tonight's news"
    assert a.lede == a.headline  # the abstract repeats the headline, and is kept
    assert a.attributions == (Attribution("John Doe"),)
    assert a.place == "Sydney"
    assert a.published.utcoffset() == timedelta(hours=11)
    blocks = a.sections[0].blocks
    assert len(blocks) == 4
    assert blocks[1].text == "1A) Storms are forecast over the next few\ndays along the\ncoast."
    assert a.embargo == datetime(2026, 11, 25, 20, 0, tzinfo=timezone(timedelta(hours=11)))
    assert a.urgency == 5
    assert warned == []


@pytest.mark.parametrize("name", ["no-headline.xml", "wrong-root.xml", "truncated.xml"])
def test_invalid_documents_raise_parse_error(name):
    with pytest.raises(ParseError) as info:
        nitf.loads((NITF / "invalid" / name).read_bytes())
    assert info.value.format == "nitf"


def test_truncated_document_says_where():
    with pytest.raises(ParseError) as info:
        nitf.loads((NITF / "invalid" / "truncated.xml").read_bytes())
    assert info.value.line is not None


def test_limits():
    data = (NITF / "ap-style.xml").read_bytes()
    with pytest.raises(ParseError, match="max_bytes"):
        nitf.loads(data, max_bytes=100)
    nested = (
        b"<nitf><body><body.head><hedline><hl1>x</hl1></hedline></body.head><body.content>"
        + b"<block>" * 30
        + b"<p>deep</p>"
        + b"</block>" * 30
        + b"</body.content></body></nitf>"
    )
    with pytest.raises(ParseError, match="max_depth"):
        nitf.loads(nested, max_depth=10)
    assert nitf.loads(nested).sections[0].blocks[0].text == "deep"


def test_load_reads_a_file_and_str_input():
    data = (NITF / "ap-style.xml").read_bytes()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", LossyConversionWarning)
        assert nitf.load(io.BytesIO(data)) == nitf.loads(data)
        assert nitf.loads(data.decode("utf-8")) == nitf.loads(data)


def test_warnings_point_at_the_callers_line():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", LossyConversionWarning)
        nitf.loads((NITF / "ntb-media.xml").read_bytes())
    assert caught
    assert all(w.filename == __file__ for w in caught)
    assert all(isinstance(w.message, LossyConversionWarning) for w in caught)
    assert {w.message.kind for w in caught} == {"time", "element"}  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "imports",
    ["import newsmodel.nitf, newsmodel.newsml", "import newsmodel.newsml, newsmodel.nitf"],
)
def test_nitf_and_newsml_import_in_either_order(imports):
    # NewsML 1.2 reads NITF bodies and NITF reads with the NewsML body reader.
    import subprocess  # noqa: PLC0415
    import sys  # noqa: PLC0415

    subprocess.run([sys.executable, "-c", imports], check=True)  # noqa: S603


@pytest.mark.parametrize("first", ["Автор: Анна Ким", "By Jane Doe"])
def test_a_paragraph_that_reads_like_a_byline_stays_in_the_body(first):
    # NITF marks its byline (``byline``); a body paragraph is text, whatever it says.
    data = (
        '<nitf xmlns="http://iptc.org/std/NITF/2006-10-18/"><head><title>Мост открыт</title>'
        "</head><body><body.content><p>" + first + "</p><p>Движение открыли утром.</p>"
        "</body.content></body></nitf>"
    ).encode()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        article = nitf.loads(data)
    assert [b.text for s in article.sections for b in s.blocks] == [
        first,
        "Движение открыли утром.",
    ]
    assert article.attributions == ()


def _byline_doc(byline: str) -> bytes:
    return (
        "<nitf><head><title>T</title></head><body><body.head><hedline><hl1>T</hl1></hedline>"
        f"<byline>{byline}</byline></body.head><body.content><p>Text.</p></body.content>"
        "</body></nitf>"
    ).encode()


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        # an agency after the name, as PA writes it: the agency is the source
        (
            "By Benjamin Wright, Press Association",
            [("Benjamin Wright", Role.AUTHOR), ("Press Association", Role.SOURCE)],
        ),
        ("By Jane Doe and John Roe", [("Jane Doe", Role.AUTHOR), ("John Roe", Role.AUTHOR)]),
        # "By" inside the person element
        (
            "<person>By Hillary Borrud </person><byttl>The Bulletin</byttl>",
            [("Hillary Borrud", Role.AUTHOR)],
        ),
        ("gr/bp", [("gr/bp", Role.EDITOR)]),
        ("By BERNARD CONDON<byttl>AP Business Writer</byttl>", [("BERNARD CONDON", Role.AUTHOR)]),
    ],
)
def test_a_byline_names_each_person_as_newsml_g2_reads_it(byline, expected):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", LossyConversionWarning)
        article = nitf.loads(_byline_doc(byline))
    assert [(a.name, a.role) for a in article.attributions] == expected


@pytest.mark.parametrize("written", ["2010-02-10", "2010-02-10 ", "20100210"])
def test_a_day_alone_in_either_iso_form_is_the_publication_day(written):
    data = (
        "<nitf><head><title>T</title>"
        f'<pubdata date.publication="{written}"/></head>'
        "<body><body.content><p>Text.</p></body.content></body></nitf>"
    ).encode()
    with warnings.catch_warnings():
        warnings.simplefilter("error", LossyConversionWarning)
        article = nitf.loads(data)
    assert article.published == date(2010, 2, 10)
