"""The HTML reader on hand-made pages: metadata sources, body, safety, limits, errors."""
# ruff: noqa: E501 - the pages under test are written out as they are

from __future__ import annotations

import io
import warnings
from pathlib import Path

import pytest

from newsmodel import Link, LossyConversionWarning, ParseError, Role
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


def test_long_start_tag_reports_line_and_column() -> None:
    page = "<title>T</title>\n  <div title='" + "x" * 2000 + "'>"
    with pytest.raises(ParseError) as info:
        nhtml.loads(page, max_tag_chars=1000)
    assert (info.value.line, info.value.column) == (2, 3)


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
    assert a.published is not None
    assert a.published.date().isoformat() == "2021-03-04"
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
    with pytest.warns(
        LossyConversionWarning, match=r"1 embedded tweet.*1 table|1 table.*1 embedded tweet"
    ):
        nhtml.loads(page)


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
