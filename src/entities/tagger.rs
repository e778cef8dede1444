//! The statistical name tagger: an averaged structured perceptron (Collins 2002)
//! decoded with first-order Viterbi over legal BIO tags of four types (PER, ORG,
//! LOC, MISC), with hashed features (2^17 buckets × 9 tags) and one-byte weights.
//!
//! Features of a token: its lower-cased form and those of two neighbours on each
//! side, word bigrams, the shape ("Xx", "X.X.", "d") alone and with its
//! neighbours', prefixes and suffixes, position in the sentence, gazetteer matches
//! (country, city, state, continent, demonym) of the token and its neighbours, an
//! English lexicon (is it a common word, a proper noun, both?), document-level
//! context (is the word anywhere after "Mr."/"President", after "in"/"from",
//! before "Inc"/"Party", before "said"?), document-level casing evidence (is this
//! capitalized word seen in lower case mid-sentence elsewhere in the document?),
//! and for ALL-CAPS headlines the casing the same word has in the body. The
//! previous tag enters as features, alone and with the token's shape and form,
//! scored for every tag it could be. (Models up to
//! session 17 were trained and decoded greedily left to right, with the two
//! previous predicted tags; such a file, `LEDENER2`, is still read and decoded
//! so.) Training adds an ALL-CAPS copy of one sentence in eight, so headlines are
//! seen in training.
//!
//! Why this approach, by measurement (`lede eval entities`, CoNLL-2003 eng.testa,
//! conlleval F1, whole stage): the shipped model, trained on openly licensed data
//! only, scores 82.4 on CoNLL dev (greedy training and decoding: 76.9), and the
//! entity stage runs at ~0.9 M tokens/s on one core, in a 1.2 MB model (0.37 MB
//! brotli). Trained on CoNLL-2003 train (research only, not shipped) the same
//! recipe reaches 91.1 (88.9 greedily).
//!
//! Quantization: rows are centered (adding a constant to a feature's row changes
//! no decision); the 0.1% largest weights (bias, transitions) keep full precision
//! in a side table; the rest are one-byte codes into a logarithmic codebook. A
//! plain linear 8-bit scale lost 30+ F1 points because of those heavy tails; this
//! scheme loses < 0.1.

use super::gazetteer::{gazetteer, PlaceKind};
use super::lexicon::Lexical;

const NO_LEXICAL: Lexical = Lexical {
    common: false,
    proper: false,
};
use crate::ground::hashing::{feature, id_feature, FxBuild, FX_K};
use crate::ground::lexical::lower_normalized;
use std::collections::HashMap;
use std::ops::Range;

/// The four types the tagger predicts, in tag order.
pub const TYPES: [&str; 4] = ["PER", "ORG", "LOC", "MISC"];
/// O, then B-type and I-type for each of [`TYPES`].
pub const N_TAGS: usize = 1 + 2 * TYPES.len();

/// Tag 0 is O; tag `1 + 2k` is B of type k; `2 + 2k` is I of type k.
pub fn tag_type(tag: usize) -> Option<usize> {
    if tag == 0 || tag >= N_TAGS {
        None
    } else {
        Some((tag - 1) / 2)
    }
}
pub fn is_inside(tag: usize) -> bool {
    tag != 0 && tag < N_TAGS && (tag - 1) % 2 == 1
}
#[cfg(feature = "train")]
pub fn begin_tag(kind: usize) -> usize {
    1 + 2 * kind
}
#[cfg(feature = "train")]
pub fn inside_tag(kind: usize) -> usize {
    2 + 2 * kind
}

/// Can `tag` follow `prev` in IOB2?
fn allowed(prev: usize, tag: usize) -> bool {
    if !is_inside(tag) {
        return true;
    }
    tag_type(prev).is_some() && tag_type(prev) == tag_type(tag)
}

/// Word shape: upper → X, lower → x, digit → d, others kept; runs collapsed.
fn shape(word: &str, out: &mut String) {
    out.clear();
    let mut last = '\0';
    for (n, ch) in word.chars().enumerate() {
        if n >= 12 {
            break;
        }
        let class = if ch.is_uppercase() {
            'X'
        } else if ch.is_lowercase() {
            'x'
        } else if ch.is_numeric() {
            'd'
        } else if ch.is_alphabetic() {
            'a'
        } else {
            ch
        };
        if class != last {
            out.push(class);
            last = class;
        }
    }
}

