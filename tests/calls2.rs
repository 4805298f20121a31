//! End-to-end tests of more calls strace 6.1 decodes that are rarely seen: the mount API
//! (`fsopen`, `fsconfig`, `fsmount`, `fspick`, `move_mount`, `open_tree`), modules, kexec,
//! fanotify, `inotify_init`, `process_madvise`, POSIX message queues, seccomp's queries,
//! `swapon`, `delete_module`, `iopl`, `ioperm`, `unshare`, `setfsuid`, `remap_file_pages`,
//! `userfaultfd`, `memfd_secret`, `process_mrelease`, `pidfd_getfd`, `lookup_dcookie`, the
//! NUMA calls (`mbind`, `set_mempolicy`, `get_mempolicy`, `migrate_pages`, `move_pages`,
//! `set_mempolicy_home_node`), `memfd_create`'s name at its limit, `reboot`, `ustat`,
//! `get_robust_list`, `setgroups`, `process_vm_readv`, `process_vm_writev`, `utimensat`'s
//! special times, `modify_ldt`, `set_thread_area`, `get_thread_area`:
//! `tests/helpers/h_calls2.c` traced by `strace-rs`, every line after the marker asserted
//! exactly, and compared per line with the real strace by default, under `-y`, `-v`, `-X
//! verbose`, `-X raw`, and `-P /dev/full` (strace's path tracing rules for these calls).
//!
//! The expected lines were taken from Debian's strace 6.1 on x86_64 running the same
//! helper, masked by [`lines`]. The helper changes nothing on the machine (see its comment).

mod common;

use common::*;

/// Calls whose errno depends on the kernel's configuration and the tracer's privileges
/// (modules and kexec may be compiled out, the mount API and fanotify want capabilities,
/// message queues a mounted mqueue file system): their errno is masked in the exact lines.
const ERRNO_VARIES: &[&str] = &[
    "fsopen",
    "fspick",
    "move_mount",
    "open_tree",
    "init_module",
    "finit_module",
    "kexec_load",
    "kexec_file_load",
    "fanotify_init",
    "fanotify_mark",
    "mq_open",
    "mq_unlink",
    "swapon",
    "swapoff",
    "delete_module",
    "iopl",
    "ioperm",
    "unshare",
    "remap_file_pages",
    "userfaultfd",
    "memfd_secret",
    "lookup_dcookie",
    "reboot",
    "setgroups",
];

/// `= -1 EPERM (Operation not permitted)` -> `= -1 ERRNO` for the calls of [`ERRNO_VARIES`].
fn mask_errno(line: String) -> String {
    let varies = syscall_name(&line).is_some_and(|n| ERRNO_VARIES.contains(&n));
    match line.rfind(" = -1 E") {
        Some(at) if varies => format!("{} = -1 ERRNO", &line[..at]),
        _ => line,
    }
}

/// The masked lines after the marker of `h_calls2` under `tracer` with `opts`, and what the
/// tracer wrote to stderr (its short-read warnings), its name and addresses masked.
fn run(tracer: &str, opts: &[&str]) -> (Vec<String>, String) {
    let (dir, run) = trace_helper(tracer, opts, "h_calls2", &[]);
    assert_eq!(
        describe_status(&run.status),
        "exited with 0",
        "{tracer} {opts:?} tracing h_calls2; stderr:\n{}\ntrace:\n{}",
        run.stderr,
        run.trace
    );
    // The tracer names itself as it was invoked; what follows is compared.
    let stderr: String = run
        .stderr
        .lines()
        .map(|l| format!("{}\n", l.split_once(": ").map_or(l, |(_, rest)| rest)))
        .collect();
    let stderr = mask_addresses(&stderr);
    // The work directory (AT_FDCWD under -y) differs between runs.
    let trace = mask_with(&run.trace, &[(dir.as_str(), "@TMP@")]);
    (after_marker(&trace), stderr)
}

fn lines(tracer: &str, opts: &[&str]) -> Vec<String> {
    run(tracer, opts).0.into_iter().map(mask_errno).collect()
}

/// Prints what the real strace shows, masked as the tests mask it:
/// `cargo test --test calls2 -- --ignored --nocapture` (the expected lines below were made
/// this way).
#[test]
#[ignore]
fn print_reference_lines() {
    for l in lines(REAL_STRACE, &[]) {
        println!("            r#\"{l}\"#,");
    }
}

