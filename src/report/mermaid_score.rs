//! The scores of a Mermaid journey: the number Mermaid makes of a task's
//! score text (JavaScript's `Number()`, which gives NaN for anything but a
//! number), and the scale that maps it onto corridor's 1-5.

use std::fmt;
use std::str::FromStr;

use crate::model::Score;

/// The scale a diagram's scores are written on, `MIN..MAX`, mapped onto
/// 1..5: a score `s` becomes `1 + (s - MIN) x 4 / (MAX - MIN)`, rounded half
/// up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scale {
    min: u32,
    max: u32,
}

impl Scale {
    /// A scale from `min` to `max`; `max` must be above `min`.
    pub fn new(min: u32, max: u32) -> Result<Self, String> {
        if max <= min {
            return Err(format!(
                "the scale {min}-{max} is empty: MAX must be above MIN (such as 5, 10, 0-5 or 0-10)"
            ));
        }
        Ok(Self { min, max })
    }

    /// `value` on this scale as a score 1..5, or why it is not on it.
    pub fn map(self, value: f64) -> Result<Score, String> {
        let (min, max) = (f64::from(self.min), f64::from(self.max));
        if !(min..=max).contains(&value) {
            return Err(format!("is outside the scale {self}"));
        }
        let mapped = 1.0 + (value - min) * 4.0 / (max - min);
        // `round` takes halves away from zero: up, as every value is >= 1.
        Score::new(mapped.round() as i64).map_err(|e| e.to_string())
    }
}

impl fmt::Display for Scale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}", self.min, self.max)
    }
}

impl FromStr for Scale {
    type Err = String;

    /// `MAX` (the scale 1-MAX) or `MIN-MAX`, whole numbers from 0.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let number = |t: &str| {
            t.trim()
                .parse::<u32>()
                .map_err(|_| format!("`{text}` is not MAX or MIN-MAX (such as 5, 10, 0-5 or 0-10)"))
        };
        match text.split_once('-') {
            Some((min, max)) => Self::new(number(min)?, number(max)?),
            None => Self::new(1, number(text)?),
        }
    }
}

/// JavaScript's white space and line terminators, which `Number()` trims.
fn js_space(c: char) -> bool {
    (c.is_whitespace() && c != '\u{85}') || c == '\u{FEFF}'
}

/// Whether `text` is a decimal literal as JavaScript reads one: digits
/// with an optional fraction (`5`, `5.`, `.5`, `5.25`) and exponent
/// (`1e3`, `2.5E-1`), without sign, separators or `inf`/`nan`.
fn decimal_literal(text: &str) -> bool {
    let bytes = text.as_bytes();
    let digits = |mut i: usize| {
        let start = i;
        while bytes.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        (i, i - start)
    };
    let (mut i, whole) = digits(0);
    let mut fraction = 0;
    if bytes.get(i) == Some(&b'.') {
        (i, fraction) = digits(i + 1);
    }
    if whole + fraction == 0 {
        return false;
    }
    if matches!(bytes.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(bytes.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        let (end, exponent) = digits(i);
        if exponent == 0 {
            return false;
        }
        i = end;
    }
    i == bytes.len()
}

/// What JavaScript's `Number(text)` gives, `None` for NaN: trimmed, empty
/// is 0, `0x`/`0o`/`0b` integers, decimal literals with an optional sign,
/// and `Infinity`.
pub fn js_number(text: &str) -> Option<f64> {
    let t = text.trim_matches(js_space);
    if t.is_empty() {
        return Some(0.0);
    }
    for (prefix, radix) in [("0x", 16), ("0o", 8), ("0b", 2)] {
        let lower = t.get(..2).map(str::to_ascii_lowercase);
        if lower.as_deref() == Some(prefix) {
            let digits = &t[2..];
            if digits.is_empty() || !digits.chars().all(|c| c.is_digit(radix)) {
                return None;
            }
            let value = digits
                .chars()
                .filter_map(|c| c.to_digit(radix))
                .fold(0.0, |acc, d| acc * f64::from(radix) + f64::from(d));
            return Some(value);
        }
    }
    let unsigned = t.strip_prefix(['+', '-']).unwrap_or(t);
    let negative = t.starts_with('-');
    if unsigned == "Infinity" {
        return Some(if negative {
            f64::NEG_INFINITY
        } else {
            f64::INFINITY
        });
    }
    if !decimal_literal(unsigned) {
        return None;
    }
    t.parse::<f64>().ok()
}

/// What a task's score text gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    Score(Score),
    /// Nothing written (`Task: : Ann`): no score.
    Blank,
    /// Not a number (`N/A`, `TBD`): Mermaid reads NaN and draws no score.
    NotANumber,
}

