//! `lede train entities` and `lede eval entities`, native only.
//!
//! train: reads the openly licensed NER corpora in DATA/ner (WikiGold CC-BY 4.0,
//! WNUT-17 CC-BY 4.0), trains the tagger with a fixed seed and writes
//! models/entities.bin — the same bytes on every run. `--research-conll` trains
//! on CoNLL-2003 train instead (research-only data: never shipped) and writes
//! target/entities-conll.bin, to measure what the licence constraint costs.
//!
//! eval: conlleval-style entity F1 (exact span and type, micro-averaged, four
//! types) on CoNLL-2003 dev (eng.testa) and UNER English-EWT dev, per type,
//! plus the throughput of the whole entities stage.

use super::tagger::{train as perceptron, train::Example, Model, TAGS};
use super::{features, gazetteer::Gazetteer, tag_document_with, Dictionary};
use crate::devtools::{data_dir, flag, throughput};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// One sentence: words and BIO2 tags with coarse types (B-PER…), or O.
struct Sentence {
    words: Vec<String>,
    tags: Vec<String>,
}

type Document = Vec<Sentence>;

#[derive(Clone, Copy)]
enum Format {
    /// word POS chunk NER, IOB1, -DOCSTART- between documents.
    Conll2003,
    /// word NER, IOB1, -DOCSTART- between documents.
    WikiGold,
    /// word<TAB>NER, IOB2, WNUT types; each sentence its own document.
    Wnut,
    /// id<TAB>word<TAB>NER…, IOB2, "# newdoc" between documents.
    Uner,
}

fn coarse(t: &str) -> Option<&'static str> {
    Some(match t {
        "PER" | "person" => "PER",
        "ORG" | "corporation" | "group" => "ORG",
        "LOC" | "location" => "LOC",
        "MISC" | "product" | "creative-work" => "MISC",
        _ => return None,
    })
}

/// Read a corpus into documents with BIO2 tags.
fn read(path: &Path, format: Format) -> Result<Vec<Document>, String> {
    let body = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut docs: Vec<Document> = vec![Vec::new()];
    let mut words = Vec::new();
    let mut raw = Vec::new();
    let flush = |docs: &mut Vec<Document>,
                 words: &mut Vec<String>,
                 raw: &mut Vec<String>,
                 new_doc: bool| {
        if !words.is_empty() {
            let tags = to_bio2(raw);
            if let Some(doc) = docs.last_mut() {
                doc.push(Sentence {
                    words: std::mem::take(words),
                    tags,
                });
            }
            raw.clear();
        }
        if new_doc && docs.last().is_some_and(|d| !d.is_empty()) {
            docs.push(Vec::new());
        }
    };
    for line in body.lines() {
        let line = line.trim_end_matches('\r');
        if line.starts_with("-DOCSTART-") || line.starts_with("# newdoc") {
            flush(&mut docs, &mut words, &mut raw, true);
            continue;
        }
        if line.starts_with('#') && matches!(format, Format::Uner) {
            continue;
        }
        if line.trim().is_empty() {
            flush(
                &mut docs,
                &mut words,
                &mut raw,
                matches!(format, Format::Wnut),
            );
            continue;
        }
        let cols: Vec<&str> = match format {
            Format::Conll2003 | Format::WikiGold => line.split(' ').collect(),
            Format::Wnut | Format::Uner => line.split('\t').collect(),
        };
        let (word, tag) = match format {
            Format::Conll2003 => (cols.first(), cols.get(3)),
            Format::WikiGold | Format::Wnut => (cols.first(), cols.last()),
            Format::Uner => (cols.get(1), cols.get(2)),
        };
        if let (Some(w), Some(t)) = (word, tag) {
            words.push(w.to_string());
            raw.push(t.to_string());
        }
    }
    flush(&mut docs, &mut words, &mut raw, true);
    docs.retain(|d| !d.is_empty());
    Ok(docs)
}

/// IOB1 or IOB2 tags → BIO2 with coarse types.
fn to_bio2(raw: &[String]) -> Vec<String> {
    let mut out = Vec::with_capacity(raw.len());
    let mut prev: Option<&str> = None;
    for t in raw {
        let (prefix, kind) = t.split_once('-').unwrap_or(("O", ""));
        match coarse(kind) {
            Some(k) if prefix == "B" || prev != Some(k) => {
                out.push(format!("B-{k}"));
                prev = Some(k);
            }
            Some(k) => {
                out.push(format!("I-{k}"));
                prev = Some(k);
            }
            None => {
                out.push("O".into());
                prev = None;
            }
        }
    }
    out
}

