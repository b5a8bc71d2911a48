//! Which characters of the input ended up somewhere in the record.

use nomina_parse::Span;
use nomina_refdata::fold::is_format;

/// Bytes of the decoded text that some part of the record accounts for, a
/// bit each: marking costs a word per 64 bytes, and the gaps come out in
/// order without sorting the spans (which arrive in a few ascending runs:
/// markers, fields, questions).
#[derive(Debug, Default)]
pub struct Coverage {
    bits: Vec<u64>,
}

impl Coverage {
    /// Room for the marks of `text` at once: grown mark by mark, the
    /// bitmap was reallocated a dozen times a document.
    pub fn for_text(text: &str) -> Coverage {
        Coverage { bits: vec![0; text.len().div_ceil(64)] }
    }

    /// Marks `span` as accounted for.
    pub fn mark(&mut self, span: Span) {
        if span.is_empty() {
            return;
        }
        let (first, last) = (span.start / 64, (span.end - 1) / 64);
        if last >= self.bits.len() {
            self.bits.resize(last + 1, 0);
        }
        // Bits from `span.start` in the first word, to `span.end - 1` in the last.
        let head = u64::MAX << (span.start % 64);
        let tail = u64::MAX >> (63 - (span.end - 1) % 64);
        if first == last {
            self.bits[first] |= head & tail;
        } else {
            self.bits[first] |= head;
            self.bits[first + 1..last].fill(u64::MAX);
            self.bits[last] |= tail;
        }
    }

    /// The first byte at or after `from` (and before `end`) whose mark is
    /// `marked`, or `end`.
    fn next(&self, from: usize, end: usize, marked: bool) -> usize {
        let mut i = from;
        while i < end {
            let Some(&word) = self.bits.get(i / 64) else {
                // Past the last marked word: nothing further is marked.
                return if marked { end } else { i };
            };
            let word = if marked { word } else { !word } >> (i % 64);
            if word != 0 {
                return (i + word.trailing_zeros() as usize).min(end);
            }
            i = (i / 64 + 1) * 64;
        }
        end
    }

    /// Non-whitespace characters of `text` outside every marked span.
    pub fn uncovered(self, text: &str) -> usize {
        let mut uncovered = 0;
        let mut pos = 0;
        while pos < text.len() {
            let from = self.next(pos, text.len(), false);
            let to = self.next(from, text.len(), true);
            // Gaps start and end where spans do: on character boundaries.
            uncovered += text[from..to].chars().filter(|c| !c.is_whitespace() && !is_format(*c)).count();
            pos = to;
        }
        uncovered
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_gaps_only() {
        let text = "ab cd ef";
        let mut c = Coverage::default();
        c.mark(Span::new(0, 2));
        c.mark(Span::new(6, 8));
        assert_eq!(c.uncovered(text), 2);
        let mut c = Coverage::default();
        c.mark(Span::new(0, 5));
        c.mark(Span::new(3, 8));
        assert_eq!(c.uncovered(text), 0);
        assert_eq!(Coverage::default().uncovered(" \u{a0}x\n"), 1);
    }

    /// The union of the spans, sorted and merged, as the bitmap must give it.
    fn reference(text: &str, spans: &[Span]) -> usize {
        let mut spans = spans.to_vec();
        spans.sort();
        let (mut uncovered, mut pos) = (0, 0);
        let mut count = |from: usize, to: usize| {
            if from < to {
                uncovered += text[from..to].chars().filter(|c| !c.is_whitespace() && !is_format(*c)).count();
            }
        };
        for span in &spans {
            count(pos, span.start.max(pos));
            pos = pos.max(span.end);
        }
        count(pos, text.len());
        uncovered
    }

    #[test]
    fn agrees_with_merging_sorted_spans() {
        // ASCII, so that every byte is a character boundary; long enough for
        // spans across several words of the bitmap.
        let text: String = (0..700).map(|i| if i % 7 == 0 { ' ' } else { char::from(b'a' + (i % 26) as u8) }).collect();
        let mut seed = 0x2545_f491_u64;
        let mut next = |bound: usize| {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            (seed >> 33) as usize % bound
        };
        for round in 0..300 {
            let mut spans = Vec::new();
            let mut c = Coverage::default();
            for _ in 0..round % 12 {
                let start = next(text.len());
                let end = (start + next(if round % 2 == 0 { 8 } else { 200 })).min(text.len());
                spans.push(Span::new(start, end));
                c.mark(Span::new(start, end));
            }
            assert_eq!(c.uncovered(&text), reference(&text, &spans), "{spans:?}");
        }
    }

    #[test]
    fn spans_on_word_edges() {
        let text = "x".repeat(200);
        for (start, end, left) in
            [(0, 64, 136), (63, 65, 198), (64, 128, 136), (0, 200, 0), (127, 129, 198), (199, 200, 199)]
        {
            let mut c = Coverage::default();
            c.mark(Span::new(start, end));
            assert_eq!(c.uncovered(&text), left, "{start}..{end}");
        }
    }
}
