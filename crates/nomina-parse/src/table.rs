//! The form's questions printed as a table: one row a part, its cells
//! joined by ` | ` or a tab, as a spreadsheet export or a Markdown table
//! pastes them (`3 | b | What makes… | 100 | The council…`).
//!
//! The columns are told apart by their values' kinds, not by their header's
//! words, which are in any language: the question's number (small integers),
//! the part (a letter, or a dash for none), the word limit (larger integers,
//! or a dash) and two text columns, the prompt and then the answer.

use rustc_hash::FxHashMap;

use crate::document::Span;
use crate::form::{part_letter, word_limit};
use crate::lines::{Line, trim};

/// A row of the questions' table: one part of one question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Row {
    /// The question's number, and its cell.
    pub number: (u32, Span),
    /// The part's letter (`None` for a dash) and its cell.
    pub part: Option<(Option<char>, Span)>,
    /// The prompt's cell, when the table has one.
    pub prompt: Option<Span>,
    /// The word limit, from its column or else the prompt.
    pub limit: Option<u32>,
    /// The answer's cell.
    pub answer: Span,
    /// What the record does not carry: the rules between the cells and the
    /// word limit's cell.
    pub rules: Vec<Span>,
}

/// What [`rows`] found: the rows by line number, and the lines of the same
/// table that hold no part (its header, a rule line under it).
#[derive(Debug, Default)]
pub(crate) struct Table {
    pub rows: FxHashMap<usize, Row>,
    pub header: Vec<usize>,
}

/// Fewest cells of a row: a number, a part or limit, a prompt or the
/// answer, and the answer.
const MIN_CELLS: usize = 3;

/// Fewest rows a table of the questions has.
const MIN_ROWS: usize = 2;

/// Fewest words of the longest answers, that tell a table of answers from
/// one of figures.
const MIN_ANSWER_WORDS: usize = 12;

/// Highest number a question has.
const MAX_QUESTION: u32 = 99;

/// What a cell holds.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    Blank,
    Int(u32),
    Letter(char),
    Text,
}

fn kind(cell: &str) -> Kind {
    let c = cell.trim_end_matches(['.', ')', '）']).trim_start_matches(['(', '（']);
    if c.is_empty() || matches!(c, "-" | "–" | "—" | "/") {
        return Kind::Blank;
    }
    if c.len() <= 4 && c.bytes().all(|b| b.is_ascii_digit()) {
        return c.parse().map_or(Kind::Text, Kind::Int);
    }
    let mut chars = c.chars();
    if let (Some(first), None) = (chars.next(), chars.next())
        && let Some(letter) = part_letter(first)
    {
        return Kind::Letter(letter);
    }
    Kind::Text
}

/// The cells of a line of the text, trimmed, as spans; `None` when it
/// holds no separator. A tab separates where the line holds one, else a
/// bar; the bars that open and close a Markdown row bound no cell.
fn cells(text: &str, line: Span) -> Option<Vec<Span>> {
    let s = &text[line.range()];
    let sep = if s.contains('\t') {
        '\t'
    } else if s.contains(" | ") || s.starts_with('|') {
        '|'
    } else {
        return None;
    };
    let mut cells = Vec::new();
    let mut start = 0;
    for (at, _) in s.match_indices(sep).chain([(s.len(), "")]) {
        cells.push(trim(text, Span::new(line.start + start, line.start + at)));
        start = at + sep.len_utf8();
    }
    if sep == '|' {
        if s.starts_with('|') {
            cells.remove(0);
        }
        if s.ends_with('|') && cells.len() > 1 {
            cells.pop();
        }
    }
    Some(cells)
}

/// A line of cells: its number, its trimmed span and its cells.
type Cells = (usize, Span, Vec<Span>);

/// The roles of a table's columns.
struct Columns {
    number: usize,
    part: Option<usize>,
    limit: Option<usize>,
    prompt: Option<usize>,
    answer: usize,
}

