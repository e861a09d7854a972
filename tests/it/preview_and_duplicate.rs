//! The organisers' workspace around publishing: a draft's public pages previewed by its
//! organisers (banner, never cached, 404 for everyone else), the publish checklist on the event
//! page, duplicating an event (both databases), sessions removed after a confirm page and
//! restored, and the session form's growing speaker rows.

use crate::common;

use common::{csrf_of, post_form, send_json, text_of, Backend, SmtpServer, BACKENDS};
use mail_parser::MessageParser;
use rocket::http::{Method, Status};
use rocket::local::asynchronous::Client;
use serde_json::{json, Value};
use summit::store;

const BANNER_EN: &str = "Draft — not public.";
const BANNER_FR: &str = "Brouillon — non public.";

/// An event through the API (organiser token), with a room, a speaker and a talk.
async fn event(client: &Client, token: &str, slug: &str, status: &str) -> (i64, i64) {
    let (s, body) = send_json(
        client,
        Method::Post,
        "/api/v1/events",
        token,
        json!({
            "slug": slug, "title": "Villes ouvertes", "timezone": "Europe/Paris",
            "starts_at": "2027-06-15T08:00", "ends_at": "2027-06-16T18:00", "format": "hybrid",
            "status": status, "in_person_capacity": 100, "online_capacity": 500,
            "stream_url": "https://stream.example.org/secret-event"
        }),
    )
    .await;
    assert_eq!(s, Status::Created, "{body}");
    let path = |p: &str| format!("/api/v1/events/{slug}/{p}");
    let (_, room) = send_json(
        client,
        Method::Post,
        &path("rooms"),
        token,
        json!({"name": "Garonne", "capacity": 40}),
    )
    .await;
    let (_, speaker) = send_json(
        client,
        Method::Post,
        &path("speakers"),
        token,
        json!({"name": "Inès Moreau"}),
    )
    .await;
    let (s, talk) = send_json(
        client,
        Method::Post,
        &path("sessions"),
        token,
        json!({
            "title": "Données ouvertes", "kind": "workshop", "starts_at": "2027-06-15T10:00",
            "ends_at": "2027-06-15T11:00", "room_id": room["id"], "format": "hybrid",
            "requires_signup": true, "capacity": 20,
            "stream_url": "https://stream.example.org/secret-session",
            "speakers": [{"speaker_id": speaker["id"], "role": "host"}]
        }),
    )
    .await;
    assert_eq!(s, Status::Created, "{talk}");
    (
        talk["id"].as_i64().unwrap(),
        speaker["id"].as_i64().unwrap(),
    )
}

async fn get(client: &Client, path: &str) -> (Status, String, Option<String>) {
    let res = client.get(path.to_string()).dispatch().await;
    let status = res.status();
    let cache = res.headers().get_one("Cache-Control").map(str::to_string);
    (status, res.into_string().await.unwrap_or_default(), cache)
}

async fn sign_out(client: &Client) {
    let csrf = csrf_of(&text_of(client, "/admin").await);
    let (status, _) = post_form(client, "/logout", format!("csrf={csrf}")).await;
    assert_eq!(status, Status::SeeOther);
}

