//! `lede eval extract`: article extraction measured on the development pages in
//! DATA/extract. Trafilatura's evaluation set is scored its own way (each page
//! lists snippets that must and must not appear in the extracted text:
//! precision, recall, F1 over snippet counts); Readability's test pages by
//! token-level precision/recall/F1 against the expected article text, and their
//! metadata against `expected-metadata.json` (Readability's own reading of each
//! page) field by field, counting a page only where a value is expected:
//!
//! - title and site name: right when equal once white space is squashed, case
//!   is folded and typographic quotes and dashes are made plain ([`norm`]);
//! - byline: the same, after a leading "By" and any punctuation around the
//!   names are dropped from both sides;
//! - published date: right when the calendar day matches (the first ten
//!   characters of the expected ISO timestamp, as written, against Lede's
//!   `published.value`, whatever its source);
//! - language: right when the primary subtag matches (`en-US` ~ `en`).
//!
//! A value Lede gives that is not right is counted as wrong, none as missing.
//! Native only.

use crate::common::{data_dir, flag};
use lede::lab::intake::Metadata;
use lede::{Input, Options};
use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};

fn gunzip(path: &Path) -> Result<String, String> {
    let file = std::fs::File::open(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut bytes = Vec::new();
    flate2::read::GzDecoder::new(file)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(lede::lab::intake::decode_page(&bytes))
}

/// The article text Lede extracts from a page (all articles, as the CLI returns them).
pub fn extracted(html: &str) -> String {
    extracted_with_meta(html).0
}

/// The article text, the first article's metadata and its date.
fn extracted_with_meta(html: &str) -> (String, Metadata, Option<String>) {
    let options = Options {
        split: false,
        ..Options::default()
    };
    let articles = lede::lab::intake::intake(
        &Input::Html {
            html: html.to_string(),
            url: None,
        },
        &options,
    )
    .unwrap_or_default();
    let (meta, published) = articles
        .first()
        .map(|a| {
            (
                a.meta.clone(),
                a.published.as_ref().map(|p| p.value.clone()),
            )
        })
        .unwrap_or_default();
    let text = articles
        .into_iter()
        .map(|a| a.text)
        .collect::<Vec<_>>()
        .join("\n\n");
    (text, meta, published)
}

fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Snippet F1 of one page from its counts (1 when it has nothing to find or to leave out).
fn page_f1(found: usize, missed: usize, let_in: usize) -> f64 {
    if found == 0 {
        return if missed + let_in == 0 { 1.0 } else { 0.0 };
    }
    2.0 * found as f64 / (2 * found + missed + let_in) as f64
}

/// Trafilatura's set scored; with `worst`, the pages that lose most listed
/// first; with `per_page`, one line per page (F1, found, missed, let in,
/// file), lowest F1 first.
fn trafilatura(dir: &Path, worst: usize, per_page: bool) -> Result<String, String> {
    let index: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(dir.join("evaldata.json")).map_err(|e| e.to_string())?,
    )
    .map_err(|e| e.to_string())?;
    let (mut tp, mut fp, mut fn_, mut tn, mut pages) = (0usize, 0usize, 0usize, 0usize, 0usize);
    let mut entries: Vec<(&String, &serde_json::Value)> = index
        .as_object()
        .map(|o| o.iter().collect())
        .unwrap_or_default();
    entries.sort_by(|a, b| a.0.cmp(b.0));
    // Per page: (errors, report) for the pages that lost or gained snippets.
    let mut bad: Vec<(usize, String)> = Vec::new();
    // Per page: (F1, found, missed, let in, file).
    let mut scores: Vec<(f64, usize, usize, usize, String)> = Vec::new();
    for (url, page) in entries {
        let Some(file) = page["file"].as_str() else {
            continue;
        };
        let path = dir.join("html").join(format!("{file}.gz"));
        let Ok(html) = gunzip(&path) else { continue };
        pages += 1;
        let text = squash(&extracted(&html));
        let mut report = String::new();
        let mut errors = 0;
        let (mut found, mut missed, mut let_in) = (0usize, 0usize, 0usize);
        for snippet in page["with"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|s| s.as_str())
        {
            if text.contains(&squash(snippet)) {
                tp += 1;
                found += 1;
            } else {
                fn_ += 1;
                missed += 1;
                errors += 1;
                report.push_str(&format!("    missed: {}\n", squash(snippet)));
            }
        }
        for snippet in page["without"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|s| s.as_str())
        {
            if text.contains(&squash(snippet)) {
                fp += 1;
                let_in += 1;
                errors += 1;
                report.push_str(&format!("    extra: {}\n", squash(snippet)));
            } else {
                tn += 1
            }
        }
        scores.push((
            page_f1(found, missed, let_in),
            found,
            missed,
            let_in,
            file.to_string(),
        ));
        if errors > 0 && worst > 0 {
            let head: String = text.chars().take(300).collect();
            bad.push((
                errors,
                format!(
                    "  {file} {url} ({} chars out)\n{report}    text: {head}\n",
                    text.len()
                ),
            ));
        }
    }
    bad.sort_by_key(|b| std::cmp::Reverse(b.0));
    let mut listing: String = bad.iter().take(worst).map(|b| b.1.as_str()).collect();
    if per_page {
        scores.sort_by(|a, b| a.0.total_cmp(&b.0).then_with(|| a.4.cmp(&b.4)));
        listing.push_str("  F1     found missed let-in page\n");
        for (f1, found, missed, let_in, file) in &scores {
            listing.push_str(&format!(
                "  {f1:.3} {found:>6} {missed:>6} {let_in:>6} {file}\n"
            ));
        }
    }
    let p = tp as f64 / (tp + fp).max(1) as f64;
    let r = tp as f64 / (tp + fn_).max(1) as f64;
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    let accuracy = (tp + tn) as f64 / (tp + tn + fp + fn_).max(1) as f64;
    Ok(format!(
        "{listing}trafilatura eval set: {pages} pages  P {p:.3} R {r:.3} F1 {f:.3} accuracy {accuracy:.3} (snippets: {tp} found, {fn_} missed, {fp} let in)\n"
    ))
}

