"""The command line, run in-process through ``main`` and as ``python -m newsmodel``."""

from __future__ import annotations

import importlib
import io
import json as stdjson
import os
import re
import subprocess
import sys
import warnings
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

import newsmodel
from newsmodel import Article, Section, cli, json, newsml, text
from newsmodel.newsml import _writer as newsml_writer

EXAMPLES = Path(__file__).parent.parent / "examples"
TEXT_ARTICLE = Path(__file__).parent / "data" / "text" / "zhetysu-hydrogen.txt"


@pytest.fixture(scope="module")
def example() -> Article:
    return json.loads((EXAMPLES / "article.json").read_bytes())


def quiet_dumps(module, article) -> bytes:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        out = module.dumps(article)
    return out.encode() if isinstance(out, str) else out


def make_articles(folder: Path, n: int, *, nested: bool = True) -> list[Article]:
    """Write ``n`` JSON articles into ``folder`` (some in a subfolder) and return them."""
    made = []
    for i in range(n):
        article = Article(
            headline=f"Новость номер {i}",
            lede="Короткий анонс.",
            sections=[Section(blocks=[f"Абзац {i}."])],
        )
        where = folder / "sub" if nested and i % 3 == 0 else folder
        where.mkdir(parents=True, exist_ok=True)
        (where / f"item{i:03d}.json").write_text(json.dumps(article), encoding="utf-8")
        made.append(article)
    return made


# --- basics ---


def test_version(capsys):
    assert cli.main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"newsmodel {newsmodel.__version__}"


def test_no_command_prints_help_and_fails(capsys):
    assert cli.main([]) == 2
    assert "convert" in capsys.readouterr().out


def test_usage_errors_exit_2(capsys):
    assert cli.main(["convert", "x.json"]) == 2  # --to is required
    assert cli.main(["convert", "x.json", "--to", "yaml"]) == 2
    assert cli.main(["convert", "x.json", "--to", "json", "--jobs", "0"]) == 2
    assert "--to" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("head", "name", "expected"),
    [
        (b'{"headline": "x"}', "a.bin", "json"),
        (b"\xef\xbb\xbf\n  {", "a", "json"),
        (b"<!doctype html><html>", "a.txt", "html"),
        (b"<html lang=ru>", "", "html"),
        (
            b'<?xml version="1.0"?><newsItem xmlns="http://iptc.org/std/nar/2006-10-01/">',
            "",
            "newsml",
        ),
        (b"<nar:newsMessage xmlns:nar='x'>", "a.html", "newsml"),
        ("САЙТ\n\nЗаголовок".encode(), "a.json.txt", "text"),
        (b"plain", "a.xml", "newsml"),
        (b"plain", "a", "text"),
    ],
)
def test_detect_format(head, name, expected):
    assert cli.detect_format(head, name) == expected


def test_version_and_help_do_not_load_the_formats():
    code = (
        "import sys, contextlib, io\n"
        "from newsmodel import cli\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    assert cli.main(['--version']) == 0\n"
        "    assert cli.main(['--help']) == 0\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'lxml'"
        " or m in ('newsmodel.html', 'newsmodel.newsml')))\n"
    )
    done = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.strip() == "[]"


def test_every_format_converts_to_every_other(example):
    data = json.dumps(example).encode()
    for source in cli.FORMATS:
        converted = cli.convert_data(data, "a.json", None, source)
        assert converted.ok, converted.message
        for target in cli.FORMATS:
            outcome = cli.convert_data(converted.data, "", source, target)
            assert outcome.ok, (source, target, outcome.message)


def test_worker_functions_pickle():
    import pickle  # noqa: PLC0415

    for fn in (cli.convert_data, cli.convert_batch):
        assert pickle.loads(pickle.dumps(fn))  # noqa: S301 is fn
    outcome = cli.convert_data(b"{", "a.json", None, "json")
    assert pickle.loads(pickle.dumps(outcome))  # noqa: S301 == outcome
    assert (outcome.error, outcome.line, outcome.column) == ("ParseError", 1, 2)


