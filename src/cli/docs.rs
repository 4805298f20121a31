//! `--help`, the man page and (in `complete`) the shell completions, all made from the option
//! table (`OPTIONS`): none of them can list an option, a spelling or an argument differently
//! from what the scanner accepts. `strace-rs --generate=man|bash|zsh|fish` prints the generated
//! files that are checked in (docs/strace-rs.1, completions/); tests/docs.rs keeps them current.

use super::complete;
use super::{HEADINGS, Heading, OPTIONS, Opt};
use crate::getopt::HasArg;

/// `--help` is never wider than this, whatever the terminal (long lines are hard to read), and
/// this wide when stdout is no terminal.
pub const MAX_WIDTH: usize = 100;

/// Nor narrower than this: below it the description column would hold a word or two a line.
pub const MIN_WIDTH: usize = 60;

/// Where descriptions start in `--help`; an option whose spelling does not fit before it has
/// its description on the next line.
const DESC_COLUMN: usize = 26;

const INTRO: &str = "Trace the system calls of a command or of running processes, printing them as \
                     strace does";

const USAGE: &str = "Usage: strace-rs [-o FILE] [-s STRSIZE] [-a COLUMN] { -p PID | [--] PROG \
                     [ARGS] }";

/// The file `--generate=WHAT` prints, if WHAT is one.
pub fn generate(what: &str) -> Option<String> {
    Some(match what {
        "man" => man_page(),
        "bash" => complete::bash(),
        "zsh" => complete::zsh(),
        "fish" => complete::fish(),
        _ => return None,
    })
}

/// The options listed in `--help`, the man page and the completions, by heading in strace's
/// order; the hidden (developer) ones are not.
pub(super) fn listed() -> impl Iterator<Item = (&'static str, &'static Opt)> {
    HEADINGS.iter().flat_map(|&(heading, title)| {
        OPTIONS
            .iter()
            .filter(move |o| o.heading == heading && heading != Heading::Hidden)
            .map(move |o| (title, o))
    })
}

/// The width `--help` is wrapped to: the terminal's on stdout (TIOCGWINSZ), within
/// `MIN_WIDTH..=MAX_WIDTH`; `MAX_WIDTH` when stdout is no terminal.
pub fn terminal_width() -> usize {
    // SAFETY: `winsize` is plain data; all zeroes is a valid value.
    let mut ws: libc::winsize = unsafe { std::mem::zeroed() };
    // SAFETY: TIOCGWINSZ writes one `winsize` into `ws`, which outlives the call.
    let ok = unsafe { libc::ioctl(libc::STDOUT_FILENO, libc::TIOCGWINSZ, &mut ws) } == 0;
    if !ok || ws.ws_col == 0 {
        return MAX_WIDTH;
    }
    usize::from(ws.ws_col).clamp(MIN_WIDTH, MAX_WIDTH)
}

/// An option as `--help` spells it: `-o, --output <FILE>`, `    --trace <SET>`,
/// `-t, --absolute-timestamps[=<FORMAT>]` (a short option never takes an optional argument).
fn help_spec(o: &Opt) -> String {
    let mut s = String::new();
    if let Some(c) = o.short {
        s.push('-');
        s.push(char::from(c));
    }
    if let Some(long) = o.longs.first() {
        s.push_str(if s.is_empty() { "    --" } else { ", --" });
        s.push_str(long);
    }
    match o.arg {
        HasArg::No => {}
        HasArg::Required => s.push_str(&format!(" <{}>", o.value)),
        HasArg::Optional => s.push_str(&format!("[=<{}>]", o.value)),
    }
    s
}

