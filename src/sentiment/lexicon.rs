//! Word valences: the VADER lexicon (MIT licence, via `tools/build_sentiment_lexicon.py`)
//! adjusted for news, where general lexicons misread diplomatic, economic and
//! military language ("ties", "sanctions", "strike", "growth", "tensions").

use std::collections::HashMap;
use std::sync::OnceLock;

const LEXICON_TSV: &str = include_str!("../../models/sentiment-lexicon.tsv");

/// News words added or re-scored (valence -4..4). Written for this project.
const NEWS: &[(&str, f32)] = &[
    ("sanction", -1.5),
    ("sanctions", -1.5),
    ("tensions", -1.6),
    ("tension", -1.5),
    ("strained", -1.5),
    ("invasion", -2.8),
    ("invade", -2.5),
    ("invaded", -2.5),
    ("occupation", -1.8),
    ("annexation", -2.0),
    ("annexed", -2.0),
    ("airstrike", -2.5),
    ("airstrikes", -2.5),
    ("missile", -1.0),
    ("missiles", -1.0),
    ("casualties", -2.5),
    ("dead", -2.5),
    ("wounded", -2.0),
    ("clashes", -2.0),
    ("militants", -1.5),
    ("insurgents", -1.5),
    ("terrorist", -3.0),
    ("terrorists", -3.0),
    ("coup", -2.5),
    ("crackdown", -2.2),
    ("dissidents", -0.8),
    ("detained", -1.8),
    ("arrested", -1.8),
    ("sentenced", -1.5),
    ("protests", -1.0),
    ("recession", -2.3),
    ("inflation", -1.0),
    ("deficit", -1.2),
    ("downturn", -1.8),
    ("slump", -2.0),
    ("plunged", -2.0),
    ("plummeted", -2.2),
    ("tumbled", -1.8),
    ("slumped", -1.8),
    ("layoffs", -2.0),
    ("bankruptcy", -2.5),
    ("default", -1.8),
    ("shortage", -1.5),
    ("shortages", -1.5),
    ("decline", -1.2),
    ("declined", -1.0),
    ("fell", -0.8),
    ("dropped", -0.8),
    ("losses", -1.5),
    ("loss", -1.3),
    ("growth", 1.5),
    ("grew", 1.2),
    ("rose", 0.8),
    ("gains", 1.2),
    ("surged", 1.5),
    ("soared", 1.8),
    ("rebound", 1.2),
    ("recovery", 1.5),
    ("profit", 1.3),
    ("profits", 1.3),
    ("boost", 1.5),
    ("cooperation", 1.8),
    ("partnership", 1.8),
    ("partners", 1.2),
    ("partner", 1.0),
    ("ties", 0.6),
    ("alliance", 1.0),
    ("allies", 1.0),
    ("deal", 1.0),
    ("accord", 1.5),
    ("treaty", 1.0),
    ("summit", 0.3),
    ("talks", 0.3),
    ("dialogue", 1.2),
    ("reconciliation", 2.0),
    ("ceasefire", 1.5),
    ("truce", 1.5),
    ("stability", 1.5),
    ("stable", 1.2),
    ("prosperous", 2.2),
    ("strengthen", 1.5),
    ("strengthened", 1.5),
    ("deepen", 1.0),
    ("integration", 0.8),
    ("assertive", 0.3),
    ("hawkish", -0.8),
    ("provocation", -2.0),
    ("provocative", -1.8),
    ("hostile", -2.3),
    ("aggression", -2.5),
    ("aggressive", -1.8),
    ("threatened", -2.0),
    ("condemned", -2.2),
    ("condemn", -2.2),
    ("criticized", -1.8),
    ("criticised", -1.8),
    ("accused", -1.8),
    ("denounced", -2.0),
    ("rejected", -1.5),
    ("warned", -1.3),
    ("scandal", -2.5),
    ("corruption", -2.8),
    ("fraud", -2.8),
    ("allegations", -1.5),
    ("impeachment", -1.5),
    ("veto", -0.8),
    ("landslide", 0.5),
    ("praised", 2.0),
    ("welcomed", 1.8),
    ("hailed", 2.0),
    ("backed", 0.8),
    ("supported", 1.0),
    ("breakthrough", 2.2),
    ("achieved", 1.5),
    ("agreed", 1.0),
    ("signed", 0.5),
    ("progress", 1.5),
    // General-lexicon words that are neutral in news.
    ("party", 0.0),
    ("parties", 0.0),
    ("united", 0.0),
    ("justice", 0.0),
    ("care", 0.0),
    ("support", 0.5),
    ("interest", 0.0),
    ("interests", 0.0),
    ("share", 0.0),
    ("shares", 0.0),
    ("security", 0.3),
    ("defense", 0.0),
    ("defence", 0.0),
    ("force", 0.0),
    ("forces", 0.0),
    ("charge", -0.3),
    ("charges", -0.8),
    ("cut", -0.5),
    ("cuts", -0.5),
    ("fire", -0.5),
    ("strike", -1.0),
    ("strikes", -1.0),
    ("pretty", 0.0),
    ("like", 0.0),
    ("leading", 0.0),
    ("vice", 0.0),
    ("grand", 0.3),
    ("liberal", 0.0),
    ("conservative", 0.0),
    ("well", 0.0),
    ("no", 0.0),
    ("please", 0.0),
    ("kind", 0.0),
];

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
    type Table = HashMap<&'static str, f32, crate::ground::hashing::FxBuild>;
    static TABLE: OnceLock<Table> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut table = Table::with_capacity_and_hasher(8192, Default::default());
        for (line, tab) in crate::ground::lexical::table_lines(LEXICON_TSV) {
            let word = tab.and_then(|t| line.get(..t));
            let value = tab.and_then(|t| line.get(t + 1..)).and_then(parse_valence);
            if let (Some(word), Some(value)) = (word, value) {
                table.insert(word, value);
            }
        }
        for (word, value) in NEWS {
            table.insert(word, *value);
        }
        table
    });
    table.get(word).copied().filter(|v| *v != 0.0)
}

