//! Training and evaluation commands of this stage (`lede eval/train`), native only.

/// `lede eval time`.
pub fn eval(_args: &[String]) -> Result<String, String> {
    Err("not built yet".into())
}
