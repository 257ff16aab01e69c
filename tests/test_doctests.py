"""Run the doctests of every module of the installed package."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import newsmodel

MODULES = sorted(
    info.name
    for info in pkgutil.walk_packages(newsmodel.__path__, prefix="newsmodel.")
    if info.name != "newsmodel.__main__"
)


def test_every_module_is_found() -> None:
    assert "newsmodel._models" in MODULES
    assert "newsmodel.json" in MODULES


@pytest.mark.parametrize("name", ["newsmodel", *MODULES])
def test_doctests(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0
