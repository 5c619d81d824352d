//! The templates of `corridor new`: `blank`, and one per bundled journey,
//! which keeps the sample's structure and expectations and leaves what the
//! customer got for a new workshop to find out.

use clap::ValueEnum;
use toml_edit::{DocumentMut, Item};

use crate::cli::check::check_text;
use crate::model::Journey;
use crate::store::{canonical_format, parse_journey};

// The templates are files of their own: the bundled journeys are the
// user's to edit, and editing them must not change what `new` writes.
const BLANK: &str = include_str!("templates/blank.toml");
const B2B_ONBOARDING: &str = include_str!("templates/b2b-onboarding.toml");
const ONLINE_ORDER_COURIER: &str = include_str!("templates/online-order-courier.toml");
const SUBSCRIPTION_RENEWAL: &str = include_str!("templates/subscription-renewal.toml");

/// Touchpoint keys a template leaves out: what the customer got, and how we
/// know. Expectations (`expectation`, `expected`) stay.
const CLEARED: [&str; 6] = [
    "experience",
    "actual",
    "emotion",
    "evidence",
    "metrics",
    "notes",
];

/// A template name given to `--template`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Template {
    /// Three stages (buy, own, advocate), one department, one touchpoint,
    /// and a comment on every field
    #[value(name = "blank")]
    Blank,
    /// B2B software bought on a demo and implemented by a reseller partner
    #[value(name = "b2b-onboarding")]
    B2bOnboarding,
    /// Online order, courier delivery and an in-store return
    #[value(name = "online-order-courier")]
    OnlineOrderCourier,
    /// A subscription renewal that turns into a billing dispute
    #[value(name = "subscription-renewal")]
    SubscriptionRenewal,
    /// Print the templates with a line on each, and create nothing
    #[value(name = "list")]
    List,
}

impl Template {
    /// Every real template, in the order listed.
    pub const ALL: [Template; 4] = [
        Template::Blank,
        Template::B2bOnboarding,
        Template::OnlineOrderCourier,
        Template::SubscriptionRenewal,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Template::Blank => "blank",
            Template::B2bOnboarding => "b2b-onboarding",
            Template::OnlineOrderCourier => "online-order-courier",
            Template::SubscriptionRenewal => "subscription-renewal",
            Template::List => "list",
        }
    }

    /// One line on the template, as shown by `--list-templates`.
    pub fn description(self) -> String {
        let help = self
            .to_possible_value()
            .and_then(|v| v.get_help().map(ToString::to_string))
            .unwrap_or_default();
        match self.sample().and_then(|text| parse_journey(text).journey) {
            Some(j) => format!(
                "{help} ({} stages, {} touchpoints, {} departments, {} partners)",
                j.stages.len(),
                j.touchpoints.len(),
                j.departments.len(),
                j.partners.len()
            ),
            None => help,
        }
    }

    /// The bundled journey a template is drawn from.
    fn sample(self) -> Option<&'static str> {
        match self {
            Template::B2bOnboarding => Some(B2B_ONBOARDING),
            Template::OnlineOrderCourier => Some(ONLINE_ORDER_COURIER),
            Template::SubscriptionRenewal => Some(SUBSCRIPTION_RENEWAL),
            Template::Blank | Template::List => None,
        }
    }

    /// The text of a new journey titled `title`, in the canonical layout,
    /// checked to parse and to have no errors. The error is a bug.
    pub fn render(self, title: &str) -> Result<String, String> {
        let name = self.name();
        let (source, expected) = match self.sample() {
            Some(sample) => (sample, Some(stripped(sample, title)?)),
            None => (BLANK, None),
        };
        let mut doc: DocumentMut = source
            .parse()
            .map_err(|e| format!("template {name} is not TOML: {e}"))?;
        doc.as_table_mut()
            .insert("title", toml_edit::value(title.to_owned()));
        if self.sample().is_some() {
            strip_document(&mut doc, name);
        }
        let text =
            canonical_format(&doc.to_string()).map_err(|e| format!("template {name}: {e}"))?;
        let reread = parse_journey(&text).journey;
        let faithful = match (&reread, &expected) {
            (Some(got), Some(want)) => got == want,
            (Some(_), None) => true,
            (None, _) => false,
        };
        if !faithful {
            return Err(format!("template {name} does not read back as intended"));
        }
        if let Some(error) = check_text("template", &text, None)
            .into_iter()
            .find(|f| f.severity == crate::model::Severity::Error)
        {
            return Err(format!("template {name}: {}", error.message));
        }
        Ok(text)
    }
}