#[test]
fn mount_api_modules_kexec_fanotify_mq_seccomp_and_more() {
    assert_lines(
        &lines(STRACE_RS, &[]),
        &[
            r#"fsopen("nosuchfs-h_calls2", FSOPEN_CLOEXEC) = -1 ERRNO"#,
            r#"fsopen(NULL, 0x2 /* FSOPEN_??? */)      = -1 ERRNO"#,
            r#"fsopen(0xADDR, FSOPEN_CLOEXEC|0xfffffffe) = -1 ERRNO"#,
            r#"fsconfig(3, FSCONFIG_SET_FLAG, "source", NULL, 0) = -1 EINVAL (Invalid argument)"#,
            r#"fsconfig(3, FSCONFIG_SET_STRING, "source", "/dev/full", 0) = -1 EINVAL (Invalid argument)"#,
            r#"fsconfig(3, FSCONFIG_SET_BINARY, "source", "\x01\x02\x03", 3) = -1 EINVAL (Invalid argument)"#,
            r#"fsconfig(-1, FSCONFIG_SET_PATH, "source", "/dev/full", AT_FDCWD) = -1 EINVAL (Invalid argument)"#,
            r#"fsconfig(-1, FSCONFIG_SET_PATH_EMPTY, NULL, "", 3) = -1 EINVAL (Invalid argument)"#,
            r#"fsconfig(-1, FSCONFIG_SET_FD, "source", NULL, 3) = -1 EINVAL (Invalid argument)"#,
            r#"fsconfig(3, FSCONFIG_CMD_CREATE, NULL, NULL, 0) = -1 EINVAL (Invalid argument)"#,
            r#"fsconfig(3, 0x8 /* FSCONFIG_??? */, 0xADDR, 0xADDR, -1) = -1 EINVAL (Invalid argument)"#,
            r#"fsmount(3, FSMOUNT_CLOEXEC, MOUNT_ATTR_RDONLY|MOUNT_ATTR_NOATIME|0x40) = -1 EINVAL (Invalid argument)"#,
            r#"fsmount(-1, 0, 0)                       = -1 EBADF (Bad file descriptor)"#,
            r#"fspick(AT_FDCWD, NULL, FSPICK_CLOEXEC|0x10) = -1 ERRNO"#,
            r#"fspick(3, "", FSPICK_EMPTY_PATH|0x10)   = -1 ERRNO"#,
            r#"move_mount(-1, "/dev/full", AT_FDCWD, "", MOVE_MOUNT_F_SYMLINKS|MOVE_MOUNT_F_AUTOMOUNTS|MOVE_MOUNT_F_EMPTY_PATH|MOVE_MOUNT_T_SYMLINKS|MOVE_MOUNT_T_AUTOMOUNTS|MOVE_MOUNT_T_EMPTY_PATH|MOVE_MOUNT_SET_GROUP|0xfffffe88) = -1 ERRNO"#,
            r#"move_mount(3, "", 3, 0xADDR, MOVE_MOUNT_F_EMPTY_PATH) = -1 ERRNO"#,
            r#"open_tree(-1, NULL, OPEN_TREE_CLONE)    = -1 ERRNO"#,
            r#"open_tree(-1, "", OPEN_TREE_CLONE|OPEN_TREE_CLOEXEC|AT_SYMLINK_NOFOLLOW|AT_REMOVEDIR|AT_SYMLINK_FOLLOW|AT_NO_AUTOMOUNT|AT_EMPTY_PATH|AT_RECURSIVE|0xfff760fe) = -1 ERRNO"#,
            r#"init_module(NULL, 0, "")                = -1 ERRNO"#,
            r#"init_module(0xADDR, 4, "param=1")       = -1 ERRNO"#,
            r#"finit_module(-1, "param=1", 0x80 /* MODULE_INIT_??? */) = -1 ERRNO"#,
            r#"finit_module(-1, NULL, MODULE_INIT_IGNORE_MODVERSIONS) = -1 ERRNO"#,
            r#"kexec_load(NULL, 17, 0xADDR, KEXEC_ARCH_X86_64|0x100 /* KEXEC_??? */) = -1 ERRNO"#,
            r#"kexec_load(0x1234, 2, [{buf=NULL, bufsz=1, mem=0x10000, memsz=4096}, {buf=0x7000, bufsz=2, mem=0x20000, memsz=8192}], KEXEC_ARCH_SH|KEXEC_ON_CRASH|0xADDR) = -1 ERRNO"#,
            r#"kexec_load(0x1234, 2, [{buf=0xADDR, bufsz=8680820740569200760, mem=0xADDR, memsz=8680820740569200760}, ... /* 0xADDR */], 0xda7a0000 /* KEXEC_ARCH_??? */|0x80 /* KEXEC_??? */) = -1 ERRNO"#,
            r#"kexec_file_load(-1, -1, 7, "abcdef\0", KEXEC_FILE_NO_INITRAMFS|0x80) = -1 ERRNO"#,
            r#"kexec_file_load(-1, -1, 40, 0xADDR, 0x80 /* KEXEC_FILE_??? */) = -1 ERRNO"#,
            r#"inotify_init()                          = 4"#,
            r#"close(4)                                = 0"#,
            r#"fanotify_init(FAN_CLASS_NOTIF|0x80000000 /* FAN_??? */, O_RDONLY) = -1 ERRNO"#,
            r#"fanotify_init(0xc /* FAN_CLASS_??? */|FAN_CLOEXEC, O_WRONLY|O_CLOEXEC) = -1 ERRNO"#,
            r#"fanotify_mark(-1, FAN_MARK_ADD, FAN_MODIFY|FAN_ONDIR, FAN_NOFD, "/dev/full") = -1 ERRNO"#,
            r#"fanotify_mark(-1, 0xeface800 /* FAN_MARK_??? */, 0xADDR /* FAN_??? */, AT_FDCWD, NULL) = -1 ERRNO"#,
            r#"fanotify_mark(-1, FAN_MARK_REMOVE|FAN_MARK_MOUNT, 0, 5, "") = -1 ERRNO"#,
            r#"process_madvise(-1, [{iov_base=0x3000, iov_len=4096}, {iov_base=0x5000, iov_len=8192}], 2, MADV_COLD, 0) = -1 EBADF (Bad file descriptor)"#,
            r#"process_madvise(-1, NULL, 16045690984833335023, MADV_PAGEOUT, 0xcafef00d) = -1 EINVAL (Invalid argument)"#,
            r#"process_madvise(-1, [{iov_base=0xADDR, iov_len=8680820740569200760}, ... /* 0xADDR */], 2, 0xdeadc0de /* MADV_??? */, 0) = -1 EFAULT (Bad address)"#,
            r#"mq_open("/h_calls2-no-such-queue", O_RDONLY) = -1 ERRNO"#,
            r#"mq_open("/h_calls2-no-such-queue", O_RDWR|O_CREAT|O_EXCL|O_NONBLOCK, 0600, {mq_flags=0x800, mq_maxmsg=0, mq_msgsize=0, mq_curmsgs=0}) = -1 ERRNO"#,
            r#"mq_open(0xADDR, O_RDONLY|O_CREAT, 0600, 0xADDR) = -1 ERRNO"#,
            r#"mq_timedsend(3, "\200\201\202\203\204\205\206\207", 8, 42, {tv_sec=1, tv_nsec=999999999}) = -1 EBADF (Bad file descriptor)"#,
            r#"mq_timedsend(-1, "\200\201\202\203\204\205\206\207\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0"..., 64, 3, NULL) = -1 EBADF (Bad file descriptor)"#,
            r#"mq_timedreceive(-1, 0xADDR, 64, 0xADDR, {tv_sec=1, tv_nsec=999999999}) = -1 EBADF (Bad file descriptor)"#,
            r#"mq_notify(-1, {sigev_signo=4294967291, sigev_notify=SIGEV_NONE}) = -1 EBADF (Bad file descriptor)"#,
            r#"mq_notify(-1, NULL)                     = -1 EBADF (Bad file descriptor)"#,
            r#"mq_getsetattr(-1, {mq_flags=O_NONBLOCK, mq_maxmsg=0, mq_msgsize=0, mq_curmsgs=0}, 0xADDR) = -1 EBADF (Bad file descriptor)"#,
            r#"mq_getsetattr(3, NULL, 0xADDR)          = -1 EBADF (Bad file descriptor)"#,
            r#"mq_unlink("/h_calls2-no-such-queue")    = -1 ERRNO"#,
            r#"seccomp(SECCOMP_GET_ACTION_AVAIL, 0, [SECCOMP_RET_KILL_PROCESS]) = 0"#,
            r#"seccomp(SECCOMP_GET_ACTION_AVAIL, 0, [0xffffffff /* SECCOMP_RET_??? */]) = -1 EOPNOTSUPP (Operation not supported)"#,
            r#"seccomp(SECCOMP_GET_ACTION_AVAIL, 0, 0xADDR) = -1 EFAULT (Bad address)"#,
            r#"seccomp(SECCOMP_GET_NOTIF_SIZES, 0, {seccomp_notif=80, seccomp_notif_resp=24, seccomp_data=64}) = 0"#,
            r#"seccomp(SECCOMP_GET_NOTIF_SIZES, 0xdeadc0de, 0xADDR) = -1 EINVAL (Invalid argument)"#,
            r#"seccomp(SECCOMP_SET_MODE_FILTER, SECCOMP_FILTER_FLAG_TSYNC|SECCOMP_FILTER_FLAG_LOG|SECCOMP_FILTER_FLAG_SPEC_ALLOW|SECCOMP_FILTER_FLAG_NEW_LISTENER|SECCOMP_FILTER_FLAG_TSYNC_ESRCH|SECCOMP_FILTER_FLAG_WAIT_KILLABLE_RECV|0xffffffc0, {len=7, filter=NULL}) = -1 EINVAL (Invalid argument)"#,
            r#"seccomp(SECCOMP_SET_MODE_STRICT, 0x1, NULL) = -1 EINVAL (Invalid argument)"#,
            r#"seccomp(0xfacefeed /* SECCOMP_SET_MODE_??? */, 0, NULL) = -1 EINVAL (Invalid argument)"#,
            r#"swapon("h_calls2-no-such-swap", SWAP_FLAG_PREFER|42) = -1 ERRNO"#,
            r#"swapon(0xADDR, SWAP_FLAG_PREFER|SWAP_FLAG_DISCARD|SWAP_FLAG_DISCARD_ONCE|SWAP_FLAG_DISCARD_PAGES|0xfff80000|32767) = -1 ERRNO"#,
            r#"swapoff("h_calls2-no-such-swap")        = -1 ERRNO"#,
            r#"delete_module("h_calls2_no_such_module", O_NONBLOCK) = -1 ERRNO"#,
            r#"delete_module(0xADDR, 0xfacef157 /* O_??? */) = -1 ERRNO"#,
            r#"iopl(4)                                 = -1 ERRNO"#,
            r#"ioperm(0x10000, 0x8, 1)                 = -1 ERRNO"#,
            r#"unshare(0xADDR /* CLONE_??? */)         = -1 ERRNO"#,
            r#"setfsuid(-1)                            = 0"#,
            r#"setfsgid(-1)                            = 0"#,
            r#"remap_file_pages(0xADDR, 4096, PROT_READ|PROT_WRITE, 0, MAP_PRIVATE|16<<MAP_HUGE_SHIFT) = -1 ERRNO"#,
            r#"userfaultfd(UFFD_USER_MODE_ONLY|O_NONBLOCK|O_CLOEXEC|0xfff7f7fe) = -1 ERRNO"#,
            r#"memfd_secret(O_CLOEXEC|0xde97face)      = -1 ERRNO"#,
            r#"process_mrelease(-1, 0xcafef00d)        = -1 EINVAL (Invalid argument)"#,
            r#"pidfd_getfd(-1, 5, 0)                   = -1 EBADF (Bad file descriptor)"#,
            r#"lookup_dcookie(17390648783711107790, 0xADDR, 4096) = -1 ERRNO"#,
            r#"mbind(0xADDR, 4096, MPOL_F_STATIC_NODES|0xADDR, [0xADDR], 65, MPOL_MF_STRICT|0x10) = -1 EINVAL (Invalid argument)"#,
            r#"mbind(0xADDR, 4096, MPOL_BIND|MPOL_F_RELATIVE_NODES, 0xADDR, 1, 0x10 /* MPOL_??? */) = -1 EINVAL (Invalid argument)"#,
            r#"set_mempolicy(0x7e /* MPOL_??? */, [0xADDR, 0000000000000000, 0000000000000000], 130) = -1 EINVAL (Invalid argument)"#,
            r#"get_mempolicy([MPOL_DEFAULT], [0000000000000000, 0000000000000000], 128, NULL, 0) = 0"#,
            r#"get_mempolicy(NULL, NULL, 0, 0xADDR, MPOL_F_ADDR) = -1 EFAULT (Bad address)"#,
            r#"migrate_pages(-1, 64, [0000000000000000], [0000000000000000]) = -1 ESRCH (No such process)"#,
            r#"move_pages(0, 2, [0xADDR, NULL], NULL, [-EFAULT, -EFAULT], 0) = 0"#,
            r#"move_pages(0, 2, [0xADDR, NULL], [0, 0], 0xADDR, MPOL_MF_MOVE|0x10) = -1 EINVAL (Invalid argument)"#,
            r#"set_mempolicy_home_node(0xADDR, 4096, 0, 0x1) = -1 EINVAL (Invalid argument)"#,
            r#"memfd_create("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"..., 0) = -1 EINVAL (Invalid argument)"#,
            r#"memfd_create(0xADDR, 0)                 = -1 EFAULT (Bad address)"#,
            r#"reboot(LINUX_REBOOT_MAGIC1, 0x13111992 /* LINUX_REBOOT_MAGIC_??? */, LINUX_REBOOT_CMD_RESTART2, "reboot") = -1 ERRNO"#,
            r#"reboot(0 /* LINUX_REBOOT_MAGIC_??? */, 0 /* LINUX_REBOOT_MAGIC_??? */, 0x1234568 /* LINUX_REBOOT_CMD_??? */) = -1 ERRNO"#,
            r#"ustat(makedev(0xfff, 0xfffff), NULL)    = -1 EINVAL (Invalid argument)"#,
            r#"get_robust_list(0, [0xADDR], [24])      = 0"#,
            r#"get_robust_list(0, NULL, 0xADDR)        = -1 EFAULT (Bad address)"#,
            r#"setgroups(2, [-1, 5])                   = -1 ERRNO"#,
            r#"getpid()                                = PID"#,
            r#"process_vm_readv(PID, [{iov_base="reboot\0", iov_len=8}], 1, [{iov_base=0xADDR, iov_len=7}], 1, 0) = 7"#,
            r#"process_vm_writev(PID, [{iov_base="reboot\0\0", iov_len=8}], 1, [{iov_base=0xADDR, iov_len=7}], 1, 0) = 7"#,
            r#"process_vm_readv(PID, [{iov_base=0xADDR, iov_len=8}], 1, [{iov_base=0xADDR, iov_len=7}], 1, 1) = -1 EINVAL (Invalid argument)"#,
            r#"utimensat(AT_FDCWD, "/nonexistent/x", [UTIME_NOW, UTIME_OMIT], 0) = -1 ENOENT (No such file or directory)"#,
            r#"modify_ldt(0, 0xADDR, 0)                = 0"#,
            r#"modify_ldt(17, {entry_number=-1, base_addr=0x001000, limit=0x000fff, seg_32bit=1, contents=2, read_exec_only=1, limit_in_pages=0, seg_not_present=1, useable=1, lm=0}, 16) = 4294967274 EINVAL (Invalid argument)"#,
            r#"modify_ldt(17, 0xADDR, 16)              = 4294967282 EFAULT (Bad address)"#,
            r#"modify_ldt(5, NULL, 0)                  = 4294967258 ENOSYS (Function not implemented)"#,
            r#"set_thread_area({entry_number=-1, base_addr=0x001000, limit=0x000fff, seg_32bit=1, contents=2, read_exec_only=1, limit_in_pages=0, seg_not_present=1, useable=1, lm=0}) = -1 ENOSYS (Function not implemented)"#,
            r#"get_thread_area({entry_number=-1, ...}) = -1 ENOSYS (Function not implemented)"#,
            r#"get_thread_area(NULL)                   = -1 ENOSYS (Function not implemented)"#,
            r#"exit_group(0)                           = ?"#,
            r#"+++ exited with 0 +++"#,
        ],
    );
}

