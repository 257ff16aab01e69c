"""The HTML reader on hand-made pages: metadata sources, body, safety, limits, errors."""
# ruff: noqa: E501 - the pages under test are written out as they are

from __future__ import annotations

import datetime as dt
import io
import warnings
from pathlib import Path

import pytest

from newsmodel import (
    Article,
    Embed,
    EmbedProvider,
    Figure,
    Link,
    LossyConversionWarning,
    Paragraph,
    ParseError,
    Role,
    Section,
    Table,
)
from newsmodel import html as nhtml

INVALID = Path(__file__).parent.parent / "data" / "html" / "invalid"
LONG = "Это достаточно длинный абзац текста статьи, чтобы его приняли за основной текст, да."


@pytest.mark.parametrize("path", sorted(INVALID.iterdir()), ids=lambda p: p.name)
def test_invalid_input_raises_parse_error(path: Path) -> None:
    with pytest.raises(ParseError):
        nhtml.loads(path.read_bytes())


def test_depth_error_names_the_limit() -> None:
    with pytest.raises(ParseError, match="256"):
        nhtml.loads(("<div>" * 300 + "<h1>x</h1>").encode())


def test_max_bytes_is_configurable() -> None:
    page = f"<title>Заголовок</title><p>{LONG}</p>".encode()
    assert nhtml.loads(page).headline == "Заголовок"
    with pytest.raises(ParseError, match="max_bytes=100"):
        nhtml.loads(page, max_bytes=100)
    with pytest.raises(ParseError, match="max_bytes"):
        nhtml.load(io.BytesIO(page), max_bytes=100)


