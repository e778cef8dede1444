// Renders an Analysis into DOM nodes. Offsets in the Analysis are UTF-16 code
// units, exactly what String.prototype.slice takes, so highlights line up with
// emoji, accents and CJK. Text always goes in as text nodes: nothing is parsed.
import { h, append } from "./view-dom.js";
import { timelineChart, networkChart, toneOverTimeChart, showWhen } from "./charts.js";

export { h };

const TYPE_NAMES = {
  PERSON: "person", ORG: "organization", GPE: "country, city or state", LOC: "place",
  NORP: "nationality or group", EVENT: "event", MISC: "other name", MONEY: "money",
  PERCENT: "percentage", QUANTITY: "quantity", CARDINAL: "number", ORDINAL: "ordinal",
};

/** Marks to draw in the text: mentions and repairs, sorted, overlaps dropped. */
function textMarks(doc) {
  const marks = [
    ...(doc.mentions ?? []).map((m) => ({ ...m, kind: "mention" })),
    ...(doc.repairs ?? []).filter((r) => r.end > r.start).map((r) => ({ ...r, kind: "repair" })),
  ].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept = [];
  let end = 0;
  for (const mark of marks) {
    if (mark.start >= end) {
      kept.push(mark);
      end = mark.end;
    }
  }
  return kept;
}

function markElement(doc, mark) {
  const text = doc.text.slice(mark.start, mark.end);
  if (mark.kind === "repair") {
    return h("ins", { class: "repair", title: `repaired (${mark.kind}): was ${mark.original}` }, text);
  }
  const entity = doc.entities?.[mark.entity];
  const label = entity ? `${entity.name} (${TYPE_NAMES[mark.type] ?? mark.type})` : mark.type;
  return h("mark", {
    class: `mention type-${mark.type}`,
    title: label,
    tabindex: "0",
    "aria-label": `${text}: ${label}`,
    dataset: { entity: mark.entity },
  }, text);
}

/** The article text with paragraphs, mention highlights and marked repairs. */
export function renderText(doc) {
  const text = doc.text;
  const marks = textMarks(doc);
  const paragraphs = doc.paragraphs?.length ? doc.paragraphs : [{ start: 0, end: text.length }];
  const container = h("div", { class: "article-text" });
  let m = 0;
  for (const paragraph of paragraphs) {
    const other = paragraphLanguage(doc, paragraph);
    const p = other
      ? h("p", { class: "other-language", lang: other.code, title: `${other.name}: not read for names, tone and dates in words`, dataset: { start: paragraph.start, end: paragraph.end } })
      : h("p", { dataset: { start: paragraph.start, end: paragraph.end } });
    let at = paragraph.start;
    while (m < marks.length && marks[m].end <= paragraph.start) m++;
    for (let k = m; k < marks.length && marks[k].start < paragraph.end; k++) {
      const mark = marks[k];
      if (mark.start < at || mark.end > paragraph.end) continue;
      p.append(text.slice(at, mark.start), markElement(doc, mark));
      at = mark.end;
    }
    p.append(text.slice(at, paragraph.end));
    container.append(p);
  }
  return container;
}

function percent(x) {
  return `${Math.round(x * 100)}%`;
}

/** A tone in words: the label, a lean when a neutral label has a clear sign, the score. */
export function toneText(tone) {
  if (!tone) return "—";
  const sign = tone.score > 0 ? "+" : "";
  const lean = tone.label === "neutral" && Math.abs(tone.score) >= 0.15 ? `, leaning ${tone.score > 0 ? "positive" : "negative"}` : "";
  return `${tone.label}${lean} (${sign}${tone.score.toFixed(2)})`;
}

/** The article's language in words: "German", "English and German", or null when unknown. */
export function languageName(doc) {
  const language = doc.language;
  if (!language || typeof language !== "object") return typeof language === "string" ? language : null;
  const names = [...new Set([language.name, ...(language.parts ?? []).map((p) => p.name)].filter(Boolean))];
  return names.length ? names.join(" and ") : language.code ?? null;
}

/** True when the English-only stages (names, tone, dates in words) did not read all of it. */
export function readInPart(doc) {
  const stages = doc.language?.stages;
  return Boolean(stages) && stages.entities !== "all";
}

/**
 * What the reader must know about the language, in plain words, or null for an
 * article Lede reads whole (English).
 */
export function languageNotice(doc) {
  if (!readInPart(doc)) return null;
  const language = doc.language;
  const others = [...new Set((language.parts ?? []).filter((p) => p.code !== "en").map((p) => p.name))];
  const name = others.join(" and ") || language.name || (language.declared ? `“${language.declared}”` : "another language");
  const text = language.stages.sentiment === "none"
    ? `This article looks like ${name}. Lede reads English; names, tone and dates in words are not analyzed. Numbers and dates in figures are.`
    : `Parts of this article look like ${name}. Lede reads English; names, tone and dates in words are analyzed in the English parts only, and the other parts are marked.`;
  return h("p", { class: "language-notice", role: "note", dataset: { language: language.code ?? "" } }, text);
}

/** The language of each paragraph (a UTF-16 span) where it is not English, from the parts. */
function paragraphLanguage(doc, paragraph) {
  if (!readInPart(doc)) return null;
  const part = (doc.language.parts ?? []).find((p) => p.start <= paragraph.start && paragraph.end <= p.end);
  return part && part.code !== "en" ? part : null;
}

