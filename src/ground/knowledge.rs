//! Knowledge tables more than one stage reads, compiled into the binary from
//! `models/` (their one home).

/// Heads of state and government with their terms, compiled by hand from the
/// public record (the header of `models/officeholders.tsv` says how and for which
/// period): their names make people in the entity stage; the time stage dates
/// articles by their terms.
pub const OFFICEHOLDERS_TABLE: &str = include_str!("../../models/officeholders.tsv");
