//! A scraped archive as it really comes, converted in one run: legacy
//! encodings, HTML pages, zip, tar.gz and WARC files, and bad inputs beside
//! them. Every readable document gets the record its UTF-8 text gets, every
//! bad one exactly one error line, and the output does not depend on the
//! number of threads.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn workspace() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(workspace().join("fixtures").join(name)).unwrap()
}

fn text(name: &str) -> String {
    String::from_utf8(fixture(name)).unwrap()
}

fn nomina(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_nomina")).args(args).current_dir(dir).output().expect("nomina runs")
}

fn records(out: &[u8]) -> BTreeMap<String, Value> {
    String::from_utf8(out.to_vec())
        .unwrap()
        .lines()
        .map(|l| {
            let v: Value = serde_json::from_str(l).unwrap();
            (v["source"]["path"].as_str().unwrap().to_string(), v)
        })
        .collect()
}

/// A record without what depends on the bytes rather than the text.
fn content(mut v: Value) -> Value {
    let o = v.as_object_mut().unwrap();
    o.remove("id");
    o.remove("source");
    // What an HTML page held besides its text is listed here too.
    let diagnostics = o["diagnostics"].as_object_mut().unwrap();
    diagnostics.remove("ui_text_removed");
    // So are the signals its markup gave a news article.
    if let Some(Value::String(why)) = diagnostics.get_mut("classification") {
        *why = why.replace("named by the page's markup, ", "").replace(", a publication date in the page's markup", "");
    }
    v
}

struct Scratch(PathBuf);

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn encode(text: &str, encoding: &'static encoding_rs::Encoding) -> Vec<u8> {
    let (bytes, _, unmappable) = encoding.encode(text);
    assert!(!unmappable);
    bytes.into_owned()
}

