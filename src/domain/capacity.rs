//! Places: an event's capacity per attendance mode and each ticket type's quota. A person
//! gets a place only when both have room; otherwise they wait, first come first served.

use std::collections::HashMap;

use super::{Attendance, RegistrationStatus};

#[derive(Debug, Clone, Copy, Default)]
pub struct TicketLimit {
    pub quota: Option<i64>,
    pub price_cents: i64,
}

/// What an event allows (`None`: no limit).
#[derive(Debug, Clone, Default)]
pub struct Limits {
    pub in_person: Option<i64>,
    pub online: Option<i64>,
    pub tickets: HashMap<i64, TicketLimit>,
}

/// Places held now, by mode and by ticket type.
#[derive(Debug, Clone, Default)]
pub struct Taken {
    pub by_mode: HashMap<Attendance, i64>,
    pub by_ticket: HashMap<i64, i64>,
}

impl Limits {
    fn mode(&self, mode: Attendance) -> Option<i64> {
        match mode {
            Attendance::InPerson => self.in_person,
            Attendance::Online => self.online,
        }
    }

    pub fn has_room(&self, taken: &Taken, mode: Attendance, ticket: Option<i64>) -> bool {
        let mode_ok = self
            .mode(mode)
            .is_none_or(|cap| taken.by_mode.get(&mode).copied().unwrap_or(0) < cap);
        let ticket_ok = ticket
            .and_then(|t| self.tickets.get(&t).and_then(|l| l.quota).map(|q| (t, q)))
            .is_none_or(|(t, quota)| taken.by_ticket.get(&t).copied().unwrap_or(0) < quota);
        mode_ok && ticket_ok
    }

    pub fn is_paid(&self, ticket: Option<i64>) -> bool {
        ticket
            .and_then(|t| self.tickets.get(&t))
            .is_some_and(|l| l.price_cents > 0)
    }
}

impl Taken {
    /// Places held, from registrations counted by (status, way of attending, ticket type):
    /// those whose status holds a place (confirmed, or waiting for their payment) take one.
    pub fn from_counts(
        counts: impl IntoIterator<Item = (RegistrationStatus, Attendance, Option<i64>, i64)>,
    ) -> Taken {
        let mut taken = Taken::default();
        for (status, mode, ticket, n) in counts {
            if status.holds_place() {
                *taken.by_mode.entry(mode).or_default() += n;
                if let Some(t) = ticket {
                    *taken.by_ticket.entry(t).or_default() += n;
                }
            }
        }
        taken
    }

    /// Places held in `mode`.
    pub fn in_mode(&self, mode: Attendance) -> i64 {
        self.by_mode.get(&mode).copied().unwrap_or(0)
    }

    pub fn take(&mut self, mode: Attendance, ticket: Option<i64>) {
        *self.by_mode.entry(mode).or_default() += 1;
        if let Some(t) = ticket {
            *self.by_ticket.entry(t).or_default() += 1;
        }
    }

    pub fn release(&mut self, mode: Attendance, ticket: Option<i64>) {
        if let Some(n) = self.by_mode.get_mut(&mode) {
            *n -= 1;
        }
        if let Some(n) = ticket.and_then(|t| self.by_ticket.get_mut(&t)) {
            *n -= 1;
        }
    }
}

/// Who of those waiting (in queue order) gets a place now: each is checked against what is
/// left, so someone waiting for an online place never blocks someone waiting in person.
pub fn promote(
    limits: &Limits,
    taken: &mut Taken,
    waiting: &[(i64, Attendance, Option<i64>)],
) -> Vec<i64> {
    let mut chosen = Vec::new();
    for (id, mode, ticket) in waiting {
        if limits.has_room(taken, *mode, *ticket) {
            taken.take(*mode, *ticket);
            chosen.push(*id);
        }
    }
    chosen
}

#[cfg(test)]
mod tests {
    use super::*;
    use Attendance::{InPerson, Online};

    fn limits() -> Limits {
        let mut tickets = HashMap::new();
        tickets.insert(
            1,
            TicketLimit {
                quota: Some(1),
                price_cents: 0,
            },
        );
        tickets.insert(
            2,
            TicketLimit {
                quota: None,
                price_cents: 5000,
            },
        );
        Limits {
            in_person: Some(2),
            online: None,
            tickets,
        }
    }

    #[test]
    fn mode_capacity_and_ticket_quota_both_count() {
        let l = limits();
        let mut t = Taken::default();
        assert!(l.has_room(&t, InPerson, Some(1)));
        t.take(InPerson, Some(1));
        assert!(!l.has_room(&t, InPerson, Some(1)), "ticket quota reached");
        assert!(l.has_room(&t, InPerson, Some(2)));
        t.take(InPerson, Some(2));
        assert!(!l.has_room(&t, InPerson, Some(2)), "in-person places gone");
        assert!(l.has_room(&t, Online, Some(2)), "online has no limit");
        t.release(InPerson, Some(1));
        assert!(l.has_room(&t, InPerson, Some(1)));
        assert!(l.is_paid(Some(2)) && !l.is_paid(Some(1)) && !l.is_paid(None));
    }

    #[test]
    fn promotion_is_first_come_first_served_per_queue() {
        let l = limits();
        let mut t = Taken::default();
        t.take(InPerson, None);
        let waiting = [
            (10, InPerson, Some(1)),
            (11, InPerson, None),
            (12, Online, None),
            (13, InPerson, None),
        ];
        assert_eq!(promote(&l, &mut t, &waiting), [10, 12]);
        assert_eq!(t.by_mode[&InPerson], 2);
    }
}
