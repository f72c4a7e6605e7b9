//! The bytes of a posting shard (docs/formats/search-index.md).

use crate::terms::{MAX_IMPACT, STRONG_IMPACT};

/// Why a file of the index could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Corrupt(pub &'static str);

/// FNV-1a, 64 bits: which shard a term lives in, and segment names.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

/// The shard of `term` among `shards`.
pub fn shard_of(term: &str, shards: u32) -> u32 {
    (fnv1a(term.as_bytes()) % u64::from(shards.max(1))) as u32
}

pub fn put_varint(out: &mut Vec<u8>, mut value: u64) {
    while value >= 0x80 {
        out.push((value as u8) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

pub fn put_bytes(out: &mut Vec<u8>, bytes: &[u8]) {
    put_varint(out, bytes.len() as u64);
    out.extend_from_slice(bytes);
}

/// Reads from a byte slice, failing (never panicking) on short or bad input.
pub struct Reader<'a> {
    pub bytes: &'a [u8],
    pub at: usize,
}

impl<'a> Reader<'a> {
    pub fn new(bytes: &'a [u8]) -> Self {
        Reader { bytes, at: 0 }
    }

    pub fn done(&self) -> bool {
        self.at >= self.bytes.len()
    }

    pub fn varint(&mut self) -> Result<u64, Corrupt> {
        let mut value: u64 = 0;
        for shift in (0..64).step_by(7) {
            let byte = *self.bytes.get(self.at).ok_or(Corrupt("short varint"))?;
            self.at += 1;
            value |= u64::from(byte & 0x7f) << shift;
            if byte < 0x80 {
                return Ok(value);
            }
        }
        Err(Corrupt("varint too long"))
    }

    pub fn bytes(&mut self) -> Result<&'a [u8], Corrupt> {
        let len = usize::try_from(self.varint()?).map_err(|_| Corrupt("length"))?;
        let end = self.at.checked_add(len).filter(|&end| end <= self.bytes.len()).ok_or(Corrupt("short field"))?;
        let out = &self.bytes[self.at..end];
        self.at = end;
        Ok(out)
    }

    pub fn str(&mut self) -> Result<&'a str, Corrupt> {
        std::str::from_utf8(self.bytes()?).map_err(|_| Corrupt("not UTF-8"))
    }
}

/// A posting: a document's number in its segment, and the term's impact
/// there (1..=7, `terms::impact`).
pub type Posting = (u32, u8);

/// What a dense or complement list keeps of an impact: whether it is
/// strong, and a strong one's value; a weak one is read back as 2.
const STRONG_READ: u8 = 0xff;
const WEAK_READ: u8 = 2;

fn strong(impact: u8) -> bool {
    impact >= STRONG_IMPACT
}

const SPARSE: u8 = 0;
const DENSE: u8 = 1;
const COMPLEMENT: u8 = 2;

/// A posting list of a segment of `docs` documents, sorted by document, in
/// the smallest of three forms:
/// - sparse: gaps, each with the impact in its low three bits;
/// - dense: a bitmap of the documents, then the strong flags;
/// - complement: gaps between the documents *not* in the list (a term in
///   nearly every article costs a few bytes, not a bitmap), then the title
///   flags.
///
/// The last two carry one bit of the impacts after the documents
/// (`put_titles`): a term in more than half of the articles tells little
/// (its idf is under 0.7, a rare term's 10), so its impacts are not worth
/// three bits per article.
pub fn encode_list(list: &[Posting], docs: u32) -> Vec<u8> {
    let mut sparse = vec![SPARSE];
    put_varint(&mut sparse, list.len() as u64);
    let mut last = 0u32;
    for (index, &(doc, impact)) in list.iter().enumerate() {
        let gap = if index == 0 { doc } else { doc - last - 1 };
        put_varint(&mut sparse, (u64::from(gap) << 3) | u64::from(impact.min(MAX_IMPACT)));
        last = doc;
    }
    let bitmap_bytes = (docs as usize).div_ceil(8);
    if sparse.len() <= bitmap_bytes {
        return sparse;
    }
    let mut dense = vec![DENSE];
    put_varint(&mut dense, list.len() as u64);
    let mut members = vec![0u8; bitmap_bytes];
    for &(doc, _) in list {
        members[doc as usize / 8] |= 1 << (doc % 8);
    }
    dense.extend_from_slice(&members);
    put_titles(&mut dense, list);
    if list.len() * 2 < docs as usize {
        return if sparse.len() <= dense.len() { sparse } else { dense };
    }
    let mut complement = vec![COMPLEMENT];
    put_varint(&mut complement, list.len() as u64);
    let mut next = 0u32;
    let mut absent = Vec::new();
    for &(doc, _) in list {
        absent.extend(next..doc);
        next = doc + 1;
    }
    absent.extend(next..docs);
    put_varint(&mut complement, absent.len() as u64);
    let mut after = 0u32;
    for &doc in &absent {
        put_varint(&mut complement, u64::from(doc - after));
        after = doc + 1;
    }
    put_titles(&mut complement, list);
    [sparse, dense, complement].into_iter().min_by_key(Vec::len).unwrap_or_default()
}

