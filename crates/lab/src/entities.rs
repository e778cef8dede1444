//! Training and evaluation commands of this stage (`lede eval/train entities`),
//! native only.
//!
//! `lede train entities [--data DIR]` trains the shipped tagger on the openly
//! licensed corpora only — WikiGold (CC-BY 4.0) and WNUT-17 train+dev (CC-BY 4.0) —
//! and writes `models/entities.bin`, byte-for-byte reproducible (fixed seed, fixed
//! order). UNER English-EWT dev (CC BY-SA 4.0) is opt-in (`--uner`): a model trained
//! on it would have to be shared alike; without it CoNLL dev F1 is higher anyway
//! (65.9 against 64.9), and UNER stays a true out-of-domain check.
//!
//! `lede train entities --data DIR --model FILE`, where DIR has no `ner/` folder,
//! trains the same architecture on a user's own corpus instead: the CoNLL or IOB2
//! files in DIR ([`read_user_corpus`]); `lede analyze --model FILE` then uses it
//! (see `docs/entities-own-model.md`).
//!
//! `lede train entities --research-conll` trains the same architecture on
//! CoNLL-2003 eng.train (research use only) and writes
//! `target/entities-research-conll.bin`, which must never be committed or shipped.
//!
//! `lede eval entities [--data DIR] [--model FILE] [--speed]` scores the whole
//! stage with conlleval semantics (exact span and type, micro-averaged; GPE/LOC →
//! LOC, NORP/EVENT/MISC → MISC) on CoNLL-2003 eng.testa, and on held-out documents
//! (every fifth) of WikiGold with a model retrained without them, and on UNER-EWT
//! dev (held-out fifth; unseen in training unless `--uner`).
//!
//! Ablations: `--no-clusters`, `--silver-tokens 0`, `--silver-weight W` and
//! `--no-wnut` change the recipe (train with them, then evaluate that model with
//! them); `--no-knowledge`, `--no-layout` and `--no-document` turn a rule of the
//! stage off while evaluating. `scripts/entities-ablation.sh` runs them all.

use lede::lab::entities::{begin_tag, inside_tag, QuantizedModel, Weights, TYPES};
use lede::lab::entities::{recognize_with, set_lever, Dictionary, Lever};
use lede::lab::entities::{Perceptron, TrainDoc};
use lede::text::{Sentence, TextLayer, Token, TokenKind};
use lede::Span;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Training settings; the defaults are the shipped model's.
#[derive(Debug, Clone)]
struct Settings {
    bits: u32,
    epochs: usize,
    seed: u64,
    /// One sentence in this many gets an extra ALL-CAPS copy (headline robustness).
    caps_every: usize,
    /// Weights smaller than this are pruned to zero.
    prune: f32,
    /// Weight codes are rounded to multiples of this (1 = full precision).
    code_step: u8,
    wnut: bool,
    uner: bool,
    /// Tokens of the VOA silver set (spaCy teacher) to train on; 0 = none.
    silver_tokens: usize,
    /// The weight of a silver document's updates (gold documents weigh 1).
    silver_weight: f32,
    /// Train for greedy decoding (the tagger up to session 17), not as a
    /// structured perceptron for Viterbi (`--greedy`).
    greedy: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            bits: 17,
            epochs: 12,
            seed: 0x1ede_2026,
            caps_every: 8,
            prune: 0.5,
            code_step: 8,
            wnut: true,
            uner: false,
            silver_tokens: usize::MAX,
            silver_weight: 0.5,
            greedy: false,
        }
    }
}

struct Args {
    data: PathBuf,
    model: Option<PathBuf>,
    research_conll: bool,
    speed: bool,
    conll_only: bool,
    errors: bool,
    settings: Settings,
}

