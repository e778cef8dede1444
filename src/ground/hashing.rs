//! Hashing shared by the stages: FxHash for the many small string-keyed tables,
//! and the feature hash of the hashed linear models (the entity tagger and the
//! targeted-sentiment model). The hash values are part of the model files' format:
//! changing them invalidates every trained model.

use std::hash::{BuildHasherDefault, Hasher};

/// A fast non-cryptographic hasher (FxHash) for short string keys.
#[derive(Default, Clone, Copy)]
pub struct FxHasher(u64);
pub(crate) const FX_K: u64 = 0x517c_c1b7_2722_0a95;
impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(FX_K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(FX_K);
        }
    }
    fn write_u8(&mut self, i: u8) {
        self.0 = (self.0.rotate_left(5) ^ u64::from(i)).wrapping_mul(FX_K);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}
pub type FxBuild = BuildHasherDefault<FxHasher>;

/// Hash of a feature: a template id and up to three strings (also used by the
/// sentiment stage's target model).
pub fn feature(template: u8, parts: &[&str]) -> u64 {
    let mut h = FxHasher(u64::from(template).wrapping_mul(0x9E37_79B9_7F4A_7C15));
    for part in parts {
        h.write(part.as_bytes());
        h.write_u8(0xff);
    }
    // final avalanche so the top bits (used as bucket) are well mixed
    let mut x = h.0;
    x ^= x >> 33;
    x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
    x ^= x >> 33;
    x
}

/// Hash of a feature made of small numbers (cluster ids): a template id and
/// the numbers, mixed as [`feature`] mixes strings.
pub fn id_feature(template: u8, ids: &[u16]) -> u64 {
    let mut h = FxHasher::default();
    h.write_u8(template);
    h.write_u8(0xfe);
    for id in ids {
        h.write(&id.to_le_bytes());
    }
    let mut x = h.finish();
    x ^= x >> 33;
    x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
    x ^= x >> 33;
    x
}
