"""Writing NewsML-G2: what goes where, declared schemes, options, and what cannot be written."""

from __future__ import annotations

import io
import uuid
import warnings
from datetime import date, datetime, timezone

import pytest
from hypothesis import given, settings
from lxml import etree

from newsmodel import (
    Article,
    Attribution,
    Embed,
    EmbedProvider,
    Emphasis,
    Figure,
    Genre,
    LossyConversionWarning,
    Paragraph,
    PubStatus,
    Rights,
    Role,
    Section,
    Strong,
    Subject,
    WriteError,
    newsml,
)
from strategies import articles_for

NAR = "http://iptc.org/std/nar/2006-10-01/"
NS = {"n": NAR, "h": "http://www.w3.org/1999/xhtml", "t": "http://iptc.org/std/NITF/2006-10-18/"}
NOW = datetime(2026, 11, 25, 12, 0, tzinfo=timezone.utc)
# The aliases the IPTC catalog referenced by the writer declares, as published by IPTC.
IPTC = {
    "cpnat",
    "cpprole",
    "drol",
    "genre",
    "hlrole",
    "irel",
    "medtop",
    "ninat",
    "nprov",
    "sig",
    "stat",
    "subj",
    "urgency",
}


def tree(data: bytes) -> etree._Element:
    return etree.fromstring(data)


def declared_aliases(root: etree._Element) -> set[str]:
    refs = root.xpath("n:catalogRef/@href", namespaces=NS)
    assert refs[0] == "http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_41.xml"
    return IPTC | set(root.xpath("n:catalog/n:scheme/@alias", namespaces=NS))


def emitted_qcodes(root: etree._Element) -> list[str]:
    codes: list[str] = []
    for el in root.iter(f"{{{NAR}}}*"):
        for attr in ("qcode", "role", "type", "rel"):
            codes.extend((el.get(attr) or "").split())
    return codes


@settings(max_examples=60)
@given(articles_for("newsml"))
def test_every_alias_written_is_declared(article: Article) -> None:
    root = tree(newsml.dumps(article, now=NOW))
    declared = declared_aliases(root)
    for code in emitted_qcodes(root):
        assert code.partition(":")[0] in declared, code


def test_metadata_goes_where_receivers_look() -> None:
    published = datetime(2026, 11, 25, 9, 5, tzinfo=timezone.utc)
    article = Article(
        headline="Заголовок",
        lede="Лид статьи",
        published=published,
        updated=datetime(2026, 11, 25, 10, 0, tzinfo=timezone.utc),
        language="kk",
        rubrics=["Экономика"],
        tags=["нефть"],
        subjects=[Subject("medtop:04000000", "экономика")],
        site="Altyn-orda.kz",
        url="https://altyn-orda.kz/news/1",
        dateline="АСТАНА, 25 ноября",
        place="Астана",
        version=3,
    )
    root = tree(newsml.dumps(article))

    def one(path: str) -> str:
        values = root.xpath(path, namespaces=NS)
        assert len(values) == 1, path
        return str(values[0])

    assert one("@version") == "3"
    assert one("@xml:lang") == "kk"
    assert one("n:itemMeta/n:itemClass/@qcode") == "ninat:text"
    assert one("n:itemMeta/n:provider/n:name/text()") == "Altyn-orda.kz"
    assert one("n:itemMeta/n:firstCreated/text()") == "2026-11-25T09:05:00+00:00"
    assert one("n:itemMeta/n:versionCreated/text()") == "2026-11-25T10:00:00+00:00"
    assert one("n:itemMeta/n:pubStatus/@qcode") == "stat:usable"
    assert one("n:itemMeta/n:link/@href") == "https://altyn-orda.kz/news/1"
    assert one("n:contentMeta/n:contentCreated/text()") == "2026-11-25T09:05:00+00:00"
    assert one("n:contentMeta/n:contentModified/text()") == "2026-11-25T10:00:00+00:00"
    assert one("n:contentMeta/n:located/n:name/text()") == "Астана"
    assert one("n:contentMeta/n:language/@tag") == "kk"
    assert one("n:contentMeta/n:keyword/text()") == "нефть"
    assert one("n:contentMeta/n:subject[@qcode='medtop:04000000']/n:name/text()") == "экономика"
    assert one("n:contentMeta/n:subject[starts-with(@qcode,'nmrubric:')]/n:name/text()") == (
        "Экономика"
    )
    assert one("n:contentMeta/n:headline/text()") == "Заголовок"
    assert one("n:contentMeta/n:dateline/text()") == "АСТАНА, 25 ноября"
    assert one("n:contentMeta/n:description[@role='drol:summary']/text()") == "Лид статьи"
    assert one("n:contentSet/n:inlineXML/@contenttype") == "application/xhtml+xml"


