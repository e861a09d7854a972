//! Sending mail: through SMTP when `SMTP_URL` is set (lettre's URL form: TLS and auth), or as
//! .eml files under `outbox_dir` so the app works out of the box. Messages are composed from
//! outbox rows by [`compose`]; the worker in `jobs::outbox` sends them.

pub mod compose;
mod invite;
pub mod view;
mod wording;

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

/// Removes the .eml files written to an address (after its registration is erased): the
/// outbox folder keeps no mail to people Summit no longer knows. Returns how many went.
pub fn forget_files(outbox_dir: &str, email: &str) -> usize {
    let Ok(dir) = std::fs::read_dir(outbox_dir) else {
        return 0;
    };
    let needle = email.to_ascii_lowercase();
    let mut removed = 0;
    for path in dir.filter_map(|e| e.ok()).map(|e| e.path()) {
        if path.extension().is_none_or(|x| x != "eml") {
            continue;
        }
        let Ok(raw) = std::fs::read(&path) else {
            continue;
        };
        let text = String::from_utf8_lossy(&raw).to_ascii_lowercase();
        if names_address(&text, &needle) && std::fs::remove_file(&path).is_ok() {
            removed += 1;
        }
    }
    removed
}

/// Whether the text names this address whole (`<ana@x.org>`, `To: ana@x.org`), not as a part
/// of a longer one (`hana@x.org`, `ana@x.org.uk`).
fn names_address(text: &str, address: &str) -> bool {
    let edge =
        |c: Option<char>| c.is_none_or(|c| !(c.is_ascii_alphanumeric() || ".-_+@".contains(c)));
    text.match_indices(address).any(|(i, _)| {
        edge(text[..i].chars().next_back()) && edge(text[i + address.len()..].chars().next())
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn an_address_is_found_whole_only() {
        let mail = "to: ana durand <ana@example.org>\r\nfrom: x@y.org\r\n";
        assert!(super::names_address(mail, "ana@example.org"));
        assert!(!super::names_address(mail, "na@example.org"));
        assert!(!super::names_address(
            "to: ana@example.org.uk\r\n",
            "ana@example.org"
        ));
    }
}
