//! The tidy tables of `nomina convert --format csv`: their layouts, in one
//! place.
//!
//! Each [`Table`] is one CSV file of one row per observation: a document, a
//! nomination form, a goal a form names, an answer, a news article, a
//! warning. Its [`Column`]s say their name, their [`ColumnType`], where
//! their description comes from, and how to take their value from a
//! [`Record`]; the command writes the CSV files from them and the
//! documentation of the columns ([`markdown`], `docs/tables.md`) is
//! generated from them, with the descriptions of the record's
//! fields taken from its JSON Schema ([`crate::normalize::json_schema`]), so
//! that neither can drift from the other.
//!
//! Every table but `documents` has one row per item of a document; all of
//! them start with `path`, the document's `source.path`, which is unique in
//! one run and joins them (the `id` is a hash of the bytes: two copies of a
//! document share it).
//!
//! ```
//! let pipeline = nomina::Pipeline::new(nomina::Options::default());
//! let form = "Member State Republic of Korea\nInstitution Name Dangjin City\nAdministrative Level Local\n";
//! let record = pipeline.convert(form.as_bytes(), "a.txt").unwrap();
//! let table = nomina::tables::table("nominations").unwrap();
//! assert_eq!(table.rows(&record), 1);
//! let row: Vec<String> = table.columns.iter().map(|c| c.value(&record, 0).render().into_owned()).collect();
//! assert_eq!(row[..3], ["a.txt", "Republic of Korea", "KR"]);
//! ```

use std::borrow::Cow;
use std::fmt::Write as _;

use nomina_normalize::{Answer, IsoDate, Nomination, Record};
use serde_json::Value;

/// The type of a column's values, and how a cell writes them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnType {
    /// Text, as in the record.
    Text,
    /// A whole number, written plain (`310`).
    Integer,
    /// `true` or `false`.
    Boolean,
    /// A date, ISO 8601 (`2017-11-01`).
    Date,
    /// A list of numbers or ids, `;`-joined (`16;17`, `16.7;16.b`).
    List,
    /// A list of lines of text, joined with a newline (each item is one
    /// line of the source, so nothing is lost).
    Lines,
}

impl ColumnType {
    /// The type's name in the documentation.
    pub fn name(self) -> &'static str {
        match self {
            ColumnType::Text => "text",
            ColumnType::Integer => "integer",
            ColumnType::Boolean => "boolean",
            ColumnType::Date => "date",
            ColumnType::List => "list",
            ColumnType::Lines => "lines",
        }
    }
}

/// The separator of a [`ColumnType::List`] cell.
pub const LIST_SEPARATOR: &str = ";";
/// The separator of a [`ColumnType::Lines`] cell.
pub const LINES_SEPARATOR: &str = "\n";

/// One value of a row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell<'a> {
    /// No value: an empty cell.
    Null,
    /// Text.
    Text(&'a str),
    /// A whole number.
    Integer(u64),
    /// A boolean.
    Boolean(bool),
    /// A date.
    Date(IsoDate),
    /// Numbers or ids, written `;`-joined.
    List(Vec<String>),
    /// Lines of text, written newline-joined.
    Lines(&'a [String]),
}

impl Cell<'_> {
    /// The cell as written in a CSV file: an empty string for no value (and
    /// for an empty list), `true`/`false`, numbers plain.
    pub fn render(&self) -> Cow<'_, str> {
        match self {
            Cell::Null => Cow::Borrowed(""),
            Cell::Text(s) => Cow::Borrowed(s),
            Cell::Integer(n) => Cow::Owned(n.to_string()),
            Cell::Boolean(b) => Cow::Borrowed(if *b { "true" } else { "false" }),
            Cell::Date(d) => Cow::Owned(d.to_string()),
            Cell::List(items) => Cow::Owned(items.join(LIST_SEPARATOR)),
            Cell::Lines(items) => Cow::Owned(items.join(LINES_SEPARATOR)),
        }
    }

    /// Whether the cell may stand in a column of type `ty` (an empty cell
    /// may stand anywhere).
    pub fn fits(&self, ty: ColumnType) -> bool {
        matches!(
            (self, ty),
            (Cell::Null, _)
                | (Cell::Text(_), ColumnType::Text)
                | (Cell::Integer(_), ColumnType::Integer)
                | (Cell::Boolean(_), ColumnType::Boolean)
                | (Cell::Date(_), ColumnType::Date)
                | (Cell::List(_), ColumnType::List)
                | (Cell::Lines(_), ColumnType::Lines)
        )
    }
}

