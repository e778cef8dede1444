// End-to-end tests of the reading view (issue 28): the article beside a panel wide
// enough for its table, collapsible sections, a labelled timeline on a broken axis,
// network labels that never overlap, untitled articles named by their first words,
// nothing wider than a phone, a short page; quotes with their speakers (per entity,
// a Quotes view that jumps to the sentence, who said what across articles); the
// keyboard path through the timeline and the quotes; axe-core in light and dark.
// Screenshots of the five samples and of corpus mode go to tests/e2e/screenshots.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readdir, readFile, writeFile, mkdtemp } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { start, openPage, waitForResult, samples, screenshots } from "./harness.mjs";

const require = createRequire(import.meta.url);
const axeSource = await readFile(require.resolve("axe-core/axe.min.js"), "utf8");
const sampleFiles = (await readdir(samples)).filter((f) => f.endsWith(".txt")).sort();
const sample = async (prefix) => readFile(join(samples, sampleFiles.find((f) => f.startsWith(prefix))), "utf8");

let server;
let browser;
let stop;
before(async () => ({ server, browser, stop } = await start()));
after(() => stop?.());

async function analyze(page, text) {
  await page.evaluate(() => { document.getElementById("status").dataset.kind = ""; });
  await page.fill("#article", text);
  await page.click("#analyze");
  const status = await waitForResult(page);
  assert.equal(status.kind, "ok", status.message);
}

/** Open every collapsible section (and nested disclosure) of the results. */
async function openAll(page) {
  await page.evaluate(() => { for (const d of document.querySelectorAll("#results details")) d.open = true; });
}

/** The panel drawn at its full height, for a screenshot of all of it. */
async function unrollPanel(page) {
  await page.evaluate(() => {
    const panel = document.querySelector("#results .panel");
    panel.style.maxHeight = "none";
    panel.style.position = "static";
  });
}

// Before this design the five pages were 5,220–7,130 px tall at 1280×900.
const MAX_HEIGHT = 4000;

