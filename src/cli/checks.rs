//! The command line as a whole, checked after every option has been read, in strace's order
//! (its init(): the first failed check is the one reported, and the warnings before it are
//! printed), and what the tracer takes from it.

use super::{Cli, CliExit};
use crate::fdinfo::DecodeFds;
use crate::filter::{NameSet, Qualifiers, SyscallSet, quiet};
use crate::output::{Format, HexStrings};
use crate::ptrace::Daemonize;
use crate::stamp::{Absolute, Precision, Stamps};
use crate::summary::{Clock, SummaryOpts};

/// A warning: strace's message, and the run goes on.
fn warn(text: &str) {
    crate::msg::error(format_args!("{text}"));
}

fn usage(text: &str) -> CliExit {
    CliExit::Usage(text.into())
}

fn fatal(text: &str) -> CliExit {
    CliExit::Fatal(text.into())
}

/// `-c`/`-C` given.
const WITH_SUMMARY: &str = "(-c/--summary-only or -C/--summary)";

impl Cli {
    /// strace's checks after its option loop, up to what needs the system (`-P` paths, `-u`,
    /// the output file: the caller's).
    pub(super) fn check(&mut self) -> Result<(), CliExit> {
        if self.pids.is_empty() && self.command.is_empty() {
            return Err(usage("must have PROG [ARGS] or -p PID"));
        }
        if self.command.is_empty() && self.argv0.is_some() {
            return Err(usage("PROG [ARGS] must be specified with --argv0"));
        }
        self.daemonize = self.check_daemonize()?;
        if self.timestamps_count > 0 && self.timestamps.is_some() {
            return Err(fatal(
                "-t and --absolute-timestamps cannot be provided simultaneously",
            ));
        }
        if self.hex_count > 0 && self.strings_in_hex.is_some() {
            return Err(fatal(
                "-x and --strings-in-hex cannot be provided simultaneously",
            ));
        }
        if self.decode_fds_count > 0 && self.decode_fds.is_some() {
            return Err(fatal(
                "-y and --decode-fds cannot be provided simultaneously",
            ));
        }
        if self.seccomp_bpf && self.detach_on_execve {
            warn("--seccomp-bpf is not enabled because it is not compatible with -b");
            self.seccomp_bpf = false;
        }
        if self.seccomp_bpf && self.syscall_limit.is_some() {
            warn("--seccomp-bpf is not enabled because it is not compatible with --syscall-limit");
            self.seccomp_bpf = false;
        }
        self.check_follow()?;
        if self.seccomp_bpf {
            if !self.pids.is_empty() && (self.command.is_empty() || self.debug) {
                warn("--seccomp-bpf is not enabled for processes attached with -p");
            }
            if !self.follow {
                warn("--seccomp-bpf cannot be used without -f/--follow-forks, disabling");
                self.seccomp_bpf = false;
            }
        }
        if self.deprecated_f {
            if self.follow {
                warn("deprecated option -F ignored");
            } else {
                warn("option -F is deprecated, please use -f/--follow-forks instead");
                self.follow = true;
            }
        }
        self.check_summary()?;
        if self.output.is_none() {
            if self.output_separately && !self.follow {
                warn("--output-separately has no effect without -o/--output");
            }
            if self.append {
                warn("-A/--output-append-mode has no effect without -o/--output");
            }
            // -ff without -o is -f.
            self.output_separately = false;
        }
        if self.zflags > 1 {
            warn(
                "Only the last of -z/--successful-only/-Z/--failed-only options will take \
                 effect. See status qualifier for more complex filters.",
            );
        }
        Ok(())
    }

    /// `-D`, `-DD`, `-DDD` or `--daemonize`.
    fn check_daemonize(&self) -> Result<Daemonize, CliExit> {
        let how = match (self.daemonize_count, self.daemonize_long) {
            (0, None) => return Ok(Daemonize::No),
            (0, Some(how)) => how,
            (_, Some(_)) => {
                return Err(fatal(
                    "-D and --daemonize cannot be provided simultaneously",
                ));
            }
            (1, None) => Daemonize::Grandchild,
            (2, None) => Daemonize::NewProcessGroup,
            _ => Daemonize::NewSession,
        };
        if self.command.is_empty() {
            return Err(usage("PROG [ARGS] must be specified with -D/--daemonize"));
        }
        if self.daemonize_count > 3 {
            return Err(CliExit::Usage(format!(
                "Too many -D's ({}), maximum supported -D count is 3",
                self.daemonize_count
            )));
        }
        Ok(how)
    }

    /// `-f`, `-ff`, `--follow-forks`, `--output-separately`: as in strace, any `-f` decides
    /// both (so `-f --output-separately` is one file).
    fn check_follow(&mut self) -> Result<(), CliExit> {
        self.follow = self.follow_forks;
        if self.follow_short > 0 {
            if self.follow_forks {
                return Err(fatal(
                    "-f and --follow-forks cannot be provided simultaneously",
                ));
            }
            if self.follow_short >= 2 && self.output_separately {
                return Err(fatal(
                    "-ff and --output-separately cannot be provided simultaneously",
                ));
            }
            self.follow = true;
            self.output_separately = self.follow_short >= 2;
        }
        Ok(())
    }

