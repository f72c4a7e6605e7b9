//! Filters over a registry that is too large to fetch whole (20 000 legal
//! documents, 5 000 tasks), shared by every registry.
//!
//! The builder writes, beside the registry's paged list of everything
//! (`tat-ca`), one paged list per value of each facet (`loai-ke-hoach`,
//! `nam-2023`), and one small index of the facets: each value's name, slug
//! and count. The index grows with the number of values, never with the
//! number of entries. One filter reads its own list; several read the list
//! of the filter with the fewest entries and keep the entries that match
//! the others ([`plan`]), so a reader fetches the pages of the narrowest
//! list only.

use super::error::DocError;
use super::json::{parse_document, Node};

/// The list of every entry.
pub const ALL_LIST: &str = "tat-ca";

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FacetValue {
    pub slug: String,
    pub name: String,
    pub count: u64,
    /// The sum of its entries' money, where the registry has some (a
    /// task's kinh phí, in đồng); the summary above the tasks' list.
    pub funding: Option<u64>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Facet {
    /// Its name in the address (`loai`, `nam`).
    pub key: String,
    /// As the form labels it ("Loại văn bản").
    pub name: String,
    pub values: Vec<FacetValue>,
}

#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct FacetIndex {
    pub total_items: u64,
    pub facets: Vec<Facet>,
    /// Every entry's money, and the part of it from the province's budget
    /// (the tasks' registry; none for legal documents).
    pub total_funding: Option<u64>,
    pub province_funding: Option<u64>,
}

impl FacetIndex {
    /// The value `slug` of facet `key`, if the registry has it.
    pub fn value(&self, key: &str, slug: &str) -> Option<&FacetValue> {
        self.facets.iter().find(|facet| facet.key == key)?.values.iter().find(|value| value.slug == slug)
    }
}

/// Reads a facet index (`{version, total_items, facets: [{key, name, values: [{slug, name, count}]}]}`,
/// with `funding` per value and `total_funding`, `province_funding` where entries carry money).
pub fn parse_facets(document: &str, text: &str, limit_bytes: usize) -> Result<FacetIndex, DocError> {
    let value = parse_document(document, text, limit_bytes)?;
    let root = Node::root(document, &value);
    let facets = root.with_required("facets", |list| {
        list.each(|facet| {
            Ok(Facet {
                key: facet.required_string("key")?,
                name: facet.required_string("name")?,
                values: facet.with_required("values", |values| {
                    values.each(|value| {
                        Ok(FacetValue {
                            slug: value.required_string("slug")?,
                            name: value.required_string("name")?,
                            count: value.required_unsigned("count")?,
                            funding: value.optional_unsigned("funding")?,
                        })
                    })
                })?,
            })
        })
    })?;
    Ok(FacetIndex {
        total_items: root.required_unsigned("total_items")?,
        facets,
        total_funding: root.optional_unsigned("total_funding")?,
        province_funding: root.optional_unsigned("province_funding")?,
    })
}

/// The name of the list of the entries whose facet `key` has the value `slug`.
pub fn list_name(key: &str, slug: &str) -> String {
    format!("{key}-{slug}")
}

/// The filters a reader chose, as `(facet key, value slug)`, in the order
/// of the registry's facets (so one choice has one address).
#[derive(Clone, Debug, PartialEq, Eq, Default, Hash)]
pub struct Filters(pub Vec<(String, String)>);

impl Filters {
    /// The filters of facets `keys` that `get` (the address's query) gives,
    /// blank ones and slugs with characters no slug has left out.
    pub fn read(keys: &[&str], get: impl Fn(&str) -> Option<String>) -> Filters {
        let slug_like = |text: &str| {
            !text.is_empty()
                && text.len() <= 80
                && text.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        };
        Filters(
            keys.iter()
                .filter_map(|key| get(key).filter(|value| slug_like(value)).map(|value| (key.to_string(), value)))
                .collect(),
        )
    }

    pub fn get(&self, key: &str) -> Option<&str> {
        self.0.iter().find(|(known, _)| known == key).map(|(_, value)| value.as_str())
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// `loai=ke-hoach&nam=2023`, and `&trang=N` past the first page.
    pub fn query(&self, page: u32) -> String {
        let mut pairs: Vec<String> = self.0.iter().map(|(key, value)| format!("{key}={value}")).collect();
        if page > 1 {
            pairs.push(format!("{}={page}", super::routes::PAGE_QUERY));
        }
        pairs.join("&")
    }
}

/// What to read for `filters`: the list to walk, and the filters an entry
/// of it must still be checked against.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Plan {
    pub list: String,
    pub remaining: Vec<(String, String)>,
    /// Entries of `list` (from the index); `None` when a filter names a
    /// value the registry does not have (nothing can match).
    pub list_count: Option<u64>,
}

