//! Command-line parsing: hand-rolled, with usage errors that say which
//! option or value was wrong and where to read more.

use phi_guard::{RedactStyle, Verdict};
use std::ffi::OsString;
use std::path::PathBuf;

/// What the command line asks for.
pub enum Command {
    Help(Topic),
    Version,
    Scan(ScanArgs),
    Redact(RedactArgs),
    PolicyCheck(Input),
}

/// A help page.
#[derive(Clone, Copy)]
pub enum Topic {
    Main,
    Scan,
    Redact,
    Policy,
}

/// Output formats of `scan`.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
    Sarif,
}

/// A file argument, or `-` for standard input.
#[derive(Clone)]
pub enum Input {
    Stdin,
    Path(PathBuf),
}

pub struct ScanArgs {
    pub format: Format,
    pub policy: Option<PathBuf>,
    pub fail_on: Verdict,
    pub show_matches: bool,
    pub threads: Option<usize>,
    pub inputs: Vec<Input>,
}

pub struct RedactArgs {
    pub style: RedactStyle,
    pub policy: Option<PathBuf>,
    pub input: Input,
}

/// A bad command line: the message, and the help page to point at.
pub struct UsageError {
    pub message: String,
    pub topic: Topic,
}

fn usage(topic: Topic, message: impl Into<String>) -> UsageError {
    UsageError { message: message.into(), topic }
}

pub const MAIN_HELP: &str = "\
phi-guard: find protected health information (HIPAA PHI) in text

Usage:
  phi-guard scan [OPTIONS] PATH... | -     report PHI in files, directories or stdin
  phi-guard redact [OPTIONS] FILE | -      write the text with PHI replaced
  phi-guard policy check FILE              validate a policy file
  phi-guard help [scan|redact|policy]      show help for a command
  phi-guard --version

Exit status: 0 nothing found at or above --fail-on, 1 something was,
2 usage or I/O error.
";

pub const SCAN_HELP: &str = "\
Usage: phi-guard scan [OPTIONS] PATH... | -

Scans files, and directories recursively (respecting .gitignore, .ignore and
hidden files; files named on the command line are always scanned). `-` reads
standard input.

Options:
  --format text|json|sarif   output format (default text); json is JSON Lines,
                             one report per file with a \"path\" field
  --policy FILE              policy document (JSON); default: built-in policy
  --fail-on warn|block       lowest verdict that makes the exit status 1
                             (default warn)
  --show-matches             also print the matched text (masked by default)
  --threads N, -j N          files scanned in parallel (default: CPU count)
  -h, --help                 this help

Exit status: 0 nothing at or above --fail-on, 1 something was, 2 usage or
I/O error (the other files are still scanned and reported).
";

pub const REDACT_HELP: &str = "\
Usage: phi-guard redact [OPTIONS] FILE | -

Writes the text with every reported identifier replaced to standard output.
Health context (conditions, medications, codes) is kept.

Options:
  --style mask|label|pseudonym   mask: 536-22-8471 -> ***-**-****;
                                 label: [SSN]; pseudonym: [PATIENT-1], the
                                 same stand-in for the same value
                                 (default mask)
  --policy FILE                  policy document (JSON)
  -h, --help                     this help
";

pub const POLICY_HELP: &str = "\
Usage: phi-guard policy check FILE | -

Validates a policy document. Prints `ok` and the effective policy (every
default filled in), or every problem, one per line.

Exit status: 0 valid, 1 invalid, 2 unreadable.
";

impl Topic {
    pub fn help(self) -> &'static str {
        match self {
            Topic::Main => MAIN_HELP,
            Topic::Scan => SCAN_HELP,
            Topic::Redact => REDACT_HELP,
            Topic::Policy => POLICY_HELP,
        }
    }

    /// The first usage line, for error messages.
    pub fn usage_line(self) -> &'static str {
        match self {
            Topic::Main => "Usage: phi-guard scan|redact|policy|help ...",
            Topic::Scan => "Usage: phi-guard scan [--format text|json|sarif] [--policy FILE] [--fail-on warn|block] [--show-matches] [--threads N] PATH... | -",
            Topic::Redact => "Usage: phi-guard redact [--style mask|label|pseudonym] [--policy FILE] FILE | -",
            Topic::Policy => "Usage: phi-guard policy check FILE | -",
        }
    }

    /// The command to get more help.
    pub fn help_command(self) -> &'static str {
        match self {
            Topic::Main => "phi-guard --help",
            Topic::Scan => "phi-guard help scan",
            Topic::Redact => "phi-guard help redact",
            Topic::Policy => "phi-guard help policy",
        }
    }
}

