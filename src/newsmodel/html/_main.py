"""Find an article's main content in a page.

The main content is the element that carries ``itemprop="articleBody"`` when there is one;
otherwise it is chosen by scoring, as readability does: every paragraph of running text adds to
its parent's and grandparent's score, class and id names such as ``article-body`` add and
``comments``, ``share``, ``related`` take away, and a container made mostly of links loses in
proportion. Each element's text is measured once (:class:`~newsmodel.html._texts.Texts`), also
where paragraphs and quotes nest.
"""

from __future__ import annotations

from collections import Counter
from itertools import islice

from lxml import html as lxml_html

from newsmodel.html._names import (
    FIELD_HOLDER,
    NOT_ARTICLE,
    POSITIVE_NAMES,
    SIGN_UP_TEXT,
    class_tokens,
    is_boilerplate,
    named_aside,
    sign_up_box,
)
from newsmodel.html._texts import Texts, commas_in, text_of

__all__ = ["find_main", "sibling_run"]

HtmlElement = lxml_html.HtmlElement

_NEGATIVE = NOT_ARTICLE | {
    "more",
    "read",
    "also",
    "cookies",
    "footer",
    "print",
    "copyright",
    "masthead",
    "header",
    "topbar",
    "next",
    "prev",
    "latest",
    "most",
    "feed",
    "rss",
    "author-bio",
    "bio",
    "meta",
    "byline",
    "date",
    "dateline",
    "caption",
    "credits",
    "hidden",
    "sr",
    "visually",
    "skip",
}

# --- choosing the main content ---------------------------------------------------------------


def _class_weight(element: HtmlElement) -> float:
    tokens = class_tokens(element)
    weight = 0.0
    if tokens & _NEGATIVE:
        weight -= 25
    if tokens & POSITIVE_NAMES:
        weight += 25
    return weight


def _best(scores: dict[HtmlElement, float], texts: Texts) -> HtmlElement:
    """The candidate with the best score once its link density is counted against it."""

    def adjusted(element: HtmlElement) -> float:
        return scores[element] * (1 - texts.link_density(element))

    # The link density only lowers a score: candidates are taken by raw score, and the search
    # stops at the first whose raw score cannot beat the best adjusted one.
    ranked = sorted(scores, key=scores.__getitem__, reverse=True)
    best, best_score = ranked[0], adjusted(ranked[0])
    for element in ranked[1:]:
        if scores[element] <= best_score:
            break
        value = adjusted(element)
        if value > best_score:
            best, best_score = element, value
    # A parent that holds nearly as much good text (the body split around an ad) is better.
    # (Its link density only brings its score nearer zero: one too low is not measured.)
    parent = best.getparent()
    while parent is not None and parent.tag not in {"body", "html"}:
        if (
            parent in scores
            and max(scores[parent], 0.0) >= best_score * 0.9
            and adjusted(parent) >= best_score * 0.9
        ):
            best, best_score = parent, adjusted(parent)
        parent = parent.getparent()
    return best


_SCORED = ("p", "pre", "td", "blockquote")


def find_main(root: HtmlElement, texts: Texts | None = None) -> HtmlElement | None:
    """The element most likely to hold the article's text, or ``None`` when nothing looks so.

    ``texts`` measures the elements of ``root``'s tree (a new one when not given).
    """
    texts = texts or Texts(root)
    marked_bodies = [
        element
        for element in texts.itemprops(root)
        if element is not root
        and "articleBody" in (element.get("itemprop") or "").split()
        and texts.short(element, 0) is None
    ]
    if marked_bodies:
        # a page may mark each paragraph of its text: the body is the block holding them all
        # (but not the whole page: then the first is the article's, the others elsewhere)
        holder = _holding_all(marked_bodies)
        return marked_bodies[0] if holder.tag in {"body", "html"} else holder
    scores, mass = _scores(root, texts)
    marked = _with_text(list(root.iter("article", "main")))
    if not scores:
        # Short paragraphs only: a container the page marks as its article is the body.
        return marked[0] if marked else None
    best = _widen(_best(scores, texts), mass, texts)
    if len(marked) == 1 and _prefer_marked(marked[0], best):
        return marked[0]
    return best


def _holding_all(elements: list[HtmlElement]) -> HtmlElement:
    """The deepest element that is or holds every one of ``elements``."""
    chain = [elements[0], *elements[0].iterancestors()]
    depth = {element: index for index, element in enumerate(chain)}
    lowest = 0
    for element in elements[1:]:
        node: HtmlElement | None = element
        while node is not None and node not in depth:
            node = node.getparent()
        if node is None:
            return chain[-1]
        lowest = max(lowest, depth[node])
    return chain[lowest]


