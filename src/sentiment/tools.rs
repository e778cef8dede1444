//! `lede eval sentiment`: targeted sentiment on NewsMTSC dev_rw and dev_mt
//! (macro-F1, accuracy), sentence valence against human ratings (Pearson r on
//! the VADER ground-truth sets and the SemEval-2007 headline trial set), and
//! Financial PhraseBank (AllAgree) polarity as a development check. Native only.

use super::{score, sentence_score, TARGET_NEUTRAL};
use crate::devtools::{data_dir, throughput};
use crate::entities::EntityLayer;
use crate::Span;

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

fn macro_f1(confusion: &[[usize; 3]; 3]) -> (f64, f64) {
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
    for line in read(path)?.lines() {
        let Ok(item) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        let Some(sentence) = item["sentence_normalized"].as_str() else {
            continue;
        };
        let layer = crate::text::segment(sentence);
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
            let result = score(sentence, &layer, &EntityLayer::default(), &[span]);
            let predicted = result
                .targets
                .first()
                .map_or(1, |t| label_index(t.tone.label));
            let gold = if polarity < 3.0 {
                0
            } else if polarity > 5.0 {
                2
            } else {
                1
            };
            confusion[gold][predicted] += 1;
        }
    }
    let (f1, accuracy) = macro_f1(&confusion);
    Ok(format!(
        "macro-F1 {f1:.3}  accuracy {accuracy:.3}  (neutral band ±{TARGET_NEUTRAL})"
    ))
}

fn pearson(pairs: &[(f64, f64)]) -> f64 {
    let n = pairs.len().max(1) as f64;
    let (mx, my) = (
        pairs.iter().map(|p| p.0).sum::<f64>() / n,
        pairs.iter().map(|p| p.1).sum::<f64>() / n,
    );
    let cov: f64 = pairs.iter().map(|p| (p.0 - mx) * (p.1 - my)).sum();
    let vx: f64 = pairs.iter().map(|p| (p.0 - mx).powi(2)).sum();
    let vy: f64 = pairs.iter().map(|p| (p.1 - my).powi(2)).sum();
    cov / (vx.sqrt() * vy.sqrt()).max(1e-12)
}

fn words(text: &str) -> Vec<&str> {
    crate::text::tokenize(text)
        .iter()
        .map(|t| t.span.of(text))
        .collect()
}

/// A document's tone, as `analyze` computes it, for a snippet.
fn snippet_score(text: &str) -> f64 {
    let layer = crate::text::segment(text);
    f64::from(
        score(text, &layer, &EntityLayer::default(), &[])
            .document
            .score,
    )
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
    for set in ["tweets", "movieReviewSnippets", "amazonReviewSnippets"] {
        let body = read(&data.join(format!("vader-groundtruth/{set}_GroundTruth.txt")))?;
        let pairs: Vec<(f64, f64)> = body
            .lines()
            .filter_map(|l| {
                let mut cols = l.splitn(3, '\t');
                let (_, gold, text) = (
                    cols.next()?,
                    cols.next()?.parse::<f64>().ok()?,
                    cols.next()?,
                );
                Some((snippet_score(text), gold))
            })
            .collect();
        out.push_str(&format!(
            "VADER {set}: Pearson r {:.3} ({} items)\n",
            pearson(&pairs),
            pairs.len()
        ));
    }
    let xml = read(&data.join("semeval2007-affective/affectivetext_trial.xml"))?;
    let gold = read(&data.join("semeval2007-affective/affectivetext_trial.valence.gold"))?;
    let headlines: std::collections::HashMap<&str, &str> = xml
        .split("<instance id=\"")
        .skip(1)
        .filter_map(|chunk| {
            let (id, rest) = chunk.split_once("\">")?;
            Some((id, rest.split("</instance>").next()?))
        })
        .collect();
    let pairs: Vec<(f64, f64)> = gold
        .lines()
        .filter_map(|l| {
            let (id, v) = l.split_once(' ')?;
            Some((
                f64::from(sentence_score(&words(headlines.get(id)?))),
                v.trim().parse().ok()?,
            ))
        })
        .collect();
    out.push_str(&format!(
        "SemEval-2007 headlines (trial): Pearson r {:.3} ({} items)\n",
        pearson(&pairs),
        pairs.len()
    ));
    let fpb = read(&data.join("financial-phrasebank/Sentences_AllAgree.txt"))?;
    let mut confusion = [[0usize; 3]; 3];
    for line in fpb.lines() {
        let Some((text, label)) = line.rsplit_once('@') else {
            continue;
        };
        let s = sentence_score(&words(text));
        let predicted = if s > 0.05 {
            2
        } else if s < -0.05 {
            0
        } else {
            1
        };
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
    let (tokens, _) = throughput(&articles, 1.5, |text, layer| {
        std::hint::black_box(score(text, layer, &empty, &[]));
    });
    Ok(format!(
        "throughput: {tokens:.0} tokens/s for the sentiment stage (one core)\n"
    ))
}

/// `lede train sentiment`: the sentiment stage has no trained weights yet.
pub fn train(_args: &[String]) -> Result<String, String> {
    Err("the sentiment stage is lexicon-based (models/sentiment-lexicon.tsv, rebuilt by tools/build_sentiment_lexicon.py); it has no trained model".into())
}
