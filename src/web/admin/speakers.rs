//! The organisers' speaker form, with a photo upload checked by size and content.

use rocket::form::{Form, FromForm};
use rocket::fs::TempFile;
use rocket::tokio::io::AsyncReadExt;
use rocket::{post, routes, Route, State};

use crate::app::{admin_events, organise, Db};
use crate::auth::{Csrf, Organiser};
use crate::domain::validate::Input;
use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::web::admin::events::{on_event_page, Ctx, Done};

pub fn routes() -> Vec<Route> {
    routes![add_speaker]
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
        .take(organise::PHOTO_MAX_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .await
        .map_err(|e| Error::Internal(e.to_string()))?;
    Ok(Some(bytes))
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
    let input = Input::from_pairs([
        ("name", form.name.clone()),
        ("affiliation_fr", form.affiliation_fr.clone()),
        ("affiliation_en", form.affiliation_en.clone()),
        ("bio_fr", form.bio_fr.clone()),
        ("bio_en", form.bio_en.clone()),
    ]);
    let event = who.event(db, slug).await?;
    let photo = read_photo(&form.photo).await?;
    let outcome = admin_events::add_speaker(db, &event, &input, photo.as_deref()).await;
    let back = format!("/admin/events/{slug}#speakers");
    on_event_page(
        Ctx {
            db,
            lang,
            csrf: &csrf,
        },
        event,
        "speaker",
        &input,
        outcome,
        |_| back,
    )
    .await
}
