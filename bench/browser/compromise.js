// compromise's comparable pipeline: sentences, people, places, organizations, numbers.
import nlp from "compromise";

export async function load() {}
export function run(text) {
  const doc = nlp(text);
  return doc.sentences().length + doc.people().out("array").length + doc.places().out("array").length
    + doc.organizations().out("array").length + doc.numbers().out("array").length;
}
