"""Read the body of a NewsML-G2 news item (XHTML or NITF) into sections."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from lxml import etree
from lxml import html as lxml_html

from newsmodel._blocks import BlockReader, Kind, paragraph
from newsmodel._metadata import CANONICAL_SEPARATOR
from newsmodel._models import (
    Attribution,
    Block,
    Embed,
    Figure,
    Inline,
    Link,
    Paragraph,
    Role,
    Section,
)
from newsmodel._textrules import collapse, scrub
from newsmodel._values import href
from newsmodel._xmlsafe import html_parser
from newsmodel.errors import ParseError, ValidationError
from newsmodel.newsml._agency import (
    BodyMeta,
    add_byline,
    byline_attributions,
    is_notepad,
    read_header,
    read_notepad,
)
from newsmodel.newsml._ns import NITF, XHTML
from newsmodel.newsml._tree import FORMAT, NAMES, local_name, split, text_of

if TYPE_CHECKING:
    from typing import Protocol

    from newsmodel.newsml._parse import ReadOptions

    class Item(Protocol):
        """What the body reader tells the item it belongs to."""

        options: ReadOptions

        def lose(self, what: str) -> None: ...
        def keep(self, key: str, value: str | None) -> None: ...


__all__ = ["BodyReader"]

#: An advisory line that opens an agency's text, wholly in parentheses: "(Adds details)",
#: "(Corrects paragraph 4)". A byline may follow it.
_ADVISORY = re.compile(r"\([^()]{1,300}\)")
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6", "hl2"}
_CONTAINERS = {
    "div",
    "article",
    "main",
    "body.content",
    "body",
    "center",
    "span",
    "font",
    "content",
    "inlineXML",
    "html",
    "aside",
    "header",
    "nav",
    "body.end",
}
_SKIP = {
    "title",
    "script",
    "style",
    "noscript",
    "iframe",
    "object",
    "embed",
    "form",
    "button",
    "input",
    "hr",
    "meta",
    "link",
    "tagline",
    "body.end",
}


#: Inline elements read directly in a paragraph of simple shape (see simple_paragraph()):
#: those of XHTML and NITF, in their namespace or none (the general path reads any namespace).
_SIMPLE_NAMES: tuple[tuple[str, Kind], ...] = (
    ("em", "emphasis"),
    ("i", "emphasis"),
    ("strong", "strong"),
    ("b", "strong"),
    ("a", "link"),
)
_SIMPLE_KINDS: dict[object, Kind] = {
    f"{{{ns}}}{name}" if ns else name: kind
    for ns in (XHTML, NITF, "")
    for name, kind in _SIMPLE_NAMES
}


#: Text that opens with a tag is markup, whatever its content type says (as in NewsML 1.2).
_OPENS_WITH_TAG = re.compile(r"\s*<[A-Za-z!/]")


def markup_of(el: etree._Element) -> etree._Element | None:
    """The HTML an ``inlineData`` holds as text, or ``None`` for plain text.

    Agencies send HTML there under ``text/html``, and under ``text/plain`` too (ANSA's
    ``<![CDATA[<p>...</p>]]>``): text that opens with a tag is read as markup, not as words.
    """
    text = scrub(el.text or "")
    if "html" not in (el.get("contenttype") or "").lower() and not _OPENS_WITH_TAG.match(text):
        return None
    try:
        return lxml_html.fragment_fromstring(
            text, create_parent="div", parser=html_parser(FORMAT, remove_comments=True)
        )
    except (etree.LxmlError, ValueError):
        return None


class BodyReader(BlockReader[etree._Element]):  # noqa: SLF001 - lxml's element type
    simple_kinds = _SIMPLE_KINDS

    def __init__(
        self, item: Item, headline: str | None, lede: str | None, *, agency: bool = True
    ) -> None:
        """Read a body; ``agency`` reads agencies' conventions (bylines, headers, notepads)."""
        super().__init__(keep_headings=True)
        self.agency = agency
        self.hollow = _HOLLOW
        self.item = item
        self.headline = headline
        self.lede = lede
        self.meta = BodyMeta()
        self.body_lede: str | None = None
        self.seen_block = False
        #: Whether the text so far is only advisory lines, after which a byline may come.
        self.advisories_only = False
        self.image: Figure | None = None
        self.max_depth = item.options.max_depth

    def read_body(self, el: etree._Element) -> tuple[list[Section], Figure | None]:
        if local_name(el) == "inlineData":
            markup = markup_of(el)
            if markup is None:
                return self.plain(el), None
            return self.read(markup), self.image
        kids = [c for c in el if isinstance(c.tag, str)]
        if len(kids) == 1 and local_name(kids[0]) in ("html", "nitf"):
            root = kids[0]
            if local_name(root) == "nitf":
                self.nitf_head(root)
        elif not kids:
            text = text_of(el)
            return ([Section(blocks=[text])] if text else []), None
        else:
            root = el
        return self.read(root), self.image

    def plain(self, el: etree._Element) -> list[Section]:
        text = scrub(el.text or "")
        paragraphs = [collapse(p) for p in re.split(r"\n\s*\n|\r\n\s*\r\n", text)]
        paragraphs = [p for p in paragraphs if p]
        if paragraphs and self.headline and paragraphs[0] == self.headline:
            paragraphs = paragraphs[1:]
        if paragraphs and self.lede and paragraphs[0] == self.lede:
            paragraphs = paragraphs[1:]
        return [Section(blocks=paragraphs)] if paragraphs else []

    def nitf_head(self, nitf: etree._Element) -> None:
        """Read NITF's ``head/title``, ``hl1``, ``abstract`` and ``byline``, wherever they are."""
        if self.meta.nitf_head_read:
            return
        self.meta.nitf_head_read = True
        for el in nitf.iter():
            name = local_name(el)
            if name == "hl1" and self.meta.headline is None:
                self.meta.headline = text_of(el) or None
            elif name == "title" and self.meta.title is None:
                self.meta.title = text_of(el) or None
            elif name == "abstract" and self.body_lede is None:
                self.body_lede = text_of(el) or None
            elif name == "byline":
                self.item.keep("newsml:nitf:byline", text_of(el))
                # The person, without the title (byttl) NITF marks: "By Meredith Jameson,".
                person = "".join(
                    [el.text or "", *(c.tail or "" for c in el if local_name(c) == "byttl")]
                )
                found = byline_attributions(collapse(scrub(person)).rstrip(", "))
                self.meta.nitf_bylines.extend(found or ())

    # -- inline ---------------------------------------------------------------------------

    def name(self, el: etree._Element) -> str:
        tag = el.tag
        return (NAMES.get(tag) or split(tag))[1]

    def clean(self, text: str) -> str:
        return scrub(text)

    def simple_href(self, el: etree._Element) -> str | None:
        if el.get("title") is not None:
            return None
        try:
            return href((el.get("href") or "").strip())
        except ValidationError:
            return None

    def start(self, el: etree._Element, depth: int) -> int:
        # Depth counts from the body, so that max_depth bounds the whole walk.
        if depth > self.max_depth:
            msg = f"the body is nested deeper than {self.max_depth} elements (max_depth)"
            raise ParseError(FORMAT, msg, line=el.sourceline)
        return depth

    def deeper(self, el: etree._Element, depth: int, kind: Kind) -> int:
        # A block inside inline content counts one level, an inline element two (it, its content).
        return self.start(el, depth + (1 if kind == "spaced" else 2))

    def kind(self, el: etree._Element, name: str, depth: int) -> Kind:  # noqa: ARG002
        if name in ("img", "media"):
            self.item.lose("an image inside a paragraph")
            return "skip"
        if name == "em" and "strong" in (el.get("class") or "").split():
            return "strong"
        return _INLINE_KINDS.get(name, "text")

    def link(self, el: etree._Element, content: list[Inline]) -> list[Inline]:
        href = (el.get("href") or "").strip()
        title = el.get("title")
        try:
            return [Link(href, content, title=collapse(scrub(title)) if title else None)]
        except ValidationError:
            if href:
                self.item.lose(f"a link to {href[:40]!r} that is not allowed")
            return content

    # -- blocks ---------------------------------------------------------------------------

    def is_inline(self, name: str) -> bool:
        return name in _INLINE_NAMES

    def block(self, el: etree._Element, name: str, depth: int) -> None:  # noqa: C901, PLR0912, PLR0915 - one branch per kind of block
        if name in ("p", "pre", "address"):
            self.opening_paragraph(el, depth)
        elif name in _HEADINGS:
            text = text_of(el)
            if not text:
                return
            if name == "h1" and not self.seen_block and text == (self.headline or text):
                self.meta.headline = self.meta.headline or text
                return
            self.begin(text)
            self.seen_block = True  # under a subheading, the text has begun: no opening rules
        elif name == "header" and not self.seen_block and self.agency:
            read_header(el, self.meta)  # dpa: time, slugline list, genre, h1, byline
        elif name == "head":
            title = next((c for c in el if local_name(c) == "title"), None)
            if title is not None and self.meta.title is None:
                self.meta.title = text_of(title) or None
        elif name in ("section", "div", "aside") and self.agency and is_notepad(el):
            read_notepad(el, self.meta)
        elif name in ("section", "block"):
            self.close()
            self.walk(el, depth)
            self.close()
        elif name in ("blockquote", "bq"):
            cite = next(
                (text_of(n) or None for n in el.iter() if local_name(n) in _QUOTE_CITE), None
            )
            parts = [node for node in el.iter() if local_name(node) == "p"]
            quote = self.quote(el, depth, parts, cite, _QUOTE_SKIP)
            # without a paragraph in it, its own text is the quote
            self.add(quote or self.quote(el, depth, None, cite, _QUOTE_SKIP))
        elif name in ("ul", "ol"):
            self.add(self.item_list(el, depth))
        elif name in ("figure", "media", "img"):
            self.figure(el, name)
        elif name == "table":
            table = self.table(el)
            if table is not None:
                self.add(table)
                return
            for row in el.iter("{*}tr", "tr"):
                text = " | ".join(text_of(c) for c in row if text_of(c))
                if text:
                    self.add(Paragraph(text))
            self.item.lose("a table that is not simple (read as one paragraph per row)")
        elif name == "body.end":
            for node in el.iter():
                if local_name(node) == "tagline":
                    self.item.keep("newsml:nitf:tagline", text_of(node))
        elif name in _SKIP:
            if name not in ("head", "title", "hr", "meta", "link"):
                self.item.lose(f"<{name}> in the body")
        elif name in _CONTAINERS or name in ("body.head", "hedline", "li", "dl", "dd", "dt"):
            if name in ("body.head", "hedline"):
                self.nitf_head(el)  # a NITF body without its <nitf> root
                return
            self.walk(el, depth)
        else:
            self.item.lose(f"<{name}> in the body (its text was kept)")
            self.walk(el, depth)

    def add(self, block: Block | None) -> None:
        if block is None:
            return
        if isinstance(block, Paragraph) and not self.seen_block:
            # Agencies repeat the headline and the lede at the top of the body, and open the
            # text with a byline ("By Jane Doe", "Автор: ...").
            text = block.text
            if text in (self.headline, self.lede, self.meta.headline):
                return
            if self.agency and add_byline(text, self.meta, any_text=False):
                return
        elif (
            # The byline may follow an advisory line in parentheses ("(Adds details)").
            isinstance(block, Paragraph)
            and self.advisories_only
            and self.agency
            and add_byline(block.text, self.meta, any_text=False)
        ):
            self.advisories_only = False
            return
        self.advisories_only = (
            (self.advisories_only or not self.seen_block)
            and isinstance(block, Paragraph)
            and _ADVISORY.fullmatch(block.text) is not None
        )
        self.seen_block = True
        self.blocks.append(block)

    def opening_paragraph(self, el: etree._Element, depth: int) -> None:
        """A paragraph; one marked as the teaser or byline before the text is metadata."""
        classes = (el.get("class") or "").split()
        if classes and not self.seen_block and self.agency:
            if "byline" in classes:
                add_byline(text_of(el), self.meta, any_text=True)
                return
            if "teaser" in classes and self.lede is None and self.body_lede is None:
                self.body_lede = text_of(el) or None
                return
        if depth <= self.max_depth:  # inline elements count two levels (see deeper())
            simple = self.simple_paragraph(el, (self.max_depth - depth) // 2)
            if simple is not None:
                self.add(simple)
                return
        self.add(paragraph(self.inlines(el, depth)))

    def embed(self, el: etree._Element, name: str) -> None:  # noqa: C901 - XHTML and NITF
        """An embed: an XHTML ``figure class="embed"`` with a link, or NITF ``media`` of it."""
        url = provider = caption = None
        credit: Attribution | None = None
        for node in el.iter():
            local = local_name(node)
            if local == "a" and url is None:
                url = node.get("href")
            elif local == "media-reference" and url is None:
                url = node.get("source")
            elif local == "media-metadata" and node.get("name") == "provider":
                provider = node.get("value")
            elif local == "figcaption":
                caption, credit = self.figcaption(node)
            elif local == "media-caption":
                caption = text_of(node) or None
            elif local == "media-producer":
                who = text_of(node)
                credit = Attribution(who, role=Role.PHOTOGRAPHER) if who else None
        if name == "figure":
            provider = el.get("data-provider")
        try:
            embed = Embed(
                (url or "").strip(), provider=provider or None, caption=caption, credit=credit
            )
        except ValidationError:
            self.item.lose(f"an embed whose address {url!r} is not an absolute http(s) URL")
            if caption:
                self.add(Paragraph(caption))
            return
        self.seen_block = True
        self.blocks.append(embed)

    def figure(self, el: etree._Element, name: str) -> None:  # noqa: C901, PLR0912 - XHTML img, figure and NITF media
        if name != "img" and "embed" in (el.get("class") or "").split():
            self.embed(el, name)
            return
        src = alt = caption = None
        credit: Attribution | None = None
        if name == "img":
            src, alt = el.get("src"), el.get("alt")
        elif name == "figure":
            for node in el.iter():
                local = local_name(node)
                if local == "img" and src is None:
                    src, alt = node.get("src"), node.get("alt")
                elif local == "figcaption":
                    caption, credit = self.figcaption(node)
        else:  # NITF media
            for node in el:
                local = local_name(node)
                if local == "media-reference" and src is None:
                    src = node.get("source") or node.get("data-location")
                    alt = node.get("alternate-text")
                elif local == "media-caption":
                    caption = text_of(node)
                elif local == "media-producer":
                    who = text_of(node)
                    credit = Attribution(who, role=Role.PHOTOGRAPHER) if who else None
        try:
            figure = Figure((src or "").strip(), caption=caption, credit=credit, alt=alt)
        except ValidationError:
            self.item.lose(f"an image whose address {src!r} is not an absolute http(s) URL")
            if caption:
                self.add(Paragraph(caption))
            return
        lead = "lead" in (el.get("class") or "").split()
        if lead and self.image is None and not self.seen_block:
            self.image = figure
        else:
            self.seen_block = True
            self.blocks.append(figure)

    def figcaption(self, el: etree._Element) -> tuple[str | None, Attribution | None]:
        credit = None
        parts = [scrub(el.text or "")]
        for child in el:
            if "credit" in (child.get("class") or "").split() and credit is None:
                link = next((a for a in child.iter() if local_name(a) == "a"), None)
                url = (link.get("href") or "") if link is not None else ""
                name = text_of(child)
                role_value = child.get("data-role") or "photographer"
                try:
                    credit = Attribution(
                        name,
                        role=role_value,
                        url=url or None,
                        phrase=child.get("data-phrase"),
                        separator=child.get("data-separator") or CANONICAL_SEPARATOR,
                    )
                except ValidationError:
                    credit = Attribution(name, role=Role.PHOTOGRAPHER) if name else None
            else:
                parts.append("".join(child.itertext()))
            parts.append(child.tail or "")
        return collapse(scrub("".join(parts))) or None, credit


_INLINE_KINDS: dict[str, Kind] = {
    "br": "break",
    "a": "link",
    **dict.fromkeys(("strong", "b"), "strong"),
    **dict.fromkeys(("em", "i", "cite", "dfn", "var", "u"), "emphasis"),
    **dict.fromkeys(("p", "div", "ul", "ol", "li", "blockquote", "block"), "spaced"),
}
_QUOTE_CITE = frozenset(("cite", "credit"))
_QUOTE_SKIP = frozenset(("footer", "credit"))
_INLINE_NAMES = {
    "a",
    "em",
    "i",
    "b",
    "strong",
    "br",
    "span",
    "cite",
    "dfn",
    "var",
    "u",
    "q",
    "sub",
    "sup",
    "small",
    "big",
    "abbr",
    "acronym",
    "code",
    "kbd",
    "samp",
    "tt",
    "font",
    "mark",
    "time",
    "s",
    "del",
    "ins",
    # NITF enriched text
    "person",
    "org",
    "location",
    "chron",
    "num",
    "money",
    "classifier",
    "copyrite",
    "event",
    "function",
    "lang",
    "object.title",
    "postaddr",
    "pronounce",
    "virtloc",
    "city",
    "country",
    "region",
    "state",
    "sublocation",
    "alt-code",
    "frac",
    "frac-numer",
    "frac-denom",
}
#: Inline elements that give nothing when empty: not a line break, an image, or a block.
_HOLLOW = frozenset(
    name
    for name in _INLINE_NAMES
    if _INLINE_KINDS.get(name, "text") in ("text", "emphasis", "strong", "link")
)
