# Lede: `make run` builds and serves the page; `make test` runs every test.
# Both install what is missing first (scripts/setup.sh) and can be run again.
PORT ?= 8080
export CARGO_TERM_COLOR ?= never

# `www` builds the page's d3 bundle, the widget (dist/widget/) and the single file (dist/lede.html).
.PHONY: run test setup setup-test wasm www cli check native-test scaling wasm-test e2e bench clean-pkg \
	npm-package npm-test wheel python-test

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

# A test run builds from scratch once: incremental caches would only fill the disk.
test: export CARGO_INCREMENTAL = 0
test: setup-test check native-test scaling wasm-test www e2e npm-test python-test
	@echo "make test: all passed"

check:
	cargo fmt --all -- --check
	python3 tools/stage_imports.py
	cargo clippy --workspace --all-targets -- -D warnings
	cargo clippy --target wasm32-unknown-unknown -p lede -p lede-wasm --lib -- -D warnings
	cargo clippy -p lede-python --features python --all-targets -- -D warnings
	RUSTDOCFLAGS="-D warnings" cargo doc -p lede --no-deps

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

# The npm package (packages/lede) packed into target/npm/, then installed into a scratch
# app, bundled with esbuild, Vite, webpack and Rollup (no configuration, nothing copied)
# and run in Chromium, and run in Node (tests/packages/).
npm-package: www
	@node scripts/build-npm.mjs

npm-test: setup-test npm-package
	node --test tests/packages/

# The Python package (crates/python): `make wheel` builds the abi3 wheel into
# target/wheels/; `make python-test` builds one (profile wheel-test: no LTO, faster to
# build) into target/wheels-test/, installs it into .venv and runs pytest (Spark
# local[2] included) against the CLI's output.
WHEEL_VERSION = $(shell sed -n 's/^version = "\(.*\)"/\1/p' crates/python/pyproject.toml)

wheel: setup-test
	.venv/bin/maturin build --release --quiet -m crates/python/Cargo.toml -o target/wheels

python-test: setup-test
	.venv/bin/maturin build --profile wheel-test --quiet -m crates/python/Cargo.toml -o target/wheels-test
	.venv/bin/python -m pip install -q --disable-pip-version-check --force-reinstall --no-deps \
	  target/wheels-test/lede-$(WHEEL_VERSION)-cp39-abi3-*.whl
	cargo build -p lede-cli
	LEDE_CLI=target/debug/lede LEDE_WHEELS=target/wheels-test .venv/bin/python -m pytest -q crates/python/tests

bench: setup-test wasm
	cargo bench --bench pipeline
	node bench/browser/run.mjs
