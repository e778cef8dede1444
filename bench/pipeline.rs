//! Native throughput of the whole pipeline (`cargo bench`): `analyze` on the five
//! samples, on a larger news corpus built from the development data, and on that
//! corpus pasted as one long document (where work that grows with the square of
//! the length shows), reported by criterion as tokens per second on one core.
//! Budget: ≥ 500,000 tokens/s. The `stage` group times the sentiment stage (budget
//! ≥ 1,000,000 tokens/s) and the entity stage alone. It runs with the `lede` CLI's
//! allocator (mimalloc), so it measures what a batch user gets.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use lede::{analyze, Input, Options};
use std::path::Path;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The samples, read from tests/fixtures/samples.
fn samples() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/samples");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .map(|entries| entries.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|e| e == "txt"));
    files.sort();
    files
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect()
}

/// ~1,000-word articles made of NewsMTSC news sentences (train split), 30 sentences each.
fn news_articles() -> Vec<String> {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/sentiment/newsmtsc/train.jsonl");
    let Ok(body) = std::fs::read_to_string(path) else {
        return Vec::new();
    };
    let sentences: Vec<String> = body
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["sentence_normalized"].as_str().map(str::to_string))
        .collect();
    sentences
        .chunks(30)
        .take(200)
        .map(|c| c.join(" "))
        .collect()
}

fn tokens_in(texts: &[String]) -> u64 {
    texts
        .iter()
        .map(|t| lede::text::tokenize(t).len() as u64)
        .sum()
}

fn bench(c: &mut Criterion) {
    let options = Options::default();
    let news = news_articles();
    let one_paste = vec![news.join("\n\n")];
    for (name, texts) in [
        ("samples", samples()),
        ("news-corpus", news),
        ("news-one-paste", one_paste),
    ] {
        if texts.is_empty() {
            eprintln!("bench {name}: data not found, skipped");
            continue;
        }
        let mut group = c.benchmark_group("analyze");
        group.throughput(Throughput::Elements(tokens_in(&texts)));
        group.sample_size(20);
        group.bench_function(name, |b| {
            b.iter(|| {
                for text in &texts {
                    let _ = std::hint::black_box(analyze(&Input::Text(text.clone()), &options));
                }
            })
        });
        group.finish();
    }
}

/// The sentiment stage alone (budget ≥ 1,000,000 tokens/s, issue #24) and the
/// entity stage alone, on the news corpus segmented and tagged beforehand.
fn stages(c: &mut Criterion) {
    let news = news_articles();
    if news.is_empty() {
        eprintln!("bench stages: data not found, skipped");
        return;
    }
    let dictionary = lede::entities::Dictionary::default();
    let prepared: Vec<_> = news
        .iter()
        .map(|text| {
            let layer = lede::text::segment(text);
            let found = lede::entities::recognize(text, &layer, &dictionary);
            (text, layer, found)
        })
        .collect();
    let mut group = c.benchmark_group("stage");
    group.throughput(Throughput::Elements(tokens_in(&news)));
    group.sample_size(20);
    group.bench_function("sentiment", |b| {
        b.iter(|| {
            for (text, layer, found) in &prepared {
                let _ = std::hint::black_box(lede::sentiment::score(text, layer, found, &[]));
            }
        })
    });
    group.bench_function("entities", |b| {
        b.iter(|| {
            for (text, layer, _) in &prepared {
                let _ = std::hint::black_box(lede::entities::recognize(text, layer, &dictionary));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, bench, stages);
criterion_main!(benches);
