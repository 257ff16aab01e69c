"""Lines of another site's page read with the body that are not its text.

The article's header (a date line, a byline) read before the first paragraph, and the labels
after the last one (a widget's title, a credit, the tags): each rule takes the body's sections
and gives them back without such lines.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import attrs

from newsmodel._models import Attribution, Role, Section
from newsmodel.errors import ValidationError
from newsmodel.html._values import YEAR, date_value

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping, Sequence

    from newsmodel.html._choose import Page

__all__ = [
    "end_mark",
    "leading",
    "without",
    "without_byline_lines",
    "without_closing_labels",
    "without_date_lines",
    "without_repeats",
]


def without_date_lines(page: Page, sections: list[Section]) -> list[Section]:
    """The sections without the short dated lines the body starts with, on another's page.

    A line of the article's header read with the body ("Published Jun 5, 2026 • 3 minute
    read", "17:41 JST, October 13, 2024"): a short paragraph that gives a date, before the
    first long paragraph.
    """
    if page.own:
        return sections
    found = []
    for where, text in leading(sections):
        if len(text) >= _LONG_LINE:
            break
        if len(text) <= _DATE_LINE and YEAR.search(text) and date_value(text, page.zone):
            found.append(where)
    for where in reversed(found):
        sections = without(sections, where)
    return sections


def without_byline_lines(
    page: Page, sections: list[Section], attributions: list[Attribution]
) -> list[Section]:
    """The sections without the byline lines the body starts with, on another's page.

    A line of the article's header read with the body: a short paragraph or heading, before
    the first long paragraph, that names one of the article's authors and little else ("By Ada
    Lovell", "Ada Lovell Write to me", "Mon 05.03.24 | 10:00 | By Ada Lovell").
    """
    names = [
        a.name.casefold()
        for a in attributions
        if a.role is Role.AUTHOR and len(a.name) >= _SHORTEST_NAME
    ]
    if page.own or not names or not sections:
        return sections
    found = []
    for where, text in leading(sections):
        if len(text) >= _LONG_LINE:
            break
        if len(text) <= _DATE_LINE and _names_only(text.casefold(), names):
            found.append(where)
    for where in reversed(found):
        sections = without(sections, where)
    first = sections[0] if sections else None
    if first is not None and first.heading and _names_only(first.heading.casefold(), names):
        try:
            sections = [attrs.evolve(first, heading=None), *sections[1:]]
        except ValidationError:  # a heading alone
            sections = sections[1:]
    return sections


def _names_only(line: str, names: list[str]) -> bool:
    """Whether a line names one of ``names`` and holds few other words besides."""
    rest = line
    for name in names:
        rest = rest.replace(name, " ")
    if rest == line:
        return False
    return len(_WORDS.findall(rest)) <= _BYLINE_WORDS


#: An author's name this short ("AP") may be part of another word: not looked for in lines.
_SHORTEST_NAME = 4
#: A byline line holds at most this many words besides the authors' names ("By", "Write to
#: me", a weekday, "Uhr", a site's name); digits are not words.
_BYLINE_WORDS = 5
_WORDS = re.compile(r"[^\W\d_]+")


#: A dated line of the header has at most this many characters; a paragraph this long or
#: longer is the text.
_DATE_LINE = 100
_LONG_LINE = 150
#: How many of the body's first paragraphs are compared with the lede.
_LEADING = 5


def leading(sections: list[Section]) -> Iterator[tuple[tuple[int, int], str]]:
    """Where the body's first paragraphs are (section, block) and their text, one by one.

    Each text is found when it is asked for: a rule that stops at the first long paragraph
    does not read the next ones.
    """
    count = 0
    for number, section in enumerate(sections):
        for index, block in enumerate(section.blocks):
            if hasattr(block, "content"):
                yield (number, index), str(block.text)
                count += 1
                if count == _LEADING:
                    return


def without(sections: list[Section], where: tuple[int, int]) -> list[Section]:
    """The sections without one block; a section left with no block goes (its heading too)."""
    number, index = where
    section = sections[number]
    blocks = [*section.blocks[:index], *section.blocks[index + 1 :]]
    try:
        kept = [attrs.evolve(section, blocks=blocks)]
    except ValidationError:
        kept = []
    return [*sections[:number], *kept, *sections[number + 1 :]]


def without_closing_labels(
    page: Page,
    sections: list[Section],
    attributions: list[Attribution],
    captions: Sequence[object] = (),
) -> list[Section]:
    """The sections without the labels the body ends with, on another's page.

    A body ends with a sentence. A short line after it, with no sentence's end, is the title of
    what follows it on the page (a box of links, an ad, the tags: "Recommended", "Read in
    English"), a credit ("AFP") or a button. The author's name signing the article, a footnote
    ("* Name changed") and the ``captions`` (blocks kept as text from a dropped figure) are
    kept.
    """
    if page.own:
        return sections
    names = [a.name.casefold() for a in attributions if a.role is Role.AUTHOR]
    for _ in range(_CLOSING_LABELS):
        if not sections or not sections[-1].blocks:
            break
        last = sections[-1].blocks[-1]
        if not hasattr(last, "content") or any(last is c for c in captions):
            break  # a list, a quote, a figure: not a line of text
        text = last.text.strip()
        if (
            len(text) > _LABEL
            or len(text.split()) > _LABEL_WORDS
            or _SENTENCE_END.search(text)
            or text.startswith(_FOOTNOTE)
            or text.casefold() in names
        ):
            break
        sections = without(sections, (len(sections) - 1, len(sections[-1].blocks) - 1))
    return sections


#: How many labels in a row are taken off the body's end, at most.
_CLOSING_LABELS = 3
#: A label holds at most this many characters and words.
_LABEL = 30
_LABEL_WORDS = 4
#: The marks a footnote starts with.
_FOOTNOTE = ("*", "†")
#: What ends a sentence (or a quote, or a parenthesis closing an agency's mark).
_SENTENCE_END = re.compile(r"[.!?…:;)\]\"'»”’」』。！？]$")


def without_repeats(
    page: Page, sections: list[Section], ends: Mapping[str, list[Any]]
) -> list[Section]:
    """The sections without the paragraphs that repeat another block in another form.

    On another site's page a picture's caption or a summary's point is often set again as a
    paragraph, spaced or stopped otherwise ("... out there" and "... out there."); an article
    hardly ever says the same sentence twice. Blocks (of 40 to 400 characters) that the body's
    reader noted under the same ends (``ends``, see :func:`end_mark`) are compared by their
    letters and digits alone. The copy kept is a caption (a figure's), else the first that
    ends a sentence, else the first: a caption or a summary's point often goes without its
    stop. A paragraph said again word for word, stops and all, is the article's own (a
    refrain, "More to come"): a long one met twice is read once already as the page is read.
    """
    groups = [blocks for blocks in ends.values() if len(blocks) > 1]
    if page.own or not groups:
        return sections
    dropped = _repeated(sections, groups)
    if not dropped:
        return sections
    kept: list[Section] = []
    for number, section in enumerate(sections):
        blocks = [b for i, b in enumerate(section.blocks) if (number, i) not in dropped]
        if len(blocks) == len(section.blocks):
            kept.append(section)
        elif blocks:
            kept.append(attrs.evolve(section, blocks=blocks))
    return kept


def _repeated(sections: list[Section], groups: list[list[Any]]) -> set[tuple[int, int]]:
    """Where the paragraphs are (section, block) that repeat another block of their group."""
    where = {id(b): (n, i) for n, part in enumerate(sections) for i, b in enumerate(part.blocks)}
    dropped: set[tuple[int, int]] = set()
    for blocks in groups:
        copies: dict[str, list[tuple[int, int]]] = {}
        for block in blocks:
            if id(block) in where:
                copies.setdefault(_key(block.text), []).append(where[id(block)])
        for places in copies.values():
            if len(places) > 1:
                found = [sections[n].blocks[i] for n, i in places]
                dropped.update(_repeats(found, places))
    return dropped


def end_mark(text: str) -> str | None:
    """A block's ends: its first and last characters, spaces and stops aside.

    ``None`` for a block too short or too long to be said again.
    """
    text = text.strip(_ENDS)
    if not _REPEAT <= len(text) <= _LONGEST_REPEAT:
        return None
    return "".join(f"{text[:_END]}|{text[-_END:]}".split())


def _repeats(blocks: list[Any], places: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Where the paragraphs are that repeat one copy of a text (see :func:`without_repeats`)."""
    texts = [" ".join(b.text.split()) if hasattr(b, "content") else None for b in blocks]
    if None not in texts and len(set(texts)) == 1:
        return []  # said again word for word
    if None in texts:
        keep = texts.index(None)
    else:
        stopped = [i for i, t in enumerate(texts) if t and _SENTENCE_END.search(t)]
        keep = stopped[0] if stopped else 0
    return [p for i, p in enumerate(places) if i != keep and texts[i] is not None]


def _key(text: str) -> str:
    """A paragraph's letters and digits, case folded: what a repeat has the same."""
    return _NOT_WORD.sub("", text.casefold())


#: A paragraph of fewer characters may be said twice (a refrain, "More to come").
_REPEAT = 40
#: A caption or a summary's point is no longer than this; a longer paragraph said again is
#: read once already as the page is read.
_LONGEST_REPEAT = 400
_NOT_WORD = re.compile(r"[\W_]+")
#: How many characters of each end of a block are compared first, and what is no part of them.
_END = 24
_ENDS = " \t\n\r\f\v\xa0.!?…;:,。"
