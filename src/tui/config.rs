//! `config.toml` in the user's config folder (`directories`): the default
//! folder and display preferences.

use std::path::PathBuf;

use serde::Deserialize;

/// User preferences; every key is optional.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// The folder opened when no PATH is given and ./journeys does not exist.
    pub folder: Option<PathBuf>,
    #[serde(default)]
    pub ascii: bool,
    #[serde(default)]
    pub mouse: bool,
    #[serde(default)]
    pub no_color: bool,
    /// Live mode: save every edit within a second.
    #[serde(default)]
    pub live: bool,
}

impl Config {
    /// Where the file lives, e.g. `~/.config/corridor/config.toml`.
    pub fn path() -> Option<PathBuf> {
        directories::ProjectDirs::from("", "", "corridor")
            .map(|dirs| dirs.config_dir().join("config.toml"))
    }

    /// Reads the config; a missing file is the default, a bad one an error
    /// naming the file, line and column.
    pub fn load() -> Result<Self, String> {
        let Some(path) = Self::path() else {
            return Ok(Self::default());
        };
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Self::default()),
            Err(e) => return Err(format!("{}: {e}", path.display())),
        };
        toml::from_str(&text).map_err(|e| {
            let (line, col) = e.span().map_or((1, 1), |s| {
                crate::store::LineIndex::new(&text).line_col(s.start)
            });
            format!("{}:{line}:{col}: {}", path.display(), e.message())
        })
    }
}
