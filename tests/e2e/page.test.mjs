// End-to-end tests of the page in headless Chromium: paste each sample, drop
// files, bad input, keyboard use, no stray requests, the single-file build from file://.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readdir, readFile, writeFile, mkdtemp } from "node:fs/promises";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { pathToFileURL } from "node:url";
import { start, openPage, waitForResult, samples, screenshots, root } from "./harness.mjs";

let server;
let browser;
let stop;
before(async () => ({ server, browser, stop } = await start()));
after(() => stop?.());

async function pasteAndAnalyze(page, text) {
  // Reset the status so a previous result is not mistaken for this one.
  await page.evaluate(() => { document.getElementById("status").dataset.kind = ""; });
  await page.fill("#article", text);
  await page.click("#analyze");
  return waitForResult(page);
}

const sampleFiles = (await readdir(samples)).filter((f) => f.endsWith(".txt")).sort();

test("there are samples to test with", () => {
  assert.ok(sampleFiles.length >= 5, `samples in ${samples}`);
});

for (const file of sampleFiles) {
  test(`pasting sample ${file} shows its analysis`, async () => {
    const text = await readFile(join(samples, file), "utf8");
    const { page, context, requests, errors } = await openPage(browser, server.url);
    const status = await pasteAndAnalyze(page, text);
    assert.equal(status.kind, "ok", status.message);
    assert.match(status.message, /Analyzed \d+ documents? in \d+ ms/);
    const shown = await page.evaluate(() => ({
      documents: document.querySelectorAll("#results article.document").length,
      paragraphs: document.querySelectorAll("#results .article-text p").length,
      text: document.querySelector("#results .article-text")?.textContent ?? "",
      facts: document.querySelector("#results .facts")?.textContent ?? "",
    }));
    assert.ok(shown.documents >= 1);
    assert.ok(shown.paragraphs >= 5, `paragraphs shown: ${shown.paragraphs}`);
    assert.match(shown.facts, /\d+ words · \d+ sentences · \d+ paragraphs/);
    // The article's own words are on the page: those of its longest paragraph.
    const longest = text.split("\n").sort((a, b) => b.length - a.length)[0];
    const someWords = longest.split(/\s+/).filter((w) => /^[A-Za-z]{6,}$/.test(w)).slice(0, 5);
    for (const word of someWords) assert.ok(shown.text.includes(word), `${word} shown`);
    await page.screenshot({ path: join(screenshots, `sample-${file.replace(".txt", "")}.png`), fullPage: false });
    assert.deepEqual(errors, []);
    // Nothing leaves the machine: every request goes to the page's own origin.
    for (const url of requests) assert.ok(url.startsWith(server.url), `stray request ${url}`);
    await context.close();
  });
}

test("empty input gets a clear message, not a result", async () => {
  const { page, context } = await openPage(browser, server.url);
  await page.fill("#article", "   \n  ");
  await page.click("#analyze");
  const status = await waitForResult(page);
  assert.equal(status.kind, "error");
  assert.match(status.message, /Nothing to analyze/);
  assert.equal(await page.isHidden("#results"), true);
  await context.close();
});

test("Ctrl+Enter analyzes from the keyboard and the result is announced", async () => {
  const { page, context } = await openPage(browser, server.url);
  await page.focus("#article");
  await page.keyboard.type("Vladimir Putin met Hu Jintao in Moscow. They talked.");
  await page.keyboard.press("Control+Enter");
  const status = await waitForResult(page);
  assert.equal(status.kind, "ok", status.message);
  assert.equal(await page.getAttribute("#status", "aria-live"), "polite");
  await context.close();
});

