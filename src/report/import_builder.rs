//! Building a new journey from imported rows: ids made from names (slugs,
//! unique per kind), stages, departments and partners created on first use,
//! and the errors of an import, each at a line of the input.

use std::fmt;

use crate::model::{Department, Id, Journey, Kind, Origin, Partner, Stage, Touchpoint};

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

/// A name for an entry given only an id-like value: `get-help` -> `Get help`.
fn humanise(value: &str) -> String {
    let spaced = value.replace('-', " ");
    let mut chars = spaced.chars();
    chars.next().map_or(String::new(), |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// A journey under construction.
#[derive(Debug)]
pub struct Builder {
    journey: Journey,
}

impl Builder {
    pub fn new(title: &str) -> Self {
        Self {
            journey: Journey {
                schema: Journey::SCHEMA,
                title: title.to_owned(),
                ..Journey::default()
            },
        }
    }

    pub fn journey(&self) -> &Journey {
        &self.journey
    }

    pub fn journey_mut(&mut self) -> &mut Journey {
        &mut self.journey
    }

    pub fn finish(self) -> Journey {
        self.journey
    }

    fn taken(&self, kind: Kind, id: &str) -> bool {
        crate::model::ids(&self.journey, kind).any(|e| e.as_str() == id)
    }

    /// A free id of `kind` made from `name`: its slug, else the kind's noun, with
    /// `-2`, `-3`... added until it is unused.
    pub fn unique_id(&self, kind: Kind, name: &str) -> Id {
        Id::from_name(name, kind.noun(), crate::model::ids(&self.journey, kind))
    }

    /// Whether `id` is free for a new entry of `kind`.
    pub fn is_free(&self, kind: Kind, id: &Id) -> bool {
        !self.taken(kind, id.as_str())
    }

    /// A new stage, even when one has the same name.
    pub fn new_stage(&mut self, name: &str) -> Id {
        let id = self.unique_id(Kind::Stage, name);
        let name = if name.trim().is_empty() {
            humanise(id.as_str())
        } else {
            name.trim().to_owned()
        };
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
        let found = self
            .journey
            .stages
            .iter()
            .find(|s| s.id.as_str() == value || s.name == value);
        match found {
            Some(s) => s.id.clone(),
            None if Id::new(value).is_ok() => self.new_stage(&humanise(value)),
            None => self.new_stage(value),
        }
    }

    /// The department a value names (by id or name), created when there is none.
    pub fn department(&mut self, value: &str) -> Id {
        let value = value.trim();
        let found = self
            .journey
            .departments
            .iter()
            .find(|d| d.id.as_str() == value || d.name == value);
        if let Some(d) = found {
            return d.id.clone();
        }
        let name = if Id::new(value).is_ok() {
            humanise(value)
        } else {
            value.to_owned()
        };
        let id = self.unique_id(Kind::Department, value);
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
        let found = self
            .journey
            .partners
            .iter()
            .find(|p| p.id.as_str() == value || p.name == value);
        if let Some(p) = found {
            return p.id.clone();
        }
        let name = if Id::new(value).is_ok() {
            humanise(value)
        } else {
            value.to_owned()
        };
        let id = self.unique_id(Kind::Partner, value);
        self.journey.partners.push(Partner {
            origin: Origin::NEW,
            id: id.clone(),
            name,
            role: None,
        });
        id
    }

    /// Adds a touchpoint; without an id, one is made from the name.
    pub fn touchpoint(&mut self, id: Option<Id>, stage: Id, name: &str) -> &mut Touchpoint {
        let id = id.unwrap_or_else(|| self.unique_id(Kind::Touchpoint, name));
        let index = self.journey.touchpoints.len();
        self.journey
            .touchpoints
            .push(Touchpoint::new(id, stage, name.trim()));
        &mut self.journey.touchpoints[index]
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
    }
}
