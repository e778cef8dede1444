#!/usr/bin/env bash
# Behaviour unchanged? Runs `lede analyze --jsonl` built from BASE and from HEAD (a
# commit, or the working tree when omitted) over one fixed corpus and compares the
# output byte for byte. The corpus (tools/same_output_corpus.py, from ../shared): the
# five samples with options, 400 dev articles, 60 HTML pages, 80 TimeML documents.
#   scripts/same-output.sh [--ignore FIELD]... BASE [HEAD]
# --ignore FIELD drops that field of every document from both outputs before the
# comparison (e.g. --ignore language when only the language report changed; a dotted
# path reaches into objects and every item of a list: --ignore sentences.sentiment.words); both
# sides are then re-serialized the same way, so the rest still compares byte for byte.
# Exit 0 when identical; 1 with the first differing requests listed.
set -euo pipefail
cd "$(dirname "$0")/.."
ignore=()
while [ "${1:-}" = "--ignore" ]; do
  ignore+=("${2:?--ignore needs a field name}")
  shift 2
done
base=${1:?usage: scripts/same-output.sh [--ignore FIELD]... BASE [HEAD]}
head=${2:-}
work=target/same-output
mkdir -p "$work"

# The `lede` binary of a commit, built once in a scratch worktree and kept by hash.
binary_of() {
  local rev sha dir
  rev=$1
  sha=$(git rev-parse --verify "$rev^{commit}")
  if [ ! -x "$work/lede-$sha" ]; then
    dir=$(mktemp -d)
    git worktree add --detach -q "$dir" "$sha"
    (cd "$dir" && CARGO_TARGET_DIR="$PWD/../same-output-target" cargo build -q --release --bin lede) >&2
    cp "$(dirname "$dir")/same-output-target/release/lede" "$work/lede-$sha"
    git worktree remove --force "$dir"
  fi
  echo "$work/lede-$sha"
}

python3 tools/same_output_corpus.py > "$work/corpus.jsonl"
base_bin=$(binary_of "$base")
if [ -n "$head" ]; then
  head_bin=$(binary_of "$head")
else
  cargo build -q --release --bin lede >&2
  head_bin=target/release/lede
fi
"$base_bin" analyze --jsonl "$work/corpus.jsonl" > "$work/base.jsonl"
"$head_bin" analyze --jsonl "$work/corpus.jsonl" > "$work/head.jsonl"
if [ ${#ignore[@]} -gt 0 ]; then
  for side in base head; do
    python3 - "$work/$side.jsonl" "${ignore[@]}" <<'PY'
import json, sys
path, fields = sys.argv[1], sys.argv[2:]

def drop(node, parts):
    """Remove the field at a dotted path, in every item of the lists on the way."""
    if isinstance(node, list):
        for item in node:
            drop(item, parts)
    elif isinstance(node, dict):
        if len(parts) == 1:
            node.pop(parts[0], None)
        else:
            drop(node.get(parts[0]), parts[1:])

lines = open(path, encoding="utf-8").read().splitlines()
with open(path, "w", encoding="utf-8") as out:
    for line in lines:
        response = json.loads(line)
        for document in response.get("documents", []):
            for field in fields:
                drop(document, field.split("."))
        out.write(json.dumps(response, ensure_ascii=False, separators=(",", ":")) + "\n")
PY
  done
  echo "same-output: ignoring the documents' ${ignore[*]}"
fi
lines=$(wc -l < "$work/corpus.jsonl")
if cmp -s "$work/base.jsonl" "$work/head.jsonl"; then
  echo "same-output: identical on $lines requests ($(wc -c < "$work/head.jsonl") bytes of output), $base vs ${head:-working tree}"
else
  echo "same-output: DIFFERENT, $base vs ${head:-working tree}; first differing requests:"
  diff <(cut -c1-200 "$work/base.jsonl" | grep -an . ) <(cut -c1-200 "$work/head.jsonl" | grep -an .) | grep -a "^[<>]" | head -10 || true
  python3 - "$work/base.jsonl" "$work/head.jsonl" <<'PY'
import json, sys
a = open(sys.argv[1]).read().splitlines(); b = open(sys.argv[2]).read().splitlines()
diff = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
print(f"{len(diff)} of {len(a)} responses differ" + ("" if len(a) == len(b) else f"; line counts {len(a)} vs {len(b)}"))
for i in diff[:5]:
    print("  id", json.loads(a[i]).get("id"))
PY
  exit 1
fi
