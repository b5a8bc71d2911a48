//! Lookups remembered per thread.
//!
//! Labels, prompts and questions repeat within a page (its blocks stand two
//! or three times) and from page to page, and folding them is what lookups
//! cost. A [`Memo`] in a `thread_local!` remembers the answers without
//! locking; it is bounded, and simply forgets everything when full.

use std::borrow::Borrow;
use std::cell::RefCell;
use std::hash::Hash;

use rustc_hash::FxHashMap;

/// Answers remembered before a memo forgets them all.
pub const MEMO_ENTRIES: usize = 4096;

/// A bounded map from lookups to their answers, for one thread.
#[derive(Debug)]
pub struct Memo<K, V> {
    seen: RefCell<FxHashMap<K, V>>,
}

impl<K, V> Default for Memo<K, V> {
    fn default() -> Self {
        Memo { seen: RefCell::new(FxHashMap::default()) }
    }
}

impl<K: Hash + Eq, V: Clone> Memo<K, V> {
    /// The answer for `key`: remembered, or computed by `compute` and
    /// remembered under `owned(key)`.
    pub fn get_or_insert_with<Q>(&self, key: &Q, owned: impl FnOnce(&Q) -> K, compute: impl FnOnce() -> V) -> V
    where
        K: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        if let Some(hit) = self.seen.borrow().get(key) {
            return hit.clone();
        }
        let value = compute();
        let mut seen = self.seen.borrow_mut();
        if seen.len() >= MEMO_ENTRIES {
            seen.clear();
        }
        seen.insert(owned(key), value.clone());
        value
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remembers_and_forgets_when_full() {
        let memo: Memo<String, usize> = Memo::default();
        let calls = std::cell::Cell::new(0);
        let len = |s: &str| {
            calls.set(calls.get() + 1);
            s.len()
        };
        assert_eq!(memo.get_or_insert_with("abc", str::to_string, || len("abc")), 3);
        assert_eq!(memo.get_or_insert_with("abc", str::to_string, || len("abc")), 3);
        assert_eq!(calls.get(), 1);
        for i in 0..MEMO_ENTRIES {
            let key = i.to_string();
            memo.get_or_insert_with(key.as_str(), str::to_string, || len(&key));
        }
        // Full: everything was forgotten once, `abc` with it.
        memo.get_or_insert_with("abc", str::to_string, || len("abc"));
        assert_eq!(calls.get(), MEMO_ENTRIES + 2);
    }
}
