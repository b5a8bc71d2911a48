//! A form sent as an e-mail message saved whole (headers, MIME parts,
//! quoted-printable text), read as the text its reader would be shown.

use encoding_rs::{Encoding, UTF_8};

/// What reading an e-mail message did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct MailRead {
    /// Lines of headers, part boundaries and parts not shown (a base64
    /// attachment, the HTML copy of a plain-text part) left blank.
    pub set_aside: usize,
    /// Lines of quoted-printable text decoded.
    pub decoded: usize,
    /// Soft line breaks joined: each joined line left blank in its place.
    pub joined: usize,
}

/// Header names that only a MIME message carries; one of them, in the
/// headers a text opens with, and an encoded part make it a message.
const MIME_HEADERS: [&str; 3] = ["content-type", "content-transfer-encoding", "mime-version"];

/// The fewest header lines that open a message.
const MIN_HEADERS: usize = 2;

/// A header line's name and value: `Subject: …` (an mbox `From ` line too).
fn header(line: &str) -> Option<(&str, &str)> {
    if let Some(rest) = line.strip_prefix("From ") {
        return Some(("from ", rest));
    }
    let (name, value) = line.split_once(':')?;
    (!name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')).then_some((name, value.trim()))
}

/// The parameter `name` of a header's value (`charset="utf-8"`).
fn parameter<'a>(value: &'a str, name: &str) -> Option<&'a str> {
    value.split(';').skip(1).find_map(|p| {
        let (key, v) = p.split_once('=')?;
        key.trim().eq_ignore_ascii_case(name).then(|| v.trim().trim_matches('"'))
    })
}

/// How a part's body is written, from its headers.
#[derive(Default)]
struct Part {
    content_type: String,
    charset: Option<String>,
    encoding: String,
}

impl Part {
    fn read(&mut self, name: &str, value: &str, boundaries: &mut Vec<String>) {
        if name.eq_ignore_ascii_case("content-type") {
            self.content_type = value.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
            self.charset = parameter(value, "charset").map(str::to_string);
            if let Some(b) = parameter(value, "boundary").filter(|b| !b.is_empty()) {
                boundaries.push(b.to_string());
            }
        } else if name.eq_ignore_ascii_case("content-transfer-encoding") {
            self.encoding = value.trim().to_ascii_lowercase();
        }
    }

    fn shown(&self, plain_present: bool) -> bool {
        let t = self.content_type.as_str();
        (t.is_empty() || t == "text/plain" || (t.starts_with("text/") && !plain_present)) && self.encoding != "base64"
    }
}

/// Where a line stands in the message.
#[derive(PartialEq)]
enum At {
    Headers,
    PartHeaders,
    Body,
    Between,
}

