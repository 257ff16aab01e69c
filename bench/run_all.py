"""Run every benchmark in bench/ and newsmodel's own core measurements; print Markdown tables.

    python bench/run_all.py            # everything
    python bench/run_all.py --quick    # shorter runs, for a smoke test
    python bench/run_all.py --only core

Each figure is printed beside a floor or a peer measured in the same run, as a ratio, so the
numbers compare across machines. The other bench/*.py scripts are discovered and run as
subprocesses; their own tables are printed as they are.
"""

from __future__ import annotations

import argparse
import concurrent.futures as cf
import dataclasses
import io
import json as stdjson
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import tracemalloc
import warnings
from contextlib import redirect_stderr
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

import attrs
from _timing import rates

from newsmodel import Article, Attribution, Role, Section, cli, json

if TYPE_CHECKING:
    from collections.abc import Callable

HERE = Path(__file__).parent
EXAMPLE = HERE.parent / "examples" / "article.json"
CORPUS = HERE.parent / "tests" / "data" / "html" / "corpus"


def bytes_each(build: Callable[[], object], n: int = 2000) -> float:
    """Bytes that one object built by ``build`` holds, measured by tracemalloc over ``n``.

    The field values are the same objects in every call, so this is the memory of the
    objects themselves (instances, tuples, the datetime), not of the text they share. ``n``
    objects are built and dropped first: the interpreter keeps freed tuples and lists for
    reuse, and a first measurement would count the temporaries of the calls as kept.
    """
    kept = [build() for _ in range(n)]
    del kept
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        kept = [build() for _ in range(n)]
        after = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    del kept
    return (after - before) / n


_MIRRORS: dict[type, type] = {}


def mirror(value: object) -> object:
    """``value`` as frozen slotted dataclasses with the same fields, the same tuples, values."""
    kind = type(value)
    if attrs.has(kind):
        if kind not in _MIRRORS:
            names = [a.name for a in attrs.fields(kind)]
            _MIRRORS[kind] = dataclasses.make_dataclass(
                f"Plain{kind.__name__}", names, frozen=True, slots=True
            )
        return _MIRRORS[kind](*(mirror(getattr(value, a.name)) for a in attrs.fields(kind)))
    if kind is tuple:
        return tuple(mirror(item) for item in value)  # type: ignore[attr-defined]
    return value


# --- model construction ---


@dataclasses.dataclass(frozen=True, slots=True)
class PlainSection:
    heading: str | None
    blocks: tuple[str, ...]


@dataclasses.dataclass(frozen=True, slots=True)
class PlainArticle:
    headline: str
    lede: str | None
    sections: tuple[PlainSection, ...]
    attributions: tuple[tuple[str, str, str | None], ...]
    published: datetime | None
    rubrics: tuple[str, ...]
    site: str | None


def _article_fields() -> dict[str, object]:
    return {
        "headline": "В Караганде запустили первый в Казахстане завод по переработке аккумуляторов",
        "lede": "Предприятие будет извлекать литий, никель и кобальт из отработавших батарей",
        "sections": [
            (None, ["Завод мощностью 12 тысяч тонн открылся 24 ноября.", "Второй абзац."]),
            ("Как устроено производство", ["Переработка проходит в несколько этапов.", "Ещё."]),
            ("Планы на 2027 год", ["Во второй очереди завода планируют перерабатывать панели."]),
        ],
        "published": datetime(2026, 11, 24, 10, 30, tzinfo=ZoneInfo("Asia/Almaty")),
        "rubrics": ["Главные новости", "Экономика"],
        "site": "ДАЛА ХАБАР",
    }


