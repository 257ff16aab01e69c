"""A ninjs document: parsed within the limits, and the items it holds.

One item, an array of items, or an API response that wraps them (``{"item": [...]}``,
``{"_items": [...]}``, AP's ``{"data": {"items": [{"item": ...}]}}``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from newsmodel._json_input import read_json
from newsmodel.errors import ParseError
from newsmodel.ninjs._common import FORMAT

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = ["MAX_DEPTH", "items", "lowered", "parse"]

#: The deepest nesting of arrays and objects read; real items nest less than ten levels.
MAX_DEPTH = 64
#: How many envelopes (``{"data": {"items": [{"item": ...}]}}``) may wrap the items.
_MAX_ENVELOPES = 4

_ITEM_KEYS = frozenset(
    {"uri", "guid", "headline", "headlines", "bodies", "body_html", "body_text", "body_xhtml"}
)
_ENVELOPE_KEYS = ("item", "items", "_items", "data", "results")


def _check_depth(value: object) -> None:
    stack: list[tuple[object, int]] = [(value, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise ParseError(FORMAT, f"arrays and objects are nested more than {MAX_DEPTH} deep")
        children = (
            node.values() if isinstance(node, dict) else node if isinstance(node, list) else ()
        )
        stack.extend((c, depth + 1) for c in children if isinstance(c, (dict, list)))


def parse(data: str | bytes, *, max_bytes: int) -> object:
    """The JSON value of a document, held to the size and depth limits."""
    _, value = read_json(FORMAT, data, max_bytes)
    if isinstance(value, (dict, list)):
        _check_depth(value)
    return value


def lowered(obj: dict[str, Any], path: str) -> dict[str, Any]:
    out = {key.lower(): value for key, value in obj.items()}
    if len(out) != len(obj):
        seen: set[str] = set()
        for key in obj:
            if key.lower() in seen:
                msg = f"the key {key!r} repeats another in a different case"
                raise ParseError(FORMAT, msg, path=path)
            seen.add(key.lower())
    return out


def _is_item(obj: dict[str, Any]) -> bool:
    return any(key.lower() in _ITEM_KEYS for key in obj)


def items(value: object, path: str = "$", level: int = 0) -> Iterator[tuple[str, dict[str, Any]]]:
    """The items of a document, with their paths: one item, a list, or API envelopes of items.

    >>> [p for p, _ in items({"data": {"items": [{"item": {"uri": "urn:x:1"}}]}})]
    ['$.data.items[0].item']
    """
    if isinstance(value, list) and level <= _MAX_ENVELOPES:
        for i, child in enumerate(value):
            yield from items(child, f"{path}[{i}]", level + 1)
    elif isinstance(value, dict):
        if _is_item(value):
            yield path, value
        elif level <= _MAX_ENVELOPES:
            for key in _ENVELOPE_KEYS:
                if key in value:
                    yield from items(value[key], f"{path}.{key}", level + 1)
