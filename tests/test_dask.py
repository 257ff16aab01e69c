"""examples/dask_convert.py on a local Dask cluster with two worker processes."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import warnings
from datetime import datetime, timedelta
from pathlib import Path
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


def test_json_to_json(corpus, tmp_path):
    root, articles = corpus
    done = run_script(str(root), "--to", "json", "-o", str(tmp_path))
    assert done.returncode == 0, done.stderr
    assert f"converted {N}, failed 0" in done.stderr
    written = outputs(tmp_path, ".json")
    assert written.keys() == articles.keys()
    for key, data in written.items():
        assert json.loads(data) == articles[key]


def test_json_to_text(corpus, tmp_path):
    root, articles = corpus
    done = run_script(str(root), "--to", "text", "-o", str(tmp_path))
    assert done.returncode == 0, done.stderr
    written = outputs(tmp_path, ".txt")
    assert written.keys() == articles.keys()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for key, data in written.items():
            assert data.decode() == text.dumps(articles[key])


@pytest.mark.parametrize("fmt", ["html", "newsml"])
def test_other_formats(corpus, tmp_path, fmt):
    module = importlib.import_module(f"newsmodel.{fmt}")
    root, articles = corpus
    done = run_script(str(root), "--to", fmt, "-o", str(tmp_path))
    assert done.returncode == 0, done.stderr
    extension = {"html": ".html", "newsml": ".xml"}[fmt]
    written = outputs(tmp_path, extension)
    assert written.keys() == articles.keys()
    for key, data in written.items():
        assert module.loads(data).headline == articles[key].headline


def test_failures_are_reported_and_existing_files_kept(corpus, tmp_path):
    _, articles = corpus
    bad = tmp_path / "in"
    bad.mkdir()
    (bad / "good.json").write_text(json.dumps(articles["batch0/item000"]), encoding="utf-8")
    (bad / "broken.json").write_text("{", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "good.json").write_bytes(b"keep")
    done = run_script(str(bad), "--to", "json", "-o", str(out))
    assert done.returncode == 1
    assert "broken.json: error: ParseError" in done.stderr
    assert "good.json exists" in done.stderr
    assert (out / "good.json").read_bytes() == b"keep"
