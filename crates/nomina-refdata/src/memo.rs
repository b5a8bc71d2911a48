//! Lookups remembered per thread.
//!
//! Labels, prompts and questions repeat within a page (its blocks stand two
//! or three times) and from page to page, and folding them is what lookups
//! cost. A [`Memo`] in a `thread_local!` remembers the answers without
//! locking; it is bounded (in entries, and in the length of a key), and
//! simply forgets everything when full.

use std::cell::RefCell;

use rustc_hash::FxHashMap;

/// Answers remembered before a memo forgets them all.
pub const MEMO_ENTRIES: usize = 4096;

/// Longest text a memo remembers: a longer one (an answer, a page that is
/// one line) is computed every time, so that a memo holds at most
/// [`MEMO_ENTRIES`] times this many bytes of keys, whatever the input.
pub const MEMO_MAX_KEY_BYTES: usize = 1024;

/// A bounded map from texts to what a lookup gave for them, for one thread.
#[derive(Debug)]
pub struct Memo<V> {
    seen: RefCell<FxHashMap<String, V>>,
}

impl<V> Default for Memo<V> {
    fn default() -> Self {
        Memo { seen: RefCell::new(FxHashMap::default()) }
    }
}

impl<V: Clone> Memo<V> {
    /// The answer for `key`: remembered, or computed by `compute` (and
    /// remembered when `key` is at most [`MEMO_MAX_KEY_BYTES`] long).
    pub fn get_or_insert(&self, key: &str, compute: impl FnOnce() -> V) -> V {
        if key.len() > MEMO_MAX_KEY_BYTES {
            return compute();
        }
        if let Some(hit) = self.seen.borrow().get(key) {
            return hit.clone();
        }
        let value = compute();
        let mut seen = self.seen.borrow_mut();
        if seen.len() >= MEMO_ENTRIES {
            seen.clear();
        }
        seen.insert(key.to_string(), value.clone());
        value
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remembers_and_forgets_when_full() {
        let memo: Memo<usize> = Memo::default();
        let calls = std::cell::Cell::new(0);
        let len = |s: &str| {
            calls.set(calls.get() + 1);
            s.len()
        };
        assert_eq!(memo.get_or_insert("abc", || len("abc")), 3);
        assert_eq!(memo.get_or_insert("abc", || len("abc")), 3);
        assert_eq!(calls.get(), 1);
        for i in 0..MEMO_ENTRIES {
            let key = i.to_string();
            memo.get_or_insert(&key, || len(&key));
        }
        // Full: everything was forgotten once, `abc` with it.
        memo.get_or_insert("abc", || len("abc"));
        assert_eq!(calls.get(), MEMO_ENTRIES + 2);
    }

    #[test]
    fn long_texts_are_computed_every_time() {
        let memo: Memo<usize> = Memo::default();
        let calls = std::cell::Cell::new(0);
        let long = "x".repeat(MEMO_MAX_KEY_BYTES + 1);
        for _ in 0..3 {
            let got = memo.get_or_insert(&long, || {
                calls.set(calls.get() + 1);
                long.len()
            });
            assert_eq!(got, MEMO_MAX_KEY_BYTES + 1);
        }
        assert_eq!(calls.get(), 3);
        assert!(memo.seen.borrow().is_empty());
        let short = "x".repeat(MEMO_MAX_KEY_BYTES);
        for _ in 0..3 {
            memo.get_or_insert(&short, || {
                calls.set(calls.get() + 1);
                short.len()
            });
        }
        assert_eq!(calls.get(), 4);
    }
}
