//! When an online session's join link works: from `opens_minutes` before its start to its end.
//! The attendee's page and the join page say the same thing from the same rule.

/// Where a join link stands at a given instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Window {
    /// Not yet: it opens at this instant (UTC seconds).
    Opens(i64),
    Open,
    Ended,
}

pub fn window(now: i64, starts_at: i64, ends_at: i64, opens_minutes: i64) -> Window {
    let opens = starts_at - opens_minutes * 60;
    if now < opens {
        Window::Opens(opens)
    } else if now > ends_at {
        Window::Ended
    } else {
        Window::Open
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_opens_a_little_before_the_start_and_closes_at_the_end() {
        let (start, end) = (10_000, 13_600);
        assert_eq!(
            window(start - 901, start, end, 15),
            Window::Opens(start - 900)
        );
        assert_eq!(window(start - 900, start, end, 15), Window::Open);
        assert_eq!(window(end, start, end, 15), Window::Open);
        assert_eq!(window(end + 1, start, end, 15), Window::Ended);
    }
}
