"""lede.analyze, lede.analyze_many and lede.arrow against the `lede` command's output."""

import os
import threading
import time
import zipfile
import pathlib

import pyarrow as pa
import pytest

import lede
import lede.arrow
from conftest import ROOT, flat_from_cli, run_cli_jsonl

TEXT = "Protesters slammed Putin in Moscow on 3 May 2019. NATO praised Kyiv."


def test_analyze_text_returns_the_analysis():
    analysis = lede.analyze(TEXT, published="2019-05-04")
    assert analysis["schema"] == lede.SCHEMA == "lede/1"
    doc = analysis["documents"][0]
    names = [e["name"] for e in doc["entities"]]
    assert "Putin" in names and "Moscow" in names
    assert doc["published"] == {"value": "2019-05-04", "source": "caller", "confidence": 1}
    assert doc["timeline"][0]["when"] == "2019-05-03"
    assert doc["tokens"], "tokens are included, as the CLI includes them"
    assert lede.info() == {"name": "lede", "version": lede.__version__, "schema": "lede/1"}


def test_analyze_html_and_clean():
    page = ("<html><head><title>Talks</title></head><body><nav>Home | World</nav><article><h1>Talks</h1>"
            "<p>Ministers from Hungary and Austria agreed on Tuesday to clean up the Danube, officials said.</p>"
            "</article></body></html>")
    doc = lede.analyze(html=page, url="https://example.com/a")["documents"][0]
    assert doc["title"] == "Talks"
    assert "Home | World" not in doc["text"]
    raw = "Putin  met\u00a0Hu."
    assert lede.analyze(raw, clean=False)["documents"][0]["text"] == raw


def test_bad_input_raises_clear_errors():
    with pytest.raises(lede.LedeError, match="empty"):
        lede.analyze("   ")
    with pytest.raises(lede.LedeError, match="no article text"):
        lede.analyze(html="<html><body><script>x()</script></body></html>")
    with pytest.raises(TypeError):
        lede.analyze()
    with pytest.raises(TypeError):
        lede.analyze("a", html="<p>b</p>")
    with pytest.raises(TypeError):
        lede.analyze(b"bytes")
    assert issubclass(lede.LedeError, ValueError)


def test_analyze_matches_the_cli_on_the_samples(samples):
    answers = run_cli_jsonl([{"id": i, "text": t} for i, t in enumerate(samples)])
    for i, text in enumerate(samples):
        assert {"id": i, **lede.analyze(text)} == answers[i]


def test_analyze_many_keeps_order_ids_and_errors(samples):
    items = [*samples, "  ", {"id": "page", "html": "<p>Angela Merkel visited Paris on Friday.</p>", "url": "https://example.com/"},
             {"id": 7, "text": TEXT, "published": "2019-05-04"}]
    for threads in (1, 2, None):
        results = lede.analyze_many(iter(items), threads=threads)
        assert len(results) == len(items)
        for text, result in zip(samples, results):
            assert result == lede.analyze(text)
        assert set(results[5]) == {"error"} and "empty" in results[5]["error"]
        assert results[6]["id"] == "page"
        assert [e["name"] for e in results[6]["documents"][0]["entities"]] == ["Angela Merkel", "Paris"]
        assert results[7]["id"] == 7 and results[7]["documents"][0]["published"]["value"] == "2019-05-04"
    with pytest.raises(TypeError, match="item 1"):
        lede.analyze_many(["ok", 42])
    with pytest.raises(TypeError, match="unknown keys"):
        lede.analyze_many([{"text": "a", "txt": "b"}])
    assert lede.analyze_many([]) == []


