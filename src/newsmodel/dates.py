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

**Errors.** Every bad argument raises :class:`~newsmodel.errors.ValidationError` naming it
(``value``, ``now``, ``style``, ``locale``, ``tz``); like every newsmodel error it is also a
:class:`ValueError`. Naive datetimes are refused: a naive datetime could be in any zone, and
guessing would print the wrong hour. :func:`parse_date` with ``strict=True`` raises
:class:`~newsmodel.errors.ParseError` when the text holds no date.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import TYPE_CHECKING, Literal

from babel import Locale, UnknownLocaleError
from babel.dates import format_date as _babel_format_date
from babel.dates import parse_pattern

from newsmodel._dateparse import normalize, parse
from newsmodel._datetypes import ParsedDate, Precision, YearMonth
from newsmodel._zones import UTC, require_aware, tzinfo
from newsmodel.errors import ParseError, ValidationError

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = [
    "DateStyle",
    "ParsedDate",
    "Precision",
    "RelativeStyle",
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

_FORMAT = "date"  # the format named in ParseError
_SPACES = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2007": " "})


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
    try:
        return Locale.parse(name)
    except (UnknownLocaleError, ValueError, TypeError) as exc:
        raise ValidationError("locale", f"unknown locale {name!r}") from exc


def _news_patterns(locale: Locale) -> dict[str, str]:
    return _NEWS_PATTERNS.get(locale.language, _NEWS_PATTERNS["ru"])


@functools.cache
def _pattern(pattern: str) -> Callable[[dt.date | dt.datetime, Locale], str]:
    apply: Callable[[dt.date | dt.datetime, Locale], str] = parse_pattern(pattern).apply
    return apply


def _plain(text: str) -> str:
    return text.translate(_SPACES)


def _local(value: dt.datetime, tz: str | dt.tzinfo) -> dt.datetime:
    return value.astimezone(tzinfo(tz))


_ISO_DATETIME = re.compile(
    r"\s*(?P<year>\d{4})-?(?P<month>\d\d)-?(?P<day>\d\d)"
    r"[Tt ](?P<hour>\d\d):?(?P<minute>\d\d)(?::?(?P<second>\d\d)(?:[.,](?P<fraction>\d+))?)?"
    r"\s*(?:(?P<z>[Zz])|(?P<sign>[+-])(?P<oh>\d\d)(?::?(?P<om>\d\d)(?::?(?P<os>\d\d))?)?)?\s*"
)

#: Extended form with seconds and an offset: ``2026-11-25T14:05:00+05:00`` (or ``Z``).
_COMMON_ISO = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:Z|[+-][0-9]{2}:[0-9]{2})"
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
    if _COMMON_ISO.fullmatch(text) is not None:
        # The form most pages and feeds write, which the standard library reads alike in C;
        # what it refuses (an impossible date) is left to the rules below.
        try:
            return dt.datetime.fromisoformat(text)
        except ValueError:
            pass
    match = _ISO_DATETIME.fullmatch(text)
    if match is None:
        return None
    tz: dt.tzinfo | None = None
    if match["z"]:
        tz = UTC
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
        ValidationError: the datetime is naive, a date was given for a style with a time, or
            the style, the locale or the zone is unknown.

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
        require_aware(value, "value")
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
        raise ValidationError("style", msg)
    if style in _DATE_ONLY_NEWS_STYLES:
        return _plain(_pattern(patterns[style])(day, loc))
    if not isinstance(value, dt.datetime):
        msg = f"style {style!r} shows a time and needs a datetime, not a date"
        raise ValidationError("value", msg)
    return _plain(_pattern(patterns[style])(value.replace(tzinfo=None), loc))


RelativeStyle = Literal["day", "ago", "at"]

_RELATIVE_WORDS: dict[str, dict[str, str]] = {
    "ru": {
        "just_now": "только что",
        "today": "сегодня",
        "yesterday": "вчера",
        "tomorrow": "завтра",
        "ago": "{n} {unit} назад",
        "at": "{day} в {clock}",
        "same_year": "d MMMM",
        "other_year": "d MMMM y",
    },
    "kk": {
        "just_now": "жаңа ғана",
        "today": "бүгін",
        "yesterday": "кеше",
        "tomorrow": "ертең",
        "ago": "{n} {unit} бұрын",
        "at": "{day}, сағат {clock}",
        "same_year": "d MMMM",
        "other_year": "y 'ж'. d MMMM",
    },
}
# Units by CLDR plural category (babel's Locale.plural_form): Russian has one, few, many
# (and other for fractions); Kazakh nouns do not change after a number.
_UNITS: dict[str, dict[str, dict[str, str]]] = {
    "ru": {
        "minute": {"one": "минуту", "few": "минуты", "many": "минут", "other": "минуты"},
        "hour": {"one": "час", "few": "часа", "many": "часов", "other": "часа"},
        "day": {"one": "день", "few": "дня", "many": "дней", "other": "дня"},
    },
    "kk": {
        "minute": {"other": "минут"},
        "hour": {"other": "сағат"},
        "day": {"other": "күн"},
    },
}
_RELATIVE_STYLES = ("day", "ago", "at")
_MINUTE, _HOUR, _DAY, _WEEK = 60, 3600, 86400, 7


def _count(loc: Locale, language: str, unit: str, n: int) -> str:
    forms = _UNITS[language][unit]
    word = forms.get(loc.plural_form(n), forms["other"])
    return _RELATIVE_WORDS[language]["ago"].format(n=n, unit=word)


