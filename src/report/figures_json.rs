//! Group figures as JSON, keyed by the figure vocabulary
//! (`analysis::figures`), for the report and the diff alike.

use serde_json::{Map, Value, json};

use crate::analysis::Figures;
use crate::analysis::figures::{self, Figure};

/// The figures a JSON group object carries: the group figures, and the
/// shortfall count beside critical.
const KEYS: [&Figure; 8] = [
    &figures::DEBT,
    &figures::BELOW,
    &figures::CRITICAL,
    &figures::SHORTFALL,
    &figures::TOUCHPOINTS,
    &figures::SCORED,
    &figures::MEAN_GAP,
    &figures::WORST_GAP,
];

/// `{"experience_debt": -3, "below_expectation": 2, ...}`: counts and
/// gaps as integers, the mean as a number, `null` where nothing is scored.
pub fn figures_map(f: &Figures) -> Map<String, Value> {
    KEYS.iter()
        .map(|figure| {
            let value = match (**figure, f.number(figure)) {
                (_, None) => Value::Null,
                (figures::MEAN_GAP, Some(n)) => json!(n),
                (_, Some(n)) => json!(n as i64),
            };
            (figure.key.to_owned(), value)
        })
        .collect()
}

/// The same, as a value.
pub fn figures_value(f: &Figures) -> Value {
    Value::Object(figures_map(f))
}