/// Finds the tables of the form's questions in `text`.
pub(crate) fn rows(text: &str, lines: &[Line]) -> Table {
    let mut table = Table::default();
    if memchr::memchr2(b'|', b'\t', text.as_bytes()).is_none() {
        return table;
    }
    // The lines of each width: a table's rows have as many cells each,
    // wherever a cell broken over two lines interrupts them.
    let mut by_width: FxHashMap<usize, Vec<Cells>> = FxHashMap::default();
    for line in lines {
        if let Some(cells) = cells(text, line.trimmed).filter(|c| c.len() >= MIN_CELLS) {
            by_width.entry(cells.len()).or_default().push((line.number, line.trimmed, cells));
        }
    }
    for group in by_width.values() {
        let kinds: Vec<Vec<Kind>> =
            group.iter().map(|(_, _, cells)| cells.iter().map(|c| kind(&text[c.range()])).collect()).collect();
        let Some(columns) = columns(text, group, &kinds) else {
            continue;
        };
        for ((number, line, cells), kinds) in group.iter().zip(&kinds) {
            let Kind::Int(n) = kinds[columns.number] else {
                table.header.push(*number);
                continue;
            };
            let prompt = columns.prompt.map(|c| cells[c]);
            let column_limit = columns.limit.and_then(|c| match kinds[c] {
                Kind::Int(l) => Some(l),
                _ => None,
            });
            let limit = column_limit.or_else(|| prompt.and_then(|p| word_limit(&text[p.range()])));
            // The rules before, between and after the cells, and the limit's cell.
            let mut rules: Vec<Span> = cells.windows(2).map(|w| Span::new(w[0].end, w[1].start)).collect();
            if let (Some(first), Some(last)) = (cells.first(), cells.last()) {
                rules.extend([Span::new(line.start, first.start), Span::new(last.end, line.end)]);
            }
            if let Some(c) = columns.limit {
                rules.push(cells[c]);
            }
            rules.retain(|r| !r.is_empty());
            table.rows.insert(
                *number,
                Row {
                    number: (n, cells[columns.number]),
                    part: columns.part.map(|c| {
                        let letter = match kinds[c] {
                            Kind::Letter(l) => Some(l),
                            _ => None,
                        };
                        (letter, cells[c])
                    }),
                    prompt,
                    limit,
                    answer: cells[columns.answer],
                    rules,
                },
            );
        }
    }
    table
}

