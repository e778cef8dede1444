//! The ground floor every stage stands on: spans and offsets, lexical helpers
//! (lower-casing, word sets, word lists, table readers), and hashing shared by the
//! hashed linear models. Nothing here imports a stage.

#[cfg(feature = "train")]
pub mod codec;
pub mod hashing;
pub mod knowledge;
pub mod lexical;
pub mod span;
