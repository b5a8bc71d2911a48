//! `nomina diff`: the real binary over JSONL files written for each test, and over real conversions.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::{Value, json};

fn nomina(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_nomina")).args(args).current_dir(dir).output().expect("nomina runs")
}

fn workspace() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).unwrap()
}

/// A scratch directory that removes itself.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!("nomina-cli-diff-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }

    /// Writes `lines`, each ended by a newline, to `name`.
    fn write(&self, name: &str, lines: &[String]) -> &Self {
        std::fs::write(self.0.join(name), lines.iter().map(|l| format!("{l}\n")).collect::<String>()).unwrap();
        self
    }

    /// `nomina diff OLD NEW` run in this directory.
    fn diff(&self, old: &str, new: &str) -> Output {
        nomina(&["diff", old, new], &self.0)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A record line for `path`, with `fields` merged over a small nomination.
fn rec(path: &str, fields: Value) -> String {
    let mut record = json!({
        "schema": "nomina.record/1",
        "id": "0123456789abcdef",
        "source": {"path": path, "bytes": 10},
        "kind": "nomination",
        "nomination": {"implementation_date": "2017-11-01", "sdgs": [16, 17], "answers": [{"question": 1, "word_count": 66}]},
        "diagnostics": {"warnings": [], "uncovered_chars": 0},
    });
    for (key, value) in fields.as_object().unwrap() {
        record[key] = value.clone();
    }
    record.to_string()
}

fn three() -> Vec<String> {
    vec![rec("a.txt", json!({})), rec("b.txt", json!({"kind": "news", "nomination": null})), rec("c.txt", json!({}))]
}

#[test]
fn identical_files_give_only_the_total_and_exit_0() {
    let dir = Scratch::new("same");
    dir.write("old.jsonl", &three()).write("new.jsonl", &three());
    let out = dir.diff("old.jsonl", "new.jsonl");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out), "0 changed, 0 added, 0 removed, 3 unchanged\n");
    assert_eq!(stderr(&out), "");

    // Line ends, blank lines and key order are not differences.
    let crlf: String = three().iter().map(|l| format!("{l}\r\n\n")).collect();
    std::fs::write(dir.0.join("crlf.jsonl"), crlf).unwrap();
    let reordered: Vec<String> =
        three().iter().map(|l| serde_json::from_str::<Value>(l).unwrap()).map(|v| reorder(&v)).collect();
    dir.write("reordered.jsonl", &reordered);
    for other in ["crlf.jsonl", "reordered.jsonl"] {
        let out = dir.diff("old.jsonl", other);
        assert_eq!(out.status.code(), Some(0), "{other}: {}", stderr(&out));
        assert_eq!(stdout(&out), "0 changed, 0 added, 0 removed, 3 unchanged\n", "{other}");
    }

    let empty = Scratch::new("empty");
    empty.write("a.jsonl", &[]).write("b.jsonl", &[]);
    let out = empty.diff("a.jsonl", "b.jsonl");
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stdout(&out), "0 changed, 0 added, 0 removed, 0 unchanged\n");
}

/// The record's JSON with the keys of its top object written in reverse order.
fn reorder(v: &Value) -> String {
    let members: Vec<String> =
        v.as_object().unwrap().iter().rev().map(|(k, v)| format!("{}: {}", Value::from(k.as_str()), v)).collect();
    format!("{{ {} }}", members.join(", "))
}

#[test]
fn one_changed_field_is_named_with_both_values_and_exits_1() {
    let dir = Scratch::new("one");
    let mut new = three();
    new[2] = new[2].replace("2017-11-01", "2017-11-02");
    dir.write("old.jsonl", &three()).write("new.jsonl", &new);
    let out = dir.diff("old.jsonl", "new.jsonl");
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        "changed c.txt\n  nomination.implementation_date: \"2017-11-01\" -> \"2017-11-02\"\n\
         1 changed, 0 added, 0 removed, 2 unchanged\n"
    );
}

