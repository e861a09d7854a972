//! The workspace's speakers: the list with the add form, an edit page (photo replaced or
//! removed, checked by size and content), and a confirm page before removing one.

use std::collections::HashMap;

use rocket::form::{Form, FromForm};
use rocket::fs::TempFile;
use rocket::tokio::io::AsyncReadExt;
use rocket::{get, post, routes, Route, State};
use rocket_dyn_templates::Template;

use crate::app::admin_events::Event;
use crate::app::agenda::Agenda;
use crate::app::speakers::{self, Photo, PHOTO_MAX_BYTES};
use crate::app::Db;
use crate::auth::{Csrf, Organiser};
use crate::domain::validate::Input;
use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::web::admin::events::{checked, on_event_page, Ctx, Done};
use crate::web::admin::views::render;
use crate::web::admin::workspace::{
    head, live_sessions, or_again, session_links, ConfirmPage, EditExtra, EditPage, Forms, Refused,
    Section, SpeakerRowView, SpeakersPage,
};

pub fn routes() -> Vec<Route> {
    routes![page, add_speaker, edit, save, confirm_removal, remove]
}

#[derive(FromForm)]
pub struct SpeakerForm<'r> {
    csrf: Option<String>,
    name: String,
    affiliation_fr: String,
    affiliation_en: String,
    bio_fr: String,
    bio_en: String,
    photo: Option<TempFile<'r>>,
    /// On the edit form: take the photo away.
    remove_photo: Option<bool>,
}

impl SpeakerForm<'_> {
    fn input(&self) -> Input {
        Input::from_pairs([
            ("name", self.name.clone()),
            ("affiliation_fr", self.affiliation_fr.clone()),
            ("affiliation_en", self.affiliation_en.clone()),
            ("bio_fr", self.bio_fr.clone()),
            ("bio_en", self.bio_en.clone()),
        ])
    }
}