fn tokens(text: &str) -> HashMap<String, usize> {
    let mut counts = HashMap::new();
    for word in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        *counts.entry(word.to_lowercase()).or_insert(0) += 1;
    }
    counts
}

fn readability(dir: &Path, worst: usize, field: Option<&str>) -> Result<String, String> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| e.to_string())?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.join("source.html.gz").exists())
        .collect();
    entries.sort();
    let (mut overlap, mut produced, mut expected, mut pages) = (0usize, 0usize, 0usize, 0usize);
    let mut bad: Vec<(f64, String)> = Vec::new();
    let mut score = MetaScore::default();
    for page in entries {
        let (Ok(source), Ok(reference)) = (
            gunzip(&page.join("source.html.gz")),
            gunzip(&page.join("expected.html.gz")),
        ) else {
            continue;
        };
        pages += 1;
        let (text, meta, published) = extracted_with_meta(&source);
        let name = page
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if let Ok(json) = std::fs::read_to_string(page.join("expected-metadata.json")) {
            if let Ok(want) = serde_json::from_str::<serde_json::Value>(&json) {
                let got = [
                    meta.title,
                    meta.byline,
                    published,
                    meta.site_name,
                    meta.language,
                ];
                score.page(&name, &want, &got);
            }
        }
        let ours = tokens(&text);
        let want = tokens(&all_text(&reference));
        let common = ours
            .iter()
            .map(|(w, n)| (*n).min(want.get(w).copied().unwrap_or(0)))
            .sum::<usize>();
        let (made, wanted) = (ours.values().sum::<usize>(), want.values().sum::<usize>());
        overlap += common;
        produced += made;
        expected += wanted;
        if worst > 0 {
            // Tokens lost or added, the page's weight in the corpus figure.
            let lost = (wanted - common) + (made - common);
            bad.push((
                lost as f64,
                format!(
                    "  {name} P {:.3} R {:.3} ({made} tokens out, {wanted} wanted)\n",
                    common as f64 / made.max(1) as f64,
                    common as f64 / wanted.max(1) as f64
                ),
            ));
        }
    }
    bad.sort_by(|a, b| b.0.total_cmp(&a.0));
    let listing: String = bad.iter().take(worst).map(|b| b.1.as_str()).collect();
    let p = overlap as f64 / produced.max(1) as f64;
    let r = overlap as f64 / expected.max(1) as f64;
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    Ok(format!(
        "{listing}readability test pages: {pages} pages  token P {p:.3} R {r:.3} F1 {f:.3} (F1 {f:.4})\n{}",
        score.report(worst, field)
    ))
}

