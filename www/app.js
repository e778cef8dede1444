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

// An entities model of the user's own: kept in IndexedDB (never sent anywhere),
// handed to the analysis worker, and forgotten when the user goes back to the built-in one.
const MODEL_DB = "lede";
const MODEL_STORE = "models";
const MODEL_KEY = "entities";
/** Files larger than this are refused as models (the shipped one is about 1 MB). */
const MAX_MODEL_BYTES = 64 * 1024 * 1024;

function modelStore(mode, act) {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(MODEL_DB, 1);
    open.onupgradeneeded = () => open.result.createObjectStore(MODEL_STORE);
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const request = act(db.transaction(MODEL_STORE, mode).objectStore(MODEL_STORE));
      request.onsuccess = () => {
        db.close();
        resolve(request.result);
      };
      request.onerror = () => {
        db.close();
        reject(request.error);
      };
    };
  });
}

let model = null;
const modelName = $("model-name");
const modelBuiltin = $("model-builtin");

function showModel() {
  modelName.textContent = model ? `your own, “${model.name}” (${Math.round(model.bytes.byteLength / 1024)} KB)` : "built-in";
  modelBuiltin.hidden = !model;
}

/** Hand a model ({name, bytes}) to the engine; on success keep it (when `keep`) and re-analyze what is shown. */
async function useModel(chosen, { keep }) {
  say(`Loading the entities model ${chosen.name}…`);
  try {
    await analyzer.setModel(chosen);
  } catch (error) {
    say(`${chosen.name}: ${error.message}. The built-in model stays in use.`, "error");
    return;
  }
  model = chosen;
  showModel();
  let kept = true;
  if (keep) kept = await modelStore("readwrite", (store) => store.put(chosen, MODEL_KEY)).then(() => true, () => false);
  const note = kept ? "kept in this browser for your next visit" : "in use now, but this browser could not keep it for your next visit";
  if (!results.hidden && lastInputs.length) await run(lastInputs);
  else say(`Using your entities model ${chosen.name}, ${note}.`, "ok");
}

// The model kept from a last visit, restored before the first analysis.
const modelRestored = (async () => {
  let kept = null;
  try {
    kept = await modelStore("readonly", (store) => store.get(MODEL_KEY));
  } catch {
    return; // no storage here (a private window, some file:// pages): the built-in model
  }
  if (kept?.bytes instanceof ArrayBuffer) await useModel({ name: String(kept.name ?? "model"), bytes: kept.bytes }, { keep: false });
})();

$("model-file").addEventListener("change", async (event) => {
  const file = event.target.files?.[0];
  event.target.value = "";
  if (!file) return;
  if (file.size > MAX_MODEL_BYTES) {
    say(`${file.name} is ${(file.size / 1e6).toFixed(1)} MB; an entities model is at most 64 MB.`, "error");
    return;
  }
  await useModel({ name: file.name, bytes: await file.arrayBuffer() }, { keep: true });
});

modelBuiltin.addEventListener("click", async () => {
  await modelStore("readwrite", (store) => store.delete(MODEL_KEY)).catch(() => {});
  model = null;
  showModel();
  await analyzer.setModel(null);
  if (!results.hidden && lastInputs.length) await run(lastInputs);
  else say("Back to the built-in entities model; yours is forgotten.", "ok");
});

let busy = 0;
let lastInputs = [];
let lastAnalyses = [];
async function run(inputs, extra = {}) {
  lastInputs = inputs;
  // Tokens are most of a long article's JSON and the page never shows them.
  const options = { tokens: false, ...extra };
  if (published.value) options.published = published.value;
  const token = ++busy;
  await modelRestored;
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
  else say(`Analyzed ${docs} document${docs === 1 ? "" : "s"} in ${ms.toFixed(0)} ms${model ? `, names found with your model ${model.name}` : ""}.`, "ok");
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
