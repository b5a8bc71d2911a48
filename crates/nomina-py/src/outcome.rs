//! What one document becomes: its record's JSON line, or the error line,
//! each byte for byte as `nomina convert` writes it.

use nomina::{Kind, Pipeline};

/// One document's outcome, with the line the command writes for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// A record: the line goes to the command's standard output.
    Record {
        /// `source.path`.
        path: String,
        /// `kind`.
        kind: Kind,
        /// `id`.
        id: String,
        /// The record's JSON line, without its newline.
        line: String,
    },
    /// A failure: the line goes to the command's error lines.
    Error {
        /// The path the error line names.
        path: String,
        /// The error's stable code (`empty`, `binary`, `too_large`, ...).
        code: String,
        /// What went wrong.
        message: String,
        /// The error line, without its newline.
        line: String,
    },
}

impl Outcome {
    /// An error outcome, with the command's error line.
    pub fn error(path: &str, code: &str, message: &str) -> Outcome {
        Outcome::Error {
            path: path.to_string(),
            code: code.to_string(),
            message: message.to_string(),
            line: error_line(path, code, message),
        }
    }
}

/// The command's error line: `{"error":{"code":..,"message":..},"path":..}`
/// (serde_json's map keeps its keys sorted).
fn error_line(path: &str, code: &str, message: &str) -> String {
    serde_json::json!({ "path": path, "error": { "code": code, "message": message } }).to_string()
}

/// The record's JSON line as the command encodes it: sonic-rs, which writes
/// what serde_json writes, byte for byte.
fn record_line(record: &nomina::Record) -> Result<String, String> {
    // Room for the record without regrowing, as the command reserves it.
    let mut line =
        Vec::with_capacity(usize::try_from(record.source.bytes).unwrap_or(0).saturating_mul(2).saturating_add(4096));
    sonic_rs::to_writer(&mut line, record).map_err(|e| e.to_string())?;
    String::from_utf8(line).map_err(|e| e.to_string())
}

/// Converts one document, as the command does: a bug met on it (a panic)
/// becomes its `internal` error, never the caller's crash.
///
/// Of a document over the size limit the command reads one byte past the
/// limit, and its error says that many bytes: so does this one's.
pub fn convert(pipeline: &Pipeline, mut input: nomina::Input<'_>) -> Outcome {
    let over = usize::try_from(pipeline.options().max_bytes.saturating_add(1)).unwrap_or(usize::MAX);
    input.bytes = &input.bytes[..input.bytes.len().min(over)];
    let path = input.path;
    let converted = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| match pipeline.convert_input(input) {
        Ok(record) => match record_line(&record) {
            Ok(line) => Outcome::Record { path: record.source.path, kind: record.kind, id: record.id, line },
            Err(e) => Outcome::error(path, "internal", &e),
        },
        Err(e) => Outcome::error(path, e.code(), &e.to_string()),
    }));
    converted.unwrap_or_else(|payload| {
        let what = payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "no message".to_string());
        Outcome::error(path, "internal", &format!("nomina failed on this document: {what}"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_lines_are_the_commands() {
        let o = Outcome::error("a/b.txt", "empty", "a/b.txt: empty document");
        let Outcome::Error { line, .. } = o else { panic!("an error") };
        assert_eq!(line, r#"{"error":{"code":"empty","message":"a/b.txt: empty document"},"path":"a/b.txt"}"#);
    }
}
