"""The command line, run in-process through ``main`` and as ``python -m newsmodel``."""

from __future__ import annotations

import importlib
import io
import json as stdjson
import multiprocessing
import os
import re
import subprocess
import sys
import warnings
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

import newsmodel
from newsmodel import Article, Section, batch, cli, json, newsml, text
from newsmodel._files import OutputNames
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
    assert batch.detect_format(head, name=name) == expected


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
    for source in batch.FORMATS:
        converted = batch.convert(data, to=source, name="a.json")
        assert converted.ok, converted.message
        for target in batch.FORMATS:
            outcome = batch.convert(converted.data, to=target, source=source)
            assert outcome.ok, (source, target, outcome.message)


def test_worker_functions_pickle():
    import pickle  # noqa: PLC0415

    for fn in (batch.convert, batch.read_files, batch.convert_files):
        assert pickle.loads(pickle.dumps(fn))  # noqa: S301 is fn
    outcome = batch.convert(b"{", to="json", name="a.json")
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


def test_an_article_under_embargo_is_not_published_without_force_embargo(tmp_path, capsys):
    src = tmp_path / "src"
    src.mkdir()
    when = datetime(2999, 1, 1, 6, 0, tzinfo=timezone.utc)
    early = src / "early.json"
    early.write_text(json.dumps(Article(headline="Рано", embargo=when)), encoding="utf-8")
    (src / "now.json").write_text(json.dumps(Article(headline="Сейчас")), encoding="utf-8")
    out = tmp_path / "out"
    args = ["convert", str(src), "--to", "html", "-o", str(out), "-j", "1"]
    assert cli.main(args) == 1
    err = capsys.readouterr().err
    line = next(line for line in err.splitlines() if "embargo" in line)
    assert line.startswith(f"{early}: error: WriteError:")
    assert "under embargo until 2999-01-01T06:00:00+00:00" in line
    assert line.endswith("(use --force-embargo to publish it anyway)")
    assert "converted 1, failed 1" in err
    assert sorted(p.name for p in out.iterdir()) == ["seychas.html"]
    # JSON is not publishing: the embargo travels on with the article.
    assert cli.main([*args[:3], "json", *args[4:]]) == 0
    assert (out / "rano.json").exists()
    assert not (out / "rano.html").exists()
    capsys.readouterr()
    assert cli.main([*args, "--force-embargo", "--force"]) == 0
    assert "Рано" in (out / "rano.html").read_text(encoding="utf-8")


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
    before = gc.get_freeze_count()  # not 0 on Python 3.12, which starts with some frozen
    assert cli.main([*argv, str(tmp_path / "a")]) == 0
    assert gc.get_freeze_count() == before
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
    names = OutputNames(str(tmp_path), ".html", by_slug=False)
    first = names.name("A", "")
    second = names.name("a", "")
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
    first = batch.convert(undated, to="newsml", name="a.json")
    # The output must not depend on the clock: move the writer's clock on by a day.

    class Tomorrow(datetime):
        @classmethod
        def now(cls, tz=None):
            return datetime.now(tz) + timedelta(days=1)

    monkeypatch.setattr(newsml_writer, "datetime", Tomorrow)
    second = batch.convert(undated, to="newsml", name="a.json")
    assert first.ok, first.message
    assert first.data == second.data
    assert version_created(first.data) == batch.NEWSML_UNDATED
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
    assert version_created(batch.convert(dated, to="newsml", name="a.json").data) == when


@pytest.mark.parametrize("fmt", ["html", "newsml"])
def test_convert_to_and_from_other_formats(fmt, tmp_path, example):
    module = importlib.import_module(f"newsmodel.{fmt}")
    out = tmp_path / fmt
    args = ["convert", str(EXAMPLES / "article.json"), "--to", fmt, "-o", str(out), "-q"]
    assert cli.main(args) == 0
    (written,) = out.iterdir()
    assert written.suffix == batch.FORMATS[fmt]
    assert batch.detect_format(written.read_bytes()) == fmt
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


# --- hostile names and contents ---

# What a terminal acts on: an OSC title change ended by BEL, a clear screen, C1 CSI, a bidi
# override, a carriage return that rewrites the line.
HOSTILE = "\x1b]0;pwned\x07\x1b[2J\x9b31m\u202eabc\r"
RAW = ("\x1b", "\x07", "\x9b", "\u202e", "\r")


def assert_escaped(printed: str) -> None:
    for char in RAW:
        assert char not in printed, repr(char)
    assert "\\x1b]0;pwned\\x07\\x1b[2J\\x9b31m\\u202eabc\\r" in printed


