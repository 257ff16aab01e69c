"""What agencies put at the top of a body that is not the article's text.

dpa digitalwires bodies open with a ``<header>`` (the publication time, a slugline list, the
genre, the headline in an ``h1``, a byline) and may hold notepad sections (``section`` with
``np-`` classes: notes to editors, public or not). Many agencies open the text with a byline
paragraph ("By Jane Doe", "Von Anna Schmidt, dpa", "Автор: Иван Петров"). These are metadata:
read here into a :class:`BodyMeta`, which the item reader maps to the article's fields.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import attrs

from newsmodel._attribution import parse_attribution
from newsmodel._models import Attribution, Role
from newsmodel.errors import ValidationError
from newsmodel.newsml._tree import local_name, text_of

if TYPE_CHECKING:
    from lxml import etree

__all__ = [
    "BodyMeta",
    "by_attributions",
    "byline_attributions",
    "is_notepad",
    "read_header",
    "read_notepad",
]

_HEADINGS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6"))


@attrs.define
class BodyMeta:
    """Metadata found in a body: what its header, notepad and byline paragraph say."""

    headline: str | None = None
    #: The title of the body's ``head`` (NITF ``head/title``, XHTML ``head/title``).
    title: str | None = None
    lede: str | None = None
    times: list[str] = attrs.Factory(list)
    sluglines: list[str] = attrs.Factory(list)
    genres: list[str] = attrs.Factory(list)
    headings: list[str] = attrs.Factory(list)
    #: Each byline as written, with whom it names.
    bylines: list[tuple[str, list[Attribution]]] = attrs.Factory(list)
    #: Who NITF's ``byline`` names (the byline itself is kept as written).
    nitf_bylines: list[Attribution] = attrs.Factory(list)
    nitf_head_read: bool = False
    #: Byline text that names no one the model can hold.
    byline_text: list[str] = attrs.Factory(list)
    other: list[str] = attrs.Factory(list)
    notes: list[str] = attrs.Factory(list)
    private_notes: list[str] = attrs.Factory(list)


def _classes(el: etree._Element) -> set[str]:
    return set((el.get("class") or "").lower().split())


def read_header(el: etree._Element, meta: BodyMeta) -> None:  # noqa: C901, PLR0912 - one branch per part
    """Read a body's opening ``<header>`` into ``meta``; nothing of it is the article's text."""
    for child in el:
        if not isinstance(child.tag, str):
            continue
        name = local_name(child)
        classes = _classes(child)
        if name == "time":
            raw = (child.get("data-datetime") or child.get("datetime") or "").strip()
            if raw or text_of(child):
                meta.times.append(raw or text_of(child))
        elif "slugline" in classes:
            items = [text_of(li) for li in child if local_name(li) == "li"]
            text = " / ".join(t for t in items if t) or text_of(child)
            if text:
                meta.sluglines.append(text)
        elif "genre" in classes:
            text = text_of(child)
            if text:
                meta.genres.append(text)
        elif name in _HEADINGS:
            text = text_of(child)
            if name == "h1" and meta.headline is None:
                meta.headline = text or None
            elif text:
                meta.headings.append(text)
        elif classes & {"byline", "author", "authors"}:
            add_byline(text_of(child), meta, any_text=True)
        elif "teaser" in classes or "lede" in classes:
            meta.lede = meta.lede or text_of(child) or None
        elif name in ("header", "div", "hgroup"):
            read_header(child, meta)
        else:
            text = text_of(child)
            if text:
                meta.other.append(text)


def is_notepad(el: etree._Element) -> bool:
    """Whether a section is an agency notepad (``notepad`` or an ``np-`` class)."""
    return any(c == "notepad" or c.startswith("np-") for c in _classes(el))


def read_notepad(el: etree._Element, meta: BodyMeta) -> None:
    """Read a notepad section: its notes, public or not, each a line of text."""
    classes = _classes(el)
    private = any("nonpublic" in c or "internal" in c for c in classes)
    lines: list[str] = []
    for node in el:
        if not isinstance(node.tag, str):
            continue
        name = local_name(node)
        if name == "section" and is_notepad(node):
            read_notepad(node, meta)
        elif name in ("ul", "ol"):
            lines.extend(t for li in node if (t := text_of(li)))
        elif name not in _HEADINGS and name != "header":
            text = text_of(node)
            if text:
                lines.append(text)
    if lines:
        (meta.private_notes if private else meta.notes).append("\n".join(lines))


# A byline paragraph: a short line that starts with a byline word and names people.
_BY = re.compile(r"(?:by|von|par|por|av|door|di|da|от)\s+(?P<names>\S.*)", re.IGNORECASE)
_AND = re.compile(r"\s+(?:and|und|et|y|och|en|e|и)\s+|\s*&\s*|\s*;\s*", re.IGNORECASE)
#: The longest paragraph taken for a byline: a line of names, not a sentence.
_BYLINE_MAX = 120
_BYLINE_MAX_WORDS = 12
_NAME_MAX_WORDS = 5


#: Lower-case words that stand inside names: "Ludwig van Beethoven", "Ahmed bin Ali".
_PARTICLES = frozenset(
    ("van", "von", "der", "den", "de", "da", "di", "du", "la", "le", "bin", "al")
)


#: The longest last word a name may end with a full stop: an initial, "Jr.", "Sr.".
_ABBREVIATION_MAX = 3


def _is_name(text: str) -> bool:
    words = text.split()
    if not 0 < len(words) <= _NAME_MAX_WORDS:
        return False
    if text.endswith(".") and len(words[-1]) > _ABBREVIATION_MAX:
        return False  # a full stop ends an initial or "Jr.", not a name
    return words[0][0].isupper() and all(w[0].isupper() or w in _PARTICLES for w in words)


def byline_attributions(text: str) -> list[Attribution] | None:
    """The people a byline paragraph names, or ``None`` when it is not a byline.

    ``"By Jane Doe and John Roe"`` names two authors; ``"Von Anna Schmidt, dpa"`` names an
    author and the agency as the source; ``"Автор: Иван Петров"`` an author.
    """
    text = text.strip()
    if not text or len(text) > _BYLINE_MAX or len(text.split()) > _BYLINE_MAX_WORDS:
        return None
    found = parse_attribution(text)
    if found is not None and found.phrase in ("автор", "перевод"):
        return [found]
    match = _BY.fullmatch(text)
    if match is None or text.endswith(("!", "?", ":", ";")):
        return None
    people, _, rest = match["names"].partition(",")
    names = [n.strip() for n in _AND.split(people) if n.strip()]
    # Names, not a sentence: "By the way, ..." or "By Tuesday the road was open." name no one.
    if not names or not all(_is_name(n) for n in names):
        return None
    out: list[Attribution] = []
    try:
        out.extend(Attribution(n, role=Role.AUTHOR) for n in names)
        if rest.strip():
            out.append(Attribution(rest.strip(), role=Role.SOURCE))
    except ValidationError:
        return None
    return out or None


#: The parts of a bare list of names: "JANE DOE, JOHN ROE" or "Jane Doe and John Roe".
_NAME_LIST = re.compile(r"\s*,\s*|" + _AND.pattern, re.IGNORECASE)


def by_attributions(text: str) -> list[Attribution] | None:
    """The people a NewsML-G2 ``by`` statement names, or ``None`` when it names none plainly.

    ``by`` is the byline as written. ``"By Jane Doe"`` reads as a byline paragraph does; a bare
    list of names (``"JANE DOE, JOHN ROE"``, as agencies without a byline word send it) names
    each, when every part is a name of two words or more, so that an agency's name or a
    desk's initials alone are not taken for a person.
    """
    found = byline_attributions(text)
    if found is not None:
        return found
    text = text.strip().rstrip(",").strip()
    if not text or len(text) > _BYLINE_MAX or len(text.split()) > _BYLINE_MAX_WORDS:
        return None
    names = [n.strip() for n in _NAME_LIST.split(text) if n.strip()]
    if not names or not all(_is_name(n) and len(n.split()) > 1 for n in names):
        return None
    try:
        return [Attribution(n, role=Role.AUTHOR) for n in names]
    except ValidationError:
        return None


def add_byline(text: str, meta: BodyMeta, *, any_text: bool) -> bool:
    """Add a byline's attributions to ``meta``; whether ``text`` was a byline.

    With ``any_text`` (a paragraph marked as a byline) text that names no one is kept as it is.
    """
    found = byline_attributions(text)
    if found is not None:
        meta.bylines.append((text, found))
        return True
    if any_text and text:
        meta.byline_text.append(text)
        return True
    return False