/// Where a column's description comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Doc {
    /// The description of this field of the record in its JSON Schema,
    /// as a dotted path (`nomination.member_state.iso2`; a list's items are
    /// stepped through, `nomination.answers.text`).
    Field(&'static str),
    /// Its own description: the column is derived (a count, a position, a
    /// name looked up).
    Own(&'static str),
}

/// One column of a table.
#[derive(Debug, Clone, Copy)]
pub struct Column {
    /// Its name in the header row.
    pub name: &'static str,
    /// The type of its values.
    pub ty: ColumnType,
    /// Where its description comes from.
    pub doc: Doc,
    get: for<'a> fn(&'a Record, usize) -> Cell<'a>,
}

impl Column {
    /// Its value in row `row` (0-based, below [`Table::rows`]) of `record`.
    pub fn value<'a>(&self, record: &'a Record, row: usize) -> Cell<'a> {
        (self.get)(record, row)
    }
}

/// One table: one CSV file.
#[derive(Debug, Clone, Copy)]
pub struct Table {
    /// Its name; the file is `NAME.csv`.
    pub name: &'static str,
    /// What one row is.
    pub description: &'static str,
    /// Its columns, in order.
    pub columns: &'static [Column],
    rows: fn(&Record) -> usize,
}

impl Table {
    /// How many rows `record` gives this table.
    pub fn rows(&self, record: &Record) -> usize {
        (self.rows)(record)
    }

    /// The file's name, `NAME.csv`.
    pub fn file_name(&self) -> String {
        format!("{}.csv", self.name)
    }
}

/// The table called `name`.
pub fn table(name: &str) -> Option<&'static Table> {
    TABLES.iter().find(|t| t.name == name)
}

const fn col(name: &'static str, ty: ColumnType, doc: Doc, get: for<'a> fn(&'a Record, usize) -> Cell<'a>) -> Column {
    Column { name, ty, doc, get }
}

use ColumnType::{Boolean, Date, Integer, Lines, List, Text};
use Doc::{Field, Own};

fn text(s: &str) -> Cell<'_> {
    Cell::Text(s)
}

fn opt_text(s: &Option<String>) -> Cell<'_> {
    s.as_deref().map_or(Cell::Null, Cell::Text)
}

fn opt_int<N: Into<u64> + Copy>(n: Option<N>) -> Cell<'static> {
    n.map_or(Cell::Null, |n| Cell::Integer(n.into()))
}

fn count(n: usize) -> Cell<'static> {
    Cell::Integer(n as u64)
}

fn opt_bool(b: Option<bool>) -> Cell<'static> {
    b.map_or(Cell::Null, Cell::Boolean)
}

fn opt_date(d: Option<IsoDate>) -> Cell<'static> {
    d.map_or(Cell::Null, Cell::Date)
}

fn path(r: &Record, _: usize) -> Cell<'_> {
    text(&r.source.path)
}

/// A form with nothing in it: what a row reads when a record has no form
/// (never, since such a record gives the table no rows).
static NO_NOMINATION: Nomination = Nomination::EMPTY;

fn nom(r: &Record) -> &Nomination {
    r.nomination.as_ref().unwrap_or(&NO_NOMINATION)
}

fn answer(r: &Record, i: usize) -> &Answer {
    &nom(r).answers[i]
}

