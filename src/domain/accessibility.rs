//! What the accessibility statement may claim, by the RGAA's rules: a state of compliance
//! stands only on an audit still valid (less than three years old); without one the service
//! is "non conforme", whatever the settings say. Also the barrier contact's two forms.

use chrono::{Months, NaiveDate};

/// The three states the RGAA knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Compliance {
    /// Every RGAA criterion met.
    Full,
    /// At least half the criteria met.
    Partial,
    /// Fewer than half, or no valid audit to say.
    None,
}

impl Compliance {
    /// The setting's words: `full`, `partial`, `none` (the French words are taken too).
    pub fn parse(text: &str) -> Option<Compliance> {
        match text.trim().to_lowercase().as_str() {
            "full" | "totale" | "totalement" => Some(Compliance::Full),
            "partial" | "partielle" | "partiellement" => Some(Compliance::Partial),
            "none" | "non" => Some(Compliance::None),
            _ => None,
        }
    }

    /// The Fluent selector the statement's messages choose their words by.
    pub fn as_str(self) -> &'static str {
        match self {
            Compliance::Full => "full",
            Compliance::Partial => "partial",
            Compliance::None => "none",
        }
    }
}

/// What the audit settings amount to today.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audit {
    /// No audit date is set.
    NotYet,
    /// The last audit is over three years old: the statement must be renewed.
    Expired(NaiveDate),
    /// A valid audit, and the state it found.
    Valid(NaiveDate, Compliance),
}

impl Audit {
    /// The state the statement declares.
    pub fn compliance(self) -> Compliance {
        match self {
            Audit::Valid(_, state) => state,
            Audit::NotYet | Audit::Expired(_) => Compliance::None,
        }
    }

    pub fn date(self) -> Option<NaiveDate> {
        match self {
            Audit::NotYet => None,
            Audit::Expired(d) | Audit::Valid(d, _) => Some(d),
        }
    }
}

/// An audit lasts three years (the RGAA's renewal period).
const AUDIT_VALID_MONTHS: u32 = 36;

/// The audit standing from the settings: `date` as `YYYY-MM-DD`; `claimed` is the state the
/// audit found (unset: "non conforme", the only state needing no evidence). A date in the
/// future is not an audit yet.
pub fn audit(date: Option<NaiveDate>, claimed: Option<Compliance>, today: NaiveDate) -> Audit {
    match date {
        None => Audit::NotYet,
        Some(d) if d > today => Audit::NotYet,
        Some(d)
            if d.checked_add_months(Months::new(AUDIT_VALID_MONTHS))
                .is_none_or(|end| end < today) =>
        {
            Audit::Expired(d)
        }
        Some(d) => Audit::Valid(d, claimed.unwrap_or(Compliance::None)),
    }
}

pub fn parse_date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok()
}

/// Where people report a barrier: an address to write to, or a page (a form).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Contact {
    Email(String),
    Url(String),
}

impl Contact {
    /// `name@example.org` (or `mailto:` it) or an `http(s)://` address; anything else is not
    /// a contact a visitor could use.
    pub fn parse(text: &str) -> Option<Contact> {
        let text = text.trim();
        if text.starts_with("https://") || text.starts_with("http://") {
            let rest = text.split_once("://").map_or("", |(_, r)| r);
            return (!rest.is_empty() && !text.contains(char::is_whitespace))
                .then(|| Contact::Url(text.to_string()));
        }
        let address = text.strip_prefix("mailto:").unwrap_or(text);
        let (user, host) = address.split_once('@')?;
        let plausible = !user.is_empty()
            && host.contains('.')
            && !host.starts_with('.')
            && !host.ends_with('.')
            && !address.contains(char::is_whitespace)
            && !host.contains('@');
        plausible.then(|| Contact::Email(address.to_string()))
    }

    /// The link's target.
    pub fn href(&self) -> String {
        match self {
            Contact::Email(a) => format!("mailto:{a}"),
            Contact::Url(u) => u.clone(),
        }
    }

    /// What the link reads.
    pub fn text(&self) -> &str {
        match self {
            Contact::Email(a) | Contact::Url(a) => a,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        parse_date(text).unwrap()
    }

    #[test]
    fn a_claimed_state_stands_only_on_a_valid_audit() {
        let today = day("2026-12-01");
        assert_eq!(
            audit(None, Some(Compliance::Full), today).compliance(),
            Compliance::None
        );
        let recent = audit(Some(day("2026-03-10")), Some(Compliance::Partial), today);
        assert_eq!(recent, Audit::Valid(day("2026-03-10"), Compliance::Partial));
        assert_eq!(
            audit(Some(day("2026-03-10")), None, today).compliance(),
            Compliance::None
        );
        let old = audit(Some(day("2023-11-30")), Some(Compliance::Full), today);
        assert_eq!(old, Audit::Expired(day("2023-11-30")));
        assert_eq!(old.compliance(), Compliance::None);
        assert_eq!(
            audit(Some(day("2027-01-01")), Some(Compliance::Full), today),
            Audit::NotYet
        );
    }

    #[test]
    fn settings_words_in_either_language() {
        assert_eq!(Compliance::parse(" Partial "), Some(Compliance::Partial));
        assert_eq!(Compliance::parse("totalement"), Some(Compliance::Full));
        assert_eq!(Compliance::parse("maybe"), None);
        assert_eq!(parse_date("2026-02-30"), None);
    }

    #[test]
    fn a_contact_is_an_address_or_a_web_page() {
        assert_eq!(
            Contact::parse("mailto:accessibilite@bordeaux-metropole.fr")
                .unwrap()
                .href(),
            "mailto:accessibilite@bordeaux-metropole.fr"
        );
        let form = Contact::parse("https://www.bordeaux-metropole.fr/contact").unwrap();
        assert_eq!(form.text(), "https://www.bordeaux-metropole.fr/contact");
        for bad in [
            "",
            "someone",
            "a@b",
            "a b@c.fr",
            "https://",
            "javascript:alert(1)",
        ] {
            assert_eq!(Contact::parse(bad), None, "{bad}");
        }
    }
}
