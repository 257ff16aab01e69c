"""Check, decode and parse a page, hardened.

The size, start-tag and depth limits are checked, the bytes decoded, and the page parsed with
no network access and nothing cut short; what is never article text is then dropped.
"""

from __future__ import annotations

import functools
import re
import threading

from lxml import etree
from lxml import html as lxml_html

from newsmodel._limits import LIFTED_BY_HUGE_TREE, MAX_BYTES, check_size
from newsmodel._textrules import scrub
from newsmodel._warnings import counted
from newsmodel._xmlsafe import html_parser
from newsmodel.errors import LossyConversionWarning, ParseError
from newsmodel.html._decode import DecodedText, decode_clean
from newsmodel.html._names import ACCOUNT_FIELDS, DROP, FIELD_HOLDER
from newsmodel.html._values import lossy

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DEFAULT_MAX_TAG_CHARS",
    "MARKED_DROPS",
    "MAX_ATTRIBUTES",
    "MAX_DEPTH",
    "PLAIN_DROPS",
    "check_max_depth",
    "drop_non_text",
    "parse_page",
]


_FORMAT = "html"
#: The largest page read by default (bytes, or characters for text), the limit of every format.
DEFAULT_MAX_BYTES = MAX_BYTES
#: The longest start tag (from ``<`` to the first ``>``) read by default, in characters.
DEFAULT_MAX_TAG_CHARS = 256 * 1024
#: The deepest element nesting lxml's HTML parser keeps; deeper pages are refused, not cut.
#: It is the default of ``max_depth``, and its largest value.
MAX_DEPTH = 256

HtmlElement = lxml_html.HtmlElement

_HTML_SIGN = re.compile(
    r"<(?:!doctype\s+html|html|head|body|meta|title|article|main|div|p|h[1-6]|span|a|section"
    r"|table|ul|br|img|script|link|header)\b",
    re.IGNORECASE,
)
_TAG_START = re.compile(r"<[A-Za-z]")
# &#1; … &#8;, &#14; … &#31;, &#127; and their hexadecimal forms: the controls the model refuses.
_CONTROL_REFERENCE = re.compile(
    r"&#(?:0*(?:[0-8]|1[4-9]|2\d|3[01]|127)(?!\d)|[xX]0*(?:[0-8eEfF]|1[\da-fA-F]|7[fF])(?![\da-fA-F]));?"
)

# --- the page --------------------------------------------------------------------------------


#: The most attributes one start tag may have: lxml's handling of attributes is quadratic, and
#: a tag of 50,000 short attributes takes seconds while staying under ``max_tag_chars``.
MAX_ATTRIBUTES = 1000
# Tags shorter than this cannot hold more attributes than the limit allows; longer ones are
# counted.
_COUNTED_TAG_CHARS = 2 * MAX_ATTRIBUTES
_ATTRIBUTE = re.compile(r"""(?<!\s)\s+[^\s"'=<>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]*))?""")


def _check_tags(text: str, max_tag_chars: int) -> None:
    """Refuse a start tag longer than the limit or with too many attributes, in one pass."""
    # A page shorter than the threshold, or with no run between two ">" longer than it,
    # cannot hold such a tag (the common cases, in C).
    threshold = max(0, min(max_tag_chars, _COUNTED_TAG_CHARS))
    if len(text) <= threshold:
        return
    # A tag ends at the first ">" after it, so a long tag lies in a long run without ">", and
    # the longest tag of a run starts at the run's first tag start. The long runs are the
    # first, and each after a ">" followed by more than ``threshold`` characters none of which
    # is ">": from each ">", the last ">" within that many characters is the next one to try
    # (those between start no long run), found in C by a search that stops as soon as it meets
    # one. Real pages have a ">" every few hundred characters: the text is mostly stepped over.
    first = text.find(">")
    if (first if first >= 0 else len(text)) > threshold:
        _check_run(text, 0, max_tag_chars)
    end = len(text)
    close = first
    while close >= 0 and close + threshold + 1 < end:
        last = text.rfind(">", close + 1, close + threshold + 2)
        if last < 0:  # a long run after this ">"
            _check_run(text, close + 1, max_tag_chars)
            last = text.find(">", close + threshold + 2)
        close = last


def _check_run(text: str, run_start: int, max_tag_chars: int) -> None:
    """Refuse the first start tag of the run of text from ``run_start`` to the next ">"."""
    next_close = text.find(">", run_start)
    if next_close < 0:
        next_close = len(text)
    match = _TAG_START.search(text, run_start, next_close)
    if match is None:
        return
    start = match.start()
    length = next_close - start
    msg = None
    if length > max_tag_chars:
        msg = f"a start tag is longer than max_tag_chars={max_tag_chars} characters"
    elif length > _COUNTED_TAG_CHARS:
        count = sum(1 for _ in _ATTRIBUTE.finditer(text, start, next_close))
        if count > MAX_ATTRIBUTES:
            msg = f"a start tag has {count} attributes, over the limit of {MAX_ATTRIBUTES}"
    if msg is not None:
        line = text.count("\n", 0, start) + 1
        column = start - (text.rfind("\n", 0, start) + 1) + 1
        raise ParseError(_FORMAT, msg, line=line, column=column)


