//! The organisers' programme import in the browser: the uploaded file is dry-run at once
//! (a file that cannot be read at all is refused before it is kept), kept under an
//! unguessable token so the report and the apply need no second upload, and applied in the
//! background (`jobs::programme_import`), all or nothing.

use serde::{Deserialize, Serialize};

use crate::app::programme_import::{self, Outcome};
use crate::app::{Db, Event};
use crate::auth::Staff;
use crate::domain::secret::new_token;
use crate::error::{Error, Msg, Result};
use crate::store;
pub use crate::store::programme_uploads::Upload;

/// What applying a kept file did, as its page reports it (kept as JSON in the upload's row).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Applied {
    pub added: usize,
    pub updated: usize,
    pub rooms: usize,
    pub tracks: usize,
    pub speakers: usize,
    /// Rows the file had rejected when applied (nothing was written).
    pub rejected: usize,
    /// Why it was not applied, in each language (empty: it was, or rows were rejected).
    pub refusal_fr: String,
    pub refusal_en: String,
}

/// Dry-runs `bytes` against the event and keeps them; answers the token of the report page.
pub async fn upload(db: &Db, event: Event, filename: &str, bytes: &[u8]) -> Result<String> {
    if bytes.is_empty() {
        return Err(Error::field("file", Msg::new("progimport_page-no-file")));
    }
    // Refused whole (too large, not text, not a sheet or a schedule): said on the form's field.
    if let Err(e) = programme_import::dry_run(db, event.clone(), bytes).await {
        return Err(match e {
            Error::BadRequest(msg) => Error::field("file", msg),
            other => other,
        });
    }
    let token = new_token();
    let name: String = filename.chars().take(200).collect();
    store::programme_uploads::save(db, event.id, &token, &name, bytes).await?;
    Ok(token)
}

/// A kept file and its dry run against the event as it is now.
pub async fn report(db: &Db, event: Event, token: &str) -> Result<(Upload, Outcome)> {
    let upload = store::programme_uploads::get(db, event.id, token).await?;
    let outcome = programme_import::dry_run(db, event, &upload.body).await?;
    Ok((upload, outcome))
}

/// What the last apply of a kept file did, once there is an answer.
pub fn applied(upload: &Upload) -> Option<Applied> {
    serde_json::from_str(&upload.outcome).ok()
}

/// Starts applying a kept file in the background; a file already being (or already) applied
/// is left alone, so a second click imports nothing twice.
pub async fn start_apply(db: &Db, who: &Staff, event: Event, token: &str) -> Result<()> {
    let upload = store::programme_uploads::get(db, event.id, token).await?;
    if store::programme_uploads::claim(db, event.id, token).await? {
        tokio::spawn(crate::jobs::programme_import::run(
            db.clone(),
            who.clone(),
            event,
            upload,
        ));
    }
    Ok(())
}
