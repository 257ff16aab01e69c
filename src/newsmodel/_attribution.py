"""Attribution phrases in Russian news text: "передает Altyn-orda.kz", "Фото: Акорда".

Three functions: :func:`parse_attribution` finds who a sentence or a credit line credits,
:func:`split_attribution` takes a lede-final phrase off a lede, and
:func:`format_attribution` writes an :class:`~newsmodel.Attribution` back as text.

The phrase table (canonical phrase, lower case with ё folded to е → role):

========================  ==============  ====================================================
phrase                    role            recognised as
========================  ==============  ====================================================
передает                  source          передает, передаёт, передают
сообщает                  source          сообщает, сообщают
пишет                     source          пишет, пишут
по данным                 source          по данным
по информации             source          по информации
как сообщили в            source          как сообщили в, как сообщили на
сообщили в                source          сообщили в, сообщили на
говорится в сообщении     source          говорится в сообщении
со ссылкой на             source          only when no primary phrase is present
источник                  source          Источник: …
по материалам             original        По материалам …, По материалам: …
перевод                   translator      Перевод: …, Перевела …, Перевел …
автор                     author          Автор: …, Автор текста: …
фото                      photographer    Фото: …, Фото …, Фотография: …, Автор фото: …
видео                     videographer    Видео: …, Видео …
credit                    source          a bare closing line: "Altyn-orda.kz", "© Altyn-orda.kz"
========================  ==============  ====================================================

The name is kept as written (no lemmatisation: "по данным Минздрава" credits "Минздрава"),
without surrounding quotes («», "", „“), trailing punctuation, or a leading descriptor noun
(корреспондент, издание, агентство, информагентство, портал, сайт, газета, журнал,
телеканал, радиостанция) in any case form. A primary phrase wins over a secondary
"со ссылкой на …".
"""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING, Literal

from newsmodel._models import Attribution, Role
from newsmodel.errors import ValidationError

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["format_attribution", "parse_attribution", "split_attribution"]

_SENTENCE_PHRASES: dict[str, tuple[str, Role]] = {
    # written form (ё folded, lower case) -> canonical phrase, role
    "передает": ("передает", Role.SOURCE),
    "передают": ("передает", Role.SOURCE),
    "сообщает": ("сообщает", Role.SOURCE),
    "сообщают": ("сообщает", Role.SOURCE),
    "пишет": ("пишет", Role.SOURCE),
    "пишут": ("пишет", Role.SOURCE),
    "по данным": ("по данным", Role.SOURCE),
    "по информации": ("по информации", Role.SOURCE),
    "как сообщили в": ("как сообщили в", Role.SOURCE),
    "как сообщили на": ("как сообщили в", Role.SOURCE),
    "сообщили в": ("сообщили в", Role.SOURCE),
    "сообщили на": ("сообщили в", Role.SOURCE),
    "говорится в сообщении": ("говорится в сообщении", Role.SOURCE),
}
_CREDIT_LABELS: dict[str, tuple[str, Role]] = {
    "источник": ("источник", Role.SOURCE),
    "по материалам": ("по материалам", Role.ORIGINAL),
    "перевод": ("перевод", Role.TRANSLATOR),
    "перевела": ("перевод", Role.TRANSLATOR),
    "перевел": ("перевод", Role.TRANSLATOR),
    "переводчик": ("перевод", Role.TRANSLATOR),
    "автор текста": ("автор", Role.AUTHOR),
    "автор": ("автор", Role.AUTHOR),
    "автор фото": ("фото", Role.PHOTOGRAPHER),
    "фотография": ("фото", Role.PHOTOGRAPHER),
    "фото": ("фото", Role.PHOTOGRAPHER),
    "видео": ("видео", Role.VIDEOGRAPHER),
}
# Phrases a verb introduces only count when a name follows, not "пишет в своей сети".
_VERB_PHRASES = frozenset({"передает", "сообщает", "пишет"})
_SECONDARY = "со ссылкой на"

