//! A folder of journeys as one portfolio: each file parsed on its own, so a
//! file that fails lands in the list of failures instead of stopping the rest.

use std::path::{Path, PathBuf};

use crate::model::Journey;
use crate::model::Severity;
use crate::store::{LineIndex, StoreError, parse_journey, read_text};

/// One error of a file that could not be read as a journey.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileError {
    /// 1-based line and column; 1:1 when the error concerns the whole file.
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// What reading one file gave.
#[derive(Debug, Clone)]
pub enum Outcome {
    Journey(Box<Journey>),
    Failed(Vec<FileError>),
}

/// One file of the portfolio.
#[derive(Debug, Clone)]
pub struct Entry {
    /// The file as the user named it (or a label for text not from a file).
    pub file: String,
    pub outcome: Outcome,
}

/// The files of a folder, in the order they were listed.
#[derive(Debug, Clone, Default)]
pub struct Portfolio {
    pub entries: Vec<Entry>,
}

impl Portfolio {
    /// Reads and parses `files`, several at a time, keeping their order.
    /// Unreadable and invalid files become [`Outcome::Failed`].
    pub fn read(files: &[PathBuf]) -> Self {
        let threads = std::thread::available_parallelism().map_or(1, usize::from);
        let chunk = files.len().div_ceil(threads).max(1);
        let entries = std::thread::scope(|scope| {
            let workers: Vec<_> = files
                .chunks(chunk)
                .map(|part| {
                    scope.spawn(move || part.iter().map(|p| read_entry(p)).collect::<Vec<_>>())
                })
                .collect();
            workers
                .into_iter()
                .flat_map(|w| {
                    w.join().unwrap_or_else(|_| {
                        vec![Entry {
                            file: String::new(),
                            outcome: Outcome::Failed(vec![whole_file(
                                "internal error while reading".to_owned(),
                            )]),
                        }]
                    })
                })
                .collect()
        });
        Self { entries }
    }

    /// Parses journeys given as (label, text) pairs.
    pub fn from_texts<'a>(texts: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        Self {
            entries: texts
                .into_iter()
                .map(|(file, text)| Entry {
                    file: file.to_owned(),
                    outcome: parse(text),
                })
                .collect(),
        }
    }

    /// The journeys that parsed, with their file.
    pub fn journeys(&self) -> impl Iterator<Item = (&str, &Journey)> {
        self.entries.iter().filter_map(|e| match &e.outcome {
            Outcome::Journey(j) => Some((e.file.as_str(), j.as_ref())),
            Outcome::Failed(_) => None,
        })
    }

    /// The files that did not, with their errors.
    pub fn failures(&self) -> impl Iterator<Item = (&str, &[FileError])> {
        self.entries.iter().filter_map(|e| match &e.outcome {
            Outcome::Failed(errors) => Some((e.file.as_str(), errors.as_slice())),
            Outcome::Journey(_) => None,
        })
    }
}

fn whole_file(message: String) -> FileError {
    FileError {
        line: 1,
        column: 1,
        message,
    }
}

fn read_entry(path: &Path) -> Entry {
    let file = path.display().to_string();
    let outcome = match read_text(path) {
        Ok((text, _)) => parse(&text),
        Err(StoreError::NotText { .. }) => {
            Outcome::Failed(vec![whole_file("not UTF-8 text".into())])
        }
        Err(StoreError::Io { source, .. }) => Outcome::Failed(vec![whole_file(source.to_string())]),
        Err(e) => Outcome::Failed(vec![whole_file(e.to_string())]),
    };
    Entry { file, outcome }
}

/// The journey, or its errors placed by line and column.
fn parse(text: &str) -> Outcome {
    let parsed = parse_journey(text);
    if let Some(journey) = parsed.journey {
        return Outcome::Journey(Box::new(journey));
    }
    let index = LineIndex::new(text);
    let errors = parsed
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| {
            let (line, column) = parsed
                .source_map
                .span(&f.locus)
                .map_or((1, 1), |span| index.line_col(span.start));
            FileError {
                line,
                column,
                message: f.message.clone(),
            }
        })
        .collect::<Vec<_>>();
    if errors.is_empty() {
        Outcome::Failed(vec![whole_file("not a valid journey".into())])
    } else {
        Outcome::Failed(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bad_file_is_listed_and_the_rest_still_parse() {
        let good = crate::sample::synthetic_journey(3);
        let portfolio = Portfolio::from_texts([
            ("good.toml", good.as_str()),
            ("bad.toml", "schema = 1\ntitle = \n"),
        ]);
        assert_eq!(portfolio.journeys().count(), 1);
        let failures: Vec<_> = portfolio.failures().collect();
        assert_eq!(failures.len(), 1);
        assert_eq!(failures[0].0, "bad.toml");
        assert_eq!(failures[0].1[0].line, 2);
    }
}
