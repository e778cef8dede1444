//! The sentence-tone model's data, cross-validation and training (`lede train
//! tone`, and the tone part of `lede eval sentiment`).
//!
//! Training data: openly licensed sentence-level human ratings in
//! `../shared/data/sentiment`: the VADER ground truth (tweets, movie-review and
//! Amazon-review snippets; MIT), NewsMTSC train sentences (MIT) whose targets
//! all take one tone (a sentence-level reading that is sound: the sentence says
//! one thing of everyone in it), and EmoBank's sentences of open text (CC BY-SA
//! 4.0; newspaper, letters, blogs, essays, fiction, travel guides; valence 1..5,
//! `emobank/emobank-open.tsv`), never its SemEval-2007 headlines (dropped from the
//! file, and again here, with any sentence whose text is a trial headline's);
//! and GoodNewsEveryone's news headlines (annotations CC BY 4.0), each rated by
//! the sign of its dominant emotion.
//! Never trained on by the shipped recipe: the
//! SemEval-2007 Affective Text trial headlines (released for research use only;
//! read and scored as a held-out set, `--headlines-weight` > 0 trains on them for
//! experiments) and Financial PhraseBank (CC BY-NC-SA).
//!
//! Every rated item is read the way `analyze` reads an article: segmented into
//! sentences, each sentence's features scored, the article's tone the weighted
//! mean of its sentence tones. Because the model is linear, training on the
//! weighted mean of an item's sentence features trains exactly that mean.
//! Figures on sets the model trains on are k-fold cross-validated (folds by
//! item within each set): no item is scored by a model that saw it.

use crate::common::flag;
use lede::entities::EntityLayer;
use lede::lab::sentiment::tone::training::{self, Example, Settings};
use lede::lab::sentiment::tone::{read_sentences, Model, SentenceReading};
use lede::sentiment::STRENGTH_FLOOR;
use std::path::Path;

/// The rated sets, in report order.
pub const SETS: [&str; 8] = [
    "VADER tweets",
    "VADER movieReviewSnippets",
    "VADER amazonReviewSnippets",
    "SemEval-2007 headlines (trial)",
    "NewsMTSC train sentences (one tone)",
    "EmoBank newspaper sentences",
    "EmoBank other open genres",
    "GoodNewsEveryone headlines (emotion's sign)",
];

/// Index of the SemEval-2007 trial headlines in [`SETS`].
const HEADLINES: usize = 3;
/// Index of the NewsMTSC train sentences in [`SETS`].
const NEWS: usize = 4;
/// Index of EmoBank's newspaper sentences in [`SETS`]; its other genres follow.
const EMOBANK_NEWS: usize = 5;
/// Index of the GoodNewsEveryone headlines in [`SETS`].
const GNE: usize = 7;

/// GoodNewsEveryone's emotions that read positive; the others read negative.
const POSITIVE_EMOTIONS: [&str; 6] = [
    "joy",
    "trust",
    "pride",
    "love_including_like",
    "positive_surprise",
    "positive_anticipation_including_optimism",
];

/// GoodNewsEveryone's headlines (`gne-headlines.tsv`: `id dominant_emotion
/// headline`) as `(rating, headline)`: `magnitude` for a positive dominant
/// emotion, `-magnitude` for a negative one; headlines whose normalized text is
/// one of `held_out` are skipped (the file has none).
pub fn gne_headlines(
    path: &Path,
    magnitude: f32,
    held_out: &std::collections::HashSet<String>,
) -> Result<Vec<(f32, String)>, String> {
    let mut out = Vec::new();
    for line in read_open_set(path)?.lines().skip(1) {
        let mut cols = line.splitn(3, '\t');
        let (Some(_), Some(emotion), Some(text)) = (cols.next(), cols.next(), cols.next()) else {
            continue;
        };
        if emotion.is_empty() || held_out.contains(&normalized(text)) {
            continue;
        }
        let sign = if POSITIVE_EMOTIONS.contains(&emotion) {
            1.0
        } else {
            -1.0
        };
        out.push((sign * magnitude, text.to_string()));
    }
    Ok(out)
}

/// A sentence as the trainer reads it: its features `(bucket, value)`, its
/// weight in its item's tone, and the lexicon's tone of it.
pub type SentenceFeatures = (Vec<(u32, f32)>, f32, f32);

