//! Command-line options, with strace's letters, long names, parsing and messages.
//!
//! The option table below is the one place an option is defined: the scanner (`getopt`), the
//! handler that stores its value and `--help` all read it.

use crate::fdinfo::DecodeFds;
use crate::filter::{NameSet, Qualifiers, quiet};
use crate::getopt::{self, HasArg};
use crate::number::parse_uint;
use crate::output::{ConstStyle, Format, HexStrings};
use crate::pathtrace::FdSet;
use crate::ptrace::Daemonize;
use crate::stamp::{Absolute, Precision, Stamps};
use crate::summary::{self, Clock, SummaryOpts};
use std::ffi::OsString;
use std::path::PathBuf;

/// `-I` / `--interruptible`: when fatal signals (HUP, INT, QUIT, TERM) to the tracer act
/// (strace(1), `-I`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Interruptible {
    /// 1, `anywhere`: no signal is caught; the tracer dies at once (the kernel detaches it).
    Anywhere,
    /// 2, `waiting`: caught, and acted on between stops (the default).
    Waiting,
    /// 3, `never`: ignored (the default for `-o FILE PROG`).
    Never,
    /// 4, `never_tstp`: ignored, and so is SIGTSTP (^Z).
    NeverTstp,
}

impl Interruptible {
    fn parse(word: &str) -> Option<Self> {
        match word {
            "anywhere" | "always" => Some(Interruptible::Anywhere),
            "waiting" => Some(Interruptible::Waiting),
            "never" => Some(Interruptible::Never),
            "never_tstp" => Some(Interruptible::NeverTstp),
            _ => match parse_uint(word, 4)? {
                1 => Some(Interruptible::Anywhere),
                2 => Some(Interruptible::Waiting),
                3 => Some(Interruptible::Never),
                4 => Some(Interruptible::NeverTstp),
                _ => None,
            },
        }
    }
}

/// How the command line ends the run before anything is traced.
#[derive(Debug, PartialEq, Eq)]
pub enum CliExit {
    /// `-h`: this text on stdout, exit 0.
    Help(String),
    /// `-V`: this text on stdout, exit 0.
    Version(String),
    /// A usage error: the message, then strace's `Try '... -h'` hint; exit 1.
    Usage(String),
    /// An error strace reports without the hint; exit 1.
    Fatal(String),
}

/// `INT_MAX`, the most `string_to_uint` accepts.
const INT_MAX: u64 = i32::MAX as u64;

/// The largest `-s`.
const MAX_STRLEN: u64 = crate::decode::MAX_STRLEN as u64;

/// Where an option is listed in `--help`, as strace groups them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Heading {
    General,
    Startup,
    Tracing,
    Filtering,
    Output,
    Statistics,
    /// Not listed (developer options).
    Hidden,
}

const HEADINGS: [(Heading, &str); 6] = [
    (Heading::General, "General"),
    (Heading::Startup, "Startup"),
    (Heading::Tracing, "Tracing"),
    (Heading::Filtering, "Filtering"),
    (Heading::Output, "Output format"),
    (Heading::Statistics, "Statistics"),
];

/// What an option does when it is found; the handler is `Cli::apply`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Id {
    ConstStyle,
    Secontext,
    Overhead,
    DecodePids,
    PidnsTranslation,
    Daemonize,
    DetachOn,
    Help,
    Version,
    Attach,
    Env,
    User,
    KillOnExit,
    Debug,
    Follow,
    FollowForks,
    OutputSeparately,
    Interruptible,
    SeccompBpf,
    NoSeccompBpf,
    Expr,
    /// A long option that stands for `-e QUALIFIER=VALUE`; the qualifier is the payload.
    Qualifier(&'static str),
    SuccessfulOnly,
    FailedOnly,
    TracePath,
    TraceFds,
    ListClasses,
    Output,
    Append,
    StringLimit,
    Columns,
    Timestamps,
    Relative,
    SyscallTimes,
    Hex,
    SyscallNumber,
    InstructionPointer,
    Quiet,
    NoAbbrev,
    DecodeFds,
    Json,
    JsonAndText,
    SummaryOnly,
    Summary,
    SortBy,
    SummaryColumns,
    WallClock,
}

/// One option: how it is spelt, what it takes, and its line in `--help`.
struct Opt {
    short: Option<u8>,
    longs: &'static [&'static str],
    arg: HasArg,
    id: Id,
    heading: Heading,
    /// The argument's name in `--help`.
    value: &'static str,
    help: &'static str,
}

impl getopt::OptSpec for Opt {
    fn short(&self) -> Option<u8> {
        self.short
    }
    fn longs(&self) -> &[&'static str] {
        self.longs
    }
    fn has_arg(&self) -> HasArg {
        self.arg
    }
}

const fn opt(
    short: Option<u8>,
    longs: &'static [&'static str],
    arg: HasArg,
    id: Id,
    heading: Heading,
    value: &'static str,
    help: &'static str,
) -> Opt {
    Opt {
        short,
        longs,
        arg,
        id,
        heading,
        value,
        help,
    }
}

use HasArg::{No, Optional, Required};
use Heading as H;

