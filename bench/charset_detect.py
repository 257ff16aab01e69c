"""Compare newsmodel.html's small charset detector with charset-normalizer on re-encoded pages.

Run from the repository root:

    python bench/charset_detect.py [CORPUS_DIR]

Every corpus page is decoded, its charset declarations are removed, and it is re-encoded as
UTF-8, windows-1251 and KOI8-R (Cyrillic pages) or UTF-8 and windows-1252 (pages that fit).
Each detector must give back the same text. Prints accuracy and pages per second for each.
"""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

from newsmodel.html._decode import decode, detect

try:
    import charset_normalizer
except ImportError:  # pragma: no cover - the bench extra installs it
    charset_normalizer = None

_DECLARATION = re.compile(r"charset\s*=\s*[\"']?[\w.:-]+[\"']?", re.IGNORECASE)


def samples(corpus: Path) -> list[tuple[str, str, bytes]]:
    out = []
    for path in sorted(corpus.glob("*.html")):
        text = _DECLARATION.sub("", str(decode(path.read_bytes())))
        cyrillic = len(re.findall(r"[\u0400-\u04ff]", text)) > 200
        for name in ("utf-8", "cp1251", "koi8-r") if cyrillic else ("utf-8", "cp1252"):
            data = text.encode(name, "replace")
            if data.decode(name) == text:  # the page fits this encoding
                out.append((text, name, data))
    return out


def ours(data: bytes) -> str:
    return detect(data)


def theirs(data: bytes) -> str:
    best = charset_normalizer.from_bytes(data).best()
    return best.encoding if best is not None else "utf-8"


def main() -> int:
    corpus = Path(sys.argv[1] if len(sys.argv) > 1 else "tests/data/html/corpus")
    cases = samples(corpus)
    print(f"{len(cases)} re-encoded pages from {corpus}\n")
    print("| detector | right | wrong (encoded as → detected) | pages/s |")
    print("| --- | --- | --- | --- |")
    detectors = [("newsmodel detect()", ours)]
    if charset_normalizer is not None:
        detectors.append((f"charset-normalizer {charset_normalizer.__version__}", theirs))
    for name, fn in detectors:
        right, wrong = 0, []
        start = time.perf_counter()
        found = [fn(data) for _, _, data in cases]
        elapsed = time.perf_counter() - start
        for (text, encoded, data), guess in zip(cases, found, strict=True):
            try:
                same = data.decode(guess, "replace") == text
            except LookupError:
                same = False
            if same:
                right += 1
            else:
                wrong.append(f"{encoded}→{guess}")
        misses = ", ".join(wrong) or "–"
        print(f"| {name} | {right}/{len(cases)} | {misses} | {len(cases) / elapsed:.0f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
