//! One scanner for every fuzz target: tight limits so that each input is
//! quick, and the file name only picks among formats the bytes cannot tell.
use phi_guard::{Policy, Scanner};
use std::sync::OnceLock;

pub fn scan(name: &str, data: &[u8]) {
    static SCANNER: OnceLock<Scanner> = OnceLock::new();
    let scanner = SCANNER.get_or_init(|| {
        let mut policy = Policy::default();
        policy.files.max_decompressed_bytes = 8 << 20;
        policy.files.max_entries = 2_000;
        policy.files.time_budget_ms = 2_000;
        policy.max_scan_bytes = 1 << 20;
        Scanner::new(policy).expect("default policy")
    });
    let scan = scanner.scan_file(name, data);
    // Every offset must be a character boundary of the text it points into.
    for f in &scan.report.findings {
        assert!(f.start <= f.end && scan.text.get(f.start..f.end).is_some(), "finding outside the scanned text");
    }
}
