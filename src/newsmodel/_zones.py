"""Time zones for the date functions and the readers: IANA names resolved once, and checks.

Names are resolved against the ``tzdata`` package when the operating system's database is
older than it and disagrees (an outdated system database still puts Almaty at UTC+6 after
Kazakhstan moved to a single UTC+5 on 2024-03-01).
"""

from __future__ import annotations

import datetime as dt
import functools
import importlib
import importlib.resources
import re
import zoneinfo

from newsmodel.errors import ValidationError

__all__ = ["UTC", "require_aware", "tzinfo", "zone"]

UTC = dt.timezone.utc


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
            instant = dt.datetime(year, month, 1, tzinfo=UTC)
            if instant.astimezone(first).utcoffset() != instant.astimezone(second).utcoffset():
                return False
    return True


def _system_zone(key: str) -> dt.tzinfo | None:
    try:
        return zoneinfo.ZoneInfo(key)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return None


@functools.cache
def zone(key: str) -> dt.tzinfo:
    """The zone of an IANA name, from the newer of the system's and tzdata's databases."""
    system = _system_zone(key)
    packaged = _packaged_zone(key)
    if system is None:
        if packaged is None:
            raise ValidationError("tz", f"unknown time zone {key!r}")
        return packaged
    # The named zone pickles and compares by name; use the packaged data only when the
    # system's is older and gives different offsets.
    if packaged is not None and not _same_rules(system, packaged):
        return packaged
    return system


def tzinfo(tz: str | dt.tzinfo) -> dt.tzinfo:
    """The zone an IANA name or a tzinfo stands for."""
    if not isinstance(tz, (str, dt.tzinfo)):
        raise ValidationError("tz", f"expected an IANA name or a tzinfo, got {type(tz).__name__}")
    return zone(tz) if isinstance(tz, str) else tz


def require_aware(value: dt.datetime, name: str) -> None:
    """Refuse a naive datetime, naming the argument."""
    if value.tzinfo is None or value.utcoffset() is None:
        msg = f"must be timezone-aware, not naive ({value.isoformat()})"
        raise ValidationError(name, msg)
