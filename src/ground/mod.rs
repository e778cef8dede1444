//! The ground floor every stage stands on: spans and offsets, the tokenizer,
//! lexical helpers (lower-casing, word sets, word lists, table readers), the
//! hashing and weight codec of the hashed linear models, knowledge tables more
//! than one stage reads, and the recognition of date expressions that intake and
//! time share. Nothing here imports a stage.

#[cfg(feature = "train")]
pub mod codec;
pub mod dates;
pub mod hashing;
pub mod knowledge;
pub mod lexical;
pub mod model_file;
pub mod span;
pub mod tokens;
