//! The pages drawn from the department's structured description
//! (core::agency): which one an address names, its heading, and its body as
//! HTML. The builder draws them natively into the document's `pages`
//! (docs/formats/agency.md), so that the app only finds its page and
//! sanitises it: drawn in the wasm, these pages cost 12 KB brotli
//! (measured), found and sanitised, a tenth of that.

use super::agency::{Agency, Contact, Link, Person, Unit, UnitKind};
use super::markup::escape;
use super::routes;
use super::sections::Section;

/// One page of the department's own.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Part {
    Overview,
    Functions,
    Organisation,
    Unit(String),
    Leaders,
    Spokesperson,
    Contact,
    Links,
    Procedures,
    Access,
    English,
    SiteMap,
}

/// The "Giới thiệu" pages, as the overview and the site map list them.
pub const ABOUT_PARTS: [Part; 4] = [Part::Functions, Part::Organisation, Part::Leaders, Part::Spokesperson];
/// The pages beside "Giới thiệu".
pub const OTHER_PARTS: [Part; 6] =
    [Part::Contact, Part::Links, Part::Procedures, Part::Access, Part::English, Part::SiteMap];

impl Part {
    /// The part an address names (the router's base may stand before it);
    /// `None` for an address under `/gioi-thieu` that names nothing.
    pub fn from_path(path: &str) -> Option<Part> {
        let path = path.split(['?', '#']).next().unwrap_or_default();
        let segments: Vec<&str> = path.split('/').filter(|segment| !segment.is_empty()).collect();
        let start = segments.iter().rposition(|segment| ROOTS.contains(segment))?;
        Some(match &segments[start..] {
            ["gioi-thieu"] => Part::Overview,
            ["gioi-thieu", "chuc-nang-nhiem-vu"] => Part::Functions,
            ["gioi-thieu", "co-cau-to-chuc"] => Part::Organisation,
            ["gioi-thieu", "co-cau-to-chuc", slug] => Part::Unit(slug.to_string()),
            ["gioi-thieu", "lanh-dao-so"] => Part::Leaders,
            ["gioi-thieu", "nguoi-phat-ngon"] => Part::Spokesperson,
            ["lien-he"] => Part::Contact,
            ["lien-ket"] => Part::Links,
            ["thu-tuc-hanh-chinh"] => Part::Procedures,
            ["tiep-can-thong-tin"] => Part::Access,
            ["en"] => Part::English,
            ["so-do-cong"] => Part::SiteMap,
            _ => return None,
        })
    }

    pub fn route(&self) -> String {
        match self {
            Part::Overview => routes::ABOUT.into(),
            Part::Unit(slug) => routes::unit(slug),
            Part::Contact => routes::CONTACT.into(),
            Part::Links => routes::LINKS.into(),
            Part::Procedures => routes::PROCEDURES.into(),
            Part::Access => routes::ACCESS.into(),
            Part::English => routes::ENGLISH.into(),
            Part::SiteMap => routes::SITE_MAP.into(),
            other => format!("{}/{}", routes::ABOUT, other.segment()),
        }
    }

    fn segment(&self) -> &'static str {
        match self {
            Part::Functions => "chuc-nang-nhiem-vu",
            Part::Organisation | Part::Unit(_) => "co-cau-to-chuc",
            Part::Leaders => "lanh-dao-so",
            Part::Spokesperson => "nguoi-phat-ngon",
            _ => "",
        }
    }

    /// The page's heading (a unit's is its name, given by the caller).
    pub fn heading(&self) -> &'static str {
        match self {
            Part::Overview => "Giới thiệu",
            Part::Functions => "Chức năng, nhiệm vụ",
            Part::Organisation | Part::Unit(_) => "Cơ cấu tổ chức",
            Part::Leaders => "Lãnh đạo Sở",
            Part::Spokesperson => "Người phát ngôn",
            Part::Contact => "Liên hệ",
            Part::Links => "Liên kết website",
            Part::Procedures => "Thủ tục hành chính",
            Part::Access => "Tiếp cận thông tin",
            Part::English => "About us",
            Part::SiteMap => "Sơ đồ cổng",
        }
    }

    /// The language of the page's text.
    pub fn lang(&self) -> &'static str {
        if *self == Part::English {
            "en"
        } else {
            "vi"
        }
    }

    /// Whether the page belongs under "Giới thiệu" in the breadcrumb.
    pub fn under_about(&self) -> bool {
        matches!(self, Part::Functions | Part::Organisation | Part::Unit(_) | Part::Leaders | Part::Spokesperson)
    }

    /// Whether the page lists the categories (the site map does).
    pub fn needs_sections(&self) -> bool {
        *self == Part::SiteMap
    }
}

