//! Command-line options, with strace's letters and meanings.

use crate::fdinfo::DecodeFds;
use crate::filter::{NameSet, Qualifiers, quiet};
use crate::output::{Format, HexStrings};
use crate::pathtrace::FdSet;
use crate::stamp::{Absolute, Precision, Stamps};
use crate::summary::{self, Clock, SummaryOpts};
use clap::Parser;
use std::ffi::OsString;
use std::path::PathBuf;

/// Trace the system calls of a command or of running processes, printing them as strace does.
#[derive(Debug, Parser)]
#[command(
    name = "strace-rs",
    version,
    about,
    override_usage = "strace-rs [-o FILE] [-s STRSIZE] [-a COLUMN] { -p PID | [--] PROG [ARGS] }",
    next_line_help = false,
    term_width = 200
)]
pub struct Cli {
    /// Write the trace to FILE instead of stderr
    #[arg(
        short = 'o',
        long = "output",
        value_name = "FILE",
        help_heading = "Output format"
    )]
    pub output: Option<PathBuf>,

    /// Show at most STRSIZE bytes of each string
    #[arg(
        short = 's',
        long = "string-limit",
        value_name = "STRSIZE",
        default_value_t = 32,
        help_heading = "Output format"
    )]
    pub string_limit: usize,

    /// Align return values at COLUMN
    #[arg(
        short = 'a',
        long = "columns",
        value_name = "COLUMN",
        default_value_t = 40,
        help_heading = "Output format"
    )]
    pub column: usize,

    /// Follow forks, vforks and clones; twice (-ff) with -o, one file per process (FILE.PID)
    #[arg(short = 'f', action = clap::ArgAction::Count, help_heading = "Tracing")]
    pub follow: u8,

    /// Print the wall-clock time before each line; -tt with microseconds, -ttt as seconds since the epoch
    #[arg(short = 't', action = clap::ArgAction::Count, help_heading = "Output format")]
    pub timestamps_count: u8,

    /// Timestamps: [format:]none|time|unix and [precision:]s|ms|us|ns, comma separated
    #[arg(long = "timestamps", value_name = "FORMAT", num_args = 0..=1, default_missing_value = "", help_heading = "Output format")]
    pub timestamps: Option<String>,

    /// Print the time since the previous line before each line
    #[arg(short = 'r', help_heading = "Output format")]
    pub relative: bool,

    /// Relative timestamps with this precision (s, ms, us, ns)
    #[arg(long = "relative-timestamps", value_name = "PRECISION", num_args = 0..=1, default_missing_value = "us", help_heading = "Output format")]
    pub relative_timestamps: Option<String>,

    /// Print strings with non-ASCII bytes in hex; -xx: every string in hex
    #[arg(short = 'x', action = clap::ArgAction::Count, help_heading = "Output format")]
    pub hex_count: u8,

    /// Strings in hex: none, non-ascii-chars, non-ascii, all
    #[arg(long = "strings-in-hex", value_name = "WHICH", num_args = 0..=1, default_missing_value = "all", help_heading = "Output format")]
    pub strings_in_hex: Option<String>,

    /// Run the command with VAR=VAL in its environment, or without VAR
    #[arg(
        short = 'E',
        long = "env",
        value_name = "VAR[=VAL]",
        help_heading = "Startup"
    )]
    pub env: Vec<OsString>,

    /// Run the command as USER (uid, gid and groups); needs root
    #[arg(
        short = 'u',
        long = "user",
        value_name = "USER",
        help_heading = "Startup"
    )]
    pub user: Option<String>,

    /// Append to the -o file instead of truncating it
    #[arg(
        short = 'A',
        long = "output-append-mode",
        help_heading = "Output format"
    )]
    pub append: bool,

    /// Print the syscall number before each line
    #[arg(short = 'n', long = "syscall-number", help_heading = "Output format")]
    pub syscall_number: bool,

    /// Print the instruction pointer at the time of each syscall
    #[arg(
        short = 'i',
        long = "instruction-pointer",
        help_heading = "Output format"
    )]
    pub instruction_pointer: bool,

    /// Print the time spent in each syscall, <0.000012>
    #[arg(short = 'T', help_heading = "Output format")]
    pub syscall_times_flag: bool,

    /// The time spent in each syscall with this precision (s, ms, us, ns)
    #[arg(long = "syscall-times", value_name = "PRECISION", num_args = 0..=1, default_missing_value = "us", help_heading = "Output format")]
    pub syscall_times: Option<String>,

    /// Suppress messages about attaching and detaching; twice (-qq), also exit lines
    #[arg(short = 'q', action = clap::ArgAction::Count, help_heading = "Output format")]
    pub quiet: u8,

    /// QUALIFIER=SET: trace, signal, status, quiet, raw, abbrev, verbose, read, write, decode-fds
    #[arg(short = 'e', value_name = "EXPR", help_heading = "Filtering")]
    pub exprs: Vec<String>,

    /// Trace only the syscalls in SET (names, %class, /regex, ?name, all, none; ! negates)
    #[arg(long = "trace", value_name = "SET", help_heading = "Filtering")]
    pub trace: Vec<String>,

    /// Print --- SIGxxx --- lines only for the signals in SET
    #[arg(long = "signal", value_name = "SET", help_heading = "Filtering")]
    pub signal: Vec<String>,

    /// Print only syscalls whose outcome is in SET: successful, failed, unfinished, unavailable, detached
    #[arg(long = "status", value_name = "SET", help_heading = "Filtering")]
    pub status: Vec<String>,

    /// Suppress the messages in SET: attach, exit, path-resolution, personality, thread-execve
    #[arg(long = "quiet", value_name = "SET", help_heading = "Output format")]
    pub quiet_set: Vec<String>,

    /// Print the arguments of the syscalls in SET undecoded, in hex
    #[arg(long = "raw", value_name = "SET", help_heading = "Output format")]
    pub raw: Vec<String>,

    /// Abbreviate long arrays and environments only for the syscalls in SET
    #[arg(long = "abbrev", value_name = "SET", help_heading = "Output format")]
    pub abbrev: Vec<String>,

    /// Dump in hex all data read from the descriptors in SET
    #[arg(long = "read", value_name = "SET", help_heading = "Output format")]
    pub read: Vec<String>,

    /// Dump in hex all data written to the descriptors in SET
    #[arg(long = "write", value_name = "SET", help_heading = "Output format")]
    pub write: Vec<String>,

    /// Print only syscalls that returned without an error (status=successful)
    #[arg(short = 'z', long = "successful-only", help_heading = "Filtering")]
    pub successful_only: bool,

    /// Print only syscalls that returned an error (status=failed)
    #[arg(short = 'Z', long = "failed-only", help_heading = "Filtering")]
    pub failed_only: bool,

    /// Do not abbreviate: environments and long arrays in full (abbrev=none)
    #[arg(short = 'v', long = "no-abbrev", help_heading = "Output format")]
    pub no_abbrev: bool,
    /// Stop the traced command only at the syscalls of -e trace=SET, with a seccomp-bpf filter
    /// (needs -f, as in strace; not for -p). strace-rs does this by itself for a command run
    /// with -f and -e trace=SET (unless SET has restart_syscall): the output is the same
    #[arg(long = "seccomp-bpf", help_heading = "Tracing")]
    pub seccomp_bpf: bool,

    /// Never use a seccomp-bpf filter (e.g. for a program with seccomp filters of its own,
    /// whose refusals would then hide the calls they refuse)
    #[arg(
        long = "no-seccomp-bpf",
        conflicts_with = "seccomp_bpf",
        help_heading = "Tracing"
    )]
    pub no_seccomp_bpf: bool,

    /// Every `-e` and qualifier long option, in command-line order (filled by `parse_args`).
    #[arg(skip)]
    pub ordered_exprs: Vec<String>,

    /// List the syscall classes (-e trace=%CLASS) with their syscalls, and exit
    #[arg(long = "list-classes", help_heading = "Filtering")]
    pub list_classes: bool,

    /// Count time, calls and errors of each syscall and print a summary table, no trace; with
    /// -ff -o FILE the table of all processes goes to stderr and each process's own table is
    /// appended to FILE.PID
    #[arg(short = 'c', long = "summary-only", action = clap::ArgAction::Count, help_heading = "Statistics")]
    pub summary_only: u8,

    /// Like -c, but also print the trace (with -ff -o FILE: each FILE.PID ends with its table)
    #[arg(short = 'C', long = "summary", action = clap::ArgAction::Count, help_heading = "Statistics")]
    pub summary_too: u8,

    /// Sort the summary by: time, min-time, max-time, avg-time, calls, errors, name, nothing (default time)
    #[arg(
        short = 'S',
        long = "summary-sort-by",
        value_name = "SORTBY",
        help_heading = "Statistics"
    )]
    pub summary_sort: Vec<String>,

    /// The summary's columns, comma separated: time-percent, total-time, min-time, max-time, avg-time, calls, errors, name
    #[arg(
        short = 'U',
        long = "summary-columns",
        value_name = "COLUMNS",
        help_heading = "Statistics"
    )]
    pub summary_columns: Vec<String>,

    /// Summarise the wall-clock time from syscall entry to exit (default: system CPU time)
    #[arg(short = 'w', long = "summary-wall-clock", action = clap::ArgAction::Count, help_heading = "Statistics")]
    pub summary_wall_clock: u8,

    /// Print paths beside descriptors; twice (-yy), all details (sockets, devices, pidfds)
    #[arg(short = 'y', action = clap::ArgAction::Count, help_heading = "Output format")]
    pub decode_fds_count: u8,

    /// What to show beside descriptors: path, socket, dev, pidfd, all, none (comma separated)
    #[arg(long = "decode-fds", value_name = "SET", num_args = 0..=1, default_missing_value = "path", help_heading = "Output format")]
    pub decode_fds: Option<String>,

    /// Trace only the syscalls that touch PATH, by a path argument or a descriptor open on it (repeatable)
    #[arg(
        short = 'P',
        long = "trace-path",
        value_name = "PATH",
        help_heading = "Filtering"
    )]
    pub trace_paths: Vec<OsString>,

    /// Trace only the syscalls with a descriptor argument in SET (numbers, comma separated; ! negates). Not in strace 6.1
    #[arg(long = "trace-fds", value_name = "SET", help_heading = "Filtering")]
    pub trace_fds: Option<String>,

    /// Write the trace as JSON Lines, one object per event (see docs/json.md)
    #[arg(long = "json", help_heading = "Output format")]
    pub json: bool,

    /// Developer option: write the text trace as usual and the JSON of the same events to FILE
    /// (FILE.PID with -ff); the round-trip test compares the two
    #[arg(
        long = "json-and-text",
        value_name = "FILE",
        hide = true,
        conflicts_with = "json"
    )]
    pub json_and_text: Option<PathBuf>,

    /// Attach to the process PID and trace it (repeatable; a comma or space separated list too)
    #[arg(
        short = 'p',
        long = "attach",
        value_name = "PID",
        help_heading = "Startup"
    )]
    pub pids: Vec<String>,

    /// The command to run and trace, with its arguments
    #[arg(trailing_var_arg = true, value_name = "PROG", help_heading = "Startup")]
    pub command: Vec<OsString>,
}

