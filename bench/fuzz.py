"""Long mutation fuzzing of every reader: a separate command, not part of the test run.

    python bench/fuzz.py --seconds 600                  # every format, 600 s each
    python bench/fuzz.py --seconds 60 --format html     # one format
    python bench/fuzz.py --seconds 60 --format ninjs    # ninjs items and their HTML bodies
    python bench/fuzz.py --seconds 60 --format nitf     # NITF (NewsML 1.2 is fuzzed as newsml)
    python bench/fuzz.py --engine atheris --seconds 600 # coverage-guided, when atheris is installed

Each format runs in its own process. The seeds are what each writer makes of sample articles
and the smallest real documents in tests/data (tests/attacks/seeds.py); every input is cut,
spliced, duplicated, bit-flipped and salted with parser tokens. A reader must return an
Article (which every writer must then write) or raise ParseError naming the format. Anything
else is a finding: its input is saved under bench/out/fuzz/ and the command exits with 1.
Escapes the attack suite already lists as expected failures (``escapes`` in
tests/attacks/cases.toml) are counted apart as known.

Fuzzing aimed at time (``--goal time``) searches for the inputs that cost the most CPU time per
byte instead of only crashes: a hill climb that keeps the slowest inputs found so far (per
byte, between ``--min-bytes`` and ``--max-bytes``) and mutates them further, with mutations
that repeat pieces (so that a run of no-break spaces or a repeated phrase grows). Besides the
readers it can aim at the text functions: ``--format attribution`` (split_attribution and
parse_attribution), ``--format date`` (parse_date) and ``--format slug`` (slugify)::

    python bench/fuzz.py --goal time --seconds 120                       # every target
    python bench/fuzz.py --goal time --seconds 60 --format attribution --format html

Each target prints the seeds' median CPU time per byte (the floor, measured in the same run),
the worst input's time per byte, their ratio, and how the worst input's CPU time grows when
its repeated middle is doubled (about 2x for a linear cost). An input over ``--alarm`` times
the floor, or growing more than 2.5x, is a finding, saved under bench/out/fuzz/ as
``time-FORMAT-HASH.bin``; rerun it with the complexity guard in tests/cputime.py.
"""

# ruff: noqa: PLC0415 - newsmodel is imported late, after atheris can instrument it

from __future__ import annotations

import argparse
import contextlib
import hashlib
import importlib
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
import traceback
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

OUT = ROOT / "bench" / "out" / "fuzz"


def known_escapes(fmt: str) -> list[tuple[str, str]]:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    cases = tomllib.loads((ROOT / "tests" / "attacks" / "cases.toml").read_text("utf-8"))["case"]
    out = []
    for case in cases:
        if case["format"] == fmt and "escapes" in case:
            name, _, part = case["escapes"].partition(": ")
            out.append((name, part))
    return out


class Target:
    """One format's reader and the checks on what it does with an input."""

    def __init__(self, fmt: str) -> None:
        import newsmodel
        from attacks.seeds import seeds
        from attacks.worker import available_formats

        self.fmt = fmt
        self.newsmodel = newsmodel
        self.module = importlib.import_module(f"newsmodel.{fmt}")
        self.writers = [importlib.import_module(f"newsmodel.{f}") for f in available_formats()]
        self.seeds = seeds(fmt)
        self.known = known_escapes(fmt)
        self.counts = {"inputs": 0, "articles": 0, "parse_errors": 0, "known": 0, "findings": 0}
        self.slowest = (0.0, b"")

    def run(self, data: bytes) -> None:
        """Read one input; record a finding when the outcome breaks the rule."""
        nm = self.newsmodel
        self.counts["inputs"] += 1
        started = time.perf_counter()
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", nm.LossyConversionWarning)
                article = self.module.loads(data)
                for writer in self.writers:
                    with contextlib.suppress(nm.WriteError):
                        writer.dumps(article)
        except nm.ParseError as exc:
            ok = exc.format == self.fmt and all(v is None or v >= 1 for v in (exc.line, exc.column))
            if ok:
                self.counts["parse_errors"] += 1
            else:
                self.finding(data, f"malformed ParseError: {exc!r} {exc.line} {exc.column}")
        except Exception as exc:  # noqa: BLE001 - what the fuzzer is looking for
            if any(type(exc).__name__ == n and p in str(exc) for n, p in self.known):
                self.counts["known"] += 1
            else:
                self.finding(data, traceback.format_exc())
        else:
            if isinstance(article, nm.Article):
                self.counts["articles"] += 1
            else:
                self.finding(data, f"returned {type(article).__name__}")
        elapsed = time.perf_counter() - started
        if elapsed > self.slowest[0]:
            self.slowest = (elapsed, data)

    def finding(self, data: bytes, what: str) -> None:
        self.counts["findings"] += 1
        OUT.mkdir(parents=True, exist_ok=True)
        name = f"{self.fmt}-{hashlib.sha256(data).hexdigest()[:12]}"
        (OUT / f"{name}.bin").write_bytes(data)
        (OUT / f"{name}.txt").write_text(what, "utf-8")
        print(f"[{self.fmt}] finding saved as {OUT / name}.bin:\n{what[-1500:]}", file=sys.stderr)

    def report(self, seconds: float, engine: str) -> dict[str, object]:
        return {
            "format": self.fmt,
            "engine": engine,
            "seconds": round(seconds, 1),
            **self.counts,
            "inputs_per_second": round(self.counts["inputs"] / seconds) if seconds else 0,
            "slowest_input_seconds": round(self.slowest[0], 3),
            "slowest_input_bytes": len(self.slowest[1]),
        }


