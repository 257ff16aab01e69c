"""The attack suite: every case of cases.toml against the reader it names.

Each case runs in a worker process with a time budget and a memory cap (worker.py), so an
attack that hangs, crashes or explodes fails its own test. What a reader returns is written
by every writer of the installation and each output is checked to be inert (inert.py).
"""

from __future__ import annotations

import os
import secrets
import socket
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from attacks import inert
from attacks.worker import DEFAULT_SECONDS, Worker, available_formats, available_readers

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

HERE = Path(__file__).parent
CASES: list[dict[str, Any]] = tomllib.loads((HERE / "cases.toml").read_text("utf-8"))["case"]
FORMATS = available_formats()
READERS = available_readers()
#: The entry points a case may go through: the reader's loads by default.
ENTRIES = {"loads", "validate", "iter_articles", "cli-convert", "cli-validate"}
KEYS = {
    "id",
    "format",
    "file",
    "generate",
    "args",
    "template",
    "as_text",
    "kwargs",
    "expect",
    "message",
    "line",
    "path",
    "headline",
    "contains",
    "absent",
    "seconds",
    "xfail",
    "escapes",
    "warns",
    "entry",
}


def _param(case: dict[str, Any]) -> Any:
    marks = []
    if case["format"] not in READERS:
        marks.append(pytest.mark.skip(reason=f"newsmodel.{case['format']} is not installed"))
    if "xfail" in case:
        marks.append(pytest.mark.xfail(strict=True, reason=case["xfail"]))
    return pytest.param(case, id=case["id"], marks=marks)


@pytest.fixture(scope="module")
def worker():
    w = Worker()
    yield w
    w.close()


@pytest.fixture(scope="module")
def listener():
    """A local port nothing should ever connect to."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen(8)
        sock.setblocking(False)  # noqa: FBT003
        yield sock


@pytest.fixture(scope="module")
def secret(tmp_path_factory):
    """A local file whose content must never appear in a result."""
    value = f"SECRET-{secrets.token_hex(8)}"
    path = tmp_path_factory.mktemp("secret") / "secret.txt"
    path.write_text(value, "utf-8")
    return path, value


@pytest.fixture(scope="module")
def fifo(tmp_path_factory):
    """A named pipe no one writes to: a reader that opens it waits forever."""
    path = tmp_path_factory.mktemp("fifo") / "pipe"
    if hasattr(os, "mkfifo"):
        os.mkfifo(path)
    else:  # pragma: no cover - Windows
        path.write_text("", "utf-8")
    return path


def _connections(sock: socket.socket) -> int:
    count = 0
    while True:
        try:
            conn, _ = sock.accept()
        except BlockingIOError:
            return count
        conn.close()
        count += 1


def test_manifest_is_well_formed():
    ids = Counter(case["id"] for case in CASES)
    assert [i for i, n in ids.items() if n > 1] == []
    for case in CASES:
        assert set(case) <= KEYS, case["id"]
        assert case["format"] in {"json", "text", "html", "newsml", "ninjs", "nitf", "feed"}, case[
            "id"
        ]
        assert case["expect"] in {"error", "article", "any"}, case["id"]
        assert case.get("entry", "loads") in ENTRIES, case["id"]
        assert "escapes" not in case or "xfail" in case, case["id"]
        assert ("file" in case) != ("generate" in case), case["id"]
        if "file" in case:
            assert (HERE / case["file"]).is_file(), case["id"]


def test_every_attack_file_is_in_the_manifest():
    listed = {case["file"] for case in CASES if "file" in case}
    on_disk = {
        p.relative_to(HERE).as_posix()
        for p in HERE.rglob("*")
        if p.is_file() and p.parent != HERE and "__pycache__" not in p.parts
    }
    assert on_disk - listed == set()


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_attack(case, worker, listener, secret, fifo):
    secret_path, secret_value = secret
    port = str(listener.getsockname()[1])
    substitutions = {
        "fifo_path": str(fifo),
        "port": port,
        "secret_path": str(secret_path),
        "secret_uri": secret_path.as_uri(),
        "secret": secret_value,
    }
    seconds = case.get("seconds", DEFAULT_SECONDS)
    _connections(listener)
    result = worker.run(case, substitutions, seconds)
    assert _connections(listener) == 0, "the reader opened a network connection"
    expected = {"error", "article", "empty"} if case["expect"] == "any" else {case["expect"]}
    assert result["outcome"] in expected, result.get("text", result)

    fmt = case["format"]
    if result["outcome"] == "error":
        assert result["format"] == fmt
        assert case.get("message", "").lower() in result["message"].lower(), result["text"]
        for key in ("line", "path"):
            if key in case:
                assert result[key] == case[key], result["text"]
        for key in ("line", "column"):
            assert result[key] is None or result[key] >= 1, result["text"]
        return
    if result["outcome"] == "empty":
        return

    _check_article(case, result)


def _check_article(case: dict[str, Any], result: dict[str, Any]) -> None:
    if "headline" in case:
        assert result["headline"] == case["headline"]
    if "warns" in case:
        assert any(case["warns"] in w for w in result["warnings"]), result["warnings"]
    assert result["findings"] == []


# --- the same payload through every writer and back ----------------------------------------

PAYLOAD = "</script><script>alert(1)</script>"


@pytest.mark.parametrize("fmt", FORMATS)
def test_script_headline_is_written_inert_and_read_back_as_text(fmt):
    import importlib  # noqa: PLC0415
    import warnings  # noqa: PLC0415

    from newsmodel import Article, LossyConversionWarning, Section  # noqa: PLC0415

    module = importlib.import_module(f"newsmodel.{fmt}")
    article = Article(headline=PAYLOAD, lede=PAYLOAD, sections=[Section(PAYLOAD, [PAYLOAD])])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", LossyConversionWarning)
        written = module.dumps(article)
    assert inert.problems(fmt, written) == []
    back = module.loads(written)
    assert back.headline == PAYLOAD
    assert PAYLOAD in back.text
