from __future__ import annotations

import importlib
from importlib.metadata import version

import pytest

import newsmodel

PUBLIC = {
    "Article", "Attribution", "Block", "Emphasis", "Figure", "Inline", "ItemList", "LineBreak",
    "Link", "LossyConversionWarning", "NewsmodelError", "NewsmodelWarning", "ParseError",
    "Paragraph", "Quote", "Role", "Section", "Strong", "Subject", "ValidationError",
    "WriteError", "__version__",
    "DateStyle", "ParsedDate", "Precision", "YearMonth", "format_date", "format_relative",
    "parse_date", "format_attribution", "parse_attribution", "split_attribution", "Scheme",
    "slugify", "transliterate", "unique_slug",
}


def test_all_is_exactly_the_public_surface() -> None:
    assert set(newsmodel.__all__) == PUBLIC
    assert newsmodel.__all__ == sorted(newsmodel.__all__)
    for name in newsmodel.__all__:
        assert hasattr(newsmodel, name), name


def test_no_undeclared_public_names_at_the_top_level() -> None:
    modules = {"errors", "json", "slug"} | {"dates", "html", "newsml", "text", "cli"}
    undeclared = {
        name for name in vars(newsmodel)
        if not name.startswith("_") and name not in newsmodel.__all__ and name not in modules
    }
    assert undeclared == set()


def test_version_is_the_installed_metadata() -> None:
    assert newsmodel.__version__ == version("newsmodel")


@pytest.mark.parametrize(
    "module", ["newsmodel.errors", "newsmodel.json", "newsmodel.slug", "newsmodel.dates"]
)
def test_module_all_is_sorted_and_resolves(module: str) -> None:
    mod = importlib.import_module(module)
    assert mod.__all__ == sorted(mod.__all__)
    for name in mod.__all__:
        assert hasattr(mod, name), name


def test_format_modules_share_one_shape() -> None:
    from newsmodel import json  # noqa: PLC0415

    for name in ("dump", "dumps", "load", "loads"):
        assert callable(getattr(json, name))
