//! The attendee's personal programme (issue 18): starring sessions from the personal link,
//! through the page's plain forms and through the API, on SQLite and PostgreSQL; clashes on
//! the page and in the JSON; refusals; the organisers' star counts. The feed and the
//! reminder are in `stars_feed`, with these helpers.

use crate::common;

use common::{
    client_with, csrf_of, json_of, organiser_token, post_form, send_json, sign_in_organiser,
    text_of, Backend, BACKENDS,
};
use rocket::http::{ContentType, Header, Method, Status};
use rocket::local::asynchronous::Client;
use serde_json::{json, Value};

/// An event with two overlapping talks, a workshop overlapping the second, a talk on the
/// next day; answers the session ids by title.
pub(crate) async fn forum(c: &Client, slug: &str) -> Vec<(String, i64)> {
    let token = organiser_token(c).await;
    let event = json!({"slug": slug, "title": "Forum des villes", "timezone": "Europe/Paris",
        "starts_at": "2027-06-10T09:00", "ends_at": "2027-06-11T18:00", "format": "in_person",
        "status": "published"});
    let (status, body) = send_json(c, Method::Post, "/api/v1/events", &token, event).await;
    assert_eq!(status, Status::Created, "{body}");
    let mut ids = vec![];
    for (title, from, to, signup) in [
        ("Talk A", "2027-06-10T10:00", "2027-06-10T11:00", false),
        ("Talk B", "2027-06-10T10:30", "2027-06-10T11:30", false),
        ("Workshop W", "2027-06-10T11:15", "2027-06-10T12:00", true),
        (
            "Day two keynote",
            "2027-06-11T09:00",
            "2027-06-11T10:00",
            false,
        ),
    ] {
        let kind = if signup { "workshop" } else { "plenary" };
        let body = json!({"title": title, "kind": kind, "starts_at": from, "ends_at": to,
            "requires_signup": signup, "capacity": 30});
        let path = format!("/api/v1/events/{slug}/sessions");
        let (status, s) = send_json(c, Method::Post, &path, &token, body).await;
        assert_eq!(status, Status::Created, "{s}");
        ids.push((title.to_string(), s["id"].as_i64().unwrap()));
    }
    ids
}

pub(crate) fn id(ids: &[(String, i64)], title: &str) -> i64 {
    ids.iter().find(|(t, _)| t == title).unwrap().1
}

/// Registers someone (signed up for `sessions`); answers their personal token.
pub(crate) async fn attendee(c: &Client, slug: &str, email: &str, sessions: &[i64]) -> String {
    let body = json!({"name": "Ana Lima", "email": email, "attendance": "in_person",
        "language": "en", "sessions": sessions});
    common::register_via_api(c, slug, body).await.1
}

/// Presses a button of the programme page, as a browser would (the form's CSRF token).
pub(crate) async fn press(c: &Client, token: &str, action: &str, fields: &str) -> (Status, String) {
    let page = text_of(c, &format!("/r/{token}/programme")).await;
    let csrf = csrf_of(&page);
    let path = format!("/r/{token}/{action}");
    post_form(c, &path, format!("csrf={csrf}&{fields}")).await
}

pub(crate) async fn put_star(c: &Client, token: &str, session: i64) -> (Status, Value) {
    let res = c
        .put(format!("/api/v1/registrations/{token}/starred/{session}"))
        .header(Header::new("Accept-Language", "en"))
        .dispatch()
        .await;
    let status = res.status();
    (status, json_of(res).await)
}

async fn starred(c: &Client, token: &str) -> Value {
    let res = c
        .get(format!("/api/v1/registrations/{token}"))
        .dispatch()
        .await;
    assert_eq!(res.status(), Status::Ok);
    json_of(res).await["starred"].clone()
}

