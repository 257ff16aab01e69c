"""The rules the model's fields are checked and normalised by.

Each function takes a value as a caller gave it and the name of the field it is for, and returns
the value the model keeps, or raises :class:`~newsmodel.errors.ValidationError` naming the field.
The model classes (``_content``, ``_metadata``, ``_models``) share them.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime, timedelta, timezone
from typing import TypeVar
from urllib.parse import urlsplit

from newsmodel._textrules import InvalidTextError, collapse, collapse_inner, is_slug
from newsmodel.errors import ValidationError

__all__ = [
    "LINK_SCHEMES",
    "absolute_url",
    "aware",
    "checked_absolute_url",
    "href",
    "is_slug",
    "iterable",
    "language",
    "optional_text",
    "pairs",
    "qcode",
    "required_text",
    "text",
    "text_tuple",
    "typed_tuple",
    "when",
]

T = TypeVar("T")


def text(field: str, value: object, *, inner: bool = False) -> str:
    """One line of text, whitespace collapsed (only inner runs when ``inner``)."""
    # Most text is already clean: a few tests in C tell it, without the rules' passes.
    if (
        type(value) is str
        and value.isprintable()
        and "  " not in value
        and (inner or value.strip(" ") is value)
        and (value.isascii() or _nfc("NFC", value))
    ):
        return value
    if not isinstance(value, str):
        raise ValidationError(field, f"expected str, got {type(value).__name__}")
    try:
        return collapse_inner(value) if inner else collapse(value)
    except InvalidTextError as exc:
        raise ValidationError(field, str(exc)) from None


#: Whether a str is printable: no control, surrogate, invisible or whitespace character but the
#: plain space, so none that a text rule refuses, removes or changes (see SUSPECT). One pass in
#: C, faster than a search of SUSPECT; text it refuses (a no-break space, a joiner) takes the
#: rules, which keep what they allow.
_nfc = unicodedata.is_normalized


def required_text(value: object, field: str) -> str:
    """One line of text that must not be blank."""
    result = text(field, value)
    if not result:
        raise ValidationError(field, "must not be empty")
    return result


def optional_text(value: object, field: str) -> str | None:
    """One line of text or ``None``; blank text counts as absent (``""`` becomes ``None``)."""
    if value is None:
        return None
    return text(field, value) or None


def text_tuple(values: object, field: str) -> tuple[str, ...]:
    """A tuple of non-blank one-line strings; blank items are refused, order is kept."""
    items = tuple(values) if type(values) is list else iterable(field, values)
    for v in items:  # most often every item is clean text, kept as it is
        if not (
            type(v) is str
            and v
            and v.isprintable()
            and "  " not in v
            and v.strip(" ") is v
            and (v.isascii() or _nfc("NFC", v))
        ):
            break
    else:
        return items  # type: ignore[return-value]
    return tuple(required_text(v, f"{field}[{i}]") for i, v in enumerate(items))


def iterable(field: str, values: object) -> tuple[object, ...]:
    """The items of a list, tuple or other ordered iterable; sets, strings and mappings refused."""
    if type(values) is tuple:  # the common case, and the result of every converter
        return values
    if type(values) is list:
        return tuple(values)
    # A set has no order: its items would come out in a different order in every process.
    unordered = (str, bytes, Mapping, set, frozenset)
    if isinstance(values, unordered) or not isinstance(values, Iterable):
        raise ValidationError(field, f"expected a sequence, got {type(values).__name__}")
    return tuple(values)


def typed_tuple(
    values: object,
    field: str,
    types: tuple[type[T], ...],
    coerce: Callable[[object], object] | None = None,
) -> tuple[T, ...]:
    """A tuple of instances of ``types``; ``coerce`` turns plain values into them first."""
    items = iterable(field, values)
    try:
        out = items if coerce is None else tuple([coerce(value) for value in items])
    except ValidationError:
        pass
    else:
        for item in out:  # most often every item is of its type, and the tuple is kept
            if not isinstance(item, types):
                break
        else:
            return out  # type: ignore[return-value]
    return _one_by_one(items, field, types, coerce)


def _one_by_one(
    items: tuple[object, ...],
    field: str,
    types: tuple[type[T], ...],
    coerce: Callable[[object], object] | None,
) -> tuple[T, ...]:
    """:func:`typed_tuple` one item at a time, so that the first error names its item."""
    out: list[T] = []
    for i, value in enumerate(items):
        try:
            item = coerce(value) if coerce is not None else value
        except ValidationError as exc:
            raise ValidationError(f"{field}[{i}].{exc.field}", exc.reason) from None
        if not isinstance(item, types):
            names = " or ".join(t.__name__ for t in types)
            msg = f"expected {names}, got {type(value).__name__}"
            raise ValidationError(f"{field}[{i}]", msg)
        out.append(item)
    return tuple(out)


def pairs(
    value: object, field: str, key: Callable[[object, str], str]
) -> tuple[tuple[str, str], ...]:
    """``(key, value)`` pairs of one-line text, from a mapping or from pairs; order is kept."""
    items = value.items() if isinstance(value, Mapping) else iterable(field, value)
    out = []
    for i, pair in enumerate(items):
        if not isinstance(pair, tuple | list) or len(pair) != 2:  # noqa: PLR2004
            raise ValidationError(f"{field}[{i}]", "expected a (key, value) pair")
        name = key(pair[0], f"{field}[{i}]")
        if not isinstance(pair[1], str):
            msg = f"expected a str value, got {type(pair[1]).__name__}"
            raise ValidationError(f"{field}[{i}]", msg)
        try:
            out.append((name, collapse_inner(pair[1]).strip(" ")))
        except InvalidTextError as exc:
            raise ValidationError(f"{field}[{i}]", str(exc)) from None
    return tuple(out)


_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
_NO_SPACE = re.compile(r"^\S+$")


def absolute_url(value: object, field: str) -> str | None:
    """An absolute http(s) URL, or ``None`` for ``None`` and blank text."""
    if (  # most URLs: printable ASCII without a space or a bracket, a host after the "//"
        type(value) is str
        and value.startswith(("https://", "http://"))
        and value.isascii()
        and value.isprintable()
        and " " not in value
        and "[" not in value
        and "]" not in value
        and value.partition("//")[2][:1] not in "/?#"  # "" too: no host
    ):
        return value  # what every check below keeps, urlsplit() giving its scheme and host
    return checked_absolute_url(value, field)


def checked_absolute_url(value: object, field: str) -> str | None:
    """:func:`absolute_url` through every check, for any value."""
    if value is None:
        return None
    url = text(field, value)
    if not url:
        return None
    if not _NO_SPACE.match(url):
        raise ValidationError(field, "a URL must not contain whitespace")
    try:
        parts = urlsplit(url)
    except ValueError as exc:
        raise ValidationError(field, f"not a URL: {exc}") from None
    if parts.scheme.lower() not in {"http", "https"} or not parts.netloc:
        raise ValidationError(field, f"must be an absolute http(s) URL, got {url!r}")
    return url


#: Link schemes the model accepts. Anything else (javascript:, data:, vbscript:, file:, ...)
#: is refused, so no format can ever write an executable link from a model.
LINK_SCHEMES = frozenset({"http", "https", "mailto"})


def href(value: object) -> str:
    """A link target: an http, https or mailto URL, or a relative reference."""
    if (  # most links: printable ASCII without a space, which every check below keeps
        type(value) is str
        and value.startswith(("https://", "http://"))
        and value.isascii()
        and value.isprintable()
        and " " not in value
    ):
        return value
    return checked_href(value)


def checked_href(value: object) -> str:
    """:func:`href` through every check, for any value."""
    result = text("href", value)
    if not result:
        raise ValidationError("href", "must not be empty")
    if not _NO_SPACE.match(result):
        raise ValidationError("href", "a URL must not contain whitespace")
    scheme = _SCHEME.match(result)
    if scheme is not None and scheme.group(1).lower() not in LINK_SCHEMES:
        allowed = ", ".join(sorted(LINK_SCHEMES))
        msg = f"scheme {scheme.group(1)!r} is not allowed (allowed: {allowed}, or a relative URL)"
        raise ValidationError("href", msg)
    return result


_QCODE = re.compile(r"^[A-Za-z][A-Za-z0-9_.-]*:[A-Za-z0-9_.:-]+$")


def qcode(value: object, field: str = "code") -> str:
    """A QCode of a controlled vocabulary, such as ``medtop:11000000``."""
    code = text(field, value)
    if not _QCODE.match(code):
        msg = f"must be a QCode such as 'medtop:11000000', got {code!r}"
        raise ValidationError(field, msg)
    return code


def aware(value: object, field: str) -> datetime | None:
    """A timezone-aware datetime, kept with a fixed offset; ``None`` stays ``None``."""
    if value is None:
        return None
    if not isinstance(value, datetime):
        raise ValidationError(field, f"expected datetime, got {type(value).__name__}")
    zone = value.tzinfo
    if type(zone) is timezone and _SAFE_YEARS[0] < value.year < _SAFE_YEARS[1]:
        # A fixed offset has no clock change, and UTC holds any time off the calendar's ends:
        # the checks below would pass. The value is kept as it is, as below.
        return value
    offset = value.utcoffset() if zone is not None else None
    if offset is None:
        raise ValidationError(field, "must be timezone-aware (naive datetimes are refused)")
    # Stored with a fixed offset, as every format writes it: a zone name (Asia/Almaty)
    # cannot travel through ISO 8601, and a wall time repeated by a clock change would
    # otherwise compare unequal to the same instant read back (PEP 495). The same instant at
    # its fixed offset has the same wall time, and fold 0.
    fixed = _ZONES.get(offset)
    if fixed is None:
        fixed = timezone(offset) if offset else timezone.utc
        if len(_ZONES) < _MAX_ZONES:
            _ZONES[offset] = fixed
    kept = value.astimezone(fixed)  # past the calendar's ends in UTC: OverflowError
    # A wall-clock time skipped by a clock change (a DST gap) names no instant: its offset
    # is a guess, and no format could carry it back as it was. Back in its zone, the instant
    # has another wall time (two datetimes of the same zone compare by their wall times).
    if kept.astimezone(zone) != value:
        raise ValidationError(field, f"{value.isoformat()} does not exist in {zone}")
    return value if type(zone) is timezone else kept


# Years in which a fixed offset (at most a day) cannot take a time past datetime's range.
_SAFE_YEARS = (1, 9999)
# One fixed-offset zone per offset, shared by every datetime: the few offsets in use.
_ZONES: dict[timedelta, timezone] = {}
_MAX_ZONES = 256


def when(value: object, field: str) -> datetime | date | None:
    """A timezone-aware datetime, or a date alone (a day with no time and no zone)."""
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if value is not None and not isinstance(value, datetime):
        msg = f"expected datetime or date, got {type(value).__name__}"
        raise ValidationError(field, msg)
    return aware(value, field)


_LANGUAGE = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$")


def language(value: object, field: str = "language") -> str:
    """A BCP 47 language tag in its usual case: ``ru``, ``kk-KZ``, ``sr-Latn``."""
    # A text has few languages: each tag is worked out once, from a small cache of the last ones.
    if type(value) is str and len(value) <= _LANGUAGE_CACHED:
        return _cached_language(value, field)
    return _language(value, field)


_LANGUAGE_CACHED = 35  # the longest tag worth keeping; a cached tag keeps its field's name


@functools.lru_cache(maxsize=64)
def _cached_language(value: str, field: str) -> str:
    return _language(value, field)


def _language(value: object, field: str) -> str:
    tag = text(field, value).replace("_", "-")
    if not _LANGUAGE.match(tag):
        msg = f"must be a BCP 47 tag such as 'ru' or 'kk-KZ', got {tag!r}"
        raise ValidationError(field, msg)
    parts = tag.split("-")
    out = [parts[0].lower()]
    for part in parts[1:]:
        if len(part) == 2 and part.isalpha():  # noqa: PLR2004 - a region subtag
            out.append(part.upper())
        elif len(part) == 4 and part.isalpha():  # noqa: PLR2004 - a script subtag
            out.append(part.title())
        else:
            out.append(part.lower())
    return "-".join(out)
