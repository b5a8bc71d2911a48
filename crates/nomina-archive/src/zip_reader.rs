//! Zip: the central directory lists the members, each is read by seeking to it, so one broken
//! member never stops the others.

use std::io::{Read, Seek};
use std::ops::ControlFlow;

use crate::{ArchiveError, Ctx, Member, clean_name, member_error};

pub(crate) fn read<R: Read + Seek>(
    ctx: &Ctx<'_>,
    reader: R,
    each: &mut dyn FnMut(Result<Member, ArchiveError>) -> ControlFlow<()>,
) -> ControlFlow<()> {
    let mut archive = match zip::ZipArchive::new(reader) {
        Ok(archive) => archive,
        Err(err) => return each(Err(ctx.open_error(err))),
    };
    for index in 0..archive.len() {
        // The name comes from the central directory, so a member whose local data is broken
        // still has one for its error.
        let name = match archive.name_for_index(index) {
            Some(Ok(name)) => clean_name(&name),
            _ => format!("#{index}"),
        };
        let mut file = match archive.by_index(index) {
            Ok(file) => file,
            Err(err) => {
                each(Err(member_error(&name, err)))?;
                continue;
            }
        };
        if !file.is_file() {
            continue;
        }
        if file.size() > ctx.max_bytes {
            each(Err(ctx.too_large(&name, file.size())))?;
            continue;
        }
        // The declared size is checked above; the cap guards against one that lies.
        let mut bytes = Vec::new();
        let read = (&mut file).take(ctx.max_bytes.saturating_add(1)).read_to_end(&mut bytes);
        let result = match read {
            Err(err) => Err(member_error(&name, err)),
            Ok(n) if n as u64 > ctx.max_bytes => Err(ctx.too_large(&name, n as u64)),
            Ok(_) => Ok(Member { name, bytes, url: None, fetched: None, charset: None }),
        };
        each(result)?;
    }
    ControlFlow::Continue(())
}