/** Short type names for the entity table, so its cells stay on one line. */
const TYPE_SHORT = {
  PERSON: "person", ORG: "organization", GPE: "country/city", LOC: "place", NORP: "group", EVENT: "event",
  MISC: "other", MONEY: "money", PERCENT: "percent", QUANTITY: "quantity", CARDINAL: "number", ORDINAL: "ordinal",
};

/** A tone in a few characters: "negative −0.32", "neutral +0.04". */
export function toneShort(tone) {
  if (!tone) return "—";
  const score = tone.score ?? 0;
  return `${tone.label} ${score > 0 ? "+" : score < 0 ? "−" : "±"}${Math.abs(score).toFixed(2)}`;
}

function toneClass(tone) {
  const score = tone?.score ?? 0;
  return score > 0.05 ? "pos" : score < -0.05 ? "neg" : "neu";
}

/**
 * An article's name: its title, else the first words of its first sentence
 * ("Vladimir Putin has shown a strong…"), else "Document N".
 */
export function docTitle(doc, d = 0) {
  if (doc.title?.trim()) return doc.title.trim();
  const first = doc.sentences?.[0];
  const text = (first ? doc.text?.slice(first.start, first.end) : doc.text?.slice(0, 300)) ?? "";
  const words = text.replace(/\s+/g, " ").trim().split(" ").filter(Boolean);
  if (!words.length) return `Document ${d + 1}`;
  let name = "";
  for (const word of words) {
    if (name && (name.length + word.length + 1 > 60 || name.split(" ").length >= 9)) return `${name.replace(/[,;:.–—-]+$/, "")}…`;
    name = name ? `${name} ${word}` : word;
  }
  return name;
}

/** The quotes of a document in the shape the page reads, whatever fields the engine gave. */
export function quotesOf(doc) {
  const length = doc.text?.length ?? 0;
  const span = (x) => (x && Number.isInteger(x.start) && Number.isInteger(x.end) && x.start >= 0 && x.end > x.start && x.end <= length ? x : null);
  return (doc.quotes ?? []).filter((q) => span(q)).map((q) => ({
    start: q.start,
    end: q.end,
    speaker: Number.isInteger(q.speaker) && doc.entities?.[q.speaker] ? q.speaker : null,
    cue: span(q.cue),
    kind: q.kind === "partial" ? "partial" : "direct",
    source: span(q.source),
  }));
}

/** Who said a quote, in words: the speaker's name, the source it names, or null. */
function quoteSpeaker(doc, q) {
  if (q.speaker !== null) return doc.entities[q.speaker].name;
  if (q.source) return doc.text.slice(q.source.start, q.source.end);
  return null;
}

/** The span of the sentences a stretch of text lies in. */
function sentenceSpan(doc, start, end) {
  const sentences = doc.sentences ?? [];
  const first = sentences.find((s) => s.start <= start && start < s.end);
  const last = sentences.find((s) => s.start < end && end <= s.end);
  return { start: first?.start ?? start, end: last?.end ?? end };
}

/** A button that jumps to a stretch of the text: scrolls to it, highlights it and focuses its paragraph. */
function jumpButton(span, children, attributes = {}) {
  return h("button", { type: "button", class: "jump", dataset: { start: span.start, end: span.end }, ...attributes }, children);
}

function cut(text, n) {
  const clean = text.replace(/\s+/g, " ").trim();
  return clean.length > n ? `${clean.slice(0, n - 1)}…` : clean;
}

