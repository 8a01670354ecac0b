//! A time limit per document, checked cooperatively. The pipeline starts a
//! document's clock on the thread that processes it ([`start`]); stages
//! call [`check`] once per block, sentence or page step, and when the time
//! is up `check` unwinds to the pipeline, which catches it and writes the
//! document's error record. The unwinding goes through
//! `std::panic::resume_unwind`, so no panic message is printed and nothing
//! but the current document is lost.

use std::cell::Cell;
use std::time::{Duration, Instant};

thread_local! {
    static DEADLINE: Cell<Option<Instant>> = const { Cell::new(None) };
}

/// The payload `check` unwinds with: the document's time was up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Overrun;

/// Starts the clock of the document the current thread is about to
/// process; `None` sets no limit. The limit ends when the guard drops.
pub fn start(limit: Option<Duration>) -> Guard {
    let deadline = limit.and_then(|l| Instant::now().checked_add(l));
    Guard {
        previous: DEADLINE.with(|d| d.replace(deadline)),
    }
}

/// Restores the limit that was in force before [`start`].
#[must_use = "the limit ends when the guard drops"]
pub struct Guard {
    previous: Option<Instant>,
}

impl Drop for Guard {
    fn drop(&mut self) {
        DEADLINE.with(|d| d.set(self.previous));
    }
}

/// Unwinds with [`Overrun`] when the current document's time is up. One
/// clock read: call it per block or sentence, not per character.
pub fn check() {
    if expired() {
        std::panic::resume_unwind(Box::new(Overrun));
    }
}

/// Whether the current document's time is up.
pub fn expired() -> bool {
    DEADLINE
        .with(|d| d.get())
        .is_some_and(|end| Instant::now() >= end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::panic::catch_unwind;

    #[test]
    fn no_limit_never_expires() {
        let _guard = start(None);
        assert!(!expired());
        check();
    }

    #[test]
    fn an_expired_limit_unwinds_with_overrun_and_the_guard_restores_it() {
        let outer = start(Some(Duration::from_secs(3600)));
        let caught = catch_unwind(|| {
            let _inner = start(Some(Duration::ZERO));
            check();
        });
        let payload = caught.expect_err("check should unwind");
        assert_eq!(payload.downcast_ref::<Overrun>(), Some(&Overrun));
        // The inner guard dropped while unwinding: the outer limit is back.
        assert!(!expired());
        drop(outer);
        assert!(!expired());
    }
}
