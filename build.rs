//! Builds word tables of the product crate (the valence lexicon, the known names
//! and the office-holders' full names) at compile time, from the text tables in
//! `models/` (their one home), into the in-place layout of
//! `src/ground/static_map.rs`, so no analysis parses or hashes them at run time.
//! Each table reads its text exactly as the run-time code once did; the tests beside
//! each table check that against a parse of the text.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

#[allow(dead_code)]
#[path = "src/ground/static_map.rs"]
mod static_map;

fn main() {
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=src/ground/static_map.rs");
    lexicon(&out);
    knowledge(&out);
    officeholder_names(&out);
}

fn read(path: &str) -> String {
    println!("cargo:rerun-if-changed={path}");
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Write a generated file into `out`.
fn write(out: &Path, name: &str, bytes: &[u8]) {
    let path = out.join(name);
    std::fs::write(&path, bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}

/// Keys in first-seen order, each with the value set last (a table's later line
/// wins, as inserting into a hash map did).
#[derive(Default)]
struct Entries {
    order: Vec<Vec<u8>>,
    values: HashMap<Vec<u8>, Vec<u8>>,
}

impl Entries {
    fn set(&mut self, key: &[u8], value: Vec<u8>) {
        if self.values.insert(key.to_vec(), value).is_none() {
            self.order.push(key.to_vec());
        }
    }

    fn into_map(mut self, width: usize) -> Vec<u8> {
        let entries: Vec<(Vec<u8>, Vec<u8>)> = self
            .order
            .iter()
            .map(|k| (k.clone(), self.values.remove(k).unwrap_or_default()))
            .collect();
        static_map::write(&entries, width)
    }
}

/// Word valences: the lexicon, then the news words over it (`f32`). Zero valences
/// are kept; the reader treats them as none.
fn lexicon(out: &Path) {
    let mut entries = Entries::default();
    for path in ["models/sentiment-lexicon.tsv", "models/sentiment-news.tsv"] {
        let text = read(path);
        for line in text.lines().filter(|l| !l.starts_with('#')) {
            let Some((word, value)) = line.split_once('\t') else {
                continue;
            };
            if let Ok(value) = value.parse::<f32>() {
                entries.set(word.as_bytes(), value.to_le_bytes().to_vec());
            }
        }
    }
    write(out, "sentiment-lexicon.map", &entries.into_map(4));
}

/// A name's key in the known-names table: its characters but whitespace, a
/// typographic apostrophe as a plain one (as `entities::knowledge` squashes words).
fn squash(name: &str) -> String {
    name.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| if c == '\u{2019}' { '\'' } else { c })
        .collect()
}

/// The known names (`models/entities-knowledge.tsv`): the entries as a generated
/// array, each name's key (and, for names of two words or four letters, its
/// upper-cased key) → the entry's index (`u16`; the first line naming it wins),
/// both key lists sorted, and the most words a name has plus two.
fn knowledge(out: &Path) {
    let text = read("models/entities-knowledge.tsv");
    let mut source = String::from("static ENTRIES: &[Known] = &[\n");
    let (mut by_name, mut by_upper) = (Vec::new(), Vec::new());
    let mut seen: std::collections::HashSet<(bool, String)> = Default::default();
    let mut longest = 1;
    let mut index = 0u16;
    for line in text.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let mut cols = line.split('\t');
        let (Some(kind), Some(context), Some(names)) = (cols.next(), cols.next(), cols.next())
        else {
            continue;
        };
        let country = cols.next().map(str::trim).filter(|c| !c.is_empty());
        let mut names = names.split('|').map(str::trim).filter(|n| !n.is_empty());
        let Some(canonical) = names.next() else {
            continue;
        };
        let _ = writeln!(
            source,
            "    Known {{ kind: {kind:?}, sports_only: {}, canonical: {canonical:?}, country: {country:?} }},",
            context == "sports"
        );
        for name in std::iter::once(canonical).chain(names) {
            let words = name.split(' ').count();
            longest = longest.max(words + 2);
            let key = squash(name);
            if seen.insert((false, key.clone())) {
                by_name.push((key.into_bytes(), index.to_le_bytes().to_vec()));
            }
            let letters = name.chars().filter(|c| c.is_alphabetic()).count();
            if words >= 2 || letters >= 4 {
                let key = squash(&name.to_uppercase());
                if seen.insert((true, key.clone())) {
                    by_upper.push((key.into_bytes(), index.to_le_bytes().to_vec()));
                }
            }
        }
        index = index.checked_add(1).expect("at most 65,535 known names");
    }
    source.push_str("];\n");
    for (name, keys) in [("SORTED_NAMES", &by_name), ("SORTED_UPPER", &by_upper)] {
        let mut sorted: Vec<String> = keys
            .iter()
            .map(|(k, _)| String::from_utf8_lossy(k).into_owned())
            .collect();
        sorted.sort_unstable();
        let _ = writeln!(source, "static {name}: &[&str] = &{sorted:?};");
    }
    let _ = writeln!(source, "const LONGEST: usize = {longest};");
    write(out, "entities-knowledge.rs", source.as_bytes());
    write(
        out,
        "entities-knowledge-names.map",
        &static_map::write(&by_name, 2),
    );
    write(
        out,
        "entities-knowledge-upper.map",
        &static_map::write(&by_upper, 2),
    );
}

/// The full names (two words or more, lower-cased) of `models/officeholders.tsv`,
/// as a set (values of no bytes).
fn officeholder_names(out: &Path) {
    let text = read("models/officeholders.tsv");
    let mut entries = Entries::default();
    for names in text
        .lines()
        .filter(|line| !line.starts_with('#'))
        .filter_map(|line| line.split('\t').nth(1))
    {
        for name in names.split('|').filter(|name| name.contains(' ')) {
            entries.set(name.to_lowercase().as_bytes(), Vec::new());
        }
    }
    write(out, "officeholder-names.map", &entries.into_map(0));
}
