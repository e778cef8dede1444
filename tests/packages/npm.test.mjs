// The npm package as a user gets it: the tarball `npm pack` made (scripts/build-npm.mjs,
// target/npm/lede-VERSION.tgz) is installed into a scratch app whose one entry uses
// `lede` and `lede/widget`. esbuild, Vite, webpack 5 and Rollup each bundle it with no
// configuration beyond the entry (Rollup: its node-resolve plugin, without which it
// cannot find npm packages at all), and nothing is copied by hand; each bundle runs in
// headless Chromium: analyze() in a Web Worker, createAnalyzer() with progress and
// cancel, and the <lede-analysis> widget with its style sheets. A page under a
// Content-Security-Policy without blob: workers runs the package's own worker.js and
// lede_bg.wasm, served as files. analyze() runs once in Node, and the package's types
// are checked against that real output with tsc --strict.
// Prints the tarball's size and each bundled app's size (also in tests/packages/.out/sizes.json).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { cp, mkdir, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { brotliCompressSync, constants } from "node:zlib";
import { join } from "node:path";
import { root, serve, launch } from "../e2e/harness.mjs";
import webpack from "webpack";
import { rollup } from "rollup";
import { nodeResolve } from "@rollup/plugin-node-resolve";

const run = promisify(execFile);
const out = join(root, "tests/packages/.out");
const app = join(out, "app");
const { version } = JSON.parse(await readFile(join(root, "packages/lede/package.json"), "utf8"));
const tarball = join(root, `target/npm/lede-${version}.tgz`);
const sizes = {};
let dataMark; // the first characters of the embedded core: a bundle must carry it once

const ARTICLE =
  "GENEVA, March 3 (Reuters) - Foreign Minister Sergei Lavrov met U.N. envoy Staffan de Mistura " +
  "on Monday and said talks would resume next week. \"We are ready to work,\" Lavrov told reporters, " +
  "praising the deal but warning of sanctions. Turkey's president Recep Tayyip Erdogan will visit " +
  "Moscow on April 10.";

// What the bundled page does: every result lands in window.result (or window.failure).
const ANALYZE_JS = `
import { analyze, createAnalyzer } from "lede";
const ARTICLE = ${JSON.stringify(ARTICLE)};
try {
  const analysis = await analyze(ARTICLE, { published: "2017-03-03", tokens: false });
  const progress = [];
  const analyzer = createAnalyzer({ onProgress: (p) => progress.push(p.stage) });
  const info = await analyzer.ready();
  // Cancel a long analysis: it rejects with an AbortError, and the analyzer goes on.
  const long = analyzer.analyze(ARTICLE.repeat(3000), { tokens: false });
  await new Promise((r) => setTimeout(r, 50));
  analyzer.cancel();
  const cancelled = await long.then(() => "finished", (e) => e.name);
  const steps = [];
  const many = await analyzer.analyzeMany(
    [ARTICLE, "   ", { html: "<html><body><article><p>Angela Merkel visited Paris on Friday.</p></article></body></html>", url: "https://example.com/a" }],
    { tokens: false }, { onProgress: (p) => steps.push(p.stage + " " + p.done + "/" + p.total) });
  const bad = await analyzer.analyze("").then(() => "no error", (e) => e.message);
  window.result = {
    schema: analysis.schema,
    names: analysis.documents[0].entities.map((e) => e.name),
    published: analysis.documents[0].published,
    info, cancelled, progress, steps, bad,
    many: many.map((a) => a.error ?? a.documents[0].entities.map((e) => e.name).join(",")),
  };
} catch (error) {
  window.failure = String(error && error.stack || error);
}
`;

// The strict-CSP route: the package's worker.js and lede_bg.wasm served as files.
const SELF_HOSTED_JS = `
import { createAnalyzer } from "lede";
try {
  const analyzer = createAnalyzer({ worker: "/lede/worker.js", wasm: "/lede/lede_bg.wasm" });
  const analysis = await analyzer.analyze(${JSON.stringify(ARTICLE)}, { tokens: false });
  // lede/core in the app's own worker (bundled on its own), with the embedded core.
  const own = new Worker("/own-worker.js", { type: "module" });
  const inOwn = await new Promise((resolve, reject) => {
    own.onmessage = (event) => resolve(event.data);
    own.onerror = (event) => reject(new Error(event.message || "own-worker.js failed"));
    own.postMessage("Angela Merkel visited Paris on Friday.");
  });
  window.result = { names: analysis.documents[0].entities.map((e) => e.name), inOwn };
} catch (error) {
  window.failure = String(error && error.stack || error);
}
`;

