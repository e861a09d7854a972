//! The outbox worker: claims due messages, composes and sends them, and retries failures with
//! backoff. Registration never waits for mail: an SMTP outage only delays it.

use std::time::Duration;

use crate::config::Settings;
use crate::domain::{secret, time};
use crate::mail::compose::Composer;
use crate::mail::Mailer;
use crate::store::outbox;
use crate::store::Db;

/// Messages claimed per round.
const BATCH: i64 = 20;

pub struct Worker {
    pub id: String,
    /// Seconds ahead to remind of events, and of online sessions.
    pub reminders: (i64, i64),
    /// Seconds after an event's end before its personal data is purged.
    pub retention: i64,
    /// Where .eml files go without SMTP (those of purged people are removed).
    pub outbox_dir: String,
    pub mailer: Mailer,
    pub composer: Composer,
    /// To expire the Checkout Sessions of payment holds that ran out.
    pub stripe: crate::payments::Stripe,
}

impl Worker {
    pub fn new(settings: &Settings) -> Result<Worker, String> {
        Ok(Worker {
            id: secret::new_token()[..12].to_string(),
            reminders: (
                settings.reminder_hours * 3600,
                settings.online_reminder_minutes * 60,
            ),
            retention: settings.retention_days * 86_400,
            outbox_dir: settings.outbox_dir.clone(),
            mailer: Mailer::from_settings(settings)?,
            composer: Composer::new(settings)?,
            stripe: crate::payments::Stripe::from_settings(settings),
        })
    }

    /// One round at time `now`: the number of messages sent.
    pub async fn tick(&self, db: &Db, now: i64) -> Result<usize, String> {
        let claimed = outbox::claim(db, &self.id, now, BATCH)
            .await
            .map_err(|e| e.to_string())?;
        let mut sent = 0;
        for m in claimed {
            let outcome = match self.composer.compose(db, &m).await {
                Ok(Some(message)) => self.mailer.send(message).await,
                // The registration was erased: nothing to send, nothing to keep.
                Ok(None) => Ok(()),
                Err(e) => Err(e),
            };
            let stored = match outcome {
                Ok(()) => {
                    sent += 1;
                    outbox::mark_sent(db, m.id, time::now()).await
                }
                Err(e) => {
                    // The error may quote the address; log only the message id.
                    tracing::warn!(
                        "outbox message {} not sent (attempt {})",
                        m.id,
                        m.attempts + 1
                    );
                    outbox::mark_failed(db, &m, &e, now).await
                }
            };
            stored.map_err(|e| e.to_string())?;
        }
        Ok(sent)
    }

    /// Runs rounds forever, a short pause between them.
    pub async fn run(self, db: Db) {
        let mut last_purge: Option<std::time::Instant> = None;
        loop {
            if last_purge.is_none_or(|t| t.elapsed() > Duration::from_secs(3600)) {
                last_purge = Some(std::time::Instant::now());
                match crate::store::privacy::purge(&db, time::now() - self.retention).await {
                    Ok(gone) if gone.is_empty() => {}
                    Ok(gone) => {
                        for email in &gone {
                            crate::mail::forget_files(&self.outbox_dir, email);
                        }
                        let n = gone.len();
                        tracing::info!("retention: erased {n} registrations of past events");
                    }
                    Err(e) => tracing::error!("retention: {e}"),
                }
                if let Err(e) = crate::store::staff_sessions::purge_expired(&db).await {
                    tracing::error!("staff sessions: {e}");
                }
            }
            let now = time::now();
            if let Err(e) = crate::payments::expire_holds(&db, &self.stripe, now).await {
                tracing::error!("payment holds: {e}");
            }
            let (event, online) = self.reminders;
            if let Err(e) = outbox::queue_reminders(&db, time::now(), event, online).await {
                tracing::error!("reminders: {e}");
            }
            if let Err(e) = self.tick(&db, time::now()).await {
                tracing::error!("outbox: {e}");
            }
            rocket::tokio::time::sleep(Duration::from_secs(2)).await;
        }
    }
}
