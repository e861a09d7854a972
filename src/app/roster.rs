//! The organisers' view of who is registered: rows for the page, the CSV export and the API,
//! and the counts per mode, ticket and workshop.

use std::collections::HashMap;

use serde_json::{json, Value};

use crate::app::agenda::Agenda;
use crate::domain::{spreadsheet, time, Attendance, RegistrationStatus};
use crate::error::Result;
use crate::i18n::{amount, money, Lang};
use crate::store::events::Event;
use crate::store::payments::{Payment, OPEN, PAID, REFUNDED, REFUND_FAILED};
use crate::store::receipts::{self, Total};
use crate::store::registrations::Registration;
use crate::store::roster::{self, Filter, SessionFill};
use crate::store::tickets::TicketType;
use crate::store::{self, Db};

pub struct Roster {
    pub agenda: Agenda,
    pub rows: Vec<Registration>,
    pub tickets: Vec<TicketType>,
    pub signups: HashMap<i64, Vec<(i64, String)>>,
    pub positions: HashMap<i64, i64>,
    pub counts: Vec<roster::Count>,
    pub fill: HashMap<i64, SessionFill>,
    /// The newest payment of each registration.
    pub payments: HashMap<i64, Payment>,
    pub totals: Vec<Total>,
}

impl Roster {
    pub async fn load(db: &Db, event: Event, filter: &Filter) -> Result<Roster> {
        let id = event.id;
        let (agenda, rows, tickets, all_signups, positions, counts, fill, payments, totals) = tokio::try_join!(
            Agenda::load(db, event),
            roster::list(db, id, filter),
            store::tickets::list(db, id),
            roster::signups_of_event(db, id),
            roster::positions(db, id),
            roster::counts(db, id),
            roster::session_fill(db, id),
            receipts::latest_of_event(db, id),
            receipts::totals(db, id),
        )?;
        let mut signups: HashMap<i64, Vec<(i64, String)>> = HashMap::new();
        for (registration, session, status) in all_signups {
            signups
                .entry(registration)
                .or_default()
                .push((session, status));
        }
        Ok(Roster {
            agenda,
            rows,
            tickets,
            signups,
            positions,
            counts,
            fill,
            payments,
            totals,
        })
    }

    /// A registration's payment state (`paid`, `open`, `refunded`, `refund_failed`, or
    /// `None` when nothing is paid or waiting), its label and the amount.
    fn payment(&self, r: &Registration, lang: Lang) -> (Option<&str>, String, String) {
        let Some(p) = self.payments.get(&r.id) else {
            return (None, String::new(), String::new());
        };
        let label = match p.status.as_str() {
            PAID => lang.t("pay-status-paid"),
            OPEN if r.status == RegistrationStatus::PendingPayment => lang.t("pay-status-open"),
            REFUNDED => lang.t("pay-status-refunded"),
            REFUND_FAILED => lang.t("pay-status-refund_failed"),
            _ => return (None, String::new(), String::new()),
        };
        let amount = money(p.amount_cents, &p.currency, lang);
        (Some(p.status.as_str()), label, amount)
    }

    fn ticket_name(&self, id: Option<i64>) -> String {
        id.and_then(|id| self.tickets.iter().find(|t| t.id == id))
            .map(|t| t.name.clone())
            .unwrap_or_default()
    }

