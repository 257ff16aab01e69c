"""Attribution phrases in Russian and Kazakh news text: "передает Altyn-orda.kz", "Фото: Акорда".

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
по материалам             original        По материалам …, Подготовлено по материалам …
перевод                   translator      Перевод: …, Перевод с английского: …, Перевела …
автор                     author          Автор: …, Автор текста: …
фото                      photographer    Фото: …, Фото …, Фотография: …, Автор фото: …
видео                     videographer    Видео: …, Видео …
источник фото             photographer    Источник фото: … (the photo's source, not the article's)
деп хабарлайды            source          деп хабарлайды, деп хабарлады, мәлімдейді, мәлім етті
деп жазады                source          деп жазады, деп жазды
бұл туралы                source          Бұл туралы … хабарлады (хабарлайды, мәлім етті…)
мәліметінше               source          … мәліметінше, … мәліметі бойынша, … хабарлауынша
дереккөз                  source          Дереккөз: …, Ақпарат көзі: …
аударған                  translator      Аударған: …, Аудармашы: …, Аударма: …
дайындаған                author          Дайындаған: …, Материалды дайындаған: …
сурет                     photographer    Сурет: …, Суреттер: …, Суретті түсірген: …
бейне                     videographer    Бейне: …, Бейнені түсірген: …
credit                    source          a bare closing line: "Altyn-orda.kz", "© Altyn-orda.kz"
========================  ==============  ====================================================

The name is kept as written (no lemmatisation: "по данным Минздрава" credits "Минздрава"),
without surrounding quotes («», "", „“), trailing punctuation, or a leading descriptor noun
(корреспондент, издание, агентство, информагентство, портал, сайт, газета, журнал,
телеканал, радиостанция) in any case form, or a trailing Kazakh one (тілшісі, сайты,
агенттігі…). A primary phrase wins over a secondary "со ссылкой на …" ("… сілтеп").

Before a lede-final phrase stands a comma, a dash with a space on each side, any mix of the two
(", - передает", ",— передает", " – , передает") or a sentence stop; the stop stays with the
lede, the rest goes. Every pattern here runs in time linear in the text, whatever its runs of
spaces, dashes or repeated phrases.
"""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING, Literal

