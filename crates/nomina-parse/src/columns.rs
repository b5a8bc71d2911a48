//! A form exported as a table by columns, one row a field: the section the
//! field is in (or the row's id), the field's label and its value, as a CSV
//! file (`Partners,Was the UN involved?,No`, a cell quoted where it holds a
//! comma or goes on over several lines) or a spreadsheet's rows copied or
//! saved as text (tab between cells, a merged cell left empty after its
//! first row, empty columns trailing).
//!
//! The rows are read as the lines a form prints: the label and its value on
//! one line with a tab between, a section on a line of its own where it
//! changes, set apart by a blank line as a page sets a heading apart. The
//! columns are told by their place and their cells' shapes, never by their
//! header's words, which are in any language.

use std::ops::Range;

/// The fewest rows, besides the header, that make a text such a table.
const MIN_ROWS: usize = 8;

/// The longest name of a column, in characters and in words: a header
/// names its columns (`Section`, `Field`, `Value`), it holds no sentence.
const MAX_HEADER_CHARS: usize = 40;
const MAX_HEADER_WORDS: usize = 4;

/// The longest id of a row (`A01`, `S3.2`, `Q08b`).
const MAX_ID_BYTES: usize = 12;

/// The longest header line looked at: a longer first line is no header,
/// and the text is spared the parse.
const MAX_HEADER_BYTES: usize = 400;

/// The marks that may stand between cells, most common first.
const SEPARATORS: [u8; 3] = [b'\t', b',', b';'];

/// What reading a table by columns did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ColumnsRead {
    /// Rows read, the header aside.
    pub rows: usize,
    /// Lines added: a section's cell set on a line of its own, and the
    /// blank line set above it.
    pub lines_added: usize,
    /// Cells set aside: a row's id, or its section where the row above
    /// gave it already.
    pub set_aside: usize,
}

/// One cell: its bytes, quotes included, and the first quote of each
/// doubled quote inside (`""` for `"`).
#[derive(Debug)]
struct Cell {
    outer: Range<usize>,
    quoted: bool,
    doubled: Vec<usize>,
}

/// One row: its cells, the marks between them, and where it starts.
#[derive(Debug)]
struct Row {
    start: usize,
    cells: Vec<Cell>,
    seps: Vec<usize>,
}

impl Cell {
    /// The cell's text, without its quotes and the blanks around it.
    fn text<'t>(&self, text: &'t str) -> &'t str {
        let r = if self.quoted { self.outer.start + 1..self.outer.end - 1 } else { self.outer.clone() };
        text[r].trim()
    }
}

/// The row from `start`, a line's first byte, and where the next line
/// starts. `None` when the line is no row (a quoted cell followed by more
/// than a mark or a line break).
fn row(b: &[u8], start: usize, sep: u8) -> Option<(Row, usize)> {
    let mut row = Row { start, cells: Vec::new(), seps: Vec::new() };
    let mut j = start;
    loop {
        if b.get(j) == Some(&b'"') {
            let mut doubled = Vec::new();
            let mut k = j + 1;
            // The closing quote, over line breaks; a doubled one is a quote
            // inside the cell.
            let close = loop {
                let q = k + memchr::memchr(b'"', &b[k..])?;
                if b.get(q + 1) == Some(&b'"') {
                    doubled.push(q);
                    k = q + 2;
                } else {
                    break q;
                }
            };
            row.cells.push(Cell { outer: j..close + 1, quoted: true, doubled });
            j = close + 1;
        } else {
            let end = b[j..].iter().position(|&c| matches!(c, b'\n' | b'\r') || c == sep).map_or(b.len(), |n| j + n);
            row.cells.push(Cell { outer: j..end, quoted: false, doubled: Vec::new() });
            j = end;
        }
        match b.get(j) {
            Some(&c) if c == sep => {
                row.seps.push(j);
                j += 1;
            }
            None => return Some((row, j)),
            Some(b'\r') if b.get(j + 1) == Some(&b'\n') => return Some((row, j + 2)),
            Some(b'\n' | b'\r') => return Some((row, j + 1)),
            Some(_) => return None,
        }
    }
}

