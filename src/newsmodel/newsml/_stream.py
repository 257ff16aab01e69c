"""Stream the news items of a ``newsMessage`` in constant memory, whatever surrounds them.

The document is fed to a pull parser a piece at a time. Each item is read when its end tag
arrives and then dropped; every element outside an item (the header, whatever stands between
or after items) is dropped as soon as it ends, and the text around it with it. An item, or what
stands between two drops, may not exceed ``max_bytes``: a document that holds more is refused
with a :class:`~newsmodel.ParseError` saying so, before it can fill the memory.
"""

from __future__ import annotations

from typing import IO, TYPE_CHECKING

from lxml import etree

from newsmodel._xmlsafe import DoctypeProbe, xml_pull_parser
from newsmodel.errors import ParseError
from newsmodel.newsml._parse import (
    DEPTH_MESSAGE,
    DOCTYPE_MESSAGE,
    OTHER_ITEMS,
    PARSER_MAX_DEPTH,
    check_root,
    checked_stream,
    parser_message,
    syntax_error,
)
from newsmodel.newsml._reader import check_text_item, read_item
from newsmodel.newsml._tree import FORMAT, NAMES, NAR_OR_NONE, split

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from newsmodel._models import Article
    from newsmodel.newsml._parse import ReadOptions

__all__ = ["iter_items"]

#: How much of the stream is fed to the parser at a time.
_CHUNK = 64 * 1024
_ITEMS = frozenset({"newsItem", *OTHER_ITEMS})
_ROOTS = frozenset({"newsItem", "newsMessage"})


def _drop(el: etree._Element) -> None:
    """Drop an element that has ended, what stood before it, and its parent's text."""
    el.clear(keep_tail=False)
    parent = el.getparent()
    if parent is not None:
        parent.text = None
        while el.getprevious() is not None:
            del parent[0]


class _Stream:
    """The state of one streamed message: depth, the item being read, bytes since a drop."""

    def __init__(
        self,
        options: ReadOptions,
        on_other: Callable[[str, int | None], None],
        on_error: Callable[[ParseError, etree._Element], None] | None,
    ) -> None:
        self.options = options
        self.on_other = on_other
        self.on_error = on_error
        self.depth = 0
        self.item_depth = 0  # the depth of the item being read; 0 outside items
        self.held = 0  # bytes fed since the memory last dropped
        self.probe: DoctypeProbe | None = DoctypeProbe(FORMAT)

    def fed(self, chunk: bytes) -> None:
        """Account for a piece of the stream, before the parser reads it."""
        self.held += len(chunk)
        if self.held > self.options.max_bytes:
            what = "an item" if self.item_depth else "what stands outside the items"
            msg = f"{what} is over the limit of max_bytes={self.options.max_bytes}"
            raise ParseError(FORMAT, msg)
        if self.probe is not None:  # the prolog, read by libxml2 before the parser sees it
            found = self.probe.feed(chunk)
            if found:
                raise ParseError(FORMAT, DOCTYPE_MESSAGE)
            if found is False:
                self.probe = None

    def start(self, el: etree._Element) -> None:
        """An element starts: count the depth; check the root; note where an item starts."""
        self.depth += 1
        if self.depth > PARSER_MAX_DEPTH:
            raise ParseError(FORMAT, DEPTH_MESSAGE, line=el.sourceline)
        ns, name = NAMES.get(el.tag) or split(el.tag)
        if self.depth == 1:
            if el.getroottree().docinfo.doctype:
                raise ParseError(FORMAT, DOCTYPE_MESSAGE)
            if name not in _ROOTS or ns not in NAR_OR_NONE:
                check_root(el)
        if not self.item_depth and name in _ITEMS and ns in NAR_OR_NONE:
            self.item_depth = self.depth
            self.held = 0

    def end(self, el: etree._Element) -> Article | None:
        """An element ends: an item is read, and whatever is outside items dropped."""
        depth, self.depth = self.depth, self.depth - 1
        if self.item_depth and depth > self.item_depth:
            return None  # inside an item: kept until the item ends
        article = None
        if self.item_depth:
            self.item_depth = 0
            article = self.item(el)
        if depth > 1:
            _drop(el)
            self.held = 0
        return article

    def item(self, el: etree._Element) -> Article | None:
        name = split(el.tag)[1]
        if name != "newsItem":
            self.on_other(f"{OTHER_ITEMS[name]}, not a news item", el.sourceline)
            return None
        try:
            check_text_item(el)
        except ParseError as exc:
            self.on_other(exc.message, el.sourceline)
            return None
        if self.on_error is None:
            return read_item(el, self.options)
        try:
            return read_item(el, self.options)
        except ParseError as exc:
            self.on_error(exc, el)
            return None


def iter_items(
    fp: IO[bytes],
    options: ReadOptions,
    on_other: Callable[[str, int | None], None],
    on_error: Callable[[ParseError, etree._Element], None] | None = None,
) -> Iterator[Article]:
    """Stream the text items of a message; other item kinds are passed to ``on_other``.

    A text item that cannot be read is passed to ``on_error`` and skipped; without it, its
    :class:`~newsmodel.ParseError` ends the stream.
    """
    source = checked_stream(fp)
    parser = xml_pull_parser(
        FORMAT,
        events=("start", "end"),
        # A text node may exceed 10 MB, as the writer allows: max_bytes bounds it, and the
        # depth is counted here.
        huge=True,
        collect_ids=False,
        remove_comments=True,
        remove_pis=True,
    )
    stream = _Stream(options, on_other, on_error)
    try:
        while chunk := source.read(_CHUNK):
            stream.fed(chunk)
            parser.feed(chunk)
            for event, el in parser.read_events():
                if event == "start":
                    stream.start(el)
                elif (article := stream.end(el)) is not None:
                    yield article
        parser.close()
    except etree.XMLSyntaxError as exc:
        raise syntax_error(exc, parser.feed_error_log) from None
    except etree.LxmlError as exc:
        raise ParseError(FORMAT, f"not readable XML: {parser_message(str(exc))}") from None
