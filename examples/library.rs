//! Lede as a Rust library: the README's example (tests/readme.rs keeps the two the same).
//! `cargo run --release --example library`
fn main() -> Result<(), lede::Error> {
    use lede::{analyze, Input, Options};

    let text = "GENEVA, March 3 (Reuters) - Foreign Minister Sergei Lavrov met U.N. envoy \
                Staffan de Mistura on Monday. Lavrov praised the talks.";
    let options = Options {
        published: Some("2017-03-03".into()), // resolves "on Monday"
        tokens: false,                        // leave out the token list
        ..Options::default()
    };
    let analysis = analyze(&Input::Text(text.into()), &options)?;
    let document = &analysis.documents[0];
    for out in &document.entities {
        let tone = out.sentiment.as_ref().map(|t| t.tone.label);
        println!(
            "{} {} {:.2} {:?}",
            out.entity.name, out.entity.label, out.entity.salience, tone
        );
    }
    for event in &document.timeline {
        println!("{} {}", event.when, event.label);
    }
    // The same JSON as `lede analyze` and the npm and Python packages (serde_json is a
    // dependency of yours): offsets in UTF-16 code units into document.text.
    let json = serde_json::to_string(&analysis).expect("an Analysis always serializes");
    assert!(json.starts_with(r#"{"schema":"lede/1""#));
    Ok(())
}
