//! Process values (`decode/process.rs`): wait statuses, `clone` and `clone3`, ids, CPU masks,
//! `uname` and resource usage.

use super::*;

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
    // Nothing reaped: what the status and usage hold is not the kernel's, even readable.
    assert_eq!(
        line(
            NR_WAIT4,
            [-1i64 as u64, 0x1000, 1, 0x2000, 0, 0],
            &mem,
            Outcome::Ok(0)
        ),
        "wait4(-1, 0x1000, WNOHANG, 0x2000)      = 0"
    );
}

/// With `CLONE_PIDFD` alone the parent_tid register receives a descriptor: described
/// under `-y`; with `CLONE_PARENT_SETTID` too it is a thread id.
#[test]
fn clone_pidfd_in_parent_tid() {
    let mem = FakeMemory::new().with(0x1000, &3i32.to_ne_bytes());
    let mut fds = FakeFds::default();
    fds.fds.insert(3, fd_path(b"anon_inode:[pidfd]"));
    // CLONE_PIDFD (0x1000) | SIGCHLD.
    assert_eq!(
        line_fds(
            NR_CLONE,
            [0x1011, 0, 0x1000, 0, 0, 0],
            &mem,
            &mut fds,
            |_| {},
            Outcome::Ok(9)
        ),
        "clone(child_stack=NULL, flags=CLONE_PIDFD|SIGCHLD, parent_tid=[3<anon_inode:[pidfd]>]) = 9"
    );
    // CLONE_PIDFD|CLONE_PARENT_SETTID: the kernel refuses both in one register.
    assert_eq!(
        line_fds(
            NR_CLONE,
            [0x101011, 0, 0x1000, 0, 0, 0],
            &mem,
            &mut fds,
            |_| {},
            Outcome::Err(EINVAL)
        ),
        "clone(child_stack=NULL, flags=CLONE_PIDFD|CLONE_PARENT_SETTID|SIGCHLD, parent_tid=0x1000) = -1 EINVAL (Invalid argument)"
    );
}

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

/// A `struct clone_args` asking for both tids (CLONE_PARENT_SETTID|CLONE_CHILD_SETTID: the
/// child's at 0x2000, the parent's at 0x1000) and SIGCHLD at exit.
fn settid_clone_args() -> [u64; 11] {
    let mut ca = [0u64; 11];
    ca[0] = 0x100000 | 0x1000000;
    ca[2] = 0x2000;
    ca[3] = 0x1000;
    ca[4] = 17;
    ca
}

