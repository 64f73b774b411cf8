//! `phi-guard`: the command-line front end of the PHI Guard core.
//!
//! `scan` reports PHI in files, directories (walked with the `ignore` crate,
//! respecting .gitignore) or standard input as text, JSON Lines or SARIF;
//! `redact` writes a redacted copy; `policy check` validates a policy file.
//! See `phi-guard --help` and `CONTRACTS.md` section 3.
//!
//! Files are scanned in parallel; results are printed in path order as soon
//! as every earlier path is done, so output is deterministic. Nothing this
//! program prints to standard error contains scanned text: errors name the
//! path and the problem, and a panic prints only where it happened.

// A binary's root file looks for modules beside it; ours live in a folder
// named after the binary.
#[path = "phi-guard/args.rs"]
mod args;
#[path = "phi-guard/input.rs"]
mod input;
#[path = "phi-guard/output.rs"]
mod output;

use args::{Command, Input, RedactArgs, ScanArgs, UsageError};
use input::{io_message, Outcome, Target};
use output::{Printer, Totals};
use phi_guard::{Policy, Scanner};
use std::collections::BTreeMap;
use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;

/// Exit statuses (`CONTRACTS.md` section 3).
const CLEAN: u8 = 0;
const FOUND: u8 = 1;
const TROUBLE: u8 = 2;

fn main() -> ExitCode {
    // The default hook prints the panic message, which may quote text being
    // scanned (a slicing error shows the string). Say only where it happened.
    std::panic::set_hook(Box::new(|info| {
        let at = info.location().map(|l| format!(" at {}:{}", l.file(), l.line())).unwrap_or_default();
        let _ = writeln!(io::stderr(), "phi-guard: internal error{at}; please report it");
    }));
    let code = match args::parse(std::env::args_os().skip(1).collect()) {
        Ok(command) => run(command),
        Err(e) => usage_error(&e),
    };
    ExitCode::from(code)
}

fn usage_error(e: &UsageError) -> u8 {
    let _ = writeln!(io::stderr(), "phi-guard: {}\n{}\nTry '{}' for more.", e.message, e.topic.usage_line(), e.topic.help_command());
    TROUBLE
}

fn run(command: Command) -> u8 {
    let result = match command {
        Command::Help(topic) => print(topic.help()).map(|()| CLEAN),
        Command::Version => print(&format!("phi-guard {}\n", env!("CARGO_PKG_VERSION"))).map(|()| CLEAN),
        Command::Scan(a) => scan(a),
        Command::Redact(a) => redact(a),
        Command::PolicyCheck(input) => policy_check(&input),
    };
    match result {
        Ok(code) => code,
        // The reader went away (`phi-guard scan . | head`): stop quietly,
        // as ripgrep does.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => CLEAN,
        Err(e) => {
            let _ = writeln!(io::stderr(), "phi-guard: writing output: {}", io_message(&e));
            TROUBLE
        }
    }
}

fn print(s: &str) -> io::Result<()> {
    let mut out = io::stdout().lock();
    out.write_all(s.as_bytes())?;
    out.flush()
}

/// Prints `phi-guard: MESSAGE` to standard error and gives the I/O status.
fn fail(message: &str) -> io::Result<u8> {
    let _ = writeln!(io::stderr(), "phi-guard: {message}");
    Ok(TROUBLE)
}

/// The scanner for `--policy FILE`, or for the built-in policy.
fn load_scanner(path: Option<&Path>) -> Result<Scanner, String> {
    let Some(path) = path else {
        return Scanner::new(Policy::default()).map_err(|e| format!("built-in policy: {e}"));
    };
    let name = path.display();
    let json = std::fs::read_to_string(path).map_err(|e| format!("policy {name}: {}", io_message(&e)))?;
    let policy = Policy::from_json(&json).map_err(|e| format!("policy {name}: {e}"))?;
    Scanner::new(policy).map_err(|e| format!("policy {name}: {e}"))
}