def hostile_key_file(folder: Path) -> Path:
    """A JSON file whose name and unknown key are the hostile string."""
    folder.mkdir(parents=True, exist_ok=True)
    bad = folder / f"{HOSTILE}.json"
    key = stdjson.dumps(HOSTILE)
    bad.write_text(f'{{"headline": "x", {key}: 1}}', encoding="utf-8")
    return bad


def test_validate_escapes_what_it_prints_from_a_file(tmp_path, capsys):
    bad = hostile_key_file(tmp_path)
    assert cli.main(["validate", str(bad)]) == 1
    captured = capsys.readouterr()
    assert_escaped(captured.err)  # the message quotes the key
    assert "\\x1b]0;pwned\\x07\\x1b[2J\\x9b31m\\u202eabc\\r.json" in captured.err  # its name
    good = tmp_path / "\x1b[2Jgood\u202e.json"
    good.write_text('{"headline": "x"}', encoding="utf-8")
    assert cli.main(["validate", str(good)]) == 0
    out = capsys.readouterr().out
    assert "\\x1b[2Jgood\\u202e.json: valid" in out
    assert "\x1b" not in out
    assert "\u202e" not in out


def test_validate_escapes_warnings(tmp_path, capsys):
    page = tmp_path / "\x1b[31m.html"
    page.write_bytes(
        b"<html><body><article><h1>T</h1><p>x</p><video></video></article></body></html>"
    )
    cli.main(["validate", str(page)])
    printed = capsys.readouterr()
    assert "\x1b" not in printed.out + printed.err
    assert "\\x1b[31m.html" in printed.out + printed.err


