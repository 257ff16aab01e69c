"""Read and write NITF, the IPTC News Industry Text Format agencies send stories in.

:func:`loads` reads NITF 3.1 to 3.6, in the NITF namespace or none, with or without a
DOCTYPE (its DTD is never loaded and no entity is expanded), in any encoding the document
declares (UTF-8 and ISO-8859-1 are what agencies use). :func:`dumps` writes NITF 3.6 that
validates against the NITF 3.6 schema, which ships in the package (:func:`validate`).

>>> from newsmodel import Article, Section, nitf
>>> article = Article(headline="Заголовок", sections=[Section(blocks=["Абзац."])])
>>> data = nitf.dumps(article)
>>> nitf.validate(data)
[]
>>> nitf.loads(data).headline
'Заголовок'
"""

from __future__ import annotations

from datetime import timezone, tzinfo
from typing import IO, TYPE_CHECKING

from newsmodel._warnings import lossy_fields
from newsmodel._zones import tzinfo as _zone
from newsmodel.errors import ParseError
from newsmodel.newsml._ns import NITF
from newsmodel.newsml._parse import DEFAULT_MAX_BYTES as _MAX_BYTES
from newsmodel.newsml._parse import DEFAULT_MAX_DEPTH as _MAX_DEPTH
from newsmodel.newsml._parse import ReadOptions
from newsmodel.newsml._schema import SchemaProblem, nitf_schema
from newsmodel.newsml._tree import local_name, split
from newsmodel.nitf import _parse, _reader, _writer

if TYPE_CHECKING:
    from newsmodel._models import Article

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DEFAULT_MAX_DEPTH",
    "dump",
    "dumps",
    "load",
    "loads",
    "validate",
]

_FORMAT = "nitf"

#: The size limit of one document read by :func:`loads` and :func:`load`: 16 MiB.
DEFAULT_MAX_BYTES = _MAX_BYTES
#: How deep elements of a body may nest before the reader refuses the document, 100 (at most 256).
DEFAULT_MAX_DEPTH = _MAX_DEPTH
_NAMESPACE = NITF


def loads(
    data: bytes | str,
    /,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_depth: int = DEFAULT_MAX_DEPTH,
    tz: str | tzinfo = timezone.utc,
    language: str = "ru",
) -> Article:
    """Read an article from a NITF document.

    The input is untrusted: a DOCTYPE is read but its DTD is never loaded, no entity is
    expanded (a reference such as ``&eacute;`` is left out and reported), nothing is fetched,
    and documents over ``max_bytes`` or nested deeper than ``max_depth`` are refused.

    Args:
        data: the document, bytes (in the encoding it declares) or str.
        max_bytes: the size limit, 16 MiB by default.
        max_depth: how deep body elements may nest, 100 by default (at most 256).
        tz: the zone of timestamps written without an offset (with a warning); UTC by default.
        language: the language of a document that names none (``baselang``).

    Returns:
        The article. What the model has no field for is in ``extra`` under ``nitf:`` keys;
        what could not be kept is reported with a :class:`~newsmodel.LossyConversionWarning`.

    Raises:
        ParseError: the input is not well-formed XML, not NITF, has no headline, or breaks a
            limit; with line and column where known.

    >>> loads(b'<!DOCTYPE nitf SYSTEM "nitf-3-4.dtd"><nitf><body><body.head><hedline>'
    ...       b'<hl1>Fed to halt QE</hl1></hedline></body.head></body></nitf>').headline
    'Fed to halt QE'
    """
    options = ReadOptions(max_bytes=max_bytes, max_depth=max_depth, tz=_zone(tz), language=language)
    root = _parse.parse_document(data, _FORMAT, max_bytes)
    if local_name(root) != "nitf":
        msg = f"not NITF: the root element is <{local_name(root) or '?'}>, expected <nitf>"
        raise ParseError(_FORMAT, msg, line=root.sourceline)
    parts = _reader.read_nitf(root, options)
    article = _reader.build_article(parts, options, _FORMAT)
    _reader.report(parts, _FORMAT)
    return article


