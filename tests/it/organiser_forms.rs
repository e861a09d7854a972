//! Organisers' forms that help: the time-zone field, the messages page (bilingual message,
//! preview, a test to oneself, a confirmation before sending) and a cancellation that says
//! first what it will do, then what it did.

use crate::common;

use common::{
    client_with, client_with_settings, csrf_of, free_port, fresh_url, organiser_token, post_form,
    send_json, sign_in_organiser, text_of, Backend, SmtpServer, BACKENDS,
};
use mail_parser::MessageParser;
use rocket::http::{ContentType, Method, Status};
use rocket::local::asynchronous::Client;
use serde_json::json;
use summit::jobs::outbox::Worker;
use summit::store;

fn form(pairs: &[(&str, &str)]) -> String {
    url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs(pairs)
        .finish()
}

/// An event with `capacity` in-person places and these people registered in that order
/// (name, e-mail, language); answers their registration ids.
async fn event_with(c: &Client, capacity: i64, people: &[(&str, &str, &str)]) -> Vec<i64> {
    let token = organiser_token(c).await;
    let event = json!({"slug": "forum", "title": "Forum des villes", "timezone": "Europe/Paris",
        "starts_at": "2027-03-10T09:00", "ends_at": "2027-03-10T12:00", "format": "in_person",
        "status": "published", "in_person_capacity": capacity});
    let (status, body) = send_json(c, Method::Post, "/api/v1/events", &token, event).await;
    assert_eq!(status, Status::Created, "{body}");
    let mut ids = Vec::new();
    for (name, email, language) in people {
        let body = json!({"name": name, "email": email, "attendance": "in_person",
            "language": language});
        let (answer, _) = common::register_via_api(c, "forum", body).await;
        ids.push(answer["id"].as_i64().unwrap());
    }
    ids
}

const ZONES: &str = "templates/admin/time_zones.html.hbs";

/// The regions' IANA names as chrono-tz knows them (no `Etc/`, no old aliases such as
/// `US/Eastern`), and UTC.
fn expected_zones() -> Vec<String> {
    let regions = [
        "Africa/",
        "America/",
        "Antarctica/",
        "Arctic/",
        "Asia/",
        "Atlantic/",
        "Australia/",
        "Europe/",
        "Indian/",
        "Pacific/",
    ];
    let mut names: Vec<String> = chrono_tz::TZ_VARIANTS
        .iter()
        .map(|tz| tz.name().to_string())
        .filter(|n| regions.iter().any(|r| n.starts_with(r)))
        .collect();
    names.sort();
    names.push("UTC".into());
    names
}

#[test]
fn the_time_zone_list_is_chrono_tz_s() {
    let file = std::fs::read_to_string(ZONES).unwrap();
    let (head, _) = file.split_once("--}}\n").unwrap();
    let expected: String = expected_zones()
        .iter()
        .map(|n| format!("<option value=\"{n}\">\n"))
        .collect();
    let expected = format!("{head}--}}}}\n{expected}");
    if file != expected && std::env::var("SUMMIT_BLESS").is_ok() {
        std::fs::write(ZONES, &expected).unwrap();
        return;
    }
    assert!(
        file == expected,
        "{ZONES} is not chrono-tz's list: rewrite it with SUMMIT_BLESS=1"
    );
}

#[rocket::async_test]
async fn the_time_zone_is_searched_in_a_list_and_an_unknown_one_refused() {
    let c = client_with(Backend::Sqlite, false).await;
    sign_in_organiser(&c, "orga@lyon.fr", None).await;
    let page = text_of(&c, "/admin?lang=en").await;
    assert!(page.contains("list=\"new-time-zones\" value=\"Europe/Paris\""));
    assert!(page.contains("<datalist id=\"new-time-zones\">"));
    assert!(page.contains("<option value=\"America/Montreal\">"));
    assert!(page.contains("<option value=\"Pacific/Noumea\">"));
    let csrf = csrf_of(&page);
    let body = form(&[
        ("csrf", &csrf),
        ("slug", "mars"),
        ("title_fr", "Sommet martien"),
        ("timezone", "Mars/Olympus"),
        ("starts_at", "2027-03-10T09:00"),
        ("ends_at", "2027-03-10T12:00"),
        ("format", "in_person"),
        ("status", "draft"),
    ]);
    let (status, page) = post_form(&c, "/admin/events?lang=en", body.clone()).await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(page.contains("id=\"new-timezone-error\">Unknown time zone"));
    assert!(page.contains("value=\"Mars/Olympus\" required"), "kept");
    assert!(page.contains("aria-invalid=\"true\""));
    let (_, page) = post_form(&c, "/admin/events?lang=fr", body).await;
    assert!(page.contains("Fuseau horaire inconnu"));
    assert!(store::events::get(common::db(&c), "mars").await.is_err());
}

