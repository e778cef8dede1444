#!/usr/bin/env python3
"""Runs trafilatura on the trafilatura evaluation set and Readability's test pages and
scores it exactly as `lede eval extract` scores Lede (snippets; token F1).

    pip install trafilatura lxml_html_clean && python3 tools/peers/extract_trafilatura.py [DATA]
"""
import collections, gzip, html as htmllib, json, pathlib, re, sys
import trafilatura

data = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data") / "extract"
squash = lambda t: " ".join(t.split())

def tokens(text):
    return collections.Counter(w.lower() for w in re.split(r"[^\w]+", text) if w)

ev = json.loads((data / "trafilatura-eval/evaldata.json").read_text())
tp = fp = fn = tn = 0
for url, page in sorted(ev.items()):
    path = data / "trafilatura-eval/html" / (page["file"] + ".gz")
    if not path.exists():
        continue
    html = gzip.open(path).read().decode("utf-8", "replace")
    text = squash(trafilatura.extract(html) or "")
    for s in page.get("with", []):
        if squash(s) in text: tp += 1
        else: fn += 1
    for s in page.get("without", []):
        if squash(s) in text: fp += 1
        else: tn += 1
p, r = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
print(f"trafilatura on trafilatura eval set: P {p:.3f} R {r:.3f} F1 {2*p*r/max(p+r,1e-9):.3f}")

over = prod = exp = 0
for d in sorted((data / "readability-testpages").iterdir()):
    if not (d / "source.html.gz").exists():
        continue
    ours = tokens(trafilatura.extract(gzip.open(d / "source.html.gz").read().decode("utf-8", "replace")) or "")
    want = tokens(htmllib.unescape(re.sub(r"<[^>]+>", " ", gzip.open(d / "expected.html.gz").read().decode("utf-8", "replace"))))
    over += sum(min(n, want[w]) for w, n in ours.items())
    prod += sum(ours.values()); exp += sum(want.values())
p, r = over / max(prod, 1), over / max(exp, 1)
print(f"trafilatura on readability test pages: token P {p:.3f} R {r:.3f} F1 {2*p*r/max(p+r,1e-9):.3f}")
