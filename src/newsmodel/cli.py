r"""The ``newsmodel`` command line: convert, validate and show articles, and write feeds.

A thin layer over :mod:`newsmodel.batch` and the format modules, on the standard library
alone: it parses the arguments, draws progress, prints what happened and sets the exit
status. The format modules are imported when the first document is read, so that
``newsmodel --version`` and ``--help`` answer without loading lxml.

Everything it prints that comes from a file (names, messages, an article's text) is escaped
for the terminal: control characters, escape sequences and bidi overrides are printed as
``\x1b``, ``\u202e``... and never reach the terminal as they are.

>>> main(["--version"])  # doctest: +ELLIPSIS
newsmodel ...
0
"""

from __future__ import annotations

import contextlib
import importlib
import io
import json as _json
import os
import re
import sys
import time
import traceback
import warnings
from datetime import date, datetime
from pathlib import Path
from typing import IO, TYPE_CHECKING

from newsmodel import batch
from newsmodel._cliparser import build_parser
from newsmodel._pool import WorkerError
from newsmodel.dates import format_date
from newsmodel.errors import NewsmodelError, ParseError

if TYPE_CHECKING:
    import argparse
    from collections.abc import Iterable, Iterator, Sequence

    from newsmodel._models import Article
    from newsmodel.newsml import SchemaProblem

__all__ = ["main", "summary"]

#: Exit status when newsmodel itself failed (a bug, not a bad document): sysexits' EX_SOFTWARE.
_BUG = 70
#: The root of a NewsML 1.2 document, which is checked by reading it (no schema ships for it).
_NEWSML_12 = re.compile(rb"<(?:[\w.-]+:)?NewsML\b")


def _escapes() -> dict[int, str]:
    r"""How characters a terminal would act on are printed: as Python writes them in a string.

    C0 and C1 controls and DEL (among them ESC, which starts every escape sequence), line and
    paragraph separators, bidi embeddings, overrides and isolates (which reverse or hide text),
    and lone surrogates (which cannot be written at all).
    """
    table = {c: f"\\x{c:02x}" for c in (*range(0x20), 0x7F, *range(0x80, 0xA0))}
    table.update({ord("\t"): "\\t", ord("\n"): "\\n", ord("\r"): "\\r"})
    others = (0x2028, 0x2029, *range(0x202A, 0x202F), *range(0x2066, 0x206A))
    table.update({c: f"\\u{c:04x}" for c in (*others, *range(0xD800, 0xE000))})
    return table


_TERMINAL = _escapes()
# In a JSON line: what json.dumps leaves as it is but a terminal would act on.
_JSON = {c: f"\\u{c:04x}" for c, escape in _TERMINAL.items() if escape.startswith("\\u")}
_JSON.update({c: f"\\u{c:04x}" for c in (0x7F, *range(0x80, 0xA0))})


def _safe(text: object) -> str:
    r"""Text from a file, made safe to print on a terminal: one line, nothing it acts on.

    >>> print(_safe("\x1b]0;title\x07 \u202eabc\n"))
    \x1b]0;title\x07 \u202eabc\n
    """
    return str(text).translate(_TERMINAL)


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

    def failure(self, outcome: batch.Outcome) -> None:
        self.failed += 1
        where = [f"line {outcome.line}"] if outcome.line is not None else []
        if outcome.column is not None:
            where.append(f"column {outcome.column}")
        if outcome.path is not None:
            where.append(f"at {_safe(outcome.path)}")
        suffix = f" ({', '.join(where)})" if where else ""
        message = _safe(outcome.message)
        if outcome.error == "FileExistsError":
            message += " (use --force to overwrite)"
        elif outcome.error == "WriteError" and ": cannot write embargo:" in outcome.message:
            message += " (use --force-embargo to publish it anyway)"
        self._print(f"{_safe(outcome.name)}: error: {outcome.error}: {message}{suffix}")
        if self.report is not None:
            record = {
                "file": outcome.name,
                "error": outcome.error,
                "message": outcome.message,
                "line": outcome.line,
                "column": outcome.column,
                "path": outcome.path,
            }
            self.report.write(_json.dumps(record, ensure_ascii=False).translate(_JSON) + "\n")
            self.report.flush()

    def done(self, outcome: batch.Outcome) -> None:
        for message in outcome.warnings:
            self.warned += 1
            if not self.quiet:
                self._print(f"{_safe(outcome.name)}: warning: {_safe(message)}")
        if outcome.ok:
            self.converted += 1
        else:
            self.failure(outcome)
        self.tick()

    def tick(self, *, force: bool = False) -> None:
        if not self.progress:
            return
        now = time.monotonic()
        if force or now - self._drawn >= 0.1:  # noqa: PLR2004 - ten redraws a second at most
            self._drawn = now
            done = self.converted + self.failed
            width = 30
            filled = width * min(done, self.total) // max(self.total, 1)
            bar = "#" * filled + "." * (width - filled)
            sys.stderr.write(f"\r[{bar}] {done}/{self.total}  failed {self.failed}")
            sys.stderr.flush()

    def summary(self) -> None:
        if self.progress:
            self.tick(force=True)
            sys.stderr.write("\n")
        if not self.quiet:
            message = f"converted {self.converted}, failed {self.failed}, warnings {self.warned}"
            _say(message, err=True)


