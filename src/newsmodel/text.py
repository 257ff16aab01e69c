r"""Read and write articles as plain text, in the shape of a captured article page.

The shape, line by line (the documentation's plain-text page gives every rule)::

    АЛТЫНОРДА                                   the site's name (empty line when unknown)
    Главные новостиНовости Казахстана           the rubrics, run together (optional)
                                                a blank line
    Заголовок статьи                            the headline
                                                a blank line
    Анонс статьи, передает Altyn-orda.kz        the lede, with its source phrase
                                                a blank line
    Первый абзац.                               paragraphs, separated by one blank line
                                                two blank lines ...
    Подзаголовок                                ... start a section under this subheading
                                                a blank line
    Абзац раздела.
                                                a blank line
    Altyn-orda.kz                               the closing credit

Rubrics are split where a lower-case letter is directly followed by an upper-case one
("Главные новостиИносми" → "Главные новости", "Иносми"); pass ``rubrics=`` with the site's
rubric names when one of them breaks that rule. The lede's final source phrase becomes an
:class:`~newsmodel.Attribution` (``phrase="передает"``), and the closing credit one with
``phrase="credit"``.

Only text survives the shape: :func:`dumps` warns with a
:class:`~newsmodel.LossyConversionWarning` for each thing it cannot carry when an article holds
more (dates, tags, links' addresses, figures...).

Input over ``max_bytes`` (:data:`DEFAULT_MAX_BYTES`, 16 MiB, by default; characters for
``str``) is refused with a :class:`~newsmodel.ParseError` before it is read, and :func:`load`
reads at most ``max_bytes + 1`` bytes from its file.

>>> from newsmodel import text
>>> article = text.loads("САЙТ\nПолитикаЭкономика\n\nЗаголовок\n\nАнонс.\n\nАбзац.")
>>> article.site, article.rubrics, article.headline
('САЙТ', ('Политика', 'Экономика'), 'Заголовок')
>>> text.dumps(article) == "САЙТ\nПолитикаЭкономика\n\nЗаголовок\n\nАнонс.\n\nАбзац."
True
"""

from __future__ import annotations

import re
from collections import Counter
from typing import IO, TYPE_CHECKING, TypeVar

import attrs

from newsmodel._attribution import (
    format_attribution,
    outlet_key,
    parse_attribution,
    split_attribution,
)
from newsmodel._limits import MAX_BYTES, check_size, utf8_text
from newsmodel._models import (
    Article,
    Attribution,
    Block,
    Embed,
    Emphasis,
    Inline,
    ItemList,
    LineBreak,
    Link,
    Paragraph,
    Quote,
    Role,
    Section,
    Strong,
    Table,
    extension_fields,
)
from newsmodel._textrules import scrub
from newsmodel._warnings import lossy
from newsmodel.errors import ParseError, ValidationError

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence

__all__ = ["DEFAULT_MAX_BYTES", "dump", "dumps", "load", "loads", "split_rubrics"]

_FORMAT = "text"

#: The largest document :func:`loads` and :func:`load` read unless told otherwise: 16 MiB, the
#: limit of every format.
DEFAULT_MAX_BYTES = MAX_BYTES
T = TypeVar("T")
#: The phrase of a closing credit line's attribution.
_CREDIT = "credit"

_NEWLINES = re.compile(r"\r\n|\r|\n")
# A closing credit does not end like a sentence.
_SENTENCE_END = tuple('.!?…:;»"”)')