/// The metadata fields scored, in the order of [`MetaScore::page`]'s values,
/// with their key in `expected-metadata.json`.
const FIELDS: [(&str, &str); 5] = [
    ("title", "title"),
    ("byline", "byline"),
    ("published", "publishedTime"),
    ("site_name", "siteName"),
    ("language", "lang"),
];

/// Metadata right, wrong and missing per field, and the misses by page.
#[derive(Default)]
struct MetaScore {
    expected: [usize; 5],
    right: [usize; 5],
    wrong: [usize; 5],
    /// (page, field, wanted, got) for every value not right.
    misses: Vec<(String, usize, String, Option<String>)>,
}

impl MetaScore {
    /// Score one page's values (in [`FIELDS`] order) against its expected metadata.
    fn page(&mut self, name: &str, want: &serde_json::Value, got: &[Option<String>; 5]) {
        for (f, (_, key)) in FIELDS.iter().enumerate() {
            let Some(wanted) = want
                .get(key)
                .and_then(|v| v.as_str())
                .filter(|v| !v.trim().is_empty())
            else {
                continue;
            };
            let ours = got.get(f).cloned().flatten();
            let right = ours.as_deref().is_some_and(|o| meta_equal(f, wanted, o));
            if let Some(slot) = self.expected.get_mut(f) {
                *slot += 1;
            }
            if right {
                if let Some(slot) = self.right.get_mut(f) {
                    *slot += 1;
                }
                continue;
            }
            if ours.is_some() {
                if let Some(slot) = self.wrong.get_mut(f) {
                    *slot += 1;
                }
            }
            self.misses.push((
                name.to_string(),
                f,
                squash(wanted),
                ours.map(|o| squash(&o)),
            ));
        }
    }

    /// One line per field; with `worst`, the misses of the `worst` pages that
    /// miss most (of field `only`, when given) listed before.
    fn report(&self, worst: usize, only: Option<&str>) -> String {
        let mut out = String::new();
        if worst > 0 {
            let misses: Vec<&(String, usize, String, Option<String>)> = self
                .misses
                .iter()
                .filter(|m| only.is_none_or(|o| FIELDS.get(m.1).is_some_and(|f| f.0 == o)))
                .collect();
            let mut per_page: Vec<(&str, usize)> = Vec::new();
            for m in &misses {
                match per_page.iter_mut().find(|p| p.0 == m.0) {
                    Some(p) => p.1 += 1,
                    None => per_page.push((&m.0, 1)),
                }
            }
            per_page.sort_by_key(|p| std::cmp::Reverse(p.1));
            for (page, _) in per_page.iter().take(worst) {
                out.push_str(&format!("  {page}\n"));
                for m in misses.iter().filter(|m| m.0 == *page) {
                    out.push_str(&format!(
                        "    {}: want {:?} got {:?}\n",
                        FIELDS.get(m.1).map_or("", |f| f.0),
                        m.2,
                        m.3.as_deref().unwrap_or("-")
                    ));
                }
            }
        }
        out.push_str(
            "readability test pages metadata (right / expected, wrong = another value given):\n",
        );
        for (f, (field, _)) in FIELDS.iter().enumerate() {
            let (n, right, wrong) = (
                self.expected.get(f).copied().unwrap_or(0),
                self.right.get(f).copied().unwrap_or(0),
                self.wrong.get(f).copied().unwrap_or(0),
            );
            out.push_str(&format!(
                "  {field:<10} {right:>3} / {n:<3} accuracy {:.3}  (wrong {wrong}, missing {})\n",
                right as f64 / n.max(1) as f64,
                n - right - wrong
            ));
        }
        out
    }
}