def _scores(
    root: HtmlElement, texts: Texts
) -> tuple[dict[HtmlElement, float], Counter[HtmlElement]]:
    """The score of each block that holds paragraphs, and the paragraph text under each."""
    scores: dict[HtmlElement, float] = {}
    # paragraph text under each ancestor, at any depth: how much text an enclosing block holds
    mass: Counter[HtmlElement] = Counter()
    # the ancestors of each paragraph's parent as far up as they are counted, and whether they
    # set it apart (see _set_apart): the same for the paragraphs of one parent
    chains: dict[HtmlElement, tuple[list[HtmlElement], bool]] = {}
    for p in root.iter(*_SCORED):
        length, commas = _measure(p, texts)
        parent = p.getparent()
        if length < 25 or parent is None:  # noqa: PLR2004 - shorter: captions, buttons, labels
            continue
        known = chains.get(parent)
        if known is None:
            chain = [parent, *islice(parent.iterancestors(), _MASS_LEVELS - 1)]
            known = chains[parent] = (chain, _set_apart(chain, texts))
        chain, set_apart = known
        if set_apart:
            continue
        score = 1 + commas + min(length / 100, 3)
        for level, ancestor in enumerate(chain):
            if level < 3:  # noqa: PLR2004
                if ancestor not in scores:
                    scores[ancestor] = _class_weight(ancestor) + (
                        5 if ancestor.tag in {"div", "article", "section", "main"} else 0
                    )
                scores[ancestor] += score / (1, 2, 3)[level]
            mass[ancestor] += length
    return scores, mass


#: Names of a block of readers' comments: its paragraphs are never the article's.
_COMMENTS = frozenset({"comment", "comments", "disqus", "respond", "replies"})


def _set_apart(ancestors: list[HtmlElement], texts: Texts) -> bool:
    """Whether a paragraph lies in a comment thread or a sign-up box.

    That is, one of its ``ancestors`` (its parent first, as far up as it is counted) is one,
    below the page's ``<body>``. A sign-up or log-in box (a short one that held a field for an
    e-mail address or a password) often shows one message of several, each in a box of its
    own beside the field's: all of them lie in it.
    """
    for ancestor in ancestors:
        if ancestor.tag in {"body", "html"}:  # names of the whole page
            return False
        if texts.tokens(ancestor) & _COMMENTS or (
            ancestor.get(FIELD_HOLDER) is not None  # (measured only then)
            and sign_up_box(ancestor, texts.solid_within(ancestor, SIGN_UP_TEXT))
        ):
            return True
    return False


def _measure(p: HtmlElement, texts: Texts) -> tuple[int, int]:
    """The length of a paragraph's text, spaces collapsed, and its commas."""
    if not len(p):
        text = p.text or ""  # (most have no child: their text, without an XPath evaluation)
    elif _nests(p, _SCORED):
        # its text holds theirs: summed from theirs, each subtree once
        return texts.spaced(p, _SCORED)
    else:
        text = p.text_content()
    text = " ".join(text.split())  # for counting only: faster than squash
    return len(text), commas_in(text)


def _nests(element: HtmlElement, tags: tuple[str, ...]) -> bool:
    """Whether an element holds another of the given tags.

    Over all the elements of a tree this reads each element at most once: the search stops at
    the first one found, and what comes before it lies under no other.
    """
    found = element.iter(*tags)
    if element.tag in tags:
        next(found)  # the element itself
    return next(found, None) is not None


def _with_text(elements: list[HtmlElement]) -> list[HtmlElement]:
    """The elements (in document order) that hold text other than whitespace.

    The innermost are weighed first, and a search through an outer one steps over what they
    hold: each element of the tree is read by one search at most, and each search stops at the
    first text it meets.
    """
    known: dict[HtmlElement, bool] = {}
    for element in reversed(elements):
        known[element] = _not_blank(element, known)
    return [element for element in elements if known[element]]


def _not_blank(element: HtmlElement, known: dict[HtmlElement, bool]) -> bool:
    """Whether an element's text (its own tail left out) holds more than whitespace."""
    text = element.text
    if text and not text.isspace():
        return True
    pending = list(element)
    while pending:
        node = pending.pop()
        tail = node.tail
        if tail and not tail.isspace():
            return True
        if not isinstance(node.tag, str):
            continue  # a comment or processing instruction: only its tail is text
        found = known.get(node)
        if found is not None:
            if found:
                return True
            continue
        text = node.text
        if text and not text.isspace():
            return True
        pending.extend(node)
    return False


