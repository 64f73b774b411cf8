//! `make bench`: single-thread throughput of the core, in MB/s.
//!
//! - the mixed labelled corpus (`tests/corpus/corpus.jsonl`), all documents
//!   scanned one after another;
//! - 10 MB of clean application log text (generated here: timestamps,
//!   levels, threads, UUIDs, IPs, stack frames, Jira keys);
//! - a 100 KB paste (time to a verdict);
//! - attachments: an .xlsx with 10 MB of sheet XML, and a zip of CSV files
//!   holding 50 MB, each with the process's peak memory while it is scanned.
//!
//! Numbers are medians of several runs; nothing here asserts a time.

#[path = "../fixtures/build.rs"]
mod build;

use phi_guard::{Policy, Scanner};
use std::time::Instant;

fn corpus_texts() -> Vec<String> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus/corpus.jsonl");
    let data = std::fs::read_to_string(path).unwrap_or_default();
    data.lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v.get("text").and_then(|t| t.as_str()).map(String::from))
        .collect()
}

/// Deterministic clean log text of about `size` bytes.
pub fn clean_log(size: usize) -> String {
    let mut out = String::with_capacity(size + 512);
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    let levels = ["INFO", "DEBUG", "WARN", "ERROR"];
    let classes = ["c.a.ehr.PatientService", "c.a.ehr.api.EncounterController", "o.s.web.servlet.DispatcherServlet", "c.a.hl7.MllpListener", "c.a.billing.ClaimExporter"];
    let msgs = [
        "Request completed in 42 ms status=200",
        "Cache miss for key encounter:7731 region=us-east-1",
        "Retrying connection to 10.20.30.41:5432 attempt 3 of 5",
        "Processed batch of 250 messages from queue adt-inbound",
        "Deployed build 4.12.7 (commit 9f8e7d6c5b4a) to prod-ehr-03",
        "Timeout after 30000 ms calling https://api.internal.example.org/v2/claims",
        "User session refreshed, expires at 2026-11-20T11:15:32Z",
        "Scheduled job ReconcileClaims finished, 0 errors, see EHR-4821",
    ];
    let mut line = 0u64;
    while out.len() < size {
        line += 1;
        let r = next();
        let (h, m, s, ms) = (r % 24, (r >> 8) % 60, (r >> 16) % 60, (r >> 24) % 1000);
        let uuid = format!("{:08x}-{:04x}-4{:03x}-a{:03x}-{:012x}", r as u32, (r >> 32) as u16, (r >> 20) & 0xfff, (r >> 40) & 0xfff, r & 0xffff_ffff_ffff);
        out.push_str(&format!(
            "2026-11-20 {h:02}:{m:02}:{s:02},{ms:03} {} [http-nio-8443-exec-{}] {} - {} request_id={uuid}\n",
            levels[(r % 4) as usize],
            r % 32,
            classes[((r >> 5) % 5) as usize],
            msgs[((r >> 9) % 8) as usize]
        ));
        if line % 40 == 0 {
            out.push_str("java.lang.IllegalStateException: Connection pool exhausted\n\tat com.zaxxer.hikari.pool.HikariPool.getConnection(HikariPool.java:197)\n\tat com.acme.ehr.PatientService.findByMrn(PatientService.java:142)\n\tat com.acme.ehr.api.PatientController.get(PatientController.java:57)\n");
        }
    }
    out
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn throughput(scanner: &Scanner, texts: &[String], runs: usize) -> (f64, usize) {
    let bytes: usize = texts.iter().map(String::len).sum();
    let mut rates = Vec::new();
    for _ in 0..runs {
        let t = Instant::now();
        let mut n = 0;
        for text in texts {
            n += scanner.scan_text(text).findings.len();
        }
        std::hint::black_box(n);
        rates.push(bytes as f64 / 1e6 / t.elapsed().as_secs_f64());
    }
    (median(rates), bytes)
}

fn main() {
    let scanner = Scanner::new(Policy::default()).expect("default policy");
    // Warm the dictionaries.
    scanner.scan_text("Patient Maria Gonzalez");
    println!("PHI Guard core benchmark (single thread, release build)");
    let corpus = corpus_texts();
    if corpus.is_empty() {
        println!("  mixed corpus: tests/corpus/corpus.jsonl not found");
    } else {
        let (rate, bytes) = throughput(&scanner, &corpus, 7);
        println!("  mixed corpus     {:>8.1} MB/s  ({} documents, {:.2} MB)", rate, corpus.len(), bytes as f64 / 1e6);
    }
    let log = vec![clean_log(10 * 1024 * 1024)];
    let (rate, bytes) = throughput(&scanner, &log, 5);
    println!("  clean log text   {:>8.1} MB/s  ({:.1} MB)", rate, bytes as f64 / 1e6);
    // A 100 KB paste of mixed content: time to a verdict.
    let mut paste = String::new();
    for t in corpus.iter().cycle().take(400) {
        if paste.len() >= 100 * 1024 {
            break;
        }
        paste.push_str(t);
        paste.push('\n');
    }
    if paste.is_empty() {
        paste = clean_log(100 * 1024);
    }
    paste.truncate(paste.floor_char_boundary_compat(100 * 1024));
    let mut times = Vec::new();
    for _ in 0..50 {
        let t = Instant::now();
        std::hint::black_box(scanner.scan_text(&paste).verdict);
        times.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    println!("  100 KB paste     {:>8.2} ms median to a verdict", median(times));
    long_lines(&scanner);
    many_records();
    attachments(&scanner);
}

/// Texts of many records (about 1 MB each) in the shapes that once cost time
/// growing with the square of their length (an audit of 68 shapes found them):
/// each record's work must stay near it. The slowest shape is printed.
fn many_records() {
    let names = ["Maria Gonzalez", "Anh Nguyen", "Oluwaseun Okafor", "Siobhan Kelly", "Wei Zhang", "Fatima Haddad"];
    let name = |i: usize| names[i % names.len()];
    let shapes: Vec<(&str, String)> = vec![
        ("INSERT dump without SELECT", fill_mb(&|i| format!("insert into t values ({i}, 'x{i}');\n"))),
        ("UPDATE script without semicolons", fill_mb(&|i| format!("UPDATE dbo.Patient SET HomePhone = '415-931-{:04}' WHERE MRN = 'M{i}'\nGO\n", i % 10_000))),
        ("email signatures", fill_mb(&|i| format!("Please see the attached notes for build {i}.\n\nThanks,\n{}\n\n", name(i)))),
        ("cc: lines with addresses", fill_mb(&|i| format!("cc: {}, {} Pinecrest Pl, Lewiston, ME 04{:03}\n", name(i), 100 + i % 800, i % 1000))),
        ("HTML rows without </tr>", fill_mb(&|i| format!("<tr><th>Patient<td>{}<td>03/14/1962 {i}\n", name(i)))),
        ("CR-only lines with IPs", fill_mb(&|i| format!("user=ann.lee@stmarys.org src=107.111.{}.{} action=login\r", i % 250, (i / 250) % 250))),
        ("dates after a dot on one line", fill_mb(&|i| format!("{:02}/{:02}/2024 \u{b7} ", 1 + i % 12, 1 + i % 28))),
        ("truncated NDJSON", fill_mb(&|i| format!("{{\"patient\": {{\"name\": \"{}\", \"visits\": [{{\"id\": {i}, ...\n", name(i)))),
        ("unclosed XML tags", fill_mb(&|i| format!("<Patient><br><name><family value=\"Okafor{i}\"/>"))),
        ("wide fixed-width rows", fill_mb(&|i| format!("MRN      NAME                 DOB        NOTES\n{:08} {} 1962-03-14 {}\n", i, name(i), "seen today for follow up of chronic issues ".repeat(4)))),
    ];
    let mut rates = rates_of(&Scanner::new(Policy::default()).expect("default policy"), &shapes);
    // A policy's allow patterns, over key: value records.
    let allowing = Policy::from_json(r#"{"allow_patterns": ["TEST-[0-9]+", "example\\.org"]}"#).and_then(Scanner::new).expect("allow policy");
    let records = [("records under allow patterns", fill_mb(&|i| format!("Name: {}\nDOB: 03/14/1962\nMRN: {}\nRef: TEST-{i}\n\n", name(i), 1_000_000 + i)))];
    rates.extend(rates_of(&allowing, &records));
    print_slowest("many records", &rates);
}

/// About 1 MB of `unit(0)`, `unit(1)` ... one after another.
fn fill_mb(unit: &dyn Fn(usize) -> String) -> String {
    const SIZE: usize = 1 << 20;
    let mut s = String::with_capacity(SIZE + 256);
    let mut i = 0;
    while s.len() < SIZE {
        s.push_str(&unit(i));
        i += 1;
    }
    s
}

/// Each named text's scan rate in MB/s (one scan each).
fn rates_of<'n>(scanner: &Scanner, shapes: &[(&'n str, String)]) -> Vec<(f64, &'n str)> {
    shapes
        .iter()
        .map(|(name, text)| {
            let t = Instant::now();
            std::hint::black_box(scanner.scan_text(text).findings.len());
            (text.len() as f64 / 1e6 / t.elapsed().as_secs_f64(), *name)
        })
        .collect()
}

