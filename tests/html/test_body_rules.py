"""The rules that find an article's body on another site's page, each on a small page.

Every page here is written for its rule: the article beside the block the rule is about, so
that the test fails when the rule is gone.
"""
# ruff: noqa: E501 - the pages under test are written out as they are

from __future__ import annotations

import warnings

import pytest

from newsmodel import Article, Role
from newsmodel import html as nhtml

LONG = "Это достаточно длинный абзац текста статьи, чтобы его приняли за основной текст, да."
OTHER = "Второй абзац статьи рассказывает о другом, но тоже довольно длинно и подробно, вот."


def _read(page: str, url: str | None = None) -> Article:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return nhtml.loads(page.encode(), url=url)


def _body(article: Article) -> str:
    return "\n".join(s.text for s in article.sections)


# --- the main content -------------------------------------------------------------------------


def test_ideographic_commas_count_for_the_main_block() -> None:
    # The article's sentences have ideographic commas (、), the longer block none; the commas
    # weigh, as ASCII commas do in a European text.
    article = "".join(
        f"<p>{'東京都では、新しい制度について、説明会が開かれ、多くの人が、集まった。' * 2}</p>"
        for _ in range(3)
    )
    other = "".join(
        f"<p>{'この記事は会員限定です。ログインして続きを読んでください。よろしく。' * 3}</p>"
        for _ in range(3)
    )
    page = f'<title>T</title><body><h1>見出し</h1><div id="a">{other}</div><div id="b">{article}</div></body>'
    body = _body(_read(page))
    assert "東京都では" in body
    assert "会員限定" not in body


def test_a_block_the_page_hides_is_not_in_the_body() -> None:
    hidden = (
        '<div class="visually-hidden">Article content</div>'
        "<div hidden><p>Subscribe now to read the latest news in your city.</p></div>"
        '<div style="display: none"><p>Register to unlock this article, it is free.</p></div>'
        '<div aria-hidden="true"><p>Sign in or create an account to continue.</p></div>'
    )
    page = f"<title>T</title><body><article><h1>H</h1><div class='story'><p>{LONG}</p>{hidden}<p>{OTHER}</p></div></article></body>"
    body = _body(_read(page))
    assert LONG in body
    assert OTHER in body
    for text in ("Article content", "Subscribe", "Register", "Sign in"):
        assert text not in body


def test_hidden_text_is_left_out_of_a_marked_article_body_too() -> None:
    page = (
        '<title>T</title><body><h1>H</h1><div itemprop="articleBody">'
        f'<h2 class="sr-only">Article content</h2><p>{LONG}</p><p>{OTHER}</p></div></body>'
    )
    article = _read(page)
    assert "Article content" not in _body(article)
    assert LONG in _body(article)


def test_a_class_that_hides_on_small_screens_only_keeps_its_text() -> None:
    page = f"<title>T</title><body><article><h1>H</h1><div class='text'><p>{LONG}</p><div class='hidden-xs'><p>{OTHER}</p></div></div></article></body>"
    assert OTHER in _body(_read(page))


def _cut(parts: list[str], *, kind: str = "story-block", between: str = "") -> str:
    blocks = between.join(
        f'<div class="{kind}"><p>{p} {LONG}</p><p>{OTHER}</p></div>' for p in parts
    )
    return (
        "<title>T</title><body><div class='wrap'><header class='head'><h1>Заголовок</h1>"
        "<p class='kicker-line'>Рубрика и автор этой статьи</p></header>"
        f"{blocks}<footer>Подвал сайта</footer></div></body>"
    )


def test_a_sign_up_box_is_not_the_main_content() -> None:
    # The box's name says "content" and its paragraph is long, but it holds a field for an
    # e-mail address and little text: it asks the reader to sign up.
    box = (
        '<div class="popup"><div class="main-content"><h3>Sign up to read on</h3>'
        '<form><label>E-mail:</label><input type="email" required><input type="submit" value="Go"></form>'
        "<p>We send the newsletter to the address you give us and never use it for anything else at all.</p></div></div>"
    )
    story = "".join(
        f"<p>Статья рассказывает о событии дня подробно номер {i}</p>" for i in range(4)
    )
    page = f"<title>T</title><body><h1>H</h1><section>{story}</section>{box}</body>"
    body = _body(_read(page))
    assert "событии дня" in body
    assert "newsletter" not in body


