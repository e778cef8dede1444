// Runs @mozilla/readability (with jsdom) on the same pages and scores it exactly as
// `lede eval extract` scores Lede. Install its packages outside the project:
//   npm install --prefix /tmp/peers @mozilla/readability jsdom
//   NODE_PATH=/tmp/peers/node_modules node --max-old-space-size=12000 tools/peers/extract_readability.mjs [DATA]
// (jsdom needs the large heap for the 990-page set).
import { createRequire } from "node:module";
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { join } from "node:path";

const require = createRequire(join(process.env.NODE_PATH ?? "/tmp/peers/node_modules", "x.js"));
const { Readability } = require("@mozilla/readability");
const { JSDOM, VirtualConsole } = require("jsdom");

const data = join(process.argv[2] ?? "../shared/data", "extract");
const squash = (t) => t.split(/\s+/).filter(Boolean).join(" ");
const gz = (p) => gunzipSync(readFileSync(p)).toString("utf8");
const quiet = new VirtualConsole();
function extract(html) {
  try {
    const dom = new JSDOM(html, { virtualConsole: quiet });
    return new Readability(dom.window.document).parse()?.textContent ?? "";
  } catch {
    return "";
  }
}
function tokens(text) {
  const counts = new Map();
  for (const w of text.split(/[^\p{L}\p{N}]+/u).filter(Boolean)) counts.set(w.toLowerCase(), (counts.get(w.toLowerCase()) ?? 0) + 1);
  return counts;
}
const index = JSON.parse(readFileSync(join(data, "trafilatura-eval/evaldata.json"), "utf8"));
let [tp, fp, fn] = [0, 0, 0];
for (const page of Object.values(index)) {
  const path = join(data, "trafilatura-eval/html", `${page.file}.gz`);
  if (!existsSync(path)) continue;
  const text = squash(extract(gz(path)));
  for (const s of page.with ?? []) text.includes(squash(s)) ? tp++ : fn++;
  for (const s of page.without ?? []) if (text.includes(squash(s))) fp++;
}
let [p, r] = [tp / (tp + fp), tp / (tp + fn)];
console.log(`readability.js on trafilatura eval set: P ${p.toFixed(3)} R ${r.toFixed(3)} F1 ${(2 * p * r / (p + r)).toFixed(3)}`);
let [over, prod, exp] = [0, 0, 0];
for (const dir of readdirSync(join(data, "readability-testpages")).sort()) {
  const d = join(data, "readability-testpages", dir);
  if (!existsSync(join(d, "source.html.gz"))) continue;
  const ours = tokens(extract(gz(join(d, "source.html.gz"))));
  const want = tokens(new JSDOM(gz(join(d, "expected.html.gz")), { virtualConsole: quiet }).window.document.body.textContent);
  for (const [w, n] of ours) over += Math.min(n, want.get(w) ?? 0);
  for (const n of ours.values()) prod += n;
  for (const n of want.values()) exp += n;
}
[p, r] = [over / prod, over / exp];
console.log(`readability.js on readability test pages: token P ${p.toFixed(3)} R ${r.toFixed(3)} F1 ${(2 * p * r / (p + r)).toFixed(3)}`);
