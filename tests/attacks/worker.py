"""Run attack cases in a separate process, with a time budget and a memory cap.

An attack that hangs or eats memory must fail its test, not the test run: each case runs in a
long-lived worker process (started with ``spawn``, so no state leaks in from the test process);
a case that overruns its budget gets the worker killed and a fresh one started for the next.
The worker answers with a plain summary (what the reader returned or raised) and checks what
every writer made of the article itself: only the findings cross the pipe, not the outputs, which
for a large input are many megabytes each.
"""

from __future__ import annotations

import contextlib
import importlib
import inspect
import io
import multiprocessing
import signal
import time
import traceback
import warnings
from typing import Any

#: The CPU seconds a case may use unless it says otherwise.
DEFAULT_SECONDS = 10
#: How many times its CPU budget a case may take on the wall clock before the worker is ended:
#: only a case that waits (a reader blocked on a named pipe) should ever reach it, since a
#: busy machine slows the wall clock, not the CPU time a case uses.
WALL_CLOCK_FACTOR = 6

#: Address-space cap of the worker, in bytes: a bomb that expands fails with MemoryError
#: instead of taking the machine down. A 50 MB input and its decoded text fit well inside.
MEMORY_LIMIT = 3 * 1024**3

FORMATS = ("json", "text", "html", "newsml", "ninjs", "nitf")
#: The feeds newsmodel.feed writes: each is written (as ``feed-<name>``) for every article read.
FEEDS = ("rss", "atom", "dzen", "yandex", "sitemap", "jsonfeed")


def available_formats() -> list[str]:
    """The format modules this installation has."""
    found = []
    for name in FORMATS:
        try:
            importlib.import_module(f"newsmodel.{name}")
        except ImportError:
            continue
        found.append(name)
    return found


def available_readers() -> list[str]:
    """The readers the attack suite can run: the formats, and feeds when feedparser is here."""
    found = available_formats()
    try:
        importlib.import_module("newsmodel.feed")
        importlib.import_module("feedparser")
    except ImportError:
        return found
    return [*found, "feed"]


def _limit_memory() -> None:
    try:
        import resource  # noqa: PLC0415 - POSIX only
    except ImportError:  # pragma: no cover - Windows
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    cap = MEMORY_LIMIT if hard == resource.RLIM_INFINITY else min(MEMORY_LIMIT, hard)
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    del soft


def _limit_cpu(seconds: float) -> None:
    """Give the next case ``seconds`` of CPU time: past them the kernel ends the worker.

    The limit counts the CPU time the process has used, so it is set from what it has used so
    far; a case that overruns gets SIGXCPU, which ends the worker, and the test reports it.
    """
    try:
        import resource  # noqa: PLC0415 - POSIX only
    except ImportError:  # pragma: no cover - Windows: the wall-clock guard alone
        return
    usage = resource.getrusage(resource.RUSAGE_SELF)
    used = usage.ru_utime + usage.ru_stime
    _, hard = resource.getrlimit(resource.RLIMIT_CPU)
    soft = int(used + seconds) + 1
    if hard != resource.RLIM_INFINITY:
        soft = min(soft, hard)
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_CPU, (soft, hard))


def build_input(case: dict[str, Any], substitutions: dict[str, str]) -> bytes | str:
    """The bytes (or text) of a case: its file, or what its generator makes."""
    from attacks import generate  # noqa: PLC0415 - imported in the worker

    if "generate" in case:
        args = dict(case.get("args", {}))
        function = getattr(generate, case["generate"])
        if (
            case.get("template", False)
            and "substitutions" in inspect.signature(function).parameters
        ):
            args["substitutions"] = substitutions  # the generator places them in its encoding
        data: bytes | str = function(**args)
    else:
        data = (generate.HERE / case["file"]).read_bytes()
    if substitutions and case.get("template", False):
        assert isinstance(data, bytes)
        for key, value in substitutions.items():
            data = data.replace(f"{{{key}}}".encode(), value.encode())
    if case.get("as_text", False) and isinstance(data, bytes):
        data = data.decode("utf-8", "surrogatepass")
    return data


