//! What organisers and attendees see of payments, against the fake Stripe: payment status and
//! money in the organisers' list, CSV and API; receipts; the refund date and legal details
//! set through the event form and the API; the length of a payment hold.

use crate::common;
use crate::common::fake_stripe;

use common::{client_with_settings, fresh_url, json_of, organiser_token, send_json, Backend};
use fake_stripe::FakeStripe;
use hmac::{Hmac, Mac};
use rocket::http::{ContentType, Header, Method, Status};
use rocket::local::asynchronous::Client;
use serde_json::json;
use sha2::Sha256;
use summit::store::payments;
use summit::Settings;

const SECRET: &str = "whsec_test_summit";

fn now() -> i64 {
    chrono::Utc::now().timestamp()
}

async fn app_with(backend: Backend, stripe_base: &str, tune: impl FnOnce(&mut Settings)) -> Client {
    let url = fresh_url(backend).await;
    let mut s = common::settings(&url, false);
    s.stripe_secret_key = Some("sk_test_summit".into());
    s.stripe_webhook_secret = Some(SECRET.into());
    s.stripe_api_base = stripe_base.to_string();
    tune(&mut s);
    client_with_settings(s).await
}

/// A published event `slug` with a paid ticket (45 EUR); the ticket's id.
async fn paid_event(c: &Client, slug: &str) -> i64 {
    let token = organiser_token(c).await;
    let event = json!({"slug": slug, "title": "Paid summit", "timezone": "Europe/Paris",
        "starts_at": "2030-06-10T09:00", "ends_at": "2030-06-10T18:00", "format": "in_person",
        "status": "published"});
    let (s, body) = send_json(c, Method::Post, "/api/v1/events", &token, event).await;
    assert_eq!(s, Status::Created, "{body}");
    let ticket = json!({"name": "Standard", "price_cents": 4500, "currency": "EUR"});
    let path = format!("/api/v1/events/{slug}/tickets");
    let (s, t) = send_json(c, Method::Post, &path, &token, ticket).await;
    assert_eq!(s, Status::Created, "{t}");
    t["id"].as_i64().unwrap()
}

/// Registers through the API: the registration's id and the attendee's token.
async fn register(c: &Client, slug: &str, name: &str, email: &str, ticket: i64) -> (i64, String) {
    let body = json!({"name": name, "email": email, "attendance": "in_person", "language": "en",
                      "ticket": ticket, "organisation": "Ville de Lyon"});
    let (body, token) = common::register_via_api(c, slug, body).await;
    (body["id"].as_i64().unwrap(), token)
}

fn signature(payload: &str, t: i64) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(SECRET.as_bytes()).unwrap();
    mac.update(format!("{t}.{payload}").as_bytes());
    format!("t={t},v1={}", hex::encode(mac.finalize().into_bytes()))
}

/// Stripe tells Summit (signed) that the registration's Checkout Session was paid.
async fn pay(c: &Client, id: i64) -> String {
    let p = payments::latest(common::db(c), id).await.unwrap().unwrap();
    let session = p.checkout_session_id.unwrap();
    let payload = json!({"id": format!("evt_{id}"), "object": "event",
        "api_version": "2025-03-31.basil", "created": now(), "livemode": false,
        "type": "checkout.session.completed", "data": {"object": {"id": session,
        "object": "checkout.session", "client_reference_id": id.to_string(),
        "payment_status": "paid", "status": "complete", "payment_intent": format!("pi_{session}"),
        "amount_total": 4500, "currency": "eur"}}})
    .to_string();
    let res = c
        .post("/stripe/webhook")
        .header(ContentType::JSON)
        .header(Header::new("Stripe-Signature", signature(&payload, now())))
        .body(payload)
        .dispatch()
        .await;
    assert_eq!(res.status(), Status::Ok);
    format!("pi_{session}")
}

async fn get(c: &Client, path: &str) -> (Status, String) {
    let res = c.get(path.to_string()).dispatch().await;
    (res.status(), res.into_string().await.unwrap_or_default())
}

/// The organisers' list's row of `name`.
fn row_of<'a>(page: &'a str, name: &str) -> &'a str {
    let at = page.find(&format!("<th scope=\"row\">{name}")).expect(name);
    &page[at..at + page[at..].find("</tr>").unwrap()]
}

