"""Sphinx configuration for the newsmodel documentation."""

from __future__ import annotations

from importlib.metadata import version as _version

project = "newsmodel"
author = "newsmodel contributors"
copyright = "2026, newsmodel contributors"
release = _version("pynewsmodel")
version = ".".join(release.split(".")[:2])

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.doctest",
    "sphinx.ext.napoleon",
    "sphinx.ext.viewcode",
]
source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
exclude_patterns = ["_build"]
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

html_theme = "furo"
html_title = "newsmodel"

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_typehints_format = "short"
autodoc_preserve_defaults = True
napoleon_google_docstring = True
napoleon_numpy_docstring = False

nitpicky = True
# Names Sphinx cannot resolve without fetching other projects' inventories (the build is offline).
nitpick_ignore_regex = [
    (r"py:.*", r"(datetime|zoneinfo|typing|collections\.abc|enum|attrs|lxml|cattrs)\..*"),
    (r"py:.*", r"(datetime|date|dt\.datetime|dt\.date|tzinfo|IO|Iterable|Iterator|Mapping)"),
    (r"py:.*", r"(Callable|Any|T|Path)"),
    (r"py:class", r"newsmodel\.json\.A"),  # the type variable of loads(..., cls=)
    (r"py:.*", r"newsmodel\._\w+\..*"),
    (r"py:class", r"(Inline|Block|Scheme)"),
    (r"py:class", r"_\w+\..*"),
    (r"py:class", r"(ZoneInfo|timezone|timedelta|BinaryIO|os\.PathLike|Element)"),
]

# Docstring examples are run by the test suite (tests/test_doctests.py); here only the pages'
# own {doctest} blocks run.
doctest_test_doctest_blocks = ""
# Every example imports what it uses: nothing is imported for it behind the reader's back.
doctest_global_setup = ""
