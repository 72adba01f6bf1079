//! Harvest: capture what each workshop group says, group it into themes, export a summary.

pub mod background;
pub mod cli;
pub mod desktop;
pub mod document;
pub mod edit;
pub mod follow;
pub mod import;
pub mod launch;
pub mod merge;
pub mod model;
pub mod profiling;
pub mod redact;
pub mod sheets;
pub mod signals;
pub mod store;
pub mod suggest;
pub mod summary;
pub mod ui;
pub mod workspace;
