#!/usr/bin/env python3
"""How many of Lede's TBAQ time mistakes the gold itself makes both ways.

Usage:
    target/release/lede eval time --mistakes | python3 tools/time_gold_consistency.py ../shared/data

For each TBAQ line of `lede eval time --mistakes`, it asks whether the gold
annotation treats the same expression (same lower-cased text) the way Lede did,
somewhere else in TBAQ:

- spurious: the gold marks that text elsewhere, with a value of the same shape
  (digits aside) as Lede's;
- missed: the text also occurs unmarked elsewhere in TBAQ;
- value: the gold gives that text a value of the same shape as Lede's elsewhere.

A mistake of that kind is an annotation choice the gold makes both ways: no
deterministic tagger gets every instance right. It prints the counts and lists
the other mistakes (the ones the gold is consistent about).
"""
import collections
import glob
import os
import re
import sys


def main():
    data = sys.argv[1] if len(sys.argv) > 1 else "../shared/data"
    gold = collections.defaultdict(list)
    texts = []
    for path in glob.glob(os.path.join(data, "time/tbaq-cleaned/*/*.tml")):
        with open(path, encoding="utf-8") as f:
            body = f.read()
        text = body[body.find("<TEXT>") + 6 : body.rfind("</TEXT>")]
        for m in re.finditer(r'<TIMEX3[^>]*value="([^"]*)"[^>]*>([^<]*)</TIMEX3>', text):
            gold[m.group(2).strip().lower()].append(m.group(1))
        texts.append(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", text)).lower())
    everything = "\n".join(texts)

    def shape(value):
        return re.sub(r"[0-9]", "9", value)

    counts = collections.Counter()
    consistent = collections.defaultdict(list)
    for line in sys.stdin:
        m = re.match(r'TBAQ \S+ (missed|spurious|value) "([^"]*)"(.*)', line)
        if not m:
            continue
        kind, words, rest = m.groups()
        low = words.lower()
        if kind == "spurious":
            ours = rest.split()[1]
            both_ways = any(shape(v) == shape(ours) for v in gold.get(low, []))
        elif kind == "missed":
            occurrences = len(re.findall(r"\b" + re.escape(low) + r"\b", everything))
            both_ways = occurrences > len(gold.get(low, []))
        else:
            ours = re.match(r": (\S+) want", rest).group(1)
            both_ways = any(shape(v) == shape(ours) for v in gold.get(low, []))
        counts[kind, both_ways] += 1
        if not both_ways:
            consistent[kind].append(line.strip()[:220])
    total = sum(counts.values())
    made_both_ways = sum(n for (_, both), n in counts.items() if both)
    print(f"TBAQ mistakes: {total}; the gold treats the same text Lede's way elsewhere: {made_both_ways}")
    for kind in ("value", "spurious", "missed"):
        print(f"  {kind}: {counts[kind, True]} made both ways, {counts[kind, False]} consistent")
    for kind, lines in consistent.items():
        print(f"\n{kind}, gold consistent ({len(lines)}):")
        for line in lines:
            print("  " + line)


if __name__ == "__main__":
    main()
