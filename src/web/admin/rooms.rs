//! The workspace's rooms and tracks page (both lists, both add forms), and each room's edit
//! page and confirm page before removing it (where its sessions go, or why it cannot go).

use std::collections::HashMap;

use rocket::form::Form;
use rocket::{get, post, routes, Route, State};
use rocket_dyn_templates::Template;

use crate::app::admin_events::Event;
use crate::app::agenda::Agenda;
use crate::app::{rooms, Db};
use crate::auth::{Csrf, Organiser};
use crate::domain::validate::Input;
use crate::error::Result;
use crate::i18n::Lang;
use crate::web::admin::events::{checked, on_event_page, Ctx, Done};
use crate::web::admin::views::{render, Choice};
use crate::web::admin::workspace::{
    self, head, live_sessions, or_again, session_links, ConfirmPage, EditPage, Forms, Refused,
    RoomsPage, Section,
};

/// The rooms and tracks page, and each room's pages (the tracks' are in `tracks`).
pub fn routes() -> Vec<Route> {
    let mut all = routes![
        page,
        add_room,
        edit_room,
        save_room,
        confirm_room_removal,
        remove_room
    ];
    all.extend(crate::web::admin::tracks::routes());
    all
}

/// A new track's proposed colour: each in turn of colours white text reads well on, so
/// tracks look different before anyone chooses.
fn next_colour(tracks: usize) -> &'static str {
    const PALETTE: [&str; 8] = [
        "#1f5f8b", "#2e6b30", "#6a3d9a", "#8c1c3c", "#a0460f", "#0f6b5f", "#5b4636", "#3d4f9f",
    ];
    PALETTE[tracks % PALETTE.len()]
}

pub async fn rooms_page(
    ctx: Ctx<'_>,
    event: Event,
    refused: Option<Refused<'_>>,
    done: Option<&str>,
) -> Result<Template> {
    let lang = ctx.lang;
    let agenda = Agenda::load(ctx.db, event).await?;
    let used = |room: Option<i64>, track: Option<i64>| {
        agenda
            .sessions
            .iter()
            .filter(|s| {
                (room.is_some() && s.room_id == room) || (track.is_some() && s.track_id == track)
            })
            .count()
    };
    let view = RoomsPage {
        head: head(&agenda.event, lang, Section::Rooms),
        csrf: &ctx.csrf.0,
        rooms: agenda
            .rooms
            .iter()
            .map(|r| workspace::RoomRow {
                room: r.clone(),
                sessions: used(Some(r.id), None),
            })
            .collect(),
        tracks: agenda
            .tracks
            .iter()
            .map(|t| workspace::TrackRow {
                name: lang.pick(&t.name_fr, &t.name_en).to_string(),
                track: t.clone(),
                sessions: used(None, Some(t.id)),
            })
            .collect(),
        forms: Forms::new(refused.as_ref(), lang).done(done, lang).prefill(
            "track",
            [(
                "color".to_string(),
                next_colour(agenda.tracks.len()).to_string(),
            )]
            .into(),
        ),
    };
    Ok(render(
        "admin/rooms",
        lang,
        &Section::Rooms.href(&agenda.event.slug),
        &view,
    ))
}

#[get("/events/<slug>/rooms?<done>")]
async fn page(
    db: &State<Db>,
    lang: Lang,
    csrf: Csrf,
    who: Organiser,
    slug: &str,
    done: Option<&str>,
) -> Result<Template> {
    let event = who.event(db, slug).await?;
    rooms_page(Ctx::new(db, lang, &csrf), event, None, done).await
}

#[post("/events/<slug>/rooms", data = "<form>")]
async fn add_room(
    db: &State<Db>,
    lang: Lang,
    csrf: Csrf,
    who: Organiser,
    slug: &str,
    form: Form<HashMap<String, String>>,
) -> Result<Done> {
    let input = checked(&csrf, form.into_inner())?;
    let event = who.event(db, slug).await?;
    let outcome = rooms::add(db, &who.0, &event, &input).await;
    let back = format!("{}?done=added#rooms", Section::Rooms.href(slug));
    on_event_page(
        Ctx::new(db, lang, &csrf),
        event,
        "room",
        &input,
        outcome,
        |_| back,
    )
    .await
}

/// An edit page (room or track) with the values shown, and its refusal if any.
pub(super) fn edit_page(
    ctx: Ctx<'_>,
    event: &Event,
    kind: &'static str,
    id: i64,
    title: String,
    values: &Input,
    refused: Option<&crate::error::Error>,
) -> Template {
    let lang = ctx.lang;
    let view = EditPage {
        head: head(event, lang, Section::Rooms),
        csrf: &ctx.csrf.0,
        kind,
        id,
        title,
        values: values.values.clone(),
        errors: refused.map(|e| e.field_messages(lang)).unwrap_or_default(),
        problem: refused.map(|e| e.message().render(lang)),
        action: format!("{}/{kind}s/{id}", Section::Overview.href(&event.slug)),
        back: Section::Rooms.href(&event.slug),
        extra: None,
    };
    render(
        "admin/edit",
        lang,
        &format!("{}/{kind}s/{id}", Section::Overview.href(&event.slug)),
        &view,
    )
}

