//! A small map from text keys (URLs, addresses) to values, for the few
//! entries the portal keeps during a visit: fetched documents, requests under
//! way, scroll positions.
//!
//! Why not `HashMap`: every `HashMap<String, V>` brings its own copy of the
//! hash table's code into the wasm, and the hasher with it; with the tens to
//! hundreds of entries a visit makes, a list searched from the newest end is
//! as quick and much smaller.

/// Keys to values; a key appears at most once.
pub struct Keyed<V> {
    entries: Vec<(String, V)>,
}

impl<V> Keyed<V> {
    pub const fn new() -> Self {
        Keyed { entries: Vec::new() }
    }

    fn position(&self, key: &str) -> Option<usize> {
        self.entries.iter().rposition(|(name, _)| name == key)
    }

    pub fn get(&self, key: &str) -> Option<&V> {
        self.position(key).map(|at| &self.entries[at].1)
    }

    /// Sets `key` to `value`, replacing what it had.
    pub fn insert(&mut self, key: &str, value: V) {
        match self.position(key) {
            Some(at) => self.entries[at].1 = value,
            None => self.entries.push((key.to_string(), value)),
        }
    }

    /// The value of `key`, made with `make` first if there is none.
    pub fn get_or_insert_with(&mut self, key: &str, make: impl FnOnce() -> V) -> &mut V {
        let at = match self.position(key) {
            Some(at) => at,
            None => {
                self.entries.push((key.to_string(), make()));
                self.entries.len() - 1
            }
        };
        &mut self.entries[at].1
    }

    pub fn remove(&mut self, key: &str) -> Option<V> {
        self.position(key).map(|at| self.entries.remove(at).1)
    }
}

impl<V> Default for Keyed<V> {
    fn default() -> Self {
        Keyed::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_one_value_per_key() {
        let mut map = Keyed::new();
        map.insert("/a", 1);
        map.insert("/b", 2);
        map.insert("/a", 3);
        assert_eq!((map.get("/a"), map.get("/b"), map.get("/c")), (Some(&3), Some(&2), None));
        assert_eq!(map.remove("/a"), Some(3));
        assert_eq!(map.get("/a"), None);
        assert_eq!(map.remove("/a"), None);
    }

    #[test]
    fn makes_a_value_only_when_the_key_has_none() {
        let mut map = Keyed::new();
        *map.get_or_insert_with("/a", || 1) += 10;
        *map.get_or_insert_with("/a", || panic!("made twice")) += 100;
        assert_eq!(map.get("/a"), Some(&111));
    }
}
