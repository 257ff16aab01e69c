"""The timing loops every bench script shares.

    from _timing import best, paired, rate, rates

A bench script run as ``python bench/<name>.py`` has bench/ on its path, so it imports this
module by name. Each figure a script prints is a ratio to a floor timed by the same loop in the
same run; the loops keep the best of several rounds, the one least disturbed by other work.
"""

from __future__ import annotations

import time
import timeit
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = ["best", "paired", "rate", "rates"]


def paired(
    ours: Callable[[], object], floor: Callable[[], object], number: int
) -> tuple[float, float]:
    """Best-of-7 CPU times of two functions measured in turn, microseconds per call.

    Alternating means a machine that gets busier or quieter during the run shifts both alike;
    CPU time of this process (``time.process_time``) leaves out the time spent waiting for a
    core on a machine shared with other work.
    """
    best_ours = best_floor = float("inf")
    mine, theirs = (timeit.Timer(fn, timer=time.process_time) for fn in (ours, floor))
    for _ in range(7):
        best_ours = min(best_ours, mine.timeit(number=number))
        best_floor = min(best_floor, theirs.timeit(number=number))
    return best_ours / number * 1e6, best_floor / number * 1e6


def rate(fn: Callable[[], object], *, seconds: float) -> float:
    """Calls per CPU second of ``fn``: :func:`rates` of one function."""
    return rates(fn, seconds=seconds)[0]


def rates(*fns: Callable[[], object], seconds: float) -> list[float]:
    """Calls per CPU second of each of ``fns``, best of five rounds taken in turn.

    CPU time of this process, not wall-clock time: on a machine shared with other work a
    round that waits for a core does not count against it. The functions take their rounds
    in alternation, so that a machine that gets busier or quieter during the run shifts them
    alike: the ratios between them are what the tables give.
    """
    sizes = []
    for fn in fns:
        fn()
        n = 1
        while True:  # find a batch size that takes ~10 ms
            start = time.process_time()
            for _ in range(n):
                fn()
            took = time.process_time() - start
            if took > 0.01:
                break
            n *= 2
        sizes.append(max(1, int(n * (seconds / 5) / took)))
    best = [0.0] * len(fns)
    for _ in range(5):
        for i, (fn, rounds) in enumerate(zip(fns, sizes, strict=True)):
            start = time.process_time()
            for _ in range(rounds):
                fn()
            best[i] = max(best[i], rounds / max(time.process_time() - start, 1e-9))
    return best


def best(run: Callable[[], object], repeat: int = 5) -> float:
    """The least wall-clock seconds of ``repeat`` calls of ``run``."""
    least = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        least = min(least, time.perf_counter() - start)
    return least
