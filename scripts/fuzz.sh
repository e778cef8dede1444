#!/usr/bin/env bash
# Runs each fuzz target for RUNS executions (default 10 million) or, when SECONDS_EACH
# is set, for that many seconds; single core, on inputs of up to MAX_LEN bytes (default
# 64 KB), with cost counted: an input that takes more than TIMEOUT seconds (default 5) or
# RSS_MB of memory (default 512) is a finding, as a crash is. Needs cargo-fuzz (cargo
# install cargo-fuzz); stable Rust works with RUSTC_BOOTSTRAP for libFuzzer's coverage
# flags. Optimized, with overflow checks and debug assertions on (-a): an offset
# subtraction that wraps silently in release is a finding here.
# Findings land in fuzz/artifacts/TARGET/.
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
RUNS=${RUNS:-10000000}
targets=${*:-analyze_text analyze_html options models}
export RUSTC_BOOTSTRAP=1
limit=(-runs="$RUNS")
budget="$RUNS runs"
if [ -n "${SECONDS_EACH:-}" ]; then limit=(-max_total_time="$SECONDS_EACH"); budget="$SECONDS_EACH s"; fi
for target in $targets; do
  echo "fuzz: $target ($budget, max_len ${MAX_LEN:-65536}, timeout ${TIMEOUT:-5} s, rss ${RSS_MB:-512} MB)"
  cargo fuzz run -s none -O -a "$target" -- "${limit[@]}" -max_len="${MAX_LEN:-65536}" \
    -timeout="${TIMEOUT:-5}" -rss_limit_mb="${RSS_MB:-512}" -malloc_limit_mb="${RSS_MB:-512}" -print_final_stats=1 2>&1 \
    | grep -E 'stat::number_of_executed_units|stat::peak_rss|ERROR|panicked|SUMMARY|Done|timeout|out-of-memory' || true
done