def format_relative(
    value: dt.datetime | dt.date,
    *,
    style: RelativeStyle = "day",
    now: dt.datetime | None = None,
    locale: str = "ru",
    tz: str | dt.tzinfo = "Asia/Almaty",
) -> str:
    """Say when something happened, as Russian and Kazakh news sites print it.

    Three styles. ``"day"`` (the default): under a minute "только что", under an hour
    "N минут назад", then "сегодня, 14:05", "вчера, 09:30", "23 ноября, 23:30" and
    "31 декабря 2025, 23:59". ``"ago"``: "5 минут назад", "2 часа назад", "3 дня назад"
    (Kazakh "2 сағат бұрын", "3 күн бұрын"), and past a week the date ("18 ноября").
    ``"at"``: "сегодня в 14:05", "вчера в 09:30", then "23 ноября в 14:05". Every count follows
    CLDR's plural rules (одну минуту, 2 минуты, 5 минут, 21 час, 22 часа). Days are counted in
    ``tz``. A time more than a minute ahead is said with the day rules ("завтра, 10:00").

    A :class:`~datetime.date` (a publication date without a time) is printed without one:
    "сегодня", "вчера", "3 дня назад", "23 ноября"; the ``"at"`` style, which shows a time,
    refuses it.

    Args:
        value: an aware datetime, or a date.
        style: ``"day"``, ``"ago"`` or ``"at"``.
        now: the moment to compare with (aware); the current time when omitted.
        locale: ``"ru"``, ``"ru_KZ"`` or ``"kk"``.
        tz: the zone the days are counted in.

    Returns:
        The relative time.

    Raises:
        ValidationError: ``value`` or ``now`` is naive, a date was given to the ``"at"``
            style, or the style, the locale or the zone is unknown.

    >>> from datetime import date, datetime, timedelta, timezone
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
    >>> format_relative(now - timedelta(hours=5), now=now, style="ago")
    '5 часов назад'
    >>> format_relative(now - timedelta(days=3), now=now, style="ago", locale="kk")
    '3 күн бұрын'
    >>> format_relative(now - timedelta(days=1), now=now, style="at")
    'вчера в 14:05'
    >>> format_relative(date(2026, 11, 24), now=now)
    'вчера'
    """
    if style not in _RELATIVE_STYLES:
        msg = f"unknown relative style {style!r}; expected one of {', '.join(_RELATIVE_STYLES)}"
        raise ValidationError("style", msg)
    if now is None:
        now = dt.datetime.now(UTC)
    require_aware(now, "now")
    loc = _locale(locale)
    language = loc.language if loc.language in _RELATIVE_WORDS else "ru"
    zone = tzinfo(tz)
    today = now.astimezone(zone).date()
    if not isinstance(value, dt.datetime):
        if style == "at":
            msg = "style 'at' shows a time and needs a datetime, not a date"
            raise ValidationError("value", msg)
        return _relative_day(value, today, loc, language, style=style)
    require_aware(value, "value")
    return _relative_moment(value, now, zone, loc, language, style=style)


def _relative_moment(
    value: dt.datetime,
    now: dt.datetime,
    zone: dt.tzinfo,
    loc: Locale,
    language: str,
    *,
    style: str,
) -> str:
    today = now.astimezone(zone).date()
    seconds = (now - value).total_seconds()
    words = _RELATIVE_WORDS[language]
    if -_MINUTE < seconds < _MINUTE:
        return words["just_now"]
    local = value.astimezone(zone)
    if style == "ago" and seconds > 0 and seconds < _WEEK * _DAY:
        for unit, size in (("day", _DAY), ("hour", _HOUR), ("minute", _MINUTE)):
            if seconds >= size:
                return _count(loc, language, unit, int(seconds // size))
    if style == "ago" and seconds > 0:
        return _relative_day(local.date(), today, loc, language, style="date")
    if style == "day" and 0 < seconds < _HOUR:
        return _count(loc, language, "minute", int(seconds // _MINUTE))
    day = _relative_day(local.date(), today, loc, language, style="day")
    if style == "at":
        return words["at"].format(day=day, clock=f"{local:%H:%M}")
    return f"{day}, {local:%H:%M}"


def _relative_day(day: dt.date, today: dt.date, loc: Locale, language: str, *, style: str) -> str:
    """A day as "сегодня", "вчера", "3 дня назад" (style "ago") or its date."""
    words = _RELATIVE_WORDS[language]
    days = (today - day).days
    if style != "date":
        named = {0: "today", 1: "yesterday", -1: "tomorrow"}.get(days)
        if named is not None:
            return words[named]
    if style == "ago" and 1 < days < _WEEK:
        return _count(loc, language, "day", days)
    key = "same_year" if day.year == today.year else "other_year"
    return _plain(_pattern(words[key])(day, loc))


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
        ValidationError: ``now`` is naive or the zone is unknown.

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
    zone = tzinfo(tz)
    if now is None:
        now = dt.datetime.now(UTC)
    else:
        require_aware(now, "now")
    try:
        found = parse(normalize(text), zone, now)
    except (ValueError, OverflowError):  # a day out of range (31.02.2026), a date before year 1
        found = None
    if found is None and strict:
        msg = f"no date found in {text!r}"
        raise ParseError(_FORMAT, msg)
    return found
