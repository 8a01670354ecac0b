//! Gzip decompression one member at a time, so that damage costs only the
//! damaged member: after a member that does not decode, reading resumes at
//! the next gzip member header (1F 8B 08) in the compressed bytes. A
//! `.warc.gz` holds one member per record, so that is the next record.
//!
//! A member's decompressed bytes are held back until its checksum is
//! checked (up to `HOLD_MAX`), so a damaged member that is followed by
//! another yields nothing but one error, read where the member began; a
//! damaged last member passes on what it decoded, then the error (as a
//! truncated file always did).

use std::io::{self, BufRead, Read};

use flate2::bufread::GzDecoder;

/// The most decompressed bytes of one member held back until its checksum
/// is checked; a larger member is passed on as it decodes.
const HOLD_MAX: usize = 4 << 20;
/// The most compressed bytes of one member kept, to look for the next
/// member inside a damaged one (past this, the look starts where the
/// decoder stopped).
const REWIND_MAX: usize = 16 << 20;
const CHUNK: usize = 64 << 10;

/// The compressed bytes, buffered from the start of the current member.
struct Compressed<R> {
    inner: R,
    buf: Vec<u8>,
    /// Offset in the compressed stream of `buf[0]`.
    base: u64,
    pos: usize,
    eof: bool,
}

impl<R: Read> Compressed<R> {
    /// Appends more bytes from the inner reader; false at its end.
    fn read_more(&mut self) -> io::Result<bool> {
        if self.eof {
            return Ok(false);
        }
        if self.buf.len() >= REWIND_MAX && self.pos > 0 {
            self.mark();
        }
        let len = self.buf.len();
        self.buf.resize(len + CHUNK, 0);
        let n = loop {
            match self.inner.read(&mut self.buf[len..]) {
                Ok(n) => break n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => {
                    self.buf.truncate(len);
                    return Err(e);
                }
            }
        };
        self.buf.truncate(len + n);
        self.eof = n == 0;
        Ok(n > 0)
    }

    /// Forgets the bytes before the read position (a member starts here).
    fn mark(&mut self) {
        self.buf.drain(..self.pos);
        self.base += self.pos as u64;
        self.pos = 0;
    }

    fn offset(&self) -> u64 {
        self.base + self.pos as u64
    }

    /// Moves the read position back to `offset` if it is still held.
    fn rewind(&mut self, offset: u64) {
        if offset >= self.base && offset <= self.offset() {
            self.pos = (offset - self.base) as usize;
        }
    }

    /// Moves to the next gzip member header; false when none follows.
    fn find_member(&mut self) -> io::Result<bool> {
        loop {
            let hay = &self.buf[self.pos..];
            let hit = memchr::memmem::find_iter(hay, &[0x1F, 0x8B, 0x08])
                // The flag byte's top three bits are reserved (zero).
                .find(|&i| hay.get(i + 3).is_some_and(|f| f & 0xE0 == 0));
            if let Some(i) = hit {
                self.pos += i;
                return Ok(true);
            }
            // A header may straddle the end of what is buffered.
            self.pos = self.buf.len() - hay.len().min(3);
            self.mark();
            if !self.read_more()? {
                self.pos = self.buf.len();
                return Ok(false);
            }
        }
    }
}

impl<R: Read> Read for Compressed<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let avail = self.fill_buf()?;
        let n = avail.len().min(out.len());
        out[..n].copy_from_slice(&avail[..n]);
        self.consume(n);
        Ok(n)
    }
}

impl<R: Read> BufRead for Compressed<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        if self.pos == self.buf.len() {
            self.read_more()?;
        }
        Ok(&self.buf[self.pos..])
    }

    fn consume(&mut self, n: usize) {
        self.pos = (self.pos + n).min(self.buf.len());
    }
}

/// A stretch of damaged members not reported yet.
struct Damage {
    /// Compressed offset where the first damaged member began.
    start: u64,
    why: String,
}

impl Damage {
    fn error(self, resumed_at: Option<u64>) -> io::Error {
        let then = match resumed_at {
            Some(at) => format!("reading resumed at the next member, byte {at}"),
            None => "no readable member follows".to_string(),
        };
        io::Error::new(
            io::ErrorKind::InvalidData,
            DamageReport {
                message: format!(
                    "corrupt gzip member at byte {} ({}); {then}",
                    self.start, self.why
                ),
                resumed: resumed_at.is_some(),
            },
        )
    }
}

/// The error a damaged stretch is reported with: its message, and whether
/// reading goes on after it (`resumes_after`).
#[derive(Debug)]
struct DamageReport {
    message: String,
    resumed: bool,
}

