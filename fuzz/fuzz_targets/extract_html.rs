#![no_main]
//! Fuzz target `extract_html`: the invariants of `dyad::selfcheck::extract_html`.

libfuzzer_sys::fuzz_target!(|data: &[u8]| dyad::selfcheck::extract_html(data));
