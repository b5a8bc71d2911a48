//! What one document becomes, as nomina-batch gives it, made into the
//! Python object asked for (a dict, the command's line, or a tuple).

use nomina_batch::{Encoder, Failure, Outcome};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyString;

use crate::tape;

/// An outcome as `output="row"` takes it: `(is_record, path, kind_or_code,
/// id_or_message, line)`, `line` being the command's line without its
/// newline.
pub type OutcomeTuple = (bool, String, String, String, String);

/// What Python gets of each outcome.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// The record or error object as a dict (`json.loads` of its line).
    Dict,
    /// The command's line, as a `str`.
    Json,
    /// An [`OutcomeTuple`].
    Tuple,
}

impl Shape {
    pub fn parse(name: &str) -> PyResult<Shape> {
        match name {
            "dict" => Ok(Shape::Dict),
            "json" => Ok(Shape::Json),
            "tuple" => Ok(Shape::Tuple),
            other => Err(PyValueError::new_err(format!("output must be 'dict', 'json' or 'tuple', not {other:?}"))),
        }
    }

    /// How the workers encode a record for this shape: a tape to make a
    /// dict of, or the command's line.
    pub fn encoder(self) -> Encoder {
        match self {
            Shape::Dict => tape::encode_record,
            Shape::Json | Shape::Tuple => nomina_batch::json_line,
        }
    }
}

/// Turns outcomes (their records encoded by [`Shape::encoder`]) into
/// Python objects, keeping the dict keys made so far.
pub struct Shaper {
    shape: Shape,
    keys: tape::Keys,
}

impl Shaper {
    pub fn new(shape: Shape) -> Shaper {
        Shaper { shape, keys: tape::Keys::default() }
    }

    /// The Python object of `outcome`.
    pub fn object<'py>(&mut self, py: Python<'py>, outcome: Outcome) -> PyResult<Bound<'py, PyAny>> {
        match (self.shape, outcome) {
            (Shape::Dict, Outcome::Record(r)) => tape::to_python(py, &r.line, &mut self.keys),
            (Shape::Dict, Outcome::Error(f)) => {
                // The error line's object, its keys in the line's order.
                let tape = tape::encode(&error_value(&f)).map_err(PyValueError::new_err)?;
                tape::to_python(py, &tape, &mut self.keys)
            }
            // Python checks the line's UTF-8 as it makes the `str`.
            (Shape::Json, Outcome::Record(r)) => {
                let line = r.line.strip_suffix(b"\n").unwrap_or(&r.line);
                Ok(PyString::from_bytes(py, line)?.into_any())
            }
            (Shape::Json, Outcome::Error(f)) => Ok(PyString::new(py, &f.line()).into_any()),
            (Shape::Tuple, outcome) => Ok(tuple(outcome).into_pyobject(py)?.into_any()),
        }
    }
}

/// The object of the command's error line.
fn error_value(f: &Failure) -> serde_json::Value {
    serde_json::from_str(&f.line()).unwrap_or(serde_json::Value::Null)
}

/// A record's line as a `str`, without its newline.
fn line_str(line: Vec<u8>) -> String {
    let mut line = String::from_utf8(line).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
    if line.ends_with('\n') {
        line.pop();
    }
    line
}

/// The tuple of a batch's outcome (its record encoded as a JSON line).
pub fn tuple(outcome: Outcome) -> OutcomeTuple {
    match outcome {
        Outcome::Record(r) => {
            let line = line_str(r.line);
            let id = record_id(&line);
            (true, r.path, r.kind.as_str().to_string(), id, line)
        }
        Outcome::Error(f) => {
            let line = f.line();
            (false, f.path, f.code.into_owned(), f.message, line)
        }
    }
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