test("dropped files: text and HTML analyzed, binary refused with a reason", async () => {
  const { page, context } = await openPage(browser, server.url);
  const dir = await mkdtemp(join(tmpdir(), "lede-e2e-"));
  const txt = join(dir, "story.txt");
  const html = join(dir, "page.html");
  const bin = join(dir, "photo.png");
  await writeFile(txt, "Moscow and Beijing signed a deal on Friday. Trade grew.");
  await writeFile(html, "<html><head><title>T</title></head><body><p>Hu Jintao visited Moscow.</p><p>He met Putin.</p></body></html>");
  await writeFile(bin, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
  await page.setInputFiles("#files", [txt, html]);
  const status = await waitForResult(page);
  assert.equal(status.kind, "ok", status.message);
  assert.equal(await page.locator("#results details.document-details").count(), 2);
  await page.locator("#results button.open-document").nth(1).click();
  assert.equal(await page.locator("#results article.document").count(), 1);
  await page.evaluate(() => { document.getElementById("status").dataset.kind = ""; });
  await page.setInputFiles("#files", [bin]);
  const refused = await waitForResult(page);
  assert.equal(refused.kind, "error");
  assert.match(refused.message, /photo\.png is not a text or HTML file/);
  await context.close();
});

test("a dropped page in windows-1252 is read in the encoding it declares", async () => {
  const { page, context } = await openPage(browser, server.url);
  const dir = await mkdtemp(join(tmpdir(), "lede-e2e-"));
  const html = join(dir, "latin.html");
  // "Café Müller" in windows-1252: é = 0xE9, ü = 0xFC (invalid as UTF-8).
  await writeFile(html, Buffer.concat([
    Buffer.from('<html><head><meta charset="windows-1252"><title>T</title></head><body><p>President Macron met staff at the Caf'),
    Buffer.from([0xe9]),
    Buffer.from(" M"),
    Buffer.from([0xfc]),
    Buffer.from("ller in Paris on Monday, officials said.</p><p>The visit was brief.</p></body></html>"),
  ]));
  await page.setInputFiles("#files", [html]);
  const status = await waitForResult(page);
  assert.equal(status.kind, "ok", status.message);
  const text = await page.textContent("#results");
  assert.match(text, /Café Müller/);
  assert.doesNotMatch(text, /\uFFFD/);
  await context.close();
});

test("article text is shown as text: markup in the input never executes", async () => {
  const { page, context, errors } = await openPage(browser, server.url);
  const hostile = 'Alert <img src=x onerror="window.pwned=1"> and <script>window.pwned=2</script> here. Second sentence.';
  const status = await pasteAndAnalyze(page, hostile);
  assert.equal(status.kind, "ok", status.message);
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  assert.equal(await page.locator("#results img, #results script").count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test("the single-file build works from file:// with no requests", async () => {
  const file = pathToFileURL(join(root, "dist", "lede.html")).href;
  const { page, context, requests, errors } = await openPage(browser, file);
  const status = await pasteAndAnalyze(page, "Xi Jinping arrived in Moscow on Monday. He met Putin. 😀 Zoë said “yes”.");
  assert.equal(status.kind, "ok", status.message);
  assert.match(await page.textContent("#results .facts"), /3 sentences/);
  await page.screenshot({ path: join(screenshots, "single-file.png") });
  assert.deepEqual(requests.filter((u) => !u.startsWith("file:") && !u.startsWith("blob:") && !u.startsWith("data:")), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a phone-sized screen shows the page without horizontal scrolling", async () => {
  const { page, context } = await openPage(browser, server.url, { width: 390, height: 844 });
  await pasteAndAnalyze(page, "President Vladimir Putin told the leaders of China and Japan on Saturday that policy would not change.");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 1, `horizontal overflow ${overflow}px`);
  await page.screenshot({ path: join(screenshots, "phone.png"), fullPage: true });
  await context.close();
});

test("the engine becoming ready never hides the answer to what the user did", async () => {
  // Analyze before the worker has loaded: the result must stay on screen.
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.route("**/pkg/lede_bg.wasm", async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.continue();
  });
  await page.goto(server.url);
  await page.fill("#article", "  ");
  await page.click("#analyze");
  await page.waitForTimeout(2500);
  const status = await page.evaluate(() => document.getElementById("status").dataset.kind);
  assert.equal(status, "error");
  assert.match(await page.textContent("#status"), /Nothing to analyze/);
  await context.close();
});

test("a 10 MB paste: progress shown, the page answers while it runs, it can be cancelled, and it finishes", async () => {
  // Ten megabytes of distinct paragraphs made from the samples.
  const texts = await Promise.all(sampleFiles.map((f) => readFile(join(samples, f), "utf8")));
  const paragraphs = texts.flatMap((t) => t.split(/\n\s*\n/)).filter((p) => p.trim().split(/\s+/).length > 12);
  let big = "";
  for (let k = 0; big.length < 10_000_000; k++) big += `${paragraphs[k % paragraphs.length]} (Paragraph ${k}.)\n\n`;
  const { page, context, errors } = await openPage(browser, server.url);
  await page.waitForFunction(() => /Ready/.test(document.getElementById("status").textContent));
  await page.evaluate((t) => { document.getElementById("article").value = t; }, big);
  await page.click("#analyze");
  assert.ok(await page.locator("#progress").isVisible(), "progress is shown");
  assert.match(await page.textContent("#status"), /Analyzing \d+ thousand characters/);
  // The main thread is free while the worker works: a click is handled at once.
  const started = Date.now();
  await page.click("#cancel", { timeout: 2000 });
  assert.equal(await page.textContent("#status"), "Cancelled.");
  assert.ok(Date.now() - started < 2000, `cancel took ${Date.now() - started} ms`);
  assert.ok(await page.locator("#progress").isHidden());
  // And run to the end.
  await page.click("#analyze");
  await page.waitForFunction(() => document.getElementById("status").dataset.kind === "ok", null, { timeout: 120000 });
  assert.match(await page.textContent("#status"), /Analyzed \d+ documents?/);
  assert.ok(await page.locator("#results").isVisible());
  assert.deepEqual(errors, []);
  await context.close();
});

test("when the analysis worker dies it is restarted, the page says what happened, and the next analysis works", async () => {
  const { page, context } = await openPage(browser, server.url);
  await page.waitForFunction(() => /Ready/.test(document.getElementById("status").textContent));
  const sample = await readFile(join(samples, sampleFiles[0]), "utf8");
  // "abort": a real Rust panic in the engine, which traps the wasm module (as running
  // out of memory does); "throw": an uncaught error in the worker.
  for (const how of ["abort", "throw"]) {
    const refused = await page.evaluate((h) => globalThis.__ledeTest.crash(h), how);
    assert.match(String(refused), /analysis engine stopped .* and was restarted/, how);
    const status = await page.textContent("#status");
    assert.match(status, /^The analysis engine stopped \(.+\) and was restarted/, `${how}: ${status}`);
    assert.equal(await page.evaluate(() => document.getElementById("status").dataset.kind), "error");
    // a fresh worker answers the next request
    const result = await pasteAndAnalyze(page, sample);
    assert.equal(result.kind, "ok", `${how}: ${result.message}`);
    assert.ok(await page.locator("#results").isVisible());
  }
  await context.close();
});

test("a pathological paste (a number table, a name list without a full stop) is analyzed within bounds", async () => {
  const { page, context, errors } = await openPage(browser, server.url);
  await page.waitForFunction(() => /Ready/.test(document.getElementById("status").textContent));
  const numbers = Array.from({ length: 20000 }, (_, i) => String((i * 7919) % 99991)).join(" ");
  const names = "The dead were " + Array.from({ length: 7000 }, (_, i) => `Maria Garcia${i}`).join(", ") + ".";
  for (const text of [numbers, names]) {
    const started = Date.now();
    const result = await pasteAndAnalyze(page, text);
    assert.equal(result.kind, "ok", result.message);
    assert.ok(Date.now() - started < 20000, `took ${Date.now() - started} ms`);
    // the limits reached are shown, and the entity table lists the most salient only
    assert.match(await page.textContent("p.limits"), /Limits reached: .*cut into sentences/);
    assert.match(await page.textContent("table.entities caption"), /the 500 most salient of \d+/);
    assert.equal(await page.locator("table.entities tbody tr").count(), 500);
  }
  assert.deepEqual(errors, []);
  await context.close();
});
