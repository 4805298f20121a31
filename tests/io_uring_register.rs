//! io_uring_register's arguments end to end: `tests/helpers/h_io_uring_register.c` makes every
//! opcode strace 6.1 decodes, on descriptor -1 and on a real ring, with NULL, unreadable,
//! half-readable and readable arguments. Traced by the real strace twice and by strace-rs
//! under several option sets (a return value injected too, for what a success shows): every
//! line both strace runs print alike must come out of strace-rs the same.

mod common;

use common::*;

/// The lines after the marker and the messages (the tracer's name taken off) of `tracer`
/// running the helper with `opts`, addresses masked.
fn traced(tracer: &str, opts: &[&str]) -> (Vec<String>, Vec<String>) {
    helper_lines(tracer, opts, "h_io_uring_register")
}

#[test]
fn io_uring_register_arguments_like_strace() {
    if !real_strace_available() {
        return;
    }
    let trace = "trace=io_uring_register,write";
    let inject = "inject=io_uring_register:retval=0";
    let sets: [&[&str]; 8] = [
        &["-e", trace],
        &["-e", trace, "-y"],
        &["-e", trace, "-X", "raw"],
        &["-e", trace, "-X", "verbose"],
        &["-e", trace, "-v"],
        &["-e", trace, "-e", "verbose=none"],
        &["-e", trace, "-e", inject],
        &["-e", trace, "-e", inject, "-X", "verbose"],
    ];
    let problems: Vec<String> = sets
        .iter()
        .flat_map(|opts| unlike_strace(&format!("{opts:?}"), true, |t| traced(t, opts)))
        .collect();
    assert_no_problems(&problems);
}
