#!/usr/bin/env python3
"""Runs vaderSentiment on the same development data `lede eval sentiment` uses and
scores it the same way (Pearson r on VADER ground truth and SemEval headlines;
NewsMTSC targets labelled by the sentence's compound score, ±0.05 neutral band).

    pip install vaderSentiment && python3 tools/peers/sentiment_vader.py [DATA]
"""
import json, pathlib, re, sys
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

data = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data") / "sentiment"
vader = SentimentIntensityAnalyzer()
score = lambda t: vader.polarity_scores(t)["compound"]

def pearson(pairs):
    n = len(pairs); mx = sum(p[0] for p in pairs) / n; my = sum(p[1] for p in pairs) / n
    cov = sum((a - mx) * (b - my) for a, b in pairs)
    vx = sum((a - mx) ** 2 for a, _ in pairs) ** 0.5; vy = sum((b - my) ** 2 for _, b in pairs) ** 0.5
    return cov / (vx * vy)

def macro(path):
    conf = [[0] * 3 for _ in range(3)]
    for line in open(path, encoding="utf-8"):
        item = json.loads(line); s = score(item["sentence_normalized"])
        pred = 2 if s > 0.05 else 0 if s < -0.05 else 1
        for t in item["targets"]:
            gold = 0 if t["polarity"] < 3 else 2 if t["polarity"] > 5 else 1
            conf[gold][pred] += 1
    f1s = []
    for c in range(3):
        tp = conf[c][c]; p = tp / max(sum(conf[g][c] for g in range(3)), 1); r = tp / max(sum(conf[c]), 1)
        f1s.append(2 * p * r / (p + r) if p + r else 0)
    return sum(f1s) / 3, sum(conf[c][c] for c in range(3)) / sum(map(sum, conf))

for split in ["dev_rw", "dev_mt"]:
    f, a = macro(data / f"newsmtsc/{split}.jsonl")
    print(f"vader NewsMTSC {split}: macro-F1 {f:.3f} accuracy {a:.3f}")
for name in ["tweets", "movieReviewSnippets", "amazonReviewSnippets"]:
    pairs = []
    for line in open(data / f"vader-groundtruth/{name}_GroundTruth.txt", encoding="utf-8", errors="replace"):
        parts = line.rstrip("\n").split("\t", 2)
        if len(parts) == 3:
            pairs.append((score(parts[2]), float(parts[1])))
    print(f"vader {name}: Pearson r {pearson(pairs):.3f} ({len(pairs)} items)")
xml = (data / "semeval2007-affective/affectivetext_trial.xml").read_text(encoding="utf-8")
heads = dict(re.findall(r'<instance id="(\d+)">(.*?)</instance>', xml))
gold = [l.split() for l in (data / "semeval2007-affective/affectivetext_trial.valence.gold").read_text().splitlines() if l.strip()]
print(f"vader SemEval headlines: Pearson r {pearson([(score(heads[i]), float(v)) for i, v in gold if i in heads]):.3f}")
