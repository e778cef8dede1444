// The Analysis, schema "lede/1", as the wasm functions return it and the CLI prints
// it. Every `start`/`end` is a UTF-16 code unit offset into the document's `text`
// (what String.prototype.slice takes). Checked against real output by
// tests/e2e/types.test.mjs (tsc --strict on a generated analysis).

/** A span of the document's cleaned text, in UTF-16 code units. */
export interface Span {
  start: number;
  end: number;
}

export type ToneLabel = "negative" | "neutral" | "positive";

/** A tone: a score in [-1, 1] and its label. */
export interface Tone {
  score: number;
  label: ToneLabel;
}

/** Where the article date came from, and how sure Lede is of it (0..1). */
export interface Published {
  /** YYYY-MM-DD, YYYY-MM or YYYY. */
  value: string;
  /** "caller", "meta", "page", "dateline", "copyright", "updated", "text", "inferred", "mentions" (the year the text names most), "weekday" (a weekday and date that agree in one year), "evidence" (what the text names that the record dates: see `evidence`), "officeholders". */
  source: string;
  confidence: number;
  /** For a date inferred from what the text names (source "evidence"): the reasons. */
  evidence?: DateEvidence[];
}

/** One reason for an inferred article date: what the text names, where, and when that puts the article. */
export interface DateEvidence {
  /** "lead", "officeholder", "event", "summit", "election", "term", "administration", "year", "stamp". */
  kind: string;
  /** Where the text names it (empty for a stamp the intake removed). */
  span: Span;
  /** When it puts the article: ISO days, null where open. */
  window: { from: string | null; to: string | null };
  /** For a reader: "Antony Blinken Secretary of State (2021–2025)". */
  label: string;
  /** Whether it agrees with the date given. */
  agrees: boolean;
}

/** A repair of the pasted text: `original` became the text at the span. */
export interface Repair extends Span {
  original: string;
  /** "hex-utf8", "mojibake", "entity", "control", "whitespace"… ("lone-surrogate":
   * a `\ud800`-style escape in a CLI request, read as U+FFFD) */
  kind: string;
}

/** A line removed as page furniture; it would stand at `start` (`end === start`). */
export interface Removal extends Span {
  text: string;
  /** The line as pasted, when repairs changed it. */
  original?: string;
  /** "navigation", "call-to-action", "caption", "credit", "byline", "copyright"… */
  reason: string;
}

export interface Token extends Span {
  kind: "word" | "number" | "punct" | "symbol" | "url";
}

export interface Sentence extends Span {
  /** Null where tone was not read (no English). */
  sentiment: SentenceTone | null;
}

/** A word that moved a sentence's tone: its share of the score (positive pulls toward positive), to three decimals. */
export interface ToneWord extends Span {
  weight: number;
}

/** A sentence's tone with the words that moved it, strongest first (at most 5, none below 0.01). */
export interface SentenceTone extends Tone {
  words: ToneWord[];
}

export type EntityType =
  | "PERSON" | "ORG" | "GPE" | "LOC" | "NORP" | "EVENT" | "MISC"
  | "MONEY" | "PERCENT" | "QUANTITY" | "CARDINAL" | "ORDINAL";

export interface Mention extends Span {
  /** Index into `entities`. */
  entity: number;
  type: EntityType;
  /** "name" for names, "value" for numeric expressions. */
  kind: "name" | "value";
  source: "model" | "dictionary" | "rule";
}

export interface Entity {
  id: number;
  /** The canonical name: the fullest form in the text. */
  name: string;
  type: EntityType;
  aliases: string[];
  /** Titles and roles met with the name ("President"). */
  titles: string[];
  /** For places and nationalities: the country. */
  country?: string;
  /** A related entity (a nationality's country). */
  related?: number;
  /** Indices into `mentions`. */
  mentions: number[];
  /** 0..1: how central the entity is to the article. */
  salience: number;
  /** Tone toward the entity, with the sentences (indices) that show it. */
  sentiment: (Tone & { evidence: number[] }) | null;
  /** The quotations it is the speaker of (indices into `quotes`). */
  quotes: number[];
}

/** A quotation, marks included (it may run over several paragraphs), with its attribution. */
export interface Quote extends Span {
  /** Who said it: index into `entities` (named, or named nearby and pointed to by "he" or "the minister"); null when unknown or not a named entity. */
  speaker: number | null;
  /** The words that attribute it ("said", "told", "according to", "was quoted as telling"); null when it goes on from the quotation before it or has none. */
  cue: Span | null;
  /** "direct": whole sentences of speech; "partial": quoted words inside the writer's sentence. */
  kind: "direct" | "partial";
  /** When the source is a document, a group or an unnamed role ("the statement", "the ministry", "the official"): its words. */
  source?: Span;
}