@contextlib.contextmanager
def _open_report(path: str | None) -> Iterator[IO[str] | None]:
    if path is None:
        yield None
        return
    try:
        fp = Path(path).open("w", encoding="utf-8")  # noqa: SIM115 - closed below
    except OSError as exc:
        _usage_error(f"cannot write the report {_safe(path)}: {_safe(exc)}")
    with fp:
        yield fp


# --- convert ---------------------------------------------------------------------------------


def _inputs(sources: Sequence[str], fmt: str | None) -> list[batch.Input]:
    """The input documents; standard input (``-``) is read here, once."""
    stdin = None
    found: list[batch.Input] = []
    for source in sources:
        if source != "-":
            found += batch.find_inputs([source], source=fmt)
            continue
        if stdin is None:
            data = io.BytesIO(sys.stdin.buffer.read())
            stdin = batch.Input(name="<stdin>", relative="stdin", stream=data)
        found.append(stdin)
    return found


def _convert(args: argparse.Namespace) -> int:
    if args.message is not None:
        if args.to != "newsml":
            _usage_error("--message writes a NewsML-G2 newsMessage: use it with --to newsml")
        return _convert_to_message(_inputs(args.sources, args.source), args)
    one = len(args.sources) == 1 and (args.sources[0] == "-" or not Path(args.sources[0]).is_dir())
    to_stdout = args.output == "-" or (args.output is None and one)
    if to_stdout and not one:
        _usage_error("writing to standard output needs exactly one input document")
    if args.output is None and not one:
        _usage_error("several input documents need an output directory: -o DIR")
    inputs = _inputs(args.sources, args.source)  # after the usage checks: it reads stdin
    with _open_report(args.report) as report:
        reporter = _Reporter(len(inputs), quiet=args.quiet, report=report)
        outcomes = batch.convert_files(
            inputs,
            to=args.to,
            output=None if to_stdout else args.output,
            source=args.source,
            name_by=args.name,
            force=args.force,
            force_embargo=args.force_embargo,
            jobs=args.jobs,
        )
        for outcome in outcomes:
            if to_stdout and outcome.ok:
                sys.stdout.buffer.write(outcome.data)
                sys.stdout.buffer.flush()
            reporter.done(outcome)
        reporter.summary()
        return 1 if reporter.failed else 0


def _convert_to_message(inputs: list[batch.Input], args: argparse.Namespace) -> int:
    """Stream every input into one newsMessage, holding one article at a time."""
    newsml = importlib.import_module("newsmodel.newsml")
    with _open_report(args.report) as report:
        reporter = _Reporter(len(inputs), quiet=args.quiet, report=report)

        def articles() -> Iterator[Article]:
            for outcome, article in batch.read_files(inputs, source=args.source):
                reporter.done(outcome)
                if article is not None:
                    yield article

        out = Path(args.message)
        try:
            if args.message == "-":
                newsml.dump_message(articles(), sys.stdout.buffer, now=batch.NEWSML_UNDATED)
            else:
                out.parent.mkdir(parents=True, exist_ok=True)
                with out.open("wb" if args.force else "xb") as fp:
                    newsml.dump_message(articles(), fp, now=batch.NEWSML_UNDATED)
        except FileExistsError:
            failed = batch.Outcome(name=str(out), error="FileExistsError", message=f"{out} exists")
            reporter.failure(failed)
        except (NewsmodelError, OSError) as exc:
            reporter.failure(
                batch.Outcome(name=str(out), error=type(exc).__name__, message=str(exc))
            )
        reporter.summary()
        return 1 if reporter.failed else 0


# --- feed ----------------------------------------------------------------------------------


