"""The timing loops every bench script shares.

    from _timing import best, paired, rate

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

__all__ = ["best", "paired", "rate"]


def paired(
    ours: Callable[[], object], floor: Callable[[], object], number: int
) -> tuple[float, float]:
    """Best-of-7 times of two functions measured in turn, microseconds per call.

    Alternating means a machine that gets busier or quieter during the run shifts both alike.
    """
    best_ours = best_floor = float("inf")
    for _ in range(7):
        best_ours = min(best_ours, timeit.timeit(ours, number=number))
        best_floor = min(best_floor, timeit.timeit(floor, number=number))
    return best_ours / number * 1e6, best_floor / number * 1e6


def rate(fn: Callable[[], object], *, seconds: float) -> float:
    """Calls per CPU second of ``fn``, best of three rounds of about ``seconds`` / 3 each.

    CPU time of this process, not wall-clock time: on a machine shared with other work a
    round that waits for a core does not count against it.
    """
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
    fastest = 0.0
    for _ in range(3):
        rounds = max(1, int(n * (seconds / 3) / took))
        start = time.process_time()
        for _ in range(rounds):
            fn()
        fastest = max(fastest, rounds / (time.process_time() - start))
    return fastest


def best(run: Callable[[], object], repeat: int = 5) -> float:
    """The least wall-clock seconds of ``repeat`` calls of ``run``."""
    least = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        least = min(least, time.perf_counter() - start)
    return least