/// The title flags of a dense or complement list: the positions in the
/// list of the articles with the term in their title, as gaps (`0`), a
/// bitmap (`1`) or gaps between the positions without it (`2`), whichever is
/// smallest; none is `0 0`, all is `2 0`.
fn put_titles(out: &mut Vec<u8>, list: &[Posting]) {
    let gaps = |wanted: bool| {
        let mut bytes = Vec::new();
        let positions: Vec<usize> = (0..list.len()).filter(|&at| strong(list[at].1) == wanted).collect();
        put_varint(&mut bytes, positions.len() as u64);
        let mut next = 0;
        for at in positions {
            put_varint(&mut bytes, (at - next) as u64);
            next = at + 1;
        }
        bytes
    };
    let mut bitmap = vec![0u8; list.len().div_ceil(8)];
    for (at, _) in list.iter().enumerate().filter(|(_, posting)| strong(posting.1)) {
        bitmap[at / 8] |= 1 << (at % 8);
    }
    let forms = [(SPARSE, gaps(true)), (DENSE, bitmap), (COMPLEMENT, gaps(false))];
    let (kind, bytes) = forms.into_iter().min_by_key(|(_, bytes)| bytes.len()).unwrap_or_default();
    out.push(kind);
    out.extend_from_slice(&bytes);
    // The strong ones' impacts (4..=7), two bits each, four to a byte: the
    // articles a frequent word describes are told apart; the weak ones are not.
    let strong_levels: Vec<u8> =
        list.iter().filter(|p| strong(p.1)).map(|p| p.1.min(MAX_IMPACT) - STRONG_IMPACT).collect();
    for four in strong_levels.chunks(4) {
        out.push(four.iter().enumerate().fold(0u8, |byte, (at, level)| byte | (level << (2 * at))));
    }
}

/// A term's variants (its accented forms, sorted) and their lists, as its
/// entry holds them after its name: a varint `count << 1 | shared`, then
/// - not shared: per variant, bytes(variant) and bytes(its list);
/// - shared: bytes(the union's list: each article once, with the term's
///   impact, which every variant carries), then per variant bytes(variant)
///   and bytes(a list of its articles' positions in the union, impacts 1).
///
/// Whichever is smaller: a frequent syllable with five accents ("ban",
/// "bàn", "bán", "bạn", "bản") costs one list and five bitmaps of positions
/// rather than five lists, about half (the query reads the union, and the
/// typed variant's positions only).
pub fn encode_variants(variants: &[(&str, &[Posting])], docs: u32) -> Vec<u8> {
    let mut separate = Vec::new();
    put_varint(&mut separate, (variants.len() as u64) << 1);
    for (name, list) in variants {
        put_bytes(&mut separate, name.as_bytes());
        put_bytes(&mut separate, &encode_list(list, docs));
    }
    if variants.len() < 2 {
        return separate;
    }
    let mut union: Vec<Posting> = variants.iter().flat_map(|(_, list)| list.iter().copied()).collect();
    union.sort_unstable();
    union.dedup_by_key(|posting| posting.0);
    let mut shared = Vec::new();
    put_varint(&mut shared, ((variants.len() as u64) << 1) | 1);
    put_bytes(&mut shared, &encode_list(&union, docs));
    for (name, list) in variants {
        let mut positions = Vec::with_capacity(list.len());
        let mut at = 0;
        for &(doc, _) in *list {
            while union[at].0 != doc {
                at += 1;
            }
            positions.push((at as u32, 1));
            at += 1;
        }
        put_bytes(&mut shared, name.as_bytes());
        put_bytes(&mut shared, &encode_list(&positions, union.len() as u32));
    }
    if shared.len() < separate.len() {
        shared
    } else {
        separate
    }
}