fn starts_upper(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

fn has_lower(word: &str) -> bool {
    word.chars().any(char::is_lowercase)
}

/// Is this sentence an ALL-CAPS headline (no lower-case letters, some letters)?
fn is_headline(words: &[&str]) -> bool {
    let mut letters = 0;
    for w in words {
        if has_lower(w) {
            return false;
        }
        if w.chars().any(char::is_alphabetic) {
            letters += 1;
        }
    }
    letters >= 2
}

/// Per-document precomputation shared by every token's features.
pub struct DocFeatures {
    /// Static feature buckets of every token, `per_token` each... flattened.
    pub buckets: Vec<u32>,
    /// `offsets[i]..offsets[i+1]` are token i's buckets.
    pub offsets: Vec<u32>,
    /// Lower-cased normalized form of each token (for the dynamic features).
    pub lower_hash: Vec<u64>,
    pub shape_hash: Vec<u64>,
}

impl DocFeatures {
    /// Token `position`'s static feature buckets (none past the end).
    fn buckets_of(&self, position: usize) -> &[u32] {
        let from = self.offsets.get(position).copied().unwrap_or(0) as usize;
        let to = self.offsets.get(position + 1).copied().unwrap_or(0) as usize;
        self.buckets.get(from..to).unwrap_or(&[])
    }
}

/// Casing evidence for one lower-cased word, from mid-sentence body positions.
#[derive(Default, Clone, Copy)]
struct Casing {
    lower: u16,
    capital: u16,
    all_caps: u16,
}

/// Compute the static features of a document: `words` are its tokens, `sentences`
/// half-open token ranges covering them in order.
pub fn doc_features(words: &[&str], sentences: &[Range<usize>], bits: u32) -> DocFeatures {
    let n = words.len();
    // lower-cased forms in one buffer
    let lowered = crate::ground::lexical::LowerWords::with(words, lower_normalized);
    let lower = lowered.refs();
    let mut headline = vec![false; n];
    let mut first = vec![false; n];
    for s in sentences {
        let sw = words.get(s.clone()).unwrap_or(&[]);
        let h = is_headline(sw);
        for i in s.clone() {
            if let Some(slot) = headline.get_mut(i) {
                *slot = h;
            }
        }
        if let Some(slot) = first.get_mut(s.start) {
            *slot = true;
        }
        // after an opening quote or a dash the next word is also "initial"
    }
    let casing = document_casing(words, &lower, &headline, &first);
    let triggers = document_triggers(&lower);
    let lexicals: Vec<Lexical> = lower.iter().map(|l| super::lexicon::lookup(l)).collect();
    let mut gaz = Vec::new();
    gazetteer().mark(&lower, &mut gaz);
    let clusters: Vec<Option<super::clusters::Cluster>> = if super::clusters::enabled() {
        words
            .iter()
            .zip(&lower)
            .map(|(w, l)| super::clusters::lookup(w, l))
            .collect()
    } else {
        Vec::new()
    };

    let shift = 64 - bits;
    let shape_buf = token_shapes(words, &lower, &headline, &casing);
    let shapes = shape_buf.refs();
    let mut buckets = Vec::with_capacity(n * 40);
    let mut offsets = Vec::with_capacity(n + 1);
    let mut lower_hash = Vec::with_capacity(n);
    let mut shape_hash = Vec::with_capacity(n);
    fn get<'v>(v: &[&'v str], i: isize) -> &'v str {
        if i < 0 {
            "<s>"
        } else {
            v.get(i as usize).copied().unwrap_or("</s>")
        }
    }
    for s in sentences {
        for i in s.clone() {
            offsets.push(buckets.len() as u32);
            let ii = i as isize;
            let rel = |d: isize| -> isize {
                let j = ii + d;
                if j < s.start as isize || j >= s.end as isize {
                    if d < 0 {
                        -1
                    } else {
                        isize::MAX
                    }
                } else {
                    j
                }
            };
            let lw = get(&lower, ii);
            let l_1 = get(&lower, rel(-1));
            let l_2 = get(&lower, rel(-2));
            let l1 = get(&lower, rel(1));
            let l2 = get(&lower, rel(2));
            let sh = shapes.get(i).copied().unwrap_or("");
            let shape_at = |j: isize| -> &str {
                if j < 0 {
                    "<s>"
                } else {
                    shapes.get(j as usize).copied().unwrap_or("</s>")
                }
            };
            let sh_1 = shape_at(rel(-1));
            let sh1 = shape_at(rel(1));
            let position = match i - s.start {
                0 => "0",
                1 => "1",
                _ => "n",
            };
            let in_headline = if headline.get(i).copied().unwrap_or(false) {
                "H"
            } else {
                "B"
            };
            let mut push = |h: u64| buckets.push((h >> shift) as u32);
            push(feature(0, &[]));
            push(feature(1, &[lw]));
            push(feature(2, &[l_1]));
            push(feature(3, &[l1]));
            push(feature(4, &[l_2]));
            push(feature(5, &[l2]));
            push(feature(6, &[sh]));
            push(feature(7, &[sh_1, sh]));
            push(feature(8, &[sh, sh1]));
            push(feature(9, &[sh_1, sh, sh1]));
            let nchars = lw.chars().count();
            for (k, template) in [(2usize, 10u8), (3, 11), (4, 12)] {
                if nchars > k {
                    let at = lw.char_indices().nth(nchars - k).map_or(0, |c| c.0);
                    push(feature(template, &[lw.get(at..).unwrap_or("")]));
                }
            }
            for (k, template) in [(2usize, 13u8), (3, 14)] {
                if nchars > k {
                    let at = lw.char_indices().nth(k).map_or(lw.len(), |c| c.0);
                    push(feature(template, &[lw.get(..at).unwrap_or("")]));
                }
            }
            push(feature(15, &[position, sh, in_headline]));
            let gaz_of = |j: isize| -> u16 {
                if j < 0 {
                    0
                } else {
                    gaz.get(j as usize).copied().unwrap_or(0)
                }
            };
            for (template, j) in [(16u8, ii), (17, rel(-1)), (18, rel(1))] {
                let flags = gaz_of(j);
                for bit in 0..(2 * PlaceKind::COUNT) {
                    if flags & (1 << bit) != 0 {
                        push(feature(
                            template,
                            &[BIT_NAMES.get(bit).copied().unwrap_or("")],
                        ));
                    }
                }
            }
            // document casing of a capitalized word
            if let Some(w) = words.get(i) {
                if starts_upper(w) || in_headline == "H" {
                    let c = casing.get(lw).copied().unwrap_or_default();
                    let evidence = match (c.lower > 0, c.capital > 0 || c.all_caps > 0) {
                        (true, true) => "both",
                        (true, false) => "lower",
                        (false, true) => "cap",
                        (false, false) => "none",
                    };
                    push(feature(19, &[evidence, position, in_headline]));
                }
            }
            if in_headline == "H" {
                push(feature(20, &[lw]));
            }
            // English lexicon: common word, proper noun, both or neither
            let lexical = lexicals.get(i).copied().unwrap_or(NO_LEXICAL);
            let class = match (lexical.common, lexical.proper) {
                (true, true) => "cp",
                (true, false) => "c",
                (false, true) => "p",
                (false, false) => "-",
            };
            push(feature(25, &[class]));
            let seen = triggers.get(lw).copied().unwrap_or(0);
            for (bit, name) in ["title-before", "prep-before", "org-after", "said-after"]
                .iter()
                .enumerate()
            {
                if seen & (1 << bit) != 0 {
                    push(feature(28, &[name]));
                }
            }
            push(feature(26, &[class, position, in_headline, sh]));
            let lexical_next = if rel(1) == isize::MAX {
                NO_LEXICAL
            } else {
                lexicals.get(i + 1).copied().unwrap_or(NO_LEXICAL)
            };
            push(feature(
                27,
                &[class, if lexical_next.common { "c" } else { "-" }],
            ));
            if !clusters.is_empty() {
                let at = |j: isize| -> Option<super::clusters::Cluster> {
                    if j < 0 {
                        None
                    } else {
                        clusters.get(j as usize).copied().flatten()
                    }
                };
                const NO: u16 = u16::MAX;
                let (c, c_1, c1) = (at(ii), at(rel(-1)), at(rel(1)));
                let fine = |c: Option<super::clusters::Cluster>| c.map_or(NO, |c| c.fine);
                let mid = |c: Option<super::clusters::Cluster>| c.map_or(NO, |c| c.mid);
                push(id_feature(40, &[fine(c)]));
                push(id_feature(41, &[mid(c)]));
                push(id_feature(42, &[c.map_or(NO, |c| c.coarse)]));
                push(id_feature(43, &[fine(c_1)]));
                push(id_feature(44, &[fine(c1)]));
                push(id_feature(45, &[mid(c_1), mid(c)]));
                push(id_feature(46, &[mid(c), mid(c1)]));
            }
            push(feature(21, &[l_1, lw]));
            push(feature(22, &[lw, l1]));
            push(feature(23, &[l_1, sh]));
            push(feature(24, &[sh, l1]));
            lower_hash.push(feature(30, &[lw]));
            shape_hash.push(feature(31, &[sh]));
        }
    }
    offsets.push(buckets.len() as u32);
    DocFeatures {
        buckets,
        offsets,
        lower_hash,
        shape_hash,
    }
}

