//! Colour in the text trace, as strace 7.0 added it: `--color=auto|always|never`, the
//! `NO_COLOR` convention and the `STRACE_COLORS` palette (strace(1), `--color`).
//!
//! Colour is a rendering concern only. Decoding is the same with or without it; the text
//! renderer writes a kind's escape sequence where strace 7 writes it (before a syscall's name,
//! around punctuation, around a named constant, ...), and only when a [`Palette`] is in the
//! output's format. Without one, not a byte of the trace changes and the per-value cost is
//! one `Option` test.
//!
//! strace 7 switches the colour at each token rather than nesting it: a token's kind is
//! written before it, and after punctuation the argument-value colour is written again. So a
//! trace line carries many sequences that look redundant; they are kept, to be the bytes
//! strace 7 writes.

use std::os::fd::RawFd;

/// `--color=WHEN`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    Never,
    /// strace 7's default: colour only on a terminal that can show it.
    #[default]
    Auto,
    Always,
}

impl Mode {
    /// `auto`, `always` or `never`, in any case (strace's `find_arg_val` ignores case).
    pub fn parse(text: &str) -> Option<Mode> {
        [
            ("auto", Mode::Auto),
            ("never", Mode::Never),
            ("always", Mode::Always),
        ]
        .into_iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(text))
        .map(|(_, mode)| mode)
    }
}

/// What a stretch of the trace is, each with its own colour. The order is strace 7's
/// (`enum color_kind_t`), which [`DEFAULT`] follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A field or argument name (`st_mode=`, and with `-N` an argument's).
    ArgName,
    /// An argument's value.
    ArgVal,
    /// A C function applied to values (`makedev(...)`, `htons(...)`).
    Call,
    /// A comment (` /* 35 vars */`).
    Comment,
    /// A named constant (`O_RDONLY`, `AT_FDCWD`).
    Const,
    /// An error's name and description (`ENOENT (No such file or directory)`).
    Error,
    /// Punctuation: `(`, `, `, `{`, `=`, `|`, `...`.
    Punct,
    /// A return value and what follows it.
    RetVal,
    /// A syscall's name.
    Syscall,
    /// Back to the terminal's colours: where a syscall's half or a line ends.
    Reset,
}

const KINDS: usize = 10;

/// The `STRACE_COLORS` keys (`Reset` has none).
const KEYS: [(&str, Kind); KINDS - 1] = [
    ("argname", Kind::ArgName),
    ("argval", Kind::ArgVal),
    ("call", Kind::Call),
    ("comment", Kind::Comment),
    ("const", Kind::Const),
    ("error", Kind::Error),
    ("punct", Kind::Punct),
    ("retval", Kind::RetVal),
    ("syscall", Kind::Syscall),
];

/// strace 7's palette: standard colours (SGR 30-37) rather than bright ones, so that
/// terminal themes adapt them to dark and light backgrounds alike (strace(1)).
const DEFAULT: [&[u8]; KINDS] = [
    b"\x1b[39m", // argname: the default foreground
    b"\x1b[35m", // argval: magenta
    b"\x1b[33m", // call: yellow
    b"\x1b[36m", // comment: cyan
    b"\x1b[34m", // const: blue
    b"\x1b[31m", // error: red
    b"\x1b[0m",  // punct: reset
    b"\x1b[32m", // retval: green
    b"\x1b[33m", // syscall: yellow
    b"\x1b[0m",  // reset
];

/// The escape sequence of each [`Kind`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Palette {
    seqs: [Vec<u8>; KINDS],
}

impl Default for Palette {
    fn default() -> Self {
        Palette {
            seqs: DEFAULT.map(<[u8]>::to_vec),
        }
    }
}

impl Palette {
    /// The default palette changed by a `STRACE_COLORS` value: `key=SGR` pairs separated by
    /// `:`, keys in any case, spaces around keys and values ignored, a value of digits and
    /// `;` only (`1;31`). A part that is not such a pair, or names no key, is ignored, as
    /// strace ignores it; a later pair for a key wins.
    pub fn with_spec(spec: &[u8]) -> Palette {
        let mut palette = Palette::default();
        for part in spec.split(|&b| b == b':') {
            let Some(eq) = part.iter().position(|&b| b == b'=') else {
                continue;
            };
            let key = trim(&part[..eq]);
            let value = trim(&part[eq + 1..]);
            let Some(&(_, kind)) = KEYS
                .iter()
                .find(|(name, _)| name.as_bytes().eq_ignore_ascii_case(key))
            else {
                continue;
            };
            if is_sgr(value) {
                let mut seq = b"\x1b[".to_vec();
                seq.extend_from_slice(value);
                seq.push(b'm');
                palette.seqs[kind as usize] = seq;
            }
        }
        palette
    }

