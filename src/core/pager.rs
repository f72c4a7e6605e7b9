//! Which page numbers a list of archive pages shows.
//!
//! A category's first page lists every page of its archive, so that any of
//! them is one plain link away (for readers without JavaScript and for
//! crawlers); an archive page lists the first and last pages and a few
//! around itself.

/// One entry of a page list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PageEntry {
    Page(u32),
    /// "…": pages left out between two shown ones.
    Gap,
}

/// How many pages either side of the current one a window shows.
const WINDOW: u32 = 2;

/// Pages 1 to `total`, all of them when `every_page`, otherwise the first,
/// the last, and `current` with its neighbours, with gaps between.
pub fn page_entries(current: u32, total: u32, every_page: bool) -> Vec<PageEntry> {
    let shown = |page: u32| every_page || page == 1 || page == total || page.abs_diff(current) <= WINDOW;
    let mut entries = Vec::new();
    for page in 1..=total {
        if shown(page) {
            entries.push(PageEntry::Page(page));
        } else if entries.last() != Some(&PageEntry::Gap) {
            entries.push(PageEntry::Gap);
        }
    }
    entries
}

#[cfg(test)]
mod tests {
    use super::PageEntry::{Gap, Page};
    use super::*;

    #[test]
    fn every_page_lists_them_all() {
        assert_eq!(page_entries(1, 4, true), [Page(1), Page(2), Page(3), Page(4)]);
        assert_eq!(page_entries(1, 1250, true).len(), 1250);
    }

    #[test]
    fn a_window_keeps_the_ends_and_the_neighbours() {
        assert_eq!(
            page_entries(7, 20, false),
            [Page(1), Gap, Page(5), Page(6), Page(7), Page(8), Page(9), Gap, Page(20)]
        );
        assert_eq!(page_entries(2, 5, false), [Page(1), Page(2), Page(3), Page(4), Page(5)]);
        assert_eq!(page_entries(20, 20, false), [Page(1), Gap, Page(18), Page(19), Page(20)]);
    }

    #[test]
    fn nothing_for_no_pages() {
        assert!(page_entries(1, 0, false).is_empty());
    }
}
