//! `convert_many`: inputs converted by nomina-batch on a pool of nomina's
//! own threads, their outcomes given back as one list per input, in input
//! order.
//!
//! Inputs are taken from the caller's iterator a few at a time as the
//! batch's window has room for them, mostly by the Python thread while it
//! holds the GIL anyway (see [`Feed`]): memory holds the documents in
//! flight, not the corpus, and their bytes are the caller's `bytes` objects,
//! not copies. The Python thread
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

/// Inputs taken from the caller's iterator at once, and the most the buffer
/// of inputs taken holds: the GIL is taken once for them all. With 64 rather
/// than 16 (and [`TAKE`] 1,024 rather than 256), the GIL changes hands less
/// often: two threads on two cores went from 0.74 to 0.77 of the command with
/// dicts and from 0.80 to 0.83 with JSON lines (docs/scaling.md).
const PULL: usize = 64;

/// Documents in flight, at most: read and not yet handed to the Python
/// thread. More than the command's 64: the Python thread has work of its own
/// on each outcome and, on a machine whose cores are shared, is off its core
/// now and then; the workers go on meanwhile. Some 5 MB of documents of the
/// benchmark corpus's size.
pub const WINDOW: usize = 256;

/// Outcomes taken at once, at most, when that many are ready (the window
/// bounds the documents among them).
const TAKE: usize = 1024;

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

/// The caller's iterator and the inputs taken from it, shared by the
/// batch's thread and the Python thread.
///
/// Both take inputs from the iterator, in turn, into one buffer the batch
/// reads from: the Python thread, which holds the GIL anyway, tops the
/// buffer up each time it is asked for a list, so that the batch's thread
/// seldom has to wait for the GIL (while the Python thread makes objects)
/// before it can give the workers more to do; the batch's thread takes
/// inputs itself when the buffer runs dry.
#[derive(Default)]
struct Feed {
    /// The caller's iterator, `None` once exhausted or failed. Whoever holds
    /// this lock is the one taking inputs: the batch's thread takes it
    /// before the GIL, the Python thread (holding the GIL) only tries it, so
    /// neither waits for the GIL while holding it.
    items: Mutex<Option<Py<PyIterator>>>,
    /// Inputs taken, not yet given to the batch.
    buffer: Mutex<VecDeque<Source>>,
    /// Inputs taken from the iterator.
    count: AtomicUsize,
    /// The error that ended it: its own exception, or an item that is not a
    /// `(path, bytes)` pair. It stands in the place of input `count`.
    error: Mutex<Option<PyErr>>,
}

/// A lock's guard, whether or not a thread panicked holding it.
fn unpoisoned<'a, T>(guard: std::sync::LockResult<MutexGuard<'a, T>>) -> MutexGuard<'a, T> {
    guard.unwrap_or_else(|e| e.into_inner())
}

impl Feed {
    /// Takes up to `n` inputs from the iterator into the buffer.
    fn pull(&self, py: Python<'_>, items: &mut Option<Py<PyIterator>>, n: usize) {
        let Some(iter) = items.as_ref() else { return };
        let iter = iter.bind(py).clone();
        for _ in 0..n {
            let index = self.count.load(Ordering::Relaxed);
            let item = match iter.clone().next() {
                None => {
                    // The iterator is dropped here, with the GIL.
                    *items = None;
                    return;
                }
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
                    unpoisoned(self.buffer.lock()).push_back(crate::source(path, data));
                    self.count.fetch_add(1, Ordering::Release);
                }
                Err(e) => {
                    *unpoisoned(self.error.lock()) = Some(e);
                    *items = None;
                    return;
                }
            }
        }
    }

    /// On the Python thread: fills the buffer up to [`PULL`] inputs, unless
    /// the batch's thread is taking inputs itself.
    fn top_up(&self, py: Python<'_>) {
        let mut items = match self.items.try_lock() {
            Ok(items) => items,
            Err(TryLockError::Poisoned(e)) => e.into_inner(),
            Err(TryLockError::WouldBlock) => return,
        };
        let have = unpoisoned(self.buffer.lock()).len();
        if have < PULL {
            self.pull(py, &mut items, PULL - have);
        }
    }
}

/// The caller's iterator as the batch's sources.
struct PySources {
    feed: Arc<Feed>,
}

impl Iterator for PySources {
    type Item = Source;

    fn next(&mut self) -> Option<Source> {
        if let Some(source) = unpoisoned(self.feed.buffer.lock()).pop_front() {
            return Some(source);
        }
        // The buffer ran dry: take inputs here, unless the Python thread,
        // taking some now, leaves them.
        let mut items = unpoisoned(self.feed.items.lock());
        if let Some(source) = unpoisoned(self.feed.buffer.lock()).pop_front() {
            return Some(source);
        }
        items.as_ref()?;
        Python::attach(|py| self.feed.pull(py, &mut items, PULL));
        unpoisoned(self.feed.buffer.lock()).pop_front()
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
    feed: Arc<Feed>,
    shaper: Shaper,
    /// Lists made, not yet given: those of the inputs before `current`.
    ready: VecDeque<Py<PyList>>,
    /// The input whose outcomes are being gathered into `items`.
    current: usize,
    items: Vec<Py<PyAny>>,
}

impl ManyOutcomes {
    pub fn new(batch: Batch, items: Py<PyIterator>, shaper: Shaper) -> ManyOutcomes {
        let feed = Arc::new(Feed { items: Mutex::new(Some(items)), ..Feed::default() });
        let outcomes = batch.convert_all(PySources { feed: Arc::clone(&feed) });
        let state = State {
            outcomes: Some(outcomes),
            failed: None,
            feed,
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
                if state.current < state.feed.count.load(Ordering::Acquire) {
                    state.close_list(py)?;
                    continue;
                }
                let error = unpoisoned(state.feed.error.lock()).take();
                return match error {
                    Some(e) => Err(e),
                    None => Ok(None),
                };
            };
            state.feed.top_up(py);
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
