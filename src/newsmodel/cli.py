"""The ``newsmodel`` command line: convert, validate and show articles.

Only glue over the format modules, on the standard library alone. :data:`FORMATS` names the
formats and the usual extension of their files; the modules themselves are imported when first
used, so that ``newsmodel --version`` and ``--help`` answer without loading lxml.

The conversion itself is :func:`convert_data`, a module-level function of plain values (bytes
in, bytes out), so it pickles into worker processes and into distributed engines (Dask,
Spark) as it is.

>>> main(["--version"])  # doctest: +ELLIPSIS
newsmodel ...
0
"""

from __future__ import annotations

import argparse
import concurrent.futures as cf
import contextlib
import gc
import json as _json
import os
import re
import shutil
import sys
import tempfile
import time
import warnings
from collections import deque
from datetime import date, datetime, timezone
from functools import cache
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, NamedTuple

import newsmodel
from newsmodel.dates import format_date
from newsmodel.errors import ParseError

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Sequence
    from types import ModuleType

    from newsmodel._models import Article
    from newsmodel.newsml import SchemaProblem

__all__ = [
    "FORMATS",
    "NEWSML_UNDATED",
    "Outcome",
    "convert_batch",
    "convert_data",
    "convert_files",
    "detect_format",
    "main",
    "summary",
]

#: Format name → the usual extension of its files. Every format ships with the package; their
#: modules are imported on first use.
FORMATS: dict[str, str] = {
    "html": ".html",
    "json": ".json",
    "newsml": ".xml",
    "text": ".txt",
}
_EXTENSIONS = {
    ".htm": "html",
    ".html": "html",
    ".xhtml": "html",
    ".json": "json",
    ".xml": "newsml",
    ".nml": "newsml",
    ".txt": "text",
}
_NEWSML = re.compile(rb"<(?:[\w.-]+:)?(?:newsItem|newsMessage)\b|iptc\.org/std/nar/", re.IGNORECASE)
_MESSAGE = re.compile(rb"<(?:[\w.-]+:)?newsMessage\b")
_HTML = re.compile(rb"<(?:!doctype\s+html|html|head|body|article|meta|div|p)\b", re.IGNORECASE)
_SNIFF = 4096


@cache
def _modules() -> dict[str, ModuleType]:
    """The format modules by name, imported on first use.

    Imported here rather than at the top so that ``newsmodel --version`` and ``--help`` do not
    load lxml and the format readers (measured: 0.19 s against 0.28 s, the median of 25 runs).

    >>> sorted(_modules()) == sorted(FORMATS)
    True
    """
    from newsmodel import html, json, newsml, text  # noqa: PLC0415 - see above

    return {"html": html, "json": json, "newsml": newsml, "text": text}


def detect_format(data: bytes, name: str = "") -> str:
    r"""Tell the format of a document from its first bytes, then from its file name.

    JSON starts with ``{``; NewsML-G2 has a ``newsItem`` or ``newsMessage`` root or the IPTC
    namespace; HTML starts with a doctype or a usual tag; anything else is plain text unless
    the extension says otherwise.

    >>> detect_format(b'  {"headline": "Hello"}')
    'json'
    >>> detect_format(b"<!DOCTYPE html><html></html>")
    'html'
    >>> detect_format("САЙТ\\n\\nЗаголовок".encode(), "article.txt")
    'text'
    """
    head = data[:_SNIFF].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith((b"{", b"[")):
        return "json"
    if head.startswith(b"<"):
        if _NEWSML.search(head):
            return "newsml"
        if _HTML.search(head):
            return "html"
    return _EXTENSIONS.get(Path(name).suffix.lower(), "text")


def _is_message(data: bytes) -> bool:
    return _MESSAGE.search(data[:_SNIFF]) is not None


# --- the worker: plain values in, plain values out -----------------------------------------


