//! Signal values (`decode/signal.rs`): `siginfo_t` (on its own and as `waitid` and
//! `rt_sigtimedwait` show it), sigsets, `sigaction`, `sigaltstack` and the `rt_sigreturn`
//! frame.

use super::*;
use crate::decode::signal::UC_SIGMASK_OFFSET;

#[test]
fn siginfo_lines() {
    let mut chld = siginfo_bytes(libc::SIGCHLD, 1); // CLD_EXITED
    put(&mut chld, 16, 5631i32.to_ne_bytes());
    put(&mut chld, 20, 0i32.to_ne_bytes());
    put(&mut chld, 24, 7i32.to_ne_bytes());
    let mut segv = siginfo_bytes(libc::SIGSEGV, 1); // SEGV_MAPERR
    put(&mut segv, 16, 0x10u64.to_ne_bytes());
    let mut tkill = siginfo_bytes(libc::SIGUSR1, -6); // SI_TKILL
    put(&mut tkill, 16, 5600i32.to_ne_bytes());
    assert_eq!(
        rendered(|out| {
            siginfo(&mut Text::new(out), &chld, PidNote::default());
            out.bytes(b"\n");
            siginfo(&mut Text::new(out), &segv, PidNote::default());
            out.bytes(b"\n");
            siginfo(&mut Text::new(out), &tkill, PidNote::default());
        }),
        "{si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=5631, si_uid=0, si_status=7, si_utime=0, si_stime=0}\n\
         {si_signo=SIGSEGV, si_code=SEGV_MAPERR, si_addr=0x10}\n\
         {si_signo=SIGUSR1, si_code=SI_TKILL, si_pid=5600, si_uid=0}"
    );
}

/// strace's printsiginfo rules: `si_errno` by name or unsigned, an id of all ones as `-1`,
/// a code no table names as an unsigned number, the fields of bound and protection-key
/// faults, of SIGIO sent with SI_SIGIO, of a seccomp SIGSYS (the syscall by name when the
/// architecture is this one).
#[test]
fn siginfo_codes_and_fields() {
    let show = |raw: &[u8]| rendered(|out| siginfo(&mut Text::new(out), raw, PidNote::default()));
    let mut queued = siginfo_bytes(libc::SIGUSR1, -1); // SI_QUEUE
    put(&mut queued, 4, (-1i32).to_ne_bytes());
    put(&mut queued, 16, 7i32.to_ne_bytes());
    put(&mut queued, 20, u32::MAX.to_ne_bytes());
    assert_eq!(
        show(&queued),
        "{si_signo=SIGUSR1, si_code=SI_QUEUE, si_errno=4294967295, si_pid=7, si_uid=-1}"
    );
    let mut trap = siginfo_bytes(libc::SIGTRAP, 7);
    put(&mut trap, 4, 2i32.to_ne_bytes());
    assert_eq!(
        show(&trap),
        "{si_signo=SIGTRAP, si_code=0x7, si_errno=ENOENT, si_addr=NULL}"
    );
    let mut prof = siginfo_bytes(libc::SIGPROF, 0xbadc_0dedu32 as i32);
    put(&mut prof, 20, 3u32.to_ne_bytes());
    assert_eq!(
        show(&prof),
        "{si_signo=SIGPROF, si_code=0xbadc0ded, si_pid=0, si_uid=3}"
    );
    let mut bnd = siginfo_bytes(libc::SIGSEGV, 3); // SEGV_BNDERR
    put(&mut bnd, 16, 0x10u64.to_ne_bytes());
    put(&mut bnd, 40, 0x20u64.to_ne_bytes());
    assert_eq!(
        show(&bnd),
        "{si_signo=SIGSEGV, si_code=SEGV_BNDERR, si_addr=0x10, si_lower=NULL, si_upper=0x20}"
    );
    let mut pkey = siginfo_bytes(libc::SIGSEGV, 4); // SEGV_PKUERR
    put(&mut pkey, 32, 3_141_592_653u32.to_ne_bytes());
    assert_eq!(
        show(&pkey),
        "{si_signo=SIGSEGV, si_code=SEGV_PKUERR, si_addr=NULL, si_pkey=3141592653}"
    );
    let mut mce = siginfo_bytes(libc::SIGBUS, 4); // BUS_MCEERR_AR
    put(&mut mce, 24, 0xdeadu16.to_ne_bytes());
    assert_eq!(
        show(&mce),
        "{si_signo=SIGBUS, si_code=BUS_MCEERR_AR, si_addr=NULL, si_addr_lsb=0xdead}"
    );
    let mut sigio = siginfo_bytes(libc::SIGSEGV, -5); // SI_SIGIO
    put(&mut sigio, 16, (-2i64).to_ne_bytes());
    put(&mut sigio, 24, 23i32.to_ne_bytes());
    assert_eq!(
        show(&sigio),
        "{si_signo=SIGSEGV, si_code=SI_SIGIO, si_band=-2, si_fd=23}"
    );
    let mut sys = siginfo_bytes(libc::SIGSYS, 1); // SYS_SECCOMP
    put(&mut sys, 28, 0xc000_003eu32.to_ne_bytes());
    assert_eq!(
        show(&sys),
        "{si_signo=SIGSYS, si_code=SYS_SECCOMP, si_call_addr=NULL, si_syscall=__NR_read, si_arch=AUDIT_ARCH_X86_64}"
    );
    put(&mut sys, 24, u32::MAX.to_ne_bytes());
    put(&mut sys, 28, 0xda7a_1057u32.to_ne_bytes());
    assert_eq!(
        show(&sys),
        "{si_signo=SIGSYS, si_code=SYS_SECCOMP, si_call_addr=NULL, si_syscall=4294967295, si_arch=0xda7a1057 /* AUDIT_ARCH_??? */}"
    );
}

