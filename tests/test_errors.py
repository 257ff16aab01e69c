from __future__ import annotations

import pickle

import pytest

from newsmodel import (
    LossyConversionWarning,
    NewsmodelError,
    NewsmodelWarning,
    ParseError,
    ValidationError,
    WriteError,
)


def test_tree() -> None:
    assert issubclass(ValidationError, NewsmodelError)
    assert issubclass(ValidationError, ValueError)
    assert issubclass(ParseError, NewsmodelError)
    assert issubclass(ParseError, ValueError)
    assert issubclass(WriteError, NewsmodelError)
    assert not issubclass(WriteError, ValueError)
    assert issubclass(LossyConversionWarning, NewsmodelWarning)
    assert issubclass(NewsmodelWarning, UserWarning)


def test_parse_error_carries_where() -> None:
    err = ParseError("html", "bad tag", line=3, column=7, path="/html/body")
    assert (err.format, err.message, err.line, err.column, err.path) == (
        "html",
        "bad tag",
        3,
        7,
        "/html/body",
    )
    assert str(err) == "html: bad tag (at /html/body, line 3, column 7)"


@pytest.mark.parametrize(
    "err",
    [
        ValidationError("url", "bad"),
        ParseError("newsml", "broken", line=1, column=2, path="/a"),
        WriteError("newsml", "lede", "too long"),
    ],
)
def test_errors_pickle_with_their_fields(err: NewsmodelError) -> None:
    back = pickle.loads(pickle.dumps(err))  # noqa: S301 - our own data
    assert type(back) is type(err)
    assert str(back) == str(err)
    assert vars(back) == vars(err)
