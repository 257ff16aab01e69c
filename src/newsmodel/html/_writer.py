"""Write an :class:`~newsmodel.Article` as a semantic HTML5 page or ``<article>`` fragment.

The markup is meant for people and machines alike: the visible text is plain semantic HTML
(``<article>``, ``<h1>``, ``<section>``/``<h2>``, ``<figure>``/``<figcaption>``, ``<time>``),
schema.org microdata on the ``<article>`` carries every field of the model (so the reader gets
the article back exactly), and the ``<head>`` repeats the metadata as OpenGraph and a
``NewsArticle`` JSON-LD block for search engines and social networks.
"""

from __future__ import annotations

import json
from datetime import datetime
from html import escape
from typing import TYPE_CHECKING, Any

from newsmodel._attribution import format_attribution, outlet_key
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
    PubStatus,
    Quote,
    Role,
    Section,
    Strong,
    Table,
)
from newsmodel._warnings import counted, lossy
from newsmodel.dates import format_date
from newsmodel.html._embeds import player_url

if TYPE_CHECKING:
    from datetime import date, tzinfo

__all__ = [
    "SCHEMA",
    "WRITTEN_SCHEMES",
    "BodyWriter",
    "body_html",
    "credit_display",
    "render",
    "render_body",
]

SCHEMA = "https://schema.org/"

#: Link schemes written out; a relative reference (no scheme) is written as it is.
WRITTEN_SCHEMES = frozenset({"http", "https", "mailto"})

#: The microdata property an attribution is written under, by role.
ROLE_PROPERTY: dict[Role, str] = {
    Role.AUTHOR: "author",
    Role.EDITOR: "editor",
    Role.TRANSLATOR: "translator",
    Role.PUBLISHER: "publisher",
    Role.SOURCE: "sourceOrganization",
    Role.ORIGINAL: "isBasedOn",
    Role.PHOTOGRAPHER: "contributor",
    Role.VIDEOGRAPHER: "contributor",
}
_ORGANISATION_ROLES = frozenset({Role.PUBLISHER, Role.SOURCE, Role.ORIGINAL})


def _text(value: str) -> str:
    return escape(value, quote=False)


def _attr(value: str) -> str:
    return escape(value, quote=True)


