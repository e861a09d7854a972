//! The public registration form and "send me my link again". Both answer the same neutral
//! "check your e-mail" whether or not the address was already registered.

use std::collections::HashMap;

use rocket::form::Form;
use rocket::http::Status;
use rocket::response::Redirect;
use rocket::{get, post, routes, Route, State};
use rocket_dyn_templates::Template;

use crate::app::agenda::Agenda;
use crate::app::choices::Choices;
use crate::app::public;
use crate::app::registering::{self, Channel};
use crate::app::Registered;
use crate::app::{self, Db};
use crate::auth::{Csrf, Organiser};
use crate::domain::secret::is_email;
use crate::domain::validate::Input;
use crate::domain::{Attendance, Format, RegistrationStatus};
use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::payments::Stripe;
use crate::web::admin::events::{checked, shown, Done, Page};
use crate::web::page;
use crate::web::public::pages::{public_event, visible_event_now};
use crate::web::public::views::{
    page_data, Choice, ChoicesView, EventPage, EventSummary, LanguageChoice, RegisterPage,
    ResendPage, TicketChoice, WorkshopChoice,
};

pub fn routes() -> Vec<Route> {
    routes![form, submit, done, resend_form, resend]
}

/// The form's choices: modes, tickets, languages and the workshops that need signing up.
/// (The organisers' "add someone" form calls this too.)
pub async fn choices(db: &Db, agenda: &Agenda, lang: Lang, values: &Input) -> Result<ChoicesView> {
    offered_choices(db, agenda, lang, values).await
}

/// [`choices`], typed.
async fn offered_choices(
    db: &Db,
    agenda: &Agenda,
    lang: Lang,
    values: &Input,
) -> Result<ChoicesView> {
    let offered = app::choices::choices(db, agenda).await?;
    Ok(choices_view(agenda, &offered, lang, values))
}

/// The choices as the form shows them, ticked as in `values`.
pub fn choices_view(agenda: &Agenda, offered: &Choices, lang: Lang, values: &Input) -> ChoicesView {
    let event = &agenda.event;
    let picked = crate::domain::registration::chosen_sessions(values, &mut Default::default());
    let workshops = offered
        .workshops
        .iter()
        .filter_map(|w| {
            let session = agenda.session_view(agenda.session(w.session_id)?, lang);
            Some(WorkshopChoice {
                session,
                left: w.left,
                full: w.full,
                checked: picked.contains(&w.session_id),
            })
        })
        .collect();
    let modes = Attendance::ALL
        .iter()
        .map(|m| Choice {
            value: m.as_str().to_string(),
            label: lang.t(&format!("attendance-{}", m.as_str())),
            checked: values.get("attendance") == Some(m.as_str()),
        })
        .collect();
    let tickets: Vec<TicketChoice> = offered
        .tickets
        .iter()
        .map(|t| TicketChoice {
            value: t.id.to_string(),
            label: t.name_in(lang).to_string(),
            price: crate::i18n::money(t.price_cents, &t.currency, lang),
            checked: values.get("ticket") == Some(t.id.to_string().as_str()),
        })
        .collect();
    let full: Vec<String> = offered
        .full_modes
        .iter()
        .map(|m| lang.t(&format!("attendance-{}", m.as_str())))
        .collect();
    let languages = Lang::ALL
        .iter()
        .map(|l| LanguageChoice {
            value: l.code(),
            label: l.t("language-name"),
        })
        .collect();
    ChoicesView {
        hybrid: event.format == Format::Hybrid,
        modes,
        several_tickets: tickets.len() > 1,
        tickets,
        languages,
        workshops,
        full: (!full.is_empty()).then(|| {
            crate::error::Msg::new("register-event-full")
                .arg("modes", full.join(", "))
                .render(lang)
        }),
    }
}

/// The form for whoever asks: a signed-in organiser of a draft sees its preview.
struct Asker<'a> {
    csrf: &'a Csrf,
    who: Option<&'a Organiser>,
}

async fn form_page(
    db: &Db,
    lang: Lang,
    asker: Asker<'_>,
    slug: &str,
    values: &Input,
    err: Option<&Error>,
) -> Result<Template> {
    let csrf = asker.csrf;
    let event = visible_event_now(db, asker.who, slug).await?;
    let closed = registering::window(&event, lang).err();
    let agenda = Agenda::load(db, event).await?;
    let problem = err.or(closed.as_ref()).map(|e| e.message().render(lang));
    let mut shown_values = values.values.clone();
    if values.get("language").is_none() {
        shown_values.insert("language".into(), lang.code().into());
    }
    Ok(page(
        "register",
        lang,
        &format!("/events/{slug}/register"),
        page_data(&RegisterPage {
            event: EventSummary::new(&agenda.event, lang),
            csrf: csrf.0.clone(),
            open: closed.is_none(),
            problem,
            values: shown_values,
            errors: err.map(|e| e.field_messages(lang)),
            choices: offered_choices(db, &agenda, lang, values).await?,
        }),
    ))
}

