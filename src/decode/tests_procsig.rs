//! Process and signal decoders against fake memory: exact lines, NULL and unreadable pointers.
//! Expected lines are what strace 6.1 prints for the same values.

use super::Outcome;
use super::tests::line;
use crate::mem::FakeMemory;

const NR_RT_SIGACTION: u64 = 13;
const NR_RT_SIGPROCMASK: u64 = 14;
const NR_WAIT4: u64 = 61;
const NR_RT_SIGPENDING: u64 = 127;
const NR_RT_SIGTIMEDWAIT: u64 = 128;
const NR_RT_SIGQUEUEINFO: u64 = 129;
const NR_RT_SIGSUSPEND: u64 = 130;
const NR_SIGALTSTACK: u64 = 131;
const NR_WAITID: u64 = 247;
const NR_SIGNALFD4: u64 = 289;
const NR_PIDFD_SEND_SIGNAL: u64 = 424;
const NR_PIDFD_OPEN: u64 = 434;

const EINVAL: u64 = 22;
const EFAULT: u64 = 14;
const EAGAIN: u64 = 11;
const ECHILD: u64 = 10;
const EINTR_RESTART: u64 = 514; // ERESTARTNOHAND

fn sig(n: u32) -> u64 {
    1 << (n - 1)
}

fn words(ws: &[u64]) -> Vec<u8> {
    ws.iter().flat_map(|w| w.to_ne_bytes()).collect()
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
            Outcome::Err(EINTR_RESTART)
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

fn siginfo_usr1(pid: i32) -> Vec<u8> {
    let mut raw = vec![0u8; 128];
    raw[0..4].copy_from_slice(&10i32.to_ne_bytes());
    raw[16..20].copy_from_slice(&pid.to_ne_bytes());
    raw
}

#[test]
fn rt_sigtimedwait_and_siginfo_pointers() {
    let ts = words(&[0, 1000]);
    let mem = FakeMemory::new()
        .with(0x1000, &sig(10).to_ne_bytes())
        .with(0x2000, &siginfo_usr1(1748))
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
fn wait4_statuses() {
    let status = |s: i32| FakeMemory::new().with(0x1000, &s.to_ne_bytes());
    let cases = [
        (0x0300, "[{WIFEXITED(s) && WEXITSTATUS(s) == 3}]"),
        (9, "[{WIFSIGNALED(s) && WTERMSIG(s) == SIGKILL}]"),
        (
            0x8b,
            "[{WIFSIGNALED(s) && WTERMSIG(s) == SIGSEGV && WCOREDUMP(s)}]",
        ),
        (0x137f, "[{WIFSTOPPED(s) && WSTOPSIG(s) == SIGSTOP}]"),
        (0xffff, "[{WIFCONTINUED(s)}]"),
    ];
    for (s, shown) in cases {
        assert_eq!(
            line(
                NR_WAIT4,
                [1749, 0x1000, 0, 0, 0, 0],
                &status(s),
                Outcome::Ok(1749)
            ),
            format!("wait4(1749, {shown}, 0, NULL) = 1749")
        );
    }
    let mut ru = vec![0u8; std::mem::size_of::<libc::rusage>()];
    ru[8..16].copy_from_slice(&101u64.to_ne_bytes());
    let mem = status(0).with(0x2000, &ru);
    assert_eq!(
        line(
            NR_WAIT4,
            [-1i64 as u64, 0x1000, 0x4000_0000, 0x2000, 0, 0],
            &mem,
            Outcome::Ok(1750)
        ),
        "wait4(-1, [{WIFEXITED(s) && WEXITSTATUS(s) == 0}], __WALL, {ru_utime={tv_sec=0, tv_usec=101}, ru_stime={tv_sec=0, tv_usec=0}, ...}) = 1750"
    );
    assert_eq!(
        line(
            NR_WAIT4,
            [-1i64 as u64, 0x1000, 0xe100_000f, 0, 0, 0],
            &mem,
            Outcome::Err(EINVAL)
        ),
        "wait4(-1, 0x1000, WNOHANG|WEXITED|WSTOPPED|WCONTINUED|WNOWAIT|__WCLONE|__WALL|__WNOTHREAD, NULL) = -1 EINVAL (Invalid argument)"
    );
    assert_eq!(
        line(
            NR_WAIT4,
            [-1i64 as u64, 0x8, 1, 0x10, 0, 0],
            &mem,
            Outcome::Ok(0)
        ),
        "wait4(-1, 0x8, WNOHANG, 0x10)           = 0"
    );
}

#[test]
fn waitid_lines() {
    let mut info = vec![0u8; 128];
    info[0..4].copy_from_slice(&17i32.to_ne_bytes());
    info[8..12].copy_from_slice(&1i32.to_ne_bytes());
    info[16..20].copy_from_slice(&1754i32.to_ne_bytes());
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

const NR_FUTEX: u64 = 202;

#[test]
fn futex_by_operation() {
    let ts = words(&[1, 0]);
    let mem = FakeMemory::new().with(0x3000, &ts);
    let f = |op: u64, a: [u64; 4], outcome: Outcome| {
        line(
            NR_FUTEX,
            [0x7f74_991b_3a4c, op, a[0], a[1], a[2], a[3]],
            &mem,
            outcome,
        )
    };
    let cases = [
        (
            129,
            [i32::MAX as u64, 0, 0, 0],
            "FUTEX_WAKE_PRIVATE, 2147483647",
        ),
        (1, [u64::MAX, 0, 0, 0], "FUTEX_WAKE, 4294967295"),
        (0, [5, 0x3000, 0, 0], "FUTEX_WAIT, 5, {tv_sec=1, tv_nsec=0}"),
        (128, [5, 0, 0, 0], "FUTEX_WAIT_PRIVATE, 5, NULL"),
        (0, [5, 0x8, 0, 0], "FUTEX_WAIT, 5, 0x8"),
        (
            393,
            [0, 0, 0, 0xffff_ffff],
            "FUTEX_WAIT_BITSET_PRIVATE|FUTEX_CLOCK_REALTIME, 0, NULL, FUTEX_BITSET_MATCH_ANY",
        ),
        (10, [1, 0, 0, 3], "FUTEX_WAKE_BITSET, 1, 0x3"),
        (
            131,
            [1, 2, 0x4000, 0],
            "FUTEX_REQUEUE_PRIVATE, 1, 2, 0x4000",
        ),
        (4, [1, 2, 0, 5], "FUTEX_CMP_REQUEUE, 1, 2, NULL, 5"),
        (
            133,
            [1, 2, 0x4000, 0x0400_1000],
            "FUTEX_WAKE_OP_PRIVATE, 1, 2, 0x4000, FUTEX_OP_SET<<28|0x1<<12|FUTEX_OP_CMP_GT<<24|0",
        ),
        (
            5,
            [1, 2, 0x4000, 0xffff_ffff],
            "FUTEX_WAKE_OP, 1, 2, 0x4000, FUTEX_OP_OPARG_SHIFT<<28|0x7<<28 /* FUTEX_OP_??? */|0xfff<<12|0xf<<24 /* FUTEX_OP_CMP_??? */|0xfff",
        ),
        (134, [0, 0, 0, 0], "FUTEX_LOCK_PI_PRIVATE, NULL"),
        (7, [0, 0, 0, 0], "FUTEX_UNLOCK_PI"),
        (
            139,
            [5, 0x3000, 0x4000, 0],
            "FUTEX_WAIT_REQUEUE_PI_PRIVATE, 5, {tv_sec=1, tv_nsec=0}, 0x4000",
        ),
        (130, [1, 0, 0, 0], "FUTEX_FD|FUTEX_PRIVATE_FLAG, 1"),
        (14, [1, 2, 3, 4], "0xe /* FUTEX_??? */, 1, 0x2, 0x3, 0x4"),
        (0x101, [1, 2, 3, 4], "0x101 /* FUTEX_??? */, 1"),
    ];
    for (op, a, shown) in cases {
        let got = f(op, a, Outcome::Ok(0));
        let want = format!("futex(0x7f74991b3a4c, {shown})");
        assert_eq!(
            got,
            format!(
                "{}{}= 0",
                want,
                " ".repeat(40usize.saturating_sub(want.len()).max(1))
            )
        );
    }
}

const NR_CLONE: u64 = 56;
const NR_CLONE3: u64 = 435;

#[test]
fn clone_lines() {
    let mem = FakeMemory::new().with(0x1000, &5631i32.to_ne_bytes());
    assert_eq!(
        line(
            NR_CLONE,
            [0x1200011, 0, 0, 0x7f81_c995_da10, 0, 0],
            &mem,
            Outcome::Ok(5631)
        ),
        "clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD, child_tidptr=0x7f81c995da10) = 5631"
    );
    assert_eq!(
        line(NR_CLONE, [17, 0, 0, 0, 0, 0], &mem, Outcome::Ok(5631)),
        "clone(child_stack=NULL, flags=SIGCHLD)  = 5631"
    );
    assert_eq!(
        line(NR_CLONE, [0, 0, 0, 0, 0, 0], &mem, Outcome::Ok(5631)),
        "clone(child_stack=NULL, flags=0)        = 5631"
    );
    assert_eq!(
        line(
            NR_CLONE,
            [0x180011, 0x8000, 0x1000, 0, 0x1234, 0],
            &mem,
            Outcome::Ok(5631)
        ),
        "clone(child_stack=0x8000, flags=CLONE_SETTLS|CLONE_PARENT_SETTID|SIGCHLD, parent_tid=[5631], tls=0x1234) = 5631"
    );
    // Unreadable, and a failed call: addresses.
    assert_eq!(
        line(
            NR_CLONE,
            [0x100011, 0, 0x8, 0, 0, 0],
            &mem,
            Outcome::Ok(5631)
        ),
        "clone(child_stack=NULL, flags=CLONE_PARENT_SETTID|SIGCHLD, parent_tid=0x8) = 5631"
    );
    assert_eq!(
        line(
            NR_CLONE,
            [0x100011, 0, 0x1000, 0, 0, 0],
            &mem,
            Outcome::Err(EINVAL)
        ),
        "clone(child_stack=NULL, flags=CLONE_PARENT_SETTID|SIGCHLD, parent_tid=0x1000) = -1 EINVAL (Invalid argument)"
    );
}

#[test]
fn clone3_lines() {
    let mut ca = [0u64; 11];
    ca[0] = 0x100000 | 0x1000000; // CLONE_PARENT_SETTID|CLONE_CHILD_SETTID
    ca[2] = 0x2000;
    ca[3] = 0x1000;
    ca[4] = 17;
    let mem = FakeMemory::new()
        .with(0x1000, &5632i32.to_ne_bytes())
        .with(0x3000, &words(&ca));
    assert_eq!(
        line(NR_CLONE3, [0x3000, 88, 0, 0, 0, 0], &mem, Outcome::Ok(5632)),
        "clone3({flags=CLONE_PARENT_SETTID|CLONE_CHILD_SETTID, child_tid=0x2000, parent_tid=0x1000, exit_signal=SIGCHLD, stack=NULL, stack_size=0} => {parent_tid=[5632]}, 88) = 5632"
    );
    assert_eq!(
        line(
            NR_CLONE3,
            [0x3000, 88, 0, 0, 0, 0],
            &mem,
            Outcome::Err(EINVAL)
        ),
        "clone3({flags=CLONE_PARENT_SETTID|CLONE_CHILD_SETTID, child_tid=0x2000, parent_tid=0x1000, exit_signal=SIGCHLD, stack=NULL, stack_size=0}, 88) = -1 EINVAL (Invalid argument)"
    );
    assert_eq!(
        line(
            NR_CLONE3,
            [0x3000, 40, 0, 0, 0, 0],
            &mem,
            Outcome::Err(EINVAL)
        ),
        "clone3(0x3000, 40)                      = -1 EINVAL (Invalid argument)"
    );
    assert_eq!(
        line(NR_CLONE3, [0, 88, 0, 0, 0, 0], &mem, Outcome::Err(EFAULT)),
        "clone3(NULL, 88)                        = -1 EFAULT (Bad address)"
    );
    assert_eq!(
        line(NR_CLONE3, [0x8, 88, 0, 0, 0, 0], &mem, Outcome::Err(EFAULT)),
        "clone3(0x8, 88)                         = -1 EFAULT (Bad address)"
    );
}

const NR_GETRESUID: u64 = 118;
const NR_GETGROUPS: u64 = 115;
const NR_SETGROUPS: u64 = 116;
const NR_SCHED_GETAFFINITY: u64 = 204;
const NR_SCHED_SETPARAM: u64 = 142;
const NR_TIMES: u64 = 100;
const NR_UNAME: u64 = 63;
const NR_GETRUSAGE: u64 = 98;

#[test]
fn ids_groups_and_cpu_masks() {
    let gids: Vec<u8> = [0u32, 5, 100]
        .iter()
        .flat_map(|g| g.to_ne_bytes())
        .collect();
    let mem = FakeMemory::new()
        .with(0x1000, &0i32.to_ne_bytes())
        .with(0x2000, &gids)
        .with(0x3000, &[0x03, 0, 0, 0, 0, 0, 0, 0x80]);
    assert_eq!(
        line(
            NR_GETRESUID,
            [0x1000, 0x1000, 0x1000, 0, 0, 0],
            &mem,
            Outcome::Ok(0)
        ),
        "getresuid([0], [0], [0])                = 0"
    );
    assert_eq!(
        line(
            NR_GETRESUID,
            [0x1000, 0, 0x8, 0, 0, 0],
            &mem,
            Outcome::Ok(0)
        ),
        "getresuid([0], NULL, 0x8)               = 0"
    );
    assert_eq!(
        line(
            NR_GETRESUID,
            [0x1000, 0x1000, 0x8, 0, 0, 0],
            &mem,
            Outcome::Err(EFAULT)
        ),
        "getresuid(0x1000, 0x1000, 0x8)          = -1 EFAULT (Bad address)"
    );
    assert_eq!(
        line(NR_SETGROUPS, [3, 0x2000, 0, 0, 0, 0], &mem, Outcome::Ok(0)),
        "setgroups(3, [0, 5, 100])               = 0"
    );
    assert_eq!(
        line(NR_GETGROUPS, [64, 0x2000, 0, 0, 0, 0], &mem, Outcome::Ok(2)),
        "getgroups(64, [0, 5])                   = 2"
    );
    assert_eq!(
        line(NR_GETGROUPS, [0, 0, 0, 0, 0, 0], &mem, Outcome::Ok(3)),
        "getgroups(0, NULL)                      = 3"
    );
    assert_eq!(
        line(
            NR_SETGROUPS,
            [1, 0x8, 0, 0, 0, 0],
            &mem,
            Outcome::Err(EFAULT)
        ),
        "setgroups(1, 0x8)                       = -1 EFAULT (Bad address)"
    );
    assert_eq!(
        line(
            NR_SCHED_GETAFFINITY,
            [0, 128, 0x3000, 0, 0, 0],
            &mem,
            Outcome::Ok(8)
        ),
        "sched_getaffinity(0, 128, [0 1 63])     = 8"
    );
    assert_eq!(
        line(
            NR_SCHED_GETAFFINITY,
            [0, 4, 0x3000, 0, 0, 0],
            &mem,
            Outcome::Err(EINVAL)
        ),
        "sched_getaffinity(0, 4, 0x3000)         = -1 EINVAL (Invalid argument)"
    );
    assert_eq!(
        line(
            NR_SCHED_GETAFFINITY,
            [0, 8, 0x8, 0, 0, 0],
            &mem,
            Outcome::Ok(8)
        ),
        "sched_getaffinity(0, 8, 0x8)            = 8"
    );
    assert_eq!(
        line(
            NR_SCHED_SETPARAM,
            [0, 0x1000, 0, 0, 0, 0],
            &mem,
            Outcome::Ok(0)
        ),
        "sched_setparam(0, [0])                  = 0"
    );
}

#[test]
fn times_uname_getrusage() {
    let tms = words(&[1, 2, 3, 4]);
    let mut uts = vec![0u8; 390];
    uts[..5].copy_from_slice(b"Linux");
    uts[65..67].copy_from_slice(b"vm");
    uts[130..136].copy_from_slice(b"6.1.0-");
    let mem = FakeMemory::new().with(0x1000, &tms).with(0x2000, &uts);
    assert_eq!(
        line(
            NR_TIMES,
            [0x1000, 0, 0, 0, 0, 0],
            &mem,
            Outcome::Ok(1_718_164_712)
        ),
        "times({tms_utime=1 /* 0.01 s */, tms_stime=2 /* 0.02 s */, tms_cutime=3 /* 0.03 s */, tms_cstime=4 /* 0.04 s */}) = 1718164712"
    );
    assert_eq!(
        line(NR_TIMES, [0, 0, 0, 0, 0, 0], &mem, Outcome::Ok(7)),
        "times(NULL)                             = 7"
    );
    assert_eq!(
        line(NR_UNAME, [0x2000, 0, 0, 0, 0, 0], &mem, Outcome::Ok(0)),
        "uname({sysname=\"Linux\", nodename=\"vm\", ...}) = 0"
    );
    assert_eq!(
        line(NR_UNAME, [0x8, 0, 0, 0, 0, 0], &mem, Outcome::Ok(0)),
        "uname(0x8)                              = 0"
    );
    assert_eq!(
        line(
            NR_GETRUSAGE,
            [0xffff_ffff, 0x8, 0, 0, 0, 0],
            &mem,
            Outcome::Err(EFAULT)
        ),
        "getrusage(RUSAGE_CHILDREN, 0x8)         = -1 EFAULT (Bad address)"
    );
    assert_eq!(
        line(NR_GETRUSAGE, [7, 0, 0, 0, 0, 0], &mem, Outcome::Err(EINVAL)),
        "getrusage(0x7 /* RUSAGE_??? */, NULL)   = -1 EINVAL (Invalid argument)"
    );
}
