// The page's handle on the analysis worker: promise-based requests, cancellation
// (by restarting the worker) and a fallback message when workers are unavailable.

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
    this.ready = new Promise((resolve) => {
      this.markReady = resolve;
    });
    this.worker.onmessage = (event) => this.receive(event.data);
    this.worker.onerror = (event) => {
      const message = `the analysis engine failed: ${event.message || "unknown error"}`;
      this.onStatus({ kind: "error", error: message });
      this.rejectAll(message);
    };
  }

  receive(message) {
    if (message.kind === "loading") return this.onStatus({ kind: "loading" });
    if (message.kind === "ready") {
      this.markReady(message);
      return this.onStatus(message);
    }
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
