// Lede in Node (the package's "node" export): the same API as in the browser, run in
// the calling thread, with the core unpacked from embedded.js.
import { inflateRawSync } from "node:zlib";
import { load as loadEngine, analyzeSync, normalize } from "./engine.js";

let loading = null;
/** Load the core (once); resolves to {name, version, schema}. */
export function load(source) {
  loading ??= source !== undefined
    ? loadEngine(source)
    : loadEngine(() => import("./embedded.js").then(({ DATA }) => inflateRawSync(Buffer.from(DATA, "base64"))));
  return loading;
}

/** Analyze `text`, `{text}` or `{html, url}`; resolves to the Analysis. */
export async function analyze(input, options) {
  await load();
  return analyzeSync(input, options);
}

/** The browser's analyzer API, in-thread: `cancel()` stops between inputs of `analyzeMany`. */
export function createAnalyzer(settings = {}) {
  let generation = 0;
  const report = (event) => settings.onProgress?.(event);
  const aborted = () => Object.assign(new Error("the analysis was cancelled"), { name: "AbortError" });
  return {
    async analyze(input, options, { onProgress, signal } = {}) {
      const mine = generation;
      await load(settings.wasm);
      if (mine !== generation || signal?.aborted) throw aborted();
      onProgress?.({ stage: "analyzing", done: 0, total: 1 });
      const analysis = analyzeSync(input, options);
      onProgress?.({ stage: "done", done: 1, total: 1 });
      report({ stage: "done", done: 1, total: 1 });
      return analysis;
    },
    async analyzeMany(inputs, options, { onProgress, signal } = {}) {
      const mine = generation;
      await load(settings.wasm);
      const list = [...inputs];
      const out = [];
      onProgress?.({ stage: "analyzing", done: 0, total: list.length });
      for (let i = 0; i < list.length; i++) {
        if (mine !== generation || signal?.aborted) throw aborted();
        try {
          out.push(analyzeSync(list[i], options));
        } catch (error) {
          out.push({ error: String(error?.message ?? error) });
        }
        const event = { stage: "analyzing", done: i + 1, total: list.length };
        onProgress?.(event);
        report(event);
        await new Promise((resolve) => setImmediate(resolve));
      }
      const done = { stage: "done", done: list.length, total: list.length };
      onProgress?.(done);
      report(done);
      return out;
    },
    ready: () => load(settings.wasm),
    cancel() {
      generation++;
      report({ stage: "cancelled" });
    },
    terminate() {
      generation++;
    },
  };
}

/** {name, version, schema} of the loaded core. */
export function info() {
  return load();
}

export { analyzeSync, normalize };
