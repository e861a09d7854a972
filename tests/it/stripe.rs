//! Paid tickets against a fake Stripe on loopback: Checkout, signed webhooks (Stripe's real
//! scheme), hold expiry, refunds by policy, and Stripe failing.

use crate::common;
use crate::common::fake_stripe;

use common::{
    client_with_settings, csrf_of, fresh_url, json_of, organiser_token, send_json, Backend,
};
use fake_stripe::FakeStripe;
use hmac::{Hmac, Mac};
use rocket::http::{ContentType, Header, Method, Status};
use rocket::local::asynchronous::Client;
use serde_json::{json, Value};
use sha2::Sha256;
use summit::payments::Stripe;
use summit::store::{self, outbox, payments};
use summit::Settings;

const SECRET: &str = "whsec_test_summit";

fn now() -> i64 {
    chrono::Utc::now().timestamp()
}

async fn app(backend: Backend, stripe_base: &str) -> (Client, Settings) {
    let url = fresh_url(backend).await;
    let mut s = common::settings(&url, false);
    s.stripe_secret_key = Some("sk_test_summit".into());
    s.stripe_webhook_secret = Some(SECRET.into());
    s.stripe_api_base = stripe_base.to_string();
    (client_with_settings(s.clone()).await, s)
}

/// A published event (with so many in-person places) and a paid ticket; the ticket's id.
async fn paid_event(c: &Client, places: Option<i64>) -> i64 {
    let token = organiser_token(c).await;
    let event = json!({"slug": "paid", "title": "Paid summit", "timezone": "Europe/Paris",
        "starts_at": "2030-06-10T09:00", "ends_at": "2030-06-10T18:00", "format": "in_person",
        "status": "published", "in_person_capacity": places});
    let (s, body) = send_json(c, Method::Post, "/api/v1/events", &token, event).await;
    assert_eq!(s, Status::Created, "{body}");
    let ticket = json!({"name": "Standard", "price_cents": 4500, "currency": "EUR"});
    let (s, t) = send_json(
        c,
        Method::Post,
        "/api/v1/events/paid/tickets",
        &token,
        ticket,
    )
    .await;
    assert_eq!(s, Status::Created, "{t}");
    t["id"].as_i64().unwrap()
}

/// Registers through the API: the 201 body and the attendee's token.
async fn register(c: &Client, email: &str, ticket: i64) -> (Value, String) {
    let body = json!({"name": "Ana Lima", "email": email, "attendance": "in_person",
                      "language": "en", "ticket": ticket});
    common::register_via_api(c, "paid", body).await
}

fn signature(payload: &str, t: i64) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(SECRET.as_bytes()).unwrap();
    mac.update(format!("{t}.{payload}").as_bytes());
    format!("t={t},v1={}", hex::encode(mac.finalize().into_bytes()))
}

fn event(id: &str, kind: &str, object: Value) -> String {
    json!({"id": id, "object": "event", "api_version": "2025-03-31.basil", "created": now(),
           "livemode": false, "type": kind, "data": {"object": object}})
    .to_string()
}

fn completed(id: &str, session: &str, reg: i64) -> String {
    event(
        id,
        "checkout.session.completed",
        json!({"id": session, "object": "checkout.session",
        "client_reference_id": reg.to_string(), "payment_status": "paid", "status": "complete",
        "payment_intent": format!("pi_{session}"), "amount_total": 4500, "currency": "eur"}),
    )
}

async fn deliver(c: &Client, payload: &str, signature: Option<String>) -> (Status, Value) {
    let mut req = c
        .post("/stripe/webhook")
        .header(ContentType::JSON)
        .body(payload);
    if let Some(sig) = signature {
        req = req.header(Header::new("Stripe-Signature", sig));
    }
    let res = req.dispatch().await;
    let status = res.status();
    let text = res.into_string().await.unwrap_or_default();
    (status, serde_json::from_str(&text).unwrap_or(Value::Null))
}

async fn signed(c: &Client, payload: &str) -> Status {
    deliver(c, payload, Some(signature(payload, now()))).await.0
}

