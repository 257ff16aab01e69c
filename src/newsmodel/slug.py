"""URL slugs and transliteration for Russian and Kazakh headlines.

:func:`slugify` is built on `python-slugify`_, but every letter is transliterated by newsmodel's
own tables first, so python-slugify only ever sees ASCII (or, with ``allow_unicode=True``,
text it keeps as it is). Which transliteration backend python-slugify would pick
(``Unidecode`` or ``text-unidecode``) therefore never changes a slug.

Schemes:

``"ru"`` (default)
    A context-free, readable table: ж zh, х kh, ц ts, ч ch, ш sh, щ shch, ю yu, я ya, й y,
    ы y, ё e, э e; ъ and ь are dropped. Kazakh letters follow the 2021 Kazakh Latin alphabet
    with diacritics folded: ә a, ғ g, қ q, ң n, ө o, ұ u, ү u, һ h, і i.
``"icao"``
    ICAO Doc 9303 (machine-readable passports): й i, х kh, ц ts, ъ ie, ю iu, я ia, ь dropped.
    Kazakh letters, which Doc 9303 does not cover, fold as on Kazakhstan passports:
    ә a, ғ g, қ k, ң n, ө o, ұ u, ү u, һ h, і i.
``"iso9"``
    The ASCII system B of ISO 9:1995, as published in GOST 7.79-2000: ё yo, й j, х x,
    ц cz (c before е, и, й, ы, э), щ shh, ъ ``, ы y', ь `, э e`, і i'. Kazakh letters that
    the standard does not list fold as in ``"ru"``. The apostrophes and backticks of this
    system are kept by :func:`transliterate` and deleted (like every quote) by
    :func:`slugify`.

Latin letters outside ASCII, in every scheme, are folded by `text-unidecode`_ (the
transliteration table python-slugify itself depends on), called by newsmodel for those letters
only: "İstanbul Straße Łódź Ærø" gives "istanbul-strasse-lodz-aero"; Kazakh in the Latin
alphabet (ä ğ q ñ ö ū ü ş ı), Turkish, Polish, Czech, Nordic, German and Vietnamese letters
fold the same way (þ th, ß ss, æ ae, đ d, ı i).

A slug cut at ``max_length`` on a word boundary does not end on a lone short word: the
Russian prepositions, conjunctions and particles а, без, в, во, да, для, до, же, за, и, из,
или, к, ко, как, ли, на, над, не, ни, но, о, об, обо, от, по, под, при, про, с, со, то, у,
через, что, чтобы, and the Kazakh conjunctions, particles and postpositions мен, пен, бен,
және, немесе, бірақ, әрі, да, де, та, те, ма, ме, ба, бе, па, пе, ғой, қой, ғана, үшін,
туралы, бойынша, арқылы, дейін, кейін (as the scheme writes them), unless it is the only
word left.

.. _python-slugify: https://github.com/un33k/python-slugify
.. _text-unidecode: https://github.com/kmike/text-unidecode
"""

from __future__ import annotations

import functools
import html
import re
import unicodedata
from typing import TYPE_CHECKING, Literal

from slugify import slugify as _py_slugify
from text_unidecode import unidecode as _unidecode  # type: ignore[import-untyped]

from newsmodel.errors import ValidationError

if TYPE_CHECKING:
    from collections.abc import Callable, Container, Mapping

__all__ = ["Scheme", "slugify", "transliterate", "unique_slug"]

Scheme = Literal["ru", "icao", "iso9"]

_RU_COMMON: dict[str, str] = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ж": "zh", "з": "z",
    "и": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "ч": "ch", "ш": "sh",
}  # fmt: skip

