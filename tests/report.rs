//! `corridor report` on the bundled journeys and on a hostile one (escape
//! sequences, C1 controls, bidi overrides, tabs, markup, Markdown/CSV/Mermaid
//! syntax, CJK and emoji in every text field): each format says the right
//! thing, keeps its syntax intact, and holds no byte a terminal or browser
//! would act on.

#[path = "report/blueprint.rs"]
mod blueprint;
#[path = "report/chromium.rs"]
mod chromium;
#[path = "report/cli.rs"]
mod cli;
#[path = "report/mermaid.rs"]
mod mermaid;

use std::path::{Path, PathBuf};

use corridor::analysis::severity;
use corridor::model::Journey;
use corridor::report::{Context, Format, Portfolio, render_journey, render_portfolio};

/// The day reports are made on in these tests.
pub fn context() -> Context {
    Context::on(corridor::model::Date::new(2026, 1, 15).expect("date"))
}
use corridor::store::parse_journey;
use corridor::text::{inert, is_invisible_control, width};

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub const HOSTILE: &str = "tests/fixtures/report/hostile.toml";

/// A journey that uses every key: metric definitions, economics, volumes,
/// detailed metric values and action targets.
pub const MEASURED: &str = "tests/fixtures/measure/measured.toml";

pub fn journey_at(path: &Path) -> Journey {
    let text = std::fs::read_to_string(path).expect("read journey");
    parse_journey(&text).journey.expect("journey parses")
}

/// The bundled journeys and the hostile one, with their file names.
pub fn journeys() -> Vec<(String, Journey)> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join("tests/fixtures/samples"))
        .expect("journeys folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    assert!(files.len() >= 3, "bundled journeys");
    files.push(root().join(HOSTILE));
    files.push(root().join(MEASURED));
    files
        .iter()
        .map(|p| (p.display().to_string(), journey_at(p)))
        .collect()
}

pub fn render(journey: &Journey, format: Format) -> String {
    render_journey(journey, format, &context()).expect("render")
}

/// A portfolio of the bundled journeys, the hostile one and a broken file.
fn portfolio() -> Portfolio {
    let mut files: Vec<PathBuf> = journeys().into_iter().map(|(f, _)| f.into()).collect();
    files.push(root().join("tests/fixtures/report/broken.toml"));
    Portfolio::read(&files)
}

/// Fails on any control character other than a line feed, and on bidi and
/// invisible format characters.
pub fn assert_inert(label: &str, text: &str) {
    for (line_no, line) in text.lines().enumerate() {
        if let Some(c) = line
            .chars()
            .find(|&c| c.is_control() || is_invisible_control(c))
        {
            panic!(
                "{label}: line {} holds U+{:04X}: {line:?}",
                line_no + 1,
                c as u32
            );
        }
    }
}

#[test]
fn no_format_writes_controls_or_bidi_overrides() {
    let portfolio = portfolio();
    for format in Format::ALL {
        for (file, journey) in journeys() {
            assert_inert(
                &format!("{file} as {}", format.name()),
                &render(&journey, format),
            );
        }
        if format != Format::Mermaid {
            let text = render_portfolio(&portfolio, format, &context()).expect("portfolio");
            assert_inert(&format!("portfolio as {}", format.name()), &text);
        }
    }
}

/// Display columns of each `|` that is not escaped with a backslash.
fn pipe_columns(line: &str) -> Vec<usize> {
    let mut columns = Vec::new();
    let mut escaped = false;
    for (i, c) in line.char_indices() {
        if c == '|' && !escaped {
            columns.push(width(&line[..i]));
        }
        escaped = c == '\\' && !escaped;
    }
    columns
}

/// Checks every table of a Markdown text; returns how many there were.
fn assert_tables_line_up(label: &str, md: &str) -> usize {
    let mut tables: Vec<Vec<&str>> = Vec::new();
    let mut in_table = false;
    for line in md.lines() {
        if line.starts_with('|') {
            if !in_table {
                tables.push(Vec::new());
            }
            if let Some(t) = tables.last_mut() {
                t.push(line);
            }
        }
        in_table = line.starts_with('|');
    }
    for table in &tables {
        assert!(
            table.len() >= 3,
            "{label}: header, rule and rows: {table:#?}"
        );
        assert!(
            table[1].chars().all(|c| matches!(c, '|' | '-' | ':' | ' ')),
            "{label}: second line is the rule: {}",
            table[1]
        );
        let header = pipe_columns(table[0]);
        for row in table {
            assert_eq!(
                pipe_columns(row),
                header,
                "{label}: misaligned row\n{row}\nunder\n{}",
                table[0]
            );
        }
    }
    tables.len()
}

