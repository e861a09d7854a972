//! Staff accounts: signing in (throttled, and as slow for unknown addresses as for known
//! ones), setting a password from the one-time link, signing out everywhere. The web layer
//! turns a started session into its private cookie.

use std::sync::Mutex;

use crate::domain::login_throttle::LoginThrottle;
use crate::domain::secret::{hash_password, normalize_email, verify_password_evenly};
use crate::domain::{time, StaffRole};
use crate::error::{Error, Msg, Result};
use crate::store::{staff, staff_sessions};

pub use crate::store::staff::StaffUser;

/// Failed sign-ins per account and per client address (see `domain::login_throttle`), kept
/// in memory by this instance.
#[derive(Default)]
pub struct Throttle(Mutex<LoginThrottle>);

/// A server-side session just started for `role`; `id` goes into the private cookie.
pub struct Session {
    pub id: String,
    pub role: StaffRole,
}

/// Signs in by e-mail and password from `address` (the client's, for the throttle). `None`:
/// refused, the same answer for an unknown address, a wrong password or a correct one given
/// while the account must wait. Too many recent failures answer `TooManyRequests` first.
pub async fn sign_in(
    db: &crate::app::Db,
    throttle: &Throttle,
    email: &str,
    password: &str,
    address: &str,
) -> Result<Option<Session>> {
    let account = normalize_email(email);
    let now = u64::try_from(time::now()).unwrap_or_default();
    let waiting = throttle
        .0
        .lock()
        .ok()
        .and_then(|t| t.wait(&account, address, now));
    if let Some(seconds) = waiting {
        return Err(Error::TooManyRequests(seconds));
    }
    let user = staff::user_by_email(db, email).await?;
    let hash = user.as_ref().and_then(|u| u.password_hash.clone());
    let password = password.to_string();
    // argon2 takes tens of milliseconds of CPU: off the async workers. With no account the
    // dummy hash is checked, so timing does not tell which addresses exist.
    let ok =
        tokio::task::spawn_blocking(move || verify_password_evenly(&password, hash.as_deref()))
            .await
            .unwrap_or(false);
    match user.filter(|_| ok) {
        Some(u) => {
            if let Ok(mut t) = throttle.0.lock() {
                t.succeeded(&account);
            }
            Ok(Some(start(db, &u).await?))
        }
        None => {
            if let Ok(mut t) = throttle.0.lock() {
                t.failed(&account, address, now);
            }
            Ok(None)
        }
    }
}

async fn start(db: &crate::app::Db, user: &StaffUser) -> Result<Session> {
    Ok(Session {
        id: staff_sessions::start(db, user.id).await?,
        role: user.role,
    })
}

/// Ends every session of this account, on every device.
pub async fn sign_out_everywhere(db: &crate::app::Db, user_id: i64) -> Result<()> {
    staff_sessions::end_all(db, user_id).await?;
    Ok(())
}

/// The account a password set-up link is for; `NotFound` once used or unknown.
pub async fn setup_user(db: &crate::app::Db, token: &str) -> Result<StaffUser> {
    staff::user_for_setup(db, token)
        .await?
        .ok_or(Error::NotFound)
}

/// Shortest password accepted.
const MIN_PASSWORD_CHARS: usize = 12;

/// What setting a password from its link gave.
pub enum Setup {
    /// Password refused (too short, or the two differ): nothing changed.
    Refused { email: String, problem: Msg },
    /// Password set, older sessions ended, and this one started.
    Done(Session),
}

/// Sets the account's first (or a new) password from its one-time link, and signs in.
pub async fn set_password(
    db: &crate::app::Db,
    token: &str,
    password: &str,
    confirm: &str,
) -> Result<Setup> {
    let user = setup_user(db, token).await?;
    let problem = if password.chars().count() < MIN_PASSWORD_CHARS {
        Some(Msg::new("field-password-short").arg("min", MIN_PASSWORD_CHARS.to_string()))
    } else if password != confirm {
        Some(Msg::new("field-password-mismatch"))
    } else {
        None
    };
    if let Some(problem) = problem {
        return Ok(Setup::Refused {
            email: user.email,
            problem,
        });
    }
    let hash = hash_password(password).map_err(Error::Internal)?;
    let user = staff::complete_setup(db, token, &hash).await?;
    // A new password ends every session signed in with the old one.
    staff_sessions::end_all(db, user.id).await?;
    Ok(Setup::Done(start(db, &user).await?))
}
