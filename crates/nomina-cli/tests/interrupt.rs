//! Interrupting `nomina convert` while it sorts a large archive's records through temporary
//! files: SIGINT and SIGTERM leave no temporary file and the output as it was (or complete);
//! SIGKILL may leave temporary files, which the next run removes; never a partial output.
#![cfg(unix)]

mod common;

use common::{Scratch, workspace};

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// Pages in the archive.
const PAGES: usize = 300;
/// Runs interrupted at spread-out moments.
const KILLS: u32 = 9;

/// A gzipped WARC of the fixtures, a gzip member a record, in an order that is not the order
/// of their paths.
fn warc(path: &Path) {
    let mut fixtures: Vec<PathBuf> =
        std::fs::read_dir(workspace().join("fixtures")).unwrap().map(|e| e.unwrap().path()).collect();
    fixtures.sort();
    let mut out = Vec::new();
    for i in 0..PAGES {
        let body = std::fs::read(&fixtures[i % fixtures.len()]).unwrap();
        let uri = format!("https://example.org/{}/{i}", (i * 37) % 11);
        let mut block = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {}\r\n\r\n", body.len())
            .into_bytes();
        block.extend_from_slice(&body);
        let mut record = format!(
            "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2021-09-01T00:00:00Z\r\nContent-Length: {}\r\n\r\n",
            block.len()
        )
        .into_bytes();
        record.extend_from_slice(&block);
        record.extend_from_slice(b"\r\n\r\n");
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(&record).unwrap();
        out.extend(gz.finish().unwrap());
    }
    std::fs::write(path, out).unwrap();
}

/// `nomina convert` of `input`, to `-o target` or (`None`) standard output into a file, with
/// a sort budget of 1 MiB (the archive's records take several) and `$TMPDIR` set to `tmp`.
fn convert(input: &Path, target: Option<&Path>, stdout: &Path, tmp: &Path) -> Child {
    let mut command = Command::new(env!("CARGO_BIN_EXE_nomina"));
    command.args(["convert", "--sort-memory", "1", "-j", "2"]).env("TMPDIR", tmp).stderr(Stdio::null());
    match target {
        Some(target) => command.arg("-o").arg(target).stdout(Stdio::null()),
        None => command.stdout(std::fs::File::create(stdout).unwrap()),
    };
    command.arg(input).spawn().expect("nomina starts")
}

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> =
        std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    names
}

fn signal(child: &Child, name: &str) {
    // It may have ended already: then there is nothing to signal.
    let _ = Command::new("kill").arg(format!("-{name}")).arg(child.id().to_string()).status();
}

#[test]
fn interrupting_a_sort_through_temporary_files_leaves_none() {
    let scratch = Scratch::new("interrupt");
    let input = scratch.0.join("crawl.warc.gz");
    warc(&input);
    let (out_dir, tmp) = (scratch.0.join("out"), scratch.0.join("tmp"));
    std::fs::create_dir_all(&out_dir).unwrap();
    std::fs::create_dir_all(&tmp).unwrap();
    let target = out_dir.join("records.jsonl");
    let stdout = scratch.0.join("stdout.jsonl");
    let previous = b"{\"schema\":\"nomina.record/1\",\"previous\":true}\n".to_vec();

    // A whole run: how long it takes, what it writes; the records took more than one run.
    let started = Instant::now();
    let status = convert(&input, Some(&target), &stdout, &tmp).wait().unwrap();
    let whole = started.elapsed();
    assert!(status.success(), "{status}");
    let complete = std::fs::read(&target).unwrap();
    assert_eq!(complete.iter().filter(|&&b| b == b'\n').count(), PAGES);
    assert!(complete.len() > 3 << 20, "{} bytes of records: too few to be sorted through files", complete.len());
    assert_eq!(names(&out_dir), ["records.jsonl"]);
    assert!(names(&tmp).is_empty());
    let status = convert(&input, None, &stdout, &tmp).wait().unwrap();
    assert!(status.success());
    assert_eq!(std::fs::read(&stdout).unwrap(), complete, "standard output and -o FILE differ");

    let (mut interrupted, mut finished) = (0, 0);
    for i in 0..KILLS {
        let moment = whole * i / (KILLS - 2);
        let sig = ["INT", "TERM", "KILL"][i as usize % 3];
        // Every other run writes to standard output, and sorts in $TMPDIR.
        let to_file = i % 2 == 0;
        std::fs::write(&target, &previous).unwrap();
        let mut child = convert(&input, to_file.then_some(target.as_path()), &stdout, &tmp);
        std::thread::sleep(moment);
        signal(&child, sig);
        let status = child.wait().unwrap();
        let now = std::fs::read(&target).unwrap();
        assert!(now == previous || now == complete, "SIG{sig} after {moment:?}: a partial output");
        match status.code() {
            Some(0) => finished += 1,
            Some(130) => interrupted += 1,
            // SIGKILL, or a signal that came before the handler was set.
            None => interrupted += 1,
            Some(code) => panic!("SIG{sig} after {moment:?}: exit status {code}"),
        }
        if sig != "KILL" {
            // Its own temporary files are gone (a killed run's may still be there, if this
            // one was stopped before it came to remove them).
            let pid = child.id();
            let own = |name: &String| name.contains(&format!(".{pid}.")) || name.contains(&format!("-{pid}-"));
            let left: Vec<String> = names(&out_dir).into_iter().chain(names(&tmp)).filter(own).collect();
            assert!(left.is_empty(), "SIG{sig} after {moment:?}: {left:?} left behind");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    eprintln!("a whole run takes {whole:?}; {interrupted} runs interrupted, {finished} finished");
    assert!(interrupted >= KILLS as usize / 2, "only {interrupted} of {KILLS} signals landed before the end");

    // What the killed runs left, the next runs remove (beside the output, and in $TMPDIR).
    assert!(convert(&input, Some(&target), &stdout, &tmp).wait().unwrap().success());
    assert!(convert(&input, None, &stdout, &tmp).wait().unwrap().success());
    assert_eq!(std::fs::read(&target).unwrap(), complete);
    assert_eq!(names(&out_dir), ["records.jsonl"]);
    assert!(names(&tmp).is_empty(), "{:?} left in $TMPDIR", names(&tmp));
}