const OWN_WORKER_JS = `
import { analyze } from "lede/core";
self.onmessage = async (event) => {
  try {
    const analysis = await analyze(event.data, { tokens: false });
    self.postMessage(analysis.documents[0].entities.map((e) => e.name));
  } catch (error) {
    self.postMessage(String(error && error.message || error));
  }
};
`;

const WIDGET = '<lede-analysis for="post" published="2021-06-01"></lede-analysis>';

function page(scripts, { body = "", head = "", module = true } = {}) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">${head}<title>lede app</title></head><body>
<p id="post">Chancellor Angela Merkel met President Emmanuel Macron in Berlin on Tuesday, officials said.</p>
${body}
${scripts.map((s) => `<script ${module ? 'type="module"' : "defer"} src="${s}"></script>`).join("\n")}
</body></html>`;
}

async function folderSize(dir) {
  let raw = 0;
  let brotli = 0;
  const files = [];
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath ?? entry.path, entry.name);
    const bytes = await readFile(path);
    raw += bytes.length;
    brotli += brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    files.push(path.slice(dir.length + 1));
  }
  return { raw, brotli, files: files.sort() };
}

let browser;
before(async () => {
  await stat(tarball).catch(() => {
    throw new Error(`${tarball} is missing: run \`make npm-package\` (node scripts/build-npm.mjs) first`);
  });
  sizes.tarball = (await stat(tarball)).size;
  await rm(out, { recursive: true, force: true });
  await mkdir(app, { recursive: true });
  await writeFile(join(app, "package.json"), JSON.stringify({ name: "scratch-app", private: true, type: "module" }));
  // The package has no dependencies: this installs from the tarball alone.
  await run("npm", ["install", "--no-audit", "--no-fund", "--no-package-lock", tarball], { cwd: app });
  await writeFile(join(app, "main.js"), `${ANALYZE_JS}\nimport "lede/widget";\n`);
  await writeFile(join(app, "self-hosted.js"), SELF_HOSTED_JS);
  await writeFile(join(app, "own-worker.js"), OWN_WORKER_JS);
  const embedded = await readFile(join(app, "node_modules/lede/dist/embedded.js"), "utf8");
  dataMark = embedded.match(/DATA = "([A-Za-z0-9+/]{64})/)[1];
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await writeFile(join(out, "sizes.json"), `${JSON.stringify(sizes, null, 2)}\n`);
  console.log(`sizes: ${JSON.stringify(sizes)}`);
});

async function runInChromium(dir) {
  const server = await serve(dir);
  const context = await browser.newContext();
  const tab = await context.newPage();
  const errors = [];
  tab.on("pageerror", (e) => errors.push(String(e)));
  try {
    await tab.goto(server.url);
    await tab.waitForFunction(() => window.result || window.failure, null, { timeout: 60000 });
    const failure = await tab.evaluate(() => window.failure);
    assert.equal(failure, undefined);
    const result = await tab.evaluate(() => window.result);
    assert.equal(result.schema, "lede/1");
    for (const name of ["Sergei Lavrov", "Recep Tayyip Erdogan", "Moscow"]) assert.ok(result.names.includes(name), `${name} in ${result.names}`);
    assert.deepEqual(result.published, { value: "2017-03-03", source: "caller", confidence: 1 });
    assert.equal(result.info.schema, "lede/1");
    assert.equal(result.cancelled, "AbortError");
    assert.deepEqual(result.progress.slice(0, 2), ["loading", "ready"]);
    assert.ok(result.progress.includes("cancelled"));
    assert.deepEqual(result.steps, ["analyzing 0/3", "analyzing 1/3", "analyzing 2/3", "analyzing 3/3", "done 3/3"]);
    assert.match(result.many[0], /Sergei Lavrov/);
    assert.match(result.many[1], /empty/);
    assert.match(result.many[2], /Angela Merkel/);
    assert.match(result.bad, /empty/);
    await tab.waitForFunction(() => {
      const root = document.querySelector("lede-analysis")?.shadowRoot;
      return root && /Macron/.test(root.querySelector(".widget-summary")?.textContent ?? "");
    }, null, { timeout: 60000 });
    const styled = await tab.evaluate(() => [...document.querySelector("lede-analysis").shadowRoot.querySelectorAll("link")]
      .map((l) => (l.sheet?.cssRules.length ?? 0) > 0));
    assert.deepEqual(styled, [true, true], "the widget's style sheets load");
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    await server.close();
  }
}

