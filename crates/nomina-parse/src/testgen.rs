//! Generated test cases: the same ones every run.

/// Pseudo-random numbers from a small linear congruential generator seeded
/// with `seed`.
pub(crate) fn numbers(seed: u64) -> impl FnMut() -> usize {
    let mut state = seed;
    move || {
        state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (state >> 33) as usize
    }
}

/// The text of a form's basic or institution field by its key (`field.member_state`),
/// as a decode step's end-to-end test reads it.
pub(crate) fn field_value(doc: &crate::Document, key: &str) -> Option<String> {
    let crate::Body::Form(form) = &doc.body else { panic!("{}", doc.classification) };
    form.institution
        .iter()
        .chain(form.basic.iter().flat_map(|b| &b.fields))
        .find(|f| f.key == key)
        .and_then(|f| f.value)
        .map(|v| doc.slice(v).to_string())
}

/// The first value under a form's field by its key, when its label stands
/// over it (`Country:` over `Ghana`), trimmed.
pub(crate) fn field_value_below(doc: &crate::Document, key: &str) -> Option<String> {
    let crate::Body::Form(form) = &doc.body else { panic!("{}", doc.classification) };
    form.institution
        .iter()
        .chain(form.basic.iter().flat_map(|b| &b.fields))
        .find(|f| f.key == key)
        .and_then(|f| f.items.first())
        .map(|l| doc.slice(l.span).trim().to_string())
}