    /// The sequence that starts a stretch of `kind`.
    pub fn seq(&self, kind: Kind) -> &[u8] {
        &self.seqs[kind as usize]
    }
}

/// C's `isspace` in the C locale: what strace trims around keys and values.
fn trim(mut s: &[u8]) -> &[u8] {
    let space = |b: &u8| matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r');
    while let Some((first, rest)) = s.split_first()
        && space(first)
    {
        s = rest;
    }
    while let Some((last, rest)) = s.split_last()
        && space(last)
    {
        s = rest;
    }
    s
}

/// An SGR parameter list: digits and `;`, with a digit somewhere (nothing else can reach the
/// terminal from the environment).
fn is_sgr(value: &[u8]) -> bool {
    value.iter().all(|&b| b.is_ascii_digit() || b == b';') && value.iter().any(u8::is_ascii_digit)
}

/// What the environment says about colour, read once at start-up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Env<'a> {
    /// `NO_COLOR` is set (to anything, even empty: strace tests only that it is there).
    pub no_color: bool,
    /// `TERM`, if set.
    pub term: Option<&'a [u8]>,
}

/// Whether the trace is coloured. `--color=always` colours whatever the destination; `auto`
/// only a terminal (`tty`), and not with `-ff -o NAME` (`separately`: the files are for
/// reading later), nor when `NO_COLOR` is set or `TERM` names no colour terminal. strace 7
/// asks termcap for the terminal's colour count when built with it; without it, as here,
/// an unset or empty `TERM`, `dumb` and `unknown` mean no colour.
pub fn wanted(mode: Mode, tty: bool, separately: bool, env: Env<'_>) -> bool {
    match mode {
        Mode::Never => false,
        Mode::Always => true,
        Mode::Auto => {
            let colour_term = match env.term {
                None | Some(b"") => false,
                Some(term) => {
                    !term.eq_ignore_ascii_case(b"dumb") && !term.eq_ignore_ascii_case(b"unknown")
                }
            };
            tty && !separately && !env.no_color && colour_term
        }
    }
}

/// The palette of a trace written to `fd` (`None`: not coloured), from the environment:
/// made once at start-up and kept for the whole run.
pub fn palette(mode: Mode, fd: Option<RawFd>, separately: bool) -> Option<&'static Palette> {
    use std::os::unix::ffi::OsStrExt;
    if mode == Mode::Never {
        return None;
    }
    let term = std::env::var_os("TERM");
    let env = Env {
        no_color: std::env::var_os("NO_COLOR").is_some(),
        term: term.as_deref().map(|t| t.as_bytes()),
    };
    // SAFETY: isatty only inspects the descriptor.
    let tty = fd.is_some_and(|fd| unsafe { libc::isatty(fd) } == 1);
    if !wanted(mode, tty, separately, env) {
        return None;
    }
    let spec = std::env::var_os("STRACE_COLORS").unwrap_or_default();
    Some(Box::leak(Box::new(Palette::with_spec(spec.as_bytes()))))
}

