//! A Vietnamese test archive with real phrases, names and places, written in
//! every way the portal meets text: both tone placements (hoà/hòa, thuỷ/thủy,
//! uỷ/ủy), decomposed (NFD) letters, capitals; and a brute-force matcher that
//! reads every document, against which the index is checked.
#![allow(dead_code)]

use portal_search::terms::{MAX_PREFIX, MAX_QUERY_SYLLABLES};
use portal_search::text::{decompose, syllables, Syllable};
use portal_search::writer::year_of;
use portal_search::Doc;

pub const PHRASES: &[&str] = &[
    "cải cách hành chính",
    "chuyển đổi số",
    "khoa học và công nghệ",
    "đổi mới sáng tạo",
    "sở hữu trí tuệ",
    "tiêu chuẩn đo lường chất lượng",
    "an toàn bức xạ",
    "nghiệm thu đề tài",
    "hội đồng khoa học",
    "chuyển giao công nghệ",
    "doanh nghiệp khởi nghiệp",
    "nông nghiệp công nghệ cao",
    "giống lúa mới",
    "dược liệu quý",
    "cây hồ tiêu",
    "cà phê Khe Sanh",
    "nuôi trồng thủy sản",
    "thủ tục trực tuyến",
    "dịch vụ công",
    "hòa bình",
    "ủy ban nhân dân",
    "thủy lợi",
    "hội thảo khoa học",
    "tập huấn kỹ thuật",
    "Techfest Quảng Trị",
    "Sáng kiến cải tiến",
    "phòng thí nghiệm",
    "kiểm định phương tiện đo",
    "nhãn hiệu chứng nhận",
    "chỉ dẫn địa lý",
    "năng lượng tái tạo",
    "điện mặt trời",
    "trí tuệ nhân tạo",
    "dữ liệu mở",
    "an ninh mạng",
    "thanh tra chuyên ngành",
    "quỹ phát triển khoa học",
    "đề án khuyến nông",
    "mô hình trình diễn",
    "nhà màng thông minh",
    "chuẩn đo lường quốc gia",
    "lịch công tác tuần",
];
pub const NAMES: &[&str] = &[
    "Nguyễn Văn Hùng",
    "Lê Thị Hoà",
    "Trần Quốc Thuỷ",
    "Phạm Minh Đức",
    "Hoàng Thị Thúy",
    "Võ Đình Nghĩa",
    "Đặng Thị Huyền",
    "Bùi Xuân Trường",
    "Đỗ Thanh Hải",
    "Ngô Quang Khải",
    "Hồ Sỹ Đoàn",
    "Lý Thị Ngọc Ánh",
];
pub const PLACES: &[&str] = &[
    "Đà Nẵng",
    "Quảng Trị",
    "Đông Hà",
    "Gio Linh",
    "Hướng Hóa",
    "Triệu Phong",
    "Hải Lăng",
    "Cam Lộ",
    "Vĩnh Linh",
    "Đakrông",
    "Cồn Cỏ",
    "Thừa Thiên Huế",
    "Hà Nội",
    "thành phố Hồ Chí Minh",
    "Đà Lạt",
];
pub const VERBS: &[&str] = &[
    "triển khai",
    "tổ chức",
    "kiểm tra",
    "đánh giá",
    "hướng dẫn",
    "phối hợp",
    "tổng kết",
    "công bố",
    "ký kết",
    "làm việc với",
    "khảo sát",
    "hỗ trợ",
];
pub const CATEGORIES: &[(&str, &str)] = &[
    ("tin-hoat-dong", "Tin hoạt động"),
    ("cai-cach-hanh-chinh", "Cải cách hành chính"),
    ("khoa-hoc-cong-nghe", "Khoa học công nghệ"),
    ("tieu-chuan-do-luong", "Tiêu chuẩn – Đo lường"),
    ("so-huu-tri-tue", "Sở hữu trí tuệ"),
];

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn pick<'a>(&mut self, list: &[&'a str]) -> &'a str {
        list[(self.next() % list.len() as u64) as usize]
    }
}

