//! Arbitrary bytes through the whole facade: `Pipeline::convert`.
//!
//! Checks, besides "no panic": a record loses no character
//! (`uncovered_chars == 0`) and survives a JSON round trip unchanged.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;

static PIPELINE: LazyLock<nomina::Pipeline> = LazyLock::new(|| nomina::Pipeline::new(nomina::Options::default()));

fuzz_target!(|data: &[u8]| {
    match PIPELINE.convert(data, "fuzz/input.txt") {
        Ok(record) => {
            assert_eq!(record.diagnostics.uncovered_chars, 0, "lost text: {:?}", record.diagnostics);
            let json = serde_json::to_string(&record).expect("record serializes");
            let back: nomina::Record = serde_json::from_str(&json).expect("record parses back");
            assert_eq!(back, record, "JSON round trip changed the record");
        }
        Err(e) => {
            // A typed error with a stable code and a one-line message.
            assert!(!e.code().is_empty());
            assert!(!e.to_string().contains('\n'), "multi-line error: {e}");
        }
    }
});
