//! WARC, read by hand: a version line, header lines up to a blank line, `Content-Length` bytes
//! of block, then (usually) two line ends. Line ends may be `\r\n` or `\n`. Lines are read with a
//! cap, so garbage without line ends cannot fill memory, and every step consumes input, so
//! malformed data cannot loop.

use std::io::{self, BufRead, BufReader, Read};
use std::ops::ControlFlow;

use flate2::bufread::{DeflateDecoder, MultiGzDecoder, ZlibDecoder};

use crate::{ArchiveError, Ctx, Member, member_error};

/// Longest header line accepted, WARC or HTTP.
const MAX_LINE: u64 = 64 * 1024;
/// Longest WARC record header accepted.
const MAX_HEADER: usize = 1 << 20;
/// Longest HTTP head (status line and headers) looked for; past that the block is all body.
const MAX_HTTP_HEAD: usize = 256 * 1024;

pub(crate) fn read<R: Read>(
    ctx: &Ctx<'_>,
    reader: R,
    each: &mut dyn FnMut(Result<Member, ArchiveError>) -> ControlFlow<()>,
) -> ControlFlow<()> {
    let mut r = Counted { inner: BufReader::with_capacity(64 * 1024, reader), pos: 0 };
    // Until one record header has been read, a failure means the file is no WARC at all.
    let mut seen_record = false;
    let broken = |seen_record: bool, offset: u64, message: String| {
        if seen_record {
            ArchiveError::Record { path: ctx.path.to_path_buf(), offset, message }
        } else {
            ctx.open_error(format!("at byte {offset}: {message}"))
        }
    };
    let mut line = Vec::new();
    loop {
        // Blank lines end the previous record; tolerate any number of them, or none.
        let start = loop {
            let at = r.pos;
            line.clear();
            match read_line(&mut r, MAX_LINE, &mut line) {
                Err(err) => return each(Err(broken(seen_record, at, format!("cannot read: {err}")))),
                Ok(Line::Eof) if is_blank(&line) => return ControlFlow::Continue(()),
                Ok(Line::Full) if is_blank(&line) => continue,
                Ok(_) => break at,
            }
        };
        if !trim_line(&line).starts_with(b"WARC/") {
            return each(Err(broken(seen_record, start, "expected a WARC version line (WARC/1.0 or WARC/1.1)".into())));
        }
        let headers = match read_headers(&mut r) {
            Ok(headers) => headers,
            Err(message) => return each(Err(broken(seen_record, start, message))),
        };
        let header = |name: &str| headers.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str());
        let len = match header("Content-Length").map(|v| (v, v.parse::<u64>())) {
            Some((_, Ok(len))) => len,
            Some((v, Err(_))) => return each(Err(broken(seen_record, start, format!("bad Content-Length {v:?}")))),
            None => return each(Err(broken(seen_record, start, "no Content-Length".into()))),
        };
        seen_record = true;

        let record_type = header("WARC-Type").unwrap_or_default().to_ascii_lowercase();
        let url = header("WARC-Target-URI")
            .map(|u| u.trim_start_matches('<').trim_end_matches('>').trim().to_string())
            .filter(|u| !u.is_empty());
        // Crawlers store DNS lookups as `response` records too; they are no documents.
        let is_dns = url.as_deref().is_some_and(|u| u.get(..4).is_some_and(|s| s.eq_ignore_ascii_case("dns:")));
        let wanted = matches!(record_type.as_str(), "response" | "resource") && !is_dns;
        let mut block = (&mut r).take(len);
        let past_end = || broken(true, start, format!("Content-Length {len} runs past the end of the data"));

        if !wanted {
            match io::copy(&mut block, &mut io::sink()) {
                Err(err) => return each(Err(broken(true, start, format!("cannot read the record block: {err}")))),
                Ok(n) if n < len => return each(Err(past_end())),
                Ok(_) => continue,
            }
        }
        let name = url
            .clone()
            .or_else(|| header("WARC-Record-ID").map(str::to_string))
            .unwrap_or_else(|| format!("record at byte {start}"));
        let (head, body) = match read_block(&mut block, record_type == "response", ctx.max_bytes) {
            Err(err) => return each(Err(broken(true, start, format!("cannot read the record block: {err}")))),
            Ok(Block::TooLarge(bytes)) => {
                // Skip the rest so the next record can be read; a short block is the worse news.
                match io::copy(&mut block, &mut io::sink()) {
                    Err(err) => return each(Err(broken(true, start, format!("cannot read the record block: {err}")))),
                    Ok(_) if block.limit() > 0 => return each(Err(past_end())),
                    Ok(_) => {
                        each(Err(ctx.too_large(&name, bytes)))?;
                        continue;
                    }
                }
            }
            Ok(Block::Body(head, body)) => (head, body),
        };
        // A chunked body may end before its block does (trailers); the rest is not wanted.
        match io::copy(&mut block, &mut io::sink()) {
            Err(err) => return each(Err(broken(true, start, format!("cannot read the record block: {err}")))),
            Ok(_) if block.limit() > 0 => return each(Err(past_end())),
            Ok(_) => {}
        }
        let charset = match (&head, record_type.as_str()) {
            (Some(head), _) => head.content_type.as_deref().and_then(charset),
            (None, "resource") => header("Content-Type").and_then(charset),
            (None, _) => None,
        };
        let fetched = header("WARC-Date").map(str::to_string);
        let result =
            decode_body(ctx, &name, head.as_ref(), body).map(|bytes| Member { name, bytes, url, fetched, charset });
        each(result)?;
    }
}

