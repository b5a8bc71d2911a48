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

/// Parses `text` as a decode step's end-to-end test reads it, asserting the
/// form's member state and its first question's number, first part's
/// letter and word limit; gives the document for what else a test asserts.
pub(crate) fn assert_first_question(
    text: String,
    member_state: &str,
    (number, letter, limit): (u32, char, u32),
) -> crate::Document {
    let doc = crate::parse(text);
    assert_eq!(field_value(&doc, "field.member_state").as_deref(), Some(member_state));
    let crate::Body::Form(form) = &doc.body else { panic!("{}", doc.classification) };
    let (question, part) = (&form.questions[0], &form.questions[0].parts[0]);
    assert_eq!((question.number, part.letter, part.word_limit), (number, Some(letter), Some(limit)));
    doc
}