#[rocket::async_test]
async fn organisers_preview_a_draft_that_stays_hidden_and_uncached() {
    let client = common::client_with(Backend::Sqlite, false).await;
    let token = common::organiser_token(&client).await;
    let (talk, _) = event(&client, &token, "brouillon", "draft").await;
    let pages = [
        "/events/brouillon".to_string(),
        format!("/events/brouillon/sessions/{talk}"),
        "/events/brouillon/speakers".to_string(),
        "/events/brouillon/register".to_string(),
    ];
    for page in &pages {
        assert_eq!(
            get(&client, page).await.0,
            Status::NotFound,
            "public {page}"
        );
    }
    assert_eq!(
        get(&client, "/api/v1/events/brouillon").await.0,
        Status::NotFound
    );

    common::sign_in_organiser(&client, "orga@villes.fr", None).await;
    for page in &pages {
        let (status, html, cache) = get(&client, &format!("{page}?lang=en")).await;
        assert_eq!(status, Status::Ok, "preview {page}");
        assert!(html.contains(BANNER_EN), "banner on {page}");
        assert!(
            html.contains("aria-label=\"Draft — not public.\""),
            "a named region"
        );
        assert_eq!(cache.as_deref(), Some("no-store"), "{page}");
    }
    let (_, french, _) = get(&client, "/events/brouillon?lang=fr").await;
    assert!(french.contains(BANNER_FR));
    assert!(!french.contains("secret-event") && !french.contains("secret-session"));

    // Registering stays refused, with a clear message, and writes nothing.
    let form = text_of(&client, "/events/brouillon/register?lang=en").await;
    let body = format!(
        "csrf={}&name=Ana&email=ana%40example.org&attendance=in_person&language=en&consent=on",
        csrf_of(&form)
    );
    let (status, page) = post_form(&client, "/events/brouillon/register?lang=en", body).await;
    assert_eq!(status, Status::Conflict);
    assert!(
        page.contains("nobody can register until it is published"),
        "{page}"
    );
    let (_, roster) = send_json(
        &client,
        Method::Get,
        "/api/v1/events/brouillon/registrations",
        &token,
        json!({}),
    )
    .await;
    assert_eq!(roster["registrations"].as_array().map(Vec::len), Some(0));

    // Signed out, the preview is not served from any cache.
    sign_out(&client).await;
    for page in &pages {
        assert_eq!(
            get(&client, page).await.0,
            Status::NotFound,
            "after sign-out {page}"
        );
    }
}

#[rocket::async_test]
async fn a_cached_public_page_never_hides_that_the_event_went_back_to_draft() {
    let client = common::client_with(Backend::Sqlite, false).await;
    let token = common::organiser_token(&client).await;
    event(&client, &token, "publie", "published").await;
    let (status, html, _) = get(&client, "/events/publie?lang=en").await;
    assert_eq!(status, Status::Ok);
    assert!(!html.contains(BANNER_EN), "published: no banner");

    common::sign_in_organiser(&client, "orga@villes.fr", None).await;
    let (_, html, _) = get(&client, "/events/publie?lang=en").await;
    assert!(
        !html.contains(BANNER_EN),
        "published, seen by its organiser: no banner"
    );

    let (s, _) = send_json(
        &client,
        Method::Patch,
        "/api/v1/events/publie",
        &token,
        json!({"status": "draft"}),
    )
    .await;
    assert_eq!(s, Status::Ok);
    let (status, html, _) = get(&client, "/events/publie?lang=en").await;
    assert_eq!(status, Status::Ok);
    assert!(
        html.contains(BANNER_EN),
        "the cached published page is not served"
    );
    sign_out(&client).await;
    assert_eq!(
        get(&client, "/events/publie?lang=en").await.0,
        Status::NotFound
    );
}

#[rocket::async_test]
async fn an_organiser_of_another_event_gets_the_404() {
    let client = common::client_with(Backend::Sqlite, false).await;
    let token = common::organiser_token(&client).await;
    event(&client, &token, "brouillon", "draft").await;
    event(&client, &token, "autre", "published").await;
    let other = store::events::get(common::db(&client), "autre")
        .await
        .unwrap();
    common::sign_in_organiser(&client, "autre@villes.fr", Some(other.id)).await;
    assert_eq!(get(&client, "/events/brouillon").await.0, Status::NotFound);
    assert_eq!(get(&client, "/events/autre").await.0, Status::Ok);
}