/// Reads a text that is an e-mail message saved whole, with a MIME header
/// among its first [`MIN_HEADERS`] or more headers and a part written in
/// quoted-printable or base64, as the text its reader shows: the headers,
/// part boundaries, a multipart message's preamble and epilogue, and the
/// parts not shown (base64 ones, an HTML copy beside a plain-text part) are
/// left blank, the subject reads as its decoded words (`=?UTF-8?Q?…?=`),
/// and a quoted-printable part is decoded in its charset: `=C3=A9` as `é`,
/// a line ended by a soft break (`=`) joined with the next, whose line is
/// left blank. Every line keeps its number.
pub fn read_mail(text: &mut String) -> MailRead {
    let none = MailRead::default();
    let opening = text.trim_start_matches(['\r', '\n']);
    if !opening.starts_with(|c: char| c.is_ascii_alphabetic())
        || !text.contains("ontent-")
        || header(opening.lines().next().unwrap_or("")).is_none()
    {
        return none;
    }
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    // The message's headers must open it.
    let mut count = 0;
    let mut mime = false;
    for line in lines.iter().map(|l| l.trim_end_matches(['\r', '\n'])).skip_while(|l| l.is_empty()) {
        if line.is_empty() {
            break;
        }
        if line.starts_with([' ', '\t']) {
            continue;
        }
        let Some((name, _)) = header(line) else { return none };
        count += 1;
        mime |= MIME_HEADERS.iter().any(|h| name.eq_ignore_ascii_case(h));
    }
    let lower = text.to_ascii_lowercase();
    let encoded = ["quoted-printable", "base64"]
        .iter()
        .any(|e| lower.match_indices(e).any(|(at, _)| lower[..at].trim_end().ends_with("content-transfer-encoding:")));
    if count < MIN_HEADERS || !mime || !encoded {
        return none;
    }
    let plain_present = lower.contains("content-type: text/plain");

    let mut read = MailRead::default();
    let mut out = String::with_capacity(text.len());
    let mut boundaries: Vec<String> = Vec::new();
    let mut part = Part::default();
    let mut at = At::Headers;
    let mut started = false;
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        let body = line.trim_end_matches(['\r', '\n']);
        let end = &line[body.len()..];
        i += 1;
        if !started && body.is_empty() {
            out.push_str(line);
            continue;
        }
        started = true;
        let boundary = body.strip_prefix("--").and_then(|b| {
            let b = b.trim_end();
            boundaries.iter().find(|x| b == x.as_str() || b.strip_suffix("--") == Some(x.as_str())).map(|x| b == x)
        });
        if let Some(opens) = boundary {
            at = if opens { At::PartHeaders } else { At::Between };
            part = Part::default();
            read.set_aside += 1;
            out.push_str(end);
            continue;
        }
        match at {
            At::Headers | At::PartHeaders => {
                if body.is_empty() {
                    // A multipart message's own body is its preamble.
                    at = if part.content_type.starts_with("multipart/") { At::Between } else { At::Body };
                    out.push_str(line);
                    continue;
                }
                let mut value = body;
                if let Some((name, v)) = header(body).filter(|_| !body.starts_with([' ', '\t'])) {
                    part.read(name, v, &mut boundaries);
                    value = v;
                    if at == At::Headers && name.eq_ignore_ascii_case("subject") {
                        out.push_str(&decode_encoded_words(value));
                        out.push_str(end);
                        continue;
                    }
                } else if let Some(b) = parameter(&format!(";{}", value.trim()), "boundary") {
                    // A folded line carries a parameter on.
                    boundaries.push(b.to_string());
                }
                read.set_aside += 1;
                out.push_str(end);
            }
            At::Between => {
                if !body.is_empty() {
                    read.set_aside += 1;
                }
                out.push_str(end);
            }
            At::Body if !part.shown(plain_present) => {
                if !body.is_empty() {
                    read.set_aside += 1;
                }
                out.push_str(end);
            }
            At::Body if part.encoding == "quoted-printable" => {
                // A soft break's line and the lines it joins read as one.
                let mut joined = body.to_string();
                let mut ends = end.to_string();
                while joined.ends_with('=') && i < lines.len() {
                    joined.pop();
                    let next = lines[i];
                    let next_body = next.trim_end_matches(['\r', '\n']);
                    joined.push_str(next_body);
                    ends.push_str(&next[next_body.len()..]);
                    read.joined += 1;
                    i += 1;
                }
                if joined.ends_with('=') {
                    joined.pop();
                }
                out.push_str(&unquote_printable(&joined, part.charset.as_deref()));
                out.push_str(&ends);
                read.decoded += usize::from(!joined.is_empty());
            }
            At::Body => out.push_str(line),
        }
    }
    *text = out;
    read
}

/// The encoding a charset label names; UTF-8 when none or unknown.
fn charset(label: Option<&str>) -> &'static Encoding {
    label.and_then(|l| Encoding::for_label(l.trim().as_bytes())).unwrap_or(UTF_8)
}

fn hex(b: u8) -> Option<u8> {
    (b as char).to_digit(16).map(|d| d as u8)
}

/// A line of quoted-printable text decoded in `label`'s charset: `=XX` is
/// a byte; an `=` opening no escape stays as written.
fn unquote_printable(line: &str, label: Option<&str>) -> String {
    if !line.contains('=') {
        return line.to_string();
    }
    let b = line.as_bytes();
    let mut bytes = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'='
            && let (Some(h), Some(l)) = (b.get(i + 1).copied().and_then(hex), b.get(i + 2).copied().and_then(hex))
        {
            bytes.push(h << 4 | l);
            i += 3;
        } else {
            bytes.push(b[i]);
            i += 1;
        }
    }
    charset(label).decode_without_bom_handling(&bytes).0.into_owned()
}

/// Bytes of base64 text; `None` if it holds anything else.
pub(crate) fn unbase64(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0);
    for c in text.bytes().filter(|&c| c != b'=') {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        };
        acc = acc << 6 | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    Some(out)
}

