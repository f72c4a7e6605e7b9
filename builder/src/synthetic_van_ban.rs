//! Sources of a legal documents registry: the shipped sample (every type,
//! the seed's Kế hoạch 65/KH-UBND, a chain of replaced documents, drafts
//! open for comment) and synthetic registries of any size for scale tests.
//! Each document gets a small real PDF (`pdf::text_pdf`) under
//! `content/tep/van-ban/`, as the office would upload the signed text.
//!
//! Everything but the number, date and issuer of 65/KH-UBND (which the
//! seed article cites) is made up, and every file says so.

use crate::pdf::text_pdf;
use portal_core::date::Date;
use std::fmt::Write as _;
use std::fs;
use std::io;
use std::path::Path;

const KINDS: [(&str, &str); 8] = [
    ("Quyết định", "QĐ"),
    ("Kế hoạch", "KH"),
    ("Thông báo", "TB"),
    ("Công văn", "SKHCN-VP"),
    ("Chỉ thị", "CT"),
    ("Báo cáo", "BC"),
    ("Hướng dẫn", "HD"),
    ("Tờ trình", "TTr"),
];
const ISSUERS: [(&str, &str); 4] = [
    ("UBND tỉnh Quảng Trị", "UBND"),
    ("Sở Khoa học và Công nghệ Quảng Trị", "SKHCN"),
    ("HĐND tỉnh Quảng Trị", "HĐND"),
    ("Bộ Khoa học và Công nghệ", "BKHCN"),
];
const SECTORS: [&str; 6] = [
    "Khoa học và công nghệ",
    "Tiêu chuẩn đo lường chất lượng",
    "Sở hữu trí tuệ",
    "Chuyển đổi số",
    "An toàn bức xạ và hạt nhân",
    "Cải cách hành chính",
];
const SUBJECTS: [&str; 10] = [
    "triển khai nhiệm vụ khoa học và công nghệ cấp tỉnh",
    "kiểm tra nhà nước về đo lường đối với phương tiện đo nhóm 2",
    "hỗ trợ doanh nghiệp đăng ký bảo hộ nhãn hiệu",
    "chuyển đổi số trong hoạt động của Sở",
    "bảo đảm an toàn bức xạ trong y tế",
    "cải cách hành chính và nâng cao chỉ số PAR INDEX",
    "phát triển thị trường khoa học và công nghệ",
    "quản lý chất lượng sản phẩm, hàng hoá trên địa bàn tỉnh",
    "khởi nghiệp đổi mới sáng tạo",
    "ứng dụng trí tuệ nhân tạo trong quản lý nhà nước",
];
const SIGNERS: [&str; 4] = ["Nguyễn Văn A (mẫu)", "Trần Thị B (mẫu)", "Lê Văn C (mẫu)", "Phạm Thị D (mẫu)"];

