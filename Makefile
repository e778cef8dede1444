# Lede: `make run` builds and serves the page; `make test` runs every test.
# Both install what is missing first (scripts/setup.sh) and can be run again.
PORT ?= 8080
export CARGO_TERM_COLOR ?= never

# `www` builds the page's d3 bundle, the widget (dist/widget/) and the single file (dist/lede.html).
.PHONY: run test setup setup-test wasm www cli check native-test scaling wasm-test e2e bench clean-pkg

run: setup wasm www
	@echo "Lede is at http://127.0.0.1:$(PORT)/  (single-file build: dist/lede.html; Ctrl+C stops)"
	@python3 -m http.server $(PORT) --bind 127.0.0.1 --directory www

setup:
	@scripts/setup.sh

setup-test:
	@scripts/setup.sh --test

wasm:
	@scripts/build-wasm.sh

www: wasm
	@node scripts/build-www.mjs

cli:
	cargo build --release -p lede-cli

test: setup-test check native-test scaling wasm-test www e2e
	@echo "make test: all passed"

check:
	cargo fmt --all -- --check
	python3 tools/stage_imports.py
	cargo clippy --workspace --all-targets -- -D warnings
	cargo clippy --target wasm32-unknown-unknown -p lede -p lede-wasm --lib -- -D warnings

native-test:
	cargo test --workspace --all-targets
	cargo test --workspace --doc

# Hostile inputs at n and 2n: time and peak heap must grow at most 2.5x per doubling
# (the full table: `cargo bench --bench scaling`, `-- --long` for a second doubling).
scaling:
	cargo bench --bench scaling -- --check

wasm-test:
	@scripts/wasm-test.sh

e2e:
	node --test tests/e2e/

bench: setup-test wasm
	cargo bench --bench pipeline
	node bench/browser/run.mjs
