//! Command-line options, with strace's letters, long names, parsing and messages.
//!
//! The option table below is the one place an option is defined: the scanner (`getopt`), the
//! handler that stores its value and `--help` all read it.

mod checks;
mod complete;
mod docs;

use crate::fdinfo::DecodeFds;
use crate::filter::{NameSet, Qualifiers, parse_names, quiet, status};
use crate::getopt::{self, HasArg};
use crate::number::parse_uint;
use crate::output::{ConstStyle, HexStrings};
use crate::pathtrace::FdSet;
use crate::ptrace::Daemonize;
use crate::stamp::{Absolute, Precision};
use crate::summary;
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
    /// A name in any case, or a number (strace's parse_interruptible_arg).
    fn parse(word: &str) -> Option<Self> {
        match word.to_ascii_lowercase().as_str() {
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
    Tampering,
    Miscellaneous,
    /// Not listed (developer options).
    Hidden,
}

/// strace's headings, in its order (`strace -h`).
const HEADINGS: [(Heading, &str); 8] = [
    (Heading::General, "General"),
    (Heading::Startup, "Startup"),
    (Heading::Tracing, "Tracing"),
    (Heading::Filtering, "Filtering"),
    (Heading::Output, "Output format"),
    (Heading::Statistics, "Statistics"),
    (Heading::Tampering, "Tampering"),
    (Heading::Miscellaneous, "Miscellaneous"),
];

/// What an option does when it is found; the handler is `Cli::apply`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Id {
    ConstStyle,
    Overhead,
    DecodePids,
    PidnsTranslation,
    Daemonize,
    DetachOn,
    Help,
    Version,
    /// `-F`: strace's deprecated `-f`.
    DeprecatedF,
    StackTraces,
    Tips,
    Attach,
    Env,
    User,
    KillOnExit,
    AlwaysShowPid,
    /// `-N`/`--arg-names` (strace 6.16).
    ArgNames,
    SyscallLimit,
    Argv0,
    Debug,
    Follow,
    FollowForks,
    OutputSeparately,
    Interruptible,
    SeccompBpf,
    NoSeccompBpf,
    SilentFollow,
    Tree,
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
    Color,
    SummaryOnly,
    Summary,
    SortBy,
    SummaryColumns,
    WallClock,
    /// `--generate=WHAT`: print the man page or a shell completion (not in strace).
    Generate,
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

/// Every option, grouped and ordered as `strace -h` lists them (strace-rs's own after strace's
/// in each group).
const OPTIONS: &[Opt] = &[
    opt(
        Some(b'e'),
        &[],
        Required,
        Id::Expr,
        H::General,
        "EXPR",
        "QUALIFIER=SET: trace, signal, status, quiet, raw, abbrev, verbose, read, write, inject, fault, decode-fds",
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
        Some(b'p'),
        &["attach"],
        Required,
        Id::Attach,
        H::Startup,
        "PID",
        "Attach to the process PID and trace it (repeatable; a comma or space separated list too)",
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
        None,
        &["argv0"],
        Required,
        Id::Argv0,
        H::Startup,
        "NAME",
        "Run PROG with NAME as its argv[0] (strace 6.3)",
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
        Some(b'D'),
        &["daemonize", "daemonise", "daemonized"],
        Optional,
        Id::Daemonize,
        H::Tracing,
        "HOW",
        "Run the tracer as a detached grandchild of the command, not as its parent; -DD/pgroup also in a process group of its own, -DDD/session in a session of its own",
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
        &["kill-on-exit"],
        No,
        Id::KillOnExit,
        H::Tracing,
        "",
        "Kill the traced processes if the tracer exits (by default they go on, untraced)",
    ),
    opt(
        None,
        &["syscall-limit"],
        Required,
        Id::SyscallLimit,
        H::Tracing,
        "LIMIT",
        "Detach every tracee once LIMIT syscalls were shown (strace 6.7)",
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
        Some(b'P'),
        &["trace-path"],
        Required,
        Id::TracePath,
        H::Filtering,
        "PATH",
        "Trace only the syscalls that touch PATH, by a path argument or a descriptor open on it (repeatable)",
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
        Some(b'a'),
        &["columns"],
        Required,
        Id::Columns,
        H::Output,
        "COLUMN",
        "Align return values at COLUMN (default 40)",
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
        &["raw"],
        Required,
        Id::Qualifier("raw"),
        H::Output,
        "SET",
        "Print the arguments of the syscalls in SET undecoded, in hex",
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
        None,
        &["quiet", "silent", "silence"],
        Optional,
        Id::Qualifier("quiet"),
        H::Output,
        "SET",
        "Suppress the messages in SET: attach, exit, path-resolution, personality, thread-execve (default attach,personality)",
    ),
    opt(
        None,
        &["kvm"],
        Required,
        Id::Qualifier("kvm"),
        H::Output,
        "vcpu",
        "Show after KVM_RUN's return value why the vcpu exited: = 0 (KVM_EXIT_IO)",
    ),
    opt(
        None,
        &["decode-fds"],
        Optional,
        Id::Qualifier("decode-fds"),
        H::Output,
        "SET",
        "Print beside descriptors the details in SET: path (the default), socket, dev, pidfd, signalfd, eventfd, all (the first four), none",
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
        Some(b'k'),
        &["stack-traces"],
        No,
        Id::StackTraces,
        H::Output,
        "",
        "Stack traces: not supported (strace-rs says so and stops)",
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
        Some(b'N'),
        &["arg-names"],
        No,
        Id::ArgNames,
        H::Output,
        "",
        "Print each argument's name before it, flags=O_RDONLY (strace 6.16)",
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
        None,
        &["output-separately"],
        No,
        Id::OutputSeparately,
        H::Output,
        "",
        "With -o FILE and -f, one file per process (FILE.PID)",
    ),
    opt(
        Some(b'q'),
        &[],
        No,
        Id::Quiet,
        H::Output,
        "",
        "Suppress messages about attaching and detaching; -qq also exit lines; -qqq all of them",
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
        Some(b's'),
        &["string-limit"],
        Required,
        Id::StringLimit,
        H::Output,
        "STRSIZE",
        "Show at most STRSIZE bytes of each string (default 32)",
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
        Some(b'T'),
        &["syscall-times"],
        Optional,
        Id::SyscallTimes,
        H::Output,
        "PRECISION",
        "Print the time spent in each syscall, <0.000012> (precision s, ms, us, ns)",
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
        Some(b'x'),
        &["strings-in-hex"],
        Optional,
        Id::Hex,
        H::Output,
        "WHICH",
        "Print strings with non-ASCII bytes in hex; -xx: every string; the long form takes none, non-ascii-chars, non-ascii, all",
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
        Some(b'y'),
        &[],
        No,
        Id::DecodeFds,
        H::Output,
        "",
        "Print paths beside descriptors; -yy all details",
    ),
    opt(
        None,
        &["decode-pids"],
        Required,
        Id::Qualifier("decode-pids"),
        H::Output,
        "WHAT",
        "comm: print the command name beside pids; pidns: their pids in strace's namespace too",
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
        &["pidns-translation"],
        No,
        Id::PidnsTranslation,
        H::Output,
        "",
        "Print pids in strace's pid namespace too (--decode-pids=pidns)",
    ),
    opt(
        None,
        &["secontext"],
        Optional,
        Id::Qualifier("secontext"),
        H::Output,
        "FORMAT",
        "SELinux contexts: not supported (strace-rs says so and stops)",
    ),
    opt(
        None,
        &["always-show-pid"],
        No,
        Id::AlwaysShowPid,
        H::Output,
        "",
        "Start every line with the pid, one process or many (strace 6.2)",
    ),
    opt(
        None,
        &["color"],
        Required,
        Id::Color,
        H::Output,
        "WHEN",
        "Colour the trace (strace 7): auto (default: on a terminal, unless NO_COLOR is set or TERM is dumb), always or never; STRACE_COLORS=KEY=SGR:... changes the colours",
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
        Some(b'O'),
        &["summary-syscall-overhead"],
        Required,
        Id::Overhead,
        H::Statistics,
        "OVERHEAD",
        "Take OVERHEAD (microseconds, or with s, ms, us, ns) off each syscall's time in the summary",
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
        &["inject"],
        Required,
        Id::Qualifier("inject"),
        H::Tampering,
        "SET:KEY=VAL...",
        "Tamper with the syscalls in SET: error=ERRNO or retval=VALUE (with syscall=NAME run instead), signal=SIG, delay_enter=/delay_exit=TIME (us), when=N|N+|N+STEP|N..M|N..M+STEP",
    ),
    opt(
        None,
        &["fault"],
        Required,
        Id::Qualifier("fault"),
        H::Tampering,
        "SET:KEY=VAL...",
        "As --inject with error=, syscall= and when= only; the error is ENOSYS unless given",
    ),
    opt(
        Some(b'd'),
        &["debug"],
        No,
        Id::Debug,
        H::Miscellaneous,
        "",
        "Print the tracer's own debug messages (strace's -d; a few of them)",
    ),
    opt(
        Some(b'h'),
        &["help"],
        No,
        Id::Help,
        H::Miscellaneous,
        "",
        "Print this help and exit",
    ),
    opt(
        None,
        &["seccomp-bpf"],
        No,
        Id::SeccompBpf,
        H::Miscellaneous,
        "",
        "Stop the traced command only at the syscalls of -e trace=SET, with a seccomp-bpf filter (needs -f; done by itself for a command run with -f -e trace=SET)",
    ),
    opt(
        None,
        &["no-seccomp-bpf"],
        No,
        Id::NoSeccompBpf,
        H::Miscellaneous,
        "",
        "Never use a seccomp-bpf filter (for a program with seccomp filters of its own)",
    ),
    opt(
        None,
        &["silent-follow"],
        No,
        Id::SilentFollow,
        H::Miscellaneous,
        "",
        "Without -f, use the seccomp-bpf filter of -e trace=SET too, following children and threads silently to serve their filter stops (they cannot be ptraced by others then)",
    ),
    opt(
        None,
        &["tips"],
        Optional,
        Id::Tips,
        H::Miscellaneous,
        "TIPS",
        "Show a tip about the options when the trace ends ([id:]ID|random, [format:]none|compact|full)",
    ),
    opt(
        Some(b'V'),
        &["version"],
        No,
        Id::Version,
        H::Miscellaneous,
        "",
        "Print the version and exit",
    ),
    opt(Some(b'F'), &[], No, Id::DeprecatedF, H::Hidden, "", ""),
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
    // Prints the checked-in docs/strace-rs.1 and completions/ (man, bash, zsh, fish), which
    // tests/docs.rs keeps equal to it; not for users, so not in --help.
    opt(
        None,
        &["generate"],
        Required,
        Id::Generate,
        H::Hidden,
        "WHAT",
        "",
    ),
    opt(
        None,
        &["tree"],
        No,
        Id::Tree,
        H::Statistics,
        "",
        "At the end, print the tree of the processes traced: each one's commands, end, traced syscalls and the time in them",
    ),
];

/// The parsed command line.
#[derive(Debug)]
pub struct Cli {
    pub output: Option<PathBuf>,
    pub string_limit: usize,
    pub column: usize,
    /// `-f` count.
    follow_short: u8,
    /// `--follow-forks`.
    follow_forks: bool,
    /// Whether forks are followed (after the checks: `-f`, `--follow-forks`, `-F`).
    pub follow: bool,
    /// One trace file a process (after the checks: `-ff` or `--output-separately`, with `-o`).
    pub output_separately: bool,
    /// `-F`.
    deprecated_f: bool,
    pub timestamps_count: u8,
    /// `--absolute-timestamps`, as its occurrences left it (each sets only what it names).
    pub timestamps: Option<LongStamps>,
    /// `-r`, `--relative-timestamps[=PRECISION]`.
    pub relative: Option<Precision>,
    /// `-x` count (at most 2).
    pub hex_count: u8,
    /// `--strings-in-hex[=WHICH]`.
    pub strings_in_hex: Option<HexStrings>,
    /// `-X`.
    pub const_style: ConstStyle,
    /// `-O`.
    pub overhead: std::time::Duration,
    /// `-b execve`.
    pub detach_on_execve: bool,
    /// `-Y`, `--decode-pids=comm`.
    pub decode_pids_comm: bool,
    /// `--always-show-pid`.
    pub always_show_pid: bool,
    /// `--syscall-limit=N`.
    pub syscall_limit: Option<u64>,
    /// `-e kvm=vcpu`: KVM_RUN's return shows the vcpu's exit reason.
    pub kvm_vcpu: bool,
    /// `--tips`: a tip shown when the trace ends.
    pub tips: crate::tips::Tips,
    /// `--argv0=NAME`: the command's argv[0].
    pub argv0: Option<OsString>,
    /// `-d`: the tracer's debug messages on stderr.
    pub debug: bool,
    /// `--decode-pids=pidns`, `--pidns-translation`.
    pub decode_pids_ns: bool,
    /// `-D`s given.
    pub daemonize_count: u8,
    /// `--daemonize`.
    pub daemonize_long: Option<Daemonize>,
    /// How the tracer stands to the command (after the checks).
    pub daemonize: Daemonize,
    pub env: Vec<OsString>,
    pub user: Option<String>,
    pub append: bool,
    pub syscall_number: bool,
    /// `-N`/`--arg-names`.
    pub arg_names: bool,
    pub instruction_pointer: bool,
    /// `-T`, `--syscall-times[=PRECISION]`.
    pub syscall_times: Option<Precision>,
    /// `-q` count.
    pub quiet: u8,
    /// Whether `-e quiet=` or `--quiet` set the quiet set (strace's quiet_set_updated).
    quiet_updated: bool,
    /// `-z` and `-Z` given.
    zflags: u8,
    pub seccomp_bpf: bool,
    pub no_seccomp_bpf: bool,
    /// `--silent-follow`: the filter without `-f` too (`tracer::Config::silent_follow`).
    pub silent_follow: bool,
    /// Every `-e` qualifier and the options that stand for one, applied in command-line order
    /// (a later one replaces an earlier one, as in strace); `-q` is applied by `qualifiers`.
    q: Qualifiers,
    pub list_classes: bool,
    /// `-V`: the version is printed once every option has been read.
    version: bool,
    /// `-c` (`Some(true)`) or `-C` (`Some(false)`).
    summary_only: Option<bool>,
    /// `-S`: the sort column (`None` inside: by syscall number).
    summary_sort: Option<Option<summary::Column>>,
    /// `-U`.
    summary_columns: Option<Vec<summary::Column>>,
    /// `-w`.
    summary_wall_clock: bool,
    pub decode_fds_count: u8,
    /// `--decode-fds`, `-e decode-fds=`.
    pub decode_fds: Option<DecodeFds>,
    pub trace_paths: Vec<OsString>,
    pub trace_fds: Option<FdSet>,
    pub json: bool,
    /// `--tree`: the process tree at the end (crate::tree).
    pub tree: bool,
    pub json_and_text: Option<PathBuf>,
    /// `--color=WHEN`.
    pub color: crate::color::Mode,
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
            follow_short: 0,
            follow_forks: false,
            follow: false,
            output_separately: false,
            deprecated_f: false,
            timestamps_count: 0,
            timestamps: None,
            relative: None,
            hex_count: 0,
            strings_in_hex: None,
            const_style: ConstStyle::Abbrev,
            overhead: std::time::Duration::ZERO,
            detach_on_execve: false,
            daemonize_count: 0,
            decode_pids_comm: false,
            always_show_pid: false,
            syscall_limit: None,
            kvm_vcpu: false,
            tips: crate::tips::Tips::default(),
            argv0: None,
            debug: false,
            decode_pids_ns: false,
            daemonize_long: None,
            daemonize: Daemonize::No,
            env: Vec::new(),
            user: None,
            append: false,
            syscall_number: false,
            arg_names: false,
            instruction_pointer: false,
            syscall_times: None,
            quiet: 0,
            quiet_updated: false,
            zflags: 0,
            seccomp_bpf: false,
            no_seccomp_bpf: false,
            silent_follow: false,
            q: Qualifiers::default(),
            list_classes: false,
            version: false,
            summary_only: None,
            summary_sort: None,
            summary_columns: None,
            summary_wall_clock: false,
            decode_fds_count: 0,
            decode_fds: None,
            trace_paths: Vec::new(),
            trace_fds: None,
            json: false,
            tree: false,
            json_and_text: None,
            color: crate::color::Mode::Auto,
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
        for (word, [format_ok, precision_ok]) in
            crate::getopt::keyed_tokens(arg, ["format", "precision"])
        {
            let word = word.as_str();
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

/// A precision as strace's str2timescale_optarg reads it: none given is microseconds, else
/// `s`, `ms`, `us` or `ns` in any case.
fn timescale(value: Option<&str>) -> Option<Precision> {
    match value {
        None => Some(Precision::Us),
        Some(word) => Precision::parse(&word.to_ascii_lowercase()),
    }
}

/// strace's `-e` qualifier names; any other `NAME=...` is a `trace=` set.
const QUALIFIER_NAMES: [&str; 30] = [
    "trace",
    "t",
    "abbrev",
    "a",
    "verbose",
    "v",
    "raw",
    "x",
    "signal",
    "signals",
    "s",
    "status",
    "quiet",
    "silent",
    "silence",
    "q",
    "read",
    "reads",
    "r",
    "write",
    "writes",
    "w",
    "fault",
    "inject",
    "kvm",
    "decode-fd",
    "decode-fds",
    "decode-pid",
    "decode-pids",
    "secontext",
];

/// `--secontext`, `-e secontext=`: refused, as strace built without SELinux refuses it.
fn secontext_unsupported() -> CliExit {
    CliExit::Fatal(
        "SELinux context printing (--secontext option) is not supported by this build of strace"
            .into(),
    )
}

/// `invalid -s argument: 'x'`, strace's message for a bad option value (with its usage hint).
fn bad_arg(name: &str, value: &str) -> CliExit {
    CliExit::Usage(format!("invalid {name} argument: '{value}'"))
}

impl Cli {
    /// Parses the arguments after argv[0] as strace does: each option is checked as it is
    /// found (so the first bad one is the one reported), then the whole command line
    /// (`checks`), with strace's warnings on stderr.
    pub fn parse(args: &[OsString]) -> Result<Cli, CliExit> {
        let scanned = getopt::scan(OPTIONS, args);
        let mut cli = Cli::default();
        for found in scanned.options {
            let id = OPTIONS[found.index].id;
            cli.apply(id, &found.name, found.value)?;
        }
        if let Some(error) = scanned.error {
            return Err(CliExit::Usage(error));
        }
        if cli.version {
            return Err(CliExit::Version(format!(
                "strace-rs -- version {}\n",
                env!("CARGO_PKG_VERSION")
            )));
        }
        cli.command = scanned.operands;
        if !cli.list_classes {
            cli.check()?;
        }
        Ok(cli)
    }

    /// Acts on one option; `name` is the option as strace names it in messages.
    fn apply(&mut self, id: Id, name: &str, value: Option<String>) -> Result<(), CliExit> {
        let text = value.as_deref().unwrap_or_default();
        match id {
            Id::Help => return Err(CliExit::Help(docs::help_text(docs::terminal_width()))),
            Id::Generate => {
                let text = docs::generate(text).ok_or_else(|| bad_arg(name, text))?;
                return Err(CliExit::Help(text));
            }
            Id::Version => self.version = true,
            Id::Attach => self.attach(text)?,
            Id::Env => self.env.push(text.into()),
            Id::User => self.user = Some(text.to_string()),
            Id::KillOnExit => self.kill_on_exit = true,
            Id::AlwaysShowPid => self.always_show_pid = true,
            Id::SyscallLimit => {
                let limit = crate::number::parse_uint(text, i64::MAX as u64)
                    .filter(|n| *n > 0)
                    .ok_or_else(|| bad_arg(name, text))?;
                self.syscall_limit = Some(limit);
            }
            Id::Argv0 => self.argv0 = Some(OsString::from(text)),
            Id::Debug => self.debug = true,
            Id::Follow => self.follow_short = self.follow_short.saturating_add(1),
            Id::FollowForks => self.follow_forks = true,
            Id::OutputSeparately => self.output_separately = true,
            Id::DeprecatedF => self.deprecated_f = true,
            Id::StackTraces => {
                return Err(CliExit::Fatal(
                    "Stack traces (-k/--stack-traces option) are not supported by this build \
                     of strace"
                        .into(),
                ));
            }
            Id::Tips if self.tips.apply(text) => {}
            Id::Tips => return Err(bad_arg(name, text)),
            Id::Interruptible => {
                self.interruptible =
                    Some(Interruptible::parse(text).ok_or_else(|| bad_arg(name, text))?);
            }
            Id::SeccompBpf => self.seccomp_bpf = true,
            Id::NoSeccompBpf => self.no_seccomp_bpf = true,
            Id::SilentFollow => self.silent_follow = true,
            Id::Tree => self.tree = true,
            Id::Color => {
                self.color = crate::color::Mode::parse(text).ok_or_else(|| bad_arg(name, text))?;
            }
            Id::Expr => self.qualify(text)?,
            Id::Qualifier(q) => {
                let value = match (q, value.as_deref()) {
                    (_, Some(v)) => v,
                    ("quiet", None) => "attach,personality",
                    ("decode-fds", None) => "path",
                    _ => "!full,mismatch",
                };
                self.qualify_as(q, value)?;
            }
            Id::SuccessfulOnly | Id::FailedOnly => {
                let which = if id == Id::SuccessfulOnly {
                    status::SUCCESSFUL
                } else {
                    status::FAILED
                };
                self.q.status = NameSet::NONE.with(which);
                self.zflags = self.zflags.saturating_add(1);
            }
            Id::TracePath => self.trace_paths.push(text.into()),
            Id::TraceFds => self.trace_fds = Some(FdSet::parse(text)?),
            Id::ListClasses => self.list_classes = true,
            Id::Output => self.output = Some(text.into()),
            Id::Append => self.append = true,
            Id::DecodePids => self.qualify_as("decode-pids", "comm")?,
            Id::PidnsTranslation => self.qualify_as("decode-pids", "pidns")?,
            Id::NoAbbrev => self.q.apply("abbrev=none")?,
            Id::Json => self.json = true,
            Id::JsonAndText => self.json_and_text = Some(text.into()),
            _ => return self.apply_format(id, name, value),
        }
        Ok(())
    }

    /// The options about how the trace looks and what it counts.
    fn apply_format(&mut self, id: Id, name: &str, value: Option<String>) -> Result<(), CliExit> {
        let long = name.starts_with("--");
        let text = value.as_deref().unwrap_or_default();
        let bad = || bad_arg(name, text);
        match id {
            Id::Daemonize if long => self.apply_daemonize(name, value)?,
            Id::Daemonize => self.daemonize_count = self.daemonize_count.saturating_add(1),
            Id::DetachOn if text == "execve" => self.detach_on_execve = true,
            Id::DetachOn => {
                return Err(CliExit::Fatal(format!(
                    "Syscall '{text}' for -b isn't supported"
                )));
            }
            Id::Overhead => self.overhead = crate::stamp::parse_duration(text).ok_or_else(bad)?,
            Id::ConstStyle => {
                self.const_style = match text {
                    "raw" => ConstStyle::Raw,
                    "abbrev" => ConstStyle::Abbrev,
                    "verbose" => ConstStyle::Verbose,
                    _ => return Err(bad()),
                };
            }
            Id::StringLimit => {
                self.string_limit = parse_uint(text, MAX_STRLEN).ok_or_else(bad)? as usize;
            }
            Id::Columns => self.column = parse_uint(text, INT_MAX).ok_or_else(bad)? as usize,
            Id::Timestamps if long => {
                let mut stamps = self.timestamps.unwrap_or_default();
                stamps
                    .apply(value.as_deref().unwrap_or("format:time"))
                    .ok_or_else(bad)?;
                self.timestamps = Some(stamps);
            }
            Id::Timestamps => self.timestamps_count = self.timestamps_count.saturating_add(1),
            Id::Relative => self.relative = Some(timescale(value.as_deref()).ok_or_else(bad)?),
            Id::SyscallTimes => {
                self.syscall_times = Some(timescale(value.as_deref()).ok_or_else(bad)?);
            }
            Id::Hex if long => {
                let which = value
                    .as_deref()
                    .map_or("all".into(), str::to_ascii_lowercase);
                self.strings_in_hex = Some(match which.as_str() {
                    "none" => HexStrings::Never,
                    "non-ascii-chars" => HexStrings::NonAsciiChars,
                    "non-ascii" => HexStrings::NonAscii,
                    "all" => HexStrings::All,
                    _ => return Err(bad()),
                });
            }
            Id::Hex => self.hex_count = (self.hex_count + 1).min(2),
            Id::SyscallNumber => self.syscall_number = true,
            Id::ArgNames => self.arg_names = true,
            Id::InstructionPointer => self.instruction_pointer = true,
            Id::Quiet => self.quiet = self.quiet.saturating_add(1),
            Id::DecodeFds => self.decode_fds_count = self.decode_fds_count.saturating_add(1),
            Id::SummaryOnly | Id::Summary => {
                let only = id == Id::SummaryOnly;
                if self.summary_only == Some(!only) {
                    return Err(CliExit::Usage(
                        "-c/--summary-only and -C/--summary are mutually exclusive".into(),
                    ));
                }
                self.summary_only = Some(only);
            }
            Id::SortBy => {
                self.summary_sort = Some(summary::parse_sort(text).map_err(CliExit::Usage)?);
            }
            Id::SummaryColumns => {
                self.summary_columns = Some(summary::parse_columns(text).map_err(CliExit::Usage)?);
            }
            Id::WallClock => self.summary_wall_clock = true,
            // Every other option is `apply`'s.
            _ => {}
        }
        Ok(())
    }

    /// `--daemonize[=HOW]`.
    fn apply_daemonize(&mut self, name: &str, value: Option<String>) -> Result<(), CliExit> {
        let how = value.as_deref().map(str::to_ascii_lowercase);
        self.daemonize_long = Some(match how.as_deref() {
            None | Some("grandchild") => Daemonize::Grandchild,
            Some("pgroup" | "pgrp") => Daemonize::NewProcessGroup,
            Some("session") => Daemonize::NewSession,
            Some(_) => return Err(bad_arg(name, value.as_deref().unwrap_or_default())),
        });
        Ok(())
    }

    /// `-p PID[,PID]...`: strace accepts `-p "$(pidof PROG)"` and `-p "$(pgrep PROG)"` lists
    /// too; an empty element between two separators is an invalid pid, as in strace.
    fn attach(&mut self, list: &str) -> Result<(), CliExit> {
        let mut rest = list;
        while !rest.is_empty() {
            let end = rest.find(['\n', '\t', ' ', ',']).unwrap_or(rest.len());
            let word = &rest[..end];
            let pid = match parse_uint(word, INT_MAX) {
                Some(pid) if pid > 0 => pid as i32,
                _ => return Err(CliExit::Fatal(format!("Invalid process id: '{word}'"))),
            };
            if pid == std::process::id() as i32 {
                return Err(CliExit::Fatal(
                    "I'm sorry, I can't let you do that, Dave.".into(),
                ));
            }
            self.pids.push(pid);
            rest = rest.get(end + 1..).unwrap_or_default();
        }
        Ok(())
    }

    /// `-e EXPR`: `QUALIFIER=SET` for a qualifier strace knows, else a `trace=` set.
    fn qualify(&mut self, expr: &str) -> Result<(), CliExit> {
        match expr.split_once('=') {
            Some((name, value)) if QUALIFIER_NAMES.contains(&name) => self.qualify_as(name, value),
            _ => self.qualify_as("trace", expr),
        }
    }

    /// Applies qualifier `name` (any of strace's spellings) with `value`.
    fn qualify_as(&mut self, name: &str, value: &str) -> Result<(), CliExit> {
        match name {
            "quiet" | "silent" | "silence" | "q" => {
                self.q.quiet = parse_names(value, &quiet::NAMES, "quiet")?;
                self.quiet_updated = true;
            }
            "decode-fd" | "decode-fds" => self.decode_fds = Some(DecodeFds::parse(value)?),
            "decode-pid" | "decode-pids" => {
                const NAMES: [(&str, u32); 2] = [("pidns", 1), ("comm", 2)];
                let set = parse_names(value, &NAMES, "decode-pids")?;
                self.decode_pids_ns = set.contains(1);
                self.decode_pids_comm = set.contains(2);
            }
            "secontext" => return Err(secontext_unsupported()),
            "kvm" if value == "vcpu" => self.kvm_vcpu = true,
            "kvm" => {
                return Err(CliExit::Fatal(format!(
                    "invalid -e kvm= argument: '{value}'"
                )));
            }
            _ => self.q.apply(&format!("{name}={value}"))?,
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(words: &[&str]) -> Result<Cli, CliExit> {
        let args: Vec<OsString> = words.iter().map(OsString::from).collect();
        Cli::parse(&args)
    }

    fn fatal(text: &str) -> Result<(), CliExit> {
        Err(CliExit::Fatal(text.into()))
    }

    fn usage(text: &str) -> Result<(), CliExit> {
        Err(CliExit::Usage(text.into()))
    }

    /// The first bad option in the command line is the one reported, a bad name included;
    /// `-V` waits for the rest.
    #[test]
    fn options_act_in_order() {
        let check = |words: &[&str], want: Result<(), CliExit>| {
            assert_eq!(parse(words).map(|_| ()), want, "{words:?}");
        };
        check(&["-p", "0", "--bogus"], fatal("Invalid process id: '0'"));
        check(
            &["--bogus", "-p", "0"],
            usage("unrecognized option '--bogus'"),
        );
        check(&["-V", "-p", "0"], fatal("Invalid process id: '0'"));
        check(&["-p", "1,,2"], fatal("Invalid process id: ''"));
        check(&["-p", ",1"], fatal("Invalid process id: ''"));
        check(
            &["-c", "-C", "-p", "0"],
            usage("-c/--summary-only and -C/--summary are mutually exclusive"),
        );
        check(
            &["-e", "trace=nosuch", "-e", "quiet=bogus"],
            fatal("invalid system call 'nosuch'"),
        );
        check(
            &["--syscall-times=", "-p", "0"],
            usage("invalid --syscall-times argument: ''"),
        );
        check(
            &["--tips=id:", "-p", "0"],
            usage("invalid --tips argument: 'id:'"),
        );
        check(&["-e", "kvm=vcpu", "-p", "1", "true"], Ok(()));
        assert!(matches!(parse(&["-V", "-Y"]), Err(CliExit::Version(_))));
        let own = std::process::id().to_string();
        check(
            &["-p", &format!("1 {own}")],
            fatal("I'm sorry, I can't let you do that, Dave."),
        );
    }

    /// strace's checks after its loop, in its order.
    #[test]
    fn whole_command_line_checks() {
        let check = |words: &[&str], want: Result<(), CliExit>| {
            assert_eq!(parse(words).map(|_| ()), want, "{words:?}");
        };
        check(
            &["-DDDD", "-p", "1"],
            usage("PROG [ARGS] must be specified with -D/--daemonize"),
        );
        check(
            &["-DDDD", "-t", "--timestamps", "true"],
            usage("Too many -D's (4), maximum supported -D count is 3"),
        );
        check(
            &["-t", "--timestamps", "-x", "--strings-in-hex", "-p", "1"],
            fatal("-t and --absolute-timestamps cannot be provided simultaneously"),
        );
        check(
            &[
                "-ff",
                "--output-separately",
                "-f",
                "--follow-forks",
                "-p",
                "1",
            ],
            fatal("-f and --follow-forks cannot be provided simultaneously"),
        );
        check(
            &["-C", "-ff", "true"],
            usage(
                "(-c/--summary-only or -C/--summary) and -ff/--output-separately are \
                 mutually exclusive",
            ),
        );
        check(&["-C", "-ff", "-o", "x", "true"], Ok(()));
        check(
            &["-U", "calls", "-w", "true"],
            usage("-w/--summary-wall-clock must be given with (-c/--summary-only or -C/--summary)"),
        );
    }

    /// Which of -f, -ff, --follow-forks and --output-separately decide what, as in strace.
    #[test]
    fn follow_and_separate_files() {
        for (words, follow, separately) in [
            (
                &["-f", "--output-separately", "-o", "x", "true"][..],
                true,
                false,
            ),
            (&["--output-separately", "-o", "x", "true"], false, true),
            (
                &["--follow-forks", "--output-separately", "-o", "x", "true"],
                true,
                true,
            ),
            (&["-ff", "-o", "x", "true"], true, true),
            (&["-ff", "true"], true, false),
            (&["-F", "true"], true, false),
        ] {
            let cli = parse(words).unwrap();
            assert_eq!(
                (cli.follow, cli.output_separately),
                (follow, separately),
                "{words:?}"
            );
        }
    }

    /// Each qualifier replaces its set, in command-line order, whatever option stands for it.
    #[test]
    fn qualifiers_in_order() {
        let cli = parse(&["-Y", "--pidns-translation", "-p", "1"]).unwrap();
        assert!(!cli.decode_pids_comm && cli.decode_pids_ns);
        let cli = parse(&["--decode-pids=pidns", "-Y", "-p", "1"]).unwrap();
        assert!(cli.decode_pids_comm && !cli.decode_pids_ns);
        let cli = parse(&["-z", "-e", "status=failed", "-p", "1"]).unwrap();
        assert_eq!(cli.q.status, NameSet::NONE.with(status::FAILED));
        let cli = parse(&["-e", "status=failed", "-z", "-p", "1"]).unwrap();
        assert_eq!(cli.q.status, NameSet::NONE.with(status::SUCCESSFUL));
        let cli = parse(&["-e", "t=getpid", "-e", "getppid", "-p", "1"]).unwrap();
        assert!(
            cli.trace_set().contains_name("getppid") && !cli.trace_set().contains_name("getpid")
        );
        let cli = parse(&["--quiet", "-p", "1"]).unwrap();
        assert!(cli.q.quiet.contains(quiet::ATTACH) && !cli.q.quiet.contains(quiet::EXIT));
        assert_eq!(
            cli.qualifiers().map(|_| ()),
            Ok(()),
            "--quiet alone is no conflict"
        );
        let cli = parse(&["-q", "--silence=exit", "-p", "1"]).unwrap();
        assert_eq!(
            cli.qualifiers().map(|_| ()),
            fatal("-q and -e quiet/--quiet cannot be provided simultaneously")
        );
    }

    #[test]
    fn tips_and_timescales() {
        for ok in [
            "",
            ",",
            "0",
            "random",
            "ID:Random",
            "id:42,format:none",
            "compact",
            "-0",
        ] {
            assert!(crate::tips::Tips::default().apply(ok), "{ok}");
        }
        for bad in [
            "id",
            "id:",
            "-1",
            "2147483648",
            "id:format",
            "format:id:0",
            "format:",
        ] {
            assert!(!crate::tips::Tips::default().apply(bad), "{bad}");
        }
        assert_eq!(timescale(None), Some(Precision::Us));
        assert_eq!(timescale(Some("MS")), Some(Precision::Ms));
        assert_eq!(timescale(Some("")), None);
        assert_eq!(timescale(Some("n")), None);
    }
}
