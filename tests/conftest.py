"""Shared fixtures and Hypothesis profiles.

Profiles: ``default`` (the normal run), ``ci`` (no deadline, derandomised), ``nightly``
(10,000 examples per property; ``pytest --hypothesis-profile=nightly``).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from hypothesis import HealthCheck, settings

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
