"""Read the newsroom's metadata of a NewsML-G2 item into the model's fields.

Urgency, embargo, publication status, editorial notes and corrections, genres and rights: each
element is read into ``Collector.fields`` under the model's name; a value the model refuses is
kept in ``extra`` with a warning.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsmodel._models import Genre, PubStatus, Rights
from newsmodel._textrules import collapse, scrub
from newsmodel.errors import ValidationError
from newsmodel.newsml._collect import name_of
from newsmodel.newsml._tree import children_named, local_name, text_of, value_of

if TYPE_CHECKING:
    from lxml import etree

    from newsmodel.newsml._collect import Collector

__all__ = [
    "CORRECTION_ROLES",
    "is_private_note",
    "read_genre",
    "read_pub_status",
    "read_rights",
    "read_urgency",
    "status_qcode",
]

#: edNote roles that carry a correction or update note (dpa's ``dpaednoterole:correction``).
CORRECTION_ROLES = frozenset(("correction", "correctionshort", "update", "corrections"))

#: edNote roles of a note kept inside the newsroom (STT's ``sttnote:private`` beside
#: ``sttnote:public``): the role's code, after its scheme, says the note is not for publication.
_PRIVATE_ROLES = frozenset(("private", "internal", "nonpublic", "non-public", "notforpub"))


def is_private_note(el: etree._Element) -> bool:
    """Whether an ``edNote``'s role marks it as a note not for publication.

    The standard way is a publication constraint (``pubconstraint``); agencies also give the
    note a role whose code says so, and such a note is as internal.
    """
    return (el.get("role") or "").rpartition(":")[2].strip().lower() in _PRIVATE_ROLES


_STATUS = {"usable": PubStatus.USABLE, "withheld": PubStatus.WITHHELD}
_STATUS["canceled"] = _STATUS["cancelled"] = PubStatus.CANCELED


def status_qcode(status: PubStatus) -> str:
    """The ``stat:`` QCode of a publication status."""
    return f"stat:{status.value}"


def read_urgency(item: Collector, el: etree._Element) -> None:
    """``urgency``: 1 (most urgent) to 9; anything else is kept in extra, with a warning."""
    text = text_of(el)
    if not text:
        return
    if text.isdigit() and 1 <= int(text) <= 9:  # noqa: PLR2004 - IPTC's range
        item.fields.setdefault("urgency", int(text))
        return
    item.note(f"urgency: {text!r} is not 1-9; kept in extra", "value", "urgency")
    item.keep("newsml:urgency", text)


def read_pub_status(item: Collector, el: etree._Element) -> None:
    code = value_of(el)
    status = _STATUS.get(code.rpartition(":")[2].lower()) if code else None
    if status is not None:
        item.fields["pub_status"] = status
    elif code:
        item.note(f"pubStatus: {code!r} is not a known status; kept in extra", "value", "pubStatus")
        item.keep("newsml:pubStatus", code)


def read_genre(item: Collector, el: etree._Element, lang: str | None) -> None:
    """``genre``: its QCode (or a literal written as one) and its name."""
    code = collapse(scrub(el.get("qcode") or el.get("literal") or ""))
    name = (name_of(el, lang) or None) if children_named(el, "name") else None
    try:
        genre = Genre(code, name)
    except ValidationError:
        item.keep("newsml:genre", code or el.get("uri") or name)
        return
    item.fields.setdefault("genres", []).append(genre)


def read_rights(item: Collector, el: etree._Element) -> None:
    """``rightsInfo``: the first holder, notice and usage terms; others are kept in extra."""
    parts: dict[str, str] = {}
    for child in el:
        name = local_name(child)
        if name == "copyrightHolder":
            text, field = name_of(child) or value_of(child), "holder"
        elif name == "copyrightNotice":
            text, field = text_of(child), "notice"
        elif name == "usageTerms":
            text, field = text_of(child), "usage_terms"
        else:
            item.lose(f"rightsInfo/<{name}>")
            continue
        if text and field not in parts and "rights" not in item.fields:
            parts[field] = text
        else:
            item.keep(f"newsml:{name}", text)
    if parts:
        item.fields["rights"] = Rights(**parts)