def test_roles() -> None:
    roles = list(Role)
    article = Article(
        headline="Т", attributions=[Attribution(f"Имя {r.value}", role=r) for r in roles]
    )
    root = tree(newsml.dumps(article, now=NOW))
    parties = root.xpath("n:contentMeta/*[n:name]", namespaces=NS)
    written = [
        (etree.QName(p).localname, p.get("role"))
        for p in parties
        if etree.QName(p).localname != "located"
    ]
    assert written == [
        ("creator", "cpprole:author"),
        ("contributor", "cpprole:editor"),
        ("contributor", "nmrole:translator"),
        ("contributor", "nmrole:photographer"),
        ("contributor", "nmrole:videographer"),
        ("infoSource", "cpprole:originfo"),
        ("infoSource", "cpprole:origcont"),
        ("infoSource", "nmrole:publisher"),
    ]
    assert [a.role for a in newsml.loads(newsml.dumps(article, now=NOW)).attributions] == roles


def test_body_is_xhtml_with_sections() -> None:
    article = Article(
        headline="Т",
        sections=[
            Section(blocks=["Вступление."]),
            Section(
                heading="Подзаголовок", blocks=[Paragraph(["а ", Strong("б"), " ", Emphasis("в")])]
            ),
        ],
    )
    root = tree(newsml.dumps(article, now=NOW))
    body = root.xpath("//h:body", namespaces=NS)[0]
    assert [s.xpath("string(h:h2)", namespaces=NS) for s in body] == ["", "Подзаголовок"]
    assert etree.tostring(body[1][1], encoding="unicode").endswith(
        "<strong>б</strong> <em>в</em></p>"
    )


def test_markup_in_text_is_escaped() -> None:
    article = Article(
        headline="<script>alert(1)</script>",
        sections=[Section(blocks=["<script>alert(1)</script>"])],
    )
    data = newsml.dumps(article, now=NOW)
    assert b"<script>" not in data
    assert newsml.loads(data) == article


def test_nitf_body() -> None:
    article = Article(
        headline="Т",
        sections=[Section(heading="Х", blocks=[Paragraph(["a ", Strong("b")])])],
        image=Figure(
            "https://example.kz/a.jpg",
            caption="подпись",
            credit=Attribution("Фотограф", role=Role.PHOTOGRAPHER),
        ),
    )
    data = newsml.dumps(article, body="nitf", now=NOW)
    assert newsml.validate(data) == []
    root = tree(data)
    assert root.xpath("string(//t:body.content/t:block/t:hl2)", namespaces=NS) == "Х"
    assert root.xpath("//t:em/@class", namespaces=NS) == ["strong"]
    assert newsml.loads(data) == article


def test_nitf_warns_for_credit_details_it_cannot_carry() -> None:
    article = Article(
        headline="Т",
        image=Figure(
            "https://example.kz/a.jpg",
            credit=Attribution("Фотограф", role=Role.PHOTOGRAPHER, phrase="фото"),
        ),
    )
    with pytest.warns(LossyConversionWarning, match=r"phrase of image\.credit"):
        newsml.dumps(article, body="nitf", now=NOW)


def test_subject_scheme_must_be_declared() -> None:
    article = Article(headline="Т", subjects=[Subject("mycv:123", "тема")])
    with pytest.raises(WriteError) as info:
        newsml.dumps(article, now=NOW)
    assert info.value.field == "subjects[0]"
    data = newsml.dumps(article, now=NOW, schemes={"mycv": "https://example.kz/cv/"})
    assert newsml.validate(data) == []
    assert b'<scheme alias="mycv" uri="https://example.kz/cv/"/>' in data
    assert newsml.loads(data) == article
    remote = newsml.dumps(article, now=NOW, catalogs=["https://example.kz/catalog.xml"])
    assert b'<catalogRef href="https://example.kz/catalog.xml"/>' in remote


def test_characters_xml_cannot_carry_raise_write_error() -> None:
    article = Article(headline="Т", tags=["a\uffffb"])
    with pytest.raises(WriteError) as info:
        newsml.dumps(article, now=NOW)
    assert info.value.field == "tags[0]"


