"""Read and write articles as ninjs, IPTC's News in JSON.

:func:`dumps` writes a ninjs 3.1 item by default, or 2.2 (``version="2.2"``); both are valid
against IPTC's JSON Schema of their version, which ships in the package (:func:`schema`,
:func:`validate`). :func:`loads` reads 3.x, 2.x and the 1.x shapes agencies and newsroom
systems still send (IPTC's 1.x examples; Superdesk's ``body_html``, ``authors`` and
``associations``), and :func:`iter_articles` the items of an API response that wraps them
(``{"item": [...]}``, ``{"_items": [...]}``, ``{"data": {"items": [{"item": ...}]}}``). The body
is HTML, read and written as the HTML format reads and writes a page's article body.

>>> from newsmodel import Article, Section, ninjs
>>> article = Article(headline="Заголовок", sections=[Section(blocks=["Абзац."])])
>>> text = ninjs.dumps(article)
>>> ninjs.loads(text) == article
True
"""

from __future__ import annotations

import json
from datetime import timezone, tzinfo
from typing import IO, TYPE_CHECKING, Any, Literal

from newsmodel._limits import MAX_BYTES
from newsmodel._models import Article
from newsmodel._warnings import counted, lossy
from newsmodel._zones import tzinfo as _zone
from newsmodel.errors import ParseError
from newsmodel.newsml import SchemaProblem
from newsmodel.ninjs._common import FORMAT, VERSIONS
from newsmodel.ninjs._document import MAX_DEPTH, items, parse
from newsmodel.ninjs._reader import read_item
from newsmodel.ninjs._schema import SCHEMA_VERSIONS, schema_problems, version_of
from newsmodel.ninjs._schema import schema as _schema
from newsmodel.ninjs._writer import build

if TYPE_CHECKING:
    from collections import Counter
    from collections.abc import Iterator

    from newsmodel.html._extract import Dropped

__all__ = [
    "DEFAULT_MAX_BYTES",
    "MAX_DEPTH",
    "NO_SCHEMA",
    "SCHEMA_VERSIONS",
    "VERSIONS",
    "Version",
    "dump",
    "dumps",
    "iter_articles",
    "load",
    "loads",
    "schema",
    "validate",
]

#: The largest document read unless told otherwise: :data:`newsmodel._limits.MAX_BYTES`.
DEFAULT_MAX_BYTES = MAX_BYTES

#: What :func:`validate` says of an item in a 1.x shape, which no shipped schema describes.
NO_SCHEMA = "no schema to check it against (1.x items are read, not validated)"

#: A version :func:`dumps` writes.
Version = Literal["3.1", "2.2"]


def _warn(what: str, lost: Counter[Dropped], path: str | None = None) -> None:
    """One warning for each kind of thing lost, at the caller's line."""
    for thing, count in lost.items():
        message = f"{what}: {counted(count, thing.singular, thing.plural)}"
        lossy(FORMAT, thing.kind, message, lost=thing.singular, count=count, path=path)


def _item(article: Article, version: str) -> dict[str, Any]:
    if not isinstance(article, Article):
        msg = f"expected Article, got {type(article).__name__}"
        raise TypeError(msg)
    if version not in VERSIONS:
        msg = f"version must be one of {', '.join(VERSIONS)}, got {version!r}"
        raise ValueError(msg)
    item, lost = build(article, version=version)
    _warn(f"version {version} has no place for", lost)
    return item


