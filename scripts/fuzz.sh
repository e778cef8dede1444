#!/usr/bin/env bash
# Runs each fuzz target for RUNS executions (default 10 million), single core, on inputs
# of up to MAX_LEN bytes (default 4096; huge inputs are covered by tests/properties.rs).
# Needs cargo-fuzz (cargo install cargo-fuzz); stable Rust works with RUSTC_BOOTSTRAP
# for libFuzzer's coverage flags. Optimized, with overflow checks and debug assertions on
# (-a): an offset subtraction that wraps silently in release is a finding here.
# Findings land in fuzz/artifacts/TARGET/.
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
RUNS=${RUNS:-10000000}
targets=${*:-analyze_text analyze_html options models}
export RUSTC_BOOTSTRAP=1
for target in $targets; do
  echo "fuzz: $target for $RUNS runs"
  cargo fuzz run -s none -O -a "$target" -- -runs="$RUNS" -max_len=${MAX_LEN:-4096} -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 2>&1 \
    | grep -E 'stat::number_of_executed_units|stat::peak_rss|ERROR|panicked|SUMMARY|Done' || true
done
