//! End-to-end tests of the process and signal decoders.
//!
//! Every expected line was taken from Debian's strace 6.1 on x86_64 running
//! `tests/helpers/h_procsig.c` in the same mode, then masked with
//! `common::mask` (addresses -> `0xADDR`, the tracee's pid -> `PID`) and
//! [`mask_children`] (the pids fork/clone return -> `CPID`).

mod common;

use common::*;

/// Replaces the pids of the children the helper made (what `fork()`,
/// `clone(` and `clone3(` returned) with `CPID`, keeping the `=` column.
fn mask_children(lines: Vec<String>) -> Vec<String> {
    let mut children: Vec<String> = Vec::new();
    for l in &lines {
        if (l.starts_with("fork()") || l.starts_with("clone(") || l.starts_with("clone3("))
            && let Some(res) = l.rsplit(" = ").next()
            && !res.is_empty()
            && res.bytes().all(|c| c.is_ascii_digit())
            && res != "0"
        {
            children.push(res.to_string());
        }
    }
    lines
        .into_iter()
        .map(|l| {
            let mut m = l.clone();
            for c in &children {
                m = replace_pid(&m, c, "CPID");
            }
            if m == l {
                return m;
            }
            match m.rfind(" = ") {
                // Recompute the padding of the masked line.
                Some(i) => format!(
                    "{}{}",
                    pad_to(m[..i].trim_end(), DEFAULT_COLUMN),
                    &m[i + 1..]
                ),
                None => m,
            }
        })
        .collect()
}

/// The masked lines after the marker of `h_procsig MODE` under strace-rs.
fn procsig_lines(mode: &str) -> Vec<String> {
    let (_dir, run) = trace_helper(STRACE_RS, &[], "h_procsig", &[mode]);
    assert_eq!(
        describe_status(&run.status),
        "exited with 0",
        "strace-rs tracing h_procsig {mode}; stderr:\n{}\ntrace:\n{}",
        run.stderr,
        run.trace
    );
    assert_eq!(run.stderr, "", "strace-rs wrote to stderr with -o");
    mask_children(masked_after_marker(&run))
}

