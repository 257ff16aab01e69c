"""The metadata sources of an HTML page: microdata, JSON-LD, meta tags and the head.

Each source adds the candidates it finds for each field, highest priority first; the reader
chooses among them.
"""

from __future__ import annotations

import contextlib
import re
from typing import TYPE_CHECKING, Any

from lxml import html as lxml_html

from newsmodel._models import Attribution, Figure, Role, Subject
from newsmodel._textrules import scrub
from newsmodel.errors import ValidationError
from newsmodel.html._extract import (
    read_caption,
    read_credit,
)
from newsmodel.html._metadata import (
    Meta,
    json_ld_articles,
    json_ld_objects,
    microdata_properties,
    microdata_value,
    types_of,
)
from newsmodel.html._newsroom import newsroom_fields
from newsmodel.html._texts import squash, text_of
from newsmodel.html._values import (
    ORGANIZATION_TYPES,
    clean,
    date_value,
    image_url,
    people_in,
    split_people,
    strings,
    unique,
)

if TYPE_CHECKING:
    from datetime import tzinfo

__all__ = ["Fields", "Sources"]

HtmlElement = lxml_html.HtmlElement

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


class Fields:
    """Candidate values gathered from every source, highest priority first."""

    def __init__(self) -> None:
        self.values: dict[str, list[Any]] = {}

    def add(self, name: str, value: Any) -> None:  # noqa: ANN401 - any field's value
        if value is None or value in ([], ""):
            return
        self.values.setdefault(name, []).append(value)

    def first(self, name: str) -> Any:  # noqa: ANN401
        found = self.values.get(name)
        return found[0] if found else None


