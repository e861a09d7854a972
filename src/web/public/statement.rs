//! The accessibility statement in the form the RGAA 4.1 asks of French public bodies: the
//! state of compliance (only as good as a valid audit), what is not accessible and what to do
//! instead, how it was checked, whom to tell about a barrier, and the recourse beyond them.

use chrono::{NaiveDate, Utc};
use chrono_tz::Tz;
use rocket::{get, routes, Route, State};
use rocket_dyn_templates::Template;

use crate::config::Settings;
use crate::domain::accessibility::{self as rgaa, Audit, Compliance, Contact};
use crate::domain::time;
use crate::i18n::Lang;
use crate::web::page;
use crate::web::public::views::{page_data, ContactLink, StatementPage};

pub fn routes() -> Vec<Route> {
    routes![statement]
}

#[get("/accessibility")]
fn statement(settings: &State<Settings>, lang: Lang) -> Template {
    let view = statement_view(settings, Utc::now().date_naive(), lang);
    page("accessibility", lang, "/accessibility", page_data(&view))
}

fn statement_view(settings: &Settings, today: NaiveDate, lang: Lang) -> StatementPage {
    let organisation = set(&settings.accessibility_organisation);
    let audit = audit_of(settings, today);
    StatementPage {
        organisation_set: organisation.is_some(),
        organisation: organisation
            .map_or_else(|| lang.t("a11y-organisation-unset"), str::to_string),
        site: settings.public_url.trim_end_matches('/').to_string(),
        state: audit.compliance().as_str(),
        audit: match audit {
            Audit::NotYet => "none",
            Audit::Expired(_) => "expired",
            Audit::Valid(..) => "valid",
        },
        audit_date: audit.date().map(|d| {
            let midnight = time::start_of_day(d, Tz::UTC);
            time::long_date(midnight, Tz::UTC, lang)
        }),
        contact: contact_of(settings).map(|c| ContactLink {
            href: c.href(),
            text: c.text().to_string(),
        }),
    }
}

fn set(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|v| !v.is_empty())
}

fn audit_of(settings: &Settings, today: NaiveDate) -> Audit {
    let date = set(&settings.accessibility_audit_date).and_then(rgaa::parse_date);
    let claimed = set(&settings.accessibility_compliance).and_then(Compliance::parse);
    rgaa::audit(date, claimed, today)
}

fn contact_of(settings: &Settings) -> Option<Contact> {
    set(&settings.accessibility_contact).and_then(Contact::parse)
}

/// Says at start which statement settings cannot be used, since the page then falls back to
/// its honest defaults (not audited, no contact) rather than failing.
pub fn warn_about_settings(settings: &Settings) {
    if set(&settings.accessibility_audit_date).is_some_and(|d| rgaa::parse_date(d).is_none()) {
        tracing::warn!("accessibility_audit_date is not a YYYY-MM-DD date: not audited is shown");
    }
    if set(&settings.accessibility_compliance).is_some_and(|c| Compliance::parse(c).is_none()) {
        tracing::warn!("accessibility_compliance is not full, partial or none: none is shown");
    }
    if set(&settings.accessibility_contact).is_some() && contact_of(settings).is_none() {
        tracing::warn!("accessibility_contact is neither an e-mail address nor an http(s) URL");
    }
}