def test_show_escapes_what_it_prints_from_a_file(tmp_path, capsys):
    bad = hostile_key_file(tmp_path)
    assert cli.main(["show", str(bad)]) == 1
    assert_escaped(capsys.readouterr().err)
    page = tmp_path / f"{HOSTILE}.html"
    page.write_bytes(
        b"<html><body><article><h1>T</h1><p>x</p><table></table></article></body></html>"
    )
    assert cli.main(["show", str(page)]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("T\n")
    assert "warning: html: dropped from the body: 1 table" in captured.err  # escaped name first
    assert_escaped(captured.err)


def test_summary_escapes_every_value_it_prints(example):
    # The readers and the model already remove these: the summary escapes them all the same.
    fields = {
        "headline": HOSTILE,
        "lede": HOSTILE,
        "site": HOSTILE,
        "rubrics": (HOSTILE,),
        "tags": (HOSTILE,),
        "url": "https://example.kz/" + HOSTILE,
    }
    article = example
    for name, value in fields.items():
        object.__setattr__(article := copy_of(article), name, value)
    section = copy_of(article.sections[1])
    object.__setattr__(section, "heading", HOSTILE)
    attribution = copy_of(article.attributions[0])
    object.__setattr__(attribution, "name", HOSTILE)
    object.__setattr__(attribution, "phrase", HOSTILE)
    subject = copy_of(article.subjects[0])
    object.__setattr__(subject, "label", HOSTILE)
    object.__setattr__(article, "sections", (article.sections[0], section))
    object.__setattr__(article, "attributions", (attribution,))
    object.__setattr__(article, "subjects", (subject,))
    printed = cli.summary(article)
    for char in RAW:
        assert char not in printed, repr(char)
    escaped = "\\x1b]0;pwned\\x07\\x1b[2J\\x9b31m\\u202eabc\\r"
    # headline, lede, masthead (site and rubric), attribution name and phrase, heading, tag,
    # subject, URL
    assert printed.count(escaped) == 10


def copy_of(value):
    import copy  # noqa: PLC0415

    return copy.copy(value)


def test_convert_escapes_names_and_messages(tmp_path, capsys):
    bad = hostile_key_file(tmp_path / "src")
    assert cli.main(["convert", str(bad), "--to", "json", "-o", str(tmp_path / "out")]) == 1
    assert_escaped(capsys.readouterr().err)


def test_a_lone_surrogate_in_a_json_key_does_not_stop_the_report(tmp_path, capsys):
    src = tmp_path / "src"
    make_articles(src, 3, nested=False)
    for name in ("a.json", "b.json"):
        (src / name).write_bytes(b'{"headline": "x", "\\ud800\\u009b\\u202e": 1}')
    report = tmp_path / "report.jsonl"
    out = tmp_path / "out"
    args = ["convert", str(src), "--to", "json", "-o", str(out), "--report", str(report), "-j", "1"]
    assert cli.main(args) == 1
    assert "converted 3, failed 2" in capsys.readouterr().err
    assert len(list(out.iterdir())) == 3
    raw = report.read_bytes()
    raw.decode("utf-8")  # strict UTF-8: no lone surrogate written
    assert b"\xc2\x9b" not in raw  # no C1 control, no bidi override either
    assert "\u202e".encode() not in raw
    records = [stdjson.loads(line) for line in raw.decode().splitlines()]
    assert [Path(r["file"]).name for r in records] == ["a.json", "b.json"]
    assert all("\ud800\x9b\u202e" in r["message"] for r in records)  # JSON escapes read back


def test_output_names_that_are_windows_devices_get_a_suffix(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    for i, headline in enumerate(["CON", "nul", "Com1", "LPT9", "Aux", "prn"]):
        (src / f"{i}.json").write_text(json.dumps(Article(headline=headline)), encoding="utf-8")
    (src / "con.tar.json").write_text(json.dumps(Article(headline="Обычная")), encoding="utf-8")
    out = tmp_path / "out"
    assert cli.main(["convert", str(src), "--to", "text", "-o", str(out), "-q"]) == 0
    assert sorted(p.name for p in out.iterdir()) == [
        "aux-2.txt",
        "com1-2.txt",
        "con-2.txt",
        "lpt9-2.txt",
        "nul-2.txt",
        "obychnaya.txt",
        "prn-2.txt",
    ]
    stems = tmp_path / "stems"
    assert cli.main(["convert", str(src), "--to", "text", "--name", "stem", "-o", str(stems)]) == 0
    assert "con-2.tar.txt" in {p.name for p in stems.iterdir()}


# --- validate: what convert writes, validate accepts ---


def test_validate_accepts_the_message_convert_writes(tmp_path, capsys):
    src = tmp_path / "src"
    make_articles(src, 4)
    message = tmp_path / "message.xml"
    assert cli.main(["convert", str(src), "--to", "newsml", "--message", str(message), "-q"]) == 0
    assert newsml.validate(message.read_bytes()) == []
    capsys.readouterr()
    assert cli.main(["validate", str(message)]) == 0
    captured = capsys.readouterr()
    assert f"{message}: valid" in captured.out
    assert "valid 1, invalid 0" in captured.err
    with message.open("rb") as fp:  # standard input too
        done = run("validate", "-", stdin=fp.read())
    assert done.returncode == 0, done.stderr


def test_validate_reports_a_broken_item_of_a_message(tmp_path, capsys):
    message = tmp_path / "message.xml"
    with message.open("wb") as fp:
        newsml.dump_message([Article(headline="Один"), Article(headline="Два")], fp)
    # The second item loses its headline, slugline and title: schema-valid, but no article.
    data = message.read_bytes().replace("Два".encode(), b"")
    message.write_bytes(data.replace(b"<slugline>dva</slugline>", b""))
    assert cli.main(["validate", str(message)]) == 1
    err = capsys.readouterr().err
    assert f"{message}:" in err
    assert "no headline" in err
    assert "valid 0, invalid 1" in err


# --- a bug is a bug, not a bad file ---


def test_a_bug_in_a_reader_stops_the_command_and_says_so(tmp_path, monkeypatch, capsys):
    src = tmp_path / "src"
    make_articles(src, 3, nested=False)

    def broken(*_args, **_options):
        msg = "a bug in a reader"
        raise RuntimeError(msg)

    monkeypatch.setattr(json, "loads", broken)
    report = tmp_path / "report.jsonl"
    argv = ["convert", str(src), "--to", "text", "-o", str(tmp_path / "o"), "-j", "1"]
    assert cli.main([*argv, "--report", str(report)]) == 70
    err = capsys.readouterr().err
    assert "RuntimeError: a bug in a reader" in err
    assert "internal error: a bug in newsmodel, not a problem of the input" in err
    assert "error: RuntimeError" not in err  # not reported as a failed file
    assert report.read_text(encoding="utf-8") == ""
    assert cli.main(["show", str(src / "item000.json")]) == 70
    assert cli.main(["validate", str(src / "item000.json")]) == 70


@pytest.mark.skipif(
    multiprocessing.get_start_method() != "fork", reason="workers must inherit the dying reader"
)
def test_a_killed_worker_stops_the_command_without_calling_it_a_bug(tmp_path, monkeypatch, capsys):
    src = tmp_path / "src"
    make_articles(src, 40, nested=False)
    monkeypatch.setattr(json, "loads", lambda *_args, **_options: os.kill(os.getpid(), 9))
    argv = ["convert", str(src), "--to", "text", "-o", str(tmp_path / "o"), "-j", "2"]
    assert cli.main(argv) == 70
    err = capsys.readouterr().err
    assert "newsmodel: error: a worker process ended unexpectedly (exit code -9)" in err
    assert "the batch stopped" in err
    assert "bug" not in err
    assert "Traceback" not in err
