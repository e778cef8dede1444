#!/usr/bin/env python3
"""Builds models/sentiment-lexicon.tsv, the word valences the sentiment stage uses.

Source: the VADER lexicon (Hutto & Gilbert 2014), file vader_lexicon.txt of the
PyPI package vaderSentiment 3.3.2 (MIT licence). Downloaded with pip into a
temporary folder; each line kept as WORD<TAB>MEAN-VALENCE (-4..4, one decimal),
sorted, so the output is reproducible byte for byte. News-specific words are
added and adjusted in Rust (src/sentiment/lexicon.rs), not here.

    python3 tools/build_sentiment_lexicon.py
"""
import pathlib
import subprocess
import sys
import tempfile
import zipfile

VERSION = "3.3.2"
ROOT = pathlib.Path(__file__).resolve().parent.parent


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "-d", tmp, f"vaderSentiment=={VERSION}"],
            check=True,
        )
        wheel = next(pathlib.Path(tmp).glob("vaderSentiment-*.whl"))
        text = zipfile.ZipFile(wheel).read("vaderSentiment/vader_lexicon.txt").decode("utf-8")
    rows = {}
    for line in text.splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and parts[0].strip():
            rows[parts[0].strip()] = round(float(parts[1]), 1)
    out = ROOT / "models" / "sentiment-lexicon.tsv"
    out.write_text("".join(f"{w}\t{v}\n" for w, v in sorted(rows.items())), encoding="utf-8")
    print(f"{out.relative_to(ROOT)}: {len(rows)} words")


if __name__ == "__main__":
    main()
