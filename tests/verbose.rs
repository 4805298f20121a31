//! End-to-end tests of what `-v` (no abbreviation) and `-e verbose=none` change:
//! `tests/helpers/h_verbose.c` traced by `strace-rs` and by the real strace with each
//! option, compared per line, and its `-v` lines asserted exactly.
//!
//! The helper's `inject` mode makes calls whose results the tracers inject
//! (`-e inject=...:retval=N`): the kernel is not asked, so the structs shown are the ones
//! the helper filled in, the same on every machine. Its `real` mode makes calls whose
//! results do not vary (a pipe's readiness, a pty's settings, a datagram socket pair).
//! Nothing after the helper's marker depends on its pid, so the traces are compared with
//! only their addresses masked.

mod common;

use common::*;

/// The options that make the kernel's answers the helper's own (`inject` mode).
const INJECT: &[&str] = &[
    "-e",
    "inject=getrusage:retval=0",
    "-e",
    "inject=wait4:retval=48",
    "-e",
    "inject=waitid:retval=0",
    "-e",
    "inject=statx:retval=0",
    "-e",
    "inject=uname:retval=0",
    "-e",
    "inject=fstat:retval=0",
    "-e",
    "inject=getdents64:retval=48",
    "-e",
    "inject=getdents:retval=48",
];

/// The option sets compared with strace: the default, `-v`, `-e verbose=none`, both, and
/// `-v` with a short `-s` (arrays are never cut by `-s` under `-v`, strings still are).
const MODES: &[&[&str]] = &[
    &[],
    &["-v"],
    &["-e", "verbose=none"],
    &["-v", "-e", "verbose=none"],
    &["-v", "-s", "5"],
];

/// The helper's lines after its marker, addresses masked.
fn lines(tracer: &str, opts: &[&str], mode: &str) -> Vec<String> {
    let (_dir, run) = trace_helper(tracer, opts, "h_verbose", &[mode]);
    assert_status(&run.status, "exited with 0", &run.stderr);
    after_marker(&mask_addresses(&run.trace))
}

/// Both tracers in `mode` with each option set of [`MODES`] (and `extra`).
fn compare(mode: &str, extra: &[&str]) {
    if !real_strace_available() {
        eprintln!("note: {REAL_STRACE} is not installed; skipping");
        return;
    }
    for opts in MODES {
        let opts: Vec<&str> = opts.iter().chain(extra).copied().collect();
        let want = lines(REAL_STRACE, &opts, mode);
        let got = lines(STRACE_RS, &opts, mode);
        if let Some(d) = diff(&want, &got, 80) {
            panic!("h_verbose {mode} {opts:?}: strace (-) vs strace-rs (+):\n{d}");
        }
    }
}

#[test]
fn real_calls_match_strace_with_and_without_v() {
    compare("real", &[]);
}

#[test]
fn injected_structs_match_strace_with_and_without_v() {
    compare("inject", INJECT);
}