class Sources:
    def __init__(self, root: HtmlElement, *, url: str | None, tz: tzinfo) -> None:
        self.root = root
        self.zone = tz
        self.fields = Fields()
        self.attributions: list[Attribution] = []
        self.credited: set[tuple[str, Role]] = set()
        self.extra: list[tuple[str, str]] = []
        self.explicit_extra: list[tuple[str, str]] = []
        #: The newsroom's fields of a page newsmodel wrote (correction, genres, rights...).
        self.newsroom: dict[str, Any] = {}
        base = url
        if base is None:
            for element in root.iter("base"):
                href = (element.get("href") or "").strip()
                if re.match(r"^https?://", href, re.IGNORECASE):
                    base = href
                break
        self.base = base
        self.lossy: list[str] = []

    # -- metadata sources -----------------------------------------------------------------

    def microdata(self, item: HtmlElement) -> HtmlElement | None:  # noqa: C901, PLR0912, PLR0915
        f = self.fields
        body: HtmlElement | None = None
        lang = item.get("lang")
        if lang:
            f.add("language", lang)
        if item.get("data-slug"):
            f.add("slug", item.get("data-slug"))
        if item.get("data-version"):
            f.add("version", item.get("data-version"))
        for name, element in microdata_properties(item):
            value = microdata_value(element)
            if name == "headline":
                f.add("headline", clean(value))
            elif name == "description":
                f.add("lede", clean(value))
            elif name == "datePublished":
                f.add("published", date_value(value, self.zone))
            elif name == "dateModified":
                f.add("updated", date_value(value, self.zone))
            elif name in _ROLE_BY_PROPERTY:
                self.credit(name, element)
            elif name == "articleSection":
                f.add("rubric", clean(value))
            elif name == "keywords":
                f.add("tag", clean(value))
            elif name == "about" and element.get("itemscope") is not None:
                self.subject(element)
            elif name == "identifier":
                f.add("guid", clean(value))
            elif name == "version":
                f.add("version", clean(value))
            elif name == "dateline":
                f.add("dateline", clean(value))
            elif name == "contentLocation":
                f.add("place", self.scoped_name(element))
            elif name == "isPartOf":
                f.add("site", self.scoped_name(element))
            elif name in {"url", "mainEntityOfPage"}:
                f.add("url", clean(value) if element.get("itemscope") is None else None)
            elif name == "image":
                f.add("image", self.microdata_image(element))
            elif name == "articleBody" and body is None:
                body = element
            elif name == "inLanguage":
                f.add("language", clean(value))
        for dl in item.iter("dl"):
            if "extra" in (dl.get("class") or "").split():
                key = None
                for child in dl:
                    if child.tag == "dt":
                        key = clean(child.text_content())
                    elif child.tag == "dd" and key:
                        self.explicit_extra.append((key, squash(scrub(child.text_content()))))
                        key = None
        self.newsroom = newsroom_fields(item)
        return body

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
                    self.fields.add("site", attribution.name)
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
                self.fields.add("subject", Subject(code, label, names=names))
            except ValidationError:
                if label:
                    self.fields.add("tag", label)

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

    def json_ld(self, scripts: list[str]) -> None:  # noqa: C901, PLR0912
        objects = json_ld_objects(scripts)
        articles = json_ld_articles(objects)
        f = self.fields
        for obj in objects:
            kinds = types_of(obj)
            if "WebSite" in kinds or "NewsMediaOrganization" in kinds:
                f.add("site_fallback", clean(obj.get("name")))
            if "BreadcrumbList" in kinds:
                f.add("breadcrumbs", obj.get("itemListElement"))
        if not articles:
            return
        obj = articles[0]
        f.add("headline", clean(obj.get("headline")) or clean(obj.get("name")))
        f.add("lede", clean(obj.get("description")))
        f.add(
            "published", date_value(obj.get("datePublished") or obj.get("dateCreated"), self.zone)
        )
        f.add("updated", date_value(obj.get("dateModified"), self.zone))
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
                    f.add("ld:author_orgs", name.casefold())
                for part in split_people(name) if prop != "sourceOrganization" else [name]:
                    people.append((part, url))  # noqa: PERF401
            f.add(f"ld:{role.value}", people)
        for name, _, _ in people_in(obj.get("publisher")):
            f.add("site_fallback", name)
        f.add("rubrics_ld", strings(obj.get("articleSection")))
        f.add("tags_ld", strings(obj.get("keywords"), split_commas=True))
        f.add(
            "language",
            clean(obj.get("inLanguage")) if isinstance(obj.get("inLanguage"), str) else None,
        )
        url = obj.get("url")
        if not isinstance(url, str):
            page = obj.get("mainEntityOfPage")
            url = page.get("@id") if isinstance(page, dict) else page
        f.add("url_ld", clean(url) if isinstance(url, str) else None)
        image = obj.get("image")
        if isinstance(image, list) and image:
            image = image[0]
        caption = clean(image.get("caption")) if isinstance(image, dict) else None
        f.add("image_ld", self.make_figure(image_url(image, self.base), caption, None, None))
        identifier = obj.get("identifier")
        if isinstance(identifier, dict):
            identifier = identifier.get("value")
        f.add("guid", clean(identifier) if isinstance(identifier, str) else None)
        f.add("version", obj.get("version") if isinstance(obj.get("version"), (int, str)) else None)
        f.add("dateline", clean(obj.get("dateline")))
        location = obj.get("contentLocation")
        f.add(
            "place",
            clean(location.get("name")) if isinstance(location, dict) else clean(location),
        )
        about = obj.get("about")
        for subject in about if isinstance(about, list) else []:
            if isinstance(subject, dict) and isinstance(subject.get("termCode"), str):
                with contextlib.suppress(ValidationError):
                    f.add("subject_ld", Subject(subject["termCode"], clean(subject.get("name"))))
        body = obj.get("articleBody")
        f.add("article_body", scrub(body).strip() if isinstance(body, str) else None)

    def meta(self, meta: Meta) -> None:
        f = self.fields
        f.add("headline_og", clean(meta.first("og:title")))
        f.add(
            "lede_meta", clean(meta.first("og:description", "description", "twitter:description"))
        )
        f.add("site_og", clean(meta.first("og:site_name", "application-name")))
        f.add("url_og", clean(meta.first("og:url")))
        f.add(
            "image_og",
            self.make_figure(
                image_url(meta.first("og:image", "twitter:image"), self.base),
                None,
                None,
                clean(meta.first("og:image:alt")),
            ),
        )
        f.add("published_meta", date_value(meta.first(*_PUBLISHED_META), self.zone))
        f.add("updated_meta", date_value(meta.first(*_MODIFIED_META), self.zone))
        f.add("rubrics_og", unique([t for v in meta.all("article:section") if (t := clean(v))]))
        tags = [t for v in meta.all("article:tag") for t in strings(v, split_commas=True)]
        if not tags:
            tags = strings(meta.first("news_keywords", "keywords"), split_commas=True)
        f.add("tags_meta", unique(tags))
        authors = [
            n
            for v in meta.all("author") + meta.all("article:author")
            if not v.startswith(("http://", "https://"))
            for n in split_people(v)
        ]
        f.add("authors_meta", unique(authors))
        lang = meta.first("og:locale", "language", "content-language")
        f.add("language_meta", lang.replace("_", "-") if lang else None)
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

    def head(self) -> None:
        f = self.fields
        lang = self.root.get("lang") or self.root.get("xml:lang")
        f.add("language_html", lang)
        for link in self.root.iter("link"):
            rel = (link.get("rel") or "").lower().split()
            if "canonical" in rel:
                f.add("url_canonical", clean(link.get("href")))
                break
        for title in self.root.iter("title"):
            f.add("title", clean(title.text_content()))
            break
