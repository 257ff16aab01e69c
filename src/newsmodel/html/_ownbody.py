"""The forms of newsmodel's own markup, and the body of a page it wrote, read as they are.

Each check refuses (with :class:`NotOwn`) an element that is not exactly what
:mod:`newsmodel.html._writer` writes: its name, its attributes in the writer's order, and text
only where the writer puts text. :class:`OwnBody` reads the body's sections as the general body
reader (:class:`~newsmodel.html._extract.BodyReader`) reads a body the page marks as the
article's, through the same model constructors, and refuses what that reader would report or
read otherwise.
"""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING

from newsmodel._blocks import paragraph
from newsmodel._content import clean_inline, clean_link, clean_paragraph
from newsmodel._models import (
    Block,
    Emphasis,
    Inline,
    ItemList,
    LineBreak,
    Link,
    Paragraph,
    Quote,
    Section,
    Strong,
)
from newsmodel._textrules import is_clean_inner
from newsmodel._values import href
from newsmodel.errors import ValidationError
from newsmodel.html._extract import MAX_INLINE_DEPTH, BodyReader
from newsmodel.html._names import resolve
from newsmodel.html._texts import text_of

if TYPE_CHECKING:
    from lxml.html import HtmlElement

__all__ = [
    "SCHEMA",
    "NotOwn",
    "OwnBody",
    "check_credit",
    "check_figure",
    "elements",
    "item_marks",
    "marks_are",
    "names_are",
    "no_text",
    "one_child",
    "one_element",
    "plain",
    "text_only",
]

SCHEMA = "https://schema.org/"
_LINE_BREAK = LineBreak()
#: The microdata properties a credit is written under, as the writer's ``ROLE_PROPERTY``.
_CREDIT_PROPERTIES = frozenset(
    {"author", "editor", "translator", "publisher", "sourceOrganization", "isBasedOn"}
    | {"contributor"}
)
_CREDIT_TYPES = frozenset({f"{SCHEMA}Person", f"{SCHEMA}Organization"})
#: A credit's optional marks, written after its class and role, in this order.
_CREDIT_MARKS = ("data-phrase", "data-separator")
_NAME = [("class", "name")]
_NAME_MICRODATA = [("class", "name"), ("itemprop", "name")]
_ROW_GROUPS = frozenset({"thead", "tbody", "tfoot"})
_CELLS = frozenset({"th", "td"})
#: The markup a paragraph built directly may hold, by tag (see OwnBody.paragraph()).
_SIMPLE_MARKUP: dict[object, type[Emphasis | Strong | Link]] = {
    "em": Emphasis,
    "strong": Strong,
    "a": Link,
}
_WEB = ("https://", "http://")
_nfc = unicodedata.is_normalized


class NotOwn(Exception):  # noqa: N818 - a signal, not an error a user sees
    """The page differs from what the writer writes: the general reader reads it."""


def no_text(text: str | None) -> None:
    """Refuse text where the writer writes none (whitespace between elements is allowed)."""
    if text and not text.isspace():
        raise NotOwn


def marks_are(el: HtmlElement, expected: list[tuple[str, str]]) -> None:
    """Refuse an element whose attributes are not exactly ``expected``, in the writer's order."""
    if el.items() != expected:
        raise NotOwn


def plain(el: HtmlElement, tag: str) -> None:
    """Refuse an element not named ``tag`` or with any attribute."""
    if el.tag != tag or el.keys():
        raise NotOwn


def names_are(
    el: HtmlElement, before: list[str], optional: tuple[str, ...], after: list[str]
) -> None:
    """Refuse an element whose attributes are not named ``before``, ``optional``, ``after``.

    In this order, each of ``optional`` present or not; the caller checks their values.
    """
    keys = el.keys()
    if keys != [*before, *(name for name in optional if name in keys), *after]:
        raise NotOwn


def text_only(el: HtmlElement) -> HtmlElement:
    """Refuse an element with children or a tail of text: the writer's text-only elements."""
    if len(el):
        raise NotOwn
    no_text(el.tail)
    return el


