//! What one document becomes, with the line `nomina convert` writes for it,
//! as nomina-batch gives it; and the one-document path of `convert`, which
//! needs no batch.

use nomina::Pipeline;
use nomina_batch::{Failure, Outcome};

/// An outcome as Python sees it: `(is_record, path, kind_or_code,
/// id_or_message, line)`, `line` being the command's line without its
/// newline.
pub type OutcomeTuple = (bool, String, String, String, String);

/// The tuple of a batch's outcome.
pub fn tuple(outcome: Outcome) -> OutcomeTuple {
    match outcome {
        Outcome::Record(r) => {
            let mut line =
                String::from_utf8(r.line).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
            if line.ends_with('\n') {
                line.pop();
            }
            let id = record_id(&line);
            (true, r.path, r.kind.as_str().to_string(), id, line)
        }
        Outcome::Error(f) => error_tuple(f),
    }
}

fn error_tuple(f: Failure) -> OutcomeTuple {
    let line = f.line();
    (false, f.path, f.code.into_owned(), f.message, line)
}

/// A record line's `id`. The command's lines start with the schema and the
/// id (the record's first fields): read there, or from the JSON if a line
/// ever starts otherwise.
fn record_id(line: &str) -> String {
    const START: &str = r#"{"schema":"nomina.record/1","id":""#;
    if let Some(rest) = line.strip_prefix(START)
        && let Some(end) = rest.find('"')
        && rest[..end].bytes().all(|b| b.is_ascii_hexdigit())
    {
        return rest[..end].to_string();
    }
    serde_json::from_str::<serde_json::Value>(line)
        .ok()
        .and_then(|record| record.get("id")?.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// Converts one document, as the command does, without a batch: a bug met
/// on it (a panic) becomes its `internal` error, never the caller's crash.
///
/// Of a document over the size limit the command reads one byte past the
/// limit, and its error says that many bytes: so does this one's.
pub fn convert(pipeline: &Pipeline, bytes: &[u8], path: &str) -> OutcomeTuple {
    let bytes = &bytes[..bytes.len().min(read_limit(pipeline))];
    let converted = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| match pipeline.convert(bytes, path) {
        Ok(record) => match nomina_batch::json_line(&record) {
            Ok(mut line) => {
                line.pop();
                match String::from_utf8(line) {
                    Ok(line) => (true, record.source.path, record.kind.as_str().to_string(), record.id, line),
                    Err(e) => error_tuple(Failure::new(0, path, "internal", e.to_string())),
                }
            }
            Err(e) => error_tuple(Failure::new(0, path, "internal", e)),
        },
        Err(e) => error_tuple(Failure::new(0, path, e.code(), e.to_string())),
    }));
    converted.unwrap_or_else(|payload| {
        let what = payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "no message".to_string());
        error_tuple(Failure::new(0, path, "internal", format!("nomina failed on this document: {what}")))
    })
}

/// How much of a document the command reads: one byte past the size limit.
pub fn read_limit(pipeline: &Pipeline) -> usize {
    usize::try_from(pipeline.options().max_bytes.saturating_add(1)).unwrap_or(usize::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_read_from_the_line() {
        let line = r#"{"schema":"nomina.record/1","id":"ba149cd39f17c5fd","source":{}}"#;
        assert_eq!(record_id(line), "ba149cd39f17c5fd");
        assert_eq!(record_id(r#"{"id":"0123456789abcdef","schema":"x"}"#), "0123456789abcdef");
    }
}
