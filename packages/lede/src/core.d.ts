// `lede/core`: the wasm core in the calling thread (for Web Workers and Node).
import type { Analysis, Options } from "./analysis.js";
import type { Input, Info } from "./index.js";
export type * from "./analysis.js";

/** Load the core once; `source` is a URL, a Response, the bytes or a WebAssembly.Module (default: the core embedded in the package). */
export function load(source?: string | URL | Response | BufferSource | WebAssembly.Module): Promise<Info>;
/** Load if needed, then analyze in this thread. */
export function analyze(input: Input, options?: Options): Promise<Analysis>;
/** Analyze now; `load()` must have resolved. Throws an Error with the reason for bad input. */
export function analyzeSync(input: Input, options?: Options): Analysis;
export function normalize(input: Input): { text: string } | { html: string; url?: string };
export function info(): Promise<Info>;
