//! Documents inside archives, read in place.
//!
//! Scraped pages often come packed: a zip or tarball of saved files, or the WARC files a crawler
//! writes. This crate walks such an archive and hands each document to a callback, one at a time,
//! so that memory holds one member and nothing is ever unpacked to disk.
//!
//! - [`ArchiveKind`] names the kinds read: zip, tar, tar.gz (`.tgz`), WARC and gzipped WARC
//!   (compressed whole or, as crawlers write it, one gzip member per record).
//!   [`ArchiveKind::from_path`] tells the kind from the file name.
//! - [`read_archive`] calls a closure with a [`Member`] for every document, or an
//!   [`ArchiveError`] for what could not be read; [`ArchiveError::code`] gives a stable code.
//! - For a WARC, a member is a `response` (or `resource`) record: its HTTP body, with chunked
//!   transfer encoding and gzip/deflate content encoding undone, plus the target URI, the capture
//!   date and the charset the HTTP `Content-Type` declares.
//!
//! What it leaves out: directories, symlinks, hard links and device entries; WARC `request`,
//! `metadata`, `warcinfo`, `revisit` and `conversion` records and `dns:` responses; encrypted zip
//! members (reported as broken) and zip compression methods other than stored and deflate; brotli
//! and other content encodings (reported as broken). It does not decode text: the bytes come as
//! stored, and [`Member::charset`] only says what the server declared. It does not filter HTTP
//! responses by status: a 404 page or a redirect's body is a member like any other.
//!
//! # Example
//!
//! ```
//! use nomina_archive::{read_archive, ArchiveKind};
//! use std::io::Write;
//!
//! // A small zip in the temp directory.
//! let path = std::env::temp_dir().join(format!("nomina-archive-doc-{}.zip", std::process::id()));
//! let mut zip = zip::ZipWriter::new(std::fs::File::create(&path)?);
//! zip.start_file("pages/award.html", zip::write::SimpleFileOptions::default())?;
//! zip.write_all(b"<html><title>Award</title></html>")?;
//! zip.finish()?;
//!
//! let kind = ArchiveKind::from_path(&path).expect("a .zip name");
//! let mut names = Vec::new();
//! read_archive(&path, kind, 10 << 20, |member| match member {
//!     Ok(member) => names.push((member.name, member.bytes.len())),
//!     Err(err) => eprintln!("{}: {err}", err.code()),
//! });
//! assert_eq!(names, [("pages/award.html".to_string(), 33)]);
//! std::fs::remove_file(&path)?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fmt;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Seek};
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

mod tar_reader;
mod warc;
mod zip_reader;

/// The kinds of archive, told by the file name (see [`ArchiveKind::from_path`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ArchiveKind {
    /// A zip file (`.zip`).
    Zip,
    /// An uncompressed tarball (`.tar`).
    Tar,
    /// A gzipped tarball (`.tar.gz`, `.tgz`).
    TarGz,
    /// An uncompressed WARC file (`.warc`).
    Warc,
    /// A gzipped WARC file (`.warc.gz`), compressed whole or as one gzip member per record.
    WarcGz,
}

impl ArchiveKind {
    /// The kind of archive the file name says, case-insensitively: `.zip`, `.tar`, `.tar.gz`,
    /// `.tgz`, `.warc`, `.warc.gz`; `None` for any other name.
    pub fn from_path(path: &Path) -> Option<ArchiveKind> {
        let name = path.file_name()?.to_string_lossy().to_ascii_lowercase();
        // Longest suffixes first: `.warc.gz` and `.tar.gz` also end in `.gz`.
        [
            (".warc.gz", ArchiveKind::WarcGz),
            (".tar.gz", ArchiveKind::TarGz),
            (".tgz", ArchiveKind::TarGz),
            (".warc", ArchiveKind::Warc),
            (".tar", ArchiveKind::Tar),
            (".zip", ArchiveKind::Zip),
        ]
        .into_iter()
        .find(|(suffix, _)| name.ends_with(suffix))
        .map(|(_, kind)| kind)
    }

    /// A short lower-case name of the kind (`zip`, `tar`, `tar.gz`, `warc`, `warc.gz`).
    pub fn as_str(self) -> &'static str {
        match self {
            ArchiveKind::Zip => "zip",
            ArchiveKind::Tar => "tar",
            ArchiveKind::TarGz => "tar.gz",
            ArchiveKind::Warc => "warc",
            ArchiveKind::WarcGz => "warc.gz",
        }
    }
}

