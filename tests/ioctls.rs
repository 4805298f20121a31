//! ioctl arguments end to end: `tests/helpers/h_ioctls.c` makes the requests whose arguments
//! `syscalls.toml`'s `[ioctl_args]` (and src/decode/ioctl.rs) decode, family by family, with
//! NULL, unreadable, half-readable and readable arguments, on descriptor -1 and on a file that
//! refuses them. Traced by the real strace twice and by strace-rs under a few option sets:
//! every line both strace runs print alike must come out of strace-rs the same, and the
//! tracers' messages must match.

mod common;

use common::*;

/// The lines after the marker and the messages (the tracer's name taken off) of `tracer`
/// running the helper with `opts`, addresses masked.
fn traced(tracer: &str, opts: &[&str]) -> (Vec<String>, Vec<String>) {
    helper_lines(tracer, opts, "h_ioctls")
}

#[test]
fn ioctl_arguments_like_strace() {
    if !real_strace_available() {
        return;
    }
    // Every ioctl succeeding (injected), so the requests' results show too.
    let inject = "inject=ioctl:retval=42";
    let sets: [&[&str]; 7] = [
        &["-e", "trace=ioctl,write"],
        &["-e", "trace=ioctl,write", "-X", "raw"],
        &["-e", "trace=ioctl,write", "-X", "verbose"],
        &["-e", "trace=ioctl,write", "-v"],
        &["-e", "trace=ioctl,write", "-e", "verbose=none"],
        &["-e", "trace=ioctl,write", "-e", inject],
        &["-e", "trace=ioctl,write", "-e", inject, "-v"],
    ];
    let problems: Vec<String> = sets
        .iter()
        .flat_map(|opts| unlike_strace(&format!("{opts:?}"), true, |t| traced(t, opts)))
        .collect();
    assert_no_problems(&problems);
}
