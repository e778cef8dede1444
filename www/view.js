// Renders an Analysis into DOM nodes. Offsets in the Analysis are UTF-16 code
// units, exactly what String.prototype.slice takes, so highlights line up with
// emoji, accents and CJK. Text always goes in as text nodes: nothing is parsed.

/** Create an element; string children become text nodes. */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === "class") element.className = value;
    else if (name === "dataset") Object.assign(element.dataset, value);
    else element.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

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
    const p = h("p", { dataset: { start: paragraph.start, end: paragraph.end } });
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

function toneText(tone) {
  if (!tone) return "—";
  const sign = tone.score > 0 ? "+" : "";
  return `${tone.label} (${sign}${tone.score.toFixed(2)})`;
}

/** The sentences that show an entity's tone, in a disclosure. */
function evidence(doc, entity) {
  const sentences = entity.sentiment?.evidence ?? [];
  if (!sentences.length) return null;
  return h("details", { class: "evidence" }, h("summary", {}, "why"),
    sentences.map((i) => doc.sentences?.[i]).filter(Boolean).map((s) => h("blockquote", {}, doc.text.slice(s.start, s.end))));
}

function renderEntities(doc) {
  const entities = [...(doc.entities ?? [])].sort((a, b) => b.salience - a.salience);
  if (!entities.length) return h("p", { class: "empty" }, "No names found.");
  return h("table", { class: "entities" },
    h("caption", {}, "Who and what is in it"),
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
  if (!sentences.length) return null;
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
      h("button", { type: "button", class: "jump", dataset: { sentence: e.sentence } },
        h("time", {}, e.until ? `${e.when} – ${e.until}` : e.when)),
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
  updated: "from a “last updated” stamp", copyright: "from the copyright line", inferred: "inferred from the text",
};

/** One document: heading, metadata, text, entities, dates. */
export function renderDocument(doc, index, source) {
  const title = doc.title || `Document ${index + 1}`;
  const words = doc.word_count ?? (doc.tokens ?? []).filter((t) => t.kind === "word" || t.kind === "number").length;
  const facts = [
    doc.byline && `By ${doc.byline}`,
    doc.published && `Published ${doc.published.value} (${DATE_SOURCES[doc.published.source] ?? doc.published.source}${doc.published.confidence < 0.5 ? ", uncertain" : ""})`,
    `${words} words`,
    `${doc.sentences?.length ?? 0} sentences`,
    `${doc.paragraphs?.length ?? 0} paragraphs`,
    `tone ${toneText(doc.sentiment)}`,
  ].filter(Boolean);
  return h("article", { class: "document", "aria-labelledby": `doc-${index}`, dataset: { index } },
    h("h2", { id: `doc-${index}` }, title),
    source ? h("p", { class: "source" }, `From ${source}`) : null,
    h("p", { class: "facts" }, facts.join(" · ")),
    renderLegend(doc),
    renderToneArc(doc),
    h("div", { class: "columns" },
      h("section", { class: "reading", "aria-label": "Article text" }, renderText(doc), renderRemoved(doc)),
      h("aside", { class: "panel", "aria-label": "Entities, time and relations" },
        renderEntities(doc),
        h("h3", {}, "Timeline"),
        renderTimeline(doc),
        h("h3", {}, "Together"),
        renderRelations(doc),
        h("h3", {}, "Dates and times"),
        renderTimexes(doc))));
}

/** Across several documents: merged entities and one timeline. */
function renderCorpus(analyses) {
  const docs = analyses.flatMap((a) => a.analysis.documents);
  if (docs.length < 2) return null;
  const merged = new Map();
  for (const doc of docs) {
    for (const e of doc.entities ?? []) {
      const key = `${e.type}|${e.name}`;
      const m = merged.get(key) ?? { name: e.name, type: e.type, docs: 0, mentions: 0 };
      m.docs += 1;
      m.mentions += e.mentions?.length ?? 0;
      merged.set(key, m);
    }
  }
  const top = [...merged.values()].filter((m) => !["CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"].includes(m.type))
    .sort((a, b) => b.docs - a.docs || b.mentions - a.mentions).slice(0, 15);
  const events = docs.flatMap((doc, d) => (doc.timeline ?? []).map((e) => ({ ...e, d, title: doc.title || `Document ${d + 1}` })))
    .sort((a, b) => a.when.localeCompare(b.when));
  return h("section", { class: "corpus", "aria-labelledby": "corpus-heading" },
    h("h2", { id: "corpus-heading" }, `Across ${docs.length} articles`),
    h("div", { class: "columns" },
      h("table", { class: "entities" }, h("caption", {}, "In most articles"),
        h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Name"), h("th", { scope: "col" }, "Articles"), h("th", { scope: "col" }, "Mentions"))),
        h("tbody", {}, top.map((m) => h("tr", {}, h("th", { scope: "row" }, m.name), h("td", {}, String(m.docs)), h("td", {}, String(m.mentions)))))),
      h("ol", { class: "timeline" }, events.slice(0, 60).map((e) => h("li", {}, h("time", {}, e.when), ` ${e.label} `, h("span", { class: "aliases" }, e.title))))));
}

/** All analyses, each possibly holding several documents. */
export function renderAnalysis(analyses) {
  const fragment = document.createDocumentFragment();
  const corpus = renderCorpus(analyses);
  if (corpus) fragment.append(corpus);
  let index = 0;
  for (const { name, analysis } of analyses) {
    for (const doc of analysis.documents) {
      fragment.append(renderDocument(doc, index++, analyses.length > 1 ? name : null));
    }
  }
  return fragment;
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
