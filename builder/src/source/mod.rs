//! The sources under `content/`, in the formats of
//! `docs/formats/content-sources.md`: what each file says, checked, with
//! every problem naming its file, line and field.

pub mod agency;
pub mod article;
pub mod categories;
pub mod datetime;
pub mod episodes;
pub mod fields;
pub mod html_out;
pub mod markdown;
mod markdown_media;
pub mod media;
pub mod nhiem_vu;
pub mod problem;
pub mod schedule;
pub mod site;
pub mod svg_check;
pub mod van_ban;
pub mod yaml;

use std::fs;
use std::io;
use std::path::Path;

pub const CATEGORIES_FILE: &str = "chuyen-muc.yml";
pub const SITE_FILE: &str = "thong-tin-chung.yml";
/// The department's own description (source::agency).
pub const AGENCY_FILE: &str = "gioi-thieu.yml";
pub const ARTICLES_DIR: &str = "tin";
pub const SCHEDULE_DIR: &str = "lich-cong-tac";
/// The programme's episodes, one file each (source::episodes).
pub const EPISODES_DIR: &str = "chuyen-muc-khcn";
pub const MEDIA_DIRS: [&str; 2] = ["anh", "tep"];

/// The files of a content folder, each as a path from it ("tin/2023/x.md").
#[derive(Debug, Default)]
pub struct Inventory {
    pub articles: Vec<String>,
    pub weeks: Vec<String>,
    /// The legal documents registry's files ("van-ban/2023-65-kh-ubnd.yml").
    pub van_ban: Vec<String>,
    /// The science and technology tasks' files ("nhiem-vu/bao-ton-gen.yml").
    pub nhiem_vu: Vec<String>,
    pub episodes: Vec<String>,
    pub media: Vec<String>,
}

/// Lists the content folder's sources; hidden files (`.gitkeep`) are skipped.
pub fn inventory(content_dir: &Path) -> io::Result<Inventory> {
    let mut inventory = Inventory::default();
    files_under(content_dir, ARTICLES_DIR, &mut inventory.articles)?;
    files_under(content_dir, SCHEDULE_DIR, &mut inventory.weeks)?;
    files_under(content_dir, van_ban::VAN_BAN_DIR, &mut inventory.van_ban)?;
    files_under(content_dir, nhiem_vu::NHIEM_VU_DIR, &mut inventory.nhiem_vu)?;
    files_under(content_dir, EPISODES_DIR, &mut inventory.episodes)?;
    for dir in MEDIA_DIRS {
        files_under(content_dir, dir, &mut inventory.media)?;
    }
    inventory.articles.sort();
    inventory.weeks.sort();
    inventory.van_ban.sort();
    inventory.nhiem_vu.sort();
    inventory.episodes.sort();
    inventory.media.sort();
    Ok(inventory)
}

fn files_under(root: &Path, dir: &str, out: &mut Vec<String>) -> io::Result<()> {
    let entries = match fs::read_dir(root.join(dir)) {
        Ok(entries) => entries,
        Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(error) => return Err(error),
    };
    for entry in entries {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        let path = format!("{dir}/{name}");
        if entry.file_type()?.is_dir() {
            files_under(root, &path, out)?;
        } else {
            out.push(path);
        }
    }
    Ok(())
}
