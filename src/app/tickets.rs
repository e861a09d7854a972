//! An event's ticket types: add, change, stop or resume selling, remove. A quota is never
//! lowered below the places already held, and a ticket someone registered with is never
//! deleted (the organiser stops selling it instead).

use crate::auth::Staff;
use crate::domain::problem::Msg;
use crate::domain::validate::{Checker, Input};
use crate::domain::{time, Attendance, Format};
use crate::error::Result;
use crate::store::events::Event;
use crate::store::tickets::TicketDraft;
pub use crate::store::tickets::TicketType;
use crate::store::{self, audit, Db};

pub async fn list(db: &Db, event: &Event) -> Result<Vec<TicketType>> {
    Ok(store::tickets::list(db, event.id).await?)
}

pub async fn get(db: &Db, event: &Event, id: i64) -> Result<TicketType> {
    Ok(store::tickets::get(db, event.id, id).await?)
}

/// Registrations made with this ticket type, cancelled ones included.
pub async fn holders(db: &Db, ticket: &TicketType) -> Result<i64> {
    Ok(store::tickets::holders(db, ticket.id).await?)
}

/// Places held per ticket type (confirmed, or waiting for their payment).
pub async fn held(db: &Db, event: &Event) -> Result<std::collections::HashMap<i64, i64>> {
    let counts = store::roster::counts(db, event.id).await?;
    Ok(store::roster::Count::taken(&counts).by_ticket)
}

/// The stored ticket type as input (times in the event's zone), for the edit form and PATCH.
pub fn ticket_input(event: &Event, t: &TicketType) -> Input {
    let tz = event.tz();
    let local = |ts: Option<i64>| ts.map(|t| time::local_input(t, tz)).unwrap_or_default();
    Input::from_pairs([
        ("name", t.name.clone()),
        ("name_en", t.name_en.clone()),
        ("price_cents", t.price_cents.to_string()),
        ("currency", t.currency.clone()),
        ("quota", t.quota.map(|q| q.to_string()).unwrap_or_default()),
        ("attendance", t.attendance.clone().unwrap_or_default()),
        ("sales_start", local(t.sales_start)),
        ("sales_end", local(t.sales_end)),
        ("position", t.position.to_string()),
    ])
}

/// A ticket type's fields against the event. `name_fr` is accepted for `name`; a paid price
/// needs the Stripe settings.
fn validate(event: &Event, input: &Input, stripe_configured: bool) -> Result<TicketDraft> {
    let mut c = Checker::default();
    let name = match input.get("name_fr") {
        Some(_) => c.required(input, "name_fr", 120),
        None => c.required(input, "name", 120),
    };
    let name_en = c.optional(input, "name_en", 120).unwrap_or_default();
    let price_cents = match input.get("price") {
        // The admin form's price, in the currency's units ("25", "25,50", "25.50").
        Some(text) => price_cents_of(text).unwrap_or_else(|| {
            c.fail("price", Msg::new("field-price"));
            0
        }),
        None => c.count(input, "price_cents").unwrap_or(0),
    };
    let currency = input.get("currency").unwrap_or("EUR").to_uppercase();
    if currency.len() != 3 || !currency.bytes().all(|b| b.is_ascii_uppercase()) {
        c.fail("currency", Msg::new("field-currency"));
    }
    let quota = c.count(input, "quota");
    let attendance = c.choice(input, "attendance", Attendance::parse);
    if let Some(mode) = attendance {
        let offered = match mode {
            Attendance::InPerson => event.format != Format::Virtual,
            Attendance::Online => event.format != Format::InPerson,
        };
        if !offered {
            c.fail("attendance", Msg::new("field-attendance-event"));
        }
    }
    let tz = event.tz();
    let sales_start = c.instant(input, "sales_start", tz);
    let sales_end = c.instant(input, "sales_end", tz);
    if let (Some(s), Some(e)) = (sales_start, sales_end) {
        if e <= s {
            c.fail("sales_end", Msg::new("field-ends-before-start"));
        }
    }
    if price_cents > 0 && !stripe_configured {
        let field = if input.has("price") {
            "price"
        } else {
            "price_cents"
        };
        c.fail(field, Msg::new("field-paid-needs-stripe"));
    }
    let position = c.count(input, "position");
    c.finish()?;
    Ok(TicketDraft {
        name,
        name_en,
        price_cents,
        currency,
        quota,
        attendance: attendance.map(|a| a.as_str().to_string()),
        sales_start,
        sales_end,
        position,
    })
}

