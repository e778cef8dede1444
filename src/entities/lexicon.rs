//! English word lexicon: two Bloom filters (2^19 bits each) built by
//! `tools/entities_lexicon.py` from the Debian package wamerican (SCOWL word
//! list, permissive licence): words the dictionary writes in lower case, and
//! words it capitalizes (proper nouns). False positives are about 5% and 1%.

static LEXICON: &[u8] = include_bytes!("../../models/entities-lexicon.bin");

/// What the lexicon says about a lower-cased word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lexical {
    /// Listed in lower case: a common word.
    pub common: bool,
    /// Listed capitalized: a proper noun.
    pub proper: bool,
}

fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// Look up a lower-cased word; an unusable lexicon file knows nothing.
pub fn lookup(lower: &str) -> Lexical {
    let none = Lexical {
        common: false,
        proper: false,
    };
    let Some(rest) = LEXICON.strip_prefix(b"LEDELEX1".as_slice()) else {
        return none;
    };
    let Some(&bits) = rest.first() else {
        return none;
    };
    if !(8..=28).contains(&bits) {
        return none;
    }
    let size = 1usize << bits;
    let bytes = size / 8;
    let Some(filters) = rest.get(1..1 + 2 * bytes) else {
        return none;
    };
    let h = fnv1a(lower.as_bytes());
    let mask = (size - 1) as u64;
    let test = |filter: usize| {
        [h & mask, (h >> 32) & mask].iter().all(|&i| {
            let i = i as usize;
            filters
                .get(filter * bytes + i / 8)
                .is_some_and(|b| b & (1 << (i % 8)) != 0)
        })
    };
    Lexical {
        common: test(0),
        proper: test(1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_words_and_proper_nouns() {
        assert!(lookup("lucky").common);
        assert!(lookup("win").common);
        assert!(lookup("zyuganov").proper);
        assert!(!lookup("zyuganov").common);
        let both = lookup("bush");
        assert!(both.common && both.proper);
        assert_eq!(
            lookup("qqxzvkw"),
            Lexical {
                common: false,
                proper: false
            }
        );
    }
}
