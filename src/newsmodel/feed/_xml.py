"""A thin layer over lxml's incremental writer: one element at a time, nothing held."""

from __future__ import annotations

from contextlib import contextmanager
from typing import IO, TYPE_CHECKING, Any

from lxml import etree

from newsmodel._models import Figure

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping
    from contextlib import AbstractContextManager

    from newsmodel._models import Article

__all__ = [
    "ATOM",
    "CONTENT",
    "DC",
    "DCTERMS",
    "MEDIA",
    "TreeOut",
    "XmlOut",
    "figures",
    "image_type",
    "open_xml",
]

ATOM = "http://www.w3.org/2005/Atom"
CONTENT = "http://purl.org/rss/1.0/modules/content/"
DC = "http://purl.org/dc/elements/1.1/"
DCTERMS = "http://purl.org/dc/terms/"
MEDIA = "http://search.yahoo.com/mrss/"


class XmlOut:
    """Writes elements to an ``etree.xmlfile``; each item is written as it is made."""

    def __init__(self, xf: Any) -> None:  # noqa: ANN401 - lxml's writer has no public type
        """Wrap an open incremental writer."""
        self.xf = xf

    def element(
        self, tag: str, attrib: Mapping[str, str] | None = None, nsmap: dict[str, str] | None = None
    ) -> AbstractContextManager[None]:
        """Open an element; its children are written inside the ``with`` block."""
        manager: AbstractContextManager[None]
        if nsmap is not None:
            manager = self.xf.element(tag, attrib or {}, nsmap=nsmap)
        else:
            manager = self.xf.element(tag, attrib or {})
        return manager

    def leaf(
        self, tag: str, text: str | None = None, attrib: Mapping[str, str] | None = None
    ) -> None:
        """Write one element with text (escaped by lxml) and attributes."""
        with self.xf.element(tag, attrib or {}):
            if text:
                self.xf.write(text)


class TreeOut:
    """The same calls as :class:`XmlOut`, building an element tree (one entry) instead."""

    def __init__(self, root: etree._Element) -> None:
        """Build under ``root``."""
        self.stack = [root]

    @contextmanager
    def element(
        self, tag: str, attrib: Mapping[str, str] | None = None, nsmap: dict[str, str] | None = None
    ) -> Iterator[None]:
        """Open an element; its children are made inside the ``with`` block."""
        del nsmap
        self.stack.append(etree.SubElement(self.stack[-1], tag, attrib or {}))
        try:
            yield
        finally:
            self.stack.pop()

    def leaf(
        self, tag: str, text: str | None = None, attrib: Mapping[str, str] | None = None
    ) -> None:
        """Make one element with text and attributes."""
        el = etree.SubElement(self.stack[-1], tag, attrib or {})
        if text:
            el.text = text


def open_xml(fp: IO[bytes]) -> etree.xmlfile:
    """An incremental UTF-8 XML writer to a binary file."""
    return etree.xmlfile(fp, encoding="utf-8")


def figures(article: Article) -> Iterator[Figure]:
    """The lead image, then every figure of the body, in order."""
    if article.image is not None:
        yield article.image
    for section in article.sections:
        for block in section.blocks:
            if isinstance(block, Figure):
                yield block


def image_type(url: str) -> str:
    """The media type of an image by its file name; JPEG when the name does not say.

    >>> image_type("https://example.kz/a.png?w=1"), image_type("https://example.kz/a")
    ('image/png', 'image/jpeg')
    """
    path = url.split("?", 1)[0].split("#", 1)[0].lower()
    suffix = path.rsplit(".", 1)[-1] if "." in path.rsplit("/", 1)[-1] else ""
    return _IMAGE_TYPES.get(suffix, "image/jpeg")


# A fixed table, not the mimetypes module: its answers depend on the machine's own files.
_IMAGE_TYPES = {
    "avif": "image/avif",
    "gif": "image/gif",
    "jpeg": "image/jpeg",
    "jpg": "image/jpeg",
    "png": "image/png",
    "webp": "image/webp",
}
