"""Embeds as associations: the HTML body does not carry them, an associated item does.

Each :class:`~newsmodel.Embed` is an association named ``embed1``, ``embed2``... whose ``uri``
is the embed's URL, with its caption as a description and its credit as an infoSource. An
alternative id of role ``embed:position`` says where it stands in the body: ``"2.3"`` is the
fourth block of the third section, ``"2.0.alone"`` a section of embeds alone, which the HTML
body has no trace of. A given provider is an alternative id of role ``embed:provider``.
"""

from __future__ import annotations

import re
from itertools import islice
from typing import TYPE_CHECKING, Any

from newsmodel._models import Embed, EmbedProvider, Section
from newsmodel.errors import ValidationError

if TYPE_CHECKING:
    from collections.abc import Callable

    from newsmodel._models import Attribution, Block

__all__ = [
    "POSITION_ROLE",
    "PROVIDER_ROLE",
    "Placed",
    "association",
    "embed_of",
    "place_embeds",
    "position_of",
    "split_embeds",
]

POSITION_ROLE = "embed:position"
PROVIDER_ROLE = "embed:provider"
_POSITION = re.compile(r"^(\d{1,6})\.(\d{1,6})(\.alone)?$")

#: An embed and where it stands: the index of its section and of its block among the
#: section's blocks as given, and whether the section holds embeds alone (and no heading).
Placed = tuple[int, int, bool, Embed]


def split_embeds(sections: tuple[Section, ...]) -> tuple[tuple[Section, ...], list[Placed]]:
    """The sections less their embeds, and the embeds with their places."""
    out: list[Section] = []
    placed: list[Placed] = []
    for s, section in enumerate(sections):
        blocks = [b for b in section.blocks if not isinstance(b, Embed)]
        alone = not blocks and section.heading is None
        placed.extend(
            (s, b, alone, block)
            for b, block in enumerate(section.blocks)
            if isinstance(block, Embed)
        )
        if not alone:
            out.append(Section(section.heading, blocks))
    return tuple(out), placed


def association(
    n: int, placed: Placed, party: Callable[[Attribution], dict[str, str]]
) -> dict[str, Any]:
    """The association of the ``n``-th embed (from 1)."""
    s, b, alone, embed = placed
    item: dict[str, Any] = {"name": f"embed{n}", "uri": embed.url}
    if embed.caption is not None:
        item["descriptions"] = [
            {"role": "caption", "contentType": "text/plain", "value": embed.caption}
        ]
    if embed.credit is not None:
        item["by"] = embed.credit.name
        item["infoSources"] = [party(embed.credit)]
    ids = [{"role": POSITION_ROLE, "value": f"{s}.{b}{'.alone' if alone else ''}"}]
    if embed.given_provider is not None:
        ids.append({"role": PROVIDER_ROLE, "value": embed.given_provider.value})
    item["altIds"] = ids
    return item


def position_of(entry: dict[str, Any]) -> tuple[int, int, bool] | None:
    """Where an association (its keys in lower case) stands, when it is an embed."""
    ids = entry.get("altids")
    if not isinstance(ids, list):
        return None
    for alt in ids:
        if isinstance(alt, dict) and alt.get("role") == POSITION_ROLE:
            value = alt.get("value")
            match = _POSITION.match(value) if isinstance(value, str) else None
            if match is not None:
                return int(match[1]), int(match[2]), match[3] is not None
    return None


def embed_of(
    entry: dict[str, Any], caption: str | None, credit: Attribution | None
) -> Embed | None:
    """The embed an association holds; ``None`` when the model refuses it."""
    provider = None
    ids = entry.get("altids")
    for alt in ids if isinstance(ids, list) else []:
        if isinstance(alt, dict) and alt.get("role") == PROVIDER_ROLE:
            try:
                provider = EmbedProvider(alt.get("value"))
            except ValueError:
                provider = None
    url = entry.get("uri")
    if not isinstance(url, str):
        return None
    try:
        return Embed(url, provider, caption=caption, credit=credit)
    except (ValidationError, TypeError):
        return None


def _merge(blocks: tuple[Block, ...], placed: list[Placed]) -> list[Block]:
    """The blocks with each embed at its index, in one pass (``placed`` in order of index).

    Embeds at the same index stand in the order given; an index past the end puts the embed
    after the last block. A pass rather than one insertion an embed: a list insertion moves
    every block after it, which made many embeds cost quadratic time.
    """
    out: list[Block] = []
    rest = iter(blocks)
    for _, b, _, embed in placed:
        out.extend(islice(rest, max(0, b - len(out))))
        out.append(embed)
    out.extend(rest)
    return out


def place_embeds(sections: list[Section], placed: list[Placed]) -> list[Section]:
    """The sections with the embeds back in their places (or at the end, when out of range)."""
    if not placed:
        return sections
    by_section: dict[int, list[Placed]] = {}
    for entry in sorted(placed, key=lambda p: (p[0], p[1])):
        by_section.setdefault(entry[0], []).append(entry)
    out: list[Section] = []
    i = 0
    for s in sorted(by_section):
        here = [p[3] for p in by_section[s]]
        # The sections before this one, as far as the body has them.
        while len(out) < s and i < len(sections):
            out.append(sections[i])
            i += 1
        if by_section[s][0][2] or i >= len(sections):
            out.append(Section(blocks=here))
            continue
        out.append(Section(sections[i].heading, _merge(sections[i].blocks, by_section[s])))
        i += 1
    out.extend(sections[i:])
    return out