_RU: dict[str, str] = {
    **_RU_COMMON,
    "ё": "e", "й": "y", "х": "kh", "ц": "ts", "щ": "shch", "ъ": "", "ы": "y", "ь": "",
    "э": "e", "ю": "yu", "я": "ya",
    # Kazakh: the 2021 Latin alphabet with its diacritics folded.
    "ә": "a", "ғ": "g", "қ": "q", "ң": "n", "ө": "o", "ұ": "u", "ү": "u", "һ": "h", "і": "i",
    # Neighbouring Cyrillic alphabets, so their headlines do not lose letters.
    "є": "ye", "ї": "yi", "ґ": "g", "ў": "u", "ј": "j",
}  # fmt: skip

_ICAO: dict[str, str] = {
    **_RU_COMMON,
    "ё": "e", "й": "i", "х": "kh", "ц": "ts", "щ": "shch", "ъ": "ie", "ы": "y", "ь": "",
    "э": "e", "ю": "iu", "я": "ia",
    "ә": "a", "ғ": "g", "қ": "k", "ң": "n", "ө": "o", "ұ": "u", "ү": "u", "һ": "h", "і": "i",
    "є": "ie", "ї": "i", "ґ": "g", "ў": "u", "ј": "j",
}  # fmt: skip

_ISO9: dict[str, str] = {
    **_RU_COMMON,
    "ё": "yo", "й": "j", "х": "x", "ц": "cz", "щ": "shh", "ъ": "``", "ы": "y'", "ь": "`",
    "э": "e`", "ю": "yu", "я": "ya", "і": "i'", "ѣ": "ye", "ѳ": "fh", "ѵ": "yh",
    "є": "ye", "ї": "yi", "ґ": "g`", "ў": "u`", "ј": "j",
    "ә": "a", "ғ": "g", "қ": "q", "ң": "n", "ө": "o", "ұ": "u", "ү": "u", "һ": "h",
}  # fmt: skip

_TABLES: Mapping[str, Mapping[str, str]] = {"ru": _RU, "icao": _ICAO, "iso9": _ISO9}

# GOST 7.79 system B writes ц as "c" before these letters and "cz" elsewhere.
_ISO9_TS_BEFORE = re.compile(r"ц(?=[еиыэйіЕИЫЭЙІ])", re.IGNORECASE)

# Quotes of every kind, deleted (not turned into a word break): "Д’Артаньян" is one word.
_QUOTES = re.compile("[\"'`´«»„“”‟‘’‚‛‹›″′＂＇ʼʹʺ]")
# Digit grouping with a no-break, narrow no-break or thin space: "1 200 000" is one number.
_GROUPED_DIGITS = re.compile(r"(?<=\d)[\u00a0\u202f\u2009](?=\d{3}(?!\d))")
# A decimal comma or point between digits becomes a word break: "8,5" -> "8-5".
_DECIMAL_MARK = re.compile(r"(?<=\d)[.,](?=\d)")
_NUMERO = re.compile("№")
_NOT_ASCII = re.compile(r"[^\x00-\x7f]")

# Words a cut slug does not end on: Russian prepositions, conjunctions and particles, and
# Kazakh conjunctions, postpositions and particles that cannot end a headline on their own.
_RUSSIAN_SHORT_WORDS = frozenset(
    [
        "а",
        "без",
        "в",
        "во",
        "для",
        "до",
        "да",
        "же",
        "за",
        "и",
        "из",
        "или",
        "к",
        "ко",
        "как",
        "ли",
        "на",
        "над",
        "не",
        "ни",
        "но",
        "о",
        "об",
        "обо",
        "от",
        "по",
        "под",
        "при",
        "про",
        "с",
        "со",
        "то",
        "у",
        "через",
        "чтобы",
        "что",
    ]
)
_KAZAKH_SHORT_WORDS = frozenset(
    [
        "мен",
        "пен",
        "бен",
        "және",
        "немесе",
        "бірақ",
        "әрі",
        "да",
        "де",
        "та",
        "те",
        "ма",
        "ме",
        "ба",
        "бе",
        "па",
        "пе",
        "ғой",
        "қой",
        "ғана",
        "үшін",
        "туралы",
        "бойынша",
        "арқылы",
        "дейін",
        "кейін",
    ]
)


