//! Legacy encodings and UTF-16 give the record the UTF-8 text gives.

use encoding_rs::Encoding;
use nomina::normalize::Record;

fn convert(bytes: &[u8]) -> Record {
    nomina::Pipeline::new(nomina::Options::default()).convert(bytes, "doc.txt").expect("converts")
}

fn seed(name: &str) -> String {
    std::fs::read_to_string(format!("{}/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

/// The record without `id` and `source`, which depend on the bytes.
fn content(r: &Record) -> serde_json::Value {
    let mut v = serde_json::to_value(r).unwrap();
    let o = v.as_object_mut().unwrap();
    o.remove("id");
    o.remove("source");
    v
}

fn encoded(text: &str, encoding: &'static Encoding) -> Vec<u8> {
    let (bytes, _, unmappable) = encoding.encode(text);
    assert!(!unmappable, "{} cannot write this text", encoding.name());
    bytes.into_owned()
}

fn utf16le_with_bom(text: &str) -> Vec<u8> {
    let mut out = vec![0xFF, 0xFE];
    for unit in text.encode_utf16() {
        out.extend_from_slice(&unit.to_le_bytes());
    }
    out
}

#[test]
fn every_encoding_gives_the_utf8_record() {
    let cases: [(&str, &'static Encoding, &str, &str); 7] = [
        ("003_3d6537fba802d833.txt", encoding_rs::GB18030, "gb18030", "detected"),
        ("003_3d6537fba802d833.txt", encoding_rs::GBK, "GBK", "detected"),
        ("001_eeae656d80b09620.txt", encoding_rs::BIG5, "Big5", "detected"),
        ("001_eeae656d80b09620.txt", encoding_rs::WINDOWS_1252, "windows-1252", "detected"),
        ("004_931d49ab24931080.txt", encoding_rs::WINDOWS_1252, "windows-1252", "detected"),
        ("103_ru_from_001.txt", encoding_rs::WINDOWS_1251, "windows-1251", "detected"),
        ("104_ar_from_001.txt", encoding_rs::WINDOWS_1256, "windows-1256", "detected"),
    ];
    for (name, encoding, _, basis) in cases {
        // windows-1256 has no Arabic-Indic digits: pages in it write ASCII ones.
        let text: String = seed(name)
            .chars()
            .map(|c| match c {
                '\u{660}'..='\u{669}' => char::from_u32(c as u32 - 0x660 + '0' as u32).unwrap(),
                _ => c,
            })
            .collect();
        let want = convert(text.as_bytes());
        let got = convert(&encoded(&text, encoding));
        assert_eq!(got.source.encoding_basis, basis, "{name} in {}", encoding.name());
        // Compared without Debug output: a whole record is too long to read.
        assert!(
            content(&got) == content(&want),
            "{name} in {} decoded as {} gives another record",
            encoding.name(),
            got.source.encoding
        );
        assert!(got.diagnostics.warnings.iter().all(|w| w.code != "lossy_decode"));
    }
}

#[test]
fn utf16_with_a_byte_order_mark() {
    let text = seed("003_3d6537fba802d833.txt");
    let r = convert(&utf16le_with_bom(&text));
    assert_eq!((r.source.encoding.as_str(), r.source.encoding_basis.as_str()), ("UTF-16LE", "bom"));
    assert_eq!(content(&r), content(&convert(text.as_bytes())));
}

#[test]
fn korean_and_japanese_legacy_encodings() {
    for (text, encoding) in [
        (
            "대한민국 행정안전부는 공공 서비스 혁신을 위해 노력하고 있습니다.\n정부는 시민의 참여를 늘리기 위한 정책을 시행했습니다.\n",
            encoding_rs::EUC_KR,
        ),
        (
            "日本政府は公共サービスの改善に取り組んでいます。\n市民の参加を促進するための政策を実施しました。\n",
            encoding_rs::SHIFT_JIS,
        ),
    ] {
        let r = convert(&encoded(text, encoding));
        assert_eq!(r.source.encoding, encoding.name());
        assert_eq!(r.text.unwrap().paragraphs.join("\n") + "\n", text);
    }
}

#[test]
fn malformed_bytes_are_replaced_and_counted() {
    let mut bytes = seed("003_3d6537fba802d833.txt").into_bytes();
    // Between two lines, so that no character is cut.
    let at = bytes.iter().position(|&b| b == b'\n').unwrap() + 1;
    bytes.splice(at..at, [0xFF, 0xFE, 0xC0]);
    let r = convert(&bytes);
    assert_eq!(r.source.encoding, "UTF-8");
    let w = &r.diagnostics.warnings[0];
    assert_eq!(w.code, "lossy_decode");
    assert!(w.message.starts_with("3 malformed"), "{}", w.message);
}

/// `text` as quoted-printable: bytes past ASCII and `=` escaped, lines
/// longer than 76 characters broken by soft line breaks.
fn quoted_printable(text: &str) -> Vec<u8> {
    let mut out = Vec::new();
    for line in text.split_inclusive('\n') {
        let mut width = 0;
        for &b in line.as_bytes() {
            let piece =
                if b == b'\n' || (b.is_ascii() && b != b'=') { vec![b] } else { format!("={b:02X}").into_bytes() };
            if b != b'\n' && width + piece.len() > 75 {
                out.extend_from_slice(b"=\n");
                width = 0;
            }
            width += piece.len();
            out.extend_from_slice(&piece);
        }
    }
    out
}

#[test]
fn quoted_printable_gives_the_record_of_its_text() {
    let text = seed("001_eeae656d80b09620.txt");
    let plain = convert(text.as_bytes());
    let mut quoted = convert(&quoted_printable(&text));
    assert_eq!(quoted.source.encoding, "UTF-8");
    let w = quoted.diagnostics.warnings.remove(0);
    assert_eq!(w.code, "quoted_printable");
    assert_eq!(content(&quoted), content(&plain));
}
