//! The workspace's tracks: adding one (from the rooms and tracks page), its edit page, and
//! the confirm page before removing it (its sessions move to another track or stay without).

use std::collections::HashMap;

use rocket::form::Form;
use rocket::{get, post, routes, Route, State};
use rocket_dyn_templates::Template;

use crate::app::agenda::Agenda;
use crate::app::{tracks, Db, Event, Track};
use crate::auth::{Csrf, Organiser};
use crate::error::Result;
use crate::i18n::Lang;
use crate::web::admin::events::{checked, on_event_page, Ctx, Done};
use crate::web::admin::rooms::edit_page;
use crate::web::admin::views::{render, Choice};
use crate::web::admin::workspace::{
    self, head, live_sessions, or_again, session_links, ConfirmPage, Section,
};

pub fn routes() -> Vec<Route> {
    routes![
        add_track,
        edit_track,
        save_track,
        confirm_track_removal,
        remove_track
    ]
}

fn name_of(track: &Track, lang: Lang) -> String {
    lang.pick(&track.name_fr, &track.name_en).to_string()
}

#[post("/events/<slug>/tracks", data = "<form>")]
async fn add_track(
    db: &State<Db>,
    lang: Lang,
    csrf: Csrf,
    who: Organiser,
    slug: &str,
    form: Form<HashMap<String, String>>,
) -> Result<Done> {
    let input = checked(&csrf, form.into_inner())?;
    let event = who.event(db, slug).await?;
    let outcome = tracks::add(db, &who.0, &event, &input).await;
    let back = format!("{}?done=added#tracks", Section::Rooms.href(slug));
    on_event_page(
        Ctx::new(db, lang, &csrf),
        event,
        "track",
        &input,
        outcome,
        |_| back,
    )
    .await
}

#[get("/events/<slug>/tracks/<id>")]
async fn edit_track(
    db: &State<Db>,
    lang: Lang,
    csrf: Csrf,
    who: Organiser,
    slug: &str,
    id: i64,
) -> Result<Template> {
    let event = who.event(db, slug).await?;
    let track = tracks::get(db, &event, id).await?;
    let ctx = Ctx::new(db, lang, &csrf);
    let title = lang.t_args("ws-edit-track", &[("name", name_of(&track, lang))]);
    Ok(edit_page(
        ctx,
        &event,
        "track",
        id,
        title,
        &tracks::track_input(&track),
        None,
    ))
}

#[post("/events/<slug>/tracks/<id>", data = "<form>")]
async fn save_track(
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
    let track = tracks::get(db, &event, id).await?;
    let outcome = tracks::change(db, &who.0, &event, id, input.clone()).await;
    let back = format!("{}?done=saved#tracks", Section::Rooms.href(slug));
    or_again(outcome, back, |err| async move {
        let title = lang.t_args("ws-edit-track", &[("name", name_of(&track, lang))]);
        let ctx = Ctx::new(db, lang, &csrf);
        Ok(edit_page(
            ctx,
            &event,
            "track",
            id,
            title,
            &input,
            Some(&err),
        ))
    })
    .await
}

async fn track_removal_page(
    ctx: Ctx<'_>,
    event: Event,
    id: i64,
    refused: Option<(&crate::error::Error, String)>,
) -> Result<Template> {
    let lang = ctx.lang;
    let agenda = Agenda::load(ctx.db, event).await?;
    let track = agenda
        .track(Some(id))
        .ok_or(crate::error::Error::NotFound)?;
    let slug = agenda.event.slug.clone();
    let live = live_sessions(&agenda, |s| s.track_id == Some(id));
    let sessions = session_links(&agenda, &live, lang);
    let notes = vec![match live.len() {
        0 => lang.t("ws-track-unused"),
        n => lang.t_args("ws-track-sessions", &[("count", n.to_string())]),
    }];
    let choice = (!live.is_empty()).then(|| sessions_go(&agenda, id, refused.as_ref(), lang));
    let name = name_of(track, lang);
    let view = ConfirmPage {
        head: head(&agenda.event, lang, Section::Rooms),
        csrf: &ctx.csrf.0,
        title: lang.t_args("ws-remove-track-title", &[("name", name)]),
        notes,
        sessions,
        action: Some(format!(
            "{}/tracks/{id}/remove",
            Section::Overview.href(&slug)
        )),
        button: lang.t("ws-remove-track"),
        choice,
        back: Section::Rooms.href(&slug),
        problem: refused.as_ref().map(|(e, _)| e.message().render(lang)),
    };
    Ok(render(
        "admin/confirm",
        lang,
        &format!("{}/tracks/{id}/remove", Section::Overview.href(&slug)),
        &view,
    ))
}

/// Where a removed track's sessions go: another track, or none (the default).
fn sessions_go(
    agenda: &Agenda,
    id: i64,
    refused: Option<&(&crate::error::Error, String)>,
    lang: Lang,
) -> workspace::Choice {
    let mut options = vec![Choice::new("none", lang.t("ws-no-track"))];
    options.extend(
        agenda
            .tracks
            .iter()
            .filter(|t| t.id != id)
            .map(|t| Choice::new(t.id.to_string(), lang.pick(&t.name_fr, &t.name_en))),
    );
    workspace::Choice {
        label: lang.t("ws-track-sessions-go"),
        options,
        value: refused.map_or_else(|| "none".into(), |(_, v)| v.clone()),
        error: refused.and_then(|(e, _)| e.field_messages(lang).remove("move_to")),
    }
}

#[get("/events/<slug>/tracks/<id>/remove")]
async fn confirm_track_removal(
    db: &State<Db>,
    lang: Lang,
    csrf: Csrf,
    who: Organiser,
    slug: &str,
    id: i64,
) -> Result<Template> {
    let event = who.event(db, slug).await?;
    track_removal_page(Ctx::new(db, lang, &csrf), event, id, None).await
}

#[post("/events/<slug>/tracks/<id>/remove", data = "<form>")]
async fn remove_track(
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
    let move_to = input.get("move_to").unwrap_or_default().to_string();
    let outcome = match crate::web::api::agenda_parts::track_sessions(Some(&move_to)) {
        Ok(sessions) => tracks::remove(db, &who.0, &event, id, sessions).await,
        Err(e) => Err(e),
    };
    let back = format!("{}?done=removed#tracks", Section::Rooms.href(slug));
    or_again(outcome, back, |err| async move {
        let ctx = Ctx::new(db, lang, &csrf);
        track_removal_page(ctx, event, id, Some((&err, move_to))).await
    })
    .await
}