/// Reads the header lines of a record, after its version line, through the blank line.
fn read_headers(r: &mut impl BufRead) -> Result<Vec<(String, String)>, String> {
    let mut headers: Vec<(String, String)> = Vec::new();
    let mut total = 0;
    let mut line = Vec::new();
    loop {
        line.clear();
        match read_line(r, MAX_LINE, &mut line) {
            Err(err) => return Err(format!("cannot read: {err}")),
            Ok(Line::Eof) => return Err("the data ends inside the record header".into()),
            Ok(Line::TooLong) => return Err("a record header line is too long".into()),
            Ok(Line::Full) => {}
        }
        total += line.len();
        if total > MAX_HEADER {
            return Err("the record header is too long".into());
        }
        if is_blank(&line) {
            return Ok(headers);
        }
        let text = String::from_utf8_lossy(trim_line(&line));
        if text.starts_with([' ', '\t']) {
            // A folded line continues the previous value.
            if let Some((_, value)) = headers.last_mut() {
                value.push(' ');
                value.push_str(text.trim());
            }
        } else if let Some((name, value)) = text.split_once(':') {
            headers.push((name.trim().to_string(), value.trim().to_string()));
        }
        // Anything else is ignored: a bad line matters only if it hides Content-Length.
    }
}

/// The block of a wanted record.
enum Block {
    /// The HTTP head, if the block had one, and the body, de-chunked but still content-encoded.
    Body(Option<HttpHead>, Vec<u8>),
    /// The body is larger than the limit: this many bytes, or `limit + 1` for a chunked body,
    /// whose size shows only while reading. It was not read whole.
    TooLarge(u64),
}

