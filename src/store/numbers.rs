//! Numbers the TOML reader leaves unchecked. `DeTable` keeps integers and
//! floats as text until something reads them, so one under a key corridor
//! never reads (an unknown key, kept on save) passed `check` while the
//! editing parser behind every save and `fmt` refuses the file. Each is
//! checked here by the editing parser's rules: integers fit in 64 bits,
//! floats are finite unless written `inf`.

use toml::Spanned;
use toml::de::{DeFloat, DeInteger, DeTable, DeValue};

use crate::model::{Finding, Locus};

/// An error for every integer or float in `root` that the editing parser
/// would refuse, in file order.
pub(super) fn check(root: &DeTable<'_>) -> Vec<Finding> {
    let mut findings = Vec::new();
    let mut pending: Vec<&Spanned<DeValue<'_>>> = root.values().collect();
    while let Some(value) = pending.pop() {
        let problem = match value.get_ref() {
            DeValue::Integer(i) => integer(i),
            DeValue::Float(f) => float(f),
            DeValue::Array(items) => {
                pending.extend(items);
                None
            }
            DeValue::Table(table) => {
                pending.extend(table.values());
                None
            }
            _ => None,
        };
        if let Some(problem) = problem {
            let message = format!("invalid TOML: {problem}");
            findings.push(Finding::error(Locus::Span(value.span()), message));
        }
    }
    findings.sort_by_key(|f| match &f.locus {
        Locus::Span(span) => span.start,
        _ => 0,
    });
    findings
}

fn integer(i: &DeInteger<'_>) -> Option<&'static str> {
    if i64::from_str_radix(i.as_str(), i.radix()).is_ok() {
        return None;
    }
    let digits = i.as_str().trim_start_matches(['+', '-']);
    Some(if digits.chars().all(|c| c.is_digit(i.radix())) {
        "integer number overflowed"
    } else {
        "invalid integer"
    })
}

fn float(f: &DeFloat<'_>) -> Option<&'static str> {
    match f.as_str().parse::<f64>() {
        Err(_) => Some("invalid floating-point number"),
        Ok(v) if v.is_infinite() && !f.as_str().ends_with("inf") => {
            Some("floating-point number overflowed")
        }
        Ok(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::super::parse_journey;

    fn messages(text: &str) -> Vec<String> {
        parse_journey(text)
            .findings
            .into_iter()
            .map(|f| f.message)
            .collect()
    }

    #[test]
    fn numbers_under_unknown_keys_are_checked() {
        let head = "schema = 1\ntitle = \"T\"\n";
        for (value, problem) in [
            ("99999999999999999999", "integer number overflowed"),
            ("-9223372036854775809", "integer number overflowed"),
            ("{ n = 1_a }", "invalid integer"),
            ("[1, [1e400]]", "floating-point number overflowed"),
        ] {
            let text = format!("{head}extra = {value}\n");
            let parsed = parse_journey(&text);
            assert!(parsed.journey.is_none(), "{value} read as a journey");
            let found = messages(&text);
            assert!(
                found.iter().any(|m| m.contains(problem)),
                "{value}: {found:?}"
            );
        }
        for fine in ["9223372036854775807", "-inf", "nan", "0xff", "1e300"] {
            let text = format!("{head}extra = {fine}\n");
            assert!(parse_journey(&text).journey.is_some(), "{fine} refused");
        }
    }
}
