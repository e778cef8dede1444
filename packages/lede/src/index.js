// Lede for web apps: `import { analyze, createAnalyzer } from "lede"`.
// Analysis runs in a Web Worker (dist/worker.js, with the wasm core beside it), so
// the page never freezes. Both are located with `new URL(..., import.meta.url)`,
// which Vite, webpack and Rollup-based bundlers follow and emit with no configuration.
// In Node (and anywhere without Worker) the "node" export runs the core in-thread.

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
 * Options: `worker` (URL of worker.js) and `wasm` (URL of lede_bg.wasm), for sites
 * that serve the two files themselves; `onProgress` for every call.
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
    worker = settings.worker
      ? new Worker(settings.worker, { type: "module" })
      : new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
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
    worker.postMessage({ kind: "load", wasm: settings.wasm ? String(settings.wasm) : undefined });
  }

  function fail(error) {
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
    if (!worker) start();
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
      if (!worker) start();
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