// The phases of `doc_features` are kept out of line (`inline(never)`): as one
// function they made a 34 KB body that V8 takes a long time to optimize.

/// Document casing evidence: how each lower-cased word is written mid-sentence
/// in the body (not in headlines, not first in a sentence or after a quote).
#[inline(never)]
fn document_casing<'w>(
    words: &[&str],
    lower: &[&'w str],
    headline: &[bool],
    first: &[bool],
) -> HashMap<&'w str, Casing, FxBuild> {
    let n = words.len();
    let mut casing: HashMap<&str, Casing, FxBuild> = HashMap::default();
    for i in 0..n {
        let (Some(w), Some(l)) = (words.get(i), lower.get(i)) else {
            continue;
        };
        if headline.get(i).copied().unwrap_or(false) || first.get(i).copied().unwrap_or(true) {
            continue;
        }
        let prev = if i > 0 {
            words.get(i - 1).copied()
        } else {
            None
        };
        if matches!(
            prev,
            Some("\"" | "“" | "‘" | "'" | "``" | ":" | "--" | "-" | "(")
        ) {
            continue;
        }
        let entry = casing.entry(l).or_default();
        if !has_lower(w) && w.chars().count() > 1 {
            entry.all_caps = entry.all_caps.saturating_add(1);
        } else if starts_upper(w) {
            entry.capital = entry.capital.saturating_add(1);
        } else if has_lower(w) {
            entry.lower = entry.lower.saturating_add(1);
        }
    }
    casing
}

/// Document context triggers: for each word, which telling neighbours it has
/// anywhere in the document (a title before it, "Inc" after it, …).
#[inline(never)]
fn document_triggers<'w>(lower: &[&'w str]) -> HashMap<&'w str, u8, FxBuild> {
    let n = lower.len();
    let mut triggers: HashMap<&str, u8, FxBuild> = HashMap::default();
    let trigger_words = trigger_words();
    let roles: Vec<u8> = lower
        .iter()
        .map(|l| trigger_words.get(l).copied().unwrap_or(0))
        .collect();
    for i in 0..n {
        let Some(l) = lower.get(i) else { continue };
        let before = i.checked_sub(1).and_then(|p| roles.get(p)).copied();
        let after = roles.get(i + 1).copied();
        let bits = before.unwrap_or(0) & (TITLE_BEFORE | PREP_BEFORE)
            | after.unwrap_or(0) & (ORG_WORD_AFTER | SAID_AFTER);
        if bits != 0 {
            *triggers.entry(l).or_default() |= bits;
        }
    }
    triggers
}

/// Every token's shape; in headlines, the shape of the word as written in the
/// body when the document shows it.
#[inline(never)]
fn token_shapes(
    words: &[&str],
    lower: &[&str],
    headline: &[bool],
    casing: &HashMap<&str, Casing, FxBuild>,
) -> crate::ground::lexical::LowerWords {
    let mut buf = String::new();
    crate::ground::lexical::LowerWords::each(words.len(), words.len() * 4, |i, shape_buf| {
        let Some(w) = words.get(i) else { return };
        if headline.get(i).copied().unwrap_or(false) {
            let c = lower
                .get(i)
                .and_then(|l| casing.get(l))
                .copied()
                .unwrap_or_default();
            if c.capital > 0 && c.capital >= c.lower {
                shape(&capitalize(w), &mut buf);
            } else if c.lower > 0 {
                shape(&w.to_lowercase(), &mut buf);
            } else {
                shape(w, &mut buf);
                if c.all_caps == 0 {
                    shape_buf.push('H');
                }
            }
        } else {
            shape(w, &mut buf);
        }
        shape_buf.push_str(&buf);
    })
}

