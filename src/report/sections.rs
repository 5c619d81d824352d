//! The sections of a journey report as tables of raw text, shared by the
//! Markdown and HTML writers so both say the same thing.

use super::Context;
use super::cells::{
    GAP_CLASS_COLUMN, GAP_COLUMNS, WORST_COLUMN, cells, class_text, figures_cells, figures_columns,
    gap_cells, opt, partner_cells, partner_columns, table,
};
use super::lookup::Lookup;
use super::summary::{Summary, actions_by_owner, gap_text, score_text, summary};
use super::table::{Align, Table};
use crate::analysis::figures::{self, mean_text};
use crate::analysis::matrix::ownership_matrix;
use crate::analysis::{
    Due, Figures, department_figures, partner_figures, rank_gaps, severity, unaddressed_gaps,
    unowned_figures,
};
use crate::model::{GapClass, Journey};

const L: Align = Align::Left;
const R: Align = Align::Right;

pub const SEVERITY_NOTE: &str = "Severity = max(0, -gap) x 2 at a moment of truth (★), else x 1; \
ties go to the lower emotion, then to the earlier touchpoint.";

/// What the department and partner tables say about their figures.
pub const GROUP_NOTE: &str = "Experience debt = the sum of the negative gaps (a delight elsewhere \
cancels nothing); most indebted first. Below expectation = critical + shortfall.";

/// One titled table, with what to say when it is empty and a note after it.
#[derive(Debug, Clone)]
pub struct Section {
    pub title: &'static str,
    pub table: Table,
    pub empty: &'static str,
    pub note: Option<&'static str>,
}

fn section(title: &'static str, table: Table, empty: &'static str) -> Section {
    Section {
        title,
        table,
        empty,
        note: None,
    }
}

/// Every section of a journey's report, in order.
pub fn journey_sections(journey: &Journey, context: &Context) -> Vec<Section> {
    let lookup = Lookup::new(journey);
    let mut sections = vec![
        section(
            "Summary",
            summary_table(&summary(journey, context.today)),
            "",
        ),
        Section {
            note: Some("★ marks a moment of truth."),
            ..section("Corridor", corridor(journey, &lookup), "No touchpoints.")
        },
        Section {
            note: Some(SEVERITY_NOTE),
            ..section(
                "Gaps by severity",
                gaps(journey, &lookup),
                "No gaps below expectation.",
            )
        },
        Section {
            note: Some("Each cell: touchpoints owned at that stage (worst gap)."),
            ..section("Departments x stages", matrix(journey), "No stages.")
        },
        Section {
            note: Some(GROUP_NOTE),
            ..section(
                "Departments",
                departments(journey, &lookup),
                "No departments.",
            )
        },
        section(
            "Partners",
            partners(journey, &lookup),
            "No partners deliver touchpoints in this journey.",
        ),
        Section {
            note: Some("Due dates are measured against the day the report was made."),
            ..section(
                "Actions by owner",
                actions(journey, context),
                "No actions yet.",
            )
        },
        section(
            figures::UNADDRESSED.name,
            unaddressed(journey, &lookup),
            "Every gap below expectation has open work.",
        ),
    ];
    sections.extend(super::measure_sections::sections(journey));
    super::blueprint_sections::add(&mut sections, journey);
    sections
}

fn summary_table(s: &Summary) -> Table {
    let f = &s.figures;
    let mut table = Table::new(&[("Figure", L), ("Value", R)]);
    let rows: [(&str, String); 14] = [
        (figures::DEBT.name, f.debt.to_string()),
        (figures::BELOW.name, f.below_expectation().to_string()),
        (figures::CRITICAL.name, f.critical.to_string()),
        (figures::SHORTFALL.name, f.shortfall.to_string()),
        ("Met", f.met.to_string()),
        ("Exceeded", f.exceeded.to_string()),
        ("Unscored", f.unscored().to_string()),
        (figures::TOUCHPOINTS.name, f.count.to_string()),
        (figures::MEAN_GAP.name, mean_text(f.mean_gap)),
        ("Moments of truth", s.moments_of_truth.to_string()),
        (
            figures::OPEN_ACTIONS.name,
            format!("{} of {}", s.open_actions, s.actions),
        ),
        (figures::OVERDUE.name, s.overdue.to_string()),
        (figures::UNADDRESSED.name, s.unaddressed.to_string()),
        (
            "Done but still open: measure again",
            s.remeasure.to_string(),
        ),
    ];
    for (label, value) in rows {
        table.row(vec![label.to_owned(), value]);
    }
    table
}

