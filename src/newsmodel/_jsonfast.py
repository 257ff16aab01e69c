"""The direct paths between the model and JSON values, for exact model classes.

:mod:`newsmodel.json` reads and writes through a cattrs converter, which reports every shape
error with its JSON path. Most documents have none, and the converter's generic hooks cost
several times the model itself. These functions do the same work directly:

- :func:`to_dict` gives the value ``json.dumps`` writes for an :class:`Article`, field for
  field what the converter gives; it raises :class:`SlowPath` on a class it does not know (a
  subclass), and the caller uses the converter.
- :func:`from_dict` builds an :class:`Article` from a JSON object. It is at least as strict
  as the converter: every JSON type is checked, every unknown key refused, and every value goes
  through the model's own constructors, which check and normalise it. On any problem it raises,
  and the caller runs the converter, which finds and reports the error with its path (or, on a
  shape this path does not take, builds the same article).
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

import attrs

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
from newsmodel.dates import parse_iso

__all__ = ["SlowPath", "from_dict", "to_dict"]


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


# --- JSON values -> model ------------------------------------------------------------------
# A JSON string, number, boolean or null goes to the model's constructor as it is: each
# constructor refuses what is not of its field's type, as the converter does. Arrays, objects
# and date strings are checked and read here; each helper raises on a value the converter would
# refuse, and the caller then asks the converter.


def _object(cls: type, fields: object) -> Any:  # noqa: ANN401 - any model class
    """``cls`` from the JSON object ``fields``: unknown keys refused, nested values read."""
    if type(fields) is not dict or not fields.keys() <= _KEYS[cls]:
        raise SlowPath
    kwargs = fields
    for key, read in _READERS.get(cls, ()):
        if key in fields:
            if kwargs is fields:
                kwargs = dict(fields)
            kwargs[key] = read(fields[key])
    return cls(**kwargs)


def _list(value: object) -> list[Any]:
    if type(value) is not list:
        raise SlowPath
    return value


_DATE_ONLY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _datetime(value: object) -> datetime | None:
    if value is None:
        return None
    if type(value) is not str:
        raise SlowPath
    parsed = parse_iso(value)
    if parsed is None:
        raise SlowPath
    return parsed


def _when(value: object) -> datetime | date | None:
    if type(value) is str and _DATE_ONLY.fullmatch(value):
        return date.fromisoformat(value)
    return _datetime(value)


def _inline_in(value: object) -> Any:  # noqa: ANN401 - an inline
    if type(value) is str:
        return value
    if type(value) is not dict:
        raise SlowPath
    fields = dict(value)
    return _object(_INLINE_BY_TAG[fields.pop("type", None)], fields)


def _inlines_in(value: object) -> list[Any]:
    return [_inline_in(item) for item in _list(value)]


def _paragraphs_in(value: object) -> list[Paragraph]:
    return [_object(Paragraph, item) for item in _list(value)]


def _block_in(value: object) -> Any:  # noqa: ANN401 - a block
    if type(value) is not dict:
        raise SlowPath
    fields = dict(value)
    return _object(_BLOCK_BY_TAG[fields.pop("type", None)], fields)


def _names_in(value: object) -> dict[str, str]:
    if type(value) is not dict:
        raise SlowPath
    return value


def _many(cls: type) -> Any:  # noqa: ANN401
    return lambda value: [_object(cls, item) for item in _list(value)]


def _nested(cls: type) -> Any:  # noqa: ANN401
    return lambda value: None if value is None else _object(cls, value)


def _blocks_in(value: object) -> list[Any]:
    return [_block_in(item) for item in _list(value)]


_CLASSES: tuple[type, ...] = (Attribution, Link, Emphasis, Strong, LineBreak, Paragraph, Quote)
_CLASSES += (ItemList, Figure, Embed, Table, Section, Subject, Genre, Rights, Article)
# Each class's JSON keys (its arguments' names), and the readers of the keys whose values are
# not passed as they are.
_KEYS = {cls: frozenset(a.alias for a in attrs.fields(cls)) for cls in _CLASSES}
_READERS: dict[type, tuple[tuple[str, Any], ...]] = {
    Link: (("content", _inlines_in),),
    Emphasis: (("content", _inlines_in),),
    Strong: (("content", _inlines_in),),
    Paragraph: (("content", _inlines_in),),
    Quote: (("paragraphs", _paragraphs_in),),
    ItemList: (("items", _paragraphs_in),),
    Figure: (("credit", _nested(Attribution)),),
    Embed: (("credit", _nested(Attribution)),),
    Section: (("blocks", _blocks_in),),
    Subject: (("names", _names_in),),
    Article: (
        ("sections", _many(Section)),
        ("attributions", _many(Attribution)),
        ("published", _when),
        ("updated", _when),
        ("subjects", _many(Subject)),
        ("image", _nested(Figure)),
        ("extra", _list),
        ("embargo", _datetime),
        ("genres", _many(Genre)),
        ("rights", _nested(Rights)),
        ("first_created", _datetime),
        ("version_created", _datetime),
    ),
}
_INLINE_BY_TAG = {"link": Link, "emphasis": Emphasis, "strong": Strong, "break": LineBreak}
_BLOCK_BY_TAG = {
    "paragraph": Paragraph,
    "quote": Quote,
    "list": ItemList,
    "figure": Figure,
    "embed": Embed,
    "table": Table,
}


def from_dict(value: dict[str, Any]) -> Article:
    """An :class:`Article` from a JSON object; any problem raises (the caller then reports it).

    Raises:
        Exception: :class:`SlowPath`, or whatever a model constructor raises.
    """
    return _object(Article, value)  # type: ignore[no-any-return]
