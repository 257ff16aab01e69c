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
import unicodedata
from datetime import date, datetime
from typing import Any

import attrs

from newsmodel._content import plain_paragraph
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


_nfc = unicodedata.is_normalized


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
    readers = _READERS.get(cls)
    if readers is None:
        return cls(**fields)
    kwargs = dict(fields)
    for key, read in readers:
        if key in kwargs:
            kwargs[key] = read(kwargs[key])
    return cls(**kwargs)


def _tagged(value: object, by_tag: dict[str, type]) -> Any:  # noqa: ANN401 - a block, an inline
    """The model object of a JSON object with a ``"type"`` key, of the class it names."""
    if type(value) is not dict:
        raise SlowPath
    cls = by_tag.get(value.get("type"))  # type: ignore[arg-type]
    if cls is None:
        raise SlowPath
    if cls is Paragraph and len(value) == 2:  # noqa: PLR2004 - "type" and "content"
        return _paragraph_in({"content": value.get("content")})
    fields = dict(value)
    del fields["type"]
    return _object(cls, fields)


def _paragraph_in(value: object) -> Paragraph:
    """A paragraph; one of one string that no text rule changes (most) is built directly."""
    if type(value) is dict and len(value) == 1:
        content = value.get("content")
        if type(content) is list and len(content) == 1:
            line = content[0]
            if (
                type(line) is str
                and line
                and line[0] != " " != line[-1]
                and line.isprintable()
                and "  " not in line
                and (line.isascii() or _nfc("NFC", line))
            ):
                return plain_paragraph(line)
    return _object(Paragraph, value)  # type: ignore[no-any-return]


def _list(value: object) -> list[Any]:
    if type(value) is not list:
        raise SlowPath
    return value


_DATE_ONLY = re.compile(r"\d{4}-\d{2}-\d{2}")


# The form json.dumps writes (datetime.isoformat() of an aware datetime), which
# datetime.fromisoformat() reads in C to what parse_iso() gives.
_WRITTEN = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{6})?[+-]\d\d:\d\d")


def _datetime(value: object) -> datetime | None:
    if value is None:
        return None
    if type(value) is not str:
        raise SlowPath
    if _WRITTEN.fullmatch(value):
        return datetime.fromisoformat(value)  # a day or an offset out of range raises
    parsed = parse_iso(value)
    if parsed is None:
        raise SlowPath
    return parsed


def _when(value: object) -> datetime | date | None:
    if type(value) is str and _DATE_ONLY.fullmatch(value):
        return date.fromisoformat(value)
    return _datetime(value)


def _inlines_in(value: object) -> list[Any]:
    return [item if type(item) is str else _tagged(item, _INLINE_BY_TAG) for item in _list(value)]


def _paragraphs_in(value: object) -> list[Paragraph]:
    return [_paragraph_in(item) for item in _list(value)]


def _names_in(value: object) -> dict[str, str]:
    if type(value) is not dict:
        raise SlowPath
    return value


def _many(cls: type) -> Any:  # noqa: ANN401
    return lambda value: [_object(cls, item) for item in _list(value)]


def _nested(cls: type) -> Any:  # noqa: ANN401
    return lambda value: None if value is None else _object(cls, value)


def _blocks_in(value: object) -> list[Any]:
    return [_tagged(item, _BLOCK_BY_TAG) for item in _list(value)]


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


def _defaults() -> dict[str, object]:
    """Each field's value in the JSON of an article that leaves it at its default.

    Only values that give the default exactly (checked here, once) are in it: a key holding
    one can be left out of the constructor's arguments, and its converter is not called.
    """
    plain = Article(headline="т")
    found = {}
    for key, value in to_dict(plain).items():
        read = dict(_READERS[Article]).get(key)
        try:
            same = Article(headline="т", **{key: read(value) if read else value}) == plain
        except Exception:  # noqa: BLE001 - a value that is not the default's is left out
            same = False
        if same and key != "headline":
            found[key] = value
    return found


_JSON_DEFAULTS = _defaults()
_ARTICLE_READERS = dict(_READERS[Article])


def from_dict(value: dict[str, Any]) -> Article:
    """An :class:`Article` from a JSON object; any problem raises (the caller then reports it).

    Raises:
        Exception: :class:`SlowPath`, or whatever a model constructor raises.
    """
    if type(value) is not dict or not value.keys() <= _KEYS[Article]:
        raise SlowPath
    kwargs = {}
    missing = _defaults  # no JSON value is this function
    for key, item in value.items():
        default = _JSON_DEFAULTS.get(key, missing)
        # A default's JSON value (null, [], "ru", 1...) leaves the field at its default; of
        # the same type, so that true is not taken for 1.
        if type(item) is type(default) and item == default:
            continue
        read = _ARTICLE_READERS.get(key)
        kwargs[key] = item if read is None else read(item)
    return Article(**kwargs)
