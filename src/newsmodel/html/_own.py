"""Read a page newsmodel wrote straight from its markup.

:func:`newsmodel.html.dumps` writes one ``<article>`` typed as a schema.org ``NewsArticle``,
marked with the model's ``data-version``, whose microdata carries every field, in a few fixed
forms: a header of classed parts in one order, a body of ``<section>`` elements holding
paragraphs, lists, quotes, tables and figures, a footer of tags, subjects and the newsroom's
fields. Such a page is read here in one walk of the article, with none of the page rules the
general reader needs for other sites (main content, link density, boilerplate, bylines,
JSON-LD).

Every element is checked against the forms the writer writes: its name, its attributes and
where it stands, and text only where the writer puts text. The first that differs (a page
of another site that copies the marks, a page edited by hand, an embed) sends the page to the
general reader, which reads it whole: :func:`read_own` then returns ``None``. What is read
goes through the functions the general reader uses for the same markup (the microdata
properties, credits, captions, dates, links, the model's constructors), and the article is
decided by the same choosers, so a page read here gives the article the general reader gives.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsmodel.errors import ValidationError
from newsmodel.html._choose import Page
from newsmodel.html._newsroom import read_newsroom
from newsmodel.html._ownbody import (
    SCHEMA,
    NotOwn,
    OwnBody,
    check_credit,
    check_figure,
    elements,
    item_marks,
    marks_are,
    names_are,
    one_element,
    plain,
    text_only,
)
from newsmodel.html._sources import Sources
from newsmodel.html._texts import Texts, text_of

if TYPE_CHECKING:
    from datetime import tzinfo

    from lxml.html import HtmlElement

    from newsmodel._models import Section
    from newsmodel.html._metadata import Item

__all__ = ["read_own"]

_HEAD_TAGS = frozenset({"meta", "title", "link", "script"})


def read_own(
    root: HtmlElement, *, url: str | None, tz: tzinfo
) -> tuple[Sources, Page, list[Section]] | None:
    """The sources, page and body of a page newsmodel wrote; ``None`` for any other page.

    Reads without changing the tree, so that the general reader can read it next.
    """
    try:
        return _OwnPage(root, url=url, tz=tz).read()
    except (NotOwn, ValidationError):
        return None


class _OwnPage:
    """One page's article, read part by part; each part refuses what the writer never writes."""

    def __init__(self, root: HtmlElement, *, url: str | None, tz: tzinfo) -> None:
        self.root = root
        self.sources = Sources(root, url=url, tz=tz)
        #: the microdata properties of the article, in page order
        self.properties: Item = []
        #: the elements the newsroom's fields are read from, in page order
        self.newsroom: list[HtmlElement] = []
        self.h1: HtmlElement | None = None
        self.extra: HtmlElement | None = None

    def read(self) -> tuple[Sources, Page, list[Section]]:
        item = self.article()
        children = elements(item)
        if len(children) not in (2, 3):
            raise NotOwn
        header, body = children[:2]
        plain(header, "header")
        self.header(header)
        if body.tag != "div":
            raise NotOwn
        marks_are(body, [("class", "body"), ("itemprop", "articleBody")])
        self.properties.append(("articleBody", body))
        if len(children) == 3:  # noqa: PLR2004 - the footer
            plain(children[2], "footer")
            self.footer(children[2])
        sections = OwnBody(self.sources.base).sections(body)
        if not sections and text_of(body):
            raise NotOwn  # the general reader reports a body it could not read
        sources = self.sources
        sources.read_head()
        sources.read_item(item)
        sources.read_properties(self.properties)
        if self.extra is not None:
            sources.read_extra(self.extra)
        sources.newsroom = read_newsroom(self.newsroom)
        page = Page(self.root, item, body, self.h1, Texts(self.root), sources.zone, own=True)
        return sources, page, sections

    def article(self) -> HtmlElement:
        """The page's one ``<article>``: the whole of its ``<body>``."""
        root = self.root
        if root.tag != "html" or not set(root.keys()) <= {"lang"}:
            raise NotOwn
        parts = elements(root)
        if len(parts) == 2:  # noqa: PLR2004 - a page; a fragment has no head
            head, body = parts
            plain(head, "head")
            for child in head:
                if child.tag not in _HEAD_TAGS or child.get("itemscope") is not None:
                    raise NotOwn
        elif len(parts) == 1:
            body = parts[0]
        else:
            raise NotOwn
        plain(body, "body")
        item = one_element(body)
        if item.tag != "article":
            raise NotOwn
        names_are(item, ["itemscope", "itemtype", "lang"], ("data-slug",), ["data-version"])
        if item.get("itemscope") != "" or item.get("itemtype") != f"{SCHEMA}NewsArticle":
            raise NotOwn
        return item

    # -- the header -----------------------------------------------------------------------

    def header(self, header: HtmlElement) -> None:
        """The header's parts, each at most once and in the writer's order."""
        last = -1
        for part in elements(header):
            tag = str(part.tag)  # elements() keeps elements alone
            name = f"{tag}.{part.get('class')}" if tag in {"p", "ul", "figure"} else tag
            order = _HEADER_ORDER.get(name, -1)
            if order <= last:
                raise NotOwn
            last = order
            _HEADER_PARTS[order](self, part)

    def prop(self, el: HtmlElement, attrs: list[tuple[str, str]]) -> None:
        """A text-only property element; its property is the last of ``attrs``."""
        marks_are(el, attrs)
        self.properties.append((attrs[-1][1], text_only(el)))

    def scoped(self, el: HtmlElement, kind: str, prop: str) -> None:
        """An item holding its name alone: the site, the place."""
        marks_are(el, [("class", el.get("class") or ""), ("itemprop", prop), *item_marks(kind)])
        name = one_element(el)
        marks_are(text_only(name), [("itemprop", "name")])
        # Its name, which gives what the item gives (Sources.scoped_name), without a walk.
        self.properties.append((prop, name))

    def site(self, el: HtmlElement) -> None:
        self.scoped(el, "WebSite", "isPartOf")

    def place(self, el: HtmlElement) -> None:
        self.scoped(el, "Place", "contentLocation")

    def listed(self, el: HtmlElement, prop: str) -> None:
        """A list of text-only properties: rubrics, tags."""
        marks_are(el, [("class", el.get("class") or "")])
        for li in elements(el):
            if li.tag != "li":
                raise NotOwn
            self.prop(li, [("itemprop", prop)])

    def rubrics(self, el: HtmlElement) -> None:
        self.listed(el, "articleSection")

    def headline(self, el: HtmlElement) -> None:
        self.prop(el, _HEADLINE)
        self.h1 = el

    def lede(self, el: HtmlElement) -> None:
        self.prop(el, _LEDE)

    def dates(self, el: HtmlElement) -> None:
        marks_are(el, [("class", "dates")])
        children = elements(el)
        if children and children[0].tag == "time":
            self.time(children.pop(0), "datePublished")
        if children:
            updated = children.pop(0)
            if updated.tag != "span" or children:
                raise NotOwn
            marks_are(updated, [("class", "updated")])
            time = updated[0] if len(updated) == 1 else None
            if time is None or time.tag != "time":
                raise NotOwn
            self.time(time, "dateModified")

    def time(self, el: HtmlElement, prop: str) -> None:
        marks_are(el, [("itemprop", prop), ("datetime", el.get("datetime") or "")])
        self.properties.append((prop, text_only(el)))

    def byline(self, el: HtmlElement) -> None:
        # The text between the credits (", ") is not read: each credit is its own item.
        marks_are(el, [("class", "byline")])
        for credit in el:
            check_credit(credit, microdata=True)
            self.properties.append((credit.get("itemprop") or "", credit))

    def correction(self, el: HtmlElement) -> None:
        marks_are(el, [("class", "correction"), ("role", "note")])
        self.newsroom.append(text_only(el))

    def dateline(self, el: HtmlElement) -> None:
        self.prop(el, _DATELINE)

    def url(self, el: HtmlElement) -> None:
        marks_are(el, [("itemprop", "url"), ("href", el.get("href") or "")])
        self.properties.append(("url", el))

    def identifier(self, el: HtmlElement) -> None:
        marks_are(el, [("itemprop", "identifier"), ("content", el.get("content") or "")])
        self.properties.append(("identifier", el))

    def image(self, el: HtmlElement) -> None:
        marks_are(el, [("class", "lead"), ("itemprop", "image"), *item_marks("ImageObject")])
        check_figure(el, "contentUrl", "caption")
        self.properties.append(("image", el))

    # -- the footer -----------------------------------------------------------------------

    def footer(self, footer: HtmlElement) -> None:
        """The footer's parts, each at most once and in the writer's order."""
        last = -1
        for part in elements(footer):
            name = f"{part.tag!s}.{part.get('class')}"
            order = _FOOTER_ORDER.get(name, -1)
            if order <= last:
                raise NotOwn
            last = order
            if order == 0:
                self.listed(part, "keywords")
            elif order == 1:
                self.subjects(part)
            elif order == 2:  # noqa: PLR2004
                _genres(part)
                self.newsroom.append(part)
            elif order == 3:  # noqa: PLR2004
                _rights(part)
                self.newsroom.append(part)
            else:
                marks_are(part, [("class", part.get("class") or ""), ("hidden", "")])
                _pairs(part)
                if order == 4:  # noqa: PLR2004
                    self.newsroom.append(part)
                else:
                    self.extra = part

    def subjects(self, el: HtmlElement) -> None:
        marks_are(el, [("class", "subjects")])
        for li in elements(el):
            if li.tag != "li":
                raise NotOwn
            marks_are(li, [("itemprop", "about"), *item_marks("DefinedTerm")])
            parts = elements(li)
            if not parts or parts[0].tag != "meta":
                raise NotOwn
            marks_are(
                parts[0], [("itemprop", "termCode"), ("content", parts[0].get("content") or "")]
            )
            rest = parts[1:]
            if rest and rest[0].get("itemprop") is not None:
                label = text_only(rest.pop(0))
                if label.tag != "span":
                    raise NotOwn
                marks_are(label, [("itemprop", "name")])
            for span in rest:
                if span.tag != "span":
                    raise NotOwn
                marks_are(
                    span, [("class", "name-in"), ("lang", span.get("lang") or ""), ("hidden", "")]
                )
                text_only(span)
            self.properties.append(("about", li))


