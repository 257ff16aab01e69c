"""Read an :class:`~newsmodel.Article` from an HTML page: ours, or any real article page.

Order of reading, for every field: the page's own microdata on the article (``itemprop`` and the
``data-`` marks the writer adds), then JSON-LD, then OpenGraph and ``<meta>`` tags, then what the
visible page says (``<h1>``, ``<time>``, bylines, Russian date text). The body comes from the
main content (see :mod:`newsmodel.html._extract`).
"""

from __future__ import annotations

import contextlib
import re
import threading
from datetime import datetime, tzinfo
from html import unescape
from itertools import accumulate
from typing import Any

from lxml import etree
from lxml import html as lxml_html

from newsmodel._attribution import split_attribution
from newsmodel._limits import LIFTED_BY_HUGE_TREE, MAX_BYTES, check_size
from newsmodel._models import Article, Attribution, Figure, Role, Section, Subject
from newsmodel._textrules import scrub
from newsmodel._warnings import counted, issue
from newsmodel._xmlsafe import html_parser
from newsmodel.dates import parse_date, parse_iso
from newsmodel.errors import LossyConversionWarning, ParseError, ValidationError
from newsmodel.html._dates import latin_date, url_date
from newsmodel.html._decode import decode_clean
from newsmodel.html._extract import (
    DROP,
    REPORTED,
    BodyReader,
    class_tokens,
    find_main,
    link_density,
    read_caption,
    read_credit,
    resolve,
    squash,
    text_of,
)
from newsmodel.html._metadata import (
    Meta,
    find_article_item,
    json_ld_articles,
    json_ld_objects,
    meta_tags,
    microdata_properties,
    microdata_value,
    types_of,
)

__all__ = ["DEFAULT_MAX_BYTES", "DEFAULT_MAX_TAG_CHARS", "MAX_DEPTH", "read"]

_FORMAT = "html"
#: The largest page read by default (bytes, or characters for text), the limit of every format.
DEFAULT_MAX_BYTES = MAX_BYTES
#: The longest start tag (from ``<`` to the first ``>``) read by default, in characters.
DEFAULT_MAX_TAG_CHARS = 256 * 1024
#: The deepest element nesting lxml's HTML parser keeps; deeper pages are refused, not cut.
MAX_DEPTH = 256

HtmlElement = lxml_html.HtmlElement

_HTML_SIGN = re.compile(
    r"<(?:!doctype\s+html|html|head|body|meta|title|article|main|div|p|h[1-6]|span|a|section"
    r"|table|ul|br|img|script|link|header)\b",
    re.IGNORECASE,
)
_TAG_START = re.compile(r"<[A-Za-z]")
# &#1; … &#8;, &#14; … &#31;, &#127; and their hexadecimal forms: the controls the model refuses.
_CONTROL_REFERENCE = re.compile(
    r"&#(?:0*(?:[0-8]|1[4-9]|2\d|3[01]|127)(?!\d)|[xX]0*(?:[0-8eEfF]|1[\da-fA-F]|7[fF])(?![\da-fA-F]));?"
)
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
_BY_PREFIX = re.compile(
    r"^\s*(?:by|von|text|texte|text von|автор|авторы|текст|author|authors|par|por|di|yazan)"
    r"\s*[:：]?\s+",
    re.IGNORECASE,
)
_RUSSIAN_DATE_HINT = re.compile(r"[\u0400-\u04ff]|\d\.\d\d?\.\d\d")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[A-Za-z]{2,8});")
_TITLE_SEPARATORS = re.compile(r"(?<!\s)\s+(?:[|—–·•«»:]|-{1,2}|::)\s+")


# --- small value readers ---------------------------------------------------------------------


def _clean(value: object) -> str | None:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        return None
    if "&" in value and _ENTITY.search(value):
        value = unescape(value)
    text = squash(scrub(value))
    return text or None


def _date_value(value: object, zone: tzinfo) -> datetime | None:  # noqa: PLR0911
    text = _clean(value)
    if text is None:
        return None
    parsed = parse_iso(text)
    if parsed is not None:
        return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=zone)
    parsed = latin_date(text[:200], zone)
    if parsed is not None:
        return parsed
    if _RUSSIAN_DATE_HINT.search(text) is None:
        # parse_date reads Russian and Kazakh: elsewhere a lone "3:51 pm" would be today.
        return None
    found = parse_date(text[:200], tz=zone)
    if found is None:
        return None
    result = found.value
    if isinstance(result, datetime):
        return result
    if hasattr(result, "toordinal") and hasattr(result, "day"):
        return datetime(result.year, result.month, result.day, tzinfo=zone)
    return None


def _names(value: object) -> list[tuple[str, str | None, str | None]]:
    """``(name, url, type)`` of JSON-LD people: a string, an object, or a list of them."""
    out: list[tuple[str, str | None, str | None]] = []
    items = value if isinstance(value, list) else [value]
    for item in items[:50]:
        if isinstance(item, str):
            name = _clean(item)
            if name and not name.startswith(("http://", "https://")):
                out.append((name, None, None))
        elif isinstance(item, dict):
            name = _clean(item.get("name"))
            if name is None:
                given, family = _clean(item.get("givenName")), _clean(item.get("familyName"))
                name = " ".join(x for x in (given, family) if x) or None
            url = item.get("url")
            kinds = types_of(item)
            if name:
                out.append(
                    (name, url if isinstance(url, str) else None, kinds[0] if kinds else None)
                )
    return out


