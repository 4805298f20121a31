//! `-N`/`--arg-names` (strace 6.16): each argument after its name, `flags=O_RDONLY`, with the
//! separators where strace 6.1 puts them (so taking the names out gives 6.1's line); and the
//! table's names themselves.

use super::*;

/// An output at strace's default column writing names (`-N`), into `to`.
fn named_output(to: &Captured) -> Output {
    let format = Format {
        column: 40,
        arg_names: true,
        ..Format::default()
    };
    Output::new(Box::new(to.clone()), None, false, format)
}

/// The entry half and the exit half of one call under `-N`, each as it is written (the text
/// after `name(` up to the end of the entry, and the rest).
fn halves(call: &mut Call, mem: &FakeMemory, outcome: Outcome) -> (String, String) {
    let mut scratch = Scratch::new();
    let (entry_text, exit_text) = (Captured::default(), Captured::default());
    let mut out = named_output(&entry_text);
    entry(
        &mut Text::new(&mut out),
        &mut Ctx::for_test(mem, &mut scratch),
        call,
    );
    out.finish();
    let mut out = named_output(&exit_text);
    exit(
        &mut Text::new(&mut out),
        &mut Ctx::for_test(mem, &mut scratch),
        call,
        outcome,
    );
    out.finish();
    (entry_text.text(), exit_text.text())
}

/// One call's whole line under `-N`; `raw`: `-e raw=` for it.
fn named_call(nr: u64, args: [u64; 6], mem: &FakeMemory, outcome: Outcome, raw: bool) -> String {
    let mut call = Call::new(nr, args, 0);
    call.raw = raw;
    let name = call
        .desc
        .map_or(format!("syscall_{nr:#x}"), |d| d.name.to_string());
    let (entry_half, exit_half) = halves(&mut call, mem, outcome);
    // The return column counts from the line's start, which the exit's output did not see.
    let line = unpadded(&format!("{name}({entry_half}{exit_half}"));
    match line.split_once(" = ") {
        Some((call, ret)) => format!("{call:<39} = {ret}"),
        None => line,
    }
}

fn named(nr: u64, args: [u64; 6], mem: &FakeMemory, outcome: Outcome) -> String {
    named_call(nr, args, mem, outcome, false)
}

#[test]
fn each_argument_after_its_name() {
    let mem = FakeMemory::new()
        .with(0x1000, b"/etc/passwd\0")
        .with(0x2000, b"abcd")
        .with(0x3000, &7i32.to_ne_bytes());
    assert_eq!(
        named(
            NR_OPENAT,
            [-100i64 as u64, 0x1000, 0, 0, 0, 0],
            &mem,
            Outcome::Ok(3)
        ),
        r#"openat(dirfd=AT_FDCWD, pathname="/etc/passwd", flags=O_RDONLY) = 3"#
    );
    // O_WRONLY|O_CREAT: the mode shows, named.
    assert_eq!(
        named(
            NR_OPENAT,
            [3, 0x1000, 0o101, 0o644, 0, 0],
            &mem,
            Outcome::Ok(4)
        ),
        r#"openat(dirfd=3, pathname="/etc/passwd", flags=O_WRONLY|O_CREAT, mode=0644) = 4"#
    );
    assert_eq!(
        named(NR_READ, [3, 0x2000, 4, 0, 0, 0], &mem, Outcome::Ok(4)),
        r#"read(fd=3, buf="abcd", count=4)         = 4"#
    );
    // A failed read's buffer is its address, still named.
    assert_eq!(
        named(NR_READ, [3, 0x2000, 4, 0, 0, 0], &mem, Outcome::Err(9)),
        "read(fd=3, buf=0x2000, count=4)         = -1 EBADF (Bad file descriptor)"
    );
    assert_eq!(
        named(NR_WRITE, [1, 0x2000, 3, 0, 0, 0], &mem, Outcome::Ok(3)),
        r#"write(fd=1, buf="abc", count=3)         = 3"#
    );
    assert_eq!(
        named(
            NR_MMAP,
            [0, 4096, 1, 0x22, -1i64 as u64, 0],
            &mem,
            Outcome::Ok(0x7f00_0000_0000)
        ),
        "mmap(addr=NULL, length=4096, prot=PROT_READ, flags=MAP_PRIVATE|MAP_ANONYMOUS, fd=-1, offset=0) = 0x7f0000000000"
    );
    assert_eq!(
        named(NR_IOCTL, [3, 0x541b, 0x3000, 0, 0, 0], &mem, Outcome::Ok(0)),
        "ioctl(fd=3, op=FIONREAD, argp=[7])      = 0"
    );
    // AF_INET, SOCK_STREAM, IPPROTO_IP.
    assert_eq!(
        named(NR_SOCKET, [2, 1, 0, 0, 0, 0], &mem, Outcome::Ok(3)),
        "socket(domain=AF_INET, type=SOCK_STREAM, protocol=IPPROTO_IP) = 3"
    );
    assert_eq!(
        named(NR_KILL, [1234, 15, 0, 0, 0, 0], &mem, Outcome::Ok(0)),
        "kill(pid=1234, signum=SIGTERM)          = 0"
    );
    // WNOHANG.
    assert_eq!(
        named(
            NR_WAIT4,
            [-1i64 as u64, 0, 1, 0, 0, 0],
            &mem,
            Outcome::Ok(0)
        ),
        "wait4(pid=-1, status=NULL, options=WNOHANG, usage=NULL) = 0"
    );
}

