//! End-to-end tests of calls strace 6.1 decodes that are rarely seen: keys (`add_key`,
//! `request_key`, `keyctl`), the clock (`settimeofday`, `adjtimex`, `clock_adjtime`),
//! protection keys, `vmsplice`, `rt_sigpending`'s short sets, `clone3`'s larger struct and
//! `struct termios2`: `tests/helpers/h_calls.c` traced by `strace-rs`, every line after the
//! marker asserted exactly, and compared per line with the real strace, by default and under
//! `-v`.
//!
//! The expected lines were taken from Debian's strace 6.1 on x86_64 running the same
//! helper, masked by [`lines`]. The helper changes nothing on the machine (see its comment).

mod common;

use common::*;

/// Masks what the machine decides in the one call that reads the clock's state
/// (`adjtimex`'s figures, its status flags, the state it returns), then recomputes the
/// `=` column.
fn mask_clock_state(line: String) -> String {
    if !line.starts_with("adjtimex({") {
        return line;
    }
    let mut m = mask_struct_values(&line);
    if let (Some(at), Some(end)) = (m.find("status="), m.find(", constant=")) {
        m.replace_range(at + "status=".len()..end, "S");
    }
    match m.rfind(" = ") {
        Some(i) => format!("{}= N (STATE)", pad_to(m[..i].trim_end(), DEFAULT_COLUMN)),
        None => m,
    }
}

/// The masked lines after the marker of `h_calls` under `tracer` with `opts`.
fn lines(tracer: &str, opts: &[&str]) -> Vec<String> {
    let (_dir, run) = trace_helper(tracer, opts, "h_calls", &[]);
    assert_eq!(
        describe_status(&run.status),
        "exited with 0",
        "{tracer} {opts:?} tracing h_calls; stderr:\n{}\ntrace:\n{}",
        run.stderr,
        run.trace
    );
    assert_eq!(run.stderr, "", "{tracer} wrote to stderr with -o");
    masked_after_marker(&run)
        .into_iter()
        .map(mask_clock_state)
        .collect()
}

/// Prints what the real strace shows, masked as the tests mask it:
/// `cargo test --test calls -- --ignored --nocapture` (the expected lines below were made
/// this way).
#[test]
#[ignore]
fn print_reference_lines() {
    for l in lines(REAL_STRACE, &[]) {
        println!("            r#\"{l}\"#,");
    }
}

