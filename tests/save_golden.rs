//! Golden-file tests of format-preserving saves: an edit changes exactly the
//! lines it must, and every saved file re-reads as the journey that was saved.

use corridor::sample::Lcg;
use std::path::{Path, PathBuf};

use corridor::model::{Id, Journey, Kind, Score, Target, Touchpoint, assign, create};
use corridor::store::{JourneyFile, load, parse_journey};
use similar::{ChangeTag, TextDiff};

const SAMPLE: &str = "tests/fixtures/samples/online-order-courier.toml";

fn copy_sample(dir: &Path) -> PathBuf {
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join(SAMPLE);
    let target = dir.join("journey.toml");
    std::fs::copy(source, &target).expect("copy sample");
    target
}

/// Loads, edits with `edit`, saves; returns (old text, new text, saved journey).
fn edit_and_save(edit: impl FnOnce(&mut Journey)) -> (String, String, Journey) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = copy_sample(dir.path());
    let old = std::fs::read_to_string(&path).expect("read");
    let loaded = load(&path).expect("load");
    let mut file: JourneyFile = loaded.file;
    let mut journey = loaded.journey;
    edit(&mut journey);
    let saved = file.save(&journey).expect("save");
    assert_eq!(
        saved, journey,
        "the saved journey re-reads as the edited one"
    );
    let new = std::fs::read_to_string(&path).expect("read");
    let reparsed = parse_journey(&new).journey.expect("saved file parses");
    assert_eq!(
        reparsed, journey,
        "the file on disk parses to the saved model"
    );
    (old, new, journey)
}

/// Writes `text` to a temp file, loads it, edits it, saves; returns the new text.
fn edit_text(text: &str, edit: impl FnOnce(&mut Journey)) -> String {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("j.toml");
    std::fs::write(&path, text).expect("write");
    let loaded = load(&path).expect("load");
    let mut file = loaded.file;
    let mut journey = loaded.journey;
    edit(&mut journey);
    file.save(&journey).expect("save");
    std::fs::read_to_string(&path).expect("read")
}

/// Lines removed and added, in order.
fn changes(old: &str, new: &str) -> (Vec<String>, Vec<String>) {
    let diff = TextDiff::from_lines(old, new);
    let mut removed = Vec::new();
    let mut added = Vec::new();
    for change in diff.iter_all_changes() {
        match change.tag() {
            ChangeTag::Delete => removed.push(change.value().to_owned()),
            ChangeTag::Insert => added.push(change.value().to_owned()),
            ChangeTag::Equal => {}
        }
    }
    (removed, added)
}

fn id(text: &str) -> Id {
    Id::new(text).expect("id")
}

fn score(value: i64) -> Option<Score> {
    Some(Score::new(value).expect("score"))
}

fn position(journey: &Journey, touchpoint: &str) -> usize {
    journey
        .touchpoints
        .iter()
        .position(|t| t.id.as_str() == touchpoint)
        .expect("touchpoint exists")
}

fn sorted_lines(text: &str) -> Vec<&str> {
    let mut lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    lines.sort_unstable();
    lines
}

#[test]
fn one_score_is_one_line() {
    let (old, new, _) = edit_and_save(|j| {
        j.touchpoint_mut("courier-eta").expect("touchpoint").actual = score(3);
    });
    let (removed, added) = changes(&old, &new);
    assert_eq!(removed, vec!["actual = 2\n"]);
    assert_eq!(added, vec!["actual = 3\n"]);
}

#[test]
fn an_edited_value_keeps_its_spacing_and_trailing_comment() {
    let text = "schema = 1\ntitle = \"T\"\n\n[[stages]]\nid = \"s\"\nname = \"S\"\n\n[[touchpoints]]\nid = \"t\"\nstage = \"s\"\nname = \"N\"\nexpected   =   4   # agreed in the workshop\nactual = 2\n";
    let new = edit_text(text, |j| j.touchpoints[0].expected = score(5));
    assert_eq!(new, text.replace("=   4   #", "=   5   #"));
}

