"""The plain-text shape: reading, writing, the round trip and what it cannot carry."""

from __future__ import annotations

import io
import re
import warnings
from datetime import date, datetime, timezone
from pathlib import Path

import attrs
import pytest
from hypothesis import given
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
    LossyConversionWarning,
    Paragraph,
    ParseError,
    PubStatus,
    Quote,
    Rights,
    Role,
    Section,
    text,
)
from newsmodel._attribution import parse_attribution
from strategies import KAZAKH, RUSSIAN, articles, words

DATA = Path(__file__).parent / "data" / "text"
ARTICLE = DATA / "zhetysu-hydrogen.txt"


def collapse_lines(value: str) -> str:
    """Runs of whitespace inside each line become one space."""
    return "\n".join(re.sub(r"\s+", " ", line) for line in value.split("\n"))


@pytest.fixture(scope="module")
def captured() -> str:
    return ARTICLE.read_text(encoding="utf-8")


# --- reading a captured page ---


def test_reads_the_masthead_headline_and_lede(captured):
    article = text.loads(captured)
    assert article.site == "ДАЛА ХАБАР"
    assert article.rubrics == ("Главные новости", "Экономика", "Регионы")
    assert article.headline.startswith("Степной водород: как Жетысу")
    assert article.lede is not None
    assert article.lede.endswith("новые рабочие места и новый экспорт")
    assert "передает" not in article.lede
    assert "48\u00a0млрд" in article.lede  # a no-break space is kept


def test_separates_the_lede_source_and_the_closing_credit(captured):
    article = text.loads(captured)
    source, credit = article.attributions
    assert (source.name, source.phrase, source.role) == ("Zhetysu-info.kz", "передает", Role.SOURCE)
    assert (credit.name, credit.phrase) == ("Dala-habar.kz", "credit")


def test_reads_sections_under_their_subheadings(captured):
    article = text.loads(captured)
    assert [s.heading for s in article.sections] == [
        None,
        "Почему именно Жетысу",
        "Деньги и люди",
        "Что дальше",
    ]
    assert [len(s.blocks) for s in article.sections] == [2, 2, 2, 2]
    first = article.sections[0].blocks[0]
    assert isinstance(first, Paragraph)
    assert first.text.startswith("Установку мощностью 20 мегаватт")
    # Two lines in one block are one paragraph with a line break.
    water = article.sections[1].blocks[1]
    assert isinstance(water, Paragraph)
    assert LineBreak() in water.content
    assert water.text.endswith("Каратал\nпосле многоступенчатой очистки.")
    # Runs of spaces collapse to one.
    assert "довод — вода" in water.text


def test_writes_the_captured_shape_back(captured):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        written = text.dumps(text.loads(captured))
    assert collapse_lines(written) == collapse_lines(captured)
    assert not written.endswith("\n")


def test_load_and_dump_use_binary_files(captured):
    article = text.load(io.BytesIO(captured.encode("utf-8")))
    buf = io.BytesIO()
    text.dump(article, buf)
    assert text.loads(buf.getvalue()) == article


def test_line_endings_and_byte_order_mark_do_not_matter(captured):
    article = text.loads(captured)
    crlf = ("\ufeff" + captured.replace("\n", "\r\n")).encode("utf-8")
    assert text.loads(crlf) == article
    assert text.loads(captured.replace("\n", "\r")) == article


def test_control_characters_are_scrubbed(captured):
    dirty = captured.replace("Степной", "Степ\x00ной\x1b", 1)
    assert text.loads(dirty) == text.loads(captured)


def test_whitespace_only_lines_are_blank(captured):
    spaced = captured.replace("\n\n", "\n   \t\n")
    assert text.loads(spaced) == text.loads(captured)


# --- rubrics ---


@pytest.mark.parametrize(
    ("line", "known", "expected"),
    [
        (
            "Главные новостиИносмиНовости Казахстана",
            (),
            ("Главные новости", "Иносми", "Новости Казахстана"),
        ),
        ("Политика", (), ("Политика",)),
        ("  ", (), ()),
        ("ЭкономикаҚоғам", (), ("Экономика", "Қоғам")),
        ("ЕАЭСЭкономика", (), ("ЕАЭСЭкономика",)),
        ("ЕАЭСЭкономика", ("ЕАЭС",), ("ЕАЭС", "Экономика")),
        (
            "iPhoneТехнологииМинЭнерго",
            ("iPhone", "МинЭнерго"),
            ("iPhone", "Технологии", "МинЭнерго"),
        ),
        ("Спорт 2026Футбол", (), ("Спорт 2026Футбол",)),
    ],
)
def test_split_rubrics(line, known, expected):
    assert text.split_rubrics(line, known) == expected


