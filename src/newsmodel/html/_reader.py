"""Read an :class:`~newsmodel.Article` from an HTML page: ours, or any real article page.

Order of reading, for every field: the page's own microdata on the article (``itemprop`` and the
``data-`` marks the writer adds), then JSON-LD, then OpenGraph and ``<meta>`` tags, then what the
visible page says (``<h1>``, ``<time>``, bylines, Russian date text). The body comes from the
main content (see :mod:`newsmodel.html._extract`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from lxml import html as lxml_html

from newsmodel._models import Article, Role, Section
from newsmodel._warnings import counted, issue
from newsmodel.errors import LossyConversionWarning, ParseError, ValidationError
from newsmodel.html._choose import (
    Page,
    choose_attributions,
    choose_language,
    choose_published,
    choose_url,
    choose_version,
)
from newsmodel.html._extract import (
    REPORTED,
    BodyReader,
)
from newsmodel.html._main import find_main
from newsmodel.html._metadata import (
    find_article_item,
    meta_tags,
)
from newsmodel.html._page import (
    SUBTITLE_TAGS,
    first_h1,
    kicker_of,
    similar,
    strip_site,
    text_without,
    visible_lede,
)
from newsmodel.html._parse import (
    check_max_depth,
    drop_non_text,
    parse_page,
)
from newsmodel.html._sources import Fields, Sources
from newsmodel.html._texts import Texts, text_of
from newsmodel.html._values import clean, lossy, unique

if TYPE_CHECKING:
    from datetime import tzinfo

__all__ = ["read"]

_FORMAT = "html"
HtmlElement = lxml_html.HtmlElement


def read(  # noqa: C901, PLR0912, PLR0915 - one field after another
    data: str | bytes,
    *,
    url: str | None,
    encoding: str | None,
    tz: tzinfo,
    max_bytes: int,
    max_tag_chars: int,
    max_depth: int,
) -> Article:
    """Read an article from a page; see :func:`newsmodel.html.loads`."""
    check_max_depth(max_depth)
    root, page_notes = parse_page(
        data,
        encoding=encoding,
        max_bytes=max_bytes,
        max_tag_chars=max_tag_chars,
        max_depth=max_depth,
    )
    reader = Sources(root, url=url, tz=tz)
    f = reader.fields
    reader.head()
    item = find_article_item(root)
    # A page newsmodel wrote carries every field (attributions included) in its microdata;
    # its JSON-LD and meta tags only repeat them for search engines, and nothing on it is
    # guessed.
    own = item is not None and item.get("data-version") is not None
    body_el = reader.microdata(item) if item is not None else None
    if not own:
        # JSON-LD lives in scripts, which are dropped below: read it first.
        reader.json_ld(
            [
                s.text or ""
                for s in root.iter("script")
                if (s.get("type") or "").split(";")[0].strip().lower() == "application/ld+json"
            ]
        )
        reader.meta(meta_tags(root))

    drop_non_text(root)

    texts = Texts(root)
    container = body_el
    if container is None:
        body = root.find("body")
        container = find_main(body if body is not None else root, texts)
    h1 = first_h1(root, item, texts)

    # headline
    credited_publishers = {a.name for a in reader.attributions if a.role is Role.PUBLISHER}
    site = (
        f.first("site")
        or f.first("site_og")
        or next(
            (s for s in f.values.get("site_fallback", []) if s not in credited_publishers), None
        )
    )
    headline = f.first("headline")
    h1_text = text_of(h1) if h1 is not None else None
    kicker = kicker_of(h1, texts) if h1 is not None and item is None else None
    if h1 is not None and kicker is not None:
        # "Klimaschutz: Bohren, bis es heiß wird": the kicker above a headline is not part of it
        reader.extra.append(("html:kicker", text_of(kicker)))
        h1_text = text_without(h1, kicker) or h1_text
    og_title = f.first("headline_og")
    title = f.first("title")
    if headline is None:
        for candidate in (og_title, h1_text, title):
            if candidate:
                headline = strip_site(candidate, site) if candidate is not h1_text else candidate
                break
    if headline is None:
        raise ParseError(_FORMAT, "no headline: the page has no title, h1 or article metadata")
    if h1_text and headline != h1_text:
        cut = headline.rstrip(".… ")
        if (similar(headline, h1_text) and len(h1_text) <= len(headline)) or (
            cut != headline and h1_text.startswith(cut)
        ):
            headline = h1_text

    # A subtitle heading under the <h1> is taken out of the tree: it is the standfirst, not the
    # heading of the body's first section.
    standfirst = visible_lede(container, h1, texts) if item is None else None
    visible_text = None
    if standfirst is not None:
        lede_el, visible_text = standfirst
        if lede_el.tag in SUBTITLE_TAGS and lede_el.getparent() is not None:
            lede_el.drop_tree()
            texts = Texts(root)  # the tree changed

    # body
    body_reader = BodyReader(reader.base, trusted=container is not None and container is body_el)
    sections: list[Section] = []
    if container is not None:
        sections = body_reader.read(container)
        for hr in container.iter("hr"):
            dropped = hr.get("data-dropped")
            if dropped:
                body_reader.dropped[REPORTED.get(dropped, REPORTED["object"])] += 1

    # A page whose visible body is missing (rendered by script) may still carry the text in
    # its JSON-LD articleBody.
    ld_body = f.first("article_body")
    if ld_body and len(ld_body) > 2 * sum(len(s.text) for s in sections):
        sections = [Section(blocks=[p for p in re.split(r"\n\s*\n|\n", ld_body) if p.strip()])]
        sections = [Section(blocks=[ld_body])] if not sections[0].blocks else sections

    # lede
    lede = f.first("lede")
    if item is None:
        lede = visible_text or lede or f.first("lede_meta")
    first_text = _first_paragraph_text(sections)
    if lede and first_text and _prefix(lede, first_text):
        lede = None if item is None else lede

    page = Page(root, item, container, h1, texts, reader.zone, own=own)
    attributions, lede = choose_attributions(reader, page, site, lede, first_text)

    published = choose_published(f, page, url)
    updated = f.first("updated") or f.first("updated_meta")
    if (
        updated is not None
        and published is not None
        and type(updated) is type(published)  # a date alone and a date-time do not compare
        and updated < published
    ):
        # The model holds no update before publication: the page's value is kept aside.
        reader.extra.append(("html:dateModified", updated.isoformat()))
        updated = None

    rubrics = _merge_lists(f, "rubric", "rubrics_ld", "rubrics_og") or _breadcrumb_rubrics(
        f.first("breadcrumbs"), headline, site
    )
    tags = _merge_lists(f, "tag", "tags_ld", "tags_meta")
    subjects = f.values.get("subject") or f.values.get("subject_ld") or []
    language = choose_language(f)
    page_url = choose_url(f, reader.base, url)
    image = f.first("image") or f.first("image_ld") or f.first("image_og")
    version = choose_version(f)
    slug = f.first("slug")

    notes = list(page_notes)
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
    explicit_extra = set(reader.explicit_extra)
    fields: dict[str, Any] = {
        "headline": headline,
        "lede": lede,
        "sections": sections,
        "attributions": attributions,
        "published": published,
        "updated": updated,
        "rubrics": rubrics,
        "tags": tags,
        "subjects": subjects,
        "site": site,
        "url": page_url,
        "guid": f.first("guid"),
        "version": version,
        "dateline": f.first("dateline"),
        "place": f.first("place"),
        "image": image,
        "extra": reader.explicit_extra
        + [p for p in _unique_pairs(reader.extra) if p not in explicit_extra],
        **reader.newsroom,
    }
    if language:
        fields["language"] = language
    if slug:
        fields["slug"] = slug
    article = _build(fields, notes)
    for note in notes:
        issue(note)
    return article


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


_HOME = frozenset({"home", "главная", "startseite", "accueil", "inicio", "головна", "басты бет"})


def _breadcrumb_rubrics(items: object, headline: str, site: str | None) -> list[str]:
    """The rubrics a schema.org ``BreadcrumbList`` names, but the home page and the article."""
    if not isinstance(items, list):
        return []
    named: list[tuple[float, str]] = []
    for index, entry in enumerate(items[:20]):
        if not isinstance(entry, dict):
            continue
        item = entry.get("item")
        name = entry.get("name")
        if name is None and isinstance(item, dict):
            name = item.get("name")
        link = item.get("@id") or item.get("url") if isinstance(item, dict) else item
        if isinstance(link, str) and re.match(r"^(?:https?://[^/]+)?/?(?:index\.\w+)?$", link):
            continue  # the home page
        position = entry.get("position")
        order = position if isinstance(position, (int, float)) else index
        cleaned = clean(name)
        if cleaned:
            named.append((order, cleaned))
    names = [n for _, n in sorted(named, key=lambda pair: pair[0])]
    if names and (names[0].casefold() in _HOME or (site and similar(names[0], site))):
        names = names[1:]
    if names and similar(names[-1], headline):
        names = names[:-1]
    return unique([n for n in names if len(n) <= 60])  # noqa: PLR2004


def _unique_pairs(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    seen = set()
    out = []
    for pair in pairs:
        if pair not in seen:
            seen.add(pair)
            out.append(pair)
    return out


def _merge_lists(f: Fields, explicit: str, *sources: str) -> list[str]:
    values = f.values.get(explicit)
    if values:
        return [v for v in values if isinstance(v, str)]
    for source in sources:
        found = f.first(source)
        if found:
            return unique(list(found))
    return []


def _prefix(lede: str, text: str) -> bool:
    a = " ".join(lede.split()).rstrip(".… ").casefold()
    b = " ".join(text.split()).casefold()
    return len(a) > 20 and b.startswith(a[: max(20, len(a) - 3)])  # noqa: PLR2004


def _first_paragraph_text(sections: list[Section]) -> str | None:
    for section in sections:
        for block in section.blocks:
            if hasattr(block, "content"):
                return str(block.text)
    return None