/// Old tone placement (hòa, thủy, ủy) into new (hoà, thuỷ, uỷ) and back.
pub fn other_placement(text: &str) -> String {
    let pairs = [
        ("òa", "oà"),
        ("óa", "oá"),
        ("ỏa", "oả"),
        ("õa", "oã"),
        ("ọa", "oạ"),
        ("òe", "oè"),
        ("óe", "oé"),
        ("ủy", "uỷ"),
        ("úy", "uý"),
        ("ùy", "uỳ"),
        ("ũy", "uỹ"),
        ("ụy", "uỵ"),
        ("Óa", "Oá"),
        ("Ủy", "Uỷ"),
    ];
    let mut out = text.to_string();
    let old_first = pairs.iter().any(|(old, _)| text.contains(old));
    for (old, new) in pairs {
        out = if old_first { out.replace(old, new) } else { out.replace(new, old) };
    }
    out
}

/// An article's body: 300 to 1 000 syllables of the phrases above in
/// sentences, with names, places, dates ("18/5", "năm 2021") and document
/// codes ("Kế hoạch số 65/KH-UBND"), one paragraph a line.
fn body(rng: &mut Rng) -> String {
    let target = 300 + (rng.next() % 700) as usize;
    let mut text = String::new();
    let mut syllables = 0;
    while syllables < target {
        let sentence = match rng.next() % 5 {
            0 => format!(
                "Ngày {}/{}, {} {} {} tại {}.",
                1 + rng.next() % 28,
                1 + rng.next() % 12,
                rng.pick(NAMES),
                rng.pick(VERBS),
                rng.pick(PHRASES),
                rng.pick(PLACES)
            ),
            1 => format!(
                "Theo Kế hoạch số {}/KH-UBND năm {}, đơn vị {} {} và {}.",
                10 + rng.next() % 190,
                2015 + rng.next() % 10,
                rng.pick(VERBS),
                rng.pick(PHRASES),
                rng.pick(PHRASES)
            ),
            2 => format!("Chứng nhận ISO {} cho {} ở {}.", 9001 + rng.next() % 3, rng.pick(PHRASES), rng.pick(PLACES)),
            _ => format!(
                "Các đơn vị {} {}, {} và {} trong thời gian tới.",
                rng.pick(VERBS),
                rng.pick(PHRASES),
                rng.pick(PHRASES),
                rng.pick(PHRASES)
            ),
        };
        syllables += sentence.split(' ').count();
        text.push_str(&sentence);
        text.push(if rng.next().is_multiple_of(4) { '\n' } else { ' ' });
    }
    text
}

/// `count` articles, oldest first, one every ~20 hours from 2015.
pub fn corpus(count: usize, seed: u64) -> Vec<Doc> {
    let mut rng = Rng(seed);
    let mut docs = Vec::with_capacity(count);
    let mut when = 1_420_070_400i64; // 2015-01-01
    for n in 1..=count {
        when += 36_000 + (rng.next() % 72_000) as i64;
        let mut title = format!(
            "{} {} {} tại {}",
            rng.pick(&["Sở", "Huyện", "Trung tâm", "Viện", "Hội đồng"]),
            rng.pick(VERBS),
            rng.pick(PHRASES),
            rng.pick(PLACES)
        );
        let mut summary = format!(
            "Ông {} cho biết đơn vị đã {} {} và {}; bà {} đề nghị {} {} năm {}. Quyết định số {}/QĐ-UBND.",
            rng.pick(NAMES),
            rng.pick(VERBS),
            rng.pick(PHRASES),
            rng.pick(PHRASES),
            rng.pick(NAMES),
            rng.pick(VERBS),
            rng.pick(PHRASES),
            2015 + rng.next() % 10,
            100 + rng.next() % 900
        );
        let mut body = body(&mut rng);
        // The ways text arrives: other tone placement, NFD, capitals, no accents.
        match rng.next() % 10 {
            0 => title = other_placement(&title),
            1 => summary = other_placement(&summary),
            2 => title = decompose(&title),
            3 => summary = decompose(&summary),
            4 => title = title.to_uppercase(),
            // Typed without accents (as some editors do): the same words, inexact.
            5 => title = portal_search::text::fold(&title),
            6 => summary = portal_search::text::fold(&summary),
            7 => body = decompose(&other_placement(&body)),
            _ => {}
        }
        let (slug, name) = CATEGORIES[(rng.next() % CATEGORIES.len() as u64) as usize];
        docs.push(Doc {
            id: n.to_string(),
            title,
            summary,
            tags: vec![rng.pick(PHRASES).to_string()],
            author: format!("{}, {}", rng.pick(NAMES), rng.pick(PLACES)),
            body,
            category_slug: slug.into(),
            category_name: name.into(),
            published: when,
            source: 0,
        });
    }
    docs
}

