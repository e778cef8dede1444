//! Word valences: the VADER lexicon (MIT licence, via `tools/build_sentiment_lexicon.py`)
//! adjusted for news, where general lexicons misread diplomatic, economic and
//! military language ("ties", "sanctions", "strike", "growth", "tensions").

//!
//! The table is built at compile time (`build.rs`) from `models/sentiment-lexicon.tsv`
//! and `models/sentiment-news.tsv` (the news words, written for this project, win).

use crate::ground::static_map::StaticMap;

static TABLE: StaticMap = StaticMap::new(include_bytes!(concat!(
    env!("OUT_DIR"),
    "/sentiment-lexicon.map"
)));

/// Words that scale the next sentiment word (VADER's boosters and dampeners).
pub const BOOSTERS: &[(&str, f32)] = &[
    ("very", 0.293),
    ("extremely", 0.293),
    ("highly", 0.293),
    ("really", 0.293),
    ("deeply", 0.293),
    ("most", 0.293),
    ("so", 0.293),
    ("too", 0.293),
    ("especially", 0.293),
    ("particularly", 0.293),
    ("increasingly", 0.2),
    ("greatly", 0.293),
    ("hugely", 0.293),
    ("totally", 0.293),
    ("completely", 0.293),
    ("slightly", -0.293),
    ("somewhat", -0.293),
    ("barely", -0.293),
    ("partly", -0.293),
    ("marginally", -0.293),
    ("relatively", -0.2),
    ("fairly", -0.2),
    ("rather", -0.2),
    ("little", -0.293),
];

/// Negations: flip and dampen the words after them.
pub const NEGATIONS: &[&str] = &[
    "not", "n't", "no", "never", "none", "nobody", "nothing", "neither", "nor", "without",
    "hardly", "cannot", "lack", "lacks", "lacking", "failed", "fails", "unlikely", "nowhere",
];

/// Hedges: reported or possible, not asserted.
pub const HEDGES: &[&str] = &[
    "may",
    "might",
    "could",
    "reportedly",
    "allegedly",
    "possibly",
    "perhaps",
    "apparently",
];

/// The valence of a lower-cased word, if it has one.
pub fn valence(word: &str) -> Option<f32> {
    let bytes = TABLE.get(word.as_bytes())?;
    let value = f32::from_le_bytes(bytes.try_into().ok()?);
    (value != 0.0).then_some(value)
}

pub fn booster(word: &str) -> Option<f32> {
    BOOSTERS.iter().find(|(w, _)| *w == word).map(|(_, v)| *v)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The compiled table holds every line of both files, the news words last.
    #[test]
    fn the_table_is_the_text() {
        let mut expected = std::collections::HashMap::new();
        for text in [
            include_str!("../../models/sentiment-lexicon.tsv"),
            include_str!("../../models/sentiment-news.tsv"),
        ] {
            for line in text.lines().filter(|l| !l.starts_with('#')) {
                if let Some((word, value)) = line.split_once('\t') {
                    if let Ok(value) = value.parse::<f32>() {
                        expected.insert(word, value);
                    }
                }
            }
        }
        assert!(expected.len() > 7000);
        assert_eq!(TABLE.len(), expected.len());
        for (word, value) in expected {
            assert_eq!(valence(word), (value != 0.0).then_some(value), "{word}");
        }
        assert_eq!(valence("sanctions"), Some(-1.5));
        assert_eq!(valence("party"), None);
    }

    #[test]
    fn lexicon_and_news_words() {
        assert!(valence("good").is_some_and(|v| v > 1.0));
        assert!(valence("sanctions").is_some_and(|v| v < 0.0));
        assert!(valence("cooperation").is_some_and(|v| v > 1.0));
        assert_eq!(valence("party"), None);
        assert_eq!(valence("the"), None);
    }
}
