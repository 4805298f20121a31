//! `ptrace(2)` end to end: `tests/helpers/h_ptrace.c` makes every request strace decodes,
//! first on a pid that does not exist (NULL, unreadable, half-readable and readable
//! arguments), then on a stopped child of its own (register sets cut by their lengths,
//! pending signals, `PTRACE_GET_SYSCALL_INFO` at every size). Traced by the real strace twice
//! and by strace-rs under a few option sets: every line both strace runs print alike must
//! come out of strace-rs the same. strace-rs is a ptrace user itself; the helper's child is
//! traced by the helper alone.

mod common;

use common::*;

/// The lines after the marker and the messages of `tracer` running the helper with `opts`,
/// addresses masked and the child's pid (what `clone` returned) as `CPID`.
fn traced(tracer: &str, opts: &[&str]) -> (Vec<String>, Vec<String>) {
    let (lines, messages) = helper_lines(tracer, opts, "h_ptrace");
    let child = lines
        .iter()
        .find(|l| l.starts_with("clone("))
        .and_then(|l| l.rsplit(" = ").next())
        .map(str::to_string);
    let lines = match child {
        Some(pid) => lines.iter().map(|l| l.replace(&pid, "CPID")).collect(),
        None => lines,
    };
    (lines, messages)
}

#[test]
fn ptrace_requests_like_strace() {
    if !real_strace_available() {
        return;
    }
    let sets: [&[&str]; 7] = [
        &["-e", "trace=ptrace,clone,write"],
        &["-e", "trace=ptrace,clone,write", "-X", "raw"],
        &["-e", "trace=ptrace,clone,write", "-X", "verbose"],
        &["-e", "trace=ptrace,clone,write", "-y"],
        &["-e", "trace=ptrace,clone,write", "-v"],
        &["-e", "trace=ptrace,clone,write", "-s", "5"],
        &["-e", "trace=ptrace,clone,write", "-e", "verbose=none"],
    ];
    let problems: Vec<String> = sets
        .iter()
        .flat_map(|opts| unlike_strace(&format!("{opts:?}"), true, |t| traced(t, opts)))
        .collect();
    assert_no_problems(&problems);
}

/// The lines the comparison rests on are there: the helper's requests reached both the
/// missing pid and the stopped child, and their arguments decoded.
#[test]
fn ptrace_requests_decoded() {
    let (lines, _) = traced(STRACE_RS, &["-e", "trace=ptrace,clone,write"]);
    let has = |s: &str| lines.iter().any(|l| l.contains(s));
    for want in [
        "ptrace(0xADDR /* PTRACE_??? */, 2147483632, NULL, NULL) = -1 ESRCH",
        "ptrace(PTRACE_POKEUSER, 2147483632, 8*RAX+4, 0x1234) = -1 ESRCH",
        "ptrace(PTRACE_SETREGSET, 2147483632, NT_PRSTATUS, {iov_base={r15=0x1, r14=0x2, \
         r13=0x3}, iov_len=24}) = -1 ESRCH",
        "ptrace(PTRACE_PEEKSIGINFO, CPID, {off=0, flags=0, nr=4}, [{si_signo=SIGUSR1, \
         si_code=SI_TKILL, si_pid=CPID, si_uid=0}, {si_signo=SIGUSR2, si_code=SI_TKILL, \
         si_pid=CPID, si_uid=0}]) = 2",
        "ptrace(PTRACE_GET_SYSCALL_INFO, CPID, 1, {op=PTRACE_SYSCALL_INFO_NONE}) = 24",
        "ptrace(PTRACE_GETSIGMASK, CPID, 8, [USR1 USR2]) = 0",
        ", iov_len=224 => 216}) = 0",
        ", iov_len=520 => 512}) = 0",
    ] {
        assert!(has(want), "no line with {want:?} in:\n{}", lines.join("\n"));
    }
}
