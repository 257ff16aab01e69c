"""Russian and Kazakh dates for news: formatting, relative times and parsing.

A thin layer over babel and its CLDR data. Locales: ``"ru"``, ``"ru_KZ"`` and ``"kk"``
(other locales babel knows work for the styles babel itself has).

**Spaces.** Every string this module returns uses plain spaces (U+0020) only. babel puts a
narrow no-break space (U+202F) before "г." and "ж." and sometimes a no-break space (U+00A0);
they are replaced, so output compares, searches and stores predictably. Typography (no-break
spaces in HTML) is the job of the writer that renders the text. :func:`parse_date` accepts
either kind of space.

**Time zones.** ``tz`` is an IANA name (``"Asia/Almaty"``) or any :class:`~datetime.tzinfo`.
Names are resolved against the ``tzdata`` package when the operating system's database is
older than it and disagrees (an outdated system database still puts Almaty at UTC+6 after
Kazakhstan moved to a single UTC+5 on 2024-03-01). Only then is a zone built from the
package's file; such a zone does not pickle, while the usual named zone does.

**Errors.** Naive datetimes are refused with :class:`ValueError`: a naive datetime could be
in any zone, and guessing would print the wrong hour. :func:`parse_date` with ``strict=True``
raises :class:`~newsmodel.errors.ParseError` (also a :class:`ValueError`).
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import importlib
import importlib.resources
import re
import unicodedata
import zoneinfo
from typing import TYPE_CHECKING, Literal

import attrs
from babel import Locale
from babel.dates import format_date as _babel_format_date
from babel.dates import parse_pattern

from newsmodel.errors import ParseError

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = [
    "DateStyle",
    "ParsedDate",
    "Precision",
    "YearMonth",
    "format_date",
    "format_relative",
    "parse_date",
    "parse_iso",
]

DateStyle = Literal[
    "short",
    "medium",
    "long",
    "full",
    "datetime_short",
    "datetime_medium",
    "datetime_long",
    "datetime_full",
    "time",
    "month_year",
    "day_month",
    "weekday_date",
]

_UTC = dt.timezone.utc
_FORMAT = "date"  # the format named in ParseError
_SPACES = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2007": " "})


# --------------------------------------------------------------------------- value types


@attrs.frozen(order=True)
class YearMonth:
    """A month of a year, for dates printed without a day ("ноябрь 2026").

    >>> YearMonth(2026, 11)
    YearMonth(year=2026, month=11)
    >>> str(YearMonth(2026, 11))
    '2026-11'
    """

    year: int = attrs.field(
        validator=attrs.validators.and_(attrs.validators.ge(1), attrs.validators.le(9999))
    )
    month: int = attrs.field(
        validator=attrs.validators.and_(attrs.validators.ge(1), attrs.validators.le(12))
    )

    def __str__(self) -> str:
        """Write it as ISO 8601 does: ``YYYY-MM``."""
        return f"{self.year:04d}-{self.month:02d}"


class Precision(enum.Enum):
    """How much of a date the parsed text gave.

    >>> Precision.DAY.value
    'day'
    """

    MONTH = "month"
    DAY = "day"
    HOUR = "hour"
    MINUTE = "minute"
    SECOND = "second"


@attrs.frozen
class ParsedDate:
    """A date found in text, with how precise it is.

    ``value`` is an aware :class:`~datetime.datetime` when the text has a time (precision
    ``HOUR``, ``MINUTE`` or ``SECOND``), a :class:`~datetime.date` when it has a day
    (``DAY``) and a :class:`YearMonth` otherwise (``MONTH``).

    >>> parse_date("ноябрь 2026")
    ParsedDate(value=YearMonth(year=2026, month=11), precision=<Precision.MONTH: 'month'>)
    """

    value: dt.datetime | dt.date | YearMonth
    precision: Precision


# --------------------------------------------------------------------------- time zones


def _system_tzdata_version() -> str | None:
    for directory in zoneinfo.TZPATH:
        try:
            with open(f"{directory}/tzdata.zi", encoding="ascii") as fp:  # noqa: PTH123
                first = fp.readline()
        except OSError:
            continue
        if first.startswith("# version "):
            return first.removeprefix("# version ").strip()
    return None


_ZONE_KEY = re.compile(r"[A-Za-z0-9_+-]+(?:/[A-Za-z0-9_+-]+)*")


def _packaged_zone(key: str) -> zoneinfo.ZoneInfo | None:
    if not _ZONE_KEY.fullmatch(key):
        return None
    try:
        tzdata = importlib.import_module("tzdata")
    except ImportError:  # pragma: no cover - tzdata is a dependency
        return None
    parts = key.split("/")
    package = ".".join(["tzdata", "zoneinfo", *parts[:-1]])
    try:
        resource = importlib.resources.files(package).joinpath(parts[-1])
        with resource.open("rb") as fp:
            zone = zoneinfo.ZoneInfo.from_file(fp, key=key)
    except (ModuleNotFoundError, OSError, ValueError):
        return None
    version = str(getattr(tzdata, "IANA_VERSION", ""))
    system_version = _system_tzdata_version()
    if system_version is not None and system_version >= version:
        return None
    return zone


def _same_rules(first: dt.tzinfo, second: dt.tzinfo) -> bool:
    for year in range(1970, 2038):
        for month in (1, 4, 7, 10):
            instant = dt.datetime(year, month, 1, tzinfo=_UTC)
            if instant.astimezone(first).utcoffset() != instant.astimezone(second).utcoffset():
                return False
    return True


def _system_zone(key: str) -> dt.tzinfo | None:
    try:
        return zoneinfo.ZoneInfo(key)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return None


@functools.cache
def _zone(key: str) -> dt.tzinfo:
    system = _system_zone(key)
    packaged = _packaged_zone(key)
    if system is None:
        if packaged is None:
            msg = f"unknown time zone {key!r}"
            raise ValueError(msg)
        return packaged
    # The named zone pickles and compares by name; use the packaged data only when the
    # system's is older and gives different offsets.
    if packaged is not None and not _same_rules(system, packaged):
        return packaged
    return system


def _tzinfo(tz: str | dt.tzinfo) -> dt.tzinfo:
    return _zone(tz) if isinstance(tz, str) else tz


def _require_aware(value: dt.datetime, name: str) -> None:
    if value.tzinfo is None or value.utcoffset() is None:
        msg = f"{name} must be timezone-aware, not naive ({value.isoformat()})"
        raise ValueError(msg)


# --------------------------------------------------------------------------- formatting

_NEWS_PATTERNS: dict[str, dict[str, str]] = {
    "ru": {
        "datetime_short": "dd.MM.y, HH:mm",
        "datetime_medium": "d MMM y, HH:mm",
        "datetime_long": "d MMMM y, HH:mm",
        "datetime_full": "EEEE, d MMMM y, HH:mm",
        "time": "HH:mm",
        "month_year": "LLLL y",
        "day_month": "d MMMM",
        "weekday_date": "EEEE, d MMMM",
    },
    # Kazakh as CLDR writes it: year first, with "ж."; the weekday follows the date.
    "kk": {
        "datetime_short": "dd.MM.y, HH:mm",
        "datetime_medium": "y 'ж'. d MMM, HH:mm",
        "datetime_long": "y 'ж'. d MMMM, HH:mm",
        "datetime_full": "y 'ж'. d MMMM, EEEE, HH:mm",
        "time": "HH:mm",
        "month_year": "y 'ж'. MMMM",
        "day_month": "d MMMM",
        "weekday_date": "d MMMM, EEEE",
    },
}
_DATE_STYLES = frozenset({"short", "medium", "long", "full"})
_DATE_ONLY_NEWS_STYLES = frozenset({"month_year", "day_month", "weekday_date"})


@functools.cache
def _locale(name: str) -> Locale:
    return Locale.parse(name)


def _news_patterns(locale: Locale) -> dict[str, str]:
    return _NEWS_PATTERNS.get(locale.language, _NEWS_PATTERNS["ru"])


@functools.cache
def _pattern(pattern: str) -> Callable[[dt.date | dt.datetime, Locale], str]:
    apply: Callable[[dt.date | dt.datetime, Locale], str] = parse_pattern(pattern).apply
    return apply


def _plain(text: str) -> str:
    return text.translate(_SPACES)


def _local(value: dt.datetime, tz: str | dt.tzinfo) -> dt.datetime:
    return value.astimezone(_tzinfo(tz))


_ISO_DATETIME = re.compile(
    r"\s*(?P<year>\d{4})-?(?P<month>\d\d)-?(?P<day>\d\d)"
    r"[Tt ](?P<hour>\d\d):?(?P<minute>\d\d)(?::?(?P<second>\d\d)(?:[.,](?P<fraction>\d+))?)?"
    r"\s*(?:(?P<z>[Zz])|(?P<sign>[+-])(?P<oh>\d\d)(?::?(?P<om>\d\d)(?::?(?P<os>\d\d))?)?)?\s*"
)


def parse_iso(text: str) -> dt.datetime | None:
    """Read an ISO 8601 date-time as feeds and pages write it, or ``None``.

    Extended and basic forms, ``T`` or a space between date and time, optional seconds and
    fraction (any number of digits; microseconds kept), and an offset as ``Z``, ``±HH``,
    ``±HHMM``, ``±HH:MM`` or ``±HH:MM:SS``. Surrounding whitespace is ignored. The result is
    naive when the text has no offset: the caller decides which zone that means. Anything else
    (an impossible date, an offset of 24 hours or more, other text around it) gives ``None``.

    >>> parse_iso("2026-11-25T14:05:00+05:00").isoformat()
    '2026-11-25T14:05:00+05:00'
    >>> parse_iso(" 20261125T090500.25Z ").isoformat()
    '2026-11-25T09:05:00.250000+00:00'
    >>> parse_iso("1900-01-01 12:00+05:07:48").utcoffset()
    datetime.timedelta(seconds=18468)
    >>> parse_iso("2026-11-25T14:05").tzinfo is None
    True
    >>> parse_iso("2026-02-30T10:00Z") is None
    True
    """
    match = _ISO_DATETIME.fullmatch(text)
    if match is None:
        return None
    tz: dt.tzinfo | None = None
    if match["z"]:
        tz = _UTC
    elif match["sign"]:
        delta = dt.timedelta(
            hours=int(match["oh"]), minutes=int(match["om"] or 0), seconds=int(match["os"] or 0)
        )
        if delta >= dt.timedelta(hours=24):
            return None
        tz = dt.timezone(-delta if match["sign"] == "-" else delta)
    fraction = match["fraction"] or "0"
    try:
        return dt.datetime(
            int(match["year"]), int(match["month"]), int(match["day"]),
            int(match["hour"]), int(match["minute"]), int(match["second"] or 0),
            int(fraction[:6].ljust(6, "0")), tzinfo=tz,
        )  # fmt: skip
    except ValueError:
        return None


def format_date(
    value: dt.datetime | dt.date,
    style: DateStyle = "long",
    *,
    locale: str = "ru",
    tz: str | dt.tzinfo = "Asia/Almaty",
) -> str:
    """Write a date or an aware datetime the way Russian and Kazakh news sites do.

    Styles ``short``, ``medium``, ``long`` and ``full`` are babel's (CLDR's) date formats as
    they are. The news styles, which babel does not have, are ``datetime_short``
    ("25.11.2026, 14:05"), ``datetime_medium`` ("25 нояб. 2026, 14:05"), ``datetime_long``
    ("25 ноября 2026, 14:05"), ``datetime_full`` ("среда, 25 ноября 2026, 14:05"), ``time``
    ("14:05"), ``month_year`` ("ноябрь 2026"), ``day_month`` ("25 ноября") and
    ``weekday_date`` ("среда, 25 ноября"). Output uses plain spaces only.

    Args:
        value: an aware datetime, or a date for the styles without a time.
        style: one of the styles above.
        locale: ``"ru"``, ``"ru_KZ"``, ``"kk"`` (or another locale babel knows).
        tz: the zone a datetime is shown in, as an IANA name or a tzinfo.

    Returns:
        The formatted date.

    Raises:
        ValueError: the datetime is naive, a date was given for a style with a time, or the
            style is unknown.

    >>> from datetime import date, datetime, timezone
    >>> moment = datetime(2026, 11, 25, 9, 5, tzinfo=timezone.utc)
    >>> format_date(moment)
    '25 ноября 2026 г.'
    >>> format_date(moment, "datetime_long")
    '25 ноября 2026, 14:05'
    >>> format_date(moment, "datetime_full", tz="Europe/Moscow")
    'среда, 25 ноября 2026, 12:05'
    >>> format_date(date(2026, 11, 25), "month_year")
    'ноябрь 2026'
    >>> format_date(moment, "long", locale="kk")
    '2026 ж. 25 қараша'
    """
    loc = _locale(locale)
    if isinstance(value, dt.datetime):
        _require_aware(value, "value")
        value = _local(value, tz)
        day: dt.date = value.date()
    else:
        day = value
    if style in _DATE_STYLES:
        return _plain(_babel_format_date(day, style, locale=loc))
    patterns = _news_patterns(loc)
    if style not in patterns:
        known = ", ".join(sorted(_DATE_STYLES | patterns.keys()))
        msg = f"unknown date style {style!r}; expected one of {known}"
        raise ValueError(msg)
    if style in _DATE_ONLY_NEWS_STYLES:
        return _plain(_pattern(patterns[style])(day, loc))
    if not isinstance(value, dt.datetime):
        msg = f"style {style!r} shows a time and needs a datetime, not a date"
        raise ValueError(msg)  # noqa: TRY004 - a wrong value for this style, not a wrong type
    return _plain(_pattern(patterns[style])(value.replace(tzinfo=None), loc))


_RELATIVE_WORDS: dict[str, dict[str, str]] = {
    "ru": {
        "just_now": "только что",
        "today": "сегодня",
        "yesterday": "вчера",
        "tomorrow": "завтра",
        "ago": "{n} {unit} назад",
        "same_year": "d MMMM, HH:mm",
        "other_year": "d MMMM y, HH:mm",
    },
    "kk": {
        "just_now": "жаңа ғана",
        "today": "бүгін",
        "yesterday": "кеше",
        "tomorrow": "ертең",
        "ago": "{n} {unit} бұрын",
        "same_year": "d MMMM, HH:mm",
        "other_year": "y 'ж'. d MMMM, HH:mm",
    },
}
_MINUTE_UNITS: dict[str, dict[str, str]] = {
    "ru": {"one": "минуту", "few": "минуты", "many": "минут", "other": "минуты"},
    "kk": {"one": "минут", "other": "минут"},
}


def format_relative(
    value: dt.datetime,
    *,
    now: dt.datetime | None = None,
    locale: str = "ru",
    tz: str | dt.tzinfo = "Asia/Almaty",
) -> str:
    """Say how long ago something happened, as Russian news sites print it.

    Under a minute: "только что"; under an hour: "N минуту/минуты/минут назад" (whole minutes,
    CLDR plural rules); the same local day: "сегодня, 14:05"; the day before: "вчера, 09:30";
    the same year: "23 ноября, 23:30"; otherwise "31 декабря 2025, 23:59". Days are counted in
    ``tz``, not in UTC. A time less than a minute ahead is "только что"; further ahead, the day
    rules apply ("сегодня", "завтра", the date).

    Args:
        value: an aware datetime.
        now: the moment to compare with (aware); the current time when omitted.
        locale: ``"ru"``, ``"ru_KZ"`` or ``"kk"``.
        tz: the zone the days are counted in.

    Returns:
        The relative time.

    Raises:
        ValueError: ``value`` or ``now`` is naive.

    >>> from datetime import datetime, timedelta, timezone
    >>> now = datetime(2026, 11, 25, 9, 5, tzinfo=timezone.utc)  # 14:05 in Almaty
    >>> format_relative(now - timedelta(seconds=30), now=now)
    'только что'
    >>> format_relative(now - timedelta(minutes=22, seconds=59), now=now)
    '22 минуты назад'
    >>> format_relative(now - timedelta(hours=3), now=now)
    'сегодня, 11:05'
    >>> format_relative(now - timedelta(days=1), now=now)
    'вчера, 14:05'
    >>> format_relative(now - timedelta(days=2), now=now)
    '23 ноября, 14:05'
    >>> format_relative(now - timedelta(days=330), now=now)
    '30 декабря 2025, 14:05'
    """
    _require_aware(value, "value")
    if now is None:
        now = dt.datetime.now(_UTC)
    _require_aware(now, "now")
    loc = _locale(locale)
    language = loc.language if loc.language in _RELATIVE_WORDS else "ru"
    words = _RELATIVE_WORDS[language]
    seconds = (now - value).total_seconds()
    if -60 < seconds < 60:  # noqa: PLR2004 - one minute
        return words["just_now"]
    if 0 < seconds < 3600:  # noqa: PLR2004 - one hour
        minutes = int(seconds // 60)
        units = _MINUTE_UNITS[language]
        unit = units.get(loc.plural_form(minutes), units["other"])
        return words["ago"].format(n=minutes, unit=unit)
    zone = _tzinfo(tz)
    local = value.astimezone(zone)
    today = now.astimezone(zone).date()
    clock = f"{local:%H:%M}"
    days = (local.date() - today).days
    named = {0: "today", -1: "yesterday", 1: "tomorrow"}.get(days)
    if named is not None:
        return f"{words[named]}, {clock}"
    key = "same_year" if local.year == today.year else "other_year"
    return _plain(_pattern(words[key])(local.replace(tzinfo=None), loc))


# --------------------------------------------------------------------------- parsing

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
    time: re.Pattern[str]
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
        locale = _locale(language)
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
    # Any Cyrillic word stands where a month may be; _month_match() keeps those that are
    # months. One dictionary look-up is much faster than a regex alternation of every form.
    month = rf"(?P<month>[{_CYRILLIC}]{{3,}})(?![{_LETTER}])\.?"
    year_word = r"(?:\s*(?:г\.|гг\.|года|году|год|г)(?![а-я]))?"
    day = r"(?P<day>[0-3]?\d)(?:-?(?:го|е|ші|шы|інші|ыншы))?"
    unit_alternatives = "|".join(stem for stem, _, _ in _UNITS)
    offset = r"[+-](?:1[0-4]|0?\d)(?::?[0-5]\d)?(?!\d)"
    number_words = "|".join(_NUMBER_WORDS)
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
        numeric=re.compile(
            r"(?<![\d.])(?P<day>[0-3]?\d)[./](?P<month>[01]?\d)[./](?P<year>\d{4}|\d{2})(?![\d])"
        ),
        time=re.compile(
            r"(?<![\d:])(?P<hour>[01]?\d|2[0-3]):(?P<minute>[0-5]\d)(?::(?P<second>[0-5]\d))?"
            r"(?![\d])"
            rf"(?:\s*\(?\s*(?P<zone>мск|msk|utc|gmt|z(?![a-z])|{offset})"
            rf"(?:\s*(?P<zone_offset>{offset}))?\)?)?"
        ),
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
        base: dt.tzinfo = _zone("Europe/Moscow")
    elif zone in {"utc", "gmt", "z"}:
        base = _UTC
    else:
        return _offset(zone)
    extra = match.group("zone_offset")
    if extra is not None and base is _UTC:
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


def _normalize(text: str) -> str:
    return " ".join(_fold(unicodedata.normalize("NFC", text).translate(_SPACES)).split())


def _time_outside(tables: _Tables, text: str, span: tuple[int, int]) -> re.Match[str] | None:
    for match in tables.time.finditer(text):
        if match.end() <= span[0] or match.start() >= span[1]:
            return match
    return None


def _parse(  # noqa: C901, PLR0911, PLR0912 - one flat list of cases reads best
    text: str, zone: dt.tzinfo, now: dt.datetime
) -> ParsedDate | None:
    tables = _tables()
    local_now = now.astimezone(zone)
    today = local_now.date()

    iso = tables.iso.search(text)
    if iso is not None:
        day = dt.date(int(iso["year"]), int(iso["month"]), int(iso["day"]))
        if iso["hour"] is None:
            return ParsedDate(day, Precision.DAY)
        second = iso["second"]
        offset = iso["offset"]
        tzinfo = zone if offset is None else _UTC if offset == "z" else _offset(offset)
        value = dt.datetime(
            day.year, day.month, day.day, int(iso["hour"]), int(iso["minute"]),
            min(int(second or 0), 59), tzinfo=tzinfo,
        )  # fmt: skip
        return ParsedDate(value, Precision.SECOND if second else Precision.MINUTE)

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
        return _combine(day, _time_outside(tables, text, match.span()), zone)

    numeric = tables.numeric.search(text)
    if numeric is not None:
        year = int(numeric["year"])
        if len(numeric["year"]) == 2:  # noqa: PLR2004
            year = _two_digit_year(year, today.year)
        day = dt.date(year, int(numeric["month"]), int(numeric["day"]))
        return _combine(day, _time_outside(tables, text, numeric.span()), zone)

    month_year = _month_match(tables.month_year, text, months) or _month_match(
        tables.year_month, text, months
    )
    if month_year is not None:
        year_month = YearMonth(int(month_year["year"]), tables.months[month_year["month"]])
        return ParsedDate(year_month, Precision.MONTH)

    if tables.just_now.search(text):
        return ParsedDate(local_now.replace(microsecond=0), Precision.SECOND)

    ago = tables.ago.search(text)
    if ago is not None:
        return _parse_ago(ago, local_now)

    word = tables.day_word.search(text)
    time = tables.time.search(text)
    if word is not None:
        day = today + dt.timedelta(days=_DAY_WORDS[word["word"]])
        return _combine(day, time, zone)
    if time is not None:
        # A time alone is today's, or yesterday's when that would be in the future.
        parsed = _combine(today, time, zone)
        if isinstance(parsed.value, dt.datetime) and parsed.value > now:
            parsed = _combine(today - dt.timedelta(days=1), time, zone)
        return parsed
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


def parse_date(
    text: str,
    *,
    tz: str | dt.tzinfo = "Asia/Almaty",
    now: dt.datetime | None = None,
    strict: bool = False,
) -> ParsedDate | None:
    """Find the date in what a Russian or Kazakh news page prints.

    Reads numeric dates ("25.11.2026", "25.11.26"), month names in every case and form
    ("25 ноября 2026 г.", "ноябрь 2026", "в ноябре 2026 года", "25 нояб.", "25 НОЯ"), weekday
    and label prefixes ("Опубликовано: среда, 25 ноября"), a time before or after the date
    ("14:05, 25 ноября", "25 ноября в 14:05"), "мск" and explicit offsets, which override
    ``tz``, ISO 8601, "сегодня"/"вчера"/"позавчера", "N минут/часов/дней назад", "минуту
    назад", "час назад", "только что", and Kazakh dates ("25 қараша 2026", "2026 ж. 25
    қараша", "кеше, 09:30", "5 минут бұрын"). A date without a year is its most recent past
    occurrence; a two-digit year is put in the century nearest to ``now``.

    Args:
        text: the text holding the date.
        tz: the zone of printed times that carry no zone of their own, and in which
            "сегодня" is counted.
        now: the moment relative dates are counted from (aware); the current time when
            omitted.
        strict: raise instead of returning ``None``.

    Returns:
        The date and its precision, or ``None`` when the text has no (valid) date.

    Raises:
        ParseError: ``strict`` is true and no date was found.
        ValueError: ``now`` is naive.

    >>> parse_date("Опубликовано: 25 ноября 2026, 14:05").value.isoformat()
    '2026-11-25T14:05:00+05:00'
    >>> parse_date("25.11.2026").value
    datetime.date(2026, 11, 25)
    >>> parse_date("2026 ж. 25 қараша").value
    datetime.date(2026, 11, 25)
    >>> from datetime import datetime, timezone
    >>> now = datetime(2026, 11, 25, 9, 5, tzinfo=timezone.utc)
    >>> parse_date("вчера в 09:30", now=now).value.isoformat()
    '2026-11-24T09:30:00+05:00'
    >>> parse_date("3 минуты назад", now=now).value.isoformat()
    '2026-11-25T14:02:00+05:00'
    >>> parse_date("Пресс-релиз") is None
    True
    """
    zone = _tzinfo(tz)
    if now is None:
        now = dt.datetime.now(_UTC)
    else:
        _require_aware(now, "now")
    try:
        found = _parse(_normalize(text), zone, now)
    except (ValueError, OverflowError):  # a day out of range (31.02.2026), a date before year 1
        found = None
    if found is None and strict:
        msg = f"no date found in {text!r}"
        raise ParseError(_FORMAT, msg)
    return found
