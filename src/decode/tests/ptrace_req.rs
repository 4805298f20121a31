//! `ptrace` as a tracee calls it (`decode/ptrace_req.rs`).

use super::*;

#[test]
fn ptrace_lines() {
    let mem = FakeMemory::new().with(0x1000, &words(&[0x1234]));
    let l = |args: [u64; 6], outcome| line(NR_PTRACE, args, &mem, outcome);
    assert_eq!(
        l([0; 6], Outcome::Ok(0)),
        "ptrace(PTRACE_TRACEME)                  = 0"
    );
    assert_eq!(
        l([2, 42, 0x7000, 0x1000, 0, 0], Outcome::Ok(0)),
        "ptrace(PTRACE_PEEKDATA, 42, 0x7000, [0x1234]) = 0"
    );
    assert_eq!(
        l([2, 42, 0x7000, UNREADABLE, 0, 0], Outcome::Ok(0)),
        "ptrace(PTRACE_PEEKDATA, 42, 0x7000, 0xdead0000) = 0"
    );
    assert_eq!(
        l([12, 42, 0, UNREADABLE, 0, 0], Outcome::Ok(0)),
        "ptrace(PTRACE_GETREGS, 42, 0xdead0000)  = 0"
    );
    assert_eq!(
        l([0x4206, 42, 0, 0x10_0001, 0, 0], Outcome::Ok(0)),
        "ptrace(PTRACE_SEIZE, 42, NULL, PTRACE_O_TRACESYSGOOD|PTRACE_O_EXITKILL) = 0"
    );
    assert_eq!(
        l([0x11, 42, 0, 18, 0, 0], Outcome::Ok(0)),
        "ptrace(PTRACE_DETACH, 42, NULL, SIGCONT) = 0"
    );
    assert_eq!(
        l([0x4207, 42, 0, 0, 0, 0], Outcome::Ok(0)),
        "ptrace(PTRACE_INTERRUPT, 42)            = 0"
    );
}
