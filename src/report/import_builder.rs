//! Building a new journey from imported rows: ids made from names (slugs,
//! unique per kind), stages, departments and partners created on first use,
//! and the errors of an import, each at a line of the input.

use std::fmt;

use unicode_normalization::UnicodeNormalization;

use crate::model::{Department, Id, Journey, Kind, Origin, Partner, Stage, Touchpoint};

/// Longest slug made from a name.
const SLUG_MAX: usize = 48;

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

/// A slug of `text`: ASCII letters (accents dropped) and digits in lower
/// case, everything else folded into single hyphens; empty when nothing is
/// left.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.nfd() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if unicode_normalization::char::is_combining_mark(c) {
            continue;
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    if out.len() > SLUG_MAX {
        let cut = out[..SLUG_MAX].rfind('-').unwrap_or(SLUG_MAX);
        out.truncate(cut);
    }
    out.trim_matches('-').to_owned()
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
        let j = &self.journey;
        match kind {
            Kind::Stage => j.stages.iter().any(|e| e.id.as_str() == id),
            Kind::Department => j.departments.iter().any(|e| e.id.as_str() == id),
            Kind::Partner => j.partners.iter().any(|e| e.id.as_str() == id),
            Kind::Touchpoint => j.touchpoints.iter().any(|e| e.id.as_str() == id),
            Kind::Action => j.actions.iter().any(|e| e.id.as_str() == id),
        }
    }

    /// A free id of `kind` made from `name`: its slug, else `kind-N`, with
    /// `-2`, `-3`... added until it is unused.
    pub fn unique_id(&self, kind: Kind, name: &str) -> Id {
        let mut base = slug(name);
        if base.is_empty() {
            base = kind.noun().to_owned();
        }
        let mut candidate = base.clone();
        let mut n = 1;
        loop {
            if !self.taken(kind, &candidate)
                && let Ok(id) = Id::new(&candidate)
            {
                return id;
            }
            n += 1;
            candidate = format!("{base}-{n}");
        }
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
    fn slugs_fold_accents_and_punctuation() {
        assert_eq!(slug("Café: Loyalty card!"), "cafe-loyalty-card");
        assert_eq!(slug("  --Get   help--  "), "get-help");
        assert_eq!(slug("日本"), "");
        assert!(slug(&"word ".repeat(30)).len() <= SLUG_MAX);
    }

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
}