/// `documents.csv`.
const DOCUMENTS: &[Column] = &[
    col("path", Text, Field("source.path"), path),
    col("id", Text, Field("id"), |r, _| text(&r.id)),
    col("kind", Text, Field("kind"), |r, _| text(r.kind.as_str())),
    col("labels_language", Text, Field("languages.labels"), |r, _| opt_text(&r.languages.labels)),
    col("content_language", Text, Field("languages.content"), |r, _| {
        r.languages.content.map_or(Cell::Null, |l| Cell::Text(l.code()))
    }),
    col("bytes", Integer, Field("source.bytes"), |r, _| Cell::Integer(r.source.bytes)),
    col("sha256", Text, Field("source.sha256"), |r, _| text(&r.source.sha256)),
    col("encoding", Text, Field("source.encoding"), |r, _| text(&r.source.encoding)),
    col("encoding_basis", Text, Field("source.encoding_basis"), |r, _| text(&r.source.encoding_basis)),
    col("url", Text, Field("source.url"), |r, _| opt_text(&r.source.url)),
    col("fetched", Text, Field("source.fetched"), |r, _| opt_text(&r.source.fetched)),
    col(
        "answers",
        Integer,
        Own("Answers of the form: its rows in `answers.csv` (0 for news and unknown documents)."),
        |r, _| count(nom(r).answers.len()),
    ),
    col("warnings", Integer, Own("Warnings: its rows in `warnings.csv`."), |r, _| count(r.diagnostics.warnings.len())),
    col("conflicts", Integer, Own("Fields whose dropped copy disagreed with the kept one."), |r, _| {
        count(r.diagnostics.conflicts.len())
    }),
    col("duplicate_blocks_removed", Integer, Field("diagnostics.duplicate_blocks_removed"), |r, _| {
        count(r.diagnostics.duplicate_blocks_removed)
    }),
    col("ui_text_removed", Integer, Own("Lines of page chrome dropped."), |r, _| {
        count(r.diagnostics.ui_text_removed.len())
    }),
    col("unparsed", Integer, Own("Pieces of text no rule claimed (kept verbatim in the record)."), |r, _| {
        count(r.diagnostics.unparsed.len())
    }),
    col("uncovered_chars", Integer, Field("diagnostics.uncovered_chars"), |r, _| count(r.diagnostics.uncovered_chars)),
    col("classification", Text, Field("diagnostics.classification"), |r, _| text(&r.diagnostics.classification)),
];

/// `nominations.csv`.
const NOMINATIONS: &[Column] = &[
    col("path", Text, Field("source.path"), path),
    col("member_state", Text, Field("nomination.member_state.name"), |r, _| {
        nom(r).member_state.as_ref().map_or(Cell::Null, |m| text(&m.name))
    }),
    col("member_state_iso2", Text, Field("nomination.member_state.iso2"), |r, _| {
        nom(r).member_state.as_ref().map_or(Cell::Null, |m| opt_text(&m.iso2))
    }),
    col("institution_name", Text, Field("nomination.institution_name"), |r, _| opt_text(&nom(r).institution_name)),
    col("institution_type", Text, Field("nomination.institution_type"), |r, _| opt_text(&nom(r).institution_type)),
    col("department_type", Text, Field("nomination.department_type"), |r, _| opt_text(&nom(r).department_type)),
    col("administrative_level", Text, Field("nomination.administrative_level"), |r, _| {
        opt_text(&nom(r).administrative_level)
    }),
    col("initiative_name", Text, Field("nomination.initiative_name"), |r, _| opt_text(&nom(r).initiative_name)),
    col("operational_years", Integer, Field("nomination.operational_years"), |r, _| opt_int(nom(r).operational_years)),
    col("website", Text, Field("nomination.website"), |r, _| opt_text(&nom(r).website)),
    col("public_sector", Boolean, Field("nomination.public_sector"), |r, _| opt_bool(nom(r).public_sector)),
    col("category", Text, Field("nomination.category.name"), |r, _| {
        nom(r).category.as_ref().map_or(Cell::Null, |c| text(&c.name))
    }),
    col("category_special", Boolean, Field("nomination.category.special"), |r, _| {
        nom(r).category.as_ref().map_or(Cell::Null, |c| Cell::Boolean(c.special))
    }),
    col("sdg_relevant", Boolean, Field("nomination.sdg_relevant"), |r, _| opt_bool(nom(r).sdg_relevant)),
    col("sdgs", List, Field("nomination.sdgs"), |r, _| {
        Cell::List(nom(r).sdgs.iter().map(|g| g.0.to_string()).collect())
    }),
    col("sdg_targets", List, Field("nomination.sdg_targets"), |r, _| {
        Cell::List(nom(r).sdg_targets.iter().map(|t| t.to_string()).collect())
    }),
    col("implemented_two_years_or_more", Boolean, Field("nomination.implemented_two_years_or_more"), |r, _| {
        opt_bool(nom(r).implemented_two_years_or_more)
    }),
    col("implementation_date", Date, Field("nomination.implementation_date"), |r, _| {
        opt_date(nom(r).implementation_date)
    }),
    col("un_involved", Boolean, Field("nomination.un_involved"), |r, _| opt_bool(nom(r).un_involved)),
    col("un_agencies", Lines, Field("nomination.un_agencies"), |r, _| Cell::Lines(&nom(r).un_agencies)),
    col("un_involvement_details", Text, Field("nomination.un_involvement_details"), |r, _| {
        opt_text(&nom(r).un_involvement_details)
    }),
    col("submitted_previously", Boolean, Field("nomination.submitted_previously"), |r, _| {
        opt_bool(nom(r).submitted_previously)
    }),
    col("won_unpsa", Boolean, Field("nomination.won_unpsa"), |r, _| opt_bool(nom(r).won_unpsa)),
    col("won_other_awards", Boolean, Field("nomination.won_other_awards"), |r, _| opt_bool(nom(r).won_other_awards)),
    col("how_learned", Text, Field("nomination.how_learned"), |r, _| opt_text(&nom(r).how_learned)),
    col("validation_consent", Boolean, Field("nomination.validation_consent"), |r, _| {
        opt_bool(nom(r).validation_consent)
    }),
];

