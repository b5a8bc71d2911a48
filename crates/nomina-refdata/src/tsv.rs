//! Reading the crate's tab-separated data files.

/// The rows of `data` after its header line, each split into exactly
/// `columns` fields.
///
/// The files are part of the crate and checked by its tests, so a malformed
/// row is a build defect, not an input error: it panics with the row.
pub(crate) fn rows(data: &'static str, columns: usize) -> impl Iterator<Item = Vec<&'static str>> {
    data.lines().skip(1).filter(|l| !l.is_empty()).map(move |line| {
        let fields: Vec<&str> = line.split('\t').collect();
        assert_eq!(fields.len(), columns, "malformed data row: {line:?}");
        fields
    })
}
