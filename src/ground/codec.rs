//! Writing the quantized linear models (the entity tagger's and the two sentiment
//! models' files): the header, a logarithmic codebook of one-byte weight codes,
//! and what their trainers share: the run settings, the reproducible shuffle and
//! the AdaGrad step. Their header is read by `ground::model_file`, the rest by
//! each model (`entities::tagger`, `sentiment::target`, `sentiment::tone`). Only
//! with the `train` feature.

/// Settings of a training run of a hashed linear model (AdaGrad with an L2
/// penalty, over examples in a seeded shuffled order).
#[derive(Clone, Copy, Debug)]
pub struct Settings {
    /// Hash bits: `2^bits` buckets.
    pub bits: u32,
    /// Passes over the data.
    pub epochs: usize,
    /// AdaGrad's learning rate.
    pub rate: f32,
    /// L2 penalty.
    pub l2: f32,
    /// Shuffle seed.
    pub seed: u64,
}

/// One AdaGrad update of weight `w` by gradient `g` (before the penalty), with
/// `g2` its running sum of squared gradients.
pub fn adagrad_step(w: &mut f32, g2: &mut f32, g: f32, settings: &Settings) {
    let g = g + settings.l2 * *w;
    *g2 += g * g;
    *w -= settings.rate * g / g2.sqrt();
}

/// A whole model file: the header, then each weight's code in the codebook
/// reaching `reach`; weights below `prune` in magnitude are stored as zero (the
/// file compresses better).
pub fn quantized_file(
    magic: &[u8; 8],
    bits: u32,
    classes: usize,
    weights: &[f32],
    reach: f32,
    prune: f32,
) -> Vec<u8> {
    let (step, codebook) = log_codebook(reach);
    let mut out = model_header(magic, bits, classes, &codebook, weights.len());
    for &w in weights {
        out.push(if w.abs() < prune {
            128
        } else {
            log_code(w, step)
        });
    }
    out
}

/// The largest weight magnitude (at least 0.001): where a codebook must reach.
pub fn largest_weight(weights: &[f32]) -> f32 {
    weights.iter().fold(0f32, |m, w| m.max(w.abs())).max(1e-3)
}

/// Shuffle in place (Fisher–Yates with xorshift64): the same seed gives the same
/// order on every machine, so training is reproducible.
pub fn shuffle<T>(items: &mut [T], rng: &mut u64) {
    for i in (1..items.len()).rev() {
        *rng ^= *rng << 13;
        *rng ^= *rng >> 7;
        *rng ^= *rng << 17;
        let j = (*rng % (i as u64 + 1)) as usize;
        items.swap(i, j);
    }
}

/// The start of a quantized model file: magic, hash bits, classes, codebook; room
/// reserved for `weights` more bytes.
pub fn model_header(
    magic: &[u8; 8],
    bits: u32,
    classes: usize,
    codebook: &[f32; 256],
    weights: usize,
) -> Vec<u8> {
    let mut out = Vec::with_capacity(weights + 1040);
    out.extend_from_slice(magic);
    out.push(bits as u8);
    out.push(classes as u8);
    for value in codebook {
        out.extend_from_slice(&value.to_le_bytes());
    }
    out
}

/// A logarithmic codebook of one-byte weight codes reaching `limit`: code 128 is
/// zero, 128 ± k is ±expm1(k·step), about 1% relative precision. Returns the
/// step and the codebook (code 0 is never produced by [`log_code`]; it reads as zero).
pub fn log_codebook(limit: f32) -> (f32, [f32; 256]) {
    let step = limit.ln_1p() / 127.0;
    let mut codebook = [0f32; 256];
    for (code, value) in codebook.iter_mut().enumerate().skip(1) {
        let k = code as f32 - 128.0;
        *value = k.signum() * (k.abs() * step).exp_m1();
    }
    (step, codebook)
}

/// The code of weight `w` in the [`log_codebook`] of `step` (1..=255).
pub fn log_code(w: f32, step: f32) -> u8 {
    let k = (w.abs().ln_1p() / step).round().min(127.0);
    let code = if w < 0.0 { 128.0 - k } else { 128.0 + k };
    code as u8
}
