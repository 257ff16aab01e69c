"""Parse untrusted NITF (and NewsML 1.2) bytes: a DOCTYPE is read, never loaded.

Real NITF and NewsML 1.2 documents open with a DOCTYPE naming their DTD, some with parameter
entities in an internal subset. The parser comes from :mod:`newsmodel._xmlsafe`: no DTD is
loaded, no entity expanded, nothing fetched, and the resolver refuses every resource libxml2
asks for. Parsed with IDs collected (libxml2's default), libxml2 does not even ask for the
external subset. An entity reference the DTD would have defined (``&eacute;``) is left out of
the text and reported; so is one the internal subset defines, which is never expanded.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from lxml import etree

from newsmodel._limits import LIFTED_BY_HUGE_TREE, check_size
from newsmodel._warnings import counted, lossy
from newsmodel._xmlsafe import xml_parser
from newsmodel.errors import ParseError
from newsmodel.newsml._parse import DEPTH_MESSAGE, PARSER_MAX_DEPTH, parser_message

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = ["drop_entities", "parse_document", "parse_tree"]

_PARSERS = threading.local()


def _parser(fmt: str, *, huge: bool) -> etree.XMLParser:
    """This thread's parser for ``fmt``: comments and processing instructions dropped."""
    name = f"{fmt}-{'huge' if huge else 'parser'}"
    parser: etree.XMLParser | None = getattr(_PARSERS, name, None)
    if parser is None:
        parser = xml_parser(fmt, huge=huge, remove_comments=True, remove_pis=True)
        setattr(_PARSERS, name, parser)
    return parser


def _bytes_of(raw: object) -> bytes:
    if isinstance(raw, str):
        text = raw.lstrip()
        if text.startswith("<?xml"):  # a str has no encoding left to declare
            text = text[text.find("?>") + 2 :] if "?>" in text else text
        return text.encode("utf-8", "surrogatepass")
    if isinstance(raw, (bytes, bytearray, memoryview)):
        return bytes(raw)
    msg = f"expected bytes or str, got {type(raw).__name__}"
    raise TypeError(msg)


def _entities(root: etree._Element) -> Iterator[etree._Element]:
    return root.iter(etree.Entity)


def drop_entities(root: etree._Element, fmt: str) -> None:
    """Leave entity references out of the text, keeping the text after them; report them."""
    found = list(_entities(root))
    if not found:
        return
    names: dict[str, None] = {}
    for ref in found:
        names.setdefault(str(ref.text))
        parent = ref.getparent()
        if parent is None:
            continue
        tail = ref.tail or ""
        previous = ref.getprevious()
        if previous is None:
            parent.text = (parent.text or "") + tail
        else:
            previous.tail = (previous.tail or "") + tail
        parent.remove(ref)
    shown = ", ".join(list(names)[:5]) + (", ..." if len(names) > 5 else "")  # noqa: PLR2004
    msg = (
        f"{counted(len(found), 'entity reference')} ({shown}) left out: entities are never"
        " expanded and the DTD is never loaded"
    )
    lossy(fmt, "entity", msg, lost=shown, count=len(found), line=found[0].sourceline)


def _depth_ok(root: etree._Element) -> bool:
    path = etree.XPath("/".join(["*"] * PARSER_MAX_DEPTH))
    found = path(root)
    return not (isinstance(found, list) and found)


def parse_document(raw: bytes | str, fmt: str, max_bytes: int) -> etree._Element:
    """Parse untrusted bytes into a root element; every failure is a :class:`ParseError`.

    A DOCTYPE is read and its DTD never loaded; entity references are reported and left out.
    """
    root = parse_tree(raw, fmt, max_bytes)
    drop_entities(root, fmt)
    return root


def parse_tree(raw: bytes | str, fmt: str, max_bytes: int) -> etree._Element:
    """As :func:`parse_document`, with entity references still in the tree."""
    check_size(fmt, raw, max_bytes)
    data = _bytes_of(raw)
    if isinstance(raw, str):
        check_size(fmt, data, max_bytes)
    if not data or data.isspace():
        raise ParseError(fmt, "empty document", line=1, column=1)
    huge = False
    try:
        try:
            root = etree.fromstring(data, _parser(fmt, huge=False))
        except etree.XMLSyntaxError as exc:
            msg = exc.msg or ""
            if LIFTED_BY_HUGE_TREE.search(msg) is None or "Excessive depth" in msg:
                raise
            # A text node over 10 MB: the input is bounded by max_bytes, and no entity expands.
            root, huge = etree.fromstring(data, _parser(fmt, huge=True)), True
    except etree.XMLSyntaxError as exc:
        line, column = exc.position
        raise ParseError(
            fmt, parser_message(exc.msg), line=line or None, column=column or None
        ) from None
    except ParseError as exc:  # the resolver refused a resource
        raise ParseError(fmt, exc.message, line=exc.line, column=exc.column) from None
    except (etree.LxmlError, ValueError) as exc:
        raise ParseError(fmt, f"not readable XML: {parser_message(str(exc))}") from None
    if huge and not _depth_ok(root):
        raise ParseError(fmt, DEPTH_MESSAGE)
    return root