fn parse_args(args: &[String]) -> Result<Args, String> {
    let mut out = Args {
        data: PathBuf::from("../shared/data"),
        model: None,
        research_conll: false,
        speed: false,
        conll_only: false,
        errors: false,
        settings: Settings::default(),
    };
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let mut value = |name: &str| {
            it.next()
                .cloned()
                .ok_or_else(|| format!("{name} needs a value"))
        };
        let number = |v: String| v.parse::<f64>().map_err(|e| format!("{v}: {e}"));
        match arg.as_str() {
            "--data" => out.data = PathBuf::from(value("--data")?),
            "--model" => out.model = Some(PathBuf::from(value("--model")?)),
            "--research-conll" => out.research_conll = true,
            "--speed" => out.speed = true,
            "--conll-only" => out.conll_only = true,
            "--errors" => out.errors = true,
            "--bits" => out.settings.bits = number(value("--bits")?)? as u32,
            "--epochs" => out.settings.epochs = number(value("--epochs")?)? as usize,
            "--seed" => {
                let v = value("--seed")?;
                out.settings.seed = v.parse().map_err(|e| format!("--seed {v}: {e}"))?
            }
            "--caps-every" => out.settings.caps_every = number(value("--caps-every")?)? as usize,
            "--prune" => out.settings.prune = number(value("--prune")?)? as f32,
            "--code-step" => out.settings.code_step = number(value("--code-step")?)? as u8,
            "--no-wnut" => out.settings.wnut = false,
            "--silver-tokens" => {
                out.settings.silver_tokens = number(value("--silver-tokens")?)? as usize
            }
            "--silver-weight" => {
                out.settings.silver_weight = number(value("--silver-weight")?)? as f32
            }
            "--no-clusters" => set_lever(Lever::Clusters, false),
            "--no-knowledge" => set_lever(Lever::Knowledge, false),
            "--no-layout" => set_lever(Lever::Layout, false),
            "--no-document" => set_lever(Lever::Document, false),
            "--greedy" => out.settings.greedy = true,
            "--no-uner" => out.settings.uner = false,
            // UNER-EWT is CC BY-SA: a model trained on it would have to be shared alike, so it is opt-in.
            "--uner" => out.settings.uner = true,
            other => return Err(format!("unknown option {other}")),
        }
    }
    if !(10..=22).contains(&out.settings.bits) {
        return Err("--bits must be in 10..=22".into());
    }
    Ok(out)
}

/// A document of a labelled corpus: sentences of (token, IOB2 tag) pairs, tags
/// over the four CoNLL types (`None` = O).
#[derive(Debug, Clone, Default)]
struct LabelledDoc {
    sentences: Vec<LabelledSentence>,
}

/// (token, tag) pairs; a tag is `(is_begin, type index)`, `None` for O.
type LabelledSentence = Vec<(String, Option<(bool, usize)>)>;

/// The four-type index of a corpus label (after any B-/I- prefix), or None for O
/// and for types that are not named entities.
fn type_index(label: &str) -> Option<usize> {
    let t = match label {
        "PER" | "person" | "PERSON" => "PER",
        "ORG" | "corporation" | "group" => "ORG",
        "LOC" | "location" | "GPE" => "LOC",
        "MISC" | "product" | "creative-work" | "NORP" | "EVENT" => "MISC",
        _ => return None,
    };
    TYPES.iter().position(|x| *x == t)
}

/// Parse an IOB tag: `Some((is_begin, type))`, `None` for O. IOB1 tags are
/// converted to IOB2 later by [`to_iob2`].
fn parse_tag(tag: &str) -> Option<(bool, usize)> {
    let (prefix, label) = tag.split_once('-')?;
    let kind = type_index(label)?;
    Some((prefix == "B", kind))
}

/// IOB1 → IOB2: an I- tag that does not continue the same type begins a chunk.
fn to_iob2(sentence: &mut [(String, Option<(bool, usize)>)]) {
    let mut prev: Option<usize> = None;
    for (_, tag) in sentence.iter_mut() {
        if let Some((begin, kind)) = tag {
            if !*begin && prev != Some(*kind) {
                *begin = true;
            }
            prev = Some(*kind);
        } else {
            prev = None;
        }
    }
}

#[derive(Clone, Copy)]
enum Format {
    /// `token POS chunk NER`, `-DOCSTART-` between documents (CoNLL-2003, WikiGold).
    Conll,
    /// `token<TAB>tag`, no documents: every sentence its own document (WNUT).
    Tab2,
    /// `idx<TAB>token<TAB>tag<TAB>-<TAB>-`, `# newdoc` (UNER).
    Uner,
}