#[rocket::async_test]
async fn organisers_see_who_paid_how_much_in_the_list_the_csv_and_the_api() {
    for backend in [Backend::Sqlite, Backend::Postgres] {
        let fake = FakeStripe::start().await;
        let c = app_with(backend, &fake.base(), |_| {}).await;
        let ticket = paid_event(&c, "paid").await;
        let (ana, _) = register(&c, "paid", "Ana Lima", "ana@example.org", ticket).await;
        register(&c, "paid", "Ben Okafor", "ben@example.org", ticket).await;
        pay(&c, ana).await;
        common::sign_in_organiser(&c, "org@example.org", None).await;

        let (s, page) = get(&c, "/admin/events/paid/registrations?lang=en").await;
        assert_eq!(s, Status::Ok);
        let row = row_of(&page, "Ana Lima");
        assert!(row.contains("Paid · €45.00"), "{row}");
        assert!(
            row.contains(&format!("/registrations/{ana}/receipt")),
            "{row}"
        );
        let row = row_of(&page, "Ben Okafor");
        assert!(row.contains("Waiting for payment · €45.00"), "{row}");
        assert!(!row.contains("/receipt"), "{row}");
        // Totals per ticket type: one paid, 45 € collected, nothing refunded.
        let row = row_of(&page, "Standard");
        assert!(
            row.contains("<td>1</td><td>€45.00</td><td>€0.00</td>"),
            "{row}"
        );

        let (s, csv) = get(&c, "/admin/events/paid/registrations.csv?lang=en").await;
        assert_eq!(s, Status::Ok);
        let mut lines = csv.lines();
        let header: Vec<&str> = lines.next().unwrap().split(',').collect();
        let col = |k: &str| header.iter().position(|h| *h == k).expect(k);
        let ana_line = lines.clone().find(|l| l.contains("Ana Lima")).unwrap();
        let cells: Vec<&str> = ana_line.split(',').collect();
        assert_eq!(cells[col("payment_status")], "paid");
        assert_eq!(cells[col("amount")], "€45.00");
        let ben_line = lines.find(|l| l.contains("Ben Okafor")).unwrap();
        let cells: Vec<&str> = ben_line.split(',').collect();
        assert_eq!(cells[col("payment_status")], "open");

        let token = organiser_token(&c).await;
        let res = c
            .get("/api/v1/events/paid/registrations")
            .header(common::bearer(&token))
            .dispatch()
            .await;
        let body = json_of(res).await;
        let rows = body["registrations"].as_array().unwrap();
        let a = rows.iter().find(|r| r["name"] == "Ana Lima").unwrap();
        assert_eq!(
            (&a["payment_status"], &a["amount_cents"]),
            (&json!("paid"), &json!(4500))
        );
        let t = &body["counts"]["tickets"][0];
        assert_eq!(
            (&t["paid"], &t["collected_cents"]),
            (&json!(1), &json!(4500))
        );
        assert_eq!(t["refunded_cents"], json!(0));
    }
}

