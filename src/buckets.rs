//! One small hash index for the whole crate: values hashed to a `u64` (FxHash's
//! multiply-rotate), each hash a bucket of indices into the caller's own vector, equal hashes
//! confirmed by the caller. Grouping, cards and the suffix list all use this one type, so the
//! page carries one hash-map instantiation instead of one per key type (each costs kilobytes of
//! wasm), and no SipHash.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hash, Hasher};

/// Indices into the caller's vector, by the hash of their key.
#[derive(Default)]
pub struct Buckets(HashMap<u64, Vec<usize>, BuildHasherDefault<PassHasher>>);

impl Buckets {
    /// The first index in `key`'s bucket that `same` confirms.
    pub fn find(&self, key: &impl Hash, same: impl Fn(usize) -> bool) -> Option<usize> {
        self.0.get(&hash(key))?.iter().copied().find(|&i| same(i))
    }

    /// Files `index` under `key`.
    pub fn insert(&mut self, key: &impl Hash, index: usize) {
        self.0.entry(hash(key)).or_default().push(index);
    }
}

/// The FxHash of a value: fast, not cryptographic; the keys come from one paste and a collision
/// only costs the caller's comparison.
pub fn hash(value: &impl Hash) -> u64 {
    let mut h = FxHasher::default();
    value.hash(&mut h);
    h.finish()
}

#[derive(Default)]
struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.write_u64(u64::from_le_bytes(word));
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn write_u8(&mut self, n: u8) {
        self.write_u64(u64::from(n));
    }
    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// The map's keys are already hashes: passed through as they are.
#[derive(Default)]
struct PassHasher(u64);

impl Hasher for PassHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_what_was_filed_and_confirms_it() {
        let words = ["a", "b", "a"];
        let mut b = Buckets::default();
        for (i, w) in words.iter().enumerate() {
            if b.find(w, |j| words[j] == *w).is_none() {
                b.insert(w, i);
            }
        }
        assert_eq!(b.find(&"a", |j| words[j] == "a"), Some(0));
        assert_eq!(b.find(&"c", |j| words[j] == "c"), None);
    }
}
