//! End-to-end tests of System V IPC: `tests/helpers/h_ipc.c` (a message queue, a semaphore
//! set and a shared memory segment, created, used, queried with every `*ctl` command and
//! removed, in an IPC namespace of the helper's own) traced by `strace-rs`, every line after
//! the marker asserted exactly, and compared per line with the real strace by default, under
//! `-X raw`, `-X verbose`, `-v`, `-Y` and `-e verbose=none`, with the flags strace 6.1
//! writes without a `|` before the mode (`quirks`).
//!
//! The expected lines were taken from Debian's strace 6.1 on x86_64 running the same
//! helper, masked by [`lines`]: addresses and the pid as every test masks them, and the
//! times the structs hold. The ids are the fresh namespace's (0) in every run; the counts
//! the INFO commands report, that namespace's.

mod common;

use common::*;

/// The masked lines after the marker of `h_ipc ARGS` under `tracer` with `opts`, and the
/// tracer's messages (strace's short-read warnings) with its name taken off; `None` when the
/// helper cannot have an IPC namespace of its own (it exits 77 before the marker).
fn lines(tracer: &str, opts: &[&str], args: &[&str]) -> Option<(Vec<String>, Vec<String>)> {
    let (_dir, run) = trace_helper(tracer, opts, "h_ipc", args);
    if describe_status(&run.status) == "exited with 77" {
        return None;
    }
    assert_eq!(
        describe_status(&run.status),
        "exited with 0",
        "{tracer} {opts:?} tracing h_ipc; stderr:\n{}\ntrace:\n{}",
        run.stderr,
        run.trace
    );
    let times = regex::Regex::new(r"(_[a-z]time)=\d+").unwrap();
    let lines = masked_after_marker(&run)
        .into_iter()
        .map(|l| {
            let masked = times.replace_all(&l, "${1}=T").into_owned();
            match split_result(&masked) {
                Some((call, _, result)) if masked != l => {
                    format!("{}{result}", pad_to(call.trim_end(), DEFAULT_COLUMN))
                }
                _ => masked,
            }
        })
        .collect();
    let messages = mask_addresses(&run.stderr)
        .lines()
        .map(|l| l.split_once(": ").map_or(l, |(_, rest)| rest).to_string())
        .collect();
    Some((lines, messages))
}

/// Prints what the real strace shows, masked as the tests mask it:
/// `cargo test --test ipc -- --ignored --nocapture` (the expected lines below were made
/// this way).
#[test]
#[ignore]
fn print_reference_lines() {
    for l in lines(REAL_STRACE, &[], &[]).expect("an IPC namespace").0 {
        println!("            r#\"{l}\"#,");
    }
}

