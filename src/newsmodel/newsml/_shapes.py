"""What an item gives beyond its metadata: headlines from elsewhere, a body's header and notepad.

:class:`AgencyShapes` is the part of the item reader that maps what agencies put in a body
(read by :mod:`newsmodel.newsml._agency`) to the article's fields, and finds a headline for an
item that has none.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import attrs

from newsmodel._models import Attribution, Paragraph, Rights, Role, Section
from newsmodel.dates import parse_iso
from newsmodel.errors import ParseError
from newsmodel.newsml._agency import BodyMeta, by_attributions
from newsmodel.newsml._collect import Collector
from newsmodel.newsml._ns import NAR
from newsmodel.newsml._tree import FORMAT, NAR_OR_NONE, split

if TYPE_CHECKING:
    from lxml import etree

    from newsmodel.newsml._body import BodyReader
    from newsmodel.newsml._parse import ReadOptions

__all__ = ["AgencyShapes", "first_sentence"]


class AgencyShapes(Collector):
    """Maps a body's agency metadata to the article; finds a missing headline."""

    def __init__(self, item: etree._Element, options: ReadOptions) -> None:
        super().__init__(item, options)
        #: The item's own notes (edNote), read as a body's notepad is.
        self.notepad = BodyMeta()
        #: The ``by`` statements that name people, with the people they name.
        self.by_lines: list[tuple[str, list[Attribution]]] = []
        #: The people a ``by`` beside a creator names (that ``by`` is kept as written).
        self.late_by: list[Attribution] = []

    def by_statement(self, text: str) -> None:
        """A ``by`` statement: the people it names (see :meth:`bylines`); else kept as written.

        (A ``creator`` comes before ``by`` in ``contentMeta``.)
        """
        authors = any(a.role is Role.AUTHOR for a in self.fields.get("attributions", ()))
        found = by_attributions(text) if text else None
        if found is None or authors:
            self.keep("newsml:by", text)
            if found is not None:  # beside a creator: see issuer_as_source
                self.late_by.extend(found)
        else:
            self.by_lines.append((text, found))

    def fallback_headline(self, body: BodyReader, lede: str | None, sections: list[Section]) -> str:
        """A headline for an item without one: from its body, slugline, title, summary, text.

        An item with text is never refused for lacking a headline; a warning says where the
        headline came from.
        """
        meta = body.meta
        sluglines = [*self.fields.get("sluglines", []), *meta.sluglines]
        for source, text in (
            ("the body's headline", meta.headline),
            ("the body's title", meta.title),
            ("the slugline", next((s for s in sluglines if s), None)),
            ("the item title", _first_extra(self.extra, "newsml:title")),
            ("the summary", lede),
            ("the first sentence", first_sentence(sections)),
        ):
            if text:
                self.note(
                    f"the item has no headline; {source} {text!r} was used instead",
                    "field",
                    "headline",
                )
                return text
        raise ParseError(FORMAT, self.no_headline(), line=self.item.sourceline)

    def body_meta(self, meta: BodyMeta, headline: str) -> None:
        """Map what the body's header, notepad and byline say; nothing of it is text."""
        known = {v for _, v in self.extra}
        known.add(headline)
        known.update(g.name for g in self.fields.get("genres", ()) if g.name)
        for key, values in (
            ("newsml:header:time", [t for t in meta.times if not self.is_known_time(t)]),
            ("newsml:genre", meta.genres),
            ("newsml:headline", meta.headings),
            ("newsml:byline", meta.byline_text),
            ("newsml:header", meta.other),
        ):
            for value in values:
                if value not in known and value not in self.fields.get("sluglines", ()):
                    known.add(value)
                    self.extra.append((key, value))
        if meta.headline and meta.headline != headline and meta.headline not in known:
            self.extra.append(("newsml:headline", meta.headline))
        notes = self.notepad.notes
        notes.extend(n for n in meta.notes if n not in notes)
        for note in [*self.notepad.private_notes, *meta.private_notes]:
            if self.options.private_notes:
                self.extra.append(("newsml:notepad:nonpublic", note))
            else:
                self.note(
                    "a non-public notepad section was left out (private_notes=True keeps it)",
                    "field",
                    "notepad",
                )
        self.bylines(meta, known)

    def bylines(self, meta: BodyMeta, known: set[str]) -> None:
        """The item's ``by``, else the body's byline, names the authors the metadata does not.

        A byline that names someone else is kept as written.
        """
        attributions = self.fields.setdefault("attributions", [])
        lines = self.by_lines or meta.bylines
        people = [a for _, found in lines for a in found]
        self.issuer_as_source(attributions, self.late_by or people)
        if not any(a.role is Role.AUTHOR for a in attributions):
            attributions.extend(self.late_by or people or meta.nitf_bylines)
        names = {a.name.casefold() for a in attributions}
        for key, lines in (("newsml:by", self.by_lines), ("newsml:byline", meta.bylines)):
            for text, people in lines:
                if text not in known and any(a.name.casefold() not in names for a in people):
                    known.add(text)
                    self.extra.append((key, text))

    def issuer_as_source(self, attributions: list[Attribution], people: list[Attribution]) -> None:
        """A byline's people are the authors when the only creator is the item's issuer.

        The issuing organisation is then credited as the source. Agencies name themselves (or
        the partner that supplied the story) as ``creator``, and give the writer in ``by`` or a
        byline paragraph. A creator is the issuer when it is also the item's ``infoSource``,
        credit line or copyright holder.
        """
        authors = [a for a in attributions if a.role is Role.AUTHOR]
        if not people or not authors:
            return
        rights = self.fields.get("rights")
        issuers = {
            *(a.name.casefold() for a in attributions if a.role is Role.SOURCE),
            *(v.casefold() for k, v in self.extra if k == "newsml:creditline"),
            *((rights.holder.casefold(),) if isinstance(rights, Rights) and rights.holder else ()),
        }
        if not all(a.name.casefold() in issuers for a in authors):
            return
        if any(p.name.casefold() in issuers for p in people):
            return
        sources = {a.name.casefold() for a in attributions if a.role is Role.SOURCE}
        kept = [a for a in attributions if a.role is not Role.AUTHOR]
        for a in authors:
            if a.name.casefold() not in sources:
                sources.add(a.name.casefold())
                kept.append(attrs.evolve(a, role=Role.SOURCE))
        attributions[:] = kept

    def is_known_time(self, raw: str) -> bool:
        """Whether a time the body's header gives is one of the item's own timestamps."""
        value = parse_iso(raw)
        if value is None or value.tzinfo is None:
            return False
        names = ("versionCreated", "firstCreated", "contentCreated", "contentModified")
        return any(self.fields.get(n) == value for n in names)

    def no_headline(self) -> str:
        """Why the item has no headline: none at all, or only in another namespace."""
        for el in self.item.iter("{*}headline", "{*}contentMeta"):
            ns = split(el.tag)[0]
            if ns not in NAR_OR_NONE:
                return (
                    f"the item has no headline: its <{split(el.tag)[1]}> is in the namespace "
                    f"{ns!r}, not NewsML-G2's {NAR!r}"
                )
        return "the item has no headline"


def first_sentence(sections: list[Section]) -> str | None:
    """The first sentence of the first paragraph, for an item with no headline at all."""
    for section in sections:
        for block in section.blocks:
            if isinstance(block, Paragraph):
                text = block.text
                end = _SENTENCE_END.search(text)
                return text[: end.start() + 1] if end else text
    return None


_SENTENCE_END = re.compile(r"[.!?…](?=\s)")


def _first_extra(extra: list[tuple[str, str]], key: str) -> str | None:
    return next((v for k, v in extra if k == key), None)
