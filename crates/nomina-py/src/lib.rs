//! `nomina._nomina`: the native part of the `nomina` Python package.
//!
//! The package's public functions (`python/nomina/__init__.py`) build a
//! [`Pipeline`] from their keyword options and turn what it gives into
//! dicts, JSON lines or rows. Every outcome crosses into Python as a tuple
//! `(is_record, path, kind_or_code, id_or_message, line)`, `line` being the
//! command's line for it, byte for byte. Files and batches of files are
//! converted by nomina-batch, as the command converts them, on pools of
//! nomina's own threads; nothing is converted while holding the GIL.

mod many;
mod outcome;

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use nomina_batch::{Batch, BatchOptions, Source};
use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedBytes;

use outcome::OutcomeTuple;

/// Every document allocates many short-lived strings on one worker thread
/// and its line is freed on another: the command's allocator, for the
/// command's speed.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The thread pool of `threads` threads (0: one a core), started once and
/// shared by every call asking for that many: a call converting one small
/// file does not start threads of its own.
fn pool(threads: usize) -> PyResult<Arc<rayon::ThreadPool>> {
    static POOLS: OnceLock<Mutex<HashMap<usize, Arc<rayon::ThreadPool>>>> = OnceLock::new();
    let mut pools = POOLS.get_or_init(Default::default).lock().unwrap_or_else(|e| e.into_inner());
    if let Some(pool) = pools.get(&threads) {
        return Ok(Arc::clone(pool));
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .thread_name(|i| format!("nomina-{i}"))
        .build()
        .map_err(|e| PyRuntimeError::new_err(format!("cannot start worker threads: {e}")))?;
    let pool = Arc::new(pool);
    pools.insert(threads, Arc::clone(&pool));
    Ok(pool)
}

/// An input given as bytes, as nomina-batch takes it. A document (a name
/// that is no archive's) is kept only as far as the command reads one: a
/// byte past the size limit.
fn source(pipeline: &nomina::Pipeline, path: String, data: &[u8]) -> Source {
    let archive = nomina_archive::ArchiveKind::from_path(std::path::Path::new(&path)).is_some();
    let keep = if archive { data.len() } else { data.len().min(outcome::read_limit(pipeline)) };
    Source::Bytes { path, bytes: data[..keep].to_vec() }
}

/// The pipeline with its options: `nomina::Options` of the Rust library,
/// from the command's option values.
#[pyclass(frozen, module = "nomina._nomina")]
struct Pipeline {
    inner: nomina::Pipeline,
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
        Ok(Pipeline { inner: nomina::Pipeline::new(options) })
    }

    /// Converts one document (an archive's name is a document's name here).
    fn convert(&self, py: Python<'_>, data: PyBackedBytes, path: String) -> OutcomeTuple {
        let pipeline = &self.inner;
        let bytes: &[u8] = &data;
        py.detach(|| outcome::convert(pipeline, bytes, &path))
    }

    /// What the command makes of one input file, outcome by outcome, on the
    /// shared pool of one thread a core.
    fn convert_file(&self, py: Python<'_>, data: PyBackedBytes, path: String) -> PyResult<FileOutcomes> {
        let batch = Batch::with_pool(self.inner.clone(), pool(0)?, BatchOptions::default());
        let pipeline = &self.inner;
        let bytes: &[u8] = &data;
        let source = py.detach(|| source(pipeline, path, bytes));
        Ok(FileOutcomes { outcomes: Mutex::new(Some(batch.convert(source))) })
    }

    /// Converts `(path, bytes)` pairs on `threads` threads (0: one a core),
    /// giving one list of outcomes per input, in input order.
    fn convert_many(&self, items: &Bound<'_, PyAny>, threads: usize) -> PyResult<many::ManyOutcomes> {
        let batch = Batch::with_pool(self.inner.clone(), pool(threads)?, BatchOptions::default());
        Ok(many::ManyOutcomes::new(batch, items.try_iter()?.unbind()))
    }
}

/// The outcomes of one input file, converted as they are asked for.
#[pyclass(module = "nomina._nomina")]
struct FileOutcomes {
    /// `None` once the outcomes are all given.
    outcomes: Mutex<Option<nomina_batch::Outcomes>>,
}

#[pymethods]
impl FileOutcomes {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__(&self, py: Python<'_>) -> PyResult<Option<OutcomeTuple>> {
        let mut guard = many::lock(&self.outcomes)?;
        let Some(mut outcomes) = guard.take() else { return Ok(None) };
        let (next, outcomes) = py.detach(move || {
            let next = outcomes.next();
            (next, outcomes)
        });
        match next {
            Some(Ok(outcome)) => {
                *guard = Some(outcomes);
                Ok(Some(outcome::tuple(outcome)))
            }
            Some(Err(e)) => Err(PyRuntimeError::new_err(e.to_string())),
            None => Ok(None),
        }
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
