// The wasm core in the calling thread, without any default place to find the .wasm:
// shared by `lede/core` (which adds the embedded engine as the default), the analysis
// worker and the Node entry. The caller always says where the compiled core comes from.
import init, { analyzeText, analyzeHtml, info as coreInfo } from "./lede.js";

let loading = null;

/**
 * Load the wasm core once from `source`: a URL (fetched), a Response, the bytes
 * (ArrayBuffer, Uint8Array) or a compiled WebAssembly.Module; or a function returning
 * (a promise of) one of those, called only on the first load. Resolves to
 * {name, version, schema}; a failed load can be retried.
 */
export function load(source) {
  loading ??= Promise.resolve(typeof source === "function" ? source() : source)
    .then((module_or_path) => init({ module_or_path }))
    .then(
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
