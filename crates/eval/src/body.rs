//! Token-level scoring of extracted article bodies (placeholder).
