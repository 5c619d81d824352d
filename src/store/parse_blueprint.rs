//! Reading what service blueprints, personas and states add to a journey
//! file: `[[steps]]` tables, a `[persona]` card (or the one-line persona),
//! and the `state` key, each with its findings at the value's span.

use toml::Spanned;
use toml::de::DeValue;

use super::parse::Reader;
use super::source::SourceMap;
use crate::model::{
    Finding, JourneyState, Lane, Locus, Origin, Persona, PersonaCard, Step, persona_key,
};

/// One `[[steps]]` table.
pub(super) fn step(r: &mut Reader<'_, '_>, origin: Origin) -> Option<Step> {
    let id = r.id("id", true);
    let touchpoint = r.id("touchpoint", true);
    let lane = lane(r);
    let name = r.required_text("name");
    let owner = r.id("owner", false);
    let partner = r.id("partner", false);
    let fail_point = r.boolean("fail_point").unwrap_or(false);
    let notes = r.text("notes");
    let mut step = Step::new(id?, touchpoint?, lane?, name?);
    step.origin = origin;
    step.owner = owner;
    step.partner = partner;
    step.fail_point = fail_point;
    step.notes = notes;
    Some(step)
}

/// `lane`, which every step must have.
fn lane(r: &mut Reader<'_, '_>) -> Option<Lane> {
    let text = r.required_text("lane")?;
    let lane = Lane::parse(&text);
    if lane.is_none() {
        let span = r.spans.fields.get("lane").cloned().unwrap_or_default();
        r.error(
            span,
            format!("`lane` {text:?} must be frontstage, backstage or support"),
        );
    }
    lane
}

impl Reader<'_, '_> {
    /// The header's `state`: current or future.
    pub(super) fn journey_state(&mut self) -> Option<JourneyState> {
        let text = self.text("state")?;
        let state = JourneyState::parse(&text);
        if state.is_none() {
            let span = self.spans.fields.get("state").cloned().unwrap_or_default();
            self.error(span, format!("`state` {text:?} must be current or future"));
        }
        state
    }
}

/// `persona`: one line of text, or a table (a card) with a name.
pub(super) fn persona(
    value: &Spanned<DeValue<'_>>,
    findings: &mut Vec<Finding>,
    map: &mut SourceMap,
) -> Option<Persona> {
    let table = match value.get_ref() {
        DeValue::String(s) => return Some(Persona::Line(s.to_string())),
        DeValue::Table(table) => table,
        other => {
            findings.push(Finding::error(
                Locus::Span(value.span()),
                format!(
                    "`persona` must be a string or a [persona] table, found {}",
                    other.type_str()
                ),
            ));
            return None;
        }
    };
    let mut r = Reader::new(table, value.span(), "persona", findings);
    let name = r.required_text("name");
    let card = PersonaCard {
        name: name.unwrap_or_default(),
        role: r.text("role"),
        goals: r.text_list("goals"),
        needs: r.text_list("needs"),
        quote: r.text("quote"),
        context: r.text("context"),
    };
    let spans = r.finish();
    for (key, span) in spans.fields {
        if let Some(key) = persona_key(key) {
            map.header.insert(key, span);
        }
    }
    Some(Persona::Card(card))
}
