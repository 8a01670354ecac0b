//! The `lexicon.bin` container: a magic number, a section count, the
//! section lengths, then the sections. Integers are little-endian. The
//! reader borrows every section from the embedded bytes (no copy).
//!
//! Sections, in order (`Section`): the tag table (`u64` each), the suffix
//! and prefix string tables, the paradigm index and forms, the analysis
//! sets (lists of paradigm forms), the word FST (form → set) and the
//! ending FST of the guesser (table byte + reversed ending → set).

pub const MAGIC: &[u8; 8] = b"DYMORPH\x02";

#[derive(Clone, Copy, Debug)]
pub enum Section {
    Tags = 0,
    Suffixes,
    Prefixes,
    ParadigmIndex,
    ParadigmForms,
    SetIndex,
    SetEntries,
    Words,
    Endings,
}

pub const SECTIONS: usize = 9;

/// Bits of a set entry that hold the form index; the paradigm id is above.
pub const FORM_BITS: u32 = 12;

/// Guesser table bytes (first byte of an ending key).
pub const TABLE_ALL: u8 = b'a';
pub const TABLE_NAMES: u8 = b'n';

#[cfg(feature = "build")]
pub fn write(sections: &[Vec<u8>; SECTIONS]) -> Vec<u8> {
    let mut out = MAGIC.to_vec();
    out.extend((SECTIONS as u32).to_le_bytes());
    for s in sections {
        out.extend((s.len() as u32).to_le_bytes());
    }
    for s in sections {
        out.extend(s);
    }
    out
}

/// Splits a container into its sections; `None` if it is not one.
pub fn read(bytes: &[u8]) -> Option<[&[u8]; SECTIONS]> {
    let rest = bytes.strip_prefix(MAGIC.as_slice())?;
    let count = u32_at(rest, 0)? as usize;
    if count != SECTIONS {
        return None;
    }
    let mut at = 4 + 4 * SECTIONS;
    let mut out = [&[][..]; SECTIONS];
    for (i, slot) in out.iter_mut().enumerate() {
        let len = u32_at(rest, 4 + 4 * i)? as usize;
        *slot = rest.get(at..at + len)?;
        at += len;
    }
    Some(out)
}

pub fn u32_at(bytes: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(bytes.get(at..at + 4)?.try_into().ok()?))
}

pub fn u16_at(bytes: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(bytes.get(at..at + 2)?.try_into().ok()?))
}

pub fn u64_at(bytes: &[u8], at: usize) -> Option<u64> {
    Some(u64::from_le_bytes(bytes.get(at..at + 8)?.try_into().ok()?))
}

/// A table of strings: count, `count + 1` offsets, the bytes.
#[cfg(feature = "build")]
pub fn write_strings<S: AsRef<str>>(strings: &[S]) -> Vec<u8> {
    let mut out = (strings.len() as u32).to_le_bytes().to_vec();
    let mut offset = 0u32;
    out.extend(offset.to_le_bytes());
    for s in strings {
        offset += s.as_ref().len() as u32;
        out.extend(offset.to_le_bytes());
    }
    for s in strings {
        out.extend(s.as_ref().as_bytes());
    }
    out
}

/// A borrowed string table.
#[derive(Clone, Copy)]
pub struct Strings<'a> {
    count: usize,
    offsets: &'a [u8],
    text: &'a str,
}

impl<'a> Strings<'a> {
    pub fn parse(bytes: &'a [u8]) -> Option<Strings<'a>> {
        let count = u32_at(bytes, 0)? as usize;
        let offsets = bytes.get(4..4 + 4 * (count + 1))?;
        let text = std::str::from_utf8(&bytes[4 + 4 * (count + 1)..]).ok()?;
        Some(Strings {
            count,
            offsets,
            text,
        })
    }

    pub fn get(&self, i: usize) -> &'a str {
        if i >= self.count {
            return "";
        }
        let (a, b) = (
            u32_at(self.offsets, 4 * i).unwrap_or(0) as usize,
            u32_at(self.offsets, 4 * i + 4).unwrap_or(0) as usize,
        );
        self.text.get(a..b).unwrap_or("")
    }
}

#[cfg(all(test, feature = "build"))]
mod tests {
    use super::*;

    #[test]
    fn sections_and_strings_round_trip() {
        let strings = write_strings(&["", "ом", "а"]);
        let mut sections: [Vec<u8>; SECTIONS] = Default::default();
        sections[1] = strings;
        sections[8] = vec![7, 8, 9];
        let blob = write(&sections);
        let parts = read(&blob).expect("container");
        assert_eq!(parts[8], [7, 8, 9]);
        let table = Strings::parse(parts[1]).expect("strings");
        assert_eq!((table.get(1), table.get(2), table.get(9)), ("ом", "а", ""));
        assert!(read(b"not a lexicon").is_none());
    }
}
