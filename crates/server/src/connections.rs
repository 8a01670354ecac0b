//! The accept loop under `dyad serve` and the limits that keep clients
//! from exhausting the server: at most `max_connections` connections
//! (at the cap, the oldest connection not being answered is closed to make
//! room, so idle connections can never lock a new client out), at most
//! `max_requests` requests answered at once (more wait their turn), and
//! `header_timeout` for a connection to send a whole request head, from
//! its opening or from its last response (so a partial request, or an
//! idle keep-alive connection, is closed after it).

use std::collections::BTreeMap;
use std::future::Future;
use std::io;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use axum::Router;
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{oneshot, watch, OwnedSemaphorePermit, Semaphore};
use tower::ServiceExt;

/// The limits of one server.
#[derive(Debug, Clone)]
pub struct Limits {
    /// Connections open at once.
    pub max_connections: usize,
    /// Requests answered at once.
    pub max_requests: usize,
    /// Time to send a request head (from the connection's opening or its
    /// last response).
    pub header_timeout: Duration,
    /// Time requests being answered get to finish once the server is
    /// told to stop.
    pub shutdown_grace: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            // Far below the usual 1024 open files, far above what a few
            // browser tabs open (6 per host each).
            max_connections: 256,
            max_requests: 16,
            header_timeout: Duration::from_secs(10),
            shutdown_grace: Duration::from_secs(5),
        }
    }
}

/// Serves `app` on `listener` until `shutdown` resolves, then lets the
/// requests being answered finish (for at most `shutdown_grace`).
pub async fn serve(
    listener: TcpListener,
    app: Router,
    limits: Limits,
    shutdown: impl Future<Output = ()>,
) {
    let slots = Arc::new(Semaphore::new(limits.max_connections));
    let server = Arc::new(Shared {
        app,
        header_timeout: limits.header_timeout,
        requests: Arc::new(Semaphore::new(limits.max_requests.max(1))),
        open: Mutex::new(Registry::default()),
    });
    let (stop, stopping) = watch::channel(false);
    tokio::pin!(shutdown);
    loop {
        let accepted = tokio::select! {
            accepted = accept(&listener, &server) => accepted,
            () = &mut shutdown => break,
        };
        let slot = tokio::select! {
            slot = make_room(&slots, &server) => slot,
            () = &mut shutdown => break,
        };
        let Some(slot) = slot else { break };
        tokio::spawn(connection(accepted, server.clone(), slot, stopping.clone()));
    }
    let _ = stop.send(true);
    let all = u32::try_from(limits.max_connections).unwrap_or(u32::MAX);
    let _ = tokio::time::timeout(limits.shutdown_grace, slots.acquire_many(all)).await;
}

/// What the connections share.
struct Shared {
    app: Router,
    header_timeout: Duration,
    /// One permit per request answered at once.
    requests: Arc<Semaphore>,
    open: Mutex<Registry>,
}

impl Shared {
    fn open(&self) -> MutexGuard<'_, Registry> {
        // A panic while holding it cannot leave the map inconsistent.
        self.open.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// The open connections, oldest first.
#[derive(Default)]
struct Registry {
    next_id: u64,
    open: BTreeMap<u64, Open>,
}

struct Open {
    /// True while a request of the connection is being answered.
    answering: Arc<AtomicBool>,
    /// Closes the connection at once.
    close: oneshot::Sender<()>,
}

impl Registry {
    /// Closes the oldest connection not being answered; false when every
    /// connection is.
    fn close_oldest_idle(&mut self) -> bool {
        let oldest = self
            .open
            .iter()
            .find(|(_, c)| !c.answering.load(Ordering::Acquire))
            .map(|(id, _)| *id);
        match oldest.and_then(|id| self.open.remove(&id)) {
            Some(c) => {
                let _ = c.close.send(());
                true
            }
            None => false,
        }
    }
}

/// The next connection. Out of file descriptors, closes an idle
/// connection and tries again shortly, so the loop never spins.
async fn accept(listener: &TcpListener, server: &Shared) -> TcpStream {
    loop {
        match listener.accept().await {
            Ok((stream, _)) => return stream,
            Err(e) if is_per_connection(&e) => {}
            Err(_) => {
                server.open().close_oldest_idle();
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
        }
    }
}

/// An accept error that concerns only the connection being accepted.
fn is_per_connection(e: &io::Error) -> bool {
    matches!(
        e.kind(),
        io::ErrorKind::ConnectionAborted
            | io::ErrorKind::ConnectionReset
            | io::ErrorKind::ConnectionRefused
            | io::ErrorKind::Interrupted
    )
}

/// A connection slot; at the cap, closes the oldest idle connection and
/// waits for its slot (or, when every connection is being answered, for
/// the first to end or fall idle). None once the semaphore is closed.
async fn make_room(slots: &Arc<Semaphore>, server: &Shared) -> Option<OwnedSemaphorePermit> {
    loop {
        if let Ok(slot) = slots.clone().try_acquire_owned() {
            return Some(slot);
        }
        server.open().close_oldest_idle();
        tokio::select! {
            slot = slots.clone().acquire_owned() => return slot.ok(),
            () = tokio::time::sleep(Duration::from_millis(50)) => {}
        }
    }
}

/// Marks a connection as answering while alive.
struct Answering(Arc<AtomicBool>);

impl Answering {
    fn start(flag: &Arc<AtomicBool>) -> Answering {
        flag.store(true, Ordering::Release);
        Answering(flag.clone())
    }
}

impl Drop for Answering {
    fn drop(&mut self) {
        self.0.store(false, Ordering::Release);
    }
}

/// Serves one connection until it ends, is closed to make room, or the
/// server stops (then its request being answered, if any, finishes).
async fn connection(
    stream: TcpStream,
    server: Arc<Shared>,
    slot: OwnedSemaphorePermit,
    mut stopping: watch::Receiver<bool>,
) {
    let answering = Arc::new(AtomicBool::new(false));
    let (close, closed) = oneshot::channel();
    let id = {
        let mut open = server.open();
        let id = open.next_id;
        open.next_id += 1;
        open.open.insert(
            id,
            Open {
                answering: answering.clone(),
                close,
            },
        );
        id
    };
    let shared = server.clone();
    let service = hyper::service::service_fn(move |request: hyper::Request<Incoming>| {
        let shared = shared.clone();
        let answering = Answering::start(&answering);
        async move {
            let _answering = answering;
            // Never closed, so never an error.
            let _turn = shared.requests.clone().acquire_owned().await;
            shared.app.clone().oneshot(request).await
        }
    });
    let mut builder = http1::Builder::new();
    builder
        .timer(TokioTimer::new())
        .header_read_timeout(server.header_timeout);
    let conn = builder.serve_connection(TokioIo::new(stream), service);
    tokio::pin!(conn);
    let stop = tokio::select! {
        _ = conn.as_mut() => false,
        _ = closed => false,
        _ = stopping.wait_for(|stop| *stop) => true,
    };
    if stop {
        conn.as_mut().graceful_shutdown();
        let _ = conn.await;
    }
    server.open().open.remove(&id);
    drop(slot);
}
