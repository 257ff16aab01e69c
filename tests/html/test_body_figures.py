"""Figures in an article's body on another site's page: where the image is, what a caption is.

Every page here is written for its rule: the article's paragraphs beside the figure the rule
is about, so that the test fails when the rule is gone.
"""
# ruff: noqa: E501 - the pages under test are written out as they are

from __future__ import annotations

import warnings

from newsmodel import Article, Embed, EmbedProvider, Figure, Paragraph, Quote, Role
from newsmodel import html as nhtml

LONG = "Это достаточно длинный абзац текста статьи, чтобы его приняли за основной текст, да."
OTHER = "Второй абзац статьи рассказывает о другом, но тоже довольно длинно и подробно, вот."


def _read(page: str, url: str | None = "https://example.kz/news/1") -> Article:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return nhtml.loads(page.encode(), url=url)


def _page(figure: str) -> str:
    return (
        "<title>T</title><body><h1>H</h1><article class='story'>"
        f"<p>{LONG}</p>{figure}<p>{OTHER}</p></article></body>"
    )


def _blocks(article: Article) -> list[object]:
    return [block for section in article.sections for block in section.blocks]


def _figures(article: Article) -> list[Figure]:
    return [block for block in _blocks(article) if isinstance(block, Figure)]


def test_a_picture_named_by_its_sources_alone_is_a_figure() -> None:
    # A lazily loaded picture: its <img> names no address, its <source>s do.
    figure = (
        "<figure><picture>"
        '<source media="(min-width: 800px)" srcset="https://example.kz/big.webp 1x, https://example.kz/big2.webp 2x" type="image/webp">'
        '<img alt="Площадь" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">'
        "</picture><figcaption>Площадь в центре города</figcaption></figure>"
    )
    figures = _figures(_read(_page(figure)))
    assert [(f.image, f.caption) for f in figures] == [
        ("https://example.kz/big.webp", "Площадь в центре города")
    ]


def test_the_sources_of_a_video_are_no_image() -> None:
    # A <source> of a video or an audio clip goes with its player, whatever its address.
    figure = (
        '<figure><video><source src="https://example.kz/clip.mp4"></video>'
        '<audio><source src="https://example.kz/clip.mp3"></audio>'
        "<figcaption>Запись с места событий</figcaption></figure>"
    )
    article = _read(_page(figure))
    assert _figures(article) == []
    assert "clip.mp" not in repr(article)


def test_an_image_named_in_data_srcset_is_a_figure() -> None:
    figure = (
        '<figure><img class="lazyload" alt="" data-srcset="/img/river.jpg 640w, /img/river-2x.jpg 1280w">'
        "<figcaption>Река весной</figcaption></figure>"
    )
    figures = _figures(_read(_page(figure)))
    assert [(f.image, f.caption) for f in figures] == [
        ("https://example.kz/img/river.jpg", "Река весной")
    ]


def test_the_text_after_a_source_outside_a_picture_stays() -> None:
    # The HTML parser reads what follows a <source> into it (it knows no such empty element);
    # the source goes, the article's paragraph after it stays.
    page = _page(
        '<source src="https://example.kz/clip.mp4" type="video/mp4"><p>Третий абзац статьи, он следует сразу за потерянным источником видео.</p>'
    )
    body = "\n".join(s.text for s in _read(page).sections)
    assert "Третий абзац статьи" in body
    assert OTHER in body


def test_a_figure_around_a_quote_is_the_quote_its_caption_who_is_quoted() -> None:
    figure = (
        "<figure><blockquote><p>Мы откроем новую линию метро уже в этом году.</p></blockquote>"
        "<figcaption>— Мэр города</figcaption></figure>"
    )
    quotes = [b for b in _blocks(_read(_page(figure))) if isinstance(b, Quote)]
    assert [(q.text, q.cite) for q in quotes] == [
        ("Мы откроем новую линию метро уже в этом году.", "Мэр города")
    ]


