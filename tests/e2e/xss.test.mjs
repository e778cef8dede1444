// Nothing from the input ever executes: an XSS corpus (script tags, event attributes,
// javascript: URLs, SVG and MathML tricks, CSS and meta tricks, template injection)
// goes through pasted text, pasted HTML, a fetched URL and the widget, under the
// page's strict CSP. Every payload must render inert: no script runs, no request
// leaves, no element of the payload's kind appears in what Lede draws.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, openPage, waitForResult, root } from "./harness.mjs";

export const PAYLOADS = [
  "<script>window.pwned='script'</script>",
  "<img src=x onerror=\"window.pwned='img'\">",
  "<svg onload=\"window.pwned='svg'\"><script>window.pwned='svg-script'</script></svg>",
  "<a href=\"javascript:window.pwned='href'\">Click here</a>",
  "<iframe src=\"javascript:window.pwned='iframe'\"></iframe>",
  "<iframe srcdoc=\"<script>parent.pwned='srcdoc'</script>\"></iframe>",
  "<math><mtext><table><mglyph><style><img src=x onerror=\"window.pwned='mxss'\">",
  "<style>@import 'http://evil.invalid/a.css'; body { background: url(http://evil.invalid/b.png) }</style>",
  "<div style=\"background:url(http://evil.invalid/c.png)\">styled</div>",
  "<object data=\"javascript:window.pwned='object'\"></object><embed src=\"http://evil.invalid/d.swf\">",
  "<meta http-equiv=\"refresh\" content=\"0;url=javascript:window.pwned='meta'\">",
  "<base href=\"http://evil.invalid/\"><link rel=stylesheet href=\"http://evil.invalid/e.css\">",
  "\"><img src=x onerror=\"window.pwned='attr'\">",
  "</textarea><script>window.pwned='textarea'</script>",
  "<form action=\"javascript:window.pwned='form'\"><button>go</button></form>",
  "<details open ontoggle=\"window.pwned='details'\">x</details>",
  "<img src=\"http://evil.invalid/track.gif\">",
  "{{constructor.constructor('window.pwned=1')()}} ${alert(1)} javascript:alert(1)",
  "<video><source onerror=\"window.pwned='video'\"></video><audio src=x onerror=\"window.pwned='audio'\">",
  "<x contenteditable onfocus=\"window.pwned='focus'\" autofocus>",
];

const ARTICLE = (payload) => `Officials in Geneva said on Monday that talks with Iran would resume. ${payload} The United Nations welcomed the news.`;

const HTML_PAGE = (payload) => `<!doctype html><html><head><title>Talks ${payload}</title>
<meta property="og:title" content="${payload.replaceAll('"', "&quot;")}">
<script type="application/ld+json">{"@type":"NewsArticle","headline":${JSON.stringify(payload)},"author":{"name":${JSON.stringify(payload)}}}</script>
</head><body><article><h1>Talks resume ${payload}</h1><p>${ARTICLE(payload)}</p><p>By ${payload} Reuters</p></article></body></html>`;

let server;
let browser;
let stop;
before(async () => ({ server, browser, stop } = await start(root)));
after(() => stop?.());

async function inert(page, requests, errors, where) {
  assert.equal(await page.evaluate(() => window.pwned), undefined, `${where}: a payload ran`);
  assert.deepEqual(requests.filter((u) => u.includes("evil.invalid")), [], `${where}: a payload made a request`);
  const drawn = await page.evaluate(() => {
    const roots = [document.getElementById("results"), ...[...document.querySelectorAll("lede-analysis")].map((w) => w.shadowRoot)].filter(Boolean);
    return roots.flatMap((r) => [...r.querySelectorAll("script, img, iframe, object, embed, style, meta, base, form, video, audio, math, svg a, svg image, [onerror], [onload], [style]:not(.bar), [contenteditable]")])
      .map((e) => e.outerHTML.slice(0, 80));
  });
  assert.deepEqual(drawn, [], `${where}: elements from the payload were drawn`);
  assert.deepEqual(errors, [], `${where}: page errors`);
}

