//! Settings: `[default.summit]` in Rocket.toml, each overridable by its environment variable
//! (names in CONTRACT.md). Secrets come only from the environment.

use rocket::figment::Figment;
use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// `sqlite://PATH` or `postgres://...`
    pub database_url: String,
    /// Base of links in e-mails and invites.
    pub public_url: String,
    /// lettre URL of the SMTP relay; unset: mail goes to `data/outbox/` as .eml files.
    pub smtp_url: Option<String>,
    pub mail_from: String,
    pub stripe_secret_key: Option<String>,
    pub stripe_webhook_secret: Option<String>,
    pub stripe_api_base: String,
    /// Load the seed events at start when the database has none.
    pub demo: bool,
    /// Where mail goes as .eml files when `smtp_url` is unset.
    pub outbox_dir: String,
    /// Run the outbox worker in this process (tests drive it by hand).
    pub mail_worker: bool,
    /// How many minutes before an online session its join link opens.
    pub join_opens_minutes: i64,
    /// Hours before an event its reminder goes out.
    pub reminder_hours: i64,
    /// Minutes before an online session its reminder (with the join link) goes out.
    pub online_reminder_minutes: i64,
    /// Days after an event ends before its attendees' personal data is purged.
    pub retention_days: i64,
    /// Minutes a place waiting for its payment is held (at least 30, Stripe's shortest
    /// Checkout Session).
    pub payment_hold_minutes: i64,
    /// How many seconds old the workshop places left shown on the public agenda may be: they
    /// are read again at most this often per event, so a registration rush does not re-render
    /// the cached agenda on every request (the registration form always counts afresh).
    pub agenda_seats_seconds: i64,
    /// The organisation that runs this Summit, named by the accessibility statement.
    pub accessibility_organisation: Option<String>,
    /// Where people report an accessibility barrier: an e-mail address or a web page.
    pub accessibility_contact: Option<String>,
    /// The date (`YYYY-MM-DD`) of the last RGAA compliance audit; unset: not audited yet.
    pub accessibility_audit_date: Option<String>,
    /// What that audit found: `full`, `partial` or `none` (only shown with a valid audit).
    pub accessibility_compliance: Option<String>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            database_url: "sqlite://data/summit.db".into(),
            public_url: "http://localhost:8000".into(),
            smtp_url: None,
            mail_from: "Summit <no-reply@localhost>".into(),
            stripe_secret_key: None,
            stripe_webhook_secret: None,
            stripe_api_base: "https://api.stripe.com".into(),
            demo: false,
            outbox_dir: "data/outbox".into(),
            mail_worker: true,
            join_opens_minutes: 15,
            reminder_hours: 24,
            online_reminder_minutes: 15,
            retention_days: 365,
            payment_hold_minutes: 30,
            agenda_seats_seconds: 5,
            accessibility_organisation: None,
            accessibility_contact: None,
            accessibility_audit_date: None,
            accessibility_compliance: None,
        }
    }
}

const ENV_NAMES: [&str; 19] = [
    "ACCESSIBILITY_ORGANISATION",
    "ACCESSIBILITY_CONTACT",
    "ACCESSIBILITY_AUDIT_DATE",
    "ACCESSIBILITY_COMPLIANCE",
    "AGENDA_SEATS_SECONDS",
    "PAYMENT_HOLD_MINUTES",
    "RETENTION_DAYS",
    "REMINDER_HOURS",
    "ONLINE_REMINDER_MINUTES",
    "OUTBOX_DIR",
    "MAIL_WORKER",
    "JOIN_OPENS_MINUTES",
    "DATABASE_URL",
    "PUBLIC_URL",
    "SMTP_URL",
    "MAIL_FROM",
    "STRIPE_SECRET_KEY",
    "STRIPE_WEBHOOK_SECRET",
    "STRIPE_API_BASE",
];

impl Settings {
    /// Whether people reach Summit over HTTPS (`PUBLIC_URL`): then every cookie is `Secure`
    /// and browsers are told to stay on HTTPS.
    pub fn is_https(&self) -> bool {
        self.public_url.starts_with("https://")
    }