/// `nomination_sdgs.csv`.
const NOMINATION_SDGS: &[Column] = &[
    col("path", Text, Field("source.path"), path),
    col("goal", Integer, Own("The goal's number, 1 to 17."), |r, i| count(usize::from(nom(r).sdgs[i].0.number()))),
    col("goal_name", Text, Own("The goal's English short name (`Peace, justice and strong institutions`)."), |r, i| {
        text(nom(r).sdgs[i].0.short_name())
    }),
    col("targets", List, Own("The form's targets under this goal, `;`-joined (`16.7;16.b`)."), |r, i| {
        let goal = nom(r).sdgs[i].0;
        Cell::List(nom(r).sdg_targets.iter().filter(|t| t.0.goal() == goal).map(|t| t.to_string()).collect())
    }),
];

/// `answers.csv`.
const ANSWERS: &[Column] = &[
    col("path", Text, Field("source.path"), path),
    col("position", Integer, Own("1-based position of the answer in the form."), |_, i| count(i + 1)),
    col("question", Integer, Field("nomination.answers.question"), |r, i| Cell::Integer(answer(r, i).question.into())),
    col("part", Text, Field("nomination.answers.part"), |r, i| {
        answer(r, i).part.map_or(Cell::Null, |p| Cell::Text(p.as_str()))
    }),
    col("prompt", Text, Field("nomination.answers.prompt"), |r, i| text(&answer(r, i).prompt)),
    col("word_limit", Integer, Field("nomination.answers.word_limit"), |r, i| opt_int(answer(r, i).word_limit)),
    col("text", Text, Field("nomination.answers.text"), |r, i| opt_text(&answer(r, i).text)),
    col("language", Text, Field("nomination.answers.language"), |r, i| {
        answer(r, i).language.map_or(Cell::Null, |l| Cell::Text(l.code()))
    }),
    col("word_count", Integer, Field("nomination.answers.word_count"), |r, i| count(answer(r, i).word_count)),
];

