//! Imports of many touchpoints with the same name: every one gets its own
//! id (`t`, `t-2`, `t-3`...), and none takes an id the input gives
//! literally. (How long it takes is measured in benches/import.rs.)

mod support;

use std::collections::HashSet;
use std::fmt::Write;

use corridor::store::load;
use support::Sandbox;

const ROWS: usize = 4_000;

fn ids(sandbox: &Sandbox, out: &str) -> Vec<String> {
    load(&sandbox.path(out))
        .expect("the imported file loads")
        .journey
        .touchpoints
        .iter()
        .map(|t| t.id.to_string())
        .collect()
}

fn expected(skipping: &str) -> Vec<String> {
    (1..)
        .map(|n| {
            if n == 1 {
                "t".to_owned()
            } else {
                format!("t-{n}")
            }
        })
        .filter(|id| id != skipping)
        .take(ROWS)
        .collect()
}

#[test]
fn four_thousand_repeated_csv_names_get_unique_ids() {
    let sandbox = Sandbox::new();
    let mut csv = String::from("id,name,stage\nt-3,Literal,s\n");
    for _ in 0..ROWS {
        csv.push_str(",t,s\n");
    }
    sandbox.write("t.csv", &csv);
    let run = sandbox.corridor(&["import", "csv", "t.csv", "-o", "t.toml"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let ids = ids(&sandbox, "t.toml");
    assert_eq!(ids.len(), ROWS + 1);
    assert_eq!(
        ids.iter().collect::<HashSet<_>>().len(),
        ids.len(),
        "unique"
    );
    assert_eq!(ids[0], "t-3", "the literal id stays");
    assert_eq!(ids[1..], expected("t-3"));
}

#[test]
fn four_thousand_repeated_mermaid_tasks_get_unique_ids() {
    let sandbox = Sandbox::new();
    let mut diagram = String::from("journey\n  section s\n    t-2: 3\n");
    for _ in 0..ROWS {
        let _ = writeln!(diagram, "    t: 3");
    }
    sandbox.write("t.mmd", &diagram);
    let run = sandbox.corridor(&["import", "mermaid", "t.mmd", "-o", "t.toml"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let ids = ids(&sandbox, "t.toml");
    assert_eq!(ids.len(), ROWS + 1);
    assert_eq!(
        ids.iter().collect::<HashSet<_>>().len(),
        ids.len(),
        "unique"
    );
    assert_eq!(ids[0], "t-2", "a task named t-2 keeps its own id");
    assert_eq!(ids[1..], expected("t-2"));
}