/** One quote as a button that jumps to its sentence: the speaker, the words, the cue. */
function quoteItem(doc, q, { speaker = true, prefix = null, dataset = {} } = {}) {
  const who = quoteSpeaker(doc, q);
  // The quotation marks are the <q> element's to draw.
  const words = cut(doc.text.slice(q.start, q.end).trim().replace(/^["“”„‘’'«»]+/, "").replace(/["“”„‘’'«»]+$/, "").replace(/,$/, ""), 240);
  const cue = q.cue ? doc.text.slice(q.cue.start, q.cue.end) : null;
  const span = sentenceSpan(doc, q.start, q.end);
  return h("li", { class: `quote ${q.kind}` },
    h("button", { type: "button", class: "jump quote-jump", dataset: { start: span.start, end: span.end, ...dataset } },
      prefix ? h("span", { class: "quote-source" }, prefix) : null,
      speaker ? h("span", { class: who ? "speaker" : "speaker unknown" }, who ?? "Speaker not found") : null,
      cue ? h("span", { class: "cue" }, ` ${cut(cue, 40)}`) : null,
      q.kind === "partial" ? h("span", { class: "cue" }, " (partial)") : null,
      speaker || prefix || cue ? ": " : null,
      h("q", {}, words)));
}

/** The Quotes view: every quote in text order, with its speaker; each jumps to its sentence. */
function renderQuotes(doc) {
  const quotes = quotesOf(doc);
  if (!quotes.length) return h("p", { class: "empty" }, "No quotes found.");
  const named = quotes.filter((q) => q.speaker !== null || q.source).length;
  return [
    h("p", { class: "note" }, named ? `${named} of ${quotes.length} with a speaker.` : `${quotes.length} quote${quotes.length === 1 ? "" : "s"}; no speaker found for them.`),
    // No speakers at all (an engine that does not attribute them): the quotes alone.
    h("ol", { class: "quotes" }, quotes.map((q) => quoteItem(doc, q, { speaker: named > 0 }))),
  ];
}

/** Rows of the entity table: a pasted number table or name list has tens of
 * thousands of entities, and laying out that many rows takes the browser seconds. */
const MAX_ENTITY_ROWS = 500;

/** What the table's disclosure shows for one entity: its names, why its tone, what it said. */
function entityDetail(doc, e, quotes) {
  const evidence = (e.sentiment?.evidence ?? []).map((i) => doc.sentences?.[i]).filter(Boolean);
  return [
    h("p", {}, `${TYPE_NAMES[e.type] ?? e.type}`, e.aliases?.length ? `; also ${e.aliases.join(", ")}` : "",
      e.titles?.length ? `; ${e.titles.join(", ")}` : "", "."),
    evidence.length ? h("p", { class: "detail-heading" }, `Tone ${toneText(e.sentiment)}, from:`) : null,
    evidence.length ? h("ul", { class: "evidence" }, evidence.map((s) => h("li", {}, jumpButton(s, cut(doc.text.slice(s.start, s.end), 200))))) : null,
    quotes.length ? h("p", { class: "detail-heading" }, `Said (${quotes.length}):`) : null,
    quotes.length ? h("ul", { class: "quotes" }, quotes.map((q) => quoteItem(doc, q, { speaker: false }))) : null,
  ];
}

/** Rows the entity table shows before "Show all": the panel stays short enough to reach the other sections. */
const SHORT_TABLE = 12;

function renderEntities(doc, index) {
  const all = [...(doc.entities ?? [])].sort((a, b) => b.salience - a.salience);
  if (!all.length) {
    return h("p", { class: "empty" }, readInPart(doc) && doc.language.stages.sentiment === "none"
      ? `Names are not analyzed in ${languageName(doc) ?? "this language"}.` : "No names found.");
  }
  const quotes = quotesOf(doc);
  const entities = all.slice(0, MAX_ENTITY_ROWS);
  const caption = all.length > entities.length
    ? `Who and what is in it: the ${entities.length} most salient of ${all.length} (the JSON export has all)`
    : `Who and what is in it: ${all.length} name${all.length === 1 ? "" : "s"}, most salient first`;
  const table = h("table", { class: `entities${entities.length > SHORT_TABLE + 3 ? " short" : ""}` },
    h("caption", { class: "table-note" }, caption),
    h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Name"), h("th", { scope: "col" }, "Type"),
      h("th", { scope: "col", class: "num" }, "Mentions"), h("th", { scope: "col", class: "num salience" }, "Salience"), h("th", { scope: "col" }, "Tone"))),
    h("tbody", {}, entities.map((e, rank) => {
      const said = quotes.filter((q) => q.speaker === e.id);
      const more = h("button", { type: "button", class: "more", "aria-expanded": "false", "aria-label": `More about ${e.name}` });
      const row = h("tr", { class: rank >= SHORT_TABLE ? "extra" : null },
        h("th", { scope: "row" },
          h("span", { class: "name-line" },
            more,
            h("button", { type: "button", class: "entity-name", "aria-pressed": "false", dataset: { entity: e.id } }, e.name),
            said.length ? h("span", { class: "said", title: `${said.length} quote${said.length === 1 ? "" : "s"}` }, `“${said.length}”`) : null),
          e.titles?.length ? h("span", { class: "aliases" }, e.titles.join(", ")) : null),
        h("td", { class: "nowrap", title: TYPE_NAMES[e.type] ?? e.type }, TYPE_SHORT[e.type] ?? e.type),
        h("td", { class: "num" }, String(e.mentions?.length ?? 0)),
        h("td", { class: "num salience" }, percent(e.salience ?? 0)),
        h("td", { class: `nowrap tone ${e.sentiment ? toneClass(e.sentiment) : ""}` }, toneShort(e.sentiment)));
      // The details row is built when first opened (a pasted name list has thousands of rows).
      more.addEventListener("click", () => {
        const id = `entity-${index}-${e.id}`;
        let detail = row.nextElementSibling?.id === id ? row.nextElementSibling : null;
        if (!detail) {
          detail = h("tr", { class: "entity-detail", id, hidden: true }, h("td", { colspan: 5 }, entityDetail(doc, e, said)));
          row.after(detail);
          more.setAttribute("aria-controls", id);
        }
        const open = more.getAttribute("aria-expanded") !== "true";
        more.setAttribute("aria-expanded", String(open));
        detail.hidden = !open;
      });
      return row;
    })));
  if (!table.classList.contains("short")) return table;
  const showAll = h("button", { type: "button", class: "show-all", "aria-expanded": "false" }, `Show all ${entities.length} names`);
  showAll.addEventListener("click", () => {
    const short = table.classList.toggle("short");
    showAll.setAttribute("aria-expanded", String(!short));
    showAll.textContent = short ? `Show all ${entities.length} names` : `Show the first ${SHORT_TABLE}`;
  });
  return [table, showAll];
}

function renderTimexes(doc) {
  if (!doc.timexes?.length) return h("p", { class: "empty" }, "No dates found.");
  return h("ul", { class: "timexes" }, doc.timexes.map((t) =>
    h("li", {}, h("q", {}, doc.text.slice(t.start, t.end)), " → ", h("code", {}, t.value), ` (${t.type.toLowerCase()})`)));
}

const TYPES_SHOWN = ["PERSON", "ORG", "GPE", "LOC", "NORP", "EVENT", "MISC", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"];

/** A legend that is also a filter: unticking a type hides its highlights. */
function renderLegend(doc) {
  const present = new Set((doc.mentions ?? []).map((m) => m.type));
  const types = TYPES_SHOWN.filter((t) => present.has(t));
  if (!types.length) return null;
  return h("fieldset", { class: "legend" }, h("legend", {}, "Highlight"),
    types.map((t) => h("label", { class: `swatch type-${t}` },
      h("input", { type: "checkbox", checked: true, dataset: { type: t } }), ` ${TYPE_SHORT[t] ?? t}`)));
}

/** The words that moved a sentence's tone, strongest first (absent from older engines). */
function toneWords(doc, sentence) {
  const length = doc.text?.length ?? 0;
  return (sentence.sentiment?.words ?? [])
    .filter((w) => Number.isInteger(w.start) && Number.isInteger(w.end) && w.start >= sentence.start && w.end <= sentence.end && w.end <= length && w.end > w.start)
    .map((w) => ({ ...w, weight: Number(w.weight) || 0 }));
}

/** One sentence with the words that moved its tone marked, and those words listed with their weights. */
export function sentenceDetail(doc, i) {
  const sentence = doc.sentences?.[i];
  if (!sentence) return [];
  const words = toneWords(doc, sentence);
  const inText = [...words].sort((a, b) => a.start - b.start);
  const body = h("p", { class: "sentence-text" });
  let at = sentence.start;
  for (const w of inText) {
    if (w.start < at) continue;
    body.append(doc.text.slice(at, w.start), h("span", { class: `tone-word ${w.weight > 0 ? "pos" : "neg"}` }, doc.text.slice(w.start, w.end)));
    at = w.end;
  }
  body.append(doc.text.slice(at, sentence.end));
  const sign = (x) => `${x > 0 ? "+" : x < 0 ? "−" : "±"}${Math.abs(x).toFixed(2)}`;
  return [
    h("p", { class: "detail-heading" }, `Sentence ${i + 1} of ${doc.sentences.length}: ${toneText(sentence.sentiment)}`),
    body,
    words.length
      ? h("p", { class: "tone-words" }, "Moved by: ", words.slice(0, 8).flatMap((w, k) => [k ? ", " : "",
        h("span", { class: `tone-word ${w.weight > 0 ? "pos" : "neg"}` }, doc.text.slice(w.start, w.end)), ` ${sign(w.weight)}`]))
      : h("p", { class: "tone-words" }, sentence.sentiment ? "No single word moved it." : "Tone not read here."),
    jumpButton(sentence, "Show in the text"),
  ];
}

/**
 * Sentence-by-sentence tone: one bar per sentence, up for positive, down for
 * negative. The bars are one tab stop (the arrow keys move along them); the
 * chosen sentence is shown below with the words that moved its tone.
 */
function renderToneArc(doc) {
  const sentences = doc.sentences ?? [];
  // No tone read (no English in it): no arc of blanks.
  if (!sentences.length || !doc.sentiment) return null;
  const detail = h("div", { class: "sentence-detail", "aria-live": "polite" }, h("p", { class: "note" }, "Choose a bar to see a sentence and the words that moved its tone."));
  const bars = sentences.map((s, i) => {
    const score = s.sentiment?.score ?? 0;
    const bar = h("button", {
      type: "button",
      class: `bar ${score > 0.05 ? "pos" : score < -0.05 ? "neg" : "neu"}`,
      title: `Sentence ${i + 1}: ${toneText(s.sentiment)}`,
      "aria-label": `Sentence ${i + 1}: ${toneText(s.sentiment)}`,
      "aria-pressed": "false",
      dataset: { sentence: i },
    });
    // Through the CSSOM, which a strict style-src allows (a style attribute it would not).
    bar.style.setProperty("--v", Math.abs(score).toFixed(2));
    const choose = () => {
      for (const other of bars) other.setAttribute("aria-pressed", String(other === bar));
      detail.replaceChildren(...sentenceDetail(doc, i));
    };
    bar.addEventListener("click", choose);
    bar.addEventListener("focus", choose);
    return bar;
  });
  rovingBars(bars);
  return h("figure", { class: "tone-arc" },
    h("div", { class: "bars", role: "group", "aria-label": `Tone of ${sentences.length} sentences; overall ${toneText(doc.sentiment)}; the arrow keys move from sentence to sentence` }, bars),
    h("figcaption", {}, `Tone, sentence by sentence (overall ${toneText(doc.sentiment)})`),
    detail);
}

/** One tab stop for a row of buttons; the arrow keys, Home and End move along it. */
function rovingBars(buttons) {
  buttons.forEach((button, i) => {
    button.tabIndex = i === 0 ? 0 : -1;
    button.addEventListener("focus", () => {
      for (const other of buttons) other.tabIndex = other === button ? 0 : -1;
    });
    button.addEventListener("keydown", (event) => {
      const to = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: buttons.length - 1 }[event.key];
      if (to === undefined) return;
      event.preventDefault();
      buttons[Math.max(0, Math.min(buttons.length - 1, to))].focus();
    });
  });
}

/** Dated events in order; each jumps to its sentence. */
function renderTimeline(doc, title = null) {
  const events = doc.timeline ?? [];
  if (!events.length) return h("p", { class: "empty" }, "No dated events.");
  return h("ol", { class: "timeline" }, events.map((e) => {
    const who = (e.entities ?? []).map((i) => doc.entities?.[i]?.name).filter(Boolean).slice(0, 4).join(", ");
    const sentence = doc.sentences?.[e.sentence] ?? { start: 0, end: 0 };
    return h("li", {},
      jumpButton(sentence, h("time", {}, e.until ? `${showWhen(e.when)} – ${showWhen(e.until)}` : showWhen(e.when))),
      " ", title ? `${title}: ` : "", e.label, who ? h("span", { class: "aliases" }, who) : null);
  }));
}

/** Who appears with whom: entities named in the same sentences. */
function renderRelations(doc) {
  const pairs = (doc.cooccurrence ?? []).slice(0, 12);
  if (!pairs.length) return h("p", { class: "empty" }, "No entities appear together.");
  return h("ul", { class: "relations" }, pairs.map((p) =>
    h("li", {}, `${doc.entities?.[p.a]?.name ?? "?"} — ${doc.entities?.[p.b]?.name ?? "?"}`, h("span", { class: "count" }, ` ${p.count}×`))));
}

const NUMERIC = new Set(["CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"]);
const NETWORK_SIZE = 30;

/**
 * Nodes and links for the network: the most salient names that appear with
 * another, keyed by `key(entity)`, with link counts summed over documents.
 */
function networkData(docs, key) {
  const nodes = new Map();
  const links = new Map();
  for (const doc of docs) {
    for (const pair of doc.cooccurrence ?? []) {
      const a = doc.entities?.[pair.a];
      const b = doc.entities?.[pair.b];
      if (!a || !b || NUMERIC.has(a.type) || NUMERIC.has(b.type)) continue;
      for (const e of [a, b]) {
        const k = key(e);
        const node = nodes.get(k) ?? { id: k, entity: e.id, name: e.name, type: e.type, weight: 0, salience: 0, docs: new Set() };
        if (!node.docs.has(doc)) {
          node.docs.add(doc);
          node.weight += e.mentions?.length ?? 1;
          node.salience += e.salience ?? 0;
        }
        nodes.set(k, node);
      }
      const [ka, kb] = [key(a), key(b)].sort();
      if (ka === kb) continue;
      const link = links.get(`${ka}\u0000${kb}`) ?? { ka, kb, count: 0 };
      link.count += pair.count;
      links.set(`${ka}\u0000${kb}`, link);
    }
  }
  const top = [...nodes.values()].sort((x, y) => y.salience - x.salience || y.weight - x.weight).slice(0, NETWORK_SIZE);
  const index = new Map(top.map((n, i) => [n.id, i]));
  const kept = [...links.values()].filter((l) => index.has(l.ka) && index.has(l.kb))
    .map((l) => ({ a: index.get(l.ka), b: index.get(l.kb), count: l.count }));
  return { nodes: top, links: kept };
}

/** Highlight every mention of one entity in a rendered document, or clear it when it was selected. */
export function selectEntity(docElement, id) {
  const button = docElement.querySelector(`.entity-name[data-entity="${CSS.escape(String(id))}"]`);
  const wasPressed = button?.getAttribute("aria-pressed") === "true";
  for (const b of docElement.querySelectorAll(".entity-name[aria-pressed=true]")) b.setAttribute("aria-pressed", "false");
  for (const m of docElement.querySelectorAll("mark.selected")) m.classList.remove("selected");
  for (const n of docElement.querySelectorAll(".node.selected")) n.classList.remove("selected");
  if (wasPressed) return null;
  button?.setAttribute("aria-pressed", "true");
  docElement.querySelector(`.node[data-entity="${CSS.escape(String(id))}"]`)?.classList.add("selected");
  const marks = docElement.querySelectorAll(`mark[data-entity="${CSS.escape(String(id))}"]`);
  for (const m of marks) m.classList.add("selected");
  marks[0]?.scrollIntoView({ block: "center", behavior: "smooth" });
  return { name: button?.textContent ?? "", count: marks.length };
}

/** A DOM Range over UTF-16 offsets [start, end) of the text, within one rendered paragraph. */
function paragraphRange(paragraph, start, end) {
  const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
  let at = Number(paragraph.dataset.start);
  const range = document.createRange();
  let begun = false;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const next = at + node.data.length;
    if (!begun && start < next) {
      range.setStart(node, Math.max(0, start - at));
      begun = true;
    }
    if (begun && end <= next) {
      range.setEnd(node, Math.max(0, end - at));
      return range;
    }
    at = next;
  }
  if (begun) range.setEndAfter(paragraph.lastChild ?? paragraph);
  return begun ? range : null;
}

