#![no_main]
//! Fuzz target `extract_text`: the invariants of `dyad::selfcheck::extract_text`.

libfuzzer_sys::fuzz_target!(|data: &[u8]| dyad::selfcheck::extract_text(data));
