//! What a report says about itself: the day it was made (the day due dates
//! are measured against) and, for one journey, the file and the last
//! commit that changed it.

use crate::model::Date;

/// Where the journey of a report came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Provenance {
    /// The file as named on the command line.
    pub file: String,
    /// The date (`YYYY-MM-DD`) and short id of the file's last commit,
    /// inside a git work tree.
    pub commit: Option<(String, String)>,
}

/// The report's day and provenance.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Context {
    pub today: Date,
    pub source: Option<Provenance>,
}

impl Context {
    pub fn on(today: Date) -> Self {
        Self {
            today,
            source: None,
        }
    }

    /// `Made 2026-11-30 from journeys/x.toml (last commit 2026-11-28 1a2b3c4).`
    pub fn made_line(&self) -> String {
        let mut line = format!("Made {}", self.today);
        if let Some(source) = &self.source {
            line.push_str(&format!(" from {}", source.file));
            if let Some((date, hash)) = &source.commit {
                line.push_str(&format!(" (last commit {date} {hash})"));
            }
        }
        line.push('.');
        line
    }
}