/// Every option, in `--help` order within each heading.
const OPTIONS: &[Opt] = &[
    opt(
        Some(b'h'),
        &["help"],
        No,
        Id::Help,
        H::General,
        "",
        "Print this help and exit",
    ),
    opt(
        Some(b'V'),
        &["version"],
        No,
        Id::Version,
        H::General,
        "",
        "Print the version and exit",
    ),
    opt(
        Some(b'Y'),
        &[],
        No,
        Id::DecodePids,
        H::Output,
        "",
        "Print the command name beside pids (--decode-pids=comm)",
    ),
    opt(
        None,
        &["decode-pids"],
        Required,
        Id::DecodePids,
        H::Output,
        "WHAT",
        "comm: print the command name beside pids; pidns: their pids in strace's namespace too",
    ),
    opt(
        None,
        &["pidns-translation"],
        No,
        Id::PidnsTranslation,
        H::Output,
        "",
        "Print pids in strace's pid namespace too (--decode-pids=pidns)",
    ),
    opt(
        Some(b'D'),
        &["daemonize", "daemonise", "daemonized"],
        Optional,
        Id::Daemonize,
        H::Startup,
        "HOW",
        "Run the tracer as a detached grandchild of the command, not as its parent; -DD/pgroup also in a process group of its own, -DDD/session in a session of its own",
    ),
    opt(
        Some(b'p'),
        &["attach"],
        Required,
        Id::Attach,
        H::Startup,
        "PID",
        "Attach to the process PID and trace it (repeatable; a comma or space separated list too)",
    ),
    opt(
        Some(b'E'),
        &["env"],
        Required,
        Id::Env,
        H::Startup,
        "VAR[=VAL]",
        "Run the command with VAR=VAL in its environment, or without VAR",
    ),
    opt(
        Some(b'u'),
        &["user"],
        Required,
        Id::User,
        H::Startup,
        "USER",
        "Run the command as USER (uid, gid and groups); needs root",
    ),
    opt(
        Some(b'd'),
        &["debug"],
        No,
        Id::Debug,
        H::General,
        "",
        "Print the tracer's own debug messages (strace's -d; a few of them)",
    ),
    opt(
        None,
        &["kill-on-exit"],
        No,
        Id::KillOnExit,
        H::Startup,
        "",
        "Kill the traced processes if the tracer exits (by default they go on, untraced)",
    ),
    opt(
        Some(b'f'),
        &[],
        No,
        Id::Follow,
        H::Tracing,
        "",
        "Follow forks, vforks and clones; twice (-ff) with -o, one file per process (FILE.PID)",
    ),
    opt(
        None,
        &["follow-forks"],
        No,
        Id::FollowForks,
        H::Tracing,
        "",
        "Follow forks, vforks and clones",
    ),
    opt(
        None,
        &["output-separately"],
        No,
        Id::OutputSeparately,
        H::Tracing,
        "",
        "With -o FILE and -f, one file per process (FILE.PID)",
    ),
    opt(
        Some(b'I'),
        &["interruptible"],
        Required,
        Id::Interruptible,
        H::Tracing,
        "INTERRUPTIBLE",
        "When fatal signals stop the tracer: 1/anywhere, 2/waiting (default), 3/never (default with -o FILE PROG), 4/never_tstp (^Z ignored too)",
    ),
    opt(
        None,
        &["seccomp-bpf"],
        No,
        Id::SeccompBpf,
        H::Tracing,
        "",
        "Stop the traced command only at the syscalls of -e trace=SET, with a seccomp-bpf filter (needs -f; done by itself for a command run with -f -e trace=SET)",
    ),
    opt(
        None,
        &["no-seccomp-bpf"],
        No,
        Id::NoSeccompBpf,
        H::Tracing,
        "",
        "Never use a seccomp-bpf filter (for a program with seccomp filters of its own)",
    ),
    opt(
        Some(b'e'),
        &[],
        Required,
        Id::Expr,
        H::Filtering,
        "EXPR",
        "QUALIFIER=SET: trace, signal, status, quiet, raw, abbrev, verbose, read, write, inject, fault, decode-fds",
    ),
    opt(
        None,
        &["inject"],
        Required,
        Id::Qualifier("inject"),
        H::Filtering,
        "SET:KEY=VAL...",
        "Tamper with the syscalls in SET: error=ERRNO or retval=VALUE (with syscall=NAME run instead), signal=SIG, delay_enter=/delay_exit=TIME (us), when=N|N+|N+STEP|N..M|N..M+STEP",
    ),
    opt(
        None,
        &["fault"],
        Required,
        Id::Qualifier("fault"),
        H::Filtering,
        "SET:KEY=VAL...",
        "As --inject with error=, syscall= and when= only; the error is ENOSYS unless given",
    ),
    opt(
        None,
        &["trace"],
        Required,
        Id::Qualifier("trace"),
        H::Filtering,
        "SET",
        "Trace only the syscalls in SET (names, %class, /regex, ?name, all, none; ! negates)",
    ),
    opt(
        None,
        &["signal", "signals"],
        Required,
        Id::Qualifier("signal"),
        H::Filtering,
        "SET",
        "Print --- SIGxxx --- lines only for the signals in SET",
    ),
    opt(
        None,
        &["status"],
        Required,
        Id::Qualifier("status"),
        H::Filtering,
        "SET",
        "Print only syscalls whose outcome is in SET: successful, failed, unfinished, unavailable, detached",
    ),
    opt(
        Some(b'z'),
        &["successful-only"],
        No,
        Id::SuccessfulOnly,
        H::Filtering,
        "",
        "Print only syscalls that returned without an error (status=successful)",
    ),
    opt(
        Some(b'Z'),
        &["failed-only", "failing-only"],
        No,
        Id::FailedOnly,
        H::Filtering,
        "",
        "Print only syscalls that returned an error (status=failed)",
    ),
    opt(
        Some(b'P'),
        &["trace-path"],
        Required,
        Id::TracePath,
        H::Filtering,
        "PATH",
        "Trace only the syscalls that touch PATH, by a path argument or a descriptor open on it (repeatable)",
    ),
    opt(
        None,
        &["trace-fds"],
        Required,
        Id::TraceFds,
        H::Filtering,
        "SET",
        "Trace only the syscalls with a descriptor argument in SET (numbers, comma separated; ! negates). Not in strace 6.1",
    ),
    opt(
        None,
        &["list-classes"],
        No,
        Id::ListClasses,
        H::Filtering,
        "",
        "List the syscall classes (-e trace=%CLASS) with their syscalls, and exit",
    ),
    opt(
        Some(b'o'),
        &["output"],
        Required,
        Id::Output,
        H::Output,
        "FILE",
        "Write the trace to FILE instead of stderr; |CMD or !CMD pipes it into CMD",
    ),
    opt(
        Some(b'A'),
        &["output-append-mode"],
        No,
        Id::Append,
        H::Output,
        "",
        "Append to the -o file instead of truncating it",
    ),
    opt(
        Some(b'b'),
        &["detach-on"],
        Required,
        Id::DetachOn,
        H::Tracing,
        "SYSCALL",
        "Detach from a process when it calls SYSCALL (only execve; not the command's first)",
    ),
    opt(
        Some(b'X'),
        &["const-print-style"],
        Required,
        Id::ConstStyle,
        H::Output,
        "FORMAT",
        "Print named constants and flags as numbers (raw), names (abbrev, the default) or both (verbose)",
    ),
    opt(
        Some(b's'),
        &["string-limit"],
        Required,
        Id::StringLimit,
        H::Output,
        "STRSIZE",
        "Show at most STRSIZE bytes of each string (default 32)",
    ),
    opt(
        Some(b'a'),
        &["columns"],
        Required,
        Id::Columns,
        H::Output,
        "COLUMN",
        "Align return values at COLUMN (default 40)",
    ),
    opt(
        Some(b't'),
        &["absolute-timestamps", "timestamps"],
        Optional,
        Id::Timestamps,
        H::Output,
        "FORMAT",
        "Print the wall-clock time before each line; -tt with microseconds, -ttt as seconds since the epoch; the long form takes [format:]none|time|unix and [precision:]s|ms|us|ns",
    ),
    opt(
        Some(b'r'),
        &["relative-timestamps"],
        Optional,
        Id::Relative,
        H::Output,
        "PRECISION",
        "Print the time since the previous line before each line (precision s, ms, us, ns)",
    ),
    opt(
        Some(b'T'),
        &["syscall-times"],
        Optional,
        Id::SyscallTimes,
        H::Output,
        "PRECISION",
        "Print the time spent in each syscall, <0.000012> (precision s, ms, us, ns)",
    ),
    opt(
        Some(b'x'),
        &["strings-in-hex"],
        Optional,
        Id::Hex,
        H::Output,
        "WHICH",
        "Print strings with non-ASCII bytes in hex; -xx: every string; the long form takes none, non-ascii-chars, non-ascii, all",
    ),
    opt(
        Some(b'n'),
        &["syscall-number"],
        No,
        Id::SyscallNumber,
        H::Output,
        "",
        "Print the syscall number before each line",
    ),
    opt(
        Some(b'i'),
        &["instruction-pointer"],
        No,
        Id::InstructionPointer,
        H::Output,
        "",
        "Print the instruction pointer at the time of each syscall",
    ),
    opt(
        Some(b'q'),
        &["quiet", "silent", "silence"],
        Optional,
        Id::Quiet,
        H::Output,
        "SET",
        "Suppress messages about attaching and detaching; -qq also exit lines; the long form suppresses the messages in SET: attach, exit, path-resolution, personality, thread-execve",
    ),
    opt(
        None,
        &["raw"],
        Required,
        Id::Qualifier("raw"),
        H::Output,
        "SET",
        "Print the arguments of the syscalls in SET undecoded, in hex",
    ),
    opt(
        None,
        &["abbrev"],
        Required,
        Id::Qualifier("abbrev"),
        H::Output,
        "SET",
        "Abbreviate long arrays and environments only for the syscalls in SET",
    ),
    opt(
        None,
        &["verbose"],
        Required,
        Id::Qualifier("verbose"),
        H::Output,
        "SET",
        "Decode structures in full only for the syscalls in SET",
    ),
    opt(
        None,
        &["read"],
        Required,
        Id::Qualifier("read"),
        H::Output,
        "SET",
        "Dump in hex all data read from the descriptors in SET",
    ),
    opt(
        None,
        &["write"],
        Required,
        Id::Qualifier("write"),
        H::Output,
        "SET",
        "Dump in hex all data written to the descriptors in SET",
    ),
    opt(
        Some(b'v'),
        &["no-abbrev"],
        No,
        Id::NoAbbrev,
        H::Output,
        "",
        "Do not abbreviate: environments and long arrays in full (abbrev=none)",
    ),
    opt(
        Some(b'y'),
        &["decode-fds"],
        Optional,
        Id::DecodeFds,
        H::Output,
        "SET",
        "Print paths beside descriptors; -yy all details; the long form takes path, socket, dev, pidfd, all, none",
    ),
    opt(
        None,
        &["json"],
        No,
        Id::Json,
        H::Output,
        "",
        "Write the trace as JSON Lines, one object per event (see docs/json.md)",
    ),
    // A developer option: the text trace as usual and the JSON of the same events to FILE
    // (FILE.PID with -ff); the round-trip test compares the two.
    opt(
        None,
        &["json-and-text"],
        Required,
        Id::JsonAndText,
        H::Hidden,
        "FILE",
        "",
    ),
    opt(
        Some(b'c'),
        &["summary-only"],
        No,
        Id::SummaryOnly,
        H::Statistics,
        "",
        "Count time, calls and errors of each syscall and print a summary table, no trace; with -ff -o FILE each process's own table is appended to FILE.PID too",
    ),
    opt(
        Some(b'C'),
        &["summary"],
        No,
        Id::Summary,
        H::Statistics,
        "",
        "Like -c, but also print the trace",
    ),
    opt(
        Some(b'S'),
        &["summary-sort-by"],
        Required,
        Id::SortBy,
        H::Statistics,
        "SORTBY",
        "Sort the summary by: time, min-time, max-time, avg-time, calls, errors, name, nothing (default time)",
    ),
    opt(
        Some(b'U'),
        &["summary-columns"],
        Required,
        Id::SummaryColumns,
        H::Statistics,
        "COLUMNS",
        "The summary's columns, comma separated: time-percent, total-time, min-time, max-time, avg-time, calls, errors, name",
    ),
    opt(
        Some(b'w'),
        &["summary-wall-clock"],
        No,
        Id::WallClock,
        H::Statistics,
        "",
        "Summarise the wall-clock time from syscall entry to exit (default: system CPU time)",
    ),
    opt(
        None,
        &["secontext"],
        Optional,
        Id::Secontext,
        H::Output,
        "FORMAT",
        "SELinux contexts: not supported (strace-rs says so and stops)",
    ),
    opt(
        Some(b'O'),
        &["summary-syscall-overhead"],
        Required,
        Id::Overhead,
        H::Statistics,
        "OVERHEAD",
        "Take OVERHEAD (microseconds, or with s, ms, us, ns) off each syscall's time in the summary",
    ),
];

