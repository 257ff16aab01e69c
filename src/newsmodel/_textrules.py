"""Shared text rules: how every string that enters the model is cleaned.

The rule, applied by every constructor (and so by every reader):

1. The text is NFC-normalised.
2. Lone surrogates and control characters (C0 and C1, DEL) are refused, except the
   whitespace controls tab, newline, carriage return, form feed and vertical tab, which are
   whitespace like any other.
3. Invisible formatting characters that can disguise text are removed: zero-width space
   U+200B, word joiner U+2060, byte order mark U+FEFF, soft hyphen U+00AD, and the bidi
   embeddings, overrides and isolates U+202A–U+202E, U+2066–U+2069. Zero-width joiner and
   non-joiner (U+200D, U+200C, needed by emoji and some scripts) and the bidi marks U+200E,
   U+200F are kept.
4. Runs of whitespace become one space. A lone no-break space (U+00A0, U+202F, U+2007)
   between two other characters is kept: Russian typography sets them on purpose ("1 200",
   "25 ноября"). A run of two or more spaces of any kind, no-break ones included (what
   copy-paste leaves: "результат,\u00a0 \u00a0прагматичный"), becomes one plain space, and a
   one-line field loses its no-break spaces at either end, so that a headline of only
   no-break spaces and invisible characters is empty.

Readers call :func:`scrub` first, which removes what rule 2 would refuse, so that a stray
control character in a page or a feed never makes the whole document unreadable.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = [
    "SUSPECT",
    "InvalidTextError",
    "collapse",
    "collapse_inner",
    "is_clean_inner",
    "is_slug",
    "keeps_run",
    "normalize",
    "scrub",
]

# Rule 2: C0 and C1 controls and DEL, minus the whitespace controls; lone surrogates.
_FORBIDDEN = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff]")
# Rule 3: invisible characters that are removed.
_INVISIBLE = re.compile("[\u00ad\u200b\u2060\ufeff\u202a-\u202e\u2066-\u2069]")
# Rule 4: a run of two or more whitespace characters of any kind, or one that is not a
# no-break space. Both alternatives start at the first character of a run and take all of it.
_SPACES = re.compile(r"\s{2,}|[^\S\u00a0\u202f\u2007]")
_NO_BREAK = "\u00a0\u202f\u2007"
_TRIMMED = " " + _NO_BREAK
# Two spaces in a row, plain or no-break: without one (and without any other whitespace, which
# _SUSPECT finds), rule 4 keeps every space, and a lone no-break space is kept as it is.
# Written as two classes, not one repeated: sre then scans for the first with its charset.
_RUN = re.compile(f"[{_TRIMMED}][{_TRIMMED}]")
# Whitespace other than the plain space, minus the no-break spaces (which stay as they are):
# every character str.isspace() accepts, listed so that one character class tests them all.
_OTHER_SPACES = (
    "\t\n\x0b\x0c\r\x1c-\x1f\x85\u1680\u2000-\u2006\u2008-\u200a\u2028\u2029\u205f\u3000"
)
# A character any rule may change. Text without one, without two spaces in a row (and, for a
# line, without a space at either end) and already NFC is returned as it is: most text, most
# of the time. One character class is several times faster to search than alternatives.
_SUSPECT = re.compile(
    "[\x00-\x1f\x7f-\x9f\ud800-\udfff\u00ad\u200b\u2060\ufeff\u202a-\u202e\u2066-\u2069"
    + _OTHER_SPACES
    + "]"
)
# Every character of SUSPECT, and so every one any rule may change, is one str.isprintable()
# refuses (controls, surrogates, format characters, separators but the plain space): a
# printable str needs no search of SUSPECT. A test checks it character by character.
#: A character any rule may change, or a no-break space (kept alone, changed in a run or at
#: either end of a line). Text without one, without two spaces in a row, without a space at
#: either end and already NFC is what every rule returns unchanged: one search of one class
#: tells most text apart, and only the rest takes the passes of :func:`collapse`.
SUSPECT = re.compile(_SUSPECT.pattern[:-1] + _NO_BREAK + "]")


# A slug: lower-case letters and digits joined by single hyphens.
_SLUG = re.compile(r"^[^\W_]+(?:-[^\W_]+)*$")


def is_slug(text: str) -> bool:
    """Whether ``text`` is a slug: lower-case letters and digits joined by single hyphens.

    >>> is_slug("novosti-astany"), is_slug("Novosti--astany")
    (True, False)
    """
    return bool(_SLUG.match(text)) and text == text.lower()


class InvalidTextError(ValueError):
    """A string holds a character the model refuses; the message says which and where."""


def normalize(text: str) -> str:
    """Apply rules 1–3: refuse controls and surrogates, remove invisibles, NFC.

    Whitespace is left as it is; see :func:`collapse`.

    >>> normalize("Е\u0308лка\u200b")
    'Ёлка'
    """
    # Printable text holds nothing to refuse or remove (see SUSPECT); one pass in C.
    if (text.isprintable() or SUSPECT.search(text) is None) and _is_nfc(text):
        return text
    bad = _FORBIDDEN.search(text)
    if bad is not None:
        char = bad.group()
        msg = f"control character or lone surrogate U+{ord(char):04X} at index {bad.start()}"
        raise InvalidTextError(msg)
    if _INVISIBLE.search(text) is not None:
        text = _INVISIBLE.sub("", text)
    if text.isascii():
        return text
    return unicodedata.normalize("NFC", text)


def collapse(text: str) -> str:
    r"""Apply every rule and trim: the form of a one-line field such as a headline.

    >>> collapse("  Заголовок\n  статьи  ")
    'Заголовок статьи'
    """
    if text.isprintable():
        # No no-break space either (see SUSPECT): the plain space is the only one to look for.
        if "  " not in text and text.strip(" ") is text and _is_nfc(text):
            return text
    elif (
        _SUSPECT.search(text) is None
        and _RUN.search(text) is None
        and text[:1] not in _TRIMMED
        and text[-1:] not in _TRIMMED
        and _is_nfc(text)
    ):
        return text
    no_break = _has_no_break(text)
    text = normalize(text)
    if no_break:
        return _SPACES.sub(" ", text).strip(_TRIMMED)
    # Without no-break spaces, str.split() splits on exactly what _SPACES matches (the
    # controls it also splits on were refused above), several times faster than the regex.
    return " ".join(text.split())


def collapse_inner(text: str) -> str:
    """Apply every rule without trimming: for text that sits beside inline markup."""
    if is_clean_inner(text):
        return text
    return _SPACES.sub(" ", normalize(text))


def is_clean_inner(text: str) -> bool:
    """Whether :func:`collapse_inner` gives ``text`` back as it is, told in a few passes in C.

    >>> is_clean_inner("25\u00a0ноября "), is_clean_inner("a  b")
    (True, False)
    """
    if text.isprintable():  # no no-break space either (see SUSPECT)
        return "  " not in text and _is_nfc(text)
    return _SUSPECT.search(text) is None and _RUN.search(text) is None and _is_nfc(text)


def keeps_run(text: str, *, at_space: bool) -> bool:
    """Whether a paragraph keeps the text run ``text`` as it is, ``at_space`` after a space.

    Clean (:func:`is_clean_inner`) and not opening with a space after a space (at the
    paragraph's start, or after a run that ends with one).
    """
    return not (at_space and text[0] == " ") and is_clean_inner(text)


def _has_no_break(text: str) -> bool:
    return not text.isascii() and ("\u00a0" in text or "\u202f" in text or "\u2007" in text)


def _is_nfc(text: str) -> bool:
    return text.isascii() or unicodedata.is_normalized("NFC", text)


def scrub(text: str) -> str:
    r"""Remove what :func:`normalize` would refuse: for readers of untrusted input.

    >>> scrub("a\x00b\x1bc")
    'abc'
    """
    return _FORBIDDEN.sub("", text)
