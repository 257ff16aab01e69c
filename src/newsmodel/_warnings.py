"""Issue newsmodel's warnings at the line of the program that called newsmodel.

A warning that names a line inside newsmodel tells the reader nothing: the line to look at is
the one in the program that called :func:`newsmodel.html.load` (or any other public function).
How many frames lie between the call to :func:`warnings.warn` and that line differs from one
public function to another, and changes when code moves, so it is found, not counted: the
frames are walked up to the first one outside the newsmodel package (the pattern of pandas'
``find_stack_level``).
"""

from __future__ import annotations

import inspect
import os
import warnings
from typing import TYPE_CHECKING

from newsmodel._models import extension_fields
from newsmodel.errors import LossyConversionWarning

if TYPE_CHECKING:
    from newsmodel._models import Article

__all__ = ["counted", "find_stack_level", "issue", "lossy", "lossy_fields"]


def _package_dir() -> str:
    # The directory as the interpreter names it in code objects, which is what frames report.
    return os.path.dirname(_package_dir.__code__.co_filename) + os.sep  # noqa: PTH120


_PACKAGE_DIR = _package_dir()


def find_stack_level() -> int:
    """The ``stacklevel`` for this function's caller to name the first line outside newsmodel.

    >>> find_stack_level() >= 1
    True
    """
    frame = inspect.currentframe()
    level = 0
    try:
        # Frame 0 is this function and frame 1 its caller, which ``stacklevel=1`` names: the
        # first frame outside the package, frame n, is named by ``stacklevel=n``.
        while frame is not None and frame.f_code.co_filename.startswith(_PACKAGE_DIR):
            frame = frame.f_back
            level += 1
    finally:
        del frame
    return level


def issue(warning: Warning) -> None:
    """Issue a warning at the first line outside newsmodel."""
    warnings.warn(warning, stacklevel=find_stack_level())


def lossy(
    fmt: str,
    kind: str,
    message: str,
    *,
    lost: str | None = None,
    count: int = 1,
    line: int | None = None,
    column: int | None = None,
    path: str | None = None,
) -> None:
    """Issue a :class:`~newsmodel.LossyConversionWarning` at the first line outside newsmodel."""
    warning = LossyConversionWarning(
        message,
        format=fmt,
        kind=kind,
        lost=lost,
        count=count,
        line=line,
        column=column,
        path=path,
    )
    warnings.warn(warning, stacklevel=find_stack_level())


def lossy_fields(fmt: str, article: Article) -> None:
    """Warn once for each field of an :class:`~newsmodel.Article` subclass a format cannot carry.

    Formats other than JSON carry only the model's own fields: the subclass's are named, so
    that nothing is lost without a word.
    """
    owner = type(article).__name__
    for name in extension_fields(article):
        what = f"{name} (a field of {owner})"
        lossy(fmt, "field", f"cannot carry: {what}", lost=what)


def counted(count: int, singular: str, plural: str | None = None) -> str:
    """A count and its noun, in the singular for one and the plural otherwise.

    >>> counted(1, "image"), counted(2, "embedded tweet"), counted(3, "canvas", "canvases")
    ('1 image', '2 embedded tweets', '3 canvases')
    """
    if count == 1:
        return f"1 {singular}"
    return f"{count} {plural if plural is not None else singular + 's'}"
