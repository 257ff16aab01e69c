"""Reading NewsML-G2: IPTC's examples, items shaped like real agency feeds, hostile input."""

from __future__ import annotations

import inspect
import io
import warnings
from datetime import datetime, timedelta, timezone
from typing import TYPE_CHECKING

import pytest

from conftest import DATA
from newsmodel import (
    Article,
    Figure,
    Link,
    LossyConversionWarning,
    Paragraph,
    ParseError,
    PubStatus,
    Quote,
    Role,
    Section,
    Strong,
    html,
    json,
    newsml,
)
from newsmodel.newsml._ns import NM

if TYPE_CHECKING:
    from pathlib import Path

NEWSML = DATA / "newsml"
VALID = sorted((NEWSML / "valid").glob("*.xml"))
INVALID = sorted((NEWSML / "invalid").glob("*.xml"))
IPTC = NEWSML / "iptc"


def read(path: Path, **options: object) -> Article:
    """Read a file, letting the lossy-conversion warnings it gives pass."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", LossyConversionWarning)
        return newsml.loads(path.read_bytes(), **options)  # type: ignore[arg-type]


def lossy_messages(data: bytes, **options: object) -> tuple[Article, list[str]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        article = newsml.loads(data, **options)  # type: ignore[arg-type]
    assert all(issubclass(w.category, LossyConversionWarning) for w in caught)
    return article, [str(w.message) for w in caught]


# --- data-driven -----------------------------------------------------------------------------


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.name)
def test_valid_items_read(path: Path) -> None:
    article = read(path)
    expected = path.with_suffix(".json")
    if expected.exists():
        assert article == json.loads(expected.read_text("utf-8"))
    # Whatever was read is written back valid, and reads back the same.
    data = newsml.dumps(article)
    assert newsml.validate(data) == []
    assert newsml.loads(data) == article


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.name)
def test_invalid_items_raise_parse_error(path: Path) -> None:
    with pytest.raises(ParseError) as info:
        newsml.loads(path.read_bytes())
    assert info.value.format == "newsml"
    assert info.value.line is not None or "limit" in info.value.message


# What each IPTC example gives: the headline of a text item, or the start of the ParseError.
IPTC_EXPECTED = {
    "LISTING_1_A_NewsML-G2_News_Item.xml": 'Fed to halt QE to avert "bubble"',
    "LISTING_2_NewsML-G2_Text_Document.xml": 'Fed to halt QE to avert "bubble"',
    "LISTING_21_A_complete_sample_SportsML-G2_document.xml": "Troy Tulowitzki singled",
    "LISTING_22_Sports_story_in_NewsML-G2NITF.xml": "Preview: Arizona Diamondbacks",
    "LISTING_27_Company_Financial_Information.xml": "Acme Widgets announces annual results",
    "Receiver View.xml": 'Fed to halt QE to avert "bubble"',
    "LISTING_3_Photo_in_NewsML-G2.xml": "!a picture (ninat:picture)",
    "LISTING_3A_Photo_in_NewsML-G2_(URI_sibling_attributes).xml": "!a picture (ninat:picture)",
    "LISTING_26_Embedded_photo_metadata_fields_mapped_to_NewsML-G2.xml": "!a picture",
    "LISTING_4_Multiple_Renditions_of_a_Video_in_NewsML-G2.xml": "!a video (ninat:video)",
    "LISTING_5_Multi-part_Video_in_NewsML-G2.xml": "!a video (ninat:video)",
    "ap_metadata_example.xml": "!a video (ninat:video)",
    "LISTING_16_A_Set_of_Events_carried_in_a_News_Item.xml": "!a composite item",
    "LISTING_6_Simple_NewsML-G2_Package.xml": "!a package item (packageItem)",
    "LISTING_23_SportsML-G2_Package.xml": "!a package item (packageItem)",
    "LISTING_24_News_Message_conveying_a_complete_News_Package.xml": "!a newsMessage of 4 news",
    "LISTING_10_Abstract_Concept_conveyed_in_a_NewsML-G2_Concept_Item.xml": "!a concept item",
    "LISTING_11_Person_Concept_conveyed_in_a_NewsML-G2_Concept_Item.xml": "!a concept item",
    "LISTING_14_Event_sent_as_a_Concept_Item.xml": "!a concept item",
    "LISTING_12_Knowledge_Item_for_Access_Codes.xml": "!a knowledge item",
    "LISTING_15_Two_Related_Events_in_a_Knowledge_Item.xml": "!a knowledge item",
    "LISTING_13_Complete_Catalog_Item.xml": "!a catalog item",
    "LISTING_17_Planning_Item_a_CCL.xml": "!a planning item",
    "LISTING_18_Planning_Item_at_PCL.xml": "!a planning item",
    "LISTING_19_Planning_Item_with_delivery_at_CCL.xml": "!a planning item",
    "LISTING_20_Planning_Item_with_delivery_at_PCL.xml": "!a planning item",
    "LISTING_7_Group_Set_example_showing_Hierarchical_Package_Structure.xml": "!not a NewsML-G2 item or message",  # noqa: E501
    "LISTING_8_Group_Set_example_showing_an_ALT_Package_Mode.xml": "!not a NewsML-G2 item or message",  # noqa: E501
    "LISTING_9_Group_Set_example_showing_a_SEQ_Package_Mode.xml": "!not a NewsML-G2 item or message",  # noqa: E501
    "LISTING_25_An_NITF_marked-up_article_conveyed_in_inlineXML.xml": "!not a NewsML-G2 item or message",  # noqa: E501
    "LISTING_28_Illustrating_Located_Subject_and_Dateline.xml": "!not a NewsML-G2 item or message",
    "LISTING_29_Hop_History.xml": "!the item has no headline",
    "facet-example.xml": "!the item has no headline",
    "facet-example-2.xml": "!the item has no headline",
    "facet-example-3.xml": "Content goes here",  # no headline: the first sentence
}


def test_every_iptc_example_is_listed() -> None:
    assert sorted(p.name for p in IPTC.glob("*.xml")) == sorted(IPTC_EXPECTED)


@pytest.mark.parametrize("name", sorted(IPTC_EXPECTED))
def test_iptc_examples(name: str) -> None:
    expected = IPTC_EXPECTED[name]
    path = IPTC / name
    if expected.startswith("!"):
        with pytest.raises(ParseError, match=expected[1:].replace("(", r"\(").replace(")", r"\)")):
            read(path)
        return
    article = read(path)
    assert article.headline.startswith(expected)
    data = newsml.dumps(article)
    assert newsml.validate(data) == []
    assert newsml.loads(data) == article


def test_iptc_listing_2_nitf_body_and_metadata() -> None:
    article = read(IPTC / "LISTING_2_NewsML-G2_Text_Document.xml")
    assert article.guid == "urn:newsml:acmenews.com:20161121:US-FINANCE-FED"
    assert article.version == 11
    assert article.language == "en-US"
    assert article.place == "New York, NY"
    assert [(a.name, a.role) for a in article.attributions] == [
        ("Meredith Jameson", Role.AUTHOR),
        ("Associated Press", Role.SOURCE),
    ]
    assert [s.code for s in article.subjects] == [
        "medtop:04000000",
        "medtop:20000350",
        "medtop:20000379",
    ]
    assert article.published == datetime(2016, 11, 21, 20, 21, 6, tzinfo=timezone.utc)
    assert article.updated == datetime(2018, 11, 21, 21, 22, 45, tzinfo=timezone.utc)
    paragraphs = article.sections[0].blocks
    assert len(paragraphs) == 2
    assert paragraphs[0].text.startswith("(New York, NY - October 21) Et, sent luptat")
    # the NITF hl1 repeats the headline: not a section heading
    assert article.sections[0].heading is None
    assert ("newsml:nitf:byline", "By Meredith Jameson, Staff Reporter") in article.extra


def test_iptc_listing_1_embargo_and_rights() -> None:
    article = read(IPTC / "LISTING_1_A_NewsML-G2_News_Item.xml")
    extra = dict(article.extra)
    assert article.embargo == datetime(2018, 10, 23, 12, tzinfo=timezone.utc)
    assert article.rights is not None
    assert article.rights.holder == "Example Enews LLP"
    assert article.rights.usage_terms == "Not for use outside the United States"
    assert extra["newsml:provider"] == "nprov:REUTERS"
    assert [g.code for g in article.genres] == ["genre:interview"]
    assert article.slugline == "US-Finance-Fed"
    assert article.place == "Berlin"
    data = newsml.dumps(article)
    # written back where they came from
    assert b"<embargoed>2018-10-23T12:00:00+00:00</embargoed>" in data
    assert b'<provider qcode="nprov:REUTERS"/>' in data
    assert b"<usageTerms>Not for use outside the United States</usageTerms>" in data


# --- real-feed shapes ------------------------------------------------------------------------


def test_ap_style_nitf() -> None:
    article = read(NEWSML / "valid" / "ap_nitf.xml")
    assert article.headline == "Kazakhstan votes in snap election"
    # the NITF abstract is the lede when the metadata has no summary
    assert article.lede == "Voters in Kazakhstan cast ballots on Sunday in a snap election."
    assert [s.heading for s in article.sections] == [None, "Opposition"]
    blocks = article.sections[1].blocks
    assert isinstance(blocks[1], Quote)
    assert blocks[1].cite == "party leader"
    assert isinstance(blocks[3], Figure)
    assert blocks[3].credit is not None
    assert blocks[3].credit.name == "Ivan Petrov"
    # the retired cRole / isrol codes are matched on the code, case-insensitively
    assert [a.role for a in article.attributions] == [Role.AUTHOR, Role.EDITOR, Role.SOURCE]
    assert ("newsml:headline:hlrole:short", "Kazakhstan votes") in article.extra


def test_non_public_ed_note_is_kept_out() -> None:
    data = (NEWSML / "valid" / "ap_nitf.xml").read_bytes()
    article, messages = lossy_messages(data)
    assert not any("Internal" in value for _, value in article.extra)
    assert "Internal" not in article.text
    assert any("non-public edNote" in m for m in messages)
    assert not any("Internal" in m for m in messages)
    kept, _ = lossy_messages(data, private_notes=True)
    assert (
        "newsml:edNote:nonpublic",
        "Internal: check the quote with the desk before 15:00.",
    ) in kept.extra
    assert article.editorial_note == "Eds: Adds details in 4th paragraph."
    assert "Internal" not in (kept.editorial_note or "")


def test_reuters_style_body_does_not_repeat_headline_or_lede() -> None:
    article = read(NEWSML / "valid" / "reuters_xhtml.xml")
    first = article.sections[0].blocks[0]
    assert first.text.startswith("ASTANA, Nov 25 (Reuters)")
    assert article.headline not in [b.text for s in article.sections for b in s.blocks]
    assert article.lede not in [b.text for s in article.sections for b in s.blocks]
    assert isinstance(first.content[1], Strong)  # type: ignore[union-attr]


def test_reuters_style_headlines_and_descriptions_are_told_apart() -> None:
    article = read(NEWSML / "valid" / "reuters_xhtml.xml")
    assert article.headline == "Kazakhstan keeps oil output steady"
    assert article.lede is not None
    assert article.lede.startswith("Kazakhstan will keep")
    extra = dict(article.extra)
    assert extra["newsml:headline:hlrole:subheadline"] == "Ministry says quota talks continue"
    assert extra["newsml:headline@ru"] == "Казахстан сохранит добычу нефти"
    assert extra["newsml:description:drol:teaser"] == "Oil output steady"
    assert extra["newsml:embargoed"] == ""  # empty: embargoed until further notice
    assert "newsml:urgency" not in extra  # empty <urgency/> is absent
    assert article.updated == datetime(2026, 11, 25, 9, 4, 33, tzinfo=timezone.utc)
    assert article.url == "https://www.reuters.com/world/asia/oil-output-2026-11-25/"
    assert article.subjects[1].label == "oil and gas"  # the name in the item's language


def test_reuters_style_reports_what_it_drops() -> None:
    data = (NEWSML / "valid" / "reuters_xhtml.xml").read_bytes()
    article, messages = lossy_messages(data)
    joined = " ".join(messages)
    assert "versionedId" in joined
    assert "javascript" in joined
    assert "table" not in joined  # a simple table is read as a table
    assert "javascript" not in json.dumps(article)


def test_dpa_style_message_without_header_and_offsets() -> None:
    data = (NEWSML / "valid" / "dpa_message.xml").read_bytes()
    article, messages = lossy_messages(data)
    # "+0100" is read; the offset-less firstCreated takes the item's other offset
    plus_one = timezone(timedelta(hours=1))
    assert article.published == datetime(2026, 11, 25, 10, 0, tzinfo=plus_one)
    assert article.updated == datetime(2026, 11, 25, 10, 15, tzinfo=plus_one)
    assert any("has no UTC offset" in m for m in messages)
    assert article.language == "de-DE"
    assert [a.role for a in article.attributions] == [Role.AUTHOR, Role.ORIGINAL]


def test_naive_timestamps_use_default_tz_when_nothing_else_says() -> None:
    item = (
        b'<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/"><itemMeta>'
        b"<itemClass qcode='ninat:text'/><versionCreated>2026-11-25T10:00:00</versionCreated>"
        b"</itemMeta><contentMeta><headline>H</headline></contentMeta></newsItem>"
    )
    almaty = timezone(timedelta(hours=5))
    article, messages = lossy_messages(item, tz=almaty)
    assert article.published == datetime(2026, 11, 25, 10, 0, tzinfo=almaty)
    assert any("no UTC offset" in m for m in messages)


def test_headline_from_slugline_warns() -> None:
    data = (NEWSML / "valid" / "slugline_only.xml").read_bytes()
    article, messages = lossy_messages(data)
    assert article.headline == "BC-Kazakhstan-Weather"
    assert any("slugline" in m for m in messages)
    assert ("newsml:remoteContent", "https://example.org/stories/3.txt") in article.extra


def test_unknown_extension_namespaces_are_reported() -> None:
    data = (NEWSML / "valid" / "extension_namespace.xml").read_bytes()
    article, messages = lossy_messages(data)
    assert article.headline == "Новость"
    assert any("urn:example:ext" in m and "priority" in m for m in messages)
    assert article.pub_status is PubStatus.WITHHELD


def test_inline_data_plain_text_drops_repeated_headline() -> None:
    article = read(NEWSML / "valid" / "inline_data.xml")
    assert [b.text for b in article.sections[0].blocks] == [
        "Национальный банк установил курс на 25 ноября.",
        "Доллар стоит 520 тенге.",
    ]


def test_reads_str_input_with_declaration() -> None:
    text = (NEWSML / "valid" / "inline_data.xml").read_text("utf-8")
    assert newsml.loads(text).headline == "Курс тенге"


def test_load_from_file() -> None:
    with (NEWSML / "valid" / "inline_data.xml").open("rb") as fp:
        assert newsml.load(fp).headline == "Курс тенге"


# --- hostile input ---------------------------------------------------------------------------


def test_size_limit() -> None:
    data = (NEWSML / "valid" / "inline_data.xml").read_bytes()
    with pytest.raises(ParseError, match="max_bytes"):
        newsml.loads(data, max_bytes=100)


def test_depth_limit() -> None:
    body = "<div>" * 60 + "<p>deep</p>" + "</div>" * 60
    item = (
        '<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/"><contentMeta><headline>H'
        '</headline></contentMeta><contentSet><inlineXML><html xmlns="http://www.w3.org/1999/'
        f'xhtml"><body>{body}</body></html></inlineXML></contentSet></newsItem>'
    ).encode()
    with pytest.raises(ParseError, match="max_depth"):
        newsml.loads(item, max_depth=50)
    assert newsml.loads(item, max_depth=100).sections[0].blocks[0].text == "deep"


def test_libxml2_depth_limit_is_a_parse_error() -> None:
    item = b'<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/">' + b"<a>" * 3000
    with pytest.raises(ParseError) as info:
        newsml.loads(item + b"</a>" * 3000 + b"</newsItem>")
    assert info.value.line == 1


_HEAD = b'<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/"><contentMeta><headline>'


def _deep_item() -> bytes:
    return _HEAD + b"H</headline></contentMeta>" + b"<a>" * 300 + b"</a>" * 300 + b"</newsItem>"


def test_the_parser_depth_limit_is_named_in_our_words() -> None:
    data = _deep_item()
    with pytest.raises(ParseError) as loaded:
        newsml.loads(data, max_bytes=len(data))
    with pytest.raises(ParseError) as streamed:
        list(newsml.iter_articles(io.BytesIO(data)))
    for info in (loaded, streamed):
        message = info.value.message
        assert message == "the document is nested deeper than 256 levels (the XML parser's limit)"
        assert "XML_PARSE_HUGE" not in message
        assert info.value.line == 1
    assert loaded.value.column is not None


_WHEN = datetime(2026, 11, 25, 9, 0, tzinfo=timezone.utc)
#: A paragraph of 12 MB, over the 10 MB libxml2 allows one text node by default.
_PHRASE = "Длинный абзац, слово за словом. "
_LONG = (_PHRASE * (12_000_000 // len(_PHRASE.encode()) + 1)).strip()


def test_an_article_with_a_12_mb_paragraph_reads_back() -> None:
    article = Article(
        headline="Заголовок", published=_WHEN, sections=[Section(blocks=["Начало.", _LONG])]
    )
    data = newsml.dumps(article)
    assert 12_000_000 < len(data) < newsml.DEFAULT_MAX_BYTES
    assert newsml.loads(data) == article
    assert newsml.validate(data) == []


def test_an_attribute_over_10_mb_reads_back() -> None:
    link = Link("https://example.kz/" + "a" * 11_000_000, ("ссылка",))
    article = Article(
        headline="Заголовок",
        published=_WHEN,
        sections=[Section(blocks=[Paragraph(("Текст со ", link, "."))])],
    )
    assert newsml.loads(newsml.dumps(article)) == article


def test_a_message_with_a_12_mb_paragraph_streams_back() -> None:
    articles = [
        Article(headline="Первая", published=_WHEN),
        Article(headline="Вторая", published=_WHEN, sections=[Section(blocks=[_LONG])]),
        Article(headline="Третья", published=_WHEN),
    ]
    buf = io.BytesIO()
    newsml.dump_message(articles, buf, transmit_id="t-1", sent=_WHEN, now=_WHEN)
    buf.seek(0)
    assert list(newsml.iter_articles(buf)) == articles


def _nested(depth: int) -> bytes:
    return b"<a>" * depth + b"</a>" * depth


def test_the_depth_limit_holds_beside_a_text_node_over_10_mb() -> None:
    # The long headline comes first, so the parser meets it before the nesting.
    head = _HEAD.replace(b"<headline>", b"<headline>" + _LONG.encode())
    data = head + b"H</headline></contentMeta>\n" + _nested(300) + b"</newsItem>"
    with pytest.raises(ParseError) as info:
        newsml.loads(data)
    assert info.value.message == (
        "the document is nested deeper than 256 levels (the XML parser's limit)"
    )
    assert info.value.line == 2
    data = head + b"H</headline></contentMeta>\n" + _nested(254) + b"</newsItem>"
    with pytest.warns(LossyConversionWarning, match="not read: <a>"):
        assert newsml.loads(data).headline.endswith("словом.H")


def test_the_depth_limit_holds_in_every_streamed_item() -> None:
    item = (
        b'<newsItem><itemMeta><itemClass qcode="ninat:text"/></itemMeta><contentMeta>'
        b"<headline>H</headline></contentMeta>%s</newsItem>\n"
    )
    message = b'<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"><itemSet>\n%s</itemSet></newsMessage>'
    # newsMessage, itemSet and newsItem are three levels: 253 more make 256, 254 make 257.
    fits = message % (item % b"" + item % _nested(253))
    with pytest.warns(LossyConversionWarning, match="not read: <a>"):
        assert [a.headline for a in newsml.iter_articles(io.BytesIO(fits))] == ["H", "H"]
    too_deep = message % (item % b"" + item % _nested(254))
    headlines = []
    with pytest.raises(ParseError) as info:
        headlines.extend(a.headline for a in newsml.iter_articles(io.BytesIO(too_deep)))
    assert headlines == ["H"]
    assert info.value.message == (
        "the document is nested deeper than 256 levels (the XML parser's limit)"
    )
    assert info.value.line == 3


@pytest.mark.parametrize("where", ["header", "between items", "after the items"])
def test_the_depth_limit_holds_outside_streamed_items(where: str) -> None:
    item = (
        b'<newsItem><itemMeta><itemClass qcode="ninat:text"/></itemMeta><contentMeta>'
        b"<headline>H</headline></contentMeta></newsItem>\n"
    )
    deep = b"<x>" * 300 + b"</x>" * 300
    parts = {
        "header": (b"<header>" + deep + b"</header><itemSet>" + item + b"</itemSet>"),
        "between items": b"<itemSet>" + item + deep + item + b"</itemSet>",
        "after the items": b"<itemSet>" + item + b"</itemSet>" + deep,
    }[where]
    message = b'<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/">%s</newsMessage>'
    data = message % parts
    with pytest.raises(ParseError, match="nested deeper than 256 levels"):
        newsml.loads(data)
    with pytest.raises(ParseError, match="nested deeper than 256 levels"):
        list(newsml.iter_articles(io.BytesIO(data)))


class _CountedReads(io.BytesIO):
    def __init__(self, data: bytes) -> None:
        super().__init__(data)
        self.reads = 0

    def read(self, size: int | None = -1) -> bytes:
        self.reads += 1
        return super().read(size)


def test_a_streamed_doctype_is_refused_before_parsing() -> None:
    data = (
        b'<?xml version="1.0"?>\n<!DOCTYPE m [<!ENTITY e "x">]>\n'
        b'<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/">'
        + b" " * 100_000
        + b"</newsMessage>"
    )
    stream = _CountedReads(data)
    with pytest.raises(ParseError, match="DOCTYPE is not allowed"):
        list(newsml.iter_articles(stream))
    assert stream.reads == 1  # the first bytes only: the parser never saw the document


@pytest.mark.parametrize("kind", [bytearray, memoryview, str])
def test_input_over_max_bytes_is_refused_before_it_is_copied(kind: type) -> None:
    import tracemalloc  # noqa: PLC0415

    big = "<newsItem>" + "я" * 5_000_000
    data = kind(big.encode()) if kind is not str else big
    tracemalloc.start()
    try:
        with pytest.raises(ParseError, match="over the limit of max_bytes=1000"):
            newsml.loads(data, max_bytes=1000)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 1_000_000  # the document is 5 to 10 MB


def test_streaming_reports_the_real_error_and_position() -> None:
    data = _HEAD + b"\n  &undefined;</headline></contentMeta></newsItem>"
    with pytest.raises(ParseError) as loaded:
        newsml.loads(data)
    with pytest.raises(ParseError) as streamed:
        list(newsml.iter_articles(io.BytesIO(data)))
    assert "undefined" in streamed.value.message
    assert (streamed.value.message, streamed.value.line, streamed.value.column) == (
        loaded.value.message,
        loaded.value.line,
        loaded.value.column,
    )
    assert streamed.value.line == 2


@pytest.mark.parametrize("max_depth", [0, 257, 10_000])
def test_max_depth_beyond_the_parser_limit_is_refused(max_depth: int) -> None:
    with pytest.raises(ValueError, match="256") as info:
        newsml.loads(_HEAD + b"H</headline></contentMeta></newsItem>", max_depth=max_depth)
    assert not isinstance(info.value, ParseError)
    with pytest.raises(ValueError, match="256"):
        newsml.iter_articles(io.BytesIO(b""), max_depth=max_depth)


def test_entities_are_never_expanded_or_fetched() -> None:
    # no DOCTYPE: an undefined entity is a well-formedness error, not a file read
    item = (
        b'<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/"><contentMeta>'
        b"<headline>&xxe;</headline></contentMeta></newsItem>"
    )
    with pytest.raises(ParseError):
        newsml.loads(item)


def test_bad_bytes_are_parse_errors_with_position() -> None:
    with pytest.raises(ParseError) as info:
        newsml.loads(b"<newsItem>\n  <headline>\xff\xfe</headline></newsItem>")
    assert info.value.line == 2


def _declared(encoding: str, body: bytes) -> bytes:
    return (
        f"<?xml version='1.0' encoding='{encoding}'?>\n".encode()
        + _HEAD
        + body
        + b"</headline></contentMeta></newsItem>"
    )


@pytest.mark.parametrize("encoding", ["windows-1251", "KOI8-R", "iso-8859-5", "latin1"])
def test_utf8_bytes_under_a_single_byte_declaration_are_read_as_utf8(encoding: str) -> None:
    data = _declared(encoding, "Заголовок «новости»".encode())
    with pytest.warns(LossyConversionWarning, match="declaration was overridden") as caught:
        article = newsml.loads(data)
    assert article.headline == "Заголовок «новости»"
    assert encoding in str(caught[0].message)
    with pytest.warns(LossyConversionWarning, match="declaration was overridden"):
        streamed = list(newsml.iter_articles(io.BytesIO(data)))
    assert [a.headline for a in streamed] == ["Заголовок «новости»"]


def test_a_true_single_byte_declaration_is_read_as_declared() -> None:
    data = _declared("windows-1251", "Заголовок".encode("cp1251"))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert newsml.loads(data).headline == "Заголовок"
        assert [a.headline for a in newsml.iter_articles(io.BytesIO(data))] == ["Заголовок"]


@pytest.mark.parametrize(
    ("encoding", "bad"),
    [("windows-1251", b"\x98"), ("UTF-8", b"\xff\xfe"), ("UTF-8", "Заг".encode("cp1251"))],
)
def test_bytes_the_declaration_refuses_are_a_parse_error_at_their_place(
    encoding: str, bad: bytes
) -> None:
    data = _declared(encoding, b"ok\n  ok " + bad + b" rest")
    line_start = data.rindex(b"\n", 0, data.index(bad)) + 1
    column = data.index(bad) - line_start + 1
    with pytest.raises(ParseError, match="encoding") as info:
        newsml.loads(data)
    assert (info.value.line, info.value.column) == (3, column)
    with pytest.raises(ParseError, match="encoding") as streamed:
        list(newsml.iter_articles(io.BytesIO(data)))
    # the stream has the parser's position, which for a converted charset is where it converted
    assert streamed.value.line is not None
    assert streamed.value.column is not None


def test_not_bytes_is_a_type_error() -> None:
    with pytest.raises(TypeError):
        newsml.loads(42)  # type: ignore[arg-type]


def test_tz_takes_a_zone_name_or_a_tzinfo_like_the_other_readers() -> None:
    item = (
        b'<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/"><itemMeta>'
        b"<versionCreated>2026-11-25T10:00:00</versionCreated>"
        b"</itemMeta><contentMeta><headline>H</headline></contentMeta></newsItem>"
    )
    by_name, messages = lossy_messages(item, tz="Asia/Almaty")
    assert by_name.published is not None
    assert by_name.published.utcoffset() == timedelta(hours=5)
    assert any("no UTC offset" in m for m in messages)
    by_object, _ = lossy_messages(item, tz=timezone(timedelta(hours=5)))
    assert by_object.published == by_name.published
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", LossyConversionWarning)
        streamed = list(newsml.iter_articles(io.BytesIO(item), tz="Asia/Almaty"))
    assert streamed[0].published == by_name.published
    with pytest.raises(ValueError, match="Mars/Olympus"):
        newsml.loads(item, tz="Mars/Olympus")


def test_option_names_and_limits_match_the_other_formats() -> None:
    assert "DEFAULT_MAX_BYTES" in newsml.__all__
    assert "DEFAULT_MAX_DEPTH" in newsml.__all__
    assert newsml.DEFAULT_MAX_BYTES == 16 * 1024 * 1024
    for reader in (newsml.loads, newsml.load, newsml.iter_articles):
        params = inspect.signature(reader).parameters
        assert "tz" in params
        assert "default_tz" not in params
        assert params["tz"].annotation == inspect.signature(html.loads).parameters["tz"].annotation
    for writer in (newsml.dumps, newsml.dump):
        params = inspect.signature(writer).parameters
        assert "language" in params
        assert "lang" not in params
        assert "_writer" not in str(params["body"].annotation)


@pytest.mark.parametrize("slugline", ["fed-halts-qe", "Fed-Halts", "fed--qe", "федрезерв-2026"])
def test_a_slugline_is_the_agency_label_not_the_url_slug(slugline: str) -> None:
    item = (
        '<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/"><contentMeta>'
        f"<slugline>{slugline}</slugline><slugline>Second</slugline><headline>H</headline>"
        "</contentMeta></newsItem>"
    ).encode()
    article = newsml.loads(item)
    assert article.slugline == slugline
    assert article.slug == Article(headline="H").slug  # derived from the headline
    assert ("newsml:slugline", "Second") in article.extra


def test_an_item_dated_only_by_its_change_has_no_publication_time() -> None:
    changed = datetime(2026, 1, 1, 9, 0, tzinfo=timezone.utc)
    back = newsml.loads(newsml.dumps(Article(headline="Уточнение", updated=changed)))
    assert (back.published, back.updated) == (None, changed)


def test_a_feed_version_stamp_alone_is_the_publication_time() -> None:
    item = (
        '<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:x:1" version="1"'
        ' standard="NewsML-G2" standardversion="2.35"><itemMeta><itemClass qcode="ninat:text"/>'
        '<provider literal="x"/><versionCreated>2026-01-01T09:00:00Z</versionCreated></itemMeta>'
        "<contentMeta><headline>Срочно</headline></contentMeta></newsItem>"
    ).encode()
    back = newsml.loads(item)
    assert (back.published, back.updated) == (datetime(2026, 1, 1, 9, tzinfo=timezone.utc), None)


def test_foreign_children_of_the_item_and_its_item_meta_are_reported_with_their_place() -> None:
    data = (
        b'<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" xmlns:x="urn:x" '
        b'xmlns:nm="' + NM.encode() + b'"><x:top/><nm:own/>'
        b'<itemMeta><itemClass qcode="ninat:text"/><x:inner/><nm:own/></itemMeta>'
        b"<contentMeta><headline>H</headline></contentMeta></newsItem>"
    )
    with pytest.warns(LossyConversionWarning) as caught:
        assert newsml.loads(data).headline == "H"
    message = " ".join(str(w.message) for w in caught)
    assert "not read: <top> in urn:x, itemMeta/<inner> in urn:x" in message
    assert "own" not in message
