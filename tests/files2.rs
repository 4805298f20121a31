//! End-to-end tests of the waiting, time-stamp, xattr and transfer decoders:
//! `tests/helpers/h_files2.c` traced by `strace-rs`, every line after the marker asserted
//! exactly.
//!
//! The expected lines were taken from Debian's strace 6.1 on x86_64 running the same
//! helper, masked with `common::mask`. Dates are in the local zone, UTC on the test
//! machines (`dates_in_the_local_zone` checks another zone against strace). The helper sets extended attributes on a file in
//! the temporary directory, so that file system must support `user.` attributes.

mod common;

use common::*;

#[test]
fn waiting_times_xattrs_and_transfers() {
    let (_dir, run) = trace_helper(STRACE_RS, &[], "h_files2", &[]);
    assert_status(&run.status, "exited with 0", &run.stderr);
    assert_eq!(run.stderr, "", "strace-rs wrote to stderr with -o");
    assert_lines(
        &masked_after_marker(&run),
        &[
            r#"poll([{fd=3, events=POLLIN|POLLPRI}, {fd=4, events=POLLOUT}, {fd=-1}], 3, -1) = 2 ([{fd=3, revents=POLLIN}, {fd=4, revents=POLLOUT}])"#,
            r#"poll([{fd=4, events=POLLIN}], 1, 0)     = 0 (Timeout)"#,
            r#"poll(NULL, 0, 0)                        = 0 (Timeout)"#,
            r#"poll(0x8, 1, 0)                         = -1 EFAULT (Bad address)"#,
            r#"poll([{fd=99, events=POLLIN|0x4800}], 1, 0) = 1 ([{fd=99, revents=POLLNVAL}])"#,
            r#"ppoll([{fd=3, events=POLLIN|POLLPRI}, {fd=4, events=POLLOUT}], 2, {tv_sec=0, tv_nsec=0}, [USR1], 8) = 2 ([{fd=3, revents=POLLIN}, {fd=4, revents=POLLOUT}], left {tv_sec=0, tv_nsec=0})"#,
            r#"ppoll([{fd=4, events=POLLIN}], 1, {tv_sec=0, tv_nsec=0}, NULL, 8) = 0 (Timeout)"#,
            r#"ppoll([{fd=3, events=POLLIN|POLLPRI}], 1, NULL, NULL, 8) = 1 ([{fd=3, revents=POLLIN}])"#,
            r#"ppoll([{fd=4, events=POLLIN}], 1, {tv_sec=0, tv_nsec=0}, 0xADDR, 4) = -1 EINVAL (Invalid argument)"#,
            r#"select(5, [3 4], [4], NULL, {tv_sec=0, tv_usec=0}) = 2 (in [3], out [4], left {tv_sec=0, tv_usec=0})"#,
            r#"select(5, [4], NULL, NULL, {tv_sec=0, tv_usec=0}) = 0 (Timeout)"#,
            r#"select(0, NULL, NULL, NULL, {tv_sec=0, tv_usec=0}) = 0 (Timeout)"#,
            r#"select(5, [3], NULL, NULL, NULL)        = 1 (in [3])"#,
            r#"select(-1, NULL, NULL, NULL, {tv_sec=0, tv_usec=0}) = -1 EINVAL (Invalid argument)"#,
            r#"select(5, 0x8, NULL, NULL, {tv_sec=0, tv_usec=0}) = -1 EFAULT (Bad address)"#,
            r#"pselect6(5, [3], NULL, NULL, {tv_sec=0, tv_nsec=0}, {sigmask=[USR1], sigsetsize=8}) = 1 (in [3], left {tv_sec=0, tv_nsec=0})"#,
            r#"pselect6(5, [4], NULL, NULL, {tv_sec=0, tv_nsec=0}, NULL) = 0 (Timeout)"#,
            r#"pselect6(5, [], NULL, NULL, NULL, 0x8)  = -1 EFAULT (Bad address)"#,
            r#"epoll_create1(0)                        = 5"#,
            r#"epoll_ctl(5, EPOLL_CTL_ADD, 3, {events=EPOLLIN|EPOLLET, data={u32=3, u64=4294967299}}) = 0"#,
            r#"epoll_ctl(5, EPOLL_CTL_ADD, 4, {events=EPOLLOUT|EPOLLRDHUP|EPOLLEXCLUSIVE|EPOLLWAKEUP|EPOLLONESHOT|0x1000, data={u32=4, u64=4}}) = -1 EINVAL (Invalid argument)"#,
            r#"epoll_ctl(5, EPOLL_CTL_DEL, 4, NULL)    = -1 ENOENT (No such file or directory)"#,
            r#"epoll_ctl(5, 0x9 /* EPOLL_CTL_??? */, 4, {events=EPOLLOUT|EPOLLRDHUP|EPOLLEXCLUSIVE|EPOLLWAKEUP|EPOLLONESHOT|0x1000, data={u32=4, u64=4}}) = -1 EINVAL (Invalid argument)"#,
            r#"epoll_ctl(5, EPOLL_CTL_ADD, 4, 0x8)     = -1 EFAULT (Bad address)"#,
            r#"epoll_ctl(5, EPOLL_CTL_MOD, 3, {events=EPOLLIN, data={u32=4, u64=4}}) = 0"#,
            r#"epoll_wait(5, [{events=EPOLLIN, data={u32=4, u64=4}}], 4, 0) = 1"#,
            r#"epoll_wait(5, NULL, 4, 0)               = -1 EFAULT (Bad address)"#,
            r#"epoll_wait(-1, 0xADDR, 4, 0)            = -1 EBADF (Bad file descriptor)"#,
            r#"epoll_pwait(5, [{events=EPOLLIN, data={u32=4, u64=4}}], 4, 0, [USR1], 8) = 1"#,
            r#"epoll_pwait2(5, [{events=EPOLLIN, data={u32=4, u64=4}}], 4, {tv_sec=0, tv_nsec=0}, NULL, 8) = 1"#,
            r#"epoll_pwait(5, 0xADDR, 4, 0, 0xADDR, 4) = -1 EINVAL (Invalid argument)"#,
            r#"openat(AT_FDCWD, "f", O_RDWR|O_CREAT|O_EXCL, 0644) = 6"#,
            r#"utimensat(AT_FDCWD, "f", NULL, 0)       = 0"#,
            r#"utimensat(AT_FDCWD, "f", [{tv_sec=0, tv_nsec=0}, UTIME_NOW], 0) = 0"#,
            r#"utimensat(AT_FDCWD, "f", [{tv_sec=1600000000, tv_nsec=123} /* 2020-09-13T12:26:40.000000123+0000 */, UTIME_OMIT], AT_SYMLINK_NOFOLLOW) = 0"#,
            r#"utimensat(6, NULL, [{tv_sec=1600000000, tv_nsec=123} /* 2020-09-13T12:26:40.000000123+0000 */, {tv_sec=-1, tv_nsec=18446744073709551615}], 0x8 /* AT_??? */) = -1 EINVAL (Invalid argument)"#,
            r#"utimensat(AT_FDCWD, "f", 0x8, 0)        = -1 EFAULT (Bad address)"#,
            r#"utimes("f", [{tv_sec=1600000000, tv_usec=5} /* 2020-09-13T12:26:40.000005+0000 */, {tv_sec=0, tv_usec=0}]) = 0"#,
            r#"utimes("f", NULL)                       = 0"#,
            r#"futimesat(AT_FDCWD, "f", [{tv_sec=1600000000, tv_usec=5} /* 2020-09-13T12:26:40.000005+0000 */, {tv_sec=0, tv_usec=2000000}]) = -1 EINVAL (Invalid argument)"#,
            r#"futimesat(99, "f", NULL)                = -1 EBADF (Bad file descriptor)"#,
            r#"utime("f", {actime=1600000000 /* 2020-09-13T12:26:40+0000 */, modtime=0}) = 0"#,
            r#"utime("f", 0x8)                         = -1 EFAULT (Bad address)"#,
            r#"setxattr("f", "user.a", "bar\0baz", 7, 0) = 0"#,
            r#"setxattr("f", "user.a", "bar", 3, XATTR_CREATE) = -1 EEXIST (File exists)"#,
            r#"setxattr("f", "user.b", "bar", 3, XATTR_CREATE|XATTR_REPLACE|0x4) = -1 EINVAL (Invalid argument)"#,
            r#"lsetxattr("f", "user.b", "01234567890123456789012345678901"..., 40, 0) = 0"#,
            r#"fsetxattr(6, "user.c", "v", 2, 0)       = 0"#,
            r#"getxattr("f", "user.a", "bar\0baz", 256) = 7"#,
            r#"getxattr("f", "user.a", 0xADDR, 2)      = -1 ERANGE (Numerical result out of range)"#,
            r#"getxattr("f", "user.a", NULL, 0)        = 7"#,
            r#"lgetxattr("f", "user.b", "01234567890123456789012345678901"..., 256) = 40"#,
            r#"fgetxattr(6, "user.c", "v", 256)        = 2"#,
            r#"fgetxattr(6, "user.none", 0xADDR, 256)  = -1 ENODATA (No data available)"#,
            r#"removexattr("f", "user.b")              = 0"#,
            r#"lremovexattr("f", "user.b")             = -1 ENODATA (No data available)"#,
            r#"fremovexattr(6, "user.c")               = 0"#,
            r#"listxattr("f", "user.a\0", 256)         = 7"#,
            r#"llistxattr("f", NULL, 0)                = 7"#,
            r#"flistxattr(6, 0xADDR, 2)                = -1 ERANGE (Numerical result out of range)"#,
            r#"write(6, "0123456789abcdef", 16)        = 16"#,
            r#"openat(AT_FDCWD, "g", O_RDWR|O_CREAT|O_EXCL, 0644) = 7"#,
            r#"sendfile(7, 6, [2] => [7], 5)           = 5"#,
            r#"sendfile(7, 6, NULL, 4096)              = 0"#,
            r#"sendfile(7, 6, [100], 5)                = 0"#,
            r#"sendfile(7, 6, 0x8, 5)                  = -1 EFAULT (Bad address)"#,
            r#"copy_file_range(6, [3], 7, [0], 4, 0)   = 4"#,
            r#"copy_file_range(6, 0x8, 7, NULL, 4, 5)  = -1 EFAULT (Bad address)"#,
            r#"splice(6, [1], 4, NULL, 3, SPLICE_F_MOVE|SPLICE_F_MORE) = 3"#,
            r#"splice(3, NULL, 7, NULL, 3, 0x10 /* SPLICE_F_??? */) = -1 EINVAL (Invalid argument)"#,
            r#"pipe2([8, 9], 0)                        = 0"#,
            r#"tee(3, 9, 10, SPLICE_F_NONBLOCK)        = 4"#,
            r#"sync_file_range(6, 0, 100, SYNC_FILE_RANGE_WAIT_BEFORE|SYNC_FILE_RANGE_WRITE|SYNC_FILE_RANGE_WAIT_AFTER) = 0"#,
            r#"sync_file_range(6, -1, -5, 0x8 /* SYNC_FILE_RANGE_??? */) = -1 EINVAL (Invalid argument)"#,
            r#"readahead(6, 0, 4096)                   = 0"#,
            r#"readahead(99, -1, 1)                    = -1 EBADF (Bad file descriptor)"#,
            r#"exit_group(0)                           = ?"#,
            r#"+++ exited with 0 +++"#,
        ],
    );
}

