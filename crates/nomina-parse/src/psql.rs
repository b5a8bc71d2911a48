//! A form saved as a psql session's table of form lines (`\pset format
//! wrapped`, `linestyle unicode`: cells between `│`, a value's line break
//! marked `↵` and a wrapped line `…` at the cell's edge), read as the label
//! and value lines the form parser knows, one row at a time, as an SQL
//! dump's rows are (see the `sqldump` module).

use crate::sqldump::{Cell, rows_as_lines, write_in_place};

/// The fewest rows that make a text a psql table.
const MIN_ROWS: usize = 5;

/// What reading a psql table did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct PsqlRead {
    /// Rows read.
    pub rows: usize,
    /// Lines of the session (prompts, the header, rules, the count of rows)
    /// left blank.
    pub blanked: usize,
    /// Lines added where a row reads as more lines than it was drawn on.
    pub lines_added: usize,
}

/// A psql prompt (`db=> `, `db=# `) that opens a line.
fn prompt(line: &str) -> bool {
    line.find("=> ")
        .or_else(|| line.find("=# "))
        .is_some_and(|i| i > 0 && line[..i].chars().all(|c| c.is_alphanumeric() || c == '_' || c == '-'))
        || (line.trim_end().ends_with("=>") && !line.contains(' '))
}

/// Reads a psql table of at least [`MIN_ROWS`] rows: each row's cells
/// (their wrapped lines joined by a blank, `↵` as a line break) read as an
/// SQL dump's row, on the row's first lines; the header, its rule, the
/// prompts and the count of rows are left blank. Any other text is left as
/// it is.
pub fn read_psql_table(text: &mut String) -> PsqlRead {
    let b = text.as_bytes();
    // `┼` is E2 94 BC in UTF-8.
    if memchr::memmem::find(b, "┼".as_bytes()).is_none() || memchr::memmem::find(b, "│".as_bytes()).is_none() {
        return PsqlRead::default();
    }
    let lines: Vec<&str> = text.split('\n').collect();
    let Some(rule) = lines.iter().position(|l| {
        let t = l.trim_end_matches('\r').trim();
        t.contains('┼') && t.chars().all(|c| matches!(c, '─' | '┼' | '\u{fffd}'))
    }) else {
        return PsqlRead::default();
    };
    let Some(header) = rule.checked_sub(1) else {
        return PsqlRead::default();
    };
    let width = lines[header].split('│').count();
    // Rows: their first line and their cells, the join each fragment asks
    // of the next.
    let mut rows: Vec<(usize, usize, Vec<String>)> = Vec::new();
    let mut end = rule + 1;
    for (i, raw) in lines.iter().enumerate().skip(rule + 1) {
        let line = raw.trim_end_matches('\r');
        let cells: Vec<&str> = line.split('│').collect();
        if cells.len() != width {
            break;
        }
        end = i + 1;
        let first = cells[0].trim();
        if !first.is_empty() || rows.is_empty() {
            rows.push((i, i, vec![String::new(); width]));
        }
        let Some(row) = rows.last_mut() else { break };
        row.1 = i;
        for (c, cell) in cells.iter().enumerate() {
            let cell = cell.trim();
            let (body, mark) = match cell.chars().last() {
                Some(m @ ('…' | '↵')) => (cell[..cell.len() - m.len_utf8()].trim_end(), Some(m)),
                _ => (cell, None),
            };
            let acc = &mut row.2[c];
            if !body.is_empty() {
                if !acc.is_empty() && !acc.ends_with('\n') {
                    acc.push(' ');
                }
                acc.push_str(body);
            }
            if mark == Some('↵') {
                acc.push('\n');
            }
        }
    }
    if rows.len() < MIN_ROWS {
        return PsqlRead::default();
    }
    let cells: Vec<Vec<Cell>> = rows
        .iter()
        .map(|(_, _, r)| {
            r.iter()
                .map(|s| {
                    let s = s.trim();
                    if s.is_empty() {
                        Cell::Null
                    } else if s.chars().all(|c| c.is_ascii_digit()) {
                        Cell::Bare(s.to_string())
                    } else {
                        Cell::Text(s.to_string())
                    }
                })
                .collect()
        })
        .collect();
    let Some(written) = rows_as_lines(&cells) else {
        return PsqlRead::default();
    };
    let mut read = PsqlRead { rows: rows.len(), ..PsqlRead::default() };
    let mut out: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
    for i in (0..lines.len()).filter(|&i| i == header || i == rule || prompt(lines[i])) {
        out[i] = String::new();
        read.blanked += 1;
    }
    if let Some(count) = lines.get(end).map(|l| l.trim())
        && count.starts_with('(')
        && count.ends_with(')')
        && count.chars().any(|c| c.is_ascii_digit())
    {
        out[end] = String::new();
        read.blanked += 1;
    }
    for ((first, last, _), lines_of_row) in rows.iter().zip(written) {
        for slot in &mut out[*first..=*last] {
            slot.clear();
        }
        let slots: Vec<usize> = (*first..=*last).collect();
        read.lines_added += write_in_place(&mut out, &slots, &lines_of_row);
    }
    *text = out.join("\n");
    read
}

#[cfg(test)]
mod tests {
    use crate::testgen::field_value as value;
    use crate::{Body, parse, repair_plain_text};

    #[test]
    fn a_psql_table_of_form_lines_reads_as_a_form() {
        let mut text = "db=> \\pset format wrapped\ndb=> SELECT n, t, txt, val FROM rows;\n \
                        n │ t    │ txt                    │ val\n\
                        ───┼──────┼────────────────────────┼──────────\n \
                        1 │ head │ Basic information      │\n \
                        2 │ item │ Member State           │ Ghana\n \
                        3 │ item │ Institution Name       │ Tamale North …\n   \
                        \x20│      │                        │ Assembly\n \
                        4 │ item │ Goals                  │ Goal 6 ↵\n   \
                        \x20│      │                        │ Goal 3\n \
                        5 │ head │ Question 1             │\n \
                        6 │ ask  │ a) Please describe the …│ Wells were dug in every village of the …\n   \
                        \x20│      │ initiative (300 words  …│ district and they still run today for …\n   \
                        \x20│      │ maximum)               │ all of the people who live there now.\n \
                        7 │ ask  │ b) Please explain how  …│ It serves everyone in the district, old …\n   \
                        \x20│      │ it fits (100 words max) │ and young, rich and poor alike, always.\n\
                        (7 rows)\n"
            .to_string();
        let lines = text.lines().count();
        let repairs = repair_plain_text(&mut text);
        assert_eq!(repairs.psql.rows, 7);
        assert!(repairs.warnings().iter().any(|w| w.0 == "psql_table_read"));
        // The list's label goes over its two items, and a blank line sets
        // off each heading (a kind that never holds a value): three lines
        // more.
        assert_eq!(text.lines().count(), lines + 3);
        assert!(text.contains("\n\nQuestion 1\n"), "{text}");
        assert!(
            text.contains("\nMember State: Ghana\nInstitution Name: Tamale North Assembly\n\nGoals\nGoal 6\n"),
            "{text}"
        );
        assert!(
            text.contains("\na) Please describe the initiative (300 words maximum)\nWells were dug in every village"),
            "{text}"
        );
        let doc = parse(text);
        assert_eq!(value(&doc, "field.member_state").as_deref(), Some("Ghana"));
        let Body::Form(form) = &doc.body else { panic!("{}", doc.classification) };
        assert_eq!(form.questions.len(), 1);
        assert_eq!(form.questions[0].parts[0].word_limit, Some(300));
        assert_eq!(form.questions[0].parts[1].letter, Some('b'));
    }
}