async fn status_of(c: &Client, token: &str) -> String {
    let res = c
        .get(format!("/api/v1/registrations/{token}"))
        .dispatch()
        .await;
    json_of(res).await["status"].as_str().unwrap().to_string()
}

async fn kinds(c: &Client, id: i64) -> Vec<String> {
    let db = common::db(c);
    outbox::for_registration(db, id)
        .await
        .unwrap()
        .into_iter()
        .map(|m| m.message_kind.to_string())
        .collect()
}

async fn session_of(c: &Client, id: i64) -> String {
    let p = payments::latest(common::db(c), id)
        .await
        .unwrap()
        .expect("a payment");
    p.checkout_session_id.unwrap()
}

#[rocket::async_test]
async fn a_paid_registration_pays_through_checkout_and_the_webhook_confirms_it() {
    for backend in [Backend::Sqlite, Backend::Postgres] {
        let fake = FakeStripe::start().await;
        let (c, _) = app(backend, &fake.base()).await;
        let ticket = paid_event(&c, None).await;
        let before = now();
        let (body, token) = register(&c, "ana@example.org", ticket).await;
        assert_eq!(body["status"], "pending_payment");
        let id = body["id"].as_i64().unwrap();
        let url = body["checkout_url"]
            .as_str()
            .expect("checkout_url")
            .to_string();
        assert!(
            url.starts_with("https://checkout.stripe.com/c/pay/cs_test_"),
            "{url}"
        );

        let sent = fake.to("POST", "/v1/checkout/sessions");
        assert_eq!(sent.len(), 1);
        let f = &sent[0].form;
        assert_eq!(f["line_items[0][price_data][unit_amount]"], "4500");
        assert_eq!(f["line_items[0][price_data][currency]"], "eur");
        assert_eq!(
            f["line_items[0][price_data][product_data][name]"],
            "Standard"
        );
        assert_eq!(f["client_reference_id"], id.to_string());
        assert_eq!(f["metadata[registration_id]"], id.to_string());
        assert_eq!(f["mode"], "payment");
        assert!(f["success_url"].starts_with("https://summit.test/r/"));
        assert!(f["cancel_url"].starts_with("https://summit.test/r/"));
        let expires: i64 = f["expires_at"].parse().unwrap();
        assert!(
            expires >= before + 30 * 60,
            "Stripe's minimum is 30 minutes"
        );
        assert_eq!(
            sent[0].headers["idempotency-key"],
            format!("summit-checkout-{id}-1")
        );
        assert_eq!(sent[0].headers["authorization"], "Bearer sk_test_summit");

        // The attendee's page offers to pay while the place is held.
        let page = common::text_of(&c, &format!("/r/{token}?lang=en")).await;
        assert!(page.contains("Pay now") && page.contains(&url), "{page}");

        // The return from Checkout alone confirms nothing.
        let back = common::text_of(&c, &format!("/r/{token}?done=paid&lang=en")).await;
        assert!(back.contains("as soon as Stripe confirms"));
        assert_eq!(status_of(&c, &token).await, "pending_payment");

        let session = session_of(&c, id).await;
        let payload = completed("evt_1", &session, id);
        assert_eq!(signed(&c, &payload).await, Status::Ok);
        assert_eq!(status_of(&c, &token).await, "confirmed");
        let p = payments::latest(common::db(&c), id).await.unwrap().unwrap();
        assert_eq!(
            (p.status.as_str(), p.payment_intent_id.as_deref()),
            ("paid", Some(format!("pi_{session}").as_str()))
        );
        assert_eq!(kinds(&c, id).await, ["registered", "paid"]);

        // Stripe delivers again: acknowledged, nothing more happens.
        assert_eq!(signed(&c, &payload).await, Status::Ok);
        assert_eq!(kinds(&c, id).await, ["registered", "paid"]);
        let page = common::text_of(&c, &format!("/r/{token}?lang=en")).await;
        assert!(!page.contains("Pay now"));
        assert!(
            page.contains("Cancelling before"),
            "the refund policy is shown"
        );
    }
}

