//! The diff as Markdown for a pull-request comment: the summary, a table of
//! touchpoints that differ, other entries, departments and journey totals.
//! File text is made inert and escaped so it shows as written on GitHub.

use std::fmt::Write;

use super::text::{figure_pairs, totals_pairs};
use crate::analysis::diff::{FieldChange, JourneyDiff, Status, TouchpointDiff, Trend};
use crate::analysis::figures;
use crate::model::{Gap, Id, Journey};
use crate::report::md_text as md;

fn value(v: &Option<String>) -> String {
    v.as_deref().map_or("*none*".into(), md)
}

fn change(f: &FieldChange) -> String {
    match (&f.old, &f.new) {
        (None, Some(new)) if f.field == "evidence" => format!("evidence added: {}", md(new)),
        (Some(old), None) if f.field == "evidence" => format!("evidence removed: {}", md(old)),
        _ => format!("{}: {} → {}", md(&f.field), value(&f.old), value(&f.new)),
    }
}

fn stage_name(journeys: (&Journey, &Journey), id: &Id) -> String {
    let (old, new) = journeys;
    new.stage(id)
        .or_else(|| old.stage(id))
        .map_or_else(|| md(id.as_str()), |s| md(&s.name))
}

fn gap(g: Option<Gap>) -> String {
    g.map_or("?".into(), |g| g.to_string())
}

fn gap_cell(t: &TouchpointDiff<'_>) -> String {
    match t.status {
        Status::Added => format!("{} {}", gap(t.gap.new), t.gap.new_class().name()),
        Status::Removed => format!("was {} {}", gap(t.gap.old), t.gap.old_class().name()),
        Status::Changed if t.gap.old == t.gap.new => gap(t.gap.new),
        Status::Changed => {
            let trend = t.gap.trend();
            let mark = match trend {
                Trend::Improved => "▲ ",
                Trend::Worsened => "▼ ",
                _ => "",
            };
            let words = t
                .gap
                .reasons()
                .iter()
                .map(|r| r.name())
                .collect::<Vec<_>>()
                .join(", ");
            format!(
                "{} → {} {mark}**{words}** ({} → {})",
                gap(t.gap.old),
                gap(t.gap.new),
                t.gap.old_class().name(),
                t.gap.new_class().name()
            )
        }
    }
}

fn touchpoint_row(out: &mut String, t: &TouchpointDiff<'_>, journeys: (&Journey, &Journey)) {
    let Some(tp) = t.touchpoint() else {
        return;
    };
    let mut changes: Vec<String> = Vec::new();
    let stage = match &t.moved {
        Some(m) if m.old_stage != m.new_stage => format!(
            "{} → {}",
            stage_name(journeys, &m.old_stage),
            stage_name(journeys, &m.new_stage)
        ),
        _ => stage_name(journeys, &tp.stage),
    };
    if let Some(m) = &t.moved {
        changes.push(format!(
            "moved: position {} → {}",
            m.old_position, m.new_position
        ));
    }
    changes.extend(t.fields.iter().map(change));
    let status = match t.status {
        Status::Changed if t.fields.is_empty() => "moved",
        status => status.name(),
    };
    let _ = writeln!(
        out,
        "| {status} | {} `{}` | {stage} | {} | {} |",
        md(&tp.name),
        md(tp.id.as_str()),
        changes.join("<br>"),
        gap_cell(t)
    );
}

fn arrow(a: &str, b: &str) -> String {
    if a == b {
        a.to_owned()
    } else {
        format!("{a} → {b}")
    }
}

pub fn render(
    d: &JourneyDiff<'_>,
    (old, new): (&str, &str),
    journeys: (&Journey, &Journey),
) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "### Journey diff: {} → {}\n", md(old), md(new));
    // The summary holds counts and words only, no file text.
    let _ = writeln!(out, "**{}**", d.summary_line().replace(" -> ", " → "));
    if d.is_empty() {
        return out;
    }
    if !d.header.is_empty() {
        out.push('\n');
        for f in &d.header {
            let _ = writeln!(out, "- {}", change(f));
        }
    }
    if !d.touchpoints.is_empty() {
        let _ = writeln!(out, "\n#### Touchpoints\n");
        let _ = writeln!(
            out,
            "| | Touchpoint | Stage | Changes | Gap |\n|---|---|---|---|---|"
        );
        for t in &d.touchpoints {
            touchpoint_row(&mut out, t, journeys);
        }
    }
    if !d.entries.is_empty() {
        let _ = writeln!(out, "\n#### Stages, departments, partners, actions\n");
        let _ = writeln!(out, "| | Entry | Name | Changes |\n|---|---|---|---|");
        for e in &d.entries {
            let changes: Vec<String> = e.fields.iter().map(change).collect();
            let _ = writeln!(
                out,
                "| {} | {} `{}` | {} | {} |",
                e.status.name(),
                e.kind.noun(),
                md(e.id.as_str()),
                md(&e.name),
                changes.join("<br>")
            );
        }
    }
    let changed: Vec<_> = d.departments.iter().filter(|o| o.changed()).collect();
    if !changed.is_empty() {
        let _ = writeln!(out, "\n#### Departments (before → after)\n");
        let names: Vec<&str> = figures::GROUP.iter().map(|f| f.name).collect();
        let _ = writeln!(
            out,
            "| Department | {} | {} |\n|---|{}--:|",
            names.join(" | "),
            figures::OPEN_ACTIONS.name,
            "--:|".repeat(names.len())
        );
        for o in changed {
            let cells: Vec<String> = figure_pairs(o.old.as_ref(), o.new.as_ref())
                .iter()
                .map(|(_, a, b)| arrow(a, b))
                .collect();
            let open = |n: Option<usize>| n.map_or("-".into(), |n| n.to_string());
            let _ = writeln!(
                out,
                "| {} | {} | {} |",
                md(&o.name),
                cells.join(" | "),
                arrow(&open(o.old_open_actions), &open(o.new_open_actions))
            );
        }
    }
    let _ = writeln!(
        out,
        "\n#### Journey totals\n\n| | Before | After |\n|---|--:|--:|"
    );
    for (name, a, b) in totals_pairs(&d.before, &d.after) {
        let _ = writeln!(out, "| {name} | {a} | {b} |");
    }
    out
}
