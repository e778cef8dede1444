// Builds what the page and the widget need beyond the wasm core (scripts/build-wasm.sh):
//   www/vendor/d3.js   the d3 modules the charts use, as one ES module the page imports;
//   dist/widget/       the <lede-analysis> widget to copy beside a blog: lede-widget.js,
//                      worker.js, pkg/lede_bg.wasm, style.css, widget.css, LICENSE, NOTICE;
//   dist/lede.html     the whole page in one file (scripts, styles and the wasm inlined)
//                      that works when opened from file://, where module scripts and
//                      fetches are blocked.
// Prints the bytes each adds (raw, gzip, brotli).
import { build } from "esbuild";
import { readFileSync, writeFileSync, mkdirSync, copyFileSync } from "node:fs";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";

const root = new URL("..", import.meta.url).pathname;
const quiet = { "empty-import-meta": "silent" };

function sizes(bytes) {
  const gzip = gzipSync(bytes, { level: 9 }).length;
  const brotli = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  return `${bytes.length} bytes raw, ${gzip} gzip, ${brotli} brotli`;
}

// The page's d3.
await build({
  entryPoints: [`${root}www/d3.js`], bundle: true, format: "esm", minify: true,
  outfile: `${root}www/vendor/d3.js`, legalComments: "eof",
});
console.log(`d3: www/vendor/d3.js ${sizes(readFileSync(`${root}www/vendor/d3.js`))}`);

// The widget, bundled for copying to any site.
const widgetDir = `${root}dist/widget`;
mkdirSync(`${widgetDir}/pkg`, { recursive: true });
for (const [entry, out] of [["www/widget.js", "lede-widget.js"], ["www/worker.js", "worker.js"]]) {
  await build({
    entryPoints: [`${root}${entry}`], bundle: true, format: "esm", minify: true,
    outfile: `${widgetDir}/${out}`, logOverride: quiet, legalComments: "eof",
  });
}
copyFileSync(`${root}www/pkg/lede_bg.wasm`, `${widgetDir}/pkg/lede_bg.wasm`);
for (const css of ["style.css", "widget.css"]) copyFileSync(`${root}www/${css}`, `${widgetDir}/${css}`);
// The licence and the attributions the models' data ask for travel with the widget.
for (const file of ["LICENSE", "NOTICE"]) copyFileSync(`${root}${file}`, `${widgetDir}/${file}`);
let widgetBytes = Buffer.alloc(0);
for (const file of ["lede-widget.js", "worker.js", "pkg/lede_bg.wasm", "style.css", "widget.css"]) {
  widgetBytes = Buffer.concat([widgetBytes, readFileSync(`${widgetDir}/${file}`)]);
}
console.log(`widget: dist/widget/ ${sizes(readFileSync(`${widgetDir}/lede-widget.js`))} (script); whole widget with worker, wasm and styles: ${sizes(widgetBytes)}`);

// The single file.
const worker = await build({
  entryPoints: [`${root}www/single/worker-inline.js`], bundle: true, format: "iife", minify: true,
  write: false, logOverride: quiet, loader: { ".wasm": "binary" },
});
const workerSource = worker.outputFiles[0].text;
const app = await build({
  entryPoints: [`${root}www/app.js`], bundle: true, format: "iife", minify: true, write: false,
  logOverride: quiet, define: { LEDE_WORKER_SOURCE: JSON.stringify(workerSource) },
});
const script = app.outputFiles[0].text.replace(/<\/script/gi, "<\\/script");
const css = readFileSync(`${root}www/style.css`, "utf8").replace(/<\/style/gi, "<\\/style");
let html = readFileSync(`${root}www/index.html`, "utf8");
// The single file carries its own scripts inline and makes no requests, but the one the user asks for.
html = html.replace(
  /<meta http-equiv="Content-Security-Policy"[^>]*>/,
  `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline' 'wasm-unsafe-eval'; worker-src blob:; connect-src https: http:; style-src 'unsafe-inline'; img-src data:; object-src 'none'; base-uri 'none'">`,
);
const icon = readFileSync(`${root}www/icon.svg`).toString("base64");
html = html.replace(/<link rel="icon" href="icon.svg"/, `<link rel="icon" href="data:image/svg+xml;base64,${icon}"`);
html = html.replace(/<link rel="stylesheet" href="style.css">/, () => `<style>\n${css}</style>`);
html = html.replace(/<script type="module" src="app.js"><\/script>/, () => `<script>\n${script}</script>`);
mkdirSync(`${root}dist`, { recursive: true });
writeFileSync(`${root}dist/lede.html`, html);
console.log(`single file: dist/lede.html ${sizes(Buffer.from(html))}`);
