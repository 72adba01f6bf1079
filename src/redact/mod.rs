//! Safe publishing: finding the personal details in what people said (emails, UK phone
//! numbers, names the session knows, and capitalised words that look like names) and taking
//! them out of a copy of the session before a report is built. Offline and explainable: every
//! hit says what it is and why. The session's own words never change.

mod apply;
mod find;
mod known;
#[cfg(test)]
mod tests;

pub use apply::{Outcome, Place, Redacted, Replacement, decide, redact, totals};
pub use find::{Hit, find};
pub use known::Known;
