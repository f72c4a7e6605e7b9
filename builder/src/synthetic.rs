//! Synthetic archives of any size, for scale tests: deterministic for a given
//! seed, plainly synthetic in every title and source line, and written as
//! content files (`content-sources.md`), so that a scale test goes through
//! the builder exactly as the office's articles do.

use super::blocks::{to_markdown, Block};
use portal_core::date::rfc3339_vietnam;
use std::fs;
use std::io;
use std::path::Path;

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

/// The synthetic archive's categories file: eight, over two sections, five on the home page.
pub fn synthetic_categories() -> String {
    let mut yaml = String::from("sections:\n  - name: Mục tổng hợp A\n  - name: Mục tổng hợp B\ncategories:\n");
    for n in 1..=8 {
        let section = if n <= 4 { "A" } else { "B" };
        yaml.push_str(&format!(
            "  - slug: tong-hop-{n}\n    name: Nhóm tin tổng hợp {n}\n    section: Mục tổng hợp {section}\n    \
             description: Nhóm tin tổng hợp số {n}, do trình sinh lưu trữ tạo ra để thử tải.\n    on_home: {}\n",
            n <= 5
        ));
    }
    yaml
}

/// The site settings of a synthetic archive.
const SITE: &str = "name: Cổng thông tin (dữ liệu tổng hợp)\nowner: Dữ liệu tổng hợp\n\
                    responsible: 'Chịu trách nhiệm: trình sinh lưu trữ'\naddress: 'Địa chỉ: không có'\nphone: 'ĐT: không có'\n";

/// Writes a content folder of `options.articles` synthetic articles, ids
/// "1" (oldest) to "N", under `content_dir`; returns the bytes written.
pub fn write_synthetic_content(options: SyntheticOptions, content_dir: &Path) -> io::Result<u64> {
    fs::create_dir_all(content_dir)?;
    fs::write(content_dir.join("chuyen-muc.yml"), synthetic_categories())?;
    fs::write(content_dir.join("thong-tin-chung.yml"), SITE)?;
    let mut rng = Rng(options.seed);
    let mut instant = NEWEST_UNIX_SECONDS;
    let mut bytes = 0;
    let mut made_dirs = std::collections::HashSet::new();
    for id in (1..=options.articles).rev() {
        let (year, text) = synthetic_article(&mut rng, id, instant);
        let dir = content_dir.join("tin").join(year);
        if made_dirs.insert(year.to_string()) {
            fs::create_dir_all(&dir)?;
        }
        fs::write(dir.join(format!("tong-hop-{id}.md")), &text)?;
        bytes += text.len() as u64;
        instant -= 3600 + rng.below(4 * 3600) as i64;
    }
    Ok(bytes)
}

/// The sample's body vocabulary: (cumulative count, syllable), for drawing
/// syllables at the sample's own frequencies.
fn vocabulary() -> &'static [(u32, &'static str)] {
    static TABLE: std::sync::OnceLock<Vec<(u32, &'static str)>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut total = 0;
        include_str!("synthetic_vocabulary.txt")
            .lines()
            .filter(|line| !line.starts_with('#'))
            .filter_map(|line| line.split_once('\t'))
            .map(|(count, word)| {
                total += count.parse::<u32>().unwrap_or(1);
                (total, word)
            })
            .collect()
    })
}

/// A sentence of `count` syllables drawn at the sample's frequencies, with
/// now and then what real articles name: a place, a person, a date, a
/// document's number, a figure.
fn body_sentence(rng: &mut Rng, count: usize) -> String {
    let table = vocabulary();
    let total = table.last().map_or(1, |(t, _)| *t);
    let mut words: Vec<String> = (0..count)
        .map(|_| {
            let at = rng.below(u64::from(total)) as u32;
            let index = table.partition_point(|(cumulative, _)| *cumulative <= at).min(table.len() - 1);
            table[index].1.to_string()
        })
        .collect();
    let aside = match rng.below(10) {
        0 => format!("tại {}", PLACES[rng.below(PLACES.len() as u64) as usize]),
        1 => format!("đồng chí {}", PEOPLE[rng.below(PEOPLE.len() as u64) as usize]),
        2 => format!("ngày {}/{}/{}", 1 + rng.below(28), 1 + rng.below(12), 2000 + rng.below(25)),
        3 => format!("theo Kế hoạch số {}/KH-UBND", 1 + rng.below(300)),
        4 => format!("đạt {},{} %", rng.below(100), rng.below(10)),
        _ => String::new(),
    };
    if !aside.is_empty() {
        let at = rng.below(words.len() as u64) as usize;
        words.insert(at, aside);
    }
    let text = words.join(" ");
    let mut chars = text.chars();
    let first: String = chars.next().map(|c| c.to_uppercase().collect()).unwrap_or_default();
    format!("{first}{}.", chars.as_str())
}

