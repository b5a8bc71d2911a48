//! Generated documentation stays current: `docs/record.schema.json` (what
//! `nomina schema` prints), `docs/tables.md` and the README's table of
//! columns are generated from the record's types and `nomina::tables`.
//!
//! Regenerate them with `UPDATE_DOCS=1 cargo test -p nomina --test docs`.

use std::path::{Path, PathBuf};

const BEGIN: &str = "<!-- BEGIN generated tables: UPDATE_DOCS=1 cargo test -p nomina --test docs -->\n";
const END: &str = "<!-- END generated tables -->\n";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn schema_file() -> String {
    format!("{}\n", serde_json::to_string_pretty(&nomina::normalize::json_schema()).unwrap())
}

fn tables_file() -> String {
    format!(
        "# The CSV tables\n\n<!-- Generated from `nomina::tables` and the record's JSON Schema: \
         UPDATE_DOCS=1 cargo test -p nomina --test docs -->\n\n{}",
        nomina::tables::markdown()
    )
}

/// The README with its generated section replaced by `section`.
fn readme_with(readme: &str, section: &str) -> String {
    let start = readme.find(BEGIN).expect("README has the generated-tables begin marker") + BEGIN.len();
    let end = readme[start..].find(END).expect("README has the generated-tables end marker") + start;
    format!("{}{}{}", &readme[..start], section, &readme[end..])
}

/// Compares `path` with `expected`, or writes it when `UPDATE_DOCS` is set.
fn check(path: &Path, expected: &str) {
    if std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, expected).unwrap();
        return;
    }
    let actual = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        actual == expected,
        "{} is stale: regenerate it with `UPDATE_DOCS=1 cargo test -p nomina --test docs`",
        path.display()
    );
}

#[test]
fn record_schema_is_current() {
    check(&root().join("docs/record.schema.json"), &schema_file());
}

#[test]
fn tables_doc_is_current() {
    check(&root().join("docs/tables.md"), &tables_file());
}

#[test]
fn readme_tables_are_current() {
    let path = root().join("README.md");
    let readme = std::fs::read_to_string(&path).unwrap();
    check(&path, &readme_with(&readme, &nomina::tables::markdown()));
}

#[test]
fn generated_tables_list_every_column() {
    let md = nomina::tables::markdown();
    for table in &nomina::tables::TABLES {
        assert!(md.contains(&format!("### `{}.csv`", table.name)), "{}", table.name);
        for column in table.columns {
            assert!(md.contains(&format!("| `{}` | {} |", column.name, column.ty.name())), "{}", column.name);
        }
    }
    assert!(md.contains("| `member_state_iso2` | text | ISO 3166-1 alpha-2 code (`KR`), when the name is known. |"));
    assert!(md.contains("| `goal_name` | text | The goal's English short name"));
}

#[test]
fn readme_markers_are_replaced_in_place() {
    let readme = format!("intro\n{BEGIN}old\n{END}after\n");
    assert_eq!(readme_with(&readme, "new\n"), format!("intro\n{BEGIN}new\n{END}after\n"));
}
