#!/usr/bin/env python3
"""Rebuild the two open sentiment sets the tone model trains on, which ../shared/data
does not carry itself: EmoBank's MASC sentences and GoodNewsEveryone's headlines.

    python3 tools/sentiment_open_data.py --emobank EMOBANK_CHECKOUT --gne GNE_TSV [--data ../shared/data]

EMOBANK_CHECKOUT: a checkout of github.com/JULIELab/EmoBank at 248ce2a (its
corpus/emobank.csv and corpus/meta.tsv are read). GNE_TSV: gne-release-v1.0.tsv, as
in github.com/sillyfoolly/Python at 5ab54a3 (a copy of the corpus release; the
official download was not reachable from the build machines). From bare mirrors
(the workplace's fetch), the files alone do:
    git --git-dir MIRROR/JULIELab+EmoBank/repo show HEAD:corpus/emobank.csv > D/EmoBank/corpus/emobank.csv
    (and corpus/meta.tsv; and HEAD:gne-release-v1.0.tsv of sillyfoolly/Python). Each input is checked
against the sha256 it had when the shipped model was trained; a different file is
refused. Writes, each with a SOURCE.md (origin, commit, licence as stated, counts):

    DATA/sentiment/emobank/emobank-open.tsv            id split category V A D text
    DATA/sentiment/goodnewseveryone/gne-headlines.tsv  id dominant_emotion headline

EmoBank's SemEval-2007 rows (its re-rated Affective Text headlines, among them the
trial headlines `lede eval sentiment` holds out) are dropped here, and dropped again
by the reader. Then `lede train tone` rebuilds models/sentiment-tone.bin byte for
byte, and `lede eval sentiment` runs.
"""

import argparse
import csv
import hashlib
import os
import sys

EMOBANK_COMMIT = "248ce2a"
GNE_COMMIT = "5ab54a3"
SHA256 = {
    "emobank.csv": "1ade4a4a453e880c0f39d0536d2b355e8a716e0cf88236c64cdb4d438cf9605b",
    "meta.tsv": "c848266476711a3fb68395b9907ef574e60289ad916c8db79b7ea2e62ab62e0e",
    "gne-release-v1.0.tsv": "7dda5c3bb0ae2a8979d649f23ebccbed11231413ededc26724f8a71f8c138953",
}


def checked(path):
    """The bytes of an input file, refused unless they are the pinned ones."""
    with open(path, "rb") as f:
        data = f.read()
    name = os.path.basename(path)
    digest = hashlib.sha256(data).hexdigest()
    if digest != SHA256[name]:
        sys.exit(f"{path}: sha256 {digest}, expected {SHA256[name]} (another version of the file)")
    return data.decode("utf-8")


def one_line(text):
    """A cell as one TSV field: tabs and line breaks become spaces."""
    return " ".join(text.replace("\t", " ").splitlines())


def emobank(checkout, out_dir):
    rows = list(csv.DictReader(checked(os.path.join(checkout, "corpus", "emobank.csv")).splitlines(keepends=True)))
    meta = csv.DictReader(checked(os.path.join(checkout, "corpus", "meta.tsv")).splitlines(keepends=True), delimiter="\t")
    category = {m["id"]: m["category"] for m in meta}
    kept, semeval = [], 0
    for row in rows:
        cat = category.get(row["id"], "")
        if cat.lower() == "semeval":
            semeval += 1
            continue
        kept.append([row["id"], row["split"], cat, row["V"], row["A"], row["D"], one_line(row["text"])])
    os.makedirs(out_dir, exist_ok=True)
    with open(os.path.join(out_dir, "emobank-open.tsv"), "w", encoding="utf-8", newline="") as f:
        f.write("id\tsplit\tcategory\tV\tA\tD\ttext\n")
        for row in kept:
            f.write("\t".join(row) + "\n")
    with open(os.path.join(out_dir, "SOURCE.md"), "w", encoding="utf-8") as f:
        f.write(f"""# EmoBank, MASC sentences only

- Origin: https://github.com/JULIELab/EmoBank at commit {EMOBANK_COMMIT}: `corpus/emobank.csv`
  (sha256 {SHA256['emobank.csv']}) joined with `corpus/meta.tsv` (sha256
  {SHA256['meta.tsv']}) on `id` for the category.
- Built by `tools/sentiment_open_data.py` in the Lede repository.
- Licence, as the repository's README states it: "This work is licensed under CC-BY-SA
  4.0: https://creativecommons.org/licenses/by-sa/4.0/". A model trained on it is CC BY-SA
  4.0 (`models/sentiment-tone.bin`; attribution in Lede's NOTICE).
- Citation: S. Buechel and U. Hahn, "EmoBank: Studying the Impact of Annotation Perspective
  and Representation Format on Dimensional Emotion Analysis", EACL 2017.
- Counts: {len(rows)} rows in emobank.csv; {semeval} of the SemEval category dropped (the
  SemEval-2007 Affective Text headlines, among them the trial headlines Lede holds out);
  **{len(kept)} kept** (`emobank-open.tsv`: id, split, category, V, A, D, text; a cell's tabs
  and line breaks are spaces).
""")
    return len(kept), semeval


def gne(tsv, out_dir):
    rows = list(csv.DictReader(checked(tsv).splitlines(keepends=True), delimiter="\t"))
    os.makedirs(out_dir, exist_ok=True)
    with open(os.path.join(out_dir, "gne-headlines.tsv"), "w", encoding="utf-8", newline="") as f:
        f.write("id\tdominant_emotion\theadline\n")
        for row in rows:
            f.write("\t".join([row["id"], row["dominant_emotion"], one_line(row["headline"])]) + "\n")
    with open(os.path.join(out_dir, "SOURCE.md"), "w", encoding="utf-8") as f:
        f.write(f"""# GoodNewsEveryone headlines, with their dominant emotion

- Origin: the corpus release file `gne-release-v1.0.tsv` (sha256 {SHA256['gne-release-v1.0.tsv']}),
  as copied in https://github.com/sillyfoolly/Python at commit {GNE_COMMIT} (a third-party
  copy: the official download from the IMS Stuttgart page was not reachable from the build
  machines).
- Built by `tools/sentiment_open_data.py` in the Lede repository: id, dominant emotion and
  headline only.
- Licence: the authors release the annotations under CC BY 4.0; the headlines' text belongs
  to their publishers (as with NewsMTSC). Only the sign of the dominant emotion trains Lede's
  tone model (attribution in Lede's NOTICE).
- Citation: L. Bostan, E. Kim and R. Klinger, "GoodNewsEveryone: A Corpus of News Headlines
  Annotated with Emotions, Semantic Roles, and Reader Perception", LREC 2020.
- Counts: **{len(rows)} headlines**.
""")
    return len(rows)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--emobank", required=True, help="checkout of JULIELab/EmoBank at 248ce2a")
    parser.add_argument("--gne", required=True, help="gne-release-v1.0.tsv")
    parser.add_argument("--data", default=os.path.join(os.path.dirname(__file__), "..", "..", "shared", "data"))
    args = parser.parse_args()
    sentiment = os.path.join(args.data, "sentiment")
    kept, semeval = emobank(args.emobank, os.path.join(sentiment, "emobank"))
    headlines = gne(args.gne, os.path.join(sentiment, "goodnewseveryone"))
    print(f"emobank: {kept} sentences kept, {semeval} SemEval rows dropped; goodnewseveryone: {headlines} headlines")


if __name__ == "__main__":
    main()