#[rocket::async_test]
async fn cancelling_asks_first_and_tells_who_really_got_the_place() {
    let c = client_with(Backend::Sqlite, false).await;
    let people = [
        ("Ana Lima", "ana@pessac.fr", "fr"),
        ("Ben Okafor", "ben@lyon.fr", "en"),
        ("Chloé Roux", "chloe@nantes.fr", "fr"),
    ];
    let ids = event_with(&c, 1, &people).await;
    let (ana, ben, chloe) = (ids[0], ids[1], ids[2]);
    sign_in_organiser(&c, "orga@forum.fr", None).await;
    let list = text_of(&c, "/admin/events/forum/registrations?lang=en").await;
    assert!(list.contains(&format!(
        "<form method=\"get\" action=\"/admin/events/forum/registrations/{ana}/cancel\""
    )));
    let csrf = csrf_of(&list);
    let page = |id: i64, lang: &str| {
        let path = format!("/admin/events/forum/registrations/{id}/cancel?lang={lang}");
        let c = &c;
        async move { text_of(c, &path).await }
    };
    let cancel = |id: i64| {
        let path = format!("/admin/events/forum/registrations/{id}/cancel");
        let (c, body) = (&c, format!("csrf={csrf}"));
        async move { post_form(c, &path, body).await }
    };

    // Chloé waits: cancelling her frees nothing.
    let confirm = page(chloe, "en").await;
    assert!(confirm.contains("Cancel the registration of Chloé Roux?"));
    assert!(confirm.contains("Chloé Roux is told by e-mail"));
    assert!(confirm.contains("is not holding a place"));
    let (status, to) = cancel(chloe).await;
    assert_eq!(status, Status::SeeOther);
    let list = text_of(&c, &format!("{to}&lang=en")).await;
    assert!(list.contains("Chloé Roux has been cancelled. They were not holding a place"));

    // Ana holds the place and Ben waits: the page names him, and he gets it.
    let confirm = page(ana, "en").await;
    assert!(
        confirm.contains("The freed place goes to the next person waiting: Ben Okafor"),
        "{confirm}"
    );
    let french = page(ana, "fr").await;
    assert!(french.contains("va à la personne suivante en attente : Ben Okafor"));
    assert!(
        store::registrations::get(common::db(&c), ana)
            .await
            .unwrap()
            .status
            .as_str()
            == "confirmed",
        "the page alone changes nothing"
    );
    let (_, to) = cancel(ana).await;
    let list = text_of(&c, &format!("{to}&lang=en")).await;
    assert!(list.contains(
        "The registration of Ana Lima has been cancelled. Ben Okafor got the freed place"
    ));
    let db = common::db(&c);
    assert_eq!(
        store::registrations::get(db, ben)
            .await
            .unwrap()
            .status
            .as_str(),
        "confirmed"
    );

    // Nobody waits any more: the page and the outcome say so.
    assert!(page(ben, "en").await.contains("Nobody is waiting"));
    let (_, to) = cancel(ben).await;
    let list = text_of(&c, &format!("{to}&lang=fr")).await;
    assert!(list.contains("Personne n’était en attente : la place est libre."));
    assert!(!list.contains("a obtenu la place"));
    let audit = store::audit::recent(db, 20).await.unwrap();
    let cancels = audit
        .iter()
        .filter(|a| a.2 == "cancel-registration" && a.1 == "organiser:orga@forum.fr")
        .count();
    assert_eq!(cancels, 3);
    // A cancelled registration has no confirmation page any more.
    let res = c
        .get(format!("/admin/events/forum/registrations/{ben}/cancel"))
        .dispatch()
        .await;
    assert_eq!(res.status(), Status::NotFound);
}

/// The messages page on `backend`, with mail to a real SMTP server.
async fn smtp_app(backend: Backend, port: u16) -> (Client, Worker) {
    let url = fresh_url(backend).await;
    let mut s = common::settings(&url, false);
    s.smtp_url = Some(format!("smtp://127.0.0.1:{port}"));
    s.mail_from = "Summit <summit@example.org>".into();
    let worker = Worker::new(&s).unwrap();
    (client_with_settings(s).await, worker)
}

fn parsed(raw: &[u8]) -> (String, String, String) {
    let mail = MessageParser::default().parse(raw).unwrap();
    let to = mail.to().unwrap().first().unwrap().address().unwrap();
    (
        to.to_string(),
        mail.subject().unwrap().to_string(),
        mail.body_text(0).unwrap().to_string(),
    )
}

