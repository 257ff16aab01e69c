"""Read NewsML-G2 news items into :class:`~newsmodel.Article` values.

Strict in what it refuses (untrusted bytes), tolerant in what it reads: any namespace prefix or
none, any ``standardversion``, elements in any order, empty elements, XHTML or NITF bodies in
their namespace or none, ``inlineData`` text, timestamps padded with whitespace, offsets written
``+0100`` or missing. Parsing is in ``_parse``, the item's metadata in ``_meta``, its body in
``_body``, and streaming in ``_stream``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsmodel._warnings import lossy
from newsmodel.newsml._meta import ItemReader
from newsmodel.newsml._parse import OTHER_ITEMS
from newsmodel.newsml._tree import error, first_child, local_name

if TYPE_CHECKING:
    from lxml import etree

    from newsmodel._models import Article
    from newsmodel.newsml._parse import ReadOptions

__all__ = ["check_text_item", "items_of_message", "read_item", "skip_items"]

_CLASS_NAMES = {
    "picture": "a picture",
    "graphic": "a graphic",
    "video": "a video",
    "audio": "an audio item",
    "composite": "a composite item",
    "interactive": "an interactive item",
}


def _item_class(item: etree._Element) -> str | None:
    meta = first_child(item, "itemMeta")
    cls = first_child(meta, "itemClass") if meta is not None else None
    return (cls.get("qcode") or cls.get("uri") or "") if cls is not None else None


def check_text_item(item: etree._Element) -> None:
    """Refuse news items that are not text (pictures, videos, composites)."""
    cls = _item_class(item)
    if cls is None or not cls:
        return
    code = cls.rstrip("/").rpartition("/")[2].rpartition(":")[2].lower()
    if code == "text":
        return
    what = _CLASS_NAMES.get(code, f"an item of class {cls!r}")
    msg = f"{what} ({cls}), not a text news item"
    raise error(msg, item)


def read_item(item: etree._Element, options: ReadOptions) -> Article:
    """Read one ``newsItem`` element."""
    check_text_item(item)
    return ItemReader(item, options).read()


def items_of_message(
    root: etree._Element,
) -> tuple[list[etree._Element], list[etree._Element]]:
    """The news items of a ``newsMessage``, and the items of other kinds beside them.

    Other items beside news items (a package that wraps the story, say) are for the caller to
    skip with :func:`skip_items`; a message of other items alone is refused with their kind.
    """
    out = []
    others = []
    for container in root:
        if local_name(container) != "itemSet":
            continue
        for item in container:
            name = local_name(item)
            if name == "newsItem":
                out.append(item)
            elif name in OTHER_ITEMS:
                others.append(item)
    if others and not out:
        msg = f"the message holds {OTHER_ITEMS[local_name(others[0])]}"
        raise error(msg, others[0])
    return out, others


def skip_items(items: list[etree._Element]) -> None:
    """Warn that items of other kinds beside a message's news item were not read."""
    for item in items:
        what = OTHER_ITEMS[local_name(item)]
        line = item.sourceline
        where = f" (line {line})" if line else ""
        lossy("newsml", "item", f"skipped {what}, not a news item{where}", lost=what, line=line)
