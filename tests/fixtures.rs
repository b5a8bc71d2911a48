//! One snapshot of the full record per fixture, under `snapshots/records/`.
//!
//! A snapshot is a claim that the record is right: each was read against its
//! fixture's text before it was accepted.

use std::path::Path;

#[test]
fn records_of_every_fixture() {
    let pipeline = nomina::Pipeline::new(nomina::Options::default());
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    insta::glob!("../fixtures", "**/*", |path| {
        if path.is_dir() {
            return;
        }
        let bytes = std::fs::read(path).expect("fixture is readable");
        let rel = path.strip_prefix(root).expect("fixture under the workspace");
        let rel = rel.to_string_lossy().replace('\\', "/");
        let record = pipeline.convert(&bytes, &rel).expect("every fixture converts");
        insta::with_settings!({
            snapshot_path => "../snapshots/records",
            prepend_module_to_snapshot => false,
            omit_expression => true,
        }, {
            insta::assert_json_snapshot!(record);
        });
    });
}

/// The blind set (`fixtures-blind/`, see its README.md): renderings of seed
/// 001 in wordings nobody on the project wrote, and forms of other years.
/// Kept apart from `fixtures/`, whose records the analysis checks count.
#[test]
fn records_of_every_blind_fixture() {
    let pipeline = nomina::Pipeline::new(nomina::Options::default());
    insta::glob!("../fixtures-blind", "*.txt", |path| {
        let bytes = std::fs::read(path).expect("fixture is readable");
        let rel = format!("fixtures-blind/{}", path.file_name().unwrap().to_string_lossy());
        let record = pipeline.convert(&bytes, &rel).expect("every fixture converts");
        insta::with_settings!({
            snapshot_path => "../snapshots/records",
            prepend_module_to_snapshot => false,
            omit_expression => true,
        }, {
            insta::assert_json_snapshot!(record);
        });
    });
}
