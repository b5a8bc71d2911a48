//! The real binary over real files: records, error lines, exit codes, order.

mod common;

use common::{Scratch, nomina, workspace};

use std::path::Path;
use std::process::{Command, Output};

fn records(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8(out.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is a JSON record"))
        .collect()
}

#[test]
fn converts_the_fixtures_in_path_order() {
    let out = nomina(&["convert", "fixtures/"], &workspace());
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let recs = records(&out);
    let paths: Vec<&str> = recs.iter().map(|r| r["source"]["path"].as_str().unwrap()).collect();
    let mut want: Vec<String> = std::fs::read_dir(workspace().join("fixtures"))
        .unwrap()
        .map(|e| format!("fixtures/{}", e.unwrap().file_name().to_string_lossy()))
        .collect();
    want.sort();
    assert_eq!(paths, want);
    assert_eq!(paths[0], "fixtures/001_eeae656d80b09620.txt");
    assert_eq!(recs[0]["kind"], "nomination");
    assert_eq!(recs[0]["nomination"]["answers"].as_array().unwrap().len(), 22);
    assert_eq!(recs[2]["nomination"]["answers"].as_array().unwrap().len(), 23);
    let stderr = String::from_utf8(out.stderr).unwrap();
    let summary = stderr.lines().last().unwrap();
    let want = format!("converted {} files: ", recs.len());
    assert!(summary.starts_with(&want), "{summary}");
    assert!(summary.contains("; 0 errors; "), "{summary}");
}

#[test]
fn output_is_identical_across_thread_counts() {
    let one = nomina(&["convert", "-j", "1", "fixtures"], &workspace());
    let two = nomina(&["convert", "-j", "2", "fixtures/"], &workspace());
    assert!(one.status.success() && two.status.success());
    assert!(!one.stdout.is_empty());
    assert_eq!(one.stdout, two.stdout);
}

#[test]
fn bad_inputs_give_one_error_line_each_and_exit_1() {
    let dir = Scratch::new("bad");
    std::fs::write(dir.0.join("empty.txt"), b"").unwrap();
    std::fs::write(dir.0.join("binary.bin"), [0u8, 1, 2, 3, 0, 0xff, 0x7f, 0]).unwrap();
    std::fs::copy(workspace().join("fixtures/001_eeae656d80b09620.txt"), dir.0.join("good.txt")).unwrap();
    std::fs::create_dir_all(dir.0.join("in")).unwrap();
    for f in ["empty.txt", "binary.bin", "good.txt"] {
        std::fs::rename(dir.0.join(f), dir.0.join("in").join(f)).unwrap();
    }
    let out = nomina(&["convert", "in", "missing.txt"], &dir.0);
    assert_eq!(out.status.code(), Some(1));
    let recs = records(&out);
    assert_eq!(recs.len(), 1);
    assert_eq!(recs[0]["source"]["path"], "in/good.txt");
    let stderr = String::from_utf8(out.stderr).unwrap();
    let errors: Vec<serde_json::Value> =
        stderr.lines().filter(|l| l.starts_with('{')).map(|l| serde_json::from_str(l).unwrap()).collect();
    let got: Vec<(&str, &str)> =
        errors.iter().map(|e| (e["path"].as_str().unwrap(), e["error"]["code"].as_str().unwrap())).collect();
    assert_eq!(got, [("in/binary.bin", "binary"), ("in/empty.txt", "empty"), ("missing.txt", "io")]);
    assert!(stderr.lines().last().unwrap().contains("; 3 errors; "), "{stderr}");
}

#[test]
fn too_large_documents_are_refused() {
    let out = nomina(&["convert", "--max-bytes", "1000", "fixtures/004_931d49ab24931080.txt"], &workspace());
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("\"code\":\"too_large\""), "{stderr}");
}

#[test]
fn output_file_is_written_whole() {
    let dir = Scratch::new("out");
    let target = dir.0.join("records.jsonl");
    std::fs::write(&target, "old\n").unwrap();
    let out = nomina(&["convert", "-o", target.to_str().unwrap(), "fixtures"], &workspace());
    assert!(out.status.success());
    let written = std::fs::read_to_string(&target).unwrap();
    assert_eq!(written.lines().count(), std::fs::read_dir(workspace().join("fixtures")).unwrap().count());
    assert!(out.stdout.is_empty());
    // No temporary file is left beside it.
    let names: Vec<_> = std::fs::read_dir(&dir.0).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(names.len(), 1, "{names:?}");
    // A device is written to, never replaced.
    let out = nomina(&["convert", "-o", "/dev/null", "fixtures"], &workspace());
    assert!(out.status.success());
    assert!(Path::new("/dev/null").metadata().unwrap().file_type().is_char_device_like());
}

trait CharDevice {
    fn is_char_device_like(&self) -> bool;
}

impl CharDevice for std::fs::FileType {
    #[cfg(unix)]
    fn is_char_device_like(&self) -> bool {
        use std::os::unix::fs::FileTypeExt;
        self.is_char_device()
    }
    #[cfg(not(unix))]
    fn is_char_device_like(&self) -> bool {
        true
    }
}

#[test]
fn standard_input_is_a_document() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_nomina"))
        .args(["convert", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(&std::fs::read(workspace().join("fixtures/003_3d6537fba802d833.txt")).unwrap())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let recs = records(&out);
    assert_eq!(recs[0]["source"]["path"], "-");
    assert_eq!(recs[0]["languages"]["labels"], "zh");
}

#[test]
fn inspect_shows_fields_answers_and_diagnostics() {
    let out = nomina(&["inspect", "fixtures/003_3d6537fba802d833.txt"], &workspace());
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    for want in [
        "kind: nomination",
        "label language: zh",
        "member state: Republic of Korea (KR)",
        "implementation date: 2020-02-01",
        "SDGs: 1, 3, 4, 10",
        "answers: 23",
        "warning over_word_limit (line 84): question 1: 310 words against a limit of 300",
    ] {
        assert!(text.contains(want), "missing {want:?} in\n{text}");
    }
}

#[test]
fn usage_errors_exit_2() {
    let out = nomina(&["convert"], &workspace());
    assert_eq!(out.status.code(), Some(2));
    let out = nomina(&["convert", "-o", "/nonexistent-dir/x.jsonl", "fixtures"], &workspace());
    assert_eq!(out.status.code(), Some(2));
}

#[cfg(unix)]
#[test]
fn a_directory_loop_is_one_error_line() {
    let dir = Scratch::new("loop");
    std::fs::create_dir_all(dir.0.join("tree/sub")).unwrap();
    std::fs::copy(workspace().join("fixtures/004_931d49ab24931080.txt"), dir.0.join("tree/sub/page.txt")).unwrap();
    std::os::unix::fs::symlink(dir.0.join("tree"), dir.0.join("tree/sub/back")).unwrap();
    // Without --follow-links the link is not followed: no loop, one record.
    let out = nomina(&["convert", "tree"], &dir.0);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(records(&out).len(), 1);
    // Following links finds the loop: one error line, and the page still converts.
    let out = nomina(&["convert", "--follow-links", "tree"], &dir.0);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(records(&out).len(), 1);
    let stderr = String::from_utf8(out.stderr).unwrap();
    let errors: Vec<&str> = stderr.lines().filter(|l| l.starts_with('{')).collect();
    assert_eq!(errors.len(), 1, "{stderr}");
    assert!(errors[0].contains("\"code\":\"loop\""), "{stderr}");
}
