//! Small ioctl families end to end (userfaultfd, ...): `tests/helpers/h_small_ioctls.c` makes
//! their requests with NULL, unreadable and readable arguments on descriptor -1 and on
//! /dev/null. Traced by the real strace twice and by strace-rs under a few option sets, with
//! every ioctl failing and with every ioctl succeeding (injected): every line both strace runs
//! print alike must come out of strace-rs the same, and the tracers' messages must match.

mod common;

use common::*;

#[test]
fn small_ioctl_families_like_strace() {
    if !real_strace_available() {
        return;
    }
    let inject = "inject=ioctl:retval=0";
    let sets: [&[&str]; 6] = [
        &["-e", "trace=ioctl,write"],
        &["-e", "trace=ioctl,write", "-X", "raw"],
        &["-e", "trace=ioctl,write", "-X", "verbose"],
        &["-e", "trace=ioctl,write", "-e", "verbose=none"],
        &["-e", "trace=ioctl,write", "-e", inject],
        &[
            "-e",
            "trace=ioctl,write",
            "-e",
            inject,
            "-v",
            "-X",
            "verbose",
        ],
    ];
    let problems: Vec<String> = sets
        .iter()
        .flat_map(|opts| {
            unlike_strace(&format!("{opts:?}"), true, |t| {
                helper_lines(t, opts, "h_small_ioctls")
            })
        })
        .collect();
    assert_no_problems(&problems);
}
