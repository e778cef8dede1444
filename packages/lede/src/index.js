// Lede for web apps: `import { analyze, createAnalyzer } from "lede"`.
// Analysis runs in a Web Worker, so the page never freezes. The package carries
// everything itself, so esbuild, Vite, webpack and Rollup bundle it with no
// configuration and no file to copy: the worker's code is a string (worker-source.js,
// started from a blob: URL) and the wasm core is a compressed string in its own module
// (embedded.js, imported on first use, which bundlers that split code emit as a
// separate chunk). The page compiles the core once and hands the compiled module to
// each worker it starts. Sites that serve dist/worker.js and lede_bg.wasm
// themselves (a Content-Security-Policy without `blob:` workers) pass their URLs.
// In Node (and anywhere without Worker) the "node" export runs the core in-thread.
import WORKER_SOURCE from "./worker-source.js";

/** The worker's blob: URL, made once per page (every analyzer and restart uses it). */
let workerUrl = null;
let embeddedCore = null;
/** The embedded core, compiled once per page and shared by every worker. */
function compiledCore() {
  embeddedCore ??= import("./embedded.js")
    .then((module) => module.wasmBytes())
    .then((bytes) => WebAssembly.compile(bytes))
    .catch((error) => {
      embeddedCore = null;
      throw new Error(`lede: could not load the analysis engine: ${error?.message ?? error}`);
    });
  return embeddedCore;
}

/** A URL the worker can resolve (a blob: worker has no base for relative ones). */
function absolute(url) {
  return new URL(String(url), globalThis.location?.href).href;
}

function abortError() {
  return typeof DOMException === "function"
    ? new DOMException("the analysis was cancelled", "AbortError")
    : Object.assign(new Error("the analysis was cancelled"), { name: "AbortError" });
}

/**
 * A long-lived analysis worker. `analyze(input, options, {onProgress, signal})` and
 * `analyzeMany(inputs, options, {onProgress, signal})` queue in the worker;
 * `cancel()` stops whatever is running (the worker is replaced, pending calls reject
 * with an AbortError); `terminate()` ends it for good.
 * Settings: `worker` (URL of worker.js) and `wasm` (URL of lede_bg.wasm), for sites
 * that serve the files themselves; `onProgress` for every call.
 */
export function createAnalyzer(settings = {}) {
  let worker = null;
  let nextId = 1;
  let ready = null;
  let markReady = null;
  let terminated = false;
  const pending = new Map();
  const report = (event) => settings.onProgress?.(event);

  function start() {
    try {
      worker = settings.worker
        ? new Worker(settings.worker, { type: "module" })
        : new Worker((workerUrl ??= URL.createObjectURL(new Blob([WORKER_SOURCE], { type: "text/javascript" }))));
    } catch (error) {
      throw new Error(
        `lede: the analysis worker could not be started (${error?.message ?? error}); under a ` +
          "Content-Security-Policy without `worker-src blob:`, serve dist/worker.js and pass createAnalyzer({worker})",
      );
    }
    const mine = worker;
    ready = new Promise((resolve, reject) => {
      markReady = { resolve, reject };
    });
    ready.catch(() => {});
    worker.onmessage = (event) => receive(event.data);
    worker.onerror = (event) => {
      event.preventDefault?.();
      fail(new Error(`lede: the analysis worker failed: ${event.message || "it could not be loaded"}`));
    };
    report({ stage: "loading" });
    if (settings.worker) {
      worker.postMessage({ kind: "load", wasm: settings.wasm ? absolute(settings.wasm) : undefined });
    } else if (settings.wasm) {
      worker.postMessage({ kind: "load", wasm: absolute(settings.wasm) });
    } else {
      compiledCore().then(
        (module) => mine === worker && worker.postMessage({ kind: "load", module }),
        (error) => mine === worker && fail(error),
      );
    }
  }

  /** The worker cannot serve: every pending call rejects; the next call starts afresh. */
  function fail(error) {
    worker?.terminate();
    worker = null;
    markReady?.reject(error);
    for (const request of pending.values()) request.reject(error);
    pending.clear();
  }

  function receive(message) {
    if (message.kind === "ready") {
      report({ stage: "ready", info: message.info });
      return markReady.resolve(message.info);
    }
    if (message.kind === "failed") return fail(new Error(message.error));
    const request = pending.get(message.id);
    if (!request) return;
    if (message.kind === "progress") {
      const event = { stage: "analyzing", done: message.done, total: message.total };
      request.onProgress?.(event);
      return report(event);
    }
    pending.delete(message.id);
    request.cleanup();
    if (!message.ok) return request.reject(new Error(message.error));
    const done = { stage: "done", done: request.total, total: request.total };
    request.onProgress?.(done);
    report(done);
    request.resolve(message.analyses ?? message.analysis);
  }

  function send(payload, { onProgress, signal } = {}) {
    if (terminated) return Promise.reject(new Error("lede: this analyzer was terminated"));
    if (signal?.aborted) return Promise.reject(abortError());
    try {
      if (!worker) start();
    } catch (error) {
      return Promise.reject(error);
    }
    const id = nextId++;
    return new Promise((resolve, reject) => {
      const onAbort = () => cancel();
      signal?.addEventListener("abort", onAbort, { once: true });
      const cleanup = () => signal?.removeEventListener("abort", onAbort);
      const total = payload.inputs ? payload.inputs.length : 1;
      pending.set(id, { resolve, reject: (e) => (cleanup(), reject(e)), onProgress, cleanup, total });
      onProgress?.({ stage: "analyzing", done: 0, total });
      worker.postMessage({ id, ...payload });
    });
  }

  /** Stop what is running and queued: each pending call rejects with an AbortError. */
  function cancel() {
    if (!worker) return;
    worker.terminate();
    worker = null;
    const error = abortError();
    markReady?.reject(error);
    for (const request of pending.values()) request.reject(error);
    pending.clear();
    report({ stage: "cancelled" });
  }

  return {
    /** Analyze `text`, `{text}` or `{html, url}`; resolves to the Analysis. */
    analyze: (input, options, call) => send({ input, options }, call),
    /** Analyze several inputs in order; one that fails gives `{error}` in its place. */
    analyzeMany: (inputs, options, call) => send({ inputs: [...inputs], options }, call),
    /** Resolves to {name, version, schema} once the core is loaded in the worker. */
    ready() {
      try {
        if (!worker) start();
      } catch (error) {
        return Promise.reject(error);
      }
      return ready;
    },
    cancel,
    /** End the worker; the analyzer cannot be used again. */
    terminate() {
      cancel();
      terminated = true;
    },
  };
}

let shared = null;

/**
 * Analyze `text`, `{text}` or `{html, url}` in a shared Web Worker (started on first
 * use). `options`: {clean, split, published, targets, dictionary, tokens}.
 * Resolves to the Analysis; rejects with the reason when the input cannot be analyzed.
 */
export function analyze(input, options) {
  shared ??= createAnalyzer();
  return shared.analyze(input, options);
}
