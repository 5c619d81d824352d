//! One truth for every figure: each figure is computed once in `analysis`,
//! and the workbench's derived figures, `show`, every report format and
//! `diff` carry the same number under the same name. This computes the
//! figures of the sample journeys and of generated ones, reads them back
//! from every surface, and fails on any disagreement.

mod support;

use corridor::analysis::economics::at_stake;
use corridor::analysis::figures::{self, GROUP};
use corridor::analysis::{
    Figures, department_figures, experience_debt, partner_figures, rank_gaps, unowned_figures,
};
use corridor::model::{Date, Journey};
use corridor::report::{Context, Format, render_journey};
use corridor::sample::Lcg;
use corridor::store::parse_journey;
use corridor::tui::derived::Derived;
use serde_json::Value;
use support::Sandbox;

fn today() -> Date {
    Date::new(2026, 1, 15).expect("date")
}

/// The sample journeys and generated ones, as (name, text).
fn journeys() -> Vec<(String, String)> {
    let mut all: Vec<(String, String)> = std::fs::read_dir(support::SAMPLES)
        .expect("samples")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .map(|p| {
            let text = std::fs::read_to_string(&p).expect("read");
            (p.display().to_string(), text)
        })
        .collect();
    let measured = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/measure/measured.toml");
    let text = std::fs::read_to_string(&measured).expect("read");
    all.push((measured.display().to_string(), text));
    for file in ["b2b-onboarding.toml", "b2b-onboarding_future.toml"] {
        let path = std::path::Path::new(support::BLUEPRINT).join(file);
        let text = std::fs::read_to_string(&path).expect("read");
        all.push((path.display().to_string(), text));
    }
    all.sort();
    all.push((
        "synthetic-40".into(),
        corridor::sample::synthetic_journey(40),
    ));
    for seed in 1..=6 {
        all.push((format!("random-{seed}"), random_journey(seed)));
    }
    all
}

/// A random valid journey: random scores (some missing), owners (some
/// missing), partners, moments of truth and actions in every status.
fn random_journey(seed: u64) -> String {
    let mut rng = Lcg(seed);
    let mut text = String::from("schema = 1\ntitle = \"Random\"\n");
    let stages = 1 + rng.below(5);
    for s in 0..stages {
        text.push_str(&format!(
            "\n[[stages]]\nid = \"s{s}\"\nname = \"Stage {s}\"\n"
        ));
    }
    let departments = 1 + rng.below(5);
    for d in 0..departments {
        text.push_str(&format!(
            "\n[[departments]]\nid = \"d{d}\"\nname = \"Department {d}\"\n"
        ));
    }
    let partners = rng.below(3);
    for p in 0..partners {
        text.push_str(&format!(
            "\n[[partners]]\nid = \"p{p}\"\nname = \"Partner {p}\"\n"
        ));
    }
    let touchpoints = 1 + rng.below(30);
    for t in 0..touchpoints {
        text.push_str(&format!(
            "\n[[touchpoints]]\nid = \"t{t}\"\nstage = \"s{}\"\nname = \"Touchpoint {t}\"\nchannel = \"c{}\"\n",
            rng.below(stages),
            rng.below(3)
        ));
        if rng.below(6) > 0 {
            text.push_str(&format!("owner = \"d{}\"\n", rng.below(departments)));
        }
        if partners > 0 && rng.below(3) == 0 {
            text.push_str(&format!("partner = \"p{}\"\n", rng.below(partners)));
        }
        if rng.below(5) == 0 {
            text.push_str("moment_of_truth = true\n");
        }
        if rng.below(8) > 0 {
            text.push_str(&format!("expected = {}\n", 1 + rng.below(5)));
        }
        if rng.below(8) > 0 {
            text.push_str(&format!("actual = {}\n", 1 + rng.below(5)));
        }
    }
    // Blueprint steps, some owned by a department that faces no customer.
    if rng.below(2) == 0 {
        text.push_str("\n[[departments]]\nid = \"backroom\"\nname = \"Back room\"\n");
    }
    let lanes = ["frontstage", "backstage", "support"];
    for s in 0..rng.below(12) {
        let owner = if text.contains("\"backroom\"") && rng.below(2) == 0 {
            "backroom".to_owned()
        } else {
            format!("d{}", rng.below(departments))
        };
        text.push_str(&format!(
            "\n[[steps]]\nid = \"st{s}\"\ntouchpoint = \"t{}\"\nlane = \"{}\"\nname = \"Step {s}\"\nowner = \"{owner}\"\n",
            rng.below(touchpoints),
            lanes[rng.below(3)]
        ));
        if partners > 0 && rng.below(3) == 0 {
            text.push_str(&format!("partner = \"p{}\"\n", rng.below(partners)));
        }
    }
    for a in 0..rng.below(8) {
        let status = ["open", "doing", "done"][rng.below(3)];
        text.push_str(&format!(
            "\n[[actions]]\nid = \"a{a}\"\ntouchpoint = \"t{}\"\ntitle = \"Action {a}\"\nstatus = \"{status}\"\ndue = 2026-0{}-10\n",
            rng.below(touchpoints),
            1 + rng.below(3)
        ));
    }
    text
}

