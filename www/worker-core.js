// Shared by the served worker (worker.js) and the single-file build: answers
// analysis requests once the wasm module is ready.

/**
 * @param {() => Promise<unknown>} load  initializes the wasm module
 * @param {{analyzeText: Function, analyzeHtml: Function, info: Function}} core
 */
export function serveAnalyses(load, core) {
  const ready = load().then(
    () => {
      // Build the models' tables now, so the user's first analysis is as fast as the rest.
      try {
        core.analyzeText("Lede is ready in Geneva on Monday.", { tokens: false });
      } catch {
        // A failure here will be reported by the first real analysis.
      }
      return { ok: true, info: core.info() };
    },
    (error) => ({ ok: false, error: `could not load the analysis engine: ${error}` }),
  );
  self.postMessage({ kind: "loading" });
  ready.then((state) => self.postMessage({ kind: "ready", ...state }));
  self.onmessage = async (event) => {
    const { id, input, options } = event.data || {};
    const state = await ready;
    if (!state.ok) {
      self.postMessage({ id, ok: false, error: state.error });
      return;
    }
    const started = performance.now();
    try {
      const analysis =
        input && input.html !== undefined
          ? core.analyzeHtml(String(input.html), input.url ?? undefined, options ?? undefined)
          : core.analyzeText(String(input?.text ?? ""), options ?? undefined);
      self.postMessage({ id, ok: true, analysis, ms: performance.now() - started });
    } catch (error) {
      self.postMessage({ id, ok: false, error: String(error?.message ?? error) });
    }
  };
}
