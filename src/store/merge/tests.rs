use super::*;
use crate::store::canonical_format;

const BASE: &str = r#"# Journey header comment.
schema = 1
title = "Merge"

[[stages]]
id = "find"
name = "Find"

# Our one department.
[[departments]]
id = "sales"
name = "Sales"

[[touchpoints]]
id = "ad"
stage = "find"
name = "Sees an ad" # keep this comment
owner = "sales"
expected = 3
actual = 3

[[touchpoints]]
id = "page"
stage = "find"
name = "Reads the page"
expected = 4
actual = 2
"#;

fn valid(text: &str) -> Journey {
    let parsed = parse_journey(text);
    parsed
        .journey
        .unwrap_or_else(|| panic!("{:?}\n{text}", parsed.findings))
}

#[test]
fn theirs_new_table_arrives_with_its_comment_after_ours() {
    let ours =
        format!("{BASE}\n[[touchpoints]]\nid = \"mine\"\nstage = \"find\"\nname = \"Mine\"\n");
    let theirs = format!(
        "{BASE}\n# Added in the workshop.\n[[touchpoints]]\nid = \"yours\"\nstage = \"find\"\nname = \"Yours\"\nmood = \"fine\"\n"
    );
    let merged = merge_texts(BASE, &ours, &theirs).expect("merged");
    assert!(merged.conflicts.is_empty());
    assert_eq!(
        merged.text,
        format!(
            "{ours}\n# Added in the workshop.\n[[touchpoints]]\nid = \"yours\"\nstage = \"find\"\nname = \"Yours\"\nmood = \"fine\"\n"
        )
    );
    assert_eq!(
        canonical_format(&merged.text).ok(),
        Some(merged.text.clone())
    );
}

#[test]
fn field_changes_keep_ours_bytes_and_write_theirs_canonically() {
    let ours = BASE.replace("actual = 3", "actual = 1");
    let theirs = BASE.replace("actual = 2", "actual = 4").replace(
        "name = \"Reads the page\"",
        "name = \"Reads the page\"\nnotes = \"Two lines\\nof notes\"",
    );
    let merged = merge_texts(BASE, &ours, &theirs).expect("merged");
    assert!(merged.conflicts.is_empty());
    assert_eq!(
        merged.text,
        ours.replace(
            "actual = 2",
            "actual = 4\nnotes = \"\"\"Two lines\nof notes\"\"\""
        )
    );
    assert!(merged.text.contains("# keep this comment"));
}

#[test]
fn unknown_keys_merge_as_written() {
    let ours = BASE.replace("actual = 3", "actual = 1");
    let theirs = BASE
        .replace("actual = 2\n", "actual = 2\ncolour = \"red\"\n")
        .replace(
            "title = \"Merge\"\n",
            "title = \"Merge\"\nstate = \"future\"\n",
        );
    let merged = merge_texts(BASE, &ours, &theirs).expect("merged");
    assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);
    assert_eq!(
        merged.text,
        ours.replace("actual = 2\n", "actual = 2\ncolour = \"red\"\n")
            .replace(
                "title = \"Merge\"\n",
                "title = \"Merge\"\nstate = \"future\"\n"
            )
    );
    // Both changed it differently: reported, OURS's stays.
    let ours = BASE.replace("actual = 2\n", "actual = 2\ncolour = \"blue\"\n");
    let merged = merge_texts(BASE, &ours, &theirs).expect("merged");
    assert_eq!(merged.conflicts.len(), 1, "{:?}", merged.conflicts);
    assert_eq!(
        merged.conflicts[0].describe(),
        "touchpoint page: `colour` changed on both sides: base (none), ours \"blue\", theirs \"red\""
    );
    assert!(
        merged
            .text
            .contains("colour = \"blue\"\n||||||| base\n=======\ncolour = \"red\"\n")
    );
}

