"""JSON text read the way every JSON-based reader reads it: checked, decoded, strict.

The size limit is checked before anything else; bytes must be UTF-8 (a byte order mark is
skipped); an object that repeats a key is refused, because JSON readers disagree on which
value wins; nesting deeper than Python recurses is refused. Every refusal is a
:class:`~newsmodel.ParseError`, with the line and column where the JSON is broken.
"""

from __future__ import annotations

import json
from typing import Any

from newsmodel._limits import check_size, utf8_text
from newsmodel.errors import ParseError

__all__ = ["read_json"]


class _RepeatedKeyError(ValueError):
    """An object repeats a key; JSON readers disagree on which value wins, so none does."""


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                msg = f"duplicate key {key!r} (readers disagree on which value wins)"
                raise _RepeatedKeyError(msg)
            seen.add(key)
    return result


# Made once: json.loads() with a hook builds a new decoder on every call. The standard library
# shares its own default decoder the same way; a decode keeps no state between calls.
_DECODER = json.JSONDecoder(object_pairs_hook=_unique_keys)


def read_json(fmt: str, data: str | bytes, max_bytes: int) -> tuple[str, object]:
    """The text of a JSON document and the value it holds.

    Raises:
        ParseError: of format ``fmt``: over ``max_bytes``, not UTF-8, not JSON, a repeated key,
            nested too deeply.

    >>> read_json("json", b'{"a": [1]}', 100)
    ('{"a": [1]}', {'a': [1]})
    >>> read_json("json", '{"a": 1, "a": 2}', 100)
    Traceback (most recent call last):
    ...
    newsmodel.ParseError: json: duplicate key 'a' (readers disagree on which value wins)
    """
    check_size(fmt, data, max_bytes)
    text = utf8_text(fmt, data)
    try:
        value = _DECODER.decode(text)
    except _RepeatedKeyError as exc:
        raise ParseError(fmt, str(exc)) from None
    except json.JSONDecodeError as exc:
        raise ParseError(fmt, exc.msg, line=exc.lineno, column=exc.colno) from None
    except RecursionError:
        raise ParseError(fmt, "nested too deeply") from None
    except ValueError as exc:  # e.g. an integer longer than Python converts (4300 digits)
        raise ParseError(fmt, str(exc)) from None
    return text, value