fn read_corpus(path: &Path, format: Format) -> Result<Vec<LabelledDoc>, String> {
    let text = read_text(path)?;
    let mut docs: Vec<LabelledDoc> = Vec::new();
    let mut doc = LabelledDoc::default();
    let mut sentence: Vec<(String, Option<(bool, usize)>)> = Vec::new();
    let finish_sentence = |doc: &mut LabelledDoc, s: &mut Vec<_>| {
        if !s.is_empty() {
            to_iob2(s);
            doc.sentences.push(std::mem::take(s));
        }
    };
    for line in text.lines() {
        let line = line.trim_end();
        if line.is_empty() {
            finish_sentence(&mut doc, &mut sentence);
            if matches!(format, Format::Tab2) && !doc.sentences.is_empty() {
                docs.push(std::mem::take(&mut doc));
            }
            continue;
        }
        match format {
            Format::Conll => {
                if line.starts_with("-DOCSTART-") {
                    finish_sentence(&mut doc, &mut sentence);
                    if !doc.sentences.is_empty() {
                        docs.push(std::mem::take(&mut doc));
                    }
                    continue;
                }
                let cols: Vec<&str> = line.split_whitespace().collect();
                if let (Some(token), Some(tag)) = (cols.first(), cols.last()) {
                    if cols.len() >= 2 {
                        sentence.push((token.to_string(), parse_tag(tag)));
                    }
                }
            }
            Format::Tab2 => {
                let cols: Vec<&str> = line.split('\t').collect();
                if let (Some(token), Some(tag)) = (cols.first(), cols.get(1)) {
                    sentence.push((token.to_string(), parse_tag(tag)));
                }
            }
            Format::Uner => {
                if line.starts_with("# newdoc") {
                    finish_sentence(&mut doc, &mut sentence);
                    if !doc.sentences.is_empty() {
                        docs.push(std::mem::take(&mut doc));
                    }
                    continue;
                }
                if line.starts_with('#') {
                    continue;
                }
                let cols: Vec<&str> = line.split('\t').collect();
                if let (Some(token), Some(tag)) = (cols.get(1), cols.get(2)) {
                    sentence.push((token.to_string(), parse_tag(tag)));
                }
            }
        }
    }
    finish_sentence(&mut doc, &mut sentence);
    if !doc.sentences.is_empty() {
        docs.push(doc);
    }
    Ok(docs)
}

/// A text file, gunzipped when its name ends in `.gz`.
fn read_text(path: &Path) -> Result<String, String> {
    let fail = |e: std::io::Error| format!("{}: {e}", path.display());
    if path.extension().is_some_and(|e| e == "gz") {
        use std::io::Read;
        let file = std::fs::File::open(path).map_err(fail)?;
        let mut text = String::new();
        flate2::read::GzDecoder::new(file)
            .read_to_string(&mut text)
            .map_err(fail)?;
        Ok(text)
    } else {
        std::fs::read_to_string(path).map_err(fail)
    }
}

/// A labelled document as training input; with `caps_every > 0`, every
/// `caps_every`-th sentence (counted across the corpus) also appears as an
/// ALL-CAPS copy at the top of its document, as headlines do.
fn to_train_doc(doc: &LabelledDoc, caps_every: usize, counter: &mut usize) -> TrainDoc {
    let mut words = Vec::new();
    let mut sentences = Vec::new();
    let mut tags = Vec::new();
    let mut push = |sentence: &[(String, Option<(bool, usize)>)], upper: bool| {
        let start = words.len();
        for (word, tag) in sentence {
            words.push(if upper {
                word.to_uppercase()
            } else {
                word.clone()
            });
            tags.push(match tag {
                None => 0u8,
                Some((true, k)) => begin_tag(*k) as u8,
                Some((false, k)) => inside_tag(*k) as u8,
            });
        }
        sentences.push(start..words.len());
    };
    for sentence in &doc.sentences {
        *counter += 1;
        if caps_every > 0 && *counter % caps_every == 0 && sentence.len() > 2 {
            push(sentence, true);
        }
    }
    for sentence in &doc.sentences {
        push(sentence, false);
    }
    TrainDoc {
        words,
        sentences,
        tags,
        weight: 1.0,
    }
}