/// The journey a sample template must read back as: the sample with the new
/// title, without actions and without the cleared touchpoint fields.
fn stripped(sample: &str, title: &str) -> Result<Journey, String> {
    let mut journey = parse_journey(sample)
        .journey
        .ok_or("a bundled journey does not parse")?;
    title.clone_into(&mut journey.title);
    journey.actions.clear();
    for t in &mut journey.touchpoints {
        t.experience = None;
        t.actual = None;
        t.emotion = None;
        t.evidence.clear();
        t.metrics.clear();
        t.notes = None;
    }
    Ok(journey)
}

/// Removes actions, the cleared touchpoint fields and the comments on
/// single touchpoints (they tell the sample's findings), keeps the section
/// headings, and notes on top where the file came from.
fn strip_document(doc: &mut DocumentMut, name: &str) {
    doc.as_table_mut().remove("actions");
    if let Some(Item::ArrayOfTables(touchpoints)) = doc.as_table_mut().get_mut("touchpoints") {
        for table in touchpoints.iter_mut() {
            for key in CLEARED {
                table.remove(key);
            }
            let prefix = table.decor().prefix().and_then(|p| p.as_str());
            let heading = headings_only(prefix.unwrap_or(""));
            table.decor_mut().set_prefix(heading);
        }
    }
    let note = format!(
        "# Started from the `{name}` template of `corridor new`: the stages,\n\
         # departments, partners and touchpoints of a sample journey, with what\n\
         # customers expect at each touchpoint. The workshop fills in what they\n\
         # got (experience, actual 1-5, emotion -2..2, evidence, metrics, notes)\n\
         # and adds [[actions]] for the gaps it finds. The sample:\n\
         #\n"
    );
    if let Some(mut key) = doc.as_table_mut().key_mut("schema") {
        let old = key
            .leaf_decor()
            .prefix()
            .and_then(|p| p.as_str())
            .unwrap_or("")
            .to_owned();
        key.leaf_decor_mut().set_prefix(format!("{note}{old}"));
    }
}

/// The part of a table's leading comments set apart from it by a blank line
/// (a section heading); the comment paragraph right above the table goes.
fn headings_only(prefix: &str) -> String {
    let lines: Vec<&str> = prefix.split_inclusive('\n').collect();
    match lines.iter().rposition(|l| l.trim().is_empty()) {
        Some(last_blank) => lines[..=last_blank].concat(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_stay_and_table_comments_go() {
        let prefix = "\n# --\n# Touchpoints\n# --\n\n# About this one\n";
        assert_eq!(headings_only(prefix), "\n# --\n# Touchpoints\n# --\n\n");
        assert_eq!(headings_only("# only attached\n"), "");
        assert_eq!(headings_only("\n"), "\n");
    }

    #[test]
    fn every_template_renders() {
        for template in Template::ALL {
            let text = template
                .render("Ünïcode \"quoted\" title")
                .expect("renders");
            let journey = parse_journey(&text).journey.expect("parses");
            assert_eq!(journey.title, "Ünïcode \"quoted\" title");
            assert!(journey.actions.is_empty() || template == Template::Blank);
            assert!(journey.touchpoints.iter().all(|t| t.actual.is_none()));
        }
    }
}