from newsmodel._metadata import CANONICAL_SEPARATOR
from newsmodel._models import Attribution, Role
from newsmodel.errors import ValidationError

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["format_attribution", "outlet_key", "parse_attribution", "split_attribution"]

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
    # Kazakh: the name follows "деп <verb>" at the end of a sentence.
    "деп хабарлайды": ("деп хабарлайды", Role.SOURCE),
    "деп хабарлады": ("деп хабарлайды", Role.SOURCE),
    "деп жазады": ("деп жазады", Role.SOURCE),
    "деп жазды": ("деп жазады", Role.SOURCE),
    "деп мәлімдейді": ("деп хабарлайды", Role.SOURCE),
    "деп мәлім етті": ("деп хабарлайды", Role.SOURCE),
}
_CREDIT_LABELS: dict[str, tuple[str, Role]] = {
    "источник": ("источник", Role.SOURCE),
    "по материалам": ("по материалам", Role.ORIGINAL),
    "подготовлено по материалам": ("по материалам", Role.ORIGINAL),
    "источник фото": ("источник фото", Role.PHOTOGRAPHER),
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
    # Kazakh credit lines.
    "дереккөз": ("дереккөз", Role.SOURCE),
    "ақпарат көзі": ("дереккөз", Role.SOURCE),
    "аударған": ("аударған", Role.TRANSLATOR),
    "аудармашы": ("аударған", Role.TRANSLATOR),
    "аударма": ("аударған", Role.TRANSLATOR),
    "суретті түсірген": ("сурет", Role.PHOTOGRAPHER),
    "сурет": ("сурет", Role.PHOTOGRAPHER),
    "фото түсірген": ("сурет", Role.PHOTOGRAPHER),
    "бейне": ("бейне", Role.VIDEOGRAPHER),
    "бейнені түсірген": ("бейне", Role.VIDEOGRAPHER),
    "авторы": ("автор", Role.AUTHOR),
    "суреттер": ("сурет", Role.PHOTOGRAPHER),
    "фотосурет": ("сурет", Role.PHOTOGRAPHER),
    "дайындаған": ("дайындаған", Role.AUTHOR),
    "материалды дайындаған": ("дайындаған", Role.AUTHOR),
}
# "Перевод с английского: X", "Перевод с казахского языка: X": the language is not the name.
_TRANSLATED_FROM = r"перевод\s+с\s+[а-яё]+(?:ого|его)(?:\s+языка)?"
# Phrases a verb introduces only count when a name follows, not "пишет в своей сети".
_VERB_PHRASES = frozenset({"передает", "сообщает", "пишет", "деп хабарлайды", "деп жазады"})
# "Бұл туралы Kazinform хабарлады": a Kazakh sentence in which the name comes before the verb.
_KK_ABOUT = "бұл туралы"
_KK_VERBS = frozenset(
    {"хабарлады", "хабарлайды", "жазады", "жазды", "мәлімдеді", "мәлімдейді"}
    | {"мәлім етті", "мәлім етеді"}
)
# "Бұл туралы ол брифингте мәлім етті": a pronoun is a speaker, not a source.
_KK_PRONOUNS = frozenset({"ол", "олар", "біз", "мен"})
# "Ұлттық статистика бюросының мәліметінше, …": the name (as written, often in the genitive)
# opens the clause, the phrase follows it.
_KK_ACCORDING = "мәліметінше"
_KK_ACCORDING_RE = re.compile(
    r"(?:^|(?<=[,;:.!?…]\s))(?P<name>[^,;:.!?…]+?)\s+"
    r"(?:мәліметінше|мәліметі\s+бойынша|деректері\s+бойынша|дерегінше|хабарлауынша)"
    r"(?=[\s,]|$)",
    re.IGNORECASE,
)
# Kazakh outlet descriptors follow the name ("ҚазАқпарат тілшісі", "Egemen.kz сайты").
_KK_DESCRIPTORS = re.compile(
    r"\s+(?:ақпарат\s+)?(?:тілшісі|тілшілері|сайты|порталы|агенттігі|газеті|журналы"
    r"|телеарнасы|басылымы)$",
    re.IGNORECASE,
)
# "…, деп хабарлайды Dalanews.kz «Ulysmedia»-ға сілтеп": the outlet quoted, then its source.
_KK_SECONDARY = re.compile(r"\s+(?:сілтеп|сілтеме\s+жасап)$", re.IGNORECASE)
# Phrases of Kazakh text: a lede in Kazakh is credited with a Kazakh verb.
_KK_PHRASES = frozenset(
    {"деп хабарлайды", "деп жазады", "дереккөз", "аударған", "сурет", "бейне", "дайындаған"}
)
_KK_ABOUT_START = re.compile(r"(?<![\w-])бұл\s+туралы(?![\w-])", re.IGNORECASE)
_KK_ABOUT_RE = re.compile(r"(?<![\w-])бұл\s+туралы\s+(?P<rest>\S.*)", re.IGNORECASE | re.DOTALL)
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
_TRAILING_YEAR = re.compile(r"(?<![\s,])\s*,?\s*\d{4}(?:\s*[-–—]\s*\d{4})?\s*$")
_DOMAIN = re.compile(r"^[\w][\w-]*(?:\.[\w-]+)*\.[^\W\d_]{2,}$")
# A name a verb introduces starts like a name: a capital, a digit, a quote, a Latin letter,
# a descriptor noun or an institution.
_NAME_START = re.compile(
    r"^(?:[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ0-9«\"„“a-z©]|"
    r"(?:собственн|корреспондент|издани|информационн|информагентств|агентств|портал|сайт|"
    r"газет|журнал|телеканал|радиостанци|пресс-служб|министерств|ведомств|департамент|"
    r"управлени|акимат|комитет|прокуратур|полици|служб)\w*)"
)
# Every pattern below that can start inside a run of spaces starts at the run's first space
# ("(?<!\s)\s+"): a match that fails there fails at every later space of the run too, and
# trying each would make a run of n spaces cost n^2 steps.
_CLAUSE_END = re.compile(r"(?:[.!?…](?=\s|$)|[,;:(]|\s[—–-]\s|(?<!\s)\s+со\s+ссылкой\s+на\s)")


