#!/usr/bin/env bash
# Runs the wasm-bindgen-test tests (tests/wasm.rs and any in src/) in headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
export CHROMEDRIVER=/usr/bin/chromedriver
export WASM_BINDGEN_TEST_TIMEOUT=120
profiles=$(mktemp -d)   # chromedriver leaves browser profiles behind; keep them out of /tmp's way
trap 'rm -rf "$profiles"' EXIT
TMPDIR="$profiles" cargo test --target wasm32-unknown-unknown --lib --tests
