//! The targeted-sentiment model: the tone a sentence takes toward one mention in
//! it (negative, neutral, positive), by multinomial logistic regression over
//! hashed, target-aware features. Trained by `lede train sentiment` on NewsMTSC
//! train; shipped as `models/sentiment-targets.bin`.
//!
//! Features of a (sentence, target tokens) pair: the words on each side of the
//! target with distance buckets, word bigrams near it, its immediate neighbours
//! ("criticized X", "X said"), the nearest content word on each side (often the
//! verb governing it), the mention's own words, the sentence lexicon's
//! valences (`super::contributions`) by side and distance, binned lexicon sums
//! (left, right, nearness-weighted, whole sentence), negation near the target,
//! whether the target stands inside a quotation, speech verbs after it, and its
//! position in the sentence.
//!
//! Storage reuses the entity tagger's hashing ([`crate::entities::tagger`]'s
//! feature hash) and its one-byte logarithmic codebook: `2^bits` rows of three
//! one-byte codes.
//!
//! By measurement (`lede train sentiment`, `lede eval sentiment`): 5-fold
//! cross-validation on NewsMTSC train macro-F1 0.678 (settings and class offsets
//! chosen there); NewsMTSC dev_rw 0.715, dev_mt 0.675, where the lexicon's
//! nearness-weighted score reached 0.548 / 0.537. Learning rate mattered most
//! (0.2 → 0.01: CV 0.62 → 0.68); averaging, word stems, name placeholders and
//! training on the automatically found coreferent mentions did not help in CV.
//! 2^16 buckets: 198 KB (143 KB brotli); `--prune 0.05` would halve the brotli
//! size at ~0.003 CV macro-F1. With entity tone the stage runs at ~1.1–1.3 M
//! tokens/s on one shared core.
//!
//! Guarantees: never panics on any input; probabilities are finite and sum to 1;
//! training is deterministic (fixed seed, fixed order), so the model file is
//! reproducible byte for byte on the same platform.

use crate::ground::hashing::feature;
use crate::ground::lexical::lower_normalized;
use crate::ground::lexical::LowerWords;

/// Classes in weight order.
pub const CLASSES: [&str; 3] = ["negative", "neutral", "positive"];
/// Number of classes.
pub const N: usize = 3;
/// The model file's magic bytes.
pub const MAGIC: &[u8; 8] = b"LEDESTM1";

/// A sentence prepared once for scoring any of its targets.
pub struct Context {
    /// The words lower-cased and normalized.
    lower: LowerWords,
    contributions: Vec<f32>,
    /// Double-quote tokens seen before each token.
    quotes_before: Vec<u16>,
    sentence_bin: &'static str,
    negations: bool,
    /// Per word, the hashes of the features that do not depend on the target:
    /// the word, the word left of a target, the word right of it (a sentence often
    /// has several targets).
    word_features: Vec<[u64; 3]>,
}

fn is_quote(word: &str) -> bool {
    matches!(word, "\"" | "“" | "”" | "``" | "''" | "«" | "»")
}

const SPEECH: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "added",
    "wrote",
    "tweeted",
    "stated",
    "explained",
    "noted",
    "argued",
    "asked",
    "insisted",
    "claimed",
    "according",
];

/// Words skipped when looking for the content word next to a target.
const SKIPPED_BESIDE_TARGET: &[&str] = &[
    "the", "and", "for", "has", "have", "had", "was", "were", "are", "been", "will", "would",
    "also", "who", "that", "which", "with", "from", "its", "his", "her", "their", "this", "then",
    "not", "but", "can", "could", "did", "does", "should", "may", "might", "into", "than",
];

impl Context {
    /// The context of a sentence's words, scoring them with the lexicon (for the lab).
    #[cfg(feature = "train")]
    pub fn new(words: &[&str]) -> Context {
        let contributions = super::contributions(words);
        let score = super::score_of(words, &contributions);
        Context::with_lexicon(words, contributions, score)
    }

