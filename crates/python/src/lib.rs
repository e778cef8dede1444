//! The Python bindings of Lede: a thin shell around [`lede::analyze`].
//!
//! The engine here is plain Rust (tested by `cargo test` without Python): one
//! request analyzed to the Analysis JSON the CLI prints, many requests on several
//! threads in order, and the flat row the Arrow batch function writes for each
//! article. The Python module `lede._lede` (feature `python`, built by maturin into
//! an abi3 wheel) exposes these with the GIL released; `python/lede/` turns their
//! JSON into dicts and Arrow columns.

use lede::{Input, Options};
use serde_json::{json, Map, Value};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicUsize, Ordering};

/// One article to analyze, as Python hands it over.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    /// Plain text or an HTML page with its address.
    pub input: Input,
    /// The article date (`YYYY-MM-DD`) when the caller knows it.
    pub published: Option<String>,
    /// Repair and remove page furniture (the default), or keep the text verbatim.
    pub clean: bool,
}

impl Request {
    /// A request from the Python arguments: exactly one of `text` and `html`.
    pub fn new(
        text: Option<String>,
        html: Option<String>,
        url: Option<String>,
        published: Option<String>,
        clean: bool,
    ) -> Result<Request, String> {
        let input = match (text, html) {
            (Some(text), None) => Input::Text(text),
            (None, Some(html)) => Input::Html { html, url },
            (Some(_), Some(_)) => return Err("give either text or html, not both".into()),
            (None, None) => return Err("give text or html".into()),
        };
        Ok(Request {
            input,
            published,
            clean,
        })
    }

    fn options(&self, split: bool, tokens: bool) -> Options {
        Options {
            clean: self.clean,
            split,
            published: self.published.clone(),
            tokens,
            ..Options::default()
        }
    }
}

/// Analyze with `options`, turning a panic into an error (one bad article never
/// ends a batch), and serialize as the CLI does.
fn analyze_to_json(input: &Input, options: &Options) -> Result<String, String> {
    let analysis = catch_unwind(AssertUnwindSafe(|| lede::analyze(input, options)))
        .map_err(|_| "internal error while analyzing this input".to_string())?
        .map_err(|e| e.to_string())?;
    serde_json::to_string(&analysis).map_err(|e| e.to_string())
}

/// The Analysis of one request as JSON (the shape `lede analyze` prints), with the
/// library's defaults: articles pasted together are split, tokens included.
pub fn analysis_json(request: &Request) -> Result<String, String> {
    analyze_to_json(&request.input, &request.options(true, true))
}

/// Apply `work` to every item on `threads` threads (all cores when `None` or 0),
/// returning the results in the items' order. Threads take the next item as they
/// finish one, so a long article does not hold up a share of short ones.
pub fn parallel_map<T, R, F>(items: &[T], threads: Option<usize>, work: F) -> Vec<R>
where
    T: Sync,
    R: Send,
    F: Fn(&T) -> R + Sync,
{
    let available = std::thread::available_parallelism().map_or(1, |n| n.get());
    let threads = threads
        .filter(|&n| n > 0)
        .unwrap_or(available)
        .min(items.len());
    if threads <= 1 {
        return items.iter().map(&work).collect();
    }
    let next = AtomicUsize::new(0);
    let mut slots: Vec<Option<R>> = std::iter::repeat_with(|| None).take(items.len()).collect();
    let done: Vec<Vec<(usize, R)>> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut mine = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(item) = items.get(i) else { break };
                        mine.push((i, work(item)));
                    }
                    mine
                })
            })
            .collect();
        workers
            .into_iter()
            .map(|w| w.join().unwrap_or_default())
            .collect()
    });
    for (i, result) in done.into_iter().flatten() {
        slots[i] = Some(result);
    }
    // Every index was taken by exactly one worker. This crate's callers catch the
    // analysis's panics, so a worker cannot die mid-item; if one did, say so loudly
    // rather than hand back results out of order.
    slots
        .into_iter()
        .map(|slot| slot.expect("a worker thread failed"))
        .collect()
}

/// The Analysis JSON of each request, or `{"error": "..."}` for one that failed, in order.
pub fn analyses_json(requests: &[Request], threads: Option<usize>) -> Vec<String> {
    parallel_map(requests, threads, |request| {
        analysis_json(request).unwrap_or_else(|error| json!({ "error": error }).to_string())
    })
}

/// The columns of a flat row, in order: what [`flat_row`] gives each article.
pub const FLAT_COLUMNS: [&str; 9] = [
    "title",
    "published",
    "published_source",
    "word_count",
    "tone",
    "tone_label",
    "entities",
    "timeline",
    "error",
];