def dumps(article: Article, /, *, version: Version = "3.1", indent: int | None = None) -> str:
    """Write an article as a ninjs item.

    Args:
        article: the article.
        version: the ninjs version, ``"3.1"`` (the default) or ``"2.2"``.
        indent: pretty-print with this many spaces; compact when ``None``.

    Returns:
        The JSON text (non-ASCII characters are written as they are).

    What ninjs has no place for (the phrase of a credit, extra fields not from ninjs) is left
    out with a :class:`~newsmodel.LossyConversionWarning`.

    >>> from newsmodel import Article
    >>> print(dumps(Article(headline="Привет", guid="urn:x:1"), indent=1))
    {
     "uri": "urn:x:1",
     "type": "text",
     "version": "1",
     "language": "ru",
     "headlines": [
      {
       "role": "main",
       "value": "Привет"
      }
     ],
     "standard": {
      "name": "ninjs",
      "version": "3.1",
      "schema": "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#"
     }
    }
    >>> from datetime import datetime, timezone
    >>> when = datetime(2026, 1, 1, tzinfo=timezone.utc)
    >>> item = dumps(Article(headline="Привет", published=when), version="2.2")
    >>> '"firstcreated": "2026-01-01T00:00:00+00:00"' in item
    True
    """
    item = _item(article, version)
    return json.dumps(item, ensure_ascii=False, indent=indent)


def dump(
    article: Article, fp: IO[bytes], /, *, version: Version = "3.1", indent: int | None = None
) -> None:
    """Write an article as a UTF-8 ninjs item to a binary file.

    >>> import io
    >>> from newsmodel import Article
    >>> buf = io.BytesIO()
    >>> dump(Article(headline="Привет", guid="urn:x:1"), buf)
    >>> buf.getvalue()[:17]
    b'{"uri": "urn:x:1"'
    """
    item = _item(article, version)
    fp.write(json.dumps(item, ensure_ascii=False, indent=indent).encode("utf-8"))


def _read(
    data: str | bytes, tz: str | tzinfo, max_bytes: int, *, skip: bool = False
) -> Iterator[Article]:
    zone = _zone(tz)
    found = False
    for path, item in items(parse(data, max_bytes=max_bytes)):
        found = True
        try:
            article, lost = read_item(item, tz=zone, path=path)
        except ParseError as exc:
            if not skip:
                raise
            uri = item.get("uri")
            name = uri if isinstance(uri, str) and uri.strip() else "without a uri"
            message = f"skipped the item {name} at {path}: {exc.message}"
            lossy(FORMAT, "item", message, lost=name, path=path)
            continue
        _warn("left out", lost, path)
        yield article
    if not found:
        msg = "no ninjs item: expected an object with a uri, headlines or a body"
        raise ParseError(FORMAT, msg)


