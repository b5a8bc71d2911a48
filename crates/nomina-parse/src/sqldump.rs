//! A form saved as an SQL dump (mysqldump's extended `INSERT INTO … VALUES
//! (…),(…);` statements, a table of one form line a row), read as the label
//! and value lines the form parser knows: each row on a line of its own.
//! The table's columns are told apart by what they hold, not by their
//! names: numbers (ids) are set aside, a column of a few program's words is
//! the row's kind, and of the text columns the last is the value, those
//! before it its label (a marker, a caption, a limit).

use crate::dump::machine_key;
use memchr::memmem;

/// The fewest rows that make a text a table's dump.
const MIN_ROWS: usize = 5;

/// The most distinct kinds a column of kinds holds.
const MAX_KINDS: usize = 12;

/// Words a kind's values hold on average that make them answers, written
/// under their label rather than beside it.
pub(crate) const ANSWER_WORDS: usize = 15;

/// What reading an SQL dump did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct SqlRead {
    /// Rows read.
    pub rows: usize,
    /// Lines of the dump's machinery (comments, directives, the table's
    /// definition, locks) left blank.
    pub blanked: usize,
    /// Lines added: a statement's rows each on a line of their own, and the
    /// lines of a value's line breaks.
    pub lines_added: usize,
}

/// A value of a row.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Cell {
    Null,
    /// A number or another bare word.
    Bare(String),
    /// A quoted string, its escapes undone.
    Text(String),
}

/// A quoted string that opens `s`, MySQL's escapes undone (`\'`, `\n`,
/// `''`): its content and the rest of `s`.
fn sql_string(s: &str) -> Option<(String, &str)> {
    let quote = s.chars().next().filter(|c| matches!(c, '\'' | '"'))?;
    sql_string_continue(String::new(), quote, &s[1..])
}

/// [`sql_string`] going on after a doubled quote.
fn sql_string_continue(mut out: String, quote: char, s: &str) -> Option<(String, &str)> {
    let mut chars = s.char_indices();
    while let Some((i, c)) = chars.next() {
        if c == '\\' {
            let (_, e) = chars.next()?;
            out.push(match e {
                'n' => '\n',
                't' => '\t',
                'r' => '\r',
                '0' | 'Z' => ' ',
                other => other,
            });
        } else if c == quote {
            let rest = &s[i + 1..];
            if let Some(after) = rest.strip_prefix(quote) {
                out.push(quote);
                return sql_string_continue(out, quote, after);
            }
            return Some((out, rest));
        } else {
            out.push(c);
        }
    }
    None
}

/// The rows of an `INSERT` statement's line (`INSERT INTO t VALUES (1,'a'),
/// (2,NULL);`); `None` for a line that is none.
fn insert_rows(line: &str) -> Option<Vec<Vec<Cell>>> {
    let body = line.trim_start();
    let upper = body.get(..12)?.to_ascii_uppercase();
    if !upper.starts_with("INSERT ") && !upper.starts_with("REPLACE ") {
        return None;
    }
    let values = body.find("VALUES").or_else(|| body.find("values"))?;
    let mut rest = body[values + 6..].trim_start();
    let mut rows = Vec::new();
    while let Some(inner) = rest.strip_prefix('(') {
        let mut row = Vec::new();
        let mut r = inner.trim_start();
        loop {
            if r.starts_with(['\'', '"']) {
                let (s, after) = sql_string(r)?;
                row.push(Cell::Text(s));
                r = after;
            } else {
                let end = r.find([',', ')'])?;
                let word = r[..end].trim();
                row.push(if word.eq_ignore_ascii_case("NULL") { Cell::Null } else { Cell::Bare(word.to_string()) });
                r = &r[end..];
            }
            r = r.trim_start();
            if let Some(after) = r.strip_prefix(',') {
                r = after.trim_start();
            } else {
                r = r.strip_prefix(')')?.trim_start();
                break;
            }
        }
        rows.push(row);
        rest = r.strip_prefix(',').unwrap_or(r).trim_start();
    }
    (!rows.is_empty() && matches!(rest.trim_end(), ";" | "")).then_some(rows)
}