/// A value as compared: white space squashed, case folded, typographic
/// quotes, apostrophes and dashes made plain.
fn norm(text: &str) -> String {
    squash(text)
        .chars()
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' | '\u{201b}' | '\u{2032}' => '\'',
            '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{2033}' => '"',
            '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
            '\u{a0}' => ' ',
            c => c,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// A byline as compared: [`norm`], a leading "by" and punctuation around it dropped.
fn byline_norm(text: &str) -> String {
    let n = norm(text);
    let trimmed = n.trim_matches(|c: char| !c.is_alphanumeric());
    let rest = trimmed
        .strip_prefix("by ")
        .or_else(|| trimmed.strip_prefix("by:"))
        .unwrap_or(trimmed);
    rest.trim_matches(|c: char| !c.is_alphanumeric())
        .to_string()
}

/// Field `f` of [`FIELDS`]: is `ours` right for `wanted`?
fn meta_equal(f: usize, wanted: &str, ours: &str) -> bool {
    match FIELDS.get(f).map_or("", |x| x.0) {
        "byline" => byline_norm(wanted) == byline_norm(ours),
        "published" => {
            let day = |t: &str| t.trim().get(..10).map(str::to_string);
            day(wanted).is_some() && day(wanted) == day(ours)
        }
        "language" => {
            let primary = |t: &str| {
                t.trim()
                    .split(['-', '_'])
                    .next()
                    .unwrap_or("")
                    .to_ascii_lowercase()
            };
            primary(wanted) == primary(ours)
        }
        _ => norm(wanted) == norm(ours),
    }
}

/// Every character of text in an HTML fragment: tags dropped, entities decoded.
fn all_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for ch in html.chars() {
        match ch {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag => out.push(ch),
            _ => {}
        }
    }
    lede::lab::intake::repair(&out, true).0
}

/// Extraction speed over the pages of a folder of gzipped pages (read and
/// unzipped first), best of three rounds: the HTML scan and article finder
/// alone, then the whole intake (text cleaning and metadata included).
fn speed(dir: &Path) -> Result<String, String> {
    let mut pages: Vec<String> = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(|e| e.to_string())?.flatten() {
        if let Ok(html) = gunzip(&entry.path()) {
            pages.push(html);
        }
    }
    let bytes: usize = pages.iter().map(String::len).sum();
    let mb = bytes as f64 / 1e6;
    // The best of three rounds: the machine may be shared.
    let timed = |work: &dyn Fn(&str) -> usize| {
        (0..3)
            .map(|_| {
                let started = std::time::Instant::now();
                let kept: usize = pages.iter().map(|p| work(p)).sum();
                std::hint::black_box(kept);
                started.elapsed().as_secs_f64().max(1e-9)
            })
            .fold(f64::INFINITY, f64::min)
    };
    let scan = timed(&|p| lede::lab::intake::extract(p).text.len());
    let whole = timed(&|p| extracted(p).len());
    let n = pages.len() as f64;
    Ok(format!(
        "speed on {} pages ({mb:.1} MB): HTML → article {:.0} pages/s, {:.1} MB/s; whole intake {:.0} pages/s, {:.1} MB/s\n",
        pages.len(),
        n / scan,
        mb / scan,
        n / whole,
        mb / whole
    ))
}

