//! The sentence-tone model: a sentence's valence in [-1, 1] by linear
//! regression over hashed features, trained by `lede train tone` on human
//! ratings (the VADER ground truth, NewsMTSC sentences whose targets all take
//! one tone, EmoBank's open sentences and GoodNewsEveryone's headlines); shipped
//! as `models/sentiment-tone.bin`, which is CC BY-SA 4.0 because of EmoBank
//! (`models/README.md`, `NOTICE`). The SemEval-2007 trial headlines were
//! released for research use only, so the shipped model never trains on them
//! (nor on EmoBank's re-rating of them): they are a held-out development check.
//!
//! Features of a sentence: its words, and its words again marked by the scope
//! they stand in (after a negation up to the next punctuation, after a contrast
//! word such as "but", inside quotation marks); each word's crude stem
//! ("killed", "kills" → "kill"); word bigrams; the lexicon's per-word valences
//! (after VADER's rules, `super::contributions`) by sign, strength and scope,
//! and for a form the lexicon lacks, its stem's valence ("bombings" → "bomb");
//! the lexicon's sentence score as a number and binned, its positive and
//! negative sums apart; the lexicon's tone before and after a contrast;
//! exclamation and question marks, shouted words, length, speech verbs, and
//! whether the whole sentence is quoted speech.
//!
//! Being linear, the model also explains itself: [`Model::word_effects`] gives
//! each word's share of the score (the weights of the features anchored at it).
//!
//! By measurement (`lede train tone`, `lede eval sentiment`; 5-fold
//! cross-validation, folds by item within each set, each item's tone through
//! the article path): Pearson r VADER tweets 0.866, movie snippets 0.678,
//! Amazon snippets 0.711, NewsMTSC train sentences 0.562, EmoBank newspaper
//! 0.591 and other genres 0.612, GoodNewsEveryone 0.480, where the lexicon
//! alone reached 0.815 / 0.434 / 0.588 / 0.451 / 0.501 / 0.489 / 0.399; held
//! out (never trained on): SemEval-2007 trial headlines 0.653 (lexicon 0.613;
//! 0.614 before EmoBank, GoodNewsEveryone and the stems), NewsMTSC dev sentences
//! of one tone rw 0.511, mt 0.587. The recipe (set weights, EmoBank's scale,
//! epochs) was chosen by the mean cross-validated r over the trained sets, never
//! by the headlines; over the 36 recipes tried last, the headlines ranged
//! 0.633–0.657 (median 0.649), so their margin over 0.65 is thin. AdaGrad's
//! learning rate mattered most (0.05 → 0.005: tweets 0.78 → 0.84 before the
//! article weighting); 2^18 buckets beat 2^17 by ~0.01 on every set (2^19 adds
//! ~0.003 mean r for +36 KB brotli, not the headlines). 2^18 one-byte codes:
//! 263 KB, ~71 KB brotli with weights under 0.01 dropped and an 8× coarser
//! codebook (each cost under 0.003 r).
//!
//! Storage is that of the targeted model ([`super::target`]): `2^bits` one-byte
//! codes into a logarithmic codebook, one weight per bucket.
//!
//! Guarantees: never panics on any input; scores are finite; training is
//! deterministic (fixed seed, fixed order), so the model file is reproducible
//! byte for byte on the same platform.

use crate::ground::hashing::feature;

/// The model file's magic bytes.
pub const MAGIC: &[u8; 8] = b"LEDETON1";

/// What the model reads of one sentence.
pub struct Sentence<'a> {
    /// The words as written.
    pub words: &'a [&'a str],
    /// The same words lower-cased.
    pub lower: &'a [&'a str],
    /// The lexicon's sentiment of each word (`super::contributions`).
    pub contributions: &'a [f32],
    /// The lexicon's tone of the sentence (`super::sentence_score`).
    pub lexicon: f32,
    /// Whether the sentence is quoted speech.
    pub quoted: bool,
}

/// A hashed feature: its bucket, its value, and the word it is anchored at
/// (`u32::MAX` for features of the whole sentence).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Feature {
    /// Bucket in `0..2^bits`.
    pub bucket: u32,
    /// The feature's value (1 for an indicator).
    pub value: f32,
    /// The index of the word it belongs to, or `u32::MAX`.
    pub word: u32,
}

