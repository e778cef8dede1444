// Lede's full pipeline, as the page runs it (wasm, all stages).
import init, { analyzeText } from "../../www/pkg/lede.js";

export async function load() {
  await init({ module_or_path: new URL("./lede_bg.wasm", import.meta.url) });
}
export function run(text) {
  const analysis = analyzeText(text, { split: false, tokens: false });
  const doc = analysis.documents[0];
  return doc.entities.length + doc.timexes.length + doc.sentences.length;
}
