//! Survey responses into figures: the mean of the answers (CSAT, CES), the
//! top-2-box share, or the Net Promoter Score from 0-10 answers, each with
//! the number of responses it is made of.

use crate::model::{Better, MetricDef, MetricKind, Scale};

/// How a touchpoint's answers become one value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Aggregate {
    /// The mean of the answers.
    Mean,
    /// The share (0..1) of answers in the two best points of the scale.
    TopTwoBox,
    /// % promoters (9-10) - % detractors (0-6), in points -100..100.
    Nps,
}

impl Aggregate {
    /// NPS for an nps metric, the top-2-box share when asked, else the mean.
    pub fn for_metric(def: Option<&MetricDef>, top_two_box: bool) -> Self {
        match def.and_then(|d| d.kind) {
            Some(MetricKind::Nps) => Aggregate::Nps,
            _ if top_two_box => Aggregate::TopTwoBox,
            _ => Aggregate::Mean,
        }
    }

    /// The scale answers must lie in: 0-10 for NPS, else `given`.
    pub fn answers(self, given: Option<Scale>) -> Option<Scale> {
        match self {
            Aggregate::Nps => Some(Scale {
                min: 0.0,
                max: 10.0,
            }),
            _ => given,
        }
    }
}

/// The answers of one touchpoint as they are read.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Tally {
    pub n: u64,
    pub sum: f64,
    /// Answers in the two best points (top-2-box).
    pub top: u64,
    pub promoters: u64,
    pub detractors: u64,
}

impl Tally {
    /// Counts one answer (already checked to lie in `scale`).
    pub fn add(&mut self, score: f64, scale: Scale, better: Better) {
        self.n += 1;
        self.sum += score;
        let top = match better {
            Better::Higher => score >= scale.max - 1.0,
            Better::Lower => score <= scale.min + 1.0,
        };
        self.top += u64::from(top);
        self.promoters += u64::from(score >= 9.0);
        self.detractors += u64::from(score <= 6.0);
    }

    /// The value this tally gives, when it has any answer.
    pub fn value(&self, aggregate: Aggregate) -> Option<f64> {
        if self.n == 0 {
            return None;
        }
        let n = self.n as f64;
        let value = match aggregate {
            Aggregate::Mean => self.sum / n,
            Aggregate::TopTwoBox => self.top as f64 / n,
            Aggregate::Nps => (self.promoters as f64 - self.detractors as f64) * 100.0 / n,
        };
        // Two decimals are what a survey of this size can tell.
        Some((value * 100.0).round() / 100.0)
    }
}

/// Why one answer cannot be counted.
pub fn refuse(score: f64, aggregate: Aggregate, scale: Scale) -> Option<String> {
    if !scale.contains(score) {
        return Some(format!("score {score} is outside the scale {scale}"));
    }
    (aggregate == Aggregate::Nps && score.fract() != 0.0)
        .then(|| format!("score {score} is not a whole number 0-10"))
}

#[cfg(test)]
mod tests {
    use super::*;

    const FIVE: Scale = Scale { min: 1.0, max: 5.0 };
    const TEN: Scale = Scale {
        min: 0.0,
        max: 10.0,
    };

    #[test]
    fn mean_top_two_box_and_nps() {
        let mut t = Tally::default();
        for s in [5.0, 4.0, 2.0] {
            t.add(s, FIVE, Better::Higher);
        }
        assert_eq!(t.value(Aggregate::Mean), Some(3.67));
        assert_eq!(t.value(Aggregate::TopTwoBox), Some(0.67));
        let mut nps = Tally::default();
        // 2 promoters, 1 passive, 1 detractor of 4: 50% - 25% = 25 points.
        for s in [10.0, 9.0, 8.0, 3.0] {
            nps.add(s, TEN, Better::Higher);
        }
        assert_eq!(nps.value(Aggregate::Nps), Some(25.0));
        assert_eq!(Tally::default().value(Aggregate::Mean), None);
        assert!(refuse(7.5, Aggregate::Nps, TEN).is_some());
        assert!(refuse(11.0, Aggregate::Nps, TEN).is_some());
        assert_eq!(refuse(7.0, Aggregate::Nps, TEN), None);
    }
}