# --- convert ---


def test_convert_one_file_into_a_directory(tmp_path, example, capsys):
    out = tmp_path / "out"
    assert (
        cli.main(["convert", str(EXAMPLES / "article.json"), "--to", "text", "-o", str(out)]) == 0
    )
    written = out / f"{example.slug}.txt"
    assert [p.name for p in out.iterdir()] == [written.name]
    assert written.read_bytes() == quiet_dumps(text, example)
    err = capsys.readouterr().err
    # one warning for each thing the text shape cannot carry
    assert "converted 1, failed 0, warnings 16" in err
    assert "warning: text: cannot carry: url" in err


def test_convert_to_standard_output(capsysbinary, example):
    assert cli.main(["convert", str(EXAMPLES / "article.json"), "--to", "json", "-q"]) == 0
    captured = capsysbinary.readouterr()
    assert json.loads(captured.out) == example
    assert captured.err == b""


def test_convert_text_to_json_and_back(tmp_path):
    out = tmp_path / "json"
    assert cli.main(["convert", str(TEXT_ARTICLE), "--to", "json", "-o", str(out), "-q"]) == 0
    (produced,) = out.iterdir()
    article = json.loads(produced.read_bytes())
    assert article == text.loads(TEXT_ARTICLE.read_bytes())
    back = tmp_path / "back"
    assert cli.main(["convert", str(produced), "--to", "text", "-o", str(back), "-q"]) == 0
    (again,) = back.iterdir()
    assert again.read_bytes() == TEXT_ARTICLE.read_bytes().replace(b"  ", b" ")


def test_never_overwrites_without_force(tmp_path, capsys):
    out = tmp_path / "out"
    args = ["convert", str(EXAMPLES / "article.json"), "--to", "json", "-o", str(out)]
    assert cli.main(args) == 0
    (written,) = out.iterdir()
    written.write_bytes(b"keep me")
    capsys.readouterr()
    assert cli.main(args) == 1
    assert written.read_bytes() == b"keep me"
    err = capsys.readouterr().err
    assert "exists (use --force to overwrite)" in err
    assert "converted 0, failed 1" in err
    assert cli.main([*args, "--force"]) == 0
    assert written.read_bytes() != b"keep me"


def test_directory_batch_keeps_going_and_reports(tmp_path, capsys):
    src = tmp_path / "src"
    made = make_articles(src, 10)
    (src / "broken.json").write_text('{"headline": "Без конца",\n  "lede": ', encoding="utf-8")
    (src / "sub" / "wrong.json").write_text('{"headline": 5}', encoding="utf-8")
    (src / "notes.md").write_text("not an article", encoding="utf-8")  # not a known extension
    (src / ".hidden").mkdir()
    (src / ".hidden" / "x.json").write_text("{", encoding="utf-8")
    out, report = tmp_path / "out", tmp_path / "report.jsonl"
    code = cli.main(
        ["convert", str(src), "--to", "json", "-o", str(out), "--report", str(report), "-j", "1"]
    )
    assert code == 1
    outputs = sorted(out.rglob("*.json"))
    assert len(outputs) == 10
    assert {json.loads(p.read_bytes()) for p in outputs} == set(made)
    assert (out / "sub").is_dir()  # the input's folders are kept
    records = [stdjson.loads(line) for line in report.read_text(encoding="utf-8").splitlines()]
    assert sorted(Path(r["file"]).name for r in records) == ["broken.json", "wrong.json"]
    broken = next(r for r in records if r["file"].endswith("broken.json"))
    assert (broken["error"], broken["line"], broken["column"]) == ("ParseError", 2, 11)
    wrong = next(r for r in records if r["file"].endswith("wrong.json"))
    assert (wrong["path"], wrong["line"], wrong["column"]) == ("$.headline", 1, 14)
    err = capsys.readouterr().err
    assert "converted 10, failed 2, warnings 0" in err
    assert "broken.json: error: ParseError" in err


