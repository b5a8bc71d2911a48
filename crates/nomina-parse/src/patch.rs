//! A form saved inside a patch (`git format-patch`, `diff -u`) that adds
//! or changes the file holding it, read as the file's lines.

/// What reading a patch did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct PatchRead {
    /// Lines of the patched file read without their `+` or ` ` mark.
    pub file_lines: usize,
    /// Lines of the patch's machinery (mail headers, diffstat, `diff`,
    /// `index`, `---`/`+++` and `@@` lines, `\ No newline`, the signature)
    /// and removed `-` lines, left blank.
    pub set_aside: usize,
}

/// The fewest lines of the new file that make a text a patch worth reading.
const MIN_FILE_LINES: usize = 3;

/// The counts of a hunk header `@@ -1,3 +1,4 @@`: old lines, new lines.
fn hunk(line: &str) -> Option<(usize, usize)> {
    let rest = line.strip_prefix("@@ -")?;
    let (ranges, _) = rest.split_once(" @@")?;
    let (old, new) = ranges.split_once(" +")?;
    let count = |r: &str| -> Option<usize> {
        match r.split_once(',') {
            Some((start, n)) => start.parse::<usize>().ok().and(n.parse().ok()),
            None => r.parse::<usize>().ok().map(|_| 1),
        }
    };
    Some((count(old)?, count(new)?))
}

/// Whether a text opens as a patch or a patch mail does.
fn opens_as_patch(first: &str) -> bool {
    ["From ", "From: ", "diff ", "--- ", "Index: ", "commit "].iter().any(|p| first.starts_with(p))
}

