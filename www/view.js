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

/** The sentences that show an entity's tone, in a disclosure. */
function evidence(doc, entity) {
  const sentences = entity.sentiment?.evidence ?? [];
  if (!sentences.length) return null;
  return h("details", { class: "evidence" }, h("summary", {}, "why"),
    sentences.map((i) => doc.sentences?.[i]).filter(Boolean).map((s) => h("blockquote", {}, doc.text.slice(s.start, s.end))));
}

/** Rows of the entity table: a pasted number table or name list has tens of
 * thousands of entities, and laying out that many rows takes the browser seconds. */
const MAX_ENTITY_ROWS = 500;

function renderEntities(doc) {
  const all = [...(doc.entities ?? [])].sort((a, b) => b.salience - a.salience);
  if (!all.length) {
    return h("p", { class: "empty" }, readInPart(doc) && doc.language.stages.sentiment === "none"
      ? `Names are not analyzed in ${languageName(doc) ?? "this language"}.` : "No names found.");
  }
  const entities = all.slice(0, MAX_ENTITY_ROWS);
  const caption = all.length > entities.length
    ? `Who and what is in it: the ${entities.length} most salient of ${all.length} (the JSON export has all)`
    : "Who and what is in it";
  return h("table", { class: "entities" },
    h("caption", {}, caption),
    h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Name"), h("th", { scope: "col" }, "Type"),
      h("th", { scope: "col" }, "Mentions"), h("th", { scope: "col" }, "Salience"), h("th", { scope: "col" }, "Tone"))),
    h("tbody", {}, entities.map((e) => h("tr", {},
      h("th", { scope: "row" },
        h("button", { type: "button", class: "entity-name", "aria-pressed": "false", dataset: { entity: e.id } }, e.name),
        e.titles?.length ? h("span", { class: "aliases" }, e.titles.join(", ")) : null,
        e.aliases?.length ? h("span", { class: "aliases" }, `also ${e.aliases.join(", ")}`) : null),
      h("td", {}, TYPE_NAMES[e.type] ?? e.type),
      h("td", {}, String(e.mentions?.length ?? 0)),
      h("td", {}, percent(e.salience ?? 0)),
      h("td", {}, toneText(e.sentiment), evidence(doc, e))))));
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
      h("input", { type: "checkbox", checked: true, dataset: { type: t } }), ` ${TYPE_NAMES[t] ?? t}`)));
}

/** Sentence-by-sentence tone: one bar per sentence, up for positive, down for negative. */
function renderToneArc(doc) {
  const sentences = doc.sentences ?? [];
  // No tone read (no English in it): no arc of blanks.
  if (!sentences.length || !doc.sentiment) return null;
  return h("figure", { class: "tone-arc" },
    h("div", { class: "bars", role: "img", "aria-label": `Tone of ${sentences.length} sentences; overall ${toneText(doc.sentiment)}` },
      sentences.map((s, i) => {
        const score = s.sentiment?.score ?? 0;
        const bar = h("span", {
          class: `bar ${score > 0.05 ? "pos" : score < -0.05 ? "neg" : "neu"}`,
          title: `Sentence ${i + 1}: ${toneText(s.sentiment)}`,
        });
        // Through the CSSOM, which a strict style-src allows (a style attribute it would not).
        bar.style.setProperty("--v", Math.abs(score).toFixed(2));
        return bar;
      })),
    h("figcaption", {}, "Tone, sentence by sentence"));
}