    /// `-c`/`-C` and the options that need or ignore them.
    fn check_summary(&self) -> Result<(), CliExit> {
        let counting = self.summary_only.is_some();
        // strace refuses -c/-C with -ff; strace-rs takes them with -o NAME (one table per
        // process appended to NAME.PID, beyond strace), where -ff has files to write.
        if self.output_separately && counting && self.output.is_none() {
            return Err(CliExit::Usage(format!(
                "{WITH_SUMMARY} and -ff/--output-separately are mutually exclusive"
            )));
        }
        if self.summary_wall_clock && !counting {
            return Err(CliExit::Usage(format!(
                "-w/--summary-wall-clock must be given with {WITH_SUMMARY}"
            )));
        }
        if self.summary_columns.is_some() && !counting {
            return Err(CliExit::Usage(format!(
                "-U/--summary-columns must be given with {WITH_SUMMARY}"
            )));
        }
        if self.summary_sort.is_some() && !counting {
            warn(&format!(
                "-S/--summary-sort-by has no effect without {WITH_SUMMARY}"
            ));
        }
        if self.summary_only == Some(true) {
            let useless = [
                (self.instruction_pointer, "-i/--instruction-pointer"),
                (self.syscall_number, "-n/--syscall-number"),
                (self.arg_names, "-N/--arg-names"),
                (self.relative.is_some(), "-r/--relative-timestamps"),
                (self.stamps().absolute.is_some(), "-t/--absolute-timestamps"),
                (self.syscall_times.is_some(), "-T/--syscall-times"),
                (self.decode_fds().any(), "-y/--decode-fds"),
            ];
            for (given, option) in useless {
                if given {
                    warn(&format!("{option} has no effect with -c/--summary-only"));
                }
            }
        }
        Ok(())
    }

    /// The timestamps lines start with (`-t`, `-tt`, `-ttt`, `--timestamps`, `-r`).
    pub fn stamps(&self) -> Stamps {
        let absolute = match (self.timestamps_count, self.timestamps) {
            (0, Some(long)) => long.absolute(),
            (0, None) => None,
            (1, _) => Some(Absolute::Time(Precision::S)),
            (2, _) => Some(Absolute::Time(Precision::Us)),
            (_, _) => Some(Absolute::Unix(Precision::Us)),
        };
        Stamps {
            absolute,
            relative: self.relative,
        }
    }

    /// How lines look: `-a`, timestamps, string escaping.
    pub fn format(&self) -> Format {
        let hex_strings = self.strings_in_hex.unwrap_or(match self.hex_count {
            0 => HexStrings::Never,
            1 => HexStrings::NonAscii,
            _ => HexStrings::All,
        });
        Format {
            column: self.column,
            stamps: self.stamps(),
            hex_strings,
            const_style: self.const_style,
            always_pid: self.always_show_pid,
            // Decided where the output is opened (by its descriptor).
            palette: None,
            arg_names: self.arg_names,
        }
    }

    /// The `-e trace=` set.
    pub fn trace_set(&self) -> &SyscallSet {
        &self.q.trace
    }

    /// The `-P` paths' messages are left out with `--quiet=path-resolution` (not `-q`).
    pub fn quiet_path_resolution(&self) -> bool {
        self.q.quiet.contains(quiet::PATH_RESOLUTION)
    }

    /// Every filter and display qualifier, with `-q`'s quiet set. As strace (after it has
    /// opened the output), `-q` may not be combined with `-e quiet=`/`--quiet`.
    pub fn qualifiers(&self) -> Result<Qualifiers, CliExit> {
        let mut q = self.q.clone();
        // strace's default for a command traced into a file: `-q` (no attach messages).
        let short_quiet = match self.quiet {
            0 if !self.quiet_updated && self.output.is_some() && !self.command.is_empty() => 1,
            n => n,
        };
        if short_quiet > 0 && self.quiet_updated {
            return Err(fatal(
                "-q and -e quiet/--quiet cannot be provided simultaneously",
            ));
        }
        q.quiet = match short_quiet {
            0 => q.quiet,
            1 => NameSet::NONE.with(quiet::ATTACH).with(quiet::PERSONALITY),
            2 => NameSet::NONE
                .with(quiet::ATTACH)
                .with(quiet::PERSONALITY)
                .with(quiet::EXIT),
            _ => NameSet::ALL,
        };
        Ok(q)
    }

    /// `-c`/`-C` and their settings: `None` without a summary, `Some((opts, only))` with one
    /// (`only`: no trace).
    pub fn summary(&self) -> Option<(SummaryOpts, bool)> {
        let only = self.summary_only?;
        let mut opts = SummaryOpts {
            overhead: self.overhead,
            ..SummaryOpts::default()
        };
        if let Some(sort) = self.summary_sort {
            opts.sort = sort;
        }
        if let Some(columns) = &self.summary_columns {
            opts.columns = columns.clone();
        }
        if self.summary_wall_clock {
            opts.clock = Clock::Wall;
        }
        Some((opts, only))
    }

    /// What `-y`, `-yy`, `--decode-fds=` and `-e decode-fds=` ask to show beside descriptors.
    pub fn decode_fds(&self) -> DecodeFds {
        match (self.decode_fds_count, self.decode_fds) {
            (_, Some(set)) => set,
            (0, None) => DecodeFds::default(),
            (1, None) => DecodeFds::PATH,
            (_, None) => DecodeFds::ALL,
        }
    }
}