    /// As [`Context::new`], given the sentence's word contributions
    /// ([`super::contributions`]) and tone ([`super::sentence_score`]).
    pub fn with_lexicon(words: &[&str], contributions: Vec<f32>, sentence_score: f32) -> Context {
        let lower = LowerWords::with(words, lower_normalized);
        let mut quotes_before = Vec::with_capacity(words.len());
        let mut seen = 0u16;
        for w in words {
            quotes_before.push(seen);
            if is_quote(w) {
                seen = seen.saturating_add(1);
            }
        }
        let sentence_bin = bin(sentence_score);
        let mut context = Context {
            lower,
            contributions,
            quotes_before,
            sentence_bin,
            negations: false,
            word_features: Vec::new(),
        };
        let word_features = context
            .lower_words()
            .map(|w| {
                [
                    feature(1, &[w]),
                    feature(2, &["L", w]),
                    feature(2, &["R", w]),
                ]
            })
            .collect();
        context.word_features = word_features;
        let negations = context
            .lower_words()
            .any(|w| super::lexicon::NEGATIONS.contains(&w));
        context.negations = negations;
        context
    }

    /// The lower-cased word at `i`.
    fn lower(&self, i: usize) -> Option<&str> {
        self.lower.get(i)
    }

    fn lower_words(&self) -> impl Iterator<Item = &str> {
        self.lower.iter()
    }

    pub fn len(&self) -> usize {
        self.lower.len()
    }

    #[cfg(feature = "train")]
    pub fn is_empty(&self) -> bool {
        self.lower.is_empty()
    }
}

/// A score in [-1, 1] as one of seven bins.
fn bin(score: f32) -> &'static str {
    match score {
        s if s < -0.6 => "n3",
        s if s < -0.3 => "n2",
        s if s < -0.05 => "n1",
        s if s <= 0.05 => "z",
        s if s <= 0.3 => "p1",
        s if s <= 0.6 => "p2",
        _ => "p3",
    }
}

fn distance_bucket(d: usize) -> &'static str {
    match d {
        0 | 1 => "1",
        2 => "2",
        3 => "3",
        4 | 5 => "4",
        6..=8 => "6",
        9..=15 => "9",
        _ => "far",
    }
}

fn normalize(sum: f32) -> f32 {
    sum / (sum * sum + 15.0).sqrt()
}

/// The feature buckets of the target at tokens `[start, end)` of the sentence,
/// appended to `out` (cleared first).
pub fn features(ctx: &Context, start: usize, end: usize, bits: u32, out: &mut Vec<u32>) {
    out.clear();
    let n = ctx.len();
    let start = start.min(n);
    let end = end.clamp(start, n);
    let shift = 64 - bits.clamp(1, 32);
    let mut push = |h: u64| out.push((h >> shift) as u32);
    let word = |i: isize| -> &str {
        if i < 0 {
            "<s>"
        } else {
            ctx.lower(i as usize).unwrap_or("</s>")
        }
    };
    push(feature(0, &[]));
    let (mut left, mut right, mut near) = (0f32, 0f32, 0f32);
    for (i, w) in ctx.lower_words().enumerate() {
        if (start..end).contains(&i) {
            continue;
        }
        let (side, d) = if i < start {
            ("L", start - i)
        } else {
            ("R", i + 1 - end)
        };
        if let Some([alone, left_of, right_of]) = ctx.word_features.get(i).copied() {
            push(alone);
            push(if i < start { left_of } else { right_of });
        }
        if d <= 8 {
            push(feature(3, &[side, distance_bucket(d), w]));
        }
        if d <= 5 {
            let next = i + 1;
            if next < n && !(start..end).contains(&next) {
                push(feature(4, &[side, w, word(next as isize)]));
            }
        }
        let c = ctx.contributions.get(i).copied().unwrap_or(0.0);
        if c != 0.0 {
            let sign = if c > 0.0 { "+" } else { "-" };
            let strength = if c.abs() >= 2.0 { "s" } else { "w" };
            push(feature(12, &[side, distance_bucket(d), sign, strength]));
            push(feature(13, &[side, sign, w]));
            if i < start {
                left += c;
            } else {
                right += c;
            }
            near += c / (1.0 + d as f32 / 4.0);
        }
    }
    let (s, e) = (start as isize, end as isize);
    push(feature(5, &[word(s - 1)]));
    push(feature(6, &[word(e)]));
    push(feature(7, &[word(s - 2), word(s - 1)]));
    push(feature(8, &[word(e), word(e + 1)]));
    for w in ctx.lower_words().take(end).skip(start) {
        push(feature(9, &[w]));
    }
    push(feature(10, &[word(e - 1)]));
    let near_bin = bin(normalize(near));
    push(feature(14, &[near_bin]));
    push(feature(15, &[ctx.sentence_bin]));
    push(feature(16, &[bin(normalize(left)), bin(normalize(right))]));
    let quotes = ctx.quotes_before.get(start).copied().unwrap_or(0);
    let total_quotes = ctx
        .quotes_before
        .last()
        .copied()
        .unwrap_or(0)
        .saturating_add(u16::from(
            n.checked_sub(1)
                .and_then(|i| ctx.lower(i))
                .is_some_and(is_quote),
        ));
    let quoted = if quotes % 2 == 1 {
        "in"
    } else if total_quotes > 0 {
        "out"
    } else {
        "none"
    };
    push(feature(17, &[quoted]));
    push(feature(18, &[quoted, near_bin]));
    let position = if start == 0 {
        "first"
    } else if start * 3 < n {
        "early"
    } else if start * 3 < 2 * n {
        "middle"
    } else {
        "late"
    };
    push(feature(19, &[position]));
    push(feature(20, &[position, near_bin]));
    let negated_near =
        (s - 3..e + 3).any(|i| (i < s || i >= e) && super::lexicon::NEGATIONS.contains(&word(i)));
    push(feature(
        21,
        &[if negated_near {
            "near"
        } else if ctx.negations {
            "sentence"
        } else {
            "none"
        }],
    ));
    // the nearest content word on each side (the verb that governs the target, often)
    let content = |i: isize| {
        let w = word(i);
        w.chars().count() > 2
            && w.chars().all(char::is_alphabetic)
            && !SKIPPED_BESIDE_TARGET.contains(&w)
    };
    if let Some(i) = (1..=6).map(|k| s - k).find(|&i| i >= 0 && content(i)) {
        push(feature(23, &["L", word(i)]));
    }
    if let Some(i) = (0..6)
        .map(|k| e + k)
        .find(|&i| (i as usize) < n && content(i))
    {
        push(feature(23, &["R", word(i)]));
    }
    let speaks = (e..e + 3).any(|i| SPEECH.contains(&word(i)));
    if speaks {
        push(feature(22, &[near_bin]));
    }
}