def test_rubric_names_given_to_loads_win_over_the_case_rule():
    page = "САЙТ\nМинЭнергоНовости\n\nЗаголовок"
    assert text.loads(page).rubrics == ("Мин", "Энерго", "Новости")
    assert text.loads(page, rubrics=["МинЭнерго"]).rubrics == ("МинЭнерго", "Новости")


# --- options ---


def test_without_masthead_the_text_starts_with_the_headline():
    article = text.loads("Заголовок\n\nАнонс.\n\nАбзац.", masthead=False)
    assert article.headline == "Заголовок"
    assert article.site is None
    assert article.lede == "Анонс."


def test_credit_false_keeps_the_last_line_as_a_paragraph():
    page = "САЙТ\n\nЗаголовок\n\nАнонс.\n\nАбзац.\n\nDala-habar.kz"
    assert text.loads(page).attributions[-1].phrase == "credit"
    kept = text.loads(page, credit=False)
    assert kept.attributions == ()
    assert kept.sections[0].blocks[-1] == Paragraph("Dala-habar.kz")


def test_language_is_given_by_the_caller():
    assert text.loads("САЙТ\n\nТақырып", language="kk").language == "kk"


def test_a_lede_without_a_source_stays_whole():
    article = text.loads("САЙТ\n\nЗаголовок\n\nАнонс без источника.\n\nАбзац.")
    assert article.lede == "Анонс без источника."
    assert article.attributions == ()


def test_no_lede_when_the_body_starts_with_a_subheading():
    article = text.loads("САЙТ\n\nЗаголовок\n\n\nПодзаголовок\n\nАбзац.")
    assert article.lede is None
    assert article.sections == (Section("Подзаголовок", ["Абзац."]),)


# --- errors ---


@pytest.mark.parametrize("page", ["", "САЙТ", "САЙТ\nРубрика\n\n   \n"])
def test_no_headline_is_a_parse_error(page):
    with pytest.raises(ParseError, match="no headline") as info:
        text.loads(page)
    assert info.value.format == "text"
    assert info.value.line is not None


def test_bytes_that_are_not_utf8_are_a_parse_error():
    with pytest.raises(ParseError, match="not UTF-8"):
        text.loads("САЙТ\n\nЗаголовок".encode("cp1251"))


def test_wrong_type_is_a_type_error():
    with pytest.raises(TypeError):
        text.loads(42)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        text.dumps("Заголовок")  # type: ignore[arg-type]


@given(st.text(max_size=200) | st.binary(max_size=200))
def test_any_input_gives_an_article_or_a_parse_error(data):
    try:
        article = text.loads(data)
    except ParseError:
        return
    assert isinstance(article, Article)


# --- what the shape cannot carry ---


def _plain(**fields) -> Article:
    base = {
        "headline": "Заголовок",
        "lede": "Анонс.",
        "sections": [Section(blocks=["Абзац."])],
        "site": "САЙТ",
    }
    return Article(**(base | fields))