impl fmt::Display for ArchiveKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One document inside an archive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    /// Its name inside the archive: the member path for zip and tar (with `/` separators, no
    /// leading `./` or `/`), the `WARC-Target-URI` for a WARC record (or its `WARC-Record-ID`
    /// when it has no target).
    pub name: String,
    /// Its bytes: the file's content; for a WARC `response` record, the HTTP body (status line
    /// and headers stripped, `Transfer-Encoding: chunked` undone, `Content-Encoding: gzip` or
    /// `deflate` undone; a block with no HTTP head is all body); for a `resource` record, the
    /// block as it is.
    pub bytes: Vec<u8>,
    /// WARC only: the target URI (`WARC-Target-URI`).
    pub url: Option<String>,
    /// WARC only: when the page was fetched (`WARC-Date`, as written, e.g. `2019-05-02T10:00:00Z`).
    pub fetched: Option<String>,
    /// WARC only: the charset the HTTP `Content-Type` header declares, as written
    /// (`text/html; charset=gbk` gives `gbk`); for a `resource` record, the record's own
    /// `Content-Type`.
    pub charset: Option<String>,
}

/// Why a member or an archive could not be read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ArchiveError {
    /// The archive file could not be opened from the file system (missing, no permission...).
    #[error("cannot open archive {}: {source}", path.display())]
    Io {
        /// The archive's path.
        path: PathBuf,
        /// What the file system said.
        #[source]
        source: io::Error,
    },
    /// The file opened but is not an archive of that kind (no zip directory, no tar header, not
    /// gzip, no WARC version line at the start...). Nothing was read from it.
    #[error("{} is not a readable {kind} archive: {message}", path.display())]
    Open {
        /// The archive's path.
        path: PathBuf,
        /// The kind it was read as.
        kind: ArchiveKind,
        /// What was wrong.
        message: String,
    },
    /// A tar stream broke between members (a bad header, the data ending or failing to
    /// decompress); reading stopped there.
    #[error("archive {} is broken after its last good member: {message}", path.display())]
    Corrupt {
        /// The archive's path.
        path: PathBuf,
        /// What was wrong.
        message: String,
    },
    /// A malformed WARC record: no version line, a bad header, a `Content-Length` past the end of
    /// the data, or a decompression error. Reading stopped there.
    #[error("malformed WARC record at byte {offset} of {}: {message}", path.display())]
    Record {
        /// The archive's path.
        path: PathBuf,
        /// Where the record starts, counted in the uncompressed WARC stream.
        offset: u64,
        /// What was wrong.
        message: String,
    },
    /// A broken member: bad compression, truncated data, a CRC error, an unsupported method.
    #[error("cannot read member {name}: {message}")]
    Member {
        /// The member's name (see [`Member::name`]).
        name: String,
        /// What was wrong.
        message: String,
    },
    /// A member larger than the limit given to [`read_archive`]; it was not read.
    #[error("member {name} is {bytes} bytes, over the limit of {limit}")]
    TooLarge {
        /// The member's name (see [`Member::name`]).
        name: String,
        /// Its size as the archive declares it; where only decoding shows the size (a WARC body
        /// that expands when un-gzipped), the count reached before stopping: `limit + 1`.
        bytes: u64,
        /// The limit.
        limit: u64,
    },
}

impl ArchiveError {
    /// The member the error is about, when it is about one member.
    pub fn member_name(&self) -> Option<&str> {
        match self {
            ArchiveError::Member { name, .. } | ArchiveError::TooLarge { name, .. } => Some(name),
            _ => None,
        }
    }

    /// A stable code for the error: `"io"` for a file that cannot be opened, `"archive"` for a
    /// file that is not that kind of archive or whose structure is broken, `"archive_member"` for
    /// a broken member, `"too_large"` for a member over the limit.
    pub fn code(&self) -> &'static str {
        match self {
            ArchiveError::Io { .. } => "io",
            ArchiveError::Open { .. } | ArchiveError::Corrupt { .. } | ArchiveError::Record { .. } => "archive",
            ArchiveError::Member { .. } => "archive_member",
            ArchiveError::TooLarge { .. } => "too_large",
        }
    }
}

/// Reads the archive at `path` as `kind`, calling `each` with every member in archive order
/// (see [`read_archive_from`] to read from memory, or to stop early).
///
/// Only documents come: regular files of a zip or tar (directories, symlinks, links and special
/// entries are skipped); `response` and `resource` records of a WARC (`request`, `metadata`,
/// `warcinfo` and other records are skipped). Members are read one at a time, in memory.
///
/// Errors come through `each` too:
/// - a file that cannot be opened gives one `Err(Io)`; one that is not that kind of archive gives
///   one `Err(Open)`; either way nothing else follows;
/// - a member over `max_bytes` gives `Err(TooLarge)` without being read, and reading goes on;
/// - a broken member gives `Err(Member)`; a zip goes on with the next member, while a tar stops
///   there, as its stream is broken;
/// - a tar stream that breaks between members gives one `Err(Corrupt)`, a malformed WARC record
///   one `Err(Record)`, and reading stops.
pub fn read_archive(
    path: &Path,
    kind: ArchiveKind,
    max_bytes: u64,
    mut each: impl FnMut(Result<Member, ArchiveError>),
) {
    let file = match File::open(path) {
        Ok(file) => file,
        Err(source) => return each(Err(ArchiveError::Io { path: path.to_path_buf(), source })),
    };
    // Large buffers: tar and WARC are read front to back, zip seeks per member.
    let file = BufReader::with_capacity(64 * 1024, file);
    read_archive_from(file, path, kind, max_bytes, |member| {
        each(member);
        ControlFlow::Continue(())
    });
}

