//! The attendee's personal calendar feed and join links. A join link opens a little before
//! the start, redirects to the private stream inside the window (recording the online
//! attendance) and says when it has ended; the streaming URL itself is never shown.

use rocket::http::{ContentType, Status};
use rocket::response::Redirect;
use rocket::{get, routes, Route, State};
use rocket_dyn_templates::Template;

use crate::app::join::{self as joining, Event, Join, Refusal};
use crate::app::{attendee, Db};
use crate::config::Settings;
use crate::domain::time;
use crate::error::Result;
use crate::i18n::Lang;
use crate::web::attendee::views::{page_data, Countdown, JoinPage};
use crate::web::page;
use crate::web::public::views::EventSummary;

pub fn routes() -> Vec<Route> {
    routes![feed, join]
}

#[get("/<token>/calendar.ics")]
async fn feed(
    db: &State<Db>,
    settings: &State<Settings>,
    token: &str,
) -> Result<(ContentType, String)> {
    let body = attendee::calendar_feed(db, token, &settings.public_url).await?;
    let ics = ContentType::new("text", "calendar").with_params(("charset", "utf-8"));
    Ok((ics, body))
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
    match joining::join(db, token, id, settings.join_opens_minutes, lang).await? {
        Join::Go(url) => Ok(Joined::Go(Redirect::to(url))),
        Join::Message {
            event,
            message,
            refusal,
        } => {
            // "Not yet" and "ended" are answers, not errors.
            let status = match refusal {
                Refusal::NotAllowed => Status::Forbidden,
                Refusal::NoStream => Status::NotFound,
                Refusal::NotYet { .. } | Refusal::Ended => Status::Ok,
            };
            let path = format!("/r/{token}/join/{id}");
            let countdown = match refusal {
                Refusal::NotYet { opens_at } => Some(countdown(&event, opens_at, &path, lang)),
                _ => None,
            };
            let data = page_data(&JoinPage {
                event: EventSummary::new(&event, lang),
                message: message.render(lang),
                token,
                countdown,
            });
            Ok(Joined::Page(status, page("join", lang, &path, data)))
        }
    }
}

/// The opening in the event's own zone, named: without JavaScript this is all there is, so
/// the zone must be unmistakable; the script adds the visitor's zone when it differs.
fn countdown(event: &Event, opens_at: i64, path: &str, lang: Lang) -> Countdown {
    let tz = event.tz();
    Countdown {
        opens_at: time::to_rfc3339(opens_at, chrono_tz::Tz::UTC),
        now_ms: chrono::Utc::now().timestamp_millis(),
        date: time::long_date(opens_at, tz, lang),
        clock: time::clock(opens_at, tz),
        zone: event.timezone.clone(),
        zone_abbreviation: time::zone_abbreviation(opens_at, tz),
        href: path.to_string(),
    }
}
