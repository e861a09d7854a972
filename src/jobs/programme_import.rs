//! Applying a kept programme file in the background: the same all-or-nothing apply as the
//! API's (recomputed against the event as it is now, re-checked under the event lock), then
//! its outcome written to the upload's row for the report page.

use crate::app::programme_import;
use crate::app::programme_upload::{Applied, Upload};
use crate::app::{Db, Event};
use crate::auth::Staff;
use crate::i18n::Lang;
use crate::store::programme_uploads;

pub async fn run(db: Db, who: Staff, event: Event, upload: Upload) {
    let (state, applied) = match programme_import::apply(&db, &who, event, &upload.body).await {
        Ok(outcome) => {
            let r = &outcome.report;
            let applied = Applied {
                added: r.to_add.len(),
                updated: r.to_update.len(),
                rooms: r.rooms_to_create.len(),
                tracks: r.tracks_to_create.len(),
                speakers: r.speakers_to_create.len(),
                rejected: r.rejected.len(),
                ..Applied::default()
            };
            let state = if outcome.applied {
                "applied"
            } else {
                "refused"
            };
            (state, applied)
        }
        // A double booking found under the lock, or the database failing: nothing written.
        Err(e) => {
            if e.status().code >= 500 {
                tracing::error!("programme import {}: {e:?}", upload.event_id);
            }
            let msg = e.message();
            let applied = Applied {
                refusal_fr: msg.render(Lang::Fr),
                refusal_en: msg.render(Lang::En),
                ..Applied::default()
            };
            ("refused", applied)
        }
    };
    let outcome = serde_json::to_string(&applied).unwrap_or_default();
    if let Err(e) = programme_uploads::finish(&db, &upload.token, state, &outcome).await {
        tracing::error!("programme import {}: {e}", upload.event_id);
    }
}