/// The parsed command line.
#[derive(Debug)]
pub struct Cli {
    pub output: Option<PathBuf>,
    pub string_limit: usize,
    pub column: usize,
    /// `-f` count; `--follow-forks` makes it at least 1, `--output-separately` at least 2.
    pub follow: u8,
    pub timestamps_count: u8,
    /// `--absolute-timestamps`, as its occurrences left it (each sets only what it names).
    pub timestamps: Option<LongStamps>,
    pub relative: bool,
    pub relative_timestamps: Option<String>,
    pub hex_count: u8,
    /// `-X`.
    pub const_style: ConstStyle,
    /// `-O`.
    pub overhead: std::time::Duration,
    /// `-b execve`.
    pub detach_on_execve: bool,
    /// `-Y`, `--decode-pids=comm`.
    pub decode_pids_comm: bool,
    /// `-d`: the tracer's debug messages on stderr.
    pub debug: bool,
    /// `--decode-pids=pidns`, `--pidns-translation`.
    pub decode_pids_ns: bool,
    /// `-D`s given.
    pub daemonize_count: u8,
    /// `--daemonize`.
    pub daemonize_long: Option<Daemonize>,
    pub strings_in_hex: Option<String>,
    pub env: Vec<OsString>,
    pub user: Option<String>,
    pub append: bool,
    pub syscall_number: bool,
    pub instruction_pointer: bool,
    pub syscall_times_flag: bool,
    pub syscall_times: Option<String>,
    pub quiet: u8,
    pub successful_only: bool,
    pub failed_only: bool,
    pub no_abbrev: bool,
    pub seccomp_bpf: bool,
    pub no_seccomp_bpf: bool,
    /// Every `-e` and qualifier long option, in command-line order (a later one replaces an
    /// earlier one, as in strace).
    pub ordered_exprs: Vec<String>,
    pub list_classes: bool,
    pub summary_only: u8,
    pub summary_too: u8,
    pub summary_sort: Vec<String>,
    pub summary_columns: Vec<String>,
    pub summary_wall_clock: u8,
    pub decode_fds_count: u8,
    pub decode_fds: Option<String>,
    pub trace_paths: Vec<OsString>,
    pub trace_fds: Option<String>,
    pub json: bool,
    pub json_and_text: Option<PathBuf>,
    pub pids: Vec<i32>,
    pub interruptible: Option<Interruptible>,
    pub kill_on_exit: bool,
    pub command: Vec<OsString>,
}