for (const file of sampleFiles) {
  test(`sample ${file}: article beside a panel whose table fits, a short page, screenshots`, async () => {
    const { page, context, errors } = await openPage(browser, server.url);
    await analyze(page, await readFile(join(samples, file), "utf8"));
    const name = file.replace(".txt", "");
    const layout = await page.evaluate(() => {
      const reading = document.querySelector("#results .reading").getBoundingClientRect();
      const panel = document.querySelector("#results .panel");
      const table = panel.querySelector("table.entities");
      // Type and Tone cells on one line each: their text's boxes all share one top.
      const lines = (td) => {
        const range = document.createRange();
        range.selectNodeContents(td);
        return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
      };
      const tall = [...table.querySelectorAll("tbody tr:not(.entity-detail) td.nowrap")]
        .filter((td) => lines(td) > 1).map((td) => td.textContent);
      return {
        side: reading.right <= panel.getBoundingClientRect().left,
        panelWidth: panel.getBoundingClientRect().width,
        tableFits: table.scrollWidth <= panel.clientWidth + 1,
        tall,
        height: document.documentElement.scrollHeight,
        sections: [...panel.querySelectorAll("details.section > summary h3")].map((h) => h.textContent),
      };
    });
    assert.ok(layout.side, "the article and the panel side by side");
    assert.ok(layout.panelWidth >= 520, `panel ${layout.panelWidth}px wide`);
    assert.ok(layout.tableFits, "the entity table fits the panel");
    assert.deepEqual(layout.tall, [], "Type and Tone cells do not wrap");
    assert.ok(layout.height <= MAX_HEIGHT, `page ${layout.height}px tall`);
    assert.ok(layout.sections.length >= 5, `sections ${layout.sections}`);
    console.log(`# ${file}: page height ${layout.height}px at 1280×900`);
    await page.screenshot({ path: join(screenshots, `reading-${name}.png`), fullPage: true });
    // Every section open, the panel unrolled: what a reader sees section by section.
    await openAll(page);
    await unrollPanel(page);
    await page.locator("#results .panel").screenshot({ path: join(screenshots, `reading-${name}-panel.png`) });
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test("sections collapse and expand from their headings", async () => {
  const { page, context } = await openPage(browser, server.url);
  await analyze(page, await sample("001"));
  const entities = page.locator("details.section[data-section=entities]");
  assert.equal(await entities.getAttribute("open"), "");
  await entities.locator("summary").focus();
  await page.keyboard.press("Enter");
  assert.equal(await entities.getAttribute("open"), null);
  assert.ok(await page.locator("table.entities").isHidden());
  await page.keyboard.press("Enter");
  assert.ok(await page.locator("table.entities").isVisible());
  // An entity's disclosure shows its full type and the sentences behind its tone.
  const more = page.locator("button.more").first();
  await more.click();
  assert.equal(await more.getAttribute("aria-expanded"), "true");
  const detail = page.locator(`#${await more.getAttribute("aria-controls")}`);
  assert.ok(await detail.isVisible());
  assert.match(await detail.textContent(), /country, city or state|person|organization/);
  await context.close();
});

test("an untitled article is named by the first words of its first sentence, alone and in corpus mode", async () => {
  const text = await sample("003");
  const { page, context } = await openPage(browser, server.url);
  await analyze(page, text);
  const title = await page.textContent("#results h2");
  assert.doesNotMatch(title, /^Document \d/);
  const firstWords = text.trim().split(/\s+/).slice(0, 3).join(" ");
  assert.ok(title.startsWith(firstWords), `${title} starts with ${firstWords}`);
  assert.ok(title.length <= 62, title);

  const dir = await mkdtemp(join(tmpdir(), "lede-reading-"));
  const files = [];
  for (const file of sampleFiles) {
    files.push(join(dir, file));
    await writeFile(files.at(-1), await readFile(join(samples, file)));
  }
  await page.evaluate(() => { document.getElementById("status").dataset.kind = ""; });
  await page.setInputFiles("#files", files);
  const status = await waitForResult(page);
  assert.equal(status.kind, "ok", status.message);
  const names = await page.locator("button.open-document").allTextContents();
  assert.equal(names.length, 5);
  for (const name of names) assert.doesNotMatch(name, /^Document \d/);
  assert.ok(names.includes(title), `${title} among ${names}`);
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  console.log(`# corpus of the five samples: page height ${height}px at 1280×900`);
  await page.screenshot({ path: join(screenshots, "reading-corpus.png"), fullPage: true });
  await context.close();
});

test("at phone width nothing is wider than the screen", async () => {
  const { page, context } = await openPage(browser, server.url, { width: 375, height: 812 });
  await analyze(page, await sample("004"));
  await openAll(page);
  await page.locator("button.more").first().click();
  await page.locator(".tone-arc .bar").nth(3).click();
  const wide = await page.evaluate(() => {
    const limit = document.documentElement.clientWidth;
    return {
      overflow: document.documentElement.scrollWidth - window.innerWidth,
      wide: [...document.querySelectorAll("#results *")].filter((e) => e.getBoundingClientRect().right > limit + 1 && e.getClientRects().length)
        .slice(0, 5).map((e) => `${e.tagName}.${e.getAttribute("class")}`),
    };
  });
  assert.ok(wide.overflow <= 1, `horizontal overflow ${wide.overflow}px`);
  assert.deepEqual(wide.wide, []);
  await page.screenshot({ path: join(screenshots, "reading-phone.png"), fullPage: true });
  await context.close();
});

/** An analysis of real text whose timeline is replaced: one event in 2002, five in one week of March 2024, one year-only. */
async function handMadeTimeline(page) {
  const text = "The pact was first signed in 2002. Talks resumed on March 11, 2024. " +
    "Ministers met on March 12, 2024. A draft followed on March 13, 2024. " +
    "Critics spoke on March 14, 2024. The deal was signed on March 15, 2024. Trade grew in 2022.";
  await analyze(page, text);
  return page.evaluate(() => {
    const [{ name, analysis }] = globalThis.__ledeTest.analyses();
    const doc = analysis.documents[0];
    const whens = ["2002", "2024-03-11", "2024-03-12", "2024-03-13", "2024-03-14", "2024-03-15", "2022"];
    doc.timeline = whens.map((when, i) => ({ when, sentence: Math.min(i, doc.sentences.length - 1), timex: 0, entities: [], place: null, label: doc.text.slice(doc.sentences[i].start, doc.sentences[i].end) }))
      .sort((a, b) => a.when.localeCompare(b.when));
    globalThis.__ledeTest.show([{ name, analysis }]);
    return doc.timeline.length;
  });
}

test("the timeline: dates and labels on the marks, year-only dates as marks, a far outlier and a cluster of days both legible", async () => {
  const { page, context } = await openPage(browser, server.url);
  const count = await handMadeTimeline(page);
  const chart = page.locator(".panel .timeline-chart");
  const marks = await chart.locator(".event").evaluateAll((events) => events.map((e) => ({
    label: e.querySelector(".event-label")?.textContent ?? null,
    shape: e.querySelector(".bar, .dot, .ring").getAttribute("class"),
    x: e.querySelector(".bar, .dot, .ring").getBoundingClientRect().x,
  })));
  assert.equal(marks.length, count);
  // Year-only dates are rings labelled with the year, not bars across it.
  assert.equal(marks.filter((m) => m.shape === "bar").length, 0);
  const years = marks.filter((m) => m.shape === "ring");
  assert.equal(years.length, 2);
  assert.ok(years.every((m) => /^20(02|22) /.test(m.label)), years.map((m) => m.label).join(" | "));
  // Each mark is labelled with its date and the start of its sentence.
  assert.ok(marks.every((m) => m.label), "every mark labelled");
  assert.match(marks.find((m) => m.label.startsWith("2024-03-13")).label, /^2024-03-13 A draft followed/);
  // The five days of March 2024 are apart, not in one pixel column: the axis is broken.
  const days = marks.filter((m) => m.shape === "dot").map((m) => m.x).sort((a, b) => a - b);
  assert.equal(days.length, 5);
  for (let i = 1; i < days.length; i++) assert.ok(days[i] - days[i - 1] >= 20, `days ${days.map(Math.round)}`);
  assert.ok(await chart.locator(".break").count() >= 1, "a break in the axis");
  await chart.scrollIntoViewIfNeeded();
  await page.locator(".panel details.section[data-section=timeline]").screenshot({ path: join(screenshots, "reading-timeline-broken-axis.png") });
  await context.close();
});

test("the keyboard path through the timeline: one tab stop, arrows between events in time order, Enter jumps to the sentence", async () => {
  const { page, context } = await openPage(browser, server.url);
  await handMadeTimeline(page);
  const chart = page.locator(".panel .timeline-chart");
  assert.equal(await chart.locator(".event[tabindex='0']").count(), 1, "one tab stop");
  // Tab from the zoom buttons lands on the first event.
  await page.locator(".panel .timeline-figure button", { hasText: "Reset zoom" }).focus();
  await page.keyboard.press("Tab");
  const focused = () => page.evaluate(() => document.activeElement.getAttribute("aria-label"));
  assert.match(await focused(), /^2002: The pact was first signed/);
  await page.keyboard.press("ArrowRight");
  assert.match(await focused(), /^2022: Trade grew/);
  await page.keyboard.press("ArrowRight");
  assert.match(await focused(), /^2024-03-11:/);
  await page.keyboard.press("End");
  assert.match(await focused(), /^2024-03-15: The deal was signed/);
  await page.keyboard.press("ArrowLeft");
  assert.match(await focused(), /^2024-03-14: Critics spoke/);
  assert.equal(await chart.locator(".event[tabindex='0']").count(), 1, "still one tab stop");
  await page.keyboard.press("Enter");
  await page.locator(".article-text p.flash").waitFor();
  const active = await page.evaluate(() => ({ tag: document.activeElement.tagName, text: document.activeElement.textContent }));
  assert.equal(active.tag, "P");
  assert.match(active.text, /Critics spoke/);
  // The sentence itself is highlighted (a CSS highlight over its range).
  assert.equal(await page.evaluate(() => CSS.highlights.get("lede-jump")?.values().next().value?.toString()), "Critics spoke on March 14, 2024.");
  await context.close();
});

test("the tone bars: one tab stop, the arrow keys move along the sentences, each shows the words that moved its tone", async () => {
  const { page, context } = await openPage(browser, server.url);
  await analyze(page, "The attack was a brutal disaster for the city. The talks were a great success. It rained on Monday.");
  const bars = page.locator(".tone-arc .bar");
  assert.equal(await bars.count(), 3);
  assert.equal(await page.locator(".tone-arc .bar[tabindex='0']").count(), 1);
  await bars.first().focus();
  const detail = page.locator(".sentence-detail");
  assert.match(await detail.textContent(), /^Sentence 1 of 3: negative/);
  const moved = await detail.locator(".tone-words .tone-word").allTextContents();
  assert.ok(moved.some((w) => /brutal|disaster|attack/.test(w)), moved.join(", "));
  // The words are marked in the sentence too, by sign.
  assert.ok(await detail.locator(".sentence-text .tone-word.neg").count() >= 1);
  await page.keyboard.press("ArrowRight");
  assert.match(await detail.textContent(), /^Sentence 2 of 3: positive.*Moved by: .*(great|success) \+/);
  await detail.locator("button.jump").click();
  await page.locator(".article-text p.flash").waitFor();
  assert.equal(await page.evaluate(() => CSS.highlights.get("lede-jump")?.values().next().value?.toString()), "The talks were a great success.");
  await context.close();
});

test("network labels never overlap, and the most-mentioned name is always labelled", async () => {
  for (const prefix of ["000", "003", "004"]) {
    const { page, context } = await openPage(browser, server.url);
    await analyze(page, await sample(prefix));
    const result = await page.evaluate(() => {
      const nodes = [...document.querySelectorAll(".panel .network-chart .node")];
      const boxes = nodes.filter((n) => n.classList.contains("labelled")).map((n) => n.querySelector("text").getBoundingClientRect());
      const overlaps = [];
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
          const [a, b] = [boxes[i], boxes[j]];
          if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1) overlaps.push([i, j]);
        }
      }
      const weight = (n) => Number(/, (\d+) mention/.exec(n.getAttribute("aria-label"))?.[1] ?? 0);
      const top = [...nodes].sort((a, b) => weight(b) - weight(a))[0];
      return { count: nodes.length, labelled: boxes.length, overlaps, topLabelled: top?.classList.contains("labelled") };
    });
    assert.ok(result.count >= 5, `${prefix}: ${result.count} nodes`);
    assert.deepEqual(result.overlaps, [], `${prefix}: overlapping labels`);
    assert.ok(result.topLabelled, `${prefix}: the most-mentioned is labelled`);
    assert.ok(result.labelled >= 3, `${prefix}: ${result.labelled} labels`);
    // An unlabelled name shows its label on focus.
    const hidden = page.locator(".panel .network-chart .node:not(.labelled)").first();
    if (await hidden.count()) {
      await hidden.focus();
      assert.equal(await hidden.locator("text").evaluate((t) => getComputedStyle(t).visibility), "visible");
    }
    if (prefix === "004") await page.locator(".panel details.section[data-section=network]").screenshot({ path: join(screenshots, "reading-network.png") });
    await context.close();
  }
});

