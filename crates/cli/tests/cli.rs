//! The command-line contract of DESIGN.md, end to end through the `lede` binary.
#![cfg(not(target_arch = "wasm32"))]

use serde_json::Value;
use std::io::Write;
use std::process::{Command, Output, Stdio};

fn lede(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_lede"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("lede runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin.as_bytes())
        .expect("write stdin");
    child.wait_with_output().expect("lede finishes")
}

fn lines(output: &Output) -> Vec<Value> {
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

#[test]
fn jsonl_answers_every_line_in_order_and_survives_bad_ones() {
    let input = [
        r#"{"id": 1, "text": "Putin met Hu. They talked."}"#,
        r#"this is not json"#,
        r#"{"id": "two", "html": "<p>Xi visited Moscow.</p>", "url": "https://example.com/a"}"#,
        r#"{"id": 3}"#,
        r#"{"id": 4, "text": "   "}"#,
        r#"{"id": [5], "text": "x", "options": {"clena": false}}"#,
        r#"{"id": 6, "text": "Zoë 😀 met 习近平.", "options": {"clean": false}, "published": "2013-03-22"}"#,
        r#"{"id": 7, "text": "a", "published": "yesterday"}"#,
    ]
    .join("\n");
    let output = lede(&["analyze", "--jsonl"], &input);
    assert!(output.status.success());
    let answers = lines(&output);
    assert_eq!(answers.len(), 8);
    assert_eq!(answers[0]["id"], 1);
    assert_eq!(answers[0]["schema"], "lede/1");
    assert_eq!(
        answers[0]["documents"][0]["sentences"]
            .as_array()
            .map(Vec::len),
        Some(2)
    );
    assert!(answers[1]["error"]
        .as_str()
        .unwrap_or("")
        .contains("not a valid request"));
    assert_eq!(answers[1]["id"], Value::Null);
    assert_eq!(answers[2]["id"], "two");
    assert!(answers[3]["error"]
        .as_str()
        .unwrap_or("")
        .contains("neither"));
    assert_eq!(answers[3]["id"], 3);
    assert!(answers[4]["error"].as_str().unwrap_or("").contains("empty"));
    assert!(answers[5]["error"].as_str().unwrap_or("").contains("clena"));
    assert_eq!(answers[5]["id"], serde_json::json!([5]));
    let doc = &answers[6]["documents"][0];
    assert_eq!(doc["text"], "Zoë 😀 met 习近平.");
    // UTF-16 offsets: 习近平 starts after "Zoë 😀 met " = 3 + 1 + 2 + 1 + 3 + 1 = 11 units.
    let tokens = doc["tokens"].as_array().expect("tokens");
    assert!(
        tokens.iter().any(|t| t["start"] == 11 && t["end"] == 14),
        "{tokens:?}"
    );
    assert_eq!(doc["published"]["value"], "2013-03-22");
    assert!(answers[7]["error"]
        .as_str()
        .unwrap_or("")
        .contains("YYYY-MM-DD"));
}

#[test]
fn jsonl_reads_files_and_keeps_order_across_batches() {
    let dir = std::env::temp_dir().join(format!("lede-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("many.jsonl");
    let body: String = (0..600)
        .map(|i| format!("{{\"id\": {i}, \"text\": \"Sentence number {i}. Another one.\"}}\n"))
        .collect();
    std::fs::write(&path, body).expect("write");
    let output = lede(
        &["analyze", "--jsonl", path.to_str().unwrap_or_default()],
        "",
    );
    assert!(output.status.success());
    let answers = lines(&output);
    assert_eq!(answers.len(), 600);
    for (i, answer) in answers.iter().enumerate() {
        assert_eq!(answer["id"], i);
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn analyze_files_prints_pretty_json_and_reads_html() {
    let dir = std::env::temp_dir().join(format!("lede-files-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let txt = dir.join("a.txt");
    let html = dir.join("b.html");
    std::fs::write(&txt, "Moscow, 29 November 2002 (RFE/RL) -- Putin arrived.").expect("write");
    std::fs::write(
        &html,
        "<html><body><p>Hu <b>Jintao</b> spoke.</p></body></html>",
    )
    .expect("write");
    let one = lede(&["analyze", txt.to_str().unwrap_or_default()], "");
    assert!(one.status.success());
    let text = String::from_utf8_lossy(&one.stdout);
    assert!(text.starts_with("{\n"), "pretty JSON");
    let value: Value = serde_json::from_str(&text).expect("JSON");
    assert_eq!(value["schema"], "lede/1");
    let both = lede(
        &[
            "analyze",
            txt.to_str().unwrap_or_default(),
            html.to_str().unwrap_or_default(),
        ],
        "",
    );
    let value: Value = serde_json::from_slice(&both.stdout).expect("JSON");
    let html_text = value[1]["documents"][0]["text"].as_str().unwrap_or("");
    assert!(html_text.contains("Hu Jintao spoke."), "{html_text:?}");
    assert!(!html_text.contains('<'));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn exit_codes_and_help() {
    let help = lede(&["--help"], "");
    assert!(help.status.success());
    assert!(String::from_utf8_lossy(&help.stdout).contains("lede analyze --jsonl"));
    assert_eq!(lede(&[], "").status.code(), Some(2));
    assert_eq!(lede(&["frobnicate"], "").status.code(), Some(2));
    assert_eq!(lede(&["analyze"], "").status.code(), Some(2));
    assert_eq!(
        lede(&["analyze", "--bogus", "x"], "").status.code(),
        Some(2)
    );
    let missing = lede(&["analyze", "/nonexistent/file.txt"], "");
    assert_eq!(missing.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("/nonexistent/file.txt"));
    let version = lede(&["--version"], "");
    assert!(String::from_utf8_lossy(&version.stdout).starts_with("lede "));
    // the lab's commands: help without the data, a misspelt option is bad usage
    assert!(lede(&["train", "--help"], "").status.success());
    let stage_help = lede(&["eval", "time", "--help"], "");
    assert!(stage_help.status.success());
    assert!(String::from_utf8_lossy(&stage_help.stdout).contains("--mistakes"));
    let misspelt = lede(&["eval", "time", "--mistake"], "");
    assert_eq!(misspelt.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&misspelt.stderr).contains("unknown option --mistake"));
}

#[test]
fn jsonl_a_hostile_line_costs_no_other_line() {
    // good, a 20,000-number table (cubic time and square memory once), good
    let numbers: Vec<String> = (0..20_000u64)
        .map(|i| (i * 7919 % 99_991).to_string())
        .collect();
    let good = r#"{"id": "good", "text": "Putin met Merkel in Berlin on Monday. They talked."}"#;
    let hostile = serde_json::json!({"id": "numbers", "text": numbers.join(" ")}).to_string();
    let input = [good, hostile.as_str(), good].join("\n");
    let output = lede(&["analyze", "--jsonl"], &input);
    assert!(output.status.success());
    let answers = lines(&output);
    assert_eq!(answers.len(), 3);
    assert_eq!(answers[0], answers[2]);
    assert_eq!(answers[1]["id"], "numbers");
    let limits: Vec<&str> = answers[1]["documents"][0]["truncated"]
        .as_array()
        .map(|a| a.iter().filter_map(|t| t["what"].as_str()).collect())
        .unwrap_or_default();
    assert_eq!(limits, ["sentences", "cooccurrence"]);
    // a normal article reports no limit at all
    assert!(answers[0]["documents"][0].get("truncated").is_none());
}

#[test]
fn jsonl_repairs_surrogates_refuses_impossible_dates_and_recovers_ids() {
    let input = [
        r#"{"id": "s", "text": "Putin met \ud800 Merkel."}"#,
        r#"{"id": "d", "text": "Putin met Merkel.", "published": "2023-02-30"}"#,
        r#"{"id": "o", "text": "Putin met Merkel.", "options": {"published": "2023-04-31"}}"#,
        r#"{"text": "a \"} b", "id": {"n": 9}, "options": oops"#,
        r#"{"id": "leap", "text": "Putin met Merkel.", "published": "2024-02-29"}"#,
    ]
    .join("\n");
    let answers = lines(&lede(&["analyze", "--jsonl"], &input));
    assert_eq!(answers.len(), 5);
    let doc = &answers[0]["documents"][0];
    assert_eq!(doc["text"], "Putin met \u{FFFD} Merkel.");
    assert_eq!(
        doc["repairs"][0],
        serde_json::json!({"start": 10, "end": 11, "original": "\\ud800", "kind": "lone-surrogate"})
    );
    for (answer, id) in answers[1..3].iter().zip(["d", "o"]) {
        assert_eq!(answer["id"], id);
        let error = answer["error"].as_str().unwrap_or("");
        assert!(
            error.contains("\"published\"") && error.contains("calendar"),
            "{error}"
        );
    }
    assert_eq!(answers[3]["id"], serde_json::json!({"n": 9}));
    assert!(answers[3]["error"].is_string());
    assert_eq!(
        answers[4]["documents"][0]["published"]["value"],
        "2024-02-29"
    );
}

#[test]
fn jsonl_a_line_over_the_limit_is_skipped_not_read() {
    let huge = format!(
        r#"{{"id": "huge", "text": "{}"}}"#,
        "word ".repeat(2 * lede::MAX_INPUT_BYTES / 5 + 1000)
    );
    let good = r#"{"id": "good", "text": "Putin met Merkel."}"#;
    let input = [good, huge.as_str(), good].join("\n");
    let output = lede(&["analyze", "--jsonl"], &input);
    let answers = lines(&output);
    assert_eq!(answers.len(), 3);
    assert_eq!(answers[1]["id"], "huge");
    assert!(answers[1]["error"]
        .as_str()
        .unwrap_or("")
        .contains("the limit is 64 MB"));
    assert_eq!(answers[2]["id"], "good");
    assert!(answers[2]["schema"].is_string());
}