#[test]
fn markdown_tables_line_up() {
    for (file, journey) in journeys() {
        let md = render(&journey, Format::Md);
        assert!(md.starts_with("# "), "{file}: starts with the title");
        assert!(
            assert_tables_line_up(&file, &md) >= 7,
            "{file}: every section has a table"
        );
    }
    let md = render_portfolio(&portfolio(), Format::Md, &context()).expect("portfolio md");
    assert_eq!(assert_tables_line_up("portfolio", &md), 5);
    assert!(md.contains("## Files that did not parse"));
    assert!(md.contains("broken.toml"));
}

#[test]
fn markdown_escapes_markup() {
    let journey = journey_at(&root().join(HOSTILE));
    let md = render(&journey, Format::Md);
    // Every `<` is backslash-escaped: literal text, never HTML, and no
    // HTML entities in the Markdown either.
    let bare = md
        .char_indices()
        .filter(|&(i, c)| c == '<' && !md[..i].ends_with('\\'))
        .count();
    assert_eq!(bare, 0, "no raw HTML");
    assert!(md.contains("\\<script\\>alert(1)\\</script\\>"), "{md}");
    assert!(!md.contains("&lt;") && !md.contains("&amp;"), "no entities");
    assert!(md.contains("\\|"), "pipes in cells are escaped");
}

#[test]
fn csv_parses_back_to_the_touchpoints_and_gaps() {
    for (file, journey) in journeys() {
        let text = render(&journey, Format::Csv);
        assert!(!text.contains('\r'), "{file}: lines end in \\n");
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let headers = reader.headers().expect("header row").clone();
        let col = |name: &str| {
            headers
                .iter()
                .position(|h| h == name)
                .unwrap_or_else(|| panic!("{file}: no column {name}"))
        };
        let records: Vec<csv::StringRecord> =
            reader.records().map(|r| r.expect("a CSV record")).collect();
        let corridor = journey.corridor();
        assert_eq!(
            records.len(),
            corridor.len(),
            "{file}: one row per touchpoint"
        );
        for (record, t) in records.iter().zip(corridor) {
            assert_eq!(
                record.len(),
                headers.len(),
                "{file}: every row has every column"
            );
            assert_eq!(&record[col("id")], t.id.as_str());
            assert_eq!(&record[col("stage")], t.stage.as_str());
            assert_eq!(record[col("name")], inert(&t.name));
            let score =
                |s: Option<corridor::model::Score>| s.map_or(String::new(), |s| s.to_string());
            assert_eq!(record[col("expected")], score(t.expected));
            assert_eq!(record[col("actual")], score(t.actual));
            let gap = t.gap().map_or(String::new(), |g| g.get().to_string());
            assert_eq!(record[col("gap")], gap, "{file}: gap of {}", t.id);
            assert_eq!(&record[col("class")], t.gap_class().name());
            assert_eq!(record[col("severity")], severity(t).to_string());
        }
    }
    let text = render_portfolio(&portfolio(), Format::Csv, &context()).expect("portfolio csv");
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    assert_eq!(reader.headers().expect("header").get(0), Some("file"));
    let rows = reader.records().count();
    let touchpoints: usize = journeys().iter().map(|(_, j)| j.touchpoints.len()).sum();
    assert_eq!(
        rows, touchpoints,
        "every touchpoint of every journey that parsed"
    );
}

pub fn validator() -> jsonschema::Validator {
    let text =
        std::fs::read_to_string(root().join("docs/report.schema.json")).expect("schema file");
    let schema: serde_json::Value = serde_json::from_str(&text).expect("schema is JSON");
    jsonschema::validator_for(&schema).expect("a valid JSON Schema")
}

