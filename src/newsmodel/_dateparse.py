"""Reading dates from Russian and Kazakh text: the tables and the cases of parse_date."""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata

import attrs
from babel import Locale

from newsmodel import _zones
from newsmodel._datetypes import ParsedDate, Precision, YearMonth
from newsmodel._zones import UTC

__all__ = ["normalize", "parse"]

_SPACES = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2007": " "})


_CYRILLIC = "а-яёәғқңөұүһі"
_LETTER = _CYRILLIC + "a-z"
_NUMBER_WORDS = {
    "одну": 1, "одна": 1, "один": 1, "две": 2, "два": 2, "три": 3, "четыре": 4, "пять": 5,
    "шесть": 6, "семь": 7, "восемь": 8, "девять": 9, "десять": 10, "пятнадцать": 15,
    "двадцать": 20, "тридцать": 30, "сорок": 40, "пятьдесят": 50,
}  # fmt: skip
# Units of "N … назад" / "N … бұрын": stems and their length in seconds.
_UNITS = (
    ("секунд", 1, Precision.SECOND),
    ("сек", 1, Precision.SECOND),
    ("минут", 60, Precision.MINUTE),
    ("мин", 60, Precision.MINUTE),
    ("час", 3600, Precision.HOUR),
    ("сағат", 3600, Precision.HOUR),
    ("ч", 3600, Precision.HOUR),
    ("дн", 86400, Precision.DAY),
    ("день", 86400, Precision.DAY),
    ("күн", 86400, Precision.DAY),
    ("недел", 604800, Precision.DAY),
    ("апта", 604800, Precision.DAY),
)
_DAY_WORDS = {"сегодня": 0, "бүгін": 0, "вчера": -1, "кеше": -1, "позавчера": -2}
# Russian case endings added to the CLDR stand-alone month names (январь -> января, январе…),
# and Kazakh case endings (қараша -> қарашада, қарашаның…).
_RU_SOFT_ENDINGS = ("я", "ю", "ем", "е")
_RU_HARD_ENDINGS = ("а", "у", "ом", "е")
_KK_ENDINGS = (
    "", "да", "де", "та", "те", "ның", "нің", "дың", "дің", "тың", "тің",
    "сында", "сінде", "ында", "інде", "сы", "сі", "ы", "і",
)  # fmt: skip


def _fold(text: str) -> str:
    return text.lower().replace("ё", "е")


@attrs.frozen
class _Tables:
    months: dict[str, int]
    iso: re.Pattern[str]
    day_month: re.Pattern[str]
    year_day_month: re.Pattern[str]
    month_year: re.Pattern[str]
    year_month: re.Pattern[str]
    numeric: re.Pattern[str]
    numeric_day_month: re.Pattern[str]
    weekdays: dict[str, int]
    weekday: re.Pattern[str]
    time: re.Pattern[str]
    time_after: re.Pattern[str]
    time_before: re.Pattern[str]
    ago: re.Pattern[str]
    just_now: re.Pattern[str]
    day_word: re.Pattern[str]


def _case_forms(language: str, name: str) -> list[str]:
    if language == "kk":
        return [name + ending for ending in _KK_ENDINGS]
    if name[-1] in "ьй":  # январь, май: soft stems
        return [name[:-1] + ending for ending in _RU_SOFT_ENDINGS]
    return [name + ending for ending in _RU_HARD_ENDINGS]  # март, август


def _month_names() -> dict[str, int]:
    """Every written form of each month, from CLDR's names, lower case with ё folded.

    CLDR's own names come first, then the case forms built on them, then the prefixes sites
    use as abbreviations, so that a generated form never hides a real name.
    """
    wide: list[tuple[str, str, int]] = []
    names: dict[str, int] = {}
    for language in ("ru", "kk"):
        locale = Locale.parse(language)
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for number, name in locale.months[context][width].items():
                    folded = _fold(name).rstrip(".")
                    names.setdefault(folded, number)
                    if width == "wide" and context == "stand-alone":
                        wide.append((language, folded, number))
    for language, name, number in wide:
        for form in _case_forms(language, name):
            names.setdefault(form, number)
    for _, name, number in wide:
        for size in range(3, len(name)):
            names.setdefault(name[:size], number)
    return names


