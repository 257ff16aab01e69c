"""The command line converts to and from ninjs and validates it against IPTC's schema."""

from __future__ import annotations

import json

from conftest import DATA
from newsmodel import batch, cli

VALID = DATA / "ninjs" / "valid"


def test_ninjs_is_detected_apart_from_newsmodel_json():
    assert batch.detect_format((VALID / "ninjs-3x-full.json").read_bytes()) == "ninjs"
    assert batch.detect_format((VALID / "superdesk-1x-text.json").read_bytes()) == "ninjs"
    assert batch.detect_format((VALID / "api-envelope.json").read_bytes()) == "ninjs"
    assert batch.detect_format(b'{"headline": "A", "sections": [], "uri": 1}') == "json"


def test_convert_to_ninjs_and_back(tmp_path, capsys):
    out = tmp_path / "out"
    assert (
        cli.main(["convert", str(VALID / "ninjs-3x-full.json"), "--to", "json", "-o", str(out)])
        == 0
    )
    written = out / "v-astane-otkryli-novyy-most.json"
    assert json.loads(written.read_text("utf-8"))["headline"] == "В Астане открыли новый мост"
    back = tmp_path / "back"
    assert cli.main(["convert", str(written), "--to", "ninjs", "-o", str(back)]) == 0
    item = json.loads((back / "v-astane-otkryli-novyy-most.json").read_text("utf-8"))
    assert item["headlines"][0]["value"] == "В Астане открыли новый мост"
    assert item["standard"]["version"] == "3.1"
    capsys.readouterr()


def test_validate_checks_ninjs_against_its_schema(tmp_path, capsys):
    good = VALID / "ninjs-3x-full.json"
    bad = tmp_path / "bad.json"
    bad.write_text('{"uri": "urn:x:1", "headlines": [{"role": "main"}]}', "utf-8")
    assert cli.main(["validate", str(good), "-q"]) == 0
    assert cli.main(["validate", "--from", "ninjs", str(bad), "-q"]) == 1
    err = capsys.readouterr().err
    assert "error: at $.headlines[0]: 'value' is a required property" in err


def test_validate_reads_every_item_of_a_response(capsys):
    assert cli.main(["validate", str(VALID / "api-envelope.json")]) == 0
    assert ": valid" in capsys.readouterr().out


def test_validate_without_jsonschema_still_checks_the_article(monkeypatch, capsys):
    from newsmodel import ninjs  # noqa: PLC0415

    def missing(*_args: object, **_kwargs: object) -> list[object]:
        raise ModuleNotFoundError("No module named 'jsonschema'")

    monkeypatch.setattr(ninjs, "validate", missing)
    assert cli.main(["validate", str(VALID / "ninjs-3x-full.json")]) == 0
    out = capsys.readouterr()
    assert "not checked against its schema: pip install 'pynewsmodel[validate]'" in out.out
    assert ": valid" in out.out


def test_batch_converts_ninjs_and_finds_its_json_files(tmp_path):
    data = (VALID / "ninjs-3x-full.json").read_bytes()
    outcome = batch.convert(data, to="ninjs")
    assert outcome.ok, outcome.message
    assert json.loads(outcome.data)["headlines"][0]["value"] == "В Астане открыли новый мост"
    (tmp_path / "item.json").write_bytes(data)
    (tmp_path / "page.html").write_text("<p>x</p>", "utf-8")
    found = batch.find_inputs([tmp_path], source="ninjs")
    assert [item.relative for item in found] == ["item"]
    assert batch.FORMATS["ninjs"] == ".json"
