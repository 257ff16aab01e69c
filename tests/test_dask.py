"""examples/dask_convert.py on a local Dask cluster with two worker processes.

One test runs the script as a user does, on a cluster it starts; the others call its ``run``
on one cluster that this module starts once (starting a cluster is most of a run's cost).
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import warnings
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

import pytest

from newsmodel import (
    Article,
    Attribution,
    Emphasis,
    ItemList,
    Link,
    Paragraph,
    Quote,
    Role,
    Section,
    json,
    text,
)

if TYPE_CHECKING:
    from collections.abc import Iterator

pytest.importorskip("dask.distributed", reason="dask[distributed] (the dask extra) is missing")
pytest.importorskip("fsspec", reason="fsspec is not installed (the dask extra)")

SCRIPT = Path(__file__).parent.parent / "examples" / "dask_convert.py"
N = 50


def generated(n: int) -> list[Article]:
    """Articles of varied shape: Russian and Kazakh text, sections, quotes, lists, links."""
    almaty = ZoneInfo("Asia/Almaty")
    start = datetime(2026, 11, 1, 9, 0, tzinfo=almaty)
    out = []
    for i in range(n):
        blocks: list[object] = [
            Paragraph(
                [
                    f"Абзац {i} о событиях в области Абай, ",
                    Link("https://example.kz/", "подробнее"),
                    ".",
                ]
            ),
            Paragraph(["Әкімдік ", Emphasis("хабарлады"), f" — {i} жаңалық."]),
        ]
        if i % 3 == 0:
            blocks.append(Quote(f"Цитата номер {i}.", cite="аким"))
        if i % 4 == 0:
            blocks.append(ItemList(["первый пункт", "второй пункт"], ordered=bool(i % 8)))
        out.append(
            Article(
                headline=f"Новость {i}: в Шымкенте открыли школу № {i}",
                lede=f"Анонс новости {i}.",
                sections=[Section(blocks=blocks[:1]), Section(f"Раздел {i}", blocks[1:])],
                attributions=[Attribution("Kazinform", role=Role.SOURCE, phrase="передает")],
                published=start + timedelta(hours=i),
                rubrics=["Регионы"],
                tags=["Шымкент"],
                site="ДАЛА ХАБАР",
            )
        )
    return out


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> tuple[Path, dict[str, Article]]:
    root = tmp_path_factory.mktemp("dask-in")
    articles = {}
    for i, article in enumerate(generated(N)):
        name = f"batch{i % 3}/item{i:03d}.json"
        (root / name).parent.mkdir(exist_ok=True)
        (root / name).write_text(json.dumps(article), encoding="utf-8")
        articles[f"batch{i % 3}/item{i:03d}"] = article
    return root, articles


@pytest.fixture(scope="module")
def example() -> Iterator[Any]:
    """The example script as a module, importable by the workers too (they get ``sys.path``)."""
    sys.path.insert(0, str(SCRIPT.parent))
    try:
        yield importlib.import_module(SCRIPT.stem)
    finally:
        sys.path.remove(str(SCRIPT.parent))


@pytest.fixture(scope="module")
def client(example: Any) -> Iterator[Any]:  # noqa: ARG001 - the path, before the workers start
    """A client of a local cluster of two worker processes, shared by this module's tests."""
    from dask.distributed import Client, LocalCluster  # noqa: PLC0415 - after the skip above

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        cluster = LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        )
        connected = Client(cluster)
    try:
        yield connected
    finally:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            connected.close()
            cluster.close()


def run_script(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "PYTHONWARNINGS": "ignore"}
    return subprocess.run(  # noqa: S603 - our own interpreter and example
        [sys.executable, str(SCRIPT), *args, "--workers", "2"],
        capture_output=True,
        text=True,
        check=False,
        env=env,
        timeout=300,
    )


def outputs(folder: Path, extension: str) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder).with_suffix("")): p.read_bytes()
        for p in folder.rglob(f"*{extension}")
    }


def test_the_script_converts_json_to_json_on_a_cluster_of_its_own(corpus, tmp_path):
    root, articles = corpus
    done = run_script(str(root), "--to", "json", "-o", str(tmp_path))
    assert done.returncode == 0, done.stderr
    assert f"converted {N}, failed 0" in done.stderr
    written = outputs(tmp_path, ".json")
    assert written.keys() == articles.keys()
    for key, data in written.items():
        assert json.loads(data) == articles[key]


def _converted(records: list[dict[str, Any]]) -> None:
    assert len(records) == N
    assert [r for r in records if r["error"] or not r["output"]] == []


def test_json_to_text(corpus, example, client, tmp_path):
    root, articles = corpus
    _converted(example.run([str(root)], "text", str(tmp_path), client=client))
    written = outputs(tmp_path, ".txt")
    assert written.keys() == articles.keys()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for key, data in written.items():
            assert data.decode() == text.dumps(articles[key])


@pytest.mark.parametrize("fmt", ["html", "newsml"])
def test_other_formats(corpus, example, client, tmp_path, fmt):
    module = importlib.import_module(f"newsmodel.{fmt}")
    root, articles = corpus
    _converted(example.run([str(root)], fmt, str(tmp_path), client=client))
    extension = {"html": ".html", "newsml": ".xml"}[fmt]
    written = outputs(tmp_path, extension)
    assert written.keys() == articles.keys()
    for key, data in written.items():
        assert module.loads(data).headline == articles[key].headline


def test_failures_are_reported_and_existing_files_kept(corpus, example, client, tmp_path):
    _, articles = corpus
    bad = tmp_path / "in"
    bad.mkdir()
    (bad / "good.json").write_text(json.dumps(articles["batch0/item000"]), encoding="utf-8")
    (bad / "broken.json").write_text("{", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "good.json").write_bytes(b"keep")
    records = example.run([str(bad)], "json", str(out), client=client)
    errors = {Path(r["input"]).name: r["error"] for r in records}
    assert errors["broken.json"].startswith("ParseError: ")
    assert errors["good.json"] == f"FileExistsError: {out / 'good.json'} exists"
    assert (out / "good.json").read_bytes() == b"keep"
