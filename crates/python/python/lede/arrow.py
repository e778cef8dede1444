"""Lede over Arrow: one function from a batch of articles to a batch of flat results.

``analyze_batch(batch)`` takes a ``pyarrow.RecordBatch`` (or a ``Table``, a
``RecordBatchReader`` or a ``pandas.DataFrame``) with a ``text`` column and
optional ``id`` and ``published`` columns, and returns the same kind of object with
one row per article:

=================  =========================================================================
column             type
=================  =========================================================================
id                 the input's id column, unchanged (only when there is one)
title              string: the title found in the text, if any
published          string: the article date used (``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``)
published_source   string: where that date came from (caller, dateline, text, …)
word_count         int64
tone               double: the document's tone, -1 … 1
tone_label         string: negative, neutral or positive
entities           list<struct<name, type, mentions: int64, salience: double,
                   tone: double, tone_label, aliases: list<string>>>
timeline           list<struct<when, until, label, sentence: int64, entities: list<string>>>
error              string: why this row could not be analyzed (then every other column
                   but id is null); null when it was
=================  =========================================================================

A row is one article (articles pasted together are not split). A bad row (null or
empty text, no article text left) gets its ``error`` and never fails the batch.

Spark: ``df.mapInArrow(lede.arrow.map_batches, lede.arrow.spark_schema("bigint"))``;
Ray Data: ``ds.map_batches(lede.arrow.analyze_batch, batch_format="pyarrow")``;
Dask: ``ddf.map_partitions(lede.arrow.analyze_batch, meta=lede.arrow.empty_frame())``;
DuckDB: ``lede.arrow.analyze_batch(duckdb.sql("select id, text from t").arrow())``.
"""

from __future__ import annotations

import json
import sys
from typing import Iterable, Iterator, Optional

import pyarrow as pa

from . import _lede

__all__ = ["analyze_batch", "map_batches", "schema", "spark_schema", "empty_frame", "ENTITY", "EVENT"]

ENTITY = pa.struct([
    ("name", pa.string()),
    ("type", pa.string()),
    ("mentions", pa.int64()),
    ("salience", pa.float64()),
    ("tone", pa.float64()),
    ("tone_label", pa.string()),
    ("aliases", pa.list_(pa.string())),
])

EVENT = pa.struct([
    ("when", pa.string()),
    ("until", pa.string()),
    ("label", pa.string()),
    ("sentence", pa.int64()),
    ("entities", pa.list_(pa.string())),
])

_FIELDS = [
    ("title", pa.string()),
    ("published", pa.string()),
    ("published_source", pa.string()),
    ("word_count", pa.int64()),
    ("tone", pa.float64()),
    ("tone_label", pa.string()),
    ("entities", pa.list_(ENTITY)),
    ("timeline", pa.list_(EVENT)),
    ("error", pa.string()),
]

_SPARK_FIELDS = (
    "title string, published string, published_source string, word_count bigint, "
    "tone double, tone_label string, "
    "entities array<struct<name:string,type:string,mentions:bigint,salience:double,"
    "tone:double,tone_label:string,aliases:array<string>>>, "
    "timeline array<struct<when:string,until:string,label:string,sentence:bigint,"
    "entities:array<string>>>, error string"
)


def schema(id_type: Optional[pa.DataType] = None) -> pa.Schema:
    """The output schema; with an ``id`` column of ``id_type`` first when given."""
    fields = ([("id", id_type)] if id_type is not None else []) + _FIELDS
    return pa.schema(fields)


def spark_schema(id_type: Optional[str] = "bigint") -> str:
    """The output schema as Spark DDL, for ``mapInArrow``; ``id_type=None`` when there is no id."""
    return (f"id {id_type}, " if id_type else "") + _SPARK_FIELDS


def empty_frame(id_dtype: Optional[str] = "int64"):
    """An empty pandas DataFrame of the output's columns (Dask's ``meta``)."""
    id_type = pa.from_numpy_dtype(__import__("numpy").dtype(id_dtype)) if id_dtype else None
    return schema(id_type).empty_table().to_pandas()