def _alternation(words: Iterable[str]) -> str:
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in ordered)


_SENTENCE = re.compile(
    rf"(?<![\w-])(?P<phrase>{_alternation(_SENTENCE_PHRASES)})(?![\w-])\s+(?P<rest>.+)",
    re.IGNORECASE | re.DOTALL,
)
_CREDIT_LINE = re.compile(
    rf"^\s*(?P<label>{_TRANSLATED_FROM}|{_alternation(_CREDIT_LABELS)})(?![\w-])\s*(?:[:—–-]\s*|\s)(?P<rest>.+)$",
    re.IGNORECASE | re.DOTALL,
)
_SECONDARY_SPLIT = re.compile(r"(?<!\s)\s+со\s+ссылкой\s+на\s+", re.IGNORECASE)
_SECONDARY_RE = re.compile(r"(?<![\w-])со\s+ссылкой\s+на\s+(?P<rest>.+)", re.IGNORECASE | re.DOTALL)
# A sentence phrase that may end a lede; the separator before it is read by _separator().
_TAIL_PHRASE = re.compile(
    rf"(?<!\w)(?P<phrase>{_alternation(_SENTENCE_PHRASES)})(?![\w-])\s+(?=\S)",
    re.IGNORECASE,
)
_DASHES = "—–-"
_SEPARATORS = ",—–-"
_STOPS = ".!?…"


# The end of a sentence inside a would-be name: "Казгидромет. Температура…". A single letter
# before the stop is an initial ("А. Иванов", "г. Алматы"), not a sentence end.
_SENTENCE_END = re.compile(r"(?<!\s\w)(?<!^\w)(?<!\.\w)[.!?…]\s+(?=[^\W\d_])")


def outlet_key(name: str) -> str:
    """What two credits of the same outlet share: "Altyn-orda.kz", "www.altyn-orda.kz", «…».

    >>> outlet_key("www.Altyn-Orda.kz") == outlet_key("«Altyn-orda.kz»")
    True
    """
    key = _unquote(" ".join(_fold(name).casefold().split()).strip(_TRAILING))
    return key.removeprefix("www.")


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
    if _KK_SECONDARY.search(name):  # "Dalanews.kz «Ulysmedia»-ға сілтеп": the outlet alone
        head = _KK_SECONDARY.sub("", name)
        cut = head.rfind("«")
        name = (head[:cut] if cut > 0 else head.rpartition(" ")[0]).strip(_TRAILING)
    name = _KK_DESCRIPTORS.sub("", name) if " " in name else name
    return _unquote(name.strip(_TRAILING)) or None


