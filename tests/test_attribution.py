from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsmodel import Article, Attribution, NewsmodelError, Role, ValidationError, json
from newsmodel import text as text_format
from newsmodel._attribution import (
    format_attribution,
    outlet_key,
    parse_attribution,
    split_attribution,
)

SOURCE = Role.SOURCE


@pytest.mark.parametrize(
    ("text", "name", "phrase"),
    [
        ("…за сигнал миру, передает Altyn-orda.kz", "Altyn-orda.kz", "передает"),
        ("Рынок вырос, передаёт Tengrinews.kz.", "Tengrinews.kz", "передает"),
        ("Как передает Kazinform, сессия открылась.", "Kazinform", "передает"),
        ("Об этом передают «Новости-Казахстан».", "Новости-Казахстан", "передает"),
        ("Об этом сообщает пресс-служба акимата.", "пресс-служба акимата", "сообщает"),
        ("Как сообщает Reuters, нефть подорожала.", "Reuters", "сообщает"),
        ("Акции упали, сообщают «Ведомости»", "Ведомости", "сообщает"),
        ("Как пишет Forbes Kazakhstan, рынок вырос.", "Forbes Kazakhstan", "пишет"),
        ("Об этом пишут СМИ.", "СМИ", "пишет"),
        ("ПИШЕТ The Diplomat", "The Diplomat", "пишет"),
        ("По данным Бюро национальной статистики, инфляция 8,5%.", "Бюро национальной статистики",
         "по данным"),
        ("по данным Минздрава", "Минздрава", "по данным"),
        ("По информации ДЧС, пострадавших нет.", "ДЧС", "по информации"),
        ("Как сообщили в пресс-службе МВД, задержаны двое.", "пресс-службе МВД",
         "как сообщили в"),
        ("Как сообщили на сайте Акорды, визит завершён.", "Акорды", "как сообщили в"),
        ("Об этом сообщили в акимате Шымкента.", "акимате Шымкента", "сообщили в"),
        ("Об этом говорится в сообщении Минэнерго.", "Минэнерго", "говорится в сообщении"),
        ("Работы продлятся до мая, говорится в сообщении ведомства.", "ведомства",
         "говорится в сообщении"),
    ],
)  # fmt: skip
def test_sentence_phrases(text, name, phrase):
    assert parse_attribution(text) == Attribution(name, role=SOURCE, phrase=phrase)


