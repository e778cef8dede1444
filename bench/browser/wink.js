// winkNLP's comparable pipeline: sentences, entities, sentiment.
import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";

let nlp;
let its;
export async function load() {
  nlp = winkNLP(model);
  its = nlp.its;
}
export function run(text) {
  const doc = nlp.readDoc(text);
  return doc.sentences().length() + doc.entities().out().length + (doc.out(its.sentiment) > 0 ? 1 : 0);
}