/**
 * Quotes as the engine will give them (speaker, cue, kind), made by hand on the
 * real analysis of a sample: `who` maps the start of a quote's words to a speaker's name.
 */
async function withSpeakers(page, who) {
  return page.evaluate((who) => {
    const [{ name, analysis }] = globalThis.__ledeTest.analyses();
    const doc = analysis.documents[0];
    let attributed = 0;
    doc.quotes = doc.quotes.map((q) => {
      const words = doc.text.slice(q.start, q.end).replace(/^["“]/, "");
      const match = Object.entries(who).find(([start]) => words.startsWith(start));
      const speaker = match ? doc.entities.findIndex((e) => e.name === match[1]) : -1;
      if (speaker < 0) return { ...q, speaker: null, cue: null, kind: "direct" };
      attributed++;
      const after = doc.text.slice(q.end, q.end + 120);
      const cue = /\b(said|told|says)\b/.exec(after);
      return { ...q, speaker, kind: words.length < 70 ? "partial" : "direct", cue: cue ? { start: q.end + cue.index, end: q.end + cue.index + cue[0].length } : null };
    });
    globalThis.__ledeTest.show([{ name, analysis }]);
    return { attributed, analysis };
  }, who);
}

const SPEAKERS_003 = {
  "very important for stabilizing": "Vladimir Putin",
  "The current international situation is indeed critical": "Wang Yi",
};

test("quotes: listed per entity, a Quotes view that jumps to the sentence, reachable by keyboard", async () => {
  const { page, context, errors } = await openPage(browser, server.url);
  await analyze(page, await sample("003"));
  // Today's engine gives bare spans: the view shows them, saying no speaker was found.
  assert.match(await page.textContent("details.section[data-section=quotes] summary"), /Quotes \d+/);
  const { attributed } = await withSpeakers(page, SPEAKERS_003);
  assert.equal(attributed, 2);
  const view = page.locator("details.section[data-section=quotes]");
  await view.evaluate((d) => { d.open = true; });
  const items = await view.locator("li.quote").allTextContents();
  assert.ok(items.some((t) => /^Vladimir Putin.*: very important for stabilizing/.test(t)), items.join("\n"));
  assert.ok(items.some((t) => /^Wang Yi.*: The current international situation/.test(t)), items.join("\n"));
  assert.match(await view.textContent(), /2 of \d+ with a speaker/);
  // Keyboard: Tab from the view's heading goes from quote to quote, in text order; Enter jumps to the sentence.
  await view.locator("summary").focus();
  const order = await view.locator("li.quote button").allTextContents();
  const wangAt = order.findIndex((t) => t.startsWith("Wang Yi"));
  assert.ok(wangAt >= 0);
  for (let i = 0; i <= wangAt; i++) {
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement.textContent), order[i], `Tab ${i + 1}`);
  }
  await page.keyboard.press("Enter");
  await page.locator(".article-text p.flash").waitFor();
  const highlighted = await page.evaluate(() => CSS.highlights.get("lede-jump")?.values().next().value?.toString());
  assert.match(highlighted, /The current international situation is indeed critical/);
  assert.equal(await page.evaluate(() => document.activeElement.tagName), "P");
  // Per entity: Putin's row says how many quotes, and its disclosure lists them.
  const row = page.locator("table.entities tbody tr", { has: page.locator("button.entity-name", { hasText: /^Vladimir Putin$/ }) });
  assert.match(await row.locator(".said").textContent(), /1/);
  await row.locator("button.more").click();
  const detail = page.locator(`#${await row.locator("button.more").getAttribute("aria-controls")}`);
  assert.match(await detail.textContent(), /Said \(1\):.*very important for stabilizing/);
  await detail.locator("li.quote button").click();
  await page.locator(".article-text p.flash", { hasText: "very important for stabilizing" }).waitFor();
  await page.locator(".panel").evaluate((p) => p.scrollTo(0, 0));
  await page.screenshot({ path: join(screenshots, "reading-quotes.png") });
  assert.deepEqual(errors, []);
  await context.close();
});