#[get("/events/<slug>/register")]
async fn form(
    db: &State<Db>,
    lang: Lang,
    csrf: Csrf,
    who: Option<Organiser>,
    slug: &str,
) -> Result<Template> {
    let asker = Asker {
        csrf: &csrf,
        who: who.as_ref(),
    };
    form_page(db, lang, asker, slug, &Input::default(), None).await
}

#[post("/events/<slug>/register", data = "<form>")]
async fn submit(
    db: &State<Db>,
    stripe: &State<Stripe>,
    lang: Lang,
    csrf: Csrf,
    who: Option<Organiser>,
    slug: &str,
    form: Form<HashMap<String, String>>,
) -> Result<Done> {
    let input = checked(&csrf, form.into_inner())?;
    let event = visible_event_now(db, who.as_ref(), slug).await?;
    // An organiser previewing a draft reaches the form, but nothing is registered.
    let outcome = match public::refuse_draft(&event) {
        Ok(()) => registering::register(db, &event, &input, lang, Channel::Form).await,
        Err(refused) => Err(refused),
    };
    match outcome {
        // A new paid registration goes straight to Stripe's payment page, or to its own page
        // with "try again" when Stripe could not open one.
        Ok(Registered::New {
            registration,
            token,
            ..
        }) if registration.status == RegistrationStatus::PendingPayment => {
            match stripe.checkout(db, &registration).await? {
                Some(url) => Ok(Ok(Redirect::to(url))),
                None => Ok(Ok(Redirect::to(format!("/r/{token}?done=pay-failed")))),
            }
        }
        Ok(_) => Ok(Ok(Redirect::to(format!("/events/{slug}/register/done")))),
        Err(e) => {
            let e = shown(e)?;
            let asker = Asker {
                csrf: &csrf,
                who: who.as_ref(),
            };
            let page = form_page(db, lang, asker, slug, &input, Some(&e)).await?;
            Ok(Err((e.status(), page)))
        }
    }
}

/// The same answer for everyone: the personal link is in their mailbox.
#[get("/events/<slug>/register/done")]
async fn done(db: &State<Db>, lang: Lang, slug: &str) -> Result<Template> {
    let event = public_event(db, slug).await?;
    Ok(page(
        "register_done",
        lang,
        &format!("/events/{slug}/register/done"),
        page_data(&EventPage {
            event: EventSummary::new(&event, lang),
        }),
    ))
}

#[get("/events/<slug>/resend")]
async fn resend_form(db: &State<Db>, lang: Lang, csrf: Csrf, slug: &str) -> Result<Template> {
    resend_page(db, lang, &csrf, slug, "", None).await
}

async fn resend_page(
    db: &Db,
    lang: Lang,
    csrf: &Csrf,
    slug: &str,
    email: &str,
    error: Option<String>,
) -> Result<Template> {
    let event = public_event(db, slug).await?;
    Ok(page(
        "resend",
        lang,
        &format!("/events/{slug}/resend"),
        page_data(&ResendPage {
            event: EventSummary::new(&event, lang),
            csrf: &csrf.0,
            email,
            error,
        }),
    ))
}

#[post("/events/<slug>/resend", data = "<form>")]
async fn resend(
    db: &State<Db>,
    lang: Lang,
    csrf: Csrf,
    slug: &str,
    form: Form<HashMap<String, String>>,
) -> Result<Page> {
    let input = checked(&csrf, form.into_inner())?;
    let event = public_event(db, slug).await?;
    let email = input.get("email").unwrap_or_default().to_string();
    if !is_email(&email) {
        let msg = lang.t("field-email");
        let page = resend_page(db, lang, &csrf, slug, &email, Some(msg)).await?;
        return Ok(Err((Status::UnprocessableEntity, page)));
    }
    public::resend_link(db, &event, &email).await?;
    Ok(Ok(page(
        "register_done",
        lang,
        &format!("/events/{slug}/resend"),
        page_data(&EventPage {
            event: EventSummary::new(&event, lang),
        }),
    )))
}
