//! Sources of a science and technology tasks registry: the shipped sample
//! (the tasks the sample news tells of, such as the medicinal-plant gene
//! conservation task, each linked to those articles, then made-up tasks in
//! every status) and synthetic registries of any size for scale tests. An
//! accepted task gets a small real PDF of its summary report
//! (`pdf::text_pdf`) under `content/tep/nhiem-vu/`.
//!
//! Every name, person, sum and result here is made up, and every file says
//! so; only the subjects and dates of the sample news are taken from it.

use crate::pdf::text_pdf;
use portal_core::date::Date;
use std::fmt::Write as _;
use std::fs;
use std::io;
use std::path::Path;

const KINDS: [&str; 4] = ["Đề tài", "Dự án sản xuất thử nghiệm", "Đề án", "Dự án KH&CN"];
const HOSTS: [&str; 5] = [
    "Trung tâm Nghiên cứu, Chuyển giao Công nghệ và Đổi mới sáng tạo",
    "Trường Đại học mẫu A",
    "Viện nghiên cứu mẫu B",
    "Sở Nông nghiệp và Môi trường Quảng Trị",
    "Công ty cổ phần mẫu C",
];
const LEADERS: [&str; 5] = [
    "TS. Nguyễn Văn E (mẫu)",
    "ThS. Trần Thị G (mẫu)",
    "PGS.TS. Lê Văn H (mẫu)",
    "ThS. Phạm Thị K (mẫu)",
    "KS. Hoàng Văn L (mẫu)",
];
/// Subjects with the sector they belong to.
const SUBJECTS: [(&str, &str); 10] = [
    ("Ứng dụng tiến bộ kỹ thuật trong sản xuất rau an toàn", "Nông nghiệp"),
    ("Nghiên cứu giải pháp nâng cao chất lượng nước sinh hoạt nông thôn", "Khoa học tự nhiên"),
    ("Xây dựng cơ sở dữ liệu di tích lịch sử văn hoá", "Khoa học xã hội và nhân văn"),
    ("Nghiên cứu đặc điểm sinh học một số loài cá bản địa", "Khoa học tự nhiên"),
    ("Ứng dụng công nghệ thông tin trong quản lý hồ sơ bệnh án", "Y dược"),
    ("Phát triển sản phẩm OCOP từ nông sản địa phương", "Nông nghiệp"),
    ("Đánh giá tác động của biến đổi khí hậu đến vùng ven biển", "Khoa học tự nhiên"),
    ("Nghiên cứu chế biến sâu sản phẩm từ cây sắn", "Kỹ thuật và công nghệ"),
    ("Xây dựng mô hình du lịch cộng đồng gắn với bảo tồn văn hoá", "Khoa học xã hội và nhân văn"),
    ("Ứng dụng trí tuệ nhân tạo trong dự báo sâu bệnh hại cây trồng", "Kỹ thuật và công nghệ"),
];
const RATINGS: [&str; 3] = ["Xuất sắc", "Khá", "Đạt"];

