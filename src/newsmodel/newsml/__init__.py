"""Read and write NewsML-G2, the IPTC format news agencies exchange stories in.

:func:`dumps` writes one ``newsItem`` of class ``ninat:text`` that validates against the
NewsML-G2 2.35 schema (Power conformance), with the body as XHTML or NITF; :func:`loads` reads
items from newsmodel and from agency feeds as they are in the wild. :func:`iter_articles` and
:func:`dump_message` stream ``newsMessage`` documents of any size in constant memory, and
:func:`validate` checks a document against the schemas that ship in the package.

>>> from datetime import datetime, timezone
>>> from newsmodel import Article, Section, newsml
>>> article = Article(headline="Заголовок", sections=[Section(blocks=["Абзац."])], slug="zagolovok")
>>> data = newsml.dumps(article, now=datetime(2026, 11, 25, tzinfo=timezone.utc))
>>> data[:38]
b"<?xml version='1.0' encoding='UTF-8'?>"
>>> newsml.loads(data) == article
True
>>> newsml.validate(data)
[]
"""

from __future__ import annotations

import uuid
from datetime import datetime, timezone, tzinfo
from typing import IO, TYPE_CHECKING, Literal, cast

from lxml import etree

from newsmodel._warnings import issue, lossy, lossy_fields
from newsmodel._zones import tzinfo as _zone
from newsmodel.errors import ParseError
from newsmodel.newsml import _newsml12, _parse, _reader, _stream, _writer
from newsmodel.newsml._schema import SchemaProblem, nitf_schema, schema_problems

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Mapping, Sequence

    from newsmodel._models import Article

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DEFAULT_MAX_DEPTH",
    "SchemaProblem",
    "dump",
    "dump_message",
    "dumps",
    "iter_articles",
    "load",
    "loads",
    "validate",
]

_FORMAT = "newsml"
#: How much of a stream is read to tell NewsML 1.2 from NewsML-G2 by its root element.
_PEEK_BYTES = 64 * 1024

#: The size limit of one document read by :func:`loads` and :func:`load`: 16 MiB.
DEFAULT_MAX_BYTES = _parse.DEFAULT_MAX_BYTES
#: How deep elements of a body may nest before the reader refuses the item, 100 (at most 256).
DEFAULT_MAX_DEPTH = _parse.DEFAULT_MAX_DEPTH


def _indent_of(indent: int | None, pretty: bool | None) -> int | None:  # noqa: FBT001
    """The indent to write with, from ``indent`` or the deprecated ``pretty``.

    The warning points at the caller's line, from every public writer.
    """
    if pretty is None:
        return indent
    issue(
        DeprecationWarning(
            "newsml: the pretty= keyword is deprecated, use indent=2 instead (pretty=False: "
            "leave indent out)"
        )
    )
    return indent if indent is not None or not pretty else 2


def dumps(
    article: Article,
    /,
    *,
    provider: str | None = None,
    language: str | None = None,
    body: Literal["xhtml", "nitf"] = "xhtml",
    indent: int | None = None,
    pretty: bool | None = None,
    schemes: Mapping[str, str] | None = None,
    catalogs: Sequence[str] = (),
    now: datetime | None = None,
) -> bytes:
    """Write an article as one NewsML-G2 ``newsItem``, UTF-8 with an XML declaration.

    Args:
        article: the article.
        provider: the ``itemMeta/provider``: a QCode (``"nprov:REUTERS"``) or an absolute URI.
            By default the article's ``newsml:provider`` extra, else ``nmprov:`` and the slug of
            its ``site``.
        language: the item's ``xml:lang``; the article's language by default.
        body: ``"xhtml"`` (``inlineXML`` of ``application/xhtml+xml``) or ``"nitf"`` (NITF 3.6).
        indent: indent the metadata and the body's block structure (never inside text) by
            this many spaces per level; compact when ``None``, as in :func:`newsmodel.json.dumps`.
        pretty: deprecated, use ``indent=2`` (``pretty=True`` is ``indent=2``).
        schemes: more scheme aliases to declare, ``{alias: uri}``, for the QCodes of
            :attr:`~newsmodel.Article.subjects` outside IPTC's catalog.
        catalogs: more ``catalogRef`` hrefs (remote catalogs are referenced, never fetched).
        now: the ``versionCreated`` of an article with no date (by default the time of
            writing, which makes the output of undated articles change between runs).

    Returns:
        The document; it validates against the NewsML-G2 2.35 schema. A field that a subclass
        of :class:`~newsmodel.Article` adds is not written: each gets a
        :class:`~newsmodel.LossyConversionWarning` (only JSON carries those).

    Raises:
        WriteError: a field cannot be written (a subject whose scheme is not declared, a
            character XML cannot carry); names the field.

    >>> from datetime import datetime, timezone
    >>> from newsmodel import Article
    >>> when = datetime(2026, 11, 25, 9, 5, tzinfo=timezone.utc)
    >>> data = dumps(Article(headline="Fed to halt QE", guid="urn:x:1", published=when))
    >>> b'guid="urn:x:1"' in data
    True
    >>> b"<headline>Fed to halt QE</headline>" in data
    True
    """
    options = _writer.WriteOptions(
        provider=provider, lang=language, body=body, schemes=schemes, catalogs=catalogs, now=now
    )
    indent = _indent_of(indent, pretty)
    data = _writer.serialise(_writer.build_item(article, options), indent=indent)
    lossy_fields(_FORMAT, article)
    return data