def bench_model(seconds: float) -> list[tuple[str, float, str, float]]:
    f = _article_fields()
    sections = f["sections"]

    def ours() -> object:
        return Article(
            headline=f["headline"],
            lede=f["lede"],
            sections=[Section(h, b) for h, b in sections],  # type: ignore[attr-defined]
            attributions=[Attribution("Kazinform", role=Role.SOURCE, phrase="передает")],
            published=f["published"],
            rubrics=f["rubrics"],
            site=f["site"],
        )

    def dataclass_floor() -> object:
        return PlainArticle(
            headline=f["headline"],  # type: ignore[arg-type]
            lede=f["lede"],  # type: ignore[arg-type]
            sections=tuple(PlainSection(h, tuple(b)) for h, b in sections),  # type: ignore[attr-defined]
            attributions=(("Kazinform", "source", "передает"),),
            published=f["published"],  # type: ignore[arg-type]
            rubrics=tuple(f["rubrics"]),  # type: ignore[call-overload]
            site=f["site"],  # type: ignore[arg-type]
        )

    def dict_floor() -> object:
        return {
            "headline": f["headline"],
            "lede": f["lede"],
            "sections": [{"heading": h, "blocks": list(b)} for h, b in sections],  # type: ignore[attr-defined]
            "attributions": [{"name": "Kazinform", "role": "source", "phrase": "передает"}],
            "published": f["published"],
            "rubrics": list(f["rubrics"]),  # type: ignore[call-overload]
            "site": f["site"],
        }

    ours_rate, dataclass_rate, dict_rate = rates(ours, dataclass_floor, dict_floor, seconds=seconds)
    ours_bytes = bytes_each(ours)
    print(
        f"memory per article: {ours_bytes:,.0f} bytes (Article and its parts); "
        f"{bytes_each(lambda: mirror(ours())):,.0f} bytes (the same structure as frozen "
        f"dataclasses, field for field); {bytes_each(dataclass_floor):,.0f} bytes (the "
        "frozen dataclasses of the construction floor, fewer objects)\n",
        flush=True,
    )
    label = "model construction (validated, normalised)"
    return [
        (label, ours_rate, "frozen dataclass, no checks", dataclass_rate),
        (label, ours_rate, "plain dict", dict_rate),
    ]


# --- JSON ---


def bench_json(seconds: float) -> list[tuple[str, float, str, float]]:
    data = EXAMPLE.read_bytes()
    article = json.loads(data)
    as_dict = stdjson.loads(data)
    dumps_rate, std_dumps, loads_rate, std_loads = rates(
        lambda: json.dumps(article),
        lambda: stdjson.dumps(as_dict, ensure_ascii=False),
        lambda: json.loads(data),
        lambda: stdjson.loads(data),
        seconds=seconds,
    )
    dumps, loads = "json.dumps (model → JSON)", "json.loads (JSON → validated model)"
    rows = [
        (dumps, dumps_rate, "stdlib json.dumps(dict)", std_dumps),
        (loads, loads_rate, "stdlib json.loads → dict", std_loads),
    ]
    try:
        import orjson  # noqa: PLC0415 - an optional peer (the bench extra)
    except ImportError:
        rows.append(("json.dumps / loads", dumps_rate, "orjson (not installed)", float("nan")))
    else:
        peer_dumps, peer_loads = rates(
            lambda: orjson.dumps(as_dict), lambda: orjson.loads(data), seconds=seconds
        )
        rows.append((dumps, dumps_rate, "orjson.dumps(dict)", peer_dumps))
        rows.append((loads, loads_rate, "orjson.loads → dict", peer_loads))
    try:
        import msgspec  # noqa: PLC0415 - an optional peer (the bench extra)
    except ImportError:
        rows.append(("json.dumps / loads", dumps_rate, "msgspec (not installed)", float("nan")))
    else:
        encoder, decoder = msgspec.json.Encoder(), msgspec.json.Decoder()
        peer_dumps, peer_loads = rates(
            lambda: encoder.encode(as_dict), lambda: decoder.decode(data), seconds=seconds
        )
        rows.append((dumps, dumps_rate, "msgspec encode(dict)", peer_dumps))
        rows.append((loads, loads_rate, "msgspec decode → dict", peer_loads))
    return rows


# --- batch conversion ---


def _json_inputs(src: Path, n: int) -> None:
    """``n`` copies of the example article as JSON files, each with its own headline."""
    article = json.loads(EXAMPLE.read_bytes())
    for i in range(n):
        copy = Article(
            headline=f"{i}: {article.headline}",
            lede=article.lede,
            sections=article.sections,
            attributions=article.attributions,
            published=article.published,
            rubrics=article.rubrics,
            tags=article.tags,
            site=article.site,
        )
        (src / f"{i:06d}.json").write_text(json.dumps(copy), encoding="utf-8")