/** Dated events in order; each jumps to its sentence. */
function renderTimeline(doc) {
  const events = doc.timeline ?? [];
  if (!events.length) return h("p", { class: "empty" }, "No dated events.");
  return h("ol", { class: "timeline" }, events.map((e) => {
    const who = (e.entities ?? []).map((i) => doc.entities?.[i]?.name).filter(Boolean).slice(0, 4).join(", ");
    return h("li", {},
      h("button", { type: "button", class: "jump", dataset: { start: doc.sentences?.[e.sentence]?.start ?? 0 } },
        h("time", {}, e.until ? `${showWhen(e.when)} – ${showWhen(e.until)}` : showWhen(e.when))),
      " ", e.label, who ? h("span", { class: "aliases" }, who) : null);
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

/** Scroll to, focus and flash the paragraph holding a UTF-16 offset of the text. */
export function jumpTo(docElement, offset) {
  const paragraph = [...docElement.querySelectorAll(".article-text p")]
    .find((p) => Number(p.dataset.start) <= offset && offset < Number(p.dataset.end));
  if (!paragraph) return;
  paragraph.tabIndex = -1;
  paragraph.classList.add("flash");
  paragraph.scrollIntoView({ block: "center", behavior: "smooth" });
  paragraph.focus({ preventScroll: true });
  setTimeout(() => paragraph.classList.remove("flash"), 1500);
}

/**
 * Wires a container of rendered analyses: entity buttons and network nodes select
 * mentions, timeline entries jump to their sentence, the legend filters types,
 * "restore" re-runs with everything kept. `say(message)` reports what happened.
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
      jumpTo(docElement, Number(target.dataset.start));
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
    ? h("button", { type: "button", class: "jump", dataset: { start: e.span.start }, title: "Show where the text says so" }, e.label)
    : h("span", {}, e.label);
  const list = (items) => items.flatMap((e, i) => (i ? ["; ", reason(e)] : [reason(e)]));
  const agree = evidence.filter((e) => e.agrees);
  const against = evidence.filter((e) => !e.agrees);
  return h("p", { class: "date-evidence" },
    `${published.value} — `, ...list(agree),
    ...(against.length ? [". Pointing elsewhere: ", ...list(against)] : []),
    published.confidence < 0.5 ? ". The evidence is thin or conflicting: set the date by hand if you know it." : ".");
}

/** One document: heading, metadata, text, entities, dates, charts. */
export function renderDocument(doc, index, source) {
  const title = doc.title || `Document ${index + 1}`;
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
  const timeline = timelineChart((doc.timeline ?? []).map((e) => ({ ...e, group: 0 })), {
    label: "Timeline of the article",
    onActivate: (e) => jumpTo(article, doc.sentences?.[e.sentence]?.start ?? 0),
  });
  const { nodes, links } = networkData([doc], (e) => String(e.id));
  const network = networkChart(nodes, links, { onActivate: (node) => selectEntity(article, node.entity) });
  append(article,
    h("h2", { id: `doc-${index}` }, title),
    source ? h("p", { class: "source" }, `From ${source}`) : null,
    h("p", { class: "facts" }, facts.join(" · ")),
    languageNotice(doc),
    doc.truncated?.length ? h("p", { class: "limits" }, `Limits reached: ${doc.truncated.map((t) => t.note).join("; ")}.`) : null,
    renderDateEvidence(doc.published),
    renderLegend(doc),
    renderToneArc(doc),
    timeline || network ? h("section", { class: "charts", "aria-label": `Timeline and relations of ${title}` }, timeline, network) : null,
    h("div", { class: "columns" },
      h("section", { class: "reading", "aria-label": `Text of ${title}` }, renderText(doc), renderRemoved(doc)),
      h("aside", { class: "panel", "aria-label": `Entities, time and relations in ${title}` },
        renderEntities(doc),
        h("h3", {}, "Timeline"),
        renderTimeline(doc),
        h("h3", {}, "Together"),
        renderRelations(doc),
        h("h3", {}, "Dates and times"),
        renderTimexes(doc))));
  return article;
}

function docTitle(doc, d) {
  return doc.title || `Document ${d + 1}`;
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

/** Across several documents: the articles, merged names, one timeline, tone over time, one network. */
function renderCorpus(docs, container) {
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
  const events = docs.flatMap((doc, d) => (doc.timeline ?? []).map((e) => ({ ...e, d, group: d, label: `${docTitle(doc, d)}: ${e.label}` })));
  const timeline = timelineChart(events, {
    label: `Timeline across ${docs.length} articles`,
    onActivate: (e) => {
      const article = openCorpusDocument(container, e.d);
      if (article) jumpTo(article, docs[e.d].sentences?.[e.sentence]?.start ?? 0);
    },
  });
  const tone = toneOverTimeChart(top.filter((m) => m.tones.length >= 2).slice(0, 6).map((m) => ({ name: m.name, points: m.tones })), {
    label: "Tone toward the most-named, article by article",
  });
  const { nodes, links } = networkData(docs, (e) => `${e.type}|${e.name}`);
  const network = networkChart(nodes, links, { label: "Who appears with whom, across the articles" });
  const articles = h("table", { class: "entities articles" }, h("caption", {}, "The articles"),
    h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Article"), h("th", { scope: "col" }, "Date"), h("th", { scope: "col" }, "Language"), h("th", { scope: "col" }, "Tone"))),
    h("tbody", {}, docs.map((doc, d) => h("tr", {},
      h("th", { scope: "row" }, h("button", { type: "button", class: "open-document", dataset: { index: d } }, docTitle(doc, d))),
      h("td", {}, docDate(doc) ?? "—"),
      h("td", { class: readInPart(doc) ? "other-language" : null }, `${languageName(doc) ?? "—"}${readInPart(doc) ? " (not read in full)" : ""}`),
      h("td", {}, doc.sentiment ? toneText(doc.sentiment) : "not analyzed")))));
  articles.addEventListener("click", (event) => {
    const button = event.target.closest?.("button.open-document");
    if (!button) return;
    const article = openCorpusDocument(container, Number(button.dataset.index));
    article?.closest("details")?.scrollIntoView({ block: "start", behavior: "smooth" });
    article?.closest("details")?.querySelector("summary")?.focus();
  });
  return h("section", { class: "corpus", "aria-labelledby": "corpus-heading" },
    h("h2", { id: "corpus-heading" }, `Across ${docs.length} articles`),
    h("div", { class: "columns" },
      articles,
      h("table", { class: "entities" }, h("caption", {}, "In most articles"),
        h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Name"), h("th", { scope: "col" }, "Articles"), h("th", { scope: "col" }, "Mentions"))),
        h("tbody", {}, top.map((m) => h("tr", {}, h("th", { scope: "row" }, m.name), h("td", {}, String(m.docs)), h("td", {}, String(m.mentions))))))),
    timeline, tone, network);
}

/**
 * All analyses, each possibly holding several documents. One document is shown
 * whole; several get the corpus view and one disclosure per article, rendered
 * when first opened.
 */
export function renderAnalysis(analyses) {
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
    container.append(renderDocument(docs[0], 0, sources[0]));
    return container;
  }
  container.append(renderCorpus(docs, container));
  docs.forEach((doc, d) => {
    const details = h("details", { class: "document-details", dataset: { index: d } },
      h("summary", {}, h("span", { class: "summary-title" }, docTitle(doc, d)),
        h("span", { class: "aliases" }, [docDate(doc), languageName(doc), `${doc.entities?.length ?? 0} names`, doc.sentiment ? `tone ${toneText(doc.sentiment)}` : "tone not analyzed", sources[d] && `from ${sources[d]}`].filter(Boolean).join(" · "))));
    details.addEventListener("toggle", () => {
      if (details.open && !details.querySelector("article.document")) details.append(renderDocument(doc, d, sources[d]));
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
