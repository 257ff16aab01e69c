"""The complexity guard: doubling a pathological input may at most ~2.5x the CPU time.

Each guard builds an input of size ``n`` and ``2 n`` from the same shape and compares the CPU time
(``time.process_time``, not the wall clock, so that a busy machine does not fail it) of the best of
a few runs, with the garbage collector paused. A linear reader takes about 2x; a quadratic one 4x,
which the limit refuses.
"""

from __future__ import annotations

import gc
import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

#: The largest growth in CPU time allowed when the input doubles.
LIMIT = 2.5


def cpu_seconds(run: Callable[[], object], *, repeat: int = 2) -> float:
    """The least CPU time of ``repeat`` runs of ``run``."""
    best = float("inf")
    for _ in range(repeat):
        # No automatic collection: it would scan the whole test process's heap, at points that
        # earlier allocations set, and cost more than the run measured.
        gc.disable()
        try:
            start = time.process_time()
            run()
            best = min(best, time.process_time() - start)
        finally:
            gc.enable()
    return best


def growth(
    build: Callable[[int], object],
    run: Callable[[object], object],
    n: int,
    *,
    repeat: int = 2,
) -> float:
    """How many times more CPU ``run`` takes on ``build(2 * n)`` than on ``build(n)``.

    The two sizes are run in turn, ``repeat`` times each, and the least time of each is kept:
    the first run, which warms caches and imports, is never the least. ``n`` should make one
    run take some tens of milliseconds, so that the timer's resolution and fixed costs do not
    blur the ratio.
    """
    small, large = build(n), build(2 * n)
    best_small = best_large = float("inf")
    for _ in range(repeat):
        best_small = min(best_small, cpu_seconds(lambda: run(small), repeat=1))
        best_large = min(best_large, cpu_seconds(lambda: run(large), repeat=1))
    return best_large / best_small


def assert_linear(
    build: Callable[[int], object],
    run: Callable[[object], object],
    n: int,
    *,
    limit: float = LIMIT,
) -> None:
    """Fail unless doubling the input at most ``limit``-folds the CPU time.

    A miss is measured again, at ``n`` and then at ``2 n``: one slow sample on a busy machine is
    not a trend, while a super-linear cost misses at every size.
    """
    ratio = growth(build, run, n)
    for size in (n, 2 * n):
        if ratio <= limit:
            break
        ratio = min(ratio, growth(build, run, size, repeat=5))
    assert ratio <= limit, f"doubling the input took {ratio:.2f}x the CPU time (limit {limit}x)"
