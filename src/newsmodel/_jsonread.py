"""The direct path from JSON values to an :class:`Article`, for the class itself.

:mod:`newsmodel.json` reads through a cattrs converter, which reports every shape error with
its JSON path. Most documents have none, and the converter's generic hooks cost several times
the model itself. :func:`from_dict` builds the same article directly, and is at least as strict
as the converter: every JSON type is checked, every unknown key refused, and every value is
checked and normalised by the model's own converters. On any problem it raises, and the caller
runs the converter, which finds and reports the error with its path (or, on a shape this path
does not take, builds the same article).

Each model object is built by a :func:`~newsmodel._init.builder` of its class, which does what
its constructor does without the call's keyword matching. A paragraph whose inline content the
model keeps as it is (clean text runs, no space after a space or at either end, no empty
markup: most paragraphs a writer wrote) is built without the constructors, each text run tested
once; any other paragraph takes the constructors.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime
from typing import Any

from newsmodel._content import clean_inline, clean_link, clean_paragraph
from newsmodel._init import builder
from newsmodel._jsonfast import SlowPath
from newsmodel._metadata import PubStatus, Role
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
from newsmodel._textrules import is_clean_inner
from newsmodel._values import href, optional_text
from newsmodel.dates import parse_iso

__all__ = ["from_dict"]

_nfc = unicodedata.is_normalized


def _list(value: object) -> list[Any]:
    if type(value) is not list:
        raise SlowPath
    return value


# --- inline content and paragraphs -----------------------------------------------------------

_LINE_BREAK = LineBreak()
_MARKS: dict[object, type[Emphasis | Strong]] = {"emphasis": Emphasis, "strong": Strong}
_LINK_KEYS = frozenset(("type", "href", "content", "title"))
_ABSENT = object()
# Inline markup nested deeper than this takes the converter, which refuses what Python cannot
# recurse into ("nested too deeply"): this path never accepts what the converter refuses.
_DEPTH = 32


def _run(  # noqa: C901, PLR0911, PLR0912
    items: list[Any],
    out: list[Any],
    at_space: bool,  # noqa: FBT001
    depth: int,
) -> tuple[bool, bool] | None:
    """Append to ``out`` the inlines of the JSON array ``items``, when a paragraph keeps them.

    Follows ``_unchanged`` in :mod:`newsmodel._content` step by step: ``at_space`` says whether
    a space precedes the run, ``depth`` how deep in inline markup it is. Returns whether the run
    ends at a space and whether it ends in a plain space (which a paragraph trims); ``None`` for
    anything a paragraph would change, and for any shape but the simple one (the caller then
    takes the constructors).
    """
    if depth > _DEPTH:
        return None
    after_text = trailing = False
    for item in items:
        if type(item) is str:
            # Merged with the run before, dropped, trimmed at a space, or changed by a rule.
            if after_text or not item or (at_space and item[0] == " "):
                return None
            if item.isprintable():  # is_clean_inner(), inline: most text
                if "  " in item or not (item.isascii() or _nfc("NFC", item)):
                    return None
            elif not is_clean_inner(item):
                return None
            out.append(item)
            at_space = trailing = item[-1] == " "
            after_text = True
            continue
        after_text = False
        if type(item) is not dict:
            return None
        tag = item.get("type")
        if tag == "break":
            if trailing or len(item) != 1:  # the space before a line break goes
                return None
            out.append(_LINE_BREAK)
            at_space, trailing = True, False
            continue
        kind = _MARKS.get(tag)
        if kind is not None:
            content = item.get("content")
            # Empty emphasis goes; anything but "type" and "content" takes the constructor.
            if type(content) is not list or not content or len(item) != 2:  # noqa: PLR2004
                return None
            inner: list[Any] = []
            found = _run(content, inner, at_space, depth + 1)
            if found is None:
                return None
            at_space, trailing = found
            out.append(clean_inline(kind, tuple(inner)))
            continue
        if tag != "link" or not item.keys() <= _LINK_KEYS:
            return None
        found = _link(item, out, at_space, depth + 1)
        if found is None:
            return None
        at_space, trailing = found
    return at_space, trailing


def _link(
    item: dict[str, Any],
    out: list[Any],
    at_space: bool,  # noqa: FBT001
    depth: int,
) -> tuple[bool, bool] | None:
    """Append a link object of a paragraph to ``out``, as :func:`_run` appends its content."""
    content = item.get("content", _ABSENT)
    inner: list[Any] = []
    if type(content) is list and content:
        found = _run(content, inner, at_space, depth)
        if found is None:
            return None
    elif content is _ABSENT or type(content) is list:  # an empty link stays, and ends the run
        found = (at_space, False)
    else:
        return None
    title = item.get("title")
    if title is not None:
        title = optional_text(title, "title")
    out.append(clean_link(href(item["href"]), tuple(inner), title))
    return found


def _content(value: object) -> Paragraph | None:
    """The paragraph of the JSON array ``value``, when the model keeps its content as it is."""
    if type(value) is not list or not value:
        return None
    out: list[Any] = []
    found = _run(value, out, True, 0)  # noqa: FBT003 - a paragraph starts at a space
    if found is None or found[1]:  # a trailing space is trimmed
        return None
    return clean_paragraph(tuple(out))


def _paragraph(value: object) -> Paragraph:
    """A paragraph object ``{"content": [...]}`` (of a list, a quote)."""
    if type(value) is dict and len(value) == 1:
        paragraph = _content(value.get("content"))
        if paragraph is not None:
            return paragraph
    return _general_paragraph(value)  # type: ignore[no-any-return]


def _paragraphs(value: object) -> tuple[Paragraph, ...]:
    return tuple([_paragraph(item) for item in _list(value)])


def _inline(value: object, depth: int) -> Any:  # noqa: ANN401 - an inline
    """Any inline value ``depth`` levels deep in markup, through the constructors."""
    if type(value) is str:
        return value
    if type(value) is not dict or depth > _DEPTH:
        raise SlowPath
    build = _INLINE_BUILDERS.get(value.get("type"))  # type: ignore[arg-type]
    if build is None:
        raise SlowPath
    if "content" in value:
        value = {**value, "content": _inlines(value["content"], depth + 1)}
    return build(value)


def _inlines(value: object, depth: int = 0) -> list[Any]:
    return [_inline(item, depth) for item in _list(value)]


# --- blocks and sections ---------------------------------------------------------------------


def _block(value: object) -> Any:  # noqa: ANN401 - any block
    if type(value) is not dict:
        raise SlowPath
    tag = value.get("type")
    if tag == "paragraph" and len(value) == 2:  # noqa: PLR2004 - "type" and "content"
        paragraph = _content(value.get("content"))
        if paragraph is not None:
            return paragraph
    build = _BLOCK_BUILDERS.get(tag)  # type: ignore[arg-type]
    if build is None:
        raise SlowPath
    return build(value)


def _blocks(value: object) -> tuple[Any, ...]:
    return tuple([_block(item) for item in _list(value)])


def _all(build: Any) -> Any:  # noqa: ANN401
    """A reader of a JSON array of objects, each built by ``build``."""
    return lambda value: tuple([build(item) for item in _list(value)])


def _names(value: object) -> dict[str, Any]:
    if type(value) is not dict:
        raise SlowPath
    return value


# --- dates -----------------------------------------------------------------------------------

_DATE_ONLY = re.compile(r"\d{4}-\d{2}-\d{2}")
# The form json.dumps writes (datetime.isoformat() of an aware datetime), which
# datetime.fromisoformat() reads in C to what parse_iso() gives.
_WRITTEN = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{6})?[+-]\d\d:\d\d")


def _datetime(value: object) -> datetime:
    if type(value) is not str:
        raise SlowPath
    if _WRITTEN.fullmatch(value):
        return datetime.fromisoformat(value)  # a day or an offset out of range raises
    parsed = parse_iso(value)
    if parsed is None:
        raise SlowPath
    return parsed


def _when(value: object) -> datetime | date:
    if type(value) is str and _DATE_ONLY.fullmatch(value):
        return date.fromisoformat(value)
    return _datetime(value)


# --- the builders ----------------------------------------------------------------------------

_TYPE = frozenset(("type",))
_ROLES = {role.value: role for role in Role}
_STATUSES = {status.value: status for status in PubStatus}
# An empty JSON array as the empty tuple, the default object of every tuple field.
_EMPTY = "(() if type({v}) is list and not {v} else {v})"

_attribution = builder(Attribution, {"role": "_roles.get({v}, {v})"}, _roles=_ROLES)
_credit = {"credit": "_attribution({v})"}
_general_paragraph = builder(Paragraph, {"content": "_inlines({v})"}, _inlines=_inlines)
_INLINE_BUILDERS = {
    "link": builder(Link, ignore=_TYPE),
    "emphasis": builder(Emphasis, ignore=_TYPE),
    "strong": builder(Strong, ignore=_TYPE),
    "break": builder(LineBreak, ignore=_TYPE),
}
_figure = builder(Figure, _credit, final=frozenset(_credit), _attribution=_attribution)
_BLOCK_BUILDERS = {
    "paragraph": builder(Paragraph, {"content": "_inlines({v})"}, ignore=_TYPE, _inlines=_inlines),
    "quote": builder(
        Quote, {"paragraphs": "_paragraphs({v})"}, ignore=_TYPE, _paragraphs=_paragraphs
    ),
    "list": builder(ItemList, {"items": "_paragraphs({v})"}, ignore=_TYPE, _paragraphs=_paragraphs),
    "figure": builder(Figure, _credit, ignore=_TYPE, _attribution=_attribution),
    "embed": builder(Embed, _credit, ignore=_TYPE, _attribution=_attribution),
    "table": builder(Table, ignore=_TYPE),
}
_section = builder(
    Section, {"blocks": "_blocks({v})"}, final=frozenset(("blocks",)), _blocks=_blocks
)
_subject = builder(Subject, {"names": "_names({v})"}, _names=_names)
_ARTICLE_READS = {
    "sections": "_sections({v})",
    "attributions": "_attributions({v})",
    "published": "_when({v})",
    "updated": "_when({v})",
    "rubrics": _EMPTY,
    "tags": _EMPTY,
    "subjects": "_subjects({v})",
    "image": "_figure({v})",
    "extra": "_list({v}) or ()",
    "embargo": "_datetime({v})",
    "pub_status": "_statuses.get({v}, {v})",
    "genres": "_genres({v})",
    "rights": "_rights({v})",
    "first_created": "_datetime({v})",
    "version_created": "_datetime({v})",
    "signals": _EMPTY,
}
#: The reads whose values are what the field's converter keeps.
_FINAL = frozenset(("sections", "attributions", "subjects", "image", "genres", "rights"))
_article = builder(
    Article,
    _ARTICLE_READS,
    final=_FINAL,
    _sections=_all(_section),
    _attributions=_all(_attribution),
    _when=_when,
    _datetime=_datetime,
    _subjects=_all(_subject),
    _figure=_figure,
    _list=_list,
    _statuses=_STATUSES,
    _genres=_all(builder(Genre)),
    _rights=builder(Rights),
)


def from_dict(value: dict[str, Any]) -> Article:
    """An :class:`Article` from a JSON object; any problem raises (the caller then reports it).

    Raises:
        Exception: :class:`SlowPath`, or whatever a model converter raises.
    """
    article: Article = _article(value)
    return article
