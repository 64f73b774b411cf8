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

/// A panic message with every quoted part withheld: Rust quotes the string
/// it was slicing (``… of `Jos…` ``) and `unwrap` quotes the value it found,
/// and either may be scanned text. What is left says what failed and where.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
pub(crate) fn scrub_panic(message: &str) -> String {
    let message = message.split_once(" value: ").map_or(message, |(head, _)| head);
    let mut out = String::with_capacity(message.len());
    let mut open: Option<char> = None;
    for c in message.chars() {
        match open {
            Some(q) if c == q => {
                out.push('…');
                out.push(c);
                open = None;
            }
            Some(_) => {}
            None => {
                out.push(c);
                if matches!(c, '`' | '\'' | '"') {
                    open = Some(c);
                }
            }
        }
    }
    if open.is_some() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::scrub_panic;

    #[test]
    fn panic_messages_lose_quoted_text() {
        let slicing = "byte index 3 is not a char boundary; it is inside 'é' (bytes 2..4) of `José Nguyen 536-22-8471`";
        assert_eq!(scrub_panic(slicing), "byte index 3 is not a char boundary; it is inside '…' (bytes 2..4) of `…`");
        assert_eq!(scrub_panic("called `Result::unwrap()` on an `Err` value: \"Maria\""), "called `…` on an `…`");
        assert_eq!(scrub_panic("index out of bounds: the len is 3 but the index is 5"), "index out of bounds: the len is 3 but the index is 5");
        assert_eq!(scrub_panic("unterminated \"Maria Gonz"), "unterminated \"…");
    }
}