/// A body of 300 to 1 000 words (syllables) in paragraphs of a few
/// sentences, drawn from the sample's own vocabulary at its frequencies
/// (`synthetic_vocabulary.txt`), with places, people, dates and numbers;
/// every tenth article also has a heading and a list.
fn synthetic_body(rng: &mut Rng, id: usize) -> Vec<Block> {
    // Up to 1 000 with the last sentence's aside (at most 5 words).
    let target = 300 + rng.below(696) as usize;
    let mut body = Vec::new();
    let mut written = 0;
    while written < target {
        if body.len() == 2 && id.is_multiple_of(10) {
            body.push(Block::Heading { level: 2, text: rng.sentence(5, 1) });
            body.push(Block::List { ordered: false, items: (0..3).map(|_| rng.sentence(6, 1)).collect() });
        }
        let mut sentences = Vec::new();
        for _ in 0..3 + rng.below(3) {
            let count = (10 + rng.below(16) as usize).min(target.saturating_sub(written).max(1));
            let sentence = body_sentence(rng, count);
            written += sentence.split_whitespace().count();
            sentences.push(sentence);
            if written >= target {
                break;
            }
        }
        body.push(Block::Paragraph(sentences.join(" ")));
    }
    body
}

/// One article's year folder and its file's text.
fn synthetic_article(rng: &mut Rng, id: usize, instant: i64) -> (&'static str, String) {
    let category = 1 + rng.below(8);
    let body = synthetic_body(rng, id);
    // Related items point back in time, as a CMS's would.
    let related = (0..rng.below(4)).map(|_| id.saturating_sub(1 + rng.below(50) as usize)).filter(|&r| r >= 1);
    let mut related: Vec<usize> = related.collect();
    related.dedup();
    let title =
        format!("Tin tổng hợp số {id}: {} tại {}", rng.words(3, 4), PLACES[rng.below(PLACES.len() as u64) as usize]);
    let summary = format!(
        "Ông {} cho biết {} {} Quyết định số {}/QĐ-UBND năm {}.",
        PEOPLE[rng.below(PEOPLE.len() as u64) as usize],
        PLACES[rng.below(PLACES.len() as u64) as usize],
        rng.sentence(16, 12).to_lowercase(),
        100 + rng.below(900),
        2000 + rng.below(25)
    );
    let date = rfc3339_vietnam(instant);
    let quoted = |text: &str| format!("'{}'", text.replace('\'', "''"));
    let mut front = format!(
        "---\ntitle: {}\ndate: {date}\ncategory: tong-hop-{category}\nsummary: {}\n\
         author: Dữ liệu tổng hợp – trình sinh lưu trữ\ntags:\n  - dữ liệu tổng hợp\n",
        quoted(&title),
        quoted(&summary)
    );
    if id.is_multiple_of(997) {
        front.push_str("featured: true\n");
    }
    if !related.is_empty() {
        front.push_str("related:\n");
        related.iter().for_each(|r| front.push_str(&format!("  - '{r}'\n")));
    }
    front.push_str(&format!("id: '{id}'\n---\n"));
    (YEARS[(date[..4].parse::<usize>().unwrap_or(2000)).clamp(1990, 2030) - 1990], front + &to_markdown(&body))
}

/// Year folders as static names, so 100 000 articles do not allocate them.
const YEARS: [&str; 41] = [
    "1990", "1991", "1992", "1993", "1994", "1995", "1996", "1997", "1998", "1999", "2000", "2001", "2002", "2003",
    "2004", "2005", "2006", "2007", "2008", "2009", "2010", "2011", "2012", "2013", "2014", "2015", "2016", "2017",
    "2018", "2019", "2020", "2021", "2022", "2023", "2024", "2025", "2026", "2027", "2028", "2029", "2030",
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::media::tempdir::TempContent;

    #[test]
    fn same_seed_same_sources_newest_dated_last() {
        let (a, b, c) = (TempContent::new(), TempContent::new(), TempContent::new());
        for (dir, seed) in [(&a, 7), (&b, 7), (&c, 8)] {
            write_synthetic_content(SyntheticOptions { articles: 30, seed }, dir.path()).unwrap();
        }
        let read = |dir: &TempContent, id: usize| {
            let year = if id == 30 { "2024" } else { "" };
            let path = dir.path().join("tin").join(year).join(format!("tong-hop-{id}.md"));
            fs::read_to_string(path).unwrap_or_default()
        };
        assert_eq!(read(&a, 30), read(&b, 30));
        // A body of 300 to 1 000 words, from the sample's vocabulary.
        for id in 1..=30 {
            let path = a.path().join("tin/2024").join(format!("tong-hop-{id}.md"));
            let text = fs::read_to_string(path).unwrap();
            let body = text.rsplit("\n---\n").next().unwrap();
            let words = body.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).count();
            assert!((300..=1_100).contains(&words), "{id}: {words} words");
        }
        assert_ne!(read(&a, 30), read(&c, 30));
        assert!(read(&a, 30).contains("date: 2024-12-31T17:00:00+07:00"), "{}", read(&a, 30));
    }
}
