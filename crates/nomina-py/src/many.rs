//! `convert_many`: inputs converted by nomina-batch on a pool of nomina's
//! own threads, their outcomes given back as one list per input, in input
//! order.
//!
//! The batch's thread takes inputs from the caller's iterator as its window
//! has room for them, a few at a time, holding the GIL only while it pulls
//! them: memory holds the documents in flight, not the corpus, and their
//! bytes are the caller's `bytes` objects, not copies. The Python thread
//! waits for outcomes with the GIL released, takes every outcome ready at
//! once (one wait and one hand-over of the GIL for many), and makes their
//! objects in the shape asked for.

use std::collections::VecDeque;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, TryLockError};

use nomina_batch::{Batch, BatchError, Outcome, Outcomes, Source};
use pyo3::exceptions::{PyRuntimeError, PyTypeError};
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedBytes;
use pyo3::types::{PyIterator, PyList};

use crate::outcome::Shaper;

/// Inputs pulled from the caller's iterator at once: the GIL is taken once
/// for them all.
const PULL: usize = 16;

/// Outcomes taken at once, at most, when that many are ready.
const TAKE: usize = 256;

/// What [`take_ready`] took.
pub struct Taken {
    /// The outcomes, in order.
    pub ready: Vec<Outcome>,
    /// The error that ended the batch, after `ready`.
    pub failed: Option<BatchError>,
    /// The rest of the outcomes; `None` when the batch has ended.
    pub outcomes: Option<Outcomes>,
}

/// Waits for the next outcome and takes it with every one ready after it
/// (up to [`TAKE`]). Run without the GIL.
pub fn take_ready(mut outcomes: Outcomes) -> Taken {
    let mut ready = Vec::new();
    match outcomes.next() {
        None => return Taken { ready, failed: None, outcomes: None },
        Some(Err(e)) => return Taken { ready, failed: Some(e), outcomes: None },
        Some(Ok(outcome)) => ready.push(outcome),
    }
    while ready.len() < TAKE
        && let Some(outcome) = outcomes.next_ready()
    {
        ready.push(outcome);
    }
    Taken { ready, failed: None, outcomes: Some(outcomes) }
}

/// Locks `mutex` without waiting: a thread waiting for it with the GIL
/// would keep the one holding it (waiting for outcomes without the GIL)
/// from taking the GIL back.
pub fn lock<T>(mutex: &Mutex<T>) -> PyResult<MutexGuard<'_, T>> {
    match mutex.try_lock() {
        Ok(guard) => Ok(guard),
        Err(TryLockError::Poisoned(e)) => Ok(e.into_inner()),
        Err(TryLockError::WouldBlock) => {
            Err(PyRuntimeError::new_err("the iterator is already running in another thread"))
        }
    }
}

/// What the batch's thread tells of the caller's iterator.
#[derive(Default)]
struct Pulled {
    /// Inputs taken from it.
    count: AtomicUsize,
    /// The error that ended it: its own exception, or an item that is not a
    /// `(path, bytes)` pair. It stands in the place of input `count`.
    error: Mutex<Option<PyErr>>,
}

/// The caller's iterator as the batch's sources, pulled on the batch's
/// thread.
struct PySources {
    /// `None` once exhausted or failed.
    items: Option<Py<PyIterator>>,
    buffer: VecDeque<Source>,
    pulled: Arc<Pulled>,
}

impl PySources {
    fn refill(&mut self) {
        let Some(items) = self.items.take() else { return };
        Python::attach(|py| {
            let iter = items.bind(py);
            for _ in 0..PULL {
                let index = self.pulled.count.load(Ordering::Relaxed);
                let item = match iter.clone().next() {
                    // The iterator is dropped here, with the GIL.
                    None => return,
                    Some(item) => item.and_then(|item| {
                        item.extract::<(String, PyBackedBytes)>().map_err(|e| {
                            PyTypeError::new_err(format!(
                                "convert_many: input {index} is not a (path: str, data: bytes) pair: {}",
                                e.value(py)
                            ))
                        })
                    }),
                };
                match item {
                    Ok((path, data)) => {
                        self.buffer.push_back(crate::source(path, data));
                        self.pulled.count.fetch_add(1, Ordering::Release);
                    }
                    Err(e) => {
                        *self.pulled.error.lock().unwrap_or_else(|e| e.into_inner()) = Some(e);
                        return;
                    }
                }
            }
            self.items = Some(items);
        });
    }
}

impl Iterator for PySources {
    type Item = Source;

    fn next(&mut self) -> Option<Source> {
        if self.buffer.is_empty() {
            self.refill();
        }
        self.buffer.pop_front()
    }
}

/// The outcomes of many inputs, one list per input, in input order.
#[pyclass(module = "nomina._nomina")]
pub struct ManyOutcomes {
    state: Mutex<State>,
}

struct State {
    /// Taken while the Python thread waits on it without the GIL; `None`
    /// once the batch has given its last outcome.
    outcomes: Option<Outcomes>,
    /// The error that ended the batch, given after the lists before it.
    failed: Option<PyErr>,
    pulled: Arc<Pulled>,
    shaper: Shaper,
    /// Lists made, not yet given: those of the inputs before `current`.
    ready: VecDeque<Py<PyList>>,
    /// The input whose outcomes are being gathered into `items`.
    current: usize,
    items: Vec<Py<PyAny>>,
}

impl ManyOutcomes {
    pub fn new(batch: Batch, items: Py<PyIterator>, shaper: Shaper) -> ManyOutcomes {
        let pulled = Arc::new(Pulled::default());
        let sources = PySources { items: Some(items), buffer: VecDeque::new(), pulled: Arc::clone(&pulled) };
        let outcomes = batch.convert_all(sources);
        let state = State {
            outcomes: Some(outcomes),
            failed: None,
            pulled,
            shaper,
            ready: VecDeque::new(),
            current: 0,
            items: Vec::new(),
        };
        ManyOutcomes { state: Mutex::new(state) }
    }
}

impl State {
    /// Ends the list of `current`.
    fn close_list(&mut self, py: Python<'_>) -> PyResult<()> {
        let list = PyList::new(py, self.items.drain(..))?.unbind();
        self.ready.push_back(list);
        self.current += 1;
        Ok(())
    }
}

#[pymethods]
impl ManyOutcomes {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__(&self, py: Python<'_>) -> PyResult<Option<Py<PyList>>> {
        let mut guard = lock(&self.state)?;
        let state = &mut *guard;
        loop {
            if let Some(list) = state.ready.pop_front() {
                return Ok(Some(list));
            }
            let Some(outcomes) = state.outcomes.take() else {
                if let Some(e) = state.failed.take() {
                    return Err(e);
                }
                // The batch has ended: the list of every input taken is
                // complete (an empty archive's list is empty), then comes the
                // error that stopped the caller's iterator, if any, and the end.
                if state.current < state.pulled.count.load(Ordering::Acquire) {
                    state.close_list(py)?;
                    continue;
                }
                let error = state.pulled.error.lock().unwrap_or_else(|e| e.into_inner()).take();
                return match error {
                    Some(e) => Err(e),
                    None => Ok(None),
                };
            };
            let taken = py.detach(move || take_ready(outcomes));
            state.outcomes = taken.outcomes;
            state.failed = taken.failed.map(|e| PyRuntimeError::new_err(e.to_string()));
            for outcome in taken.ready {
                // The list of `current` ends where an outcome of a later input comes.
                while outcome.input() > state.current {
                    state.close_list(py)?;
                }
                let object = state.shaper.object(py, outcome)?.unbind();
                state.items.push(object);
            }
        }
    }
}