/// "25", "25,5", "25.50" → 2550 cents; `None` for anything else (negative, three decimals).
pub fn price_cents_of(text: &str) -> Option<i64> {
    let text = text.trim().replace(',', ".");
    let (units, cents) = text.split_once('.').unwrap_or((&text, ""));
    if units.is_empty()
        || cents.len() > 2
        || !(units.bytes().chain(cents.bytes())).all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let units: i64 = units.parse().ok().filter(|u| *u <= 1_000_000)?;
    let cents: i64 = format!("{cents:0<2}").parse().ok()?;
    Some(units * 100 + cents)
}

pub async fn add(
    db: &Db,
    who: &Staff,
    event: &Event,
    input: &Input,
    stripe_configured: bool,
) -> Result<TicketType> {
    let draft = validate(event, input, stripe_configured)?;
    let ticket = store::tickets::create(db, event.id, &draft).await?;
    audit::record(db, &who.actor(), "add-ticket", &subject(event, ticket.id)).await?;
    Ok(ticket)
}

/// Changes a ticket type. `on_sale` (true/false) resumes or stops its sales now; a paid
/// price kept as it was needs no Stripe settings (only a new paid price does).
pub async fn change(
    db: &Db,
    who: &Staff,
    event: &Event,
    id: i64,
    mut patch: Input,
    stripe_configured: bool,
) -> Result<TicketType> {
    let ticket = get(db, event, id).await?;
    let mut c = Checker::default();
    let on_sale = patch.has("on_sale").then(|| c.flag(&patch, "on_sale"));
    c.finish()?;
    patch.values.remove("on_sale");
    let same_price = patch
        .get("price_cents")
        .is_none_or(|p| p == ticket.price_cents.to_string());
    let mut draft = validate(
        event,
        &ticket_input(event, &ticket).overlay(patch),
        stripe_configured || same_price,
    )?;
    let now = time::now();
    match on_sale {
        Some(false) if ticket.on_sale(now) => draft.sales_end = Some(now),
        Some(true) if !ticket.on_sale(now) => {
            draft.sales_end = None;
            draft.sales_start = draft.sales_start.filter(|s| *s <= now);
        }
        _ => {}
    }
    let ticket = store::tickets::update(db, event.id, id, &draft).await?;
    audit::record(db, &who.actor(), "change-ticket", &subject(event, id)).await?;
    Ok(ticket)
}

pub async fn remove(db: &Db, who: &Staff, event: &Event, id: i64) -> Result<()> {
    get(db, event, id).await?;
    store::tickets::remove(db, event.id, id).await?;
    audit::record(db, &who.actor(), "remove-ticket", &subject(event, id)).await?;
    Ok(())
}

fn subject(event: &Event, id: i64) -> String {
    format!("{}/tickets/{id}", event.slug)
}

#[cfg(test)]
mod tests {
    use super::price_cents_of;

    #[test]
    fn prices_as_people_type_them() {
        assert_eq!(price_cents_of("25"), Some(2500));
        assert_eq!(price_cents_of("25,5"), Some(2550));
        assert_eq!(price_cents_of(" 25.05 "), Some(2505));
        assert_eq!(price_cents_of("0"), Some(0));
        assert_eq!(price_cents_of("-3"), None);
        assert_eq!(price_cents_of("2.505"), None);
        assert_eq!(price_cents_of("vingt"), None);
        assert_eq!(price_cents_of(".5"), None);
    }
}
