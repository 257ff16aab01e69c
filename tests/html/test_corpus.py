"""Import of 25 real article pages against their ground truth (tests/data/html/README.md).

Scores are asserted over the whole set, per field, so that a change that makes import worse
in general fails, while no page is special-cased.
"""

from __future__ import annotations

import difflib
import json
import re
import warnings
from pathlib import Path
from typing import Any

import pytest

from newsmodel import Article, Role
from newsmodel import html as nhtml

CORPUS = Path(__file__).parent.parent / "data" / "html" / "corpus"


def _norm(text: str | None) -> str:
    return re.sub(r"\s+", " ", (text or "").replace("\u00a0", " ")).strip().casefold()


@pytest.fixture(scope="module")
def results() -> list[tuple[Article, dict[str, Any]]]:
    out = []
    for page in sorted(CORPUS.glob("*.html")):
        truth = json.loads(page.with_suffix(".json").read_text("utf-8"))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            out.append((nhtml.loads(page.read_bytes(), url=truth["url"]), truth))
    return out


def _share(values: list[float]) -> float:
    assert values, "no page has truth for this field"
    return sum(values) / len(values)


def test_corpus_is_complete(results: list[tuple[Article, dict[str, Any]]]) -> None:
    assert len(results) == 25


def test_headline(results: list[tuple[Article, dict[str, Any]]]) -> None:
    right = [
        _norm(a.headline).strip(" .!?") == _norm(t["headline"]).strip(" .!?")
        for a, t in results
        if t.get("headline")
    ]
    assert _share(right) >= 0.84


def test_published_day(results: list[tuple[Article, dict[str, Any]]]) -> None:
    right = [
        a.published is not None
        and a.published.isoformat()[:10]
        in {t["published_date"], *t.get("published_date_also_ok", [])}
        for a, t in results
        if t.get("published_date")
    ]
    assert _share(right) >= 0.88


def test_author_recall(results: list[tuple[Article, dict[str, Any]]]) -> None:
    recall = []
    for a, t in results:
        if not t.get("authors"):
            continue
        found = [_norm(x.name) for x in a.credited(Role.AUTHOR)]
        hits = sum(
            any(_norm(n) in f or (len(f) > 3 and f in _norm(n)) for f in found)
            for n in t["authors"]
        )
        recall.append(hits / len(t["authors"]))
    assert _share(recall) >= 0.88


def _body(a: Article) -> str:
    """The body as the page shows it: the standfirst, then the sections."""
    return _norm("\n".join([a.lede or "", *(s.text for s in a.sections)]))


def test_body_excerpts(results: list[tuple[Article, dict[str, Any]]]) -> None:
    right = []
    for a, t in results:
        body = _body(a)
        right.append(all(_norm(x) in body for x in t["body_excerpt"]))
    assert _share(right) >= 0.95


def test_boilerplate_kept_out(results: list[tuple[Article, dict[str, Any]]]) -> None:
    right = []
    for a, t in results:
        if t.get("must_not_contain"):
            body = _body(a)
            right.append(not any(_norm(x) in body for x in t["must_not_contain"]))
    assert _share(right) >= 0.8


def test_subheadings_become_sections(results: list[tuple[Article, dict[str, Any]]]) -> None:
    recall = []
    for a, t in results:
        if t.get("subheadings"):
            heads = {_norm(s.heading) for s in a.sections if s.heading}
            recall.append(sum(_norm(h) in heads for h in t["subheadings"]) / len(t["subheadings"]))
    assert _share(recall) >= 0.95


def _similar(found: str | None, truth: str) -> bool:
    a, b = _norm(found), _norm(truth)
    return bool(a) and (a == b or difflib.SequenceMatcher(None, a, b).ratio() >= 0.9)


def test_lede(results: list[tuple[Article, dict[str, Any]]]) -> None:
    right = [_similar(a.lede, t["lede"]) for a, t in results if t.get("lede")]
    assert _share(right) >= 0.85


def test_cyrillic_pages_decode(results: list[tuple[Article, dict[str, Any]]]) -> None:
    for a, t in results:
        if t["language"] in {"ru", "uk"}:
            assert re.search("[а-яіїє]", a.headline), t["name"]
            assert "Ð" not in a.text, t["name"]