/// Every CoNLL or IOB2 file of a user's corpus directory (files ending in
/// .conll, .iob, .iob2, .bio, .txt or a CoNLL-2003 name such as eng.train, optionally
/// .gz; sorted by name, so training is reproducible). Each line holds a token
/// first and its tag last (IOB1 or IOB2; PER, ORG, LOC, MISC and the spaCy/OntoNotes
/// names PERSON, GPE, NORP...); `-DOCSTART-` lines separate documents, blank lines
/// sentences. Files named like a dev or test split (dev, testa, testb) are left out.
fn read_user_corpus(dir: &Path) -> Result<Vec<LabelledDoc>, String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .filter(|p| {
            let name = p
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or("")
                .to_lowercase();
            let name = name.strip_suffix(".gz").unwrap_or(&name).to_string();
            let corpus_like = [".conll", ".iob", ".iob2", ".bio", ".txt", ".train"]
                .iter()
                .any(|ext| name.ends_with(ext));
            let test_split = name.contains("test") || name.contains("dev");
            corpus_like && !test_split
        })
        .collect();
    paths.sort();
    if paths.is_empty() {
        return Err(format!(
            "{}: no corpus files (.conll, .iob, .iob2, .bio, .txt) and no ner/ folder",
            dir.display()
        ));
    }
    let mut docs = Vec::new();
    for path in &paths {
        eprintln!("reading {}", path.display());
        docs.extend(read_corpus(path, Format::Conll)?);
    }
    Ok(docs)
}

struct Corpora {
    wikigold: Vec<LabelledDoc>,
    wnut: Vec<LabelledDoc>,
    uner: Vec<LabelledDoc>,
    /// Silver: spaCy en_core_web_md (MIT) on public-domain VOA news.
    silver: Vec<LabelledDoc>,
}

fn read_open_corpora(data: &Path) -> Result<Corpora, String> {
    let ner = data.join("ner");
    let mut wnut = read_corpus(&ner.join("wnut17/wnut17train.conll"), Format::Tab2)?;
    wnut.extend(read_corpus(
        &ner.join("wnut17/emerging.dev.conll"),
        Format::Tab2,
    )?);
    Ok(Corpora {
        wikigold: read_corpus(&ner.join("wikigold/wikigold.conll.txt"), Format::Conll)?,
        wnut,
        uner: read_corpus(&ner.join("uner-en-ewt/en_ewt-ud-dev.iob2"), Format::Uner)?,
        silver: read_corpus(
            &ner.join("voa-silver-spacy-md/voa-silver.conll.gz"),
            Format::Conll,
        )?,
    })
}

/// Is document `index` in the held-out fifth used for out-of-domain scores?
fn held_out(index: usize) -> bool {
    index % 5 == 0
}

/// Train on the open corpora; `exclude_held_out` leaves out the held-out fifth of
/// WikiGold and UNER (for honest scores on them).
fn train_open(corpora: &Corpora, settings: &Settings, exclude_held_out: bool) -> Vec<u8> {
    train_open_f32(corpora, settings, exclude_held_out)
        .quantize_coarse(settings.prune, settings.code_step)
}

fn train_open_f32(corpora: &Corpora, settings: &Settings, exclude_held_out: bool) -> Perceptron {
    let mut counter = 0usize;
    let mut docs = Vec::new();
    for (i, d) in corpora.wikigold.iter().enumerate() {
        if !(exclude_held_out && held_out(i)) {
            docs.push(to_train_doc(d, settings.caps_every, &mut counter));
        }
    }
    if settings.uner {
        for (i, d) in corpora.uner.iter().enumerate() {
            if !(exclude_held_out && held_out(i)) {
                docs.push(to_train_doc(d, settings.caps_every, &mut counter));
            }
        }
    }
    if settings.wnut {
        for d in &corpora.wnut {
            docs.push(to_train_doc(d, settings.caps_every, &mut counter));
        }
    }
    // silver, in corpus order up to the token budget, weighted below gold
    let mut silver_tokens = 0usize;
    for d in &corpora.silver {
        if silver_tokens >= settings.silver_tokens {
            break;
        }
        silver_tokens += d.sentences.iter().map(Vec::len).sum::<usize>();
        let mut doc = to_train_doc(d, settings.caps_every, &mut counter);
        doc.weight = settings.silver_weight;
        docs.push(doc);
    }
    train_perceptron(&docs, settings)
}

