#!/usr/bin/env bash
# Time and peak RSS (/usr/bin/time -v) of `lede analyze --jsonl` on hostile requests:
# a number table of N numbers and a name list of N tokens (N/3 names) in one sentence,
# and the stream good / 20,000 numbers / good (answers counted). LEDE=path picks the
# binary (default target/release/lede; build it with `cargo build --release`).
# Usage: bench/hostile-cli.sh [N...]   (default 2000 5000 10000 20000)
set -euo pipefail
cd "$(dirname "$0")/.."
LEDE=${LEDE:-target/release/lede}
sizes=${*:-2000 5000 10000 20000}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
python3 - "$dir" $sizes <<'PY'
import json, random, sys
out, sizes = sys.argv[1], [int(n) for n in sys.argv[2:]]
first = ["John", "Maria", "Ahmed", "Li", "Olga", "Pedro", "Fatima", "Kenji", "Anna", "David"]
last = ["Smith", "Garcia", "Khan", "Wang", "Petrova", "Silva", "Hassan", "Tanaka", "Cohen", "Rossi"]
for n in sizes:
    r = random.Random(n)
    numbers = " ".join(str(r.randint(1, 99999)) for _ in range(n))
    names = "The dead were " + ", ".join(f"{r.choice(first)} {r.choice(last)}{i}" for i in range(n // 3)) + "."
    open(f"{out}/numbers-{n}.jsonl", "w").write(json.dumps({"id": f"numbers-{n}", "text": numbers}) + "\n")
    open(f"{out}/names-{n}.jsonl", "w").write(json.dumps({"id": f"names-{n}", "text": names}) + "\n")
r = random.Random(1)
good = {"id": "good-1", "text": open("../shared/samples/000_4ddd7675c7aa17c5.txt").read()}
bad = {"id": "numbers-20000", "text": " ".join(str(r.randint(1, 99999)) for _ in range(20000))}
with open(f"{out}/stream.jsonl", "w") as f:
    for line in (good, bad, dict(good, id="good-2")):
        f.write(json.dumps(line) + "\n")
PY
measure() {
  /usr/bin/time -v "$LEDE" analyze --jsonl "$1" > "$dir/out" 2> "$dir/time" || true
  local secs rss
  secs=$(grep 'Elapsed (wall clock)' "$dir/time" | awk '{print $NF}')
  rss=$(grep 'Maximum resident set size' "$dir/time" | awk '{print $NF}')
  echo "$(basename "$1" .jsonl): $secs (m:ss) wall, $((rss / 1024)) MB peak RSS, $(grep -c '"id"' "$dir/out" || true) answer(s)"
}
for n in $sizes; do measure "$dir/numbers-$n.jsonl"; done
for n in $sizes; do measure "$dir/names-$n.jsonl"; done
measure "$dir/stream.jsonl"