def test_options() -> None:
    article = Article(headline="Т", language="ru")
    root = tree(newsml.dumps(article, now=NOW, language="ru-KZ", provider="nprov:AFP"))
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "ru-KZ"
    assert root.xpath("n:itemMeta/n:provider/@qcode", namespaces=NS) == ["nprov:AFP"]
    by_uri = tree(newsml.dumps(article, now=NOW, provider="https://example.kz/"))
    assert by_uri.xpath("n:itemMeta/n:provider/@uri", namespaces=NS) == ["https://example.kz/"]
    with pytest.raises(WriteError, match="provider"):
        newsml.dumps(article, now=NOW, provider="unknownalias:x")
    with pytest.raises(ValueError, match="provider"):
        newsml.dumps(article, now=NOW, provider="not a code")
    with pytest.raises(ValueError, match="body"):
        newsml.dumps(article, now=NOW, body="html")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        newsml.dumps("Т", now=NOW)  # type: ignore[arg-type]


def test_undated_article_says_the_version_time_is_the_writing_time() -> None:
    article = Article(headline="Т")
    data = newsml.dumps(article, now=NOW)
    root = tree(data)
    created = root.xpath("n:itemMeta/n:versionCreated", namespaces=NS)[0]
    assert created.text == "2026-11-25T12:00:00+00:00"
    assert newsml.loads(data).published is None


def test_derived_guid() -> None:
    article = Article(headline="Т", url="https://example.kz/news/1")
    guid = tree(newsml.dumps(article, now=NOW)).get("guid")
    assert (
        guid
        == f"urn:uuid:{uuid.uuid5(uuid.UUID('6f1d1c52-3c1e-5b7e-9a4e-6e6577736d6c'), 'https://example.kz/news/1')}"
    )
    other = Article(headline="Т", url="https://example.kz/news/2")
    assert tree(newsml.dumps(other, now=NOW)).get("guid") != guid
    assert newsml.loads(newsml.dumps(article, now=NOW)).guid is None
    given_guid = Article(headline="Т", guid="urn:example:1")
    assert tree(newsml.dumps(given_guid, now=NOW)).get("guid") == "urn:example:1"


def test_newsroom_fields_and_extras_are_written_natively() -> None:
    article = Article(
        headline="Т",
        urgency=2,
        editorial_note="Для редакции",
        correction="Исправлена фамилия",
        pub_status=PubStatus.WITHHELD,
        embargo=datetime(2026, 1, 2, 9, tzinfo=timezone.utc),
        genres=[Genre("genre:Interview", "Интервью"), Genre("dpatextgenre:12")],
        rights=Rights(holder="Kazinform", notice="© Kazinform", usage_terms="Только в РК"),
        slugline="KAZ-ELECTION",
        first_created=datetime(2026, 1, 1, 8, tzinfo=timezone.utc),
        version_created=datetime(2026, 1, 1, 9, tzinfo=timezone.utc),
        published=date(2026, 1, 1),
        slug="vybory",
        signals=["sig:correction", "acme:recall"],
        extra=[
            ("newsml:headline:hlrole:kicker", "Срочно"),
            ("newsml:description:drol:teaser", "Тизер"),
            ("html:meta:og:type", "article"),
        ],
    )
    data = newsml.dumps(article, now=NOW)
    assert newsml.validate(data) == []
    root = tree(data)

    def text(path: str) -> str:
        return str(root.xpath(f"string({path})", namespaces=NS))

    assert text("n:contentMeta/n:urgency") == "2"
    assert text("n:itemMeta/n:embargoed") == "2026-01-02T09:00:00+00:00"
    assert text("n:itemMeta/n:pubStatus/@qcode") == "stat:withheld"
    assert text("n:itemMeta/n:edNote[not(@role)]") == "Для редакции"
    assert text("n:itemMeta/n:edNote[@role='nmrole:correction']") == "Исправлена фамилия"
    assert text("n:contentMeta/n:genre[1]/@qcode") == "genre:Interview"
    assert text("n:contentMeta/n:genre[1]/n:name") == "Интервью"
    assert text("n:contentMeta/n:genre[2]/@literal") == "dpatextgenre:12"
    assert text("n:rightsInfo/n:copyrightHolder/n:name") == "Kazinform"
    assert text("n:rightsInfo/n:usageTerms") == "Только в РК"
    assert text("n:contentMeta/n:slugline") == "KAZ-ELECTION"
    # a scheme the item does not declare is written as a literal
    assert text("n:itemMeta/n:signal[1]/@qcode") == "sig:correction"
    assert text("n:itemMeta/n:signal[2]/@literal") == "acme:recall"
    assert text("n:contentMeta/n:contentCreated") == "2026-01-01"
    assert text("n:itemMeta/n:firstCreated") == "2026-01-01T08:00:00+00:00"
    assert text("n:itemMeta/n:versionCreated") == "2026-01-01T09:00:00+00:00"
    assert text("n:contentMeta/n:headline[@role='hlrole:kicker']") == "Срочно"
    assert text("n:contentMeta/n:description[@role='drol:teaser']") == "Тизер"
    assert newsml.loads(data) == article


