//! Nothing in a directory is passed over without a word: a symlink not followed, a dangling
//! one, a named pipe and a symlink loop are each counted on the summary line and listed by
//! `-v`, or (followed) each give an error line.
#![cfg(unix)]

mod common;

use common::{Scratch, nomina, workspace};

use std::process::Command;

fn lines(bytes: &[u8]) -> Vec<String> {
    String::from_utf8(bytes.to_vec()).unwrap().lines().map(str::to_string).collect()
}

fn error_codes(stderr: &[String]) -> Vec<(String, String)> {
    stderr
        .iter()
        .filter(|l| l.starts_with('{'))
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            (v["path"].as_str().unwrap().to_string(), v["error"]["code"].as_str().unwrap().to_string())
        })
        .collect()
}

#[test]
fn symlinks_pipes_and_loops_are_counted_or_reported() {
    let scratch = Scratch::new("passed-over");
    let dir = scratch.0.join("d");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy(workspace().join("fixtures/002_fd03ccdba2c6da1f.txt"), dir.join("a.txt")).unwrap();
    std::os::unix::fs::symlink("a.txt", dir.join("link.txt")).unwrap();
    std::os::unix::fs::symlink("missing.txt", dir.join("dangling.txt")).unwrap();
    std::os::unix::fs::symlink("..", dir.join("loop")).unwrap();
    let fifo = Command::new("mkfifo").arg(dir.join("pipe")).status().expect("mkfifo runs");
    assert!(fifo.success());

    // Not followed: one record, four entries counted, and listed with -v.
    let out = nomina(&["convert", "d"], &scratch.0);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(lines(&out.stdout).len(), 1);
    let stderr = lines(&out.stderr);
    let summary = stderr.last().unwrap();
    assert!(
        summary.contains("converted 1 files: 0 nomination, 1 news, 0 unknown; 0 errors; 4 skipped: 3 symlinks (use --follow-links), 1 not a regular file; "),
        "{summary}"
    );
    assert_eq!(stderr.len(), 1, "{stderr:?}");
    let out = nomina(&["convert", "-v", "d"], &scratch.0);
    let stderr = lines(&out.stderr);
    assert_eq!(
        stderr[..4],
        [
            "skipped d/dangling.txt: symlink (use --follow-links)",
            "skipped d/link.txt: symlink (use --follow-links)",
            "skipped d/loop: symlink (use --follow-links)",
            "skipped d/pipe: not a regular file",
        ]
    );
    assert_eq!(stderr.len(), 5, "{stderr:?}");

    // Followed: the link to a file is a record, the dangling link an error line, the loop an
    // error line, the pipe still counted (the loop shows the directory again, pipe and all).
    let out = nomina(&["convert", "--follow-links", "-v", "d"], &scratch.0);
    assert_eq!(out.status.code(), Some(1));
    let records = lines(&out.stdout);
    let paths: Vec<String> = records
        .iter()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["source"]["path"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(paths, ["d/a.txt", "d/link.txt", "d/loop/d/a.txt", "d/loop/d/link.txt"]);
    let stderr = lines(&out.stderr);
    assert_eq!(
        error_codes(&stderr),
        [
            ("d/dangling.txt".to_string(), "io".to_string()),
            ("d/loop/d/dangling.txt".to_string(), "io".to_string()),
            ("d/loop/d/loop".to_string(), "loop".to_string()),
        ]
    );
    assert!(stderr.contains(&"skipped d/pipe: not a regular file".to_string()), "{stderr:?}");
    let summary = stderr.last().unwrap();
    assert!(summary.contains("; 3 errors; 2 skipped: 2 not regular files; "), "{summary}");
}

#[test]
fn a_named_input_that_cannot_be_read_is_an_error_line() {
    let scratch = Scratch::new("passed-over-named");
    std::os::unix::fs::symlink("missing.txt", scratch.0.join("dangling.txt")).unwrap();
    let out = nomina(&["convert", "dangling.txt"], &scratch.0);
    assert_eq!(out.status.code(), Some(1));
    let stderr = lines(&out.stderr);
    assert_eq!(error_codes(&stderr), [("dangling.txt".to_string(), "io".to_string())]);
    assert!(stderr.last().unwrap().contains("; 1 errors; "), "{stderr:?}");
}