async fn read_photo(file: &Option<TempFile<'_>>) -> Result<Option<Vec<u8>>> {
    let Some(file) = file.as_ref().filter(|f| f.len() > 0) else {
        return Ok(None);
    };
    let mut bytes = Vec::new();
    let reader = file
        .open()
        .await
        .map_err(|e| Error::Internal(e.to_string()))?;
    reader
        .take(PHOTO_MAX_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .await
        .map_err(|e| Error::Internal(e.to_string()))?;
    Ok(Some(bytes))
}

pub async fn speakers_page(
    ctx: Ctx<'_>,
    event: Event,
    refused: Option<Refused<'_>>,
    done: Option<&str>,
) -> Result<Template> {
    let lang = ctx.lang;
    let agenda = Agenda::load(ctx.db, event).await?;
    let speakers = agenda
        .speakers
        .iter()
        .map(|s| SpeakerRowView {
            id: s.id,
            name: s.name.clone(),
            affiliation: lang.pick(&s.affiliation_fr, &s.affiliation_en).to_string(),
            has_photo: s.photo_content_type.is_some(),
            sessions: live_sessions_of(&agenda, s.id).len(),
        })
        .collect();
    let view = SpeakersPage {
        head: head(&agenda.event, lang, Section::Speakers),
        csrf: &ctx.csrf.0,
        speakers,
        forms: Forms::new(refused.as_ref(), lang).done(done, lang),
    };
    Ok(render(
        "admin/speakers",
        lang,
        &Section::Speakers.href(&agenda.event.slug),
        &view,
    ))
}

/// The speaker's sessions that are not cancelled.
fn live_sessions_of(agenda: &Agenda, speaker: i64) -> Vec<&crate::app::Session> {
    live_sessions(agenda, |s| {
        agenda.people(s.id).iter().any(|(p, _)| p.id == speaker)
    })
}

#[get("/events/<slug>/speakers?<done>")]
async fn page(
    db: &State<Db>,
    lang: Lang,
    csrf: Csrf,
    who: Organiser,
    slug: &str,
    done: Option<&str>,
) -> Result<Template> {
    let event = who.event(db, slug).await?;
    speakers_page(Ctx::new(db, lang, &csrf), event, None, done).await
}

#[post("/events/<slug>/speakers", data = "<form>")]
async fn add_speaker(
    db: &State<Db>,
    lang: Lang,
    csrf: Csrf,
    who: Organiser,
    slug: &str,
    form: Form<SpeakerForm<'_>>,
) -> Result<Done> {
    csrf.verify(form.csrf.as_deref())?;
    let input = form.input();
    let event = who.event(db, slug).await?;
    let photo = read_photo(&form.photo).await?;
    let outcome = speakers::add(db, &who.0, &event, &input, photo.as_deref()).await;
    let back = format!("{}?done=added#speakers", Section::Speakers.href(slug));
    let ctx = Ctx {
        db,
        lang,
        csrf: &csrf,
    };
    on_event_page(ctx, event, "speaker", &input, outcome, |_| back).await
}

fn edit_page(
    ctx: Ctx<'_>,
    event: &Event,
    speaker: &speakers::Speaker,
    values: &Input,
    refused: Option<&Error>,
) -> Template {
    let lang = ctx.lang;
    let path = format!("{}/{}", Section::Speakers.href(&event.slug), speaker.id);
    let view = EditPage {
        head: head(event, lang, Section::Speakers),
        csrf: &ctx.csrf.0,
        kind: "speaker",
        id: speaker.id,
        title: lang.t_args("ws-edit-speaker", &[("name", speaker.name.clone())]),
        values: values.values.clone(),
        errors: refused.map(|e| e.field_messages(lang)).unwrap_or_default(),
        problem: refused.map(|e| e.message().render(lang)),
        action: path.clone(),
        back: Section::Speakers.href(&event.slug),
        extra: Some(EditExtra {
            photo_url: speaker
                .photo_content_type
                .as_ref()
                .map(|_| format!("/speakers/{}/photo", speaker.id)),
            ..EditExtra::default()
        }),
    };
    render("admin/edit", lang, &path, &view)
}

#[get("/events/<slug>/speakers/<id>")]
async fn edit(
    db: &State<Db>,
    lang: Lang,
    csrf: Csrf,
    who: Organiser,
    slug: &str,
    id: i64,
) -> Result<Template> {
    let event = who.event(db, slug).await?;
    let speaker = speakers::get(db, &event, id).await?;
    let ctx = Ctx {
        db,
        lang,
        csrf: &csrf,
    };
    let values = speakers::speaker_input(&speaker);
    Ok(edit_page(ctx, &event, &speaker, &values, None))
}

#[post("/events/<slug>/speakers/<id>", data = "<form>")]
async fn save(
    db: &State<Db>,
    lang: Lang,
    csrf: Csrf,
    who: Organiser,
    slug: &str,
    id: i64,
    form: Form<SpeakerForm<'_>>,
) -> Result<Done> {
    csrf.verify(form.csrf.as_deref())?;
    let input = form.input();
    let event = who.event(db, slug).await?;
    let speaker = speakers::get(db, &event, id).await?;
    let bytes = read_photo(&form.photo).await?;
    let photo = match (&bytes, form.remove_photo) {
        (Some(b), _) => Photo::Replace(b),
        (None, Some(true)) => Photo::Remove,
        _ => Photo::Keep,
    };
    let outcome = speakers::change(db, &who.0, &event, id, input.clone(), photo).await;
    let back = format!("{}?done=saved#speakers", Section::Speakers.href(slug));
    or_again(outcome, back, |err| async move {
        let ctx = Ctx::new(db, lang, &csrf);
        Ok(edit_page(ctx, &event, &speaker, &input, Some(&err)))
    })
    .await
}

async fn removal_page(
    ctx: Ctx<'_>,
    event: Event,
    id: i64,
    refused: Option<&Error>,
) -> Result<Template> {
    let lang = ctx.lang;
    let agenda = Agenda::load(ctx.db, event).await?;
    let speaker = agenda
        .speakers
        .iter()
        .find(|s| s.id == id)
        .ok_or(Error::NotFound)?;
    let slug = agenda.event.slug.clone();
    let live = live_sessions_of(&agenda, id);
    let mut notes = Vec::new();
    let sessions = session_links(&agenda, &live, lang);
    let count = [("count", live.len().to_string())];
    let action = if live.is_empty() {
        notes.push(lang.t("ws-speaker-unused"));
        Some(format!("{}/{id}/remove", Section::Speakers.href(&slug)))
    } else {
        let text = lang.t_args("ws-speaker-on-sessions", &count);
        notes.push(text);
        None
    };
    let view = ConfirmPage {
        head: head(&agenda.event, lang, Section::Speakers),
        csrf: &ctx.csrf.0,
        title: lang.t_args("ws-remove-speaker-title", &[("name", speaker.name.clone())]),
        notes,
        sessions,
        action,
        button: lang.t("ws-remove-speaker"),
        choice: None,
        back: Section::Speakers.href(&slug),
        problem: refused.map(|e| e.message().render(lang)),
    };
    let path = format!("{}/{id}/remove", Section::Speakers.href(&slug));
    Ok(render("admin/confirm", lang, &path, &view))
}

#[get("/events/<slug>/speakers/<id>/remove")]
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

#[post("/events/<slug>/speakers/<id>/remove", data = "<form>")]
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
    let outcome = speakers::remove(db, &who.0, &event, id).await;
    let back = format!("{}?done=removed#speakers", Section::Speakers.href(slug));
    or_again(outcome, back, |err| async move {
        removal_page(Ctx::new(db, lang, &csrf), event, id, Some(&err)).await
    })
    .await
}
