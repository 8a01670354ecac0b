//! The store the server reads: at most `POOL_SIZE` read-only SQLite
//! connections, each with a bounded page cache and no memory map, each
//! query run on one of tokio's blocking threads so a slow query never
//! stalls the others. A query waits (without holding a thread) until a
//! connection is free, so however many requests arrive, the server's
//! SQLite memory and blocking threads stay bounded.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

use dyad_actors::Dictionary;

use dyad_store::schema::open_read_only;
use rusqlite::Connection;
use tokio::sync::Semaphore;

use crate::error::ApiError;

/// Connections open at once, so also queries run at once and blocking
/// threads busy at once.
pub const POOL_SIZE: usize = 4;

/// Each connection's page cache, in KiB (SQLite's default is 2 MiB).
const CACHE_KIB: u32 = 8 * 1024;

#[derive(Clone)]
pub struct AppState {
    inner: Arc<Inner>,
}

struct Inner {
    db: PathBuf,
    /// The actor dictionary filters resolve names with: the one `dyad
    /// serve` was given, else the built-in one, read on first use.
    actors: OnceLock<Option<Dictionary>>,
    idle: Mutex<Vec<Connection>>,
    /// One permit per connection that may be open.
    slots: Arc<Semaphore>,
}

impl AppState {
    /// Opens the store at `db` once to check that it is one; it must
    /// exist (serving never creates a store).
    pub fn open(db: &Path) -> Result<AppState, String> {
        let conn = open(db)?;
        Ok(AppState {
            inner: Arc::new(Inner {
                db: db.to_path_buf(),
                actors: OnceLock::new(),
                idle: Mutex::new(vec![conn]),
                slots: Arc::new(Semaphore::new(POOL_SIZE)),
            }),
        })
    }

    /// The state reading actor names with `dictionary` (`dyad serve`
    /// gives the command line's) instead of the built-in one.
    pub fn with_actors(self, dictionary: Dictionary) -> Self {
        let _ = self.inner.actors.set(Some(dictionary));
        self
    }

    /// An `actor` or `dyad` value (an id, a code or a name in any
    /// language and form) as the id or code the store holds; an unknown
    /// or ambiguous one is an error naming the nearest actors.
    pub fn resolve_actor(&self, value: &str) -> Result<String, String> {
        match self.inner.actors.get_or_init(|| Dictionary::builtin().ok()) {
            Some(dictionary) => dictionary.resolve(value),
            None => Ok(value.to_string()),
        }
    }

    pub fn db(&self) -> &Path {
        &self.inner.db
    }

    /// Runs `f` with a connection on a blocking thread, once one of the
    /// `POOL_SIZE` connections is free.
    pub async fn with_conn<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&Connection) -> Result<T, ApiError> + Send + 'static,
    {
        let slot = self
            .inner
            .slots
            .clone()
            .acquire_owned()
            .await
            .map_err(|e| ApiError::internal(format!("the store is closed: {e}")))?;
        let state = self.clone();
        tokio::task::spawn_blocking(move || {
            // Held until the connection is back in the pool, even if the
            // request that asked for it has gone.
            let _slot = slot;
            let conn = state.take()?;
            let out = f(&conn);
            state.give_back(conn);
            out
        })
        .await
        .map_err(|e| ApiError::internal(format!("the query failed: {e}")))?
    }

    fn take(&self) -> Result<Connection, ApiError> {
        let idle = self.inner.idle.lock().ok().and_then(|mut v| v.pop());
        match idle {
            Some(c) => Ok(c),
            None => open(&self.inner.db).map_err(ApiError::internal),
        }
    }

    fn give_back(&self, conn: Connection) {
        if let Ok(mut idle) = self.inner.idle.lock() {
            if idle.len() < POOL_SIZE {
                idle.push(conn);
            }
        }
    }
}

/// A read-only connection whose memory is bounded: a page cache of
/// `CACHE_KIB` and no memory-mapped reads.
fn open(db: &Path) -> Result<Connection, String> {
    let conn = open_read_only(db)?;
    conn.execute_batch(&format!(
        "PRAGMA cache_size = -{CACHE_KIB}; PRAGMA mmap_size = 0;"
    ))
    .map_err(|e| format!("{}: cannot set the page cache: {e}", db.display()))?;
    Ok(conn)
}