/// Full-precision weights trained on `docs`: as a structured perceptron for
/// Viterbi decoding, or for greedy decoding with `--greedy`.
fn train_perceptron(docs: &[TrainDoc], settings: &Settings) -> Perceptron {
    let mut perceptron = Perceptron::new(settings.bits);
    if settings.greedy {
        perceptron.train(docs, settings.epochs, settings.seed);
    } else {
        perceptron.train_structured(docs, settings.epochs, settings.seed);
    }
    perceptron
}

fn train_docs(docs: &[TrainDoc], settings: &Settings) -> Vec<u8> {
    train_perceptron(docs, settings).quantize_coarse(settings.prune, settings.code_step)
}

/// Train on gold documents alone (a user's corpus, or CoNLL under its research
/// terms): the model file's bytes, and where they go (`--model`, or `default_out`).
fn train_gold_only(docs: &[LabelledDoc], args: &Args, default_out: &str) -> (Vec<u8>, PathBuf) {
    let mut counter = 0;
    let train: Vec<TrainDoc> = docs
        .iter()
        .map(|d| to_train_doc(d, args.settings.caps_every, &mut counter))
        .collect();
    let out = args
        .model
        .clone()
        .unwrap_or_else(|| PathBuf::from(default_out));
    (train_docs(&train, &args.settings), out)
}

/// `lede train entities`.
pub fn train(args: &[String]) -> Result<String, String> {
    let args = parse_args(args)?;
    let started = Instant::now();
    eprintln!("settings: {:?}", args.settings);
    let (bytes, out) = if !args.research_conll && !args.data.join("ner").is_dir() {
        // a directory of the user's own corpus (CoNLL or IOB2 files)
        let docs = read_user_corpus(&args.data)?;
        let tokens: usize = docs
            .iter()
            .map(|d| d.sentences.iter().map(Vec::len).sum::<usize>())
            .sum();
        let names: usize = docs.iter().map(|d| gold_chunks(d).len()).sum();
        eprintln!(
            "your corpus: {} documents, {tokens} tokens, {names} names of the types PER/ORG/LOC/MISC",
            docs.len()
        );
        if names == 0 {
            return Err(format!(
                "{}: no PER, ORG, LOC or MISC names found (expected CoNLL or IOB2 files: a token and its tag per line)",
                args.data.display()
            ));
        }
        train_gold_only(&docs, &args, "target/entities-custom.bin")
    } else if args.research_conll {
        let train = read_corpus(&args.data.join("ner/conll2003/eng.train"), Format::Conll)?;
        train_gold_only(&train, &args, "target/entities-research-conll.bin")
    } else {
        let corpora = read_open_corpora(&args.data)?;
        eprintln!(
            "documents: wikigold {}, wnut {}, uner {}",
            corpora.wikigold.len(),
            corpora.wnut.len(),
            corpora.uner.len()
        );
        let out = args
            .model
            .clone()
            .unwrap_or_else(|| PathBuf::from("models/entities.bin"));
        (train_open(&corpora, &args.settings, false), out)
    };
    if let Some(parent) = out.parent() {
        std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
    }
    std::fs::write(&out, &bytes).map_err(|e| format!("{}: {e}", out.display()))?;
    Ok(format!(
        "wrote {} ({} bytes) in {:.1}s",
        out.display(),
        bytes.len(),
        started.elapsed().as_secs_f64()
    ))
}

/// A labelled document as the text stage would see it: tokens joined by spaces,
/// sentences by newlines, with the gold tokenization as the text layer.
fn as_text(doc: &LabelledDoc) -> (String, TextLayer) {
    let mut text = String::new();
    let mut layer = TextLayer::default();
    for sentence in &doc.sentences {
        let first = layer.tokens.len();
        let start = text.len();
        for (k, (word, _)) in sentence.iter().enumerate() {
            if k > 0 {
                text.push(' ');
            }
            let at = text.len();
            text.push_str(word);
            let kind = if word.chars().any(char::is_alphabetic) {
                TokenKind::Word
            } else if word.chars().next().is_some_and(|c| c.is_ascii_digit()) {
                TokenKind::Number
            } else if word.chars().all(|c| c.is_ascii_punctuation()) {
                TokenKind::Punct
            } else {
                TokenKind::Symbol
            };
            layer.tokens.push(Token {
                span: Span::new(at, text.len()),
                kind,
            });
        }
        layer.sentences.push(Sentence {
            span: Span::new(start, text.len()),
            tokens: first..layer.tokens.len(),
        });
        text.push('\n');
    }
    (text, layer)
}

