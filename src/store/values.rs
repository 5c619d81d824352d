//! The values a save writes: a field of the model as TOML, laid out by the
//! canonical writer (`canonical::value_text`), so that a save of a
//! canonical file leaves it canonical; comments inside a replaced list or
//! table are kept with the elements they describe.

use toml_edit::{Array, InlineTable, Value};

use super::canonical::{self, LineEnding};
use crate::model::{Economics, FieldValue, Metric, Scale};

/// The text of `value` under the key `key`: what the quick save splices in.
pub fn text(key: &str, value: &FieldValue, eol: LineEnding) -> String {
    canonical::value_text(key, &raw(value, None), eol).text
}

/// The value to write for `key` in place of `like` (or as a new key), and
/// the comments from inside it that the canonical layout puts above the
/// key. The returned value has no decor of its own.
pub fn value(
    key: &str,
    value: &FieldValue,
    like: Option<&Value>,
    eol: LineEnding,
) -> (Value, Vec<String>) {
    let raw = raw(value, like);
    let written = canonical::value_text(key, &raw, eol);
    // The canonical text is TOML by construction; should it ever not parse,
    // the plain value still holds the same data.
    let mut laid_out = written.text.parse::<Value>().unwrap_or(raw);
    laid_out.decor_mut().clear();
    (laid_out, written.above)
}

/// Metrics are numbers; whole numbers are written without a fraction.
pub fn number(value: f64) -> Value {
    if value.fract() == 0.0 && value.abs() < 9.0e15 {
        Value::from(value as i64)
    } else {
        Value::from(value)
    }
}

/// A TOML value for a field, before layout. With `like`, elements and
/// metrics that stay keep their decor, which is where their comments are.
fn raw(value: &FieldValue, like: Option<&Value>) -> Value {
    match value {
        FieldValue::Text(s) => Value::from(s.as_str()),
        FieldValue::Integer(i) => Value::from(*i),
        FieldValue::Bool(b) => Value::from(*b),
        FieldValue::Date(d) => Value::from(toml_edit::Datetime {
            date: Some(toml_edit::Date {
                year: d.year,
                month: d.month,
                day: d.day,
            }),
            time: None,
            offset: None,
        }),
        FieldValue::TextList(items) => {
            Value::Array(text_array(items, like.and_then(Value::as_array)))
        }
        FieldValue::Metrics(metrics) => {
            let old = like.and_then(Value::as_inline_table);
            let mut table = InlineTable::new();
            for m in metrics {
                let mut v = metric(m);
                let kept = old.and_then(|t| Some((t.key(&m.name)?, t.get(&m.name)?)));
                match kept {
                    Some((key, kept)) => {
                        *v.decor_mut() = kept.decor().clone();
                        table.insert_formatted(key, v);
                    }
                    None => {
                        table.insert(m.name.as_str(), v);
                    }
                }
            }
            if let Some(old) = old {
                table.set_trailing(old.trailing().clone());
            }
            Value::InlineTable(table)
        }
        FieldValue::Number(n) => number(*n),
        FieldValue::Scale(s) => scale(*s),
        FieldValue::Target(t) => {
            let mut table = InlineTable::new();
            table.insert("metric", Value::from(t.metric.as_str()));
            table.insert("value", number(t.value));
            Value::InlineTable(table)
        }
        FieldValue::Economics(e) => Value::InlineTable(economics(e)),
    }
}

fn scale(s: Scale) -> Value {
    let mut array = Array::new();
    array.push(number(s.min));
    array.push(number(s.max));
    Value::Array(array)
}

/// A metric value: a plain number, or a table when it carries details.
pub fn metric(m: &Metric) -> Value {
    let Some(detail) = &m.detail else {
        return number(m.value);
    };
    let mut table = InlineTable::new();
    table.insert("value", number(m.value));
    if let Some(n) = detail.n {
        table.insert("n", Value::from(i64::try_from(n).unwrap_or(i64::MAX)));
    }
    for (key, text) in [("period", &detail.period), ("source", &detail.source)] {
        if let Some(text) = text {
            table.insert(key, Value::from(text.as_str()));
        }
    }
    if let Some(s) = detail.scale {
        table.insert("scale", scale(s));
    }
    if let Some(q) = &detail.question {
        table.insert("question", Value::from(q.as_str()));
    }
    Value::InlineTable(table)
}

/// The `[economics]` keys in their canonical order.
pub fn economics(e: &Economics) -> InlineTable {
    let mut churn = InlineTable::new();
    churn.insert("critical", number(e.churn.critical));
    churn.insert("shortfall", number(e.churn.shortfall));
    let mut table = InlineTable::new();
    table.insert("currency", Value::from(e.currency.as_str()));
    table.insert("value_per_customer", number(e.value_per_customer));
    table.insert("churn", Value::InlineTable(churn));
    table
}

/// An array of strings; an element that was in `like` keeps its decor (the
/// comments around it), and the comments before `]` stay.
fn text_array(items: &[String], like: Option<&Array>) -> Array {
    let old: Vec<&Value> = like.map(|a| a.iter().collect()).unwrap_or_default();
    let mut used = vec![false; old.len()];
    let mut array = Array::new();
    for item in items {
        let kept = old
            .iter()
            .enumerate()
            .position(|(i, v)| !used[i] && v.as_str() == Some(item.as_str()));
        let value = match kept {
            Some(i) => {
                used[i] = true;
                old[i].clone()
            }
            None => Value::from(item.as_str()),
        };
        array.push_formatted(value);
    }
    if let Some(like) = like {
        array.set_trailing(like.trailing().clone());
    }
    array
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(items: &[&str]) -> FieldValue {
        FieldValue::TextList(items.iter().map(|s| (*s).to_owned()).collect())
    }

    #[test]
    fn lists_are_laid_out_as_fmt_lays_them_out() {
        assert_eq!(
            text("evidence", &list(&["a", "b"]), LineEnding::Lf),
            "[\"a\", \"b\"]"
        );
        let long = "x".repeat(60);
        assert_eq!(
            text("evidence", &list(&[&long, &long]), LineEnding::Lf),
            format!("[\n  \"{long}\",\n  \"{long}\",\n]")
        );
    }

    #[test]
    fn comments_stay_with_the_elements_that_stay() {
        let like: Value = "[\n  # about a\n  \"a\",\n  # about b\n  \"b\",\n  # closing\n]"
            .parse()
            .expect("array");
        let (value, above) =
            super::value("evidence", &list(&["b", "c"]), Some(&like), LineEnding::Lf);
        assert!(above.is_empty());
        assert_eq!(
            value.to_string(),
            "[\n  # about b\n  \"b\",\n  \"c\",\n  # closing\n]"
        );
    }

    #[test]
    fn strings_follow_the_file_line_endings() {
        let notes = FieldValue::Text("one\r\ntwo".into());
        assert_eq!(
            text("notes", &notes, LineEnding::CrLf),
            "\"\"\"one\r\ntwo\"\"\""
        );
        let lf = FieldValue::Text("one\ntwo".into());
        assert_eq!(text("notes", &lf, LineEnding::CrLf), "\"one\\ntwo\"");
        assert_eq!(text("notes", &lf, LineEnding::Lf), "\"\"\"one\ntwo\"\"\"");
    }
}
