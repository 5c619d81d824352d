//! What the forms show and offer, driven by the field table
//! (`model::field`): the fields of the journey header or of an entry with
//! their values as text, the values Left/Right step through, type-ahead
//! matches, and the rows of the `E` list. Pure functions of the journey,
//! read by `update` (to edit) and `ui` (to draw).

use crate::model::{
    Entry, Field, FieldEntry, FieldSpec, FieldType, HEADER, Id, Journey, Kind, Target,
    header_fields,
};

/// Channels offered besides the ones the journey already uses.
pub const COMMON_CHANNELS: [&str; 9] = [
    "web",
    "app",
    "email",
    "phone",
    "chat",
    "in-person",
    "store",
    "social",
    "letter",
];

/// The kinds `E` lists under a heading each, after the journey header.
pub const LISTED: [Kind; 5] = [
    Kind::Stage,
    Kind::Department,
    Kind::Partner,
    Kind::MetricDef,
    Kind::Action,
];

/// The fields a form shows for `target`, in file order: the header but
/// `schema` (not the user's to change), an entry's fields but `metrics`
/// (measured elsewhere, set with `corridor import metrics`).
pub fn fields(target: &Target) -> Vec<FieldSpec> {
    let table = match target {
        Target::Journey => HEADER,
        Target::Entry(kind, _) => kind.fields(),
    };
    table
        .iter()
        .copied()
        .filter(|s| {
            !matches!(
                s.ty,
                FieldType::Schema | FieldType::Metrics | FieldType::Economics
            )
        })
        .collect()
}

fn entry_values(journey: &Journey, target: &Target) -> Option<Vec<FieldEntry>> {
    Some(match target {
        Target::Journey => {
            let mut fields = header_fields(journey);
            // A `[persona]` card shows (and is renamed by) its name.
            if let Some(card) = journey.persona.as_ref().and_then(|p| p.card()) {
                for (field, value) in &mut fields {
                    if *field == Field::Persona {
                        *value = Some(crate::model::FieldValue::Text(card.name.clone()));
                    }
                }
            }
            fields
        }
        Target::Entry(kind, id) => match kind {
            Kind::Stage => journey.stage(id)?.fields(),
            Kind::Department => journey.department(id)?.fields(),
            Kind::Partner => journey.partner(id)?.fields(),
            Kind::MetricDef => journey.metrics.iter().find(|m| &m.id == id)?.fields(),
            Kind::Touchpoint => journey.touchpoint(id.as_str())?.fields(),
            Kind::Action => journey.actions.iter().find(|a| &a.id == id)?.fields(),
            Kind::Step => journey.steps.iter().find(|s| &s.id == id)?.fields(),
        },
    })
}

/// Every form field of `target` with its value as text (lists joined with
/// ` | `); `None` when the target no longer exists.
pub fn values(journey: &Journey, target: &Target) -> Option<Vec<(FieldSpec, String)>> {
    let list = entry_values(journey, target)?;
    Some(
        fields(target)
            .into_iter()
            .map(|spec| {
                let value = list
                    .iter()
                    .find(|(f, _)| *f == spec.field)
                    .and_then(|(_, v)| v.as_ref());
                (spec, spec.text(value).unwrap_or_default())
            })
            .collect(),
    )
}

/// The field that names an entry: `title` for actions (and the journey),
/// else `name`. A new entry's id is made from it.
pub fn name_field(target: &Target) -> Field {
    match target {
        Target::Entry(Kind::Action, _) | Target::Journey => Field::Title,
        Target::Entry(..) => Field::Name,
    }
}

/// The id entry `target` gets when named `name`: its slug, unique among
/// the other entries of its kind (`None` for the journey header).
pub fn id_for_name(journey: &Journey, target: &Target, name: &str) -> Option<Id> {
    let Target::Entry(kind, id) = target else {
        return None;
    };
    let others = crate::model::ids(journey, *kind).filter(|i| *i != id);
    Some(Id::from_name(name, kind.noun(), others))
}

/// The row of `field` in the form of `target`.
pub fn row_of(target: &Target, field: Field) -> Option<usize> {
    fields(target).iter().position(|s| s.field == field)
}

/// The entries of `kind` as (id, name), in the order a list shows them
/// (touchpoints in corridor order).
fn entries(journey: &Journey, kind: Kind) -> Vec<(Id, String)> {
    let pair = |id: &Id, name: &str| (id.clone(), name.to_owned());
    match kind {
        Kind::Stage => journey
            .stages
            .iter()
            .map(|e| pair(&e.id, &e.name))
            .collect(),
        Kind::Department => journey
            .departments
            .iter()
            .map(|e| pair(&e.id, &e.name))
            .collect(),
        Kind::Partner => journey
            .partners
            .iter()
            .map(|e| pair(&e.id, &e.name))
            .collect(),
        Kind::MetricDef => journey
            .metrics
            .iter()
            .map(|e| pair(&e.id, &e.name))
            .collect(),
        Kind::Touchpoint => journey
            .corridor()
            .into_iter()
            .map(|e| pair(&e.id, &e.name))
            .collect(),
        Kind::Action => journey
            .actions
            .iter()
            .map(|e| pair(&e.id, &e.title))
            .collect(),
        Kind::Step => journey.steps.iter().map(|e| pair(&e.id, &e.name)).collect(),
    }
}

