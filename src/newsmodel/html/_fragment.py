"""Read an HTML body fragment, such as a feed's ``body_html``, into sections.

The fragment is parsed with the page reader's hardened parser and limits, and walked by the
same :class:`~newsmodel.html._extract.BodyReader` that reads the body a page marks as its
article's: nothing is guessed away as boilerplate, and what the model cannot hold is counted.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from newsmodel._limits import MAX_BYTES
from newsmodel._warnings import counted
from newsmodel.errors import LossyConversionWarning
from newsmodel.html._extract import BodyReader, Dropped
from newsmodel.html._parse import DEFAULT_MAX_TAG_CHARS, parse_page

if TYPE_CHECKING:
    from newsmodel._models import Section

__all__ = ["dropped_warnings", "read_fragment"]

# The HTML parser ends the document at the first </body> or </html>: inside a fragment they
# would hide the rest of it.
_DOCUMENT_END = re.compile(r"</(?:body|html)\b[^>]*>", re.IGNORECASE)


def read_fragment(
    text: str, *, base: str | None = None, max_bytes: int = MAX_BYTES
) -> tuple[list[Section], Counter[Dropped]]:
    """The sections of an HTML fragment, and what was dropped from it, counted by kind.

    Args:
        text: the fragment's markup, or plain text.
        base: the URL relative links are resolved against.
        max_bytes: refuse a longer fragment (characters).

    Raises:
        ParseError: the fragment is too long, nested too deeply or has an over-long tag.

    >>> sections, dropped = read_fragment("<p>Один.</p><script>x()</script><table></table>")
    >>> sections[0].blocks[0].text, [(d.singular, n) for d, n in dropped.items()]
    ('Один.', [('table', 1)])
    """
    root, _ = parse_page(
        f"<div>{_DOCUMENT_END.sub('', text)}</div>",
        encoding=None,
        max_bytes=max_bytes + len("<div></div>"),
        max_tag_chars=DEFAULT_MAX_TAG_CHARS,
    )
    body = root.find("body")
    reader = BodyReader(base, trusted=True)
    sections = reader.read(body if body is not None else root)
    dropped = Counter(reader.dropped)
    for scheme, count in reader.bad_links.items():
        dropped[
            Dropped("link", f"{scheme}: link kept as text", f"{scheme}: links kept as text")
        ] += count
    return sections, dropped


def dropped_warnings(dropped: Counter[Dropped], fmt: str) -> list[LossyConversionWarning]:
    """One warning (of format ``fmt``) for each kind of thing :func:`read_fragment` dropped.

    >>> _, dropped = read_fragment("<p>Один.</p><table></table>")
    >>> [str(w) for w in dropped_warnings(dropped, "feed")]
    ['feed: dropped from the body: 1 table']
    """
    return [
        LossyConversionWarning(
            f"dropped from the body: {counted(n, what.singular, what.plural)}",
            format=fmt,
            kind=what.kind,
            lost=what.singular,
            count=n,
        )
        for what, n in sorted(dropped.items(), key=lambda item: item[0].singular)
    ]