/// Not anchored at a word.
const SENTENCE: u32 = u32::MAX;

fn is_quote(word: &str) -> bool {
    matches!(word, "\"" | "“" | "”" | "``" | "''" | "«" | "»")
}

fn is_contrast(lower: &str) -> bool {
    matches!(lower, "but" | "however" | "although" | "though" | "yet")
}

/// Punctuation that closes a negation's scope.
fn ends_scope(word: &str) -> bool {
    matches!(
        word,
        "," | "." | ";" | ":" | "!" | "?" | "—" | "–" | "-" | "(" | ")"
    )
}

const SPEECH: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "wrote",
    "tweeted",
    "stated",
    "claimed",
    "according",
];

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

/// Two feature hashes combined into the hash of their pair (a bigram, a word in
/// a scope): integer mixing, no second pass over the word's bytes.
fn combine(a: u64, b: u64) -> u64 {
    let mut x = a.rotate_left(23) ^ b.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    x ^= x >> 33;
    x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
    x ^= x >> 33;
    x
}

/// Scope marks for [`combine`].
const NEGATED: u64 = 0x6e65_6761_7465_6431;
const AFTER_CONTRAST: u64 = 0x6166_7465_7262_7574;
const IN_QUOTE: u64 = 0x696e_7175_6f74_6531;
/// The bigram template's mark, and the sentence's edges.
const BIGRAM: u64 = 0x6269_6772_616d_3132;
const START: u64 = 0x3c73_3e3c_733e_3c73;
const END: u64 = 0x3c2f_733e_3c2f_733e;

/// A crude stem of a lower-cased word: a common inflectional suffix cut off
/// ("kills", "killed", "killing" → "kill"; "stopped" → "stop"), so the forms of
/// one word share a weight. `None` when nothing is cut.
fn stem(lower: &str) -> Option<&str> {
    const SUFFIXES: [&str; 7] = ["ings", "ing", "ies", "ed", "es", "s", "ly"];
    if !lower.bytes().all(|b| b.is_ascii_lowercase()) {
        return None;
    }
    let (suffix, cut) = SUFFIXES.iter().find_map(|s| {
        lower
            .strip_suffix(s)
            .filter(|rest| rest.len() >= 3)
            .map(|rest| (*s, rest))
    })?;
    // a doubled final consonant before -ed/-ing: "stopp" → "stop"
    match cut.as_bytes() {
        [.., a, b]
            if a == b
                && matches!(suffix, "ed" | "ing" | "ings")
                && !matches!(a, b'a' | b'e' | b'i' | b'o' | b'u' | b'l' | b's') =>
        {
            cut.get(..cut.len() - 1)
        }
        _ => Some(cut),
    }
}

/// The lexicon's valence of a stem, or of the stem with the "e" or "y" that
/// the suffix took away ("hop" → "hope", "worr" → "worry").
fn stem_valence(stem: &str) -> Option<f32> {
    super::lexicon::valence(stem).or_else(|| {
        ["e", "y"].iter().find_map(|end| {
            let mut word = String::with_capacity(stem.len() + 1);
            word.push_str(stem);
            word.push_str(end);
            super::lexicon::valence(&word)
        })
    })
}

fn normalize(sum: f32) -> f32 {
    sum / (sum * sum + 15.0).sqrt()
}

