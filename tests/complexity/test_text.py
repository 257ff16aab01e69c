"""Complexity guards for the language layer: attributions, dates, slugs and the text format.

Each input is the worst shape found for its function: runs of no-break and mixed spaces,
repeated attribution phrases, runs of dashes and commas, long words and many dates in one
string. Doubling it may at most ~2.5x the CPU time (see ``tests/cputime.py``).
"""

from __future__ import annotations

import datetime as dt

import pytest

from attacks.generate import text_long_rubric_line, text_many_paragraphs
from cputime import assert_linear
from newsmodel import Article, Attribution, Role, Section, html, parse_attribution, text
from newsmodel._attribution import split_attribution
from newsmodel.dates import parse_date
from newsmodel.slug import slugify

NBSP = "\u00a0"
NOW = dt.datetime(2026, 11, 25, 9, 5, tzinfo=dt.timezone.utc)

# name -> a builder of a text of about n characters
SHAPES = {
    "nbsp-run-after-phrase": lambda n: "Итоги, передает Y" + NBSP * n + "z, w",
    "nbsp-run-before-phrase": lambda n: "Итоги" + NBSP * n + "— передает Y",
    "mixed-space-run": lambda n: "Итоги, передает" + (" " + NBSP + "\u202f\t") * (n // 4) + "x",
    "repeated-dash-phrase": lambda n: "Итоги" + (" —" + NBSP + "передает" + NBSP * 3) * (n // 14),
    "repeated-comma-phrase": lambda n: "Итоги" + (", передает Y" + NBSP) * (n // 13) + ";",
    "repeated-kazakh-phrase": lambda n: "Бұл туралы " * (n // 11) + "X хабарлады.",
    "kazakh-according-words": lambda n: "бюросының " * (n // 10) + "мәлімет",
    "kazakh-according-clauses": lambda n: "X мәліметі, " * (n // 12) + "бойынша",
    "kazakh-secondary": lambda n: "деп хабарлайды X" + " «Y»-ға" * (n // 7) + " сілтеп",
    "dash-comma-run": lambda n: "Итоги" + " ,-–—" * (n // 5) + " передает",
    "comma-run": lambda n: "Итоги" + "," * n + "сообщает",
    "long-word": lambda n: "Итоги, передает " + "ф" * n + "1",
    "copyright-spaces": lambda n: "© X" + " , " * (n // 3) + "z",
    "secondary-spaces": lambda n: "по данным X" + " " * n + "со ссылкой",
    "dotted-domain": lambda n: "a." * (n // 2) + "1",
}


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_split_attribution_is_linear(shape: str) -> None:
    assert_linear(SHAPES[shape], split_attribution, 200_000)  # type: ignore[arg-type]


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_parse_attribution_is_linear(shape: str) -> None:
    assert_linear(SHAPES[shape], parse_attribution, 200_000)  # type: ignore[arg-type]


DATE_SHAPES = {
    "many-dates": lambda n: "25 ноября 2026, " * (n // 16),
    "many-times": lambda n: "14:05 " * (n // 6),
    "digit-runs": lambda n: "1 " * (n // 2),
    "long-cyrillic-word": lambda n: "1" + "а" * n + "b",
    "long-digits": lambda n: "1" * n + " минут назад",
    "nbsp-run": lambda n: "25" + NBSP * n + "ноября",
    "dotted": lambda n: "24." * (n // 3),
    # Times written with a dot after and before a date: read only beside it.
    "dotted-times-after-a-date": lambda n: "25 ноября 2026 " + "14.05 " * (n // 6),
    "dotted-times-before-a-date": lambda n: "14.05 " * (n // 6) + "25 ноября 2026",
    "dotted-times-after-a-day-word": lambda n: "вчера " + "14.05 " * (n // 6),
    "words": lambda n: "сегодня вчера кеше " * (n // 19),
}


@pytest.mark.parametrize("shape", sorted(DATE_SHAPES))
def test_parse_date_is_linear(shape: str) -> None:
    assert_linear(DATE_SHAPES[shape], lambda s: parse_date(s, now=NOW), 100_000)  # type: ignore[arg-type]


SLUG_SHAPES = {
    "nbsp-digits": lambda n: ("1" + NBSP) * (n // 2),
    "mixed-spaces": lambda n: "а" + (" " + NBSP) * (n // 2) + "б",
    "long-word": lambda n: "ж" * n,
    "quotes-and-dashes": lambda n: "«—»-" * (n // 4),
    "latin-letters": lambda n: "Łódź Ærø " * (n // 9),
    "stopwords": lambda n: "и в на " * (n // 7),
}


@pytest.mark.parametrize("shape", sorted(SLUG_SHAPES))
def test_slugify_is_linear(shape: str) -> None:
    assert_linear(SLUG_SHAPES[shape], lambda s: slugify(s, max_length=0), 100_000)  # type: ignore[arg-type]


def _lede_page(lede: str) -> str:
    return f"Заголовок\n\n{lede}\n\nТекст статьи.\n"


@pytest.mark.parametrize(
    "shape", ["nbsp-run-after-phrase", "repeated-dash-phrase", "mixed-space-run"]
)
def test_text_reader_is_linear(shape: str) -> None:
    build = SHAPES[shape]
    assert_linear(lambda n: _lede_page(build(n)), text.loads, 40_000)  # type: ignore[arg-type]


@pytest.mark.parametrize("shape", ["nbsp-run-after-phrase", "repeated-dash-phrase"])
def test_html_reader_is_linear(shape: str) -> None:
    build = SHAPES[shape]

    def page(n: int) -> str:
        body = f"<h1>Заголовок</h1><p>{build(n)}</p><p>Текст.</p>"
        return f"<html><body><article>{body}</article></body></html>"

    assert_linear(page, html.loads, 40_000)  # type: ignore[arg-type]


@pytest.mark.parametrize("shape", ["repeated-dash-phrase", "repeated-comma-phrase"])
def test_text_writer_is_linear(shape: str) -> None:
    build = SHAPES[shape]

    def article(n: int) -> Article:
        return Article(
            headline="Заголовок",
            lede=build(n).replace(",", "").replace(";", "") + ".",
            sections=[Section(blocks=["Текст статьи."])],
            attributions=[Attribution("Kazinform", role=Role.SOURCE, phrase="передает")],
        )

    assert_linear(article, text.dumps, 40_000)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("build", "n"),
    [(text_many_paragraphs, 5_000), (text_long_rubric_line, 5_000)],
    ids=["many-paragraphs", "rubrics-run-together"],
)
def test_text_format_is_linear_in_its_parts(build: object, n: int) -> None:
    assert_linear(build, text.loads, n)  # type: ignore[arg-type]
    assert_linear(lambda size: text.loads(build(size)), text.dumps, n)  # type: ignore[arg-type,operator]