/// One rated item: its set, its rating in [-1, 1], its sentences as read.
pub struct Item {
    /// Index into [`SETS`] (or into the caller's own list).
    pub set: usize,
    /// The human rating scaled to [-1, 1].
    pub gold: f32,
    /// Per sentence: features `(bucket, value)` and weight in the item's tone;
    /// the lexicon's sentence tone.
    pub sentences: Vec<SentenceFeatures>,
}

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

/// [`read`] for the open sets the data folder does not carry itself (EmoBank,
/// GoodNewsEveryone): a missing file says how to build it.
fn read_open_set(path: &Path) -> Result<String, String> {
    read(path).map_err(|e| {
        format!("{e} (build it: python3 tools/sentiment_open_data.py --emobank EMOBANK_CHECKOUT --gne GNE_TSV; see that file's header)")
    })
}

fn item(set: usize, gold: f32, text: &str, bits: u32) -> Item {
    let layer = lede::text::segment(text);
    let sentences = read_sentences(text, &layer, None, Some(bits))
        .into_iter()
        .map(|r: SentenceReading| {
            (
                r.features.iter().map(|f| (f.bucket, f.value)).collect(),
                r.weight,
                r.lexicon,
            )
        })
        .collect();
    Item {
        set,
        gold,
        sentences,
    }
}

/// NewsMTSC sentences whose targets all share one polarity, as ratings
/// `-magnitude`, 0 or `magnitude`.
pub fn news_sentences(path: &Path, magnitude: f32) -> Result<Vec<(String, f32)>, String> {
    let mut out = Vec::new();
    for line in read(path)?.lines() {
        let Ok(item) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        let Some(sentence) = item["sentence_normalized"].as_str() else {
            continue;
        };
        let polarities: Vec<f64> = item["targets"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|t| t["polarity"].as_f64())
            .collect();
        let Some(&first) = polarities.first() else {
            continue;
        };
        if polarities.iter().any(|p| (p - first).abs() > 0.5) {
            continue;
        }
        let gold = if first < 3.0 {
            -magnitude
        } else if first > 5.0 {
            magnitude
        } else {
            0.0
        };
        out.push((sentence.to_string(), gold));
    }
    Ok(out)
}

