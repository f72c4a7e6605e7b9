//! A registry's facets (docs/formats/van-ban.md, nhiem-vu.md): its entries
//! grouped by the value each has for one facet (a sector, a year), each
//! value known by its slug. The legal documents and the tasks group the
//! same way and differ in one thing, said by [`Naming`]: which name a value
//! shows when its entries spell it differently.

use std::collections::BTreeMap;

/// Which of a facet value's spellings names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Naming {
    /// The one most entries use (on a tie, the first in alphabetical
    /// order): the legal documents, whose issuers and sectors are typed
    /// by hand on each document.
    MostSpelled,
    /// The first entry's: the tasks, whose values come from fixed lists.
    First,
}

/// One value of a facet and its entries, in the order they were given.
pub(crate) struct FacetGroup<'a, E> {
    pub slug: String,
    pub name: String,
    pub members: Vec<&'a E>,
}

/// A value's spellings: name → (how many entries use it, when it was first seen).
type Spellings = BTreeMap<String, (usize, usize)>;

/// `entries` grouped by the (slug, name) `value_of` gives each, in the
/// order of the slugs.
pub(crate) fn group_by_value<'a, E>(
    entries: &'a [E],
    value_of: impl Fn(&E) -> (String, String),
    naming: Naming,
) -> Vec<FacetGroup<'a, E>> {
    // slug → (each spelling with its count and first position, entries).
    let mut values: BTreeMap<String, (Spellings, Vec<&E>)> = BTreeMap::new();
    for entry in entries {
        let (slug, name) = value_of(entry);
        let (names, members) = values.entry(slug).or_default();
        let seen = names.len();
        names.entry(name).or_insert((0, seen)).0 += 1;
        members.push(entry);
    }
    values
        .into_iter()
        .map(|(slug, (names, members))| {
            let chosen = match naming {
                Naming::MostSpelled => {
                    names.into_iter().max_by(|a, b| a.1 .0.cmp(&b.1 .0).then_with(|| b.0.cmp(&a.0))).map(|(n, _)| n)
                }
                Naming::First => names.into_iter().min_by_key(|(_, (_, first))| *first).map(|(n, _)| n),
            };
            FacetGroup { slug, name: chosen.unwrap_or_default(), members }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grouped(naming: Naming) -> Vec<(String, String, Vec<u32>)> {
        let entries = [(1, "Sở KH&CN"), (2, "UBND tỉnh"), (3, "Sở Kh&Cn"), (4, "Sở Kh&Cn")];
        let value_of = |entry: &(u32, &str)| (entry.1.to_lowercase(), entry.1.to_string());
        group_by_value(&entries, value_of, naming)
            .into_iter()
            .map(|group| (group.slug, group.name, group.members.iter().map(|entry| entry.0).collect()))
            .collect()
    }

    #[test]
    fn a_value_is_named_by_its_most_spelled_or_its_first_name() {
        let most = grouped(Naming::MostSpelled);
        assert_eq!(most[0], ("sở kh&cn".into(), "Sở Kh&Cn".into(), vec![1, 3, 4]));
        assert_eq!(most[1], ("ubnd tỉnh".into(), "UBND tỉnh".into(), vec![2]));
        assert_eq!(grouped(Naming::First)[0].1, "Sở KH&CN");
    }

    #[test]
    fn a_tie_goes_to_the_first_name_in_alphabetical_order() {
        let entries = ["Nông nghiệp", "nông nghiệp"];
        let groups = group_by_value(&entries, |name| (name.to_lowercase(), name.to_string()), Naming::MostSpelled);
        assert_eq!(groups[0].name, "Nông nghiệp");
    }
}
