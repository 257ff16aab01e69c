"""The HTML writer: conforming HTML5, metadata others read, escaping, determinism."""

from __future__ import annotations

import io
import json
import re
from datetime import date, datetime, timezone

import extruct
import html5lib
import pytest
from hypothesis import HealthCheck, given, settings
from lxml import html as lxml_html

from newsmodel import (
    Article,
    Attribution,
    Embed,
    EmbedProvider,
    Figure,
    Link,
    Paragraph,
    Role,
    Section,
    ValidationError,
    format_attribution,
)
from newsmodel import html as nhtml
from strategies import articles_for

ARTICLE = Article(
    headline="Заголовок </script><!-- & «кавычки» \"двойные\" 'одинарные'",
    lede="Анонс </script>",
    sections=[Section(heading="Подзаголовок", blocks=["Первый абзац."])],
    attributions=[
        Attribution("Анна Ким", url="https://example.kz/anna"),
        Attribution("Altyn-orda.kz", role=Role.SOURCE, phrase="передает"),
    ],
    published=datetime(2026, 11, 25, 9, 5, tzinfo=timezone.utc),
    updated=datetime(2026, 11, 25, 10, 0, tzinfo=timezone.utc),
    rubrics=["Политика"],
    tags=["выборы", "парламент"],
    site="АЛТЫНОРДА",
    url="https://example.kz/news/1",
    image=Figure("https://example.kz/photo.jpg", caption="Подпись"),
)


def _strict_parse(page: str) -> None:
    html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(page)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles_for("html"))
def test_output_is_conforming_html5(article: Article) -> None:
    _strict_parse(nhtml.dumps(article))
    _strict_parse("<!DOCTYPE html><title>t</title>" + nhtml.dumps(article, fragment=True))


def test_head_metadata_read_by_extruct() -> None:
    page = nhtml.dumps(ARTICLE)
    data = extruct.extract(
        page, base_url=ARTICLE.url, syntaxes=["json-ld", "opengraph", "microdata"], uniform=True
    )
    ld = data["json-ld"][0]
    assert ld["@type"] == "NewsArticle"
    assert ld["headline"] == ARTICLE.headline
    assert ld["description"] == ARTICLE.lede
    assert ld["datePublished"] == "2026-11-25T09:05:00+00:00"
    assert ld["dateModified"] == "2026-11-25T10:00:00+00:00"
    assert ld["author"] == [
        {"@type": "Person", "name": "Анна Ким", "url": "https://example.kz/anna"}
    ]
    assert ld["publisher"]["name"] == "АЛТЫНОРДА"
    assert ld["articleSection"] == ["Политика"]
    assert ld["keywords"] == ["выборы", "парламент"]
    assert ld["inLanguage"] == "ru"
    assert ld["mainEntityOfPage"]["@id"] == ARTICLE.url
    assert ld["image"]["url"] == "https://example.kz/photo.jpg"
    og = data["opengraph"][0]
    assert og["og:title"] == ARTICLE.headline
    assert og["article:published_time"] == "2026-11-25T09:05:00+00:00"
    assert og["article:section"] == "Политика"
    micro = data["microdata"][0]
    assert micro["@type"] == "NewsArticle"
    assert micro["headline"] == ARTICLE.headline


def test_script_cannot_be_broken_out_of() -> None:
    page = nhtml.dumps(ARTICLE)
    script = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.DOTALL)
    assert script is not None
    body = script.group(1)
    assert "<" not in body
    assert ">" not in body
    assert "&" not in body
    assert json.loads(body)["headline"] == ARTICLE.headline
    # Exactly one script element, and the tree has the headline as text, not markup.
    tree = lxml_html.document_fromstring(page)
    assert len(tree.findall(".//script")) == 1
    assert tree.findtext(".//h1") == ARTICLE.headline
    assert tree.find(".//title").text == ARTICLE.headline


def test_attribute_values_are_escaped() -> None:
    tree = lxml_html.document_fromstring(nhtml.dumps(ARTICLE))
    og_title = tree.find(".//meta[@property='og:title']")
    assert og_title is not None
    assert og_title.get("content") == ARTICLE.headline


def test_only_http_https_mailto_links_are_written() -> None:
    with pytest.raises(ValidationError, match="tel"):
        Link("tel:+77010000000", "позвонить")
    article = Article(
        headline="Ссылки",
        sections=[
            Section(
                blocks=[
                    Paragraph(
                        [
                            Link("mailto:desk@example.kz", "написать"),
                            " ",
                            Link("https://example.kz/", "сайт"),
                            " ",
                            Link("/local/page", "страница"),
                        ]
                    )
                ]
            )
        ],
    )
    tree = lxml_html.document_fromstring(nhtml.dumps(article))
    hrefs = [a.get("href") for a in tree.iter("a")]
    assert hrefs[:3] == ["mailto:desk@example.kz", "https://example.kz/", "/local/page"]


def test_dates_shown_in_russian_with_machine_readable_time() -> None:
    tree = lxml_html.document_fromstring(nhtml.dumps(ARTICLE))
    time = tree.find(".//time[@itemprop='datePublished']")
    assert time is not None
    assert time.get("datetime") == "2026-11-25T09:05:00+00:00"
    assert time.text == "25 ноября 2026, 09:05"


def test_source_credit_written_with_its_phrase() -> None:
    tree = lxml_html.document_fromstring(nhtml.dumps(ARTICLE))
    byline = tree.find(".//p[@class='byline']")
    assert byline is not None
    assert "передает Altyn-orda.kz" in byline.text_content()