/// Parses the arguments after the program name.
pub fn parse(args: Vec<OsString>) -> Result<Command, UsageError> {
    let mut args = Args::new(args);
    let Some(first) = args.next() else {
        return Err(usage(Topic::Main, "no command given"));
    };
    match first.to_str() {
        Some("-h" | "--help") => Ok(Command::Help(Topic::Main)),
        Some("-V" | "--version") => Ok(Command::Version),
        Some("help") => match args.next() {
            None => Ok(Command::Help(Topic::Main)),
            Some(t) => match t.to_str() {
                Some("scan") => Ok(Command::Help(Topic::Scan)),
                Some("redact") => Ok(Command::Help(Topic::Redact)),
                Some("policy") => Ok(Command::Help(Topic::Policy)),
                _ => Err(usage(Topic::Main, format!("no help for '{}' (try scan, redact or policy)", t.to_string_lossy()))),
            },
        },
        Some("scan") => parse_scan(args),
        Some("redact") => parse_redact(args),
        Some("policy") => parse_policy(args),
        _ => Err(usage(Topic::Main, format!("unknown command '{}' (commands: scan, redact, policy, help)", first.to_string_lossy()))),
    }
}

/// One argument as the option loop sees it.
enum Arg {
    /// `--name` or `--name=value` (value inline), `-x`.
    Option { name: String, inline: Option<String> },
    /// A path, or `-` for standard input.
    Input(Input),
}

struct Args {
    rest: std::vec::IntoIter<OsString>,
    only_inputs: bool,
}

impl Args {
    fn new(args: Vec<OsString>) -> Args {
        Args { rest: args.into_iter(), only_inputs: false }
    }

    fn next(&mut self) -> Option<OsString> {
        self.rest.next()
    }

    /// The next option or input; `--` makes everything after it an input.
    fn next_arg(&mut self) -> Option<Arg> {
        loop {
            let arg = self.rest.next()?;
            if self.only_inputs {
                return Some(Arg::Input(Input::Path(arg.into())));
            }
            return Some(match arg.to_str() {
                Some("--") => {
                    self.only_inputs = true;
                    continue;
                }
                Some("-") => Arg::Input(Input::Stdin),
                Some(s) if s.starts_with("--") => match s.split_once('=') {
                    Some((name, value)) => Arg::Option { name: name.into(), inline: Some(value.into()) },
                    None => Arg::Option { name: s.into(), inline: None },
                },
                Some(s) if s.starts_with('-') => Arg::Option { name: s.into(), inline: None },
                _ => Arg::Input(Input::Path(arg.into())),
            });
        }
    }

    /// The value of an option: inline (`--format=json`) or the next argument.
    fn value(&mut self, topic: Topic, name: &str, inline: Option<String>, expected: &str) -> Result<OsString, UsageError> {
        match inline {
            Some(v) => Ok(v.into()),
            None => self.rest.next().ok_or_else(|| usage(topic, format!("option '{name}' needs a value ({expected})"))),
        }
    }

    fn str_value(&mut self, topic: Topic, name: &str, inline: Option<String>, expected: &str) -> Result<String, UsageError> {
        let v = self.value(topic, name, inline, expected)?;
        v.into_string().map_err(|_| usage(topic, format!("option '{name}' needs a value ({expected})")))
    }
}

fn no_value(topic: Topic, name: &str, inline: &Option<String>) -> Result<(), UsageError> {
    match inline {
        Some(_) => Err(usage(topic, format!("option '{name}' takes no value"))),
        None => Ok(()),
    }
}

fn unknown_option(topic: Topic, command: &str, name: &str) -> UsageError {
    usage(topic, format!("unknown option '{name}' for '{command}'"))
}

fn parse_scan(mut args: Args) -> Result<Command, UsageError> {
    const T: Topic = Topic::Scan;
    let mut scan =
        ScanArgs { format: Format::Text, policy: None, fail_on: Verdict::Warn, show_matches: false, threads: None, inputs: Vec::new() };
    while let Some(arg) = args.next_arg() {
        let (name, inline) = match arg {
            Arg::Input(input) => {
                scan.inputs.push(input);
                continue;
            }
            Arg::Option { name, inline } => (name, inline),
        };
        match name.as_str() {
            "-h" | "--help" => return Ok(Command::Help(T)),
            "--format" => {
                scan.format = match args.str_value(T, &name, inline, "text, json or sarif")?.as_str() {
                    "text" => Format::Text,
                    "json" => Format::Json,
                    "sarif" => Format::Sarif,
                    other => return Err(usage(T, format!("--format must be text, json or sarif, not '{other}'"))),
                }
            }
            "--policy" => scan.policy = Some(args.value(T, &name, inline, "a policy file")?.into()),
            "--fail-on" => {
                scan.fail_on = match args.str_value(T, &name, inline, "warn or block")?.as_str() {
                    "warn" => Verdict::Warn,
                    "block" => Verdict::Block,
                    other => return Err(usage(T, format!("--fail-on must be warn or block, not '{other}'"))),
                }
            }
            "--show-matches" => {
                no_value(T, &name, &inline)?;
                scan.show_matches = true;
            }
            "--threads" | "-j" => {
                let v = args.str_value(T, &name, inline, "a number of threads")?;
                match v.parse::<usize>() {
                    Ok(n) if n >= 1 => scan.threads = Some(n),
                    _ => return Err(usage(T, format!("--threads must be a whole number of at least 1, not '{v}'"))),
                }
            }
            _ => return Err(unknown_option(T, "scan", &name)),
        }
    }
    if scan.inputs.is_empty() {
        return Err(usage(T, "scan needs at least one PATH (or - for standard input)"));
    }
    Ok(Command::Scan(scan))
}

