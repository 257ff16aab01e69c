"""The limits every reader holds its input to.

One size limit holds for every format, :data:`MAX_BYTES`. It is checked first, before any work
is done on the input. The XML and HTML readers parse with libxml2's own limits, and again with
``huge_tree`` when the input stopped at one that only guards against sizes ``max_bytes``
already bounds.
"""

from __future__ import annotations

import re

from newsmodel.errors import ParseError

__all__ = ["LIFTED_BY_HUGE_TREE", "MAX_BYTES", "check_size", "utf8_text"]

#: The largest document every reader reads unless told otherwise (``max_bytes=``): 16 MiB.
#: Each format module re-exports it as ``DEFAULT_MAX_BYTES``.
MAX_BYTES = 16 * 1024 * 1024

#: What libxml2 says when it stops at a limit that ``huge_tree`` lifts: a text node, attribute
#: or name over 10 MB. Its depth limit, which ``huge_tree`` lifts too, is checked apart.
LIFTED_BY_HUGE_TREE = re.compile(r"XML_PARSE_HUGE|too long|too big", re.IGNORECASE)


def check_size(fmt: str, data: object, max_bytes: int) -> None:
    """Refuse input over ``max_bytes``: bytes are counted in bytes, ``str`` in characters.

    Input of another type passes, for the reader to refuse it by its type.

    Raises:
        ParseError: of format ``fmt``, saying the size and the limit.

    >>> check_size("json", b"{}", 2)
    >>> check_size("json", "{} ", 2)
    Traceback (most recent call last):
    ...
    newsmodel.ParseError: json: document of 3 characters is over the limit of max_bytes=2
    """
    if isinstance(data, memoryview):
        size, unit = data.nbytes, "bytes"
    elif isinstance(data, (bytes, bytearray)):
        size, unit = len(data), "bytes"
    elif isinstance(data, str):
        size, unit = len(data), "characters"
    else:
        return
    if size > max_bytes:
        msg = f"document of {size} {unit} is over the limit of max_bytes={max_bytes}"
        raise ParseError(fmt, msg)


_BOM = b"\xef\xbb\xbf"


def utf8_text(fmt: str, data: object) -> str:
    """The text of a document given as ``str`` or as UTF-8 bytes (a byte order mark dropped).

    Raises:
        ParseError: the bytes are not UTF-8.
        TypeError: ``data`` is neither text nor bytes.
    """
    if isinstance(data, (bytes, bytearray, memoryview)):
        data = bytes(data)
        # The "utf-8-sig" codec would do this in Python, and count the bytes after the mark.
        skip = 3 if data.startswith(_BOM) else 0
        try:
            return (data[skip:] if skip else data).decode("utf-8")
        except UnicodeDecodeError as exc:
            msg = f"not UTF-8: {exc.reason} at byte {exc.start + skip}"
            raise ParseError(fmt, msg) from None
    if not isinstance(data, str):
        msg = f"expected str or bytes, got {type(data).__name__}"
        raise TypeError(msg)
    return data
