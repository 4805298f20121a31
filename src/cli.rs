//! Command-line options, with strace's letters and meanings.

use crate::filter::{self, SyscallSet};
use crate::stamp::{Absolute, Precision, Stamps};
use clap::Parser;
use std::ffi::OsString;
use std::path::PathBuf;

/// Trace the system calls of a command or of running processes, printing them as strace does.
#[derive(Debug, Parser)]
#[command(
    name = "strace-rs",
    version,
    about,
    override_usage = "strace-rs [-o FILE] [-s STRSIZE] [-a COLUMN] { -p PID | [--] PROG [ARGS] }"
)]
pub struct Cli {
    /// Write the trace to FILE instead of stderr
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Show at most STRSIZE bytes of each string (default 32)
    #[arg(
        short = 's',
        long = "string-limit",
        value_name = "STRSIZE",
        default_value_t = 32
    )]
    pub string_limit: usize,

    /// Align return values at COLUMN (default 40)
    #[arg(
        short = 'a',
        long = "columns",
        value_name = "COLUMN",
        default_value_t = 40
    )]
    pub column: usize,

    /// Follow forks, vforks and clones; twice (-ff) with -o, one file per process (FILE.PID)
    #[arg(short = 'f', action = clap::ArgAction::Count)]
    pub follow: u8,

    /// Print the wall-clock time before each line; -tt with microseconds, -ttt as seconds since the epoch
    #[arg(short = 't', action = clap::ArgAction::Count)]
    pub timestamps_count: u8,

    /// Timestamps: [format:]none|time|unix and [precision:]s|ms|us|ns, comma separated
    #[arg(long = "timestamps", value_name = "FORMAT", num_args = 0..=1, default_missing_value = "")]
    pub timestamps: Option<String>,

    /// Print the time since the previous line before each line
    #[arg(short = 'r')]
    pub relative: bool,

    /// Relative timestamps with this precision (s, ms, us, ns)
    #[arg(long = "relative-timestamps", value_name = "PRECISION", num_args = 0..=1, default_missing_value = "us")]
    pub relative_timestamps: Option<String>,

    /// Print the time spent in each syscall, <0.000012>
    #[arg(short = 'T')]
    pub syscall_times_flag: bool,

    /// The time spent in each syscall with this precision (s, ms, us, ns)
    #[arg(long = "syscall-times", value_name = "PRECISION", num_args = 0..=1, default_missing_value = "us")]
    pub syscall_times: Option<String>,

    /// Suppress messages about attaching and detaching; twice (-qq), also exit lines
    #[arg(short = 'q', action = clap::ArgAction::Count)]
    pub quiet: u8,

    /// A qualifying expression, [QUALIFIER=][!]VALUE[,VALUE]...; so far: trace=SET
    #[arg(short = 'e', value_name = "EXPR")]
    pub exprs: Vec<String>,

    /// Trace only the syscalls in SET (names, %class, /regex, ?name, all, none; ! negates)
    #[arg(long = "trace", value_name = "SET")]
    pub trace: Vec<String>,

    /// List the syscall classes (-e trace=%CLASS) with their syscalls, and exit
    #[arg(long = "list-classes")]
    pub list_classes: bool,

    /// Write the trace as JSON Lines, one object per event (see docs/json.md)
    #[arg(long = "json")]
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
    #[arg(short = 'p', long = "attach", value_name = "PID")]
    pub pids: Vec<String>,

    /// The command to run and trace, with its arguments
    #[arg(trailing_var_arg = true, value_name = "PROG")]
    pub command: Vec<OsString>,
}

fn precision(word: &str, option: &str) -> Result<Precision, String> {
    Precision::parse(word).ok_or_else(|| format!("invalid {option} precision: '{word}'"))
}

impl Cli {
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

    /// `-T` / `--syscall-times`: the precision of the time spent in each syscall, if shown.
    pub fn syscall_times(&self) -> Result<Option<Precision>, String> {
        match (&self.syscall_times, self.syscall_times_flag) {
            (Some(word), _) => precision(word, "--syscall-times").map(Some),
            (None, true) => Ok(Some(Precision::Us)),
            (None, false) => Ok(None),
        }
    }

    /// The syscall filter from every `-e trace=` and `--trace=`; as in strace the last wins.
    pub fn trace_set(&self) -> Result<SyscallSet, String> {
        let mut set = SyscallSet::all();
        for expr in &self.exprs {
            let (qualifier, value) = expr.split_once('=').unwrap_or(("trace", expr));
            match qualifier {
                "trace" | "t" => set = filter::parse_trace(value)?,
                _ => {
                    return Err(format!(
                        "invalid -e qualifier '{qualifier}' (supported so far: trace)"
                    ));
                }
            }
        }
        for value in &self.trace {
            set = filter::parse_trace(value)?;
        }
        Ok(set)
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
