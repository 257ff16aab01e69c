"""Namespaces, QCode schemes and the catalog of newsmodel's own schemes."""

from __future__ import annotations

from newsmodel._models import Role

__all__ = [
    "IPTC_ALIASES",
    "IPTC_CATALOG",
    "NAR",
    "NITF",
    "NM",
    "OWN_SCHEMES",
    "ROLE_TO_QCODE",
    "XHTML",
    "XML",
    "alias_of",
]

#: The NewsML-G2 namespace (all item types, messages and catalogs).
NAR = "http://iptc.org/std/nar/2006-10-01/"
#: XHTML, for bodies in ``inlineXML``.
XHTML = "http://www.w3.org/1999/xhtml"
#: NITF 3.x, for bodies in ``inlineXML``.
NITF = "http://iptc.org/std/NITF/2006-10-18/"
#: The ``xml:`` namespace (``xml:lang``).
XML = "http://www.w3.org/XML/1998/namespace"
#: newsmodel's extension namespace: attributes and elements the standard has no place for.
#: The schema lets foreign-namespace attributes and elements into most places
#: (``processContents="lax"``), so items that use it stay valid.
NM = "urn:newsmodel:newsml:1"

#: IPTC's catalog of standard schemes, referenced with ``catalogRef``. Never fetched.
IPTC_CATALOG = "http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_41.xml"

#: Aliases declared by the IPTC catalog that newsmodel writes or passes through.
IPTC_ALIASES = frozenset(
    {
        "cpnat",  # concept nature
        "cpprole",  # content production party role
        "drol",  # description role
        "genre",  # genre
        "hlrole",  # headline role
        "irel",  # item relation
        "medtop",  # media topics
        "ninat",  # nature of news item
        "nprov",  # news providers
        "sig",  # signals
        "stat",  # publishing status
        "subj",  # subject codes (retired, still sent)
        "urgency",  # urgency
    }
)

_BASE = "https://newsmodel.readthedocs.io/en/latest/newsml-schemes.html"

#: newsmodel's own schemes, declared in an inline ``catalog`` of every item it writes:
#: alias, URI, name.
OWN_SCHEMES: tuple[tuple[str, str, str], ...] = (
    ("nmprov", f"{_BASE}#provider/", "newsmodel providers"),
    ("nmrel", f"{_BASE}#relation/", "newsmodel link relations"),
    ("nmrole", f"{_BASE}#role/", "newsmodel party roles"),
    ("nmrubric", f"{_BASE}#rubric/", "newsmodel rubrics"),
)

#: The element and QCode role each attribution role is written with.
ROLE_TO_QCODE: dict[Role, tuple[str, str]] = {
    Role.AUTHOR: ("creator", "cpprole:author"),
    Role.EDITOR: ("contributor", "cpprole:editor"),
    Role.TRANSLATOR: ("contributor", "nmrole:translator"),
    Role.PHOTOGRAPHER: ("contributor", "nmrole:photographer"),
    Role.VIDEOGRAPHER: ("contributor", "nmrole:videographer"),
    Role.SOURCE: ("infoSource", "cpprole:originfo"),
    Role.ORIGINAL: ("infoSource", "cpprole:origcont"),
    Role.PUBLISHER: ("infoSource", "nmrole:publisher"),
}


def alias_of(qcode: str) -> str:
    """The scheme alias of a QCode (the part before the first colon).

    >>> alias_of("medtop:04000000")
    'medtop'
    """
    return qcode.partition(":")[0]