@pytest.mark.parametrize(
    ("fields", "named"),
    [
        ({"published": datetime(2026, 11, 24, 5, 30, tzinfo=timezone.utc)}, "published"),
        ({"tags": ["водород"]}, "tags"),
        ({"subjects": ["medtop:04000000"]}, "subjects"),
        ({"url": "https://example.kz/a"}, "url"),
        ({"guid": "urn:x:1"}, "guid"),
        ({"version": 2}, "version"),
        ({"dateline": "ТЕКЕЛИ, 24 ноября"}, "dateline"),
        ({"place": "Текели"}, "place"),
        ({"extra": [("html:meta:x", "y")]}, "extra"),
        ({"language": "kk"}, "language"),
        ({"slug": "drugoy-slug"}, "slug"),
        ({"image": Figure("https://example.kz/a.jpg")}, "image"),
        ({"attributions": [Attribution("Анна Ким")]}, "attributions other than"),
        (
            {"attributions": [Attribution("Анна Ким", role=Role.EDITOR, phrase="редактор")]},
            "attributions other than",
        ),
        ({"rubrics": ["ЕАЭС", "Экономика"]}, "rubrics"),
        ({"lede": None}, "lede"),
        ({"sections": [Section(blocks=["А."]), Section(blocks=["Б."])]}, "sections without"),
        ({"sections": [Section(blocks=[Paragraph(["См. ", Link("/a", "сайт"), "."])])]}, "links"),
        ({"sections": [Section(blocks=[Paragraph([Emphasis("важно"), "."])])]}, "emphasis"),
        ({"sections": [Section(blocks=[Quote("Цитата.", cite="аким")])]}, "quotes"),
        ({"sections": [Section(blocks=[ItemList(["один", "два"])])]}, "lists"),
        (
            {"sections": [Section(blocks=[Figure("https://e.kz/a.jpg", caption="Подпись")])]},
            "figures",
        ),
        (
            {"sections": [Section(blocks=[Embed("https://youtu.be/x", caption="Видео.")])]},
            "embeds",
        ),
        ({"sections": [Section(blocks=["А.", "Без точки"])]}, "last paragraph"),
        ({"slug": "svoi-slag"}, "slug"),
        ({"urgency": 2}, "urgency"),
        ({"embargo": datetime(2026, 1, 1, tzinfo=timezone.utc)}, "embargo"),
        ({"pub_status": PubStatus.WITHHELD}, "pub_status"),
        ({"editorial_note": "Не публиковать"}, "editorial_note"),
        ({"genres": [Genre("genre:Interview")]}, "genres"),
        ({"rights": Rights(holder="Kazinform")}, "rights"),
        ({"slugline": "KAZ-ELECTION"}, "slugline"),
        ({"first_created": datetime(2026, 1, 1, tzinfo=timezone.utc)}, "first_created"),
        ({"version_created": datetime(2026, 1, 1, tzinfo=timezone.utc)}, "version_created"),
        ({"correction": "Исправлено имя."}, "correction"),
        ({"published": date(2026, 1, 1)}, "published"),
        (
            {"sections": [Section(blocks=[Paragraph(["А", LineBreak(), LineBreak(), "Б."])])]},
            "line breaks",
        ),
    ],
)
def test_dumps_warns_naming_what_is_lost(fields, named):
    with pytest.warns(LossyConversionWarning) as caught:
        text.dumps(_plain(**fields))
    assert any(named in str(w.message) for w in caught), [str(w.message) for w in caught]


@attrs.frozen(kw_only=True)
class DeskArticle(Article):
    desk: str = "politics"


def test_dumps_warns_about_the_fields_a_subclass_adds():
    article = DeskArticle(headline="Заголовок", site="САЙТ", lede="Анонс.", desk="economy")
    with pytest.warns(LossyConversionWarning, match=re.escape("desk (a field of DeskArticle)")):
        text.dumps(article)


def test_a_plain_article_writes_without_warnings():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        written = text.dumps(_plain())
    assert written == "САЙТ\n\nЗаголовок\n\nАнонс.\n\nАбзац."


@given(articles())
def test_every_article_writes_and_reads_back_as_an_article(article):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", LossyConversionWarning)
        written = text.dumps(article)
    back = text.loads(written, language=article.language)
    assert back.headline == article.headline
    assert back.site == article.site


# --- the round trip ---

_UPPER = [c for c in RUSSIAN + KAZAKH if c.isupper()]
_LOWER = [c for c in RUSSIAN + KAZAKH if c.islower()]
_lower_word = st.text(st.sampled_from(_LOWER), min_size=1, max_size=8)


@st.composite
def _rubrics(draw: st.DrawFn) -> str:
    """A rubric that the case rule splits back: capitalised, ending in a lower-case letter."""
    first = draw(_capital) + draw(_lower_word)
    rest = draw(_lower_words)
    return " ".join([first, *rest])


_capital = st.sampled_from(_UPPER)
_lower_words = st.lists(_lower_word, max_size=2)
rubrics = _rubrics()
sentences = words(8).map(lambda w: w + ".")
_lines = st.lists(sentences, min_size=1, max_size=3)


@st.composite
def _plain_paragraphs(draw: st.DrawFn) -> Paragraph:
    lines = draw(_lines)
    content: list[object] = []
    for i, line in enumerate(lines):
        if i:
            content.append(LineBreak())
        content.append(line)
    return Paragraph(content)  # type: ignore[arg-type]


plain_paragraphs = _plain_paragraphs()


SOURCES = ["Zhetysu-info.kz", "Dala-habar.kz", "Tengrinews.kz", "Kazinform"]