@pytest.mark.parametrize(
    ("text", "name", "role", "phrase"),
    [
        ("Источник: Tengrinews.kz", "Tengrinews.kz", SOURCE, "источник"),
        ("ИСТОЧНИК — Sputnik Казахстан", "Sputnik Казахстан", SOURCE, "источник"),
        ("По материалам The Diplomat", "The Diplomat", Role.ORIGINAL, "по материалам"),
        ("По материалам: Financial Times", "Financial Times", Role.ORIGINAL, "по материалам"),
        ("Перевод: Алия Нурланова", "Алия Нурланова", Role.TRANSLATOR, "перевод"),
        ("Перевела Алия Нурланова", "Алия Нурланова", Role.TRANSLATOR, "перевод"),
        ("Перевёл Ержан Сапаров", "Ержан Сапаров", Role.TRANSLATOR, "перевод"),
        ("Автор: Данияр Ахметов", "Данияр Ахметов", Role.AUTHOR, "автор"),
        ("Автор текста: Данияр Ахметов", "Данияр Ахметов", Role.AUTHOR, "автор"),
        ("Фото: Айгерим Сейткали", "Айгерим Сейткали", Role.PHOTOGRAPHER, "фото"),
        ("Фото: © Reuters", "Reuters", Role.PHOTOGRAPHER, "фото"),
        ("Фото пресс-службы Акорды", "пресс-службы Акорды", Role.PHOTOGRAPHER, "фото"),
        ("Фотография: Ермек Нурланов.", "Ермек Нурланов", Role.PHOTOGRAPHER, "фото"),
        ("Автор фото: Ермек Нурланов", "Ермек Нурланов", Role.PHOTOGRAPHER, "фото"),
        ("ФОТО — shutterstock.com", "shutterstock.com", Role.PHOTOGRAPHER, "фото"),
        ("Видео: YouTube", "YouTube", Role.VIDEOGRAPHER, "видео"),
        ("Видео - телеканал «Хабар»", "Хабар", Role.VIDEOGRAPHER, "видео"),
    ],
)
def test_credit_lines(text, name, role, phrase):
    assert parse_attribution(text) == Attribution(name, role=role, phrase=phrase)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Altyn-orda.kz", "Altyn-orda.kz"),
        ("Altyn-orda.kz.", "Altyn-orda.kz"),
        ("© Altyn-orda.kz", "Altyn-orda.kz"),
        ("(c) Tengrinews.kz", "Tengrinews.kz"),
        ("© 2026 ТОО «Алтын Орда»", "ТОО «Алтын Орда»"),
        ("© Vlast.kz, 2024–2026", "Vlast.kz"),
        ("президент.рф", "президент.рф"),
    ],
)
def test_bare_closing_credit(text, name):
    assert parse_attribution(text) == Attribution(name, role=SOURCE, phrase="credit")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("передает корреспондент Tengrinews.kz", "Tengrinews.kz"),
        ("передает собственный корреспондент Kazinform", "Kazinform"),
        ("сообщает корреспондентам Orda.kz", "Orda.kz"),
        ("сообщает издание Forbes", "Forbes"),
        ("пишет издание «Власть»", "Власть"),
        ("по информации издания «Власть»", "Власть"),
        ("по данным агентства Bloomberg", "Bloomberg"),
        ("передает агентство «Казинформ»", "Казинформ"),
        ("сообщает информационное агентство «Казинформ»", "Казинформ"),
        ("по данным информационного агентства Reuters", "Reuters"),
        ("передает информагентство Sputnik", "Sputnik"),
        ("сообщает портал Zakon.kz", "Zakon.kz"),
        ("пишет газета «Егемен Қазақстан»", "Егемен Қазақстан"),
        ("по данным газеты «Коммерсантъ»", "Коммерсантъ"),
        ("сообщает телеканал «Хабар 24»", "Хабар 24"),
        ("как сообщили на сайте Минздрава", "Минздрава"),
        ("пишет журнал Time", "Time"),
    ],
)
def test_descriptor_nouns_and_quotes_are_removed(text, name):
    attribution = parse_attribution(text)
    assert attribution is not None
    assert attribution.name == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("передает «Казинформ».", "Казинформ"),
        ('передает "Казинформ"', "Казинформ"),
        ("передает „Казинформ“", "Казинформ"),
        ("передает “Казинформ”", "Казинформ"),
        ("передает «Алтын» и «Орда»", "«Алтын» и «Орда»"),
        ("передает ТОО «Алтын Орда»", "ТОО «Алтын Орда»"),
        ("передает Altyn-orda.kz!", "Altyn-orda.kz"),
        ("передает Altyn-orda.kz…", "Altyn-orda.kz"),
        ("по данным Минздрава;", "Минздрава"),
        ("передает Алёна Ёлкина", "Алёна Ёлкина"),
    ],
)
def test_name_kept_as_written(text, name):
    attribution = parse_attribution(text)
    assert attribution is not None
    assert attribution.name == name