/**
 * Scroll to, focus and flash the paragraph holding a UTF-16 offset of the text;
 * with `end`, the stretch [offset, end) is highlighted too (where the browser
 * has CSS highlights).
 */
export function jumpTo(docElement, offset, end = null) {
  const paragraphs = [...docElement.querySelectorAll(".article-text p")];
  const paragraph = paragraphs.find((p) => Number(p.dataset.start) <= offset && offset < Number(p.dataset.end));
  if (!paragraph) return;
  paragraph.tabIndex = -1;
  paragraph.classList.add("flash");
  paragraph.scrollIntoView({ block: "center", behavior: "smooth" });
  paragraph.focus({ preventScroll: true });
  setTimeout(() => paragraph.classList.remove("flash"), 1500);
  if (end !== null && end > offset && globalThis.CSS?.highlights && typeof Highlight === "function") {
    const ranges = paragraphs
      .filter((p) => Number(p.dataset.start) < end && offset < Number(p.dataset.end))
      .map((p) => paragraphRange(p, Math.max(offset, Number(p.dataset.start)), Math.min(end, Number(p.dataset.end))))
      .filter(Boolean);
    CSS.highlights.set("lede-jump", new Highlight(...ranges));
  }
}

/**
 * Wires a container of rendered analyses: entity buttons and network nodes select
 * mentions, the table's disclosures open, timeline entries and quotes jump to their
 * sentence, the legend filters types, "restore" re-runs with everything kept.
 * `say(message)` reports what happened.
 */
