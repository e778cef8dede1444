//! `lede eval quotes`: the quotations and speakers Lede finds, scored against
//! the hand-annotated dev set in `crates/lab/data/quotes` (GUM news and
//! interviews from `ner/gum-2025/dep` of the data folder, and the five samples).
//!
//! The annotations hold offsets (chars) and speakers' surface names, not text:
//! each GUM document's text is rebuilt from its CoNLL-U (sentences joined by a
//! space, paragraphs by a blank line) and analyzed verbatim (`clean: false`);
//! the samples are analyzed as Lede cleans them. A document whose text no longer
//! matches the checksum recorded when it was annotated is reported and skipped.
//!
//! VOA documents (`voa:FIRST-LAST`) are runs of consecutive sentences of the
//! data folder's `unlabeled/voa-gmb/sentences.txt.gz` (public-domain Voice of
//! America news, Penn-tokenized, one sentence a line), lines FIRST to LAST
//! counted from 1, detokenized by [`voa_text`] and analyzed verbatim.
//!
//! Scores: quotation spans, precision and recall, exact and overlapping (the
//! annotation's "term" spans, titles and names in quotation marks, are not
//! quotations: finding one costs precision); direct/partial agreement; speaker
//! accuracy over the annotated quotations Lede found (a speaker is right when
//! its entity's name or an alias shares a word with the annotated name, or when
//! both say nobody is named).

use crate::common::{data_dir, flag};
use lede::{analyze, Input, Options};
use serde::Deserialize;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

const DOCS: &str = include_str!("../data/quotes/docs.jsonl");
const QUOTES: &str = include_str!("../data/quotes/quotes.jsonl");

#[derive(Deserialize)]
struct Doc {
    doc: String,
    chars: usize,
    sha256_16: String,
}

#[derive(Deserialize, Clone)]
struct Gold {
    doc: String,
    start: usize,
    end: usize,
    kind: String,
    #[serde(default)]
    speaker: Option<String>,
}

/// A GUM document's text from its CoNLL-U: the `# text` of each sentence,
/// joined by a space within a paragraph (`# newpar`) and by a blank line between.
fn gum_text(conllu: &str) -> String {
    let mut paragraphs: Vec<String> = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in conllu.lines() {
        if line.starts_with("# newpar") && !line.starts_with("# newpar_") {
            if !current.is_empty() {
                paragraphs.push(current.join(" "));
            }
            current.clear();
        } else if let Some(text) = line.strip_prefix("# text = ") {
            current.push(text);
        }
    }
    if !current.is_empty() {
        paragraphs.push(current.join(" "));
    }
    paragraphs.join("\n\n")
}

/// Punctuation that attaches to the token before it in Penn-tokenized text.
fn attaches_left(token: &str) -> bool {
    matches!(
        token,
        "," | "." | ";" | ":" | "?" | "!" | ")" | "]" | "}" | "%" | "'" | "..."
    ) || token.eq_ignore_ascii_case("n't")
        || (token.len() > 1
            && token.starts_with('\'')
            && token[1..].chars().all(|c| c.is_ascii_alphabetic()))
}

/// Running text from Penn-tokenized sentences (tokens separated by single
/// spaces): no space before closing punctuation, clitics (`'s`, `n't`) and
/// closing quotation marks, none after `(`, `$` and opening marks. The straight
/// `"` tokens alternate opening and closing over the whole run, so a quotation
/// may go on over several sentences. Sentences are joined by a space.
pub(crate) fn voa_text<'a>(sentences: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = String::new();
    let (mut open, mut glue) = (false, true);
    for token in sentences.into_iter().flat_map(str::split_whitespace) {
        if token == "\"" {
            if open {
                out.push('"');
                glue = false;
            } else {
                if !glue {
                    out.push(' ');
                }
                out.push('"');
                glue = true;
            }
            open = !open;
        } else if attaches_left(token) {
            out.push_str(token);
            glue = false;
        } else {
            if !glue {
                out.push(' ');
            }
            out.push_str(token);
            glue = matches!(token, "(" | "[" | "{" | "$");
        }
    }
    out
}

