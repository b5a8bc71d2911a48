//! Generates nomina's reference tables (`crates/nomina-refdata/data/*.tsv`
//! and its `NOTICE.md`) from the published sources kept, cut down to what is
//! read, in `crates/nomina-refdata/sources/`.
//!
//! Generation reads files only: no network, no other program. The output is
//! the same bytes on every run: every table is sorted, and nothing depends on
//! time, locale or map order. `scripts/refdata.sh` runs the binary;
//! `scripts/refresh_refdata_sources.py` refreshes the sources.

mod categories;
mod countries;
mod han;
mod months;
mod notice;
mod sdg;
mod sources;
mod text;

use std::path::{Path, PathBuf};

pub use countries::collisions;
pub use sources::Sources;

/// The command that regenerates the tables, run from the repository root.
pub const REGEN_COMMAND: &str = "scripts/refdata.sh";

/// The project's language codes, in table order. `zh` is Simplified Chinese.
pub const LANGS: [&str; 6] = ["en", "zh", "fr", "es", "ru", "ar"];

/// Why the tables could not be generated.
#[derive(Debug, thiserror::Error)]
pub enum RefgenError {
    /// A source file is missing or unreadable.
    #[error("missing source: {path}: {source}")]
    Missing {
        /// The file looked for.
        path: PathBuf,
        /// What reading it said.
        source: std::io::Error,
    },
    /// A source file is not the JSON the generator expects.
    #[error("unreadable source: {path}: {source}")]
    Json {
        /// The file read.
        path: PathBuf,
        /// Where and why parsing failed.
        source: serde_json::Error,
    },
    /// The data folder could not be read or written.
    #[error("data folder: {path}: {source}")]
    Data {
        /// The file or folder.
        path: PathBuf,
        /// What the file system said.
        source: std::io::Error,
    },
    /// A source was read but says something the generator cannot accept.
    #[error("unexpected source content: {0}")]
    Content(String),
}

/// Shorthand for a content error.
fn bad(message: impl Into<String>) -> RefgenError {
    RefgenError::Content(message.into())
}

/// The generated files, in memory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Generated {
    /// File name (in the data folder) and its bytes, in a fixed order.
    pub files: Vec<(&'static str, Vec<u8>)>,
    /// File name and its number of rows, for the tables.
    pub rows: Vec<(&'static str, usize)>,
    /// Country rows, for [`collisions`].
    pub countries: Vec<countries::CountryRow>,
}

/// The folder of the sources, beside the data folder in `nomina-refdata`.
pub fn default_sources_dir() -> PathBuf {
    refdata_crate_dir().join("sources")
}

/// The folder the tables are written to.
pub fn default_data_dir() -> PathBuf {
    refdata_crate_dir().join("data")
}

fn refdata_crate_dir() -> PathBuf {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    here.parent().unwrap_or(here).join("nomina-refdata")
}

/// Builds every table and the NOTICE from the sources in `sources_dir`.
pub fn generate(sources_dir: &Path) -> Result<Generated, RefgenError> {
    let src = Sources::load(sources_dir)?;
    let goals = sdg::goals(&src)?;
    let targets = sdg::targets(&src)?;
    let un = countries::un_countries(&src)?;
    let country_rows = countries::countries(&src, &un)?;
    let month_rows = months::months(&src)?;
    let category_rows = categories::categories(&src.categories)?;
    let han_rows = han::simplified(&src)?;
    let dropped = countries::dropped_cldr_codes(&src, &un);

    let files = vec![
        ("sdg_goals.tsv", text::tsv(&["goal", "lang", "kind", "name"], &goals)?),
        ("sdg_targets.tsv", text::tsv(&["target", "goal"], &targets)?),
        (
            "countries.tsv",
            text::tsv(
                &["iso2", "un_name", "lang", "name", "source"],
                &country_rows.iter().map(countries::CountryRow::cells).collect::<Vec<_>>(),
            )?,
        ),
        ("months.tsv", text::tsv(&["lang", "name", "month"], &month_rows)?),
        ("categories.tsv", text::tsv(&["year", "number", "special", "lang", "name"], &category_rows)?),
        ("han_simplified.tsv", text::tsv(&["traditional", "simplified"], &han_rows)?),
        ("NOTICE.md", notice::notice(&src, &dropped).into_bytes()),
    ];
    let rows = vec![
        ("sdg_goals.tsv", goals.len()),
        ("sdg_targets.tsv", targets.len()),
        ("countries.tsv", country_rows.len()),
        ("months.tsv", month_rows.len()),
        ("categories.tsv", category_rows.len()),
        ("han_simplified.tsv", han_rows.len()),
    ];
    Ok(Generated { files, rows, countries: country_rows })
}

/// How a data folder differs from what the sources generate.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Staleness {
    /// Generated files whose committed copy is missing or differs.
    pub stale: Vec<String>,
    /// `.tsv` files in the folder that the generator does not write.
    pub extra: Vec<String>,
}

impl Staleness {
    /// Whether the folder holds exactly what the generator writes.
    pub fn is_current(&self) -> bool {
        self.stale.is_empty() && self.extra.is_empty()
    }
}

/// Compares `generated` with the files in `data_dir`.
pub fn compare(generated: &Generated, data_dir: &Path) -> Result<Staleness, RefgenError> {
    let mut out = Staleness::default();
    for (name, bytes) in &generated.files {
        let path = data_dir.join(name);
        if std::fs::read(&path).ok().as_deref() != Some(bytes.as_slice()) {
            out.stale.push((*name).to_string());
        }
    }
    let entries =
        std::fs::read_dir(data_dir).map_err(|source| RefgenError::Data { path: data_dir.to_path_buf(), source })?;
    for entry in entries {
        let entry = entry.map_err(|source| RefgenError::Data { path: data_dir.to_path_buf(), source })?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.ends_with(".tsv") && !generated.files.iter().any(|(n, _)| *n == name) {
            out.extra.push(name);
        }
    }
    out.extra.sort();
    Ok(out)
}
