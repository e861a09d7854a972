//! What can be wrong with what someone asked, said as the rules see it: a message key with
//! arguments (`Msg`, translated at the edge by `i18n`), per-field messages, and the three kinds
//! of refusal a rule makes. The web layer turns a [`Problem`] into an HTTP answer.

use std::collections::BTreeMap;

/// A message to show a person: a Fluent key and its arguments, translated when rendered.
#[derive(Debug, Clone, PartialEq)]
pub struct Msg {
    pub key: &'static str,
    pub args: Vec<(&'static str, String)>,
}

impl Msg {
    pub fn new(key: &'static str) -> Msg {
        Msg { key, args: vec![] }
    }

    pub fn arg(mut self, name: &'static str, value: impl Into<String>) -> Msg {
        self.args.push((name, value.into()));
        self
    }
}

/// Field name → what is wrong with it.
pub type FieldErrors = BTreeMap<String, Msg>;

/// A rule's refusal.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum Problem {
    /// The request itself is malformed (not the values in it).
    #[error("bad request")]
    BadRequest(Msg),
    /// It clashes with what exists (a double booking, a closed registration).
    #[error("conflict")]
    Conflict { message: Msg, fields: FieldErrors },
    /// Values that are wrong, by field.
    #[error("invalid input")]
    Unprocessable { fields: FieldErrors },
}

pub type Result<T, E = Problem> = std::result::Result<T, E>;

impl Problem {
    pub fn fields(&self) -> Option<&FieldErrors> {
        match self {
            Problem::Conflict { fields, .. } | Problem::Unprocessable { fields } => Some(fields),
            Problem::BadRequest(_) => None,
        }
    }

    pub fn field(name: &str, msg: Msg) -> Problem {
        let mut fields = FieldErrors::new();
        fields.insert(name.to_string(), msg);
        Problem::Unprocessable { fields }
    }
}
