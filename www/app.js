// The page: takes pasted text or dropped files, sends them to the analysis worker
// and shows the result. Everything shown is built with DOM text nodes, never HTML
// strings, so nothing from an article can execute.
/* global LEDE_WORKER_SOURCE */
import { Analyzer } from "./analyzer.js";
import { renderAnalysis, entitiesCsv, wireResults, h } from "./view.js";
import { fetchArticle, decodePage } from "./fetch.js";

const $ = (id) => document.getElementById(id);
const form = $("input-form");
const article = $("article");
const status = $("status");
const results = $("results");
const cancel = $("cancel");
const published = $("published");
const progress = $("progress");

/** Files larger than this are refused with a message (the core's own limit is 32 MiB). */
const MAX_FILE_BYTES = 32 * 1024 * 1024;

function say(message, kind = "info") {
  status.textContent = message;
  status.dataset.kind = kind;
}

// Engine status never overwrites what the user's own action reported: "Ready"
// only replaces the loading message.
const analyzer = new Analyzer((event) => {
  const idle = !status.textContent || status.dataset.kind === "loading";
  if (event.kind === "loading" && idle) say("Loading the analysis engine…", "loading");
  else if (event.kind === "ready" && event.ok && idle) say("Ready. Paste an article or drop a file.");
  else if ((event.kind === "ready" && !event.ok) || event.kind === "error") say(event.error, "error");
  else if (event.kind === "restarted") say(`The ${event.error.replace(/^the /, "")}.`, "error");
});
// For the page's tests: make the worker die on purpose and watch the page recover;
// read the analyses shown, or show analyses made by hand (fields a newer engine adds).
globalThis.__ledeTest = {
  crash: (how) => analyzer.crashForTest(how).catch((e) => e.message),
  analyses: () => lastAnalyses,
  show: (analyses) => show(analyses),
};

/** Does this pasted text look like an HTML page rather than prose? */
export function looksLikeHtml(text) {
  const head = text.slice(0, 2000).trimStart().toLowerCase();
  if (head.startsWith("<!doctype html") || head.startsWith("<html")) return true;
  const tags = (text.slice(0, 20000).match(/<\/?(p|div|span|a|article|body|head|br|h[1-6]|li|script|meta|section)\b[^>]*>/gi) || []).length;
  return tags >= 5;
}

let busy = 0;
let lastInputs = [];
let lastAnalyses = [];
async function run(inputs, extra = {}) {
  lastInputs = inputs;
  // Tokens are most of a long article's JSON and the page never shows them.
  const options = { tokens: false, ...extra };
  if (published.value) options.published = published.value;
  const token = ++busy;
  cancel.hidden = false;
  const size = inputs.reduce((n, i) => n + (i.payload.text ?? i.payload.html ?? "").length, 0);
  say(size > 200000 ? `Analyzing ${Math.round(size / 1000)} thousand characters…` : "Analyzing…");
  const analyses = [];
  const errors = [];
  let ms = 0;
  progress.hidden = false;
  progress.max = inputs.length;
  progress.value = 0;
  if (inputs.length === 1) progress.removeAttribute("value");
  for (const [n, input] of inputs.entries()) {
    if (inputs.length > 1) {
      progress.value = n;
      say(`Analyzing ${n + 1} of ${inputs.length}: ${input.name}…`);
    }
    try {
      const result = await analyzer.analyze(input.payload, options);
      ms += result.ms;
      analyses.push({ name: input.name, analysis: result.analysis });
    } catch (error) {
      if (error.message === "cancelled") {
        progress.hidden = true;
        return;
      }
      errors.push(`${input.name}: ${error.message}`);
    }
  }
  if (token !== busy) return;
  cancel.hidden = true;
  progress.hidden = true;
  show(analyses);
  const docs = analyses.reduce((n, a) => n + a.analysis.documents.length, 0);
  if (errors.length) say(errors.join(" · "), "error");
  else say(`Analyzed ${docs} document${docs === 1 ? "" : "s"} in ${ms.toFixed(0)} ms.`, "ok");
}

/** Show analyses in the results, the charts drawn to the width they will have. */
function show(analyses) {
  lastAnalyses = analyses;
  const width = results.parentElement.clientWidth - 32;
  results.replaceChildren(toolbar(), renderAnalysis(analyses, { width }));
  results.hidden = analyses.length === 0;
}

function pastedInput() {
  const text = article.value;
  if (!text.trim()) {
    say("Nothing to analyze: paste an article or drop a .txt or .html file.", "error");
    return null;
  }
  const payload = looksLikeHtml(text) ? { html: text } : { text };
  return [{ name: "pasted text", payload }];
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  const inputs = pastedInput();
  if (inputs) run(inputs);
});

