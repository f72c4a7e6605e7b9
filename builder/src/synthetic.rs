//! Synthetic archives of any size, for scale tests: deterministic for a given
//! seed, plainly synthetic in every title and source line, and in exactly the
//! formats the shipped sample uses.

use super::blocks::Block;
use super::model::{Archive, ArticleDef, CategoryDef, Labels};
use portal_core::date::VietnamTime;

/// How large an archive to make, and from which seed.
#[derive(Clone, Copy, Debug)]
pub struct SyntheticOptions {
    pub articles: usize,
    pub seed: u64,
}

/// The newest synthetic article is dated 2024-12-31 17:00 Vietnam time; older
/// ones step back a few hours each, so 100 000 articles span about 25 years.
const NEWEST_UNIX_SECONDS: i64 = 1_735_639_200;

/// Words the synthetic text is drawn from: department vocabulary, so that the
/// text has realistic lengths and diacritics, but no sentence means anything.
const WORDS: &[&str] = &[
    "khoa học",
    "công nghệ",
    "đổi mới",
    "sáng tạo",
    "nhiệm vụ",
    "đề tài",
    "dự án",
    "tiêu chuẩn",
    "đo lường",
    "chất lượng",
    "chuyển giao",
    "ứng dụng",
    "nghiên cứu",
    "hội đồng",
    "nghiệm thu",
    "đánh giá",
    "kết quả",
    "doanh nghiệp",
    "sở hữu trí tuệ",
    "nhãn hiệu",
    "an toàn bức xạ",
    "thanh tra",
    "kiểm định",
    "phương tiện",
    "nông nghiệp",
    "thủy sản",
    "dược liệu",
    "giống cây",
    "mô hình",
    "hội thảo",
    "tập huấn",
    "cải cách",
    "hành chính",
    "thủ tục",
    "trực tuyến",
    "chuyển đổi số",
    "tỉnh",
    "huyện",
    "xã",
    "năm",
    "kế hoạch",
    "triển khai",
    "thực hiện",
    "hiệu quả",
    "phát triển",
    "bền vững",
    "cán bộ",
    "viên chức",
    "người dân",
    "cải cách hành chính",
    "đổi mới sáng tạo",
    "sở hữu trí tuệ",
    "nghiệm thu đề tài",
    "trí tuệ nhân tạo",
    "năng lượng tái tạo",
    "điện mặt trời",
    "nuôi trồng thủy sản",
    "thuỷ lợi",
    "hoà bình",
    "uỷ ban nhân dân",
    "ủy ban nhân dân",
    "chỉ dẫn địa lý",
    "cà phê",
    "hồ tiêu",
    "dịch vụ công",
    "an ninh mạng",
    "phòng thí nghiệm",
    "khởi nghiệp",
];

/// Places and people the synthetic text names: real place names of the
/// province and the country, invented people with common Vietnamese names.
const PLACES: &[&str] = &[
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
    "Huế",
    "Hà Nội",
    "Khe Sanh",
    "Lao Bảo",
    "Cửa Việt",
];
const PEOPLE: &[&str] = &[
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

/// A small, fast, seedable generator (SplitMix64): the archive must be the same
/// for the same seed on every machine, and no crate is needed for that.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, bound: u64) -> u64 {
        self.next() % bound.max(1)
    }

    /// Between `min` and `min + spread - 1` words.
    fn words(&mut self, min: usize, spread: u64) -> String {
        let count = min + self.below(spread) as usize;
        let mut text = String::new();
        for index in 0..count {
            if index > 0 {
                text.push(' ');
            }
            text.push_str(WORDS[self.below(WORDS.len() as u64) as usize]);
        }
        text
    }

    /// A sentence of `min` to `min + spread - 1` words, capitalised, with a full stop.
    fn sentence(&mut self, min: usize, spread: u64) -> String {
        let words = self.words(min, spread);
        let mut chars = words.chars();
        let first: String = chars.next().map(|c| c.to_uppercase().collect()).unwrap_or_default();
        format!("{first}{}.", chars.as_str())
    }
}

/// The synthetic archive's categories: eight, over two sections, five on the home page.
pub fn synthetic_categories() -> Vec<CategoryDef> {
    (1..=8)
        .map(|n| CategoryDef {
            slug: format!("tong-hop-{n}"),
            name: format!("Nhóm tin tổng hợp {n}"),
            section: if n <= 4 { "Mục tổng hợp A" } else { "Mục tổng hợp B" }.to_string(),
            description: format!("Nhóm tin tổng hợp số {n}, do trình sinh lưu trữ tạo ra để thử tải."),
            on_home: n <= 5,
        })
        .collect()
}