/// Reads a record block: for a `response`, the HTTP head is split off when there is one, and the
/// rest is the body; without a head (or a blank line ending it), the whole block is the body.
/// A chunked body may leave part of the block unread.
fn read_block<T: BufRead>(block: &mut io::Take<T>, http: bool, max: u64) -> io::Result<Block> {
    // Bytes read so far that are not (yet) known to be head: they start the body.
    let mut pending = Vec::new();
    let mut head = None;
    // Loop for interim `1xx` responses, which precede the real one.
    if http {
        loop {
            pending.clear();
            let first = read_line(block, MAX_LINE, &mut pending)?;
            if !matches!(first, Line::Full) || !pending.starts_with(b"HTTP/") {
                break;
            }
            let parsed = loop {
                let at = pending.len();
                match read_line(block, MAX_LINE, &mut pending)? {
                    Line::Full if is_blank(&pending[at..]) => break Some(HttpHead::parse(&pending[..at])),
                    Line::Full if pending.len() <= MAX_HTTP_HEAD => continue,
                    _ => break None,
                }
            };
            let Some(parsed) = parsed else { break };
            pending.clear();
            let interim = parsed.status.is_some_and(|s| (100..200).contains(&s));
            head = Some(parsed);
            if !interim {
                break;
            }
        }
    }
    let chunked = head.as_ref().and_then(|h| h.transfer_encoding.as_deref());
    if chunked.is_some_and(|te| te.to_ascii_lowercase().contains("chunked")) {
        // The limit applies to the decoded body, so decode while reading.
        let mut body = Vec::new();
        let mut chunks = Dechunk { inner: (&pending[..]).chain(block), state: Chunk::Start };
        let n = (&mut chunks).take(max.saturating_add(1)).read_to_end(&mut body)?;
        if n as u64 > max {
            return Ok(Block::TooLarge(n as u64));
        }
        return Ok(Block::Body(head, body));
    }
    let total = (pending.len() as u64).saturating_add(block.limit());
    if total > max {
        return Ok(Block::TooLarge(total));
    }
    let mut body = pending;
    block.read_to_end(&mut body)?;
    Ok(Block::Body(head, body))
}

/// The HTTP response headers that matter here.
#[derive(Debug, Default)]
struct HttpHead {
    status: Option<u16>,
    content_type: Option<String>,
    transfer_encoding: Option<String>,
    content_encoding: Option<String>,
}

impl HttpHead {
    /// Parses a status line and header lines; the first of each header wins.
    fn parse(head: &[u8]) -> HttpHead {
        let text = String::from_utf8_lossy(head);
        let mut lines = text.lines();
        let status = lines.next().and_then(|line| line.split_whitespace().nth(1)).and_then(|code| code.parse().ok());
        let mut parsed = HttpHead { status, ..HttpHead::default() };
        for line in lines {
            let Some((name, value)) = line.split_once(':') else { continue };
            let slot = match name.trim().to_ascii_lowercase().as_str() {
                "content-type" => &mut parsed.content_type,
                "transfer-encoding" => &mut parsed.transfer_encoding,
                "content-encoding" => &mut parsed.content_encoding,
                _ => continue,
            };
            if slot.is_none() {
                *slot = Some(value.trim().to_string());
            }
        }
        parsed
    }
}

/// Undoes the content encoding the HTTP head declares.
fn decode_body(ctx: &Ctx<'_>, name: &str, head: Option<&HttpHead>, body: Vec<u8>) -> Result<Vec<u8>, ArchiveError> {
    let Some(head) = head else { return Ok(body) };
    let encoding = head.content_encoding.as_deref().unwrap_or_default().trim().to_ascii_lowercase();
    let limit = ctx.max_bytes.saturating_add(1);
    let mut out = Vec::new();
    let read = match encoding.as_str() {
        "" | "identity" | "none" => return Ok(body),
        "gzip" | "x-gzip" => {
            // Likewise a body stored already decompressed: it lacks the gzip magic.
            if !body.starts_with(&[0x1f, 0x8b]) {
                return Ok(body);
            }
            MultiGzDecoder::new(&body[..]).take(limit).read_to_end(&mut out)
        }
        "deflate" if is_zlib(&body) => ZlibDecoder::new(&body[..]).take(limit).read_to_end(&mut out),
        // Some servers send raw deflate under this name.
        "deflate" => DeflateDecoder::new(&body[..]).take(limit).read_to_end(&mut out),
        other => return Err(member_error(name, format!("unsupported Content-Encoding {other:?}"))),
    };
    match read {
        Err(err) => Err(member_error(name, format!("cannot undo Content-Encoding {encoding}: {err}"))),
        Ok(n) if n as u64 > ctx.max_bytes => Err(ctx.too_large(name, n as u64)),
        Ok(_) => Ok(out),
    }
}

