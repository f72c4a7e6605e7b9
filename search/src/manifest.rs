//! `tim-kiem/manifest.txt`: the one file every query reads first. It lists
//! the segments, the categories and each segment's heavy terms (those in a
//! given share of its articles), so it grows with their number, never with
//! the number of articles.

use crate::codec::shard_of;
use std::collections::BTreeMap;

pub const MANIFEST_HEADER: &str = "portal-search-index 5";

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SegmentInfo {
    pub name: String,
    pub docs: u32,
    pub shards: u32,
    /// Bytes of each article's record in `d.dat` (a fixed stride, so that
    /// article `n`'s is read by one HTTP range, `n·record` on).
    pub record: u32,
    /// All its files' bytes.
    pub bytes: u64,
    /// The recent segment: rewritten by the next publication.
    pub recent: bool,
    /// Its articles are in date order; the first of each year.
    pub years: Vec<(i32, u32)>,
    /// Terms with a file of their own, `h/<n>.bin` for the n-th; sorted.
    pub heavy: Vec<String>,
    /// Prefixes ("nang*") that would have a file of their own but hold
    /// exactly the articles of their heavy syllable ("nang", every accent),
    /// with the same impacts: they are read from its file; sorted.
    pub same: Vec<String>,
}

impl SegmentInfo {
    /// The articles of `year`, as a range of numbers in the segment.
    pub fn year_range(&self, year: i32) -> std::ops::Range<u32> {
        let Some(at) = self.years.iter().position(|&(y, _)| y == year) else { return 0..0 };
        let end = self.years.get(at + 1).map_or(self.docs, |&(_, first)| first);
        self.years[at].1..end
    }

    pub fn is_heavy(&self, term: &str) -> bool {
        self.heavy.binary_search_by(|t| t.as_str().cmp(term)).is_ok()
    }

    /// The term whose postings `term` reads: its syllable's for a prefix
    /// in `same`, else its own.
    pub fn resolve<'t>(&self, term: &'t str) -> &'t str {
        match self.same.binary_search_by(|t| t.as_str().cmp(term)) {
            Ok(_) => term.strip_suffix('*').unwrap_or(term),
            Err(_) => term,
        }
    }

    /// The file that holds `term`: its own, or the shard its key's hash names.
    pub fn term_path(&self, term: &str) -> String {
        let term = self.resolve(term);
        match self.heavy.binary_search_by(|t| t.as_str().cmp(term)) {
            Ok(n) => format!("{}/h/{n}.bin", self.name),
            Err(_) => format!("{}/t/{}.bin", self.name, shard_of(shard_key(term, |t| self.is_heavy(t)), self.shards)),
        }
    }
}

