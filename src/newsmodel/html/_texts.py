"""The text of a page's elements, each measured once, for the rules that weigh candidates.

Rules that look for a byline, a lede or a printed date ask for an element's text only when it
is short (a byline of at most 80 characters, a lede of at most 1000): on a page of nested
candidates, computing the whole text of each would read the same characters once per level.
:meth:`Texts.short` reads an element's text only as far as it needs to know that the text is
too long, and remembers the answer; :meth:`Texts.link_density` sums each subtree's text and
link text once.
"""

from __future__ import annotations

import re
from itertools import islice

from lxml import etree
from lxml import html as lxml_html

from newsmodel._textrules import InvalidTextError, collapse, scrub
from newsmodel.html._names import class_tokens

__all__ = ["Texts", "commas_in", "solid_length", "squash", "text_of"]

HtmlElement = lxml_html.HtmlElement

# What collapsing may drop from a text: any whitespace (no-break spaces too, in a run or at an
# edge), the invisible characters and the controls it removes. What is left is a lower bound:
# at least as long as the collapsed text divided by 4 (no character decomposes into more
# than 4: NFC can shorten a text at most that much).
_DROPPED = re.compile(
    "\\s|[\u00ad\u200b\u2060\ufeff\u202a-\u202e\u2066-\u2069]"
    "|[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff]"
)
_NFC_SHRINK = 4
_CHUNK = 65_536
# The pieces of text read to tell that a text is short before it is measured whole.
_PIECES_READ = 64


def squash(text: str) -> str:
    """The model's one-line form of untrusted text: :func:`~newsmodel._textrules.collapse`.

    Page text is scrubbed when it is decoded, but a character reference (``&#1;``) can still
    bring a control character in: such text is scrubbed first.
    """
    try:
        return collapse(text)
    except InvalidTextError:
        return collapse(scrub(text))


def solid_length(element: HtmlElement) -> int:
    """The length of an element's text less its pieces that are whitespace alone."""
    return sum(len(piece) for piece in element.itertext() if not piece.isspace())


def text_of(element: HtmlElement) -> str:
    """The collapsed text of an element."""
    if len(element):
        return squash(element.text_content())
    return squash(element.text or "")  # the same text, without an XPath evaluation


def _kept(text: str, enough: int) -> int:
    """How many characters of ``text`` collapsing keeps, counted until over ``enough``."""
    if len(text) <= _CHUNK:
        return len(text) - len(_DROPPED.findall(text))
    kept = 0
    for start in range(0, len(text), _CHUNK):
        chunk = text[start : start + _CHUNK]
        kept += len(chunk) - len(_DROPPED.findall(chunk))
        if kept > enough:
            break
    return kept


# The words of a text: characters in words, number of words, whether the text starts and ends
# with a word character (None when it is empty), and its commas. Two texts joined are summed
# exactly: a word that ends one and a word that starts the other become one word.
_Words = tuple[int, int, "bool | None", "bool | None", int]
_EMPTY: _Words = (0, 0, None, None, 0)


def commas_in(text: str) -> int:
    """The commas of a text: ASCII, full-width and ideographic (Chinese and Japanese) ones."""
    return text.count(",") + text.count("\uff0c") + text.count("\u3001")


def _words_of(text: str | None) -> _Words:
    if not text:
        return _EMPTY
    words = text.split()
    commas = commas_in(text)
    return (sum(map(len, words)), len(words), not text[0].isspace(), not text[-1].isspace(), commas)


def _join(a: _Words, b: _Words) -> _Words:
    if b[2] is None:
        return a
    if a[2] is None:
        return b
    merged = 1 if a[3] and b[2] else 0
    return (a[0] + b[0], a[1] + b[1] - merged, a[2], b[3], a[4] + b[4])


def _ancestry(element: HtmlElement) -> list[HtmlElement]:
    """The element and its ancestors, the document element first."""
    chain = [element]
    chain.extend(element.iterancestors())
    chain.reverse()
    return chain


def _precedes(a: HtmlElement, b: HtmlElement) -> bool:
    """Whether ``a`` starts before ``b`` in document order."""
    if a is b:
        return False
    chain_a, chain_b = _ancestry(a), _ancestry(b)
    depth = 0
    while depth < min(len(chain_a), len(chain_b)) and chain_a[depth] is chain_b[depth]:
        depth += 1
    if depth == 0:
        return False  # not in one tree: never met, as every element comes from the root's
    if depth == len(chain_a):
        return True  # a holds b
    if depth == len(chain_b):
        return False  # b holds a
    parent = chain_a[depth - 1]
    return bool(parent.index(chain_a[depth]) < parent.index(chain_b[depth]))