/// Where the line after the one holding `at` starts.
fn next_line(b: &[u8], at: usize) -> usize {
    match b[at..].iter().position(|&c| matches!(c, b'\n' | b'\r')) {
        None => b.len(),
        Some(n) if b[at + n] == b'\r' && b.get(at + n + 1) == Some(&b'\n') => at + n + 2,
        Some(n) => at + n + 1,
    }
}

/// A header that names three columns, the ones after them empty.
fn header(text: &str, cells: &[Cell]) -> bool {
    cells.len() >= 3
        && cells[..3].iter().all(|c| {
            let t = c.text(text);
            !t.is_empty()
                && t.chars().count() <= MAX_HEADER_CHARS
                && t.split_whitespace().count() <= MAX_HEADER_WORDS
                && !t.bytes().any(|b| b.is_ascii_digit())
                && !t.ends_with(['.', '?', '!', ':'])
        })
        && cells[3..].iter().all(|c| c.text(text).is_empty())
}

/// A row's id (`A01`, `S3.2`, `Q08b`): letters and digits, both, and dots,
/// dashes or underscores, no blank.
fn is_id(s: &str) -> bool {
    (1..=MAX_ID_BYTES).contains(&s.len())
        && s.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_'))
        && s.bytes().any(|b| b.is_ascii_digit())
        && s.bytes().any(|b| b.is_ascii_alphabetic())
}

/// Whether the row of id `id` heads the next one's: the next id repeats
/// it or goes on from it (`S3` over `S3.1`, `Q03` over `Q03a`; `S1` over
/// `S10` is no head, the number goes on).
fn heads(id: &str, next: &str) -> bool {
    next.strip_prefix(id).is_some_and(|rest| {
        rest.is_empty()
            || !(id.ends_with(|c: char| c.is_ascii_digit()) && rest.starts_with(|c: char| c.is_ascii_digit()))
    })
}