/// What a word tells about its neighbour, as bits: a title before a person, a
/// preposition before a place, a company word after an organization, a speech
/// verb after a person (the document "triggers" features).
const TITLE_BEFORE: u8 = 1;
const PREP_BEFORE: u8 = 2;
const ORG_WORD_AFTER: u8 = 4;
const SAID_AFTER: u8 = 8;

fn trigger_words() -> &'static HashMap<&'static str, u8, FxBuild> {
    static TABLE: std::sync::OnceLock<HashMap<&'static str, u8, FxBuild>> =
        std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table: HashMap<&'static str, u8, FxBuild> = HashMap::default();
        for (list, bit) in [
            (PERSON_BEFORE, TITLE_BEFORE),
            (PLACE_BEFORE, PREP_BEFORE),
            (ORG_AFTER, ORG_WORD_AFTER),
            (PERSON_AFTER, SAID_AFTER),
        ] {
            for word in list {
                *table.entry(word).or_default() |= bit;
            }
        }
        table
    })
}

/// Words before a person's name (lower-cased).
const PERSON_BEFORE: &[&str] = &[
    "mr.",
    "mrs.",
    "ms.",
    "dr.",
    "mr",
    "mrs",
    "ms",
    "dr",
    "president",
    "minister",
    "premier",
    "chancellor",
    "secretary",
    "gen.",
    "sen.",
    "rep.",
    "gov.",
    "coach",
    "captain",
    "striker",
    "spokesman",
    "spokeswoman",
    "leader",
    "chairman",
    "prince",
    "king",
    "queen",
    "pope",
    "judge",
    "sir",
    "st.",
    "prof.",
];
/// Words before a place.
const PLACE_BEFORE: &[&str] = &["in", "near", "from", "to", "at", "across", "outside"];
/// Words after an organization's name.
const ORG_AFTER: &[&str] = &[
    "inc",
    "inc.",
    "corp",
    "corp.",
    "ltd",
    "ltd.",
    "co",
    "co.",
    "plc",
    "group",
    "bank",
    "fc",
    "party",
    "university",
    "council",
    "committee",
    "agency",
    "airlines",
    "club",
    "association",
    "holdings",
    "ag",
    "sa",
    "nv",
    "llc",
];
/// Words after a person's name.
const PERSON_AFTER: &[&str] = &["said", "says", "told", "added", "who", "himself", "herself"];

const BIT_NAMES: [&str; 10] = [
    "B-country",
    "B-city",
    "B-state",
    "B-continent",
    "B-demonym",
    "I-country",
    "I-city",
    "I-state",
    "I-continent",
    "I-demonym",
];

fn capitalize(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for (n, ch) in word.chars().enumerate() {
        if n == 0 {
            out.extend(ch.to_uppercase());
        } else {
            out.extend(ch.to_lowercase());
        }
    }
    out
}

/// The features that depend on the previous predicted tags.
fn dynamic_features(prev: usize, prev2: usize, lower: u64, shape: u64, out: &mut [u64; 4]) {
    let p = prev as u64;
    let p2 = prev2 as u64;
    out[0] = mix(0x1000 + p);
    out[1] = mix(0x2000 + p * 16 + p2);
    out[2] = mix(shape ^ (0x3000 + p).wrapping_mul(FX_K));
    out[3] = mix(lower ^ (0x4000 + p).wrapping_mul(FX_K));
}

fn mix(mut x: u64) -> u64 {
    x ^= x >> 31;
    x = x.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x ^= x >> 29;
    x = x.wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 32)
}

/// Anything that can add a feature's weights to the tag scores.
pub trait Weights {
    fn bits(&self) -> u32;
    /// The decoder these weights were trained for.
    fn decoding(&self) -> Decoding;
    fn add_row(&self, bucket: usize, scores: &mut [f32; N_TAGS]);
}

/// Tag a document greedily; returns one tag per token (IOB2).
pub fn decode<W: Weights>(weights: &W, doc: &DocFeatures, sentences: &[Range<usize>]) -> Vec<u8> {
    let mut tags = Vec::with_capacity(doc.lower_hash.len());
    let shift = 64 - weights.bits();
    let mut dynamic = [0u64; 4];
    let mut position = 0usize;
    for s in sentences {
        let (mut prev, mut prev2) = (0usize, 0usize);
        for _ in s.clone() {
            let mut scores = [0f32; N_TAGS];
            for &b in doc.buckets_of(position) {
                weights.add_row(b as usize, &mut scores);
            }
            dynamic_features(
                prev,
                prev2,
                doc.lower_hash.get(position).copied().unwrap_or(0),
                doc.shape_hash.get(position).copied().unwrap_or(0),
                &mut dynamic,
            );
            for h in dynamic {
                weights.add_row((h >> shift) as usize, &mut scores);
            }
            let best = best_allowed(&scores, prev);
            tags.push(best as u8);
            prev2 = prev;
            prev = best;
            position += 1;
        }
    }
    tags
}

/// How a model's tag paths are found: the greedy left-to-right decoder of the
/// models up to session 17 (`LEDENER2` files, a user's older own model among
/// them), or first-order Viterbi over legal IOB2 transitions, for models
/// trained as structured perceptrons (`LEDENER3`, the shipped one). Weights
/// trained for one decoder score near nothing with the other (14.1 F1 for the
/// greedy weights under Viterbi), so the file says which it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decoding {
    Greedy,
    Viterbi,
}

