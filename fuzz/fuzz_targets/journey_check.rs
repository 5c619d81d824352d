//! Fuzz target `journey_check`: see `checks::journey_check`.
#![no_main]

#[path = "../checks/mod.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::journey_check(data));