def _html_inputs(src: Path, n: int) -> None:
    """``n`` HTML files: the real article pages of the test corpus, in turn."""
    pages = sorted(CORPUS.glob("*.html"))
    for i in range(n):
        shutil.copyfile(pages[i % len(pages)], src / f"{i:06d}.html")


def bench_batch(
    n: int, jobs: int, source: str, target: str, where: str | None
) -> list[tuple[str, float, str, float]]:
    """``newsmodel convert`` over ``n`` files with 1 job and with ``jobs``, as a user runs it."""
    root = Path(tempfile.mkdtemp(prefix="newsmodel-bench-", dir=where))
    try:
        src = root / "src"
        src.mkdir()
        (_json_inputs if source == "json" else _html_inputs)(src, n)
        cpu: dict[int, float] = {}

        def run(j: int) -> float:
            out = root / f"out{j}"
            before = _cpu()
            start = time.perf_counter()
            _convert_part([str(src)], str(out), target, jobs=j)
            took = time.perf_counter() - start
            cpu[j] = min(cpu.get(j, float("inf")), _cpu() - before)
            shutil.rmtree(out)
            return n / took

        files = sorted(str(f) for f in src.iterdir())
        parts = [files[k::jobs] for k in range(jobs)]

        def split(pool: cf.ProcessPoolExecutor) -> float:
            start = time.perf_counter()
            outs = [str(root / f"part{k}") for k in range(jobs)]
            list(pool.map(_convert_part, parts, outs, [target] * jobs))
            took = time.perf_counter() - start
            for out in outs:
                shutil.rmtree(out)
            return n / took

        # Alternate, best of three, so that a machine that gets busier or quieter (a virtual
        # one varies by 15% from run to run) shifts all alike.
        one = many = apart = 0.0
        with cf.ProcessPoolExecutor(jobs) as pool:
            list(pool.map(_spin, [1] * jobs))  # start the processes
            for _ in range(3):
                one = max(one, run(1))
                many = max(many, run(jobs))
                apart = max(apart, split(pool))
    finally:
        shutil.rmtree(root)
    names = {"json": "JSON", "html": "HTML", "newsml": "NewsML-G2", "text": "text"}
    label = f"batch convert {names[source]} → {names[target]}, {n} files"
    # On idle cores the speed-up is bounded by the extra CPU work the parallel run does.
    bound = jobs * cpu[1] / cpu[jobs]
    print(
        f"{names[source]} → {names[target]}: CPU seconds {cpu[1]:.2f} with 1 job, "
        f"{cpu[jobs]:.2f} with {jobs} (speed-up bound on {jobs} idle cores: {bound:.2f}×)",
        flush=True,
    )
    # The floor of the batch's scaling on this machine: the same work split between processes
    # already started, each converting its share with one job, with nothing shared.
    alone = f"{label}, {jobs} processes converting 1/{jobs} each, apart"
    return [
        (f"{label}, {jobs} jobs", many, f"{label}, 1 job", one),
        (alone, apart, f"{label}, 1 job", one),
    ]


def _convert_part(sources: list[str], out: str, target: str, *, jobs: int = 1) -> None:
    """``newsmodel convert`` of ``sources`` into ``out``, quietly (see :func:`bench_batch`)."""
    with redirect_stderr(io.StringIO()), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        code = cli.main(["convert", *sources, "--to", target, "-o", out, "-q", "-j", str(jobs)])
    if code != 0:
        msg = f"batch conversion failed with exit status {code}"
        raise RuntimeError(msg)


def _batch_folder(choice: str | None) -> str | None:
    """Where the batch files go: a RAM file system when there is one, unless told.

    The batch rows measure the converter, not the disk: on some virtual disks creating a file
    costs more CPU time than converting it, and that cost does not scale with processes.
    """
    if choice is not None:
        return choice
    shm = Path("/dev/shm")  # noqa: S108 - only a place for the benchmark's own scratch files
    return str(shm) if shm.is_dir() and os.access(shm, os.W_OK) else None


def _spin(n: int) -> int:
    total = 0
    for i in range(n):
        total += i * i
    return total


