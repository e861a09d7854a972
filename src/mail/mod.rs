//! Sending mail: through SMTP when `SMTP_URL` is set (lettre's URL form: TLS and auth), or as
//! .eml files under `outbox_dir` so the app works out of the box. Messages are composed from
//! outbox rows by [`compose`]; the worker in `jobs::outbox` sends them.

pub mod compose;

use lettre::transport::smtp::AsyncSmtpTransport;
use lettre::{AsyncFileTransport, AsyncTransport, Message, Tokio1Executor};

use crate::config::Settings;

#[derive(Clone)]
pub enum Mailer {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    Files(AsyncFileTransport<Tokio1Executor>),
}

impl Mailer {
    pub fn from_settings(settings: &Settings) -> Result<Mailer, String> {
        match settings.smtp_url.as_deref() {
            Some(url) => AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
                .map(|b| Mailer::Smtp(b.timeout(Some(std::time::Duration::from_secs(20))).build()))
                .map_err(|e| format!("SMTP_URL: {e}")),
            None => {
                std::fs::create_dir_all(&settings.outbox_dir)
                    .map_err(|e| format!("{}: {e}", settings.outbox_dir))?;
                Ok(Mailer::Files(AsyncFileTransport::new(&settings.outbox_dir)))
            }
        }
    }

    pub async fn send(&self, message: Message) -> Result<(), String> {
        match self {
            Mailer::Smtp(t) => t.send(message).await.map(|_| ()).map_err(|e| e.to_string()),
            Mailer::Files(t) => t.send(message).await.map(|_| ()).map_err(|e| e.to_string()),
        }
    }
}