/// `news.csv`.
const NEWS: &[Column] = &[
    col("path", Text, Field("source.path"), path),
    col("title", Text, Field("news.title"), |r, _| r.news.as_ref().map_or(Cell::Null, |n| text(&n.title))),
    col("byline", Text, Field("news.byline"), |r, _| r.news.as_ref().map_or(Cell::Null, |n| opt_text(&n.byline))),
    col("published", Date, Field("news.published"), |r, _| {
        r.news.as_ref().map_or(Cell::Null, |n| opt_date(n.published))
    }),
    col("captions", Lines, Field("news.captions"), |r, _| {
        r.news.as_ref().map_or(Cell::Null, |n| Cell::Lines(&n.captions))
    }),
    col("headings", Lines, Field("news.headings"), |r, _| {
        r.news.as_ref().map_or(Cell::Null, |n| Cell::Lines(&n.headings))
    }),
    col("paragraphs", Lines, Field("news.paragraphs"), |r, _| {
        r.news.as_ref().map_or(Cell::Null, |n| Cell::Lines(&n.paragraphs))
    }),
    col("boilerplate", Lines, Field("news.boilerplate"), |r, _| {
        r.news.as_ref().map_or(Cell::Null, |n| Cell::Lines(&n.boilerplate))
    }),
];

/// `warnings.csv`.
const WARNINGS: &[Column] = &[
    col("path", Text, Field("source.path"), path),
    col("position", Integer, Own("1-based position of the warning in the record."), |_, i| count(i + 1)),
    col("code", Text, Field("diagnostics.warnings.code"), |r, i| text(&r.diagnostics.warnings[i].code)),
    col("message", Text, Field("diagnostics.warnings.message"), |r, i| text(&r.diagnostics.warnings[i].message)),
    col("line", Integer, Field("diagnostics.warnings.line"), |r, i| {
        r.diagnostics.warnings[i].line.map_or(Cell::Null, count)
    }),
    col("text", Text, Field("diagnostics.warnings.text"), |r, i| opt_text(&r.diagnostics.warnings[i].text)),
];

/// Every table, in the order the documentation lists them.
pub static TABLES: [Table; 6] = [
    Table { name: "documents", description: "One row per document.", columns: DOCUMENTS, rows: |_| 1 },
    Table {
        name: "nominations",
        description: "One row per nomination form: every scalar field of the form.",
        columns: NOMINATIONS,
        rows: |r| usize::from(r.nomination.is_some()),
    },
    Table {
        name: "nomination_sdgs",
        description: "One row per nomination form and SDG it names.",
        columns: NOMINATION_SDGS,
        rows: |r| nom(r).sdgs.len(),
    },
    Table {
        name: "answers",
        description: "One row per answer of a nomination form, in the order of the form.",
        columns: ANSWERS,
        rows: |r| nom(r).answers.len(),
    },
    Table {
        name: "news",
        description: "One row per news article.",
        columns: NEWS,
        rows: |r| usize::from(r.news.is_some()),
    },
    Table {
        name: "warnings",
        description: "One row per warning of a document.",
        columns: WARNINGS,
        rows: |r| r.diagnostics.warnings.len(),
    },
];

/// The description of a column: its own, or its field's in `schema` (the
/// record's JSON Schema); `None` when the field is not in the schema or
/// has no description.
pub fn description(column: &Column, schema: &Value) -> Option<String> {
    match column.doc {
        Doc::Own(text) => Some(text.to_string()),
        Doc::Field(path) => field_schema(schema, path)?
            .get("description")?
            .as_str()
            .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" ")),
    }
}

/// The schema of the field at the dotted `path` of a record, stepping
/// through references, nullable alternatives and list items.
pub fn field_schema<'s>(schema: &'s Value, path: &str) -> Option<&'s Value> {
    let mut at = schema;
    for name in path.split('.') {
        let mut object = resolve(schema, at)?;
        if object.get("type").and_then(Value::as_str) == Some("array") {
            object = resolve(schema, object.get("items")?)?;
        }
        at = object.get("properties")?.get(name)?;
    }
    Some(at)
}

/// `at` without its reference and its `null` alternative: the schema of the
/// value when there is one.
fn resolve<'s>(root: &'s Value, mut at: &'s Value) -> Option<&'s Value> {
    loop {
        if let Some(reference) = at.get("$ref").and_then(Value::as_str) {
            at = root.pointer(reference.strip_prefix('#')?)?;
        } else if let Some(options) = at.get("anyOf").and_then(Value::as_array) {
            let mut not_null = options.iter().filter(|o| o.get("type").and_then(Value::as_str) != Some("null"));
            at = not_null.next()?;
        } else {
            return Some(at);
        }
    }
}

