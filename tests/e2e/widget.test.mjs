// End-to-end tests of the <lede-analysis> widget: the demo blog post under a strict
// Content-Security-Policy, a host page with hostile CSS, the bundled copy in
// dist/widget/, inert markup, clear errors, no globals and no stray requests.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import { start, openPage, screenshots, root } from "./harness.mjs";

const axeSource = await readFile(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

let server;
let browser;
let stop;
before(async () => ({ server, browser, stop } = await start(root)));
after(() => stop?.());

/** Records CSP violations and the window's own property names before any script runs. */
async function watch(page) {
  await page.addInitScript(() => {
    window.__lede_csp = [];
    window.__lede_keys = Object.getOwnPropertyNames(window);
    document.addEventListener("securitypolicyviolation", (e) => window.__lede_csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
}

async function widgetResult(page, selector = "lede-analysis") {
  await page.waitForFunction((s) => {
    const kind = document.querySelector(s)?.shadowRoot?.querySelector(".widget-status")?.dataset.kind;
    return kind === "ok" || kind === "error";
  }, selector, { timeout: 30000 });
  return page.evaluate((s) => {
    const status = document.querySelector(s).shadowRoot.querySelector(".widget-status");
    return { kind: status.dataset.kind, message: status.textContent };
  }, selector);
}

/** A page at `path` on the test server with the given body, served by the browser's router. */
async function hostPage(page, path, html) {
  await page.route(`${server.url}${path}`, (route) => route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: html }));
}

test("the demo blog post: the widget summarizes the post, expands, and breaks no rule of a strict CSP", async () => {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  const page = await context.newPage();
  await watch(page);
  const requests = [];
  const errors = [];
  page.on("request", (r) => requests.push(r.url()));
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(`${server.url}www/demo.html`);
  const status = await widgetResult(page);
  assert.equal(status.kind, "ok", status.message);
  const widget = page.locator("lede-analysis");
  const names = await widget.locator(".widget-entities li .widget-name").allTextContents();
  assert.ok(names.some((n) => /Rotterdam/.test(n)), `names: ${names}`);
  await page.screenshot({ path: join(screenshots, "widget-demo.png"), fullPage: true });
  const toggle = widget.locator(".widget-toggle");
  await toggle.click();
  assert.equal(await toggle.getAttribute("aria-expanded"), "true");
  assert.ok(await widget.locator("article.document mark.mention").count() >= 5);
  // The widget's views work inside the shadow root: select an entity, jump from the timeline.
  await widget.locator("button.entity-name").first().click();
  assert.ok(await widget.locator("mark.selected").count() >= 1);
  await widget.locator(".timeline-chart .event").first().click();
  await widget.locator(".article-text p.flash").first().waitFor();
  await page.screenshot({ path: join(screenshots, "widget-demo-open.png"), fullPage: true });
  assert.deepEqual(await page.evaluate(() => window.__lede_csp), []);
  const added = await page.evaluate(() => Object.getOwnPropertyNames(window).filter((k) => !window.__lede_keys.includes(k) && !k.startsWith("__lede")));
  assert.deepEqual(added, [], "the widget defines no globals");
  assert.deepEqual(requests.filter((u) => !u.startsWith(server.url)), []);
  assert.deepEqual(errors, []);
  // Accessible inside its shadow root too (axe-core reads open shadow roots); checked
  // last, as injecting axe adds a global and inline styles of its own.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => (await window.axe.run(document.querySelector("lede-analysis"))).violations
    .map((v) => `${v.id}: ${v.nodes.length} × ${v.nodes[0]?.target}`));
  assert.deepEqual(violations, []);
  await context.close();
});

const HOSTILE = `<!doctype html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'none'">
<style>
* { color: red !important; font-size: 31px !important; letter-spacing: 4px !important; background: yellow !important; }
div, p, ul, li, button, table, mark, span { display: none !important; visibility: hidden !important; }
lede-analysis { --bg: red; --fg: red; --accent: red; font-family: "Comic Sans MS" !important; line-height: 9 !important; }
:root { --person: red; --misc: red; }
</style>
<script type="module" src="/www/widget.js"></script></head>
<body><h1>Hostile host</h1><section id="story">Prime Minister Jacinda Ardern visited Tokyo on Monday. She met Fumio Kishida, who praised New Zealand.</section>
<lede-analysis for="story"></lede-analysis>
<table class="entities" id="host-table"><tr><td>host table</td></tr></table>
<mark class="mention type-PERSON" id="host-mark">host mark</mark>
</body></html>`;

test("host CSS cannot break the widget, and the widget's CSS does not leak into the host", async () => {
  const { page, context, errors } = await openPage(browser, "about:blank");
  await hostPage(page, "hostile.html", HOSTILE);
  await page.goto(`${server.url}hostile.html`);
  const status = await widgetResult(page);
  assert.equal(status.kind, "ok", status.message);
  const widget = page.locator("lede-analysis");
  const summary = widget.locator(".widget-summary");
  assert.ok(await summary.isVisible(), "the summary is visible despite `display: none !important` on the host page");
  const look = await page.evaluate(() => {
    const shadow = document.querySelector("lede-analysis").shadowRoot;
    const name = shadow.querySelector(".widget-name");
    const style = getComputedStyle(name);
    return { color: style.color, size: style.fontSize, spacing: style.letterSpacing, text: name.textContent };
  });
  assert.notEqual(look.color, "rgb(255, 0, 0)");
  assert.notEqual(look.size, "31px");
  assert.equal(look.spacing, "normal");
  assert.match(look.text, /Ardern|Kishida|Tokyo/);
  // Nothing of the widget's style sheet reaches the host's own elements of the same names.
  const host = await page.evaluate(() => ({
    table: getComputedStyle(document.getElementById("host-table")).borderCollapse,
    mark: getComputedStyle(document.getElementById("host-mark")).borderRadius,
  }));
  assert.equal(host.table, "separate");
  assert.equal(host.mark, "0px");
  await page.screenshot({ path: join(screenshots, "widget-hostile-css.png"), fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

test("the bundled widget in dist/widget works from its own folder", async () => {
  const { page, context, errors } = await openPage(browser, "about:blank");
  await hostPage(page, "dist/widget/host.html", `<!doctype html><html><head><meta charset="utf-8">
<script type="module" src="lede-widget.js"></script></head><body>
<lede-analysis text="Angela Merkel met Emmanuel Macron in Berlin on 3 May 2019. They praised the agreement." published="2019-05-04"></lede-analysis></body></html>`);
  await page.goto(`${server.url}dist/widget/host.html`);
  const status = await widgetResult(page);
  assert.equal(status.kind, "ok", status.message);
  const names = await page.locator("lede-analysis .widget-name").allTextContents();
  assert.ok(names.includes("Angela Merkel"), `names: ${names}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test("the widget shows markup in its text as text, and says clearly what is wrong", async () => {
  const { page, context, errors } = await openPage(browser, "about:blank");
  await hostPage(page, "www/host.html", `<!doctype html><html><head><meta charset="utf-8">
<script type="module" src="widget.js"></script></head><body>
<lede-analysis id="xss" text="&lt;img src=x onerror=&quot;window.pwned=1&quot;&gt; Boris Johnson said &lt;script&gt;window.pwned=2&lt;/script&gt; no. &lt;svg onload=&quot;window.pwned=3&quot;&gt;"></lede-analysis>
<lede-analysis id="missing" for="no-such-element"></lede-analysis>
<lede-analysis id="empty" text="   "></lede-analysis></body></html>`);
  await page.goto(`${server.url}www/host.html`);
  const xss = await widgetResult(page, "#xss");
  assert.equal(xss.kind, "ok", xss.message);
  await page.locator("#xss .widget-toggle").click();
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  assert.equal(await page.locator("#xss img, #xss script, #xss svg image").count(), 0);
  const missing = await widgetResult(page, "#missing");
  assert.equal(missing.kind, "error");
  assert.match(missing.message, /no element with id “no-such-element”/);
  const empty = await widgetResult(page, "#empty");
  assert.equal(empty.kind, "error");
  assert.match(empty.message, /no text to analyze/);
  assert.deepEqual(errors, []);
  await context.close();
});
