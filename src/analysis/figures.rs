//! The vocabulary of figures, said once: each figure's name, the column
//! header and JSON key it goes by, its formula and what it means. Every
//! view, report, diff and check message uses these words for these
//! numbers, the help screen prints these formulas, and docs/figures.md is
//! written from this table (a test keeps the two in step).

/// One figure corridor computes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Figure {
    /// The JSON key and CSV column: `experience_debt`.
    pub key: &'static str,
    /// The column header in tables: `Debt`.
    pub label: &'static str,
    /// The name in sentences and help: `Experience debt`.
    pub name: &'static str,
    /// How it is computed.
    pub formula: &'static str,
    /// What it tells a reader.
    pub meaning: &'static str,
    /// Where it shows.
    pub shows: &'static str,
}

/// A partner lags when its mean gap is this much or more below the rest of
/// the network's.
pub const LAG_THRESHOLD: f64 = 0.5;

/// A channel is uneven when the spread of its gaps reaches this.
pub const UNEVEN_SPREAD: f64 = 1.0;

pub const GAP: Figure = Figure {
    key: "gap",
    label: "Gap",
    name: "Gap",
    formula: "actual - expected (-4..+4); none while either score is missing",
    meaning: "how far the experience fell short of (negative) or beat (positive) what the customer expected",
    shows: "every view, show, every report, diff",
};

pub const CLASS: Figure = Figure {
    key: "class",
    label: "Class",
    name: "Class",
    formula: "critical: gap <= -2; shortfall: gap = -1; met: gap = 0; exceeded: gap > 0; unscored: a score missing",
    meaning: "the gap in a word, drawn as ▼▼ ▼ = ▲ ? (vv v = ^ ? in ASCII) so it reads without colour",
    shows: "Corridor, Gaps, show, every report, diff",
};

pub const BELOW: Figure = Figure {
    key: "below_expectation",
    label: "Below",
    name: "Below expectation",
    formula: "touchpoints with gap <= -1 (critical + shortfall)",
    meaning: "how many touchpoints disappoint customers; one is never outweighed by a delight elsewhere",
    shows: "Owners, Journeys, show, every report, diff",
};

pub const CRITICAL: Figure = Figure {
    key: "critical",
    label: "Crit",
    name: "Critical",
    formula: "touchpoints with gap <= -2",
    meaning: "the disappointments that lose customers",
    shows: "Owners, Journeys, show, every report, diff, check",
};

pub const SHORTFALL: Figure = Figure {
    key: "shortfall",
    label: "Short",
    name: "Shortfall",
    formula: "touchpoints with gap = -1",
    meaning: "the milder disappointments: below expectation but not critical",
    shows: "show, every report, diff",
};

pub const SEVERITY: Figure = Figure {
    key: "severity",
    label: "Sev",
    name: "Severity",
    formula: "max(0, -gap) x 2 at a moment of truth (★), else x 1; ties: lower emotion, then corridor order",
    meaning: "the order the Gaps view and reports rank touchpoints in",
    shows: "Gaps, show, every report",
};

pub const DEBT: Figure = Figure {
    key: "experience_debt",
    label: "Debt",
    name: "Experience debt",
    formula: "sum of the negative gaps (each gap below 0 counts, gaps above 0 cancel nothing); along the corridor, the running sum",
    meaning: "the disappointment a customer carries: it only grows, because a customer remembers every shortfall and a delight elsewhere does not cancel one",
    shows: "Curve, Owners, Journeys, show, every report, diff",
};

pub const MEAN_GAP: Figure = Figure {
    key: "mean_gap",
    label: "Mean",
    name: "Mean gap",
    formula: "mean of the gaps of scored touchpoints",
    meaning: "the average; delights offset disappointments here, so it is never the headline",
    shows: "Owners, show, every report, diff",
};

pub const WORST_GAP: Figure = Figure {
    key: "worst_gap",
    label: "Worst",
    name: "Worst gap",
    formula: "the lowest gap among scored touchpoints",
    meaning: "the deepest disappointment in the group",
    shows: "Owners heatmap cells, show, every report",
};

