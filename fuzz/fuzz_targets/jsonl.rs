#![no_main]
//! Fuzz target `jsonl`: the invariants of `dyad::selfcheck::jsonl`.

libfuzzer_sys::fuzz_target!(|data: &[u8]| dyad::selfcheck::jsonl(data));