/// Reads a table exported by columns (see the module's docs) as the lines
/// a form prints, and says what it did. The first line names three
/// columns; [`MIN_ROWS`] rows or more follow, nine in ten of them with
/// their cells past the third empty. Each row reads as its label and its
/// value with a tab between (a quoted cell without its quotes, a doubled
/// quote as one), or the one of them it has; a section's cell where it
/// changes goes on a line of its own with a blank line above; a section the
/// row above gave, and ids (when the first column holds them), are set
/// aside as blanks, and a row whose id the next row repeats or goes on
/// from is set apart by a blank line, a group's head. A line that is no
/// such row keeps its place and its text. A text that is no such table is
/// left as it is.
pub fn read_column_export(text: &mut String) -> ColumnsRead {
    let b = text.as_bytes();
    // The header is the first line that holds anything.
    let first = b.iter().position(|c| !c.is_ascii_whitespace()).unwrap_or(b.len());
    let first = b[..first].iter().rposition(|&c| c == b'\n').map_or(0, |n| n + 1);
    let head_end = next_line(b, first);
    let head_line = &b[first..head_end];
    if head_line.len() > MAX_HEADER_BYTES {
        return ColumnsRead::default();
    }
    let Some(sep) = SEPARATORS.into_iter().find(|&s| memchr::memchr_iter(s, head_line).count() >= 2) else {
        return ColumnsRead::default();
    };
    let Some((head, mut at)) = row(b, first, sep).filter(|(r, _)| header(text, &r.cells)) else {
        return ColumnsRead::default();
    };
    let width = head.cells.len();
    let mut rows = Vec::new();
    let mut misfits = 0;
    while at < b.len() {
        let line_end = next_line(b, at);
        if b[at..line_end].iter().all(u8::is_ascii_whitespace) {
            at = line_end;
            continue;
        }
        match row(b, at, sep) {
            Some((r, next))
                if (2..=width).contains(&r.cells.len())
                    && r.cells[3.min(r.cells.len())..].iter().all(|c| c.text(text).is_empty()) =>
            {
                rows.push(r);
                at = next;
            }
            _ => {
                misfits += 1;
                at = line_end;
            }
        }
    }
    let filled =
        |col: usize| rows.iter().filter(|r| r.cells.get(col).is_some_and(|c| !c.text(text).is_empty())).count();
    if rows.len() < MIN_ROWS || misfits * 10 > rows.len() || filled(1) * 2 < rows.len() || filled(2) * 4 < rows.len() {
        return ColumnsRead::default();
    }
    let firsts: Vec<&str> = rows.iter().map(|r| r.cells[0].text(text)).collect();
    let named = firsts.iter().filter(|s| !s.is_empty()).count();
    let ids = named > 0 && firsts.iter().filter(|s| is_id(s)).count() * 5 >= named * 4;

    // The edits, in the order of the text: a range and what it reads as.
    let mut edits: Vec<(Range<usize>, String)> = Vec::new();
    let blank = |r: Range<usize>, edits: &mut Vec<(Range<usize>, String)>| {
        let n = text[r.clone()].chars().count();
        edits.push((r, " ".repeat(n)));
    };
    let mut read = ColumnsRead { rows: rows.len(), ..ColumnsRead::default() };
    let unquote = |r: &Row, edits: &mut Vec<(Range<usize>, String)>| {
        for c in r.cells.iter().filter(|c| c.quoted) {
            edits.push((c.outer.start..c.outer.start + 1, " ".into()));
            edits.extend(c.doubled.iter().map(|&q| (q..q + 1, " ".into())));
            edits.push((c.outer.end - 1..c.outer.end, " ".into()));
        }
    };
    unquote(&head, &mut edits);
    edits.extend(head.seps.iter().map(|&s| (s..s + 1, " ".into())));
    let mut section: Option<&str> = None;
    for (i, r) in rows.iter().enumerate() {
        let cell = |k: usize| r.cells.get(k).map_or("", |c| c.text(text));
        let (first, label, value) = (cell(0), cell(1), cell(2));
        let id = ids && is_id(first);
        let new_section = !first.is_empty() && !id && section != Some(first);
        let group_head = id && firsts.get(i + 1).is_some_and(|next| heads(first, next));
        if new_section || group_head {
            // A blank line above, unless the text has one there already.
            let above = text[..r.start].trim_end_matches([' ', '\t']);
            if !above.is_empty() && !above.ends_with("\n\n") && !above.ends_with("\r\n\r\n") {
                edits.push((r.start..r.start, "\n".into()));
                read.lines_added += 1;
            }
        }
        unquote(r, &mut edits);
        if new_section {
            section = Some(first);
        } else if !first.is_empty() {
            // The cell's quotes are blanks already; the text between too.
            let c = &r.cells[0];
            let inner = if c.quoted { c.outer.start + 1..c.outer.end - 1 } else { c.outer.clone() };
            blank(inner, &mut edits);
            read.set_aside += 1;
        }
        for (k, &s) in r.seps.iter().enumerate() {
            let with = match k {
                0 if new_section && !(label.is_empty() && value.is_empty()) => {
                    read.lines_added += 1;
                    "\n"
                }
                1 if !label.is_empty() && !value.is_empty() => "\t",
                _ => " ",
            };
            edits.push((s..s + 1, with.into()));
        }
    }
    edits.sort_by_key(|(r, _)| (r.start, r.end));
    let mut out = String::with_capacity(text.len() + read.lines_added);
    let mut last = 0;
    for (r, with) in edits {
        if r.start < last {
            continue;
        }
        out.push_str(&text[last..r.start]);
        out.push_str(&with);
        last = r.end;
    }
    out.push_str(&text[last..]);
    *text = out;
    read
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Body, parse, repair_plain_text};

    #[test]
    fn a_csv_export_by_section_field_and_value_reads_as_labels_and_headings() {
        let mut text = "Part,Item,Entry\r\n\
                        Applicant,Country,Ghana\r\n\
                        Applicant,Organization,Tamale Metropolitan Assembly\r\n\
                        Applicant,Project title,Clean Water for All\r\n\
                        Applicant,Website,https://tamale.gov.gh\r\n\
                        Goals,Which SDGs does it serve?,\"SDG 6 - Clean water\nSDG 11 - Cities\"\r\n\
                        Goals,Partners,\r\n\
                        Item 1,\"Describe the project, briefly. (200 words maximum)\",\"Wells were dug, \"\"fast\"\".\"\n\
                        Item 2,a) Who gained? (100 words maximum),Households.\n\
                        Item 2,b) How was it paid for? (100 words maximum),By the assembly.\n"
            .to_string();
        let read = read_column_export(&mut text);
        assert_eq!(read, ColumnsRead { rows: 9, lines_added: 8, set_aside: 5 });
        assert_eq!(
            text,
            "Part Item Entry\r\n\
             \nApplicant\nCountry\tGhana\r\n\
             \x20         Organization\tTamale Metropolitan Assembly\r\n\
             \x20         Project title\tClean Water for All\r\n\
             \x20         Website\thttps://tamale.gov.gh\r\n\
             \nGoals\nWhich SDGs does it serve?\t SDG 6 - Clean water\nSDG 11 - Cities \r\n\
             \x20     Partners \r\n\
             \nItem 1\n Describe the project, briefly. (200 words maximum) \t Wells were dug,  \"fast \". \n\
             \nItem 2\na) Who gained? (100 words maximum)\tHouseholds.\n\
             \x20      b) How was it paid for? (100 words maximum)\tBy the assembly.\n"
        );
    }

    #[test]
    fn a_tab_export_with_row_ids_reads_as_a_form() {
        // Ids before the labels, a merged cell left empty, two empty
        // columns trailing.
        let mut text = "Ref\tQuestion\tReply\t\t\n\
                        B1\tAbout the body\t\t\t\n\
                        B1.1\tHost country\tGhana\t\t\n\
                        B1.2\tName of the body\tTamale Metropolitan Assembly\t\t\n\
                        B1.3\tName of the project\tClean Water for All\t\t\n\
                        B1.4\tGoals served\tSDG 6 - Clean water\t\t\n\
                        \t\tSDG 11 - Cities\t\t\n\
                        P01\tQuestion 1\t\t\t\n\
                        P01\tDescribe the project. (200 words maximum)\tWells were dug in every village.\t\t\n\
                        P02\tQuestion 2\t\t\t\n\
                        P02a\ta) Who gained? (100 words maximum)\tHouseholds far from the river.\t\t\n\
                        P02b\tb) How was it paid for? (100 words maximum)\tBy the assembly and a loan.\t\t\n"
            .to_string();
        let repairs = repair_plain_text(&mut text);
        assert_eq!(repairs.columns, ColumnsRead { rows: 11, lines_added: 3, set_aside: 10 });
        assert_eq!(repairs.warnings()[0].0, "column_export_read");
        let doc = parse(text);
        let Body::Form(form) = &doc.body else { panic!("{}", doc.classification) };
        let value = |key: &str| crate::testgen::field_value(&doc, key);
        assert_eq!(value("field.member_state").as_deref(), Some("Ghana"));
        assert_eq!(value("field.initiative_name").as_deref(), Some("Clean Water for All"));
        let parts: Vec<(u32, Option<char>, Option<u32>)> = form
            .questions
            .iter()
            .flat_map(|q| q.parts.iter().map(move |p| (q.number, p.letter, p.word_limit)))
            .collect();
        assert_eq!(parts, [(1, None, Some(200)), (2, Some('a'), Some(100)), (2, Some('b'), Some(100))]);
    }

    #[test]
    fn other_texts_with_commas_and_tabs_are_left_as_they_are() {
        for kept in [
            // Two columns: label and value, read as such already.
            "Field\tValue\nCountry\tGhana\nCity\tTamale\nYear\t2019\nLevel\tLocal\nType\tCity\nSite\tx\nA\tb\nC\td\n",
            // A sentence with commas first.
            "Accra, the capital, is large.\na,b,c\na,b,c\na,b,c\na,b,c\na,b,c\na,b,c\na,b,c\na,b,c\n",
            // Too few rows.
            "Part,Item,Entry\nA,Country,Ghana\nA,City,Tamale\n",
            // Figures in more than three columns.
            "Year,Wells,Pumps,Taps\n2016,1,2,3\n2017,1,2,3\n2018,1,2,3\n2019,1,2,3\n2020,1,2,3\n2021,1,2,3\n2022,1,2,3\n2023,1,2,3\n",
        ] {
            let mut text = kept.to_string();
            assert_eq!(read_column_export(&mut text), ColumnsRead::default(), "{kept:?}");
            assert_eq!(text, kept);
        }
        assert!(heads("S3", "S3.1") && heads("Q03", "Q03a") && heads("Q01", "Q01"));
        assert!(!heads("S1", "S10") && !heads("A01", "A02"));
        assert!(is_id("Q08b") && is_id("S3.2") && !is_id("12") && !is_id("Item 1"));
    }
}