class Outcome(NamedTuple):
    """The result of converting one document, as plain values that pickle."""

    #: the converted document; ``b""`` on failure.
    data: bytes
    #: the article's slug; ``""`` on failure.
    slug: str
    #: the messages of the warnings raised while converting.
    warnings: tuple[str, ...]
    #: the error's class name; ``""`` on success.
    error: str = ""
    #: the error's message.
    message: str = ""
    #: where the error is, when known.
    line: int | None = None
    column: int | None = None
    path: str | None = None
    #: a file the converted document was written to instead of ``data`` (see
    #: :func:`convert_files`).
    file: str = ""

    @property
    def ok(self) -> bool:
        """Whether the conversion succeeded."""
        return not self.error


#: The ``versionCreated`` written in NewsML-G2 for an article with neither ``updated`` nor
#: ``published``: a fixed time rather than the time of conversion, so that converting the same
#: input twice gives the same bytes. It is marked ``nm:of="writing"``, and reading the item back
#: gives an undated article again.
NEWSML_UNDATED = datetime(1970, 1, 1, tzinfo=timezone.utc)


def _dumps(article: Article, target: str) -> bytes:
    """Write an article in a format, as bytes; the same bytes for the same article."""
    if target == "newsml":
        data: bytes = _modules()["newsml"].dumps(article, now=NEWSML_UNDATED)
        return data
    out: str | bytes = _modules()[target].dumps(article)
    return out.encode("utf-8") if isinstance(out, str) else out


def convert_data(data: bytes, name: str, source: str | None, target: str) -> Outcome:
    r"""Convert one document from one format to another; never raises for bad input.

    Args:
        data: the document.
        name: its file name, used to detect the format when ``source`` is ``None``.
        source: the input format, or ``None`` to detect it.
        target: the output format.

    Returns:
        The converted bytes and the article's slug, or the error; with the warnings raised.

    >>> out = convert_data('{"headline": "Привет"}'.encode(), "a.json", None, "text")
    >>> out.ok, out.slug, out.data.decode()
    (True, 'privet', '\n\nПривет')
    >>> convert_data(b'{"headline": 1}', "b.json", None, "text").message
    'expected string, got integer'
    """
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            fmt = source or detect_format(data, name)
            article = _modules()[fmt].loads(data)
            out = _dumps(article, target)
        except Exception as exc:  # noqa: BLE001 - a batch keeps going past any bad file
            found = tuple(str(w.message) for w in caught)
            return _failure(exc, found)
    return Outcome(out, article.slug, tuple(str(w.message) for w in caught))


def _failure(exc: BaseException, found: tuple[str, ...]) -> Outcome:
    if isinstance(exc, ParseError):
        return Outcome(b"", "", found, "ParseError", exc.message, exc.line, exc.column, exc.path)
    return Outcome(b"", "", found, type(exc).__name__, str(exc))


def convert_batch(
    items: Sequence[tuple[bytes, str]], source: str | None, target: str
) -> list[Outcome]:
    """Convert several ``(data, name)`` documents; see :func:`convert_data`.

    One call per batch keeps the cost of sending work to another process small.

    >>> [o.ok for o in convert_batch([(b'{"headline": "A"}', "a.json"), (b"{", "b.json")],
    ...                              None, "json")]
    [True, False]
    """
    return [convert_data(data, name, source, target) for data, name in items]


def convert_files(
    paths: Sequence[str], source: str | None, target: str, scratch: str
) -> list[Outcome]:
    """Convert files, writing each result to a new file in ``scratch``; see :func:`convert_data`.

    The worker of parallel batches: only file names cross the process boundary, and the
    caller moves each result to its final name.
    """
    out = []
    for path in paths:
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            out.append(_failure(exc, ()))
            continue
        outcome = convert_data(data, path, source, target)
        if outcome.ok:
            fd, written = tempfile.mkstemp(dir=scratch, suffix=".part")
            with os.fdopen(fd, "wb") as fp:
                fp.write(outcome.data)
            outcome = outcome._replace(data=b"", file=written)
        out.append(outcome)
    return out


# --- inputs and outputs --------------------------------------------------------------------


class _Input(NamedTuple):
    path: str | None  # None for standard input
    relative: str  # where the output goes under -o: a relative path without the extension
    label: str