/// The features of a sentence, appended to `out` (cleared first).
pub fn features(s: &Sentence, bits: u32, out: &mut Vec<Feature>) {
    out.clear();
    let shift = 64 - bits.clamp(1, 32);
    let mut push = |h: u64, value: f32, word: u32| {
        out.push(Feature {
            bucket: (h >> shift) as u32,
            value,
            word,
        })
    };
    let n = s.lower.len();
    push(feature(0, &[]), 1.0, SENTENCE);
    let lexicon = if s.lexicon.is_finite() {
        s.lexicon.clamp(-1.0, 1.0)
    } else {
        0.0
    };
    push(feature(1, &[]), lexicon, SENTENCE);
    push(feature(2, &[bin(lexicon)]), 1.0, SENTENCE);
    let contrast = s.lower.iter().position(|w| is_contrast(w));
    let (mut positive, mut negative, mut before, mut after) = (0f32, 0f32, 0f32, 0f32);
    let (mut negated, mut any_negation, mut in_quote) = (false, false, false);
    let (mut shouted, mut exclamations, mut question, mut speech) = (false, 0usize, false, false);
    let mut previous = START;
    let lexicon_word = feature(7, &[]);
    for (i, &w) in s.lower.iter().enumerate() {
        let at = i as u32;
        let original = s.words.get(i).copied().unwrap_or(w);
        if is_quote(original) {
            in_quote = !in_quote;
        }
        if ends_scope(w) || is_contrast(w) {
            negated = false;
        }
        exclamations += w.matches('!').count();
        question |= w.contains('?');
        speech |= SPEECH.contains(&w);
        if original.chars().count() > 2
            && original
                .chars()
                .all(|c| c.is_alphabetic() && !c.is_lowercase())
        {
            shouted = true;
        }
        let word = feature(3, &[w]);
        push(word, 1.0, at);
        let stemmed = stem(w);
        if let Some(stem) = stemmed {
            push(feature(12, &[stem]), 1.0, at);
        }
        push(combine(previous ^ BIGRAM, word), 1.0, at);
        let part = match contrast {
            Some(c) if i > c => "after",
            Some(c) if i < c => "before",
            _ => "",
        };
        if negated {
            push(combine(word, NEGATED), 1.0, at);
        }
        if part == "after" {
            push(combine(word, AFTER_CONTRAST), 1.0, at);
        }
        if in_quote {
            push(combine(word, IN_QUOTE), 1.0, at);
        }
        let c = s.contributions.get(i).copied().unwrap_or(0.0);
        if c == 0.0 {
            // a form the lexicon lacks whose stem it has ("bombings" → "bomb")
            let known = stemmed
                .filter(|_| super::lexicon::valence(w).is_none())
                .and_then(stem_valence);
            if let Some(v) = known {
                let sign = if negated { -1.0 } else { 1.0 };
                push(feature(13, &[]), sign * v / 4.0, at);
            }
        }
        if c != 0.0 && c.is_finite() {
            let sign = if c > 0.0 { "+" } else { "-" };
            let strength = if c.abs() >= 2.0 { "s" } else { "w" };
            let scope = if negated { "neg" } else { part };
            push(feature(6, &[sign, strength, scope]), 1.0, at);
            push(lexicon_word, c / 4.0, at);
            if c > 0.0 {
                positive += c;
            } else {
                negative += c;
            }
            match part {
                "after" => after += c,
                "before" => before += c,
                _ => {}
            }
        }
        if super::lexicon::NEGATIONS.contains(&w) {
            negated = true;
            any_negation = true;
        }
        previous = word;
    }
    if let Some(last) = s.lower.len().checked_sub(1) {
        push(combine(previous ^ BIGRAM, END), 1.0, last as u32);
    }
    push(feature(8, &["+"]), normalize(positive), SENTENCE);
    push(feature(8, &["-"]), normalize(negative), SENTENCE);
    if contrast.is_some() {
        push(
            feature(9, &[bin(normalize(before)), bin(normalize(after))]),
            1.0,
            SENTENCE,
        );
    }
    if any_negation {
        push(feature(10, &["negation", bin(lexicon)]), 1.0, SENTENCE);
    }
    if exclamations > 0 {
        let count = ["1", "2", "3+"]
            .get(exclamations.min(3) - 1)
            .copied()
            .unwrap_or("3+");
        push(feature(10, &["!", count, bin(lexicon)]), 1.0, SENTENCE);
    }
    if question {
        push(feature(10, &["?", bin(lexicon)]), 1.0, SENTENCE);
    }
    if shouted {
        push(feature(10, &["caps", bin(lexicon)]), 1.0, SENTENCE);
    }
    if speech {
        push(feature(10, &["speech", bin(lexicon)]), 1.0, SENTENCE);
    }
    if s.quoted {
        push(feature(10, &["quoted", bin(lexicon)]), 1.0, SENTENCE);
    }
    let length = match n {
        0..=5 => "xs",
        6..=12 => "s",
        13..=25 => "m",
        26..=45 => "l",
        _ => "xl",
    };
    push(feature(11, &[length, bin(lexicon)]), 1.0, SENTENCE);
}

