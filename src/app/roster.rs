//! The organisers' view of who is registered: rows for the page, the CSV export and the API,
//! and the counts per mode, ticket and workshop.

use std::collections::HashMap;

use serde::Serialize;

use crate::app::agenda::Agenda;
use crate::domain::{spreadsheet, time, Attendance, BadgeRole, PaymentStatus, RegistrationStatus};
use crate::error::Result;
use crate::i18n::{amount, money, Lang};
use crate::store::events::Event;
use crate::store::payments::Payment;
use crate::store::receipts::{self, Total};
use crate::store::registrations::Registration;
use crate::store::roster::{self, Filter, SessionFill};
use crate::store::tickets::TicketType;
use crate::store::{self, Db};

// The shapes below are what the organisers' page, the JSON API and the CSV receive. Their
// fields are in alphabetical order, the order in which the JSON objects they replace were
// written, so the API answers byte for byte as before.

/// One registration as organisers list it.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct RosterRow {
    pub accessibility_needs: String,
    /// Neither cancelled nor rejected.
    pub active: bool,
    pub amount: String,
    pub amount_cents: Option<i64>,
    pub attendance: Attendance,
    pub attendance_label: String,
    pub badge_role: BadgeRole,
    pub badge_role_label: String,
    pub currency: Option<String>,
    pub email: String,
    pub id: i64,
    pub language: String,
    pub name: String,
    pub organisation: String,
    pub payment_label: String,
    pub payment_status: Option<PaymentStatus>,
    /// Waiting for an organiser's approval.
    pub pending: bool,
    /// A receipt can be printed (money came in).
    pub receipt: bool,
    pub registered_at: String,
    pub role: String,
    pub sessions: Vec<String>,
    pub status: RegistrationStatus,
    pub status_label: String,
    pub ticket: String,
    pub waitlist_position: Option<i64>,
}

impl RosterRow {
    /// The CSV export's cells, in [`Roster::csv`]'s header order; absent values are empty.
    fn csv_cells(self) -> Vec<String> {
        let or_empty = |v: Option<String>| v.unwrap_or_default();
        vec![
            self.id.to_string(),
            self.name,
            self.email,
            self.organisation,
            self.role,
            self.attendance.to_string(),
            self.language,
            self.ticket,
            self.status.to_string(),
            or_empty(self.waitlist_position.map(|n| n.to_string())),
            self.sessions.join("; "),
            self.accessibility_needs,
            self.registered_at,
            or_empty(self.payment_status.map(|s| s.to_string())),
            self.amount,
            self.badge_role.to_string(),
        ]
    }
}