def _strings(value: object, *, split_commas: bool = False) -> list[str]:
    items = value if isinstance(value, list) else [value]
    out: list[str] = []
    for item in items[:200]:
        if isinstance(item, dict):
            item = item.get("name")  # noqa: PLW2901
        text = _clean(item)
        if text is None:
            continue
        if split_commas:
            out.extend(part.strip() for part in re.split(r"[,;]", text) if part.strip())
        else:
            out.append(text)
    return out


def _unique(values: list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for value in values:
        key = value.casefold()
        if key not in seen:
            seen.add(key)
            out.append(value)
    return out


_ORGANIZATION_TYPES = frozenset(
    {"Organization", "NewsMediaOrganization", "Corporation", "WebSite", "Brand", "NGO"}
)


def _weak_author(name: str, weak: set[str]) -> bool:
    """True for an author that stands for the publisher: an organisation, the site, a domain."""
    key = name.casefold()
    if key in weak or (" " not in key and "." in key):
        return True
    return any(key in w or w in key for w in weak if len(w) > 3)  # noqa: PLR2004


def _split_people(text: str) -> list[str]:
    text = _BY_PREFIX.sub("", text).strip(" ,.;:|")
    parts = re.split(r"\s*(?:,|;|\band\b|\bund\b|\bи\b|\bet\b|\by\b|\bve\b|&|\|)\s*", text)
    return [p.strip(" .") for p in parts if p and p.strip(" .")]


def _image_url(value: object, base: str | None) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("url") or value.get("contentUrl") or value.get("@id")
    if not isinstance(value, str) or not value.strip() or value.strip().startswith("data:"):
        return None
    url = resolve(value.strip(), base)
    return url if re.match(r"^https?://[^\s/]+\S*$", url, re.IGNORECASE) else None


# --- the page --------------------------------------------------------------------------------


#: The most attributes one start tag may have: lxml's handling of attributes is quadratic, and
#: a tag of 50,000 short attributes takes seconds while staying under ``max_tag_chars``.
MAX_ATTRIBUTES = 1000
# Tags shorter than this cannot hold more attributes than the limit allows; longer ones are
# counted.
_COUNTED_TAG_CHARS = 2 * MAX_ATTRIBUTES
_ATTRIBUTE = re.compile(r"""(?<!\s)\s+[^\s"'=<>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]*))?""")


def _check_tags(text: str, max_tag_chars: int) -> None:
    """Refuse a start tag longer than the limit or with too many attributes, in one pass."""
    # A page shorter than the threshold, or with no run between two ">" longer than it,
    # cannot hold such a tag (the common cases, in C).
    threshold = min(max_tag_chars, _COUNTED_TAG_CHARS)
    if len(text) <= threshold:
        return
    # A tag ends at the first ">" after it, so a long tag lies in a long run without ">", and
    # the longest tag of a run starts at the run's first tag start. Runs are measured in C.
    lengths = list(map(len, text.split(">")))
    if max(lengths) <= threshold:
        return
    ends = list(accumulate(lengths))
    for i in [i for i, n in enumerate(lengths) if n > threshold]:
        run_start = ends[i] - lengths[i] + i  # i ">" separators stand before run i
        next_close = run_start + lengths[i]
        match = _TAG_START.search(text, run_start, next_close)
        if match is None:
            continue
        start = match.start()
        length = next_close - start
        msg = None
        if length > max_tag_chars:
            msg = f"a start tag is longer than max_tag_chars={max_tag_chars} characters"
        elif length > _COUNTED_TAG_CHARS:
            count = sum(1 for _ in _ATTRIBUTE.finditer(text, start, next_close))
            if count > MAX_ATTRIBUTES:
                msg = f"a start tag has {count} attributes, over the limit of {MAX_ATTRIBUTES}"
        if msg is not None:
            line = text.count("\n", 0, start) + 1
            column = start - (text.rfind("\n", 0, start) + 1) + 1
            raise ParseError(_FORMAT, msg, line=line, column=column)


# Dropped before the body is looked for: these leave a mark (or their text, for a form)...
_MARKED_DROPS = ("form", "iframe", "video", "object", "embed")
# ...and these go whole, tail kept (in C); the head's own metadata tags stay.
_PLAIN_DROPS = tuple(sorted(DROP - {*_MARKED_DROPS, "head", "title", "meta", "link"}))
_PARSERS = threading.local()


def _parser(*, huge: bool = False) -> lxml_html.HTMLParser:
    """This thread's HTML parser (lxml parsers may be reused, not shared between threads).

    Every element is an :class:`lxml.html.HtmlElement` through a lookup done in C: lxml's default
    lookup calls back into Python for each element the reader touches. ``huge`` lifts
    libxml2's 10 MB limit on one text node or attribute.
    """
    name = "huge" if huge else "parser"
    parser: lxml_html.HTMLParser | None = getattr(_PARSERS, name, None)
    if parser is None:
        parser = html_parser(
            remove_comments=True,
            remove_pis=True,
            no_network=True,
            default_doctype=False,
            recover=True,
            huge_tree=huge,
        )
        parser.set_element_class_lookup(
            etree.ElementDefaultClassLookup(
                element=lxml_html.HtmlElement, comment=lxml_html.HtmlComment
            )
        )
        setattr(_PARSERS, name, parser)
    return parser


#: The elements nested deeper than :data:`MAX_DEPTH` levels below the document element.
_TOO_DEEP = etree.XPath("/".join(["*"] * MAX_DEPTH))


def _too_deep(line: int | None, column: int | None = None) -> ParseError:
    msg = f"elements are nested more than {MAX_DEPTH} levels deep"
    return ParseError(_FORMAT, msg, line=line or None, column=column or None)


def _parse(text: str) -> HtmlElement:
    """Parse page text; a page nested too deep is refused, and none is cut short.

    The parser recovers from every error, its own limits too, by dropping the rest of the
    page: a text node or attribute over 10 MB (as the writer may write) has the page parsed
    again with ``huge_tree``, within ``max_bytes``, and the depth limit that lifts is checked
    here instead.
    """
    parser = _parser()
    try:
        root = lxml_html.document_fromstring(text, parser=parser)
        huge = any(
            LIFTED_BY_HUGE_TREE.search(e.message) and "Excessive depth" not in e.message
            for e in parser.error_log
        )
        if huge:
            parser = _parser(huge=True)
            root = lxml_html.document_fromstring(text, parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise ParseError(_FORMAT, f"cannot parse: {exc}") from None
    for entry in parser.error_log:
        if "Excessive depth" in entry.message:
            raise _too_deep(entry.line, entry.column)
    deep = _TOO_DEEP(root) if huge and root is not None else None
    if isinstance(deep, list) and deep:
        raise _too_deep(getattr(deep[0], "sourceline", None))
    return root


def parse_page(
    data: str | bytes, *, encoding: str | None, max_bytes: int, max_tag_chars: int
) -> tuple[HtmlElement, list[LossyConversionWarning]]:
    """Check, decode and parse a page into an lxml tree; every refusal is a ParseError.

    Also returns what the reader should report: a charset declaration it did not follow.
    """
    notes: list[LossyConversionWarning] = []
    check_size(_FORMAT, data, max_bytes)
    if isinstance(data, (bytes, bytearray, memoryview)):
        raw = bytes(data)
        decoded = decode_clean(raw, encoding)
        if decoded.overridden is not None:
            message = (
                f"the page declares the charset {decoded.overridden} but its bytes are not in"
                f" it; read as {decoded.encoding}"
            )
            notes.append(_lossy("encoding", message, lost=decoded.overridden))
        if decoded.replaced_at is not None:
            line, column = decoded.replaced_at
            message = (
                f"{counted(decoded.replaced, 'byte')} could not be decoded as"
                f" {decoded.encoding} and became U+FFFD (the first at line {line},"
                f" column {column})"
            )
            notes.append(
                _lossy(
                    "bytes",
                    message,
                    lost=decoded.encoding,
                    count=decoded.replaced,
                    line=line,
                    column=column,
                )
            )
        text: str = decoded
    elif isinstance(data, str):
        text = scrub(data)
    else:
        msg = f"expected str or bytes, got {type(data).__name__}"
        raise TypeError(msg)
    text = text.lstrip("\ufeff")
    if "&#" in text:
        # A character reference to a control character would put one back after scrubbing.
        text = _CONTROL_REFERENCE.sub("", text)
    if not text.strip():
        raise ParseError(_FORMAT, "the page is empty")
    if _HTML_SIGN.search(text, 0, 65536) is None:
        raise ParseError(_FORMAT, "not HTML: no HTML element near the start of the input")
    _check_tags(text, max_tag_chars)
    root = _parse(text)
    if root is None or not isinstance(root.tag, str):
        raise ParseError(_FORMAT, "no document element")
    return root, notes


class _Fields:
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


class _Reader:
    def __init__(self, root: HtmlElement, *, url: str | None, tz: tzinfo) -> None:
        self.root = root
        self.zone = tz
        self.fields = _Fields()
        self.attributions: list[Attribution] = []
        self.extra: list[tuple[str, str]] = []
        self.explicit_extra: list[tuple[str, str]] = []
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
                f.add("headline", _clean(value))
            elif name == "description":
                f.add("lede", _clean(value))
            elif name == "datePublished":
                f.add("published", _date_value(value, self.zone))
            elif name == "dateModified":
                f.add("updated", _date_value(value, self.zone))
            elif name in _ROLE_BY_PROPERTY:
                self.credit(name, element)
            elif name == "articleSection":
                f.add("rubric", _clean(value))
            elif name == "keywords":
                f.add("tag", _clean(value))
            elif name == "about" and element.get("itemscope") is not None:
                self.subject(element)
            elif name == "identifier":
                f.add("guid", _clean(value))
            elif name == "version":
                f.add("version", _clean(value))
            elif name == "dateline":
                f.add("dateline", _clean(value))
            elif name == "contentLocation":
                f.add("place", self.scoped_name(element))
            elif name == "isPartOf":
                f.add("site", self.scoped_name(element))
            elif name in {"url", "mainEntityOfPage"}:
                f.add("url", _clean(value) if element.get("itemscope") is None else None)
            elif name == "image":
                f.add("image", self.microdata_image(element))
            elif name == "articleBody" and body is None:
                body = element
            elif name == "inLanguage":
                f.add("language", _clean(value))
        for dl in item.iter("dl"):
            if "extra" in (dl.get("class") or "").split():
                key = None
                for child in dl:
                    if child.tag == "dt":
                        key = _clean(child.text_content())
                    elif child.tag == "dd" and key:
                        self.explicit_extra.append((key, squash(scrub(child.text_content()))))
                        key = None
        return body

    def scoped_name(self, element: HtmlElement) -> str | None:
        if element.get("itemscope") is None:
            return _clean(microdata_value(element))
        for name, child in microdata_properties(element):
            if name == "name":
                return _clean(microdata_value(child))
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
                    self.attributions.append(attribution)
            return
        for name in _split_people(text_of(element)):
            try:
                attribution = Attribution(name, role=role)
            except ValidationError:
                continue
            if not self.attributions_contain(attribution):
                self.attributions.append(attribution)

    def attributions_contain(self, attribution: Attribution) -> bool:
        key = attribution.name.casefold()
        return any(
            a.name.casefold() == key and a.role is attribution.role for a in self.attributions
        )

    def subject(self, element: HtmlElement) -> None:
        code = label = None
        for name, child in microdata_properties(element):
            if name == "termCode":
                code = _clean(microdata_value(child))
            elif name == "name":
                label = _clean(microdata_value(child))
        if code:
            try:
                self.fields.add("subject", Subject(code, label))
            except ValidationError:
                if label:
                    self.fields.add("tag", label)

    def microdata_image(self, element: HtmlElement) -> Figure | None:
        if element.get("itemscope") is None:
            url = _image_url(microdata_value(element), self.base)
            return self.make_figure(url, None, None, element.get("alt"))
        url = caption = None
        for name, child in microdata_properties(element):
            if name in {"contentUrl", "url"} and url is None:
                url = _image_url(microdata_value(child), self.base)
            elif name == "caption":
                caption = _clean(microdata_value(child))
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
                f.add("site_fallback", _clean(obj.get("name")))
            if "BreadcrumbList" in kinds:
                f.add("breadcrumbs", obj.get("itemListElement"))
        if not articles:
            return
        obj = articles[0]
        f.add("headline", _clean(obj.get("headline")) or _clean(obj.get("name")))
        f.add("lede", _clean(obj.get("description")))
        f.add(
            "published", _date_value(obj.get("datePublished") or obj.get("dateCreated"), self.zone)
        )
        f.add("updated", _date_value(obj.get("dateModified"), self.zone))
        for prop, role in (
            ("author", Role.AUTHOR),
            ("creator", Role.AUTHOR),
            ("editor", Role.EDITOR),
            ("translator", Role.TRANSLATOR),
            ("sourceOrganization", Role.SOURCE),
        ):
            people = []
            for name, url, kind in _names(obj.get(prop)):
                if prop in {"author", "creator"} and kind in _ORGANIZATION_TYPES:
                    f.add("ld:author_orgs", name.casefold())
                for part in _split_people(name) if prop != "sourceOrganization" else [name]:
                    people.append((part, url))  # noqa: PERF401
            f.add(f"ld:{role.value}", people)
        for name, _, _ in _names(obj.get("publisher")):
            f.add("site_fallback", name)
        f.add("rubrics_ld", _strings(obj.get("articleSection")))
        f.add("tags_ld", _strings(obj.get("keywords"), split_commas=True))
        f.add(
            "language",
            _clean(obj.get("inLanguage")) if isinstance(obj.get("inLanguage"), str) else None,
        )
        url = obj.get("url")
        if not isinstance(url, str):
            page = obj.get("mainEntityOfPage")
            url = page.get("@id") if isinstance(page, dict) else page
        f.add("url_ld", _clean(url) if isinstance(url, str) else None)
        image = obj.get("image")
        if isinstance(image, list) and image:
            image = image[0]
        caption = _clean(image.get("caption")) if isinstance(image, dict) else None
        f.add("image_ld", self.make_figure(_image_url(image, self.base), caption, None, None))
        identifier = obj.get("identifier")
        if isinstance(identifier, dict):
            identifier = identifier.get("value")
        f.add("guid", _clean(identifier) if isinstance(identifier, str) else None)
        f.add("version", obj.get("version") if isinstance(obj.get("version"), (int, str)) else None)
        f.add("dateline", _clean(obj.get("dateline")))
        location = obj.get("contentLocation")
        f.add(
            "place",
            _clean(location.get("name")) if isinstance(location, dict) else _clean(location),
        )
        about = obj.get("about")
        for subject in about if isinstance(about, list) else []:
            if isinstance(subject, dict) and isinstance(subject.get("termCode"), str):
                with contextlib.suppress(ValidationError):
                    f.add("subject_ld", Subject(subject["termCode"], _clean(subject.get("name"))))
        body = obj.get("articleBody")
        f.add("article_body", scrub(body).strip() if isinstance(body, str) else None)

    def meta(self, meta: Meta) -> None:
        f = self.fields
        f.add("headline_og", _clean(meta.first("og:title")))
        f.add(
            "lede_meta", _clean(meta.first("og:description", "description", "twitter:description"))
        )
        f.add("site_og", _clean(meta.first("og:site_name", "application-name")))
        f.add("url_og", _clean(meta.first("og:url")))
        f.add(
            "image_og",
            self.make_figure(
                _image_url(meta.first("og:image", "twitter:image"), self.base),
                None,
                None,
                _clean(meta.first("og:image:alt")),
            ),
        )
        f.add("published_meta", _date_value(meta.first(*_PUBLISHED_META), self.zone))
        f.add("updated_meta", _date_value(meta.first(*_MODIFIED_META), self.zone))
        f.add("rubrics_og", _unique([t for v in meta.all("article:section") if (t := _clean(v))]))
        tags = [t for v in meta.all("article:tag") for t in _strings(v, split_commas=True)]
        if not tags:
            tags = _strings(meta.first("news_keywords", "keywords"), split_commas=True)
        f.add("tags_meta", _unique(tags))
        authors = [
            n
            for v in meta.all("author") + meta.all("article:author")
            if not v.startswith(("http://", "https://"))
            for n in _split_people(v)
        ]
        f.add("authors_meta", _unique(authors))
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
                cleaned = _clean(value)
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
                f.add("url_canonical", _clean(link.get("href")))
                break
        for title in self.root.iter("title"):
            f.add("title", _clean(title.text_content()))
            break


def _first_h1(root: HtmlElement, within: HtmlElement | None) -> HtmlElement | None:
    for scope in (within, root):
        if scope is None:
            continue
        for h1 in scope.iter("h1"):
            if text_of(h1):
                return h1
    return None


_KICKER_CLASSES = frozenset(
    {"kicker", "overline", "dachzeile", "topline", "roofline", "supertitle", "pretitle", "eyebrow"}
)
_HIDDEN_CLASSES = frozenset({"visually-hidden", "sr-only", "screen-reader-text", "hidden"})


def _kicker(h1: HtmlElement) -> HtmlElement | None:
    """The kicker (a topic line above the headline) marked inside the ``<h1>``, if any."""
    for child in h1.iter():
        if child is not h1 and class_tokens(child) & _KICKER_CLASSES and text_of(child):
            return child
    return None


def _text_without(h1: HtmlElement, kicker: HtmlElement) -> str:
    """The ``<h1>``'s text without its kicker and without text hidden from sight."""
    parts: list[str] = []
    for piece in h1.xpath(".//text()"):
        parent = piece.getparent()
        owner = parent if piece.is_text or parent is None else parent.getparent()
        hidden = False
        for el in (owner, *(owner.iterancestors() if owner is not None else ())):
            if el is kicker or class_tokens(el) & _HIDDEN_CLASSES:
                hidden = True
                break
            if el is h1:
                break
        if not hidden:
            parts.append(str(piece))
    return squash("".join(parts)).strip(" :|–—-")


def _strip_site(title: str, site: str | None) -> str:
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) < 2:  # noqa: PLR2004
        return title
    if site:
        key = site.casefold()
        kept = [p for p in parts if p.casefold() != key and key not in p.casefold()]
        if kept and len(kept) < len(parts):
            return " ".join(kept) if len(kept) == 1 else title
    return max(parts, key=len) if len(max(parts, key=len)) > len(title) * 0.5 else title


def _similar(a: str, b: str) -> bool:
    fa, fb = a.casefold(), b.casefold()
    return fa == fb or fa in fb or fb in fa


def read(  # noqa: C901, PLR0912, PLR0915 - one field after another
    data: str | bytes,
    *,
    url: str | None,
    encoding: str | None,
    tz: tzinfo,
    max_bytes: int,
    max_tag_chars: int,
) -> Article:
    """Read an article from a page; see :func:`newsmodel.html.loads`."""
    root, page_notes = parse_page(
        data, encoding=encoding, max_bytes=max_bytes, max_tag_chars=max_tag_chars
    )
    reader = _Reader(root, url=url, tz=tz)
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

    # Drop everything that is never article text, before the body is looked for.
    for element in list(root.iter(*_MARKED_DROPS)):
        parent = element.getparent()
        if parent is None:
            continue
        if element.tag == "form":
            # Some sites wrap the whole page in one <form>: keep its text, drop the controls.
            element.drop_tag()
        else:
            marker = lxml_html.Element("hr")
            marker.set("data-dropped", element.tag)
            marker.tail = element.tail
            parent.replace(element, marker)
    etree.strip_elements(root, *_PLAIN_DROPS, with_tail=False)

    container = body_el
    if container is None:
        body = root.find("body")
        container = find_main(body if body is not None else root)
    scope: HtmlElement | None = item if item is not None else container
    h1 = _first_h1(root, item)

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
    kicker = _kicker(h1) if h1 is not None and item is None else None
    if h1 is not None and kicker is not None:
        # "Klimaschutz: Bohren, bis es heiß wird": the kicker above a headline is not part of it
        reader.extra.append(("html:kicker", text_of(kicker)))
        h1_text = _text_without(h1, kicker) or h1_text
    og_title = f.first("headline_og")
    title = f.first("title")
    if headline is None:
        for candidate in (og_title, h1_text, title):
            if candidate:
                headline = _strip_site(candidate, site) if candidate is not h1_text else candidate
                break
    if headline is None:
        raise ParseError(_FORMAT, "no headline: the page has no title, h1 or article metadata")
    if h1_text and headline != h1_text:
        cut = headline.rstrip(".… ")
        if (_similar(headline, h1_text) and len(h1_text) <= len(headline)) or (
            cut != headline and h1_text.startswith(cut)
        ):
            headline = h1_text

    # A subtitle heading under the <h1> is taken out of the tree: it is the standfirst, not the
    # heading of the body's first section.
    visible_lede = _visible_lede(container, h1) if item is None else None
    visible_text = None
    if visible_lede is not None:
        lede_el, visible_text = visible_lede
        if lede_el.tag in _SUBTITLE_TAGS and lede_el.getparent() is not None:
            lede_el.drop_tree()

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

    # attributions: explicit markup, then JSON-LD, then meta, then bylines on the page
    attributions = list(reader.attributions)

    def add_people(names: list[tuple[str, str | None]], role: Role) -> None:
        for name, person_url in names:
            try:
                a = Attribution(name, role=role, url=person_url)
            except ValidationError:
                try:
                    a = Attribution(name, role=role)
                except ValidationError:
                    continue
            if not any(x.name.casefold() == a.name.casefold() for x in attributions):
                attributions.append(a)

    # An organisation (or the site itself) named as author stands for "no byline in the
    # metadata": a person's byline on the page is better.
    site_keys = {
        x.casefold()
        for x in (site, f.first("site_og"), *f.values.get("site_fallback", []))
        if isinstance(x, str)
    }
    weak = set(f.values.get("ld:author_orgs", [])) | site_keys
    ld_authors = f.first(f"ld:{Role.AUTHOR.value}") or []
    meta_authors = f.first("authors_meta") or []
    if (
        not attributions
        and not own
        and all(_weak_author(n, weak) for n, _ in ld_authors)
        and all(_weak_author(n, weak) for n in meta_authors)
    ):
        add_people([(n, None) for n in _byline(root, container)], Role.AUTHOR)
    if not any(a.role is Role.AUTHOR for a in attributions):
        add_people(ld_authors, Role.AUTHOR)
    for role in (Role.EDITOR, Role.TRANSLATOR, Role.SOURCE):
        if not any(a.role is role for a in attributions):
            add_people(f.first(f"ld:{role.value}") or [], role)
    if not any(a.role is Role.AUTHOR for a in attributions):
        add_people([(n, None) for n in f.first("authors_meta") or []], Role.AUTHOR)
    if not attributions and not own:
        add_people([(n, None) for n in _byline(root, container)], Role.AUTHOR)
    if not attributions and item is None:
        add_people([(n, None) for n in _dated_byline(h1, container, reader.zone)], Role.AUTHOR)
    # "..., передает Altyn-orda.kz" at the end of the lede or the first paragraph. Our own
    # markup says what is lede and what is credit: its text is taken as it is.
    for text_source in () if own else (lede, first_text):
        if not text_source:
            continue
        rest, credited = split_attribution(text_source)
        if (
            credited is not None
            and credited.role is Role.SOURCE
            and _SENTENCE_END.search(credited.name) is None  # a name, not the next sentences
        ):
            if text_source is lede:
                lede = rest or None
        elif item is None:
            # the phrase may end the first sentence, or the dateline may name the agency
            # ("МОСКВА, 29 июня. /ТАСС/."): credited, the text left as it is
            credited = _source_in_text(text_source)
        else:
            credited = None
        if credited is not None:
            _add_source(attributions, credited)
            break

    # dates
    published = f.first("published") or f.first("published_meta")
    if published is None and not own:
        published = _time_element(root, scope, reader.zone)
    if published is None and not own:
        published = _date_text(scope if scope is not None else root, reader.zone)
    if published is None and scope is not None and not own:
        published = _date_text(root, reader.zone)
    if published is None and not own:
        for candidate in (url, f.first("url_canonical"), f.first("url_og")):
            published = url_date(candidate, reader.zone)
            if published is not None:
                break
    if published is None and not own:
        published = _printed_date(h1, container, reader.zone)
    updated = f.first("updated") or f.first("updated_meta")
    if updated is not None and published is not None and updated < published:
        # The model holds no update before publication: the page's value is kept aside.
        reader.extra.append(("html:dateModified", updated.isoformat()))
        updated = None

    rubrics = _merge_lists(f, "rubric", "rubrics_ld", "rubrics_og") or _breadcrumb_rubrics(
        f.first("breadcrumbs"), headline, site
    )
    tags = _merge_lists(f, "tag", "tags_ld", "tags_meta")
    subjects = f.values.get("subject") or f.values.get("subject_ld") or []
    language = None
    for key in ("language", "language_html", "language_meta"):
        for candidate in f.values.get(key, []):
            if isinstance(candidate, str) and re.match(
                r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*$", candidate.strip()
            ):
                language = candidate.strip()
                break
        if language:
            break
    page_url = None
    for key in ("url", "url_canonical", "url_og", "url_ld"):
        for candidate in f.values.get(key, []):
            absolute = resolve(candidate, reader.base) if isinstance(candidate, str) else None
            if absolute and re.match(r"^https?://[^\s/]+\S*$", absolute, re.IGNORECASE):
                page_url = absolute
                break
        if page_url:
            break
    if page_url is None and url and re.match(r"^https?://[^\s/]+\S*$", url, re.IGNORECASE):
        page_url = url
    image = f.first("image") or f.first("image_ld") or f.first("image_og")
    version: int = 1
    raw_version = f.first("version")
    if raw_version is not None and str(raw_version).isdigit() and int(raw_version) >= 1:
        version = int(raw_version)
    slug = f.first("slug")

    notes = list(page_notes)
    if container is not None and not sections and text_of(container):
        tag = container.tag if isinstance(container.tag, str) else "element"
        message = f"the main content (<{tag}>) has text but gave no body"
        notes.append(_lossy("body", message, lost=f"<{tag}>"))
    for what, n in sorted(body_reader.dropped.items()):
        message = f"dropped from the body: {counted(n, what.singular, what.plural)}"
        notes.append(_lossy(what.kind, message, lost=what.singular, count=n))
    for scheme, n in sorted(body_reader.bad_links.items()):
        message = f"{counted(n, f'{scheme}: link')} kept as plain text (scheme not allowed)"
        notes.append(_lossy("link", message, lost=f"{scheme}:", count=n))
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
        + [p for p in _unique_pairs(reader.extra) if p not in reader.explicit_extra],
    }
    if language:
        fields["language"] = language
    if slug:
        fields["slug"] = slug
    article = _build(fields, notes)
    for note in notes:
        issue(note)
    return article


