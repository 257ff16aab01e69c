"""Turn an article's main content into sections of blocks.

Inside the main content (found by :mod:`newsmodel.html._main`), subtrees that are boilerplate by
name (share buttons, related stories, comments, ads, ...) or mostly links are left out (the
rules are in :mod:`newsmodel.html._names`), and what the model cannot hold (tables, embedded
video and posts, forms) is counted for one :class:`~newsmodel.LossyConversionWarning`.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import NamedTuple

import attrs
from lxml import html as lxml_html

from newsmodel._blocks import BlockReader, Kind, paragraph
from newsmodel._models import (
    Attribution,
    Block,
    Embed,
    EmbedProvider,
    Figure,
    Inline,
    Link,
    Paragraph,
    Quote,
    Section,
)
from newsmodel.errors import ValidationError
from newsmodel.html._captions import (
    bold_heading,
    captioned_image,
    credit_line,
    read_caption,
    teasers,
)
from newsmodel.html._embeds import framed, social_post
from newsmodel.html._lines import end_mark
from newsmodel.html._names import (
    BLOCK_TAGS,
    DROP,
    FIELD_HOLDER,
    HEADINGS,
    class_tokens,
    header_field,
    is_boilerplate,
    is_hidden,
    link_density,
    resolve,
    sign_up_box,
)
from newsmodel.html._texts import Texts, text_of

__all__ = ["REPORTED", "BodyReader", "Dropped"]

HtmlElement = lxml_html.HtmlElement

#: How deep inline markup (emphasis in a link in emphasis...) is kept; deeper, its text only.
MAX_INLINE_DEPTH = 32


class Dropped(NamedTuple):
    """What the body lost, as a warning counts it: its kind and its noun, both numbers."""

    kind: str
    singular: str
    plural: str


_DEEP_MARKUP = Dropped(
    "markup",
    f"element of inline markup nested deeper than {MAX_INLINE_DEPTH} levels (read as text)",
    f"elements of inline markup nested deeper than {MAX_INLINE_DEPTH} levels (read as text)",
)
#: The elements dropped from the body with a report: what the model has no block for.
REPORTED = {
    "iframe": Dropped("element", "embedded frame", "embedded frames"),
    "object": Dropped("element", "embedded object", "embedded objects"),
    "embed": Dropped("element", "embedded object", "embedded objects"),
    "video": Dropped("element", "video", "videos"),
    "audio": Dropped("element", "audio clip", "audio clips"),
    "table": Dropped("element", "table", "tables"),
    "form": Dropped("element", "form", "forms"),
    "svg": Dropped("element", "SVG image", "SVG images"),
    "canvas": Dropped("element", "canvas", "canvases"),
    "math": Dropped("element", "formula", "formulas"),
}
_EMBED_CLASSES = {
    "twitter-tweet": Dropped("element", "embedded tweet", "embedded tweets"),
    "instagram-media": Dropped("element", "embedded Instagram post", "embedded Instagram posts"),
    "tiktok-embed": Dropped("element", "embedded TikTok video", "embedded TikTok videos"),
    "telegram-post": Dropped("element", "embedded Telegram post", "embedded Telegram posts"),
}


class BodyReader(BlockReader[HtmlElement]):
    """Walks the main content and collects sections; remembers what it had to drop."""

    #: A cell holding a block or an image belongs to a layout table, not a table of data.
    not_in_cell = BLOCK_TAGS | {"img", "iframe", "video"}

    def __init__(
        self,
        base: str | None,
        *,
        trusted: bool = False,
        marked: bool = False,
        keep: frozenset[HtmlElement] = frozenset(),
        skip: frozenset[HtmlElement] = frozenset(),
        texts: Texts | None = None,
    ) -> None:
        """Prepare to read; ``base`` resolves relative URLs.

        A ``trusted`` container (one the page marks as the article body) is read whole: no
        subtree is left out as boilerplate, only what is never text; but when another site
        ``marked`` it so, an ``<aside>`` and what is named as related stories, sharing,
        comments or ads are left out too (such marks often hold the whole column). On another
        site's page a heading with nothing under it is a widget's title ("Related", "Share"),
        not a section. The elements in ``keep`` (those that hold most of the body's text) are
        never left out for their class names ("paywall-container", a blog's "tag-politics");
        those in ``skip`` are never read. ``texts`` measures the tree's text (a new one when
        not given).
        """
        super().__init__(keep_headings=trusted)
        self.base = base
        self.trusted = trusted
        self.marked = marked
        self.keep = keep
        self.skip = skip
        self.texts = texts
        self.seen: set[str] = set()
        self.scope: HtmlElement | None = None
        # the elements (under the scope) around a link to an account page, found once
        self.accounts: set[HtmlElement] | None = None
        self.dropped: Counter[Dropped] = Counter()
        self.bad_links: Counter[str] = Counter()
        #: Pictures' credits met as lines of the body, with no figure to hold them.
        self.credits: list[Attribution] = []
        #: The paragraphs and figures by their ends (see :func:`~._lines.end_mark`).
        self.ends: dict[str, list[Block]] = {}
        #: The captions kept as paragraphs, of figures dropped for their image's address.
        self.captions: list[Block] = []

    def kind(self, el: HtmlElement, name: str, depth: int) -> Kind:
        if not name:
            return "skip"
        if depth >= MAX_INLINE_DEPTH:
            # Deeper markup is read as its text: the model and the writers walk inline content
            # recursively, and no real page nests emphasis this far.
            self.dropped[_DEEP_MARKUP] += 1
            return "flat"
        if name in _NOT_INLINE:
            self.report(el)
            return "skip"
        if (self.marked or not self.trusted) and (
            _aside(el) or _card(el, name) or (name == "time" and header_field(el))
        ):
            return "skip"
        if name == "span" and el.get("data-href") is not None:
            return "link"
        return _INLINE_KINDS.get(name, "spaced" if name in BLOCK_TAGS else "text")

    def link(self, el: HtmlElement, content: list[Inline]) -> list[Inline]:
        """A link, or its content alone when its href is missing or of a refused scheme."""
        href = el.get("href") if el.tag == "a" else el.get("data-href")
        if href is None or not href.strip():
            return content
        try:
            return [Link(resolve(href, self.base), content, title=el.get("title"))]
        except ValidationError:
            scheme = href.strip().split(":", 1)[0].lower()[:20]
            self.bad_links[scheme] += 1
            return content

    def report(self, element: HtmlElement) -> None:
        """Count a dropped element that carried content the model cannot hold."""
        tag = element.tag
        if tag in REPORTED:
            self.dropped[REPORTED[tag]] += 1

    def is_inline(self, name: str) -> bool:
        # inline content running between blocks (text in a <div>)
        return name not in _BLOCK_LEVEL

    def block(self, child: HtmlElement, tag: str, depth: int) -> None:  # noqa: C901, PLR0912 - one case per tag
        if child in self.skip:
            return
        if tag == "table":
            table = self.table(child)
            if table is None:
                self.report(child)
            self.add(table)
        elif tag == "hr" and child.get("data-src") and self.framed(child):
            pass
        elif tag in DROP or tag == "hr":
            self.report(child)
        elif tag == "figure" and "embed" in class_tokens(child):
            self.add(self.embed_block(child, depth))
        elif (
            self.embed(child)
            or tag == "h1"
            or is_hidden(child)
            or (self.marked and _never_body(child))
            or ((self.marked or not self.trusted) and self.header_line(child))
            or (
                not self.trusted
                and tag not in HEADINGS
                and child not in self.keep
                and (
                    is_boilerplate(child)
                    or _aside(child)
                    or self.linked_block(child, tag)
                    or self.account_box(child, tag)
                )
            )
        ):
            # The <h1> is the headline. A heading's class names say how it looks
            # ("widget-title"), not what it is: an empty section under it is dropped in close().
            pass
        elif tag in HEADINGS:
            text = text_of(child)
            if text and (self.trusted or link_density(child) < 0.5):  # noqa: PLR2004
                self.begin(text)
        elif tag == "section":
            self.close()
            self.walk(child, depth)
            self.close()
        elif tag == "p" and (self.marked or not self.trusted) and self.credited(child):
            pass
        elif tag == "p":
            heading = None if self.trusted else bold_heading(child)
            if not self.trusted and captioned_image(child):
                # an image with its caption and credit set in a paragraph is a figure
                self.add(self.figure(child, caption_el=child))
            elif heading is not None:
                self.begin(heading)
            else:
                self.add(paragraph(self.inlines(child)))
        elif tag == "blockquote":
            self.add(self.block_quote(child, depth))
        elif tag in {"ul", "ol"}:
            if self.trusted or (
                link_density(child) <= 0.6  # noqa: PLR2004 - else navigation
                and not teasers(child)
            ):
                self.add(self.item_list(child, depth))
        elif tag in {"figure", "picture", "img"}:
            self.add(self.figure(child, depth=depth))
        elif tag == "pre":
            self.add(paragraph(self.inlines(child)))
        else:
            self.walk(child, depth)

    def add(self, block: Block | None) -> None:
        """Add a block; on another site's page, a paragraph met before is not added again.

        A syndicated page may hold the article twice; an article hardly ever repeats a long
        paragraph of its own. There, paragraphs and figures are noted in :attr:`ends` by their
        ends.
        """
        if not self.trusted and isinstance(block, (Paragraph, Figure)):
            text = block.text
            if isinstance(block, Paragraph) and len(text) >= _REPEATED:
                if text in self.seen:
                    return
                self.seen.add(text)
            mark = end_mark(text)
            if mark is not None:
                self.ends.setdefault(mark, []).append(block)
        super().add(block)

    def credited(self, element: HtmlElement) -> bool:
        """True for a paragraph that only credits a picture ("Photo: AFP"): not text.

        The credit goes to the figure before it when that one has none, else to
        :attr:`credits` (the article's).
        """
        if self.texts is None:
            self.texts = Texts(element.getroottree().getroot())
        if self.texts.lengths(element)[0] > _CREDIT_LINE_CHARS:
            return False  # (measured once: a long paragraph is not read twice)
        credit = credit_line(text_of(element))
        if credit is None:
            return False
        last = self.blocks[-1] if self.blocks else None
        if isinstance(last, Figure) and last.credit is None:
            self.blocks[-1] = attrs.evolve(last, credit=credit)
        else:
            self.credits.append(credit)
        return True

    def header_line(self, element: HtmlElement) -> bool:
        """True for a byline or a date line: a short block marked as the author or a date.

        A long block so marked is an author's box ("About the author ..."), kept as the page
        gives it.
        """
        if not header_field(element):
            return False
        if self.texts is None:
            self.texts = Texts(element.getroottree().getroot())
        return self.texts.lengths(element)[0] <= _HEADER_LINE

    def linked_block(self, element: HtmlElement, tag: str) -> bool:
        """True for a box of links in the body: teasers, "more on this", a skip-ad button.

        A block (not a paragraph, list, quote or figure) whose text is mostly link text.
        """
        if tag not in _BOXES:
            return False
        if self.texts is None:
            self.texts = Texts(element.getroottree().getroot())
        return self.texts.link_density(element) > _LINKED_BOX

    def read(self, el: HtmlElement) -> list[Section]:
        """Read the children of the main content into sections."""
        self.scope = el
        return super().read(el)

    def account_box(self, element: HtmlElement, tag: str) -> bool:
        """True for a short box that asks the reader to sign up, log in or subscribe.

        A block that held a field for an e-mail address or a password, or that links to a
        page to log in, register or subscribe, with little text (a paywall's notice, a
        newsletter's offer, "log in to comment").
        """
        if tag not in _BOXES:
            return False
        if self.accounts is None:
            self.accounts = _account_holders(self.scope)
        if element.get(FIELD_HOLDER) is None and element not in self.accounts:
            return False
        if self.texts is None:
            self.texts = Texts(element.getroottree().getroot())
        return sign_up_box(element, self.texts.lengths(element)[0], self.accounts)

    def embed(self, element: HtmlElement) -> bool:
        """True for a quoted social post: an embed block, or counted when it gives no address."""
        for name in (element.get("class") or "").split():
            if name in _EMBED_CLASSES:
                embed = social_post(element)
                if embed is None:
                    self.dropped[_EMBED_CLASSES[name]] += 1
                self.add(embed)
                return True
        return False

    def framed(self, marker: HtmlElement) -> bool:
        """True when a dropped frame or widget was a known service's: an embed block."""
        embed = framed(marker.get("data-src"))
        if embed is None:
            return False
        del marker.attrib["data-dropped"]  # read, not lost
        self.add(embed)
        return True

    def embed_block(self, element: HtmlElement, depth: int) -> Block | None:
        """An embed as newsmodel writes it: a ``figure class="embed"`` with its link.

        Its player frame, when there is one, is the embed itself: read, not lost. A figure
        so named without a link is another site's: its player, when a known service's, is
        the embed; else it is read as any figure (a picture, or a player's caption).
        """
        link = next((a for a in element.iter("a") if a.get("href")), None)
        if link is None:
            for marker in element.iter("hr"):
                if marker.get("data-src") and marker.get("data-dropped") and self.framed(marker):
                    return None
            return self.figure(element, depth=depth)
        for marker in element.iter("hr"):
            marker.attrib.pop("data-dropped", None)
        caption_el = element.find(".//figcaption")
        caption, credit = read_caption(caption_el) if caption_el is not None else (None, None)
        href = (link.get("href") or "") if link is not None else ""
        named = element.get("data-provider")
        provider = next((p for p in EmbedProvider if p.value == named), None)
        try:
            return Embed(
                resolve(href, self.base), provider=provider, caption=caption, credit=credit
            )
        except ValidationError:
            self.dropped[_UNUSABLE_EMBED] += 1
            return paragraph(self.inlines(caption_el)) if caption_el is not None else None

    def block_quote(
        self, element: HtmlElement, depth: int, cite: str | None = None
    ) -> Quote | None:
        """A quote from a ``<blockquote>``: its paragraphs, and who is quoted in a ``<cite>``.

        ``cite`` is who is quoted when the quote names no one itself.
        """
        parts = list(element.iter("p")) if element.find("p") is not None else None
        cite = next((text_of(c) or None for c in element.iter("cite")), None) or cite
        return self.quote(element, depth, parts, cite, _CITE_SKIP)

    def figure(
        self, element: HtmlElement, caption_el: HtmlElement | None = None, depth: int = 0
    ) -> Block | None:
        """A figure from an image element, or an element holding one and its caption.

        An image without an http(s) address (``javascript:``, ``data:``) is dropped and
        counted; its caption is kept as a paragraph. A figure of no image is what it holds: a
        quote (its caption says who is quoted), or a player the page had (dropped and counted
        before), whose caption goes with it.
        """
        if caption_el is None and element.tag != "img":
            caption_el = element.find(".//figcaption")
        image = self.image_url(element)
        if image is None:
            if _has_image_source(element):
                self.dropped[_UNUSABLE_IMAGE] += 1
            elif element.tag == "figure":
                quoted = element.find(".//blockquote")
                if quoted is not None:
                    return self.block_quote(quoted, depth, _who(caption_el, quoted, element))
                if _held_player(element):
                    return None
            return self.caption_text(caption_el)
        img = element if element.tag == "img" else next(element.iter("img"), None)
        alt = img.get("alt") if img is not None else None
        caption: str | None = None
        credit: Attribution | None = None
        if caption_el is not None:
            caption, credit = read_caption(caption_el)
        try:
            return Figure(image, caption=caption, credit=credit, alt=alt)
        except ValidationError:
            return None

    def caption_text(self, caption_el: HtmlElement | None) -> Paragraph | None:
        """The caption of a figure without an image, kept as a paragraph (and remembered)."""
        if caption_el is None:
            return None
        caption = paragraph(self.inlines(caption_el))
        if caption is not None:
            self.captions.append(caption)
        return caption

    def image_url(self, element: HtmlElement) -> str | None:
        """The absolute http(s) URL of the first image in an element, or ``None``."""
        candidates = [element] if element.tag == "img" else list(element.iter("img", "source"))
        for img in candidates:
            for attr in _IMAGE_SOURCES:
                value = img.get(attr)
                if not value or value.strip().startswith("data:"):
                    continue
                url = resolve(value.strip().split()[0].split(",")[0], self.base)
                if re.match(r"^https?://[^\s/]+", url, re.IGNORECASE):
                    return url
        return None


_NOT_INLINE = DROP | {"img", "picture", "figure", "table"}
_BLOCK_LEVEL = DROP | BLOCK_TAGS | {"img"}
_INLINE_KINDS: dict[str, Kind] = {
    "br": "break",
    "a": "link",
    **dict.fromkeys(("em", "i", "dfn", "var"), "emphasis"),
    **dict.fromkeys(("strong", "b"), "strong"),
}
_CITE_SKIP = frozenset({"footer", "cite"})
#: Blocks that may be a box of teasers, and how much of a box's text in links makes it one.
_BOXES = frozenset({"div", "section", "article", "header", "aside", "details", "center"})
_LINKED_BOX = 0.5
#: Names of what is never the article's text, even in a block another site marks as its body.
_NEVER_BODY = frozenset(
    {
        "related",
        "share",
        "sharing",
        "comments",
        "advert",
        "advertisement",
        "newsletter",
        "outbrain",
        "taboola",
        "recommended",
    }
)


#: A link to a page to log in, register or subscribe, by the words of its path.
_ACCOUNT_LINK = re.compile(
    r"(?:^|[/_.?=&-])(?:log-?in|sign-?in|sign-?up|register|registration|subscribe|subscription)"
    r"(?:$|[/_.?=&-])",
    re.IGNORECASE,
)


_ORIGIN = re.compile(r"^\s*(?:[A-Za-z][A-Za-z0-9+.-]*:)?//[^/?#]*")


def _path(href: str) -> str:
    """The path of a link's address: without its scheme and host, query and fragment."""
    return _ORIGIN.sub("", href, count=1).split("?", 1)[0].split("#", 1)[0]


def _account_holders(scope: HtmlElement | None) -> set[HtmlElement]:
    """The elements under ``scope`` that hold a link to an account page (each found once)."""
    found: set[HtmlElement] = set()
    if scope is None:
        return found
    for link in scope.iter("a"):
        href = link.get("href")
        if not href or not _ACCOUNT_LINK.search(_path(href)):
            continue
        for holder in link.iterancestors():
            if holder is scope or holder in found:
                break
            found.add(holder)
    return found


def _never_body(element: HtmlElement) -> bool:
    return (
        element.tag == "aside"
        or _aside(element)
        or not _NEVER_BODY.isdisjoint(class_tokens(element))
    )


def _card(element: HtmlElement, name: str) -> bool:
    """True for a link around a heading or a paragraph: a teaser or a banner, not a link in text.

    A link in a sentence holds words; one that holds a block of text of its own is a card
    that leads elsewhere ("Get the latest news in your inbox. Sign up").
    """
    return name == "a" and next(element.iter(*_CARD_BLOCKS), None) is not None


_CARD_BLOCKS = ("h1", "h2", "h3", "h4", "h5", "h6", "p")


#: A byline or a date line holds at most this many characters of text.
_HEADER_LINE = 100


def _aside(element: HtmlElement) -> bool:
    """True for what HTML and ARIA mark as beside the text: an author's contact, a side box.

    An ``<address>`` (the contact of the article's author: the byline) and an element whose
    role is ``complementary`` (as an ``<aside>``: a fact box, a box of links).
    """
    return element.tag == "address" or element.get("role") == "complementary"


#: A paragraph this long met twice on another site's page is a repeat (shorter ones, a
#: refrain or "More to come", may well be the article's own).
_REPEATED = 100


#: A paragraph longer than this is no credit line.
_CREDIT_LINE_CHARS = 120
_IMAGE_SOURCES = ("src", "data-src", "data-original", "data-lazy-src", "srcset", "data-srcset")
_UNUSABLE_EMBED = Dropped(
    "element",
    "embed without an http(s) address (its caption kept as text)",
    "embeds without an http(s) address (their captions kept as text)",
)
_UNUSABLE_IMAGE = Dropped(
    "image",
    "image without an http(s) address (its caption kept as text)",
    "images without an http(s) address (their captions kept as text)",
)


def _held_player(figure: HtmlElement) -> bool:
    """Whether a figure held a player (a frame, a video, an object), dropped from the page."""
    return any(marker.get("data-dropped") for marker in figure.iter("hr"))


def _who(caption: HtmlElement | None, quote: HtmlElement, figure: HtmlElement) -> str | None:
    """Who is quoted, by the caption of a figure around a quote (not one in the quote)."""
    if caption is None:
        return None
    for holder in caption.iterancestors():
        if holder is quote:
            return None
        if holder is figure:
            break
    return _DASHES.sub("", text_of(caption)) or None


#: The dash before the name of who is quoted ("— Mayor"), and the spaces around it.
_DASHES = re.compile(r"^[\s\-\u2012-\u2015]+")


def _has_image_source(element: HtmlElement) -> bool:
    """True when an element is or holds an image that names a source of any kind."""
    candidates = [element] if element.tag == "img" else element.iter("img", "source")
    return any((img.get(attr) or "").strip() for img in candidates for attr in _IMAGE_SOURCES)
