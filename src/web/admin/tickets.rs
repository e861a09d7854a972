//! The workspace's ticket types: the list with the add form, an edit page, stop or resume
//! selling (no confirmation: it is undone as easily), and a confirm page before removing one.

use std::collections::HashMap;

use rocket::form::Form;
use rocket::response::Redirect;
use rocket::{get, post, routes, Route, State};
use rocket_dyn_templates::Template;

use crate::app::admin_events::Event;
use crate::app::tickets::{self, TicketType};
use crate::app::Db;
use crate::auth::{Csrf, Organiser};
use crate::config::Settings;
use crate::domain::validate::Input;
use crate::domain::{time, Attendance, Format};
use crate::error::{Error, Result};
use crate::i18n::{money, Lang};
use crate::web::admin::events::{checked, shown, Ctx, Done};
use crate::web::admin::views::{render, Choice};
use crate::web::admin::workspace::{
    head, or_again, ConfirmPage, EditExtra, EditPage, Forms, Refused, Section, TicketRow,
    TicketsPage,
};

pub fn routes() -> Vec<Route> {
    routes![page, add, edit, save, sales, confirm_removal, remove]
}

/// The attendance modes the event offers, as the ticket form's options ("" = any).
fn attendance_choices(event: &Event, lang: Lang) -> Vec<Choice> {
    let mut all = vec![Choice::new("", lang.t("ws-ticket-any-mode"))];
    for mode in [Attendance::InPerson, Attendance::Online] {
        if mode.fits(event.format) || event.format == Format::Hybrid {
            all.push(Choice::new(
                mode.as_str(),
                lang.t(&format!("attendance-{}", mode.as_str())),
            ));
        }
    }
    all
}

/// The price as the form shows it: "25.00" (a dot, whatever the language, as typed back).
fn price_text(cents: i64) -> String {
    format!("{}.{:02}", cents / 100, cents % 100)
}

fn sales_text(event: &Event, t: &TicketType, lang: Lang) -> String {
    let tz = event.tz();
    let when = |ts: i64| format!("{} {}", time::long_date(ts, tz, lang), time::clock(ts, tz));
    let now = time::now();
    match (t.sales_start, t.sales_end) {
        (_, Some(end)) if end <= now => lang.t_args("ws-sales-ended", &[("when", when(end))]),
        (Some(start), _) if now < start => lang.t_args("ws-sales-from", &[("when", when(start))]),
        (_, Some(end)) => lang.t_args("ws-sales-until", &[("when", when(end))]),
        _ => lang.t("ws-sales-open"),
    }
}

pub async fn tickets_page(
    ctx: Ctx<'_>,
    stripe: bool,
    event: Event,
    refused: Option<Refused<'_>>,
    done: Option<&str>,
) -> Result<Template> {
    let lang = ctx.lang;
    let list = tickets::list(ctx.db, &event).await?;
    let held = tickets::held(ctx.db, &event).await?;
    let now = time::now();
    let rows = list
        .iter()
        .map(|t| TicketRow {
            id: t.id,
            name: t.name_in(lang).to_string(),
            name_fr: t.name.clone(),
            name_en: t.name_en.clone(),
            price: money(t.price_cents, &t.currency, lang),
            attendance: match t.attendance.as_deref() {
                Some(mode) => lang.t(&format!("attendance-{mode}")),
                None => lang.t("ws-ticket-any-mode"),
            },
            quota: t.quota,
            held: held.get(&t.id).copied().unwrap_or(0),
            sales: sales_text(&event, t, lang),
            on_sale: t.on_sale(now),
        })
        .collect();
    let forms = Forms::new(refused.as_ref(), lang).done(done, lang).prefill(
        "ticket",
        [("currency", "EUR"), ("price", "0")]
            .into_iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
    );
    let view = TicketsPage {
        head: head(&event, lang, Section::Tickets),
        csrf: &ctx.csrf.0,
        tickets: rows,
        paid_allowed: stripe,
        attendance: attendance_choices(&event, lang),
        forms,
    };
    Ok(render(
        "admin/tickets",
        lang,
        &Section::Tickets.href(&event.slug),
        &view,
    ))
}