/// The slowest rate on one line, all of them on the next.
fn print_slowest(label: &str, rates: &[(f64, &str)]) {
    let worst = rates.iter().copied().min_by(|a, b| a.0.total_cmp(&b.0)).unwrap_or((0.0, ""));
    println!("  {label:<16} {:>8.1} MB/s  (slowest of {} shapes of 1 MB: {})", worst.0, rates.len(), worst.1);
    let all: Vec<String> = rates.iter().map(|(r, n)| format!("{n} {r:.1}")).collect();
    println!("                   (MB/s: {})", all.join(", "));
}

/// Texts of one long line (about 1 MB each), as pastes can be: a note whose line
/// breaks were lost, a minified FHIR bundle, a one-line INSERT, HL7 with carriage
/// returns only, label words repeated on one line, and encoded text on one line. Each
/// label and name reads a bounded stretch of its line; the slowest shape is printed.
fn long_lines(scanner: &Scanner) {
    let sentences = ["Patient Maria Gonzalez was seen today.", "She lives with daughter Anh.", "DOB 03/14/1962, MRN 1234567.", "Follow up with Dr. Smith.", "Phone (617) 555-1234."];
    let shapes: Vec<(&str, String)> = vec![
        ("note without line breaks", fill_mb(&|i| format!("{} ", sentences[i % sentences.len()]))),
        ("minified FHIR bundle", fill_mb(&|i| format!(r#"{{"resource":{{"resourceType":"Patient","id":"{i}","name":[{{"family":"Okafor","given":["Ada"]}}],"birthDate":"1961-04-0{}"}}}},"#, 1 + i % 9))),
        ("one-line INSERT", fill_mb(&|i| format!("('{}','Nguyen','Anh','1960-01-0{}'),", 1_000_000 + i, 1 + i % 9))),
        ("HL7 with CR only", fill_mb(&|i| format!("MSH|^~\\&|EPIC|HOSP|LAB|HOSP|20240101120000||ADT^A08|{i}|P|2.5\rPID|1||{}^^^HOSP^MR||DOE^JANE||19600101|F\r", 1_000_000 + i))),
        ("'DOB ' repeated", fill_mb(&|_| "DOB ".into())),
        ("'From: ' repeated", fill_mb(&|_| "From: ".into())),
        ("'merged ' repeated", fill_mb(&|_| "merged MRN ".into())),
        // (Encoded text: a note in one JSON string, and a form's pairs after `(` at every byte.)
        ("note in a JSON string", fill_mb(&|i| format!("{}\\n", sentences[i % sentences.len()]))),
        ("'(' repeated before pairs", fill_mb(&|_| "((a=b&c=d".into())),
    ];
    print_slowest("one long line", &rates_of(scanner, &shapes));
}

/// Rows of a claims export: synthetic names, dates, member ids, codes.
fn claims_rows(n: usize, seed: u64) -> Vec<[String; 6]> {
    const FIRST: [&str; 8] = ["Maria", "Anh", "Oluwaseun", "Siobhan", "Wei", "Fatima", "Jonas", "Priya"];
    const LAST: [&str; 8] = ["Gonzalez", "Nguyen", "Okafor", "Ó Coisdeala", "Zhang", "Haddad", "Kraus", "Raman"];
    let mut x = seed | 1;
    (0..n)
        .map(|i| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            [
                format!("W{:09}", x % 1_000_000_000),
                LAST[(x % 8) as usize].to_string(),
                FIRST[((x >> 8) % 8) as usize].to_string(),
                format!("{}-{:02}-{:02}", 1930 + (x >> 16) % 70, 1 + (x >> 24) % 12, 1 + (x >> 28) % 28),
                format!("{:05}", 10_000 + (x >> 32) % 89_999),
                format!("CLM-{i}"),
            ]
        })
        .collect()
}

/// Peak resident memory of this process in MB since the last reset (Linux).
fn peak_mb(reset: bool) -> Option<f64> {
    if reset {
        std::fs::write("/proc/self/clear_refs", "5").ok()?;
    }
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let kb: f64 = status.lines().find(|l| l.starts_with("VmHWM:"))?.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn file_throughput(scanner: &Scanner, label: &str, name: &str, file: &[u8], content: usize) {
    peak_mb(true);
    let mut times = Vec::new();
    let mut notes = 0;
    for _ in 0..3 {
        let t = Instant::now();
        let scan = scanner.scan_file(name, file);
        notes = scan.report.notes.len();
        std::hint::black_box(scan.report.findings.len());
        times.push(t.elapsed().as_secs_f64());
    }
    let secs = median(times);
    let peak = peak_mb(false).map_or("n/a".into(), |m| format!("{m:.0} MB"));
    println!(
        "  {label:<16} {:>8.1} MB/s  ({:.1} MB of content in a {:.1} MB file, {:.2} s; peak memory {peak}; {notes} notes)",
        content as f64 / 1e6 / secs,
        content as f64 / 1e6,
        file.len() as f64 / 1e6,
        secs
    );
}

fn attachments(scanner: &Scanner) {
    // An .xlsx whose sheet holds 10 MB of XML.
    let head = ["member_id", "last_name", "first_name", "dob", "zip", "claim"];
    let mut rows: Vec<Vec<String>> = vec![head.iter().map(|h| h.to_string()).collect()];
    let mut xml = 0;
    for r in claims_rows(200_000, 7) {
        xml += r.iter().map(|c| c.len() + 40).sum::<usize>() + 20;
        rows.push(r.to_vec());
        if xml >= 10 * 1024 * 1024 {
            break;
        }
    }
    let cells: Vec<Vec<&str>> = rows.iter().map(|r| r.iter().map(String::as_str).collect()).collect();
    let refs: Vec<&[&str]> = cells.iter().map(Vec::as_slice).collect();
    let xlsx = build::xlsx(&refs, &[]);
    file_throughput(scanner, "xlsx (10 MB)", "claims.xlsx", &xlsx, xml);
    // A zip of CSV files holding 50 MB.
    let mut csvs = Vec::new();
    let mut total = 0;
    let mut seed = 11;
    while total < 50 * 1024 * 1024 {
        let mut csv = head.join(",") + "\n";
        for r in claims_rows(20_000, seed) {
            csv.push_str(&r.join(","));
            csv.push('\n');
        }
        total += csv.len();
        csvs.push((format!("claims/part-{seed}.csv"), csv));
        seed += 1;
    }
    let members: Vec<(&str, &[u8])> = csvs.iter().map(|(n, c)| (n.as_str(), c.as_bytes())).collect();
    let zip = build::zip(&members, false);
    file_throughput(scanner, "zip of CSVs", "claims.zip", &zip, total);
}

trait FloorBoundary {
    fn floor_char_boundary_compat(&self, i: usize) -> usize;
}

impl FloorBoundary for String {
    fn floor_char_boundary_compat(&self, mut i: usize) -> usize {
        i = i.min(self.len());
        while !self.is_char_boundary(i) {
            i -= 1;
        }
        i
    }
}
