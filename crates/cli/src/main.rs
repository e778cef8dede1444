//! The `lede` command line: a thin shell over `lede::analyze`, plus the project's
//! training and evaluation commands (handed to the lab, `lede-lab`). See `lede --help`.

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
        lede eval STAGE [--data DIR]      score a stage on the development data
                                          (STAGE: entities, time, sentiment, extract, language)
        lede train STAGE [--data DIR]     train a stage's model from ../shared/data into models/
                                          (STAGE: entities, sentiment)
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
        match catch_unwind(AssertUnwindSafe(|| analyze(input, options))) {
            Ok(Ok(analysis)) => Ok(analysis),
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

    /// Answer one request line; never fails, errors become `{"id", "error"}`.
    fn answer(line: &str) -> String {
        respond(line).unwrap_or_else(|error| {
            let id = serde_json::from_str::<Value>(line)
                .ok()
                .and_then(|v| v.get("id").cloned())
                .unwrap_or(Value::Null);
            serde_json::to_string(&json!({ "id": id, "error": error })).unwrap_or_else(|_| {
                r#"{"id":null,"error":"could not serialize the response"}"#.into()
            })
        })
    }

    fn respond(line: &str) -> Result<String, String> {
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
        let analysis = analyze_guarded(&input, &options)?;
        serde_json::to_string(&Labeled {
            id: Some(&request.id),
            file: None,
            analysis: &analysis,
        })
        .map_err(|e| e.to_string())
    }

    /// How many lines are analyzed in parallel before their answers are written in order.
    const BATCH_LINES: usize = 256;

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
            loop {
                let mut batch: Vec<String> = Vec::with_capacity(BATCH_LINES);
                let mut eof = false;
                while batch.len() < BATCH_LINES {
                    let mut raw = Vec::new();
                    match source.read_until(b'\n', &mut raw) {
                        Ok(0) => {
                            eof = true;
                            break;
                        }
                        Ok(_) => {
                            let line = String::from_utf8(raw).unwrap_or_else(|e| {
                                String::from_utf8_lossy(e.as_bytes()).into_owned()
                            });
                            let line = line.trim_end_matches(['\n', '\r']);
                            if !line.trim().is_empty() {
                                batch.push(line.to_string());
                            }
                        }
                        Err(e) => {
                            eprintln!("lede: read error: {e}");
                            status = ExitCode::FAILURE;
                            eof = true;
                            break;
                        }
                    }
                }
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
                if eof {
                    break;
                }
            }
        }
        if progress {
            eprintln!();
        }
        status
    }

    /// Answer a batch of lines on `threads` threads, keeping their order.
    fn answer_batch(lines: &[String], threads: usize) -> Vec<String> {
        if threads <= 1 || lines.len() < 2 {
            return lines.iter().map(|l| answer(l)).collect();
        }
        let chunk = lines.len().div_ceil(threads);
        std::thread::scope(|scope| {
            let handles: Vec<_> = lines
                .chunks(chunk)
                .map(|part| scope.spawn(move || part.iter().map(|l| answer(l)).collect::<Vec<_>>()))
                .collect();
            handles
                .into_iter()
                .flat_map(|h| {
                    h.join().unwrap_or_else(|_| {
                        vec![r#"{"id":null,"error":"internal error"}"#.to_string()]
                    })
                })
                .collect()
        })
    }

    /// `lede eval STAGE` and `lede train STAGE`: the project's quality tooling.
    fn dev_command(command: &str, rest: &[String]) -> ExitCode {
        let Some(stage) = rest.first() else {
            return usage(&format!("{command} needs a STAGE"));
        };
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
            Err(error) => {
                eprintln!("lede {command} {stage}: {error}");
                ExitCode::FAILURE
            }
        }
    }
}
