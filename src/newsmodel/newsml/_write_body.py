"""Write an article's sections as the body of a NewsML-G2 item: XHTML or NITF 3.6."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from lxml import etree

from newsmodel._metadata import CANONICAL_SEPARATOR
from newsmodel._models import (
    Article,
    Attribution,
    Block,
    Embed,
    Emphasis,
    Figure,
    Inline,
    ItemList,
    LineBreak,
    Link,
    Paragraph,
    Quote,
    Section,
    Table,
)
from newsmodel._warnings import lossy
from newsmodel.newsml._ns import NITF, XHTML

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["NitfBody", "XhtmlBody"]


_XHTML_TAGS = {
    t: f"{{{XHTML}}}{t}"
    for t in (
        "html",
        "head",
        "title",
        "body",
        "section",
        "h2",
        "p",
        "blockquote",
        "footer",
        "cite",
        "ul",
        "ol",
        "li",
        "figure",
        "img",
        "figcaption",
        "span",
        "a",
        "br",
        "em",
        "strong",
        "table",
        "caption",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
    )
}


class _Body:
    """What the XHTML and NITF bodies share: the article, and how inline markup is written."""

    #: The class of the ``em`` that carries strong text, in a vocabulary with no ``strong``.
    strong_class: ClassVar[str | None] = None

    def __init__(self, article: Article) -> None:
        self.article = article

    def el(self, parent: etree._Element, tag: str, **attrib: str) -> etree._Element:
        raise NotImplementedError

    def table(self, parent: etree._Element, table: Table) -> None:
        """A table: its caption, a ``thead`` of the header rows and a ``tbody`` of the rest.

        The same markup in XHTML and NITF 3.6.
        """
        el = self.el(parent, "table")
        if table.caption:
            self.el(el, "caption").text = table.caption
        # A table of header rows alone is one tbody of th cells: NITF needs a tbody.
        split = table.header_rows if table.header_rows < len(table.rows) else 0
        if split:
            self.rows(self.el(el, "thead"), table.rows[:split], "th")
        group = self.el(el, "tbody")
        self.rows(group, table.rows[split : table.header_rows], "th")
        self.rows(group, table.rows[max(split, table.header_rows) :], "td")

    def rows(self, group: etree._Element, rows: Iterable[tuple[str, ...]], cell: str) -> None:
        for row in rows:
            tr = self.el(group, "tr")
            for text in row:
                self.el(tr, cell).text = text

    def inlines(self, parent: etree._Element, items: Iterable[Inline]) -> None:
        """Inline markup: text, ``br``, ``a``, ``em``, and ``strong`` (or ``em.strong``)."""
        last: etree._Element | None = None
        for item in items:
            if isinstance(item, str):
                if last is None:
                    parent.text = (parent.text or "") + item
                else:
                    last.tail = (last.tail or "") + item
                continue
            if isinstance(item, LineBreak):
                last = self.el(parent, "br")
            elif isinstance(item, Link):
                last = self.el(parent, "a", href=item.href)
                if item.title:
                    last.set("title", item.title)
                self.inlines(last, item.content)
            else:
                if isinstance(item, Emphasis):
                    last = self.el(parent, "em")
                elif self.strong_class is None:
                    last = self.el(parent, "strong")
                else:
                    last = self.el(parent, "em", **{"class": self.strong_class})
                self.inlines(last, item.content)


class XhtmlBody(_Body):
    """The body as XHTML: ``section`` elements with an ``h2`` and the blocks."""

    def el(self, parent: etree._Element, tag: str, **attrib: str) -> etree._Element:
        return etree.SubElement(parent, _XHTML_TAGS[tag], attrib)

    def build(self, parent: etree._Element) -> None:
        a = self.article
        html = etree.SubElement(parent, f"{{{XHTML}}}html", nsmap={None: XHTML})
        self.el(self.el(html, "head"), "title").text = a.headline
        body = self.el(html, "body")
        if a.image is not None:
            self.figure(body, a.image, lead=True)
        for section in a.sections:
            self.section(body, section)

    def section(self, parent: etree._Element, section: Section) -> None:
        el = self.el(parent, "section")
        if section.heading:
            self.el(el, "h2").text = section.heading
        for block in section.blocks:
            self.block(el, block)

    def block(self, parent: etree._Element, block: Block) -> None:
        if isinstance(block, Paragraph):
            self.inlines(self.el(parent, "p"), block.content)
        elif isinstance(block, Quote):
            quote = self.el(parent, "blockquote")
            for p in block.paragraphs:
                self.inlines(self.el(quote, "p"), p.content)
            if block.cite:
                cite = self.el(self.el(quote, "footer"), "cite")
                cite.text = block.cite
        elif isinstance(block, ItemList):
            items = self.el(parent, "ol" if block.ordered else "ul")
            for p in block.items:
                self.inlines(self.el(items, "li"), p.content)
        elif isinstance(block, Table):
            self.table(parent, block)
        elif isinstance(block, Figure):
            self.figure(parent, block, lead=False)
        else:
            self.embed(parent, block)

    def figure(self, parent: etree._Element, fig: Figure, *, lead: bool) -> None:
        el = self.el(parent, "figure", **({"class": "lead"} if lead else {}))
        self.el(el, "img", src=fig.image, alt=fig.alt or "")
        self.figcaption(el, fig.caption, fig.credit)

    def embed(self, parent: etree._Element, embed: Embed) -> None:
        """An embed: a figure of class ``embed`` holding a link to it (never a frame)."""
        el = self.el(parent, "figure", **{"class": "embed"})
        if embed.given_provider is not None:
            el.set("data-provider", embed.given_provider.value)
        self.el(el, "a", href=embed.url).text = embed.url
        self.figcaption(el, embed.caption, embed.credit)

    def figcaption(self, el: etree._Element, text: str | None, credit: Attribution | None) -> None:
        if text is None and credit is None:
            return
        caption = self.el(el, "figcaption")
        if text:
            caption.text = text
        if credit is not None:
            span = self.el(caption, "span", **{"class": "credit"})
            span.set("data-role", credit.role.value)
            if credit.phrase:
                span.set("data-phrase", credit.phrase)
            if credit.separator != CANONICAL_SEPARATOR:
                span.set("data-separator", credit.separator)
            if credit.url:
                self.el(span, "a", href=credit.url).text = credit.name
            else:
                span.text = credit.name
            if text:
                caption.text = f"{caption.text} "


class NitfBody(_Body):
    """The body as NITF 3.6: ``block`` elements with an ``hl2`` and the blocks."""

    strong_class = "strong"  # NITF has no strong

    def el(self, parent: etree._Element, tag: str, **attrib: str) -> etree._Element:
        return etree.SubElement(parent, f"{{{NITF}}}{tag}", attrib)

    def build(self, parent: etree._Element) -> None:
        a = self.article
        nitf = etree.SubElement(parent, f"{{{NITF}}}nitf", nsmap={None: NITF})
        body = self.el(nitf, "body")
        head = self.el(body, "body.head")
        self.el(self.el(head, "hedline"), "hl1").text = a.headline
        content = self.el(body, "body.content")
        if a.image is not None:
            self.media(content, a.image, "image", lead=True)
        for i, section in enumerate(a.sections):
            field = f"sections[{i}]"
            block = self.el(content, "block")
            if section.heading:
                self.el(block, "hl2").text = section.heading
            for j, item in enumerate(section.blocks):
                self.block(block, item, f"{field}.blocks[{j}]")

    def block(self, parent: etree._Element, block: Block, field: str) -> None:
        if isinstance(block, Paragraph):
            self.inlines(self.el(parent, "p"), block.content)
        elif isinstance(block, Quote):
            bq = self.el(parent, "bq")
            inner = self.el(bq, "block")
            for p in block.paragraphs:
                self.inlines(self.el(inner, "p"), p.content)
            if block.cite:
                self.el(bq, "credit").text = block.cite
        elif isinstance(block, ItemList):
            items = self.el(parent, "ol" if block.ordered else "ul")
            for p in block.items:
                self.inlines(self.el(items, "li"), p.content)
        elif isinstance(block, Table):
            self.table(parent, block)
        elif isinstance(block, Figure):
            self.media(parent, block, field, lead=False)
        else:
            self.embed(parent, block, field)

    def embed(self, parent: etree._Element, embed: Embed, field: str) -> None:
        """An embed: NITF ``media`` of type ``other``, class ``embed``, with its URL."""
        media = self.el(parent, "media", **{"media-type": "other", "class": "embed"})
        if embed.given_provider is not None:
            self.el(media, "media-metadata", name="provider", value=embed.given_provider.value)
        self.el(media, "media-reference", source=embed.url)
        if embed.caption:
            self.el(media, "media-caption").text = embed.caption
        if embed.credit is not None:
            self.producer(media, embed.credit, field)

    def media(self, parent: etree._Element, fig: Figure, field: str, *, lead: bool) -> None:
        attrib = {"media-type": "image"}
        if lead:
            attrib["class"] = "lead"
        media = self.el(parent, "media", **attrib)
        ref = self.el(media, "media-reference", source=fig.image)
        if fig.alt:
            ref.set("alternate-text", fig.alt)
        if fig.caption:
            self.el(media, "media-caption").text = fig.caption
        if fig.credit is not None:
            self.producer(media, fig.credit, field)

    def producer(self, media: etree._Element, credit: Attribution, field: str) -> None:
        """NITF's ``media-producer``: the credit's name (its role, URL and phrase are lost)."""
        self.el(media, "media-producer").text = credit.name
        lost = [
            name
            for name, value in (
                ("role", credit.role.value != "photographer"),
                ("url", credit.url),
                ("phrase", credit.phrase),
                ("separator", credit.separator != CANONICAL_SEPARATOR),
            )
            if value
        ]
        for name in lost:
            lossy(
                "newsml",
                "field",
                f"NITF media-producer cannot carry the {name} of {field}.credit; written"
                " as its name alone",
                lost=name,
                path=f"{field}.credit.{name}",
            )
