"""The content of an article: inline markup, blocks and sections.

Blocks are paragraphs, quotes, lists, figures, embeds and tables (figures and embeds are
in :mod:`newsmodel._media`).

Every class is an attrs class: frozen, slotted, hashable, equal by value. Inline text is cleaned
by the rules in :mod:`newsmodel._textrules`; a value that breaks a rule raises
:class:`~newsmodel.errors.ValidationError` naming the field.
"""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING

import attrs

from newsmodel._init import install, text_fields
from newsmodel._media import Embed, EmbedProvider, Figure, provider_of
from newsmodel._textrules import InvalidTextError, keeps_run, normalize
from newsmodel._values import href, iterable, optional_text, text, typed_tuple
from newsmodel.errors import ValidationError

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = [
    "Block",
    "Embed",
    "EmbedProvider",
    "Emphasis",
    "Figure",
    "Inline",
    "ItemList",
    "LineBreak",
    "Link",
    "Paragraph",
    "Quote",
    "Section",
    "Strong",
    "Table",
    "clean_inline",
    "clean_link",
    "clean_paragraph",
    "provider_of",
]

_nfc = unicodedata.is_normalized

# Each field's converter is a named function: the form mypy's attrs plugin understands.


def _title_field(value: str | None) -> str | None:
    return optional_text(value, "title")


def _cite_field(value: str | None) -> str | None:
    return optional_text(value, "cite")


def _caption_field(value: str | None) -> str | None:
    return optional_text(value, "caption")


def _heading_field(value: str | None) -> str | None:
    return optional_text(value, "heading")


def _paragraphs_field(value: Iterable[Paragraph | str] | str) -> tuple[Paragraph, ...]:
    return _paragraphs(value, "paragraphs")


def _items_field(value: Iterable[Paragraph | str] | str) -> tuple[Paragraph, ...]:
    return _paragraphs(value, "items")


def _blocks_field(value: Iterable[Block | str]) -> tuple[Block, ...]:
    kind = type(value)
    items = value if kind is tuple else tuple(value) if kind is list else iterable("blocks", value)
    out: list[Block] = []
    for item in items:  # blocks as they are, and clean text as a paragraph of it (see below)
        if type(item) is str and (
            item
            and item.isprintable()
            and "  " not in item
            and item.strip(" ") is item
            and (item.isascii() or _nfc("NFC", item))
        ):
            paragraph = _new(Paragraph)  # Paragraph(item): see clean_paragraph()
            _set_content(paragraph, (item,))
            out.append(paragraph)
        elif type(item) in _BLOCK_CLASSES:
            out.append(item)  # type: ignore[arg-type]
        else:  # anything else, and the errors with the index of their item
            return typed_tuple(items, "blocks", _BLOCK_CLASSES, _as_paragraph)
    return tuple(out)


# --- inline content ------------------------------------------------------------------------


@attrs.frozen
class LineBreak:
    r"""A line break inside a paragraph (``<br>``).

    >>> Paragraph(["Первая строка", LineBreak(), "вторая строка"]).text
    'Первая строка\nвторая строка'
    """

    @property
    def text(self) -> str:
        """A newline."""
        return "\n"


def _inline_tuple(value: Iterable[Inline] | Inline) -> tuple[Inline, ...]:
    if isinstance(value, (str, Link, Emphasis, Strong, LineBreak)):  # one item alone
        return (value,)
    items = iterable("content", value)
    for i, item in enumerate(items):
        if type(item) not in _INLINE_TYPES and not isinstance(item, _INLINE_TYPES):
            names = "str, Link, Emphasis, Strong or LineBreak"
            msg = f"expected {names}, got {type(item).__name__}"
            raise ValidationError(f"content[{i}]", msg)
    return items  # type: ignore[return-value]


def _inline_content(value: Iterable[Inline] | str) -> tuple[Inline, ...]:
    """Inline content outside a paragraph: the text rule applies, whitespace is left as it is.

    A paragraph collapses the whitespace of what it holds (:func:`_normalize_inlines`); the
    refusals and removals of the text rule hold from the inline item's own constructor on.
    """
    out: list[Inline] = []
    for i, item in enumerate(_inline_tuple(value)):
        if isinstance(item, str):
            try:
                item = normalize(item)  # noqa: PLW2901
            except InvalidTextError as exc:
                field = "content" if isinstance(value, str) else f"content[{i}]"
                raise ValidationError(field, str(exc)) from None
        out.append(item)
    return tuple(out)


