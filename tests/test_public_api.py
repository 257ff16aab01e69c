from __future__ import annotations

import importlib
import inspect
from importlib.metadata import version

import pytest

import newsmodel

PUBLIC = {
    "Article",
    "Attribution",
    "Block",
    "Emphasis",
    "Figure",
    "Inline",
    "ItemList",
    "LineBreak",
    "Link",
    "LossyConversionWarning",
    "NewsmodelError",
    "NewsmodelWarning",
    "ParseError",
    "Paragraph",
    "Quote",
    "Role",
    "Section",
    "Strong",
    "Subject",
    "ValidationError",
    "WriteError",
    "__version__",
    "DateStyle",
    "ParsedDate",
    "Precision",
    "YearMonth",
    "format_date",
    "format_relative",
    "parse_date",
    "format_attribution",
    "parse_attribution",
    "split_attribution",
    "Scheme",
    "slugify",
    "transliterate",
    "unique_slug",
}


def test_all_is_exactly_the_public_surface() -> None:
    assert set(newsmodel.__all__) == PUBLIC
    assert newsmodel.__all__ == sorted(newsmodel.__all__)
    for name in newsmodel.__all__:
        assert hasattr(newsmodel, name), name


def test_no_undeclared_public_names_at_the_top_level() -> None:
    modules = {"errors", "json", "slug"} | {"dates", "html", "newsml", "ninjs", "text", "cli"}
    undeclared = {
        name
        for name in vars(newsmodel)
        if not name.startswith("_") and name not in newsmodel.__all__ and name not in modules
    }
    assert undeclared == set()


def test_version_is_the_installed_metadata() -> None:
    assert newsmodel.__version__ == version("newsmodel")


@pytest.mark.parametrize(
    "module",
    [
        "newsmodel.errors",
        "newsmodel.json",
        "newsmodel.slug",
        "newsmodel.dates",
        "newsmodel.html",
        "newsmodel.newsml",
        "newsmodel.ninjs",
        "newsmodel.text",
        "newsmodel.cli",
    ],
)
def test_module_all_is_sorted_and_resolves(module: str) -> None:
    mod = importlib.import_module(module)
    assert mod.__all__ == sorted(mod.__all__)
    for name in mod.__all__:
        assert hasattr(mod, name), name


@pytest.mark.parametrize("name", ["html", "json", "newsml", "ninjs", "text"])
def test_format_modules_share_one_shape(name: str) -> None:
    # loads(data, /, *, ...), load(fp, /, *, ...), dumps(article, /, *, ...),
    # dump(article, fp, /, *, ...): data positional-only, options keyword-only.
    module = importlib.import_module(f"newsmodel.{name}")
    expected = {"loads": ["data"], "load": ["fp"], "dumps": ["article"], "dump": ["article", "fp"]}
    for function, positional in expected.items():
        params = list(inspect.signature(getattr(module, function)).parameters.values())
        head = params[: len(positional)]
        assert [p.name for p in head] == positional, (name, function)
        assert all(p.kind is p.POSITIONAL_ONLY for p in head), (name, function)
        assert all(p.kind is p.KEYWORD_ONLY for p in params[len(positional) :]), (name, function)
