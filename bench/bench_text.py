"""Benchmark the Russian-text layer: parse_date against dateparser, slugify against python-slugify.

Run: ``python bench/bench_text.py`` (``pip install 'pynewsmodel[bench]'`` installs dateparser
for the comparison; without it, only newsmodel's figures are printed). Prints Markdown tables.
Both comparisons are measured in the same run, so their ratios do not depend on the machine:
python-slugify is a dependency of newsmodel, and ``slugify`` does more (its own
transliteration tables, quotes, numbers, short words at a cut) on top of it.

Accuracy is measured on the labelled strings below, all in one run and against the same
fixed "now": a result counts as correct when it names the expected day (for a date), the
expected instant (for a time), or the expected month (for a month and year).
"""

from __future__ import annotations

import datetime as dt
import platform
import sys
import zoneinfo
from typing import TYPE_CHECKING

from _timing import rate as shared_rate
from slugify import __version__ as slugify_version
from slugify import slugify as python_slugify

from newsmodel.dates import YearMonth, format_date, parse_date
from newsmodel.slug import slugify

if TYPE_CHECKING:
    from collections.abc import Callable

ALMATY = zoneinfo.ZoneInfo("Asia/Almaty")
MOSCOW = zoneinfo.ZoneInfo("Europe/Moscow")
UTC = dt.timezone.utc
NOW = dt.datetime(2026, 11, 25, 14, 5, tzinfo=ALMATY)


def a(*args):
    return dt.datetime(*args, tzinfo=ALMATY)


d = dt.date
ym = YearMonth

CASES: list[tuple[str, object]] = [
    ("25.11.2026", d(2026, 11, 25)),
    ("24.11", d(2026, 11, 24)),
    ("Обновлено: 24.11, 14:05", a(2026, 11, 24, 14, 5)),
    ("24 қараша 2026 ж.", d(2026, 11, 24)),
    ("2026 жылғы 24 қараша", d(2026, 11, 24)),
    ("кеше, 14:05", a(2026, 11, 24, 14, 5)),
    ("2 сағат бұрын", a(2026, 11, 25, 12, 5)),
    ("03.02.2025", d(2025, 2, 3)),
    ("25.11.26", d(2026, 11, 25)),
    ("25.11.2026 14:05", a(2026, 11, 25, 14, 5)),
    ("14:05 25.11.2026", a(2026, 11, 25, 14, 5)),
    ("Обновлено: 25.11.2026, 09:30", a(2026, 11, 25, 9, 30)),
    ("25 ноября 2026", d(2026, 11, 25)),
    ("25 ноября 2026 г.", d(2026, 11, 25)),
    ("25 ноября 2026 года", d(2026, 11, 25)),
    ("1 сентября 2025 года", d(2025, 9, 1)),
    ("8 марта 2026", d(2026, 3, 8)),
    ("12 июня 2025", d(2025, 6, 12)),
    ("9 мая 2025", d(2025, 5, 9)),
    ("25 нояб. 2026 г.", d(2026, 11, 25)),
    ("25 ноя 2026", d(2026, 11, 25)),
    ("3 февр. 2026", d(2026, 2, 3)),
    ("1 сент. 2025", d(2025, 9, 1)),
    ("25 НОЯБРЯ 2026", d(2026, 11, 25)),
    ("среда, 25 ноября 2026", d(2026, 11, 25)),
    ("Среда, 25 ноября 2026, 14:05", a(2026, 11, 25, 14, 5)),
    ("Опубликовано: 25 ноября 2026, 14:05", a(2026, 11, 25, 14, 5)),
    ("Опубликовано 24 ноября 2026 в 18:40", a(2026, 11, 24, 18, 40)),
    ("14:05, 25 ноября 2026", a(2026, 11, 25, 14, 5)),
    ("25 ноября 2026 года, 11:05 мск", a(2026, 11, 25, 13, 5)),
    ("25 ноября 2026, 14:05 (UTC+3)", a(2026, 11, 25, 16, 5)),
    ("Дата публикации: 25 ноября 2026 года", d(2026, 11, 25)),
    ("2026-11-25", d(2026, 11, 25)),
    ("2026-11-25T14:05:00+05:00", a(2026, 11, 25, 14, 5)),
    ("2026-11-25T09:05:00Z", a(2026, 11, 25, 14, 5)),
    ("ноябрь 2026", ym(2026, 11)),
    ("в ноябре 2026 года", ym(2026, 11)),
    ("март 2024", ym(2024, 3)),
    ("24 ноября", d(2026, 11, 24)),
    ("30 ноября", d(2025, 11, 30)),
    ("31 декабря", d(2025, 12, 31)),
    ("сегодня", d(2026, 11, 25)),
    ("сегодня, 10:15", a(2026, 11, 25, 10, 15)),
    ("Сегодня в 09:00", a(2026, 11, 25, 9, 0)),
    ("вчера", d(2026, 11, 24)),
    ("вчера, 23:30", a(2026, 11, 24, 23, 30)),
    ("Вчера в 9:30", a(2026, 11, 24, 9, 30)),
    ("позавчера", d(2026, 11, 23)),
    ("позавчера, 18:40", a(2026, 11, 23, 18, 40)),
    ("только что", a(2026, 11, 25, 14, 5)),
    ("минуту назад", a(2026, 11, 25, 14, 4)),
    ("5 минут назад", a(2026, 11, 25, 14, 0)),
    ("22 минуты назад", a(2026, 11, 25, 13, 43)),
    ("час назад", a(2026, 11, 25, 13, 5)),
    ("3 часа назад", a(2026, 11, 25, 11, 5)),
    ("2 дня назад", d(2026, 11, 23)),
    ("25 қараша 2026", d(2026, 11, 25)),
    ("2026 ж. 25 қараша", d(2026, 11, 25)),
    ("2026 ж. 25 қараша, сәрсенбі", d(2026, 11, 25)),
    ("2026 жылғы 16 желтоқсан", d(2026, 12, 16)),
    ("2026 ж. 22 наурыз, 10:00", a(2026, 3, 22, 10, 0)),
    ("1 қыркүйек 2025", d(2025, 9, 1)),
    ("кеше, 09:30", a(2026, 11, 24, 9, 30)),
    ("бүгін, 10:00", a(2026, 11, 25, 10, 0)),
    ("5 минут бұрын", a(2026, 11, 25, 14, 0)),
    ("2 сағат бұрын", a(2026, 11, 25, 12, 5)),
]