/// A valence as written in the lexicon ("-1.5", "0.4", "2"), read without the
/// general float parser (this runs over 7,500 lines on the first analysis). Equal
/// to `str::parse::<f32>`: an integer below 2^24 over a power of ten is rounded once.
fn parse_valence(text: &str) -> Option<f32> {
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    // the point found by a byte loop: `split_once` costs more on such short text
    let (whole, fraction) = match digits.bytes().position(|b| b == b'.') {
        Some(point) => (
            digits.get(..point).unwrap_or(digits),
            digits.get(point + 1..).unwrap_or(""),
        ),
        None => (digits, ""),
    };
    if whole.is_empty() || whole.len() + fraction.len() > 7 {
        return text.parse().ok();
    }
    let mut number = 0u32;
    for b in whole.bytes().chain(fraction.bytes()) {
        if !b.is_ascii_digit() {
            return text.parse().ok();
        }
        number = number * 10 + u32::from(b - b'0');
    }
    let scale = 10u32.pow(fraction.len() as u32);
    let value = number as f32 / scale as f32;
    Some(if negative { -value } else { value })
}

pub fn booster(word: &str) -> Option<f32> {
    BOOSTERS.iter().find(|(w, _)| *w == word).map(|(_, v)| *v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valences_read_as_the_float_parser_reads_them() {
        for line in LEXICON_TSV.lines() {
            let Some((_, value)) = line.split_once('\t') else {
                continue;
            };
            assert_eq!(parse_valence(value), value.parse::<f32>().ok(), "{value}");
        }
        for value in [
            "-0", "3", "-12.25", "0.0001", "1e3", "x", "", "-", "1.", ".5",
        ] {
            assert_eq!(parse_valence(value), value.parse::<f32>().ok(), "{value}");
        }
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
