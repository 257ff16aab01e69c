"""The metadata sources of an HTML page: microdata, JSON-LD, meta tags and the head.

Each source adds the candidates it finds for each field, highest priority first; the reader
chooses among them.
"""

from __future__ import annotations

import contextlib
import re
from typing import TYPE_CHECKING, TypeVar

import attrs
from lxml import html as lxml_html

from newsmodel._models import Attribution, Figure, Role, Subject
from newsmodel._textrules import scrub
from newsmodel.errors import ValidationError
from newsmodel.html._captions import (
    read_caption,
    read_credit,
)
from newsmodel.html._metadata import (
    Item,
    Meta,
    json_ld_articles,
    json_ld_objects,
    microdata_properties,
    microdata_value,
    types_of,
)
from newsmodel.html._newsroom import Newsroom, newsroom_fields
from newsmodel.html._texts import squash, text_of
from newsmodel.html._values import (
    ORGANIZATION_TYPES,
    clean,
    date_value,
    image_url,
    people_in,
    plain,
    split_people,
    strings,
    unique,
)

if TYPE_CHECKING:
    from datetime import date, datetime, tzinfo

__all__ = ["Head", "JsonLd", "MetaTags", "Microdata", "Sources"]

HtmlElement = lxml_html.HtmlElement
_T = TypeVar("_T")

_ROLE_BY_PROPERTY = {
    "author": Role.AUTHOR,
    "creator": Role.AUTHOR,
    "editor": Role.EDITOR,
    "translator": Role.TRANSLATOR,
    "publisher": Role.PUBLISHER,
    "sourceOrganization": Role.SOURCE,
    "isBasedOn": Role.ORIGINAL,
    "contributor": Role.AUTHOR,
}
#: The properties read from their element, not from their value (see read_properties()).
_ITEM_PROPERTIES = frozenset(
    {"articleBody", *_ROLE_BY_PROPERTY, "about", "contentLocation", "isPartOf", "image"}
)
_IGNORED_META = frozenset(
    {
        "viewport",
        "theme-color",
        "format-detection",
        "referrer",
        "color-scheme",
        "robots",
        "googlebot",
        "msapplication-tilecolor",
        "msapplication-config",
        "msapplication-tileimage",
        "apple-mobile-web-app-capable",
        "apple-mobile-web-app-status-bar-style",
        "apple-mobile-web-app-title",
        "mobile-web-app-capable",
        "handheldfriendly",
        "mobileoptimized",
        "og:type",
        "og:image:width",
        "og:image:height",
        "og:image:type",
        "og:image:secure_url",
        "og:locale:alternate",
        "csrf-token",
        "csrf-param",
        "generator",
        "google-site-verification",
        "yandex-verification",
        "msvalidate.01",
        "fb:app_id",
        "fb:pages",
        "fb:admins",
        "twitter:card",
        "twitter:image",
        "twitter:title",
        "twitter:description",
        "twitter:image:alt",
        "twitter:url",
    }
)
_CONSUMED_META = frozenset(
    {
        "description",
        "og:description",
        "og:title",
        "og:url",
        "og:site_name",
        "og:image",
        "og:image:alt",
        "og:locale",
        "article:published_time",
        "article:modified_time",
        "article:section",
        "article:tag",
        "keywords",
        "news_keywords",
        "author",
        "article:author",
        "application-name",
    }
)
_PUBLISHED_META = (
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "dc.date",
    "dc.date.issued",
    "dcterms.created",
    "dcterms.date",
    "sailthru.date",
    "parsely-pub-date",
    "cxenseparse:recs:publishtime",
    "article.published",
    "published_time",
    "citation_publication_date",
    "og:published_time",
)
_MODIFIED_META = (
    "article:modified_time",
    "og:updated_time",
    "datemodified",
    "dcterms.modified",
    "last-modified",
    "article.updated",
    "modified_time",
)


def _first(current: _T | None, value: _T | None) -> _T | None:
    """The first value a source gives for a field: later ones do not replace it."""
    if current is not None or value in (None, "", []):
        return current
    return value