def _table(scheme: str) -> Mapping[str, str]:
    try:
        return _TABLES[scheme]
    except KeyError:
        known = ", ".join(repr(name) for name in _TABLES)
        msg = f"unknown transliteration scheme {scheme!r}; expected one of {known}"
        raise ValidationError("scheme", msg) from None


def _match_case(latin: str, *, word_in_capitals: bool) -> str:
    if len(latin) <= 1 or word_in_capitals:
        return latin.upper()
    return latin[0].upper() + latin[1:]


def transliterate(text: str, scheme: Scheme = "ru") -> str:
    """Write Cyrillic letters in Latin ones, leaving everything else as it is.

    Capital letters stay capital: ``"Щи"`` becomes ``"Shchi"``, ``"ЩИ"`` becomes ``"SHCHI"``.
    Characters that are not
    Cyrillic, digits and punctuation included, pass through unchanged.

    Args:
        text: any text.
        scheme: ``"ru"``, ``"icao"`` or ``"iso9"`` (see the module docstring).

    Returns:
        The text with every Cyrillic letter the scheme knows replaced.

    Raises:
        ValidationError: the scheme is unknown.

    >>> transliterate("Бәйтерек, Щучинск и Қостанай")
    'Bayterek, Shchuchinsk i Qostanay'
    >>> transliterate("Юрий Щербаков", scheme="icao")
    'Iurii Shcherbakov'
    >>> transliterate("Цирк на площади", scheme="iso9")
    'Cirk na ploshhadi'
    """
    codes, in_capitals = _translation(scheme)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    if scheme == "iso9":
        text = _ISO9_TS_BEFORE.sub(lambda m: "C" if m.group().isupper() else "c", text)
    if in_capitals is not None:
        # "Щи" -> "Shchi" (the table below), but "ЩИ" -> "SHCHI": a capital next to a capital.
        text = in_capitals[0].sub(lambda m: _upper_in_capitals(m, in_capitals[1]), text)
    return text.translate(codes)


def _upper_in_capitals(match: re.Match[str], table: Mapping[str, str]) -> str:
    char, text, i = match.group(), match.string, match.start()
    if (i > 0 and text[i - 1].isupper()) or (i + 1 < len(text) and text[i + 1].isupper()):
        return table[char].upper()
    return char


# Where the capitals of the tables' letters are: Cyrillic, Cyrillic Supplement and Extended.
_CYRILLIC_CAPITALS = (*range(0x0400, 0x0530), *range(0x1C80, 0x1C90), *range(0xA640, 0xA6A0))


@functools.cache
def _translation(
    scheme: str,
) -> tuple[dict[int, str], tuple[re.Pattern[str], Mapping[str, str]] | None]:
    """A scheme as a ``str.translate`` table, and the capitals whose case depends on context.

    A capital letter is written as the capital of its Latin letters ("Щ" -> "Shch"), or all
    in capitals ("SHCH") when a neighbouring character is a capital too; the second part
    finds the capitals for which the two differ.
    """
    table = _table(scheme)
    codes = {ord(char): latin for char, latin in table.items()}
    ambiguous: dict[str, str] = {}
    for code in _CYRILLIC_CAPITALS:
        char = chr(code)
        lower = char.lower()
        latin = table.get(lower)
        if char in table or latin is None or lower == char:
            continue
        codes[code] = _match_case(latin, word_in_capitals=False)
        if _match_case(latin, word_in_capitals=True) != codes[code]:
            ambiguous[char] = latin
    if not ambiguous:
        return codes, None
    pattern = re.compile("[" + "".join(sorted(ambiguous)) + "]")
    return codes, (pattern, ambiguous)