def _first_not_before(found: list[HtmlElement], element: HtmlElement, low: int = 0) -> int:
    """The index of the first of ``found`` (in document order) that does not precede ``element``."""
    high = len(found)
    while low < high:
        middle = (low + high) // 2
        if _precedes(found[middle], element):
            low = middle + 1
        else:
            high = middle
    return low


def _sum_children(
    node: HtmlElement, measured: dict[HtmlElement, tuple[int, int]]
) -> tuple[int, int]:
    """The text and link text lengths of ``node``, its children with children measured."""
    text = node.text
    total = len(text) if text and not text.isspace() else 0
    linked = 0
    for child in node:
        if len(child):
            child_total, child_linked = measured[child]
            total += child_total
            linked += child_linked
        elif isinstance(child.tag, str):
            text = child.text
            if text and not text.isspace():
                total += len(text)
                if child.tag == "a":
                    linked += len(text)
        tail = child.tail
        if tail and not tail.isspace():
            total += len(tail)
    if node.tag == "a":
        linked += total
    return total, linked


class Texts:
    """Measures of the text of one tree's elements, each computed at most once.

    The tree must not change while the measures are in use: make a new one after a change.
    """

    def __init__(self, root: HtmlElement) -> None:
        """Measure the elements of ``root``'s tree, as they are asked for."""
        self.root = root
        self._classed: list[HtmlElement] | None = None
        self._itemprops: list[HtmlElement] = []
        self._order: dict[HtmlElement, int] = {}  # the index of each of them in _classed
        # the collapsed text of an element, or a lower bound of its length when it is long
        self._texts: dict[HtmlElement, str | int] = {}
        self._lengths: dict[HtmlElement, tuple[int, int]] = {}
        self._bounded: dict[HtmlElement, int] = {}  # a lower bound of an element's length
        self._words: dict[HtmlElement, _Words] = {}
        self._tokens: dict[HtmlElement, frozenset[str]] = {}

    def tokens(self, element: HtmlElement) -> frozenset[str]:
        """:func:`~newsmodel.html._names.class_tokens` of an element, each read once."""
        found = self._tokens.get(element)
        if found is None:
            found = self._tokens[element] = class_tokens(element)
        return found

    def classed(self, scope: HtmlElement) -> list[HtmlElement]:
        """The elements under ``scope`` (itself included) that have a class or an id.

        The page is searched once; each scope's elements are then a slice of what it found,
        found by bisection in document order.
        """
        if self._classed is None:
            self._index()
        assert self._classed is not None  # noqa: S101 - for the type checker
        return self._within(self._classed, scope, self._order)

    def itemprops(self, scope: HtmlElement) -> list[HtmlElement]:
        """The elements under ``scope`` (itself included) that have an ``itemprop``."""
        if self._classed is None:
            self._index()
        return self._within(self._itemprops, scope)

    def _index(self) -> None:
        """Find the elements with a class or an id, and those with an ``itemprop``, at once.

        One walk of the tree reading attributes is faster than XPath predicates over it; the
        names of an element's attributes are read at once (most elements have one or none).
        """
        classed: list[HtmlElement] = []
        itemprops = self._itemprops
        for element in self.root.iter(etree.Element):
            names = element.keys()
            if names:
                if "class" in names or "id" in names:
                    classed.append(element)
                if "itemprop" in names:
                    itemprops.append(element)
        self._classed = classed
        self._order = {element: index for index, element in enumerate(classed)}

    def _within(
        self,
        found: list[HtmlElement],
        scope: HtmlElement,
        order: dict[HtmlElement, int] | None = None,
    ) -> list[HtmlElement]:
        """The slice of ``found`` (elements in document order) that lies under ``scope``.

        ``order`` gives the index in ``found`` of each of its elements: a scope among them is
        found without a search.
        """
        # the subtree ends where the first element after it in document order starts
        after: HtmlElement | None = None
        node: HtmlElement | None = scope
        while node is not None and node is not self.root and after is None:
            after = node.getnext()  # (the root's own siblings stand outside its tree)
            node = node.getparent()
        order = order or {}
        start = order.get(scope)
        if start is None:
            start = _first_not_before(found, scope)
        if after is None:
            return found[start:]
        end = order.get(after)
        if end is None:
            end = _first_not_before(found, after, start)
        return found[start:end]

    def short(self, element: HtmlElement, longest: int) -> str | None:
        """The element's collapsed text when it has at most ``longest`` characters, else ``None``.

        The text returned is :func:`text_of` of the element; a long
        text is read only until it is known to be too long.
        """
        known = self._texts.get(element)
        if isinstance(known, str):
            return known if len(known) <= longest else None
        enough = _NFC_SHRINK * longest + 1  # more kept characters: surely over ``longest``
        if known is not None and known >= enough:
            return None
        pieces: list[str] = []
        kept = 0
        for piece in element.itertext():
            kept += _kept(piece, enough - kept)
            if kept >= enough:
                self._texts[element] = max(kept, known or 0)
                return None
            pieces.append(piece)
        text = squash("".join(pieces))
        self._texts[element] = text
        return text if len(text) <= longest else None

    def lengths(self, element: HtmlElement) -> tuple[int, int]:
        """The length of the element's text and of the text of its links (``<a>``, at any depth).

        Neither counts a piece of text that is whitespace alone (the indentation between
        tags), as :func:`solid_length` does; each subtree is summed once.
        """
        found = self._lengths.get(element)
        if found is not None:
            return found
        # post-order without recursion: a subtree already measured is not entered again, and
        # an element without children (a line break among thousands) is measured in place
        stack: list[tuple[HtmlElement, bool]] = [(element, False)]
        measured = self._lengths
        while stack:
            node, ready = stack.pop()
            if node in measured:
                continue
            if not ready:
                stack.append((node, True))
                stack.extend(
                    (child, False) for child in node if len(child) and child not in measured
                )
                continue
            total, linked = _sum_children(node, measured)
            measured[node] = (total, linked)
        return self._lengths[element]

    def solid_within(self, element: HtmlElement, longest: int) -> int:
        """The element's text length (as :meth:`lengths` gives it) when at most ``longest``.

        When the text is longer, a number over ``longest``. A box that must be short to count
        (a sign-up box) is told apart from the page around it by reading a few pieces of its
        text, not all of them; past ``_PIECES_READ`` pieces, the text is measured whole, once.
        """
        known = self._lengths.get(element)
        if known is not None:
            return known[0]
        total = self._bounded.get(element)
        if total is not None and total > longest:
            return total
        total = 0
        pieces = element.itertext()
        for piece in islice(pieces, _PIECES_READ):
            if not piece.isspace():
                total += len(piece)
                if total > longest:
                    self._bounded[element] = total
                    return total
        if next(pieces, None) is None:
            return total  # all of it read
        return self.lengths(element)[0]

    def spaced(self, element: HtmlElement, nested: tuple[str, ...] = ()) -> tuple[int, int]:
        """The length of ``" ".join(element.text_content().split())`` and its commas.

        Commas are counted by :func:`commas_in`. Each subtree is summed once; a child that holds
        none of the ``nested`` tags (the elements whose text is asked for too) is summed from
        its whole text at once.
        """
        found = self._words.get(element)
        if found is None:
            stack: list[tuple[HtmlElement, bool]] = [(element, False)]
            while stack:
                node, ready = stack.pop()
                if node in self._words:
                    continue
                if not ready:
                    stack.append((node, True))
                    stack.extend(
                        (child, False)
                        for child in node
                        if isinstance(child.tag, str)
                        and child not in self._words
                        and not self._whole(child, nested)
                    )
                    continue
                summed = _words_of(node.text)
                for child in node:
                    if isinstance(child.tag, str):
                        summed = _join(summed, self._words[child])
                    summed = _join(summed, _words_of(child.tail))
                self._words[node] = summed
            found = self._words[element]
        chars, words, _, _, commas = found
        return (chars + words - 1 if words else 0), commas

    def _whole(self, element: HtmlElement, nested: tuple[str, ...]) -> bool:
        """Sum an element that holds none of the ``nested`` tags from its whole text, in C."""
        if not nested or element.tag in nested or next(element.iter(*nested), None) is not None:
            return False
        self._words[element] = _words_of(element.text_content())
        return True

    def link_density(self, element: HtmlElement) -> float:
        """How much of an element's text is link text, from 0 to 1.

        Measured by :func:`solid_length`: the indentation between tags is no text, and a box
        of links laid out on many lines is as much links as one written on one line.
        """
        total, linked = self.lengths(element)
        if not total:
            return 0.0
        return min(1.0, linked / total)