/// The same helper under both tracers, when the real strace is installed.
#[test]
fn files2_match_real_strace() {
    if !real_strace_available() {
        eprintln!("note: {REAL_STRACE} is not installed; skipping");
        return;
    }
    let (_d1, want) = trace_helper(REAL_STRACE, &[], "h_files2", &[]);
    let (_d2, got) = trace_helper(STRACE_RS, &[], "h_files2", &[]);
    assert_lines(&masked_after_marker(&got), &masked_after_marker(&want));
}

/// Dates in the local time zone, as strace shows them: both tracers run under a zone given
/// as a POSIX rule (no tz database needed), and the dated lines must agree.
#[test]
fn dates_in_the_local_zone() {
    if !real_strace_available() {
        return;
    }
    let zone = "TZ=CET-1CEST,M3.5.0,M10.5.0/3";
    let dated = |tracer: &str| -> Vec<String> {
        let dir = TempDir::new();
        let file = dir.join("trace.txt");
        let exe = helper("h_files2");
        let work = TempDir::new();
        let args: Vec<std::ffi::OsString> = vec![
            zone.into(),
            tracer.into(),
            "-o".into(),
            file.clone().into(),
            "--".into(),
            exe.into(),
            work.path().into(),
        ];
        let out = run("/usr/bin/env", &args);
        assert!(out.status.success(), "{tracer}: {}", out.stderr);
        let trace = std::fs::read_to_string(&file).expect("trace file");
        after_marker(&trace)
            .into_iter()
            .filter(|l| l.contains("T") && (l.contains("+0100 */") || l.contains("+0200 */")))
            .collect()
    };
    let ours = dated(STRACE_RS);
    assert!(ours.len() >= 2, "no dates in the local zone: {ours:#?}");
    assert_lines(&ours, &dated(REAL_STRACE));
}
