"""Convert a directory or a list of paths/URLs of articles in parallel with Dask.

    python examples/dask_convert.py SRC... --to newsml -o OUT [--from FMT] [--workers 4]
    python examples/dask_convert.py s3://bucket/export/ --to json -o s3://bucket/json/ \
        --scheduler tcp://scheduler:8786

SRC and OUT are anything fsspec opens: local paths, ``s3://``, ``gs://``, ``abfs://``... (the
matching fsspec backend, e.g. s3fs, must be installed where the workers run). Without
``--scheduler`` a LocalCluster with several worker processes is started.

Each task is :func:`newsmodel.batch.convert`, a module-level function of plain values
(bytes in, bytes out): it pickles to any worker, and every worker builds its own parsers and
converters once. Output files keep the input's relative path with the format's extension,
so that workers never need to agree on names; an existing output is never overwritten.

Requires ``pip install 'pynewsmodel[dask]'``.
"""

from __future__ import annotations

import argparse
import posixpath
import sys
from typing import Any

import dask.bag as db
import fsspec
from dask.distributed import Client, LocalCluster

from newsmodel.batch import FORMATS, convert

# What a directory listing picks up, by extension.
EXTENSIONS = (".json", ".txt", ".html", ".htm", ".xml")


def expand(sources: list[str]) -> list[tuple[str, str]]:
    """Each input URL with its output path relative to OUT (directories are walked)."""
    found: list[tuple[str, str]] = []
    for source in sources:
        fs, path = fsspec.core.url_to_fs(source)
        if fs.isdir(path):
            for name in sorted(fs.find(path)):
                if name.lower().endswith(EXTENSIONS):
                    relative = posixpath.relpath(name, path)
                    found.append((fs.unstrip_protocol(name), relative))
        else:
            found.append((source, posixpath.basename(path)))
    return found


def convert_one(item: tuple[str, str], source: str | None, target: str, out: str) -> dict[str, Any]:
    """Read one input, convert it and write the output; return a plain record of what happened."""
    url, relative = item
    record: dict[str, Any] = {"input": url, "output": None, "error": None, "warnings": 0}
    try:
        with fsspec.open(url, "rb") as fp:
            data = fp.read()
    except OSError as exc:
        record["error"] = f"{type(exc).__name__}: {exc}"
        return record
    outcome = convert(data, to=target, source=source, name=url)
    record["warnings"] = len(outcome.warnings)
    if not outcome.ok:
        record["error"] = f"{outcome.error}: {outcome.message}"
        return record
    stem = posixpath.splitext(relative)[0]
    target_url = posixpath.join(out.rstrip("/"), stem + FORMATS[target])
    fs, path = fsspec.core.url_to_fs(target_url)
    if fs.exists(path):
        record["error"] = f"FileExistsError: {target_url} exists"
        return record
    fs.makedirs(posixpath.dirname(path), exist_ok=True)
    with fs.open(path, "wb") as fp:
        fp.write(outcome.data)
    record["output"] = target_url
    return record


def run(
    sources: list[str],
    target: str,
    out: str,
    *,
    source: str | None = None,
    client: Client,
    partitions: int | None = None,
) -> list[dict[str, Any]]:
    """Convert every input on the cluster behind ``client``; one record per input."""
    items = expand(sources)
    if not items:
        return []
    workers = max(1, len(client.scheduler_info()["workers"]))
    bag = db.from_sequence(items, npartitions=partitions or min(len(items), workers * 4))
    records: list[dict[str, Any]] = bag.map(
        convert_one, source=source, target=target, out=out
    ).compute()
    return records


def main() -> int:
    """Parse the arguments, start or join a cluster, convert, and print a summary."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sources", nargs="+", metavar="SRC")
    parser.add_argument("--to", required=True, choices=sorted(FORMATS))
    parser.add_argument("--from", dest="source", choices=sorted(FORMATS))
    parser.add_argument("-o", "--output", required=True, metavar="OUT")
    parser.add_argument("--workers", type=int, default=4, help="local worker processes")
    parser.add_argument("--scheduler", help="address of a running Dask scheduler")
    args = parser.parse_args()

    if args.scheduler:
        client = Client(args.scheduler)
    else:
        cluster = LocalCluster(
            n_workers=args.workers, threads_per_worker=1, processes=True, dashboard_address=None
        )
        client = Client(cluster)
    with client:
        records = run(args.sources, args.to, args.output, source=args.source, client=client)
    failed = [r for r in records if r["error"]]
    for record in failed:
        print(f"{record['input']}: error: {record['error']}", file=sys.stderr)
    warned = sum(r["warnings"] for r in records)
    converted = len(records) - len(failed)
    print(f"converted {converted}, failed {len(failed)}, warnings {warned}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
