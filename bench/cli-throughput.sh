#!/usr/bin/env bash
# CLI throughput on the samples: `lede analyze --jsonl` over the five samples
# repeated COPIES times (default 200), all cores. Prints documents/s and MB/s.
set -euo pipefail
cd "$(dirname "$0")/.."
COPIES=${COPIES:-200}
cargo build --release --bin lede -q
input=$(mktemp)
trap 'rm -f "$input"' EXIT
python3 - "$COPIES" > "$input" <<'PY'
import json, sys, glob
texts = [open(p, encoding="utf-8").read() for p in sorted(glob.glob("tests/fixtures/samples/*.txt"))]
for i in range(int(sys.argv[1])):
    for j, t in enumerate(texts):
        print(json.dumps({"id": f"{i}-{j}", "text": t}))
PY
docs=$(wc -l < "$input")
bytes=$(wc -c < "$input")
start=$(date +%s.%N)
./target/release/lede analyze --jsonl "$input" > /dev/null
end=$(date +%s.%N)
python3 -c "s=$end-$start; print(f'cli: {$docs} documents ({$bytes/1e6:.1f} MB) in {s:.2f} s: {$docs/s:.0f} documents/s, {$bytes/1e6/s:.1f} MB/s on $(nproc) cores')"
