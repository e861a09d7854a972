//! The double-booking check of a session being written, inside its transaction under the
//! event lock (a room or a speaker in two places at once), and the refusal naming the other
//! session, shared with the programme import.

use sqlx::AnyConnection;

use super::error::{Error, Result};
use super::events::Event;
use crate::domain::schedule::{clash_error, find_clash, Booked, Clash, SessionDraft};

pub(super) async fn check_clash(
    conn: &mut AnyConnection,
    event: &Event,
    draft: &SessionDraft,
    own_id: Option<i64>,
) -> Result<()> {
    let rows: Vec<(i64, String, String, i64, i64, Option<i64>)> = sqlx::query_as(
        "SELECT id, title_fr, title_en, starts_at, ends_at, room_id FROM sessions \
         WHERE event_id = $1 AND status = 'scheduled' AND starts_at < $2 AND ends_at > $3",
    )
    .bind(event.id)
    .bind(draft.ends_at)
    .bind(draft.starts_at)
    .fetch_all(&mut *conn)
    .await?;
    let mut booked = Vec::with_capacity(rows.len());
    for (id, title_fr, title_en, starts_at, ends_at, room_id) in rows {
        let speaker_ids: Vec<(i64,)> =
            sqlx::query_as("SELECT speaker_id FROM session_speakers WHERE session_id = $1")
                .bind(id)
                .fetch_all(&mut *conn)
                .await?;
        booked.push(Booked {
            id,
            title_fr,
            title_en,
            starts_at,
            ends_at,
            room_id,
            speaker_ids: speaker_ids.into_iter().map(|(s,)| s).collect(),
        });
    }
    let Some(clash) = find_clash(draft, own_id, &booked) else {
        return Ok(());
    };
    refuse_clash(conn, event, &clash, &booked).await
}

/// The refusal of a double booking, naming the other session (and the speaker, when it is
/// one); shared with the programme import's check under the event lock.
pub(super) async fn refuse_clash(
    conn: &mut AnyConnection,
    event: &Event,
    clash: &Clash,
    booked: &[Booked],
) -> Result<()> {
    let (other_id, speaker_name) = match *clash {
        Clash::Room { other } => (other, String::new()),
        Clash::Speaker { speaker_id, other } => {
            let (name,): (String,) = sqlx::query_as("SELECT name FROM speakers WHERE id = $1")
                .bind(speaker_id)
                .fetch_one(&mut *conn)
                .await?;
            (other, name)
        }
    };
    let other = booked
        .iter()
        .find(|b| b.id == other_id)
        .ok_or_else(|| Error::Internal("clash without a session".into()))?;
    Err(clash_error(clash, other, &speaker_name, event.tz()).into())
}