#: Text of 10.2 MB in UTF-8, over the 10 MB libxml2 allows one text node by default.
_OVER_10_MB = ("Длинный абзац, слово за словом. " * (10_200_000 // 58)).strip()


@pytest.mark.parametrize(
    ("block", "max_tag_chars"),
    [
        (Paragraph((_OVER_10_MB,)), nhtml.DEFAULT_MAX_TAG_CHARS),
        # A start tag this long is refused by max_tag_chars unless that is raised.
        (
            Paragraph(
                ("Ссылка: ", Link("https://example.kz/" + "a" * 10_200_000, ("здесь",)), ".")
            ),
            11_000_000,
        ),
    ],
    ids=["text-node", "attribute"],
)
def test_what_the_writer_writes_over_10_mb_reads_back(block: Paragraph, max_tag_chars: int) -> None:
    article = Article(headline="Заголовок", sections=[Section(blocks=["Начало.", block])])
    page = nhtml.dumps(article).encode()
    assert 10_000_000 < len(page) <= nhtml.DEFAULT_MAX_BYTES
    assert nhtml.loads(page, max_tag_chars=max_tag_chars) == article


def test_long_start_tag_reports_line_and_column() -> None:
    page = "<title>T</title>\n  <div title='" + "x" * 2000 + "'>"
    with pytest.raises(ParseError) as info:
        nhtml.loads(page, max_tag_chars=1000)
    assert (info.value.line, info.value.column) == (2, 3)


@pytest.mark.parametrize(
    ("opener", "closer"), [("<![CDATA[", "]]>"), ("//<![CDATA[", "//]]>"), ("<!--", "-->")]
)
def test_json_ld_wrapped_for_old_browsers_is_read(opener: str, closer: str) -> None:
    # The page's <meta> gives a later date (its last republication): the JSON-LD comes first.
    page = f"""<html><head><meta property="article:published_time" content="2015-12-11T14:28:34Z">
    <script type="application/ld+json">
    {opener}
    {{"@type": "NewsArticle", "headline": "H", "datePublished": "2015-10-15T02:19:15Z"}}
    {closer}
    </script></head><body><article><h1>H</h1><p>{LONG}</p></article></body></html>"""
    published = nhtml.loads(page).published
    assert published is not None
    assert published.date() == dt.date(2015, 10, 15)


def test_json_ld_in_graph_is_read() -> None:
    page = (
        """<html lang="ru"><head><script type="application/ld+json">
    {"@context": "https://schema.org", "@graph": [
      {"@type": "WebSite", "name": "Сайт"},
      {"@type": ["ReportageNewsArticle"], "headline": "Из графа", "datePublished": "2020-06-29T10:00:00+03:00",
       "author": [{"@type": "Person", "name": "Анна Ким"}, "Иван Петров"],
       "keywords": "выборы, парламент", "articleSection": "Политика"}]}
    </script></head><body><article><h1>Из графа</h1><p>"""
        + LONG
        + "</p></article></body></html>"
    )
    a = nhtml.loads(page)
    assert a.headline == "Из графа"
    assert a.published is not None
    assert a.published.isoformat() == "2020-06-29T10:00:00+03:00"
    assert [x.name for x in a.credited(Role.AUTHOR)] == ["Анна Ким", "Иван Петров"]
    assert a.tags == ("выборы", "парламент")
    assert a.rubrics == ("Политика",)
    assert a.site == "Сайт"


def test_opengraph_and_meta_are_read() -> None:
    page = f"""<html><head><meta property="og:title" content="Из OpenGraph">
    <meta property="og:site_name" content="Сайт"><meta name="author" content="Анна Ким">
    <meta property="article:published_time" content="2021-03-04">
    <meta property="article:tag" content="тег"><meta name="twitter:site" content="@site">
    <link rel="canonical" href="https://example.kz/a/1"></head>
    <body><div class="content"><p>{LONG}</p></div></body></html>"""
    a = nhtml.loads(page)
    assert a.headline == "Из OpenGraph"
    assert a.site == "Сайт"
    assert a.published == dt.date(2021, 3, 4)
    assert a.tags == ("тег",)
    assert a.url == "https://example.kz/a/1"
    assert [x.name for x in a.attributions] == ["Анна Ким"]
    assert ("html:meta:twitter:site", "@site") in a.extra


def test_russian_date_text_is_read() -> None:
    page = f"""<h1>Заголовок</h1><div class="date">Опубликовано: 25 ноября 2026, 14:05</div>
    <div class="text"><p>{LONG}</p></div>"""
    a = nhtml.loads(page, tz="Asia/Almaty")
    assert a.published is not None
    assert a.published.isoformat() == "2026-11-25T14:05:00+05:00"


def test_body_keeps_structure_and_leaves_boilerplate_out() -> None:
    page = f"""<html><body><nav><a href="/">Главная</a></nav>
    <article><h1>Заголовок</h1><div class="article-body">
    <p>{LONG} <a href="/news/2">ссылка</a> и <em>курсив</em>.</p>
    <div class="share-buttons"><p>Поделиться в соцсетях, нажмите на любую кнопку ниже, пожалуйста</p></div>
    <h2>Подзаголовок</h2><p>{LONG}</p>
    <blockquote><p>Цитата из выступления.</p></blockquote>
    <ul><li>первый пункт</li><li>второй пункт</li></ul>
    <figure><img src="/img/1.jpg" alt="Вид"><figcaption>Вид на город. Фото: Иван Петров</figcaption></figure>
    </div><div class="comments"><p>Комментарий читателя, который не должен попасть в текст статьи.</p></div>
    </article></body></html>"""
    a = nhtml.loads(page, url="https://example.kz/news/1")
    text = a.text
    assert "Поделиться" not in text
    assert "Комментарий" not in text
    assert "Главная" not in text
    assert [s.heading for s in a.sections] == [None, "Подзаголовок"]
    first = a.sections[0].blocks[0]
    links = [x for x in first.content if isinstance(x, Link)]  # type: ignore[union-attr]
    assert links[0].href == "https://example.kz/news/2"
    kinds = [type(b).__name__ for b in a.sections[1].blocks]
    assert kinds == ["Paragraph", "Quote", "ItemList", "Figure"]
    figure = a.sections[1].blocks[3]
    assert figure.image == "https://example.kz/img/1.jpg"  # type: ignore[union-attr]
    assert figure.credit is not None
    assert figure.credit.name == "Иван Петров"
    assert figure.credit.role is Role.PHOTOGRAPHER  # type: ignore[union-attr]


def test_nothing_executable_survives() -> None:
    page = f"""<html><head><base href="https://evil.example/"><meta http-equiv="refresh" content="0;url=https://evil.example/">
    </head><body onload="alert(1)"><h1 onclick="alert(2)">Заголовок</h1><div class="text">
    <p>{LONG} <a href="javascript:alert(3)">клик</a> <a href="data:text/html,<script>">данные</a></p>
    <script>alert(4)</script><iframe src="https://evil.example/frame"></iframe>
    <svg><script>alert(5)</script></svg><template><p>шаблон скрытый от глаз читателя полностью</p></template>
    <noscript><p>текст для браузеров без скриптов, которого не должно быть</p></noscript>
    <form action="https://evil.example/"><input name="q"><button>Искать</button></form>
    <object data="x.swf"></object><embed src="x.swf"><math><mi>x</mi></math>
    <p>{LONG}</p></div></body></html>"""
    with pytest.warns(LossyConversionWarning) as record:
        a = nhtml.loads(page)
    out = nhtml.dumps(a)
    for bad in (
        "alert",
        "javascript:",
        "data:",
        "evil.example",
        "onload",
        "onclick",
        "<iframe",
        "шаблон",
        "без скриптов",
        "Искать",
        "<svg",
        "<math",
        "<object",
        "<embed",
    ):
        assert bad not in out
    messages = " ".join(str(w.message) for w in record)
    assert "embedded frame" in messages
    assert "javascript:" in messages


def test_tables_and_tweets_are_reported() -> None:
    page = f"""<h1>Заголовок</h1><div class="article-text"><p>{LONG}</p>
    <table><tr><td>1</td></tr></table><blockquote class="twitter-tweet"><p>твит</p></blockquote>
    <p>{LONG}</p></div>"""
    with pytest.warns(LossyConversionWarning) as caught:
        article = nhtml.loads(page)
    # a simple table is read as a table; a layout table (blocks in its cells) is reported
    assert [str(w.message) for w in caught] == ["html: dropped from the body: 1 embedded tweet"]
    assert Table([["1"]]) in article.sections[0].blocks
    layout = page.replace("<td>1</td>", f"<td><p>{LONG}</p></td>")
    with pytest.warns(LossyConversionWarning) as caught:
        nhtml.loads(layout)
    assert sorted(str(w.message) for w in caught) == [
        "html: dropped from the body: 1 embedded tweet",
        "html: dropped from the body: 1 table",
    ]


def test_source_phrase_is_split_off_the_lede() -> None:
    page = f"""<html><head><meta name="description" content="Сенат принял закон о бюджете на 2027 год, передает Altyn-orda.kz">
    </head><body><h1>Сенат принял закон</h1><div class="text"><p>{LONG}</p></div></body></html>"""
    a = nhtml.loads(page)
    assert a.lede == "Сенат принял закон о бюджете на 2027 год"
    sources = a.credited(Role.SOURCE)
    assert [(s.name, s.phrase) for s in sources] == [("Altyn-orda.kz", "передает")]


def test_text_input_is_accepted_and_wrong_types_refused() -> None:
    assert nhtml.loads(f"<h1>Заголовок</h1><p>{LONG}</p>").headline == "Заголовок"
    with pytest.raises(TypeError):
        nhtml.loads(123)  # type: ignore[arg-type]


def test_no_warning_for_our_own_output() -> None:
    page = nhtml.dumps(nhtml.loads(f"<h1>Заголовок</h1><p>{LONG}</p>"))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        nhtml.loads(page)


def test_subtitle_heading_under_h1_is_the_lede_not_a_section() -> None:
    page = (
        "<title>T</title><body><article><header><h1>Заголовок статьи</h1>"
        "<h2>Подзаголовок, который сайт показывает под заголовком статьи</h2></header>"
        f"<div><p>{LONG}</p><p>{LONG}</p></div></article>"
    ).encode()
    article = nhtml.loads(page)
    assert article.lede == "Подзаголовок, который сайт показывает под заголовком статьи"
    assert all(s.heading is None for s in article.sections)
    assert "Подзаголовок" not in "".join(s.text for s in article.sections)


def test_a_link_teaser_is_not_the_lede() -> None:
    teaser = '<div class="description"><p><b>READ MORE</b> <a href="/other">Another story entirely, on another page of this site</a></p></div>'
    page = f"<title>T</title><body><article><h1>Head</h1><div><p>{LONG}</p>{teaser}<p>{LONG}</p></div></article>".encode()
    assert nhtml.loads(page).lede is None


def test_bold_paragraph_before_text_is_a_subheading() -> None:
    page = (
        f"<title>T</title><body><article><h1>Head</h1><p>{LONG}</p>"
        f"<p><strong>Что было дальше</strong></p><p>{LONG}</p>"
        f"<p><strong>Это жирный абзац, а не подзаголовок.</strong></p><p>{LONG}</p></article>"
    ).encode()
    sections = nhtml.loads(page).sections
    assert [s.heading for s in sections] == [None, "Что было дальше"]
    assert "Это жирный абзац, а не подзаголовок." in sections[1].text


def test_heading_with_a_widget_class_is_kept_and_an_empty_one_dropped() -> None:
    page = (
        f'<title>T</title><body><article><h1>Head</h1><p>{LONG}</p><h2 class="widget-title">Второй раздел</h2><p>{LONG}</p>'
        '<h2>Читайте также</h2><ul><li><a href="/a">Другая статья сайта</a></li><li><a href="/b">Ещё одна статья</a></li></ul></article>'
    ).encode()
    assert [s.heading for s in nhtml.loads(page).sections] == [None, "Второй раздел"]


def test_byline_beats_an_organisation_named_as_author() -> None:
    ld = '{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Заголовок", "author": {"@type": "Organization", "name": "Агентство"}}'
    page = (
        f'<title>T</title><script type="application/ld+json">{ld}</script>'
        f'<body><article><h1>Заголовок</h1><div class="article-author">Автор: Олеся Иванова</div><p>{LONG}</p></article>'
    ).encode()
    authors = [a.name for a in nhtml.loads(page).credited(Role.AUTHOR)]
    assert authors == ["Олеся Иванова"]


def test_organisation_author_kept_without_a_byline() -> None:
    ld = '{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Заголовок", "author": {"@type": "Organization", "name": "Агентство"}}'
    page = f'<title>T</title><script type="application/ld+json">{ld}</script><body><article><h1>Заголовок</h1><p>{LONG}</p></article>'.encode()
    assert [a.name for a in nhtml.loads(page).credited(Role.AUTHOR)] == ["Агентство"]


def test_link_to_an_author_page_names_the_author() -> None:
    page = (
        '<title>T</title><body><article><h1>Head</h1><div><span>Text:</span> <a href="/author/jane-doe/">Jane Doe</a></div>'
        f'<div><p>{LONG}</p><p>{LONG}</p></div></article><footer><a href="/about">About</a></footer>'
    ).encode()
    assert [a.name for a in nhtml.loads(page).credited(Role.AUTHOR)] == ["Jane Doe"]


def test_body_split_into_many_blocks_is_read_whole() -> None:
    entries = "".join(
        f'<div class="entry"><h3>Запись {i}</h3><div class="entry-text"><p>{LONG}</p></div></div>'
        for i in range(6)
    )
    page = (
        f'<title>T</title><body><div class="page"><header><h1>Заголовок</h1></header><div class="column">'
        f'<div class="intro-text"><p>{LONG} Вступление.</p><p>{LONG}</p></div><div class="entries">{entries}</div>'
        "</div></div></body>"
    ).encode()
    article = nhtml.loads(page)
    assert [s.heading for s in article.sections if s.heading] == [f"Запись {i}" for i in range(6)]
    assert "Заголовок" not in "".join(s.text for s in article.sections)


def test_breadcrumbs_give_rubrics_without_home_and_article() -> None:
    crumbs = (
        '{"@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": ['
        '{"@type": "ListItem", "position": 1, "item": {"@id": "https://example.kz/", "name": "Новости сайта"}},'
        '{"@type": "ListItem", "position": 2, "item": {"@id": "https://example.kz/politics/", "name": "Политика"}},'
        '{"@type": "ListItem", "position": 3, "name": "Заголовок статьи"}]}'
    )
    page = f'<title>T</title><script type="application/ld+json">{crumbs}</script><body><h1>Заголовок статьи</h1><p>{LONG}</p>'.encode()
    assert nhtml.loads(page).rubrics == ("Политика",)


@pytest.mark.parametrize(
    ("first", "name"),
    [
        (
            "МОСКВА, 29 июня. /ТАСС/. Движение по новому участку дороги открывается в понедельник.",
            "ТАСС",
        ),
        (
            "Птицефабрику построят в области, передает агентство «Вести». Работы начнутся весной.",
            "Вести",
        ),
    ],
)
def test_source_in_the_dateline_or_first_sentence(first: str, name: str) -> None:
    page = f"<title>T</title><body><article><h1>Заголовок</h1><p>{first}</p><p>{LONG}</p></article>".encode()
    article = nhtml.loads(page)
    assert [a.name for a in article.credited(Role.SOURCE)] == [name]
    assert article.sections[0].blocks[0].text == first


def test_kicker_is_not_part_of_the_headline() -> None:
    ld = '{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Klimaschutz: Bohren, bis es heiß wird"}'
    page = (
        f'<title>T</title><script type="application/ld+json">{ld}</script><body><article>'
        '<h1><span class="heading__kicker">Klimaschutz</span><span class="visually-hidden">: </span>'
        f'<span class="heading__title">Bohren, bis es heiß wird</span></h1><p>{LONG}</p></article>'
    ).encode()
    article = nhtml.loads(page)
    assert article.headline == "Bohren, bis es heiß wird"
    assert ("html:kicker", "Klimaschutz") in article.extra


def test_name_beside_a_printed_date_is_the_author() -> None:
    page = (
        "<title>T</title><body><div><h1>Die Freiheit der Planung</h1>"
        "<div><span>25.10.2022 - Reiner Nagel</span></div><div><span>Essay - Stadt</span></div>"
        f"<div><p>{LONG}</p><p>{LONG}</p></div></div>"
    ).encode()
    article = nhtml.loads(page)
    assert [a.name for a in article.credited(Role.AUTHOR)] == ["Reiner Nagel"]
    assert article.published == dt.date(2022, 10, 25)


def test_image_with_caption_in_a_paragraph_is_a_figure() -> None:
    page = (
        f"<title>T</title><body><article><h1>Head</h1><p>{LONG}</p>"
        '<p class="image"><img src="https://example.kz/a.jpg" alt="Alt"><span class="caption">Подпись к фото.</span>'
        '<span class="credits">Агентство / Фотограф</span></p>'
        f"<p>{LONG}</p></article>"
    ).encode()
    article = nhtml.loads(page)
    figures = [b for s in article.sections for b in s.blocks if isinstance(b, Figure)]
    assert len(figures) == 1
    assert figures[0].caption == "Подпись к фото."
    assert figures[0].credit is not None
    assert figures[0].credit.name == "Агентство / Фотограф"
    assert "Фотограф" not in article.sections[0].text


def test_date_of_modification_alone_is_not_taken_for_publication() -> None:
    page = f"""<html><head><title>Заголовок</title>
<meta property="article:modified_time" content="2026-01-02T10:00:00+05:00"></head>
<body><article><h1>Заголовок</h1>
<p>Обновлено <time datetime="2026-01-02T10:00:00+05:00" itemprop="dateModified">2 января</time></p>
<p>{LONG}</p><p>{LONG}</p></article></body></html>"""
    article = nhtml.loads(page)
    assert article.published is None
    assert article.updated is not None
    assert article.updated.isoformat() == "2026-01-02T10:00:00+05:00"
    assert not any(key == "html:dateModified" for key, _ in article.extra)


def test_time_in_an_updated_line_is_not_the_publication_date() -> None:
    page = f"""<title>Заголовок</title><article><h1>Заголовок</h1>
<p class="updated">Обновлено <time datetime="2026-01-02T10:00:00Z">2 января</time></p>
<p><time datetime="2026-01-01T08:00:00Z">1 января</time></p><p>{LONG}</p></article>"""
    published = nhtml.loads(page).published
    assert published is not None
    assert published.isoformat() == "2026-01-01T08:00:00+00:00"


@pytest.mark.parametrize("tag", ["article", "main"])
def test_short_paragraphs_in_the_article_are_the_body(tag: str) -> None:
    page = f"<title>T</title><body><{tag}>" + "<p>Короткий абзац.</p>" * 3 + f"</{tag}></body>"
    article = nhtml.loads(page)
    assert [b.text for s in article.sections for b in s.blocks] == ["Короткий абзац."] * 3


def test_main_content_with_text_but_no_body_is_reported() -> None:
    page = "<title>T</title><article><div class='share'>Поделиться в соцсетях</div></article>"
    with pytest.warns(LossyConversionWarning, match="<article>"):
        article = nhtml.loads(page)
    assert article.sections == ()


def test_the_article_beats_a_longer_paragraph_outside_it() -> None:
    page = (
        "<title>T</title><body><article>"
        + "<p>Короткий абзац.</p>" * 4
        + "</article><div><p>Подпишитесь на рассылку, новости каждый день.</p></div></body>"
    )
    article = nhtml.loads(page)
    assert [b.text for s in article.sections for b in s.blocks] == ["Короткий абзац."] * 4


@pytest.mark.parametrize(
    "src", ["javascript:alert(1)", "data:image/png;base64,AAAA", " JavaScript:void(0)"]
)
def test_figure_without_a_usable_image_keeps_its_caption_and_is_reported(src: str) -> None:
    page = f"""<title>T</title><body><article><h1>T</h1><p>{LONG}</p>
<figure><img src="{src}"><figcaption>Подпись к фото</figcaption></figure>
<figure><img src="{src}"></figure></article></body>"""
    with pytest.warns(LossyConversionWarning, match=r"2 images without an http\(s\) address"):
        article = nhtml.loads(page)
    texts = [b.text for s in article.sections for b in s.blocks]
    assert texts == [LONG, "Подпись к фото"]
    assert src.strip() not in nhtml.dumps(article)


def test_character_references_to_controls_do_not_cost_the_text() -> None:
    page = f"<title>За&#1;голо&#x1F;вок</title><body><article><p><em>Пер&#127;вый</em> {LONG}&#x0b;</p></article></body>"
    article = nhtml.loads(page)
    assert article.headline == "Заголовок"
    assert article.sections[0].blocks[0].text == f"Первый {LONG}"


def _listing() -> str:
    teasers = "".join(
        f'<li><a href="/news/{i}">Teaser headline number {i} about the day</a></li>'
        for i in range(40)
    )
    return (
        "<html><head><title>News - Home</title></head><body><h1>Latest news</h1>"
        f"<ul>{teasers}</ul><p>Short footer text.</p></body></html>"
    )


def test_a_listing_page_is_read_with_a_warning_that_it_is_no_article() -> None:
    with pytest.warns(LossyConversionWarning, match="looks like no article") as caught:
        article = nhtml.loads(_listing())
    assert article.headline == "Latest news"
    assert any(getattr(w.message, "kind", None) == "page" for w in caught)


def test_a_listing_page_is_refused_when_strict() -> None:
    with pytest.raises(ParseError, match="not an article page"):
        nhtml.loads(_listing(), strict=True)
    with pytest.raises(ParseError, match="not an article page"):
        nhtml.load(io.BytesIO(_listing().encode()), strict=True)


def test_an_article_page_is_read_when_strict() -> None:
    page = f"<title>T</title><body><h1>Head</h1><div><p>{LONG}</p><p>{LONG}</p></div></body>"
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert nhtml.loads(page, strict=True).headline == "Head"
    # a short page that says it is an article is one, whatever its links
    short = _listing().replace("<head>", '<head><meta property="og:type" content="article">')
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        nhtml.loads(short, strict=True)
    assert not any("no article" in str(w.message) for w in caught)


_ARTICLE_TEXT = "".join(
    f"<p>Paragraph {i} of the article, which says at length what happened, where and why,"
    " and who said what about it.</p>"
    for i in range(6)
)


def test_a_summary_in_a_meta_article_body_is_not_the_body() -> None:
    page = (
        '<html itemscope itemtype="https://schema.org/NewsArticle"><head>'
        '<meta itemprop="articleBody" content="A summary of the story only.">'
        f"</head><body><h1>Head</h1><div class='story'>{_ARTICLE_TEXT}</div></body></html>"
    )
    article = nhtml.loads(page)
    assert "Paragraph 5 of the article" in article.text
    assert len(article.sections[0].blocks) == 6


def test_a_long_comment_thread_is_not_the_body() -> None:
    comments = "".join(
        f"<li><blockquote><p>Comment {i}, longer than the article's paragraphs, with many"
        " words, commas, opinions, and more words, and yet more words, to outweigh it.</p>"
        "</blockquote></li>"
        for i in range(12)
    )
    page = (
        f"<title>T</title><body><h1>Head</h1><div class='entry'>{_ARTICLE_TEXT}</div>"
        f"<section id='comments'><div class='content'><ol>{comments}</ol></div></section></body>"
    )
    article = nhtml.loads(page)
    assert "Paragraph 0 of the article" in article.text
    assert "Comment 3" not in article.text


def test_the_block_holding_most_of_the_body_is_kept_whatever_its_names() -> None:
    page = (
        "<title>T</title><body><h1>Head</h1><div id='main'>"
        f"<div class='post tag-politics steady-paywall-container'>{_ARTICLE_TEXT}</div>"
        "<div class='related'><p>A related story, which is not the article at all.</p></div>"
        "</div></body>"
    )
    article = nhtml.loads(page)
    assert "Paragraph 5 of the article" in article.text
    assert "related story" not in article.text


def test_video_and_social_embeds_become_embed_blocks() -> None:
    page = (
        "<title>T</title><body><h1>Head</h1><article>"
        f"{_ARTICLE_TEXT}"
        '<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ"></iframe>'
        '<iframe src="//player.vimeo.com/video/76979871"></iframe>'
        '<blockquote class="twitter-tweet"><p>What was said.</p>&mdash; A (@a) '
        '<a href="https://twitter.com/a/status/123">June 1, 2020</a></blockquote>'
        '<blockquote class="instagram-media" '
        'data-instgrm-permalink="https://www.instagram.com/p/abc/"><p>A post</p></blockquote>'
        '<script async src="https://telegram.org/js/telegram-widget.js" '
        'data-telegram-post="durov/43"></script>'
        '<iframe src="https://ads.example.com/frame"></iframe>'
        "</article></body>"
    )
    with pytest.warns(LossyConversionWarning, match="1 embedded frame"):
        article = nhtml.loads(page)
    embeds = [b for s in article.sections for b in s.blocks if isinstance(b, Embed)]
    assert [(e.provider, e.url) for e in embeds] == [
        (EmbedProvider.YOUTUBE, "https://www.youtube.com/embed/dQw4w9WgXcQ"),
        (EmbedProvider.VIMEO, "https://player.vimeo.com/video/76979871"),
        (EmbedProvider.X, "https://twitter.com/a/status/123"),
        (EmbedProvider.INSTAGRAM, "https://www.instagram.com/p/abc/"),
        (EmbedProvider.TELEGRAM, "https://t.me/durov/43"),
    ]
    assert embeds[2].caption == "What was said."
    # written as links (nothing loaded from the services) and read back the same
    assert nhtml.loads(nhtml.dumps(article)) == article


def test_a_long_list_of_linked_paragraphs_is_no_article() -> None:
    page = "<title>News</title><h1>News</h1>" + "".join(
        f'<p><a href="/n/{i}">Headline of the story number {i}</a></p>' for i in range(30)
    )
    with pytest.raises(ParseError, match="not an article page"):
        nhtml.loads(page, strict=True)
