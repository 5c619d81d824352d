//! corridor: customer-journey mapping in the terminal.
//!
//! `model` is the journey as data, `analysis` computes gaps and figures,
//! `store` reads and writes journey files without losing a byte of what the
//! user did not change, `text` makes file text safe to print, and `cli`
//! holds the subcommands.

pub mod analysis;
pub mod cli;
pub mod clock;
pub mod model;
pub mod report;
pub mod sample;
pub mod store;
pub mod text;
pub mod tui;
