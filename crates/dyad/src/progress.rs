//! A one-line progress report on stderr for long runs, shown only when
//! stderr is a terminal.

use std::io::{IsTerminal, Write};
use std::time::{Duration, Instant};

pub struct Progress {
    enabled: bool,
    started: Instant,
    last: Instant,
    pub docs: usize,
    pub errors: usize,
    /// Documents expected in all, when known: shows an ETA.
    total: Option<usize>,
}

const EVERY: Duration = Duration::from_millis(250);

impl Progress {
    pub fn new() -> Self {
        Self::with_display(std::io::stderr().is_terminal())
    }

    pub fn with_display(enabled: bool) -> Self {
        let now = Instant::now();
        Progress {
            enabled,
            started: now,
            last: now,
            docs: 0,
            errors: 0,
            total: None,
        }
    }

    /// The same, with the number of documents expected.
    pub fn with_total(mut self, total: Option<usize>) -> Self {
        self.total = total;
        self
    }

    /// Count one finished document.
    pub fn tick(&mut self, error: bool) {
        self.docs += 1;
        self.errors += usize::from(error);
        if self.enabled && self.last.elapsed() >= EVERY {
            self.last = Instant::now();
            let rate = self.docs as f64 / self.started.elapsed().as_secs_f64().max(1e-9);
            let eta = match self.total {
                Some(t) if t > self.docs && rate > 0.0 => {
                    let secs = ((t - self.docs) as f64 / rate).round() as u64;
                    format!(" of {t}, ETA {}:{:02}", secs / 60, secs % 60)
                }
                _ => String::new(),
            };
            eprint!(
                "\r\x1b[K{} documents{eta}, {} errors, {:.0} docs/s",
                self.docs, self.errors, rate
            );
            let _ = std::io::stderr().flush();
        }
    }

    pub fn elapsed(&self) -> Duration {
        self.started.elapsed()
    }

    /// Clear the progress line.
    pub fn finish(&self) {
        if self.enabled {
            eprint!("\r\x1b[K");
        }
    }
}

impl Default for Progress {
    fn default() -> Self {
        Self::new()
    }
}