def _discover(sources: Sequence[str], source_format: str | None) -> tuple[list[_Input], list[str]]:
    """The input documents, in order, and the sources that do not exist."""
    inputs: list[_Input] = []
    missing: list[str] = []
    wanted = {ext for ext, fmt in _EXTENSIONS.items() if source_format in (None, fmt)}
    for source in sources:
        if source == "-":
            inputs.append(_Input(None, "stdin", "<stdin>"))
            continue
        path = Path(source)
        if path.is_dir():
            found = _walk(source, wanted)
            inputs.extend(_Input(full, stem, os.path.normpath(full)) for stem, full in found)
        elif path.is_file():
            inputs.append(_Input(source, path.stem, os.path.normpath(source)))
        else:
            missing.append(source)
    return inputs, missing


def _walk(top: str, extensions: set[str]) -> list[tuple[str, str]]:
    """The files under a folder with one of the extensions, skipping hidden files and folders.

    Returns ``(relative path without extension, path)`` pairs in the order of their relative
    paths' parts, the same order on every run whatever the file system lists first.
    """
    found: list[tuple[list[str], str, str]] = []
    for folder, folders, files in os.walk(top):
        folders[:] = [name for name in folders if not name.startswith(".")]
        within = os.path.relpath(folder, top)
        parts = [] if within == os.curdir else within.split(os.sep)
        for name in files:
            stem, extension = os.path.splitext(name)
            full = os.path.join(folder, name)
            if name.startswith(".") or extension.lower() not in extensions:
                continue
            if os.path.isfile(full):
                found.append(([*parts, name], "/".join([*parts, stem]), full))
    found.sort(key=lambda entry: entry[0])
    return [(relative, full) for _, relative, full in found]


def _read(item: _Input) -> bytes:
    if item.path is None:
        return sys.stdin.buffer.read()
    with open(item.path, "rb") as fp:
        return fp.read()


class _Namer:
    """Chooses output paths: unique within the run, never an existing file unless forced."""

    # Names are plain strings: the parent process names every output of a parallel batch, so
    # this is on the path of every file.

    def __init__(self, root: Path, extension: str, *, by_slug: bool) -> None:
        self.root = root
        self.prefix = os.path.join(root, "")
        self.extension = extension
        self.by_slug = by_slug
        self.taken: set[str] = set()
        self.next_suffix: dict[str, int] = {}
        self.folders: set[str] = set()

    def __call__(self, item: _Input, slug: str) -> str:
        stem = item.relative
        if self.by_slug and slug:
            folder = stem.rpartition("/")[0]
            stem = f"{folder}/{slug}" if folder else slug
        candidate = f"{self.prefix}{stem}{self.extension}"
        # Keys as the file system compares names: on Windows "A.html" is "a.html".
        key = os.path.normcase(stem)
        n = self.next_suffix.get(key, 2)
        while os.path.normcase(candidate) in self.taken:
            candidate = f"{self.prefix}{stem}-{n}{self.extension}"
            n += 1
        self.next_suffix[key] = n
        self.taken.add(os.path.normcase(candidate))
        return candidate

    def make_parent(self, path: str) -> None:
        """Create the folder of an output path, once per folder."""
        folder = os.path.dirname(path)
        if folder not in self.folders:
            os.makedirs(folder, exist_ok=True)
            self.folders.add(folder)


# --- reporting ------------------------------------------------------------------------------


