//! What can go wrong in storage, without HTTP: a row that is not there, a refusal the data
//! itself makes (a taken address, a double booking, a seat that is gone), or the database
//! failing. The web layer (`crate::error`) maps these to answers.

use crate::domain::problem::{FieldErrors, Msg, Problem};

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("not found")]
    NotFound,
    /// It clashes with what is stored (a double booking, a payment already settled).
    #[error("conflict")]
    Conflict { message: Msg, fields: FieldErrors },
    /// Values the stored data refuses, by field (an address already taken).
    #[error("invalid input")]
    Unprocessable { fields: FieldErrors },
    #[error("database: {0}")]
    Database(#[from] sqlx::Error),
    /// Data that breaks an invariant (a status no code writes, a key that will not parse).
    #[error("internal: {0}")]
    Internal(String),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub fn field(name: &str, msg: Msg) -> Error {
        Problem::field(name, msg).into()
    }
}

impl From<Problem> for Error {
    fn from(p: Problem) -> Error {
        match p {
            // A rule's "malformed request" reaching storage is a refusal of that field set.
            Problem::BadRequest(message) => Error::Conflict {
                message,
                fields: FieldErrors::new(),
            },
            Problem::Conflict { message, fields } => Error::Conflict { message, fields },
            Problem::Unprocessable { fields } => Error::Unprocessable { fields },
        }
    }
}
