//! Tar and tar.gz: one stream, read front to back; any read error breaks it, so reading stops at
//! the first one.

use std::io::Read;
use std::ops::ControlFlow;

use tar::EntryType;

use crate::{ArchiveError, Ctx, Member, clean_name, member_error};

pub(crate) fn read<R: Read>(
    ctx: &Ctx<'_>,
    reader: R,
    each: &mut dyn FnMut(Result<Member, ArchiveError>) -> ControlFlow<()>,
) -> ControlFlow<()> {
    let mut archive = tar::Archive::new(reader);
    let entries = match archive.entries() {
        Ok(entries) => entries,
        Err(err) => return each(Err(ctx.open_error(err))),
    };
    let mut seen_entry = false;
    for entry in entries {
        let mut entry = match entry {
            Ok(entry) => entry,
            // Before any entry the file is not a tar (or not gzip) at all.
            Err(err) if !seen_entry => return each(Err(ctx.open_error(err))),
            Err(err) => {
                return each(Err(ArchiveError::Corrupt { path: ctx.path.to_path_buf(), message: err.to_string() }));
            }
        };
        seen_entry = true;
        let regular =
            matches!(entry.header().entry_type(), EntryType::Regular | EntryType::Continuous | EntryType::GNUSparse);
        let name = clean_name(&String::from_utf8_lossy(&entry.path_bytes()));
        // Old tars mark directories only by the trailing slash.
        if !regular || name.is_empty() || name.ends_with('/') {
            continue;
        }
        let size = entry.size();
        if size > ctx.max_bytes {
            // The iterator skips the unread data itself.
            each(Err(ctx.too_large(&name, size)))?;
            continue;
        }
        // Capped by the limit, not by `size`: a sparse file reads back larger than it is stored.
        let mut bytes = Vec::new();
        match (&mut entry).take(ctx.max_bytes.saturating_add(1)).read_to_end(&mut bytes) {
            Ok(n) if n as u64 > ctx.max_bytes => each(Err(ctx.too_large(&name, n as u64)))?,
            Ok(n) if (n as u64) < size => {
                return each(Err(member_error(&name, format!("truncated: the data ends after {n} of {size} bytes"))));
            }
            Ok(_) => each(Ok(Member { name, bytes, url: None, fetched: None, charset: None }))?,
            Err(err) => return each(Err(member_error(&name, err))),
        }
    }
    ControlFlow::Continue(())
}
