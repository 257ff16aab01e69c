"""The PySpark recipe of the command-line page, run in Spark's local mode when PySpark is here.

PySpark (and a Java runtime) are not test dependencies: this test runs where they are
installed and is skipped elsewhere.
"""

from __future__ import annotations

import os
import shutil
import sys

import pytest

from newsmodel import Article, Section, json
from newsmodel.batch import convert

pyspark_sql = pytest.importorskip("pyspark.sql", reason="PySpark is not installed")
if shutil.which("java") is None:
    pytest.skip("no Java runtime for Spark", allow_module_level=True)

TARGET = "json"


def convert_partition(rows):
    for row in rows:
        outcome = convert(bytes(row.content), to=TARGET, name=row.path)
        yield (
            row.path,
            outcome.slug,
            outcome.data if outcome.ok else None,
            outcome.error or None,
            outcome.message or None,
            len(outcome.warnings),
        )


@pytest.fixture(scope="module")
def spark():
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    session = (
        pyspark_sql.SparkSession.builder.master("local[2]")
        .appName("newsmodel-test")
        .config("spark.ui.enabled", "false")
        .getOrCreate()
    )
    yield session
    session.stop()


def test_map_partitions_converts_every_file(spark, tmp_path):
    made = {}
    for i in range(8):
        article = Article(headline=f"Новость {i} из Актобе", sections=[Section(blocks=[f"{i}."])])
        (tmp_path / f"a{i}.json").write_text(json.dumps(article), encoding="utf-8")
        made[article.slug] = article
    (tmp_path / "broken.json").write_text("{", encoding="utf-8")

    files = spark.read.format("binaryFile").option("pathGlobFilter", "*.json").load(str(tmp_path))
    results = (
        files.select("path", "content")
        .rdd.mapPartitions(convert_partition)
        .toDF(["path", "slug", "data", "error", "message", "warnings"])
    )
    rows = results.collect()
    assert len(rows) == 9
    good = [r for r in rows if r.error is None]
    assert {r.slug: json.loads(bytes(r.data)) for r in good} == made
    (bad,) = [r for r in rows if r.error is not None]
    assert bad.path.endswith("broken.json")
    assert bad.error == "ParseError"