impl std::fmt::Display for DamageReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for DamageReport {}

/// Whether a read error is a damaged gzip stretch that reading went on
/// after (the next read gives the next good member's bytes).
pub(crate) fn resumes_after(e: &io::Error) -> bool {
    e.get_ref()
        .and_then(|inner| inner.downcast_ref::<DamageReport>())
        .is_some_and(|d| d.resumed)
}

/// The decompressed bytes of a stream of gzip members, resuming after
/// damage. A damaged stretch is reported once, as an `InvalidData` error
/// from `read`; the reads after it go on with the next good member.
pub(crate) struct GzMembers<R> {
    /// The compressed bytes between members (`None` while `dec` holds them).
    src: Option<Compressed<R>>,
    dec: Option<GzDecoder<Compressed<R>>>,
    member_start: u64,
    /// Whether some of the current member was already passed on.
    streamed: bool,
    out: Vec<u8>,
    out_pos: usize,
    damage: Option<Damage>,
    /// An error to give once `out` is passed on, after which the stream ends.
    last_error: Option<io::Error>,
    done: bool,
}

impl<R: Read> GzMembers<R> {
    pub(crate) fn new(inner: R) -> Self {
        GzMembers {
            src: Some(Compressed {
                inner,
                buf: Vec::new(),
                base: 0,
                pos: 0,
                eof: false,
            }),
            dec: None,
            member_start: 0,
            streamed: false,
            out: Vec::new(),
            out_pos: 0,
            damage: None,
            last_error: None,
            done: false,
        }
    }

    /// Decodes more: fills `out`, or returns an error to report now.
    fn step(&mut self) -> io::Result<()> {
        if self.dec.is_none() {
            let Some(mut src) = self.src.take() else {
                self.done = true;
                return Ok(());
            };
            src.mark();
            self.member_start = src.offset();
            self.streamed = false;
            let head = match src.fill_buf() {
                Ok(h) => h,
                Err(e) => {
                    self.done = true;
                    return Err(e);
                }
            };
            if head.is_empty() {
                self.done = true;
                return match self.damage.take() {
                    Some(d) => Err(d.error(None)),
                    None => Ok(()),
                };
            }
            if head[0] != 0x1F || head.get(1).is_some_and(|&b| b != 0x8B) {
                // Not a member where one should start: skip to the next.
                self.src = Some(src);
                return self.skip_damage("not gzip data".into());
            }
            self.dec = Some(GzDecoder::new(src));
        }
        let dec = self.dec.as_mut().expect("a member is being decoded");
        self.out.clear();
        self.out_pos = 0;
        let failed = loop {
            let len = self.out.len();
            if len >= HOLD_MAX {
                self.streamed = true;
                break None;
            }
            self.out.resize(len + CHUNK, 0);
            match dec.read(&mut self.out[len..]) {
                Ok(0) => {
                    self.out.truncate(len);
                    self.src = self.dec.take().map(GzDecoder::into_inner);
                    break None;
                }
                Ok(n) => self.out.truncate(len + n),
                Err(e) if e.kind() == io::ErrorKind::Interrupted => self.out.truncate(len),
                Err(e) => {
                    self.out.truncate(len);
                    break Some(e);
                }
            }
        };
        match failed {
            None => {
                // Good bytes follow a damaged stretch: report it first.
                if let Some(d) = self.damage.take() {
                    return Err(d.error(Some(self.member_start)));
                }
                Ok(())
            }
            Some(e) => self.member_failed(e),
        }
    }

    /// The current member does not decode: look for the next one from just
    /// after its start.
    fn member_failed(&mut self, e: io::Error) -> io::Result<()> {
        let mut src = self
            .dec
            .take()
            .expect("a member was being decoded")
            .into_inner();
        src.rewind(self.member_start + 1);
        let found = src.find_member();
        self.src = Some(src);
        match found {
            Ok(true) => {
                self.out.clear();
                let streamed = self.streamed;
                let start = self.member_start;
                self.damage.get_or_insert(Damage {
                    start,
                    why: e.to_string(),
                });
                if streamed {
                    // Part of the member went out: the cut is here.
                    let at = self.src.as_ref().map(Compressed::offset);
                    return Err(self.damage.take().expect("just set").error(at));
                }
                Ok(())
            }
            Ok(false) => {
                self.done = true;
                match self.damage.take() {
                    Some(d) => {
                        self.out.clear();
                        Err(d.error(None))
                    }
                    None => {
                        // The last member: what it decoded, then why it ends.
                        self.last_error = Some(e);
                        Ok(())
                    }
                }
            }
            Err(io_err) => {
                self.done = true;
                Err(io_err)
            }
        }
    }

