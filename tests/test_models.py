from __future__ import annotations

import pickle
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import attrs
import pytest
from hypothesis import given

from newsmodel import (
    Article,
    Attribution,
    Embed,
    EmbedProvider,
    Emphasis,
    Figure,
    Genre,
    ItemList,
    LineBreak,
    Link,
    Paragraph,
    PubStatus,
    Quote,
    Rights,
    Role,
    Section,
    Strong,
    Subject,
    ValidationError,
)
from newsmodel._models import extension_fields
from strategies import articles, paragraphs

ALMATY = ZoneInfo("Asia/Almaty")


def test_issue_example_builds_and_normalises() -> None:
    article = Article(
        headline="Заголовок статьи",
        lede="Короткий анонс",
        sections=[
            Section(heading=None, blocks=["Первый абзац.", "Второй абзац."]),
            Section(heading="Подзаголовок", blocks=["Абзац третий."]),
        ],
        attributions=[Attribution(name="Altyn-orda.kz", role=Role.SOURCE, phrase="передает")],
        published=datetime(2026, 11, 25, 14, 5, tzinfo=ALMATY),
        rubrics=["Главные новости", "Иносми"],
        site="АЛТЫНОРДА",
        url="https://example.kz/news/zagolovok-stati",
        language="ru",
    )
    assert isinstance(article.sections, tuple)
    assert article.sections[0].blocks == (Paragraph("Первый абзац."), Paragraph("Второй абзац."))
    assert article.rubrics == ("Главные новости", "Иносми")
    assert article.slug == "zagolovok-stati"
    assert article.text.startswith("Заголовок статьи\n\nКороткий анонс\n\nПервый абзац.")


def test_frozen_slotted_hashable_and_evolve() -> None:
    article = Article(headline="Один")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        article.headline = "Два"  # type: ignore[misc]
    assert not hasattr(article, "__dict__")
    changed = attrs.evolve(article, lede="Анонс")
    assert changed.lede == "Анонс"
    assert changed != article
    assert {article, attrs.evolve(article)} == {article}


def test_a_derived_slug_follows_the_headline_through_evolve() -> None:
    article = Article(headline="Старый заголовок")
    assert article.given_slug is None
    changed = attrs.evolve(article, headline="Новый заголовок")
    assert changed.slug == "novyy-zagolovok"
    assert changed.given_slug is None
    assert changed == Article(headline="Новый заголовок")


def test_a_given_slug_is_kept_through_evolve() -> None:
    # A CMS keeps a published URL by giving the slug it published under.
    published = Article(headline="Старый заголовок", slug=Article(headline="Старый заголовок").slug)
    changed = attrs.evolve(published, headline="Новый заголовок")
    assert changed.slug == "staryy-zagolovok"
    assert changed.given_slug == "staryy-zagolovok"


def test_a_given_slug_is_not_the_same_article_as_a_derived_one() -> None:
    # Equal slugs today, different slugs after the next headline edit: not equal.
    derived = Article(headline="Заголовок")
    given = Article(headline="Заголовок", slug="zagolovok")
    assert derived.slug == given.slug
    assert derived != given


def test_the_fallback_slug_follows_the_guid() -> None:
    article = Article(headline="!!!", guid="urn:newsml:kazinform:1")
    assert article.slug == "urn-newsml-kazinform-1"
    assert attrs.evolve(article, guid=None).slug.startswith("article-")


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("headline", ""),
        ("headline", " \n\t "),
        ("headline", 5),
        ("headline", "bad\x00text"),
        ("headline", "lone \ud800 surrogate"),
        ("lede", "escape \x1b[31m"),
        ("language", "русский"),
        ("language", "r"),
        ("url", "ftp://example.kz/a"),
        ("url", "/relative/path"),
        ("url", "https://exa mple.kz/"),
        ("url", "javascript:alert(1)"),
        ("version", 0),
        ("version", True),
        ("version", "2"),
        ("slug", "Has Capitals"),
        ("slug", "double--hyphen"),
        ("slug", "-leading"),
        ("sections", "not a list"),
        ("sections", ["a string is not a section"]),
        ("attributions", [{"name": "dict"}]),
        ("rubrics", ["ok", ""]),
        ("subjects", ["not a qcode"]),
        ("published", datetime(2026, 1, 1, 12, 0)),  # noqa: DTZ001 - naive on purpose
        ("image", "https://example.kz/a.jpg"),
        ("extra", [("key",)]),
        ("extra", {"": "value"}),
    ],
)
def test_invalid_values_name_the_field(field: str, value: object) -> None:
    kwargs: dict[str, object] = {"headline": "Заголовок", field: value}
    with pytest.raises(ValidationError) as info:
        Article(**kwargs)  # type: ignore[arg-type]
    assert info.value.field.split("[")[0] == field
    assert isinstance(info.value, ValueError)
    assert info.value.reason


