//! The console (`<linux/kd.h>`) and loop device (`<linux/loop.h>`) ioctls end to end:
//! `tests/helpers/h_kd_loop.c` makes every request of both families on descriptor -1 and on
//! /dev/null (which refuse them), with NULL, unreadable, half-readable and readable
//! arguments, and under `-e inject=ioctl:retval=0` the same requests "succeed", so what the
//! kernel would have written shows from the memory given. Traced by the real strace twice
//! and by strace-rs under each option set: every line both strace runs print alike must come
//! out of strace-rs the same, and the tracers' messages must match.

mod common;

use common::*;

/// The lines after the marker and the messages (the tracer's name taken off) of `tracer`
/// running the helper with `opts`, addresses masked.
fn traced(tracer: &str, opts: &[&str]) -> (Vec<String>, Vec<String>) {
    helper_lines(tracer, opts, "h_kd_loop")
}

#[test]
fn console_and_loop_ioctls_like_strace() {
    if !real_strace_available() {
        return;
    }
    let trace = ["-e", "trace=ioctl,write"];
    let inject = "inject=ioctl:retval=0";
    let sets: [&[&str]; 9] = [
        &[],
        &["-X", "raw"],
        &["-X", "verbose"],
        &["-v"],
        &["-e", "verbose=none"],
        &["-s", "1024", "-y"],
        &["-e", inject],
        &["-e", inject, "-v", "-X", "verbose"],
        &["-e", inject, "-s", "8", "-X", "raw"],
    ];
    let problems: Vec<String> = sets
        .iter()
        .flat_map(|set| {
            let opts: Vec<&str> = trace.iter().chain(set.iter()).copied().collect();
            unlike_strace(&format!("{opts:?}"), true, |t| traced(t, &opts))
        })
        .collect();
    assert_no_problems(&problems);
}