#[rocket::async_test]
async fn unsigned_tampered_and_replayed_events_are_refused_and_change_nothing() {
    let fake = FakeStripe::start().await;
    let (c, _) = app(Backend::Sqlite, &fake.base()).await;
    let ticket = paid_event(&c, None).await;
    let (body, token) = register(&c, "ana@example.org", ticket).await;
    let id = body["id"].as_i64().unwrap();
    let payload = completed("evt_9", &session_of(&c, id).await, id);

    let (s, err) = deliver(&c, &payload, None).await;
    assert_eq!(s, Status::BadRequest);
    assert_eq!(err["error"]["code"], "bad_request", "{err}");

    let sig = signature(&payload, now());
    let tampered = payload.replace("4500", "1");
    assert_eq!(
        deliver(&c, &tampered, Some(sig)).await.0,
        Status::BadRequest
    );

    let old = signature(&payload, now() - 600);
    assert_eq!(deliver(&c, &payload, Some(old)).await.0, Status::BadRequest);

    let wrong = signature(&payload, now()).replace("v1=", "v1=00");
    assert_eq!(
        deliver(&c, &payload, Some(wrong)).await.0,
        Status::BadRequest
    );

    assert_eq!(status_of(&c, &token).await, "pending_payment");
    assert_eq!(kinds(&c, id).await, ["registered"]);
    // Unknown types are acknowledged.
    let other = event(
        "evt_other",
        "customer.created",
        json!({"id": "cus_1", "object": "customer"}),
    );
    assert_eq!(signed(&c, &other).await, Status::Ok);
}

#[rocket::async_test]
async fn events_out_of_order_never_undo_a_later_state() {
    let fake = FakeStripe::start().await;
    let (c, _) = app(Backend::Sqlite, &fake.base()).await;
    let ticket = paid_event(&c, None).await;
    let (body, token) = register(&c, "ana@example.org", ticket).await;
    let id = body["id"].as_i64().unwrap();
    let session = session_of(&c, id).await;
    assert_eq!(
        signed(&c, &completed("evt_c", &session, id)).await,
        Status::Ok
    );
    let expired = event(
        "evt_e",
        "checkout.session.expired",
        json!({"id": session, "object": "checkout.session", "status": "expired", "payment_status": "unpaid"}),
    );
    assert_eq!(signed(&c, &expired).await, Status::Ok);
    assert_eq!(status_of(&c, &token).await, "confirmed");

    // A refund reported before the payment's completion wins when the completion comes.
    let (body, token) = register(&c, "ben@example.org", ticket).await;
    let id = body["id"].as_i64().unwrap();
    let session = session_of(&c, id).await;
    let refunded = event(
        "evt_r",
        "charge.refunded",
        json!({"id": "ch_1", "object": "charge",
        "payment_intent": format!("pi_{session}"), "refunded": true}),
    );
    assert_eq!(signed(&c, &refunded).await, Status::Ok);
    assert_eq!(
        signed(&c, &completed("evt_c2", &session, id)).await,
        Status::Ok
    );
    assert_ne!(status_of(&c, &token).await, "confirmed");
}

#[rocket::async_test]
async fn a_hold_that_runs_out_frees_the_place_for_the_next_person() {
    let fake = FakeStripe::start().await;
    let (c, settings) = app(Backend::Sqlite, &fake.base()).await;
    let ticket = paid_event(&c, Some(1)).await;
    let (first, first_token) = register(&c, "ana@example.org", ticket).await;
    let (second, second_token) = register(&c, "ben@example.org", ticket).await;
    assert_eq!(second["status"], "waitlisted");
    let session = session_of(&c, first["id"].as_i64().unwrap()).await;

    let db = common::db(&c);
    let stripe = Stripe::from_settings(&settings);
    summit::payments::expire_holds(db, &stripe, now() + 10 * 60)
        .await
        .unwrap();
    assert_eq!(
        status_of(&c, &first_token).await,
        "pending_payment",
        "not yet"
    );
    summit::payments::expire_holds(db, &stripe, now() + 31 * 60)
        .await
        .unwrap();
    assert_eq!(status_of(&c, &first_token).await, "cancelled");
    assert_eq!(
        status_of(&c, &second_token).await,
        "pending_payment",
        "promoted, to pay"
    );
    let expire = format!("/v1/checkout/sessions/{session}/expire");
    assert_eq!(
        fake.to("POST", &expire).len(),
        1,
        "the session is expired at Stripe"
    );
    let first_id = first["id"].as_i64().unwrap();
    assert_eq!(kinds(&c, first_id).await, ["registered", "payment_expired"]);
}