def test_output_is_deterministic() -> None:
    assert nhtml.dumps(ARTICLE) == nhtml.dumps(ARTICLE)
    assert nhtml.dumps(ARTICLE).encode() == nhtml.dumps(nhtml.loads(nhtml.dumps(ARTICLE))).encode()


def test_fragment_is_the_article_element_only() -> None:
    fragment = nhtml.dumps(ARTICLE, fragment=True)
    assert fragment.startswith("<article ")
    assert fragment.rstrip().endswith("</article>")
    assert "<head>" not in fragment
    assert "<script" not in fragment


def test_dump_writes_utf8_bytes() -> None:
    buf = io.BytesIO()
    nhtml.dump(ARTICLE, buf)
    assert buf.getvalue().decode("utf-8") == nhtml.dumps(ARTICLE)


def test_dumps_refuses_non_articles() -> None:
    with pytest.raises(TypeError):
        nhtml.dumps("not an article")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "credit",
    [
        Attribution("Иван Петров", role=Role.PHOTOGRAPHER),
        Attribution("Иван Петров", role=Role.PHOTOGRAPHER, phrase="фото"),
        Attribution("Пётр Сидоров", role=Role.TRANSLATOR, phrase="перевод"),
        Attribution("The Guardian", role=Role.ORIGINAL, phrase="по материалам"),
        Attribution("Анна Ким", role=Role.EDITOR),
        Attribution("Reuters", role=Role.AUTHOR, phrase="credit"),
    ],
)
def test_credit_lines_are_written_as_the_model_formats_them(credit: Attribution) -> None:
    page = nhtml.dumps(Article(headline="Х", attributions=[credit]))
    byline = lxml_html.fromstring(page).find_class("byline")[0]
    assert byline.text_content() == format_attribution(credit, style="credit")


_INTERNAL = Article(
    headline="Windpark geht ans Netz",
    extra=[
        ("newsml:edNote", "Note to editors: STRICTLY EMBARGOED"),
        ("newsml:usageTerms", "Use only with the written agreement of the agency"),
    ],
)


def test_a_page_leaves_the_newsroom_only_fields_out_by_default() -> None:
    for page in (nhtml.dumps(_INTERNAL), nhtml.dumps(_INTERNAL, fragment=True)):
        assert "EMBARGOED" not in page
        assert "written agreement" not in page
        assert 'class="extra"' not in page
    buf = io.BytesIO()
    nhtml.dump(_INTERNAL, buf)
    assert b"EMBARGOED" not in buf.getvalue()


def test_internal_pages_keep_them_hidden_and_read_them_back() -> None:
    page = nhtml.dumps(_INTERNAL, internal=True)
    tree = lxml_html.document_fromstring(page)
    (dl,) = tree.xpath("//dl[@class='extra']")
    assert dl.get("hidden") is not None
    assert nhtml.loads(page) == _INTERNAL
    buf = io.BytesIO()
    nhtml.dump(_INTERNAL, buf, internal=True)
    assert buf.getvalue().decode("utf-8") == page


def test_json_ld_names_the_site_as_publisher_and_no_outlet_twice() -> None:
    article = Article(
        headline="Встреча в Акорде",
        site="Altyn-orda.kz",
        sections=[Section(blocks=["Текст."])],
        attributions=[
            Attribution("Altyn-orda.kz", role=Role.SOURCE, phrase="передает"),
            Attribution("www.altyn-orda.kz", role=Role.SOURCE, phrase="credit"),
            Attribution("Kazinform", role=Role.SOURCE, phrase="сообщает"),
            Attribution("Kazinform", role=Role.SOURCE, phrase="credit"),
        ],
    )
    page = nhtml.dumps(article)
    script = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.DOTALL)
    assert script is not None
    data = json.loads(script.group(1))
    assert [p["name"] for p in data["publisher"]] == ["Altyn-orda.kz"]
    assert [p["name"] for p in data["sourceOrganization"]] == ["Kazinform"]


def test_embeds_are_links_and_frames_only_for_allowed_https_players() -> None:
    article = Article(
        headline="Брифинг",
        sections=[
            Section(
                blocks=[
                    Embed("https://www.youtube.com/watch?v=dQw4w9WgXcQ", caption="Брифинг"),
                    Embed("http://youtu.be/dQw4w9WgXcQ"),  # not https: a link only
                    Embed("https://t.me/kazinform/1", credit=Attribution("Kazinform")),
                    Embed("https://example.org/player?id=1", provider=EmbedProvider.OTHER),
                ]
            )
        ],
    )
    page = nhtml.dumps(article)
    _strict_parse(page)
    tree = lxml_html.document_fromstring(page)
    frames = tree.xpath("//iframe")
    assert [f.get("src") for f in frames] == ["https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"]
    assert frames[0].get("sandbox")
    links = [a.get("href") for a in tree.xpath("//figure[@class='embed']/a")]
    assert links == [str(e.url) for e in article.sections[0].blocks]  # type: ignore[union-attr]
    assert nhtml.loads(page) == article


def test_a_day_without_a_time_is_written_and_read_as_a_day() -> None:
    article = Article(headline="Новость", published=date(2026, 11, 24))
    page = nhtml.dumps(article)
    assert 'datetime="2026-11-24"' in page
    assert "24 ноября 2026" in page
    assert nhtml.loads(page) == article
