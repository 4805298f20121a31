//! V4L2 ioctl arguments end to end: `tests/helpers/h_v4l2.c` makes the `VIDIOC_*` requests
//! strace 6.1 decodes, on descriptor -1 and on /dev/null (both refuse them), with NULL,
//! half-readable and readable arguments and every union member a buffer type chooses; with
//! `-e inject=ioctl:retval=42` they succeed, so what the kernel would have written shows
//! too. Traced by the real strace twice and by strace-rs under several option sets: every
//! line both strace runs print alike must come out of strace-rs the same, and the tracers'
//! messages (short reads) must match.

mod common;

use common::*;

#[test]
fn v4l2_requests_like_strace() {
    if !real_strace_available() {
        return;
    }
    let inject = "inject=ioctl:retval=42";
    let sets: [&[&str]; 11] = [
        &["-e", "trace=ioctl,write"],
        &["-e", "trace=ioctl,write", "-X", "raw"],
        &["-e", "trace=ioctl,write", "-X", "verbose"],
        &["-e", "trace=ioctl,write", "-v"],
        &["-e", "trace=ioctl,write", "-s", "5"],
        &["-e", "trace=ioctl,write", "-e", "verbose=none"],
        &["-e", "trace=ioctl,write", "-e", inject],
        &["-e", "trace=ioctl,write", "-e", inject, "-v"],
        &["-e", "trace=ioctl,write", "-e", inject, "-X", "raw"],
        &["-e", "trace=ioctl,write", "-e", inject, "-X", "verbose"],
        &["-e", "trace=ioctl,write", "-e", inject, "-s", "5"],
    ];
    let problems: Vec<String> = sets
        .iter()
        .flat_map(|opts| {
            unlike_strace(&format!("{opts:?}"), true, |t| {
                helper_lines(t, opts, "h_v4l2")
            })
        })
        .collect();
    assert_no_problems(&problems);
}