async fn paid_registration(c: &Client, ticket: i64, email: &str) -> (i64, String, String) {
    let (body, token) = register(c, email, ticket).await;
    let id = body["id"].as_i64().unwrap();
    let session = session_of(c, id).await;
    assert_eq!(
        signed(c, &completed(&format!("evt_{email}"), &session, id)).await,
        Status::Ok
    );
    (id, token, format!("pi_{session}"))
}

#[rocket::async_test]
async fn cancelling_refunds_before_the_refund_date_and_not_after() {
    let fake = FakeStripe::start().await;
    let (c, _) = app(Backend::Sqlite, &fake.base()).await;
    let ticket = paid_event(&c, None).await;
    let db = common::db(&c);
    let event = store::events::get(db, "paid").await.unwrap();
    let (id, token, intent) = paid_registration(&c, ticket, "ana@example.org").await;
    let terms = payments::Terms {
        refund_until: Some(now() + 86_400),
        legal_details: String::new(),
    };
    payments::set_terms(db, event.id, &terms).await.unwrap();
    let res = c
        .delete(format!("/api/v1/registrations/{token}"))
        .dispatch()
        .await;
    assert_eq!(res.status(), Status::Ok);
    let refunds = fake.to("POST", "/v1/refunds");
    assert_eq!(refunds.len(), 1);
    assert_eq!(refunds[0].form["payment_intent"], intent);
    assert_eq!(
        payments::latest(db, id).await.unwrap().unwrap().status,
        "refunded"
    );
    assert_eq!(kinds(&c, id).await.last().unwrap(), "refunded");

    let (id, token, _) = paid_registration(&c, ticket, "ben@example.org").await;
    let terms = payments::Terms {
        refund_until: Some(now() - 60),
        legal_details: String::new(),
    };
    payments::set_terms(db, event.id, &terms).await.unwrap();
    let page = common::text_of(&c, &format!("/r/{token}?lang=en")).await;
    assert!(page.contains("gives no refund"), "{page}");
    let res = c
        .delete(format!("/api/v1/registrations/{token}"))
        .dispatch()
        .await;
    assert_eq!(res.status(), Status::Ok);
    assert_eq!(fake.to("POST", "/v1/refunds").len(), 1, "no second refund");
    assert_eq!(status_of(&c, &token).await, "cancelled");
    assert_eq!(kinds(&c, id).await.last().unwrap(), "cancelled");
}

#[rocket::async_test]
async fn a_refund_made_at_stripe_revokes_the_badge() {
    let fake = FakeStripe::start().await;
    let (c, _) = app(Backend::Sqlite, &fake.base()).await;
    let ticket = paid_event(&c, None).await;
    let (id, token, intent) = paid_registration(&c, ticket, "ana@example.org").await;
    let db = common::db(&c);
    let before = store::registrations::get(db, id)
        .await
        .unwrap()
        .badge_version;
    let refunded = event(
        "evt_ref",
        "charge.refunded",
        json!({"id": "ch_1", "object": "charge", "payment_intent": intent, "refunded": true}),
    );
    assert_eq!(signed(&c, &refunded).await, Status::Ok);
    assert_eq!(status_of(&c, &token).await, "cancelled");
    let r = store::registrations::get(db, id).await.unwrap();
    assert!(r.badge_version > before, "old badges answer revoked");
    assert_eq!(
        payments::latest(db, id).await.unwrap().unwrap().status,
        "refunded"
    );
}

