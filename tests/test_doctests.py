"""Run the doctests of every module of the installed package.

The examples a user reads in the API reference must run as they are copied: each one sees only
the public names of its module (what ``from module import *`` gives) and imports anything else
it uses (``datetime``, another module's names). Examples of private helpers, which the
reference does not show, see their module's globals.
"""

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
FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE


def test_every_module_is_found() -> None:
    assert "newsmodel._models" in MODULES
    assert "newsmodel.json" in MODULES


def _is_public(test_name: str) -> bool:
    """Whether a doctest belongs to a public module and a public object (no ``_`` part)."""
    return not any(part.startswith("_") for part in test_name.split("."))


@pytest.mark.parametrize("name", ["newsmodel", *MODULES])
def test_doctests(name: str) -> None:
    module = importlib.import_module(name)
    public = {key: getattr(module, key) for key in getattr(module, "__all__", ())}
    runner = doctest.DocTestRunner(optionflags=FLAGS)
    tests = doctest.DocTestFinder().find(module, globs=vars(module))
    assert tests, name
    for test in tests:
        if _is_public(test.name):
            test.globs = dict(public)
        runner.run(test)
    assert runner.failures == 0


def test_a_public_example_does_not_see_its_modules_imports() -> None:
    test = doctest.DocTestParser().get_doctest(
        ">>> datetime(2026, 1, 1).year\n2026\n", {}, "newsmodel.newsml.x", None, 0
    )
    module = importlib.import_module("newsmodel.newsml")
    assert hasattr(module, "datetime")  # the module imports it, and its examples must too
    test.globs = {key: getattr(module, key) for key in module.__all__}
    runner = doctest.DocTestRunner()
    runner.run(test, out=lambda _text: None)
    assert runner.failures == 1