impl Default for Cli {
    fn default() -> Self {
        Cli {
            output: None,
            string_limit: 32,
            column: 40,
            follow: 0,
            timestamps_count: 0,
            timestamps: None,
            relative: false,
            relative_timestamps: None,
            hex_count: 0,
            const_style: ConstStyle::Abbrev,
            overhead: std::time::Duration::ZERO,
            detach_on_execve: false,
            daemonize_count: 0,
            decode_pids_comm: false,
            debug: false,
            decode_pids_ns: false,
            daemonize_long: None,
            strings_in_hex: None,
            env: Vec::new(),
            user: None,
            append: false,
            syscall_number: false,
            instruction_pointer: false,
            syscall_times_flag: false,
            syscall_times: None,
            quiet: 0,
            successful_only: false,
            failed_only: false,
            no_abbrev: false,
            seccomp_bpf: false,
            no_seccomp_bpf: false,
            ordered_exprs: Vec::new(),
            list_classes: false,
            summary_only: 0,
            summary_too: 0,
            summary_sort: Vec::new(),
            summary_columns: Vec::new(),
            summary_wall_clock: 0,
            decode_fds_count: 0,
            decode_fds: None,
            trace_paths: Vec::new(),
            trace_fds: None,
            json: false,
            json_and_text: None,
            pids: Vec::new(),
            interruptible: None,
            kill_on_exit: false,
            command: Vec::new(),
        }
    }
}

