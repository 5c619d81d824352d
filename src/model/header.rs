//! The parts of a journey's header that are more than one line of text:
//! the persona (one line, or a `[persona]` card), and the state of the
//! corridor a journey maps (current or future) with the journey it is
//! compared against.

use super::assign::{parse_value, required, text};
use super::field::{Field, FieldEntry, FieldSpec, FieldType, FieldValue};
use super::{AssignError, Journey};

/// Who walks the corridor: `persona = "one line"` or a `[persona]` table.
#[derive(Debug, Clone, PartialEq)]
pub enum Persona {
    Line(String),
    Card(PersonaCard),
}

/// A persona as a card: who they are, what they want and need, in their
/// own words.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PersonaCard {
    pub name: String,
    pub role: Option<String>,
    pub goals: Vec<String>,
    pub needs: Vec<String>,
    pub quote: Option<String>,
    pub context: Option<String>,
}

impl Persona {
    /// The persona in one line: the line itself, or the card's name and
    /// role.
    pub fn summary(&self) -> String {
        match self {
            Persona::Line(text) => text.clone(),
            Persona::Card(card) => match &card.role {
                Some(role) => format!("{}, {role}", card.name),
                None => card.name.clone(),
            },
        }
    }

    /// The card, when the persona is written as one.
    pub fn card(&self) -> Option<&PersonaCard> {
        match self {
            Persona::Card(card) => Some(card),
            Persona::Line(_) => None,
        }
    }
}

/// The keys of a `[persona]` table, in file order.
pub const PERSONA: &[FieldSpec] = &[
    FieldSpec {
        field: Field::Name,
        ty: FieldType::Line,
        required: true,
    },
    FieldSpec {
        field: Field::Role,
        ty: FieldType::Line,
        required: false,
    },
    FieldSpec {
        field: Field::Goals,
        ty: FieldType::TextList,
        required: false,
    },
    FieldSpec {
        field: Field::Needs,
        ty: FieldType::TextList,
        required: false,
    },
    FieldSpec {
        field: Field::Quote,
        ty: FieldType::Line,
        required: false,
    },
    FieldSpec {
        field: Field::Context,
        ty: FieldType::Lines,
        required: false,
    },
];

/// The row of `key` among the persona card's keys.
pub fn persona_field(key: &str) -> Option<FieldSpec> {
    PERSONA.iter().copied().find(|s| s.field.key() == key)
}

/// A persona card's key as its findings and diffs name it (`persona.name`),
/// which is also where the source map keeps its span.
pub fn persona_key(key: &str) -> Option<&'static str> {
    Some(match key {
        "name" => "persona.name",
        "role" => "persona.role",
        "goals" => "persona.goals",
        "needs" => "persona.needs",
        "quote" => "persona.quote",
        "context" => "persona.context",
        _ => return None,
    })
}

impl PersonaCard {
    /// A card with only a name.
    pub fn named(name: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            ..Self::default()
        }
    }

    pub fn get(&self, field: Field) -> Option<FieldValue> {
        let text = |v: &Option<String>| v.clone().map(FieldValue::Text);
        let list = |v: &Vec<String>| (!v.is_empty()).then(|| FieldValue::TextList(v.clone()));
        match field {
            Field::Name => Some(FieldValue::Text(self.name.clone())),
            Field::Role => text(&self.role),
            Field::Goals => list(&self.goals),
            Field::Needs => list(&self.needs),
            Field::Quote => text(&self.quote),
            Field::Context => text(&self.context),
            _ => None,
        }
    }

    /// Every key of the card in file order.
    pub fn fields(&self) -> Vec<FieldEntry> {
        PERSONA
            .iter()
            .map(|s| (s.field, self.get(s.field)))
            .collect()
    }
}

/// `persona = TEXT`: the one line, or the card's name when the persona is
/// a card (a card is not dropped by renaming it); nothing clears it.
pub(super) fn set_persona_line(journey: &mut Journey, value: Option<String>) {
    journey.persona = match (journey.persona.take(), value) {
        (Some(Persona::Card(mut card)), Some(name)) => {
            card.name = name;
            Some(Persona::Card(card))
        }
        (_, value) => value.map(Persona::Line),
    };
}

/// `persona.FIELD = TEXT` (`persona.goals+` appends a goal, `persona.needs+`
/// a need): one key of the card, which a one-line persona becomes (its
/// line the name).
pub(super) fn assign_persona(
    journey: &mut Journey,
    field: &str,
    value: &str,
) -> Result<(), AssignError> {
    let key = field.trim_start_matches("persona.");
    let (key, append) = match key.strip_suffix('+') {
        Some(k) => (k, true),
        None => (key, false),
    };
    let spec = persona_field(key)
        .filter(|s| !append || s.ty == FieldType::TextList)
        .ok_or_else(|| AssignError::NoSuchField("persona", key.into()))?;
    let value = parse_value(spec, value)?;
    let mut card = match journey.persona.take() {
        Some(Persona::Card(card)) => card,
        Some(Persona::Line(line)) => PersonaCard::named(line),
        None if spec.field == Field::Name => PersonaCard::default(),
        None => {
            return Err(AssignError::BadValue {
                field: field.into(),
                why: "give the persona a name first (journey.persona.name=...)".into(),
            });
        }
    };
    let list = |value: Option<FieldValue>| match value {
        Some(FieldValue::TextList(items)) => items,
        _ => Vec::new(),
    };
    match spec.field {
        Field::Name => card.name = required(spec.field, value).unwrap_or(card.name),
        Field::Role => card.role = text(value),
        Field::Quote => card.quote = text(value),
        Field::Context => card.context = text(value),
        Field::Goals if append => card.goals.extend(list(value)),
        Field::Goals => card.goals = list(value),
        Field::Needs if append => card.needs.extend(list(value)),
        Field::Needs => card.needs = list(value),
        _ => {}
    }
    journey.persona = Some(Persona::Card(card));
    Ok(())
}

/// Which corridor a journey maps: the one customers walk today, or the
/// one being designed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum JourneyState {
    Current,
    Future,
}

impl JourneyState {
    pub const ALL: [JourneyState; 2] = [JourneyState::Current, JourneyState::Future];

    pub fn name(self) -> &'static str {
        match self {
            JourneyState::Current => "current",
            JourneyState::Future => "future",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.name() == text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_persona_in_one_line() {
        let line = Persona::Line("IT lead".into());
        assert_eq!(line.summary(), "IT lead");
        let mut card = PersonaCard::named("Mara");
        assert_eq!(Persona::Card(card.clone()).summary(), "Mara");
        card.role = Some("Office manager".into());
        assert_eq!(Persona::Card(card).summary(), "Mara, Office manager");
        assert_eq!(JourneyState::parse("future"), Some(JourneyState::Future));
        assert_eq!(
            persona_field("goals").map(|s| s.ty),
            Some(FieldType::TextList)
        );
    }
}
