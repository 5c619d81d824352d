//! What the detail of a touchpoint says about its measures: each metric
//! value against its target (met or missed, and by how much, with `n` and
//! the period), and its value at stake with the formula and assumptions it
//! rests on.

use ratatui::text::{Line, Span};

use super::super::theme::Theme;
use crate::analysis::economics::{at_stake, churn, money};
use crate::analysis::metrics::standings;
use crate::model::{GapClass, Journey, Touchpoint, number};
use crate::text::inert;

pub fn lines<'a>(journey: &Journey, t: &Touchpoint, theme: &Theme) -> Vec<Line<'a>> {
    let mut out = Vec::new();
    // Values without a target read as one line, as numbers always did.
    let mut plain: Vec<String> = Vec::new();
    for s in standings(journey, &t.metrics) {
        let detail = s.metric.detail.as_ref();
        let mut about: Vec<String> = Vec::new();
        if let Some(n) = detail.and_then(|d| d.n) {
            about.push(format!("n {n}"));
        }
        if let Some(period) = detail.and_then(|d| d.period.as_deref()) {
            about.push(inert(period));
        }
        let about = if about.is_empty() {
            String::new()
        } else {
            format!(" ({})", about.join(", "))
        };
        let unit = s
            .def
            .and_then(|d| d.unit.as_deref())
            .map_or(String::new(), |u| format!(" {}", inert(u)));
        let value = format!(
            "{} {}{unit}{about}",
            inert(&s.metric.name),
            number(s.metric.value)
        );
        let Some(target) = s.target else {
            plain.push(value);
            continue;
        };
        let class = if s.met() == Some(true) {
            GapClass::Met
        } else {
            GapClass::Shortfall
        };
        out.push(Line::from(vec![
            Span::styled("Metric: ", theme.heading()),
            Span::raw(format!("{value}  target {}: ", number(target))),
            Span::styled(s.verdict(), theme.class(class)),
        ]));
    }
    if !plain.is_empty() {
        out.push(Line::from(vec![
            Span::styled("Metrics: ", theme.heading()),
            Span::raw(plain.join(", ")),
        ]));
    }
    if let Some(e) = &journey.economics
        && let (Some(value), Some(volume)) = (at_stake(e, t), t.volume)
    {
        out.push(Line::from(vec![
            Span::styled("At stake: ", theme.heading()),
            Span::raw(format!(
                "{} = volume {volume} x churn {} ({}) x {} per customer",
                money(&e.currency, value),
                number(churn(e, t.gap_class())),
                t.gap_class().name(),
                money(&e.currency, e.value_per_customer)
            )),
        ]));
    }
    out
}