pub const TOUCHPOINTS: Figure = Figure {
    key: "touchpoints",
    label: "Owned",
    name: "Touchpoints",
    formula: "touchpoints in the group (owned by the department, delivered by the partner, on the channel)",
    meaning: "how much of the corridor the group answers for",
    shows: "Owners, show, every report",
};

pub const SCORED: Figure = Figure {
    key: "scored",
    label: "Scored",
    name: "Scored",
    formula: "touchpoints with both expected and actual",
    meaning: "how much of the group has been measured",
    shows: "show, every report",
};

pub const OPEN_ACTIONS: Figure = Figure {
    key: "open_actions",
    label: "Open",
    name: "Open actions",
    formula: "actions with status open or doing (an action without an owner counts for its touchpoint's owner)",
    meaning: "work still to do",
    shows: "Owners, Actions, Journeys, show, every report, diff",
};

pub const OVERDUE: Figure = Figure {
    key: "overdue",
    label: "Late",
    name: "Overdue",
    formula: "open or doing actions whose due date is before today (today: the clock, or CORRIDOR_TODAY)",
    meaning: "promises already broken; the rest read `due in N days`",
    shows: "Actions, Owners, show, every report, check",
};

pub const UNADDRESSED: Figure = Figure {
    key: "unaddressed",
    label: "Nobody",
    name: "Gaps nobody works on",
    formula: "touchpoints below expectation with no open or doing action (none at all, or every action done)",
    meaning: "disappointments no one is fixing; those whose actions are all done need measuring again or reopening",
    shows: "Actions, show, every report, check",
};

pub const VERSUS_REST: Figure = Figure {
    key: "versus_rest",
    label: "Diff",
    name: "Partner against the rest",
    formula: "the partner's mean gap - the mean gap of every scored touchpoint it does not deliver; it lags when <= -0.5",
    meaning: "whether a partner delivers worse than the company's own network",
    shows: "Owners, show, every report",
};

pub const SPREAD: Figure = Figure {
    key: "spread",
    label: "Spread",
    name: "Channel spread",
    formula: "population standard deviation of a channel's gaps; uneven when >= 1.0",
    meaning: "whether a channel lands the same way at every touchpoint",
    shows: "Owners, every report",
};

pub const VS_TARGET: Figure = Figure {
    key: "vs_target",
    label: "Vs target",
    name: "Against target",
    formula: "value - target when the metric's `better` is higher (the default; lower for ces and duration), target - value when lower; met when 0 or more, else missed by that much",
    meaning: "whether a touchpoint's measured value reaches the target its [[metrics]] definition sets",
    shows: "Corridor detail, Trend, md, html and json reports, history",
};

pub const VALUE_AT_STAKE: Figure = Figure {
    key: "value_at_stake",
    label: "At stake",
    name: "Value at stake",
    formula: "volume x churn share of the touchpoint's class (economics.churn.critical for a critical gap, .shortfall for a shortfall, 0 otherwise) x economics.value_per_customer; summed per department, partner and journey; only with [economics], and only touchpoints with a volume count",
    meaning: "the revenue the customers lost after a disappointing touchpoint are worth, under the journey's own stated assumptions (shown next to every figure)",
    shows: "Corridor detail, md, html and json reports (with the assumptions next to every figure), csv report",
};

pub const SURVEY_VALUE: Figure = Figure {
    key: "survey_value",
    label: "Survey",
    name: "Survey aggregate",
    formula: "import responses: the mean of the answers; with --top-2-box the share of answers in the two best points of the scale; for an nps metric % promoters (9-10) - % detractors (0-6) of 0-10 answers, in points -100..100; n = responses counted; two decimals",
    meaning: "what one touchpoint's survey responses say, as one value with the count it rests on",
    shows: "touchpoint metrics (value and n), every surface that shows metrics",
};

pub const CLOSED_AFTER_ACTION: Figure = Figure {
    key: "closed_after_action",
    label: "Closed",
    name: "Closed after action",
    formula: "touchpoints below expectation when an action on them turned done whose gap is 0 or more in the latest commit read",
    meaning: "the gaps the work closed",
    shows: "history, Trend",
};

