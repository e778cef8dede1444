# Lede: `make run` builds and serves the page; `make test` runs every test.
# Both install what is missing first (scripts/setup.sh) and can be run again.
PORT ?= 8080
export CARGO_TERM_COLOR ?= never

.PHONY: run test setup setup-test wasm single cli check native-test wasm-test e2e bench clean-pkg

run: setup wasm single
	@echo "Lede is at http://127.0.0.1:$(PORT)/  (single-file build: dist/lede.html; Ctrl+C stops)"
	@python3 -m http.server $(PORT) --bind 127.0.0.1 --directory www

setup:
	@scripts/setup.sh

setup-test:
	@scripts/setup.sh --test

wasm:
	@scripts/build-wasm.sh

single: wasm
	@node scripts/build-single.mjs

cli:
	cargo build --release --bin lede

test: setup-test check native-test wasm-test single e2e
	@echo "make test: all passed"

check:
	cargo fmt --all -- --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy --lib --target wasm32-unknown-unknown -- -D warnings

native-test:
	cargo test --all-targets
	cargo test --doc

wasm-test:
	@scripts/wasm-test.sh

e2e:
	node --test tests/e2e/

bench: setup-test wasm
	cargo bench --bench pipeline
	node bench/browser/run.mjs