/// Lines `first..=last` (from 1) of the VOA sentences file, as [`voa_text`].
fn voa_document(range: &str, voa: &Path) -> Result<String, String> {
    let (first, last) = range
        .split_once('-')
        .and_then(|(a, b)| Some((a.parse::<usize>().ok()?, b.parse::<usize>().ok()?)))
        .filter(|(a, b)| *a >= 1 && a <= b)
        .ok_or_else(|| format!("voa:{range}: not a line range FIRST-LAST"))?;
    let file = std::fs::File::open(voa).map_err(|e| format!("{}: {e}", voa.display()))?;
    let mut text = String::new();
    std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(file), &mut text)
        .map_err(|e| format!("{}: {e}", voa.display()))?;
    let lines: Vec<&str> = text
        .lines()
        .skip(first - 1)
        .take(last + 1 - first)
        .collect();
    if lines.len() != last + 1 - first {
        return Err(format!(
            "voa:{range}: {} has only {} lines",
            voa.display(),
            first - 1 + lines.len()
        ));
    }
    Ok(voa_text(lines))
}

/// The first 16 hex digits of the SHA-256 of `text` (a small self-contained
/// SHA-256: the lab has no hashing dependency).
fn sha256_16(text: &str) -> String {
    const K: [u32; 64] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4,
        0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe,
        0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f,
        0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
        0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc,
        0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
        0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116,
        0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
        0xc67178f2,
    ];
    let mut h: [u32; 8] = [
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab,
        0x5be0cd19,
    ];
    let mut data = text.as_bytes().to_vec();
    let bits = (data.len() as u64).wrapping_mul(8);
    data.push(0x80);
    while data.len() % 64 != 56 {
        data.push(0);
    }
    data.extend_from_slice(&bits.to_be_bytes());
    for block in data.chunks(64) {
        let mut w = [0u32; 64];
        for (i, word) in block.chunks(4).enumerate().take(16) {
            w[i] = u32::from_be_bytes([word[0], word[1], word[2], word[3]]);
        }
        for i in 16..64 {
            let s0 = w[i - 15].rotate_right(7) ^ w[i - 15].rotate_right(18) ^ (w[i - 15] >> 3);
            let s1 = w[i - 2].rotate_right(17) ^ w[i - 2].rotate_right(19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16]
                .wrapping_add(s0)
                .wrapping_add(w[i - 7])
                .wrapping_add(s1);
        }
        let [mut a, mut b, mut c, mut d, mut e, mut f, mut g, mut hh] = h;
        for i in 0..64 {
            let s1 = e.rotate_right(6) ^ e.rotate_right(11) ^ e.rotate_right(25);
            let ch = (e & f) ^ (!e & g);
            let t1 = hh
                .wrapping_add(s1)
                .wrapping_add(ch)
                .wrapping_add(K[i])
                .wrapping_add(w[i]);
            let s0 = a.rotate_right(2) ^ a.rotate_right(13) ^ a.rotate_right(22);
            let maj = (a & b) ^ (a & c) ^ (b & c);
            let t2 = s0.wrapping_add(maj);
            hh = g;
            g = f;
            f = e;
            e = d.wrapping_add(t1);
            d = c;
            c = b;
            b = a;
            a = t1.wrapping_add(t2);
        }
        for (slot, v) in h.iter_mut().zip([a, b, c, d, e, f, g, hh]) {
            *slot = slot.wrapping_add(v);
        }
    }
    h.iter()
        .take(2)
        .map(|v| format!("{v:08x}"))
        .collect::<String>()
}

/// The text of a dev-set document and whether Lede should clean it.
fn document_text(
    doc: &str,
    dep: &Path,
    voa: &Path,
    samples: &Path,
) -> Result<(String, bool), String> {
    if let Some(range) = doc.strip_prefix("voa:") {
        return Ok((voa_document(range, voa)?, false));
    }
    if let Some(prefix) = doc.strip_prefix("sample:") {
        let entry = std::fs::read_dir(samples)
            .map_err(|e| format!("{}: {e}", samples.display()))?
            .filter_map(Result::ok)
            .find(|e| e.file_name().to_string_lossy().starts_with(prefix))
            .ok_or_else(|| format!("no sample {prefix} in {}", samples.display()))?;
        let text = std::fs::read_to_string(entry.path()).map_err(|e| e.to_string())?;
        return Ok((text, true));
    }
    let path = dep.join(format!("{doc}.conllu"));
    let conllu = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok((gum_text(&conllu), false))
}

