//! Word clusters for the tagger: each known word has three nested cluster ids
//! (1024 fine, 256 mid, 64 coarse), from k-means over the word vectors of spaCy's
//! `en_core_web_md` (MIT; Explosion's CC0 vectors), built by
//! `tools/entities_clusters.py` into `models/entities-clusters.txt` (see
//! `models/SOURCE-entities.md`). Words the training data never shows still share
//! weights with the words of their cluster ("Pirelli" with other companies).
//!
//! A word is looked up as written when capitalized (the file lists capitalized
//! forms whose vectors differ from the lower-case one: "Arsenal" the club), then
//! lower-cased and normalized as the tagger's features are (digits as 0).

use crate::ground::hashing::FxBuild;
use std::collections::HashMap;

static CLUSTERS_TEXT: &str = include_str!("../../models/entities-clusters.txt");

/// Are cluster features in use? (Always, but in the lab's ablations: [`Lever::Clusters`].)
pub fn enabled() -> bool {
    super::levers::is_on(super::levers::Lever::Clusters)
}

/// A word's cluster ids at three granularities: fine, mid, coarse.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cluster {
    pub fine: u16,
    pub mid: u16,
    pub coarse: u16,
}

type Table = HashMap<&'static str, Cluster, FxBuild>;

/// The table, parsed once; a damaged line is skipped.
fn table() -> &'static Table {
    static TABLE: std::sync::OnceLock<Table> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table: Table = HashMap::with_capacity_and_hasher(24_000, FxBuild::default());
        for line in CLUSTERS_TEXT.lines() {
            if line.starts_with('#') {
                continue;
            }
            let mut cols = line.split('\t');
            let (Some(fine), Some(mid), Some(coarse), Some(words)) =
                (cols.next(), cols.next(), cols.next(), cols.next())
            else {
                continue;
            };
            let (Ok(fine), Ok(mid), Ok(coarse)) = (fine.parse(), mid.parse(), coarse.parse())
            else {
                continue;
            };
            let cluster = Cluster { fine, mid, coarse };
            for word in words.split(' ').filter(|w| !w.is_empty()) {
                table.insert(word, cluster);
            }
        }
        table
    })
}

/// The cluster of a token: `word` as written, `lower` its normalized lower-case
/// form (as the tagger's features use it).
pub fn lookup(word: &str, lower: &str) -> Option<Cluster> {
    let table = table();
    let capitalized =
        word.chars().next().is_some_and(char::is_uppercase) && word.chars().any(char::is_lowercase);
    if capitalized {
        if let Some(c) = table.get(word) {
            return Some(*c);
        }
    }
    table.get(lower).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_words_and_names_have_clusters() {
        let said = lookup("said", "said").expect("said");
        let told = lookup("told", "told");
        assert!(told.is_some());
        assert!(lookup("Putin", "putin").is_some());
        assert!(said.fine < 1024 && said.mid < 256 && said.coarse < 64);
        assert_eq!(lookup("", ""), None);
    }
}
