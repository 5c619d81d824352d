//! Scores, emotion and gaps: value types that cannot hold values outside their range.

use std::fmt;

/// A value was outside the range its type allows.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{value} is out of range {min}..{max}")]
pub struct RangeError {
    pub value: i64,
    pub min: i64,
    pub max: i64,
}

/// A score 1 (very poor) to 5 (excellent).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Score(u8);

impl Score {
    pub const MIN: i64 = 1;
    pub const MAX: i64 = 5;

    pub fn new(value: i64) -> Result<Self, RangeError> {
        if (Self::MIN..=Self::MAX).contains(&value) {
            Ok(Self(value as u8))
        } else {
            Err(RangeError {
                value,
                min: Self::MIN,
                max: Self::MAX,
            })
        }
    }

    pub fn get(self) -> u8 {
        self.0
    }
}

impl fmt::Display for Score {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// How the customer felt, -2 (very bad) to +2 (delighted).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Emotion(i8);

impl Emotion {
    pub const MIN: i64 = -2;
    pub const MAX: i64 = 2;

    pub fn new(value: i64) -> Result<Self, RangeError> {
        if (Self::MIN..=Self::MAX).contains(&value) {
            Ok(Self(value as i8))
        } else {
            Err(RangeError {
                value,
                min: Self::MIN,
                max: Self::MAX,
            })
        }
    }

    pub fn get(self) -> i8 {
        self.0
    }
}

impl fmt::Display for Emotion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0 > 0 {
            write!(f, "+{}", self.0)
        } else {
            write!(f, "{}", self.0)
        }
    }
}

/// actual - expected, -4..=4.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Gap(i8);

impl Gap {
    pub fn between(expected: Score, actual: Score) -> Self {
        Self(actual.get() as i8 - expected.get() as i8)
    }

    pub fn get(self) -> i8 {
        self.0
    }

    pub fn class(self) -> GapClass {
        GapClass::of(self.0)
    }
}

impl fmt::Display for Gap {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0 > 0 {
            write!(f, "+{}", self.0)
        } else {
            write!(f, "{}", self.0)
        }
    }
}

/// The class of a gap, worst first so that `Ord` ranks badness.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum GapClass {
    /// gap <= -2
    Critical,
    /// gap == -1
    Shortfall,
    /// gap == 0
    Met,
    /// gap > 0
    Exceeded,
    /// either score missing
    Unscored,
}

impl GapClass {
    pub const ALL: [GapClass; 5] = [
        GapClass::Critical,
        GapClass::Shortfall,
        GapClass::Met,
        GapClass::Exceeded,
        GapClass::Unscored,
    ];

    /// The class of a gap value: critical <= -2, shortfall -1, met 0,
    /// exceeded > 0.
    pub fn of(gap: i8) -> Self {
        match gap {
            i8::MIN..=-2 => GapClass::Critical,
            -1 => GapClass::Shortfall,
            0 => GapClass::Met,
            _ => GapClass::Exceeded,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            GapClass::Critical => "critical",
            GapClass::Shortfall => "shortfall",
            GapClass::Met => "met",
            GapClass::Exceeded => "exceeded",
            GapClass::Unscored => "unscored",
        }
    }

    /// The symbol drawn beside a gap so it reads without colour.
    pub fn symbol(self, ascii: bool) -> &'static str {
        match (self, ascii) {
            (GapClass::Critical, false) => "▼▼",
            (GapClass::Shortfall, false) => "▼",
            (GapClass::Exceeded, false) => "▲",
            (GapClass::Critical, true) => "vv",
            (GapClass::Shortfall, true) => "v",
            (GapClass::Exceeded, true) => "^",
            (GapClass::Met, _) => "=",
            (GapClass::Unscored, _) => "?",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn score_rejects_zero_and_six() {
        assert!(Score::new(0).is_err());
        assert!(Score::new(6).is_err());
        assert_eq!(Score::new(5).map(Score::get), Ok(5));
        assert!(Emotion::new(3).is_err());
        assert!(Emotion::new(-3).is_err());
        assert_eq!(Emotion::new(-2).map(Emotion::get), Ok(-2));
    }

    #[test]
    fn gap_classes() -> Result<(), RangeError> {
        let gap = |e, a| Ok::<_, RangeError>(Gap::between(Score::new(e)?, Score::new(a)?));
        assert_eq!(gap(5, 1)?.get(), -4);
        assert_eq!(gap(5, 1)?.class(), GapClass::Critical);
        assert_eq!(gap(4, 2)?.class(), GapClass::Critical);
        assert_eq!(gap(4, 3)?.class(), GapClass::Shortfall);
        assert_eq!(gap(3, 3)?.class(), GapClass::Met);
        assert_eq!(gap(1, 5)?.class(), GapClass::Exceeded);
        assert_eq!(gap(1, 5)?.to_string(), "+4");
        Ok(())
    }
}
