// The side-by-side browser benchmark (`make bench-browser`): Lede, compromise and
// winkNLP in the same headless Chromium, on the same corpus (the five samples plus
// ~1,000-word news articles built from NewsMTSC sentences). Prints for each:
// tokens/s of its full pipeline (after a warm-up round, the warm-up round alone, and
// all three rounds), ms per ~1,000-word article (median, p95), time from page load
// to first result (median and range of 1 + FIRST_LOADS loads, 7 by default, in
// settled tabs; and the median of as many in tabs that navigate as they open), peak
// JS heap, and bytes downloaded (raw, gzip, brotli); then Lede's ratios against
// each peer.
import { build } from "esbuild";
import { readFileSync, writeFileSync, mkdirSync, readdirSync, copyFileSync } from "node:fs";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { spawn } from "node:child_process";
import { serve, launch } from "../../tests/e2e/harness.mjs";

const here = fileURLToPath(new URL(".", import.meta.url));
const out = join(here, "out");
const shared = join(here, "..", "..", "..", "shared");
mkdirSync(out, { recursive: true });

// The corpus: samples + 1,000-word news articles.
const samples = readdirSync(join(shared, "samples")).filter((f) => f.endsWith(".txt")).sort()
  .map((f) => readFileSync(join(shared, "samples", f), "utf8"));
const sentences = readFileSync(join(shared, "data/sentiment/newsmtsc/train.jsonl"), "utf8")
  .split("\n").filter(Boolean).map((l) => JSON.parse(l).sentence_normalized);
const news = [];
for (let i = 0; i + 40 <= sentences.length && news.length < 60; i += 40) news.push(sentences.slice(i, i + 40).join(" "));
const articles = [...samples, ...news];
const words = (t) => t.split(/\s+/).filter(Boolean).length;
const totalWords = articles.reduce((n, t) => n + words(t), 0);
writeFileSync(join(out, "corpus.json"), JSON.stringify({ articles, rounds: 3 }));
writeFileSync(join(out, "first.json"), JSON.stringify({ text: articles[0] }));
copyFileSync(join(here, "page.html"), join(out, "index.html"));
// LEDE_WASM=path compares another build of the module; LIBS=lede runs one library.
copyFileSync(process.env.LEDE_WASM ?? join(here, "..", "..", "www", "pkg", "lede_bg.wasm"), join(out, "lede_bg.wasm"));
const libs = (process.env.LIBS ?? "lede,compromise,wink").split(",");

const sizes = {};
function measure(name, files) {
  const bytes = files.map((f) => readFileSync(f));
  const sum = (f) => bytes.reduce((n, b) => n + f(b), 0);
  sizes[name] = {
    raw: sum((b) => b.length),
    gzip: sum((b) => gzipSync(b, { level: 9 }).length),
    brotli: sum((b) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length),
  };
}
for (const lib of libs) {
  await build({ entryPoints: [join(here, `${lib}.js`)], bundle: true, format: "esm", minify: true,
    outfile: join(out, `${lib}.bundle.js`), logLevel: "error" });
  measure(lib, [join(out, `${lib}.bundle.js`), ...(lib === "lede" ? [join(out, "lede_bg.wasm")] : [])]);
}

// The pages come from a static server in its own process (serve.mjs);
// BENCH_SERVER=inprocess serves them from this process, as up to session 15.
const server = process.env.BENCH_SERVER === "inprocess" ? await serve(out) : await serveApart(out);

/** Start serve.mjs for `dir` in a child process; resolves to {url, close}. */
function serveApart(dir) {
  const child = spawn(process.execPath, [join(here, "serve.mjs"), dir], { stdio: ["ignore", "pipe", "inherit"] });
  // however the benchmark ends, the server goes with it
  process.on("exit", () => child.kill());
  return new Promise((resolve, reject) => {
    let output = "";
    child.on("error", reject);
    child.on("exit", (code) => reject(new Error(`bench server exited (${code}) before it was ready`)));
    child.stdout.on("data", (chunk) => {
      output += chunk;
      if (output.includes("\n")) {
        child.removeAllListeners("exit");
        resolve({ url: output.split("\n")[0].trim(), close: async () => { child.kill(); } });
      }
    });
  });
}
const browser = await launch();

