"""Read and write articles as JSON.

The shape is stable and documented (see the JSON page of the documentation, and the JSON Schema
that ships in the package, :func:`newsmodel.json.schema`): every field of
:class:`~newsmodel.Article` is always present, ``null`` or ``[]`` when empty; datetimes are
ISO 8601 strings with their offset; enums are written by value; blocks and inline markup are
objects with a ``"type"``; plain text runs are strings. Unknown keys and wrong types are refused
with a :class:`~newsmodel.ParseError` that gives the JSON path.

>>> from newsmodel import Article, Section, json
>>> article = Article(headline="Заголовок", sections=[Section(blocks=["Абзац."])])
>>> text = json.dumps(article)
>>> json.loads(text) == article
True
"""

from __future__ import annotations

import json as _json
from datetime import datetime
from functools import cache
from importlib import resources
from typing import IO, Any

import cattrs
from cattrs.gen import make_dict_structure_fn

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

__all__ = ["dump", "dumps", "load", "loads", "schema"]

_FORMAT = "json"

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
    names = {str: "string", int: "integer", bool: "boolean", float: "number", list: "array",
             dict: "object", type(None): "null"}
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
    for cls in (Article, Section, Attribution, Subject, Figure, Quote, ItemList, Paragraph,
                Link, Emphasis, Strong):
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


def loads(data: str | bytes, /) -> Article:
    """Read an article from JSON text.

    Raises:
        ParseError: the text is not JSON (an object repeating a key, or a number longer than
            Python reads, counts as not JSON), or not the shape of an article; ``path`` says
            where (``$.sections[0].blocks[2].type``), ``line`` and ``column`` where the JSON is
            broken.

    >>> loads('{"headline": "Привет"}').headline
    'Привет'
    >>> loads('{"headline": 1}')
    Traceback (most recent call last):
    ...
    newsmodel.ParseError: json: expected string, got integer (at $.headline)
    """
    obj = _parse(data)
    if not isinstance(obj, dict):
        raise ParseError(_FORMAT, f"expected an object, got {_json_type(type(obj))}", path="$")
    obj.setdefault("extra", [])
    try:
        article: Article = _converter().structure(obj, Article)
    except (cattrs.BaseValidationError, NewsmodelError, ValueError, TypeError) as exc:
        message, path = _first_error(exc)
        raise ParseError(_FORMAT, message, path=path) from None
    except RecursionError:
        raise ParseError(_FORMAT, "nested too deeply") from None
    return article


def _parse(data: object) -> object:
    """The JSON value of ``data``, any fault turned into a ParseError."""
    if isinstance(data, (bytes, bytearray, memoryview)):
        try:
            data = bytes(data).decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            msg = f"not UTF-8: {exc.reason} at byte {exc.start}"
            raise ParseError(_FORMAT, msg) from None
    elif not isinstance(data, str):
        msg = f"expected str or bytes, got {type(data).__name__}"
        raise TypeError(msg)
    try:
        obj = _json.loads(data, object_pairs_hook=_unique_keys)
    except _json.JSONDecodeError as exc:
        raise ParseError(_FORMAT, exc.msg, line=exc.lineno, column=exc.colno) from None
    except _DuplicateKeyError as exc:
        raise ParseError(_FORMAT, f"duplicate key {exc.args[0]!r}") from None
    except ValueError as exc:
        # An integer longer than sys.get_int_max_str_digits() (4300 digits by default).
        raise ParseError(_FORMAT, f"number too long: {exc}") from None
    except RecursionError:
        raise ParseError(_FORMAT, "nested too deeply") from None
    return obj


class _DuplicateKeyError(ValueError):
    """An object repeats a key: JSON parsers disagree on which value wins, so it is refused."""


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    obj = dict(pairs)
    if len(obj) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _DuplicateKeyError(key)
            seen.add(key)
    return obj


def load(fp: IO[bytes], /) -> Article:
    """Read an article from a binary file of UTF-8 JSON.

    >>> import io
    >>> load(io.BytesIO('{"headline": "Привет"}'.encode())).headline
    'Привет'
    """
    return loads(fp.read())


def _first_error(exc: BaseException, path: str = "$") -> tuple[str, str]:
    """The innermost error of a cattrs exception group, with the JSON path to it."""
    if isinstance(exc, cattrs.BaseValidationError):
        for sub in exc.exceptions:
            step = ""
            for note in getattr(sub, "__notes__", ()):
                if isinstance(note, cattrs.AttributeValidationNote):
                    step = f".{note.name}"
                elif isinstance(note, cattrs.IterableValidationNote):
                    step = f"[{note.index}]"
            return _first_error(sub, path + step)
    if isinstance(exc, RecursionError):
        return "nested too deeply", path
    if isinstance(exc, cattrs.ForbiddenExtraKeysError):
        keys = ", ".join(sorted(exc.extra_fields))
        return f"unknown key(s): {keys}", path
    if isinstance(exc, KeyError):
        return f"missing required key {exc.args[0]!r}", path
    if isinstance(exc, ValidationError):
        return exc.reason, f"{path}.{exc.field}" if not path.endswith(exc.field) else path
    return str(exc), path


@cache
def schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the JSON this module writes.

    >>> schema()["title"]
    'newsmodel Article'
    """
    text = resources.files("newsmodel").joinpath("article.schema.json").read_text("utf-8")
    result: dict[str, Any] = _json.loads(text)
    return result