#[test]
fn a_conflict_is_marked_with_both_sides_and_the_parser_points_at_it() {
    let ours = BASE.replace("actual = 2", "actual = 1");
    let theirs = BASE.replace("actual = 2", "actual = 5");
    let merged = merge_texts(BASE, &ours, &theirs).expect("merged");
    assert_eq!(merged.conflicts.len(), 1);
    assert!(
        merged.text.contains(
            "expected = 4\n<<<<<<< ours (touchpoint page: actual)\nactual = 1\n||||||| base\nactual = 2\n=======\nactual = 5\n>>>>>>> theirs\n"
        ),
        "{}",
        merged.text
    );
    let parsed = parse_journey(&merged.text);
    assert!(parsed.journey.is_none());
    assert_eq!(parsed.findings.len(), 1);
    let at = merged.text.find("<<<<<<<").expect("marker");
    assert_eq!(parsed.findings[0].locus, Locus::Span(at..at + 7));
    assert!(
        parsed.findings[0]
            .message
            .starts_with("unresolved merge conflict (touchpoint page: actual)"),
        "{}",
        parsed.findings[0].message
    );
}

#[test]
fn removed_and_changed_shows_the_changed_table_against_nothing() {
    let cut = BASE.find("\n[[touchpoints]]\nid = \"page\"").expect("page");
    let ours = BASE[..cut].to_owned();
    let theirs = BASE.replace("actual = 2", "actual = 5");
    let merged = merge_texts(BASE, &ours, &theirs).expect("merged");
    assert_eq!(merged.conflicts.len(), 1);
    assert!(
        merged.text.ends_with(
            "<<<<<<< ours (touchpoint page)\n||||||| base\n[[touchpoints]]\nid = \"page\"\nstage = \"find\"\nname = \"Reads the page\"\nexpected = 4\nactual = 2\n=======\n[[touchpoints]]\nid = \"page\"\nstage = \"find\"\nname = \"Reads the page\"\nexpected = 4\nactual = 5\n>>>>>>> theirs\n"
        ),
        "{}",
        merged.text
    );
}

#[test]
fn an_invalid_input_is_named() {
    let bad = BASE.replace("actual = 2", "actual = 9");
    match merge_texts(BASE, BASE, &bad) {
        Err(MergeError::Invalid {
            input, findings, ..
        }) => {
            assert_eq!(input, Input::Theirs);
            assert!(findings.iter().any(|f| f.message.contains("out of range")));
        }
        other => panic!("{other:?}"),
    }
    let merged = merge_texts(BASE, BASE, BASE).expect("merged");
    assert_eq!(merged.text, BASE);
    assert_eq!(valid(&merged.text), valid(BASE));
}

use crate::model::Locus;

#[test]
fn comments_theirs_changed_arrive_where_ours_left_them() {
    // Ours scores a touchpoint; theirs rewrites three comments.
    let ours = BASE.replace("expected = 4\nactual = 2", "expected = 4\nactual = 3");
    let theirs = BASE
        .replace("# Journey header comment.", "# Journey header, reviewed.")
        .replace("# Our one department.", "# Our one department, for now.")
        .replace("# keep this comment", "# the ad ran in May");
    let merged = merge_texts(BASE, &ours, &theirs).expect("merged");
    assert!(merged.conflicts.is_empty());
    let expected = ours
        .replace("# Journey header comment.", "# Journey header, reviewed.")
        .replace("# Our one department.", "# Our one department, for now.")
        .replace("# keep this comment", "# the ad ran in May");
    assert_eq!(merged.text, expected);
}

#[test]
fn a_comment_both_sides_changed_stays_as_ours_wrote_it() {
    let ours = BASE.replace("# keep this comment", "# ours says");
    let theirs = BASE.replace("# keep this comment", "# theirs says");
    let merged = merge_texts(BASE, &ours, &theirs).expect("merged");
    assert_eq!(merged.text, ours);
}