/// Char offsets of the UTF-16 offsets Lede reports.
fn char_of_utf16(text: &str) -> HashMap<usize, usize> {
    let mut map = HashMap::new();
    let mut unit = 0usize;
    for (i, ch) in text.chars().enumerate() {
        map.insert(unit, i);
        unit += ch.len_utf16();
    }
    map.insert(unit, text.chars().count());
    map
}

/// A quotation Lede found, in chars, with its speaker's names.
struct Found {
    start: usize,
    end: usize,
    kind: String,
    names: Option<Vec<String>>,
}

fn words(name: &str) -> Vec<String> {
    name.split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| w.chars().count() >= 2)
        .map(str::to_lowercase)
        .collect()
}

fn speaker_right(gold: &Option<String>, found: &Option<Vec<String>>) -> bool {
    match (gold, found) {
        (None, None) => true,
        (Some(gold), Some(names)) => gold.split('|').any(|alternative| {
            let wanted = words(alternative);
            names
                .iter()
                .any(|n| words(n).iter().any(|w| wanted.contains(w)))
        }),
        _ => false,
    }
}

/// Where a dev-set document comes from, for the per-source figures.
fn source_of(doc: &str) -> &'static str {
    if doc.starts_with("GUM_news_") {
        "GUM news"
    } else if doc.starts_with("GUM_") {
        "GUM interviews"
    } else if doc.starts_with("voa:") {
        "VOA news"
    } else {
        "samples"
    }
}

fn pct(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        100.0 * a as f64 / b as f64
    }
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

/// The counts behind the scores, for all documents or one source.
#[derive(Default, Clone)]
struct Tally {
    documents: usize,
    found_n: usize,
    gold_n: usize,
    exact_found: usize,
    overlap_found: usize,
    exact_gold: usize,
    overlap_gold: usize,
    kind_right: usize,
    speaker_n: usize,
    speaker_ok: usize,
    named_n: usize,
    named_ok: usize,
    terms_found: usize,
}

impl Tally {
    fn add(&mut self, o: &Tally) {
        self.documents += o.documents;
        self.found_n += o.found_n;
        self.gold_n += o.gold_n;
        self.exact_found += o.exact_found;
        self.overlap_found += o.overlap_found;
        self.exact_gold += o.exact_gold;
        self.overlap_gold += o.overlap_gold;
        self.kind_right += o.kind_right;
        self.speaker_n += o.speaker_n;
        self.speaker_ok += o.speaker_ok;
        self.named_n += o.named_n;
        self.named_ok += o.named_ok;
        self.terms_found += o.terms_found;
    }

    /// The full report's head: spans exact and overlapping, direct/partial, speakers.
    fn report(&self) -> String {
        let t = self;
        let (pe, re) = (pct(t.exact_found, t.found_n), pct(t.exact_gold, t.gold_n));
        let (po, ro) = (
            pct(t.overlap_found, t.found_n),
            pct(t.overlap_gold, t.gold_n),
        );
        format!(
            "quotes: {} annotated quotations in {} documents, {} found ({} of them titles or names in quotation marks)\n\
             spans exact:   P {pe:.1}  R {re:.1}  F1 {:.1}\n\
             spans overlap: P {po:.1}  R {ro:.1}  F1 {:.1}\n\
             direct/partial right: {:.1} % of {} found\n\
             speaker accuracy: {:.1} % of {} found ({}); with a named speaker {:.1} % of {}; nobody named {:.1} % of {}\n",
            t.gold_n,
            t.documents,
            t.found_n,
            t.terms_found,
            f1(pe, re),
            f1(po, ro),
            pct(t.kind_right, t.overlap_gold),
            t.overlap_gold,
            pct(t.speaker_ok, t.speaker_n),
            t.speaker_n,
            t.speaker_ok,
            pct(t.named_ok, t.named_n),
            t.named_n,
            pct(t.speaker_ok - t.named_ok, t.speaker_n - t.named_n),
            t.speaker_n - t.named_n,
        )
    }

