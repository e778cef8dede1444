//! Reading the quantized linear models' files (the entity tagger's and the two
//! sentiment models'; `ground::codec` writes them): eight magic bytes, the hash
//! bits, the number of classes, a codebook of 256 little-endian `f32` weights, then
//! the model's own rows. Never panics: bytes that are not such a file read as
//! `None`, and so does a codebook holding a weight that is not a finite number
//! (it would make every score it touches meaningless).

/// The header of a model file, and the bytes after it.
pub struct Header<'a> {
    /// Hash bits: the model has `classes << bits` weight codes (8 to 24).
    pub bits: u32,
    /// Classes (tags) per row.
    pub classes: usize,
    /// Weight of each one-byte code.
    pub codebook: [f32; 256],
    /// What follows the codebook.
    pub rest: &'a [u8],
}

/// Read the header of a model file whose magic is `magic`.
pub fn read_header<'a>(bytes: &'a [u8], magic: &[u8; 8]) -> Option<Header<'a>> {
    let rest = bytes.strip_prefix(magic.as_slice())?;
    let bits = u32::from(*rest.first()?);
    let classes = usize::from(*rest.get(1)?);
    // checked before any shift by it: a damaged file's bits (246) would overflow
    if !(8..=24).contains(&bits) {
        return None;
    }
    let mut codebook = [0f32; 256];
    for (k, value) in codebook.iter_mut().enumerate() {
        *value = read_f32(rest.get(2 + 4 * k..)?)?;
    }
    Some(Header {
        bits,
        classes,
        codebook,
        rest: rest.get(2 + 4 * 256..)?,
    })
}

/// The finite little-endian `f32` the bytes begin with.
pub fn read_f32(bytes: &[u8]) -> Option<f32> {
    let value = f32::from_le_bytes(bytes.get(..4)?.try_into().ok()?);
    value.is_finite().then_some(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(bits: u8, classes: u8, weight: f32, tail: &[u8]) -> Vec<u8> {
        let mut out = b"TESTMAG1".to_vec();
        out.extend([bits, classes]);
        for _ in 0..256 {
            out.extend(weight.to_le_bytes());
        }
        out.extend(tail);
        out
    }

    #[test]
    fn a_header_reads_back() {
        let bytes = file(10, 3, 0.5, &[7, 8]);
        let header = read_header(&bytes, b"TESTMAG1").expect("a model file");
        assert_eq!((header.bits, header.classes), (10, 3));
        assert_eq!(header.codebook, [0.5; 256]);
        assert_eq!(header.rest, &[7, 8]);
    }

    #[test]
    fn what_is_not_a_model_file_reads_as_none() {
        let good = file(10, 3, 0.5, &[]);
        assert!(read_header(&good, b"OTHERMAG").is_none(), "another magic");
        assert!(read_header(&file(246, 3, 0.5, &[]), b"TESTMAG1").is_none());
        assert!(read_header(&file(7, 3, 0.5, &[]), b"TESTMAG1").is_none());
        assert!(read_header(&file(10, 3, f32::NAN, &[]), b"TESTMAG1").is_none());
        assert!(read_header(&file(10, 3, f32::INFINITY, &[]), b"TESTMAG1").is_none());
        for cut in 0..good.len() {
            assert!(read_header(good.get(..cut).unwrap_or_default(), b"TESTMAG1").is_none());
        }
    }
}
