"""The values the date parser returns: a month of a year, a precision, a parsed date."""

from __future__ import annotations

import datetime as dt  # noqa: TC003 - attrs and typing.get_type_hints read the annotations
import enum

import attrs

__all__ = ["ParsedDate", "Precision", "YearMonth"]


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

    >>> from newsmodel.dates import parse_date
    >>> parse_date("ноябрь 2026")
    ParsedDate(value=YearMonth(year=2026, month=11), precision=<Precision.MONTH: 'month'>)
    """

    value: dt.datetime | dt.date | YearMonth
    precision: Precision
