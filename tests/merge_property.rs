//! The merge's property: random sequences of edits on two sides of a
//! random base, touching disjoint fields and places, merge into a file that
//! re-reads equal to the base with both sides' edits applied, in either
//! order, with no conflict; and a canonical base gives a canonical result.

use std::collections::HashMap;

use corridor::model::{
    EntryList, Field, FieldType, FieldValue, Id, Journey, Kind, KindVisitor, Metric, Touchpoint,
    ids, visit_kind,
};
use corridor::sample::{Lcg, synthetic_journey};
use corridor::store::{canonical_format, load, merge_texts, parse_journey};

/// One edit, by ids (so that it applies the same before or after the
/// other side's edits).
#[derive(Debug, Clone)]
enum Op {
    Set(Kind, Id, Field, Option<FieldValue>),
    /// A new touchpoint right after an existing one, in its stage.
    Add(Id, Id),
    Remove(Id),
    /// A touchpoint moved to right after another.
    MoveAfter(Id, Id),
}

struct SetField<'a> {
    journey: &'a mut Journey,
    id: &'a Id,
    field: Field,
    value: Option<FieldValue>,
}

impl KindVisitor for SetField<'_> {
    type Output = ();

    fn visit<E: EntryList>(self) {
        if let Some(e) = E::list_mut(self.journey)
            .iter_mut()
            .find(|e| e.id() == self.id)
        {
            e.set(self.field, self.value).expect("a valid value");
        }
    }
}

struct GetField<'a>(&'a Journey, &'a Id, Field);

impl KindVisitor for GetField<'_> {
    type Output = Option<FieldValue>;

    fn visit<E: EntryList>(self) -> Option<FieldValue> {
        E::list(self.0)
            .iter()
            .find(|e| e.id() == self.1)
            .and_then(|e| e.get(self.2))
    }
}

fn position(j: &Journey, id: &Id) -> Option<usize> {
    j.touchpoints.iter().position(|t| &t.id == id)
}

fn apply(j: &mut Journey, op: &Op) {
    match op {
        Op::Set(kind, id, field, value) => visit_kind(
            *kind,
            SetField {
                journey: j,
                id,
                field: *field,
                value: value.clone(),
            },
        ),
        Op::Add(new, after) => {
            let at = position(j, after).expect("anchor");
            let stage = j.touchpoints[at].stage.clone();
            let t = Touchpoint::new(new.clone(), stage, format!("Added {new}"));
            j.touchpoints.insert(at + 1, t);
        }
        Op::Remove(id) => {
            let at = position(j, id).expect("removed");
            j.touchpoints.remove(at);
        }
        Op::MoveAfter(id, after) => {
            let t = j.touchpoints.remove(position(j, id).expect("moved"));
            let at = position(j, after).expect("anchor");
            j.touchpoints.insert(at + 1, t);
        }
    }
}

/// Resources each side's edits hold, so the two sides stay disjoint.
#[derive(Default)]
struct Claims(HashMap<String, u8>);

impl Claims {
    fn free(&self, side: u8, keys: &[String]) -> bool {
        keys.iter()
            .all(|k| self.0.get(k).is_none_or(|s| *s == side))
    }

    /// Whether a touchpoint was removed (by either side).
    fn gone(&self, id: &Id) -> bool {
        self.0.contains_key(&format!("gone:{id}"))
    }

    fn take(&mut self, side: u8, keys: Vec<String>) {
        for k in keys {
            self.0.insert(k, side);
        }
    }
}

fn pick<'a, T>(rng: &mut Lcg, items: &'a [T]) -> &'a T {
    &items[rng.below(items.len())]
}

