"""Mutation fuzzing: every reader returns an Article or raises ParseError, on any input.

Valid documents of each format (attacks/seeds.py) are cut, spliced, duplicated, bit-flipped
and salted with tokens that mean something to a parser; whatever comes of it, ``loads`` must
return an :class:`~newsmodel.Article` or raise :class:`~newsmodel.ParseError` naming the
format, with a line and column of 1 or more when it gives them. What it returns must be
writable by every writer. The formats are those this installation has, so a new format
module is fuzzed as soon as it lands.

The default run is small; ``HYPOTHESIS_PROFILE=nightly`` runs 10,000 inputs per format.
"""

from __future__ import annotations

import contextlib
import importlib
import sys
import warnings
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, reject, settings
from hypothesis import strategies as st

from attacks.seeds import TOKENS, seeds
from attacks.worker import available_formats
from newsmodel import Article, LossyConversionWarning, ParseError, WriteError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

FORMATS = available_formats()
_MANIFEST = Path(__file__).parent / "attacks" / "cases.toml"
#: Escapes the attack suite already shows as expected failures (cases with ``escapes``): the
#: fuzzer looks past them for new ones, and they go from here when their case is fixed.
KNOWN: dict[str, list[tuple[str, str]]] = {}
for _case in tomllib.loads(_MANIFEST.read_text("utf-8"))["case"]:
    if "escapes" in _case:
        _type, _, _part = _case["escapes"].partition(": ")
        KNOWN.setdefault(_case["format"], []).append((_type, _part))


def _known(fmt: str, exc: BaseException) -> bool:
    return any(type(exc).__name__ == name and part in str(exc) for name, part in KNOWN.get(fmt, []))


@cache
def _seeds(fmt: str) -> list[bytes]:
    return seeds(fmt)


@st.composite
def mutations(draw: st.DrawFn, fmt: str) -> bytes:
    """A seed of the format, changed one to five times."""
    data = bytearray(draw(st.sampled_from(_seeds(fmt))))
    for _ in range(draw(st.integers(1, 5))):
        size = len(data)
        at = draw(st.integers(0, size))
        op = draw(st.sampled_from(["truncate", "insert", "token", "duplicate", "flip", "delete"]))
        if op == "truncate":
            del data[at:]
        elif op == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=8))
        elif op == "token":
            data[at:at] = draw(st.sampled_from(TOKENS))
        elif op == "duplicate" and size:
            end = draw(st.integers(at, min(size, at + 4096)))
            data[at:at] = data[at:end] * draw(st.integers(1, 4))
        elif op == "flip" and at < size:
            data[at] ^= 1 << draw(st.integers(0, 7))
        elif op == "delete":
            del data[at : at + draw(st.integers(1, 64))]
    return bytes(data)


def check_reader(fmt: str, data: bytes | str) -> Article | None:
    """Read ``data``; the outcome must be an Article or a well-formed ParseError."""
    module = importlib.import_module(f"newsmodel.{fmt}")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", LossyConversionWarning)
        try:
            article = module.loads(data)
        except ParseError as exc:
            check_parse_error(exc, fmt)
            return None
        except Exception as exc:
            if _known(fmt, exc):
                reject()
            raise
    assert isinstance(article, Article)
    return article


def check_parse_error(exc: ParseError, fmt: str) -> None:
    """A ParseError names its format and a message, and any line and column count from 1."""
    assert exc.format == fmt
    assert exc.message
    assert exc.line is None or exc.line >= 1
    assert exc.column is None or exc.column >= 1


def check_writers(article: Article) -> None:
    """Every writer writes what a reader returned (or refuses with WriteError)."""
    for fmt in FORMATS:
        module = importlib.import_module(f"newsmodel.{fmt}")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", LossyConversionWarning)
            with contextlib.suppress(WriteError):
                module.dumps(article)


@pytest.mark.parametrize("fmt", FORMATS)
def test_seeds_are_valid(fmt):
    for seed in _seeds(fmt):
        assert isinstance(check_reader(fmt, seed), Article)


@pytest.mark.parametrize("fmt", FORMATS)
@settings(suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_mutated_input_gives_an_article_or_a_parse_error(fmt, data):
    raw = data.draw(mutations(fmt), label="input")
    article = check_reader(fmt, raw)
    if article is not None:
        check_writers(article)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return
    check_reader(fmt, text)


@pytest.mark.parametrize("fmt", FORMATS)
@settings(suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=512))
def test_arbitrary_bytes_give_an_article_or_a_parse_error(fmt, data):
    check_reader(fmt, data)
