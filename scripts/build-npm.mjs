// Builds the npm package (packages/lede) from the wasm build (www/pkg, scripts/build-wasm.sh)
// and the widget (dist/widget, scripts/build-www.mjs), then packs it with `npm pack`:
//   packages/lede/dist/  index.js (Web Worker API), node.js (Node, in-thread), core.js +
//                        lede.js + lede_bg.wasm (in-thread core), worker.js (the worker,
//                        one self-contained module), *.d.ts (analysis.d.ts = www/lede.d.ts),
//                        widget/ (<lede-analysis>: `lede/widget`)
//   target/npm/lede-VERSION.tgz
// Prints the tarball's size and where it is (the last line: the path).
import { build } from "esbuild";
import { execFileSync } from "node:child_process";
import { cpSync, copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";

const root = new URL("..", import.meta.url).pathname;
const pkg = `${root}packages/lede`;
const dist = `${pkg}/dist`;
for (const need of ["www/pkg/lede.js", "www/pkg/lede_bg.wasm", "dist/widget/lede-widget.js"]) {
  if (!existsSync(`${root}${need}`)) {
    console.error(`build-npm: ${need} is missing: run \`make www\` first`);
    process.exit(1);
  }
}
rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });
for (const file of ["index.js", "core.js", "node.js", "index.d.ts", "core.d.ts", "widget.d.ts"]) {
  copyFileSync(`${pkg}/src/${file}`, `${dist}/${file}`);
}
copyFileSync(`${root}www/pkg/lede.js`, `${dist}/lede.js`);
copyFileSync(`${root}www/pkg/lede_bg.wasm`, `${dist}/lede_bg.wasm`);
// The worker as one module: bundlers that do not follow `new Worker(new URL(...))`
// (esbuild) leave it a separate file, which must then work on its own.
await build({
  stdin: { contents: readFileSync(`${pkg}/src/worker.js`, "utf8"), resolveDir: dist, sourcefile: "worker-entry.js" },
  bundle: true, format: "esm", minify: true,
  outfile: `${dist}/worker.js`, logOverride: { "empty-import-meta": "silent" }, legalComments: "eof",
});
// The Analysis types: the page's declarations, without the raw wasm functions.
const types = readFileSync(`${root}www/lede.d.ts`, "utf8")
  .replace(/^export function analyze(Text|Html)\(.*\n/gm, "")
  .replace(/^\/\/ The Analysis, schema "lede\/1", as the wasm functions return it/m,
    '// The Analysis, schema "lede/1", as `analyze` returns it');
if (!types.includes("export interface Analysis")) throw new Error("www/lede.d.ts has no Analysis");
writeFileSync(`${dist}/analysis.d.ts`, types);
cpSync(`${root}dist/widget`, `${dist}/widget`, { recursive: true });
for (const file of ["LICENSE", "NOTICE"]) copyFileSync(`${root}${file}`, `${pkg}/${file}`);

mkdirSync(`${root}target/npm`, { recursive: true });
const out = execFileSync("npm", ["pack", "--json", "--pack-destination", `${root}target/npm`], { cwd: pkg, encoding: "utf8" });
const [packed] = JSON.parse(out);
const tarball = `${root}target/npm/${packed.filename}`;
console.log(`npm package: ${packed.name}@${packed.version}, ${packed.entryCount} files, ${statSync(tarball).size} bytes packed, ${packed.unpackedSize} unpacked`);
console.log(tarball);