class _Reporter:
    """Counts results, prints failures and warnings, and draws progress on a terminal."""

    def __init__(self, total: int, *, quiet: bool, report: IO[str] | None) -> None:
        self.total = total
        self.quiet = quiet
        self.report = report
        self.converted = 0
        self.failed = 0
        self.warned = 0
        self.progress = not quiet and total > 1 and sys.stderr.isatty()
        self._drawn = 0.0

    def _print(self, text: str) -> None:
        if self.progress:
            sys.stderr.write("\r\x1b[K")
        _say(text, err=True)

    def warning(self, label: str, message: str) -> None:
        self.warned += 1
        if not self.quiet:
            self._print(f"{label}: warning: {message}")

    def failure(self, label: str, outcome: Outcome) -> None:
        self.failed += 1
        where = [f"line {outcome.line}"] if outcome.line is not None else []
        if outcome.column is not None:
            where.append(f"column {outcome.column}")
        if outcome.path is not None:
            where.append(f"at {outcome.path}")
        suffix = f" ({', '.join(where)})" if where else ""
        self._print(f"{label}: error: {outcome.error}: {outcome.message}{suffix}")
        if self.report is not None:
            record = {
                "file": label,
                "error": outcome.error,
                "message": outcome.message,
                "line": outcome.line,
                "column": outcome.column,
                "path": outcome.path,
            }
            self.report.write(_json.dumps(record, ensure_ascii=False) + "\n")
            self.report.flush()

    def done(self, label: str, outcome: Outcome) -> None:
        for message in outcome.warnings:
            self.warning(label, message)
        if outcome.ok:
            self.converted += 1
        else:
            self.failure(label, outcome)
        self.tick()

    def tick(self, *, force: bool = False) -> None:
        if not self.progress:
            return
        now = time.monotonic()
        if force or now - self._drawn >= 0.1:  # noqa: PLR2004 - ten redraws a second at most
            self._drawn = now
            done = self.converted + self.failed
            width = 30
            filled = width * done // max(self.total, 1)
            bar = "#" * filled + "." * (width - filled)
            sys.stderr.write(f"\r[{bar}] {done}/{self.total}  failed {self.failed}")
            sys.stderr.flush()

    def summary(self) -> None:
        if self.progress:
            self.tick(force=True)
            sys.stderr.write("\n")
        if not self.quiet:
            _say(
                f"converted {self.converted}, failed {self.failed}, warnings {self.warned}",
                err=True,
            )


def _outcome_of(exc: BaseException) -> Outcome:
    return _failure(exc, ())


# --- convert ---------------------------------------------------------------------------------