/// Whether a line is the dump's machinery: a comment, a directive, a
/// statement other than an insert, or a line of a table's definition.
fn machinery(line: &str, in_create: &mut bool) -> bool {
    let t = line.trim();
    if *in_create {
        if t.starts_with(')') && t.ends_with(';') {
            *in_create = false;
        }
        return true;
    }
    let upper: String = t.chars().take(16).collect::<String>().to_ascii_uppercase();
    if upper.starts_with("CREATE TABLE") && !t.ends_with(';') {
        *in_create = true;
        return true;
    }
    t.starts_with("--")
        || (t.starts_with("/*") && t.ends_with("*/;"))
        || (t.starts_with("/*") && t.ends_with("*/"))
        || ["LOCK TABLES", "UNLOCK TABLES", "DROP TABLE", "SET ", "USE ", "CREATE DATABASE"]
            .iter()
            .any(|k| upper.starts_with(k) && t.ends_with(';'))
}

/// The roles of a table's columns, from what its rows hold.
struct Columns {
    /// A column of a few program's words: the row's kind.
    kind: Option<usize>,
    /// The columns of text, in order; the last is the value.
    text: Vec<usize>,
}

fn columns(rows: &[Vec<Cell>]) -> Columns {
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    let cell = |r: &Vec<Cell>, c: usize| r.get(c).cloned().unwrap_or(Cell::Null);
    let mut kind = None;
    let mut text = Vec::new();
    for c in 0..width {
        let cells: Vec<Cell> = rows.iter().map(|r| cell(r, c)).collect();
        if !cells.iter().any(|x| matches!(x, Cell::Text(_))) {
            // Numbers and NULLs alone: ids.
            continue;
        }
        let mut distinct: Vec<&str> =
            cells.iter().filter_map(|x| if let Cell::Text(s) = x { Some(s.as_str()) } else { None }).collect();
        let all_words = cells.iter().all(|x| matches!(x, Cell::Text(s) if machine_key(s)));
        distinct.sort_unstable();
        distinct.dedup();
        if kind.is_none() && all_words && distinct.len() <= MAX_KINDS && distinct.len() * 2 <= rows.len() {
            kind = Some(c);
            continue;
        }
        text.push(c);
    }
    Columns { kind, text }
}

/// Each row of a table of form lines as the lines it reads as (see
/// [`read_sql_dump`]); `None` for a table with no column of text.
pub(crate) fn rows_as_lines(all: &[Vec<Cell>]) -> Option<Vec<Vec<String>>> {
    let cols = columns(all);
    let (&value_col, label_cols) = cols.text.split_last()?;
    let text_of = |r: &Vec<Cell>, c: usize| match r.get(c) {
        Some(Cell::Text(s)) => Some(s.trim().to_string()),
        Some(Cell::Bare(s)) => Some(s.clone()),
        _ => None,
    };
    let kind_of = |r: &Vec<Cell>| cols.kind.and_then(|k| text_of(r, k)).unwrap_or_default();
    // The kinds whose values are answers, written under their labels: a
    // label of more than one column, or values long on average.
    let mut words: Vec<(String, usize, usize)> = Vec::new();
    let mut under: Vec<String> = Vec::new();
    for r in all {
        let labels = label_cols.iter().filter(|&&c| text_of(r, c).is_some_and(|s| !s.is_empty())).count();
        let n = text_of(r, value_col).map_or(0, |v| v.split_whitespace().count());
        if labels > 1 {
            under.push(kind_of(r));
        }
        if n > 0 {
            match words.iter_mut().find(|w| w.0 == kind_of(r)) {
                Some(w) => (w.1, w.2) = (w.1 + n, w.2 + 1),
                None => words.push((kind_of(r), n, 1)),
            }
        }
    }
    // A kind none of whose rows holds a value heads what follows (a
    // section, a question, the page's chrome): set off by a blank line, as
    // the page sets it off, so that a heading's numbering is read as such.
    let heading_kinds: Vec<String> = match cols.kind {
        Some(_) => {
            let mut kinds: Vec<String> = all.iter().map(kind_of).collect();
            kinds.sort_unstable();
            kinds.dedup();
            kinds.retain(|k| {
                all.iter().filter(|r| &kind_of(r) == k).all(|r| text_of(r, value_col).is_none_or(|v| v.is_empty()))
            });
            kinds
        }
        None => Vec::new(),
    };
    under.extend(words.into_iter().filter(|w| w.1 >= ANSWER_WORDS * w.2).map(|w| w.0));
    let mut out = Vec::with_capacity(all.len());
    for r in all {
        let mut written = Vec::new();
        if heading_kinds.contains(&kind_of(r)) {
            written.push(String::new());
        }
        let label: Vec<String> = label_cols.iter().filter_map(|&c| text_of(r, c)).filter(|s| !s.is_empty()).collect();
        let label = label.join(" ");
        let value = text_of(r, value_col).unwrap_or_default();
        let value_lines: Vec<&str> = value.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
        let below = under.contains(&kind_of(r)) || value_lines.len() > 1;
        match (label.is_empty(), value_lines.is_empty()) {
            (_, true) => written.push(label),
            (true, false) => written.extend(value_lines.iter().map(|l| l.to_string())),
            (false, false) if below => {
                written.push(label);
                written.extend(value_lines.iter().map(|l| l.to_string()));
            }
            (false, false) => written.push(format!("{label}: {}", value_lines[0])),
        }
        out.push(written);
    }
    Some(out)
}