export interface Timex extends Span {
  type: "DATE" | "TIME" | "DURATION" | "SET";
  /** TIMEX3 value: 2002-11-29, 2002-W48, 195, BC0480-04 (April 480 BC), P3D, PRESENT_REF… */
  value: string;
  /** The last value of a range ("1-3 December"). */
  value_end?: string;
  /** TIMEX3 mod: START, MID, END, APPROX… */
  mod?: string;
}

export interface TimelineEvent {
  /** A calendar value (2002-11, BC0480); events come in date order, BC first. */
  when: string;
  until?: string;
  /** Index into `sentences`. */
  sentence: number;
  /** Index into `timexes`. */
  timex: number;
  /** Indices into `entities`. */
  entities: number[];
  place: number | null;
  label: string;
}

export interface Cooccurrence {
  a: number;
  b: number;
  count: number;
}

/** A stretch of whole paragraphs in one language. */
export interface LanguagePart extends Span {
  /** ISO 639-1 code ("de"; ISO 639-3 where a language has none). */
  code: string;
  /** Its English name ("German"). */
  name: string;
  /** 0..1 */
  confidence: number;
}

/** What ran, given the language: the whole text, the English paragraphs only, only what needs no English (numbers, ISO dates), or nothing. */
export type StageReach = "all" | "english parts" | "language-neutral" | "none";

/** The article's language, identified from its text (or, when the text is too short to tell, the page's metadata). */
export interface Language {
  /** ISO 639-1 code of the main language ("en", "de"); the declared tag when source is "meta"; null when nothing tells. */
  code: string | null;
  /** Its English name ("German"). */
  name: string | null;
  /** 0..1 */
  confidence: number;
  source: "text" | "meta" | "none";
  /** What the page's metadata declares (`<html lang>`…), when it does. */
  declared: string | null;
  /** More than one language holds a fair share of it. */
  mixed: boolean;
  /** When mixed or not all English: runs of paragraphs in one language, in text order. */
  parts: LanguagePart[];
  /** Which stages ran on what: names (and numbers), temporal expressions, tone. */
  stages: { entities: StageReach; time: StageReach; sentiment: StageReach };
}

export interface Document {
  title: string | null;
  byline: string | null;
  dateline: string | null;
  site_name: string | null;
  copyright: string | null;
  language: Language;
  published: Published | null;
  text: string;
  repairs: Repair[];
  removed: Removal[];
  paragraphs: Span[];
  word_count: number;
  sentences: Sentence[];
  /** Empty when the request said `tokens: false`. */
  tokens: Token[];
  /** Quotations (marks included) with who said them. */
  quotes: Quote[];
  mentions: Mention[];
  entities: Entity[];
  timexes: Timex[];
  timeline: TimelineEvent[];
  /** Null when the article has no English to read tone in. */
  sentiment: Tone | null;
  /** Tone toward each span the caller named in `targets`. */
  targets: (Span & Tone)[];
  cooccurrence: Cooccurrence[];
  /** Limits this document reached (absent on normal articles): a run of text
   * without sentence punctuation cut into sentences, co-occurrence made from the
   * first entities of a crowded sentence. */
  truncated?: Truncation[];
}

/** A limit a document reached, how often, and what was left out. */
export interface Truncation {
  /** "sentences" (cut at `limit` tokens) or "cooccurrence" (the first `limit` entities of a sentence). */
  what: "sentences" | "cooccurrence";
  limit: number;
  /** How many sentences it applied to. */
  count: number;
  note: string;
}

export interface Corpus {
  entities: {
    id: number;
    name: string;
    type: EntityType;
    aliases: string[];
    appearances: { document: number; entity: number }[];
    mentions: number;
    salience: number;
  }[];
  cooccurrence: Cooccurrence[];
  timeline: { document: number; event: number; when: string; entities: number[] }[];
}

export interface Analysis {
  schema: "lede/1";
  documents: Document[];
  corpus: Corpus;
}

/** Options for analyzeText / analyzeHtml (all optional). */
export interface Options {
  /** Repair and remove furniture (default true); false keeps the text verbatim. */
  clean?: boolean;
  /** Split several pasted articles apart (default true). */
  split?: boolean;
  /** The article date, YYYY-MM-DD. */
  published?: string;
  targets?: Span[];
  dictionary?: { name: string; type: EntityType }[];
  /** Include tokens (default true). */
  tokens?: boolean;
}

export function analyzeText(text: string, options?: Options): Analysis;
export function analyzeHtml(html: string, url?: string, options?: Options): Analysis;