def _make(
    name: str, role: Role, phrase: str, separator: str = CANONICAL_SEPARATOR
) -> Attribution | None:
    try:
        return Attribution(name, role=role, phrase=phrase, separator=separator)
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
    about = _kazakh_about(text, folded)
    if about is not None:
        return about[1]
    according = _KK_ACCORDING_RE.search(folded)
    if according is not None:
        name = _clean_name(text[according.start("name") : according.end("name")])
        if name is not None and _phrase_key(name) not in _KK_PRONOUNS:
            return _make(name, Role.SOURCE, _KK_ACCORDING)
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
    label = _phrase_key(match["label"])
    if label.startswith("перевод "):  # "перевод с английского"
        label = "перевод"
    phrase, role = _CREDIT_LABELS[label]
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
    Attribution(name='пресс-служба акимата', role=<Role.SOURCE: 'source'>, url=None, phrase='сообщает', separator=', ')
    >>> parse_attribution("Как передаёт корреспондент «Казинформа», сессия открылась.").name
    'Казинформа'
    >>> parse_attribution("Фото: Айгерим Сейткали").role
    <Role.PHOTOGRAPHER: 'photographer'>
    >>> parse_attribution("© Altyn-orda.kz").phrase
    'credit'
    >>> parse_attribution("Трамп пишет в своей сети слова благодарности") is None
    True
    """  # noqa: E501 - a doctest output line
    text = " ".join(unicodedata.normalize("NFC", text).split())
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
    >>> credit.name, credit.role, credit.phrase
    ('Altyn-orda.kz', <Role.SOURCE: 'source'>, 'передает')

    The commas and dashes before the phrase are kept on the attribution, and written back:

    >>> text, credit = split_attribution("Токаев провел встречу, - передает Altyn-orda.kz.")
    >>> text, credit.separator
    ('Токаев провел встречу.', ', - ')
    >>> text[:-1] + format_attribution(credit) + "."
    'Токаев провел встречу, - передает Altyn-orda.kz.'
    >>> split_attribution("Курс тенге укрепился — сообщает агентство «Казинформ».")[0]
    'Курс тенге укрепился.'

    A phrase followed by more sentences is not the lede's tail, and nothing is split off:

    >>> split_attribution("Ожидается снег, сообщает Казгидромет. Ветер усилится.")[1] is None
    True
    """
    stripped = unicodedata.normalize("NFC", lede).rstrip()
    folded = _fold(stripped)
    found = _kazakh_tail(stripped, folded)
    if found is not None:
        return found
    # The name runs to the end without a comma or a semicolon, so the phrase stands after the
    # last of them; the first phrase there with a separator before it is the tail's.
    last = max(stripped.rfind(","), stripped.rfind(";"))
    for match in _TAIL_PHRASE.finditer(folded, last + 1):
        separator = _separator(stripped, match.start())
        if separator is not None:
            return _split_at(lede, stripped, match, separator)
    return lede, None


def _separator(text: str, end: int) -> tuple[int, str, str] | None:
    """Where the separator before a phrase at ``end`` starts, the stop it keeps, and its marks.

    The stop is "" when there is none; the marks are the commas and dashes the separator is
    written with (the canonical ", " after a stop). The separator is any run of commas and
    dashes with spaces (", ", " — ", ", - ", ",— "), a lone dash needing a space on both
    sides, or a sentence stop and a space. An optional "как" stands between it and the
    phrase. Only the text since the previous non-separator character is read, so the scans of
    all the phrases of a text add up to its length.
    """
    start = end
    while start > 0 and text[start - 1].isspace():
        start -= 1
    if start < end and _fold(text[start - 3 : start]).lower() == "как":
        word_start = start - 3
        if word_start == 0 or not (text[word_start - 1].isalnum() or text[word_start - 1] == "-"):
            end = word_start
            start = end
    while start > 0 and (text[start - 1].isspace() or text[start - 1] in _SEPARATORS):
        start -= 1
    run = text[start:end]
    marks = "".join(run.split())
    if "," in marks:
        return start, "", run
    if marks:  # dashes alone: "встречу — передает", not "Нур-Султан-передает"
        return (start, "", run) if run[0].isspace() and run[-1].isspace() else None
    if run and start > 0 and text[start - 1] in _STOPS:
        return start, text[start - 1], CANONICAL_SEPARATOR
    return None