const MESSAGE: [(&str, &str); 4] = [
    ("subject_fr", "Changement de salle"),
    ("body_fr", "L’atelier a lieu en salle B."),
    ("subject_en", "Room change"),
    ("body_en", "The workshop is in room B."),
];

#[rocket::async_test]
async fn a_message_is_previewed_tried_confirmed_then_sent_in_each_language() {
    for backend in BACKENDS {
        let port = free_port();
        let smtp = SmtpServer::start(port);
        let (c, worker) = smtp_app(backend, port).await;
        let people = [
            ("Ana Lima", "ana@pessac.fr", "fr"),
            ("Ben Okafor", "ben@lyon.fr", "en"),
            ("Chloé Roux", "chloe@nantes.fr", "fr"),
        ];
        event_with(&c, 2, &people).await;
        let db = common::db(&c);
        let tick = || worker.tick(db, summit::domain::time::now());
        assert_eq!(tick().await.unwrap(), 3, "the confirmations");
        sign_in_organiser(&c, "orga@forum.fr", None).await;
        let list = text_of(&c, "/admin/events/forum/registrations?lang=en").await;
        assert!(list.contains("<a href=\"/admin/events/forum/messages\">Write to attendees</a>"));
        let page = text_of(&c, "/admin/events/forum/messages?lang=en").await;
        assert!(page.contains("Subject in English") && page.contains("Message in French"));
        let csrf = csrf_of(&page);
        let step = |action: &str, lang: &str, extra: &[(&str, &str)]| {
            let mut pairs = vec![("csrf", csrf.as_str()), ("action", action)];
            pairs.extend_from_slice(extra);
            let (c, body) = (&c, form(&pairs));
            let path = format!("/admin/events/forum/messages?lang={lang}");
            async move { post_form(c, &path, body).await }
        };

        // Refused: the field is named, the input kept, nothing queued.
        let (status, page) = step(
            "review",
            "en",
            &[("subject_en", "Room change"), ("body_fr", "Salle B")],
        )
        .await;
        assert_eq!(status, Status::UnprocessableEntity);
        assert!(page.contains("<li>Message in English: This field is required.</li>"));
        assert!(page.contains("<li>Subject in French: This field is required.</li>"));
        assert!(page.contains("value=\"Room change\""));
        let (_, page) = step("review", "fr", &[]).await;
        assert!(page.contains(
            "<li>Objet en français : Écrivez l’objet et le message dans au moins une langue.</li>"
        ));

        // The preview shows both languages and sends nothing.
        let (status, page) = step("preview", "en", &MESSAGE).await;
        assert_eq!(status, Status::Ok);
        assert!(page.contains("As French readers will see it"));
        assert!(page.contains("<strong>Changement de salle</strong>"));
        assert!(page.contains("<p>Bonjour Camille Martin,</p>"));
        assert!(page.contains("<strong>Room change</strong>"));
        assert!(page.contains("The workshop is in room B."));
        let (_, page) = step("preview", "en", &MESSAGE[2..]).await;
        assert!(page.contains("Nothing is written in French: French readers get the English"));
        assert_eq!(store::outbox::pending_count(db).await.unwrap(), 0);

        // The confirmation says who gets it, keeps the text, and Back returns to it.
        let (_, page) = step("review", "en", &MESSAGE).await;
        assert!(page.contains("This will e-mail 3 people:"), "{page}");
        assert!(page.contains("<li>Confirmed: 2</li>"));
        assert!(page.contains("<li>On the waiting list: 1</li>"));
        assert!(page.contains("2 in French, 1 in English."));
        assert!(page.contains("name=\"body_fr\" value=\"L’atelier a lieu en salle B.\""));
        let (_, page) = step(
            "review",
            "fr",
            &[("status", "waitlisted"), MESSAGE[0], MESSAGE[1]],
        )
        .await;
        assert!(page.contains("Ceci enverra un e-mail à 1 personne\u{a0}:"));
        let (_, page) = step("edit", "en", &MESSAGE).await;
        assert!(page.contains(">The workshop is in room B.</textarea>"));
        assert_eq!(store::outbox::pending_count(db).await.unwrap(), 0);

        // A test to the organiser alone, through the outbox, in the page's language.
        let (status, page) = step("test", "en", &MESSAGE).await;
        assert_eq!(status, Status::Ok);
        assert!(page.contains("A test has been queued for orga@forum.fr"));
        assert_eq!(tick().await.unwrap(), 1);
        let (to, subject, text) = parsed(&smtp.messages().pop().unwrap());
        assert_eq!(to, "orga@forum.fr");
        assert_eq!(subject, "[Test] Room change");
        assert!(text.contains("The workshop is in room B.") && text.contains("test sent to you"));

        // Confirm: each person in their language.
        let mut pairs = vec![("csrf", csrf.as_str())];
        pairs.extend_from_slice(&MESSAGE);
        let (status, to) = post_form(&c, "/admin/events/forum/announcements", form(&pairs)).await;
        assert_eq!(status, Status::SeeOther);
        assert_eq!(to, "/admin/events/forum/messages?sent=3");
        let page = text_of(&c, &format!("{to}&lang=en")).await;
        assert!(page.contains("The message has been queued for 3 people."));
        assert_eq!(tick().await.unwrap(), 3);
        let mut got: Vec<_> = smtp
            .messages()
            .iter()
            .rev()
            .take(3)
            .map(|m| parsed(m))
            .collect();
        got.sort();
        assert_eq!(got[0].0, "ana@pessac.fr");
        assert_eq!(got[0].1, "Changement de salle");
        assert!(got[0].2.contains("Bonjour Ana Lima") && got[0].2.contains("salle B."));
        assert_eq!(
            (got[1].0.as_str(), got[1].1.as_str()),
            ("ben@lyon.fr", "Room change")
        );
        assert!(got[1].2.contains("The workshop is in room B."));
        assert_eq!(got[2].1, "Changement de salle");
        let audit = store::audit::recent(db, 20).await.unwrap();
        assert!(audit
            .iter()
            .any(|a| a.2 == "announce" && a.3 == "forum (3)" && a.1 == "organiser:orga@forum.fr"));
        assert!(audit.iter().any(|a| a.2 == "announce-test"));
    }
}

