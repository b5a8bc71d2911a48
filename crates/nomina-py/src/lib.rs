//! `nomina._nomina`: the native part of the `nomina` Python package.
//!
//! The package's public functions (`python/nomina/__init__.py`) build a
//! [`Pipeline`] from their keyword options and turn what it gives into
//! dicts, JSON lines or rows. Every outcome crosses into Python as a tuple
//! `(is_record, path, kind_or_code, id_or_message, line)`, `line` being the
//! command's line for it, byte for byte. Conversion runs with the GIL
//! released; [`Pipeline::convert_many`] converts on a pool of its own
//! threads.

mod input;
mod many;
mod outcome;

use std::sync::{Arc, Mutex};

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedBytes;

use outcome::Outcome;

/// Every document allocates many short-lived strings on one worker thread
/// and its line is freed on another: the command's allocator, for the
/// command's speed.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// An outcome as Python sees it: `(is_record, path, kind_or_code,
/// id_or_message, line)`.
type OutcomeTuple = (bool, String, String, String, String);

fn outcome_tuple(o: Outcome) -> OutcomeTuple {
    match o {
        Outcome::Record { path, kind, id, line } => (true, path, kind.as_str().to_string(), id, line),
        Outcome::Error { path, code, message, line } => (false, path, code, message, line),
    }
}

/// The pipeline with its options: `nomina.Options` of the Rust library,
/// from the command's option values.
#[pyclass(frozen, module = "nomina._nomina")]
struct Pipeline {
    inner: Arc<nomina::Pipeline>,
}

#[pymethods]
impl Pipeline {
    #[new]
    #[pyo3(signature = (*, date_order, detect_language, languages, lang_mode, max_bytes))]
    fn new(
        date_order: &str,
        detect_language: bool,
        languages: Vec<String>,
        lang_mode: &str,
        max_bytes: u64,
    ) -> PyResult<Self> {
        let date_order = match date_order {
            "mdy" => nomina::DateOrder::MonthFirst,
            "dmy" => nomina::DateOrder::DayFirst,
            other => return Err(PyValueError::new_err(format!("date_order must be 'mdy' or 'dmy', not {other:?}"))),
        };
        let lang_mode = match lang_mode {
            "fast" => nomina::lang::LangMode::Fast,
            "full" => nomina::lang::LangMode::Full,
            other => return Err(PyValueError::new_err(format!("lang_mode must be 'fast' or 'full', not {other:?}"))),
        };
        let languages = languages
            .iter()
            .map(|code| {
                nomina::lang::Lang::from_code(code.trim()).ok_or_else(|| {
                    let known: Vec<&str> = nomina::lang::Lang::ALL.iter().map(|l| l.code()).collect();
                    PyValueError::new_err(format!("unknown language {code:?}; known: {}", known.join(", ")))
                })
            })
            .collect::<PyResult<Vec<_>>>()?;
        let options = nomina::Options { date_order, detect_language, languages, lang_mode, max_bytes };
        Ok(Pipeline { inner: Arc::new(nomina::Pipeline::new(options)) })
    }

    /// Converts one document (an archive's name is a document's name here).
    fn convert(&self, py: Python<'_>, data: PyBackedBytes, path: String) -> OutcomeTuple {
        let pipeline = &self.inner;
        let bytes: &[u8] = &data;
        outcome_tuple(py.detach(|| outcome::convert(pipeline, nomina::Input::new(bytes, &path))))
    }

    /// What the command makes of one input file, outcome by outcome.
    fn convert_file(&self, data: PyBackedBytes, path: String) -> FileOutcomes {
        FileOutcomes { outcomes: Mutex::new(Some(input::outcomes(Arc::clone(&self.inner), data, path))) }
    }

    /// Converts `(path, bytes)` pairs on `threads` threads (0: every core),
    /// giving one list of outcomes per input, in input order.
    fn convert_many(&self, items: &Bound<'_, PyAny>, threads: usize) -> PyResult<many::ManyOutcomes> {
        many::ManyOutcomes::new(Arc::clone(&self.inner), items.try_iter()?.unbind(), threads)
    }
}

/// The outcomes of one input file, converted as they are asked for.
#[pyclass(module = "nomina._nomina")]
struct FileOutcomes {
    outcomes: Mutex<Option<input::Outcomes>>,
}

#[pymethods]
impl FileOutcomes {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__(&self, py: Python<'_>) -> PyResult<Option<OutcomeTuple>> {
        // Never waited for (see `many::busy`).
        let mut guard = match self.outcomes.try_lock() {
            Ok(guard) => guard,
            Err(std::sync::TryLockError::Poisoned(e)) => e.into_inner(),
            Err(std::sync::TryLockError::WouldBlock) => return Err(many::busy()),
        };
        let Some(mut outcomes) = guard.take() else { return Ok(None) };
        let (next, outcomes) = py.detach(move || {
            let next = outcomes.next();
            (next, outcomes)
        });
        if next.is_some() {
            *guard = Some(outcomes);
        }
        Ok(next.map(outcome_tuple))
    }
}

/// The record's JSON Schema, as `nomina schema` prints it.
#[pyfunction]
fn schema_json() -> PyResult<String> {
    serde_json::to_string_pretty(&nomina::normalize::json_schema()).map_err(|e| PyValueError::new_err(e.to_string()))
}

/// The native part of the `nomina` package.
#[pymodule]
fn _nomina(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("DEFAULT_MAX_BYTES", nomina::DEFAULT_MAX_BYTES)?;
    m.add("LANGUAGES", nomina::lang::Lang::ALL.iter().map(|l| l.code()).collect::<Vec<_>>())?;
    m.add_class::<Pipeline>()?;
    m.add_class::<FileOutcomes>()?;
    m.add_class::<many::ManyOutcomes>()?;
    m.add_function(wrap_pyfunction!(schema_json, m)?)?;
    Ok(())
}