#[rocket::async_test]
async fn the_checklist_names_what_to_fix_and_where() {
    let client = common::client_with(Backend::Sqlite, false).await;
    let token = common::organiser_token(&client).await;
    let (s, _) = send_json(
        &client,
        Method::Post,
        "/api/v1/events",
        &token,
        json!({
            "slug": "a-verifier", "title": "À vérifier", "timezone": "Europe/Paris",
            "starts_at": "2027-06-15T08:00", "ends_at": "2027-06-15T18:00", "format": "hybrid",
            "status": "draft"
        }),
    )
    .await;
    assert_eq!(s, Status::Created);
    let (_, panel) = send_json(&client, Method::Post, "/api/v1/events/a-verifier/sessions", &token, json!({
        "title": "Table ronde", "kind": "panel", "starts_at": "2027-06-15T10:00", "ends_at": "2027-06-15T11:00"
    }))
    .await;
    let panel = panel["id"].as_i64().unwrap();
    common::sign_in_organiser(&client, "orga@villes.fr", None).await;
    let page = text_of(&client, "/admin/events/a-verifier?lang=en").await;
    let checklist = &page[page.find("Before publishing").expect("the checklist")..];
    for warning in [
        "5 points to look at before publishing.",
        "Nobody can register yet",
        "No privacy notice of your own in French",
        "One in-person session has no room: “Table ronde”.",
        "One session has no speaker: “Table ronde”.",
        "Online attendees have no stream link",
    ] {
        assert!(checklist.contains(warning), "{warning} in {checklist}");
    }
    assert!(checklist.contains("The dates are set and fit together."));
    assert!(checklist.contains(&format!(
        "href=\"/admin/events/a-verifier/sessions/{panel}\""
    )));
    assert!(
        checklist.contains("href=\"/admin/events/a-verifier/settings#event-in_person_capacity\"")
    );
    assert!(checklist.contains("href=\"/admin/events/a-verifier/settings#event-stream_url\""));
    assert!(checklist.contains("href=\"/admin/events/a-verifier/duplicate\""));

    let (s, _) = send_json(
        &client,
        Method::Patch,
        "/api/v1/events/a-verifier",
        &token,
        json!({
            "in_person_capacity": 80, "stream_url": "https://stream.example.org/x",
            "privacy_notice_fr": "Nos règles.", "privacy_notice_en": "Our rules."
        }),
    )
    .await;
    assert_eq!(s, Status::Ok);
    let page = text_of(&client, "/admin/events/a-verifier?lang=fr").await;
    assert!(
        page.contains("2 points à regarder avant de publier."),
        "room and speaker left"
    );
    assert!(page.contains("On peut s’inscrire"));
}

/// A published event with a ticket, a speaker's photo, a registration and a cancelled
/// session, as a source to duplicate.
async fn full_source(client: &Client, token: &str) -> i64 {
    let (talk, speaker) = event(client, token, "sommet-2027", "published").await;
    let db = common::db(client);
    let source = store::events::get(db, "sommet-2027").await.unwrap();
    store::speakers::set_photo(
        db,
        source.id,
        speaker,
        "image/png",
        b"\x89PNG\r\n\x1a\nphoto",
    )
    .await
    .unwrap();
    let (s, ticket) = send_json(
        client,
        Method::Post,
        "/api/v1/events/sommet-2027/tickets",
        token,
        json!({
            "name": "Plein tarif", "price_cents": 0, "sales_end": "2027-06-10T12:00"
        }),
    )
    .await;
    assert_eq!(s, Status::Created, "{ticket}");
    // A workshop someone signed up for, then cancelled: kept as cancelled in the source.
    let (s, gone) = send_json(
        client,
        Method::Post,
        "/api/v1/events/sommet-2027/sessions",
        token,
        json!({
            "title": "Annulée", "kind": "workshop", "starts_at": "2027-06-16T10:00",
            "ends_at": "2027-06-16T11:00", "requires_signup": true, "capacity": 10
        }),
    )
    .await;
    assert_eq!(s, Status::Created);
    common::register_via_api(
        client,
        "sommet-2027",
        json!({
            "name": "Ana Lima", "email": "ana@example.org", "attendance": "in_person",
            "language": "fr", "ticket": ticket["id"], "sessions": [talk, gone["id"]]
        }),
    )
    .await;
    let gone = format!("/api/v1/events/sommet-2027/sessions/{}", gone["id"]);
    assert_eq!(
        send_json(client, Method::Delete, &gone, token, json!({}))
            .await
            .0,
        Status::NoContent
    );
    talk
}

