"""Read and write articles as JSON.

The shape is stable and documented (see the JSON page of the documentation, and the JSON Schema
that ships in the package, :func:`newsmodel.json.schema`): every field of
:class:`~newsmodel.Article` is always present, ``null`` or ``[]`` when empty; datetimes are
ISO 8601 strings with their offset; enums are written by value; blocks and inline markup are
objects with a ``"type"``; plain text runs are strings. Unknown keys and wrong types are refused
with a :class:`~newsmodel.ParseError` that gives the JSON path and the line and column.

Input over ``max_bytes`` (:data:`DEFAULT_MAX_BYTES`, 16 MiB, by default; characters for
``str``) is refused with a :class:`~newsmodel.ParseError` before it is parsed, and
:func:`load` reads at most ``max_bytes + 1`` bytes from its file.

>>> from newsmodel import Article, Section, json
>>> article = Article(headline="Заголовок", sections=[Section(blocks=["Абзац."])])
>>> text = json.dumps(article)
>>> json.loads(text) == article
True
"""

from __future__ import annotations

import json as _json
import re
from datetime import datetime
from functools import cache
from importlib import resources
from typing import IO, TYPE_CHECKING, Any, NamedTuple

import cattrs
from cattrs.gen import make_dict_structure_fn

from newsmodel._json_input import read_json
from newsmodel._limits import MAX_BYTES
from newsmodel._models import (
    Article,
    Attribution,
    Block,
    Emphasis,
    Figure,
    Inline,
    ItemList,
    LineBreak,
    Link,
    Paragraph,
    Quote,
    Section,
    Strong,
    Subject,
)
from newsmodel.dates import parse_iso
from newsmodel.errors import NewsmodelError, ParseError, ValidationError

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = ["DEFAULT_MAX_BYTES", "dump", "dumps", "load", "loads", "schema"]

_FORMAT = "json"

#: The largest document :func:`loads` and :func:`load` read unless told otherwise: 16 MiB, the
#: limit of every format.
DEFAULT_MAX_BYTES = MAX_BYTES

_BLOCK_TAGS: dict[type, str] = {
    Paragraph: "paragraph",
    Quote: "quote",
    ItemList: "list",
    Figure: "figure",
}
_INLINE_TAGS: dict[type, str] = {
    Link: "link",
    Emphasis: "emphasis",
    Strong: "strong",
    LineBreak: "break",
}
_BY_TAG: dict[str, type] = {
    **{v: k for k, v in _BLOCK_TAGS.items()},
    **{v: k for k, v in _INLINE_TAGS.items()},
}


class _ShapeError(ValueError):
    """A JSON value has the wrong shape; raised inside hooks, reported with its path."""


def _strict(kind: type) -> Any:  # noqa: ANN401 - a cattrs hook
    def structure(value: object, _: type) -> object:
        # bool is an int in Python but not in JSON: refuse it where a number is expected.
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            msg = f"expected {_json_type(kind)}, got {_json_type(type(value))}"
            raise _ShapeError(msg)
        return value

    return structure


def _json_type(kind: type) -> str:
    names = {
        str: "string",
        int: "integer",
        bool: "boolean",
        float: "number",
        list: "array",
        dict: "object",
        type(None): "null",
    }
    return names.get(kind, kind.__name__)


def _structure_datetime(value: object, _: type) -> datetime:
    if not isinstance(value, str):
        msg = f"expected an ISO 8601 string, got {_json_type(type(value))}"
        raise _ShapeError(msg)
    parsed = parse_iso(value)
    if parsed is None:
        msg = f"not an ISO 8601 date-time: {value!r}"
        raise _ShapeError(msg)
    return parsed