/// rt_sigaction (handlers, SIG_IGN, every SA_* flag, unknown flags, a full
/// mask, a failed call's old action, bad pointers, a real-time signal),
/// rt_sigprocmask, rt_sigpending, rt_sigtimedwait (timeout, a pending
/// signal, a bad set size), sigaltstack, signalfd4, pidfd_open,
/// pidfd_send_signal and rt_sigqueueinfo.
#[test]
fn signal_calls() {
    assert_lines(
        &procsig_lines("signal"),
        &[
            r#"getpid()                                = PID"#,
            r#"rt_sigaction(SIGUSR1, {sa_handler=0xADDR, sa_mask=[USR1], sa_flags=SA_RESTORER|SA_RESTART, sa_restorer=0x1234}, {sa_handler=SIG_DFL, sa_mask=[], sa_flags=0}, 8) = 0"#,
            r#"rt_sigaction(SIGUSR1, NULL, {sa_handler=0xADDR, sa_mask=[USR1], sa_flags=SA_RESTORER|SA_RESTART, sa_restorer=0x1234}, 8) = 0"#,
            r#"rt_sigaction(SIGUSR2, {sa_handler=SIG_IGN, sa_mask=~[], sa_flags=SA_RESTORER|SA_ONSTACK|SA_RESTART|SA_INTERRUPT|SA_NODEFER|SA_RESETHAND|SA_SIGINFO|SA_NOCLDSTOP|SA_NOCLDWAIT|0x3fffff8, sa_restorer=0x1234}, NULL, 8) = 0"#,
            r#"rt_sigaction(SIGKILL, {sa_handler=SIG_IGN, sa_mask=[INT RT_9], sa_flags=SA_ONSTACK|SA_SIGINFO}, 0xADDR, 8) = -1 EINVAL (Invalid argument)"#,
            r#"rt_sigaction(SIGUSR2, 0x8, 0x10, 8)     = -1 EFAULT (Bad address)"#,
            r#"rt_sigaction(SIGRT_8, NULL, {sa_handler=SIG_DFL, sa_mask=[], sa_flags=0}, 8) = 0"#,
            r#"rt_sigprocmask(SIG_BLOCK, [USR1], [CHLD], 8) = 0"#,
            r#"rt_sigprocmask(SIG_UNBLOCK, NULL, [USR1 CHLD], 8) = 0"#,
            r#"rt_sigprocmask(0x5 /* SIG_??? */, [USR1], 0xADDR, 8) = -1 EINVAL (Invalid argument)"#,
            r#"rt_sigprocmask(SIG_SETMASK, 0xADDR, 0xADDR, 4) = -1 EINVAL (Invalid argument)"#,
            r#"rt_sigprocmask(SIG_SETMASK, 0x8, 0x10, 8) = -1 EFAULT (Bad address)"#,
            r#"rt_sigpending([], 8)                    = 0"#,
            r#"rt_sigtimedwait([USR1], 0xADDR, {tv_sec=0, tv_nsec=1000}, 8) = -1 EAGAIN (Resource temporarily unavailable)"#,
            r#"kill(PID, SIGUSR1)                      = 0"#,
            r#"rt_sigpending([USR1], 8)                = 0"#,
            r#"rt_sigtimedwait([USR1], {si_signo=SIGUSR1, si_code=SI_USER, si_pid=PID, si_uid=0}, {tv_sec=0, tv_nsec=1000}, 8) = 10 (SIGUSR1)"#,
            r#"rt_sigtimedwait(0xADDR, NULL, NULL, 4)  = -1 EINVAL (Invalid argument)"#,
            r#"sigaltstack({ss_sp=0xADDR, ss_flags=0, ss_size=8192}, {ss_sp=NULL, ss_flags=SS_DISABLE, ss_size=0}) = 0"#,
            r#"sigaltstack(NULL, {ss_sp=0xADDR, ss_flags=0, ss_size=8192}) = 0"#,
            r#"sigaltstack(0x8, NULL)                  = -1 EFAULT (Bad address)"#,
            r#"sigaltstack({ss_sp=0xADDR, ss_flags=SS_DISABLE, ss_size=8192}, NULL) = 0"#,
            r#"signalfd4(-1, [USR1], 8, SFD_CLOEXEC|SFD_NONBLOCK) = 3"#,
            r#"signalfd4(-1, [USR1], 8, 0x1 /* SFD_??? */) = -1 EINVAL (Invalid argument)"#,
            r#"pidfd_open(PID, 0)                      = 4"#,
            r#"pidfd_open(PID, PIDFD_NONBLOCK)         = 5"#,
            r#"pidfd_send_signal(4, 0, NULL, 0)        = 0"#,
            r#"pidfd_send_signal(4, SIGCONT, 0x8, 0x5) = -1 EINVAL (Invalid argument)"#,
            r#"rt_sigqueueinfo(PID, SIGUSR1, {si_signo=SIGUSR1, si_code=SI_QUEUE, si_pid=PID, si_uid=0}) = 0"#,
            r#"rt_sigqueueinfo(PID, SIGUSR1, {si_signo=SIGUSR1, si_code=SI_QUEUE, si_pid=PID, si_uid=0, si_int=5, si_ptr=0x5}) = 0"#,
            r#"rt_sigqueueinfo(PID, SIGUSR1, {si_signo=SIGUSR1, si_code=SI_QUEUE, si_errno=ENOENT, si_pid=PID, si_uid=0, si_int=5, si_ptr=0x5}) = 0"#,
            r#"rt_sigqueueinfo(PID, SIGUSR1, {si_signo=SIGUSR1, si_code=SI_QUEUE, si_errno=4294967295, si_pid=PID, si_uid=-1, si_int=5, si_ptr=0x5}) = 0"#,
            r#"pidfd_send_signal(4, SIGCONT, 0x8, 0x5) = -1 EINVAL (Invalid argument)"#,
            r#"exit_group(0)                           = ?"#,
            r#"+++ exited with 0 +++"#,
        ],
    );
}

