//! The tracer's own messages on stderr, prefixed with the program name as invoked (argv[0]), as
//! strace prefixes them (its test suite matches `/path/as/typed: ...`).
//!
//! Writing them never fails the tracer: stderr may be closed, full or a pipe nobody reads
//! (`2>/dev/full`), and the traced command must still run to its end.

use std::io::Write;
use std::sync::OnceLock;

/// argv[0], set once at start-up; like libc's `program_invocation_name`, it is the one
/// process-wide fact every message needs.
static PROGRAM: OnceLock<String> = OnceLock::new();

/// Records the name the tracer was invoked as; without one (an empty argv[0], or none at
/// all), strace's own name, as strace does.
pub fn set_program(argv0: &std::ffi::OsStr) {
    let name = argv0.to_string_lossy();
    let name = if name.is_empty() { "strace" } else { &name };
    let _ = PROGRAM.set(name.to_string());
}

/// The program name as invoked.
pub fn program() -> &'static str {
    PROGRAM.get().map_or("strace", String::as_str)
}

/// Writes `NAME: MSG` and a newline to stderr, in one write; a failure is ignored.
pub fn error(msg: std::fmt::Arguments<'_>) {
    raw(format_args!("{}: {msg}\n", program()));
}

/// A usage error: the message and strace's hint.
pub fn usage(msg: &str) {
    let prog = program();
    raw(format_args!(
        "{prog}: {msg}\nTry '{prog} -h' for more information.\n"
    ));
}

/// Writes text to stderr as it is; a failure is ignored.
pub fn raw(text: std::fmt::Arguments<'_>) {
    let line = text.to_string();
    let _ = std::io::stderr().lock().write_all(line.as_bytes());
}

/// Writes text to stdout (help, listings); a failure is ignored.
pub fn stdout(text: &str) {
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes()).and_then(|_| out.flush());
}

/// An I/O error as strerror() words it, without Rust's " (os error N)".
pub fn os_error(e: &std::io::Error) -> String {
    match e.raw_os_error() {
        Some(code) => nix::errno::Errno::from_raw(code).desc().to_string(),
        None => e.to_string(),
    }
}
