#![no_main]
//! Fuzz target `decode`: the invariants of `dyad::selfcheck::decode`.

libfuzzer_sys::fuzz_target!(|data: &[u8]| dyad::selfcheck::decode(data));
