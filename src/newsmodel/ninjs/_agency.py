"""The agency metadata of an item: urgency, embargo, status, note, genres, rights, slugline.

Written with ninjs 3.x's names (``embargoedUntil``, ``pubStatus``, ``edNote``,
``copyrightHolder``...), which a 2.x document takes in lower case (``embargoed`` for
``embargoedUntil``); read by their lower-case names, so both generations read alike.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Protocol

from newsmodel._models import Genre, PubStatus, Rights
from newsmodel.errors import ValidationError
from newsmodel.html._extract import Dropped
from newsmodel.ninjs._common import SCHEMES, is_qcode, scheme_uri
from newsmodel.ninjs._item import clean

if TYPE_CHECKING:
    from collections import Counter

    from newsmodel._models import Article

__all__ = [
    "AgencyReader",
    "before",
    "concept",
    "is_day",
    "qcode_of",
    "read_agency",
    "write_agency",
]

_CORRECTION = Dropped("field", "correction note", "correction notes")
_SIGNALS = Dropped("field", "list of signals", "lists of signals")
_BAD_GENRE = Dropped(
    "value",
    "genre without a QCode or an IPTC genre URI",
    "genres without a QCode or an IPTC genre URI",
)


_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_IPTC_SUBJECT = re.compile(r"\d{8}")


def is_day(value: str) -> bool:
    """Whether a string is a day alone, ``YYYY-MM-DD``."""
    try:
        return _DAY.match(value) is not None and date.fromisoformat(value) is not None
    except ValueError:
        return False


def _day(value: datetime | date) -> date:
    return value.date() if isinstance(value, datetime) else value


def before(then: datetime | date, first: datetime | date) -> bool:
    """Whether ``then`` is before ``first``, as the model compares them (a day alone by day)."""
    if isinstance(then, datetime) and isinstance(first, datetime):
        return then < first
    return _day(then) < _day(first)


def concept(code: str, name: str | None) -> dict[str, str]:
    """A subject or genre: its name, and its code as an IPTC URI or as a literal QCode."""
    out: dict[str, str] = {}
    if name is not None:
        out["name"] = name
    uri = scheme_uri(code)
    if uri is not None:
        out["uri"] = uri
    else:
        out["literal"] = code
    return out


def _qcode(alias: str, code: str) -> str | None:
    qcode = f"{alias}:{code.strip('/')}"
    return qcode if is_qcode(qcode) else None


def qcode_of(entry: dict[str, Any], *, subject: bool = False) -> str | None:
    """The QCode of a subject or genre: its literal or (1.x) code, or its URI in IPTC's schemes.

    A ``subject`` whose bare code (no scheme, no URI) is eight digits is an IPTC subject code.
    """
    uri, scheme = clean(entry.get("uri")), clean(entry.get("scheme"))
    for key in ("literal", "code", "qcode"):
        candidate = clean(entry.get(key))
        if candidate is not None and is_qcode(candidate):
            return candidate
    code = clean(entry.get("code"))
    for alias, base in SCHEMES.items():
        for start in (base, base.replace("http://", "https://", 1)):
            if uri is not None and uri.startswith(start):
                return _qcode(alias, uri[len(start) :])
            if scheme is not None and code is not None and scheme.rstrip("/") + "/" == start:
                return _qcode(alias, code)
    if subject and uri is None and scheme is None and code and _IPTC_SUBJECT.fullmatch(code):
        return _qcode("subj", code)  # as NITF and NewsML 1.2 write them
    return None


def write_agency(article: Article, lost: Counter[Dropped]) -> dict[str, Any]:
    """The agency properties of an article's item, with 3.x names."""
    a = article
    out: dict[str, Any] = {}
    if a.urgency is not None:
        out["urgency"] = a.urgency
    if a.embargo is not None:
        out["embargoedUntil"] = a.embargo.isoformat()
    if a.pub_status is not PubStatus.USABLE:
        out["pubStatus"] = a.pub_status.value
    if a.editorial_note is not None:
        out["edNote"] = a.editorial_note
    if a.slugline is not None:
        out["slugline"] = a.slugline
    if a.genres:
        out["genres"] = [concept(g.code, g.name) for g in a.genres]
    if a.rights is not None:
        names = ("copyrightHolder", "copyrightNotice", "usageTerms")
        values = (a.rights.holder, a.rights.notice, a.rights.usage_terms)
        out.update(
            {name: value for name, value in zip(names, values, strict=True) if value is not None}
        )
    if a.correction is not None:
        lost[_CORRECTION] += 1
    if a.signals:
        lost[_SIGNALS] += 1
    return out


class AgencyReader(Protocol):
    """What :func:`read_agency` needs of the item being read."""

    lost: Counter[Dropped]

    def get(self, name: str) -> Any:  # noqa: ANN401 - a JSON value
        """A property by its lower-case name, marked as used."""

    def text(self, name: str) -> str | None:
        """A property's text, cleaned."""

    def dicts(self, name: str) -> list[dict[str, Any]]:
        """The objects of an array property, with lower-case keys."""

    def when(self, name: str) -> datetime | None:
        """A property's time; kept in ``extra`` when it is not one."""

    def keep(self, name: str, value: object) -> None:
        """Keep a scalar in ``extra``; count anything else as lost."""


def _urgency(r: AgencyReader) -> int | None:
    raw = r.get("urgency")
    if isinstance(raw, float) and raw.is_integer():  # 2.x's urgency is a JSON number
        raw = int(raw)
    if isinstance(raw, str) and raw.strip().isdecimal():
        raw = int(raw)
    if isinstance(raw, int) and not isinstance(raw, bool) and 1 <= raw <= 9:  # noqa: PLR2004
        return raw
    if raw is not None:
        r.keep("urgency", raw)  # kept in extra, as every value the model refuses
    return None


def _status(r: AgencyReader) -> PubStatus | None:
    raw = r.text("pubstatus")
    if raw is None:
        return None
    word = raw.rpartition(":")[2].lower()  # also "stat:usable"
    try:
        return PubStatus("canceled" if word == "cancelled" else word)
    except ValueError:
        r.keep("pubstatus", raw)
        return None


def _genres(r: AgencyReader) -> list[Genre]:
    genres = []
    for entry in r.dicts("genres") + r.dicts("genre"):
        code = qcode_of(entry)
        if code is None:
            r.lost[_BAD_GENRE] += 1
            continue
        try:
            genres.append(Genre(code, clean(entry.get("name"))))
        except ValidationError:
            r.lost[_BAD_GENRE] += 1
    return genres


def _rights(r: AgencyReader) -> Rights | None:
    holder, notice = r.text("copyrightholder"), r.text("copyrightnotice")
    terms = r.text("usageterms")
    listed = r.get("usageterms")
    if terms is None and isinstance(listed, list):  # AP sends its terms as an array
        terms = " ".join(t for t in (clean(v) for v in listed) if t is not None) or None
    if holder is None and notice is None and terms is None:
        return None
    return Rights(holder, notice, terms)


def read_agency(r: AgencyReader) -> dict[str, Any]:
    """The agency fields of an item, as :class:`~newsmodel.Article` keywords (``None``: absent)."""
    embargo = r.when("embargoeduntil")
    if embargo is None:
        embargo = r.when("embargoed")
    return {
        "urgency": _urgency(r),
        "embargo": embargo,
        "pub_status": _status(r),
        "editorial_note": r.text("ednote"),
        "slugline": r.text("slugline"),
        "genres": _genres(r) or None,
        "rights": _rights(r),
    }
