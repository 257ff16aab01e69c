from __future__ import annotations

import importlib
import inspect
import io
from datetime import datetime, timezone
from importlib.metadata import version

import pytest

import newsmodel
from newsmodel import Article, Section
from newsmodel._limits import MAX_BYTES

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
    "Embed",
    "EmbedProvider",
    "Genre",
    "PubStatus",
    "Rights",
    "Table",
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
    modules = {"errors", "json", "slug"} | {
        "dates",
        "html",
        "newsml",
        "ninjs",
        "nitf",
        "text",
        "feed",
        "cli",
        "batch",
    }
    undeclared = {
        name
        for name in vars(newsmodel)
        if not name.startswith("_") and name not in newsmodel.__all__ and name not in modules
    }
    assert undeclared == set()


def test_version_is_the_installed_metadata() -> None:
    assert newsmodel.__version__ == version("pynewsmodel")


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
        "newsmodel.nitf",
        "newsmodel.text",
        "newsmodel.feed",
        "newsmodel.cli",
        "newsmodel.batch",
    ],
)
def test_module_all_is_sorted_and_resolves(module: str) -> None:
    mod = importlib.import_module(module)
    assert mod.__all__ == sorted(mod.__all__)
    for name in mod.__all__:
        assert hasattr(mod, name), name


@pytest.mark.parametrize("name", ["html", "json", "newsml", "ninjs", "nitf", "text"])
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


def test_batch_and_cli_surfaces() -> None:
    from newsmodel import batch, cli  # noqa: PLC0415

    assert batch.__all__ == [
        "FORMATS",
        "Input",
        "NEWSML_UNDATED",
        "Outcome",
        "PUBLISHING",
        "convert",
        "convert_files",
        "detect_format",
        "find_inputs",
        "read_files",
    ]
    assert cli.__all__ == ["main", "summary"]
    for name in ("convert", "convert_files", "read_files", "detect_format", "find_inputs"):
        params = list(inspect.signature(getattr(batch, name)).parameters.values())
        assert params[0].kind is params[0].POSITIONAL_ONLY, name
        assert all(p.kind is p.KEYWORD_ONLY for p in params[1:]), name


# --- one shape for every format ------------------------------------------------------------
#
# The rules are written once, on the documentation's "Formats" page; these tests hold every
# format module to them. A rule that a format does not follow yet is marked below, with a
# strict xfail: the day it holds, the mark must go.

FORMATS = ["html", "json", "newsml", "ninjs", "nitf", "text"]
READERS = {"loads", "load", "iter_articles"}
WRITERS = {"dumps", "dump"}
#: option -> format -> the functions that must take it.
SHARED: dict[str, dict[str, tuple[str, ...]]] = {
    "max_bytes": dict.fromkeys(FORMATS, ("loads", "load")),
    # Only readers of formats whose times may lack an offset take a zone: JSON refuses such a
    # time (its shape writes every offset) and the text shape has no times.
    "tz": {
        "html": ("loads", "load"),
        "newsml": ("loads", "load", "iter_articles"),
        "ninjs": ("loads", "load", "iter_articles"),
        "nitf": ("loads", "load"),
    },
    "max_depth": {
        "html": ("loads", "load"),
        "newsml": ("loads", "load", "iter_articles"),
        "nitf": ("loads", "load"),
    },
    "indent": {
        "json": ("dumps", "dump"),
        "newsml": ("dumps", "dump"),
        "ninjs": ("dumps", "dump"),
        "nitf": ("dumps", "dump"),
    },
}
PENDING: dict[tuple[str, str], str] = {}


def _default(fmt: str, option: str) -> object:
    module = importlib.import_module(f"newsmodel.{fmt}")
    return {
        "max_bytes": MAX_BYTES,
        "tz": timezone.utc,
        "indent": None,
        "max_depth": getattr(module, "DEFAULT_MAX_DEPTH", None),
    }[option]


def _cases() -> list[object]:
    cases: list[object] = []
    for option, formats in SHARED.items():
        for fmt, functions in formats.items():
            marks = []
            if (fmt, option) in PENDING:
                marks = [pytest.mark.xfail(reason=PENDING[fmt, option], strict=True)]
            cases.extend(
                pytest.param(fmt, f, option, marks=marks, id=f"{fmt}.{f}-{option}")
                for f in functions
            )
    return cases


