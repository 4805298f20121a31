//! `--tips`: a tip about the tracer's options, shown on standard error when the trace ends
//! (strace 6.1's option, with its argument syntax: `[id:]N|random` and
//! `[format:]none|compact|full`, comma-separated, any case). The tips and their frame are
//! strace-rs's own; `compact` shows a tip in a box, `full` adds how to see it again.

use crate::number::parse_uint;
use std::io::Write;

/// How a tip is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    #[default]
    None,
    Compact,
    Full,
}

/// What `--tips` asked for; each `--tips` adds to the one before, as strace reads them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Tips {
    pub format: Format,
    /// The tip to show (modulo their number); `None` for a random one.
    pub id: Option<u32>,
}

/// strace's `string_to_uint` bound for an id.
const INT_MAX: u64 = i32::MAX as u64;

impl Tips {
    /// Applies one `--tips[=ARG]`; `false` when ARG is not strace's syntax. A bare `--tips`
    /// (or one that names only an id) shows tips compactly unless a format was chosen.
    pub fn apply(&mut self, arg: &str) -> bool {
        let mut next = Tips {
            format: match self.format {
                Format::None => Format::Compact,
                f => f,
            },
            id: self.id,
        };
        for (word, [id_ok, format_ok]) in crate::getopt::keyed_tokens(arg, ["id", "format"]) {
            let word = word.as_str();
            if id_ok && word == "random" {
                next.id = None;
            } else if let Some(n) = id_ok.then(|| parse_uint(word, INT_MAX)).flatten() {
                next.id = Some(n as u32);
            } else if format_ok && word == "none" {
                next.format = Format::None;
            } else if format_ok && word == "compact" {
                next.format = Format::Compact;
            } else if format_ok && word == "full" {
                next.format = Format::Full;
            } else {
                return false;
            }
        }
        *self = next;
        true
    }

    /// Writes the tip to standard error, if one is asked for.
    pub fn show(&self) {
        if self.format == Format::None {
            return;
        }
        let index = match self.id {
            Some(id) => id as usize % TIPS.len(),
            None => random_index(),
        };
        let text = frame(index, self.format == Format::Full);
        let _ = std::io::stderr().lock().write_all(text.as_bytes());
    }
}

/// A tip chosen by the clock: strace seeds its choice with the time too.
fn random_index() -> usize {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    (now.subsec_nanos() ^ now.as_secs() as u32 ^ std::process::id()) as usize % TIPS.len()
}

/// The width of a tip's lines inside the box.
const WIDTH: usize = 62;

/// Tip `index` in its box; `full` adds a line saying how to see it again.
fn frame(index: usize, full: bool) -> String {
    let rule = "-".repeat(WIDTH + 2);
    let mut text = format!(" .{rule}.\n");
    let mut line = |s: &str| text.push_str(&format!(" | {s:<WIDTH$} |\n"));
    line(&format!("strace-rs tip {index}:"));
    for l in TIPS[index] {
        line(l);
    }
    if full {
        line("");
        line(&format!(
            "(--tips=id:{index} shows this one again; there are {})",
            TIPS.len()
        ));
    }
    text.push_str(&format!(" '{rule}'\n"));
    text
}

/// The tips, each in lines that fit the box.
const TIPS: &[&[&str]] = &[
    &[
        "-f follows the children and threads a program starts; with",
        "-ff -o FILE each process writes its own FILE.PID.",
    ],
    &[
        "-yy shows what each descriptor stands for: its path, a",
        "socket's addresses, a device's type and numbers.",
    ],
    &[
        "-e trace=%file (or %network, %process, %memory, %signal,",
        "%ipc, %desc) picks a whole class of calls at once.",
    ],
    &[
        "-c counts the calls, their errors and the time they took",
        "instead of printing them; -C prints and counts.",
    ],
    &[
        "-e status=failed (or -Z) shows only the calls that failed:",
        "the quickest way to the missing file or the refused right.",
    ],
    &[
        "-P PATH shows only the calls that touch PATH, also through",
        "the descriptors opened on it.",
    ],
    &[
        "--json writes each event as one JSON object with every value",
        "structured, for jq and scripts.",
    ],
    &[
        "-e inject=openat:error=ENOENT:when=3 makes the third openat",
        "fail without running it: a way to test error paths.",
    ],
    &[
        "-T shows the time spent in each call, -r the time since the",
        "previous line, -tt the wall clock to the microsecond.",
    ],
    &[
        "-s 256 shows strings up to 256 bytes (32 by default); -x",
        "and -xx show them in hex.",
    ],
    &[
        "-p PID attaches to a running process; Ctrl-C detaches and",
        "leaves it running.",
    ],
    &["-Y names the processes behind pids: kill(1234<nginx>, SIGHUP)."],
    &[
        "-e signal=none hides the signal lines; -e quiet=attach,exit",
        "hides the tracer's own messages.",
    ],
    &[
        "-X verbose shows each constant with its number:",
        "0x80000 /* O_RDONLY|O_CLOEXEC */; -X raw the number alone.",
    ],
    &[
        "--seccomp-bpf stops the program only at the calls -e trace=",
        "asks for: far less overhead on a busy program.",
    ],
    &[
        "-e read=3 dumps in hex and text all that is read from",
        "descriptor 3; -e write= does the same for writes.",
    ],
    &[
        "-o '|grep open' sends the trace through a command; -A",
        "appends to the output file instead of replacing it.",
    ],
    &[
        "--syscall-limit=N lets the program go once N calls were",
        "shown; it runs on untraced.",
    ],
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_as_strace() {
        let mut t = Tips::default();
        assert!(t.apply(""));
        assert_eq!(
            t,
            Tips {
                format: Format::Compact,
                id: None
            }
        );
        assert!(t.apply("ID:7,format:FULL"));
        assert_eq!(
            t,
            Tips {
                format: Format::Full,
                id: Some(7)
            }
        );
        // A later --tips keeps what an earlier one chose.
        assert!(t.apply("random"));
        assert_eq!(t.format, Format::Full);
        assert_eq!(t.id, None);
        assert!(t.apply("none,3"));
        assert_eq!((t.format, t.id), (Format::None, Some(3)));
        assert!(t.apply(""));
        assert_eq!(t.format, Format::Compact);
        for bad in ["id:", "id", "format:7", "id:full", "2147483648", "x"] {
            let before = t;
            assert!(!t.apply(bad), "{bad}");
            assert_eq!(t, before);
        }
    }

    #[test]
    fn every_tip_fits_its_box() {
        for (i, tip) in TIPS.iter().enumerate() {
            assert!(!tip.is_empty());
            for line in *tip {
                assert!(line.len() <= WIDTH && line.is_ascii(), "tip {i}: {line}");
            }
            let text = frame(i, true);
            let lines: Vec<&str> = text.lines().collect();
            assert_eq!(lines.len(), tip.len() + 5);
            assert!(lines.iter().all(|l| l.len() == WIDTH + 5), "{text}");
        }
        assert_eq!(
            frame(11, false),
            format!(
                " .{r}.\n | {:<62} |\n | {:<62} |\n '{r}'\n",
                "strace-rs tip 11:",
                "-Y names the processes behind pids: kill(1234<nginx>, SIGHUP).",
                r = "-".repeat(64)
            )
        );
    }
}
