//! Reads archives built here, in a temp dir, and checks what comes out.

use std::io::{Cursor, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use flate2::Compression;
use flate2::write::GzEncoder;
use nomina_archive::{ArchiveError, ArchiveKind, Member, read_archive};
use zip::write::SimpleFileOptions;

/// A temp dir removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new() -> TempDir {
        static COUNT: AtomicUsize = AtomicUsize::new(0);
        let n = COUNT.fetch_add(1, Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!("nomina-archive-test-{}-{n}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }

    /// Writes `bytes` to a file `name` in the dir.
    fn file(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let path = self.0.join(name);
        std::fs::write(&path, bytes).unwrap();
        path
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Everything `read_archive` reports, kind told by the name.
fn read_all(path: &Path, max_bytes: u64) -> Vec<Result<Member, ArchiveError>> {
    let kind = ArchiveKind::from_path(path).expect("an archive name");
    let mut out = Vec::new();
    read_archive(path, kind, max_bytes, |m| out.push(m));
    out
}

fn ok(results: Vec<Result<Member, ArchiveError>>) -> Vec<Member> {
    results.into_iter().map(|r| r.expect("no error")).collect()
}

fn names_and_bytes(members: &[Member]) -> Vec<(&str, &[u8])> {
    members.iter().map(|m| (m.name.as_str(), m.bytes.as_slice())).collect()
}

/// Deterministic bytes that do not compress.
fn noise(len: usize, seed: u64) -> Vec<u8> {
    let mut x = seed | 1;
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect()
}

fn gzip(data: &[u8]) -> Vec<u8> {
    let mut gz = GzEncoder::new(Vec::new(), Compression::default());
    gz.write_all(data).unwrap();
    gz.finish().unwrap()
}

// ---------------------------------------------------------------- zip

const ONE: &[u8] = b"<html><body>First nomination form, repeated text repeated text repeated text.</body></html>";
const TWO: &[u8] = b"Second document, plain text.\n";

fn two_member_zip(deflate_both: bool) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let deflated = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    let stored = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    zip.add_directory("forms/", stored).unwrap();
    zip.start_file("forms/one.html", deflated).unwrap();
    zip.write_all(ONE).unwrap();
    zip.start_file("forms/two.txt", if deflate_both { deflated } else { stored }).unwrap();
    zip.write_all(TWO).unwrap();
    zip.finish().unwrap().into_inner()
}

#[test]
fn zip_members_in_a_subfolder() {
    let dir = TempDir::new();
    let path = dir.file("pages.zip", &two_member_zip(false));
    let members = ok(read_all(&path, 1 << 20));
    assert_eq!(names_and_bytes(&members), [("forms/one.html", ONE), ("forms/two.txt", TWO)]);
    assert!(members.iter().all(|m| m.url.is_none() && m.fetched.is_none() && m.charset.is_none()));
}

#[test]
fn zip_corrupted_member_does_not_stop_the_others() {
    let mut data = two_member_zip(true);
    let start = {
        let mut archive = zip::ZipArchive::new(Cursor::new(&data)).unwrap();
        let file = archive.by_name("forms/one.html").unwrap();
        file.data_start().unwrap() as usize
    };
    for byte in &mut data[start + 2..start + 12] {
        *byte ^= 0xa5;
    }
    let dir = TempDir::new();
    let path = dir.file("broken.ZIP", &data);
    let results = read_all(&path, 1 << 20);
    assert_eq!(results.len(), 2, "{results:?}");
    match &results[0] {
        Err(err @ ArchiveError::Member { name, .. }) => {
            assert_eq!(name, "forms/one.html");
            assert_eq!(err.code(), "archive_member");
        }
        other => panic!("expected a member error, got {other:?}"),
    }
    let second = results[1].as_ref().expect("the second member still comes");
    assert_eq!((second.name.as_str(), second.bytes.as_slice()), ("forms/two.txt", TWO));
}

#[test]
fn not_a_zip_gives_one_open_error() {
    let dir = TempDir::new();
    let path = dir.file("fake.zip", b"<html>this is not a zip file at all</html>");
    let results = read_all(&path, 1 << 20);
    assert_eq!(results.len(), 1);
    match &results[0] {
        Err(err @ ArchiveError::Open { path: p, kind, .. }) => {
            assert_eq!(p, &path);
            assert_eq!(*kind, ArchiveKind::Zip);
            assert_eq!(err.code(), "archive");
        }
        other => panic!("expected Open, got {other:?}"),
    }
}

#[test]
fn missing_file_gives_one_io_error() {
    let dir = TempDir::new();
    let mut results = Vec::new();
    read_archive(&dir.0.join("nowhere.zip"), ArchiveKind::Zip, 100, |m| results.push(m));
    assert_eq!(results.len(), 1);
    assert!(matches!(&results[0], Err(e @ ArchiveError::Io { .. }) if e.code() == "io"), "{results:?}");
}

#[test]
fn zip_member_over_the_limit() {
    let dir = TempDir::new();
    let path = dir.file("pages.zip", &two_member_zip(false));
    let results = read_all(&path, 40);
    assert_eq!(results.len(), 2);
    match &results[0] {
        Err(err @ ArchiveError::TooLarge { name, bytes, limit }) => {
            assert_eq!((name.as_str(), *bytes, *limit), ("forms/one.html", ONE.len() as u64, 40));
            assert_eq!(err.code(), "too_large");
        }
        other => panic!("expected TooLarge, got {other:?}"),
    }
    assert_eq!(results[1].as_ref().unwrap().bytes, TWO);
}

// ---------------------------------------------------------------- tar

fn tar_bytes(files: &[(&str, &[u8])]) -> Vec<u8> {
    let mut tar = tar::Builder::new(Vec::new());
    let mut dir = tar::Header::new_gnu();
    dir.set_entry_type(tar::EntryType::Directory);
    dir.set_mode(0o755);
    dir.set_size(0);
    tar.append_data(&mut dir, "pages/", std::io::empty()).unwrap();
    for (name, data) in files {
        let mut header = tar::Header::new_gnu();
        header.set_mode(0o644);
        header.set_size(data.len() as u64);
        tar.append_data(&mut header, name, *data).unwrap();
    }
    let mut link = tar::Header::new_gnu();
    link.set_entry_type(tar::EntryType::Symlink);
    link.set_size(0);
    tar.append_link(&mut link, "pages/link.html", "one.html").unwrap();
    tar.into_inner().unwrap()
}

#[test]
fn tar_tar_gz_and_tgz() {
    let long = format!("pages/{}/deep.html", "very-long-folder-name".repeat(8));
    let files: [(&str, &[u8]); 3] = [("./pages/one.html", ONE), ("pages/two.txt", TWO), (&long, b"deep")];
    let tar = tar_bytes(&files);
    let dir = TempDir::new();
    for path in [dir.file("pages.tar", &tar), dir.file("pages.tar.gz", &gzip(&tar)), dir.file("pages.TGZ", &gzip(&tar))]
    {
        let members = ok(read_all(&path, 1 << 20));
        assert_eq!(
            names_and_bytes(&members),
            [("pages/one.html", ONE), ("pages/two.txt", TWO), (long.as_str(), &b"deep"[..])],
            "{}",
            path.display()
        );
    }
}

#[test]
fn truncated_tar_gz_reports_once() {
    let big = noise(40_000, 7);
    let tar = tar_bytes(&[("pages/one.html", ONE), ("pages/big.bin", &big), ("pages/two.txt", TWO)]);
    let gz = gzip(&tar);
    let dir = TempDir::new();
    let names = |results: &[Result<Member, ArchiveError>]| -> Vec<String> {
        results.iter().filter_map(|r| r.as_ref().ok()).map(|m| m.name.clone()).collect()
    };

    // Cut inside the big member: it is the one error, and nothing follows.
    let path = dir.file("cut.tar.gz", &gz[..gz.len() / 2]);
    let results = read_all(&path, 1 << 20);
    assert_eq!(results.len(), 2, "{results:?}");
    assert_eq!(names(&results), ["pages/one.html"]);
    assert!(matches!(&results[1], Err(ArchiveError::Member { name, .. }) if name == "pages/big.bin"), "{results:?}");

    // Cut in the end blocks: all members come, then the stream error once.
    let path = dir.file("cut.tar.gz", &gz[..gz.len() - 30]);
    let results = read_all(&path, 1 << 20);
    assert_eq!(results.len(), 4, "{results:?}");
    assert_eq!(names(&results), ["pages/one.html", "pages/big.bin", "pages/two.txt"]);
    assert_eq!(results[1].as_ref().unwrap().bytes, big);
    assert!(matches!(&results[3], Err(e @ ArchiveError::Corrupt { .. }) if e.code() == "archive"), "{results:?}");

    // Cut right after the gzip header: nothing could be read.
    let path = dir.file("cut.tar.gz", &gz[..12]);
    let results = read_all(&path, 1 << 20);
    assert!(matches!(&results[..], [Err(ArchiveError::Open { .. })]), "{results:?}");
}

#[test]
fn truncated_plain_tar_reports_a_truncated_member() {
    let big = noise(5_000, 3);
    let tar = tar_bytes(&[("pages/one.html", ONE), ("pages/big.bin", &big)]);
    let dir = TempDir::new();
    let path = dir.file("cut.tar", &tar[..2048]);
    let results = read_all(&path, 1 << 20);
    assert_eq!(results.len(), 2, "{results:?}");
    assert_eq!(results[0].as_ref().unwrap().bytes, ONE);
    assert!(matches!(&results[1], Err(ArchiveError::Member { name, .. }) if name == "pages/big.bin"), "{results:?}");
}

#[test]
fn tar_member_over_the_limit_is_skipped() {
    let big = noise(3_000, 5);
    let tar = tar_bytes(&[("pages/big.bin", &big), ("pages/two.txt", TWO)]);
    let dir = TempDir::new();
    let path = dir.file("pages.tgz", &gzip(&tar));
    let results = read_all(&path, 1_000);
    assert_eq!(results.len(), 2);
    assert!(
        matches!(&results[0], Err(ArchiveError::TooLarge { name, bytes: 3_000, limit: 1_000 }) if name == "pages/big.bin"),
        "{results:?}"
    );
    assert_eq!(results[1].as_ref().unwrap().bytes, TWO);
}

#[test]
fn not_a_tar_gives_one_open_error() {
    let dir = TempDir::new();
    for path in [dir.file("x.tar", &noise(2_000, 9)), dir.file("x.tar.gz", &noise(2_000, 9))] {
        let results = read_all(&path, 1 << 20);
        assert_eq!(results.len(), 1, "{results:?}");
        assert!(matches!(&results[0], Err(e @ ArchiveError::Open { .. }) if e.code() == "archive"), "{results:?}");
    }
}

// ---------------------------------------------------------------- WARC

/// One WARC record, `\r\n` line ends.
fn record(kind: &str, headers: &[(&str, &str)], block: &[u8]) -> Vec<u8> {
    let mut out = format!("WARC/1.0\r\nWARC-Type: {kind}\r\n").into_bytes();
    for (name, value) in headers {
        out.extend_from_slice(format!("{name}: {value}\r\n").as_bytes());
    }
    out.extend_from_slice(format!("Content-Length: {}\r\n\r\n", block.len()).as_bytes());
    out.extend_from_slice(block);
    out.extend_from_slice(b"\r\n\r\n");
    out
}

const GBK_PAGE: &[u8] = b"<html><head><title>\xb9\xab\xb9\xb2\xb7\xfe\xce\xf1</title></head><body>UNPSA</body></html>";
const CHUNKED_TEXT: &[u8] = b"Winners of the 2019 United Nations Public Service Awards";

fn sample_records() -> Vec<Vec<u8>> {
    let mut gbk_http = b"HTTP/1.1 200 OK\r\nServer: test\r\nContent-Type: text/html; charset=gbk\r\n".to_vec();
    gbk_http.extend_from_slice(format!("Content-Length: {}\r\n\r\n", GBK_PAGE.len()).as_bytes());
    gbk_http.extend_from_slice(GBK_PAGE);
    let mut chunked = b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n".to_vec();
    for part in CHUNKED_TEXT.chunks(20) {
        chunked.extend_from_slice(format!("{:x}\r\n", part.len()).as_bytes());
        chunked.extend_from_slice(part);
        chunked.extend_from_slice(b"\r\n");
    }
    chunked.extend_from_slice(b"0\r\n\r\n");
    vec![
        record(
            "warcinfo",
            &[("WARC-Date", "2019-05-02T10:00:00Z"), ("Content-Type", "application/warc-fields")],
            b"software: test\r\n",
        ),
        record(
            "request",
            &[
                ("WARC-Target-URI", "https://publicadministration.un.org/unpsa/2019"),
                ("WARC-Date", "2019-05-02T10:00:01Z"),
            ],
            b"GET /unpsa/2019 HTTP/1.1\r\nHost: publicadministration.un.org\r\n\r\n",
        ),
        record(
            "response",
            &[
                ("WARC-Target-URI", "https://publicadministration.un.org/unpsa/2019"),
                ("WARC-Date", "2019-05-02T10:00:02Z"),
                ("WARC-Record-ID", "<urn:uuid:00000000-0000-0000-0000-000000000001>"),
                ("Content-Type", "application/http; msgtype=response"),
            ],
            &gbk_http,
        ),
        record(
            "response",
            &[
                ("WARC-Target-URI", "https://publicadministration.un.org/unpsa/winners.txt"),
                ("WARC-Date", "2019-05-02T10:00:03Z"),
                ("Content-Type", "application/http; msgtype=response"),
            ],
            &chunked,
        ),
        record(
            "metadata",
            &[
                ("WARC-Target-URI", "https://publicadministration.un.org/unpsa/2019"),
                ("WARC-Date", "2019-05-02T10:00:04Z"),
            ],
            b"outlinks: none\r\n",
        ),
    ]
}

fn check_sample(members: &[Member]) {
    assert_eq!(members.len(), 2, "{members:?}");
    assert_eq!(members[0].name, "https://publicadministration.un.org/unpsa/2019");
    assert_eq!(members[0].url.as_deref(), Some("https://publicadministration.un.org/unpsa/2019"));
    assert_eq!(members[0].fetched.as_deref(), Some("2019-05-02T10:00:02Z"));
    assert_eq!(members[0].charset.as_deref(), Some("gbk"));
    assert_eq!(members[0].bytes, GBK_PAGE);
    assert_eq!(members[1].name, "https://publicadministration.un.org/unpsa/winners.txt");
    assert_eq!(members[1].url.as_deref(), Some("https://publicadministration.un.org/unpsa/winners.txt"));
    assert_eq!(members[1].fetched.as_deref(), Some("2019-05-02T10:00:03Z"));
    assert_eq!(members[1].charset, None);
    assert_eq!(members[1].bytes, CHUNKED_TEXT);
}

#[test]
fn warc_and_warc_gz() {
    let records = sample_records();
    let plain = records.concat();
    let per_record: Vec<u8> = records.iter().flat_map(|r| gzip(r)).collect();
    let dir = TempDir::new();
    for path in [
        dir.file("crawl.warc", &plain),
        dir.file("crawl.warc.gz", &per_record),
        dir.file("whole.warc.gz", &gzip(&plain)),
    ] {
        check_sample(&ok(read_all(&path, 1 << 20)));
    }
}

#[test]
fn warc_tolerates_loose_writers() {
    let gz_body = gzip(b"<p>gzipped page</p>");
    let mut gz_http =
        b"HTTP/1.1 200 OK\nContent-Encoding: gzip\nContent-Type: text/html;charset=\"UTF-8\"\n\n".to_vec();
    gz_http.extend_from_slice(&gz_body);
    let mut data = Vec::new();
    // `\n` line ends, no blank lines after the block, angle brackets around the URI.
    data.extend_from_slice(
        format!(
            "WARC/1.1\nWARC-Type: response\nWARC-Target-URI: <http://a.org/gz>\nContent-Length: {}\n\n",
            gz_http.len()
        )
        .as_bytes(),
    );
    data.extend_from_slice(&gz_http);
    // A response with no HTTP head at all: the block is the body.
    data.extend_from_slice(b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://a.org/raw\r\nContent-Length: 11\r\n\r\n<p>raw</p>\n");
    // A DNS response and a revisit are skipped.
    data.extend_from_slice(&record("response", &[("WARC-Target-URI", "dns:a.org")], b"a.org. 300 IN A 10.0.0.1\n"));
    data.extend_from_slice(&record("revisit", &[("WARC-Target-URI", "http://a.org/gz")], b"HTTP/1.1 304\r\n\r\n"));
    // A resource record: its own Content-Type gives the charset; folded header lines are joined.
    data.extend_from_slice(&record(
        "resource",
        &[("WARC-Target-URI", "file:///forms/a.html"), ("Content-Type", "text/html;\r\n charset=big5")],
        b"<p>resource</p>",
    ));
    data.extend_from_slice(b"\n\n\n");
    let dir = TempDir::new();
    let path = dir.file("loose.warc", &data);
    let members = ok(read_all(&path, 1 << 20));
    assert_eq!(
        names_and_bytes(&members),
        [
            ("http://a.org/gz", &b"<p>gzipped page</p>"[..]),
            ("http://a.org/raw", b"<p>raw</p>\n"),
            ("file:///forms/a.html", b"<p>resource</p>"),
        ]
    );
    assert_eq!(members[0].charset.as_deref(), Some("UTF-8"));
    assert_eq!(members[1].charset, None);
    assert_eq!(members[2].charset.as_deref(), Some("big5"));
    assert_eq!(members[0].fetched, None);
}

#[test]
fn warc_content_length_past_the_end() {
    let records = sample_records();
    let mut data = records[..3].concat();
    let second_start = data.len() as u64;
    data.extend_from_slice(b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://a.org/cut\r\nContent-Length: 100000\r\n\r\nHTTP/1.1 200 OK\r\n\r\nshort");
    let dir = TempDir::new();
    for path in [dir.file("cut.warc", &data), dir.file("cut.warc.gz", &gzip(&data))] {
        let results = read_all(&path, 1 << 20);
        assert_eq!(results.len(), 2, "{results:?}");
        assert_eq!(results[0].as_ref().unwrap().bytes, GBK_PAGE);
        match &results[1] {
            Err(err @ ArchiveError::Record { offset, message, .. }) => {
                assert_eq!(*offset, second_start);
                assert!(message.contains("Content-Length"), "{message}");
                assert_eq!(err.code(), "archive");
            }
            other => panic!("expected Record, got {other:?}"),
        }
    }
    // Past the end even for a body over the limit: one Record error, no TooLarge.
    let path = dir.file("cut2.warc", &data);
    let results = read_all(&path, 10);
    assert!(matches!(results.last(), Some(Err(ArchiveError::Record { .. }))), "{results:?}");
    assert_eq!(results.iter().filter(|r| matches!(r, Err(ArchiveError::Record { .. }))).count(), 1);
}

#[test]
fn warc_garbage_between_records() {
    let records = sample_records();
    let mut data = records[2].clone();
    let garbage_at = data.len() as u64;
    data.extend_from_slice(b"this is not a record\r\n");
    data.extend_from_slice(&records[3]);
    let dir = TempDir::new();
    let path = dir.file("garbage.warc", &data);
    let results = read_all(&path, 1 << 20);
    assert_eq!(results.len(), 2, "{results:?}");
    assert!(results[0].is_ok());
    assert!(matches!(&results[1], Err(ArchiveError::Record { offset, .. }) if *offset == garbage_at), "{results:?}");
}

#[test]
fn warc_broken_headers_stop_once() {
    let first = sample_records()[2].clone();
    let cases: [&[u8]; 4] = [
        b"WARC/1.0\r\nWARC-Type: response\r\n\r\nno length",
        b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: lots\r\n\r\n",
        b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 5",
        b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 18446744073709551615\r\n\r\nxyz",
    ];
    let dir = TempDir::new();
    for case in cases {
        let path = dir.file("bad.warc", &[&first[..], case].concat());
        let results = read_all(&path, 1 << 20);
        assert_eq!(results.len(), 2, "{results:?}");
        assert!(
            matches!(&results[1], Err(ArchiveError::Record { offset, .. }) if *offset == first.len() as u64),
            "{results:?}"
        );
    }
    // A long run of bytes without a line end is refused, not buffered.
    let path = dir.file("long.warc", &[&first[..], &vec![b'x'; 200_000]].concat());
    let results = read_all(&path, 1 << 20);
    assert_eq!(results.len(), 2, "{results:?}");
    assert!(results[1].is_err());
}

#[test]
fn not_a_warc_gives_one_open_error() {
    let dir = TempDir::new();
    let mut random = noise(5_000, 11);
    random[0] = 0x42;
    for path in [
        dir.file("random.warc.gz", &random),
        dir.file("page.warc", b"<html>a page, not a WARC</html>\n"),
        dir.file("text.warc.gz", &gzip(b"plain text inside gzip\n")),
    ] {
        let results = read_all(&path, 1 << 20);
        assert_eq!(results.len(), 1, "{}: {results:?}", path.display());
        assert!(matches!(&results[0], Err(e @ ArchiveError::Open { .. }) if e.code() == "archive"), "{results:?}");
    }
    // An empty WARC is just empty.
    let path = dir.file("empty.warc", b"");
    assert!(read_all(&path, 1 << 20).is_empty());
}

#[test]
fn warc_member_over_the_limit() {
    let records = sample_records();
    let dir = TempDir::new();
    let path = dir.file("crawl.warc", &records.concat());
    let limit = GBK_PAGE.len() as u64 - 1;
    let results = read_all(&path, limit);
    assert_eq!(results.len(), 2, "{results:?}");
    match &results[0] {
        Err(ArchiveError::TooLarge { name, bytes, limit: l }) => {
            assert_eq!(name, "https://publicadministration.un.org/unpsa/2019");
            assert_eq!((*bytes, *l), (GBK_PAGE.len() as u64, limit));
        }
        other => panic!("expected TooLarge, got {other:?}"),
    }
    assert_eq!(results[1].as_ref().unwrap().bytes, CHUNKED_TEXT);

    // A gzipped body that expands past the limit is stopped while decoding.
    let mut http = b"HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n".to_vec();
    http.extend_from_slice(&gzip(&vec![b'a'; 100_000]));
    let path = dir.file("bomb.warc", &record("response", &[("WARC-Target-URI", "http://a.org/bomb")], &http));
    let results = read_all(&path, 1_000);
    assert!(matches!(&results[..], [Err(ArchiveError::TooLarge { bytes: 1_001, limit: 1_000, .. })]), "{results:?}");
}

#[test]
fn warc_broken_gzip_body_is_a_member_error() {
    let mut http = b"HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n".to_vec();
    let mut body = gzip(&noise(2_000, 13));
    body.truncate(body.len() / 2);
    http.extend_from_slice(&body);
    let mut data = record("response", &[("WARC-Target-URI", "http://a.org/broken")], &http);
    data.extend_from_slice(&sample_records()[3]);
    let dir = TempDir::new();
    let path = dir.file("broken-body.warc", &data);
    let results = read_all(&path, 1 << 20);
    assert_eq!(results.len(), 2, "{results:?}");
    assert!(
        matches!(&results[0], Err(ArchiveError::Member { name, .. }) if name == "http://a.org/broken"),
        "{results:?}"
    );
    assert_eq!(results[1].as_ref().unwrap().bytes, CHUNKED_TEXT);
}

#[test]
fn warc_chunked_gzip_body() {
    let text = b"<p>chunked and gzipped</p>".repeat(50);
    let gz = gzip(&text);
    let mut http = b"HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n".to_vec();
    for part in gz.chunks(7) {
        http.extend_from_slice(format!("{:X}\r\n", part.len()).as_bytes());
        http.extend_from_slice(part);
        http.extend_from_slice(b"\r\n");
    }
    http.extend_from_slice(b"0\r\n\r\n");
    let data = record("response", &[("WARC-Target-URI", "http://a.org/both")], &http);
    let dir = TempDir::new();
    let path = dir.file("both.warc", &data);
    let members = ok(read_all(&path, 1 << 20));
    assert_eq!(names_and_bytes(&members), [("http://a.org/both", &text[..])]);
    // The limit applies to the decoded body.
    let limit = text.len() as u64;
    assert_eq!(ok(read_all(&path, limit))[0].bytes, text);
    let results = read_all(&path, limit - 1);
    assert!(matches!(&results[..], [Err(ArchiveError::TooLarge { bytes, .. })] if *bytes == limit), "{results:?}");

    // A chunked body over the limit is stopped at `limit + 1` bytes.
    let mut http = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n".to_vec();
    http.extend_from_slice(b"400\r\n");
    http.extend_from_slice(&[b'z'; 0x400]);
    http.extend_from_slice(b"\r\n0\r\n\r\n");
    let mut data = record("response", &[("WARC-Target-URI", "http://a.org/chunks")], &http);
    data.extend_from_slice(&sample_records()[3]);
    let path = dir.file("chunks.warc", &data);
    let results = read_all(&path, 100);
    assert_eq!(results.len(), 2, "{results:?}");
    assert!(matches!(&results[0], Err(ArchiveError::TooLarge { bytes: 101, limit: 100, .. })), "{results:?}");
    assert_eq!(results[1].as_ref().unwrap().bytes, CHUNKED_TEXT);
}

#[test]
fn truncated_warc_gz_stream() {
    let records = sample_records();
    let per_record: Vec<u8> = records.iter().flat_map(|r| gzip(r)).collect();
    let dir = TempDir::new();
    let path = dir.file("cut.warc.gz", &per_record[..per_record.len() - 20]);
    let results = read_all(&path, 1 << 20);
    // Both responses come before the cut (in the metadata record); then one error.
    assert_eq!(results.len(), 3, "{results:?}");
    check_sample(&results[..2].iter().map(|r| r.as_ref().unwrap().clone()).collect::<Vec<_>>());
    assert!(matches!(&results[2], Err(ArchiveError::Record { .. })), "{results:?}");
}

#[test]
fn damaged_archives_never_panic() {
    let warc = sample_records().concat();
    let warc_gz: Vec<u8> = sample_records().iter().flat_map(|r| gzip(r)).collect();
    let tar = tar_bytes(&[("pages/one.html", ONE), ("pages/two.txt", TWO)]);
    let samples = [
        ("x.warc", warc),
        ("x.warc.gz", warc_gz),
        ("x.tar", tar.clone()),
        ("x.tgz", gzip(&tar)),
        ("x.zip", two_member_zip(true)),
    ];
    let dir = TempDir::new();
    let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for (name, data) in &samples {
        for _ in 0..150 {
            let mut damaged = data.clone();
            // Flip a few bytes, sometimes cut the end off too.
            for _ in 0..1 + next() % 4 {
                let at = (next() % damaged.len() as u64) as usize;
                damaged[at] ^= 1 << (next() % 8);
            }
            if next() % 3 == 0 {
                damaged.truncate((next() % damaged.len() as u64) as usize);
            }
            let path = dir.file(name, &damaged);
            let results = read_all(&path, 1 << 20);
            assert!(results.len() <= 6, "{name}: {results:?}");
        }
    }
}