/// Tag a document the way its model was trained to be decoded.
pub fn decode_any<W: Weights>(
    weights: &W,
    doc: &DocFeatures,
    sentences: &[Range<usize>],
) -> Vec<u8> {
    match weights.decoding() {
        Decoding::Greedy => decode(weights, doc, sentences),
        Decoding::Viterbi => decode_viterbi(weights, doc, sentences),
    }
}

/// Tag a document with first-order Viterbi over legal IOB2 transitions: the
/// best path under the same features, those of the previous tag scored for
/// every tag it could be. (Second order, the two-tag history feature scored
/// too, measured 82.1 / 68.2 / 70.1 against first order's 82.4 / 66.8 / 69.3
/// on CoNLL dev / WikiGold / UNER, with the entity stage a quarter slower.)
pub fn decode_viterbi<W: Weights>(
    weights: &W,
    doc: &DocFeatures,
    sentences: &[Range<usize>],
) -> Vec<u8> {
    let transitions = Transitions::of(weights);
    let mut tags = Vec::with_capacity(doc.lower_hash.len());
    let mut position = 0usize;
    for s in sentences {
        tags.extend(viterbi_sentence(
            weights,
            &transitions,
            doc,
            position,
            s.len(),
        ));
        position += s.len();
    }
    tags
}

/// The rows of the previous-tag feature, which does not depend on the token:
/// `after[p][c]` scores tag c after tag p, minus infinity where IOB2 forbids
/// the step (O → I-PER, B-ORG → I-LOC).
struct Transitions {
    after: [[f32; N_TAGS]; N_TAGS],
}

impl Transitions {
    fn of<W: Weights>(weights: &W) -> Transitions {
        let shift = 64 - weights.bits();
        let mut after = [[0.0; N_TAGS]; N_TAGS];
        let mut dynamic = [0u64; 4];
        for (previous, row) in after.iter_mut().enumerate() {
            dynamic_features(previous, 0, 0, 0, &mut dynamic);
            weights.add_row((dynamic[0] >> shift) as usize, row);
            for (tag, score) in row.iter_mut().enumerate() {
                if !allowed(previous, tag) {
                    *score = f32::NEG_INFINITY;
                }
            }
        }
        Transitions { after }
    }
}

/// The best legal tag path of the `n` tokens from feature position `start`.
fn viterbi_sentence<W: Weights>(
    weights: &W,
    transitions: &Transitions,
    doc: &DocFeatures,
    start: usize,
    n: usize,
) -> Vec<u8> {
    const NEG: f32 = f32::NEG_INFINITY;
    let shift = 64 - weights.bits();
    // best[t]: the best score of a path so far ending in tag t (a sentence
    // starts after O)
    let mut best = [NEG; N_TAGS];
    best[0] = 0.0;
    let mut back: Vec<[u8; N_TAGS]> = Vec::with_capacity(n);
    let mut dynamic = [0u64; 4];
    for k in 0..n {
        let position = start + k;
        let mut statics = [0f32; N_TAGS];
        for &b in doc.buckets_of(position) {
            weights.add_row(b as usize, &mut statics);
        }
        let lower = doc.lower_hash.get(position).copied().unwrap_or(0);
        let shape = doc.shape_hash.get(position).copied().unwrap_or(0);
        let mut next = [NEG; N_TAGS];
        let mut pointers = [0u8; N_TAGS];
        for (previous, &before) in best.iter().enumerate() {
            if before == NEG {
                continue;
            }
            // the token's own features with this previous tag
            dynamic_features(previous, 0, lower, shape, &mut dynamic);
            let mut scores = statics;
            for h in [dynamic[2], dynamic[3]] {
                weights.add_row((h >> shift) as usize, &mut scores);
            }
            let after = &transitions.after[previous];
            for tag in 0..N_TAGS {
                let score = before + scores[tag] + after[tag];
                let better = score > next[tag];
                next[tag] = if better { score } else { next[tag] };
                pointers[tag] = if better {
                    previous as u8
                } else {
                    pointers[tag]
                };
            }
        }
        back.push(pointers);
        best = next;
    }
    let mut tag = 0usize;
    for (t, &score) in best.iter().enumerate() {
        if score > best[tag] {
            tag = t;
        }
    }
    let mut path = vec![0u8; n];
    for k in (0..n).rev() {
        if let Some(slot) = path.get_mut(k) {
            *slot = tag as u8;
        }
        tag = back.get(k).map_or(0, |b| usize::from(b[tag]));
    }
    path
}

fn best_allowed(scores: &[f32; N_TAGS], prev: usize) -> usize {
    let mut best = 0usize;
    let mut best_score = f32::NEG_INFINITY;
    for (tag, &score) in scores.iter().enumerate() {
        if allowed(prev, tag) && score > best_score {
            best = tag;
            best_score = score;
        }
    }
    best
}

/// The shipped model: one byte per weight, a code into a 256-entry codebook of
/// weight values (code 0 is zero), and the hash size.
pub struct QuantizedModel<'a> {
    bits: u32,
    codebook: [f32; 256],
    weights: &'a [u8],
    /// Rows kept at full precision (the few features with large weights); a row
    /// of `weights` starting with code 0 holds a 24-bit index into this table.
    exact: Vec<[f32; N_TAGS]>,
    decoding: Decoding,
}

/// The magic bytes of a model decoded with Viterbi (trained as a structured
/// perceptron), and of one decoded greedily (trained greedily).
pub const MAGIC: &[u8; 8] = b"LEDENER3";
pub const MAGIC_GREEDY: &[u8; 8] = b"LEDENER2";

