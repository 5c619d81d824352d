//! What day it is: the clock, or `CORRIDOR_TODAY` (YYYY-MM-DD) when set, so
//! that tests and CI runs are reproducible. Read once at the edges (CLI and
//! workbench) and passed down; `analysis` never asks the clock.

use crate::model::Date;

/// The environment variable that fixes today's date.
pub const TODAY_VAR: &str = "CORRIDOR_TODAY";

/// Today, from `CORRIDOR_TODAY` or else the system clock (UTC).
pub fn today() -> Result<Date, String> {
    match std::env::var(TODAY_VAR) {
        Ok(text) => Date::parse(text.trim())
            .ok_or_else(|| format!("{TODAY_VAR}={text:?} is not a date like 2026-12-15")),
        Err(_) => {
            let seconds = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_secs());
            let days = i64::try_from(seconds / 86_400).unwrap_or(0);
            Date::from_days(days).ok_or_else(|| "the system clock is out of range".to_owned())
        }
    }
}
