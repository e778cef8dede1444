// End-to-end tests of bringing your own entities model (issue 22): the page loads a
// model file, the wasm engine checks it (a file that is not a model gets a clear
// error and the built-in model stays), the model is kept in IndexedDB across
// reloads, names are found with it, and "Use the built-in model" forgets it.
// The real model is trained by `lede train entities --data DIR` on a tiny corpus
// written here (needs the CLI: LEDE_CLI, target/debug/lede or target/release/lede).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile, writeFile, mkdtemp, mkdir } from "node:fs/promises";
import { existsSync } from "node:fs";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { start, openPage, waitForResult, samples, root } from "./harness.mjs";

let server;
let browser;
let stop;
before(async () => ({ server, browser, stop } = await start()));
after(() => stop?.());

const cli = [process.env.LEDE_CLI, join(root, "target/debug/lede"), join(root, "target/release/lede")].find((p) => p && existsSync(p));
const sample = await readFile(join(samples, "001_a082ac0ae38a3f32.txt"), "utf8");

async function resetStatus(page) {
  await page.evaluate(() => { document.getElementById("status").dataset.kind = ""; });
}

async function loadModel(page, file) {
  await resetStatus(page);
  await page.locator("details.model-choice summary").click();
  await page.setInputFiles("#model-file", file);
  return waitForResult(page);
}

async function entityNames(page) {
  await resetStatus(page);
  await page.fill("#article", sample);
  await page.click("#analyze");
  const status = await waitForResult(page);
  assert.equal(status.kind, "ok", status.message);
  return { status: status.message, names: await page.evaluate(() => globalThis.__ledeTest.analyses()[0].analysis.documents[0].entities.map((e) => `${e.type}:${e.name}`).sort()) };
}

test("a file that is not an entities model gets a clear error, and the built-in model stays", async () => {
  const dir = await mkdtemp(join(tmpdir(), "lede-model-"));
  const bad = join(dir, "corrupt.bin");
  await writeFile(bad, Buffer.from("this is not a model at all, just some bytes\n".repeat(50)));
  const { page, context, errors } = await openPage(browser, server.url);
  const status = await loadModel(page, bad);
  assert.equal(status.kind, "error");
  assert.match(status.message, /^corrupt\.bin: not an entities model \(make one with `lede train entities --data DIR`\)\. The built-in model stays in use\./);
  assert.equal(await page.textContent("#model-name"), "built-in");
  assert.ok(await page.locator("#model-builtin").isHidden());
  // Nothing was kept: after a reload the built-in model is in use, and analysis works.
  await page.reload();
  const { status: analyzed } = await entityNames(page);
  assert.doesNotMatch(analyzed, /your model/);
  assert.deepEqual(errors, []);
  await context.close();
});

/** A small IOB2 corpus in which invented names are people, places and organizations. */
function tinyCorpus() {
  const people = ["Zorblax Quintor", "Mira Telvane", "Osk Durnell", "Pell Arvanti"];
  const places = ["Blorvania", "Keth", "Ummaran", "Sollis"];
  const orgs = ["Varn Institute", "Tessel Group"];
  const sentences = [];
  for (let i = 0; i < 60; i++) {
    const person = people[i % people.length].split(" ");
    const place = places[(i * 3) % places.length];
    const org = orgs[i % orgs.length].split(" ");
    sentences.push([
      ...person.map((w, k) => [w, k ? "I-PER" : "B-PER"]), ["visited", "O"], [place, "B-LOC"], ["with", "O"], ["the", "O"],
      ...org.map((w, k) => [w, k ? "I-ORG" : "B-ORG"]), ["on", "O"], ["Monday", "O"], [".", "O"],
    ]);
  }
  return `-DOCSTART- O\n\n${sentences.map((s) => s.map(([w, t]) => `${w} ${t}`).join("\n")).join("\n\n")}\n`;
}

test("a model trained with `lede train entities` is used, kept across reloads, and forgotten on request", { skip: !cli && "needs the lede CLI (LEDE_CLI, or cargo build -p lede-cli)" }, async () => {
  const dir = await mkdtemp(join(tmpdir(), "lede-model-"));
  const data = join(dir, "corpus");
  await mkdir(data);
  await writeFile(join(data, "train.iob2"), tinyCorpus());
  const file = join(dir, "tiny-entities.bin");
  await promisify(execFile)(cli, ["train", "entities", "--data", data, "--model", file, "--bits", "12", "--epochs", "3"], { cwd: dir });

  const { page, context, errors, requests } = await openPage(browser, server.url);
  const builtin = await entityNames(page);
  const loaded = await loadModel(page, file);
  // What was shown is analyzed again with the new model.
  assert.equal(loaded.kind, "ok", loaded.message);
  assert.match(await page.textContent("#model-name"), /^your own, “tiny-entities\.bin” \(\d+ KB\)$/);
  assert.ok(await page.locator("#model-builtin").isVisible());
  const own = await entityNames(page);
  assert.match(own.status, /names found with your model tiny-entities\.bin/);
  assert.notDeepEqual(own.names, builtin.names, "the model changes what is found");

  // Kept in the browser: after a reload it is still in use, before the first analysis.
  await page.reload();
  await page.waitForFunction(() => /your own/.test(document.getElementById("model-name").textContent));
  const again = await entityNames(page);
  assert.deepEqual(again.names, own.names);

  // Back to the built-in model: the same names as before, and after a reload too.
  await resetStatus(page);
  await page.locator("details.model-choice summary").click();
  await page.click("#model-builtin");
  assert.equal((await waitForResult(page)).kind, "ok");
  assert.equal(await page.textContent("#model-name"), "built-in");
  assert.deepEqual((await entityNames(page)).names, builtin.names);
  await page.reload();
  assert.deepEqual((await entityNames(page)).names, builtin.names);
  // The model never left the machine.
  for (const url of requests) assert.ok(url.startsWith(server.url), `stray request ${url}`);
  assert.deepEqual(errors, []);
  await context.close();
});