/// Counts for precision/recall/F1, per type.
#[derive(Default, Clone)]
struct Score {
    gold: BTreeMap<usize, usize>,
    predicted: BTreeMap<usize, usize>,
    correct: BTreeMap<usize, usize>,
    tokens: usize,
    /// Print every missed gold name to stderr (`--errors`).
    show_errors: bool,
}

fn four_type(label: &str) -> Option<usize> {
    match label {
        "PERSON" | "PER" => Some(0),
        "ORG" => Some(1),
        "GPE" | "LOC" => Some(2),
        "NORP" | "EVENT" | "MISC" => Some(3),
        _ => None,
    }
}

fn gold_chunks(doc: &LabelledDoc) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let mut offset = 0;
    for sentence in &doc.sentences {
        let mut open: Option<(usize, usize, usize)> = None;
        for (i, (_, tag)) in sentence.iter().enumerate() {
            let at = offset + i;
            match tag {
                Some((false, k)) if open.is_some_and(|o| o.2 == *k) => {
                    if let Some(o) = open.as_mut() {
                        o.1 = at + 1;
                    }
                }
                Some((_, k)) => {
                    if let Some(o) = open.take() {
                        out.push(o);
                    }
                    open = Some((at, at + 1, *k));
                }
                None => {
                    if let Some(o) = open.take() {
                        out.push(o);
                    }
                }
            }
        }
        if let Some(o) = open {
            out.push(o);
        }
        offset += sentence.len();
    }
    out
}

fn score_docs<W: Weights>(model: &W, docs: &[&LabelledDoc], score: &mut Score, ignore_misc: bool) {
    let dictionary = Dictionary::default();
    for doc in docs {
        let (text, layer) = as_text(doc);
        let found = recognize_with(model, &text, &layer, &dictionary);
        let starts: Vec<usize> = layer.tokens.iter().map(|t| t.span.start).collect();
        let ends: Vec<usize> = layer.tokens.iter().map(|t| t.span.end).collect();
        let mut predicted = Vec::new();
        for mention in &found.mentions {
            let Some(kind) = four_type(&mention.label) else {
                continue;
            };
            if ignore_misc && kind == 3 {
                continue;
            }
            let (Ok(first), Ok(last)) = (
                starts.binary_search(&mention.span.start),
                ends.binary_search(&mention.span.end),
            ) else {
                // a span not on gold token boundaries can never be correct
                *score.predicted.entry(kind).or_default() += 1;
                continue;
            };
            predicted.push((first, last + 1, kind));
        }
        let gold = gold_chunks(doc);
        for g in &gold {
            *score.gold.entry(g.2).or_default() += 1;
            if score.show_errors && !predicted.contains(g) {
                let words: Vec<&str> = layer
                    .tokens
                    .get(g.0..g.1)
                    .unwrap_or(&[])
                    .iter()
                    .map(|t| t.span.of(&text))
                    .collect();
                let got = predicted
                    .iter()
                    .find(|p| p.0 < g.1 && g.0 < p.1)
                    .and_then(|p| TYPES.get(p.2))
                    .copied()
                    .unwrap_or("-");
                eprintln!(
                    "missed {} {:?} (overlapping prediction: {got})",
                    TYPES.get(g.2).copied().unwrap_or("?"),
                    words.join(" ")
                );
            }
        }
        for p in &predicted {
            *score.predicted.entry(p.2).or_default() += 1;
            if gold.contains(p) {
                *score.correct.entry(p.2).or_default() += 1;
            }
        }
        score.tokens += layer.tokens.len();
    }
}

fn f1_line(name: &str, gold: usize, predicted: usize, correct: usize) -> String {
    let p = if predicted > 0 {
        correct as f64 / predicted as f64
    } else {
        0.0
    };
    let r = if gold > 0 {
        correct as f64 / gold as f64
    } else {
        0.0
    };
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    format!(
        "  {name:<6} P {:5.1}  R {:5.1}  F1 {:5.1}   (gold {gold}, predicted {predicted}, correct {correct})",
        100.0 * p,
        100.0 * r,
        100.0 * f
    )
}