/// Sets the title flags of a dense or complement list's documents.
fn read_titles(reader: &mut Reader, out: &mut [Posting]) -> Result<(), Corrupt> {
    let kind = *reader.bytes.get(reader.at).ok_or(Corrupt("short list"))?;
    reader.at += 1;
    let mut mark = |wanted: bool| -> Result<(), Corrupt> {
        let value = |strong: bool| if strong { STRONG_READ } else { WEAK_READ };
        out.iter_mut().for_each(|posting| posting.1 = value(!wanted));
        let count = reader.varint()?;
        let mut next = 0u64;
        for _ in 0..count {
            let at = next + reader.varint()?;
            out.get_mut(at as usize).ok_or(Corrupt("title flag beyond its list"))?.1 = value(wanted);
            next = at + 1;
        }
        Ok(())
    };
    match kind {
        SPARSE => mark(true)?,
        COMPLEMENT => mark(false)?,
        DENSE => {
            let len = out.len().div_ceil(8);
            let bits = reader.bytes.get(reader.at..reader.at + len).ok_or(Corrupt("short bitmap"))?;
            reader.at += len;
            for (index, posting) in out.iter_mut().enumerate() {
                posting.1 = if bits[index / 8] & (1 << (index % 8)) != 0 { STRONG_READ } else { WEAK_READ };
            }
        }
        _ => return Err(Corrupt("unknown title flags")),
    }
    let strong_count = out.iter().filter(|p| p.1 == STRONG_READ).count();
    let len = strong_count.div_ceil(4);
    let levels = reader.bytes.get(reader.at..reader.at + len).ok_or(Corrupt("short impacts"))?;
    reader.at += len;
    for (at, posting) in out.iter_mut().filter(|p| p.1 == STRONG_READ).enumerate() {
        posting.1 = STRONG_IMPACT + ((levels[at / 4] >> (2 * (at % 4))) & 3);
    }
    Ok(())
}