fn precision(word: &str, option: &str) -> Result<Precision, String> {
    Precision::parse(word).ok_or_else(|| format!("invalid {option} precision: '{word}'"))
}

/// The options that stand for `-e QUALIFIER=...`, by clap id, with their qualifier.
const QUALIFIER_OPTIONS: [(&str, &str); 9] = [
    ("exprs", ""),
    ("trace", "trace="),
    ("signal", "signal="),
    ("status", "status="),
    ("quiet_set", "quiet="),
    ("raw", "raw="),
    ("abbrev", "abbrev="),
    ("read", "read="),
    ("write", "write="),
];

impl Cli {
    /// Parses the command line. `-e QUALIFIER=SET` and its long forms (`--trace=SET`) are kept
    /// in command-line order, since a later one replaces an earlier one as in strace.
    pub fn parse_args() -> Result<Self, clap::Error> {
        use clap::{CommandFactory, FromArgMatches};
        let matches = Cli::command().try_get_matches()?;
        let mut cli = Cli::from_arg_matches(&matches)?;
        let mut ordered: Vec<(usize, String)> = Vec::new();
        for (id, prefix) in QUALIFIER_OPTIONS {
            let (Some(indices), Some(values)) =
                (matches.indices_of(id), matches.get_many::<String>(id))
            else {
                continue;
            };
            ordered.extend(
                indices
                    .zip(values)
                    .map(|(i, v)| (i, format!("{prefix}{v}"))),
            );
        }
        ordered.sort_by_key(|(i, _)| *i);
        cli.ordered_exprs = ordered.into_iter().map(|(_, e)| e).collect();
        Ok(cli)
    }

