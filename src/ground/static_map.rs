//! String-keyed tables built at compile time and read in place. `build.rs` turns
//! word tables of `models/` (the valence lexicon, the known names, the
//! office-holders' full names) into this layout, so the first analysis builds no
//! hash table for them: in the browser that work ran in baseline code, and the
//! engine spent a background core optimizing loops that run once. (The word
//! clusters and the gazetteer stay text, parsed on first use: in this layout they
//! would add about 80 KB to the brotli download, more than the entity budget
//! of 600 KB leaves.)
//!
//! Layout: three little-endian `u32`s, the key count `n`, the bucket bits `b` and
//! the value width `w`; then `2^b + 1` bucket starts (`u32` byte offsets into the
//! records); then the records, bucket by bucket, each a key length byte, the key
//! and a `w`-byte value. A key's bucket is the top `b` bits of its hash; buckets
//! hold about two keys, so a lookup hashes once and compares a length or two. No
//! slot is left empty, so the tables stay about the size of their text. A lookup
//! never panics, whatever the bytes.
//!
//! This file is also compiled into the build script (`#[path]`), so the writer
//! and the reader share one hash and one layout.

/// The hash that places a key: FxHash over 8-byte words, then a final mix.
pub fn key_hash(key: &[u8]) -> u64 {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let mut h: u64 = key.len() as u64;
    let mut chunks = key.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(K);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        // the last bytes as one little-endian word, without a call to copy them
        let word = rest
            .iter()
            .rev()
            .fold(0u64, |word, &b| word << 8 | u64::from(b));
        h = (h.rotate_left(5) ^ word).wrapping_mul(K);
    }
    h ^= h >> 32;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^ (h >> 29)
}

/// A table in the layout above, over bytes that live as long as the program.
#[derive(Clone, Copy)]
pub struct StaticMap {
    bytes: &'static [u8],
    /// Bucket bits, 0 for bytes that hold no table.
    bits: u32,
    width: usize,
    /// Where the records start.
    records: usize,
}

fn u32_at(bytes: &[u8], at: usize) -> Option<usize> {
    let word = bytes.get(at..at.checked_add(4)?)?;
    let mut b = [0u8; 4];
    b.copy_from_slice(word);
    Some(u32::from_le_bytes(b) as usize)
}

impl StaticMap {
    /// The table in `bytes` (as written by [`write`]); its header is read once,
    /// at compile time for a `static`.
    pub const fn new(bytes: &'static [u8]) -> StaticMap {
        let empty = StaticMap {
            bytes,
            bits: 0,
            width: 0,
            records: 0,
        };
        if bytes.len() < 12 {
            return empty;
        }
        let bits = u32::from_le_bytes([bytes[4], bytes[5], bytes[6], bytes[7]]);
        let width = u32::from_le_bytes([bytes[8], bytes[9], bytes[10], bytes[11]]) as usize;
        // the bounds a table of this program can have; beyond them is damage
        if bits == 0 || bits > 24 || width > 1 << 16 {
            return empty;
        }
        StaticMap {
            bytes,
            bits,
            width,
            records: 12 + 4 * ((1 << bits) + 1),
        }
    }

    /// The number of keys.
    #[cfg(test)]
    pub fn len(&self) -> usize {
        u32_at(self.bytes, 0).unwrap_or(0)
    }

    /// Whether the table has no key.
    #[cfg(test)]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The value bytes of `key`, if the table has it.
    pub fn get(&self, key: &[u8]) -> Option<&'static [u8]> {
        if self.bits == 0 || key.len() > usize::from(u8::MAX) {
            return None;
        }
        let bytes = self.bytes;
        let bucket = (key_hash(key) >> (64 - self.bits)) as usize;
        let start = self.records.checked_add(u32_at(bytes, 12 + 4 * bucket)?)?;
        let end = self.records.checked_add(u32_at(bytes, 16 + 4 * bucket)?)?;
        let mut rest = bytes.get(start..end)?;
        while let Some((&length, after)) = rest.split_first() {
            let length = usize::from(length);
            let record_end = length + self.width;
            if length == key.len() && after.get(..length) == Some(key) {
                return after.get(length..record_end);
            }
            rest = after.get(record_end..)?;
        }
        None
    }
}

/// Write a table of `entries` (distinct keys of at most 255 bytes, values all
/// `width` bytes long) in the layout above. Used by the build script and the tests.
#[allow(dead_code)]
pub fn write(entries: &[(Vec<u8>, Vec<u8>)], width: usize) -> Vec<u8> {
    let mut bits = 1u32;
    while (2usize << bits) < entries.len() {
        bits += 1;
    }
    let mut buckets: Vec<Vec<&(Vec<u8>, Vec<u8>)>> = vec![Vec::new(); 1 << bits];
    for entry in entries {
        assert!(entry.0.len() <= 255, "a table key is at most 255 bytes");
        assert_eq!(entry.1.len(), width, "a table value is {width} bytes");
        let bucket = (key_hash(&entry.0) >> (64 - bits)) as usize;
        if let Some(list) = buckets.get_mut(bucket) {
            list.push(entry);
        }
    }
    let mut records = Vec::new();
    let mut starts = vec![0u32];
    for list in &buckets {
        for (key, value) in list {
            records.push(key.len() as u8);
            records.extend_from_slice(key);
            records.extend_from_slice(value);
        }
        starts.push(records.len() as u32);
    }
    let mut out = Vec::new();
    for word in [entries.len() as u32, bits, width as u32]
        .into_iter()
        .chain(starts)
    {
        out.extend_from_slice(&word.to_le_bytes());
    }
    out.extend_from_slice(&records);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leak(bytes: Vec<u8>) -> &'static [u8] {
        Box::leak(bytes.into_boxed_slice())
    }

    #[test]
    fn every_key_is_found_and_no_other() {
        let entries: Vec<(Vec<u8>, Vec<u8>)> = (0..1000u32)
            .map(|i| (format!("w{i}").into_bytes(), i.to_le_bytes().to_vec()))
            .chain([(Vec::new(), vec![7, 0, 0, 0])])
            .collect();
        let map = StaticMap::new(leak(write(&entries, 4)));
        assert_eq!(map.len(), 1001);
        for (key, value) in &entries {
            assert_eq!(map.get(key), Some(value.as_slice()));
        }
        assert_eq!(map.get(b"w1000"), None);
        assert_eq!(map.get(b"x"), None);
    }

    #[test]
    fn damaged_or_empty_bytes_find_nothing() {
        let empty = StaticMap::new(leak(write(&[], 2)));
        assert_eq!(empty.len(), 0);
        assert!(empty.is_empty());
        assert_eq!(empty.get(b"a"), None);
        let entries = vec![(b"abc".to_vec(), vec![1, 2])];
        let whole = write(&entries, 2);
        for cut in 0..whole.len() {
            let map = StaticMap::new(leak(whole.get(..cut).unwrap_or(&[]).to_vec()));
            assert!(map.get(b"abc").is_none() || cut == whole.len());
        }
        let garbage = StaticMap::new(leak(vec![0xff; 64]));
        assert_eq!(garbage.get(b"abc"), None);
    }
}
