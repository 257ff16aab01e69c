r"""Batch conversion: many documents in, one :class:`Outcome` each, in input order.

The ``newsmodel convert`` command is a thin layer over this module, and a program can do what
the command does without a subprocess:

- :func:`convert` converts one document, bytes in and bytes out. It is a module-level function
  of plain values, so it pickles into worker processes and distributed engines (Dask, Spark).
- :func:`convert_files` converts files, folders (recursively) and open streams, into a folder
  or into memory, in worker processes when asked, never overwriting a file unless forced.
- :func:`read_files` reads them into articles, for a program that wants the models.
- :func:`detect_format` tells a document's format from its first bytes and its name.

Only problems of the input count as a failed document: a :class:`~newsmodel.NewsmodelError`
(the document cannot be read, or the article cannot be written in the target format) or an
:class:`OSError` (the file cannot be read or written). Any other exception is a bug in
newsmodel: it propagates, so that it is seen and reported, and does not pass for a bad file.

>>> from newsmodel import batch
>>> outcome = batch.convert('{"headline": "Снег в Астане"}'.encode(), to="text")
>>> outcome.ok, outcome.slug, outcome.data.decode()
(True, 'sneg-v-astane', '\n\nСнег в Астане')
"""

from __future__ import annotations

import contextlib
import functools
import importlib
import os
import shutil
import sys
import tempfile
import warnings
from datetime import datetime, timezone
from typing import IO, TYPE_CHECKING, Literal, NamedTuple

import attrs

from newsmodel._files import FORMATS as _FORMATS
from newsmodel._files import (
    MOST,
    Input,
    OutputNames,
    check_format,
    check_source,
    detect_format,
    find_inputs,
    head_of,
    is_message,
    open_input,
    place,
    read_file,
    write_file,
)
from newsmodel._files import PUBLISHING as _PUBLISHING
from newsmodel._limits import MAX_BYTES
from newsmodel._pool import ordered_map
from newsmodel.errors import LossyConversionWarning, NewsmodelError, ParseError, WriteError

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Mapping, Sequence
    from types import ModuleType

    from newsmodel._models import Article

