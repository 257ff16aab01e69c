"""Reading a page through the HTML reader's direct path for newsmodel's own pages, or without it.

Both paths must give the same article (or error) and the same warnings: the tests of the direct
path compare what :func:`outcome` gives for each.
"""

from __future__ import annotations

import warnings
from datetime import timezone

from newsmodel.errors import ParseError
from newsmodel.html._parse import DEFAULT_MAX_BYTES, DEFAULT_MAX_TAG_CHARS, MAX_DEPTH
from newsmodel.html._reader import read

Outcome = tuple[object, list[tuple[type[Warning], str]]]


def outcome(page: str | bytes, url: str | None = None, *, direct: bool) -> Outcome:
    """The article (or the error's type and message) and the warnings of one path."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            result: object = read(
                page,
                url=url,
                encoding=None,
                tz=timezone.utc,
                max_bytes=DEFAULT_MAX_BYTES,
                max_tag_chars=DEFAULT_MAX_TAG_CHARS,
                max_depth=MAX_DEPTH,
                direct=direct,
            )
        except (ParseError, ValueError) as exc:
            result = (type(exc), str(exc))
    return result, [(w.category, str(w.message)) for w in caught]


def both(page: str | bytes, url: str | None = None) -> tuple[Outcome, Outcome]:
    """The outcome of the direct path, then of the general one."""
    return outcome(page, url, direct=True), outcome(page, url, direct=False)
