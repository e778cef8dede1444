//! The README's Rust example is examples/library.rs (compiled by `cargo test
//! --all-targets`), so the example readers copy keeps compiling.
#[test]
fn readme_rust_example_is_the_compiled_example() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let example =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/library.rs"))
            .unwrap();
    let start = readme
        .find("```rust\n")
        .expect("the README has a ```rust block")
        + "```rust\n".len();
    let block = &readme[start..start + readme[start..].find("```").unwrap()];
    let body: String = example
        .lines()
        .filter(|l| !l.starts_with("//!"))
        .map(|l| format!("{l}\n"))
        .collect();
    assert_eq!(
        block, body,
        "README.md's ```rust block differs from examples/library.rs"
    );
}
