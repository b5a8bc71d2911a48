//! Killing `nomina convert -o FILE` at any moment leaves FILE as it was
//! before the run (or no FILE, when there was none) or complete with the new
//! records, never a partial file.
//!
//! The run converts a few hundred copies of the fixtures (a few seconds);
//! it is killed (SIGKILL on Unix, `Child::kill`) at moments spread over the
//! time a whole run takes, from its start to past its end.

mod common;

use common::{Scratch, workspace};

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Copies of the fixtures to convert.
const DOCUMENTS: usize = 300;
/// Runs killed at spread-out moments.
const KILLS: u32 = 12;

fn convert(input: &Path, target: &Path) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_nomina"))
        .args(["convert", "-o"])
        .arg(target)
        .arg(input)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("nomina starts")
}

/// Checks that `bytes` are a whole output: one JSON record per document, in
/// path order, every line ended.
fn assert_complete(bytes: &[u8], paths: &[String]) {
    let text = std::str::from_utf8(bytes).expect("the output is UTF-8");
    assert!(text.ends_with('\n'), "the output ends inside a line");
    let got: Vec<String> = text
        .lines()
        .map(|line| {
            let v: serde_json::Value = serde_json::from_str(line).expect("every line is a whole JSON record");
            assert_eq!(v["schema"], "nomina.record/1");
            assert_eq!(v["diagnostics"]["uncovered_chars"], 0);
            v["source"]["path"].as_str().expect("a path").to_string()
        })
        .collect();
    assert_eq!(got.len(), DOCUMENTS);
    assert_eq!(got, paths);
}

/// The names in `dir` besides `target`'s: temporary files of run `pid`.
fn leftovers(dir: &Path, target: &str, pid: u32) -> Vec<String> {
    let mut names: Vec<String> =
        std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.retain(|n| n != target);
    for name in &names {
        assert_eq!(name, &format!(".{target}.{pid}.tmp"), "an unexpected file beside the output");
    }
    names
}

#[test]
fn killing_convert_never_leaves_a_partial_output() {
    let scratch = Scratch::new("kill");
    let input = scratch.0.join("in");
    let out_dir = scratch.0.join("out");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::create_dir_all(&out_dir).unwrap();
    let mut fixtures: Vec<PathBuf> =
        std::fs::read_dir(workspace().join("fixtures")).unwrap().map(|e| e.unwrap().path()).collect();
    fixtures.sort();
    let mut paths = Vec::with_capacity(DOCUMENTS);
    for i in 0..DOCUMENTS {
        let fixture = &fixtures[i % fixtures.len()];
        let name = format!("{i:04}_{}", fixture.file_name().unwrap().to_string_lossy());
        std::fs::copy(fixture, input.join(&name)).unwrap();
        paths.push(format!("{}/{name}", input.to_string_lossy().replace('\\', "/")));
    }
    paths.sort();

    // The previous complete output: one line that is not this run's.
    let target = out_dir.join("records.jsonl");
    let previous = b"{\"schema\":\"nomina.record/1\",\"previous\":true}\n".to_vec();

    // A whole run: how long it takes, and what it writes.
    std::fs::write(&target, &previous).unwrap();
    let started = Instant::now();
    let status = convert(&input, &target).wait().unwrap();
    let whole = started.elapsed();
    assert!(status.success(), "{status}");
    let complete = std::fs::read(&target).unwrap();
    assert_complete(&complete, &paths);
    assert!(leftovers(&out_dir, "records.jsonl", 0).is_empty());

    let (mut kept, mut replaced) = (0, 0);
    for i in 0..KILLS {
        // From the start to a little past the end of a whole run.
        let moment = whole * i / (KILLS - 2);
        // Every third run starts with no output file at all.
        let fresh = i % 3 == 1;
        if fresh {
            std::fs::remove_file(&target).unwrap();
        } else {
            std::fs::write(&target, &previous).unwrap();
        }
        let mut child = convert(&input, &target);
        let pid = child.id();
        std::thread::sleep(moment);
        // It may have finished already: then there is nothing to kill.
        let _ = child.kill();
        child.wait().unwrap();
        match std::fs::read(&target) {
            Err(e) if fresh && e.kind() == std::io::ErrorKind::NotFound => kept += 1,
            Ok(now) if !fresh && now == previous => kept += 1,
            Ok(now) => {
                assert_complete(&now, &paths);
                assert_eq!(now, complete, "killed after {moment:?}: not the whole run's output");
                replaced += 1;
            }
            Err(e) => panic!("killed after {moment:?}: the output file is gone: {e}"),
        }
        for name in leftovers(&out_dir, "records.jsonl", pid) {
            std::fs::remove_file(out_dir.join(name)).unwrap();
        }
        // Between runs, a moment for the system to settle.
        std::thread::sleep(Duration::from_millis(20));
    }
    eprintln!("a whole run takes {whole:?}; {kept} kills left the previous state, {replaced} found the run complete");
    assert_eq!(kept + replaced, KILLS);
    // The kills did land while the run was under way.
    assert!(kept >= KILLS / 2, "only {kept} of {KILLS} kills landed before the end of a {whole:?} run");
}
