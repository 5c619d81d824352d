//! Fuzz target `import_csv`: see `checks::import_csv`.
#![no_main]

#[path = "../checks/mod.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::import_csv(data));