fn report(title: &str, score: &Score) -> String {
    let mut lines = vec![format!("{title} ({} tokens)", score.tokens)];
    let total = |m: &BTreeMap<usize, usize>| m.values().sum::<usize>();
    lines.push(f1_line(
        "all",
        total(&score.gold),
        total(&score.predicted),
        total(&score.correct),
    ));
    for (k, name) in TYPES.iter().enumerate() {
        let get = |m: &BTreeMap<usize, usize>| m.get(&k).copied().unwrap_or(0);
        lines.push(f1_line(
            name,
            get(&score.gold),
            get(&score.predicted),
            get(&score.correct),
        ));
    }
    lines.join("\n")
}

/// `lede eval entities`.
pub fn eval(args: &[String]) -> Result<String, String> {
    let args = parse_args(args)?;
    let model_bytes = match &args.model {
        Some(path) => std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?,
        None => lede::lab::entities::MODEL_BYTES.to_vec(),
    };
    let model = QuantizedModel::from_bytes(&model_bytes)
        .ok_or("the model file is not an entities model (run `lede train entities`)")?;
    let conll = read_corpus(&args.data.join("ner/conll2003/eng.testa"), Format::Conll)?;
    let conll_refs: Vec<&LabelledDoc> = conll.iter().collect();
    let mut out = Vec::new();
    let model_name = args
        .model
        .as_ref()
        .map_or("models/entities.bin".to_string(), |p| {
            p.display().to_string()
        });
    out.push(format!(
        "model {model_name}: {} bytes raw",
        model_bytes.len()
    ));
    if args.speed {
        let total_tokens: usize = conll
            .iter()
            .map(|d| d.sentences.iter().map(Vec::len).sum::<usize>())
            .sum();
        let prepared: Vec<(String, TextLayer)> = conll.iter().map(as_text).collect();
        let dictionary = Dictionary::default();
        let mut rounds = 0usize;
        let started = Instant::now();
        let mut found = 0usize;
        while rounds < 3 || started.elapsed().as_secs_f64() < 3.0 {
            for (text, layer) in &prepared {
                found += recognize_with(&model, text, layer, &dictionary)
                    .mentions
                    .len();
            }
            rounds += 1;
        }
        let seconds = started.elapsed().as_secs_f64();
        out.push(format!(
            "speed: {:.0} tokens/s (whole entities stage on pre-segmented text, one core; {} rounds of {} tokens, {} mentions)",
            (total_tokens * rounds) as f64 / seconds,
            rounds,
            total_tokens,
            found
        ));
        return Ok(out.join("\n"));
    }
    let mut score = Score {
        show_errors: args.errors,
        ..Score::default()
    };
    score_docs(&model, &conll_refs, &mut score, false);
    out.push(report("CoNLL-2003 eng.testa (dev)", &score));
    if !args.conll_only {
        // out-of-domain: a model retrained without the held-out fifth
        let corpora = read_open_corpora(&args.data)?;
        let held_bytes = train_open(&corpora, &args.settings, true);
        let held = QuantizedModel::from_bytes(&held_bytes).ok_or("training failed")?;
        let wiki = held_out_docs(&corpora.wikigold);
        let mut score = Score::default();
        score_docs(&held, &wiki, &mut score, false);
        out.push(report(
            "WikiGold, held-out fifth of documents (model retrained without them)",
            &score,
        ));
        let uner = held_out_docs(&corpora.uner);
        let mut score = Score::default();
        score_docs(&held, &uner, &mut score, true);
        out.push(report(
            "UNER English-EWT dev, held-out fifth of documents (PER/ORG/LOC only; MISC predictions ignored)",
            &score,
        ));
    }
    Ok(out.join("\n"))
}

/// The documents of a corpus kept out of training for the held-out evaluation.
fn held_out_docs(docs: &[LabelledDoc]) -> Vec<&LabelledDoc> {
    docs.iter()
        .enumerate()
        .filter(|(i, _)| held_out(*i))
        .map(|(_, d)| d)
        .collect()
}