/// Whether the data starts with a zlib header (deflate, with a valid check value).
fn is_zlib(data: &[u8]) -> bool {
    matches!(data, [cmf, flg, ..] if cmf & 0x0f == 8 && (u16::from(*cmf) << 8 | u16::from(*flg)) % 31 == 0)
}

/// Undoes chunked transfer encoding while reading. Tolerant: a body cut short (as crawlers cut
/// large ones) ends where the data does; a size line that does not parse ends the body, except
/// the first: then the body was stored already de-chunked and passes through as it is.
struct Dechunk<R> {
    inner: R,
    state: Chunk,
}

enum Chunk {
    /// Before the first size line.
    Start,
    /// Inside a chunk, with this many bytes left; at 0, before the next size line.
    Data(u64),
    /// Not chunked: these bytes already read, from this index, then the rest as it is.
    Raw(Vec<u8>, usize),
    Done,
}

impl<R: BufRead> Read for Dechunk<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        // Every turn of the loop either returns or reads a line, so it cannot spin.
        loop {
            match &mut self.state {
                Chunk::Done => return Ok(0),
                Chunk::Raw(pending, at) if *at < pending.len() => {
                    let n = (&pending[*at..]).read(buf)?;
                    *at += n;
                    return Ok(n);
                }
                Chunk::Raw(..) => return self.inner.read(buf),
                Chunk::Data(0) => {
                    // The line end after the chunk, then the next size line.
                    let mut line = Vec::new();
                    read_line(&mut self.inner, MAX_LINE, &mut line)?;
                    if is_blank(&line) {
                        line.clear();
                        read_line(&mut self.inner, MAX_LINE, &mut line)?;
                    }
                    self.state = match chunk_size(&line) {
                        Some(0) | None => Chunk::Done,
                        Some(size) => Chunk::Data(size),
                    };
                }
                Chunk::Data(left) => {
                    let want = (*left).min(buf.len() as u64) as usize;
                    if want == 0 {
                        return Ok(0);
                    }
                    let n = self.inner.read(&mut buf[..want])?;
                    if n == 0 {
                        self.state = Chunk::Done;
                    } else {
                        *left -= n as u64;
                    }
                    return Ok(n);
                }
                Chunk::Start => {
                    let mut line = Vec::new();
                    read_line(&mut self.inner, MAX_LINE, &mut line)?;
                    self.state = match chunk_size(&line) {
                        Some(0) => Chunk::Done,
                        Some(size) => Chunk::Data(size),
                        None => Chunk::Raw(line, 0),
                    };
                }
            }
        }
    }
}

/// The size a chunk-size line gives (hex, extensions after `;` ignored).
fn chunk_size(line: &[u8]) -> Option<u64> {
    let line = String::from_utf8_lossy(trim_line(line));
    u64::from_str_radix(line.split(';').next()?.trim(), 16).ok()
}

/// The `charset` parameter of a `Content-Type` value, unquoted.
fn charset(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|param| {
        let (key, value) = param.split_once('=')?;
        let value = value.trim().trim_matches(['"', '\'']).trim();
        (key.trim().eq_ignore_ascii_case("charset") && !value.is_empty()).then(|| value.to_string())
    })
}

/// How a line read ended.
enum Line {
    /// With its `\n`.
    Full,
    /// At the end of the data, maybe with some bytes read.
    Eof,
    /// At the cap, without a `\n`.
    TooLong,
}

/// Appends one line, with its `\n`, to `out`, reading at most `limit` bytes.
fn read_line(r: &mut impl BufRead, limit: u64, out: &mut Vec<u8>) -> io::Result<Line> {
    let n = r.take(limit).read_until(b'\n', out)?;
    Ok(if out.ends_with(b"\n") && n > 0 {
        Line::Full
    } else if n as u64 >= limit {
        Line::TooLong
    } else {
        Line::Eof
    })
}

