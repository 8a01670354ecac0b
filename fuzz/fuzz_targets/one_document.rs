#![no_main]
//! Fuzz target `one_document`: the invariants of `dyad::selfcheck::one_document`.

libfuzzer_sys::fuzz_target!(|data: &[u8]| dyad::selfcheck::one_document(data));