def test_updated_not_before_published() -> None:
    published = datetime(2026, 11, 25, 14, 5, tzinfo=ALMATY)
    Article(headline="x", published=published, updated=published)
    with pytest.raises(ValidationError, match="updated"):
        Article(headline="x", published=published, updated=published - timedelta(minutes=1))


def test_a_wall_time_skipped_by_a_clock_change_is_refused() -> None:
    # Moscow skipped 02:00-03:00 on 2010-03-28.
    gap = datetime(2010, 3, 28, 2, 30, tzinfo=ZoneInfo("Europe/Moscow"))
    with pytest.raises(ValidationError, match="does not exist"):
        Article(headline="x", published=gap)


def test_equal_instants_in_other_zones_are_equal() -> None:
    local = datetime(2026, 11, 25, 14, 5, tzinfo=ALMATY)
    utc = local.astimezone(timezone.utc)
    assert Article(headline="x", published=local) == Article(headline="x", published=utc)


def test_text_rules() -> None:
    article = Article(
        headline="  Две\n\tстроки  ",
        lede="Е\u0308лка\u200b и\u202e бидди",
        site="",
        rubrics=("1\u00a0200 тенге",),
    )
    assert article.headline == "Две строки"
    assert article.lede == "Ёлка и бидди"  # NFC, zero-width and bidi override removed
    assert article.site is None  # blank optional text is absent
    assert article.rubrics == ("1\u00a0200 тенге",)  # no-break space kept


def test_language_is_canonicalised() -> None:
    assert Article(headline="x", language="ru_kz").language == "ru-KZ"
    assert Article(headline="x", language="KK-cyrl-kz").language == "kk-Cyrl-KZ"


def test_given_slug_kept_and_fallback_never_empty() -> None:
    assert Article(headline="Что угодно", slug="moy-slug").slug == "moy-slug"
    emoji_only = Article(headline="🇰🇿🇰🇿")
    assert emoji_only.slug.startswith("article-")
    assert emoji_only.slug == Article(headline="🇰🇿🇰🇿").slug
    assert Article(headline="!!!", guid="urn:newsml:kz:2026:42").slug == "urn-newsml-kz-2026-42"


def test_paragraph_whitespace_collapses_across_inline_boundaries() -> None:
    link = Link("https://a.kz", ["ссылка "])
    p = Paragraph(["  Начало ", Emphasis(" курсив "), " и ", link, "  "])
    assert p.content == ("Начало ", Emphasis(("курсив ",)), "и ", Link("https://a.kz", ("ссылка",)))
    assert p.text == "Начало курсив и ссылка"


def test_paragraph_line_break_trims_around_it_and_strings_merge() -> None:
    p = Paragraph(["строка ", " ", LineBreak(), " вторая", " часть"])
    assert p.content == ("строка", LineBreak(), "вторая часть")


def test_empty_emphasis_removed_empty_paragraph_refused() -> None:
    assert Paragraph(["a", Strong([Emphasis(" ")])]).content == ("a",)
    with pytest.raises(ValidationError, match="paragraph must not be empty"):
        Paragraph([" ", Emphasis("")])


@given(paragraphs())
def test_paragraph_normalisation_is_a_fixed_point(p: Paragraph) -> None:
    assert Paragraph(p.content) == p