def _batches(
    inputs: Sequence[_Input], size: int, reporter: _Reporter
) -> Iterator[list[tuple[_Input, bytes]]]:
    batch: list[tuple[_Input, bytes]] = []
    for item in inputs:
        try:
            data = _read(item)
        except OSError as exc:
            reporter.done(item.label, _outcome_of(exc))
            continue
        batch.append((item, data))
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _results(
    inputs: Sequence[_Input], args: argparse.Namespace, reporter: _Reporter, scratch: str | None
) -> Iterator[tuple[_Input, Outcome]]:
    """Convert the inputs, in parallel when asked, yielding results in input order."""
    jobs = args.jobs
    # Tasks small enough that the workers finish together (the last task is the only time a
    # worker may wait for another), large enough that sending them costs little: at least 16
    # tasks a worker, at most 16 files a task.
    size = max(1, min(16, len(inputs) // (jobs * 16)))
    if jobs <= 1 or len(inputs) <= size or scratch is None:
        for batch in _batches(inputs, size, reporter):
            for item, data in batch:
                yield item, convert_data(data, item.label, args.source, args.to)
        return
    on_disk = [item for item in inputs if item.path is not None]
    yield from _results([i for i in inputs if i.path is None], args, reporter, None)
    # Forked workers share the parent's objects until they write to them, and a garbage
    # collection in a worker writes to every object it visits: frozen, they are never visited,
    # so the workers neither copy the parent's memory nor spend time collecting it. A program
    # that froze objects of its own keeps them as they are.
    ours = gc.get_freeze_count() == 0
    if ours:
        gc.freeze()
    try:
        with cf.ProcessPoolExecutor(max_workers=jobs) as pool:
            window: deque[tuple[list[_Input], cf.Future[list[Outcome]]]] = deque()
            for start in range(0, len(on_disk), size):
                chunk = on_disk[start : start + size]
                paths = [item.path for item in chunk if item.path is not None]
                future = pool.submit(convert_files, paths, args.source, args.to, scratch)
                window.append((chunk, future))
                while len(window) > jobs * 4:
                    yield from _drain(*window.popleft())
            while window:
                yield from _drain(*window.popleft())
    finally:
        if ours:
            gc.unfreeze()


def _drain(
    items: list[_Input], future: cf.Future[list[Outcome]]
) -> Iterator[tuple[_Input, Outcome]]:
    try:
        outcomes = future.result()
    except Exception as exc:  # noqa: BLE001 - a worker died: report its files, keep going
        outcomes = [_outcome_of(exc)] * len(items)
    yield from zip(items, outcomes, strict=True)


def _write(path: str, outcome: Outcome, *, force: bool) -> None:
    """Write or move a result to ``path``; never replace an existing file unless forced."""
    if not outcome.file:
        with open(path, "wb" if force else "xb") as fp:
            fp.write(outcome.data)
        return
    written = outcome.file
    if force:
        os.replace(written, path)
        return
    try:
        os.link(written, path)  # fails if path exists: no check-then-write race
    except FileExistsError:
        os.unlink(written)
        raise
    except OSError:  # a file system without hard links
        if os.path.lexists(path):
            os.unlink(written)
            raise FileExistsError(path) from None
        os.replace(written, path)
        return
    os.unlink(written)


def _convert(args: argparse.Namespace) -> int:
    inputs, missing = _discover(args.sources, args.source)
    if args.message is not None:
        return _convert_to_message(inputs, missing, args)
    one = len(args.sources) == 1 and (args.sources[0] == "-" or not Path(args.sources[0]).is_dir())
    to_stdout = args.output == "-" or (args.output is None and one)
    if to_stdout and not one:
        _usage_error("writing to standard output needs exactly one input document")
    if args.output is None and not one:
        _usage_error("several input documents need an output directory: -o DIR")

    with _open_report(args.report) as report:
        reporter = _Reporter(len(inputs) + len(missing), quiet=args.quiet, report=report)
        for source in missing:
            reporter.done(source, _outcome_of(FileNotFoundError(f"no such file: {source}")))
        namer = None
        if not to_stdout:
            extension = FORMATS[args.to]
            namer = _Namer(Path(args.output), extension, by_slug=args.name == "slug")
        messages = [i for i in inputs if _message_input(i, args)]
        skip = set(messages)
        plain = [i for i in inputs if i not in skip]
        for item in messages:
            _split_message(item, namer, args, reporter)
        with _scratch(namer) as scratch:
            for item, outcome in _results(plain, args, reporter, scratch):
                if outcome.ok:
                    outcome = _deliver(item, outcome, namer, force=args.force)  # noqa: PLW2901
                reporter.done(item.label, outcome)
        reporter.summary()
        return 1 if reporter.failed else 0


@contextlib.contextmanager
def _scratch(namer: _Namer | None) -> Iterator[str | None]:
    """A hidden folder in the output folder for the workers' results, removed at the end."""
    if namer is None:
        yield None
        return
    namer.root.mkdir(parents=True, exist_ok=True)
    folder = tempfile.mkdtemp(prefix=".newsmodel-", dir=namer.root)
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _deliver(item: _Input, outcome: Outcome, namer: _Namer | None, *, force: bool) -> Outcome:
    if namer is None:
        sys.stdout.buffer.write(outcome.data)
        sys.stdout.buffer.flush()
        return outcome
    path = namer(item, outcome.slug)
    try:
        namer.make_parent(path)
        _write(path, outcome, force=force)
    except FileExistsError:
        message = f"{path} exists (use --force to overwrite)"
        return outcome._replace(error="FileExistsError", message=message)
    except OSError as exc:
        return outcome._replace(error=type(exc).__name__, message=str(exc))
    return outcome


class _NullReport:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        return None


def _open_report(path: str | None) -> Any:  # noqa: ANN401 - a context manager of IO[str] | None
    if path is None:
        return _NullReport()
    try:
        return Path(path).open("w", encoding="utf-8")
    except OSError as exc:
        _usage_error(f"cannot write the report {path}: {exc}")
        raise  # pragma: no cover - _usage_error exits


def _message_input(item: _Input, args: argparse.Namespace) -> bool:
    """Whether an input is a NewsML-G2 newsMessage to be split into one file per item."""
    if item.path is None or args.source not in (None, "newsml"):
        return False
    if args.source is None and _EXTENSIONS.get(os.path.splitext(item.path)[1].lower()) != "newsml":
        return False
    try:
        with open(item.path, "rb") as fp:
            head = fp.read(_SNIFF)
    except OSError:
        return False
    return _is_message(head)


def _split_message(
    item: _Input, namer: _Namer | None, args: argparse.Namespace, reporter: _Reporter
) -> None:
    """Stream a newsMessage item by item into one output document per article."""
    newsml = _modules()["newsml"]
    assert item.path is not None  # noqa: S101 - _message_input checked it
    try:
        with open(item.path, "rb") as fp, warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            for n, article in enumerate(newsml.iter_articles(fp), 1):
                label = f"{item.label}#{n}"
                sub = _Input(item.path, f"{item.relative}/{article.slug}", label)
                found = tuple(str(w.message) for w in caught)
                caught.clear()
                try:
                    data = _dumps(article, args.to)
                except Exception as exc:  # noqa: BLE001 - keep going past a bad item
                    reporter.done(label, _failure(exc, found))
                    continue
                outcome = Outcome(data, "", found)
                reporter.done(label, _deliver(sub, outcome, namer, force=args.force))
    except Exception as exc:  # noqa: BLE001 - a broken message is one failure
        reporter.done(item.label, _outcome_of(exc))


def _articles(
    inputs: Iterable[_Input], source: str | None, reporter: _Reporter
) -> Iterator[Article]:
    """Read the inputs one by one, reporting the ones that fail."""
    for item in inputs:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                data = _read(item)
                article = _modules()[source or detect_format(data, item.label)].loads(data)
            except Exception as exc:  # noqa: BLE001 - keep going past a bad file
                reporter.done(item.label, _failure(exc, tuple(str(w.message) for w in caught)))
                continue
        reporter.done(item.label, Outcome(b"", article.slug, tuple(str(w.message) for w in caught)))
        yield article


def _convert_to_message(inputs: list[_Input], missing: list[str], args: argparse.Namespace) -> int:
    """Stream every input into one newsMessage, holding one article at a time."""
    if args.to != "newsml":
        _usage_error("--message writes a NewsML-G2 newsMessage: use it with --to newsml")
    newsml = _modules()["newsml"]
    out = Path(args.message)
    with _open_report(args.report) as report:
        reporter = _Reporter(len(inputs) + len(missing), quiet=args.quiet, report=report)
        for source in missing:
            reporter.done(source, _outcome_of(FileNotFoundError(f"no such file: {source}")))
        try:
            articles = _articles(inputs, args.source, reporter)
            if args.message == "-":
                newsml.dump_message(articles, sys.stdout.buffer, now=NEWSML_UNDATED)
            else:
                out.parent.mkdir(parents=True, exist_ok=True)
                with out.open("wb" if args.force else "xb") as fp:
                    newsml.dump_message(articles, fp, now=NEWSML_UNDATED)
        except FileExistsError:
            reporter.failure(
                str(out),
                Outcome(b"", "", (), "FileExistsError", f"{out} exists (use --force to overwrite)"),
            )
        reporter.summary()
        return 1 if reporter.failed else 0


# --- validate ------------------------------------------------------------------------------


def _problems(data: bytes, fmt: str) -> list[ParseError | SchemaProblem | str]:
    """Check one document; the problems found (errors, or warnings as plain strings).

    NewsML-G2 is checked against its schema first, then every format against the model.
    """
    module = _modules()[fmt]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        problems: list[ParseError | SchemaProblem | str] = []
        try:
            if fmt == "newsml":
                problems.extend(module.validate(data))
            if not problems:
                module.loads(data)
        except ParseError as exc:
            problems.append(exc)
    problems.extend(str(w.message) for w in caught)
    return problems


def _describe(label: str, problem: ParseError | SchemaProblem | Outcome | str) -> str:
    if isinstance(problem, str):
        return f"{label}: warning: {problem}"
    line = getattr(problem, "line", None)
    column = getattr(problem, "column", None)
    message = getattr(problem, "message", str(problem))
    where = "".join(f":{n}" for n in (line, column) if n is not None)
    path = getattr(problem, "path", None)
    at = f" (at {path})" if path else ""
    return f"{label}{where}: error: {message}{at}"


def _validate(args: argparse.Namespace) -> int:
    inputs, missing = _discover(args.files, args.source)
    valid = invalid = 0
    for source in missing:
        _say(f"{source}: error: no such file", err=True)
        invalid += 1
    for item in inputs:
        try:
            data = _read(item)
            problems = _problems(data, args.source or detect_format(data, item.label))
        except OSError as exc:
            problems = [ParseError("file", str(exc))]
        errors = [p for p in problems if not isinstance(p, str)]
        for problem in problems:
            if errors or not args.quiet:
                _say(_describe(item.label, problem), err=bool(errors))
        if errors:
            invalid += 1
        else:
            valid += 1
            if not args.quiet:
                _say(f"{item.label}: valid")
    if not args.quiet:
        _say(f"valid {valid}, invalid {invalid}", err=True)
    return 1 if invalid else 0


# --- show ----------------------------------------------------------------------------------


def _date(value: datetime | date) -> str:
    return format_date(value, "datetime_long" if isinstance(value, datetime) else "long")


def summary(article: Article) -> str:
    """A readable summary of an article: headline, dates in Russian, credits, sections.

    >>> from newsmodel import Article, Section
    >>> _say(summary(Article(headline="Заголовок", sections=[Section("Итоги", ["Абзац."])])))
    Заголовок
    <BLANKLINE>
    Sections:
      1. Итоги — 1 paragraph
    """
    lines = [article.headline]
    masthead = " · ".join(x for x in (article.site, " / ".join(article.rubrics)) if x)
    if masthead:
        lines.append(masthead)
    if article.published is not None:
        lines.append(f"Published: {_date(article.published)}")
    if article.updated is not None and article.updated != article.published:
        lines.append(f"Updated:   {_date(article.updated)}")
    if article.lede:
        lines += ["", article.lede]
    lines += _credits_and_sections(article)
    lines += _keywords(article)
    return "\n".join(lines)


def _credits_and_sections(article: Article) -> list[str]:
    lines: list[str] = []
    if article.attributions:
        lines += ["", "Attributions:"]
        for a in article.attributions:
            phrase = f" ({a.phrase})" if a.phrase else ""
            lines.append(f"  {a.role.value}: {a.name}{phrase}")
    if article.sections:
        lines += ["", "Sections:"]
        for n, section in enumerate(article.sections, 1):
            heading = section.heading or "(no subheading)"
            lines.append(f"  {n}. {heading} — {_count_blocks(section.blocks)}")
    return lines


def _keywords(article: Article) -> list[str]:
    lines = []
    subjects = tuple(s.code + (f" {s.label}" if s.label else "") for s in article.subjects)
    for label, values in (("Tags", article.tags), ("Subjects", subjects)):
        if values:
            lines.append(f"{label}: {'; '.join(values)}")
    if article.url:
        lines.append(f"URL: {article.url}")
    return lines


def _count_blocks(blocks: Iterable[object]) -> str:
    names = {"Paragraph": "paragraph", "Quote": "quote", "ItemList": "list", "Figure": "figure"}
    counts: dict[str, int] = {}
    for block in blocks:
        name = names[type(block).__name__]
        counts[name] = counts.get(name, 0) + 1
    parts = [f"{n} {name}{'' if n == 1 else 's'}" for name, n in counts.items()]
    return ", ".join(parts) or "empty"


def _show(args: argparse.Namespace) -> int:
    inputs, missing = _discover([args.file], args.source)
    if missing or len(inputs) != 1:
        _say(f"{args.file}: error: not a file", err=True)
        return 1
    item = inputs[0]
    try:
        data = _read(item)
        article = _modules()[args.source or detect_format(data, item.label)].loads(data)
    except (OSError, ValueError) as exc:
        _say(_describe(item.label, _failure(exc, ())), err=True)
        return 1
    _say(summary(article))
    return 0


# --- the parser ----------------------------------------------------------------------------


def _say(text: str, *, err: bool = False) -> None:
    stream = sys.stderr if err else sys.stdout
    stream.write(text + "\n")


def _usage_error(message: str) -> None:
    _say(f"newsmodel: error: {message}", err=True)
    raise SystemExit(2)


def _jobs(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        msg = f"not a number: {value!r}"
        raise argparse.ArgumentTypeError(msg) from None
    if n < 1:
        msg = "must be 1 or more"
        raise argparse.ArgumentTypeError(msg)
    return n


def _cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


def _build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``newsmodel`` command.

    >>> _build_parser().prog
    'newsmodel'
    """
    formats = sorted(FORMATS)
    parser = argparse.ArgumentParser(
        prog="newsmodel",
        description="Convert, validate and show news articles "
        "(HTML, NewsML-G2, JSON and plain text).",
    )
    parser.add_argument("--version", action="version", version=f"newsmodel {newsmodel.__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    convert = commands.add_parser(
        "convert",
        help="convert articles from one format to another",
        description="Convert files, directories (recursively) or standard input (-). "
        "Outputs are named from the article's slug (or the input's name with --name stem) "
        "with the format's extension, and an existing file is never overwritten without "
        "--force.",
    )
    convert.add_argument("sources", nargs="+", metavar="SRC", help="file, directory or -")
    convert.add_argument("--to", required=True, choices=formats, help="output format")
    convert.add_argument(
        "--from", dest="source", choices=formats, help="input format (default: detected)"
    )
    convert.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="output directory, or - for standard output "
        "(default: standard output for one input document)",
    )
    convert.add_argument(
        "--name",
        choices=["slug", "stem"],
        default="slug",
        help="name outputs from the article's slug (default) or the input file's name",
    )
    convert.add_argument(
        "-j",
        "--jobs",
        type=_jobs,
        default=_cpu_count(),
        metavar="N",
        help="worker processes (default: the number of CPUs)",
    )
    convert.add_argument(
        "-q", "--quiet", action="store_true", help="no progress, warnings or summary"
    )
    convert.add_argument("--report", metavar="FILE", help="write each failure as a JSON line")
    convert.add_argument("--force", action="store_true", help="overwrite existing files")
    convert.add_argument(
        "--message",
        metavar="OUT.xml",
        help="with --to newsml: stream every input into one newsMessage",
    )

    validate = commands.add_parser(
        "validate",
        help="check documents: NewsML-G2 against the schema, others against the model",
    )
    validate.add_argument("files", nargs="+", metavar="FILE", help="file, directory or -")
    validate.add_argument(
        "--from", dest="source", choices=formats, help="input format (default: detected)"
    )
    validate.add_argument("-q", "--quiet", action="store_true", help="print only problems")

    show = commands.add_parser("show", help="print a readable summary of an article")
    show.add_argument("file", metavar="FILE", help="file or -")
    show.add_argument(
        "--from", dest="source", choices=formats, help="input format (default: detected)"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``newsmodel`` command; returns the exit status.

    0 when everything worked, 1 when a document failed, 2 for a usage error.

    >>> main(["show", "no-such-file.json"])
    1
    """
    parser = _build_parser()
    handlers = {"convert": _convert, "validate": _validate, "show": _show}
    try:
        args = parser.parse_args(argv)
        if args.command is None:
            parser.print_help()
            return 2
        return handlers[args.command](args)
    except SystemExit as exc:
        return int(exc.code or 0)
    except KeyboardInterrupt:
        _say("newsmodel: interrupted", err=True)
        return 130
    except BrokenPipeError:
        # The reader of our standard output went away (`| head`): not an error of ours.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
