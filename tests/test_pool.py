"""newsmodel._pool: the worker processes of a parallel batch, served without threads."""

from __future__ import annotations

import gc
import json as std_json
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


def _frozen(_: int) -> int:
    return gc.get_freeze_count()


@pytest.mark.skipif(multiprocessing.get_start_method() != "fork", reason="inherits the objects")
def test_a_forked_worker_freezes_what_it_inherits():
    # its collections then never visit, nor copy, the pages it shares with the parent
    tracked = len(gc.get_objects())
    (frozen,) = _pool.ordered_map(_frozen, [0], 1)
    assert frozen > tracked // 2  # all but what changed in between, and not a few hundred


def test_results_come_in_task_order_from_every_worker():
    tasks = list(range(200))
    assert list(_pool.ordered_map(_square, tasks, 2)) == [n * n for n in tasks]


def test_a_slow_first_task_keeps_the_order_with_more_workers_than_two():
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


class _Brittle:
    """Pickles, but does not unpickle."""

    def __reduce__(self) -> tuple[object, tuple[()]]:
        return _NeedsAWord, ()


def _brittle_on_four(n: int) -> object:
    return _Brittle() if n == 4 else n


def test_a_result_that_does_not_unpickle_is_raised_in_its_turn():
    results = _pool.ordered_map(_brittle_on_four, list(range(10)), 2)
    assert [next(results) for _ in range(4)] == [0, 1, 2, 3]
    with pytest.raises(TypeError, match="word"):
        next(results)
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


def test_jobs_below_one_are_refused():
    with pytest.raises(ValueError, match="jobs must be 1 or more, not 0"):
        list(_pool.ordered_map(_square, [1], 0))


def test_no_tasks_and_more_workers_than_tasks():
    assert list(_pool.ordered_map(_square, [], 2)) == []
    assert list(_pool.ordered_map(_square, [3], 4)) == [9]


_KILLED_PARENT = """
import json, multiprocessing, os, signal, sys, time
from newsmodel import _pool

def nap(n):
    time.sleep(0.01)
    return n

results = _pool.ordered_map(nap, list(range(1000)), 2)
next(results)
pids = {"workers": [p.pid for p in multiprocessing.active_children()], "others": []}
if sys.argv[1] == "beside another process":
    # forked after the workers, it holds copies of the parent's ends of their pipes
    other = multiprocessing.Process(target=time.sleep, args=(60,), daemon=True)
    other.start()
    pids["others"].append(other.pid)
print(json.dumps(pids), flush=True)
time.sleep(0.2)  # results pile up unread
os.kill(os.getpid(), signal.SIGKILL)
"""


def _running(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text(encoding="ascii")
    except FileNotFoundError:
        return False
    return "\nState:\tZ" not in status  # a zombie has ended; only its exit status is left


_PROC = pytest.mark.skipif(
    multiprocessing.get_start_method() != "fork" or not Path("/proc/self/status").exists(),
    reason="forks, and reads the workers' state in /proc",
)


@_PROC
@pytest.mark.parametrize("case", ["alone", "beside another process"])
def test_workers_end_quietly_when_their_parent_is_killed(tmp_path, case):
    # The output goes to files, not pipes: a worker left running would hold a pipe open.
    out, err = tmp_path / "pids", tmp_path / "err"
    with out.open("w") as stdout, err.open("w") as stderr:
        code = subprocess.call(  # noqa: S603 - our own interpreter and code
            [sys.executable, "-c", _KILLED_PARENT, case], stdout=stdout, stderr=stderr, timeout=60
        )
    assert code == -signal.SIGKILL
    pids = std_json.loads(out.read_text())
    assert len(pids["workers"]) == 2
    try:
        deadline = time.monotonic() + 10
        while any(map(_running, pids["workers"])) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not any(map(_running, pids["workers"]))
        assert err.read_text() == ""  # no worker's traceback
    finally:
        for pid in filter(_running, pids["workers"] + pids["others"]):
            os.kill(pid, signal.SIGKILL)


class _Crowded:
    """A fork context that forks another process beside each new pipe, which holds both ends."""

    def __init__(self) -> None:
        self.context = multiprocessing.get_context("fork")
        self.others: list[multiprocessing.process.BaseProcess] = []

    def __getattr__(self, name: str) -> object:
        return getattr(self.context, name)

    def Pipe(self) -> object:  # noqa: N802 - the context's method
        ends = self.context.Pipe()
        other = self.context.Process(target=time.sleep, args=(60,), daemon=True)
        other.start()
        self.others.append(other)
        return ends


@_PROC
def test_a_worker_that_dies_is_seen_while_another_process_holds_its_pipe(monkeypatch):
    crowded = _Crowded()
    monkeypatch.setattr(_pool.multiprocessing, "get_context", lambda: crowded)
    start = time.monotonic()
    try:
        with pytest.raises(_pool.WorkerError, match=r"exit code 7"):
            list(_pool.ordered_map(_dies_on_five, list(range(40)), 2))
        assert time.monotonic() - start < 10  # not when the other processes end
    finally:
        for other in crowded.others:
            other.kill()
            other.join()
