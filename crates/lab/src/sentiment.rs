//! `lede eval sentiment`: targeted sentiment on NewsMTSC dev_rw and dev_mt
//! (macro-F1, accuracy), sentence valence against human ratings (Pearson r on
//! the VADER ground-truth sets, and the SemEval-2007 headline trial set, held out), and
//! Financial PhraseBank (AllAgree) polarity as a development check. Native only.
//! Sentence and article tone comes from a model trained on the rated sets
//! ([`tone`]), so its figures on them are cross-validated.

use crate::common::{data_dir, flag, throughput};
use lede::entities::EntityLayer;
use lede::lab::sentiment::score;
use lede::lab::sentiment::training::{self, Example, Settings};
use lede::lab::sentiment::{argmax, features, Context, Model};
use lede::Span;

pub mod tone;
use tone::pearson;

fn read(path: &std::path::Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

/// Byte offset of the `chars`-th character (Python string index).
fn byte_at(text: &str, chars: usize) -> usize {
    text.char_indices()
        .nth(chars)
        .map_or(text.len(), |(i, _)| i)
}

fn label_index(label: &str) -> usize {
    match label {
        "negative" => 0,
        "neutral" => 1,
        _ => 2,
    }
}

pub(crate) fn macro_f1(confusion: &[[usize; 3]; 3]) -> (f64, f64) {
    let mut f1s = 0.0;
    let mut correct = 0;
    let mut total = 0;
    for (c, row) in confusion.iter().enumerate() {
        let tp = row.get(c).copied().unwrap_or(0);
        let predicted: usize = confusion
            .iter()
            .map(|g| g.get(c).copied().unwrap_or(0))
            .sum();
        let gold: usize = row.iter().sum();
        let p = tp as f64 / predicted.max(1) as f64;
        let r = tp as f64 / gold.max(1) as f64;
        f1s += if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        correct += tp;
        total += gold;
    }
    (f1s / 3.0, correct as f64 / total.max(1) as f64)
}

/// NewsMTSC: each target's tone through the same path as `analyze` targets.
fn newsmtsc(path: &std::path::Path) -> Result<String, String> {
    let mut confusion = [[0usize; 3]; 3];
    for item in load_newsmtsc(path)? {
        let layer = lede::text::segment(&item.sentence);
        for (span, gold) in item.targets {
            let result = score(&item.sentence, &layer, &EntityLayer::default(), &[span]);
            let predicted = result
                .targets
                .first()
                .map_or(1, |t| label_index(t.tone.label));
            if let Some(cell) = confusion
                .get_mut(gold)
                .and_then(|row| row.get_mut(predicted))
            {
                *cell += 1;
            }
        }
    }
    let (f1, accuracy) = macro_f1(&confusion);
    Ok(format!("macro-F1 {f1:.3}  accuracy {accuracy:.3}"))
}

/// `lede eval sentiment [--data DIR]`
pub fn eval(args: &[String]) -> Result<String, String> {
    let data = data_dir(args).join("sentiment");
    let mut out = String::new();
    out.push_str(&format!(
        "NewsMTSC dev_rw: {}\n",
        newsmtsc(&data.join("newsmtsc/dev_rw.jsonl"))?
    ));
    out.push_str(&format!(
        "NewsMTSC dev_mt: {}\n",
        newsmtsc(&data.join("newsmtsc/dev_mt.jsonl"))?
    ));
    let recipe = tone::recipe(args)?;
    let items = tone::load(
        &data,
        recipe.settings.bits,
        recipe.news_magnitude,
        recipe.emobank_scale,
        recipe.gne_magnitude,
    )?;
    let cv = tone::cross_validate(&items, &recipe)?;
    out.push_str("Sentence and article tone against human ratings (cross-validated on the sets the shipped model trains on):\n");
    out.push_str(&tone::report(&items, &cv, &recipe));
    out.push_str(&tone::news_dev(&data, "dev_rw")?);
    out.push_str(&tone::news_dev(&data, "dev_mt")?);
    // the shipped model on its own training data: a check that it is the recipe's, not a measure
    if let Some(model) =
        lede::lab::sentiment::tone::Model::from_bytes(lede::lab::sentiment::tone::TONE_MODEL_BYTES)
    {
        let fitted: Vec<String> = tone::SETS
            .iter()
            .enumerate()
            .map(|(set, name)| {
                let pairs: Vec<(f64, f64)> = items
                    .iter()
                    .filter(|i| i.set == set)
                    .map(|i| (f64::from(tone::predict(&model, i)), f64::from(i.gold)))
                    .collect();
                let held_out = recipe.set_weights.get(set).is_some_and(|w| *w <= 0.0);
                let note = if held_out { " (held out)" } else { "" };
                format!("{name} {:.3}{note}", pearson(&pairs))
            })
            .collect();
        out.push_str(&format!(
            "  shipped model on the data it was trained on (not a measure): {}\n",
            fitted.join(", ")
        ));
    }
    let fpb = read(&data.join("financial-phrasebank/Sentences_AllAgree.txt"))?;
    let mut confusion = [[0usize; 3]; 3];
    for line in fpb.lines() {
        let Some((text, label)) = line.rsplit_once('@') else {
            continue;
        };
        let layer = lede::text::segment(text);
        let predicted = label_index(
            score(text, &layer, &EntityLayer::default(), &[])
                .document
                .label,
        );
        confusion[label_index(label.trim())][predicted] += 1;
    }
    let (f1, accuracy) = macro_f1(&confusion);
    out.push_str(&format!(
        "Financial PhraseBank AllAgree (dev check only): macro-F1 {f1:.3} accuracy {accuracy:.3}\n"
    ));
    out.push_str(&speed(&data)?);
    Ok(out)
}

fn speed(data: &std::path::Path) -> Result<String, String> {
    let body = read(&data.join("newsmtsc/train.jsonl"))?;
    let sentences: Vec<String> = body
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["sentence_normalized"].as_str().map(str::to_string))
        .collect();
    let articles: Vec<String> = sentences.chunks(30).map(|c| c.join(" ")).collect();
    let empty = EntityLayer::default();
    let (plain, _) = throughput(&articles, 1.5, |text, layer| {
        std::hint::black_box(score(text, layer, &empty, &[]));
    });
    // with the entities the stage scores (found beforehand, outside the timing)
    let found: Vec<EntityLayer> = articles
        .iter()
        .map(|text| {
            let layer = lede::text::segment(text);
            lede::entities::recognize(text, &layer, &lede::entities::Dictionary::default())
        })
        .collect();
    let mentions: usize = found.iter().map(|f| f.mentions.len()).sum();
    let mut next = 0usize;
    let (tokens, _) = throughput(&articles, 1.5, |text, layer| {
        let entities = found.get(next % found.len().max(1)).unwrap_or(&empty);
        next += 1;
        std::hint::black_box(score(text, layer, entities, &[]));
    });
    Ok(format!(
        "throughput: {tokens:.0} tokens/s for the sentiment stage with entity tone ({mentions} mentions in {} articles), {plain:.0} tokens/s without entities (one core)\nmodel: models/sentiment-targets.bin {} bytes embedded\n",
        articles.len(),
        lede::lab::sentiment::TARGET_MODEL_BYTES.len()
    ))
}