/// `--help` for a terminal `width` columns wide: options grouped under strace's headings, each
/// description wrapped under the description column.
pub fn help_text(width: usize) -> String {
    let width = width.clamp(MIN_WIDTH, MAX_WIDTH);
    let mut out = String::new();
    wrap_into(&mut out, "", INTRO, 0, width);
    out.push('\n');
    wrap_into(&mut out, "", USAGE, "Usage: ".len(), width);
    let mut title = "";
    for (heading, o) in listed() {
        if heading != title {
            title = heading;
            out.push_str(&format!("\n{title}:\n"));
        }
        let spec = help_spec(o);
        let lead = if 2 + spec.len() + 2 <= DESC_COLUMN {
            format!("  {spec:<w$}", w = DESC_COLUMN - 2)
        } else {
            out.push_str(&format!("  {spec}\n"));
            " ".repeat(DESC_COLUMN)
        };
        wrap_into(&mut out, &lead, o.help, DESC_COLUMN, width);
    }
    out
}

/// Appends `text` after `lead` (the first line's start), wrapped at spaces to `width` columns,
/// each further line indented by `indent`. A word too long for a line is cut, so no line is
/// ever wider than `width`.
pub fn wrap_into(out: &mut String, lead: &str, text: &str, indent: usize, width: usize) {
    let mut line = lead.to_string();
    let mut fresh = true;
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let mut word = word;
        loop {
            let used = line.chars().count();
            let need = word.chars().count() + usize::from(!fresh);
            if used + need <= width {
                if !fresh {
                    line.push(' ');
                }
                line.push_str(word);
                fresh = false;
                break;
            }
            if fresh {
                // Not even alone on a line: what fits goes here, the rest on the next.
                let room = width.saturating_sub(used).max(1);
                let cut = word.char_indices().nth(room).map_or(word.len(), |(i, _)| i);
                line.push_str(&word[..cut]);
                word = &word[cut..];
                if word.is_empty() {
                    fresh = false;
                    break;
                }
            }
            out.push_str(line.trim_end());
            out.push('\n');
            line = " ".repeat(indent);
            fresh = true;
        }
    }
    out.push_str(line.trim_end());
    out.push('\n');
}

/// Text for roff: a backslash is `\e`, a hyphen `\-` (a minus that man keeps as typed and
/// searchable), and a line starting with `.` or `'` (a request) is guarded with `\&`.
pub fn roff(text: &str) -> String {
    let mut s = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\\' => s.push_str("\\e"),
            '-' => s.push_str("\\-"),
            _ => s.push(c),
        }
    }
    if s.starts_with(['.', '\'']) {
        s.insert_str(0, "\\&");
    }
    s
}

/// An option's `.TP` tag in the man page: every spelling with its argument, bold names and
/// italic arguments (`-o FILE, --output=FILE`).
fn man_tag(o: &Opt) -> String {
    let value = format!("\\fI{}\\fR", roff(o.value));
    let mut forms = Vec::new();
    if let Some(c) = o.short {
        let arg = match o.arg {
            HasArg::Required => format!(" {value}"),
            _ => String::new(),
        };
        forms.push(format!("\\fB\\-{}\\fR{arg}", char::from(c)));
    }
    for long in o.longs {
        let arg = match o.arg {
            HasArg::No => String::new(),
            HasArg::Required => format!("={value}"),
            HasArg::Optional => format!("[={value}]"),
        };
        forms.push(format!("\\fB\\-\\-{}\\fR{arg}", roff(long)));
    }
    forms.join(", ")
}

/// The man page, strace-rs(1), in roff's man macros.
pub fn man_page() -> String {
    let mut m = format!(
        ".TH STRACE\\-RS 1 \"\" \"strace\\-rs {}\" \"User Commands\"\n",
        roff(env!("CARGO_PKG_VERSION"))
    );
    m.push_str(MAN_HEAD);
    let mut title = "";
    for (heading, o) in listed() {
        if heading != title {
            title = heading;
            m.push_str(&format!(".SS {}\n", roff(title)));
        }
        m.push_str(&format!(".TP\n{}\n{}\n", man_tag(o), roff(o.help)));
    }
    m.push_str(MAN_TAIL);
    m
}

