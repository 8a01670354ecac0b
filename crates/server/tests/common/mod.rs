//! An empty dyad store to serve, and `dyad serve`'s own serving path
//! (`dyad_server::serve`) run on a real listener on 127.0.0.1.

#![allow(dead_code)]

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::PathBuf;
use std::time::Duration;

use dyad_server::{AppState, Limits};

/// A new, empty store (the schema only) in its own directory.
pub fn empty_store() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("served.db");
    dyad_store::schema::open(&db).unwrap();
    (dir, db)
}

/// A server on 127.0.0.1 with its own runtime; stops when dropped.
pub struct Server {
    pub addr: SocketAddr,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    runtime: Option<tokio::runtime::Runtime>,
    _store: tempfile::TempDir,
}

impl Server {
    pub fn start(limits: Limits, allow_hosts: &[&str]) -> Server {
        let (dir, db) = empty_store();
        let state = AppState::open(&db).unwrap();
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .unwrap();
        let listener = runtime
            .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
            .unwrap();
        let addr = listener.local_addr().unwrap();
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let allow: Vec<String> = allow_hosts.iter().map(|s| s.to_string()).collect();
        runtime.spawn(async move {
            let shutdown = async {
                let _ = stopped.await;
            };
            dyad_server::serve(listener, state, &allow, limits, shutdown)
                .await
                .unwrap();
        });
        Server {
            addr,
            stop: Some(stop),
            runtime: Some(runtime),
            _store: dir,
        }
    }

    /// A new connection; reads give up after 10 s (a server that never
    /// answers or never closes fails the test instead of hanging it).
    pub fn connect(&self) -> TcpStream {
        let s = TcpStream::connect(self.addr).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
        s
    }

    /// Sends `GET path` with `host` on a new connection (closed after it)
    /// and reads the whole answer.
    pub fn get(&self, path: &str, host: &str) -> String {
        let mut s = self.connect();
        write!(
            s,
            "GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
        )
        .unwrap();
        let mut answer = String::new();
        s.read_to_string(&mut answer).unwrap();
        answer
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(rt) = self.runtime.take() {
            rt.shutdown_timeout(Duration::from_secs(5));
        }
    }
}

/// Reads until the server closes the connection: the bytes read, or None
/// when it is still open after the read timeout.
pub fn read_until_closed(s: &mut TcpStream) -> Option<Vec<u8>> {
    let mut got = Vec::new();
    let mut buf = [0u8; 4096];
    loop {
        match s.read(&mut buf) {
            Ok(0) => return Some(got),
            Ok(n) => got.extend_from_slice(&buf[..n]),
            Err(e) if e.kind() == std::io::ErrorKind::ConnectionReset => return Some(got),
            Err(_) => return None,
        }
    }
}
