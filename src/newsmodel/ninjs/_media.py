"""An item's associations: the main image it is shown with, and the posts embedded in its body.

An association that says where in the body it stands is an embed; of the others, the one named
or typed as the main picture is the article's image, read from its best rendition. Every other
association, and every other rendition of the image, is counted as left out.
"""

from __future__ import annotations

from typing import Any

from newsmodel._models import Figure, Role
from newsmodel.errors import ValidationError
from newsmodel.ninjs._embeds import embed_of, position_of
from newsmodel.ninjs._item import Item, clean, loss, word

__all__ = ["read_associations"]

_IMAGE_NAMES = ("featuremedia", "featureimage", "mainpicture", "mainimage", "main", "picture")
_IMAGE_TYPES = frozenset({"picture", "graphic"})
_RENDITION_ORDER = ("original", "baseimage", "viewimage")
_CAPTION_ROLES = frozenset({None, "caption", "summary", "text"})
_ASSOCIATION = loss("item", "associated item", "associated items")
_IMAGE_RENDITION = loss(
    "image", "other rendition of the main image", "other renditions of the main image"
)
_NO_IMAGE_ADDRESS = loss("image", "main image without an http(s) address")


def read_associations(r: Item) -> Figure | None:
    """The main image of the item ``r``; its embeds go to ``r.embeds``, its losses to ``r.lost``."""
    associations = []
    for entry in r.dicts("associations"):
        position = position_of(entry)
        if position is None:
            associations.append(entry)
        else:
            _embed(r, entry, position)
    chosen = None
    for name in _IMAGE_NAMES:
        chosen = next((a for a in associations if word(a.get("name")) == name), None)
        if chosen is not None:
            break
    if chosen is None:
        chosen = next((a for a in associations if word(a.get("type")) in _IMAGE_TYPES), None)
    r.lost[_ASSOCIATION] += len(associations) - (chosen is not None)
    if chosen is None:
        return None
    return _figure(Item(chosen, tz=r.tz, path=f"{r.path}.associations"), r)


def _embed(r: Item, entry: dict[str, Any], position: tuple[int, int, bool]) -> None:
    item = Item(entry, tz=r.tz, path=f"{r.path}.associations")
    caption = next(
        (
            clean(d.get("value"))
            for d in item.dicts("descriptions")
            if word(d.get("role")) in _CAPTION_ROLES
        ),
        None,
    )
    credits_ = [item.party(e, Role.AUTHOR) for e in item.dicts("infosources")]
    embed = embed_of(entry, caption, next((c for c in credits_ if c is not None), None))
    r.lost.update(item.lost)
    if embed is None:
        r.lost[_ASSOCIATION] += 1
    else:
        r.embeds.append((*position, embed))


def _figure(picture: Item, article: Item) -> Figure | None:
    """``picture`` read as the article's image; what it loses is counted on the article."""
    renditions = [r for r in picture.dicts("renditions") if clean(r.get("href"))]
    by_name = {word(r.get("name")): r for r in renditions}
    best = next((by_name[n] for n in _RENDITION_ORDER if n in by_name), None)
    if best is None and renditions:
        best = max(renditions, key=_area)
    if len(renditions) > 1:
        article.lost[_IMAGE_RENDITION] += len(renditions) - 1
    caption = alt = None
    for entry in picture.dicts("descriptions"):
        role, value = word(entry.get("role")), clean(entry.get("value"))
        if role == "alt":
            alt = alt or value
        elif role in _CAPTION_ROLES:
            caption = caption or value
    caption = caption or picture.text("description_text") or picture.text("headline")
    alt = alt or picture.text("alt_text")
    found = [picture.party(e, Role.PHOTOGRAPHER) for e in picture.dicts("infosources")]
    credits_ = [c for c in found if c is not None]
    by = picture.text("by") or picture.text("byline")
    if not credits_ and by is not None:
        credits_ = [c for c in [picture.party({"name": by}, Role.PHOTOGRAPHER)] if c]
    article.lost.update(picture.lost)
    if best is None:
        article.lost[_NO_IMAGE_ADDRESS] += 1
        return None
    try:
        return Figure(
            str(best["href"]),
            caption=caption,
            credit=credits_[0] if credits_ else None,
            alt=alt,
        )
    except ValidationError:
        article.lost[_NO_IMAGE_ADDRESS] += 1
        return None


def _area(rendition: dict[str, Any]) -> int:
    width, height = rendition.get("width"), rendition.get("height")
    if isinstance(width, int) and isinstance(height, int):
        return width * height
    return 0
