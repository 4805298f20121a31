//! btrfs ioctl arguments end to end, beyond what tests/ioctls.rs covers: the requests whose
//! argument shows differently at exit, hangs on a member or holds UUIDs, items or containers
//! (`tests/helpers/h_btrfs.c`). The calls fail on /dev/null, and succeed under an injected
//! return value so that the exits show; two strace runs and strace-rs under each option set,
//! every line both strace runs print alike must come out of strace-rs the same.

mod common;

use common::*;

#[test]
fn btrfs_arguments_like_strace() {
    if !real_strace_available() {
        return;
    }
    let success = "inject=ioctl:retval=0";
    // A search buffer too small: the size the kernel asks for shows.
    let overflow = "inject=ioctl:error=EOVERFLOW";
    let sets: [&[&str]; 9] = [
        &["-e", "trace=ioctl,write"],
        &["-e", "trace=ioctl,write", "-v"],
        &["-e", "trace=ioctl,write", "-X", "verbose"],
        &["-e", "trace=ioctl,write", "-e", "verbose=none"],
        &["-e", "trace=ioctl,write", "-e", success],
        &["-e", "trace=ioctl,write", "-e", success, "-v"],
        &[
            "-e",
            "trace=ioctl,write",
            "-e",
            success,
            "-v",
            "-s",
            "5",
            "-y",
        ],
        &["-e", "trace=ioctl,write", "-e", success, "-X", "raw"],
        &["-e", "trace=ioctl,write", "-e", overflow],
    ];
    let problems: Vec<String> = sets
        .iter()
        .flat_map(|opts| {
            unlike_strace(&format!("{opts:?}"), true, |t| {
                helper_lines(t, opts, "h_btrfs")
            })
        })
        .collect();
    assert_no_problems(&problems);
}