@pytest.mark.parametrize(
    "href", ["/service/login", "https://example.com/subscribe/offer?from=article"]
)
def test_a_short_box_that_links_to_an_account_page_is_left_out(href: str) -> None:
    box = f"<div class='box'><p>Эта статья только для подписчиков газеты, регистрация бесплатна.</p><a href='{href}'>Войти</a></div>"
    page = f"<title>T</title><body><h1>H</h1><div class='text'><p>{LONG}</p>{box}<p>{OTHER}</p></div></body>"
    body = _body(_read(page))
    assert OTHER in body
    assert "подписчиков" not in body


def test_a_paragraph_that_links_to_an_account_page_is_kept() -> None:
    text = "Читатели могут <a href='/login'>войти</a> и прочитать статью целиком, так сказали в редакции."
    page = f"<title>T</title><body><h1>H</h1><div class='text'><p>{LONG}</p><p>{text}</p><p>{OTHER}</p></div></body>"
    assert "прочитать статью целиком" in _body(_read(page))


def test_each_paragraph_marked_as_the_article_body_is_read() -> None:
    # The page marks every paragraph as articleBody, an ad and a figure between them.
    page = (
        "<title>T</title><body><h1>H</h1><div class='contents'>"
        f'<p itemprop="articleBody">{LONG}</p><div class="ad">Реклама</div>'
        f'<p itemprop="articleBody">{OTHER}</p><p itemprop="articleBody">Третий абзац.</p>'
        "</div><div class='more'><p>Другой блок страницы с длинным текстом, не из статьи, вот.</p></div></body>"
    )
    body = _body(_read(page))
    assert LONG in body
    assert OTHER in body
    assert "Третий абзац." in body
    assert "Другой блок" not in body


def test_marked_article_bodies_far_apart_do_not_make_the_page_the_body() -> None:
    page = (
        "<title>T</title><body><h1>H</h1>"
        f'<div class="a"><p itemprop="articleBody">{LONG}</p></div>'
        '<div class="b"><p itemprop="articleBody">Начало другой статьи.</p>'
        "<p>Совсем другой блок страницы с длинным текстом, не из этой статьи, вот так.</p></div></body>"
    )
    body = _body(_read(page))
    assert LONG in body
    assert "другой блок" not in body


def test_an_article_cut_into_blocks_around_ads_is_read_whole() -> None:
    ad = '<div class="ad-slot"><p>Advertisement</p></div><figure><img src="https://example.kz/1.jpg"><figcaption>Снимок</figcaption></figure>'
    parts = ["Первая часть.", "Вторая часть.", "Третья часть.", "Четвёртая часть."]
    article = _read(_cut(parts, between=ad))
    body = _body(article)
    assert all(p in body for p in parts)
    assert "Advertisement" not in body
    assert "Подвал" not in body
    assert "Заголовок" not in body


def test_the_blocks_of_a_cut_article_are_read_whatever_their_names() -> None:
    # "sidebar-grid__content" would be boilerplate by its name: the blocks of the run, and their
    # wrappers of the kinds that lead to the main content, are read all the same.
    parts = ["Первая часть.", "Вторая часть.", "Третья часть."]
    blocks = "".join(
        f'<div class="sidebar-grid__container"><div class="sidebar-grid__content"><p>{p} {LONG}</p><p>{OTHER}</p></div>'
        '<aside class="sidebar-grid__sidebar">Реклама</aside></div>'
        for p in parts
    )
    page = f"<title>T</title><body><div class='sidebar-grid'><header><h1>H</h1></header>{blocks}</div></body>"
    body = _body(_read(page))
    assert all(p in body for p in parts)
    assert "Реклама" not in body


def test_columns_side_by_side_are_not_one_article() -> None:
    rail = f'<section class="column"><p>Реклама в колонке: {OTHER}</p><p>{OTHER} Ещё реклама.</p></section>'
    page = (
        "<title>T</title><body><div class='page'><header><h1>H</h1></header>"
        f'<section class="column"><p>{LONG}</p><p>{LONG} Конец.</p><p>{OTHER}</p><p>{LONG} Ещё.</p></section>{rail}</div></body>'
    )
    body = _body(_read(page))
    assert "Конец" in body
    assert "колонке" not in body


