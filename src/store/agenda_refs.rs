//! The sessions that use a room, a track or a speaker: what a removal would orphan, and the
//! calendar bump when what they show changes (a new room name is a new LOCATION).

use sqlx::AnyConnection;

use super::error::{Error, Result};
use crate::domain::problem::{FieldErrors, Msg};
use crate::domain::time;

/// What a session is called, for a refusal that names it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Using {
    pub id: i64,
    pub title_fr: String,
    pub title_en: String,
}

/// A column of `sessions` that points at something removable.
#[derive(Debug, Clone, Copy)]
pub enum Ref {
    Room,
    Track,
    Speaker,
}

impl Ref {
    /// Sessions (not cancelled) that point at `id` this way.
    fn filter(self) -> &'static str {
        match self {
            Ref::Room => "room_id = $1",
            Ref::Track => "track_id = $1",
            Ref::Speaker => "id IN (SELECT session_id FROM session_speakers WHERE speaker_id = $1)",
        }
    }
}

/// The live (not cancelled) sessions that use `id`, by start.
pub async fn using(conn: &mut AnyConnection, by: Ref, id: i64) -> Result<Vec<Using>> {
    let sql = format!(
        "SELECT id, title_fr, title_en FROM sessions WHERE {} AND status <> 'cancelled' \
         ORDER BY starts_at, id",
        by.filter()
    );
    Ok(sqlx::query_as(&sql).bind(id).fetch_all(conn).await?)
}

/// Every session that uses `id` (cancelled too) gets a new calendar SEQUENCE.
pub async fn bump(conn: &mut AnyConnection, by: Ref, id: i64) -> Result<()> {
    let sql = format!(
        "UPDATE sessions SET sequence = sequence + 1, updated_at = $2 WHERE {}",
        by.filter()
    );
    sqlx::query(&sql)
        .bind(id)
        .bind(time::now())
        .execute(conn)
        .await?;
    Ok(())
}

/// The 409 for a removal that would leave these sessions without it: `message` says what; the
/// count and the titles in each language are added to it.
pub fn in_use(message: Msg, sessions: &[Using]) -> Error {
    let titles = |pick: fn(&Using) -> &str, open: &str, close: &str| {
        let mut names: Vec<String> = sessions
            .iter()
            .take(5)
            .map(|s| format!("{open}{}{close}", pick(s)))
            .collect();
        if sessions.len() > 5 {
            names.push("…".into());
        }
        names.join(", ")
    };
    Error::Conflict {
        message: message
            .arg("count", sessions.len().to_string())
            .arg("sessions_fr", titles(|s| &s.title_fr, "«\u{a0}", "\u{a0}»"))
            .arg("sessions_en", titles(|s| &s.title_en, "“", "”")),
        fields: FieldErrors::new(),
    }
}
