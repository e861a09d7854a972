//! `POST /scan/walk-in`: door staff register someone who turned up unregistered, from the
//! scanner page, without JavaScript: the person is let in at once (the verdict as for a scan)
//! and their badge is shown to print; a full event says so and puts them on the waiting list;
//! bad input shows the form again with each field's message.

use std::collections::HashMap;

use rocket::form::Form;
use rocket::http::Status;
use rocket::{post, routes, Route, State};
use rocket_dyn_templates::Template;

use crate::app::checkin::ScanLimit;
use crate::app::doors::{self, At};
use crate::app::walk_ins::{self, Entry, WalkedIn};
use crate::app::Db;
use crate::auth::{Csrf, DoorStaff};
use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::web::admin::events::{checked, shown};
use crate::web::door::views::{staff_page_of, BadgeToPrint, ScannerView, VerdictView, WalkInForm};

pub fn routes() -> Vec<Route> {
    routes![walk_in]
}

#[post("/scan/walk-in", data = "<form>")]
async fn walk_in(
    db: &State<Db>,
    limit: &State<ScanLimit>,
    lang: Lang,
    csrf: Csrf,
    who: DoorStaff,
    form: Form<HashMap<String, String>>,
) -> Result<(Status, Template)> {
    let input = checked(&csrf, form.into_inner())?;
    limit.check(&who.0)?;
    let slug = input.get("event").ok_or(Error::NotFound)?.to_string();
    let at = At {
        event: Some(&slug),
        gate: input.get("gate"),
        session: None,
    };
    let scanner = doors::scanner(db, &who.0, at, None).await?;
    let page = |status, verdict, form| {
        let mut view = ScannerView::new(lang, &csrf.0, &scanner, None, verdict);
        view.walk_in = form;
        let path = format!("/scan?event={slug}");
        (status, staff_page_of("scan", lang, &path, &view))
    };
    match walk_ins::walk_in(db, &who.0, &slug, &input, lang).await {
        Ok(walked) => {
            let (verdict, form) = answer(&slug, &walked, lang)?;
            Ok(page(Status::Ok, verdict, form))
        }
        Err(e) => {
            let e = shown(e)?;
            let form = WalkInForm::again(&input, e.field_messages(lang), e.message().render(lang));
            Ok(page(Status::UnprocessableEntity, None, form))
        }
    }
}

/// The verdict (when let in) and what the walk-in block shows: the badge, or the waiting list.
fn answer(slug: &str, w: &WalkedIn, lang: Lang) -> Result<(Option<VerdictView>, WalkInForm)> {
    let r = &w.registration;
    Ok(match &w.entry {
        Entry::In { outcome, code } => (
            Some(VerdictView::new(outcome.as_ref(), lang)),
            WalkInForm::done(BadgeToPrint::new(slug, r, code)?),
        ),
        Entry::Waiting { position } => {
            let position = position.unwrap_or(0).to_string();
            let text = lang.t_args(
                "walk-in-waiting",
                &[("name", r.name.clone()), ("position", position)],
            );
            (None, WalkInForm::said(text))
        }
        Entry::NoPlace => {
            let text = lang.t_args("walk-in-no-place", &[("name", r.name.clone())]);
            (None, WalkInForm::said(text))
        }
    })
}