@functools.cache
def _tables() -> _Tables:
    months = _month_names()
    weekdays = _weekday_names()
    # Any Cyrillic word stands where a month may be; _month_match() keeps those that are
    # months. One dictionary look-up is much faster than a regex alternation of every form.
    month = rf"(?P<month>[{_CYRILLIC}]{{3,}})(?![{_LETTER}])\.?"
    year_word = r"(?:\s*(?:г\.|гг\.|года|году|год|г)(?![а-я]))?"
    day = r"(?P<day>[0-3]?\d)(?:-?(?:го|е|ші|шы|інші|ыншы))?"
    unit_alternatives = "|".join(stem for stem, _, _ in _UNITS)
    offset = r"[+-](?:1[0-4]|0?\d)(?::?[0-5]\d)?(?!\d)"
    number_words = "|".join(_NUMBER_WORDS)
    dotted = (
        r"(?<![\d.,:])(?P<hour>[01]?\d|2[0-3])\.(?P<minute>[0-5]\d)(?P<second>(?!))?"
        r"(?![\d%]|[.,:]\d)"
    )
    joint = r"[\s,|/–—-]*(?:(?:в|во|г\.|ж\.|сағат)[\s,]*)?"
    zone = (
        rf"(?:\s*\(?\s*(?P<zone>мск|msk|utc|gmt|z(?![a-z])|{offset})"
        rf"(?:\s*(?P<zone_offset>{offset}))?\)?)?"
    )
    return _Tables(
        months=months,
        iso=re.compile(
            r"(?<!\d)(?P<year>\d{4})-(?P<month>[01]\d)-(?P<day>[0-3]\d)"
            r"(?:[t ](?P<hour>[0-2]\d):(?P<minute>[0-5]\d)"
            r"(?::(?P<second>[0-6]\d)(?:[.,]\d+)?)?"
            r"\s*(?P<offset>z|[+-][0-2]\d(?::?[0-5]\d)?)?)?(?!\d)"
        ),
        day_month=re.compile(
            rf"(?<![\d{_LETTER}]){day}\s*{month}"
            rf"(?:\s*,?\s*(?P<year>\d{{4}})(?!\d){year_word})?"
        ),
        year_day_month=re.compile(
            rf"(?<!\d)(?P<year>\d{{4}})\s*(?:ж\.|жылғы|жылы|ж(?![{_LETTER}]))?\s*"
            rf"{day}\s*{month}"
        ),
        month_year=re.compile(rf"(?<![{_LETTER}]){month}\s*,?\s*(?P<year>\d{{4}})(?!\d)"),
        year_month=re.compile(
            rf"(?<!\d)(?P<year>\d{{4}})\s*(?:ж\.|жылғы|жылы|ж(?![{_LETTER}]))\s*{month}"
        ),
        # "24.11", "24.11.": a day and a two-digit month, not part of a longer number.
        numeric_day_month=re.compile(
            r"(?<![\d.,])(?P<day>[0-3]?\d)\.(?P<month>[01]\d)\.?(?![\d%]|[.,]\d)"
        ),
        weekdays=weekdays,
        weekday=re.compile(
            rf"(?<![{_LETTER}])(?:{'|'.join(sorted(weekdays, key=len, reverse=True))})"
            rf"(?![{_LETTER}])"
        ),
        numeric=re.compile(
            r"(?<![\d.])(?P<day>[0-3]?\d)[./](?P<month>[01]?\d)[./](?P<year>\d{4}|\d{2})(?![\d])"
        ),
        time=re.compile(
            r"(?<![\d:+])(?P<hour>[01]?\d|2[0-3]):(?P<minute>[0-5]\d)(?::(?P<second>[0-5]\d))?"
            rf"(?![\d]){zone}"
        ),
        # "14.35", the Russian typographic time, just after or just before a date: with nothing
        # but spaces, commas, dashes, a bar or "в" between (see _time_beside).
        time_after=re.compile(rf"{joint}{dotted}{zone}"),
        time_before=re.compile(rf"{dotted}{zone}{joint}\Z"),
        ago=re.compile(
            rf"(?<![{_LETTER}\d])(?:(?P<number>\d{{1,4}}|{number_words}|пол)\s*)?"
            rf"(?P<unit>{unit_alternatives})[{_LETTER}]*\.?\s*(?:назад|бұрын)"
        ),
        just_now=re.compile(r"только что|жаңа ғана|прямо сейчас"),
        day_word=re.compile(
            rf"(?<![{_LETTER}])(?P<word>позавчера|сегодня|вчера|бүгін|кеше)"
            rf"(?![{_LETTER}])"
        ),
    )


def _month_match(
    pattern: re.Pattern[str], text: str, months: dict[str, int]
) -> re.Match[str] | None:
    for match in pattern.finditer(text):
        if match["month"] in months:
            return match
    return None


def _offset(text: str) -> dt.timezone:
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    hours = int(digits[:-2]) if len(digits) > 2 else int(digits)  # noqa: PLR2004
    minutes = int(digits[-2:]) if len(digits) > 2 else 0  # noqa: PLR2004
    return dt.timezone(sign * dt.timedelta(hours=hours, minutes=minutes))


