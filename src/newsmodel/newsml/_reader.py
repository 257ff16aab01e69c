"""Read NewsML-G2 news items into :class:`~newsmodel.Article` values.

Strict in what it refuses (untrusted bytes), tolerant in what it reads: any namespace prefix or
none, any ``standardversion``, elements in any order, empty elements, XHTML or NITF bodies in
their namespace or none, ``inlineData`` text, timestamps padded with whitespace, offsets written
``+0100`` or missing.
"""

from __future__ import annotations

import codecs
import functools
import re
import threading
from datetime import datetime, timezone, tzinfo
from typing import IO, TYPE_CHECKING, Any, TypedDict

import attrs
from lxml import etree

from newsmodel._blocks import BlockReader, Kind, paragraph
from newsmodel._limits import LIFTED_BY_HUGE_TREE, check_size
from newsmodel._models import (
    _SLUG,
    Article,
    Attribution,
    Block,
    Figure,
    Inline,
    Link,
    Paragraph,
    Role,
    Section,
    Subject,
)
from newsmodel._text import collapse, scrub
from newsmodel._warnings import lossy
from newsmodel.dates import parse_iso
from newsmodel.errors import ParseError, ValidationError
from newsmodel.newsml._ns import NAR, NM, XML
from newsmodel.newsml._writer import derive_guid_for, derive_provider_for

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

__all__ = ["ReadOptions", "iter_items", "parse_document", "read_item"]

_FORMAT = "newsml"

#: The default size limit of one document read with ``loads``/``load``: 16 MiB.
DEFAULT_MAX_BYTES = 16 * 1024 * 1024
#: The default nesting limit of elements read into the model.
DEFAULT_MAX_DEPTH = 100
#: libxml2's nesting limit for a whole document while ``huge_tree`` stays off.
PARSER_MAX_DEPTH = 256