_SENTENCE_END = re.compile(r"(?<=[.!?…])[»\"”]?\s+(?=[«\"„“]?[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ])")
_AGENCY_DATELINE = re.compile(r"^[^/\n]{2,60}?[.,]\s*/\s*([^/\s][^/\n]{0,40}?)\s*/")


def _source_in_text(text: str) -> Attribution | None:
    """A source named by the dateline or by a phrase ending one of the first sentences."""
    match = _AGENCY_DATELINE.match(text)
    if match:
        try:
            return Attribution(match.group(1), role=Role.SOURCE)
        except ValidationError:
            pass
    for sentence in _SENTENCE_END.split(text, maxsplit=2)[:2]:
        _, credited = split_attribution(sentence)
        if credited is not None and credited.role is Role.SOURCE:
            return credited
    return None


def _add_source(attributions: list[Attribution], credited: Attribution) -> None:
    """Credit a source; an organisation of that name credited as author is the source."""
    key = credited.name.casefold()
    for index, existing in enumerate(attributions):
        if existing.name.casefold() == key:
            if existing.role is Role.AUTHOR:
                attributions[index] = credited
            return
    attributions.append(credited)


def _lossy(
    kind: str,
    message: str,
    *,
    lost: str | None = None,
    count: int = 1,
    line: int | None = None,
    column: int | None = None,
    path: str | None = None,
) -> LossyConversionWarning:
    return LossyConversionWarning(
        message,
        format=_FORMAT,
        kind=kind,
        lost=lost,
        count=count,
        line=line,
        column=column,
        path=path,
    )


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
                _lossy("field", f"{name} left out: {exc.reason}", lost=name, path=exc.field)
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
        cleaned = _clean(name)
        if cleaned:
            named.append((order, cleaned))
    names = [n for _, n in sorted(named, key=lambda pair: pair[0])]
    if names and (names[0].casefold() in _HOME or (site and _similar(names[0], site))):
        names = names[1:]
    if names and _similar(names[-1], headline):
        names = names[:-1]
    return _unique([n for n in names if len(n) <= 60])  # noqa: PLR2004


