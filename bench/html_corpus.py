"""Score newsmodel.html's import of real article pages, beside trafilatura, and time both.

Run from the repository root:

    python bench/html_corpus.py [CORPUS_DIR ...] [--repeat N] [--halves] [--digits N]

Each CORPUS_DIR holds NAME.html (or gzip-compressed NAME.html.gz) pages with NAME.json ground
truth (default: tests/data/html/corpus); several folders are measured together. The body of an
import is its lede followed by its sections' text (the lede is the first paragraph on the page;
trafilatura's text holds it too). Where the truth gives the whole body (``body_text``), the body
is also scored as the extraction benchmarks do: 4-token shingles of word tokens, per-page
precision and recall, and F1 of the two means.

Prints a Markdown table: per field, the share of pages right (or the mean recall), for
newsmodel and trafilatura on the same pages in the same run; then pages per second for each and
for a bare lxml parse of the same bytes (the floor no reader can beat). With ``--halves``, each
folder's pages are also scored in two halves split by a stable hash of the file name (SHA-1 of
the stem, even or odd first byte): tune rules on one half and check them on the other.
"""

from __future__ import annotations

import argparse
import difflib
import gzip
import hashlib
import json
import logging
import re
import sys
import time
import unicodedata
import warnings
from collections import Counter
from pathlib import Path
from typing import Any

import lxml.html

from newsmodel import Role, html

try:
    import trafilatura
except ImportError:  # pragma: no cover - the bench extra installs it
    trafilatura = None
try:  # measured beside the others when installed (pip install readability-lxml)
    import readability
except ImportError:  # pragma: no cover
    readability = None
else:  # it logs a traceback for each page it cannot read; the page scores as empty
    logging.getLogger("readability.readability").setLevel(logging.CRITICAL)

_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"\w+")
_SHINGLE = 4


def norm(text: str | None) -> str:
    # NFC: a page (and its truth) may spell "ü" as "u" and a combining mark; a reader that
    # composes it has the same text
    text = unicodedata.normalize("NFC", (text or "").replace("\u00a0", " "))
    return _SPACE.sub(" ", text).strip().casefold()


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
        "day": a.published.isoformat()[:10] if a.published else None,
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


#: What a reader does not give at all: a dash in its column, not a zero.
_NOT_GIVEN = {
    "readability-lxml": {"published day", "author recall", "lede", "subheadings as sections"}
}


def readable(page: bytes, _url: str) -> dict[str, Any]:
    """readability-lxml's article: its title and the text of its summary (no metadata).

    A page it cannot read (it raises on some charset declarations) scores as empty.
    """
    doc = readability.Document(page)
    try:
        summary = lxml.html.fromstring(doc.summary(html_partial=True))
        title = doc.short_title()
    except Exception:  # noqa: BLE001 - any failure of the other reader is an empty result
        summary, title = lxml.html.fromstring("<div></div>"), None
    return {
        "headline": title,
        "day": None,
        "authors": [],
        "body": "\n".join(" ".join(t.split()) for t in summary.itertext() if t.strip()),
        "lede": None,
        "subheadings": [],
    }


def shingles(text: str) -> Counter[tuple[str, ...]]:
    words = _WORD.findall(unicodedata.normalize("NFC", text).casefold())
    return Counter(tuple(words[i : i + _SHINGLE]) for i in range(max(0, len(words) - _SHINGLE + 1)))


def body_overlap(found: str, truth: str) -> tuple[float, float]:
    """Precision and recall of the extracted body's shingles against the true body's."""
    got, want = shingles(found), shingles(truth)
    shared = sum((got & want).values())
    precision = shared / sum(got.values()) if got else 0.0
    recall = shared / sum(want.values()) if want else 0.0
    return precision, recall


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
            "body precision",
            "body recall",
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
        if truth.get("body_text"):
            precision, recall = body_overlap(got["body"], truth["body_text"])
            fields["body precision"].append(precision)
            fields["body recall"].append(recall)
    out = {k: (sum(v) / len(v) if v else float("nan"), len(v)) for k, v in fields.items()}
    (p, n), (r, _) = out["body precision"], out["body recall"]
    out["body F1"] = (2 * p * r / (p + r) if p + r else float("nan"), n)
    return out


def read_pages(folders: list[str]) -> tuple[list[str], list[dict[str, Any]], list[bytes]]:
    """The names, truths and bytes of every page in the folders."""
    names, truths, pages = [], [], []
    for folder in folders:
        for path in sorted(Path(folder).iterdir()):
            if path.name.endswith(".html"):
                data = path.read_bytes()
            elif path.name.endswith(".html.gz"):
                data = gzip.decompress(path.read_bytes())
            else:
                continue
            stem = path.name.split(".html")[0]
            names.append(stem)
            truths.append(json.loads((path.parent / f"{stem}.json").read_text("utf-8")))
            pages.append(data)
    return names, truths, pages


