"""The model layer never imports lxml or a format module (formats depend on models only)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import newsmodel

SRC = Path(newsmodel.__file__).parent
MODEL_LAYER = [
    "__init__.py",
    "_models.py",
    "_content.py",
    "_media.py",
    "_init.py",
    "_metadata.py",
    "_values.py",
    "_textrules.py",
    "errors.py",
    "slug.py",
    "dates.py",
    "_dateparse.py",
    "_datetypes.py",
    "_zones.py",
    "_attribution.py",
]
FORMATS = {
    "html",
    "newsml",
    "nitf",
    "json",
    "text",
    "feed",
    "cli",
    "batch",
    "_files",
    "_blocks",
    "_xmlsafe",
}
# Markup code shared by the HTML and NewsML-G2 readers: it reads lxml elements too, and builds
# the parsers of untrusted markup.
SHARED_BY_FORMATS = {("_blocks.py",), ("_xmlsafe.py",)}


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            if node.module == "newsmodel":
                names.update(f"newsmodel.{alias.name}" for alias in node.names)
    return names


@pytest.mark.parametrize("name", MODEL_LAYER)
def test_model_layer_imports_no_format(name: str) -> None:
    path = SRC / name
    assert path.exists(), f"{name} is listed as part of the model layer but does not exist"
    for module in imported_modules(path):
        top = module.split(".")
        assert top[0] != "lxml", f"{name} imports {module}"
        if top[0] == "newsmodel" and len(top) > 1:
            assert top[1] not in FORMATS, f"{name} imports the format {module}"


def test_only_format_packages_import_lxml() -> None:
    for path in SRC.rglob("*.py"):
        rel = path.relative_to(SRC).parts
        if any(m.split(".")[0] == "lxml" for m in imported_modules(path)):
            assert rel[0] in {"html", "newsml", "nitf", "feed"} or rel in SHARED_BY_FORMATS, (
                f"{path} imports lxml"
            )


def test_every_lxml_parser_is_built_by_the_untrusted_input_factory() -> None:
    # A parser built anywhere else could miss the resolver that refuses every resource.
    makers = {
        "XMLParser",
        "HTMLParser",
        "XMLPullParser",
        "HTMLPullParser",
        "iterparse",
        "ETCompatXMLParser",
    }
    allowed = {("_xmlsafe.py",), ("newsml", "_schema.py")}  # the schema parser reads package files
    for path in SRC.rglob("*.py"):
        rel = path.relative_to(SRC).parts
        tree = ast.parse(path.read_text("utf-8"))
        calls = {
            node.func.attr
            for node in ast.walk(tree)
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
        }
        assert rel in allowed or not (calls & makers), f"{path} builds an lxml parser"