#[test]
fn nested_fields_types_and_long_strings() {
    let dir = Scratch::new("nested");
    let long = |word: &str| format!("{} {word} {}", "a".repeat(60), "z".repeat(60));
    let old = [rec(
        "a.txt",
        json!({"nomination": {"answers": [{"question": 1, "word_count": 66, "text": long("2017")}], "website": null,
               "implementation_date": "2017-11-01", "sdgs": [16, 17]}}),
    )];
    let new = [rec(
        "a.txt",
        json!({"nomination": {"answers": [{"question": 1, "word_count": 67, "text": long("2018")}],
               "website": {"url": "http://www.dangjin.go.kr"}, "implementation_date": "2017-11-01", "sdgs": [16, 17]},
               "diagnostics": {"warnings": [{"code": "truncated"}], "uncovered_chars": 0}}),
    )];
    dir.write("old.jsonl", &old).write("new.jsonl", &new);
    let out = dir.diff("old.jsonl", "new.jsonl");
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let (a, z) = ("a".repeat(20), "z".repeat(19));
    assert_eq!(
        stdout(&out),
        format!(
            "changed a.txt\n\
             \x20 diagnostics.warnings[0]: (absent) -> {{\"code\":\"truncated\"}}\n\
             \x20 nomination.answers[0].text: \"{a}…{} 2017 {}…{z}\" -> \"{a}…{} 2018 {}…{z}\"\n\
             \x20 nomination.answers[0].word_count: 66 -> 67\n\
             \x20 nomination.website: null -> {{\"url\":\"http://www.dangjin.go.kr\"}}\n\
             1 changed, 0 added, 0 removed, 0 unchanged\n",
            "a".repeat(16),
            "z".repeat(18),
            "a".repeat(16),
            "z".repeat(18),
        )
    );
}

#[test]
fn added_and_removed_records_come_in_path_order() {
    let dir = Scratch::new("added");
    let old = [rec("a.txt", json!({})), rec("b.txt", json!({})), rec("d.txt", json!({}))];
    let new = [rec("0.txt", json!({})), rec("b.txt", json!({})), rec("c.txt", json!({})), rec("e.txt", json!({}))];
    dir.write("old.jsonl", &old).write("new.jsonl", &new);
    let out = dir.diff("old.jsonl", "new.jsonl");
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        "added 0.txt\nremoved a.txt\nadded c.txt\nremoved d.txt\nadded e.txt\n0 changed, 3 added, 2 removed, 1 unchanged\n"
    );

    // Against an empty file, everything is added (or removed).
    dir.write("none.jsonl", &[]);
    let out = dir.diff("none.jsonl", "old.jsonl");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stdout(&out), "added a.txt\nadded b.txt\nadded d.txt\n0 changed, 3 added, 0 removed, 0 unchanged\n");
}

#[test]
fn arrays_of_different_lengths_show_the_missing_elements_as_absent() {
    let dir = Scratch::new("arrays");
    let old = [rec("a.txt", json!({"nomination": {"sdgs": [16, 17], "answers": [{"question": 1}, {"question": 2}]}}))];
    let new = [rec("a.txt", json!({"nomination": {"sdgs": [16, 17, 3], "answers": [{"question": 1}]}}))];
    dir.write("old.jsonl", &old).write("new.jsonl", &new);
    let out = dir.diff("old.jsonl", "new.jsonl");
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        "changed a.txt\n  nomination.answers[1]: {\"question\":2} -> (absent)\n  nomination.sdgs[2]: (absent) -> 3\n\
         1 changed, 0 added, 0 removed, 0 unchanged\n"
    );
}

#[test]
fn an_unsorted_file_gives_the_same_result_as_a_sorted_one() {
    let dir = Scratch::new("unsorted");
    let old: Vec<String> = (0..40).map(|i| rec(&format!("p/{i:03}.txt"), json!({}))).collect();
    let mut new: Vec<String> = (5..45)
        .map(|i| rec(&format!("p/{i:03}.txt"), if i % 10 == 0 { json!({"kind": "unknown"}) } else { json!({}) }))
        .collect();
    dir.write("old.jsonl", &old).write("new.jsonl", &new);
    let sorted = dir.diff("old.jsonl", "new.jsonl");
    assert_eq!(sorted.status.code(), Some(1), "{}", stderr(&sorted));
    assert!(stdout(&sorted).ends_with("\n3 changed, 5 added, 5 removed, 32 unchanged\n"), "{}", stdout(&sorted));

    // A fixed shuffle of both files, with a blank line thrown in.
    let shuffle = |lines: &[String]| -> Vec<String> {
        let mut lines: Vec<String> = lines.to_vec();
        let n = lines.len();
        for i in 0..n {
            lines.swap(i, (i * 17 + 11) % n);
        }
        lines.insert(7, String::new());
        lines
    };
    new.reverse();
    dir.write("old_shuffled.jsonl", &shuffle(&old)).write("new_reversed.jsonl", &new);
    for (a, b) in [
        ("old_shuffled.jsonl", "new.jsonl"),
        ("old.jsonl", "new_reversed.jsonl"),
        ("old_shuffled.jsonl", "new_reversed.jsonl"),
    ] {
        let out = dir.diff(a, b);
        assert_eq!(out.status.code(), Some(1), "{a} {b}: {}", stderr(&out));
        assert_eq!(stdout(&out), stdout(&sorted), "{a} {b}");
    }
    let out = dir.diff("old_shuffled.jsonl", "old.jsonl");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out), "0 changed, 0 added, 0 removed, 40 unchanged\n");
}