def test_a_quote_names_who_is_quoted_before_the_figure_caption() -> None:
    figure = (
        "<figure><blockquote><p>Работы завершат к осени.</p>"
        "<figcaption><cite>Пресс-служба</cite></figcaption></blockquote></figure>"
    )
    blocks = _blocks(_read(_page(figure)))
    quotes = [b for b in blocks if isinstance(b, Quote)]
    assert [(q.text, q.cite) for q in quotes] == [("Работы завершат к осени.", "Пресс-служба")]
    assert not any(isinstance(b, Paragraph) and b.text == "Пресс-служба" for b in blocks)


def test_the_caption_of_a_dropped_player_goes_with_it() -> None:
    figure = (
        '<figure><div class="player"><iframe src="https://player.example.kz/v/1"></iframe></div>'
        "<figcaption>Видео: как строили мост</figcaption></figure>"
    )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        article = nhtml.loads(_page(figure).encode(), url="https://example.kz/news/1")
    body = "\n".join(s.text for s in article.sections)
    assert "как строили мост" not in body
    assert LONG in body
    assert OTHER in body
    assert any("embedded frame" in str(w.message) for w in caught)


def test_the_caption_of_an_image_without_an_address_stays_text() -> None:
    # The image is counted as dropped; its caption, the page's text, stays.
    figure = (
        '<figure><img src="javascript:void(0)"><figcaption>Подпись к снимку</figcaption></figure>'
    )
    blocks = _blocks(_read(_page(figure)))
    assert any(isinstance(b, Paragraph) and b.text == "Подпись к снимку" for b in blocks)


def test_another_sites_embed_figure_without_a_link_is_its_player() -> None:
    # A figure named "…-embed" around a known service's player frame, no link beside it.
    figure = (
        '<figure class="block-embed is-provider-video"><div class="block-embed__wrapper">'
        '<iframe src="https://www.youtube.com/embed/abcdefghijk"></iframe></div></figure>'
    )
    embeds = [b for b in _blocks(_read(_page(figure))) if isinstance(b, Embed)]
    assert [(e.url, e.provider) for e in embeds] == [
        ("https://www.youtube.com/embed/abcdefghijk", EmbedProvider.YOUTUBE)
    ]


def test_an_image_figure_named_embed_is_a_figure_not_a_link_to_the_page() -> None:
    figure = (
        '<figure class="image embed_in_text"><img src="/img/team.jpg" alt="">'
        "<figcaption>Команда после матча</figcaption></figure>"
    )
    blocks = _blocks(_read(_page(figure)))
    assert not any(isinstance(b, Embed) for b in blocks)
    assert [(f.image, f.caption) for f in _figures(_read(_page(figure)))] == [
        ("https://example.kz/img/team.jpg", "Команда после матча")
    ]


def test_a_credit_line_under_a_picture_is_its_credit() -> None:
    figure = (
        '<figure><img src="https://example.kz/bridge.jpg" alt=""></figure><p>Photo: Иван Петров</p>'
    )
    article = _read(_page(figure))
    assert [(f.image, f.credit.name if f.credit else None) for f in _figures(article)] == [
        ("https://example.kz/bridge.jpg", "Иван Петров")
    ]
    assert "Иван Петров" not in "\n".join(s.text for s in article.sections)


def test_a_credit_line_with_no_picture_before_it_credits_the_article() -> None:
    article = _read(_page("<p>Crédits photos : Агентство Север</p>"))
    body = "\n".join(s.text for s in article.sections)
    assert "Агентство Север" not in body
    assert LONG in body
    assert OTHER in body
    assert [(a.name, a.role) for a in article.credited(Role.PHOTOGRAPHER)] == [
        ("Агентство Север", Role.PHOTOGRAPHER)
    ]


def test_a_sentence_about_a_photo_is_text() -> None:
    # A word for a picture and a colon, but a long line: the article's sentence.
    line = "Фото: этот снимок сделан в тот день, когда мост открыли для пешеходов, и его сразу перепечатали все газеты."
    body = "\n".join(s.text for s in _read(_page(f"<p>{line}</p>")).sections)
    assert line in body
