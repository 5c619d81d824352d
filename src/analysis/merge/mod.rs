//! Three-way merge of journeys by meaning: two versions made from one base
//! are merged entry by entry (matched by id, renames followed) and field by
//! field. Changes to different fields or entries both apply; entries added
//! on both sides are both kept, each after its predecessor on its side; a
//! field changed to two different values, or an entry removed on one side
//! and changed on the other, is a conflict. Layout is not merged here: the
//! result keeps OURS's entries (and their origins), which the store then
//! writes in OURS's layout.

mod entries;
mod order;
mod rename;
#[cfg(test)]
mod tests;

use crate::model::{FieldValue, HEADER, Id, Journey, Kind, header_fields, set_header, visit_kind};

/// One of the two versions being merged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Side {
    Ours,
    Theirs,
}

impl Side {
    pub fn name(self) -> &'static str {
        match self {
            Side::Ours => "ours",
            Side::Theirs => "theirs",
        }
    }

    pub fn other(self) -> Side {
        match self {
            Side::Ours => Side::Theirs,
            Side::Theirs => Side::Ours,
        }
    }
}

/// How conflicts are settled in the merged journey (they are reported
/// either way).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// Whose value a conflicting field takes, and whose choice (removed or
    /// changed) an entry removed on one side and changed on the other follows.
    pub prefer: Side,
    /// An entry removed on one side and changed on the other is kept as
    /// changed, whoever is preferred (a conflict file shows it).
    pub keep_changed: bool,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            prefer: Side::Ours,
            keep_changed: false,
        }
    }
}

/// What a conflict is about: a field both sides changed to different
/// values, or an entry one side removed while the other changed it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Clash {
    /// `base`, `ours` and `theirs` are the field's values as written
    /// (`None`: absent).
    Field {
        field: String,
        base: Option<String>,
        ours: Option<String>,
        theirs: Option<String>,
    },
    /// `by` removed the entry; the other side changed these fields.
    Removed { by: Side, changed: Vec<String> },
}

/// Something both sides changed in ways that do not combine.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    /// The entry's kind and id (as in the merged journey), or `None` for
    /// the journey header.
    pub entry: Option<(Kind, Id)>,
    pub clash: Clash,
}

impl Conflict {
    /// `touchpoint pricing-page` or `journey`.
    pub fn subject(&self) -> String {
        match &self.entry {
            Some((kind, id)) => format!("{} {id}", kind.noun()),
            None => "journey".into(),
        }
    }

    /// One line for people: what clashed, with the three values.
    pub fn describe(&self) -> String {
        let subject = self.subject();
        match &self.clash {
            Clash::Field {
                field,
                base,
                ours,
                theirs,
            } => {
                let show = |v: &Option<String>| v.clone().unwrap_or_else(|| "(none)".into());
                format!(
                    "{subject}: `{field}` changed on both sides: base {}, ours {}, theirs {}",
                    show(base),
                    show(ours),
                    show(theirs)
                )
            }
            Clash::Removed { by, changed } => format!(
                "{subject}: removed by {} but changed by {} ({})",
                by.name(),
                by.other().name(),
                if changed.is_empty() {
                    "its place".to_owned()
                } else {
                    changed.join(", ")
                }
            ),
        }
    }
}

/// The merged journey and what did not merge.
#[derive(Debug, Clone, PartialEq)]
pub struct Merge {
    pub journey: Journey,
    pub conflicts: Vec<Conflict>,
    /// How many changes came from THEIRS (fields, entries added, removed
    /// or moved): what the other side brought in.
    pub taken: usize,
}

/// Merges `ours` and `theirs`, both made from `base`. The result keeps
/// OURS's entries where they stay (with their origins, so the store edits
/// their tables in place); entries that only THEIRS has are new.
pub fn merge(base: &Journey, ours: &Journey, theirs: &Journey, options: Options) -> Merge {
    let mut conflicts = Vec::new();
    // Renames are undone on each side first, so that entries and the
    // references to them line up by their base ids.
    let (ours_n, ours_renames) = rename::normalise(base, ours);
    let (theirs_n, theirs_renames) = rename::normalise(base, theirs);
    let mut journey = ours_n.into_owned();
    // Renames touch no header field.
    let mut taken = header(base, ours, &theirs_n, options, &mut journey, &mut conflicts);
    for kind in Kind::ALL {
        taken += visit_kind(
            kind,
            entries::MergeKind {
                base,
                theirs: &theirs_n,
                options,
                out: &mut journey,
                conflicts: &mut conflicts,
            },
        );
    }
    taken += rename::reapply(
        &mut journey,
        &ours_renames,
        &theirs_renames,
        options,
        &mut conflicts,
    );
    Merge {
        journey,
        conflicts,
        taken,
    }
}

/// The header fields, three-way; returns how many came from THEIRS.
fn header(
    base: &Journey,
    ours: &Journey,
    theirs: &Journey,
    options: Options,
    out: &mut Journey,
    conflicts: &mut Vec<Conflict>,
) -> usize {
    let (b, o, t) = (
        header_fields(base),
        header_fields(ours),
        header_fields(theirs),
    );
    let mut taken = 0;
    for (((spec, (_, b)), (_, o)), (_, t)) in HEADER.iter().zip(b).zip(o).zip(t) {
        let Some(resolved) = entries::three_way(&b, &o, &t) else {
            conflicts.push(Conflict {
                entry: None,
                clash: entries::field_clash(*spec, &b, &o, &t),
            });
            if options.prefer == Side::Theirs && set_header(out, spec.field, t).is_ok() {
                taken += 1;
            }
            continue;
        };
        if resolved == Pick::Theirs && set_header(out, spec.field, t).is_ok() {
            taken += 1;
        }
    }
    taken
}

/// Which side's value a field takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pick {
    Ours,
    Theirs,
}

/// A field's value as shown in a conflict: as TOML writes it.
fn shown(value: &Option<FieldValue>) -> Option<String> {
    let value = value.as_ref()?;
    Some(match value {
        FieldValue::Text(s) => quoted(s),
        FieldValue::Integer(i) => i.to_string(),
        FieldValue::Bool(b) => b.to_string(),
        FieldValue::Date(d) => d.to_string(),
        FieldValue::TextList(items) => format!(
            "[{}]",
            items
                .iter()
                .map(|s| quoted(s))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        FieldValue::Metrics(metrics) => format!(
            "{{ {} }}",
            metrics
                .iter()
                .map(|m| format!("{} = {}", m.name, m.value))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        FieldValue::Number(n) => n.to_string(),
        FieldValue::Scale(scale) => format!("[{}, {}]", scale.min, scale.max),
        FieldValue::Target(target) => format!(
            "{{ metric = {}, value = {} }}",
            quoted(&target.metric),
            target.value
        ),
        FieldValue::Economics(economics) => economics.to_string(),
    })
}

/// A string in double quotes, with quotes, backslashes and control
/// characters escaped as TOML escapes them.
fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