def _prepare(text: str, *, scheme: Scheme, allow_unicode: bool) -> str:
    """Apply newsmodel's rules and return text for python-slugify's cleanup."""
    text = unicodedata.normalize("NFC", html.unescape(text))
    text = _QUOTES.sub("", text)
    text = _GROUPED_DIGITS.sub("", text)
    text = _DECIMAL_MARK.sub(" ", text)
    text = _NUMERO.sub(" no ", text)
    text = text.lower()
    if allow_unicode:
        return text
    text = transliterate(text, scheme)
    text = _QUOTES.sub("", text)  # the iso9 scheme writes ъ, ь and э with marks
    if not text.isascii():
        # Fold every Latin letter (é -> e, ß -> ss, Ł -> L, Æ -> AE, ı -> i) with text-unidecode,
        # python-slugify's own dependency, called here so that the slug never depends on the
        # backend python-slugify picks; anything else is a word break.
        text = _NOT_ASCII.sub(_fold_match, text)
    return text


def _fold_match(match: re.Match[str]) -> str:
    return _fold_char(match.group())


@functools.lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    """A non-ASCII character as ASCII: a Latin letter folded, a mark dropped, else a break."""
    if unicodedata.combining(char):
        return ""
    if "LATIN" in unicodedata.name(char, "") and unicodedata.category(char).startswith("L"):
        return _unidecode(char).lower() or " "
    compatible = unicodedata.normalize("NFKD", char)  # "²" -> "2", "ﬁ" -> "fi"
    return compatible if compatible.isascii() else " "


def slugify(
    text: str,
    *,
    scheme: Scheme = "ru",
    max_length: int = 80,
    word_boundary: bool = True,
    separator: str = "-",
    allow_unicode: bool = False,
) -> str:
    """Make a URL slug from a Russian or Kazakh headline.

    The rules, in order: HTML entities are decoded; quotes of every kind are deleted;
    digits grouped with a no-break, narrow no-break or thin space are joined into one number;
    a decimal comma or point between digits becomes a word break; ``№`` becomes ``no``;
    letters are lower-cased and transliterated with ``scheme``; every run of other characters
    becomes one ``separator``. No stopwords are removed, but a slug cut at ``max_length`` does
    not end on a lone preposition, conjunction or particle. Latin letters outside ASCII are
    folded ("Łódź" -> "lodz"); letters no scheme knows (CJK, Arabic) become word breaks, so a
    headline written only in them gives ``""``.

    Args:
        text: the headline (or any text).
        scheme: the transliteration table: ``"ru"``, ``"icao"`` or ``"iso9"``.
        max_length: the longest slug returned; ``0`` means no limit.
        word_boundary: cut at a word boundary when the slug is too long (a single word
            longer than ``max_length`` is still cut hard).
        separator: put between words.
        allow_unicode: keep Cyrillic (and other) letters instead of transliterating.

    Returns:
        The slug, or ``""`` when the text has no letters or digits.

    Raises:
        ValidationError: the scheme is unknown or ``max_length`` is negative.

    >>> slugify("Бәйтерек: «Самрук-Казына» вложит $1\u00a0200 млн")
    'bayterek-samruk-kazyna-vlozhit-1200-mln'
    >>> slugify("Инфляция замедлилась до 8,5% — Нацбанк")
    'inflyatsiya-zamedlilas-do-8-5-natsbank'
    >>> slugify("Закон № 5 о СМИ", separator="_")
    'zakon_no_5_o_smi'
    >>> slugify("Ещё одна длинная новость", max_length=12)
    'eshche-odna'
    >>> slugify("İstanbul Straße Łódź Ærø")
    'istanbul-strasse-lodz-aero'
    >>> slugify("Парламент принял закон о СМИ", max_length=25)
    'parlament-prinyal-zakon'
    >>> slugify("Астана — Алматы", allow_unicode=True)
    'астана-алматы'
    >>> slugify("«…»")
    ''
    """
    if max_length < 0:
        msg = f"must be 0 or more, not {max_length}"
        raise ValidationError("max_length", msg)
    _table(scheme)
    prepared = _prepare(text, scheme=scheme, allow_unicode=allow_unicode)
    # python-slugify only cleans up; newsmodel cuts, so that a separator longer than one
    # character still counts fully against max_length.
    slug: str = _py_slugify(
        prepared,
        entities=False,
        decimal=False,
        hexadecimal=False,
        separator=separator,
        allow_unicode=allow_unicode,
    )
    if max_length:
        short = _short_words(scheme, allow_unicode=allow_unicode) if word_boundary else frozenset()
        slug = _cut(slug, max_length, separator=separator, word_boundary=word_boundary, short=short)
    return slug


