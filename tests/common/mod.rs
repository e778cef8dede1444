//! What the integration tests share: the five samples, read from their fixtures.

use std::path::Path;

/// The sample whose file name starts with `prefix` ("003"), from
/// `tests/fixtures/samples`; `None` when it cannot be read.
pub fn sample(prefix: &str) -> Option<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/samples");
    let entry = std::fs::read_dir(dir)
        .ok()?
        .filter_map(Result::ok)
        .find(|e| e.file_name().to_string_lossy().starts_with(prefix))?;
    std::fs::read_to_string(entry.path()).ok()
}
