"""newsmodel._pool: the worker processes of a parallel batch, served without threads."""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from newsmodel import _pool


def _square(n: int) -> int:
    return n * n


def _slow_first(n: int) -> int:
    """Task 0 takes a while; the others are immediate."""
    if n == 0:
        time.sleep(0.3)
    return n


def _started(task: tuple[str, int]) -> int:
    """Leave a mark for each task a worker starts."""
    folder, n = task
    Path(folder, str(n)).touch()
    if n == 0:
        time.sleep(0.5)
    return n


def _fails_on_seven(n: int) -> int:
    """Task 7 fails, long before the slow task 0 is done."""
    if n == 0:
        time.sleep(0.3)
    if n == 7:
        msg = f"task {n} went wrong"
        raise LookupError(msg)
    return n


def _dies_on_five(n: int) -> int:
    if n == 5:
        os._exit(7)
    return n


def _unpicklable(n: int) -> object:
    return threading.Lock() if n == 3 else n


class _NeedsAWord(Exception):  # noqa: N818 - an exception that cannot be rebuilt from its args
    def __init__(self, *, word: str) -> None:
        super().__init__(f"the word is {word}")


def _raises_what_does_not_unpickle(n: int) -> int:
    if n == 2:
        raise _NeedsAWord(word="brittle")
    return n


def test_results_come_in_task_order_from_every_worker():
    tasks = list(range(200))
    assert list(_pool.ordered_map(_square, tasks, 2)) == [n * n for n in tasks]


def test_a_slow_task_holds_neither_order_nor_the_other_workers():
    assert list(_pool.ordered_map(_slow_first, list(range(50)), 3)) == list(range(50))


def test_tasks_are_not_given_out_far_past_the_oldest_result(tmp_path):
    # while task 0 runs, the other worker may run ahead only within the window, which bounds
    # the results held in memory
    tasks = [(str(tmp_path), n) for n in range(100)]
    results = _pool.ordered_map(_started, tasks, 2)
    assert next(results) == 0
    started = len(list(tmp_path.iterdir()))
    assert started <= _pool._WINDOW * 2 < len(tasks) / 2  # noqa: SLF001 - the bound itself
    assert list(results) == list(range(1, 100))


def test_an_exception_in_a_worker_is_raised_in_its_turn_with_its_traceback():
    results = _pool.ordered_map(_fails_on_seven, list(range(20)), 2)
    assert [next(results) for _ in range(7)] == list(range(7))
    with pytest.raises(LookupError, match="task 7 went wrong") as info:
        next(results)
    cause = info.value.__cause__
    assert cause is not None
    assert "_fails_on_seven" in str(cause)
    assert "raise LookupError" in str(cause)
    assert not multiprocessing.active_children()


def test_a_result_that_does_not_pickle_is_raised_as_the_pickling_error():
    with pytest.raises(TypeError, match=r"cannot pickle .*lock"):
        list(_pool.ordered_map(_unpicklable, list(range(10)), 2))
    assert not multiprocessing.active_children()


def test_an_exception_that_would_not_arrive_whole_is_raised_as_its_name_and_message():
    results = _pool.ordered_map(_raises_what_does_not_unpickle, list(range(5)), 2)
    assert [next(results), next(results)] == [0, 1]
    with pytest.raises(RuntimeError, match="_NeedsAWord: the word is brittle") as info:
        next(results)
    assert "raise _NeedsAWord" in str(info.value.__cause__)
    assert not multiprocessing.active_children()


def test_a_worker_that_dies_is_an_error_and_the_others_stop():
    with pytest.raises(_pool.WorkerError, match=r"ended unexpectedly \(exit code 7\)"):
        list(_pool.ordered_map(_dies_on_five, list(range(40)), 2))
    assert not multiprocessing.active_children()


def test_closing_early_stops_the_workers():
    results = _pool.ordered_map(_slow_first, list(range(1000)), 2)
    assert next(results) == 0
    results.close()
    assert not multiprocessing.active_children()


def test_no_tasks_and_more_workers_than_tasks():
    assert list(_pool.ordered_map(_square, [], 2)) == []
    assert list(_pool.ordered_map(_square, [3], 4)) == [9]


_KILLED_PARENT = """
import multiprocessing, os, signal, sys, time
from newsmodel import _pool

def nap(n):
    time.sleep(0.05)
    return n

results = _pool.ordered_map(nap, list(range(1000)), 2)
next(results)
print(*(p.pid for p in multiprocessing.active_children()), flush=True)
os.kill(os.getpid(), signal.SIGKILL)
"""


def _running(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text(encoding="ascii")
    except FileNotFoundError:
        return False
    return "\nState:\tZ" not in status  # a zombie has ended; only its exit status is left


@pytest.mark.skipif(
    multiprocessing.get_start_method() != "fork" or not Path("/proc/self/status").exists(),
    reason="reads the workers' state in /proc",
)
def test_workers_end_when_their_parent_is_killed(tmp_path):
    # The output goes to a file, not a pipe: a worker left running would hold a pipe open.
    out = tmp_path / "pids"
    with out.open("w") as fp:
        code = subprocess.call(  # noqa: S603 - our own interpreter and code
            [sys.executable, "-c", _KILLED_PARENT], stdout=fp, timeout=60
        )
    assert code == -signal.SIGKILL
    pids = [int(pid) for pid in out.read_text().split()]
    assert len(pids) == 2
    try:
        deadline = time.monotonic() + 10
        while any(_running(pid) for pid in pids) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not any(_running(pid) for pid in pids)
    finally:
        for pid in filter(_running, pids):
            os.kill(pid, signal.SIGKILL)