fn corridor(journey: &Journey, lookup: &Lookup<'_>) -> Table {
    let mut table = Table::new(&[
        ("No.", R),
        ("Stage", L),
        ("Touchpoint", L),
        ("Channel", L),
        ("Owner", L),
        ("Partner", L),
        ("Expected", R),
        ("Actual", R),
        ("Gap", R),
        ("Class", L),
    ]);
    for (n, t) in journey.corridor().into_iter().enumerate() {
        let star = if t.moment_of_truth { "★ " } else { "" };
        table.row(vec![
            (n + 1).to_string(),
            lookup.stage_name(&t.stage).to_owned(),
            format!("{star}{}", t.name),
            opt(t.channel.as_deref()),
            opt(lookup.owner_name(t.owner.as_ref())),
            opt(lookup.partner_name(t.partner.as_ref())),
            score_text(t.expected),
            score_text(t.actual),
            gap_text(t),
            class_text(t.gap_class()),
        ]);
        table.tone(9, t.gap_class());
    }
    table
}

fn gaps(journey: &Journey, lookup: &Lookup<'_>) -> Table {
    let mut table = table(
        &[("Rank", R)],
        &GAP_COLUMNS,
        &[("Emotion", R), ("Actions", R)],
    );
    let ranked = rank_gaps(journey).into_iter().filter(|r| r.severity > 0);
    for (n, r) in ranked.enumerate() {
        let t = r.touchpoint;
        let mut row = cells(vec![(n + 1).to_string()], gap_cells(lookup, &r));
        row.push(t.emotion.map_or_else(String::new, |e| e.to_string()));
        row.push(lookup.actions(&t.id).to_string());
        table.row(row);
        table.tone(1 + GAP_CLASS_COLUMN, r.class);
    }
    table
}

/// `2 (-3)`: count and worst gap; `-` for an empty cell.
fn cell_text(f: &Figures) -> String {
    match (f.count, f.worst_gap) {
        (0, _) => "-".to_owned(),
        (n, Some(g)) => format!("{n} ({g})"),
        (n, None) => format!("{n} (?)"),
    }
}

fn matrix(journey: &Journey) -> Table {
    let matrix = ownership_matrix(journey);
    let mut columns: Vec<(&str, Align)> = vec![("Department", L)];
    columns.extend(matrix.stages.iter().map(|s| (s.name.as_str(), R)));
    columns.push(("Total", R));
    let mut table = Table::new(&columns);
    for row in &matrix.rows {
        let name = row.department.map_or("(unowned)", |d| d.name.as_str());
        let mut cells = vec![name.to_owned()];
        cells.extend(row.cells.iter().map(cell_text));
        cells.push(cell_text(&row.total));
        table.row(cells);
        for (c, cell) in row.cells.iter().chain([&row.total]).enumerate() {
            if let Some(gap) = cell.worst_gap {
                table.tone(c + 1, gap.class());
            }
        }
    }
    table
}

fn departments(journey: &Journey, lookup: &Lookup<'_>) -> Table {
    let mut table = table(
        &[("Department", L), ("Lead", L)],
        &figures_columns(),
        &[(figures::OPEN_ACTIONS.name, R)],
    );
    for d in department_figures(journey) {
        let lead = lookup.department(d.id).and_then(|d| d.lead.as_deref());
        let mut row = cells(
            vec![d.name.to_owned(), opt(lead)],
            figures_cells(&d.figures),
        );
        row.push(d.open_actions.to_string());
        table.row(row);
        tone_group(&mut table, &d.figures, 2);
    }
    let unowned = unowned_figures(journey);
    if unowned.count > 0 {
        table.row(cells(
            vec!["(unowned)".to_owned(), String::new()],
            figures_cells(&unowned),
        ));
        tone_group(&mut table, &unowned, 2);
    }
    table
}

/// Colours a group's name, debt and worst gap by the class it reads as,
/// so a group with any touchpoint below expectation never reads neutral.
fn tone_group(table: &mut Table, f: &Figures, first_figure: usize) {
    let class = f.class();
    if matches!(class, GapClass::Critical | GapClass::Shortfall) {
        table.tone(0, class);
        table.tone(first_figure, class);
    }
    if let Some(gap) = f.worst_gap {
        table.tone(first_figure + WORST_COLUMN, gap.class());
    }
}