/// The narrowest list for `filters` by the counts of `index`.
pub fn plan(filters: &Filters, index: &FacetIndex) -> Plan {
    let mut best: Option<(u64, usize)> = None;
    for (position, (key, slug)) in filters.0.iter().enumerate() {
        let Some(value) = index.value(key, slug) else {
            return Plan { list: list_name(key, slug), remaining: Vec::new(), list_count: None };
        };
        if best.is_none_or(|(count, _)| value.count < count) {
            best = Some((value.count, position));
        }
    }
    match best {
        None => Plan { list: ALL_LIST.into(), remaining: Vec::new(), list_count: Some(index.total_items) },
        Some((count, position)) => {
            let (key, slug) = &filters.0[position];
            let remaining =
                filters.0.iter().enumerate().filter(|(at, _)| *at != position).map(|(_, pair)| pair.clone());
            Plan { list: list_name(key, slug), remaining: remaining.collect(), list_count: Some(count) }
        }
    }
}

/// The most list pages read at once for several filters.
pub const MOST_PAGES_AT_ONCE: u32 = 12;

/// How many pages of `plan`'s list to read at once to find `wanted`
/// entries that match its other filters, by the index's counts: each other
/// filter keeps about its value's share of the registry, so a page of
/// `per_page` holds about `per_page` times their product. At least one
/// page, at most [`MOST_PAGES_AT_ONCE`]: a first version read one page,
/// then four at a time, and waited for three or four round trips
/// (p95 370 ms at 20 000 documents: README, "Nhiệm vụ KH&CN").
pub fn pages_at_once(plan: &Plan, index: &FacetIndex, wanted: usize, per_page: usize) -> u32 {
    let total = index.total_items.max(1) as f64;
    let share: f64 = plan
        .remaining
        .iter()
        .map(|(key, slug)| index.value(key, slug).map_or(0.0, |value| value.count as f64 / total))
        .product();
    let expected_per_page = per_page as f64 * share;
    if expected_per_page <= 0.0 {
        return MOST_PAGES_AT_ONCE;
    }
    let pages = (wanted.max(1) as f64 / expected_per_page).ceil();
    pages.clamp(1.0, f64::from(MOST_PAGES_AT_ONCE)) as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index() -> FacetIndex {
        let text = r#"{"version":1,"total_items":100,"facets":[
            {"key":"loai","name":"Loại","values":[{"slug":"ke-hoach","name":"Kế hoạch","count":40},{"slug":"quyet-dinh","name":"Quyết định","count":60}]},
            {"key":"nam","name":"Năm","values":[{"slug":"2023","name":"2023","count":12}]}]}"#;
        parse_facets("bộ lọc", text, 10_000).unwrap()
    }

    #[test]
    fn filters_are_read_in_the_facets_order_and_odd_values_dropped() {
        let query = |key: &str| match key {
            "nam" => Some("2023".to_string()),
            "loai" => Some("ke-hoach".to_string()),
            "co-quan" => Some("<script>".to_string()),
            _ => None,
        };
        let filters = Filters::read(&["loai", "co-quan", "nam"], query);
        assert_eq!(filters.query(1), "loai=ke-hoach&nam=2023");
        assert_eq!(filters.query(3), "loai=ke-hoach&nam=2023&trang=3");
        assert_eq!(filters.get("nam"), Some("2023"));
    }

    #[test]
    fn the_narrowest_list_is_walked_and_the_other_filters_checked() {
        let index = index();
        let none = plan(&Filters::default(), &index);
        assert_eq!((none.list.as_str(), none.list_count), (ALL_LIST, Some(100)));
        let both = Filters(vec![("loai".into(), "ke-hoach".into()), ("nam".into(), "2023".into())]);
        let chosen = plan(&both, &index);
        assert_eq!(chosen.list, "nam-2023");
        assert_eq!(chosen.remaining, [("loai".to_string(), "ke-hoach".to_string())]);
        let unknown = plan(&Filters(vec![("loai".into(), "khong-co".into())]), &index);
        assert_eq!(unknown.list_count, None);
    }

    #[test]
    fn enough_pages_are_read_at_once_for_the_other_filters_share() {
        let index = index();
        // nam=2023 (12 of 100) walked, loai=ke-hoach (40 of 100) checked:
        // a page of 20 holds about 8 matches, so 20 wanted take 3 pages.
        let both = Filters(vec![("loai".into(), "ke-hoach".into()), ("nam".into(), "2023".into())]);
        let chosen = plan(&both, &index);
        assert_eq!(pages_at_once(&chosen, &index, 20, 20), 3);
        assert_eq!(pages_at_once(&chosen, &index, 1, 20), 1);
        assert_eq!(pages_at_once(&chosen, &index, 1000, 20), MOST_PAGES_AT_ONCE);
    }

    #[test]
    fn a_broken_index_names_the_field() {
        let error = parse_facets("bộ lọc", r#"{"facets":[{"key":"x","name":"X"}],"total_items":1}"#, 1000).unwrap_err();
        assert!(error.english().contains("facets[0].values"), "{}", error.english());
    }
}
