//! "Now and next" during an event: what is on at this moment, and what starts next (the
//! sessions starting together at the next start time, and those a few minutes after it, so a
//! block of parallel workshops shows whole).

/// Sessions starting this close after the first next one are shown with it.
pub const TOGETHER_SECONDS: i64 = 15 * 60;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub id: i64,
    pub starts_at: i64,
    pub ends_at: i64,
}

/// What is on at `now` and what starts next before `until` (the end of the day), each in
/// start order. Spans in any order.
pub fn now_and_next(spans: &[Span], now: i64, until: i64) -> (Vec<i64>, Vec<i64>) {
    let mut sorted: Vec<Span> = spans.to_vec();
    sorted.sort_by_key(|s| (s.starts_at, s.ends_at, s.id));
    let on: Vec<i64> = sorted
        .iter()
        .filter(|s| s.starts_at <= now && now < s.ends_at)
        .map(|s| s.id)
        .collect();
    let first_next = sorted
        .iter()
        .map(|s| s.starts_at)
        .find(|&t| t > now && t < until);
    let next = match first_next {
        None => Vec::new(),
        Some(first) => sorted
            .iter()
            .filter(|s| s.starts_at >= first && s.starts_at <= first + TOGETHER_SECONDS)
            .filter(|s| s.starts_at < until)
            .map(|s| s.id)
            .collect(),
    };
    (on, next)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(id: i64, starts_at: i64, ends_at: i64) -> Span {
        Span {
            id,
            starts_at,
            ends_at,
        }
    }

    #[test]
    fn what_is_on_and_the_next_block_of_parallel_sessions() {
        let spans = [
            s(1, 0, 3600),
            s(2, 1800, 5400),
            s(3, 3600, 7200),
            s(4, 3600, 5400),
            s(5, 4200, 6000),
            s(6, 7200, 9000),
        ];
        let (on, next) = now_and_next(&spans, 2000, 100_000);
        assert_eq!(on, vec![1, 2]);
        // 3 and 4 at 3600, 5 ten minutes later: one block; 6 is later still.
        assert_eq!(next, vec![4, 3, 5]);
    }

    #[test]
    fn a_session_ending_now_is_over_and_one_starting_now_is_on() {
        let (on, next) = now_and_next(&[s(1, 0, 100), s(2, 100, 200)], 100, 1000);
        assert_eq!(on, vec![2]);
        assert!(next.is_empty());
    }

    #[test]
    fn nothing_next_after_the_day_ends() {
        let (on, next) = now_and_next(&[s(1, 0, 100), s(2, 5000, 6000)], 50, 4000);
        assert_eq!(on, vec![1]);
        assert!(next.is_empty());
    }
}