@pytest.mark.parametrize(
    ("text", "name", "phrase"),
    [
        ("передает Altyn-orda.kz со ссылкой на Reuters", "Altyn-orda.kz", "передает"),
        ("Нефть подорожала, сообщает Bloomberg со ссылкой на источники.", "Bloomberg",
         "сообщает"),
        ("Со ссылкой на ТАСС передает Orda.kz", "Orda.kz", "передает"),
        ("По данным Минфина со ссылкой на Нацбанк", "Минфина", "по данным"),
        ("со ссылкой на источники в правительстве", "источники в правительстве",
         "со ссылкой на"),
    ],
)  # fmt: skip
def test_primary_source_wins_over_secondary(text, name, phrase):
    assert parse_attribution(text) == Attribution(name, role=SOURCE, phrase=phrase)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "Погода в Астане",
        "Трамп пишет в своей сети слова благодарности",
        "Он сообщает о своём решении",
        "Инфляция замедлилась до 8,5%",
        "Фото:",
        "передает",
        "Министр передает привет",
    ],
)
def test_no_attribution(text):
    assert parse_attribution(text) is None


@pytest.mark.parametrize(
    ("lede", "head", "attribution"),
    [
        (
            "Президент благодарит за сделку, за стиль и — за сигнал миру, передает Altyn-orda.kz",
            "Президент благодарит за сделку, за стиль и — за сигнал миру",
            Attribution("Altyn-orda.kz", role=SOURCE, phrase="передает"),
        ),
        (
            "Токаев прибыл в Нью-Йорк, передает Altyn-orda.kz.",
            "Токаев прибыл в Нью-Йорк.",
            Attribution("Altyn-orda.kz", role=SOURCE, phrase="передает"),
        ),
        (
            "Курс тенге укрепился — сообщает агентство «Казинформ».",
            "Курс тенге укрепился.",
            Attribution("Казинформ", role=SOURCE, phrase="сообщает", separator=" — "),
        ),
        (
            "Курс тенге укрепился – пишет Forbes Kazakhstan",
            "Курс тенге укрепился",
            Attribution("Forbes Kazakhstan", role=SOURCE, phrase="пишет", separator=" – "),
        ),
        (
            "Инфляция замедлилась до 8,5%, по данным Нацбанка.",
            "Инфляция замедлилась до 8,5%.",
            Attribution("Нацбанка", role=SOURCE, phrase="по данным"),
        ),
        (
            "Пострадавших нет, сообщили в ДЧС области",
            "Пострадавших нет",
            Attribution("ДЧС области", role=SOURCE, phrase="сообщили в"),
        ),
        (
            "Работы завершат в мае, как сообщили в акимате.",
            "Работы завершат в мае.",
            Attribution("акимате", role=SOURCE, phrase="как сообщили в"),
        ),
        (
            "Нефть подорожала, передает Tengrinews.kz со ссылкой на Reuters.",
            "Нефть подорожала.",
            Attribution("Tengrinews.kz", role=SOURCE, phrase="передает"),
        ),
        (
            "Сделка закрыта, передаёт корреспондент Kazinform  ",
            "Сделка закрыта",
            Attribution("Kazinform", role=SOURCE, phrase="передает"),
        ),
        (
            "Итоги подведены! Сообщает Orda.kz",
            "Итоги подведены!",
            Attribution("Orda.kz", role=SOURCE, phrase="сообщает"),
        ),
    ],
)
def test_split_attribution(lede, head, attribution):
    assert split_attribution(lede) == (head, attribution)


@pytest.mark.parametrize(
    "lede",
    [
        "Токаев прибыл в Нью-Йорк.",
        "Трамп пишет в сети, что благодарен",
        "Передает Altyn-orda.kz: Токаев прибыл в Нью-Йорк.",
        "",
    ],
)
def test_split_attribution_leaves_other_ledes_alone(lede):
    assert split_attribution(lede) == (lede, None)


