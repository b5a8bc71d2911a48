//! `nomina schema` and `nomina convert --format csv`: the outputs analysts
//! load as they are.

mod common;

use common::{Scratch, nomina, workspace};

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Output;

use serde_json::Value;

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A CSV file read back with the csv crate: its header and its rows.
fn read_csv(path: &Path) -> (Vec<String>, Vec<BTreeMap<String, String>>) {
    let mut reader = csv::Reader::from_path(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let header: Vec<String> = reader.headers().unwrap().iter().map(str::to_string).collect();
    let rows = reader
        .records()
        .map(|r| {
            let r = r.expect("a well-formed CSV row");
            assert_eq!(r.len(), header.len(), "row {r:?} has as many cells as the header");
            header.iter().cloned().zip(r.iter().map(str::to_string)).collect()
        })
        .collect();
    (header, rows)
}

fn jsonl(path: &Path) -> Vec<Value> {
    std::fs::read_to_string(path).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

fn len(v: &Value) -> usize {
    v.as_array().map_or(0, Vec::len)
}

const TABLES: [&str; 6] = ["documents", "nominations", "nomination_sdgs", "answers", "news", "warnings"];

#[test]
fn schema_prints_the_draft_2020_12_schema_that_docs_holds() {
    let out = nomina(&["schema"], &workspace());
    assert!(out.status.success(), "{}", stderr(&out));
    let schema: Value = serde_json::from_slice(&out.stdout).expect("nomina schema prints JSON");
    assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
    assert_eq!(schema["$id"], "nomina.record/1");
    assert_eq!(schema["type"], "object");
    assert_eq!(schema["$defs"]["Goal"]["maximum"], 17);
    let committed = std::fs::read(workspace().join("docs/record.schema.json")).unwrap();
    assert!(out.stdout == committed, "docs/record.schema.json differs from `nomina schema`");
}

#[test]
fn csv_tables_have_their_headers_and_as_many_rows_as_the_records_say() {
    let s = Scratch::new("counts");
    let out = nomina(&["convert", "-o", &s.path("records.jsonl"), "fixtures/"], &workspace());
    assert!(out.status.success(), "{}", stderr(&out));
    let out = nomina(&["convert", "--format", "csv", "--out-dir", &s.path("csv"), "fixtures/"], &workspace());
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("converted 10 files: 7 nomination, 3 news, 0 unknown; 0 errors"), "{}", stderr(&out));

    let records = jsonl(&s.0.join("records.jsonl"));
    let forms: Vec<&Value> = records.iter().filter(|r| r["kind"] == "nomination").collect();
    let want = [
        records.len(),
        forms.len(),
        forms.iter().map(|r| len(&r["nomination"]["sdgs"])).sum(),
        forms.iter().map(|r| len(&r["nomination"]["answers"])).sum(),
        records.iter().filter(|r| r["kind"] == "news").count(),
        records.iter().map(|r| len(&r["diagnostics"]["warnings"])).sum(),
    ];
    // The fixtures' own numbers: 22 + 23 answers in the seeds, 4 renderings
    // of 001 and one of 003.
    assert_eq!(want[..4], [10, 7, 2 * 5 + 4 * 2, 22 * 5 + 23 * 2]);

    let mut files: Vec<String> = std::fs::read_dir(s.0.join("csv"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    let mut expected_files: Vec<String> = TABLES.iter().map(|t| format!("{t}.csv")).collect();
    expected_files.sort();
    assert_eq!(files, expected_files, "six tables and no temporary file left behind");

    for (table, want) in TABLES.iter().zip(want) {
        let (header, rows) = read_csv(&s.0.join(format!("csv/{table}.csv")));
        assert_eq!(header[0], "path", "{table}");
        assert_eq!(rows.len(), want, "{table}.csv rows");
    }

    let (header, documents) = read_csv(&s.0.join("csv/documents.csv"));
    assert_eq!(header[..6], ["path", "id", "kind", "labels_language", "content_language", "bytes"].map(String::from));
    let first = &documents[0];
    assert_eq!(first["path"], "fixtures/001_eeae656d80b09620.txt");
    assert_eq!(first["id"], records[0]["id"].as_str().unwrap());
    assert_eq!(first["kind"], "nomination");
    assert_eq!(first["labels_language"], "en");
    assert_eq!(first["bytes"], records[0]["source"]["bytes"].to_string());
    assert_eq!(first["answers"], "22");
    assert_eq!(first["url"], "", "a missing value is an empty cell");
    assert_eq!(documents[1]["labels_language"], "", "news has no label language");

    let (_, nominations) = read_csv(&s.0.join("csv/nominations.csv"));
    let seed3 = nominations.iter().find(|r| r["path"].contains("003_")).unwrap();
    assert_eq!(seed3["member_state"], "Republic of Korea");
    assert_eq!(seed3["member_state_iso2"], "KR");
    assert_eq!(seed3["sdgs"], "1;3;4;10");
    assert_eq!(seed3["sdg_targets"], "1.3;1.4;3.8;3.9;4.3;4.5;10.2;10.3");
    assert_eq!(seed3["implementation_date"], "2020-02-01");
    assert_eq!(seed3["administrative_level"], "national");
    assert_eq!(seed3["public_sector"], "");
    assert_eq!(seed3["category_special"], "true");
    let seed1 = nominations.iter().find(|r| r["path"].contains("001_")).unwrap();
    assert_eq!((seed1["public_sector"].as_str(), seed1["un_involved"].as_str()), ("true", "false"));
    assert_eq!(seed1["operational_years"], "5");

    let (_, sdgs) = read_csv(&s.0.join("csv/nomination_sdgs.csv"));
    let seed1_goals: Vec<(&str, &str, &str)> = sdgs
        .iter()
        .filter(|r| r["path"].contains("001_"))
        .map(|r| (r["goal"].as_str(), r["goal_name"].as_str(), r["targets"].as_str()))
        .collect();
    assert_eq!(
        seed1_goals,
        [
            ("16", "Peace, justice and strong institutions", "16.7;16.b"),
            ("17", "Partnerships for the goals", "17.14;17.17")
        ]
    );

    let (_, answers) = read_csv(&s.0.join("csv/answers.csv"));
    let over: Vec<(&str, &str, &str, &str)> = answers
        .iter()
        .filter(|a| {
            !a["word_limit"].is_empty()
                && a["word_count"].parse::<u32>().unwrap() > a["word_limit"].parse::<u32>().unwrap()
        })
        .map(|a| (a["path"].as_str(), a["question"].as_str(), a["word_count"].as_str(), a["word_limit"].as_str()))
        .collect();
    assert!(over.contains(&("fixtures/003_3d6537fba802d833.txt", "1", "310", "300")), "{over:?}");
    let q9a = answers.iter().find(|a| a["path"].contains("003_") && a["question"] == "9" && a["part"] == "a").unwrap();
    assert_eq!((q9a["text"].as_str(), q9a["word_count"].as_str(), q9a["language"].as_str()), ("", "0", ""));

    let (_, news) = read_csv(&s.0.join("csv/news.csv"));
    let published: Vec<&str> = news.iter().map(|n| n["published"].as_str()).collect();
    assert_eq!(published, ["2013-07-10", "2016-02-23", "2016-02-23"]);
    let seed2 = &news[0];
    assert_eq!(seed2["byline"], "SMG News");
    assert_eq!(seed2["boilerplate"].lines().count(), 12, "one line per boilerplate line");
    assert_eq!(seed2["headings"].lines().count(), 4);
}

#[test]
fn a_multi_line_answer_survives_a_round_trip() {
    let s = Scratch::new("multiline");
    let seed = std::fs::read_to_string(workspace().join("fixtures/001_eeae656d80b09620.txt")).unwrap();
    let edited = seed.replacen("in 2016. During this period,", "in 2016, \"quoted\";\nDuring this period,", 1);
    assert_ne!(edited, seed);
    std::fs::create_dir_all(s.0.join("in")).unwrap();
    std::fs::write(s.0.join("in/multi.txt"), edited).unwrap();
    let out = nomina(&["convert", "--format", "csv", "--out-dir", "csv", "in"], &s.0);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = nomina(&["convert", "in"], &s.0);
    let record: Value = serde_json::from_slice(&out.stdout).unwrap();
    let text = record["nomination"]["answers"][0]["text"].as_str().unwrap();
    assert!(text.contains("in 2016, \"quoted\";\nDuring this period,"), "{text}");

    let (_, answers) = read_csv(&s.0.join("csv/answers.csv"));
    assert_eq!(answers.len(), 22);
    assert_eq!(answers[0]["text"], text, "the CSV cell reads back as the record's text");
    assert_eq!(answers[0]["position"], "1");
    assert_eq!(answers[0]["word_limit"], "300");
    // On disk: quoted, the inner quotes doubled, the newline kept inside.
    let raw = std::fs::read_to_string(s.0.join("csv/answers.csv")).unwrap();
    assert!(raw.contains("in 2016, \"\"quoted\"\";\nDuring this period,"));
    assert!(raw.starts_with("path,position,question,part,prompt,word_limit,text,language,word_count\r\n"));
}

#[test]
fn csv_tables_are_identical_whatever_the_number_of_threads() {
    let s = Scratch::new("jobs");
    for jobs in ["1", "2"] {
        let dir = s.path(&format!("j{jobs}"));
        let out = nomina(&["convert", "-j", jobs, "--format", "csv", "--out-dir", &dir, "fixtures/"], &workspace());
        assert!(out.status.success(), "{}", stderr(&out));
    }
    for table in TABLES {
        let one = std::fs::read(s.0.join(format!("j1/{table}.csv"))).unwrap();
        let two = std::fs::read(s.0.join(format!("j2/{table}.csv"))).unwrap();
        assert!(one == two, "{table}.csv differs between -j 1 and -j 2");
        assert!(one.len() > 40, "{table}.csv has rows");
    }
}

#[test]
fn csv_without_out_dir_and_out_dir_without_csv_are_usage_errors() {
    let s = Scratch::new("usage");
    let cases: [&[&str]; 3] = [
        &["convert", "--format", "csv", "fixtures/"],
        &["convert", "--out-dir", &s.path("csv"), "fixtures/"],
        &["convert", "--format", "csv", "--out-dir", &s.path("csv"), "-o", &s.path("r.jsonl"), "fixtures/"],
    ];
    for args in cases {
        let out = nomina(args, &workspace());
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(out.stdout.is_empty(), "{args:?} writes no record");
        assert!(stderr(&out).contains("--out-dir"), "{args:?}: {}", stderr(&out));
    }
    assert!(!s.0.join("csv").exists(), "no table is written on a usage error");
    let out = nomina(&["convert", "--format", "xml", "fixtures/"], &workspace());
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn jsonl_stays_the_default_format() {
    let plain = nomina(&["convert", "fixtures/001_eeae656d80b09620.txt"], &workspace());
    let explicit = nomina(&["convert", "--format", "jsonl", "fixtures/001_eeae656d80b09620.txt"], &workspace());
    assert!(plain.status.success() && explicit.status.success());
    assert_eq!(plain.stdout, explicit.stdout);
    let record: Value = serde_json::from_slice(&plain.stdout).unwrap();
    assert_eq!(record["schema"], "nomina.record/1");
}

#[test]
fn tables_written_inside_the_input_directory_are_not_taken_for_inputs() {
    let s = Scratch::new("inside");
    std::fs::create_dir_all(s.0.join("in")).unwrap();
    for name in ["001_eeae656d80b09620.txt", "002_fd03ccdba2c6da1f.txt"] {
        std::fs::copy(workspace().join("fixtures").join(name), s.0.join("in").join(name)).unwrap();
    }
    let out = nomina(&["convert", "--format", "csv", "--out-dir", "in/tables", "in"], &s.0);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("converted 2 files: 1 nomination, 1 news, 0 unknown; 0 errors"), "{}", stderr(&out));
    let (_, documents) = read_csv(&s.0.join("in/tables/documents.csv"));
    let paths: Vec<&str> = documents.iter().map(|d| d["path"].as_str()).collect();
    assert_eq!(paths, ["in/001_eeae656d80b09620.txt", "in/002_fd03ccdba2c6da1f.txt"]);
}
