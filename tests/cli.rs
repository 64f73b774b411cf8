//! End-to-end tests of the `phi-guard` binary (`CONTRACTS.md` section 3):
//! exit statuses, output shapes, masking, directory walking, and the edge
//! cases that must never panic. All data is synthetic.
//!
//! Tests marked `// needs engine` assert detections and fail until the
//! detection engine lands; everything else passes against the stub.

use serde_json::Value;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};

const BIN: &str = env!("CARGO_BIN_EXE_phi-guard");

/// Clearly PHI: every line is something the finished engine must report.
const PHI: &str = "\
Patient: Maria Gonzalez
DOB: 03/14/1962
MRN: 00412345
SSN: 536-22-8471
Phone: (617) 734-2291
";
const SSN: &str = "536-22-8471";

/// PHI without a blocking kind (no SSN or MBI): the verdict is `warn`.
const PHI_WARN_ONLY: &str = "\
Patient: Maria Gonzalez
DOB: 03/14/1962
MRN: 00412345
";

/// Clean: a stack trace with timestamps, UUIDs, ports and line numbers.
const CLEAN: &str = "\
2024-03-14 10:22:31.512 ERROR [main] c.e.billing.InvoiceJob - job 7f3c2a1e-9b4d-4e8a-a1f2-3c4d5e6f7a8b failed
java.lang.IllegalStateException: retry budget exhausted after 3 attempts
\tat com.example.billing.InvoiceJob.run(InvoiceJob.java:142)
\tat com.example.scheduler.Worker.lambda$submit$0(Worker.java:88)
\tat java.base/java.util.concurrent.ThreadPoolExecutor.runWorker(ThreadPoolExecutor.java:1136)
Caused by: java.net.ConnectException: Connection refused: localhost:5432
2024-03-14 10:22:31.514 INFO  [main] c.e.scheduler.Worker - requeued 7f3c2a1e-9b4d-4e8a-a1f2-3c4d5e6f7a8b in 2500 ms
";

/// A directory under the system temp dir, removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!("phi-guard-cli-{}-{name}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }

    /// Writes a file (creating parent directories) and returns its path.
    fn file(&self, rel: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let path = self.0.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, contents).unwrap();
        path
    }

    fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Run {
    /// The JSON Lines records of stdout.
    fn records(&self) -> Vec<Value> {
        self.stdout.lines().map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}"))).collect()
    }

    fn json(&self) -> Value {
        serde_json::from_str(&self.stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.stdout))
    }

    /// The record of the file whose path ends with `name`.
    fn record(&self, name: &str) -> Value {
        self.records()
            .into_iter()
            .find(|r| r["path"].as_str().is_some_and(|p| p.ends_with(name)))
            .unwrap_or_else(|| panic!("no record for {name}: {}", self.stdout))
    }

    fn no_panic(&self) -> &Run {
        assert!(!self.stderr.contains("panicked") && !self.stderr.contains("internal error"), "panic: {}", self.stderr);
        assert_ne!(self.code, 101, "panic exit status; stderr: {}", self.stderr);
        self
    }
}

/// Runs the binary in `dir` with `args`, feeding `stdin`.
fn run_in(dir: &Path, args: &[&str], stdin: &[u8]) -> Run {
    let mut child = Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run phi-guard");
    let mut input = child.stdin.take().unwrap();
    let stdin = stdin.to_vec();
    let feeder = std::thread::spawn(move || {
        let _ = input.write_all(&stdin); // the binary may not read it all
    });
    let out = child.wait_with_output().unwrap();
    feeder.join().unwrap();
    let run = Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into(),
        stderr: String::from_utf8_lossy(&out.stderr).into(),
    };
    run.no_panic();
    run
}

fn run(dir: &TempDir, args: &[&str]) -> Run {
    run_in(dir.path(), args, b"")
}

// ---------------------------------------------------------------- usage

