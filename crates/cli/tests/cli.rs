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
}