export function wireResults(root, { say = () => {}, restore = () => {} } = {}) {
  root.addEventListener("click", (event) => {
    const target = event.target.closest?.("button");
    if (!target) return;
    const docElement = target.closest("article.document");
    if (target.classList.contains("entity-name") && docElement) {
      const selected = selectEntity(docElement, target.dataset.entity);
      if (selected) say(`${selected.name}: ${selected.count} mention${selected.count === 1 ? "" : "s"} highlighted.`);
    } else if (target.classList.contains("jump") && docElement) {
      jumpTo(docElement, Number(target.dataset.start), target.dataset.end === undefined ? null : Number(target.dataset.end));
    } else if (target.classList.contains("restore")) {
      restore();
    }
  });
  root.addEventListener("change", (event) => {
    const box = event.target;
    if (box.matches?.(".legend input[type=checkbox]")) {
      box.closest("article.document")?.classList.toggle(`hide-${box.dataset.type}`, !box.checked);
    }
  });
}

/** What intake removed from the paste, struck through, with why. */
function renderRemoved(doc) {
  const removed = (doc.removed ?? []).filter((r) => r.text);
  if (!removed.length) return null;
  return h("details", { class: "removed" },
    h("summary", {}, `${removed.length} line${removed.length === 1 ? "" : "s"} of page furniture removed`),
    h("ul", {}, removed.map((r) => h("li", {}, h("del", {}, r.text), h("span", { class: "reason" }, ` ${r.reason}`)))),
    h("button", { type: "button", class: "restore" }, "Analyze with everything kept"));
}