def dump(
    article: Article,
    fp: IO[bytes],
    /,
    *,
    provider: str | None = None,
    language: str | None = None,
    body: Literal["xhtml", "nitf"] = "xhtml",
    indent: int | None = None,
    pretty: bool | None = None,
    schemes: Mapping[str, str] | None = None,
    catalogs: Sequence[str] = (),
    now: datetime | None = None,
) -> None:
    """Write an article as a NewsML-G2 ``newsItem`` to a binary file (see :func:`dumps`).

    >>> import io
    >>> from datetime import datetime, timezone
    >>> from newsmodel import Article
    >>> buf = io.BytesIO()
    >>> dump(Article(headline="Заголовок"), buf, now=datetime(2026, 1, 1, tzinfo=timezone.utc))
    >>> buf.getvalue()[:5]
    b'<?xml'
    """
    fp.write(
        dumps(
            article,
            provider=provider,
            language=language,
            body=body,
            indent=_indent_of(indent, pretty),
            schemes=schemes,
            catalogs=catalogs,
            now=now,
        )
    )


def _parse_any(data: bytes | str, options: _parse.ReadOptions) -> etree._Element:
    """The root of a NewsML-G2 document, or of a NewsML 1.2 one (whose DOCTYPE is allowed)."""
    try:
        return _parse.parse_document(data, options)
    except ParseError as exc:
        # Only NewsML 1.2 may open with a DOCTYPE: its DTD is read as NITF's is, never loaded.
        if exc.message != _parse.DOCTYPE_MESSAGE:
            raise
        refused = exc
    try:
        root = _newsml12.parse_tree(data, options)
    except ParseError:
        raise refused from None
    if not _newsml12.is_root(root):
        raise refused
    _newsml12.drop_entities(root)
    return root


def loads(
    data: bytes | str,
    /,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_depth: int = DEFAULT_MAX_DEPTH,
    tz: str | tzinfo = timezone.utc,
    language: str = "ru",
    private_notes: bool = False,
) -> Article:
    """Read an article from a NewsML-G2 ``newsItem`` (or a ``newsMessage`` of one item).

    The input is untrusted: entities are not expanded, no DTD or network resource is loaded, a
    DOCTYPE is refused, and documents over ``max_bytes`` or nested deeper than ``max_depth``
    are refused.

    Args:
        data: the document, bytes (any encoding it declares) or str.
        max_bytes: the size limit, 16 MiB by default.
        max_depth: how deep body elements may nest, 100 by default; at most 256 (a larger
            value raises ``ValueError``), since any document nested deeper than 256 levels is
            refused (libxml2's own limit). A text node may be larger than libxml2's usual
            10 MB, as :func:`dumps` may write it, within ``max_bytes``.
        tz: the zone of timestamps written without an offset, when the item's other
            timestamps give none (with a :class:`~newsmodel.LossyConversionWarning`): a
            :class:`~datetime.tzinfo` or an IANA name such as ``"Asia/Almaty"``; UTC by default.
        language: the language of an item that names none.
        private_notes: keep ``edNote`` elements under a non-public publication constraint in
            ``extra`` (``newsml:edNote:nonpublic``); by default they are left out, with a
            warning.

    Returns:
        The article. What the model has no field for is in ``extra`` under ``newsml:`` keys;
        what could not be kept is reported with a :class:`~newsmodel.LossyConversionWarning`.

    Raises:
        ParseError: the input is not well-formed XML, not NewsML-G2, not a text item (a picture,
            a package, a concept or planning item: the message says which; a message of
            one news item beside other items reads the news item and skips the others with a
            warning), has no headline,
            or breaks a limit (the message names it); with line and column where known.

    >>> loads(b'<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/"><contentMeta>'
    ...       b'<headline>Fed to halt QE</headline></contentMeta></newsItem>').headline
    'Fed to halt QE'
    >>> loads(b"<newsItem>")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    newsmodel.ParseError: newsml: Premature end of data in tag newsItem line 1 (line 1, ...)
    """
    options = _parse.ReadOptions(
        max_bytes=max_bytes,
        max_depth=max_depth,
        tz=_zone(tz),
        language=language,
        private_notes=private_notes,
    )
    root = _parse_any(data, options)
    if _newsml12.is_root(root):
        items = _newsml12.items(root)
        if len(items) != 1:
            msg = f"a NewsML 1.2 document of {len(items)} news items: read it with iter_articles()"
            raise ParseError(_FORMAT, msg, line=root.sourceline)
        return _newsml12.read_item(items[0], options)
    _parse.check_root(root)
    if etree.QName(root).localname == "newsMessage":
        items, others = _reader.items_of_message(root)
        if len(items) != 1:
            msg = f"a newsMessage of {len(items)} news items: read it with iter_articles()"
            raise ParseError(_FORMAT, msg, line=root.sourceline)
        _reader.skip_items(others)
        return _reader.read_item(items[0], options)
    return _reader.read_item(root, options)