article.addEventListener("keydown", (event) => {
  if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    form.requestSubmit();
  }
});

cancel.addEventListener("click", () => {
  busy++;
  fetching?.abort();
  progress.hidden = true;
  analyzer.cancel();
  cancel.hidden = true;
  say("Cancelled.");
});

$("clear").addEventListener("click", () => {
  article.value = "";
  results.replaceChildren();
  results.hidden = true;
  say("Cleared.");
  article.focus();
});

published.addEventListener("change", () => {
  if (!results.hidden) form.requestSubmit();
});

/** Read dropped or chosen files; refuse what is not text or HTML, with a reason. */
export async function readFiles(fileList) {
  const inputs = [];
  const refused = [];
  for (const file of fileList) {
    const name = file.name || "file";
    const lower = name.toLowerCase();
    const isHtml = /\.html?$/.test(lower) || file.type === "text/html";
    const isText = /\.(txt|text|md)$/.test(lower) || file.type.startsWith("text/");
    if (!isHtml && !isText) {
      refused.push(`${name} is not a text or HTML file`);
      continue;
    }
    if (file.size > MAX_FILE_BYTES) {
      refused.push(`${name} is ${(file.size / 1e6).toFixed(1)} MB; the limit is 32 MB`);
      continue;
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    if (bytes.subarray(0, 4096).includes(0)) {
      refused.push(`${name} looks like a binary file, not text`);
      continue;
    }
    const text = isHtml ? decodePage(bytes, undefined, true) : new TextDecoder("utf-8").decode(bytes);
    if (!text.trim()) {
      refused.push(`${name} is empty`);
      continue;
    }
    inputs.push({ name, payload: isHtml ? { html: text } : { text } });
  }
  return { inputs, refused };
}

async function takeFiles(fileList) {
  const { inputs, refused } = await readFiles(fileList);
  if (inputs.length === 1 && inputs[0].payload.text !== undefined) article.value = inputs[0].payload.text;
  if (inputs.length) await run(inputs);
  if (refused.length) say(refused.join(" · "), "error");
}

$("files").addEventListener("change", (event) => takeFiles(event.target.files));
for (const type of ["dragenter", "dragover"]) {
  document.addEventListener(type, (event) => {
    event.preventDefault();
    document.body.classList.add("dragging");
  });
}
document.addEventListener("dragleave", () => document.body.classList.remove("dragging"));
document.addEventListener("drop", (event) => {
  event.preventDefault();
  document.body.classList.remove("dragging");
  if (event.dataTransfer?.files?.length) takeFiles(event.dataTransfer.files);
});

function download(name, type, body) {
  const url = URL.createObjectURL(new Blob([body], { type }));
  const a = h("a", { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function toolbar() {
  return h("div", { class: "toolbar", role: "toolbar", "aria-label": "Export" },
    h("button", { type: "button", id: "export-json" }, "Export JSON"),
    h("button", { type: "button", id: "export-csv" }, "Export CSV"),
    h("button", { type: "button", id: "print" }, "Print"));
}

// Everything in the results is wired by delegation, so re-rendering needs no re-wiring.
results.addEventListener("click", (event) => {
  const target = event.target.closest("button");
  if (target?.id === "export-json") {
    download("lede-analysis.json", "application/json", JSON.stringify(lastAnalyses.map((a) => a.analysis), null, 2));
  } else if (target?.id === "export-csv") {
    download("lede-entities.csv", "text/csv", entitiesCsv(lastAnalyses));
  } else if (target?.id === "print") {
    window.print();
  }
});
wireResults(results, { say: (message) => say(message, "ok"), restore: () => run(lastInputs, { clean: false }) });

// Fetching a web address: the one request the page makes, and only when asked.
let fetching = null;
$("fetch-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const address = $("url").value.trim();
  if (!address) {
    say("Type or paste a web address to fetch, such as https://example.com/news/story.html.", "error");
    return;
  }
  fetching?.abort();
  fetching = new AbortController();
  say(`Fetching ${address}…`);
  try {
    const input = await fetchArticle(address, { signal: fetching.signal });
    await run([input]);
  } catch (error) {
    if (error?.name !== "AbortError") say(`Could not fetch: ${error.message}`, "error");
  }
});

// Offline: cache the page after the first visit (not from file://, where the single-file build needs none).
if ("serviceWorker" in navigator && location.protocol.startsWith("http") && typeof LEDE_WORKER_SOURCE === "undefined") {
  navigator.serviceWorker.register("sw.js").catch(() => {});
}