#[rocket::async_test]
async fn when_stripe_fails_the_registration_stays_pending_with_a_way_to_try_again() {
    let fake = FakeStripe::start().await;
    fake.fail(true);
    let (c, _) = app(Backend::Sqlite, &fake.base()).await;
    let ticket = paid_event(&c, None).await;
    let (body, token) = register(&c, "ana@example.org", ticket).await;
    assert_eq!(body["status"], "pending_payment");
    assert!(body.get("checkout_url").is_none(), "{body}");
    let page = common::text_of(&c, &format!("/r/{token}?lang=en")).await;
    assert!(page.contains("Open the payment page"), "{page}");

    // The form, with Stripe's port closed: back to the attendee's page with "try again".
    let closed = format!("http://127.0.0.1:{}", common::free_port());
    let (c2, _) = app(Backend::Sqlite, &closed).await;
    let ticket = paid_event(&c2, None).await;
    let form = common::text_of(&c2, "/events/paid/register").await;
    let res = c2
        .post("/events/paid/register")
        .header(ContentType::Form)
        .body(format!("csrf={}&name=Ben&email=ben%40example.org&attendance=in_person&language=en&ticket={ticket}&consent=on", csrf_of(&form)))
        .dispatch()
        .await;
    assert_eq!(res.status(), Status::SeeOther);
    let to = res.headers().get_one("Location").unwrap().to_string();
    assert!(
        to.starts_with("/r/") && to.ends_with("?done=pay-failed"),
        "{to}"
    );
    let page = common::text_of(&c2, &format!("{to}&lang=en")).await;
    assert!(
        page.contains("could not be opened") && page.contains("Try again"),
        "{page}"
    );
    let token2 = to
        .trim_start_matches("/r/")
        .split('?')
        .next()
        .unwrap()
        .to_string();
    assert_eq!(status_of(&c2, &token2).await, "pending_payment");

    // Stripe is back: "try again" opens the page.
    fake.fail(false);
    let page = common::text_of(&c, &format!("/r/{token}")).await;
    let res = c
        .post(format!("/r/{token}/pay"))
        .header(ContentType::Form)
        .body(format!("csrf={}", csrf_of(&page)))
        .dispatch()
        .await;
    assert_eq!(res.status(), Status::SeeOther);
    let to = res.headers().get_one("Location").unwrap();
    assert!(to.starts_with("https://checkout.stripe.com/"), "{to}");
}

#[rocket::async_test]
async fn a_double_click_reuses_the_open_checkout_session() {
    let fake = FakeStripe::start().await;
    let (c, _) = app(Backend::Sqlite, &fake.base()).await;
    let ticket = paid_event(&c, None).await;
    let form = common::text_of(&c, "/events/paid/register").await;
    let body = format!("csrf={}&name=Ana&email=ana%40example.org&attendance=in_person&language=en&ticket={ticket}&consent=on", csrf_of(&form));
    let first = c
        .post("/events/paid/register")
        .header(ContentType::Form)
        .body(&body)
        .dispatch()
        .await;
    assert_eq!(first.status(), Status::SeeOther);
    let url = first.headers().get_one("Location").unwrap().to_string();
    assert!(
        url.starts_with("https://checkout.stripe.com/c/pay/cs_test_"),
        "{url}"
    );
    // The same form again: the neutral answer, no second session.
    let again = c
        .post("/events/paid/register")
        .header(ContentType::Form)
        .body(&body)
        .dispatch()
        .await;
    assert_eq!(
        again.headers().get_one("Location"),
        Some("/events/paid/register/done")
    );
    assert_eq!(fake.to("POST", "/v1/checkout/sessions").len(), 1);

    // "Pay now" twice from the attendee's page: the same session.
    let (_, token) = register(&c, "ben@example.org", ticket).await;
    let page = common::text_of(&c, &format!("/r/{token}")).await;
    let mut seen = vec![];
    for _ in 0..2 {
        let res = c
            .post(format!("/r/{token}/pay"))
            .header(ContentType::Form)
            .body(format!("csrf={}", csrf_of(&page)))
            .dispatch()
            .await;
        seen.push(res.headers().get_one("Location").unwrap().to_string());
    }
    assert_eq!(seen[0], seen[1]);
    assert_eq!(
        fake.to("POST", "/v1/checkout/sessions").len(),
        2,
        "one per registration"
    );
}