const ROOTS: [&str; 7] =
    ["gioi-thieu", "lien-he", "lien-ket", "thu-tuc-hanh-chinh", "tiep-can-thong-tin", "en", "so-do-cong"];

/// The heading and body (without the heading) of `part`, or `None` when
/// the address names no page (an unknown unit). `href` turns a route into
/// a link's address. The document's rich text is put in as it is: the
/// page is sanitised where it is drawn.
pub fn page_body(
    agency: &Agency,
    part: &Part,
    sections: &[Section],
    href: &dyn Fn(&str) -> String,
) -> Option<(String, String)> {
    let mut out = Body { html: String::new(), href };
    let heading = match part {
        Part::Unit(slug) => agency.unit(slug)?.name.clone(),
        Part::English => agency.name_en.clone(),
        other => other.heading().to_string(),
    };
    out.breadcrumb(part);
    if let (Some(note), false) = (&agency.note, *part == Part::English) {
        out.html(&format!("<p class=\"agency-note\">{}</p>", escape(note)));
    }
    match part {
        Part::Overview => out.overview(agency),
        Part::Functions => out.rich(&agency.functions_html),
        Part::Organisation => out.chart(agency),
        Part::Unit(slug) => out.unit(agency.unit(slug)?),
        Part::Leaders => agency.leaders.iter().for_each(|leader| out.person(leader, true)),
        Part::Spokesperson => match &agency.spokesperson {
            Some(person) => out.person(person, false),
            None => out.html("<p>Sở chưa công bố người phát ngôn.</p>"),
        },
        Part::Contact => out.contact(agency),
        Part::Links => out.links(&agency.links, false),
        Part::Procedures => out.links(&agency.procedures, true),
        Part::Access => out.access(agency),
        Part::English => out.english(agency),
        Part::SiteMap => out.site_map(agency, sections),
    }
    Some((heading, out.html))
}

/// Every page of the description: (route, heading, language, body).
pub fn every_page(
    agency: &Agency,
    sections: &[Section],
    href: &dyn Fn(&str) -> String,
) -> Vec<(String, String, &'static str, String)> {
    let units = agency.units.iter().map(|unit| Part::Unit(unit.slug.clone()));
    let parts = [Part::Overview].into_iter().chain(ABOUT_PARTS).chain(units).chain(OTHER_PARTS);
    parts
        .filter_map(|part| {
            let (heading, html) = page_body(agency, &part, sections, href)?;
            Some((part.route(), heading, part.lang(), html))
        })
        .collect()
}

struct Body<'h> {
    html: String,
    href: &'h dyn Fn(&str) -> String,
}