#[test]
fn adding_a_touchpoint_inserts_one_block_after_the_selected_one() {
    let (old, new, journey) = edit_and_save(|j| {
        let at = position(j, "courier-eta");
        let mut t = Touchpoint::new(
            id("courier-call"),
            id("wait-for-delivery"),
            "Courier phones ahead",
        );
        t.channel = Some("phone".into());
        t.expected = score(4);
        j.touchpoints.insert(at + 1, t);
    });
    let block = "\n[[touchpoints]]\nid = \"courier-call\"\nstage = \"wait-for-delivery\"\nname = \"Courier phones ahead\"\nchannel = \"phone\"\nexpected = 4\n";
    assert_eq!(new.matches(block).count(), 1, "{new}");
    assert_eq!(
        new.replacen(block, "", 1),
        old,
        "the rest is byte-identical"
    );
    let eta = new.find("id = \"courier-eta\"").expect("eta");
    let call = new.find("id = \"courier-call\"").expect("call");
    let next_header = new[eta..].find("[[touchpoints]]").map(|p| p + eta);
    assert!(eta < call && next_header < Some(call));
    assert_eq!(
        position(&journey, "courier-call"),
        position(&journey, "courier-eta") + 1
    );
}

#[test]
fn deleting_a_touchpoint_removes_its_block_and_its_comment_only() {
    let (old, new, _) = edit_and_save(|j| {
        let at = position(j, "courier-eta");
        j.touchpoints.remove(at);
        j.actions.retain(|a| a.touchpoint.as_str() != "courier-eta");
    });
    let (removed, added) = changes(&old, &new);
    assert!(added.is_empty(), "nothing added: {added:?}");
    let removed = removed.concat();
    assert!(removed.contains("# The courier's ETA window"));
    assert!(removed.contains("id = \"courier-eta\""));
    assert_eq!(removed.matches("[[touchpoints]]").count(), 1);
    assert_eq!(
        removed.matches("[[actions]]").count(),
        old.matches("touchpoint = \"courier-eta\"").count()
    );
}

#[test]
fn moving_a_touchpoint_moves_its_block_and_keeps_everything_else() {
    let (old, new, journey) = edit_and_save(|j| {
        let at = position(j, "courier-eta");
        j.touchpoints.swap(at, at + 1);
    });
    let (mut removed, mut added) = changes(&old, &new);
    assert!(removed.concat().contains("[[touchpoints]]"));
    removed.sort();
    added.sort();
    assert_eq!(removed, added, "the same lines leave and arrive");
    assert_eq!(old.len(), new.len());
    let before = journey.touchpoints[position(&journey, "courier-eta") - 1]
        .id
        .as_str();
    let other = new.find(&format!("id = \"{before}\"")).expect("other");
    let eta = new.find("id = \"courier-eta\"").expect("eta");
    assert!(other < eta, "courier-eta is now written after {before}");
    let comment = new.find("# The courier's ETA window").expect("comment");
    assert!(
        other < comment && comment < eta,
        "the comment travelled with its table"
    );
}

#[test]
fn moving_the_first_touchpoint_leaves_the_section_heading_in_place() {
    let (old, new, _) = edit_and_save(|j| {
        let first = j.touchpoints.remove(0);
        j.touchpoints.insert(1, first);
    });
    let heading = "# Touchpoints, in corridor order";
    let heading_at = new.find(heading).expect("heading kept");
    let first_header = new.find("[[touchpoints]]").expect("header");
    assert!(heading_at < first_header);
    assert!(
        new[first_header..].starts_with("[[touchpoints]]\nid = \"product-page\""),
        "{}",
        &new[heading_at..first_header + 60]
    );
    assert_eq!(old.matches(heading).count(), 1);
    assert_eq!(new.matches(heading).count(), 1);
    assert_eq!(sorted_lines(&old), sorted_lines(&new));
}

#[test]
fn adding_and_removing_optional_fields_touches_only_their_lines() {
    let (old, new, _) = edit_and_save(|j| {
        let t = j.touchpoint_mut("courier-eta").expect("touchpoint");
        t.emotion = None;
        t.partner = None;
        t.channel = Some("sms".into());
    });
    let (removed, added) = changes(&old, &new);
    assert_eq!(removed.len(), 3, "{removed:?}");
    assert!(removed.iter().any(|l| l.starts_with("emotion = ")));
    assert!(removed.iter().any(|l| l.starts_with("partner = ")));
    assert_eq!(added, vec!["channel = \"sms\"\n"]);
}

