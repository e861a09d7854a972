//! Organisers choose what a registration's badge says the person is (attendee, speaker,
//! press, staff). The QR code does not carry the role, so the badge stays valid; the
//! printed badge and the batch print show the new role at once.

use std::collections::HashMap;

use rocket::form::Form;
use rocket::response::Redirect;
use rocket::{post, routes, Route, State};

use crate::auth::{Csrf, Organiser};
use crate::domain::badge_role;
use crate::error::{Error, Msg, Problem, Result};
use crate::i18n::Lang;
use crate::store::roster::Filter;
use crate::store::{self, Db};
use crate::web::admin::events::{checked, Done};
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
    let r = store::roster::get(db, event.id, id).await?;
    let role = badge_role::chosen(&input).and_then(|role| {
        role.ok_or_else(|| Problem::field(badge_role::FIELD, Msg::new("badge-role-invalid")))
    });
    let role = match role {
        Ok(role) => role,
        Err(e) => {
            let e = Error::from(e);
            let refused = Some((&input, &e));
            let page = list_page(db, lang, &csrf, event, &Filter::default(), refused, None).await?;
            return Ok(Err((e.status(), page)));
        }
    };
    store::badges::set_role(db, r.id, role.as_str()).await?;
    let subject = format!("{}:{}", r.id, role.as_str());
    store::audit::record(db, &who.0.actor(), "set-badge-role", &subject).await?;
    Ok(Ok(Redirect::to(format!(
        "/admin/events/{slug}/registrations?done=role"
    ))))
}