#: Targets that are text functions rather than readers, for ``--goal time``.
TEXT_TARGETS = ("attribution", "date", "slug")
_TEXT_SEEDS = [
    "Токаев провел встречу, - передает корреспондент Altyn-orda.kz.",
    "Курс тенге укрепился — сообщает агентство «Казинформ».",
    "Как сообщили в пресс-службе МВД, задержаны двое.",
    "Президент қол қойды. Бұл туралы Kazinform хабарлады.",
    "Жаңбыр жауады, деп жазады Tengrinews.kz",
    "© 2026 ТОО «Алтын Орда», 2024–2026",
    "Опубликовано: среда, 25 ноября 2026, 14:05 (мск)",
    "Обновлено: 24.11, 14:05",
    "2026 жылғы 24 қараша, 2 сағат бұрын",
    "Бәйтерек: «Самрук-Казына» вложит $1\u00a0200 млн",
    "İstanbul Straße Łódź Ærø",
]
_TEXT_TOKENS = [
    token.encode()
    for token in (
        "\u00a0", "\u202f", " ", " — ", ", - ", ",", "-", "—", ".", " передает ", " по данным ",
        " со ссылкой на ", "бұл туралы ", " хабарлады", "деп ", "©", "«", "»", "25 ", "ноября ",
        "2026", "14:05", "24.11", " назад", " бұрын", "ж.", "ф", "1",
    )
]  # fmt: skip


class TextTarget:
    """A text function with the interface of :class:`Target`: it must never raise."""

    def __init__(self, fmt: str) -> None:
        from newsmodel import dates, slug
        from newsmodel._attribution import parse_attribution, split_attribution

        def attribution(text: str) -> None:
            split_attribution(text)
            parse_attribution(text)

        calls = {"attribution": attribution, "date": dates.parse_date, "slug": slug.slugify}
        self.fmt = fmt
        self.call = calls[fmt]
        self.seeds = [seed.encode() for seed in _TEXT_SEEDS]
        self.counts = {"inputs": 0, "findings": 0}
        self.slowest = (0.0, b"")

    def run(self, data: bytes) -> None:
        self.counts["inputs"] += 1
        started = time.perf_counter()
        try:
            self.call(data.decode("utf-8", "replace"))
        except Exception:  # noqa: BLE001 - what the fuzzer is looking for
            Target.finding(self, data, traceback.format_exc())  # type: ignore[arg-type]
        elapsed = time.perf_counter() - started
        if elapsed > self.slowest[0]:
            self.slowest = (elapsed, data)


def make_target(fmt: str) -> Target | TextTarget:
    return TextTarget(fmt) if fmt in TEXT_TARGETS else Target(fmt)


def cpu_per_byte(target: Target | TextTarget, data: bytes, repeat: int = 2) -> float:
    """The least CPU seconds per byte of ``repeat`` runs of the target on ``data``."""
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        target.run(data)
        best = min(best, time.process_time() - start)
    return best / max(len(data), 1)


def grow(rng: random.Random, data: bytes, min_bytes: int, max_bytes: int) -> bytes:
    """Bring ``data`` between the sizes by repeating a piece of its middle, or cutting it."""
    if len(data) > max_bytes:
        return data[:max_bytes]
    if len(data) < min_bytes and data:
        at = rng.randint(0, len(data) - 1)
        piece = data[at : at + rng.randint(1, 64)]
        times = (min_bytes - len(data)) // len(piece) + 1
        data = data[:at] + piece * times + data[at:]
    return data[:max_bytes]