#[rocket::async_test]
async fn a_test_to_an_api_token_says_it_has_no_address() {
    let c = client_with(Backend::Sqlite, false).await;
    event_with(&c, 10, &[]).await;
    let token = organiser_token(&c).await;
    let page = c
        .get("/admin/events/forum/messages?lang=en")
        .header(common::bearer(&token))
        .dispatch()
        .await
        .into_string()
        .await
        .unwrap();
    let csrf = csrf_of(&page);
    let mut pairs = vec![("csrf", csrf.as_str()), ("action", "test")];
    pairs.extend_from_slice(&MESSAGE);
    let res = c
        .post("/admin/events/forum/messages?lang=en")
        .header(common::bearer(&token))
        .header(ContentType::Form)
        .body(form(&pairs))
        .dispatch()
        .await;
    assert_eq!(res.status(), Status::Conflict);
    let page = res.into_string().await.unwrap();
    assert!(page.contains("signed in with an API token, which has no e-mail address"));
    assert!(page.contains("value=\"Room change\""), "the text is kept");
    assert_eq!(
        store::outbox::pending_count(common::db(&c)).await.unwrap(),
        0
    );
}

#[rocket::async_test]
async fn the_cancellation_page_says_whether_a_paid_ticket_is_refunded() {
    let url = fresh_url(Backend::Sqlite).await;
    let c = client_with_settings(common::settings(&url, false)).await;
    let ids = event_with(&c, 5, &[("Ana Lima", "ana@pessac.fr", "fr")]).await;
    let db = common::db(&c);
    let event = store::events::get(db, "forum").await.unwrap();
    // A payment as Stripe's webhook records it (the refund itself is `stripe.rs`'s test).
    common::raw_sql(
        &url,
        &format!(
            "INSERT INTO payments (registration_id, event_id, checkout_session_id, \
             payment_intent_id, amount_cents, currency, status, created_at, updated_at) \
             VALUES ({}, {}, 'cs_1', 'pi_1', 4500, 'EUR', 'paid', 0, 0)",
            ids[0], event.id
        ),
    )
    .await;
    sign_in_organiser(&c, "orga@forum.fr", None).await;
    let path = format!(
        "/admin/events/forum/registrations/{}/cancel?lang=en",
        ids[0]
    );
    let page = text_of(&c, &path).await;
    assert!(
        page.contains("The ticket was paid: €45.00 is refunded through Stripe."),
        "{page}"
    );
    let terms = store::payments::Terms {
        refund_until: Some(summit::domain::time::now() - 60),
        legal_details: String::new(),
    };
    store::payments::set_terms(db, event.id, &terms)
        .await
        .unwrap();
    let page = text_of(&c, &path).await;
    assert!(page.contains("the refund deadline has passed: nothing is refunded"));
    assert!(!page.contains("is refunded through Stripe"));
}
