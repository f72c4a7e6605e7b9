//! Which other news to show beside an article, and in what order.

use super::feed::{Neighbour, NewsItem};
use super::small_sort::sort_small_by_key;

/// Related news, most related first: the ids the article names itself (in its
/// order), then items of the same category, then the rest, each group by
/// closeness in time to the article. The article itself and repeats are left out.
pub fn rank_related(article: &NewsItem, candidates: &[NewsItem]) -> Vec<NewsItem> {
    let mut ranked = distinct_others(article, candidates);
    sort_small_by_key(&mut ranked, |item| {
        let explicit = article.related.iter().position(|id| *id == item.id).unwrap_or(usize::MAX);
        let distance = (item.published - article.published).unsigned_abs();
        (explicit, !same_category(article, item), distance)
    });
    ranked
}

/// How many items "Tin khác" lists under an article.
pub const OTHER_NEWS_COUNT: usize = 8;

/// "Tin khác" for `article`: the list its own document gives, in that order,
/// when it gives one; otherwise chosen by [`other_news`] from `candidates`.
pub fn shown_other_news(article: &NewsItem, candidates: &[NewsItem], limit: usize) -> Vec<NewsItem> {
    if article.other_news.is_empty() {
        return other_news(article, candidates, limit);
    }
    let mut listed = distinct_others(article, &article.other_news);
    listed.truncate(limit);
    listed
}

/// "Tin khác" chosen by the portal: the named related items first, then the newest of the same
/// category, then the newest of the rest; at most `limit`.
pub fn other_news(article: &NewsItem, candidates: &[NewsItem], limit: usize) -> Vec<NewsItem> {
    let mut ranked = distinct_others(article, candidates);
    sort_small_by_key(&mut ranked, |item| {
        let explicit = article.related.iter().position(|id| *id == item.id).unwrap_or(usize::MAX);
        (explicit, !same_category(article, item), std::cmp::Reverse(item.published))
    });
    ranked.truncate(limit);
    ranked
}

/// The articles of the article's own category just newer and just older
/// than it: `(newer, older)`. The article document's own `neighbours` win,
/// which hold at any depth of the archive; without them they are looked for
/// in `newest_first` (the category's first page first), which finds them
/// only for articles on that page.
pub fn neighbours(article: &NewsItem, newest_first: &[NewsItem]) -> (Option<Neighbour>, Option<Neighbour>) {
    if article.newer.is_some() || article.older.is_some() {
        return (article.newer.clone(), article.older.clone());
    }
    let in_category: Vec<&NewsItem> = newest_first.iter().filter(|item| same_category(article, item)).collect();
    let link = |item: &&NewsItem| Neighbour { id: item.id.clone(), title: item.title.clone() };
    match in_category.iter().position(|item| item.id == article.id) {
        Some(index) => (index.checked_sub(1).map(|i| link(&in_category[i])), in_category.get(index + 1).map(link)),
        None => (None, None),
    }
}

/// The items of page `page` (from 1) when `items` are shown `per_page` at a
/// time, and the number of pages (at least 1).
pub fn paginate<T>(items: &[T], page: u32, per_page: usize) -> (&[T], u32) {
    let per_page = per_page.max(1);
    let pages = items.len().div_ceil(per_page).max(1);
    let start = (page.max(1) as usize - 1).saturating_mul(per_page).min(items.len());
    let end = (start + per_page).min(items.len());
    (&items[start..end], pages as u32)
}

fn same_category(a: &NewsItem, b: &NewsItem) -> bool {
    match (&a.category, &b.category) {
        (Some(a), Some(b)) => a.slug == b.slug,
        _ => false,
    }
}

/// The candidates other than the article, each id once (the first seen).
/// A list scan: there are a few dozen candidates at most.
fn distinct_others(article: &NewsItem, candidates: &[NewsItem]) -> Vec<NewsItem> {
    let mut others: Vec<NewsItem> = Vec::new();
    for item in candidates {
        if item.id != article.id && !others.iter().any(|other| other.id == item.id) {
            others.push(item.clone());
        }
    }
    others
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::feed::Category;

    const DAY: i64 = 86_400;

    fn item(id: &str, category: &str, day: i64) -> NewsItem {
        NewsItem {
            id: id.into(),
            title: format!("Tin {id}"),
            content_text: Some(String::new()),
            published: day * DAY,
            category: Some(Category { slug: category.into(), name: category.into(), section: "S".into() }),
            ..NewsItem::default()
        }
    }

    fn ids(items: &[NewsItem]) -> Vec<&str> {
        items.iter().map(|item| item.id.as_str()).collect()
    }

    #[test]
    fn explicit_then_category_then_time() {
        let mut article = item("a", "x", 100);
        article.related = vec!["far".into(), "other".into()];
        let candidates = [
            item("near-x", "x", 101),
            item("far", "y", 10),
            item("a", "x", 100),
            item("older-x", "x", 90),
            item("other", "y", 300),
            item("near-y", "y", 100),
            item("near-x", "x", 101),
        ];
        assert_eq!(ids(&rank_related(&article, &candidates)), ["far", "other", "near-x", "older-x", "near-y"]);
    }

    #[test]
    fn other_news_prefers_newest_of_the_category() {
        let mut article = item("a", "x", 100);
        article.related = vec!["r".into()];
        let candidates = [item("x1", "x", 50), item("x2", "x", 200), item("y1", "y", 300), item("r", "y", 1)];
        assert_eq!(ids(&other_news(&article, &candidates, 3)), ["r", "x2", "x1"]);
    }

    #[test]
    fn the_documents_own_other_news_win_in_their_order() {
        let mut article = item("a", "x", 100);
        let candidates = [item("x2", "x", 200), item("y1", "y", 300)];
        assert_eq!(ids(&shown_other_news(&article, &candidates, 3)), ["x2", "y1"]);
        article.other_news = vec![item("x0", "x", 10), item("a", "x", 100), item("y9", "y", 90), item("x0", "x", 10)];
        assert_eq!(ids(&shown_other_news(&article, &candidates, 3)), ["x0", "y9"]);
        assert_eq!(ids(&shown_other_news(&article, &candidates, 1)), ["x0"]);
    }

    #[test]
    fn neighbours_in_a_newest_first_list() {
        let list = [item("3", "x", 3), item("y", "y", 2), item("2", "x", 2), item("1", "x", 1)];
        let (newer, older) = neighbours(&list[2], &list);
        assert_eq!((newer.unwrap().id.as_str(), older.unwrap().id.as_str()), ("3", "1"));
        assert_eq!(neighbours(&list[0], &list).0, None);
        assert_eq!(neighbours(&item("9", "x", 9), &list), (None, None));
    }

    #[test]
    fn the_article_documents_own_neighbours_win_at_any_depth() {
        let list = [item("3", "x", 3), item("2", "x", 2)];
        let mut deep = item("9", "x", -100);
        deep.newer = Some(Neighbour { id: "10".into(), title: "Tin 10".into() });
        assert_eq!(neighbours(&deep, &list), (deep.newer.clone(), None));
    }

    #[test]
    fn pagination_bounds() {
        let items: Vec<u32> = (1..=25).collect();
        assert_eq!(paginate(&items, 1, 10), (&items[0..10], 3));
        assert_eq!(paginate(&items, 3, 10), (&items[20..25], 3));
        assert_eq!(paginate(&items, 9, 10).0.len(), 0);
        assert_eq!(paginate::<u32>(&[], 1, 10), (&[][..], 1));
    }
}