/// The shipped model: `2^bits` one-byte codes into a codebook.
pub struct Model<'a> {
    bits: u32,
    codebook: [f32; 256],
    weights: &'a [u8],
}

impl<'a> Model<'a> {
    /// Read a model file; `None` when the bytes are not one.
    pub fn from_bytes(bytes: &'a [u8]) -> Option<Model<'a>> {
        let header = crate::ground::model_file::read_header(bytes, MAGIC)?;
        if header.classes != 1 {
            return None;
        }
        let (bits, codebook, weights) = (header.bits, header.codebook, header.rest);
        if weights.len() != 1 << bits {
            return None;
        }
        Some(Model {
            bits,
            codebook,
            weights,
        })
    }

    /// The hash bits the model was trained with.
    pub fn bits(&self) -> u32 {
        self.bits
    }

    /// The weight of one bucket (zero outside the table).
    pub fn weight(&self, bucket: u32) -> f32 {
        self.weights
            .get(bucket as usize)
            .map_or(0.0, |&code| self.codebook[usize::from(code)])
    }

    /// The raw score of a sentence's features (not clamped).
    pub fn score(&self, features: &[Feature]) -> f32 {
        features
            .iter()
            .map(|f| self.weight(f.bucket) * f.value)
            .sum()
    }

    /// Each word's share of the score: the weighted features anchored at it,
    /// as `(word index, effect)` for the words with any effect.
    pub fn word_effects(&self, features: &[Feature]) -> Vec<(usize, f32)> {
        let mut effects: Vec<(usize, f32)> = Vec::new();
        for f in features.iter().filter(|f| f.word != SENTENCE) {
            let effect = self.weight(f.bucket) * f.value;
            let word = f.word as usize;
            match effects.last_mut() {
                Some((w, e)) if *w == word => *e += effect,
                _ => effects.push((word, effect)),
            }
        }
        effects.retain(|(_, e)| *e != 0.0 && e.is_finite());
        effects
    }
}

/// Training: least-squares linear regression by AdaGrad with L2 (the `train` feature).
#[cfg(feature = "train")]
pub mod training {
    use super::*;
    use crate::ground::codec::{adagrad_step, largest_weight, quantized_file, shuffle};

    /// One training item: its features (a multi-sentence item's averaged over
    /// its sentences), its human rating in [-1, 1], and its weight.
    pub struct Example {
        /// `(bucket, value)` pairs.
        pub features: Vec<(u32, f32)>,
        /// The rating.
        pub gold: f32,
        /// How much the item counts.
        pub weight: f32,
    }

    pub use crate::ground::codec::Settings;

    /// Full-precision weights, one per bucket.
    pub struct Weights {
        /// Hash bits.
        pub bits: u32,
        /// The weights.
        pub weights: Vec<f32>,
    }

    impl Weights {
        /// The model file: magic, bits, 1, a 256-entry little-endian f32
        /// codebook, then one code per weight; weights below `prune` in
        /// magnitude become zero (the file compresses better).
        ///
        /// With `coarse` > 1 the codebook's step is `coarse` times wider: fewer
        /// distinct codes, which compress better, at some precision.
        pub fn quantize(&self, prune: f32, coarse: u32) -> Vec<u8> {
            let limit = largest_weight(&self.weights);
            // a codebook whose step is `coarse` times that of one reaching `limit`
            let reach = (1.0 + limit).powi(coarse.clamp(1, 16) as i32) - 1.0;
            quantized_file(MAGIC, self.bits, 1, &self.weights, reach, prune)
        }
    }