@pytest.mark.parametrize(
    ("attribution", "lede", "credit"),
    [
        (Attribution("Altyn-orda.kz", role=SOURCE, phrase="передает"), ", передает Altyn-orda.kz",
         "Источник: Altyn-orda.kz"),
        (Attribution("Reuters", role=SOURCE, phrase="сообщает"), ", сообщает Reuters",
         "Источник: Reuters"),
        (Attribution("Минздрава", role=SOURCE, phrase="по данным"), ", по данным Минздрава",
         "Источник: Минздрава"),
        (Attribution("Tengrinews.kz", role=SOURCE, phrase="источник"), ", передает Tengrinews.kz",
         "Источник: Tengrinews.kz"),
        (Attribution("Tengrinews.kz", role=SOURCE), ", передает Tengrinews.kz",
         "Источник: Tengrinews.kz"),
        (Attribution("Altyn-orda.kz", role=SOURCE, phrase="credit"), ", передает Altyn-orda.kz",
         "Altyn-orda.kz"),
        (Attribution("The Diplomat", role=Role.ORIGINAL, phrase="по материалам"),
         ", передает The Diplomat", "По материалам The Diplomat"),
        (Attribution("Данияр Ахметов"), ", пишет Данияр Ахметов", "Автор: Данияр Ахметов"),
    ],
)  # fmt: skip
def test_format_attribution(attribution, lede, credit):
    assert format_attribution(attribution) == lede
    assert format_attribution(attribution, style="lede") == lede
    assert format_attribution(attribution, style="credit") == credit


@pytest.mark.parametrize(
    ("role", "credit"),
    [
        (Role.PHOTOGRAPHER, "Фото: Ермек Нурланов"),
        (Role.VIDEOGRAPHER, "Видео: Ермек Нурланов"),
        (Role.TRANSLATOR, "Перевод: Ермек Нурланов"),
        (Role.EDITOR, "Редактор: Ермек Нурланов"),
        (Role.AUTHOR, "Автор: Ермек Нурланов"),
    ],
)
def test_credit_by_role(role, credit):
    assert format_attribution(Attribution("Ермек Нурланов", role=role), style="credit") == credit


@pytest.mark.parametrize(
    "role", [Role.PHOTOGRAPHER, Role.VIDEOGRAPHER, Role.TRANSLATOR, Role.EDITOR]
)
def test_credit_only_roles_are_written_as_a_credit_after_the_lede(role):
    credit = Attribution("Ермек Нурланов", role=role)
    lede_tail = format_attribution(credit)
    assert lede_tail == ". " + format_attribution(credit, style="credit")
    if role is not Role.EDITOR:  # "Редактор:" is not a credit label the parser reads
        parsed = parse_attribution(lede_tail[2:])
        assert parsed is not None
        assert (parsed.name, parsed.role) == (credit.name, role)


@pytest.mark.parametrize(
    "lede",
    [
        "В Алматы ожидается снег, сообщает Казгидромет. Температура опустится до минус 15.",
        "Мост открыли, передает Kazinform. Движение запустят завтра",
        "Цены выросли — пишет Forbes.kz! Эксперты ждут роста.",
    ],
)
def test_a_phrase_followed_by_more_sentences_is_not_split_off(lede):
    assert split_attribution(lede) == (lede, None)


def test_unknown_style():
    with pytest.raises(ValueError, match="unknown attribution style"):
        format_attribution(Attribution("X"), style="byline")  # type: ignore[arg-type]


WORDS = [
    "Altyn-orda.kz", "Tengrinews.kz", "Казинформ", "Reuters", "Бюро", "Нацбанка",
    "Айгерим", "Сейткали", "Forbes", "Kazakhstan", "Хабар", "ДЧС", "Қазақстан", "Ёлкина",
]  # fmt: skip
names = st.lists(st.sampled_from(WORDS), min_size=1, max_size=3).map(" ".join)
roles_with_credit_phrases = st.sampled_from(
    [
        (Role.SOURCE, "источник"),
        (Role.ORIGINAL, "по материалам"),
        (Role.TRANSLATOR, "перевод"),
        (Role.AUTHOR, "автор"),
        (Role.PHOTOGRAPHER, "фото"),
        (Role.VIDEOGRAPHER, "видео"),
    ]
)
sentence_phrases = st.sampled_from(
    [
        "передает", "сообщает", "пишет", "по данным", "по информации", "как сообщили в",
        "сообщили в", "говорится в сообщении",
    ]
)  # fmt: skip