# Dropped before the body is looked for: these leave a mark (or their text, for a form)...
MARKED_DROPS = ("form", "iframe", "video", "object", "embed")
# ...and these go whole, tail kept (in C); the head's own metadata tags stay, and so do the
# sources of a <picture> (its image's address, when its <img> gives none).
PLAIN_DROPS = tuple(sorted(DROP - {*MARKED_DROPS, "head", "title", "meta", "link", "source"}))
_PARSERS = threading.local()


def _parser(*, huge: bool = False) -> lxml_html.HTMLParser:
    """This thread's HTML parser of UTF-8 bytes (lxml parsers may be reused, not shared).

    Every element is an :class:`lxml.html.HtmlElement` through a lookup done in C: lxml's default
    lookup calls back into Python for each element the reader touches. ``huge`` lifts
    libxml2's 10 MB limit on one text node or attribute. The page is given as UTF-8 bytes:
    text would be handed to libxml2 in UTF-16 or UCS-4 (any text that is not ASCII alone) and
    converted back to UTF-8 on the way in, slower than encoding it here.
    """
    name = "huge" if huge else "parser"
    parser: lxml_html.HTMLParser | None = getattr(_PARSERS, name, None)
    if parser is None:
        parser = html_parser(
            remove_comments=True,
            remove_pis=True,
            no_network=True,
            default_doctype=False,
            recover=True,
            huge_tree=huge,
            encoding="utf-8",
        )
        parser.set_element_class_lookup(
            etree.ElementDefaultClassLookup(
                element=lxml_html.HtmlElement, comment=lxml_html.HtmlComment
            )
        )
        setattr(_PARSERS, name, parser)
    return parser


@functools.lru_cache(maxsize=8)
def _deeper(levels: int) -> etree.XPath:
    """The elements nested ``levels`` levels below the document element."""
    return etree.XPath("/".join(["*"] * levels))


def _too_deep(max_depth: int, line: int | None, column: int | None = None) -> ParseError:
    msg = f"elements are nested more than {max_depth} levels deep"
    return ParseError(_FORMAT, msg, line=line or None, column=column or None)


def check_max_depth(max_depth: int) -> None:
    """Refuse a depth limit the parser cannot honour.

    Raises:
        ValueError: ``max_depth`` is not between 1 and :data:`MAX_DEPTH`.
    """
    if not 1 <= max_depth <= MAX_DEPTH:
        msg = (
            f"max_depth must be between 1 and {MAX_DEPTH}, got {max_depth}: the HTML parser"
            f" refuses pages nested deeper than {MAX_DEPTH} levels"
        )
        raise ValueError(msg)


def _parse(text: bytes, max_depth: int) -> HtmlElement:
    """Parse page text (UTF-8); a page nested too deep is refused, and none is cut short.

    The parser recovers from every error, its own limits too, by dropping the rest of the
    page: a text node or attribute over 10 MB (as the writer may write) has the page parsed
    again with ``huge_tree``, within ``max_bytes``, and the depth limit that lifts is checked
    here instead.
    """
    parser = _parser()
    try:
        root = lxml_html.document_fromstring(text, parser=parser)
        log = parser.error_log  # (a copy, made at each call)
        huge = any(
            LIFTED_BY_HUGE_TREE.search(e.message) and "Excessive depth" not in e.message
            for e in log
        )
        if huge:
            parser = _parser(huge=True)
            root = lxml_html.document_fromstring(text, parser=parser)
            log = parser.error_log
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise ParseError(_FORMAT, f"cannot parse: {exc}") from None
    for entry in log:
        if "Excessive depth" in entry.message:
            raise _too_deep(MAX_DEPTH, entry.line, entry.column)
    # huge_tree lifts the parser's own depth limit; a lower limit is the caller's
    limit = max_depth if max_depth < MAX_DEPTH or huge else None
    deep = _deeper(limit)(root) if limit is not None and root is not None else None
    if isinstance(deep, list) and deep:
        raise _too_deep(max_depth, getattr(deep[0], "sourceline", None))
    return root


