"""What the ninjs reader and writer share: names, roles and schemes."""

from __future__ import annotations

import re

from newsmodel._models import Role
from newsmodel.newsml._ns import OWN_SCHEMES

__all__ = [
    "FORMAT",
    "RUBRIC_BASE",
    "SCHEMES",
    "SITE_ROLE",
    "VERSIONS",
    "is_qcode",
    "is_uri",
    "role_of",
    "scheme_uri",
]

FORMAT = "ninjs"

#: The versions :func:`newsmodel.ninjs.dumps` writes; the first is the default.
VERSIONS = ("3.1", "2.2")

#: The role of the infoSource that names the article's site.
SITE_ROLE = "site"

#: IPTC's schemes whose QCodes are written as URIs: alias → the URI a code is appended to.
SCHEMES: dict[str, str] = {
    "medtop": "http://cv.iptc.org/newscodes/mediatopic/",
    "subj": "http://cv.iptc.org/newscodes/subjectcode/",
    "genre": "http://cv.iptc.org/newscodes/genre/",
}

#: Rubrics are subjects under newsmodel's rubric scheme, as in NewsML-G2.
RUBRIC_BASE = next(uri for alias, uri, _ in OWN_SCHEMES if alias == "nmrubric")

_URI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+$")

_ROLES: dict[str, Role] = {
    **{role.value: role for role in Role},
    "writer": Role.AUTHOR,
    "creator": Role.AUTHOR,
    "byline": Role.AUTHOR,
    "reporter": Role.AUTHOR,
    "correspondent": Role.AUTHOR,
    "contributor": Role.AUTHOR,
    "photo": Role.PHOTOGRAPHER,
    "camera": Role.VIDEOGRAPHER,
    "video": Role.VIDEOGRAPHER,
    "originfo": Role.SOURCE,
    "agency": Role.SOURCE,
    "origcont": Role.ORIGINAL,
    "distributor": Role.PUBLISHER,
}
_ROLE_WORD = re.compile(r"[^/:#]*$")
_QCODE = re.compile(r"^[A-Za-z][A-Za-z0-9_.-]*:[A-Za-z0-9_.:-]+$")


def is_qcode(value: str) -> bool:
    """Whether a string is a QCode (``alias:code``).

    >>> is_qcode("medtop:11000000"), is_qcode("Politics")
    (True, False)
    """
    return _QCODE.match(value) is not None


def is_uri(value: str) -> bool:
    """Whether a string is an absolute URI (RFC 3986 characters, a scheme).

    >>> is_uri("urn:uuid:6f1d1c52-3c1e-5b7e-9a4e-6e6577736d6c"), is_uri("12345")
    (True, False)
    """
    return _URI.match(value) is not None


def role_of(value: str) -> Role | None:
    """The model's role for a ninjs role: a word, a QCode or a URI ending in one.

    >>> role_of("cpprole:author"), role_of("Writer"), role_of("anchor")
    (<Role.AUTHOR: 'author'>, <Role.AUTHOR: 'author'>, None)
    """
    match = _ROLE_WORD.search(value.strip())
    word = match.group(0).lower() if match else ""
    return _ROLES.get(word)


def scheme_uri(code: str) -> str | None:
    """The URI of a QCode in one of IPTC's schemes, or ``None``.

    >>> scheme_uri("medtop:11000000")
    'http://cv.iptc.org/newscodes/mediatopic/11000000'
    """
    alias, _, local = code.partition(":")
    base = SCHEMES.get(alias)
    return base + local if base is not None else None
