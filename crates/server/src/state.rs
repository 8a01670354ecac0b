//! The store the server reads: read-only SQLite connections kept in a
//! small pool, each query run on tokio's blocking threads so a slow query
//! never stalls the others.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use rusqlite::{Connection, OpenFlags};

use crate::error::ApiError;

/// Idle connections kept for reuse.
const POOL_SIZE: usize = 8;

#[derive(Clone)]
pub struct AppState {
    inner: Arc<Inner>,
}

struct Inner {
    db: PathBuf,
    idle: Mutex<Vec<Connection>>,
}

impl AppState {
    /// Opens the store at `db` once to check that it is one; it must
    /// exist (serving never creates a store).
    pub fn open(db: &Path) -> Result<AppState, String> {
        if !db.is_file() {
            return Err(format!(
                "{}: no such store (run `dyad ingest PATH --db {}` first)",
                db.display(),
                db.display()
            ));
        }
        let conn = open_read_only(db)?;
        Ok(AppState {
            inner: Arc::new(Inner {
                db: db.to_path_buf(),
                idle: Mutex::new(vec![conn]),
            }),
        })
    }

    pub fn db(&self) -> &Path {
        &self.inner.db
    }

    /// Runs `f` with a connection on a blocking thread.
    pub async fn with_conn<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&Connection) -> Result<T, ApiError> + Send + 'static,
    {
        let state = self.clone();
        tokio::task::spawn_blocking(move || {
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
            None => open_read_only(&self.inner.db).map_err(ApiError::internal),
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

/// A read-only connection to a dyad store of this version (an ingest may
/// be writing meanwhile: WAL lets both go on).
fn open_read_only(db: &Path) -> Result<Connection, String> {
    let conn = Connection::open_with_flags(
        db,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| format!("{}: cannot open: {e}", db.display()))?;
    dyad_store::schema::check_version(&conn).map_err(|e| format!("{}: {e}", db.display()))?;
    conn.busy_timeout(std::time::Duration::from_secs(30))
        .map_err(|e| e.to_string())?;
    Ok(conn)
}