/** Sizes of a bundle's folder; it must carry the embedded core exactly once, and no .wasm file. */
async function measure(name, dir) {
  sizes[name] = await folderSize(dir);
  let copies = 0;
  for (const file of sizes[name].files) {
    if (/\.(m?js|html)$/.test(file)) copies += (await readFile(join(dir, file), "utf8")).split(dataMark).length - 1;
  }
  assert.equal(copies, 1, `${name}: the embedded core appears ${copies} times in ${sizes[name].files}`);
  assert.ok(!sizes[name].files.some((f) => f.endsWith(".wasm")), `${name} emitted no .wasm: ${sizes[name].files}`);
}

test("esbuild bundles the package and the widget with no configuration; both work in Chromium", async () => {
  const dir = join(out, "esbuild");
  const esbuild = join(root, "node_modules/.bin/esbuild");
  await run(esbuild, ["main.js", "--bundle", "--format=esm", "--minify", `--outdir=${dir}`], { cwd: app });
  await writeFile(join(dir, "index.html"), page(["main.js"], { body: WIDGET }));
  await measure("esbuild", dir);
  await runInChromium(dir);
});

test("Vite bundles the package and the widget with no configuration; both work in Chromium", async () => {
  await writeFile(join(app, "index.html"), page(["/main.js"], { body: WIDGET }));
  const vite = join(root, "node_modules/vite/bin/vite.js");
  await run(process.execPath, [vite, "build", "--outDir", join(out, "vite"), "--emptyOutDir", "--logLevel", "warn"], { cwd: app });
  await measure("vite", join(out, "vite"));
  await runInChromium(join(out, "vite"));
});

test("webpack 5 bundles the package and the widget with no configuration; both work in Chromium", async () => {
  const dir = join(out, "webpack");
  // What `webpack ./main.js -o DIR` does (the CLI is a separate package): the defaults.
  const stats = await new Promise((resolve, reject) => {
    webpack({ mode: "production", context: app, entry: "./main.js", output: { path: dir } }, (error, result) =>
      error ? reject(error) : resolve(result));
  });
  assert.deepEqual(stats.toJson({ all: false, errors: true }).errors, []);
  await writeFile(join(dir, "index.html"), page(["main.js"], { body: WIDGET, module: false }));
  await measure("webpack", dir);
  await runInChromium(dir);
});

test("Rollup bundles the package and the widget with no configuration; both work in Chromium", async () => {
  const dir = join(out, "rollup");
  const warnings = [];
  const bundle = await rollup({ input: join(app, "main.js"), plugins: [nodeResolve()], onwarn: (w) => warnings.push(String(w)) });
  await bundle.write({ dir, format: "es" });
  await bundle.close();
  assert.deepEqual(warnings, []);
  await writeFile(join(dir, "index.html"), page(["main.js"], { body: WIDGET }));
  await measure("rollup", dir);
  await runInChromium(dir);
});

test("under a Content-Security-Policy without blob: workers, the served worker.js and lede_bg.wasm work, and lede/core in the app's own worker", async () => {
  const dir = join(out, "self-hosted");
  const esbuild = join(root, "node_modules/.bin/esbuild");
  await run(esbuild, ["self-hosted.js", "own-worker.js", "--bundle", "--format=esm", "--minify", `--outdir=${dir}`], { cwd: app });
  await mkdir(join(dir, "lede"));
  // What the package README says: cp node_modules/lede/dist/worker.js node_modules/lede/dist/widget/pkg/lede_bg.wasm
  for (const file of ["dist/worker.js", "dist/widget/pkg/lede_bg.wasm"]) {
    await cp(join(app, "node_modules/lede", file), join(dir, "lede", file.split("/").pop()));
  }
  const csp = `<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'">`;
  await writeFile(join(dir, "index.html"), page(["self-hosted.js"], { head: csp }));
  const source = await readFile(join(dir, "self-hosted.js"), "utf8");
  const server = await serve(dir);
  const context = await browser.newContext();
  const tab = await context.newPage();
  try {
    await tab.goto(server.url);
    await tab.waitForFunction(() => window.result || window.failure, null, { timeout: 60000 });
    assert.equal(await tab.evaluate(() => window.failure), undefined);
    const { names, inOwn } = await tab.evaluate(() => window.result);
    assert.ok(names.includes("Sergei Lavrov"), String(names));
    assert.deepEqual(inOwn, ["Angela Merkel", "Paris"]);
  } finally {
    await context.close();
    await server.close();
  }
  // The app that serves the files itself still carries the embedded core (it is a
  // dynamic import esbuild inlines), but never loads it: it asks for no blob: worker.
  assert.ok(source.includes(dataMark));
});