#[rocket::async_test]
async fn duplicating_copies_the_programme_as_a_draft_without_people_or_streams() {
    for backend in BACKENDS {
        let client = common::client_with(backend, false).await;
        let token = common::organiser_token(&client).await;
        full_source(&client, &token).await;
        let (s, copy) = send_json(
            &client,
            Method::Post,
            "/api/v1/events/sommet-2027/duplicate",
            &token,
            json!({"slug": "sommet-2028", "shift_days": 364}),
        )
        .await;
        assert_eq!(s, Status::Created, "{backend:?} {copy}");
        assert_eq!(copy["slug"], "sommet-2028");
        assert_eq!(copy["status"], "draft");
        // 52 weeks later, on the same clock: Tuesday 15 June 2027 → Tuesday 13 June 2028.
        assert_eq!(copy["starts_at"], "2028-06-13T08:00:00+02:00");
        assert_eq!(copy["ends_at"], "2028-06-14T18:00:00+02:00");
        assert_eq!(copy["stream_url"], Value::Null, "no stream link copied");
        assert_eq!(copy["in_person_capacity"], 100);
        assert_duplicate_contents(&client, &token, backend).await;

        let (s, taken) = send_json(
            &client,
            Method::Post,
            "/api/v1/events/sommet-2027/duplicate",
            &token,
            json!({"slug": "sommet-2028", "shift_days": 7}),
        )
        .await;
        assert_eq!(s, Status::Conflict, "{backend:?}");
        assert!(taken["error"]["fields"]["slug"].is_string(), "{taken}");
        let (s, bad) = send_json(
            &client,
            Method::Post,
            "/api/v1/events/sommet-2027/duplicate",
            &token,
            json!({"slug": "Pas un slug", "shift_days": "demain"}),
        )
        .await;
        assert_eq!(s, Status::UnprocessableEntity);
        assert!(
            bad["error"]["fields"]["slug"].is_string()
                && bad["error"]["fields"]["shift_days"].is_string()
        );
        let audit = store::audit::recent(common::db(&client), 5).await.unwrap();
        assert!(audit
            .iter()
            .any(|(_, actor, action, subject)| action == "duplicate-event"
                && actor == "organiser:api-token"
                && subject.starts_with("sommet-2027 -> sommet-2028")));
    }
}

async fn assert_duplicate_contents(client: &Client, token: &str, backend: Backend) {
    let db = common::db(client);
    let new = store::events::get(db, "sommet-2028").await.unwrap();
    let rooms = store::events::rooms(db, new.id).await.unwrap();
    assert_eq!(rooms.len(), 1);
    let sessions = store::sessions::list(db, new.id).await.unwrap();
    assert_eq!(
        sessions.len(),
        1,
        "{backend:?}: the cancelled session is not copied"
    );
    let s = &sessions[0];
    assert_eq!(s.room_id, Some(rooms[0].id), "points to the copied room");
    assert_eq!(s.stream_url, None);
    assert_eq!(
        summit::domain::time::local_input(s.starts_at, new.tz()),
        "2028-06-13T10:00"
    );
    let speakers = store::speakers::list(db, new.id).await.unwrap();
    let roles = store::sessions::speakers_by_session(db, new.id)
        .await
        .unwrap();
    assert_eq!(roles[&s.id][0].speaker_id, speakers[0].id);
    assert_eq!(roles[&s.id][0].role.as_str(), "host");
    let (kind, photo) = store::speakers::photo(db, speakers[0].id).await.unwrap();
    assert_eq!(
        (kind.as_str(), &photo[..]),
        ("image/png", &b"\x89PNG\r\n\x1a\nphoto"[..])
    );
    let tickets = store::tickets::list(db, new.id).await.unwrap();
    assert_eq!(tickets.len(), 1);
    assert_eq!(
        tickets[0]
            .sales_end
            .map(|t| summit::domain::time::local_input(t, new.tz())),
        Some("2028-06-08T12:00".into())
    );
    let (_, roster) = send_json(
        client,
        Method::Get,
        "/api/v1/events/sommet-2028/registrations",
        token,
        json!({}),
    )
    .await;
    assert_eq!(
        roster["registrations"].as_array().map(Vec::len),
        Some(0),
        "{backend:?}: nobody registered"
    );
    let (_, old) = send_json(
        client,
        Method::Get,
        "/api/v1/events/sommet-2027/registrations",
        token,
        json!({}),
    )
    .await;
    assert_eq!(old["registrations"].as_array().map(Vec::len), Some(1));
    assert_eq!(
        get(client, "/events/sommet-2028").await.0,
        Status::NotFound,
        "a draft"
    );
}

