//! Attachments end to end through the public API: every synthetic fixture of
//! `tests/fixtures/build.rs` (PHI caught with the right `source`, clean ones
//! allowed with no notes), and every input kept in `tests/fuzz/regressions/`
//! (read without a panic, findings inside the scanned text).
#[path = "fixtures/build.rs"]
mod build;

use phi_guard::{Policy, Scanner, Verdict};

fn scanner() -> Scanner {
    Scanner::new(Policy::default()).unwrap()
}

#[test]
fn every_fixture_gets_its_verdict_and_sources() {
    let s = scanner();
    for (name, bytes) in build::all() {
        let scan = s.scan_file(name, &bytes);
        let r = &scan.report;
        if name.starts_with("bomb") {
            assert_eq!(r.verdict, Verdict::Warn, "{name}: {r:?}");
            assert!(r.notes.iter().any(|n| n.contains("max_ratio")), "{name}: {r:?}");
            continue;
        }
        if name.starts_with("clean") {
            assert_eq!((r.verdict, r.notes.len()), (Verdict::Allow, 0), "{name}: {r:?}");
            assert!(r.findings.iter().all(|f| !f.kind.is_identifier()), "{name}: {r:?}");
            continue;
        }
        assert_ne!(r.verdict, Verdict::Allow, "{name}: {r:?}");
        let ext = name.rsplit('.').next().unwrap();
        let prefix = match ext {
            "csv" => "csv:",
            "zip" => "zip:",
            "dcm" => "dicom:",
            "xml" => "cda:",
            "pdf" => "pdf",
            "jpg" => "exif:",
            office => office,
        };
        assert!(
            r.findings.iter().any(|f| f.kind.is_identifier() && f.source.as_deref().is_some_and(|s| s.starts_with(prefix))),
            "{name}: no identifier from {prefix}: {r:?}"
        );
        for f in &r.findings {
            assert!(scan.text.get(f.start..f.end).is_some(), "{name}: offsets outside the text");
        }
    }
}

#[test]
fn regression_inputs_never_panic() {
    let s = scanner();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz/regressions");
    let mut n = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "md") {
            continue;
        }
        let bytes = std::fs::read(&path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy();
        let scan = s.scan_file(&name, &bytes);
        for f in &scan.report.findings {
            assert!(scan.text.get(f.start..f.end).is_some(), "{name}: offsets outside the text");
        }
        n += 1;
    }
    assert!(n > 0, "the regression folder is empty");
}