def doubled_middle(data: bytes) -> bytes:
    """``data`` with its middle half repeated: twice the repeated shape, same ends."""
    quarter = len(data) // 4
    return data[:quarter] + data[quarter : -quarter or None] * 2 + data[-quarter or len(data) :]


def run_time(
    fmt: str, seconds: float, seed: int, sizes: tuple[int, int], alarm: float
) -> dict[str, object]:
    """Hill-climb towards the inputs that cost the most CPU time per byte."""
    from attacks.seeds import TOKENS

    target = make_target(fmt)
    tokens = _TEXT_TOKENS + (TOKENS if isinstance(target, Target) else [])
    rng = random.Random(seed)
    min_bytes, max_bytes = sizes
    floors = sorted(cpu_per_byte(target, grow(rng, s, min_bytes, max_bytes)) for s in target.seeds)
    floor = max(floors[len(floors) // 2], 1e-12)
    grown = [grow(rng, s, min_bytes, max_bytes) for s in target.seeds]
    pool = [(cpu_per_byte(target, s), s) for s in grown]
    started = time.perf_counter()
    while time.perf_counter() < started + seconds:
        parent = max(rng.sample(pool, min(3, len(pool))))[1]  # a small tournament
        child = grow(rng, mutate(rng, parent, tokens), min_bytes, max_bytes)
        if len(child) < min_bytes:  # an empty input has no per-byte cost to speak of
            continue
        pool.append((cpu_per_byte(target, child, repeat=1), child))
        pool.sort(key=lambda entry: entry[0], reverse=True)
        del pool[16:]
    worst_score, worst = pool[0]
    worst_score = cpu_per_byte(target, worst, repeat=3)  # measured again, not a lucky sample
    small = cpu_per_byte(target, worst, repeat=3) * len(worst)
    large = cpu_per_byte(target, doubled_middle(worst), repeat=3) * len(doubled_middle(worst))
    growth = large / small if small else 0.0
    if worst_score / floor > alarm or growth > 2.5:  # the guard's limit
        OUT.mkdir(parents=True, exist_ok=True)
        name = f"time-{fmt}-{hashlib.sha256(worst).hexdigest()[:12]}"
        (OUT / f"{name}.bin").write_bytes(worst)
        target.counts["findings"] += 1
        print(f"[{fmt}] slow input saved as {OUT / name}.bin", file=sys.stderr)
    return {
        "format": fmt,
        "engine": "time",
        "seconds": round(time.perf_counter() - started, 1),
        "inputs": target.counts["inputs"],
        "findings": target.counts["findings"],
        "floor_us_per_kib": round(floor * 1024 * 1e6, 2),
        "worst_us_per_kib": round(worst_score * 1024 * 1e6, 2),
        "worst_over_floor": round(worst_score / floor, 2),
        "worst_bytes": len(worst),
        "worst_doubling_growth": round(growth, 2),
    }


def mutate(rng: random.Random, data: bytes, tokens: list[bytes]) -> bytes:
    """Change ``data`` one to five times: the operations of tests/test_fuzz.py."""
    buf = bytearray(data)
    for _ in range(rng.randint(1, 5)):
        size = len(buf)
        at = rng.randint(0, size)
        op = rng.choice(["truncate", "insert", "token", "duplicate", "flip", "delete"])
        if op == "truncate":
            del buf[at:]
        elif op == "insert":
            buf[at:at] = rng.randbytes(rng.randint(1, 8))
        elif op == "token":
            buf[at:at] = rng.choice(tokens)
        elif op == "duplicate" and size:
            end = rng.randint(at, min(size, at + 4096))
            buf[at:at] = buf[at:end] * rng.randint(1, 4)
        elif op == "flip" and at < size:
            buf[at] ^= 1 << rng.randint(0, 7)
        elif op == "delete":
            del buf[at : at + rng.randint(1, 64)]
    return bytes(buf)


def run_random(fmt: str, seconds: float, seed: int) -> dict[str, object]:
    from attacks.seeds import TOKENS

    target = Target(fmt)
    rng = random.Random(seed)
    started = time.perf_counter()
    deadline = started + seconds
    while time.perf_counter() < deadline:
        data = mutate(rng, rng.choice(target.seeds), TOKENS)
        # Mutate a mutant now and then: some faults need two distant changes.
        if rng.random() < 0.2:
            data = mutate(rng, data, TOKENS)
        target.run(data)
    return target.report(time.perf_counter() - started, "random")


def run_atheris(fmt: str, seconds: float) -> None:
    import atheris

    with atheris.instrument_imports(include=["newsmodel"]):
        target = Target(fmt)
    corpus = Path(tempfile.mkdtemp(prefix=f"newsmodel-fuzz-{fmt}-"))
    for i, seed in enumerate(target.seeds):
        (corpus / f"seed-{i}").write_bytes(seed)

    def one_input(data: bytes) -> None:
        target.run(data)

    argv = [
        sys.argv[0],
        f"-max_total_time={int(seconds)}",
        "-timeout=30",
        "-rss_limit_mb=4096",
        "-max_len=1048576",
        str(corpus),
    ]
    atheris.Setup(argv, one_input)
    atheris.Fuzz()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=60, help="per format (default 60)")
    parser.add_argument(
        "--format",
        action="append",
        help="a format to fuzz (repeatable; default: every installed format)",
    )
    parser.add_argument("--engine", choices=["random", "atheris"], default="random")
    parser.add_argument(
        "--goal",
        choices=["crash", "time"],
        default="crash",
        help="crash: readers must not fail; time: search for the most CPU time per byte",
    )
    parser.add_argument("--min-bytes", type=int, default=4096, help="time goal: smallest input")
    parser.add_argument("--max-bytes", type=int, default=65536, help="time goal: largest input")
    parser.add_argument(
        "--alarm", type=float, default=1000.0, help="time goal: a finding above this x the floor"
    )
    parser.add_argument("--seed", type=int, default=0, help="random engine seed")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.worker:
        if args.goal == "time":
            sizes = (args.min_bytes, args.max_bytes)
            result = run_time(args.worker, args.seconds, args.seed, sizes, args.alarm)
            print("RESULT " + json.dumps(result))
            return 0
        if args.engine == "atheris":
            run_atheris(args.worker, args.seconds)
            return 0
        print("RESULT " + json.dumps(run_random(args.worker, args.seconds, args.seed)))
        return 0

    # Imported only here: atheris must instrument newsmodel before anything imports it.
    from attacks.worker import available_formats

    known = available_formats() + (list(TEXT_TARGETS) if args.goal == "time" else [])
    formats = args.format or known
    unknown = set(formats) - set(known)
    if unknown:
        parser.error(f"not installed: {', '.join(sorted(unknown))}")
    failed = False
    for fmt in formats:
        before = set(OUT.glob(f"{fmt}-*.bin")) if OUT.exists() else set()
        cmd = [
            sys.executable,
            __file__,
            "--worker",
            fmt,
            "--seconds",
            str(args.seconds),
            "--engine",
            args.engine,
            "--seed",
            str(args.seed),
            "--goal",
            args.goal,
            "--min-bytes",
            str(args.min_bytes),
            "--max-bytes",
            str(args.max_bytes),
            "--alarm",
            str(args.alarm),
        ]
        env = {**os.environ, "PYTHONHASHSEED": "0"}
        try:
            done = subprocess.run(  # noqa: S603 - our own script
                cmd,
                capture_output=True,
                text=True,
                timeout=args.seconds + 300,
                env=env,
                check=False,
            )
        except subprocess.TimeoutExpired:
            print(f"{fmt}: HANG - no result within {args.seconds + 300} s")
            failed = True
            continue
        found = re.findall(r"^RESULT (.*)$", done.stdout, re.MULTILINE)
        runs = re.findall(r"Done (\d+) runs in (\d+) second", done.stderr)
        if args.engine == "atheris" and runs:
            # libFuzzer ends the process itself: its own count is the report.
            new = (set(OUT.glob(f"{fmt}-*.bin")) if OUT.exists() else set()) - before
            found = [
                json.dumps(
                    {
                        "format": fmt,
                        "engine": "atheris",
                        "seconds": int(runs[-1][1]),
                        "inputs": int(runs[-1][0]),
                        "findings": len(new),
                    }
                )
            ]
        if not found:
            print(f"{fmt}: the worker died (exit {done.returncode}):\n{done.stderr[-3000:]}")
            failed = True
            continue
        result = json.loads(found[-1])
        print(json.dumps(result, ensure_ascii=False))
        failed |= bool(result["findings"]) or done.returncode != 0
        if done.returncode != 0:
            print(done.stderr[-3000:], file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