/// What a term's shard is chosen by. A pair ("cai cach") lives with its
/// first syllable ("cai"), or its second when the first has a file of its
/// own: a query fetches its syllables' files anyway, so their pairs, which
/// only rank, come without another request. Any other term: itself.
pub fn shard_key(term: &str, is_heavy: impl Fn(&str) -> bool) -> &str {
    if term.starts_with(['#', '!']) {
        return term;
    }
    match term.split_once(' ') {
        Some((first, _)) if !is_heavy(first) => first,
        Some((_, second)) if !is_heavy(second) => second,
        _ => term,
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Manifest {
    /// slug → name.
    pub categories: BTreeMap<String, String>,
    /// Oldest first; the recent one, if any, last.
    pub segments: Vec<SegmentInfo>,
    /// Articles replaced or deleted since their segment was written.
    pub gone: Vec<(String, u32)>,
    /// Where an article's own document is, relative to `tim-kiem/`, `{id}`
    /// standing for its percent-encoded id: the snippets' bodies.
    pub article_path: Option<String>,
}

impl Manifest {
    pub fn to_text(&self) -> String {
        let mut out = format!("{MANIFEST_HEADER}\n");
        if let Some(path) = &self.article_path {
            out.push_str(&format!("article\t{}\n", path.replace(['\t', '\n', '\r'], "")));
        }
        for (slug, name) in &self.categories {
            let clean = |text: &str| text.replace(['\t', '\n', '\r'], " ");
            out.push_str(&format!("category\t{}\t{}\n", clean(slug), clean(name)));
        }
        for s in &self.segments {
            let years: Vec<String> = s.years.iter().map(|(y, first)| format!("{y}:{first}")).collect();
            out.push_str(&format!(
                "segment\t{}\t{}\t{}\t{}\t{}\t{}\t{}\n",
                s.name,
                s.docs,
                s.shards,
                s.record,
                s.bytes,
                if s.recent { "recent" } else { "fixed" },
                years.join(",")
            ));
        }
        for s in self.segments.iter().filter(|s| !s.heavy.is_empty()) {
            out.push_str(&format!("heavy\t{}\t{}\n", s.name, s.heavy.join("\t")));
        }
        for s in self.segments.iter().filter(|s| !s.same.is_empty()) {
            out.push_str(&format!("same\t{}\t{}\n", s.name, s.same.join("\t")));
        }
        let mut gone: BTreeMap<&str, Vec<String>> = BTreeMap::new();
        for (segment, local) in &self.gone {
            gone.entry(segment).or_default().push(local.to_string());
        }
        for (segment, locals) in gone {
            out.push_str(&format!("gone\t{segment}\t{}\n", locals.join(",")));
        }
        out
    }

    pub fn parse(text: &str) -> Result<Manifest, &'static str> {
        let mut lines = text.lines();
        if lines.next() != Some(MANIFEST_HEADER) {
            return Err("not a search index manifest (version 5)");
        }
        let mut manifest = Manifest::default();
        for line in lines {
            let fields: Vec<&str> = line.split('\t').collect();
            let number = |at: usize| fields.get(at).and_then(|f| f.parse::<u64>().ok()).ok_or("bad number");
            match fields[0] {
                // Only a path under the site, so the worker never fetches elsewhere.
                "article" if fields.len() == 2 => {
                    let path = fields[1];
                    if !path.starts_with("../") || path.contains("://") || !path.contains("{id}") {
                        return Err("bad article path");
                    }
                    manifest.article_path = Some(path.into());
                }
                "category" if fields.len() == 3 => {
                    manifest.categories.insert(fields[1].into(), fields[2].into());
                }
                "segment" if fields.len() == 8 => {
                    let name = fields[1];
                    if name.is_empty() || !name.bytes().all(|b| b.is_ascii_alphanumeric()) {
                        return Err("bad segment name");
                    }
                    let docs = u32::try_from(number(2)?).map_err(|_| "bad number")?;
                    let shards = u32::try_from(number(3)?).map_err(|_| "bad number")?.max(1);
                    // A record holds at least its line break; past 64 KB it is no record.
                    let record = number(4)?;
                    if !(1..=1 << 16).contains(&record) {
                        return Err("bad record size");
                    }
                    let mut years = Vec::new();
                    for pair in fields[7].split(',').filter(|p| !p.is_empty()) {
                        let (y, first) = pair.split_once(':').ok_or("bad year")?;
                        let y = y.parse().map_err(|_| "bad year")?;
                        let first: u32 = first.parse().map_err(|_| "bad year")?;
                        if first > docs {
                            return Err("bad year");
                        }
                        years.push((y, first));
                    }
                    manifest.segments.push(SegmentInfo {
                        name: name.into(),
                        docs,
                        shards,
                        record: record as u32,
                        bytes: number(5)?,
                        recent: fields[6] == "recent",
                        years,
                        heavy: Vec::new(),
                        same: Vec::new(),
                    });
                }
                "heavy" if fields.len() >= 3 => {
                    let segment = manifest
                        .segments
                        .iter_mut()
                        .find(|s| s.name == fields[1])
                        .ok_or("heavy terms of no segment")?;
                    let terms = &fields[2..];
                    if terms.windows(2).any(|w| w[0] >= w[1]) {
                        return Err("heavy terms out of order");
                    }
                    segment.heavy = terms.iter().map(|t| t.to_string()).collect();
                }
                "same" if fields.len() >= 3 => {
                    let segment =
                        manifest.segments.iter_mut().find(|s| s.name == fields[1]).ok_or("prefixes of no segment")?;
                    let terms = &fields[2..];
                    if terms.windows(2).any(|w| w[0] >= w[1]) || terms.iter().any(|t| !t.ends_with('*')) {
                        return Err("bad list of prefixes read as their syllable");
                    }
                    segment.same = terms.iter().map(|t| t.to_string()).collect();
                }
                "gone" if fields.len() == 3 => {
                    for local in fields[2].split(',') {
                        manifest.gone.push((fields[1].into(), local.parse().map_err(|_| "bad number")?));
                    }
                }
                "" => {}
                _ => return Err("unknown line"),
            }
        }
        Ok(manifest)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_rejects_bad_lines() {
        let manifest = Manifest {
            categories: [("tin".to_string(), "Tin tức".to_string())].into(),
            segments: vec![SegmentInfo {
                name: "s0a".into(),
                docs: 10,
                shards: 2,
                record: 640,
                bytes: 999,
                recent: false,
                years: vec![(2023, 0), (2024, 4)],
                heavy: vec!["da nang".into(), "ng*".into(), "nghe".into()],
                same: vec!["nghe*".into()],
            }],
            gone: vec![("s0a".into(), 3)],
            article_path: Some("../data/tin/{id}.json".into()),
        };
        let text = manifest.to_text();
        assert_eq!(Manifest::parse(&text), Ok(manifest.clone()));
        assert_eq!(manifest.segments[0].year_range(2024), 4..10);
        assert_eq!(manifest.segments[0].year_range(2023), 0..4);
        assert_eq!(manifest.segments[0].year_range(2020), 0..0);
        assert!(Manifest::parse("hello").is_err());
        assert!(Manifest::parse(&text.replace("../data", "https://x/data")).is_err());
        assert!(Manifest::parse(&text.replace("s0a\t10", "../x\t10")).is_err());
        assert!(Manifest::parse(&text.replace("\t640\t", "\t0\t")).is_err(), "a record holds its line break");
        assert!(Manifest::parse(&text.replace("2024:4", "2024:40")).is_err());
        assert!(Manifest::parse(&text.replace("da nang\tng*", "ng*\tda nang")).is_err());
        assert!(Manifest::parse(&text.replace("\tnghe*", "\tnghe")).is_err(), "only prefixes read as their syllable");
        assert!(Manifest::parse(&text.replace("same\ts0a", "same\ts0b")).is_err());
        assert!(Manifest::parse(&text.replace("heavy\ts0a", "heavy\ts0b")).is_err());
        let segment = &manifest.segments[0];
        assert_eq!(segment.term_path("ng*"), "s0a/h/1.bin");
        assert_eq!(segment.term_path("nga*"), format!("s0a/t/{}.bin", shard_of("nga*", 2)));
        // A prefix that holds exactly its syllable's articles is read from the syllable's file.
        assert_eq!((segment.resolve("nghe*"), segment.term_path("nghe*")), ("nghe", "s0a/h/2.bin".to_string()));
        assert_eq!(segment.resolve("ng*"), "ng*");
        // A pair lives with its first syllable, or its second when the first is heavy.
        assert_eq!(segment.term_path("hoa binh"), segment.term_path("hoa"));
        let heavy = |t: &str| t == "cong";
        assert_eq!([shard_key("cong nghe", heavy), shard_key("khoa cong", heavy)], ["nghe", "khoa"]);
        assert_eq!([shard_key("cong cong", heavy), shard_key("#a b", heavy)], ["cong cong", "#a b"]);
    }
}
