//! Organisers choose what a registration's badge says the person is (attendee, speaker,
//! press, staff). The QR code does not carry the role, so the badge stays valid; the
//! printed badge and the batch print show the new role at once.

use std::collections::HashMap;

use rocket::form::Form;
use rocket::response::Redirect;
use rocket::{post, routes, Route, State};

use crate::app::admin_registrations::Filter;
use crate::app::{admin_badges, Db};
use crate::auth::{Csrf, Organiser};
use crate::error::Result;
use crate::i18n::Lang;
use crate::web::admin::events::{checked, shown, Done};
use crate::web::admin::registrations::list_page;

pub fn routes() -> Vec<Route> {
    routes![set_role]
}

#[post("/events/<slug>/registrations/<id>/role", data = "<form>")]
async fn set_role(
    db: &State<Db>,
    lang: Lang,
    csrf: Csrf,
    who: Organiser,
    slug: &str,
    id: i64,
    form: Form<HashMap<String, String>>,
) -> Result<Done> {
    let input = checked(&csrf, form.into_inner())?;
    let event = who.event(db, slug).await?;
    if let Err(e) = admin_badges::set_role(db, &who.0.actor(), &event, id, &input).await {
        let e = shown(e)?;
        let refused = Some((&input, &e));
        let page = list_page(db, lang, &csrf, event, &Filter::default(), refused, None).await?;
        return Ok(Err((e.status(), page)));
    }
    Ok(Ok(Redirect::to(format!(
        "/admin/events/{slug}/registrations?done=role"
    ))))
}