@pytest.mark.parametrize(
    "href",
    ["javascript:alert(1)", "JaVaScRiPt:x", "data:text/html,x", "vbscript:x", "file:///etc/passwd"],
)
def test_links_with_executable_or_local_schemes_are_refused(href: str) -> None:
    with pytest.raises(ValidationError, match="href"):
        Link(href, "x")


@pytest.mark.parametrize("href", ["https://a.kz/", "mailto:a@b.kz", "/news/1", "#x", "?page=2"])
def test_links_accept_web_mail_and_relative(href: str) -> None:
    assert Link(href, "x").href == href


def test_links_refuse_schemes_no_format_writes() -> None:
    with pytest.raises(ValidationError, match="'tel' is not allowed"):
        Link("tel:+77001234567", "позвонить")


def test_sets_are_refused_because_they_have_no_order() -> None:
    with pytest.raises(ValidationError, match="tags"):
        Article(headline="x", tags={"альфа", "бета"})


def test_a_single_inline_item_is_content() -> None:
    assert Emphasis(Strong("x")).content == (Strong(("x",)),)
    assert Paragraph(Link("/a", "x")).content == (Link("/a", ("x",)),)


def test_blocks_and_their_text() -> None:
    quote = Quote(["Первая.", "Вторая."], cite="министр")
    items = ItemList(["раз", "два"], ordered=True)
    figure = Figure(
        "https://example.kz/a.jpg",
        caption="Подпись",
        credit=Attribution("Иван Петров", role="photographer", phrase="фото"),
    )
    section = Section(heading="Итоги", blocks=[quote, items, figure, "Абзац."])
    assert section.text == "Итоги\n\nПервая.\nВторая.\n\nраз\nдва\n\nПодпись\n\nАбзац."
    assert figure.credit is not None
    assert figure.credit.role is Role.PHOTOGRAPHER


@pytest.mark.parametrize(
    ("build", "field"),
    [
        (Section, "blocks"),
        (lambda: Section(blocks=[42]), "blocks[0]"),
        (lambda: Quote([]), "paragraphs"),
        (lambda: ItemList([]), "items"),
        (lambda: ItemList(["a"], ordered="yes"), "ordered"),
        (lambda: Figure("relative.jpg"), "image"),
        (lambda: Figure("https://a.kz/x.jpg", credit="Петров"), "credit"),
        (lambda: Attribution(""), "name"),
        (lambda: Attribution("Имя", role="writer"), "role"),
        (lambda: Subject("medtop 1"), "code"),
        (lambda: Paragraph([1]), "content[0]"),
    ],
)
def test_part_constructors_validate(build: object, field: str) -> None:
    with pytest.raises((ValidationError, TypeError)) as info:
        build()  # type: ignore[operator]
    if isinstance(info.value, ValidationError):
        assert info.value.field == field


def test_credited_filters_by_role() -> None:
    article = Article(
        headline="x",
        attributions=[
            Attribution("Анна Ким"),
            Attribution("Kazinform", role=Role.SOURCE, phrase="передает"),
            Attribution("Борис Ли", role=Role.PHOTOGRAPHER),
        ],
    )
    assert [a.name for a in article.credited(Role.AUTHOR, Role.PHOTOGRAPHER)] == [
        "Анна Ким",
        "Борис Ли",
    ]


def test_extra_accepts_mapping_or_pairs_and_keeps_duplicates() -> None:
    assert Article(headline="x", extra={"newsml:urgency": "3"}).extra == (("newsml:urgency", "3"),)
    pairs = [("html:meta:k", "a"), ("html:meta:k", "b")]
    assert Article(headline="x", extra=pairs).extra == tuple(pairs)


# Two properties over the same articles (drawing them costs more than checking both).
@given(articles())
def test_articles_pickle_hash_and_rebuild_to_themselves(article: Article) -> None:
    assert pickle.loads(pickle.dumps(article)) == article  # noqa: S301 - our own data
    assert hash(article) == hash(attrs.evolve(article))
    # Feeding an article's own values back in changes nothing: normalisation is a fixed point.
    values = {f.alias: getattr(article, f.name) for f in attrs.fields(Article)}
    assert Article(**values) == article