#[test]
fn clone3_lines() {
    let ca = settid_clone_args();
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
        line_verbose(NR_UNAME, [0x2000, 0, 0, 0, 0, 0], &mem, Outcome::Ok(0)),
        "uname({sysname=\"Linux\", nodename=\"vm\", release=\"6.1.0-\", version=\"\", machine=\"\", domainname=\"\"}) = 0"
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

#[test]
fn pids_noted_by_their_kind() {
    let mem = FakeMemory::new();
    // kill: a process (named, translated), a group below -1 (translated, not named), a pid
    // no task has (nothing).
    assert_eq!(
        line_pids(NR_KILL, [1, 0, 0, 0, 0, 0], &mem, Outcome::Ok(0)),
        "kill(1<init> /* 1001 in strace's PID NS */, 0) = 0"
    );
    assert_eq!(
        line_pids(NR_KILL, [-5i64 as u64, 0, 0, 0, 0, 0], &mem, Outcome::Ok(0)),
        "kill(-5 /* 1005 in strace's PID NS */, 0) = 0"
    );
    assert_eq!(
        line_pids(NR_KILL, [500, 0, 0, 0, 0, 0], &mem, Outcome::Err(ESRCH)),
        "kill(500, 0)                            = -1 ESRCH (No such process)"
    );
    // Return values by kind: getpgrp's group and getsid's session are not named.
    assert_eq!(
        line_pids(NR_GETPGRP, [0; 6], &mem, Outcome::Ok(1)),
        "getpgrp()                               = 1 /* 1001 in strace's PID NS */"
    );
    assert_eq!(
        line_pids(NR_GETPID, [0; 6], &mem, Outcome::Ok(1)),
        "getpid()                                = 1<init> /* 1001 in strace's PID NS */"
    );
    // getpriority's who is a process or a group by `which`, a user otherwise.
    assert_eq!(
        line_pids(NR_GETPRIORITY, [2, 7, 0, 0, 0, 0], &mem, Outcome::Ok(20)),
        "getpriority(PRIO_USER, 7)               = 20"
    );
    assert_eq!(
        line_pids(NR_GETPRIORITY, [1, 7, 0, 0, 0, 0], &mem, Outcome::Ok(20)),
        "getpriority(PRIO_PGRP, 7 /* 1007 in strace's PID NS */) = 20"
    );
}

/// `struct clone_args` past its first 64 bytes (`set_tid`, `cgroup`), a size past the struct
/// this kernel knows (the bytes set there, or `???`), unknown flags and exit signals, as
/// strace's clone3 tests show them.
#[test]
fn clone3_fields_and_bytes_past_the_struct() {
    const NR: u64 = NR_CLONE3;
    // At the end of a page: what lies past 88 bytes cannot be read.
    let at = 0x4000 - 88;
    let with = |ca: &[u64; 11]| FakeMemory::new().with(at, &words(ca));
    let mut ca = [0u64; 11];
    ca[10] = 0xfacefeed; // cgroup, without CLONE_INTO_CGROUP
    assert_eq!(
        line(NR, [at, 88, 0, 0, 0, 0], &with(&ca), Outcome::Ok(5)),
        "clone3({flags=0, exit_signal=0, stack=NULL, stack_size=0, cgroup=4207869677}, 88) = 5"
    );
    assert_eq!(
        line(NR, [at, 64, 0, 0, 0, 0], &with(&ca), Outcome::Ok(5)),
        "clone3({flags=0, exit_signal=0, stack=NULL, stack_size=0}, 64) = 5"
    );
    assert_eq!(
        line(NR, [at, 96, 0, 0, 0, 0], &with(&ca), Outcome::Ok(5)),
        "clone3({flags=0, exit_signal=0, stack=NULL, stack_size=0, cgroup=4207869677, ???} => {???}, 96) = 5"
    );
    assert_eq!(
        line(NR, [at, 96, 0, 0, 0, 0], &with(&ca), Outcome::Err(E2BIG)),
        "clone3({flags=0, exit_signal=0, stack=NULL, stack_size=0, cgroup=4207869677, ???}, 96) = -1 E2BIG (Argument list too long)"
    );
    // set_tid: its address when its size is 0 or more than 32.
    let mut ca = [0u64; 11];
    ca[8] = 0x3000;
    assert_eq!(
        line(NR, [at, 88, 0, 0, 0, 0], &with(&ca), Outcome::Err(EINVAL)),
        "clone3({flags=0, exit_signal=0, stack=NULL, stack_size=0, set_tid=0x3000, set_tid_size=0}, 88) = -1 EINVAL (Invalid argument)"
    );
    ca[9] = 33;
    assert_eq!(
        line(NR, [at, 88, 0, 0, 0, 0], &with(&ca), Outcome::Err(EINVAL)),
        "clone3({flags=0, exit_signal=0, stack=NULL, stack_size=0, set_tid=0x3000, set_tid_size=33}, 88) = -1 EINVAL (Invalid argument)"
    );
    ca[8] = 0;
    assert_eq!(
        line(NR, [at, 88, 0, 0, 0, 0], &with(&ca), Outcome::Err(EINVAL)),
        "clone3({flags=0, exit_signal=0, stack=NULL, stack_size=0, set_tid=NULL, set_tid_size=33}, 88) = -1 EINVAL (Invalid argument)"
    );
    // No flag known: the number and strace's comment; an exit signal from INT_MAX on,
    // unsigned.
    let mut ca = [0u64; 11];
    ca[0] = 0xdec0_deac_0040_007f;
    ca[4] = 0xdead_c0de_face_feed;
    assert_eq!(
        line(NR, [at, 64, 0, 0, 0, 0], &with(&ca), Outcome::Err(EINVAL)),
        "clone3({flags=0xdec0deac0040007f /* CLONE_??? */, exit_signal=16045693111314087661, stack=NULL, stack_size=0}, 64) = -1 EINVAL (Invalid argument)"
    );
    ca[0] = 0x200000000; // CLONE_INTO_CGROUP
    ca[4] = 250;
    assert_eq!(
        line(NR, [at, 88, 0, 0, 0, 0], &with(&ca), Outcome::Err(EBADF)),
        "clone3({flags=CLONE_INTO_CGROUP, exit_signal=250, stack=NULL, stack_size=0, cgroup=0}, 88) = -1 EBADF (Bad file descriptor)"
    );
}

/// The bytes set past `struct clone_args`, in hex (up to `-s`), after the struct and after
/// what the call wrote; none when they are all zero.
#[test]
fn clone3_bytes_set_past_the_struct() {
    let mut bytes = words(&[0x100000, 0, 0, 0x2000, 0, 0, 0, 0, 0, 0, 0]);
    bytes.extend_from_slice(&0xface_feed_dead_c0deu64.to_ne_bytes());
    bytes.extend_from_slice(&[0; 8]);
    let mem = FakeMemory::new()
        .with(0x1000, &bytes)
        .with(0x2000, &77i32.to_ne_bytes());
    assert_eq!(
        line(NR_CLONE3, [0x1000, 104, 0, 0, 0, 0], &mem, Outcome::Ok(77)),
        r#"clone3({flags=CLONE_PARENT_SETTID, parent_tid=0x2000, exit_signal=0, stack=NULL, stack_size=0, /* bytes 88..103 */ "\xde\xc0\xad\xde\xed\xfe\xce\xfa\x00\x00\x00\x00\x00\x00\x00\x00"} => {parent_tid=[77], /* bytes 88..103 */ "\xde\xc0\xad\xde\xed\xfe\xce\xfa\x00\x00\x00\x00\x00\x00\x00\x00"}, 104) = 77"#
    );
    assert_eq!(
        line_with(
            NR_CLONE3,
            [0x1000, 104, 0, 0, 0, 0],
            &mem,
            Outcome::Err(EINVAL),
            4
        ),
        r#"clone3({flags=CLONE_PARENT_SETTID, parent_tid=0x2000, exit_signal=0, stack=NULL, stack_size=0, /* bytes 88..103 */ "\xde\xc0\xad\xde"...}, 104) = -1 EINVAL (Invalid argument)"#
    );
    // Zeros past the struct show nothing; the size shows it went on.
    let mem = FakeMemory::new().with(0x1000, &[0; 120]);
    assert_eq!(
        line(NR_CLONE3, [0x1000, 120, 0, 0, 0, 0], &mem, Outcome::Ok(5)),
        "clone3({flags=0, exit_signal=0, stack=NULL, stack_size=0}, 120) = 5"
    );
}

#[test]
fn rusage_in_full_under_v() {
    let mut ru = vec![0u8; std::mem::size_of::<libc::rusage>()];
    put(&mut ru, 8, 101u64.to_ne_bytes());
    // ru_maxrss, then each counter one more; ru_nivcsw all ones (strace shows them unsigned).
    for i in 0..14u64 {
        put(&mut ru, 32 + 8 * i as usize, (1000 + i).to_ne_bytes());
    }
    put(&mut ru, 32 + 8 * 13, (-1i64).to_ne_bytes());
    let mem = FakeMemory::new().with(0x2000, &ru);
    let args = [0, 0x2000, 0, 0, 0, 0];
    assert_eq!(
        line(NR_GETRUSAGE, args, &mem, Outcome::Ok(0)),
        "getrusage(RUSAGE_SELF, {ru_utime={tv_sec=0, tv_usec=101}, ru_stime={tv_sec=0, tv_usec=0}, ...}) = 0"
    );
    assert_eq!(
        line_verbose(NR_GETRUSAGE, args, &mem, Outcome::Ok(0)),
        "getrusage(RUSAGE_SELF, {ru_utime={tv_sec=0, tv_usec=101}, ru_stime={tv_sec=0, tv_usec=0}, ru_maxrss=1000, ru_ixrss=1001, ru_idrss=1002, ru_isrss=1003, ru_minflt=1004, ru_majflt=1005, ru_nswap=1006, ru_inblock=1007, ru_oublock=1008, ru_msgsnd=1009, ru_msgrcv=1010, ru_nsignals=1011, ru_nvcsw=1012, ru_nivcsw=18446744073709551615}) = 0"
    );
    // wait4's usage of the child it reaped, likewise; nothing reaped, the address.
    let mem = mem.with(0x1000, &0i32.to_ne_bytes());
    assert_eq!(
        line_verbose(NR_WAIT4, [7, 0x1000, 0, 0x2000, 0, 0], &mem, Outcome::Ok(7)),
        "wait4(7, [{WIFEXITED(s) && WEXITSTATUS(s) == 0}], 0, {ru_utime={tv_sec=0, tv_usec=101}, ru_stime={tv_sec=0, tv_usec=0}, ru_maxrss=1000, ru_ixrss=1001, ru_idrss=1002, ru_isrss=1003, ru_minflt=1004, ru_majflt=1005, ru_nswap=1006, ru_inblock=1007, ru_oublock=1008, ru_msgsnd=1009, ru_msgrcv=1010, ru_nsignals=1011, ru_nvcsw=1012, ru_nivcsw=18446744073709551615}) = 7"
    );
    assert_eq!(
        line_verbose(NR_WAIT4, [7, 0x1000, 1, 0x2000, 0, 0], &mem, Outcome::Ok(0)),
        "wait4(7, 0x1000, WNOHANG, 0x2000)       = 0"
    );
}

#[test]
fn group_lists_and_set_tid_stop_at_the_string_limit_unless_v() {
    let gids = words32(&[0, 5, 100]);
    let mem = FakeMemory::new().with(0x2000, &gids);
    let args = [3, 0x2000, 0, 0, 0, 0];
    assert_eq!(
        line_with(NR_SETGROUPS, args, &mem, Outcome::Ok(0), 2),
        "setgroups(3, [0, 5, ...])               = 0"
    );
    assert_eq!(
        line_opts(
            NR_SETGROUPS,
            args,
            &mem,
            Outcome::Ok(0),
            opts(false, true, 2)
        ),
        "setgroups(3, [0, 5, 100])               = 0"
    );
    // An array running into unmapped memory, where strace's array printer stops.
    let mem = FakeMemory::new().with(0x1ff8, &words32(&[7, 8]));
    assert_eq!(
        line(NR_GETGROUPS, [4, 0x1ff8, 0, 0, 0, 0], &mem, Outcome::Ok(3)),
        "getgroups(4, [7, 8, ... /* 0x2000 */])  = 3"
    );
    let mut ca = [0u64; 11];
    ca[4] = 17;
    (ca[8], ca[9]) = (0x4000, 3);
    let mem = FakeMemory::new()
        .with(0x3000, &words(&ca))
        .with(0x4000, &ints(&[1, 2, 3]));
    let args = [0x3000, 88, 0, 0, 0, 0];
    assert_eq!(
        line_with(NR_CLONE3, args, &mem, Outcome::Err(EINVAL), 2),
        "clone3({flags=0, exit_signal=SIGCHLD, stack=NULL, stack_size=0, set_tid=[1, 2, ...], set_tid_size=3}, 88) = -1 EINVAL (Invalid argument)"
    );
    assert_eq!(
        line_opts(
            NR_CLONE3,
            args,
            &mem,
            Outcome::Err(EINVAL),
            opts(false, true, 2)
        ),
        "clone3({flags=0, exit_signal=SIGCHLD, stack=NULL, stack_size=0, set_tid=[1, 2, 3], set_tid_size=3}, 88) = -1 EINVAL (Invalid argument)"
    );
    // A pointer without a size, as strace shows it: its address.
    ca[9] = 0;
    let mem = FakeMemory::new().with(0x3000, &words(&ca));
    assert_eq!(
        line(NR_CLONE3, args, &mem, Outcome::Err(EINVAL)),
        "clone3({flags=0, exit_signal=SIGCHLD, stack=NULL, stack_size=0, set_tid=0x4000, set_tid_size=0}, 88) = -1 EINVAL (Invalid argument)"
    );
}

/// A call cut by another process's line: clone's entry half ends at its flags and its exit
/// half starts with the separator, as strace writes them (`...|SIGCHLD <unfinished ...>`,
/// then `<... clone resumed>, child_tidptr=...`); without a pointer to show, no separator at
/// all. read's separator ends its entry half (`read(3,  <unfinished ...>`).
#[test]
fn where_a_cut_call_puts_its_separator() {
    let mem = FakeMemory::new().with(0x2000, b"ab");
    let halves = |nr, args, outcome| cut_halves(nr, args, &mem, outcome);
    assert_eq!(
        halves(
            NR_CLONE,
            [0x1200011, 0, 0, 0x7f81_c995_da10, 0, 0],
            Outcome::Ok(5631)
        ),
        (
            "child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD".to_string(),
            ", child_tidptr=0x7f81c995da10) = 5631".to_string()
        )
    );
    assert_eq!(
        halves(NR_CLONE, [17, 0, 0, 0, 0, 0], Outcome::Ok(5631)),
        (
            "child_stack=NULL, flags=SIGCHLD".to_string(),
            ") = 5631".to_string()
        )
    );
    assert_eq!(
        halves(NR_READ, [3, 0x2000, 2, 0, 0, 0], Outcome::Ok(2)),
        ("3, ".to_string(), r#""ab", 2) = 2"#.to_string())
    );
    // fcntl: what the caller gives at entry; what the kernel fills in, with its separator, at
    // exit; no argument, no separator.
    const F_GETFD: u64 = 1;
    const F_SETFD: u64 = 2;
    const F_GETLK: u64 = 5;
    assert_eq!(
        halves(NR_FCNTL, [3, F_SETFD, 1, 0, 0, 0], Outcome::Ok(0)),
        ("3, F_SETFD, FD_CLOEXEC".to_string(), ") = 0".to_string())
    );
    assert_eq!(
        halves(NR_FCNTL, [3, F_GETFD, 0, 0, 0, 0], Outcome::Ok(1)),
        (
            "3, F_GETFD".to_string(),
            ") = 0x1 (flags FD_CLOEXEC)".to_string()
        )
    );
    let mem = FakeMemory::new().with(0x3000, &[0u8; 32]);
    assert_eq!(
        cut_halves(
            NR_FCNTL,
            [3, F_GETLK, 0x3000, 0, 0, 0],
            &mem,
            Outcome::Ok(0)
        ),
        (
            "3, F_GETLK".to_string(),
            ", {l_type=F_RDLCK, l_whence=SEEK_SET, l_start=0, l_len=0, l_pid=0}) = 0".to_string()
        )
    );
}

/// ioctl's separator goes with its argument: at entry when the caller gives it (FIONBIO's
/// `[1]`, TCSETS's termios), at exit when the kernel fills it in (TCGETS) or the request is
/// unknown (its hex value then), as strace's ioctl writes it.
#[test]
fn ioctl_halves() {
    const TCGETS: u64 = 0x5401;
    const TCSETS: u64 = 0x5402;
    const FIONBIO: u64 = 0x5421;
    let mem = FakeMemory::new()
        .with(0x1000, &1i32.to_ne_bytes())
        .with(0x2000, &[0u8; 60]);
    let halves = |args, outcome| cut_halves(NR_IOCTL, args, &mem, outcome);
    let whole = |args, outcome| unpadded(&line(NR_IOCTL, args, &mem, outcome));
    assert_eq!(
        halves([3, FIONBIO, 0x1000, 0, 0, 0], Outcome::Ok(0)),
        ("3, FIONBIO, [1]".to_string(), ") = 0".to_string())
    );
    assert_eq!(
        halves([3, TCGETS, 0x1000, 0, 0, 0], Outcome::Err(ENOTTY)),
        (
            "3, TCGETS".to_string(),
            ", 0x1000) = -1 ENOTTY (Inappropriate ioctl for device)".to_string()
        )
    );
    let (entry_half, exit_half) = halves([3, TCGETS, 0x2000, 0, 0, 0], Outcome::Ok(0));
    assert_eq!(entry_half, "3, TCGETS");
    assert!(exit_half.starts_with(", {c_iflag=, "), "{exit_half}");
    let tcgets = whole([3, TCGETS, 0x2000, 0, 0, 0], Outcome::Ok(0));
    assert_eq!(format!("ioctl({entry_half}{exit_half}"), tcgets);
    let (entry_half, exit_half) = halves([0, TCSETS, 0x2000, 0, 0, 0], Outcome::Ok(0));
    assert!(
        entry_half.starts_with("0, SNDCTL_TMR_START or TCSETS, {c_iflag=, "),
        "{entry_half}"
    );
    assert_eq!(exit_half, ") = 0");
    assert_eq!(
        halves([3, 0xdead, 0x1000, 0, 0, 0], Outcome::Err(ENOTTY)),
        (
            "3, _IOC(_IOC_NONE, 0xde, 0xad, 0)".to_string(),
            ", 0x1000) = -1 ENOTTY (Inappropriate ioctl for device)".to_string()
        )
    );
    // A request strace does not know, of a type it has a decoder for (the terminal's 'T',
    // sockets' 0x89, evdev's 'E'): that decoder answers at entry, so the hex is written then.
    for (request, name) in [
        (0x54ff, "_IOC(_IOC_NONE, 0x54, 0xff, 0)"),
        (0x89ff, "_IOC(_IOC_NONE, 0x89, 0xff, 0)"),
        (0x45ff, "_IOC(_IOC_NONE, 0x45, 0xff, 0)"),
    ] {
        assert_eq!(
            halves([3, request, 0x1000, 0, 0, 0], Outcome::Err(ENOTTY)),
            (
                format!("3, {name}, 0x1000"),
                ") = -1 ENOTTY (Inappropriate ioctl for device)".to_string()
            )
        );
    }
}

/// clone3 as strace's decoder writes its halves: the struct at entry; what the call wrote
/// (` => {parent_tid=[N]}`) and the size at exit; where it writes nothing to show (a
/// posix_spawn's CLONE_VM|CLONE_VFORK, which its child always cuts), the size at entry too.
#[test]
fn clone3_halves() {
    let ca = settid_clone_args();
    let mut vfork = [0u64; 11];
    vfork[0] = 0x4100; // CLONE_VM|CLONE_VFORK
    vfork[4] = 17;
    vfork[5] = 0x7000;
    vfork[6] = 0x9000;
    let mem = FakeMemory::new()
        .with(0x1000, &5632i32.to_ne_bytes())
        .with(0x3000, &words(&ca))
        .with(0x5000, &words(&vfork));
    let halves = |args, outcome| cut_halves(NR_CLONE3, args, &mem, outcome);
    let settid = "{flags=CLONE_PARENT_SETTID|CLONE_CHILD_SETTID, child_tid=0x2000, parent_tid=0x1000, exit_signal=SIGCHLD, stack=NULL, stack_size=0}";
    assert_eq!(
        halves([0x3000, 88, 0, 0, 0, 0], Outcome::Ok(5632)),
        (
            settid.to_string(),
            " => {parent_tid=[5632]}, 88) = 5632".to_string()
        )
    );
    assert_eq!(
        halves([0x3000, 88, 0, 0, 0, 0], Outcome::Err(EINVAL)),
        (
            settid.to_string(),
            ", 88) = -1 EINVAL (Invalid argument)".to_string()
        )
    );
    assert_eq!(
        halves([0x5000, 88, 0, 0, 0, 0], Outcome::Ok(5633)),
        (
            "{flags=CLONE_VM|CLONE_VFORK, exit_signal=SIGCHLD, stack=0x7000, stack_size=0x9000}, 88"
                .to_string(),
            ") = 5633".to_string()
        )
    );
    assert_eq!(
        halves([0x8, 88, 0, 0, 0, 0], Outcome::Err(EFAULT)),
        (
            "0x8, 88".to_string(),
            ") = -1 EFAULT (Bad address)".to_string()
        )
    );
}