def test_a_block_of_the_same_kind_named_as_boilerplate_by_its_id_is_left_out() -> None:
    page = _cut(["Первая часть.", "Вторая часть."]).replace(
        "</footer>",
        '</footer><div class="story-block" id="tags-box"><p>Метки и рекламная оговорка к этой статье, довольно длинная.</p><p>Ещё одна рекламная оговорка к этой статье, тоже довольно длинная.</p></div>',
    )
    page = page.replace("<footer>Подвал сайта</footer>", "")
    assert "оговорка" not in _body(_read(page))


def test_a_box_of_links_in_the_body_is_left_out() -> None:
    teasers = "".join(
        f'<div class="card"><a href="/news/{i}"><span>Тема</span> Заголовок другой статьи номер {i}</a></div>'
        for i in range(4)
    )
    page = f"<title>T</title><body><article><h1>H</h1><div class='text'><p>{LONG}</p><div class='more'><h2>Ещё по теме</h2>{teasers}</div><p>{OTHER}</p></div></article></body>"
    body = _body(_read(page))
    assert OTHER in body
    assert "другой статьи" not in body


def test_a_box_of_links_laid_out_on_many_lines_is_left_out() -> None:
    # The indentation between the tags is no text: the box is as much links as it would be
    # written on one line, though its items have a date beside each link.
    indent = "\n" + "\t" * 12
    items = "".join(
        f"{indent}<li>{indent}<p><a href='/news/{i}'>Заголовок другой статьи {i}</a></p>"
        f"{indent}<p><a href='/news/{i}'>Начало другой статьи {i}...</a></p>{indent}<p>14 января</p>{indent}</li>"
        for i in range(4)
    )
    page = f"<title>T</title><body><article><h1>H</h1><div class='text'><p>{LONG}</p><p>{OTHER}</p><div class='box'><ul>{items}</ul></div></div></article></body>"
    body = _body(_read(page))
    assert OTHER in body
    assert "другой статьи" not in body


def test_the_authors_address_is_not_body_text() -> None:
    # <address> is the contact of the article's author: the byline, not the text.
    page = f"<title>T</title><body><h1>H</h1><div class='text'><div><address><span>Анна Иванова</span><span>Газета</span></address></div><p>{LONG}</p><p>{OTHER}</p></div></body>"
    body = _body(_read(page))
    assert LONG in body
    assert "Анна Иванова" not in body


@pytest.mark.parametrize("mark", [' itemprop="articleBody"', ' class="text"'])
def test_a_complementary_box_is_left_out_of_the_body(mark: str) -> None:
    # role="complementary" is an <aside> by ARIA, also on an element of the site's own name
    # (read as inline content, as any element HTML does not know).
    box = '<fact-box role="complementary"><div>Факты о событии: это краткая справка рядом с текстом.</div></fact-box>'
    page = f"<title>T</title><body><article><h1>H</h1><div{mark}><p>{LONG}</p>{box}<p>{OTHER}</p></div></article></body>"
    body = _body(_read(page))
    assert OTHER in body
    assert "Факты" not in body


def test_a_dated_line_of_the_header_is_not_body_text() -> None:
    long = LONG * 2
    page = f"<title>T</title><body><h1>H</h1><div class='text'><p>Published Jun 05, 2026 • 3 minute read</p><p>{long}</p><p>Updated June 6, 2026</p><p>{OTHER}</p></div></body>"
    body = _body(_read(page))
    assert long in body
    assert "3 minute read" not in body
    # after the first long paragraph a dated line is the article's own
    assert "Updated June 6, 2026" in body


def test_a_link_around_a_heading_and_a_paragraph_is_left_out() -> None:
    banner = "<a href='/newsletters'><h2>Свежие новости у вас в почте.</h2><p>Подпишитесь на рассылку</p></a>"
    text = "Абзац со <a href='/other'>ссылкой на другую статью</a> внутри текста, вот так вот."
    page = f"<title>T</title><body><h1>H</h1><div class='text'><p>{LONG}</p><p>{text}</p>{banner}<p>{OTHER}</p></div></body>"
    body = _body(_read(page))
    assert "ссылкой на другую статью" in body
    assert OTHER in body
    assert "Подпишитесь" not in body