fn parse(text: &str) -> Journey {
    parse_journey(text).journey.expect("a valid journey")
}

/// A figure of `f` as JSON writes it.
fn json_number(f: &Figures, figure: &figures::Figure) -> Value {
    match (f.number(figure), *figure) {
        (None, _) => Value::Null,
        (Some(n), figures::MEAN_GAP) => serde_json::json!(n),
        (Some(n), _) => serde_json::json!(n as i64),
    }
}

fn assert_json_figures(label: &str, value: &Value, f: &Figures) {
    for figure in GROUP.iter().chain([&&figures::SHORTFALL]) {
        assert_eq!(
            value[figure.key],
            json_number(f, figure),
            "{label}: `{}`",
            figure.key
        );
    }
}

#[test]
fn every_surface_shows_the_figures_analysis_computes() {
    let sandbox = Sandbox::new();
    for (name, text) in journeys() {
        let journey = parse(&text);
        let all = Figures::of(&journey.touchpoints);
        let departments = department_figures(&journey);
        let partners = partner_figures(&journey);
        let debt = experience_debt(&journey);

        // The workbench's cached figures.
        let derived = Derived::of(&journey);
        assert_eq!(derived.totals, all, "{name}: workbench totals");
        assert_eq!(derived.owners.len(), departments.len());
        for (row, d) in derived.owners.iter().zip(&departments) {
            assert_eq!(row.id, d.id.as_str(), "{name}: the Owners view's order");
            assert_eq!(row.figures, d.figures, "{name}: {}", d.id);
            assert_eq!(row.open_actions, d.open_actions, "{name}: {}", d.id);
            assert_eq!(row.behind, d.behind, "{name}: {} behind the line", d.id);
        }
        assert_eq!(derived.unowned.figures, unowned_figures(&journey));
        for (row, p) in derived.partners.iter().zip(&partners) {
            assert_eq!(row.figures, p.figures, "{name}: partner {}", p.id);
            assert_eq!(row.lags(), p.lags(), "{name}: partner {}", p.id);
            assert_eq!(row.behind, p.behind, "{name}: partner {} behind", p.id);
        }
        let running: Vec<i32> = debt.iter().map(|d| d.debt).collect();
        assert_eq!(derived.debt, running, "{name}: the Curve's debt");
        assert_eq!(running.last().copied().unwrap_or(0), all.debt);

        // The JSON report.
        let context = Context::on(today());
        let json = render_journey(&journey, Format::Json, &context).expect("json");
        let json: Value = serde_json::from_str(&json).expect("valid json");
        assert_json_figures(&format!("{name}: json summary"), &json["summary"], &all);
        let listed = json["departments"].as_array().expect("departments");
        assert_eq!(listed.len(), departments.len());
        for (value, d) in listed.iter().zip(&departments) {
            assert_eq!(value["id"], d.id.as_str(), "{name}: json department order");
            assert_json_figures(
                &format!("{name}: json {}", d.id),
                &value["figures"],
                &d.figures,
            );
            assert_json_figures(
                &format!("{name}: json {} behind", d.id),
                &value[figures::BEHIND.key],
                &d.behind,
            );
        }
        for (value, p) in json["partners"]
            .as_array()
            .expect("partners")
            .iter()
            .zip(&partners)
        {
            assert_eq!(value["id"], p.id.as_str());
            assert_json_figures(
                &format!("{name}: json {}", p.id),
                &value["figures"],
                &p.figures,
            );
            assert_eq!(value["lags"], p.lags());
            assert_json_figures(
                &format!("{name}: json {} behind", p.id),
                &value[figures::BEHIND.key],
                &p.behind,
            );
        }
        for (value, point) in json["corridor"]
            .as_array()
            .expect("corridor")
            .iter()
            .zip(&debt)
        {
            assert_eq!(value["touchpoint"], point.touchpoint.id.as_str());
            assert_eq!(value[figures::DEBT.key], point.debt, "{name}");
        }

        // The CSV report: one row per touchpoint in corridor order.
        let csv = render_journey(&journey, Format::Csv, &context).expect("csv");
        let mut reader = csv::Reader::from_reader(csv.as_bytes());
        let header = reader.headers().expect("header").clone();
        let col = |key: &str| header.iter().position(|h| h == key).expect(key);
        let severity_of: std::collections::HashMap<&str, u8> = rank_gaps(&journey)
            .iter()
            .map(|r| (r.touchpoint.id.as_str(), r.severity))
            .collect();
        for (record, point) in reader.records().map(|r| r.expect("row")).zip(&debt) {
            let t = point.touchpoint;
            let id = record[col("id")].trim_start_matches('\'').to_owned();
            assert_eq!(id, t.id.as_str(), "{name}");
            assert_eq!(
                record[col(figures::DEBT.key)],
                point.debt.to_string(),
                "{name}: {id}"
            );
            assert_eq!(
                record[col(figures::SEVERITY.key)],
                severity_of[t.id.as_str()].to_string()
            );
            assert_eq!(record[col(figures::CLASS.key)], *t.gap_class().name());
            let gap = t.gap().map_or(String::new(), |g| g.get().to_string());
            assert_eq!(record[col(figures::GAP.key)], gap, "{name}: {id}");
            let stake = journey.economics.as_ref().and_then(|e| at_stake(e, t));
            let cell = &record[col(figures::VALUE_AT_STAKE.key)];
            match stake {
                Some(v) => {
                    let written: f64 = cell.parse().expect("a number");
                    assert!((written - v).abs() < 0.005, "{name}: {id}: {cell} vs {v}");
                }
                None => assert_eq!(cell, "", "{name}: {id}"),
            }
        }

        // The Markdown report's Departments table: figure names as headers.
        let md = render_journey(&journey, Format::Md, &context).expect("md");
        let table = md_table(&md, "## Departments\n");
        for (row, d) in table.rows.iter().zip(&departments) {
            assert_eq!(row[0], d.name, "{name}: md department order");
            for figure in GROUP {
                let at = table.column(figure.name);
                assert_eq!(
                    row[at],
                    d.figures.text(figure),
                    "{name}: md {}",
                    figure.name
                );
            }
        }

        // `show`, through the real binary.
        let file = format!("{}.toml", name.rsplit('/').next().unwrap_or(&name));
        sandbox.write(&file, &text);
        let shown = sandbox.corridor(&["show", &file, "--width", "200", "--no-color"]);
        assert_eq!(shown.code, 0, "{}", shown.stderr);
        let summary = shown
            .stdout
            .lines()
            .find(|l| l.contains(" scored; "))
            .expect("summary");
        for (figure, value) in [
            (&figures::DEBT, all.debt.to_string()),
            (&figures::BELOW, all.below_expectation().to_string()),
            (&figures::CRITICAL, all.critical.to_string()),
        ] {
            let words = match *figure {
                figures::DEBT => format!("{} {value}", figure.name.to_lowercase()),
                _ => format!("{value} {}", figure.name.to_lowercase()),
            };
            assert!(summary.contains(&words), "{name}: {words:?} in {summary:?}");
        }
        let rows = show_rows(&shown.stdout, "Departments (most indebted first)");
        assert_eq!(rows.len(), departments.len(), "{name}");
        for (numbers, d) in rows.iter().zip(&departments) {
            let expected: Vec<String> = GROUP.iter().map(|f| d.figures.text(f)).collect();
            assert_eq!(
                numbers[..GROUP.len()],
                expected[..],
                "{name}: show {}",
                d.id
            );
            assert_eq!(numbers[GROUP.len()], d.open_actions.to_string());
        }
        assert_show_behind(&name, &shown.stdout, &journey);

        // `diff` totals: before and after an edit, as JSON.
        let mut changed = journey.clone();
        if let Some(t) = changed.touchpoints.first_mut() {
            t.actual = corridor::model::Score::new(1).ok();
        }
        let after = Figures::of(&changed.touchpoints);
        let edited = text_with_first_actual_1(&text);
        sandbox.write("after.toml", &edited);
        let run = sandbox.corridor(&["diff", &file, "after.toml", "--format", "json"]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        let value: Value = serde_json::from_str(&run.stdout).expect("diff json");
        assert_json_figures(
            &format!("{name}: diff before"),
            &value["totals"]["before"],
            &all,
        );
        assert_json_figures(
            &format!("{name}: diff after"),
            &value["totals"]["after"],
            &after,
        );
    }
}

/// `show`'s table of faced and behind figures: a row for every department
/// and partner that faces or supports a touchpoint, its numbers those of
/// `analysis`; no table when no step is behind the line.
fn assert_show_behind(name: &str, out: &str, journey: &Journey) {
    let heading = "Behind the line of visibility";
    if !journey.steps.iter().any(|s| s.lane.is_behind()) {
        assert!(!out.contains(heading), "{name}");
        return;
    }
    let rows: Vec<&str> = out
        .lines()
        .skip_while(|l| !l.starts_with(heading))
        .skip(1)
        .take_while(|l| !l.trim().is_empty())
        .filter(|l| {
            !l.trim_start().starts_with("Department") && !l.trim_start().starts_with("Partner")
        })
        .collect();
    let mut groups: Vec<(String, Figures, Figures)> = department_figures(journey)
        .into_iter()
        .map(|d| (d.name.to_owned(), d.figures, d.behind))
        .collect();
    groups.extend(
        partner_figures(journey)
            .into_iter()
            .map(|p| (p.name.to_owned(), p.figures, p.behind)),
    );
    groups.retain(|(_, faced, behind)| faced.count + behind.count > 0);
    assert_eq!(rows.len(), groups.len(), "{name}: {rows:#?}");
    for (group, faced, behind) in &groups {
        let row = rows
            .iter()
            .find(|r| r.contains(&format!(" {group} ")))
            .unwrap_or_else(|| panic!("{name}: no row for {group} in {rows:#?}"));
        let words: Vec<&str> = row.split_whitespace().collect();
        let numbers = &words[words.len() - 8..];
        let side = |f: &Figures| {
            [&figures::DEBT, &figures::BELOW, &figures::CRITICAL]
                .map(|figure| f.text(figure))
                .to_vec()
        };
        let mut expected = vec![faced.count.to_string()];
        expected.extend(side(faced));
        expected.push(behind.count.to_string());
        expected.extend(side(behind));
        assert_eq!(numbers, &expected[..], "{name}: show {group}");
    }
}

/// A department that owns only backstage and support steps faces no
/// customer, yet the workbench, `show` and the JSON report all give it the
/// gaps it supports from behind, with the same numbers.
#[test]
fn an_owner_of_only_backstage_steps_shows_the_gaps_it_supports() {
    let text = r#"schema = 1
title = "Install"

[[stages]]
id = "s"
name = "Install"

[[departments]]
id = "field"
name = "Field"

[[departments]]
id = "provisioning"
name = "Provisioning"

[[touchpoints]]
id = "visit"
stage = "s"
name = "Engineer visits"
owner = "field"
expected = 4
actual = 1

[[touchpoints]]
id = "router"
stage = "s"
name = "Router arrives"
owner = "field"
expected = 4
actual = 2

[[touchpoints]]
id = "bill"
stage = "s"
name = "First bill"
owner = "field"
expected = 3
actual = 3

[[steps]]
id = "activate"
touchpoint = "visit"
lane = "backstage"
name = "Activates the line"
owner = "provisioning"

[[steps]]
id = "ship"
touchpoint = "router"
lane = "support"
name = "Ships the router"
owner = "provisioning"

[[steps]]
id = "greet"
touchpoint = "bill"
lane = "frontstage"
name = "Explains the bill"
owner = "provisioning"
"#;
    let journey = parse(text);
    let provisioning = department_figures(&journey)
        .into_iter()
        .find(|d| d.id.as_str() == "provisioning")
        .expect("provisioning");
    assert_eq!(provisioning.figures.count, 0, "faces no customer");
    assert_eq!(
        provisioning.behind.count, 2,
        "the frontstage step is not behind"
    );
    assert_eq!(provisioning.behind.critical, 2);
    assert_eq!(provisioning.behind.debt, -5);

    let derived = Derived::of(&journey);
    let row = derived
        .owners
        .iter()
        .find(|o| o.id == "provisioning")
        .expect("in the Owners view");
    assert_eq!(row.behind, provisioning.behind);

    let json = render_journey(&journey, Format::Json, &Context::on(today())).expect("json");
    let json: Value = serde_json::from_str(&json).expect("json");
    let value = json["departments"]
        .as_array()
        .expect("departments")
        .iter()
        .find(|d| d["id"] == "provisioning")
        .expect("in the JSON report");
    assert_json_figures("json provisioning", &value["behind"], &provisioning.behind);

    let sandbox = Sandbox::new();
    sandbox.write("install.toml", text);
    let shown = sandbox.corridor(&["show", "install.toml", "--width", "120", "--no-color"]);
    assert_eq!(shown.code, 0, "{}", shown.stderr);
    assert!(shown.stdout.contains("Provisioning"), "{}", shown.stdout);
    assert_show_behind("install", &shown.stdout, &journey);
}

/// The journey text with the first touchpoint's `actual` set to 1, through
/// the same path `corridor set` takes.
fn text_with_first_actual_1(text: &str) -> String {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("j.toml");
    std::fs::write(&path, text).expect("write");
    let loaded = corridor::store::load(&path).expect("load");
    let mut file = loaded.file;
    let mut journey = loaded.journey;
    if let Some(t) = journey.touchpoints.first_mut() {
        t.actual = corridor::model::Score::new(1).ok();
    }
    file.save(&journey).expect("save");
    std::fs::read_to_string(&path).expect("read")
}

/// A Markdown table under `heading`: header cells and rows of cells.
struct MdTable {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

impl MdTable {
    fn column(&self, name: &str) -> usize {
        self.header
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("column {name} in {:?}", self.header))
    }
}

fn md_table(md: &str, heading: &str) -> MdTable {
    let at = md.find(heading).expect(heading);
    let cells = |line: &str| -> Vec<String> {
        line.trim()
            .trim_matches('|')
            .split(" | ")
            .map(|c| c.trim().replace('\\', ""))
            .collect()
    };
    let mut lines = md[at + heading.len()..]
        .lines()
        .skip_while(|l| !l.starts_with('|'))
        .take_while(|l| l.starts_with('|'));
    let header = cells(lines.next().unwrap_or_default());
    let rows = lines.skip(1).map(cells).collect();
    MdTable { header, rows }
}

/// The numbers of each row of a `show` table under `heading`: the columns
/// after the name, read from the right.
fn show_rows(out: &str, heading: &str) -> Vec<Vec<String>> {
    out.lines()
        .skip_while(|l| !l.starts_with(heading))
        .skip(2)
        .take_while(|l| !l.trim().is_empty() && !l.contains("(unowned)"))
        .map(|l| {
            let words: Vec<&str> = l.split_whitespace().collect();
            let n = GROUP.len() + 1;
            words[words.len() - n..]
                .iter()
                .map(|w| (*w).to_owned())
                .collect()
        })
        .collect()
}