/// One NewsMTSC sentence with its targets: (byte span, gold class index).
struct Item {
    sentence: String,
    targets: Vec<(Span, usize)>,
}

fn load_newsmtsc(path: &std::path::Path) -> Result<Vec<Item>, String> {
    let mut items = Vec::new();
    for line in read(path)?.lines() {
        let Ok(item) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        let Some(sentence) = item["sentence_normalized"].as_str() else {
            continue;
        };
        let mut targets = Vec::new();
        for target in item["targets"].as_array().into_iter().flatten() {
            let (Some(from), Some(to), Some(polarity)) = (
                target["from"].as_u64(),
                target["to"].as_u64(),
                target["polarity"].as_f64(),
            ) else {
                continue;
            };
            let span = Span::new(
                byte_at(sentence, from as usize),
                byte_at(sentence, to as usize),
            );
            let gold = if polarity < 3.0 {
                0
            } else if polarity > 5.0 {
                2
            } else {
                1
            };
            targets.push((span, gold));
        }
        items.push(Item {
            sentence: sentence.to_string(),
            targets,
        });
    }
    Ok(items)
}

/// Feature buckets for every target of every item, grouped by item.
fn examples(items: &[Item], bits: u32) -> Vec<Vec<Example>> {
    items
        .iter()
        .map(|item| {
            let tokens = lede::text::tokenize(&item.sentence);
            let words: Vec<&str> = tokens.iter().map(|t| t.span.of(&item.sentence)).collect();
            let ctx = Context::new(&words);
            item.targets
                .iter()
                .map(|&(span, gold)| {
                    let (start, end) =
                        lede::lab::sentiment::token_range(&tokens, span).unwrap_or((0, 0));
                    let mut buckets = Vec::new();
                    features(&ctx, start, end, bits, &mut buckets);
                    Example { buckets, gold }
                })
                .collect()
        })
        .collect()
}

