//! Reading with limits: peeking a prefix, reading a whole payload no larger
//! than the limit, and wording I/O failures for error records.

use std::io::{self, Read};

use dyad_core::DocError;

/// Reads up to `n` bytes; the flag says the reader ended before `n`. A
/// read error after some bytes keeps what was read and returns the error
/// beside it, so that a stream of records can still yield the complete
/// records before a cut (`Replay` puts the error back in its place).
pub(crate) fn peek_partial(r: &mut dyn Read, n: usize) -> (Vec<u8>, bool, Option<io::Error>) {
    let mut buf = vec![0u8; n];
    let mut got = 0;
    let mut failed = None;
    while got < n {
        match r.read(&mut buf[got..]) {
            Ok(0) => {
                buf.truncate(got);
                return (buf, true, None);
            }
            Ok(k) => got += k,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => {
                failed = Some(e);
                break;
            }
        }
    }
    buf.truncate(got);
    (buf, false, failed)
}

/// A stream read again from its start after a peek: the peeked bytes, then
/// the failure that ended the peek (once), then the rest of the reader. A
/// reader that resumes after damage (gzip members) goes on after the
/// failure; one that does not fails again or ends.
pub(crate) struct Replay<R> {
    prefix: io::Cursor<Vec<u8>>,
    failed: Option<io::Error>,
    rest: R,
}

impl<R> Replay<R> {
    pub(crate) fn new(prefix: Vec<u8>, failed: Option<io::Error>, rest: R) -> Self {
        Replay {
            prefix: io::Cursor::new(prefix),
            failed,
            rest,
        }
    }
}

impl<R: Read> Read for Replay<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.prefix.read(buf)?;
        if n > 0 || buf.is_empty() {
            return Ok(n);
        }
        if let Some(e) = self.failed.take() {
            return Err(e);
        }
        self.rest.read(buf)
    }
}

/// Where the bytes come from, for the wording of errors.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Layer {
    Plain,
    Gzip,
}

/// Words an I/O error; in a gzip stream an early end is a truncated stream
/// and invalid data a corrupt one.
pub(crate) fn io_message(e: &io::Error, layer: Layer) -> String {
    match (layer, e.kind()) {
        (Layer::Gzip, io::ErrorKind::UnexpectedEof) => "truncated gzip stream".to_string(),
        (Layer::Gzip, io::ErrorKind::InvalidInput | io::ErrorKind::InvalidData) => {
            let inner = e.to_string();
            // `GzMembers` words its own damage reports in full.
            if inner.starts_with("corrupt gzip member") {
                return inner;
            }
            let inner = inner.strip_prefix("corrupt gzip stream ").unwrap_or(&inner);
            format!("corrupt gzip stream: {inner}")
        }
        (_, io::ErrorKind::NotFound) => "no such file or directory".to_string(),
        (_, io::ErrorKind::PermissionDenied) => "permission denied".to_string(),
        _ => format!("read error ({e})"),
    }
}

pub(crate) fn too_large(size: Option<u64>, limit: usize) -> DocError {
    match size {
        Some(n) => DocError(format!("document too large ({n} bytes, limit {limit})")),
        None => DocError(format!(
            "document too large (more than {limit} bytes, limit {limit})"
        )),
    }
}

/// Reads the rest of a payload after `prefix`, refusing more than `limit`
/// bytes in all. The size in the error is `known` when given, else what
/// the reader yields when drained.
pub(crate) fn read_payload(
    mut prefix: Vec<u8>,
    ended: bool,
    rest: &mut dyn Read,
    limit: usize,
    known: Option<u64>,
    layer: Layer,
) -> Result<Vec<u8>, DocError> {
    if !ended && prefix.len() <= limit {
        let room = (limit - prefix.len()) as u64 + 1;
        rest.take(room)
            .read_to_end(&mut prefix)
            .map_err(|e| DocError(io_message(&e, layer)))?;
    }
    if prefix.len() <= limit {
        return Ok(prefix);
    }
    let size = known.or_else(|| {
        let more = if ended {
            0
        } else {
            io::copy(rest, &mut io::sink()).ok()?
        };
        Some(prefix.len() as u64 + more)
    });
    Err(too_large(size, limit))
}

/// Only ASCII whitespace: nothing to read in any charset we decode.
pub(crate) fn is_blank(bytes: &[u8]) -> bool {
    bytes.iter().all(u8::is_ascii_whitespace)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn payload_within_and_over_the_limit() {
        let body = "Текст новости. ".repeat(100).into_bytes();
        let mut r = &body[..];
        let (prefix, ended, failed) = peek_partial(&mut r, 64);
        assert!(failed.is_none());
        assert!(!ended);
        let all = read_payload(prefix, ended, &mut r, body.len(), None, Layer::Plain).unwrap();
        assert_eq!(all, body);

        let mut r = &body[..];
        let (prefix, ended, failed) = peek_partial(&mut r, 64);
        assert!(failed.is_none());
        let err = read_payload(prefix, ended, &mut r, 100, None, Layer::Plain).unwrap_err();
        assert_eq!(
            err.0,
            format!("document too large ({} bytes, limit 100)", body.len())
        );

        // The prefix alone already exceeds a tiny limit.
        let mut r = &body[..];
        let (prefix, ended, failed) = peek_partial(&mut r, 64);
        assert!(failed.is_none());
        let err = read_payload(prefix, ended, &mut r, 10, Some(7777), Layer::Plain).unwrap_err();
        assert_eq!(err.0, "document too large (7777 bytes, limit 10)");
    }

    /// Yields its bytes, then fails once, then claims a clean end.
    struct CutReader(Vec<u8>, bool);
    impl Read for CutReader {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            if !self.0.is_empty() {
                let n = buf.len().min(self.0.len());
                buf[..n].copy_from_slice(&self.0[..n]);
                self.0.drain(..n);
                return Ok(n);
            }
            if !self.1 {
                self.1 = true;
                return Err(io::Error::new(io::ErrorKind::UnexpectedEof, "cut"));
            }
            Ok(0)
        }
    }

    #[test]
    fn a_failure_after_some_bytes_keeps_them_and_replays_in_place() {
        let mut r = CutReader(b"WARC/1.0 first record".to_vec(), false);
        let (prefix, ended, failed) = peek_partial(&mut r, 4096);
        assert_eq!(prefix, b"WARC/1.0 first record");
        assert!(!ended);
        assert_eq!(
            failed.as_ref().unwrap().kind(),
            io::ErrorKind::UnexpectedEof
        );
        // Read again: the bytes, then the failure where it was, then the
        // reader's own end.
        let mut again = Replay::new(prefix, failed, r);
        let mut bytes = Vec::new();
        let e = again.read_to_end(&mut bytes).unwrap_err();
        assert_eq!(bytes, b"WARC/1.0 first record");
        assert_eq!(e.kind(), io::ErrorKind::UnexpectedEof);
        assert_eq!(again.read(&mut [0u8; 8]).unwrap(), 0);
        let (prefix, _, failed) = peek_partial(&mut CutReader(Vec::new(), false), 16);
        assert!(prefix.is_empty() && failed.is_some());
    }

    #[test]
    fn blank_payloads() {
        assert!(is_blank(b" \r\n\t"));
        assert!(!is_blank("  я ".as_bytes()));
    }
}