fn scan(a: ScanArgs) -> io::Result<u8> {
    let scanner = match load_scanner(a.policy.as_deref()) {
        Ok(s) => s,
        Err(m) => return fail(&m),
    };
    let targets = input::collect(&a.inputs);
    let threads = a.threads.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get())).clamp(1, targets.len().max(1));
    let mut printer = Printer::new(a.format, a.show_matches);
    let mut totals = Totals::default();
    let mut out = io::BufWriter::new(io::stdout().lock());

    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    let written = std::thread::scope(|s| -> io::Result<()> {
        let (tx, rx) = mpsc::channel::<(usize, Outcome)>();
        for _ in 0..threads {
            let tx = tx.clone();
            let (next, stop, targets, scanner) = (&next, &stop, &targets, &scanner);
            s.spawn(move || {
                while !stop.load(Ordering::Relaxed) {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(target) = targets.get(i) else { break };
                    if tx.send((i, scan_one(scanner, target, a.show_matches))).is_err() {
                        break;
                    }
                }
            });
        }
        drop(tx);
        // Print in path order: hold results that finish early.
        let mut pending = BTreeMap::new();
        let mut want = 0;
        for (i, outcome) in rx {
            pending.insert(i, outcome);
            while let Some(outcome) = pending.remove(&want) {
                totals.count(&outcome);
                if let Err(e) = printer.file(&mut out, &targets[want].display, &outcome) {
                    stop.store(true, Ordering::Relaxed);
                    return Err(e);
                }
                want += 1;
            }
        }
        Ok(())
    });
    written?;
    printer.finish(&mut out, &totals)?;
    out.flush()?;
    Ok(if totals.errors > 0 {
        TROUBLE
    } else if totals.worst.is_some_and(|v| v >= a.fail_on) {
        FOUND
    } else {
        CLEAN
    })
}

/// Scans one target; a panic in the engine becomes an error for that file
/// (the hook has already said where), and the other files go on.
fn scan_one(scanner: &Scanner, target: &Target, show_matches: bool) -> Outcome {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| input::scan_target(scanner, target, show_matches)))
        .unwrap_or_else(|_| Outcome::Error("internal error while scanning this file".into()))
}

fn redact(a: RedactArgs) -> io::Result<u8> {
    let scanner = match load_scanner(a.policy.as_deref()) {
        Ok(s) => s,
        Err(m) => return fail(&m),
    };
    let limit = scanner.policy().max_scan_bytes;
    let (name, read) = match &a.input {
        Input::Stdin => (input::STDIN_NAME.to_string(), input::read_prefix(io::stdin().lock(), limit, None)),
        Input::Path(p) => (
            p.display().to_string(),
            std::fs::File::open(p).and_then(|f| input::read_prefix(&f, limit, f.metadata().ok().map(|m| m.len()))),
        ),
    };
    let bytes = match read {
        Ok((_, true)) => {
            return fail(&format!(
                "{name}: larger than the policy's max_scan_bytes ({limit}); not redacted, since the rest could not be checked"
            ))
        }
        Ok((bytes, false)) => bytes,
        Err(e) => return fail(&format!("{name}: {}", io_message(&e))),
    };
    let text = match phi_guard::decode_text(&bytes) {
        Ok(t) => t,
        Err(e) => return fail(&format!("{name}: {e}; not redacted")),
    };
    let redacted = scanner.redact(&text, a.style);
    print(&redacted)?;
    Ok(CLEAN)
}

fn policy_check(input: &Input) -> io::Result<u8> {
    let (name, read) = match input {
        Input::Stdin => (input::STDIN_NAME.to_string(), io::read_to_string(io::stdin().lock())),
        Input::Path(p) => (p.display().to_string(), std::fs::read_to_string(p)),
    };
    let json = match read {
        Ok(j) => j,
        Err(e) => return fail(&format!("policy {name}: {}", io_message(&e))),
    };
    let mut problems = Policy::problems(&json);
    if problems.is_empty() {
        match Policy::from_json(&json).and_then(Scanner::new) {
            Ok(scanner) => {
                print(&format!("ok\n{}\n", scanner.policy().to_json()))?;
                return Ok(CLEAN);
            }
            Err(e) => problems.push(e.to_string()),
        }
    }
    let mut out = io::stdout().lock();
    for p in &problems {
        writeln!(out, "{p}")?;
    }
    out.flush()?;
    Ok(FOUND)
}
