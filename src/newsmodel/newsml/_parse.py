"""Parse untrusted NewsML-G2 bytes: limits, encodings, the DOCTYPE, and libxml2's errors.

Every parser comes from :mod:`newsmodel._xmlsafe`, so none can open a file or reach the
network, whatever the document names; a DOCTYPE is refused as libxml2 itself reads it.
"""

from __future__ import annotations

import codecs
import functools
import re
import threading
from datetime import timezone, tzinfo
from typing import IO

import attrs
from lxml import etree

from newsmodel._limits import LIFTED_BY_HUGE_TREE, MAX_BYTES, check_size
from newsmodel._warnings import lossy
from newsmodel._xmlsafe import has_doctype, xml_parser
from newsmodel.errors import ParseError
from newsmodel.newsml._ns import NAR
from newsmodel.newsml._tree import FORMAT, error, is_nar, local_name, split

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DEFAULT_MAX_DEPTH",
    "DEPTH_MESSAGE",
    "DOCTYPE_MESSAGE",
    "OTHER_ITEMS",
    "PARSER_MAX_DEPTH",
    "Prefixed",
    "ReadOptions",
    "check_depth",
    "check_root",
    "checked_stream",
    "doctype_error",
    "parse_document",
    "parser_message",
    "syntax_error",
]

#: The default size limit of one document read with ``loads``/``load``: the limit of every format.
DEFAULT_MAX_BYTES = MAX_BYTES
#: The default nesting limit of elements read into the model.
DEFAULT_MAX_DEPTH = 100
#: libxml2's nesting limit for a whole document while ``huge_tree`` stays off.
PARSER_MAX_DEPTH = 256

OTHER_ITEMS = {
    "packageItem": "a package item (packageItem)",
    "conceptItem": "a concept item (conceptItem)",
    "knowledgeItem": "a knowledge item (knowledgeItem)",
    "planningItem": "a planning item (planningItem)",
    "catalogItem": "a catalog item (catalogItem)",
}


@attrs.frozen
class ReadOptions:
    """Reader options, checked once."""

    max_bytes: int = DEFAULT_MAX_BYTES
    max_depth: int = attrs.field(default=DEFAULT_MAX_DEPTH)
    tz: tzinfo = timezone.utc
    language: str = "ru"
    private_notes: bool = False

    @max_depth.validator
    def _check_max_depth(self, _: object, value: int) -> None:
        if not 1 <= value <= PARSER_MAX_DEPTH:
            msg = (
                f"max_depth must be between 1 and {PARSER_MAX_DEPTH}, got {value}: the XML "
                f"parser refuses documents nested deeper than {PARSER_MAX_DEPTH} levels"
            )
            raise ValueError(msg)


# One parser per thread: an lxml parser must not be used by two threads at once, and a new one
# costs more than the parse of a small item (its context is set up on first use).
_PARSERS = threading.local()


def _parser(*, huge: bool = False) -> etree.XMLParser:
    """This thread's parser; ``huge`` lifts libxml2's 10 MB limit on one text node.

    Comments and processing instructions are dropped; IDs are not collected, so that an item
    that repeats an ``xml:id`` is still read.
    """
    name = "huge" if huge else "parser"
    parser: etree.XMLParser | None = getattr(_PARSERS, name, None)
    if parser is None:
        parser = xml_parser(
            FORMAT, huge=huge, collect_ids=False, remove_comments=True, remove_pis=True
        )
        setattr(_PARSERS, name, parser)
    return parser


@functools.cache
def _deeper(steps: int) -> etree.XPath:
    """An XPath selecting the elements ``steps`` levels below the context element."""
    return etree.XPath("/".join(["*"] * steps))


def check_depth(el: etree._Element, level: int) -> None:
    """Refuse elements nested deeper than :data:`PARSER_MAX_DEPTH` levels in the document.

    ``el`` stands at ``level`` (the root is at level 1). libxml2 keeps this limit itself while
    ``huge_tree`` is off; a document parsed with it on is checked here against the same limit.
    """
    found = _deeper(PARSER_MAX_DEPTH + 1 - level)(el)
    if isinstance(found, list) and found:
        raise ParseError(FORMAT, DEPTH_MESSAGE, line=getattr(found[0], "sourceline", None))