/// The class offsets (negative, 0, positive) that maximize macro-F1 of
/// probabilities `p` against gold classes.
fn tune_offsets(predictions: &[([f32; 3], usize)]) -> ([f32; 3], f64) {
    let logs: Vec<([f32; 3], usize)> = predictions
        .iter()
        .map(|(p, g)| (p.map(|v| v.max(1e-9).ln()), *g))
        .collect();
    let mut best = ([0f32; 3], -1.0);
    for a in -30..=30 {
        for b in -30..=30 {
            let offsets = [a as f32 * 0.05, 0.0, b as f32 * 0.05];
            let mut confusion = [[0usize; 3]; 3];
            for (l, g) in &logs {
                let shifted = [l[0] + offsets[0], l[1], l[2] + offsets[2]];
                confusion[*g][argmax(&shifted)] += 1;
            }
            let (f1, _) = macro_f1(&confusion);
            if f1 > best.1 + 1e-9 {
                best = (offsets, f1);
            }
        }
    }
    best
}

fn confusion_of(predictions: &[([f32; 3], usize)]) -> [[usize; 3]; 3] {
    let mut confusion = [[0usize; 3]; 3];
    for (p, g) in predictions {
        confusion[*g][argmax(p)] += 1;
    }
    confusion
}

fn numeric<T: std::str::FromStr>(args: &[String], name: &str, default: T) -> Result<T, String> {
    flag(args, name).map_or(Ok(default), |v| {
        v.parse().map_err(|_| format!("{name}: not a number: {v}"))
    })
}