/// A header's value with its RFC 2047 encoded words (`=?UTF-8?Q?Fiche_=C3=A9?=`,
/// `=?GBK?B?…?=`) read as the text they encode; the blank between two
/// encoded words goes, as the standard says. Anything else stays as written.
pub(crate) fn decode_encoded_words(value: &str) -> String {
    if !value.contains("=?") {
        return value.to_string();
    }
    let mut out = String::with_capacity(value.len());
    let mut rest = value;
    let mut after_word = false;
    while let Some(start) = rest.find("=?") {
        let word = &rest[start + 2..];
        let decoded = (|| {
            let (label, word) = word.split_once('?')?;
            let (kind, word) = word.split_once('?')?;
            let end = word.find("?=")?;
            let data = &word[..end];
            let bytes = if kind.eq_ignore_ascii_case("b") {
                unbase64(data)?
            } else if kind.eq_ignore_ascii_case("q") {
                let spaced = data.replace('_', " ");
                let b = spaced.as_bytes();
                let mut bytes = Vec::with_capacity(b.len());
                let mut i = 0;
                while i < b.len() {
                    match (b[i], b.get(i + 1).copied().and_then(hex), b.get(i + 2).copied().and_then(hex)) {
                        (b'=', Some(h), Some(l)) => {
                            bytes.push(h << 4 | l);
                            i += 3;
                        }
                        (c, _, _) => {
                            bytes.push(c);
                            i += 1;
                        }
                    }
                }
                bytes
            } else {
                return None;
            };
            // The label may name a language after `*` (RFC 2231).
            let label = label.split('*').next().unwrap_or(label);
            let text = charset(Some(label)).decode_without_bom_handling(&bytes).0.into_owned();
            Some((text, start + 2 + label.len() + 1 + kind.len() + 1 + end + 2))
        })();
        match decoded {
            Some((decoded, len)) => {
                let before = &rest[..start];
                if !(after_word && before.trim().is_empty()) {
                    out.push_str(before);
                }
                out.push_str(&decoded);
                rest = rest.get(len..).unwrap_or("");
                after_word = true;
            }
            None => {
                out.push_str(&rest[..start + 2]);
                rest = &rest[start + 2..];
                after_word = false;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testgen::field_value as value;
    use crate::{parse, repair_plain_text};

    const MESSAGE: &str = "Received: from relay.example.org by mx.example.org; Mon, 3 Mar 2025 08:00:00 +0000\r\n\
        From: Formulaire <forms@example.org>\r\nSubject: =?UTF-8?Q?Dossier_n=C2=B0_7?= =?UTF-8?B?IMOpdMOp?=\r\n\
        MIME-Version: 1.0\r\nContent-Type: multipart/alternative;\r\n boundary=\"--b1\"\r\n\r\n\
        This is a multi-part message.\r\n\r\n----b1\r\nContent-Type: text/plain; charset=utf-8\r\n\
        Content-Transfer-Encoding: quoted-printable\r\n\r\nPays : Gh=C3=A2na\r\n\
        Institution Name: Assembl=C3=A9e m=C3=A9tropolitaine de Ta=\r\nmale\r\n\
        Ann=C3=A9es : 4\r\nDegr=C3=A9 =3D 2\r\n\r\n----b1\r\nContent-Type: text/html; charset=utf-8\r\n\
        Content-Transfer-Encoding: base64\r\n\r\nPHA+R2hhbmE8L3A+\r\n\r\n----b1--\r\n";

    #[test]
    fn a_quoted_printable_message_reads_as_its_plain_text_in_place() {
        let mut text = MESSAGE.to_string();
        let lines = text.lines().count();
        let read = read_mail(&mut text);
        assert_eq!(read, MailRead { set_aside: 14, decoded: 4, joined: 1 });
        assert_eq!(text.lines().count(), lines);
        assert_eq!(
            text,
            "\r\n\r\nDossier n° 7 été\r\n\r\n\r\n\r\n\r\n\r\n\r\n\r\n\r\n\r\n\r\nPays : Ghâna\r\n\
             Institution Name: Assemblée métropolitaine de Tamale\r\n\r\nAnnées : 4\r\nDegré = 2\r\n\r\n\
             \r\n\r\n\r\n\r\n\r\n\r\n\r\n"
        );
    }

    #[test]
    fn a_message_read_in_place_gives_the_form_its_fields() {
        let mut text = MESSAGE.to_string();
        let repairs = repair_plain_text(&mut text);
        assert!(repairs.warnings().iter().any(|w| w.0 == "mail_message_read"));
        let doc = parse(text);
        assert_eq!(value(&doc, "field.institution_name").as_deref(), Some("Assemblée métropolitaine de Tamale"));
    }

    #[test]
    fn text_without_an_encoded_part_is_no_message() {
        for kept in [
            "Country: Ghana\nCity: Tamale\nContent-Type: none\nYears: 4\n",
            "From: a@b.org\nSubject: Forms\nMIME-Version: 1.0\n\nCountry: Ghana\nAnswer: Gh=C3=A2na\n",
        ] {
            let mut text = kept.to_string();
            assert_eq!(read_mail(&mut text), MailRead::default());
            assert_eq!(text, kept);
        }
    }

    #[test]
    fn encoded_words_read_in_their_charsets() {
        assert_eq!(decode_encoded_words("=?ISO-8859-1?Q?Caf=E9_cr=E8me?= [7]"), "Café crème [7]");
        assert_eq!(decode_encoded_words("[PATCH] =?UTF-8?B?5paw?= x"), "[PATCH] 新 x");
        assert_eq!(decode_encoded_words("a =?bad?= b"), "a =?bad?= b");
    }
}
