//! The head of the department's own pages: title and description from its
//! document, `hreflang` alternates between `/gioi-thieu` and `/en/`, the
//! English page's language, and schema.org `GovernmentOrganization` with
//! its departments and contact points.

use crate::head::{script_safe, short_description, PageMeta};
use crate::store::Store;
use portal::context::Portal;
use portal::core::agency::{parse_agency, Agency, Contact};
use portal::core::agency_pages::Part;
use portal::core::routes;
use portal::core::titles::{page_title, TitleOf};
use serde_json::{json, Value};

pub fn fill(
    meta: &mut PageMeta,
    part: &Part,
    portal: &Portal,
    store: &Store,
    documents: &[(String, std::rc::Rc<str>)],
) {
    let site = &portal.config.site;
    let url = portal.url(&portal.config.sources.agency);
    let agency = documents
        .iter()
        .find(|(known, _)| *known == url)
        .and_then(|(_, text)| parse_agency("thông tin giới thiệu Sở", &url, text).ok());
    let Some(agency) = agency else {
        meta.title = page_title(TitleOf::Agency(part.heading()), &site.short_name);
        return;
    };
    let heading = match part {
        Part::Unit(slug) => agency.unit(slug).map_or(part.heading(), |unit| unit.name.as_str()),
        _ => part.heading(),
    };
    meta.title = match part {
        Part::English => agency.name_en.clone(),
        _ => page_title(TitleOf::Agency(heading), &site.short_name),
    };
    meta.description = match part {
        Part::Overview => agency.intro.clone().unwrap_or_else(|| agency.name.clone()),
        Part::English => agency.about_en.first().cloned().unwrap_or_else(|| agency.name_en.clone()),
        Part::Contact => format!("Địa chỉ, điện thoại, thư điện tử và bản đồ đường đến {}", agency.name),
        _ => format!("{heading} – {}", agency.name),
    };
    meta.description = short_description(&meta.description);
    meta.lang = part.lang();
    let absolute = |route: &str| format!("{}{route}", store.base_url.trim_end_matches('/'));
    if matches!(part, Part::Overview | Part::English) {
        let (vietnamese, english) = (absolute(routes::ABOUT), absolute(routes::ENGLISH));
        meta.alternates =
            vec![("vi".into(), vietnamese.clone()), ("en".into(), english), ("x-default".into(), vietnamese)];
    }
    if matches!(part, Part::Overview | Part::Organisation | Part::Contact | Part::English) {
        let english = *part == Part::English;
        let mut map_image = agency.map_image.clone();
        if let Some(image) = &mut map_image {
            *image = store.absolute(image);
        }
        meta.json_ld =
            Some(script_safe(&organisation(&agency, &absolute(routes::HOME), english, map_image).to_string()));
    }
}

/// schema.org GovernmentOrganization: the department, its units as
/// `department`s, its spokesperson and its own office as `ContactPoint`s.
fn organisation(agency: &Agency, home: &str, english: bool, map: Option<String>) -> Value {
    let contact_point = |kind: &str, contact: &Contact, name: Option<&str>| {
        let mut point =
            json!({ "@type": "ContactPoint", "contactType": kind, "areaServed": "VN", "availableLanguage": ["vi"] });
        for (key, value) in [("telephone", &contact.phone), ("email", &contact.email)] {
            if let Some(value) = value {
                point[key] = json!(value);
            }
        }
        if let Some(name) = name {
            point["name"] = json!(name);
        }
        point
    };
    let mut points =
        vec![contact_point(if english { "customer service" } else { "Văn phòng Sở" }, &agency.contact, None)];
    if let Some(person) = &agency.spokesperson {
        points.push(contact_point(
            if english { "press" } else { "Người phát ngôn" },
            &person.contact,
            Some(&person.name),
        ));
    }
    let departments: Vec<Value> = agency
        .units
        .iter()
        .map(|unit| {
            let name = if english { unit.name_en.as_ref().unwrap_or(&unit.name) } else { &unit.name };
            let mut department = json!({ "@type": "GovernmentOrganization", "name": name });
            if let Some(email) = &unit.contact.email {
                department["email"] = json!(email);
            }
            if let Some(phone) = &unit.contact.phone {
                department["telephone"] = json!(phone);
            }
            department
        })
        .collect();
    let address = if english {
        agency.address_en.as_ref().or(agency.contact.address.as_ref())
    } else {
        agency.contact.address.as_ref()
    };
    let mut document = json!({
        "@context": "https://schema.org",
        "@type": "GovernmentOrganization",
        "name": if english { &agency.name_en } else { &agency.name },
        "alternateName": if english { &agency.name } else { &agency.name_en },
        "url": home,
        "department": departments,
        "contactPoint": points,
    });
    let postal = address.map(|address| json!({ "@type": "PostalAddress", "streetAddress": address, "addressRegion": "Quảng Trị", "addressCountry": "VN" }));
    if let Some(postal) = &postal {
        document["address"] = postal.clone();
    }
    for (key, value) in [("telephone", &agency.contact.phone), ("email", &agency.contact.email)] {
        if let Some(value) = value {
            document[key] = json!(value);
        }
    }
    // schema.org's `hasMap` belongs to a Place, not to an organisation: the
    // office's map goes on the place where it stands (tests/schema_org).
    if let Some(map_url) = &agency.map_url {
        let mut place = json!({ "@type": "Place", "hasMap": map_url });
        if let Some(postal) = postal {
            place["address"] = postal;
        }
        document["location"] = place;
    }
    if let Some(map) = map {
        document["image"] = json!(map);
    }
    document
}
