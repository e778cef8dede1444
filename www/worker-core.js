// Shared by the served worker (worker.js) and the single-file build: answers
// analysis requests once the wasm module is ready.

// A short news text, analyzed a few times while the page is idle so the engine
// optimizes the hot code before the user's first article (one small step per task,
// stopping as soon as a real request arrives).
const WARM_UP_TEXT =
  "GENEVA, March 3 (Reuters) - Foreign Minister Sergei Lavrov met U.N. envoy Staffan de Mistura " +
  "on Monday and said talks would resume next week. \"We are ready to work,\" Lavrov told " +
  "reporters, praising the deal but warning of sanctions. The European Union welcomed the " +
  "agreement, which follows clashes near Aleppo in late February that killed 12 people. " +
  "Turkey's president Recep Tayyip Erdogan will visit Moscow on April 10, a year after the " +
  "summit in Sochi. Oil rose 2 percent to $54.30 a barrel, the highest since 2015.";
const WARM_UP_ROUNDS = 12;
let requested = false;

function warmUp(core) {
  let left = WARM_UP_ROUNDS;
  const step = () => {
    if (requested || left-- <= 0) return;
    try {
      core.analyzeText(WARM_UP_TEXT, { tokens: false });
    } catch {
      return;
    }
    setTimeout(step, 0);
  };
  setTimeout(step, 0);
}

/**
 * Is this error the engine dying rather than refusing an input? A trap (a Rust
 * panic, which aborts in the browser build, or running out of memory) and a
 * stack overflow leave the wasm module's state unusable.
 */
function isFatal(error) {
  return error instanceof WebAssembly.RuntimeError || error instanceof RangeError;
}

/**
 * Make the worker fail on purpose, for the page's tests: "abort" calls the
 * engine's testAbort (a real Rust panic, a real wasm trap); "throw" leaves an
 * uncaught error in the worker.
 */
function crashForTest(core, how) {
  if (how === "throw") {
    setTimeout(() => {
      throw new Error("test: an uncaught error in the analysis worker");
    }, 0);
    return;
  }
  core.testAbort();
}

/**
 * @param {() => Promise<unknown>} load  initializes the wasm module
 * @param {{analyzeText: Function, analyzeHtml: Function, info: Function, testAbort: Function, useModel: Function}} core
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
      warmUp(core);
      return { ok: true, info: core.info() };
    },
    (error) => ({ ok: false, error: `could not load the analysis engine: ${error}` }),
  );
  self.postMessage({ kind: "loading" });
  ready.then((state) => self.postMessage({ kind: "ready", ...state }));
  self.onmessage = async (event) => {
    requested = true;
    const { id, input, options, kind, how } = event.data || {};
    const state = await ready;
    if (!state.ok) {
      self.postMessage({ id, ok: false, error: state.error });
      return;
    }
    const started = performance.now();
    try {
      if (kind === "test-crash") {
        crashForTest(core, how);
        return;
      }
      if (kind === "model") {
        // The user's own entities model, checked by the engine; it serves every analysis after it.
        core.useModel(new Uint8Array(event.data.bytes));
        self.postMessage({ id, ok: true, kind: "model" });
        return;
      }
      const analysis =
        input && input.html !== undefined
          ? core.analyzeHtml(String(input.html), input.url ?? undefined, options ?? undefined)
          : core.analyzeText(String(input?.text ?? ""), options ?? undefined);
      self.postMessage({ id, ok: true, analysis, ms: performance.now() - started });
    } catch (error) {
      const message = String(error?.message ?? error);
      if (isFatal(error)) {
        // The page replaces this worker with a fresh one.
        self.postMessage({ id, ok: false, fatal: true, error: `${error?.name ?? "Error"}: ${message}` });
        self.close();
        return;
      }
      self.postMessage({ id, ok: false, error: message });
    }
  };
}