/// Reads an archive of `kind` from `reader` (a file opened already, or bytes in memory through
/// [`std::io::Cursor`]), as [`read_archive`] does, except that `each` may stop the reading by
/// returning [`ControlFlow::Break`]: nothing more is read and `each` is not called again.
/// `path` only names the archive in errors.
pub fn read_archive_from<R: BufRead + Seek>(
    reader: R,
    path: &Path,
    kind: ArchiveKind,
    max_bytes: u64,
    mut each: impl FnMut(Result<Member, ArchiveError>) -> ControlFlow<()>,
) {
    let ctx = Ctx { path, kind, max_bytes };
    let each: &mut dyn FnMut(Result<Member, ArchiveError>) -> ControlFlow<()> = &mut each;
    let _ = match kind {
        ArchiveKind::Zip => zip_reader::read(&ctx, reader, each),
        ArchiveKind::Tar => tar_reader::read(&ctx, reader, each),
        // MultiGzDecoder also reads a single gzip member, and concatenated ones are legal gzip.
        ArchiveKind::TarGz => tar_reader::read(&ctx, flate2::bufread::MultiGzDecoder::new(reader), each),
        ArchiveKind::Warc => warc::read(&ctx, reader, each),
        ArchiveKind::WarcGz => warc::read(&ctx, flate2::bufread::MultiGzDecoder::new(reader), each),
    };
}

/// What every reader needs to know and to put into its errors.
struct Ctx<'a> {
    path: &'a Path,
    kind: ArchiveKind,
    max_bytes: u64,
}

impl Ctx<'_> {
    fn open_error(&self, message: impl fmt::Display) -> ArchiveError {
        ArchiveError::Open { path: self.path.to_path_buf(), kind: self.kind, message: message.to_string() }
    }

    fn too_large(&self, name: &str, bytes: u64) -> ArchiveError {
        ArchiveError::TooLarge { name: name.to_string(), bytes, limit: self.max_bytes }
    }
}

/// A member error.
fn member_error(name: &str, message: impl fmt::Display) -> ArchiveError {
    ArchiveError::Member { name: name.to_string(), message: message.to_string() }
}

/// A zip or tar member path as [`Member::name`] promises: `/` separators, no leading `./` or `/`.
fn clean_name(raw: &str) -> String {
    // Zips written on Windows sometimes use `\`.
    let name = raw.replace('\\', "/");
    let mut rest = name.as_str();
    loop {
        if let Some(r) = rest.strip_prefix("./") {
            rest = r;
        } else if let Some(r) = rest.strip_prefix('/') {
            rest = r;
        } else {
            return rest.to_string();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_from_names() {
        let kind = |name: &str| ArchiveKind::from_path(Path::new(name));
        assert_eq!(kind("a/b.ZIP"), Some(ArchiveKind::Zip));
        assert_eq!(kind("x.tar"), Some(ArchiveKind::Tar));
        assert_eq!(kind("x.Tar.Gz"), Some(ArchiveKind::TarGz));
        assert_eq!(kind("x.tgz"), Some(ArchiveKind::TarGz));
        assert_eq!(kind("crawl-00001.warc"), Some(ArchiveKind::Warc));
        assert_eq!(kind("crawl-00001.WARC.GZ"), Some(ArchiveKind::WarcGz));
        assert_eq!(kind("x.gz"), None);
        assert_eq!(kind("x.html"), None);
        assert_eq!(kind(""), None);
    }

    #[test]
    fn names_are_cleaned() {
        assert_eq!(clean_name("./a/b.html"), "a/b.html");
        assert_eq!(clean_name("/a\\b.html"), "a/b.html");
        assert_eq!(clean_name("././a"), "a");
        assert_eq!(clean_name("a/./b"), "a/./b");
    }

    #[test]
    fn codes() {
        let err = ArchiveError::TooLarge { name: "a".into(), bytes: 2, limit: 1 };
        assert_eq!(err.code(), "too_large");
        assert_eq!(err.to_string(), "member a is 2 bytes, over the limit of 1");
        assert_eq!(member_error("a", "bad").code(), "archive_member");
    }
}