def _inline_text(content: tuple[Inline, ...]) -> str:
    return "".join(item if isinstance(item, str) else item.text for item in content)


@attrs.frozen
class Emphasis:
    """Emphasised text (``<em>``, italics).

    >>> Emphasis("важно").text
    'важно'
    """

    content: tuple[Inline, ...] = attrs.field(converter=_inline_content)

    @property
    def text(self) -> str:
        """The plain text."""
        return _inline_text(self.content)


@attrs.frozen
class Strong:
    """Strongly emphasised text (``<strong>``, bold).

    >>> Strong(["очень ", Emphasis("важно")]).text
    'очень важно'
    """

    content: tuple[Inline, ...] = attrs.field(converter=_inline_content)

    @property
    def text(self) -> str:
        """The plain text."""
        return _inline_text(self.content)


@attrs.frozen
class Link:
    """A hyperlink around inline content.

    ``href`` is an http, https or mailto URL, or a relative reference; other schemes
    (``javascript:``, ``data:``…) are refused.

    >>> Link("https://example.kz/", "сайт").text
    'сайт'
    """

    href: str = attrs.field(converter=href)
    content: tuple[Inline, ...] = attrs.field(converter=_inline_content, default=())
    title: str | None = attrs.field(default=None, converter=_title_field, kw_only=True)

    @property
    def text(self) -> str:
        """The plain text."""
        return _inline_text(self.content)


Inline = str | Link | Emphasis | Strong | LineBreak
"""Inline content: plain text, a link, emphasis, strong emphasis or a line break."""
_INLINE_TYPES = (str, Link, Emphasis, Strong, LineBreak)


def _normalize_inlines(content: tuple[Inline, ...], field: str) -> tuple[Inline, ...]:
    """Collapse whitespace across inline boundaries and trim the paragraph's ends.

    One space survives between words wherever it stood; leading and trailing spaces of the
    paragraph and spaces next to a line break are removed; adjacent strings merge; empty
    emphasis is removed. The result is a fixed point: normalising it again changes nothing.
    """
    kept, _, trailing = _unchanged(content, at_space=True)
    if kept and not trailing:  # most content, read from a document that wrote it so
        return content
    result, _ = _collapse_run(content, True, field)  # noqa: FBT003 - the paragraph's start
    _rstrip(result)
    return tuple(result)


def _collapse_run(
    items: tuple[Inline, ...],
    at_space: bool,  # noqa: FBT001
    field: str,
) -> tuple[list[Inline], bool]:
    """The inlines with whitespace collapsed; ``at_space`` says whether a space precedes them.

    Returns the new inlines and whether they end with a space (or a line break).
    """
    out: list[Inline] = []
    for item in items:
        if isinstance(item, str):
            piece = text(field, item, inner=True)
            if at_space and piece[:1] == " ":
                piece = piece[1:]
            if not piece:
                continue
            at_space = piece[-1] == " "
            if out and isinstance(out[-1], str):
                out[-1] += piece
            else:
                out.append(piece)
        elif isinstance(item, LineBreak):
            _rstrip(out)
            out.append(item)
            at_space = True
        else:
            inner, at_space = _collapse_run(item.content, at_space, field)
            if inner or isinstance(item, Link):
                out.append(_with_content(item, inner))
    return out, at_space


def _unchanged(items: tuple[Inline, ...], *, at_space: bool) -> tuple[bool, bool, bool]:
    """Whether :func:`_collapse_run` gives ``items`` back as they are, without building anything.

    Returns that, the run's ``at_space`` as :func:`_collapse_run` returns it, and whether the
    run ends in a plain space (which :func:`_rstrip` would remove). Follows
    :func:`_collapse_run` step by step; anything it would change, or an item of a class of its
    own, says no, and the caller takes :func:`_collapse_run`.
    """
    after_text = trailing = False
    for item in items:
        if type(item) is str:
            if (  # merged, dropped, trimmed at a space or changed by the text rule
                after_text or not item or not keeps_run(item, at_space=at_space)
            ):
                return False, at_space, trailing
            at_space = trailing = item[-1] == " "
            after_text = True
            continue
        after_text = False
        kind = type(item)
        if kind is LineBreak:
            if trailing:  # the space before a line break goes
                return False, at_space, trailing
            at_space, trailing = True, False
        elif kind is Emphasis or kind is Strong or kind is Link:
            content = item.content  # type: ignore[union-attr]
            if not content:
                if kind is not Link:  # empty emphasis goes; an empty link stays, and ends it
                    return False, at_space, trailing
                trailing = False
                continue
            kept, at_space, trailing = _unchanged(content, at_space=at_space)
            if not kept:
                return False, at_space, trailing
        else:
            return False, at_space, trailing
    return True, at_space, trailing