#[get("/events/<slug>/tickets?<done>")]
#[allow(clippy::too_many_arguments)]
async fn page(
    db: &State<Db>,
    settings: &State<Settings>,
    lang: Lang,
    csrf: Csrf,
    who: Organiser,
    slug: &str,
    done: Option<&str>,
) -> Result<Template> {
    let event = who.event(db, slug).await?;
    let stripe = settings.stripe_secret_key.is_some();
    tickets_page(Ctx::new(db, lang, &csrf), stripe, event, None, done).await
}

#[post("/events/<slug>/tickets", data = "<form>")]
async fn add(
    db: &State<Db>,
    settings: &State<Settings>,
    lang: Lang,
    csrf: Csrf,
    who: Organiser,
    slug: &str,
    form: Form<HashMap<String, String>>,
) -> Result<Done> {
    let input = checked(&csrf, form.into_inner())?;
    let event = who.event(db, slug).await?;
    let stripe = settings.stripe_secret_key.is_some();
    let outcome = tickets::add(db, &who.0, &event, &input, stripe).await;
    let ctx = Ctx::new(db, lang, &csrf);
    on_tickets_page(ctx, stripe, event, (&input, "added"), outcome).await
}

/// Back to the list, or the list again with the add form's (or a row's) refusal.
async fn on_tickets_page(
    ctx: Ctx<'_>,
    stripe: bool,
    event: Event,
    (input, done): (&Input, &str),
    outcome: Result<TicketType>,
) -> Result<Done> {
    match outcome {
        Ok(_) => Ok(Ok(Redirect::to(format!(
            "{}?done={done}",
            Section::Tickets.href(&event.slug)
        )))),
        Err(err) => {
            let err = shown(err)?;
            let refused = Refused {
                form: "ticket",
                input,
                error: &err,
            };
            let page = tickets_page(ctx, stripe, event, Some(refused), None).await?;
            Ok(Err((err.status(), page)))
        }
    }
}

fn edit_page(
    ctx: Ctx<'_>,
    stripe: bool,
    event: &Event,
    ticket: &TicketType,
    values: &Input,
    refused: Option<&Error>,
) -> Template {
    let lang = ctx.lang;
    let path = format!("{}/{}", Section::Tickets.href(&event.slug), ticket.id);
    let view = EditPage {
        head: head(event, lang, Section::Tickets),
        csrf: &ctx.csrf.0,
        kind: "ticket",
        id: ticket.id,
        title: lang.t_args(
            "ws-edit-ticket",
            &[("name", ticket.name_in(lang).to_string())],
        ),
        values: values.values.clone(),
        errors: refused.map(|e| e.field_messages(lang)).unwrap_or_default(),
        problem: refused.map(|e| e.message().render(lang)),
        action: path.clone(),
        back: Section::Tickets.href(&event.slug),
        extra: Some(EditExtra {
            paid_allowed: stripe || ticket.price_cents > 0,
            attendance: attendance_choices(event, lang),
            on_sale: ticket.on_sale(time::now()),
            ..EditExtra::default()
        }),
    };
    render("admin/edit", lang, &path, &view)
}

/// The stored ticket type as the edit form shows it: a price in units, not cents.
fn form_values(event: &Event, ticket: &TicketType) -> Input {
    let mut input = tickets::ticket_input(event, ticket);
    input.values.remove("price_cents");
    input
        .values
        .insert("price".into(), price_text(ticket.price_cents));
    input
}

#[get("/events/<slug>/tickets/<id>")]
async fn edit(
    db: &State<Db>,
    settings: &State<Settings>,
    lang: Lang,
    csrf: Csrf,
    who: Organiser,
    slug: &str,
    id: i64,
) -> Result<Template> {
    let event = who.event(db, slug).await?;
    let ticket = tickets::get(db, &event, id).await?;
    let stripe = settings.stripe_secret_key.is_some();
    let values = form_values(&event, &ticket);
    let ctx = Ctx::new(db, lang, &csrf);
    Ok(edit_page(ctx, stripe, &event, &ticket, &values, None))
}