#[rocket::async_test]
async fn the_duplicate_form_proposes_next_year_and_scoped_organisers_may_not() {
    let client = common::client_with(Backend::Sqlite, false).await;
    let token = common::organiser_token(&client).await;
    full_source(&client, &token).await;
    let source = store::events::get(common::db(&client), "sommet-2027")
        .await
        .unwrap();
    common::sign_in_organiser(&client, "orga@villes.fr", None).await;
    let form = text_of(&client, "/admin/events/sommet-2027/duplicate?lang=en").await;
    assert!(form.contains("value=\"sommet-2028\""), "{form}");
    assert!(form.contains("value=\"364\""));
    assert!(
        form.contains("Tuesday 15 June 2027 becomes Tuesday 13 June 2028"),
        "{form}"
    );
    let csrf = csrf_of(&form);
    let (status, page) = post_form(
        &client,
        "/admin/events/sommet-2027/duplicate?lang=en",
        format!("csrf={csrf}&slug=sommet-2027&shift_days=364"),
    )
    .await;
    assert_eq!(status, Status::Conflict);
    assert!(page.contains("already used by another event"), "{page}");
    let (status, to) = post_form(
        &client,
        "/admin/events/sommet-2027/duplicate",
        format!("csrf={csrf}&slug=edition-2028&shift_days=364"),
    )
    .await;
    assert_eq!(
        (status, to.as_str()),
        (Status::SeeOther, "/admin/events/edition-2028")
    );
    let copy = text_of(&client, "/admin/events/edition-2028?lang=en").await;
    assert!(copy.contains("Before publishing"));
    let (_, preview, _) = get(&client, "/events/edition-2028?lang=en").await;
    assert!(preview.contains(BANNER_EN));
    sign_out(&client).await;

    // A login limited to one event would lose the copy: not offered, refused, nothing made.
    common::sign_in_organiser(&client, "scoped@villes.fr", Some(source.id)).await;
    for page in ["", "/settings"] {
        let html = text_of(&client, &format!("/admin/events/sommet-2027{page}?lang=en")).await;
        assert!(html.contains("sommet-2027"), "{html}");
        assert!(
            !html.contains("/duplicate\""),
            "{page}: a scoped organiser is offered a copy"
        );
    }
    let res = client
        .get("/admin/events/sommet-2027/duplicate")
        .dispatch()
        .await;
    assert_eq!(res.status(), Status::Forbidden);
    let scoped = store::staff::create_token(
        common::db(&client),
        summit::domain::StaffRole::Organiser,
        Some(source.id),
        "scoped",
    )
    .await
    .unwrap();
    let (s, _) = send_json(
        &client,
        Method::Post,
        "/api/v1/events/sommet-2027/duplicate",
        &scoped,
        json!({"slug": "par-scope", "shift_days": 7}),
    )
    .await;
    assert_eq!(s, Status::Forbidden);
    assert!(store::events::find(common::db(&client), "par-scope")
        .await
        .unwrap()
        .is_none());
}

fn subjects(smtp: &SmtpServer) -> Vec<String> {
    smtp.messages()
        .iter()
        .filter_map(|raw| {
            MessageParser::default()
                .parse(raw)?
                .subject()
                .map(str::to_string)
        })
        .collect()
}