def test_analyze_many_releases_the_gil(samples):
    # While the core analyzes, another Python thread keeps running.
    ticks = []
    stop = threading.Event()

    def tick():
        while not stop.is_set():
            ticks.append(time.perf_counter())
            time.sleep(0.001)

    items = samples * 40
    ticker = threading.Thread(target=tick)
    ticker.start()
    started = time.perf_counter()
    lede.analyze_many(items, threads=1)
    elapsed = time.perf_counter() - started
    stop.set()
    ticker.join()
    during = [t for t in ticks if started <= t <= started + elapsed]
    assert elapsed > 0.05
    # Native code that kept the GIL would hold the ticker off for the whole call (no
    # switch interval applies inside it): a tick or two at most. Released, the ticker
    # runs about every millisecond; one in 20 ms leaves room for a loaded machine.
    assert len(during) >= max(10, elapsed / 0.02), (len(during), elapsed)


def test_arrow_batch_gives_flat_rows_that_match_the_cli(samples):
    texts = [*samples, None, "", TEXT]
    published = ["2013-03-22", None, None, None, None, None, None, "2019-05-04"]
    batch = pa.RecordBatch.from_pydict({
        "id": pa.array(range(len(texts)), pa.int64()),
        "text": pa.array(texts, pa.string()),
        "published": pa.array(published, pa.string()),
    })
    out = lede.arrow.analyze_batch(batch, threads=2)
    assert isinstance(out, pa.RecordBatch)
    assert out.schema == lede.arrow.schema(pa.int64())
    rows = out.to_pylist()
    requests = [{"id": i, "text": t, "options": {"split": False, "tokens": False},
                 **({"published": p} if p else {})} for i, (t, p) in enumerate(zip(texts, published)) if t is not None]
    answers = {a["id"]: a for a in run_cli_jsonl(requests)}
    for row in rows:
        if texts[row["id"]] is None:
            assert row["error"] == "the text is null" and row["entities"] is None
            continue
        assert {k: v for k, v in row.items() if k != "id"} == flat_from_cli(answers[row["id"]]), row["id"]
    assert rows[0]["published"] == "2013-03-22" and rows[0]["published_source"] == "caller"
    assert "empty" in rows[6]["error"]
    assert any(e["tone"] is not None for e in rows[0]["entities"])


def test_arrow_takes_tables_readers_pandas_and_dates(samples):
    import datetime

    table = pa.table({"text": samples[:3], "published": pa.array([datetime.date(2013, 3, 22)] * 3, pa.date32())})
    out = lede.arrow.analyze_batch(table)
    assert isinstance(out, pa.Table) and out.num_rows == 3 and "id" not in out.column_names
    assert out.column("published").to_pylist() == ["2013-03-22"] * 3
    reader = lede.arrow.analyze_batch(pa.RecordBatchReader.from_batches(table.schema, table.to_batches()))
    assert reader.read_all().equals(out)
    frame = lede.arrow.analyze_batch(table.to_pandas())
    assert list(frame.columns) == out.column_names and frame["error"].isna().all()
    assert list(lede.arrow.empty_frame().columns) == ["id", *out.column_names]
    with pytest.raises(KeyError, match="no 'body' column"):
        lede.arrow.analyze_batch(table, text="body")
    with pytest.raises(TypeError):
        lede.arrow.analyze_batch(pa.table({"text": [1, 2]}))
    empty = lede.arrow.analyze_batch(pa.table({"id": pa.array([], pa.int32()), "text": pa.array([], pa.string())}))
    assert empty.num_rows == 0 and empty.schema == lede.arrow.schema(pa.int32())


def test_the_wheel_carries_the_licence_and_notice():
    folder = ROOT / os.environ.get("LEDE_WHEELS", "target/wheels")
    wheels = sorted(folder.glob("lede-*-abi3-*.whl"), key=lambda p: p.stat().st_mtime)
    assert wheels, f"no abi3 wheel in {folder}"
    names = zipfile.ZipFile(wheels[-1]).namelist()
    for want in ("LICENSE", "NOTICE"):
        assert any(n.endswith(f".dist-info/licenses/{want}") for n in names), names
    assert any(pathlib.PurePath(n).name.startswith("_lede.abi3") for n in names), names