/// The lines strace 6.16's own tests expect under `-N` (tests/fchdir.c, tests/flock.c).
#[test]
fn as_strace_6_16s_tests_expect() {
    let mem = FakeMemory::new();
    let fd = 0xdead_beef_ffff_ffff;
    assert_eq!(
        named(81, [fd, 0, 0, 0, 0, 0], &mem, Outcome::Err(9)),
        "fchdir(fd=-1)                           = -1 EBADF (Bad file descriptor)"
    );
    // LOCK_SH.
    assert_eq!(
        named(73, [fd, 1, 0, 0, 0, 0], &mem, Outcome::Err(9)),
        "flock(fd=-1, op=LOCK_SH)                = -1 EBADF (Bad file descriptor)"
    );
}

#[test]
fn decoders_of_several_registers_name_each() {
    let mem = FakeMemory::new().with(0x1000, b"worker\0");
    // FUTEX_WAIT_PRIVATE: val, then the timeout.
    assert_eq!(
        named(NR_FUTEX, [0x2000, 0x80, 5, 0, 0, 0], &mem, Outcome::Ok(0)),
        "futex(uaddr=0x2000, futex_op=FUTEX_WAIT_PRIVATE, val=5, timeout=NULL) = 0"
    );
    // FUTEX_WAKE_OP_PRIVATE: val2 in the timeout's register.
    assert_eq!(
        named(
            NR_FUTEX,
            [0x2000, 0x85, 1, 1, 0x3000, 0],
            &mem,
            Outcome::Ok(0)
        ),
        "futex(uaddr=0x2000, futex_op=FUTEX_WAKE_OP_PRIVATE, val=1, val2=1, uaddr2=0x3000, val3=FUTEX_OP_SET<<28|0<<12|FUTEX_OP_CMP_EQ<<24|0) = 0"
    );
    // prctl's names by option, as strace 6.16's; registers it does not name by number.
    assert_eq!(
        named(NR_PRCTL, [15, 0x1000, 0, 0, 0, 0], &mem, Outcome::Ok(0)),
        r#"prctl(op=PR_SET_NAME, name="worker")    = 0"#
    );
    // PR_GET_NAME: the name the call wrote, at exit.
    assert_eq!(
        named(NR_PRCTL, [16, 0x1000, 0, 0, 0, 0], &mem, Outcome::Ok(0)),
        r#"prctl(op=PR_GET_NAME, name="worker")    = 0"#
    );
    // PR_MCE_KILL, PR_MCE_KILL_SET, PR_MCE_KILL_EARLY.
    assert_eq!(
        named(NR_PRCTL, [33, 1, 1, 0, 0, 0], &mem, Outcome::Ok(0)),
        "prctl(op=PR_MCE_KILL, operation=PR_MCE_KILL_SET, policy=PR_MCE_KILL_EARLY, arg4=0, arg5=0) = 0"
    );
    // PR_SET_NO_NEW_PRIVS.
    assert_eq!(
        named(NR_PRCTL, [38, 1, 0, 0, 0, 0], &mem, Outcome::Ok(0)),
        "prctl(op=PR_SET_NO_NEW_PRIVS, set=1, arg3=0, arg4=0, arg5=0) = 0"
    );
    // An option of no known shape: its registers by number.
    assert_eq!(
        named(NR_PRCTL, [0x7777, 1, 2, 3, 4, 0], &mem, Outcome::Ok(0)),
        "prctl(op=0x7777 /* PR_??? */, arg2=0x1, arg3=0x2, arg4=0x3, arg5=0x4) = 0"
    );
    // clone's names are strace's always, shown once under -N.
    assert_eq!(
        named(
            NR_CLONE,
            [0x1200011, 0, 0, 0x7f00, 0, 0],
            &mem,
            Outcome::Ok(1234)
        ),
        "clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD, child_tidptr=0x7f00) = 1234"
    );
    // keyctl's by command: KEYCTL_SETPERM, KEY_SPEC_SESSION_KEYRING; an unknown command's
    // registers by number.
    assert_eq!(
        named(
            250,
            [5, -3i64 as u64, 0x3f00_0000, 0, 0, 0],
            &mem,
            Outcome::Ok(0)
        ),
        "keyctl(operation=KEYCTL_SETPERM, key=KEY_SPEC_SESSION_KEYRING, perms=KEY_POS_VIEW|KEY_POS_READ|KEY_POS_WRITE|KEY_POS_SEARCH|KEY_POS_LINK|KEY_POS_SETATTR) = 0"
    );
    assert_eq!(
        named(250, [99, 1, 2, 3, 4, 0], &mem, Outcome::Ok(0)),
        "keyctl(operation=0x63 /* KEYCTL_??? */, arg2=0x1, arg3=0x2, arg4=0x3, arg5=0x4) = 0"
    );
    // PTRACE_CONT.
    assert_eq!(
        named(NR_PTRACE, [7, 1234, 0, 0, 0, 0], &mem, Outcome::Ok(0)),
        "ptrace(op=PTRACE_CONT, pid=1234, addr=NULL, data=0) = 0"
    );
}