impl<'a> QuantizedModel<'a> {
    /// Read a model file; `None` when the bytes are not a model.
    pub fn from_bytes(bytes: &'a [u8]) -> Option<QuantizedModel<'a>> {
        let (header, decoding) = match crate::ground::model_file::read_header(bytes, MAGIC) {
            Some(header) => (header, Decoding::Viterbi),
            None => (
                crate::ground::model_file::read_header(bytes, MAGIC_GREEDY)?,
                Decoding::Greedy,
            ),
        };
        if header.classes != N_TAGS {
            return None;
        }
        let (bits, codebook) = (header.bits, header.codebook);
        let size = N_TAGS << bits;
        let weights = header.rest.get(..size)?;
        let rest = header.rest.get(size..)?;
        let count = u32::from_le_bytes(rest.get(..4)?.try_into().ok()?) as usize;
        let table = rest.get(4..)?;
        if Some(table.len()) != count.checked_mul(N_TAGS * 4) {
            return None;
        }
        let mut exact = Vec::with_capacity(count);
        for row in table.chunks_exact(N_TAGS * 4) {
            let mut values = [0f32; N_TAGS];
            for (v, b) in values.iter_mut().zip(row.chunks_exact(4)) {
                *v = crate::ground::model_file::read_f32(b)?;
            }
            exact.push(values);
        }
        Some(QuantizedModel {
            bits,
            codebook,
            weights,
            exact,
            decoding,
        })
    }
}

impl Weights for QuantizedModel<'_> {
    fn bits(&self) -> u32 {
        self.bits
    }
    fn decoding(&self) -> Decoding {
        self.decoding
    }
    #[inline]
    fn add_row(&self, bucket: usize, scores: &mut [f32; N_TAGS]) {
        let at = bucket * N_TAGS;
        if let Some(row) = self.weights.get(at..at + N_TAGS) {
            if row.first() == Some(&0) {
                let index = row.get(1..4).map_or(usize::MAX, |b| {
                    usize::from(b[0]) | usize::from(b[1]) << 8 | usize::from(b[2]) << 16
                });
                if let Some(exact) = self.exact.get(index) {
                    for (s, w) in scores.iter_mut().zip(exact) {
                        *s += w;
                    }
                }
                return;
            }
            for (s, &w) in scores.iter_mut().zip(row) {
                *s += self.codebook[usize::from(w)];
            }
        }
    }
}

/// Training: an averaged perceptron over the same features (the `train` feature).
#[cfg(feature = "train")]
pub mod training {
    use super::*;
    use crate::ground::codec::{log_code, log_codebook, model_header, shuffle};

    /// Full-precision weights with the running sums for averaging.
    pub struct Perceptron {
        pub bits: u32,
        pub weights: Vec<f32>,
        totals: Vec<f64>,
        stamps: Vec<u32>,
        clock: u32,
        /// How the weights are trained, so decoded.
        pub decoding: Decoding,
    }

    impl Weights for Perceptron {
        fn bits(&self) -> u32 {
            self.bits
        }
        fn decoding(&self) -> Decoding {
            self.decoding
        }
        #[inline]
        fn add_row(&self, bucket: usize, scores: &mut [f32; N_TAGS]) {
            let at = bucket * N_TAGS;
            if let Some(row) = self.weights.get(at..at + N_TAGS) {
                for (s, w) in scores.iter_mut().zip(row) {
                    *s += w;
                }
            }
        }
    }

    /// One training document: its words, sentence ranges and gold tags (IOB2).
    pub struct TrainDoc {
        pub words: Vec<String>,
        pub sentences: Vec<Range<usize>>,
        pub tags: Vec<u8>,
        /// How much an error on this document moves the weights (gold 1, silver less).
        pub weight: f32,
    }

    impl Perceptron {
        pub fn new(bits: u32) -> Perceptron {
            let size = N_TAGS << bits;
            Perceptron {
                bits,
                weights: vec![0.0; size],
                totals: vec![0.0; size],
                stamps: vec![0; size],
                clock: 0,
                decoding: Decoding::Viterbi,
            }
        }

        fn update(&mut self, bucket: usize, tag: usize, delta: f32) {
            let at = bucket * N_TAGS + tag;
            let (Some(w), Some(total), Some(stamp)) = (
                self.weights.get_mut(at),
                self.totals.get_mut(at),
                self.stamps.get_mut(at),
            ) else {
                return;
            };
            *total += f64::from(self.clock - *stamp) * f64::from(*w);
            *stamp = self.clock;
            *w += delta;
        }

        /// Train for greedy decoding ([`decode`]): `epochs` passes over the
        /// documents' sentences in an order shuffled by `seed` (deterministic),
        /// each token tagged with the tags found before it and, when wrong, its
        /// features moved towards the gold tag.
        pub fn train(&mut self, docs: &[TrainDoc], epochs: usize, seed: u64) {
            self.decoding = Decoding::Greedy;
            self.run_epochs(docs, epochs, seed, Self::greedy_sentence);
        }

        /// Train as a structured perceptron (Collins 2002) for [`decode_viterbi`]:
        /// each sentence is decoded with Viterbi under the current weights and,
        /// where its path differs from the gold one, the gold path's features move
        /// up and the found path's down; passes and averaging as [`Perceptron::train`].
        pub fn train_structured(&mut self, docs: &[TrainDoc], epochs: usize, seed: u64) {
            self.decoding = Decoding::Viterbi;
            self.run_epochs(docs, epochs, seed, Self::structured_sentence);
        }