def test_an_empty_embargoed_from_extra_is_written_back() -> None:
    article = Article(headline="Т", extra=[("newsml:embargoed", "")])
    data = newsml.dumps(article, now=NOW)
    assert newsml.validate(data) == []
    assert len(tree(data).xpath("n:itemMeta/n:embargoed", namespaces=NS)) == 1
    assert newsml.loads(data) == article


def test_urgency_that_is_not_1_to_9_is_kept_but_not_written_as_urgency() -> None:
    article = Article(headline="Т", extra=[("newsml:urgency", "срочно")])
    data = newsml.dumps(article, now=NOW)
    assert newsml.validate(data) == []
    assert tree(data).xpath("n:contentMeta/n:urgency", namespaces=NS) == []
    assert newsml.loads(data) == article


def test_dump_writes_the_same_bytes() -> None:
    article = Article(headline="Т")
    buf = io.BytesIO()
    newsml.dump(article, buf, now=NOW, indent=2)
    assert buf.getvalue() == newsml.dumps(article, now=NOW, indent=2)


def test_validate_give_line_and_column() -> None:
    data = newsml.dumps(Article(headline="Т"), now=NOW, indent=2)
    broken = data.replace(b"<pubStatus", b"<bogus/>\n    <pubStatus")
    problems = newsml.validate(broken)
    assert problems
    assert problems[0].line == broken[: broken.index(b"<bogus")].count(b"\n") + 1
    assert "bogus" in problems[0].message
    assert newsml.validate(b"<oops")[0].line == 1


def test_pretty_is_deprecated_for_indent_and_warns_at_the_callers_line() -> None:
    article = Article(headline="Т")
    with pytest.warns(DeprecationWarning, match="indent=2") as caught:
        data = newsml.dumps(article, now=NOW, pretty=True)
    assert caught[0].filename == __file__
    assert data == newsml.dumps(article, now=NOW, indent=2)
    buf = io.BytesIO()
    with pytest.warns(DeprecationWarning, match="pretty= keyword") as caught:
        newsml.dump(article, buf, now=NOW, pretty=True)
    assert caught[0].filename == __file__
    assert len(caught) == 1
    out = io.BytesIO()
    with pytest.warns(DeprecationWarning, match="pretty= keyword") as caught:
        newsml.dump_message([article], out, sent=NOW, transmit_id="t", now=NOW, pretty=False)
    assert caught[0].filename == __file__
    assert b"\n  <" not in out.getvalue()


def test_indent_counts_spaces() -> None:
    data = newsml.dumps(Article(headline="Т"), now=NOW, indent=4)
    assert b"\n    <itemMeta>" in data


_EMBEDS = Article(
    headline="Брифинг",
    sections=[
        Section(
            blocks=[
                "Текст.",
                Embed("https://youtu.be/abc", caption="Брифинг", credit=Attribution("Акорда")),
                Embed("https://example.org/player/1", provider=EmbedProvider.VIMEO),
            ]
        )
    ],
)


@pytest.mark.parametrize("body", ["xhtml", "nitf"])
def test_embeds_are_carried_in_the_body_validly_and_read_back(body: str) -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        data = newsml.dumps(_EMBEDS, now=NOW, body=body)  # type: ignore[arg-type]
    assert newsml.validate(data) == []
    assert b"<iframe" not in data
    back = newsml.loads(data)
    embeds = [b for b in back.sections[0].blocks if isinstance(b, Embed)]
    assert [(e.url, e.provider, e.caption) for e in embeds] == [
        ("https://youtu.be/abc", EmbedProvider.YOUTUBE, "Брифинг"),
        ("https://example.org/player/1", EmbedProvider.VIMEO, None),
    ]
    if body == "xhtml":
        assert back == _EMBEDS
    else:  # NITF's media-producer holds the credit's name alone, and says so
        assert [str(w.message) for w in caught] != []
        assert embeds[0].credit is not None
        assert embeds[0].credit.name == "Акорда"