_DESCRIPTORS = re.compile(
    r"^(?:(?:на|в)\s+)?"
    r"(?:собственн\w*\s+)?"
    r"(?:корреспондент\w*|издани\w*|информационн\w+\s+агентств\w*|информагентств\w*"
    r"|агентств\w*|портал\w*|сайт\w*|газет\w*|журнал\w*|телеканал\w*|радиостанци\w*)"
    r"\s+",
    re.IGNORECASE,
)
_QUOTE_PAIRS = (("«", "»"), ('"', '"'), ("„", "“"), ("“", "”"), ("„", "”"), ("'", "'"))
_TRAILING = ".,;:!?…—–- \u00a0"
_COPYRIGHT = re.compile(
    r"^(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–—]\s*\d{4})?\s*,?\s*)?", re.IGNORECASE
)
_TRAILING_YEAR = re.compile(r"\s*,?\s*\d{4}(?:\s*[-–—]\s*\d{4})?\s*$")
_DOMAIN = re.compile(r"^[\w][\w-]*(?:\.[\w-]+)*\.[^\W\d_]{2,}$")
# A name a verb introduces starts like a name: a capital, a digit, a quote, a Latin letter,
# a descriptor noun or an institution.
_NAME_START = re.compile(
    r"^(?:[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ0-9«\"„“a-z©]|"
    r"(?:собственн|корреспондент|издани|информационн|информагентств|агентств|портал|сайт|"
    r"газет|журнал|телеканал|радиостанци|пресс-служб|министерств|ведомств|департамент|"
    r"управлени|акимат|комитет|прокуратур|полици|служб)\w*)"
)
_CLAUSE_END = re.compile(r"(?:[.!?…](?=\s|$)|[,;:(]|\s[—–-]\s|\s+со\s+ссылкой\s+на\s)")


def _alternation(words: Iterable[str]) -> str:
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in ordered)


_SENTENCE = re.compile(
    rf"(?<![\w-])(?P<phrase>{_alternation(_SENTENCE_PHRASES)})(?![\w-])\s+(?P<rest>.+)",
    re.IGNORECASE | re.DOTALL,
)
_CREDIT_LINE = re.compile(
    rf"^\s*(?P<label>{_alternation(_CREDIT_LABELS)})(?![\w-])\s*(?:[:—–-]\s*|\s)(?P<rest>.+)$",
    re.IGNORECASE | re.DOTALL,
)
_SECONDARY_RE = re.compile(r"(?<![\w-])со\s+ссылкой\s+на\s+(?P<rest>.+)", re.IGNORECASE | re.DOTALL)
_LEDE_TAIL = re.compile(
    rf"(?P<sep>\s*,\s*|\s+[—–-]\s+|\s*[.!?…]\s+)(?:как\s+)??"
    rf"(?P<phrase>{_alternation(_SENTENCE_PHRASES)})\s+(?P<rest>[^,;]+?)"
    r"(?P<period>\s*[.!]?)\s*$",
    re.IGNORECASE | re.DOTALL,
)


# The end of a sentence inside a would-be name: "Казгидромет. Температура…". A single letter
# before the stop is an initial ("А. Иванов", "г. Алматы"), not a sentence end.
_SENTENCE_END = re.compile(r"(?<!\s\w)(?<!^\w)(?<!\.\w)[.!?…]\s+(?=[^\W\d_])")


def _fold(text: str) -> str:
    """Lower-case-insensitive matching text of the same length: ё -> е."""
    return text.replace("ё", "е").replace("Ё", "Е")


def _phrase_key(text: str) -> str:
    return " ".join(_fold(text).lower().split())


def _unquote(name: str) -> str:
    changed = True
    while changed and len(name) >= 2:  # noqa: PLR2004 - a pair of quotes
        changed = False
        for opening, closing in _QUOTE_PAIRS:
            if name.startswith(opening) and name.endswith(closing):
                inner = name[len(opening) : -len(closing)].strip()
                # «Алтын» и «Орда» is two quoted names, not one quoted one.
                if opening not in inner and closing not in inner:
                    name = inner
                    changed = True
    return name


def _clean_name(raw: str) -> str | None:
    name = " ".join(raw.split()).strip(_TRAILING)
    name = _COPYRIGHT.sub("", name)
    for _ in range(2):  # "агентства «Казинформ»": the descriptor, then the quotes
        name = _unquote(name.strip(_TRAILING))
        name = _DESCRIPTORS.sub("", name, count=1)
    name = _unquote(name.strip(_TRAILING)).strip(_TRAILING)
    return name or None