/// `lede train sentiment [--data DIR] [--out FILE] [--dev] [--bits B] [--epochs E]
/// [--rate R] [--l2 L] [--prune P]`: the targeted-sentiment model from NewsMTSC train only.
/// Class offsets are tuned for macro-F1 by 5-fold cross-validation on train
/// (folds by sentence); `--dev` also prints the dev figures (measurement only).
/// Then the sentence-tone model with its default recipe (`lede train tone`).
pub fn train(args: &[String]) -> Result<String, String> {
    let data = data_dir(args).join("sentiment/newsmtsc");
    let settings = Settings {
        bits: numeric(args, "--bits", 16)?,
        epochs: numeric(args, "--epochs", 20)?,
        rate: numeric(args, "--rate", 0.01)?,
        l2: numeric(args, "--l2", 1e-4)?,
        seed: 0x5eed_1ede,
    };
    if !(8..=24).contains(&settings.bits) {
        return Err("--bits must be 8..=24".into());
    }
    let prune: f32 = numeric(args, "--prune", 0.01)?;
    let out_path = flag(args, "--out").unwrap_or("models/sentiment-targets.bin");
    let items = load_newsmtsc(&data.join("train.jsonl"))?;
    let grouped = examples(&items, settings.bits);
    let mut report = String::new();
    // cross-validation on train: folds by sentence
    let folds = 5;
    let mut predictions: Vec<([f32; 3], usize)> = Vec::new();
    for fold in 0..folds {
        let mut training = Vec::new();
        let mut held = Vec::new();
        for (i, group) in grouped.iter().enumerate() {
            for e in group {
                if i % folds == fold {
                    held.push(e);
                } else {
                    training.push(Example {
                        buckets: e.buckets.clone(),
                        gold: e.gold,
                    });
                }
            }
        }
        // scored as shipped: quantized
        let bytes = training::train(&training, settings).quantize(prune);
        let model = Model::from_bytes(&bytes).ok_or("model did not read back")?;
        predictions.extend(
            held.iter()
                .map(|e| (model.probabilities(&e.buckets), e.gold)),
        );
    }
    let (plain_f1, plain_acc) = macro_f1(&confusion_of(&predictions));
    let (offsets, tuned_f1) = tune_offsets(&predictions);
    report.push_str(&format!(
        "train 5-fold CV: macro-F1 {plain_f1:.3} accuracy {plain_acc:.3}; with class offsets {offsets:?}: macro-F1 {tuned_f1:.3}\n"
    ));
    let all: Vec<Example> = grouped.into_iter().flatten().collect();
    let mut weights = training::train(&all, settings);
    weights.shift_classes(offsets);
    let bytes = weights.quantize(prune);
    if let Some(dir) = std::path::Path::new(out_path).parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    std::fs::write(out_path, &bytes).map_err(|e| format!("{out_path}: {e}"))?;
    report.push_str(&format!(
        "{} examples, {settings:?}; wrote {out_path} ({} bytes)\n",
        all.len(),
        bytes.len()
    ));
    if args.iter().any(|a| a == "--dev") {
        let model = Model::from_bytes(&bytes).ok_or("model did not read back")?;
        for set in ["dev_rw", "dev_mt"] {
            let items = load_newsmtsc(&data.join(format!("{set}.jsonl")))?;
            let predictions: Vec<([f32; 3], usize)> = examples(&items, settings.bits)
                .iter()
                .flatten()
                .map(|e| (model.probabilities(&e.buckets), e.gold))
                .collect();
            let (f1, acc) = macro_f1(&confusion_of(&predictions));
            report.push_str(&format!(
                "{set} (model alone, measurement only): macro-F1 {f1:.3} accuracy {acc:.3}\n"
            ));
        }
    }
    // then the sentence-tone model, with its own default settings
    let mut tone_args: Vec<String> = Vec::new();
    if let Some(dir) = flag(args, "--data") {
        tone_args.extend(["--data".to_string(), dir.to_string()]);
    }
    report.push_str(&tone::train(
        &data_dir(&tone_args).join("sentiment"),
        &tone_args,
    )?);
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn class_offsets_recover_a_shifted_class() {
        // every positive item reads slightly neutral: an offset toward positive fixes it
        let mut predictions = Vec::new();
        for _ in 0..10 {
            predictions.push(([0.8, 0.1, 0.1], 0));
            predictions.push(([0.1, 0.8, 0.1], 1));
            predictions.push(([0.1, 0.5, 0.4], 2));
        }
        let (plain, _) = macro_f1(&confusion_of(&predictions));
        let (offsets, tuned) = tune_offsets(&predictions);
        assert!(plain < 0.7 && tuned > 0.99, "{plain} {tuned}");
        assert!(offsets[2] > 0.0 && offsets[1] == 0.0);
    }
}