/// The columns of every table, as Markdown: what `docs/tables.md` holds.
pub fn markdown() -> String {
    let schema = nomina_normalize::json_schema();
    let mut out = String::new();
    out.push_str(
        "`nomina convert --format csv --out-dir DIR` writes these tables to DIR, one CSV file each (RFC 4180, UTF-8, \
         a header row, rows in the order of the documents' paths). An empty cell is a missing value (the record's \
         `null`, or an empty list); booleans are `true`/`false`; a `list` is `;`-joined; a `lines` cell holds one line of the source per line. `path` joins \
         every table to `documents`.\n",
    );
    for table in &TABLES {
        let _ = write!(
            out,
            "\n### `{}`\n\n{}\n\n| column | type | description |\n|---|---|---|\n",
            table.file_name(),
            table.description
        );
        for column in table.columns {
            let description = description(column, &schema).unwrap_or_default().replace('|', "\\|");
            let _ = writeln!(out, "| `{}` | {} | {} |", column.name, column.ty.name(), description);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_column_is_described_and_typed_as_its_field() {
        let schema = nomina_normalize::json_schema();
        for table in &TABLES {
            for column in table.columns {
                let what = format!("{}.{}", table.name, column.name);
                let described = description(column, &schema).unwrap_or_default();
                assert!(!described.is_empty(), "{what} has no description");
                let Doc::Field(path) = column.doc else { continue };
                let field = resolve(&schema, field_schema(&schema, path).unwrap()).unwrap();
                let types: Vec<&str> = match field.get("type") {
                    Some(Value::String(t)) => vec![t.as_str()],
                    Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).collect(),
                    // An enum of strings (`kind`) has no `type` of its own.
                    _ => vec!["string"],
                };
                let expected = match column.ty {
                    Text | Date => "string",
                    Integer => "integer",
                    Boolean => "boolean",
                    List | Lines => "array",
                };
                assert!(types.contains(&expected), "{what}: schema types {types:?}, column {}", column.ty.name());
                if column.ty == Date {
                    assert_eq!(field.get("format").and_then(Value::as_str), Some("date"), "{what}");
                }
            }
        }
    }

    #[test]
    fn names_are_unique_and_every_table_starts_with_path() {
        for table in &TABLES {
            assert_eq!(table.columns[0].name, "path", "{}", table.name);
            let mut names: Vec<&str> = table.columns.iter().map(|c| c.name).collect();
            names.sort_unstable();
            names.dedup();
            assert_eq!(names.len(), table.columns.len(), "{}", table.name);
        }
        assert_eq!(
            TABLES.iter().map(|t| t.name).collect::<Vec<_>>(),
            ["documents", "nominations", "nomination_sdgs", "answers", "news", "warnings"]
        );
    }

    #[test]
    fn cells_render_as_documented() {
        assert_eq!(Cell::Null.render(), "");
        assert_eq!(Cell::Boolean(true).render(), "true");
        assert_eq!(Cell::Boolean(false).render(), "false");
        assert_eq!(Cell::Integer(310).render(), "310");
        assert_eq!(Cell::Date(IsoDate::new(2017, 11, 1).unwrap()).render(), "2017-11-01");
        assert_eq!(Cell::List(vec!["16".into(), "17".into()]).render(), "16;17");
        assert_eq!(Cell::List(Vec::new()).render(), "");
        let lines = ["a; b".to_string(), "c".to_string()];
        assert_eq!(Cell::Lines(&lines).render(), "a; b\nc");
        assert!(Cell::Null.fits(Integer));
        assert!(!Cell::Text("x").fits(Integer));
    }

    #[test]
    fn field_descriptions_come_from_the_schema() {
        let schema = nomina_normalize::json_schema();
        let iso2 = NOMINATIONS.iter().find(|c| c.name == "member_state_iso2").unwrap();
        assert_eq!(description(iso2, &schema).unwrap(), "ISO 3166-1 alpha-2 code (`KR`), when the name is known.");
        let text = ANSWERS.iter().find(|c| c.name == "text").unwrap();
        assert!(description(text, &schema).unwrap().starts_with("The answer as written"));
    }
}