    /// Reads `summit.*` from the Rocket figment, then the environment on top.
    pub fn load(figment: &Figment) -> Result<Settings, Box<rocket::figment::Error>> {
        let mut settings: Settings = match figment.find_value("summit") {
            Ok(_) => figment.extract_inner("summit").map_err(Box::new)?,
            Err(_) => Settings::default(),
        };
        settings.apply_env(|name| std::env::var(name).ok());
        Ok(settings)
    }

    fn apply_env(&mut self, var: impl Fn(&str) -> Option<String>) {
        for name in ENV_NAMES {
            let Some(value) = var(name).filter(|v| !v.trim().is_empty()) else {
                continue;
            };
            match name {
                "DATABASE_URL" => self.database_url = value,
                "PUBLIC_URL" => self.public_url = value,
                "SMTP_URL" => self.smtp_url = Some(value),
                "MAIL_FROM" => self.mail_from = value,
                "STRIPE_SECRET_KEY" => self.stripe_secret_key = Some(value),
                "STRIPE_WEBHOOK_SECRET" => self.stripe_webhook_secret = Some(value),
                "OUTBOX_DIR" => self.outbox_dir = value,
                "ACCESSIBILITY_ORGANISATION" => self.accessibility_organisation = Some(value),
                "ACCESSIBILITY_CONTACT" => self.accessibility_contact = Some(value),
                "ACCESSIBILITY_AUDIT_DATE" => self.accessibility_audit_date = Some(value),
                "ACCESSIBILITY_COMPLIANCE" => self.accessibility_compliance = Some(value),
                "MAIL_WORKER" => self.mail_worker = !matches!(value.as_str(), "0" | "false" | "no"),
                "JOIN_OPENS_MINUTES"
                | "REMINDER_HOURS"
                | "ONLINE_REMINDER_MINUTES"
                | "RETENTION_DAYS"
                | "PAYMENT_HOLD_MINUTES"
                | "AGENDA_SEATS_SECONDS" => {
                    let Ok(n) = value.trim().parse() else {
                        continue;
                    };
                    match name {
                        "JOIN_OPENS_MINUTES" => self.join_opens_minutes = n,
                        "REMINDER_HOURS" => self.reminder_hours = n,
                        "RETENTION_DAYS" => self.retention_days = n,
                        "PAYMENT_HOLD_MINUTES" => self.payment_hold_minutes = n,
                        "AGENDA_SEATS_SECONDS" => self.agenda_seats_seconds = n,
                        _ => self.online_reminder_minutes = n,
                    }
                }
                _ => self.stripe_api_base = value,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn environment_overrides_file_settings() {
        let mut s = Settings::default();
        s.apply_env(|n| match n {
            "DATABASE_URL" => Some("postgres://db/summit".into()),
            "SMTP_URL" => Some("smtp://127.0.0.1:2525".into()),
            "MAIL_FROM" => Some("  ".into()),
            "PAYMENT_HOLD_MINUTES" => Some("45".into()),
            "ACCESSIBILITY_ORGANISATION" => Some("Bordeaux Métropole".into()),
            _ => None,
        });
        assert_eq!(s.payment_hold_minutes, 45);
        assert_eq!(
            s.accessibility_organisation.as_deref(),
            Some("Bordeaux Métropole")
        );
        assert_eq!(s.accessibility_contact, None);
        assert_eq!(s.database_url, "postgres://db/summit");
        assert_eq!(s.smtp_url.as_deref(), Some("smtp://127.0.0.1:2525"));
        assert_eq!(s.mail_from, Settings::default().mail_from);
    }

    #[test]
    fn rocket_toml_table_is_read() {
        let figment = Figment::from(rocket::figment::providers::Serialized::default(
            "summit",
            serde_json::json!({"public_url": "https://summit.example.org", "payment_hold_minutes": 40}),
        ));
        let s = Settings::load(&figment).unwrap();
        assert_eq!(s.public_url, "https://summit.example.org");
        assert_eq!(s.payment_hold_minutes, 40);
        assert_eq!(s.stripe_api_base, "https://api.stripe.com");
    }
}