/// Reads a task's score text on `scale`, or on 1-5 in whole numbers
/// without one; a number off the scale is an error.
pub fn read_score(text: &str, scale: Option<Scale>) -> Result<Reading, String> {
    let shown = text.trim();
    if shown.is_empty() {
        return Ok(Reading::Blank);
    }
    let Some(value) = js_number(text) else {
        return Ok(Reading::NotANumber);
    };
    let score = match scale {
        Some(scale) => scale.map(value),
        None if !(1.0..=5.0).contains(&value) => Err(
            "is outside 1-5; give the diagram's scale with --scale MAX (1 to MAX) \
             or --scale MIN-MAX (such as 0-5 or 0-10)"
                .to_owned(),
        ),
        None if value.fract() != 0.0 => {
            Err("is not a whole number; use --scale 5 to round scores 1..5".to_owned())
        }
        None => Score::new(value as i64).map_err(|e| e.to_string()),
    };
    score
        .map(Reading::Score)
        .map_err(|why| format!("score {shown} {why}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_as_javascript_reads_them() {
        for (text, value) in [
            (" 4 ", Some(4.0)),
            ("", Some(0.0)),
            ("\u{FEFF}3\u{A0}", Some(3.0)),
            ("0x1A", Some(26.0)),
            ("0B101", Some(5.0)),
            ("0o17", Some(15.0)),
            ("+2", Some(2.0)),
            ("-1", Some(-1.0)),
            ("2.", Some(2.0)),
            (".5", Some(0.5)),
            ("1e1", Some(10.0)),
            ("25E-1", Some(2.5)),
            ("-Infinity", Some(f64::NEG_INFINITY)),
            ("N/A", None),
            ("Score N/A/5", None),
            ("User", None),
            ("inf", None),
            ("NaN", None),
            ("infinity", None),
            ("1_000", None),
            ("0x", None),
            ("-0x3", None),
            ("1e", None),
            (".", None),
            ("3 4", None),
            ("\u{85}3", None),
        ] {
            assert_eq!(js_number(text), value, "{text:?}");
        }
    }

    #[test]
    fn scales_map_onto_one_to_five_rounding_half_up() {
        let score = |n: u8| Score::new(i64::from(n)).expect("a score");
        let zero_five: Scale = "0-5".parse().expect("a scale");
        let mapped: Vec<Score> = (0..=5)
            .map(|s| zero_five.map(f64::from(s)).expect("on the scale"))
            .collect();
        // 1 + s x 4/5: 1, 1.8, 2.6, 3.4, 4.2, 5
        assert_eq!(mapped, [1, 2, 3, 3, 4, 5].map(score));
        let ten: Scale = "10".parse().expect("a scale");
        assert_eq!(ten, Scale::new(1, 10).expect("a scale"));
        // 1 + (s - 1) x 4/9: 4 -> 2.33, 6 -> 3.22, 9.5 -> 4.78
        assert_eq!(ten.map(4.0), Ok(score(2)));
        assert_eq!(ten.map(6.0), Ok(score(3)));
        assert_eq!(ten.map(9.5), Ok(score(5)));
        // 1 + s x 4/8 on 0-8: 1 -> 1.5 and 3 -> 2.5 round up.
        let eight: Scale = "0-8".parse().expect("a scale");
        assert_eq!(eight.map(1.0), Ok(score(2)));
        assert_eq!(eight.map(3.0), Ok(score(3)));
        assert!(ten.map(0.0).is_err());
        assert!(ten.map(f64::INFINITY).is_err());
        for bad in ["1", "5-5", "6-2", "x", "-5", "0-", "1.5"] {
            assert!(bad.parse::<Scale>().is_err(), "{bad}");
        }
    }

    #[test]
    fn readings() {
        let score = |n: u8| Reading::Score(Score::new(i64::from(n)).expect("a score"));
        assert_eq!(read_score(" 4 ", None), Ok(score(4)));
        assert_eq!(read_score(" ", None), Ok(Reading::Blank));
        assert_eq!(read_score("N/A", None), Ok(Reading::NotANumber));
        assert_eq!(read_score("0", "0-10".parse().ok()), Ok(score(1)));
        assert_eq!(read_score("10", "0-10".parse().ok()), Ok(score(5)));
        assert!(read_score("7", None).is_err_and(|e| e.starts_with("score 7 is outside 1-5")));
        assert!(read_score("0", None).is_err());
        assert!(read_score("4.5", None).is_err_and(|e| e.contains("whole")));
        assert!(read_score("Infinity", None).is_err());
        assert!(
            read_score("11", "10".parse().ok())
                .is_err_and(|e| e == "score 11 is outside the scale 1-10")
        );
    }
}
