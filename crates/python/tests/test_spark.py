"""Spark in local mode (local[2]): a Parquet file of articles is read, analyzed through
lede.arrow.map_batches with mapInArrow, and written as Parquet; every row matches what
`lede analyze --jsonl` says of the same article, and bad rows get their error column
without failing the job."""

import os
import sys
import time

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import lede.arrow
from conftest import flat_from_cli, run_cli_jsonl

pyspark = pytest.importorskip("pyspark")


def articles(samples):
    """The samples, whole and cut into their paragraphs' halves, with and without dates;
    then the bad rows: null, empty, blank, and invisible characters only; then one with emoji."""
    rows = []
    for i, text in enumerate(samples):
        paragraphs = [p for p in text.split("\n\n") if p.strip()]
        half = max(1, len(paragraphs) // 2)
        for j, variant in enumerate([text, "\n\n".join(paragraphs[:half]), "\n\n".join(paragraphs[half:]) or text]):
            for published in (None, f"20{10 + i:02d}-0{1 + j}-15"):
                rows.append((variant, published))
    rows += [(None, None), ("", None), ("   \n\t", "2020-01-01"), ("\u200b\n\ufeff", None),
             ("Emojis \U0001F1FA\U0001F1E6 and Kyiv: Zelensky met Biden in Washington on Tuesday.", "2023-09-21")]
    return rows


@pytest.fixture(scope="module")
def spark():
    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    session = (SparkSession.builder.master("local[2]").appName("lede-test")
               .config("spark.ui.enabled", "false")
               .config("spark.sql.shuffle.partitions", "2")
               .config("spark.sql.execution.arrow.maxRecordsPerBatch", "16")
               .config("spark.driver.bindAddress", "127.0.0.1")
               .config("spark.driver.host", "127.0.0.1")
               .getOrCreate())
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def test_spark_map_in_arrow_matches_the_cli(spark, samples, tmp_path):
    started = time.perf_counter()
    rows = articles(samples)
    source = tmp_path / "articles.parquet"
    pq.write_table(pa.table({
        "id": pa.array(range(len(rows)), pa.int64()),
        "text": pa.array([t for t, _ in rows], pa.string()),
        "published": pa.array([p for _, p in rows], pa.string()),
    }), source)

    frame = spark.read.parquet(str(source)).repartition(2)
    analyzed = frame.mapInArrow(lede.arrow.map_batches, lede.arrow.spark_schema("bigint"))
    target = tmp_path / "analyzed"
    analyzed.write.parquet(str(target))

    out = pq.read_table(target).sort_by("id").to_pylist()
    assert [r["id"] for r in out] == list(range(len(rows)))

    requests = [{"id": i, "text": text, "options": {"split": False, "tokens": False}, **({"published": p} if p else {})}
                for i, (text, p) in enumerate(rows) if text is not None]
    answers = {a["id"]: a for a in run_cli_jsonl(requests)}
    for row in out:
        text, _ = rows[row["id"]]
        if text is None:
            assert row["error"] == "the text is null"
            continue
        assert {k: v for k, v in row.items() if k != "id"} == flat_from_cli(answers[row["id"]]), row["id"]

    errors = {r["id"]: r["error"] for r in out if r["error"]}
    bad = len(rows) - 5
    assert set(errors) == {bad, bad + 1, bad + 2, bad + 3}, errors
    assert "empty" in errors[bad + 1] and "no article text" in errors[bad + 3]
    good = [r for r in out if not r["error"]]
    assert all(r["entities"] and r["word_count"] > 0 and r["tone_label"] for r in good)
    emoji = out[-1]
    assert {"Kyiv", "Biden", "Washington"} <= {e["name"] for e in emoji["entities"]}
    assert emoji["timeline"][0]["when"] == "2023-09-19"
    assert time.perf_counter() - started < 180
