//! The name tagger: an averaged perceptron over hashed features with greedy
//! left-to-right decoding (BIO tags for PER, ORG, LOC, MISC).
//!
//! Why this model: with ~100k tokens of shippable training data a linear model
//! with rich features is as accurate as anything that fits in the browser, it
//! trains in seconds, its weights quantize to one byte each, and greedy
//! decoding tags millions of tokens a second. A CRF with Viterbi gained too
//! little in our measurements to pay for its cost (see `lede eval entities`).
//!
//! Guarantees: never panics on any token sequence; a model file that is not
//! a valid model is refused when loaded (and the built-in one is checked by tests).

use super::features::{extract, TokenView, BUCKETS};

/// The tags, in the order of the weight rows.
pub const TAGS: [&str; 9] = [
    "O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC",
];
pub const TAG_COUNT: usize = TAGS.len();
const MAGIC: &[u8; 8] = b"LEDENER1";

/// The entity type of a tag ("PER"), or None for O.
pub fn tag_type(tag: u8) -> Option<&'static str> {
    TAGS.get(usize::from(tag))
        .and_then(|t| t.get(2..))
        .filter(|t| !t.is_empty())
}

fn is_inside(tag: u8) -> bool {
    tag != 0 && tag % 2 == 0
}

/// May `tag` follow `prev`? I-X only continues B-X or I-X.
fn allowed(prev: u8, tag: u8) -> bool {
    !is_inside(tag) || (prev != 0 && prev.div_ceil(2) == tag.div_ceil(2))
}

/// A loaded model: quantized weights, one row of `TAG_COUNT` per bucket.
pub struct Model {
    weights: Vec<i8>,
}

impl Model {
    /// Parse a model file.
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, String> {
        let header = bytes.get(..16).ok_or("model file too short")?;
        if header.get(..8) != Some(MAGIC.as_slice()) {
            return Err("not a Lede entity model".into());
        }
        let read_u32 = |at: usize| -> Option<usize> {
            let b: [u8; 4] = header.get(at..at + 4)?.try_into().ok()?;
            Some(u32::from_le_bytes(b) as usize)
        };
        let buckets = read_u32(8).ok_or("bad header")?;
        let tags = read_u32(12).ok_or("bad header")?;
        if buckets != BUCKETS || tags != TAG_COUNT {
            return Err(format!(
                "model has {buckets}x{tags} weights; this build expects {BUCKETS}x{TAG_COUNT}"
            ));
        }
        let body = bytes.get(16..).ok_or("model file too short")?;
        if body.len() != buckets * tags {
            return Err("model file is truncated".into());
        }
        Ok(Model {
            weights: body.iter().map(|&b| b as i8).collect(),
        })
    }

    /// Serialize (the inverse of [`Model::from_bytes`]).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(16 + self.weights.len());
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&(BUCKETS as u32).to_le_bytes());
        out.extend_from_slice(&(TAG_COUNT as u32).to_le_bytes());
        out.extend(self.weights.iter().map(|&w| w as u8));
        out
    }

    fn scores(&self, features: &[u32]) -> [i32; TAG_COUNT] {
        let mut scores = [0i32; TAG_COUNT];
        for &f in features {
            let at = f as usize * TAG_COUNT;
            if let Some(row) = self.weights.get(at..at + TAG_COUNT) {
                for (s, &w) in scores.iter_mut().zip(row) {
                    *s += i32::from(w);
                }
            }
        }
        scores
    }

    /// Tag one sentence (a slice of the document's token views).
    pub fn tag(&self, sentence: &[TokenView]) -> Vec<u8> {
        let all_caps = all_caps(sentence);
        let mut tags = Vec::with_capacity(sentence.len());
        let mut features = Vec::with_capacity(48);
        let (mut prev, mut prev2) = (0u8, 0u8);
        for i in 0..sentence.len() {
            extract(sentence, i, prev, prev2, all_caps, &mut features);
            let scores = self.scores(&features);
            let tag = best(&scores, prev);
            tags.push(tag);
            prev2 = prev;
            prev = tag;
        }
        tags
    }
}

/// Is the sentence written in capitals (a headline)?
pub fn all_caps(sentence: &[TokenView]) -> bool {
    let letters: Vec<&TokenView> = sentence
        .iter()
        .filter(|t| t.word.chars().any(char::is_alphabetic))
        .collect();
    letters.len() >= 3
        && letters
            .iter()
            .all(|t| !t.word.chars().any(char::is_lowercase))
}

fn best<T: PartialOrd + Copy>(scores: &[T; TAG_COUNT], prev: u8) -> u8 {
    let mut best_tag = 0u8;
    let mut best_score = scores[0];
    for (tag, &score) in scores.iter().enumerate().skip(1) {
        let tag = tag as u8;
        if allowed(prev, tag) && score > best_score {
            best_tag = tag;
            best_score = score;
        }
    }
    best_tag
}

/// Training: averaged perceptron, native only.
#[cfg(not(target_arch = "wasm32"))]
pub mod train {
    use super::*;

    /// A training document: its token views split into sentences, with gold tags.
    pub struct Example<'a> {
        pub sentences: Vec<(Vec<TokenView<'a>>, Vec<u8>)>,
    }