/// One document to write.
struct Spec {
    id: String,
    kind: &'static str,
    number: Option<String>,
    issuer: &'static str,
    issued: Date,
    effective: Option<Date>,
    expires: Option<Date>,
    summary: String,
    signer: Option<&'static str>,
    sector: &'static str,
    note: String,
    replaces: Vec<String>,
    amends: Vec<String>,
    draft: Option<(Date, &'static str)>,
}

/// Writes `count` documents' sources into `content/van-ban/` and their
/// PDFs into `content/tep/van-ban/`; with `sample`, the shipped sample's
/// special documents come first. Returns the bytes written.
pub fn write_van_ban_content(content: &Path, count: usize, sample: bool) -> io::Result<u64> {
    fs::create_dir_all(content.join("van-ban"))?;
    fs::create_dir_all(content.join("tep/van-ban"))?;
    let mut specs = if sample { special_documents() } else { Vec::new() };
    let mut n = 0_usize;
    while specs.len() < count {
        specs.push(generated(n, sample));
        n += 1;
    }
    let mut bytes = 0;
    for spec in &specs {
        let pdf = pdf_of(spec);
        let pdf_name = format!("tep/van-ban/{}.pdf", spec.id);
        fs::write(content.join(&pdf_name), &pdf)?;
        let yaml = yaml_of(spec, &pdf_name);
        fs::write(content.join(format!("van-ban/{}.yml", spec.id)), &yaml)?;
        bytes += (pdf.len() + yaml.len()) as u64;
    }
    Ok(bytes)
}

fn day(year: i32, month: u32, day: u32) -> Date {
    Date::new(year, month, day).expect("a real day")
}

fn special_documents() -> Vec<Spec> {
    let plan = Spec {
        id: "2023-65-kh-ubnd".into(),
        kind: "Kế hoạch",
        number: Some("65/KH-UBND".into()),
        issuer: "UBND tỉnh Quảng Trị",
        issued: day(2023, 3, 28),
        effective: Some(day(2023, 3, 28)),
        expires: Some(day(2024, 3, 31)),
        summary: "Kế hoạch kiểm tra công tác cải cách hành chính năm 2023 trên địa bàn tỉnh Quảng Trị".into(),
        signer: Some(SIGNERS[0]),
        sector: "Cải cách hành chính",
        note: "Số, ngày và cơ quan ban hành theo bài viết của Sở; trích yếu, người ký và tệp đính kèm là nội dung mẫu."
            .into(),
        replaces: vec![],
        amends: vec![],
        draft: None,
    };
    let chain = |id: &str, number: &str, year: i32, replaces: Option<&str>| Spec {
        id: id.into(),
        kind: "Quyết định",
        number: Some(number.into()),
        issuer: "UBND tỉnh Quảng Trị",
        issued: day(year, 6, 15),
        effective: Some(day(year, 7, 1)),
        expires: None,
        summary: "Ban hành Quy định quản lý nhiệm vụ khoa học và công nghệ sử dụng ngân sách nhà nước tỉnh Quảng Trị"
            .into(),
        signer: Some(SIGNERS[1]),
        sector: "Khoa học và công nghệ",
        note: "Văn bản mẫu: một chuỗi văn bản thay thế nhau, không có thật.".into(),
        replaces: replaces.map(String::from).into_iter().collect(),
        amends: vec![],
        draft: None,
    };
    let mut amending = chain("2025-05-qd-ubnd", "05/2025/QĐ-UBND", 2025, None);
    amending.replaces.clear();
    amending.amends = vec!["2024-18-qd-ubnd".into()];
    amending.summary = "Sửa đổi, bổ sung một số điều của Quy định quản lý nhiệm vụ khoa học và công nghệ".into();
    let draft = |id: &str, kind: &'static str, deadline: Date, summary: &str| Spec {
        id: id.into(),
        kind,
        number: None,
        issuer: "Sở Khoa học và Công nghệ Quảng Trị",
        issued: deadline.add_days(-45),
        effective: None,
        expires: None,
        summary: summary.into(),
        signer: None,
        sector: "Khoa học và công nghệ",
        note: "Dự thảo mẫu, không có thật.".into(),
        replaces: vec![],
        amends: vec![],
        draft: Some((deadline, "Phòng Quản lý khoa học, Sở Khoa học và Công nghệ, 204 Hùng Vương, Đông Hà")),
    };
    vec![
        plan,
        chain("2016-12-qd-ubnd", "12/2016/QĐ-UBND", 2016, None),
        chain("2020-21-qd-ubnd", "21/2020/QĐ-UBND", 2020, Some("2016-12-qd-ubnd")),
        chain("2024-18-qd-ubnd", "18/2024/QĐ-UBND", 2024, Some("2020-21-qd-ubnd")),
        amending,
        draft(
            "du-thao-quy-che-sang-kien-2027",
            "Quyết định",
            day(2027, 1, 15),
            "Dự thảo Quy chế xét công nhận sáng kiến cấp tỉnh (lấy ý kiến góp ý)",
        ),
        draft(
            "du-thao-ke-hoach-chuyen-doi-so-2027",
            "Kế hoạch",
            day(2026, 12, 31),
            "Dự thảo Kế hoạch chuyển đổi số ngành khoa học và công nghệ giai đoạn 2026–2030",
        ),
        draft(
            "du-thao-huong-dan-do-luong-2026",
            "Hướng dẫn",
            day(2026, 10, 30),
            "Dự thảo Hướng dẫn kiểm định phương tiện đo nhóm 2 (đã hết hạn góp ý)",
        ),
    ]
}

