//! Saving a `[persona]` card: its table is edited in place like an entry's
//! (changed values keep their decor), made when a persona becomes a card,
//! and placed where the canonical layout puts it, before every other table.

use toml_edit::{DocumentMut, Item};

use super::canonical::LineEnding;
use super::edit::{new_table, sync_fields};
use crate::model::{Journey, Persona, PersonaCard};

/// The key of the persona card's table.
pub const TABLE: &str = "persona";

fn card(journey: &Journey) -> Option<&PersonaCard> {
    journey.persona.as_ref().and_then(Persona::card)
}

/// Brings the `[persona]` table from `baseline`'s card to `journey`'s. The
/// one-line form is a header key, synced with the others before this.
pub fn sync(doc: &mut DocumentMut, baseline: &Journey, journey: &Journey, eol: LineEnding) {
    let (before, after) = (card(baseline), card(journey));
    if before == after {
        return;
    }
    let Some(after) = after else {
        if matches!(doc.get(TABLE), Some(Item::Table(_))) {
            doc.remove(TABLE);
        }
        return;
    };
    let old = before.map(PersonaCard::fields).unwrap_or_default();
    if let Some(Item::Table(table)) = doc.get_mut(TABLE) {
        sync_fields(table, &old, &after.fields(), eol);
        return;
    }
    let mut table = new_table(&after.fields(), eol);
    let at = super::order::first_position(doc)
        .unwrap_or_else(|| super::order::end_position(doc))
        .saturating_sub(1);
    table.set_position(Some(at));
    doc.remove(TABLE);
    doc.insert(TABLE, Item::Table(table));
}
