"""Dates printed on pages in Latin-script languages, and dates in article URLs.

:func:`newsmodel.dates.parse_date` reads Russian and Kazakh; pages in English, German, French,
Spanish, Italian, Portuguese, Dutch or Turkish print "8 January 2020", "January 8, 2020",
"10. September 2017" or "13.10.2021". Only complete dates (day, month and year) are read: a
date without a year on a foreign page is too often a teaser's or a comment's.
"""

from __future__ import annotations

import contextlib
import re
from datetime import date, datetime, tzinfo

__all__ = ["latin_date", "url_date"]

_MONTH_NAMES = {
    1: "january jan januar janvier enero gennaio janeiro januari ocak ene gen",
    2: "february feb februar février fevrier febrero febbraio fevereiro februari şubat subat",
    3: "march mar märz maerz mars marzo março marco maart mart",
    4: "april apr avril abril aprile nisan",
    5: "may mai mayo maggio maio mei mayıs mayis",
    6: "june jun juni juin junio giugno junho haziran",
    7: "july jul juli juillet julio luglio julho temmuz",
    8: "august aug août aout agosto augustus ağustos agustos ago",
    9: "september sep sept septembre septiembre settembre setembro eylül eylul set",
    10: "october oct oktober octobre octubre ottobre outubro okt ekim out ott",
    11: "november nov novembre noviembre novembro kasım kasim",
    12: "december dec dezember décembre decembre diciembre dicembre dezembro dez aralık aralik dic",
}
_MONTHS = {name: number for number, names in _MONTH_NAMES.items() for name in names.split()}
_MONTH = "|".join(sorted((re.escape(m) for m in _MONTHS), key=len, reverse=True))
_TIME = r"(?:[^\d\n]{0,12}?(?P<hour>\d{1,2})[:.h](?P<minute>\d\d)\s*(?P<ampm>[ap]\.?m\.?)?)?"
_PATTERNS = (
    # 8 January 2020, 10. September 2017, 13 de octubre de 2021
    re.compile(
        rf"(?<!\d)(?P<day>\d{{1,2}})(?:\.|er|st|nd|rd|th)?\s+(?:de\s+)?(?P<month>{_MONTH})\.?"
        rf",?\s+(?:de\s+)?(?P<year>(?:19|20)\d\d)(?!\d){_TIME}",
        re.IGNORECASE,
    ),
    # January 8, 2020
    re.compile(
        rf"\b(?P<month>{_MONTH})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+"
        rf"(?P<year>(?:19|20)\d\d)(?!\d){_TIME}",
        re.IGNORECASE,
    ),
    # 13.10.2021, 2020-01-08 (a date that is not part of a longer number)
    re.compile(
        rf"(?<![\d.])(?P<day>\d{{1,2}})\.(?P<month>\d{{1,2}})\.(?P<year>(?:19|20)\d\d)(?![\d.]){_TIME}"
    ),
    re.compile(rf"(?<![\d-])(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)(?![\d-]){_TIME}"),
)
_URL_DATE = re.compile(
    r"/((?:19|20)\d\d)[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\d|3[01])(?:/|[-_]|\.html?|$)"
)


def latin_date(text: str, zone: tzinfo) -> datetime | date | None:
    """The first complete date (and its time, when one follows) printed in ``text``.

    A date printed without a time is a :class:`~datetime.date`: the page names no hour.
    """
    found: tuple[int, datetime | date] | None = None
    for pattern in _PATTERNS:
        match = pattern.search(text)
        if match is None or (found is not None and match.start() >= found[0]):
            continue
        month = match["month"]
        number = int(month) if month.isdigit() else _MONTHS.get(month.lower().rstrip("."))
        if number is None:
            continue
        if match["hour"] is None:
            with contextlib.suppress(ValueError):
                found = (match.start(), date(int(match["year"]), number, int(match["day"])))
            continue
        hour, minute = int(match["hour"]), int(match["minute"])
        ampm = (match["ampm"] or "").lower()
        if ampm.startswith("p") and hour < 12:  # noqa: PLR2004
            hour += 12
        elif ampm.startswith("a") and hour == 12:  # noqa: PLR2004
            hour = 0
        value: datetime | date
        try:
            value = datetime(
                int(match["year"]), number, int(match["day"]), hour, minute, tzinfo=zone
            )
        except ValueError:
            try:
                value = date(int(match["year"]), number, int(match["day"]))
            except ValueError:
                continue
        found = (match.start(), value)
    return found[1] if found else None


def url_date(url: str | None) -> date | None:
    """The day an article URL carries in its path (``/2020/01/08/``, ``/20200108-``)."""
    if not url:
        return None
    path = url.split("?", 1)[0].split("#", 1)[0]
    match = _URL_DATE.search(path)
    if match is None:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None
