"""Where a JSON document breaks the shape of an article: its JSON path, line and column.

:mod:`newsmodel.json` reads the document with cattrs; when that fails, :func:`first_error` finds
the innermost error and the path to it, and :meth:`Problem.error` finds the place in the text.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, NamedTuple

import cattrs

from newsmodel.errors import ParseError, ValidationError

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = ["JSON_KEYS", "Problem", "first_error"]

#: The model's attributes that JSON names otherwise: what was given, under the argument's name.
JSON_KEYS = {"given_slug": "slug", "given_provider": "provider"}

_FORMAT = "json"

_Steps = tuple[str | int, ...]


class Problem(NamedTuple):
    """What is wrong with a JSON value, and where."""

    message: str
    #: the JSON path to the offending value, as keys and indexes.
    steps: _Steps
    #: the keys the object at ``steps`` should not have.
    unknown: frozenset[str] = frozenset()
    #: the last step is a key the object lacks.
    missing: bool = False

    @property
    def path(self) -> str:
        return "$" + "".join(f"[{s}]" if isinstance(s, int) else f".{s}" for s in self.steps)

    def error(self, text: str) -> ParseError:
        """The ParseError, with the line and column of the offending place in ``text``.

        Only called once the text has been read as JSON and found to have the wrong shape,
        so looking for the place costs nothing on the way to a good article.
        """
        try:
            if self.missing:  # the object that lacks the key
                at = _position(text, self.steps[:-1])
            else:  # the value, or the first unknown key
                at = _position(text, self.steps, self.unknown)
        except (ValueError, IndexError, RecursionError):  # pragma: no cover - valid JSON
            at = -1
        if at < 0:
            return ParseError(_FORMAT, self.message, path=self.path)
        line = text.count("\n", 0, at) + 1
        column = at - text.rfind("\n", 0, at)
        return ParseError(_FORMAT, self.message, line=line, column=column, path=self.path)


def first_error(exc: BaseException, steps: _Steps = ()) -> Problem:
    """The innermost error of a cattrs exception group, with the JSON path to it."""
    if isinstance(exc, cattrs.BaseValidationError):
        for sub in exc.exceptions:
            step: str | int | None = None
            for note in getattr(sub, "__notes__", ()):
                if isinstance(note, cattrs.AttributeValidationNote):
                    step = JSON_KEYS.get(note.name, note.name)
                elif isinstance(note, cattrs.IterableValidationNote):
                    step = note.index
            return first_error(sub, steps if step is None else (*steps, step))
    if isinstance(exc, cattrs.ForbiddenExtraKeysError):
        keys = ", ".join(sorted(exc.extra_fields))
        return Problem(f"unknown key(s): {keys}", steps, unknown=frozenset(exc.extra_fields))
    if isinstance(exc, KeyError):
        return Problem(f"missing required key {exc.args[0]!r}", steps, missing=True)
    if isinstance(exc, ValidationError):
        field: _Steps = tuple(
            int(index) if index else name for name, index in _FIELD_STEP.findall(exc.field)
        )
        if not field or steps[-len(field) :] != field:
            steps = (*steps, *field)
        return Problem(exc.reason, steps)
    return Problem(_message(exc), steps)


def _message(exc: BaseException) -> str:
    # Inline content nested deeper than Python recurses fails inside cattrs, in the group.
    return "nested too deeply" if isinstance(exc, RecursionError) else str(exc)


_FIELD_STEP = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


_DECODER = json.JSONDecoder()
_SPACE = re.compile(r"[ \t\n\r]*")


def _position(text: str, steps: _Steps, keys: frozenset[str] = frozenset()) -> int:
    """Where the value at ``steps`` starts in valid JSON text; -1 when it is not there.

    With ``keys``, where the first of them starts as a key of the object at ``steps``.
    """
    at = _skip(text, 0)
    for step in steps:
        found = -1
        for key, _, value in _members(text, at, want_object=isinstance(step, str)):
            if key == step:
                found = value  # not break: of repeated keys, the last one counts
                if isinstance(step, int):
                    break
        if found < 0:
            return -1
        at = found
    if keys:
        members = _members(text, at, want_object=True)
        return next((where for key, where, _ in members if key in keys), -1)
    return at


def _members(text: str, at: int, *, want_object: bool) -> Iterator[tuple[str | int, int, int]]:
    """The members of the object (or the items of the array) at ``at`` in valid JSON text.

    Yields each one's key (or index), where it starts and where its value starts; nothing if
    ``at`` holds something else.
    """
    opening, closing = ("{", "}") if want_object else ("[", "]")
    if text[at] != opening:
        return
    at = _skip(text, at + 1)
    index = 0
    while text[at] != closing:
        start = at
        key: str | int = index
        if want_object:
            key, at = _DECODER.raw_decode(text, at)
            at = _skip(text, _skip(text, at) + 1)  # past the colon
        yield key, start, at
        _, at = _DECODER.raw_decode(text, at)
        at = _skip(text, at)
        if text[at] == ",":
            at = _skip(text, at + 1)
        index += 1


def _skip(text: str, at: int) -> int:
    match = _SPACE.match(text, at)
    return match.end() if match else at
