"""newsmodel.batch: converting many documents from Python, without the command line."""

from __future__ import annotations

import contextlib
import io
import multiprocessing
import os
import pickle
import sys
import threading
from datetime import datetime, timezone
from pathlib import Path

import pytest

from newsmodel import Article, Section, batch, json, newsml
from newsmodel._files import MOST, OutputNames, is_windows_device, read_file, write_file

EXAMPLES = Path(__file__).parent.parent / "examples"


def write_articles(folder: Path, headlines: list[str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i, headline in enumerate(headlines):
        article = Article(headline=headline, sections=[Section(blocks=[f"Абзац {i}."])])
        (folder / f"item{i:03d}.json").write_text(json.dumps(article), encoding="utf-8")


# --- one document ---


def test_convert_returns_the_document_and_its_slug():
    outcome = batch.convert('{"headline": "Снег в Астане"}'.encode(), to="json", name="a.json")
    assert outcome.ok
    assert (outcome.name, outcome.slug, outcome.error) == ("a.json", "sneg-v-astane", "")
    assert json.loads(outcome.data).headline == "Снег в Астане"


def test_a_bad_document_is_an_outcome_with_where_it_went_wrong():
    outcome = batch.convert(b'{\n  "headline": 5}', to="text", name="b.json")
    assert not outcome.ok
    assert (outcome.error, outcome.path, outcome.line) == ("ParseError", "$.headline", 2)
    assert outcome.data == b""


def test_options_are_keyword_only_and_checked():
    with pytest.raises(TypeError):
        batch.convert(b"{}", "json")  # type: ignore[misc]
    with pytest.raises(ValueError, match="to must be one of"):
        batch.convert(b"{}", to="yaml")
    with pytest.raises(ValueError, match="source must be one of"):
        batch.read_files([], source="yaml")
    with pytest.raises(ValueError, match="jobs must be 1 or more"):
        batch.convert_files([], to="json", jobs=0)


def test_outcomes_are_frozen_and_pickle():
    outcome = batch.convert(b"{", to="json", name="a.json")
    assert pickle.loads(pickle.dumps(outcome)) == outcome  # noqa: S301 - our own bytes
    with pytest.raises(AttributeError):
        outcome.error = ""  # type: ignore[misc]


def test_formats_cannot_be_changed_by_a_caller():
    with pytest.raises(TypeError):
        batch.FORMATS["yaml"] = ".yaml"  # type: ignore[index]


# --- only input problems are failures; a bug propagates ---


def broken_reader(*_args, **_options):
    msg = "a bug in a reader"
    raise RuntimeError(msg)


def test_a_bug_in_a_reader_propagates_instead_of_failing_the_document(monkeypatch):
    monkeypatch.setattr(json, "loads", broken_reader)
    with pytest.raises(RuntimeError, match="a bug in a reader") as info:
        batch.convert(b'{"headline": "x"}', to="text", name="a.json")
    if sys.version_info >= (3, 11):
        assert "while converting a.json: a bug in newsmodel" in info.value.__notes__[0]


def test_a_bug_propagates_from_every_batch_function(monkeypatch, tmp_path):
    write_articles(tmp_path / "src", ["Первая", "Вторая"])
    monkeypatch.setattr(json, "loads", broken_reader)
    with pytest.raises(RuntimeError, match="a bug in a reader"):
        list(batch.convert_files([tmp_path / "src"], to="text", output=tmp_path / "out"))
    with pytest.raises(RuntimeError, match="a bug in a reader"):
        list(batch.read_files([tmp_path / "src"]))
    assert not list((tmp_path / "out").rglob("*.txt"))
    assert not list((tmp_path / "out").glob(".newsmodel-*"))  # the scratch folder is removed


def dying_reader(*_args, **_options):
    os._exit(9)


@pytest.mark.skipif(
    multiprocessing.get_start_method() != "fork", reason="workers must inherit the reader"
)
@pytest.mark.parametrize(
    ("reader", "error"),
    [
        (broken_reader, "a bug in a reader"),
        (dying_reader, r"worker process ended unexpectedly \(exit code 9\)"),
    ],
    ids=["a bug propagates", "a worker that dies stops the batch"],
)
def test_a_worker_process_that_fails(monkeypatch, tmp_path, reader, error):
    write_articles(tmp_path / "src", [f"Новость {i}" for i in range(40)])
    monkeypatch.setattr(json, "loads", reader)
    outcomes = batch.convert_files([tmp_path / "src"], to="text", output=tmp_path / "o", jobs=2)
    with pytest.raises(RuntimeError, match=error):
        list(outcomes)
    assert not multiprocessing.active_children()
    assert not list((tmp_path / "o").iterdir())  # nothing written, the scratch folder removed


def test_input_problems_are_failures_and_the_batch_goes_on(tmp_path):
    write_articles(tmp_path / "src", ["Первая"])
    (tmp_path / "src" / "bad.json").write_text("{", encoding="utf-8")
    sources = [tmp_path / "src", tmp_path / "missing.json"]
    outcomes = list(batch.convert_files(sources, to="text", output=tmp_path / "out"))
    assert [(Path(o.name).name, o.error) for o in outcomes] == [
        ("bad.json", "ParseError"),
        ("item000.json", ""),
        ("missing.json", "FileNotFoundError"),
    ]
    assert Path(outcomes[1].output).read_text(encoding="utf-8").endswith("Абзац 0.")


# --- many files ---


def test_convert_files_into_memory_keeps_the_data(tmp_path):
    write_articles(tmp_path, ["Первая", "Вторая"])
    outcomes = list(batch.convert_files([tmp_path], to="json"))
    assert [json.loads(o.data).headline for o in outcomes] == ["Первая", "Вторая"]
    assert all(o.output == "" for o in outcomes)


def test_worker_processes_give_the_same_outcomes(tmp_path):
    write_articles(tmp_path / "src", [f"Новость {i}" for i in range(40)])
    (tmp_path / "src" / "bad.json").write_text("[]", encoding="utf-8")
    runs = {}
    for jobs in (1, 2):
        out = tmp_path / f"out{jobs}"
        outcomes = list(batch.convert_files([tmp_path / "src"], to="text", output=out, jobs=jobs))
        runs[jobs] = [
            (o.name, Path(o.output).relative_to(out) if o.output else o.error) for o in outcomes
        ]
    assert runs[1] == runs[2]
    assert len(runs[1]) == 41


def test_a_worker_sends_small_results_and_writes_large_ones(tmp_path):
    # A result over the size sent back is written to the scratch file of its input's number.
    long = "Длинный абзац. " * (batch._SENT_BYTES // 20)  # noqa: SLF001
    for i, text in enumerate(["Короткий абзац.", long, long]):
        article = Article(headline=f"Новость {i}", sections=[Section(blocks=[text])])
        (tmp_path / f"item{i}.json").write_text(json.dumps(article), encoding="utf-8")
    paths = [(str(path), path.name) for path in sorted(tmp_path.glob("*.json"))]
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    (scratch / "9").write_bytes(b"")  # the third result's file: taken
    outcomes = batch._convert_paths(  # noqa: SLF001 - the worker function itself
        paths, None, "text", str(scratch), first=7, force_embargo=False
    )
    assert [(o.name, o.error) for o in outcomes] == [
        ("item0.json", ""),
        ("item1.json", ""),
        ("item2.json", "FileExistsError"),  # a worker that cannot write fails that document
    ]
    assert outcomes[0].data.decode().endswith("Короткий абзац.")
    assert outcomes[0].output == ""
    assert outcomes[1].output == str(scratch / "8")
    assert outcomes[1].data == b""
    assert (scratch / "8").read_text(encoding="utf-8").endswith("Длинный абзац.")


def test_large_and_small_results_land_the_same_with_workers(tmp_path):
    long = "Длинный абзац. " * (batch._SENT_BYTES // 20)  # noqa: SLF001
    for i in range(40):
        text = long if i % 3 == 0 else f"Абзац {i}."
        article = Article(headline=f"Новость {i}", sections=[Section(blocks=[text])])
        (tmp_path / "src").mkdir(exist_ok=True)
        (tmp_path / "src" / f"item{i:02d}.json").write_text(json.dumps(article), encoding="utf-8")
    for jobs in (1, 2):
        out = tmp_path / f"out{jobs}"
        outcomes = list(batch.convert_files([tmp_path / "src"], to="json", output=out, jobs=jobs))
        assert all(o.ok and o.data == b"" for o in outcomes)
    one = {p.name: p.read_bytes() for p in (tmp_path / "out1").iterdir()}
    two = {p.name: p.read_bytes() for p in (tmp_path / "out2").iterdir()}
    assert one == two
    assert len(one) == 40
    assert not any(p.name.startswith(".") for p in (tmp_path / "out2").iterdir())


def test_streams_alone_convert_in_this_process_whatever_the_jobs(tmp_path):
    streams = [io.BytesIO(json.dumps(Article(headline=f"Новость {i}")).encode()) for i in range(40)]
    outcomes = list(batch.convert_files(streams, to="text", output=tmp_path / "out", jobs=2))
    assert [o.error for o in outcomes] == [""] * 40
    assert len(list((tmp_path / "out").iterdir())) == 40


def test_never_overwrites_unless_forced(tmp_path):
    write_articles(tmp_path / "src", ["Первая"])
    out = tmp_path / "out"
    (first,) = batch.convert_files([tmp_path / "src"], to="json", output=out)
    Path(first.output).write_bytes(b"keep me")
    (again,) = batch.convert_files([tmp_path / "src"], to="json", output=out)
    assert (again.error, again.message) == ("FileExistsError", f"{first.output} exists")
    assert Path(first.output).read_bytes() == b"keep me"
    Path(first.output).write_bytes(b"x" * 100_000)  # longer than the article: cut, not kept
    (forced,) = batch.convert_files([tmp_path / "src"], to="json", output=out, force=True)
    assert forced.ok
    source = next((tmp_path / "src").iterdir()).read_bytes()
    assert Path(first.output).read_bytes() == batch.convert(source, to="json").data


def test_streams_and_find_inputs(tmp_path):
    write_articles(tmp_path / "src", ["Первая"])
    (tmp_path / "src" / ".hidden.json").write_text("{", encoding="utf-8")
    (tmp_path / "src" / "notes.md").write_text("x", encoding="utf-8")
    stream = io.BytesIO(b'{"headline": "Stream"}')
    inputs = batch.find_inputs([stream, tmp_path / "src"])
    assert [(i.name, i.relative) for i in inputs] == [
        ("<stream>", "stream"),
        (str(tmp_path / "src" / "item000.json"), "item000"),
    ]
    assert batch.find_inputs([tmp_path / "src"], source="text") == []
    outcomes = list(batch.convert_files(inputs, to="text", output=tmp_path / "out"))
    assert sorted(Path(o.output).name for o in outcomes) == ["pervaya.txt", "stream.txt"]


@pytest.mark.skipif(sys.platform == "win32", reason="links and named pipes as on POSIX")
def test_a_folder_gives_its_files_in_order_and_nothing_else(tmp_path):
    src = tmp_path / "src"
    for relative in ["b.json", "a/z.json", "a/b/c.json", "a.json", "A.JSON", "a/.x/y.json"]:
        (src / relative).parent.mkdir(parents=True, exist_ok=True)
        (src / relative).write_text("{}", encoding="utf-8")
    (src / "outside").mkdir()
    (src / "outside" / "o.json").write_text("{}", encoding="utf-8")
    (src / "link-to-folder.json").symlink_to(src / "outside")  # a folder: not followed
    (src / "linked").symlink_to(src / "outside", target_is_directory=True)
    (src / "link-to-file.json").symlink_to(src / "b.json")  # a file
    (src / "broken.json").symlink_to(src / "missing.json")
    os.mkfifo(src / "pipe.json")
    locked = src / "locked"
    locked.mkdir()
    (locked / "l.json").write_text("{}", encoding="utf-8")
    locked.chmod(0)
    try:
        found = [(i.relative, i.path) for i in batch.find_inputs([src])]
    finally:
        locked.chmod(0o700)
    # by the parts of their paths: the folder "a" before the file "a.json"
    expected = ["A", "a/b/c", "a/z", "a", "b", "link-to-file", "outside/o"]
    if os.geteuid() == 0:  # root lists any folder
        expected.insert(-1, "locked/l")
    assert [relative for relative, _ in found] == expected
    assert all(path == os.path.normpath(path) for _, path in found)
    assert found[0][1] == str(src / "A.JSON")


def test_read_files_reads_a_message_item_by_item(tmp_path):
    articles = [Article(headline=f"Новость {i}") for i in range(3)]
    message = tmp_path / "feed.xml"
    with message.open("wb") as fp:
        newsml.dump_message(articles, fp, now=batch.NEWSML_UNDATED)
    read = list(batch.read_files([message]))
    assert [o.name for o, _ in read] == [f"{message}#{n}" for n in (1, 2, 3)]
    assert [a.headline for _, a in read if a is not None] == [a.headline for a in articles]
    in_memory = io.BytesIO(message.read_bytes())
    assert len(list(batch.read_files([in_memory]))) == 3


def test_a_message_gives_one_output_per_item(tmp_path):
    message = tmp_path / "feed.xml"
    with message.open("wb") as fp:
        newsml.dump_message([Article(headline="Один"), Article(headline="Два")], fp)
    outcomes = list(batch.convert_files([message], to="json", output=tmp_path / "out"))
    assert sorted(Path(o.output).relative_to(tmp_path / "out").as_posix() for o in outcomes) == [
        "feed/dva.json",
        "feed/odin.json",
    ]


# --- output names ---


@pytest.mark.parametrize(
    "name",
    [
        "con",
        "CON",
        "nul",
        "Aux",
        "prn",
        "com1",
        "COM9",
        "lpt1",
        "LpT9",
        "nul.tar",
        "con .x",
        "com¹",
    ],
)
def test_windows_devices(name):
    assert is_windows_device(name)
    assert is_windows_device(f"{name}.json")


@pytest.mark.parametrize("name", ["console", "com", "com10", "lpt", "nul-2", "aux_", "icon", ""])
def test_not_windows_devices(name):
    assert not is_windows_device(name)


def test_device_names_get_a_suffix_on_every_system():
    names = OutputNames("out", ".json", by_slug=False)
    got = [names.name(stem, "") for stem in ("con", "CON", "con", "nul.tar", "com1", "con-2")]
    assert got == [
        "out/con-2.json",
        "out/CON-2.json",  # "CON" is not "con" where case counts (as here)
        "out/con-3.json",
        "out/nul-2.tar.json",
        "out/com1-2.json",
        "out/con-2-2.json",
    ]
    assert not any(is_windows_device(Path(p).name) for p in got)
    assert names.name("aux/lpt1/a", "") == "out/aux-2/lpt1-2/a.json"


def test_articles_slugged_as_devices_keep_their_output(tmp_path):
    write_articles(tmp_path / "src", ["CON", "nul", "Com1", "LPT9", "Aux", "prn"])
    outcomes = list(batch.convert_files([tmp_path / "src"], to="json", output=tmp_path / "out"))
    names = sorted(Path(o.output).name for o in outcomes)
    assert names == [
        "aux-2.json",
        "com1-2.json",
        "con-2.json",
        "lpt9-2.json",
        "nul-2.json",
        "prn-2.json",
    ]


def test_lossy_warnings_travel_with_their_attributes(tmp_path):
    article = json.loads((EXAMPLES / "article.json").read_bytes())
    data = json.dumps(article).encode()
    outcome = batch.convert(data, to="text")
    assert outcome.lost
    assert len(outcome.warnings) == len(outcome.lost)
    assert {w.kind for w in outcome.lost} >= {"field"}
    assert all(w.format == "text" for w in outcome.lost)
    write_articles(tmp_path / "src", [f"Новость {i}" for i in range(40)])
    for i in range(40):
        (tmp_path / "src" / f"item{i:03d}.json").write_bytes(data)
    runs = [
        list(batch.convert_files([tmp_path / "src"], to="text", output=tmp_path / f"o{j}", jobs=j))
        for j in (1, 2)
    ]
    described = [[[(w.kind, w.lost, w.count) for w in o.lost] for o in run] for run in runs]
    assert described[0] == described[1]
    assert all(o.lost for o in runs[1])  # they cross the process boundary


# --- embargo ---

_FUTURE = datetime(2999, 1, 1, 6, 0, tzinfo=timezone.utc)
_PAST = datetime(2000, 1, 1, 6, 0, tzinfo=timezone.utc)


def _embargoed(folder: Path, name: str, embargo: datetime | None) -> Path:
    path = folder / f"{name}.json"
    path.write_text(json.dumps(Article(headline=name, embargo=embargo)), encoding="utf-8")
    return path


def test_only_html_publishes_among_the_formats():
    assert {"html"} == batch.PUBLISHING
    assert set(batch.FORMATS) >= batch.PUBLISHING


def test_an_article_under_embargo_is_not_published():
    data = json.dumps(Article(headline="Рано", embargo=_FUTURE)).encode()
    outcome = batch.convert(data, to="html", name="early.json")
    assert not outcome.ok
    assert outcome.error == "WriteError"
    assert outcome.name == "early.json"
    assert "2999-01-01T06:00:00+00:00" in outcome.message
    assert outcome.data == b""


def test_an_embargo_is_published_when_forced_or_passed():
    early = json.dumps(Article(headline="Рано", embargo=_FUTURE)).encode()
    forced = batch.convert(early, to="html", force_embargo=True)
    assert forced.ok
    assert b"<h1" in forced.data
    late = json.dumps(Article(headline="Поздно", embargo=_PAST)).encode()
    assert batch.convert(late, to="html").ok


@pytest.mark.parametrize("to", sorted(set(batch.FORMATS) - batch.PUBLISHING))
def test_exchange_formats_carry_an_embargo_on(to):
    data = json.dumps(Article(headline="Рано", embargo=_FUTURE)).encode()
    assert batch.convert(data, to=to).ok


@pytest.mark.parametrize("jobs", [1, 2])
def test_convert_files_refuses_each_embargoed_article_and_writes_the_rest(tmp_path, jobs):
    src = tmp_path / "src"
    src.mkdir()
    early = _embargoed(src, "early", _FUTURE)
    _embargoed(src, "late", _PAST)
    _embargoed(src, "free", None)
    # enough files that two jobs use worker processes
    for i in range(40):
        _embargoed(src, f"more{i:02d}", None)
    out = tmp_path / "out"
    outcomes = {o.name: o for o in batch.convert_files([src], to="html", output=out, jobs=jobs)}
    refused = [o for o in outcomes.values() if not o.ok]
    assert [o.name for o in refused] == [str(early)]
    assert "under embargo until 2999-01-01T06:00:00+00:00" in refused[0].message
    assert not (out / "early.html").exists()
    assert (out / "late.html").exists()
    forced = list(
        batch.convert_files([early], to="html", output=out, force_embargo=True, jobs=jobs)
    )
    assert [o.ok for o in forced] == [True]
    assert (out / "early.html").exists()


def test_an_embargoed_item_of_a_message_is_refused(tmp_path, monkeypatch):
    message = tmp_path / "feed.xml"
    items = [Article(headline="Рано", embargo=_FUTURE), Article(headline="Сейчас")]
    with message.open("wb") as fp:
        newsml.dump_message(items, fp)
    # The items as read, embargo included, whether or not NewsML-G2 carries it.
    monkeypatch.setattr(newsml, "iter_articles", lambda _fp, **_options: iter(items))
    outcomes = list(batch.convert_files([message], to="html", output=tmp_path / "out"))
    assert [(o.name, o.error) for o in outcomes] == [
        (f"{message}#1", "WriteError"),
        (f"{message}#2", ""),
    ]


def test_files_are_read_and_written_whole(tmp_path):
    data = os.urandom(3 * 1024 * 1024 + 7)  # more than one read's chunk
    path = str(tmp_path / "big")
    write_file(path, data, replace=False)
    assert read_file(path) == data
    with pytest.raises(FileExistsError):
        write_file(path, b"short", replace=False)
    write_file(path, b"short", replace=True)
    assert read_file(path) == b"short"
    write_file(path, b"", replace=True)
    assert read_file(path) == b""


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
def test_a_named_pipe_given_by_name_is_read_to_its_end(tmp_path):
    fifo = str(tmp_path / "pipe")
    os.mkfifo(fifo)
    data = os.urandom(2 * 1024 * 1024 + 3)  # a pipe tells no size: read in chunks

    def feed() -> None:
        with Path(fifo).open("wb") as fp:
            fp.write(data)

    writer = threading.Thread(target=feed)
    writer.start()
    try:
        assert read_file(fifo) == data
    finally:
        writer.join()


_OVER = "document of more than 16777216 bytes is over the limit of max_bytes=16777216"


def test_a_document_over_the_size_limit_is_refused_unread(tmp_path):
    big = tmp_path / "big.json"
    with big.open("wb") as fp:
        fp.write(b'{"headline": "' + b"a" * (MOST + 100) + b'"}')
    assert len(read_file(str(big), MOST)) == MOST
    assert read_file(str(big), 10) == b'{"headline'
    (outcome,) = batch.convert_files([big], to="json")
    assert (outcome.error, outcome.message) == ("ParseError", _OVER)
    (outcome,) = batch._convert_paths(  # noqa: SLF001 - the worker function itself
        [(str(big), "big.json")], None, "json", str(tmp_path), first=0, force_embargo=False
    )
    assert (outcome.error, outcome.message) == ("ParseError", _OVER)
    ((outcome, article),) = batch.read_files([big])
    assert (outcome.error, article) == ("ParseError", None)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
def test_a_pipe_without_end_is_read_no_further_than_the_limit(tmp_path):
    fifo = str(tmp_path / "endless.json")
    os.mkfifo(fifo)
    sent = [0]
    chunk = b"[" * (1 << 20)

    def feed() -> None:  # 40 MiB, or until the reader has had enough
        with contextlib.suppress(BrokenPipeError), Path(fifo).open("wb") as fp:
            for _ in range(40):
                fp.write(chunk)
                sent[0] += len(chunk)

    writer = threading.Thread(target=feed)
    writer.start()
    try:
        (outcome,) = batch.convert_files([fifo], to="json")
    finally:
        writer.join()
    assert (outcome.error, outcome.message) == ("ParseError", _OVER)
    assert sent[0] < 40 * len(chunk)