/// Makes an archive of `options.articles` synthetic articles, ids "1" (oldest) to "N".
pub fn synthetic_archive(options: SyntheticOptions) -> Archive {
    let categories = synthetic_categories();
    let mut rng = Rng(options.seed);
    let mut articles = Vec::with_capacity(options.articles);
    let mut instant = NEWEST_UNIX_SECONDS;
    for id in (1..=options.articles).rev() {
        articles.push(synthetic_article(&mut rng, id, instant, &categories));
        instant -= 3600 + rng.below(4 * 3600) as i64;
    }
    articles.reverse();
    Archive {
        labels: Labels {
            latest_title: "Tin mới (dữ liệu tổng hợp)".into(),
            title_suffix: " (dữ liệu tổng hợp)".into(),
            description: "Dữ liệu tổng hợp do trình sinh lưu trữ tạo ra để thử tải; không phải tin thật.".into(),
            categories_title: "Chuyên mục (dữ liệu tổng hợp)".into(),
        },
        categories,
        articles,
    }
}

fn synthetic_article(rng: &mut Rng, id: usize, instant: i64, categories: &[CategoryDef]) -> ArticleDef {
    let category = &categories[rng.below(categories.len() as u64) as usize];
    let mut body = Vec::new();
    for paragraph in 0..2 + rng.below(3) {
        if paragraph == 2 && id.is_multiple_of(10) {
            body.push(Block::Heading { level: 2, text: rng.sentence(5, 1) });
            body.push(Block::List { ordered: false, items: (0..3).map(|_| rng.sentence(6, 1)).collect() });
        }
        let sentences: Vec<String> = (0..2 + rng.below(2)).map(|_| rng.sentence(10, 8)).collect();
        body.push(Block::Paragraph(sentences.join(" ")));
    }
    // Related items point back in time, as a CMS's would.
    let related = (0..rng.below(4)).map(|_| id.saturating_sub(1 + rng.below(50) as usize)).filter(|&r| r >= 1);
    let mut related: Vec<String> = related.map(|r| r.to_string()).collect();
    related.dedup();
    ArticleDef {
        id: id.to_string(),
        title: format!(
            "Tin tổng hợp số {id}: {} tại {}",
            rng.words(3, 4),
            PLACES[rng.below(PLACES.len() as u64) as usize]
        ),
        category: category.slug.clone(),
        published: rfc3339_vietnam(instant),
        modified: None,
        summary: format!(
            "Ông {} cho biết {} {} Quyết định số {}/QĐ-UBND năm {}.",
            PEOPLE[rng.below(PEOPLE.len() as u64) as usize],
            PLACES[rng.below(PLACES.len() as u64) as usize],
            rng.sentence(16, 12).to_lowercase(),
            100 + rng.below(900),
            2000 + rng.below(25)
        ),
        body,
        related,
        source: "Dữ liệu tổng hợp – trình sinh lưu trữ".into(),
        tags: vec!["dữ liệu tổng hợp".into()],
        featured: id.is_multiple_of(997),
    }
}

/// "2024-12-31T17:00:00+07:00".
fn rfc3339_vietnam(unix_seconds: i64) -> String {
    let time = VietnamTime::from_unix_seconds(unix_seconds);
    let date = time.date;
    format!("{:04}-{:02}-{:02}T{}:00+07:00", date.year, date.month, date.day, time.clock())
}

#[cfg(test)]
mod tests {
    use super::*;
    use portal_core::date::parse_rfc3339;

    #[test]
    fn same_seed_same_archive_newest_last() {
        let make = |seed| synthetic_archive(SyntheticOptions { articles: 30, seed });
        let (a, b, c) = (make(7), make(7), make(8));
        assert_eq!(
            a.articles.iter().map(|x| &x.title).collect::<Vec<_>>(),
            b.articles.iter().map(|x| &x.title).collect::<Vec<_>>()
        );
        assert_ne!(a.articles[0].title, c.articles[0].title);
        assert_eq!(parse_rfc3339(&a.articles[29].published), Some(NEWEST_UNIX_SECONDS));
        assert!(parse_rfc3339(&a.articles[0].published) < parse_rfc3339(&a.articles[1].published));
    }
}