@pytest.mark.parametrize(("fmt", "function", "option"), _cases())
def test_shared_options_have_one_name_and_one_default(fmt: str, function: str, option: str) -> None:
    module = importlib.import_module(f"newsmodel.{fmt}")
    params = inspect.signature(getattr(module, function)).parameters
    assert option in params, f"{fmt}.{function} has no {option}="
    assert params[option].kind is inspect.Parameter.KEYWORD_ONLY
    assert params[option].default == _default(fmt, option)


@pytest.mark.parametrize("name", FORMATS)
def test_every_size_limit_is_the_one_limit(name: str) -> None:
    module = importlib.import_module(f"newsmodel.{name}")
    assert module.DEFAULT_MAX_BYTES == MAX_BYTES == 16 * 1024 * 1024


@pytest.mark.parametrize("name", FORMATS)
def test_file_functions_take_the_options_of_their_string_twins(name: str) -> None:
    module = importlib.import_module(f"newsmodel.{name}")

    def options(function: str) -> dict[str, object]:
        params = inspect.signature(getattr(module, function)).parameters.values()
        return {p.name: p.default for p in params if p.kind is p.KEYWORD_ONLY}

    assert options("load") == options("loads")
    assert options("dump") == options("dumps")


#: Old names kept for a while with a DeprecationWarning.
DEPRECATED = {"newsml": {"pretty"}}


def test_no_format_calls_a_shared_option_by_another_name() -> None:
    others = {"pretty", "pretty_print", "timezone", "zone", "limit", "max_size", "depth"}
    for name in FORMATS:
        module = importlib.import_module(f"newsmodel.{name}")
        for function in sorted(READERS | WRITERS):
            if not hasattr(module, function):
                continue
            params = set(inspect.signature(getattr(module, function)).parameters)
            params -= DEPRECATED.get(name, set())
            assert not params & others, (name, function, params & others)


SAMPLE = Article(headline="Заголовок", lede="Анонс.", sections=[Section(blocks=["Абзац."])])
NOW = datetime(2026, 11, 25, tzinfo=timezone.utc)


def _dumps(name: str) -> str | bytes:
    module = importlib.import_module(f"newsmodel.{name}")
    extra = {"now": NOW} if name == "newsml" else {}
    result: str | bytes = module.dumps(SAMPLE, **extra)
    return result


@pytest.mark.parametrize("name", FORMATS)
def test_dumps_returns_bytes_exactly_for_xml(name: str) -> None:
    # The rule (docs, "Formats"): dumps returns str, but for an XML format, whose document is
    # bytes in the encoding its XML declaration names; dump writes UTF-8 bytes in every format.
    module = importlib.import_module(f"newsmodel.{name}")
    written = _dumps(name)
    is_xml = isinstance(written, bytes) and written.startswith(b"<?xml")
    assert isinstance(written, bytes if is_xml else str), name
    annotation = inspect.signature(module.dumps).return_annotation
    assert annotation in {type(written), type(written).__name__}, name
    buffer = io.BytesIO()
    extra = {"now": NOW} if name == "newsml" else {}
    module.dump(SAMPLE, buffer, **extra)
    assert buffer.getvalue() == (written if is_xml else written.encode("utf-8")), name


def test_feed_module_has_the_shape_of_a_format_over_many_articles() -> None:
    # dumps(articles, /, *, ...), dump(articles, fp, /, *, ...), loads(data, /, *, ...),
    # load(fp, /, *, ...): the same shape, over many articles.
    module = importlib.import_module("newsmodel.feed")
    expected = {
        "loads": ["data"],
        "load": ["fp"],
        "dumps": ["articles"],
        "dump": ["articles", "fp"],
    }
    for function, positional in expected.items():
        params = list(inspect.signature(getattr(module, function)).parameters.values())
        head = params[: len(positional)]
        assert [p.name for p in head] == positional, function
        assert all(p.kind is p.POSITIONAL_ONLY for p in head), function
        assert all(p.kind is p.KEYWORD_ONLY for p in params[len(positional) :]), function
