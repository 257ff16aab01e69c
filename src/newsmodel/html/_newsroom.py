"""Read back the newsroom's fields of a page newsmodel wrote.

The correction, genres and copyright line are shown on the page; the newsroom-only fields
(urgency, embargo, publication status, editorial note, usage terms, slugline, the agency's
times) are in a hidden ``<dl class="internal">`` that the writer adds only when asked.
"""

from __future__ import annotations

import contextlib
from datetime import datetime
from typing import TYPE_CHECKING, Any

from newsmodel._models import Genre, PubStatus, Rights
from newsmodel.errors import ValidationError

if TYPE_CHECKING:
    from lxml.html import HtmlElement

__all__ = ["newsroom_fields"]

_TIMES = frozenset(("embargo", "first_created", "version_created"))


def _classes(el: HtmlElement) -> list[str]:
    return (el.get("class") or "").split()


def _internal(dl: HtmlElement, out: dict[str, Any]) -> None:
    key = None
    for child in dl:
        if child.tag == "dt":
            key = child.text_content().strip()
        elif child.tag == "dd" and key:
            text = child.text_content()
            if key == "urgency" and text.isdigit():
                out["urgency"] = int(text)
            elif key in _TIMES:
                with contextlib.suppress(ValueError):
                    out[key] = datetime.fromisoformat(text.strip())
            elif key == "pub_status":
                with contextlib.suppress(ValueError):
                    out["pub_status"] = PubStatus(text.strip())
            elif key in ("editorial_note", "usage_terms", "slugline"):
                out[key] = text
            key = None


def newsroom_fields(item: HtmlElement) -> dict[str, Any]:  # noqa: C901 - one branch per part
    """The newsroom's fields in an article element: correction, genres, rights and the rest."""
    out: dict[str, Any] = {}
    rights: dict[str, str] = {}
    for el in item.iter("dl", "p", "ul"):
        classes = _classes(el)
        if el.tag == "dl" and "internal" in classes:
            _internal(el, out)
        elif el.tag == "p" and "correction" in classes and "correction" not in out:
            out["correction"] = el.text_content()
        elif el.tag == "p" and "rights" in classes:
            for span in el.iter("span"):
                for part in ("notice", "holder"):
                    if part in _classes(span):
                        rights.setdefault(part, span.text_content())
        elif el.tag == "ul" and "genres" in classes:
            genres = []
            for li in el.iter("li"):
                code, name = (li.get("data-code") or "").strip(), li.text_content()
                with contextlib.suppress(ValidationError):
                    genres.append(Genre(code, None if "code" in _classes(li) else name))
            out["genres"] = genres
    terms = out.pop("usage_terms", None)
    if terms is not None:
        rights["usage_terms"] = terms
    if rights:
        with contextlib.suppress(ValidationError):
            out["rights"] = Rights(**rights)
    return out