def parse_page(
    data: str | bytes,
    *,
    encoding: str | None,
    max_bytes: int,
    max_tag_chars: int,
    max_depth: int = MAX_DEPTH,
) -> tuple[HtmlElement, list[LossyConversionWarning]]:
    """Check, decode and parse a page into an lxml tree; every refusal is a ParseError.

    Also returns what the reader should report: a charset declaration it did not follow.
    """
    notes: list[LossyConversionWarning] = []
    check_size(_FORMAT, data, max_bytes)
    raw = None
    if isinstance(data, (bytes, bytearray, memoryview)):
        raw = bytes(data)
        decoded = decode_clean(raw, encoding)
        if decoded.overridden is not None:
            message = (
                f"the page declares the charset {decoded.overridden} but its bytes are not in"
                f" it; read as {decoded.encoding}"
            )
            notes.append(lossy("encoding", message, lost=decoded.overridden))
        if decoded.replaced_at is not None:
            line, column = decoded.replaced_at
            message = (
                f"{counted(decoded.replaced, 'byte')} could not be decoded as"
                f" {decoded.encoding} and became U+FFFD (the first at line {line},"
                f" column {column})"
            )
            notes.append(
                lossy(
                    "bytes",
                    message,
                    lost=decoded.encoding,
                    count=decoded.replaced,
                    line=line,
                    column=column,
                )
            )
        text: str = decoded
    elif isinstance(data, str):
        text = scrub(data)
    else:
        msg = f"expected str or bytes, got {type(data).__name__}"
        raise TypeError(msg)
    if text.startswith("\ufeff"):
        text = text.lstrip("\ufeff")
    if "&#" in text and _CONTROL_REFERENCE.search(text) is not None:
        # A character reference to a control character would put one back after scrubbing.
        text = _CONTROL_REFERENCE.sub("", text)
    if not text or text.isspace():  # (no copy of the text, as strip() would make)
        raise ParseError(_FORMAT, "the page is empty")
    if _HTML_SIGN.search(text, 0, 65536) is None:
        raise ParseError(_FORMAT, "not HTML: no HTML element near the start of the input")
    _check_tags(text, max_tag_chars)
    root = _parse(_utf8(text, raw), max_depth)
    if root is None or not isinstance(root.tag, str):
        raise ParseError(_FORMAT, "no document element")
    return root, notes


def _utf8(text: str, raw: bytes | None) -> bytes:
    """The page text as UTF-8: the bytes read, when they are that text already."""
    if isinstance(text, DecodedText) and text.exact and text.encoding == "utf-8" and raw:
        return raw  # all of them decoded as UTF-8 with nothing replaced, nothing removed since
    return text.encode("utf-8")


def _mark_holders(field: HtmlElement) -> None:
    """Mark the elements around an e-mail or password field (the field is dropped later).

    Each element is marked once: above a marked one, all are.
    """
    if (field.get("type") or "").strip().lower() not in ACCOUNT_FIELDS:
        return
    for holder in field.iterancestors():
        if holder.get(FIELD_HOLDER) is not None:
            break
        holder.set(FIELD_HOLDER, "")


def drop_non_text(root: HtmlElement) -> None:
    """Drop everything that is never article text, before the body is looked for.

    Frames, video and embedded objects leave a mark (an ``<hr data-dropped>``) for the body
    reader to count, but the player frame of an embed (``figure class="embed"``), whose link
    is read instead; a ``<form>`` keeps its text (some sites wrap the whole page in one). The
    elements around a field for an e-mail address or a password are marked
    (:data:`~newsmodel.html._names.FIELD_HOLDER`): a short one is a sign-up box. The
    ``<source>`` of a ``<picture>`` stays: a lazily loaded picture may name its image there
    alone.

    The elements looked at are found in one walk of the tree. Those under an element dropped
    before them are changed where they lie, out of the tree, as if never met.
    """
    scripts: list[HtmlElement] = []
    sources: list[HtmlElement] = []
    for element in list(root.iter(*MARKED_DROPS, "input", "script", "source")):
        parent = element.getparent()
        if element.tag == "script":
            scripts.append(element)
            continue
        if element.tag == "source":
            sources.append(element)
            continue
        if parent is None:
            continue
        if element.tag == "input":
            _mark_holders(element)
        elif element.tag == "form":
            element.drop_tag()
        elif parent.tag == "figure" and "embed" in (parent.get("class") or "").split():
            # The player of an embed newsmodel wrote: its link beside it carries the embed.
            element.drop_tree()
        else:
            marker = lxml_html.Element("hr")
            marker.set("data-dropped", element.tag)
            source = element.get("src") or element.get("data-src")
            if source:  # a frame's address: the body reader knows video and social embeds
                marker.set("data-src", source[:2000])
            marker.tail = element.tail
            parent.replace(element, marker)
    _mark_posts(scripts)
    etree.strip_elements(root, *PLAIN_DROPS, with_tail=False)
    _drop_stray_sources(root, sources)


def _mark_posts(scripts: list[HtmlElement]) -> None:
    """Put a mark for the body reader in place of each Telegram post widget among ``scripts``."""
    for script in scripts:
        # a Telegram post widget: <script data-telegram-post="channel/123">
        post = script.get("data-telegram-post")
        parent = script.getparent()
        if post and parent is not None:
            marker = lxml_html.Element("hr")
            marker.set("data-dropped", "script")
            marker.set("data-src", f"https://t.me/{post.strip()[:200]}")
            marker.tail = script.tail
            parent.replace(script, marker)


def _drop_stray_sources(root: HtmlElement, sources: list[HtmlElement]) -> None:
    """Drop the ``<source>`` elements outside a ``<picture>``, but not what they hold.

    The parser knows no ``<source>`` as empty: what follows one is read into it, and stays.
    (Those of a video went with it.) Renamed, then unwrapped in one pass in C.
    """
    stray = False
    for source in sources:
        parent = source.getparent()
        if parent is not None and parent.tag != "picture":
            source.tag, stray = _STRAY_SOURCE, True
    if stray:
        etree.strip_tags(root, _STRAY_SOURCE)


_STRAY_SOURCE = "newsmodel-source"
