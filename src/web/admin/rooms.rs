//! The workspace's rooms and tracks: the list with the add forms, an edit page for each, and
//! a confirm page before removing one (where its sessions go, or why it cannot go).

use std::collections::HashMap;

use rocket::form::Form;
use rocket::response::Redirect;
use rocket::{get, post, routes, Route, State};
use rocket_dyn_templates::Template;

use crate::app::admin_events::Event;
use crate::app::agenda::Agenda;
use crate::app::{rooms, tracks, Db};
use crate::auth::{Csrf, Organiser};
use crate::domain::validate::Input;
use crate::error::Result;
use crate::i18n::Lang;
use crate::web::admin::events::{checked, on_event_page, shown, Ctx, Done};
use crate::web::admin::views::{render, Choice};
use crate::web::admin::workspace::{
    self, head, ConfirmPage, Consequence, EditPage, Forms, Refused, RoomsPage, Section,
};

pub fn routes() -> Vec<Route> {
    routes![
        page,
        add_room,
        add_track,
        edit_room,
        save_room,
        confirm_room_removal,
        remove_room,
        edit_track,
        save_track,
        confirm_track_removal,
        remove_track
    ]
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
    let ctx = Ctx {
        db,
        lang,
        csrf: &csrf,
    };
    on_event_page(ctx, event, "room", &input, outcome, |_| back).await
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
    let ctx = Ctx {
        db,
        lang,
        csrf: &csrf,
    };
    on_event_page(ctx, event, "track", &input, outcome, |_| back).await
}