/// A siginfo the kernel left empty (waitid, WNOHANG, no child ready) is `{}` (strace's
/// printsiginfo prints fields only for a signal).
#[test]
fn empty_siginfo() {
    assert_eq!(
        rendered(|out| siginfo(&mut Text::new(out), &[0u8; 128], PidNote::default())),
        "{}"
    );
}

/// waitid's id is read by its idtype: a process group number, a pid, a pidfd.
#[test]
fn waitid_id_by_idtype() {
    let mem = FakeMemory::new();
    // P_PGID, P_PID, P_PIDFD (<linux/wait.h>); WEXITED is 4.
    for (idtype, line_start) in [
        (2, "waitid(P_PGID, 5, NULL, WEXITED, NULL)"),
        (1, "waitid(P_PID, 5, NULL, WEXITED, NULL)"),
        (3, "waitid(P_PIDFD, 5, NULL, WEXITED, NULL)"),
    ] {
        let got = line(NR_WAITID, [idtype, 5, 0, 4, 0, 0], &mem, Outcome::Ok(0));
        assert!(got.starts_with(line_start), "{got}");
    }
    let mut fds = FakeFds {
        fds: HashMap::from([(5, fd_path(b"anon_inode:[pidfd]"))]),
        ..FakeFds::default()
    };
    let got = line_fds(
        NR_WAITID,
        [3, 5, 0, 4, 0, 0],
        &mem,
        &mut fds,
        |_| {},
        Outcome::Ok(0),
    );
    assert!(
        got.starts_with("waitid(P_PIDFD, 5<anon_inode:[pidfd]>, NULL"),
        "{got}"
    );
}

#[test]
fn sigchld_times_in_clock_ticks() {
    let mut raw = siginfo_bytes(libc::SIGCHLD, 1); // CLD_EXITED
    put(&mut raw, 16, 42i32.to_ne_bytes());
    put(&mut raw, 32, 2u64.to_ne_bytes());
    put(&mut raw, 40, 150u64.to_ne_bytes());
    assert_eq!(
        rendered(|out| siginfo(&mut Text::new(out), &raw, PidNote::default())),
        "{si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=42, si_uid=0, si_status=0, \
         si_utime=2 /* 0.02 s */, si_stime=150 /* 1.50 s */}"
    );
}

#[test]
fn first_realtime_signal_is_rtmin() {
    assert_eq!(
        rendered(|out| {
            Text::new(out).sigset((1 << 31) | (1 << 32) | (1 << 33));
            out.bytes(b" ");
            Text::new(out).signal(32);
        }),
        "[RTMIN RT_1 RT_2] SIGRTMIN"
    );
}