def split_rubrics(line: str, known: Iterable[str] = ()) -> tuple[str, ...]:
    """Split a line of rubrics run together into the rubrics.

    A rubric ends where a lower-case letter is directly followed by an upper-case letter.
    Names in ``known`` are matched first, longest first, so that a rubric that breaks the rule
    ("МинЭнерго", "iPhone") is kept whole.

    Args:
        line: the rubrics as captured, e.g. ``"Главные новостиИносмиНовости Казахстана"``.
        known: rubric names of the site, when some do not follow the rule.

    Returns:
        The rubrics in order; ``()`` for a blank line.

    >>> split_rubrics("Главные новостиИносмиНовости Казахстана")
    ('Главные новости', 'Иносми', 'Новости Казахстана')
    >>> split_rubrics("iPhoneТехнологии", known=["iPhone"])
    ('iPhone', 'Технологии')
    """
    text = line.strip()
    names = sorted({k.strip() for k in known if k.strip()}, key=len, reverse=True)
    out: list[str] = []
    start = 0
    i = 0
    while i < len(text):
        match = next((n for n in names if text.startswith(n, i)), None)
        if match is not None:
            if text[start:i].strip():
                out.append(text[start:i].strip())
            out.append(match)
            i += len(match)
            start = i
            continue
        if i > start and _is_boundary(text, i):
            out.append(text[start:i].strip())
            start = i
        i += 1
    if text[start:].strip():
        out.append(text[start:].strip())
    return tuple(out)


def _is_boundary(text: str, i: int) -> bool:
    return text[i - 1].islower() and text[i].isupper()


# --- reading -------------------------------------------------------------------------------


@attrs.frozen
class _Chunk:
    """A run of non-blank lines, with how many blank lines came before it."""

    lines: tuple[str, ...]
    line: int  # 1-based number of its first line
    blanks_before: int


def _chunks(lines: Sequence[str], start: int) -> list[_Chunk]:
    out: list[_Chunk] = []
    blanks = 0
    current: list[str] = []
    first = 0
    for number, raw in enumerate(lines[start:], start + 1):
        if raw.strip():
            if not current:
                first = number
            current.append(raw)
            continue
        if current:
            out.append(_Chunk(tuple(current), first, blanks))
            current = []
            blanks = 0
        blanks += 1
    if current:
        out.append(_Chunk(tuple(current), first, blanks))
    return out


def _one_line(chunk: _Chunk) -> str:
    return " ".join(line.strip() for line in chunk.lines)


def _paragraph(chunk: _Chunk) -> Paragraph:
    content: list[Inline] = []
    for i, line in enumerate(chunk.lines):
        if i:
            content.append(LineBreak())
        content.append(line)
    return Paragraph(content)


def _is_credit(chunk: _Chunk) -> bool:
    line = chunk.lines[0].strip()
    return (
        len(chunk.lines) == 1
        and chunk.blanks_before == 1
        and len(line) <= 80  # noqa: PLR2004 - a name, not a sentence
        and not line.endswith(_SENTENCE_END)
    )


def _credit(line: str) -> Attribution:
    found = parse_attribution(line)
    if found is not None and found.phrase == _CREDIT:
        return found
    return Attribution(line, role=Role.SOURCE, phrase=_CREDIT)


