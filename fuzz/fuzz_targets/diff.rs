//! Fuzz target `diff`: see `checks::diff`.
#![no_main]

#[path = "../checks/mod.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::diff(data));