/// `lede eval extract [--data DIR] [--worst N [--field F]] [--per-page] [--page FILE [--raw]] [--no-speed]`:
/// with `--worst`, the N pages that lose most (snippets missed or let in; tokens
/// lost or added) are listed, and the N Readability pages that miss most metadata
/// with what was wanted and what Lede gave (only field F — title, byline,
/// published, site_name, language — with `--field`); with `--page`, the text
/// extracted from one page is printed (`--raw`: before the text is cleaned);
/// with `--per-page`, every page of trafilatura's set with its snippet F1,
/// lowest first.
pub fn eval(args: &[String]) -> Result<String, String> {
    let data = data_dir(args).join("extract");
    let worst = flag(args, "--worst")
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    if let Some(page) = flag(args, "--page") {
        // One page (gzipped or not): the text Lede extracts from it.
        let path = Path::new(page);
        let html = if page.ends_with(".gz") {
            gunzip(path)?
        } else {
            let bytes = std::fs::read(path).map_err(|e| format!("{page}: {e}"))?;
            lede::lab::intake::decode_page(&bytes)
        };
        if args.iter().any(|a| a == "--raw") {
            // The HTML stage alone, before the text is cleaned.
            return Ok(lede::lab::intake::extract(&html).text + "\n");
        }
        return Ok(extracted(&html) + "\n");
    }
    let started = std::time::Instant::now();
    let per_page = args.iter().any(|a| a == "--per-page");
    let mut out = trafilatura(&data.join("trafilatura-eval"), worst, per_page)?;
    out.push_str(&readability(
        &data.join("readability-testpages"),
        worst,
        flag(args, "--field"),
    )?);
    out.push_str(&format!(
        "(both sets in {:.1} s)\n",
        started.elapsed().as_secs_f64()
    ));
    if !args.iter().any(|a| a == "--no-speed") {
        out.push_str(&speed(&data.join("trafilatura-eval").join("html"))?);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_f1_is_the_harmonic_mean_of_the_page_counts() {
        assert_eq!(page_f1(3, 0, 0), 1.0);
        assert_eq!(page_f1(0, 0, 0), 1.0);
        assert_eq!(page_f1(0, 2, 1), 0.0);
        // P 2/3, R 2/4: F1 = 2·2 / (2·2 + 2 + 1)
        assert!((page_f1(2, 2, 1) - 4.0 / 7.0).abs() < 1e-12);
    }

    #[test]
    fn metadata_is_compared_as_the_module_doc_says() {
        // title: white space, case, typographic quotes and dashes
        assert!(meta_equal(
            0,
            "Obama’s  “Plan” – Now",
            "obama's \"plan\" - now"
        ));
        assert!(!meta_equal(0, "Obama's plan", "Obama's plan - BBC News"));
        // byline: a leading "By" and punctuation around the names
        assert!(meta_equal(1, "By Jane Doe", "Jane Doe"));
        assert!(meta_equal(1, "Jane Doe,", "by: jane doe"));
        assert!(!meta_equal(1, "Jane Doe", "Jane Doe and John Roe"));
        // date: the calendar day as written
        assert!(meta_equal(2, "2019-01-03T07:00:02.000Z", "2019-01-03"));
        assert!(!meta_equal(2, "2024-12-06T22:00:40.000Z", "2024-12-07"));
        assert!(!meta_equal(2, "2024", "2024"));
        // language: the primary subtag
        assert!(meta_equal(4, "en-US", "en"));
        assert!(meta_equal(4, "pt_BR", "PT"));
        assert!(!meta_equal(4, "en", "fr"));
    }

    #[test]
    fn metadata_score_counts_right_wrong_and_missing() {
        let mut score = MetaScore::default();
        let want = serde_json::json!({"title": "T", "byline": "By A", "publishedTime": null,
            "siteName": "S", "lang": "en"});
        let got = [
            Some("t".to_string()),
            Some("B".to_string()),
            Some("2020-01-01".to_string()),
            None,
            Some("en-GB".to_string()),
        ];
        score.page("p", &want, &got);
        assert_eq!(score.expected, [1, 1, 0, 1, 1]);
        assert_eq!(score.right, [1, 0, 0, 0, 1]);
        assert_eq!(score.wrong, [0, 1, 0, 0, 0]);
        let report = score.report(5, Some("byline"));
        assert!(
            report.contains("byline: want \"By A\" got \"B\""),
            "{report}"
        );
        assert!(!report.contains("site_name: want"), "{report}");
    }
}