/// One article as one flat row (for Arrow, Parquet, Spark): its title, date, size,
/// tone, entities (name, type, number of mentions, salience, tone, aliases) and
/// timeline (when, until, label, sentence index, the entities' names), or `error`
/// with every other column null. The article is one document: `split` is off.
pub fn flat_row(request: &Request) -> Value {
    match analyze_to_json(&request.input, &request.options(false, false)) {
        Ok(json) => match serde_json::from_str::<Value>(&json) {
            // Through the JSON text, as the CLI prints it, so every number is the
            // one a reader of `lede analyze --jsonl` sees.
            Ok(analysis) => flatten(&analysis),
            Err(e) => error_row(&e.to_string()),
        },
        Err(error) => error_row(&error),
    }
}

fn error_row(error: &str) -> Value {
    let mut row = Map::new();
    for column in FLAT_COLUMNS {
        row.insert(column.into(), Value::Null);
    }
    row.insert("error".into(), Value::String(error.into()));
    Value::Object(row)
}

/// The flat row of an Analysis (its first document).
pub fn flatten(analysis: &Value) -> Value {
    let Some(document) = analysis["documents"].get(0) else {
        return error_row("the analysis has no document");
    };
    let entities = document["entities"]
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or(&[]);
    let name_of = |index: &Value| {
        index
            .as_u64()
            .and_then(|i| entities.get(i as usize))
            .map_or(Value::Null, |e| e["name"].clone())
    };
    let entity_rows: Vec<Value> = entities
        .iter()
        .map(|e| {
            json!({
                "name": e["name"],
                "type": e["type"],
                "mentions": e["mentions"].as_array().map_or(0, Vec::len),
                "salience": e["salience"],
                "tone": e["sentiment"]["score"],
                "tone_label": e["sentiment"]["label"],
                "aliases": e["aliases"],
            })
        })
        .collect();
    let timeline: Vec<Value> = document["timeline"]
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or(&[])
        .iter()
        .map(|event| {
            json!({
                "when": event["when"],
                "until": event["until"],
                "label": event["label"],
                "sentence": event["sentence"],
                "entities": event["entities"]
                    .as_array()
                    .map_or_else(Vec::new, |list| list.iter().map(name_of).collect::<Vec<_>>()),
            })
        })
        .collect();
    json!({
        "title": document["title"],
        "published": document["published"]["value"],
        "published_source": document["published"]["source"],
        "word_count": document["word_count"],
        "tone": document["sentiment"]["score"],
        "tone_label": document["sentiment"]["label"],
        "entities": entity_rows,
        "timeline": timeline,
        "error": null,
    })
}

/// The flat rows of many texts (a null text is an error row), as one JSON array.
pub fn flat_rows_json(
    texts: &[Option<String>],
    published: Option<&[Option<String>]>,
    clean: bool,
    threads: Option<usize>,
) -> String {
    let indexed: Vec<usize> = (0..texts.len()).collect();
    let rows = parallel_map(&indexed, threads, |&i| {
        let Some(text) = texts[i].clone() else {
            return error_row("the text is null");
        };
        let published = published.and_then(|p| p.get(i).cloned().flatten());
        let request = Request {
            input: Input::Text(text),
            published,
            clean,
        };
        flat_row(&request)
    });
    Value::Array(rows).to_string()
}

#[cfg(feature = "python")]
mod python {
    use super::{analyses_json, analysis_json, flat_rows_json, Request};
    use pyo3::exceptions::PyValueError;
    use pyo3::prelude::*;

    /// `(text, html, url, published, clean)` as `lede.analyze_many` passes each item.
    type Item = (
        Option<String>,
        Option<String>,
        Option<String>,
        Option<String>,
        bool,
    );

    /// The Analysis of one article as JSON; raises ValueError for input that cannot be analyzed.
    #[pyfunction]
    #[pyo3(signature = (text, html=None, url=None, published=None, clean=true))]
    fn analyze_json(
        py: Python<'_>,
        text: Option<String>,
        html: Option<String>,
        url: Option<String>,
        published: Option<String>,
        clean: bool,
    ) -> PyResult<String> {
        let request =
            Request::new(text, html, url, published, clean).map_err(PyValueError::new_err)?;
        py.detach(|| analysis_json(&request))
            .map_err(PyValueError::new_err)
    }

    /// The Analysis JSON of each item (or `{"error": ...}`), analyzed on `threads`
    /// threads with the GIL released.
    #[pyfunction]
    #[pyo3(signature = (items, threads=None))]
    fn analyze_many_json(
        py: Python<'_>,
        items: Vec<Item>,
        threads: Option<usize>,
    ) -> PyResult<Vec<String>> {
        let mut requests = Vec::with_capacity(items.len());
        for (text, html, url, published, clean) in items {
            requests.push(
                Request::new(text, html, url, published, clean).map_err(PyValueError::new_err)?,
            );
        }
        Ok(py.detach(|| analyses_json(&requests, threads)))
    }