def loads(
    data: str | bytes,
    /,
    *,
    rubrics: Iterable[str] = (),
    masthead: bool = True,
    credit: bool = True,
    language: str = "ru",
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Article:
    r"""Read an article from plain text in the captured-page shape.

    Args:
        data: the text, or UTF-8 bytes (a byte order mark is skipped).
        rubrics: the site's rubric names, matched before the case rule splits the rubric line.
        masthead: whether the text starts with the site line and the rubric line; when
            ``False`` it starts with the headline.
        credit: whether a last one-line paragraph that does not end like a sentence is the
            closing credit.
        language: the language of the text (the shape does not say).
        max_bytes: refuse larger input: bytes, or characters for ``str``.

    Returns:
        The article.

    Raises:
        ParseError: the input is over ``max_bytes``, the bytes are not UTF-8, there is no
            headline, or a part breaks a rule of the model; ``line`` says where.

    >>> a = loads("САЙТ\n\nЗаголовок\n\nАнонс, сообщает Kazinform\n\nАбзац.\n\nAltyn-orda.kz")
    >>> a.lede, [(x.name, x.phrase) for x in a.attributions]
    ('Анонс', [('Kazinform', 'сообщает'), ('Altyn-orda.kz', 'credit')])

    A closing credit of the outlet the lede already credits is that same credit, kept once:

    >>> a = loads("САЙТ\n\nЗаголовок\n\nАнонс, сообщает Kazinform\n\nАбзац.\n\nKazinform")
    >>> [(x.name, x.phrase) for x in a.attributions]
    [('Kazinform', 'сообщает')]
    """
    lines = _NEWLINES.split(scrub(_decode(data, max_bytes).removeprefix("\ufeff")))
    fields: dict[str, object] = {"language": language}
    start = 0
    if masthead:
        fields["site"] = lines[0].strip() or None
        if len(lines) > 1 and lines[1].strip():
            fields["rubrics"] = split_rubrics(lines[1], rubrics)
        start = 2
    chunks = _chunks(lines, start)
    if not chunks:
        raise ParseError(_FORMAT, "no headline", line=min(start + 1, len(lines)))
    try:
        return _build(chunks, fields, credit=credit)
    except _FieldError as exc:
        raise ParseError(_FORMAT, exc.message, line=exc.line) from None


def _decode(data: object, max_bytes: int) -> str:
    check_size(_FORMAT, data, max_bytes)
    return utf8_text(_FORMAT, data)


class _FieldError(Exception):
    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


def _build(chunks: list[_Chunk], fields: dict[str, object], *, credit: bool) -> Article:
    attributions: list[Attribution] = []
    headline, *rest = chunks
    fields["headline"] = _checked(headline, _one_line)
    closing: Attribution | None = None
    if credit and len(rest) > 1 and _is_credit(rest[-1]):
        closing = _checked(rest[-1], lambda c: _credit(_one_line(c)))
        rest.pop()
    if rest and rest[0].blanks_before == 1:
        lede_chunk = rest.pop(0)
        lede, source = _checked(lede_chunk, lambda c: split_attribution(_one_line(c)))
        fields["lede"] = lede
        if source is not None:
            attributions.append(source)
    sections: list[Section] = []
    heading: str | None = None
    blocks: list[Block] = []
    for chunk in rest:
        if chunk.blanks_before >= 2:  # noqa: PLR2004 - two blank lines start a section
            if heading is not None or blocks:
                sections.append(_section(heading, blocks, chunk))
            heading, blocks = _checked(chunk, _one_line), []
        else:
            blocks.append(_checked(chunk, _paragraph))
    if heading is not None or blocks:
        sections.append(_section(heading, blocks, rest[-1]))
    fields["sections"] = sections
    # A closing credit of the outlet the lede already credits is the same credit: keep one.
    if closing is not None and not any(
        outlet_key(x.name) == outlet_key(closing.name) for x in attributions
    ):
        attributions.append(closing)
    fields["attributions"] = attributions
    try:
        return Article(**fields)  # type: ignore[arg-type]
    except ValidationError as exc:
        raise _FieldError(str(exc), headline.line) from None


def _section(heading: str | None, blocks: list[Block], chunk: _Chunk) -> Section:
    try:
        return Section(heading, blocks)
    except ValidationError as exc:
        raise _FieldError(str(exc), chunk.line) from None


def _checked(chunk: _Chunk, build: Callable[[_Chunk], T]) -> T:
    """Build a part of the article from a chunk, reporting a model error at its line."""
    try:
        return build(chunk)
    except ValidationError as exc:
        raise _FieldError(str(exc), chunk.line) from None


def load(
    fp: IO[bytes],
    /,
    *,
    rubrics: Iterable[str] = (),
    masthead: bool = True,
    credit: bool = True,
    language: str = "ru",
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Article:
    r"""Read an article from a binary file of UTF-8 plain text; see :func:`loads`.

    Reads at most ``max_bytes + 1`` bytes, and refuses a file that holds more than
    ``max_bytes`` with a :class:`~newsmodel.ParseError`.

    >>> import io
    >>> load(io.BytesIO("САЙТ\n\nЗаголовок".encode())).headline
    'Заголовок'
    """
    return loads(
        fp.read(max_bytes + 1),
        rubrics=rubrics,
        masthead=masthead,
        credit=credit,
        language=language,
        max_bytes=max_bytes,
    )


# --- writing -------------------------------------------------------------------------------


def _inline_text(items: Iterable[Inline], lost: Counter[str]) -> str:
    out = []
    for item in items:
        if isinstance(item, str):
            out.append(item)
        elif isinstance(item, LineBreak):
            out.append("\n")
        else:
            lost[_INLINE_LOSS[type(item)]] += 1
            out.append(_inline_text(item.content, lost))
    return "".join(out)


_INLINE_LOSS: dict[type, str] = {
    Link: "links (their addresses)",
    Emphasis: "emphasis",
    Strong: "strong emphasis",
}


def _paragraph_lines(paragraph: Paragraph, lost: Counter[str]) -> str:
    lines = [line.strip(" ") for line in _inline_text(paragraph.content, lost).split("\n")]
    kept = [line for line in lines if line]
    if len(kept) != len(lines):
        lost["line breaks at a paragraph's edge or in a row"] += 1
    return "\n".join(kept)


def _block_text(block: Block, lost: Counter[str]) -> list[str]:
    if isinstance(block, Paragraph):
        return [_paragraph_lines(block, lost)]
    if isinstance(block, Quote):
        lost["quotes (written as paragraphs)"] += 1
        out = [_paragraph_lines(p, lost) for p in block.paragraphs]
        if block.cite:
            out.append(f"— {block.cite}")
        return out
    if isinstance(block, ItemList):
        lost["lists (written as a paragraph of lines)"] += 1
        marks = [f"{i}. " if block.ordered else "— " for i in range(1, len(block.items) + 1)]
        items = [_paragraph_lines(p, lost).replace("\n", " ") for p in block.items]
        return ["\n".join(m + item for m, item in zip(marks, items, strict=True))]
    if isinstance(block, Table):
        lost["tables (written as lines of cells)"] += 1
        lines = [block.caption] if block.caption else []
        lines.extend(" | ".join(row) for row in block.rows)
        return ["\n".join(lines)]
    if isinstance(block, Embed):
        lost["embeds (only the caption and credit are written)"] += 1
    else:
        lost["figures (only the caption and credit are written)"] += 1
    parts = [block.caption] if block.caption else []
    if block.credit is not None:
        parts.append(_credit_line(block.credit))
    return [" ".join(parts)] if parts else []


def _credit_line(attribution: Attribution) -> str:
    if attribution.phrase in (None, _CREDIT):
        return attribution.name
    try:
        return format_attribution(attribution, style="credit")
    except ValueError:
        return attribution.name


def _lede_line(lede: str, attributions: list[Attribution], lost: Counter[str]) -> str:
    """The lede with the first attribution written after it, when it reads back the same."""
    if attributions and attributions[0].phrase not in (None, _CREDIT):
        try:
            tail = format_attribution(attributions[0], style="lede")
        except ValueError:  # a role that has no lede phrase (an editor, a photographer)
            tail = ""
        # "X." and ", передает Y" read back from "X, передает Y.", as sites print it.
        candidates = [lede + tail]
        if tail.startswith(attributions[0].separator) and lede[-1:] in {".", "!"}:
            candidates.insert(0, lede[:-1] + tail + lede[-1])
        for candidate in candidates:
            if split_attribution(candidate) == (lede, attributions[0]):
                attributions.pop(0)
                return candidate
    if split_attribution(lede)[1] is not None:
        lost["lede (its end reads back as a source attribution)"] += 1
    return lede


def dumps(article: Article, /) -> str:
    """Write an article as plain text in the captured-page shape.

    The text has no final newline, like a captured page.

    Warns:
        LossyConversionWarning: one for each thing the shape cannot carry, naming it (``lost``:
            a field such as ``"tags"``, links' addresses, other attributions...) with how many
            (``count``).

    >>> from newsmodel import Article, Attribution, Role, Section
    >>> article = Article(
    ...     headline="Заголовок",
    ...     lede="Анонс",
    ...     sections=[Section(blocks=["Абзац."]), Section("Подзаголовок", ["Ещё абзац."])],
    ...     attributions=[Attribution("Kazinform", role=Role.SOURCE, phrase="сообщает")],
    ...     site="САЙТ",
    ... )
    >>> print(dumps(article))
    САЙТ
    <BLANKLINE>
    Заголовок
    <BLANKLINE>
    Анонс, сообщает Kazinform
    <BLANKLINE>
    Абзац.
    <BLANKLINE>
    <BLANKLINE>
    Подзаголовок
    <BLANKLINE>
    Ещё абзац.
    """
    _require_article(article)
    lost: Counter[str] = Counter()
    attributions = list(article.attributions)
    closing: Attribution | None = None
    if attributions and attributions[-1].phrase == _CREDIT:
        closing = attributions.pop()

    rubric_line = "".join(article.rubrics)
    if split_rubrics(rubric_line) != article.rubrics:
        lost["rubrics (they do not split back by case; pass rubrics= when reading)"] += 1
    head = [article.site or "", *([rubric_line] if rubric_line else []), "", article.headline]

    body = _body(article, attributions, closing, lost)
    if attributions:
        lost["attributions other than the lede's source and the closing credit"] += 1
    lost.update(_lost_fields(article))
    for what, count in sorted(lost.items()):
        lossy(_FORMAT, _loss_kind(what), f"cannot carry: {what}", lost=what, count=count)
    return "\n".join(head + [line for chunk, blanks in body for line in [""] * blanks + [chunk]])


def _loss_kind(what: str) -> str:
    """The warning kind of a loss: a field's name or description is a field."""
    if what.startswith("links"):
        return "link"
    if what in _INLINE_LOSS.values() or what.startswith("line breaks"):
        return "markup"
    if what.startswith(("quotes", "lists", "figures", "embeds")):
        return "element"
    return "field"


def _require_article(article: object) -> None:
    if not isinstance(article, Article):
        msg = f"expected Article, got {type(article).__name__}"
        raise TypeError(msg)


def _body(
    article: Article,
    attributions: list[Attribution],
    closing: Attribution | None,
    lost: Counter[str],
) -> list[tuple[str, int]]:
    """The chunks after the headline, each with the number of blank lines before it."""
    body: list[tuple[str, int]] = []
    if article.lede is not None:
        body.append((_lede_line(article.lede, attributions, lost), 1))
    elif article.sections and article.sections[0].heading is None:
        lost["lede (absent: the first paragraph reads back as the lede)"] += 1
    for i, section in enumerate(article.sections):
        if section.heading is not None:
            body.append((section.heading, 2))
        elif i:
            lost["sections without a subheading after the first (merged)"] += 1
        body.extend((chunk, 1) for block in section.blocks for chunk in _block_text(block, lost))
    if closing is not None:
        if not body:
            lost["closing credit (alone after the headline it reads back as the lede)"] += 1
        body.append((_credit_line(closing), 1))
    elif len(body) > 1 and _looks_like_credit(*body[-1]):
        lost["the last paragraph (it reads back as a closing credit)"] += 1
    return body


def _looks_like_credit(chunk: str, blanks: int) -> bool:
    return _is_credit(_Chunk(tuple(chunk.split("\n")), 0, blanks))


def _lost_fields(article: Article) -> list[str]:
    defaults = Article(headline=article.headline)
    names = [
        "published",
        "updated",
        "tags",
        "subjects",
        "url",
        "guid",
        "version",
        "dateline",
        "place",
        "image",
        "extra",
        "language",
        "urgency",
        "embargo",
        "pub_status",
        "editorial_note",
        "genres",
        "rights",
        "slugline",
        "first_created",
        "version_created",
        "correction",
        "signals",
    ]
    lost = [n for n in names if getattr(article, n) != getattr(defaults, n)]
    if article.given_slug is not None:  # read back, the slug follows the headline
        lost.append("slug")
    lost.extend(f"{n} (a field of {type(article).__name__})" for n in extension_fields(article))
    return lost


def dump(article: Article, fp: IO[bytes], /) -> None:
    r"""Write an article as UTF-8 plain text to a binary file; see :func:`dumps`.

    >>> import io
    >>> from newsmodel import Article
    >>> buf = io.BytesIO()
    >>> dump(Article(headline="Заголовок"), buf)
    >>> buf.getvalue().decode()
    '\n\nЗаголовок'
    """
    fp.write(dumps(article).encode("utf-8"))