/// The man page before its options: written in roff (hyphens already escaped).
const MAN_HEAD: &str = r#".SH NAME
strace\-rs \- trace the system calls and signals of a command, as strace does
.SH SYNOPSIS
.B strace\-rs
[\fIOPTION\fR]... [\fB\-\-\fR] \fIPROG\fR [\fIARG\fR]...
.br
.B strace\-rs
[\fIOPTION\fR]... \fB\-p\fR \fIPID\fR...
.SH DESCRIPTION
.B strace\-rs
runs
.I PROG
with its arguments, or attaches to the running processes given with
.BR \-p ,
and prints every system call they make, with its arguments decoded and its result, and every
signal they receive: one line each, on standard error or into the file of
.BR \-o .
.PP
Its options and its output are those of Debian's
.BR strace (1)
6.1, line for line, so what was written for strace reads strace\-rs's traces too.
Options that strace 6.1 does not have say so below; each changes nothing when it is not
given.
.PP
Tracing a command strace\-rs starts needs no privilege unless the kernel's Yama
.I ptrace_scope
is 2 or more; attaching with
.B \-p
needs the same user as the process and a
.I ptrace_scope
of 0, or the
.B CAP_SYS_PTRACE
capability.
.SH OPTIONS
"#;

/// The man page after its options.
const MAN_TAIL: &str = r#".SH ENVIRONMENT
.TP
.B PATH
Where
.I PROG
is looked for when its name has no slash, directory by directory, as strace looks for it.
The command gets strace\-rs's environment, changed by
.BR \-E .
.TP
.B NO_COLOR
When set (to anything, even empty),
.B \-\-color=auto
colours nothing.
.TP
.B TERM
When unset, empty,
.B dumb
or
.BR unknown ,
.B \-\-color=auto
colours nothing.
.TP
.B STRACE_COLORS
The colours of
.BR \-\-color :
.IB KEY = SGR : ...
pairs, as strace 7 reads them (keys ARGNAME, ARGVAL, CALL, COMMENT, CONST, ERROR, PUNCT,
RETVAL, SYSCALL in any case; values digits and semicolons, such as 1;31); invalid pairs are
ignored.
.SH "EXIT STATUS"
When the traced command exits, strace\-rs exits with the command's exit status.
When the command is killed by a signal, strace\-rs kills itself with the same signal (without
a core dump of its own), so that the shell sees what it would have seen without strace\-rs
(an exit status of 128 plus the signal's number).
When strace\-rs is itself stopped by a fatal signal (see
.BR \-I ),
it detaches from its tracees and dies by that signal.
.PP
With
.B \-p
and no command the exit status is 0, and so it is once
.B \-\-syscall\-limit
detached the tracees.
A bad command line, a command that cannot be run and a process that cannot be attached to
end strace\-rs with exit status 1 and a message on standard error.
.SH NOTES
The man page and the shell completions are generated from strace\-rs's own option table:
.B strace\-rs \-\-generate=man
prints this page, and
.BR "\-\-generate=bash" ,
.B zsh
and
.B fish
the completions.
.SH "SEE ALSO"
.BR strace (1),
.BR ptrace (2),
.BR seccomp (2),
.BR syscalls (2)
"#;

#[cfg(test)]
mod tests {
    use super::*;

    fn wrapped(lead: &str, text: &str, indent: usize, width: usize) -> Vec<String> {
        let mut out = String::new();
        wrap_into(&mut out, lead, text, indent, width);
        out.lines().map(str::to_string).collect()
    }

    /// Words go on a line while they fit; the rest under the indent; a word wider than a line
    /// is cut rather than overflowing.
    #[test]
    fn wrap_at_widths() {
        let text = "Print the time spent in each syscall, <0.000012> (precision s, ms, us, ns)";
        let lead = format!("  {:<24}", "-T, --syscall-times");
        assert_eq!(
            wrapped(&lead, text, 26, 60),
            [
                "  -T, --syscall-times     Print the time spent in each",
                "                          syscall, <0.000012> (precision s,",
                "                          ms, us, ns)",
            ]
        );
        assert_eq!(
            wrapped(&lead, text, 26, 80),
            [
                "  -T, --syscall-times     Print the time spent in each syscall, <0.000012>",
                "                          (precision s, ms, us, ns)",
            ]
        );
        let text = "Count time, calls and errors of each syscall and print a summary table, no \
                    trace; with -ff -o FILE each process's own table is appended to FILE.PID too";
        let lead = format!("  {:<24}", "-c, --summary-only");
        assert_eq!(
            wrapped(&lead, text, 26, 100),
            [
                "  -c, --summary-only      Count time, calls and errors of each syscall and print a summary table, no",
                "                          trace; with -ff -o FILE each process's own table is appended to FILE.PID",
                "                          too",
            ]
        );
        assert_eq!(
            wrapped("  ", "abcdefghijkl mn", 2, 6),
            ["  abcd", "  efgh", "  ijkl", "  mn"]
        );
        assert_eq!(wrapped("", "", 0, 60), [""]);
    }

    /// Every listed option appears in `--help` under its heading, in the table's order, and no
    /// line is wider than the width asked for.
    #[test]
    fn help_lists_every_option_under_its_heading() {
        for width in [MIN_WIDTH, 70, 80, MAX_WIDTH, 200] {
            let help = help_text(width);
            for line in help.lines() {
                assert!(
                    line.chars().count() <= width.min(MAX_WIDTH),
                    "{width}: {line:?}"
                );
            }
            let mut sections = help.split("\n\n").skip(2);
            let mut section = "";
            let mut title = "";
            let mut at = 0;
            for (heading, o) in listed() {
                if heading != title {
                    title = heading;
                    section = sections.next().unwrap();
                    assert!(section.starts_with(&format!("{title}:\n")), "{section}");
                    at = 0;
                }
                let spec = format!("\n  {}", help_spec(o));
                let found = section[at..].find(&spec);
                assert!(found.is_some(), "{spec:?} not in order under {title}");
                at += found.unwrap() + spec.len();
            }
            assert_eq!(sections.next(), None);
        }
    }

    /// The start of `--help` at 100 columns, exactly.
    #[test]
    fn help_text_start() {
        let help = help_text(100);
        let head: Vec<&str> = help.lines().take(9).collect();
        assert_eq!(
            head,
            [
                "Trace the system calls of a command or of running processes, printing them as strace does",
                "",
                "Usage: strace-rs [-o FILE] [-s STRSIZE] [-a COLUMN] { -p PID | [--] PROG [ARGS] }",
                "",
                "General:",
                "  -e <EXPR>               QUALIFIER=SET: trace, signal, status, quiet, raw, abbrev, verbose, read,",
                "                          write, inject, fault, decode-fds",
                "",
                "Startup:",
            ]
        );
        let help = help_text(60);
        assert!(help.contains(
            "\nUsage: strace-rs [-o FILE] [-s STRSIZE] [-a COLUMN] { -p PID\n       | [--] PROG [ARGS] }\n"
        ));
        assert!(help.contains(
            "\n  -t, --absolute-timestamps[=<FORMAT>]\n                          Print the wall-clock time before\n"
        ));
    }

    #[test]
    fn roff_escapes() {
        assert_eq!(roff("-ff -o FILE"), "\\-ff \\-o FILE");
        assert_eq!(roff(".x 'y"), "\\&.x 'y");
        assert_eq!(roff("'q"), "\\&'q");
        assert_eq!(roff("a\\b"), "a\\eb");
    }

    /// Every listed option is in the man page with each of its spellings, under its heading.
    #[test]
    fn man_page_lists_every_option() {
        let man = man_page();
        for (heading, o) in listed() {
            let section = man
                .split(".SS ")
                .find(|s| s.starts_with(&format!("{}\n", roff(heading))))
                .unwrap();
            assert!(
                section.contains(&format!(".TP\n{}\n", man_tag(o))),
                "{:?}",
                o.longs
            );
            for long in o.longs {
                assert!(section.contains(&format!("\\fB\\-\\-{}\\fR", roff(long))));
            }
        }
        assert!(
            !man.contains("json\\-and\\-text"),
            "hidden options stay hidden"
        );
        assert!(man.lines().all(|l| !l.starts_with('\'')));
    }
}
