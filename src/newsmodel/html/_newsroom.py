"""Read back the newsroom's fields of a page newsmodel wrote.

The correction, genres and copyright line are shown on the page; the newsroom-only fields
(urgency, embargo, publication status, editorial note, usage terms, slugline, the agency's
times, signals) are in a hidden ``<dl class="internal">`` that the writer adds only when asked.
"""

from __future__ import annotations

import contextlib
from datetime import datetime
from typing import TYPE_CHECKING

import attrs

from newsmodel._models import Genre, PubStatus, Rights
from newsmodel.errors import ValidationError

if TYPE_CHECKING:
    from collections.abc import Iterable

    from lxml.html import HtmlElement

__all__ = ["Newsroom", "newsroom_fields", "read_newsroom"]


@attrs.define
class Newsroom:
    """The newsroom's fields a page newsmodel wrote gives (``None`` or empty when absent)."""

    urgency: int | None = None
    embargo: datetime | None = None
    first_created: datetime | None = None
    version_created: datetime | None = None
    pub_status: PubStatus | None = None
    editorial_note: str | None = None
    slugline: str | None = None
    signals: list[str] | None = None
    correction: str | None = None
    genres: list[Genre] | None = None
    rights: Rights | None = None
    #: the rights' parts: ``notice``, ``holder`` and ``usage_terms``
    notice: str | None = None
    holder: str | None = None
    usage_terms: str | None = None


def _classes(el: HtmlElement) -> list[str]:
    return (el.get("class") or "").split()


def _time(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text.strip())
    except ValueError:
        return None


def _internal(dl: HtmlElement, out: Newsroom) -> None:  # noqa: C901 - one branch per field
    key = None
    for child in dl:
        if child.tag == "dt":
            key = child.text_content().strip()
        elif child.tag == "dd" and key:
            text = child.text_content()
            if key == "urgency" and text.isdigit():
                out.urgency = int(text)
            elif key == "embargo":
                out.embargo = _time(text)
            elif key == "first_created":
                out.first_created = _time(text)
            elif key == "version_created":
                out.version_created = _time(text)
            elif key == "pub_status":
                with contextlib.suppress(ValueError):
                    out.pub_status = PubStatus(text.strip())
            elif key == "editorial_note":
                out.editorial_note = text
            elif key == "usage_terms":
                out.usage_terms = text
            elif key == "slugline":
                out.slugline = text
            elif key == "signals":
                out.signals = text.split()
            key = None


def newsroom_fields(item: HtmlElement) -> Newsroom:
    """The newsroom's fields in an article element: correction, genres, rights and the rest."""
    return read_newsroom(item.iter("dl", "p", "ul"))


def read_newsroom(elements: Iterable[HtmlElement]) -> Newsroom:  # noqa: C901 - one branch per part
    """The newsroom's fields of the article's ``dl``, ``p`` and ``ul`` elements, in page order.

    Elements of other names, and of classes other than the newsroom's, give nothing.
    """
    out = Newsroom()
    for el in elements:
        classes = _classes(el)
        if el.tag == "dl" and "internal" in classes:
            _internal(el, out)
        elif el.tag == "p" and "correction" in classes and out.correction is None:
            out.correction = el.text_content()
        elif el.tag == "p" and "rights" in classes:
            for span in el.iter("span"):
                span_classes = _classes(span)
                if "notice" in span_classes and out.notice is None:
                    out.notice = span.text_content()
                if "holder" in span_classes and out.holder is None:
                    out.holder = span.text_content()
        elif el.tag == "ul" and "genres" in classes:
            genres = []
            for li in el.iter("li"):
                code, name = (li.get("data-code") or "").strip(), li.text_content()
                with contextlib.suppress(ValidationError):
                    genres.append(Genre(code, None if "code" in _classes(li) else name))
            out.genres = genres
    if out.notice is not None or out.holder is not None or out.usage_terms is not None:
        with contextlib.suppress(ValidationError):
            out.rights = Rights(holder=out.holder, notice=out.notice, usage_terms=out.usage_terms)
    return out