@attrs.define
class Microdata:
    """What the article's microdata says (``itemprop`` and the ``data-`` marks the writer adds)."""

    headline: str | None = None
    lede: str | None = None
    published: datetime | date | None = None
    updated: datetime | date | None = None
    rubrics: list[str] = attrs.Factory(list)
    #: keywords, and the names of subjects whose code the model refuses
    tags: list[str] = attrs.Factory(list)
    subjects: list[Subject] = attrs.Factory(list)
    guid: str | None = None
    version: str | None = None
    dateline: str | None = None
    place: str | None = None
    #: the publication the article is part of, or its publisher
    site: str | None = None
    urls: list[str] = attrs.Factory(list)
    image: Figure | None = None
    languages: list[str] = attrs.Factory(list)
    slug: str | None = None


@attrs.define
class JsonLd:
    """What the page's JSON-LD says: about the article, the site and the breadcrumbs."""

    #: whether the JSON-LD describes an article (a ``NewsArticle``, ``BlogPosting`` ...)
    article: bool = False
    #: names of the web site, the news organisation and the article's publisher
    sites: list[str] = attrs.Factory(list)
    breadcrumbs: object = None
    headline: str | None = None
    lede: str | None = None
    published: datetime | date | None = None
    updated: datetime | date | None = None
    authors: list[tuple[str, str | None]] = attrs.Factory(list)
    #: names (case-folded) of the organisations given as author or creator
    author_organisations: list[str] = attrs.Factory(list)
    editors: list[tuple[str, str | None]] = attrs.Factory(list)
    translators: list[tuple[str, str | None]] = attrs.Factory(list)
    sources: list[tuple[str, str | None]] = attrs.Factory(list)
    rubrics: list[str] = attrs.Factory(list)
    tags: list[str] = attrs.Factory(list)
    language: str | None = None
    url: str | None = None
    image: Figure | None = None
    guid: str | None = None
    version: int | str | None = None
    dateline: str | None = None
    place: str | None = None
    subjects: list[Subject] = attrs.Factory(list)
    body: str | None = None

    def people(self, role: Role) -> list[tuple[str, str | None]]:
        """The people credited in ``role`` (name and URL)."""
        return {
            Role.AUTHOR: self.authors,
            Role.EDITOR: self.editors,
            Role.TRANSLATOR: self.translators,
            Role.SOURCE: self.sources,
        }.get(role, [])


@attrs.define
class MetaTags:
    """What the ``<meta>`` tags say (OpenGraph, Twitter, Dublin Core and plain names)."""

    headline: str | None = None
    lede: str | None = None
    site: str | None = None
    url: str | None = None
    image: Figure | None = None
    published: datetime | date | None = None
    updated: datetime | date | None = None
    rubrics: list[str] = attrs.Factory(list)
    tags: list[str] = attrs.Factory(list)
    authors: list[str] = attrs.Factory(list)
    language: str | None = None
    #: the OpenGraph type (``article``, ``website`` ...)
    kind: str | None = None


@attrs.define
class Head:
    """What the document element and the head say: language, canonical link, title."""

    language: str | None = None
    canonical: str | None = None
    title: str | None = None