/// The shipped model: `2^bits` rows of [`N`] one-byte codes into a codebook.
pub struct Model<'a> {
    bits: u32,
    codebook: [f32; 256],
    weights: &'a [u8],
}

impl<'a> Model<'a> {
    /// Read a model file; `None` when the bytes are not one.
    pub fn from_bytes(bytes: &'a [u8]) -> Option<Model<'a>> {
        let header = crate::ground::model_file::read_header(bytes, MAGIC)?;
        if header.classes != N {
            return None;
        }
        let (bits, codebook, weights) = (header.bits, header.codebook, header.rest);
        if weights.len() != N << bits {
            return None;
        }
        Some(Model {
            bits,
            codebook,
            weights,
        })
    }

    pub fn bits(&self) -> u32 {
        self.bits
    }

    /// Class probabilities (negative, neutral, positive) for feature buckets.
    pub fn probabilities(&self, buckets: &[u32]) -> [f32; N] {
        let mut scores = [0f32; N];
        for &b in buckets {
            let at = b as usize * N;
            if let Some(row) = self.weights.get(at..at + N) {
                for (s, &code) in scores.iter_mut().zip(row) {
                    *s += self.codebook[usize::from(code)];
                }
            }
        }
        softmax(scores)
    }
}

/// Softmax; uniform when the scores are not finite.
pub fn softmax(scores: [f32; N]) -> [f32; N] {
    let max = scores.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let mut p = scores.map(|s| (s - max).exp());
    let sum: f32 = p.iter().sum();
    if !sum.is_finite() || sum <= 0.0 {
        return [1.0 / N as f32; N];
    }
    for v in &mut p {
        *v /= sum;
    }
    p
}

/// The index of the largest probability (ties go to neutral, then the lower index).
pub fn argmax(p: &[f32; N]) -> usize {
    let mut best = 1;
    for (i, &v) in p.iter().enumerate() {
        if v > p.get(best).copied().unwrap_or(0.0) {
            best = i;
        }
    }
    best
}

/// Training: multinomial logistic regression by AdaGrad with L2 (the `train` feature).
#[cfg(feature = "train")]
pub mod training {
    use super::*;
    use crate::ground::codec::{adagrad_step, largest_weight, quantized_file, shuffle};

    /// One training item: feature buckets and the gold class.
    pub struct Example {
        pub buckets: Vec<u32>,
        pub gold: usize,
    }

    pub use crate::ground::codec::Settings;

    /// Full-precision weights, `N` per bucket.
    pub struct Weights {
        pub bits: u32,
        pub weights: Vec<f32>,
    }

