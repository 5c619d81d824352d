//! Fuzz target `import_mermaid`: see `checks::import_mermaid`.
#![no_main]

#[path = "../checks/mod.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::import_mermaid(data));