@functools.cache
def _short_words(scheme: Scheme, *, allow_unicode: bool) -> frozenset[str]:
    """The short words as they appear in a slug made with ``scheme``."""
    words = _RUSSIAN_SHORT_WORDS | _KAZAKH_SHORT_WORDS
    return frozenset(
        slugify(word, scheme=scheme, max_length=0, allow_unicode=allow_unicode) for word in words
    )


def unique_slug(
    text: str,
    taken: Container[str] | Callable[[str], bool],
    *,
    scheme: Scheme = "ru",
    max_length: int = 80,
    word_boundary: bool = True,
    separator: str = "-",
    allow_unicode: bool = False,
) -> str:
    """Make a slug that is not taken yet, appending ``-2``, ``-3``, … when needed.

    The suffix always fits: the base slug is shortened (at a word boundary when
    ``word_boundary``) so that base, separator and number stay within ``max_length``.

    Args:
        text: the headline.
        taken: the slugs already in use, as a container (``set``, ``dict``…) or a callable
            that answers whether a slug is taken (for a database lookup).
        scheme: as for :func:`slugify`.
        max_length: as for :func:`slugify`.
        word_boundary: as for :func:`slugify`.
        separator: as for :func:`slugify`; also put before the number.
        allow_unicode: as for :func:`slugify`.

    Returns:
        The first free slug. When the headline gives ``""``, the candidates are ``"2"``,
        ``"3"``… (a CMS should not store an empty slug).

    Raises:
        ValidationError: as for :func:`slugify`, or ``max_length`` is too short for any suffix.

    >>> unique_slug("Новости Астаны", {"novosti-astany", "novosti-astany-2"})
    'novosti-astany-3'
    >>> unique_slug("Новости Астаны", lambda slug: False)
    'novosti-astany'
    """
    is_taken: Callable[[str], bool] = taken if callable(taken) else taken.__contains__

    def make(limit: int) -> str:
        return slugify(
            text,
            scheme=scheme,
            max_length=limit,
            word_boundary=word_boundary,
            separator=separator,
            allow_unicode=allow_unicode,
        )

    base = make(max_length)
    if base and not is_taken(base):
        return base
    full = make(0)
    number = 2
    while True:
        suffix = f"{number}"
        if max_length and len(suffix) > max_length:
            msg = f"{max_length} leaves no room for a unique suffix"
            raise ValidationError("max_length", msg)
        room = max_length - len(separator) - len(suffix) if max_length else 0
        if max_length and room <= 0:
            head = ""
        elif max_length:
            short = _short_words(scheme, allow_unicode=allow_unicode)
            head = _cut(full, room, separator=separator, word_boundary=word_boundary, short=short)
        else:
            head = full
        candidate = f"{head}{separator}{suffix}" if head else suffix
        if not is_taken(candidate):
            return candidate
        number += 1


def _cut(
    slug: str,
    limit: int,
    *,
    separator: str,
    word_boundary: bool,
    short: frozenset[str] = frozenset(),
) -> str:
    """Shorten a slug to ``limit`` characters, at a separator when asked and possible.

    A slug cut at a word boundary does not end on a lone short word (a preposition, a
    conjunction or a particle): "...-partnerom-ameriki-v" becomes "...-partnerom-ameriki".
    """
    if len(slug) <= limit:
        return slug
    if word_boundary:
        cut = slug[: limit + len(separator)].rfind(separator)
        if cut > 0:
            head = slug[:cut]
            while separator:
                at = head.rfind(separator)
                if at <= 0 or head[at + len(separator) :] not in short:
                    break
                head = head[:at]
            return head
    hard = slug[:limit]
    return hard.rstrip(separator) if separator else hard