#[rocket::async_test]
async fn the_refund_date_and_legal_details_are_set_through_the_form_and_the_api() {
    let fake = FakeStripe::start().await;
    let c = app_with(Backend::Sqlite, &fake.base(), |_| {}).await;
    let ticket = paid_event(&c, "paid").await;
    let (id, token) = register(&c, "paid", "Ana Lima", "ana@example.org", ticket).await;
    pay(&c, id).await;
    common::sign_in_organiser(&c, "org@example.org", None).await;

    let (_, form) = get(&c, "/admin/events/paid/settings?lang=en").await;
    assert!(form.contains("Refunds until") && form.contains("Organiser’s legal details"));
    let (_, form_fr) = get(&c, "/admin/events/paid/settings?lang=fr").await;
    assert!(form_fr.contains("Remboursement jusqu’au") && form_fr.contains("Mentions légales"));
    let csrf = common::csrf_of(&form);
    let res = c
        .post("/admin/events/paid")
        .header(ContentType::Form)
        .body(format!(
            "csrf={csrf}&refund_until=2030-06-01T12:00&legal_details=Summit+SAS%2C+SIRET+123"
        ))
        .dispatch()
        .await;
    assert_eq!(res.status(), Status::SeeOther);
    let (_, form) = get(&c, "/admin/events/paid/settings?lang=en").await;
    assert!(
        form.contains("value=\"2030-06-01T12:00\""),
        "the form shows it again"
    );
    assert!(form.contains("Summit SAS, SIRET 123"));
    let (_, page) = get(&c, &format!("/r/{token}?lang=en")).await;
    assert!(
        page.contains("Cancelling before") && page.contains("2030"),
        "{page}"
    );
    assert!(
        page.contains("12:00"),
        "the organiser's date, in the event's zone"
    );

    // Past the end of the event: refused by field, nothing changed.
    let api = organiser_token(&c).await;
    let late = json!({"refund_until": "2030-07-01T00:00"});
    let (s, err) = send_json(&c, Method::Patch, "/api/v1/events/paid", &api, late).await;
    assert_eq!(s, Status::UnprocessableEntity, "{err}");
    assert!(err.to_string().contains("refund_until"), "{err}");
    let bad = json!({"refund_until": "tomorrow"});
    let (s, _) = send_json(&c, Method::Patch, "/api/v1/events/paid", &api, bad).await;
    assert_eq!(s, Status::UnprocessableEntity);

    let past = json!({"refund_until": "2020-01-01T00:00", "legal_details": "Summit SAS"});
    let (s, body) = send_json(&c, Method::Patch, "/api/v1/events/paid", &api, past).await;
    assert_eq!(s, Status::Ok, "{body}");
    assert_eq!(body["refund_until"], "2020-01-01T00:00:00+01:00");
    assert_eq!(body["legal_details"], "Summit SAS");
    let (_, page) = get(&c, &format!("/r/{token}?lang=en")).await;
    assert!(page.contains("gives no refund"), "{page}");
    let res = c
        .delete(format!("/api/v1/registrations/{token}"))
        .dispatch()
        .await;
    assert_eq!(res.status(), Status::Ok);
    assert!(
        fake.to("POST", "/v1/refunds").is_empty(),
        "no refund after the date"
    );
}

#[rocket::async_test]
async fn a_paid_registration_has_a_receipt_with_the_legal_details_and_others_do_not() {
    for backend in [Backend::Sqlite, Backend::Postgres] {
        let fake = FakeStripe::start().await;
        let c = app_with(backend, &fake.base(), |_| {}).await;
        let ticket = paid_event(&c, "paid").await;
        let other_ticket = paid_event(&c, "other").await;
        let api = organiser_token(&c).await;
        let terms =
            json!({"legal_details": "Summit SAS\n1 rue de la Paix, Paris\nSIRET 123 456 789"});
        let (s, _) = send_json(&c, Method::Patch, "/api/v1/events/paid", &api, terms).await;
        assert_eq!(s, Status::Ok);
        let (ana, ana_token) = register(&c, "paid", "Ana Lima", "ana@example.org", ticket).await;
        let (ben, ben_token) = register(&c, "paid", "Ben Okafor", "ben@example.org", ticket).await;
        let (cyd, _) = register(&c, "other", "Cyd Moreau", "cyd@example.org", other_ticket).await;
        let intent = pay(&c, ana).await;
        pay(&c, cyd).await;

        // The attendee's receipt, linked from their page.
        let (_, page) = get(&c, &format!("/r/{ana_token}?lang=en")).await;
        assert!(page.contains(&format!("/r/{ana_token}/receipt")), "{page}");
        let (s, receipt) = get(&c, &format!("/r/{ana_token}/receipt?lang=en")).await;
        assert_eq!(s, Status::Ok);
        for shown in [
            "Receipt",
            "Summit SAS",
            "SIRET 123 456 789",
            "€45.00 (EUR)",
            &intent,
            "Ana Lima",
            "Ville de Lyon",
            "Paid summit",
            "Standard",
            "Paid on",
        ] {
            assert!(receipt.contains(shown), "{shown} in {receipt}");
        }
        let (_, recu) = get(&c, &format!("/r/{ana_token}/receipt?lang=fr")).await;
        assert!(
            recu.contains("Reçu") && recu.contains("45,00\u{a0}€"),
            "{recu}"
        );

        // Cancelled before the event: refunded, and the receipt says so.
        let res = c
            .delete(format!("/api/v1/registrations/{ana_token}"))
            .dispatch()
            .await;
        assert_eq!(res.status(), Status::Ok);
        let (s, receipt) = get(&c, &format!("/r/{ana_token}/receipt?lang=en")).await;
        assert_eq!(s, Status::Ok);
        assert!(receipt.contains("Refunded in full on"), "{receipt}");

        // Not paid: no receipt, no link.
        let (_, page) = get(&c, &format!("/r/{ben_token}?lang=en")).await;
        assert!(!page.contains("/receipt"));
        let (s, _) = get(&c, &format!("/r/{ben_token}/receipt")).await;
        assert_eq!(s, Status::NotFound);
        let (s, _) = get(&c, "/r/not-a-token/receipt").await;
        assert_eq!(s, Status::NotFound);

        // The organiser's copy; not for an unpaid one, nor through another event.
        common::sign_in_organiser(&c, "org@example.org", None).await;
        let (s, copy) = get(
            &c,
            &format!("/admin/events/paid/registrations/{ana}/receipt"),
        )
        .await;
        assert_eq!(s, Status::Ok);
        assert!(copy.contains("SIRET 123 456 789") && copy.contains(&intent));
        let path = format!("/admin/events/paid/registrations/{ben}/receipt");
        assert_eq!(get(&c, &path).await.0, Status::NotFound);
        let path = format!("/admin/events/other/registrations/{ana}/receipt");
        assert_eq!(get(&c, &path).await.0, Status::NotFound);
        let path = format!("/admin/events/paid/registrations/{cyd}/receipt");
        assert_eq!(get(&c, &path).await.0, Status::NotFound);

        // An organiser of the other event only: 404 for this event's receipts.
        let db = common::db(&c);
        let other = summit::store::events::get(db, "other").await.unwrap();
        common::sign_in_organiser(&c, "other@example.org", Some(other.id)).await;
        let path = format!("/admin/events/other/registrations/{cyd}/receipt");
        assert_eq!(get(&c, &path).await.0, Status::Ok, "their own event's");
        let path = format!("/admin/events/paid/registrations/{ana}/receipt");
        assert_eq!(get(&c, &path).await.0, Status::NotFound);
    }
}