/// The same helper under both tracers, by default, under `-y`, `-v`, `-X verbose` and `-X
/// raw`, lines and short-read warnings alike, when the real strace is installed.
#[test]
fn calls2_match_real_strace() {
    if !real_strace_available() {
        eprintln!("note: {REAL_STRACE} is not installed; skipping");
        return;
    }
    for opts in [&[][..], &["-y"], &["-v"], &["-Xverbose"], &["-Xraw"]] {
        let (ours, ours_err) = run(STRACE_RS, opts);
        let (theirs, theirs_err) = run(REAL_STRACE, opts);
        assert_lines(&ours, &theirs);
        assert_eq!(ours_err, theirs_err, "stderr under {opts:?}");
    }
}

/// `-P /dev/full` (descriptor 3 is /dev/full): the lines strace's path tracing keeps, which
/// leaves out fsconfig's and fsmount's file system descriptor and the mq_* calls' descriptor,
/// and keeps fsconfig's path and descriptor by command and fanotify_mark's path.
#[test]
fn path_tracing_matches_real_strace() {
    if !real_strace_available() {
        eprintln!("note: {REAL_STRACE} is not installed; skipping");
        return;
    }
    let trace = |tracer| {
        let (_dir, run) = trace_helper(tracer, &["-P", "/dev/full"], "h_calls2", &[]);
        mask(&run.trace)
            .lines()
            .map(str::to_string)
            .collect::<Vec<_>>()
    };
    let ours = trace(STRACE_RS);
    assert_lines(&ours, &trace(REAL_STRACE));
    let names: Vec<&str> = ours.iter().filter_map(|l| syscall_name(l)).collect();
    assert_eq!(
        names,
        [
            "openat",
            "fsconfig",
            "fsconfig",
            "fsconfig",
            "fspick",
            "move_mount",
            "move_mount",
            "fanotify_mark"
        ]
    );
}
