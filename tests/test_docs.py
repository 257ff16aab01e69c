"""The documentation keeps the promises the code makes about it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from newsmodel.newsml import _ns, _writer

DOCS = Path(__file__).parent.parent / "docs"
BASE = "https://newsmodel.readthedocs.io/en/latest/"


def _ids(page: str) -> set[str]:
    """The anchors a page of the documentation builds: its raw HTML ids."""
    return set(re.findall(r'<div id="([^"]+)"></div>', (DOCS / page).read_text("utf-8")))


@pytest.mark.parametrize(("alias", "uri"), [(a, u) for a, u, _ in _ns.OWN_SCHEMES])
def test_every_scheme_uri_names_a_page_and_an_anchor_the_docs_build(alias: str, uri: str) -> None:
    assert uri.startswith(BASE), alias
    page, _, fragment = uri.removeprefix(BASE).partition("#")
    assert page.endswith(".html"), uri
    assert fragment in _ids(page.removesuffix(".html") + ".md"), uri


def _own_qcodes() -> set[str]:
    """Every QCode of newsmodel's own schemes that the writer writes with a fixed code."""
    sources = (Path(_ns.__file__).read_text("utf-8"), Path(_writer.__file__).read_text("utf-8"))
    aliases = "|".join(a for a, _, _ in _ns.OWN_SCHEMES)
    return {m for text in sources for m in re.findall(rf'"((?:{aliases}):[a-z][\w-]*)"', text)}


def test_the_writers_fixed_codes_are_found() -> None:
    assert {"nmrel:canonical", "nmrole:translator", "nmrole:publisher"} <= _own_qcodes()


@pytest.mark.parametrize("qcode", sorted(_own_qcodes()))
def test_every_fixed_code_has_its_anchor(qcode: str) -> None:
    alias, _, code = qcode.partition(":")
    uri = next(u for a, u, _ in _ns.OWN_SCHEMES if a == alias)
    page, _, fragment = uri.removeprefix(BASE).partition("#")
    assert fragment + code in _ids(page.removesuffix(".html") + ".md"), qcode