def half_of(stem: str) -> str:
    """The half of a corpus a page is in, by a stable hash of its name: ``"A"`` or ``"B"``."""
    return "AB"[hashlib.sha1(stem.encode(), usedforsecurity=False).digest()[0] & 1]


def timed(fn: Any, pages: list[tuple[bytes, str]], repeat: int) -> float:
    """Pages per second of CPU time (the process's, not the wall clock's: the machine may be
    shared), the best of ``repeat`` runs."""
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        for page, url in pages:
            fn(page, url)
        best = min(best, time.process_time() - start)
    return len(pages) / best


def print_table(
    folders: list[str],
    picked: list[int],
    results: dict[str, list[dict[str, Any]]],
    truths: list[dict[str, Any]],
    digits: int = 2,
) -> None:
    """The scores of the pages ``picked`` (indexes), newsmodel beside the other readers, each
    with ``digits`` decimals."""
    rows = {name: score([(found[i], truths[i]) for i in picked]) for name, found in results.items()}
    names = list(rows)
    print(f"Corpus: {len(picked)} pages in {', '.join(folders)}\n")
    print("| field (pages) | " + " | ".join(names) + " |")
    print("| --- |" + " --- |" * len(names))
    for field, (_, n) in rows["newsmodel"].items():
        if not n:
            continue  # no page of these folders has truth for the field
        cells = " | ".join(
            "-" if field in _NOT_GIVEN.get(name, ()) else f"{rows[name][field][0]:.{digits}f}"
            for name in names
        )
        print(f"| {field} ({n}) | {cells} |")
    print()


def print_tables(
    corpus: list[str],
    files: list[str],
    results: dict[str, list[dict[str, Any]]],
    truths: list[dict[str, Any]],
    *,
    halves: bool,
    digits: int = 2,
) -> None:
    """One table per folder when there are several, all the pages together, then the halves."""
    groups = [[f] for f in corpus] if len(corpus) > 1 else []
    counts = [len(read_pages([f])[0]) for f in corpus]
    starts = [sum(counts[:i]) for i in range(len(counts))]
    for folders in [*groups, corpus]:
        picked = [
            i
            for f, start, n in zip(corpus, starts, counts, strict=True)
            if f in folders
            for i in range(start, start + n)
        ]
        print_table(folders, picked, results, truths, digits)
    if halves:
        for folder, start, n in zip(corpus, starts, counts, strict=True):
            for half in "AB":
                picked = [i for i in range(start, start + n) if half_of(files[i]) == half]
                print_table([f"{folder} (half {half})"], picked, results, truths, digits)


def print_speed(readers: dict[str, Any], pages: list[tuple[bytes, str]], repeat: int) -> None:
    """Pages per second of each reader and of a bare parse, each the best of ``repeat`` runs.

    The runs take turns (each reader once, then again): a load that comes and goes on a shared
    machine weighs on every reader alike.
    """
    names = list(readers)
    timers = {**readers, "bare lxml parse": lambda p, _u: lxml.html.document_fromstring(p)}
    speed = dict.fromkeys(timers, 0.0)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for _ in range(repeat):
            for name, reader in timers.items():
                speed[name] = max(speed[name], timed(reader, pages, 1))
    print("\n| reader | pages/s | × trafilatura | share of bare lxml speed |")
    print("| --- | --- | --- | --- |")
    base = speed.get(names[1]) if len(names) > 1 else None
    for name, value in speed.items():
        ratio = f"{value / base:.1f}×" if base else "–"
        print(f"| {name} | {value:.0f} | {ratio} | {value / speed['bare lxml parse']:.2f} |")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus", nargs="*", default=["tests/data/html/corpus"])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("--halves", action="store_true", help="also score each folder's halves")
    parser.add_argument(
        "--digits", type=int, default=2, help="decimals of the scores in the tables (default 2)"
    )
    args = parser.parse_args()
    files, truths, data = read_pages(args.corpus)
    pages = [(page, t["url"]) for page, t in zip(data, truths, strict=True)]
    mine = [ours(p, u) for p, u in pages]
    readers: dict[str, Any] = {"newsmodel": ours}
    if trafilatura is not None:
        readers[f"trafilatura {trafilatura.__version__}"] = theirs
    if readability is not None:
        readers["readability-lxml"] = readable
    results = {"newsmodel": mine}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for name, reader in list(readers.items())[1:]:
            results[name] = [reader(p, u) for p, u in pages]
    if args.verbose:
        for f, got, truth in zip(files, mine, truths, strict=False):
            print(
                f,
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
    print_tables(args.corpus, files, results, truths, halves=args.halves, digits=args.digits)
    print_speed(readers, pages, args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
