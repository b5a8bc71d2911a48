//! Generated documentation stays current: `docs/record.schema.json` (what
//! `nomina schema` prints) and `docs/tables.md` (the CSV tables' columns) are
//! generated from the record's types and `nomina::tables`.
//!
//! Regenerate them with `UPDATE_DOCS=1 cargo test -p nomina --test docs`.

use std::path::{Path, PathBuf};

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

/// Every relative link of the README and of `docs/*.md` names a file of the
/// repository (a page moved to `docs/` leaves no dead link behind).
#[test]
fn relative_links_resolve() {
    let mut pages = vec![root().join("README.md")];
    for entry in std::fs::read_dir(root().join("docs")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "md") {
            pages.push(path);
        }
    }
    let mut links = 0;
    for page in pages {
        let text = std::fs::read_to_string(&page).unwrap();
        for (at, _) in text.match_indices("](") {
            let rest = &text[at + 2..];
            let target = &rest[..rest.find(')').unwrap_or(rest.len())];
            if target.contains("://") || target.starts_with('#') {
                continue;
            }
            let file = target.split('#').next().unwrap();
            let path = page.parent().unwrap().join(file);
            assert!(path.exists(), "{} links to {target}, which does not exist", page.display());
            links += 1;
        }
    }
    assert!(links >= 10, "the README links its docs pages ({links} links found)");
}
