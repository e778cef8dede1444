// The analysis worker: loads the wasm core and answers {id, kind, input, options}
// messages with {id, ok, analysis} or {id, ok: false, error}. Runs off the main
// thread so the page never freezes.
import init, { analyzeText, analyzeHtml, info, testAbort, useModel } from "./pkg/lede.js";
import { serveAnalyses } from "./worker-core.js";

serveAnalyses(() => init({ module_or_path: new URL("./pkg/lede_bg.wasm", import.meta.url) }), {
  analyzeText,
  analyzeHtml,
  info,
  testAbort,
  useModel,
});