_OTHER_ITEMS = {
    "packageItem": "a package item (packageItem)",
    "conceptItem": "a concept item (conceptItem)",
    "knowledgeItem": "a knowledge item (knowledgeItem)",
    "planningItem": "a planning item (planningItem)",
    "catalogItem": "a catalog item (catalogItem)",
}
_CLASS_NAMES = {
    "picture": "a picture",
    "graphic": "a graphic",
    "video": "a video",
    "audio": "an audio item",
    "composite": "a composite item",
    "interactive": "an interactive item",
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


#: ``tag -> (namespace, local name)`` of the tags met so far: a document uses a few dozen, so
#: one dict lookup replaces parsing the Clark notation of every element. Bounded, since the
#: tags of untrusted input are not.
_NAMES: dict[object, tuple[str, str]] = {}
_NAMES_MAX = 4096
_NAR_OR_NONE = frozenset((NAR, ""))


def _split(tag: object) -> tuple[str, str]:
    """The namespace and local name of a tag (``("", "")`` for comments and entities)."""
    known = _NAMES.get(tag)
    if known is not None:
        return known
    if not isinstance(tag, str):
        value = ("", "")
    elif tag.startswith("{"):
        ns, _, local = tag[1:].partition("}")
        value = (ns, local)
    else:
        value = ("", tag)
    if len(_NAMES) < _NAMES_MAX:
        _NAMES[tag] = value
    return value


def _local(el: etree._Element) -> str:
    return _split(el.tag)[1]


def _is_nar(el: etree._Element) -> bool:
    return _split(el.tag)[0] in _NAR_OR_NONE


# Text for which ``isprintable()`` holds has no control character or surrogate, so it needs
# no ``scrub()``: the check costs a third of the call, and most text passes it.
def _text(el: etree._Element) -> str:
    """All the text of an element, scrubbed and collapsed."""
    if len(el) == 0:  # the common case: text only
        text = el.text or ""
        return collapse(text if text.isprintable() else scrub(text))
    return collapse(scrub("".join(el.itertext())))


def _error(message: str, el: etree._Element | None = None) -> ParseError:
    line = el.sourceline if el is not None else None
    return ParseError(_FORMAT, message, line=line)


class _Untrusted(TypedDict):
    resolve_entities: bool
    no_network: bool
    load_dtd: bool
    remove_comments: bool
    remove_pis: bool


#: How every document is parsed, whole or streamed: no entity, DTD or network resource is
#: loaded, and comments and processing instructions are dropped.
_UNTRUSTED = _Untrusted(
    resolve_entities=False, no_network=True, load_dtd=False, remove_comments=True, remove_pis=True
)

# One parser per thread: an lxml parser must not be used by two threads at once, and a new one
# costs more than the parse of a small item (its context is set up on first use).
_PARSERS = threading.local()


def _parser(*, huge: bool = False) -> etree.XMLParser:
    """This thread's parser; ``huge`` lifts libxml2's 10 MB limit on one text node."""
    name = "huge" if huge else "parser"
    parser: etree.XMLParser | None = getattr(_PARSERS, name, None)
    if parser is None:
        parser = etree.XMLParser(
            dtd_validation=False, huge_tree=huge, collect_ids=False, **_UNTRUSTED
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
        raise ParseError(_FORMAT, _DEPTH_MESSAGE, line=getattr(found[0], "sourceline", None))


_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_PROLOG_SPACE = frozenset(b" \t\r\n")


def _as_utf8(data: bytes) -> bytes | None:
    """A UTF-16 or UTF-32 document as UTF-8, for the prolog scan; ``None`` if it is neither."""
    for codec in ("utf-32", "utf-16", "utf-16-le", "utf-16-be"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if "<" in text[:8]:
            return text.lstrip("\ufeff").encode("utf-8", "surrogatepass")
    return None


def _doctype_offset(data: bytes) -> int | None:
    """Where a DOCTYPE starts in the prolog, or ``None``; comments of any length are skipped.

    A DOCTYPE can stand only before the root element, so the scan reads the prolog alone: the
    XML declaration, processing instructions, comments and whitespace. UTF-16 and UTF-32
    documents are scanned as text.
    """
    head = data[:4]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in head:
        wide = _as_utf8(data)
        return None if wide is None else _doctype_offset(wide)
    i, end = 0, len(data)
    if data.startswith(b"\xef\xbb\xbf"):
        i = 3
    while i < end:
        if data[i] in _PROLOG_SPACE:
            i += 1
        elif data.startswith(b"<?", i):
            close = data.find(b"?>", i + 2)
            i = end if close < 0 else close + 2
        elif data.startswith(b"<!--", i):
            close = data.find(b"-->", i + 4)
            i = end if close < 0 else close + 3
        elif data[i : i + 9].upper() == b"<!DOCTYPE":
            return i
        else:
            return None
    return None


_POSITION = re.compile(r", line \d+, column \d+$")
#: libxml2's limits, in words the caller can act on (its own messages offer an ``XML_PARSE_HUGE``
#: option the caller cannot use). With ``huge_tree`` on, a text node may hold up to 1 GB.
_DEPTH_MESSAGE = (
    f"the document is nested deeper than {PARSER_MAX_DEPTH} levels (the XML parser's limit)"
)
_PARSER_LIMITS = (
    (re.compile(r"Excessive depth in document"), _DEPTH_MESSAGE),
    (
        re.compile(r"Text node too long|huge text ?node", re.IGNORECASE),
        "a text node is larger than 1 GB (the XML parser's limit)",
    ),
    (
        re.compile(r"XML_PARSE_HUGE|huge_tree", re.IGNORECASE),
        "the document is larger than the XML parser's limits allow",
    ),
)


def _parser_message(raw: str | None) -> str:
    """An lxml/libxml2 message without its position, trailing newline or option advice."""
    msg = _POSITION.sub("", (raw or "").strip()).strip()
    for pattern, limit in _PARSER_LIMITS:
        if pattern.search(msg):
            return limit
    return msg or "not well-formed XML"


def syntax_error(exc: etree.XMLSyntaxError, log: etree._ListErrorLog | None = None) -> ParseError:
    """A :class:`ParseError` with the line and column of an lxml syntax error.

    ``iterparse`` reports some errors as ``no element found`` with no position; the first
    error in its parser's ``log`` then holds the real message and where it happened.
    """
    line, column = exc.position
    msg = exc.msg
    if not line and log is not None:
        first = next((e for e in log if e.level >= etree.ErrorLevels.ERROR and e.line), None)
        if first is not None:
            msg, line, column = first.message, first.line, first.column
    return ParseError(_FORMAT, _parser_message(msg), line=line or None, column=column or None)


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
    lossy(_FORMAT, "encoding", msg, lost=name, line=1)


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


class _Prefixed:
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


def checked_stream(fp: IO[bytes]) -> IO[bytes] | _Prefixed:
    """``fp``, or its bytes re-declared UTF-8 when the declaration names a single-byte charset.

    The decision is made on the beginning of the stream, up to its first non-ASCII byte (at
    most 1 MiB is read ahead); a later byte that is not UTF-8 is then a parse error.
    """
    head = fp.read(4096)
    if isinstance(head, bytes) and _doctype_offset(head) is not None:
        # Refused before parsing, as in a whole document, when it stands in the first bytes;
        # one further on is refused when the parser reaches it (entities are never resolved).
        raise ParseError(_FORMAT, "a DOCTYPE is not allowed in NewsML-G2 input")
    if not isinstance(head, bytes) or _ENCODING_DECLARATION.match(head) is None:
        return _Prefixed(head, fp) if isinstance(head, bytes) else fp
    while head.isascii() and len(head) < _PEEK_BYTES:
        more = fp.read(65536)
        if not more:
            break
        head += more
    override = _utf8_override(head, final=False)
    if override is not None:
        head, name = override
        _warn_override(name)
    return _Prefixed(head, fp)


def _document_error(exc: etree.XMLSyntaxError, data: bytes) -> ParseError:
    """The error of a whole-document parse; bad bytes get the place Python's codec finds."""
    error = syntax_error(exc)
    if "encoding" in error.message.lower() or "bytes" in error.message.lower():
        position = _encoding_position(data)
        if position is not None:
            error = ParseError(_FORMAT, error.message, line=position[0], column=position[1])
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
    check_size(_FORMAT, raw, options.max_bytes)  # before any copy (characters for a str)
    data = _bytes_of(raw)
    if isinstance(raw, str):
        check_size(_FORMAT, data, options.max_bytes)  # its UTF-8 may be longer
    if not data or data.isspace():  # no copy of the document, unlike strip()
        raise ParseError(_FORMAT, "empty document", line=1, column=1)
    doctype = _doctype_offset(data)
    if doctype is not None:  # refused before parsing: libxml2 may open an external subset
        line = data.count(b"\n", 0, doctype) + 1
        raise ParseError(_FORMAT, "a DOCTYPE is not allowed in NewsML-G2 input", line=line)
    override = _utf8_override(data, final=True)
    if override is not None:
        data, name = override
        _warn_override(name)
    try:
        root, huge = _parse(data)
    except etree.XMLSyntaxError as exc:
        raise _document_error(exc, data) from None
    except (etree.LxmlError, ValueError) as exc:
        raise ParseError(_FORMAT, f"not readable XML: {_parser_message(str(exc))}") from None
    if huge:
        check_depth(root, 1)  # the one limit huge_tree lifts that max_bytes does not bound
    if root.getroottree().docinfo.doctype:
        raise ParseError(_FORMAT, "a DOCTYPE is not allowed in NewsML-G2 input", line=1)
    return root


def check_root(root: etree._Element) -> None:
    """Refuse a root that is not a NewsML-G2 news item or message."""
    name = _local(root)
    if not _is_nar(root):
        msg = f"not NewsML-G2: the root element is {root.tag!r}, expected the namespace {NAR}"
        raise _error(msg, root)
    if name in _OTHER_ITEMS:
        msg = f"{_OTHER_ITEMS[name]}, not a news item; newsmodel reads text news items"
        raise _error(msg, root)
    if name not in ("newsItem", "newsMessage"):
        msg = f"not a NewsML-G2 item or message: the root element is <{name}>"
        raise _error(msg, root)


def _children(el: etree._Element, name: str) -> list[etree._Element]:
    return [c for c in el if _split(c.tag) in ((NAR, name), ("", name))]


def _child(el: etree._Element, name: str) -> etree._Element | None:
    for c in el:
        if _split(c.tag) in ((NAR, name), ("", name)):
            return c
    return None


# --- dates -----------------------------------------------------------------------------------

_DATE_ONLY = re.compile(r"\d{4}-\d\d-\d\d")


_ISOFORMAT_LENGTH = len("2026-11-25T09:05:00+05:00")


def _isoformat_datetime(raw: str) -> datetime | None:
    """A timestamp in the form writers use (``2026-11-25T09:05:00+05:00``), else None.

    ``fromisoformat`` with the check below reads this form about 4x quicker than
    :func:`~newsmodel.dates.parse_iso` (1.4 against 5.5 us); writing the value back and
    comparing keeps what it accepts to exactly that form, where the two agree.
    """
    if len(raw) != _ISOFORMAT_LENGTH or not raw.isascii():
        return None
    try:
        value = datetime.fromisoformat(raw)
    except ValueError:
        return None
    return value if value.tzinfo is not None and value.isoformat() == raw else None


class _Collector:
    """Gathers what one item gives: extras, warnings, the article's fields."""

    def __init__(self, item: etree._Element, options: ReadOptions) -> None:
        self.item = item
        self.options = options
        self.extra: list[tuple[str, str]] = []
        self.own_extra: list[tuple[str, str]] | None = None
        self.lost: list[str] = []
        self.notes: list[tuple[str, str, str | None]] = []
        self.fields: dict[str, Any] = {}
        self.naive: list[tuple[str, str]] = []

    def lose(self, what: str) -> None:
        if what not in self.lost:
            self.lost.append(what)

    def note(self, message: str, kind: str, lost: str | None = None) -> None:
        """Report ``message`` once the item is read, as a warning of ``kind``."""
        self.notes.append((message, kind, lost))

    def keep(self, key: str, value: str | None) -> None:
        if value:
            self.extra.append((key, value))

    def when(self, el: etree._Element, field: str) -> datetime | None:
        raw = scrub(el.text or "").strip()
        if not raw:
            return None
        quick = _isoformat_datetime(raw)
        if quick is not None:
            return quick
        value = parse_iso(raw)
        if value is None and _DATE_ONLY.fullmatch(raw):
            value = parse_iso(raw + "T00:00")  # a date without a time is midnight
        if value is None:
            self.note(f"{field}: {raw!r} is not a valid date-time; kept in extra", "value", field)
            self.keep(f"newsml:{field}", raw)
            return None
        if value.tzinfo is None:
            # Resolved in finish(): the offset of the item's other timestamps, else the tz option.
            self.naive.append((field, raw))
        return value


# --- roles -----------------------------------------------------------------------------------

_ROLE_CODES = {
    "author": Role.AUTHOR,
    "writer": Role.AUTHOR,
    "editor": Role.EDITOR,
    "translator": Role.TRANSLATOR,
    "photographer": Role.PHOTOGRAPHER,
    "videographer": Role.VIDEOGRAPHER,
    "cameraman": Role.VIDEOGRAPHER,
    "originfo": Role.SOURCE,
    "source": Role.SOURCE,
    "origsource": Role.SOURCE,
    "origcont": Role.ORIGINAL,
    "original": Role.ORIGINAL,
    "publisher": Role.PUBLISHER,
}
_DEFAULT_ROLE = {"creator": Role.AUTHOR, "contributor": Role.EDITOR, "infoSource": Role.SOURCE}


def _role(el: etree._Element, tag: str) -> Role:
    for code in (el.get("role") or "").split():
        role = _ROLE_CODES.get(code.rpartition(":")[2].lower())
        if role is not None:
            return role
    return _DEFAULT_ROLE[tag]


def _name(el: etree._Element, lang: str | None = None) -> str:
    names = _children(el, "name")
    if lang is not None:
        for n in names:
            tag = n.get(f"{{{XML}}}lang")
            if tag and tag.lower().split("-")[0] == lang.lower().split("-")[0]:
                text = _text(n)
                if text:
                    return text
    for n in names:
        text = _text(n)
        if text:
            return text
    return collapse(scrub(el.get("literal") or ""))


def _is_nonpublic(el: etree._Element) -> bool:
    codes = (el.get("pubconstraint") or "") + " " + (el.get("pubconstrainturi") or "")
    return bool(re.search(r"non-?public|internal|private|notforpub", codes, re.IGNORECASE))


# --- metadata --------------------------------------------------------------------------------

_SIMPLE_ITEM_META = {
    "fileName",
    "title",
    "service",
    "signal",
    "role",
    "generator",
    "profile",
    "memberOf",
    "instanceOf",
    "deliverableOf",
    "expires",
    "incomingFeedId",
}
_SIMPLE_CONTENT_META = {
    "altId",
    "audience",
    "exclAudience",
    "rating",
    "digitalSourceType",
    "userInteraction",
    "icon",
    "contentMetaExtProperty",
}


def _value(el: etree._Element) -> str:
    """The value of a simple property: its QCode, URI, literal or text."""
    for attr in ("qcode", "uri", "literal", "id", "href"):
        value = el.get(attr)
        if value:
            return collapse(scrub(value))
    return _text(el)


class _ItemReader(_Collector):
    def nar_children(self, el: etree._Element, where: str) -> Iterator[tuple[etree._Element, str]]:
        """The NewsML-G2 children of ``el`` with their names; a foreign child is reported lost.

        Children in newsmodel's own namespace (``nm:``) are passed over.
        """
        for child in el:
            ns, name = _NAMES.get(child.tag) or _split(child.tag)
            if ns in _NAR_OR_NONE:
                yield child, name
            elif ns != NM:
                self.lose(f"{where}<{name}> in {ns}")

    def read(self) -> Article:  # noqa: C901 - one branch per element
        item = self.item
        guid = collapse(scrub(item.get("guid") or "")) or None
        version = 1
        raw_version = (item.get("version") or "").strip()
        if raw_version:
            if raw_version.isdigit() and int(raw_version) >= 1:
                version = int(raw_version)
            else:
                self.keep("newsml:version", raw_version)
        self.item_lang = item.get(f"{{{XML}}}lang")
        for child, name in self.nar_children(item, ""):
            if name == "catalogRef":
                href = (child.get("href") or "").strip()
                if href and "iptc.org/std/catalog/catalog.IPTC-G2-Standards" not in href:
                    self.keep("newsml:catalogRef", href)
            elif name == "catalog":
                pass  # scheme declarations: used by the writer, nothing for the model
            elif name == "rightsInfo":
                self.rights(child)
            elif name == "itemMeta":
                self.item_meta(child)
            elif name == "contentMeta":
                self.content_meta(child)
            elif name == "contentSet":
                self.content_set(child)
            else:
                self.lose(f"<{name}>")
        return self.finish(guid, version)

    def rights(self, el: etree._Element) -> None:
        for child in el:
            name = _local(child)
            if name == "copyrightHolder":
                self.keep("newsml:copyrightHolder", _name(child) or _value(child))
            elif name in ("copyrightNotice", "usageTerms"):
                self.keep(f"newsml:{name}", _text(child))
            else:
                self.lose(f"rightsInfo/<{name}>")

    def item_meta(self, meta: etree._Element) -> None:  # noqa: C901 - one branch per element
        f = self.fields
        for child, name in self.nar_children(meta, "itemMeta/"):
            if name == "itemClass":
                pass  # checked before reading
            elif name == "provider":
                f["site"] = _name(child) or None
                self.provider = _value(child) if (child.get("qcode") or child.get("uri")) else ""
            elif name == "versionCreated":
                f["versionCreated"] = self.when(child, "versionCreated")
                f["writer_clock"] = child.get(f"{{{NM}}}of") == "writing"
            elif name == "firstCreated":
                f["firstCreated"] = self.when(child, "firstCreated")
            elif name == "embargoed":
                raw = scrub(child.text or "").strip()
                # An empty <embargoed/> means: embargoed until further notice.
                self.extra.append(("newsml:embargoed", raw))
            elif name == "pubStatus":
                status = _value(child)
                if status and status != "stat:usable":
                    self.keep("newsml:pubStatus", status)
            elif name == "edNote":
                self.ed_note(child)
            elif name == "link":
                self.link(child)
            elif name in _SIMPLE_ITEM_META:
                self.keep(f"newsml:{name}", _value(child))
            else:
                self.lose(f"itemMeta/<{name}>")

    def ed_note(self, el: etree._Element) -> None:
        text = _text(el)
        if not text:
            return
        parent = el.getparent()
        if _is_nonpublic(el) or (parent is not None and _is_nonpublic(parent)):
            if self.options.private_notes:
                self.extra.append(("newsml:edNote:nonpublic", text))
            else:
                self.note(
                    "a non-public edNote was left out (private_notes=True keeps it)",
                    "field",
                    "edNote",
                )
            return
        self.keep("newsml:edNote", text)

    def link(self, el: etree._Element) -> None:
        rel = (el.get("rel") or "").rpartition(":")[2].lower()
        href = (el.get("href") or "").strip()
        if rel == "canonical" and href and "url" not in self.fields:
            self.fields["url"] = href
        elif href:
            self.keep(f"newsml:link:{el.get('rel') or 'link'}", href)

    def content_meta(self, meta: etree._Element) -> None:  # noqa: C901, PLR0912, PLR0915 - one branch per element
        f = self.fields
        party_list: list[Attribution] = f.setdefault("attributions", [])
        for child in meta:
            ns, name = _NAMES.get(child.tag) or _split(child.tag)
            if ns not in _NAR_OR_NONE:
                if ns == NM and name == "extra":
                    self.own_extra = self.own_extra or []
                    key = collapse(scrub(child.get("key") or ""))
                    if key:
                        self.own_extra.append((key, scrub(child.text or "")))
                elif ns != NM:
                    self.lose(f"contentMeta/<{name}> in {ns}")
                continue
            if name == "urgency":
                self.keep("newsml:urgency", _text(child))
            elif name == "contentCreated":
                f["contentCreated"] = self.when(child, "contentCreated")
            elif name == "contentModified":
                f["contentModified"] = self.when(child, "contentModified")
            elif name == "located":
                place = _name(child, self.item_lang)
                if place and "place" not in f:
                    f["place"] = place
                else:
                    self.keep("newsml:located", place or _value(child))
            elif name in ("creator", "contributor", "infoSource"):
                self.party(child, name, party_list)
            elif name == "language":
                tag = (child.get("tag") or "").strip()
                if tag and "language" not in f:
                    f["language"] = tag
            elif name == "genre":
                self.keep("newsml:genre", child.get("qcode") or child.get("uri") or _name(child))
            elif name == "keyword":
                text = _text(child)
                if text:
                    f.setdefault("tags", []).append(text)
            elif name == "subject":
                self.subject(child)
            elif name == "slugline":
                f.setdefault("sluglines", []).append(_text(child))
            elif name == "headline":
                self.label(child, "headline")
            elif name == "description":
                self.label(child, "description")
            elif name == "dateline":
                text = _text(child)
                if text and "dateline" not in f:
                    f["dateline"] = text
                else:
                    self.keep("newsml:dateline", text)
            elif name in ("by", "creditline"):
                self.keep(f"newsml:{name}", _text(child))
            elif name in _SIMPLE_CONTENT_META:
                self.keep(f"newsml:{name}", _value(child))
            else:
                self.lose(f"contentMeta/<{name}>")

    def party(self, el: etree._Element, tag: str, party_list: list[Attribution]) -> None:
        name = _name(el, self.item_lang)
        if not name:
            self.keep(f"newsml:{tag}", _value(el))
            return
        url = (el.get("uri") or "").strip()
        if not url.lower().startswith(("http://", "https://")):
            url = ""
        phrase = el.get(f"{{{NM}}}phrase")
        try:
            party_list.append(
                Attribution(
                    name,
                    role=_role(el, tag),
                    url=url or None,
                    phrase=collapse(scrub(phrase)) if phrase else None,
                )
            )
        except ValidationError:
            party_list.append(Attribution(name, role=_role(el, tag)))
            self.note(f"{tag}: the URL {url!r} of {name!r} is not usable; left out", "value", tag)

    def subject(self, el: etree._Element) -> None:
        code = collapse(scrub(el.get("qcode") or ""))
        label = _name(el, self.item_lang) or None
        if code.startswith("nmrubric:") and label:
            self.fields.setdefault("rubrics", []).append(label)
            return
        if code:
            try:
                subject = Subject(code, label)
            except ValidationError:
                pass
            else:
                self.fields.setdefault("subjects", []).append(subject)
                return
        value = code or _value(el)
        if not value:
            main = _child(el, "mainConcept")
            value = _value(main) if main is not None else ""
        self.keep("newsml:subject", f"{value} {label}" if value and label else value or label)

    def label(self, el: etree._Element, kind: str) -> None:
        text = _text(el)
        if not text:
            return
        role = (el.get("role") or "").split()
        lang = el.get(f"{{{XML}}}lang")
        rank = el.get("rank")
        self.fields.setdefault(f"{kind}s", []).append((text, role[0] if role else None, lang, rank))

    # --- body ------------------------------------------------------------------------------

    def content_set(self, el: etree._Element) -> None:
        for child in el:
            name = _local(child)
            if name in ("inlineXML", "inlineData") and "body" not in self.fields:
                self.fields["body"] = child
            elif name == "remoteContent":
                self.keep("newsml:remoteContent", child.get("href") or child.get("residref"))
            else:
                self.lose(f"contentSet/<{name}>")

    # --- the article ----------------------------------------------------------------------

    def headline_and_labels(self) -> tuple[str | None, str | None]:
        """Pick the headline and the lede; keep the other headlines and descriptions."""
        item_lang = (self.item_lang or "").lower()
        chosen: dict[str, str | None] = {}
        for kind, main_roles in (
            ("headline", ("main", "hlrole:main")),
            ("description", ("summary",)),
        ):
            labels = self.fields.get(f"{kind}s", [])

            def rank(
                entry: tuple[str, str | None, str | None, str | None],
                main_roles: tuple[str, ...] = main_roles,
            ) -> tuple[int, int, int]:
                _, role, lang, rank_attr = entry
                role_ok = role is None or role.rpartition(":")[2].lower() in {
                    r.rpartition(":")[2] for r in main_roles
                }
                lang_ok = lang is None or lang.lower() == item_lang
                rank_n = int(rank_attr) if rank_attr and rank_attr.isdigit() else 1_000
                return (0 if role_ok else 1, 0 if lang_ok else 1, rank_n)

            best = min(labels, key=rank) if labels else None
            if best is not None and kind == "description" and rank(best)[0] != 0:
                best = None  # a teaser or caption is not the lede
            chosen[kind] = best[0] if best else None
            for entry in labels:
                if entry is best:
                    continue
                text, role, lang, _ = entry
                key = f"newsml:{kind}" + (f":{role}" if role else "")
                key += f"@{lang}" if lang and lang.lower() != item_lang else ""
                self.extra.append((key, text))
        return chosen["headline"], chosen["description"]

    def finish(self, guid: str | None, version: int) -> Article:  # noqa: C901, PLR0912 - one step per field
        f = self.fields
        headline, lede = self.headline_and_labels()
        body = f.get("body")
        # Agencies repeat the headline and lede at the top of the body; newsmodel's own items
        # (which declare its namespace) never do, so their body is taken as it is.
        own = NM in self.item.nsmap.values()
        body_reader = _BodyReader(self, None if own else headline, None if own else lede)
        sections: list[Section] = []
        image: Figure | None = None
        if body is not None:
            sections, image = body_reader.read_body(body)
        if headline is None:
            headline = self.fallback_headline(body_reader)
        if body_reader.body_lede is not None:
            if lede is None:
                lede = body_reader.body_lede
            elif body_reader.body_lede != lede:
                self.keep("newsml:nitf:abstract", body_reader.body_lede)
        # slug
        slug = None
        for slugline in f.get("sluglines", []):
            if slug is None and slugline and _is_slug(slugline):
                slug = slugline
            else:
                self.keep("newsml:slugline", slugline)
        # dates
        self.resolve_offsets()
        first = f.get("firstCreated")
        created = f.get("contentCreated")
        version_created = None if f.get("writer_clock") else f.get("versionCreated")
        updated = f.get("contentModified")
        # A version stamped at (or after) the modification time dates the change, not the
        # first publication: an item that gives only those was changed at a known time and
        # created at an unknown one.
        version_is_change = (
            updated is not None and version_created is not None and (version_created >= updated)
        )
        published = first or created or (None if version_is_change else version_created)
        if first and created and first != created:
            self.extra.append(("newsml:contentCreated", created.isoformat()))
        if updated is None and version_created and published and version_created > published:
            updated = version_created
        if updated is not None and published is not None and updated < published:
            self.note(
                "the modification time is before the creation time; kept in extra",
                "value",
                "contentModified",
            )
            self.extra.append(("newsml:contentModified", updated.isoformat()))
            updated = None
        language = f.get("language") or self.item_lang or self.options.language
        site = f.get("site")
        url = f.get("url")
        provider = getattr(self, "provider", "")
        if provider and provider != derive_provider_for(site):
            self.extra.insert(0, ("newsml:provider", provider))
        if (
            guid is not None
            and guid.startswith("urn:uuid:")
            and guid == derive_guid_for(url, headline, published)
        ):
            guid = None  # newsmodel derived it from the article: not part of the article
        fields: dict[str, Any] = {
            "headline": headline,
            "lede": lede,
            "sections": sections,
            "attributions": f.get("attributions", ()),
            "published": published,
            "updated": updated,
            "language": language,
            "rubrics": f.get("rubrics", ()),
            "tags": f.get("tags", ()),
            "subjects": f.get("subjects", ()),
            "site": site,
            "url": url,
            "guid": guid,
            "version": version,
            "dateline": f.get("dateline"),
            "place": f.get("place"),
            "image": image,
            "slug": slug,
            "extra": self.own_extra if self.own_extra is not None else self.extra,
        }
        article = self.build(fields)
        self.report()
        return article

    def resolve_offsets(self) -> None:
        """Give timestamps written without an offset the offset of the item's other ones.

        Feeds that leave the offset out of one timestamp mostly write it on another; when none
        has one, the ``tz`` option is used. Either way a warning says so.
        """
        if not self.naive:
            return
        names = ("versionCreated", "firstCreated", "contentCreated", "contentModified")
        values = [self.fields.get(n) for n in names]
        reference = next((v.tzinfo for v in values if v is not None and v.tzinfo), None)
        tz = reference or self.options.tz
        for name, value in zip(names, values, strict=False):
            if value is not None and value.tzinfo is None:
                self.fields[name] = value.replace(tzinfo=tz)
        source = "the offset of the item's other timestamps" if reference else str(tz)
        for field, raw in self.naive:
            self.note(
                f"{field}: {raw!r} has no UTC offset; read with {source} ({tz})", "time", field
            )

    def build(self, fields: dict[str, Any]) -> Article:
        """The article; a language or URL the model refuses goes to extra, with a warning."""
        for _ in range(3):
            try:
                return Article(**fields)
            except ValidationError as exc:  # noqa: PERF203 - at most once per field
                field = exc.field.partition("[")[0]
                if field == "language":
                    self.note(
                        f"the language {fields['language']!r} is not a BCP 47 tag; "
                        f"read as {self.options.language!r}",
                        "value",
                        "language",
                    )
                    self.repair(fields, "newsml:language", fields["language"])
                    fields["language"] = self.options.language
                elif field == "url" and fields["url"] is not None:
                    self.repair(fields, "newsml:link:canonical", fields["url"])
                    fields["url"] = None
                else:
                    msg = f"{exc.field}: {exc.reason}"
                    raise ParseError(_FORMAT, msg, line=self.item.sourceline) from None
        msg = "the item cannot be read"  # pragma: no cover - each field is repaired once
        raise ParseError(_FORMAT, msg, line=self.item.sourceline)

    def repair(self, fields: dict[str, Any], key: str, value: str) -> None:
        if fields["extra"] is self.extra:
            self.keep(key, value)

    def fallback_headline(self, body: _BodyReader) -> str:
        for source, text in (
            ("the body's headline", body.body_headline),
            ("the slugline", next(iter(self.fields.get("sluglines", [])), None)),
            ("the item title", _first_extra(self.extra, "newsml:title")),
        ):
            if text:
                self.note(
                    f"the item has no headline; {source} {text!r} was used instead",
                    "field",
                    "headline",
                )
                return text
        raise ParseError(_FORMAT, "the item has no headline", line=self.item.sourceline)

    def report(self) -> None:
        line = self.item.sourceline
        for message, kind, lost in self.notes:
            lossy(_FORMAT, kind, message, lost=lost, line=line)
        if self.lost:
            listed = ", ".join(self.lost)
            lossy(_FORMAT, "element", f"not read: {listed}", lost=listed, count=len(self.lost))


def _first_extra(extra: list[tuple[str, str]], key: str) -> str | None:
    return next((v for k, v in extra if k == key), None)


def _is_slug(text: str) -> bool:
    return bool(_SLUG.match(text)) and text == text.lower()


# --- bodies ----------------------------------------------------------------------------------

_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6", "hl2"}
_CONTAINERS = {
    "div",
    "article",
    "main",
    "body.content",
    "body",
    "center",
    "span",
    "font",
    "content",
    "inlineXML",
    "html",
    "aside",
    "header",
    "nav",
    "body.end",
}
_SKIP = {
    "head",
    "title",
    "script",
    "style",
    "noscript",
    "iframe",
    "object",
    "embed",
    "form",
    "button",
    "input",
    "hr",
    "meta",
    "link",
    "tagline",
    "body.end",
}


class _BodyReader(BlockReader[etree._Element]):  # noqa: SLF001 - lxml's element type
    def __init__(self, item: _ItemReader, headline: str | None, lede: str | None) -> None:
        super().__init__(keep_headings=True)
        self.item = item
        self.headline = headline
        self.lede = lede
        self.body_headline: str | None = None
        self.body_lede: str | None = None
        self.seen_block = False
        self.image: Figure | None = None
        self.max_depth = item.options.max_depth

    def read_body(self, el: etree._Element) -> tuple[list[Section], Figure | None]:
        if _local(el) == "inlineData":
            return self.plain(el), None
        kids = [c for c in el if isinstance(c.tag, str)]
        if len(kids) == 1 and _local(kids[0]) in ("html", "nitf"):
            root = kids[0]
            if _local(root) == "nitf":
                self.nitf_head(root)
        elif not kids:
            text = _text(el)
            return ([Section(blocks=[text])] if text else []), None
        else:
            root = el
        return self.read(root), self.image

    def plain(self, el: etree._Element) -> list[Section]:
        text = scrub(el.text or "")
        paragraphs = [collapse(p) for p in re.split(r"\n\s*\n|\r\n\s*\r\n", text)]
        paragraphs = [p for p in paragraphs if p]
        if paragraphs and self.headline and paragraphs[0] == self.headline:
            paragraphs = paragraphs[1:]
        if paragraphs and self.lede and paragraphs[0] == self.lede:
            paragraphs = paragraphs[1:]
        return [Section(blocks=paragraphs)] if paragraphs else []

    def nitf_head(self, nitf: etree._Element) -> None:
        for el in nitf.iter():
            name = _local(el)
            if name == "hl1" and self.body_headline is None:
                self.body_headline = _text(el) or None
            elif name == "abstract" and self.body_lede is None:
                self.body_lede = _text(el) or None
            elif name == "byline":
                self.item.keep("newsml:nitf:byline", _text(el))

    # -- inline ---------------------------------------------------------------------------

    def name(self, el: etree._Element) -> str:
        tag = el.tag
        return (_NAMES.get(tag) or _split(tag))[1]

    def clean(self, text: str) -> str:
        return scrub(text)

    def start(self, el: etree._Element, depth: int) -> int:
        # Depth counts from the body, so that max_depth bounds the whole walk.
        if depth > self.max_depth:
            msg = f"the body is nested deeper than {self.max_depth} elements (max_depth)"
            raise ParseError(_FORMAT, msg, line=el.sourceline)
        return depth

    def deeper(self, el: etree._Element, depth: int, kind: Kind) -> int:
        # A block inside inline content counts one level, an inline element two (it, its content).
        return self.start(el, depth + (1 if kind == "spaced" else 2))

    def kind(self, el: etree._Element, name: str, depth: int) -> Kind:  # noqa: ARG002
        if name in ("img", "media"):
            self.item.lose("an image inside a paragraph")
            return "skip"
        if name == "em" and "strong" in (el.get("class") or "").split():
            return "strong"
        return _INLINE_KINDS.get(name, "text")

    def link(self, el: etree._Element, content: list[Inline]) -> list[Inline]:
        href = (el.get("href") or "").strip()
        title = el.get("title")
        try:
            return [Link(href, content, title=collapse(scrub(title)) if title else None)]
        except ValidationError:
            if href:
                self.item.lose(f"a link to {href[:40]!r} that is not allowed")
            return content

    # -- blocks ---------------------------------------------------------------------------

    def is_inline(self, name: str) -> bool:
        return name in _INLINE_NAMES

    def block(self, el: etree._Element, name: str, depth: int) -> None:  # noqa: C901, PLR0912 - one branch per kind of block
        if name in ("p", "pre", "address"):
            self.add(paragraph(self.inlines(el, depth)))
        elif name in _HEADINGS:
            text = _text(el)
            if not text:
                return
            if name == "h1" and not self.seen_block and text == (self.headline or text):
                self.body_headline = self.body_headline or text
                return
            self.begin(text)
        elif name in ("section", "block"):
            self.close()
            self.walk(el, depth)
            self.close()
        elif name in ("blockquote", "bq"):
            cite = next((_text(n) or None for n in el.iter() if _local(n) in _QUOTE_CITE), None)
            parts = [node for node in el.iter() if _local(node) == "p"]
            quote = self.quote(el, depth, parts, cite, _QUOTE_SKIP)
            # without a paragraph in it, its own text is the quote
            self.add(quote or self.quote(el, depth, None, cite, _QUOTE_SKIP))
        elif name in ("ul", "ol"):
            self.add(self.item_list(el, depth))
        elif name in ("figure", "media", "img"):
            self.figure(el, name)
        elif name == "table":
            for row in el.iter("{*}tr", "tr"):
                text = " | ".join(_text(c) for c in row if _text(c))
                if text:
                    self.add(Paragraph(text))
            self.item.lose("a table (read as one paragraph per row)")
        elif name == "body.end":
            for node in el.iter():
                if _local(node) == "tagline":
                    self.item.keep("newsml:nitf:tagline", _text(node))
        elif name in _SKIP:
            if name not in ("head", "title", "hr", "meta", "link"):
                self.item.lose(f"<{name}> in the body")
        elif name in _CONTAINERS or name in ("body.head", "hedline", "li", "dl", "dd", "dt"):
            if name == "body.head":
                return  # read by nitf_head
            self.walk(el, depth)
        else:
            self.item.lose(f"<{name}> in the body (its text was kept)")
            self.walk(el, depth)

    def add(self, block: Block | None) -> None:
        if block is None:
            return
        if not self.seen_block and isinstance(block, Paragraph):
            # Agencies repeat the headline and the lede at the top of the body.
            if self.headline and block.text == self.headline:
                return
            if self.lede and block.text == self.lede:
                return
        self.seen_block = True
        self.blocks.append(block)

    def figure(self, el: etree._Element, name: str) -> None:  # noqa: C901, PLR0912 - XHTML img, figure and NITF media
        src = alt = caption = None
        credit: Attribution | None = None
        if name == "img":
            src, alt = el.get("src"), el.get("alt")
        elif name == "figure":
            for node in el.iter():
                local = _local(node)
                if local == "img" and src is None:
                    src, alt = node.get("src"), node.get("alt")
                elif local == "figcaption":
                    caption, credit = self.figcaption(node)
        else:  # NITF media
            for node in el:
                local = _local(node)
                if local == "media-reference" and src is None:
                    src = node.get("source") or node.get("data-location")
                    alt = node.get("alternate-text")
                elif local == "media-caption":
                    caption = _text(node)
                elif local == "media-producer":
                    who = _text(node)
                    credit = Attribution(who, role=Role.PHOTOGRAPHER) if who else None
        try:
            figure = Figure((src or "").strip(), caption=caption, credit=credit, alt=alt)
        except ValidationError:
            self.item.lose(f"an image whose address {src!r} is not an absolute http(s) URL")
            if caption:
                self.add(Paragraph(caption))
            return
        lead = "lead" in (el.get("class") or "").split()
        if lead and self.image is None and not self.seen_block:
            self.image = figure
        else:
            self.seen_block = True
            self.blocks.append(figure)

    def figcaption(self, el: etree._Element) -> tuple[str | None, Attribution | None]:
        credit = None
        parts = [scrub(el.text or "")]
        for child in el:
            if "credit" in (child.get("class") or "").split() and credit is None:
                link = next((a for a in child.iter() if _local(a) == "a"), None)
                url = (link.get("href") or "") if link is not None else ""
                name = _text(child)
                role_value = child.get("data-role") or "photographer"
                try:
                    credit = Attribution(
                        name,
                        role=role_value,
                        url=url or None,
                        phrase=child.get("data-phrase"),
                    )
                except ValidationError:
                    credit = Attribution(name, role=Role.PHOTOGRAPHER) if name else None
            else:
                parts.append("".join(child.itertext()))
            parts.append(child.tail or "")
        return collapse(scrub("".join(parts))) or None, credit


_INLINE_KINDS: dict[str, Kind] = {
    "br": "break",
    "a": "link",
    **dict.fromkeys(("strong", "b"), "strong"),
    **dict.fromkeys(("em", "i", "cite", "dfn", "var", "u"), "emphasis"),
    **dict.fromkeys(("p", "div", "ul", "ol", "li", "blockquote", "block"), "spaced"),
}
_QUOTE_CITE = frozenset(("cite", "credit"))
_QUOTE_SKIP = frozenset(("footer", "credit"))
_INLINE_NAMES = {
    "a",
    "em",
    "i",
    "b",
    "strong",
    "br",
    "span",
    "cite",
    "dfn",
    "var",
    "u",
    "q",
    "sub",
    "sup",
    "small",
    "big",
    "abbr",
    "acronym",
    "code",
    "kbd",
    "samp",
    "tt",
    "font",
    "mark",
    "time",
    "s",
    "del",
    "ins",
    # NITF enriched text
    "person",
    "org",
    "location",
    "chron",
    "num",
    "money",
    "classifier",
    "copyrite",
    "event",
    "function",
    "lang",
    "object.title",
    "postaddr",
    "pronounce",
    "virtloc",
    "city",
    "country",
    "region",
    "state",
    "sublocation",
    "alt-code",
    "frac",
    "frac-numer",
    "frac-denom",
}


# --- entry points ----------------------------------------------------------------------------


def _item_class(item: etree._Element) -> str | None:
    meta = _child(item, "itemMeta")
    cls = _child(meta, "itemClass") if meta is not None else None
    return (cls.get("qcode") or cls.get("uri") or "") if cls is not None else None


def check_text_item(item: etree._Element) -> None:
    """Refuse news items that are not text (pictures, videos, composites)."""
    cls = _item_class(item)
    if cls is None or not cls:
        return
    code = cls.rstrip("/").rpartition("/")[2].rpartition(":")[2].lower()
    if code == "text":
        return
    what = _CLASS_NAMES.get(code, f"an item of class {cls!r}")
    msg = f"{what} ({cls}), not a text news item"
    raise _error(msg, item)


def read_item(item: etree._Element, options: ReadOptions) -> Article:
    """Read one ``newsItem`` element."""
    check_text_item(item)
    return _ItemReader(item, options).read()


def items_of_message(root: etree._Element) -> list[etree._Element]:
    """The news items of a ``newsMessage``; other items are refused with their kind."""
    out = []
    for container in root:
        if _local(container) != "itemSet":
            continue
        for item in container:
            name = _local(item)
            if name == "newsItem":
                out.append(item)
            elif name in _OTHER_ITEMS:
                msg = f"the message holds {_OTHER_ITEMS[name]}"
                raise _error(msg, item)
    return out


def iter_items(  # noqa: C901, PLR0912 - the loop, its checks and the error mapping
    fp: IO[bytes], options: ReadOptions, on_other: Callable[[str, int | None], None]
) -> Iterator[Article]:
    """Stream the text items of a message; other item kinds are passed to ``on_other``."""
    wanted = {"newsItem", *_OTHER_ITEMS}
    tags = [f"{{{NAR}}}{t}" for t in wanted] + list(wanted)
    context = etree.iterparse(
        checked_stream(fp),
        events=("end",),
        tag=tags,
        # A text node may exceed 10 MB, as the writer allows; the depth is checked below.
        huge_tree=True,
        **_UNTRUSTED,
    )
    checked = False
    try:
        for _, el in context:
            if not checked:
                checked = True
                root = el.getroottree().getroot()
                if el.getroottree().docinfo.doctype:
                    raise ParseError(_FORMAT, "a DOCTYPE is not allowed in NewsML-G2 input")
                if _local(root) not in ("newsMessage", "newsItem") or not _is_nar(root):
                    check_root(root)
            level = 1 + sum(1 for _ in el.iterancestors())
            check_depth(el, level)
            name = _local(el)
            if name == "newsItem":
                try:
                    check_text_item(el)
                except ParseError as exc:
                    on_other(exc.message, el.sourceline)
                else:
                    yield read_item(el, options)
            else:
                on_other(f"{_OTHER_ITEMS[name]}, not a news item", el.sourceline)
            # Constant memory: drop the item and everything before it.
            el.clear(keep_tail=False)
            parent = el.getparent()
            if parent is not None:
                while (previous := el.getprevious()) is not None:
                    check_depth(previous, level)  # what stood between items, held to the limit
                    del parent[0]
        if context.root is not None:
            check_depth(context.root, 1)  # the header and what follows the last item
        if not checked:
            # No item at all: say what the document is instead, when it is not a message.
            last = context.root
            if last is not None:
                if last.getroottree().docinfo.doctype:
                    raise ParseError(_FORMAT, "a DOCTYPE is not allowed in NewsML-G2 input")
                check_root(last)
    except etree.XMLSyntaxError as exc:
        raise syntax_error(exc, context.error_log) from None
    except etree.LxmlError as exc:
        raise ParseError(_FORMAT, f"not readable XML: {_parser_message(str(exc))}") from None
