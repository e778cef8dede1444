"""Shared by the Python package's tests: the samples, the `lede` command (to compare
against) and an independent projection of its output onto the flat Arrow row."""

import json
import os
import pathlib
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[3]
SAMPLES = sorted((ROOT / "tests" / "fixtures" / "samples").glob("*.txt"))


def cli_path() -> pathlib.Path:
    """The `lede` binary: $LEDE_CLI, else target/release/lede, else target/debug/lede."""
    if os.environ.get("LEDE_CLI"):
        return pathlib.Path(os.environ["LEDE_CLI"])
    for profile in ("release", "debug"):
        path = ROOT / "target" / profile / "lede"
        if path.exists():
            return path
    pytest.fail("no lede binary: run `cargo build -p lede-cli` or set LEDE_CLI")


def run_cli_jsonl(requests):
    """`lede analyze --jsonl` over the request dicts; one response dict per request."""
    lines = "".join(json.dumps(r) + "\n" for r in requests)
    done = subprocess.run([str(cli_path()), "analyze", "--jsonl"], input=lines.encode(),
                          capture_output=True, check=True)
    answers = [json.loads(line) for line in done.stdout.decode().splitlines()]
    assert len(answers) == len(requests)
    return answers


def flat_from_cli(answer):
    """The flat row (lede.arrow's columns) read off one CLI response, written here
    independently of the Rust code that makes the rows."""
    columns = ["title", "published", "published_source", "word_count", "tone", "tone_label",
               "entities", "timeline", "error"]
    if "error" in answer:
        return {**{c: None for c in columns}, "error": answer["error"]}
    (doc,) = answer["documents"]
    entities = doc["entities"]
    sentiment = lambda e: e.get("sentiment") or {}  # noqa: E731
    return {
        "title": doc["title"],
        "published": (doc["published"] or {}).get("value"),
        "published_source": (doc["published"] or {}).get("source"),
        "word_count": doc["word_count"],
        "tone": doc["sentiment"]["score"],
        "tone_label": doc["sentiment"]["label"],
        "entities": [{
            "name": e["name"], "type": e["type"], "mentions": len(e["mentions"]),
            "salience": e["salience"], "tone": sentiment(e).get("score"),
            "tone_label": sentiment(e).get("label"), "aliases": e["aliases"],
        } for e in entities],
        "timeline": [{
            "when": ev["when"], "until": ev.get("until"), "label": ev["label"],
            "sentence": ev["sentence"], "entities": [entities[i]["name"] for i in ev["entities"]],
        } for ev in doc["timeline"]],
        "error": None,
    }


@pytest.fixture(scope="session")
def samples():
    return [p.read_text(encoding="utf-8") for p in SAMPLES]