/// A virtual event under way now, with its own stream, and a paid online ticket.
async fn paid_webinar(c: &Client) -> i64 {
    let token = organiser_token(c).await;
    let local = |minutes: i64| {
        let t = chrono::Utc::now().with_timezone(&chrono_tz::Europe::Paris)
            + chrono::Duration::minutes(minutes);
        t.format("%Y-%m-%dT%H:%M").to_string()
    };
    let event = json!({"slug": "paid", "title": "Paid webinar", "timezone": "Europe/Paris",
        "starts_at": local(-5), "ends_at": local(55), "format": "virtual", "status": "published",
        "online_capacity": 100, "registration_closes_at": local(50),
        "stream_url": "https://stream.example.org/paid-room"});
    let (s, body) = send_json(c, Method::Post, "/api/v1/events", &token, event).await;
    assert_eq!(s, Status::Created, "{body}");
    let ticket = json!({"name": "Online", "price_cents": 1500, "currency": "EUR",
        "attendance": "online"});
    let (s, t) = send_json(
        c,
        Method::Post,
        "/api/v1/events/paid/tickets",
        &token,
        ticket,
    )
    .await;
    assert_eq!(s, Status::Created, "{t}");
    t["id"].as_i64().unwrap()
}

#[rocket::async_test]
async fn an_unpaid_registration_gets_no_stream_until_it_is_paid() {
    for backend in [Backend::Sqlite, Backend::Postgres] {
        let fake = FakeStripe::start().await;
        let (c, _) = app(backend, &fake.base()).await;
        let ticket = paid_webinar(&c).await;
        let res = c
            .post("/api/v1/events/paid/registrations")
            .header(ContentType::JSON)
            .body(
                json!({"name": "Ana Lima", "email": "ana@example.org", "attendance": "online",
                         "language": "en", "ticket": ticket})
                .to_string(),
            )
            .dispatch()
            .await;
        assert_eq!(res.status(), Status::Created);
        let body = json_of(res).await;
        assert_eq!(body["status"], "pending_payment", "{backend:?}");
        let id = body["id"].as_i64().unwrap();
        let token = body["manage_url"]
            .as_str()
            .unwrap()
            .rsplit('/')
            .next()
            .unwrap()
            .to_string();

        // Inside the join window, but not paid: a page that says to pay, no redirect.
        let join = c.get(format!("/r/{token}/join/0?lang=en")).dispatch().await;
        assert_eq!(join.status(), Status::Forbidden, "{backend:?}");
        assert!(join.headers().get_one("Location").is_none());
        let page = join.into_string().await.unwrap();
        assert!(page.contains("once payment is confirmed"), "{page}");
        assert!(!page.contains("paid-room"));
        let ics = common::text_of(&c, &format!("/r/{token}/calendar.ics")).await;
        assert!(!ics.contains("/join/"), "no join link before paying: {ics}");
        let event = summit::store::events::get(common::db(&c), "paid")
            .await
            .unwrap();
        let joins = summit::store::joins::counts(common::db(&c), event.id)
            .await
            .unwrap();
        assert!(joins.is_empty(), "no online attendance recorded: {joins:?}");

        // Paid: the same link now leads to the stream, and the calendar carries it.
        let session = session_of(&c, id).await;
        assert_eq!(
            signed(&c, &completed("evt_paid", &session, id)).await,
            Status::Ok
        );
        assert_eq!(status_of(&c, &token).await, "confirmed");
        let join = c.get(format!("/r/{token}/join/0")).dispatch().await;
        assert_eq!(join.status(), Status::SeeOther, "{backend:?}");
        assert_eq!(
            join.headers().get_one("Location"),
            Some("https://stream.example.org/paid-room")
        );
        let ics = common::text_of(&c, &format!("/r/{token}/calendar.ics")).await;
        assert!(
            ics.replace("\r\n ", "")
                .contains(&format!("/r/{token}/join/0")),
            "{ics}"
        );
    }
}
