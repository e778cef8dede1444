#!/usr/bin/env python3
"""Spark local[2] through lede.arrow against `lede analyze --jsonl` on the same 10,000
articles (both on this machine's cores, both with split off and no tokens), as a ratio.

The articles: the five samples (tests/fixtures/samples), 80 times each with different
dates, and 9,600 articles of 30 consecutive sentences from the public-domain VOA news
in ../shared/data/unlabeled/voa-gmb (detokenized). Nothing is written to the checkout.

    .venv/bin/python bench/spark-throughput.py [--cli target/release/lede] [--count 10000]
"""
import argparse
import gzip
import json
import os
import pathlib
import re
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]


def detokenize(sentence):
    s = re.sub(r" ([.,;:!?%)\]}])", r"\1", sentence)
    s = re.sub(r"([(\[{$]) ", r"\1", s)
    s = re.sub(r" (n't|'s|'re|'ve|'ll|'d|'m)\b", r"\1", s)
    return re.sub(r'" (.*?) "', r'"\1"', s)


def articles(count, data):
    samples = sorted((ROOT / "tests/fixtures/samples").glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in samples]
    rows = []
    for copy in range(80):
        for text in texts:
            rows.append((text, f"20{10 + copy % 15:02d}-{1 + copy % 12:02d}-{1 + copy % 28:02d}"))
    with gzip.open(data / "unlabeled/voa-gmb/sentences.txt.gz", "rt", encoding="utf-8") as f:
        sentences = [detokenize(line.strip()) for line in f if line.strip()]
    wanted = count - len(rows)
    stride = max(1, (len(sentences) - 30) // wanted)
    for i in range(wanted):
        window = sentences[i * stride: i * stride + 30]
        rows.append((" ".join(window), None))
    return rows[:count]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cli", default=str(ROOT / "target/release/lede"))
    parser.add_argument("--count", type=int, default=10000)
    parser.add_argument("--data", default=str(ROOT.parent / "shared/data"))
    args = parser.parse_args()
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = articles(args.count, pathlib.Path(args.data))
    words = sum(len(t.split()) for t, _ in rows)
    work = pathlib.Path(tempfile.mkdtemp(prefix="lede-spark-bench-"))
    pq.write_table(pa.table({"id": pa.array(range(len(rows)), pa.int64()), "text": [t for t, _ in rows],
                             "published": [p for _, p in rows]}), work / "articles.parquet",
                   row_group_size=500)
    with open(work / "requests.jsonl", "w", encoding="utf-8") as f:
        for i, (text, published) in enumerate(rows):
            request = {"id": i, "text": text, "options": {"split": False, "tokens": False}}
            if published:
                request["published"] = published
            f.write(json.dumps(request) + "\n")
    print(f"{len(rows)} articles, {words} words, in {work}", flush=True)

    started = time.perf_counter()
    with open(work / "requests.jsonl", "rb") as src, open(work / "cli.jsonl", "wb") as dst:
        subprocess.run([args.cli, "analyze", "--jsonl"], stdin=src, stdout=dst, check=True)
    cli = time.perf_counter() - started
    print(f"lede analyze --jsonl: {cli:.1f} s, {len(rows) / cli:.0f} articles/s", flush=True)

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession
    import lede.arrow

    session_started = time.perf_counter()
    spark = (SparkSession.builder.master("local[2]").appName("lede-bench").config("spark.ui.enabled", "false")
             .config("spark.driver.bindAddress", "127.0.0.1").config("spark.driver.host", "127.0.0.1").getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    startup = time.perf_counter() - session_started
    started = time.perf_counter()
    # Spark sizes partitions by bytes (4 MB at least), but a few MB of text are minutes of
    # analysis: spread the rows over several partitions per core so both cores stay busy.
    frame = spark.read.parquet(str(work / "articles.parquet")).repartition(16)
    frame.mapInArrow(lede.arrow.map_batches, lede.arrow.spark_schema("bigint")).write.parquet(str(work / "spark"))
    job = time.perf_counter() - started
    spark.stop()
    analyzed = pq.read_table(work / "spark").column("error").null_count
    print(f"Spark local[2] mapInArrow, read + analyze + write Parquet: {job:.1f} s, {len(rows) / job:.0f} articles/s "
          f"(session start {startup:.1f} s more; {len(rows) - analyzed} rows with an error)", flush=True)
    print(f"ratio Spark/CLI (articles per second): {cli / job:.2f}; with the session start: {cli / (job + startup):.2f}")


if __name__ == "__main__":
    main()
