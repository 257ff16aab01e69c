"""Shared fixtures and Hypothesis profiles.

Profiles: ``default`` (the normal run), ``ci`` (no deadline, derandomised), ``nightly``
(10,000 examples per property; ``pytest --hypothesis-profile=nightly``).
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import HealthCheck, settings

if TYPE_CHECKING:
    from collections.abc import Callable

sys.path.insert(0, str(Path(__file__).parent))

settings.register_profile("default", deadline=None)
settings.register_profile("ci", deadline=None, derandomize=True, print_blob=True)
settings.register_profile(
    "nightly",
    deadline=None,
    max_examples=10_000,
    suppress_health_check=[HealthCheck.too_slow],
)
# CI runs derandomised, so that a run's result depends on the code alone.
settings.load_profile(
    os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "default")
)

DATA = Path(__file__).parent / "data"


def once_per_run(factory: pytest.TempPathFactory, name: str, make: Callable[[Path], None]) -> Path:
    """A folder that ``make`` fills once a run, shared by the workers of pytest-xdist.

    A module fixture is made once in each worker that runs a test of the module; what costs
    much (a Sphinx build) is made here once: the first worker to claim the folder makes it, the
    others wait for it. Without xdist the folder is this session's own.
    """
    if os.environ.get("PYTEST_XDIST_WORKER") is None:
        out = factory.mktemp(name)
        make(out)
        return out
    shared = factory.getbasetemp().parent  # this run's, beside each worker's own folder
    out, status = shared / name, shared / f"{name}.status"
    try:
        out.mkdir()
    except FileExistsError:
        while not status.exists():
            time.sleep(0.2)
    else:
        try:
            make(out)
        except BaseException as exc:
            status.write_text(f"{type(exc).__name__}: {exc}", "utf-8")
            raise
        status.write_text("made", "utf-8")
    if status.read_text("utf-8") != "made":
        pytest.fail(f"{name} could not be made: {status.read_text('utf-8')}")
    return out