    impl Weights {
        pub fn probabilities(&self, buckets: &[u32]) -> [f32; N] {
            let mut scores = [0f32; N];
            for &b in buckets {
                let at = b as usize * N;
                if let Some(row) = self.weights.get(at..at + N) {
                    for (s, w) in scores.iter_mut().zip(row) {
                        *s += w;
                    }
                }
            }
            softmax(scores)
        }

        /// Add `offsets` to every class's score (through the bias feature).
        pub fn shift_classes(&mut self, offsets: [f32; N]) {
            let b = (feature(0, &[]) >> (64 - self.bits)) as usize * N;
            for (k, o) in offsets.iter().enumerate() {
                if let Some(w) = self.weights.get_mut(b + k) {
                    *w += o;
                }
            }
        }

        /// The model file: magic, bits, class count, a 256-entry little-endian f32
        /// codebook, then one code per weight. Weights below `prune` in magnitude
        /// become zero (the file compresses better).
        pub fn quantize(&self, prune: f32) -> Vec<u8> {
            let limit = largest_weight(&self.weights);
            quantized_file(MAGIC, self.bits, N, &self.weights, limit, prune)
        }
    }

    /// Train on `examples` in an order shuffled by the seed (deterministic).
    pub fn train(examples: &[Example], settings: Settings) -> Weights {
        let size = N << settings.bits;
        let mut weights = vec![0f32; size];
        let mut squares = vec![1e-6f32; size];
        let mut order: Vec<usize> = (0..examples.len()).collect();
        let mut rng = settings.seed | 1;
        for _ in 0..settings.epochs {
            shuffle(&mut order, &mut rng);
            for &k in &order {
                let Some(example) = examples.get(k) else {
                    continue;
                };
                let mut scores = [0f32; N];
                for &b in &example.buckets {
                    let at = b as usize * N;
                    if let Some(row) = weights.get(at..at + N) {
                        for (s, w) in scores.iter_mut().zip(row) {
                            *s += w;
                        }
                    }
                }
                let p = softmax(scores);
                for &b in &example.buckets {
                    for (c, pc) in p.iter().enumerate() {
                        let at = b as usize * N + c;
                        let (Some(w), Some(g2)) = (weights.get_mut(at), squares.get_mut(at)) else {
                            continue;
                        };
                        let y = if c == example.gold { 1.0 } else { 0.0 };
                        adagrad_step(w, g2, pc - y, &settings);
                    }
                }
            }
        }
        Weights {
            bits: settings.bits,
            weights,
        }
    }
}

// The trainers are built with the `train` feature only (the lab turns it on).
#[cfg(all(test, feature = "train"))]
mod tests {
    use super::training::{train, Example, Settings};
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        crate::text::tokenize(text)
            .iter()
            .map(|t| t.span.of(text))
            .collect()
    }

    fn example(text: &str, target: usize, gold: usize, bits: u32) -> Example {
        let w = words(text);
        let ctx = Context::new(&w);
        let mut buckets = Vec::new();
        features(&ctx, target, target + 1, bits, &mut buckets);
        Example { buckets, gold }
    }

    #[test]
    fn training_is_reproducible_and_learns_a_tiny_set() {
        let bits = 10;
        let set = [
            example("Protesters slammed Putin over the war .", 2, 0, bits),
            example("Voters praised Merkel for her courage .", 2, 2, bits),
            example("Obama met Putin in Paris on Monday .", 0, 1, bits),
            example("Critics condemned Bush over the failed war .", 2, 0, bits),
        ];
        let settings = Settings {
            bits,
            epochs: 20,
            rate: 0.3,
            l2: 0.0,
            seed: 7,
        };
        let a = train(&set, settings).quantize(0.0);
        let b = train(&set, settings).quantize(0.0);
        assert_eq!(a, b);
        let model = Model::from_bytes(&a).expect("model");
        for e in &set {
            assert_eq!(argmax(&model.probabilities(&e.buckets)), e.gold);
        }
        assert!(Model::from_bytes(&a[..a.len() - 1]).is_none());
    }

    #[test]
    fn features_never_panic_on_odd_spans() {
        let w = words("“ He said ” no");
        let ctx = Context::new(&w);
        let mut out = Vec::new();
        for (s, e) in [(0, 0), (3, 1), (9, 12), (0, 5), (4, 5)] {
            features(&ctx, s, e, 12, &mut out);
            assert!(out.iter().all(|&b| b < 1 << 12));
        }
        let empty = Context::new(&[]);
        features(&empty, 0, 1, 12, &mut out);
        assert!(!out.is_empty());
    }
}
