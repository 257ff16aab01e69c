"""Read an :class:`~newsmodel.Article` from an HTML page: ours, or any real article page.

Three steps: the sources (:mod:`newsmodel.html._sources`: microdata on the article, JSON-LD,
``<meta>`` tags, the head) each fill their record of candidates; the choosers
(:mod:`newsmodel.html._choose`) decide each field, metadata first and then what the visible page
says (``<h1>``, ``<time>``, bylines, date text); the body comes from the main content (see
:mod:`newsmodel.html._extract`). This module runs them and builds the article.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import attrs
from lxml import html as lxml_html

from newsmodel._models import Article, Attribution, Section
from newsmodel._warnings import counted, issue
from newsmodel.errors import LossyConversionWarning, ParseError, ValidationError
from newsmodel.html._choose import (
    Page,
    choose_attributions,
    choose_headline,
    choose_language,
    choose_lede,
    choose_published,
    choose_rubrics,
    choose_sections,
    choose_site,
    choose_tags,
    choose_updated,
    choose_url,
    choose_version,
)
from newsmodel.html._extract import REPORTED, BodyReader
from newsmodel.html._lines import (
    without_byline_lines,
    without_closing_labels,
    without_date_lines,
    without_repeats,
)
from newsmodel.html._main import find_main, sibling_run
from newsmodel.html._metadata import find_article_item, meta_tags
from newsmodel.html._own import read_own
from newsmodel.html._page import SUBTITLE_TAGS, first_h1, visible_lede
from newsmodel.html._parse import check_max_depth, drop_non_text, parse_page
from newsmodel.html._sources import Sources
from newsmodel.html._texts import Texts, text_of
from newsmodel.html._values import lossy

if TYPE_CHECKING:
    from datetime import tzinfo

    from newsmodel.html._newsroom import Newsroom

__all__ = ["read"]

_FORMAT = "html"
HtmlElement = lxml_html.HtmlElement


def read(
    data: str | bytes,
    *,
    url: str | None,
    encoding: str | None,
    tz: tzinfo,
    max_bytes: int,
    max_tag_chars: int,
    max_depth: int,
    strict: bool = False,
    direct: bool = True,
) -> Article:
    """Read an article from a page; see :func:`newsmodel.html.loads`.

    A page newsmodel wrote is read straight from its markup (:mod:`newsmodel.html._own`),
    to the same article; ``direct=False`` reads it as any other page.
    """
    check_max_depth(max_depth)
    root, page_notes = parse_page(
        data,
        encoding=encoding,
        max_bytes=max_bytes,
        max_tag_chars=max_tag_chars,
        max_depth=max_depth,
    )
    own = read_own(root, url=url, tz=tz) if direct else None
    if own is not None:
        sources, page, sections = own
        site = choose_site(sources)
        headline = choose_headline(sources, page, site)
        visible_text, body_reader = None, None
    else:
        sources, page, site, headline, visible_text, body_reader, sections = _read_page(
            root, url=url, tz=tz
        )
    sections = choose_sections(sources, sections)
    first_text = _first_paragraph_text(sections)
    sections = without_date_lines(page, sections)
    lede, sections = choose_lede(sources, page, visible_text, sections)
    attributions, lede = choose_attributions(sources, page, site, lede, first_text)
    sections, attributions = _tidy(page, sections, attributions, body_reader)
    published = choose_published(sources, page, url)
    fields: dict[str, Any] = {
        "headline": headline,
        "lede": lede,
        "sections": sections,
        "attributions": attributions,
        "published": published,
        "updated": choose_updated(sources, published),
        "rubrics": choose_rubrics(sources, headline, site),
        "tags": choose_tags(sources),
        "subjects": sources.microdata.subjects or sources.json_ld.subjects,
        "site": site,
        "url": choose_url(sources, url),
        "guid": sources.microdata.guid or sources.json_ld.guid,
        "version": choose_version(sources),
        "dateline": sources.microdata.dateline or sources.json_ld.dateline,
        "place": sources.microdata.place or sources.json_ld.place,
        "image": sources.microdata.image or sources.json_ld.image or sources.meta.image,
        "extra": _extra(sources),
    }
    if language := choose_language(sources):
        fields["language"] = language
    if sources.microdata.slug:
        fields["slug"] = sources.microdata.slug
    fields.update(_newsroom(sources.newsroom))
    notes = list(page_notes)
    if body_reader is not None:
        notes += _body_notes(body_reader, page.container, sections)
    not_article = _not_an_article(sources, page, sections)
    if not_article is not None:
        if strict:
            raise ParseError(_FORMAT, f"not an article page: {not_article}")
        notes.append(lossy("page", f"read as an article, but {not_article}", lost="page"))
    article = _build(fields, notes)
    for note in notes:
        issue(note)
    return article


def _tidy(
    page: Page,
    sections: list[Section],
    attributions: list[Attribution],
    body_reader: BodyReader | None,
) -> tuple[list[Section], list[Attribution]]:
    """The sections and credits tidied: lines that are no text out, pictures' credits in.

    The sections without repeats, the byline lines they start with and the labels they end
    with; the credits with those of the pictures the body met as lines (on another's page).
    """
    sections = without_repeats(page, sections, body_reader.ends if body_reader else {})
    sections = without_byline_lines(page, sections, attributions)
    if body_reader is None:
        return without_closing_labels(page, sections, attributions), attributions
    sections = without_closing_labels(page, sections, attributions, body_reader.captions)
    return sections, _with_credits(attributions, body_reader.credits)


def _read_page(
    root: HtmlElement, *, url: str | None, tz: tzinfo
) -> tuple[Sources, Page, str | None, str, str | None, BodyReader, list[Section]]:
    """Read any page: its sources, the page, site, headline, standfirst and body.

    Returns the sources, the page, the site and the headline, the standfirst's text (when the
    page's visible standfirst is its lede), the body's reader and the body's sections.
    """
    sources, page, body_el = _read_sources(root, url=url, tz=tz)
    site = choose_site(sources)
    headline = choose_headline(sources, page, site)
    # A subtitle heading under the <h1> is taken out of the tree: it is the standfirst, not the
    # heading of the body's first section.
    standfirst = visible_lede(page.container, page.h1, page.texts) if page.item is None else None
    visible_text = None
    if standfirst is not None:
        lede_el, visible_text = standfirst
        if lede_el.tag in SUBTITLE_TAGS and lede_el.getparent() is not None:
            lede_el.drop_tree()
            page = attrs.evolve(page, texts=Texts(root))  # the tree changed
    body_reader, read_from = _body_reader(sources, page, body_el)
    sections = _read_body(body_reader, read_from)
    return sources, page, site, headline, visible_text, body_reader, sections


def _read_sources(
    root: HtmlElement, *, url: str | None, tz: tzinfo
) -> tuple[Sources, Page, HtmlElement | None]:
    """Run the sources, drop what is not text, and find the page's parts.

    Returns the sources, the page and the microdata's ``articleBody`` (if any).
    """
    sources = Sources(root, url=url, tz=tz)
    sources.read_head()
    item = find_article_item(root)
    # A page newsmodel wrote carries every field (attributions included) in its microdata;
    # its JSON-LD and meta tags only repeat them for search engines, and nothing on it is
    # guessed.
    own = item is not None and item.get("data-version") is not None
    body_el = sources.read_microdata(item) if item is not None else None
    if not own:
        # JSON-LD lives in scripts, which are dropped below: read it first. The scripts and
        # the <meta> tags are found in one walk of the tree.
        found = list(root.iter("script", "meta"))
        sources.read_json_ld(
            [
                s.text or ""
                for s in found
                if s.tag == "script"
                and (s.get("type") or "").split(";")[0].strip().lower() == "application/ld+json"
            ]
        )
        sources.read_meta(meta_tags(e for e in found if e.tag == "meta"))
    drop_non_text(root)
    texts = Texts(root)
    if body_el is not None and (
        body_el.tag == "meta" or (not own and texts.short(body_el, 0) is not None)
    ):
        body_el = None  # a summary in a <meta>, or an empty mark on another site's page
    container = body_el
    if container is None:
        body = root.find("body")
        container = find_main(body if body is not None else root, texts)
    h1 = first_h1(root, item, texts)
    page = Page(root, item, container, h1, texts, sources.zone, own=own)
    return sources, page, body_el


def _body_reader(
    sources: Sources, page: Page, body_el: HtmlElement | None
) -> tuple[BodyReader, HtmlElement | None]:
    """The reader of the body, and the element it reads."""
    trusted = page.container is not None and page.container is body_el
    read_from, keep, skip = _scope(page, trusted=trusted)
    reader = BodyReader(
        sources.base,
        trusted=trusted,
        marked=trusted and not page.own,
        keep=keep,
        skip=skip,
        texts=page.texts,
    )
    return reader, read_from


def _scope(
    page: Page, *, trusted: bool
) -> tuple[HtmlElement | None, frozenset[HtmlElement], frozenset[HtmlElement]]:
    """Where the body is read: the element, what is kept whatever its names, what is skipped.

    The main content, or when the article is cut into blocks of one kind (see
    :func:`~newsmodel.html._main.sibling_run`) their parent, from the first block to the last.
    """
    keep = _bulk(page.container, page.texts)
    run = None if trusted or page.container is None else sibling_run(page.container, page.texts)
    if run is None:
        return page.container, keep, frozenset()
    parent, kept = run
    named = set(kept)
    children = list(parent)
    blocks = [index for index, child in enumerate(children) if child in named]
    skip = frozenset(children[: blocks[0]] + children[blocks[-1] + 1 :])
    return parent, keep | named, skip


def _bulk(container: HtmlElement | None, texts: Texts) -> frozenset[HtmlElement]:
    """The blocks down from the main content that hold most of its text in paragraphs.

    At most ``_BULK_LEVELS`` levels down, each counting its paragraphs once: linear.
    """
    found: list[HtmlElement] = []
    element = container
    for _ in range(_BULK_LEVELS):
        if element is None:
            break
        total = texts.lengths(element)[0]
        element = max(element, key=lambda child: texts.lengths(child)[0], default=None)
        if element is None or 2 * texts.lengths(element)[0] < total or total == 0:
            break
        paragraphs = sum(1 for p in element.iter("p") if texts.lengths(p)[0] >= _LONG_PARAGRAPH)
        if paragraphs < _BULK_PARAGRAPHS:
            break
        found.append(element)
    return frozenset(found)


_BULK_LEVELS = 6
_BULK_PARAGRAPHS = 3
_LONG_PARAGRAPH = 100


def _read_body(body_reader: BodyReader, container: HtmlElement | None) -> list[Section]:
    """The sections of the main content; what the page marked as dropped is counted."""
    if container is None:
        return []
    sections = body_reader.read(container)
    for hr in container.iter("hr"):
        dropped = hr.get("data-dropped")
        if dropped:
            body_reader.dropped[REPORTED.get(dropped, REPORTED["object"])] += 1
    return sections


def _body_notes(
    body_reader: BodyReader, container: HtmlElement | None, sections: list[Section]
) -> list[LossyConversionWarning]:
    """What the body lost: dropped elements, links with a refused scheme, a body not found."""
    notes = []
    if container is not None and not sections and text_of(container):
        tag = container.tag if isinstance(container.tag, str) else "element"
        message = f"the main content (<{tag}>) has text but gave no body"
        notes.append(lossy("body", message, lost=f"<{tag}>"))
    for what, n in sorted(body_reader.dropped.items()):
        message = f"dropped from the body: {counted(n, what.singular, what.plural)}"
        notes.append(lossy(what.kind, message, lost=what.singular, count=n))
    for scheme, n in sorted(body_reader.bad_links.items()):
        message = f"{counted(n, f'{scheme}: link')} kept as plain text (scheme not allowed)"
        notes.append(lossy("link", message, lost=f"{scheme}:", count=n))
    return notes


#: An article's body holds at least this many characters of text, not mostly links ...
_SHORTEST_BODY = 600
#: ... or the page around it is not mostly links (a listing, a home page, a site map).
_MOST_LINKS = 0.5


def _not_an_article(sources: Sources, page: Page, sections: list[Section]) -> str | None:
    """Why the page looks like no article (a listing of links, a home page), or ``None``.

    Only a page that says nowhere it is an article (no article item, JSON-LD article or
    OpenGraph type ``article``), whose body is short or mostly links, and whose text is mostly
    links.
    """
    if page.item is not None or sources.json_ld.article or sources.meta.kind == "article":
        return None
    length = sum(len(section.text) for section in sections)
    container = page.container
    if length >= _SHORTEST_BODY and (
        container is None or page.texts.link_density(container) < _MOST_LINKS
    ):
        return None  # a long body that is not a list of links
    body = page.root.find("body")
    density = page.texts.link_density(body if body is not None else page.root)
    if density < _MOST_LINKS:
        return None
    return (
        f"it looks like no article: {length} characters of body text, {density:.0%} of the"
        " page's text in links, and no article metadata"
    )


def _extra(sources: Sources) -> list[tuple[str, str]]:
    """The writer's explicit extra fields, then what else the page gave that the model lacks."""
    explicit = set(sources.explicit_extra)
    return sources.explicit_extra + [p for p in _unique_pairs(sources.extra) if p not in explicit]


def _newsroom(newsroom: Newsroom) -> dict[str, Any]:
    """The newsroom's fields the page gave, so that the model's defaults hold for the rest."""
    given: dict[str, Any] = {
        "urgency": newsroom.urgency,
        "embargo": newsroom.embargo,
        "first_created": newsroom.first_created,
        "version_created": newsroom.version_created,
        "pub_status": newsroom.pub_status,
        "editorial_note": newsroom.editorial_note,
        "slugline": newsroom.slugline,
        "signals": newsroom.signals,
        "correction": newsroom.correction,
        "genres": newsroom.genres,
        "rights": newsroom.rights,
    }
    return {name: value for name, value in given.items() if value is not None}


def _build(fields: dict[str, Any], notes: list[LossyConversionWarning]) -> Article:
    """The article; a field the model refuses is left out (and reported), not fatal."""
    for _ in range(len(fields) + 1):
        try:
            return Article(**fields)
        except ValidationError as exc:  # noqa: PERF203
            name = exc.field.split("[")[0].split(".")[0]
            if name == "headline" or name not in fields:
                raise ParseError(_FORMAT, str(exc)) from None
            notes.append(
                lossy("field", f"{name} left out: {exc.reason}", lost=name, path=exc.field)
            )
            fields.pop(name)
    raise ParseError(_FORMAT, "no valid article could be built")  # pragma: no cover


def _with_credits(
    attributions: list[Attribution], picture_credits: list[Attribution]
) -> list[Attribution]:
    """The attributions, then the pictures' credits the body gave that name someone new."""
    named = {(a.name.casefold(), a.role) for a in attributions}
    out = list(attributions)
    for credit in picture_credits:
        key = (credit.name.casefold(), credit.role)
        if key not in named:
            named.add(key)
            out.append(credit)
    return out


def _unique_pairs(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    seen = set()
    out = []
    for pair in pairs:
        if pair not in seen:
            seen.add(pair)
            out.append(pair)
    return out


def _first_paragraph_text(sections: list[Section]) -> str | None:
    for section in sections:
        for block in section.blocks:
            if hasattr(block, "content"):
                return str(block.text)
    return None