def _tagged(value: object, tags: dict[type, str], what: str) -> tuple[type, dict[str, Any]]:
    if not isinstance(value, dict):
        msg = f"expected {what} object, got {_json_type(type(value))}"
        raise _ShapeError(msg)
    fields = dict(value)
    tag = fields.pop("type", None)
    cls = _BY_TAG.get(tag) if isinstance(tag, str) else None
    if cls is None or cls not in tags:
        allowed = ", ".join(repr(t) for t in tags.values())
        msg = f'{what} object needs a "type" of {allowed}, got {tag!r}'
        raise _ShapeError(msg)
    return cls, fields


def _make_converter() -> cattrs.Converter:
    conv = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    for kind in (str, int, bool):
        conv.register_structure_hook(kind, _strict(kind))
    conv.register_structure_hook(datetime, _structure_datetime)
    conv.register_unstructure_hook(datetime, datetime.isoformat)

    def structure_inline(value: object, _: type) -> Inline:
        if isinstance(value, str):
            return value
        cls, fields = _tagged(value, _INLINE_TAGS, "an inline")
        result: Inline = conv.structure(fields, cls)
        return result

    def unstructure_inline(value: Inline) -> object:
        if isinstance(value, str):
            return value
        return {"type": _INLINE_TAGS[type(value)], **conv.unstructure(value, type(value))}

    def structure_block(value: object, _: type) -> Block:
        cls, fields = _tagged(value, _BLOCK_TAGS, "a block")
        result: Block = conv.structure(fields, cls)
        return result

    def unstructure_block(value: Block) -> object:
        return {"type": _BLOCK_TAGS[type(value)], **conv.unstructure(value, type(value))}

    conv.register_structure_hook(Inline, structure_inline)
    conv.register_unstructure_hook(Inline, unstructure_inline)
    conv.register_structure_hook(Block, structure_block)
    conv.register_unstructure_hook(Block, unstructure_block)
    conv.register_structure_hook(LineBreak, lambda _value, _type: LineBreak())
    # A figure's credit is an Attribution; structure every attrs class the same strict way.
    for cls in (
        Article,
        Section,
        Attribution,
        Subject,
        Figure,
        Quote,
        ItemList,
        Paragraph,
        Link,
        Emphasis,
        Strong,
    ):
        conv.register_structure_hook(
            cls, make_dict_structure_fn(cls, conv, _cattrs_forbid_extra_keys=True)
        )
    return conv


# One converter per process, built on first use. A cattrs converter cannot be pickled, so it is
# never handed around: the module-level functions are what travels to worker processes.
@cache
def _converter() -> cattrs.Converter:
    return _make_converter()


def _to_dict(article: Article) -> dict[str, Any]:
    data: dict[str, Any] = _converter().unstructure(article, Article)
    data["extra"] = [list(pair) for pair in article.extra]
    return data


def dumps(article: Article, /, *, indent: int | None = None) -> str:
    """Serialise an article to a JSON string.

    Args:
        article: the article.
        indent: pretty-print with this many spaces; compact when ``None``.

    Returns:
        The JSON text (non-ASCII characters are written as they are, not escaped).

    >>> from newsmodel import Article
    >>> dumps(Article(headline="Привет", slug="privet"))[:42]
    '{"headline": "Привет", "lede": null, "sect'
    """
    if not isinstance(article, Article):
        msg = f"expected Article, got {type(article).__name__}"
        raise TypeError(msg)
    return _json.dumps(_to_dict(article), ensure_ascii=False, indent=indent)


def dump(article: Article, fp: IO[bytes], /, *, indent: int | None = None) -> None:
    """Write an article as UTF-8 JSON to a binary file.

    >>> import io
    >>> from newsmodel import Article
    >>> buf = io.BytesIO()
    >>> dump(Article(headline="Привет"), buf)
    >>> buf.getvalue()[:14].decode()
    '{"headline": "'
    """
    fp.write(dumps(article, indent=indent).encode("utf-8"))