HEADLINES = [
    "$4 миллиарда доверия: как Казахстан стал партнёром Америки",
    "Бәйтерек: «Самрук-Қазына» вложит 1\u00a0200 млрд тенге в энергетику",
    "Инфляция в Казахстане замедлилась до 8,5% — Нацбанк",
    "Закон № 112 о СМИ вступил в силу",
    "Шымкентте жаңа көпір салынды",
    "Съезд партии объявил подъём тарифов: что изменится с 1 января",
    "Ещё одна длинная новость о том, как в Щучинске построили новый щит для ёлок и ежей",
    "Курс тенге: 512,37 за доллар",
]
STYLES = ["long", "datetime_long", "datetime_short", "full", "month_year", "weekday_date"]


def correct(expected: object, got: object) -> bool:  # noqa: PLR0911
    if got is None:
        return False
    if isinstance(expected, YearMonth):
        if isinstance(got, YearMonth):
            return got == expected
        if isinstance(got, dt.date):
            return (got.year, got.month) == (expected.year, expected.month)
        return False
    if isinstance(expected, dt.datetime):
        return isinstance(got, dt.datetime) and got.tzinfo is not None and got == expected
    if isinstance(expected, dt.date):
        if isinstance(got, dt.datetime):
            return (
                got.astimezone(ALMATY).date() == expected
                if got.tzinfo
                else (got.date() == expected)
            )
        return got == expected
    return False


def ours(text: str) -> object:
    parsed = parse_date(text, now=NOW)
    return None if parsed is None else parsed.value


def rate(function: Callable[[], object], count: int, seconds: float = 1.5) -> float:
    """Calls per CPU second of ``function``, which makes ``count`` calls a round."""
    return count * shared_rate(function, seconds=seconds)


def main() -> None:
    texts = [text for text, _ in CASES]
    moments = [a(2026, 11, 25, 14, 5) + dt.timedelta(days=17 * i, minutes=7 * i) for i in range(20)]

    slug_rate = rate(lambda: [slugify(h) for h in HEADLINES], len(HEADLINES))
    peer_slug_rate = rate(lambda: [python_slugify(h) for h in HEADLINES], len(HEADLINES))
    format_rate = rate(
        lambda: [format_date(m, s) for m in moments for s in STYLES], len(moments) * len(STYLES)
    )
    parse_rate = rate(lambda: [ours(t) for t in texts], len(texts))
    our_correct = sum(correct(expected, ours(text)) for text, expected in CASES)

    print(
        f"Python {platform.python_version()}, {platform.machine()}; {len(CASES)} labelled dates\n"
    )
    print("| operation | per second |")
    print("|---|---:|")
    print(f"| slugify | {slug_rate:,.0f} |")
    print(f"| python-slugify {slugify_version} (floor) | {peer_slug_rate:,.0f} |")
    print(f"| format_date | {format_rate:,.0f} |")
    print(f"| parse_date | {parse_rate:,.0f} |")
    print(f"\nslugify runs at {slug_rate / peer_slug_rate:.2f}x the speed of python-slugify.\n")

    try:
        import dateparser  # noqa: PLC0415 - optional, only for the comparison
    except ImportError:
        print("dateparser is not installed: no comparison.")
        print(f"\nnewsmodel.parse_date accuracy: {our_correct}/{len(CASES)}")
        return

    settings = {
        "RELATIVE_BASE": NOW.replace(tzinfo=None),
        "TIMEZONE": "Asia/Almaty",
        "RETURN_AS_TIMEZONE_AWARE": True,
        "PREFER_DATES_FROM": "past",
        "DATE_ORDER": "DMY",
    }

    def theirs(text: str) -> object:
        return dateparser.parse(text, languages=["ru", "kk"], settings=settings)

    their_rate = rate(lambda: [theirs(t) for t in texts], len(texts), seconds=5.0)
    their_correct = sum(correct(expected, theirs(text)) for text, expected in CASES)
    print(f"| parser | correct of {len(CASES)} | accuracy | parses per second |")
    print("|---|---:|---:|---:|")
    print(
        f"| newsmodel.parse_date | {our_correct} | {our_correct / len(CASES):.0%} "
        f"| {parse_rate:,.0f} |"
    )
    print(
        f"| dateparser {dateparser.__version__} | {their_correct} "
        f"| {their_correct / len(CASES):.0%} | {their_rate:,.0f} |"
    )
    print(f"\nparse_date is {parse_rate / their_rate:,.0f}× faster than dateparser.")
    if "-v" in sys.argv:
        print("\n| text | expected | newsmodel | dateparser |")
        print("|---|---|---|---|")
        for text, expected in CASES:
            mine = "✓" if correct(expected, ours(text)) else f"✗ {ours(text)}"
            other = "✓" if correct(expected, theirs(text)) else f"✗ {theirs(text)}"
            print(f"| {text} | {expected} | {mine} | {other} |")


if __name__ == "__main__":
    main()