        /// The passes both trainers make: features once, then each epoch every
        /// sentence in a shuffled order through `learn` (which returns its
        /// wrong tags), then the weights replaced by their averages.
        fn run_epochs(
            &mut self,
            docs: &[TrainDoc],
            epochs: usize,
            seed: u64,
            learn: fn(&mut Perceptron, &TrainDoc, &DocFeatures, &Range<usize>, usize) -> usize,
        ) {
            let features: Vec<DocFeatures> = docs
                .iter()
                .map(|d| {
                    let words: Vec<&str> = d.words.iter().map(String::as_str).collect();
                    doc_features(&words, &d.sentences, self.bits)
                })
                .collect();
            // (doc, sentence, first token's feature position)
            let mut order: Vec<(usize, usize, usize)> = Vec::new();
            for (di, d) in docs.iter().enumerate() {
                let mut position = 0;
                for (si, s) in d.sentences.iter().enumerate() {
                    order.push((di, si, position));
                    position += s.len();
                }
            }
            let mut rng = seed | 1;
            for _epoch in 0..epochs {
                let mut errors = 0usize;
                let mut seen = 0usize;
                shuffle(&mut order, &mut rng);
                for &(di, si, start) in &order {
                    let (Some(doc), Some(f)) = (docs.get(di), features.get(di)) else {
                        continue;
                    };
                    let Some(s) = doc.sentences.get(si) else {
                        continue;
                    };
                    errors += learn(self, doc, f, s, start);
                    seen += s.len();
                }
                eprintln!("epoch {_epoch}: {errors} errors / {seen} tokens");
            }
            // replace the weights by their averages
            for at in 0..self.weights.len() {
                let (Some(w), Some(total), Some(stamp)) = (
                    self.weights.get_mut(at),
                    self.totals.get(at),
                    self.stamps.get(at),
                ) else {
                    continue;
                };
                let sum = total + f64::from(self.clock - stamp) * f64::from(*w);
                *w = (sum / f64::from(self.clock.max(1))) as f32;
            }
        }

        /// One sentence of greedy training (the sentence's tokens from feature
        /// position `start`); returns its wrong tags.
        fn greedy_sentence(
            &mut self,
            doc: &TrainDoc,
            f: &DocFeatures,
            s: &Range<usize>,
            start: usize,
        ) -> usize {
            let shift = 64 - self.bits;
            let mut errors = 0;
            let (mut prev, mut prev2) = (0usize, 0usize);
            let mut dynamic = [0u64; 4];
            for (k, gold_index) in s.clone().enumerate() {
                let position = start + k;
                let gold = doc.tags.get(gold_index).copied().unwrap_or(0) as usize;
                let statics = f.buckets_of(position);
                dynamic_features(
                    prev,
                    prev2,
                    f.lower_hash.get(position).copied().unwrap_or(0),
                    f.shape_hash.get(position).copied().unwrap_or(0),
                    &mut dynamic,
                );
                let mut scores = [0f32; N_TAGS];
                for &b in statics {
                    self.add_row(b as usize, &mut scores);
                }
                for h in dynamic {
                    self.add_row((h >> shift) as usize, &mut scores);
                }
                let guess = best_allowed(&scores, prev);
                self.clock += 1;
                if guess != gold {
                    errors += 1;
                    let w = doc.weight;
                    for &b in statics {
                        self.update(b as usize, gold, w);
                        self.update(b as usize, guess, -w);
                    }
                    for h in dynamic {
                        self.update((h >> shift) as usize, gold, w);
                        self.update((h >> shift) as usize, guess, -w);
                    }
                }
                prev2 = prev;
                prev = guess;
            }
            errors
        }

        /// One sentence of structured training; returns its wrong tags.
        fn structured_sentence(
            &mut self,
            doc: &TrainDoc,
            f: &DocFeatures,
            s: &Range<usize>,
            start: usize,
        ) -> usize {
            let shift = 64 - self.bits;
            let n = s.len();
            let guess = viterbi_sentence(&*self, &Transitions::of(&*self), f, start, n);
            let gold: Vec<usize> = s
                .clone()
                .map(|i| doc.tags.get(i).copied().unwrap_or(0) as usize)
                .collect();
            let guess: Vec<usize> = guess.iter().map(|&t| usize::from(t)).collect();
            self.clock += 1;
            let w = doc.weight;
            // a path's tag at k and the one before it (O before the sentence)
            let at = |path: &[usize], k: usize| -> (usize, usize) {
                let tag = path.get(k).copied().unwrap_or(0);
                let before = k.checked_sub(1).and_then(|j| path.get(j)).copied();
                (tag, before.unwrap_or(0))
            };
            let mut errors = 0;
            let mut dynamic = [0u64; 4];
            for k in 0..n {
                let (g, p) = (at(&gold, k), at(&guess, k));
                if g == p {
                    continue;
                }
                let position = start + k;
                let lower = f.lower_hash.get(position).copied().unwrap_or(0);
                let shape = f.shape_hash.get(position).copied().unwrap_or(0);
                if g.0 != p.0 {
                    errors += 1;
                    for b in f.buckets_of(position) {
                        self.update(*b as usize, g.0, w);
                        self.update(*b as usize, p.0, -w);
                    }
                }
                // the history features Viterbi scores: the previous tag alone,
                // with the shape and with the word (not the two-tag one)
                dynamic_features(g.1, 0, lower, shape, &mut dynamic);
                for h in [dynamic[0], dynamic[2], dynamic[3]] {
                    self.update((h >> shift) as usize, g.0, w);
                }
                dynamic_features(p.1, 0, lower, shape, &mut dynamic);
                for h in [dynamic[0], dynamic[2], dynamic[3]] {
                    self.update((h >> shift) as usize, p.0, -w);
                }
            }
            errors
        }

        /// The model file: magic, bits, tag count, a codebook of 256 little-endian
        /// f32 values, one code byte per weight, then the rows kept exact (u32
        /// count, then 9 f32 each). Rows are centered first (adding a constant to
        /// a feature's row changes no decision). Rows holding a weight above the
        /// 99.9th percentile of magnitudes are kept exact (code 0 then a 24-bit
        /// index); the rest use a logarithmic codebook (code 128 is zero, 128 ± k
        /// is ±expm1(k·step)), about 1% relative precision. Weights below `prune`
        /// become zero.
        pub fn quantize(&self, prune: f32) -> Vec<u8> {
            self.quantize_coarse(prune, 1)
        }

