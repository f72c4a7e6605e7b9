//! `content/van-ban/<id>.yml`: one legal document of the registry
//! (content-sources.md, "Legal documents"). What needs other files (the
//! ids it replaces or amends, two files with one number) is checked by
//! `crate::van_ban`.

use super::fields::Fields;
use super::media::resolve;
use super::problem::Problem;
use super::yaml;
use crate::attachment::{read_file_facts, FileFacts};
use portal_core::date::Date;
use portal_core::van_ban::Status;
use std::path::Path;

/// The folder of the registry's sources, under `content/`.
pub const VAN_BAN_DIR: &str = "van-ban";

/// A legal document as its file says, before it meets the others.
#[derive(Clone, Debug, PartialEq)]
pub struct VanBanSource {
    pub id: String,
    pub kind: String,
    pub number: Option<String>,
    pub issuer: String,
    pub issued: Date,
    pub effective: Option<Date>,
    pub expires: Option<Date>,
    /// A status the dates cannot tell (annulled without a date).
    pub stated: Option<Status>,
    pub summary: String,
    pub signer: Option<String>,
    pub sector: String,
    pub note: Option<String>,
    pub attachments: Vec<FileFacts>,
    pub replaces: Vec<String>,
    pub amends: Vec<String>,
    pub draft: Option<DraftSource>,
    /// Lines of `number`, `replaces` and `amends`, for messages about them.
    pub lines: [usize; 3],
}

#[derive(Clone, Debug, PartialEq)]
pub struct DraftSource {
    pub deadline: Date,
    pub email: Option<String>,
    pub address: Option<String>,
}

/// The id of the file `name` ("2023-65-kh-ubnd.yml"), if it is well named:
/// a-z, 0-9 and '-', and not "trang" (the list's pages are `/van-ban/trang/N`).
pub fn id_of_file(name: &str) -> Option<&str> {
    let id = name.strip_suffix(".yml")?;
    let good = !id.is_empty()
        && id != "trang"
        && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !id.starts_with('-');
    good.then_some(id)
}

/// Reads the file `path` (from `content/`, "van-ban/2023-65-kh-ubnd.yml").
pub fn read_van_ban(content_dir: &Path, path: &str, shown: &str, text: &str) -> Result<VanBanSource, Vec<Problem>> {
    let name = path.strip_prefix("van-ban/").filter(|name| !name.contains('/')).unwrap_or(path);
    let Some(id) = id_of_file(name) else {
        let message = "a legal document is content/van-ban/<id>.yml, the id in a-z, 0-9 and '-' (not \"trang\")";
        return Err(vec![Problem::new(shown, 0, "", message)]);
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text).replace("\r\n", "\n");
    let node = yaml::parse(&text, shown, 1).map_err(|problem| vec![problem])?;
    let mut fields = Fields::of(&node, shown, "", "a legal document").map_err(|problem| vec![problem])?;
    let kind = fields.required_text("type");
    let draft = read_draft(&mut fields);
    let number = if draft.is_some() { fields.text("number") } else { fields.required_text("number") };
    let issuer = fields.required_text("issuer");
    let issued = date_field(&mut fields, "issued", true);
    let effective = date_field(&mut fields, "effective", false);
    let expires = date_field(&mut fields, "expires", false);
    if let (Some(expires), Some(start)) = (expires, effective.or(issued)) {
        if expires < start {
            let line = fields.line_of("expires");
            fields.report("expires", line, format!("{expires} is before the document takes effect ({start})"));
        }
    }
    let stated = fields.text("status").and_then(|text| {
        let status = Status::ALL.into_iter().find(|s| s.slug() == text || s.label() == text);
        if status.is_none() {
            let line = fields.line_of("status");
            fields.report(
                "status",
                line,
                format!("\"{text}\": expected het-hieu-luc or con-hieu-luc (the others are derived)"),
            );
        }
        status
    });
    let summary = fields.required_text("summary");
    let signer = fields.text("signer");
    let sector = fields.required_text("sector");
    let note = fields.text("note");
    let lines = [fields.line_of("number"), fields.line_of("replaces"), fields.line_of("amends")];
    let replaces = id_list(&mut fields, "replaces", id);
    let amends = id_list(&mut fields, "amends", id);
    let attachments = read_attachments(&mut fields, content_dir, shown, VAN_BAN_DIR, true);
    let problems = fields.finish();
    match (kind, issuer, issued, summary, sector) {
        (Some(kind), Some(issuer), Some(issued), Some(summary), Some(sector)) if problems.is_empty() => {
            Ok(VanBanSource {
                id: id.to_string(),
                kind,
                number,
                issuer,
                issued,
                effective,
                expires,
                stated,
                summary,
                signer,
                sector,
                note,
                attachments,
                replaces,
                amends,
                draft,
                lines,
            })
        }
        _ => Err(problems),
    }
}

