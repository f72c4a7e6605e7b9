//! The bytes of a posting shard (docs/formats/search-index.md).

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

/// A posting: a document's number in its segment, and whether the term is in its title.
pub type Posting = (u32, bool);

const SPARSE: u8 = 0;
const DENSE: u8 = 1;

/// A posting list of a segment of `docs` documents, sorted by document: as
/// gaps (each with the title flag in its low bit) or, when smaller, as a
/// bitmap of the documents followed by a bitmap of their title flags.
pub fn encode_list(list: &[Posting], docs: u32) -> Vec<u8> {
    let mut sparse = vec![SPARSE];
    put_varint(&mut sparse, list.len() as u64);
    let mut last = 0u32;
    for (index, &(doc, title)) in list.iter().enumerate() {
        let gap = if index == 0 { doc } else { doc - last - 1 };
        put_varint(&mut sparse, (u64::from(gap) << 1) | u64::from(title));
        last = doc;
    }
    let bitmap_bytes = (docs as usize).div_ceil(8) + list.len().div_ceil(8);
    if sparse.len() <= bitmap_bytes + 1 {
        return sparse;
    }
    let mut dense = vec![DENSE];
    put_varint(&mut dense, list.len() as u64);
    let mut members = vec![0u8; (docs as usize).div_ceil(8)];
    let mut titles = vec![0u8; list.len().div_ceil(8)];
    for (index, &(doc, title)) in list.iter().enumerate() {
        members[doc as usize / 8] |= 1 << (doc % 8);
        if title {
            titles[index / 8] |= 1 << (index % 8);
        }
    }
    dense.extend_from_slice(&members);
    dense.extend_from_slice(&titles);
    dense
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
                let doc = next + (value >> 1);
                if doc >= u64::from(docs) {
                    return Err(Corrupt("document beyond its segment"));
                }
                out.push((doc as u32, value & 1 == 1));
                next = doc + 1;
            }
        }
        DENSE => {
            let members_len = (docs as usize).div_ceil(8);
            let members = bytes.get(reader.at..reader.at + members_len).ok_or(Corrupt("short bitmap"))?;
            let titles = bytes
                .get(reader.at + members_len..reader.at + members_len + (count as usize).div_ceil(8))
                .ok_or(Corrupt("short bitmap"))?;
            for (byte_index, &byte) in members.iter().enumerate() {
                let mut bits = byte;
                while bits != 0 {
                    let bit = bits.trailing_zeros();
                    bits &= bits - 1;
                    let doc = byte_index as u32 * 8 + bit;
                    let index = out.len();
                    if doc >= docs || index >= count as usize {
                        return Err(Corrupt("bitmap does not match its count"));
                    }
                    out.push((doc, titles[index / 8] & (1 << (index % 8)) != 0));
                }
            }
            if out.len() != count as usize {
                return Err(Corrupt("bitmap does not match its count"));
            }
        }
        _ => return Err(Corrupt("unknown list kind")),
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_round_trip_sparse_and_dense() {
        let sparse = vec![(3, true), (70, false), (9_999, true)];
        let bytes = encode_list(&sparse, 10_000);
        assert_eq!(bytes[0], SPARSE);
        assert_eq!(decode_list(&bytes, 10_000), Ok(sparse));
        let dense: Vec<Posting> = (0..1000).filter(|n| n % 3 != 0).map(|n| (n, n % 7 == 0)).collect();
        let bytes = encode_list(&dense, 1000);
        assert_eq!(bytes[0], DENSE);
        assert!(bytes.len() < 250, "{}", bytes.len());
        assert_eq!(decode_list(&bytes, 1000), Ok(dense));
    }

    #[test]
    fn bad_bytes_are_errors_not_panics() {
        assert!(decode_list(&[], 10).is_err());
        assert!(decode_list(&[0, 5, 1], 10).is_err());
        assert!(decode_list(&[1, 2, 0xff], 10).is_err());
        assert!(decode_list(&[7, 0], 10).is_err());
        assert!(decode_list(&[0, 1, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff], 10).is_err());
    }
}
