"""Markup read into the model's inline content, blocks and sections.

The HTML and NewsML-G2 readers walk different markup by the rules kept here: inline content,
paragraphs, lists, quotes, and sections under headings. Each format says what its elements
are (:meth:`BlockReader.kind`, :meth:`BlockReader.block`), how deep it reads and how it links.
"""

from __future__ import annotations

import contextlib
from abc import ABC, abstractmethod
from types import MappingProxyType
from typing import TYPE_CHECKING, Generic, Literal, TypeVar

from lxml import etree

from newsmodel._content import clean_inline, clean_link, clean_paragraph
from newsmodel._models import (
    Block,
    Emphasis,
    Inline,
    ItemList,
    LineBreak,
    Paragraph,
    Quote,
    Section,
    Strong,
    Table,
)
from newsmodel._textrules import InvalidTextError, collapse, keeps_run
from newsmodel.errors import ValidationError

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = ["BlockReader", "Kind", "paragraph"]

E = TypeVar("E", bound=etree._Element)  # noqa: SLF001 - lxml's element type

_LINE_BREAK = LineBreak()
_ROW_GROUPS = frozenset(("thead", "tbody", "tfoot"))
_NONE: frozenset[str] = frozenset()


#: What an element met in inline content gives: ``skip`` nothing (the format reports it),
#: ``text`` its content unmarked, ``flat`` its text alone, ``spaced`` its content between spaces
#: (a block inside inline content), the others a line break or their content marked up.
Kind = Literal["skip", "text", "flat", "spaced", "break", "emphasis", "strong", "link"]


def paragraph(content: list[Inline]) -> Paragraph | None:
    """A paragraph of the content, or ``None`` when the model refuses it (blank text)."""
    try:
        return Paragraph(content)
    except ValidationError:
        return None


