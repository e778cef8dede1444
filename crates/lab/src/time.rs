//! `lede eval time`: TempEval-3 Task A scores (strict and relaxed extraction
//! P/R/F1, type accuracy, value F1) on the TimeML development data in
//! DATA/time (TimeBank + AQUAINT, WikiWars, tweets), each document tagged
//! against its own DCT; then TBAQ again with the DCT withheld, as an undated
//! paste, with how often the date inferred from the text is right. Native only.

use crate::common::{data_dir, throughput};
use lede::lab::time::Date;
use lede::lab::time::{parse_iso_date, spans_of, tag_words};
use std::path::{Path, PathBuf};

/// A gold expression: byte span in the stripped text, type, value.
struct Gold {
    start: usize,
    end: usize,
    kind: String,
    value: String,
}

pub(crate) struct Document {
    pub(crate) text: String,
    pub(crate) dct: Option<Date>,
    gold: Vec<Gold>,
}

/// A TBAQ document dated by the time stage with its DCT withheld.
pub(crate) struct UndatedTbaq {
    /// The file's name without its extension.
    pub(crate) stem: String,
    pub(crate) doc: Document,
    /// The withheld DCT.
    pub(crate) gold: Date,
    /// What the time stage made of the document without it.
    pub(crate) published: Option<lede::lab::time::Published>,
}