    /// The flat rows of many texts as one JSON array, with the GIL released.
    #[pyfunction]
    #[pyo3(signature = (texts, published=None, clean=true, threads=None))]
    fn flat_rows(
        py: Python<'_>,
        texts: Vec<Option<String>>,
        published: Option<Vec<Option<String>>>,
        clean: bool,
        threads: Option<usize>,
    ) -> String {
        py.detach(|| flat_rows_json(&texts, published.as_deref(), clean, threads))
    }

    /// The version and schema of this build, as JSON.
    #[pyfunction]
    fn info() -> String {
        lede::info().to_string()
    }

    #[pymodule]
    fn _lede(m: &Bound<'_, PyModule>) -> PyResult<()> {
        m.add_function(wrap_pyfunction!(analyze_json, m)?)?;
        m.add_function(wrap_pyfunction!(analyze_many_json, m)?)?;
        m.add_function(wrap_pyfunction!(flat_rows, m)?)?;
        m.add_function(wrap_pyfunction!(info, m)?)?;
        m.add("__version__", env!("CARGO_PKG_VERSION"))?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "Protesters slammed Putin in Moscow on 3 May 2019. NATO praised Kyiv.";

    #[test]
    fn one_request_gives_the_cli_shape() {
        let request = Request::new(Some(TEXT.into()), None, None, None, true).unwrap();
        let analysis: Value = serde_json::from_str(&analysis_json(&request).unwrap()).unwrap();
        assert_eq!(analysis["schema"], "lede/1");
        assert!(!analysis["documents"][0]["tokens"]
            .as_array()
            .unwrap()
            .is_empty());
        assert!(Request::new(None, None, None, None, true).is_err());
        assert!(Request::new(Some("a".into()), Some("b".into()), None, None, true).is_err());
    }

    #[test]
    fn many_requests_keep_their_order_and_errors() {
        let requests: Vec<Request> = ["Putin met Hu in Moscow.", "   ", TEXT]
            .iter()
            .map(|t| Request::new(Some(t.to_string()), None, None, None, true).unwrap())
            .collect();
        for threads in [Some(1), Some(3), None] {
            let out = analyses_json(&requests, threads);
            assert_eq!(out.len(), 3);
            let first: Value = serde_json::from_str(&out[0]).unwrap();
            assert!(first["documents"][0]["text"]
                .as_str()
                .unwrap()
                .contains("Hu"));
            let second: Value = serde_json::from_str(&out[1]).unwrap();
            assert!(second["error"].as_str().unwrap().contains("empty"));
            assert_eq!(out[2], analysis_json(&requests[2]).unwrap());
        }
    }

    #[test]
    fn flat_rows_carry_entities_tone_timeline_and_errors() {
        let texts = vec![Some(TEXT.to_string()), None, Some(String::new())];
        let published = vec![Some("2019-05-04".to_string()), None, None];
        let rows: Value =
            serde_json::from_str(&flat_rows_json(&texts, Some(&published), true, Some(2))).unwrap();
        let row = &rows[0];
        assert_eq!(row["error"], Value::Null);
        assert_eq!(row["published"], "2019-05-04");
        assert_eq!(row["published_source"], "caller");
        assert!(row["tone"].is_number());
        let names: Vec<&str> = row["entities"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["name"].as_str().unwrap())
            .collect();
        assert!(
            names.contains(&"Putin") && names.contains(&"Moscow"),
            "{names:?}"
        );
        let event = &row["timeline"][0];
        assert_eq!(event["when"], "2019-05-03");
        assert!(event["entities"]
            .as_array()
            .unwrap()
            .iter()
            .all(Value::is_string));
        assert_eq!(rows[1]["error"], "the text is null");
        assert!(rows[2]["error"].as_str().unwrap().contains("empty"));
        assert_eq!(rows[2]["entities"], Value::Null);
        for column in FLAT_COLUMNS {
            assert!(row.get(column).is_some(), "{column}");
        }
    }

    #[test]
    fn parallel_map_keeps_order() {
        let items: Vec<usize> = (0..1000).collect();
        assert_eq!(
            parallel_map(&items, Some(4), |i| i * 2),
            (0..1000).map(|i| i * 2).collect::<Vec<_>>()
        );
        assert!(parallel_map(&Vec::<usize>::new(), None, |i| *i).is_empty());
    }
}