    struct Averaged {
        weights: Vec<f32>,
        totals: Vec<f32>,
        stamps: Vec<u32>,
        clock: u32,
    }

    impl Averaged {
        fn new() -> Averaged {
            let n = BUCKETS * TAG_COUNT;
            Averaged {
                weights: vec![0.0; n],
                totals: vec![0.0; n],
                stamps: vec![0; n],
                clock: 0,
            }
        }
        fn scores(&self, features: &[u32]) -> [f32; TAG_COUNT] {
            let mut scores = [0f32; TAG_COUNT];
            for &f in features {
                let at = f as usize * TAG_COUNT;
                if let Some(row) = self.weights.get(at..at + TAG_COUNT) {
                    for (s, &w) in scores.iter_mut().zip(row) {
                        *s += w;
                    }
                }
            }
            scores
        }
        fn update(&mut self, features: &[u32], tag: u8, delta: f32) {
            for &f in features {
                let at = f as usize * TAG_COUNT + usize::from(tag);
                if let (Some(w), Some(t), Some(s)) = (
                    self.weights.get_mut(at),
                    self.totals.get_mut(at),
                    self.stamps.get_mut(at),
                ) {
                    *t += (self.clock - *s) as f32 * *w;
                    *s = self.clock;
                    *w += delta;
                }
            }
        }
        fn finish(mut self) -> Vec<f32> {
            for at in 0..self.weights.len() {
                let (w, t, s) = (self.weights[at], self.totals[at], self.stamps[at]);
                self.totals[at] = t + (self.clock - s) as f32 * w;
            }
            let clock = self.clock.max(1) as f32;
            self.totals.iter().map(|t| t / clock).collect()
        }
    }

    /// Train for `epochs` passes, shuffling documents with a fixed seed.
    pub fn train(examples: &[Example], epochs: usize, seed: u64) -> Model {
        let mut model = Averaged::new();
        let mut order: Vec<usize> = (0..examples.len()).collect();
        let mut rng = seed;
        let mut features = Vec::with_capacity(48);
        for _ in 0..epochs {
            // Fisher–Yates with a xorshift generator: the same order on every machine.
            for i in (1..order.len()).rev() {
                rng ^= rng << 13;
                rng ^= rng >> 7;
                rng ^= rng << 17;
                order.swap(i, (rng % (i as u64 + 1)) as usize);
            }
            for &d in &order {
                for (sentence, gold) in &examples[d].sentences {
                    let caps = all_caps(sentence);
                    let (mut prev, mut prev2) = (0u8, 0u8);
                    for i in 0..sentence.len() {
                        extract(sentence, i, prev, prev2, caps, &mut features);
                        let guess = best(&model.scores(&features), prev);
                        let mut truth = gold.get(i).copied().unwrap_or(0);
                        // After a wrong guess, the right move for an I-X is to begin X.
                        if !allowed(prev, truth) {
                            truth -= 1;
                        }
                        model.clock += 1;
                        if guess != truth {
                            model.update(&features, truth, 1.0);
                            model.update(&features, guess, -1.0);
                        }
                        prev2 = prev;
                        prev = guess;
                    }
                }
            }
        }
        quantize(&model.finish())
    }

    /// The fraction (1/QUANT_TAIL) of largest weights clipped at 127.
    const QUANT_TAIL: usize = 200;

    /// One byte per weight: scaled so the top 0.5% of magnitudes clip at 127.
    fn quantize(weights: &[f32]) -> Model {
        let mut magnitudes: Vec<f32> = weights
            .iter()
            .map(|w| w.abs())
            .filter(|w| *w > 0.0)
            .collect();
        magnitudes.sort_by(f32::total_cmp);
        let top = magnitudes
            .get(
                magnitudes
                    .len()
                    .saturating_sub(1 + magnitudes.len() / QUANT_TAIL),
            )
            .copied()
            .unwrap_or(1.0)
            .max(1e-6);
        let scale = 127.0 / top;
        Model {
            weights: weights
                .iter()
                .map(|w| (w * scale).round().clamp(-127.0, 127.0) as i8)
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transitions() {
        assert!(allowed(1, 2)); // B-PER → I-PER
        assert!(allowed(2, 2));
        assert!(!allowed(0, 2)); // O → I-PER
        assert!(!allowed(3, 2)); // B-ORG → I-PER
        assert!(allowed(3, 5));
        assert_eq!(tag_type(1), Some("PER"));
        assert_eq!(tag_type(8), Some("MISC"));
        assert_eq!(tag_type(0), None);
    }

    #[test]
    fn bad_model_files_are_refused() {
        assert!(Model::from_bytes(b"").is_err());
        assert!(Model::from_bytes(b"LEDENER1\0\0\0\0\0\0\0\0").is_err());
        let mut bytes = Model {
            weights: vec![0; BUCKETS * TAG_COUNT],
        }
        .to_bytes();
        assert!(Model::from_bytes(&bytes).is_ok());
        bytes.pop();
        assert!(Model::from_bytes(&bytes).is_err());
    }
}
