#!/usr/bin/env bash
# Runs in headless Chromium: the product crate's own tests and the bindings'
# (crates/wasm/tests/wasm.rs, wasm-bindgen-test).
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
export CHROMEDRIVER=/usr/bin/chromedriver
export WASM_BINDGEN_TEST_TIMEOUT=120
profiles=$(mktemp -d)   # chromedriver leaves browser profiles behind; keep them out of /tmp's way
trap 'rm -rf "$profiles"' EXIT
TMPDIR="$profiles" cargo test --target wasm32-unknown-unknown -p lede -p lede-wasm --lib --tests
