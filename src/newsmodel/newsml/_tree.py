"""Small readings of NewsML-G2 elements: names in any namespace or none, text, values."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from newsmodel._textrules import collapse, scrub
from newsmodel.errors import ParseError
from newsmodel.newsml._ns import NAR

if TYPE_CHECKING:
    from lxml import etree

__all__ = [
    "FORMAT",
    "NAMES",
    "NAR_OR_NONE",
    "children_named",
    "error",
    "first_child",
    "is_nar",
    "local_name",
    "split",
    "text_of",
    "value_of",
]

FORMAT = "newsml"

#: ``tag -> (namespace, local name)`` of the tags met so far: a document uses a few dozen, so
#: one dict lookup replaces parsing the Clark notation of every element. Bounded, since the
#: tags of untrusted input are not.
NAMES: dict[object, tuple[str, str]] = {}
_NAMES_MAX = 4096
NAR_OR_NONE = frozenset((NAR, ""))


def split(tag: object) -> tuple[str, str]:
    """The namespace and local name of a tag (``("", "")`` for comments and entities)."""
    known = NAMES.get(tag)
    if known is not None:
        return known
    if not isinstance(tag, str):
        value = ("", "")
    elif tag.startswith("{"):
        ns, _, local = tag[1:].partition("}")
        value = (ns, local)
    else:
        value = ("", tag)
    if len(NAMES) < _NAMES_MAX:
        NAMES[tag] = value
    return value


def local_name(el: etree._Element) -> str:
    return split(el.tag)[1]


def is_nar(el: etree._Element) -> bool:
    return split(el.tag)[0] in NAR_OR_NONE


# Text for which ``isprintable()`` holds has no control character or surrogate, so it needs
# no ``scrub()``: the check costs a third of the call, and most text passes it.
def text_of(el: etree._Element) -> str:
    """All the text of an element, scrubbed and collapsed."""
    if len(el) == 0:  # the common case: text only
        text = el.text or ""
        return collapse(text if text.isprintable() else scrub(text))
    return collapse(scrub("".join(el.itertext())))


def error(message: str, el: etree._Element | None = None) -> ParseError:
    line = el.sourceline if el is not None else None
    return ParseError(FORMAT, message, line=line)


@functools.cache
def _tags(name: str) -> frozenset[str]:
    """The tags of a NewsML-G2 element ``name``: in its namespace, or in none."""
    return frozenset((f"{{{NAR}}}{name}", name))


def children_named(el: etree._Element, name: str) -> list[etree._Element]:
    tags = _tags(name)
    return [c for c in el if c.tag in tags]


def first_child(el: etree._Element, name: str) -> etree._Element | None:
    tags = _tags(name)
    for c in el:
        if c.tag in tags:
            return c
    return None


def value_of(el: etree._Element) -> str:
    """The value of a simple property: its QCode, URI, literal or text."""
    for attr in ("qcode", "uri", "literal", "id", "href"):
        value = el.get(attr)
        if value:
            return collapse(scrub(value))
    return text_of(el)
