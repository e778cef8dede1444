#!/usr/bin/env python3
"""Drafts the quotation dev set (crates/lab/data/quotes) for checking by eye.

Reconstructs each GUM news/interview document's text from its CoNLL-U (the
`# text` of each sentence, sentences joined by a space, paragraphs (`# newpar`)
by a blank line: the same rule `lede eval quotes` uses), pairs its quotation
marks naively, and prints each candidate with its context and Lede's guess of
the speaker, as JSON lines to be corrected by hand. The samples are read as
Lede cleans them. With --voa, only the given runs of Voice of America
sentences are drafted (`voa:FIRST-LAST`, lines counted from 1 of the data
folder's unlabeled/voa-gmb/sentences.txt.gz, detokenized as `lede eval quotes`
does). Usage:
  python3 tools/quotes_draft.py GUM_DEP_DIR LEDE_BIN > draft.jsonl
  python3 tools/quotes_draft.py GUM_DEP_DIR LEDE_BIN --voa SENTENCES_GZ FIRST-LAST... > draft.jsonl
"""
import gzip, hashlib, json, os, re, subprocess, sys


def gum_text(path):
    paragraphs, current = [], []
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if line.startswith("# newpar") and not line.startswith("# newpar_"):
            if current:
                paragraphs.append(" ".join(current))
            current = []
        elif line.startswith("# text = "):
            current.append(line[len("# text = "):])
    if current:
        paragraphs.append(" ".join(current))
    return "\n\n".join(paragraphs)


ATTACH_LEFT = {",", ".", ";", ":", "?", "!", ")", "]", "}", "%", "'", "..."}


def attaches_left(token):
    return (token in ATTACH_LEFT or token.lower() == "n't"
            or (len(token) > 1 and token[0] == "'" and token[1:].isascii() and token[1:].isalpha()))


def voa_text(sentences):
    """Penn-tokenized sentences as running text: the rule of voa_text in crates/lab/src/quotes.rs."""
    out, is_open, glue = [], False, True
    for sentence in sentences:
        for token in sentence.split():
            if token == '"':
                if is_open:
                    out.append('"')
                    glue = False
                else:
                    if not glue:
                        out.append(" ")
                    out.append('"')
                    glue = True
                is_open = not is_open
            elif attaches_left(token):
                out.append(token)
                glue = False
            else:
                if not glue:
                    out.append(" ")
                out.append(token)
                glue = token in ("(", "[", "{", "$")
    return "".join(out)


def utf16_to_char(text):
    """Map a UTF-16 offset to a char offset."""
    table, u = {}, 0
    for i, ch in enumerate(text):
        table[u] = i
        u += 2 if ord(ch) > 0xFFFF else 1
    table[u] = len(text)
    return table


def main():
    dep, lede = sys.argv[1], sys.argv[2]
    docs = []
    if len(sys.argv) > 3 and sys.argv[3] == "--voa":
        lines = gzip.open(sys.argv[4], "rt", encoding="utf-8").read().splitlines()
        for r in sys.argv[5:]:
            first, last = map(int, r.split("-"))
            docs.append(("voa:" + r, voa_text(lines[first - 1:last]), False))
    for name in sorted(os.listdir(dep)) if not docs else []:
        if re.match(r"GUM_(news|interview)_.*\.conllu$", name):
            docs.append((name[:-7], gum_text(os.path.join(dep, name)), False))
    here = os.path.dirname(os.path.abspath(__file__))
    samples = os.path.join(here, "..", "tests", "fixtures", "samples")
    for name in sorted(os.listdir(samples)) if not docs[0][0].startswith("voa:") else []:
        if name.endswith(".txt"):
            docs.append(("sample:" + name[:3], open(os.path.join(samples, name), encoding="utf-8").read(), True))
    requests = []
    for doc, text, clean in docs:
        requests.append(json.dumps({"id": doc, "text": text, "options": {"clean": clean, "split": False}}))
    out = subprocess.run([lede, "analyze", "--jsonl"], input="\n".join(requests) + "\n",
                         capture_output=True, text=True, check=True).stdout.splitlines()
    for line in out:
        response = json.loads(line)
        d = response["documents"][0]
        text = d["text"]
        c = utf16_to_char(text)
        print(json.dumps({"doc": response["id"], "chars": len(text),
                          "sha256_16": hashlib.sha256(text.encode()).hexdigest()[:16], "header": True}))
        for q in d["quotes"]:
            a, b = c[q["start"]], c[q["end"]]
            sp = d["entities"][q["speaker"]]["name"] if q["speaker"] is not None else None
            src = text[c[q["source"]["start"]]:c[q["source"]["end"]]] if q.get("source") else None
            print(json.dumps({"doc": response["id"], "start": a, "end": b, "kind": q["kind"],
                              "speaker": sp, "source": src, "quote": text[a:b][:90],
                              "before": text[max(0, a - 160):a], "after": text[b:b + 120]}, ensure_ascii=False))


main()