#[test]
fn sigreturn_frame_mask_offset_agrees_with_libc() {
    assert_eq!(
        UC_SIGMASK_OFFSET as usize,
        std::mem::offset_of!(libc::ucontext_t, uc_sigmask)
    );
}

#[test]
fn rt_sigreturn_and_sigsets() {
    let sp = 0x9000u64;
    let mut frame = vec![0u8; UC_SIGMASK_OFFSET as usize + 8];
    let mask: u64 = (1 << (libc::SIGINT - 1)) | (1 << (libc::SIGTERM - 1)) | (1 << (34 - 1));
    frame[UC_SIGMASK_OFFSET as usize..].copy_from_slice(&mask.to_ne_bytes());
    let mem = FakeMemory::new().with(sp, &frame);
    let mut call = Call::new(15, [0; 6], sp);
    let mut scratch = Scratch::new();
    let mut ctx = Ctx::for_test(&mem, &mut scratch);
    assert_eq!(
        rendered(|out| {
            entry(&mut Text::new(out), &mut ctx, &mut call);
            out.bytes(b" ");
            Text::new(out).sigset(!(1 << (libc::SIGKILL - 1)));
            out.bytes(b" ");
            Text::new(out).sigset(0);
            out.bytes(b" ");
            // An unreadable frame shows where the mask would have been.
            let mut bad = Call::new(15, [0; 6], 0x8);
            entry(&mut Text::new(out), &mut ctx, &mut bad);
        }),
        "{mask=[INT TERM RT_2]} ~[KILL] [] 0x130"
    );
}

#[test]
fn rt_sigaction_reads_as_much_as_strace() {
    // strace reads 88 bytes (its struct's mask has room for 64 longs): a struct with fewer
    // readable bytes after it is an address, though the kernel reads only 32.
    let act = words(&[1, 0, 0, 0]);
    let mem = FakeMemory::new().with(0x1fc0, &act).with(0x3000, &act);
    assert_eq!(
        line(
            NR_RT_SIGACTION,
            [10, 0x1fc0, 0, 8, 0, 0],
            &mem,
            Outcome::Ok(0)
        ),
        "rt_sigaction(SIGUSR1, 0x1fc0, NULL, 8)  = 0"
    );
    assert_eq!(
        line(
            NR_RT_SIGACTION,
            [10, 0x3000, 0, 8, 0, 0],
            &mem,
            Outcome::Ok(0)
        ),
        "rt_sigaction(SIGUSR1, {sa_handler=SIG_IGN, sa_mask=[], sa_flags=0}, NULL, 8) = 0"
    );
}

#[test]
fn rt_sigaction_lines() {
    let act = words(&[0x55cc_bf35_4269, 0x1400_0000, 0x7fe9_7714_b050, sig(10)]);
    let old = words(&[0, 0, 0, 0]);
    let ign = words(&[1, 0xffff_ffff, 0x1234, !0]);
    let mem = FakeMemory::new()
        .with(0x1000, &act)
        .with(0x2000, &old)
        .with(0x3000, &ign);
    assert_eq!(
        line(
            NR_RT_SIGACTION,
            [10, 0x1000, 0x2000, 8, 0, 0],
            &mem,
            Outcome::Ok(0)
        ),
        "rt_sigaction(SIGUSR1, {sa_handler=0x55ccbf354269, sa_mask=[USR1], sa_flags=SA_RESTORER|SA_RESTART, sa_restorer=0x7fe97714b050}, {sa_handler=SIG_DFL, sa_mask=[], sa_flags=0}, 8) = 0"
    );
    assert_eq!(
        line(
            NR_RT_SIGACTION,
            [12, 0x3000, 0, 8, 0, 0],
            &mem,
            Outcome::Ok(0)
        ),
        "rt_sigaction(SIGUSR2, {sa_handler=SIG_IGN, sa_mask=~[], sa_flags=SA_RESTORER|SA_ONSTACK|SA_RESTART|SA_INTERRUPT|SA_NODEFER|SA_RESETHAND|SA_SIGINFO|SA_NOCLDSTOP|SA_NOCLDWAIT|0x3fffff8, sa_restorer=0x1234}, NULL, 8) = 0"
    );
    // A failed call's old action is its address; unreadable pointers are addresses too.
    assert_eq!(
        line(
            NR_RT_SIGACTION,
            [9, 0x1000, 0x2000, 8, 0, 0],
            &mem,
            Outcome::Err(EINVAL)
        ),
        "rt_sigaction(SIGKILL, {sa_handler=0x55ccbf354269, sa_mask=[USR1], sa_flags=SA_RESTORER|SA_RESTART, sa_restorer=0x7fe97714b050}, 0x2000, 8) = -1 EINVAL (Invalid argument)"
    );
    assert_eq!(
        line(
            NR_RT_SIGACTION,
            [12, 0x8, 0x10, 8, 0, 0],
            &mem,
            Outcome::Err(EFAULT)
        ),
        "rt_sigaction(SIGUSR2, 0x8, 0x10, 8)     = -1 EFAULT (Bad address)"
    );
    assert_eq!(
        line(NR_RT_SIGACTION, [40, 0, 0x8, 8, 0, 0], &mem, Outcome::Ok(0)),
        "rt_sigaction(SIGRT_8, NULL, 0x8, 8)     = 0"
    );
}