#[test]
fn a_new_key_goes_to_its_canonical_place() {
    let text = "schema = 1\ntitle = \"T\"\n\n[[stages]]\nid = \"s\"\nname = \"S\"\n\n[[touchpoints]]\nid = \"t\"\nstage = \"s\"\nname = \"N\"\nexpected = 4\nnotes = \"n\"\n";
    let new = edit_text(text, |j| {
        let target = Target::Entry(Kind::Touchpoint, id("t"));
        assign(j, &target, "actual", "2").expect("assign");
        assign(j, &target, "channel", "web").expect("assign");
        assign(j, &Target::Journey, "persona", "P").expect("assign");
    });
    assert_eq!(
        new,
        "schema = 1\ntitle = \"T\"\npersona = \"P\"\n\n[[stages]]\nid = \"s\"\nname = \"S\"\n\n[[touchpoints]]\nid = \"t\"\nstage = \"s\"\nname = \"N\"\nchannel = \"web\"\nexpected = 4\nactual = 2\nnotes = \"n\"\n"
    );
}

#[test]
fn unknown_keys_and_tables_survive_edits() {
    let text = "schema = 1\ntitle = \"T\"\nreviewed_by = \"ana\"\n\n[[stages]]\nid = \"s\"\nname = \"S\"\ncolour = \"teal\"\n\n[[touchpoints]]\nid = \"t\"\nstage = \"s\"\nname = \"N\"\nfuture_field = { a = 1 }\nactual = 2\n\n[[touchpoints]]\nid = \"u\"\nstage = \"s\"\nname = \"U\"\n\n[extras]\nnote = \"kept\"\n";
    let new = edit_text(text, |j| {
        j.touchpoints.swap(0, 1);
        j.touchpoints[1].actual = score(3);
    });
    for kept in [
        "reviewed_by = \"ana\"",
        "colour = \"teal\"",
        "future_field = { a = 1 }",
        "[extras]\nnote = \"kept\"",
    ] {
        assert!(new.contains(kept), "{kept} kept in:\n{new}");
    }
    assert!(new.find("id = \"u\"") < new.find("id = \"t\""));
    assert!(new.find("id = \"t\"") < new.find("[extras]"), "{new}");
}

#[test]
fn renaming_an_id_keeps_the_table_and_its_comment() {
    let (old, new, journey) = edit_and_save(|j| {
        let target = Target::Entry(Kind::Touchpoint, id("courier-eta"));
        assign(j, &target, "id", "courier-eta-text").expect("rename");
    });
    let (removed, added) = changes(&old, &new);
    assert!(
        removed.iter().all(|l| l.contains("courier-eta")),
        "{removed:?}"
    );
    assert_eq!(removed.len(), added.len());
    assert!(
        journey
            .actions
            .iter()
            .any(|a| a.touchpoint.as_str() == "courier-eta-text")
    );
    let comment = new.find("# The courier's ETA window").expect("comment");
    assert!(new[comment..].contains("[[touchpoints]]\nid = \"courier-eta-text\""));
}

#[test]
fn adding_the_first_entry_of_a_kind_appends_a_table() {
    let text =
        "# header comment\nschema = 1\ntitle = \"T\"\n\n[[stages]]\nid = \"s\"\nname = \"S\"\n";
    let new = edit_text(text, |j| {
        j.touchpoints
            .push(Touchpoint::new(id("t"), id("s"), "First"));
    });
    assert_eq!(
        new,
        format!("{text}\n[[touchpoints]]\nid = \"t\"\nstage = \"s\"\nname = \"First\"\n")
    );
}

#[test]
fn reordering_every_touchpoint_round_trips() {
    let (old, new, journey) = edit_and_save(|j| j.touchpoints.reverse());
    let reparsed = parse_journey(&new).journey.expect("parses");
    let ids: Vec<&str> = reparsed.touchpoints.iter().map(|t| t.id.as_str()).collect();
    let expected: Vec<&str> = journey.touchpoints.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(ids, expected);
    assert_eq!(sorted_lines(&old), sorted_lines(&new));
}

