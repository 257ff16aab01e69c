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
import sys
from datetime import date, datetime
from functools import cache
from importlib import resources
from typing import IO, Any, TypeVar, get_args, get_origin, overload

import attrs
import cattrs
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from newsmodel._json_input import read_json
from newsmodel._jsonfast import SlowPath, to_dict
from newsmodel._jsonpath import JSON_KEYS, Problem, first_error
from newsmodel._jsonread import from_dict
from newsmodel._limits import MAX_BYTES
from newsmodel._models import (
    Article,
    Block,
    Embed,
    Emphasis,
    Figure,
    Inline,
    ItemList,
    LineBreak,
    Link,
    Paragraph,
    Quote,
    Strong,
    Subject,
    Table,
    extension_fields,
)
from newsmodel.dates import parse_iso
from newsmodel.errors import NewsmodelError, ParseError, WriteError

__all__ = ["DEFAULT_MAX_BYTES", "dump", "dumps", "load", "loads", "schema"]

_FORMAT = "json"
A = TypeVar("A", bound=Article)

#: The largest document :func:`loads` and :func:`load` read unless told otherwise: 16 MiB, the
#: limit of every format.
DEFAULT_MAX_BYTES = MAX_BYTES

_BLOCK_TAGS: dict[type, str] = {
    Paragraph: "paragraph",
    Quote: "quote",
    ItemList: "list",
    Figure: "figure",
    Table: "table",
    Embed: "embed",
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


_DATE_ONLY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _structure_when(value: object, _: type) -> datetime | date | None:
    """A date-time with its offset, or a date alone (``"2026-11-24"``), or ``null``."""
    if value is None:
        return None
    if not isinstance(value, str):
        msg = f"expected an ISO 8601 string, got {_json_type(type(value))}"
        raise _ShapeError(msg)
    if _DATE_ONLY.fullmatch(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            msg = f"not a date: {value!r}"
            raise _ShapeError(msg) from None
    return _structure_datetime(value, datetime)


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


def _at_index(exc: Exception, index: int, kind: Any) -> cattrs.IterableValidationError:  # noqa: ANN401
    """``exc`` as cattrs reports an error in the item ``index`` of a list: with its path."""
    note = cattrs.IterableValidationNote(f"Structuring {kind} @ index {index}", index, kind)
    # Set, not add_note(): Python 3.10 has no add_note, and cattrs reads __notes__.
    exc.__notes__ = [*getattr(exc, "__notes__", ()), note]  # type: ignore[attr-defined]
    return cattrs.IterableValidationError(f"While structuring {kind!r}", [exc], kind)


def _array(value: object) -> list[Any]:
    if not isinstance(value, list):
        msg = f"expected an array, got {_json_type(type(value))}"
        raise _ShapeError(msg)
    return value


def _sequence_hook(conv: cattrs.Converter, kind: Any) -> Any:  # noqa: ANN401 - a cattrs hook
    """Structure ``tuple[X, ...]`` from a JSON array only (a string is not a list of letters)."""
    (item_type, _) = get_args(kind)

    def structure(value: object, _: type) -> tuple[object, ...]:
        items = _array(value)
        out = []
        index = 0
        try:
            for index, item in enumerate(items):  # noqa: B007 - read in the handler
                out.append(conv.structure(item, item_type))
        except Exception as exc:  # noqa: BLE001 - reported with its path, as cattrs does
            raise _at_index(exc, index, kind) from None
        return tuple(out)

    return structure


def _is_sequence(kind: Any) -> bool:  # noqa: ANN401 - any type cattrs asks about
    args = get_args(kind)
    return get_origin(kind) is tuple and len(args) == 2 and args[1] is Ellipsis  # noqa: PLR2004


def _pairs_of(value: object) -> list[tuple[str, str]]:
    """``extra``: an array of ``[key, value]`` arrays of strings."""
    out = []
    for i, pair in enumerate(_array(value)):
        if not isinstance(pair, list) or len(pair) != 2:  # noqa: PLR2004
            msg = f"expected a [key, value] array, got {_json_type(type(pair))}"
            raise _at_index(_ShapeError(msg), i, "extra")
        for value_ in pair:
            if not isinstance(value_, str):
                msg = f"expected string, got {_json_type(type(value_))}"
                raise _at_index(_ShapeError(msg), i, "extra")
        out.append((pair[0], pair[1]))
    return out


def _names_of(value: object) -> list[tuple[str, str]]:
    """``names``: an object of names by language (``{"ru": "Политика"}``)."""
    if not isinstance(value, dict):
        msg = f"expected an object of names by language, got {_json_type(type(value))}"
        raise _ShapeError(msg)
    for lang, name in value.items():
        if not isinstance(name, str):
            msg = f"expected string, got {_json_type(type(name))}"
            raise _ShapeError(f"{msg} (at the name in {lang!r})")
    return list(value.items())


def _overrides(cls: type) -> dict[str, Any]:
    names = {a.name for a in attrs.fields(cls)}
    out = {name: override(rename=key) for name, key in JSON_KEYS.items() if name in names}
    if issubclass(cls, Article):
        out["extra"] = override(struct_hook=lambda v, _: _pairs_of(v), unstruct_hook=_list_pairs)
    if cls is Subject:
        out["names"] = override(struct_hook=lambda v, _: _names_of(v), unstruct_hook=dict)
    return out


def _list_pairs(pairs: tuple[tuple[str, str], ...]) -> list[list[str]]:
    return [list(pair) for pair in pairs]


def _object_hook(conv: cattrs.Converter, cls: type) -> Any:  # noqa: ANN401 - a cattrs hook
    """Structure an attrs class from a JSON object only, refusing keys it does not have."""
    build: Any = make_dict_structure_fn(
        cls, conv, _cattrs_forbid_extra_keys=True, **_overrides(cls)
    )

    def structure(value: object, _: type) -> object:
        if not isinstance(value, dict):
            msg = f"expected an object, got {_json_type(type(value))}"
            raise _ShapeError(msg)
        return build(value, cls)

    return structure


def _make_converter() -> cattrs.Converter:
    conv = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    for kind in (str, int, bool):
        conv.register_structure_hook(kind, _strict(kind))
    conv.register_structure_hook(datetime, _structure_datetime)
    conv.register_structure_hook_func(lambda t: t == (datetime | date | None), _structure_when)
    conv.register_unstructure_hook(datetime, datetime.isoformat)
    conv.register_unstructure_hook(date, date.isoformat)
    conv.register_structure_hook_factory(_is_sequence, lambda t: _sequence_hook(conv, t))

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
    # Every attrs class (a subclass of Article too) the same strict way.
    conv.register_structure_hook_factory(attrs.has, lambda cls: _object_hook(conv, cls))
    conv.register_unstructure_hook_factory(
        attrs.has, lambda cls: make_dict_unstructure_fn(cls, conv, **_overrides(cls))
    )
    return conv


# One converter per process, built on first use. A cattrs converter cannot be pickled, so it is
# never handed around: the module-level functions are what travels to worker processes.
@cache
def _converter() -> cattrs.Converter:
    return _make_converter()


def _to_dict(article: Article) -> dict[str, Any]:
    try:
        return to_dict(article)
    except SlowPath:  # a subclass of a model class: the converter knows its fields
        pass
    data: dict[str, Any] = _converter().unstructure(article, _article_class(type(article)))
    return data


def dumps(article: Article, /, *, indent: int | None = None) -> str:
    """Serialise an article to a JSON string.

    The fields a subclass of :class:`~newsmodel.Article` adds are written after the model's
    (read them back with ``loads(..., cls=TheSubclass)``).

    Args:
        article: the article.
        indent: pretty-print with this many spaces; compact when ``None``.

    Returns:
        The JSON text (non-ASCII characters are written as they are, not escaped).

    Raises:
        WriteError: a field a subclass adds holds a value JSON cannot carry.

    >>> from newsmodel import Article
    >>> dumps(Article(headline="Привет", slug="privet"))[:42]
    '{"headline": "Привет", "lede": null, "sect'
    """
    if not isinstance(article, Article):
        msg = f"expected Article, got {type(article).__name__}"
        raise TypeError(msg)
    try:
        return _json.dumps(_to_dict(article), ensure_ascii=False, indent=indent)
    except (TypeError, ValueError) as exc:  # a subclass's field of a type JSON has no form for
        fields = ", ".join(extension_fields(article))
        raise WriteError(_FORMAT, fields or "article", str(exc)) from None


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


@overload
def loads(data: str | bytes, /, *, max_bytes: int = ...) -> Article: ...
@overload
def loads(data: str | bytes, /, *, cls: type[A], max_bytes: int = ...) -> A: ...
def loads(
    data: str | bytes, /, *, cls: type[Article] = Article, max_bytes: int = DEFAULT_MAX_BYTES
) -> Article:
    """Read an article from JSON text.

    Args:
        data: the text, or UTF-8 bytes (a byte order mark is skipped).
        cls: the class to read: :class:`~newsmodel.Article`, or a subclass of it whose own
            fields the document holds (see :func:`dumps`).
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
        raise Problem(message, ()).error(data)
    if cls is Article:
        try:
            return from_dict(obj)
        except Exception:  # noqa: BLE001, S110 - the converter below finds and reports it
            pass
    kind = _article_class(cls)
    try:
        article: Article = _converter().structure(obj, kind)
    except (cattrs.BaseValidationError, NewsmodelError, ValueError, TypeError) as exc:
        raise first_error(exc).error(data) from None
    except RecursionError:
        raise ParseError(_FORMAT, "nested too deeply") from None
    return article


@overload
def load(fp: IO[bytes], /, *, max_bytes: int = ...) -> Article: ...
@overload
def load(fp: IO[bytes], /, *, cls: type[A], max_bytes: int = ...) -> A: ...
def load(
    fp: IO[bytes], /, *, cls: type[Article] = Article, max_bytes: int = DEFAULT_MAX_BYTES
) -> Article:
    """Read an article from a binary file of UTF-8 JSON; reads at most ``max_bytes + 1`` bytes.

    Raises:
        ParseError: as :func:`loads`; the file holds more than ``max_bytes``.

    >>> import io
    >>> load(io.BytesIO('{"headline": "Привет"}'.encode())).headline
    'Привет'
    """
    return loads(fp.read(max_bytes + 1), cls=cls, max_bytes=max_bytes)


def _article_class(cls: object) -> type[Article]:
    if not (isinstance(cls, type) and issubclass(cls, Article)):
        msg = f"cls must be Article or a subclass of it, got {cls!r}"
        raise TypeError(msg)
    if cls is not Article and getattr(cls, "__attrs_types_resolved__", None) is not cls:
        # Article's annotations name the model's types, the subclass's its own module's: both.
        names = {**vars(sys.modules[Article.__init__.__module__])}
        names.update(vars(sys.modules[cls.__module__]))
        attrs.resolve_types(cls, globalns=names)
    return cls


@cache
def _schema_text() -> str:
    return resources.files("newsmodel").joinpath("article.schema.json").read_text("utf-8")


def schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the JSON this module writes for an Article.

    Each call returns a new dictionary: changing it changes nothing for later calls.

    >>> schema()["title"]
    'newsmodel Article'
    """
    result: dict[str, Any] = _json.loads(_schema_text())
    return result
