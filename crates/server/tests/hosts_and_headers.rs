//! What `dyad serve` answers, and to whom: on a loopback address only
//! requests naming localhost, a loopback address or an `--allow-host` name
//! (a DNS-rebinding page names its own host: 403); the dashboard's files
//! only to GET and HEAD (405 with Allow otherwise); and every response
//! carries the Content-Security-Policy and nosniff headers.

mod common;

use std::net::IpAddr;

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use axum::response::Response;
use common::{empty_store, Server};
use dyad_server::{AllowedHosts, Limits};
use serde_json::Value;
use tower::ServiceExt;

/// The application as served on `listening` with `--allow-host` `names`.
async fn send(listening: &str, names: &[&str], request: Request<Body>) -> Response {
    let (_dir, db) = empty_store();
    let state = dyad_server::AppState::open(&db).unwrap();
    let names: Vec<String> = names.iter().map(|s| s.to_string()).collect();
    let hosts = AllowedHosts::for_listener(listening.parse::<IpAddr>().unwrap(), &names);
    dyad_server::app_for_hosts(state, hosts)
        .oneshot(request)
        .await
        .unwrap()
}

fn get_with_host(uri: &str, host: &str) -> Request<Body> {
    Request::get(uri)
        .header(header::HOST, host)
        .body(Body::empty())
        .unwrap()
}

async fn json_body(response: Response) -> Value {
    let bytes = axum::body::to_bytes(response.into_body(), 1 << 20)
        .await
        .unwrap();
    serde_json::from_slice(&bytes).unwrap()
}

#[tokio::test]
async fn on_loopback_other_hosts_are_refused_with_a_json_error() {
    for host in [
        "evil.example",
        "evil.example:8080",
        "localhost.evil.example",
        "127.0.0.1.evil.example",
        "dyad.example.evil.example",
        "192.168.1.5",
        "[::2]:8080",
        "::1",
        "localhost:http",
        "",
    ] {
        let response = send(
            "127.0.0.1",
            &["dyad.example"],
            get_with_host("/api/stats", host),
        )
        .await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "Host '{host}'");
        let body = json_body(response).await;
        let error = body["error"].as_str().unwrap_or_default();
        assert!(error.contains("--allow-host"), "Host '{host}': {body}");
    }
    // The dashboard's page too, and an absolute URI naming another host.
    let response = send("::1", &[], get_with_host("/", "evil.example")).await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let absolute = get_with_host("http://evil.example/api/stats", "localhost");
    let response = send("127.0.0.1", &[], absolute).await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn localhost_loopback_addresses_and_allowed_names_are_answered() {
    for host in [
        "localhost",
        "localhost:8080",
        "LocalHost.",
        "127.0.0.1",
        "127.0.0.1:8080",
        "127.45.6.7:1",
        "[::1]",
        "[::1]:8080",
        "dyad.example",
        "DYAD.example:443",
        "lab-box",
    ] {
        let response = send(
            "127.0.0.1",
            &["dyad.example", "Lab-Box:8080"],
            get_with_host("/api/stats", host),
        )
        .await;
        assert_eq!(response.status(), StatusCode::OK, "Host '{host}'");
    }
    // No Host at all: not a browser, so not a rebinding page.
    let bare = Request::get("/api/stats").body(Body::empty()).unwrap();
    assert_eq!(send("127.0.0.1", &[], bare).await.status(), StatusCode::OK);
}

#[tokio::test]
async fn off_loopback_any_host_unless_names_are_given() {
    let response = send(
        "0.0.0.0",
        &[],
        get_with_host("/api/stats", "anything.example"),
    )
    .await;
    assert_eq!(response.status(), StatusCode::OK);
    let names = ["dyad.example"];
    for (host, status) in [
        ("dyad.example", StatusCode::OK),
        ("192.0.2.7:8080", StatusCode::OK),
        ("localhost", StatusCode::OK),
        ("other.example", StatusCode::FORBIDDEN),
        ("192.0.2.8", StatusCode::FORBIDDEN),
    ] {
        let response = send("192.0.2.7", &names, get_with_host("/api/stats", host)).await;
        assert_eq!(response.status(), status, "Host '{host}'");
    }
}

