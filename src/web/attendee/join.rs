//! The attendee's personal calendar feed and join links. A join link opens a little before
//! the start, redirects to the private stream inside the window (recording the online
//! attendance) and says when it has ended; the streaming URL itself is never shown.

use rocket::http::{ContentType, Status};
use rocket::response::Redirect;
use rocket::{get, routes, Route, State};
use rocket_dyn_templates::Template;
use serde_json::json;

use crate::app::agenda::Agenda;
use crate::calendar::{self, personal};
use crate::config::Settings;
use crate::domain::{time, RegistrationStatus, SessionStatus, SignupStatus};
use crate::error::{Error, Msg, Result};
use crate::i18n::Lang;
use crate::store::registrations;
use crate::store::{self, Db};
use crate::web::page;
use crate::web::public::pages::event_summary;

pub fn routes() -> Vec<Route> {
    routes![feed, join]
}

#[get("/<token>/calendar.ics")]
async fn feed(
    db: &State<Db>,
    settings: &State<Settings>,
    token: &str,
) -> Result<(ContentType, String)> {
    let r = registrations::by_token(db, token).await?;
    let lang = Lang::parse(&r.language).unwrap_or(Lang::Fr);
    let event = store::events::by_id(db, r.event_id).await?;
    let agenda = Agenda::load(db, event).await?;
    let signups = registrations::signups(db, r.id).await?;
    let entries = personal::entries(&agenda, &r, &signups, token, &settings.public_url, lang);
    let name = lang.pick(&agenda.event.title_fr, &agenda.event.title_en);
    let ics = ContentType::new("text", "calendar").with_params(("charset", "utf-8"));
    Ok((ics, calendar::render(name, &entries)))
}

pub enum Joined {
    Go(Redirect),
    Page(Status, Template),
}

#[rocket::async_trait]
impl<'r> rocket::response::Responder<'r, 'static> for Joined {
    fn respond_to(self, req: &'r rocket::Request<'_>) -> rocket::response::Result<'static> {
        match self {
            Joined::Go(r) => r.respond_to(req),
            Joined::Page(status, t) => (status, t).respond_to(req),
        }
    }
}

#[get("/<token>/join/<id>")]
async fn join(
    db: &State<Db>,
    settings: &State<Settings>,
    lang: Lang,
    token: &str,
    id: i64,
) -> Result<Joined> {
    let r = registrations::by_token(db, token).await?;
    let event = store::events::by_id(db, r.event_id).await?;
    let agenda = Agenda::load(db, event).await?;
    let (format, stream, starts_at, ends_at, session_id) = if id == personal::EVENT_STREAM {
        let e = &agenda.event;
        (e.format, e.stream_url.clone(), e.starts_at, e.ends_at, None)
    } else {
        let s = agenda.session(id).ok_or(Error::NotFound)?;
        if s.requires_signup.0 {
            let signups = registrations::signups(db, r.id).await?;
            let held = signups
                .iter()
                .any(|x| x.session_id == id && x.status == SignupStatus::Confirmed);
            if !held {
                return Err(Error::Forbidden);
            }
        }
        if s.status == SessionStatus::Cancelled {
            return Err(Error::NotFound);
        }
        (
            s.format,
            s.stream_url.clone(),
            s.starts_at,
            s.ends_at,
            Some(id),
        )
    };
    let tz = agenda.event.tz();
    let now = time::now();
    let opens = starts_at - settings.join_opens_minutes * 60;
    let message = if !r.status.holds_place() {
        Some((Status::Forbidden, Msg::new("register-already-cancelled")))
    } else if r.status == RegistrationStatus::PendingPayment {
        Some((Status::Forbidden, Msg::new("join-pay-first")))
    } else if stream.is_none() {
        Some((Status::NotFound, Msg::new("join-no-stream")))
    } else if !personal::may_join(&agenda, &r, format) {
        Some((Status::Forbidden, Msg::new("join-not-allowed")))
    } else if now < opens {
        let when = format!(
            "{} {}",
            time::long_date(opens, tz, lang),
            time::clock(opens, tz)
        );
        let msg = Msg::new("join-not-yet")
            .arg("minutes", settings.join_opens_minutes.to_string())
            .arg("when", when);
        Some((Status::Ok, msg))
    } else if now > ends_at {
        Some((Status::Ok, Msg::new("join-ended")))
    } else {
        None
    };
    if let Some((status, msg)) = message {
        let data = json!({
            "event": event_summary(&agenda.event, lang),
            "message": msg.render(lang),
            "token": token,
        });
        let path = format!("/r/{token}/join/{id}");
        return Ok(Joined::Page(status, page("join", lang, &path, data)));
    }
    store::joins::record(db, agenda.event.id, r.id, session_id).await?;
    Ok(Joined::Go(Redirect::to(stream.unwrap_or_default())))
}
