//! Ids: short slugs that name stages, departments, partners, touchpoints and
//! actions, and the slugs made from names for new entries.

use std::fmt;

use unicode_normalization::UnicodeNormalization;

/// Longest slug made from a name, cut at a word boundary.
pub const SLUG_MAX: usize = 48;

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
    #[error("a metric id may only hold a-z, 0-9, '_' and '-'")]
    BadMetricCharacter,
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

    /// A metric's id: the key touchpoints use in `metrics`, so `_` is
    /// allowed too (`first_time_fix`).
    pub fn metric(text: &str) -> Result<Self, IdError> {
        if text.is_empty() {
            return Err(IdError::Empty);
        }
        if !text
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
        {
            return Err(IdError::BadMetricCharacter);
        }
        Ok(Self(text.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Letters that carry no accent to strip but have a usual ASCII spelling.
fn spelled(c: char) -> Option<&'static str> {
    Some(match c {
        'ß' => "ss",
        'æ' | 'Æ' => "ae",
        'œ' | 'Œ' => "oe",
        'ø' | 'Ø' => "o",
        'ł' | 'Ł' => "l",
        'đ' | 'Đ' | 'ð' | 'Ð' => "d",
        'þ' | 'Þ' => "th",
        'ı' => "i",
        _ => return None,
    })
}

/// A slug of `text`: ASCII letters and digits in lower case (accents
/// dropped, `ß` `æ` `ø` and the like spelled out), apostrophes dropped,
/// everything else folded into single hyphens, at most `SLUG_MAX` long;
/// empty when nothing is left (a name in another script).
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    let mut gap = false;
    for c in text.nfkd() {
        let piece = match c {
            c if c.is_ascii_alphanumeric() => None,
            '\'' | '\u{2019}' | '\u{2bc}' => continue,
            c if unicode_normalization::char::is_combining_mark(c) => continue,
            c => match spelled(c) {
                Some(s) => Some(s),
                None => {
                    gap = true;
                    continue;
                }
            },
        };
        if gap && !out.is_empty() {
            out.push('-');
        }
        gap = false;
        match piece {
            Some(s) => out.push_str(s),
            None => out.push(c.to_ascii_lowercase()),
        }
    }
    if out.len() > SLUG_MAX {
        let cut = out[..=SLUG_MAX].rfind('-').unwrap_or(SLUG_MAX);
        out.truncate(cut);
    }
    out
}

impl Id {
    /// The id for a new entry called `name`, among `taken` (the ids of its
    /// kind): the name's slug (`fallback` when the name has no letter or
    /// digit), with `-2`, `-3`... added until it is free. One pass over
    /// `taken` notes which suffixes of that slug are used, so the cost is
    /// linear in their number however many share the slug.
    pub fn from_name<'a>(
        name: &str,
        fallback: &str,
        taken: impl IntoIterator<Item = &'a Id>,
    ) -> Id {
        let mut base = slug(name);
        if base.is_empty() {
            base = slug(fallback);
        }
        if base.is_empty() {
            base = "entry".to_owned();
        }
        // used[0]: the bare slug; used[k]: `base-(k+1)`.
        let mut used: Vec<bool> = Vec::new();
        let mut mark = |k: usize| {
            if used.len() <= k {
                used.resize(k + 1, false);
            }
            used[k] = true;
        };
        let mut count = 0usize;
        for id in taken {
            count += 1;
            let Some(rest) = id.0.strip_prefix(base.as_str()) else {
                continue;
            };
            if rest.is_empty() {
                mark(0);
            } else if let Some(n) = rest.strip_prefix('-')
                && !n.starts_with('0')
                && let Ok(n) = n.parse::<usize>()
                && (2..=count.saturating_add(1)).contains(&n)
            {
                mark(n - 1);
            }
        }
        // Suffixes above the number of ids cannot all be taken: one of
        // 0..=count is free, so `used` never grows past count + 1.
        let free = (0..)
            .find(|&k| !used.get(k).copied().unwrap_or(false))
            .unwrap_or(0);
        match free {
            0 => Id(base),
            k => Id(format!("{base}-{}", k + 1)),
        }
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

    #[test]
    fn slugs_from_names() {
        assert_eq!(slug("Fix the install booking"), "fix-the-install-booking");
        assert_eq!(slug("Café: Loyalty card!"), "cafe-loyalty-card");
        assert_eq!(slug("  --Get   help--  "), "get-help");
        assert_eq!(slug("Größe & Maße"), "grosse-masse");
        assert_eq!(slug("Ærø Økonomi, Łódź"), "aero-okonomi-lodz");
        assert_eq!(slug("The customer's call"), "the-customers-call");
        assert_eq!(slug("Ｆｕｌｌ ｗｉｄｔｈ ①"), "full-width-1");
        assert_eq!(slug("日本 Post"), "post");
        assert_eq!(slug("日本"), "");
        let long = slug(&"word ".repeat(30));
        assert!(long.len() <= SLUG_MAX && !long.ends_with('-'), "{long}");
        assert!(Id::new(&slug("Ärger: 20% (über) \u{1b}[31m")).is_ok());
    }

    #[test]
    fn ids_from_names_are_unique() {
        let ids =
            |list: &[&str]| -> Vec<Id> { list.iter().map(|s| Id::new(s).expect("id")).collect() };
        let taken = ids(&[
            "fix-the-install-booking",
            "fix-the-install-booking-2",
            "other",
        ]);
        assert_eq!(
            Id::from_name("Fix the install booking", "action", &taken).as_str(),
            "fix-the-install-booking-3"
        );
        assert_eq!(Id::from_name("Other", "action", &[]).as_str(), "other");
        assert_eq!(Id::from_name("日本", "partner", &[]).as_str(), "partner");
        // A gap in the suffixes is filled; look-alikes are not suffixes.
        let taken = ids(&["buy", "buy-3", "buy-02", "buyer", "buy-2-2"]);
        assert_eq!(Id::from_name("Buy", "stage", &taken).as_str(), "buy-2");
        // Many entries of the same name, each new one taking the next number.
        let mut taken: Vec<Id> = Vec::new();
        for n in 1..=500 {
            let id = Id::from_name("Call", "touchpoint", &taken);
            let expected = if n == 1 {
                "call".to_owned()
            } else {
                format!("call-{n}")
            };
            assert_eq!(id.as_str(), expected);
            taken.push(id);
        }
    }
}