def _json_for_script(data: object) -> str:
    """JSON that cannot end its ``<script>`` element or open a comment inside it."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def _scheme(href: str) -> str | None:
    head, sep, _ = href.partition(":")
    if not sep or "/" in head or "?" in head or "#" in head:
        return None
    return head.lower()


def credit_display(attribution: Attribution) -> tuple[str, str]:
    """The text printed before and after the name of a credit, as plain (unescaped) text.

    A phrase that runs into the name in a sentence is written as it is ("передает
    Altyn-orda.kz"); any other credit is written as
    :func:`~newsmodel._attribution.format_attribution` writes a credit line ("Фото: …").

    >>> credit_display(Attribution("Иван Петров", role=Role.PHOTOGRAPHER, phrase="фото"))
    ('Фото: ', '')
    >>> credit_display(Attribution("Altyn-orda.kz", role=Role.SOURCE, phrase="передает"))
    ('передает ', '')
    """
    name = attribution.name
    phrase = attribution.phrase
    if phrase is not None and format_attribution(attribution) == (
        f"{attribution.separator}{phrase} {name}"
    ):
        return f"{phrase} ", ""
    line = format_attribution(attribution, style="credit")
    return line[: len(line) - len(name)], ""


class BodyWriter:
    """Writes sections, blocks and inline content as the page's body holds them.

    What it writes goes to :attr:`out`; the targets of links it could not write, to
    :attr:`dropped`. With ``embeds_as_links``, an embed is written as a link to it.
    """

    def __init__(self, *, embeds_as_links: bool = False) -> None:
        """Start with nothing written."""
        self.out: list[str] = []
        self.dropped: list[str] = []
        self.embeds_as_links = embeds_as_links

    # -- inline ---------------------------------------------------------------------------

    def inlines(self, content: tuple[Inline, ...], *, in_link: bool = False) -> str:
        parts: list[str] = []
        for item in content:
            if isinstance(item, str):
                parts.append(_text(item))
            elif isinstance(item, LineBreak):
                parts.append("<br>")
            elif isinstance(item, Emphasis):
                parts.append(f"<em>{self.inlines(item.content, in_link=in_link)}</em>")
            elif isinstance(item, Strong):
                parts.append(f"<strong>{self.inlines(item.content, in_link=in_link)}</strong>")
            else:
                parts.append(self.link(item, in_link=in_link))
        return "".join(parts)

    def link(self, link: Link, *, in_link: bool) -> str:
        inner = self.inlines(link.content, in_link=True)
        scheme = _scheme(link.href)
        if scheme is not None and scheme not in WRITTEN_SCHEMES:
            self.dropped.append(link.href)
            return inner
        title = f' title="{_attr(link.title)}"' if link.title else ""
        if in_link:
            # HTML has no link inside a link: the inner one keeps its target as a mark.
            return f'<span class="link" data-href="{_attr(link.href)}"{title}>{inner}</span>'
        return f'<a href="{_attr(link.href)}"{title}>{inner}</a>'

    # -- credits --------------------------------------------------------------------------

    def credit(self, attribution: Attribution, *, microdata: bool) -> str:
        attrs = f' class="credit" data-role="{attribution.role.value}"'
        if attribution.phrase is not None:
            attrs += f' data-phrase="{_attr(attribution.phrase)}"'
        if attribution.separator != CANONICAL_SEPARATOR:
            attrs += f' data-separator="{_attr(attribution.separator)}"'
        name_prop = url_prop = ""
        if microdata:
            kind = "Organization" if attribution.role in _ORGANISATION_ROLES else "Person"
            prop = ROLE_PROPERTY[attribution.role]
            attrs += f' itemprop="{prop}" itemscope itemtype="{SCHEMA}{kind}"'
            name_prop, url_prop = ' itemprop="name"', ' itemprop="url"'
        before, after = credit_display(attribution)
        name = f'<span class="name"{name_prop}>{_text(attribution.name)}</span>'
        if attribution.url is not None:
            name = f'<a{url_prop} href="{_attr(attribution.url)}">{name}</a>'
        return f"<span{attrs}>{_text(before)}{name}{_text(after)}</span>"

    # -- blocks ---------------------------------------------------------------------------

    def figure(self, figure: Figure, *, lead: bool = False) -> None:
        if lead:
            self.out.append(
                f'<figure class="lead" itemprop="image" itemscope itemtype="{SCHEMA}ImageObject">'
            )
            src_prop, caption_prop = ' itemprop="contentUrl"', ' itemprop="caption"'
        else:
            self.out.append("<figure>")
            src_prop = caption_prop = ""
        alt = _attr(figure.alt or "")
        self.out.append(f'<img{src_prop} src="{_attr(figure.image)}" alt="{alt}">')
        self.figcaption(figure.caption, figure.credit, caption_prop)
        self.out.append("</figure>")

    def figcaption(
        self, caption: str | None, credit: Attribution | None, caption_prop: str = ""
    ) -> None:
        parts = []
        if caption is not None:
            parts.append(f'<span class="caption"{caption_prop}>{_text(caption)}</span>')
        if credit is not None:
            parts.append(self.credit(credit, microdata=False))
        if parts:
            self.out.append(f"<figcaption>{' '.join(parts)}</figcaption>")

    def embed(self, embed: Embed) -> None:
        """An embed: its link always; a sandboxed player frame only where one is allowed."""
        given = embed.given_provider
        provider = f' data-provider="{given.value}"' if given is not None else ""
        self.out.append(f'<figure class="embed"{provider}>')
        player = player_url(embed.url, embed.provider)
        if player is not None:
            title = _attr(embed.caption or embed.provider.value)
            self.out.append(
                f'<iframe src="{_attr(player)}" title="{title}" loading="lazy"'
                ' sandbox="allow-scripts allow-same-origin allow-presentation"'
                ' referrerpolicy="strict-origin-when-cross-origin" allowfullscreen></iframe>'
            )
        url = _attr(embed.url)
        self.out.append(f'<a class="embed-link" href="{url}">{_text(embed.url)}</a>')
        self.figcaption(embed.caption, embed.credit)
        self.out.append("</figure>")

    def block(self, block: Block) -> None:
        if isinstance(block, Paragraph):
            self.out.append(f"<p>{self.inlines(block.content)}</p>")
        elif isinstance(block, Quote):
            self.out.append("<blockquote>")
            self.out.extend(f"<p>{self.inlines(p.content)}</p>" for p in block.paragraphs)
            if block.cite is not None:
                self.out.append(f"<footer>— <cite>{_text(block.cite)}</cite></footer>")
            self.out.append("</blockquote>")
        elif isinstance(block, ItemList):
            tag = "ol" if block.ordered else "ul"
            self.out.append(f"<{tag}>")
            self.out.extend(f"<li>{self.inlines(p.content)}</li>" for p in block.items)
            self.out.append(f"</{tag}>")
        elif isinstance(block, Table):
            self.table(block)
        elif isinstance(block, Figure):
            self.figure(block)
        elif isinstance(block, Embed) and self.embeds_as_links:
            self.embed_link(block)
        else:
            self.embed(block)

    def table(self, table: Table) -> None:
        self.out.append("<table>")
        if table.caption is not None:
            self.out.append(f"<caption>{_text(table.caption)}</caption>")
        for i, row in enumerate(table.rows):
            if i == 0 and table.header_rows:
                self.out.append("<thead>")
            if i == table.header_rows:
                self.out.append("<tbody>")
            cell = "th" if i < table.header_rows else "td"
            self.out.append("<tr>" + "".join(f"<{cell}>{_text(c)}</{cell}>" for c in row) + "</tr>")
            if i + 1 == table.header_rows:
                self.out.append("</thead>")
        if table.header_rows < len(table.rows):
            self.out.append("</tbody>")
        self.out.append("</table>")

    def embed_link(self, embed: Embed) -> None:
        """An embed as a paragraph with a link to it: its caption, else its URL, and credit.

        Every feed reader shows a link; none runs the services' scripts or iframes.
        """
        label = embed.caption if embed.caption is not None else embed.url
        parts = [f'<a href="{_attr(embed.url)}">{_text(label)}</a>']
        if embed.credit is not None:
            parts.append(self.credit(embed.credit, microdata=False))
        self.out.append(f"<p>{' '.join(parts)}</p>")

    def section(self, section: Section) -> None:
        self.out.append("<section>")
        if section.heading is not None:
            self.out.append(f"<h2>{_text(section.heading)}</h2>")
        for block in section.blocks:
            self.block(block)
        self.out.append("</section>")


def render_body(
    sections: tuple[Section, ...], *, embeds_as_links: bool = False
) -> tuple[str, list[str]]:
    """The sections as the page's body holds them, and the targets of links left as text.

    >>> text, dropped = render_body((Section(blocks=["Абзац <1>."]),))
    >>> text.splitlines()
    ['<section>', '<p>Абзац &lt;1&gt;.</p>', '</section>']
    """
    writer = BodyWriter(embeds_as_links=embeds_as_links)
    for section in sections:
        writer.section(section)
    return "\n".join(writer.out), writer.dropped


class _Writer(BodyWriter):
    def __init__(self, article: Article, *, internal: bool = False) -> None:
        super().__init__()
        self.article = article
        self.internal = internal

    # -- the article ----------------------------------------------------------------------

    def time(self, value: datetime | date, prop: str) -> str:
        if isinstance(value, datetime):
            shown = format_date(
                value, "datetime_long", locale=_date_locale(self.article), tz=_tz(value)
            )
        else:  # a date alone: the day, with no time of day that the article never gave
            shown = format_date(value, "long", locale=_date_locale(self.article))
        return f'<time itemprop="{prop}" datetime="{value.isoformat()}">{_text(shown)}</time>'

    def article_element(self) -> None:
        a = self.article
        head = (
            f'<article itemscope itemtype="{SCHEMA}NewsArticle" lang="{_attr(a.language)}"'
            # A slug that follows the headline is derived again on reading: only a given one.
            + (f' data-slug="{_attr(a.given_slug)}"' if a.given_slug is not None else "")
            + f' data-version="{a.version}">'
        )
        self.out.append(head)
        self.header()
        self.out.append('<div class="body" itemprop="articleBody">')
        for section in a.sections:
            self.section(section)
        self.out.append("</div>")
        footer = self.footer()
        if footer:
            self.out.append("<footer>")
            self.out.extend(footer)
            self.out.append("</footer>")
        self.out.append("</article>")

    def header(self) -> None:  # noqa: C901, PLR0912 - one field after another
        """The article's header: site, rubrics, headline, lede, dates, credits, lead image."""
        a = self.article
        self.out.append("<header>")
        if a.site is not None:
            self.out.append(
                f'<p class="site" itemprop="isPartOf" itemscope itemtype="{SCHEMA}WebSite">'
                f'<span itemprop="name">{_text(a.site)}</span></p>'
            )
        if a.rubrics:
            items = "".join(f'<li itemprop="articleSection">{_text(r)}</li>' for r in a.rubrics)
            self.out.append(f'<ul class="rubrics">{items}</ul>')
        self.out.append(f'<h1 itemprop="headline">{_text(a.headline)}</h1>')
        if a.lede is not None:
            self.out.append(f'<p class="lede" itemprop="description">{_text(a.lede)}</p>')
        times = []
        if a.published is not None:
            times.append(self.time(a.published, "datePublished"))
        if a.updated is not None:
            times.append(
                f'<span class="updated">обновлено {self.time(a.updated, "dateModified")}</span>'
            )
        if times:
            self.out.append(f'<p class="dates">{" ".join(times)}</p>')
        if a.attributions:
            credits = ", ".join(self.credit(x, microdata=True) for x in a.attributions)  # noqa: A001
            self.out.append(f'<p class="byline">{credits}</p>')
        if a.correction is not None:
            self.out.append(f'<p class="correction" role="note">{_text(a.correction)}</p>')
        if a.dateline is not None:
            self.out.append(f'<p class="dateline" itemprop="dateline">{_text(a.dateline)}</p>')
        if a.place is not None:
            self.out.append(
                f'<p class="place" itemprop="contentLocation" itemscope itemtype="{SCHEMA}Place">'
                f'<span itemprop="name">{_text(a.place)}</span></p>'
            )
        if a.url is not None:
            self.out.append(f'<link itemprop="url" href="{_attr(a.url)}">')
        if a.guid is not None:
            self.out.append(f'<meta itemprop="identifier" content="{_attr(a.guid)}">')
        if a.image is not None:
            self.figure(a.image, lead=True)
        self.out.append("</header>")

    def footer(self) -> list[str]:
        """The article's footer: tags, subjects, genres, rights, and the newsroom's fields."""
        a = self.article
        footer = []
        if a.tags:
            items = "".join(f'<li itemprop="keywords">{_text(t)}</li>' for t in a.tags)
            footer.append(f'<ul class="tags">{items}</ul>')
        if a.subjects:
            items = "".join(
                f'<li itemprop="about" itemscope itemtype="{SCHEMA}DefinedTerm">'
                f'<meta itemprop="termCode" content="{_attr(s.code)}">'
                + (f'<span itemprop="name">{_text(s.label)}</span>' if s.label else "")
                + "".join(
                    f'<span class="name-in" lang="{_attr(lang)}" hidden>{_text(name)}</span>'
                    for lang, name in s.names
                )
                + "</li>"
                for s in a.subjects
            )
            footer.append(f'<ul class="subjects">{items}</ul>')
        if a.genres:
            items = "".join(
                f'<li data-code="{_attr(g.code)}">{_text(g.name)}</li>'
                if g.name
                else f'<li class="code" data-code="{_attr(g.code)}">{_text(g.code)}</li>'
                for g in a.genres
            )
            footer.append(f'<ul class="genres">{items}</ul>')
        rights = a.rights
        if rights is not None and (rights.holder or rights.notice):
            parts = [
                f'<span class="{cls}">{_text(v)}</span>'
                for cls, v in (("notice", rights.notice), ("holder", rights.holder))
                if v
            ]
            footer.append(f'<p class="rights">{" ".join(parts)}</p>')
        internal = internal_fields(a) if self.internal else []
        if internal:
            # For the newsroom only: notes to editors, embargo, usage terms, agency times.
            items = "".join(f"<dt>{k}</dt><dd>{_text(v)}</dd>" for k, v in internal)
            footer.append(f'<dl class="internal" hidden>{items}</dl>')
        if a.extra and self.internal:
            # What a source gave beyond the model is for the newsroom, never for readers.
            items = "".join(f"<dt>{_text(k)}</dt><dd>{_text(v)}</dd>" for k, v in a.extra)
            footer.append(f'<dl class="extra" hidden>{items}</dl>')
        return footer

    # -- the page -------------------------------------------------------------------------

    def head(self) -> None:
        a = self.article
        out = self.out
        out.append(f"<title>{_text(a.headline)}</title>")
        if a.lede is not None:
            out.append(f'<meta name="description" content="{_attr(a.lede)}">')
        out.append('<meta name="viewport" content="width=device-width, initial-scale=1">')
        if a.url is not None:
            out.append(f'<link rel="canonical" href="{_attr(a.url)}">')
        og: list[tuple[str, str]] = [("og:type", "article"), ("og:title", a.headline)]
        if a.lede is not None:
            og.append(("og:description", a.lede))
        if a.url is not None:
            og.append(("og:url", a.url))
        if a.site is not None:
            og.append(("og:site_name", a.site))
        if a.image is not None:
            og.append(("og:image", a.image.image))
            if a.image.alt:
                og.append(("og:image:alt", a.image.alt))
        if a.published is not None:
            og.append(("article:published_time", a.published.isoformat()))
        if a.updated is not None:
            og.append(("article:modified_time", a.updated.isoformat()))
        og.extend(("article:section", r) for r in a.rubrics)
        og.extend(("article:tag", t) for t in a.tags)
        out.extend(f'<meta property="{p}" content="{_attr(v)}">' for p, v in og)
        out.append(f'<script type="application/ld+json">{_json_for_script(json_ld(a))}</script>')

    def document(self) -> str:
        self.out.append("<!DOCTYPE html>")
        self.out.append(f'<html lang="{_attr(self.article.language)}">')
        self.out.append("<head>")
        self.out.append('<meta charset="utf-8">')
        self.head()
        self.out.append("</head>")
        self.out.append("<body>")
        self.article_element()
        self.out.append("</body>")
        self.out.append("</html>")
        return "\n".join(self.out) + "\n"


def internal_fields(article: Article) -> list[tuple[str, str]]:
    """The newsroom-only fields of an article, as the ``dl class="internal"`` pairs."""
    a = article
    rights = a.rights
    values: list[tuple[str, object]] = [
        ("urgency", a.urgency),
        ("embargo", a.embargo.isoformat() if a.embargo else None),
        ("pub_status", a.pub_status.value if a.pub_status is not PubStatus.USABLE else None),
        ("editorial_note", a.editorial_note),
        ("usage_terms", rights.usage_terms if rights else None),
        ("slugline", a.slugline),
        ("first_created", a.first_created.isoformat() if a.first_created else None),
        ("version_created", a.version_created.isoformat() if a.version_created else None),
        ("signals", " ".join(a.signals) or None),
    ]
    return [(k, str(v)) for k, v in values if v is not None]


def _date_locale(article: Article) -> str:
    return "kk" if article.language.split("-")[0] == "kk" else "ru"


def _tz(value: datetime) -> tzinfo:
    zone = value.tzinfo
    assert zone is not None  # noqa: S101 - the model only holds aware datetimes
    return zone


def _person(attribution: Attribution) -> dict[str, Any]:
    kind = "Organization" if attribution.role in _ORGANISATION_ROLES else "Person"
    data: dict[str, Any] = {"@type": kind, "name": attribution.name}
    if attribution.url is not None:
        data["url"] = attribution.url
    return data


def json_ld(article: Article) -> dict[str, Any]:  # noqa: C901, PLR0912
    """The schema.org ``NewsArticle`` of an article, as a JSON-ready dict."""
    a = article
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": a.headline,
    }
    if a.lede is not None:
        data["description"] = a.lede
    if a.published is not None:
        data["datePublished"] = a.published.isoformat()
    if a.updated is not None:
        data["dateModified"] = a.updated.isoformat()
    by_property: dict[str, list[dict[str, Any]]] = {}
    site = None if a.site is None else outlet_key(a.site)
    credited: set[tuple[str, str]] = set()  # the same outlet is never credited twice
    for attribution in a.attributions:
        prop, key = ROLE_PROPERTY[attribution.role], outlet_key(attribution.name)
        if prop == "sourceOrganization" and key == site:  # the site's own credit
            prop = "publisher"
        if (prop, key) not in credited:
            credited.add((prop, key))
            by_property.setdefault(prop, []).append(_person(attribution))
    for prop, people in by_property.items():
        data[prop] = people  # noqa: PERF403
    if "publisher" not in data and a.site is not None:
        data["publisher"] = {"@type": "Organization", "name": a.site}
    if a.rubrics:
        data["articleSection"] = list(a.rubrics)
    if a.tags:
        data["keywords"] = list(a.tags)
    if a.subjects:
        data["about"] = [
            {"@type": "DefinedTerm", "termCode": s.code, **({"name": s.label} if s.label else {})}
            for s in a.subjects
        ]
    data["inLanguage"] = a.language
    if a.url is not None:
        data["url"] = a.url
        data["mainEntityOfPage"] = {"@type": "WebPage", "@id": a.url}
    if a.image is not None:
        image: dict[str, Any] = {"@type": "ImageObject", "url": a.image.image}
        if a.image.caption is not None:
            image["caption"] = a.image.caption
        if a.image.credit is not None:
            image["creditText"] = a.image.credit.name
        data["image"] = image
    if a.guid is not None:
        data["identifier"] = a.guid
    if a.version != 1:
        data["version"] = a.version
    if a.dateline is not None:
        data["dateline"] = a.dateline
    if a.place is not None:
        data["contentLocation"] = {"@type": "Place", "name": a.place}
    return data