_HEADLINE = [("itemprop", "headline")]
_LEDE = [("class", "lede"), ("itemprop", "description")]
_DATELINE = [("class", "dateline"), ("itemprop", "dateline")]
_HEADER_PARTS = (
    _OwnPage.site,
    _OwnPage.rubrics,
    _OwnPage.headline,
    _OwnPage.lede,
    _OwnPage.dates,
    _OwnPage.byline,
    _OwnPage.correction,
    _OwnPage.dateline,
    _OwnPage.place,
    _OwnPage.url,
    _OwnPage.identifier,
    _OwnPage.image,
)
_HEADER_ORDER = {
    name: index
    for index, name in enumerate(
        (
            "p.site",
            "ul.rubrics",
            "h1",
            "p.lede",
            "p.dates",
            "p.byline",
            "p.correction",
            "p.dateline",
            "p.place",
            "link",
            "meta",
            "figure.lead",
        )
    )
}
_FOOTER_ORDER = {
    name: index
    for index, name in enumerate(
        ("ul.tags", "ul.subjects", "ul.genres", "p.rights", "dl.internal", "dl.extra")
    )
}


def _genres(el: HtmlElement) -> None:
    marks_are(el, [("class", "genres")])
    for li in elements(el):
        code = li.get("data-code") or ""
        if li.tag != "li":
            raise NotOwn
        marks = [("data-code", code)]
        marks_are(text_only(li), [("class", "code"), *marks] if li.get("class") else marks)


def _rights(el: HtmlElement) -> None:
    marks_are(el, [("class", "rights")])
    spans = elements(el)
    names = [span.get("class") for span in spans]
    if names not in (["notice"], ["holder"], ["notice", "holder"]):
        raise NotOwn
    for span in spans:
        if span.tag != "span":
            raise NotOwn
        marks_are(text_only(span), [("class", span.get("class") or "")])


def _pairs(dl: HtmlElement) -> None:
    """A ``<dl>`` of terms and their values, text only."""
    children = elements(dl)
    if len(children) % 2:
        raise NotOwn
    for index, child in enumerate(children):
        plain(text_only(child), "dd" if index % 2 else "dt")