test("quotes in corpus mode: what each person said across the articles", async () => {
  const { page, context } = await openPage(browser, server.url);
  await analyze(page, await sample("003"));
  const { analysis: first } = await withSpeakers(page, SPEAKERS_003);
  await analyze(page, await sample("001"));
  const { analysis: second } = await withSpeakers(page, {
    "not waiting for anything revolutionary": "Vyacheslav Nikonov",
    "We are deeply interested": "Sergei Karaganov",
  });
  // The same speaker in both: Putin, given a quote of the second article by hand.
  await page.evaluate(({ first, second }) => {
    const doc = second.documents[0];
    const putin = doc.entities.findIndex((e) => e.name === "Vladimir Putin");
    const q = doc.quotes.find((x) => x.speaker === null);
    q.speaker = putin;
    globalThis.__ledeTest.show([{ name: "003.txt", analysis: first }, { name: "001.txt", analysis: second }]);
  }, { first, second });
  const view = page.locator(".corpus details.section[data-section=quotes]");
  assert.equal(await view.getAttribute("open"), "");
  const speakers = await view.locator("ul.speakers > li > details > summary").allTextContents();
  assert.match(speakers[0], /^Vladimir Putin 2 quotes in 2 articles/);
  assert.ok(speakers.some((s) => /^Vyacheslav Nikonov 1 quote in 1 article/.test(s)), speakers.join(" | "));
  // A quote there opens its article and jumps to the sentence.
  const putin = view.locator("ul.speakers > li > details").first();
  await putin.locator("summary").click();
  await putin.locator("li.quote button").nth(1).click();
  await page.locator("article.document .article-text p.flash").waitFor();
  assert.equal(await page.locator("details.document-details[open]").count(), 1);
  await view.screenshot({ path: join(screenshots, "reading-corpus-quotes.png") });
  await context.close();
});

