//! End-to-end tests of the process-control decoders: prctl, capabilities,
//! sysinfo, personality, execveat, scheduling, priorities, getcpu,
//! namespaces, kcmp, chroot/pivot_root/mount/umount2, syslog, acct,
//! sethostname/setdomainname and ptrace.
//!
//! Every expected line was taken from Debian's strace 6.1 on x86_64 running
//! `tests/helpers/h_procsig2.c` in the same mode, masked by [`lines`]
//! (`common::mask`, then what varies between runs and machines).

mod common;

use common::*;

/// Masks what varies from run to run beyond addresses and the tracee's pid:
/// the forked child's pid, `sysinfo`'s figures, the registers
/// `PTRACE_GETREGS` returns, the priority the machine started the helper
/// with. The `=` column is recomputed.
fn mask_volatile_fields(lines: Vec<String>) -> Vec<String> {
    let child = lines
        .iter()
        .find(|l| l.starts_with("clone(") || l.starts_with("fork("))
        .and_then(|l| l.rsplit(" = ").next())
        .map(str::to_string);
    lines
        .into_iter()
        .map(|l| {
            let mut m = l.clone();
            if let Some(c) = &child {
                m = replace_pid(&m, c, "CPID");
            }
            if m.starts_with("sysinfo({")
                || m.starts_with("sched_rr_get_interval(0, {")
                || m.starts_with("ptrace(PTRACE_GETREGS, CPID, {")
            {
                m = mask_struct_values(&m);
            }
            // The size of the kernel's log buffer is the machine's.
            if m.starts_with("syslog(10 /* SYSLOG_ACTION_SIZE_BUFFER */)")
                && let Some(i) = m.rfind(" = ")
            {
                m = format!("{} = N", &m[..i]);
            }
            if m == l {
                return m;
            }
            match m.rfind(" = ") {
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

/// The masked lines after the marker of `h_procsig2 MODE` under `tracer`.
fn lines(tracer: &str, mode: &str) -> Vec<String> {
    let (_dir, run) = trace_helper(tracer, &[], "h_procsig2", &[mode]);
    assert_eq!(
        describe_status(&run.status),
        "exited with 0",
        "{tracer} tracing h_procsig2 {mode}; stderr:\n{}\ntrace:\n{}",
        run.stderr,
        run.trace
    );
    assert_eq!(run.stderr, "", "{tracer} wrote to stderr with -o");
    mask_volatile_fields(masked_after_marker(&run))
}

/// Prints what the real strace shows for every mode, masked as the tests
/// mask it: `cargo test --test procsig2 -- --ignored --nocapture`.
/// (The expected lines below were made this way.)
#[test]
#[ignore]
fn print_reference_lines() {
    for mode in ["prctl", "admin", "ptrace"] {
        println!("== {mode}");
        for l in lines(REAL_STRACE, mode) {
            println!("            r#\"{l}\"#,");
        }
    }
}

/// prctl: names, the parent-death signal, dumpable, no_new_privs, seccomp,
/// the bounding and ambient sets, subreaper, timer slack, the tid address,
/// THP, PR_SET_MM, PR_SET_VMA, secure bits, unknown options and sub-commands, the arm64
/// options (vector lengths, pointer authentication keys, tagged addresses) and core
/// scheduling.
#[test]
fn prctl_calls() {
    assert_lines(
        &lines(STRACE_RS, "prctl"),
        &[
            r#"prctl(PR_SET_NAME, "h_procsig2")        = 0"#,
            r#"prctl(PR_GET_NAME, "h_procsig2")        = 0"#,
            r#"prctl(PR_SET_NAME, "a_name_longer_t"...) = 0"#,
            r#"prctl(PR_GET_NAME, "a_name_longer_t")   = 0"#,
            r#"prctl(PR_SET_NAME, 0x8)                 = -1 EFAULT (Bad address)"#,
            r#"prctl(PR_GET_NAME, 0x8)                 = -1 EFAULT (Bad address)"#,
            r#"prctl(PR_SET_PDEATHSIG, SIGUSR1)        = 0"#,
            r#"prctl(PR_GET_PDEATHSIG, [SIGUSR1])      = 0"#,
            r#"prctl(PR_SET_PDEATHSIG, 0)              = 0"#,
            r#"prctl(PR_GET_PDEATHSIG, [0])            = 0"#,
            r#"prctl(PR_GET_PDEATHSIG, NULL)           = -1 EFAULT (Bad address)"#,
            r#"prctl(PR_SET_PDEATHSIG, 200)            = -1 EINVAL (Invalid argument)"#,
            r#"prctl(PR_GET_DUMPABLE)                  = 1 (SUID_DUMP_USER)"#,
            r#"prctl(PR_SET_DUMPABLE, SUID_DUMP_USER)  = 0"#,
            r#"prctl(PR_SET_DUMPABLE, 0x7 /* SUID_DUMP_??? */) = -1 EINVAL (Invalid argument)"#,
            r#"prctl(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0)  = 0"#,
            r#"prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0)  = 0"#,
            r#"prctl(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0)  = 1"#,
            r#"prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, NULL) = -1 EFAULT (Bad address)"#,
            r#"prctl(PR_SET_SECCOMP, 0x7 /* SECCOMP_MODE_??? */, 0, 0, 0) = -1 EINVAL (Invalid argument)"#,
            r#"prctl(PR_GET_SECCOMP)                   = 0"#,
            r#"prctl(PR_CAPBSET_READ, CAP_SYS_ADMIN)   = 1"#,
            r#"prctl(PR_CAPBSET_READ, 0x64 /* CAP_??? */) = -1 EINVAL (Invalid argument)"#,
            r#"prctl(PR_CAPBSET_DROP, CAP_SYS_BOOT)    = 0"#,
            r#"prctl(PR_SET_CHILD_SUBREAPER, 1)        = 0"#,
            r#"prctl(PR_GET_CHILD_SUBREAPER, [1])      = 0"#,
            r#"prctl(PR_SET_TIMERSLACK, 50000)         = 0"#,
            r#"prctl(PR_GET_TIMERSLACK)                = 50000"#,
            r#"prctl(PR_GET_TID_ADDRESS, [0xADDR])     = 0"#,
            r#"prctl(PR_SET_THP_DISABLE, 1, 0, 0, 0)   = 0"#,
            r#"prctl(PR_GET_THP_DISABLE, 0, 0, 0, 0)   = 1"#,
            r#"prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_IS_SET, CAP_CHOWN, 0, 0) = 0"#,
            r#"prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_RAISE, CAP_SYS_BOOT, 0, 0) = -1 EPERM (Operation not permitted)"#,
            r#"prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0) = 0"#,
            r#"prctl(PR_CAP_AMBIENT, 0x9 /* PR_CAP_AMBIENT_??? */, 0x1, 0x2, 0x3) = -1 EINVAL (Invalid argument)"#,
            r#"prctl(PR_SET_MM, PR_SET_MM_START_CODE, 0x1000, 0, 0) = -1 EPERM (Operation not permitted)"#,
            r#"prctl(PR_SET_VMA, PR_SET_VMA_ANON_NAME, 0x1000, 4096, "x") = -1 EINVAL (Invalid argument)"#,
            r#"prctl(0x12345 /* PR_??? */, 0x1, 0x2, 0x3, 0x4) = -1 EINVAL (Invalid argument)"#,
            r#"prctl(PR_GET_KEEPCAPS)                  = 0"#,
            r#"prctl(PR_SET_KEEPCAPS, 1)               = 0"#,
            r#"prctl(PR_SET_PTRACER, PR_SET_PTRACER_ANY) = -1 EINVAL (Invalid argument)"#,
            r#"prctl(PR_GET_SECUREBITS)                = 0x10 (SECBIT_KEEP_CAPS)"#,
            r#"prctl(PR_SET_SECUREBITS, 0x100 /* SECBIT_??? */) = 0"#,
            r#"prctl(PR_GET_TSC, [PR_TSC_ENABLE])      = 0"#,
            r#"prctl(PR_GET_FP_MODE)                   = -1 EINVAL (Invalid argument)"#,
            r#"prctl(PR_MCE_KILL_GET, 0, 0, 0, 0)      = 2 (PR_MCE_KILL_DEFAULT)"#,
            r#"prctl(PR_MCE_KILL, PR_MCE_KILL_SET, PR_MCE_KILL_EARLY, 0, 0) = 0"#,
            r#"prctl(PR_GET_TIMING)                    = 0"#,
            r#"prctl(PR_SET_SPECULATION_CTRL, 0x9 /* PR_SPEC_??? */, 0x1) = -1 ENODEV (No such device)"#,
            r#"prctl(PR_SVE_SET_VL, PR_SVE_SET_VL_ONEXEC|0x10) = -1 EINVAL (Invalid argument)"#,
            r#"prctl(PR_SVE_GET_VL)                    = -1 EINVAL (Invalid argument)"#,
            r#"prctl(PR_SME_SET_VL, 0x10000|0x20)      = -1 EINVAL (Invalid argument)"#,
            r#"prctl(PR_SME_GET_VL)                    = -1 EINVAL (Invalid argument)"#,
            r#"prctl(PR_PAC_RESET_KEYS, PR_PAC_APIAKEY|0x20, 0, 0, 0) = -1 EINVAL (Invalid argument)"#,
            r#"prctl(PR_PAC_SET_ENABLED_KEYS, PR_PAC_APIAKEY|PR_PAC_APIBKEY, 0x30 /* PR_PAC_??? */, 0, 0) = -1 EINVAL (Invalid argument)"#,
            r#"prctl(PR_PAC_GET_ENABLED_KEYS, 0, 0, 0, 0) = -1 EINVAL (Invalid argument)"#,
            r#"prctl(PR_SET_TAGGED_ADDR_CTRL, PR_TAGGED_ADDR_ENABLE|PR_MTE_TCF_ASYNC|0x5<<PR_MTE_TAG_SHIFT|0x80000, 0, 0, 0) = -1 EINVAL (Invalid argument)"#,
            r#"prctl(PR_GET_TAGGED_ADDR_CTRL, 0, 0, 0, 0) = -1 EINVAL (Invalid argument)"#,
            r#"prctl(PR_SCHED_CORE, PR_SCHED_CORE_GET, 0, 0x4 /* PIDTYPE_??? */, NULL) = -1 EINVAL (Invalid argument)"#,
            r#"prctl(PR_SCHED_CORE, PR_SCHED_CORE_CREATE, 0, 0x7 /* PIDTYPE_??? */, NULL) = -1 EINVAL (Invalid argument)"#,
            r#"exit_group(0)                           = ?"#,
            r#"+++ exited with 0 +++"#,
        ],
    );
}

/// capget/capset (both versions, unknown version, NULL and bad pointers),
/// sysinfo, personality, execveat, the sched_* policy calls, priorities,
/// getcpu, unshare, setns, kcmp, chroot, pivot_root, mount (magic, ignored
/// type and data), umount2, syslog, acct, sethostname, setdomainname.
#[test]
fn admin_calls() {
    assert_lines(
        &lines(STRACE_RS, "admin"),
        &[
            r#"capget({version=_LINUX_CAPABILITY_VERSION_3, pid=0}, {effective=1<<CAP_CHOWN|1<<CAP_DAC_OVERRIDE|1<<CAP_DAC_READ_SEARCH|1<<CAP_FOWNER|1<<CAP_FSETID|1<<CAP_KILL|1<<CAP_SETGID|1<<CAP_SETUID|1<<CAP_SETPCAP|1<<CAP_LINUX_IMMUTABLE|1<<CAP_NET_BIND_SERVICE|1<<CAP_NET_BROADCAST|1<<CAP_NET_ADMIN|1<<CAP_NET_RAW|1<<CAP_IPC_LOCK|1<<CAP_IPC_OWNER|1<<CAP_SYS_MODULE|1<<CAP_SYS_RAWIO|1<<CAP_SYS_CHROOT|1<<CAP_SYS_PTRACE|1<<CAP_SYS_PACCT|1<<CAP_SYS_ADMIN|1<<CAP_SYS_BOOT|1<<CAP_SYS_NICE|1<<CAP_SYS_TIME|1<<CAP_SYS_TTY_CONFIG|1<<CAP_MKNOD|1<<CAP_LEASE|1<<CAP_AUDIT_WRITE|1<<CAP_AUDIT_CONTROL|1<<CAP_SETFCAP|1<<CAP_MAC_OVERRIDE|1<<CAP_MAC_ADMIN|1<<CAP_SYSLOG|1<<CAP_WAKE_ALARM|1<<CAP_BLOCK_SUSPEND|1<<CAP_AUDIT_READ|1<<CAP_PERFMON|1<<CAP_BPF|1<<CAP_CHECKPOINT_RESTORE, permitted=1<<CAP_CHOWN|1<<CAP_DAC_OVERRIDE|1<<CAP_DAC_READ_SEARCH|1<<CAP_FOWNER|1<<CAP_FSETID|1<<CAP_KILL|1<<CAP_SETGID|1<<CAP_SETUID|1<<CAP_SETPCAP|1<<CAP_LINUX_IMMUTABLE|1<<CAP_NET_BIND_SERVICE|1<<CAP_NET_BROADCAST|1<<CAP_NET_ADMIN|1<<CAP_NET_RAW|1<<CAP_IPC_LOCK|1<<CAP_IPC_OWNER|1<<CAP_SYS_MODULE|1<<CAP_SYS_RAWIO|1<<CAP_SYS_CHROOT|1<<CAP_SYS_PTRACE|1<<CAP_SYS_PACCT|1<<CAP_SYS_ADMIN|1<<CAP_SYS_BOOT|1<<CAP_SYS_NICE|1<<CAP_SYS_TIME|1<<CAP_SYS_TTY_CONFIG|1<<CAP_MKNOD|1<<CAP_LEASE|1<<CAP_AUDIT_WRITE|1<<CAP_AUDIT_CONTROL|1<<CAP_SETFCAP|1<<CAP_MAC_OVERRIDE|1<<CAP_MAC_ADMIN|1<<CAP_SYSLOG|1<<CAP_WAKE_ALARM|1<<CAP_BLOCK_SUSPEND|1<<CAP_AUDIT_READ|1<<CAP_PERFMON|1<<CAP_BPF|1<<CAP_CHECKPOINT_RESTORE, inheritable=0}) = 0"#,
            r#"capget({version=0x12345678 /* _LINUX_CAPABILITY_VERSION_??? */, pid=0}, 0xADDR) = -1 EINVAL (Invalid argument)"#,
            r#"capget({version=_LINUX_CAPABILITY_VERSION_3, pid=0}, NULL) = 0"#,
            r#"capget(NULL, 0xADDR)                    = -1 EFAULT (Bad address)"#,
            r#"capget(0x8, 0x10)                       = -1 EFAULT (Bad address)"#,
            r#"capget({version=_LINUX_CAPABILITY_VERSION_3, pid=2147483647}, 0xADDR) = -1 ESRCH (No such process)"#,
            r#"capset({version=_LINUX_CAPABILITY_VERSION_3, pid=0}, {effective=1<<CAP_MAC_OVERRIDE|1<<CAP_MAC_ADMIN|1<<CAP_SYSLOG|1<<CAP_WAKE_ALARM|1<<CAP_BLOCK_SUSPEND|1<<CAP_AUDIT_READ|1<<CAP_PERFMON|1<<CAP_BPF|1<<CAP_CHECKPOINT_RESTORE|0xfffffe00, permitted=1<<CAP_CHOWN|1<<CAP_DAC_READ_SEARCH|1<<CAP_MAC_OVERRIDE|1<<CAP_MAC_ADMIN|1<<CAP_SYSLOG|1<<CAP_WAKE_ALARM|1<<CAP_BLOCK_SUSPEND|1<<CAP_AUDIT_READ|1<<CAP_PERFMON|1<<CAP_BPF|1<<CAP_CHECKPOINT_RESTORE, inheritable=1<<CAP_CHOWN|1<<CAP_DAC_OVERRIDE|1<<CAP_DAC_READ_SEARCH|1<<CAP_FOWNER|1<<CAP_FSETID|1<<CAP_KILL|1<<CAP_SETGID|1<<CAP_SETUID|1<<CAP_SETPCAP|1<<CAP_LINUX_IMMUTABLE|1<<CAP_NET_BIND_SERVICE|1<<CAP_NET_BROADCAST|1<<CAP_NET_ADMIN|1<<CAP_NET_RAW|1<<CAP_IPC_LOCK|1<<CAP_IPC_OWNER|1<<CAP_SYS_MODULE|1<<CAP_SYS_RAWIO|1<<CAP_SYS_CHROOT|1<<CAP_SYS_PTRACE|1<<CAP_SYS_PACCT|1<<CAP_SYS_ADMIN|1<<CAP_SYS_BOOT|1<<CAP_SYS_NICE|1<<CAP_SYS_RESOURCE|1<<CAP_SYS_TIME|1<<CAP_SYS_TTY_CONFIG|1<<CAP_MKNOD|1<<CAP_LEASE|1<<CAP_AUDIT_WRITE|1<<CAP_AUDIT_CONTROL|1<<CAP_SETFCAP}) = -1 EPERM (Operation not permitted)"#,
            r#"capset({version=_LINUX_CAPABILITY_VERSION_1, pid=0}, {effective=0, permitted=1<<CAP_CHOWN|1<<CAP_DAC_READ_SEARCH, inheritable=1<<CAP_CHOWN|1<<CAP_DAC_OVERRIDE|1<<CAP_DAC_READ_SEARCH|1<<CAP_FOWNER|1<<CAP_FSETID|1<<CAP_KILL|1<<CAP_SETGID|1<<CAP_SETUID|1<<CAP_SETPCAP|1<<CAP_LINUX_IMMUTABLE|1<<CAP_NET_BIND_SERVICE|1<<CAP_NET_BROADCAST|1<<CAP_NET_ADMIN|1<<CAP_NET_RAW|1<<CAP_IPC_LOCK|1<<CAP_IPC_OWNER|1<<CAP_SYS_MODULE|1<<CAP_SYS_RAWIO|1<<CAP_SYS_CHROOT|1<<CAP_SYS_PTRACE|1<<CAP_SYS_PACCT|1<<CAP_SYS_ADMIN|1<<CAP_SYS_BOOT|1<<CAP_SYS_NICE|1<<CAP_SYS_RESOURCE|1<<CAP_SYS_TIME|1<<CAP_SYS_TTY_CONFIG|1<<CAP_MKNOD|1<<CAP_LEASE|1<<CAP_AUDIT_WRITE|1<<CAP_AUDIT_CONTROL|1<<CAP_SETFCAP}) = -1 EPERM (Operation not permitted)"#,
            r#"sysinfo({uptime=N, loads=[N, N, N], totalram=N, freeram=N, sharedram=N, bufferram=N, totalswap=N, freeswap=N, procs=N, totalhigh=N, freehigh=N, mem_unit=N}) = 0"#,
            r#"sysinfo(NULL)                           = -1 EFAULT (Bad address)"#,
            r#"sysinfo(0x8)                            = -1 EFAULT (Bad address)"#,
            r#"personality(0xffffffff)                 = 0 (PER_LINUX)"#,
            r#"personality(PER_LINUX32|ADDR_NO_RANDOMIZE|READ_IMPLIES_EXEC) = 0 (PER_LINUX)"#,
            r#"personality(PER_LINUX)                  = 0x440008 (PER_LINUX32|ADDR_NO_RANDOMIZE|READ_IMPLIES_EXEC)"#,
            r#"personality(0x7 /* PER_??? */|0x100)    = 0 (PER_LINUX)"#,
            r#"personality(PER_LINUX)                  = 0x107 (0x7 /* PER_??? */|0x100)"#,
            r#"execveat(AT_FDCWD, "/nonexistent/x", ["/nonexistent/x", "a"], 0xADDR /* 1 var */, 0) = -1 ENOENT (No such file or directory)"#,
            r#"execveat(-1, "", ["/nonexistent/x", "a"], 0xADDR /* 1 var */, AT_SYMLINK_NOFOLLOW|AT_EMPTY_PATH) = -1 EBADF (Bad file descriptor)"#,
            r#"execveat(5, NULL, NULL, NULL, AT_REMOVEDIR|AT_EMPTY_PATH|0x34) = -1 EFAULT (Bad address)"#,
            r#"sched_getscheduler(0)                   = 0 (SCHED_OTHER)"#,
            r#"sched_setscheduler(0, SCHED_OTHER, [0]) = 0"#,
            r#"sched_setscheduler(0, 0x40000001 /* SCHED_??? */, NULL) = -1 EINVAL (Invalid argument)"#,
            r#"sched_setscheduler(0, 0x4d /* SCHED_??? */, 0x8) = -1 EFAULT (Bad address)"#,
            r#"sched_getscheduler(-1)                  = -1 EINVAL (Invalid argument)"#,
            r#"sched_get_priority_max(SCHED_FIFO)      = 99"#,
            r#"sched_get_priority_min(SCHED_RR)        = 1"#,
            r#"sched_get_priority_min(0x63 /* SCHED_??? */) = -1 EINVAL (Invalid argument)"#,
            r#"sched_rr_get_interval(0, {tv_sec=N, tv_nsec=N}) = 0"#,
            r#"sched_rr_get_interval(-1, 0xADDR)       = -1 EINVAL (Invalid argument)"#,
            r#"sched_rr_get_interval(0, NULL)          = -1 EFAULT (Bad address)"#,
            r#"setpriority(PRIO_PROCESS, 0, 0)         = 0"#,
            r#"getpriority(PRIO_PROCESS, 0)            = 20"#,
            r#"setpriority(0x9 /* PRIO_??? */, 0, -5)  = -1 EINVAL (Invalid argument)"#,
            r#"getcpu([0], [0], NULL)                  = 0"#,
            r#"getcpu(NULL, NULL, 0x8)                 = 0"#,
            r#"getcpu(0x8, 0xADDR, NULL)               = -1 EFAULT (Bad address)"#,
            r#"unshare(0)                              = 0"#,
            r#"unshare(CLONE_NEWTIME|CLONE_VM|CLONE_FS|CLONE_FILES|CLONE_SIGHAND|CLONE_THREAD|CLONE_NEWNS|CLONE_SYSVSEM|CLONE_NEWCGROUP|CLONE_NEWUTS|CLONE_NEWIPC|CLONE_NEWUSER|CLONE_NEWPID|CLONE_NEWNET|0x81f8f07f) = -1 EINVAL (Invalid argument)"#,
            r#"setns(-1, CLONE_NEWNET)                 = -1 EBADF (Bad file descriptor)"#,
            r#"setns(-1, 0)                            = -1 EBADF (Bad file descriptor)"#,
            r#"setns(-1, 0x1 /* CLONE_NEW??? */)       = -1 EBADF (Bad file descriptor)"#,
            r#"setns(-1, CLONE_NEWUTS|CLONE_NEWPID)    = -1 EBADF (Bad file descriptor)"#,
            r#"getpid()                                = PID"#,
            r#"kcmp(PID, PID, KCMP_FILE, 1, 1)         = 0"#,
            r#"kcmp(PID, PID, KCMP_VM)                 = 0"#,
            r#"kcmp(PID, PID, 0x63 /* KCMP_??? */, 0x1, 0x2) = -1 EINVAL (Invalid argument)"#,
            r#"kcmp(PID, PID, KCMP_EPOLL_TFD, 1, NULL) = -1 EFAULT (Bad address)"#,
            r#"chroot("/nonexistent")                  = -1 ENOENT (No such file or directory)"#,
            r#"pivot_root("/nonexistent", "/nonexistent2") = -1 ENOENT (No such file or directory)"#,
            r#"mount("/nonexistent", "/nonexistent2", 0xADDR, MS_RDONLY|MS_NOSUID|MS_NODEV|MS_NOEXEC|MS_REMOUNT|MS_BIND, "a=b") = -1 ENOENT (No such file or directory)"#,
            r#"mount("none", "/nonexistent2", NULL, MS_REC|MS_PRIVATE, NULL) = -1 ENOENT (No such file or directory)"#,
            r#"mount("/a", "/nonexistent2", "ext4", MS_MGC_VAL|MS_RDONLY, "ro") = -1 ENOENT (No such file or directory)"#,
            r#"mount("/a", "/nonexistent2", "ext4", MS_MGC_VAL, NULL) = -1 ENOENT (No such file or directory)"#,
            r#"mount("/a", "/nonexistent2", "ext4", 0, NULL) = -1 ENOENT (No such file or directory)"#,
            r#"mount(NULL, NULL, NULL, MS_POSIXACL|MS_RELATIME|MS_LAZYTIME, 0x8) = -1 EFAULT (Bad address)"#,
            r#"umount2("/nonexistent", MNT_FORCE|MNT_DETACH|MNT_EXPIRE|UMOUNT_NOFOLLOW|0x100) = -1 EINVAL (Invalid argument)"#,
            r#"umount2("/nonexistent", 0)              = -1 ENOENT (No such file or directory)"#,
            r#"syslog(10 /* SYSLOG_ACTION_SIZE_BUFFER */) = N"#,
            r#"syslog(-1 /* SYSLOG_ACTION_??? */, NULL, 0) = -1 EINVAL (Invalid argument)"#,
            r#"syslog(99 /* SYSLOG_ACTION_??? */, 0x8, 10) = -1 EINVAL (Invalid argument)"#,
            r#"syslog(8 /* SYSLOG_ACTION_CONSOLE_LEVEL */, NULL, 99 /* LOGLEVEL_??? */) = -1 EINVAL (Invalid argument)"#,
            r#"syslog(3 /* SYSLOG_ACTION_READ_ALL */, NULL, 16) = -1 EINVAL (Invalid argument)"#,
            r#"syslog(3 /* SYSLOG_ACTION_READ_ALL */, "", 0) = 0"#,
            r#"acct("/nonexistent/x")                  = -1 ENOENT (No such file or directory)"#,
            r#"sethostname(0xADDR, 100)                = -1 EINVAL (Invalid argument)"#,
            r#"sethostname(0x8, 5)                     = -1 EFAULT (Bad address)"#,
            r#"setdomainname(0xADDR, 4294967295)       = -1 EINVAL (Invalid argument)"#,
            r#"exit_group(0)                           = ?"#,
            r#"+++ exited with 0 +++"#,
        ],
    );
}

/// ptrace on a child the helper seizes: TRACEME, ATTACH, PEEKDATA, an
/// unknown request, SEIZE and SETOPTIONS options, INTERRUPT (and the
/// PTRACE_EVENT_STOP wait status), GETREGS, GETEVENTMSG, GETSIGMASK,
/// SYSCALL, DETACH.
#[test]
fn ptrace_calls() {
    assert_lines(
        &lines(STRACE_RS, "ptrace"),
        &[
            r#"clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD, child_tidptr=0xADDR) = CPID"#,
            r#"ptrace(PTRACE_TRACEME)                  = -1 EPERM (Operation not permitted)"#,
            r#"ptrace(PTRACE_ATTACH, 2147483647)       = -1 ESRCH (No such process)"#,
            r#"ptrace(PTRACE_PEEKDATA, 2147483647, 0x1000, 0xADDR) = -1 ESRCH (No such process)"#,
            r#"ptrace(0x9999 /* PTRACE_??? */, 2147483647, 0x1000, 0x2000) = -1 ESRCH (No such process)"#,
            r#"ptrace(PTRACE_SEIZE, CPID, NULL, PTRACE_O_TRACESYSGOOD|PTRACE_O_EXITKILL) = 0"#,
            r#"ptrace(PTRACE_INTERRUPT, CPID)          = 0"#,
            r#"wait4(CPID, [{WIFSTOPPED(s) && WSTOPSIG(s) == SIGTRAP}|PTRACE_EVENT_STOP<<16], __WALL, NULL) = CPID"#,
            r#"ptrace(PTRACE_GETREGS, CPID, {r15=N, r14=N, r13=N, r12=N, rbp=N, rbx=N, r11=N, r10=N, r9=N, r8=N, rax=N, rcx=N, rdx=N, rsi=N, rdi=N, orig_rax=N, rip=N, cs=N, eflags=N, rsp=N, ss=N, fs_base=N, gs_base=N, ds=N, es=N, fs=N, gs=N}) = 0"#,
            r#"ptrace(PTRACE_GETREGS, CPID, NULL)      = -1 EFAULT (Bad address)"#,
            r#"ptrace(PTRACE_PEEKDATA, CPID, 0xADDR, [0x1234]) = 0"#,
            r#"ptrace(PTRACE_GETEVENTMSG, CPID, NULL, [0]) = 0"#,
            r#"ptrace(PTRACE_GETSIGMASK, CPID, 8, [CHLD]) = 0"#,
            r#"ptrace(PTRACE_SETOPTIONS, CPID, NULL, PTRACE_O_TRACEFORK|PTRACE_O_TRACEEXEC|PTRACE_O_EXITKILL|0x4000000) = -1 EINVAL (Invalid argument)"#,
            r#"ptrace(PTRACE_SYSCALL, CPID, NULL, 0)   = 0"#,
            r#"ptrace(PTRACE_DETACH, 2147483647, NULL, SIGCONT) = -1 ESRCH (No such process)"#,
            r#"kill(CPID, SIGKILL)                     = 0"#,
            r#"wait4(CPID, [{WIFSIGNALED(s) && WTERMSIG(s) == SIGKILL}], __WALL, NULL) = CPID"#,
            r#"exit_group(0)                           = ?"#,
            r#"+++ exited with 0 +++"#,
        ],
    );
}