/// BIO2 tags → set of (start, end, type) spans.
fn gold_spans(tags: &[String], offset: usize) -> Vec<(usize, usize, String)> {
    let mut spans = Vec::new();
    let mut open: Option<(usize, String)> = None;
    for (i, t) in tags.iter().enumerate() {
        let (prefix, kind) = t.split_once('-').unwrap_or(("O", ""));
        if let Some((start, k)) = open.take() {
            if prefix == "I" && kind == k {
                open = Some((start, k));
                continue;
            }
            spans.push((offset + start, offset + i, k));
        }
        if prefix == "B" || prefix == "I" {
            open = Some((i, kind.to_string()));
        }
    }
    if let Some((start, k)) = open {
        spans.push((offset + start, offset + tags.len(), k));
    }
    spans
}

const SEED: u64 = 0x1ede_5eed;
const EPOCHS: usize = 10;

/// `lede train entities [--data DIR] [--research-conll] [--out FILE]`
pub fn train_command(args: &[String]) -> Result<String, String> {
    let data = data_dir(args).join("ner");
    let research = args.iter().any(|a| a == "--research-conll");
    let mut docs = Vec::new();
    if research {
        docs.extend(read(&data.join("conll2003/eng.train"), Format::Conll2003)?);
    } else {
        docs.extend(read(
            &data.join("wikigold/wikigold.conll.txt"),
            Format::WikiGold,
        )?);
        if !args.iter().any(|a| a == "--no-wnut") {
            docs.extend(read(&data.join("wnut17/wnut17train.conll"), Format::Wnut)?);
            docs.extend(read(&data.join("wnut17/emerging.dev.conll"), Format::Wnut)?);
        }
    }
    let out = flag(args, "--out").map(PathBuf::from).unwrap_or_else(|| {
        PathBuf::from(if research {
            "target/entities-conll.bin"
        } else {
            "models/entities.bin"
        })
    });
    let model = train_on(&docs);
    let bytes = model.to_bytes();
    std::fs::write(&out, &bytes).map_err(|e| format!("{}: {e}", out.display()))?;
    let tokens: usize = docs.iter().flatten().map(|s| s.words.len()).sum();
    Ok(format!(
        "trained on {} documents, {tokens} tokens, {EPOCHS} epochs, seed {SEED:#x}: wrote {} ({} bytes)",
        docs.len(),
        out.display(),
        bytes.len()
    ))
}

fn train_on(docs: &[Document]) -> Model {
    let gazetteer = Gazetteer::get();
    let word_refs: Vec<Vec<Vec<&str>>> = docs
        .iter()
        .map(|d| {
            d.iter()
                .map(|s| s.words.iter().map(String::as_str).collect())
                .collect()
        })
        .collect();
    let examples: Vec<Example> = docs
        .iter()
        .zip(&word_refs)
        .map(|(doc, words)| {
            let all: Vec<&str> = words.iter().flatten().copied().collect();
            let mut starts = Vec::with_capacity(all.len());
            for s in words {
                starts.extend((0..s.len()).map(|i| i == 0));
            }
            let mut views = features::views(&all, &starts, gazetteer).into_iter();
            let sentences = doc
                .iter()
                .map(|s| {
                    let v: Vec<_> = views.by_ref().take(s.words.len()).collect();
                    let gold = s
                        .tags
                        .iter()
                        .map(|t| TAGS.iter().position(|x| x == t).unwrap_or(0) as u8)
                        .collect();
                    (v, gold)
                })
                .collect();
            Example { sentences }
        })
        .collect();
    perceptron::train(&examples, EPOCHS, SEED)
}

#[derive(Default)]
struct Counts {
    tp: usize,
    fp: usize,
    fn_: usize,
}

impl Counts {
    fn f1(&self) -> (f64, f64, f64) {
        let p = self.tp as f64 / (self.tp + self.fp).max(1) as f64;
        let r = self.tp as f64 / (self.tp + self.fn_).max(1) as f64;
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        (p * 100.0, r * 100.0, f * 100.0)
    }
}