pub fn decode_list(bytes: &[u8], docs: u32) -> Result<Vec<Posting>, Corrupt> {
    let mut reader = Reader::new(bytes);
    let kind = *bytes.first().ok_or(Corrupt("empty list"))?;
    reader.at = 1;
    let count = reader.varint()?;
    if count > u64::from(docs) {
        return Err(Corrupt("list longer than its segment"));
    }
    let mut out = Vec::with_capacity(count as usize);
    match kind {
        SPARSE => {
            let mut next = 0u64;
            for _ in 0..count {
                let value = reader.varint()?;
                let doc = next + (value >> 3);
                if doc >= u64::from(docs) {
                    return Err(Corrupt("document beyond its segment"));
                }
                out.push((doc as u32, (value & 7) as u8));
                next = doc + 1;
            }
            return Ok(out);
        }
        DENSE => {
            let members_len = (docs as usize).div_ceil(8);
            let members = bytes.get(reader.at..reader.at + members_len).ok_or(Corrupt("short bitmap"))?;
            reader.at += members_len;
            for (byte_index, &byte) in members.iter().enumerate() {
                let mut bits = byte;
                while bits != 0 {
                    let bit = bits.trailing_zeros();
                    bits &= bits - 1;
                    let doc = byte_index as u32 * 8 + bit;
                    if doc >= docs || out.len() >= count as usize {
                        return Err(Corrupt("bitmap does not match its count"));
                    }
                    out.push((doc, WEAK_READ));
                }
            }
        }
        COMPLEMENT => {
            let absent = reader.varint()?;
            if absent.checked_add(count) != Some(u64::from(docs)) {
                return Err(Corrupt("complement does not match its count"));
            }
            let mut next = 0u64;
            for _ in 0..absent {
                let missing = next + reader.varint()?;
                if missing >= u64::from(docs) {
                    return Err(Corrupt("document beyond its segment"));
                }
                out.extend((next..missing).map(|doc| (doc as u32, WEAK_READ)));
                next = missing + 1;
            }
            out.extend((next..u64::from(docs)).map(|doc| (doc as u32, WEAK_READ)));
        }
        _ => return Err(Corrupt("unknown list kind")),
    }
    if out.len() != count as usize {
        return Err(Corrupt("list does not match its count"));
    }
    read_titles(&mut reader, &mut out)?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_frequent_term_s_variants_share_one_list_when_that_is_smaller() {
        let docs = 6000;
        // Strong impacts (a title's word), which each variant's own list repeats; the
        // accents of one syllable mostly meet in the same articles.
        let impact = |d: u32| 4 + (d % 4) as u8;
        let ban: Vec<Posting> = (0..docs).step_by(2).map(|d| (d, impact(d))).collect();
        let ban2: Vec<Posting> = (0..docs).step_by(6).map(|d| (d, impact(d))).collect();
        let bytes = encode_variants(&[("ban0", &ban), ("bàn2", &ban2)], docs);
        let mut reader = Reader::new(&bytes);
        assert_eq!(reader.varint(), Ok(2 << 1 | 1), "shared");
        let union = decode_list(reader.bytes().unwrap(), docs).unwrap();
        let expected: Vec<u32> = (0..docs).filter(|d| d % 2 == 0).collect();
        assert_eq!(union.iter().map(|p| p.0).collect::<Vec<_>>(), expected);
        for (name, list) in [("ban0", &ban), ("bàn2", &ban2)] {
            assert_eq!(reader.str(), Ok(name));
            let positions = decode_list(reader.bytes().unwrap(), union.len() as u32).unwrap();
            let docs_of: Vec<u32> = positions.iter().map(|&(at, _)| union[at as usize].0).collect();
            assert_eq!(docs_of, list.iter().map(|p| p.0).collect::<Vec<_>>(), "{name}");
        }
        assert!(reader.done());
        let mut separate = Vec::new();
        put_varint(&mut separate, 2 << 1);
        for list in [&ban, &ban2] {
            put_bytes(&mut separate, b"ban0");
            put_bytes(&mut separate, &encode_list(list, docs));
        }
        assert!(bytes.len() < separate.len(), "{} against {}", bytes.len(), separate.len());
        // A term of one variant, or variants that share little, stay apart.
        let rare: Vec<Posting> = vec![(5, 7)];
        assert_eq!(Reader::new(&encode_variants(&[("ban0", &rare)], docs)).varint(), Ok(1 << 1));
        let other: Vec<Posting> = vec![(9, 7)];
        assert_eq!(Reader::new(&encode_variants(&[("ban0", &rare), ("bàn2", &other)], docs)).varint(), Ok(2 << 1));
    }

    #[test]
    fn lists_round_trip_sparse_and_dense() {
        let sparse = vec![(3, 7), (70, 1), (9_999, 4)];
        let bytes = encode_list(&sparse, 10_000);
        assert_eq!(bytes[0], SPARSE);
        assert_eq!(decode_list(&bytes, 10_000), Ok(sparse));
        let dense: Vec<Posting> =
            (0..1000).filter(|n| n % 3 != 0).map(|n| (n, if n % 7 == 0 { 5 } else { 2 })).collect();
        let bytes = encode_list(&dense, 1000);
        assert_eq!(bytes[0], DENSE);
        assert!(bytes.len() < 250, "{}", bytes.len());
        assert_eq!(decode_list(&bytes, 1000), Ok(dense));
        // In nearly every document, all weak: the few absent ones only.
        let nearly_all: Vec<Posting> = (0..10_000).filter(|n| n % 1000 != 5).map(|n| (n, 2)).collect();
        let bytes = encode_list(&nearly_all, 10_000);
        assert_eq!(bytes[0], COMPLEMENT);
        assert!(bytes.len() < 30, "{}", bytes.len());
        assert_eq!(decode_list(&bytes, 10_000), Ok(nearly_all));
        let mixed: Vec<Posting> =
            (0..10_000).filter(|n| n % 50 != 0).map(|n| (n, if n % 2 == 0 { 5 } else { 2 })).collect();
        // A dense list keeps one bit of an impact: strong (4..=7) or not.
        let graded: Vec<Posting> = (0..1000).map(|n| (n, (n % 7 + 1) as u8)).collect();
        let read = decode_list(&encode_list(&graded, 1000), 1000).unwrap();
        let kept = |impact: u8| if impact >= STRONG_IMPACT { impact } else { WEAK_READ };
        assert!(read.iter().zip(&graded).all(|(r, g)| r.1 == kept(g.1)), "{:?}", &read[..8]);
        assert_eq!(decode_list(&encode_list(&mixed, 10_000), 10_000), Ok(mixed));
        let none: Vec<Posting> = (0..800).map(|n| (n, 2)).collect();
        assert_eq!(decode_list(&encode_list(&none, 800), 800), Ok(none));
    }

    #[test]
    fn bad_bytes_are_errors_not_panics() {
        assert!(decode_list(&[], 10).is_err());
        assert!(decode_list(&[0, 5, 1], 10).is_err());
        assert!(decode_list(&[1, 2, 0xff], 10).is_err());
        assert!(decode_list(&[7, 0], 10).is_err());
        assert!(decode_list(&[2, 9, 2, 0, 0, 0], 10).is_err(), "complement count");
        assert!(decode_list(&[2, 9, 1, 20, 0], 10).is_err(), "absent beyond the segment");
        assert!(decode_list(&[2, 9, 1, 3, 7], 10).is_err(), "unknown title flags");
        assert!(decode_list(&[2, 9, 1, 3, 0, 1, 20], 10).is_err(), "a title flag beyond its list");
        assert!(decode_list(&[2, 9, 1, 3, 0, 1, 2], 10).is_err(), "a strong one without its impact");
        assert_eq!(decode_list(&[2, 9, 1, 3, 0, 1, 2, 3], 10).map(|l| l[2]), Ok((2, 7)));
        assert!(decode_list(&[1, 1, 0, 0], 10).is_err(), "bitmap without its document");
        assert!(decode_list(&[0, 1, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff], 10).is_err());
    }
}