def elements(el: HtmlElement) -> list[HtmlElement]:
    """The children of an element that holds elements only (whitespace between them)."""
    text = el.text
    if text and not text.isspace():
        raise NotOwn
    children = el[:]  # a slice: one call, where list(el) iterates
    for child in children:  # no_text() of each tail, inline: the walk's most common check
        tail = child.tail
        if not isinstance(child.tag, str) or (tail and not tail.isspace()):
            raise NotOwn
    return children


def one_element(el: HtmlElement) -> HtmlElement:
    """The one child of an element that holds one element only."""
    children = elements(el)
    if len(children) != 1:
        raise NotOwn
    return children[0]


def item_marks(kind: str) -> list[tuple[str, str]]:
    """The marks of a microdata item of a schema.org type."""
    return [("itemscope", ""), ("itemtype", f"{SCHEMA}{kind}")]


def check_credit(el: HtmlElement, *, microdata: bool) -> None:
    """A credit as the writer writes it: its marks, a text before it, and its name."""
    if el.tag != "span" or el.get("class") != "credit":
        raise NotOwn
    if microdata:
        names_are(el, ["class", "data-role"], _CREDIT_MARKS, ["itemprop", "itemscope", "itemtype"])
        if (
            el.get("itemprop") not in _CREDIT_PROPERTIES
            or el.get("itemscope") != ""
            or el.get("itemtype") not in _CREDIT_TYPES
        ):
            raise NotOwn
    else:
        names_are(el, ["class", "data-role"], _CREDIT_MARKS, [])
    name = one_child(el)
    if name.tag == "a":
        url = [("itemprop", "url")] if microdata else []
        marks_are(name, [*url, ("href", name.get("href") or "")])
        name = one_element(name)
    if name.tag != "span":
        raise NotOwn
    marks_are(text_only(name), _NAME_MICRODATA if microdata else _NAME)


def one_child(el: HtmlElement) -> HtmlElement:
    """The one child of an element that holds text around it (a credit's words)."""
    if len(el) != 1:
        raise NotOwn
    child = el[0]
    if not isinstance(child.tag, str):
        raise NotOwn
    return child


def check_figure(el: HtmlElement, src_prop: str | None, caption_prop: str | None) -> None:
    """A figure as the writer writes it: an image and, maybe, a caption and a credit."""
    parts = elements(el)
    if not 1 <= len(parts) <= 2:  # noqa: PLR2004
        raise NotOwn
    img = parts[0]
    if img.tag != "img":
        raise NotOwn
    src = [("itemprop", src_prop)] if src_prop else []
    marks_are(img, [*src, ("src", img.get("src") or ""), ("alt", img.get("alt") or "")])
    if len(parts) == 1:
        return
    caption = parts[1]
    plain(caption, "figcaption")
    spans = elements(caption)
    if spans and spans[0].get("class") == "caption":
        text = [("itemprop", caption_prop)] if caption_prop else []
        marks_are(text_only(spans.pop(0)), [("class", "caption"), *text])
    if len(spans) > 1 or (not spans and not len(caption)):
        raise NotOwn
    for credit in spans:
        check_credit(credit, microdata=False)


def check_row(tr: HtmlElement) -> None:
    """A table row of text-only cells."""
    for cell in elements(tr):
        if cell.tag not in _CELLS or cell.keys():
            raise NotOwn
        text_only(cell)