async fn status_of(c: &Client, token: &str) -> String {
    let res = c
        .get(format!("/api/v1/registrations/{token}"))
        .dispatch()
        .await;
    json_of(res).await["status"].as_str().unwrap().to_string()
}

/// The hold of a new paid registration with `payment_hold_minutes` at `minutes`: how long
/// after registering it runs out, and how long the Checkout Session lives.
async fn hold_with(minutes: i64) -> (i64, i64, Client, String) {
    let fake = FakeStripe::start().await;
    let c = app_with(Backend::Sqlite, &fake.base(), |s| {
        s.payment_hold_minutes = minutes
    })
    .await;
    let ticket = paid_event(&c, "paid").await;
    let before = now();
    let (id, token) = register(&c, "paid", "Ana Lima", "ana@example.org", ticket).await;
    let r = summit::store::registrations::get(common::db(&c), id)
        .await
        .unwrap();
    let sent = fake.to("POST", "/v1/checkout/sessions");
    let expires: i64 = sent[0].form["expires_at"].parse().unwrap();
    (
        r.hold_expires_at.unwrap() - before,
        expires - before,
        c,
        token,
    )
}

#[rocket::async_test]
async fn the_payment_hold_lasts_as_the_setting_says_and_never_under_thirty_minutes() {
    let (hold, session, c, token) = hold_with(45).await;
    assert!((45 * 60..45 * 60 + 5).contains(&hold), "{hold}");
    assert!((45 * 60..45 * 60 + 5).contains(&session), "{session}");
    // The place is still held after 31 minutes, and released after 45.
    let db = common::db(&c);
    let stripe = c.rocket().state::<summit::payments::Stripe>().unwrap();
    summit::payments::expire_holds(db, stripe, now() + 31 * 60)
        .await
        .unwrap();
    assert_eq!(status_of(&c, &token).await, "pending_payment");
    summit::payments::expire_holds(db, stripe, now() + 46 * 60)
        .await
        .unwrap();
    assert_eq!(status_of(&c, &token).await, "cancelled");

    let (hold, _, _, _) = hold_with(10).await;
    assert!(
        (30 * 60..30 * 60 + 5).contains(&hold),
        "raised to Stripe's 30: {hold}"
    );
}
