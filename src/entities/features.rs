//! Features of a token in context, hashed to bucket numbers: the word and its
//! neighbours, shape, affixes, casing in context, sentence position, gazetteer
//! hits and whether the word also appears lower-cased in the document.

use super::gazetteer::Gazetteer;

/// The number of hash buckets (a power of two).
pub const BUCKETS: usize = 1 << 17;

/// One token as the tagger sees it, with what is computed once per document.
pub struct TokenView<'a> {
    pub word: &'a str,
    pub lower: String,
    pub shape: String,
    /// B/I when this token starts/continues a multi-word place name, else 0.
    pub gazetteer: u8,
    /// The word (capitalized here) also appears in lower case in the document.
    pub seen_lower: bool,
    /// The word appears capitalized somewhere not at a sentence start.
    pub seen_title_mid_sentence: bool,
}

/// FNV-1a over a feature kind and its text: cheap and stable across platforms.
fn hash(kind: u8, parts: &[&[u8]]) -> u32 {
    let mut h: u32 = 0x811c_9dc5 ^ u32::from(kind);
    h = h.wrapping_mul(0x0100_0193);
    for part in parts {
        for &b in *part {
            h ^= u32::from(b);
            h = h.wrapping_mul(0x0100_0193);
        }
        h ^= 0xff;
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

fn bucket(kind: u8, parts: &[&[u8]]) -> u32 {
    hash(kind, parts) & (BUCKETS as u32 - 1)
}

/// The word's shape: X for upper, x for lower, d for digit, others kept; runs
/// longer than two collapsed ("Xxxxx" → "Xxx", "U.S." → "X.X.").
pub fn shape(word: &str) -> String {
    let mut out = String::with_capacity(8);
    let mut last = '\0';
    let mut run = 0;
    for ch in word.chars() {
        let c = if ch.is_uppercase() {
            'X'
        } else if ch.is_lowercase() {
            'x'
        } else if ch.is_ascii_digit() {
            'd'
        } else if ch.is_alphabetic() {
            'a'
        } else {
            ch
        };
        if c == last {
            run += 1;
            if run >= 2 {
                continue;
            }
        } else {
            run = 0;
        }
        last = c;
        out.push(c);
        if out.len() > 12 {
            break;
        }
    }
    out
}

fn prefix(word: &str, n: usize) -> &[u8] {
    let end = word.char_indices().nth(n).map_or(word.len(), |(i, _)| i);
    word.as_bytes().get(..end).unwrap_or(&[])
}

fn suffix(word: &str, n: usize) -> &[u8] {
    let count = word.chars().count();
    let start = if count > n {
        word.char_indices().nth(count - n).map_or(0, |(i, _)| i)
    } else {
        0
    };
    word.as_bytes().get(start..).unwrap_or(&[])
}

/// Make one view per token of a document (all sentences), so document-level
/// casing evidence is available.
pub fn views<'a>(
    words: &[&'a str],
    sentence_starts: &[bool],
    gazetteer: &Gazetteer,
) -> Vec<TokenView<'a>> {
    use std::collections::HashSet;
    let mut lower_forms: HashSet<&str> = HashSet::new();
    let mut title_mid: HashSet<String> = HashSet::new();
    for (i, w) in words.iter().enumerate() {
        let first = w.chars().next();
        if first.is_some_and(char::is_lowercase) {
            lower_forms.insert(w);
        } else if first.is_some_and(char::is_uppercase)
            && !sentence_starts.get(i).copied().unwrap_or(true)
        {
            title_mid.insert(w.to_lowercase());
        }
    }
    let marks = gazetteer.mark(words);
    words
        .iter()
        .enumerate()
        .map(|(i, w)| {
            let lower = w.to_lowercase();
            TokenView {
                word: w,
                seen_lower: w.chars().next().is_some_and(char::is_uppercase)
                    && lower_forms.contains(lower.as_str()),
                seen_title_mid_sentence: title_mid.contains(&lower),
                shape: shape(w),
                lower,
                gazetteer: marks.get(i).copied().unwrap_or(0),
            }
        })
        .collect()
}

const NONE: &[u8] = b"<none>";

/// The features of token `i` of a sentence `tokens` (views), given the two
/// previous predicted tags. Appends bucket numbers to `out`.
pub fn extract(
    tokens: &[TokenView],
    i: usize,
    prev: u8,
    prev2: u8,
    all_caps_sentence: bool,
    out: &mut Vec<u32>,
) {
    out.clear();
    let Some(t) = tokens.get(i) else { return };
    let word = |k: isize| -> &[u8] {
        i.checked_add_signed(k)
            .and_then(|j| tokens.get(j))
            .map_or(NONE, |t| t.lower.as_bytes())
    };
    let shape_at = |k: isize| -> &[u8] {
        i.checked_add_signed(k)
            .and_then(|j| tokens.get(j))
            .map_or(NONE, |t| t.shape.as_bytes())
    };
    let w = t.lower.as_bytes();
    let p = [prev];
    let pp = [prev2, prev];
    out.push(bucket(0, &[]));
    out.push(bucket(1, &[w]));
    out.push(bucket(2, &[word(-1)]));
    out.push(bucket(3, &[word(1)]));
    out.push(bucket(4, &[word(-2)]));
    out.push(bucket(5, &[word(2)]));
    out.push(bucket(6, &[word(-1), w]));
    out.push(bucket(7, &[w, word(1)]));
    out.push(bucket(8, &[t.shape.as_bytes()]));
    out.push(bucket(9, &[shape_at(-1), t.shape.as_bytes()]));
    out.push(bucket(10, &[t.shape.as_bytes(), shape_at(1)]));
    for n in 1..=4 {
        out.push(bucket(11 + n as u8, &[suffix(&t.lower, n)]));
    }
    for n in 1..=3 {
        out.push(bucket(16 + n as u8, &[prefix(&t.lower, n)]));
    }
    out.push(bucket(20, &[&p]));
    out.push(bucket(21, &[&pp]));
    out.push(bucket(22, &[&p, w]));
    out.push(bucket(23, &[&p, t.shape.as_bytes()]));
    let first = i == 0
        || tokens
            .get(i - 1)
            .is_some_and(|x| matches!(x.word, "\"" | "“" | "(" | "-" | "--" | "‘" | "'" | ":"));
    out.push(bucket(24, &[&[u8::from(first)], t.shape.as_bytes()]));
    if first {
        out.push(bucket(25, &[w]));
    }
    out.push(bucket(26, &[&[t.gazetteer]]));
    out.push(bucket(27, &[&[t.gazetteer], &p]));
    out.push(bucket(28, &[&[u8::from(t.seen_lower), u8::from(first)]]));
    out.push(bucket(
        29,
        &[
            &[u8::from(t.seen_title_mid_sentence), u8::from(first)],
            t.shape.as_bytes(),
        ],
    ));
    if all_caps_sentence {
        out.push(bucket(30, &[w]));
        out.push(bucket(31, &[&[1], &p]));
    }
    let next_gaz = tokens.get(i + 1).map_or(0, |x| x.gazetteer);
    out.push(bucket(32, &[&[next_gaz]]));
    let prev_gaz = i
        .checked_sub(1)
        .and_then(|j| tokens.get(j))
        .map_or(0, |x| x.gazetteer);
    out.push(bucket(33, &[&[prev_gaz]]));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        assert_eq!(shape("Putin"), "Xxx");
        assert_eq!(shape("U.S."), "X.X.");
        assert_eq!(shape("1990s"), "ddx");
        assert_eq!(shape("McDonald"), "XxXxx");
    }

    #[test]
    fn affixes_respect_char_boundaries() {
        assert_eq!(suffix("zoë", 2), "oë".as_bytes());
        assert_eq!(prefix("ëa", 1), "ë".as_bytes());
        assert_eq!(suffix("a", 4), b"a");
    }
}