#[rocket::async_test]
async fn starring_overlapping_sessions_by_page_and_api_flags_the_clash() {
    for backend in BACKENDS {
        let c = client_with(backend, false).await;
        let ids = forum(&c, "forum").await;
        let (a, b, w) = (
            id(&ids, "Talk A"),
            id(&ids, "Talk B"),
            id(&ids, "Workshop W"),
        );
        let token = attendee(&c, "forum", "ana@example.org", &[w]).await;
        let own = text_of(&c, &format!("/r/{token}?lang=en")).await;
        assert!(
            own.contains(&format!("href=\"/r/{token}/programme\"")),
            "{own}"
        );

        // Through the page: a plain form, back to the session in the list.
        let (status, to) = press(&c, &token, "star", &format!("session={a}")).await;
        assert_eq!(status, Status::SeeOther, "{to}");
        assert_eq!(to, format!("/r/{token}/programme?done=starred#session-{a}"));
        // Through the API: 201, then 200 for the same star (idempotent).
        let (status, entry) = put_star(&c, &token, b).await;
        assert_eq!(status, Status::Created, "{entry}");
        assert_eq!(entry, json!({"id": b, "clashes_with": [a, w]}));
        let (status, again) = put_star(&c, &token, b).await;
        assert_eq!(status, Status::Ok);
        assert_eq!(again, entry);
        assert_eq!(
            starred(&c, &token).await,
            json!([{"id": a, "clashes_with": [b]}, {"id": b, "clashes_with": [a, w]}]),
            "{backend:?}"
        );

        let page = text_of(&c, &format!("/r/{token}/programme?lang=en")).await;
        assert!(page.contains("3 sessions in your programme."), "{page}");
        assert!(page.contains("3 of them overlap another."), "{page}");
        assert!(
            page.contains(
                "<span class=\"clash-mark\">Clash</span> overlaps with “Talk B” (10:30–11:30)."
            ),
            "{page}"
        );
        assert!(page.contains("overlaps with “Workshop W” (11:15–12:00)."));
        assert!(
            page.contains("Place confirmed"),
            "the workshop is there, signed up"
        );
        assert!(page.contains("Remove from my programme<span class=\"sr-only\"> — Talk A</span>"));
        assert!(
            page.contains("Add to my programme<span class=\"sr-only\"> — Day two keynote</span>")
        );
        let french = text_of(&c, &format!("/r/{token}/programme?lang=fr")).await;
        assert!(
            french.contains("Chevauchement</span> en même temps que « Talk B » (10:30–11:30)."),
            "{french}"
        );

        // Taking A off (the page's form), then again through the API: nothing more changes.
        let (status, to) =
            press(&c, &token, "unstar", &format!("session={a}&from=programme")).await;
        assert_eq!(status, Status::SeeOther);
        assert_eq!(to, format!("/r/{token}/programme?done=unstarred#programme"));
        let gone = c
            .delete(format!("/api/v1/registrations/{token}/starred/{a}"))
            .dispatch()
            .await;
        assert_eq!(gone.status(), Status::NoContent);
        assert_eq!(
            starred(&c, &token).await,
            json!([{"id": b, "clashes_with": [w]}])
        );
        let page = text_of(&c, &format!("/r/{token}/programme?done=unstarred&lang=en")).await;
        assert!(page.contains("Removed from your programme."));
        assert!(!page.contains("overlaps with “Talk A”"), "{page}");
    }
}

#[rocket::async_test]
async fn bad_stars_are_refused_with_a_message_and_store_nothing() {
    for backend in BACKENDS {
        let c = client_with(backend, false).await;
        let ids = forum(&c, "forum").await;
        let other = forum(&c, "salon").await;
        let (w, elsewhere) = (id(&ids, "Workshop W"), id(&other, "Talk A"));
        let token = attendee(&c, "forum", "ana@example.org", &[]).await;
        // The workshop gets cancelled (someone signed up, so it stays as cancelled).
        attendee(&c, "forum", "bo@example.org", &[w]).await;
        let organiser = organiser_token(&c).await;
        let path = format!("/api/v1/events/forum/sessions/{w}");
        let (status, _) = send_json(&c, Method::Delete, &path, &organiser, json!({})).await;
        assert!(status.code < 300, "{status}");

        for (session, message) in [
            (999_999, "This session is not in this event's programme."),
            (elsewhere, "This session is not in this event's programme."),
            (
                w,
                "This session is cancelled: it cannot be added to your programme.",
            ),
        ] {
            let (status, body) = put_star(&c, &token, session).await;
            assert_eq!(status, Status::UnprocessableEntity, "{body}");
            assert_eq!(body["error"]["fields"]["session"], message, "{backend:?}");
        }
        let res = c
            .put(format!("/api/v1/registrations/{token}/starred/{w}"))
            .header(Header::new("Accept-Language", "fr"))
            .dispatch()
            .await;
        assert_eq!(res.status(), Status::UnprocessableEntity);
        let body = json_of(res).await;
        assert_eq!(
            body["error"]["fields"]["session"],
            "Cette session est annulée : elle ne peut pas être ajoutée à votre programme."
        );
        let (status, _) = put_star(&c, "not-a-token", id(&ids, "Talk A")).await;
        assert_eq!(status, Status::NotFound);

        // The page's form: the page again, with the message and the field named (in French,
        // the language of a browser that says none).
        let (status, page) = press(&c, &token, "star", &format!("session={elsewhere}")).await;
        assert_eq!(status, Status::UnprocessableEntity);
        assert!(
            page.contains(
                "Session : Cette session ne fait pas partie du programme de cet événement."
            ),
            "{page}"
        );
        let (status, _) = press(&c, &token, "star", "session=abc").await;
        assert_eq!(status, Status::UnprocessableEntity);
        let forged = post_form(
            &c,
            &format!("/r/{token}/star"),
            format!("csrf=forged&session={}", id(&ids, "Talk A")),
        )
        .await;
        assert!(
            forged.0.code >= 400 && forged.0.code < 500,
            "{:?}",
            forged.0
        );
        assert_eq!(starred(&c, &token).await, json!([]), "nothing was stored");

        // A cancelled registration's programme no longer changes.
        c.delete(format!("/api/v1/registrations/{token}"))
            .dispatch()
            .await;
        let (status, body) = put_star(&c, &token, id(&ids, "Talk A")).await;
        assert_eq!(status, Status::Conflict, "{body}");
    }
}

