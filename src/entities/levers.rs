//! The entity stage's levers (issue #22), each on in the product: the word
//! clusters (tagger features), the knowledge table with the office-holders, the
//! rules for lines that are not prose, and the document-level evidence. The lab
//! turns one off to measure what it brings (`lede eval entities --no-knowledge`,
//! `scripts/entities-ablation.sh`); nothing else does.
//!
//! Guarantees: every lever is on unless the lab (feature `lab`) turned it off;
//! reading one is a relaxed atomic load.

use std::sync::atomic::{AtomicU8, Ordering};

/// One lever of the stage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lever {
    /// Word-cluster features of the tagger (`models/entities-clusters.txt`);
    /// a model trained with them is scored with them.
    Clusters = 1,
    /// The knowledge table's types, additions and canonical names, and the
    /// office-holders' full names (`models/entities-knowledge.tsv`,
    /// `models/officeholders.tsv`).
    Knowledge = 2,
    /// Lines that are not prose: results tables and fixtures, datelines,
    /// title-cased headlines.
    Layout = 4,
    /// Document-level evidence: a form's majority type, and its untagged
    /// occurrences tagged.
    Document = 8,
}

/// The levers turned off (bits of [`Lever`]); none in the product.
static OFF: AtomicU8 = AtomicU8::new(0);

/// Is this lever in use?
pub fn is_on(lever: Lever) -> bool {
    OFF.load(Ordering::Relaxed) & lever as u8 == 0
}

/// Turn a lever on or off (the lab's ablations only: training and evaluation
/// run in one process).
#[cfg(feature = "lab")]
pub fn set(lever: Lever, on: bool) {
    if on {
        OFF.fetch_and(!(lever as u8), Ordering::Relaxed);
    } else {
        OFF.fetch_or(lever as u8, Ordering::Relaxed);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // (Turning one off is not tested here: the switch is process-wide and other
    // tests recognize entities in parallel; scripts/entities-ablation.sh turns
    // each off in a process of its own.)
    #[test]
    fn every_lever_is_on_in_the_product() {
        for lever in [
            Lever::Clusters,
            Lever::Knowledge,
            Lever::Layout,
            Lever::Document,
        ] {
            assert!(is_on(lever), "{lever:?}");
        }
    }
}
