// The page's handle on the analysis worker: promise-based requests, cancellation
// (by restarting the worker) and a fallback message when workers are unavailable.
// A worker whose engine dies (a wasm trap: a Rust panic or running out of memory,
// or an uncaught error) is replaced by a fresh one; what was pending is refused
// with a message saying so, and onStatus gets {kind: "restarted", error}.

/* global LEDE_WORKER_SOURCE */

function startWorker() {
  // The single-file build defines LEDE_WORKER_SOURCE (the bundled worker) so it
  // works from file:// without fetching anything.
  if (typeof LEDE_WORKER_SOURCE !== "undefined") {
    const blob = new Blob([LEDE_WORKER_SOURCE], { type: "text/javascript" });
    return new Worker(URL.createObjectURL(blob));
  }
  return new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
}

export class Analyzer {
  constructor(onStatus = () => {}) {
    this.onStatus = onStatus;
    this.nextId = 1;
    this.pending = new Map();
    this.start();
  }

  start() {
    this.worker = startWorker();
    this.loaded = false;
    this.ready = new Promise((resolve) => {
      this.markReady = resolve;
    });
    this.worker.onmessage = (event) => this.receive(event.data);
    this.worker.onerror = (event) => {
      // A worker that ran and then failed is replaced; one that never loaded is
      // reported (starting it again would fail the same way).
      if (this.loaded) {
        event.preventDefault?.();
        this.restart(event.message || "an uncaught error");
        return;
      }
      const message = `the analysis engine failed: ${event.message || "unknown error"}`;
      this.onStatus({ kind: "error", error: message });
      this.rejectAll(message);
    };
  }

  /** Replace a worker that died, refusing what was pending with a message saying so. */
  restart(reason) {
    this.worker.terminate();
    this.restarts = (this.restarts ?? 0) + 1;
    const message =
      `the analysis engine stopped (${reason}) and was restarted: ` +
      "analyze again, or split a very large text into parts";
    this.rejectAll(message);
    this.start();
    this.onStatus({ kind: "restarted", error: message });
  }

  receive(message) {
    if (message.kind === "loading") return this.onStatus({ kind: "loading" });
    if (message.kind === "ready") {
      this.loaded = message.ok;
      this.markReady(message);
      return this.onStatus(message);
    }
    if (message.fatal) return this.restart(message.error);
    const request = this.pending.get(message.id);
    if (!request) return;
    this.pending.delete(message.id);
    if (message.ok) request.resolve({ analysis: message.analysis, ms: message.ms });
    else request.reject(new Error(message.error));
  }

  /** Analyze {text} or {html, url}; resolves to {analysis, ms}. */
  analyze(input, options = {}) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, input, options });
    });
  }

  /**
   * Make the worker die on purpose, for tests of the recovery: "abort" (a real
   * Rust panic in the engine) or "throw" (an uncaught error in the worker).
   */
  crashForTest(how = "abort") {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, kind: "test-crash", how });
    });
  }

  /** Stop whatever is running: the worker is replaced by a fresh one. */
  cancel() {
    this.worker.terminate();
    this.rejectAll("cancelled");
    this.start();
  }

  rejectAll(reason) {
    for (const request of this.pending.values()) request.reject(new Error(reason));
    this.pending.clear();
  }
}