    /// The timestamps lines start with (`-t`, `-tt`, `-ttt`, `--timestamps`, `-r`).
    pub fn stamps(&self) -> Result<Stamps, String> {
        let mut absolute = match self.timestamps_count {
            0 => None,
            1 => Some(Absolute::Time(Precision::S)),
            2 => Some(Absolute::Time(Precision::Us)),
            _ => Some(Absolute::Unix(Precision::Us)),
        };
        if let Some(spec) = &self.timestamps {
            let (mut unix, mut shown, mut prec) = (false, true, Precision::S);
            for token in spec.split(',').filter(|t| !t.is_empty()) {
                let token = token
                    .strip_prefix("format:")
                    .or(token.strip_prefix("precision:"))
                    .unwrap_or(token);
                match token {
                    "none" => shown = false,
                    "time" => unix = false,
                    "unix" => unix = true,
                    word => prec = precision(word, "--timestamps")?,
                }
            }
            absolute = match (shown, unix) {
                (false, _) => None,
                (true, false) => Some(Absolute::Time(prec)),
                (true, true) => Some(Absolute::Unix(prec)),
            };
        }
        let relative = match (&self.relative_timestamps, self.relative) {
            (Some(word), _) => Some(precision(word, "--relative-timestamps")?),
            (None, true) => Some(Precision::Us),
            (None, false) => None,
        };
        Ok(Stamps { absolute, relative })
    }

