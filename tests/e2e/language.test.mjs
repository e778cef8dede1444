// End-to-end tests of what the page says about language: German and Chinese pasted
// get a plain notice and no names or tone; an article mixing English and German
// gets names in its English part only and its German part marked; corpus mode
// shows each article's language; the widget says the same; axe-core stays clean.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile, writeFile, mkdtemp } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { start, openPage, waitForResult, screenshots, root } from "./harness.mjs";

const axeSource = await readFile(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

let server;
let browser;
let stop;
before(async () => ({ server, browser, stop } = await start(root)));
after(() => stop?.());

const GERMAN = "Bundeskanzler Olaf Scholz traf am Montag in Berlin den französischen Präsidenten Emmanuel Macron. "
  + "Die Europäische Union berät über neue Sanktionen gegen Russland, die am 2022-02-04 beschlossen werden sollen.";
const CHINESE = "中国国家主席习近平2022年2月4日在北京会见俄罗斯总统普京。双方讨论了双边关系和国际问题，并签署了联合声明。";
const ENGLISH = "President Vladimir Putin met Chinese leader Xi Jinping in Beijing on Friday, and the two said that their partnership had no limits. "
  + "Officials in Washington said the sanctions would be announced next week.";

async function paste(page, text) {
  await page.evaluate(() => { document.getElementById("status").dataset.kind = ""; });
  await page.fill("#article", text);
  await page.click("#analyze");
  return waitForResult(page);
}

/** What the page shows of one analyzed document. */
function shown(page) {
  return page.evaluate(() => ({
    notice: document.querySelector("#results .language-notice")?.textContent ?? "",
    facts: document.querySelector("#results .facts")?.textContent ?? "",
    names: [...document.querySelectorAll("#results mark.mention")].filter((m) => !/type-(CARDINAL|ORDINAL|MONEY|PERCENT|QUANTITY)/.test(m.className)).map((m) => m.textContent),
    rows: document.querySelectorAll("#results table.entities:not(.articles) tbody tr").length,
    empty: document.querySelector("#results .panel .empty")?.textContent ?? "",
    other: [...document.querySelectorAll("#results .article-text p.other-language")].map((p) => p.getAttribute("lang")),
  }));
}

for (const [label, text, name, code] of [["German", GERMAN, "German", "de"], ["Chinese", CHINESE, "Chinese", "zh"]]) {
  test(`pasting ${label}: the page says it plainly and shows no names or tone`, async () => {
    const { page, context, errors } = await openPage(browser, `${server.url}www/`);
    const status = await paste(page, text);
    assert.equal(status.kind, "ok", status.message);
    const view = await shown(page);
    assert.equal(view.notice, `This article looks like ${name}. Lede reads English; names, tone and dates in words are not analyzed. Numbers and dates in figures are.`);
    assert.deepEqual(view.names, [], "no names highlighted");
    assert.match(view.facts, new RegExp(`in ${name} \\(from the text\\)`));
    assert.match(view.facts, /tone not analyzed/);
    assert.equal(view.empty, `Names are not analyzed in ${name}.`);
    assert.ok(view.other.length >= 1 && view.other.every((l) => l === code), `paragraphs marked ${view.other}`);
    await page.screenshot({ path: join(screenshots, `language-${code}.png`), fullPage: true });
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test("an article mixing English and German: names in the English part only, the German part marked", async () => {
  const { page, context, errors } = await openPage(browser, `${server.url}www/`);
  const status = await paste(page, `${ENGLISH}\n\n${GERMAN}`);
  assert.equal(status.kind, "ok", status.message);
  const view = await shown(page);
  assert.match(view.notice, /^Parts of this article look like German\. Lede reads English; names, tone and dates in words are analyzed in the English parts only/);
  assert.deepEqual(view.other, ["de"]);
  assert.ok(view.names.includes("Vladimir Putin"), `names: ${view.names}`);
  for (const german of ["Olaf Scholz", "Montag", "Europäische Union", "Sanktionen"]) assert.ok(!view.names.includes(german), `${german} is not a name here`);
  assert.match(view.facts, /in English and German/);
  await page.screenshot({ path: join(screenshots, "language-mixed.png"), fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

test("corpus mode shows each article's language", async () => {
  const dir = await mkdtemp(join(tmpdir(), "lede-language-"));
  const files = [["english.txt", ENGLISH], ["german.txt", GERMAN], ["chinese.txt", CHINESE]].map(([f, t]) => [join(dir, f), t]);
  for (const [f, t] of files) await writeFile(f, t);
  const { page, context } = await openPage(browser, `${server.url}www/`);
  await page.setInputFiles("#files", files.map(([f]) => f));
  const status = await waitForResult(page);
  assert.equal(status.kind, "ok", status.message);
  const languages = await page.locator(".corpus table.articles tbody tr td:nth-child(3)").allTextContents();
  assert.deepEqual(languages.sort(), ["Chinese (not read in full)", "English", "German (not read in full)"]);
  await context.close();
});

test("axe-core finds no accessibility violations with the language notice", async () => {
  for (const scheme of ["light", "dark"]) {
    const { page, context } = await openPage(browser, `${server.url}www/`, undefined, { colorScheme: scheme });
    await paste(page, `${ENGLISH}\n\n${GERMAN}`);
    await page.evaluate(axeSource);
    const violations = await page.evaluate(async () => (await window.axe.run(document)).violations
      .map((v) => `${v.id}: ${v.nodes.length} × ${v.nodes[0]?.target}`));
    assert.deepEqual(violations, [], scheme);
    await context.close();
  }
});

test("the widget says the same, and exposes the language", async () => {
  const { page, context, errors } = await openPage(browser, `${server.url}www/demo.html`);
  await page.route(`${server.url}www/german.html`, (route) => route.fulfill({
    status: 200, contentType: "text/html; charset=utf-8",
    body: `<!doctype html><html lang="en"><head><title>Widget</title></head><body><p id="story">${GERMAN}</p>
<script type="module" src="widget.js"></script><lede-analysis for="story"></lede-analysis></body></html>`,
  }));
  await page.goto(`${server.url}www/german.html`);
  await page.waitForFunction(() => {
    const kind = document.querySelector("lede-analysis")?.shadowRoot?.querySelector(".widget-status")?.dataset.kind;
    return kind === "ok" || kind === "error";
  }, null, { timeout: 30000 });
  const widget = await page.evaluate(() => {
    const element = document.querySelector("lede-analysis");
    const shadow = element.shadowRoot;
    return {
      status: shadow.querySelector(".widget-status").textContent,
      notice: shadow.querySelector(".widget-summary .language-notice")?.textContent ?? "",
      facts: shadow.querySelector(".widget-facts")?.textContent ?? "",
      names: shadow.querySelectorAll(".widget-entities li").length,
      language: element.language,
    };
  });
  assert.match(widget.status, /Analyzed/);
  assert.match(widget.notice, /^This article looks like German\. Lede reads English/);
  assert.match(widget.facts, /^In German · Tone not analyzed/);
  assert.equal(widget.names, 0);
  assert.equal(widget.language.code, "de");
  assert.equal(widget.language.source, "text");
  assert.equal(widget.language.stages.sentiment, "none");
  await page.screenshot({ path: join(screenshots, "language-widget.png"), fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});