def _with_content(
    item: Link | Emphasis | Strong, content: list[Inline]
) -> Link | Emphasis | Strong:
    """The same markup around new content; the item itself when nothing changed."""
    new = tuple(content)
    return item if new == item.content else attrs.evolve(item, content=new)


def _rstrip(items: list[Inline]) -> bool:
    """Remove trailing spaces from a list of inlines, in place; False when it ends empty."""
    while items:
        last = items[-1]
        if isinstance(last, str):
            stripped = last.rstrip(" ")
            if stripped:
                items[-1] = stripped
                return True
            items.pop()
        elif isinstance(last, (Emphasis, Strong, Link)):
            inner = list(last.content)
            if _rstrip(inner) or isinstance(last, Link):
                items[-1] = _with_content(last, inner)
                return True
            items.pop()
        else:
            return True
    return False


# --- blocks --------------------------------------------------------------------------------


def _paragraph_content(value: Iterable[Inline] | Inline) -> tuple[Inline, ...]:
    if (  # a plain paragraph of clean text (see CLEAN_LINE), as it is
        type(value) is str
        and value
        and value.isprintable()
        and "  " not in value
        and value.strip(" ") is value
        and (value.isascii() or _nfc("NFC", value))
    ):
        return (value,)
    if isinstance(value, str):  # a plain paragraph: one line of text
        line = text("content", value)
        content: tuple[Inline, ...] = (line,) if line else ()
    else:
        content = _normalize_inlines(_inline_tuple(value), "content")
    if not content:
        raise ValidationError("content", "a paragraph must not be empty")
    return content


@attrs.frozen
class Paragraph:
    """A paragraph of inline content.

    A plain string is a paragraph of one text run; whitespace is collapsed across inline
    boundaries.

    >>> p = Paragraph(["Подробности на ", Link("https://example.kz/", "сайте"), "."])
    >>> p.text
    'Подробности на сайте.'
    """

    content: tuple[Inline, ...] = attrs.field(converter=_paragraph_content)

    @property
    def text(self) -> str:
        """The plain text."""
        return _inline_text(self.content)


def _as_paragraph(value: object) -> object:
    return Paragraph(value) if isinstance(value, str) else value


_new = object.__new__
_set_content = Paragraph.__dict__["content"].__set__


def clean_paragraph(content: tuple[Inline, ...]) -> Paragraph:
    """``Paragraph(content)`` of non-empty content it keeps as it is, directly.

    For readers that have checked what :func:`_unchanged` checks: every text run clean
    (:func:`~newsmodel._textrules.is_clean_inner`), no two runs side by side, no space after a
    space or at either end, no empty markup, every item built by its constructor or by
    :func:`clean_inline` and :func:`clean_link`.
    """
    paragraph = _new(Paragraph)
    _set_content(paragraph, content)
    return paragraph


def clean_inline(kind: type[Emphasis | Strong], content: tuple[Inline, ...]) -> Emphasis | Strong:
    """``kind(content)`` of content whose text runs no text rule changes, directly."""
    item = _new(kind)
    _SET_INLINE[kind](item, content)
    return item


def clean_link(href: str, content: tuple[Inline, ...], title: str | None = None) -> Link:
    """``Link(href, content, title=title)`` of values the link's converters gave, directly."""
    link = _new(Link)
    _set_href(link, href)
    _set_link_content(link, content)
    _set_title(link, title)
    return link


_SET_INLINE = {kind: kind.__dict__["content"].__set__ for kind in (Emphasis, Strong)}
_set_href = Link.__dict__["href"].__set__
_set_link_content = Link.__dict__["content"].__set__
_set_title = Link.__dict__["title"].__set__


def _paragraphs(values: object, field: str) -> tuple[Paragraph, ...]:
    items = typed_tuple(
        [values] if isinstance(values, str) else values, field, (Paragraph,), _as_paragraph
    )
    if not items:
        raise ValidationError(field, "must hold at least one paragraph")
    return items