/// wait4 (exited, killed, NULL status, every option, bad pointers) and
/// waitid (siginfo out, P_* types, a failed call's siginfo address).
#[test]
fn wait_calls() {
    assert_lines(
        &procsig_lines("wait"),
        &[
            r#"fork()                                  = CPID"#,
            r#"wait4(CPID, [{WIFEXITED(s) && WEXITSTATUS(s) == 3}], 0, NULL) = CPID"#,
            r#"fork()                                  = CPID"#,
            r#"wait4(-1, [{WIFSIGNALED(s) && WTERMSIG(s) == SIGKILL}], WSTOPPED|WCONTINUED|__WALL, NULL) = CPID"#,
            r#"fork()                                  = CPID"#,
            r#"wait4(CPID, NULL, 0, NULL)              = CPID"#,
            r#"wait4(-1, 0xADDR, WNOHANG|__WCLONE|__WNOTHREAD|0x100, NULL) = -1 EINVAL (Invalid argument)"#,
            r#"wait4(-1, 0x8, WNOHANG, NULL)           = -1 ECHILD (No child processes)"#,
            r#"fork()                                  = CPID"#,
            // Nothing reaped yet: the status and usage are not decoded.
            r#"wait4(CPID, 0xADDR, WNOHANG, 0xADDR)    = 0"#,
            r#"kill(CPID, SIGKILL)                     = 0"#,
            r#"wait4(CPID, NULL, 0, NULL)              = CPID"#,
            r#"fork()                                  = CPID"#,
            r#"waitid(P_PID, CPID, {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=CPID, si_uid=0, si_status=5, si_utime=0, si_stime=0}, WEXITED|WNOWAIT, NULL) = 0"#,
            r#"waitid(P_ALL, 0, NULL, WEXITED, NULL)   = 0"#,
            r#"waitid(P_PGID, 0, 0xADDR, WNOHANG|WEXITED|WSTOPPED, NULL) = -1 ECHILD (No child processes)"#,
            r#"waitid(0x7 /* P_??? */, 0, NULL, 0, NULL) = -1 EINVAL (Invalid argument)"#,
            r#"exit_group(0)                           = ?"#,
            r#"+++ exited with 0 +++"#,
        ],
    );
}

/// futex: every operation's argument list, _PRIVATE and
/// FUTEX_CLOCK_REALTIME names, timeouts, FUTEX_WAKE_OP's encoded operation,
/// unknown operations, a bad timeout pointer and a NULL futex word.
#[test]
fn futex_calls() {
    assert_lines(
        &procsig_lines("futex"),
        &[
            r#"futex(0xADDR, FUTEX_WAKE_PRIVATE, 2147483647) = 0"#,
            r#"futex(0xADDR, FUTEX_WAKE, 4294967295)   = 0"#,
            r#"futex(0xADDR, FUTEX_WAIT_PRIVATE, 4, NULL) = -1 EAGAIN (Resource temporarily unavailable)"#,
            r#"futex(0xADDR, FUTEX_WAIT, 5, {tv_sec=0, tv_nsec=1000}) = -1 ETIMEDOUT (Connection timed out)"#,
            r#"futex(0xADDR, FUTEX_WAIT_BITSET_PRIVATE|FUTEX_CLOCK_REALTIME, 4, NULL, FUTEX_BITSET_MATCH_ANY) = -1 EAGAIN (Resource temporarily unavailable)"#,
            r#"futex(0xADDR, FUTEX_WAIT_BITSET, 5, {tv_sec=0, tv_nsec=1000}, 0x3) = -1 ETIMEDOUT (Connection timed out)"#,
            r#"futex(0xADDR, FUTEX_WAKE_BITSET_PRIVATE, 1, FUTEX_BITSET_MATCH_ANY) = 0"#,
            r#"futex(0xADDR, FUTEX_REQUEUE_PRIVATE, 1, 2, 0xADDR) = 0"#,
            r#"futex(0xADDR, FUTEX_CMP_REQUEUE_PRIVATE, 1, 2, 0xADDR, 5) = 0"#,
            r#"futex(0xADDR, FUTEX_WAKE_OP_PRIVATE, 1, 2, 0xADDR, FUTEX_OP_SET<<28|0x1<<12|FUTEX_OP_CMP_GT<<24|0) = 0"#,
            r#"futex(0xADDR, FUTEX_WAKE_OP, 1, 2, 0xADDR, FUTEX_OP_OPARG_SHIFT<<28|0x7<<28 /* FUTEX_OP_??? */|0xfff<<12|0xf<<24 /* FUTEX_OP_CMP_??? */|0xfff) = -1 ENOSYS (Function not implemented)"#,
            r#"futex(0xADDR, FUTEX_LOCK_PI_PRIVATE, NULL) = -1 EPERM (Operation not permitted)"#,
            r#"futex(0xADDR, FUTEX_UNLOCK_PI_PRIVATE)  = -1 EPERM (Operation not permitted)"#,
            r#"futex(0xADDR, FUTEX_TRYLOCK_PI)         = -1 EAGAIN (Resource temporarily unavailable)"#,
            r#"futex(0xADDR, FUTEX_WAIT_REQUEUE_PI_PRIVATE, 5, {tv_sec=0, tv_nsec=1000}, 0xADDR) = -1 ETIMEDOUT (Connection timed out)"#,
            r#"futex(0xADDR, FUTEX_FD|FUTEX_PRIVATE_FLAG, 1) = -1 ENOSYS (Function not implemented)"#,
            r#"futex(0xADDR, 0xe /* FUTEX_??? */, 1, 0x2, 0x3, 0x4) = -1 ENOSYS (Function not implemented)"#,
            r#"futex(0xADDR, 0x101 /* FUTEX_??? */, 1) = -1 ENOSYS (Function not implemented)"#,
            r#"futex(0xADDR, FUTEX_WAIT, 5, 0x8)       = -1 EFAULT (Bad address)"#,
            r#"futex(NULL, FUTEX_WAIT, 5, NULL)        = -1 EFAULT (Bad address)"#,
            r#"exit_group(0)                           = ?"#,
            r#"+++ exited with 0 +++"#,
        ],
    );
}

