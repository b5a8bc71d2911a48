//! Which characters of the input ended up somewhere in the record.

use nomina_parse::Span;
use nomina_refdata::fold::is_format;

/// Spans of the decoded text that some part of the record accounts for.
#[derive(Debug, Default)]
pub struct Coverage {
    spans: Vec<Span>,
}

impl Coverage {
    /// Marks `span` as accounted for.
    pub fn mark(&mut self, span: Span) {
        if !span.is_empty() {
            self.spans.push(span);
        }
    }

    /// Non-whitespace characters of `text` outside every marked span.
    pub fn uncovered(mut self, text: &str) -> usize {
        // Spans come in a few ascending runs (markers, fields, questions):
        // the stable sort merges runs where the unstable one partitions.
        self.spans.sort();
        let mut uncovered = 0;
        let mut pos = 0;
        let mut count_gap = |from: usize, to: usize| {
            if from < to {
                uncovered += text[from..to].chars().filter(|c| !c.is_whitespace() && !is_format(*c)).count();
            }
        };
        for span in &self.spans {
            if span.start > pos {
                count_gap(pos, span.start);
            }
            pos = pos.max(span.end);
        }
        count_gap(pos, text.len());
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
}
