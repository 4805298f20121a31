//! End-to-end tests of the structs `syscalls.toml` describes (`[structs.NAME]`, printed by
//! the generic member printer): `sched_getattr`/`sched_setattr`, `mount_setattr`, the
//! Landlock calls, and the structs converted from hand-written printers (timezone,
//! itimerspec, itimerval, the capability header). `tests/helpers/h_structs.c` traced by
//! `strace-rs`, every line after the marker asserted exactly, and compared per line with the
//! real strace by default, under `-v`, `-y` and `-e verbose=none`.
//!
//! The expected lines were taken from Debian's strace 6.1 on x86_64 running the same
//! helper, masked by [`lines`]. The helper changes nothing on the machine (see its comment).

mod common;

use common::*;

/// Masks what the kernel decides that is no decoding: the time slice a fair task gets
/// (`sched_runtime`, from the number of CPUs) and Landlock's ABI version.
fn mask_kernel_values(line: String) -> String {
    let mut line = line;
    while let Some(at) = line
        .find("sched_runtime=")
        .map(|i| i + "sched_runtime=".len())
    {
        let end = line[at..]
            .find(|c: char| !c.is_ascii_digit())
            .map_or(line.len(), |e| at + e);
        if end == at {
            break;
        }
        line.replace_range(at..end, "N");
    }
    if line.starts_with("landlock_create_ruleset(NULL, 0, LANDLOCK_CREATE_RULESET_VERSION) = ") {
        return "landlock_create_ruleset(NULL, 0, LANDLOCK_CREATE_RULESET_VERSION) = ABI".into();
    }
    line
}

/// The masked lines after the marker of `h_structs` under `tracer` with `opts`, and its
/// messages on stderr (strace's short-read reports) without the tracer's name.
fn lines(tracer: &str, opts: &[&str]) -> (Vec<String>, Vec<String>) {
    let (dir, run) = trace_helper(tracer, opts, "h_structs", &[]);
    assert_eq!(
        describe_status(&run.status),
        "exited with 0",
        "{tracer} {opts:?} tracing h_structs; stderr:\n{}\ntrace:\n{}",
        run.stderr,
        run.trace
    );
    let trace = mask_with(&run.trace, &[(dir.as_str(), "DIR")]);
    let trace = after_marker(&trace)
        .into_iter()
        .map(mask_kernel_values)
        .collect();
    let stderr = run
        .stderr
        .lines()
        .map(|l| mask_addresses(l.split_once(": ").map_or(l, |(_, m)| m)))
        .collect();
    (trace, stderr)
}

/// Prints what the real strace shows, masked as the tests mask it:
/// `cargo test --test structs -- --ignored --nocapture` (the expected lines below were made
/// this way).
#[test]
#[ignore]
fn print_reference_lines() {
    for l in lines(REAL_STRACE, &[]).0 {
        println!("            r#\"{l}\"#,");
    }
}