    /// Bytes that are not a gzip member: skip to the next member.
    fn skip_damage(&mut self, why: String) -> io::Result<()> {
        let src = self.src.as_mut().expect("between members");
        src.consume(1);
        let found = src.find_member();
        let start = self.member_start;
        self.damage.get_or_insert(Damage { start, why });
        match found {
            Ok(true) => Ok(()),
            Ok(false) => {
                self.done = true;
                Err(self.damage.take().expect("just set").error(None))
            }
            Err(e) => {
                self.done = true;
                Err(e)
            }
        }
    }
}

impl<R: Read> Read for GzMembers<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        loop {
            if self.out_pos < self.out.len() {
                let n = (self.out.len() - self.out_pos).min(buf.len());
                buf[..n].copy_from_slice(&self.out[self.out_pos..self.out_pos + n]);
                self.out_pos += n;
                return Ok(n);
            }
            if let Some(e) = self.last_error.take() {
                return Err(e);
            }
            if self.done || buf.is_empty() {
                return Ok(0);
            }
            self.step()?;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use flate2::write::GzEncoder;
    use flate2::Compression;
    use std::io::Write;

    fn gzip(bytes: &[u8]) -> Vec<u8> {
        let mut e = GzEncoder::new(Vec::new(), Compression::default());
        e.write_all(bytes).unwrap();
        e.finish().unwrap()
    }

    /// Reads to the end, collecting the bytes and the errors between them.
    fn read_all(r: &mut impl Read) -> (Vec<u8>, Vec<String>) {
        let (mut bytes, mut errors) = (Vec::new(), Vec::new());
        let mut buf = [0u8; 1000];
        for _ in 0..10_000 {
            match r.read(&mut buf) {
                Ok(0) => return (bytes, errors),
                Ok(n) => bytes.extend_from_slice(&buf[..n]),
                Err(e) => errors.push(e.to_string()),
            }
        }
        panic!("no end after 10,000 reads");
    }

    fn members() -> Vec<Vec<u8>> {
        (0..4)
            .map(|i| gzip(format!("член {i}: {}\n", "Текст новости. ".repeat(50 + i)).as_bytes()))
            .collect()
    }

    #[test]
    fn whole_members_read_as_one_stream() {
        let m = members();
        let plain: Vec<u8> = m
            .iter()
            .flat_map(|g| {
                let mut v = Vec::new();
                flate2::read::GzDecoder::new(&g[..])
                    .read_to_end(&mut v)
                    .unwrap();
                v
            })
            .collect();
        let (bytes, errors) = read_all(&mut GzMembers::new(&m.concat()[..]));
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(bytes, plain);
    }

    #[test]
    fn a_damaged_member_is_one_error_and_the_next_member_is_read() {
        let m = members();
        let mut bad = m[1].clone();
        let mid = bad.len() / 2;
        bad[mid] ^= 0x55;
        let stream = [&m[0][..], &bad, &m[2], &m[3]].concat();
        let (bytes, errors) = read_all(&mut GzMembers::new(&stream[..]));
        let text = String::from_utf8(bytes).unwrap();
        assert!(text.starts_with("член 0:"));
        assert!(!text.contains("член 1:"));
        assert!(text.contains("член 2:") && text.contains("член 3:"));
        assert_eq!(errors.len(), 1, "{errors:?}");
        let at = m[0].len() + bad.len();
        assert!(
            errors[0].starts_with(&format!("corrupt gzip member at byte {}", m[0].len()))
                && errors[0].ends_with(&format!("reading resumed at the next member, byte {at}")),
            "{}",
            errors[0]
        );
    }

    #[test]
    fn garbage_between_members_is_skipped_with_one_error() {
        let m = members();
        let stream = [&m[0][..], b"\0\0garbage\x1f", &m[1]].concat();
        let (bytes, errors) = read_all(&mut GzMembers::new(&stream[..]));
        let text = String::from_utf8(bytes).unwrap();
        assert!(text.contains("член 0:") && text.contains("член 1:"));
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(errors[0].contains("not gzip data"), "{}", errors[0]);
    }

    #[test]
    fn a_cut_last_member_gives_what_it_decoded_then_the_error() {
        let m = members();
        let stream = [&m[0][..], &m[1][..m[1].len() - 6]].concat();
        let (bytes, errors) = read_all(&mut GzMembers::new(&stream[..]));
        assert!(String::from_utf8_lossy(&bytes).contains("член 1:"));
        assert_eq!(errors.len(), 1, "{errors:?}");
    }
}