/// The TBAQ documents that have a DCT, in file order (TimeBank, then AQUAINT),
/// each dated by the time stage alone with the DCT withheld (as `lede eval time`
/// runs it); read by `lede eval dating` and `lede eval era`.
pub(crate) fn tbaq_undated(data: &Path) -> Result<Vec<UndatedTbaq>, String> {
    let tb = data.join("time").join("tbaq-cleaned");
    let mut out = Vec::new();
    for dir in [tb.join("TimeBank"), tb.join("AQUAINT")] {
        let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
            .map_err(|e| format!("{}: {e}", dir.display()))?
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "tml"))
            .collect();
        files.sort();
        for path in files {
            let Some(doc) = std::fs::read_to_string(&path)
                .ok()
                .as_deref()
                .and_then(parse)
            else {
                continue;
            };
            let Some(gold) = doc.dct else { continue };
            let layer = lede::text::segment(&doc.text);
            let time = lede::lab::time::resolve(&doc.text, &layer, &Default::default(), None);
            let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
            out.push(UndatedTbaq {
                stem: stem.to_string(),
                doc,
                gold,
                published: time.published,
            });
        }
    }
    Ok(out)
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
pub(crate) fn parse(body: &str) -> Option<Document> {
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

/// Counts over a corpus, as the TempEval-3 toolkit keeps them
/// (`evaluate_entities.py`): extraction precision counts system timexes that
/// overlap a gold one, recall counts gold timexes that a system timex overlaps;
/// type and value are compared on the gold side, each gold timex against the
/// system timex aligned with it.
#[derive(Default)]
struct Tally {
    gold: usize,
    system: usize,
    strict_system: usize,
    strict_gold: usize,
    relaxed_system: usize,
    relaxed_gold: usize,
    kind: usize,
    value: usize,
    /// Values right among the system timexes that overlap a gold one (each
    /// against the first gold it overlaps): the numerator this scorer used
    /// before it followed the toolkit, kept to report the older figure.
    value_system: usize,
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
        let strict = f1(p(self.strict_system), r(self.strict_gold));
        let relaxed = f1(p(self.relaxed_system), r(self.relaxed_gold));
        // TE3: attribute F1 = attribute accuracy over the aligned gold timexes
        // times relaxed extraction F1.
        let accuracy = |n: usize| n as f64 / self.relaxed_gold.max(1) as f64;
        let value = accuracy(self.value) * relaxed;
        let kind = accuracy(self.kind) * relaxed;
        let value_before = f1(p(self.value_system), r(self.value_system));
        format!(
            "{name}: {docs} documents, {} gold, {} found\n  strict  P {:5.1} R {:5.1} F1 {:5.1}\n  relaxed P {:5.1} R {:5.1} F1 {:5.1}\n  type F1 {:5.1} (accuracy {:5.1}%)   value F1 {:5.2} (accuracy {:5.1}%; per system timex {:5.1})\n",
            self.gold,
            self.system,
            100.0 * p(self.strict_system),
            100.0 * r(self.strict_gold),
            100.0 * strict,
            100.0 * p(self.relaxed_system),
            100.0 * r(self.relaxed_gold),
            100.0 * relaxed,
            100.0 * kind,
            100.0 * accuracy(self.kind),
            100.0 * value,
            100.0 * accuracy(self.value),
            100.0 * value_before,
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

/// The lines `lede eval time --mistakes` prints; with `--all`, the rightly
/// valued expressions too (for studying how the gold writes a phrase).
#[derive(Default)]
struct Notes {
    lines: Vec<String>,
    right_too: bool,
}

impl Notes {
    fn push(&mut self, line: String) {
        self.lines.push(line);
    }
}

/// Add one document's counts to `tally`; with `mistakes`, note every missed,
/// spurious and wrongly valued expression.
fn score_document(
    tag: &str,
    doc: &Document,
    found: &[(usize, usize, String, String)],
    tally: &mut Tally,
    mut mistakes: Option<&mut Notes>,
) {
    tally.gold += doc.gold.len();
    tally.system += found.len();
    let overlaps = |f: &(usize, usize, String, String), g: &Gold| f.0 < g.end && g.start < f.1;
    // The toolkit first aligns ids (TimeML-Normalizer): a gold timex takes
    // one overlapping system timex, the one with its exact extent if any.
    let mut taken = vec![false; found.len()];
    for g in &doc.gold {
        let exact = found.iter().enumerate().position(|(i, f)| {
            !taken.get(i).copied().unwrap_or(true) && f.0 == g.start && f.1 == g.end
        });
        let any = || {
            found
                .iter()
                .enumerate()
                .position(|(i, f)| !taken.get(i).copied().unwrap_or(true) && overlaps(f, g))
        };
        let Some(i) = exact.or_else(any) else {
            if let Some(m) = mistakes.as_deref_mut() {
                m.push(format!(
                    "{tag} missed {:?} {} {} (dct {:?}) | {}",
                    doc.text.get(g.start..g.end).unwrap_or(""),
                    g.kind,
                    g.value,
                    doc.dct.map(Date::iso),
                    around(&doc.text, g.start, g.end)
                ));
            }
            continue;
        };
        let Some(f) = found.get(i) else { continue };
        if let Some(t) = taken.get_mut(i) {
            *t = true;
        }
        tally.relaxed_gold += 1;
        tally.strict_gold += usize::from(f.0 == g.start && f.1 == g.end);
        tally.kind += usize::from(f.2 == g.kind);
        tally.value += usize::from(f.3 == g.value);
        if let Some(m) = mistakes
            .as_deref_mut()
            .filter(|m| m.right_too || f.3 != g.value)
        {
            m.push(format!(
                "{tag} {} {:?}: {} want {} (dct {:?}) | {}",
                if f.3 == g.value { "right" } else { "value" },
                doc.text.get(f.0..f.1).unwrap_or(""),
                f.3,
                g.value,
                doc.dct.map(Date::iso),
                around(&doc.text, f.0, f.1)
            ));
        }
    }
    for f in found {
        if let Some(g) = doc.gold.iter().find(|g| overlaps(f, g)) {
            tally.relaxed_system += 1;
            tally.strict_system +=
                usize::from(doc.gold.iter().any(|g| f.0 == g.start && f.1 == g.end));
            tally.value_system += usize::from(f.3 == g.value);
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

/// How the article date inferred from a text alone (no DCT given) compares with
/// the gold DCT: how many documents get one, and at what precision it is right.
#[derive(Default)]
struct Dating {
    documents: usize,
    dated: usize,
    year: usize,
    month: usize,
    day: usize,
    /// Per source of the inferred date: (documents, right year).
    sources: std::collections::BTreeMap<String, (usize, usize)>,
}

impl Dating {
    fn add(&mut self, inferred: Option<&lede::lab::time::Published>, gold: Option<Date>) {
        let Some(gold) = gold else { return };
        self.documents += 1;
        let Some((y, m, d)) = inferred.and_then(|p| parse_iso_date(&p.value)) else {
            return;
        };
        self.dated += 1;
        let source = inferred.map_or("", |p| p.source.as_str());
        let by_source = self.sources.entry(source.to_string()).or_default();
        by_source.0 += 1;
        if y == gold.year {
            by_source.1 += 1;
            self.year += 1;
            if m == gold.month {
                self.month += 1;
                if d == gold.day {
                    self.day += 1;
                }
            }
        }
    }

    fn report(&self) -> String {
        let pct = |n: usize| 100.0 * n as f64 / self.documents.max(1) as f64;
        let sources: Vec<String> = self
            .sources
            .iter()
            .map(|(source, (n, right))| format!("{source} {n} ({right} right)"))
            .collect();
        format!(
            "  with the DCT withheld: {} of {} documents dated ({:.1}%); right year {:.1}%, month {:.1}%, day {:.1}%; by source of the year: {}\n",
            self.dated,
            self.documents,
            pct(self.dated),
            pct(self.year),
            pct(self.month),
            pct(self.day),
            sources.join(", ")
        )
    }
}

fn score_dir(
    dirs: &[PathBuf],
    name: &str,
    mistakes: Option<&mut Notes>,
    withhold_dct: bool,
) -> Result<String, String> {
    let tag = name.split_whitespace().next().unwrap_or(name);
    let mut tally = Tally::default();
    let mut dating = Dating::default();
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
        let layer = lede::text::segment(&doc.text);
        let words: Vec<&str> = layer.tokens.iter().map(|t| t.span.of(&doc.text)).collect();
        let ranges: Vec<_> = layer.sentences.iter().map(|s| s.tokens.clone()).collect();
        let mut found: Vec<(usize, usize, String, String)> = Vec::new();
        if withhold_dct {
            // The whole time stage, as an undated paste goes through it.
            let time = lede::lab::time::resolve(&doc.text, &layer, &Default::default(), None);
            dating.add(time.published.as_ref(), doc.dct);

            found.extend(
                time.timexes
                    .into_iter()
                    .map(|t| (t.span.start, t.span.end, t.kind, t.value)),
            );
        } else {
            for f in tag_words(&words, &ranges, doc.dct) {
                let Some((span, second)) = spans_of(&doc.text, &layer.tokens, &f) else {
                    continue;
                };
                found.push((span.start, span.end, f.kind.to_string(), f.value.clone()));
                if let (Some(second), Some(last)) = (second, f.value_end) {
                    found.push((second.start, second.end, f.kind.to_string(), last));
                }
            }
        }
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
        let label = format!("{tag} {stem}");
        score_document(&label, &doc, &found, &mut tally, mistakes.as_deref_mut());
    }
    let mut report = tally.report(name, docs);
    if withhold_dct {
        report.push_str(&dating.report());
    }
    Ok(report)
}

/// `lede eval time [--data DIR] [--mistakes [--all]]`: with `--mistakes`, every
/// missed, spurious and wrongly valued expression of the three corpora, one a
/// line, with the text around it; with `--all` too, the rightly valued ones
/// ("right").
pub fn eval(args: &[String]) -> Result<String, String> {
    let time = data_dir(args).join("time");
    let mut mistakes = Notes {
        lines: Vec::new(),
        right_too: args.iter().any(|a| a == "--all"),
    };
    let show = args.iter().any(|a| a == "--mistakes");
    let tb: &Path = &time.join("tbaq-cleaned");
    let tbaq = [tb.join("TimeBank"), tb.join("AQUAINT")];
    let mut out = score_dir(
        &tbaq,
        "TBAQ (TimeBank + AQUAINT)",
        show.then_some(&mut mistakes),
        false,
    )?;
    out.push_str(&score_dir(
        &[time.join("wikiwars/timex3")],
        "WikiWars",
        show.then_some(&mut mistakes),
        false,
    )?);
    out.push_str(&score_dir(
        &[time.join("tweets")],
        "Tweets",
        show.then_some(&mut mistakes),
        false,
    )?);
    // An undated paste: the same TBAQ texts with no DCT given, the date inferred.
    out.push_str(&score_dir(&tbaq, "TBAQ, DCT withheld", None, true)?);
    out.push_str(&speed(&tb.join("TimeBank"))?);
    if show {
        out.push_str(&mistakes.lines.join("\n"));
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
    let empty = lede::entities::EntityLayer::default();
    let published = lede::lab::time::Published {
        value: "1998-01-08".into(),
        source: "caller".into(),
        confidence: 1.0,
        evidence: Vec::new(),
    };
    let (tokens, documents) = throughput(&texts, 1.5, |text, layer| {
        std::hint::black_box(lede::lab::time::resolve(
            text,
            layer,
            &empty,
            Some(&published),
        ));
    });
    Ok(format!("throughput: {tokens:.0} tokens/s, {documents:.0} documents/s for the time stage (one core)\n"))
}

/// How right the dates inferred from undated texts are: over every document
/// (a document left undated counts as wrong), and by confidence.
#[derive(Default)]
struct DatingScore {
    documents: usize,
    dated: usize,
    right_year: usize,
    /// Per tenth of confidence: (answers, right year).
    bins: [(usize, usize); 10],
    /// Per source of the answer: (answers, right year).
    sources: std::collections::BTreeMap<String, (usize, usize)>,
    /// Per granularity (day, month, year): (answers, right at that precision).
    granularity: std::collections::BTreeMap<&'static str, (usize, usize)>,
}

impl DatingScore {
    fn add(
        &mut self,
        inferred: Option<&lede::lab::time::Published>,
        gold: (i32, u32, u32),
    ) -> bool {
        self.documents += 1;
        let Some(p) = inferred else { return false };
        let Some((y, m, d)) = parse_iso_date(&p.value) else {
            return false;
        };
        self.dated += 1;
        let right = y == gold.0;
        self.right_year += usize::from(right);
        let bin = ((p.confidence.clamp(0.0, 0.999) * 10.0) as usize).min(9);
        if let Some(b) = self.bins.get_mut(bin) {
            b.0 += 1;
            b.1 += usize::from(right);
        }
        let by_source = self.sources.entry(p.source.clone()).or_default();
        by_source.0 += 1;
        by_source.1 += usize::from(right);
        let (kind, precise) = match (m, d) {
            (0, _) => ("year", right),
            (_, 0) => ("month", right && m == gold.1),
            _ => ("day", right && m == gold.1 && d == gold.2),
        };
        let g = self.granularity.entry(kind).or_default();
        g.0 += 1;
        g.1 += usize::from(precise);
        right
    }

    fn report(&self, name: &str) -> String {
        let pct = |a: usize, b: usize| 100.0 * a as f64 / b.max(1) as f64;
        let mut out = format!(
            "{name}: {} documents; dated {}; right year {} = {:.1}% of all documents\n",
            self.documents,
            self.dated,
            self.right_year,
            pct(self.right_year, self.documents)
        );
        let (confident, confident_right) = self
            .bins
            .iter()
            .skip(5)
            .fold((0, 0), |(n, r), b| (n + b.0, r + b.1));
        out.push_str(&format!(
            "  confidence >= 0.5: {confident} answers, {confident_right} right year ({:.1}%)\n  calibration (confidence: answers, right year):",
            pct(confident_right, confident)
        ));
        for (i, (n, r)) in self.bins.iter().enumerate() {
            if *n > 0 {
                out.push_str(&format!(
                    " {:.1}-{:.1}: {n}, {:.0}%;",
                    i as f64 / 10.0,
                    (i + 1) as f64 / 10.0,
                    pct(*r, *n)
                ));
            }
        }
        out.push_str("\n  by source:");
        for (source, (n, r)) in &self.sources {
            out.push_str(&format!(" {source} {n} ({r} right);"));
        }
        out.push_str("\n  by granularity (answers, right at it):");
        for (kind, (n, r)) in &self.granularity {
            out.push_str(&format!(" {kind} {n} ({r});"));
        }
        out.push('\n');
        out
    }
}

/// The date a page's address writes ("/2012/05/31/", "/2012/05/"), as (y, m, d).
fn url_date(url: &str) -> Option<(i32, u32, u32)> {
    let parts: Vec<&str> = url.split('/').collect();
    parts.windows(2).enumerate().find_map(|(i, w)| {
        let (y, m) = (w.first()?, w.get(1)?);
        let year = Some(y)
            .filter(|y| y.len() == 4)
            .and_then(|y| y.parse::<i32>().ok())
            .filter(|y| (1990..=2026).contains(y))?;
        let month = Some(m)
            .filter(|m| m.len() == 2)
            .and_then(|m| m.parse::<u32>().ok())
            .filter(|m| (1..=12).contains(m))?;
        let day = parts
            .get(i + 2)
            .and_then(|d| d.parse::<u32>().ok())
            .filter(|d| (1..=31).contains(d))
            .unwrap_or(0);
        Some((year, month, day))
    })
}

/// A dev page: name, text as Lede extracts it, date from the address or the
/// meta tags (year, month, day; 0 for unknown), language.
pub(crate) type DatedPage = (String, String, (i32, u32, u32), String);

/// The dev pages whose date is known.
pub(crate) fn dated_pages(dir: &Path) -> Vec<DatedPage> {
    let mut pages = Vec::new();
    let read_gz = |path: &Path| -> Option<String> {
        let file = std::fs::File::open(path).ok()?;
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(file), &mut bytes).ok()?;
        Some(lede::lab::intake::decode_page(&bytes))
    };
    let options = lede::Options {
        split: false,
        ..lede::Options::default()
    };
    let mut page = |name: String, html: &str, url: Option<&str>| {
        let articles = lede::lab::intake::intake(
            &lede::Input::Html {
                html: html.to_string(),
                url: None,
            },
            &options,
        )
        .unwrap_or_default();
        let Some(first) = articles.first() else {
            return;
        };
        let meta = first
            .published
            .as_ref()
            .filter(|p| p.source == "meta")
            .and_then(|p| parse_iso_date(&p.value));
        let Some(gold) = url.and_then(url_date).or(meta) else {
            return;
        };
        if !(1990..=2026).contains(&gold.0) {
            return;
        }
        let language = first.meta.language.clone().unwrap_or_default();
        let text = articles
            .into_iter()
            .map(|a| a.text)
            .collect::<Vec<_>>()
            .join("\n\n");
        pages.push((name, text, gold, language));
    };
    let traf = dir.join("trafilatura-eval");
    if let Some(index) = std::fs::read_to_string(traf.join("evaldata.json"))
        .ok()
        .and_then(|s| serde_json::from_str::<serde_json::Value>(&s).ok())
    {
        let mut entries: Vec<(&String, &serde_json::Value)> = index
            .as_object()
            .map(|o| o.iter().collect())
            .unwrap_or_default();
        entries.sort_by(|a, b| a.0.cmp(b.0));
        for (url, entry) in entries {
            let Some(file) = entry["file"].as_str() else {
                continue;
            };
            if let Some(html) = read_gz(&traf.join("html").join(format!("{file}.gz"))) {
                page(file.to_string(), &html, Some(url));
            }
        }
    }
    let readability = dir.join("readability-testpages");
    let mut names: Vec<PathBuf> = std::fs::read_dir(&readability)
        .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    names.sort();
    for path in names {
        if let Some(html) = read_gz(&path.join("source.html.gz")) {
            let name = path
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or("")
                .to_string();
            page(name, &html, None);
        }
    }
    pages
}

/// The date an undated text gets from the whole pipeline.
pub(crate) fn date_text(text: &str) -> Option<lede::lab::time::Published> {
    let analysis = lede::analyze(
        &lede::Input::Text(text.to_string()),
        &lede::Options::default(),
    )
    .ok()?;
    analysis.documents.into_iter().next()?.published
}

/// Which half of a dev set a document is in, by a stable hash of its name: the
/// "tune" half is the one looked at while building dating; the "check" half is
/// only scored, to show how far the figures carry to documents not looked at.
pub(crate) fn half(name: &str) -> &'static str {
    let hash = name.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    // (mixed, so that names alike in all but their ends split evenly)
    let mixed = (hash ^ (hash >> 33)).wrapping_mul(0xff51_afd7_ed55_8ccd);
    if (mixed ^ (mixed >> 33)) & 1 == 0 {
        "tune"
    } else {
        "check"
    }
}

/// One document's answer and reasons, as a line of `--dump FILE`.
fn dump_line(
    set: &str,
    name: &str,
    gold: (i32, u32, u32),
    inferred: Option<&lede::lab::time::Published>,
    text: &str,
) -> String {
    serde_json::json!({
        "text": text,
        "set": set,
        "name": name,
        "half": half(name),
        "gold": format!("{:04}-{:02}-{:02}", gold.0, gold.1, gold.2),
        "value": inferred.map(|p| p.value.clone()),
        "source": inferred.map(|p| p.source.clone()),
        "confidence": inferred.map(|p| p.confidence),
        "evidence": inferred.map(|p| &p.evidence),
    })
    .to_string()
}

/// `lede eval dating [--data DIR] [--mistakes] [--dump FILE]`: the article date
/// inferred from the text alone, with every date withheld, on three sets: dated
/// web pages (the date from the address or the meta tags, both stripped: the
/// extracted text is analyzed as a paste), TBAQ with the DCT withheld, and the
/// five samples. Right year over all documents, calibration, speed; for the
/// pages and TBAQ also per half (`half`). `--dump` writes every document's
/// answer and evidence as JSON lines.
pub fn eval_dating(args: &[String]) -> Result<String, String> {
    let data = data_dir(args);
    let show = args.iter().any(|a| a == "--mistakes");
    let mut dump = Vec::new();
    let mut out = String::new();
    let mut notes = Vec::new();
    // 1. Dated web pages.
    let pages = dated_pages(&data.join("extract"));
    let (mut all, mut english) = (DatingScore::default(), DatingScore::default());
    let mut halves: [(&str, DatingScore); 2] = [
        ("tune", DatingScore::default()),
        ("check", DatingScore::default()),
    ];
    let started = std::time::Instant::now();
    for (name, text, gold, language) in &pages {
        let inferred = date_text(text);
        let right = all.add(inferred.as_ref(), *gold);
        if language.starts_with("en") {
            english.add(inferred.as_ref(), *gold);
        }
        for (h, score) in &mut halves {
            if *h == half(name) {
                score.add(inferred.as_ref(), *gold);
            }
        }
        dump.push(dump_line("pages", name, *gold, inferred.as_ref(), text));
        if show && !right {
            notes.push(format!(
                "page {name} ({language}) gold {:04}-{:02}-{:02} got {:?}",
                gold.0,
                gold.1,
                gold.2,
                inferred
                    .as_ref()
                    .map(|p| (&p.value, &p.source, p.confidence))
            ));
        }
    }
    let undated = started.elapsed().as_secs_f64();
    out.push_str(&all.report("Dated web pages (extract), date withheld"));
    out.push_str(&english.report("  of which English"));
    for (h, score) in &halves {
        out.push_str(&score.report(&format!("  of which the {h} half")));
    }
    // The same texts with their date given: no dating runs.
    let started = std::time::Instant::now();
    for (_, text, gold, _) in &pages {
        let options = lede::Options {
            published: Some(format!(
                "{:04}-{:02}-{:02}",
                gold.0,
                gold.1.max(1),
                gold.2.max(1)
            )),
            ..lede::Options::default()
        };
        std::hint::black_box(lede::analyze(&lede::Input::Text(text.clone()), &options).ok());
    }
    let dated = started.elapsed().as_secs_f64();
    // 2. TBAQ, DCT withheld (the time stage alone, as `lede eval time` runs it).
    let mut tbaq = DatingScore::default();
    let mut halves: [(&str, DatingScore); 2] = [
        ("tune", DatingScore::default()),
        ("check", DatingScore::default()),
    ];
    for UndatedTbaq {
        stem,
        doc,
        gold,
        published,
    } in tbaq_undated(&data)?
    {
        let gold = (gold.year, gold.month, gold.day);
        let right = tbaq.add(published.as_ref(), gold);
        for (h, score) in &mut halves {
            if *h == half(&stem) {
                score.add(published.as_ref(), gold);
            }
        }
        dump.push(dump_line(
            "tbaq",
            &stem,
            gold,
            published.as_ref(),
            &doc.text,
        ));
        if show && !right {
            notes.push(format!(
                "tbaq {stem} gold {:04}-{:02}-{:02} got {:?}",
                gold.0,
                gold.1,
                gold.2,
                published
                    .as_ref()
                    .map(|p| (&p.value, &p.source, p.confidence))
            ));
        }
    }
    out.push_str(&tbaq.report("TBAQ, DCT withheld"));
    for (h, score) in &halves {
        out.push_str(&score.report(&format!("  of which the {h} half")));
    }
    // 3. The samples, against the dates their sources give.
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/samples");
    let truth = [
        ("000", "2007"),
        ("001", "2002-11-29"),
        ("002", "2012"),
        ("003", "2023"),
        ("004", "2022-02"),
    ];
    out.push_str("Samples (truth: year, or month):");
    for (prefix, want) in truth {
        let text = std::fs::read_dir(&samples)
            .ok()
            .into_iter()
            .flatten()
            .filter_map(Result::ok)
            .find(|e| e.file_name().to_string_lossy().starts_with(prefix))
            .and_then(|e| std::fs::read_to_string(e.path()).ok())
            .unwrap_or_default();
        let got = date_text(&text);
        let value = got.as_ref().map_or("-".to_string(), |p| p.value.clone());
        let right = value.get(..4) == want.get(..4);
        out.push_str(&format!(
            " {prefix} {value} ({}, {:.2}) {};",
            got.as_ref().map_or("", |p| p.source.as_str()),
            got.as_ref().map_or(0.0, |p| p.confidence),
            if right { "right" } else { "WRONG" }
        ));
    }
    out.push('\n');
    out.push_str(&format!(
        "speed: {} pages analyzed undated in {:.2} s, with their date given in {:.2} s ({:+.1}%)\n",
        pages.len(),
        undated,
        dated,
        100.0 * (undated / dated.max(1e-9) - 1.0)
    ));
    if show {
        out.push_str(&notes.join("\n"));
        out.push('\n');
    }
    if let Some(file) = crate::common::flag(args, "--dump") {
        dump.push(String::new());
        std::fs::write(file, dump.join("\n")).map_err(|e| format!("{file}: {e}"))?;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(spans: &[(usize, usize, &str)]) -> Vec<(usize, usize, String, String)> {
        spans
            .iter()
            .map(|&(a, b, v)| (a, b, "DATE".to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn scores_follow_the_tempeval3_toolkit() {
        let text = "<TEXT>In <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"1914\">1914</TIMEX3>-<TIMEX3 tid=\"t2\" type=\"DATE\" value=\"1918\">1918</TIMEX3> and <TIMEX3 tid=\"t3\" type=\"DATE\" value=\"1920-05\">May 1920</TIMEX3> &amp; <TIMEX3 tid=\"t4\" type=\"DATE\" value=\"1930\">1930</TIMEX3>.</TEXT>";
        let doc = parse(text).expect("parses");
        assert_eq!(doc.text, "In 1914-1918 and May 1920 & 1930.");
        assert_eq!(doc.gold.len(), 4);
        // One system timex over two gold ones aligns with one of them; "May"
        // overlaps "May 1920" (relaxed, not strict); "and" is spurious; 1930 is missed.
        let mut tally = Tally::default();
        let mut notes = Notes::default();
        let sys = found(&[(3, 12, "1914"), (13, 16, "X"), (17, 20, "1920-05")]);
        score_document("T", &doc, &sys, &mut tally, Some(&mut notes));
        assert_eq!((tally.gold, tally.system), (4, 3));
        assert_eq!((tally.relaxed_gold, tally.relaxed_system), (2, 2));
        assert_eq!((tally.strict_gold, tally.strict_system), (0, 0));
        assert_eq!(tally.value, 2);
        assert_eq!(notes.lines.len(), 3, "{:?}", notes.lines);
        // Value F1 = value accuracy over aligned gold x relaxed F1.
        let report = tally.report("T", 1);
        assert!(report.contains("value F1 57.14"), "{report}");
    }
}
