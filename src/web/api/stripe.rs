//! `POST /stripe/webhook`: Stripe's events, signature checked, each applied once.

use rocket::data::{Data, ToByteUnit};
use rocket::request::{FromRequest, Outcome, Request};
use rocket::serde::json::Json;
use rocket::{post, routes, Route, State};

use crate::app::{stripe_events, Db};
use crate::domain::time;
use crate::error::{Error, Msg, Result};
use crate::payments::{webhook, Stripe};
use crate::web::api::openapi::doc;
use crate::web::api::views::ReceivedView;

pub fn routes() -> Vec<Route> {
    routes![receive]
}

/// The `Stripe-Signature` header, if any.
pub struct Signature(Option<String>);

#[rocket::async_trait]
impl<'r> FromRequest<'r> for Signature {
    type Error = ();

    async fn from_request(req: &'r Request<'_>) -> Outcome<Self, ()> {
        let header = req
            .headers()
            .get_one("Stripe-Signature")
            .map(str::to_string);
        Outcome::Success(Signature(header))
    }
}

fn bad_signature() -> Error {
    Error::BadRequest(Msg::new("stripe-bad-signature"))
}

#[utoipa::path(
    post,
    path = "/stripe/webhook",
    operation_id = "stripeWebhook",
    tag = "payments",
    summary = "Stripe's events (payments)",
    params(("Stripe-Signature" = String, Header, description = "Checked against STRIPE_WEBHOOK_SECRET.")),
    request_body(content = inline(doc::JsonObject), description = "A Stripe event object.", content_type = "application/json"),
    responses(
        (status = 200, description = "Received.", body = doc::ReceivedView),
        doc::BadRequest, doc::TooLarge,
    ),
    security(()),
)]
#[post("/stripe/webhook", data = "<body>")]
async fn receive(
    db: &State<Db>,
    stripe: &State<Stripe>,
    signature: Signature,
    body: Data<'_>,
) -> Result<Json<ReceivedView>> {
    let Some(secret) = stripe.webhook_secret.as_deref() else {
        return Err(Error::BadRequest(Msg::new("stripe-not-configured")));
    };
    let payload = body
        .open(1.mebibytes())
        .into_bytes()
        .await
        .map_err(|_| bad_signature())?;
    if !payload.is_complete() {
        return Err(Error::TooLarge);
    }
    let now = time::now();
    let header = signature.0.unwrap_or_default();
    if !webhook::verify(&payload, &header, secret, now) {
        return Err(bad_signature());
    }
    let Some((id, kind, effect)) = webhook::read(&payload) else {
        return Err(Error::BadRequest(Msg::new("error-bad-request")));
    };
    stripe_events::apply(db, stripe, &id, &kind, &effect, now).await?;
    Ok(Json(ReceivedView { received: true }))
}
