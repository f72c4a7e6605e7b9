//! A stable 64-bit fingerprint (FNV-1a) of bytes or of anything `Hash`:
//! what the builder remembers between runs to tell an unchanged document
//! from a changed one. std's `DefaultHasher` is not promised to stay the
//! same across Rust releases, so a cache written by one would be misread by
//! the next; FNV-1a is six lines and the same everywhere.

use std::hash::{Hash, Hasher};

pub struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn write(&mut self, bytes: &[u8]) {
        for byte in bytes {
            self.0 = (self.0 ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// The fingerprint of `value`.
pub fn of(value: &impl Hash) -> u64 {
    let mut hasher = Fnv::default();
    value.hash(&mut hasher);
    hasher.finish()
}

/// The fingerprint of some bytes.
pub fn of_bytes(bytes: &[u8]) -> u64 {
    let mut hasher = Fnv::default();
    hasher.write(bytes);
    hasher.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_values_do_not_drift() {
        // FNV-1a's published test vectors: a cache stays readable across releases.
        assert_eq!(of_bytes(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(of_bytes(b"a"), 0xaf63_dc4c_8601_ec8c);
    }
}
