//! `lede eval time`: TempEval-3 Task A scores (strict and relaxed extraction
//! P/R/F1, type accuracy, value F1) on the TimeML development data in
//! DATA/time (TimeBank + AQUAINT, WikiWars, tweets), each document tagged
//! against its own DCT. Native only.

use super::calendar::Date;
use super::{parse_iso_date, tag_words};
use crate::devtools::{data_dir, throughput};
use std::path::{Path, PathBuf};

/// A gold expression: byte span in the stripped text, type, value.
struct Gold {
    start: usize,
    end: usize,
    kind: String,
    value: String,
}

struct Document {
    text: String,
    dct: Option<Date>,
    gold: Vec<Gold>,
}

fn attribute(tag: &str, name: &str) -> Option<String> {
    let key = format!("{name}=\"");
    let at = tag.find(&key)? + key.len();
    let rest = tag.get(at..)?;
    Some(rest.get(..rest.find('"')?)?.to_string())
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// Parse a .tml file: the DCT and the TEXT with its TIMEX3 annotations.
fn parse(body: &str) -> Option<Document> {
    let dct = body
        .find("<DCT>")
        .and_then(|at| attribute(body.get(at..)?, "value"))
        .and_then(|v| parse_iso_date(v.get(..10).unwrap_or(&v)))
        .and_then(|(y, m, d)| Date::new(y, m.max(1), d.max(1)));
    let start = body.find("<TEXT>")? + "<TEXT>".len();
    let end = body.rfind("</TEXT>")?;
    let inner = body.get(start..end)?;
    let mut text = String::with_capacity(inner.len());
    let mut gold = Vec::new();
    let mut open: Option<(usize, String, String)> = None;
    let mut rest = inner;
    while let Some(lt) = rest.find('<') {
        text.push_str(&unescape(rest.get(..lt)?));
        let gt = rest.get(lt..)?.find('>')? + lt;
        let tag = rest.get(lt..=gt)?;
        if tag.starts_with("<TIMEX3") {
            open = Some((
                text.len(),
                attribute(tag, "type").unwrap_or_default(),
                attribute(tag, "value").unwrap_or_default(),
            ));
        } else if tag.starts_with("</TIMEX3") {
            if let Some((s, kind, value)) = open.take() {
                gold.push(Gold {
                    start: s,
                    end: text.len(),
                    kind,
                    value,
                });
            }
        }
        rest = rest.get(gt + 1..)?;
    }
    text.push_str(&unescape(rest));
    Some(Document { text, dct, gold })
}

#[derive(Default)]
struct Tally {
    gold: usize,
    system: usize,
    strict: usize,
    relaxed_system: usize,
    relaxed_gold: usize,
    kind: usize,
    value: usize,
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    }
}

impl Tally {
    fn report(&self, name: &str, docs: usize) -> String {
        let p = |n: usize| n as f64 / self.system.max(1) as f64;
        let r = |n: usize| n as f64 / self.gold.max(1) as f64;
        let strict = f1(p(self.strict), r(self.strict));
        let relaxed = f1(p(self.relaxed_system), r(self.relaxed_gold));
        let value = f1(p(self.value), r(self.value));
        let kind = f1(p(self.kind), r(self.kind));
        format!(
            "{name}: {docs} documents, {} gold, {} found\n  strict  P {:5.1} R {:5.1} F1 {:5.1}\n  relaxed P {:5.1} R {:5.1} F1 {:5.1}\n  type F1 {:5.1} (accuracy {:5.1}%)   value F1 {:5.1} (accuracy {:5.1}%)\n",
            self.gold,
            self.system,
            100.0 * p(self.strict),
            100.0 * r(self.strict),
            100.0 * strict,
            100.0 * p(self.relaxed_system),
            100.0 * r(self.relaxed_gold),
            100.0 * relaxed,
            100.0 * kind,
            100.0 * self.kind as f64 / self.relaxed_system.max(1) as f64,
            100.0 * value,
            100.0 * self.value as f64 / self.relaxed_system.max(1) as f64,
        )
    }
}

/// The text around a span, on one line, the span in brackets.
fn around(text: &str, start: usize, end: usize) -> String {
    let mut a = start.saturating_sub(70);
    while !text.is_char_boundary(a) {
        a -= 1;
    }
    let mut b = (end + 70).min(text.len());
    while !text.is_char_boundary(b) {
        b += 1;
    }
    let squash = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    format!(
        "{} [{}] {}",
        squash(text.get(a..start).unwrap_or("")),
        squash(text.get(start..end).unwrap_or("")),
        squash(text.get(end..b).unwrap_or(""))
    )
}

