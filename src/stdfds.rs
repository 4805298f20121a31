//! The tracer's own standard descriptors, kept as strace keeps them.
//!
//! A command started with a standard descriptor closed (`cmd <&-`) must start with it closed
//! under the tracer too; yet the tracer must not leave it closed, or the first file it opens
//! would become its stdin. So each closed one gets a placeholder at start, close-on-exec (the
//! command does not inherit it). And once the command runs, the tracer's stdin and stdout are
//! swapped for placeholders: a pipe the command closes its end of then sees EOF or SIGPIPE as
//! if the tracer were not there (`yes | strace-rs sh -c 'exec <&-; ...'`).
//!
//! `ensure_open` must run before anything else opens a descriptor; this is why the tracer has
//! its own `main` (Rust's start-up would fill a closed one with `/dev/null`, inherited).

use std::sync::atomic::{AtomicBool, Ordering};

/// Which of stdin and stdout is a placeholder of `ensure_open`.
static PLACEHOLDER: [AtomicBool; 2] = [AtomicBool::new(false), AtomicBool::new(false)];

/// A descriptor that reads as EOF and cannot be written (the read end of a pipe with no
/// writer), close-on-exec; the lowest free number, as open(2) gives. -1 when none is left.
fn placeholder() -> i32 {
    let mut fds = [-1; 2];
    // SAFETY: pipe2 writes two descriptors into `fds`; the writing end is closed at once.
    unsafe {
        if libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) != 0 {
            return -1;
        }
        libc::close(fds[1]);
    }
    fds[0]
}

/// Gives each closed standard descriptor a placeholder.
pub fn ensure_open() {
    loop {
        let fd = placeholder();
        match fd {
            0 | 1 => PLACEHOLDER[fd as usize].store(true, Ordering::Relaxed),
            2 => return,
            _ => {
                if fd > 2 {
                    // SAFETY: `fd` is the placeholder just made, owned by nobody else.
                    unsafe { libc::close(fd) };
                }
                return;
            }
        }
    }
}

/// After the command was started: the tracer's stdin and stdout become placeholders (those
/// that are not already). Its stderr stays: its messages, and maybe the trace, go there.
pub fn release() {
    for (fd, is_placeholder) in PLACEHOLDER.iter().enumerate() {
        if !is_placeholder.load(Ordering::Relaxed) {
            // SAFETY: closing a standard descriptor the tracer holds; the placeholder made
            // next takes its number (the lowest free).
            unsafe { libc::close(fd as i32) };
            placeholder();
        }
    }
}