def bench_machine(jobs: int, n: int) -> list[tuple[str, float, str, float]]:
    """The machine's own scaling: the same pure-Python loop in ``jobs`` processes and in one.

    The batch conversion cannot scale better than this: it is the floor for its ratio (on
    hyper-threads, or beside other busy processes, it is well under ``jobs``).
    """
    start = time.perf_counter()
    for _ in range(jobs):
        _spin(n)
    one = jobs / (time.perf_counter() - start)
    with cf.ProcessPoolExecutor(jobs) as pool:
        list(pool.map(_spin, [1] * jobs))  # start the workers
        start = time.perf_counter()
        list(pool.map(_spin, [n] * jobs))
        many = jobs / (time.perf_counter() - start)
    label = f"pure-Python loop of {n:,} steps"
    return [(f"{label}, {jobs} processes", many, f"{label}, 1 process", one)]


def _cpu() -> float:
    """CPU seconds used so far by this process and its finished children."""
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


# --- the other benchmarks ---


def run_others(*, quick: bool) -> list[tuple[str, int, float]]:
    """Run every other bench/*.py as a subprocess, printing its output; (name, status, s)."""
    ran = []
    for script in sorted(HERE.glob("*.py")):
        # fuzz.py is a search for failures with its own time budget, not a measurement.
        if script.name in {Path(__file__).name, "fuzz.py"} or script.name.startswith("_"):
            continue
        print(f"\n## {script.name}\n", flush=True)
        env = {**os.environ, "NEWSMODEL_BENCH_QUICK": "1" if quick else ""}
        start = time.perf_counter()
        try:
            done = subprocess.run(  # noqa: S603 - our own interpreter and scripts
                [sys.executable, str(script)],
                capture_output=True,
                text=True,
                env=env,
                timeout=1800,
                check=False,
            )
        except subprocess.TimeoutExpired:
            print(f"{script.name}: timed out", flush=True)
            ran.append((script.name, -1, time.perf_counter() - start))
            continue
        print(done.stdout.rstrip(), flush=True)
        if done.returncode:
            print(f"\n{script.name} failed with exit status {done.returncode}:", flush=True)
            print(done.stderr.rstrip()[-2000:], flush=True)
        ran.append((script.name, done.returncode, time.perf_counter() - start))
    return ran


def _cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _num(value: float) -> str:
    return f"{value:,.0f}" if value >= 100 else f"{value:.2f}"


def table(rows: list[tuple[str, float, str, float]]) -> str:
    lines = [
        "| operation | newsmodel /s | floor or peer | floor /s | newsmodel ÷ floor |",
        "|---|---:|---|---:|---:|",
    ]
    for name, ours, peer, theirs in rows:
        ratio = ours / theirs if theirs == theirs and theirs else float("nan")  # noqa: PLR0124
        lines.append(f"| {name} | {_num(ours)} | {peer} | {_num(theirs)} | {ratio:.2f}× |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="shorter runs")
    parser.add_argument("--only", choices=["core", "others"], help="run only one part")
    parser.add_argument("--jobs", type=int, default=_cpu_count(), help="N for the batch")
    parser.add_argument("--dir", help="folder for the batch files (default: /dev/shm if any)")
    args = parser.parse_args()
    seconds = 0.3 if args.quick else 1.5
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    print(
        f"# newsmodel benchmarks\n\nPython {sys.version.split()[0]} on {sys.platform}, "
        f"{os.cpu_count()} CPUs, load average {load} at start\n",
        flush=True,
    )
    status = 0
    if args.only != "others":
        rows = bench_model(seconds) + bench_json(seconds)
        n = 400 if args.quick else 3000
        pages = 100 if args.quick else 500
        jobs = max(2, args.jobs)
        where = _batch_folder(args.dir)
        print(f"batch files in {where or tempfile.gettempdir()}\n", flush=True)
        rows += bench_machine(jobs, 2_000_000 if args.quick else 10_000_000)
        rows += bench_batch(n, jobs, "json", "json", where)
        rows += bench_batch(n, jobs, "json", "text", where)
        rows += bench_batch(pages, jobs, "html", "newsml", where)
        rows += bench_machine(jobs, 2_000_000 if args.quick else 10_000_000)
        print("## core (bench/run_all.py)\n")
        print(table(rows), flush=True)
    if args.only != "core":
        for name, code, took in run_others(quick=args.quick):
            print(f"\n{name}: exit status {code} in {took:.1f} s", flush=True)
            status = status or (1 if code else 0)
    return status


if __name__ == "__main__":
    sys.exit(main())