def test_parallel_jobs_give_the_same_files(tmp_path):
    src = tmp_path / "src"
    make_articles(src, 40)
    (src / "bad.json").write_text("[]", encoding="utf-8")
    results = {}
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}"
        assert (
            cli.main(["convert", str(src), "--to", "text", "-o", str(out), "-q", "-j", jobs]) == 1
        )
        results[jobs] = {p.relative_to(out): p.read_bytes() for p in out.rglob("*.txt")}
    assert len(results["1"]) == 40
    assert results["1"] == results["2"]


def test_a_parallel_batch_leaves_the_garbage_collector_as_it_found_it(tmp_path):
    import gc  # noqa: PLC0415

    src = tmp_path / "src"
    make_articles(src, 40, nested=False)
    argv = ["convert", str(src), "--to", "text", "-q", "-j", "2", "--force", "-o"]
    assert gc.get_freeze_count() == 0
    assert cli.main([*argv, str(tmp_path / "a")]) == 0
    assert gc.get_freeze_count() == 0  # what it froze for the workers is collectable again
    gc.freeze()  # a program that froze its own objects before calling
    try:
        frozen = gc.get_freeze_count()
        assert cli.main([*argv, str(tmp_path / "b")]) == 0
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()
    assert len(list((tmp_path / "b").iterdir())) == 40


def test_parallel_workers_never_overwrite_and_clean_up(tmp_path, capsys):
    src = tmp_path / "src"
    make_articles(src, 30, nested=False)
    out = tmp_path / "out"
    args = ["convert", str(src), "--to", "json", "-o", str(out), "-j", "2"]
    assert cli.main(args) == 0
    first = {p.name: p.read_bytes() for p in out.iterdir()}
    assert len(first) == 30
    victim = out / min(first)
    victim.write_bytes(b"keep me")
    capsys.readouterr()
    assert cli.main(args) == 1
    assert "converted 0, failed 30" in capsys.readouterr().err
    assert victim.read_bytes() == b"keep me"
    assert sorted(p.name for p in out.iterdir()) == sorted(first)  # no scratch files left
    assert cli.main([*args, "--force"]) == 0
    assert {p.name: p.read_bytes() for p in out.iterdir()} == first


def test_names_from_the_input_stem(tmp_path):
    src = tmp_path / "src"
    make_articles(src, 4)
    out = tmp_path / "out"
    assert (
        cli.main(["convert", str(src), "--to", "text", "--name", "stem", "-o", str(out), "-q"]) == 0
    )
    names = sorted(str(p.relative_to(out)) for p in out.rglob("*.txt"))
    assert names == ["item001.txt", "item002.txt", "sub/item000.txt", "sub/item003.txt"]