def _prefer_marked(marked: HtmlElement, best: HtmlElement) -> bool:
    """Whether the page's one ``<article>``/``<main>`` is the body rather than ``best``.

    It is when ``best`` is the whole page, or a block elsewhere with less text: the article's
    paragraphs may be too short to score.
    """
    if best is marked:
        return False
    if best.tag in {"body", "html"}:
        return True
    nested = best in marked.iterancestors() or marked in best.iterancestors()
    return not nested and len(text_of(marked)) > len(text_of(best))


def _widen(best: HtmlElement, mass: Counter[HtmlElement], texts: Texts) -> HtmlElement:
    """An ancestor of ``best`` holding at least twice its paragraph text, with few links.

    A body split into many small blocks (a live blog's entries, paragraphs in separate
    wrappers) scores low in each block; the block that holds them all is the body. The
    widening stops below the block that holds the ``<h1>``: that one holds the header too.
    """
    own = mass[best]
    parent = best.getparent()
    for _ in range(4):
        if (
            parent is None
            or parent.tag in {"body", "html"}
            or is_boilerplate(parent)
            or next(parent.iter("h1"), None) is not None  # the header: headline, byline, lede
        ):
            break
        if mass[parent] >= 2 * own and texts.link_density(parent) < _WIDE_LINKS:
            best, own = parent, mass[parent]
        parent = parent.getparent()
    return best


_WIDE_LINKS = 0.25
# how far up paragraph text is counted: the best block is at most 3 levels above a paragraph,
# and the body is widened at most 4 levels above that
_MASS_LEVELS = 8


def sibling_run(main: HtmlElement, texts: Texts) -> tuple[HtmlElement, list[HtmlElement]] | None:
    """The body split into sibling blocks of one kind around ads and figures, or ``None``.

    Some pages cut the article into blocks of the same tag and class name, one after another
    (with an ad slot or a picture between them); the main content is the block with the most
    text, and the others hold the rest of the article. Looking up from ``main`` (a few levels,
    never to the page's ``<body>``), the first ancestor (or ``main`` itself) with siblings of
    its kind that hold text with few links gives the run: their parent is read, without its
    children before the first block of the run and after the last (the header with the
    headline, the footer). Returns that parent and what to read whatever its class names say:
    the blocks of the run, and in them the elements of the kinds that lead from the run's block
    down to ``main`` (its wrappers, named "sidebar-grid__content" as often as "article").
    """
    element = main
    for _ in range(_RUN_LEVELS):
        parent = element.getparent()
        if parent is None or parent.tag in {"body", "html"}:
            return None
        kind = (element.tag, element.get("class"))
        if kind[1] is not None and _LAYOUT.isdisjoint(kind[1].lower().split()):
            run = [
                child
                for child in parent
                if (child.tag, child.get("class")) == kind
                and (child is element or (_holds_text(child, texts) and not named_aside(child)))
            ]
            if len(run) > 1:
                return parent, _wrappers(run, main, element)
        element = parent
    return None


_RUN_LEVELS = 6


def _wrappers(run: list[HtmlElement], main: HtmlElement, block: HtmlElement) -> list[HtmlElement]:
    """The blocks of a run, and the elements in them of the kinds on the way down to ``main``."""
    kinds = {(e.tag, e.get("class")) for e in (main, *main.iterancestors()) if e is not block}
    kinds = {kind for kind in kinds if kind[1] is not None}
    found = list(run)
    for element in run:
        found.extend(e for e in element.iterdescendants() if (e.tag, e.get("class")) in kinds)
    return found


#: A block of a run holds at least this many paragraphs of this many characters.
_RUN_PARAGRAPHS = 2
_RUN_PARAGRAPH = 80


#: Class names of a page's layout: columns side by side (the article beside a rail of teasers)
#: are no article cut in blocks.
_LAYOUT = frozenset({"col", "column", "columns", "grid", "row", "rail", "layout"})


def _holds_text(element: HtmlElement, texts: Texts) -> bool:
    """Whether a block holds paragraphs of running text, few of it in links."""
    total, linked = texts.lengths(element)
    if linked >= _WIDE_LINKS * total:
        return False
    paragraphs = 0
    for p in element.iter("p"):
        if texts.lengths(p)[0] >= _RUN_PARAGRAPH:
            paragraphs += 1
            if paragraphs >= _RUN_PARAGRAPHS:
                return True
    return False