    /// Train on `examples` in an order shuffled by the seed (deterministic).
    pub fn train(examples: &[Example], settings: Settings) -> Weights {
        let size = 1usize << settings.bits;
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
                let predicted: f32 = example
                    .features
                    .iter()
                    .map(|&(b, v)| weights.get(b as usize).copied().unwrap_or(0.0) * v)
                    .sum();
                let error = (predicted - example.gold) * example.weight;
                for &(b, v) in &example.features {
                    let (Some(w), Some(g2)) =
                        (weights.get_mut(b as usize), squares.get_mut(b as usize))
                    else {
                        continue;
                    };
                    adagrad_step(w, g2, error * v, &settings);
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

    fn sentence_features(text: &str, bits: u32) -> Vec<Feature> {
        let words: Vec<&str> = crate::text::tokenize(text)
            .iter()
            .map(|t| t.span.of(text))
            .collect();
        let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
        let lower: Vec<&str> = lower.iter().map(String::as_str).collect();
        let contributions = super::super::contributions(&words);
        let sentence = Sentence {
            words: &words,
            lower: &lower,
            contributions: &contributions,
            lexicon: super::super::sentence_score(&words),
            quoted: false,
        };
        let mut out = Vec::new();
        features(&sentence, bits, &mut out);
        out
    }

    #[test]
    fn training_is_reproducible_and_learns_a_tiny_set() {
        let bits = 12;
        let set: Vec<Example> = [
            ("The film is a triumph .", 0.8),
            ("The plot is a mess and the acting is dull .", -0.7),
            ("It is not bad at all .", 0.3),
            ("The meeting was held on Monday .", 0.0),
        ]
        .iter()
        .map(|(text, gold)| Example {
            features: sentence_features(text, bits)
                .iter()
                .map(|f| (f.bucket, f.value))
                .collect(),
            gold: *gold,
            weight: 1.0,
        })
        .collect();
        let settings = Settings {
            bits,
            epochs: 50,
            rate: 0.1,
            l2: 0.0,
            seed: 7,
        };
        let a = train(&set, settings).quantize(0.0, 1);
        let b = train(&set, settings).quantize(0.0, 1);
        assert_eq!(a, b);
        let model = Model::from_bytes(&a).expect("model");
        for (text, gold) in [
            ("The film is a triumph .", 0.8),
            ("It is not bad at all .", 0.3),
        ] {
            let f = sentence_features(text, bits);
            assert!((model.score(&f) - gold).abs() < 0.1, "{text}");
            let effects = model.word_effects(&f);
            assert!(effects.iter().all(|(w, _)| *w < 8));
        }
        assert!(Model::from_bytes(&a[..a.len() - 1]).is_none());
    }

    #[test]
    fn stems_join_the_forms_of_a_word() {
        for (word, want) in [
            ("kills", Some("kill")),
            ("killed", Some("kill")),
            ("killing", Some("kill")),
            ("stopped", Some("stop")),
            ("bombings", Some("bomb")),
            ("worries", Some("worr")),
            ("falls", Some("fall")),
            ("is", None),
            ("kill", None),
            ("Kills", None),
            ("naïveté", None),
        ] {
            assert_eq!(stem(word), want, "{word}");
        }
        // a form the lexicon may lack reads its stem's valence, with the "e" or "y" put back
        assert_eq!(
            stem_valence("worr"),
            super::super::lexicon::valence("worry")
        );
        assert_eq!(stem_valence("hop"), super::super::lexicon::valence("hope"));
        assert!(stem_valence("blorft").is_none());
    }

    #[test]
    fn a_negative_form_missing_from_the_lexicon_reads_its_stem() {
        // "bombings" is not in the lexicon; "bomb" is (negative): the feature carries it
        let lexicon = super::super::lexicon::valence;
        assert!(
            lexicon("bombings").is_none(),
            "the test needs a form the lexicon lacks"
        );
        let v = lexicon("bomb").expect("the lexicon has bomb");
        let stem_lexicon = (feature(13, &[]) >> (64 - 18)) as u32;
        let value = |text: &str| {
            sentence_features(text, 18)
                .iter()
                .find(|f| f.bucket == stem_lexicon)
                .map(|f| f.value)
        };
        assert_eq!(value("bombings"), Some(v / 4.0));
        // negated, the sign turns; a form the lexicon has gets no such feature
        assert_eq!(value("no bombings"), Some(-v / 4.0));
        assert_eq!(value("bomb"), None);
    }

    #[test]
    fn features_never_panic_on_odd_sentences() {
        for text in ["", "“ He said ” no", "BUT not , never !!! ??", "\" \" \""] {
            let f = sentence_features(text, 10);
            assert!(f.iter().all(|f| f.bucket < 1 << 10 && f.value.is_finite()));
        }
    }
}