for (const scheme of ["light", "dark"]) {
  test(`axe-core finds no violations in the reading view, every section open (${scheme} mode)`, async () => {
    const { page, context } = await openPage(browser, server.url);
    await page.emulateMedia({ colorScheme: scheme });
    await analyze(page, await sample("003"));
    await withSpeakers(page, SPEAKERS_003);
    await openAll(page);
    await page.locator("button.more").first().click();
    await page.locator(".tone-arc .bar").nth(2).click();
    await page.evaluate(axeSource); // through the debugger protocol: the page's CSP rightly refuses injected scripts
    const violations = await page.evaluate(async () => (await window.axe.run(document)).violations
      .map((v) => `${v.id}: ${v.nodes.length} × ${v.nodes[0]?.target}`));
    await page.screenshot({ path: join(screenshots, `reading-${scheme}.png`) });
    assert.deepEqual(violations, []);
    await context.close();
  });

  test(`axe-core finds no violations in corpus mode (${scheme} mode)`, async () => {
    const { page, context } = await openPage(browser, server.url);
    await page.emulateMedia({ colorScheme: scheme });
    const dir = await mkdtemp(join(tmpdir(), "lede-reading-"));
    const files = [];
    for (const file of sampleFiles) {
      files.push(join(dir, file));
      await writeFile(files.at(-1), await readFile(join(samples, file)));
    }
    await page.setInputFiles("#files", files);
    assert.equal((await waitForResult(page)).kind, "ok");
    await page.locator("button.open-document").first().click();
    await openAll(page);
    await page.evaluate(axeSource);
    const violations = await page.evaluate(async () => (await window.axe.run(document)).violations
      .map((v) => `${v.id}: ${v.nodes.length} × ${v.nodes[0]?.target}`));
    assert.deepEqual(violations, []);
    await context.close();
  });
}
