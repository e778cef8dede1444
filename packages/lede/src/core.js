// Lede in the calling thread: the wasm core, loaded once, for Web Workers, Node and
// any code that may block. `import { load, analyze, analyzeSync } from "lede/core"`.
import init, { analyzeText, analyzeHtml, info as coreInfo } from "./lede.js";

let loading = null;

/**
 * Load the wasm core once. `source` is where the .wasm is: a URL (fetched), a
 * Response, the bytes (ArrayBuffer, Uint8Array) or a compiled WebAssembly.Module;
 * by default `lede_bg.wasm` beside this module, found with `new URL(..., import.meta.url)`
 * so bundlers (Vite, webpack, Rollup) emit it. Resolves to {name, version, schema}.
 */
export function load(source) {
  loading ??= init({ module_or_path: source ?? new URL("./lede_bg.wasm", import.meta.url) }).then(
    () => coreInfo(),
    (error) => {
      loading = null;
      throw new Error(`lede: could not load the analysis engine: ${error?.message ?? error}`);
    },
  );
  return loading;
}

/** `text`, `{text}` or `{html, url}` → the core's arguments. */
export function normalize(input) {
  if (typeof input === "string") return { text: input };
  if (input && typeof input === "object") {
    if (typeof input.html === "string") return { html: input.html, url: input.url ?? undefined };
    if (typeof input.text === "string") return { text: input.text };
  }
  throw new TypeError("lede: analyze takes a string, {text} or {html, url}");
}

/** Analyze now, in this thread; `load()` must have resolved. Throws on bad input. */
export function analyzeSync(input, options) {
  const request = normalize(input);
  try {
    return request.html !== undefined
      ? analyzeHtml(request.html, request.url, options ?? undefined)
      : analyzeText(request.text, options ?? undefined);
  } catch (error) {
    throw new Error(String(error?.message ?? error));
  }
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
