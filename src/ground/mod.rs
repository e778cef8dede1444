//! The ground floor every stage stands on: spans and offsets, lexical helpers
//! (lower-casing, word sets, word lists, table readers), and hashing shared by the
//! hashed linear models, and the recognition of date expressions that intake and
//! time share. Nothing here imports a stage.

pub mod dates;
pub mod hashing;
pub mod knowledge;
pub mod lexical;
pub mod span;
