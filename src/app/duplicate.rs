//! Duplicating an event for its next edition: a new draft with the same programme, moved by
//! whole days (see `store::duplicate` for what is copied and what is not). Audited.

use crate::auth::Staff;
use crate::domain::duplicate::{validate_duplicate, DEFAULT_SHIFT_DAYS};
use crate::error::{Error, Result};
use crate::store::events::Event;
use crate::store::{self, Db};

pub use crate::domain::duplicate::DuplicateRequest;

/// Copies `source` as asked in `input` (`slug`, `shift_days`). An organiser limited to one
/// event may not: their access covers that event only, so the copy would be out of their
/// reach (403, as for creating an event); whoever may create events may duplicate.
pub async fn duplicate_event(
    db: &Db,
    who: &Staff,
    source: &Event,
    input: &crate::domain::validate::Input,
) -> Result<Event> {
    if who.event_id.is_some() || !who.may_access_event(source.id) {
        return Err(Error::Forbidden);
    }
    let request = validate_duplicate(input)?;
    let copy = store::duplicate::duplicate(db, source, &request.slug, request.shift_days).await?;
    let subject = format!(
        "{} -> {} ({:+} days)",
        source.slug, copy.slug, request.shift_days
    );
    store::audit::record(db, &who.actor(), "duplicate-event", &subject).await?;
    Ok(copy)
}

/// What the duplicate form proposes: the slug with `-2` (or the next year in it moved on),
/// and 52 weeks later.
pub fn proposal(source: &Event) -> DuplicateRequest {
    DuplicateRequest {
        slug: next_slug(&source.slug, DEFAULT_SHIFT_DAYS),
        shift_days: DEFAULT_SHIFT_DAYS,
    }
}

/// `summit-2027` → `summit-2028` when the shift is about a year; otherwise `summit-copy`.
fn next_slug(slug: &str, shift_days: i64) -> String {
    let years = (shift_days + 182) / 365;
    if let Some((stem, year)) = slug.rsplit_once('-') {
        if let (4, Ok(y)) = (year.len(), year.parse::<i64>()) {
            if years > 0 {
                return format!("{stem}-{}", y + years);
            }
        }
    }
    let stem: String = slug.chars().take(75).collect();
    format!("{stem}-copy")
}

#[cfg(test)]
mod tests {
    use super::next_slug;

    #[test]
    fn the_proposed_slug_moves_the_year_on() {
        assert_eq!(next_slug("sommet-villes-2027", 364), "sommet-villes-2028");
        assert_eq!(
            next_slug("bordeaux-nous-les-villes", 364),
            "bordeaux-nous-les-villes-copy"
        );
        assert_eq!(next_slug("atelier-2027", 7), "atelier-2027-copy");
    }
}
