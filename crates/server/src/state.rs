//! The store the server reads: read-only SQLite connections kept in a
//! small pool, each query run on tokio's blocking threads so a slow query
//! never stalls the others.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use dyad_store::schema::open_read_only;
use rusqlite::Connection;

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
