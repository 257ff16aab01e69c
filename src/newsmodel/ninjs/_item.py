"""One ninjs object being read: its properties by lower-case name, and what was made of them.

Property names are compared in lower case, so one reader takes 3.x's ``versionCreated`` and
2.x's ``versioncreated`` alike. Each property read is marked as used; :meth:`Item.rest` keeps
the scalars no field took in ``extra`` as ``("ninjs:<name>", value)`` and counts the rest.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any

from newsmodel._models import Attribution, Role
from newsmodel._textrules import InvalidTextError, collapse, scrub
from newsmodel.dates import parse_iso
from newsmodel.errors import ValidationError
from newsmodel.html._extract import Dropped
from newsmodel.ninjs._common import role_of
from newsmodel.ninjs._document import lowered

if TYPE_CHECKING:
    from datetime import tzinfo

    from newsmodel.ninjs._embeds import Placed

__all__ = ["HTTP", "Item", "clean", "loss", "word"]

#: An absolute http(s) address and nothing else.
HTTP = re.compile(r"^https?://\S+$", re.IGNORECASE)
# Read without a trace: they describe the document, not the article.
_IGNORED = frozenset({"standard", "$schema"})


def loss(kind: str, singular: str, plural: str | None = None) -> Dropped:
    """A kind of thing left out, named in the singular and the plural."""
    return Dropped(kind, singular, plural if plural is not None else singular)


def _property(name: str) -> Dropped:
    return Dropped("field", f"{name!r} property", f"{name!r} properties")


_NOT_AN_OBJECT = loss(
    "value", "array entry that is not an object", "array entries that are not objects"
)
_REFUSED_CREDIT = loss("value", "credit the model refuses", "credits the model refuses")


def clean(value: object) -> str | None:
    """A string as the model holds it, less what it refuses; ``None`` for blanks, non-strings."""
    if isinstance(value, str):
        try:
            return collapse(scrub(value)) or None
        except InvalidTextError:  # pragma: no cover - scrub removes what collapse refuses
            return None
    return None


def word(value: object) -> str | None:
    """A string cleaned and in lower case, as roles and content types are compared."""
    text = clean(value)
    return text.lower() if text is not None else None


def _scalar(value: object) -> str | None:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    return value if isinstance(value, str) and value.strip() else None


class Item:
    """One item being read: its properties by lower-case name, and what was made of them."""

    def __init__(self, item: dict[str, Any], *, tz: tzinfo, path: str) -> None:
        self.props = lowered(item, path)
        self.names = {key.lower(): key for key in item}
        self.tz = tz
        self.path = path
        self.used: set[str] = set(_IGNORED)
        self.extra: list[tuple[str, str]] = []
        self.lost: Counter[Dropped] = Counter()
        #: the item's uri, when an alternative id holds the guid.
        self.other_uri: str | None = None
        #: the embeds among the associations, with their places in the body.
        self.embeds: list[Placed] = []

    def get(self, name: str) -> Any:  # noqa: ANN401 - a JSON value
        if name in self.props:
            self.used.add(name)
            return self.props[name]
        return None

    def text(self, name: str) -> str | None:
        return clean(self.get(name))

    def dicts(self, name: str) -> list[dict[str, Any]]:
        """The objects of an array property (or of a 1.x object keyed by name), lower-cased."""
        value = self.get(name)
        if isinstance(value, dict):
            value = [{"name": key, **v} if isinstance(v, dict) else v for key, v in value.items()]
        if not isinstance(value, list):
            if value is not None:
                self.lost[loss("value", f"'{self.names[name]}' value that is not an array")] += 1
            return []
        out = []
        for i, entry in enumerate(value):
            if isinstance(entry, dict):
                out.append(lowered(entry, f"{self.path}.{self.names[name]}[{i}]"))
            else:
                self.lost[_NOT_AN_OBJECT] += 1
        return out

    def when(self, name: str) -> datetime | None:
        raw = self.get(name)
        if raw is None:
            return None
        parsed = parse_iso(raw) if isinstance(raw, str) else None
        if parsed is not None and parsed.tzinfo is None:
            parsed = parsed.replace(tzinfo=self.tz)
            # A wall time a clock change skips names no instant: the model refuses it.
            there_and_back = parsed.astimezone(timezone.utc).astimezone(self.tz)
            if there_and_back.replace(tzinfo=None) != parsed.replace(tzinfo=None):
                parsed = None
        if parsed is None:
            self.keep(name, raw)
        return parsed

    def keep(self, name: str, value: object) -> None:
        """Keep a scalar in ``extra``; count anything else as lost."""
        scalar = _scalar(value)
        if scalar is not None:
            self.extra.append((f"ninjs:{self.names.get(name, name)}", scalar))
        elif value is not None and value not in ([], {}):
            self.lost[_property(self.names.get(name, name))] += 1

    def party(self, entry: dict[str, Any], default: Role) -> Attribution | None:
        """An author or source object as an attribution; ``None`` when it names no one."""
        name = clean(entry.get("name"))
        if name is None:
            return None
        role_text = clean(entry.get("role"))
        role = role_of(role_text) if role_text else default
        url = clean(entry.get("uri"))
        for link in (url if url and HTTP.match(url) else None, None):
            try:
                return Attribution(name, role=role or default, url=link)
            except ValidationError:  # noqa: PERF203 - rare: a name or URL the model refuses
                continue
        self.lost[_REFUSED_CREDIT] += 1
        return None

    def rest(self) -> None:
        """Keep the scalars no field took; count the rest."""
        for name, value in self.props.items():
            if name not in self.used:
                self.keep(name, value)
