//! Syscalls newer than strace 6.1 (which prints `syscall_0x1c4(...)` for them): named from
//! the kernel's table, and decoded where their argument kinds exist. The results depend on
//! the kernel, so each line is checked up to its ` = `.

mod common;

use common::*;

#[test]
fn newer_calls_named_and_decoded() {
    let (_dir, run) = trace_helper(STRACE_RS, &[], "h_newer", &[]);
    assert_status(&run.status, "exited with 0", &run.stderr);
    let calls: Vec<String> = after_marker(&run.trace)
        .iter()
        .map(|l| match l.find(" = ") {
            Some(end) => l[..end].trim_end().to_string(),
            None => l.clone(),
        })
        .collect();
    assert_lines(
        &calls,
        &[
            "cachestat(0x3, 0, 0, 0)",
            "fchmodat2(AT_FDCWD, \"f\", 0644, 0)",
            "fchmodat2(AT_FDCWD, \"f\", 0640, AT_SYMLINK_NOFOLLOW|AT_EMPTY_PATH|0x2)",
            "map_shadow_stack(NULL, 4096, 0x80 /* SHADOW_STACK_??? */)",
            "futex_wake(0, 0xffffffff, 0x1, 0)",
            "mseal(0xdead0000, 4096, 0)",
            "listxattrat(AT_FDCWD, \"f\", AT_SYMLINK_NOFOLLOW, NULL, 0)",
            "removexattrat(AT_FDCWD, \"f\", 0, \"user.none\")",
            "file_setattr(0xffffffffffffffff, 0, 0, 0, 0)",
            "exit_group(0)",
            "+++ exited with 0 +++",
        ],
    );
}
