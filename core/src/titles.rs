//! Document titles, one pure function for every view.

/// What a view is showing, for its document title.
pub enum TitleOf<'a> {
    Home,
    /// An article still loading, or one whose title is known.
    Article(Option<&'a str>),
    Related(Option<&'a str>),
    Category(Option<&'a str>),
    ScheduleWeek(&'a str),
    /// Every section ("Danh mục"), or one by name.
    Sections(Option<&'a str>),
    /// The search page, with the query when there is one.
    Search(&'a str),
    /// The page that lists the RSS and Atom feeds.
    Feeds,
    /// The legal documents registry, with the filters' names when any.
    VanBanList(Option<&'a str>),
    /// One legal document, by its title once known.
    VanBan(Option<&'a str>),
    /// The science and technology tasks registry, with the filters' names.
    NhiemVuList(Option<&'a str>),
    /// One task, by its name once known.
    NhiemVu(Option<&'a str>),
    /// A page of the department's own, by its heading.
    Agency(&'a str),
    NotFound,
}

/// "Đoàn Kiểm tra … - Sở Khoa học và Công nghệ Quảng Trị".
pub fn page_title(of: TitleOf<'_>, site_short_name: &str) -> String {
    let subject = match of {
        TitleOf::Home => return format!("Trang chủ - {site_short_name}"),
        TitleOf::Article(Some(title)) => title.to_string(),
        TitleOf::Article(None) => "Chi tiết tin".to_string(),
        TitleOf::Related(Some(title)) => format!("Tin liên quan: {title}"),
        TitleOf::Related(None) => "Tin liên quan".to_string(),
        TitleOf::Category(Some(name)) => name.to_string(),
        TitleOf::Category(None) => "Chuyên mục".to_string(),
        TitleOf::ScheduleWeek(heading) => match heading.strip_prefix("Tuần ") {
            Some(rest) => format!("Lịch công tác tuần {rest}"),
            None => format!("Lịch công tác: {heading}"),
        },
        TitleOf::Sections(Some(name)) => name.to_string(),
        TitleOf::Sections(None) => "Danh mục".to_string(),
        TitleOf::Search(query) if query.trim().is_empty() => "Tìm kiếm".to_string(),
        TitleOf::Search(query) => format!("Tìm kiếm: {}", query.trim()),
        TitleOf::Feeds => "Tin RSS".to_string(),
        TitleOf::VanBanList(None) => "Văn bản".to_string(),
        TitleOf::VanBanList(Some(filters)) => format!("Văn bản: {filters}"),
        TitleOf::VanBan(Some(title)) => title.to_string(),
        TitleOf::VanBan(None) => "Chi tiết văn bản".to_string(),
        TitleOf::NhiemVuList(None) => "Nhiệm vụ KH&CN".to_string(),
        TitleOf::NhiemVuList(Some(filters)) => format!("Nhiệm vụ KH&CN: {filters}"),
        TitleOf::NhiemVu(Some(name)) => name.to_string(),
        TitleOf::NhiemVu(None) => "Chi tiết nhiệm vụ".to_string(),
        TitleOf::NotFound => "Không tìm thấy trang".to_string(),
        TitleOf::Agency(heading) => heading.to_string(),
    };
    format!("{subject} - {site_short_name}")
}

#[cfg(test)]
mod tests {
    use super::*;

    const SITE: &str = "Sở Khoa học và Công nghệ Quảng Trị";

    #[test]
    fn every_view_has_its_own_title() {
        assert_eq!(page_title(TitleOf::Home, SITE), "Trang chủ - Sở Khoa học và Công nghệ Quảng Trị");
        assert_eq!(
            page_title(TitleOf::Article(Some("Đoàn Kiểm tra")), SITE),
            "Đoàn Kiểm tra - Sở Khoa học và Công nghệ Quảng Trị"
        );
        assert_eq!(page_title(TitleOf::Article(None), SITE), "Chi tiết tin - Sở Khoa học và Công nghệ Quảng Trị");
        assert_eq!(
            page_title(TitleOf::Related(Some("A")), SITE),
            "Tin liên quan: A - Sở Khoa học và Công nghệ Quảng Trị"
        );
        assert_eq!(
            page_title(TitleOf::Category(Some("Tin hoạt động Sở")), SITE),
            "Tin hoạt động Sở - Sở Khoa học và Công nghệ Quảng Trị"
        );
        assert_eq!(
            page_title(TitleOf::ScheduleWeek("Tuần 42 (16/10/2023 – 22/10/2023)"), SITE),
            "Lịch công tác tuần 42 (16/10/2023 – 22/10/2023) - Sở Khoa học và Công nghệ Quảng Trị"
        );
        assert_eq!(page_title(TitleOf::NotFound, SITE), "Không tìm thấy trang - Sở Khoa học và Công nghệ Quảng Trị");
        assert_eq!(page_title(TitleOf::VanBanList(None), SITE), "Văn bản - Sở Khoa học và Công nghệ Quảng Trị");
        assert_eq!(
            page_title(TitleOf::NhiemVuList(Some("Y dược")), SITE),
            "Nhiệm vụ KH&CN: Y dược - Sở Khoa học và Công nghệ Quảng Trị"
        );
        assert_eq!(page_title(TitleOf::NhiemVu(None), SITE), "Chi tiết nhiệm vụ - Sở Khoa học và Công nghệ Quảng Trị");
        assert_eq!(
            page_title(TitleOf::VanBanList(Some("Kế hoạch, 2023")), SITE),
            "Văn bản: Kế hoạch, 2023 - Sở Khoa học và Công nghệ Quảng Trị"
        );
        assert_eq!(
            page_title(TitleOf::VanBan(Some("Kế hoạch số 65/KH-UBND")), SITE),
            "Kế hoạch số 65/KH-UBND - Sở Khoa học và Công nghệ Quảng Trị"
        );
        assert_eq!(page_title(TitleOf::Sections(None), SITE), "Danh mục - Sở Khoa học và Công nghệ Quảng Trị");
        assert_eq!(
            page_title(TitleOf::Sections(Some("Hoạt động KH&CN")), SITE),
            "Hoạt động KH&CN - Sở Khoa học và Công nghệ Quảng Trị"
        );
        assert_eq!(page_title(TitleOf::Feeds, SITE), "Tin RSS - Sở Khoa học và Công nghệ Quảng Trị");
        assert_eq!(page_title(TitleOf::Agency("Liên hệ"), SITE), "Liên hệ - Sở Khoa học và Công nghệ Quảng Trị");
    }
}
