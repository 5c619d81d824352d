//! The report sections service blueprints and personas add, shared by the
//! Markdown and HTML writers: the persona card, the blueprint as a table
//! (touchpoints by lane), and each department and partner with the
//! touchpoints it faces beside those it supports from behind.

use super::sections::Section;
use super::summary::{gap_text, stage_name};
use super::table::{Align, Table};
use crate::analysis::blueprint::columns;
use crate::analysis::figures::{self, Figure};
use crate::analysis::{Figures, department_figures, partner_figures};
use crate::model::{GapClass, Journey, Lane, PersonaCard, Step};

const L: Align = Align::Left;
const R: Align = Align::Right;

/// The title of the blueprint table (the HTML report draws it instead).
pub const BLUEPRINT: &str = "Service blueprint";

/// The figures each side of the line of visibility gets, pain first.
const SIDE: [&Figure; 3] = [&figures::DEBT, &figures::BELOW, &figures::CRITICAL];

/// Marks a step where the service tends to break.
pub const FAIL_MARK: &str = "⚠";

/// The persona card as (label, text) rows; `None` for a one-line persona.
pub fn persona_rows(journey: &Journey) -> Option<Vec<(&'static str, String)>> {
    let card: &PersonaCard = journey.persona.as_ref()?.card()?;
    let mut rows = vec![("Name", card.name.clone())];
    let mut add = |label, text: Option<String>| {
        if let Some(text) = text.filter(|t| !t.is_empty()) {
            rows.push((label, text));
        }
    };
    add("Role", card.role.clone());
    add("Goals", Some(card.goals.join("; ")));
    add("Needs", Some(card.needs.join("; ")));
    add("Quote", card.quote.clone());
    add("Context", card.context.clone());
    Some(rows)
}

/// `name (owner)`, with the fail-point mark in front.
pub fn step_text(journey: &Journey, step: &Step) -> String {
    let who = match (&step.owner, &step.partner) {
        (Some(o), _) => journey
            .department(o)
            .map_or(o.to_string(), |d| d.name.clone()),
        (None, Some(p)) => journey.partner(p).map_or(p.to_string(), |p| p.name.clone()),
        (None, None) => "no owner".to_owned(),
    };
    let mark = if step.fail_point {
        format!("{FAIL_MARK} ")
    } else {
        String::new()
    };
    format!("{mark}{} ({who})", step.name)
}

/// The blueprint: a row per touchpoint with a step, its steps by lane.
fn blueprint(journey: &Journey) -> Table {
    let mut header: Vec<(&str, Align)> = vec![("Stage", L), ("Touchpoint", L), ("Gap", R)];
    header.extend(Lane::ALL.iter().map(|l| (l.title(), L)));
    let mut table = Table::new(&header);
    for column in columns(journey)
        .iter()
        .filter(|c| c.steps().next().is_some())
    {
        let t = column.touchpoint;
        let mut row = vec![
            stage_name(journey, &t.stage).to_owned(),
            t.name.clone(),
            gap_text(t),
        ];
        for lane in &column.lanes {
            let steps: Vec<String> = lane
                .iter()
                .map(|&i| step_text(journey, &journey.steps[i]))
                .collect();
            row.push(steps.join("; "));
        }
        table.row(row);
        table.tone(2, t.gap_class());
    }
    table
}

fn side_cells(f: &Figures) -> Vec<String> {
    SIDE.iter().map(|figure| f.text(figure)).collect()
}

/// Departments and partners with what they face and what they support
/// from behind, most indebted from behind first.
fn behind(journey: &Journey) -> Table {
    let mut header: Vec<(String, Align)> = vec![
        ("Department or partner".into(), L),
        (figures::TOUCHPOINTS.name.into(), R),
    ];
    header.extend(SIDE.iter().map(|f| (f.name.to_owned(), R)));
    header.push((figures::BEHIND.name.into(), R));
    header.extend(SIDE.iter().map(|f| (format!("{} (behind)", f.name), R)));
    let columns: Vec<(&str, Align)> = header.iter().map(|(h, a)| (h.as_str(), *a)).collect();
    let mut table = Table::new(&columns);
    let mut rows: Vec<(String, &Figures, &Figures)> = Vec::new();
    let departments = department_figures(journey);
    let partners = partner_figures(journey);
    for d in &departments {
        rows.push((d.name.to_owned(), &d.figures, &d.behind));
    }
    for p in &partners {
        rows.push((format!("{} (partner)", p.name), &p.figures, &p.behind));
    }
    rows.retain(|(_, faced, behind)| faced.count + behind.count > 0);
    rows.sort_by_key(|(_, faced, behind)| (behind.pain_order(), faced.pain_order()));
    for (name, faced, behind) in rows {
        let mut cells = vec![name, faced.count.to_string()];
        cells.extend(side_cells(faced));
        cells.push(behind.count.to_string());
        cells.extend(side_cells(behind));
        table.row(cells);
        let class = behind.class();
        if matches!(class, GapClass::Critical | GapClass::Shortfall) {
            table.tone(0, class);
            table.tone(2 + SIDE.len() + 1, class);
        }
    }
    table
}

/// The blueprint and ownership-behind sections, placed after the corridor
/// and after the partners; nothing for a journey without steps.
pub fn add(sections: &mut Vec<Section>, journey: &Journey) {
    if journey.steps.is_empty() {
        return;
    }
    let after = |sections: &Vec<Section>, title: &str| {
        sections
            .iter()
            .position(|s| s.title == title)
            .map_or(sections.len(), |p| p + 1)
    };
    let at = after(sections, "Corridor");
    sections.insert(
        at,
        Section {
            title: BLUEPRINT,
            table: blueprint(journey),
            empty: "No steps.",
            note: Some("Steps behind each touchpoint by lane; ⚠ marks a fail point. The line of visibility runs between frontstage and backstage."),
        },
    );
    let at = after(sections, "Partners");
    sections.insert(
        at,
        Section {
            title: "Behind the line of visibility",
            table: behind(journey),
            empty: "No department or partner owns a step.",
            note: Some(figures::BEHIND.formula),
        },
    );
}