/// A value of the field's type, or `None` when the field cannot take one.
fn value(
    rng: &mut Lcg,
    base: &Journey,
    ty: FieldType,
    required: bool,
) -> Option<Option<FieldValue>> {
    if !required && ty != FieldType::Schema && rng.below(6) == 0 {
        return Some(None);
    }
    let n = rng.below(1000);
    let text = |s: String| Some(Some(FieldValue::Text(s)));
    match ty {
        FieldType::Schema | FieldType::Id => None,
        FieldType::Line | FieldType::Channel => text(format!("value {n}")),
        FieldType::Lines => text(format!("line {n}\nand another")),
        FieldType::Ref(kind) => {
            let all: Vec<&Id> = ids(base, kind).collect();
            (!all.is_empty()).then(|| Some(FieldValue::Text(pick(rng, &all).to_string())))
        }
        FieldType::Score => Some(Some(FieldValue::Integer(1 + (n % 5) as i64))),
        FieldType::Emotion => Some(Some(FieldValue::Integer((n % 5) as i64 - 2))),
        FieldType::Flag => Some(n.is_multiple_of(2).then_some(FieldValue::Bool(true))),
        FieldType::Phase => text(["buy", "own", "advocate"][n % 3].into()),
        FieldType::Status => text(["open", "doing", "done"][n % 3].into()),
        FieldType::Date => {
            Some(corridor::model::Date::new(2027, 1 + (n % 12) as u8, 1).map(FieldValue::Date))
        }
        FieldType::TextList => Some(Some(FieldValue::TextList(vec![format!("note {n}")]))),
        FieldType::Metrics => Some(Some(FieldValue::Metrics(vec![Metric::new(
            format!("m{}", n % 3),
            (n % 50) as f64 / 10.0,
        )]))),
        FieldType::Count => Some(Some(FieldValue::Integer((n * 10) as i64))),
        FieldType::Number => Some(Some(FieldValue::Number((n % 50) as f64 / 10.0))),
        FieldType::Lane => text(["frontstage", "backstage", "support"][n % 3].into()),
        // Metric definitions' own types and the header's tables: the
        // synthetic journeys have neither.
        FieldType::Scale
        | FieldType::MetricKind
        | FieldType::Better
        | FieldType::Target
        | FieldType::Economics
        | FieldType::State => None,
    }
}

/// One random edit of `side` that the other side's claims allow.
fn edit(
    rng: &mut Lcg,
    base: &Journey,
    side: u8,
    claims: &mut Claims,
    fresh: &mut usize,
) -> Option<Op> {
    let tps: Vec<Id> = base.touchpoints.iter().map(|t| t.id.clone()).collect();
    let referenced = |id: &Id| base.actions.iter().any(|a| &a.touchpoint == id);
    match rng.below(10) {
        0 => {
            let after = pick(rng, &tps).clone();
            *fresh += 1;
            let new = Id::new(&format!("new-{side}-{fresh}")).ok()?;
            let keys = vec![
                format!("after:{after}"),
                format!("pos:{after}"),
                format!("exists:{after}"),
            ];
            (!claims.gone(&after) && claims.free(side, &keys)).then(|| {
                claims.take(side, keys);
                Op::Add(new, after)
            })
        }
        1 => {
            let at = rng.below(tps.len());
            let id = tps[at].clone();
            let before = at.checked_sub(1).map(|p| tps[p].clone());
            let mut keys = vec![
                format!("exists:{id}"),
                format!("touch:{id}"),
                format!("pos:{id}"),
                format!("after:{id}"),
            ];
            keys.extend(before.map(|b| format!("after:{b}")));
            keys.push(format!("gone:{id}"));
            (!referenced(&id) && !claims.gone(&id) && claims.free(side, &keys)).then(|| {
                claims.take(side, keys);
                Op::Remove(id)
            })
        }
        2 => {
            let a = rng.below(tps.len());
            let b = rng.below(tps.len());
            if a == b {
                return None;
            }
            let (id, after) = (tps[a].clone(), tps[b].clone());
            let mut keys = vec![
                format!("pos:{id}"),
                format!("after:{id}"),
                format!("after:{after}"),
                format!("exists:{id}"),
                format!("exists:{after}"),
            ];
            keys.extend(a.checked_sub(1).map(|p| format!("after:{}", tps[p])));
            let here = !claims.gone(&id) && !claims.gone(&after);
            (here && claims.free(side, &keys)).then(|| {
                claims.take(side, keys);
                Op::MoveAfter(id, after)
            })
        }
        _ => {
            let kind = *pick(rng, &Kind::ALL);
            let all: Vec<&Id> = ids(base, kind).collect();
            if all.is_empty() {
                return None;
            }
            let id = pick(rng, &all).to_owned().clone();
            let spec = *pick(rng, kind.fields());
            let value = value(rng, base, spec.ty, spec.required)?;
            if visit_kind(kind, GetField(base, &id, spec.field)) == value {
                return None;
            }
            let mut keys = vec![format!("field:{}:{id}:{}", kind.key(), spec.field.key())];
            if kind == Kind::Touchpoint {
                keys.push(format!("exists:{id}"));
            }
            if let (FieldType::Ref(Kind::Touchpoint), Some(FieldValue::Text(t))) = (spec.ty, &value)
            {
                keys.push(format!("exists:{t}"));
            }
            let refers_gone = match &value {
                Some(FieldValue::Text(t)) => Id::new(t).is_ok_and(|t| claims.gone(&t)),
                _ => false,
            };
            let here = !(refers_gone || kind == Kind::Touchpoint && claims.gone(&id));
            (here && claims.free(side, &keys)).then(|| {
                claims.take(side, keys);
                Op::Set(kind, id, spec.field, value)
            })
        }
    }
}