/// The channels on offer: the common ones, then the others the journey
/// uses (in order of first use). Common ones first keeps the order still
/// while Left/Right change the channel of a touchpoint.
fn channels(journey: &Journey) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let used = journey
        .touchpoints
        .iter()
        .filter_map(|t| t.channel.as_deref());
    for c in COMMON_CHANNELS.into_iter().chain(used) {
        if !out.iter().any(|o| o == c) {
            out.push(c.to_owned());
        }
    }
    out
}

/// Whether Left/Right step through values of this type (`choices`).
pub fn has_choices(ty: FieldType) -> bool {
    matches!(
        ty,
        FieldType::Ref(_) | FieldType::Channel | FieldType::Score
    ) || ty.values().is_some()
}

/// The values Left/Right step through for a field, in order (the empty
/// value first where the field may be empty); `None` for free text.
pub fn choices(journey: &Journey, spec: FieldSpec) -> Option<Vec<String>> {
    let empty = || {
        if spec.required {
            Vec::new()
        } else {
            vec![String::new()]
        }
    };
    let mut out = empty();
    match spec.ty {
        FieldType::Ref(kind) => out.extend(
            entries(journey, kind)
                .into_iter()
                .map(|(id, _)| id.to_string()),
        ),
        FieldType::Channel => out.extend(channels(journey)),
        FieldType::Score => out.extend((1..=5).map(|n| n.to_string())),
        other => return Some(other.values()?.iter().map(|v| (*v).to_owned()).collect()),
    }
    Some(out)
}

/// The choices of a reference or channel field (id and name) matching
/// what was typed, by id or name, ignoring case.
pub fn matches(journey: &Journey, spec: FieldSpec, typed: &str) -> Vec<(String, String)> {
    let all: Vec<(String, String)> = match spec.ty {
        FieldType::Ref(kind) => entries(journey, kind)
            .into_iter()
            .map(|(id, name)| (id.to_string(), name))
            .collect(),
        FieldType::Channel => channels(journey)
            .into_iter()
            .map(|c| (c.clone(), c))
            .collect(),
        _ => return Vec::new(),
    };
    let typed = typed.trim().to_lowercase();
    all.into_iter()
        .filter(|(id, name)| {
            typed.is_empty()
                || id.to_lowercase().contains(&typed)
                || name.to_lowercase().contains(&typed)
        })
        .collect()
}

/// What typed text in a reference or channel field stands for: itself
/// when empty or an id; else the one choice it names exactly (id or name,
/// ignoring case) or the one it matches. Text matching several is refused
/// for a reference and kept as typed for a channel (a new channel).
pub fn resolve(journey: &Journey, spec: FieldSpec, typed: &str) -> Result<String, String> {
    let found = matches(journey, spec, typed);
    let lower = typed.trim().to_lowercase();
    let exact: Vec<&(String, String)> = found
        .iter()
        .filter(|(id, name)| *id == lower || name.to_lowercase() == lower)
        .collect();
    if typed.is_empty() || found.iter().any(|(id, _)| id == typed) {
        return Ok(typed.to_owned());
    }
    if let [(id, _)] = exact.as_slice() {
        return Ok(id.clone());
    }
    match found.as_slice() {
        [(id, _)] => Ok(id.clone()),
        [] => Ok(typed.to_owned()),
        _ if spec.ty == FieldType::Channel => Ok(typed.to_owned()),
        many => Err(format!(
            "`{typed}` matches {}: type more",
            many.iter()
                .map(|(id, _)| id.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        )),
    }
}

/// One row of the `E` list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PickRow {
    /// The journey header.
    Header,
    /// The heading over the entries of a kind (shown even when none).
    Heading(Kind),
    /// One entry.
    Entry(Kind, Id),
}

impl PickRow {
    /// The row showing `target`.
    pub fn of(target: &Target) -> Self {
        match target {
            Target::Journey => PickRow::Header,
            Target::Entry(kind, id) => PickRow::Entry(*kind, id.clone()),
        }
    }

    /// What Enter opens.
    pub fn target(&self) -> Option<Target> {
        match self {
            PickRow::Header => Some(Target::Journey),
            PickRow::Heading(_) => None,
            PickRow::Entry(kind, id) => Some(Target::Entry(*kind, id.clone())),
        }
    }