@given(names, roles_with_credit_phrases)
def test_credit_round_trip(name, role_phrase):
    role, phrase = role_phrase
    attribution = Attribution(name, role=role, phrase=phrase)
    assert parse_attribution(format_attribution(attribution, style="credit")) == attribution


@given(names, sentence_phrases, st.sampled_from(["Рынок вырос", "Сделка закрыта на $4,2 млрд"]))
def test_lede_round_trip(name, phrase, head):
    attribution = Attribution(name, role=SOURCE, phrase=phrase)
    lede = head + format_attribution(attribution)
    assert parse_attribution(lede) == attribution
    assert split_attribution(lede) == (head, attribution)
    assert split_attribution(lede + ".") == (head + ".", attribution)


@given(st.text(max_size=120))
def test_never_raises(text):
    attribution = parse_attribution(text)
    assert attribution is None or attribution.name
    head, found = split_attribution(text)
    assert found is None or found.name
    assert isinstance(head, str)


def test_an_unknown_style_is_a_validation_error():
    with pytest.raises(ValidationError) as info:
        format_attribution(Attribution("X", role=SOURCE), style="footer")  # type: ignore[arg-type]
    assert isinstance(info.value, NewsmodelError)
    assert isinstance(info.value, ValueError)
    assert info.value.field == "style"


@pytest.mark.parametrize(
    ("text", "name", "role", "phrase"),
    [
        ("Президент жарлыққа қол қойды, деп хабарлайды Altyn-orda.kz", "Altyn-orda.kz", SOURCE,
         "деп хабарлайды"),
        ("Жиын өтті, деп хабарлады ҚазАқпарат тілшісі.", "ҚазАқпарат", SOURCE,
         "деп хабарлайды"),
        ("Жаңа жыл басталғалы ХҚО-ларына келушілер көбейген, деп хабарлайды Egemen.kz.",
         "Egemen.kz", SOURCE, "деп хабарлайды"),
        ("Бағалар өсті, деп жазады Tengrinews.kz сайты", "Tengrinews.kz", SOURCE, "деп жазады"),
        ("Шораев пікір білдірді, - деп хабарлайды Dalanews.kz «Ulysmedia»-ға сілтеп.",
         "Dalanews.kz", SOURCE, "деп хабарлайды"),
        ("Бұл туралы Денсаулық сақтау министрлігі мәлім етті.", "Денсаулық сақтау министрлігі",
         SOURCE, "бұл туралы"),
        ("Ұлттық статистика бюросының мәліметінше, инфляция 8,5 пайызға жетті.",
         "Ұлттық статистика бюросының", SOURCE, "мәліметінше"),
        ("Облыстық ветеринария басқармасының мәліметі бойынша, ауру тіркелмеген.",
         "Облыстық ветеринария басқармасының", SOURCE, "мәліметінше"),
        ("Дайындаған: Айгүл Сәрсен", "Айгүл Сәрсен", Role.AUTHOR, "дайындаған"),
        ("Суреттер: Ержан Ахмет", "Ержан Ахмет", Role.PHOTOGRAPHER, "сурет"),
        ("Сурет: traff.ink", "traff.ink", Role.PHOTOGRAPHER, "сурет"),
        ("Баға өсті, деп жазады Tengrinews.kz", "Tengrinews.kz", SOURCE, "деп жазады"),
        ("Бұл туралы Kazinform хабарлады.", "Kazinform", SOURCE, "бұл туралы"),
        ("Бұл туралы ҚР Денсаулық сақтау министрлігінің баспасөз қызметі хабарлайды.",
         "ҚР Денсаулық сақтау министрлігінің баспасөз қызметі", SOURCE, "бұл туралы"),
        ("Дереккөз: Kazinform", "Kazinform", SOURCE, "дереккөз"),
        ("Ақпарат көзі: Egemen.kz", "Egemen.kz", SOURCE, "дереккөз"),
        ("Фото: Ақорда", "Ақорда", Role.PHOTOGRAPHER, "фото"),
        ("Суретті түсірген: Ержан Ахмет", "Ержан Ахмет", Role.PHOTOGRAPHER, "сурет"),
        ("Сурет: ашық дереккөздерден", "ашық дереккөздерден", Role.PHOTOGRAPHER, "сурет"),
        ("Аударған: Айгүл Сәрсен", "Айгүл Сәрсен", Role.TRANSLATOR, "аударған"),
        ("Бейне: Хабар", "Хабар", Role.VIDEOGRAPHER, "бейне"),
        ("Подготовлено по материалам Reuters", "Reuters", Role.ORIGINAL, "по материалам"),
        ("Перевод с английского: Алия Нурланова", "Алия Нурланова", Role.TRANSLATOR, "перевод"),
        ("Перевод с казахского языка: Ержан", "Ержан", Role.TRANSLATOR, "перевод"),
        ("Источник фото: Shutterstock", "Shutterstock", Role.PHOTOGRAPHER, "источник фото"),
    ],
)  # fmt: skip
def test_kazakh_and_more_russian_phrases(text, name, role, phrase):
    assert parse_attribution(text) == Attribution(name, role=role, phrase=phrase)