fn parse_redact(mut args: Args) -> Result<Command, UsageError> {
    const T: Topic = Topic::Redact;
    let mut style = RedactStyle::Mask;
    let mut policy = None;
    let mut inputs = Vec::new();
    while let Some(arg) = args.next_arg() {
        let (name, inline) = match arg {
            Arg::Input(input) => {
                inputs.push(input);
                continue;
            }
            Arg::Option { name, inline } => (name, inline),
        };
        match name.as_str() {
            "-h" | "--help" => return Ok(Command::Help(T)),
            "--style" => {
                let v = args.str_value(T, &name, inline, "mask, label or pseudonym")?;
                style = v.parse().map_err(|_| usage(T, format!("--style must be mask, label or pseudonym, not '{v}'")))?;
            }
            "--policy" => policy = Some(args.value(T, &name, inline, "a policy file")?.into()),
            _ => return Err(unknown_option(T, "redact", &name)),
        }
    }
    let input = one_input(T, "redact", inputs)?;
    Ok(Command::Redact(RedactArgs { style, policy, input }))
}

fn parse_policy(mut args: Args) -> Result<Command, UsageError> {
    const T: Topic = Topic::Policy;
    match args.next() {
        None => return Err(usage(T, "policy needs a subcommand: check FILE")),
        Some(sub) => match sub.to_str() {
            Some("check") => {}
            Some("-h" | "--help") => return Ok(Command::Help(T)),
            _ => return Err(usage(T, format!("unknown policy subcommand '{}' (try: check FILE)", sub.to_string_lossy()))),
        },
    }
    let mut inputs = Vec::new();
    while let Some(arg) = args.next_arg() {
        match arg {
            Arg::Input(input) => inputs.push(input),
            Arg::Option { name, .. } if name == "-h" || name == "--help" => return Ok(Command::Help(T)),
            Arg::Option { name, .. } => return Err(unknown_option(T, "policy check", &name)),
        }
    }
    Ok(Command::PolicyCheck(one_input(T, "policy check", inputs)?))
}

fn one_input(topic: Topic, command: &str, mut inputs: Vec<Input>) -> Result<Input, UsageError> {
    match inputs.len() {
        1 => Ok(inputs.remove(0)),
        0 => Err(usage(topic, format!("{command} needs a FILE (or - for standard input)"))),
        n => Err(usage(topic, format!("{command} takes one FILE, got {n}"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_strs(args: &[&str]) -> Result<Command, UsageError> {
        parse(args.iter().map(OsString::from).collect())
    }

    fn err(args: &[&str]) -> String {
        match parse_strs(args) {
            Err(e) => e.message,
            Ok(_) => panic!("{args:?} parsed"),
        }
    }

    #[test]
    fn scan_options_in_any_order_and_inline_values() {
        let Ok(Command::Scan(s)) = parse_strs(&["scan", "a", "--format=json", "-", "--fail-on", "block", "-j", "3", "--", "--odd"]) else {
            panic!("not a scan");
        };
        assert!(s.format == Format::Json && s.fail_on == Verdict::Block && s.threads == Some(3));
        assert_eq!(s.inputs.len(), 3);
        assert!(matches!(&s.inputs[2], Input::Path(p) if p.as_os_str() == "--odd"));
    }

    #[test]
    fn usage_errors_name_the_problem() {
        assert!(err(&[]).contains("no command"));
        assert!(err(&["scan", "--bogus", "a"]).contains("'--bogus'"));
        assert!(err(&["scan", "--format"]).contains("needs a value"));
        assert!(err(&["scan", "--format", "xml", "a"]).contains("'xml'"));
        assert!(err(&["scan", "--threads", "0", "a"]).contains("--threads"));
        assert!(err(&["scan", "--show-matches=yes", "a"]).contains("takes no value"));
        assert!(err(&["scan"]).contains("PATH"));
        assert!(err(&["redact", "--style", "blur", "a"]).contains("'blur'"));
        assert!(err(&["redact", "a", "b"]).contains("one FILE"));
        assert!(err(&["policy", "lint", "a"]).contains("'lint'"));
        assert!(err(&["frobnicate"]).contains("'frobnicate'"));
    }
}