#[test]
fn rt_sigprocmask_and_friends() {
    let mem = FakeMemory::new()
        .with(0x1000, &sig(17).to_ne_bytes())
        .with(0x2000, &0u64.to_ne_bytes())
        .with(0x3000, &(!0u64).to_ne_bytes());
    assert_eq!(
        line(
            NR_RT_SIGPROCMASK,
            [0, 0x1000, 0x2000, 8, 0, 0],
            &mem,
            Outcome::Ok(0)
        ),
        "rt_sigprocmask(SIG_BLOCK, [CHLD], [], 8) = 0"
    );
    assert_eq!(
        line(
            NR_RT_SIGPROCMASK,
            [0, 0x3000, 0, 8, 0, 0],
            &mem,
            Outcome::Ok(0)
        ),
        "rt_sigprocmask(SIG_BLOCK, ~[], NULL, 8) = 0"
    );
    assert_eq!(
        line(
            NR_RT_SIGPROCMASK,
            [5, 0x1000, 0x2000, 8, 0, 0],
            &mem,
            Outcome::Err(EINVAL)
        ),
        "rt_sigprocmask(0x5 /* SIG_??? */, [CHLD], 0x2000, 8) = -1 EINVAL (Invalid argument)"
    );
    // Only the kernel's 8-byte set is read; another size shows the addresses.
    assert_eq!(
        line(
            NR_RT_SIGPROCMASK,
            [2, 0x1000, 0x2000, 4, 0, 0],
            &mem,
            Outcome::Err(EINVAL)
        ),
        "rt_sigprocmask(SIG_SETMASK, 0x1000, 0x2000, 4) = -1 EINVAL (Invalid argument)"
    );
    assert_eq!(
        line(
            NR_RT_SIGPROCMASK,
            [2, 0x8, 0x10, 8, 0, 0],
            &mem,
            Outcome::Err(EFAULT)
        ),
        "rt_sigprocmask(SIG_SETMASK, 0x8, 0x10, 8) = -1 EFAULT (Bad address)"
    );
    assert_eq!(
        line(
            NR_RT_SIGPENDING,
            [0x2000, 8, 0, 0, 0, 0],
            &mem,
            Outcome::Ok(0)
        ),
        "rt_sigpending([], 8)                    = 0"
    );
    assert_eq!(
        line(
            NR_RT_SIGSUSPEND,
            [0x2000, 8, 0, 0, 0, 0],
            &mem,
            Outcome::Err(ERESTARTNOHAND)
        ),
        "rt_sigsuspend([], 8)                    = ? ERESTARTNOHAND (To be restarted if no handler)"
    );
    assert_eq!(
        line(
            NR_SIGNALFD4,
            [-1i64 as u64, 0x1000, 8, 0o2004000, 0, 0],
            &mem,
            Outcome::Ok(3)
        ),
        "signalfd4(-1, [CHLD], 8, SFD_CLOEXEC|SFD_NONBLOCK) = 3"
    );
    assert_eq!(
        line(
            NR_SIGNALFD4,
            [-1i64 as u64, 0x1000, 8, 1, 0, 0],
            &mem,
            Outcome::Err(EINVAL)
        ),
        "signalfd4(-1, [CHLD], 8, 0x1 /* SFD_??? */) = -1 EINVAL (Invalid argument)"
    );
}