def _unique_pairs(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    seen = set()
    out = []
    for pair in pairs:
        if pair not in seen:
            seen.add(pair)
            out.append(pair)
    return out


def _merge_lists(f: _Fields, explicit: str, *sources: str) -> list[str]:
    values = f.values.get(explicit)
    if values:
        return [v for v in values if isinstance(v, str)]
    for source in sources:
        found = f.first(source)
        if found:
            return _unique(list(found))
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


_LEDE_CLASSES = frozenset(
    {
        "lede",
        "lead",
        "standfirst",
        "subtitle",
        "subheadline",
        "summary",
        "intro",
        "dek",
        "excerpt",
        "abstract",
        "annotation",
        "anons",
        "announce",
        "teaser-text",
        "description",
        "deck",
        "kicker-text",
        "leadtext",
        "article-lead",
        "article__lead",
    }
)


def _heading_after(h1: HtmlElement) -> HtmlElement | None:
    """A heading that follows the ``<h1>`` (short lines such as a date or byline between)."""
    element: HtmlElement | None = h1
    for _ in range(2):
        if element is None:
            return None
        skipped = 0
        sibling = element.getnext()
        while sibling is not None and skipped < 3:  # noqa: PLR2004
            if isinstance(sibling.tag, str):
                if sibling.tag in _SUBTITLE_TAGS:
                    return sibling
                if len(text_of(sibling)) >= _MIN_LEDE:
                    return None
                skipped += 1
            sibling = sibling.getnext()
        if h1.getnext() is not None and element is h1:
            return None
        # an <h1> alone in its wrapper: look after the wrapper
        element = element.getparent()
    return None


_SUBTITLE_TAGS = frozenset({"h2", "h3", "h4"})
_MIN_LEDE = 30
_TEASER_LINKS = 0.3


def _visible_lede(  # noqa: C901
    container: HtmlElement | None, h1: HtmlElement | None
) -> tuple[HtmlElement, str] | None:
    """The standfirst the page shows: a subtitle heading under the ``<h1>``, or a lede class.

    A candidate that is mostly a link is a teaser ("READ MORE ..."), not the standfirst.
    """
    if h1 is not None:
        subtitle = _heading_after(h1)
        if subtitle is not None:
            text = text_of(subtitle)
            if (
                _MIN_LEDE <= len(text) <= 1000  # noqa: PLR2004
                and link_density(subtitle) < _TEASER_LINKS
            ):
                return subtitle, text
    scopes = []
    if h1 is not None:
        parent = h1.getparent()
        for _ in range(3):
            if parent is None:
                break
            scopes.append(parent)
            parent = parent.getparent()
    if container is not None:
        scopes.append(container)
    for scope in scopes:
        for element in _classed(scope):
            if element.tag not in {"p", "div", "h2", "span"}:
                continue
            tokens = class_tokens(element)
            if tokens & _LEDE_CLASSES and "caption" not in tokens:
                text = text_of(element)
                if (
                    40 <= len(text) <= 1000  # noqa: PLR2004
                    and len(element) < 8  # noqa: PLR2004
                    and link_density(element) < _TEASER_LINKS
                ):
                    return element, text
    return None


_AUTHOR_HREF = re.compile(
    r"/(?:author|authors|autor|autoren|avtor|avtory|writer|writers|journalist|journalists)"
    r"(?:[/_-]|$)",
    re.IGNORECASE,
)


def _author_link(scope: HtmlElement) -> list[str]:
    """The names a link to the author's page carries (/author/jane-doe/, /avtor/…)."""
    for element in scope.iter("a"):
        href = element.get("href") or ""
        if _AUTHOR_HREF.search(href.split("?", 1)[0]):
            name = text_of(element)
            if 3 <= len(name) <= 60 and not _YEAR.search(name):  # noqa: PLR2004
                names = _split_people(name)
                if names:
                    return names
    return []


_BYLINE_CLASSES = frozenset(
    {
        "author",
        "authors",
        "byline",
        "by-line",
        "writer",
        "avtor",
        "autor",
        "article-author",
        "author-name",
        "authorname",
        "creator",
    }
)


def _byline(root: HtmlElement, container: HtmlElement | None) -> list[str]:  # noqa: C901
    for element in root.iter("a"):
        if "author" in (element.get("rel") or "").split():
            name = text_of(element)
            if 3 <= len(name) <= 60:  # noqa: PLR2004
                return _split_people(name)
    parent = container.getparent() if container is not None else None
    scopes: list[HtmlElement] = [parent if parent is not None else root, root]
    linked = _author_link(scopes[0])
    if linked:
        return linked
    for scope in scopes:
        for element in _classed(scope):
            if element.tag in {"body", "html", "article", "main"}:
                continue
            if class_tokens(element) & _BYLINE_CLASSES:
                text = text_of(element)
                if 3 <= len(text) <= 80 and not re.search(r"\d{2}", text):  # noqa: PLR2004
                    names = [
                        n
                        for n in _split_people(text)
                        if 3 <= len(n) <= 40 and len(n.split()) <= 4  # noqa: PLR2004
                    ]
                    if names:
                        return names
    return []


_MODIFIED_CLASSES = frozenset({"updated", "modified", "date-updated", "date-modified"})


def _time_element(root: HtmlElement, scope: HtmlElement | None, zone: tzinfo) -> datetime | None:
    """The first ``<time>`` that is not the page's date of modification."""
    for where in (scope, root):
        if where is None:
            continue
        for element in where.iter("time"):
            if "dateModified" in (element.get("itemprop") or "").split():
                continue
            parent = element.getparent()
            if class_tokens(element) & _MODIFIED_CLASSES or (
                parent is not None and class_tokens(parent) & _MODIFIED_CLASSES
            ):
                continue
            value = element.get("datetime") or text_of(element)
            parsed = _date_value(value, zone)
            if parsed is not None:
                return parsed
    return None


_DATE_CLASSES = frozenset(
    {
        "date",
        "time",
        "published",
        "pubdate",
        "datetime",
        "timestamp",
        "article-date",
        "publish",
        "posted",
        "data",
        "dateline",
    }
)


def _classed(scope: HtmlElement) -> list[HtmlElement]:
    """The elements under ``scope`` (itself included) that have a class or an id."""
    found: list[HtmlElement] = scope.xpath("descendant-or-self::*[@class or @id]")
    return found


def _date_text(scope: HtmlElement, zone: tzinfo) -> datetime | None:
    for element in _classed(scope):
        if class_tokens(element) & _DATE_CLASSES:
            text = text_of(element)
            if 6 <= len(text) <= 80:  # noqa: PLR2004
                parsed = _date_value(text, zone)
                if parsed is not None:
                    return parsed
    return None


def _near_headline(h1: HtmlElement | None, container: HtmlElement | None) -> list[HtmlElement]:
    """Where a page prints what it does not mark: around the ``<h1>``, then the body."""
    scopes: list[HtmlElement] = []
    if h1 is not None:
        parent = h1.getparent()
        for _ in range(4):
            if parent is None or parent.tag in {"body", "html"}:
                break
            scopes.append(parent)
            parent = parent.getparent()
    if container is not None:
        scopes.append(container)
        outer = container.getparent()
        if outer is not None and outer.tag not in {"body", "html"}:
            scopes.append(outer)
    return list(dict.fromkeys(scopes))


_LINE_PARTS = re.compile(r"(?<!\s)\s+[-–—|·•/]\s+")
_PERSON = re.compile(r"^(?:[A-ZÀ-ÖØ-ÞА-ЯЁІЇЄҐ][\w'’.-]+\s){1,3}[A-ZÀ-ÖØ-ÞА-ЯЁІЇЄҐ][\w'’-]+$")


def _dated_byline(h1: HtmlElement | None, container: HtmlElement | None, zone: tzinfo) -> list[str]:
    """A person's name printed beside the date ("25.10.2022 - Reiner Nagel")."""
    for scope in _near_headline(h1, container)[:5]:
        for element in scope.iter():
            text = element.text
            if not text or len(text) > 80 or not _YEAR.search(text):  # noqa: PLR2004
                continue
            parts = _LINE_PARTS.split(text.strip())
            if len(parts) == 2 and any(_date_value(p, zone) for p in parts):  # noqa: PLR2004
                names = [p for p in parts if _PERSON.match(p) and not _YEAR.search(p)]
                if names:
                    return names
    return []


def _printed_date(
    h1: HtmlElement | None, container: HtmlElement | None, zone: tzinfo
) -> datetime | None:
    """A complete date printed in a short text near the headline or in the article body.

    The last resort for pages that mark their date nowhere: the nearest scope around the
    ``<h1>`` first, then the body (a date under the signature), then the body's parent.
    """
    for scope in _near_headline(h1, container):
        for element in scope.iter():
            for text in (element.text, element.tail if element is not scope else None):
                parsed = _short_date(text, zone)
                if parsed is not None:
                    return parsed
    return None


def _short_date(text: str | None, zone: tzinfo) -> datetime | None:
    if text and 6 <= len(text) <= 120 and _YEAR.search(text):  # noqa: PLR2004
        return _date_value(text, zone)
    return None
