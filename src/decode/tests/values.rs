//! The values composed from the sink vocabulary (`decode/values.rs`), as the text renderer
//! shows them: strace 6.1's forms.

use super::*;
use crate::decode::process::WaitStatus;
use crate::output::ConstStyle;

fn text(f: impl FnOnce(&mut Text<'_>)) -> String {
    rendered(|out| f(&mut Text::new(out)))
}

#[test]
fn file_modes() {
    for (m, s) in [
        (0o100644, "S_IFREG|0644"),
        (0o104755, "S_IFREG|S_ISUID|0755"),
        (0o041777, "S_IFDIR|S_ISVTX|0777"),
        (0o106755, "S_IFREG|S_ISUID|S_ISGID|0755"),
        (0o020000, "S_IFCHR|000"),
        (0o000644, "0644"),
    ] {
        assert_eq!(text(|t| t.file_mode(m)), s);
    }
}

#[test]
fn wait_statuses() {
    for (status, s) in [
        (
            WaitStatus::Exited { raw: 0, code: 0 },
            "{WIFEXITED(s) && WEXITSTATUS(s) == 0}",
        ),
        (
            WaitStatus::Signaled {
                raw: 0x8b,
                sig: 11,
                core: true,
            },
            "{WIFSIGNALED(s) && WTERMSIG(s) == SIGSEGV && WCOREDUMP(s)}",
        ),
        (WaitStatus::Continued { raw: 0xffff }, "{WIFCONTINUED(s)}"),
        (
            WaitStatus::Stopped {
                raw: 0x857f,
                sig: 0x85,
                event: 0,
            },
            "{WIFSTOPPED(s) && WSTOPSIG(s) == SIGTRAP | 0x80}",
        ),
        (
            WaitStatus::Stopped {
                raw: 0x4057f,
                sig: 5,
                event: 4,
            },
            "{WIFSTOPPED(s) && WSTOPSIG(s) == SIGTRAP}|PTRACE_EVENT_EXEC<<16",
        ),
        (
            WaitStatus::Stopped {
                raw: 0x7f057f,
                sig: 5,
                event: 0x7f,
            },
            "{WIFSTOPPED(s) && WSTOPSIG(s) == SIGTRAP}|0x7f /* PTRACE_EVENT_??? */<<16",
        ),
    ] {
        assert_eq!(text(|t| t.wait_status(status)), s);
    }
}

#[test]
fn sets_and_composites() {
    assert_eq!(text(|t| t.sigset(1 << 1 | 1 << 14)), "[INT TERM]");
    assert_eq!(text(|t| t.sigset(!(1 << 31))), "~[RTMIN]");
    // The complement from two thirds of the bits (42 of 64) on, as strace's sprintsigmask_n.
    assert_eq!(
        text(|t| t.sigset((1 << 42) - 1)),
        "~[RT_11 RT_12 RT_13 RT_14 RT_15 RT_16 RT_17 RT_18 RT_19 RT_20 RT_21 RT_22 RT_23 RT_24 RT_25 RT_26 RT_27 RT_28 RT_29 RT_30 RT_31 RT_32]"
    );
    assert!(text(|t| t.sigset((1 << 41) - 1)).starts_with("[HUP INT "));
    assert_eq!(text(|t| t.cpu_set(&[0b11, 0b1])), "[0 1 8]");
    assert_eq!(text(|t| t.capabilities(0)), "0");
    assert_eq!(
        text(|t| t.capabilities(1 << 0 | 1 << 5 | 1 << 33)),
        "1<<CAP_CHOWN|1<<CAP_KILL|1<<CAP_MAC_ADMIN"
    );
    assert_eq!(text(|t| t.capabilities(1 << 33)), "1<<CAP_MAC_ADMIN");
    assert_eq!(
        text(|t| t.ioctl_code(2, 0x54, 1, 4)),
        "_IOC(_IOC_READ, 0x54, 0x1, 0x4)"
    );
    assert_eq!(
        text(|t| t.ioctl_code(3, 0, 0, 0)),
        "_IOC(_IOC_READ|_IOC_WRITE, 0, 0, 0)"
    );
    assert_eq!(
        text(|t| t.ioctl_code(0, 1, 2, 3)),
        "_IOC(_IOC_NONE, 0x1, 0x2, 0x3)"
    );
    assert_eq!(text(|t| t.dev(1, 3)), "makedev(0x1, 0x3)");
    assert_eq!(text(|t| t.ipv4([127, 0, 0, 1])), "inet_addr(\"127.0.0.1\")");
    assert_eq!(text(|t| t.rlim(u64::MAX)), "RLIM64_INFINITY");
    assert_eq!(text(|t| t.rlim(8192 * 1024)), "8192*1024");
    assert_eq!(text(|t| t.rlim(1000)), "1000");
    // strace rounds only sizes above 1024 (print_rlim64_t).
    assert_eq!(text(|t| t.rlim(1024)), "1024");
    assert_eq!(text(|t| t.clock_ticks(4)), "4 /* 0.04 s */");
    assert_eq!(text(|t| t.clock_ticks(0)), "0");
    assert_eq!(
        text(|t| t.futex_wake_op(0x8100_1000)),
        "FUTEX_OP_OPARG_SHIFT<<28|FUTEX_OP_SET<<28|0x1<<12|FUTEX_OP_CMP_NE<<24|0"
    );
    assert_eq!(
        text(|t| t.futex_wake_op(0x7000_0000)),
        "0x7<<28 /* FUTEX_OP_??? */|0<<12|FUTEX_OP_CMP_EQ<<24|0"
    );
    assert_eq!(text(|t| t.datetime(0)), "0 /* 1970-01-01T00:00:00+0000 */");
    assert_eq!(
        text(|t| t.interrupted_call("read")),
        "<... resuming interrupted read ...>"
    );
}

/// What `f` writes with `-X style`.
pub(super) fn styled(style: ConstStyle, f: impl FnOnce(&mut Text<'_>)) -> String {
    let captured = Captured::default();
    let format = Format {
        column: 40,
        const_style: style,
        ..Format::default()
    };
    let mut out = Output::new(Box::new(captured.clone()), None, false, format);
    f(&mut Text::new(&mut out));
    out.finish();
    captured.text()
}

/// `-X raw` and `-X verbose` as strace 6.1 shows each kind of name (checked against
/// `strace -X`): flags and enums in hex, signals and AT_FDCWD in decimal, symbolic forms
/// (file modes, limits) as their number.
#[test]
fn const_print_styles() {
    use crate::output::ConstStyle::{Raw, Verbose};
    let flags = |t: &mut Text<'_>| t.flags(0x80002, &crate::table::FLAGS_OPEN_FLAGS);
    assert_eq!(styled(Raw, flags), "0x80002");
    assert_eq!(styled(Verbose, flags), "0x80002 /* O_RDWR|O_CLOEXEC */");
    let prot_none = |t: &mut Text<'_>| t.flags(0, &crate::table::FLAGS_MMAP_PROT);
    assert_eq!(styled(Raw, prot_none), "0");
    assert_eq!(styled(Verbose, prot_none), "0 /* PROT_NONE */");
    let unknown = |t: &mut Text<'_>| t.flags(0x100, &crate::table::FLAGS_MMAP_PROT);
    assert_eq!(styled(Raw, unknown), "0x100");
    assert_eq!(styled(Verbose, unknown), "0x100 /* PROT_??? */");
    let rlimit = |t: &mut Text<'_>| t.enumeration(3, &crate::table::ENUM_RLIMIT_RESOURCE);
    assert_eq!(styled(Raw, rlimit), "0x3");
    assert_eq!(styled(Verbose, rlimit), "0x3 /* RLIMIT_STACK */");
    assert_eq!(styled(Raw, |t| t.signal(17)), "17");
    assert_eq!(styled(Verbose, |t| t.signal(17)), "17 /* SIGCHLD */");
    assert_eq!(styled(Verbose, |t| t.signal(99)), "99");
    assert_eq!(styled(Raw, |t| t.sigset(!(3 << 31))), "~[32 33]");
    assert_eq!(
        styled(Verbose, |t| t.sigset(!(3 << 31))),
        "~[32 /* RTMIN */ 33 /* RT_1 */]"
    );
    assert_eq!(styled(Verbose, |t| t.at_fdcwd(None)), "-100 /* AT_FDCWD */");
    assert_eq!(styled(Raw, |t| t.file_mode(0o100644)), "0100644");
    assert_eq!(
        styled(Verbose, |t| t.file_mode(0o100644)),
        "0100644 /* S_IFREG|0644 */"
    );
    assert_eq!(styled(Raw, |t| t.ioctl_code(0, 3, 5, 0)), "0x305");
    assert_eq!(
        styled(Verbose, |t| t.ioctl_code(0, 3, 5, 0)),
        "0x305 /* _IOC(_IOC_NONE, 0x3, 0x5, 0) */"
    );
    assert_eq!(styled(Raw, |t| t.rlim(u64::MAX)), "18446744073709551615");
    assert_eq!(
        styled(Verbose, |t| t.rlim(8192 * 1024)),
        "8388608 /* 8192*1024 */"
    );
}

/// `-Y`: a name after the pid, `<` and `>` in it escaped (strace's print_comm_str).
#[test]
fn pids_with_names() {
    let named = |name: &[u8]| PidNote {
        comm: Some(crate::comm::Comm::from_bytes(name)),
        tracer_pid: None,
    };
    assert_eq!(text(|t| t.pid(1234, &named(b"bash"))), "1234<bash>");
    assert_eq!(text(|t| t.pid(7, &named(b"foo<bar>"))), r"7<foo\74bar\76>");
    assert_eq!(text(|t| t.pid(-1, &PidNote::default())), "-1");
    // --decode-pids=pidns: the pid in the tracer's namespace after the name.
    let both = PidNote {
        tracer_pid: Some(4242),
        ..named(b"sh")
    };
    assert_eq!(
        text(|t| t.pid(1, &both)),
        "1<sh> /* 4242 in strace's PID NS */"
    );
}

/// strace prints a persona's domain and flags apart, and mount's magic apart from its flags
/// (the lines of strace 6.1's personality-X* and mount-X* tests).
#[test]
fn values_printed_apart() {
    use crate::decode::admin::{mount_flags, persona};
    use crate::output::ConstStyle::{Abbrev, Raw, Verbose};
    let p = |v: u64| move |t: &mut Text<'_>| persona(t, v);
    assert_eq!(styled(Raw, p(0x7000000)), "0|0x7000000");
    assert_eq!(styled(Raw, p(6)), "0x6");
    assert_eq!(
        styled(Verbose, p(0x7010000)),
        "0 /* PER_LINUX */|0x7010000 /* SHORT_INODE|WHOLE_SECONDS|STICKY_TIMEOUTS|0x10000 */"
    );
    assert_eq!(styled(Verbose, p(0x10006)), "0x6 /* PER_BSD */|0x10000");
    assert_eq!(
        styled(Abbrev, p(0x7000006)),
        "PER_BSD|SHORT_INODE|WHOLE_SECONDS|STICKY_TIMEOUTS"
    );
    let m = |v: u64| move |t: &mut Text<'_>| mount_flags(t, v);
    assert_eq!(styled(Raw, m(0xc0ed000f)), "0xc0ed0000|0xf");
    assert_eq!(styled(Raw, m(0xc0ed0000)), "0xc0ed0000");
    assert_eq!(
        styled(Verbose, m(0xc0ed000f)),
        "0xc0ed0000 /* MS_MGC_VAL */|0xf /* MS_RDONLY|MS_NOSUID|MS_NODEV|MS_NOEXEC */"
    );
    assert_eq!(styled(Abbrev, m(0xc0ed0001)), "MS_MGC_VAL|MS_RDONLY");
}

/// strace's auxiliary names after a return value: the names under every `-X` but raw, which
/// shows the number alone; a value without a named bit has none.
#[test]
fn name_details_as_auxiliary_strings() {
    use crate::output::ConstStyle::{Abbrev, Raw, Verbose};
    let secbits =
        |v: u64| move |t: &mut Text<'_>| t.ret_flag_names(v, &crate::table::FLAGS_SECBITS);
    let styled = |style, f| {
        styled(style, f)
            .trim_start()
            .trim_start_matches("= ")
            .to_string()
    };
    assert_eq!(
        styled(Abbrev, secbits(0x3)),
        "0x3 (SECBIT_NOROOT|SECBIT_NOROOT_LOCKED)"
    );
    assert_eq!(
        styled(Verbose, secbits(0x3)),
        "0x3 (SECBIT_NOROOT|SECBIT_NOROOT_LOCKED)"
    );
    assert_eq!(styled(Raw, secbits(0x3)), "0x3");
    assert_eq!(styled(Abbrev, secbits(0x100)), "0x100");
    assert_eq!(
        styled(Abbrev, secbits(0x101)),
        "0x101 (SECBIT_NOROOT|0x100)"
    );
}
