"""Benchmark ninjs reading and writing against its floor: the standard library's json.

    python bench/bench_ninjs.py [--seconds 3]

The floor is ``json.loads`` / ``json.dumps`` of the same document in the same run; the ratio
is what newsmodel's mapping, HTML body and validation cost on top of parsing. Documents: the
example article written as ninjs 3.1 and 2.2, and the ninjs items of the test data (3.x, 2.x,
1.x). Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import json as stdjson
import os
import platform
import sys
import warnings
from pathlib import Path

from _timing import rate

from newsmodel import LossyConversionWarning, json, ninjs

HERE = Path(__file__).parent
EXAMPLE = HERE.parent / "examples" / "article.json"
VALID = HERE.parent / "tests" / "data" / "ninjs" / "valid"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    quick = bool(os.environ.get("NEWSMODEL_BENCH_QUICK"))  # set by run_all.py --quick
    parser.add_argument(
        "--seconds", type=float, default=0.3 if quick else 3.0, help="per measurement"
    )
    args = parser.parse_args()
    warnings.simplefilter("ignore", LossyConversionWarning)
    article = json.loads(EXAMPLE.read_bytes())
    documents = {
        "example, 3.1": ninjs.dumps(article).encode(),
        "example, 2.2": ninjs.dumps(article, version="2.2").encode(),
    }
    for path in sorted(VALID.glob("*.json")):
        documents[path.stem] = path.read_bytes()

    print(f"Python {platform.python_version()} on {sys.platform}, {args.seconds} s each\n")
    print("| operation | document | KiB | newsmodel /s | floor | floor /s | ratio |")
    print("| --- | --- | ---: | ---: | --- | ---: | ---: |")
    for name, data in documents.items():
        size = len(data) / 1024
        ours = rate(lambda data=data: list(ninjs.iter_articles(data)), seconds=args.seconds)
        floor = rate(lambda data=data: stdjson.loads(data), seconds=args.seconds)
        row = f"| ninjs.iter_articles | {name} | {size:.1f} | {ours:,.0f} | json.loads"
        print(f"{row} | {floor:,.0f} | {floor / ours:.1f}x |")
    for version in ("3.1", "2.2"):
        item = stdjson.loads(ninjs.dumps(article, version=version))
        ours = rate(lambda v=version: ninjs.dumps(article, version=v), seconds=args.seconds)
        floor = rate(
            lambda item=item: stdjson.dumps(item, ensure_ascii=False), seconds=args.seconds
        )
        row = f"| ninjs.dumps | example, {version} | | {ours:,.0f} | json.dumps"
        print(f"{row} | {floor:,.0f} | {floor / ours:.1f}x |")
    data = documents["example, 3.1"]
    ours = rate(lambda: ninjs.validate(data), seconds=args.seconds)
    floor = rate(lambda: stdjson.loads(data), seconds=args.seconds)
    row = f"| ninjs.validate | example, 3.1 | | {ours:,.0f} | json.loads"
    print(f"{row} | {floor:,.0f} | {floor / ours:.1f}x |")


if __name__ == "__main__":
    main()