def loads(
    data: str | bytes,
    /,
    *,
    tz: str | tzinfo = timezone.utc,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Article:
    """Read an article from a ninjs item (3.x, 2.x or 1.x), or from a response holding one.

    Args:
        data: the JSON text, or UTF-8 bytes (a byte order mark is skipped).
        tz: the zone of times written without an offset: a :class:`~datetime.tzinfo` or an
            IANA name; UTC by default.
        max_bytes: refuse larger input: bytes, or characters for ``str``.

    Raises:
        ParseError: the input is not JSON (with its ``line`` and ``column``), repeats a key, is
            nested more than :data:`~newsmodel.ninjs.MAX_DEPTH` levels deep, is over
            ``max_bytes``, holds no item or several (read those with :func:`iter_articles`),
            or an item with no text to take a headline from.

    What the model has no field for is kept in :attr:`~newsmodel.Article.extra` when it is a
    single value (``("ninjs:profile", "text-only")``) and reported with one
    :class:`~newsmodel.LossyConversionWarning` otherwise.

    >>> article = loads('{"uri": "urn:x:1", "headlines": [{"role": "main", "value": "Привет"}]}')
    >>> article.headline, article.guid
    ('Привет', 'urn:x:1')
    >>> loads('{"uri" "urn:x:1"}')
    Traceback (most recent call last):
    ...
    newsmodel.ParseError: ninjs: Expecting ':' delimiter (line 1, column 8)
    """
    articles = _read(data, tz, max_bytes)
    first = next(articles)
    if next(articles, None) is not None:
        msg = "the document holds several items: read them with iter_articles()"
        raise ParseError(FORMAT, msg)
    return first


def load(
    fp: IO[bytes],
    /,
    *,
    tz: str | tzinfo = timezone.utc,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Article:
    """Read an article from a binary file holding a ninjs item; reads at most ``max_bytes + 1``.

    >>> import io
    >>> load(io.BytesIO(b'{"uri": "urn:x:1", "headline": "Hello"}')).headline
    'Hello'
    """
    return loads(fp.read(max_bytes + 1), tz=tz, max_bytes=max_bytes)


def iter_articles(
    data: str | bytes,
    /,
    *,
    tz: str | tzinfo = timezone.utc,
    max_bytes: int = DEFAULT_MAX_BYTES,
    on_error: Literal["raise", "skip"] = "raise",
) -> Iterator[Article]:
    """Read every item of a document: one item, an array of items, or an API response.

    A response is an object that holds its items under ``item``, ``items``, ``_items``,
    ``data`` or ``results`` (up to four such wrappers deep, as AP's ``data.items[].item``).
    An item that cannot be read raises :class:`~newsmodel.ParseError` and ends the
    iteration, unless ``on_error`` is ``"skip"``: then that item is skipped with a
    :class:`~newsmodel.LossyConversionWarning` naming its ``uri`` and its JSON path, and the
    items after it are read.

    Raises:
        ParseError: as :func:`loads`, for the document or (by default) for one of its items.
        ValueError: ``on_error`` is neither ``"raise"`` nor ``"skip"``.

    >>> page = '{"total": 2, "item": [{"uri": "urn:x:1", "headline": "Один"},'
    >>> page += ' {"uri": "urn:x:2", "headline": "Два"}]}'
    >>> [a.headline for a in iter_articles(page)]
    ['Один', 'Два']
    """
    if on_error not in ("raise", "skip"):
        msg = f"on_error must be 'raise' or 'skip', got {on_error!r}"
        raise ValueError(msg)
    return _read(data, tz, max_bytes, skip=on_error == "skip")


def schema(version: str = "3.1") -> dict[str, Any]:
    """IPTC's JSON Schema of a ninjs version, as a fresh dict.

    ``version`` is one of :data:`~newsmodel.ninjs.SCHEMA_VERSIONS`.

    >>> schema("2.2")["$id"]
    'http://www.iptc.org/std/ninjs/ninjs-schema_2.2.json#'
    """
    return _schema(version)


def validate(
    data: str | bytes, /, *, version: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> list[SchemaProblem]:
    """Check a ninjs document against IPTC's JSON Schema; needs the ``jsonschema`` package.

    Every item of the document is checked (an API response's too), against ``version``, or the
    version the item names in its ``standard``, or the generation its property names show
    (3.x's camelCase or 2.x's lower case; 3.1 or 2.2). A 1.x item has no schema here: that
    is reported as a problem.

    Returns:
        The problems in document order, each with its JSON path in the message; ``[]`` when
        the document is valid.

    Raises:
        ModuleNotFoundError: ``jsonschema`` is not installed
            (``pip install 'pynewsmodel[validate]'``).

    >>> validate(b'{"uri": "urn:x:1", "headlines": [{"role": "main"}]}')[0].message
    "at $.headlines[0]: 'value' is a required property"
    """
    try:
        found = list(items(parse(data, max_bytes=max_bytes)))
    except ParseError as exc:
        return [SchemaProblem(exc.line, exc.column, exc.message)]
    if not found:
        return [SchemaProblem(None, None, "no ninjs item in the document")]
    problems = []
    for path, item in found:
        said = version or version_of(item)
        if said is None:
            message = f"at {path}: a ninjs 1.x item: {NO_SCHEMA}"
            problems.append(SchemaProblem(None, None, message))
            continue
        for where, message in schema_problems(item, said):
            at = path + where[1:]
            problems.append(SchemaProblem(None, None, f"at {at}: {message}"))
    return problems
