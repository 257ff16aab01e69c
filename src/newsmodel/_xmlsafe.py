"""The parsers newsmodel reads untrusted markup with: none of them can open any resource.

Every lxml parser built for a document newsmodel is given (NewsML-G2 whole or streamed, HTML)
comes from here, so the rule is written once: no network (``no_network``), no DTD loaded
(``load_dtd=False``), no entity expanded (``resolve_entities=False``), no XInclude (newsmodel
never runs it), and a resolver registered on the parser that refuses every external resource a
document names. libxml2 asks the resolver for an external DTD subset, a parameter entity or an
external entity, and for an external subset even while DTD loading is off: ``collect_ids=False``
(which the XML readers need, to read items with a repeated ``xml:id``) makes it try. The
resolver answers with a :class:`~newsmodel.ParseError`, so nothing is ever opened, whatever the
document says and whatever encoding it is in.

A DOCTYPE is refused by the readers, and :func:`has_doctype` tells whether there is one as
libxml2 itself decodes the document (UTF-8, UTF-16 and UTF-32 with or without a byte order mark,
a declared encoding), not as a scan of the bytes would guess.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

from lxml import etree
from lxml import html as lxml_html

from newsmodel.errors import ParseError

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = [
    "DoctypeProbe",
    "RefuseAll",
    "has_doctype",
    "html_parser",
    "root_name",
    "xml_parser",
    "xml_pull_parser",
]

#: The options every XML parser of untrusted input is built with.
_UNTRUSTED_XML: dict[str, Any] = {
    "no_network": True,
    "load_dtd": False,
    "dtd_validation": False,
    "attribute_defaults": False,
    "resolve_entities": False,
}


class RefuseAll(etree.Resolver):
    """Refuses every external resource a document names: nothing is fetched or opened.

    Returning nothing would let libxml2 load the resource itself; raising stops the parse, and
    lxml raises the error from the parse call.
    """

    def __init__(self, fmt: str) -> None:
        """Refuse on behalf of the reader of format ``fmt``."""
        super().__init__()
        self.fmt = fmt

    def resolve(self, system_url: str | None, public_id: str | None, context: object) -> None:
        """Refuse the resource: raise :class:`~newsmodel.ParseError`."""
        del context
        shown = (system_url or public_id or "")[:80]
        msg = f"the document refers to an external resource ({shown!r}); none is ever loaded"
        raise ParseError(self.fmt, msg)


def _guard(parser: etree.XMLParser | etree.XMLPullParser | lxml_html.HTMLParser, fmt: str) -> None:
    parser.resolvers.add(RefuseAll(fmt))


def xml_parser(fmt: str, *, huge: bool = False, **options: Any) -> etree.XMLParser:  # noqa: ANN401
    """An XML parser of untrusted input; ``huge`` lifts libxml2's 10 MB limit on a text node.

    ``options`` are further :class:`lxml.etree.XMLParser` options (comments, IDs, a target);
    the ones that could reach a resource are always off.
    """
    parser: etree.XMLParser = etree.XMLParser(huge_tree=huge, **{**options, **_UNTRUSTED_XML})
    _guard(parser, fmt)
    return parser


def xml_pull_parser(
    fmt: str,
    *,
    events: Iterable[Literal["start", "end"]],
    huge: bool = False,
    **options: Any,  # noqa: ANN401 - lxml's parser options
) -> etree.XMLPullParser:
    """A streaming XML parser of untrusted input, fed with ``feed`` (see :func:`xml_parser`)."""
    parser = etree.XMLPullParser(events=events, huge_tree=huge, **{**options, **_UNTRUSTED_XML})
    _guard(parser, fmt)
    return parser


def html_parser(fmt: str = "html", **options: Any) -> lxml_html.HTMLParser:  # noqa: ANN401
    """An HTML parser of untrusted input; ``options`` as for :class:`lxml.html.HTMLParser`."""
    parser = lxml_html.HTMLParser(**{**options, "no_network": True})
    _guard(parser, fmt)
    return parser


# --- the DOCTYPE, as libxml2 reads it ---------------------------------------------------------


class _Doctype(Exception):  # noqa: N818 - a signal, not an error
    pass


class _Root(Exception):  # noqa: N818
    pass


class _Prolog:
    """A parser target that stops at the DOCTYPE or the root element, whichever comes first."""

    def doctype(self, name: object, public_id: object, system_url: object) -> None:
        del name, public_id, system_url
        raise _Doctype

    def start(self, tag: object, attrib: object, nsmap: object = None) -> None:
        del tag, attrib, nsmap
        raise _Root

    def end(self, tag: object) -> None:
        pass

    def data(self, data: object) -> None:
        pass

    def close(self) -> None:
        pass


_ROOT_CHUNK = 4096


def root_name(data: bytes, fmt: str) -> str | None:
    """The tag of the root element of ``data`` (Clark notation), read up to its start tag.

    libxml2 reads the prolog as for a whole document, DOCTYPE and internal subset included,
    and loads nothing; the document is fed in pieces until the root starts, so a large one is
    not parsed twice. ``None`` when the prolog is not well-formed.

    >>> root_name(b'<!DOCTYPE NewsML SYSTEM "NewsML_1.2.dtd"><NewsML/>', "newsml")
    'NewsML'
    """
    parser = xml_pull_parser(fmt, events=("start",), huge=True)
    try:
        for at in range(0, len(data), _ROOT_CHUNK):
            parser.feed(data[at : at + _ROOT_CHUNK])
            for _event, el in parser.read_events():
                return str(el.tag)
    except (etree.LxmlError, ParseError):
        return None
    return None


class DoctypeProbe:
    """Reads the prolog of a document fed in pieces, and says whether it holds a DOCTYPE.

    :attr:`found` is ``True`` or ``False`` once libxml2 has read the DOCTYPE or the root
    element's start tag, ``None`` before (or when the prolog is not well-formed).
    """

    def __init__(self, fmt: str) -> None:
        """Prepare to read the prolog of a document of format ``fmt``."""
        self.found: bool | None = None
        self._parser: etree.XMLParser | None = xml_parser(fmt, huge=True, target=_Prolog())

    def feed(self, data: bytes) -> bool | None:
        """Read more of the document; the answer so far (see :attr:`found`)."""
        if self.found is not None or self._parser is None:
            return self.found
        try:
            self._parser.feed(data)
        except _Doctype:
            self.found = True
        except _Root:
            self.found = False
        except (etree.LxmlError, ParseError):
            self._parser = None  # not well-formed before the root: read no further
        return self.found


def has_doctype(data: bytes, fmt: str) -> bool:
    """Whether libxml2 reads a DOCTYPE before the root element of ``data``.

    libxml2 decides the encoding (byte order mark, the XML declaration, the first bytes) as it
    does for a whole document, and reads the prolog; it stops at the DOCTYPE or the root start
    tag. Nothing is loaded. (:class:`DoctypeProbe` does the same for a document fed in pieces.)

    >>> has_doctype('<!DOCTYPE a SYSTEM "/dev/zero"><a/>'.encode("utf-16"), "newsml")
    True
    >>> has_doctype(b"<?xml version='1.0'?><!-- <!DOCTYPE a> --><a/>", "newsml")
    False
    """
    try:
        etree.fromstring(data, xml_parser(fmt, huge=True, target=_Prolog()))
    except _Doctype:
        return True
    except (_Root, etree.LxmlError, ParseError):
        return False
    return False
