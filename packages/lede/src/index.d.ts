// The package's API. The Analysis and its parts are declared in analysis.d.ts (the
// schema "lede/1" that the wasm core, the CLI and the Python package all return).
import type { Analysis, Options } from "./analysis.js";
export type * from "./analysis.js";

/** What to analyze: plain text, or an HTML page with the address it came from. */
export type Input = string | { text: string } | { html: string; url?: string };

/** Reported while an analyzer loads and works. */
export type Progress =
  | { stage: "loading" }
  | { stage: "ready"; info: Info }
  | { stage: "analyzing" | "done"; done: number; total: number }
  | { stage: "cancelled" };

export interface Info {
  name: string;
  version: string;
  schema: "lede/1";
}

export interface Call {
  /** Progress of this call. */
  onProgress?: (progress: Progress) => void;
  /** Aborting cancels the analyzer's work (every pending call rejects with an AbortError). */
  signal?: AbortSignal;
}

export interface AnalyzerSettings {
  /**
   * Where you serve the package's worker (`lede/worker.js`), for a Content-Security-Policy
   * without `blob:` workers. By default the worker is started from a blob: URL.
   */
  worker?: string | URL;
  /**
   * Where you serve `lede/lede_bg.wasm`, to fetch the core instead of unpacking the one
   * embedded in the package (with `worker`: by default the lede_bg.wasm beside it).
   */
  wasm?: string | URL;
  /** Progress of every call. */
  onProgress?: (progress: Progress) => void;
}

export interface Analyzer {
  analyze(input: Input, options?: Options, call?: Call): Promise<Analysis>;
  /** One Analysis per input, in order; an input that cannot be analyzed gives `{error}`. */
  analyzeMany(inputs: Iterable<Input>, options?: Options, call?: Call): Promise<(Analysis | { error: string })[]>;
  /** Resolves once the core is loaded. */
  ready(): Promise<Info>;
  /** Stop what is running; pending calls reject with an AbortError. The analyzer stays usable. */
  cancel(): void;
  /** End the worker for good. */
  terminate(): void;
}

/** Analyze in a shared Web Worker (in Node: in-thread). */
export function analyze(input: Input, options?: Options): Promise<Analysis>;
/** A long-lived analyzer with progress and cancel. */
export function createAnalyzer(settings?: AnalyzerSettings): Analyzer;
