"""Captions, photo credits, bold subheadings and other stories' headlines in a body."""

from __future__ import annotations

import re

from lxml import html as lxml_html

from newsmodel._metadata import CANONICAL_SEPARATOR
from newsmodel._models import Attribution, Role
from newsmodel.errors import ValidationError
from newsmodel.html._names import class_tokens
from newsmodel.html._texts import text_of

__all__ = [
    "bold_heading",
    "captioned_image",
    "credit_line",
    "read_caption",
    "read_credit",
    "teasers",
]

HtmlElement = lxml_html.HtmlElement

_CREDIT_PREFIX = re.compile(
    r"^\s*(?:©|\(c\)|(?:фото|foto|photo|photograph|bild|image|credit|источник|quelle|source)"
    r"(?![^\W_]))\s*[:.\-–—/]?\s*",  # a word of its own: "Фотограф" is a name
    re.IGNORECASE,
)
_CREDIT_CLASSES = frozenset({"credit", "copyright", "photographer", "author", "source", "credits"})


_CAPTION_CLASSES = frozenset({"caption", "credit", "credits", "copyright"})


def captioned_image(p: HtmlElement) -> bool:
    """True for a paragraph holding an image and text marked as its caption or credit."""
    if next(p.iter("img"), None) is None:
        return False
    return any(class_tokens(el) & _CAPTION_CLASSES for el in p.iter() if el is not p)


#: A line that credits pictures: "Photo: AFP", "Bild: …", "Crédits photos : …", "© 2020 …".
_CREDIT_LINE = re.compile(
    r"^\s*(?:©|\(c\)|(?:photos?|fotos?|фото|bild(?:er)?|images?|(?:photo\s+)?credits?"
    r"|crédits?(?:\s+photos?)?|bildnachweis|фотография|фотосурет|суреттер)(?![^\W_])\s*[:：])"
    r"\s*(\S.*)$",
    re.IGNORECASE,
)
#: A credit line holds at most this many characters; a longer paragraph is text.
_CREDIT_LINE_CHARS = 100


def credit_line(text: str) -> Attribution | None:
    """The photographer a paragraph credits when it is only a picture's credit line.

    A short line that starts with a word for a picture and a colon, or with ``©``, as pages
    set under an image: "Photo: AFP", "Bild: shutterstock", "Crédits photos : Bestimage".
    """
    if len(text) > _CREDIT_LINE_CHARS:
        return None
    match = _CREDIT_LINE.match(text)
    if match is None:
        return None
    try:
        return Attribution(match.group(1).strip(" ./"), role=Role.PHOTOGRAPHER, phrase="фото")
    except ValidationError:
        return None


_BOLD = frozenset({"strong", "b"})
_MAX_HEADING = 150


def _bold_only(p: HtmlElement) -> str | None:
    """The text of a paragraph that holds one bold run and nothing else."""
    if p.tag != "p" or (p.text and p.text.strip()):
        return None
    children = [c for c in p if isinstance(c.tag, str)]
    if len(children) != 1 or children[0].tag not in _BOLD or (children[0].tail or "").strip():
        return None
    inner = children[0]
    for c in inner.iter():
        if c is not inner and isinstance(c.tag, str) and c.tag not in {"em", "i", "br"}:
            return None
    return text_of(p) or None


def bold_heading(p: HtmlElement) -> str | None:
    """The text of a paragraph that is one bold run followed by more text: a subheading.

    Many editors mark subheadings as ``<p><strong>…</strong></p>``. A bold line ending in a full
    stop or a colon, or one with nothing after it, is a paragraph or a label, not a heading.
    """
    text = _bold_only(p)
    if not text or len(text) > _MAX_HEADING or text.endswith((".", ":", "…")):
        return None
    following = p.getnext()
    while following is not None and not isinstance(following.tag, str):
        following = following.getnext()
    if following is None or following.tag not in {"p", "ul", "ol", "blockquote"}:
        return None
    if _bold_only(following) is not None or len(text_of(following)) <= len(text):
        return None
    return text


def read_caption(element: HtmlElement) -> tuple[str | None, Attribution | None]:  # noqa: C901
    """A figure caption and its photo credit, from explicit markup or the caption's text."""
    credit: Attribution | None = None
    credit_el: HtmlElement | None = None
    for child in element.iter():
        if child is element or not isinstance(child.tag, str):
            continue
        if child.get("data-role") is not None or class_tokens(child) & _CREDIT_CLASSES:
            credit_el = child
            break
    if credit_el is not None:
        credit = read_credit(credit_el, Role.PHOTOGRAPHER)
        caption_el = None
        for child in element.iter():
            if "caption" in class_tokens(child) and child is not element:
                caption_el = child
                break
        if caption_el is not None:
            caption = text_of(caption_el) or None
        else:
            whole = text_of(element)
            caption = whole.replace(text_of(credit_el), "").strip() or None
        return caption, credit
    text = text_of(element)
    match = re.search(r"(?:^|\s)(?:©|(?:Фото|Foto|Photo|Bild)\s*:)\s*([^©]{1,80})$", text)
    if match:
        try:
            credit = Attribution(match.group(1).strip(" ./"), role=Role.PHOTOGRAPHER, phrase="фото")
        except ValidationError:
            credit = None
        else:
            text = text[: match.start()].strip()
    return text or None, credit


def read_credit(element: HtmlElement, default_role: Role) -> Attribution | None:
    """An attribution from a credit element: ``data-role``/``data-phrase`` marks, or its text."""
    role_value = element.get("data-role")
    try:
        role = Role(role_value) if role_value else default_role
    except ValueError:
        role = default_role
    phrase = element.get("data-phrase")
    separator = element.get("data-separator") or CANONICAL_SEPARATOR
    name_el = None
    for child in element.iter():
        if child is not element and (
            "name" in class_tokens(child) or child.get("itemprop") == "name"
        ):
            name_el = child
            break
    url = None
    for a in element.iter("a"):
        href = (a.get("href") or "").strip()
        if re.match(r"^https?://", href, re.IGNORECASE):
            url = href
        break
    if name_el is not None:
        name = text_of(name_el)
    else:
        name = _CREDIT_PREFIX.sub("", text_of(element)).strip(" .,")
        if phrase is None and role is Role.PHOTOGRAPHER and name != text_of(element):
            phrase = "фото"
    try:
        return Attribution(name, role=role, url=url, phrase=phrase, separator=separator)
    except ValidationError:
        try:
            return Attribution(name, role=role, phrase=phrase)
        except ValidationError:
            return None


_HEADINGS = ("h2", "h3", "h4", "h5", "h6")


def teasers(element: HtmlElement) -> bool:
    """True for a list of teasers: one of its items has a heading that is a link elsewhere.

    The headline of another story, set over its summary; a heading of the text is no link, or
    one to a place on the page ("#part-2").
    """
    for heading in element.iter(*_HEADINGS):
        link = next(heading.iter("a"), None)
        if link is None:
            continue
        href = (link.get("href") or "").strip()
        if href and not href.startswith("#") and text_of(link) == text_of(heading):
            return True
    return False