#[test]
fn structs_in_full_under_v() {
    let opts: Vec<&str> = ["-v"].iter().chain(INJECT).copied().collect();
    let rusage = "{ru_utime={tv_sec=0, tv_usec=101}, ru_stime={tv_sec=0, tv_usec=0}, ru_maxrss=1000, ru_ixrss=0, ru_idrss=0, ru_isrss=0, ru_minflt=7, ru_majflt=0, ru_nswap=0, ru_inblock=0, ru_oublock=0, ru_msgsnd=0, ru_msgrcv=0, ru_nsignals=0, ru_nvcsw=0, ru_nivcsw=18446744073709551615}";
    assert_lines(
        &lines(STRACE_RS, &opts, "inject"),
        &[
            format!("getrusage(RUSAGE_SELF, {rusage}) = 0 (INJECTED)"),
            format!(
                "wait4(-1, [{{WIFEXITED(s) && WEXITSTATUS(s) == 42}}], 0, {rusage}) = 48 (INJECTED)"
            ),
            format!("waitid(P_ALL, 0, {{}}, WEXITED, {rusage}) = 0 (INJECTED)"),
            r#"statx(AT_FDCWD, "f", AT_STATX_SYNC_AS_STAT, STATX_ALL, {stx_mask=STATX_ALL|STATX_MNT_ID|STATX_DIOALIGN, stx_blksize=4096, stx_attributes=STATX_ATTR_MOUNT_ROOT, stx_nlink=2, stx_uid=1000, stx_gid=-1, stx_mode=S_IFREG|0644, stx_ino=1234, stx_size=3, stx_blocks=8, stx_attributes_mask=STATX_ATTR_COMPRESSED|0x800000, stx_atime={tv_sec=1700000000, tv_nsec=5} /* 2023-11-14T22:13:20.000000005+0000 */, stx_btime={tv_sec=0, tv_nsec=0}, stx_ctime={tv_sec=0, tv_nsec=0}, stx_mtime={tv_sec=0, tv_nsec=0}, stx_rdev_major=0, stx_rdev_minor=0, stx_dev_major=0, stx_dev_minor=0, stx_mnt_id=0, stx_dio_mem_align=0, stx_dio_offset_align=0}) = 0 (INJECTED)"#.into(),
            "fstat(77, {st_dev=makedev(0xffffffff, 0xffffffff), st_ino=18446744073709551615, st_mode=S_IFREG|0644, st_nlink=18446744073709551615, st_uid=4294967295, st_gid=4294967295, st_blksize=18446744073709551615, st_blocks=18446744073709551615, st_size=18446744073709551615, st_atime=-1, st_atime_nsec=18446744073709551615, st_mtime=-1, st_mtime_nsec=18446744073709551615, st_ctime=-1, st_ctime_nsec=18446744073709551615}) = 0 (INJECTED)".into(),
            r##"uname({sysname="Linux", nodename="vm", release="6.1.0", version="#1 SMP", machine="x86_64", domainname="(none)"}) = 0 (INJECTED)"##.into(),
            r#"getdents64(7, [{d_ino=2, d_off=1, d_reclen=24, d_type=DT_DIR, d_name="."}, {d_ino=3, d_off=1, d_reclen=24, d_type=DT_DIR, d_name=".."}], 48) = 48 (INJECTED)"#.into(),
            r#"getdents(7, [{d_ino=2, d_off=1, d_reclen=24, d_name=".", d_type=DT_DIR}, {d_ino=3, d_off=1, d_reclen=24, d_name="..", d_type=DT_DIR}], 48) = 48 (INJECTED)"#.into(),
            r#"getdents64(7, [{d_ino=2, d_off=1, d_reclen=100 /* 52 bytes overflow */, d_type=DT_DIR, d_name="."}], 48) = 48 (INJECTED)"#.into(),
            "exit_group(0)                           = ?".into(),
            "+++ exited with 0 +++".into(),
        ],
    );
}

#[test]
fn arrays_whole_under_v() {
    let got = lines(STRACE_RS, &["-v"], "real");
    let find = |name: &str| {
        got.iter()
            .find(|l| l.starts_with(name))
            .unwrap_or_else(|| panic!("no {name} line in {got:#?}"))
            .clone()
    };
    let pollfds = (0..40)
        .map(|i| format!("{{fd={}, events=POLLIN|POLLOUT}}", 3 + i % 2))
        .collect::<Vec<_>>()
        .join(", ");
    let ready = (0..40)
        .map(|i| match i % 2 {
            0 => "{fd=3, revents=POLLIN}",
            _ => "{fd=4, revents=POLLOUT}",
        })
        .collect::<Vec<_>>()
        .join(", ");
    assert_eq!(
        find("poll("),
        format!("poll([{pollfds}], 40, 0) = 40 ([{ready}])")
    );
    let gids = (1000..1040)
        .map(|g: u32| g.to_string())
        .collect::<Vec<_>>()
        .join(", ");
    assert!(find("setgroups(").starts_with(&format!("setgroups(40, [{gids}]) = ")));
    let pages = ["1, 0"; 20].join(", ");
    assert_eq!(
        find("mincore("),
        format!("mincore(0xADDR, 163840, [{pages}]) = 0")
    );
    let fds = ["0, 1, 2"; 13].join(", ");
    assert!(
        find("sendmsg(").contains(&format!("cmsg_data=[{fds}, 0]}}]")),
        "{}",
        find("sendmsg(")
    );
    // Without -v each array stops after -s elements.
    let abbreviated = lines(STRACE_RS, &["-s", "5"], "real");
    assert!(
        abbreviated
            .iter()
            .any(|l| l.starts_with("setgroups(40, [1000, 1001, 1002, 1003, 1004, ...]) = ")),
        "{abbreviated:#?}"
    );
}
