// Lede in the calling thread: the wasm core, loaded once, for your own Web Worker or any
// code that may block. `import { load, analyze, analyzeSync } from "lede/core"`.
// By default the core comes from the package itself (embedded.js: the .wasm, compressed,
// inside a JavaScript module), so every bundler takes it with no configuration; pass
// `load(url)` to fetch a lede_bg.wasm you serve instead.
import { load as loadEngine, analyzeSync, normalize } from "./engine.js";

/** The embedded core's bytes (a separate chunk for bundlers that split code). */
const embedded = () => import("./embedded.js").then((module) => module.wasmBytes());

/**
 * Load the wasm core once. `source` is where the .wasm is: a URL (fetched), a
 * Response, the bytes (ArrayBuffer, Uint8Array) or a compiled WebAssembly.Module;
 * by default the core embedded in the package. Resolves to {name, version, schema}.
 */
export function load(source) {
  return loadEngine(source ?? embedded);
}

/** Load if needed, then analyze in this thread. Resolves to the Analysis. */
export async function analyze(input, options) {
  await load();
  return analyzeSync(input, options);
}

/** {name, version, schema} of the loaded core. */
export async function info() {
  return load();
}

export { analyzeSync, normalize };