/// How many bytes of `line` show on a terminal: all but the escape sequences a palette
/// writes (`ESC [ ... m`). Tracee bytes never hold an ESC (they are escaped), so every ESC in
/// a line starts one of ours.
pub fn visible_len(line: &[u8]) -> usize {
    let mut n = 0;
    let mut in_seq = false;
    for &b in line {
        if in_seq {
            in_seq = b != b'm';
        } else if b == 0x1b {
            in_seq = true;
        } else {
            n += 1;
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    const E: &str = "\x1b[";

    fn seq(p: &Palette, kind: Kind) -> String {
        String::from_utf8(p.seq(kind).to_vec()).unwrap()
    }

    #[test]
    fn default_palette_is_strace_7s() {
        let p = Palette::default();
        assert_eq!(seq(&p, Kind::Syscall), format!("{E}33m"));
        assert_eq!(seq(&p, Kind::Call), format!("{E}33m"));
        assert_eq!(seq(&p, Kind::ArgName), format!("{E}39m"));
        assert_eq!(seq(&p, Kind::ArgVal), format!("{E}35m"));
        assert_eq!(seq(&p, Kind::Const), format!("{E}34m"));
        assert_eq!(seq(&p, Kind::Comment), format!("{E}36m"));
        assert_eq!(seq(&p, Kind::Punct), format!("{E}0m"));
        assert_eq!(seq(&p, Kind::RetVal), format!("{E}32m"));
        assert_eq!(seq(&p, Kind::Error), format!("{E}31m"));
        assert_eq!(seq(&p, Kind::Reset), format!("{E}0m"));
    }

    #[test]
    fn spec_sets_keys_in_any_case_with_spaces_trimmed() {
        let p = Palette::with_spec(b" SyScAlL = 1;31 : unknown = 1;36 ");
        assert_eq!(seq(&p, Kind::Syscall), format!("{E}1;31m"));
        // The unknown key changed nothing.
        assert_eq!(p.seqs[..8], Palette::default().seqs[..8]);
        let p = Palette::with_spec(b"syscall=93:syscall=1;31:argval=1;32:punct=1;34\t");
        assert_eq!(seq(&p, Kind::Syscall), format!("{E}1;31m"));
        assert_eq!(seq(&p, Kind::ArgVal), format!("{E}1;32m"));
        assert_eq!(seq(&p, Kind::Punct), format!("{E}1;34m"));
        let p = Palette::with_spec(b"call=1;34::const=1;36:comment=36:error=4:retval=7:argname=2");
        assert_eq!(seq(&p, Kind::Call), format!("{E}1;34m"));
        assert_eq!(seq(&p, Kind::Const), format!("{E}1;36m"));
        assert_eq!(seq(&p, Kind::Error), format!("{E}4m"));
        assert_eq!(seq(&p, Kind::RetVal), format!("{E}7m"));
        assert_eq!(seq(&p, Kind::ArgName), format!("{E}2m"));
        // Reset is no key.
        assert_eq!(Palette::with_spec(b"reset=1"), Palette::default());
    }

    #[test]
    fn spec_ignores_invalid_parts() {
        for spec in [
            &b""[..],
            b"syscall=",
            b"syscall=;",
            b"syscall=1;31;foo",
            b"syscall=\x1b[31m",
            b"syscall",
            b"=31",
            b"sys call=31",
            b":::",
            b"syscall=3 1",
        ] {
            assert_eq!(Palette::with_spec(spec), Palette::default(), "{spec:?}");
        }
        // A bad part leaves the good ones.
        let p = Palette::with_spec(b"error=x:retval=1");
        assert_eq!(seq(&p, Kind::Error), format!("{E}31m"));
        assert_eq!(seq(&p, Kind::RetVal), format!("{E}1m"));
        // The value is split at its first `=` only: `1=2` is no SGR list.
        assert_eq!(Palette::with_spec(b"error=1=2"), Palette::default());
    }

    #[test]
    fn modes_parse_in_any_case() {
        assert_eq!(Mode::parse("auto"), Some(Mode::Auto));
        assert_eq!(Mode::parse("ALWAYS"), Some(Mode::Always));
        assert_eq!(Mode::parse("Never"), Some(Mode::Never));
        assert_eq!(Mode::parse("yes"), None);
        assert_eq!(Mode::parse(""), None);
        assert_eq!(Mode::parse("auto,never"), None);
    }

    #[test]
    fn auto_colours_only_a_colour_terminal() {
        let env = |no_color, term: Option<&'static str>| Env {
            no_color,
            term: term.map(str::as_bytes),
        };
        let linux = env(false, Some("linux"));
        assert!(wanted(Mode::Auto, true, false, linux));
        assert!(wanted(
            Mode::Auto,
            true,
            false,
            env(false, Some("xterm-256color"))
        ));
        // Not a terminal, -ff, NO_COLOR (even empty), no colour TERM.
        assert!(!wanted(Mode::Auto, false, false, linux));
        assert!(!wanted(Mode::Auto, true, true, linux));
        assert!(!wanted(Mode::Auto, true, false, env(true, Some("linux"))));
        for term in [None, Some(""), Some("dumb"), Some("DUMB"), Some("unknown")] {
            assert!(
                !wanted(Mode::Auto, true, false, env(false, term)),
                "{term:?}"
            );
        }
        // always and never whatever the rest says.
        assert!(wanted(Mode::Always, false, true, env(true, None)));
        assert!(!wanted(Mode::Never, true, false, linux));
    }

    #[test]
    fn visible_len_skips_sequences() {
        assert_eq!(visible_len(b"close(3)"), 8);
        assert_eq!(
            visible_len(b"\x1b[33mclose\x1b[0m(\x1b[35m3\x1b[0m\x1b[0m)\x1b[0m"),
            8
        );
        assert_eq!(visible_len(b"\x1b[1;31m"), 0);
    }
}