#[test]
fn help_and_version() {
    let t = TempDir::new("help");
    let r = run(&t, &["--help"]);
    assert_eq!(r.code, 0);
    for word in ["scan", "redact", "policy check"] {
        assert!(r.stdout.contains(word), "{word} missing from help: {}", r.stdout);
    }
    let r = run(&t, &["--version"]);
    assert_eq!((r.code, r.stdout.trim()), (0, format!("phi-guard {}", env!("CARGO_PKG_VERSION")).as_str()));
    for (args, word) in [
        (&["help", "scan"][..], "--fail-on"),
        (&["scan", "--help"], "--show-matches"),
        (&["help", "redact"], "pseudonym"),
        (&["policy", "--help"], "check"),
    ] {
        let r = run(&t, args);
        assert_eq!(r.code, 0, "{args:?}");
        assert!(r.stdout.contains(word), "{args:?}: {}", r.stdout);
    }
}

#[test]
fn usage_errors_exit_2_with_a_clear_message() {
    let t = TempDir::new("usage");
    t.file("a.txt", CLEAN);
    let cases: &[(&[&str], &str)] = &[
        (&[], "no command"),
        (&["frobnicate"], "unknown command 'frobnicate'"),
        (&["scan", "--bogus", "a.txt"], "unknown option '--bogus'"),
        (&["scan", "a.txt", "--format"], "needs a value"),
        (&["scan", "--format", "xml", "a.txt"], "'xml'"),
        (&["scan", "--fail-on", "allow", "a.txt"], "--fail-on"),
        (&["scan", "--threads", "0", "a.txt"], "--threads"),
        (&["scan"], "PATH"),
        (&["redact", "--style", "blur", "a.txt"], "'blur'"),
        (&["redact"], "FILE"),
        (&["policy", "lint", "a.txt"], "'lint'"),
        (&["help", "nothing"], "nothing"),
    ];
    for (args, needle) in cases {
        let r = run(&t, args);
        assert_eq!(r.code, 2, "{args:?}: {}", r.stderr);
        assert!(r.stderr.starts_with("phi-guard: "), "{args:?}: {}", r.stderr);
        assert!(r.stderr.contains(needle), "{args:?}: want {needle:?} in {}", r.stderr);
        assert!(r.stdout.is_empty(), "{args:?} printed to stdout: {}", r.stdout);
    }
}

// ---------------------------------------------------------------- scan: clean input, shapes, exit statuses

