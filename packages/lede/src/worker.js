// The analysis worker of `createAnalyzer()`: loads the core and answers
//   {id, input, options}            → {id, ok: true, analysis} | {id, ok: false, error}
//   {id, inputs: [...], options}    → {id, kind: "progress", done, total}… then {id, ok: true, analyses}
// with {kind: "ready", info} (or {kind: "failed", error}) once the core is loaded.
// `wasm` in the first message (optional) says where the .wasm is.
import { load, analyzeSync } from "./core.js";

let ready = null;

self.onmessage = async (event) => {
  const message = event.data || {};
  ready ??= load(message.wasm).then(
    (info) => (self.postMessage({ kind: "ready", info }), { ok: true }),
    (error) => (self.postMessage({ kind: "failed", error: String(error?.message ?? error) }), { ok: false, error: String(error?.message ?? error) }),
  );
  if (message.kind === "load") return;
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