def _make(name: str, role: Role, phrase: str) -> Attribution | None:
    try:
        return Attribution(name, role=role, phrase=phrase)
    except ValidationError:  # a name the model refuses (control characters) credits no one
        return None


def _clause(rest: str) -> str:
    end = _CLAUSE_END.search(rest)
    return rest if end is None else rest[: end.start()]


def _from_sentence(text: str) -> Attribution | None:
    folded = _fold(text)
    for match in _SENTENCE.finditer(folded):
        phrase, role = _SENTENCE_PHRASES[_phrase_key(match["phrase"])]
        start = match.start("rest")
        rest = text[start:]
        if phrase in _VERB_PHRASES and not _NAME_START.match(rest):
            continue
        name = _clean_name(_clause(rest))
        if name is not None:
            return _make(name, role, phrase)
    secondary = _SECONDARY_RE.search(folded)
    if secondary is not None:
        name = _clean_name(_clause(text[secondary.start("rest") :]))
        if name is not None:
            return _make(name, Role.SOURCE, _SECONDARY)
    return None


def _from_credit_line(text: str) -> Attribution | None:
    match = _CREDIT_LINE.match(_fold(text))
    if match is None:
        return None
    phrase, role = _CREDIT_LABELS[_phrase_key(match["label"])]
    name = _clean_name(text[match.start("rest") :])
    if name is None:
        return None
    return _make(name, role, phrase)


def _from_bare_credit(text: str) -> Attribution | None:
    stripped = text.strip().rstrip(".")
    if _COPYRIGHT.match(stripped):
        name = _clean_name(_TRAILING_YEAR.sub("", _COPYRIGHT.sub("", stripped)))
    elif _DOMAIN.match(stripped):
        name = stripped
    else:
        return None
    if name is None:
        return None
    return _make(name, Role.SOURCE, "credit")


def parse_attribution(text: str) -> Attribution | None:
    """Find who a sentence or a credit line credits.

    Args:
        text: a sentence ("…, передает Altyn-orda.kz"), a credit line ("Фото: Акорда") or a
            bare closing credit ("© Altyn-orda.kz").

    Returns:
        The attribution with its canonical phrase and the role that phrase implies, or
        ``None`` when the text credits no one.

    >>> parse_attribution("Об этом сообщает пресс-служба акимата.")
    Attribution(name='пресс-служба акимата', role=<Role.SOURCE: 'source'>, url=None, phrase='сообщает')
    >>> parse_attribution("Как передаёт корреспондент «Казинформа», сессия открылась.").name
    'Казинформа'
    >>> parse_attribution("Фото: Айгерим Сейткали").role
    <Role.PHOTOGRAPHER: 'photographer'>
    >>> parse_attribution("© Altyn-orda.kz").phrase
    'credit'
    >>> parse_attribution("Трамп пишет в своей сети слова благодарности") is None
    True
    """  # noqa: E501 - a doctest output line
    text = unicodedata.normalize("NFC", text).strip()
    if not text:
        return None
    return _from_credit_line(text) or _from_sentence(text) or _from_bare_credit(text)


def split_attribution(lede: str) -> tuple[str, Attribution | None]:
    """Take a lede-final attribution phrase off a lede.

    The phrase follows a comma, a dash or a full stop ("…, передает Altyn-orda.kz",
    "… — сообщает Tengrinews.kz."). A final full stop stays with the lede: "X, передает Y."
    gives "X.". A lede without such a phrase comes back unchanged with ``None``.

    Args:
        lede: the lede (first paragraph) of an article.

    Returns:
        The lede without the phrase, and the attribution (or ``None``).

    >>> text, credit = split_attribution("Токаев прибыл в Нью-Йорк, передает Altyn-orda.kz")
    >>> text
    'Токаев прибыл в Нью-Йорк'
    >>> credit
    Attribution(name='Altyn-orda.kz', role=<Role.SOURCE: 'source'>, url=None, phrase='передает')
    >>> split_attribution("Курс тенге укрепился — сообщает агентство «Казинформ».")[0]
    'Курс тенге укрепился.'

    A phrase followed by more sentences is not the lede's tail, and nothing is split off:

    >>> split_attribution("Ожидается снег, сообщает Казгидромет. Ветер усилится.")[1] is None
    True
    """
    normalized = unicodedata.normalize("NFC", lede)
    stripped = normalized.rstrip()
    match = _LEDE_TAIL.search(_fold(stripped))
    if match is None:
        return lede, None
    phrase, role = _SENTENCE_PHRASES[_phrase_key(match["phrase"])]
    rest = stripped[match.start("rest") : match.end("rest")]
    if phrase in _VERB_PHRASES and not _NAME_START.match(rest):
        return lede, None
    if _SENTENCE_END.search(rest):  # more sentences follow the phrase: it is not the tail
        return lede, None
    primary = re.split(r"\s+со\s+ссылкой\s+на\s+", rest, maxsplit=1, flags=re.IGNORECASE)[0]
    name = _clean_name(primary)
    if name is None:
        return lede, None
    head = stripped[: match.start()].rstrip()
    # The sentence keeps its own end: "X. Сообщает Y" and "X, сообщает Y." both give "X.".
    mark = match["sep"].strip() if match["sep"].strip() != "," else ""
    if mark in {"—", "–", "-"}:
        mark = ""
    head += mark or match["period"].strip()
    found = _make(name, role, phrase)
    return (lede, None) if found is None else (head, found)