@attrs.frozen
class Quote:
    """A block quotation, with who is quoted when known.

    >>> Quote("Мы готовы к переговорам.", cite="министр").text
    'Мы готовы к переговорам.'
    """

    paragraphs: tuple[Paragraph, ...] = attrs.field(converter=_paragraphs_field)
    cite: str | None = attrs.field(default=None, converter=_cite_field)

    @property
    def text(self) -> str:
        """The quoted paragraphs, one per line."""
        return "\n".join(p.text for p in self.paragraphs)


@attrs.frozen
class ItemList:
    r"""A bulleted or numbered list; each item is a paragraph.

    >>> ItemList(["первый пункт", "второй пункт"], ordered=True).text
    'первый пункт\nвторой пункт'
    """

    items: tuple[Paragraph, ...] = attrs.field(converter=_items_field)
    ordered: bool = attrs.field(default=False, validator=attrs.validators.instance_of(bool))

    @property
    def text(self) -> str:
        """The items, one per line."""
        return "\n".join(p.text for p in self.items)


def _rows_field(value: Iterable[Iterable[str]]) -> tuple[tuple[str, ...], ...]:
    rows = tuple(
        tuple(text(f"rows[{i}][{j}]", cell) for j, cell in enumerate(iterable(f"rows[{i}]", row)))
        for i, row in enumerate(iterable("rows", value))
    )
    if not rows:
        raise ValidationError("rows", "a table must hold at least one row")
    for i, row in enumerate(rows):
        if not row:
            raise ValidationError(f"rows[{i}]", "a row must hold at least one cell")
    if not any(any(row) for row in rows):
        raise ValidationError("rows", "a table must not be empty")
    return rows


def _header_rows(value: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError("header_rows", f"expected int, got {type(value).__name__}")
    if value < 0:
        raise ValidationError("header_rows", f"must be 0 or more, got {value}")
    return value


@attrs.frozen
class Table:
    r"""A table of text cells, such as sports results or financial agate.

    ``rows`` are rows of cells (one-line text; a blank cell is ``""``); the first
    ``header_rows`` of them are the table's header.

    >>> t = Table([["Команда", "Очки"], ["Кайрат", "52"]], header_rows=1, caption="Таблица")
    >>> t.text
    'Таблица\nКоманда\tОчки\nКайрат\t52'
    """

    rows: tuple[tuple[str, ...], ...] = attrs.field(converter=_rows_field)
    header_rows: int = attrs.field(default=0, converter=_header_rows, kw_only=True)
    caption: str | None = attrs.field(default=None, converter=_caption_field, kw_only=True)

    def __attrs_post_init__(self) -> None:
        if self.header_rows > len(self.rows):
            msg = f"must not exceed the {len(self.rows)} rows, got {self.header_rows}"
            raise ValidationError("header_rows", msg)

    @property
    def text(self) -> str:
        """The caption and the rows, one per line, cells separated by tabs."""
        lines = [self.caption] if self.caption else []
        lines.extend("\t".join(row) for row in self.rows)
        return "\n".join(lines)


Block = Paragraph | Quote | ItemList | Figure | Embed | Table
"""A block of a section: a paragraph, a quote, a list, a figure, an embed or a table."""
_BLOCK_CLASSES = (Paragraph, Quote, ItemList, Figure, Embed, Table)


# --- sections, attributions, subjects ------------------------------------------------------


@attrs.frozen
class Section:
    """A run of blocks under an optional subheading.

    >>> s = Section(heading="Подзаголовок", blocks=["Первый абзац.", "Второй абзац."])
    >>> s.blocks[0]
    Paragraph(content=('Первый абзац.',))
    >>> print(s.text)
    Подзаголовок
    <BLANKLINE>
    Первый абзац.
    <BLANKLINE>
    Второй абзац.
    """

    heading: str | None = attrs.field(default=None, converter=_heading_field)
    blocks: tuple[Block, ...] = attrs.field(
        default=(),
        converter=_blocks_field,
    )

    def __attrs_post_init__(self) -> None:
        if self.heading is None and not self.blocks:
            raise ValidationError("blocks", "a section needs a heading or at least one block")

    @property
    def text(self) -> str:
        """The heading and the blocks' text, separated by blank lines."""
        parts = [self.heading] if self.heading else []
        parts.extend(t for t in (b.text for b in self.blocks) if t)
        return "\n\n".join(parts)


text_fields(_title_field, _cite_field, _caption_field, _heading_field)
for _cls in (LineBreak, Emphasis, Strong, Link, Paragraph, Quote, ItemList, Table):
    install(_cls)
install(Section, post_init_if="heading is None")
