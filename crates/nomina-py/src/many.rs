//! `convert_many`: inputs converted on a pool of nomina's own threads, their
//! outcomes given back in input order.
//!
//! The Python thread pulls `(path, bytes)` pairs from the caller's iterator
//! and hands each to the pool, keeping at most a window of inputs (and of
//! their bytes) converted or being converted and not yet given back: memory
//! holds the documents in flight, not the corpus. It waits for the pool
//! with the GIL released, so other Python threads run meanwhile.

use std::collections::BTreeMap;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex};

use nomina::Pipeline;
use pyo3::exceptions::{PyRuntimeError, PyTypeError};
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedBytes;
use pyo3::types::PyIterator;

use crate::outcome::Outcome;
use crate::{OutcomeTuple, input, outcome_tuple};

/// Inputs in flight per thread, at least [`MIN_WINDOW`] in all: enough
/// that no thread waits while the Python thread is busy with the outcomes.
const WINDOW_PER_THREAD: usize = 32;
/// Smallest window of inputs in flight.
const MIN_WINDOW: usize = 64;
/// Bytes of the inputs in flight, at most (one input larger than this is
/// still taken, alone).
const WINDOW_BYTES: usize = 256 << 20;

/// The bytes of an input, shared by the task converting it and the Python
/// thread, which lets them go (a Python object) once it holds the GIL.
#[derive(Clone)]
struct Shared(Arc<PyBackedBytes>);

impl AsRef<[u8]> for Shared {
    fn as_ref(&self) -> &[u8] {
        &self.0
    }
}

/// What a task sends back: the input's index, its outcomes and its bytes.
type Done = (usize, Vec<Outcome>, Shared);

/// The outcomes of many inputs, one list per input, in input order.
#[pyclass(module = "nomina._nomina")]
pub struct ManyOutcomes {
    state: Mutex<State>,
}

struct State {
    pipeline: Arc<Pipeline>,
    /// The caller's iterator; `None` once it is exhausted or failed.
    items: Option<Py<PyIterator>>,
    pool: rayon::ThreadPool,
    tx: Sender<Done>,
    /// Taken while the Python thread waits on it without the GIL.
    rx: Option<Receiver<Done>>,
    /// Index of the next input pulled from `items`.
    next_pulled: usize,
    /// Index of the next list to give back.
    next_given: usize,
    in_flight: usize,
    bytes_in_flight: usize,
    window: usize,
    /// Lists ready, or the error met pulling an input, by input index.
    ready: BTreeMap<usize, PyResult<Vec<Outcome>>>,
}

impl ManyOutcomes {
    pub fn new(pipeline: Arc<Pipeline>, items: Py<PyIterator>, threads: usize) -> PyResult<ManyOutcomes> {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .thread_name(|i| format!("nomina-{i}"))
            .build()
            .map_err(|e| PyRuntimeError::new_err(format!("cannot start worker threads: {e}")))?;
        let window = MIN_WINDOW.max(pool.current_num_threads() * WINDOW_PER_THREAD);
        let (tx, rx) = channel();
        let state = State {
            pipeline,
            items: Some(items),
            pool,
            tx,
            rx: Some(rx),
            next_pulled: 0,
            next_given: 0,
            in_flight: 0,
            bytes_in_flight: 0,
            window,
            ready: BTreeMap::new(),
        };
        Ok(ManyOutcomes { state: Mutex::new(state) })
    }
}

impl State {
    /// Pulls inputs and starts converting them while the window has room.
    fn fill(&mut self, py: Python<'_>) {
        while self.in_flight < self.window && (self.in_flight == 0 || self.bytes_in_flight < WINDOW_BYTES) {
            let Some(items) = &self.items else { return };
            let index = self.next_pulled;
            let item = match items.bind(py).clone().next() {
                None => {
                    self.items = None;
                    return;
                }
                Some(Err(e)) => Err(e),
                Some(Ok(item)) => item.extract::<(String, PyBackedBytes)>().map_err(|e| {
                    PyTypeError::new_err(format!(
                        "convert_many: input {index} is not a (path: str, data: bytes) pair: {}",
                        e.value(py)
                    ))
                }),
            };
            self.next_pulled += 1;
            let (path, data) = match item {
                Ok(pair) => pair,
                Err(e) => {
                    // The lists before it are still given; then the error, and no more.
                    self.ready.insert(index, Err(e));
                    self.items = None;
                    return;
                }
            };
            let data = Shared(Arc::new(data));
            self.in_flight += 1;
            self.bytes_in_flight += data.as_ref().len();
            let (pipeline, tx) = (Arc::clone(&self.pipeline), self.tx.clone());
            self.pool.spawn(move || {
                let outcomes = input::outcomes(pipeline, data.clone(), path).collect();
                // The receiver lives as long as the pool's tasks can run; a
                // send fails only once the iterator is dropped, and then
                // nobody wants the outcomes.
                drop(tx.send((index, outcomes, data)));
            });
        }
    }

    /// Takes a finished input's outcomes.
    fn finish(&mut self, (index, outcomes, data): Done) {
        self.in_flight -= 1;
        self.bytes_in_flight -= data.as_ref().len();
        self.ready.insert(index, Ok(outcomes));
    }
}

/// The error for a second thread asking for outcomes while a first one waits.
pub fn busy() -> PyErr {
    PyRuntimeError::new_err("the iterator is already running in another thread")
}

#[pymethods]
impl ManyOutcomes {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__(&self, py: Python<'_>) -> PyResult<Option<Vec<OutcomeTuple>>> {
        // Never waited for: a thread waiting here with the GIL would keep the
        // one holding it (waiting without the GIL) from taking the GIL back.
        let mut state = match self.state.try_lock() {
            Ok(state) => state,
            Err(std::sync::TryLockError::Poisoned(e)) => e.into_inner(),
            Err(std::sync::TryLockError::WouldBlock) => return Err(busy()),
        };
        loop {
            state.fill(py);
            let next = state.next_given;
            if let Some(list) = state.ready.remove(&next) {
                state.next_given += 1;
                return list.map(|outcomes| Some(outcomes.into_iter().map(outcome_tuple).collect()));
            }
            if state.in_flight == 0 {
                return Ok(None);
            }
            // Whatever is done already, then (without the GIL) the next to finish.
            let Some(rx) = state.rx.take() else { return Err(busy()) };
            while let Ok(done) = rx.try_recv() {
                state.finish(done);
            }
            if state.ready.contains_key(&next) {
                state.rx = Some(rx);
                continue;
            }
            let (rx, done) = py.detach(move || {
                let done = rx.recv();
                (rx, done)
            });
            state.rx = Some(rx);
            match done {
                Ok(done) => state.finish(done),
                Err(_) => return Err(PyRuntimeError::new_err("convert_many: a worker thread stopped")),
            }
        }
    }
}
