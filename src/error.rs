//! The one error type of the core. Messages say what went wrong and where,
//! and never contain scanned text.

use std::fmt;

/// An error from the PHI Guard core.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
    message: String,
}

/// What kind of error happened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The policy document is not valid JSON or breaks a rule; the message
    /// names every bad field.
    Policy,
    /// The input could not be read as text (binary, or an unsupported encoding).
    Input,
}

impl Error {
    pub(crate) fn policy(message: impl Into<String>) -> Error {
        Error { kind: ErrorKind::Policy, message: message.into() }
    }

    pub(crate) fn input(message: impl Into<String>) -> Error {
        Error { kind: ErrorKind::Input, message: message.into() }
    }

    /// What kind of error this is.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}