/// The roster's counts: by status, per ticket, per workshop.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct RosterCounts {
    pub statuses: Vec<StatusCount>,
    pub tickets: Vec<TicketCount>,
    pub workshops: Vec<WorkshopCount>,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct StatusCount {
    pub in_person: i64,
    pub label: String,
    pub online: i64,
    pub status: RegistrationStatus,
    pub total: i64,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct TicketCount {
    pub collected: String,
    pub collected_cents: i64,
    pub confirmed: i64,
    pub currency: String,
    pub id: i64,
    pub name: String,
    /// How many payments went through.
    pub paid: i64,
    pub pending_payment: i64,
    pub priced: bool,
    pub quota: Option<i64>,
    pub refunded: String,
    pub refunded_cents: i64,
    pub waitlisted: i64,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct WorkshopCount {
    pub capacity: Option<i64>,
    pub confirmed: i64,
    pub id: i64,
    pub title: String,
    pub waitlisted: i64,
}

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
    fn payment(&self, r: &Registration, lang: Lang) -> (Option<PaymentStatus>, String, String) {
        let Some(p) = self.payments.get(&r.id) else {
            return (None, String::new(), String::new());
        };
        let label = match p.status {
            PaymentStatus::Paid => lang.t("pay-status-paid"),
            PaymentStatus::Open if r.status == RegistrationStatus::PendingPayment => {
                lang.t("pay-status-open")
            }
            PaymentStatus::Refunded => lang.t("pay-status-refunded"),
            PaymentStatus::RefundFailed => lang.t("pay-status-refund_failed"),
            _ => return (None, String::new(), String::new()),
        };
        let amount = money(p.amount_cents, &p.currency, lang);
        (Some(p.status), label, amount)
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

    pub fn row_json(&self, r: &Registration, lang: Lang) -> RosterRow {
        let tz = self.agenda.event.tz();
        let (payment_status, payment_label, amount) = self.payment(r, lang);
        let paid = self
            .payments
            .get(&r.id)
            .filter(|_| payment_status.is_some());
        RosterRow {
            accessibility_needs: r.accessibility_needs.clone(),
            active: !r.status.is_over(),
            amount,
            amount_cents: paid.map(|p| p.amount_cents),
            attendance: r.attendance,
            attendance_label: lang.t(&format!("attendance-{}", r.attendance.as_str())),
            badge_role: r.badge_role,
            badge_role_label: crate::i18n::badge_role_label(r.badge_role.as_str(), lang),
            currency: paid.map(|p| p.currency.clone()),
            email: r.email.clone(),
            id: r.id,
            language: r.language.clone(),
            name: r.name.clone(),
            organisation: r.organisation.clone(),
            payment_label,
            payment_status,
            pending: r.status == RegistrationStatus::PendingApproval,
            receipt: payment_status.is_some_and(|s| PaymentStatus::RECEIVED.contains(&s)),
            registered_at: time::to_rfc3339(r.created_at, tz),
            role: r.role_title.clone(),
            sessions: self.session_titles(r, lang),
            status: r.status,
            status_label: lang.t(&format!("reg-status-{}", r.status.as_str())),
            ticket: self.ticket_name(r.ticket_type_id),
            waitlist_position: self.positions.get(&r.id).copied(),
        }
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
            .map(|r| self.row_json(r, lang).csv_cells())
            .collect();
        spreadsheet::write(&header, &rows)
    }

    /// Counts by status, each split by attendance mode; per ticket and per workshop.
    pub fn counts_json(&self, lang: Lang) -> RosterCounts {
        RosterCounts {
            statuses: self.status_counts(lang),
            tickets: self
                .tickets
                .iter()
                .map(|t| self.ticket_count(t, lang))
                .collect(),
            workshops: self.workshop_counts(lang),
        }
    }

    fn status_counts(&self, lang: Lang) -> Vec<StatusCount> {
        RegistrationStatus::ALL
            .iter()
            .map(|s| {
                let n = |mode: Attendance| -> i64 {
                    self.counts
                        .iter()
                        .filter(|c| c.status == *s && c.attendance == mode)
                        .map(|c| c.n)
                        .sum()
                };
                let (in_person, online) = (n(Attendance::InPerson), n(Attendance::Online));
                StatusCount {
                    in_person,
                    label: lang.t(&format!("reg-status-{}", s.as_str())),
                    online,
                    status: *s,
                    total: in_person + online,
                }
            })
            .collect()
    }

    fn ticket_count(&self, t: &TicketType, lang: Lang) -> TicketCount {
        let n = |status: RegistrationStatus| -> i64 {
            self.counts
                .iter()
                .filter(|c| c.ticket_type_id == Some(t.id) && c.status == status)
                .map(|c| c.n)
                .sum()
        };
        let money_of = |status: PaymentStatus| -> (i64, i64) {
            self.totals
                .iter()
                .filter(|m| m.ticket_type_id == Some(t.id) && m.status == status)
                .fold((0, 0), |(n, c), m| (n + m.n, c + m.cents))
        };
        let (paid, collected) = money_of(PaymentStatus::Paid);
        let (_, refunded) = money_of(PaymentStatus::Refunded);
        TicketCount {
            collected: amount(collected, &t.currency, lang),
            collected_cents: collected,
            confirmed: n(RegistrationStatus::Confirmed),
            currency: t.currency.clone(),
            id: t.id,
            name: t.name.clone(),
            paid,
            pending_payment: n(RegistrationStatus::PendingPayment),
            priced: t.price_cents > 0,
            quota: t.quota,
            refunded: amount(refunded, &t.currency, lang),
            refunded_cents: refunded,
            waitlisted: n(RegistrationStatus::Waitlisted),
        }
    }

    fn workshop_counts(&self, lang: Lang) -> Vec<WorkshopCount> {
        self.agenda
            .sessions
            .iter()
            .filter(|s| s.requires_signup.0 || self.fill.contains_key(&s.id))
            .map(|s| {
                let f = self.fill.get(&s.id).copied().unwrap_or_default();
                let capacity = s
                    .capacity
                    .or_else(|| self.agenda.room(s.room_id).and_then(|r| r.capacity));
                WorkshopCount {
                    capacity,
                    confirmed: f.confirmed,
                    id: s.id,
                    title: lang.pick(&s.title_fr, &s.title_en).to_string(),
                    waitlisted: f.waitlisted,
                }
            })
            .collect()
    }
}
