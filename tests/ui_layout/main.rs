//! Every screen and dialog fits the window and reads, at the sizes and zooms a facilitator
//! meets: a 1280×800 laptop, a 1024×700 projector, each at 100 % and 150 %, light and dark.
//!
//! The places are one table: to check a new screen or dialog, add a row to `places()` in
//! `places.rs` saying how a person reaches it from the board.
#![allow(clippy::unwrap_used, clippy::expect_used)] // Test helpers may panic: that is a failed test.

#[path = "../common/mod.rs"]
mod common;
mod looks;
mod places;
mod reading;
mod windows;
