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

/** The article text with paragraphs and mention highlights. */
export function renderText(doc) {
  const text = doc.text;
  const mentions = [...(doc.mentions ?? [])].sort((a, b) => a.start - b.start || b.end - a.end);
  const paragraphs = doc.paragraphs?.length ? doc.paragraphs : [{ start: 0, end: text.length }];
  const container = h("div", { class: "article-text" });
  let m = 0;
  for (const paragraph of paragraphs) {
    const p = h("p", {});
    let at = paragraph.start;
    while (m < mentions.length && mentions[m].end <= paragraph.start) m++;
    for (let k = m; k < mentions.length && mentions[k].start < paragraph.end; k++) {
      const mention = mentions[k];
      if (mention.start < at || mention.end > paragraph.end) continue; // overlapping: skip
      p.append(text.slice(at, mention.start));
      const entity = doc.entities?.[mention.entity];
      const label = entity ? `${entity.name} (${TYPE_NAMES[mention.type] ?? mention.type})` : mention.type;
      p.append(
        h("mark", {
          class: `mention type-${mention.type}`,
          title: label,
          tabindex: "0",
          "aria-label": `${text.slice(mention.start, mention.end)}: ${label}`,
          dataset: { entity: mention.entity },
        }, text.slice(mention.start, mention.end)),
      );
      at = mention.end;
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

function renderEntities(doc) {
  const entities = [...(doc.entities ?? [])].sort((a, b) => b.salience - a.salience);
  if (!entities.length) return h("p", { class: "empty" }, "No names found.");
  return h("table", { class: "entities" },
    h("caption", {}, "Who and what is in it"),
    h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Name"), h("th", { scope: "col" }, "Type"),
      h("th", { scope: "col" }, "Mentions"), h("th", { scope: "col" }, "Salience"), h("th", { scope: "col" }, "Tone"))),
    h("tbody", {}, entities.map((e) => h("tr", {},
      h("th", { scope: "row" }, e.name, e.aliases?.length ? h("span", { class: "aliases" }, ` also ${e.aliases.join(", ")}`) : null),
      h("td", {}, TYPE_NAMES[e.type] ?? e.type),
      h("td", {}, String(e.mentions?.length ?? 0)),
      h("td", {}, percent(e.salience ?? 0)),
      h("td", {}, toneText(e.sentiment))))));
}

function renderTimexes(doc) {
  if (!doc.timexes?.length) return h("p", { class: "empty" }, "No dates found.");
  return h("ul", { class: "timexes" }, doc.timexes.map((t) =>
    h("li", {}, h("q", {}, doc.text.slice(t.start, t.end)), " → ", h("code", {}, t.value), ` (${t.type.toLowerCase()})`)));
}

/** One document: heading, metadata, text, entities, dates. */
export function renderDocument(doc, index, source) {
  const title = doc.title || `Document ${index + 1}`;
  const words = doc.word_count ?? (doc.tokens ?? []).filter((t) => t.kind === "word" || t.kind === "number").length;
  const facts = [
    doc.byline && `By ${doc.byline}`,
    doc.published && `Published ${doc.published.value} (from ${doc.published.source})`,
    `${words} words`,
    `${doc.sentences?.length ?? 0} sentences`,
    `${doc.paragraphs?.length ?? 0} paragraphs`,
    `tone ${toneText(doc.sentiment)}`,
  ].filter(Boolean);
  return h("article", { class: "document", "aria-labelledby": `doc-${index}` },
    h("h2", { id: `doc-${index}` }, title),
    source ? h("p", { class: "source" }, `From ${source}`) : null,
    h("p", { class: "facts" }, facts.join(" · ")),
    h("div", { class: "columns" },
      h("section", { class: "reading", "aria-label": "Article text" }, renderText(doc)),
      h("aside", { class: "panel", "aria-label": "Entities and dates" },
        renderEntities(doc),
        h("h3", {}, "When"),
        renderTimexes(doc))));
}

/** All analyses, each possibly holding several documents. */
export function renderAnalysis(analyses) {
  const fragment = document.createDocumentFragment();
  let index = 0;
  for (const { name, analysis } of analyses) {
    for (const doc of analysis.documents) {
      fragment.append(renderDocument(doc, index++, analyses.length > 1 ? name : null));
    }
  }
  return fragment;
}
