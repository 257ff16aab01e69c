"""Every exception and warning newsmodel raises.

The tree::

    NewsmodelError(Exception)
    ├── ValidationError(NewsmodelError, ValueError)   a model invariant is broken (which field, why)
    ├── ParseError(NewsmodelError, ValueError)        input can't be read: format, message,
    │                                                 line, column, path
    └── WriteError(NewsmodelError)                    the model can't be expressed in the target
                                                      format (which field, why)
    NewsmodelWarning(UserWarning)
    └── LossyConversionWarning(NewsmodelWarning)      something was dropped or approximated,
                                                      and what

Catch :class:`NewsmodelError` to handle anything the library refuses, or :class:`ValueError`
to treat bad input like any other bad value:

>>> from newsmodel import Article, ValidationError
>>> try:
...     Article(headline="   ")
... except ValueError as exc:
...     print(type(exc).__name__, exc.field)
ValidationError headline
"""

from __future__ import annotations

__all__ = [
    "LossyConversionWarning",
    "NewsmodelError",
    "NewsmodelWarning",
    "ParseError",
    "ValidationError",
    "WriteError",
]


class NewsmodelError(Exception):
    """The root of every exception newsmodel raises on purpose."""


class ValidationError(NewsmodelError, ValueError):
    """A value breaks a rule of the model.

    Attributes:
        field: the dotted name of the offending field, e.g. ``"published"`` or
            ``"sections[1].blocks[0]"``.
        reason: why the value was refused.

    >>> str(ValidationError("url", "must be an absolute http(s) URL"))
    'url: must be an absolute http(s) URL'
    """

    def __init__(self, field: str, reason: str) -> None:
        """Record which field is wrong and why."""
        super().__init__(f"{field}: {reason}")
        self.field = field
        self.reason = reason

    def __reduce__(self) -> tuple[type[ValidationError], tuple[str, str]]:
        """Pickle with the constructor's arguments, so errors cross process boundaries."""
        return (type(self), (self.field, self.reason))


class ParseError(NewsmodelError, ValueError):
    """Input could not be read.

    Attributes:
        format: the format being read: ``"html"``, ``"newsml"``, ``"json"``, ``"text"``, ``"date"``.
        message: what went wrong.
        line: 1-based line of the problem, when the format has lines and it is known.
        column: 1-based column of the problem, when known.
        path: where in the document the problem is (a JSON path such as ``$.sections[0].heading``
            or an XML path), when known.

    >>> str(ParseError("newsml", "no headline", line=3, column=5))
    'newsml: no headline (line 3, column 5)'
    """

    def __init__(
        self,
        format: str,  # noqa: A002 - the public attribute name users read
        message: str,
        *,
        line: int | None = None,
        column: int | None = None,
        path: str | None = None,
    ) -> None:
        """Record where reading failed."""
        self.format = format
        self.message = message
        self.line = line
        self.column = column
        self.path = path
        where = []
        if path is not None:
            where.append(f"at {path}")
        if line is not None:
            where.append(f"line {line}")
        if column is not None:
            where.append(f"column {column}")
        suffix = f" ({', '.join(where)})" if where else ""
        super().__init__(f"{format}: {message}{suffix}")

    def __reduce__(
        self,
    ) -> tuple[object, tuple[object, ...]]:
        """Pickle with the constructor's arguments, so errors cross process boundaries."""
        return (
            _rebuild_parse_error,
            (self.format, self.message, self.line, self.column, self.path),
        )


def _rebuild_parse_error(
    format: str,  # noqa: A002
    message: str,
    line: int | None,
    column: int | None,
    path: str | None,
) -> ParseError:
    return ParseError(format, message, line=line, column=column, path=path)


class WriteError(NewsmodelError):
    """An article cannot be expressed in the target format.

    Attributes:
        format: the format being written.
        field: the model field that cannot be written.
        reason: why.

    >>> str(WriteError("newsml", "url", "not an absolute URI"))
    'newsml: cannot write url: not an absolute URI'
    """

    def __init__(self, format: str, field: str, reason: str) -> None:  # noqa: A002
        """Record which field could not be written and why."""
        super().__init__(f"{format}: cannot write {field}: {reason}")
        self.format = format
        self.field = field
        self.reason = reason

    def __reduce__(self) -> tuple[type[WriteError], tuple[str, str, str]]:
        """Pickle with the constructor's arguments, so errors cross process boundaries."""
        return (type(self), (self.format, self.field, self.reason))


class NewsmodelWarning(UserWarning):
    """The root of every warning newsmodel issues."""


class LossyConversionWarning(NewsmodelWarning):
    """Something in the input or the model was dropped or approximated.

    The message says what, so that nothing is lost silently; the attributes say it to a
    program, which can count or filter the warnings by them. Turn them into errors with
    ``warnings.simplefilter("error", LossyConversionWarning)`` when nothing may be lost.
    Each warning is issued at the line of the program that called newsmodel.

    Attributes:
        format: the format being read or written: ``"html"``, ``"newsml"``, ``"json"``,
            ``"text"``.
        kind: what sort of thing was lost, one of a small documented set (see the errors page
            of the documentation): ``"element"``, ``"link"``, ``"image"``, ``"markup"``,
            ``"field"``, ``"value"``, ``"time"``, ``"encoding"``, ``"bytes"``, ``"item"``,
            ``"body"``.
        lost: what exactly was lost, in the singular (``"embedded tweet"``, ``"table"``, a
            field's name, a link's scheme), when there is more to say than ``kind``.
        count: how many of them.
        line: 1-based line in the input, when known.
        column: 1-based column in the input, when known.
        path: where in the document or the model (a field's name such as ``"image.credit"``,
            or an element's path), when known.
        message: the message without the format's name.

    >>> import warnings
    >>> from newsmodel import LossyConversionWarning, html
    >>> page = "<h1>Заголовок</h1><article><p>Текст.</p><table><tr><td><p>1</p></td></tr></table>"
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     article = html.loads(page)
    >>> [(w.message.kind, w.message.lost, w.message.count) for w in caught]
    [('element', 'table', 1)]
    >>> str(caught[0].message)
    'html: dropped from the body: 1 table'
    """

    def __init__(
        self,
        message: str,
        *,
        format: str,  # noqa: A002 - the public attribute name users read
        kind: str,
        lost: str | None = None,
        count: int = 1,
        line: int | None = None,
        column: int | None = None,
        path: str | None = None,
    ) -> None:
        """Record what was lost, how many, and where."""
        self.message = message
        self.format = format
        self.kind = kind
        self.lost = lost
        self.count = count
        self.line = line
        self.column = column
        self.path = path
        super().__init__(f"{format}: {message}")

    def __reduce__(self) -> tuple[object, tuple[object, ...]]:
        """Pickle with the constructor's arguments, so warnings cross process boundaries."""
        return (
            _rebuild_lossy,
            (
                self.message,
                self.format,
                self.kind,
                self.lost,
                self.count,
                self.line,
                self.column,
                self.path,
            ),
        )


def _rebuild_lossy(  # noqa: PLR0917 - what __reduce__ hands back
    message: str,
    format: str,  # noqa: A002
    kind: str,
    lost: str | None,
    count: int,
    line: int | None,
    column: int | None,
    path: str | None,
) -> LossyConversionWarning:
    return LossyConversionWarning(
        message,
        format=format,
        kind=kind,
        lost=lost,
        count=count,
        line=line,
        column=column,
        path=path,
    )