#[rocket::async_test]
async fn organisers_see_how_many_starred_each_session() {
    let c = client_with(Backend::Sqlite, false).await;
    let ids = forum(&c, "forum").await;
    let (a, b) = (id(&ids, "Talk A"), id(&ids, "Talk B"));
    for (n, stars) in [(1, vec![a, b]), (2, vec![a]), (3, vec![])] {
        let token = attendee(&c, "forum", &format!("p{n}@example.org"), &[]).await;
        for s in stars {
            put_star(&c, &token, s).await;
        }
    }
    sign_in_organiser(&c, "orga@forum.org", None).await;
    let page = text_of(&c, "/admin/events/forum/dashboard?lang=en").await;
    assert!(
        page.contains("Stars per session (attendees' interest before the day)"),
        "{page}"
    );
    assert!(
        page.contains("<th scope=\"row\">Talk A</th><td>2</td>"),
        "{page}"
    );
    assert!(page.contains("<th scope=\"row\">Talk B</th><td>1</td>"));
    let csv = text_of(&c, "/admin/events/forum/dashboard.csv?lang=en").await;
    assert!(csv.contains("stars,Talk A,2"), "{csv}");
    // Removing a starred session says it stays, cancelled, for those who starred it.
    let confirm = text_of(
        &c,
        &format!("/admin/events/forum/sessions/{b}/delete?lang=en"),
    )
    .await;
    assert!(
        confirm.contains(
            "One person has it in their programme, so the session will be kept as cancelled"
        ),
        "{confirm}"
    );
    let day_two = id(&ids, "Day two keynote");
    let confirm = text_of(
        &c,
        &format!("/admin/events/forum/sessions/{day_two}/delete?lang=en"),
    )
    .await;
    assert!(confirm.contains("Nobody has signed up: the session will be deleted"));
}

#[rocket::async_test]
async fn the_programme_page_needs_the_personal_link_and_is_in_both_languages() {
    let c = client_with(Backend::Sqlite, false).await;
    let ids = forum(&c, "forum").await;
    let token = attendee(&c, "forum", "ana@example.org", &[]).await;
    let unknown = c.get("/r/not-a-token/programme").dispatch().await;
    assert_eq!(unknown.status(), Status::NotFound);
    let en = text_of(&c, &format!("/r/{token}/programme?lang=en")).await;
    assert!(en.contains("<h1>My programme</h1>"));
    assert!(en.contains("Your programme is empty for now."));
    let fr = text_of(&c, &format!("/r/{token}/programme?lang=fr")).await;
    assert!(fr.contains("<h1>Mon programme</h1>"));
    assert!(fr.contains(&format!("id=\"session-{}\"", id(&ids, "Day two keynote"))));
    let form = c
        .post(format!("/r/{token}/star"))
        .header(ContentType::Form)
        .body("session=1")
        .dispatch()
        .await;
    assert!(
        form.status().code >= 400 && form.status().code < 500,
        "no CSRF token"
    );
}