/// clone: the arguments each flag brings (parent_tid written at exit, also
/// for CLONE_PIDFD; tls; child_tidptr), every flag and the exit signal, a
/// failed call's parent_tid address; clone3: the fields each flag brings,
/// what the call wrote (` => {pidfd=[N], parent_tid=[N]}`), set_tid and
/// cgroup, a size below the first version, NULL and unreadable pointers.
#[test]
fn clone_calls() {
    assert_lines(
        &procsig_lines("clone"),
        &[
            r#"clone(child_stack=NULL, flags=SIGCHLD)  = CPID"#,
            r#"wait4(CPID, NULL, 0, NULL)              = CPID"#,
            r#"clone(child_stack=NULL, flags=CLONE_PARENT_SETTID|CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD, parent_tid=[CPID], child_tidptr=0xADDR) = CPID"#,
            r#"wait4(CPID, NULL, 0, NULL)              = CPID"#,
            r#"clone(child_stack=NULL, flags=CLONE_SETTLS|SIGCHLD, tls=0x1234) = CPID"#,
            r#"wait4(CPID, NULL, 0, NULL)              = CPID"#,
            r#"clone(child_stack=NULL, flags=CLONE_PIDFD|SIGCHLD, parent_tid=[3]) = CPID"#,
            r#"wait4(CPID, NULL, 0, NULL)              = CPID"#,
            r#"clone(child_stack=0x1000, flags=CLONE_VM|CLONE_FS|CLONE_FILES|CLONE_SIGHAND|CLONE_PIDFD|CLONE_PTRACE|CLONE_VFORK|CLONE_PARENT|CLONE_THREAD|CLONE_NEWNS|CLONE_SYSVSEM|CLONE_SETTLS|CLONE_PARENT_SETTID|CLONE_CHILD_CLEARTID|CLONE_UNTRACED|CLONE_CHILD_SETTID|CLONE_NEWCGROUP|CLONE_NEWUTS|CLONE_NEWIPC|CLONE_NEWUSER|CLONE_NEWPID|CLONE_NEWNET|CLONE_IO|0x400000|SIGSYS, parent_tid=0xADDR, tls=0x1234, child_tidptr=0xADDR) = -1 EINVAL (Invalid argument)"#,
            r#"clone3({flags=CLONE_PIDFD|CLONE_PARENT_SETTID|CLONE_CHILD_SETTID, pidfd=0xADDR, child_tid=0xADDR, parent_tid=0xADDR, exit_signal=SIGCHLD, stack=NULL, stack_size=0} => {pidfd=[4], parent_tid=[CPID]}, 88) = CPID"#,
            r#"wait4(CPID, NULL, 0, NULL)              = CPID"#,
            r#"clone3({flags=0, exit_signal=SIGCHLD, stack=NULL, stack_size=0}, 64) = CPID"#,
            r#"wait4(CPID, NULL, 0, NULL)              = CPID"#,
            r#"clone3({flags=CLONE_VM|CLONE_FS|CLONE_FILES|CLONE_SIGHAND|CLONE_PIDFD|CLONE_PTRACE|CLONE_VFORK|CLONE_PARENT|CLONE_THREAD|CLONE_NEWNS|CLONE_SYSVSEM|CLONE_SETTLS|CLONE_PARENT_SETTID|CLONE_CHILD_CLEARTID|CLONE_UNTRACED|CLONE_CHILD_SETTID|CLONE_NEWCGROUP|CLONE_NEWUTS|CLONE_NEWIPC|CLONE_NEWUSER|CLONE_NEWPID|CLONE_NEWNET|CLONE_IO|CLONE_NEWTIME|CLONE_CLEAR_SIGHAND|CLONE_INTO_CGROUP|0x400000, pidfd=NULL, child_tid=NULL, parent_tid=NULL, exit_signal=SIGCHLD, stack=0x1000, stack_size=0x2000, tls=0x3000, set_tid=[CPID], set_tid_size=1, cgroup=7}, 88) = -1 EINVAL (Invalid argument)"#,
            r#"clone3(0xADDR, 40)                      = -1 EINVAL (Invalid argument)"#,
            r#"clone3(NULL, 88)                        = -1 EFAULT (Bad address)"#,
            r#"clone3(0x8, 88)                         = -1 EFAULT (Bad address)"#,
            r#"exit_group(0)                           = ?"#,
            r#"+++ exited with 0 +++"#,
        ],
    );
}

