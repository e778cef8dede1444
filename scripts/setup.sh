#!/usr/bin/env bash
# Installs what building (and, with --test, testing) Lede needs on a fresh Debian
# machine. Idempotent: every step checks first and skips what is already there.
set -euo pipefail
cd "$(dirname "$0")/.."
WASM_BINDGEN_VERSION=0.2.130
want_test=${1:-}

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if ! rustup target list --installed | grep -q '^wasm32-unknown-unknown$'; then
  echo "setup: adding the wasm32 Rust target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WASM_BINDGEN_VERSION" ]; then
  echo "setup: installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (takes a few minutes once)"
  # Not --locked: a locked dependency version is not served by every registry mirror.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

if [ ! -x node_modules/.bin/esbuild ] || [ ! -x node_modules/.bin/wasm-opt ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: installing npm packages"
  npm ci --no-audit --no-fund
fi

if [ "$want_test" = "--test" ]; then
  apt_updated=
  apt_install() {
    if [ -z "$apt_updated" ]; then as_root apt-get update -qq; apt_updated=1; fi
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
  }
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    echo "setup: installing Chromium and ChromeDriver"
    apt_install chromium chromium-driver
  fi
  # Spark (the Python package's test) runs on Java 17 or later.
  java_major=$(java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1)
  if [ -z "$java_major" ] || [ "$java_major" -lt 17 ]; then
    echo "setup: installing a Java runtime (for pyspark)"
    apt_install default-jre-headless
  fi
  # The Python package's build and test tools, in .venv (maturin, pytest, pyarrow, pandas, pyspark).
  requirements=crates/python/requirements-test.txt
  if [ ! -x .venv/bin/python ] || ! cmp -s "$requirements" .venv/.lede-requirements; then
    echo "setup: installing maturin, pytest, pyarrow, pandas and pyspark into .venv"
    if [ ! -x .venv/bin/python ] && ! python3 -m venv .venv 2>/dev/null; then
      rm -rf .venv
      apt_install python3-venv
      python3 -m venv .venv
    fi
    .venv/bin/python -m pip install -q --disable-pip-version-check -r "$requirements"
    cp "$requirements" .venv/.lede-requirements
  fi
fi