/// The `n`-th made-up document: types, issuers and sectors in turn, a few
/// days apart from 2026 back.
fn generated(n: usize, sample: bool) -> Spec {
    let (kind, kind_code) = KINDS[n % KINDS.len()];
    let (issuer, issuer_code) = ISSUERS[(n / 3) % ISSUERS.len()];
    // The sample spreads its documents over 2019–2026; a synthetic registry
    // puts two a day, so 20 000 span about 27 years, as a real one would.
    let back = if sample { n as i64 * 11 + (n as i64 % 7) } else { n as i64 / 2 };
    let issued = day(2026, 11, 30).add_days(-back);
    let number_in_year = 100 + n % 900;
    let code = if kind_code.contains('-') { kind_code.to_string() } else { format!("{kind_code}-{issuer_code}") };
    let number = format!("{number_in_year}/{code}");
    let subject = SUBJECTS[(n * 7) % SUBJECTS.len()];
    let mark = if sample { "mẫu" } else { "tổng hợp" };
    // Every ninth has reached its end date.
    let expires = (n % 9 == 4).then(|| issued.add_days(365));
    Spec {
        id: format!("{}-{}", issued.year, portal_core::doc_number::fold_number(&number)),
        kind,
        number: Some(number),
        issuer,
        issued,
        effective: Some(issued.add_days(((n % 3) * 10) as i64)),
        expires,
        summary: format!("{kind} về việc {subject} năm {} (văn bản {mark})", issued.year),
        signer: Some(SIGNERS[n % SIGNERS.len()]),
        sector: SECTORS[(n / 2) % SECTORS.len()],
        note: format!("Văn bản {mark}, không có thật."),
        replaces: vec![],
        amends: vec![],
        draft: None,
    }
}

/// YAML text: every string single-quoted (a `'` doubled), so no value is
/// read as anything else.
fn quoted(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}

fn yaml_of(spec: &Spec, pdf: &str) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "type: {}", quoted(spec.kind));
    if let Some(number) = &spec.number {
        let _ = writeln!(out, "number: {}", quoted(number));
    }
    let _ = writeln!(out, "issuer: {}", quoted(spec.issuer));
    let _ = writeln!(out, "issued: {}", spec.issued);
    if let Some(date) = spec.effective {
        let _ = writeln!(out, "effective: {date}");
    }
    if let Some(date) = spec.expires {
        let _ = writeln!(out, "expires: {date}");
    }
    let _ = writeln!(out, "summary: {}", quoted(&spec.summary));
    if let Some(signer) = spec.signer {
        let _ = writeln!(out, "signer: {}", quoted(signer));
    }
    let _ = writeln!(out, "sector: {}", quoted(spec.sector));
    let _ = writeln!(out, "note: {}", quoted(&spec.note));
    for (key, ids) in [("replaces", &spec.replaces), ("amends", &spec.amends)] {
        if !ids.is_empty() {
            let _ = writeln!(out, "{key}:");
            for id in ids {
                let _ = writeln!(out, "  - {id}");
            }
        }
    }
    if let Some((deadline, address)) = spec.draft {
        let _ = writeln!(
            out,
            "draft:\n  deadline: {deadline}\n  email: gopy.skhcn@example.vn\n  address: {}",
            quoted(address)
        );
    }
    let name = match &spec.number {
        Some(number) => format!("Toàn văn {} số {number}", spec.kind),
        None => format!("Toàn văn dự thảo {}", spec.kind),
    };
    let _ = writeln!(out, "attachments:\n  - file: /{pdf}\n    name: {}", quoted(&format!("{name} (PDF)")));
    out
}

fn pdf_of(spec: &Spec) -> Vec<u8> {
    let title = portal_core::van_ban::title_of(spec.kind, spec.number.as_deref());
    let lines = vec![
        title.clone(),
        spec.issuer.to_string(),
        format!("Ngay ban hanh: {}", spec.issued.slashed()),
        String::new(),
        spec.summary.clone(),
        String::new(),
        "VAN BAN MAU - noi dung khong co that.".to_string(),
        spec.note.clone(),
    ];
    text_pdf(&title, &lines)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::media::tempdir::TempContent;

    #[test]
    fn the_sample_reads_back_through_the_builders_own_reader() {
        let dir = TempContent::new();
        write_van_ban_content(dir.path(), 20, true).unwrap();
        dir.assert_each_reads_back("van-ban", 20, crate::source::van_ban::read_van_ban);
    }
}