/// The roles of the columns of the rows `group`, when they are a table of
/// the form's questions: a column of question numbers, and a text column of
/// prose answers.
fn columns(text: &str, group: &[Cells], kinds: &[Vec<Kind>]) -> Option<Columns> {
    let width = kinds.first()?.len();
    let is_number = |k: &Kind| matches!(k, Kind::Int(n) if (1..=MAX_QUESTION).contains(n));
    let number = (0..width).find(|&c| kinds.iter().filter(|row| is_number(&row[c])).count() >= MIN_ROWS)?;
    let data: Vec<usize> = (0..kinds.len()).filter(|&r| is_number(&kinds[r][number])).collect();
    let all = |c: usize, f: &dyn Fn(&Kind) -> bool| data.iter().all(|&r| f(&kinds[r][c]));
    let any = |c: usize, f: &dyn Fn(&Kind) -> bool| data.iter().any(|&r| f(&kinds[r][c]));
    let others = || (0..width).filter(move |&c| c != number);
    let part = others().find(|&c| {
        all(c, &|k| matches!(k, Kind::Letter(_) | Kind::Blank)) && any(c, &|k| matches!(k, Kind::Letter(_)))
    });
    let limit = others().filter(|&c| Some(c) != part).find(|&c| {
        all(c, &|k| matches!(k, Kind::Int(_) | Kind::Blank)) && any(c, &|k| matches!(k, Kind::Int(n) if *n >= 20))
    });
    let texts: Vec<usize> =
        others().filter(|&c| Some(c) != part && Some(c) != limit && any(c, &|k| *k == Kind::Text)).collect();
    // The answers are the longest text, the prompts the next.
    let words = |r: usize, c: usize| text[group[r].2[c].range()].split_whitespace().count();
    let total = |c: &usize| data.iter().map(|&r| words(r, *c)).sum::<usize>();
    let mut by_length = texts.clone();
    by_length.sort_by_key(|c| std::cmp::Reverse(total(c)));
    let answer = *by_length.first()?;
    // Answers are prose: most run to a dozen words or more.
    if data.iter().filter(|&&r| words(r, answer) >= MIN_ANSWER_WORDS).count() * 2 < data.len() {
        return None;
    }
    Some(Columns { number, part, limit, prompt: by_length.get(1).copied(), answer })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::lines;

    fn table(text: &str) -> Table {
        rows(text, &lines(text))
    }

    const ANSWER: &str =
        "The city set up a council of residents and officials that meets every month to review the plan.";

    #[test]
    fn columns_are_told_by_their_values_kinds() {
        let text = format!(
            "Q | Part | Prompt | Limit | Answer\n\
             1 | - | Describe the initiative. | 300 | {ANSWER}\n\
             3 | b | What makes it sustainable? | 100 | {ANSWER}\n"
        );
        let t = table(&text);
        assert_eq!(t.header, vec![1]);
        let first = &t.rows[&2];
        assert_eq!(first.number.0, 1);
        assert_eq!(first.part.map(|p| p.0), Some(None));
        assert_eq!(&text[first.prompt.unwrap().range()], "Describe the initiative.");
        assert_eq!(first.limit, Some(300));
        assert_eq!(&text[first.answer.range()], ANSWER);
        let second = &t.rows[&3];
        assert_eq!((second.number.0, second.part.map(|p| p.0)), (3, Some(Some('b'))));
        // Every character of the row is a cell or a rule.
        let covered: usize = [second.number.1, second.part.unwrap().1, second.prompt.unwrap(), second.answer]
            .iter()
            .chain(&second.rules)
            .map(|s| text[s.range()].chars().filter(|c| !c.is_whitespace()).count())
            .sum();
        let line = text.lines().nth(2).unwrap();
        assert_eq!(covered, line.chars().filter(|c| !c.is_whitespace()).count());
    }

    #[test]
    fn a_markdown_table_in_another_column_order_and_script() {
        let text = format!(
            "| № | Ответ | Вопрос |\n|---|---|---|\n| 2 | {ANSWER} | Опишите связь с категорией (100 слов). |\n\
             | 3 | {ANSWER} | Как инициатива устойчива? |\n"
        );
        let t = table(&text);
        assert_eq!(t.header, vec![1, 2]);
        let row = &t.rows[&3];
        assert_eq!(row.number.0, 2);
        assert_eq!(&text[row.answer.range()], ANSWER);
        assert_eq!(&text[row.prompt.unwrap().range()], "Опишите связь с категорией (100 слов).");
        assert_eq!(row.limit, Some(100));
    }

    #[test]
    fn a_table_of_figures_or_a_menu_is_no_table_of_answers() {
        let figures = "Rank | Team | Played | Points\n1 | Lions | 30 | 61\n2 | Tigers | 30 | 58\n";
        assert!(table(figures).rows.is_empty());
        let menu = "Home | News | Sport | Weather\n";
        assert!(table(menu).rows.is_empty());
    }

    #[test]
    fn tab_separated_rows_with_arabic_part_letters() {
        let text = format!(
            "4\tأ\tما الثغرة التي عالجتها المبادرة؟\t200\t{ANSWER}\n4\tب\tكيف تتصدى للمساواة؟\t100\t{ANSWER}\n"
        );
        let t = table(&text);
        assert_eq!(t.rows[&1].part.map(|p| p.0), Some(Some('a')));
        assert_eq!(t.rows[&2].part.map(|p| p.0), Some(Some('b')));
        assert_eq!(t.rows[&2].limit, Some(100));
    }
}
