//! Reading a document into a buffer reused from one document to the next.

use std::io::Read;

/// Smallest read buffer: room for most documents at once.
pub(crate) const FIRST_BUFFER: usize = 64 << 10;

/// Largest read buffer a thread keeps for the next document.
pub(crate) const KEPT_BUFFER_BYTES: usize = 4 << 20;

/// Reads `source` into the start of `buffer` up to `over` bytes, and gives how many were read:
/// a document over the limit is read one byte over it, enough to tell it is too large.
///
/// `buffer` is kept initialized to its whole length from one document to the next (what lies
/// past the length given is left from earlier documents), so that a file smaller than it is read
/// in one call and its end found in a second, with no size asked first and no bytes zeroed; it
/// grows, doubling, only for a larger document.
pub(crate) fn read_up_to(mut source: impl Read, over: usize, buffer: &mut Vec<u8>) -> std::io::Result<usize> {
    let mut filled = 0;
    loop {
        if filled >= over {
            return Ok(filled);
        }
        if filled == buffer.len() {
            let grown = (buffer.len() * 2).max(FIRST_BUFFER).min(over);
            buffer.resize(grown, 0);
        }
        let end = buffer.len().min(over);
        match source.read(&mut buffer[filled..end]) {
            Ok(0) => return Ok(filled),
            Ok(n) => filled += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A reader that gives a few bytes a call, as a pipe may.
    struct Trickle<'a>(&'a [u8]);

    impl Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            let n = self.0.len().min(buf.len()).min(7);
            buf[..n].copy_from_slice(&self.0[..n]);
            self.0 = &self.0[n..];
            Ok(n)
        }
    }

    #[test]
    fn documents_are_read_whole_or_one_byte_over_the_limit() {
        let mut buffer = Vec::new();
        let big: Vec<u8> = (0..FIRST_BUFFER * 3 + 5).map(|i| (i % 251) as u8).collect();
        // Larger than the buffer: it grows; then a smaller one reuses it,
        // and only its own bytes are given.
        for doc in [&big[..], b"short", b"", &big[..FIRST_BUFFER], &big[..FIRST_BUFFER + 1]] {
            let n = read_up_to(Trickle(doc), usize::MAX, &mut buffer).unwrap();
            assert_eq!(&buffer[..n], doc);
            let n = read_up_to(doc, usize::MAX, &mut buffer).unwrap();
            assert_eq!(&buffer[..n], doc);
        }
        // At the limit the document is read whole; past it, one byte over.
        for (len, over) in [(10, 11), (11, 11), (12, 11), (big.len(), FIRST_BUFFER + 3), (0, 1), (1, 1)] {
            let n = read_up_to(Trickle(&big[..len]), over, &mut buffer).unwrap();
            assert_eq!(&buffer[..n], &big[..len.min(over)], "{len} {over}");
        }
    }
}