def render(article: Article, *, fragment: bool, internal: bool = False) -> str:
    """The page (or the ``<article>`` fragment) of an article; warns about dropped links.

    With ``internal``, what is for the newsroom only is written too, hidden, so that it reads
    back.
    """
    writer = _Writer(article, internal=internal)
    if fragment:
        writer.article_element()
        text = "\n".join(writer.out) + "\n"
    else:
        text = writer.document()
    by_scheme: dict[str, list[str]] = {}
    for href in writer.dropped:
        by_scheme.setdefault(_scheme(href) or "", []).append(href)
    for scheme, hrefs in sorted(by_scheme.items()):
        listed = ", ".join(sorted(set(hrefs)))
        msg = (
            f"{counted(len(hrefs), f'{scheme}: link')} written as plain text (HTML output does"
            f" not carry the scheme): {listed}"
        )
        lossy("html", "link", msg, lost=f"{scheme}:", count=len(hrefs))
    return text


def body_html(article: Article) -> tuple[str, list[str]]:
    """The body (the sections) of an article as HTML, and the hrefs of links written as text.

    The same markup :func:`render` writes inside ``<div class="body">``: feeds carry it as
    their full text. An :class:`~newsmodel.Embed` is a paragraph with a link to the post or
    video (its caption, else its URL, then its credit).
    """
    return render_body(article.sections, embeds_as_links=True)