fn score_dir(
    dirs: &[PathBuf],
    name: &str,
    mistakes: Option<&mut Vec<String>>,
) -> Result<String, String> {
    let tag = name.split_whitespace().next().unwrap_or(name);
    let mut tally = Tally::default();
    let mut docs = 0;
    let mut mistakes = mistakes;
    let mut files: Vec<PathBuf> = Vec::new();
    for dir in dirs {
        let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        files.extend(
            entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "tml")),
        );
    }
    files.sort();
    for path in files {
        let body =
            std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let Some(doc) = parse(&body) else { continue };
        docs += 1;
        let layer = crate::text::segment(&doc.text);
        let words: Vec<&str> = layer.tokens.iter().map(|t| t.span.of(&doc.text)).collect();
        let ranges: Vec<_> = layer.sentences.iter().map(|s| s.tokens.clone()).collect();
        let found: Vec<(usize, usize, String, String)> = tag_words(&words, &ranges, doc.dct)
            .into_iter()
            .filter_map(|f| {
                let a = layer.tokens.get(f.start)?.span.start;
                let b = layer.tokens.get(f.end.checked_sub(1)?)?.span.end;
                Some((a, b, f.kind.to_string(), f.value))
            })
            .collect();
        tally.gold += doc.gold.len();
        tally.system += found.len();
        for g in &doc.gold {
            if found.iter().any(|f| f.0 < g.end && g.start < f.1) {
                tally.relaxed_gold += 1;
            } else if let Some(m) = mistakes.as_deref_mut() {
                m.push(format!(
                    "{tag} missed {:?} {} {} (dct {:?}) | {}",
                    doc.text.get(g.start..g.end).unwrap_or(""),
                    g.kind,
                    g.value,
                    doc.dct.map(Date::iso),
                    around(&doc.text, g.start, g.end)
                ));
            }
        }
        for f in &found {
            let matched = doc.gold.iter().find(|g| f.0 < g.end && g.start < f.1);
            if let Some(g) = matched {
                tally.relaxed_system += 1;
                tally.strict += usize::from(f.0 == g.start && f.1 == g.end);
                tally.kind += usize::from(f.2 == g.kind);
                tally.value += usize::from(f.3 == g.value);
                if f.3 != g.value {
                    if let Some(m) = mistakes.as_deref_mut() {
                        m.push(format!(
                            "{tag} value {:?}: {} want {} (dct {:?}) | {}",
                            doc.text.get(f.0..f.1).unwrap_or(""),
                            f.3,
                            g.value,
                            doc.dct.map(Date::iso),
                            around(&doc.text, f.0, f.1)
                        ));
                    }
                }
            } else if let Some(m) = mistakes.as_deref_mut() {
                m.push(format!(
                    "{tag} spurious {:?} {} {} | {}",
                    doc.text.get(f.0..f.1).unwrap_or(""),
                    f.2,
                    f.3,
                    around(&doc.text, f.0, f.1)
                ));
            }
        }
    }
    Ok(tally.report(name, docs))
}

/// `lede eval time [--data DIR] [--mistakes]`: with `--mistakes`, every missed,
/// spurious and wrongly valued expression of the three corpora, one a line,
/// with the text around it.
pub fn eval(args: &[String]) -> Result<String, String> {
    let time = data_dir(args).join("time");
    let mut mistakes = Vec::new();
    let show = args.iter().any(|a| a == "--mistakes");
    let tb: &Path = &time.join("tbaq-cleaned");
    let mut out = score_dir(
        &[tb.join("TimeBank"), tb.join("AQUAINT")],
        "TBAQ (TimeBank + AQUAINT)",
        show.then_some(&mut mistakes),
    )?;
    out.push_str(&score_dir(
        &[time.join("wikiwars/timex3")],
        "WikiWars",
        show.then_some(&mut mistakes),
    )?);
    out.push_str(&score_dir(
        &[time.join("tweets")],
        "Tweets",
        show.then_some(&mut mistakes),
    )?);
    out.push_str(&speed(&tb.join("TimeBank"))?);
    if show {
        out.push_str(&mistakes.join("\n"));
    }
    Ok(out)
}

fn speed(dir: &Path) -> Result<String, String> {
    let mut texts = Vec::new();
    for entry in std::fs::read_dir(dir)
        .map_err(|e| e.to_string())?
        .filter_map(Result::ok)
    {
        if let Some(doc) = std::fs::read_to_string(entry.path())
            .ok()
            .as_deref()
            .and_then(parse)
        {
            texts.push(doc.text);
        }
    }
    let empty = crate::entities::EntityLayer::default();
    let published = super::Published {
        value: "1998-01-08".into(),
        source: "caller".into(),
        confidence: 1.0,
    };
    let (tokens, documents) = throughput(&texts, 1.5, |text, layer| {
        std::hint::black_box(super::resolve(text, layer, &empty, Some(&published)));
    });
    Ok(format!("throughput: {tokens:.0} tokens/s, {documents:.0} documents/s for the time stage (one core)\n"))
}