def _threads(threads: Optional[int]) -> Optional[int]:
    if threads is not None:
        return threads
    # Inside a Spark task, use the cores the task was given (spark.task.cpus, 1 by
    # default): Spark already runs one task per core.
    if "pyspark" in sys.modules:
        try:
            from pyspark import TaskContext

            context = TaskContext.get()
            if context is not None:
                return max(1, int(context.cpus()))
        except Exception:  # noqa: BLE001 - an older Spark without cpus(): use all cores
            pass
    return None


def _as_strings(column: pa.Array) -> list:
    kind = column.type
    if pa.types.is_timestamp(kind):
        column = column.cast(pa.date32())
        kind = column.type
    if pa.types.is_date(kind):
        column = column.cast(pa.string())
    elif not (pa.types.is_string(kind) or pa.types.is_large_string(kind) or pa.types.is_null(kind)):
        raise TypeError(f"lede.arrow: expected a string column, got {kind}")
    return column.to_pylist()


def _analyze_record_batch(batch: pa.RecordBatch, text: str, id: str, published: str, clean: bool,
                          threads: Optional[int]) -> pa.RecordBatch:
    names = batch.schema.names
    if text not in names:
        raise KeyError(f"lede.arrow: the batch has no {text!r} column (columns: {names})")
    texts = _as_strings(batch.column(text))
    dates = _as_strings(batch.column(published)) if published in names else None
    rows = json.loads(_lede.flat_rows(texts, dates, clean, _threads(threads)))
    arrays = []
    for name, kind in _FIELDS:
        arrays.append(pa.array([row[name] for row in rows], type=kind))
    if id in names:
        ids = batch.column(id)
        return pa.RecordBatch.from_arrays([ids, *arrays], schema=schema(ids.type))
    return pa.RecordBatch.from_arrays(arrays, schema=schema())


def analyze_batch(batch, *, text: str = "text", id: str = "id", published: str = "published",
                  clean: bool = True, threads: Optional[int] = None):
    """Analyze every article of ``batch`` into the flat columns above, in row order.

    ``batch`` is a ``pyarrow.RecordBatch``, ``Table`` or ``RecordBatchReader``, or a
    ``pandas.DataFrame``; the result is of the same kind. ``text``, ``id`` and
    ``published`` name the input columns (``published``: string ``YYYY-MM-DD``, date or
    timestamp). ``threads``: how many cores (default: all, or inside a Spark task
    the task's ``spark.task.cpus``). The GIL is released while the core runs.
    """
    options = dict(text=text, id=id, published=published, clean=clean, threads=threads)
    if isinstance(batch, pa.RecordBatch):
        return _analyze_record_batch(batch, **options)
    if isinstance(batch, pa.Table):
        batches = [_analyze_record_batch(b, **options) for b in batch.to_batches()]
        if not batches:
            id_type = batch.schema.field(id).type if id in batch.schema.names else None
            return schema(id_type).empty_table()
        return pa.Table.from_batches(batches)
    if isinstance(batch, pa.RecordBatchReader):
        names = batch.schema.names
        id_type = batch.schema.field(id).type if id in names else None
        return pa.RecordBatchReader.from_batches(
            schema(id_type), (_analyze_record_batch(b, **options) for b in batch))
    if type(batch).__name__ == "DataFrame" and hasattr(batch, "to_dict"):
        table = pa.Table.from_pandas(batch, preserve_index=False)
        return analyze_batch(table, **options).to_pandas()
    raise TypeError(f"lede.arrow.analyze_batch: expected a RecordBatch, Table, RecordBatchReader "
                    f"or pandas DataFrame, not {type(batch).__name__}")


def map_batches(batches: Iterable[pa.RecordBatch], **options) -> Iterator[pa.RecordBatch]:
    """``analyze_batch`` over an iterator of RecordBatches: the function Spark's
    ``mapInArrow`` takes (options as for ``analyze_batch``, e.g. through functools.partial)."""
    for batch in batches:
        yield analyze_batch(batch, **options)
