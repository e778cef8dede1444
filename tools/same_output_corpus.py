#!/usr/bin/env python3
"""Writes the fixed request corpus of scripts/same-output.sh (JSONL on stdout), built
from ../shared/data and ../shared/samples: the five samples (with and without an
article date, one with targets, a dictionary and clean=false), 400 dev articles
(200 CoNLL-2003 dev documents and 200 VOA news documents of 8 sentences), 60 HTML
pages (30 Readability test pages, 30 of trafilatura's evaluation set) and 80 TimeML
documents (TBAQ, with their DCT as the article date). Deterministic: same data, same
bytes. Usage: python3 tools/same_output_corpus.py [SHARED_DIR] > corpus.jsonl"""
import glob
import gzip
import json
import os
import re
import sys

shared = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..", "shared")
data = os.path.join(shared, "data")
if not os.path.isdir(data):
    sys.exit(f"same_output_corpus: {data} is missing: this check reads ../shared beside the checkout")

out = sys.stdout


def emit(request):
    out.write(json.dumps(request, ensure_ascii=False, sort_keys=True) + "\n")


# The samples.
samples = sorted(glob.glob(os.path.join(shared, "samples", "[0-9]*.txt")))
for path in samples:
    text = open(path, encoding="utf-8").read()
    name = os.path.basename(path)
    emit({"id": name, "text": text})
    emit({"id": name + "+published", "text": text, "published": "2022-02-04"})
if samples:
    text = open(samples[0], encoding="utf-8").read()
    emit({"id": "sample-targets", "text": text, "targets": [{"start": 0, "end": 20}, {"start": 100, "end": 130}],
          "dictionary": [{"name": "Lede", "type": "ORG"}]})
    emit({"id": "sample-verbatim", "text": text, "options": {"clean": False}})


def detokenize(tokens):
    text = " ".join(tokens)
    text = re.sub(r" ([.,;:!?%)\]'])", r"\1", text)
    text = re.sub(r"([(\[$]) ", r"\1", text)
    return text.replace(" n't", "n't").replace(" 's", "'s")


# CoNLL-2003 dev documents, detokenized (sentence per line).
docs, sentence, doc = [], [], []
for line in open(os.path.join(data, "ner", "conll2003", "eng.testa"), encoding="utf-8"):
    line = line.strip()
    if line.startswith("-DOCSTART-"):
        if doc:
            docs.append(doc)
        doc = []
    elif not line:
        if sentence:
            doc.append(detokenize(sentence))
        sentence = []
    else:
        sentence.append(line.split(" ")[0])
if sentence:
    doc.append(detokenize(sentence))
if doc:
    docs.append(doc)
for i, doc in enumerate(docs[:200]):
    emit({"id": f"conll-dev-{i}", "text": "\n".join(doc)})

# VOA news: 8 sentences a document.
with gzip.open(os.path.join(data, "unlabeled", "voa-gmb", "sentences.txt.gz"), "rt", encoding="utf-8") as f:
    lines = [l.strip() for l in f]
for i in range(200):
    emit({"id": f"voa-{i}", "text": " ".join(detokenize(s.split(" ")) for s in lines[i * 8:(i + 1) * 8])})

# HTML pages.
pages = sorted(glob.glob(os.path.join(data, "extract", "readability-testpages", "*", "source.html.gz")))[:30]
for path in pages:
    html = gzip.open(path, "rb").read().decode("utf-8", errors="replace")
    emit({"id": "readability-" + os.path.basename(os.path.dirname(path)), "html": html, "url": "http://example.com/"})
evaldata = json.load(open(os.path.join(data, "extract", "trafilatura-eval", "evaldata.json"), encoding="utf-8"))
for url in sorted(evaldata)[:30]:
    path = os.path.join(data, "extract", "trafilatura-eval", "html", evaldata[url]["file"])
    if not os.path.exists(path):
        path += ".gz"
    raw = gzip.open(path, "rb").read() if path.endswith(".gz") else open(path, "rb").read()
    emit({"id": "trafilatura-" + evaldata[url]["file"], "html": raw.decode("utf-8", errors="replace"), "url": url})

# TimeML documents with their DCT.
tml = sorted(glob.glob(os.path.join(data, "time", "tbaq-cleaned", "*", "*.tml")))[:80]
for path in tml:
    raw = open(path, encoding="utf-8").read()
    value = re.search(r'<DCT><TIMEX3[^>]*value="([0-9-]+)', raw)
    body = raw.split("</DCT>", 1)[-1]
    body = re.sub(r"<EXTRAINFO>.*?</EXTRAINFO>", "", body, flags=re.S)
    text = re.sub(r"<[^>]+>", "", body).strip()
    request = {"id": "tml-" + os.path.basename(path), "text": text}
    if value:
        request["published"] = value.group(1)[:10]
    emit(request)
