//! `lede eval extract`: article extraction measured on the development pages in
//! DATA/extract. Trafilatura's evaluation set is scored its own way (each page
//! lists snippets that must and must not appear in the extracted text:
//! precision, recall, F1 over snippet counts); Readability's test pages by
//! token-level precision/recall/F1 against the expected article text. Native only.

use crate::devtools::data_dir;
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
    Ok(String::from_utf8_lossy(&bytes).into_owned())
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

fn trafilatura(dir: &Path) -> Result<String, String> {
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
    for (_, page) in entries {
        let Some(file) = page["file"].as_str() else {
            continue;
        };
        let path = dir.join("html").join(format!("{file}.gz"));
        let Ok(html) = gunzip(&path) else { continue };
        pages += 1;
        let text = squash(&extracted(&html));
        for snippet in page["with"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|s| s.as_str())
        {
            if text.contains(&squash(snippet)) {
                tp += 1
            } else {
                fn_ += 1
            }
        }
        for snippet in page["without"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|s| s.as_str())
        {
            if text.contains(&squash(snippet)) {
                fp += 1
            } else {
                tn += 1
            }
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
        "trafilatura eval set: {pages} pages  P {p:.3} R {r:.3} F1 {f:.3} accuracy {accuracy:.3}\n"
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

fn readability(dir: &Path) -> Result<String, String> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| e.to_string())?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.join("source.html.gz").exists())
        .collect();
    entries.sort();
    let (mut overlap, mut produced, mut expected, mut pages) = (0usize, 0usize, 0usize, 0usize);
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
        overlap += ours
            .iter()
            .map(|(w, n)| (*n).min(want.get(w).copied().unwrap_or(0)))
            .sum::<usize>();
        produced += ours.values().sum::<usize>();
        expected += want.values().sum::<usize>();
    }
    let p = overlap as f64 / produced.max(1) as f64;
    let r = overlap as f64 / expected.max(1) as f64;
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    Ok(format!(
        "readability test pages: {pages} pages  token P {p:.3} R {r:.3} F1 {f:.3}\n"
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

/// `lede eval extract [--data DIR]`
pub fn eval(args: &[String]) -> Result<String, String> {
    let data = data_dir(args).join("extract");
    let started = std::time::Instant::now();
    let mut out = trafilatura(&data.join("trafilatura-eval"))?;
    out.push_str(&readability(&data.join("readability-testpages"))?);
    out.push_str(&format!(
        "(both sets in {:.1} s)\n",
        started.elapsed().as_secs_f64()
    ));
    Ok(out)
}