__all__ = [  # noqa: RUF022 - in sorted() order, as for every module
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

#: Format name → the usual extension of its files (``html`` → ``.html``, ``json`` → ``.json``,
#: ``newsml`` → ``.xml``, ``ninjs`` → ``.json``, ``text`` → ``.txt``). Read-only; every format
#: ships with the package, and its module is imported when the first document is read.
FORMATS: Mapping[str, str] = _FORMATS

#: The formats whose output is what readers see (``html``): an article whose
#: :attr:`~newsmodel.Article.embargo` has not passed is not written in them unless
#: ``force_embargo=True``. The exchange formats (``json``, ``newsml``, ``text``) carry the
#: embargo on to the next system.
PUBLISHING: frozenset[str] = _PUBLISHING

#: The ``versionCreated`` written in NewsML-G2 for an article with neither ``updated`` nor
#: ``published``: a fixed time rather than the time of conversion, so that converting the same
#: input twice gives the same bytes. It is marked ``nm:of="writing"``, and reading the item back
#: gives an undated article again.
NEWSML_UNDATED = datetime(1970, 1, 1, tzinfo=timezone.utc)

#: What counts as a problem of the input; anything else is a bug and propagates.
_INPUT_PROBLEMS = (NewsmodelError, OSError)


def _module(fmt: str) -> ModuleType:
    """A format module, imported on first use (``--help`` need not load lxml)."""
    return importlib.import_module(f"newsmodel.{fmt}")


@attrs.frozen(kw_only=True)
class Outcome:
    """What became of one input document: plain values, so that it pickles.

    >>> bad = convert(b'{"headline": 5}', to="text", name="b.json")
    >>> bad.ok, bad.error, bad.message, bad.path, bad.line, bad.column
    (False, 'ParseError', 'expected string, got integer', '$.headline', 1, 14)
    """

    #: The input as reported (its path, ``<stdin>``, or ``feed.xml#3`` for the third item of a
    #: newsMessage).
    name: str
    #: the converted document, when it was not written to a file; ``b""`` otherwise.
    data: bytes = b""
    #: the file the converted document was written to; ``""`` when it was not.
    output: str = ""
    #: the article's slug; ``""`` when the input could not be read.
    slug: str = ""
    #: the messages of the warnings raised while converting, of every kind.
    warnings: tuple[str, ...] = ()
    #: the :class:`~newsmodel.LossyConversionWarning` among them, with their attributes (kind,
    #: count, line...), for a program to count or filter.
    lost: tuple[LossyConversionWarning, ...] = ()
    #: the class name of the error (``"ParseError"``, ``"FileNotFoundError"``...); ``""`` on
    #: success.
    error: str = ""
    #: the error's message.
    message: str = ""
    #: the line of the problem in the input, when known.
    line: int | None = None
    #: its column, when known.
    column: int | None = None
    #: where in the document it is (a JSON path, an XML path), when known.
    path: str | None = None

    @property
    def ok(self) -> bool:
        """Whether the document was converted."""
        return not self.error


class _Found(NamedTuple):
    messages: tuple[str, ...] = ()
    lost: tuple[LossyConversionWarning, ...] = ()


def _messages(caught: Iterable[warnings.WarningMessage]) -> _Found:
    caught = list(caught)
    lost = (w.message for w in caught if isinstance(w.message, LossyConversionWarning))
    return _Found(tuple(str(w.message) for w in caught), tuple(lost))


_NOTHING = _Found()


def _failure(name: str, exc: BaseException, found: _Found = _NOTHING) -> Outcome:
    if isinstance(exc, ParseError):
        return Outcome(
            name=name,
            warnings=found.messages,
            lost=found.lost,
            error="ParseError",
            message=exc.message,
            line=exc.line,
            column=exc.column,
            path=exc.path,
        )
    error, message = type(exc).__name__, str(exc)
    return Outcome(
        name=name, warnings=found.messages, lost=found.lost, error=error, message=message
    )


def _mark_bug(exc: BaseException, name: str) -> None:
    """Say which input a bug showed on, where Python can attach a note (3.11 and later)."""
    if sys.version_info >= (3, 11):  # pragma: no branch
        exc.add_note(f"while converting {name}: a bug in newsmodel, please report it")


def _whole(data: bytes, name: str, source: str | None) -> bytes:
    """A document read whole, of at most :data:`~newsmodel._files.MOST` bytes.

    Raises:
        ParseError: it is longer than every reader takes (the rest of it was not read).
    """
    if len(data) > MAX_BYTES:
        fmt = source or detect_format(data, name=name)
        msg = f"document of more than {MAX_BYTES} bytes is over the limit of max_bytes={MAX_BYTES}"
        raise ParseError(fmt, msg)
    return data


def _dumps(article: Article, to: str, *, force_embargo: bool = False) -> bytes:
    """Write an article in a format, as bytes; the same bytes for the same article.

    Raises:
        WriteError: the format publishes, and the article's embargo has not passed.
    """
    if to in PUBLISHING and not force_embargo and article.is_embargoed():
        assert article.embargo is not None  # noqa: S101 - is_embargoed() says there is one
        when = article.embargo.isoformat()
        raise WriteError(to, "embargo", f"the article is under embargo until {when}")
    if to == "newsml":
        data: bytes = _module("newsml").dumps(article, now=NEWSML_UNDATED)
        return data
    out: str | bytes = _module(to).dumps(article)
    return out.encode("utf-8") if isinstance(out, str) else out


def convert(
    data: bytes,
    /,
    *,
    to: str,
    source: str | None = None,
    name: str = "",
    force_embargo: bool = False,
) -> Outcome:
    r"""Convert one document from one format to another; a bad document is an :class:`Outcome`.

    Args:
        data: the document.
        to: the output format, a key of :data:`FORMATS`.
        source: the input format, or ``None`` to detect it with :func:`detect_format`.
        name: the document's file name: it helps detection, and names the input in the outcome.
        force_embargo: write an article whose embargo has not passed in a format that
            publishes (:data:`PUBLISHING`); without it, that document fails with a
            :class:`~newsmodel.WriteError` naming the embargo's time.

    Returns:
        The converted bytes and the article's slug, or the error; with the warnings raised.

    Raises:
        ValueError: ``to`` or ``source`` is not a format name.

    >>> out = convert('{"headline": "Привет"}'.encode(), to="text")
    >>> out.ok, out.slug, out.data.decode()
    (True, 'privet', '\n\nПривет')
    >>> convert(b'{"headline": 1}', to="text", name="b.json").message
    'expected string, got integer'
    """
    check_format(to, "to")
    check_format(source, "source")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            article = _module(source or detect_format(data, name=name)).loads(data)
            out = _dumps(article, to, force_embargo=force_embargo)
        except _INPUT_PROBLEMS as exc:
            return _failure(name, exc, _messages(caught))
        except Exception as exc:
            _mark_bug(exc, name)
            raise
    found = _messages(caught)
    return Outcome(name=name, data=out, slug=article.slug, warnings=found.messages, lost=found.lost)


# --- inputs --------------------------------------------------------------------------------


def _message_items(item: Input, source: str | None) -> Iterator[tuple[Outcome, Article | None]]:
    """The articles of a newsMessage or a feed, each with its outcome; a broken one fails."""
    n = 0
    try:
        with open_input(item) as fp, warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            if source == "feed":
                articles: Iterable[Article] = _module("feed").load(fp)
            else:
                articles = _module("newsml").iter_articles(fp)
            for n, article in enumerate(articles, 1):
                found = _messages(caught)
                caught.clear()
                outcome = Outcome(
                    name=f"{item.name}#{n}",
                    slug=article.slug,
                    warnings=found.messages,
                    lost=found.lost,
                )
                yield outcome, article
    except _INPUT_PROBLEMS as exc:
        yield _failure(item.name, exc), None
    except Exception as exc:
        _mark_bug(exc, f"{item.name}#{n + 1}")
        raise


def read_files(
    sources: Iterable[str | os.PathLike[str] | IO[bytes] | Input],
    /,
    *,
    source: str | None = None,
) -> Iterator[tuple[Outcome, Article | None]]:
    """Read files, folders and streams into articles, one at a time, each with its outcome.

    The article is ``None`` when the input failed (its outcome says why). A newsMessage gives
    its items one by one, so that a message of any size is read in constant memory; with
    ``source="feed"``, each RSS or Atom feed gives its entries.

    >>> import io
    >>> stream = io.BytesIO(b'{"headline": "Yes"}')
    >>> for outcome, article in read_files([stream, "nope.json"]):
    ...     print(outcome.name, outcome.error or article.headline)
    <stream> Yes
    nope.json FileNotFoundError
    """
    check_source(source)
    return _read_inputs(find_inputs(sources, source=source), source)


def _read_inputs(
    inputs: list[Input], source: str | None
) -> Iterator[tuple[Outcome, Article | None]]:
    for item in inputs:
        if is_message(item, source):
            yield from _message_items(item, source)
            continue
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                data = _whole(item.read(MOST), item.name, source)
                article = _module(source or detect_format(data, name=item.name)).loads(data)
            except _INPUT_PROBLEMS as exc:
                yield _failure(item.name, exc, _messages(caught)), None
                continue
            except Exception as exc:
                _mark_bug(exc, item.name)
                raise
        found = _messages(caught)
        outcome = Outcome(
            name=item.name, slug=article.slug, warnings=found.messages, lost=found.lost
        )
        yield outcome, article


# --- convert_files ---------------------------------------------------------------------------


@attrs.frozen
class _Plan:
    to: str
    source: str | None
    names: OutputNames | None  # None: results stay in memory
    force: bool
    jobs: int
    force_embargo: bool


def convert_files(
    sources: Sequence[str | os.PathLike[str] | IO[bytes] | Input],
    /,
    *,
    to: str,
    output: str | os.PathLike[str] | None = None,
    source: str | None = None,
    name_by: Literal["slug", "stem"] = "slug",
    force: bool = False,
    force_embargo: bool = False,
    jobs: int = 1,
) -> Iterator[Outcome]:
    """Convert files, folders (recursively) and open streams; one outcome each, in input order.

    Converting is lazy: each outcome is made as the iterator reaches it.

    Args:
        sources: files, folders, open binary streams, or what :func:`find_inputs` returned.
        to: the output format, a key of :data:`FORMATS`.
        output: the folder to write into, created when missing; the inputs' folders are kept
            under it. ``None`` keeps each result in :attr:`Outcome.data` instead.
        source: the input format, or ``None`` to detect each document's; ``"feed"`` reads
            RSS and Atom feeds (``.xml``, ``.rss``, ``.atom`` in a folder), one article per
            entry (it needs the ``feed`` extra).
        name_by: name each output from the article's slug, or from the input file's name
            (``"stem"``), with the format's extension. Two outputs of one name get ``-2``,
            ``-3``...: names that differ only in case where the file system ignores case, and
            names that are devices on Windows (``con``, ``nul``, ``com1``...) on every system.
        force: replace existing files; without it, an existing file is never replaced and
            that document fails with a ``FileExistsError`` outcome.
        force_embargo: as in :func:`convert`: without it, an article whose embargo has not
            passed is not written in a format that publishes (:data:`PUBLISHING`).
        jobs: worker processes; with 1, or into memory, everything runs in this process.
            Results are the same whatever the number.

    Raises:
        ValueError: ``to`` or ``source`` is not a format name, or ``jobs`` is below 1.
        RuntimeError: a worker process ended before it sent its results (it was killed, or
            ran out of memory); the other workers are stopped.

    An input that is a NewsML-G2 newsMessage, or a feed with ``source="feed"``, gives one output
    per item, named ``message/slug.ext``.

    >>> import tempfile
    >>> from pathlib import Path
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.json").write_text('{"headline": "Первая"}', encoding="utf-8")
    >>> _ = (folder / "b.json").write_text('{"headline": ', encoding="utf-8")
    >>> for outcome in convert_files([folder], to="text", output=folder / "out"):
    ...     print(Path(outcome.name).name, outcome.error or Path(outcome.output).name)
    a.json pervaya.txt
    b.json ParseError
    """
    check_format(to, "to")
    check_source(source)
    if jobs < 1:
        msg = f"jobs must be 1 or more, not {jobs}"
        raise ValueError(msg)
    names = None
    if output is not None:
        names = OutputNames(os.fspath(output), FORMATS[to], by_slug=name_by == "slug")
    plan = _Plan(to, source, names, force, jobs, force_embargo)
    return _convert_inputs(find_inputs(sources, source=source), plan)


def _convert_inputs(inputs: list[Input], plan: _Plan) -> Iterator[Outcome]:
    messages = {i for i, item in enumerate(inputs) if is_message(item, plan.source)}
    for i in sorted(messages):
        yield from _split_message(inputs[i], plan)
    plain = [item for i, item in enumerate(inputs) if i not in messages]
    with _scratch(plan.names) as scratch:
        for item, outcome in _results(plain, plan, scratch):
            yield _deliver(item, outcome, plan) if outcome.ok else outcome


def _split_message(item: Input, plan: _Plan) -> Iterator[Outcome]:
    """One output document per item of a newsMessage or entry of a feed."""
    for outcome, article in _message_items(item, plan.source):
        if article is None:
            yield outcome
            continue
        try:
            data = _dumps(article, plan.to, force_embargo=plan.force_embargo)
        except _INPUT_PROBLEMS as exc:
            yield _failure(outcome.name, exc, _Found(outcome.warnings, outcome.lost))
            continue
        except Exception as exc:
            _mark_bug(exc, outcome.name)
            raise
        sub = Input(name=outcome.name, relative=f"{item.relative}/{article.slug}", path=item.path)
        yield _deliver(sub, attrs.evolve(outcome, data=data, slug=""), plan)


#: The largest result a worker sends back rather than writing it to a scratch file (which then
#: costs the parent two more file-system calls to move): most articles in any format.
_SENT_BYTES = 32 * 1024


def _written(outcome: Outcome, output: str) -> Outcome:
    """A successful ``outcome`` whose document is now in the file ``output``, not in memory."""
    return Outcome(
        name=outcome.name,
        output=output,
        slug=outcome.slug,
        warnings=outcome.warnings,
        lost=outcome.lost,
    )


def _convert_paths(
    paths: Sequence[tuple[str, str]],
    source: str | None,
    to: str,
    scratch: str,
    *,
    first: int,
    force_embargo: bool,
) -> list[Outcome]:
    """The worker of parallel batches: convert the ``(path, name)`` files.

    File names are sent to the worker, which reads and converts the files. A result of up to
    :data:`_SENT_BYTES` comes back in its outcome, for the parent to write to its name; a
    larger one is written to a file in scratch, which the parent moves to its name, so that
    the results of the tasks in flight never take much memory. The scratch folder is this
    batch's own: the ``n``-th input's result is file ``n`` there, counting from ``first``.
    """
    out = []
    for n, (path, name) in enumerate(paths, first):
        try:
            data = _whole(read_file(path, MOST), name, source)
        except _INPUT_PROBLEMS as exc:
            out.append(_failure(name, exc))
            continue
        outcome = convert(data, to=to, source=source, name=name, force_embargo=force_embargo)
        if outcome.ok and len(outcome.data) > _SENT_BYTES:
            written = os.path.join(scratch, str(n))
            try:
                write_file(written, outcome.data, replace=False)
            except OSError as exc:  # a full disk, a quota: this document is not written
                outcome = _failure(name, exc, _Found(outcome.warnings, outcome.lost))
            else:
                outcome = _written(outcome, written)
        out.append(outcome)
    return out


def _in_process(inputs: Sequence[Input], plan: _Plan) -> Iterator[tuple[Input, Outcome]]:
    for item in inputs:
        try:
            data = _whole(item.read(MOST), item.name, plan.source)
        except _INPUT_PROBLEMS as exc:
            yield item, _failure(item.name, exc)
            continue
        yield (
            item,
            convert(
                data,
                to=plan.to,
                source=plan.source,
                name=item.name,
                force_embargo=plan.force_embargo,
            ),
        )


def _preload(plan: _Plan, first: Input) -> None:
    """Import the format modules the workers will use, before they are forked.

    The workers share them instead of each importing its own, which costs as much as converting
    dozens of documents. Without ``plan.source``, the first input's format is the batch's.
    """
    fmt = plan.source or detect_format(head_of(first), name=first.name)
    for name in sorted({plan.to, fmt}):
        _module(name)


def _results(
    inputs: Sequence[Input], plan: _Plan, scratch: str | None
) -> Iterator[tuple[Input, Outcome]]:
    """Convert the inputs, in worker processes when asked, yielding results in input order."""
    jobs = plan.jobs
    # Tasks small enough that the workers finish together (the last task is the only time a
    # worker may wait for another), large enough that sending them costs little: at least 16
    # tasks a worker, at most 16 files a task.
    size = max(1, min(16, len(inputs) // (jobs * 16)))
    if jobs <= 1 or len(inputs) <= size or scratch is None:
        yield from _in_process(inputs, plan)
        return
    yield from _in_process([item for item in inputs if item.path is None], plan)
    on_disk = [item for item in inputs if item.path is not None]
    if not on_disk:
        return
    _preload(plan, on_disk[0])
    tasks = [
        (start, [(i.path, i.name) for i in on_disk[start : start + size] if i.path is not None])
        for start in range(0, len(on_disk), size)
    ]
    work = functools.partial(_convert_task, plan.source, plan.to, scratch, plan.force_embargo)
    for (start, _), outcomes in zip(tasks, ordered_map(work, tasks, jobs), strict=True):
        yield from zip(on_disk[start : start + size], outcomes, strict=True)


def _convert_task(
    source: str | None,
    to: str,
    scratch: str,
    force_embargo: bool,  # noqa: FBT001 - bound by position in a partial
    task: tuple[int, list[tuple[str, str]]],
) -> list[Outcome]:
    """One task of a worker process: files ``task[1]``, the first being input ``task[0]``."""
    first, paths = task
    return _convert_paths(paths, source, to, scratch, first=first, force_embargo=force_embargo)


@contextlib.contextmanager
def _scratch(names: OutputNames | None) -> Iterator[str | None]:
    """A hidden folder in the output folder for the workers' results, removed at the end."""
    if names is None:
        yield None
        return
    os.makedirs(names.root, exist_ok=True)
    folder = tempfile.mkdtemp(prefix=".newsmodel-", dir=names.root)
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _deliver(item: Input, outcome: Outcome, plan: _Plan) -> Outcome:
    """Write a result under its name; a result kept in memory is returned as it is."""
    if plan.names is None:
        return outcome
    path = plan.names.name(item.relative, outcome.slug)
    try:
        plan.names.make_parent(path)
        place(path, data=outcome.data, written=outcome.output, force=plan.force)
    except FileExistsError:
        return attrs.evolve(
            outcome, data=b"", output="", error="FileExistsError", message=f"{path} exists"
        )
    except OSError as exc:
        return attrs.evolve(
            outcome, data=b"", output="", error=type(exc).__name__, message=str(exc)
        )
    return _written(outcome, path)