class OwnBody:
    """The article's body: sections of blocks, read as the general reader reads a trusted body."""

    def __init__(self, base: str | None) -> None:
        self.base = base
        self._reader: BodyReader | None = None

    def reader(self) -> BodyReader:
        """The general body reader, for the blocks read alike on every page (tables, figures)."""
        if self._reader is None:
            self._reader = BodyReader(self.base, trusted=True)
        return self._reader

    def sections(self, body: HtmlElement) -> list[Section]:
        found = []
        for el in elements(body):
            plain(el, "section")
            section = self.section(el)
            if section is not None:
                found.append(section)
        return found

    def section(self, el: HtmlElement) -> Section | None:  # noqa: C901 - one case per tag
        heading: str | None = None
        blocks: list[Block] = []
        for index, child in enumerate(elements(el)):
            tag = child.tag
            if child.keys():
                raise NotOwn  # an embed, or what the writer never writes
            block: Block | None
            if tag == "p":
                block = self.paragraph(child)
            elif tag == "h2" and index == 0:
                heading = text_of(text_only(child))
                if not heading:
                    raise NotOwn
                continue
            elif tag in {"ul", "ol"}:
                block = self.item_list(child)
            elif tag == "blockquote":
                block = self.quote(child)
            elif tag == "table":
                block = self.table(child)
            elif tag == "figure":
                block = self.figure(child)
            else:
                raise NotOwn
            if block is not None:
                blocks.append(block)
        if not blocks and heading is None:
            return None
        return Section(heading=heading, blocks=blocks)

    def item_list(self, el: HtmlElement) -> ItemList | None:
        items = []
        for li in elements(el):
            plain(li, "li")
            item = self.paragraph(li)
            if item is not None:
                items.append(item)
        return ItemList(items, ordered=el.tag == "ol") if items else None

    def quote(self, el: HtmlElement) -> Quote | None:
        children = elements(el)
        cite = None
        if children and children[-1].tag == "footer":
            footer = children.pop()
            plain(footer, "footer")
            cite_el = one_child(footer)
            plain(text_only(cite_el), "cite")
            cite = text_of(cite_el) or None
        if not children:
            raise NotOwn
        found = []
        for p in children:
            plain(p, "p")
            found.append(self.paragraph(p))
        paragraphs = [p for p in found if p is not None]
        return Quote(paragraphs, cite=cite) if paragraphs else None

    def table(self, el: HtmlElement) -> Block:
        for part in elements(el):
            tag = part.tag
            if part.keys():
                raise NotOwn
            if tag == "caption":
                text_only(part)
            elif tag == "tr":
                check_row(part)
            elif tag in _ROW_GROUPS:
                for row in elements(part):
                    plain(row, "tr")
                    check_row(row)
            else:
                raise NotOwn
        table = self.reader().table(el)
        if table is None:
            raise NotOwn  # the general reader reports a table it cannot read
        return table

    def figure(self, el: HtmlElement) -> Block | None:
        check_figure(el, None, None)
        reader = self.reader()
        block = reader.figure(el)
        if reader.dropped:
            raise NotOwn  # the general reader reports an image it cannot read
        return block

    def paragraph(self, el: HtmlElement) -> Paragraph | None:
        """The paragraph of an element: built directly when it has a simple shape.

        Simple: text runs that no text rule changes and that collapsing whitespace across the
        paragraph keeps as they are, ``em``, ``strong`` and ``a href`` without other marks, none
        empty, and links whose target the model keeps. What the general path
        (:meth:`inlines` and the model's constructors) would build is built without the
        constructors' checks; any other paragraph takes the general path.
        """
        out: list[Inline] = []
        at_space = self.simple_run(el, out, True, MAX_INLINE_DEPTH)  # noqa: FBT003 - the start
        if at_space is None or at_space or not out:
            return paragraph(self.inlines(el, 0))
        return clean_paragraph(tuple(out))

    def simple_run(  # noqa: C901, PLR0911, PLR0912
        self,
        el: HtmlElement,
        out: list[Inline],
        at_space: bool,  # noqa: FBT001
        levels: int,
    ) -> bool | None:
        """Append the content of ``el`` to ``out``; whether it ends at a space, else ``None``.

        ``levels`` is how deep its children may hold markup, as :meth:`inlines` reads it.
        """
        # Each text run: what keeps_run() tells, its common case written inline.
        text = el.text
        if text:
            if not (
                text.isprintable() and "  " not in text and (text.isascii() or _nfc("NFC", text))
            ) and not is_clean_inner(text):
                return None
            if at_space and text[0] == " ":
                return None
            out.append(text)
            at_space = text[-1] == " "
        children = el[:]
        if not levels and children:
            return None
        for child in children:
            kind = _SIMPLE_MARKUP.get(child.tag)
            if kind is Link:
                marks = child.items()
                target = marks[0][1] if len(marks) == 1 and marks[0][0] == "href" else ""
                if not (  # href's own quick test, which resolve() keeps as it is too
                    target.startswith(_WEB)
                    and target.isascii()
                    and target.isprintable()
                    and " " not in target
                ):
                    checked = self.simple_href(marks)
                    if checked is None:
                        return None
                    target = checked
            elif kind is None or child.keys():
                return None
            if len(child):
                inner: list[Inline] = []
                found = self.simple_run(child, inner, at_space, levels - 1)
                if found is None or not inner:
                    return None
                at_space = found
                content = tuple(inner)
            else:  # the common case: text alone
                text = child.text
                if not text:
                    return None
                if not (
                    text.isprintable()
                    and "  " not in text
                    and (text.isascii() or _nfc("NFC", text))
                ) and not is_clean_inner(text):
                    return None
                if at_space and text[0] == " ":
                    return None
                at_space = text[-1] == " "
                content = (text,)
            out.append(
                clean_link(target, content) if kind is Link else clean_inline(kind, content)  # type: ignore[arg-type]
            )
            text = child.tail
            if text:
                if not (
                    text.isprintable()
                    and "  " not in text
                    and (text.isascii() or _nfc("NFC", text))
                ) and not is_clean_inner(text):
                    return None
                if at_space and text[0] == " ":
                    return None
                out.append(text)
                at_space = text[-1] == " "
        return at_space

    def simple_href(self, marks: list[tuple[str, str]]) -> str | None:
        """The target :meth:`link` gives a link of these marks, when it has no title."""
        if len(marks) != 1 or marks[0][0] != "href":
            return None
        raw = marks[0][1]
        stripped = raw.strip()
        if not stripped:
            return None  # not a link: the general path decides
        if len(stripped) != len(raw) or not raw.startswith(_WEB):
            raw = resolve(raw, self.base)  # an absolute http(s) link resolves to itself
        try:
            return href(raw)
        except ValidationError:
            return None

    def inlines(self, el: HtmlElement, depth: int) -> list[Inline]:  # noqa: C901 - per tag
        """The inline content of an element, as the general reader reads it."""
        text = el.text
        out: list[Inline] = [text] if text else []
        if not len(el):
            return out
        if depth >= MAX_INLINE_DEPTH:
            raise NotOwn  # the general reader reads it as text, and reports it
        for child in el:
            tag = child.tag
            if tag == "a":
                out.append(self.link(child, child.items(), depth))
            elif tag == "em" or tag == "strong":  # noqa: PLR1714 - two names, one test each
                if child.keys():
                    raise NotOwn
                content = self.inlines(child, depth + 1)
                out.append(Emphasis(content) if tag == "em" else Strong(content))
            elif tag == "br":
                if child.keys():
                    raise NotOwn
                out.append(_LINE_BREAK)
            elif tag == "span":
                out.append(self.inner_link(child, depth))
            else:
                raise NotOwn
            tail = child.tail
            if tail:
                out.append(tail)
        return out

    def link(self, el: HtmlElement, marks: list[tuple[str, str]], depth: int) -> Link:
        """A link: ``<a href>``, and a title maybe."""
        if not marks or marks[0][0] != "href":
            raise NotOwn
        title = None
        if len(marks) > 1:
            if len(marks) > 2 or marks[1][0] != "title":  # noqa: PLR2004
                raise NotOwn
            title = marks[1][1]
        href = marks[0][1]
        if not href.strip():
            raise NotOwn  # the general reader keeps the text alone
        return Link(resolve(href, self.base), self.inlines(el, depth + 1), title=title)

    def inner_link(self, el: HtmlElement, depth: int) -> Link:
        """A link inside a link, which the writer keeps as a ``span class="link"``."""
        marks = el.items()
        if len(marks) < 2 or marks[0] != ("class", "link") or marks[1][0] != "data-href":  # noqa: PLR2004
            raise NotOwn
        return self.link(el, [("href", marks[1][1]), *marks[2:]], depth)