impl Body<'_> {
    fn html(&mut self, html: &str) {
        self.html.push_str(html);
    }

    fn rich(&mut self, html: &str) {
        self.html.push_str(html);
    }

    fn link(&self, route: &str, label: &str) -> String {
        format!("<a href=\"{}\">{}</a>", escape(&(self.href)(route)), escape(label))
    }

    /// Where the page stands: home, and "Giới thiệu" above its sub-pages.
    fn breadcrumb(&mut self, part: &Part) {
        let home = if *part == Part::English { "Home" } else { "Trang chủ" };
        // A paragraph, not a <nav>: the sanitiser keeps neither <nav> nor
        // its label, and a landmark without a name would be worse.
        let mut html = format!("<p class=\"breadcrumb\">{}", self.link(routes::HOME, home));
        if part.under_about() {
            html.push_str(&format!(" › {}", self.link(routes::ABOUT, "Giới thiệu")));
        }
        if let Part::Unit(_) = part {
            html.push_str(&format!(" › {}", self.link(routes::ORGANISATION, "Cơ cấu tổ chức")));
        }
        self.html(&(html + "</p>"));
    }

    fn overview(&mut self, agency: &Agency) {
        if let Some(intro) = &agency.intro {
            self.html(&format!("<p class=\"agency-intro\">{}</p>", escape(intro)));
        }
        let mut list = String::from("<ul class=\"agency-parts\">");
        for part in ABOUT_PARTS.iter().chain(&OTHER_PARTS[..4]) {
            list.push_str(&format!("<li>{}</li>", self.link(&part.route(), part.heading())));
        }
        self.html(&(list + "</ul>"));
        if let Some(person) = &agency.spokesperson {
            self.html("<h2>Người phát ngôn</h2>");
            self.person(person, false);
        }
        self.html("<h2>Liên hệ</h2>");
        self.html(&contact_list(&agency.contact, CONTACT_VI));
    }

    fn chart(&mut self, agency: &Agency) {
        let mut html = String::from("<ul class=\"org-chart\"><li><strong>Ban Giám đốc</strong><ul>");
        for leader in &agency.leaders {
            html.push_str(&format!("<li>{}: {}</li>", escape(&leader.title), escape(&leader.name)));
        }
        html.push_str("</ul><ul>");
        for (kind, label) in
            [(UnitKind::Office, "Các phòng chuyên môn, nghiệp vụ"), (UnitKind::Subordinate, "Các đơn vị trực thuộc")]
        {
            html.push_str(&format!("<li><strong>{label}</strong><ul>"));
            for unit in agency.units.iter().filter(|unit| unit.kind == kind) {
                html.push_str(&format!("<li>{}</li>", self.link(&routes::unit(&unit.slug), &unit.name)));
            }
            html.push_str("</ul></li>");
        }
        self.html(&(html + "</ul></li></ul>"));
    }

    fn unit(&mut self, unit: &Unit) {
        if let Some(head) = &unit.head {
            self.html(&format!("<p><strong>Người đứng đầu:</strong> {}</p>", escape(head)));
        }
        self.html(&contact_list(&unit.contact, CONTACT_VI));
        if let Some(tasks) = &unit.tasks_html {
            self.html("<h2>Chức năng, nhiệm vụ</h2>");
            self.rich(tasks);
        }
        self.html(&format!("<p>{}</p>", self.link(routes::ORGANISATION, "← Cơ cấu tổ chức")));
    }

    fn person(&mut self, person: &Person, with_photo: bool) {
        let mut html = String::from("<section class=\"person\">");
        if let (true, Some(photo)) = (with_photo, &person.photo) {
            html.push_str(&format!(
                "<img class=\"person-photo\" src=\"{}\" alt=\"Ảnh {}\" width=\"120\" height=\"150\" loading=\"lazy\">",
                escape(photo),
                escape(&person.name)
            ));
        }
        html.push_str(&format!(
            "<div><h2 class=\"person-name\">{}</h2><p class=\"person-title\">{}</p>",
            escape(&person.name),
            escape(&person.title)
        ));
        if let Some(duties) = &person.duties {
            html.push_str(&format!("<p><strong>Phụ trách:</strong> {}</p>", escape(duties)));
        }
        html.push_str(&contact_list(&person.contact, CONTACT_VI));
        self.html(&(html + "</div></section>"));
    }

    fn contact(&mut self, agency: &Agency) {
        self.html(&format!("<p><strong>{}</strong></p>", escape(&agency.name)));
        self.html(&contact_list(&agency.contact, CONTACT_VI));
        self.map(agency, "Bản đồ vị trí trụ sở Sở", "Xem trên bản đồ trực tuyến");
        if let Some(person) = &agency.spokesperson {
            self.html("<h2>Người phát ngôn</h2>");
            self.person(person, false);
        }
    }

    fn map(&mut self, agency: &Agency, alt: &str, open: &str) {
        if let Some(image) = &agency.map_image {
            self.html(&format!(
                "<figure class=\"agency-map\"><img src=\"{}\" alt=\"{alt}\" width=\"640\" height=\"400\" loading=\"lazy\"></figure>",
                escape(image)
            ));
        }
        if let Some(url) = &agency.map_url {
            self.html(&format!("<p><a href=\"{}\" rel=\"noopener\">{open}</a></p>", escape(url)));
        }
    }

    fn links(&mut self, links: &[Link], procedures: bool) {
        let mut html = String::from(if procedures {
            "<table class=\"agency-table\"><thead><tr><th scope=\"col\">Tên thủ tục</th><th scope=\"col\">Lĩnh vực</th><th scope=\"col\">Cấp thực hiện</th></tr></thead><tbody>"
        } else {
            "<ul class=\"agency-links\">"
        });
        for link in links {
            let anchor = format!("<a href=\"{}\" rel=\"noopener\">{}</a>", escape(&link.url), escape(&link.name));
            let cell = |text: &Option<String>| escape(text.as_deref().unwrap_or("—"));
            html.push_str(&if procedures {
                format!("<tr><td>{anchor}</td><td>{}</td><td>{}</td></tr>", cell(&link.field), cell(&link.level))
            } else {
                format!(
                    "<li>{anchor}{}</li>",
                    link.field.as_ref().map_or(String::new(), |f| format!(" <span>({})</span>", escape(f)))
                )
            });
        }
        self.html(&(html + if procedures { "</tbody></table>" } else { "</ul>" }));
    }

    fn access(&mut self, agency: &Agency) {
        self.html("<h2>Thông tin Sở công khai trên cổng</h2><ul class=\"agency-links\">");
        for item in &agency.published {
            let link = self.link(&item.url, &item.name);
            self.html(&format!("<li>{link}</li>"));
        }
        self.html("</ul><h2>Yêu cầu cung cấp thông tin</h2>");
        if let Some(request) = &agency.request_html {
            self.rich(request);
        }
        if let Some(person) = &agency.spokesperson {
            self.person(person, false);
        }
    }

    fn english(&mut self, agency: &Agency) {
        let paragraphs =
            |texts: &[String]| texts.iter().map(|text| format!("<p>{}</p>", escape(text))).collect::<String>();
        self.html(&paragraphs(&agency.about_en));
        self.html(&format!("<h2>Functions and tasks</h2>{}", paragraphs(&agency.functions_en)));
        let mut html = String::from("<h2>Organisation</h2><ul class=\"agency-links\"><li>Board of Directors</li>");
        for unit in &agency.units {
            let name = unit.name_en.as_ref().unwrap_or(&unit.name);
            html.push_str(&format!("<li>{}</li>", escape(name)));
        }
        self.html(&(html + "</ul><h2>Contact</h2>"));
        let contact =
            Contact { address: agency.address_en.clone().or(agency.contact.address.clone()), ..agency.contact.clone() };
        self.html(&contact_list(&contact, CONTACT_EN));
        self.map(agency, "Map of the Department's office", "Open the location on an online map");
        if let Some(person) = &agency.spokesperson {
            self.html(&format!(
                "<h2>Spokesperson</h2><p lang=\"vi\">{}, {}</p>",
                escape(&person.name),
                escape(&person.title)
            ));
            self.html(&contact_list(&person.contact, CONTACT_EN));
        }
        let vietnamese = escape(&(self.href)(routes::ABOUT));
        self.html(&format!("<p><a href=\"{vietnamese}\" lang=\"vi\" hreflang=\"vi\">Tiếng Việt: Giới thiệu</a></p>"));
    }

    fn site_map(&mut self, agency: &Agency, sections: &[Section]) {
        let mut html = String::from("<ul class=\"site-map\">");
        html.push_str(&format!("<li>{}</li>", self.link(routes::HOME, "Trang chủ")));
        html.push_str(&format!("<li>{}<ul>", self.link(routes::ABOUT, "Giới thiệu")));
        for part in &ABOUT_PARTS {
            html.push_str(&format!("<li>{}", self.link(&part.route(), part.heading())));
            if *part == Part::Organisation {
                html.push_str("<ul>");
                for unit in &agency.units {
                    html.push_str(&format!("<li>{}</li>", self.link(&routes::unit(&unit.slug), &unit.name)));
                }
                html.push_str("</ul>");
            }
            html.push_str("</li>");
        }
        html.push_str("</ul></li>");
        for section in sections {
            html.push_str(&format!("<li>{}<ul>", self.link(&routes::section(&section.slug), &section.name)));
            for category in &section.categories {
                html.push_str(&format!("<li>{}</li>", self.link(&routes::category(&category.slug, 1), &category.name)));
            }
            html.push_str("</ul></li>");
        }
        let others = [
            (routes::SCHEDULE, "Lịch công tác tuần"),
            (routes::EPISODES, "Chuyên mục KH&CN"),
            (routes::SEARCH, "Tìm kiếm"),
        ];
        for (route, label) in others {
            html.push_str(&format!("<li>{}</li>", self.link(route, label)));
        }
        for part in &OTHER_PARTS {
            html.push_str(&format!("<li>{}</li>", self.link(&part.route(), part.heading())));
        }
        self.html(&(html + "</ul>"));
    }
}

/// Labels of a contact list: address, phone, email.
const CONTACT_VI: [&str; 3] = ["Địa chỉ", "Điện thoại", "Thư điện tử"];
const CONTACT_EN: [&str; 3] = ["Address", "Phone", "Email"];

/// The given ways of reaching someone, as a definition list; the phone and
/// the email are links a phone can follow.
fn contact_list(contact: &Contact, labels: [&str; 3]) -> String {
    let mut html = String::from("<dl class=\"contact-list\">");
    let mut row = |label: &str, value: String| html.push_str(&format!("<dt>{label}</dt><dd>{value}</dd>"));
    if let Some(address) = &contact.address {
        row(labels[0], escape(address));
    }
    if let Some(phone) = &contact.phone {
        let dial: String = phone.chars().filter(|c| c.is_ascii_digit() || *c == '+').collect();
        row(labels[1], format!("<a href=\"tel:{dial}\">{}</a>", escape(phone)));
    }
    if let Some(email) = &contact.email {
        row(labels[2], format!("<a href=\"mailto:{0}\">{0}</a>", escape(email)));
    }
    html + "</dl>"
}
