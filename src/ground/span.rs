//! Byte spans into the cleaned text, and their conversion to UTF-16 code units.
//!
//! Guarantees: [`OffsetMap::utf16`] never panics; a byte offset that is not on a
//! char boundary maps to the start of the char that contains it, and one past the
//! end maps to the UTF-16 length of the text.

use serde::Serialize;

/// A half-open range `[start, end)` of UTF-8 byte offsets into the cleaned text.
/// After [`crate::report`] runs, the serialized values are UTF-16 code units.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
pub struct Span {
    /// The first byte (UTF-16 code unit once reported).
    pub start: usize,
    /// One past the last byte (UTF-16 code unit once reported).
    pub end: usize,
}

impl Span {
    /// The span `[start, end)`.
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }
    /// Its length (0 when empty or reversed).
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }
    /// True when it covers nothing.
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }
    /// The text this span covers, or "" if it does not fit the text.
    pub fn of<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or("")
    }
    /// Does this span cover all of `other`?
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// Converts UTF-8 byte offsets of one text into UTF-16 code unit offsets.
pub struct OffsetMap {
    /// Checkpoints in byte order from the first non-ASCII char on: (byte offset,
    /// UTF-16 offset, whether a run of ASCII starts there). A non-ASCII char has
    /// its own; the ASCII run after it has one, where offsets then grow by one a
    /// byte.
    checkpoints: Vec<(usize, usize, bool)>,
    byte_len: usize,
    utf16_len: usize,
}

impl OffsetMap {
    pub fn new(text: &str) -> OffsetMap {
        let mut checkpoints = Vec::new();
        let mut utf16 = 0usize;
        let mut in_run = true;
        for (byte, ch) in text.char_indices() {
            if !ch.is_ascii() {
                checkpoints.push((byte, utf16, false));
                in_run = false;
            } else if !in_run {
                checkpoints.push((byte, utf16, true));
                in_run = true;
            }
            utf16 += ch.len_utf16();
        }
        OffsetMap {
            checkpoints,
            byte_len: text.len(),
            utf16_len: utf16,
        }
    }

    /// The UTF-16 offset of a byte offset (inside a char: that char's).
    pub fn utf16(&self, byte: usize) -> usize {
        if byte >= self.byte_len {
            return self.utf16_len;
        }
        let at = self.checkpoints.partition_point(|&(b, _, _)| b <= byte);
        match at.checked_sub(1).and_then(|k| self.checkpoints.get(k)) {
            // before the first non-ASCII char, bytes and code units agree
            None => byte,
            Some(&(b, u, true)) => u + (byte - b),
            Some(&(_, u, false)) => u,
        }
    }

    pub fn span(&self, span: Span) -> Span {
        Span::new(self.utf16(span.start), self.utf16(span.end))
    }
}

/// Converts every span of a stage's output from bytes to UTF-16, in place.
pub trait Remap {
    fn remap(&mut self, map: &OffsetMap);
}

impl Remap for Span {
    fn remap(&mut self, map: &OffsetMap) {
        *self = map.span(*self);
    }
}

impl<T: Remap> Remap for Vec<T> {
    fn remap(&mut self, map: &OffsetMap) {
        for item in self {
            item.remap(map);
        }
    }
}

impl<T: Remap> Remap for Option<T> {
    fn remap(&mut self, map: &OffsetMap) {
        if let Some(item) = self {
            item.remap(map);
        }
    }
}

/// A caller's UTF-16 span as a byte span of `text`, if it lies inside the text and
/// on char boundaries that JS could produce (a surrogate pair is never split).
pub fn from_utf16(text: &str, start: usize, end: usize) -> Option<Span> {
    if start > end {
        return None;
    }
    let mut utf16 = 0usize;
    let mut byte_start = None;
    let mut byte_end = None;
    for (byte, ch) in text.char_indices() {
        if utf16 == start {
            byte_start = Some(byte);
        }
        if utf16 == end {
            byte_end = Some(byte);
            break;
        }
        utf16 += ch.len_utf16();
    }
    if byte_end.is_none() && utf16 == end {
        byte_end = Some(text.len());
    }
    if byte_start.is_none() && utf16 == start {
        byte_start = Some(text.len());
    }
    Some(Span::new(byte_start?, byte_end?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_is_identity() {
        let map = OffsetMap::new("hello world");
        assert_eq!(map.utf16(0), 0);
        assert_eq!(map.utf16(5), 5);
        assert_eq!(map.utf16(11), 11);
        assert_eq!(map.utf16(99), 11);
    }

    #[test]
    fn accents_emoji_and_cjk() {
        // é = 2 bytes/1 unit, 😀 = 4 bytes/2 units, 中 = 3 bytes/1 unit
        let text = "é😀中a";
        let map = OffsetMap::new(text);
        assert_eq!(map.utf16(0), 0);
        assert_eq!(map.utf16(2), 1);
        assert_eq!(map.utf16(6), 3);
        assert_eq!(map.utf16(9), 4);
        assert_eq!(map.utf16(10), 5);
        assert_eq!(text.encode_utf16().count(), 5);
        // inside a char maps to that char's start
        assert_eq!(map.utf16(3), 1);
    }

    #[test]
    fn every_byte_maps_as_counting_would() {
        let text = "In Zoë’s café, 😀😀 met 习近平 — and left.\u{a0}End";
        let map = OffsetMap::new(text);
        for byte in 0..=text.len() + 2 {
            // the char that holds the byte, counted from the start
            let start = (0..=byte.min(text.len()))
                .rev()
                .find(|&b| text.is_char_boundary(b))
                .unwrap_or(0);
            let expected = text.get(..start).map_or(0, |t| t.encode_utf16().count());
            assert_eq!(map.utf16(byte), expected, "byte {byte}");
        }
    }

    #[test]
    fn from_utf16_round_trips() {
        let text = "Zoë 😀 met 习近平.";
        let map = OffsetMap::new(text);
        for (byte, _) in text.char_indices() {
            let u = map.utf16(byte);
            assert_eq!(from_utf16(text, u, u).map(|s| s.start), Some(byte));
        }
        // splitting the surrogate pair of 😀 (units 4..6) is refused
        assert_eq!(from_utf16(text, 5, 6), None);
        assert_eq!(from_utf16(text, 6, 2), None);
        assert_eq!(from_utf16(text, 0, 1000), None);
    }
}