def loads(data: str | bytes, /, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    """Read an article from JSON text.

    Args:
        data: the text, or UTF-8 bytes (a byte order mark is skipped).
        max_bytes: refuse larger input: bytes, or characters for ``str``.

    Raises:
        ParseError: the text is not JSON, or not the shape of an article. ``line`` and
            ``column`` (1-based, counting characters) say where the JSON is broken or where the
            offending value starts: the value of a wrong key, the item of a list, the first
            unknown key of an object, the object that lacks a required key. For shape errors,
            ``path`` says where too (``$.sections[0].blocks[2]``). Or the input is over
            ``max_bytes``.

    >>> loads('{"headline": "Привет"}').headline
    'Привет'
    >>> loads('{"headline": 1}')
    Traceback (most recent call last):
    ...
    newsmodel.ParseError: json: expected string, got integer (at $.headline, line 1, column 14)
    >>> loads('{"headline": "Привет"}'.encode(), max_bytes=16)
    Traceback (most recent call last):
    ...
    newsmodel.ParseError: json: document of 28 bytes is over the limit of max_bytes=16
    """
    data, obj = read_json(_FORMAT, data, max_bytes)
    if not isinstance(obj, dict):
        message = f"expected an object, got {_json_type(type(obj))}"
        raise _Problem(message, ()).error(data)
    obj.setdefault("extra", [])
    try:
        article: Article = _converter().structure(obj, Article)
    except (cattrs.BaseValidationError, NewsmodelError, ValueError, TypeError) as exc:
        raise _first_error(exc).error(data) from None
    except RecursionError:
        raise ParseError(_FORMAT, "nested too deeply") from None
    return article


def load(fp: IO[bytes], /, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    """Read an article from a binary file of UTF-8 JSON; reads at most ``max_bytes + 1`` bytes.

    Raises:
        ParseError: as :func:`loads`; the file holds more than ``max_bytes``.

    >>> import io
    >>> load(io.BytesIO('{"headline": "Привет"}'.encode())).headline
    'Привет'
    """
    return loads(fp.read(max_bytes + 1), max_bytes=max_bytes)


_Steps = tuple[str | int, ...]


class _Problem(NamedTuple):
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


def _first_error(exc: BaseException, steps: _Steps = ()) -> _Problem:
    """The innermost error of a cattrs exception group, with the JSON path to it."""
    if isinstance(exc, cattrs.BaseValidationError):
        for sub in exc.exceptions:
            step: str | int | None = None
            for note in getattr(sub, "__notes__", ()):
                if isinstance(note, cattrs.AttributeValidationNote):
                    step = note.name
                elif isinstance(note, cattrs.IterableValidationNote):
                    step = note.index
            return _first_error(sub, steps if step is None else (*steps, step))
    if isinstance(exc, cattrs.ForbiddenExtraKeysError):
        keys = ", ".join(sorted(exc.extra_fields))
        return _Problem(f"unknown key(s): {keys}", steps, unknown=frozenset(exc.extra_fields))
    if isinstance(exc, KeyError):
        return _Problem(f"missing required key {exc.args[0]!r}", steps, missing=True)
    if isinstance(exc, ValidationError):
        field: _Steps = tuple(
            int(index) if index else name for name, index in _FIELD_STEP.findall(exc.field)
        )
        if not field or steps[-len(field) :] != field:
            steps = (*steps, *field)
        return _Problem(exc.reason, steps)
    return _Problem(_message(exc), steps)


def _message(exc: BaseException) -> str:
    # Inline content nested deeper than Python recurses fails inside cattrs, in the group.
    return "nested too deeply" if isinstance(exc, RecursionError) else str(exc)


_FIELD_STEP = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


_DECODER = _json.JSONDecoder()
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


@cache
def schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the JSON this module writes.

    >>> schema()["title"]
    'newsmodel Article'
    """
    text = resources.files("newsmodel").joinpath("article.schema.json").read_text("utf-8")
    result: dict[str, Any] = _json.loads(text)
    return result
