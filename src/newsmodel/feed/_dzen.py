"""The article body in the HTML Dzen allows, made from the HTML writer's own body markup.

Dzen's publisher requirements allow, in ``content:encoded``: ``p``, ``a``, ``b``, ``i``, ``u``,
``s``, ``h1``-``h4``, ``blockquote``, ``ul``, ``ol``, ``li``, ``figure``, ``img``,
``figcaption``, ``video`` and ``source``, and a figure's credit as
``<span class="copyright">`` inside its ``figcaption``. The HTML writer's body is rewritten to
that set: every other element is unwrapped (its text kept), every attribute but a link's
``href`` and an image's ``src`` and ``alt`` is dropped.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lxml import html as lxml_html

from newsmodel.html._writer import body_html

if TYPE_CHECKING:
    from newsmodel._models import Article

__all__ = ["ALLOWED", "dzen_html"]

#: The elements Dzen allows in ``content:encoded``.
ALLOWED = frozenset(
    {
        "a",
        "b",
        "blockquote",
        "figcaption",
        "figure",
        "h1",
        "h2",
        "h3",
        "h4",
        "i",
        "img",
        "li",
        "ol",
        "p",
        "s",
        "source",
        "u",
        "ul",
        "video",
    }
)
# Dzen has no tables: each row becomes a paragraph, and so does the caption.
_RENAMED = {"em": "i", "strong": "b", "footer": "p", "tr": "p", "caption": "p"}
_KEPT_ATTRIBUTES = {"a": ("href",), "img": ("src", "alt")}


def _credit(span: lxml_html.HtmlElement) -> None:
    """A credit of the HTML writer (``Фото: <span class="name">…``) as Dzen's copyright span."""
    name = next((el for el in span.iter() if el.get("class") == "name"), span)
    text = name.text_content()
    for child in list(span):
        span.remove(child)
    span.attrib.clear()
    span.set("class", "copyright")
    span.text = text


def _clean(root: lxml_html.HtmlElement) -> None:
    """Rewrite a tree in place to Dzen's elements and attributes."""
    # Walk a snapshot: unwrapping changes the tree under the walk.
    for el in list(root.iter()):
        if el is root or not isinstance(el.tag, str) or el.getparent() is None:
            continue  # the root, a comment, or an element a credit took out
        tag = _RENAMED.get(el.tag, el.tag)
        el.tag = tag
        if tag == "span" and el.get("class") == "credit":
            _credit(el)
            continue
        if tag == "span" and el.get("class") == "copyright":
            continue
        if tag in {"br", "td", "th"}:
            # a line break or a table cell is not among Dzen's elements: the lines (the cells of
            # a row) run on with a space
            el.tail = " " + (el.tail or "")
            el.drop_tag()
            continue
        if tag not in ALLOWED:
            el.drop_tag()
            continue
        kept = _KEPT_ATTRIBUTES.get(tag, ())
        for name in list(el.attrib):
            if name not in kept:
                del el.attrib[name]


def dzen_html(article: Article) -> tuple[str, list[str]]:
    """The body of an article in Dzen's HTML, and the hrefs of links written as text."""
    markup, dropped = body_html(article)
    root = lxml_html.fragment_fromstring(markup or "<p></p>", create_parent="div")
    _clean(root)
    parts = [lxml_html.tostring(child, encoding="unicode") for child in root]
    return (root.text or "") + "".join(parts), dropped