/** Where an article date came from, in words. */
const DATE_SOURCES = {
  caller: "as given", meta: "from the page's metadata", dateline: "from the dateline", text: "from the article",
  updated: "from a “last updated” stamp", copyright: "from the copyright line", inferred: "inferred from the text", mentions: "the year the text names most", weekday: "the year its weekday and date agree in",
  officeholders: "when the leaders it names held office together",
  evidence: "from what the text names",
};

/**
 * The reasons for an inferred article date, each a button that jumps to where the
 * text names it: "2022 — Winter Olympics in Beijing (Feb 2022); …", and what
 * points elsewhere.
 */
function renderDateEvidence(published) {
  const evidence = published?.evidence ?? [];
  if (!evidence.length) return null;
  const reason = (e) => e.span.end > e.span.start
    ? jumpButton(e.span, e.label, { title: "Show where the text says so" })
    : h("span", {}, e.label);
  const list = (items) => items.flatMap((e, i) => (i ? ["; ", reason(e)] : [reason(e)]));
  const agree = evidence.filter((e) => e.agrees);
  const against = evidence.filter((e) => !e.agrees);
  return h("p", { class: "date-evidence" },
    `${published.value} — `, ...list(agree),
    ...(against.length ? [". Pointing elsewhere: ", ...list(against)] : []),
    published.confidence < 0.5 ? ". The evidence is thin or conflicting: set the date by hand if you know it." : ".");
}

/**
 * A collapsible section of the analysis panel: a disclosure whose summary is
 * its heading (with a count), open or closed at first.
 */
function section(name, heading, count, open, ...children) {
  return h("details", { class: "section", open, dataset: { section: name } },
    h("summary", {}, h("h3", {}, heading, count === null ? null : h("span", { class: "count" }, ` ${count}`))),
    h("div", { class: "section-body" }, children));
}

/** How wide the charts are drawn (SVG units ≈ CSS pixels, so their text keeps its size). */
function chartWidth(width, most) {
  return Math.round(Math.max(300, Math.min(most, width || most)));
}

/**
 * One document: heading and facts, then the article beside the analysis panel
 * (entities, tone, timeline, quotes, network, dates), each section collapsible.
 * `width` is the width it will be shown at, in CSS pixels.
 */
export function renderDocument(doc, index, source, width = 1200) {
  const title = docTitle(doc, index);
  const words = doc.word_count ?? (doc.tokens ?? []).filter((t) => t.kind === "word" || t.kind === "number").length;
  const facts = [
    doc.byline && `By ${doc.byline}`,
    doc.published && `Published ${doc.published.value} (${DATE_SOURCES[doc.published.source] ?? doc.published.source}${doc.published.confidence < 0.5 ? ", uncertain" : ""})`,
    `${words} words`,
    `${doc.sentences?.length ?? 0} sentences`,
    `${doc.paragraphs?.length ?? 0} paragraphs`,
    languageName(doc) && `in ${languageName(doc)} (${doc.language?.source === "meta" ? "as the page says" : "from the text"})`,
    doc.sentiment ? `tone ${toneText(doc.sentiment)}` : "tone not analyzed",
  ].filter(Boolean);
  const article = h("article", { class: "document", "aria-labelledby": `doc-${index}`, dataset: { index } });
  // Two columns from about 900 px: the panel is 36rem of it; one column below.
  const panelWidth = width >= 900 ? 560 : width - 8;
  const timeline = timelineChart((doc.timeline ?? []).map((e) => ({ ...e, group: 0 })), {
    label: "Timeline of the article",
    width: chartWidth(panelWidth, 560),
    onActivate: (e) => {
      const sentence = doc.sentences?.[e.sentence];
      jumpTo(article, sentence?.start ?? 0, sentence?.end ?? null);
    },
  });
  const { nodes, links } = networkData([doc], (e) => String(e.id));
  const network = networkChart(nodes, links, { width: chartWidth(panelWidth, 560), onActivate: (node) => selectEntity(article, node.entity) });
  const events = doc.timeline?.length ?? 0;
  const quotes = quotesOf(doc);
  append(article,
    h("header", { class: "doc-head" },
      h("h2", { id: `doc-${index}` }, title),
      source ? h("p", { class: "source" }, `From ${source}`) : null,
      h("p", { class: "facts" }, facts.join(" · ")),
      languageNotice(doc),
      doc.truncated?.length ? h("p", { class: "limits" }, `Limits reached: ${doc.truncated.map((t) => t.note).join("; ")}.`) : null,
      renderDateEvidence(doc.published)),
    h("div", { class: "layout" },
      h("section", { class: "reading", "aria-label": `Text of ${title}` }, renderLegend(doc), renderText(doc), renderRemoved(doc)),
      h("aside", { class: "panel", "aria-label": `Analysis of ${title}` },
        section("entities", "Who and what", doc.entities?.length ?? 0, true, renderEntities(doc, index)),
        section("tone", "Tone", null, true, renderToneArc(doc) ?? h("p", { class: "empty" }, "Tone not analyzed.")),
        section("timeline", "Timeline", events, true, timeline,
          events ? h("details", { class: "timeline-list", open: events <= 15 }, h("summary", {}, `The ${events} event${events === 1 ? "" : "s"} as a list`), renderTimeline(doc)) : renderTimeline(doc)),
        section("quotes", "Quotes", quotes.length, quotes.length > 0 && quotes.length <= 12, renderQuotes(doc)),
        section("network", "Who appears with whom", null, Boolean(network), network,
          h("details", {}, h("summary", {}, "As a list"), renderRelations(doc))),
        section("dates", "Dates and times", doc.timexes?.length ?? 0, false, renderTimexes(doc)))));
  return article;
}