    /// `-s`: at most strace's largest limit, which keeps a limit plus one (the byte that tells
    /// whether a string goes on) from overflowing; strace's message otherwise.
    pub fn string_limit(&self) -> Result<usize, String> {
        if self.string_limit > crate::decode::MAX_STRLEN {
            return Err(format!("invalid -s argument: '{}'", self.string_limit));
        }
        Ok(self.string_limit)
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
        q.quiet = match self.quiet {
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
        let mut opts = SummaryOpts::default();
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
                eprintln!(
                    "strace-rs: -S/--summary-sort-by has no effect without \
                     (-c/--summary-only or -C/--summary)"
                );
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
                    eprintln!("strace-rs: {option} has no effect with -c/--summary-only");
                }
            }
        }
        Ok(Some((opts, self.summary_only > 0)))
    }

    /// What `-y`, `-yy`, `--decode-fds=` and `-e decode-fds=` ask to show beside descriptors;
    /// as in strace the last `--decode-fds` wins and `-y` may not be combined with it.
    pub fn decode_fds(&self) -> Result<DecodeFds, String> {
        let mut set = None;
        for expr in &self.exprs {
            if let Some(value) = expr.strip_prefix("decode-fds=") {
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

    /// The pids of every `-p`, split on commas and spaces as strace accepts them.
    pub fn attach_pids(&self) -> Result<Vec<i32>, String> {
        let mut pids = Vec::new();
        for word in self
            .pids
            .iter()
            .flat_map(|p| p.split([',', ' ']))
            .filter(|w| !w.is_empty())
        {
            match word.parse::<i32>() {
                Ok(pid) if pid > 0 => pids.push(pid),
                _ => return Err(format!("Invalid process id: '{word}'")),
            }
        }
        Ok(pids)
    }
}
