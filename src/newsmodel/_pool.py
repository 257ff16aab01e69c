"""Worker processes served by the parent itself: tasks out, results back in task order.

A batch hands its workers many small tasks and writes each result as it comes back, in input
order. :class:`concurrent.futures.ProcessPoolExecutor` runs two threads in the parent for this
(one to feed the call queue, one to collect results), and on a machine with as many cores as
workers they take their CPU time, and the lock, from the thread that writes the results. Here the
parent does it all itself between results: it sends a task to a worker when that worker has room
for one, and reads whatever results are ready before writing the next one.

Each worker gets the function and the task list when it starts (inherited on ``fork``, pickled
once otherwise); a task sent to it is only its index. A worker holds at most :data:`_AHEAD` tasks
(one running, the rest waiting in its pipe), so it never waits for the parent while there is work,
and tasks are never given out further than :data:`_WINDOW` tasks a worker past the first one whose
result the caller has not taken, which bounds the results held in memory.

An exception raised by the function in a worker is raised in the parent in its turn, with the
worker's traceback as its cause; a worker that dies is a :class:`WorkerError`. Either way the
other workers are stopped. A worker's death shows as the end of its pipe, unless another process
forked meanwhile holds a copy of the pipe's other end: so a wait for results also looks, every
:data:`_PATIENCE` seconds, whether the workers it waits for still run.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import pickle
import traceback
from collections import deque
from multiprocessing.connection import wait
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Sequence
    from multiprocessing.connection import Connection
    from multiprocessing.process import BaseProcess

__all__ = ["WorkerError", "ordered_map"]

T = TypeVar("T")
R = TypeVar("R")

#: Tasks a worker holds at once: the one it runs and the next, so that it goes on while the
#: parent is busy writing.
_AHEAD = 2
#: How far past the oldest result not yet taken tasks are given out, in tasks a worker.
_WINDOW = 4
#: Seconds between two looks at whether the workers still run, while waiting for them.
_PATIENCE = 0.5


class WorkerError(RuntimeError):
    """A worker process ended before it sent the result of a task it had been given."""


class _RemoteTraceback(Exception):  # noqa: N818 - shown as the cause, as concurrent.futures does
    """The traceback of an exception in a worker, as text."""

    def __str__(self) -> str:
        return str(self.args[0])


def _serve(
    conn: Connection, work: Callable[[T], R], tasks: Sequence[T], others: list[Connection]
) -> None:
    """The worker's loop: run the tasks whose index comes in, send back each result.

    ``others`` are the parent's ends of the pipes, which a forked worker holds copies of: closed,
    the worker's pipe ends when the parent does. A copy held by another process forked from the
    parent would keep it open, so an idle worker also looks, every :data:`_PATIENCE` seconds,
    whether its parent is still the process that started it: a worker whose parent was killed
    ends instead of waiting for work forever.
    """
    for end in others:
        end.close()
    # What the worker starts with lives as long as it does. Frozen, it is never visited by the
    # worker's garbage collections, and a forked worker, which shares it with the parent until
    # either writes to it, neither copies it nor spends time collecting it. (Freezing moves whole
    # lists of objects at once; the parent's own collector is left as it is.)
    gc.freeze()
    parent = os.getppid()
    with contextlib.suppress(KeyboardInterrupt, EOFError, OSError):
        while True:
            while not conn.poll(_PATIENCE):
                if os.getppid() != parent:
                    return
            n = conn.recv()
            if n is None:
                return
            try:
                reply: tuple[bool, object] = (True, work(tasks[n]))
            except Exception as exc:  # noqa: BLE001 - sent to the parent, which raises it
                reply = (False, (_portable(exc), traceback.format_exc()))
            try:
                conn.send(reply)
            except OSError:  # the parent is gone
                raise
            except Exception as exc:  # noqa: BLE001 - the result does not pickle
                conn.send((False, (_portable(exc), traceback.format_exc())))


def _portable(exc: Exception) -> Exception:
    """``exc``, or a :class:`RuntimeError` naming it if it would not arrive whole."""
    try:
        pickle.loads(pickle.dumps(exc))  # noqa: S301 - our own bytes, just made
    except Exception:  # noqa: BLE001 - any failure to pickle or unpickle
        return RuntimeError(f"{type(exc).__qualname__}: {exc}")
    return exc


class _Worker:
    def __init__(self, process: BaseProcess, conn: Connection) -> None:
        self.process = process
        self.conn = conn
        self.given: deque[int] = deque()

    def give(self, n: int) -> None:
        """Send task ``n``."""
        try:
            self.conn.send(n)
        except OSError:
            raise self.lost() from None
        self.given.append(n)

    def take(self) -> tuple[int, tuple[bool, Any]]:
        """The oldest task given, and what the worker sent for it: a result or an exception."""
        try:
            reply = self.conn.recv()
        except (EOFError, OSError):
            raise self.lost() from None
        except Exception as exc:  # noqa: BLE001 - read whole, but it does not unpickle here
            reply = (False, (exc, "(the result of the task was sent, but could not be read)"))
        return self.given.popleft(), reply

    def check(self) -> None:
        """Raise if the worker has ended with tasks given and nothing left to read."""
        if self.given and not self.process.is_alive() and not self.conn.poll():
            raise self.lost()

    def lost(self) -> WorkerError:
        self.process.join(1)
        code = self.process.exitcode
        return WorkerError(f"a worker process ended unexpectedly (exit code {code})")


def ordered_map(work: Callable[[T], R], tasks: Sequence[T], jobs: int) -> Iterator[R]:
    """``work(task)`` for each task, in ``jobs`` worker processes, the results in task order.

    Raises:
        WorkerError: a worker process ended without sending a result (killed, out of memory).
        Exception: what ``work`` raised in a worker, with the worker's traceback as its cause.
    """
    if jobs < 1:
        msg = f"jobs must be 1 or more, not {jobs}"
        raise ValueError(msg)
    if not tasks:
        return
    context = multiprocessing.get_context()
    forked = context.get_start_method() == "fork"
    workers: list[_Worker] = []
    try:
        for _ in range(min(jobs, len(tasks))):
            ours, theirs = context.Pipe()
            others = [*(worker.conn for worker in workers), ours] if forked else []
            process = context.Process(
                target=_serve, args=(theirs, work, tasks, others), daemon=True
            )
            process.start()
            theirs.close()
            workers.append(_Worker(process, ours))
        yield from _collect(workers, len(tasks))
    finally:
        _stop(workers)


def _collect(workers: list[_Worker], total: int) -> Iterator[Any]:
    done: dict[int, tuple[bool, Any]] = {}
    sent = 0
    by_conn = {worker.conn: worker for worker in workers}
    for want in range(total):
        limit = min(total, want + _WINDOW * len(workers))
        # Take every result that is ready, then wait for the one wanted if it is not yet.
        timeout = 0.0
        while True:
            for worker in workers:
                while len(worker.given) < _AHEAD and sent < limit:
                    worker.give(sent)
                    sent += 1
            ready = wait([worker.conn for worker in workers if worker.given], timeout)
            for conn in ready:
                n, reply = by_conn[conn].take()  # type: ignore[index]
                done[n] = reply
            if want in done:
                break
            if not ready and timeout:
                for worker in workers:
                    worker.check()
            timeout = _PATIENCE
        ok, value = done.pop(want)
        if not ok:
            exc, text = value
            raise exc from _RemoteTraceback(text)
        yield value


def _stop(workers: list[_Worker]) -> None:
    """Tell idle workers to end, stop busy ones, and wait for all of them."""
    for worker in workers:
        if worker.given:
            worker.process.terminate()
        else:
            with contextlib.suppress(OSError):
                worker.conn.send(None)
        worker.conn.close()
    for worker in workers:
        worker.process.join()
