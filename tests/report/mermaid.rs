//! The Mermaid report read back with a small line parser that applies the
//! lexer rules of Mermaid's `journey` grammar: one section per stage, one
//! task per scored touchpoint with its actual score and owner and partner as
//! actors, unscored touchpoints as comments.

use corridor::model::Journey;
use corridor::report::Format;

use super::{journeys, render};

#[derive(Debug, Default)]
struct Diagram {
    title: String,
    sections: Vec<(String, Vec<Task>)>,
    unscored: usize,
}

#[derive(Debug)]
struct Task {
    name: String,
    score: u8,
    actors: Vec<String>,
}

/// Mermaid's lexer: a name holds none of `#:;` nor a newline.
fn plain(text: &str) -> bool {
    !text.contains(['#', ':', ';', '\n']) && !text.contains("%%")
}

fn parse(text: &str) -> Diagram {
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("journey"));
    let mut diagram = Diagram::default();
    for line in lines {
        let line = line.trim();
        if let Some(comment) = line.strip_prefix("%%") {
            assert!(comment.trim_start().starts_with("unscored: "), "{line}");
            diagram.unscored += 1;
        } else if let Some(title) = line.strip_prefix("title ") {
            assert!(!title.contains(['#', ';']), "title: {title}");
            diagram.title = title.to_owned();
        } else if let Some(section) = line.strip_prefix("section ") {
            assert!(plain(section), "section: {section}");
            diagram.sections.push((section.to_owned(), Vec::new()));
        } else {
            let parts: Vec<&str> = line.split(':').collect();
            assert!((2..=3).contains(&parts.len()), "task: {line}");
            let name = parts[0].trim();
            assert!(plain(name) && !name.is_empty(), "task name: {name}");
            let lower = name.to_lowercase();
            for keyword in ["journey ", "title ", "section ", "acctitle", "accdescr"] {
                assert!(!lower.starts_with(keyword), "keyword task name: {name}");
            }
            assert!(!parts[1..].iter().any(|p| p.contains(['#', ';'])), "{line}");
            let score = parts[1].trim().parse().expect("a numeric score");
            let actors = parts
                .get(2)
                .map(|a| a.split(',').map(|s| s.trim().to_owned()).collect())
                .unwrap_or_default();
            let task = Task {
                name: name.to_owned(),
                score,
                actors,
            };
            diagram
                .sections
                .last_mut()
                .expect("a task belongs to a section")
                .1
                .push(task);
        }
    }
    diagram
}

fn assert_diagram_matches(file: &str, journey: &Journey, diagram: &Diagram) {
    assert!(!diagram.title.is_empty(), "{file}: title");
    assert_eq!(
        diagram.sections.len(),
        journey.stages.len(),
        "{file}: one section per stage"
    );
    for (stage, (_, tasks)) in journey.stages.iter().zip(&diagram.sections) {
        let scored: Vec<_> = journey
            .touchpoints
            .iter()
            .filter(|t| t.stage == stage.id && t.actual.is_some())
            .collect();
        assert_eq!(
            tasks.len(),
            scored.len(),
            "{file}: tasks of stage {}",
            stage.id
        );
        for (task, t) in tasks.iter().zip(scored) {
            assert_eq!(
                Some(task.score),
                t.actual.map(|a| a.get()),
                "{file}: {}",
                t.id
            );
            assert!((1..=5).contains(&task.score));
            let expected_actors = usize::from(t.owner.is_some()) + usize::from(t.partner.is_some());
            assert_eq!(
                task.actors.len(),
                expected_actors,
                "{file}: actors of {}",
                task.name
            );
        }
    }
    let unscored = journey
        .touchpoints
        .iter()
        .filter(|t| t.actual.is_none())
        .count();
    assert_eq!(
        diagram.unscored, unscored,
        "{file}: unscored touchpoints as comments"
    );
}

#[test]
fn mermaid_has_a_section_per_stage_and_a_task_per_touchpoint() {
    for (file, journey) in journeys() {
        let text = render(&journey, Format::Mermaid);
        let diagram = parse(&text);
        assert_diagram_matches(&file, &journey, &diagram);
    }
}

#[test]
fn mermaid_names_of_the_bundled_journeys_survive() {
    let (file, journey) = journeys().into_iter().next().expect("a bundled journey");
    let diagram = parse(&render(&journey, Format::Mermaid));
    let first = journey.corridor()[0];
    let task = &diagram.sections[0].1[0];
    assert_eq!(
        task.name, first.name,
        "{file}: plain names are kept as they are"
    );
    let owner = first
        .owner
        .as_ref()
        .and_then(|o| journey.department(o))
        .expect("owner");
    assert_eq!(task.actors[0], owner.name);
}