/// Text compared as the EmoBank exclusion compares it: lower case, runs of
/// anything but letters and digits one space.
fn normalized(text: &str) -> String {
    let lower = text.to_lowercase();
    let mut out = String::with_capacity(lower.len());
    for word in lower
        .split(|c: char| !c.is_alphanumeric() && c != '_')
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// One EmoBank sentence as the trainer reads it.
pub struct Rated {
    /// Whether it comes from EmoBank's newspaper genre.
    pub newspaper: bool,
    /// Its rating in [-1, 1].
    pub gold: f32,
    /// The sentence.
    pub text: String,
}

/// EmoBank's open sentences (`emobank-open.tsv`: `id split category V A D
/// text`) as [`Rated`]: the rating is valence's distance from
/// the scale's centre 3, as a share of its half-range 2, times `scale`, within
/// [-1, 1]. Rows of the SemEval category and rows whose normalized text is one of
/// `held_out` are skipped (the file already has none); their count is returned.
pub fn emobank(
    path: &Path,
    scale: f32,
    held_out: &std::collections::HashSet<String>,
) -> Result<(Vec<Rated>, usize), String> {
    let body = read_open_set(path)?;
    let (mut out, mut skipped) = (Vec::new(), 0);
    for line in body.lines().skip(1) {
        let cols: Vec<&str> = line.splitn(7, '\t').collect();
        let [_, _, category, v, _, _, text] = cols.as_slice() else {
            continue;
        };
        let Ok(v) = v.trim().parse::<f32>() else {
            continue;
        };
        if category.eq_ignore_ascii_case("semeval") || held_out.contains(&normalized(text)) {
            skipped += 1;
            continue;
        }
        let gold = ((v - 3.0) / 2.0 * scale).clamp(-1.0, 1.0);
        out.push(Rated {
            newspaper: *category == "newspaper",
            gold,
            text: text.to_string(),
        });
    }
    Ok((out, skipped))
}

/// Everything the model trains on, read for `bits` hash bits.
pub fn load(
    data: &Path,
    bits: u32,
    news_magnitude: f32,
    emobank_scale: f32,
    gne_magnitude: f32,
) -> Result<Vec<Item>, String> {
    let mut items = Vec::new();
    for (set, name) in ["tweets", "movieReviewSnippets", "amazonReviewSnippets"]
        .iter()
        .enumerate()
    {
        let body = read(&data.join(format!("vader-groundtruth/{name}_GroundTruth.txt")))?;
        for line in body.lines() {
            let mut cols = line.splitn(3, '\t');
            let (Some(_), Some(gold), Some(text)) = (cols.next(), cols.next(), cols.next()) else {
                continue;
            };
            let Ok(gold) = gold.trim().parse::<f32>() else {
                continue;
            };
            items.push(item(set, gold / 4.0, text.trim_end(), bits));
        }
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
    for line in gold.lines() {
        let Some((id, v)) = line.split_once(' ') else {
            continue;
        };
        let (Some(text), Ok(v)) = (headlines.get(id), v.trim().parse::<f32>()) else {
            continue;
        };
        items.push(item(HEADLINES, v / 100.0, text, bits));
    }
    for (text, gold) in news_sentences(&data.join("newsmtsc/train.jsonl"), news_magnitude)? {
        items.push(item(NEWS, gold, &text, bits));
    }
    let held_out: std::collections::HashSet<String> =
        headlines.values().map(|h| normalized(h)).collect();
    let (rated, _) = emobank(
        &data.join("emobank/emobank-open.tsv"),
        emobank_scale,
        &held_out,
    )?;
    for Rated {
        newspaper,
        gold,
        text,
    } in rated
    {
        let set = if newspaper {
            EMOBANK_NEWS
        } else {
            EMOBANK_NEWS + 1
        };
        items.push(item(set, gold, &text, bits));
    }
    let gne = gne_headlines(
        &data.join("goodnewseveryone/gne-headlines.tsv"),
        gne_magnitude,
        &held_out,
    )?;
    for (gold, text) in gne {
        items.push(item(GNE, gold, &text, bits));
    }
    Ok(items)
}

/// An item's tone under `model`, as `analyze` computes an article's tone: the
/// mean of its sentences' clamped scores, each weighted by its strength
/// (`lede::sentiment::STRENGTH_FLOOR` + |score|) and by quotation.
pub fn predict(model: &Model, item: &Item) -> f32 {
    let (mut sum, mut weights) = (0f32, 0f32);
    for (features, weight, _) in &item.sentences {
        let s: f32 = features.iter().map(|&(b, v)| model.weight(b) * v).sum();
        let s = s.clamp(-1.0, 1.0);
        let w = weight * (STRENGTH_FLOOR + s.abs());
        sum += s * w;
        weights += w;
    }
    if weights > 0.0 {
        sum / weights
    } else {
        0.0
    }
}

/// An item's tone under the lexicon alone, as `analyze` computed it before the
/// model: the weighted mean of its non-zero sentence tones.
pub fn lexicon(item: &Item) -> f32 {
    let (mut sum, mut weights) = (0f32, 0f32);
    for (_, weight, s) in &item.sentences {
        if *s != 0.0 {
            sum += s * weight;
            weights += weight;
        }
    }
    if weights > 0.0 {
        sum / weights
    } else {
        0.0
    }
}

fn example(item: &Item, weight: f32) -> Example {
    let total: f32 = item.sentences.iter().map(|s| s.1).sum();
    let mut features = Vec::new();
    for (f, w, _) in &item.sentences {
        let share = w / total.max(1e-6);
        features.extend(f.iter().map(|&(b, v)| (b, v * share)));
    }
    Example {
        features,
        gold: item.gold,
        weight,
    }
}

/// How training runs: the trainer's settings, the pruning threshold, weights per set.
#[derive(Clone, Copy, Debug)]
pub struct Recipe {
    /// The trainer's settings.
    pub settings: Settings,
    /// Weights below this are stored as zero.
    pub prune: f32,
    /// The codebook's step as a multiple of the finest (fewer codes compress better).
    pub coarse: u32,
    /// Each set's example weight, in [`SETS`] order.
    pub set_weights: [f32; 8],
    /// The rating given to NewsMTSC sentences of one non-neutral tone.
    pub news_magnitude: f32,
    /// EmoBank's valence, as a share of its half-range, is multiplied by this.
    pub emobank_scale: f32,
    /// The rating given to a GoodNewsEveryone headline by its emotion's sign.
    pub gne_magnitude: f32,
}

/// The recipe `lede train tone` ships, with command-line overrides.
pub fn recipe(args: &[String]) -> Result<Recipe, String> {
    let numeric = |name: &str, default: f32| -> Result<f32, String> {
        flag(args, name).map_or(Ok(default), |v| {
            v.parse().map_err(|_| format!("{name}: not a number: {v}"))
        })
    };
    let bits = numeric("--bits", 18.0)? as u32;
    if !(8..=24).contains(&bits) {
        return Err("--bits must be 8..=24".into());
    }
    Ok(Recipe {
        settings: Settings {
            bits,
            epochs: numeric("--epochs", 6.0)? as usize,
            rate: numeric("--rate", 0.005)?,
            l2: numeric("--l2", 1e-6)?,
            seed: 0x704e_5eed,
        },
        prune: numeric("--prune", 0.01)?,
        coarse: numeric("--coarse", 8.0)? as u32,
        set_weights: [
            numeric("--tweets-weight", 1.0)?,
            numeric("--movie-weight", 1.0)?,
            numeric("--amazon-weight", 1.0)?,
            numeric("--headlines-weight", 0.0)?,
            numeric("--news-weight", 1.0)?,
            numeric("--emobank-news-weight", 1.0)?,
            numeric("--emobank-weight", 1.0)?,
            numeric("--gne-weight", 1.0)?,
        ],
        news_magnitude: numeric("--news-magnitude", 0.5)?,
        emobank_scale: numeric("--emobank-scale", 3.0)?,
        gne_magnitude: numeric("--gne-magnitude", 0.5)?,
    })
}

/// Train the quantized model file on `items` (those `keep` accepts).
pub fn train_on(items: &[Item], recipe: &Recipe, keep: impl Fn(usize) -> bool) -> Vec<u8> {
    let examples: Vec<Example> = items
        .iter()
        .enumerate()
        .filter(|(i, item)| {
            keep(*i) && recipe.set_weights.get(item.set).copied().unwrap_or(1.0) > 0.0
        })
        .map(|(_, item)| {
            example(
                item,
                recipe.set_weights.get(item.set).copied().unwrap_or(1.0),
            )
        })
        .collect();
    training::train(&examples, recipe.settings).quantize(recipe.prune, recipe.coarse)
}

/// Pearson's r.
pub fn pearson(pairs: &[(f64, f64)]) -> f64 {
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

/// Folds of the cross-validation.
pub const FOLDS: usize = 5;

/// The k-fold cross-validated tone of every item (fold: the item's index within
/// its set, modulo [`FOLDS`]), each by a model trained on the other folds of
/// every set.
pub fn cross_validate(items: &[Item], recipe: &Recipe) -> Result<Vec<f32>, String> {
    let mut index_in_set = vec![0usize; items.len()];
    let mut counts = [0usize; 8];
    for (i, item) in items.iter().enumerate() {
        if let (Some(slot), Some(count)) = (index_in_set.get_mut(i), counts.get_mut(item.set)) {
            *slot = *count;
            *count += 1;
        }
    }
    let fold_of = |i: usize| index_in_set.get(i).copied().unwrap_or(0) % FOLDS;
    let mut predictions = vec![0f32; items.len()];
    for fold in 0..FOLDS {
        let bytes = train_on(items, recipe, |i| fold_of(i) != fold);
        let model = Model::from_bytes(&bytes).ok_or("tone model did not read back")?;
        for (i, item) in items.iter().enumerate() {
            if fold_of(i) == fold {
                if let Some(p) = predictions.get_mut(i) {
                    *p = predict(&model, item);
                }
            }
        }
    }
    Ok(predictions)
}

/// Per set: (lexicon r, cross-validated r, items), as report lines; a set the
/// recipe gives no weight is scored as held out.
pub fn report(items: &[Item], cv: &[f32], recipe: &Recipe) -> String {
    let mut out = String::new();
    for (set, name) in SETS.iter().enumerate() {
        let held_out = recipe.set_weights.get(set).is_some_and(|w| *w <= 0.0);
        let of_set: Vec<(&Item, f32)> = items
            .iter()
            .zip(cv)
            .filter(|(item, _)| item.set == set)
            .map(|(item, &p)| (item, p))
            .collect();
        let before: Vec<(f64, f64)> = of_set
            .iter()
            .map(|(item, _)| (f64::from(lexicon(item)), f64::from(item.gold)))
            .collect();
        let after: Vec<(f64, f64)> = of_set
            .iter()
            .map(|(item, p)| (f64::from(*p), f64::from(item.gold)))
            .collect();
        let how = if held_out {
            "held out, never trained on".to_string()
        } else {
            format!("{FOLDS}-fold CV")
        };
        out.push_str(&format!(
            "  {name}: Pearson r {:.3} ({how}; lexicon alone {:.3}; {} items)\n",
            pearson(&after),
            pearson(&before),
            of_set.len()
        ));
    }
    out
}

/// The neutral band (a score within ±band reads neutral) that maximizes the
/// labels' macro-F1 on the cross-validated NewsMTSC train sentences.
pub fn neutral_band(items: &[Item], cv: &[f32]) -> (f32, f64) {
    let mut best = (0.05, -1.0);
    for step in 0..=40 {
        let band = step as f32 * 0.01;
        let mut confusion = [[0usize; 3]; 3];
        for (item, p) in items.iter().zip(cv).filter(|(i, _)| i.set == NEWS) {
            let class = |v: f32, t: f32| {
                if v > t {
                    2
                } else if v < -t {
                    0
                } else {
                    1
                }
            };
            let (g, p) = (class(item.gold, 0.0), class(*p, band));
            if let Some(cell) = confusion.get_mut(g).and_then(|r| r.get_mut(p)) {
                *cell += 1;
            }
        }
        let (f1, _) = super::macro_f1(&confusion);
        if f1 > best.1 + 1e-9 {
            best = (band, f1);
        }
    }
    best
}

/// The NewsMTSC dev sentences of one tone (never trained on), scored by the
/// shipped model through `analyze`'s path: Pearson r against -1/0/1 and
/// macro-F1 of the labels, lexicon alone alongside.
pub fn news_dev(data: &Path, set: &str) -> Result<String, String> {
    let sentences = news_sentences(&data.join(format!("newsmtsc/{set}.jsonl")), 1.0)?;
    let (mut model_pairs, mut lexicon_pairs) = (Vec::new(), Vec::new());
    let mut confusion = [[0usize; 3]; 3];
    let mut lexicon_confusion = [[0usize; 3]; 3];
    for (text, gold) in &sentences {
        let layer = lede::text::segment(text);
        let scored = lede::lab::sentiment::score(text, &layer, &EntityLayer::default(), &[]);
        let s = scored.document.score;
        model_pairs.push((f64::from(s), f64::from(*gold)));
        let readings = read_sentences(text, &layer, None, None);
        let n = readings.len().max(1) as f32;
        let lex: f32 = readings.iter().map(|r| r.lexicon).sum::<f32>() / n;
        lexicon_pairs.push((f64::from(lex), f64::from(*gold)));
        let g = (*gold + 1.0).round().clamp(0.0, 2.0) as usize;
        let p = match scored.document.label {
            "negative" => 0,
            "neutral" => 1,
            _ => 2,
        };
        if let Some(cell) = confusion.get_mut(g).and_then(|r| r.get_mut(p)) {
            *cell += 1;
        }
        // the lexicon's label as `analyze` gave it before the model (±0.05 neutral)
        let l = if lex > 0.05 {
            2
        } else if lex < -0.05 {
            0
        } else {
            1
        };
        if let Some(cell) = lexicon_confusion.get_mut(g).and_then(|r| r.get_mut(l)) {
            *cell += 1;
        }
    }
    let (f1, _) = super::macro_f1(&confusion);
    let (lexicon_f1, _) = super::macro_f1(&lexicon_confusion);
    Ok(format!(
        "  NewsMTSC {set} sentences of one tone (held out): Pearson r {:.3} (lexicon alone {:.3}), label macro-F1 {f1:.3} (lexicon alone {lexicon_f1:.3}; {} sentences)\n",
        pearson(&model_pairs),
        pearson(&lexicon_pairs),
        sentences.len()
    ))
}

/// `lede train tone [--data DIR] [--out FILE] [--bits B] [--epochs E] [--rate R]
/// [--l2 L] [--prune P] [--news-magnitude M] [--emobank-scale S] [--gne-magnitude G]
/// [--SET-weight W]`: cross-validate,
/// then train the shipped model on every item and write it.
pub fn train(data: &Path, args: &[String]) -> Result<String, String> {
    let recipe = recipe(args)?;
    let items = load(
        data,
        recipe.settings.bits,
        recipe.news_magnitude,
        recipe.emobank_scale,
        recipe.gne_magnitude,
    )?;
    let cv = cross_validate(&items, &recipe)?;
    let mut out = format!("tone model, {recipe:?}\n");
    out.push_str(&report(&items, &cv, &recipe));
    let (band, f1) = neutral_band(&items, &cv);
    out.push_str(&format!(
        "  labels: neutral band ±{band:.2} maximizes macro-F1 on the cross-validated NewsMTSC train sentences ({f1:.3}; the stage uses lede::sentiment::NEUTRAL_BAND = {})\n",
        lede::sentiment::NEUTRAL_BAND
    ));
    let bytes = train_on(&items, &recipe, |_| true);
    let model = Model::from_bytes(&bytes).ok_or("tone model did not read back")?;
    for set in ["dev_rw", "dev_mt"] {
        let pairs: Vec<(f64, f64)> =
            news_sentences(&data.join(format!("newsmtsc/{set}.jsonl")), 1.0)?
                .iter()
                .map(|(text, gold)| {
                    let read = item(NEWS, *gold, text, recipe.settings.bits);
                    (f64::from(predict(&model, &read)), f64::from(*gold))
                })
                .collect();
        out.push_str(&format!(
            "  NewsMTSC {set} sentences of one tone (held out), this model: Pearson r {:.3}\n",
            pearson(&pairs)
        ));
    }
    let out_path = flag(args, "--out").unwrap_or("models/sentiment-tone.bin");
    std::fs::write(out_path, &bytes).map_err(|e| format!("{out_path}: {e}"))?;
    let nonzero = bytes
        .iter()
        .skip(8 + 2 + 1024)
        .filter(|&&b| b != 128)
        .count();
    out.push_str(&format!(
        "{} items; wrote {out_path} ({} bytes, {nonzero} non-zero weights)\n",
        items.len(),
        bytes.len()
    ));
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emobank_reading_drops_semeval_rows_and_held_out_headlines() {
        let dir = std::env::temp_dir().join(format!("lede-emobank-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let path = dir.join("emobank-open.tsv");
        std::fs::write(
            &path,
            "id\tsplit\tcategory\tV\tA\tD\ttext\n\
             a\ttrain\tnewspaper\t4.0\t3\t3\tThe bridge reopened.\n\
             b\ttrain\tSemEval\t1.5\t3\t3\tQuake kills dozens\n\
             c\ttrain\tblog\t2.0\t3\t3\tMortar assault  leaves at least 18 DEAD!\n\
             d\ttrain\tfiction\t1.0\t3\t3\tShe wept.\n\
             e\ttrain\tletters\tnot a number\t3\t3\tBroken row.\n",
        )
        .expect("write");
        let held_out = [normalized("Mortar assault leaves at least 18 dead")]
            .into_iter()
            .collect();
        let (rated, skipped) = emobank(&path, 3.0, &held_out).expect("reads");
        std::fs::remove_dir_all(&dir).ok();
        assert_eq!(skipped, 2);
        let texts: Vec<&str> = rated.iter().map(|r| r.text.as_str()).collect();
        assert_eq!(texts, ["The bridge reopened.", "She wept."]);
        assert!(rated[0].newspaper && !rated[1].newspaper);
        // (4 - 3) / 2 × 3 = 1.5, clamped to 1; (1 - 3) / 2 × 3 = -3, clamped to -1
        assert_eq!((rated[0].gold, rated[1].gold), (1.0, -1.0));
    }

    #[test]
    fn the_lab_scores_items_as_analyze_scores_articles() {
        let model = Model::from_bytes(lede::lab::sentiment::tone::TONE_MODEL_BYTES)
            .expect("the shipped tone model reads");
        for text in [
            "Great phone. The battery died after a week, though. \"Awful,\" she said.",
            "The council met on Tuesday.",
            "",
        ] {
            let layer = lede::text::segment(text);
            let analyzed = lede::lab::sentiment::score(text, &layer, &EntityLayer::default(), &[])
                .document
                .score;
            let read = item(0, 0.0, text, model.bits());
            assert!((predict(&model, &read) - analyzed).abs() < 1e-5, "{text}");
        }
    }
}
