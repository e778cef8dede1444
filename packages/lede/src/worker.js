// The analysis worker of `createAnalyzer()`: loads the core and answers
//   {id, input, options}            → {id, ok: true, analysis} | {id, ok: false, error}
//   {id, inputs: [...], options}    → {id, kind: "progress", done, total}… then {id, ok: true, analyses}
// with {kind: "ready", info} (or {kind: "failed", error}) once the core is loaded.
// The first message, {kind: "load", module?, wasm?}, says where the core comes from:
// a compiled WebAssembly.Module (what the package's own analyzer sends), or the URL of
// a lede_bg.wasm, or (neither) the lede_bg.wasm beside this file. Requests that arrive
// before it wait for it.
// Built twice (scripts/build-npm.mjs): as dist/worker.js, a module to serve yourself,
// and as the source of the worker the package starts from a blob (worker-source.js).
import { load, analyzeSync } from "./engine.js";

let giveSource;
const ready = new Promise((resolve) => {
  giveSource = resolve;
})
  .then((source) => load(source))
  .then(
    (info) => (self.postMessage({ kind: "ready", info }), { ok: true }),
    (error) => {
      const reason = String(error?.message ?? error);
      self.postMessage({ kind: "failed", error: reason });
      return { ok: false, error: reason };
    },
  );

self.onmessage = async (event) => {
  const message = event.data || {};
  if (message.kind === "load") {
    return giveSource(message.module ?? message.wasm ?? (() => new URL("./lede_bg.wasm", import.meta.url)));
  }
  const { id, input, inputs, options } = message;
  const state = await ready;
  if (!state.ok) return self.postMessage({ id, ok: false, error: state.error });
  if (inputs) {
    const analyses = [];
    for (let i = 0; i < inputs.length; i++) {
      try {
        analyses.push(analyzeSync(inputs[i], options));
      } catch (error) {
        analyses.push({ error: String(error?.message ?? error) });
      }
      self.postMessage({ id, kind: "progress", done: i + 1, total: inputs.length });
    }
    return self.postMessage({ id, ok: true, analyses });
  }
  try {
    self.postMessage({ id, ok: true, analysis: analyzeSync(input, options) });
  } catch (error) {
    self.postMessage({ id, ok: false, error: String(error?.message ?? error) });
  }
};