def load(
    fp: IO[bytes],
    /,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_depth: int = DEFAULT_MAX_DEPTH,
    tz: str | tzinfo = timezone.utc,
    language: str = "ru",
) -> Article:
    """Read an article from a binary NITF file (see :func:`loads`); reads at most ``max_bytes``.

    >>> import io
    >>> load(io.BytesIO(b"<nitf><head><title>Title</title></head><body/></nitf>")).headline
    'Title'
    """
    data = fp.read(max_bytes + 1)
    return loads(data, max_bytes=max_bytes, max_depth=max_depth, tz=tz, language=language)


def dumps(article: Article, /, *, indent: int | None = None) -> bytes:
    """Write an article as a NITF 3.6 document, UTF-8 with an XML declaration.

    Headline, lede (``abstract``), authors (``byline``), site (``distributor``), dateline and
    place, publication time (``date.issue``), guid (``doc-id``), tags (``key-list``), IPTC
    subjects (``tobject.subject``), URL (``pubdata/@ex-ref``), the lead image and the body
    (sections as ``block`` elements, paragraphs, quotes, lists, figures as ``media``, tables)
    are written; what NITF has no place for is reported with a
    :class:`~newsmodel.LossyConversionWarning`, as is each field a subclass of
    :class:`~newsmodel.Article` adds (only JSON carries those).

    Args:
        article: the article.
        indent: indent the document's structure (never inside text) by this many spaces per
            level; compact when ``None``.

    Returns:
        The document; it validates against the NITF 3.6 schema.

    Raises:
        WriteError: the article holds a character XML cannot carry.

    >>> from newsmodel import Article
    >>> b"<hl1>Fed to halt QE</hl1>" in dumps(Article(headline="Fed to halt QE"))
    True
    """
    data = _writer.serialise(_writer.build(article), indent=indent)
    lossy_fields(_FORMAT, article)
    return data


def dump(article: Article, fp: IO[bytes], /, *, indent: int | None = None) -> None:
    """Write an article as NITF 3.6 to a binary file (see :func:`dumps`).

    >>> import io
    >>> from newsmodel import Article
    >>> buf = io.BytesIO()
    >>> dump(Article(headline="Заголовок"), buf)
    >>> buf.getvalue()[:5]
    b'<?xml'
    """
    fp.write(dumps(article, indent=indent))


def validate(data: bytes | str, /, *, max_bytes: int = DEFAULT_MAX_BYTES) -> list[SchemaProblem]:
    """Check a document against the NITF 3.6 schema, which ships in the package.

    The document is read as :func:`loads` reads it (a DOCTYPE is allowed, never loaded).

    Returns:
        The problems in document order; ``[]`` when the document is valid. A document that is
        not well-formed gives one problem, the parser's.

    >>> validate(b'<nitf xmlns="http://iptc.org/std/NITF/2006-10-18/"/>')[0].line
    1
    >>> "namespace" in validate(b"<nitf><body/></nitf>")[0].message
    True
    """
    try:
        root = _parse.parse_document(data, _FORMAT, max_bytes)
    except ParseError as exc:
        return [SchemaProblem(exc.line, exc.column, exc.message)]
    if split(root.tag)[0] != _NAMESPACE:
        msg = (
            f"the root element is not in the NITF 3.6 namespace ({_NAMESPACE}): the NITF 3.6"
            " schema checks namespaced documents (NITF 3.1 to 3.5 are defined by DTDs)"
        )
        return [SchemaProblem(root.sourceline, None, msg)]
    schema = nitf_schema()
    if schema.validate(root):
        return []
    return [
        SchemaProblem(
            e.line or None,
            (e.column + 1) if e.column is not None and e.column >= 0 else None,
            e.message,
        )
        for e in schema.error_log
    ]