#[test]
fn clean_file_exits_0_and_prints_only_the_summary() {
    let t = TempDir::new("clean");
    t.file("trace.log", CLEAN);
    let r = run(&t, &["scan", "trace.log"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(!r.stdout.contains("trace.log"), "clean file printed: {}", r.stdout);
    assert!(r.stdout.contains("1 file scanned"), "{}", r.stdout);
    assert!(r.stderr.is_empty(), "{}", r.stderr);
}

#[test]
fn json_lines_shape_of_a_clean_file() {
    let t = TempDir::new("json-clean");
    t.file("trace.log", CLEAN);
    t.file("empty.txt", "");
    let r = run(&t, &["scan", "--format", "json", "trace.log", "empty.txt"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let records = r.records();
    assert_eq!(records.len(), 2, "{}", r.stdout);
    let rec = r.record("trace.log");
    assert_eq!(rec["path"], "trace.log");
    assert_eq!(rec["verdict"], "allow");
    assert_eq!(rec["findings"], Value::Array(vec![]));
    assert_eq!(rec["stats"]["bytes"], CLEAN.len());
    assert!(rec["stats"]["elapsed_us"].is_u64());
    assert!(rec.get("notes").is_none(), "{rec}");
    assert_eq!(r.record("empty.txt")["stats"]["bytes"], 0);
}

#[test]
fn stdin_is_scanned_with_dash() {
    let t = TempDir::new("stdin");
    let r = run_in(t.path(), &["scan", "--format", "json", "-"], CLEAN.as_bytes());
    assert_eq!(r.code, 0, "{}", r.stderr);
    let rec = &r.records()[0];
    assert_eq!(rec["path"], "<stdin>");
    assert_eq!(rec["stats"]["bytes"], CLEAN.len());
}

#[test]
fn sarif_log_shape() {
    let t = TempDir::new("sarif-clean");
    t.file("trace.log", CLEAN);
    t.file("Main.class", b"\xCA\xFE\xBA\xBE\0\0\0\x34\0\x1d\x0a\0\x06\0\x0f");
    let r = run(&t, &["scan", "--format", "sarif", "."]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let log = r.json();
    assert_eq!(log["version"], "2.1.0");
    let run0 = &log["runs"][0];
    let driver = &run0["tool"]["driver"];
    assert_eq!(driver["name"], "phi-guard");
    assert_eq!(driver["version"], env!("CARGO_PKG_VERSION"));
    let rules = driver["rules"].as_array().unwrap();
    for id in ["ssn", "person_name", "mrn", "date", "phone"] {
        let rule = rules.iter().find(|r| r["id"] == id).unwrap_or_else(|| panic!("no rule {id}"));
        assert!(rule["shortDescription"]["text"].as_str().is_some_and(|s| !s.is_empty()));
    }
    assert_eq!(run0["results"], Value::Array(vec![]));
    assert_eq!(run0["invocations"][0]["executionSuccessful"], true);
    let notes = run0["invocations"][0]["toolExecutionNotifications"].to_string();
    assert!(notes.contains("Main.class") && notes.contains("binary content"), "{notes}");
}

#[test]
fn binary_file_is_skipped_with_a_note() {
    let t = TempDir::new("binary");
    t.file("Main.class", b"\xCA\xFE\xBA\xBE\0\0\0\x34\0\x1d\x0a\0\x06\0\x0f");
    t.file("logo.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0");
    t.file("trace.log", CLEAN);
    let r = run(&t, &["scan", "Main.class", "logo.png", "trace.log"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("Main.class: skipped: binary content"), "{}", r.stdout);
    assert!(r.stdout.contains("1 skipped"), "{}", r.stdout);
    let r = run(&t, &["scan", "--format", "json", "Main.class", "logo.png", "trace.log"]);
    assert_eq!(r.code, 0);
    let rec = r.record("Main.class");
    assert_eq!(rec["skipped"], "binary content");
    assert!(rec.get("verdict").is_none());
    assert_eq!(r.record("trace.log")["verdict"], "allow");
    // An image is read (as a possible photo, below the default threshold).
    assert_eq!(r.record("logo.png")["verdict"], "allow");
}

#[test]
fn nonexistent_path_exits_2_and_other_files_are_still_reported() {
    let t = TempDir::new("missing");
    t.file("trace.log", CLEAN);
    let r = run(&t, &["scan", "--format", "json", "no-such-file.txt", "trace.log"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("phi-guard: no-such-file.txt: no such file or directory"), "{}", r.stderr);
    assert_eq!(r.record("trace.log")["verdict"], "allow");
    let r = run(&t, &["scan", "trace.log", "no-such-dir/"]);
    assert_eq!(r.code, 2);
    assert!(r.stdout.contains("1 error"), "{}", r.stdout);
}

#[test]
fn invalid_utf8_and_odd_encodings_do_not_crash() {
    let t = TempDir::new("encodings");
    let latin1: &[u8] = b"Jos\xE9 Mar\xEDa Pe\xF1a visited the caf\xE9\n";
    t.file("latin1.txt", latin1);
    t.file("broken.txt", b"ok \xF0\x28\x8C\x28 \xC3 tail\n");
    t.file(
        "utf16.txt",
        [0xFFu8, 0xFE].into_iter().chain("note: all good\n".encode_utf16().flat_map(u16::to_le_bytes)).collect::<Vec<u8>>(),
    );
    t.file("bom.txt", b"\xEF\xBB\xBFplain text\n");
    t.file("crlf.txt", b"line one\r\nline two\r\n");
    let r = run(&t, &["scan", "--format", "json", "."]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.records().len(), 5, "{}", r.stdout);
    for rec in r.records() {
        assert_eq!(rec["verdict"], "allow", "{rec}");
    }
    // Latin-1 is transcoded: 4 two-byte characters in UTF-8.
    assert_eq!(r.record("latin1.txt")["stats"]["bytes"], latin1.len() + 4);
    // The user is told, without quoting the content.
    let note = r.record("broken.txt")["notes"].to_string();
    assert!(note.contains("not valid UTF-8") && !note.contains("tail"), "{note}");
    assert_eq!(r.record("bom.txt")["notes"].as_array().map_or(0, Vec::len), 0);
    for format in ["text", "sarif"] {
        assert_eq!(run(&t, &["scan", "--format", format, "."]).code, 0);
    }
}

#[test]
fn directory_walk_respects_gitignore_ignore_and_hidden_files() {
    let t = TempDir::new("walk");
    // Not a git repository: .gitignore must still apply.
    t.file("repo/.gitignore", "build/\n*.log\n");
    t.file("repo/.ignore", "secret-notes.txt\n");
    t.file("repo/src/main.txt", CLEAN);
    t.file("repo/README.md", "hello\n");
    t.file("repo/build/out.txt", PHI);
    t.file("repo/app.log", PHI);
    t.file("repo/secret-notes.txt", PHI);
    t.file("repo/.hidden/notes.txt", PHI);
    let r = run(&t, &["scan", "--format", "json", "repo"]);
    assert_eq!(r.code, 0, "{}\n{}", r.stdout, r.stderr);
    let paths: Vec<String> = r.records().iter().map(|r| r["path"].as_str().unwrap().to_string()).collect();
    assert_eq!(paths, ["repo/README.md", "repo/src/main.txt"]);
    // A file named on the command line is scanned even when ignored.
    let r = run(&t, &["scan", "--format", "json", "repo/app.log"]);
    assert_eq!(r.records().len(), 1);
    assert_eq!(r.records()[0]["path"], "repo/app.log");
}

#[test]
fn output_is_sorted_by_path_whatever_the_thread_count() {
    let t = TempDir::new("sorted");
    let names = ["zeta.txt", "alpha.txt", "m/one.txt", "m/two.txt", "beta.txt", "k.txt", "a/b/c.txt"];
    for n in names {
        t.file(&format!("d/{n}"), CLEAN);
    }
    let mut want: Vec<String> = names.iter().map(|n| format!("d/{n}")).collect();
    want.sort();
    for threads in ["1", "4"] {
        let r = run(&t, &["scan", "--format", "json", "--threads", threads, "d"]);
        let paths: Vec<String> = r.records().iter().map(|r| r["path"].as_str().unwrap().to_string()).collect();
        assert_eq!(paths, want, "threads {threads}");
    }
}

#[test]
fn bad_policy_exits_2_and_names_the_field() {
    let t = TempDir::new("bad-policy");
    t.file("trace.log", CLEAN);
    t.file("bad.json", r#"{"mode": "loud", "report_threshold": 3}"#);
    t.file("notjson.json", r#"{"mode": "#);
    let r = run(&t, &["scan", "--policy", "bad.json", "trace.log"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.starts_with("phi-guard: policy bad.json: "), "{}", r.stderr);
    assert!(r.stderr.contains("`mode`") && r.stderr.contains("`report_threshold`"), "{}", r.stderr);
    let r = run(&t, &["scan", "--policy=notjson.json", "trace.log"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("not valid JSON"), "{}", r.stderr);
    let r = run(&t, &["scan", "--policy", "absent.json", "trace.log"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("phi-guard: policy absent.json: no such file"), "{}", r.stderr);
    let r = run(&t, &["redact", "--policy", "bad.json", "trace.log"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("`mode`"), "{}", r.stderr);
}

#[test]
fn policy_check_good_and_bad() {
    let t = TempDir::new("policy-check");
    t.file(
        "good.json",
        r#"{"mode": "block", "custom_patterns": [{"kind": "mrn", "name": "Acme MRN", "regex": "ACM\\d{8}", "score": 0.9}]}"#,
    );
    t.file("bad.json", r#"{"mode": "loud", "block_kinds": ["ssn", "shoe_size"], "colour": 1}"#);
    let r = run(&t, &["policy", "check", "good.json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let (first, rest) = r.stdout.split_once('\n').unwrap();
    assert_eq!(first, "ok");
    let effective: Value = serde_json::from_str(rest).unwrap();
    assert_eq!(effective["mode"], "block");
    assert_eq!(effective["max_scan_bytes"], 20 * 1024 * 1024); // a default, filled in
    assert_eq!(effective["custom_patterns"][0]["name"], "Acme MRN");

    let r = run(&t, &["policy", "check", "bad.json"]);
    assert_eq!(r.code, 1);
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(lines.len(), 3, "{}", r.stdout);
    for field in ["`mode`", "`block_kinds[1]`", "`colour`"] {
        assert!(lines.iter().any(|l| l.contains(field)), "{field}: {}", r.stdout);
    }
    let r = run(&t, &["policy", "check", "absent.json"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("absent.json"), "{}", r.stderr);
    let r = run_in(t.path(), &["policy", "check", "-"], br#"{"report_threshold": 0.7}"#);
    assert_eq!(r.code, 0);
}

#[test]
fn large_file_is_truncated_with_a_note() {
    let t = TempDir::new("truncate");
    t.file("small-limit.json", r#"{"max_scan_bytes": 1000, "on_error": "allow"}"#);
    t.file("strict.json", r#"{"max_scan_bytes": 1000}"#);
    t.file("big.log", CLEAN.repeat(20));
    // Multi-byte characters straddling the limit must not turn the prefix
    // into Latin-1: 1000 bytes of "é" are 500 characters.
    t.file("accents.txt", "é".repeat(2000));
    let r = run(&t, &["scan", "--format", "json", "--policy", "small-limit.json", "big.log", "accents.txt"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let rec = r.record("big.log");
    assert_eq!(rec["stats"]["truncated"], true);
    assert!(rec["stats"]["bytes"].as_u64().unwrap() <= 1000);
    let note = rec["notes"][0].as_str().unwrap();
    assert!(note.contains("truncated") && note.contains("max_scan_bytes"), "{note}");
    assert_eq!(r.record("accents.txt")["stats"]["bytes"], 1000);
    // A file under the limit carries no truncation.
    let r = run(&t, &["scan", "--format", "json", "--policy", "small-limit.json", "strict.json"]);
    assert!(r.records()[0]["stats"].get("truncated").is_none());
    // The rest was not inspected: the policy's on_error verdict (default warn) applies.
    let r = run(&t, &["scan", "--policy", "strict.json", "big.log"]);
    assert_eq!(r.code, 1, "{}", r.stdout);
    assert!(r.stdout.contains("big.log: note: input truncated"), "{}", r.stdout);
    assert!(r.stdout.contains("big.log: verdict warn"), "{}", r.stdout);
    assert_eq!(run(&t, &["scan", "--fail-on", "block", "--policy", "strict.json", "big.log"]).code, 0);
    // redact refuses rather than leave the unscanned rest unredacted.
    let r = run(&t, &["redact", "--policy", "strict.json", "big.log"]);
    assert_eq!(r.code, 2);
    assert!(r.stdout.is_empty());
    assert!(r.stderr.contains("max_scan_bytes"), "{}", r.stderr);
}

#[test]
fn redact_passes_clean_text_through_unchanged() {
    let t = TempDir::new("redact-clean");
    t.file("trace.log", CLEAN);
    for style in ["mask", "label", "pseudonym"] {
        let r = run(&t, &["redact", "--style", style, "trace.log"]);
        assert_eq!(r.code, 0, "{style}: {}", r.stderr);
        assert_eq!(r.stdout, CLEAN, "{style}");
    }
    let r = run_in(t.path(), &["redact", "-"], CLEAN.as_bytes());
    assert_eq!((r.code, r.stdout.as_str()), (0, CLEAN));
}

#[test]
fn redact_errors_exit_2() {
    let t = TempDir::new("redact-errors");
    t.file("Main.class", b"\xCA\xFE\xBA\xBE\0\0\0\x34\0\x1d\x0a\0\x06\0\x0f");
    let r = run(&t, &["redact", "Main.class"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("Main.class") && r.stderr.contains("binary"), "{}", r.stderr);
    let r = run(&t, &["redact", "absent.txt"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("phi-guard: absent.txt: no such file"), "{}", r.stderr);
}

#[cfg(unix)]
#[test]
fn unreadable_directory_and_broken_symlinks() {
    use std::os::unix::fs::{symlink, PermissionsExt};
    let t = TempDir::new("perms");
    t.file("d/ok.txt", CLEAN);
    let locked = t.file("d/locked/inner.txt", CLEAN).parent().unwrap().to_path_buf();
    symlink(t.path().join("nowhere"), t.path().join("d/dangling.txt")).unwrap();
    symlink(t.path().join("nowhere"), t.path().join("dangling-arg.txt")).unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    let enforced = std::fs::read_dir(&locked).is_err(); // not when running as root
    let r = run(&t, &["scan", "--format", "json", "d"]);
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(r.record("d/ok.txt")["verdict"], "allow");
    if enforced {
        assert_eq!(r.code, 2, "{}", r.stderr);
        assert!(r.stderr.contains("d/locked") && r.stderr.contains("permission denied"), "{}", r.stderr);
    } else {
        assert_eq!(r.code, 0, "{}", r.stderr);
    }
    // A dangling link inside a walked directory is not followed; named
    // explicitly, it is an error.
    assert!(!r.stdout.contains("dangling"), "{}", r.stdout);
    let r = run(&t, &["scan", "dangling-arg.txt", "d/ok.txt"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("dangling-arg.txt"), "{}", r.stderr);
}

#[test]
fn closed_stdout_exits_quietly() {
    let t = TempDir::new("pipe");
    // More output than a pipe buffer holds (64 KiB on Linux), so that the
    // binary is still writing when the reader goes away.
    for i in 0..1500 {
        t.file(&format!("d/f{i:04}.txt"), CLEAN);
    }
    t.file("big.log", CLEAN.repeat(2000));
    for args in [&["scan", "--format", "json", "d"][..], &["redact", "big.log"]] {
        let mut child = Command::new(BIN).args(args).current_dir(t.path()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
        let mut stdout = child.stdout.take().unwrap();
        let mut first = [0u8; 64];
        stdout.read_exact(&mut first).unwrap();
        drop(stdout); // like `| head -c 64`
        let mut stderr = String::new();
        child.stderr.take().unwrap().read_to_string(&mut stderr).unwrap();
        let status = child.wait().unwrap();
        assert!(stderr.is_empty(), "{args:?}: {stderr}");
        assert_eq!(status.code(), Some(0), "{args:?}");
    }
}

// ---------------------------------------------------------------- detections (need the engine)

/// Byte range of `needle` in `text`.
fn range_of(text: &str, needle: &str) -> (u64, u64) {
    let s = text.find(needle).unwrap();
    (s as u64, (s + needle.len()) as u64)
}

fn findings(rec: &Value) -> &Vec<Value> {
    rec["findings"].as_array().unwrap()
}

#[test]
fn phi_is_reported_masked_and_fails_the_run() {
    let t = TempDir::new("phi-text");
    t.file("ticket.txt", PHI);
    let r = run(&t, &["scan", "ticket.txt"]);
    assert_eq!(r.code, 1, "{}\n{}", r.stdout, r.stderr);
    // `SSN: ` is 5 characters: the number starts on line 4, column 6.
    assert!(r.stdout.contains("ticket.txt:4:6: ssn "), "{}", r.stdout);
    assert!(r.stdout.contains("ticket.txt: verdict block"), "{}", r.stdout);
    for raw in [SSN, "Gonzalez", "734-2291", "00412345"] {
        assert!(!r.stdout.contains(raw), "{raw} leaked: {}", r.stdout);
        assert!(!r.stderr.contains(raw), "{raw} leaked to stderr");
    }
}

#[test]
fn json_offsets_point_at_the_matched_bytes() {
    let t = TempDir::new("phi-json");
    // A multi-byte prefix makes byte and character offsets differ.
    let text = format!("Résumé of the call — ok\n{PHI}");
    t.file("ticket.txt", &text);
    let r = run(&t, &["scan", "--format", "json", "ticket.txt"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let rec = r.record("ticket.txt");
    assert_eq!(rec["path"], "ticket.txt");
    assert_eq!(rec["verdict"], "block"); // ssn is a block kind by default
    assert_eq!(rec["stats"]["bytes"], text.len());
    let fs = findings(&rec);
    for f in fs {
        let (start, end) = (f["start"].as_u64().unwrap() as usize, f["end"].as_u64().unwrap() as usize);
        assert!(start < end && end <= text.len() && text.is_char_boundary(start) && text.is_char_boundary(end), "{f}");
        assert!(f["score"].as_f64().is_some_and(|s| (0.0..=1.0).contains(&s)), "{f}");
        assert!(f["preview"].is_string() && f["reason"].is_string() && f["kind"].is_string(), "{f}");
        assert!(f.get("match").is_none(), "match without --show-matches: {f}");
    }
    let ssn = fs.iter().find(|f| f["kind"] == "ssn").expect("ssn reported");
    assert_eq!((ssn["start"].as_u64().unwrap(), ssn["end"].as_u64().unwrap()), range_of(&text, SSN));
    let name = fs.iter().find(|f| f["kind"] == "person_name").expect("name reported");
    let (s, e) = (name["start"].as_u64().unwrap() as usize, name["end"].as_u64().unwrap() as usize);
    assert!(text[s..e].contains("Gonzalez"), "{}", &text[s..e]);
    for kind in ["date", "mrn", "phone"] {
        assert!(fs.iter().any(|f| f["kind"] == kind), "{kind} not reported: {rec}");
    }
    assert!(!r.stdout.contains(SSN) && !r.stdout.contains("Gonzalez"), "{}", r.stdout);
    // After a UTF-8 byte order mark too: offsets count the file's bytes, in JSON and SARIF.
    let bom = format!("\u{feff}{PHI}");
    t.file("bom.txt", &bom);
    let ssn_at = |rec: &Value| findings(rec).iter().find(|f| f["kind"] == "ssn").map(|f| (f["start"].as_u64().unwrap(), f["end"].as_u64().unwrap()));
    assert_eq!(ssn_at(&run(&t, &["scan", "--format", "json", "bom.txt"]).record("bom.txt")), Some(range_of(&bom, SSN)));
    let log = run(&t, &["scan", "--format", "sarif", "bom.txt"]).json();
    let results = log["runs"][0]["results"].as_array().unwrap();
    let region = &results.iter().find(|r| r["ruleId"] == "ssn").expect("ssn result")["locations"][0]["physicalLocation"]["region"];
    assert_eq!(region["byteOffset"].as_u64(), Some(range_of(&bom, SSN).0));
}

#[test]
fn show_matches_reveals_the_matched_text() {
    let t = TempDir::new("show");
    t.file("ticket.txt", PHI);
    let r = run(&t, &["scan", "--format", "json", "--show-matches", "ticket.txt"]);
    let rec = r.record("ticket.txt");
    for f in findings(&rec) {
        let (s, e) = (f["start"].as_u64().unwrap() as usize, f["end"].as_u64().unwrap() as usize);
        assert_eq!(f["match"], PHI[s..e], "{f}");
    }
    assert!(r.stdout.contains(SSN));
    let r = run(&t, &["scan", "--show-matches", "ticket.txt"]);
    assert!(r.stdout.contains(SSN), "{}", r.stdout);
}

#[test]
fn fail_on_block() {
    let t = TempDir::new("fail-on");
    t.file("warn.txt", PHI_WARN_ONLY);
    t.file("block.txt", PHI);
    let r = run(&t, &["scan", "--format", "json", "warn.txt"]);
    assert_eq!((r.code, r.record("warn.txt")["verdict"].as_str()), (1, Some("warn")));
    assert_eq!(run(&t, &["scan", "--fail-on", "block", "warn.txt"]).code, 0);
    assert_eq!(run(&t, &["scan", "--fail-on", "block", "warn.txt", "block.txt"]).code, 1);
    assert_eq!(run(&t, &["scan", "--fail-on=block", "block.txt"]).code, 1);
}

#[test]
fn stdin_with_phi_fails() {
    let t = TempDir::new("stdin-phi");
    let r = run_in(t.path(), &["scan", "-"], PHI.as_bytes());
    assert_eq!(r.code, 1, "{}", r.stdout);
    assert!(r.stdout.contains("<stdin>:4:6: ssn"), "{}", r.stdout);
    assert!(!r.stdout.contains(SSN));
}

#[test]
fn sarif_results_locate_each_finding() {
    let t = TempDir::new("sarif-phi");
    t.file("notes/ticket.txt", PHI);
    let r = run(&t, &["scan", "--format", "sarif", "notes"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let log = r.json();
    let results = log["runs"][0]["results"].as_array().unwrap();
    let ssn = results.iter().find(|r| r["ruleId"] == "ssn").expect("ssn result");
    assert_eq!(ssn["level"], "error");
    let text = ssn["message"]["text"].as_str().unwrap();
    assert!(text.contains("ssn") && !text.contains(SSN), "{text}");
    let loc = &ssn["locations"][0]["physicalLocation"];
    assert_eq!(loc["artifactLocation"]["uri"], "notes/ticket.txt");
    let region = &loc["region"];
    assert_eq!((region["startLine"].as_u64(), region["startColumn"].as_u64()), (Some(4), Some(6)));
    assert_eq!((region["endLine"].as_u64(), region["endColumn"].as_u64()), (Some(4), Some(17)));
    let (start, end) = range_of(PHI, SSN);
    assert_eq!((region["byteOffset"].as_u64(), region["byteLength"].as_u64()), (Some(start), Some(end - start)));
    let rules = log["runs"][0]["tool"]["driver"]["rules"].as_array().unwrap();
    for r in results {
        assert!(rules.iter().any(|rule| rule["id"] == r["ruleId"]), "{r}");
    }
    assert!(!r.stdout.contains(SSN) && !r.stdout.contains("Gonzalez"));
}

#[test]
fn errors_take_precedence_but_phi_is_still_reported() {
    let t = TempDir::new("missing-phi");
    t.file("ticket.txt", PHI);
    let r = run(&t, &["scan", "--format", "json", "absent.txt", "ticket.txt"]);
    assert_eq!(r.code, 2);
    assert_eq!(r.record("ticket.txt")["verdict"], "block");
}

#[test]
fn redact_in_three_styles() {
    let t = TempDir::new("redact");
    let text = format!("{PHI}Follow-up: spoke with patient Maria Gonzalez about the results.\n");
    t.file("ticket.txt", &text);
    let redact = |style: &str| {
        let r = run(&t, &["redact", "--style", style, "ticket.txt"]);
        assert_eq!(r.code, 0, "{style}: {}", r.stderr);
        for raw in [SSN, "Gonzalez", "734-2291", "03/14/1962"] {
            assert!(!r.stdout.contains(raw), "{style}: {raw} left in {}", r.stdout);
        }
        assert!(r.stdout.contains("Follow-up:"), "{style}: context lost: {}", r.stdout);
        r.stdout
    };
    assert!(redact("mask").contains("***-**-****"));
    let label = redact("label");
    assert!(label.contains("[SSN]") && label.contains("[NAME]"), "{label}");
    let pseudo = redact("pseudonym");
    assert!(pseudo.matches("[PATIENT-1]").count() >= 2, "one patient, one stand-in: {pseudo}");
    assert!(!pseudo.contains("[PATIENT-2]"), "{pseudo}");
    let r = run_in(t.path(), &["redact", "--style", "label", "-"], PHI.as_bytes());
    assert!(r.stdout.contains("[SSN]") && !r.stdout.contains(SSN), "{}", r.stdout);
}

#[test]
fn custom_pattern_from_the_policy_is_reported() {
    let t = TempDir::new("custom");
    t.file("policy.json", r#"{"custom_patterns":[{"kind":"mrn","name":"Acme MRN","regex":"ACM\\d{8}","score":0.9}]}"#);
    let text = "Lab result for ACM12345678 is ready.\n";
    t.file("note.txt", text);
    let r = run(&t, &["scan", "--format", "json", "--policy", "policy.json", "note.txt"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let rec = r.record("note.txt");
    let mrn = findings(&rec).iter().find(|f| f["kind"] == "mrn").expect("custom mrn");
    assert_eq!((mrn["start"].as_u64().unwrap(), mrn["end"].as_u64().unwrap()), range_of(text, "ACM12345678"));
    assert!(!r.stdout.contains("ACM12345678"), "{}", r.stdout);
    // Without the policy it is not an MRN.
    let r = run(&t, &["scan", "--format", "json", "note.txt"]);
    assert!(findings(&r.record("note.txt")).iter().all(|f| f["kind"] != "mrn"), "{}", r.stdout);
}

// ---------------------------------------------------------------- false positives (meaningful once the engine lands)

#[test]
fn stack_trace_with_timestamps_and_uuids_is_clean() {
    let t = TempDir::new("fp");
    t.file("trace.log", CLEAN);
    let r = run(&t, &["scan", "--format", "json", "trace.log"]);
    assert_eq!(r.code, 0, "{}", r.stdout);
    assert_eq!(findings(&r.record("trace.log")).len(), 0, "{}", r.stdout);
}