# --- issue 14: the agencies' metadata ---

UTC = timezone.utc


def test_the_new_fields_default_to_nothing_and_usable() -> None:
    article = Article(headline="x")
    assert (article.urgency, article.embargo, article.editorial_note) == (None, None, None)
    assert article.pub_status is PubStatus.USABLE
    assert (article.genres, article.rights, article.slugline, article.correction) == (
        (),
        None,
        None,
        None,
    )
    assert (article.first_created, article.version_created) == (None, None)


def test_the_new_fields_are_normalised() -> None:
    article = Article(
        headline="x",
        urgency=1,
        pub_status="canceled",
        editorial_note="  Note   to editors ",
        genres=["genre:Interview", Genre("genre:Analysis", "Аналитика")],
        rights=Rights(holder=" Kazinform "),
        slugline="KAZ-ELECTION",
        correction="Исправлено  имя.",
        embargo=datetime(2026, 12, 1, 11, tzinfo=ALMATY),
    )
    assert article.pub_status is PubStatus.CANCELED
    assert article.editorial_note == "Note to editors"
    assert article.genres == (Genre("genre:Interview"), Genre("genre:Analysis", "Аналитика"))
    assert article.rights == Rights("Kazinform")
    assert article.correction == "Исправлено имя."
    assert article.embargo == datetime(2026, 12, 1, 6, tzinfo=UTC)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"urgency": 0}, "urgency"),
        ({"urgency": 10}, "urgency"),
        ({"urgency": True}, "urgency"),
        ({"urgency": "3"}, "urgency"),
        ({"embargo": datetime(2026, 1, 1)}, "embargo"),  # noqa: DTZ001 - naive on purpose
        ({"embargo": date(2026, 1, 1)}, "embargo"),
        ({"pub_status": "draft"}, "pub_status"),
        ({"genres": ["Интервью"]}, "genres[0].code"),
        ({"rights": "Kazinform"}, "rights"),
        ({"first_created": date(2026, 1, 1)}, "first_created"),
        ({"version_created": datetime(2026, 1, 1)}, "version_created"),  # noqa: DTZ001
        (
            {
                "first_created": datetime(2026, 1, 2, tzinfo=UTC),
                "version_created": datetime(2026, 1, 1, tzinfo=UTC),
            },
            "version_created",
        ),
        ({"published": date(2026, 1, 2), "updated": date(2026, 1, 1)}, "updated"),
        (
            {"published": date(2026, 1, 2), "updated": datetime(2026, 1, 1, 23, tzinfo=UTC)},
            "updated",
        ),
        ({"published": "2026-01-01"}, "published"),
    ],
)
def test_the_new_fields_are_validated(changes: dict[str, object], field: str) -> None:
    with pytest.raises(ValidationError) as info:
        Article(headline="x", **changes)  # type: ignore[arg-type]
    assert info.value.field == field


def test_rights_need_something_to_say() -> None:
    with pytest.raises(ValidationError, match="holder"):
        Rights()


def test_a_date_alone_is_kept_without_a_time_or_zone() -> None:
    article = Article(headline="x", published=date(2026, 11, 24), updated=date(2026, 11, 24))
    assert type(article.published) is date
    # A date and a time on the same day are in order either way round.
    same_day = datetime(2026, 11, 24, 0, 5, tzinfo=ALMATY)
    assert Article(headline="x", published=date(2026, 11, 24), updated=same_day).updated
    assert Article(headline="x", published=same_day, updated=date(2026, 11, 24)).published


def test_subjects_keep_names_per_language() -> None:
    subject = Subject("medtop:04000000", names=[("ru", "Экономика"), ("kk_KZ", "Экономика")])
    assert subject.names == (("ru", "Экономика"), ("kk-KZ", "Экономика"))
    assert subject.name("ru-KZ") == "Экономика"
    assert subject.name("en") is None
    assert Subject("medtop:04000000", "экономика").name("en") == "экономика"
    with pytest.raises(ValidationError, match="second name"):
        Subject("medtop:04000000", names=[("ru", "а"), ("ru", "б")])
    with pytest.raises(ValidationError, match="names"):
        Subject("medtop:04000000", names=[("русский", "а")])