/** An article's date for the corpus views: its published date, or its first dated event. */
function docDate(doc) {
  return doc.published?.value ?? doc.timeline?.[0]?.when ?? null;
}

/** Opens article `d` of a corpus (rendering it on first open) and returns its element. */
function openCorpusDocument(container, d) {
  const details = container.querySelector(`details.document-details[data-index="${d}"]`);
  if (!details) return null;
  details.open = true;
  details.dispatchEvent(new Event("toggle"));
  return details.querySelector("article.document");
}

/** What each person said across the articles: speakers merged by type and name, their quotes listed by article. */
function renderCorpusQuotes(docs, container) {
  const speakers = new Map();
  let unattributed = 0;
  docs.forEach((doc, d) => {
    for (const q of quotesOf(doc)) {
      const entity = q.speaker === null ? null : doc.entities[q.speaker];
      const who = quoteSpeaker(doc, q);
      if (!who) {
        unattributed++;
        continue;
      }
      const key = entity ? `${entity.type}|${entity.name}` : `source|${who.toLowerCase()}`;
      const speaker = speakers.get(key) ?? { name: who, type: entity?.type ?? null, quotes: [], docs: new Set() };
      speaker.quotes.push({ doc, d, q });
      speaker.docs.add(d);
      speakers.set(key, speaker);
    }
  });
  const list = [...speakers.values()].sort((a, b) => b.docs.size - a.docs.size || b.quotes.length - a.quotes.length);
  const body = list.length
    ? h("ul", { class: "speakers" }, list.map((s) => h("li", {},
      h("details", {}, h("summary", {}, h("span", { class: `speaker swatch type-${s.type ?? "MISC"}` }, s.name),
        ` ${s.quotes.length} quote${s.quotes.length === 1 ? "" : "s"} in ${s.docs.size} article${s.docs.size === 1 ? "" : "s"}`),
      h("ol", { class: "quotes" }, s.quotes.map(({ doc, d, q }) => quoteItem(doc, q, { speaker: false, prefix: `${docTitle(doc, d)} — `, dataset: { doc: d } })))))))
    : h("p", { class: "empty" }, unattributed ? `None of the ${unattributed} quotes has a speaker.` : "No quotes found.");
  body.addEventListener?.("click", (event) => {
    const button = event.target.closest?.("button.quote-jump");
    if (!button) return;
    const article = openCorpusDocument(container, Number(button.dataset.doc));
    if (article) jumpTo(article, Number(button.dataset.start), Number(button.dataset.end));
  });
  return [body, list.length && unattributed ? h("p", { class: "note" }, `${unattributed} more quote${unattributed === 1 ? "" : "s"} without a speaker.`) : null];
}