/// What `--absolute-timestamps` options have said: the format (`None`: none shown) and the
/// precision, each kept until a later occurrence names it (strace's parse_ts_arg).
#[derive(Debug, Clone, Copy)]
pub struct LongStamps {
    /// `Some(true)`: seconds since the epoch; `Some(false)`: the time of day.
    format: Option<bool>,
    precision: Precision,
}

impl Default for LongStamps {
    fn default() -> Self {
        LongStamps {
            format: Some(false),
            precision: Precision::S,
        }
    }
}

impl LongStamps {
    /// Applies one argument: `[format:]none|time|unix` and `[precision:]s|ms|us|ns`, comma
    /// separated, in any case. `None` when a token is neither. An argument that names no
    /// format shows the time of day if nothing was shown.
    fn apply(&mut self, arg: &str) -> Option<()> {
        let before = self.format;
        self.format = Some(false);
        let mut named_format = false;
        for token in arg.split(',').filter(|t| !t.is_empty()) {
            let lower = token.to_ascii_lowercase();
            let (word, format_ok, precision_ok) = match lower.split_once(':') {
                Some(("format", w)) => (w, true, false),
                Some(("precision", w)) => (w, false, true),
                _ => (lower.as_str(), true, true),
            };
            let format = match word {
                "none" if format_ok => None,
                "time" if format_ok => Some(false),
                "unix" if format_ok => Some(true),
                _ if precision_ok => {
                    self.precision = Precision::parse(word)?;
                    continue;
                }
                _ => return None,
            };
            self.format = format;
            named_format = true;
        }
        if !named_format && before.is_some() {
            self.format = before;
        }
        Some(())
    }

    fn absolute(self) -> Option<Absolute> {
        self.format.map(|unix| {
            if unix {
                Absolute::Unix(self.precision)
            } else {
                Absolute::Time(self.precision)
            }
        })
    }
}

fn precision(word: &str, option: &str) -> Result<Precision, String> {
    Precision::parse(word).ok_or_else(|| format!("invalid {option} precision: '{word}'"))
}

/// `--secontext`, `-e secontext=`: refused, as strace built without SELinux refuses it.
fn secontext_unsupported() -> CliExit {
    CliExit::Fatal(
        "SELinux context printing (--secontext option) is not supported by strace-rs".into(),
    )
}

/// `invalid -s argument: 'x'`, strace's message for a bad option value (with its usage hint).
fn bad_arg(name: &str, value: &str) -> CliExit {
    CliExit::Usage(format!("invalid {name} argument: '{value}'"))
}

impl Cli {
    /// Parses the arguments after argv[0] as strace does.
    pub fn parse(args: &[OsString]) -> Result<Cli, CliExit> {
        let scanned = getopt::scan(OPTIONS, args).map_err(CliExit::Usage)?;
        let mut cli = Cli::default();
        for found in scanned.options {
            let id = OPTIONS[found.index].id;
            cli.apply(id, &found.name, found.value)?;
        }
        cli.command = scanned.operands;
        Ok(cli)
    }

