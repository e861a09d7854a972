//! What organisers do to badges: print a batch, re-issue a lost one, choose the role a badge
//! shows. Each is written to the audit log, since badges let people in.

use crate::domain::badge_role;
use crate::domain::validate::Input;
use crate::error::{Msg, Problem, Result};
use crate::store::events::Event;
use crate::store::registrations::Registration;
use crate::store::roster::Filter;
use crate::store::tickets::TicketType;
use crate::store::{self, Db};

/// The people whose badges are printed, with the event's tickets (a badge names its ticket).
pub struct Batch {
    pub people: Vec<Registration>,
    pub tickets: Vec<TicketType>,
}

/// Every confirmed registration, optionally of one ticket and one badge role (blank is
/// none). Printing is audited before anything is read, as the page has always done.
pub async fn batch(
    db: &Db,
    actor: &str,
    event: &Event,
    ticket: Option<i64>,
    role: Option<&str>,
) -> Result<Batch> {
    store::audit::record(db, actor, "print-badges", &event.slug).await?;
    let filter = Filter {
        status: Some("confirmed".into()),
        ticket,
        ..Filter::default()
    };
    let mut people = store::roster::list(db, event.id, &filter).await?;
    let tickets = store::tickets::list(db, event.id).await?;
    let role = role.map(str::trim).filter(|r| !r.is_empty());
    people.retain(|r| role.is_none_or(|x| x == r.badge_role));
    Ok(Batch { people, tickets })
}

/// A lost badge: the registration's codes so far are revoked (the attendee's link shows
/// the new one).
pub async fn reissue(db: &Db, actor: &str, event: &Event, id: i64) -> Result<()> {
    let r = store::roster::get(db, event.id, id).await?;
    store::badges::reissue(db, r.id).await?;
    store::audit::record(db, actor, "reissue-badge", &r.id.to_string()).await?;
    Ok(())
}

/// Sets the role the badge shows from the form's `badge_role` field. An unknown
/// registration is 404 before the role is read; a missing or unknown role is a field error
/// (422) and stores nothing.
pub async fn set_role(db: &Db, actor: &str, event: &Event, id: i64, input: &Input) -> Result<()> {
    let r = store::roster::get(db, event.id, id).await?;
    let role = badge_role::chosen(input)?
        .ok_or_else(|| Problem::field(badge_role::FIELD, Msg::new("badge-role-invalid")))?;
    store::badges::set_role(db, r.id, role.as_str()).await?;
    let subject = format!("{}:{}", r.id, role.as_str());
    store::audit::record(db, actor, "set-badge-role", &subject).await?;
    Ok(())
}