/// The machine's host name, which `uname` shows: replaced with `@HOST@`.
fn mask_hostname(lines: Vec<String>) -> Vec<String> {
    let host = std::fs::read_to_string("/proc/sys/kernel/hostname").expect("hostname");
    let from = format!("nodename=\"{}\"", host.trim());
    lines
        .into_iter()
        .map(|l| match l.find(&from) {
            Some(_) => {
                let m = l.replace(&from, "nodename=\"@HOST@\"");
                match m.rfind(" = ") {
                    Some(i) => format!(
                        "{}{}",
                        pad_to(m[..i].trim_end(), DEFAULT_COLUMN),
                        &m[i + 1..]
                    ),
                    None => m,
                }
            }
            None => l,
        })
        .collect()
}

/// The set*id/get*id calls (ids as ints, -1, out ids as `[0]`, a failed
/// call's addresses), group lists, process groups, sched_yield, CPU masks
/// (of the length returned, of a bad size), sched_param, getrusage with
/// each `who`, uname. Runs as root, as the whole suite does.
#[test]
fn id_and_sched_calls() {
    assert_lines(
        &mask_hostname(procsig_lines("ids")),
        &[
            r#"getresuid([0], [0], [0])                = 0"#,
            r#"getresgid(0xADDR, 0xADDR, 0x8)          = -1 EFAULT (Bad address)"#,
            r#"setresuid(-1, 0, -1)                    = 0"#,
            r#"setresgid(0, -1, 0)                     = 0"#,
            r#"setuid(0)                               = 0"#,
            r#"setgid(0)                               = 0"#,
            r#"setreuid(-1, 0)                         = 0"#,
            r#"setregid(0, -1)                         = 0"#,
            r#"setfsuid(-1)                            = 0"#,
            r#"setfsgid(-1)                            = 0"#,
            r#"setgroups(3, [0, 5, 100])               = 0"#,
            r#"getgroups(3, [0, 5, 100])               = 3"#,
            r#"getgroups(0, NULL)                      = 3"#,
            r#"getgroups(1, 0xADDR)                    = -1 EINVAL (Invalid argument)"#,
            r#"setgroups(1, 0x8)                       = -1 EFAULT (Bad address)"#,
            r#"setgroups(0, NULL)                      = 0"#,
            r#"getpgid(-1)                             = -1 ESRCH (No such process)"#,
            r#"getsid(-1)                              = -1 ESRCH (No such process)"#,
            r#"setpgid(-1, 0)                          = -1 EINVAL (Invalid argument)"#,
            r#"sched_yield()                           = 0"#,
            r#"sched_setaffinity(0, 128, [0])          = 0"#,
            r#"sched_getaffinity(0, 8, [0])            = 8"#,
            r#"sched_getaffinity(0, 4, 0xADDR)         = -1 EINVAL (Invalid argument)"#,
            r#"sched_setaffinity(0, 8, 0x8)            = -1 EFAULT (Bad address)"#,
            r#"sched_getparam(0, [0])                  = 0"#,
            r#"sched_setparam(0, [0])                  = 0"#,
            r#"sched_getparam(0, NULL)                 = -1 EINVAL (Invalid argument)"#,
            r#"getrusage(RUSAGE_CHILDREN, {ru_utime={tv_sec=0, tv_usec=0}, ru_stime={tv_sec=0, tv_usec=0}, ...}) = 0"#,
            r#"getrusage(RUSAGE_THREAD, 0x8)           = -1 EFAULT (Bad address)"#,
            r#"getrusage(0x7 /* RUSAGE_??? */, NULL)   = -1 EINVAL (Invalid argument)"#,
            r#"uname({sysname="Linux", nodename="@HOST@", ...}) = 0"#,
            r#"uname(NULL)                             = -1 EFAULT (Bad address)"#,
            r#"exit_group(0)                           = ?"#,
            r#"+++ exited with 0 +++"#,
        ],
    );
}