#[rocket::async_test]
async fn removing_a_session_confirms_first_and_a_cancelled_one_can_be_restored() {
    let port = common::free_port();
    let smtp = SmtpServer::start(port);
    let url = common::fresh_url(Backend::Sqlite).await;
    let mut settings = common::settings(&url, false);
    settings.smtp_url = Some(format!("smtp://127.0.0.1:{port}"));
    let client = common::client_with_settings(settings.clone()).await;
    let worker = summit::jobs::outbox::Worker::new(&settings).unwrap();
    let token = common::organiser_token(&client).await;
    let talk = full_source(&client, &token).await;
    let db = common::db(&client);
    worker.tick(db, summit::domain::time::now()).await.unwrap();
    let sent = smtp.messages().len();

    common::sign_in_organiser(&client, "orga@villes.fr", None).await;
    let edit = text_of(
        &client,
        &format!("/admin/events/sommet-2027/sessions/{talk}?lang=en"),
    )
    .await;
    assert!(edit.contains(&format!(
        "href=\"/admin/events/sommet-2027/sessions/{talk}/delete\""
    )));
    let confirm = text_of(
        &client,
        &format!("/admin/events/sommet-2027/sessions/{talk}/delete?lang=en"),
    )
    .await;
    assert!(
        confirm.contains("One person has signed up, so the session will be kept as cancelled."),
        "{confirm}"
    );
    assert!(confirm.contains("The one person holding a seat is told by e-mail"));
    assert!(text_of(
        &client,
        &format!("/events/sommet-2027/sessions/{talk}?lang=en")
    )
    .await
    .contains("Données ouvertes"));
    let csrf = csrf_of(&confirm);
    let (status, _) = post_form(
        &client,
        &format!("/admin/events/sommet-2027/sessions/{talk}/delete"),
        format!("csrf={csrf}"),
    )
    .await;
    assert_eq!(status, Status::SeeOther);
    assert_eq!(
        worker.tick(db, summit::domain::time::now()).await.unwrap(),
        1
    );
    assert!(
        subjects(&smtp)[sent..]
            .iter()
            .any(|s| s.starts_with("Session annulée")),
        "{:?}",
        subjects(&smtp)
    );

    let edit = text_of(
        &client,
        &format!("/admin/events/sommet-2027/sessions/{talk}?lang=en"),
    )
    .await;
    assert!(edit.contains("This session is cancelled"));
    let restore = text_of(
        &client,
        &format!("/admin/events/sommet-2027/sessions/{talk}/restore?lang=en"),
    )
    .await;
    assert!(
        restore.contains("The one person who held a seat gets it back"),
        "{restore}"
    );
    assert!(restore.contains("Cancelling kept every sign-up"));
    let (status, to) = post_form(
        &client,
        &format!("/admin/events/sommet-2027/sessions/{talk}/restore"),
        format!("csrf={csrf}"),
    )
    .await;
    assert_eq!(
        (status, to),
        (
            Status::SeeOther,
            format!("/admin/events/sommet-2027/sessions/{talk}")
        )
    );
    let public = text_of(
        &client,
        &format!("/events/sommet-2027/sessions/{talk}?lang=en"),
    )
    .await;
    assert!(
        public.contains("Données ouvertes") && !public.contains("role=\"status\">Cancelled"),
        "back on the agenda"
    );
    assert_eq!(
        worker.tick(db, summit::domain::time::now()).await.unwrap(),
        1,
        "the seated person is told"
    );
    let audit = store::audit::recent(db, 5).await.unwrap();
    assert!(audit
        .iter()
        .any(|(_, a, action, _)| action == "restore-session" && a == "organiser:orga@villes.fr"));

    // Through the API: restoring what is not cancelled finds nothing to restore.
    let path = format!("/api/v1/events/sommet-2027/sessions/{talk}/restore");
    assert_eq!(
        send_json(&client, Method::Post, &path, &token, json!({}))
            .await
            .0,
        Status::NotFound
    );
}