    /// Stores one option's value; `name` is the option as strace names it in messages.
    fn apply(&mut self, id: Id, name: &str, value: Option<String>) -> Result<(), CliExit> {
        let long = name.starts_with("--");
        let text = value.clone().unwrap_or_default();
        match id {
            Id::Help => return Err(CliExit::Help(help_text())),
            Id::Version => {
                return Err(CliExit::Version(format!(
                    "strace-rs -- version {}\n",
                    env!("CARGO_PKG_VERSION")
                )));
            }
            Id::Attach => {
                // strace accepts `-p "$(pidof PROG)"` and `-p "$(pgrep PROG)"` lists.
                for word in text.split(['\n', '\t', ' ', ',']).filter(|w| !w.is_empty()) {
                    match parse_uint(word, INT_MAX) {
                        Some(pid) if pid > 0 => self.pids.push(pid as i32),
                        _ => return Err(CliExit::Fatal(format!("Invalid process id: '{word}'"))),
                    }
                }
            }
            Id::Env => self.env.push(text.into()),
            Id::User => self.user = Some(text),
            Id::KillOnExit => self.kill_on_exit = true,
            Id::Debug => self.debug = true,
            Id::Follow => self.follow = self.follow.saturating_add(1),
            Id::FollowForks => self.follow = self.follow.max(1),
            Id::OutputSeparately => self.follow = self.follow.max(2),
            Id::Interruptible => {
                self.interruptible =
                    Some(Interruptible::parse(&text).ok_or_else(|| bad_arg(name, &text))?);
            }
            Id::SeccompBpf => self.seccomp_bpf = true,
            Id::NoSeccompBpf => self.no_seccomp_bpf = true,
            Id::Expr => match text.split_once('=') {
                Some(("secontext", _)) => return Err(secontext_unsupported()),
                // Read here rather than by the filters: it changes how values decode.
                Some(("decode-pids" | "decode-pid", value)) => self.decode_pids(value, |word| {
                    CliExit::Fatal(format!("invalid decode-pids '{word}'"))
                })?,
                _ => self.ordered_exprs.push(text),
            },
            Id::Qualifier(q) => self.ordered_exprs.push(format!("{q}={text}")),
            Id::SuccessfulOnly => self.successful_only = true,
            Id::FailedOnly => self.failed_only = true,
            Id::TracePath => self.trace_paths.push(text.into()),
            Id::TraceFds => self.trace_fds = Some(text),
            Id::ListClasses => self.list_classes = true,
            Id::Output => self.output = Some(text.into()),
            Id::Append => self.append = true,
            Id::DecodePids if long => self.decode_pids(&text, |_| bad_arg(name, &text))?,
            Id::DecodePids => self.decode_pids_comm = true,
            Id::PidnsTranslation => self.decode_pids_ns = true,
            Id::Daemonize if long => {
                self.daemonize_long = Some(match value.as_deref().map(str::to_ascii_lowercase) {
                    None => Daemonize::Grandchild,
                    Some(w) if w == "grandchild" => Daemonize::Grandchild,
                    Some(w) if w == "pgroup" || w == "pgrp" => Daemonize::NewProcessGroup,
                    Some(w) if w == "session" => Daemonize::NewSession,
                    Some(_) => return Err(bad_arg(name, &text)),
                });
            }
            Id::Daemonize => self.daemonize_count = self.daemonize_count.saturating_add(1),
            Id::DetachOn if text == "execve" => self.detach_on_execve = true,
            Id::DetachOn => {
                return Err(CliExit::Fatal(format!(
                    "Syscall '{text}' for -b isn't supported"
                )));
            }
            Id::Secontext => return Err(secontext_unsupported()),
            Id::Overhead => {
                self.overhead =
                    crate::stamp::parse_duration(&text).ok_or_else(|| bad_arg(name, &text))?;
            }
            Id::ConstStyle => {
                self.const_style = match text.as_str() {
                    "raw" => ConstStyle::Raw,
                    "abbrev" => ConstStyle::Abbrev,
                    "verbose" => ConstStyle::Verbose,
                    _ => return Err(bad_arg(name, &text)),
                };
            }
            Id::StringLimit => {
                self.string_limit =
                    parse_uint(&text, MAX_STRLEN).ok_or_else(|| bad_arg(name, &text))? as usize;
            }
            Id::Columns => {
                self.column =
                    parse_uint(&text, INT_MAX).ok_or_else(|| bad_arg(name, &text))? as usize;
            }
            Id::Timestamps if long => {
                let mut stamps = self.timestamps.unwrap_or_default();
                stamps
                    .apply(value.as_deref().unwrap_or("format:time"))
                    .ok_or_else(|| bad_arg(name, &text))?;
                self.timestamps = Some(stamps);
            }
            Id::Timestamps => self.timestamps_count = self.timestamps_count.saturating_add(1),
            Id::Relative if long => {
                self.relative_timestamps = Some(value.unwrap_or_else(|| "us".into()));
            }
            Id::Relative => self.relative = true,
            Id::SyscallTimes if long => {
                self.syscall_times = Some(value.unwrap_or_else(|| "us".into()));
            }
            Id::SyscallTimes => self.syscall_times_flag = true,
            Id::Hex if long => self.strings_in_hex = Some(value.unwrap_or_else(|| "all".into())),
            Id::Hex => self.hex_count = self.hex_count.saturating_add(1),
            Id::SyscallNumber => self.syscall_number = true,
            Id::InstructionPointer => self.instruction_pointer = true,
            Id::Quiet if long => self.ordered_exprs.push(format!(
                "quiet={}",
                value.as_deref().unwrap_or("attach,personality")
            )),
            Id::Quiet => self.quiet = self.quiet.saturating_add(1),
            Id::NoAbbrev => self.no_abbrev = true,
            Id::DecodeFds if long => self.decode_fds = Some(value.unwrap_or_else(|| "path".into())),
            Id::DecodeFds => self.decode_fds_count = self.decode_fds_count.saturating_add(1),
            Id::Json => self.json = true,
            Id::JsonAndText => self.json_and_text = Some(text.into()),
            Id::SummaryOnly => self.summary_only = self.summary_only.saturating_add(1),
            Id::Summary => self.summary_too = self.summary_too.saturating_add(1),
            Id::SortBy => self.summary_sort.push(text),
            Id::SummaryColumns => self.summary_columns.push(text),
            Id::WallClock => self.summary_wall_clock = self.summary_wall_clock.saturating_add(1),
        }
        Ok(())
    }
}

