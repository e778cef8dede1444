// The TypeScript declarations (www/lede.d.ts) match what the wasm core returns:
// real analyses (the samples, an HTML page, targets, several articles at once) are
// written as a literal typed `Analysis[]` and checked by tsc --strict, so a field
// missing from the declarations, or declared but not produced, fails the test.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile, readdir, writeFile, mkdtemp } from "node:fs/promises";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { root, samples } from "./harness.mjs";

test("www/lede.d.ts describes the analyses the core returns (tsc --strict)", async () => {
  const lede = await import(join(root, "www/pkg/lede.js"));
  await lede.default({ module_or_path: await readFile(join(root, "www/pkg/lede_bg.wasm")) });
  const texts = await Promise.all((await readdir(samples)).filter((f) => f.endsWith(".txt")).sort()
    .map((f) => readFile(join(samples, f), "utf8")));
  // a number table without punctuation reaches the limits (`truncated`)
  const numberTable = lede.analyzeText(Array.from({ length: 600 }, (_, i) => String((i * 7919) % 10007)).join(" "), { tokens: false });
  const analyses = [
    ...texts.map((t) => lede.analyzeText(t, { tokens: true })),
    lede.analyzeText("Protesters slammed Putin in Moscow on 3 May 2019. NATO praised Kyiv.", {
      published: "2019-05-04", targets: [{ start: 19, end: 24 }], dictionary: [{ name: "Kyiv", type: "GPE" }],
    }),
    lede.analyzeHtml("<html><head><title>T</title><meta property=\"article:published_time\" content=\"2021-06-02\"></head>"
      + "<body><article><h1>T</h1><p>Ministers from Hungary and Austria agreed on Tuesday to clean up the Danube, officials said.</p></article></body></html>",
    "https://example.com/a", { tokens: false }),
    numberTable,
    // Other languages: no names, no tone, the language and what ran.
    lede.analyzeText("Bundeskanzler Olaf Scholz traf am Montag in Berlin den französischen Präsidenten. Die Europäische Union berät über neue Sanktionen.", {}),
    lede.analyzeText("中国国家主席习近平2022年2月4日在北京会见俄罗斯总统普京。双方讨论了双边关系和国际问题，并签署了联合声明。", {}),
    lede.analyzeText("President Vladimir Putin met Chinese leader Xi Jinping in Beijing on Friday, and the two said that their partnership had no limits.\n\n"
      + "Bundeskanzler Olaf Scholz traf am Montag in Berlin den französischen Präsidenten. Die Europäische Union berät über neue Sanktionen gegen Russland.", {}),
  ];
  assert.ok(numberTable.documents[0].truncated?.length === 2, "the number table reports its limits");
  const dir = await mkdtemp(join(tmpdir(), "lede-types-"));
  const file = join(dir, "check.ts");
  await writeFile(file, `import type { Analysis } from ${JSON.stringify(join(root, "www/lede"))};\n`
    + `export const analyses: Analysis[] = ${JSON.stringify(analyses)};\n`);
  const tsc = join(root, "node_modules/.bin/tsc");
  const run = promisify(execFile);
  const result = await run(tsc, ["--noEmit", "--strict", "--skipLibCheck", "--target", "es2022", "--module", "esnext",
    "--moduleResolution", "bundler", file], { maxBuffer: 1 << 24 }).then(() => "", (error) => `${error.stdout}${error.stderr}`);
  assert.equal(result.slice(0, 2000), "");
});
