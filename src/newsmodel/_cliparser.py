"""The ``newsmodel`` command's arguments: its commands and their options, and nothing else."""

from __future__ import annotations

import argparse
import os

from newsmodel import __version__, batch

__all__ = ["build_parser"]


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


def _add_convert(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], formats: list[str]
) -> None:
    """The ``convert`` command and its options."""
    convert = commands.add_parser(
        "convert",
        help="convert articles from one format to another",
        description="Convert files, directories (recursively) or standard input (-). "
        "Outputs are named from the article's slug (or the input's name with --name stem) "
        "with the format's extension, and an existing file is never overwritten without "
        "--force. An article whose embargo has not passed is not written in a format "
        "that publishes without --force-embargo.",
    )
    convert.add_argument("sources", nargs="+", metavar="SRC", help="file, directory or -")
    convert.add_argument("--to", required=True, choices=formats, help="output format")
    convert.add_argument(
        "--from",
        dest="source",
        choices=[*formats, "feed"],
        help="input format (default: detected); feed: one article per RSS or Atom entry",
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
        "--force-embargo",
        action="store_true",
        help="write articles whose embargo has not passed in formats that publish "
        f"({', '.join(sorted(batch.PUBLISHING))})",
    )
    convert.add_argument(
        "--message",
        metavar="OUT.xml",
        help="with --to newsml: stream every input into one newsMessage",
    )


def _add_feed(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """The ``feed`` command and its options."""
    feeds = ("rss", "atom", "dzen", "yandex", "sitemap", "jsonfeed")
    feed = commands.add_parser(
        "feed",
        help="write a feed (RSS, Atom, Dzen, Yandex News, sitemap, JSON Feed) of articles",
        description="Read articles from files and directories in any format and write one "
        "feed of them, to standard output or -o FILE. With --format sitemap and more than "
        "1,000 articles, FILE is a sitemap index and the sitemaps are written beside it. "
        "An embargoed article is left out, with a warning, unless --include-embargoed.",
    )
    feed.add_argument("sources", nargs="+", metavar="SRC", help="file, directory or -")
    feed.add_argument("--format", required=True, choices=feeds, help="the feed to write")
    feed.add_argument("--site-title", required=True, metavar="T", help="the site's name")
    feed.add_argument("--site-url", required=True, metavar="URL", help="the site's home page")
    feed.add_argument("--language", default="ru", help="the feed's language (default: ru)")
    feed.add_argument("-o", "--output", metavar="FILE", help="output file (default: stdout)")
    feed.add_argument(
        "--include-embargoed",
        action="store_true",
        help="list articles whose embargo still holds (default: left out, with a warning)",
    )
    feed.add_argument("-q", "--quiet", action="store_true", help="no progress or warnings")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``newsmodel`` command.

    >>> build_parser().prog
    'newsmodel'
    """
    formats = sorted(batch.FORMATS)
    parser = argparse.ArgumentParser(
        prog="newsmodel",
        description="Convert, validate and show news articles "
        "(HTML, NewsML-G2, JSON and plain text).",
    )
    parser.add_argument("--version", action="version", version=f"newsmodel {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    _add_convert(commands, formats)
    _add_feed(commands)

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
