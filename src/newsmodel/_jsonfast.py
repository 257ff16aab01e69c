"""The direct path from the model to JSON values, for exact model classes.

:mod:`newsmodel.json` writes through a cattrs converter; its generic hooks cost several times
the model itself. :func:`to_dict` gives the value ``json.dumps`` writes for an
:class:`Article`, field for field what the converter gives; it raises :class:`SlowPath` on a
class it does not know (a subclass), and the caller uses the converter. The direct path the
other way is :mod:`newsmodel._jsonread`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from newsmodel._models import (
    Article,
    Attribution,
    Embed,
    Emphasis,
    Figure,
    Genre,
    ItemList,
    LineBreak,
    Link,
    Paragraph,
    Quote,
    Rights,
    Section,
    Strong,
    Subject,
    Table,
)

if TYPE_CHECKING:
    from datetime import date, datetime

__all__ = ["SlowPath", "to_dict"]


class SlowPath(Exception):  # noqa: N818 - a signal, not an error a user sees
    """The direct path does not apply: the caller takes the converter's."""


# --- model -> JSON values --------------------------------------------------------------------


def _inlines(content: tuple[Any, ...]) -> list[Any]:
    return [item if type(item) is str else _INLINE_OUT[type(item)](item) for item in content]


def _link_out(link: Link) -> dict[str, Any]:
    return {
        "type": "link",
        "href": link.href,
        "content": _inlines(link.content),
        "title": link.title,
    }


def _emphasis_out(item: Emphasis) -> dict[str, Any]:
    return {"type": "emphasis", "content": _inlines(item.content)}


def _strong_out(item: Strong) -> dict[str, Any]:
    return {"type": "strong", "content": _inlines(item.content)}


def _break_out(_: LineBreak) -> dict[str, Any]:
    return {"type": "break"}


_INLINE_OUT: dict[type, Any] = {
    Link: _link_out,
    Emphasis: _emphasis_out,
    Strong: _strong_out,
    LineBreak: _break_out,
}


def _paragraph_out(p: Paragraph) -> dict[str, Any]:
    if type(p) is not Paragraph:
        raise SlowPath
    return {"content": _inlines(p.content)}


def _attribution_out(a: Attribution | None) -> dict[str, Any] | None:
    if a is None:
        return None
    if type(a) is not Attribution:
        raise SlowPath
    return {
        "name": a.name,
        "role": a.role.value,
        "url": a.url,
        "phrase": a.phrase,
        "separator": a.separator,
    }


def _block_out(b: Any) -> dict[str, Any]:  # noqa: ANN401 - any block
    kind = type(b)
    if kind is Paragraph:
        return {"type": "paragraph", "content": _inlines(b.content)}
    if kind is Quote:
        return {
            "type": "quote",
            "paragraphs": [_paragraph_out(p) for p in b.paragraphs],
            "cite": b.cite,
        }
    if kind is ItemList:
        return {"type": "list", "items": [_paragraph_out(p) for p in b.items], "ordered": b.ordered}
    if kind is Figure:
        return {"type": "figure", **_figure_out(b)}
    if kind is Embed:
        provider = b.given_provider
        return {
            "type": "embed",
            "url": b.url,
            "provider": None if provider is None else provider.value,
            "caption": b.caption,
            "credit": _attribution_out(b.credit),
        }
    if kind is Table:
        rows = [list(row) for row in b.rows]
        return {"type": "table", "rows": rows, "header_rows": b.header_rows, "caption": b.caption}
    raise SlowPath


def _figure_out(f: Figure) -> dict[str, Any]:
    return {
        "image": f.image,
        "caption": f.caption,
        "credit": _attribution_out(f.credit),
        "alt": f.alt,
    }


def _section_out(s: Section) -> dict[str, Any]:
    if type(s) is not Section:
        raise SlowPath
    return {"heading": s.heading, "blocks": [_block_out(b) for b in s.blocks]}


def _when_out(value: datetime | date | None) -> str | None:
    return None if value is None else value.isoformat()


def _subject_out(s: Subject) -> dict[str, Any]:
    if type(s) is not Subject:
        raise SlowPath
    return {"code": s.code, "label": s.label, "names": dict(s.names)}


def _genre_out(g: Genre) -> dict[str, Any]:
    if type(g) is not Genre:
        raise SlowPath
    return {"code": g.code, "name": g.name}


def to_dict(a: Article) -> dict[str, Any]:
    """The JSON value of an :class:`Article` (not of a subclass: :class:`SlowPath`)."""
    if type(a) is not Article:
        raise SlowPath
    image = a.image
    if image is not None and type(image) is not Figure:
        raise SlowPath
    rights = a.rights
    if rights is not None and type(rights) is not Rights:
        raise SlowPath
    try:
        return {
            "headline": a.headline,
            "lede": a.lede,
            "sections": [_section_out(s) for s in a.sections],
            "attributions": [_attribution_out(x) for x in a.attributions],
            "published": _when_out(a.published),
            "updated": _when_out(a.updated),
            "language": a.language,
            "rubrics": list(a.rubrics),
            "tags": list(a.tags),
            "subjects": [_subject_out(s) for s in a.subjects],
            "site": a.site,
            "url": a.url,
            "guid": a.guid,
            "version": a.version,
            "dateline": a.dateline,
            "place": a.place,
            "image": None if image is None else _figure_out(image),
            "slug": a.given_slug,
            "extra": [list(pair) for pair in a.extra],
            "urgency": a.urgency,
            "embargo": _when_out(a.embargo),
            "pub_status": a.pub_status.value,
            "editorial_note": a.editorial_note,
            "genres": [_genre_out(g) for g in a.genres],
            "rights": None
            if rights is None
            else {
                "holder": rights.holder,
                "notice": rights.notice,
                "usage_terms": rights.usage_terms,
            },
            "slugline": a.slugline,
            "first_created": _when_out(a.first_created),
            "version_created": _when_out(a.version_created),
            "correction": a.correction,
            "signals": list(a.signals),
        }
    except KeyError:  # an inline of a class the table does not know
        raise SlowPath from None