#[test]
fn evidence_and_metrics_edits_keep_their_layout() {
    let one = "Interview 3: 'I gave up looking for a price and called sales'";
    let two = "Interview 5: 'The form asked for my budget before any price'";
    let text = format!(
        "schema = 1\ntitle = \"T\"\n\n[[stages]]\nid = \"s\"\nname = \"S\"\n\n[[touchpoints]]\nid = \"t\"\nstage = \"s\"\nname = \"N\"\nevidence = [\n  \"{one}\",\n  # from the second round\n  \"{two}\",\n]\nmetrics = {{ csat = 3.1, dropoff = 0.42 }}\n"
    );
    let new = edit_text(&text, |j| {
        let target = Target::Entry(Kind::Touchpoint, id("t"));
        assign(j, &target, "evidence+", "three").expect("assign");
        assign(j, &target, "metrics.csat", "3.4").expect("assign");
    });
    assert_eq!(
        new,
        text.replace(
            &format!("  \"{two}\",\n"),
            &format!("  \"{two}\",\n  \"three\",\n")
        )
        .replace("csat = 3.1", "csat = 3.4")
    );
}

#[test]
fn an_edited_list_is_laid_out_as_fmt_lays_it_out() {
    let text = "schema = 1\ntitle = \"T\"\n\n[[stages]]\nid = \"s\"\nname = \"S\"\n\n[[touchpoints]]\nid = \"t\"\nstage = \"s\"\nname = \"N\"\nevidence = [\n  \"one\",\n  \"two\",\n]\nmetrics = {csat=3.1}\n";
    let new = edit_text(text, |j| {
        let target = Target::Entry(Kind::Touchpoint, id("t"));
        assign(j, &target, "evidence+", "three").expect("assign");
        assign(j, &target, "metrics.nps", "12").expect("assign");
    });
    assert_eq!(
        new,
        text.replace(
            "[\n  \"one\",\n  \"two\",\n]",
            "[\"one\", \"two\", \"three\"]"
        )
        .replace("{csat=3.1}", "{ csat = 3.1, nps = 12 }")
    );
}

#[test]
fn deleting_the_first_touchpoint_keeps_the_section_heading() {
    let (old, new, _) = edit_and_save(|j| {
        let gone = j.touchpoints.remove(0);
        j.actions.retain(|a| a.touchpoint != gone.id);
    });
    let heading = "# Touchpoints, in corridor order";
    assert_eq!(new.matches(heading).count(), 1);
    let (removed, added) = changes(&old, &new);
    assert!(added.is_empty(), "{added:?}");
    assert!(removed.iter().all(|l| !l.starts_with('#')), "{removed:?}");
}

#[test]
fn random_edit_sequences_always_save_what_is_in_memory() {
    for seed in 1..=12u64 {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = copy_sample(dir.path());
        let loaded = load(&path).expect("load");
        let mut file = loaded.file;
        let mut journey = loaded.journey;
        let mut rng = Lcg(seed);
        for step in 0..30 {
            let n = journey.touchpoints.len();
            match rng.below(6) {
                0 if n > 1 => {
                    let at = rng.below(n - 1);
                    journey.touchpoints.swap(at, at + 1);
                }
                1 if n > 1 => {
                    let gone = journey.touchpoints.remove(rng.below(n));
                    journey.actions.retain(|a| a.touchpoint != gone.id);
                }
                2 => {
                    let stage = journey.stages[rng.below(journey.stages.len())].id.clone();
                    let t = Touchpoint::new(id(&format!("new-{seed}-{step}")), stage, "Added");
                    journey.touchpoints.insert(rng.below(n + 1), t);
                }
                3 if n > 0 => {
                    let t = &mut journey.touchpoints[rng.below(n)];
                    t.actual = Score::new(1 + rng.below(5) as i64).ok();
                    t.notes = (rng.below(2) == 0).then(|| format!("note {step}\nline two"));
                }
                4 if !journey.stages.is_empty() => {
                    let at = rng.below(journey.stages.len());
                    let stage = journey.stages.remove(at);
                    let to = rng.below(journey.stages.len() + 1);
                    journey.stages.insert(to, stage);
                }
                _ => {
                    journey.title = format!("Title after step {step}");
                }
            }
            if rng.below(4) == 0 {
                journey = file.save(&journey).expect("save");
                let text = std::fs::read_to_string(&path).expect("read");
                let reread = parse_journey(&text);
                assert_eq!(
                    reread.journey.as_ref(),
                    Some(&journey),
                    "seed {seed} step {step}"
                );
            }
        }
        let saved = file.save(&journey).expect("final save");
        assert_eq!(saved, journey, "seed {seed}");
    }
}

