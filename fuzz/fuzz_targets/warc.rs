#![no_main]
//! Fuzz target `warc`: the invariants of `dyad::selfcheck::warc`.

libfuzzer_sys::fuzz_target!(|data: &[u8]| dyad::selfcheck::warc(data));