def load(
    fp: IO[bytes],
    /,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_depth: int = DEFAULT_MAX_DEPTH,
    tz: str | tzinfo = timezone.utc,
    language: str = "ru",
    private_notes: bool = False,
) -> Article:
    """Read an article from a binary file (see :func:`loads`); reads at most ``max_bytes``.

    >>> import io
    >>> doc = io.BytesIO(b'<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/"><contentMeta>'
    ...                  b'<headline>Fed to halt QE</headline></contentMeta></newsItem>')
    >>> load(doc).headline
    'Fed to halt QE'
    """
    data = fp.read(max_bytes + 1)
    return loads(
        data,
        max_bytes=max_bytes,
        max_depth=max_depth,
        tz=tz,
        language=language,
        private_notes=private_notes,
    )


def iter_articles(
    fp: IO[bytes],
    /,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_depth: int = DEFAULT_MAX_DEPTH,
    tz: str | tzinfo = timezone.utc,
    language: str = "ru",
    private_notes: bool = False,
    on_error: Literal["raise", "skip"] = "raise",
) -> Iterator[Article]:
    """Read the text items of a ``newsMessage`` one by one, in constant memory.

    Each item is read and then dropped from the tree, so a message of any size streams with
    the memory of one item. Items of other kinds (pictures, packages...) are skipped with a
    :class:`~newsmodel.LossyConversionWarning` saying what they are; a text item that cannot be
    read raises :class:`~newsmodel.ParseError` and ends the iteration, unless ``on_error`` is
    ``"skip"``: then that item is skipped with a :class:`~newsmodel.LossyConversionWarning`
    naming its guid and line, and the items after it are read (a message that is not
    well-formed XML still ends where the XML breaks). A NewsML 1.2 document follows the same
    rule, its ``NewsItem`` named by its ``PublicIdentifier``. A bare ``newsItem``
    gives one article. Options as in :func:`loads`; ``max_bytes`` bounds each item, and
    whatever stands outside the items (the header, anything between or after items) is
    dropped as it is read and held to the same limit, so the message itself has no size
    limit. A message over a limit ends with a :class:`~newsmodel.ParseError` that names it;
    the whole message is held to the 256 levels of nesting.

    >>> import io
    >>> from datetime import datetime, timezone
    >>> from newsmodel import Article
    >>> buf = io.BytesIO()
    >>> when = datetime(2026, 11, 25, 9, 0, tzinfo=timezone.utc)
    >>> articles = [Article(headline=f"Новость {i}", published=when) for i in range(3)]
    >>> dump_message(articles, buf, sender="example.kz", transmit_id="t-1", sent=when)
    3
    >>> _ = buf.seek(0)
    >>> [a.headline for a in iter_articles(buf)]
    ['Новость 0', 'Новость 1', 'Новость 2']
    """
    options = _parse.ReadOptions(
        max_bytes=max_bytes,
        max_depth=max_depth,
        tz=_zone(tz),
        language=language,
        private_notes=private_notes,
    )

    if on_error not in ("raise", "skip"):
        msg = f"on_error must be 'raise' or 'skip', got {on_error!r}"
        raise ValueError(msg)

    def on_other(message: str, line: int | None) -> None:
        where = f" (line {line})" if line else ""
        lossy("newsml", "item", f"skipped {message}{where}", lost=message, line=line)

    def skip_item(exc: ParseError, name: str | None, line: int | None) -> None:
        name = name or "without a guid"
        where = f" (line {line})" if line else ""
        message = f"skipped the news item {name}{where}: {exc.message}"
        lossy("newsml", "item", message, lost=name, line=line)

    def skip(exc: ParseError, item: etree._Element) -> None:
        skip_item(exc, item.get("guid"), exc.line or item.sourceline)

    head = fp.read(_PEEK_BYTES)
    if isinstance(head, bytes) and _newsml12.is_newsml12(head):
        # NewsML 1.2 is read whole, within max_bytes: its documents hold a few items.
        data = head + fp.read(max_bytes + 1 - len(head))
        root = _newsml12.parse(data, options)
        return _newsml12.iter_document(root, options, skip_item if on_error == "skip" else None)
    return _stream.iter_items(
        cast("IO[bytes]", _parse.Prefixed(head, fp)),
        options,
        on_other,
        skip if on_error == "skip" else None,
    )