_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
#: Codecs tried, in turn, to find the line of a DOCTYPE libxml2 has read (for the message only).
_LINE_CODECS = ("utf-8", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be")
DOCTYPE_MESSAGE = "a DOCTYPE is not allowed in NewsML-G2 input"


def _doctype_line(data: bytes) -> int | None:
    """The line of the DOCTYPE of a document, when a codec finds it; ``None`` if none does."""
    for codec in _LINE_CODECS:
        text = data.decode(codec, "replace")
        at = text.find("<!DOCTYPE")
        if at >= 0:
            return text.count("\n", 0, at) + 1
    return None


def doctype_error(data: bytes) -> ParseError:
    """The refusal of a document in which libxml2 read a DOCTYPE."""
    return ParseError(FORMAT, DOCTYPE_MESSAGE, line=_doctype_line(data))


_POSITION = re.compile(r", line \d+, column \d+$")
#: libxml2's limits, in words the caller can act on (its own messages offer an ``XML_PARSE_HUGE``
#: option the caller cannot use). With ``huge_tree`` on, a text node may hold up to 1 GB.
DEPTH_MESSAGE = (
    f"the document is nested deeper than {PARSER_MAX_DEPTH} levels (the XML parser's limit)"
)
_PARSER_LIMITS = (
    (re.compile(r"Excessive depth in document"), DEPTH_MESSAGE),
    (
        re.compile(r"Text node too long|huge text ?node", re.IGNORECASE),
        "a text node is larger than 1 GB (the XML parser's limit)",
    ),
    (
        re.compile(r"XML_PARSE_HUGE|huge_tree", re.IGNORECASE),
        "the document is larger than the XML parser's limits allow",
    ),
)


def parser_message(raw: str | None) -> str:
    """An lxml/libxml2 message without its position, trailing newline or option advice."""
    msg = _POSITION.sub("", (raw or "").strip()).strip()
    for pattern, limit in _PARSER_LIMITS:
        if pattern.search(msg):
            return limit
    return msg or "not well-formed XML"


def syntax_error(exc: etree.XMLSyntaxError, log: etree._ListErrorLog | None = None) -> ParseError:
    """A :class:`ParseError` with the line and column of an lxml syntax error.

    A streaming parser reports some errors as ``no element found``; the first error in its
    ``log`` then holds the real message and where it happened.
    """
    line, column = exc.position
    msg = exc.msg
    if log is not None:
        first = next((e for e in log if e.level >= etree.ErrorLevels.ERROR and e.line), None)
        if first is not None:
            msg, line, column = first.message, first.line, first.column
    return ParseError(FORMAT, parser_message(msg), line=line or None, column=column or None)


# --- encodings -------------------------------------------------------------------------------
#
# A declaration that names a single-byte charset (windows-1251, KOI8-R, ISO-8859-5...) over bytes
# that are valid UTF-8 and not all ASCII is a lie: text really in such a charset is practically
# never valid UTF-8 (its letters are bytes that UTF-8 only allows as parts of sequences). Read as
# declared, the text would become mojibake; it is read as UTF-8, with a warning.

_ENCODING_DECLARATION = re.compile(
    rb"""\A\s*<\?xml\s[^>]*?\bencoding\s*=\s*(["'])([A-Za-z][A-Za-z0-9._:-]*)\1"""
)
_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
#: How much of a stream is looked at for its first non-ASCII byte to check its declaration.
_PEEK_BYTES = 1024 * 1024


@functools.cache
def _is_single_byte(name: str) -> bool:
    """Whether a charset name is a single-byte encoding Python knows."""
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return False
    if codec.startswith(("utf", "iso2022")):
        return False
    return len(bytes(range(256)).decode(codec, "replace")) == 256  # noqa: PLR2004 - one per byte


def _utf8_override(head: bytes, *, final: bool) -> tuple[bytes, str] | None:
    """For UTF-8 bytes declared in a single-byte charset: the declaration to use, and the name.

    ``head`` is the document or, when not ``final``, its beginning. The replacement declares
    ``UTF-8`` padded with spaces to the same length, so lines and columns do not move.
    """
    if head.startswith(_BOMS):
        return None
    m = _ENCODING_DECLARATION.match(head)
    if m is None:
        return None
    name = m[2].decode("ascii")
    if not _is_single_byte(name) or head.isascii():
        return None
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=final)
    except UnicodeDecodeError:
        return None
    quoted = b'"UTF-8"'.ljust(m.end() - m.start(1))
    return head[: m.start(1)] + quoted + head[m.end() :], name


def _warn_override(name: str) -> None:
    msg = (
        f"the XML declaration says encoding={name!r} but the bytes are UTF-8; read as UTF-8 (the"
        " declaration was overridden)"
    )
    lossy(FORMAT, "encoding", msg, lost=name, line=1)


def _encoding_position(data: bytes) -> tuple[int, int] | None:
    """The line and column of the first byte the declared (or default) encoding refuses."""
    m = _ENCODING_DECLARATION.match(data)
    name = m[2].decode("ascii") if m is not None else "utf-8"
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return None
    if data.startswith(_BOMS) or codec.startswith(("utf-16", "utf-32")):
        return None  # libxml2's own position is right for these
    try:
        data.decode(codec)
    except UnicodeDecodeError as exc:
        line_start = data.rfind(b"\n", 0, exc.start) + 1
        line = data.count(b"\n", 0, exc.start) + 1
        column = len(data[line_start : exc.start].decode(codec, "replace")) + 1
        return line, column
    return None