pub fn assert_valid(validator: &jsonschema::Validator, label: &str, value: &serde_json::Value) {
    let errors: Vec<String> = validator
        .iter_errors(value)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{label}: {errors:#?}");
}

#[test]
fn json_validates_against_the_documented_schema() {
    let validator = validator();
    for (file, journey) in journeys() {
        let text = render(&journey, Format::Json);
        let value: serde_json::Value = serde_json::from_str(&text).expect("JSON");
        assert_valid(&validator, &file, &value);
        assert_eq!(value["schema"], "corridor-report/2");
        assert_eq!(value["kind"], "journey");
        // Text is the file's text exactly, controls included (as escapes).
        assert_eq!(value["journey"]["title"], journey.title.as_str());
        let corridor = value["corridor"].as_array().expect("corridor");
        assert_eq!(corridor.len(), journey.touchpoints.len());
        let mut broken = value.clone();
        broken["summary"]["critical"] = serde_json::json!("many");
        assert!(!validator.is_valid(&broken), "the schema checks figures");
    }
    let text = render_portfolio(&portfolio(), Format::Json, &context()).expect("portfolio json");
    let value: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    assert_valid(&validator, "portfolio", &value);
    assert_eq!(value["kind"], "portfolio");
    assert_eq!(value["failed"].as_array().map(Vec::len), Some(1));
    assert_eq!(
        value["journeys"].as_array().map(Vec::len),
        Some(journeys().len())
    );
}

/// Tag names the HTML report may contain; anything else is file text that
/// escaped its escaping.
const TAGS: [&str; 32] = [
    "html", "head", "meta", "title", "style", "body", "h1", "h2", "h3", "h4", "p", "b", "div",
    "span", "table", "thead", "tbody", "tr", "th", "td", "svg", "g", "rect", "text", "line",
    "path", "circle", "details", "dl", "dt", "dd", "br",
];

pub fn assert_only_own_tags(label: &str, html: &str) {
    for tag in html.split('<').skip(1) {
        let tag = tag.split('>').next().unwrap_or_default();
        if tag.starts_with("!DOCTYPE") {
            continue;
        }
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        assert!(
            TAGS.contains(&name.as_str()) || name == "summary",
            "{label}: unexpected tag <{tag}>"
        );
        for attribute in [" src=", " href=", " on", "javascript:", "url("] {
            assert!(
                !tag.contains(attribute),
                "{label}: <{tag}> holds {attribute}"
            );
        }
    }
}

#[test]
fn html_is_self_contained_and_escapes_file_text() {
    for (file, journey) in journeys() {
        let html = render(&journey, Format::Html);
        assert_eq!(
            html.matches("<svg").count(),
            2,
            "{file}: corridor and curve"
        );
        assert!(
            !html.to_lowercase().contains("<script"),
            "{file}: no scripts"
        );
        assert_only_own_tags(&file, &html);
        assert_inert(&file, &html);
    }
    let html = render(&journey_at(&root().join(HOSTILE)), Format::Html);
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
    assert!(
        html.contains("&lt;U+202E&gt;"),
        "bidi overrides shown, not obeyed"
    );
    let html = render_portfolio(&portfolio(), Format::Html, &context()).expect("portfolio html");
    assert_only_own_tags("portfolio", &html);
    assert_eq!(html.matches("<svg").count(), 2 * journeys().len());
}

/// The JSON model names every field by the journey file's own keys, from
/// the one field table: a key added to the table and forgotten here fails.
#[test]
fn json_model_keys_are_the_field_table() {
    use corridor::model::{HEADER, Kind, PERSONA};
    // Between them, every kind of entry: metric definitions in one, steps
    // and a persona card in the other.
    let models: Vec<serde_json::Value> = [MEASURED, "tests/fixtures/blueprint/b2b-onboarding.toml"]
        .iter()
        .map(|file| {
            let journey = journey_at(&root().join(file));
            let value: serde_json::Value =
                serde_json::from_str(&render(&journey, Format::Json)).expect("JSON");
            value["journey"].clone()
        })
        .collect();
    for spec in HEADER {
        assert!(
            models[1].get(spec.field.key()).is_some(),
            "header {}",
            spec.field.key()
        );
    }
    for kind in Kind::ALL {
        let entry = models
            .iter()
            .find_map(|m| m[kind.key()].as_array().and_then(|a| a.first()))
            .unwrap_or_else(|| panic!("a {} in a fixture", kind.noun()));
        let object = entry
            .as_object()
            .unwrap_or_else(|| panic!("a {}", kind.noun()));
        let mut keys: Vec<&str> = object.keys().map(String::as_str).collect();
        keys.sort_unstable();
        let mut table: Vec<&str> = kind.fields().iter().map(|s| s.field.key()).collect();
        table.sort_unstable();
        assert_eq!(keys, table, "{} keys", kind.noun());
    }
    let card = models[1]["persona_card"]
        .as_object()
        .expect("a persona card");
    let mut keys: Vec<&str> = card.keys().map(String::as_str).collect();
    keys.sort_unstable();
    let mut table: Vec<&str> = PERSONA.iter().map(|s| s.field.key()).collect();
    table.sort_unstable();
    assert_eq!(keys, table, "persona card keys");
}
