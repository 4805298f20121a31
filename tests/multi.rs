//! End-to-end tests of calls whose arguments a command or an opcode shapes, and of arrays
//! of structs: `quotactl` and `quotactl_fd` (by command), `epoll_pwait2`, `futex_waitv`,
//! `io_uring_setup`, `io_uring_enter`, native AIO, `perf_event_open`.
//! `tests/helpers/h_multi.c` traced by `strace-rs` and by the real strace, compared per line
//! by default, under `-v`, `-y`, `-X verbose`, `-X raw` and `-e verbose=none`, and under
//! `-P /dev/full`. The helper changes nothing on the machine (see its comment).

mod common;

use common::*;

/// The masked lines after the marker of `h_multi` under `tracer` with `opts`.
fn lines(tracer: &str, opts: &[&str]) -> Vec<String> {
    let (dir, run) = trace_helper(tracer, opts, "h_multi", &[]);
    assert_status(&run.status, "exited with 0", &run.stderr);
    let trace = mask_with(&run.trace, &[(dir.as_str(), "@TMP@")]);
    after_marker(&trace)
}

#[test]
fn quotactl_and_friends_decoded() {
    let ours = lines(STRACE_RS, &[]);
    let names: Vec<&str> = ours.iter().filter_map(|l| syscall_name(l)).collect();
    assert_eq!(names.iter().filter(|&&n| n == "quotactl").count(), 15);
    // Lines that do not depend on the kernel's answer.
    for want in [
        r#"quotactl(QCMD(Q_QUOTAON, USRQUOTA), "/dev/no-such-h_multi", QFMT_VFS_V1, "/no-such/aquota.user") = -1 ENOENT (No such file or directory)"#,
        r#"quotactl(QCMD(Q_SETQUOTA, PRJQUOTA), "/dev/no-such-h_multi", -1, {dqb_bhardlimit=100, dqb_bsoftlimit=0, dqb_curspace=0, dqb_ihardlimit=0, dqb_isoftlimit=0, dqb_curinodes=7, ...}) = -1 ENOENT (No such file or directory)"#,
        r#"quotactl(QCMD(Q_SYNC, 0x7 /* ???QUOTA */), "/dev/no-such-h_multi") = -1 EINVAL (Invalid argument)"#,
    ] {
        assert!(
            ours.iter().any(|l| l == want),
            "no line {want}\nin {ours:#?}"
        );
    }
}

/// The same helper under both tracers, when the real strace is installed.
#[test]
fn multi_match_real_strace() {
    if !real_strace_available() {
        eprintln!("note: {REAL_STRACE} is not installed; skipping");
        return;
    }
    for opts in [
        &[][..],
        &["-v"],
        &["-y"],
        &["-Xverbose"],
        &["-Xraw"],
        &["-e", "verbose=none"],
    ] {
        assert_lines(&lines(STRACE_RS, opts), &lines(REAL_STRACE, opts));
    }
}

/// `-P /dev/full`: the calls on descriptor 3.
#[test]
fn path_tracing_matches_real_strace() {
    if !real_strace_available() {
        eprintln!("note: {REAL_STRACE} is not installed; skipping");
        return;
    }
    let trace = |tracer| {
        let (_dir, run) = trace_helper(tracer, &["-P", "/dev/full"], "h_multi", &[]);
        mask(&run.trace)
            .lines()
            .map(str::to_string)
            .collect::<Vec<_>>()
    };
    assert_lines(&trace(STRACE_RS), &trace(REAL_STRACE));
}