/// Writes the lines a row reads as over the lines its source stood on
/// (`slots`, in order, left blank before), those past the last slot joined
/// onto it with line breaks: gives the lines so added, which later line
/// numbers count.
pub(crate) fn write_in_place(out: &mut [String], slots: &[usize], lines: &[String]) -> usize {
    let Some(room) = slots.len().checked_sub(1) else { return 0 };
    for (&slot, line) in slots.iter().zip(lines).take(room) {
        out[slot] = line.clone();
    }
    if lines.len() > room {
        out[slots[room]] = lines[room..].join("\n");
        return lines.len() - room - 1;
    }
    0
}

/// Reads an SQL dump of a table of form lines (at least [`MIN_ROWS`] rows
/// in `INSERT` statements) as the form's lines: each row on a line of its
/// own, its label's columns (a marker, a caption, a limit) joined by blanks
/// and its value beside them (`Country: Ghana`), or under them where its
/// kind's rows hold answers (values of [`ANSWER_WORDS`] words on average,
/// or a label of more than one column) or the value breaks over lines, a
/// row of a kind that never holds a value after a blank line; ids,
/// kinds, `NULL` and quotes set aside, escapes undone; the dump's machinery
/// (comments, directives, the table's definition, locks) left blank. A
/// text that is no dump is left as it is.
pub fn read_sql_dump(text: &mut String) -> SqlRead {
    let b = text.as_bytes();
    if memmem::find(b, b"INSERT INTO").is_none() || memmem::find(b, b"VALUES").is_none() {
        return SqlRead::default();
    }
    let lines: Vec<&str> = text.split('\n').collect();
    let parsed: Vec<Option<Vec<Vec<Cell>>>> = lines.iter().map(|l| insert_rows(l.trim_end_matches('\r'))).collect();
    let all: Vec<Vec<Cell>> = parsed.iter().flatten().flatten().cloned().collect();
    if all.len() < MIN_ROWS {
        return SqlRead::default();
    }
    let Some(mut written) = rows_as_lines(&all) else {
        return SqlRead::default();
    };
    let mut written = written.drain(..);
    let mut read = SqlRead::default();
    let mut in_create = false;
    let mut out = Vec::with_capacity(lines.len());
    for (line, rows) in lines.iter().zip(&parsed) {
        let Some(rows) = rows else {
            if machinery(line, &mut in_create) {
                read.blanked += 1;
                out.push(String::new());
            } else {
                out.push(line.to_string());
            }
            continue;
        };
        let mut lines: Vec<String> = Vec::new();
        for _ in rows {
            read.rows += 1;
            lines.extend(written.next().unwrap_or_default());
        }
        let written = lines;
        read.lines_added += written.len().saturating_sub(1);
        out.push(written.join("\n"));
    }
    *text = out.join("\n");
    read
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testgen::field_value as value;
    use crate::{Body, parse, repair_plain_text};

    #[test]
    fn an_sql_dump_of_form_lines_reads_as_a_form() {
        let long = "Wells were dug in every village of the district and they still run today, \
                    serving more than forty thousand people with safe water every day of the year \
                    since the council took the work in hand with the help of the villages themselves.";
        let mut text = format!(
            "-- dump of the portal\n/*!40101 SET NAMES utf8 */;\nCREATE TABLE `rows` (\n  `n` int NOT NULL,\n  \
             `t` varchar(9),\n  `m` varchar(9),\n  `txt` text,\n  `lim` text,\n  `val` text\n) ENGINE=InnoDB;\n\
             INSERT INTO `rows` VALUES (1,'head',NULL,'Basic information',NULL,NULL),\
             (2,'item',NULL,'Member State',NULL,'Ghana'),(3,'item',NULL,'Institution Name',NULL,'Tamale \\'North\\' Assembly'),\
             (4,'item',NULL,'Partners',NULL,NULL),(5,'item',NULL,'Goals',NULL,'Goal 6\\nGoal 3');\n\
             INSERT INTO `rows` VALUES (6,'head',NULL,'Question 1',NULL,NULL),\
             (7,'ask','a)','Please describe the initiative','(300 words maximum)','{long}'),\
             (8,'ask','b)','Was it evaluated?',NULL,'Yes');\nUNLOCK TABLES;"
        );
        let repairs = repair_plain_text(&mut text);
        assert_eq!(repairs.sql.rows, 8);
        assert!(repairs.warnings().iter().any(|w| w.0 == "sql_dump_read"));
        assert!(
            text.contains(
                "\nMember State: Ghana\nInstitution Name: Tamale 'North' Assembly\nPartners\nGoals\nGoal 6\nGoal 3\n"
            ),
            "{text}"
        );
        assert!(text.contains("\na) Please describe the initiative (300 words maximum)\nWells were dug"), "{text}");
        assert!(text.contains("\nb) Was it evaluated?\nYes"), "{text}");
        let doc = parse(text);
        assert_eq!(value(&doc, "field.member_state").as_deref(), Some("Ghana"));
        let Body::Form(form) = &doc.body else { panic!("{}", doc.classification) };
        assert_eq!(form.questions.len(), 1);
        assert_eq!(form.questions[0].parts[0].word_limit, Some(300));
        assert_eq!(form.questions[0].parts[1].letter, Some('b'));
        // An insert quoted in prose is no dump.
        let kept = "See INSERT INTO t VALUES (1,'a'); for the syntax.\n";
        let mut text = kept.to_string();
        assert_eq!(read_sql_dump(&mut text), SqlRead::default());
        assert_eq!(text, kept);
    }

    #[test]
    fn rows_of_a_kind_that_never_holds_a_value_head_what_follows() {
        // Questions numbered in words (`Pregunta tercera`) are told by their
        // run from one, which counts headings set off by a blank line only.
        let words = ["primera", "segunda", "tercera", "cuarta", "quinta", "sexta"];
        let answer = "Las brigadas recorrieron cada barrio del municipio durante dos años seguidos y \
                      registraron a todas las familias que aún no tenían acceso al agua potable.";
        let mut rows = vec![
            "(1,'titulo',NULL,'Datos de la institución',NULL)".to_string(),
            "(2,'campo',NULL,'País','Ecuador')".to_string(),
            "(3,'campo',NULL,'Nombre de la institución','Municipio de Loja')".to_string(),
        ];
        for (i, w) in words.iter().enumerate() {
            rows.push(format!("({},'titulo',NULL,'Pregunta {w}',NULL)", 10 + 2 * i));
            rows.push(format!(
                "({},'respuesta','(150 palabras)','Describa el avance número {}','{answer}')",
                11 + 2 * i,
                i + 1
            ));
        }
        let mut text = format!("INSERT INTO `lineas` VALUES {};\n", rows.join(","));
        let repairs = repair_plain_text(&mut text);
        assert_eq!(repairs.sql.rows, 15);
        assert!(text.contains("Municipio de Loja\n\nPregunta primera\n(150 palabras) Describa"), "{text}");
        let doc = parse(text);
        let Body::Form(form) = &doc.body else { panic!("{}", doc.classification) };
        let numbers: Vec<u32> = form.questions.iter().map(|q| q.number).collect();
        assert_eq!(numbers, [1, 2, 3, 4, 5, 6]);
        assert!(form.questions.iter().all(|q| q.parts.len() == 1 && q.parts[0].word_limit == Some(150)));
    }
}