#[test]
fn rt_sigtimedwait_and_siginfo_pointers() {
    // SIGUSR1 sent by kill(2) (SI_USER) from process 1748.
    let mut usr1 = siginfo_bytes(libc::SIGUSR1, 0);
    put(&mut usr1, 16, 1748i32.to_ne_bytes());
    let ts = words(&[0, 1000]);
    let mem = FakeMemory::new()
        .with(0x1000, &sig(10).to_ne_bytes())
        .with(0x2000, &usr1)
        .with(0x3000, &ts);
    assert_eq!(
        line(
            NR_RT_SIGTIMEDWAIT,
            [0x1000, 0x2000, 0x3000, 8, 0, 0],
            &mem,
            Outcome::Ok(10)
        ),
        "rt_sigtimedwait([USR1], {si_signo=SIGUSR1, si_code=SI_USER, si_pid=1748, si_uid=0}, {tv_sec=0, tv_nsec=1000}, 8) = 10 (SIGUSR1)"
    );
    assert_eq!(
        line(
            NR_RT_SIGTIMEDWAIT,
            [0x1000, 0x2000, 0x3000, 8, 0, 0],
            &mem,
            Outcome::Err(EAGAIN)
        ),
        "rt_sigtimedwait([USR1], 0x2000, {tv_sec=0, tv_nsec=1000}, 8) = -1 EAGAIN (Resource temporarily unavailable)"
    );
    assert_eq!(
        line(
            NR_RT_SIGTIMEDWAIT,
            [0x1000, 0, 0x8, 8, 0, 0],
            &mem,
            Outcome::Err(EFAULT)
        ),
        "rt_sigtimedwait([USR1], NULL, 0x8, 8)   = -1 EFAULT (Bad address)"
    );
    assert_eq!(
        line(
            NR_RT_SIGQUEUEINFO,
            [1748, 10, 0x2000, 0, 0, 0],
            &mem,
            Outcome::Ok(0)
        ),
        "rt_sigqueueinfo(1748, SIGUSR1, {si_signo=SIGUSR1, si_code=SI_USER, si_pid=1748, si_uid=0}) = 0"
    );
    assert_eq!(
        line(
            NR_PIDFD_SEND_SIGNAL,
            [4, 0, 0, 0, 0, 0],
            &mem,
            Outcome::Ok(0)
        ),
        "pidfd_send_signal(4, 0, NULL, 0)        = 0"
    );
    assert_eq!(
        line(
            NR_PIDFD_SEND_SIGNAL,
            [4, 18, 0x8, 5, 0, 0],
            &mem,
            Outcome::Err(EINVAL)
        ),
        "pidfd_send_signal(4, SIGCONT, 0x8, 0x5) = -1 EINVAL (Invalid argument)"
    );
    assert_eq!(
        line(
            NR_PIDFD_OPEN,
            [1748, 0o4000, 0, 0, 0, 0],
            &mem,
            Outcome::Ok(5)
        ),
        "pidfd_open(1748, PIDFD_NONBLOCK)        = 5"
    );
}

#[test]
fn sigaltstack_lines() {
    let ss = words(&[0x7ffe_1c10_3ed0, 0, 8192]);
    let old = words(&[0, 2, 0]);
    let mem = FakeMemory::new().with(0x1000, &ss).with(0x2000, &old);
    assert_eq!(
        line(
            NR_SIGALTSTACK,
            [0x1000, 0x2000, 0, 0, 0, 0],
            &mem,
            Outcome::Ok(0)
        ),
        "sigaltstack({ss_sp=0x7ffe1c103ed0, ss_flags=0, ss_size=8192}, {ss_sp=NULL, ss_flags=SS_DISABLE, ss_size=0}) = 0"
    );
    assert_eq!(
        line(
            NR_SIGALTSTACK,
            [0x8, 0, 0, 0, 0, 0],
            &mem,
            Outcome::Err(EFAULT)
        ),
        "sigaltstack(0x8, NULL)                  = -1 EFAULT (Bad address)"
    );
}

