//! dyad-server owns `dyad serve`: a JSON API over a dyad store (events,
//! actors, a dyad's timeline, the relations graph, one document with its
//! dropped boilerplate, search) and the dashboard that uses it, whose
//! files are embedded in the binary. It only reads the store, and guards
//! itself: bounded memory and connections, timeouts on slow clients
//! (`connections`), a Host allow-list against DNS rebinding on loopback
//! addresses (`hosts`), security headers (`security_headers`).

pub mod api;
pub mod assets;
pub mod connections;
pub mod error;
pub mod hosts;
pub mod params;
pub mod security_headers;
pub mod state;

use std::future::Future;
use std::net::SocketAddr;
use std::path::PathBuf;

use axum::middleware;
use axum::Router;
use tokio::net::TcpListener;

pub use connections::Limits;
pub use hosts::AllowedHosts;
pub use state::AppState;

/// The whole application: the API and the dashboard's files, with the
/// security headers, without a Host check.
pub fn app(state: AppState) -> Router {
    app_for_hosts(state, None)
}

/// The application, answering only the hosts allowed (all when None).
pub fn app_for_hosts(state: AppState, hosts: Option<AllowedHosts>) -> Router {
    let mut router = api::routes()
        .fallback(assets::serve_asset)
        .with_state(state);
    if let Some(hosts) = hosts {
        router = router.layer(middleware::from_fn_with_state(hosts, hosts::check));
    }
    router.layer(middleware::map_response(security_headers::add))
}

/// What `dyad serve` is asked to do.
#[derive(Debug, Clone)]
pub struct Options {
    pub db: PathBuf,
    pub host: String,
    /// 0: any free port.
    pub port: u16,
    /// Host names answered besides localhost and loopback addresses
    /// (`--allow-host`).
    pub allow_hosts: Vec<String>,
    pub limits: Limits,
    /// The actor dictionary the filters read names with (the command
    /// line's, so `dyad serve` and `dyad query` resolve names alike).
    pub actors: dyad_actors::Sources,
}

/// Serves `state` on `listener` until `shutdown` resolves, as `dyad serve`
/// does: the Host check for the address listened on, and `limits`.
pub async fn serve(
    listener: TcpListener,
    state: AppState,
    allow_hosts: &[String],
    limits: Limits,
    shutdown: impl Future<Output = ()>,
) -> Result<(), String> {
    let addr = listener.local_addr().map_err(|e| e.to_string())?;
    let hosts = AllowedHosts::for_listener(addr.ip(), allow_hosts);
    connections::serve(listener, app_for_hosts(state, hosts), limits, shutdown).await;
    Ok(())
}

/// Serves until Ctrl-C or SIGTERM. Prints `dyad serve: http://HOST:PORT/`
/// on stderr once it listens.
pub fn run(opts: &Options) -> Result<(), String> {
    let actors = dyad_actors::Dictionary::load(&opts.actors).map_err(|e| e.to_string())?;
    let state = AppState::open(&opts.db)?.with_actors(actors);
    // Few threads, so few malloc arenas: the work is SQLite's, on at most
    // POOL_SIZE blocking threads at once.
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get().min(4));
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(workers)
        .max_blocking_threads(state::POOL_SIZE)
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
        serve(
            listener,
            state,
            &opts.allow_hosts,
            opts.limits.clone(),
            shutdown(),
        )
        .await
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