#[test]
fn unnamed_registers_are_arg1_to_arg6() {
    let mem = FakeMemory::new().with(0x1000, b"/etc/passwd\0");
    assert_eq!(
        named(500, [1, 2, 3, 0, 0xff, 0], &mem, Outcome::Ok(4)),
        "syscall_0x1f4(arg1=0x1, arg2=0x2, arg3=0x3, arg4=0, arg5=0xff, arg6=0) = 0x4"
    );
    // -e raw=openat: its three registers.
    assert_eq!(
        named_call(
            NR_OPENAT,
            [-100i64 as u64, 0x1000, 0, 0, 0, 0],
            &mem,
            Outcome::Ok(3),
            true
        ),
        "openat(arg1=0xffffffffffffff9c, arg2=0x1000, arg3=0, arg4=0) = 0x3"
    );
}

#[test]
fn pseudo_arguments_and_time_are_unnamed_as_in_strace() {
    let mem = FakeMemory::new();
    assert_eq!(
        named(NR_TIME, [0; 6], &mem, Outcome::Ok(1795829371)),
        "time(NULL)                              = 1795829371 (2026-11-28T01:29:31+0000)"
    );
    let mut call = Call::new(219, [0; 6], 0);
    let (entry_half, exit_half) = halves(&mut call, &mem, Outcome::Ok(0));
    assert_eq!(
        unpadded(&format!("{entry_half}{exit_half}")),
        "<... resuming interrupted read ...>) = 0"
    );
}

#[test]
fn the_names_of_arguments_shown_at_exit_follow_the_separator_of_the_entry() {
    // `read(fd=3, <unfinished ...>` then `<... read resumed>buf="ab", count=2) = 2`.
    let mem = FakeMemory::new().with(0x2000, b"ab");
    let mut call = Call::new(NR_READ, [3, 0x2000, 2, 0, 0, 0], 0);
    let (entry_half, exit_half) = halves(&mut call, &mem, Outcome::Ok(2));
    assert_eq!(entry_half, "fd=3, ");
    assert_eq!(unpadded(&exit_half), r#"buf="ab", count=2) = 2"#);
}

#[test]
fn every_argument_has_a_name_of_its_own() {
    let is_ident = |s: &str| {
        let mut chars = s.chars();
        chars
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
            && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
    };
    let mut seen = 0;
    for nr in 0..2048 {
        let Some(desc) = table::syscall(nr) else {
            continue;
        };
        seen += 1;
        for (i, arg) in desc.args.iter().enumerate() {
            assert!(is_ident(arg.name), "{}: `{}`", desc.name, arg.name);
            assert!(
                !desc.args[..i].iter().any(|a| a.name == arg.name),
                "{}: `{}` twice",
                desc.name,
                arg.name
            );
        }
        // One name per register, but where a decoder reads several registers as one argument
        // (naming them itself) or an argument is no register (rt_sigreturn's frame).
        let several = desc.args.iter().any(|a| {
            !a.kind.def().decoder.is_empty()
                || matches!(a.kind, Kind::SigreturnFrame | Kind::InterruptedCall)
        });
        assert!(
            several || desc.args.len() == usize::from(desc.nargs),
            "{}: {} names for {} registers",
            desc.name,
            desc.args.len(),
            desc.nargs
        );
    }
    assert!(seen > 350, "{seen} syscalls");
}