#[test]
fn waitid_lines() {
    let mut info = siginfo_bytes(libc::SIGCHLD, 1); // CLD_EXITED
    put(&mut info, 16, 1754i32.to_ne_bytes());
    let mem = FakeMemory::new().with(0x1000, &info);
    assert_eq!(
        line(NR_WAITID, [1, 1754, 0x1000, 4, 0, 0], &mem, Outcome::Ok(0)),
        "waitid(P_PID, 1754, {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=1754, si_uid=0, si_status=0, si_utime=0, si_stime=0}, WEXITED, NULL) = 0"
    );
    assert_eq!(
        line(
            NR_WAITID,
            [3, 4, 0x1000, 7, 0, 0],
            &mem,
            Outcome::Err(ECHILD)
        ),
        "waitid(P_PIDFD, 4, 0x1000, WNOHANG|WEXITED|WSTOPPED, NULL) = -1 ECHILD (No child processes)"
    );
    assert_eq!(
        line(NR_WAITID, [7, 0, 0x8, 0, 0, 0], &mem, Outcome::Ok(0)),
        "waitid(0x7 /* P_??? */, 0, 0x8, 0, NULL) = 0"
    );
}

/// `rt_sigpending` takes any size from 1 to the kernel's 8 bytes (the old `sigpending`
/// shares its code), and strace shows the set read with that size, in whole 32-bit words
/// (its complement within them); the other calls show the address for any size but 8.
#[test]
fn rt_sigpending_short_sizes() {
    // SIGHUP and SIGINT pending; a byte the call did not write past the first.
    let mem = FakeMemory::new()
        .with(0x1000, &[0x03, 0xff, 0xff, 0xff, 0x55, 0, 0, 0])
        .with(0x2000, &[0xfe, 0xff, 0xff, 0xff, 0, 0, 0, 0])
        .with(0x4000 - 2, &[0x03, 0x00]);
    let pending = |addr: u64, size: u64, mem: &FakeMemory| {
        line(
            NR_RT_SIGPENDING,
            [addr, size, 0, 0, 0, 0],
            mem,
            Outcome::Ok(0),
        )
    };
    assert_eq!(
        pending(0x1000, 1, &mem),
        "rt_sigpending([HUP INT], 1)             = 0"
    );
    assert_eq!(
        pending(0x4000 - 2, 2, &mem),
        "rt_sigpending([HUP INT], 2)             = 0"
    );
    // Four bytes: one word, whose complement shows from 21 bits set.
    assert_eq!(
        pending(0x2000, 4, &mem),
        "rt_sigpending(~[HUP], 4)                = 0"
    );
    assert_eq!(
        pending(0x2000, 8, &mem),
        "rt_sigpending([INT QUIT ILL TRAP ABRT BUS FPE KILL USR1 SEGV USR2 PIPE ALRM TERM STKFLT CHLD CONT STOP TSTP TTIN TTOU URG XCPU XFSZ VTALRM PROF WINCH IO PWR SYS RTMIN], 8) = 0"
    );
    assert_eq!(
        pending(0x1000, 0, &mem),
        "rt_sigpending(0x1000, 0)                = 0"
    );
    assert_eq!(
        pending(0x1000, 16, &mem),
        "rt_sigpending(0x1000, 16)               = 0"
    );
    // Read with the size given: two bytes at the end of a page are there, four are not.
    assert_eq!(
        pending(0x4000 - 2, 4, &mem),
        "rt_sigpending(0x3ffe, 4)                = 0"
    );
    // rt_sigprocmask keeps to the kernel's size.
    assert_eq!(
        line(
            NR_RT_SIGPROCMASK,
            [2, 0x1000, 0, 4, 0, 0],
            &mem,
            Outcome::Err(EINVAL)
        ),
        "rt_sigprocmask(SIG_SETMASK, 0x1000, NULL, 4) = -1 EINVAL (Invalid argument)"
    );
}
