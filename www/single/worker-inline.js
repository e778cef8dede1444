// The worker of the single-file build: the same service as worker.js, with the
// wasm bytes bundled in (esbuild's binary loader) instead of fetched.
import init, { analyzeText, analyzeHtml, info, testAbort, useModel } from "../pkg/lede.js";
import wasmBytes from "../pkg/lede_bg.wasm";
import { serveAnalyses } from "../worker-core.js";

serveAnalyses(() => init({ module_or_path: wasmBytes }), { analyzeText, analyzeHtml, info, testAbort, useModel });
