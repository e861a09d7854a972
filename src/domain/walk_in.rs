//! Walk-ins: people who turn up unregistered and are registered at the door. An e-mail
//! address is optional for them; without one, the registration gets a placeholder address in
//! the `.invalid` domain (reserved by RFC 2606 for names that can never be reached), unique
//! per person, so the one-registration-per-address rule still holds and no mail is ever sent.

const DOMAIN: &str = "@walk-in.invalid";

/// The placeholder address of a walk-in without e-mail, from a random `nonce`.
pub fn placeholder(nonce: &str) -> String {
    format!("walk-in-{nonce}{DOMAIN}")
}

/// Whether an address is a walk-in's placeholder (nothing is ever sent to it).
pub fn is_placeholder(email: &str) -> bool {
    email.trim().to_ascii_lowercase().ends_with(DOMAIN)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_placeholder_is_recognised_and_real_addresses_are_not() {
        let p = placeholder("x7Kq");
        assert!(is_placeholder(&p));
        assert!(crate::domain::secret::is_email(&p));
        assert!(!is_placeholder("walk-in@example.org"));
        assert!(!is_placeholder("someone@invalid.example.org"));
    }
}
