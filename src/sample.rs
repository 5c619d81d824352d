//! Synthetic journeys of any size, for benchmarks and stress tests: realistic
//! shape (stages, departments, partners, actions, comments), about 600 bytes
//! per touchpoint.

use std::fmt::Write;

/// The TOML text of a valid journey with `touchpoints` touchpoints.
pub fn synthetic_journey(touchpoints: usize) -> String {
    const STAGES: [(&str, &str); 6] = [
        ("discover", "buy"),
        ("evaluate", "buy"),
        ("purchase", "buy"),
        ("receive", "own"),
        ("use", "own"),
        ("recommend", "advocate"),
    ];
    const DEPARTMENTS: [&str; 8] = [
        "marketing",
        "sales",
        "e-commerce",
        "logistics",
        "billing",
        "support",
        "finance",
        "hr",
    ];
    const CHANNELS: [&str; 6] = ["web", "email", "phone", "store", "chat", "partner"];
    let mut out = String::with_capacity(touchpoints * 640 + 4096);
    out.push_str("# A generated journey for benchmarks.\nschema = 1\n");
    let _ = writeln!(
        out,
        "title = \"Synthetic corridor of {touchpoints} touchpoints\""
    );
    out.push_str("persona = \"Generated persona\"\npromise = \"Everything on time\"\n");
    for (id, phase) in STAGES {
        let _ = write!(
            out,
            "\n[[stages]]\nid = \"{id}\"\nname = \"Stage {id}\"\nphase = \"{phase}\"\n"
        );
    }
    for id in DEPARTMENTS {
        let _ = write!(
            out,
            "\n[[departments]]\nid = \"{id}\"\nname = \"Department {id}\"\nlead = \"Head of {id}\"\n"
        );
    }
    out.push_str(
        "\n[[partners]]\nid = \"courier\"\nname = \"Courier partner\"\nrole = \"logistics\"\n",
    );
    for i in 0..touchpoints {
        let stage = STAGES[i * STAGES.len() / touchpoints.max(1)].0;
        let owner = DEPARTMENTS[i % DEPARTMENTS.len()];
        let channel = CHANNELS[i % CHANNELS.len()];
        let expected = 3 + i % 3;
        let actual = 1 + (i * 7) % 5;
        let emotion = (i % 5) as i64 - 2;
        let _ = write!(
            out,
            "\n# Touchpoint {i}: observed in the field study.\n[[touchpoints]]\nid = \"tp-{i}\"\nstage = \"{stage}\"\nname = \"Customer step number {i}\"\nchannel = \"{channel}\"\nowner = \"{owner}\"\n"
        );
        if i % 10 == 3 {
            out.push_str("partner = \"courier\"\n");
        }
        if i % 17 == 0 {
            out.push_str("moment_of_truth = true\n");
        }
        let _ = write!(
            out,
            "expectation = \"The customer expects step {i} to be quick and clear\"\nexpected = {expected}\nexperience = \"Step {i} took longer than it should and needed a second try\"\nactual = {actual}\nemotion = {emotion}\nevidence = [\"Interview {i}\", \"Ticket {}\"]\nmetrics = {{ csat = {}.{}, dropoff = 0.{:02} }}\nnotes = \"Generated note for step {i}.\"\n",
            i * 3,
            1 + i % 5,
            i % 10,
            i % 100
        );
    }
    for i in (0..touchpoints).step_by(5) {
        let owner = DEPARTMENTS[i % DEPARTMENTS.len()];
        let _ = write!(
            out,
            "\n[[actions]]\nid = \"act-{i}\"\ntouchpoint = \"tp-{i}\"\ntitle = \"Fix step {i}\"\nowner = \"{owner}\"\nstatus = \"open\"\ndue = 2026-12-15\n"
        );
    }
    out
}

/// `[[steps]]` tables to append to `synthetic_journey(touchpoints)`: `per`
/// steps behind every touchpoint, across the three lanes, owned by the
/// departments in turn, every seventh a fail point.
pub fn synthetic_steps(touchpoints: usize, per: usize) -> String {
    const LANES: [&str; 3] = ["frontstage", "backstage", "support"];
    const OWNERS: [&str; 4] = ["logistics", "billing", "finance", "hr"];
    let mut out = String::with_capacity(touchpoints * per * 130);
    for i in 0..touchpoints {
        for n in 0..per {
            let k = i * per + n;
            let _ = write!(
                out,
                "\n[[steps]]\nid = \"st-{k}\"\ntouchpoint = \"tp-{i}\"\nlane = \"{}\"\nname = \"Work behind step {i}, part {n}\"\nowner = \"{}\"\n",
                LANES[n % LANES.len()],
                OWNERS[k % OWNERS.len()]
            );
            if k.is_multiple_of(7) {
                out.push_str("fail_point = true\n");
            }
        }
    }
    out
}

/// A small deterministic pseudo-random generator (a 64-bit LCG), so that
/// randomised tests and benchmarks reproduce from their seed.
#[derive(Debug, Clone)]
pub struct Lcg(pub u64);

impl Lcg {
    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) as usize) % n.max(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_append_to_a_valid_journey() {
        let mut text = synthetic_journey(30);
        text.push_str(&synthetic_steps(30, 3));
        let journey = crate::store::parse_journey(&text).journey.expect("valid");
        assert_eq!(journey.steps.len(), 90);
        let errors = crate::analysis::validate(&journey)
            .into_iter()
            .filter(|f| f.severity == crate::model::Severity::Error)
            .count();
        assert_eq!(errors, 0);
    }

    #[test]
    fn parses_and_has_the_size_asked() {
        let text = synthetic_journey(200);
        let parsed = crate::store::parse_journey(&text);
        let journey = parsed.journey.expect("valid");
        assert_eq!(journey.touchpoints.len(), 200);
        let per = text.len() / 200;
        assert!((450..800).contains(&per), "{per} bytes per touchpoint");
    }
}
