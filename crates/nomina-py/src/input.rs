//! What the command makes of one input file: one outcome for a document,
//! one per member for an archive, in the command's order.

use std::sync::Arc;

use nomina::Pipeline;

use crate::outcome::{self, Outcome};

/// The outcomes of one input, produced as they are asked for.
pub type Outcomes = Box<dyn Iterator<Item = Outcome> + Send>;

/// The outcomes of the input `data` named `path`.
pub fn outcomes<D: AsRef<[u8]> + Send + 'static>(pipeline: Arc<Pipeline>, data: D, path: String) -> Outcomes {
    let mut once = Some((data, path));
    Box::new(std::iter::from_fn(move || {
        let (data, path) = once.take()?;
        Some(outcome::convert(&pipeline, nomina::Input::new(data.as_ref(), &path)))
    }))
}
