// Runs @mozilla/readability (with jsdom) on the same pages and scores it exactly as
// `lede eval extract` scores Lede: body text on both sets, and on Readability's test
// pages its metadata (title, byline, publishedTime, siteName, lang) compared as
// src/intake/tools.rs says (`--misses` lists the values not right). Note that the
// expected metadata is Readability's own output, so it scores near 1 by construction.
// Install its packages outside the project:
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

const args = process.argv.slice(2);
const listMisses = args.includes("--misses");
const data = join(args.find((a) => !a.startsWith("--")) ?? "../shared/data", "extract");
const squash = (t) => t.split(/\s+/).filter(Boolean).join(" ");
const gz = (p) => gunzipSync(readFileSync(p)).toString("utf8");
const quiet = new VirtualConsole();
function parse(html) {
  try {
    const dom = new JSDOM(html, { virtualConsole: quiet });
    return new Readability(dom.window.document).parse() ?? {};
  } catch {
    return {};
  }
}
const extract = (html) => parse(html).textContent ?? "";
// The comparisons of src/intake/tools.rs (`norm`, `byline_norm`, `meta_equal`).
const norm = (t) =>
  squash(t)
    .replace(/[\u2018\u2019\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(/\u00a0/g, " ")
    .toLowerCase();
const trimPunct = (t) => t.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
function bylineNorm(t) {
  const n = trimPunct(norm(t));
  const rest = n.startsWith("by ") ? n.slice(3) : n.startsWith("by:") ? n.slice(3) : n;
  return trimPunct(rest);
}
const day = (t) => (t.trim().length >= 10 ? t.trim().slice(0, 10) : null);
const primary = (t) => t.trim().split(/[-_]/)[0].toLowerCase();
const FIELDS = [
  ["title", "title", "title", (w, o) => norm(w) === norm(o)],
  ["byline", "byline", "byline", (w, o) => bylineNorm(w) === bylineNorm(o)],
  ["published", "publishedTime", "publishedTime", (w, o) => day(w) !== null && day(w) === day(o)],
  ["site_name", "siteName", "siteName", (w, o) => norm(w) === norm(o)],
  ["language", "lang", "lang", (w, o) => primary(w) === primary(o)],
];
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
const meta = FIELDS.map(() => ({ expected: 0, right: 0, wrong: 0 }));
for (const dir of readdirSync(join(data, "readability-testpages")).sort()) {
  const d = join(data, "readability-testpages", dir);
  if (!existsSync(join(d, "source.html.gz"))) continue;
  const article = parse(gz(join(d, "source.html.gz")));
  const ours = tokens(article.textContent ?? "");
  const want = JSON.parse(readFileSync(join(d, "expected-metadata.json"), "utf8"));
  FIELDS.forEach(([field, key, ourKey, equal], f) => {
    const w = want[key];
    if (typeof w !== "string" || !w.trim()) return;
    const o = typeof article[ourKey] === "string" ? article[ourKey] : null;
    meta[f].expected++;
    if (o !== null && equal(w, o)) meta[f].right++;
    else {
      if (o !== null) meta[f].wrong++;
      if (listMisses) console.log(`  ${dir} ${field}: want ${JSON.stringify(squash(w))} got ${JSON.stringify(o === null ? "-" : squash(o))}`);
    }
  });
  const wantText = tokens(new JSDOM(gz(join(d, "expected.html.gz")), { virtualConsole: quiet }).window.document.body.textContent);
  for (const [w, n] of ours) over += Math.min(n, wantText.get(w) ?? 0);
  for (const n of ours.values()) prod += n;
  for (const n of wantText.values()) exp += n;
}
[p, r] = [over / prod, over / exp];
console.log(`readability.js on readability test pages: token P ${p.toFixed(3)} R ${r.toFixed(3)} F1 ${(2 * p * r / (p + r)).toFixed(3)}`);
console.log("readability.js on readability test pages metadata (right / expected, wrong = another value given):");
FIELDS.forEach(([field], f) => {
  const m = meta[f];
  console.log(
    `  ${field.padEnd(10)} ${String(m.right).padStart(3)} / ${String(m.expected).padEnd(3)} accuracy ${(m.right / Math.max(m.expected, 1)).toFixed(3)}  (wrong ${m.wrong}, missing ${m.expected - m.right - m.wrong})`
  );
});