class Prefixed:
    """A binary file read from a buffered beginning, then from the rest of the file."""

    def __init__(self, head: bytes, rest: IO[bytes]) -> None:
        self.head = head
        self.rest = rest

    def read(self, size: int = -1) -> bytes:
        if not self.head:
            return self.rest.read(size)
        if size is None or size < 0:
            out, self.head = self.head + self.rest.read(), b""
            return out
        out, self.head = self.head[:size], self.head[size:]
        return out


def checked_stream(fp: IO[bytes]) -> IO[bytes] | Prefixed:
    """``fp``, or its bytes re-declared UTF-8 when the declaration names a single-byte charset.

    The decision is made on the beginning of the stream, up to its first non-ASCII byte (at
    most 1 MiB is read ahead); a later byte that is not UTF-8 is then a parse error.
    """
    head = fp.read(4096)
    if not isinstance(head, bytes) or _ENCODING_DECLARATION.match(head) is None:
        return Prefixed(head, fp) if isinstance(head, bytes) else fp
    while head.isascii() and len(head) < _PEEK_BYTES:
        more = fp.read(65536)
        if not more:
            break
        head += more
    override = _utf8_override(head, final=False)
    if override is not None:
        head, name = override
        _warn_override(name)
    return Prefixed(head, fp)


def _document_error(exc: etree.XMLSyntaxError, data: bytes) -> ParseError:
    """The error of a whole-document parse; bad bytes get the place Python's codec finds."""
    error = syntax_error(exc)
    if "encoding" in error.message.lower() or "bytes" in error.message.lower():
        position = _encoding_position(data)
        if position is not None:
            error = ParseError(FORMAT, error.message, line=position[0], column=position[1])
    return error


def _parse(data: bytes) -> tuple[etree._Element, bool]:
    """The root element, and whether it took ``huge_tree`` to parse the document."""
    try:
        return etree.fromstring(data, _parser()), False
    except etree.XMLSyntaxError as exc:
        msg = exc.msg or ""
        if LIFTED_BY_HUGE_TREE.search(msg) is None or "Excessive depth" in msg:
            raise
    # A text node or attribute over 10 MB, which the writer may well write: the input is
    # bounded by max_bytes and has no DOCTYPE, so nothing expands past it.
    return etree.fromstring(data, _parser(huge=True)), True


def _bytes_of(raw: object) -> bytes:
    """The bytes of a document given as bytes or str (a str loses its XML declaration)."""
    if isinstance(raw, str):
        return _DECLARATION.sub("", raw, count=1).encode("utf-8", "surrogatepass")
    if isinstance(raw, (bytes, bytearray, memoryview)):
        return bytes(raw)
    msg = f"expected bytes or str, got {type(raw).__name__}"
    raise TypeError(msg)


def parse_document(raw: bytes | str, options: ReadOptions) -> etree._Element:
    """Parse untrusted bytes into a root element; every failure is a :class:`ParseError`."""
    check_size(FORMAT, raw, options.max_bytes)  # before any copy (characters for a str)
    data = _bytes_of(raw)
    if isinstance(raw, str):
        check_size(FORMAT, data, options.max_bytes)  # its UTF-8 may be longer
    if not data or data.isspace():  # no copy of the document, unlike strip()
        raise ParseError(FORMAT, "empty document", line=1, column=1)
    override = _utf8_override(data, final=True)
    if override is not None:
        data, name = override
        _warn_override(name)
    # The parser can load nothing (see newsmodel._xmlsafe); a DOCTYPE is refused as libxml2
    # reads it, whatever the encoding: in the parsed tree, or, when the parse failed (on the
    # DOCTYPE, its entities or anything after), by reading the prolog again up to the root.
    try:
        root, huge = _parse(data)
    except etree.XMLSyntaxError as exc:
        found = has_doctype(data, FORMAT)
        raise (doctype_error(data) if found else _document_error(exc, data)) from None
    except ParseError:  # the resolver refused a resource, which only a DOCTYPE can name
        raise doctype_error(data) from None
    except (etree.LxmlError, ValueError) as exc:
        raise ParseError(FORMAT, f"not readable XML: {parser_message(str(exc))}") from None
    if root.getroottree().docinfo.doctype:
        raise doctype_error(data)
    if huge:
        check_depth(root, 1)  # the one limit huge_tree lifts that max_bytes does not bound
    return root


def check_root(root: etree._Element) -> None:
    """Refuse a root that is not a NewsML-G2 news item or message."""
    name = local_name(root)
    if not is_nar(root):
        ns = split(root.tag)[0]
        msg = (
            f"not NewsML-G2: the root element <{name}> is in the namespace {ns!r}, "
            f"expected {NAR!r} (or none)"
        )
        raise error(msg, root)
    if name in OTHER_ITEMS:
        msg = f"{OTHER_ITEMS[name]}, not a news item; newsmodel reads text news items"
        raise error(msg, root)
    if name not in ("newsItem", "newsMessage"):
        msg = f"not a NewsML-G2 item or message: the root element is <{name}>"
        raise error(msg, root)
