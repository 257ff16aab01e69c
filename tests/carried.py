"""What each format carries today: the part of an article a round trip through it keeps.

The model holds more than some formats write yet. Round-trip tests of those formats compare the
part they carry, through :func:`carried`, so that the gaps are listed here, in one place, and a
format that learns a field drops it from :data:`NOT_CARRIED`.
"""

from __future__ import annotations

import attrs

from newsmodel import Article, Embed, Section, Subject

# The newsroom fields of the model, which some formats do not write.
_NEW_FIELDS = frozenset(
    {
        "urgency",
        "embargo",
        "pub_status",
        "editorial_note",
        "genres",
        "rights",
        "slugline",
        "first_created",
        "version_created",
        "correction",
        "signals",
    }
)

#: What each format does not carry yet, besides fields: ``embeds`` (Embed blocks), ``dates``
#: (a date alone in published/updated), ``subject names`` (names per language).
#: Feeds (``feed``) never publish the newsroom's fields (editorial note, rights, embargo...),
#: write an embed as a link and a date alone as that day at 00:00 UTC, and have no subjects.
NOT_CARRIED: dict[str, frozenset[str]] = {
    "json": frozenset(),
    "html": frozenset(),
    "newsml": frozenset(),
    "nitf": frozenset(
        {
            "genres",
            "slugline",
            "signals",
            "first_created",
            "version_created",
            "embeds",
            "subject names",
        }
    ),
    "feed": _NEW_FIELDS | {"embeds", "dates", "subject names"},
}


def carried(article: Article, fmt: str) -> Article:
    """The article less what ``fmt`` does not carry yet (see :data:`NOT_CARRIED`)."""
    lost = NOT_CARRIED[fmt]
    changes: dict[str, object] = {}
    defaults = Article(headline=article.headline)
    for name in lost & _NEW_FIELDS:
        changes[name] = getattr(defaults, name)
    if "embeds" in lost:
        changes["sections"] = _without_embeds(article.sections)
    if "dates" in lost:
        for name in ("published", "updated"):
            value = getattr(article, name)
            changes[name] = value if value is None or hasattr(value, "tzinfo") else None
    if "subject names" in lost:
        changes["subjects"] = [Subject(s.code, s.label) for s in article.subjects]
    return attrs.evolve(article, **changes)


def _without_embeds(sections: tuple[Section, ...]) -> list[Section]:
    out = []
    for section in sections:
        blocks = [b for b in section.blocks if not isinstance(b, Embed)]
        if blocks or section.heading is not None:
            out.append(Section(section.heading, blocks))
    return out
