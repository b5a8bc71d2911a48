//! `nomina._nomina`: the native part of the `nomina` Python package.
//!
//! The package's public functions (`python/nomina/__init__.py`) build a
//! [`Pipeline`] from their keyword options. Each outcome crosses into Python
//! in the shape asked for: a dict (made from a tape the worker threads write,
//! see [`tape`]), the command's line byte for byte, or a tuple
//! `(is_record, path, kind_or_code, id_or_message, line)` the package makes
//! rows of. Files and batches of files are converted by nomina-batch, as the
//! command converts them, on pools of nomina's own threads; nothing is
//! converted while holding the GIL, and the inputs' bytes are not copied.

mod many;
mod outcome;
mod tape;

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex, OnceLock};

use nomina_batch::{Batch, BatchOptions, HeldBytes, Outcome, Source};
use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedBytes;
use pyo3::types::PyTuple;

use outcome::{Shape, Shaper};

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

/// An input given as bytes, as nomina-batch takes it: the Python object's
/// own bytes (a `bytes` object is held, not copied; a `bytearray`, which
/// could change meanwhile, is copied once), converted where they are.
fn source(path: String, data: PyBackedBytes) -> Source {
    Source::Held { path, bytes: HeldBytes::new(data) }
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
            .map(|code| nomina::lang::Lang::parse(code).map_err(|e| PyValueError::new_err(e.to_string())))
            .collect::<PyResult<Vec<_>>>()?;
        let options = nomina::Options { date_order, detect_language, languages, lang_mode, max_bytes };
        Ok(Pipeline { inner: nomina::Pipeline::new(options) })
    }

    /// Converts one document (an archive's name is a document's name here):
    /// `(True, path, kind, None, record)`, the record as `output` says
    /// ("dict" or "json"), or `(False, path, code, message, None)`.
    fn convert<'py>(
        &self,
        py: Python<'py>,
        data: PyBackedBytes,
        path: String,
        output: &str,
    ) -> PyResult<Bound<'py, PyTuple>> {
        let shape = Shape::parse(output)?;
        let pipeline = &self.inner;
        let outcome = py.detach(|| nomina_batch::convert_document(pipeline, shape.encoder(), &path, &data));
        match outcome {
            Outcome::Record(r) => {
                let (path, kind) = (r.path.clone(), r.kind.as_str());
                let record = Shaper::new(shape).object(py, Outcome::Record(r))?;
                (true, path, kind, py.None(), record).into_pyobject(py)
            }
            Outcome::Error(f) => (false, f.path, f.code.into_owned(), f.message, py.None()).into_pyobject(py),
        }
    }

    /// What the command makes of one input file, outcome by outcome, on the
    /// shared pool of one thread a core, each in the shape `output` says
    /// ("dict", "json" or "tuple").
    fn convert_file(&self, data: PyBackedBytes, path: String, output: &str) -> PyResult<FileOutcomes> {
        let shape = Shape::parse(output)?;
        let batch =
            Batch::with_pool(self.inner.clone(), pool(0)?, BatchOptions::default()).with_encoder(shape.encoder());
        let outcomes = batch.convert(source(path, data));
        Ok(FileOutcomes {
            state: Mutex::new(FileState {
                outcomes: Some(outcomes),
                ready: VecDeque::new(),
                failed: None,
                shaper: Shaper::new(shape),
            }),
        })
    }

    /// Converts `(path, bytes)` pairs on `threads` threads (0: one a core),
    /// giving one list of outcomes per input, in input order, each outcome
    /// in the shape `output` says ("dict", "json" or "tuple").
    fn convert_many(&self, items: &Bound<'_, PyAny>, threads: usize, output: &str) -> PyResult<many::ManyOutcomes> {
        let shape = Shape::parse(output)?;
        let batch = Batch::with_pool(self.inner.clone(), pool(threads)?, BatchOptions::default())
            .with_encoder(shape.encoder())
            .with_window(many::WINDOW);
        Ok(many::ManyOutcomes::new(batch, items.try_iter()?.unbind(), Shaper::new(shape)))
    }
}

/// The outcomes of one input file, converted as they are asked for.
#[pyclass(module = "nomina._nomina")]
struct FileOutcomes {
    state: Mutex<FileState>,
}

struct FileState {
    /// `None` once the outcomes are all taken.
    outcomes: Option<nomina_batch::Outcomes>,
    /// Outcomes taken and made into objects, not yet given.
    ready: VecDeque<Py<PyAny>>,
    /// The error that ended the batch, given after `ready`.
    failed: Option<PyErr>,
    shaper: Shaper,
}

#[pymethods]
impl FileOutcomes {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__(&self, py: Python<'_>) -> PyResult<Option<Py<PyAny>>> {
        let mut state = many::lock(&self.state)?;
        loop {
            if let Some(next) = state.ready.pop_front() {
                return Ok(Some(next));
            }
            // An error that ended the batch comes after the outcomes before it.
            if let Some(e) = state.failed.take() {
                return Err(e);
            }
            let Some(outcomes) = state.outcomes.take() else { return Ok(None) };
            let taken = py.detach(move || many::take_ready(outcomes));
            state.outcomes = taken.outcomes;
            state.failed = taken.failed.map(|e| PyRuntimeError::new_err(e.to_string()));
            for outcome in taken.ready {
                let object = state.shaper.object(py, outcome)?.unbind();
                state.ready.push_back(object);
            }
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