/// An edit page (room or track) with the values shown, and its refusal if any.
fn edit_page(
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
    let ctx = Ctx {
        db,
        lang,
        csrf: &csrf,
    };
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
    match rooms::change(db, &who.0, &event, id, input.clone()).await {
        Ok(_) => Ok(Ok(Redirect::to(format!(
            "{}?done=saved#rooms",
            Section::Rooms.href(slug)
        )))),
        Err(err) => {
            let err = shown(err)?;
            let ctx = Ctx {
                db,
                lang,
                csrf: &csrf,
            };
            let title = lang.t_args("ws-edit-room", &[("name", room.name.clone())]);
            let page = edit_page(ctx, &event, "room", id, title, &input, Some(&err));
            Ok(Err((err.status(), page)))
        }
    }
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
    let live: Vec<_> = agenda
        .sessions
        .iter()
        .filter(|s| s.room_id == Some(id) && s.status != crate::domain::SessionStatus::Cancelled)
        .collect();
    let others: Vec<Choice> = agenda
        .rooms
        .iter()
        .filter(|r| r.id != id)
        .map(|r| Choice::new(r.id.to_string(), r.name.clone()))
        .collect();
    let mut notes = Vec::new();
    let sessions: Vec<Consequence> = live
        .iter()
        .map(|s| Consequence {
            text: session_line(&agenda, s, lang),
            href: Some(format!(
                "{}/sessions/{}",
                Section::Overview.href(&slug),
                s.id
            )),
        })
        .collect();
    let (action, button, choice) = if live.is_empty() {
        notes.push(lang.t("ws-room-unused"));
        (Some(()), lang.t("ws-remove-room"), None)
    } else if others.is_empty() {
        notes.push(lang.t_args(
            "ws-room-sessions-no-other",
            &[("count", live.len().to_string())],
        ));
        (None, String::new(), None)
    } else {
        notes.push(lang.t_args(
            "ws-room-sessions-move",
            &[("count", live.len().to_string())],
        ));
        let choice = workspace::Choice {
            label: lang.t("ws-move-sessions-to"),
            options: others,
            value: refused
                .and_then(|(_, m)| m)
                .map(|m| m.to_string())
                .unwrap_or_default(),
            error: refused.and_then(|(e, _)| e.field_messages(lang).remove("move_to")),
        };
        (Some(()), lang.t("ws-move-and-remove-room"), Some(choice))
    };
    let view = ConfirmPage {
        head: head(&agenda.event, lang, Section::Rooms),
        csrf: &ctx.csrf.0,
        title: lang.t_args("ws-remove-room-title", &[("name", room.name.clone())]),
        notes,
        sessions,
        action: action.map(|_| format!("{}/rooms/{id}/remove", Section::Overview.href(&slug))),
        button,
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

/// "Title — day, 10:00–11:00" for a confirm page's list of sessions.
pub fn session_line(agenda: &Agenda, s: &crate::store::sessions::Session, lang: Lang) -> String {
    let tz = agenda.event.tz();
    format!(
        "{} — {}, {}–{}",
        lang.pick(&s.title_fr, &s.title_en),
        crate::domain::time::long_date(s.starts_at, tz, lang),
        crate::domain::time::clock(s.starts_at, tz),
        crate::domain::time::clock(s.ends_at, tz)
    )
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
    room_removal_page(
        Ctx {
            db,
            lang,
            csrf: &csrf,
        },
        event,
        id,
        None,
    )
    .await
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
    match rooms::remove(db, &who.0, &event, id, move_to).await {
        Ok(()) => Ok(Ok(Redirect::to(format!(
            "{}?done=removed#rooms",
            Section::Rooms.href(slug)
        )))),
        Err(err) => {
            let err = shown(err)?;
            let ctx = Ctx {
                db,
                lang,
                csrf: &csrf,
            };
            let page = room_removal_page(ctx, event, id, Some((&err, move_to))).await?;
            Ok(Err((err.status(), page)))
        }
    }
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
    let ctx = Ctx {
        db,
        lang,
        csrf: &csrf,
    };
    let name = lang.pick(&track.name_fr, &track.name_en).to_string();
    let title = lang.t_args("ws-edit-track", &[("name", name)]);
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
    match tracks::change(db, &who.0, &event, id, input.clone()).await {
        Ok(_) => Ok(Ok(Redirect::to(format!(
            "{}?done=saved#tracks",
            Section::Rooms.href(slug)
        )))),
        Err(err) => {
            let err = shown(err)?;
            let ctx = Ctx {
                db,
                lang,
                csrf: &csrf,
            };
            let name = lang.pick(&track.name_fr, &track.name_en).to_string();
            let title = lang.t_args("ws-edit-track", &[("name", name)]);
            let page = edit_page(ctx, &event, "track", id, title, &input, Some(&err));
            Ok(Err((err.status(), page)))
        }
    }
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
    let live: Vec<_> = agenda
        .sessions
        .iter()
        .filter(|s| s.track_id == Some(id) && s.status != crate::domain::SessionStatus::Cancelled)
        .collect();
    let mut notes = Vec::new();
    let sessions: Vec<Consequence> = live
        .iter()
        .map(|s| Consequence {
            text: session_line(&agenda, s, lang),
            href: Some(format!(
                "{}/sessions/{}",
                Section::Overview.href(&slug),
                s.id
            )),
        })
        .collect();
    let choice = if live.is_empty() {
        notes.push(lang.t("ws-track-unused"));
        None
    } else {
        notes.push(lang.t_args("ws-track-sessions", &[("count", live.len().to_string())]));
        let mut options = vec![Choice::new("none", lang.t("ws-no-track"))];
        options.extend(
            agenda
                .tracks
                .iter()
                .filter(|t| t.id != id)
                .map(|t| Choice::new(t.id.to_string(), lang.pick(&t.name_fr, &t.name_en))),
        );
        Some(workspace::Choice {
            label: lang.t("ws-track-sessions-go"),
            options,
            value: refused
                .as_ref()
                .map(|(_, v)| v.clone())
                .unwrap_or_else(|| "none".into()),
            error: refused
                .as_ref()
                .and_then(|(e, _)| e.field_messages(lang).remove("move_to")),
        })
    };
    let name = lang.pick(&track.name_fr, &track.name_en).to_string();
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
    track_removal_page(
        Ctx {
            db,
            lang,
            csrf: &csrf,
        },
        event,
        id,
        None,
    )
    .await
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
    match outcome {
        Ok(()) => Ok(Ok(Redirect::to(format!(
            "{}?done=removed#tracks",
            Section::Rooms.href(slug)
        )))),
        Err(err) => {
            let err = shown(err)?;
            let ctx = Ctx {
                db,
                lang,
                csrf: &csrf,
            };
            let page = track_removal_page(ctx, event, id, Some((&err, move_to))).await?;
            Ok(Err((err.status(), page)))
        }
    }
}