@pytest.mark.parametrize(
    "text",
    [
        "Бұл туралы ол орталық коммуникациялар қызметіндегі брифингте мәлім етті.",
        "Бұл туралы олар жиында айтты.",
        "«Бұл нарық. Сұраныс ұсынысты анықтайды», — деді министр.",
    ],
)
def test_a_kazakh_speaker_is_not_a_source(text):
    assert parse_attribution(text) is None


def test_a_kazakh_credit_line_ends_a_lede_with_a_kazakh_verb():
    kazinform = Attribution("Kazinform", role=SOURCE, phrase="дереккөз")
    assert format_attribution(kazinform) == ", деп хабарлайды Kazinform"
    bureau = Attribution("Бюроның", role=SOURCE, phrase="мәліметінше")
    assert format_attribution(bureau) == ". Дереккөз: Бюроның"
    author = Attribution("Айгүл Сәрсен", role=Role.AUTHOR, phrase="дайындаған")
    assert format_attribution(author, style="credit") == "Дайындаған: Айгүл Сәрсен"
    assert parse_attribution("Дайындаған: Айгүл Сәрсен") == author


@pytest.mark.parametrize(
    "separator",
    [", ", ",", ", - ", ",- ", ",-", ", – ", ", — ", ",— ", " — ", " - ", " – ", " —, ", " -, "],
)
@pytest.mark.parametrize("end", ["", "."])
def test_every_comma_and_dash_form_splits_cleanly_and_writes_back(separator, end):
    lede = f"Токаев провел встречу{separator}передает корреспондент Altyn-orda.kz{end}"
    text, credit = split_attribution(lede)
    assert text == f"Токаев провел встречу{end}"
    assert credit == Attribution(
        "Altyn-orda.kz", role=SOURCE, phrase="передает", separator=separator
    )
    assert format_attribution(credit) == f"{separator}передает Altyn-orda.kz"


def test_a_stop_before_the_phrase_gives_the_canonical_separator():
    text, credit = split_attribution("Итоги подведены. Сообщает Orda.kz")
    assert text == "Итоги подведены."
    assert credit is not None
    assert credit.separator == ", "


def test_runs_of_spaces_in_a_separator_become_one_space():
    _, credit = split_attribution("Сессия открылась ,\u00a0 —  передает Kazinform")
    assert credit is not None
    assert credit.separator == " , — "


