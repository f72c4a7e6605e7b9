//! A fast hash for the writer's maps of short strings (terms, syllables),
//! where std's SipHash, built to resist crafted keys, took much of the
//! index's build time. The keys are the site's own words, so nothing here
//! needs that resistance. Native and wasm alike; no dependency.

use std::hash::{BuildHasherDefault, Hasher};

/// Multiply-rotate over 8 bytes at a time (the scheme of rustc's own FxHash).
#[derive(Default, Clone, Copy)]
pub struct FastHasher(u64);

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FastHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FastHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            self.add(u64::from_le_bytes(chunk.try_into().unwrap_or_default()));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut last = [0u8; 8];
            last[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(last));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }

    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    /// Mixed once more: the multiplication leaves the low bits, which pick
    /// the map's bucket, depending on the low bits of the input only.
    fn finish(&self) -> u64 {
        let mut x = self.0;
        x ^= x >> 33;
        x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
        x ^= x >> 33;
        x
    }
}

pub type FastMap<K, V> = std::collections::HashMap<K, V, BuildHasherDefault<FastHasher>>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_keep_every_key() {
        let mut map: FastMap<String, usize> = FastMap::default();
        for n in 0..10_000 {
            map.insert(format!("từ {n}"), n);
        }
        assert!((0..10_000).all(|n| map[&format!("từ {n}")] == n));
        assert_eq!(map.len(), 10_000);
    }
}