#[test]
fn sched_mount_landlock_and_converted_structs() {
    let (trace, stderr) = lines(STRACE_RS, &[]);
    assert_lines(
        &trace,
        &[
            r#"sched_getattr(0, NULL, 0, 0)            = -1 EINVAL (Invalid argument)"#,
            r#"sched_getattr(0, 0xADDR, 0, 0)          = -1 EINVAL (Invalid argument)"#,
            r#"sched_getattr(0, {size=48, sched_policy=SCHED_OTHER, sched_flags=0, sched_nice=0, sched_priority=0, sched_runtime=N, sched_deadline=0, sched_period=0}, 48, 0) = 0"#,
            r#"sched_getattr(0, {size=56, sched_policy=SCHED_OTHER, sched_flags=0, sched_nice=0, sched_priority=0, sched_runtime=N, sched_deadline=0, sched_period=0, sched_util_min=0, sched_util_max=0}, 56, 0) = 0"#,
            r#"sched_getattr(0, 0xADDR, 56, 0)         = -1 EFAULT (Bad address)"#,
            r#"sched_getattr(-1, 0xADDR, 56, 0)        = -1 EINVAL (Invalid argument)"#,
            r#"sched_setattr(0, {size=56, sched_policy=SCHED_OTHER, sched_flags=0, sched_nice=0, sched_priority=0, sched_runtime=N, sched_deadline=0, sched_period=0, sched_util_min=0, sched_util_max=0}, 0) = 0"#,
            r#"sched_setattr(0, NULL, 0)               = -1 EINVAL (Invalid argument)"#,
            r#"sched_setattr(0, 0xADDR, 0)             = -1 EFAULT (Bad address)"#,
            r#"sched_setattr(0, {size=0, sched_policy=SCHED_OTHER, sched_flags=0, sched_nice=0, sched_priority=0, sched_runtime=N, sched_deadline=0, sched_period=0}, 1) = -1 EINVAL (Invalid argument)"#,
            r#"sched_setattr(0, {size=1} => {size=56}, 0) = -1 E2BIG (Argument list too long)"#,
            r#"sched_setattr(0, {size=47} => {size=56}, 0) = -1 E2BIG (Argument list too long)"#,
            r#"sched_setattr(0, {size=48, sched_flags=SCHED_FLAG_KEEP_POLICY|0x80, sched_nice=-5, sched_priority=0, sched_runtime=N, sched_deadline=0, sched_period=0}, 0) = -1 EINVAL (Invalid argument)"#,
            r#"sched_setattr(0, {size=56, sched_flags=SCHED_FLAG_KEEP_PARAMS|0x80, sched_util_min=5, sched_util_max=0}, 0) = -1 EINVAL (Invalid argument)"#,
            r#"sched_setattr(0, {size=56, sched_policy=0xfffffffe /* SCHED_??? */, sched_flags=SCHED_FLAG_KEEP_POLICY|0x80, sched_nice=-5, sched_priority=0, sched_runtime=N, sched_deadline=0, sched_period=0, sched_util_min=5, sched_util_max=0}, 0) = -1 EINVAL (Invalid argument)"#,
            r#"sched_setattr(0, {size=56, sched_policy=0xfffffffe /* SCHED_??? */, sched_flags=0xADDR /* SCHED_FLAG_??? */, sched_nice=-5, sched_priority=0, sched_runtime=N, sched_deadline=0, sched_period=0, sched_util_min=5, sched_util_max=0}, 0) = -1 EINVAL (Invalid argument)"#,
            r#"sched_setattr(0, {size=64, sched_policy=0xffffffff /* SCHED_??? */, sched_flags=SCHED_FLAG_RESET_ON_FORK|SCHED_FLAG_RECLAIM|SCHED_FLAG_DL_OVERRUN|SCHED_FLAG_KEEP_POLICY|SCHED_FLAG_KEEP_PARAMS|SCHED_FLAG_UTIL_CLAMP_MIN|SCHED_FLAG_UTIL_CLAMP_MAX|0xADDR, sched_util_min=4294967295, sched_util_max=4294967295, ...}, 0) = -1 EFAULT (Bad address)"#,
            r#"mount_setattr(-1, "/nonexistent/h_structs", 0, 0xADDR, 31) = -1 EINVAL (Invalid argument)"#,
            r#"mount_setattr(-1, "/nonexistent/h_structs", AT_SYMLINK_NOFOLLOW|AT_NO_AUTOMOUNT|AT_EMPTY_PATH|AT_RECURSIVE|0xffff66ff, {attr_set=MOUNT_ATTR_RDONLY|MOUNT_ATTR_IDMAP, attr_clr=0xADDR /* MOUNT_ATTR_??? */, propagation=MS_PRIVATE, userns_fd=9}, 32) = -1 EINVAL (Invalid argument)"#,
            r#"mount_setattr(-1, "/nonexistent/h_structs", AT_SYMLINK_NOFOLLOW|0x4000, NULL, 32) = -1 EINVAL (Invalid argument)"#,
            r#"mount_setattr(-1, "/nonexistent/h_structs", 0, {attr_set=MOUNT_ATTR_RDONLY|MOUNT_ATTR_IDMAP, attr_clr=0xADDR /* MOUNT_ATTR_??? */, propagation=MS_PRIVATE, userns_fd=9}, 32) = -1 EINVAL (Invalid argument)"#,
            r#"mount_setattr(AT_FDCWD, "/nonexistent/h_structs", AT_RECURSIVE, {attr_set=MOUNT_ATTR_NOSUID, attr_clr=MOUNT_ATTR_NODEV, propagation=0x180000 /* MS_??? */, userns_fd=1004211375834136585}, 32) = -1 EINVAL (Invalid argument)"#,
            r#"mount_setattr(-1, "/nonexistent/h_structs", 0, {attr_set=MOUNT_ATTR_NOSUID, attr_clr=MOUNT_ATTR_NODEV, propagation=0x180000 /* MS_??? */, userns_fd=1004211375834136585}, 40) = -1 EINVAL (Invalid argument)"#,
            r#"mount_setattr(-1, "/nonexistent/h_structs", 0, {attr_set=MOUNT_ATTR_NOSUID, attr_clr=MOUNT_ATTR_NODEV, propagation=0x180000 /* MS_??? */, userns_fd=1004211375834136585, /* bytes 32..39 */ "\x81\x81\x81\x81\x81\x81\x81\x81"}, 40) = -1 E2BIG (Argument list too long)"#,
            r#"mount_setattr(-1, "/nonexistent/h_structs", 0, {attr_set=MOUNT_ATTR_NOSUID, attr_clr=MOUNT_ATTR_NODEV, propagation=0x180000 /* MS_??? */, userns_fd=1004211375834136585, ???}, 48) = -1 E2BIG (Argument list too long)"#,
            r#"mount_setattr(-1, "/nonexistent/h_structs", 0, 0xADDR, 32) = -1 EFAULT (Bad address)"#,
            r#"landlock_create_ruleset(NULL, 0, LANDLOCK_CREATE_RULESET_VERSION) = ABI"#,
            r#"landlock_create_ruleset(0xADDR, 4, 0)   = -1 EINVAL (Invalid argument)"#,
            r#"landlock_create_ruleset(0xADDR, 8, 0)   = -1 EFAULT (Bad address)"#,
            r#"landlock_create_ruleset({handled_access_fs=LANDLOCK_ACCESS_FS_EXECUTE|LANDLOCK_ACCESS_FS_READ_FILE, ...}, 16, 0x6 /* LANDLOCK_CREATE_RULESET_??? */) = -1 EINVAL (Invalid argument)"#,
            r#"landlock_create_ruleset({handled_access_fs=LANDLOCK_ACCESS_FS_EXECUTE|LANDLOCK_ACCESS_FS_READ_FILE}, 8, 0) = 3"#,
            r#"landlock_add_rule(3, LANDLOCK_RULE_PATH_BENEATH, {allowed_access=LANDLOCK_ACCESS_FS_EXECUTE|0x8000, parent_fd=-1}, 0) = -1 EINVAL (Invalid argument)"#,
            r#"landlock_add_rule(3, 0x2 /* LANDLOCK_RULE_??? */, 0xADDR, 0) = -1 EINVAL (Invalid argument)"#,
            r#"landlock_add_rule(3, LANDLOCK_RULE_PATH_BENEATH, 0xADDR, 0) = -1 EFAULT (Bad address)"#,
            r#"landlock_restrict_self(-1, 0x1)         = -1 EBADF (Bad file descriptor)"#,
            r#"close(3)                                = 0"#,
            r#"gettimeofday(NULL, {tz_minuteswest=0, tz_dsttime=0}) = 0"#,
            r#"settimeofday(NULL, {tz_minuteswest=100000, tz_dsttime=3}) = -1 EINVAL (Invalid argument)"#,
            r#"setitimer(ITIMER_REAL, {it_interval={tv_sec=0, tv_usec=0}, it_value={tv_sec=0, tv_usec=0}}, {it_interval={tv_sec=0, tv_usec=0}, it_value={tv_sec=0, tv_usec=0}}) = 0"#,
            r#"getitimer(ITIMER_VIRTUAL, {it_interval={tv_sec=0, tv_usec=0}, it_value={tv_sec=0, tv_usec=0}}) = 0"#,
            r#"getitimer(ITIMER_VIRTUAL, NULL)         = -1 EFAULT (Bad address)"#,
            r#"timer_create(CLOCK_MONOTONIC, NULL, [0]) = 0"#,
            r#"timer_gettime(0, {it_interval={tv_sec=0, tv_nsec=0}, it_value={tv_sec=0, tv_nsec=0}}) = 0"#,
            r#"timer_settime(0, 0, {it_interval={tv_sec=0, tv_nsec=0}, it_value={tv_sec=1000, tv_nsec=5}}, {it_interval={tv_sec=0, tv_nsec=0}, it_value={tv_sec=0, tv_nsec=0}}) = 0"#,
            r#"timer_delete(0)                         = 0"#,
            r#"capget({version=_LINUX_CAPABILITY_VERSION_3, pid=0}, NULL) = 0"#,
            r#"capget({version=0x12345678 /* _LINUX_CAPABILITY_VERSION_??? */, pid=0}, NULL) = 0"#,
            r#"exit_group(0)                           = ?"#,
            r#"+++ exited with 0 +++"#,
        ],
    );
    assert_lines(
        &stderr,
        &[
            "umoven: short read (4 < 56) @0xADDR",
            "umoven: short read (8 < 16) @0xADDR",
            "umoven: short read (8 < 32) @0xADDR",
            "umoven: short read (4 < 12) @0xADDR",
        ],
    );
}

/// The same helper under both tracers, by default, under `-v`, `-y` (the Landlock ruleset's
/// descriptor, the current directory) and `-e verbose=none` (structs as addresses), when
/// the real strace is installed.
#[test]
fn structs_match_real_strace() {
    if !real_strace_available() {
        eprintln!("note: {REAL_STRACE} is not installed; skipping");
        return;
    }
    for opts in [&[][..], &["-v"], &["-y"], &["-e", "verbose=none"]] {
        let (ours, our_stderr) = lines(STRACE_RS, opts);
        let (theirs, their_stderr) = lines(REAL_STRACE, opts);
        assert_lines(&ours, &theirs);
        assert_eq!(our_stderr, their_stderr, "{opts:?}");
    }
}
