//! Slowing down password guessing. Each account may fail [`FREE_FAILURES`] times; after that
//! each attempt must wait twice as long as the one before (2 s, 4 s, 8 s … up to
//! [`MAX_WAIT_SECS`]) from the last failure. Each client address may fail [`ADDRESS_FAILURES`]
//! times per [`ADDRESS_WINDOW_SECS`], whatever accounts it tries. A correct password while
//! waiting is refused like a wrong one, so waiting is the only way through.

use std::collections::HashMap;

pub const FREE_FAILURES: u32 = 5;
pub const MAX_WAIT_SECS: u64 = 15 * 60;
pub const ADDRESS_FAILURES: u32 = 30;
pub const ADDRESS_WINDOW_SECS: u64 = 15 * 60;
/// Keys kept before the oldest are forgotten (a bound on memory under attack).
const MAX_KEYS: usize = 100_000;

#[derive(Debug, Default)]
pub struct LoginThrottle {
    /// Account → (failures in a row, time of the last one).
    accounts: HashMap<String, (u32, u64)>,
    /// Client address → (failures in this window, window start).
    addresses: HashMap<String, (u32, u64)>,
}

impl LoginThrottle {
    /// Seconds to wait before this account may try again from this address; `None`: go on.
    pub fn wait(&self, account: &str, address: &str, now: u64) -> Option<u64> {
        let by_account = self.accounts.get(account).and_then(|&(n, last)| {
            let wait = account_wait(n)?;
            (now < last + wait).then(|| last + wait - now)
        });
        let by_address = self.addresses.get(address).and_then(|&(n, start)| {
            let end = start + ADDRESS_WINDOW_SECS;
            (n >= ADDRESS_FAILURES && now < end).then(|| end - now)
        });
        by_account.max(by_address)
    }

    pub fn failed(&mut self, account: &str, address: &str, now: u64) {
        if self.accounts.len() >= MAX_KEYS {
            self.accounts.clear();
        }
        if self.addresses.len() >= MAX_KEYS {
            self.addresses.clear();
        }
        let a = self.accounts.entry(account.to_string()).or_insert((0, now));
        *a = (a.0.saturating_add(1), now);
        let c = self
            .addresses
            .entry(address.to_string())
            .or_insert((0, now));
        if now >= c.1 + ADDRESS_WINDOW_SECS {
            *c = (0, now);
        }
        c.0 = c.0.saturating_add(1);
    }

    /// A successful sign-in clears the account's failures (not the address's).
    pub fn succeeded(&mut self, account: &str) {
        self.accounts.remove(account);
    }
}

/// How long an account waits after `failures` failures in a row.
fn account_wait(failures: u32) -> Option<u64> {
    let over = failures.checked_sub(FREE_FAILURES)?;
    Some(2u64.saturating_pow(over + 1).min(MAX_WAIT_SECS))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_account_waits_longer_after_each_failure_past_the_free_ones() {
        let mut t = LoginThrottle::default();
        for i in 0..FREE_FAILURES {
            assert_eq!(t.wait("a", "ip1", 100), None, "failure {i} is free");
            t.failed("a", "ip1", 100);
        }
        assert_eq!(
            t.wait("a", "ip2", 100),
            Some(2),
            "another address waits too"
        );
        assert_eq!(t.wait("a", "ip1", 102), None);
        t.failed("a", "ip1", 102);
        assert_eq!(t.wait("a", "ip1", 102), Some(4));
        assert_eq!(
            t.wait("b", "ip3", 102),
            None,
            "other accounts are not slowed"
        );
        t.succeeded("a");
        assert_eq!(t.wait("a", "ip1", 102), None);
        assert_eq!(account_wait(100), Some(MAX_WAIT_SECS));
    }

    #[test]
    fn an_address_trying_many_accounts_is_stopped_for_the_window() {
        let mut t = LoginThrottle::default();
        for i in 0..ADDRESS_FAILURES {
            t.failed(&format!("user{i}"), "ip", 1000);
        }
        assert_eq!(t.wait("new", "ip", 1000), Some(ADDRESS_WINDOW_SECS));
        assert_eq!(t.wait("new", "other", 1000), None);
        assert_eq!(t.wait("new", "ip", 1000 + ADDRESS_WINDOW_SECS), None);
    }
}
