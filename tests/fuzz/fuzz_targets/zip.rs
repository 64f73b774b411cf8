#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| phi_guard_fuzz::scan("a.zip", data));
