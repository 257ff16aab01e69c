"""The direct reader of pages newsmodel wrote: the same article as the general reader, or none.

Every page is read twice, through :func:`newsmodel.html._reader.read` with the direct path
(what ``loads`` does) and without it; both must give the same article and the same warnings.
Pages that copy newsmodel's marks but differ in structure must not be taken by the direct path.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from newsmodel import (
    Article,
    Attribution,
    Embed,
    Emphasis,
    Figure,
    Genre,
    ItemList,
    LineBreak,
    Link,
    Paragraph,
    Quote,
    Rights,
    Role,
    Section,
    Strong,
    Subject,
    Table,
    html,
)
from newsmodel.html._own import read_own
from newsmodel.html._parse import DEFAULT_MAX_BYTES, DEFAULT_MAX_TAG_CHARS, parse_page
from ownpage import both
from strategies import articles_for

WHEN = datetime(2026, 11, 25, 9, 5, tzinfo=timezone(timedelta(hours=5)))

#: An article with every part the writer writes in the header, body and footer.
RICH = Article(
    headline="Правительство объявило о мерах поддержки экономики",
    lede="Кабинет министров утвердил пакет мер на 2027 год.",
    sections=[
        Section(
            heading="Подзаголовок",
            blocks=[
                Paragraph(
                    [
                        "Абзац с ",
                        Emphasis("новыми мерами"),
                        " и ",
                        Strong(["очень ", Emphasis("важными")]),
                        " словами,",
                        LineBreak(),
                        "подробности на ",
                        Link(
                            "https://example.kz/news/1",
                            ["сайте ", Link("https://example.kz/inner", "внутри")],
                            title="Сайт",
                        ),
                        ".",
                    ]
                ),
                Quote(["Цитата министра."], cite="Министр"),
                ItemList(["Первая мера.", "Вторая мера."], ordered=True),
                ItemList(["Пункт."]),
                Table([("Год", "Сумма"), ("2027", "10")], header_rows=1, caption="Бюджет"),
                Figure(
                    "https://example.kz/photo.jpg",
                    caption="Подпись",
                    credit=Attribution("Иван Петров", role=Role.PHOTOGRAPHER),
                    alt="Фото",
                ),
            ],
        ),
        Section(blocks=["Второй раздел без заголовка."]),
    ],
    attributions=[
        Attribution("Анна Ким", url="https://example.kz/anna"),
        Attribution("Kazinform", role=Role.SOURCE, phrase="передает"),
        Attribution("Пётр Сидоров", role=Role.EDITOR),
    ],
    published=WHEN,
    updated=WHEN + timedelta(hours=1),
    rubrics=["Экономика", "Политика"],
    tags=["экономика", "бюджет"],
    subjects=[Subject("medtop:04000000", "экономика", names=[("en", "economy")])],
    site="Example.kz",
    url="https://example.kz/news/1",
    guid="urn:example:1",
    version=2,
    dateline="АСТАНА, 25 ноября",
    place="Астана",
    image=Figure(
        "https://example.kz/lead.jpg",
        caption="Главное фото",
        credit=Attribution("Фотограф Один", role=Role.PHOTOGRAPHER),
    ),
    slug="mery-podderzhki",
    correction="Исправлена сумма.",
    genres=[Genre("genre:Interview", "Интервью"), Genre("genre:Current")],
    rights=Rights(holder="Kazinform", notice="© Kazinform", usage_terms="Только для РК"),
    editorial_note="Не для печати",
    urgency=2,
    extra=[("newsml:edNote", "Заметка")],
)


def _root(page: str | bytes) -> object:
    root, _ = parse_page(
        page, encoding=None, max_bytes=DEFAULT_MAX_BYTES, max_tag_chars=DEFAULT_MAX_TAG_CHARS
    )
    return read_own(root, url=None, tz=timezone.utc)


def test_a_rich_page_is_read_directly_to_the_same_article() -> None:
    for page in (html.dumps(RICH, internal=True), html.dumps(RICH, fragment=True, internal=True)):
        assert _root(page) is not None
        direct, general = both(page)
        assert direct == general
        assert direct[0] == RICH
        assert direct[1] == []


def test_a_public_page_is_read_directly() -> None:
    page = html.dumps(RICH)
    assert _root(page) is not None
    direct, general = both(page)
    assert direct == general


def test_relative_links_resolve_against_the_url_alike() -> None:
    article = Article(
        headline="Заголовок",
        sections=[Section(blocks=[Paragraph(["См. ", Link("/news/2", "новость"), "."])])],
    )
    page = html.dumps(article)
    assert _root(page) is not None
    direct, general = both(page, url="https://example.kz/news/1")
    assert direct == general
    assert isinstance(direct[0], Article)
    link = direct[0].sections[0].blocks[0].content[1]  # type: ignore[union-attr]
    assert link.href == "https://example.kz/news/2"


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles_for("html"), st.booleans(), st.booleans())
def test_generated_articles_read_the_same_both_ways(
    article: Article,
    internal: bool,  # noqa: FBT001 - drawn by Hypothesis
    fragment: bool,  # noqa: FBT001
) -> None:
    page = html.dumps(article, internal=internal, fragment=fragment)
    direct, general = both(page)
    assert direct == general


def test_most_generated_pages_take_the_direct_path() -> None:
    taken = []

    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(articles_for("html"))
    def run(article: Article) -> None:
        assume(not any(isinstance(b, Embed) for s in article.sections for b in s.blocks))
        taken.append(_root(html.dumps(article, internal=True)) is not None)

    run()
    assert sum(taken) >= 0.8 * len(taken)


# --- pages that copy the marks -----------------------------------------------------------

_BODY = '<div class="body" itemprop="articleBody">'
_FIRST_P = re.compile(r"<p>")

#: Edits of a page newsmodel wrote that keep its marks but change its structure.
COPIES = {
    "boilerplate beside the article": ("<body>\n", '<body>\n<nav><a href="/">Главная</a></nav>\n'),
    "a second article": (
        "</article>",
        (
            '</article>\n<article itemscope itemtype="https://schema.org/NewsArticle"'
            ' data-version="1"><h1>Другая</h1></article>'
        ),
    ),
    "a script in the body": (_BODY, _BODY + "<script>document.write('x')</script>"),
    "a script in a section": ("\n<p>", "\n<script>var x = 1;</script><p>"),
    "hidden text": ("\n<p>", "\n<p hidden>Скрытый текст.</p><p>"),
    "a styled paragraph": ("\n<p>", '\n<p style="display:none">Скрыто.</p><p>'),
    "a classed paragraph": ("\n<p>", '\n<p class="share">Поделиться</p><p>'),
    "a paragraph outside sections": (_BODY, _BODY + "<p>Абзац вне раздела.</p>"),
    "loose text in the body": (_BODY, _BODY + "Текст без абзаца."),
    "a div in a section": ("\n<p>", "\n<div><p>Вложенный абзац.</p></div><p>"),
    "a heading deeper": ("\n<p>", "\n<h3>Подзаголовок</h3><p>"),
    "a second heading": ("\n<p>", "\n<h2>Подзаголовок</h2><p>"),
    "an aside": ("\n<p>", "\n<aside><p>Читайте также</p></aside><p>"),
    "an unknown inline": ("<p>", "<p><i>курсив</i> "),
    "a span": ("<p>", '<p><span class="ad">реклама</span> '),
    "a javascript link": ("<p>", '<p><a href="javascript:alert(1)">ссылка</a> '),
    "an empty link": ("<p>", '<p><a href=" ">ссылка</a> '),
    "an iframe": ("\n<p>", '\n<iframe src="https://www.youtube.com/embed/x"></iframe><p>'),
    "a second headline": ("</header>", "<h1>Второй заголовок</h1></header>"),
    "a base element": ("<head>", '<head><base href="https://other.example/">'),
    "an item in the head": (
        "<head>",
        '<head><meta itemscope itemtype="https://schema.org/NewsArticle">',
    ),
    "reordered header": (
        '<p class="lede"',
        '<p class="dateline" itemprop="dateline">Х</p><p class="lede"',
    ),
    "an extra attribute": ('<h1 itemprop="headline"', '<h1 itemprop="headline" class="x"'),
    "a newsroom field in the body": (
        "\n<p>",
        '\n<p class="correction" role="note">Исправлено.</p><p>',
    ),
    "a property in the body": ("<p>", '<p><span itemprop="headline">Другой заголовок</span> '),
    "a marked emphasis": ("<em>", '<em itemprop="dateline">'),
    "a deep nesting": ("<p>", "<p>" + "<em>" * 40 + "глубоко" + "</em>" * 40 + " "),
}


@pytest.mark.parametrize("edit", sorted(COPIES), ids=str)
def test_a_page_that_copies_the_marks_goes_to_the_general_reader(edit: str) -> None:
    old, new = COPIES[edit]
    page = html.dumps(RICH, internal=True)
    assert old in page
    copied = page.replace(old, new, 1)
    assert _root(copied) is None
    direct, general = both(copied)
    assert direct == general


_SNIPPETS = [
    "<p>Абзац.</p>",
    "<p hidden>Скрыто.</p>",
    '<div class="related"><a href="/a">Ещё</a></div>',
    "<script>x()</script>",
    "<style>p{}</style>",
    "<aside>Реклама</aside>",
    "<h2>Заголовок</h2>",
    "<h1>Другой</h1>",
    "<em>курсив</em>",
    '<a href="javascript:x()">ссылка</a>',
    '<a href="https://example.kz/">ссылка</a>',
    "<br>",
    "текст",
    " ",
    '<img src="https://example.kz/i.jpg">',
    '<span itemprop="author">Кто-то</span>',
    '<li itemprop="keywords">тег</li>',
    '<p class="correction">Исправлено.</p>',
    '<dl class="extra" hidden><dt>k</dt><dd>v</dd></dl>',
    '<div itemscope itemtype="https://schema.org/NewsArticle"><h1>Х</h1></div>',
    '<section><p style="display: none">Скрыто.</p></section>',
    '<table><tr><td colspan="2">ячейка</td></tr></table>',
    '<figure class="embed"><a class="embed-link" href="https://t.me/a/1">t.me</a></figure>',
]


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles_for("html"), st.data())
def test_an_edited_page_reads_the_same_both_ways(article: Article, data: st.DataObject) -> None:
    page = html.dumps(article, internal=data.draw(st.booleans()))
    body = page.index("<body>")
    if data.draw(st.booleans()):
        # between two blocks, or two parts of the header or footer: the writer puts each on
        # its own line
        places = [m.end() for m in re.finditer("\n", page) if m.start() > body]
    else:  # just before or after any tag
        places = [m.start() for m in re.finditer("<", page) if m.start() > body]
        places += [m.end() for m in re.finditer(">", page) if m.start() > body]
    at = data.draw(st.sampled_from(sorted(places)))
    snippet = data.draw(st.sampled_from(_SNIPPETS))
    direct, general = both(page[:at] + snippet + page[at:])
    assert direct == general