/// One task to write.
struct Spec {
    id: String,
    code: String,
    name: String,
    level: &'static str,
    kind: &'static str,
    sector: &'static str,
    host: &'static str,
    leader: &'static str,
    /// (year, month) of the first and last month.
    start: (i32, u32),
    end: (i32, u32),
    funding: u64,
    province_funding: Option<u64>,
    selecting: bool,
    acceptance: Option<(&'static str, Date)>,
    transferred: Option<Date>,
    results: Option<String>,
    applied_at: Option<String>,
    note: String,
    news: Vec<&'static str>,
}

/// Writes `count` tasks' sources into `content/nhiem-vu/` and the accepted
/// ones' report PDFs into `content/tep/nhiem-vu/`; with `sample`, the
/// tasks of the sample news come first. Returns the bytes written.
pub fn write_nhiem_vu_content(content: &Path, count: usize, sample: bool) -> io::Result<u64> {
    fs::create_dir_all(content.join("nhiem-vu"))?;
    fs::create_dir_all(content.join("tep/nhiem-vu"))?;
    let mut specs = if sample { sample_tasks() } else { Vec::new() };
    let mut n = 0_usize;
    while specs.len() < count {
        specs.push(generated(n, sample));
        n += 1;
    }
    let mut bytes = 0;
    for spec in &specs {
        let pdf = spec.acceptance.is_some().then(|| (format!("tep/nhiem-vu/{}.pdf", spec.id), pdf_of(spec)));
        if let Some((name, pdf)) = &pdf {
            fs::write(content.join(name), pdf)?;
            bytes += pdf.len() as u64;
        }
        let yaml = yaml_of(spec, pdf.as_ref().map(|(name, _)| name.as_str()));
        fs::write(content.join(format!("nhiem-vu/{}.yml", spec.id)), &yaml)?;
        bytes += yaml.len() as u64;
    }
    Ok(bytes)
}

fn day(year: i32, month: u32, day: u32) -> Date {
    Date::new(year, month, day).expect("a real day")
}

/// A task of the sample news: subject, dates and articles from the news;
/// the rest made up.
#[allow(clippy::too_many_arguments)]
fn from_news(
    id: &str,
    code: &str,
    name: &str,
    (level, kind, sector): (&'static str, &'static str, &'static str),
    start: (i32, u32),
    end: (i32, u32),
    funding: u64,
    news: &[&'static str],
) -> Spec {
    Spec {
        id: id.into(),
        code: code.into(),
        name: name.into(),
        level,
        kind,
        sector,
        host: HOSTS[0],
        leader: LEADERS[news.len() % LEADERS.len()],
        start,
        end,
        funding,
        province_funding: Some(funding / 10 * 8),
        selecting: false,
        acceptance: None,
        transferred: None,
        results: None,
        applied_at: None,
        note: "Nhiệm vụ mẫu: tên và mốc thời gian theo tin bài mẫu của cổng; mã số, kinh phí, chủ nhiệm và kết quả \
               là nội dung mẫu, không có thật."
            .into(),
        news: news.to_vec(),
    }
}

fn sample_tasks() -> Vec<Spec> {
    let province = ("Tỉnh", "Đề tài", "Y dược");
    let mut gene = from_news(
        "bao-ton-nguon-gen-cay-duoc-lieu",
        "ĐTKH.07/23",
        "Bảo tồn nguồn gen một số cây dược liệu quý trên địa bàn tỉnh Quảng Trị",
        province,
        (2023, 10),
        (2027, 3),
        1_250_000_000,
        &["1013", "1024", "802"],
    );
    gene.results = Some("Đang điều tra, thu thập mẫu giống và xây dựng vườn lưu giữ (nội dung mẫu).".into());
    let mut rice = from_news(
        "chon-tao-giong-lua-chiu-man",
        "ĐTKH.03/20",
        "Nghiên cứu chọn tạo giống lúa chịu mặn cho vùng ven biển tỉnh Quảng Trị",
        ("Tỉnh", "Đề tài", "Nông nghiệp"),
        (2020, 1),
        (2022, 6),
        980_000_000,
        &["810", "1024"],
    );
    rice.acceptance = Some(("Khá", day(2022, 9, 20)));
    rice.results = Some(
        "Tuyển chọn được hai dòng lúa chịu mặn có năng suất ổn định trên chân đất nhiễm mặn ven biển.\n\n\
         Xây dựng quy trình canh tác kèm theo (kết quả mẫu)."
            .into(),
    );
    let mut mushroom = from_news(
        "trong-nam-linh-chi-mun-cua",
        "DASX.02/22",
        "Xây dựng mô hình trồng nấm linh chi trên giá thể mùn cưa",
        ("Cơ sở", "Dự án sản xuất thử nghiệm", "Nông nghiệp"),
        (2022, 3),
        (2023, 9),
        450_000_000,
        &["1022"],
    );
    mushroom.acceptance = Some(("Đạt", day(2023, 11, 16)));
    mushroom.transferred = Some(day(2024, 3, 1));
    mushroom.applied_at = Some("Hợp tác xã nông nghiệp mẫu ở huyện Cam Lộ (địa chỉ mẫu).".into());
    let mut coffee = from_news(
        "ban-do-so-vung-trong-ca-phe",
        "ĐTKH.11/22",
        "Ứng dụng bản đồ số quản lý vùng trồng cà phê Khe Sanh",
        ("Tỉnh", "Đề tài", "Kỹ thuật và công nghệ"),
        (2022, 7),
        (2023, 12),
        760_000_000,
        &["1015", "812"],
    );
    coffee.acceptance = Some(("Khá", day(2024, 1, 20)));
    coffee.transferred = Some(day(2024, 6, 10));
    coffee.applied_at = Some("Phòng Nông nghiệp huyện Hướng Hoá; các hợp tác xã cà phê (địa chỉ mẫu).".into());
    let mut compost = from_news(
        "che-pham-sinh-hoc-phu-pham-nong-nghiep",
        "DASX.05/22",
        "Ứng dụng chế phẩm sinh học xử lý phụ phẩm nông nghiệp làm phân bón hữu cơ",
        ("Tỉnh", "Dự án sản xuất thử nghiệm", "Nông nghiệp"),
        (2022, 1),
        (2023, 6),
        620_000_000,
        &["1010"],
    );
    compost.acceptance = Some(("Đạt", day(2023, 7, 15)));
    let mut herb = from_news(
        "trong-che-bien-ca-gai-leo",
        "DAKH.01/20",
        "Xây dựng quy trình trồng và chế biến dược liệu cà gai leo",
        ("Cơ sở", "Dự án KH&CN", "Y dược"),
        (2020, 6),
        (2021, 12),
        380_000_000,
        &["805"],
    );
    herb.acceptance = Some(("Khá", day(2022, 2, 10)));
    herb.transferred = Some(day(2022, 5, 19));
    herb.applied_at = Some("Một hợp tác xã nông nghiệp trong tỉnh (địa chỉ mẫu).".into());
    let mut pepper = from_news(
        "say-ho-tieu-nang-luong-mat-troi",
        "DASX.08/22",
        "Ứng dụng công nghệ sấy năng lượng mặt trời cho sản phẩm hồ tiêu",
        ("Tỉnh", "Dự án sản xuất thử nghiệm", "Kỹ thuật và công nghệ"),
        (2022, 9),
        (2024, 3),
        890_000_000,
        &["1107"],
    );
    pepper.acceptance = Some(("Khá", day(2024, 4, 20)));
    pepper.transferred = Some(day(2024, 7, 4));
    pepper.applied_at = Some("Cơ sở chế biến hồ tiêu ở huyện Vĩnh Linh (địa chỉ mẫu).".into());
    let mut shrimp = from_news(
        "nuoi-tom-the-tuan-hoan",
        "DASX.04/21",
        "Mô hình nuôi tôm thẻ chân trắng trong nhà màng ứng dụng công nghệ tuần hoàn",
        ("Tỉnh", "Dự án sản xuất thử nghiệm", "Nông nghiệp"),
        (2021, 3),
        (2022, 10),
        1_480_000_000,
        &["814"],
    );
    shrimp.acceptance = Some(("Xuất sắc", day(2022, 11, 25)));
    shrimp.transferred = Some(day(2022, 12, 15));
    shrimp.applied_at = Some("Các hộ nuôi tôm ven biển huyện Gio Linh (địa chỉ mẫu).".into());
    let mut selection = from_news(
        "ung-dung-iot-nuoi-trong-thuy-san",
        "ĐTKH.TC.01/27",
        "Ứng dụng Internet vạn vật trong giám sát môi trường nuôi trồng thuỷ sản",
        ("Tỉnh", "Đề tài", "Kỹ thuật và công nghệ"),
        (2027, 3),
        (2028, 12),
        1_100_000_000,
        &["1108"],
    );
    selection.results = None;
    let mut late = from_news(
        "bao-ton-le-hoi-truyen-thong",
        "ĐTKH.TC.02/26",
        "Nghiên cứu bảo tồn và phát huy giá trị lễ hội truyền thống",
        ("Tỉnh", "Đề tài", "Khoa học xã hội và nhân văn"),
        (2026, 10),
        (2028, 3),
        700_000_000,
        &["1108"],
    );
    // Its selection ran past the planned start: the file says so.
    late.selecting = true;
    let mut national = from_news(
        "nong-thon-mien-nui-duoc-lieu",
        "NTMN.12/24",
        "Xây dựng mô hình trồng dược liệu dưới tán rừng (Chương trình nông thôn miền núi)",
        ("Quốc gia", "Dự án KH&CN", "Y dược"),
        (2024, 6),
        (2027, 5),
        4_500_000_000,
        &[],
    );
    national.province_funding = Some(900_000_000);
    national.note = "Nhiệm vụ mẫu, không có thật.".into();
    vec![gene, rice, mushroom, coffee, compost, herb, pepper, shrimp, selection, late, national]
}

/// The `n`-th made-up task: sectors, kinds and levels in turn, starting a
/// few months apart from 2027 back.
fn generated(n: usize, sample: bool) -> Spec {
    let mark = if sample { "mẫu" } else { "tổng hợp" };
    // The sample spreads its tasks over 2018–2027; a synthetic registry
    // starts one every few days, so 5 000 span about 40 years.
    let months_back = if sample { n as i32 * 4 + (n as i32 % 3) } else { n as i32 / 10 };
    let first = 2027 * 12 + 5 - months_back;
    let start = (first.div_euclid(12), first.rem_euclid(12) as u32 + 1);
    let length = 12 + (n % 4) as i32 * 6;
    let last = first + length - 1;
    let end = (last.div_euclid(12), last.rem_euclid(12) as u32 + 1);
    let level = match n % 7 {
        0 => "Quốc gia",
        1 | 4 => "Cơ sở",
        _ => "Tỉnh",
    };
    let funding = (300 + (n as u64 * 137) % 1700) * 1_000_000;
    // Accepted three months after the end, if that is before the day the
    // sample was made; every third accepted task handed over half a year on.
    let accepted = Date::new(end.0, end.1, 20).map(|date| date.add_days(90)).filter(|date| *date < day(2026, 11, 30));
    let acceptance = accepted.map(|date| (RATINGS[n % RATINGS.len()], date));
    let transferred =
        accepted.filter(|_| n.is_multiple_of(3)).map(|date| date.add_days(180)).filter(|d| *d < day(2026, 11, 30));
    let (subject, sector) = SUBJECTS[(n * 3) % SUBJECTS.len()];
    Spec {
        id: format!("{}-nv-{}", if sample { "mau" } else { "th" }, n + 1),
        code: format!("NV.{}/{:02}", n + 1, start.0 % 100),
        name: format!("{subject} ({mark} số {})", n + 1),
        level,
        kind: KINDS[n % KINDS.len()],
        sector,
        host: HOSTS[(n + 1) % HOSTS.len()],
        leader: LEADERS[n % LEADERS.len()],
        start,
        end,
        funding,
        province_funding: (level != "Quốc gia").then_some(funding / 10 * 9),
        selecting: false,
        acceptance,
        transferred,
        results: acceptance.map(|_| format!("Hoàn thành các nội dung đăng ký (kết quả {mark}, không có thật).")),
        applied_at: transferred.map(|_| format!("Đơn vị ứng dụng {mark}")),
        note: format!("Nhiệm vụ {mark}, không có thật."),
        news: Vec::new(),
    }
}

/// YAML text: every string single-quoted (a `'` doubled), so no value is
/// read as anything else.
fn quoted(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}

fn yaml_of(spec: &Spec, pdf: Option<&str>) -> String {
    let mut out = String::new();
    let month = |(year, month): (i32, u32)| format!("{year}-{month:02}");
    let _ = writeln!(out, "code: {}", quoted(&spec.code));
    let _ = writeln!(out, "name: {}", quoted(&spec.name));
    let _ = writeln!(out, "level: {}", quoted(spec.level));
    let _ = writeln!(out, "type: {}", quoted(spec.kind));
    let _ = writeln!(out, "sector: {}", quoted(spec.sector));
    let _ = writeln!(out, "host: {}", quoted(spec.host));
    let _ = writeln!(out, "leader: {}", quoted(spec.leader));
    let _ = writeln!(out, "start: {}\nend: {}", month(spec.start), month(spec.end));
    let _ = writeln!(out, "funding: {}", spec.funding);
    if let Some(province) = spec.province_funding {
        let _ = writeln!(out, "province_funding: {province}");
    }
    if spec.selecting {
        let _ = writeln!(out, "status: dang-tuyen-chon");
    }
    if let Some((rating, date)) = spec.acceptance {
        let _ = writeln!(out, "acceptance:\n  rating: {}\n  date: {date}", quoted(rating));
    }
    if let Some(date) = spec.transferred {
        let _ = writeln!(out, "transferred: {date}");
    }
    for (key, text) in [("results", &spec.results), ("applied_at", &spec.applied_at)] {
        match text {
            // Paragraphs as a literal block, each line indented.
            Some(text) if text.contains('\n') => {
                let _ = writeln!(out, "{key}: |");
                for line in text.lines() {
                    let _ = writeln!(out, "  {line}");
                }
            }
            Some(text) => {
                let _ = writeln!(out, "{key}: {}", quoted(text));
            }
            None => {}
        }
    }
    let _ = writeln!(out, "note: {}", quoted(&spec.note));
    if let Some(pdf) = pdf {
        let _ = writeln!(out, "attachments:\n  - file: /{pdf}\n    name: 'Báo cáo tóm tắt kết quả (PDF)'");
    }
    if !spec.news.is_empty() {
        let _ = writeln!(out, "news:");
        for id in &spec.news {
            let _ = writeln!(out, "  - '{id}'");
        }
    }
    out
}

fn pdf_of(spec: &Spec) -> Vec<u8> {
    let lines = vec![
        spec.name.clone(),
        format!("Ma so: {}", spec.code),
        spec.host.to_string(),
        String::new(),
        "BAO CAO TOM TAT KET QUA".to_string(),
        spec.results.clone().unwrap_or_default(),
        String::new(),
        "NHIEM VU MAU - noi dung khong co that.".to_string(),
        spec.note.clone(),
    ];
    text_pdf(&spec.name, &lines)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::media::tempdir::TempContent;

    #[test]
    fn the_sample_reads_back_through_the_builders_own_reader() {
        let dir = TempContent::new();
        write_nhiem_vu_content(dir.path(), 24, true).unwrap();
        dir.assert_each_reads_back("nhiem-vu", 24, crate::source::nhiem_vu::read_task);
    }
}