/// A line without its line end.
fn trim_line(line: &[u8]) -> &[u8] {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    line.strip_suffix(b"\r").unwrap_or(line)
}

fn is_blank(line: &[u8]) -> bool {
    line.iter().all(u8::is_ascii_whitespace)
}

/// A reader that counts the bytes consumed, for the offsets in errors.
struct Counted<R> {
    inner: R,
    pos: u64,
}

impl<R: BufRead> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.pos += n as u64;
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Counted<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        self.inner.fill_buf()
    }

    fn consume(&mut self, amt: usize) {
        self.inner.consume(amt);
        self.pos += amt as u64;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn charsets() {
        assert_eq!(charset("text/html; charset=gbk").as_deref(), Some("gbk"));
        assert_eq!(charset("text/html;Charset=\"UTF-8\" ").as_deref(), Some("UTF-8"));
        assert_eq!(charset("text/html; boundary=x; charset='big5'").as_deref(), Some("big5"));
        assert_eq!(charset("text/html"), None);
        assert_eq!(charset("text/html; charset="), None);
    }

    fn dechunk(data: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        Dechunk { inner: data, state: Chunk::Start }.read_to_end(&mut out).unwrap();
        out
    }

    #[test]
    fn chunks() {
        assert_eq!(dechunk(b"5\r\nhello\r\n6;ext=1\r\n world\r\n0\r\nTrailer: x\r\n\r\n"), b"hello world");
        assert_eq!(dechunk(b"5\nhello\n0\n"), b"hello");
        // No line end after a chunk.
        assert_eq!(dechunk(b"5\r\nhello6\r\n world0\r\n"), b"hello world");
        // Cut short: keep what is there.
        assert_eq!(dechunk(b"5\r\nhello\r\na\r\nwor"), b"hellowor");
        // Garbage after a chunk ends the body.
        assert_eq!(dechunk(b"5\r\nhello\r\nzz\r\nmore"), b"hello");
        // Not chunked after all: passes through.
        assert_eq!(dechunk(b"<html>\r\n</html>"), b"<html>\r\n</html>");
        assert_eq!(dechunk(b""), b"");
        // A huge size cannot overrun.
        assert_eq!(dechunk(b"ffffffffffffffff\r\nab"), b"ab");
    }

    #[test]
    fn http_heads() {
        let head = HttpHead::parse(
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=gbk\r\ncontent-type: x\r\nTransfer-Encoding: chunked\r\n",
        );
        assert_eq!(head.status, Some(200));
        assert_eq!(head.content_type.as_deref(), Some("text/html; charset=gbk"));
        assert_eq!(head.transfer_encoding.as_deref(), Some("chunked"));
        assert_eq!(head.content_encoding, None);
    }

    #[test]
    fn blocks_without_head_are_all_body() {
        for data in [&b"HTTP/1.1 200 OK\r\nContent-Type: text/html"[..], b"<html>hi</html>", b"HTTP/1.1 200 OK"] {
            let mut block = data.take(data.len() as u64);
            match read_block(&mut block, true, 1000).unwrap() {
                Block::Body(head, body) => {
                    assert!(head.is_none());
                    assert_eq!(body, data);
                }
                Block::TooLarge(_) => panic!("not too large"),
            }
        }
    }

    #[test]
    fn interim_responses_are_skipped() {
        let data = b"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nbody";
        let mut block = data.take(data.len() as u64);
        match read_block(&mut block, true, 1000).unwrap() {
            Block::Body(head, body) => {
                assert_eq!(head.unwrap().status, Some(200));
                assert_eq!(body, b"body");
            }
            Block::TooLarge(_) => panic!("not too large"),
        }
    }

    #[test]
    fn zlib_header() {
        assert!(is_zlib(&[0x78, 0x9c, 0]));
        assert!(!is_zlib(&[0x1f, 0x8b]));
        assert!(!is_zlib(&[]));
    }
}