/// `--help`: every option on one line, grouped under strace's headings.
fn help_text() -> String {
    let mut out = String::from(
        "Trace the system calls of a command or of running processes, printing them as strace \
         does\n\nUsage: strace-rs [-o FILE] [-s STRSIZE] [-a COLUMN] { -p PID | [--] PROG [ARGS] }\n",
    );
    let spec = |o: &Opt| {
        let mut s = String::new();
        if let Some(c) = o.short {
            s.push('-');
            s.push(char::from(c));
        }
        if let Some(long) = o.longs.first() {
            if !s.is_empty() {
                s.push_str(", ");
            } else {
                s.push_str("    ");
            }
            s.push_str("--");
            s.push_str(long);
        }
        match o.arg {
            HasArg::No => {}
            HasArg::Required => s.push_str(&format!(" <{}>", o.value)),
            HasArg::Optional => s.push_str(&format!("[=<{}>]", o.value)),
        }
        s
    };
    let width = OPTIONS.iter().map(|o| spec(o).len()).max().unwrap_or(0) + 2;
    for (heading, title) in HEADINGS {
        out.push_str(&format!("\n{title}:\n"));
        for o in OPTIONS.iter().filter(|o| o.heading == heading) {
            out.push_str(&format!("  {:<width$}{}\n", spec(o), o.help));
        }
    }
    out
}

impl Cli {
    /// `--decode-pids=` / `-e decode-pids=`: `comm` (as `-Y`), `pidns` (as
    /// `--pidns-translation`); `bad` makes the error for a word that is not one.
    fn decode_pids(&mut self, value: &str, bad: impl Fn(&str) -> CliExit) -> Result<(), CliExit> {
        for word in value.split(',').filter(|w| !w.is_empty()) {
            match word {
                "comm" => self.decode_pids_comm = true,
                "pidns" => self.decode_pids_ns = true,
                _ => return Err(bad(word)),
            }
        }
        Ok(())
    }

    /// `-D`, `-DD`, `-DDD` or `--daemonize`, checked as strace checks them.
    pub fn daemonize(&self) -> Result<Daemonize, CliExit> {
        let how = match (self.daemonize_count, self.daemonize_long) {
            (0, None) => return Ok(Daemonize::No),
            (0, Some(how)) => how,
            (_, Some(_)) => {
                return Err(CliExit::Fatal(
                    "-D and --daemonize cannot be provided simultaneously".into(),
                ));
            }
            (1, None) => Daemonize::Grandchild,
            (2, None) => Daemonize::NewProcessGroup,
            (3, None) => Daemonize::NewSession,
            (n, None) => {
                return Err(CliExit::Usage(format!(
                    "Too many -D's ({n}), maximum supported -D count is 3"
                )));
            }
        };
        if self.command.is_empty() {
            return Err(CliExit::Usage(
                "PROG [ARGS] must be specified with -D/--daemonize".into(),
            ));
        }
        Ok(how)
    }

    /// The timestamps lines start with (`-t`, `-tt`, `-ttt`, `--timestamps`, `-r`).
    pub fn stamps(&self) -> Result<Stamps, String> {
        let absolute = match (self.timestamps_count, self.timestamps) {
            (0, None) => None,
            (0, Some(long)) => long.absolute(),
            (_, Some(_)) => {
                return Err(
                    "-t and --absolute-timestamps cannot be provided simultaneously".into(),
                );
            }
            (1, None) => Some(Absolute::Time(Precision::S)),
            (2, None) => Some(Absolute::Time(Precision::Us)),
            (_, None) => Some(Absolute::Unix(Precision::Us)),
        };
        let relative = match (&self.relative_timestamps, self.relative) {
            (Some(word), _) => Some(precision(word, "--relative-timestamps")?),
            (None, true) => Some(Precision::Us),
            (None, false) => None,
        };
        Ok(Stamps { absolute, relative })
    }

    /// How lines look: `-a`, timestamps, string escaping.
    pub fn format(&self) -> Result<Format, String> {
        let mut hex_strings = match self.hex_count {
            0 => HexStrings::Never,
            1 => HexStrings::NonAscii,
            _ => HexStrings::All,
        };
        if let Some(which) = &self.strings_in_hex {
            hex_strings = match which.as_str() {
                "none" => HexStrings::Never,
                "non-ascii-chars" => HexStrings::NonAsciiChars,
                "non-ascii" => HexStrings::NonAscii,
                "all" => HexStrings::All,
                other => return Err(format!("invalid --strings-in-hex argument: '{other}'")),
            };
        }
        Ok(Format {
            column: self.column,
            stamps: self.stamps()?,
            hex_strings,
            const_style: self.const_style,
        })
    }