#[get("/events/<slug>/rooms/<id>")]
async fn edit_room(
    db: &State<Db>,
    lang: Lang,
    csrf: Csrf,
    who: Organiser,
    slug: &str,
    id: i64,
) -> Result<Template> {
    let event = who.event(db, slug).await?;
    let room = rooms::get(db, &event, id).await?;
    let ctx = Ctx::new(db, lang, &csrf);
    let title = lang.t_args("ws-edit-room", &[("name", room.name.clone())]);
    Ok(edit_page(
        ctx,
        &event,
        "room",
        id,
        title,
        &rooms::room_input(&room),
        None,
    ))
}

#[post("/events/<slug>/rooms/<id>", data = "<form>")]
async fn save_room(
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
    let room = rooms::get(db, &event, id).await?;
    let outcome = rooms::change(db, &who.0, &event, id, input.clone()).await;
    let back = format!("{}?done=saved#rooms", Section::Rooms.href(slug));
    or_again(outcome, back, |err| async move {
        let title = lang.t_args("ws-edit-room", &[("name", room.name.clone())]);
        let ctx = Ctx::new(db, lang, &csrf);
        Ok(edit_page(
            ctx,
            &event,
            "room",
            id,
            title,
            &input,
            Some(&err),
        ))
    })
    .await
}

/// The confirm page: the sessions in the room, and where they can go.
async fn room_removal_page(
    ctx: Ctx<'_>,
    event: Event,
    id: i64,
    refused: Option<(&crate::error::Error, Option<i64>)>,
) -> Result<Template> {
    let lang = ctx.lang;
    let agenda = Agenda::load(ctx.db, event).await?;
    let room = agenda.room(Some(id)).ok_or(crate::error::Error::NotFound)?;
    let slug = agenda.event.slug.clone();
    let live = live_sessions(&agenda, |s| s.room_id == Some(id));
    let others: Vec<Choice> = agenda
        .rooms
        .iter()
        .filter(|r| r.id != id)
        .map(|r| Choice::new(r.id.to_string(), r.name.clone()))
        .collect();
    let sessions = session_links(&agenda, &live, lang);
    let (note, button, choice) = removal_offer(live.len(), others, refused, lang);
    let view = ConfirmPage {
        head: head(&agenda.event, lang, Section::Rooms),
        csrf: &ctx.csrf.0,
        title: lang.t_args("ws-remove-room-title", &[("name", room.name.clone())]),
        notes: vec![note],
        sessions,
        action: button
            .is_some()
            .then(|| format!("{}/rooms/{id}/remove", Section::Overview.href(&slug))),
        button: button.unwrap_or_default(),
        choice,
        back: Section::Rooms.href(&slug),
        problem: refused.map(|(e, _)| e.message().render(lang)),
    };
    Ok(render(
        "admin/confirm",
        lang,
        &format!("{}/rooms/{id}/remove", Section::Overview.href(&slug)),
        &view,
    ))
}

/// What the confirm page offers for a room with `live` sessions: the note, the button (none
/// when its sessions have no other room to go to) and the choice of room to move them to.
fn removal_offer(
    live: usize,
    others: Vec<Choice>,
    refused: Option<(&crate::error::Error, Option<i64>)>,
    lang: Lang,
) -> (String, Option<String>, Option<workspace::Choice>) {
    let count = [("count", live.to_string())];
    if live == 0 {
        return (
            lang.t("ws-room-unused"),
            Some(lang.t("ws-remove-room")),
            None,
        );
    }
    if others.is_empty() {
        return (lang.t_args("ws-room-sessions-no-other", &count), None, None);
    }
    let choice = workspace::Choice {
        label: lang.t("ws-move-sessions-to"),
        options: others,
        value: refused
            .and_then(|(_, m)| m)
            .map(|m| m.to_string())
            .unwrap_or_default(),
        error: refused.and_then(|(e, _)| e.field_messages(lang).remove("move_to")),
    };
    let note = lang.t_args("ws-room-sessions-move", &count);
    (note, Some(lang.t("ws-move-and-remove-room")), Some(choice))
}

#[get("/events/<slug>/rooms/<id>/remove")]
async fn confirm_room_removal(
    db: &State<Db>,
    lang: Lang,
    csrf: Csrf,
    who: Organiser,
    slug: &str,
    id: i64,
) -> Result<Template> {
    let event = who.event(db, slug).await?;
    room_removal_page(Ctx::new(db, lang, &csrf), event, id, None).await
}

#[post("/events/<slug>/rooms/<id>/remove", data = "<form>")]
async fn remove_room(
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
    let move_to = input.get("move_to").and_then(|v| v.parse::<i64>().ok());
    let outcome = rooms::remove(db, &who.0, &event, id, move_to).await;
    let back = format!("{}?done=removed#rooms", Section::Rooms.href(slug));
    or_again(outcome, back, |err| async move {
        let ctx = Ctx::new(db, lang, &csrf);
        room_removal_page(ctx, event, id, Some((&err, move_to))).await
    })
    .await
}
