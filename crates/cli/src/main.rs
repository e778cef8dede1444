//! The `lede` command line: a thin shell over `lede::analyze`, plus the project's
//! training and evaluation commands (handed to the lab, `lede-lab`). See `lede --help`.

/// The allocator of the native CLI (many small allocations per document).
#[cfg(not(target_arch = "wasm32"))]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[cfg(target_arch = "wasm32")]
fn main() {
    // The CLI is native only; the browser uses the wasm bindings.
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use std::io::{self, BufRead, BufWriter, IsTerminal, Write};
    use std::panic::{catch_unwind, AssertUnwindSafe};
    use std::process::ExitCode;

    use lede::{analyze, Analysis, Input, Options};
    use serde::{Deserialize, Serialize};
    use serde_json::{json, Value};

    const HELP: &str = "\
    lede — news analytics: who is in an article, how they are portrayed, when things happened

    USAGE:
        lede analyze FILE...              analyze each file (.html/.htm as HTML, else text);
                                          prints one Analysis per file as pretty JSON (a JSON
                                          array when several files are given)
        lede analyze --jsonl [FILE...]    one JSON request per line (stdin when no FILE), one
                                          JSON response per line, same order, streaming
        lede analyze --model FILE ...     with an entities model of your own (made by
                                          `lede train entities --data DIR --model FILE`)
        lede eval STAGE [--data DIR]      score a stage on the development data
                                          (STAGE: entities, time, dating, era, sentiment, extract,
                                          language, quotes)
        lede train STAGE [--data DIR]     train a stage's model from ../shared/data into models/
                                          (STAGE: entities, sentiment, tone); for entities, a DIR
                                          without ner/ is your own CoNLL or IOB2 corpus
        lede --version | --help

    A request line: {\"id\": any, \"text\": \"...\"} or {\"id\": any, \"html\": \"...\", \"url\": \"...\"},
    optionally \"published\": \"2013-03-22\", \"targets\": [{\"start\": 10, \"end\": 15}],
    \"dictionary\": [{\"name\": \"...\", \"type\": \"PERSON\"}] and \"options\": {\"clean\": false}.
    The response is the Analysis with \"id\" echoed; a line that cannot be read or analyzed
    gets {\"id\": ..., \"error\": \"...\"} and the stream goes on. Offsets are UTF-16 code units.

    EXIT STATUS: 0 on success, 1 when a file could not be read or analyzed, 2 on bad usage.
    ";

    pub fn main() -> ExitCode {
        let args: Vec<String> = std::env::args().skip(1).collect();
        let Some(command) = args.first() else {
            eprint!("{HELP}");
            return ExitCode::from(2);
        };
        let rest = args.get(1..).unwrap_or(&[]);
        match command.as_str() {
            "-h" | "--help" | "help" => {
                print!("{HELP}");
                ExitCode::SUCCESS
            }
            "-V" | "--version" => {
                println!("lede {}", env!("CARGO_PKG_VERSION"));
                ExitCode::SUCCESS
            }
            "analyze" => {
                if rest.iter().any(|a| a == "-h" || a == "--help") {
                    print!("{HELP}");
                    return ExitCode::SUCCESS;
                }
                // --model FILE: an entities model of the user's own instead of the shipped one
                let mut rest = rest.to_vec();
                if let Some(at) = rest.iter().position(|a| a == "--model") {
                    let Some(path) = rest.get(at + 1).cloned() else {
                        return usage("--model needs a FILE");
                    };
                    rest.drain(at..at + 2);
                    let loaded = std::fs::read(&path)
                        .map_err(|e| format!("{path}: {e}"))
                        .and_then(|bytes| {
                            lede::entities::use_model(bytes).map_err(|e| format!("{path}: {e}"))
                        });
                    if let Err(message) = loaded {
                        eprintln!("lede: {message}");
                        return ExitCode::from(1);
                    }
                }
                let rest = rest.as_slice();
                if rest.iter().any(|a| a == "--jsonl") {
                    let files: Vec<&String> = rest.iter().filter(|a| *a != "--jsonl").collect();
                    if let Some(flag) = files.iter().find(|f| f.starts_with("--")) {
                        return usage(&format!("unknown option {flag}"));
                    }
                    jsonl(&files)
                } else if rest.is_empty() {
                    usage("analyze needs FILE... or --jsonl")
                } else if let Some(flag) = rest.iter().find(|f| f.starts_with("--")) {
                    usage(&format!("unknown option {flag}"))
                } else {
                    analyze_files(rest)
                }
            }
            "eval" | "train" => dev_command(command, rest),
            other => usage(&format!("unknown command {other:?}")),
        }
    }

    fn usage(message: &str) -> ExitCode {
        eprintln!("lede: {message}\n\n{HELP}");
        ExitCode::from(2)
    }

    /// Run analyze, turning a panic (a bug) into an error message so a batch goes on.
    fn analyze_guarded(input: &Input, options: &Options) -> Result<lede::Analysis, String> {
        guarded(|| analyze(input, options))
    }

    /// Run `work`, turning a panic into an error message (the release profile
    /// unwinds; the browser build aborts, and the page restarts its worker).
    fn guarded<T, E: std::fmt::Display>(work: impl FnOnce() -> Result<T, E>) -> Result<T, String> {
        match catch_unwind(AssertUnwindSafe(work)) {
            Ok(Ok(value)) => Ok(value),
            Ok(Err(error)) => Err(error.to_string()),
            Err(_) => Err("internal error while analyzing this document (please report it)".into()),
        }
    }

    fn read_input(path: &str) -> Result<Input, String> {
        let bytes = std::fs::read(path).map_err(|e| format!("{path}: {e}"))?;
        let lower = path.to_ascii_lowercase();
        if lower.ends_with(".html") || lower.ends_with(".htm") {
            // in the encoding the page declares (windows-1252, KOI8-R, …), else UTF-8
            Ok(Input::Html {
                html: lede::intake::charset::decode_page(&bytes),
                url: None,
            })
        } else {
            let text = String::from_utf8(bytes)
                .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
            Ok(Input::Text(text))
        }
    }

    /// An analysis with the request's id or the file's name in front, serialized
    /// straight from the Analysis (no intermediate JSON tree).
    #[derive(Serialize)]
    struct Labeled<'a> {
        #[serde(skip_serializing_if = "Option::is_none")]
        id: Option<&'a Value>,
        #[serde(skip_serializing_if = "Option::is_none")]
        file: Option<&'a str>,
        #[serde(flatten)]
        analysis: &'a Analysis,
    }

    /// What `lede analyze FILE` prints for one file.
    #[derive(Serialize)]
    #[serde(untagged)]
    enum FileResult<'a> {
        Analyzed(Labeled<'a>),
        Failed { file: &'a str, error: &'a str },
    }

    fn analyze_files(files: &[String]) -> ExitCode {
        let options = Options::default();
        let mut outcomes = Vec::with_capacity(files.len());
        let mut failed = false;
        for path in files {
            let result = read_input(path).and_then(|input| analyze_guarded(&input, &options));
            if let Err(error) = &result {
                eprintln!("lede: {error}");
                failed = true;
            }
            outcomes.push((path, result));
        }
        let results: Vec<FileResult> = outcomes
            .iter()
            .map(|(path, result)| match result {
                Ok(analysis) => FileResult::Analyzed(Labeled {
                    id: None,
                    file: Some(path.as_str()),
                    analysis,
                }),
                Err(error) => FileResult::Failed { file: path, error },
            })
            .collect();
        let stdout = io::stdout();
        let mut lock = BufWriter::new(stdout.lock());
        let written = match results.as_slice() {
            [one] => serde_json::to_writer_pretty(&mut lock, one),
            all => serde_json::to_writer_pretty(&mut lock, all),
        };
        if written.is_err() || writeln!(lock).is_err() || lock.flush().is_err() {
            return ExitCode::FAILURE;
        }
        if failed {
            ExitCode::FAILURE
        } else {
            ExitCode::SUCCESS
        }
    }

    /// One JSONL request.
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Request {
        #[serde(default)]
        id: Value,
        text: Option<String>,
        html: Option<String>,
        url: Option<String>,
        published: Option<String>,
        #[serde(default)]
        targets: Vec<lede::Utf16Span>,
        #[serde(default)]
        dictionary: Vec<lede::DictionaryEntry>,
        #[serde(default)]
        options: Option<Value>,
    }

    /// Answer one request line; never fails, errors become `{"id", "error"}`
    /// (with the id whenever it can be read, even from a line that is not valid
    /// JSON throughout).
    fn answer(line: &str) -> String {
        let (line, surrogates) = request::replace_lone_surrogates(line);
        respond(&line, &surrogates)
            .unwrap_or_else(|error| failure(&request::recover_id(&line), &error))
    }

    /// The `{"id", "error"}` answer.
    fn failure(id: &Value, error: &str) -> String {
        serde_json::to_string(&json!({ "id": id, "error": error }))
            .unwrap_or_else(|_| r#"{"id":null,"error":"could not serialize the response"}"#.into())
    }

    fn respond(line: &str, surrogates: &[String]) -> Result<String, String> {
        let request: Request =
            serde_json::from_str(line).map_err(|e| format!("not a valid request: {e}"))?;
        let mut options: Options = match request.options {
            Some(value) => {
                serde_json::from_value(value).map_err(|e| format!("bad options: {e}"))?
            }
            None => Options::default(),
        };
        options.published = request.published.or(options.published);
        if !request.targets.is_empty() {
            options.targets = request.targets;
        }
        if !request.dictionary.is_empty() {
            options.dictionary = request.dictionary;
        }
        let input = match (request.text, request.html) {
            (Some(text), None) => Input::Text(text),
            (None, Some(html)) => Input::Html {
                html,
                url: request.url,
            },
            (Some(_), Some(_)) => return Err("give either \"text\" or \"html\", not both".into()),
            (None, None) => return Err("the request has neither \"text\" nor \"html\"".into()),
        };
        let mut analysis = analyze_guarded(&input, &options)?;
        if !surrogates.is_empty() {
            request::record_surrogate_repairs(&mut analysis, surrogates);
        }
        serde_json::to_string(&Labeled {
            id: Some(&request.id),
            file: None,
            analysis: &analysis,
        })
        .map_err(|e| e.to_string())
    }

    /// How many lines are analyzed in parallel before their answers are written in order.
    const BATCH_LINES: usize = 256;
    /// A batch also ends once its lines hold this many bytes.
    const BATCH_BYTES: usize = 16 * 1024 * 1024;
    /// A line at least this long is analyzed on its own, not beside others, so
    /// that the memory of several large documents never adds up.
    const ALONE_BYTES: usize = 4 * 1024 * 1024;
    /// The longest request line read (twice the largest input, room for JSON
    /// escapes); a longer one is skipped, not held in memory, and answered with
    /// an error carrying the id if it can be read from its beginning.
    const MAX_LINE_BYTES: usize = 2 * lede::MAX_INPUT_BYTES;

    /// One line read from a source: the line, or the answer for a line too long to read.
    enum Line {
        Request(String),
        TooLong(String),
    }

    /// Read one line of at most [`MAX_LINE_BYTES`]; `None` at the end.
    fn read_line(source: &mut dyn BufRead) -> io::Result<Option<Line>> {
        let mut raw = Vec::new();
        let mut total = 0usize;
        let mut too_long = false;
        loop {
            let buffer = source.fill_buf()?;
            if buffer.is_empty() {
                break;
            }
            let (chunk, done) = match buffer.iter().position(|&b| b == b'\n') {
                Some(at) => (buffer.get(..=at).unwrap_or(buffer), true),
                None => (buffer, false),
            };
            let used = chunk.len();
            total += used;
            if !too_long && total > MAX_LINE_BYTES {
                too_long = true;
                // keep the beginning, where the id usually stands
                raw.truncate(64 * 1024);
            }
            if !too_long {
                raw.extend_from_slice(chunk);
            }
            source.consume(used);
            if done {
                break;
            }
        }
        if total == 0 {
            return Ok(None);
        }
        let line = String::from_utf8(raw)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
        if too_long {
            let id = request::recover_id(&line);
            let error = format!(
                "the request line is {:.1} MB; the limit is {} MB: split the document",
                total as f64 / 1e6,
                MAX_LINE_BYTES / (1024 * 1024)
            );
            return Ok(Some(Line::TooLong(failure(&id, &error))));
        }
        Ok(Some(Line::Request(
            line.trim_end_matches(['\n', '\r']).to_string(),
        )))
    }

    fn jsonl(files: &[&String]) -> ExitCode {
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
        let stdout = io::stdout();
        let mut out = BufWriter::new(stdout.lock());
        let progress = io::stderr().is_terminal();
        let mut done = 0usize;
        let mut status = ExitCode::SUCCESS;
        let mut sources: Vec<Box<dyn BufRead>> = Vec::new();
        if files.is_empty() {
            sources.push(Box::new(io::BufReader::new(io::stdin())));
        } else {
            for path in files {
                match std::fs::File::open(path) {
                    Ok(file) => sources.push(Box::new(io::BufReader::new(file))),
                    Err(e) => {
                        eprintln!("lede: {path}: {e}");
                        status = ExitCode::FAILURE;
                    }
                }
            }
        }
        for mut source in sources {
            let mut held: Option<Line> = None;
            loop {
                let mut batch: Vec<Line> = Vec::with_capacity(BATCH_LINES);
                let mut bytes = 0usize;
                let mut eof = false;
                // a batch holding a large document holds nothing else
                let mut alone = false;
                if let Some(line) = held.take() {
                    bytes += line_bytes(&line);
                    alone = line_bytes(&line) >= ALONE_BYTES;
                    batch.push(line);
                }
                while batch.len() < BATCH_LINES && bytes < BATCH_BYTES && !alone {
                    match read_line(source.as_mut()) {
                        Ok(None) => {
                            eof = true;
                            break;
                        }
                        Ok(Some(Line::Request(line))) if line.trim().is_empty() => {}
                        Ok(Some(line)) => {
                            let len = line_bytes(&line);
                            if len >= ALONE_BYTES && !batch.is_empty() {
                                // a large document waits for a batch of its own
                                held = Some(line);
                                break;
                            }
                            bytes += len;
                            alone = len >= ALONE_BYTES;
                            batch.push(line);
                        }
                        Err(e) => {
                            eprintln!("lede: read error: {e}");
                            status = ExitCode::FAILURE;
                            eof = true;
                            break;
                        }
                    }
                }
                let threads = if alone { 1 } else { threads };
                let answers = answer_batch(&batch, threads);
                for a in answers {
                    if writeln!(out, "{a}").is_err() {
                        return ExitCode::FAILURE;
                    }
                }
                if out.flush().is_err() {
                    return ExitCode::FAILURE;
                }
                done += batch.len();
                if progress {
                    eprint!("\rlede: {done} documents analyzed");
                }
                if eof && held.is_none() {
                    break;
                }
            }
        }
        if progress {
            eprintln!();
        }
        status
    }

    /// The bytes of a line to analyze (none for one answered already).
    fn line_bytes(line: &Line) -> usize {
        match line {
            Line::Request(text) => text.len(),
            Line::TooLong(_) => 0,
        }
    }

    /// Answer one line of a batch.
    fn answer_line(line: &Line) -> String {
        match line {
            Line::Request(text) => answer(text),
            Line::TooLong(answer) => answer.clone(),
        }
    }

    /// Answer a batch of lines on `threads` threads, keeping their order: one
    /// answer per line, whatever happens to a thread.
    fn answer_batch(lines: &[Line], threads: usize) -> Vec<String> {
        if threads <= 1 || lines.len() < 2 {
            return lines.iter().map(answer_line).collect();
        }
        let chunk = lines.len().div_ceil(threads);
        std::thread::scope(|scope| {
            let handles: Vec<_> = lines
                .chunks(chunk)
                .map(|part| {
                    let handle =
                        scope.spawn(move || part.iter().map(answer_line).collect::<Vec<_>>());
                    (part, handle)
                })
                .collect();
            handles
                .into_iter()
                .flat_map(|(part, h)| {
                    h.join().unwrap_or_else(|_| {
                        part.iter()
                            .map(|line| match line {
                                Line::Request(text) => failure(
                                    &request::recover_id(text),
                                    "internal error while analyzing this document (please report it)",
                                ),
                                Line::TooLong(answer) => answer.clone(),
                            })
                            .collect()
                    })
                })
                .collect()
        })
    }

    /// Reading what can be read from a request line that is not quite valid.
    mod request {
        use lede::intake::Repair;
        use lede::{Analysis, Span};
        use serde_json::Value;

        /// A `\\uXXXX` escape at `at` (the backslash) of `line`: its code unit.
        fn escape_at(line: &[u8], at: usize) -> Option<u32> {
            if line.get(at) != Some(&b'\\') || line.get(at + 1) != Some(&b'u') {
                return None;
            }
            let hex = line.get(at + 2..at + 6)?;
            let hex = std::str::from_utf8(hex).ok()?;
            u32::from_str_radix(hex, 16).ok()
        }

        /// The line with every lone surrogate escape (`"\\ud800"`, which
        /// JavaScript makes from broken text and JSON parsers refuse) written as
        /// U+FFFD, and the escapes replaced. Escaped backslashes are skipped, so
        /// `"\\\\ud800"` (a backslash and "ud800") stays.
        pub fn replace_lone_surrogates(line: &str) -> (std::borrow::Cow<'_, str>, Vec<String>) {
            let bytes = line.as_bytes();
            if !line.contains("\\u") {
                return (line.into(), Vec::new());
            }
            let mut out = String::with_capacity(line.len());
            let mut copied = 0usize;
            let mut replaced = Vec::new();
            let mut i = 0usize;
            while i < bytes.len() {
                if bytes.get(i) != Some(&b'\\') {
                    i += 1;
                    continue;
                }
                let unit = escape_at(bytes, i);
                match unit {
                    Some(0xD800..=0xDBFF)
                        if escape_at(bytes, i + 6)
                            .is_some_and(|low| (0xDC00..=0xDFFF).contains(&low)) =>
                    {
                        i += 12;
                    }
                    Some(0xD800..=0xDFFF) => {
                        out.push_str(line.get(copied..i).unwrap_or(""));
                        out.push_str("\\ufffd");
                        replaced.push(line.get(i..i + 6).unwrap_or("").to_string());
                        i += 6;
                        copied = i;
                    }
                    _ => i += 2,
                }
            }
            if replaced.is_empty() {
                return (line.into(), replaced);
            }
            out.push_str(line.get(copied..).unwrap_or(""));
            (out.into(), replaced)
        }

        /// Record the replaced surrogate escapes as repairs: the first
        /// replacement characters of the documents' texts, in order, are marked
        /// (a replacement character the request held itself can take one's place;
        /// one in text removed as page furniture is not marked).
        pub fn record_surrogate_repairs(analysis: &mut Analysis, escapes: &[String]) {
            let mut left = escapes.iter();
            for doc in &mut analysis.documents {
                let mut unit = 0usize;
                let mut added = false;
                for ch in doc.text.chars() {
                    if left.len() == 0 {
                        break;
                    }
                    if ch == '\u{FFFD}' {
                        doc.repairs.push(Repair {
                            span: Span::new(unit, unit + 1),
                            original: left.next().cloned().unwrap_or_default(),
                            kind: "lone-surrogate".into(),
                        });
                        added = true;
                    }
                    unit += ch.len_utf16();
                }
                if added {
                    doc.repairs.sort_by_key(|r| (r.span.start, r.span.end));
                }
            }
        }

        /// The byte just past the JSON value starting at `at` (a string, an
        /// object, an array or a scalar), found without parsing it.
        fn skip_value(line: &[u8], at: usize) -> Option<usize> {
            let mut i = at;
            let mut depth = 0usize;
            let mut in_string = false;
            while let Some(&b) = line.get(i) {
                if in_string {
                    match b {
                        b'\\' => i += 1,
                        b'"' => {
                            in_string = false;
                            if depth == 0 {
                                return Some(i + 1);
                            }
                        }
                        _ => {}
                    }
                } else {
                    match b {
                        b'"' => in_string = true,
                        b'{' | b'[' => depth += 1,
                        b'}' | b']' if depth == 0 => return Some(i),
                        b'}' | b']' => {
                            depth -= 1;
                            if depth == 0 {
                                return Some(i + 1);
                            }
                        }
                        b',' if depth == 0 => return Some(i),
                        _ => {}
                    }
                }
                i += 1;
            }
            None
        }

        fn skip_blank(line: &[u8], mut i: usize) -> usize {
            while line.get(i).is_some_and(u8::is_ascii_whitespace) {
                i += 1;
            }
            i
        }

        /// The request's id, read from a line that is a JSON object even when
        /// the rest of it is not valid (a bad value after the id, a cut-off
        /// line): the members before `"id"` are skipped without parsing them.
        /// `null` when there is no id to read.
        pub fn recover_id(line: &str) -> Value {
            if let Ok(value) = serde_json::from_str::<Value>(line) {
                return value.get("id").cloned().unwrap_or(Value::Null);
            }
            let bytes = line.as_bytes();
            let mut i = skip_blank(bytes, 0);
            if bytes.get(i) != Some(&b'{') {
                return Value::Null;
            }
            i += 1;
            loop {
                i = skip_blank(bytes, i);
                if bytes.get(i) != Some(&b'"') {
                    return Value::Null;
                }
                let Some(key_end) = skip_value(bytes, i) else {
                    return Value::Null;
                };
                let key = line
                    .get(i..key_end)
                    .and_then(|k| serde_json::from_str::<String>(k).ok());
                i = skip_blank(bytes, key_end);
                if bytes.get(i) != Some(&b':') {
                    return Value::Null;
                }
                i = skip_blank(bytes, i + 1);
                if key.as_deref() == Some("id") {
                    let rest = line.get(i..).unwrap_or("");
                    return serde_json::Deserializer::from_str(rest)
                        .into_iter::<Value>()
                        .next()
                        .and_then(Result::ok)
                        .unwrap_or(Value::Null);
                }
                let Some(end) = skip_value(bytes, i) else {
                    return Value::Null;
                };
                i = skip_blank(bytes, end);
                if bytes.get(i) != Some(&b',') {
                    return Value::Null;
                }
                i += 1;
            }
        }

        #[cfg(test)]
        mod tests {
            use super::*;
            use serde_json::json;

            #[test]
            fn lone_surrogates_become_replacement_characters() {
                let (line, n) = replace_lone_surrogates(
                    r#"{"id":1,"text":"a\ud800b \udc00 \ud83d\ude00 \\ud800"}"#,
                );
                assert_eq!(n, [r"\ud800", r"\udc00"]);
                let value: Value = serde_json::from_str(&line).unwrap_or_default();
                assert_eq!(value["text"], "a\u{FFFD}b \u{FFFD} 😀 \\ud800");
                let (same, n) = replace_lone_surrogates(r#"{"text":"\u00e9 \ud83d\ude00"}"#);
                assert!(n.is_empty());
                assert_eq!(same.as_ref(), r#"{"text":"\u00e9 \ud83d\ude00"}"#);
                // cut off inside an escape
                assert!(replace_lone_surrogates(r#"{"text":"\ud8"#).1.is_empty());
                assert_eq!(replace_lone_surrogates(r#"{"text":"\ud800"#).1.len(), 1);
            }

            #[test]
            fn a_panic_becomes_an_error_answer() {
                let caught = super::super::guarded(|| -> Result<u8, String> {
                    let empty: Vec<u8> = Vec::new();
                    // an out-of-bounds index, as a bug would make
                    let at = std::hint::black_box(empty.len() + 1);
                    Ok(empty[at])
                });
                assert!(caught.is_err_and(|e| e.contains("internal error")));
            }

            #[test]
            fn the_id_is_read_from_a_broken_object() {
                assert_eq!(recover_id(r#"{"id": 7, "text": "x", oops}"#), json!(7));
                assert_eq!(
                    recover_id(
                        r#"{"text": "a \"}\" b", "options": {"x": [1, {"y": "]"}]}, "id": "k-9", "published": 2023-"#
                    ),
                    json!("k-9")
                );
                assert_eq!(
                    recover_id(r#"{"id": {"batch": 3, "n": [1, 2]}, "text": "#),
                    json!({"batch": 3, "n": [1, 2]})
                );
                assert_eq!(recover_id(r#"{"text": "cut off"#), Value::Null);
                assert_eq!(recover_id(r#"not json "id": 3"#), Value::Null);
                assert_eq!(recover_id(r#"[{"id": 3}]"#), Value::Null);
                assert_eq!(recover_id(r#"{"id": 3, "text": "fine"}"#), json!(3));
            }
        }
    }

    /// `lede eval STAGE` and `lede train STAGE`: the project's quality tooling.
    fn dev_command(command: &str, rest: &[String]) -> ExitCode {
        let Some(stage) = rest.first() else {
            return usage(&format!("{command} needs a STAGE"));
        };
        if stage == "--help" || stage == "-h" {
            let _ = writeln!(io::stdout(), "{HELP}");
            return ExitCode::SUCCESS;
        }
        let args = rest.get(1..).unwrap_or(&[]);
        let Some(result) = lede_lab::run(command, stage, args) else {
            return usage(&format!("no {command} for stage {stage:?}"));
        };
        match result {
            Ok(report) => {
                // A closed pipe (`| head`) is not an error worth a panic.
                let _ = writeln!(io::stdout(), "{report}");
                ExitCode::SUCCESS
            }
            Err(lede_lab::Failure::Usage(error)) => {
                eprintln!("lede {command} {stage}: {error}");
                ExitCode::from(2)
            }
            Err(lede_lab::Failure::Error(error)) => {
                eprintln!("lede {command} {stage}: {error}");
                ExitCode::FAILURE
            }
        }
    }
}