def _feed(args: argparse.Namespace) -> int:
    """Write one feed of every article read from the inputs, holding one article at a time."""
    feed = importlib.import_module("newsmodel.feed")
    try:
        channel = feed.Channel(title=args.site_title, link=args.site_url, language=args.language)
    except NewsmodelError as exc:
        _usage_error(str(exc))
    inputs = _inputs(args.sources, None)
    reporter = _Reporter(len(inputs), quiet=args.quiet, report=None)

    def articles() -> Iterator[Article]:
        for outcome, article in batch.read_files(inputs):
            reporter.done(outcome)
            if article is not None:
                yield article

    name = str(args.output or "<stdout>")
    embargoed = args.include_embargoed
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            if args.output is None or args.output == "-":
                out = sys.stdout.buffer
                feed.dump(
                    articles(),
                    out,
                    channel=channel,
                    format=args.format,
                    include_embargoed=embargoed,
                )
            elif args.format == "sitemap":
                path = Path(args.output)
                feed.write_sitemaps(articles(), path, channel=channel, include_embargoed=embargoed)
            else:
                with Path(args.output).open("wb") as fp:
                    feed.dump(
                        articles(),
                        fp,
                        channel=channel,
                        format=args.format,
                        include_embargoed=embargoed,
                    )
        except (NewsmodelError, OSError) as exc:
            reporter.failure(batch.Outcome(name=name, error=type(exc).__name__, message=str(exc)))
    messages = tuple(str(warning.message) for warning in caught)
    if messages:
        reporter.done(batch.Outcome(name=args.format, warnings=messages))
        reporter.converted -= 1  # a report of the feed's warnings, not one more document
    reporter.summary()
    return 1 if reporter.failed else 0


# --- validate ------------------------------------------------------------------------------


def _problems(
    item: batch.Input, fmt: str | None
) -> list[ParseError | SchemaProblem | batch.Outcome | str]:
    """Check one document; the problems found (errors, or warnings as plain strings).

    NewsML-G2, NITF and ninjs are checked against their schemas first, then every format
    against the model; a newsMessage (or a NewsML 1.2 document, which has no schema in the
    package) and a ninjs response item by item.
    """
    data = item.read()
    fmt = fmt or batch.detect_format(data, name=item.name)
    if fmt == "nitf" or (fmt == "newsml" and _NEWSML_12.search(data[:4096]) is None):
        schema = importlib.import_module(f"newsmodel.{fmt}").validate(data)
        if schema:
            return list(schema)
    problems: list[ParseError | SchemaProblem | batch.Outcome | str] = []
    if fmt == "ninjs":
        problems += _schema_problems(fmt, data)
        if any(not isinstance(p, str) for p in problems):
            return problems
    if fmt == "ninjs":
        return problems + _ninjs_problems(data)
    document = batch.Input(name=item.name, relative=item.relative, stream=io.BytesIO(data))
    for outcome, _ in batch.read_files([document], source=fmt):
        problems += outcome.warnings
        if not outcome.ok:
            problems.append(outcome)
    return problems


def _schema_problems(fmt: str, data: bytes) -> list[SchemaProblem | str]:
    module = importlib.import_module(f"newsmodel.{fmt}")
    try:
        found: list[SchemaProblem] = module.validate(data)
    except ModuleNotFoundError:  # ninjs: jsonschema is an optional dependency
        return ["not checked against its schema: pip install 'pynewsmodel[validate]'"]
    # A ninjs 1.x item has no schema: a warning, and the item is still read.
    no_schema = getattr(module, "NO_SCHEMA", None)
    return [p.message if no_schema and no_schema in p.message else p for p in found]


def _ninjs_problems(data: bytes) -> list[ParseError | SchemaProblem | batch.Outcome | str]:
    """Read every item of a ninjs document; the warnings and the error that stopped it."""
    ninjs = importlib.import_module("newsmodel.ninjs")
    problems: list[ParseError | SchemaProblem | batch.Outcome | str] = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            for _ in ninjs.iter_articles(data):
                pass
        except ParseError as exc:
            problems.append(exc)
    return [*(str(w.message) for w in caught), *problems]


def _describe(label: str, problem: ParseError | SchemaProblem | batch.Outcome | str) -> str:
    if isinstance(problem, str):
        return f"{_safe(label)}: warning: {_safe(problem)}"
    if isinstance(problem, batch.Outcome):
        label = problem.name
    line = getattr(problem, "line", None)
    column = getattr(problem, "column", None)
    message = getattr(problem, "message", str(problem))
    where = "".join(f":{n}" for n in (line, column) if n is not None)
    path = getattr(problem, "path", None)
    at = f" (at {_safe(path)})" if path else ""
    return f"{_safe(label)}{where}: error: {_safe(message)}{at}"


def _validate(args: argparse.Namespace) -> int:
    valid = invalid = 0
    for item in _inputs(args.files, args.source):
        try:
            problems = _problems(item, args.source)
        except OSError as exc:
            problems = [batch.Outcome(name=item.name, error=type(exc).__name__, message=str(exc))]
        errors = [p for p in problems if not isinstance(p, str)]
        for problem in problems:
            if errors or not args.quiet:
                _say(_describe(item.name, problem), err=bool(errors))
        if errors:
            invalid += 1
        else:
            valid += 1
            if not args.quiet:
                _say(f"{_safe(item.name)}: valid")
    if not args.quiet:
        _say(f"valid {valid}, invalid {invalid}", err=True)
    return 1 if invalid else 0


