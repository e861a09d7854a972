//! The closed vocabularies stored as text: formats, statuses, session kinds, roles.

use serde::{Deserialize, Serialize};

macro_rules! string_enum {
    ($name:ident { $($variant:ident => $text:literal),+ $(,)? }) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The stored text: the one conversion to it.
            pub const fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            /// The one conversion from the stored text.
            pub fn parse(text: &str) -> Option<$name> {
                match text { $($text => Some($name::$variant),)+ _ => None }
            }
        }

        impl TryFrom<String> for $name {
            type Error = String;
            fn try_from(text: String) -> Result<Self, String> {
                $name::parse(&text).ok_or_else(|| format!("unknown {}: {text}", stringify!($name)))
            }
        }

        // Compares with the stored text, so a value read as text and one read as the enum
        // can be checked alike.
        impl PartialEq<&str> for $name {
            fn eq(&self, text: &&str) -> bool {
                self.as_str() == *text
            }
        }

        impl PartialEq<$name> for &str {
            fn eq(&self, value: &$name) -> bool {
                *self == value.as_str()
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

pub(crate) use string_enum;

string_enum!(Format { InPerson => "in_person", Virtual => "virtual", Hybrid => "hybrid" });
string_enum!(EventStatus { Draft => "draft", Published => "published", Cancelled => "cancelled" });
string_enum!(SessionKind {
    Plenary => "plenary", Keynote => "keynote", Workshop => "workshop",
    RoundTable => "round_table", Panel => "panel", Testimony => "testimony",
    Break => "break", Other => "other",
});
string_enum!(SpeakerRole { Speaker => "speaker", Moderator => "moderator", Host => "host", Panelist => "panelist" });
string_enum!(SessionStatus { Scheduled => "scheduled", Cancelled => "cancelled" });
string_enum!(StaffRole { Organiser => "organiser", Door => "door" });
// What a printed badge says the person is; organisers choose it (see `badge_role`).
string_enum!(BadgeRole { Attendee => "attendee", Speaker => "speaker", Press => "press", Staff => "staff" });
string_enum!(Attendance { InPerson => "in_person", Online => "online" });
string_enum!(RegistrationStatus {
    Confirmed => "confirmed", Waitlisted => "waitlisted", PendingPayment => "pending_payment",
    PendingApproval => "pending_approval", Cancelled => "cancelled", Rejected => "rejected",
});
// `requested`: chosen while the registration itself waits; a seat is sought once it is confirmed.
string_enum!(SignupStatus { Confirmed => "confirmed", Waitlisted => "waitlisted", Requested => "requested" });

impl Attendance {
    /// Whether an event of this format offers this way of attending.
    pub fn fits(self, format: Format) -> bool {
        match self {
            Attendance::InPerson => format != Format::Virtual,
            Attendance::Online => format != Format::InPerson,
        }
    }
}

impl RegistrationStatus {
    /// Holds a place (a pending payment holds one until its hold expires).
    pub fn holds_place(self) -> bool {
        matches!(
            self,
            RegistrationStatus::Confirmed | RegistrationStatus::PendingPayment
        )
    }

    /// May attend: see the private stream, carry join links. A pending payment holds a place
    /// but gives no access until it is paid.
    pub fn may_attend(self) -> bool {
        self == RegistrationStatus::Confirmed
    }

    pub fn is_over(self) -> bool {
        matches!(
            self,
            RegistrationStatus::Cancelled | RegistrationStatus::Rejected
        )
    }
}

impl Format {
    /// Whether a session of this format fits an event of `event` format.
    pub fn fits_in(self, event: Format) -> bool {
        match event {
            Format::Hybrid => true,
            other => self == other,
        }
    }

    pub fn has_stream(self) -> bool {
        self != Format::InPerson
    }
}

/// A 0/1 column as a bool.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Flag(pub bool);

impl TryFrom<i64> for Flag {
    type Error = String;
    fn try_from(v: i64) -> Result<Self, String> {
        Ok(Flag(v != 0))
    }
}

impl Flag {
    pub fn as_i64(self) -> i64 {
        i64::from(self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_round_trip_through_text() {
        for kind in SessionKind::ALL {
            assert_eq!(SessionKind::parse(kind.as_str()), Some(*kind));
        }
        assert_eq!(
            SessionKind::parse("round_table"),
            Some(SessionKind::RoundTable)
        );
        assert_eq!(SessionKind::parse("party"), None);
    }

    #[test]
    fn session_format_must_fit_the_event() {
        assert!(Format::Virtual.fits_in(Format::Hybrid));
        assert!(!Format::Virtual.fits_in(Format::InPerson));
        assert!(!Format::Hybrid.fits_in(Format::Virtual));
    }
}