def _split_at(
    lede: str, stripped: str, match: re.Match[str], separator: tuple[int, str, str]
) -> tuple[str, Attribution | None]:
    phrase, role = _SENTENCE_PHRASES[_phrase_key(match["phrase"])]
    rest = stripped[match.end() :]
    period = ""
    if rest[-1:] in {".", "!"}:
        period, rest = rest[-1], rest[:-1].rstrip()
    if not rest or (phrase in _VERB_PHRASES and not _NAME_START.match(rest)):
        return lede, None
    if _SENTENCE_END.search(rest):  # more sentences follow the phrase: it is not the tail
        return lede, None
    name = _clean_name(_SECONDARY_SPLIT.split(rest, maxsplit=1)[0])
    if name is None:
        return lede, None
    start, stop, marks = separator
    # The sentence keeps its own end: "X. Сообщает Y" and "X, сообщает Y." both give "X.".
    head = stripped[: start + len(stop)].rstrip()
    if not stop and head[-1:] not in _STOPS:
        head += period
    found = _make(name, role, phrase, marks)
    return (lede, None) if found is None else (head, found)


def _kazakh_about(text: str, folded: str) -> tuple[int, Attribution] | None:
    """A "Бұл туралы NAME хабарлады" sentence: where it starts, and whom it credits."""
    match = _KK_ABOUT_RE.search(folded)
    if match is None:
        return None
    clause = _clause(text[match.start("rest") :])
    words = clause.split(" ")
    # The verb is the clause's last word or two ("мәлім етті"); the name stands before it.
    size = next((n for n in (2, 1) if _phrase_key(" ".join(words[-n:])) in _KK_VERBS), 0)
    if not size or len(words) <= size:
        return None
    name = " ".join(words[:-size])
    if _phrase_key(name).split(" ")[0] in _KK_PRONOUNS:  # "Бұл туралы ол … мәлім етті"
        return None
    cleaned = _clean_name(name)
    found = None if cleaned is None else _make(cleaned, Role.SOURCE, _KK_ABOUT)
    return None if found is None else (match.start(), found)


def _kazakh_tail(stripped: str, folded: str) -> tuple[str, Attribution | None] | None:
    """Split off a lede's last sentence "Бұл туралы Kazinform хабарлады."."""
    start = -1
    for match in _KK_ABOUT_START.finditer(folded):
        start = match.start()
    if start < 0:
        return None
    about = _kazakh_about(stripped[start:], folded[start:])
    if about is None:
        return None
    head = stripped[:start].rstrip()
    tail = stripped[start:].rstrip(".!").rstrip()
    if head[-1:] not in _STOPS or _SENTENCE_END.search(tail) or _CLAUSE_END.search(tail):
        return None
    return head, about[1]


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
    "источник фото": "Источник фото: ",
    "дереккөз": "Дереккөз: ",
    "аударған": "Аударған: ",
    "сурет": "Сурет: ",
    "бейне": "Бейне: ",
    _KK_ABOUT: "Дереккөз: ",
    _KK_ACCORDING: "Дереккөз: ",
    "дайындаған": "Дайындаған: ",
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
    written in ``"lede"`` style as a credit line after a full stop: ". Фото: Reuters"; a
    "бұл туралы" credit as the sentence that follows the lede: " Бұл туралы Kazinform хабарлады."

    Raises:
        ValidationError: the style is unknown.

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
        raise ValidationError("style", msg)
    name = attribution.name
    phrase = attribution.phrase
    if style == "lede":
        if phrase == _KK_ABOUT:
            return f" Бұл туралы {name} хабарлады."  # a sentence after the lede's own
        separator = attribution.separator
        if phrase in _LEDE_PHRASES:
            return f"{separator}{phrase} {name}"
        verb = _LEDE_BY_ROLE.get(attribution.role)
        if verb is not None and phrase in _KK_PHRASES:  # a Kazakh credit, a Kazakh verb
            verb = "деп жазады" if attribution.role is Role.AUTHOR else "деп хабарлайды"
        if verb is None or phrase == _KK_ACCORDING:
            return f". {format_attribution(attribution, style='credit')}"
        return f"{separator}{verb} {name}"
    label = _CREDIT_BY_PHRASE.get(phrase or "")
    if label is None:
        label = _CREDIT_BY_ROLE.get(attribution.role, "Источник: ")
    return f"{label}{name}"