/// `YYYY-MM-DD` (YAML may hand a plain date over as text).
fn date_field(fields: &mut Fields<'_>, key: &str, required: bool) -> Option<Date> {
    let text = if required { fields.required_text(key) } else { fields.text(key) }?;
    let date = Date::parse_iso(&text);
    if date.is_none() {
        let line = fields.line_of(key);
        fields.report(key, line, format!("\"{text}\": expected a day, YYYY-MM-DD (2023-03-28)"));
    }
    date
}

fn id_list(fields: &mut Fields<'_>, key: &str, own: &str) -> Vec<String> {
    let ids = fields.text_list(key);
    if ids.iter().any(|id| id == own) {
        let line = fields.line_of(key);
        fields.report(key, line, "a document does not name itself");
    }
    ids
}

fn read_draft(fields: &mut Fields<'_>) -> Option<DraftSource> {
    let node = fields.take("draft")?;
    // The editor may write the optional group with every field empty.
    let blank = |value: &yaml::Value| match value {
        yaml::Value::Null => true,
        yaml::Value::Text { text, .. } => text.trim().is_empty(),
        _ => false,
    };
    if matches!(&node.value, yaml::Value::Map(entries) if entries.iter().all(|(_, _, value)| blank(&value.value))) {
        return None;
    }
    let line = node.line;
    let mut draft = match Fields::of(&node, fields_file(fields), "draft.", "the call for comments") {
        Ok(draft) => draft,
        Err(problem) => {
            fields.problems.push(problem);
            return None;
        }
    };
    let deadline = date_field(&mut draft, "deadline", true);
    let (email, address) = (draft.text("email"), draft.text("address"));
    if email.is_none() && address.is_none() {
        draft.report("email", line, "a draft says where comments go: an email, an address, or both");
    }
    if let Some(email) = &email {
        if !email.contains('@') || email.contains(char::is_whitespace) {
            let line = draft.line_of("email");
            draft.report("email", line, format!("\"{email}\" is not an email address"));
        }
    }
    let problems = draft.finish();
    let ok = problems.is_empty();
    fields.problems.extend(problems);
    ok.then_some(DraftSource { deadline: deadline?, email, address })
}

fn fields_file<'f>(fields: &Fields<'f>) -> &'f str {
    fields.file()
}

/// `attachments:` — each `{file, name}`: the file under `/tep/`, its size
/// and type read from the file itself; a reference without a leading `/`
/// is from `from_dir`. Shared by the registries (a task's are optional).
pub(crate) fn read_attachments(
    fields: &mut Fields<'_>,
    content_dir: &Path,
    shown: &str,
    from_dir: &str,
    required: bool,
) -> Vec<FileFacts> {
    let line = fields.line_of("attachments");
    let Some(items) = fields.list("attachments") else {
        if required && !fields.problems.iter().any(|p| p.field == "attachments") {
            fields.report("attachments", line, "required: at least one file (the signed text, as a PDF)");
        }
        return Vec::new();
    };
    let mut files = Vec::new();
    for (index, item) in items.iter().enumerate() {
        let prefix = format!("attachments[{index}].");
        let mut entry = match Fields::of(item, shown, &prefix, "a file (`file:` and `name:`)") {
            Ok(entry) => entry,
            Err(problem) => {
                fields.problems.push(problem);
                continue;
            }
        };
        let name = entry.required_text("name");
        if let Some(reference) = entry.required_text("file") {
            let read = resolve(&reference, from_dir, content_dir)
                .and_then(|media| read_file_facts(content_dir, &media.path, name.clone().unwrap_or_default()));
            match read {
                Ok(facts) => files.push(facts),
                Err(why) => {
                    let line = entry.line_of("file");
                    entry.report("file", line, why);
                }
            }
        }
        fields.problems.extend(entry.finish());
    }
    files
}