#[test]
fn a_bad_line_is_an_error_naming_the_file_and_the_line() {
    let dir = Scratch::new("bad");
    dir.write("old.jsonl", &three());
    let cases = [
        ("{\"source\": {\"path\": \"x.txt\"", "bad.jsonl:3: not valid JSON: "),
        ("[1, 2]", "bad.jsonl:3: not a JSON object"),
        ("{\"source\": {\"bytes\": 3}}", "bad.jsonl:3: no source.path"),
        ("{\"source\": {\"path\": 3}}", "bad.jsonl:3: source.path is not a string"),
        ("not json", "bad.jsonl:3: not valid JSON: "),
    ];
    for (bad, message) in cases {
        // Line 2 is blank: lines are counted as they stand in the file.
        let lines = [rec("a.txt", json!({})), String::new(), bad.to_string(), rec("z.txt", json!({}))];
        dir.write("bad.jsonl", &lines);
        for (old, new) in [("old.jsonl", "bad.jsonl"), ("bad.jsonl", "old.jsonl")] {
            let out = dir.diff(old, new);
            assert_eq!(out.status.code(), Some(2), "{bad}");
            assert!(stderr(&out).contains(message), "{bad}: {}", stderr(&out));
            assert_eq!(stdout(&out), "", "nothing is printed before the error");
        }
    }
}

#[test]
fn a_path_twice_in_one_file_is_an_error() {
    let dir = Scratch::new("twice");
    dir.write("old.jsonl", &three());
    let sorted = [rec("a.txt", json!({})), rec("b.txt", json!({})), rec("b.txt", json!({"kind": "news"}))];
    let unsorted = [rec("b.txt", json!({})), rec("c.txt", json!({})), rec("a.txt", json!({})), rec("b.txt", json!({}))];
    dir.write("sorted.jsonl", &sorted).write("unsorted.jsonl", &unsorted);
    for (file, message) in [
        ("sorted.jsonl", "sorted.jsonl:3: source.path \"b.txt\" appears twice (first on line 2)"),
        ("unsorted.jsonl", "unsorted.jsonl:4: source.path \"b.txt\" appears twice (first on line 1)"),
    ] {
        let out = dir.diff("old.jsonl", file);
        assert_eq!(out.status.code(), Some(2), "{file}");
        assert!(stderr(&out).contains(message), "{file}: {}", stderr(&out));
        assert_eq!(stdout(&out), "");
    }
}

#[test]
fn a_missing_file_is_an_error() {
    let dir = Scratch::new("missing");
    dir.write("old.jsonl", &three());
    for (old, new) in [("old.jsonl", "nowhere.jsonl"), ("nowhere.jsonl", "old.jsonl")] {
        let out = dir.diff(old, new);
        assert_eq!(out.status.code(), Some(2));
        assert!(stderr(&out).contains("cannot read nowhere.jsonl"), "{}", stderr(&out));
        assert_eq!(stdout(&out), "");
    }
    let out = dir.diff("old.jsonl", ".");
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("cannot read ."), "{}", stderr(&out));
}

#[cfg(unix)]
#[test]
fn a_pipe_is_read_like_a_file() {
    use std::io::Write as _;
    let dir = Scratch::new("pipe");
    let mut new = three();
    new.remove(1);
    dir.write("old.jsonl", &three());
    let mut child = Command::new(env!("CARGO_BIN_EXE_nomina"))
        .args(["diff", "old.jsonl", "/dev/stdin"])
        .current_dir(&dir.0)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    // Unsorted, so that it is read twice: from the copy the pipe was saved to.
    stdin.write_all(format!("{}\n{}\n", new[1], new[0]).as_bytes()).unwrap();
    drop(stdin);
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(stdout(&out), "removed b.txt\n0 changed, 0 added, 1 removed, 2 unchanged\n");
}

#[test]
fn a_closed_output_pipe_ends_quietly() {
    let dir = Scratch::new("epipe");
    let old: Vec<String> = (0..20000).map(|i| rec(&format!("p/{i:05}.txt"), json!({}))).collect();
    dir.write("old.jsonl", &old).write("new.jsonl", &[]);
    let mut child = Command::new(env!("CARGO_BIN_EXE_nomina"))
        .args(["diff", "old.jsonl", "new.jsonl"])
        .current_dir(&dir.0)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Read a little, then hang up: the rest (20000 lines) cannot fit in the pipe.
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 16];
    stdout.read_exact(&mut first).unwrap();
    assert_eq!(&first, b"removed p/00000.");
    drop(stdout);
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stderr(&out), "");
}