# --- show ----------------------------------------------------------------------------------


def _date(value: datetime | date) -> str:
    return format_date(value, "datetime_long" if isinstance(value, datetime) else "long")


def summary(article: Article) -> str:
    r"""A readable summary of an article: headline, dates in Russian, credits, sections.

    The article's text is escaped for a terminal: control characters and bidi overrides are
    printed as ``\x1b``, ``\u202e``...

    >>> from newsmodel import Article, Section
    >>> print(summary(Article(headline="Заголовок", sections=[Section("Итоги", ["Абзац."])])))
    Заголовок
    <BLANKLINE>
    Sections:
      1. Итоги — 1 paragraph
    """
    lines = [_safe(article.headline)]
    masthead = " · ".join(_safe(x) for x in (article.site, " / ".join(article.rubrics)) if x)
    if masthead:
        lines.append(masthead)
    if article.published is not None:
        lines.append(f"Published: {_date(article.published)}")
    if article.updated is not None and article.updated != article.published:
        lines.append(f"Updated:   {_date(article.updated)}")
    if article.lede:
        lines += ["", _safe(article.lede)]
    lines += _credits_and_sections(article)
    lines += _keywords(article)
    return "\n".join(lines)


def _credits_and_sections(article: Article) -> list[str]:
    lines: list[str] = []
    if article.attributions:
        lines += ["", "Attributions:"]
        for a in article.attributions:
            phrase = f" ({_safe(a.phrase)})" if a.phrase else ""
            lines.append(f"  {a.role.value}: {_safe(a.name)}{phrase}")
    if article.sections:
        lines += ["", "Sections:"]
        for n, section in enumerate(article.sections, 1):
            heading = _safe(section.heading) if section.heading else "(no subheading)"
            lines.append(f"  {n}. {heading} — {_count_blocks(section.blocks)}")
    return lines


def _keywords(article: Article) -> list[str]:
    lines = []
    subjects = tuple(s.code + (f" {s.label}" if s.label else "") for s in article.subjects)
    for label, values in (("Tags", article.tags), ("Subjects", subjects)):
        if values:
            lines.append(f"{label}: {'; '.join(_safe(value) for value in values)}")
    if article.url:
        lines.append(f"URL: {_safe(article.url)}")
    return lines


def _count_blocks(blocks: Iterable[object]) -> str:
    names = {"Paragraph": "paragraph", "Quote": "quote", "ItemList": "list", "Figure": "figure"}
    counts: dict[str, int] = {}
    for block in blocks:
        kind = type(block).__name__
        name = names.get(kind, kind.lower())
        counts[name] = counts.get(name, 0) + 1
    parts = [f"{n} {name}{'' if n == 1 else 's'}" for name, n in counts.items()]
    return ", ".join(parts) or "empty"


def _show(args: argparse.Namespace) -> int:
    if args.file != "-" and Path(args.file).is_dir():
        _say(f"{_safe(args.file)}: error: a folder, not a file", err=True)
        return 1
    status, first = 0, True
    for outcome, article in batch.read_files(_inputs([args.file], args.source), source=args.source):
        for message in outcome.warnings:
            _say(_describe(outcome.name, message), err=True)
        if article is None:
            _say(_describe(outcome.name, outcome), err=True)
            status = 1
            continue
        _say(("" if first else "\n") + summary(article))
        first = False
    return status


# --- the parser ----------------------------------------------------------------------------


def _say(text: str, *, err: bool = False) -> None:
    stream = sys.stderr if err else sys.stdout
    stream.write(text + "\n")


def _usage_error(message: str) -> None:
    _say(f"newsmodel: error: {message}", err=True)
    raise SystemExit(2)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``newsmodel`` command; returns the exit status.

    0 when everything worked, 1 when a document failed, 2 for a usage error, 70 when
    newsmodel itself failed (a bug: the traceback is printed, and the batch stops; or a worker
    process was killed).

    >>> main(["show", "no-such-file.json"])
    1
    """
    parser = build_parser()
    handlers = {"convert": _convert, "feed": _feed, "validate": _validate, "show": _show}
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
    except Exception as exc:  # noqa: BLE001 - not a bad document: say what it is
        _stopped(exc)
        return _BUG


def _stopped(exc: Exception) -> None:
    """Say why the command stopped: a worker process killed, or a bug in newsmodel."""
    if isinstance(exc, WorkerError):
        # Killed from outside (out of memory, a signal): neither a bad document nor a bug.
        _say(f"newsmodel: error: {exc}; the batch stopped", err=True)
        return
    traceback.print_exception(exc)
    _say(
        "newsmodel: internal error: a bug in newsmodel, not a problem of the input; "
        "please report it with the traceback above",
        err=True,
    )
