//! Errors of the parse stage.

/// Why bytes could not become text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DecodeError {
    /// Nothing but whitespace.
    #[error("the document is empty")]
    Empty,
    /// Zero bytes or control characters throughout: not a text document.
    #[error("the document is binary data, not text")]
    Binary,
}

impl DecodeError {
    /// A stable code for error lines (`empty`, `binary`).
    pub fn code(&self) -> &'static str {
        match self {
            DecodeError::Empty => "empty",
            DecodeError::Binary => "binary",
        }
    }
}
