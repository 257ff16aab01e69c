"""examples/isolated_import.py: reading in a worker process with a time limit."""

from __future__ import annotations

import importlib
import sys
import time
from pathlib import Path

import pytest

from newsmodel import ParseError, json

SCRIPT = Path(__file__).parent.parent / "examples" / "isolated_import.py"


@pytest.fixture(scope="module")
def load_isolated():
    # On sys.path, so that spawned workers import the module by name as the parent does.
    sys.path.insert(0, str(SCRIPT.parent))
    try:
        yield importlib.import_module("isolated_import").load_isolated
    finally:
        sys.path.remove(str(SCRIPT.parent))
        sys.modules.pop("isolated_import", None)


def test_returns_the_article(load_isolated):
    article = load_isolated(json.loads, '{"headline": "Заголовок"}', timeout=60)
    assert article.headline == "Заголовок"


def test_a_parse_error_arrives_as_itself(load_isolated):
    with pytest.raises(ParseError) as info:
        load_isolated(json.loads, '{"headline": 1}', timeout=60)
    assert (info.value.format, info.value.path) == ("json", "$.headline")


def test_an_overrun_is_stopped_at_the_timeout(load_isolated):
    started = time.monotonic()
    with pytest.raises(TimeoutError, match=r"longer than 1\.0 s"):
        load_isolated(time.sleep, 60, timeout=1.0)
    assert time.monotonic() - started < 30


def test_the_memory_cap_stops_a_runaway_allocation(load_isolated):
    pytest.importorskip("resource")
    with pytest.raises(MemoryError):
        load_isolated(bytearray, 4 * 1024**3, timeout=60, max_memory=1024**3)
