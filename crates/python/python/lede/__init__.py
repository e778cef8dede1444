"""Lede: news analytics. Who is in an article, how they are portrayed, and when things happened.

A thin shell around Lede's Rust core (the same ``analyze`` as the ``lede`` command and
the WebAssembly module): every function returns the Analysis, schema ``"lede/1"``,
exactly as ``lede analyze --jsonl`` prints it, as plain dicts and lists. All offsets
are UTF-16 code units into the document's cleaned ``text``.

    >>> import lede
    >>> analysis = lede.analyze("Foreign Minister Sergei Lavrov met U.N. envoy Staffan de Mistura "
    ...                         "in Geneva on Monday.", published="2023-09-21")
    >>> [e["name"] for e in analysis["documents"][0]["entities"]]
    ['Sergei Lavrov', 'Staffan de Mistura', 'Geneva']
    >>> analysis["documents"][0]["timeline"][0]["when"]
    '2023-09-18'

``analyze_many`` analyzes many articles on all cores with the GIL released; the Arrow
batch function for Spark, Ray, Dask, DuckDB and pandas is ``lede.arrow.analyze_batch``.
"""

from __future__ import annotations

import json
from typing import Any, Dict, Iterable, List, Mapping, Optional, Union

from . import _lede

__all__ = ["analyze", "analyze_many", "info", "LedeError", "SCHEMA", "__version__"]

__version__: str = _lede.__version__
#: The version of the JSON schema every Analysis carries.
SCHEMA = "lede/1"

Analysis = Dict[str, Any]
#: What ``analyze_many`` takes: a text, or a request like a ``lede analyze --jsonl`` line.
Item = Union[str, Mapping[str, Any]]

# How many items cross into Rust at once: bounds memory on a long iterable, while
# each chunk keeps every core busy.
_CHUNK = 2048


class LedeError(ValueError):
    """The input could not be analyzed (empty, no article text left, too large)."""


def info() -> Dict[str, str]:
    """The name, version and schema of the core in this wheel."""
    return json.loads(_lede.info())


def analyze(
    text: Optional[str] = None,
    *,
    html: Optional[str] = None,
    url: Optional[str] = None,
    published: Optional[str] = None,
    clean: bool = True,
) -> Analysis:
    """Analyze one article (or several pasted together) and return the Analysis dict.

    Give ``text`` (plain text) or ``html=`` (a page, with ``url=`` where it came from).
    ``published`` is the article date, ``YYYY-MM-DD``, when known: relative dates
    ("on Monday") resolve against it. ``clean=False`` keeps the text verbatim (no
    repairs, no removed page furniture). Raises :class:`LedeError` when the input
    cannot be analyzed, :class:`TypeError` for wrong arguments. The GIL is released
    while the core runs.
    """
    if (text is None) == (html is None):
        raise TypeError("lede.analyze: give text, or html= (not both)")
    for name, value in (("text", text), ("html", html), ("url", url), ("published", published)):
        if value is not None and not isinstance(value, str):
            raise TypeError(f"lede.analyze: {name} must be a str, not {type(value).__name__}")
    try:
        result = _lede.analyze_json(text, html, url, published, bool(clean))
    except ValueError as error:
        raise LedeError(str(error)) from None
    return json.loads(result)


def _request(item: Item, index: int):
    if isinstance(item, str):
        return (item, None, None, None, True), None
    if not isinstance(item, Mapping):
        raise TypeError(f"lede.analyze_many: item {index} is a {type(item).__name__}, not a str or a dict")
    unknown = set(item) - {"id", "text", "html", "url", "published", "clean"}
    if unknown:
        raise TypeError(f"lede.analyze_many: item {index} has unknown keys {sorted(unknown)}")
    text, html = item.get("text"), item.get("html")
    if (text is None) == (html is None):
        raise TypeError(f"lede.analyze_many: item {index} needs text or html (not both)")
    fields = (text, html, item.get("url"), item.get("published"))
    for value in fields:
        if value is not None and not isinstance(value, str):
            raise TypeError(f"lede.analyze_many: item {index} has a {type(value).__name__} where a str belongs")
    return (*fields, bool(item.get("clean", True))), item.get("id")


def analyze_many(items: Iterable[Item], threads: Optional[int] = None) -> List[Analysis]:
    """Analyze many articles on ``threads`` threads (all cores by default), in order.

    Each item is a text, or a dict like a ``lede analyze --jsonl`` request line:
    ``{"id": ..., "text": ...}`` or ``{"id": ..., "html": ..., "url": ...}``, optionally
    with ``"published"`` and ``"clean"``. Returns one Analysis per item, with the
    item's ``"id"`` when it had one; an item that cannot be analyzed gets
    ``{"id": ..., "error": "..."}`` and the rest go on. The GIL is released while the
    core runs, so other Python threads keep going.
    """
    out: List[Analysis] = []
    chunk, ids = [], []

    def flush():
        for identity, answer in zip(ids, _lede.analyze_many_json(chunk, threads)):
            analysis = json.loads(answer)
            if identity is not None:
                analysis = {"id": identity, **analysis}
            out.append(analysis)
        chunk.clear()
        ids.clear()

    for index, item in enumerate(items):
        request, identity = _request(item, index)
        chunk.append(request)
        ids.append(identity)
        if len(chunk) >= _CHUNK:
            flush()
    if chunk:
        flush()
    return out
