//! Ids: short slugs that name stages, departments, partners, touchpoints and actions.

use std::fmt;

/// A slug `[a-z0-9-]+`, unique per kind within one journey.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Id(String);

/// Why a string is not a valid id.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IdError {
    #[error("id is empty")]
    Empty,
    #[error("id may only hold a-z, 0-9 and '-'")]
    BadCharacter,
}

impl Id {
    /// Checks the slug rule and wraps the text.
    pub fn new(text: &str) -> Result<Self, IdError> {
        if text.is_empty() {
            return Err(IdError::Empty);
        }
        if !text
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        {
            return Err(IdError::BadCharacter);
        }
        Ok(Self(text.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl PartialEq<str> for Id {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_only() {
        assert!(Id::new("pricing-page-2").is_ok());
        assert_eq!(Id::new(""), Err(IdError::Empty));
        assert_eq!(Id::new("Pricing"), Err(IdError::BadCharacter));
        assert_eq!(Id::new("a b"), Err(IdError::BadCharacter));
        assert_eq!(Id::new("a_b"), Err(IdError::BadCharacter));
    }
}
