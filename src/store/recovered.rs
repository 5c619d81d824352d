//! What a recovery journal would change, for people to decide on, and the
//! recovered journey made ready to edit against the journey on disk.

use std::collections::HashMap;

use crate::analysis::diff::{FieldChange, GapChange, Status, diff};
use crate::model::{Gap, Id, Journey, Origin};
use crate::text::inert;

/// The recovered journey made ready to edit against the journey on disk:
/// each entry's origin (which table of the loaded text it came from) is
/// pointed at the on-disk entry with the same id, or marked new. Without
/// this, a recovery that added, removed or reordered entries would save
/// them into the wrong tables of the file, carrying other entries' comments.
pub fn rebase(recovered: &Journey, on_disk: &Journey) -> Journey {
    let mut journey = recovered.clone();
    macro_rules! kind {
        ($($entries:ident),*) => {$(
            let mut origins: HashMap<&Id, Origin> = HashMap::new();
            for e in &on_disk.$entries {
                origins.entry(&e.id).or_insert(e.origin);
            }
            for e in &mut journey.$entries {
                e.origin = origins.remove(&e.id).unwrap_or(Origin::NEW);
            }
        )*};
    }
    kind!(
        stages,
        departments,
        partners,
        metrics,
        touchpoints,
        actions,
        steps
    );
    journey
}

/// What recovering would change, as lines for people: for each header
/// field, touchpoint and other entry that differs between the journey on
/// disk (before) and the recovered one (after), what changed, then a
/// one-line summary. Empty when both are the same journey. File text is
/// made inert.
pub fn differences(recovered: &Journey, on_disk: &Journey) -> Vec<String> {
    let d = diff(on_disk, recovered);
    if d.is_empty() {
        return Vec::new();
    }
    let mut lines = Vec::new();
    for f in &d.header {
        lines.push(field_line("", f));
    }
    for t in &d.touchpoints {
        let Some(tp) = t.touchpoint() else {
            continue;
        };
        let name = inert(&tp.name);
        match t.status {
            Status::Added => {
                lines.push(format!(
                    "+ touchpoint {} {name}: added in stage {}, gap {}",
                    tp.id,
                    tp.stage,
                    gap(t.gap.new)
                ));
            }
            Status::Removed => {
                lines.push(format!(
                    "- touchpoint {} {name}: removed from stage {}",
                    tp.id, tp.stage
                ));
            }
            Status::Changed => {
                lines.push(format!("~ touchpoint {} {name}", tp.id));
                if let Some(m) = &t.moved {
                    let stage = if m.old_stage == m.new_stage {
                        format!("stage {}", m.new_stage)
                    } else {
                        format!("stage {} -> {}", m.old_stage, m.new_stage)
                    };
                    lines.push(format!(
                        "    moved: {stage}, position {} -> {}",
                        m.old_position, m.new_position
                    ));
                }
                lines.extend(t.fields.iter().map(|f| field_line("    ", f)));
                if t.gap.old != t.gap.new {
                    lines.push(format!("    {}", gap_line(&t.gap)));
                }
            }
        }
    }
    for e in &d.entries {
        let mark = match e.status {
            Status::Added => "+",
            Status::Removed => "-",
            Status::Changed => "~",
        };
        let what = e.status.name();
        lines.push(format!(
            "{mark} {} {} {}: {what}",
            e.kind.noun(),
            e.id,
            inert(&e.name)
        ));
        lines.extend(e.fields.iter().map(|f| field_line("    ", f)));
    }
    lines.push(d.summary_line());
    lines
}

fn value(v: &Option<String>) -> String {
    v.as_deref().map_or_else(|| "(none)".into(), inert)
}

fn field_line(indent: &str, f: &FieldChange) -> String {
    format!(
        "{indent}{}: {} -> {}",
        inert(&f.field),
        value(&f.old),
        value(&f.new)
    )
}

fn gap(g: Option<Gap>) -> String {
    g.map_or_else(|| "?".into(), |g| g.to_string())
}

fn gap_line(change: &GapChange) -> String {
    let (old, new) = (change.old_class(), change.new_class());
    let classes = if old == new {
        old.name().to_owned()
    } else {
        format!("{} -> {}", old.name(), new.name())
    };
    format!(
        "gap: {} -> {}, {} ({classes})",
        gap(change.old),
        gap(change.new),
        change.trend().name()
    )
}