    /// One line for a source: its counts, exact spans and speaker accuracy.
    fn line(&self) -> String {
        let t = self;
        let (pe, re) = (pct(t.exact_found, t.found_n), pct(t.exact_gold, t.gold_n));
        format!(
            "{} quotations in {} documents, {} found; spans exact P {pe:.1} R {re:.1} F1 {:.1}; \
             overlap R {:.1}; direct/partial {:.1} %; speaker {:.1} % of {} ({} named)",
            t.gold_n,
            t.documents,
            t.found_n,
            f1(pe, re),
            pct(t.overlap_gold, t.gold_n),
            pct(t.kind_right, t.overlap_gold),
            pct(t.speaker_ok, t.speaker_n),
            t.speaker_n,
            t.named_n,
        )
    }
}

/// `lede eval quotes [--data DIR] [--mistakes]`.
pub fn eval(args: &[String]) -> Result<String, String> {
    let dep = data_dir(args).join("ner/gum-2025/dep");
    let voa = data_dir(args).join("unlabeled/voa-gmb/sentences.txt.gz");
    let samples: PathBuf =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/samples");
    let mistakes = args.iter().any(|a| a == "--mistakes");
    let only = flag(args, "--doc");
    let docs: Vec<Doc> = DOCS
        .lines()
        .map(serde_json::from_str)
        .collect::<Result<_, _>>()
        .map_err(|e| format!("docs.jsonl: {e}"))?;
    let gold: Vec<Gold> = QUOTES
        .lines()
        .map(serde_json::from_str)
        .collect::<Result<_, _>>()
        .map_err(|e| format!("quotes.jsonl: {e}"))?;
    let mut out = String::new();
    let mut total = Tally::default();
    let mut by_source: Vec<(&str, Tally)> = Vec::new();
    let mut skipped = Vec::new();
    for doc in &docs {
        if only.is_some_and(|o| o != doc.doc) {
            continue;
        }
        let (text, clean) = document_text(&doc.doc, &dep, &voa, &samples)?;
        let options = Options {
            clean,
            split: false,
            ..Options::default()
        };
        let analysis = analyze(&Input::Text(text), &options).map_err(|e| e.to_string())?;
        let Some(document) = analysis.documents.first() else {
            continue;
        };
        let cleaned = &document.text;
        if cleaned.chars().count() != doc.chars || sha256_16(cleaned) != doc.sha256_16 {
            skipped.push(doc.doc.clone());
            continue;
        }
        let mut t = Tally {
            documents: 1,
            ..Tally::default()
        };
        let chars = char_of_utf16(cleaned);
        let at = |u: usize| chars.get(&u).copied().unwrap_or(0);
        let found: Vec<Found> = document
            .quotes
            .iter()
            .map(|q| Found {
                start: at(q.span.start),
                end: at(q.span.end),
                kind: format!("{:?}", q.kind).to_lowercase(),
                names: q.speaker.and_then(|e| document.entities.get(e)).map(|e| {
                    let mut names = vec![e.entity.name.clone()];
                    names.extend(e.entity.aliases.iter().cloned());
                    names
                }),
            })
            .collect();
        let quotes: Vec<&Gold> = gold
            .iter()
            .filter(|g| g.doc == doc.doc && g.kind != "term")
            .collect();
        let terms: Vec<&Gold> = gold
            .iter()
            .filter(|g| g.doc == doc.doc && g.kind == "term")
            .collect();
        let overlaps = |a: (usize, usize), b: (usize, usize)| a.0 < b.1 && b.0 < a.1;
        let snippet = |s: usize, e: usize| -> String {
            cleaned
                .chars()
                .skip(s)
                .take((e - s).min(60))
                .collect::<String>()
                .replace('\n', "¶")
        };
        t.found_n += found.len();
        t.gold_n += quotes.len();
        for f in &found {
            let exact = quotes.iter().any(|g| g.start == f.start && g.end == f.end);
            let over = quotes
                .iter()
                .any(|g| overlaps((g.start, g.end), (f.start, f.end)));
            t.exact_found += usize::from(exact);
            t.overlap_found += usize::from(over);
            if !over {
                let term = terms
                    .iter()
                    .any(|g| overlaps((g.start, g.end), (f.start, f.end)));
                t.terms_found += usize::from(term);
                if mistakes {
                    let why = if term {
                        "a title or name"
                    } else {
                        "not a quotation"
                    };
                    out.push_str(&format!(
                        "  {} found {} ({why}): {}\n",
                        doc.doc,
                        f.start,
                        snippet(f.start, f.end)
                    ));
                }
            }
        }
        for g in &quotes {
            let exact = found.iter().any(|f| g.start == f.start && g.end == f.end);
            t.exact_gold += usize::from(exact);
            let Some(f) = found
                .iter()
                .find(|f| overlaps((g.start, g.end), (f.start, f.end)))
            else {
                if mistakes {
                    out.push_str(&format!(
                        "  {} missed {}: {}\n",
                        doc.doc,
                        g.start,
                        snippet(g.start, g.end)
                    ));
                }
                continue;
            };
            t.overlap_gold += 1;
            t.kind_right += usize::from(f.kind == g.kind);
            t.speaker_n += 1;
            let right = speaker_right(&g.speaker, &f.names);
            t.speaker_ok += usize::from(right);
            if g.speaker.is_some() {
                t.named_n += 1;
                t.named_ok += usize::from(right);
            }
            if mistakes && !right {
                out.push_str(&format!(
                    "  {} speaker {}: {} — annotated {:?}, found {:?}\n",
                    doc.doc,
                    g.start,
                    snippet(g.start, g.end),
                    g.speaker,
                    f.names.as_ref().and_then(|n| n.first())
                ));
            }
        }
        total.add(&t);
        let source = source_of(&doc.doc);
        match by_source.iter_mut().find(|(s, _)| *s == source) {
            Some((_, tally)) => tally.add(&t),
            None => by_source.push((source, t)),
        }
    }
    let mut report = total.report();
    if by_source.len() > 1 {
        for (source, tally) in &by_source {
            report.push_str(&format!("  {source}: {}\n", tally.line()));
        }
    }
    if !skipped.is_empty() {
        report.push_str(&format!(
            "skipped (text changed since annotation): {}\n",
            skipped.join(", ")
        ));
    }
    report.push_str(&out);
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha256_matches_the_standard() {
        assert_eq!(sha256_16(""), "e3b0c44298fc1c14");
        assert_eq!(sha256_16("abc"), "ba7816bf8f01cfea");
    }

    #[test]
    fn speakers_match_by_a_shared_word() {
        let names = Some(vec!["Vladimir Putin".to_string(), "Putin".to_string()]);
        assert!(speaker_right(&Some("Putin".into()), &names));
        assert!(speaker_right(
            &Some("Xi Jinping|Vladimir Putin".into()),
            &names
        ));
        assert!(!speaker_right(&Some("Wang Yi".into()), &names));
        assert!(!speaker_right(&None, &names));
        assert!(speaker_right(&None, &None));
    }

    #[test]
    fn voa_sentences_read_as_running_text() {
        let text = voa_text([
            "Rice said President Bush \" is never going to take his options off the table . \"",
            "\" Not so fast , friend , \" said the Hunter 's aide , who ca n't ( or wo n't ) pay $ 5 .",
            "He called it a \" tragic human catastrophe . It was war . \" Parents ' groups agreed .",
        ]);
        assert_eq!(
            text,
            "Rice said President Bush \"is never going to take his options off the table.\" \
             \"Not so fast, friend,\" said the Hunter's aide, who can't (or won't) pay $5. \
             He called it a \"tragic human catastrophe. It was war.\" Parents' groups agreed."
        );
        // an unclosed mark stays open into the next sentence
        assert_eq!(
            voa_text(["He said \" we", "will . \" Then"]),
            "He said \"we will.\" Then"
        );
    }

    #[test]
    fn voa_ranges_are_checked() {
        let missing = Path::new("no/such/sentences.txt.gz");
        assert!(voa_document("5-2", missing)
            .unwrap_err()
            .contains("not a line range"));
        assert!(voa_document("0-2", missing)
            .unwrap_err()
            .contains("not a line range"));
        assert!(voa_document("x", missing)
            .unwrap_err()
            .contains("not a line range"));
        assert!(voa_document("1-2", missing)
            .unwrap_err()
            .contains("no/such"));
    }

    #[test]
    fn the_annotations_read() {
        assert!(QUOTES.lines().count() >= 200);
        for line in QUOTES.lines() {
            let g: Gold = serde_json::from_str(line).expect("a quotation");
            assert!(g.start < g.end);
            assert!(matches!(g.kind.as_str(), "direct" | "partial" | "term"));
        }
    }
}