// A new tab, given SETTLE_MS (1,000 by default) before it navigates. Opening a tab
// keeps headless Chromium's browser process (which runs at a higher priority than
// pages) busy for about half a second: measured on the 2-core VM, a page's script
// got half the CPU in that time that it got in a tab opened a second earlier. A
// reader's tab is open before the page loads, so the budget figure is taken in a
// settled tab; the table also gives loads that navigate as the tab opens
// ("…tab just opened"), as this benchmark measured up to session 17.
async function settledPage(settleMs = Number(process.env.SETTLE_MS ?? 1000)) {
  const page = await browser.newPage();
  await new Promise((resolve) => setTimeout(resolve, settleMs));
  return page;
}

const results = {};
for (const lib of libs) {
  const page = await settledPage();
  await page.goto(`${server.url}index.html?lib=${lib}`);
  await page.waitForFunction(() => window.result, null, { timeout: 300000 });
  results[lib] = await page.evaluate(() => window.result);
  await page.close();
}
// Load → first result varies by a third from one load to the next on a small VM
// (what else the machine runs while V8 compiles), so beside the load above each
// library is loaded FIRST_LOADS more times, each in a fresh context (no cache),
// the libraries taking turns; the table gives the median of all its loads. Then
// as many loads again in tabs that navigate as they open.
const firstLoads = Object.fromEntries(libs.map((lib) => [lib, [results[lib].firstResultMs]]));
const openingLoads = Object.fromEntries(libs.map((lib) => [lib, []]));
for (const [loads, settleMs] of [[firstLoads, undefined], [openingLoads, 0]]) {
  for (let i = 0; i < Number(process.env.FIRST_LOADS ?? 6) + (loads === openingLoads); i++) {
    for (const lib of libs) {
      const page = await settledPage(settleMs);
      await page.goto(`${server.url}index.html?lib=${lib}&first`);
      await page.waitForFunction(() => window.result, null, { timeout: 60000 });
      loads[lib].push((await page.evaluate(() => window.result)).firstResultMs);
      await page.close();
    }
  }
}
await browser.close();
await server.close();

const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];
const rows = {};
for (const [lib, r] of Object.entries(results)) {
  // per ~1,000-word article: scale each article's time to 1,000 words
  const per1000 = r.times.map((t, i) => (t * 1000) / words(articles[i % articles.length]));
  const rate = (times) => Math.round(totalWords * (times.length / articles.length) / (times.reduce((a, b) => a + b, 0) / 1000));
  rows[lib] = {
    // after one warm-up round, as criterion measures natively: the engine has
    // compiled the hot code (the budget figure)
    "tokens/s": rate(r.times.slice(articles.length)),
    // the first round alone, which includes the engine compiling the hot code
    "tokens/s cold round": rate(r.times.slice(0, articles.length)),
    "tokens/s all 3 rounds": rate(r.times),
    "ms/1000 words median": +quantile(per1000, 0.5).toFixed(2),
    "ms/1000 words p95": +quantile(per1000, 0.95).toFixed(2),
    // the median of the loads, and their range (the budget figure is the median)
    "load→first result ms": +quantile(firstLoads[lib], 0.5).toFixed(0),
    "…range ms": `${Math.min(...firstLoads[lib]).toFixed(0)}–${Math.max(...firstLoads[lib]).toFixed(0)}`,
    // the same, in tabs that navigate as they open (the method up to session 17)
    "…tab just opened ms": +quantile(openingLoads[lib], 0.5).toFixed(0),
    // of which, in the first load: page start-up, loading the library, its first analysis
    "…page ms": +r.startMs.toFixed(0),
    "…library load ms": +r.loadedMs.toFixed(0),
    "…first run ms": +r.firstRunMs.toFixed(0),
    "peak JS heap MB": +(r.peakHeap / 1e6).toFixed(1),
    "download raw KB": +(sizes[lib].raw / 1024).toFixed(0),
    "download gzip KB": +(sizes[lib].gzip / 1024).toFixed(0),
    "download brotli KB": +(sizes[lib].brotli / 1024).toFixed(0),
  };
}
console.log(`corpus: ${articles.length} articles, ${totalWords} words, 3 rounds: 1 warm-up, 2 measured (tokens = whitespace-separated words)`);
console.table(rows);
for (const peer of libs.filter((l) => l !== "lede")) {
  console.log(`Lede vs ${peer}: ${(rows.lede["tokens/s"] / rows[peer]["tokens/s"]).toFixed(1)}× tokens/s, `
    + `${(rows[peer]["ms/1000 words median"] / rows.lede["ms/1000 words median"]).toFixed(1)}× faster per article, `
    + `${(rows.lede["download brotli KB"] / rows[peer]["download brotli KB"]).toFixed(2)}× the download (brotli)`);
}