/// `journey` written over `base_text` the way a save writes it.
fn saved(dir: &std::path::Path, base_text: &str, journey: &Journey) -> String {
    let path = dir.join("base.toml");
    std::fs::write(&path, base_text).expect("base written");
    let loaded = load(&path).expect("base loads");
    loaded.file.render(journey).expect("rendered")
}

#[test]
fn disjoint_edits_merge_into_both_sides_applied() {
    let dir = tempfile::tempdir().expect("temporary folder");
    for seed in 0..100u64 {
        let mut rng = Lcg(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0x00C0_FFEE);
        let base_text = synthetic_journey(4 + rng.below(16));
        let base = parse_journey(&base_text).journey.expect("valid base");
        let mut claims = Claims::default();
        let (mut ours_ops, mut theirs_ops) = (Vec::new(), Vec::new());
        let mut fresh = 0;
        for _ in 0..(1 + rng.below(12)) {
            let side = rng.below(2) as u8;
            if let Some(op) = edit(&mut rng, &base, side, &mut claims, &mut fresh) {
                if side == 0 {
                    ours_ops.push(op)
                } else {
                    theirs_ops.push(op)
                }
            }
        }
        let (mut ours, mut theirs) = (base.clone(), base.clone());
        ours_ops.iter().for_each(|op| apply(&mut ours, op));
        theirs_ops.iter().for_each(|op| apply(&mut theirs, op));
        let mut expected = ours.clone();
        theirs_ops.iter().for_each(|op| apply(&mut expected, op));
        let mut other_order = theirs.clone();
        ours_ops.iter().for_each(|op| apply(&mut other_order, op));
        assert_eq!(expected, other_order, "seed {seed}: the edits commute");

        let ours_text = saved(dir.path(), &base_text, &ours);
        let theirs_text = saved(dir.path(), &base_text, &theirs);
        let merged = merge_texts(&base_text, &ours_text, &theirs_text)
            .unwrap_or_else(|e| panic!("seed {seed}: {e}"));
        let context = || format!("seed {seed}\nours: {ours_ops:?}\ntheirs: {theirs_ops:?}");
        assert!(
            merged.conflicts.is_empty(),
            "{}: {:?}",
            context(),
            merged.conflicts
        );
        let reread = parse_journey(&merged.text)
            .journey
            .unwrap_or_else(|| panic!("{}", context()));
        assert_eq!(reread, expected, "{}", context());
        if canonical_format(&base_text).ok().as_deref() == Some(base_text.as_str()) {
            assert_eq!(
                canonical_format(&merged.text).ok().as_deref(),
                Some(merged.text.as_str()),
                "{}: the merge of canonical files is canonical",
                context()
            );
        }
    }
}
