"""Read an HTML fragment (a feed's full text) into sections, by the HTML reader's body rules."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsmodel._warnings import counted
from newsmodel.errors import LossyConversionWarning
from newsmodel.html._extract import BodyReader
from newsmodel.html._parse import DEFAULT_MAX_TAG_CHARS, parse_page

if TYPE_CHECKING:
    from newsmodel._models import Section

__all__ = ["read_fragment"]


def read_fragment(
    markup: str, *, base: str | None, fmt: str
) -> tuple[list[Section], list[LossyConversionWarning]]:
    """The sections of an HTML fragment, and warnings (of format ``fmt``) of what was dropped.

    The fragment is parsed as the body of a page (with the page reader's limits) and read
    whole: a publisher's full text has no navigation or widgets to leave out.
    """
    page = f"<!DOCTYPE html><html><body>{markup}</body></html>"
    root, _ = parse_page(
        page, encoding=None, max_bytes=len(page), max_tag_chars=DEFAULT_MAX_TAG_CHARS
    )
    body = root.find("body")
    if body is None:
        return [], []
    reader = BodyReader(base, trusted=True)
    sections = reader.read(body)
    notes = []
    for what, n in sorted(reader.dropped.items()):
        message = f"dropped from the body: {counted(n, what.singular, what.plural)}"
        notes.append(
            LossyConversionWarning(message, format=fmt, kind=what.kind, lost=what.singular, count=n)
        )
    for scheme, n in sorted(reader.bad_links.items()):
        message = f"{counted(n, f'{scheme}: link')} kept as plain text (scheme not allowed)"
        notes.append(
            LossyConversionWarning(message, format=fmt, kind="link", lost=f"{scheme}:", count=n)
        )
    return sections, notes