test("analyze() runs in Node, lede/core and lede/widget resolve, and the types match real output", async () => {
  const script = `
    import { analyze, createAnalyzer } from "lede";
    import * as core from "lede/core";
    const analysis = await analyze(${JSON.stringify(ARTICLE)}, { published: "2017-03-03" });
    const again = await core.analyze({ html: "<p>Angela Merkel visited Paris on Friday.</p>", url: "https://example.com/" });
    const progress = [];
    const many = await createAnalyzer().analyzeMany(["Putin met Hu.", ""], {}, { onProgress: (p) => progress.push(p.stage + " " + p.done + "/" + p.total) });
    const failed = await analyze("  ").then(() => "no error", (e) => e.message);
    console.log(JSON.stringify({ analysis, again: again.documents[0].entities.map((e) => e.name), many: many.map((a) => a.error ?? "ok"), progress, failed,
      widget: import.meta.resolve("lede/widget"),
      served: [import.meta.resolve("lede/worker.js"), import.meta.resolve("lede/lede_bg.wasm")] }));`;
  const { stdout } = await run(process.execPath, ["--input-type=module", "-e", script], { cwd: app, maxBuffer: 1 << 26 });
  const result = JSON.parse(stdout);
  assert.equal(result.analysis.schema, "lede/1");
  const names = result.analysis.documents[0].entities.map((e) => e.name);
  assert.ok(names.includes("Sergei Lavrov"), String(names));
  assert.ok(result.analysis.documents[0].tokens.length > 50);
  assert.deepEqual(result.again, ["Angela Merkel", "Paris"]);
  assert.equal(result.many[0], "ok");
  assert.match(result.many[1], /empty/);
  assert.deepEqual(result.progress, ["analyzing 0/2", "analyzing 1/2", "analyzing 2/2", "done 2/2"]);
  assert.match(result.failed, /empty/);
  assert.match(result.widget, /node_modules\/lede\/dist\/widget\.js$/);
  // The two files a site under a strict Content-Security-Policy serves itself.
  for (const served of result.served) await stat(new URL(served));
  for (const file of ["LICENSE", "NOTICE", "README.md", "dist/widget/LICENSE", "dist/widget/NOTICE"]) {
    await stat(join(app, "node_modules/lede", file));
  }

  // The types, as a TypeScript user of the package sees them, against this real output.
  await writeFile(join(app, "check.ts"), `import { analyze, createAnalyzer, type Analysis, type Entity } from "lede";
import { analyzeSync } from "lede/core";
export const real: Analysis = ${JSON.stringify(result.analysis)};
export const first: Entity | undefined = real.documents[0]?.entities[0];
export async function use(): Promise<string[]> {
  const a: Analysis = await analyze({ html: "<p>x</p>", url: "https://example.com" }, { published: "2020-01-01", tokens: false });
  const analyzer = createAnalyzer({ onProgress: (p) => { if (p.stage === "analyzing") console.log(p.done, p.total); } });
  const many = await analyzer.analyzeMany(["a", { text: "b" }]);
  analyzer.cancel();
  return [...a.documents.map((d) => d.text), ...many.map((m) => ("error" in m ? m.error : m.schema)), analyzeSync("x").schema];
}
`);
  const tsc = join(root, "node_modules/.bin/tsc");
  const checked = await run(tsc, ["--noEmit", "--strict", "--target", "es2022", "--module", "esnext", "--moduleResolution", "bundler",
    "--lib", "es2022,dom", "check.ts"], { cwd: app, maxBuffer: 1 << 24 }).then(() => "", (e) => `${e.stdout}${e.stderr}`);
  assert.equal(checked.slice(0, 2000), "");
});