/** Across several documents: the articles, merged names, one timeline, tone over time, one network, who said what. */
function renderCorpus(docs, container, width) {
  const merged = new Map();
  docs.forEach((doc, d) => {
    for (const e of doc.entities ?? []) {
      if (NUMERIC.has(e.type)) continue;
      const key = `${e.type}|${e.name}`;
      const m = merged.get(key) ?? { name: e.name, type: e.type, docs: 0, mentions: 0, tones: [] };
      m.docs += 1;
      m.mentions += e.mentions?.length ?? 0;
      const when = docDate(doc);
      if (when && e.sentiment) m.tones.push({ when, score: e.sentiment.score, title: docTitle(doc, d) });
      merged.set(key, m);
    }
  });
  const top = [...merged.values()].sort((a, b) => b.docs - a.docs || b.mentions - a.mentions).slice(0, 15);
  const events = docs.flatMap((doc, d) => (doc.timeline ?? []).map((e) => ({ ...e, d, group: d, context: docTitle(doc, d) })));
  const chartsWidth = chartWidth(width, 1100);
  const timeline = timelineChart(events, {
    label: `Timeline across ${docs.length} articles`,
    width: chartsWidth,
    onActivate: (e) => {
      const article = openCorpusDocument(container, e.d);
      const sentence = docs[e.d].sentences?.[e.sentence];
      if (article) jumpTo(article, sentence?.start ?? 0, sentence?.end ?? null);
    },
  });
  const tone = toneOverTimeChart(top.filter((m) => m.tones.length >= 2).slice(0, 6).map((m) => ({ name: m.name, points: m.tones })), {
    label: "Tone toward the most-named, article by article",
    width: chartsWidth,
  });
  const { nodes, links } = networkData(docs, (e) => `${e.type}|${e.name}`);
  const network = networkChart(nodes, links, { label: "Who appears with whom, across the articles", width: chartsWidth });
  const articles = h("table", { class: "entities articles" }, h("caption", {}, "The articles"),
    h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Article"), h("th", { scope: "col" }, "Date"), h("th", { scope: "col" }, "Language"), h("th", { scope: "col" }, "Tone"))),
    h("tbody", {}, docs.map((doc, d) => h("tr", {},
      h("th", { scope: "row" }, h("button", { type: "button", class: "open-document", dataset: { index: d } }, docTitle(doc, d))),
      h("td", { class: "nowrap" }, docDate(doc) ?? "—"),
      h("td", { class: readInPart(doc) ? "other-language" : null }, `${languageName(doc) ?? "—"}${readInPart(doc) ? " (not read in full)" : ""}`),
      h("td", { class: `nowrap tone ${doc.sentiment ? toneClass(doc.sentiment) : ""}` }, doc.sentiment ? toneShort(doc.sentiment) : "not analyzed")))));
  articles.addEventListener("click", (event) => {
    const button = event.target.closest?.("button.open-document");
    if (!button) return;
    const article = openCorpusDocument(container, Number(button.dataset.index));
    article?.closest("details")?.scrollIntoView({ block: "start", behavior: "smooth" });
    article?.closest("details")?.querySelector("summary")?.focus();
  });
  const speakers = renderCorpusQuotes(docs, container);
  const quoteCount = docs.reduce((n, doc) => n + quotesOf(doc).length, 0);
  return h("section", { class: "corpus", "aria-labelledby": "corpus-heading" },
    h("h2", { id: "corpus-heading" }, `Across ${docs.length} articles`),
    h("div", { class: "columns" },
      articles,
      h("table", { class: "entities" }, h("caption", {}, "In most articles"),
        h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Name"), h("th", { scope: "col", class: "num" }, "Articles"), h("th", { scope: "col", class: "num" }, "Mentions"))),
        h("tbody", {}, top.map((m) => h("tr", {}, h("th", { scope: "row" }, m.name), h("td", { class: "num" }, String(m.docs)), h("td", { class: "num" }, String(m.mentions))))))),
    section("timeline", "Timeline", events.length, true, timeline,
      timeline ? h("ul", { class: "timeline-key", "aria-label": "Colours of the articles on the timeline" },
        docs.map((doc, d) => (doc.timeline?.length ? h("li", {}, h("span", { class: `key k${d % 8}`, "aria-hidden": "true" }), docTitle(doc, d)) : null))) : null,
      events.length ? h("details", { class: "timeline-list" }, h("summary", {}, `The ${events.length} events as a list`),
        docs.map((doc, d) => (doc.timeline?.length ? renderTimeline(doc, docTitle(doc, d)) : null))) : null),
    section("quotes", "Who said what", quoteCount, quoteCount > 0, speakers),
    tone ? section("tone", "Tone over time", null, true, tone) : null,
    network ? section("network", "Who appears with whom", null, true, network) : null);
}

/**
 * All analyses, each possibly holding several documents. One document is shown
 * whole; several get the corpus view and one disclosure per article, rendered
 * when first opened. `width`: the width in CSS pixels they will be shown at
 * (charts are drawn to it), when known.
 */
export function renderAnalysis(analyses, { width = 1200 } = {}) {
  const container = h("div", { class: "analyses" });
  const docs = [];
  const sources = [];
  for (const { name, analysis } of analyses) {
    for (const doc of analysis.documents) {
      docs.push(doc);
      sources.push(analyses.length > 1 ? name : null);
    }
  }
  if (docs.length === 1) {
    container.append(renderDocument(docs[0], 0, sources[0], width));
    return container;
  }
  container.append(renderCorpus(docs, container, width));
  docs.forEach((doc, d) => {
    const details = h("details", { class: "document-details", dataset: { index: d } },
      h("summary", {}, h("span", { class: "summary-title" }, docTitle(doc, d)),
        h("span", { class: "aliases" }, [docDate(doc), languageName(doc), `${doc.entities?.length ?? 0} names`, doc.sentiment ? `tone ${toneText(doc.sentiment)}` : "tone not analyzed", sources[d] && `from ${sources[d]}`].filter(Boolean).join(" · "))));
    details.addEventListener("toggle", () => {
      // A jump from the corpus timeline and the reader's click may both open it: render once.
      if (details.open && !details.querySelector("article.document")) details.append(renderDocument(doc, d, sources[d], width));
    });
    container.append(details);
  });
  return container;
}

/** Entities as CSV: one row per entity of every document. */
export function entitiesCsv(analyses) {
  const quote = (v) => `"${String(v ?? "").replaceAll('"', '""')}"`;
  const rows = [["document", "name", "type", "aliases", "mentions", "salience", "tone", "tone_label"]];
  let d = 0;
  for (const { analysis } of analyses) {
    for (const doc of analysis.documents) {
      d += 1;
      for (const e of doc.entities ?? []) {
        rows.push([d, e.name, e.type, (e.aliases ?? []).join("; "), e.mentions?.length ?? 0, e.salience, e.sentiment?.score ?? "", e.sentiment?.label ?? ""]);
      }
    }
  }
  return rows.map((r) => r.map(quote).join(",")).join("\r\n") + "\r\n";
}