def dump_message(
    articles: Iterable[Article],
    fp: IO[bytes],
    /,
    *,
    sender: str = "newsmodel",
    transmit_id: str | None = None,
    sent: datetime | None = None,
    provider: str | None = None,
    body: Literal["xhtml", "nitf"] = "xhtml",
    indent: int | None = None,
    pretty: bool | None = None,
    schemes: Mapping[str, str] | None = None,
    catalogs: Sequence[str] = (),
    now: datetime | None = None,
) -> int:
    """Write a ``newsMessage`` of articles to a binary file, streaming: one item at a time.

    Args:
        articles: any iterable, consumed once (a generator over a database is fine).
        fp: a binary file.
        sender: the ``header/sender``, e.g. the sending organisation's domain.
        transmit_id: the ``header/transmitId``, unique per transmission; a random
            ``urn:uuid:`` by default.
        sent: the ``header/sent``; the time of writing by default. Pass ``transmit_id``,
            ``sent`` and ``now`` for byte-identical output between runs.
        provider: as in :func:`dumps`, and the other options too.
        body: as in :func:`dumps`.
        indent: as in :func:`dumps`.
        pretty: deprecated, as in :func:`dumps`.
        schemes: as in :func:`dumps`.
        catalogs: as in :func:`dumps`.
        now: as in :func:`dumps`.

    Returns:
        How many items were written. The message validates against the NewsML-G2 2.35 schema.

    >>> import io
    >>> from datetime import datetime, timezone
    >>> from newsmodel import Article
    >>> buf = io.BytesIO()
    >>> when = datetime(2026, 11, 25, 9, 0, tzinfo=timezone.utc)
    >>> dump_message([Article(headline="Т", published=when)], buf, sender="example.kz",
    ...              transmit_id="t-1", sent=when)
    1
    >>> validate(buf.getvalue())
    []
    """
    options = _writer.WriteOptions(
        provider=provider, lang=None, body=body, schemes=schemes, catalogs=catalogs, now=now
    )
    sent = sent or datetime.now(timezone.utc).replace(microsecond=0)
    transmit_id = transmit_id or f"urn:uuid:{uuid.uuid4()}"
    return _writer.write_message(
        _warning_of_extensions(articles),
        fp,
        options,
        sender=sender,
        transmit_id=transmit_id,
        sent=sent,
        indent=_indent_of(indent, pretty),
    )


def _warning_of_extensions(articles: Iterable[Article]) -> Iterator[Article]:
    """The articles, each with a warning for the fields of a subclass that a message loses."""
    for article in articles:
        lossy_fields(_FORMAT, article)
        yield article


def validate(data: bytes | str, /, *, max_bytes: int = DEFAULT_MAX_BYTES) -> list[SchemaProblem]:
    """Check a document against the NewsML-G2 2.35 schema (with NITF 3.6 for NITF bodies).

    The schemas ship in the package and are loaded once per process, on first use. XHTML
    bodies are not checked (there is no XHTML schema in the set); NITF bodies are.

    Returns:
        The problems in document order; ``[]`` when the document is valid. A document that is
        not well-formed gives one problem, the parser's.

    >>> problem = validate(b'<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/"/>')[0]
    >>> problem.line, "is required but missing" in problem.message
    (1, True)
    """
    options = _parse.ReadOptions(max_bytes=max_bytes)
    try:
        root = _parse.parse_document(data, options)
    except ParseError as exc:
        return [SchemaProblem(exc.line, exc.column, exc.message)]
    return schema_problems(nitf_schema(), root)