/// An article's text as a reader reads it: every field, as written.
pub fn text_of(doc: &Doc) -> String {
    format!("{}\n{}\n{}\n{}\n{}", doc.title, doc.summary, doc.tags.join("\n"), doc.author, doc.body)
}

/// An article's words: folded, and accented (tone placement aside).
pub struct Words {
    pub folded: std::collections::HashSet<String>,
    pub accented: std::collections::HashSet<String>,
}

pub fn words_of(doc: &Doc) -> std::rc::Rc<Words> {
    thread_local! {
        static CACHE: std::cell::RefCell<std::collections::HashMap<(String, String, usize), std::rc::Rc<Words>>> =
            Default::default();
    }
    let key = (doc.id.clone(), doc.title.clone(), doc.summary.len() + doc.body.len());
    if let Some(found) = CACHE.with(|c| c.borrow().get(&key).cloned()) {
        return found;
    }
    let all = syllables(&text_of(doc));
    let words = std::rc::Rc::new(Words {
        folded: all.iter().map(|s| s.folded.clone()).collect(),
        accented: all.iter().map(|s| s.accented.clone()).collect(),
    });
    CACHE.with(|c| c.borrow_mut().insert(key, words.clone()));
    words
}

/// The reader's rule, read straight from the article's text: every complete
/// folded syllable of the query occurs somewhere in it, in any order, and
/// when typing (no space after the last, of at most 8 letters) a syllable
/// starts with the last one.
pub fn brute_match(doc: &Doc, query: &str, typing: bool) -> bool {
    let all = syllables(query);
    let words: Vec<&Syllable> = all.iter().take(MAX_QUERY_SYLLABLES).collect();
    if words.is_empty() {
        return false;
    }
    let prefix = typing
        && query.trim_end().len() == query.len()
        && words.last().unwrap().folded.chars().count() <= MAX_PREFIX
        && all.len() <= MAX_QUERY_SYLLABLES;
    let complete = &words[..words.len() - usize::from(prefix)];
    let text = words_of(doc);
    if !complete.iter().all(|w| text.folded.contains(&w.folded)) {
        return false;
    }
    !prefix || text.folded.iter().any(|s| s.starts_with(words.last().unwrap().folded.as_str()))
}

/// Whether `doc` has every accented word of the query with the same accents
/// (tone placement aside).
pub fn exact_match(doc: &Doc, query: &str) -> bool {
    let text = words_of(doc);
    syllables(query).iter().filter(|w| w.marked).all(|w| text.accented.contains(&w.accented))
}

pub fn brute(docs: &[Doc], query: &str, typing: bool, category: Option<&str>, year: Option<i32>) -> Vec<String> {
    let mut ids: Vec<String> = docs
        .iter()
        .filter(|d| category.is_none_or(|c| d.category_slug == c))
        .filter(|d| year.is_none_or(|y| year_of(d.published) == y))
        .filter(|d| brute_match(d, query, typing))
        .map(|d| d.id.clone())
        .collect();
    ids.sort();
    ids
}
