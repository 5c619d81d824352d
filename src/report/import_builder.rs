//! Building a new journey from imported rows: ids made from names (slugs,
//! unique per kind), stages, departments and partners created on first use,
//! and the errors of an import, each at a line of the input. Every lookup
//! goes through an index, so an import costs time in proportion to its
//! rows.

use std::collections::HashMap;
use std::fmt;

use crate::model::{Department, Id, Journey, Kind, Origin, Partner, Phase, Stage, Touchpoint};

/// A problem in an imported file, at a line and column (both from 1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportError {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl ImportError {
    pub fn new(line: usize, column: usize, message: impl Into<String>) -> Self {
        Self {
            line,
            column,
            message: message.into(),
        }
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.line, self.column, self.message)
    }
}

/// A name for an entry given only an id-like value: `get-help` -> `Get
/// help`, `-1` -> `1`.
fn humanise(value: &str) -> String {
    let spaced = value
        .split('-')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    let mut chars = spaced.chars();
    chars.next().map_or(value.to_owned(), |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// The entries of one kind made so far, for lookups in constant time.
#[derive(Debug, Default)]
struct Index {
    /// Position in its list of the entry with each id.
    ids: HashMap<String, usize>,
    /// Position of the first entry with each name.
    names: HashMap<String, usize>,
    /// The last suffix handed out per base id: 3 for `t` once `t-3` is.
    suffixes: HashMap<String, usize>,
}

impl Index {
    fn add(&mut self, id: &Id, name: Option<&str>, position: usize) {
        self.ids.insert(id.as_str().to_owned(), position);
        if let Some(name) = name {
            self.names.entry(name.to_owned()).or_insert(position);
        }
    }

    /// The first entry whose id or name is `value`.
    fn find(&self, value: &str) -> Option<usize> {
        let by_id = self.ids.get(value).copied();
        let by_name = self.names.get(value).copied();
        by_id.into_iter().chain(by_name).min()
    }
}

/// A journey under construction.
#[derive(Debug)]
pub struct Builder {
    journey: Journey,
    index: HashMap<Kind, Index>,
}

impl Builder {
    pub fn new(title: &str) -> Self {
        Self {
            journey: Journey {
                schema: Journey::SCHEMA,
                title: title.to_owned(),
                ..Journey::default()
            },
            index: HashMap::new(),
        }
    }

    pub fn journey(&self) -> &Journey {
        &self.journey
    }

    pub fn finish(self) -> Journey {
        self.journey
    }

    /// Sets the journey's description.
    pub fn describe(&mut self, description: Option<String>) {
        self.journey.description = description;
    }

    fn index(&mut self, kind: Kind) -> &mut Index {
        self.index.entry(kind).or_default()
    }

    /// A free id of `kind` made from `name`: its slug, else `kind-N`, with
    /// `-2`, `-3`... added until it is unused. Each base remembers the last
    /// suffix it handed out, so a thousand `t` cost a thousand steps, not a
    /// million; ids are only ever added, so the first free one is never
    /// below it.
    fn unique_id(&mut self, kind: Kind, name: &str) -> Id {
        let mut base = crate::model::slug(name);
        if base.is_empty() {
            base = kind.noun().to_owned();
        }
        let index = self.index(kind);
        let mut n = index.suffixes.get(&base).copied().unwrap_or(1);
        loop {
            let candidate = if n == 1 {
                base.clone()
            } else {
                format!("{base}-{n}")
            };
            if !index.ids.contains_key(&candidate)
                && let Ok(id) = Id::new(&candidate)
            {
                index.suffixes.insert(base, n);
                return id;
            }
            n += 1;
        }
    }

    /// Whether `id` is free for a new entry of `kind`.
    pub fn is_free(&self, kind: Kind, id: &Id) -> bool {
        self.index
            .get(&kind)
            .is_none_or(|index| !index.ids.contains_key(id.as_str()))
    }

    /// A new stage, even when one has the same name.
    pub fn new_stage(&mut self, name: &str) -> Id {
        let id = self.unique_id(Kind::Stage, name);
        let name = if name.trim().is_empty() {
            humanise(id.as_str())
        } else {
            name.trim().to_owned()
        };
        let position = self.journey.stages.len();
        self.index(Kind::Stage).add(&id, Some(&name), position);
        self.journey.stages.push(Stage {
            origin: Origin::NEW,
            id: id.clone(),
            name,
            phase: None,
        });
        id
    }

    /// The stage a value names (by id or name), created when there is none.
    pub fn stage(&mut self, value: &str) -> Id {
        let value = value.trim();
        match self.index(Kind::Stage).find(value) {
            Some(i) => self.journey.stages[i].id.clone(),
            None if Id::new(value).is_ok() => self.new_stage(&humanise(value)),
            None => self.new_stage(value),
        }
    }

    /// Gives the stage `id` a phase unless it has one.
    pub fn stage_phase(&mut self, id: &Id, phase: Phase) {
        if let Some(&i) = self.index(Kind::Stage).ids.get(id.as_str()) {
            self.journey.stages[i].phase.get_or_insert(phase);
        }
    }

    /// The name and id for a new department or partner that `value` names.
    fn name_and_id(&mut self, kind: Kind, value: &str) -> (String, Id) {
        let name = if Id::new(value).is_ok() {
            humanise(value)
        } else {
            value.to_owned()
        };
        (name, self.unique_id(kind, value))
    }

    /// The department a value names (by id or name), created when there is none.
    pub fn department(&mut self, value: &str) -> Id {
        let value = value.trim();
        if let Some(i) = self.index(Kind::Department).find(value) {
            return self.journey.departments[i].id.clone();
        }
        let (name, id) = self.name_and_id(Kind::Department, value);
        let position = self.journey.departments.len();
        self.index(Kind::Department).add(&id, Some(&name), position);
        self.journey.departments.push(Department {
            origin: Origin::NEW,
            id: id.clone(),
            name,
            lead: None,
        });
        id
    }

    /// The partner a value names (by id or name), created when there is none.
    pub fn partner(&mut self, value: &str) -> Id {
        let value = value.trim();
        if let Some(i) = self.index(Kind::Partner).find(value) {
            return self.journey.partners[i].id.clone();
        }
        let (name, id) = self.name_and_id(Kind::Partner, value);
        let position = self.journey.partners.len();
        self.index(Kind::Partner).add(&id, Some(&name), position);
        self.journey.partners.push(Partner {
            origin: Origin::NEW,
            id: id.clone(),
            name,
            role: None,
        });
        id
    }

    /// A new touchpoint; without an id, one is made from the name. It joins
    /// the journey with [`Builder::add_touchpoint`].
    pub fn new_touchpoint(&mut self, id: Option<Id>, stage: Id, name: &str) -> Touchpoint {
        let id = id.unwrap_or_else(|| self.unique_id(Kind::Touchpoint, name));
        Touchpoint::new(id, stage, name.trim())
    }

    /// Adds a touchpoint (its id must be free).
    pub fn add_touchpoint(&mut self, touchpoint: Touchpoint) {
        let position = self.journey.touchpoints.len();
        self.index(Kind::Touchpoint)
            .add(&touchpoint.id, None, position);
        self.journey.touchpoints.push(touchpoint);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_per_kind() {
        let mut b = Builder::new("T");
        assert_eq!(b.new_stage("Buy").as_str(), "buy");
        assert_eq!(b.new_stage("Buy").as_str(), "buy-2");
        assert_eq!(b.new_stage("日本").as_str(), "stage");
        assert_eq!(b.stage("buy").as_str(), "buy");
        assert_eq!(b.stage("get-help").as_str(), "get-help");
        assert_eq!(b.journey().stages[3].name, "Get help");
        assert_eq!(b.department("Customer Care").as_str(), "customer-care");
        assert_eq!(b.department("Customer Care").as_str(), "customer-care");
        assert_eq!(b.journey().departments.len(), 1);
        b.department("-1");
        assert_eq!(b.journey().departments[1].name, "1", "no stray space");
    }

    #[test]
    fn repeated_names_count_up_past_ids_taken_literally() {
        let mut b = Builder::new("T");
        let stage = b.new_stage("S");
        let add = |b: &mut Builder, id: Option<&str>, name: &str| {
            let id = id.map(|i| Id::new(i).expect("an id"));
            let t = b.new_touchpoint(id, stage.clone(), name);
            let made = t.id.to_string();
            b.add_touchpoint(t);
            made
        };
        add(&mut b, Some("t-3"), "Literal");
        let made: Vec<String> = ["t", "t", "T!", "t", "t-2", "t"]
            .iter()
            .map(|name| add(&mut b, None, name))
            .collect();
        // `t-2` as a name has the base `t-2`, which `t` already handed out.
        assert_eq!(made, ["t", "t-2", "t-4", "t-5", "t-2-2", "t-6"]);
        assert!(!b.is_free(Kind::Touchpoint, &Id::new("t-6").expect("an id")));
        assert!(b.is_free(Kind::Touchpoint, &Id::new("t-7").expect("an id")));
        assert!(b.is_free(Kind::Stage, &Id::new("t").expect("an id")));
    }
}
