// <lede-analysis>: Lede as a custom element a blogger embeds with one script tag
// and one element. It analyzes, in a worker, the text of the element named by
// `for` (an id), or the `text` attribute, or the page at `src`, or else the page
// it sits on, and shows a compact summary that expands to the full analysis.
//
// Guarantees: everything it draws lives in its own shadow root (host CSS cannot
// reach in, its CSS cannot leak out); it defines no globals; it needs no inline
// script or style and no eval, so it works under a strict Content-Security-Policy;
// it makes no request beyond its own files and an explicit `src`.
import { Analyzer } from "./analyzer.js";
import { renderAnalysis, wireResults, toneText, languageNotice, languageName, h } from "./view.js";
import { fetchArticle } from "./fetch.js";

// Literal `new URL(..., import.meta.url)`, so bundlers that follow it (Vite, webpack)
// emit the style sheets with the widget when it is imported as `lede/widget`.
const SHEETS = [new URL("./style.css", import.meta.url), new URL("./widget.css", import.meta.url)];
let sharedAnalyzer = null;
/** One worker serves every widget on the page. */
function analyzer() {
  sharedAnalyzer ??= new Analyzer();
  return sharedAnalyzer;
}

const NAMED = new Set(["PERSON", "ORG", "GPE", "LOC", "NORP", "EVENT", "MISC"]);

class LedeAnalysis extends HTMLElement {
  static observedAttributes = ["for", "text", "src", "published"];

  constructor() {
    super();
    this.root = this.attachShadow({ mode: "open" });
    this.frame = h("div", { class: "lede widget", hidden: true, lang: "en" });
    let waiting = 2;
    const shown = () => {
      if (--waiting === 0) this.frame.hidden = false;
    };
    for (const sheet of SHEETS) {
      const link = h("link", { rel: "stylesheet", href: sheet.href });
      link.addEventListener("load", shown);
      link.addEventListener("error", shown);
      this.root.append(link);
    }
    this.status = h("p", { class: "widget-status", role: "status", "aria-live": "polite" });
    this.summary = h("div", { class: "widget-summary" });
    this.toggle = h("button", { type: "button", class: "widget-toggle", "aria-expanded": "false", hidden: true }, "Show the full analysis");
    this.details = h("div", { class: "widget-details", hidden: true });
    this.frame.append(
      h("div", { class: "widget-head" }, h("span", { class: "widget-brand" }, "Lede"), this.status),
      this.summary, this.toggle, this.details);
    this.root.append(this.frame);
    this.toggle.addEventListener("click", () => this.expand(this.details.hidden));
    wireResults(this.details, { say: (message) => this.say(message) });
    this.generation = 0;
  }

  connectedCallback() {
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", () => this.refresh(), { once: true });
    } else {
      this.refresh();
    }
  }

  attributeChangedCallback() {
    if (this.isConnected && document.readyState !== "loading") this.refresh();
  }

  say(message, kind = "info") {
    this.status.textContent = message;
    this.status.dataset.kind = kind;
  }

  expand(open) {
    this.details.hidden = !open;
    this.toggle.setAttribute("aria-expanded", String(open));
    this.toggle.textContent = open ? "Hide the full analysis" : "Show the full analysis";
  }

  /** What to analyze, from the attributes. */
  async input() {
    const id = this.getAttribute("for");
    if (id) {
      const target = document.getElementById(id);
      if (!target) throw new Error(`there is no element with id “${id}” on this page`);
      return { text: target.innerText || target.textContent || "" };
    }
    if (this.hasAttribute("text")) return { text: this.getAttribute("text") ?? "" };
    const src = this.getAttribute("src");
    if (src) return (await fetchArticle(src, { base: document.baseURI })).payload;
    return { html: document.documentElement.outerHTML, url: location.href };
  }

  async refresh() {
    const generation = ++this.generation;
    this.say("Analyzing…");
    try {
      const input = await this.input();
      if (!(input.text ?? input.html ?? "").trim()) throw new Error("there is no text to analyze");
      const options = { tokens: false };
      const published = this.getAttribute("published");
      if (published) options.published = published;
      const { analysis, ms } = await analyzer().analyze(input, options);
      if (generation !== this.generation) return;
      this.show(analysis, ms);
    } catch (error) {
      if (generation !== this.generation) return;
      this.summary.replaceChildren();
      this.toggle.hidden = true;
      this.details.replaceChildren();
      this.say(`Could not analyze: ${error.message}`, "error");
    }
  }

  show(analysis, ms) {
    const docs = analysis.documents ?? [];
    const entities = docs.flatMap((d) => d.entities ?? []).filter((e) => NAMED.has(e.type))
      .sort((a, b) => (b.salience ?? 0) - (a.salience ?? 0)).slice(0, 6);
    const events = docs.reduce((n, d) => n + (d.timeline?.length ?? 0), 0);
    const doc = docs[0];
    // The language, as the page says it; also on the element for the host page
    // (`element.language`: the first document's language object).
    this.language = doc?.language ?? null;
    this.summary.replaceChildren(
      h("p", { class: "widget-facts" },
        [doc && languageName(doc) && `In ${languageName(doc)}`,
          doc?.sentiment ? `Tone ${toneText(doc.sentiment)}` : "Tone not analyzed",
          `${docs.reduce((n, d) => n + (d.entities?.length ?? 0), 0)} names`,
          `${events} dated event${events === 1 ? "" : "s"}`].filter(Boolean).join(" · ")),
      ...docs.map((d) => languageNotice(d)).filter(Boolean).slice(0, 1),
      entities.length
        ? h("ul", { class: "widget-entities", "aria-label": "Most prominent names" }, entities.map((e) =>
          h("li", { class: `swatch type-${e.type}` }, h("span", { class: "widget-name" }, e.name),
            h("span", { class: `widget-tone ${e.sentiment?.label ?? "neutral"}` }, ` ${toneText(e.sentiment)}`))))
        : h("p", { class: "empty" }, "No names found."));
    this.details.replaceChildren(renderAnalysis([{ name: "this article", analysis }], { width: (this.frame.clientWidth || 790) - 30 }));
    this.toggle.hidden = false;
    this.say(`Analyzed in ${Math.round(ms)} ms, in your browser.`, "ok");
  }
}

if (!customElements.get("lede-analysis")) customElements.define("lede-analysis", LedeAnalysis);