class BlockReader(ABC, Generic[E]):
    """Walks block-level markup into :attr:`sections`, each begun by a heading or a container."""

    #: Names of inline elements that give nothing when they are empty (no text, no child):
    #: such an element met in inline content is passed over at once.
    hollow: frozenset[str] = _NONE
    #: Names of elements that make a table cell holding them not simple (a layout table).
    not_in_cell: frozenset[str] = frozenset(("table",))
    #: The inline elements a paragraph of simple shape may hold, by tag, and what each gives
    #: (``emphasis``, ``strong`` or ``link``): see :meth:`simple_paragraph`. None by default.
    simple_kinds: Mapping[object, Kind] = MappingProxyType({})

    def __init__(self, *, keep_headings: bool) -> None:
        """Prepare to read; ``keep_headings`` keeps sections that hold only a heading."""
        self.keep_headings = keep_headings
        self.sections: list[Section] = []
        self.heading: str | None = None
        self.blocks: list[Block] = []

    def read(self, el: E) -> list[Section]:
        """Read the children of a block-level element into sections."""
        self.walk(el)
        self.close()
        return self.sections

    # -- what the format says -------------------------------------------------------------

    @abstractmethod
    def kind(self, el: E, name: str, depth: int) -> Kind:
        """What an element gives when met in inline content ``depth`` levels down."""

    @abstractmethod
    def link(self, el: E, content: list[Inline]) -> list[Inline]:
        """A link element's content with the link made, or alone when it cannot be."""

    @abstractmethod
    def is_inline(self, name: str) -> bool:
        """Whether a child of a block-level element is inline content, by its name."""

    @abstractmethod
    def block(self, el: E, name: str, depth: int) -> None:
        """Read one block-level element (its tail excluded)."""

    def name(self, el: E) -> str:
        """The element's name; ``""`` for a comment or processing instruction."""
        tag = el.tag
        return tag if isinstance(tag, str) else ""

    def clean(self, text: str) -> str:
        """Text or a tail that is not all printable, as the model may hold it."""
        return text

    def start(self, el: E, depth: int) -> int:  # noqa: ARG002 - a format may refuse the element
        """The depth the inline content of a block-level element ``depth`` levels down starts at.

        By default it counts from each block: the model and its writers walk inline content
        recursively, but not blocks.
        """
        return 0

    def deeper(self, el: E, depth: int, kind: Kind) -> int:  # noqa: ARG002
        """The depth the content of an inline element read at ``depth`` is read at."""
        return depth + 1

    # -- sections -------------------------------------------------------------------------

    def add(self, block: Block | None) -> None:
        """Add a block to the current section."""
        if block is not None:
            self.blocks.append(block)

    def close(self) -> None:
        """End the current section, keeping it when it has a block (or a heading to keep)."""
        if self.blocks or (self.heading is not None and self.keep_headings):
            with contextlib.suppress(ValidationError):
                self.sections.append(Section(heading=self.heading, blocks=self.blocks))
        self.heading = None
        self.blocks = []

    def begin(self, heading: str) -> None:
        """End the current section and start one under ``heading``."""
        self.close()
        self.heading = heading

    # -- blocks ---------------------------------------------------------------------------

    def walk(self, el: E, depth: int = 0) -> None:
        """Read the children of a block-level element: loose inline content makes paragraphs."""
        inline_depth = self.start(el, depth)
        pending: list[Inline] = []
        text = el.text
        if text and not text.isspace():
            pending.append(text if text.isprintable() else self.clean(text))
        hollow = self.hollow
        name_of, is_inline, block = self.name, self.is_inline, self.block
        for child in el:
            name = name_of(child)
            if name in hollow and not child.text and not len(child):
                pass  # an empty inline element: nothing to read
            elif is_inline(name):
                self.inline(child, name, inline_depth, pending)
            else:
                if pending:
                    self.add(paragraph(pending))
                    pending = []
                block(child, name, depth + 1)
            tail = child.tail
            if tail and not tail.isspace():
                pending.append(tail if tail.isprintable() else self.clean(tail))
        if pending:
            self.add(paragraph(pending))

    def item_list(self, el: E, depth: int) -> ItemList | None:
        """A list of the paragraphs of its ``li`` children; ``None`` when none has text."""
        found = [paragraph(self.inlines(li, depth + 1)) for li in el if self.name(li) == "li"]
        items = [p for p in found if p is not None]
        return ItemList(items, ordered=self.name(el) == "ol") if items else None

    def table(self, el: E) -> Table | None:
        """A table of the rows of a ``table`` element; ``None`` when it is not a simple one.

        A simple table has rows of ``th``/``td`` cells (in ``thead``, ``tbody``, ``tfoot`` or
        alone) and an optional ``caption``; a cell that spans rows or columns, or holds a table,
        makes it not simple. Leading rows in ``thead`` or of ``th`` cells alone are its header.
        """
        caption: str | None = None
        rows: list[tuple[str, ...]] = []
        header = 0
        for part in el:
            name = self.name(part)
            if name == "caption":
                caption = self.cell_text(part)
            elif name in _ROW_GROUPS:
                for tr in part:
                    if self.name(tr) == "tr" and not self.row(tr, rows, name == "thead"):
                        return None
            elif name == "tr" and not self.row(part, rows, False):  # noqa: FBT003
                return None
        for row in rows:
            if row[0] != "h":
                break
            header += 1
        try:
            return Table([row[1:] for row in rows], header_rows=header, caption=caption)
        except ValidationError:
            return None

    def row(self, tr: E, rows: list[tuple[str, ...]], head: bool) -> bool:  # noqa: FBT001
        """Append a row (its first item ``"h"`` for a header row); ``False`` if not simple."""
        cells: list[str] = []
        header = head
        all_th = True
        for cell in tr:
            name = self.name(cell)
            if name not in ("td", "th"):
                continue
            if cell.get("colspan", "1").strip() != "1" or cell.get("rowspan", "1").strip() != "1":
                return False
            if any(self.name(n) in self.not_in_cell for n in cell.iterdescendants()):
                return False
            all_th = all_th and name == "th"
            cells.append(self.cell_text(cell) or "")
        if cells:
            leading = not rows or rows[-1][0] == "h"
            rows.append(("h" if (header or all_th) and leading else "d", *cells))
        return True

    def cell_text(self, el: E) -> str | None:
        """The text of a cell or caption on one line; ``None`` when it is not text."""
        text = "".join(el.itertext())
        try:
            return collapse(text if text.isprintable() else self.clean(text))
        except InvalidTextError:
            return None

    def quote(
        self, el: E, depth: int, parts: list[E] | None, cite: str | None, skip: frozenset[str]
    ) -> Quote | None:
        """A quote of the paragraphs in ``parts``; without parts, of its content less ``skip``."""
        if parts is None:
            found = [paragraph(self.inlines(el, depth + 1, skip=skip))]
        else:
            found = [paragraph(self.inlines(p, depth + 1)) for p in parts]
        paragraphs = [p for p in found if p is not None]
        return Quote(paragraphs, cite=cite) if paragraphs else None

    # -- paragraphs of simple shape --------------------------------------------------------

    def simple_href(self, el: E) -> str | None:  # noqa: ARG002 - a format may read links
        """The ``href`` of a link read by :meth:`simple_paragraph` as :meth:`link` gives it.

        ``None`` when :meth:`link` would do anything else (refuse it, give a title): the
        paragraph then takes the general path. By default every link does.
        """
        return None

    def simple_paragraph(self, el: E, levels: int) -> Paragraph | None:
        """``paragraph(self.inlines(el))``, built directly when ``el`` has a simple shape.

        Simple: text runs that no text rule changes and that collapsing whitespace across the
        paragraph keeps as they are (no space at either end or after a space), and inline
        elements of :attr:`simple_kinds` nested at most ``levels`` deep, none empty, without
        a ``class``, links of a :meth:`simple_href`. The model's constructors would keep all
        of it as it is, so it is built without them. ``None`` for any other shape: the caller
        takes the general path, which gives the same paragraph where both apply.
        """
        out: list[Inline] = []
        at_space = self._simple_run(el, out, True, levels)  # noqa: FBT003 - the start
        if at_space is None or at_space or not out:
            return None
        return clean_paragraph(tuple(out))

    def _simple_run(self, el: E, out: list[Inline], at_space: bool, levels: int) -> bool | None:  # noqa: FBT001, C901, PLR0911, PLR0912
        """Append the content of ``el`` to ``out``; whether it ends at a space, else ``None``.

        A text run is taken when the paragraph would keep it as it is (``_unchanged`` in
        ``newsmodel._content``): clean, and not opening with a space after a space (at the
        paragraph's start, or after a run that ends with one).
        """
        text = el.text
        if text:
            if not keeps_run(text, at_space=at_space):
                return None
            out.append(text)
            at_space = text[-1] == " "
        kinds = self.simple_kinds
        for child in el:
            kind = kinds.get(child.tag)
            if kind is None or not levels or child.get("class") is not None:
                return None
            if len(child):
                inner: list[Inline] = []
                found = self._simple_run(child, inner, at_space, levels - 1)
                if found is None:
                    return None
                at_space = found
                content = tuple(inner)
            else:  # the common case: text alone
                text = child.text
                if not text or not keeps_run(text, at_space=at_space):
                    return None
                at_space = text[-1] == " "
                content = (text,)
            if kind == "link":
                href = self.simple_href(child)
                if href is None:
                    return None
                out.append(clean_link(href, content))
            else:
                out.append(clean_inline(Emphasis if kind == "emphasis" else Strong, content))
            text = child.tail
            if text:
                if not keeps_run(text, at_space=at_space):
                    return None
                out.append(text)
                at_space = text[-1] == " "
        return at_space

    # -- inline ---------------------------------------------------------------------------

    def inlines(self, el: E, depth: int = 0, *, skip: frozenset[str] = _NONE) -> list[Inline]:
        """The inline content of an element, less its children named in ``skip``."""
        out: list[Inline] = []
        self.content(el, self.start(el, depth), out, skip)
        return out

    def content(self, el: E, depth: int, out: list[Inline], skip: frozenset[str] = _NONE) -> None:
        """Append the inline content of ``el``, read at ``depth``, to ``out``."""
        text = el.text
        if text:
            out.append(text if text.isprintable() else self.clean(text))
        hollow = self.hollow
        for child in el:
            name = self.name(child)
            # An empty element that gives nothing when empty (a bare <b/>) costs one check.
            if name not in skip and (name not in hollow or child.text or len(child)):
                self.inline(child, name, depth, out)
            tail = child.tail
            if tail:
                out.append(tail if tail.isprintable() else self.clean(tail))

    def inline(self, el: E, name: str, depth: int, out: list[Inline]) -> None:
        """Append what one inline element gives (its tail excluded) to ``out``."""
        kind = self.kind(el, name, depth)
        if kind == "skip":
            return
        if kind == "flat":
            out.append("".join(el.itertext()))
            return
        inner = self.deeper(el, depth, kind)
        if kind == "break" and not len(el):
            # a line break holds nothing: the common case of many, read without a walk
            out.append(_LINE_BREAK)
            return
        if kind == "text":  # the common case: its content joins the content around it
            self.content(el, inner, out)
            return
        content: list[Inline] = []
        self.content(el, inner, content)
        if kind == "spaced":
            out.extend((" ", *content, " "))
        elif kind == "break":
            out.append(_LINE_BREAK)
        elif kind == "link":
            out.extend(self.link(el, content))
        elif kind == "emphasis":
            out.append(Emphasis(content))
        else:
            out.append(Strong(content))