    /// The kind `a` adds here.
    pub fn kind(&self) -> Option<Kind> {
        match self {
            PickRow::Header => None,
            PickRow::Heading(kind) | PickRow::Entry(kind, _) => Some(*kind),
        }
    }
}

/// The rows of the `E` list with their labels: the header, then a heading
/// per kind followed by its entries.
pub fn pick_rows(journey: &Journey) -> Vec<(PickRow, String)> {
    let mut out = vec![(PickRow::Header, format!("Journey  {}", journey.title))];
    for kind in LISTED {
        let list = entries(journey, kind);
        let key = kind.key();
        let title = key[..1].to_uppercase() + &key[1..];
        let count = if list.is_empty() {
            "none yet: a adds one".to_owned()
        } else {
            list.len().to_string()
        };
        out.push((PickRow::Heading(kind), format!("{title} ({count})")));
        out.extend(list.into_iter().map(|(id, name)| {
            let label = format!("  {id}  {name}");
            (PickRow::Entry(kind, id), label)
        }));
    }
    out
}

/// The row of the `E` list showing `row`.
pub fn pick_row_of(journey: &Journey, row: &PickRow) -> Option<usize> {
    pick_rows(journey).iter().position(|(r, _)| r == row)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn courier() -> Journey {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/samples/online-order-courier.toml"
        );
        let text = std::fs::read_to_string(path).expect("fixture");
        crate::store::parse_journey(&text).journey.expect("parses")
    }

    #[test]
    fn forms_follow_the_field_table() {
        let j = courier();
        let tp = Target::Entry(Kind::Touchpoint, j.touchpoints[0].id.clone());
        let rows = values(&j, &tp).expect("exists");
        let keys: Vec<&str> = rows.iter().map(|(s, _)| s.field.key()).collect();
        assert_eq!(keys[..4], ["id", "stage", "name", "channel"]);
        assert!(!keys.contains(&"metrics"));
        assert_eq!(rows[0].1, j.touchpoints[0].id.as_str());
        let header = values(&j, &Target::Journey).expect("header");
        assert_eq!(header[0].0.field, Field::Title);
        let gone = Target::Entry(Kind::Stage, Id::new("nowhere").expect("id"));
        assert_eq!(values(&j, &gone), None);
    }

    #[test]
    fn choices_by_field_type() {
        let j = courier();
        let spec = |kind: Kind, key: &str| kind.field(key).expect("field");
        let stages = choices(&j, spec(Kind::Touchpoint, "stage")).expect("stages");
        assert_eq!(
            stages.len(),
            j.stages.len(),
            "a stage is required: no empty"
        );
        let owners = choices(&j, spec(Kind::Touchpoint, "owner")).expect("owners");
        assert_eq!(owners[0], "");
        assert_eq!(owners.len(), j.departments.len() + 1);
        let channels = choices(&j, spec(Kind::Touchpoint, "channel")).expect("channels");
        for common in COMMON_CHANNELS {
            assert_eq!(channels.iter().filter(|c| *c == common).count(), 1);
        }
        let status = choices(&j, spec(Kind::Action, "status")).expect("status");
        assert_eq!(status, ["open", "doing", "done"]);
        assert_eq!(choices(&j, spec(Kind::Touchpoint, "name")), None);
        // The form marks exactly the fields Left/Right change.
        for kind in Kind::ALL {
            for s in kind.fields() {
                assert_eq!(has_choices(s.ty), choices(&j, *s).is_some(), "{s:?}");
            }
        }
    }

    #[test]
    fn type_ahead_resolves_names_and_refuses_the_ambiguous() {
        let j = courier();
        let owner = Kind::Touchpoint.field("owner").expect("owner");
        assert_eq!(resolve(&j, owner, "logist"), Ok("logistics".into()));
        let stage = Kind::Touchpoint.field("stage").expect("stage");
        assert!(resolve(&j, stage, "re").is_err_and(|e| e.contains("type more")));
        let channel = Kind::Touchpoint.field("channel").expect("channel");
        assert_eq!(resolve(&j, channel, "let"), Ok("letter".into()));
        assert_eq!(resolve(&j, channel, "fax"), Ok("fax".into()));
    }

    #[test]
    fn every_kind_has_a_heading_even_when_empty() {
        let j = Journey {
            schema: 1,
            title: "T".into(),
            ..Journey::default()
        };
        let rows = pick_rows(&j);
        let headings: Vec<&PickRow> = rows.iter().map(|(r, _)| r).collect();
        assert_eq!(
            headings,
            [
                &PickRow::Header,
                &PickRow::Heading(Kind::Stage),
                &PickRow::Heading(Kind::Department),
                &PickRow::Heading(Kind::Partner),
                &PickRow::Heading(Kind::MetricDef),
                &PickRow::Heading(Kind::Action),
            ]
        );
        assert!(rows[3].1.contains("none yet"));
    }
}