#[test]
fn the_real_server_on_loopback_checks_the_host() {
    let server = Server::start(Limits::default(), &["dyad.example"]);
    let refused = server.get("/api/stats", "evil.example");
    assert!(refused.starts_with("HTTP/1.1 403"), "{refused}");
    assert!(refused.contains("\"error\""), "{refused}");
    let port = server.addr.port();
    for host in [
        format!("localhost:{port}"),
        format!("127.0.0.1:{port}"),
        "dyad.example".to_string(),
    ] {
        let answered = server.get("/api/stats", &host);
        assert!(answered.starts_with("HTTP/1.1 200"), "{host}: {answered}");
    }
}

#[tokio::test]
async fn the_dashboards_files_answer_only_get_and_head() {
    for (method, uri) in [
        (Method::POST, "/"),
        (Method::POST, "/index.html"),
        (Method::PUT, "/app.js"),
        (Method::DELETE, "/no-such-file"),
        (Method::PATCH, "/vendor/echarts.min.js"),
    ] {
        let request = Request::builder()
            .method(method.clone())
            .uri(uri)
            .header(header::HOST, "localhost")
            .body(Body::from("x=1"))
            .unwrap();
        let response = send("127.0.0.1", &[], request).await;
        assert_eq!(
            response.status(),
            StatusCode::METHOD_NOT_ALLOWED,
            "{method} {uri}"
        );
        assert_eq!(
            response.headers()[header::ALLOW],
            "GET, HEAD",
            "{method} {uri}"
        );
    }
    for method in [Method::GET, Method::HEAD] {
        let request = Request::builder()
            .method(method.clone())
            .uri("/")
            .header(header::HOST, "localhost")
            .body(Body::empty())
            .unwrap();
        let response = send("127.0.0.1", &[], request).await;
        assert_eq!(response.status(), StatusCode::OK, "{method} /");
        assert!(response.headers()[header::CONTENT_TYPE]
            .to_str()
            .unwrap()
            .starts_with("text/html"));
    }
}

#[tokio::test]
async fn every_response_has_the_security_headers() {
    let post = Request::post("/")
        .header(header::HOST, "localhost")
        .body(Body::empty())
        .unwrap();
    let cases = [
        ("page", get_with_host("/", "localhost"), StatusCode::OK),
        (
            "script",
            get_with_host("/app.js", "localhost"),
            StatusCode::OK,
        ),
        (
            "api",
            get_with_host("/api/stats", "localhost"),
            StatusCode::OK,
        ),
        (
            "api error",
            get_with_host("/api/events?limit=x", "localhost"),
            StatusCode::BAD_REQUEST,
        ),
        (
            "missing file",
            get_with_host("/nothing.css", "localhost"),
            StatusCode::NOT_FOUND,
        ),
        (
            "wrong host",
            get_with_host("/", "evil.example"),
            StatusCode::FORBIDDEN,
        ),
        ("wrong method", post, StatusCode::METHOD_NOT_ALLOWED),
    ];
    for (what, request, status) in cases {
        let response = send("127.0.0.1", &[], request).await;
        assert_eq!(response.status(), status, "{what}");
        let headers = response.headers();
        assert_eq!(headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff", "{what}");
        let csp = headers[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
        assert!(csp.contains("script-src 'self'"), "{what}: {csp}");
        assert!(csp.contains("default-src 'none'"), "{what}: {csp}");
        assert!(csp.contains("frame-ancestors 'none'"), "{what}: {csp}");
    }
}

/// The policy fits the dashboard: its page has no inline script or
/// handler (script-src 'self' would block them), and loads nothing from
/// another origin.
#[tokio::test]
async fn the_dashboard_page_needs_nothing_the_policy_blocks() {
    let response = send("127.0.0.1", &[], get_with_host("/", "localhost")).await;
    let page = axum::body::to_bytes(response.into_body(), 1 << 20)
        .await
        .unwrap();
    let page = String::from_utf8(page.to_vec()).unwrap();
    for tag in page.split("<script").skip(1) {
        let open = &tag[..tag.find('>').unwrap()];
        assert!(
            open.contains("src=\"/"),
            "an inline or foreign script: <script{open}>"
        );
    }
    assert!(!page.contains(" onclick=") && !page.contains(" onload="));
    assert!(!page.contains("<style"), "an inline style sheet");
    assert!(!page.contains("http://") && !page.contains("https://"));
}
