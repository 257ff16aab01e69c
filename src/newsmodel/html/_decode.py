"""Turn the bytes of a page into text: BOM, hint, ``<meta>`` declaration, then detection.

``lxml.html.fromstring(bytes)`` falls back to Latin-1 on many real pages, including some that
declare UTF-8 after the first kilobyte, so the reader never hands lxml bytes.

The detector: bytes that are valid UTF-8 are UTF-8. Otherwise, if the bytes above 0x7F mostly
come in runs (as letters of a Cyrillic word do, and as the odd accented letter of a Western
European text does not), the text is Cyrillic: windows-1251 puts the lower-case letters at
0xE0–0xFF, KOI8-R at 0xC0–0xDF, and running text is mostly lower case, so whichever range
dominates decides. Everything else is windows-1252 (the WHATWG reading of "ISO-8859-1").
"""

from __future__ import annotations

import codecs
import functools
import re
import threading

from typing_extensions import Self

from newsmodel._textrules import scrub

__all__ = ["DecodedText", "decode", "decode_clean", "detect", "normalize_label"]

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# How far into the page a <meta> declaration is looked for. Browsers stop at 1024 bytes, but
# real pages put inline styles and scripts first and the declaration after them.
PRESCAN_BYTES = 32_768
_META = re.compile(rb"<meta\b[^>]{0,1024}>", re.IGNORECASE)
_CHARSET = re.compile(rb"""charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.IGNORECASE)
_HTTP_EQUIV = re.compile(rb"""http-equiv\s*=\s*["']?\s*content-type""", re.IGNORECASE)
_CHARSET_ATTR = re.compile(rb"""\bcharset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.IGNORECASE)

# WHATWG Encoding: labels whose meaning differs from Python's codec of the same name.
_WHATWG = {
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "l1": "cp1252",
    "ascii": "cp1252",
    "us-ascii": "cp1252",
    "iso-8859-9": "cp1254",
    "tis-620": "cp874",
    "x-cp1251": "cp1251",
    "x-mac-cyrillic": "mac-cyrillic",
    "koi": "koi8-r",
    "koi8": "koi8-r",
    "utf8": "utf-8",
    # GBK and its labels are GB18030 in a browser: the superset decodes what pages really hold.
    "gb2312": "gb18030",
    "gb_2312": "gb18030",
    "gb_2312-80": "gb18030",
    "csgb2312": "gb18030",
    "csiso58gb231280": "gb18030",
    "iso-ir-58": "gb18030",
    "chinese": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "cp936": "gb18030",
    "ms936": "gb18030",
    "windows-936": "gb18030",
    # Shift_JIS, EUC-KR and Big5 are the Windows supersets in a browser.
    "shift_jis": "cp932",
    "shift-jis": "cp932",
    "sjis": "cp932",
    "ms_kanji": "cp932",
    "csshiftjis": "cp932",
    "x-sjis": "cp932",
    "windows-31j": "cp932",
    "euc-kr": "cp949",
    "euc_kr": "cp949",
    "cseuckr": "cp949",
    "ks_c_5601-1987": "cp949",
    "ks_c_5601-1989": "cp949",
    "ksc5601": "cp949",
    "ksc_5601": "cp949",
    "windows-949": "cp949",
    "big5": "big5hkscs",
    "big5-hkscs": "big5hkscs",
    "cn-big5": "big5hkscs",
    "csbig5": "big5hkscs",
    "x-x-big5": "big5hkscs",
    "iso-8859-11": "cp874",
    "iso8859-11": "cp874",
    # A page that declares UTF-16 in an ASCII-compatible <meta> is not UTF-16 (WHATWG).
    "utf-16": "utf-8",
    "utf-16le": "utf-8",
    "utf-16be": "utf-8",
    "unicode": "utf-8",
}


class DecodedText(str):  # noqa: SLOT000
    """Decoded page text that remembers which encoding was used and why.

    ``overridden`` is the encoding the page (or the hint) declared when the bytes showed the
    declaration to be wrong, and ``None`` otherwise. ``replaced`` counts the bytes the
    encoding could not decode, each run of them now one U+FFFD; ``replaced_at`` is the line
    and column of the first, or ``None`` when there is none. ``exact`` is true when the text is
    all the bytes decoded, nothing replaced and nothing removed.
    """

    encoding: str
    reason: str
    overridden: str | None
    replaced: int
    replaced_at: tuple[int, int] | None
    exact: bool

    def __new__(
        cls,
        text: str,
        encoding: str,
        reason: str,
        overridden: str | None = None,
        *,
        replaced: int = 0,
        replaced_at: tuple[int, int] | None = None,
        exact: bool = False,
    ) -> Self:
        obj = super().__new__(cls, text)
        obj.encoding = encoding
        obj.reason = reason
        obj.overridden = overridden
        obj.replaced = replaced
        obj.replaced_at = replaced_at
        obj.exact = exact
        return obj

    def again(self, text: str) -> DecodedText:
        """The same decoding, of the text changed (scrubbed)."""
        return DecodedText(
            text,
            self.encoding,
            self.reason,
            self.overridden,
            replaced=self.replaced,
            replaced_at=self.replaced_at,
        )


# Bytes the codec refuses become U+FFFD, as with "replace", and are counted on the way: the
# handler is called once per run of undecodable bytes, on the thread that decodes.
_COUNTS = threading.local()


def _count_and_replace(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    _COUNTS.bytes += exc.end - exc.start
    return "\ufffd", exc.end


_COUNTING = "newsmodel.html.count-and-replace"
codecs.register_error(_COUNTING, _count_and_replace)


def _decoded(
    data: bytes, name: str, reason: str, overridden: str | None = None, *, skip: int = 0
) -> DecodedText:
    """``data[skip:]`` decoded, bytes the codec refuses replaced by U+FFFD and counted."""
    body = data[skip:] if skip else data
    try:
        return DecodedText(body.decode(name), name, reason, overridden, exact=not skip)
    except UnicodeDecodeError as exc:
        first = exc.start
    _COUNTS.bytes = 0
    text = body.decode(name, _COUNTING)
    before = body[:first].decode(name)  # decodes: the first refused byte is past it
    line = before.count("\n") + 1
    column = len(before) - before.rfind("\n")
    return DecodedText(
        text, name, reason, overridden, replaced=_COUNTS.bytes, replaced_at=(line, column)
    )


def normalize_label(label: str) -> str | None:
    """The Python codec for an encoding label, or ``None`` when the label is unknown.

    >>> normalize_label("Windows-1251"), normalize_label("ISO-8859-1"), normalize_label("nope")
    ('cp1251', 'cp1252', None)
    """
    key = label.strip().strip("\"'").lower()
    key = _WHATWG.get(key, key)
    try:
        name = codecs.lookup(key).name
    except LookupError:
        return None
    # Codecs that could turn ASCII bytes into markup other than what they are.
    if name in {"utf-7", "utf-16", "utf-32", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"}:
        return "utf-8"
    return name


def _declared(data: bytes) -> str | None:
    head = data[:PRESCAN_BYTES]
    for match in _META.finditer(head):
        tag = match.group()
        found = _CHARSET_ATTR.search(tag)
        if found is None:
            continue
        if b"http-equiv" in tag.lower() and _HTTP_EQUIV.search(tag) is None:
            continue
        label = normalize_label(found.group(1).decode("ascii"))
        if label is not None:
            return label
    return None


def detect(data: bytes) -> str:
    """Guess the encoding of bytes that declare none: UTF-8, windows-1251, KOI8-R or windows-1252.

    >>> detect("Привет, мир".encode("koi8-r")), detect("Привет, мир".encode("cp1251"))
    ('koi8-r', 'cp1251')
    """
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        # Cut mid-character at the end (a truncated download) is still UTF-8.
        if exc.start < len(data) - 3:
            return _single_byte(data)
    return "utf-8"


_HIGH_RUN = re.compile(rb"[\xc0-\xff]{2,}")


def _single_byte(data: bytes) -> str:
    high = sum(1 for _ in re.finditer(rb"[\x80-\xff]", data))
    if not high:
        return "cp1252"
    in_runs = sum(len(m.group()) for m in _HIGH_RUN.finditer(data))
    if in_runs < high * 0.5:
        return "cp1252"
    low_1251 = len(re.findall(rb"[\xe0-\xff]", data))
    low_koi = len(re.findall(rb"[\xc0-\xdf]", data))
    return "cp1251" if low_1251 >= low_koi else "koi8-r"


def decode(data: bytes, encoding: str | None = None) -> DecodedText:
    r"""Decode a page: BOM, ``encoding`` hint, the page's ``<meta>``, then :func:`detect`.

    The hint is a charset the page was served with, such as an HTTP ``Content-Type`` charset.
    A declaration (hint or ``<meta>``) the bytes contradict is overridden, and the result
    says so in ``overridden``: a declared UTF-8 that is not valid UTF-8 is detected instead,
    and non-ASCII bytes declared in a single-byte charset that are valid UTF-8 are UTF-8.

    Bytes invalid in the chosen encoding become U+FFFD, as in a browser; the result counts
    them in ``replaced`` and gives the line and column of the first in ``replaced_at``.

    >>> page = '<meta charset="windows-1251"><p>Привет</p>'.encode("cp1251")
    >>> text = decode(page)
    >>> text.encoding, text.reason, text[-10:]
    ('cp1251', 'meta', 'Привет</p>')
    >>> lying = '<meta charset="windows-1251"><p>Привет</p>'.encode("utf-8")
    >>> text = decode(lying)
    >>> text.encoding, text.overridden, text[-10:]
    ('utf-8', 'cp1251', 'Привет</p>')
    >>> broken = decode('<meta charset="utf-8">\n<p>Здравствуй, мир!'.encode() + b"\xff</p>")
    >>> broken.endswith("мир!\ufffd</p>"), broken.replaced, broken.replaced_at
    (True, 1, (2, 20))
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            return _decoded(data, name, "bom", skip=len(bom))
    label = normalize_label(encoding) if encoding is not None else None
    reason = "hint"
    if label is None:
        label, reason = _declared(data), "meta"
    if label == "utf-8":
        try:
            return DecodedText(data.decode("utf-8"), label, reason, exact=True)
        except UnicodeDecodeError:
            pass  # checked below: a truncated or slightly broken page is still UTF-8
    if label is not None:
        actual = _checked(data, label)
        if actual != label:
            return _decoded(data, actual, "detected", label)
        return _decoded(data, label, reason)
    return _decoded(data, detect(data), "detected")


def _checked(data: bytes, declared: str) -> str:
    """The declared encoding, or the one the bytes show when they contradict it."""
    if declared == "utf-8":
        found = detect(data)
        if found != "utf-8" and _mostly_utf8(data):
            return "utf-8"  # a UTF-8 page with a stray broken character is still UTF-8
        return found
    # Non-ASCII text in a legacy encoding is almost never valid UTF-8 as well: bytes that are,
    # declared as windows-1251 or GB2312, are a UTF-8 page with a copied declaration.
    if not data.isascii() and detect(data) == "utf-8":
        return "utf-8"
    return declared


_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)


def _mostly_utf8(data: bytes) -> bool:
    """True when valid UTF-8 sequences outnumber the invalid bytes ten to one."""
    valid = sum(1 for _ in _UTF8_SEQUENCE.finditer(data))
    invalid = data.decode("utf-8", "replace").count("\ufffd") - data.count(b"\xef\xbf\xbd")
    return valid >= 10 * max(invalid, 1)


@functools.lru_cache(maxsize=64)
def _single_byte_codec(name: str) -> bool:
    """True when every byte is one character in this codec (windows-1251, KOI8-R, Latin-1)."""
    return len(bytes(range(256)).decode(name, "replace")) == 256  # noqa: PLR2004


# Encodings in which a byte below 0x20 or 0x7F is always that control character, never part of
# another character (ISO-2022 escapes and EBCDIC are not among them).
_CONTROL_SAFE = re.compile(
    r"^(?:utf-8|cp12\d\d|cp874|koi8-[a-z]+|iso8859-\d+|mac-[a-z]+|shift_jis|cp932|euc_[a-z]+"
    r"|gb2312|gbk|gb18030|big5|big5hkscs|cp949)$"
)
# C0 controls but tab, newline, vertical tab, form feed and carriage return; DEL. Each is looked
# for on its own: a search for one byte runs at memory speed, faster than one pass over all.
_CONTROL_BYTES = tuple(bytes([b]) for b in (*range(0x09), *range(0x0E, 0x20), 0x7F))
_UTF8_C1 = re.compile(rb"\xc2[\x80-\x84\x86-\x9f]")
_HIGH_C1_BYTES = re.compile(rb"[\x80-\x9f]")


@functools.lru_cache(maxsize=64)
def _may_decode_to_c1(name: str) -> bool:
    """True when some byte 0x80-0x9F decodes to a C1 control in this codec (Latin-1 does)."""
    decoded = bytes(range(0x80, 0xA0)).decode(name, "replace")
    return scrub(decoded) != decoded


def decode_clean(data: bytes, encoding: str | None = None) -> DecodedText:
    r""":func:`decode`, without the characters :func:`newsmodel._textrules.scrub` removes.

    In the usual encodings a control character can only come from a control byte: bytes
    without one (nearly every page) are checked many times faster than the decoded text.

    >>> text = decode_clean(b"<p>a\x00b\x1bc</p>")
    >>> str(text), text.encoding
    ('<p>abc</p>', 'utf-8')
    """
    text = decode(data, encoding)
    name = text.encoding
    if (
        _CONTROL_SAFE.match(name) is not None
        and not any(byte in data for byte in _CONTROL_BYTES)
        and (
            (b"\xc2" not in data or _UTF8_C1.search(data) is None)  # C1 in UTF-8: \xc2 first
            if name == "utf-8"
            else not _may_decode_to_c1(name) or _HIGH_C1_BYTES.search(data) is None
        )
    ):
        return text  # no control byte, so no control character: nothing to remove
    return text.again(scrub(text))
