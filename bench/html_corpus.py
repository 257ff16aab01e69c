"""Score newsmodel.html's import of real article pages, beside trafilatura, and time both.

Run from the repository root:

    python bench/html_corpus.py [CORPUS_DIR] [--repeat N]

CORPUS_DIR holds NAME.html pages with NAME.json ground truth (default: tests/data/html/corpus).
The body of an import is its lede followed by its sections' text (the lede is the first
paragraph on the page; trafilatura's text holds it too).

Prints a Markdown table: per field, the share of pages right (or the mean recall), for
newsmodel and trafilatura on the same pages in the same run; then pages per second for each and
for a bare lxml parse of the same bytes (the floor no reader can beat).
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import sys
import time
import warnings
from pathlib import Path
from typing import Any

import lxml.html

from newsmodel import Role, html

try:
    import trafilatura
except ImportError:  # pragma: no cover - the bench extra installs it
    trafilatura = None

_SPACE = re.compile(r"\s+")


def norm(text: str | None) -> str:
    return _SPACE.sub(" ", (text or "").replace("\u00a0", " ")).strip().casefold()


def same_headline(found: str | None, truth: str) -> bool:
    a, b = norm(found).strip(" .!?\"'«»"), norm(truth).strip(" .!?\"'«»")
    return bool(a) and a == b


def similar(found: str | None, truth: str) -> bool:
    a, b = norm(found), norm(truth)
    if not a:
        return False
    return a == b or difflib.SequenceMatcher(None, a, b).ratio() >= 0.9


def author_hits(found: list[str], truth: list[str]) -> float:
    found_n = [norm(f) for f in found]
    hits = 0
    for name in truth:
        n = norm(name)
        if any(n == f or (len(f) > 3 and (n in f or f in n)) for f in found_n):
            hits += 1
    return hits / len(truth)


def ours(page: bytes, url: str) -> dict[str, Any]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        a = html.loads(page, url=url)
    return {
        "headline": a.headline,
        "day": a.published.date().isoformat() if a.published else None,
        "authors": [x.name for x in a.credited(Role.AUTHOR)],
        # The model keeps the standfirst apart from the sections; on the page (and in the
        # truth of the htmldate and trafilatura pages) it is the body's first paragraph.
        "body": "\n".join([a.lede or "", *(s.text for s in a.sections)]),
        "lede": a.lede,
        "subheadings": [s.heading for s in a.sections if s.heading],
    }


def theirs(page: bytes, url: str) -> dict[str, Any]:
    d = trafilatura.bare_extraction(page, url=url, with_metadata=True)
    if d is None:
        return {
            "headline": None,
            "day": None,
            "authors": [],
            "body": "",
            "lede": None,
            "subheadings": [],
        }
    heads = [h.text or "" for h in d.body.iter("head")] if d.body is not None else []
    return {
        "headline": d.title,
        "day": d.date,
        "authors": [x.strip() for x in (d.author or "").split(";") if x.strip()],
        "body": d.text or "",
        "lede": d.description,
        "subheadings": heads,
    }


def score(results: list[tuple[dict[str, Any], dict[str, Any]]]) -> dict[str, tuple[float, int]]:
    fields: dict[str, list[float]] = {
        k: []
        for k in (
            "headline",
            "published day",
            "author recall",
            "body excerpts found",
            "boilerplate kept out",
            "lede",
            "subheadings as sections",
        )
    }
    for got, truth in results:
        if truth.get("headline"):
            fields["headline"].append(same_headline(got["headline"], truth["headline"]))
        if truth.get("published_date"):
            ok = {truth["published_date"], *truth.get("published_date_also_ok", [])}
            fields["published day"].append(got["day"] in ok)
        if truth.get("authors"):
            fields["author recall"].append(author_hits(got["authors"], truth["authors"]))
        body = norm(got["body"])
        if truth.get("body_excerpt"):
            fields["body excerpts found"].append(
                all(norm(x) in body for x in truth["body_excerpt"])
            )
        if truth.get("must_not_contain"):
            fields["boilerplate kept out"].append(
                not any(norm(x) in body for x in truth["must_not_contain"])
            )
        if truth.get("lede"):
            fields["lede"].append(similar(got["lede"], truth["lede"]))
        if truth.get("subheadings"):
            heads = {norm(h) for h in got["subheadings"]}
            fields["subheadings as sections"].append(
                sum(norm(h) in heads for h in truth["subheadings"]) / len(truth["subheadings"])
            )
    return {k: (sum(v) / len(v) if v else float("nan"), len(v)) for k, v in fields.items()}


def timed(fn: Any, pages: list[tuple[bytes, str]], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for page, url in pages:
            fn(page, url)
        best = min(best, time.perf_counter() - start)
    return len(pages) / best


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus", nargs="?", default="tests/data/html/corpus")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    files = sorted(Path(args.corpus).glob("*.html"))
    truths = [json.loads(f.with_suffix(".json").read_text("utf-8")) for f in files]
    pages = [(f.read_bytes(), t["url"]) for f, t in zip(files, truths, strict=False)]
    mine = [ours(p, u) for p, u in pages]
    rows = {"newsmodel": score(list(zip(mine, truths, strict=False)))}
    if trafilatura is not None:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            other = [theirs(p, u) for p, u in pages]
        rows[f"trafilatura {trafilatura.__version__}"] = score(
            list(zip(other, truths, strict=False))
        )
    if args.verbose:
        for f, got, truth in zip(files, mine, truths, strict=False):
            print(
                f.stem,
                "|",
                got["headline"],
                "|",
                got["day"],
                "|",
                got["authors"],
                "|",
                truth.get("headline"),
                truth.get("published_date"),
                truth.get("authors"),
            )
    names = list(rows)
    print(f"Corpus: {len(files)} pages in {args.corpus}\n")
    print("| field (pages) | " + " | ".join(names) + " |")
    print("| --- |" + " --- |" * len(names))
    for field, (_, n) in rows["newsmodel"].items():
        cells = " | ".join(f"{rows[name][field][0]:.2f}" for name in names)
        print(f"| {field} ({n}) | {cells} |")
    speed = {"newsmodel": timed(ours, pages, args.repeat)}
    if trafilatura is not None:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            speed[names[1]] = timed(theirs, pages, max(1, args.repeat // 2))
    speed["bare lxml parse"] = timed(
        lambda p, _u: lxml.html.document_fromstring(p),
        pages,
        args.repeat,
    )
    print("\n| reader | pages/s | × trafilatura | share of bare lxml speed |")
    print("| --- | --- | --- | --- |")
    base = speed.get(names[1]) if len(names) > 1 else None
    for name, value in speed.items():
        ratio = f"{value / base:.1f}×" if base else "–"
        print(f"| {name} | {value:.0f} | {ratio} | {value / speed['bare lxml parse']:.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
