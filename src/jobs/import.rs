//! Importing a guest list in the background, row by row, recording progress as it goes so
//! the organiser's page can show it. Each row is registered like one added by hand.

use serde_json::json;

use crate::app::registering::{self, Channel};
use crate::domain::validate::Input;
use crate::domain::{badge_role, time, Format};
use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::store::events::Event;
use crate::store::imports::{self, Import};
use crate::store::registrations::Registered;
use crate::store::{self, Db};

/// Rows between two progress updates.
const STEP: i64 = 25;

pub async fn run(db: Db, event: Event, id: i64, rows: Vec<(usize, Input)>, lang: Lang) {
    let mut p = Import {
        id,
        event_id: event.id,
        total: rows.len() as i64,
        processed: 0,
        imported: 0,
        already: 0,
        rejected: String::new(),
        finished_at: None,
    };
    let mut rejected = Vec::new();
    for (line, mut input) in rows {
        if event.format == Format::Hybrid && input.get("attendance").is_none() {
            input.values.insert("attendance".into(), "in_person".into());
        }
        match add_guest(&db, event.id, &input, lang).await {
            Ok(Registered::New { .. }) => p.imported += 1,
            Ok(Registered::Existing { .. }) => p.already += 1,
            Err(e) => {
                let reasons: Vec<String> = match &e {
                    Error::Unprocessable { fields } => fields
                        .iter()
                        .map(|(f, m)| format!("{f}: {}", m.render(lang)))
                        .collect(),
                    other => vec![other.message().render(lang)],
                };
                rejected.push(json!({"line": line, "reasons": reasons}));
            }
        }
        p.processed += 1;
        if p.processed % STEP == 0 {
            p.rejected = json!(rejected).to_string();
            if let Err(e) = imports::progress(&db, &p).await {
                tracing::error!("import {id}: {e}");
            }
        }
    }
    p.rejected = json!(rejected).to_string();
    p.finished_at = Some(time::now());
    if let Err(e) = imports::progress(&db, &p).await {
        tracing::error!("import {id}: {e}");
    }
}

/// One guest, registered as if added by hand, with the badge role the row gives (applied to
/// someone already registered too: organisers decide badge roles). An unknown role word
/// rejects the row before anything is stored. Each row reads the event as it is then (the
/// event cache, at most a second old), so tickets or sessions changed while a long list is
/// imported are what its later rows are checked against.
async fn add_guest(db: &Db, event_id: i64, input: &Input, lang: Lang) -> Result<Registered> {
    let role = badge_role::listed(input)?;
    let event = store::event_cache::by_id(db, event_id).await?;
    let registered = registering::register(db, &event, input, lang, Channel::Organiser).await?;
    if let Some(role) = role {
        store::badges::set_role(db, registered.id(), role.as_str()).await?;
    }
    Ok(registered)
}