_LEDE_PHRASES = frozenset({_SECONDARY}) | {phrase for phrase, _ in _SENTENCE_PHRASES.values()}
_LEDE_BY_ROLE = {
    Role.SOURCE: "передает",
    Role.ORIGINAL: "передает",
    Role.PUBLISHER: "передает",
    Role.AUTHOR: "пишет",
}
_CREDIT_BY_PHRASE = {
    "источник": "Источник: ",
    "по материалам": "По материалам ",
    "перевод": "Перевод: ",
    "автор": "Автор: ",
    "фото": "Фото: ",
    "видео": "Видео: ",
    "credit": "",
}
_CREDIT_BY_ROLE = {
    Role.SOURCE: "Источник: ",
    Role.ORIGINAL: "По материалам ",
    Role.TRANSLATOR: "Перевод: ",
    Role.AUTHOR: "Автор: ",
    Role.EDITOR: "Редактор: ",
    Role.PHOTOGRAPHER: "Фото: ",
    Role.VIDEOGRAPHER: "Видео: ",
    Role.PUBLISHER: "© ",
}


def format_attribution(
    attribution: Attribution, *, style: Literal["lede", "credit"] = "lede"
) -> str:
    """Write an attribution back as text.

    ``"lede"`` gives the tail to append to a lede, comma included (", передает
    Altyn-orda.kz"); it uses the attribution's sentence phrase, or one that fits its role
    ("передает" for a source, "пишет" for an author). ``"credit"`` gives a credit line
    ("Фото: …", "Перевод: …", "Источник: …"); a bare ``"credit"`` phrase gives the name alone.

    Args:
        attribution: what to write.
        style: ``"lede"`` or ``"credit"``.

    Returns:
        The text.

    A role that is not credited with a verb (a photographer, an editor, a translator) is
    written in ``"lede"`` style as a credit line after a full stop: ". Фото: Reuters".

    Raises:
        ValueError: the style is unknown.

    >>> from newsmodel import Attribution, Role
    >>> format_attribution(Attribution("Altyn-orda.kz", role=Role.SOURCE, phrase="передает"))
    ', передает Altyn-orda.kz'
    >>> format_attribution(Attribution("Reuters", role=Role.PHOTOGRAPHER), style="credit")
    'Фото: Reuters'
    >>> format_attribution(Attribution("Минздрава", role=Role.SOURCE, phrase="по данным"))
    ', по данным Минздрава'
    """
    if style not in {"lede", "credit"}:
        msg = f"unknown attribution style {style!r}; expected 'lede' or 'credit'"
        raise ValueError(msg)
    name = attribution.name
    phrase = attribution.phrase
    if style == "lede":
        if phrase in _LEDE_PHRASES:
            return f", {phrase} {name}"
        verb = _LEDE_BY_ROLE.get(attribution.role)
        if verb is None:
            return f". {format_attribution(attribution, style='credit')}"
        return f", {verb} {name}"
    label = _CREDIT_BY_PHRASE.get(phrase or "")
    if label is None:
        label = _CREDIT_BY_ROLE.get(attribution.role, "Источник: ")
    return f"{label}{name}"