# Built once: a strategy built inside each draw is validated again on every draw.
_headed = st.builds(Section, heading=words(6), blocks=st.lists(plain_paragraphs, max_size=3))
_first = st.builds(Section, blocks=st.lists(plain_paragraphs, min_size=1, max_size=3))
_ledes = st.none() | sentences
_headed_sections = st.lists(_headed, max_size=3)
_sources = st.sampled_from(SOURCES)
_credits = st.sampled_from(SOURCES[:3])
_phrases = st.sampled_from(["передает", "сообщает"])
_rubric_lists = st.lists(rubrics, max_size=3)
_sites = st.none() | words(2)


@st.composite
def _text_articles(draw: st.DrawFn) -> Article:
    lede = draw(_ledes)
    sections = draw(_headed_sections)
    if lede is not None and draw(st.booleans()):
        sections.insert(0, draw(_first))
    attributions = []
    if lede is not None and draw(st.booleans()):
        name = draw(_sources)
        attributions.append(Attribution(name, role=Role.SOURCE, phrase=draw(_phrases)))
    if (lede is not None or sections) and draw(st.booleans()):
        # The shape never credits one outlet twice: a closing credit of the lede's source
        # is read as that one credit (see the test below).
        others = [s for s in SOURCES[:3] if not attributions or s != attributions[0].name]
        credit = parse_attribution(draw(st.sampled_from(others)))
        assert credit is not None
        assert credit.phrase == "credit"
        attributions.append(credit)
    return Article(
        headline=draw(words(10)),
        lede=lede,
        sections=sections,
        attributions=attributions,
        rubrics=draw(_rubric_lists),
        site=draw(_sites),
    )


_text_article_strategy = _text_articles()


def text_articles() -> st.SearchStrategy[Article]:
    """Articles holding only what the plain-text shape carries."""
    return _text_article_strategy


@given(text_articles())
def test_round_trip(article):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        written = text.dumps(article)
    assert text.loads(written) == article
    assert text.dumps(text.loads(written)) == written


def test_the_sites_own_credit_is_not_credited_twice() -> None:
    page = (
        "Altyn-orda.kz\n\nВстреча в Акорде\n\n"
        "Токаев провел встречу, - передает корреспондент Altyn-orda.kz.\n\n"
        "Текст статьи.\n\nAltyn-orda.kz"
    )
    article = text.loads(page)
    assert article.lede == "Токаев провел встречу."
    assert article.attributions == (
        Attribution("Altyn-orda.kz", role=Role.SOURCE, phrase="передает", separator=", - "),
    )
    assert ",, " not in text.dumps(article)
    assert "Токаев провел встречу, - передает Altyn-orda.kz." in text.dumps(article)


@pytest.mark.parametrize(
    "separator", [", ", ", - ", ",- ", ", – ", ", — ", " — ", " - ", " – ", " —, ", ",— "]
)
def test_every_comma_and_dash_form_reads_back_as_it_came_in(separator: str) -> None:
    page = f"САЙТ\n\nЗаголовок\n\nТокаев провел встречу{separator}передает Altyn-orda.kz.\n\nА."
    article = text.loads(page)
    assert article.lede == "Токаев провел встречу."
    assert article.attributions[0].separator == separator
    written = text.dumps(article)
    assert written == page
    assert text.loads(written) == article


@pytest.mark.parametrize("as_bytes", [False, True])
def test_input_over_max_bytes_is_refused(*, as_bytes: bool) -> None:
    document = "САЙТ\n\nЗаголовок\n\nАбзац."
    data: str | bytes = document.encode() if as_bytes else document
    assert text.loads(data, max_bytes=len(data)).headline == "Заголовок"
    with pytest.raises(ParseError, match=rf"max_bytes={len(data) - 1}\b") as info:
        text.loads(data, max_bytes=len(data) - 1)
    assert info.value.format == "text"
    assert ("bytes" if as_bytes else "characters") in info.value.message


def test_the_default_limit_is_16_mib() -> None:
    assert text.DEFAULT_MAX_BYTES == 16 * 1024 * 1024
    with pytest.raises(ParseError, match="max_bytes"):
        text.loads("САЙТ\n\nЗаголовок\n\n" + "а" * text.DEFAULT_MAX_BYTES)


def test_load_reads_no_more_than_the_limit() -> None:
    fp = io.BytesIO("САЙТ\n\nЗаголовок\n\nАбзац.".encode() + b" " * 1_000_000)
    with pytest.raises(ParseError, match="max_bytes=1000"):
        text.load(fp, max_bytes=1000)
    assert fp.tell() == 1001
    fp.seek(0)
    assert text.load(fp, max_bytes=2_000_000).headline == "Заголовок"