fn partners(journey: &Journey, lookup: &Lookup<'_>) -> Table {
    let mut table = table(&[("Partner", L), ("Role", L)], &partner_columns(), &[]);
    for p in partner_figures(journey) {
        let role = lookup.partner(p.id).and_then(|p| p.role.as_deref());
        table.row(cells(
            vec![p.name.to_owned(), opt(role)],
            partner_cells(&p.figures, p.rest_mean_gap),
        ));
        tone_group(&mut table, &p.figures, 2);
    }
    table
}

fn actions(journey: &Journey, context: &Context) -> Table {
    let mut table = Table::new(&[
        ("Owner", L),
        ("Action", L),
        ("Status", L),
        ("Due", L),
        ("When", L),
        ("Closes gap at", L),
        ("Gap", R),
        ("Severity", R),
    ]);
    for group in actions_by_owner(journey) {
        for (action, touchpoint) in group.actions {
            let (name, gap, sev) = touchpoint.map_or_else(
                || (action.touchpoint.to_string(), String::new(), String::new()),
                |t| (t.name.clone(), gap_text(t), severity(t).to_string()),
            );
            let due = Due::of(action, context.today);
            table.row(vec![
                group.name.clone(),
                action.title.clone(),
                action.status.name().to_owned(),
                action.due.map_or_else(String::new, |d| d.to_string()),
                due.text(),
                name,
                gap,
                sev,
            ]);
            if due.is_overdue() {
                table.tone(4, GapClass::Critical);
            }
            if let Some(t) = touchpoint {
                table.tone(6, t.gap_class());
            }
        }
    }
    table
}

fn unaddressed(journey: &Journey, lookup: &Lookup<'_>) -> Table {
    let mut table = Table::new(&[
        ("Touchpoint", L),
        ("Owner", L),
        ("Gap", R),
        ("Severity", R),
        ("Why", L),
    ]);
    for u in unaddressed_gaps(journey) {
        let t = u.gap.touchpoint;
        let why = if u.needs_remeasure() {
            "every action done, gap still recorded: measure again or reopen"
        } else {
            "no action"
        };
        table.row(vec![
            t.name.clone(),
            opt(lookup.owner_name(t.owner.as_ref())),
            gap_text(t),
            u.gap.severity.to_string(),
            why.to_owned(),
        ]);
        table.tone(2, u.gap.class);
    }
    table
}

/// One touchpoint in the customer's words: what they expected, what they
/// got, the evidence and the notes.
#[derive(Debug, Clone)]
pub struct Voice {
    /// `3. Checks out as a guest` with the stage.
    pub title: String,
    /// `expected 4, actual 3, gap -1 (shortfall)`.
    pub scores: String,
    pub class: GapClass,
    /// Label and text, in order; only what the touchpoint has.
    pub lines: Vec<(&'static str, String)>,
}

/// Every touchpoint that has words to say, in corridor order.
pub fn voices(journey: &Journey) -> Vec<Voice> {
    journey
        .corridor()
        .into_iter()
        .enumerate()
        .filter_map(|(n, t)| {
            let mut lines: Vec<(&'static str, String)> = Vec::new();
            if let Some(e) = &t.expectation {
                lines.push(("Expected", e.clone()));
            }
            if let Some(e) = &t.experience {
                lines.push(("Experienced", e.clone()));
            }
            lines.extend(t.evidence.iter().map(|e| ("Evidence", e.clone())));
            if let Some(notes) = &t.notes {
                lines.push(("Notes", notes.clone()));
            }
            if lines.is_empty() {
                return None;
            }
            let star = if t.moment_of_truth { " ★" } else { "" };
            Some(Voice {
                title: format!(
                    "{}. {}{star} ({})",
                    n + 1,
                    t.name,
                    crate::report::summary::stage_name(journey, &t.stage)
                ),
                scores: format!(
                    "expected {}, actual {}, gap {} ({})",
                    score_text(t.expected),
                    score_text(t.actual),
                    t.gap().map_or_else(|| "?".to_owned(), |g| g.to_string()),
                    t.gap_class().name()
                ),
                class: t.gap_class(),
                lines,
            })
        })
        .collect()
}
