//! A stable sort for the short lists the portal orders: a page of news, a
//! day's schedule entries, the weeks that have a schedule.
//!
//! Why not `slice::sort_by_key`: the standard library's stable sort is copied
//! into the wasm once per element type and key, 3 to 4 KB each before
//! compression, and the portal sorts four kinds of list. Insertion sort is a
//! few hundred bytes, linear on input that is already in order (feeds and
//! indexes usually are), and quadratic only on lists that stay small here.

/// Sorts `items` by `key`, keeping the order of items with equal keys.
pub fn sort_small_by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    for unsorted in 1..items.len() {
        let mut at = unsorted;
        // Only a strictly greater key moves an item back, so equal keys keep
        // their order.
        while at > 0 && key(&items[at - 1]) > key(&items[at]) {
            items.swap(at - 1, at);
            at -= 1;
        }
    }
}

// Native only: proptest and serde_json are native dev-dependencies.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn equal_keys_keep_their_order() {
        let mut items = [(2, 'a'), (1, 'b'), (2, 'c'), (1, 'd'), (0, 'e')];
        sort_small_by_key(&mut items, |item| item.0);
        assert_eq!(items, [(0, 'e'), (1, 'b'), (1, 'd'), (2, 'a'), (2, 'c')]);
    }

    #[test]
    fn empty_and_single_lists_are_left_alone() {
        let mut none: [u8; 0] = [];
        sort_small_by_key(&mut none, |x| *x);
        let mut one = [7];
        sort_small_by_key(&mut one, |x| *x);
        assert_eq!(one, [7]);
    }

    proptest! {
        #[test]
        fn orders_like_the_standard_stable_sort(items in proptest::collection::vec((0u8..8, any::<u16>()), 0..200)) {
            let mut ours = items.clone();
            let mut standard = items;
            sort_small_by_key(&mut ours, |item| item.0);
            standard.sort_by_key(|item| item.0);
            prop_assert_eq!(ours, standard);
        }
    }
}