#[test]
fn queues_semaphores_and_shared_memory() {
    let Some((got, messages)) = lines(STRACE_RS, &[], &[]) else {
        eprintln!("note: no IPC namespace for h_ipc (CAP_SYS_ADMIN); skipping");
        return;
    };
    assert_eq!(messages, ["umoven: short read (8 < 33) @0xADDR"]);
    assert_lines(
        &got,
        &[
            r#"getpid()                                = PID"#,
            r#"mmap(NULL, 8192, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0xADDR"#,
            r#"munmap(0xADDR, 4096)                    = 0"#,
            r#"msgget(IPC_PRIVATE, IPC_CREAT|0600)     = 0"#,
            r#"msgget(0x7e57ab1e, 000)                 = -1 ENOENT (No such file or directory)"#,
            r#"msgget(0x7e57ab1e, IPC_EXCL|IPC_NOWAIT|0640) = -1 ENOENT (No such file or directory)"#,
            r#"msgsnd(0, {mtype=5, mtext="hello, queue\0"}, 13, 0) = 0"#,
            r#"msgsnd(0, {mtype=7, mtext="hello, queue\0\0\0\0\0\0\0\0"}, 20, IPC_NOWAIT) = 0"#,
            r#"msgsnd(0, NULL, 1, IPC_NOWAIT)          = -1 EFAULT (Bad address)"#,
            r#"msgsnd(0, {mtype=1, mtext=0xADDR}, 64, IPC_NOWAIT) = -1 EFAULT (Bad address)"#,
            r#"msgsnd(0, {mtype=7, mtext="hell"}, 4, 0x7000000 /* MSG_??? */) = 0"#,
            r#"msgrcv(0, {mtype=5, mtext="hello, queue\0xxx"}, 16, 5, MSG_NOERROR) = 13"#,
            r#"msgrcv(0, {mtype=7, mtext="hell"}, 4, -7, MSG_NOERROR|IPC_NOWAIT) = 4"#,
            r#"msgrcv(0, {mtype=7, mtext="hello, queue\0xxx"}, 16, 0, IPC_NOWAIT) = 4"#,
            r#"msgrcv(0, 0xADDR, 16, 3, MSG_EXCEPT|IPC_NOWAIT) = -1 ENOMSG (No message of desired type)"#,
            r#"msgctl(0, IPC_STAT, {msg_perm={uid=0, gid=0, mode=0600, key=0, cuid=0, cgid=0}, msg_stime=T, msg_rtime=T, msg_ctime=T, msg_qnum=0, msg_qbytes=16384, msg_lspid=PID, msg_lrpid=PID}) = 0"#,
            r#"msgctl(0, IPC_SET, {msg_perm={uid=0, gid=0, mode=0600}, msg_qbytes=16384}) = 0"#,
            r#"msgctl(0, IPC_INFO, {msgpool=512000, msgmap=16384, msgmax=8192, msgmnb=16384, msgmni=32000, msgssz=16, msgtql=16384, msgseg=65535}) = 0"#,
            r#"msgctl(0, MSG_INFO, {msgpool=1, msgmap=0, msgmax=8192, msgmnb=16384, msgmni=32000, msgssz=16, msgtql=0, msgseg=65535}) = 0"#,
            r#"msgctl(0, MSG_STAT, {msg_perm={uid=0, gid=0, mode=0600, key=0, cuid=0, cgid=0}, msg_stime=T, msg_rtime=T, msg_ctime=T, msg_qnum=0, msg_qbytes=16384, msg_lspid=PID, msg_lrpid=PID}) = 0"#,
            r#"msgctl(0, MSG_STAT_ANY, {msg_perm={uid=0, gid=0, mode=0600, key=0, cuid=0, cgid=0}, msg_stime=T, msg_rtime=T, msg_ctime=T, msg_qnum=0, msg_qbytes=16384, msg_lspid=PID, msg_lrpid=PID}) = 0"#,
            r#"msgctl(0, IPC_64|IPC_STAT, 0xADDR)      = -1 EINVAL (Invalid argument)"#,
            r#"msgctl(0, 0x77 /* MSG_??? */, 0xADDR)   = -1 EINVAL (Invalid argument)"#,
            r#"msgctl(0, IPC_STAT, 0x8)                = -1 EFAULT (Bad address)"#,
            r#"msgctl(0, IPC_SET, NULL)                = -1 EFAULT (Bad address)"#,
            r#"msgctl(0, IPC_RMID, NULL)               = 0"#,
            r#"mmap(NULL, 8192, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0xADDR"#,
            r#"munmap(0xADDR, 4096)                    = 0"#,
            r#"semget(IPC_PRIVATE, 2, IPC_CREAT|IPC_EXCL|0600) = 0"#,
            r#"semget(0x7e57ab1e, 1, 000)              = -1 ENOENT (No such file or directory)"#,
            r#"semctl(0, 0, SETVAL, 0x1)               = 0"#,
            r#"semctl(0, 0, GETVAL, NULL)              = 1"#,
            r#"semctl(0, 0, SETALL, 0xADDR)            = 0"#,
            r#"semctl(0, 0, GETALL, 0xADDR)            = 0"#,
            r#"semop(0, [{sem_num=0, sem_op=2, sem_flg=SEM_UNDO}, {sem_num=1, sem_op=1, sem_flg=IPC_NOWAIT}], 2) = 0"#,
            r#"semop(0, [{sem_num=0, sem_op=2, sem_flg=SEM_UNDO}, ... /* 0xADDR */], 2) = -1 EFAULT (Bad address)"#,
            r#"semop(0, NULL, 1)                       = -1 EFAULT (Bad address)"#,
            r#"semop(0, [], 0)                         = -1 EINVAL (Invalid argument)"#,
            r#"semtimedop(0, [{sem_num=0, sem_op=-100, sem_flg=IPC_NOWAIT}], 1, {tv_sec=0, tv_nsec=1000}) = -1 EAGAIN (Resource temporarily unavailable)"#,
            r#"semtimedop(0, [{sem_num=0, sem_op=-1, sem_flg=IPC_NOWAIT}], 1, NULL) = 0"#,
            r#"semtimedop(0, [{sem_num=0, sem_op=-1, sem_flg=IPC_NOWAIT}], 1, 0x8) = -1 EFAULT (Bad address)"#,
            r#"semop(0, [{sem_num=0, sem_op=0, sem_flg=IPC_NOWAIT}, {sem_num=0, sem_op=0, sem_flg=IPC_NOWAIT}, {sem_num=0, sem_op=0, sem_flg=IPC_NOWAIT}, {sem_num=0, sem_op=0, sem_flg=IPC_NOWAIT}, {sem_num=0, sem_op=0, sem_flg=IPC_NOWAIT}, {sem_num=0, sem_op=0, sem_flg=IPC_NOWAIT}, {sem_num=0, sem_op=0, sem_flg=IPC_NOWAIT}, {sem_num=0, sem_op=0, sem_flg=IPC_NOWAIT}, {sem_num=0, sem_op=0, sem_flg=IPC_NOWAIT}, {sem_num=0, sem_op=0, sem_flg=IPC_NOWAIT}, {sem_num=0, sem_op=0, sem_flg=IPC_NOWAIT}, {sem_num=0, sem_op=0, sem_flg=IPC_NOWAIT}, {sem_num=0, sem_op=0, sem_flg=IPC_NOWAIT}, {sem_num=0, sem_op=0, sem_flg=IPC_NOWAIT}, {sem_num=0, sem_op=0, sem_flg=IPC_NOWAIT}, {sem_num=0, sem_op=0, sem_flg=IPC_NOWAIT}, {sem_num=0, sem_op=0, sem_flg=IPC_NOWAIT}, {sem_num=0, sem_op=0, sem_flg=IPC_NOWAIT}, {sem_num=0, sem_op=0, sem_flg=IPC_NOWAIT}, {sem_num=0, sem_op=0, sem_flg=IPC_NOWAIT}, {sem_num=0, sem_op=0, sem_flg=IPC_NOWAIT}, {sem_num=0, sem_op=0, sem_flg=IPC_NOWAIT}, {sem_num=0, sem_op=0, sem_flg=IPC_NOWAIT}, {sem_num=0, sem_op=0, sem_flg=IPC_NOWAIT}, {sem_num=0, sem_op=0, sem_flg=IPC_NOWAIT}, {sem_num=0, sem_op=0, sem_flg=IPC_NOWAIT}, {sem_num=0, sem_op=0, sem_flg=IPC_NOWAIT}, {sem_num=0, sem_op=0, sem_flg=IPC_NOWAIT}, {sem_num=0, sem_op=0, sem_flg=IPC_NOWAIT}, {sem_num=0, sem_op=0, sem_flg=IPC_NOWAIT}, {sem_num=0, sem_op=0, sem_flg=IPC_NOWAIT}, {sem_num=0, sem_op=0, sem_flg=IPC_NOWAIT}, ...], 40) = -1 EAGAIN (Resource temporarily unavailable)"#,
            r#"semctl(0, 1, GETPID, NULL)              = PID"#,
            r#"semctl(0, 0, GETNCNT, NULL)             = 0"#,
            r#"semctl(0, 0, GETZCNT, NULL)             = 0"#,
            r#"semctl(0, 0, IPC_STAT, {sem_perm={uid=0, gid=0, mode=0600, key=0, cuid=0, cgid=0}, sem_otime=T, sem_ctime=T, sem_nsems=2}) = 0"#,
            r#"semctl(0, 0, IPC_SET, {sem_perm={uid=0, gid=0, mode=0600}}) = 0"#,
            r#"semctl(0, 0, IPC_INFO, {semmap=1024000000, semmni=32000, semmns=1024000000, semmnu=1024000000, semmsl=32000, semopm=500, semume=500, semusz=20, semvmx=32767, semaem=32767}) = 0"#,
            r#"semctl(0, 0, SEM_INFO, {semmap=1024000000, semmni=32000, semmns=1024000000, semmnu=1024000000, semmsl=32000, semopm=500, semume=500, semusz=1, semvmx=32767, semaem=2}) = 0"#,
            r#"semctl(0, 0, SEM_STAT, {sem_perm={uid=0, gid=0, mode=0600, key=0, cuid=0, cgid=0}, sem_otime=T, sem_ctime=T, sem_nsems=2}) = 0"#,
            r#"semctl(0, 0, SEM_STAT_ANY, {sem_perm={uid=0, gid=0, mode=0600, key=0, cuid=0, cgid=0}, sem_otime=T, sem_ctime=T, sem_nsems=2}) = 0"#,
            r#"semctl(0, 0, 0x77 /* SEM_??? */, NULL)  = -1 EINVAL (Invalid argument)"#,
            r#"semctl(0, 0, IPC_64|GETVAL, NULL)       = -1 EINVAL (Invalid argument)"#,
            r#"semctl(0, 0, IPC_STAT, 0x8)             = -1 EFAULT (Bad address)"#,
            r#"semctl(0, 0, IPC_RMID, NULL)            = 0"#,
            r#"shmget(IPC_PRIVATE, 8192, IPC_CREAT|0600) = 0"#,
            r#"shmget(0x7e57ab1e, 4096, SHM_HUGETLB|21<<SHM_HUGE_SHIFT|0600) = -1 ENOENT (No such file or directory)"#,
            r#"shmget(0x7e57ab1e, 4096, SHM_NORESERVE|0644) = -1 ENOENT (No such file or directory)"#,
            r#"shmat(0, NULL, SHM_RDONLY)              = 0xADDR"#,
            r#"shmdt(0xADDR)                           = 0"#,
            r#"shmat(0, NULL, 0)                       = 0xADDR"#,
            r#"shmat(0, NULL, SHM_REMAP)               = -1 EINVAL (Invalid argument)"#,
            r#"shmat(2147483647, NULL, SHM_RND|SHM_EXEC|0x100) = -1 EINVAL (Invalid argument)"#,
            r#"shmctl(0, IPC_STAT, {shm_perm={uid=0, gid=0, mode=0600, key=0, cuid=0, cgid=0}, shm_segsz=8192, shm_cpid=PID, shm_lpid=PID, shm_nattch=1, shm_atime=T, shm_dtime=T, shm_ctime=T}) = 0"#,
            r#"shmctl(0, IPC_SET, {shm_perm={uid=0, gid=0, mode=0600}}) = 0"#,
            r#"shmctl(0, IPC_INFO, {shmmax=18446744073692774399, shmmin=1, shmmni=4096, shmseg=4096, shmall=18446744073692774399}) = 0"#,
            r#"shmctl(0, SHM_INFO, {used_ids=1, shm_tot=2, shm_rss=1, shm_swp=0, swap_attempts=0, swap_successes=0}) = 0"#,
            r#"shmctl(0, SHM_STAT, {shm_perm={uid=0, gid=0, mode=0600, key=0, cuid=0, cgid=0}, shm_segsz=8192, shm_cpid=PID, shm_lpid=PID, shm_nattch=1, shm_atime=T, shm_dtime=T, shm_ctime=T}) = 0"#,
            r#"shmctl(0, SHM_STAT_ANY, {shm_perm={uid=0, gid=0, mode=0600, key=0, cuid=0, cgid=0}, shm_segsz=8192, shm_cpid=PID, shm_lpid=PID, shm_nattch=1, shm_atime=T, shm_dtime=T, shm_ctime=T}) = 0"#,
            r#"shmctl(0, 0x77 /* SHM_??? */, NULL)     = -1 EINVAL (Invalid argument)"#,
            r#"shmctl(0, IPC_STAT, 0x8)                = -1 EFAULT (Bad address)"#,
            r#"shmctl(0, IPC_RMID, NULL)               = 0"#,
            r#"shmdt(0xADDR)                           = 0"#,
            r#"shmdt(NULL)                             = -1 EINVAL (Invalid argument)"#,
            r#"exit_group(0)                           = ?"#,
            r#"+++ exited with 0 +++"#,
        ],
    );
}

/// The same helper under both tracers, with the options that change how IPC prints.
#[test]
fn ipc_matches_real_strace() {
    if !real_strace_available() {
        eprintln!("note: {REAL_STRACE} is not installed; skipping");
        return;
    }
    let opts: [&[&str]; 6] = [
        &[],
        &["-X", "raw"],
        &["-X", "verbose"],
        &["-v"],
        &["-Y"],
        // semtimedop's timeout is a struct timespec, whose printer leaves `-e verbose` to
        // the kind (not IPC's): that call is left out here.
        &["-e", "verbose=none", "-e", "trace=!semtimedop"],
    ];
    for opts in opts {
        let Some(ours) = lines(STRACE_RS, opts, &["quirks"]) else {
            eprintln!("note: no IPC namespace for h_ipc (CAP_SYS_ADMIN); skipping");
            return;
        };
        let theirs = lines(REAL_STRACE, opts, &["quirks"]).expect("an IPC namespace");
        assert_lines(&ours.0, &theirs.0);
        assert_eq!(ours.1, theirs.1, "messages under {opts:?}");
    }
}
