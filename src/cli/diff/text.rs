//! The diff as plain text: one block per touchpoint that differs, the other
//! entries, the departments whose figures moved, the journey totals and the
//! one-line summary last. All file text passes through `inert`.

use std::fmt::Write;

use crate::analysis::diff::{
    EntryDiff, FieldChange, GapChange, JourneyDiff, OwnerTotals, Status, Totals, TouchpointDiff,
    Trend,
};
use crate::analysis::{Figures, figures};
use crate::cli::Paint;
use crate::model::{Gap, GapClass};
use crate::text::inert;

fn value(v: &Option<String>) -> String {
    v.as_deref().map_or("(none)".into(), inert)
}

fn field_line(out: &mut String, f: &FieldChange) {
    // Metric names come from the file too.
    let field = inert(&f.field);
    let _ = match (&f.old, &f.new) {
        (None, Some(new)) => writeln!(out, "      {field} + {}", inert(new)),
        (Some(old), None) if f.field == "evidence" => {
            writeln!(out, "      {field} - {}", inert(old))
        }
        _ => writeln!(out, "      {field}: {} -> {}", value(&f.old), value(&f.new)),
    };
}

fn gap(g: Option<Gap>) -> String {
    g.map_or("?".into(), |g| g.to_string())
}

/// `gap: -2 -> -1, improved (critical -> shortfall)`, coloured by trend;
/// a gap moved by the expectation alone says `expectation lowered`.
pub fn gap_line(change: &GapChange, paint: Paint) -> String {
    let (old, new) = (change.old_class(), change.new_class());
    let classes = if old == new {
        old.name().to_owned()
    } else {
        format!("{} -> {}", old.name(), new.name())
    };
    let word = change
        .reasons()
        .into_iter()
        .map(|trend| match trend {
            Trend::Improved => paint.class(GapClass::Exceeded, trend.name()),
            Trend::Worsened => paint.class(GapClass::Critical, trend.name()),
            _ => trend.name().to_owned(),
        })
        .collect::<Vec<_>>()
        .join(", ");
    format!(
        "gap: {} -> {}, {word} ({classes})",
        gap(change.old),
        gap(change.new)
    )
}

fn touchpoint(out: &mut String, t: &TouchpointDiff<'_>, paint: Paint) {
    let Some(tp) = t.touchpoint() else {
        return;
    };
    let mark = match (t.status, &t.moved, t.fields.is_empty()) {
        (Status::Added, _, _) => "+",
        (Status::Removed, _, _) => "-",
        (_, Some(_), true) => ">",
        _ => "~",
    };
    let _ = writeln!(out, "  {mark} {}  {}", tp.id, inert(&tp.name));
    match t.status {
        Status::Added => {
            let _ = writeln!(out, "      in stage {}", tp.stage);
            let class = t.gap.new_class();
            let _ = writeln!(
                out,
                "      gap: {} ({})",
                gap(t.gap.new),
                paint.class(class, class.name())
            );
        }
        Status::Removed => {
            let _ = writeln!(
                out,
                "      was in stage {}, gap {}",
                tp.stage,
                gap(t.gap.old)
            );
        }
        Status::Changed => {
            if let Some(m) = &t.moved {
                let stage = if m.old_stage == m.new_stage {
                    format!("stage {}", m.new_stage)
                } else {
                    format!("stage {} -> {}", m.old_stage, m.new_stage)
                };
                let _ = writeln!(
                    out,
                    "      moved: {stage}, position {} -> {}",
                    m.old_position, m.new_position
                );
            }
            for f in &t.fields {
                field_line(out, f);
            }
            if t.gap.old != t.gap.new {
                let _ = writeln!(out, "      {}", gap_line(&t.gap, paint));
            }
        }
    }
}

fn entry(out: &mut String, e: &EntryDiff) {
    let mark = match e.status {
        Status::Added => "+",
        Status::Removed => "-",
        Status::Changed => "~",
    };
    let _ = writeln!(
        out,
        "  {mark} {} {}  {}",
        e.kind.noun(),
        e.id,
        inert(&e.name)
    );
    for f in &e.fields {
        field_line(out, f);
    }
}

/// `name a -> b` for every group figure (`analysis::figures::GROUP`) on
/// two sides (`-` for a missing side), named as everywhere else.
pub fn figure_pairs(old: Option<&Figures>, new: Option<&Figures>) -> Vec<(String, String, String)> {
    let get = |f: Option<&Figures>, figure| f.map_or("-".into(), |f| f.text(figure));
    figures::GROUP
        .iter()
        .map(|figure| {
            (
                figure.name.to_lowercase(),
                get(old, figure),
                get(new, figure),
            )
        })
        .collect()
}

fn pairs_text(pairs: &[(String, String, String)]) -> String {
    pairs
        .iter()
        .map(|(name, a, b)| {
            if a == b {
                format!("{name} {a}")
            } else {
                format!("{name} {a} -> {b}")
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn department(out: &mut String, d: &OwnerTotals) {
    let mut pairs = figure_pairs(d.old.as_ref(), d.new.as_ref());
    if d.id.is_some() {
        let open = |o: Option<usize>| o.map_or("-".into(), |n| n.to_string());
        pairs.push((
            figures::OPEN_ACTIONS.name.to_lowercase(),
            open(d.old_open_actions),
            open(d.new_open_actions),
        ));
    }
    let note = match (&d.old, &d.new) {
        (None, _) => " (new)",
        (_, None) => " (removed)",
        _ => "",
    };
    let _ = writeln!(out, "  {}{note}: {}", inert(&d.name), pairs_text(&pairs));
}

/// Journey-wide figures before and after.
pub fn totals_pairs(before: &Totals, after: &Totals) -> Vec<(String, String, String)> {
    let mut pairs = figure_pairs(Some(&before.figures), Some(&after.figures));
    pairs.push((
        figures::OPEN_ACTIONS.name.to_lowercase(),
        before.open_actions.to_string(),
        after.open_actions.to_string(),
    ));
    pairs
}

pub fn render(d: &JourneyDiff<'_>, (old, new): (&str, &str), paint: Paint) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}",
        paint.heading(&format!("{} -> {}", inert(old), inert(new)))
    );
    if d.is_empty() {
        let _ = writeln!(out, "no differences");
        return out;
    }
    for f in &d.header {
        let _ = writeln!(out, "{}: {} -> {}", f.field, value(&f.old), value(&f.new));
    }
    if !d.touchpoints.is_empty() {
        let _ = writeln!(out, "\n{}", paint.heading("Touchpoints"));
        for t in &d.touchpoints {
            touchpoint(&mut out, t, paint);
        }
    }
    if !d.entries.is_empty() {
        let _ = writeln!(
            out,
            "\n{}",
            paint.heading("Stages, departments, partners, actions")
        );
        for e in &d.entries {
            entry(&mut out, e);
        }
    }
    let changed: Vec<&OwnerTotals> = d.departments.iter().filter(|o| o.changed()).collect();
    if !changed.is_empty() {
        let _ = writeln!(out, "\n{}", paint.heading("Departments (before -> after)"));
        for o in changed {
            department(&mut out, o);
        }
    }
    let _ = writeln!(
        out,
        "\n{}\n  {}",
        paint.heading("Journey (before -> after)"),
        pairs_text(&totals_pairs(&d.before, &d.after))
    );
    let _ = writeln!(out, "\n{}", d.summary_line());
    out
}