/// Reads a patch (a text opening with a mail header, `diff`, `---` or
/// `Index:`, holding hunks that give [`MIN_FILE_LINES`] lines of a new
/// file) as the patched file's lines: an added line (`+text`) and a
/// context line (` text`) read without their mark, a removed line and
/// everything around the hunks (headers, diffstat, `diff --git`, `index`,
/// `---`/`+++`, `@@` lines, `\ No newline at end of file`, the signature)
/// is left blank, but for the subject, read as its decoded words, and the
/// commit message. A hunk ends where its header's counts say. Every line
/// keeps its number.
pub fn read_patch(text: &mut String) -> PatchRead {
    let none = PatchRead::default();
    let first = text.trim_start_matches(['\r', '\n']).lines().next().unwrap_or("");
    if !opens_as_patch(first) || !text.contains("\n@@ -") || !text.contains("\n+++ ") {
        return none;
    }
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let mut read = PatchRead::default();
    let mut out = String::with_capacity(text.len());
    // Old and new lines of the hunk still to come.
    let (mut old, mut new) = (0usize, 0usize);
    let mut headers = text.starts_with("From ") || text.starts_with("From: ");
    let mut message = false;
    for line in &lines {
        let body = line.trim_end_matches(['\r', '\n']);
        let end = &line[body.len()..];
        if old > 0 || new > 0 {
            let (mark, rest) = body.split_at(body.chars().next().map_or(0, char::len_utf8));
            match mark {
                "+" | " " | "" => {
                    if mark != "+" {
                        old = old.saturating_sub(1);
                    }
                    if mark != "-" {
                        new = new.saturating_sub(1);
                    }
                    read.file_lines += 1;
                    out.push_str(rest);
                    out.push_str(end);
                    continue;
                }
                "-" => {
                    old = old.saturating_sub(1);
                    read.set_aside += 1;
                    out.push_str(end);
                    continue;
                }
                "\\" => {
                    read.set_aside += 1;
                    out.push_str(end);
                    continue;
                }
                _ => (old, new) = (0, 0),
            }
        }
        if let Some(counts) = hunk(body) {
            (old, new) = counts;
            headers = false;
            message = false;
        } else if headers {
            if body.is_empty() {
                // The commit message follows the mail's headers.
                (headers, message) = (false, true);
                out.push_str(end);
                continue;
            }
            if let Some(subject) = body.strip_prefix("Subject:") {
                let subject = crate::mail::decode_encoded_words(subject.trim());
                // `[PATCH 2/3]` is the patch's machinery.
                let shown = match subject.strip_prefix('[').and_then(|s| s.split_once(']')) {
                    Some((_, after)) => after.trim_start(),
                    None => subject.as_str(),
                };
                out.push_str(shown);
                out.push_str(end);
                continue;
            }
        } else if message {
            if body == "---" {
                message = false;
            } else {
                out.push_str(line);
                continue;
            }
        }
        if !body.is_empty() {
            read.set_aside += 1;
        }
        out.push_str(end);
    }
    if read.file_lines < MIN_FILE_LINES {
        return none;
    }
    *text = out;
    read
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testgen::field_value as value;
    use crate::{parse, repair_plain_text};

    const PATCH: &str = "From 0a1b2c Mon Sep 17 00:00:00 2001\nFrom: Clerk <clerk@example.org>\n\
        Subject: [PATCH 2/3] =?UTF-8?Q?Ficha_de_Tamale?=\n\nAdd the form as filed.\n---\n \
        forms/gh.txt | 4 ++++\n 1 file changed, 4 insertions(+)\n\ndiff --git a/forms/gh.txt b/forms/gh.txt\n\
        new file mode 100644\nindex 0000000..1f2e3d4\n--- /dev/null\n+++ b/forms/gh.txt\n@@ -0,0 +1,4 @@\n\
        +Member State\tGhana\r\n+Institution Name\tTamale Metropolitan Assembly\r\n+-- not a signature\r\n\
        +Years\t4\n\\ No newline at end of file\n-- \n2.40.0\n";

    #[test]
    fn a_patch_reads_as_the_lines_of_the_file_it_adds() {
        let mut text = PATCH.to_string();
        let lines = text.lines().count();
        assert_eq!(read_patch(&mut text), PatchRead { file_lines: 4, set_aside: 14 });
        assert_eq!(text.lines().count(), lines);
        assert_eq!(
            text,
            "\n\nFicha de Tamale\n\nAdd the form as filed.\n\n\n\n\n\n\n\n\n\n\n\
             Member State\tGhana\r\nInstitution Name\tTamale Metropolitan Assembly\r\n-- not a signature\r\nYears\t4\n\
             \n\n\n"
        );
    }

    #[test]
    fn a_patch_read_in_place_gives_the_form_its_fields() {
        // A name corrected: the file's new line, not the removed one.
        let mut text = "From 0a1b2c Mon Sep 17 00:00:00 2001\nFrom: Clerk <clerk@example.org>\n\
                        Subject: [PATCH] Correct the name\n\n---\n forms/gh.txt | 2 +-\n\n\
                        diff --git a/forms/gh.txt b/forms/gh.txt\nindex 1f2e3d4..2a3b4c5 100644\n--- a/forms/gh.txt\n\
                        +++ b/forms/gh.txt\n@@ -1,3 +1,3 @@\n Member State\tGhana\r\n\
                        -Institution Name\tTema Municipal Assembly\r\n\
                        +Institution Name\tTamale Metropolitan Assembly\r\n Years\t4\n"
            .to_string();
        let repairs = repair_plain_text(&mut text);
        assert!(repairs.warnings().iter().any(|w| w.0 == "patch_read"));
        let doc = parse(text);
        assert_eq!(value(&doc, "field.institution_name").as_deref(), Some("Tamale Metropolitan Assembly"));
    }

    #[test]
    fn a_changed_file_reads_as_its_new_lines() {
        let mut text = "--- a/f.txt\n+++ b/f.txt\n@@ -1,3 +1,3 @@\n Country: Ghana\n-City: Tema\n+City: Tamale\n \
                        Years: 4\nnot in the hunk\n"
            .to_string();
        assert_eq!(read_patch(&mut text), PatchRead { file_lines: 3, set_aside: 5 });
        assert_eq!(text, "\n\n\nCountry: Ghana\n\nCity: Tamale\nYears: 4\n\n");
        let kept = "Country: Ghana\n--- \n+++ more\n@@ -1 +1 @@\n+x\n";
        let mut text = kept.to_string();
        assert_eq!(read_patch(&mut text), PatchRead::default());
        assert_eq!(text, kept);
    }
}