/// `nomina convert fixtures -o OUT` run in `dir`.
fn convert(dir: &Path, out: &Path) {
    let done = nomina(&["convert", "fixtures", "-o", out.to_str().unwrap()], dir);
    assert!(done.status.success(), "{}", stderr(&done));
}

fn records(file: &Path) -> Vec<Value> {
    std::fs::read_to_string(file).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

#[test]
fn two_conversions_of_the_fixtures_are_the_same() {
    let dir = Scratch::new("fixtures");
    let (one, two) = (dir.0.join("one.jsonl"), dir.0.join("two.jsonl"));
    let done = nomina(&["convert", "fixtures/", "-o", one.to_str().unwrap()], &workspace());
    assert!(done.status.success(), "{}", stderr(&done));
    let done = nomina(&["convert", "-j", "1", "fixtures/", "-o", two.to_str().unwrap()], &workspace());
    assert!(done.status.success(), "{}", stderr(&done));
    let n = records(&one).len();
    assert!(n >= 8);
    let out = dir.diff("one.jsonl", "two.jsonl");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out), format!("0 changed, 0 added, 0 removed, {n} unchanged\n"));
}

const EDITED: &str = "fixtures/001_eeae656d80b09620.txt";

/// Converts a copy of the fixtures, and another with `edit` applied to fixture 001, from two
/// directories laid out alike; returns the diff's output and the two records of fixture 001.
fn diff_after_editing(name: &str, edit: impl Fn(&str) -> String) -> (Output, Value, Value, usize) {
    let dir = Scratch::new(name);
    for side in ["a", "b"] {
        std::fs::create_dir_all(dir.0.join(side).join("fixtures")).unwrap();
    }
    for entry in std::fs::read_dir(workspace().join("fixtures")).unwrap() {
        let entry = entry.unwrap();
        if entry.file_type().unwrap().is_file() {
            let bytes = std::fs::read(entry.path()).unwrap();
            for side in ["a", "b"] {
                std::fs::write(dir.0.join(side).join("fixtures").join(entry.file_name()), &bytes).unwrap();
            }
        }
    }
    let target = dir.0.join("b").join(EDITED);
    let text = std::fs::read_to_string(&target).unwrap();
    let edited = edit(&text);
    assert_ne!(edited, text);
    std::fs::write(&target, edited).unwrap();

    convert(&dir.0.join("a"), &dir.0.join("a.jsonl"));
    convert(&dir.0.join("b"), &dir.0.join("b.jsonl"));
    let out = dir.diff("a.jsonl", "b.jsonl");
    let find = |file: &str| {
        let all = records(&dir.0.join(file));
        let n = all.len();
        (all.into_iter().find(|r| r["source"]["path"] == EDITED).expect("fixture 001 converted"), n)
    };
    let ((a, n), (b, _)) = (find("a.jsonl"), find("b.jsonl"));
    (out, a, b, n)
}

#[test]
fn editing_every_copy_of_a_date_changes_the_date_the_id_and_the_hash() {
    let (out, a, b, n) = diff_after_editing("edit-all", |text| {
        assert_eq!(text.matches("01 Nov 2017").count(), 3, "the form gives the date three times");
        text.replace("01 Nov 2017", "02 Nov 2017")
    });
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        format!(
            "changed {EDITED}\n\
             \x20 id: {} -> {}\n\
             \x20 nomination.implementation_date: \"2017-11-01\" -> \"2017-11-02\"\n\
             \x20 source.sha256: {} -> {}\n\
             1 changed, 0 added, 0 removed, {} unchanged\n",
            a["id"],
            b["id"],
            a["source"]["sha256"],
            b["source"]["sha256"],
            n - 1
        )
    );
    assert_ne!(a["id"], b["id"]);
}

#[test]
fn editing_one_copy_of_a_date_also_records_the_conflicts() {
    let (out, a, b, n) = diff_after_editing("edit-one", |text| text.replacen("01 Nov 2017", "02 Nov 2017", 1));
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let conflict = r#"{"dropped":"01 Nov 2017","field":"implementation_date","kept":"02 Nov 2017"}"#;
    assert_eq!(
        stdout(&out),
        format!(
            "changed {EDITED}\n\
             \x20 diagnostics.conflicts[0]: (absent) -> {conflict}\n\
             \x20 diagnostics.conflicts[1]: (absent) -> {conflict}\n\
             \x20 id: {} -> {}\n\
             \x20 nomination.implementation_date: \"2017-11-01\" -> \"2017-11-02\"\n\
             \x20 source.sha256: {} -> {}\n\
             1 changed, 0 added, 0 removed, {} unchanged\n",
            a["id"],
            b["id"],
            a["source"]["sha256"],
            b["source"]["sha256"],
            n - 1
        )
    );
}