def _zone_of(match: re.Match[str], default: dt.tzinfo) -> dt.tzinfo:
    zone = match.group("zone")
    if zone is None:
        return default
    if zone in {"мск", "msk"}:
        base: dt.tzinfo = _zones.zone("Europe/Moscow")
    elif zone in {"utc", "gmt", "z"}:
        base = UTC
    else:
        return _offset(zone)
    extra = match.group("zone_offset")
    if extra is not None and base is UTC:
        return _offset(extra)
    return base


def _two_digit_year(year: int, now_year: int) -> int:
    candidates = (1900 + year, 2000 + year, 2100 + year)
    return min(candidates, key=lambda full: (abs(full - now_year), full > now_year))


def _recent_past(month: int, day: int, today: dt.date) -> dt.date | None:
    for year in range(today.year, today.year - 9, -1):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        if candidate <= today:
            return candidate
    return None


def _combine(day: dt.date, time: re.Match[str] | None, zone: dt.tzinfo) -> ParsedDate:
    if time is None:
        return ParsedDate(day, Precision.DAY)
    second = time.group("second")
    naive = dt.datetime(  # noqa: DTZ001 - the zone is attached below
        day.year, day.month, day.day, int(time.group("hour")), int(time.group("minute")),
        int(second or 0),
    )  # fmt: skip
    value = naive.replace(tzinfo=_zone_of(time, zone))
    return ParsedDate(value, Precision.SECOND if second else Precision.MINUTE)


def normalize(text: str) -> str:
    return " ".join(_fold(unicodedata.normalize("NFC", text).translate(_SPACES)).split())


def _time_outside(tables: _Tables, text: str, span: tuple[int, int]) -> re.Match[str] | None:
    """The first ``14:35`` outside the date at ``span``, else a ``14.35`` beside it."""
    if ":" in text:
        for match in tables.time.finditer(text):
            if match.end() <= span[0] or match.start() >= span[1]:
                return match
    return _time_beside(tables, text, span)


def _time_beside(tables: _Tables, text: str, span: tuple[int, int]) -> re.Match[str] | None:
    """A time written with a dot (``14.35``) just before or just after the date at ``span``.

    Only beside a date, with nothing but spaces, commas, dashes, a bar or "в" between, and
    no word on its other side, is such a number a time: elsewhere it may be a price or a
    score ("12.50 тенге").
    """
    if "." not in text:
        return None
    before = tables.time_before.search(text, 0, span[0])
    if before is not None and not text[: before.start()].rstrip()[-1:].isalpha():
        return before
    after = tables.time_after.match(text, span[1])
    if after is not None and not text[after.end() :].lstrip()[:1].isalpha():
        return after
    return None


def _named_weekday(text: str, found: ParsedDate, start: int = 0, end: int = 0) -> ParsedDate | None:
    """``found``, or ``None`` when ``text`` names a weekday that is not its day's.

    "понедельник, 24 ноября 2026" (a Tuesday) gives ``None`` rather than a date the text
    contradicts. A name is looked for outside ``text[start:end]``, the date itself; a text
    whose rest is ASCII names no weekday, and is ruled out without a search.
    """
    if text[:start].isascii() and text[end:].isascii():
        return found
    value = found.value
    assert isinstance(value, dt.date)  # noqa: S101 - a day, with or without a time
    weekday = (value.date() if isinstance(value, dt.datetime) else value).weekday()
    tables = _tables()
    names = tables.weekdays
    for word in tables.weekday.finditer(text, 0, start):
        if names[word.group()] != weekday:
            return None
    for word in tables.weekday.finditer(text, end):
        if names[word.group()] != weekday:
            return None
    return found


def _weekday_names() -> dict[str, int]:
    """Weekday names of CLDR's Russian and Kazakh data, with the Russian accusative "в среду"."""
    names: dict[str, int] = {}
    for language in ("ru", "kk"):
        days = Locale.parse(language).days
        for context in ("format", "stand-alone"):
            for number, name in days[context]["wide"].items():
                folded = _fold(name)
                names.setdefault(folded, number)
                if language == "ru" and folded.endswith("а"):  # среда -> среду
                    names.setdefault(folded[:-1] + "у", number)
    return names


