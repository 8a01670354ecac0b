//! Headers on every response that narrow what a browser lets a page do:
//! `X-Content-Type-Options: nosniff` (a file is only what its content type
//! says) and a `Content-Security-Policy` fit for the dashboard.

use axum::http::{header, HeaderValue};
use axum::response::Response;

/// The dashboard loads its own JS and CSS files and ECharts from this
/// server, and fetches only `/api`: no inline or evaluated script, no
/// other origin, no plugin, no framing. Inline *styles* are allowed:
/// ECharts writes its tooltips' markup with `style` attributes (styles
/// cannot run script). `data:` images: the page's empty favicon.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; script-src 'self'; \
     style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; \
     base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// Adds the headers to a response.
pub async fn add(mut response: Response) -> Response {
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CONTENT_SECURITY_POLICY),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    response
}
