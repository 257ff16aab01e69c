"""Read untrusted input in a worker process, with a wall-time limit and a memory cap.

newsmodel's readers bound input size, nesting and tag length, but no library can bound the
wall time of a call inside the caller's own process. To be sure an import never stalls a
service, read in a child process and kill it when it overruns:

    from newsmodel import html
    article = load_isolated(html.loads, page, timeout=10)

A ParseError raised in the child arrives as the same ParseError; an overrun raises
``TimeoutError`` and the child is killed; the memory cap (POSIX only) turns a runaway
allocation into a ``MemoryError`` in the child instead of pressure on the host.
"""

from __future__ import annotations

import multiprocessing
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from collections.abc import Callable

T = TypeVar("T")


def _limit_memory(max_bytes: int | None) -> None:
    if max_bytes is None:
        return
    try:
        import resource  # noqa: PLC0415 - POSIX only
    except ImportError:  # Windows: no address-space limit
        return
    resource.setrlimit(resource.RLIMIT_AS, (max_bytes, resource.getrlimit(resource.RLIMIT_AS)[1]))


def load_isolated(
    loads: Callable[..., T],
    data: object,
    /,
    *,
    timeout: float = 10.0,
    max_memory: int | None = 2 * 1024**3,
    **options: Any,  # noqa: ANN401 - the reader's own keyword options
) -> T:
    """Call ``loads(data, **options)`` in a fresh worker process and return its result.

    Args:
        loads: a reader, such as ``newsmodel.html.loads`` (any picklable function).
        data: the input.
        timeout: seconds to wait before the worker is killed.
        max_memory: the worker's address-space limit in bytes (``None``: no limit).
        options: keyword options for the reader.

    Raises:
        TimeoutError: the call did not finish within ``timeout``; the worker was killed.
        ParseError: the reader refused the input (as raised in the worker).
    """
    context = multiprocessing.get_context("spawn")
    # One task per worker; leaving the block terminates (kills) the pool's process.
    with context.Pool(1, initializer=_limit_memory, initargs=(max_memory,)) as pool:
        pending = pool.apply_async(loads, (data,), options)
        try:
            return pending.get(timeout)
        except multiprocessing.TimeoutError:
            msg = f"reading took longer than {timeout} s; the worker was stopped"
            raise TimeoutError(msg) from None
