"""The documentation keeps the promises the code makes about it."""

from __future__ import annotations

import enum
import importlib
import inspect
import pkgutil
import re
import subprocess
import sys
import zlib
from pathlib import Path

import attrs
import pytest

import newsmodel
from conftest import once_per_run
from newsmodel import Link, ValidationError
from newsmodel._models import LINK_SCHEMES
from newsmodel.newsml import _ns, _writer

DOCS = Path(__file__).parent.parent / "docs"
BASE = "https://newsmodel.readthedocs.io/en/latest/"


def _build(out: Path) -> None:
    command = [sys.executable, "-m", "sphinx", "-n", "-W", "-q", "-b", "html", str(DOCS), str(out)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603
    assert done.returncode == 0, done.stderr


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The HTML documentation, built as CI builds it (nitpicky, warnings as errors), once a run."""
    pytest.importorskip("sphinx", reason="the docs extra is not installed")
    return once_per_run(tmp_path_factory, "html", _build)


def _inventory(built: Path) -> set[str]:
    """The names of the Python objects the documentation describes, from its objects.inv."""
    raw = (built / "objects.inv").read_bytes()
    body = zlib.decompress(raw.split(b"\n", 4)[4]).decode("utf-8")
    names = set()
    for line in body.splitlines():
        name, domain_role = line.split(" ", 2)[:2]
        if domain_role.startswith("py:"):
            names.add(name)
    return names


def _public_modules() -> list[str]:
    found = ["newsmodel"]
    for info in pkgutil.iter_modules(newsmodel.__path__, "newsmodel."):
        last = info.name.rsplit(".", 1)[-1]
        if not last.startswith("_") and last != "errors":  # errors: all at the top level
            found.append(info.name)
    return sorted(found)


def _members(cls: type) -> list[str]:
    """A public class's fields, and the methods and properties it defines itself."""
    if issubclass(cls, enum.Enum):
        return [member.name for member in cls]
    if attrs.has(cls):
        names = [a.name for a in attrs.fields(cls)]
    else:
        names = list(getattr(cls, "_fields", ()))
    if issubclass(cls, BaseException):
        return names
    for name, value in vars(cls).items():
        if name.startswith("_") or name in names:
            continue
        if inspect.isfunction(value) or isinstance(value, (property, classmethod, staticmethod)):
            names.append(name)
    return names


def _public_names() -> set[str]:
    """Every name a user may import, under the path the documentation gives it."""
    top = {n: getattr(newsmodel, n) for n in newsmodel.__all__ if n != "__version__"}
    expected = set()
    for module_name in _public_modules():
        module = importlib.import_module(module_name)
        for name in module.__all__:
            if name == "__version__":
                continue
            value = getattr(module, name)
            where = "newsmodel" if top.get(name) is value else module_name
            expected.add(f"{where}.{name}")
            if inspect.isclass(value):
                expected.update(f"{where}.{name}.{m}" for m in _members(value))
    return expected


def test_the_api_reference_lists_every_public_name(built: Path) -> None:
    missing = _public_names() - _inventory(built)
    assert not missing, sorted(missing)


def test_the_api_reference_doubles_no_name(built: Path) -> None:
    doubled = {n for n in _inventory(built) if re.search(r"(\bnewsmodel\.\w+\.)\1", n)}
    doubled |= {n for n in _inventory(built) if n.count("newsmodel.") > 1}
    assert not doubled, sorted(doubled)


def test_the_built_pages_have_the_scheme_anchors(built: Path) -> None:
    page = (built / "newsml-schemes.html").read_text("utf-8")
    for _, uri, _ in _ns.OWN_SCHEMES:
        assert f'id="{uri.partition("#")[2]}"' in page, uri


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


def test_the_security_page_names_the_link_schemes_the_model_accepts() -> None:
    page = " ".join((DOCS / "security.md").read_text("utf-8").split())
    found = re.search(r"the model accepts links of the schemes ([\w ,]+?), and relative", page)
    assert found is not None
    named = set(re.split(r", | and ", found[1]))
    assert named == set(LINK_SCHEMES)
    for scheme in ("tel", "javascript", "data"):
        with pytest.raises(ValidationError):
            Link(f"{scheme}:x", "text")