    /// `-T` / `--syscall-times`: the precision of the time spent in each syscall, if shown.
    pub fn syscall_times(&self) -> Result<Option<Precision>, String> {
        match (&self.syscall_times, self.syscall_times_flag) {
            (Some(word), _) => precision(word, "--syscall-times").map(Some),
            (None, true) => Ok(Some(Precision::Us)),
            (None, false) => Ok(None),
        }
    }

    /// Every filter and display qualifier: `-e QUALIFIER=SET` in order, then the long options,
    /// then the short flags that stand for one (`-z`, `-Z`, `-v`, `-q`).
    pub fn qualifiers(&self) -> Result<Qualifiers, String> {
        let mut q = Qualifiers::default();
        for expr in &self.ordered_exprs {
            q.apply(expr)?;
        }
        if self.successful_only {
            q.apply("status=successful")?;
        }
        if self.failed_only {
            q.apply("status=failed")?;
        }
        if self.no_abbrev {
            q.apply("abbrev=none")?;
        }
        let quiet_set = self.ordered_exprs.iter().any(|e| {
            ["quiet=", "silent=", "silence=", "q="]
                .iter()
                .any(|p| e.starts_with(p))
        });
        // strace's default for a command traced into a file: `-q` (no attach messages).
        let short_quiet = match self.quiet {
            0 if !quiet_set && self.output.is_some() && !self.command.is_empty() => 1,
            n => n,
        };
        if quiet_set && self.quiet > 0 {
            return Err("-q and -e quiet/--quiet cannot be provided simultaneously".into());
        }
        q.quiet = match short_quiet {
            0 => q.quiet,
            1 => q.quiet.with(quiet::ATTACH).with(quiet::PERSONALITY),
            2 => q
                .quiet
                .with(quiet::ATTACH)
                .with(quiet::PERSONALITY)
                .with(quiet::EXIT),
            _ => NameSet::ALL,
        };
        Ok(q)
    }

    /// `-c`/`-C` and their settings: `Ok(None)` without a summary, `Ok(Some((opts, only)))`
    /// with one (`only`: no trace). Errors are usage errors in strace's words; warnings about
    /// options without effect are printed here, as strace prints them.
    pub fn summary(&self) -> Result<Option<(SummaryOpts, bool)>, String> {
        if self.summary_only > 0 && self.summary_too > 0 {
            return Err("-c/--summary-only and -C/--summary are mutually exclusive".to_string());
        }
        let mut opts = SummaryOpts {
            overhead: self.overhead,
            ..SummaryOpts::default()
        };
        for word in &self.summary_sort {
            opts.sort = summary::parse_sort(word)?;
        }
        for spec in &self.summary_columns {
            opts.columns = summary::parse_columns(spec)?;
        }
        if self.summary_wall_clock > 0 {
            opts.clock = Clock::Wall;
        }
        let counting = self.summary_only > 0 || self.summary_too > 0;
        if !counting {
            if self.summary_wall_clock > 0 {
                return Err("-w/--summary-wall-clock must be given with \
                            (-c/--summary-only or -C/--summary)"
                    .to_string());
            }
            if !self.summary_columns.is_empty() {
                return Err("-U/--summary-columns must be given with \
                            (-c/--summary-only or -C/--summary)"
                    .to_string());
            }
            if !self.summary_sort.is_empty() {
                crate::msg::error(format_args!(
                    "-S/--summary-sort-by has no effect without \
                     (-c/--summary-only or -C/--summary)"
                ));
            }
            return Ok(None);
        }
        if self.summary_only > 0 {
            let useless = [
                (
                    self.relative || self.relative_timestamps.is_some(),
                    "-r/--relative-timestamps",
                ),
                (
                    self.timestamps_count > 0 || self.timestamps.is_some(),
                    "-t/--absolute-timestamps",
                ),
                (
                    self.syscall_times_flag || self.syscall_times.is_some(),
                    "-T/--syscall-times",
                ),
            ];
            for (given, option) in useless {
                if given {
                    crate::msg::error(format_args!(
                        "{option} has no effect with -c/--summary-only"
                    ));
                }
            }
        }
        Ok(Some((opts, self.summary_only > 0)))
    }

    /// What `-y`, `-yy`, `--decode-fds=` and `-e decode-fds=` ask to show beside descriptors;
    /// as in strace the last `--decode-fds` wins and `-y` may not be combined with it.
    pub fn decode_fds(&self) -> Result<DecodeFds, String> {
        let mut set = None;
        for expr in &self.ordered_exprs {
            if let Some(value) = expr
                .strip_prefix("decode-fds=")
                .or_else(|| expr.strip_prefix("decode-fd="))
            {
                set = Some(DecodeFds::parse(value)?);
            }
        }
        if let Some(value) = &self.decode_fds {
            set = Some(DecodeFds::parse(value)?);
        }
        match (self.decode_fds_count, set) {
            (0, set) => Ok(set.unwrap_or_default()),
            (_, Some(_)) => Err("-y and --decode-fds cannot be provided simultaneously".into()),
            (1, None) => Ok(DecodeFds::PATH),
            (_, None) => Ok(DecodeFds::ALL),
        }
    }

    /// `--trace-fds=SET`: the descriptors whose syscalls are shown, if limited.
    pub fn trace_fds(&self) -> Result<Option<FdSet>, String> {
        self.trace_fds.as_deref().map(FdSet::parse).transpose()
    }
}
