#!/usr/bin/env bash
# The entity stage's ablation table (issue #22): each lever taken out of the shipped
# recipe alone, then all of them, scored as `lede eval entities` scores the shipped
# model (CoNLL-2003 dev, WikiGold and UNER-EWT held-out fifths).
#   scripts/entities-ablation.sh [--data DIR]     (default ../shared/data)
# A lever of the model (Viterbi, clusters, silver labels, WNUT-17) is trained without it into
# a scratch file first; a lever of the rules (knowledge table, lines that are not
# prose, document-level evidence) scores the shipped model with that rule off.
# Prints a Markdown table; takes about three minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
data=(--data ../shared/data)
if [ "${1:-}" = "--data" ]; then data=(--data "${2:?--data needs a directory}"); fi
cargo build --release -q -p lede-cli
lede=target/release/lede
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

# row NAME MODEL_OPTIONS RULE_OPTIONS: train with MODEL_OPTIONS (when any) and
# evaluate with both; prints one table row.
row() {
  local name=$1 model_options=$2 rule_options=$3 model=()
  if [ -n "$model_options" ]; then
    # shellcheck disable=SC2086 # the options are words
    "$lede" train entities "${data[@]}" $model_options --model "$scratch/model.bin" >/dev/null 2>&1
    model=(--model "$scratch/model.bin")
  fi
  # shellcheck disable=SC2086
  "$lede" eval entities "${data[@]}" $model_options $rule_options "${model[@]}" 2>/dev/null |
    awk -v name="$name" '
      /^CoNLL/ { part = "conll" } /^WikiGold/ { part = "wiki" } /^UNER/ { part = "uner" }
      $1 == "all" { f1[part] = $7 }
      part == "conll" && $1 != "all" && $2 == "P" { typed[$1] = $7 }
      END { printf "| %s | %s | %s | %s | %s | %s | %s | %s |\n", name, f1["conll"],
            typed["PER"], typed["ORG"], typed["LOC"], typed["MISC"], f1["wiki"], f1["uner"] }'
}

echo "| recipe | CoNLL dev F1 | PER | ORG | LOC | MISC | WikiGold | UNER-EWT |"
echo "|---|---|---|---|---|---|---|---|"
row "shipped" "" ""
row "greedy training and decoding, not Viterbi (the tagger up to session 17)" "--greedy" ""
row "without word clusters" "--no-clusters" ""
row "without the silver labels (spaCy teacher)" "--silver-tokens 0" ""
row "silver weighted as gold (1, not 0.5)" "--silver-weight 1" ""
row "without WNUT-17" "--no-wnut" ""
row "without the knowledge table and office-holders" "" "--no-knowledge"
row "without the rules for lines that are not prose" "" "--no-layout"
row "without document-level evidence" "" "--no-document"
row "none of these: the tagger on WikiGold alone" "--no-clusters --silver-tokens 0 --no-wnut" "--no-knowledge --no-layout --no-document"