#[rocket::async_test]
async fn a_session_nobody_signed_up_for_is_deleted_after_its_confirm_page() {
    let client = common::client_with(Backend::Sqlite, false).await;
    let token = common::organiser_token(&client).await;
    event(&client, &token, "vide", "published").await;
    let (_, lone) = send_json(&client, Method::Post, "/api/v1/events/vide/sessions", &token, json!({
        "title": "Seule", "kind": "plenary", "starts_at": "2027-06-16T10:00", "ends_at": "2027-06-16T11:00"
    }))
    .await;
    let id = lone["id"].as_i64().unwrap();
    common::sign_in_organiser(&client, "orga@villes.fr", None).await;
    let confirm = text_of(
        &client,
        &format!("/admin/events/vide/sessions/{id}/delete?lang=fr"),
    )
    .await;
    assert!(
        confirm.contains("Personne ne s’est inscrit : la session sera supprimée du programme."),
        "{confirm}"
    );
    assert!(confirm.contains("Supprimer la session"));
    let (status, _) = post_form(
        &client,
        &format!("/admin/events/vide/sessions/{id}/delete"),
        format!("csrf={}", csrf_of(&confirm)),
    )
    .await;
    assert_eq!(status, Status::SeeOther);
    assert_eq!(
        get(&client, &format!("/admin/events/vide/sessions/{id}"))
            .await
            .0,
        Status::NotFound
    );
}

#[rocket::async_test]
async fn the_session_form_grows_a_speaker_row_at_a_time_and_starts_on_the_event_days() {
    let client = common::client_with(Backend::Sqlite, false).await;
    let token = common::organiser_token(&client).await;
    event(&client, &token, "rangs", "draft").await;
    let db = common::db(&client);
    let e = store::events::get(db, "rangs").await.unwrap();
    let mut speakers = vec![];
    for n in 0..10 {
        let (_, sp) = send_json(
            &client,
            Method::Post,
            "/api/v1/events/rangs/speakers",
            &token,
            json!({"name": format!("Personne {n}")}),
        )
        .await;
        speakers.push(sp["id"].as_i64().unwrap());
    }
    common::sign_in_organiser(&client, "orga@villes.fr", None).await;
    let page = text_of(&client, "/admin/events/rangs/programme?lang=en").await;
    assert!(
        page.contains(
            "value=\"2027-06-15T08:00\" min=\"2027-06-15T08:00\" max=\"2027-06-16T18:00\""
        ),
        "prefilled on the first day"
    );
    assert!(page.contains("name=\"speaker_id_0\"") && !page.contains("name=\"speaker_id_1\""));

    // Nine rows filled, then "Add another speaker": the form comes back with a tenth.
    let csrf = csrf_of(&page);
    let mut body = format!("csrf={csrf}&title_fr=Grande+table&kind=panel&starts_at=2027-06-15T14:00&ends_at=2027-06-15T15:00");
    for (n, id) in speakers.iter().take(9).enumerate() {
        body.push_str(&format!("&speaker_id_{n}={id}&speaker_role_{n}=panelist"));
    }
    let (status, form) = post_form(
        &client,
        "/admin/events/rangs/sessions?lang=en",
        format!("{body}&add_speaker_row=1"),
    )
    .await;
    assert_eq!(status, Status::Ok);
    assert!(form.contains("value=\"Grande table\""), "input kept");
    assert!(
        form.contains("name=\"speaker_id_9\"") && !form.contains("name=\"speaker_id_10\""),
        "{form}"
    );
    assert_eq!(
        store::sessions::list(db, e.id).await.unwrap().len(),
        1,
        "nothing saved yet"
    );

    body.push_str(&format!(
        "&speaker_id_9={}&speaker_role_9=moderator",
        speakers[9]
    ));
    let (status, _) = post_form(&client, "/admin/events/rangs/sessions", body).await;
    assert_eq!(status, Status::SeeOther);
    let sessions = store::sessions::list(db, e.id).await.unwrap();
    let table = sessions
        .iter()
        .find(|s| s.title_fr == "Grande table")
        .unwrap();
    let roles = store::sessions::speakers_by_session(db, e.id)
        .await
        .unwrap();
    assert_eq!(
        roles[&table.id].len(),
        10,
        "ten speakers, past the old limit of eight"
    );
    let edit = text_of(
        &client,
        &format!("/admin/events/rangs/sessions/{}?lang=en", table.id),
    )
    .await;
    assert!(
        edit.contains("name=\"speaker_id_10\""),
        "one empty row after the ten"
    );
}