def parse(  # noqa: C901, PLR0911 - one flat list of cases reads best
    text: str, zone: dt.tzinfo, now: dt.datetime
) -> ParsedDate | None:
    """The date in ``text`` (already :func:`normalize`-d), or ``None``.

    A weekday the text names must be the date's (see :func:`_named_weekday`).
    """
    tables = _tables()
    local_now = now.astimezone(zone)
    today = local_now.date()

    # Each pattern is searched for only in a text that holds a character it needs.
    iso = tables.iso.search(text) if "-" in text else None
    if iso is not None:
        day = dt.date(int(iso["year"]), int(iso["month"]), int(iso["day"]))
        if iso["hour"] is None:
            parsed = ParsedDate(day, Precision.DAY)
            return _named_weekday(text, parsed)
        second = iso["second"]
        offset = iso["offset"]
        tzinfo = zone if offset is None else UTC if offset == "z" else _offset(offset)
        value = dt.datetime(
            day.year, day.month, day.day, int(iso["hour"]), int(iso["minute"]),
            min(int(second or 0), 59), tzinfo=tzinfo,
        )  # fmt: skip
        parsed = ParsedDate(value, Precision.SECOND if second else Precision.MINUTE)
        return _named_weekday(text, parsed)

    months = tables.months
    match = _month_match(tables.year_day_month, text, months) or _month_match(
        tables.day_month, text, months
    )
    if match is not None:
        month = tables.months[match["month"]]
        day_number = int(match["day"])
        if match["year"] is not None:
            day = dt.date(int(match["year"]), month, day_number)
        else:
            found = _recent_past(month, day_number, today)
            if found is None:
                return None
            day = found
        start, end = match.span()
        parsed = _combine(day, _time_outside(tables, text, (start, end)), zone)
        return _named_weekday(text, parsed, start, end)

    numeric = tables.numeric.search(text) if "." in text or "/" in text else None
    if numeric is not None:
        year = int(numeric["year"])
        if len(numeric["year"]) == 2:  # noqa: PLR2004
            year = _two_digit_year(year, today.year)
        day = dt.date(year, int(numeric["month"]), int(numeric["day"]))
        parsed = _combine(day, _time_outside(tables, text, numeric.span()), zone)
        return _named_weekday(text, parsed)

    day_month = tables.numeric_day_month.search(text) if "." in text else None
    if day_month is not None:
        found = _recent_past(int(day_month["month"]), int(day_month["day"]), today)
        if found is None:
            return None
        parsed = _combine(found, _time_outside(tables, text, day_month.span()), zone)
        return _named_weekday(text, parsed)

    month_year = _month_match(tables.month_year, text, months) or _month_match(
        tables.year_month, text, months
    )
    if month_year is not None:
        year_month = YearMonth(int(month_year["year"]), tables.months[month_year["month"]])
        return ParsedDate(year_month, Precision.MONTH)

    return _relative(tables, text, zone, now, local_now)


def _relative(
    tables: _Tables, text: str, zone: dt.tzinfo, now: dt.datetime, local_now: dt.datetime
) -> ParsedDate | None:
    """A date said relative to ``now``: "только что", "5 минут назад", "вчера, 14:05", "14:05"."""
    just_now = tables.just_now.search(text)
    if just_now is not None:
        parsed = ParsedDate(local_now.replace(microsecond=0), Precision.SECOND)
        return _named_weekday(text, parsed, *just_now.span())

    ago = tables.ago.search(text) if "назад" in text or "бұрын" in text else None
    if ago is not None:
        return _named_weekday(text, _parse_ago(ago, local_now), *ago.span())

    today = local_now.date()
    word = tables.day_word.search(text)
    time = tables.time.search(text) if ":" in text else None
    if word is not None:
        day = today + dt.timedelta(days=_DAY_WORDS[word["word"]])
        time = time or _time_beside(tables, text, word.span())
        return _named_weekday(text, _combine(day, time, zone), *word.span())
    if time is not None:
        # A time alone is today's, or yesterday's when that would be in the future.
        parsed = _combine(today, time, zone)
        if isinstance(parsed.value, dt.datetime) and parsed.value > now:
            parsed = _combine(today - dt.timedelta(days=1), time, zone)
        return _named_weekday(text, parsed)
    return None


def _parse_ago(match: re.Match[str], local_now: dt.datetime) -> ParsedDate:
    unit = match["unit"]
    size, precision = next((s, p) for stem, s, p in _UNITS if stem == unit)
    number_text = match["number"]
    if number_text is None:
        amount = 1.0
    elif number_text == "пол":
        amount = 0.5
        precision = Precision.MINUTE
    elif number_text.isdigit():
        amount = float(number_text)
    else:
        amount = float(_NUMBER_WORDS[number_text])
    moment = local_now - dt.timedelta(seconds=amount * size)
    if precision is Precision.DAY:
        return ParsedDate(moment.date(), Precision.DAY)
    if precision is Precision.SECOND:
        return ParsedDate(moment.replace(microsecond=0), precision)
    return ParsedDate(moment.replace(second=0, microsecond=0), precision)