/// Score a model on documents; `types` limits scoring to the corpus's own types.
fn score(model: Option<&Model>, docs: &[Document], types: &[&str]) -> String {
    let mut per_type: BTreeMap<String, Counts> = BTreeMap::new();
    let dictionary = Dictionary::default();
    for doc in docs {
        let words: Vec<&str> = doc
            .iter()
            .flat_map(|s| s.words.iter().map(String::as_str))
            .collect();
        let mut ranges = Vec::new();
        let mut gold = Vec::new();
        let mut at = 0;
        for s in doc {
            ranges.push(at..at + s.words.len());
            gold.extend(gold_spans(&s.tags, at));
            at += s.words.len();
        }
        let predicted: Vec<(usize, usize, String)> =
            tag_document_with(model, &words, &ranges, &dictionary)
                .into_iter()
                .filter_map(|s| super::conll_type(s.label).map(|t| (s.start, s.end, t.to_string())))
                .filter(|s| types.contains(&s.2.as_str()))
                .collect();
        let gold: Vec<_> = gold
            .into_iter()
            .filter(|s| types.contains(&s.2.as_str()))
            .collect();
        for g in &gold {
            let c = per_type.entry(g.2.clone()).or_default();
            if predicted.contains(g) {
                c.tp += 1;
            } else {
                c.fn_ += 1;
            }
        }
        for p in &predicted {
            if !gold.contains(p) {
                per_type.entry(p.2.clone()).or_default().fp += 1;
            }
        }
    }
    let mut all = Counts::default();
    let mut lines = Vec::new();
    for (t, c) in &per_type {
        all.tp += c.tp;
        all.fp += c.fp;
        all.fn_ += c.fn_;
        let (p, r, f) = c.f1();
        lines.push(format!(
            "    {t:<5} P {p:5.1}  R {r:5.1}  F1 {f:5.1}  ({} gold)",
            c.tp + c.fn_
        ));
    }
    let (p, r, f) = all.f1();
    format!(
        "  all   P {p:5.1}  R {r:5.1}  F1 {f:5.1}\n{}",
        lines.join("\n")
    )
}

/// `lede eval entities [--data DIR] [--model FILE]`
pub fn eval_command(args: &[String]) -> Result<String, String> {
    let data = data_dir(args).join("ner");
    let loaded;
    let model = match flag(args, "--model") {
        Some(path) => {
            let bytes = std::fs::read(path).map_err(|e| format!("{path}: {e}"))?;
            loaded = Model::from_bytes(&bytes)?;
            Some(&loaded)
        }
        None => super::model(),
    };
    let conll = read(&data.join("conll2003/eng.testa"), Format::Conll2003)?;
    let uner = read(&data.join("uner-en-ewt/en_ewt-ud-dev.iob2"), Format::Uner)?;
    let mut out = String::new();
    out.push_str(&format!(
        "CoNLL-2003 dev (eng.testa), 4 types, conlleval exact match:\n{}\n",
        score(model, &conll, &["PER", "ORG", "LOC", "MISC"])
    ));
    out.push_str(&format!(
        "UNER English-EWT dev (PER/ORG/LOC only):\n{}\n",
        score(model, &uner, &["PER", "ORG", "LOC"])
    ));
    out.push_str(&speed(&conll));
    Ok(out)
}

/// Throughput of the whole entities stage (segmentation excluded) on detokenized CoNLL dev text.
fn speed(docs: &[Document]) -> String {
    let texts: Vec<String> = docs
        .iter()
        .map(|d| {
            d.iter()
                .map(|s| s.words.join(" "))
                .collect::<Vec<_>>()
                .join("\n")
        })
        .collect();
    let dictionary = Dictionary::default();
    let (tokens, _) = throughput(&texts, 2.0, |text, layer| {
        std::hint::black_box(super::recognize(text, layer, &dictionary));
    });
    format!("throughput: {tokens:.0} tokens/s for the whole entities stage (one core)\n")
}

/// `lede train entities`.
pub fn train(args: &[String]) -> Result<String, String> {
    train_command(args)
}

/// `lede eval entities`.
pub fn eval(args: &[String]) -> Result<String, String> {
    eval_command(args)
}
