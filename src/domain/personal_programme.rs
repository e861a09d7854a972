//! An attendee's own programme: the sessions they starred and those they signed up for. Two
//! of them clash when their times overlap; a clash is allowed (people leave a talk early) but
//! shown, naming the other session.

use std::collections::BTreeMap;

/// One session of the programme, with its times (UTC seconds, end exclusive).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Slot {
    pub id: i64,
    pub starts_at: i64,
    pub ends_at: i64,
}

/// Whether two slots share some time; one ending when the other starts does not.
pub fn overlap(a: &Slot, b: &Slot) -> bool {
    a.starts_at < b.ends_at && b.starts_at < a.ends_at
}

/// For each slot, the ids of the other slots it overlaps (in the order given; a session
/// listed twice, starred and signed up, counts once). Slots without a clash are left out.
pub fn clashes(slots: &[Slot]) -> BTreeMap<i64, Vec<i64>> {
    let mut unique: Vec<&Slot> = Vec::with_capacity(slots.len());
    for s in slots {
        if !unique.iter().any(|u| u.id == s.id) {
            unique.push(s);
        }
    }
    let mut out: BTreeMap<i64, Vec<i64>> = BTreeMap::new();
    for a in &unique {
        for b in &unique {
            if a.id != b.id && overlap(a, b) {
                out.entry(a.id).or_default().push(b.id);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slot(id: i64, from: i64, to: i64) -> Slot {
        Slot {
            id,
            starts_at: from,
            ends_at: to,
        }
    }

    #[test]
    fn overlapping_sessions_clash_both_ways_and_touching_ones_do_not() {
        let talk = slot(1, 100, 200);
        let workshop = slot(2, 150, 300);
        let after = slot(3, 300, 400);
        let found = clashes(&[talk, workshop, after]);
        assert_eq!(found.get(&1), Some(&vec![2]));
        assert_eq!(found.get(&2), Some(&vec![1]), "a clash is mutual");
        assert_eq!(
            found.get(&3),
            None,
            "ending at 300 and starting at 300 is no clash"
        );
    }

    #[test]
    fn one_session_inside_another_clashes_and_a_session_never_clashes_with_itself() {
        let day = slot(1, 0, 1000);
        let inside = slot(2, 100, 200);
        let found = clashes(&[day, inside, day]);
        assert_eq!(found.get(&1), Some(&vec![2]));
        assert_eq!(found.get(&2), Some(&vec![1]));
        assert!(clashes(&[day]).is_empty());
        assert!(clashes(&[]).is_empty());
    }

    #[test]
    fn a_session_can_clash_with_several() {
        let long = slot(1, 0, 600);
        let found = clashes(&[long, slot(2, 0, 100), slot(3, 500, 700), slot(4, 600, 700)]);
        assert_eq!(found.get(&1), Some(&vec![2, 3]));
        assert_eq!(found.get(&4), Some(&vec![3]));
    }
}
