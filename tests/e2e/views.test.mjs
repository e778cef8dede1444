// End-to-end tests of the analysis views: entity selection, type filters, the
// timeline's jumps, furniture shown and restorable, export, offline use after
// the first visit (service worker), and an axe-core accessibility check.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import { start, openPage, waitForResult, samples, screenshots } from "./harness.mjs";

const require = createRequire(import.meta.url);
const axeSource = await readFile(require.resolve("axe-core/axe.min.js"), "utf8");
const sample001 = await readFile(join(samples, "001_a082ac0ae38a3f32.txt"), "utf8");

let server;
let browser;
let stop;
before(async () => ({ server, browser, stop } = await start()));
after(() => stop?.());

async function analyzed(colorScheme = "light") {
  const opened = await openPage(browser, server.url);
  await opened.page.emulateMedia({ colorScheme });
  await opened.page.fill("#article", sample001);
  await opened.page.click("#analyze");
  const status = await waitForResult(opened.page);
  assert.equal(status.kind, "ok", status.message);
  return opened;
}

test("clicking an entity highlights all its mentions; the legend filters types", async () => {
  const { page, context } = await analyzed();
  const putin = page.locator("button.entity-name", { hasText: "Putin" }).first();
  await putin.click();
  assert.equal(await putin.getAttribute("aria-pressed"), "true");
  const selected = await page.locator("mark.selected").count();
  assert.ok(selected >= 5, `${selected} mentions highlighted`);
  await page.locator(".legend input[data-type=PERSON]").uncheck();
  assert.ok(await page.locator("article.document.hide-PERSON").count() === 1);
  await page.screenshot({ path: join(screenshots, "views-entity-selected.png") });
  await context.close();
});

test("the timeline lists dated events and jumps to their sentence", async () => {
  const { page, context } = await analyzed();
  const items = await page.locator("ol.timeline li").count();
  assert.ok(items >= 3, `${items} events`);
  assert.match(await page.locator("ol.timeline time").first().textContent(), /^\d{4}/);
  await page.locator("button.jump").nth(1).click();
  await page.waitForSelector(".article-text p.flash");
  await context.close();
});

test("a history told in years before Christ reads BC and runs in order", async () => {
  const { page, context } = await openPage(browser, server.url);
  await page.fill("#article", "Athens was rebuilt in 1834. The revolt lasted from 499 to 493 BC. " +
    "In April 480 BC the Persian army marched on Greece. In the 4th century BC the city declined. " +
    "In the 1950s it grew.");
  await page.click("#analyze");
  const status = await waitForResult(page);
  assert.equal(status.kind, "ok", status.message);
  const times = await page.locator("ol.timeline time").allTextContents();
  assert.deepEqual(times, ["499 BC – 493 BC", "480 BC (04)", "4th century BC", "1834", "1950s"]);
  await page.locator("ol.timeline").scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(screenshots, "views-bc-timeline.png"), fullPage: true });
  await context.close();
});

test("removed furniture is listed struck through and can be restored", async () => {
  const { page, context } = await analyzed();
  await page.locator("details.removed summary").click();
  assert.ok((await page.locator("details.removed del").allTextContents()).includes("Accessibility links"));
  await page.evaluate(() => { document.getElementById("status").dataset.kind = ""; });
  await page.locator("button.restore").click();
  await waitForResult(page);
  assert.match(await page.textContent(".article-text"), /Accessibility links/);
  await context.close();
});

test("export gives the analysis as JSON and the entities as CSV", async () => {
  const { page, context } = await analyzed();
  const [json] = await Promise.all([page.waitForEvent("download"), page.click("#export-json")]);
  const analysis = JSON.parse(await readFile(await json.path(), "utf8"));
  assert.equal(analysis[0].schema, "lede/1");
  const [csv] = await Promise.all([page.waitForEvent("download"), page.click("#export-csv")]);
  const rows = (await readFile(await csv.path(), "utf8")).trim().split("\r\n");
  assert.equal(rows[0], '"document","name","type","aliases","mentions","salience","tone","tone_label"');
  assert.ok(rows.length > 5);
  await context.close();
});

test("after the first visit the page works offline", async () => {
  const { page, context, requests } = await openPage(browser, server.url);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  await page.evaluate(() => navigator.serviceWorker.ready);
  await context.setOffline(true);
  await page.reload();
  await page.fill("#article", "Vladimir Putin met Xi Jinping in Moscow on Monday. They signed a deal.");
  await page.click("#analyze");
  const status = await waitForResult(page);
  assert.equal(status.kind, "ok", status.message);
  for (const url of requests) assert.ok(url.startsWith(server.url), `stray request ${url}`);
  await context.close();
});

for (const scheme of ["light", "dark"]) {
  test(`axe-core finds no accessibility violations (${scheme} mode)`, async () => {
    const { page, context } = await analyzed(scheme);
    await page.evaluate(axeSource); // through the debugger protocol: the page's CSP rightly refuses injected scripts
    const violations = await page.evaluate(async () => (await window.axe.run(document)).violations
      .map((v) => `${v.id}: ${v.nodes.length} × ${v.nodes[0]?.target}`));
    await page.screenshot({ path: join(screenshots, `views-${scheme}.png`) });
    assert.deepEqual(violations, []);
    await context.close();
  });
}

test("changing the article date re-analyzes against it", async () => {
  const { page, context } = await analyzed();
  assert.match(await page.textContent("#results .facts"), /Published 2002-11-29 \(from the dateline\)/);
  await page.evaluate(() => { document.getElementById("status").dataset.kind = ""; });
  await page.fill("#published", "2003-02-01");
  await page.dispatchEvent("#published", "change");
  const status = await waitForResult(page);
  assert.equal(status.kind, "ok", status.message);
  assert.match(await page.textContent("#results .facts"), /Published 2003-02-01 \(as given\)/);
  await context.close();
});