@pytest.mark.parametrize(
    ("url", "provider"),
    [
        ("https://www.youtube.com/watch?v=x", EmbedProvider.YOUTUBE),
        ("https://m.youtube.com/watch?v=x", EmbedProvider.YOUTUBE),
        ("https://youtu.be/x", EmbedProvider.YOUTUBE),
        ("https://player.vimeo.com/video/1", EmbedProvider.VIMEO),
        ("https://t.me/channel/1", EmbedProvider.TELEGRAM),
        ("https://www.instagram.com/p/x/", EmbedProvider.INSTAGRAM),
        ("https://twitter.com/a/status/1", EmbedProvider.X),
        ("https://x.com/a/status/1", EmbedProvider.X),
        ("https://vk.com/video1_2", EmbedProvider.VK),
        ("https://www.tiktok.com/@a/video/1", EmbedProvider.TIKTOK),
        ("https://notyoutube.com/x", EmbedProvider.OTHER),
        ("https://youtube.com.evil.kz/x", EmbedProvider.OTHER),
        ("https://example.kz/embed/1", EmbedProvider.OTHER),
    ],
)
def test_an_embed_provider_is_derived_from_the_host(url: str, provider: EmbedProvider) -> None:
    assert Embed(url).provider is provider


def test_an_embed_provider_follows_the_url_unless_given() -> None:
    derived = Embed("https://youtu.be/x")
    assert attrs.evolve(derived, url="https://vimeo.com/1").provider is EmbedProvider.VIMEO
    given = Embed("https://example.kz/video/1", provider="vk")
    assert given.given_provider is EmbedProvider.VK
    assert attrs.evolve(given, url="https://youtu.be/x").provider is EmbedProvider.VK
    assert Embed("https://youtu.be/x") != Embed("https://youtu.be/x", EmbedProvider.YOUTUBE)


@pytest.mark.parametrize(
    ("build", "field"),
    [
        (lambda: Embed("javascript:alert(1)"), "url"),
        (lambda: Embed("ftp://example.kz/video"), "url"),
        (lambda: Embed("/video/1"), "url"),
        (lambda: Embed(""), "url"),
        (lambda: Embed("https://youtu.be/x", provider="rutube"), "provider"),
        (lambda: Embed("https://youtu.be/x", credit="Ким"), "credit"),
    ],
)
def test_embeds_take_only_http_urls(build: object, field: str) -> None:
    with pytest.raises(ValidationError) as info:
        build()  # type: ignore[operator]
    assert info.value.field == field


def test_embeds_are_blocks_with_a_caption_as_text() -> None:
    embed = Embed("https://t.me/kazinform/1", caption="Видео с места", credit=Attribution("ТГ"))
    section = Section(blocks=[embed, "Абзац."])
    assert section.blocks[0] is embed
    assert section.text == "Видео с места\n\nАбзац."


def test_is_embargoed_compares_with_now() -> None:
    lifted = datetime(2026, 12, 1, 6, tzinfo=UTC)
    article = Article(headline="x", embargo=lifted)
    assert article.is_embargoed(lifted - timedelta(seconds=1))
    assert not article.is_embargoed(lifted)
    assert article.is_embargoed(datetime(2026, 12, 1, 10, 59, tzinfo=ALMATY))
    assert not Article(headline="x").is_embargoed(lifted)
    # Without a time, the clock's: an embargo far in the future holds, one in the past does not.
    assert attrs.evolve(article, embargo=datetime(2999, 1, 1, tzinfo=UTC)).is_embargoed()
    with pytest.raises(ValidationError, match="now"):
        article.is_embargoed(datetime(2026, 12, 1))  # noqa: DTZ001 - naive on purpose


def test_extension_fields_name_what_a_subclass_adds() -> None:
    @attrs.frozen(kw_only=True)
    class Story(Article):
        desk: str = "politics"

    assert extension_fields(Story(headline="x")) == ("desk",)
    assert extension_fields(Article(headline="x")) == ()