def _cli(fmt: str, data: bytes | str, command: str) -> object:
    """Run ``newsmodel convert`` or ``newsmodel validate`` on the input in a file."""
    import contextlib  # noqa: PLC0415
    import tempfile  # noqa: PLC0415
    from pathlib import Path  # noqa: PLC0415

    import newsmodel  # noqa: PLC0415
    from newsmodel import cli  # noqa: PLC0415

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "input.xml"
        path.write_bytes(data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data)
        argv = [command, str(path), "--from", fmt]
        if command == "convert":
            argv += ["--to", "json", "--output", str(Path(folder) / "out")]
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            status = cli.main(argv)
    if status != 0:
        raise newsmodel.ParseError(fmt, f"exit status {status}: {err.getvalue()}{out.getvalue()}")
    return None


def _run(module: Any, fmt: str, data: bytes | str, kwargs: dict[str, Any], entry: str) -> object:
    """Call the entry point a case names: ``loads`` by default."""
    import newsmodel  # noqa: PLC0415

    if entry == "validate":
        problems = module.validate(data, **kwargs)
        if problems:
            first = problems[0]
            raise newsmodel.ParseError(fmt, first.message, line=first.line, column=first.column)
        return None
    if entry == "iter_articles":
        raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
        articles = list(module.iter_articles(io.BytesIO(raw), **kwargs))
        return articles[0] if articles else None
    if entry.startswith("cli-"):
        return _cli(fmt, data, entry.removeprefix("cli-"))
    if fmt == "feed":  # a feed's first article, or None for a feed without a usable entry
        articles = module.loads(data, **kwargs)
        return articles[0] if articles else None
    return module.loads(data, **kwargs)


def summarise(
    fmt: str, data: bytes | str, kwargs: dict[str, Any], entry: str = "loads"
) -> dict[str, Any]:
    """Read ``data`` with the format's reader (or another entry point) and describe the outcome."""
    import newsmodel  # noqa: PLC0415

    module = importlib.import_module(f"newsmodel.{fmt}")
    started = time.perf_counter()
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            article = _run(module, fmt, data, kwargs, entry)
    except newsmodel.ParseError as exc:
        return {
            "outcome": "error",
            "seconds": time.perf_counter() - started,
            "format": exc.format,
            "message": exc.message,
            "line": exc.line,
            "column": exc.column,
            "path": exc.path,
            "text": str(exc),
        }
    except BaseException as exc:  # noqa: BLE001 - an escape is what the test reports
        return {
            "outcome": "escaped",
            "seconds": time.perf_counter() - started,
            "type": f"{type(exc).__module__}.{type(exc).__qualname__}",
            "text": "".join(traceback.format_exception(exc))[-3000:],
        }
    seconds = time.perf_counter() - started
    if article is None and fmt == "feed":
        return {"outcome": "empty", "seconds": seconds, "text": "the feed has no usable entry"}
    if not isinstance(article, newsmodel.Article):
        return {
            "outcome": "escaped",
            "seconds": seconds,
            "type": "not an Article",
            "text": repr(article)[:1000],
        }
    return {
        "outcome": "article",
        "seconds": seconds,
        "warnings": [str(w.message) for w in caught],
        "headline": article.headline,
        "text": article.text,
        "written": write_everywhere(article),
    }


def findings(result: dict[str, Any], contains: list[str], absent: list[str]) -> list[str]:
    """What is wrong with an article's outputs, from a :func:`summarise` result.

    A part of ``contains`` missing from the article's text; a part of ``absent`` in the text,
    the model's JSON or any writer's output; any writer's output that is not inert.
    """
    from attacks import inert  # noqa: PLC0415

    found = [f"{part!r} is not in the text" for part in contains if part not in result["text"]]
    outputs = {"text": result["text"], **result["written"]}  # the model's JSON is "json"
    for part in absent:
        found += [
            f"{part!r} is in the {name} output" for name, out in outputs.items() if part in out
        ]
    for writer, output in result["written"].items():
        problems = inert.problems(writer, output)
        if problems:
            found.append(f"{writer} writer output: {problems}: {output[:2000]}")
    return found


