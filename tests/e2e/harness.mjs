// Shared by the end-to-end tests: a static server for www/ on 127.0.0.1, Debian's
// Chromium driven by playwright-core, and a record of every request the page makes.
import { createServer } from "node:http";
import { readFile, mkdir } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

export const root = fileURLToPath(new URL("../../", import.meta.url));
export const www = join(root, "www");
export const samples = join(root, "tests", "fixtures", "samples");
export const screenshots = join(root, "tests", "e2e", "screenshots");

const TYPES = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".mjs": "text/javascript",
  ".css": "text/css", ".wasm": "application/wasm", ".json": "application/json",
  ".svg": "image/svg+xml", ".png": "image/png", ".txt": "text/plain; charset=utf-8",
  ".webmanifest": "application/manifest+json",
};

/** Serve a directory on 127.0.0.1 at a free port. */
export async function serve(dir = www) {
  const server = createServer(async (request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url, "http://x").pathname)).replace(/^(\.\.[/\\])+/, "");
    const file = join(dir, path.endsWith("/") ? `${path}index.html` : path);
    try {
      const body = await readFile(file);
      // with its length, as static hosts send it (without it the body goes chunked,
      // which slows a 4 MB module's download several-fold on this loopback)
      response.writeHead(200, {
        "content-type": TYPES[extname(file)] ?? "application/octet-stream",
        "content-length": body.length,
      });
      response.end(body);
    } catch {
      response.writeHead(404, { "content-type": "text/plain" });
      response.end("not found");
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((r) => server.close(r)) };
}

/** A server for `dir` and a browser, as every test file needs; `stop` closes both. */
export async function start(dir = www) {
  const server = await serve(dir);
  const browser = await launch();
  return { server, browser, stop: async () => { await browser.close(); await server.close(); } };
}

export async function launch() {
  await mkdir(screenshots, { recursive: true });
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
      // JS_FLAGS passes V8 flags through, for diagnosing the engine (e.g. its wasm tiering)
      ...(process.env.JS_FLAGS ? [`--js-flags=${process.env.JS_FLAGS}`] : [])],
  });
}

/** A new page that records every request URL and every console error. */
export async function openPage(browser, url, viewport = { width: 1280, height: 900 }, options = {}) {
  const context = await browser.newContext({ viewport, ...options });
  const page = await context.newPage();
  const requests = [];
  const errors = [];
  page.on("request", (r) => requests.push(r.url()));
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  await page.goto(url);
  return { page, context, requests, errors };
}

/** Wait for the page's status line to report a finished analysis (or an error). */
export async function waitForResult(page) {
  await page.waitForFunction(() => {
    const kind = document.getElementById("status")?.dataset.kind;
    return kind === "ok" || kind === "error";
  }, null, { timeout: 30000 });
  return page.evaluate(() => ({
    kind: document.getElementById("status").dataset.kind,
    message: document.getElementById("status").textContent,
  }));
}
