"""Time newsmodel.html writing and reading its own pages against raw lxml on the same markup.

Run from the repository root:

    python bench/bench_html.py

The article is the NewsML-G2 benchmark's typical agency story (5 sections of 4 paragraphs
with links and emphasis). The floors:

- writing: ``lxml.html.tostring`` of the same page already parsed into a tree, so the floor
  does no building at all: a writer that builds an lxml tree pays for the building on top;
- reading: ``lxml.html.document_fromstring`` of the same bytes, which builds nothing;
  and the same parse plus building the same validated ``Article`` (the model's own cost,
  which any reader returning validated models pays).

Each pair is timed in alternation, best of 7, and printed as a Markdown table.
"""

from __future__ import annotations

import sys
from pathlib import Path

import lxml.html

sys.path.insert(0, str(Path(__file__).parent))

from _timing import paired
from bench_newsml import sample  # the shared article

from newsmodel import html


def main() -> None:
    article = sample()
    page = html.dumps(article)
    data = page.encode("utf-8")
    if html.loads(data) != article:
        raise SystemExit("the HTML page does not read back as the same article")
    tree = lxml.html.document_fromstring(data)

    ours_w, raw_w = paired(lambda: html.dumps(article), lambda: lxml.html.tostring(tree), 300)
    ours_r, raw_r = paired(
        lambda: html.loads(data), lambda: lxml.html.document_fromstring(data), 300
    )
    ours_m, raw_m = paired(
        lambda: html.loads(data), lambda: (lxml.html.document_fromstring(data), sample()), 300
    )
    rows = [
        ("write `dumps`", ours_w, "`lxml.html.tostring` of the same page, tree prebuilt", raw_w),
        ("read `loads` (own page)", ours_r, "`document_fromstring` of the same bytes", raw_r),
        ("read `loads` (own page)", ours_m, "the same + building the same `Article`", raw_m),
    ]
    paragraphs = sum(len(s.blocks) for s in article.sections)
    print(f"page: {len(data):,} bytes, {paragraphs} paragraphs\n")
    print("| operation | newsmodel µs | floor | floor µs | ratio |")
    print("| --- | ---: | --- | ---: | ---: |")
    for name, ours, floor, theirs in rows:
        print(f"| {name} | {ours:.0f} | {floor} | {theirs:.0f} | {ours / theirs:.2f}× |")


if __name__ == "__main__":
    main()
