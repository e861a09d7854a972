//! A fixed-window rate limit: at most `limit` events per window for each key.

use std::collections::HashMap;

#[derive(Debug)]
pub struct Windows {
    limit: u32,
    window_ms: u64,
    seen: HashMap<String, (u64, u32)>,
}

impl Windows {
    pub fn new(limit: u32, window_ms: u64) -> Windows {
        Windows {
            limit,
            window_ms: window_ms.max(1),
            seen: HashMap::new(),
        }
    }

    /// Counts one event for `key` at `now_ms`; false when the key is over its limit.
    pub fn allow(&mut self, key: &str, now_ms: u64) -> bool {
        let window = now_ms / self.window_ms;
        if self.seen.len() > 10_000 {
            self.seen.retain(|_, (w, _)| *w == window);
        }
        let entry = self.seen.entry(key.to_string()).or_insert((window, 0));
        if entry.0 != window {
            *entry = (window, 0);
        }
        entry.1 += 1;
        entry.1 <= self.limit
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_each_key_per_window() {
        let mut w = Windows::new(3, 1000);
        assert!((0..3).all(|i| w.allow("a", 5000 + i)));
        assert!(!w.allow("a", 5500));
        assert!(w.allow("b", 5500), "another key has its own budget");
        assert!(w.allow("a", 6000), "a new window starts afresh");
    }
}