test("XSS corpus as pasted text and as pasted HTML: shown as text, never run", async () => {
  const { page, context, requests, errors } = await openPage(browser, `${server.url}www/`);
  page.on("dialog", (d) => { errors.push(`dialog ${d.message()}`); d.dismiss(); });
  for (const [i, payload] of PAYLOADS.entries()) {
    for (const [kind, text] of [["text", ARTICLE(payload)], ["html", HTML_PAGE(payload)]]) {
      await page.evaluate(() => { document.getElementById("status").dataset.kind = ""; });
      await page.fill("#article", text);
      await page.click("#analyze");
      const status = await waitForResult(page);
      assert.equal(status.kind, "ok", `${kind} ${i}: ${status.message}`);
      // Open the disclosures and press every button of the result, as a curious reader would.
      await page.evaluate(() => { for (const d of document.querySelectorAll("#results details")) d.open = true; });
      for (const button of await page.locator("#results button.entity-name").all()) await button.click();
      await inert(page, requests, errors, `${kind} payload ${i}`);
    }
  }
  // The text input kept the payload's characters as text the reader can see.
  await page.fill("#article", ARTICLE(PAYLOADS[0]));
  await page.click("#analyze");
  await waitForResult(page);
  assert.match(await page.textContent("#results .article-text"), /<script>window\.pwned='script'<\/script>/);
  await context.close();
});

test("XSS corpus through a fetched URL and through the widget (text, element and src)", async () => {
  const { page, context, requests, errors } = await openPage(browser, `${server.url}www/`, undefined, { serviceWorkers: "block" });
  page.on("dialog", (d) => { errors.push(`dialog ${d.message()}`); d.dismiss(); });
  for (const [i, payload] of PAYLOADS.entries()) {
    await page.route(`${server.url}www/evil-${i}.html`, (route) => route.fulfill({ contentType: "text/html", body: HTML_PAGE(payload) }));
    await page.evaluate(() => { document.getElementById("status").dataset.kind = ""; });
    await page.fill("#url", `evil-${i}.html`);
    await page.click("#fetch");
    const status = await waitForResult(page);
    assert.equal(status.kind, "ok", `url ${i}: ${status.message}`);
    await inert(page, requests, errors, `fetched payload ${i}`);
  }
  const escaped = (s) => s.replaceAll("&", "&amp;").replaceAll('"', "&quot;").replaceAll("<", "&lt;");
  const host = `<!doctype html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'">
<script type="module" src="widget.js"></script></head><body>
${PAYLOADS.map((p, i) => `<div id="post-${i}">${escaped(ARTICLE(p))}</div>
<lede-analysis for="post-${i}"></lede-analysis>
<lede-analysis text="${escaped(ARTICLE(p))}"></lede-analysis>
<lede-analysis src="evil-${i}.html"></lede-analysis>`).join("\n")}
</body></html>`;
  await page.route(`${server.url}www/xss-host.html`, (route) => route.fulfill({ contentType: "text/html", body: host }));
  await page.goto(`${server.url}www/xss-host.html`);
  await page.waitForFunction((n) => [...document.querySelectorAll("lede-analysis")]
    .filter((w) => /ok|error/.test(w.shadowRoot?.querySelector(".widget-status")?.dataset.kind ?? "")).length === n, PAYLOADS.length * 3, { timeout: 60000 });
  const failed = await page.evaluate(() => [...document.querySelectorAll("lede-analysis")]
    .map((w) => w.shadowRoot.querySelector(".widget-status")).filter((s) => s.dataset.kind !== "ok").map((s) => s.textContent));
  assert.deepEqual(failed, []);
  await page.evaluate(() => { for (const w of document.querySelectorAll("lede-analysis")) w.shadowRoot.querySelector(".widget-toggle").click(); });
  await inert(page, requests, errors, "widgets");
  await context.close();
});
