//! Training and evaluation commands of this stage (`lede eval/train`), native only.

/// `lede eval entities`.
pub fn eval(_args: &[String]) -> Result<String, String> {
    Err("not built yet".into())
}

/// `lede train entities`.
pub fn train(_args: &[String]) -> Result<String, String> {
    Err("not built yet".into())
}
