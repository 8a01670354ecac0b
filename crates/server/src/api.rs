//! The JSON endpoints under `/api` (documented in the README): stats,
//! events, actors, a dyad's timeline, the relations graph, one document,
//! search. Each parses and checks its parameters first (400), then reads
//! the store on a blocking thread.

use axum::extract::{Path, RawQuery, State};
use axum::routing::get;
use axum::{Json, Router};
use dyad_store::query::{count_events, events, EventFilter};
use dyad_store::timeline::{timeline, Bucket};
use dyad_store::{document, graph, search, stats, tallies};
use serde_json::{json, Value};

use crate::error::ApiError;
use crate::params::{with_filters, Params};
use crate::state::AppState;

/// Events per page: by default and at most.
pub const EVENTS_PAGE: usize = 50;
pub const MAX_PAGE: usize = 1000;
/// Search hits per page by default.
pub const SEARCH_PAGE: usize = 20;

type ApiResult = Result<Json<Value>, ApiError>;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/stats", get(stats_handler))
        .route("/api/events", get(events_handler))
        .route("/api/actors", get(actors_handler))
        .route("/api/timeline", get(timeline_handler))
        .route("/api/graph", get(graph_handler))
        .route("/api/documents/{id}", get(document_handler))
        .route("/api/search", get(search_handler))
        .route("/api", get(unknown_api))
        .route("/api/", get(unknown_api))
        .route("/api/{*rest}", get(unknown_api))
}

fn to_json<T: serde::Serialize>(v: &T) -> Result<Value, ApiError> {
    serde_json::to_value(v).map_err(|e| ApiError::internal(e.to_string()))
}

async fn stats_handler(State(state): State<AppState>, RawQuery(q): RawQuery) -> ApiResult {
    Params::parse(q.as_deref(), &[])?;
    let v = state
        .with_conn(|conn| to_json(&stats::stats(conn).map_err(ApiError::internal)?))
        .await?;
    Ok(Json(v))
}

async fn events_handler(State(state): State<AppState>, RawQuery(q): RawQuery) -> ApiResult {
    let p = Params::parse(q.as_deref(), &with_filters(&["limit", "offset"]))?;
    let limit = p.number("limit", EVENTS_PAGE, 1, MAX_PAGE)?;
    let offset = p.number("offset", 0, 0, usize::MAX >> 1)?;
    let filter = EventFilter {
        limit: Some(limit),
        offset,
        ..p.dyad_filter(&|v: &str| state.resolve_actor(v))?
    };
    let v = state
        .with_conn(move |conn| {
            let total = count_events(conn, &filter).map_err(ApiError::internal)?;
            let rows = events(conn, &filter).map_err(ApiError::internal)?;
            Ok(json!({ "total": total, "limit": limit, "offset": offset, "events": to_json(&rows)? }))
        })
        .await?;
    Ok(Json(v))
}

async fn actors_handler(State(state): State<AppState>, RawQuery(q): RawQuery) -> ApiResult {
    let p = Params::parse(q.as_deref(), &with_filters(&["limit"]))?;
    let limit = p.number("limit", 100, 1, MAX_PAGE)?;
    let filter = p.dyad_filter(&|v: &str| state.resolve_actor(v))?;
    let v = state
        .with_conn(move |conn| {
            let actors = tallies::actors(conn, &filter, limit).map_err(ApiError::internal)?;
            Ok(json!({ "actors": to_json(&actors)? }))
        })
        .await?;
    Ok(Json(v))
}

async fn timeline_handler(State(state): State<AppState>, RawQuery(q): RawQuery) -> ApiResult {
    let p = Params::parse(q.as_deref(), &with_filters(&["bucket"]))?;
    let bucket = match p.get("bucket") {
        None => Bucket::Week,
        Some(b) => Bucket::parse(b)
            .ok_or_else(|| ApiError::bad(format!("bucket '{b}': expected day, week or month")))?,
    };
    // Without a dyad: every selected event (the store's volume over time).
    let filter = p.dyad_filter(&|v: &str| state.resolve_actor(v))?;
    let (a, b) = match &filter.dyad {
        Some((a, b)) => (Some(a.to_ascii_uppercase()), Some(b.to_ascii_uppercase())),
        None => (None, None),
    };
    let directed = filter.directed;
    let v = state
        .with_conn(move |conn| {
            let t = timeline(conn, &filter, bucket).map_err(ApiError::internal)?;
            let mut v = to_json(&t)?;
            if let Some(o) = v.as_object_mut() {
                o.insert("a".into(), json!(a));
                o.insert("b".into(), json!(b));
                o.insert("directed".into(), json!(directed));
            }
            Ok(v)
        })
        .await?;
    Ok(Json(v))
}

async fn graph_handler(State(state): State<AppState>, RawQuery(q): RawQuery) -> ApiResult {
    let p = Params::parse(q.as_deref(), &with_filters(&["min_events"]))?;
    let min_events = p.number("min_events", 1, 1, usize::MAX >> 1)? as u64;
    let directed = p.flag("directed")?;
    let filter = p.filter(&|v: &str| state.resolve_actor(v))?;
    let v = state
        .with_conn(move |conn| {
            let g = graph::relations(conn, &filter, directed, min_events)
                .map_err(ApiError::internal)?;
            to_json(&g)
        })
        .await?;
    Ok(Json(v))
}

async fn document_handler(
    State(state): State<AppState>,
    Path(id): Path<String>,
    RawQuery(q): RawQuery,
) -> ApiResult {
    Params::parse(q.as_deref(), &[])?;
    let id: i64 = id.parse().ok().filter(|n| *n >= 0).ok_or_else(|| {
        ApiError::bad(format!(
            "document id '{id}': expected the number (doc_id) that events and search give"
        ))
    })?;
    let v = state
        .with_conn(move |conn| match document::document(conn, id) {
            Ok(Some(d)) => to_json(&d),
            Ok(None) => Err(ApiError::not_found(format!("no document {id}"))),
            Err(e) => Err(ApiError::internal(e)),
        })
        .await?;
    Ok(Json(v))
}

async fn search_handler(State(state): State<AppState>, RawQuery(q): RawQuery) -> ApiResult {
    let p = Params::parse(q.as_deref(), &["q", "limit", "offset"])?;
    let query = p.required("q")?.to_string();
    if search::match_expr(&query).is_none() {
        return Err(ApiError::bad(format!("q '{query}': no word to search for")));
    }
    let limit = p.number("limit", SEARCH_PAGE, 1, MAX_PAGE)?;
    let offset = p.number("offset", 0, 0, usize::MAX >> 1)?;
    let v = state
        .with_conn(move |conn| {
            let hits = search::search_page(conn, &query, limit, offset)
                .map_err(|e| ApiError::internal(format!("search: {e}")))?;
            Ok(json!({ "query": query, "limit": limit, "offset": offset, "results": to_json(&hits)? }))
        })
        .await?;
    Ok(Json(v))
}

async fn unknown_api(uri: axum::http::Uri) -> ApiError {
    ApiError::not_found(format!(
        "no endpoint {}: see /api/stats, /api/events, /api/actors, /api/timeline, /api/graph, \
         /api/documents/ID, /api/search",
        uri.path()
    ))
}
