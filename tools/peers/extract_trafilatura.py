#!/usr/bin/env python3
"""Runs trafilatura on the trafilatura evaluation set and Readability's test pages and
scores it exactly as `lede eval extract` scores Lede (snippets; token F1), and on the
test pages its metadata (`extract_metadata`: title, author, date, sitename; it reads no
page language) compared as src/intake/tools.rs says (`--misses` lists the values not right).

    python3 -m venv /tmp/trafvenv && /tmp/trafvenv/bin/pip install trafilatura lxml_html_clean
    /tmp/trafvenv/bin/python tools/peers/extract_trafilatura.py [DATA] [--misses]
"""
import collections, gzip, html as htmllib, json, pathlib, re, sys
import trafilatura
from trafilatura.metadata import extract_metadata

args = [a for a in sys.argv[1:] if not a.startswith("--")]
list_misses = "--misses" in sys.argv
data = pathlib.Path(args[0] if args else "../shared/data") / "extract"
squash = lambda t: " ".join(t.split())

# The comparisons of src/intake/tools.rs (`norm`, `byline_norm`, `meta_equal`).
TYPO = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201b": "'", "\u2032": "'",
                      "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2033": '"',
                      "\u2212": "-", "\u00a0": " ", **{chr(c): "-" for c in range(0x2010, 0x2016)}})
norm = lambda t: squash(t).translate(TYPO).lower()

def trim_punct(t):
    return re.sub(r"^[\W_]+|[\W_]+$", "", t)

def byline_norm(t):
    n = trim_punct(norm(t))
    rest = n[3:] if n.startswith("by ") or n.startswith("by:") else n
    return trim_punct(rest)

day = lambda t: t.strip()[:10] if len(t.strip()) >= 10 else None
primary = lambda t: re.split(r"[-_]", t.strip())[0].lower()
FIELDS = [  # (field, expected key, trafilatura attribute, equal)
    ("title", "title", "title", lambda w, o: norm(w) == norm(o)),
    ("byline", "byline", "author", lambda w, o: byline_norm(w) == byline_norm(o)),
    ("published", "publishedTime", "date", lambda w, o: day(w) is not None and day(w) == day(o)),
    ("site_name", "siteName", "sitename", lambda w, o: norm(w) == norm(o)),
    ("language", "lang", None, lambda w, o: primary(w) == primary(o)),
]

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
meta = [[0, 0, 0] for _ in FIELDS]  # expected, right, wrong
for d in sorted((data / "readability-testpages").iterdir()):
    if not (d / "source.html.gz").exists():
        continue
    source = gzip.open(d / "source.html.gz").read().decode("utf-8", "replace")
    found = extract_metadata(source)
    want_meta = json.loads((d / "expected-metadata.json").read_text())
    for f, (field, key, attr, equal) in enumerate(FIELDS):
        w = want_meta.get(key)
        if not isinstance(w, str) or not w.strip():
            continue
        o = getattr(found, attr, None) if attr else None
        o = o if isinstance(o, str) else None
        meta[f][0] += 1
        if o is not None and equal(w, o):
            meta[f][1] += 1
            continue
        meta[f][2] += o is not None
        if list_misses:
            print(f"  {d.name} {field}: want {json.dumps(squash(w), ensure_ascii=False)} got {json.dumps(squash(o) if o else '-', ensure_ascii=False)}")
    ours = tokens(trafilatura.extract(source) or "")
    want = tokens(htmllib.unescape(re.sub(r"<[^>]+>", " ", gzip.open(d / "expected.html.gz").read().decode("utf-8", "replace"))))
    over += sum(min(n, want[w]) for w, n in ours.items())
    prod += sum(ours.values()); exp += sum(want.values())
p, r = over / max(prod, 1), over / max(exp, 1)
print(f"trafilatura on readability test pages: token P {p:.3f} R {r:.3f} F1 {2*p*r/max(p+r,1e-9):.3f}")
print("trafilatura on readability test pages metadata (right / expected, wrong = another value given; no language read):")
for (field, *_), (n, right, wrong) in zip(FIELDS, meta):
    print(f"  {field:<10} {right:>3} / {n:<3} accuracy {right / max(n, 1):.3f}  (wrong {wrong}, missing {n - right - wrong})")
