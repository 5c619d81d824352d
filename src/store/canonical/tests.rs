//! Tests of the canonical layout.

use super::*;

fn fmt(text: &str) -> String {
    let once = format(text).expect("formats");
    let twice = format(&once).expect("formats again");
    assert_eq!(once, twice, "idempotent");
    once
}

#[test]
fn orders_tables_and_keys() {
    let text = "title = 'T'\nschema = 1\n\n[[touchpoints]]\nname = \"N\"\nstage = \"s\"\nid = \"t\"\n\n\n[[stages]]\nname = \"S\"\nid = \"s\"\n";
    assert_eq!(
        fmt(text),
        "schema = 1\ntitle = \"T\"\n\n[[stages]]\nid = \"s\"\nname = \"S\"\n\n[[touchpoints]]\nid = \"t\"\nstage = \"s\"\nname = \"N\"\n"
    );
}

#[test]
fn comments_stay_with_what_they_precede() {
    let text = "# File header.\n\n# about the title\ntitle = \"T\" # trailing\nschema = 1\n\n# Section heading\n\n# the stage\n[[stages]] # on the header\n# the name\nname = \"S\"\nid = \"s\"\n\n# at the end\n";
    assert_eq!(
        fmt(text),
        "# File header.\n\nschema = 1\n# about the title\ntitle = \"T\" # trailing\n\n# Section heading\n\n# the stage\n[[stages]] # on the header\nid = \"s\"\n# the name\nname = \"S\"\n\n# at the end\n"
    );
}

#[test]
fn unknown_keys_follow_known_ones() {
    let text = "schema = 1\nextra = 'x'\ntitle = \"T\"\n\n[[stages]]\ncolour = \"red\"\nid = \"s\"\nname = \"S\"\n\n[meta]\nby = 'me'\n";
    assert_eq!(
        fmt(text),
        "schema = 1\ntitle = \"T\"\nextra = \"x\"\n\n[[stages]]\nid = \"s\"\nname = \"S\"\ncolour = \"red\"\n\n[meta]\nby = \"me\"\n"
    );
}

#[test]
fn metrics_become_one_inline_table() {
    let text = "schema = 1\ntitle = \"T\"\n[[touchpoints]]\nid = \"t\"\nstage = \"s\"\nname = \"N\"\nnotes = \"x\"\n# metric comment\n[touchpoints.metrics]\ncsat = 4\n\"drop off\" = 0.5\n";
    assert_eq!(
        fmt(text),
        "schema = 1\ntitle = \"T\"\n\n[[touchpoints]]\nid = \"t\"\nstage = \"s\"\nname = \"N\"\n# metric comment\nmetrics = { csat = 4, \"drop off\" = 0.5 }\nnotes = \"x\"\n"
    );
    let dotted = "schema = 1\ntitle = \"T\"\n[[touchpoints]]\nmetrics.a = 1 # one\nid = \"t\"\nmetrics.b = 2\n";
    assert_eq!(
        fmt(dotted),
        "schema = 1\ntitle = \"T\"\n\n[[touchpoints]]\nid = \"t\"\n# one\nmetrics = { a = 1, b = 2 }\n"
    );
}

#[test]
fn strings_and_arrays() {
    let text = "schema = 1\ntitle = 'say \"hi\"'\n[[touchpoints]]\nnotes = '''two\nlines'''\nevidence = [ 'a' ]\n";
    let long = "x".repeat(70);
    let with_long = format!("{text}tags = [\"{long}\", \"{long}\"]\nshort = [1,2]\n");
    assert_eq!(
        fmt(&with_long),
        format!(
            "schema = 1\ntitle = \"say \\\"hi\\\"\"\n\n[[touchpoints]]\nevidence = [\"a\"]\nnotes = \"\"\"two\nlines\"\"\"\ntags = [\n  \"{long}\",\n  \"{long}\",\n]\nshort = [1, 2]\n"
        )
    );
}

#[test]
fn array_comments_stay_in_place() {
    let text = "schema = 1\ntitle = \"T\"\nevidence = [ # why\n  \"a\", # after a\n  # before b\n  \"b\"\n  # closing\n] # end\n";
    assert_eq!(
        fmt(text),
        "schema = 1\ntitle = \"T\"\nevidence = [\n  # why\n  \"a\", # after a\n  # before b\n  \"b\",\n  # closing\n] # end\n"
    );
}

#[test]
fn crlf_and_the_bom_stay_and_indentation_is_normalised() {
    let text = "\u{FEFF}schema = 1\r\ntitle = \"T\"\r\n\r\n  [[stages]]\r\n    id = \"s\"\r\n    name = \"S\"\r\n    notes = '''a\r\nb'''\r\n";
    assert_eq!(
        fmt(text),
        "\u{FEFF}schema = 1\r\ntitle = \"T\"\r\n\r\n[[stages]]\r\nid = \"s\"\r\nname = \"S\"\r\nnotes = \"\"\"a\r\nb\"\"\"\r\n"
    );
    let lf = "schema = 1\ntitle = \"T\"\n\n[[stages]]\r\nid = \"s\"\r\n";
    assert_eq!(
        fmt(lf),
        "schema = 1\ntitle = \"T\"\n\n[[stages]]\nid = \"s\"\n",
        "the first line decides"
    );
}

#[test]
fn invalid_toml_is_refused_with_a_span() {
    match format("schema = 1\ntitle = \n") {
        Err(CanonicalError::Syntax { span, .. }) => assert!(span.is_some()),
        other => panic!("expected a syntax error, got {other:?}"),
    }
}

#[test]
fn sample_and_fixture_journeys_are_stable() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    for dir in ["tests/fixtures/samples", "tests/fixtures/check/valid"] {
        let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
            continue;
        };
        for entry in entries.flatten() {
            let text = std::fs::read_to_string(entry.path()).expect("read");
            let out = fmt(&text);
            let before = crate::store::parse_journey(&text).journey;
            let after = crate::store::parse_journey(&out).journey;
            assert_eq!(before, after, "{}", entry.path().display());
        }
    }
}

#[test]
fn new_journeys_render_canonically() {
    let text = crate::sample::synthetic_journey(12);
    let journey = crate::store::parse_journey(&text)
        .journey
        .expect("sample parses");
    let rendered = render_new(&journey, Some("Made by a test.\nSecond line")).expect("renders");
    assert!(rendered.starts_with("# Made by a test.\n# Second line\n\nschema = 1\n"));
    assert_eq!(format(&rendered).expect("formats"), rendered);
}

#[test]
fn long_nested_arrays_of_tables_split_as_array_values_do() {
    let long = "x".repeat(60);
    let text = format!("[[meta.rows]]\nname = \"{long}\"\n[[meta.rows]]\nname = \"{long}\"\n");
    assert_eq!(
        fmt(&text),
        format!("[meta]\nrows = [\n  {{ name = \"{long}\" }},\n  {{ name = \"{long}\" }},\n]\n")
    );
    let short = "[[meta.rows]]\nn = 1\n[[meta.rows]]\nn = 2\n";
    assert_eq!(fmt(short), "[meta]\nrows = [{ n = 1 }, { n = 2 }]\n");
}

#[test]
fn one_blank_line_parts_the_file_header_from_a_first_table() {
    let text = "# File header.\n\n[meta]\nby = 'me'\n";
    assert_eq!(fmt(text), "# File header.\n\n[meta]\nby = \"me\"\n");
    assert_eq!(fmt("#\n\n[c]\n[s.c]\n"), "#\n\n[c]\n\n[s]\nc = {}\n");
}
