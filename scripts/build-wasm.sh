#!/usr/bin/env bash
# Builds the wasm bindings (crates/wasm) into www/pkg (wasm-bindgen glue + wasm-opt -O3) and prints its size.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --profile wasm --target wasm32-unknown-unknown -p lede-wasm --lib
wasm-bindgen --target web --no-typescript --out-name lede --out-dir www/pkg target/wasm32-unknown-unknown/wasm/lede_wasm.wasm
# -ocimfs 1000: do not inline large functions into their only caller. Otherwise every
# stage lands inside one ~97 KB `analyze`, which V8 optimizes as a single job, so
# the first analyses run on baseline code for longer (first round ~30 % slower).
./node_modules/.bin/wasm-opt -O3 -ocimfs 1000 --enable-bulk-memory --enable-nontrapping-float-to-int \
  -o www/pkg/lede_bg.wasm www/pkg/lede_bg.wasm
raw=$(wc -c < www/pkg/lede_bg.wasm)
gz=$(gzip -9c www/pkg/lede_bg.wasm | wc -c)
br=$(node -e 'const z=require("zlib"),f=require("fs");process.stdout.write(String(z.brotliCompressSync(f.readFileSync(process.argv[1]),{params:{[z.constants.BROTLI_PARAM_QUALITY]:11}}).length))' www/pkg/lede_bg.wasm)
echo "wasm: www/pkg/lede_bg.wasm ${raw} bytes raw, ${gz} gzip, ${br} brotli"
