// Builds dist/lede.html: the whole page in one file (scripts, styles and the wasm
// inlined) that works when opened from file://, where module scripts and fetches
// are blocked.
import { build } from "esbuild";
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";

const root = new URL("..", import.meta.url).pathname;

const worker = await build({
  entryPoints: [`${root}www/single/worker-inline.js`],
  bundle: true,
  format: "iife",
  minify: true,
  write: false,
  logOverride: { "empty-import-meta": "silent" },
  loader: { ".wasm": "binary" },
});
const workerSource = worker.outputFiles[0].text;

const app = await build({
  entryPoints: [`${root}www/app.js`],
  bundle: true,
  format: "iife",
  minify: true,
  write: false,
  logOverride: { "empty-import-meta": "silent" },
  define: { LEDE_WORKER_SOURCE: JSON.stringify(workerSource) },
});
const script = app.outputFiles[0].text.replace(/<\/script/gi, "<\\/script");
const css = readFileSync(`${root}www/style.css`, "utf8").replace(/<\/style/gi, "<\\/style");

let html = readFileSync(`${root}www/index.html`, "utf8");
// The single file carries its own scripts inline and makes no requests at all.
html = html.replace(
  /<meta http-equiv="Content-Security-Policy"[^>]*>/,
  `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline' 'wasm-unsafe-eval'; worker-src blob:; style-src 'unsafe-inline'; img-src data:; object-src 'none'; base-uri 'none'">`,
);
const icon = readFileSync(`${root}www/icon.svg`).toString("base64");
html = html.replace(/<link rel="icon" href="icon.svg"/, `<link rel="icon" href="data:image/svg+xml;base64,${icon}"`);
html = html.replace(/<link rel="stylesheet" href="style.css">/, () => `<style>\n${css}</style>`);
html = html.replace(/<script type="module" src="app.js"><\/script>/, () => `<script>\n${script}</script>`);
mkdirSync(`${root}dist`, { recursive: true });
writeFileSync(`${root}dist/lede.html`, html);
console.log(`single file: dist/lede.html ${html.length} bytes`);