    fn session_titles(&self, r: &Registration, lang: Lang) -> Vec<String> {
        self.signups
            .get(&r.id)
            .map(|list| {
                list.iter()
                    .filter_map(|(id, status)| {
                        let s = self.agenda.session(*id)?;
                        let title = lang.pick(&s.title_fr, &s.title_en);
                        Some(match status.as_str() {
                            "confirmed" => title.to_string(),
                            _ => format!("{title} ({})", lang.t("signup-waitlisted")),
                        })
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    pub fn row_json(&self, r: &Registration, lang: Lang) -> Value {
        let tz = self.agenda.event.tz();
        let pay = self.payment(r, lang);
        json!({
            "id": r.id,
            "name": r.name,
            "email": r.email,
            "organisation": r.organisation,
            "role": r.role_title,
            "badge_role": r.badge_role,
            "badge_role_label": crate::i18n::badge_role_label(&r.badge_role, lang),
            "attendance": r.attendance,
            "attendance_label": lang.t(&format!("attendance-{}", r.attendance.as_str())),
            "language": r.language,
            "ticket": self.ticket_name(r.ticket_type_id),
            "status": r.status,
            "status_label": lang.t(&format!("reg-status-{}", r.status.as_str())),
            "waitlist_position": self.positions.get(&r.id),
            "sessions": self.session_titles(r, lang),
            "accessibility_needs": r.accessibility_needs,
            "registered_at": time::to_rfc3339(r.created_at, tz),
            "pending": r.status == RegistrationStatus::PendingApproval,
            "active": !r.status.is_over(),
            "payment_status": pay.0,
            "payment_label": pay.1,
            "amount": pay.2,
            "amount_cents": self.payments.get(&r.id).filter(|_| pay.0.is_some()).map(|p| p.amount_cents),
            "currency": self.payments.get(&r.id).filter(|_| pay.0.is_some()).map(|p| p.currency.clone()),
            "receipt": matches!(pay.0, Some(PAID | REFUNDED | REFUND_FAILED)),
        })
    }

    pub fn csv(&self, lang: Lang) -> String {
        let header = [
            "id",
            "name",
            "email",
            "organisation",
            "role",
            "attendance",
            "language",
            "ticket",
            "status",
            "waitlist_position",
            "sessions",
            "accessibility_needs",
            "registered_at",
            "payment_status",
            "amount",
            "badge_role",
        ];
        let rows: Vec<Vec<String>> = self
            .rows
            .iter()
            .map(|r| {
                let v = self.row_json(r, lang);
                let text = |k: &str| match &v[k] {
                    Value::String(s) => s.clone(),
                    Value::Null => String::new(),
                    other => other.to_string(),
                };
                vec![
                    text("id"),
                    text("name"),
                    text("email"),
                    text("organisation"),
                    text("role"),
                    text("attendance"),
                    text("language"),
                    text("ticket"),
                    text("status"),
                    text("waitlist_position"),
                    self.session_titles(r, lang).join("; "),
                    text("accessibility_needs"),
                    text("registered_at"),
                    text("payment_status"),
                    text("amount"),
                    text("badge_role"),
                ]
            })
            .collect();
        spreadsheet::write(&header, &rows)
    }

    /// Counts by status, each split by attendance mode.
    pub fn counts_json(&self, lang: Lang) -> Value {
        let statuses: Vec<Value> = RegistrationStatus::ALL
            .iter()
            .map(|s| {
                let n = |mode: Attendance| -> i64 {
                    self.counts
                        .iter()
                        .filter(|c| c.status == s.as_str() && c.attendance == mode.as_str())
                        .map(|c| c.n)
                        .sum()
                };
                let (p, o) = (n(Attendance::InPerson), n(Attendance::Online));
                json!({"status": s, "label": lang.t(&format!("reg-status-{}", s.as_str())),
                       "in_person": p, "online": o, "total": p + o})
            })
            .collect();
        let tickets: Vec<Value> = self
            .tickets
            .iter()
            .map(|t| {
                let n = |status: &str| -> i64 {
                    self.counts
                        .iter()
                        .filter(|c| c.ticket_type_id == Some(t.id) && c.status == status)
                        .map(|c| c.n)
                        .sum()
                };
                let money_of = |status: &str| -> (i64, i64) {
                    self.totals
                        .iter()
                        .filter(|m| m.ticket_type_id == Some(t.id) && m.status == status)
                        .fold((0, 0), |(n, c), m| (n + m.n, c + m.cents))
                };
                let (paid, collected) = money_of(PAID);
                let (_, refunded) = money_of(REFUNDED);
                json!({"id": t.id, "name": t.name, "quota": t.quota, "confirmed": n("confirmed"),
                       "pending_payment": n("pending_payment"), "waitlisted": n("waitlisted"),
                       "paid": paid, "collected_cents": collected, "refunded_cents": refunded,
                       "currency": t.currency, "priced": t.price_cents > 0,
                       "collected": amount(collected, &t.currency, lang),
                       "refunded": amount(refunded, &t.currency, lang)})
            })
            .collect();
        let workshops: Vec<Value> = self
            .agenda
            .sessions
            .iter()
            .filter(|s| s.requires_signup.0 || self.fill.contains_key(&s.id))
            .map(|s| {
                let f = self.fill.get(&s.id).copied().unwrap_or_default();
                let capacity = s
                    .capacity
                    .or_else(|| self.agenda.room(s.room_id).and_then(|r| r.capacity));
                json!({"id": s.id, "title": lang.pick(&s.title_fr, &s.title_en), "capacity": capacity,
                       "confirmed": f.confirmed, "waitlisted": f.waitlisted})
            })
            .collect();
        json!({"statuses": statuses, "tickets": tickets, "workshops": workshops})
    }
}