def test_same_slug_twice_gets_a_suffix(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    for name in ("a.json", "b.json"):
        (src / name).write_text(json.dumps(Article(headline="Одна и та же новость")), "utf-8")
    out = tmp_path / "out"
    assert cli.main(["convert", str(src), "--to", "json", "-o", str(out), "-q"]) == 0
    assert sorted(p.name for p in out.iterdir()) == [
        "odna-i-ta-zhe-novost-2.json",
        "odna-i-ta-zhe-novost.json",
    ]


def test_failures_are_reported_under_the_normalised_path(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "src" / "sub").mkdir(parents=True)
    (tmp_path / "src" / "sub" / "bad.json").write_text("{", encoding="utf-8")
    (tmp_path / "alone.json").write_text("[]", encoding="utf-8")
    code = cli.main(
        [
            "convert",
            "./src//",
            "./alone.json",
            "--to",
            "json",
            "-o",
            "out",
            "-q",
            "--report",
            "report.jsonl",
            "-j",
            "1",
        ]
    )
    assert code == 1
    lines = (tmp_path / "report.jsonl").read_text(encoding="utf-8").splitlines()
    assert sorted(stdjson.loads(line)["file"] for line in lines) == [
        "alone.json",
        str(Path("src", "sub", "bad.json")),
    ]


def test_names_that_differ_only_in_case_get_a_suffix_where_the_file_system_ignores_case(
    tmp_path, monkeypatch
):
    monkeypatch.setattr(os.path, "normcase", str.lower)  # as on Windows
    namer = cli._Namer(tmp_path, ".html", by_slug=False)  # noqa: SLF001 - the naming rule itself
    first = namer(cli._Input("A.json", "A", "A.json"), "")  # noqa: SLF001
    second = namer(cli._Input("a.xml", "a", "a.xml"), "")  # noqa: SLF001
    assert (Path(first).name, Path(second).name) == ("A.html", "a-2.html")


def test_missing_inputs_fail_but_the_rest_converts(tmp_path, capsys):
    out = tmp_path / "out"
    args = ["convert", str(EXAMPLES / "article.json"), str(tmp_path / "nope.json")]
    assert cli.main([*args, "--to", "json", "-o", str(out)]) == 1
    assert len(list(out.iterdir())) == 1
    assert "nope.json: error: FileNotFoundError" in capsys.readouterr().err


def test_several_inputs_to_standard_output_is_a_usage_error(tmp_path, capsys):
    src = tmp_path / "src"
    make_articles(src, 2, nested=False)
    assert cli.main(["convert", str(src), "--to", "json"]) == 2
    assert "need an output directory: -o DIR" in capsys.readouterr().err
    assert cli.main(["convert", str(src), "--to", "json", "-o", "-"]) == 2
    assert "exactly one input" in capsys.readouterr().err


def test_quiet_prints_only_failures(tmp_path, capsys):
    src = tmp_path / "src"
    make_articles(src, 3)
    (src / "bad.json").write_text("{", encoding="utf-8")
    assert cli.main(["convert", str(src), "--to", "text", "-o", str(tmp_path / "o"), "-q"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1
    assert "bad.json: error" in err[0]


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_is_drawn_on_a_terminal_only(tmp_path, monkeypatch):
    src = tmp_path / "src"
    make_articles(src, 5)
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert (
        cli.main(["convert", str(src), "--to", "text", "-o", str(tmp_path / "a"), "-j", "1"]) == 0
    )
    assert "\r[" in terminal.getvalue()
    assert "5/5" in terminal.getvalue()
    pipe = io.StringIO()
    monkeypatch.setattr(sys, "stderr", pipe)
    assert (
        cli.main(["convert", str(src), "--to", "text", "-o", str(tmp_path / "b"), "-j", "1"]) == 0
    )
    assert "\r" not in pipe.getvalue()
    assert "converted 5" in pipe.getvalue()


# --- validate and show ---


def test_validate_good_files(capsys):
    code = cli.main(["validate", str(EXAMPLES / "article.json"), str(TEXT_ARTICLE)])
    assert code == 0
    captured = capsys.readouterr()
    assert captured.out.count(": valid") == 2
    assert "valid 2, invalid 0" in captured.err


def test_validate_reports_line_and_column(tmp_path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text('{\n  "headline": "Да",\n  "sections": [\n    {"heading": 7}\n  ]\n}', "utf-8")
    broken = tmp_path / "broken.json"
    broken.write_text('{"headline": "Да",,}', "utf-8")
    assert cli.main(["validate", str(bad), str(broken), "-q"]) == 1
    err = capsys.readouterr().err
    assert f"{bad}:4:17: error: expected string, got integer (at $.sections[0].heading)" in err
    assert f"{broken}:1:19: error:" in err


def test_show(capsys, example):
    assert cli.main(["show", str(EXAMPLES / "article.json")]) == 0
    out = capsys.readouterr().out
    assert out.startswith(example.headline + "\n")
    assert "Published: 24 ноября 2026, 10:30" in out
    assert "source: Saryarqa-news.kz (передает)" in out
    assert "author: Айгерим Сапарова" in out
    assert "2. Как устроено производство — 2 paragraphs, 1 list, 1 figure" in out


def test_show_a_bad_file(tmp_path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text("{", "utf-8")
    assert cli.main(["show", str(bad)]) == 1
    assert f"{bad}:1:2: error:" in capsys.readouterr().err


# --- HTML and NewsML-G2 ---


def version_created(data: bytes) -> datetime:
    match = re.search(rb"<versionCreated[^>]*>([^<]+)</versionCreated>", data)
    assert match is not None, data[:300]
    return datetime.fromisoformat(match.group(1).decode().replace("Z", "+00:00"))


def test_converting_an_undated_article_to_newsml_twice_gives_the_same_bytes(tmp_path, monkeypatch):
    undated = json.dumps(Article(headline="Без даты", guid="urn:example:1")).encode()
    first = cli.convert_data(undated, "a.json", None, "newsml")
    # The output must not depend on the clock: move the writer's clock on by a day.

    class Tomorrow(datetime):
        @classmethod
        def now(cls, tz=None):
            return datetime.now(tz) + timedelta(days=1)

    monkeypatch.setattr(newsml_writer, "datetime", Tomorrow)
    second = cli.convert_data(undated, "a.json", None, "newsml")
    assert first.ok, first.message
    assert first.data == second.data
    assert version_created(first.data) == cli.NEWSML_UNDATED
    assert newsml.loads(first.data).published is None  # still undated when read back

    source = tmp_path / "undated.json"
    source.write_bytes(undated)
    for out in ("one", "two"):
        args = ["convert", str(source), "--to", "newsml", "-o", str(tmp_path / out), "-q"]
        assert cli.main(args) == 0
    (one,), (two,) = (list((tmp_path / out).iterdir()) for out in ("one", "two"))
    assert one.read_bytes() == two.read_bytes() == first.data


def test_a_dated_article_keeps_its_own_version_time():
    when = datetime(2026, 11, 25, 9, 5, tzinfo=timezone.utc)
    dated = json.dumps(Article(headline="С датой", published=when)).encode()
    assert version_created(cli.convert_data(dated, "a.json", None, "newsml").data) == when


@pytest.mark.parametrize("fmt", ["html", "newsml"])
def test_convert_to_and_from_other_formats(fmt, tmp_path, example):
    module = importlib.import_module(f"newsmodel.{fmt}")
    out = tmp_path / fmt
    args = ["convert", str(EXAMPLES / "article.json"), "--to", fmt, "-o", str(out), "-q"]
    assert cli.main(args) == 0
    (written,) = out.iterdir()
    assert written.suffix == cli.FORMATS[fmt]
    assert cli.detect_format(written.read_bytes(), "") == fmt
    assert module.loads(written.read_bytes()).headline == example.headline
    assert cli.main(["validate", str(written), "-q"]) == 0


def test_message_round_trip(tmp_path):
    src = tmp_path / "src"
    made = make_articles(src, 6)
    message = tmp_path / "message.xml"
    assert cli.main(["convert", str(src), "--to", "newsml", "--message", str(message), "-q"]) == 0
    out = tmp_path / "out"
    assert cli.main(["convert", str(message), "--to", "json", "-o", str(out), "-q"]) == 0
    back = {json.loads(p.read_bytes()).headline for p in out.rglob("*.json")}
    assert back == {a.headline for a in made}


# --- as a real command ---


def run(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(  # noqa: S603 - our own interpreter and module
        [sys.executable, "-m", "newsmodel", *args],
        input=stdin,
        capture_output=True,
        check=False,
        env=env,
        timeout=60,
    )


def test_python_dash_m_version():
    done = run("--version")
    assert done.returncode == 0
    assert done.stdout.decode().strip() == f"newsmodel {newsmodel.__version__}"


def test_python_dash_m_converts_standard_input():
    done = run("convert", "-", "--from", "text", "--to", "json", stdin=TEXT_ARTICLE.read_bytes())
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == text.loads(TEXT_ARTICLE.read_bytes())


def test_python_dash_m_fails_on_bad_standard_input():
    done = run("convert", "-", "--to", "json", stdin=b'{"headline": ""}')
    assert done.returncode == 1
    assert b"<stdin>: error: ParseError" in done.stderr
    assert done.stdout == b""