        /// [`Perceptron::quantize`] with codes rounded to multiples of `step`
        /// away from zero (code 128): fewer distinct codes, so the file compresses
        /// better (step 4 keeps 64 levels, about 4% relative precision).
        pub fn quantize_coarse(&self, prune: f32, code_step: u8) -> Vec<u8> {
            let coarse = i32::from(code_step.max(1));
            let mut centered = self.weights.clone();
            for row in centered.chunks_exact_mut(N_TAGS) {
                let mean = row.iter().sum::<f32>() / N_TAGS as f32;
                for w in row.iter_mut() {
                    *w -= mean;
                }
            }
            let mut sorted: Vec<f32> = centered.iter().map(|w| w.abs()).collect();
            sorted.sort_by(f32::total_cmp);
            let limit = sorted
                .get(((sorted.len() as f64 - 1.0) * 0.999) as usize)
                .copied()
                .unwrap_or(1.0)
                .max(1e-3);
            let (step, codebook) = log_codebook(limit);
            let magic = match self.decoding {
                Decoding::Viterbi => MAGIC,
                Decoding::Greedy => MAGIC_GREEDY,
            };
            let mut out = model_header(magic, self.bits, N_TAGS, &codebook, self.weights.len());
            let mut exact: Vec<&[f32]> = Vec::new();
            for row in centered.chunks_exact(N_TAGS) {
                if row.iter().any(|w| w.abs() > limit) {
                    let index = exact.len();
                    exact.push(row);
                    out.push(0);
                    out.extend_from_slice(
                        (index as u32).to_le_bytes().get(..3).unwrap_or(&[0, 0, 0]),
                    );
                    out.extend(std::iter::repeat_n(128, N_TAGS - 4));
                    continue;
                }
                for &w in row {
                    if w.abs() < prune {
                        out.push(128);
                        continue;
                    }
                    let code = i32::from(log_code(w, step)) - 128;
                    let rounded = (code as f32 / coarse as f32).round() as i32 * coarse;
                    out.push((128 + rounded).clamp(1, 255) as u8);
                }
            }
            out.extend_from_slice(&(exact.len() as u32).to_le_bytes());
            for row in exact {
                for w in row {
                    out.extend_from_slice(&w.to_le_bytes());
                }
            }
            out
        }
    }
}

// The trainers are built with the `train` feature only (the lab turns it on).
#[cfg(all(test, feature = "train"))]
mod tests {
    use super::training::Perceptron;
    use super::*;

    #[test]
    fn a_model_file_with_impossible_bits_is_refused_not_shifted() {
        // found by the models fuzz target: bits 246 overflowed `N_TAGS << bits`
        let mut bytes = MAGIC.to_vec();
        bytes.extend([246u8, N_TAGS as u8]);
        bytes.extend(std::iter::repeat_n(0u8, 4 * 256 + 64));
        assert!(QuantizedModel::from_bytes(&bytes).is_none());
    }

    #[test]
    fn a_model_file_says_how_it_is_decoded_and_an_older_greedy_one_still_reads() {
        let docs = [training::TrainDoc {
            words: ["Putin", "met", "Xi", "in", "Moscow", "."]
                .map(String::from)
                .to_vec(),
            sentences: std::iter::once(0..6).collect(),
            tags: vec![1, 0, 1, 0, 5, 0],
            weight: 1.0,
        }];
        let mut structured = Perceptron::new(10);
        structured.train_structured(&docs, 3, 7);
        let mut greedy = Perceptron::new(10);
        greedy.train(&docs, 3, 7);
        let (a, b) = (structured.quantize(0.0), greedy.quantize(0.0));
        assert!(a.starts_with(MAGIC) && b.starts_with(MAGIC_GREEDY));
        let (a, b) = (
            QuantizedModel::from_bytes(&a).expect("model"),
            QuantizedModel::from_bytes(&b).expect("model"),
        );
        assert_eq!(
            (a.decoding(), b.decoding()),
            (Decoding::Viterbi, Decoding::Greedy)
        );
        // each decodes its training sentence back, with its own decoder
        let words = ["Putin", "met", "Xi", "in", "Moscow", "."];
        let sentence: Vec<Range<usize>> = std::iter::once(0..6).collect();
        let features = doc_features(&words, &sentence, 10);
        for model in [&a, &b] {
            assert_eq!(
                decode_any(model, &features, &sentence),
                vec![1, 0, 1, 0, 5, 0]
            );
        }
    }

    #[test]
    fn quantized_rows_follow_the_full_weights() {
        let mut p = Perceptron::new(10);
        for (i, w) in p.weights.iter_mut().enumerate() {
            *w = ((i * 7919) % 201) as f32 / 10.0 - 10.0;
        }
        let bytes = p.quantize(0.0);
        let q = QuantizedModel::from_bytes(&bytes).expect("model");
        for bucket in [0usize, 5, 77, 1023] {
            let mut a = [0f32; N_TAGS];
            let mut b = [0f32; N_TAGS];
            p.add_row(bucket, &mut a);
            q.add_row(bucket, &mut b);
            // rows are centered when quantized: compare centered scores
            let mean_a = a.iter().sum::<f32>() / N_TAGS as f32;
            let mean_b = b.iter().sum::<f32>() / N_TAGS as f32;
            for (x, y) in a.iter().zip(&b) {
                let (x, y) = (x - mean_a, y - mean_b);
                assert!((x - y).abs() < 0.05 * x.abs().max(1.0), "{a:?} {b:?}");
            }
        }
    }
}
