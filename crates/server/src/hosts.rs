//! The Host allow-list that keeps a web page from reading a store served
//! on a loopback address (DNS rebinding: a page of `evil.example` whose
//! name is made to resolve to 127.0.0.1 can query the server, but its
//! requests still say `Host: evil.example`). Allowed: `localhost`, every
//! loopback address (127.0.0.0/8, `[::1]`), the address listened on and
//! the names given with `--allow-host`, each with or without a port. Any
//! other Host is answered 403 with a JSON error. A request without a Host
//! (HTTP/1.0 tools; browsers always send one) is answered.

use std::net::IpAddr;
use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{header, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::error::ApiError;

#[derive(Debug, Clone)]
pub struct AllowedHosts {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    /// The address listened on (allowed as a Host too).
    listening: IpAddr,
    /// `--allow-host` names, lowercase, without a final dot.
    names: Vec<String>,
}

impl AllowedHosts {
    /// The check for a server listening on `listening`: on when that is a
    /// loopback address or when names are given, off (None) otherwise.
    pub fn for_listener(listening: IpAddr, names: &[String]) -> Option<AllowedHosts> {
        if !listening.to_canonical().is_loopback() && names.is_empty() {
            return None;
        }
        Some(AllowedHosts {
            inner: Arc::new(Inner {
                listening,
                names: names.iter().map(|n| normalise(host_name(n))).collect(),
            }),
        })
    }

    /// Whether a Host value (a name or address, with an optional port)
    /// is one this server answers.
    pub fn allows(&self, host: &str) -> bool {
        let Some(name) = host_name_checked(host) else {
            return false;
        };
        let name = normalise(name);
        if name == "localhost" || self.inner.names.contains(&name) {
            return true;
        }
        let listening = self.inner.listening.to_canonical();
        match name.parse::<IpAddr>() {
            Ok(ip) => {
                let ip = ip.to_canonical();
                ip.is_loopback() || (ip == listening && !listening.is_unspecified())
            }
            Err(_) => false,
        }
    }
}

/// Refuses a request whose Host (or absolute URI) names a host not
/// allowed.
pub async fn check(State(hosts): State<AllowedHosts>, request: Request, next: Next) -> Response {
    let header = match request.headers().get(header::HOST).map(|v| v.to_str()) {
        None => None,
        Some(Ok(h)) => Some(h),
        Some(Err(_)) => return refuse("the Host header is not text".into()),
    };
    let in_uri = request.uri().authority().map(|a| a.as_str());
    for host in [header, in_uri].into_iter().flatten() {
        if !hosts.allows(host) {
            return refuse(format!(
                "Host '{host}' is not served here: dyad serve answers localhost, loopback \
                 addresses, the address it listens on and the names given with --allow-host"
            ));
        }
    }
    next.run(request).await
}

fn refuse(message: String) -> Response {
    ApiError {
        status: StatusCode::FORBIDDEN,
        message,
    }
    .into_response()
}

/// The host of `host[:port]` or `[v6]:port`, also for a malformed value
/// (used on `--allow-host` names).
fn host_name(value: &str) -> &str {
    host_name_checked(value).unwrap_or(value)
}

/// The host of a Host value; None when it is malformed (a port that is
/// not a number, an unbracketed IPv6 address, an empty name).
fn host_name_checked(value: &str) -> Option<&str> {
    let (name, port) = if let Some(rest) = value.strip_prefix('[') {
        let (inside, after) = rest.split_once(']')?;
        let port = match after {
            "" => None,
            _ => Some(after.strip_prefix(':')?),
        };
        (inside, port)
    } else {
        match value.split_once(':') {
            Some((name, port)) => (name, Some(port)),
            None => (value, None),
        }
    };
    let port_ok = match port {
        None | Some("") => true,
        Some(p) => p.bytes().all(|b| b.is_ascii_digit()),
    };
    (port_ok && !name.is_empty()).then_some(name)
}

fn normalise(name: &str) -> String {
    name.trim_end_matches('.').to_ascii_lowercase()
}