#[test]
fn a_value_not_written_in_the_file_is_added_not_spliced() {
    // `status` defaults to open when absent; setting it adds the key.
    let text = "schema = 1\ntitle = \"T\"\n\n[[stages]]\nid = \"s\"\nname = \"S\"\n\n[[touchpoints]]\nid = \"t\"\nstage = \"s\"\nname = \"N\"\n\n[[actions]]\nid = \"a\"\ntouchpoint = \"t\"\ntitle = \"Fix it\"\nowner = \"x\"\n";
    let new = edit_text(text, |j| {
        let target = Target::Entry(Kind::Action, id("a"));
        assign(j, &target, "status", "done").expect("assign");
        assign(j, &Target::Journey, "title", "Renamed \"journey\"").expect("assign");
    });
    assert_eq!(
        new,
        text.replace("owner = \"x\"\n", "owner = \"x\"\nstatus = \"done\"\n")
            .replace("title = \"T\"", "title = \"Renamed \\\"journey\\\"\"")
    );
}

#[test]
fn scalar_edits_across_entries_change_only_their_lines() {
    let (old, new, _) = edit_and_save(|j| {
        j.title = "Online order, revised".into();
        j.touchpoints[0].name = "Sees a reel: linen throw".into();
        let last = j.touchpoints.len() - 1;
        j.touchpoints[last].expected = score(5);
        j.actions[0].status = corridor::model::ActionStatus::Done;
    });
    let (removed, added) = changes(&old, &new);
    assert_eq!(removed.len(), 4, "{removed:?}");
    assert_eq!(added.len(), 4, "{added:?}");
    assert!(added.contains(&"title = \"Online order, revised\"\n".to_owned()));
    assert!(added.contains(&"status = \"done\"\n".to_owned()));
}

#[test]
fn comments_inside_rewritten_metrics_move_above_the_key() {
    let text = "schema = 1\ntitle = \"T\"\n\n[[stages]]\nid = \"s\"\nname = \"S\"\n\n[[touchpoints]]\nid = \"t\"\nstage = \"s\"\nname = \"N\"\n# measured weekly\nmetrics = {\n  csat = 3.1, # from the survey\n  calls = 12,\n}\n";
    let new = edit_text(text, |j| {
        let target = Target::Entry(Kind::Touchpoint, id("t"));
        assign(j, &target, "metrics.csat", "3.4").expect("assign");
    });
    assert_eq!(
        new,
        "schema = 1\ntitle = \"T\"\n\n[[stages]]\nid = \"s\"\nname = \"S\"\n\n[[touchpoints]]\nid = \"t\"\nstage = \"s\"\nname = \"N\"\n# measured weekly\n# from the survey\nmetrics = { csat = 3.4, calls = 12 }\n"
    );
}

/// The headers of a text, in order.
fn headers(text: &str) -> Vec<&str> {
    text.lines().filter(|l| l.starts_with('[')).collect()
}

#[test]
fn a_table_corridor_does_not_know_stays_where_it_is_written() {
    // `[[meta.rows]]` has no `[meta]` of its own, between two stages; an
    // unknown `[extra]` table ends the file.
    let text = "schema = 1\ntitle = \"T\"\n\n[[stages]]\nid = \"a\"\nname = \"A\"\n\n\
                [[meta.rows]]\nnote = \"kept between the stages\"\n\n\
                [[stages]]\nid = \"b\"\nname = \"B\"\n\n[extra]\nx = 1\n";
    // The first touchpoint and the first action: before the trailing
    // unknown table, after every stage, and nothing else moves.
    let saved = edit_text(text, |j| {
        j.touchpoints
            .push(Touchpoint::new(id("t1"), id("a"), "First"));
    });
    let saved = edit_text(&saved, |j| {
        let given = [("touchpoint", "t1"), ("title", "Fix it")];
        create(j, Kind::Action, &id("fix"), &given, usize::MAX).expect("an action");
    });
    assert_eq!(
        headers(&saved),
        [
            "[[stages]]",
            "[[meta.rows]]",
            "[[stages]]",
            "[[touchpoints]]",
            "[[actions]]",
            "[extra]"
        ],
        "{saved}"
    );
}