def _brief(result: dict[str, Any], case: dict[str, Any], forbidden: list[str]) -> dict[str, Any]:
    """``result`` with its findings in place of the outputs they were found in."""
    if result["outcome"] != "article":
        return result
    contains, absent = case.get("contains", []), [*case.get("absent", []), *forbidden]
    result["findings"] = findings(result, contains, absent)
    result["text"] = result["text"][:2000]
    del result["written"]
    return result


def write_everywhere(article: object) -> dict[str, str]:
    """What every writer of this installation makes of an article (or why it refused)."""
    import newsmodel  # noqa: PLC0415

    out = {}
    for fmt in available_formats():
        module = importlib.import_module(f"newsmodel.{fmt}")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", newsmodel.LossyConversionWarning)
            try:
                written = module.dumps(article)
                out[fmt] = written.decode("utf-8") if isinstance(written, bytes) else written
            except newsmodel.WriteError as exc:
                out[fmt] = f"<WriteError {exc}>"
    out.update(write_feeds(article))
    return out


def write_feeds(article: object) -> dict[str, str]:
    """What every feed writer makes of a one-article feed, as ``feed-<name>``."""
    import newsmodel  # noqa: PLC0415

    try:
        feed = importlib.import_module("newsmodel.feed")
    except ImportError:
        return {}
    channel = feed.Channel(title="Сайт", link="https://example.kz/")
    out = {}
    for name in FEEDS:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", newsmodel.LossyConversionWarning)
            try:
                written = feed.dumps([article], channel=channel, format=name, max_age=None)
                out[f"feed-{name}"] = written.decode("utf-8")
            except newsmodel.WriteError as exc:
                out[f"feed-{name}"] = f"<WriteError {exc}>"
    return out


def _serve(conn: Any) -> None:
    _limit_memory()
    while True:
        try:
            request = conn.recv()
        except EOFError:
            return
        case, substitutions = request
        try:
            data = build_input(case, substitutions)
            _limit_cpu(case.get("seconds", DEFAULT_SECONDS))
            result = summarise(
                case["format"], data, case.get("kwargs", {}), case.get("entry", "loads")
            )
            forbidden = [part for part in (substitutions.get("secret"), "root:x:0:0") if part]
            result = _brief(result, case, forbidden)
        except MemoryError:
            result = {
                "outcome": "escaped",
                "type": "MemoryError",
                "text": "over the memory cap",
                "seconds": 0.0,
            }
        except BaseException:  # noqa: BLE001 - reported to the test
            result = {
                "outcome": "escaped",
                "type": "harness",
                "text": traceback.format_exc()[-3000:],
                "seconds": 0.0,
            }
        conn.send(result)


class Worker:
    """A worker process that runs one case at a time, replaced when a case overruns."""

    def __init__(self) -> None:
        self._context = multiprocessing.get_context("spawn")
        self._process: Any = None
        self._conn: Any = None

    def _start(self) -> None:
        parent, child = self._context.Pipe()
        self._process = self._context.Process(target=_serve, args=(child,), daemon=True)
        self._process.start()
        child.close()
        self._conn = parent

    def run(
        self, case: dict[str, Any], substitutions: dict[str, str], seconds: float
    ) -> dict[str, Any]:
        """Run one case; ``{"outcome": "timeout"}`` when it overruns ``seconds`` of CPU time.

        The worker limits its own CPU time (the case's budget); a case that waits without using
        the CPU is ended after :data:`WALL_CLOCK_FACTOR` times the budget on the wall clock.
        """
        if self._process is None or not self._process.is_alive():
            self._start()
        self._conn.send((case, substitutions))
        if self._conn.poll(max(seconds * WALL_CLOCK_FACTOR, 30)):
            try:
                result: dict[str, Any] = self._conn.recv()
            except EOFError:
                code = self._process.exitcode if self._process is not None else None
                self.close()
                if code is not None and code == -signal.SIGXCPU:
                    return {"outcome": "timeout", "text": f"over {seconds} s of CPU time"}
                return {"outcome": "crashed", "text": f"the worker process died ({code})"}
            return result
        self.close()
        return {
            "outcome": "timeout",
            "text": f"no answer: blocked for {seconds} x {WALL_CLOCK_FACTOR} s",
        }

    def close(self) -> None:
        """Stop the worker process."""
        if self._process is not None:
            self._process.kill()
            self._process.join()
            self._conn.close()
            self._process = None
