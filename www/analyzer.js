// The page's handle on the analysis worker: promise-based requests, cancellation
// (by restarting the worker) and a fallback message when workers are unavailable.
// A worker whose engine dies (a wasm trap: a Rust panic or running out of memory,
// or an uncaught error) is replaced by a fresh one; what was pending is refused
// with a message saying so, and onStatus gets {kind: "restarted", error}.
// An entities model of the user's own (setModel) goes to every worker it starts,
// before any analysis; changing it, or going back to the built-in one, starts a
// fresh worker (an engine takes one model for its life).

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
    this.modelSent = this.model ? this.send({ kind: "model", bytes: this.model.bytes }) : null;
    this.modelSent?.catch(() => {});
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
    if (message.ok) request.resolve(message.kind === "model" ? true : { analysis: message.analysis, ms: message.ms });
    else request.reject(new Error(message.error));
  }

  /** Post a request to the worker; resolves with its answer. */
  send(message) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, ...message });
    });
  }

  /** Analyze {text} or {html, url}; resolves to {analysis, ms}. */
  analyze(input, options = {}) {
    return this.send({ input, options });
  }

  /**
   * Use an entities model of the user's own ({name, bytes: ArrayBuffer}) in a fresh
   * worker, or the built-in one (null). Resolves once the engine has taken it;
   * rejects with the engine's reason (a file that is not a model), and then the
   * built-in model stays in use.
   */
  async setModel(model) {
    this.model = model;
    this.worker.terminate();
    this.rejectAll("cancelled");
    this.start();
    if (!model) return;
    try {
      await this.modelSent;
    } catch (error) {
      this.model = null;
      this.worker.terminate();
      this.rejectAll("cancelled");
      this.start();
      throw error;
    }
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
