//! dyad-server owns `dyad serve`: a JSON API over a dyad store (events,
//! actors, a dyad's timeline, the relations graph, one document with its
//! dropped boilerplate, search) and the dashboard that uses it, whose
//! files are embedded in the binary. It only reads the store.

pub mod api;
pub mod assets;
pub mod error;
pub mod params;
pub mod state;

use std::net::SocketAddr;
use std::path::PathBuf;

use axum::Router;

pub use state::AppState;

/// The whole application: the API and the dashboard's files.
pub fn app(state: AppState) -> Router {
    api::routes()
        .fallback(assets::serve_asset)
        .with_state(state)
}

/// What `dyad serve` is asked to do.
#[derive(Debug, Clone)]
pub struct Options {
    pub db: PathBuf,
    pub host: String,
    /// 0: any free port.
    pub port: u16,
}

/// Serves until Ctrl-C or SIGTERM. Prints `dyad serve: http://HOST:PORT/`
/// on stderr once it listens.
pub fn run(opts: &Options) -> Result<(), String> {
    let state = AppState::open(&opts.db)?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| format!("cannot start the server's threads: {e}"))?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind((opts.host.as_str(), opts.port))
            .await
            .map_err(|e| format!("cannot listen on {}:{}: {e}", opts.host, opts.port))?;
        let addr: SocketAddr = listener.local_addr().map_err(|e| e.to_string())?;
        if !addr.ip().is_loopback() {
            eprintln!(
                "dyad serve: warning: listening on {} — anyone who can reach it can read the store \
                 (there is no login)",
                addr.ip()
            );
        }
        eprintln!("dyad serve: serving {}", state.db().display());
        eprintln!("dyad serve: http://{addr}/");
        axum::serve(listener, app(state))
            .with_graceful_shutdown(shutdown())
            .await
            .map_err(|e| format!("the server stopped: {e}"))
    })
}

/// Resolves on Ctrl-C or SIGTERM.
async fn shutdown() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {}
        () = term => {}
    }
}
