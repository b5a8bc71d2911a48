//! `convert_many`: inputs converted by nomina-batch on a pool of nomina's
//! own threads, their outcomes given back as one list per input, in input
//! order.
//!
//! The batch's thread takes inputs from the caller's iterator as its window
//! has room for them, a few at a time, holding the GIL only while it pulls
//! them: memory holds the documents in flight, not the corpus. The Python
//! thread waits for outcomes with the GIL released.

use std::collections::VecDeque;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, TryLockError};

use nomina_batch::{Batch, Outcome, Outcomes, Source};
use pyo3::exceptions::{PyRuntimeError, PyTypeError};
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedBytes;
use pyo3::types::PyIterator;

use crate::outcome::{self, OutcomeTuple};

/// Inputs pulled from the caller's iterator at once: the GIL is taken once
/// for them all.
const PULL: usize = 16;

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
    pipeline: nomina::Pipeline,
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
                        self.buffer.push_back(crate::source(&self.pipeline, path, &data));
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
    /// Taken while the Python thread waits on it without the GIL.
    outcomes: Option<Outcomes>,
    /// The batch has given its last outcome.
    ended: bool,
    pulled: Arc<Pulled>,
    /// The input whose list is given next.
    next_input: usize,
    /// An outcome of a later input, read while looking for the end of a list.
    ahead: Option<Outcome>,
}

impl ManyOutcomes {
    pub fn new(batch: Batch, items: Py<PyIterator>) -> ManyOutcomes {
        let pulled = Arc::new(Pulled::default());
        let sources = PySources {
            items: Some(items),
            buffer: VecDeque::new(),
            pulled: Arc::clone(&pulled),
            pipeline: batch.pipeline().clone(),
        };
        let outcomes = batch.convert_all(sources);
        let state = State { outcomes: Some(outcomes), ended: false, pulled, next_input: 0, ahead: None };
        ManyOutcomes { state: Mutex::new(state) }
    }
}

impl State {
    /// The next outcome of the batch, waited for without the GIL.
    fn next_outcome(&mut self, py: Python<'_>) -> PyResult<Option<Outcome>> {
        if self.ended {
            return Ok(None);
        }
        let Some(mut outcomes) = self.outcomes.take() else {
            return Err(PyRuntimeError::new_err("the iterator is already running in another thread"));
        };
        let (next, outcomes) = py.detach(move || {
            let next = outcomes.next();
            (next, outcomes)
        });
        self.outcomes = Some(outcomes);
        match next {
            Some(Ok(outcome)) => Ok(Some(outcome)),
            Some(Err(e)) => {
                self.ended = true;
                Err(PyRuntimeError::new_err(e.to_string()))
            }
            None => {
                self.ended = true;
                Ok(None)
            }
        }
    }
}

#[pymethods]
impl ManyOutcomes {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__(&self, py: Python<'_>) -> PyResult<Option<Vec<OutcomeTuple>>> {
        let mut state = lock(&self.state)?;
        let input = state.next_input;
        let mut list = Vec::new();
        // The list of `input` ends where an outcome of a later input comes
        // (an empty archive gives none), or where the outcomes end.
        loop {
            let outcome = match state.ahead.take() {
                Some(outcome) => outcome,
                None => match state.next_outcome(py)? {
                    Some(outcome) => outcome,
                    None => break,
                },
            };
            if outcome.input() == input {
                list.push(outcome::tuple(outcome));
            } else {
                state.ahead = Some(outcome);
                break;
            }
        }
        if state.ahead.is_none() && input >= state.pulled.count.load(Ordering::Acquire) {
            // Past the last input taken: the error that stopped the caller's
            // iterator, if any, then the end.
            let error = state.pulled.error.lock().unwrap_or_else(|e| e.into_inner()).take();
            return match error {
                Some(e) => Err(e),
                None => Ok(None),
            };
        }
        state.next_input += 1;
        Ok(Some(list))
    }
}
