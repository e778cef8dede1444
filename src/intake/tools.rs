//! `lede eval extract`: article extraction measured on the development pages in
//! DATA/extract. Trafilatura's evaluation set is scored its own way (each page
//! lists snippets that must and must not appear in the extracted text:
//! precision, recall, F1 over snippet counts); Readability's test pages by
//! token-level precision/recall/F1 against the expected article text. Native only.

use crate::devtools::{data_dir, flag};
use crate::{Input, Options};
use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};

fn gunzip(path: &Path) -> Result<String, String> {
    let file = std::fs::File::open(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut bytes = Vec::new();
    flate2::read::GzDecoder::new(file)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(super::charset::decode_page(&bytes))
}

/// The article text Lede extracts from a page (all articles, as the CLI returns them).
pub fn extracted(html: &str) -> String {
    let options = Options {
        split: false,
        ..Options::default()
    };
    super::intake(
        &Input::Html {
            html: html.to_string(),
            url: None,
        },
        &options,
    )
    .map(|articles| {
        articles
            .into_iter()
            .map(|a| a.text)
            .collect::<Vec<_>>()
            .join("\n\n")
    })
    .unwrap_or_default()
}

fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn trafilatura(dir: &Path, worst: usize) -> Result<String, String> {
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
        for snippet in page["with"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|s| s.as_str())
        {
            if text.contains(&squash(snippet)) {
                tp += 1
            } else {
                fn_ += 1;
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
                errors += 1;
                report.push_str(&format!("    extra: {}\n", squash(snippet)));
            } else {
                tn += 1
            }
        }
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
    let listing: String = bad.iter().take(worst).map(|b| b.1.as_str()).collect();
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

fn readability(dir: &Path, worst: usize) -> Result<String, String> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| e.to_string())?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.join("source.html.gz").exists())
        .collect();
    entries.sort();
    let (mut overlap, mut produced, mut expected, mut pages) = (0usize, 0usize, 0usize, 0usize);
    let mut bad: Vec<(f64, String)> = Vec::new();
    for page in entries {
        let (Ok(source), Ok(reference)) = (
            gunzip(&page.join("source.html.gz")),
            gunzip(&page.join("expected.html.gz")),
        ) else {
            continue;
        };
        pages += 1;
        let ours = tokens(&extracted(&source));
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
            let name = page.file_name().map(|n| n.to_string_lossy().into_owned());
            // Tokens lost or added, the page's weight in the corpus figure.
            let lost = (wanted - common) + (made - common);
            bad.push((
                lost as f64,
                format!(
                    "  {} P {:.3} R {:.3} ({made} tokens out, {wanted} wanted)\n",
                    name.unwrap_or_default(),
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
        "{listing}readability test pages: {pages} pages  token P {p:.3} R {r:.3} F1 {f:.3} (F1 {f:.4})\n"
    ))
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
    super::repair::repair(&out, true).0
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
    let scan = timed(&|p| super::html::extract(p).text.len());
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

/// `lede eval extract [--data DIR] [--worst N] [--page FILE [--raw]] [--no-speed]`: with
/// `--worst`, the N pages that lose most (snippets missed or let in; tokens
/// lost or added) are listed; with `--page`, the text extracted from one page
/// is printed (`--raw`: before the text is cleaned).
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
            super::charset::decode_page(&bytes)
        };
        if args.iter().any(|a| a == "--raw") {
            // The HTML stage alone, before the text is cleaned.
            return Ok(super::html::extract(&html).text + "\n");
        }
        return Ok(extracted(&html) + "\n");
    }
    let started = std::time::Instant::now();
    let mut out = trafilatura(&data.join("trafilatura-eval"), worst)?;
    out.push_str(&readability(&data.join("readability-testpages"), worst)?);
    out.push_str(&format!(
        "(both sets in {:.1} s)\n",
        started.elapsed().as_secs_f64()
    ));
    if !args.iter().any(|a| a == "--no-speed") {
        out.push_str(&speed(&data.join("trafilatura-eval").join("html"))?);
    }
    Ok(out)
}