class Sources:
    """Each source's candidates, filled by its reading method; the choosers decide."""

    def __init__(self, root: HtmlElement, *, url: str | None, tz: tzinfo) -> None:
        self.root = root
        self.zone = tz
        self.microdata = Microdata()
        self.json_ld = JsonLd()
        self.meta = MetaTags()
        self.head = Head()
        self.attributions: list[Attribution] = []
        self.credited: set[tuple[str, Role]] = set()
        self.extra: list[tuple[str, str]] = []
        self.explicit_extra: list[tuple[str, str]] = []
        #: The newsroom's fields of a page newsmodel wrote (correction, genres, rights...).
        self.newsroom = Newsroom()
        base = url
        if base is None:
            for element in root.iter("base"):
                href = (element.get("href") or "").strip()
                if re.match(r"^https?://", href, re.IGNORECASE):
                    base = href
                break
        self.base = base

    # -- metadata sources -----------------------------------------------------------------

    def read_microdata(self, item: HtmlElement) -> HtmlElement | None:
        """Fill :attr:`microdata` from the article's item; return its ``articleBody``."""
        self.read_item(item)
        body = self.read_properties(microdata_properties(item))
        self.read_extra(item)
        self.newsroom = newsroom_fields(item)
        return body

    def read_item(self, item: HtmlElement) -> None:
        """The marks on the article's element itself: its language, slug and version."""
        m = self.microdata
        if lang := item.get("lang"):
            m.languages.append(lang)
        m.slug = item.get("data-slug") or None
        m.version = item.get("data-version") or None

    def read_properties(self, properties: Item) -> HtmlElement | None:  # noqa: C901, PLR0912
        """Fill :attr:`microdata` from the item's properties; return its ``articleBody``."""
        m = self.microdata
        body: HtmlElement | None = None
        for name, element in properties:
            if name in _ITEM_PROPERTIES:
                if name == "articleBody":
                    # its value is the whole body's text, which no field takes
                    body = element if body is None else body
                else:
                    self.read_item_property(name, element)
                continue
            value = microdata_value(element)  # what the rest read; items are read whole
            if name == "headline":
                m.headline = _first(m.headline, clean(value))
            elif name == "description":
                m.lede = _first(m.lede, clean(value))
            elif name == "datePublished":
                m.published = _first(m.published, date_value(value, self.zone))
            elif name == "dateModified":
                m.updated = _first(m.updated, date_value(value, self.zone))
            elif name in {"articleSection", "keywords", "inLanguage"}:
                found = clean(value)
                if found:
                    {"articleSection": m.rubrics, "keywords": m.tags, "inLanguage": m.languages}[
                        name
                    ].append(found)
            elif name == "identifier":
                m.guid = _first(m.guid, clean(value))
            elif name == "version":
                m.version = _first(m.version, clean(value))
            elif name == "dateline":
                m.dateline = _first(m.dateline, clean(value))
            elif name in {"url", "mainEntityOfPage"}:
                found = clean(value) if element.get("itemscope") is None else None
                if found:
                    m.urls.append(found)
        return body

    def read_item_property(self, name: str, element: HtmlElement) -> None:
        """A property read from its element rather than its value: a credit, a subject..."""
        m = self.microdata
        if name in _ROLE_BY_PROPERTY:
            self.credit(name, element)
        elif name == "about":
            if element.get("itemscope") is not None:
                self.subject(element)
        elif name == "contentLocation":
            m.place = _first(m.place, self.scoped_name(element))
        elif name == "isPartOf":
            m.site = _first(m.site, self.scoped_name(element))
        else:  # image
            m.image = _first(m.image, self.microdata_image(element))

    def read_extra(self, item: HtmlElement) -> None:
        """The fields the writer keeps in a ``<dl class="extra">``."""
        for dl in item.iter("dl"):
            if "extra" in (dl.get("class") or "").split():
                key = None
                for child in dl:
                    if child.tag == "dt":
                        key = clean(child.text_content())
                    elif child.tag == "dd" and key:
                        self.explicit_extra.append((key, squash(scrub(child.text_content()))))
                        key = None

    def scoped_name(self, element: HtmlElement) -> str | None:
        if element.get("itemscope") is None:
            return clean(microdata_value(element))
        for name, child in microdata_properties(element):
            if name == "name":
                return clean(microdata_value(child))
        return None

    def credit(self, prop: str, element: HtmlElement) -> None:
        role = _ROLE_BY_PROPERTY[prop]
        if element.get("itemscope") is not None:
            attribution = read_credit(element, role)
            if attribution is not None:
                explicit = element.get("data-role") is not None
                if prop == "publisher" and not explicit:
                    self.microdata.site = _first(self.microdata.site, attribution.name)
                    return
                if explicit or not self.attributions_contain(attribution):
                    self.credit_once(attribution)
            return
        for name in split_people(text_of(element)):
            try:
                attribution = Attribution(name, role=role)
            except ValidationError:
                continue
            if not self.attributions_contain(attribution):
                self.credit_once(attribution)

    def credit_once(self, attribution: Attribution) -> None:
        self.attributions.append(attribution)
        self.credited.add((attribution.name.casefold(), attribution.role))

    def attributions_contain(self, attribution: Attribution) -> bool:
        return (attribution.name.casefold(), attribution.role) in self.credited

    def subject(self, element: HtmlElement) -> None:
        code = label = None
        for name, child in microdata_properties(element):
            if name == "termCode":
                code = clean(microdata_value(child))
            elif name == "name":
                label = clean(microdata_value(child))
        # The names in other languages newsmodel writes beside the label.
        names = [
            (span.get("lang") or "", clean(span.text_content()) or "")
            for span in element.iter("span")
            if "name-in" in (span.get("class") or "").split()
        ]
        if code:
            try:
                self.microdata.subjects.append(Subject(code, label, names=names))
            except ValidationError:
                if label:
                    self.microdata.tags.append(label)

    def microdata_image(self, element: HtmlElement) -> Figure | None:
        if element.get("itemscope") is None:
            url = image_url(microdata_value(element), self.base)
            return self.make_figure(url, None, None, element.get("alt"))
        url = caption = None
        for name, child in microdata_properties(element):
            if name in {"contentUrl", "url"} and url is None:
                url = image_url(microdata_value(child), self.base)
            elif name == "caption":
                caption = clean(microdata_value(child))
        credit = None
        alt = None
        for img in element.iter("img"):
            alt = img.get("alt")
            break
        for caption_el in element.iter("figcaption"):
            found_caption, credit = read_caption(caption_el)
            caption = caption or found_caption
            break
        return self.make_figure(url, caption, credit, alt)

    def make_figure(
        self, url: str | None, caption: str | None, credit: Attribution | None, alt: str | None
    ) -> Figure | None:
        if url is None:
            return None
        try:
            return Figure(url, caption=caption, credit=credit, alt=alt)
        except ValidationError:
            return None

    def read_json_ld(self, scripts: list[str]) -> None:
        """Fill :attr:`json_ld` from the page's ``application/ld+json`` scripts."""
        objects = json_ld_objects(scripts)
        articles = json_ld_articles(objects)
        j = self.json_ld
        for obj in objects:
            kinds = types_of(obj)
            if ("WebSite" in kinds or "NewsMediaOrganization" in kinds) and (
                name := clean(obj.get("name"))
            ):
                j.sites.append(name)
            if "BreadcrumbList" in kinds:
                j.breadcrumbs = _first(j.breadcrumbs, obj.get("itemListElement"))
        if articles:
            j.article = True
            self.json_ld_article(articles[0])

    def json_ld_article(self, obj: dict[str, object]) -> None:
        """The article object's fields."""
        j = self.json_ld
        j.headline = clean(obj.get("headline")) or clean(obj.get("name"))
        j.lede = plain(obj.get("description"))
        j.published = date_value(obj.get("datePublished") or obj.get("dateCreated"), self.zone)
        j.updated = date_value(obj.get("dateModified"), self.zone)
        self.json_ld_people(obj)
        j.sites.extend(name for name, _, _ in people_in(obj.get("publisher")))
        j.rubrics = strings(obj.get("articleSection"))
        j.tags = strings(obj.get("keywords"), split_commas=True)
        language = obj.get("inLanguage")
        j.language = clean(language) if isinstance(language, str) else None
        url: object = obj.get("url")
        if not isinstance(url, str):
            page = obj.get("mainEntityOfPage")
            url = page.get("@id") if isinstance(page, dict) else page
        j.url = clean(url) if isinstance(url, str) else None
        image = obj.get("image")
        if isinstance(image, list) and image:
            image = image[0]
        caption = clean(image.get("caption")) if isinstance(image, dict) else None
        j.image = self.make_figure(image_url(image, self.base), caption, None, None)
        identifier = obj.get("identifier")
        if isinstance(identifier, dict):
            identifier = identifier.get("value")
        j.guid = clean(identifier) if isinstance(identifier, str) else None
        version = obj.get("version")
        j.version = version if isinstance(version, (int, str)) and version != "" else None
        j.dateline = clean(obj.get("dateline"))
        location = obj.get("contentLocation")
        j.place = clean(location.get("name")) if isinstance(location, dict) else clean(location)
        about = obj.get("about")
        for subject in about if isinstance(about, list) else []:
            if isinstance(subject, dict) and isinstance(subject.get("termCode"), str):
                with contextlib.suppress(ValidationError):
                    j.subjects.append(Subject(subject["termCode"], clean(subject.get("name"))))
        body = obj.get("articleBody")
        j.body = (scrub(body).strip() or None) if isinstance(body, str) else None

    def json_ld_people(self, obj: dict[str, object]) -> None:
        """The article object's authors, editors, translators and sources."""
        j = self.json_ld
        for prop, role in (
            ("author", Role.AUTHOR),
            ("creator", Role.AUTHOR),
            ("editor", Role.EDITOR),
            ("translator", Role.TRANSLATOR),
            ("sourceOrganization", Role.SOURCE),
        ):
            people = []
            for name, url, kind in people_in(obj.get(prop)):
                if prop in {"author", "creator"} and kind in ORGANIZATION_TYPES:
                    j.author_organisations.append(name.casefold())
                for part in split_people(name) if prop != "sourceOrganization" else [name]:
                    people.append((part, url))  # noqa: PERF401
            credited = j.people(role)
            if people and not credited:
                credited.extend(people)

    def read_meta(self, meta: Meta) -> None:
        """Fill :attr:`meta` from the ``<meta>`` tags; keep the other tags as extra fields."""
        m = self.meta
        m.headline = clean(meta.first("og:title"))
        m.lede = plain(meta.first("og:description", "description", "twitter:description"))
        m.site = clean(meta.first("og:site_name", "application-name"))
        m.url = clean(meta.first("og:url"))
        m.image = self.make_figure(
            image_url(meta.first("og:image", "twitter:image"), self.base),
            None,
            None,
            clean(meta.first("og:image:alt")),
        )
        m.published = date_value(meta.first(*_PUBLISHED_META), self.zone)
        m.updated = date_value(meta.first(*_MODIFIED_META), self.zone)
        m.rubrics = unique([t for v in meta.all("article:section") if (t := clean(v))])
        tags = [t for v in meta.all("article:tag") for t in strings(v, split_commas=True)]
        if not tags:
            tags = strings(meta.first("news_keywords", "keywords"), split_commas=True)
        m.tags = unique(tags)
        m.authors = unique(
            [
                n
                for v in meta.all("author") + meta.all("article:author")
                if not v.startswith(("http://", "https://"))
                for n in split_people(v)
            ]
        )
        lang = meta.first("og:locale", "language", "content-language")
        m.language = lang.replace("_", "-") if lang else None
        m.kind = (meta.first("og:type") or "").strip().casefold() or None
        for key in meta.order:
            if (
                key in _IGNORED_META
                or key in _CONSUMED_META
                or key in _PUBLISHED_META
                or key in _MODIFIED_META
                or key.startswith(("og:image", "msapplication"))
            ):
                continue
            for value in meta.all(key)[:5]:
                cleaned = clean(value)
                if cleaned and len(cleaned) <= 500:  # noqa: PLR2004
                    self.extra.append((f"html:meta:{key}", cleaned))

    # -- the visible page -----------------------------------------------------------------

    def read_head(self) -> None:
        """Fill :attr:`head`: the document's language, canonical link and title."""
        h = self.head
        h.language = self.root.get("lang") or self.root.get("xml:lang") or None
        for link in self.root.iter("link"):
            rel = (link.get("rel") or "").lower().split()
            if "canonical" in rel:
                h.canonical = clean(link.get("href"))
                break
        for title in self.root.iter("title"):
            h.title = clean(title.text_content())
            break