def test_a_comment_area_named_in_one_word_is_left_out_but_commentary_kept() -> None:
    page = (
        "<title>T</title><body><article><h1>H</h1><div class='text'>"
        f"<p>{LONG}</p><div class='commentarea'><p>Bitte füllen Sie die Felder aus, um einen Kommentar zu verfassen.</p></div>"
        f"<div class='commentary-text'><p>{OTHER}</p></div></div></article></body>"
    )
    body = _body(_read(page))
    assert "Kommentar" not in body
    assert OTHER in body


# --- lede, bylines, the article item ----------------------------------------------------------


def test_a_lede_found_again_among_the_first_paragraphs_is_not_repeated() -> None:
    lede = "Краткое содержание статьи, которое сайт повторяет в начале текста статьи."
    page = (
        f'<title>T</title><meta name="description" content="{lede}"><body><article><h1>H</h1>'
        f"<div class='text'><p>Рубрика</p><p>Вт 25.04.24 | 14:07</p><p>{lede}</p><p>{LONG}</p><p>{OTHER}</p></div></article></body>"
    )
    article = _read(page)
    assert (article.lede or "") + _body(article) != ""
    assert f"{article.lede or ''}\n{_body(article)}".count("Краткое содержание") == 1


def test_a_description_spaced_otherwise_than_the_first_paragraph_is_not_repeated() -> None:
    # The description spaces out the reading of a name that the page gives in <ruby>.
    description = (
        "【ソウル＝記者】韓国の 尹錫悦 （ ユンソンニョル ） 大統領は３日夜、緊急談話を出した。"
    )
    first = "【ソウル＝記者】韓国の<ruby><rb>尹錫悦</rb><rp>（</rp><rt>ユンソンニョル</rt><rp>）</rp></ruby>大統領は３日夜、緊急談話を出した。"
    page = (
        f'<title>T</title><meta name="description" content="{description}"><body><h1>H</h1>'
        f"<div class='text'><p>{first}</p><p>{LONG}</p><p>{OTHER}</p></div></body>"
    )
    article = _read(page)
    assert f"{article.lede or ''}\n{_body(article)}".count("緊急談話") == 1


def test_a_subtitle_in_a_comment_form_is_not_the_lede() -> None:
    page = (
        "<title>T</title><body><article><h1>Заголовок</h1><div class='text'>"
        f"<p>{LONG}</p><p>{OTHER}</p></div><section class='comments-box'>"
        "<p class='subtitle'>Bitte füllen Sie die Felder aus, um einen Kommentar zu verfassen.</p>"
        "</section></article></body>"
    )
    assert "Kommentar" not in (_read(page).lede or "")


def test_a_comment_form_label_is_no_byline() -> None:
    page = (
        f"<title>T</title><body><article><h1>H</h1><div class='text'><p>{LONG}</p><p>{OTHER}</p></div></article>"
        "<div id='respond' class='comment-respond'><p class='comment-form-author'>"
        "<label class='author'>Name (erforderlich)</label></p></div></body>"
    )
    assert _read(page).credited(Role.AUTHOR) == ()


def test_a_byline_in_a_related_story_is_not_the_articles() -> None:
    page = (
        f"<title>T</title><body><article><h1>H</h1><div class='text'><p>{LONG}</p><p>{OTHER}</p></div></article>"
        "<div class='related-stories'><div class='teaser'><a href='/2'>Другая статья</a>"
        "<span class='author'>Иван Другой</span></div></div></body>"
    )
    assert _read(page).credited(Role.AUTHOR) == ()


@pytest.mark.parametrize("number", ["105092", "12-34", "2024"])
def test_an_author_without_a_letter_is_nobody(number: str) -> None:
    page = (
        f'<title>T</title><meta name="author" content="{number}">'
        f"<body><article><h1>H</h1><p>{LONG}</p><p>{OTHER}</p></article></body>"
    )
    assert _read(page).credited(Role.AUTHOR) == ()


def _teaser(n: int) -> str:
    return (
        '<article itemscope itemtype="https://schema.org/NewsArticle">'
        f'<h2 itemprop="headline">Заголовок тизера {n}</h2>'
        f'<time itemprop="datePublished" datetime="2025-04-1{n}T10:00:00+02:00"></time></article>'
    )