pub const NOT_MOVED: Figure = Figure {
    key: "not_moved",
    label: "Unmoved",
    name: "Not moved after action",
    formula: "touchpoints below expectation when an action on them turned done whose gap is the same or worse in the latest commit read",
    meaning: "work that was done but did not change the customer's experience: measure again, or rethink the action",
    shows: "history, Trend",
};

pub const BEHIND: Figure = Figure {
    key: "behind",
    label: "Behind",
    name: "Supported from behind",
    formula: "touchpoints where the department (or partner) owns a backstage or support step, each counted once; their experience debt, below expectation and critical are counted as for the touchpoints it faces (owns or delivers)",
    meaning: "the gaps a group shares from behind the line of visibility: a department that faces no customer can still sit behind critical gaps",
    shows: "Owners, Blueprint, show, every report",
};

pub const CHANGE: Figure = Figure {
    key: "change",
    label: "Change",
    name: "Change in gap",
    formula: "gap in the second journey - gap in the first, for a touchpoint (matched by id) scored in both",
    meaning: "how far the second journey (the future state, or another persona) closes (above 0) or opens (below 0) each gap",
    shows: "compare, the compare screen",
};

/// Every figure, in the order docs/figures.md and the help list them.
pub const ALL: [&Figure; 23] = [
    &GAP,
    &CLASS,
    &BELOW,
    &CRITICAL,
    &SHORTFALL,
    &SEVERITY,
    &DEBT,
    &MEAN_GAP,
    &WORST_GAP,
    &TOUCHPOINTS,
    &SCORED,
    &OPEN_ACTIONS,
    &OVERDUE,
    &UNADDRESSED,
    &VERSUS_REST,
    &SPREAD,
    &VS_TARGET,
    &VALUE_AT_STAKE,
    &SURVEY_VALUE,
    &CLOSED_AFTER_ACTION,
    &NOT_MOVED,
    &BEHIND,
    &CHANGE,
];

/// A group's figures as tables give them, pain first: experience debt,
/// below expectation, critical; then size, the mean and the worst gap.
pub const GROUP: [&Figure; 7] = [
    &DEBT,
    &BELOW,
    &CRITICAL,
    &TOUCHPOINTS,
    &SCORED,
    &MEAN_GAP,
    &WORST_GAP,
];

/// A mean gap with a sign and two decimals, or `-` when nothing is scored.
pub fn mean_text(mean: Option<f64>) -> String {
    mean.map_or_else(|| "-".to_owned(), |m| format!("{m:+.2}"))
}

/// docs/figures.md, written from the table.
pub fn markdown() -> String {
    let mut out = String::from(
        "# Figures\n\n\
         Every number corridor shows, with the name, column header and JSON key it goes by \
         in every view, report and diff. This page is written from `src/analysis/figures.rs`; \
         a test fails when the two disagree.\n\n\
         Group figures (departments, partners, channels) lead with pain: experience debt, \
         touchpoints below expectation and critical ones. Departments and partners are \
         listed most indebted first. The mean gap is given too, but a group with any \
         touchpoint below expectation is never shown as neutral.\n",
    );
    for f in ALL {
        out.push_str(&format!(
            "\n## {}\n\n- Column: `{}`; JSON key and CSV column: `{}`\n- Formula: {}\n- Meaning: {}\n- Shows in: {}\n",
            f.name, f.label, f.key, f.formula, f.meaning, f.shows
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_and_labels_are_unique() {
        let mut keys: Vec<&str> = ALL.iter().map(|f| f.key).collect();
        let mut labels: Vec<&str> = ALL.iter().map(|f| f.label).collect();
        keys.sort_unstable();
        keys.dedup();
        labels.sort_unstable();
        labels.dedup();
        assert_eq!(keys.len(), ALL.len());
        assert_eq!(labels.len(), ALL.len());
    }

    #[test]
    fn docs_are_written_from_the_table() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/figures.md");
        if std::env::var_os("CORRIDOR_WRITE_DOCS").is_some() {
            std::fs::write(path, markdown()).expect("write docs/figures.md");
        }
        let docs = std::fs::read_to_string(path).unwrap_or_default();
        assert_eq!(
            docs,
            markdown(),
            "docs/figures.md is out of date: run with CORRIDOR_WRITE_DOCS=1"
        );
    }
}