fn warc_record(kind: &str, uri: &str, date: &str, block: &[u8]) -> Vec<u8> {
    let mut r = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: {date}\r\nWARC-Record-ID: <urn:uuid:{uri}>\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    r.extend_from_slice(block);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

fn http_response(content_type: &str, body: &[u8]) -> Vec<u8> {
    let mut r = format!("HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n", body.len())
        .into_bytes();
    r.extend_from_slice(body);
    r
}

/// Builds the tree; returns the expected UTF-8 source of every readable
/// document (by record path) and the paths that must fail.
fn build(root: &Path) -> (BTreeMap<String, String>, Vec<&'static str>) {
    let dir = root.join("crawl");
    std::fs::create_dir_all(dir.join("pages")).unwrap();
    let mut expect = BTreeMap::new();
    let mut put = |rel: &str, bytes: &[u8], source: &str| {
        std::fs::write(dir.join(rel), bytes).unwrap();
        expect.insert(format!("crawl/{rel}"), source.to_string());
    };
    let s001 = "001_eeae656d80b09620.txt";
    let s002 = "002_fd03ccdba2c6da1f.txt";
    let s003 = "003_3d6537fba802d833.txt";
    let s004 = "004_931d49ab24931080.txt";
    put("pages/003.gb18030.txt", &encode(&text(s003), encoding_rs::GB18030), s003);
    put("pages/001.big5.txt", &encode(&text(s001), encoding_rs::BIG5), s001);
    let mut utf16 = vec![0xFF, 0xFE];
    for u in text(s002).encode_utf16() {
        utf16.extend_from_slice(&u.to_le_bytes());
    }
    put("pages/002.utf16.txt", &utf16, s002);
    put("pages/004.cp1252.txt", &encode(&text(s004), encoding_rs::WINDOWS_1252), s004);
    put("pages/003.html", &fixture("201_html_from_003.html"), s003);
    put("pages/004.htm", &fixture("202_html_news_from_004.html"), s004);

    // A zip and a tar.gz holding text files, one in a subfolder.
    let zip_file = std::fs::File::create(dir.join("bundle.zip")).unwrap();
    let mut zip = zip::ZipWriter::new(zip_file);
    let options = zip::write::SimpleFileOptions::default();
    for (name, seed) in [("a/001.txt", s001), ("004.txt", s004)] {
        zip.start_file(name, options).unwrap();
        zip.write_all(&fixture(seed)).unwrap();
        expect.insert(format!("crawl/bundle.zip/{name}"), seed.to_string());
    }
    zip.finish().unwrap();
    let gz = flate2::write::GzEncoder::new(
        std::fs::File::create(dir.join("more.tar.gz")).unwrap(),
        flate2::Compression::default(),
    );
    let mut tar = tar::Builder::new(gz);
    for (name, seed) in [("x/003.txt", s003), ("x/002.txt", s002)] {
        let bytes = fixture(seed);
        let mut header = tar::Header::new_gnu();
        header.set_size(bytes.len() as u64);
        header.set_mode(0o644);
        header.set_cksum();
        tar.append_data(&mut header, name, bytes.as_slice()).unwrap();
        expect.insert(format!("crawl/more.tar.gz/{name}"), seed.to_string());
    }
    tar.into_inner().unwrap().finish().unwrap();

    // A WARC with a request, two responses (one declaring GBK in HTTP only) and metadata.
    let mut warc = Vec::new();
    warc.extend(warc_record(
        "request",
        "https://example.org/p/1",
        "2021-09-01T00:00:00Z",
        b"GET /p/1 HTTP/1.1\r\n\r\n",
    ));
    let gbk = encode(&text(s003), encoding_rs::GBK);
    warc.extend(warc_record(
        "response",
        "https://example.org/p/1",
        "2021-09-01T00:00:01Z",
        &http_response("text/plain; charset=gbk", &gbk),
    ));
    warc.extend(warc_record(
        "response",
        "https://example.org/news/4",
        "2021-09-01T00:00:02Z",
        &http_response("text/html; charset=utf-8", &fixture("202_html_news_from_004.html")),
    ));
    warc.extend(warc_record("metadata", "https://example.org/p/1", "2021-09-01T00:00:03Z", b"fetchTimeMs: 12\r\n"));
    std::fs::write(dir.join("crawl.warc"), &warc).unwrap();
    expect.insert("crawl/crawl.warc/https://example.org/p/1".into(), s003.into());
    expect.insert("crawl/crawl.warc/https://example.org/news/4".into(), s004.into());

    // Bad inputs, and a long line that is not bad.
    std::fs::write(dir.join("empty.txt"), b"").unwrap();
    let mut noise = vec![0u8; 65536];
    let mut x: u32 = 12345;
    for b in &mut noise {
        x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
        *b = (x >> 16) as u8;
    }
    std::fs::write(dir.join("noise.bin"), &noise).unwrap();
    let mut broken = std::fs::read(dir.join("bundle.zip")).unwrap();
    broken.truncate(broken.len() / 3);
    std::fs::write(dir.join("broken.zip"), &broken).unwrap();
    let long = "word ".repeat(600_000);
    std::fs::write(dir.join("long-line.txt"), long.trim_end()).unwrap();
    (expect, vec!["crawl/broken.zip", "crawl/empty.txt", "crawl/noise.bin"])
}

#[test]
fn a_real_archive_in_one_run() {
    let root = std::env::temp_dir().join(format!("nomina-batch-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    let _guard = Scratch(root.clone());
    let (expect, bad) = build(&root);

    let one = nomina(&["convert", "-j", "1", "crawl"], &root);
    let two = nomina(&["convert", "-j", "2", "crawl"], &root);
    assert_eq!(one.status.code(), Some(1), "{}", String::from_utf8_lossy(&one.stderr));
    assert_eq!(one.stdout, two.stdout, "output depends on the number of threads");
    assert_eq!(one.stderr.split(|&b| b == b'\n').filter(|l| l.starts_with(b"{")).count(), bad.len());

    // The UTF-8 text forms, converted on their own.
    let originals = nomina(&["convert", "fixtures"], &workspace());
    let originals = records(&originals.stdout);
    let got = records(&one.stdout);
    for (path, seed) in &expect {
        let record = got.get(path).unwrap_or_else(|| panic!("no record for {path}"));
        let want = originals[&format!("fixtures/{seed}")].clone();
        assert_eq!(content(record.clone()), content(want), "{path}");
        let warnings = record["diagnostics"]["warnings"].as_array().unwrap();
        assert!(warnings.iter().all(|w| w["code"] != "lossy_decode"), "{path}");
    }
    // Sorted by path, one record per readable document, and the long line too.
    let paths: Vec<&String> = got.keys().collect();
    let mut sorted = paths.clone();
    sorted.sort();
    assert_eq!(paths, sorted);
    assert_eq!(got.len(), expect.len() + 1);
    let long = &got["crawl/long-line.txt"];
    assert_eq!(long["kind"], "unknown");
    assert_eq!(long["diagnostics"]["uncovered_chars"], 0);

    let warc = &got["crawl/crawl.warc/https://example.org/p/1"]["source"];
    assert_eq!(warc["url"], "https://example.org/p/1");
    assert_eq!(warc["fetched"], "2021-09-01T00:00:01Z");
    assert_eq!((warc["encoding"].as_str(), warc["encoding_basis"].as_str()), (Some("GBK"), Some("declared")));
    let big5 = &got["crawl/pages/001.big5.txt"]["source"];
    assert_eq!(big5["encoding_basis"], "detected");
    assert_eq!(got["crawl/pages/002.utf16.txt"]["source"]["encoding"], "UTF-16LE");

    // Exactly one error line per bad input, with its code.
    let stderr = String::from_utf8(one.stderr).unwrap();
    let errors: Vec<(String, String)> = stderr
        .lines()
        .filter(|l| l.starts_with('{'))
        .map(|l| {
            let v: Value = serde_json::from_str(l).unwrap();
            (v["path"].as_str().unwrap().to_string(), v["error"]["code"].as_str().unwrap().to_string())
        })
        .collect();
    let paths: Vec<&str> = errors.iter().map(|(p, _)| p.split("/a/").next().unwrap()).collect();
    assert_eq!(paths, bad, "{errors:?}");
    assert_eq!(errors[1].1, "empty");
    assert_eq!(errors[2].1, "binary");
    let summary = stderr.lines().last().unwrap();
    assert!(summary.contains("; 3 errors; "), "{summary}");
}