def test_article_items_that_are_teasers_give_no_headline_or_date() -> None:
    page = (
        '<title>T</title><meta property="og:title" content="Настоящий заголовок">'
        '<meta property="article:published_time" content="2025-02-06T19:25:34+00:00">'
        f"<body><div class='story'><h1>Настоящий заголовок</h1><p>{LONG}</p><p>{OTHER}</p></div>"
        f"<div class='list'>{_teaser(1)}{_teaser(2)}</div></body>"
    )
    article = _read(page)
    assert article.headline == "Настоящий заголовок"
    assert article.published is not None
    assert article.published.isoformat()[:10] == "2025-02-06"


def test_the_article_item_holding_the_h1_is_still_the_article() -> None:
    page = (
        '<title>T</title><body><article itemscope itemtype="https://schema.org/NewsArticle">'
        '<h1 itemprop="headline">Заголовок статьи</h1>'
        '<time itemprop="datePublished" datetime="2025-03-01T10:00:00+02:00"></time>'
        f"<p>{LONG}</p><p>{OTHER}</p></article><div class='list'>{_teaser(1)}</div></body>"
    )
    article = _read(page)
    assert article.headline == "Заголовок статьи"
    assert article.published is not None
    assert article.published.isoformat()[:10] == "2025-03-01"


def test_a_tooltip_is_not_article_text() -> None:
    page = (
        "<title>T</title><body><article><h1>H</h1><div class='text'>"
        f"<p>{LONG}</p><div class='wrp js-tooltip'><div class='container js-tooltip-content'>"
        "<p>記事に『リアクション』ができます。ご利用には会員登録が必要です。</p></div></div>"
        f"<p>{OTHER}</p></div></article></body>"
    )
    body = _body(_read(page))
    assert OTHER in body
    assert "会員登録" not in body


def test_a_long_paragraph_met_twice_is_read_once() -> None:
    # a syndicated page that holds the article twice; a short line may repeat
    twice = f"{LONG} {OTHER}"
    short = "<p>Ещё одна строка.</p>"
    page = f"<title>T</title><body><article><h1>H</h1><div class='text'><p>{twice}</p>{short}<p>{OTHER}</p><div><p>{twice}</p>{short}</div></div></article></body>"
    body = _body(_read(page))
    assert body.count(twice) == 1
    assert body.count("Ещё одна строка.") == 2
    assert OTHER in body


def test_a_marked_article_body_keeps_a_repeated_paragraph() -> None:
    page = (
        '<title>T</title><body><h1>H</h1><div itemprop="articleBody">'
        f"<p>{LONG}</p><p>Припев.</p><p>{OTHER}</p><p>Припев.</p></div></body>"
    )
    assert _body(_read(page)).count("Припев.") == 2


def test_related_stories_in_a_body_another_site_marks_are_left_out() -> None:
    related = (
        "<div class='related'><h3>See also</h3><ul><li><a href='/1'>Другая статья о том же</a></li>"
        "<li><a href='/2'>Ещё одна статья о том же</a></li></ul></div>"
        "<aside><p>Врезка со ссылками на другие материалы сайта и рекламой.</p></aside>"
    )
    page = (
        '<title>T</title><body><article itemscope itemtype="https://schema.org/NewsArticle">'
        f'<h1 itemprop="headline">H</h1><div itemprop="articleBody"><p>{LONG}</p>{related}<p>{OTHER}</p></div></article></body>'
    )
    body = _body(_read(page))
    assert OTHER in body
    assert "See also" not in body
    assert "Другая статья" not in body
    assert "Врезка" not in body


def test_a_description_that_only_starts_a_later_paragraph_stays_the_lede() -> None:
    lede = "Цитата свидетеля, которую сайт дал описанием статьи."
    later = f"{lede} Дальше идёт продолжение этого абзаца статьи."
    page = (
        f'<title>T</title><meta name="description" content="{lede}"><body><article><h1>H</h1>'
        f"<div class='text'><p>{LONG}</p><p>{OTHER}</p><p>{later}</p></div></article></body>"
    )
    article = _read(page)
    assert article.lede == lede
    assert later in _body(article)
