#!/usr/bin/env node
// Scores the npm package `compromise` (v14) on CoNLL-2003 eng.testa with conlleval
// semantics (exact span and type, micro-averaged) for comparison with
// `lede eval entities`. compromise has no MISC, so MISC gold counts as missed.
//
//   (compromise is a devDependency of the project: npm ci installs it)
//   node tools/peers/compromise_conll.cjs ../shared/data/ner/conll2003/eng.testa
//
// Each document's tokens are joined by spaces (sentences by newlines), as for
// lede; compromise's people() → PER, places() → LOC, organizations() → ORG.
"use strict";
const fs = require("fs");
const nlp = require("compromise");

const path = process.argv[2] || "../shared/data/ner/conll2003/eng.testa";
const lines = fs.readFileSync(path, "utf8").split("\n");
const docs = [];
let doc = { sentences: [] };
let sentence = [];
const flushSentence = () => {
  if (sentence.length) doc.sentences.push(sentence);
  sentence = [];
};
for (const line of lines) {
  const cols = line.trim().split(/\s+/);
  if (!line.trim()) { flushSentence(); continue; }
  if (cols[0] === "-DOCSTART-") {
    flushSentence();
    if (doc.sentences.length) docs.push(doc);
    doc = { sentences: [] };
    continue;
  }
  sentence.push([cols[0], cols[cols.length - 1]]);
}
flushSentence();
if (doc.sentences.length) docs.push(doc);

const TYPES = ["PER", "ORG", "LOC", "MISC"];
const count = { gold: {}, pred: {}, correct: {} };
const add = (m, k) => { m[k] = (m[k] || 0) + 1; };
let tokensTotal = 0;
const started = Date.now();
for (const d of docs) {
  let text = "";
  const starts = new Map();
  const ends = new Map();
  const gold = [];
  let index = 0;
  for (const s of d.sentences) {
    let open = null;
    s.forEach(([word, tag], k) => {
      if (k > 0) text += " ";
      starts.set(text.length, index);
      text += word;
      ends.set(text.length, index);
      const [prefix, type] = tag === "O" ? [null, null] : tag.split("-");
      if (type && (prefix === "B" || !open || open.type !== type)) {
        if (open) gold.push(open);
        open = { start: index, end: index + 1, type };
      } else if (type) {
        open.end = index + 1;
      } else if (open) {
        gold.push(open);
        open = null;
      }
      index++;
    });
    if (open) gold.push(open);
    text += "\n";
  }
  tokensTotal += index;
  const parsed = nlp(text);
  const predicted = [];
  for (const [type, view] of [["PER", parsed.people()], ["LOC", parsed.places()], ["ORG", parsed.organizations()]]) {
    for (const m of view.json({ offset: true })) {
      // compromise may include trailing punctuation in offsets: trim to the text
      let start = m.offset.start;
      let end = start + m.offset.length;
      while (end > start && /[\s.,;:!?'"]/.test(text[end - 1]) && !ends.has(end)) end--;
      if (starts.has(start) && ends.has(end)) {
        predicted.push({ start: starts.get(start), end: ends.get(end) + 1, type });
      } else {
        predicted.push({ start: -1, end: -1, type });
      }
    }
  }
  for (const g of gold) add(count.gold, g.type);
  for (const p of predicted) {
    add(count.pred, p.type);
    if (gold.some((g) => g.start === p.start && g.end === p.end && g.type === p.type)) add(count.correct, p.type);
  }
}
const seconds = (Date.now() - started) / 1000;
const line = (name, g, p, c) => {
  const P = p ? c / p : 0, R = g ? c / g : 0, F = P + R ? (2 * P * R) / (P + R) : 0;
  return `  ${name.padEnd(6)} P ${(100 * P).toFixed(1).padStart(5)}  R ${(100 * R).toFixed(1).padStart(5)}  F1 ${(100 * F).toFixed(1).padStart(5)}   (gold ${g}, predicted ${p}, correct ${c})`;
};
const sum = (m) => Object.values(m).reduce((a, b) => a + b, 0);
console.log(`compromise ${nlp.version} on ${path} (${tokensTotal} tokens, ${(tokensTotal / seconds).toFixed(0)} tokens/s)`);
console.log(line("all", sum(count.gold), sum(count.pred), sum(count.correct)));
for (const t of TYPES) console.log(line(t, count.gold[t] || 0, count.pred[t] || 0, count.correct[t] || 0));
const noMisc = (m) => sum(m) - (m.MISC || 0);
console.log(line("noMISC", noMisc(count.gold), noMisc(count.pred), noMisc(count.correct)));