@pytest.mark.parametrize("separator", ["", " ", "-", " -", "— ", ", как ", ".", ";", 7])
def test_a_separator_that_is_not_commas_and_dashes_is_refused(separator):
    with pytest.raises(ValidationError) as info:
        Attribution("Kazinform", role=SOURCE, phrase="сообщает", separator=separator)
    assert info.value.field == "separator"


_MARKS = st.lists(st.sampled_from([",", "-", "–", "—"]), min_size=1, max_size=4)
_SPACES = st.sampled_from(["", " "])


@st.composite
def separators(draw: st.DrawFn) -> str:
    """Every mix of commas, hyphens, en dashes and em dashes, with or without single spaces."""
    marks = draw(_MARKS)
    inner = "".join(mark + draw(_SPACES) for mark in marks[:-1]) + marks[-1]
    separator = draw(_SPACES) + inner + draw(_SPACES)
    if "," not in separator:  # a dash without a comma stands between spaces
        separator = f" {separator.strip()} "
    return separator


@given(
    separators(),
    sentence_phrases | st.sampled_from(["деп хабарлайды", "деп жазады"]),
    st.sampled_from(["", "."]),
)
def test_every_separator_round_trips_through_split_format_text_and_json(separator, phrase, end):
    head = "Токаев провел встречу в Акорде"
    lede = f"{head}{separator}{phrase} Altyn-orda.kz{end}"
    text, credit = split_attribution(lede)
    assert text == head + end
    assert credit == Attribution("Altyn-orda.kz", role=SOURCE, phrase=phrase, separator=separator)
    assert format_attribution(credit) == f"{separator}{phrase} Altyn-orda.kz"
    article = Article(headline="Встреча в Акорде", lede=text, attributions=[credit])
    page = text_format.dumps(article)
    assert page.endswith(lede)
    assert text_format.loads(page) == article
    assert json.loads(json.dumps(article)) == article


@pytest.mark.parametrize(
    "lede", ["Нур-Султан-передает Kazinform", "Встреча прошла -передает Kazinform"]
)
def test_a_dash_without_spaces_is_not_a_separator(lede):
    assert split_attribution(lede) == (lede, None)


@pytest.mark.parametrize(
    ("lede", "head", "phrase"),
    [
        ("Жарлыққа қол қойылды, деп хабарлайды Altyn-orda.kz.", "Жарлыққа қол қойылды.",
         "деп хабарлайды"),
        ("Жарлыққа қол қойылды. Бұл туралы Kazinform хабарлады.", "Жарлыққа қол қойылды.",
         "бұл туралы"),
    ],
)  # fmt: skip
def test_kazakh_lede_tails_split_and_write_back(lede, head, phrase):
    text, credit = split_attribution(lede)
    assert text == head
    assert credit is not None
    assert credit.phrase == phrase
    assert split_attribution(text + format_attribution(credit)) == (text, credit)


@pytest.mark.parametrize(
    ("attribution", "expected"),
    [
        (Attribution("Kazinform", role=SOURCE, phrase="дереккөз"), "Дереккөз: Kazinform"),
        (Attribution("Айгүл", role=Role.TRANSLATOR, phrase="аударған"), "Аударған: Айгүл"),
        (Attribution("Ержан", role=Role.PHOTOGRAPHER, phrase="сурет"), "Сурет: Ержан"),
        (Attribution("Хабар", role=Role.VIDEOGRAPHER, phrase="бейне"), "Бейне: Хабар"),
        (Attribution("X", role=Role.PHOTOGRAPHER, phrase="источник фото"), "Источник фото: X"),
    ],
)
def test_kazakh_credit_lines_are_written_back(attribution, expected):
    assert format_attribution(attribution, style="credit") == expected
    assert parse_attribution(expected) == attribution


def test_outlet_key_tells_one_outlet_apart_from_its_spellings():
    assert outlet_key("www.Altyn-Orda.kz") == outlet_key("«Altyn-orda.kz»")
    assert outlet_key("Altyn-orda.kz") != outlet_key("Tengrinews.kz")