#[post("/events/<slug>/tickets/<id>", data = "<form>")]
#[allow(clippy::too_many_arguments)]
async fn save(
    db: &State<Db>,
    settings: &State<Settings>,
    lang: Lang,
    csrf: Csrf,
    who: Organiser,
    slug: &str,
    id: i64,
    form: Form<HashMap<String, String>>,
) -> Result<Done> {
    let input = checked(&csrf, form.into_inner())?;
    let event = who.event(db, slug).await?;
    let ticket = tickets::get(db, &event, id).await?;
    let stripe = settings.stripe_secret_key.is_some();
    let outcome = tickets::change(db, &who.0, &event, id, input.clone(), stripe).await;
    let back = format!("{}?done=saved", Section::Tickets.href(slug));
    or_again(outcome, back, |err| async move {
        let ctx = Ctx::new(db, lang, &csrf);
        Ok(edit_page(ctx, stripe, &event, &ticket, &input, Some(&err)))
    })
    .await
}

/// Stop selling (`on_sale=false`) or sell again (`on_sale=true`), back to the list.
#[post("/events/<slug>/tickets/<id>/sales", data = "<form>")]
#[allow(clippy::too_many_arguments)]
async fn sales(
    db: &State<Db>,
    settings: &State<Settings>,
    lang: Lang,
    csrf: Csrf,
    who: Organiser,
    slug: &str,
    id: i64,
    form: Form<HashMap<String, String>>,
) -> Result<Done> {
    let input = checked(&csrf, form.into_inner())?;
    let event = who.event(db, slug).await?;
    let stripe = settings.stripe_secret_key.is_some();
    let patch = Input::from_pairs([("on_sale", input.get("on_sale").unwrap_or("false"))]);
    let outcome = tickets::change(db, &who.0, &event, id, patch, stripe).await;
    let ctx = Ctx::new(db, lang, &csrf);
    on_tickets_page(ctx, stripe, event, (&input, "saved"), outcome).await
}

async fn removal_page(
    ctx: Ctx<'_>,
    event: Event,
    id: i64,
    refused: Option<&Error>,
) -> Result<Template> {
    let lang = ctx.lang;
    let ticket = tickets::get(ctx.db, &event, id).await?;
    let holders = tickets::holders(ctx.db, &ticket).await?;
    let slug = event.slug.clone();
    let (text, action) = if holders == 0 {
        (
            lang.t("ws-ticket-unused"),
            Some(format!("{}/{id}/remove", Section::Tickets.href(&slug))),
        )
    } else {
        let count = [("count", holders.to_string())];
        (lang.t_args("ws-ticket-held", &count), None)
    };
    let view = ConfirmPage {
        head: head(&event, lang, Section::Tickets),
        csrf: &ctx.csrf.0,
        title: lang.t_args(
            "ws-remove-ticket-title",
            &[("name", ticket.name_in(lang).to_string())],
        ),
        notes: vec![text],
        sessions: vec![],
        action,
        button: lang.t("ws-remove-ticket"),
        choice: None,
        back: Section::Tickets.href(&slug),
        problem: refused.map(|e| e.message().render(lang)),
    };
    let path = format!("{}/{id}/remove", Section::Tickets.href(&slug));
    Ok(render("admin/confirm", lang, &path, &view))
}

#[get("/events/<slug>/tickets/<id>/remove")]
async fn confirm_removal(
    db: &State<Db>,
    lang: Lang,
    csrf: Csrf,
    who: Organiser,
    slug: &str,
    id: i64,
) -> Result<Template> {
    let event = who.event(db, slug).await?;
    removal_page(Ctx::new(db, lang, &csrf), event, id, None).await
}

#[post("/events/<slug>/tickets/<id>/remove", data = "<form>")]
async fn remove(
    db: &State<Db>,
    lang: Lang,
    csrf: Csrf,
    who: Organiser,
    slug: &str,
    id: i64,
    form: Form<HashMap<String, String>>,
) -> Result<Done> {
    checked(&csrf, form.into_inner())?;
    let event = who.event(db, slug).await?;
    let outcome = tickets::remove(db, &who.0, &event, id).await;
    let back = format!("{}?done=removed", Section::Tickets.href(slug));
    or_again(outcome, back, |err| async move {
        removal_page(Ctx::new(db, lang, &csrf), event, id, Some(&err)).await
    })
    .await
}
