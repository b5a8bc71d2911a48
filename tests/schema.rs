//! The record's JSON Schema: well formed, precise, and every fixture's
//! record valid against it.

use std::path::Path;

use serde_json::{Value, json};

fn validator() -> jsonschema::Validator {
    let schema = nomina::normalize::json_schema();
    jsonschema::draft202012::options().should_validate_formats(true).build(&schema).expect("the schema compiles")
}

/// Every fixture's record, as JSON, with its path.
fn fixture_records() -> Vec<(String, Value)> {
    let pipeline = nomina::Pipeline::new(nomina::Options::default());
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths: Vec<_> = std::fs::read_dir(root.join("fixtures"))
        .expect("fixtures/ is readable")
        .map(|e| e.expect("fixture entry").path())
        .filter(|p| p.is_file())
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|path| {
            let rel = format!("fixtures/{}", path.file_name().unwrap().to_string_lossy());
            let record = pipeline.convert(&std::fs::read(&path).unwrap(), &rel).expect("every fixture converts");
            (rel, serde_json::to_value(&record).unwrap())
        })
        .collect()
}

fn errors(validator: &jsonschema::Validator, record: &Value) -> Vec<String> {
    validator.iter_errors(record).map(|e| format!("{} at {}", e, e.instance_path())).collect()
}

#[test]
fn the_schema_is_draft_2020_12_and_names_the_record_version() {
    let schema = nomina::normalize::json_schema();
    assert!(jsonschema::draft202012::meta::is_valid(&schema));
    assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
    assert_eq!(schema["$id"], "nomina.record/1");
    assert_eq!(schema["title"], "nomina.record/1");
    assert_eq!(schema["properties"]["schema"]["const"], "nomina.record/1");
    let required: Vec<&str> = schema["required"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
    assert_eq!(required, ["schema", "id", "source", "kind", "languages", "nomination", "news", "text", "diagnostics"]);
    // Optional fields are the two a WARC record alone carries.
    let source = &schema["$defs"]["Source"];
    let required: Vec<&str> = source["required"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
    assert_eq!(required, ["path", "bytes", "sha256", "encoding", "encoding_basis"]);
    assert_eq!(source["properties"]["url"]["type"], "string");
    // The custom-serialized values, precisely.
    let defs = &schema["$defs"];
    assert_eq!(defs["Goal"]["type"], "integer");
    assert_eq!((defs["Goal"]["minimum"].as_u64(), defs["Goal"]["maximum"].as_u64()), (Some(1), Some(17)));
    assert_eq!(defs["Target"]["pattern"], r"^\d{1,2}\.(\d{1,2}|[a-z])$");
    assert_eq!(defs["IsoDate"]["format"], "date");
    assert_eq!(defs["Lang"]["enum"], json!(["en", "zh", "fr", "es", "ru", "ar", "ko"]));
    assert_eq!(defs["LabelLang"]["enum"], json!(["en", "zh", "fr", "es", "ru", "ar"]));
    assert_eq!(
        defs["Nomination"]["properties"]["implementation_date"]["description"],
        "When it was implemented, ISO 8601 (from `01 Nov 2017`, `01 2月 2020`)."
    );
}

#[test]
fn every_fixture_record_validates() {
    let validator = validator();
    let records = fixture_records();
    assert_eq!(records.len(), 10);
    for (path, record) in &records {
        assert_eq!(errors(&validator, record), Vec::<String>::new(), "{path}");
    }
    // A WARC record carries `url` and `fetched`; those validate too.
    let mut warc = records[0].1.clone();
    warc["source"]["url"] = json!("https://example.org/p/1");
    warc["source"]["fetched"] = json!("2024-01-02T03:04:05Z");
    assert!(validator.is_valid(&warc));
}

#[test]
fn records_that_break_the_contract_do_not_validate() {
    let validator = validator();
    let records = fixture_records();
    let (_, form) = records.iter().find(|(p, _)| p.contains("001_")).unwrap();
    let (_, news) = records.iter().find(|(p, _)| p.contains("004_")).unwrap();
    assert_eq!(form["nomination"]["sdgs"], json!([16, 17]));
    assert_eq!(news["news"]["published"], "2016-02-23");

    let broken = |base: &Value, pointer: &str, value: Value| {
        let mut record = base.clone();
        *record.pointer_mut(pointer).unwrap_or_else(|| panic!("{pointer} is in the record")) = value;
        record
    };
    let cases = [
        broken(form, "/nomination/sdgs", json!([16, 18])),
        broken(form, "/nomination/sdgs", json!([16, 16])),
        broken(form, "/nomination/sdg_targets/0", json!("16")),
        broken(form, "/nomination/implementation_date", json!("2017-02-30")),
        broken(form, "/nomination/implementation_date", json!("01 Nov 2017")),
        broken(form, "/nomination/public_sector", json!("true")),
        broken(form, "/nomination/answers/0/language", json!("de")),
        broken(form, "/languages/labels", json!("ko")),
        broken(form, "/kind", json!("news")),
        broken(form, "/nomination", Value::Null),
        broken(form, "/schema", json!("nomina.record/2")),
        broken(form, "/id", json!("ABC")),
        broken(form, "/source/encoding_basis", json!("guessed")),
        broken(news, "/news/published", json!("2016/02/23")),
        broken(news, "/diagnostics/uncovered_chars", json!(-1)),
    ];
    for (i, record) in cases.iter().enumerate() {
        assert!(!validator.is_valid(record), "case {i} should not validate");
    }
    // A required field left out (here, a null written as absent) is an error too.
    let mut missing = form.clone();
    missing["nomination"].as_object_mut().unwrap().remove("website");
    assert!(!validator.is_valid(&missing));
}