#[test]
fn keys_clock_pkeys_signals_clone3_and_termios2() {
    assert_lines(
        &lines(STRACE_RS, &[]),
        &[
            r#"add_key(NULL, NULL, NULL, 0, 0)         = -1 EFAULT (Bad address)"#,
            r#"add_key("user", "h_calls", "\16\17\20", 3, -100) = -1 EINVAL (Invalid argument)"#,
            r#"add_key("user", "h_calls", 0x8, 10, KEY_SPEC_THREAD_KEYRING) = -1 EFAULT (Bad address)"#,
            r#"request_key("user", "h_calls: no such key", NULL, 0) = -1 ENOKEY (Required key not available)"#,
            r#"request_key("user", 0x8, "info", -100)  = -1 EFAULT (Bad address)"#,
            r#"keyctl(0xfacefeed /* KEYCTL_??? */, 0x1, 0x2, 0x3, 0x4) = -1 EOPNOTSUPP (Operation not supported)"#,
            r#"keyctl(KEYCTL_GET_KEYRING_ID, -100, 0)  = -1 EINVAL (Invalid argument)"#,
            r#"keyctl(KEYCTL_UPDATE, -100, "shrt desc", 9) = -1 EINVAL (Invalid argument)"#,
            r#"keyctl(KEYCTL_REVOKE, -100)             = -1 EINVAL (Invalid argument)"#,
            r#"keyctl(KEYCTL_CHOWN, -100, -1, 3141592653) = -1 EINVAL (Invalid argument)"#,
            r#"keyctl(KEYCTL_SETPERM, -100, KEY_POS_VIEW|KEY_POS_READ|KEY_POS_WRITE|KEY_POS_SEARCH|KEY_POS_LINK|KEY_POS_SETATTR|KEY_USR_VIEW) = -1 EINVAL (Invalid argument)"#,
            r#"keyctl(KEYCTL_SETPERM, -100, 0xc0c0c0c0 /* KEY_??? */) = -1 EINVAL (Invalid argument)"#,
            r#"keyctl(KEYCTL_DESCRIBE, -100, 0xADDR, 16) = -1 EINVAL (Invalid argument)"#,
            r#"keyctl(KEYCTL_LINK, -100, KEY_SPEC_SESSION_KEYRING) = -1 EINVAL (Invalid argument)"#,
            r#"keyctl(KEYCTL_SEARCH, -100, "user", "h_calls", KEY_SPEC_USER_KEYRING) = -1 EINVAL (Invalid argument)"#,
            r#"keyctl(KEYCTL_READ, -100, NULL, 0)      = -1 ENOKEY (Required key not available)"#,
            r#"keyctl(KEYCTL_NEGATE, -100, 60, 0)      = -1 EPERM (Operation not permitted)"#,
            r#"keyctl(KEYCTL_SET_REQKEY_KEYRING, KEY_REQKEY_DEFL_NO_CHANGE) = 0"#,
            r#"keyctl(KEYCTL_SET_REQKEY_KEYRING, 99 /* KEY_REQKEY_DEFL_??? */) = -1 EINVAL (Invalid argument)"#,
            r#"keyctl(KEYCTL_SET_TIMEOUT, -100, 60)    = -1 EINVAL (Invalid argument)"#,
            r#"keyctl(KEYCTL_GET_SECURITY, -100, 0xADDR, 16) = -1 EINVAL (Invalid argument)"#,
            r#"keyctl(KEYCTL_REJECT, -100, 60, ENODEV, 0) = -1 EPERM (Operation not permitted)"#,
            r#"keyctl(KEYCTL_INSTANTIATE_IOV, -100, [{iov_base="abcd", iov_len=4}, {iov_base="xyz", iov_len=3}], 2, KEY_SPEC_GROUP_KEYRING) = -1 EPERM (Operation not permitted)"#,
            r#"keyctl(KEYCTL_INVALIDATE, -100)         = -1 EINVAL (Invalid argument)"#,
            r#"keyctl(KEYCTL_PKEY_QUERY, -100, 0, "enc=raw", 0xADDR) = -1 EINVAL (Invalid argument)"#,
            r#"keyctl(KEYCTL_PKEY_ENCRYPT, {key_id=-100, in_len=3, out_len=5}, "enc=raw", "abc", 0xADDR) = -1 EINVAL (Invalid argument)"#,
            r#"keyctl(KEYCTL_PKEY_DECRYPT, 0x8, "enc=raw", 0xADDR, 0xADDR) = -1 EFAULT (Bad address)"#,
            r#"keyctl(KEYCTL_PKEY_VERIFY, {key_id=-100, in_len=3, in2_len=5}, "enc=raw", "abc", "12345") = -1 EINVAL (Invalid argument)"#,
            r#"keyctl(KEYCTL_RESTRICT_KEYRING, -100, "user", NULL) = -1 EINVAL (Invalid argument)"#,
            r#"keyctl(KEYCTL_MOVE, -100, KEY_SPEC_THREAD_KEYRING, -100, KEYCTL_MOVE_EXCL|0xfffffffe) = -1 EINVAL (Invalid argument)"#,
            r#"keyctl(KEYCTL_CAPABILITIES, 0x8, 2)     = -1 EFAULT (Bad address)"#,
            r#"settimeofday({tv_sec=0, tv_usec=1000001}, {tz_minuteswest=-60, tz_dsttime=0}) = -1 EINVAL (Invalid argument)"#,
            r#"settimeofday(0x8, NULL)                 = -1 EFAULT (Bad address)"#,
            r#"adjtimex(0xADDR)                        = -1 EINVAL (Invalid argument)"#,
            r#"adjtimex(NULL)                          = -1 EFAULT (Bad address)"#,
            r#"adjtimex({modes=N, offset=N, freq=N, maxerror=N, esterror=N, status=S, constant=N, precision=N, tolerance=N, time={tv_sec=N, tv_usec=N}, tick=N, ppsfreq=N, jitter=N, shift=N, stabil=N, jitcnt=N, calcnt=N, errcnt=N, stbcnt=N, tai=N}) = N (STATE)"#,
            r#"clock_adjtime(CLOCK_MONOTONIC, NULL)    = -1 EFAULT (Bad address)"#,
            r#"clock_adjtime(CLOCK_PROCESS_CPUTIME_ID, 0xADDR) = -1 EOPNOTSUPP (Operation not supported)"#,
            r#"pkey_alloc(0x1, 0)                      = -1 EINVAL (Invalid argument)"#,
            r#"pkey_alloc(0, 0xdec0ded8 /* PKEY_??? */) = -1 EINVAL (Invalid argument)"#,
            r#"pkey_free(-1)                           = -1 EINVAL (Invalid argument)"#,
            r#"pkey_mprotect(NULL, 0, PROT_READ, -1)   = 0"#,
            r#"pkey_mprotect(NULL, 4096, 0xca7500 /* PROT_??? */, 1) = -1 EINVAL (Invalid argument)"#,
            r#"pipe2([3, 4], 0)                        = 0"#,
            r#"vmsplice(4, [{iov_base="012", iov_len=3}, {iov_base="34567", iov_len=5}], 2, SPLICE_F_NONBLOCK) = 8"#,
            r#"vmsplice(4, 0x8, 1, 0x10 /* SPLICE_F_??? */) = -1 EINVAL (Invalid argument)"#,
            r#"rt_sigprocmask(SIG_BLOCK, [HUP INT], NULL, 8) = 0"#,
            r#"getpid()                                = PID"#,
            r#"kill(PID, SIGHUP)                       = 0"#,
            r#"getpid()                                = PID"#,
            r#"kill(PID, SIGINT)                       = 0"#,
            r#"rt_sigpending([HUP INT], 8)             = 0"#,
            r#"rt_sigpending([HUP INT], 4)             = 0"#,
            r#"rt_sigpending([HUP INT], 2)             = 0"#,
            r#"rt_sigpending([HUP INT], 1)             = 0"#,
            r#"rt_sigpending(0xADDR, 0)                = 0"#,
            r#"rt_sigpending(0xADDR, 16)               = -1 EINVAL (Invalid argument)"#,
            r#"rt_sigprocmask(SIG_BLOCK, 0xADDR, NULL, 4) = -1 EINVAL (Invalid argument)"#,
            r#"clone3(0xADDR, 56)                      = -1 EINVAL (Invalid argument)"#,
            r#"clone3({flags=0, exit_signal=0, stack=NULL, stack_size=0, /* bytes 88..95 */ "\xde\xc0\xad\xde\xed\xfe\xce\xfa"}, 96) = -1 E2BIG (Argument list too long)"#,
            r#"clone3({flags=0, exit_signal=0, stack=NULL, stack_size=0, ???}, 96) = -1 EFAULT (Bad address)"#,
            r#"clone3({flags=0x40007f /* CLONE_??? */, exit_signal=250, stack=NULL, stack_size=0}, 64) = -1 EINVAL (Invalid argument)"#,
            r#"clone3({flags=0, exit_signal=16045693111314087661, stack=NULL, stack_size=0}, 64) = -1 EINVAL (Invalid argument)"#,
            r#"clone3({flags=0, exit_signal=16045693111314087661, stack=NULL, stack_size=0, set_tid=0xADDR, set_tid_size=0, cgroup=4207869677}, 88) = -1 EINVAL (Invalid argument)"#,
            r#"openat(AT_FDCWD, "/dev/ptmx", O_RDWR|O_NOCTTY) = 5"#,
            r#"ioctl(5, TCGETS2, {c_iflag=ICRNL|IXON, c_oflag=NL0|CR0|TAB0|BS0|VT0|FF0|OPOST|ONLCR, c_cflag=B38400|CS8|CREAD, c_lflag=ISIG|ICANON|ECHO|ECHOE|ECHOK|IEXTEN|ECHOCTL|ECHOKE, ...}) = 0"#,
            r#"ioctl(5, TCSETS2, {c_iflag=ICRNL|IXON, c_oflag=NL0|CR0|TAB0|BS0|VT0|FF0|OPOST|ONLCR, c_cflag=B38400|CS8|CREAD, c_lflag=ISIG|ICANON|ECHO|ECHOE|ECHOK|IEXTEN|ECHOCTL|ECHOKE, ...}) = 0"#,
            r#"ioctl(5, TCSETSW2, {c_iflag=ICRNL|IXON, c_oflag=NL0|CR0|TAB0|BS0|VT0|FF0|OPOST|ONLCR, c_cflag=B38400|CS8|CREAD, c_lflag=ISIG|ICANON|ECHO|ECHOE|ECHOK|IEXTEN|ECHOCTL|ECHOKE, ...}) = 0"#,
            r#"ioctl(5, TCSETSF2, {c_iflag=ICRNL|IXON, c_oflag=NL0|CR0|TAB0|BS0|VT0|FF0|OPOST|ONLCR, c_cflag=B38400|CS8|CREAD, c_lflag=ISIG|ICANON|ECHO|ECHOE|ECHOK|IEXTEN|ECHOCTL|ECHOKE, ...}) = 0"#,
            r#"ioctl(5, TCSETSF2, NULL)                = -1 EFAULT (Bad address)"#,
            r#"ioctl(5, TIOCGLCKTRMIOS, {c_iflag=, c_oflag=NL0|CR0|TAB0|BS0|VT0|FF0|, c_cflag=B0|CS5|, c_lflag=, ...}) = 0"#,
            r#"ioctl(5, TCGETS, {c_iflag=ICRNL|IXON, c_oflag=NL0|CR0|TAB0|BS0|VT0|FF0|OPOST|ONLCR, c_cflag=B38400|CS8|CREAD, c_lflag=ISIG|ICANON|ECHO|ECHOE|ECHOK|IEXTEN|ECHOCTL|ECHOKE, ...}) = 0"#,
            r#"close(5)                                = 0"#,
            r#"exit_group(0)                           = ?"#,
            r#"+++ exited with 0 +++"#,
        ],
    );
}

/// The same helper under both tracers, by default and under `-v` (every struct in full: the
/// terminal's line discipline and control characters, termios2's speeds), when the real
/// strace is installed.
#[test]
fn calls_match_real_strace() {
    if !real_strace_available() {
        eprintln!("note: {REAL_STRACE} is not installed; skipping");
        return;
    }
    for opts in [&[][..], &["-v"]] {
        assert_lines(&lines(STRACE_RS, opts), &lines(REAL_STRACE, opts));
    }
}
